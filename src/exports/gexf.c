/* gexf.c — dynamic GEXF 1.3 for Gephi's timeline: nodes start when first seen, each edge has
 * its merged spells of dated events, positions from igraph's layout, colours by bloc (or kind)
 * and sizes by betweenness. */
#include "export_int.h"

#include "codes.h"
#include "palette.h"
#include "qp.h"
#include "textout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef qp_rgb rgb;

/* Kinds get softer colours than blocs. */
static rgb kind_colour(const char *kind)
{
    static const rgb kinds[QP_KIND_COUNT] = {
        [QP_KIND_STATE] = {66, 133, 244},      [QP_KIND_GOVERNMENT] = {52, 101, 164},
        [QP_KIND_MILITARY] = {78, 154, 6},     [QP_KIND_PARAMILITARY] = {115, 210, 22},
        [QP_KIND_POLICE] = {114, 159, 207},    [QP_KIND_ARMED_GROUP] = {204, 0, 0},
        [QP_KIND_COALITION] = {117, 80, 123},  [QP_KIND_IGO] = {193, 125, 17},
        [QP_KIND_NGO] = {233, 185, 110},       [QP_KIND_PARTY] = {173, 127, 168},
        [QP_KIND_OPPOSITION] = {239, 41, 41},  [QP_KIND_PERSON] = {136, 138, 133},
        [QP_KIND_CIVILIANS] = {186, 189, 182}, [QP_KIND_MEDIA] = {252, 175, 62},
    };
    int k = qp_kind_parse(kind);
    return k < 0 ? (rgb){160, 160, 160} : kinds[k];
}

static const char *const node_attrs[][3] = {
    {"kind", "kind", "string"}, {"country", "country", "string"}, {"label_fr", "label_fr", "string"},
    {"parent", "parent", "string"}, {"first_seen", "first_seen", "string"}, {"last_seen", "last_seen", "string"},
    {"event_count", "events", "integer"}, {"degree", "degree", "integer"}, {"betweenness", "betweenness", "double"},
    {"bloc", "bloc", "integer"},
};
static const char *const edge_attrs[][3] = {
    {"relation", "relation", "string"}, {"mutual", "mutual", "boolean"}, {"sign", "sign", "integer"},
    {"documents", "documents", "integer"},
    {"first_date", "first_date", "string"}, {"last_date", "last_date", "string"},
    {"event_ids", "event_ids", "string"},
};

static int put_attvalue(qp_buf *b, const char *id, const char *value)
{
    if (!value)
        return 0;
    int rc = qp_buf_printf(b, "          <attvalue for=\"%s\" value=\"", id);
    rc |= qp_text_xml(b, value);
    return rc | qp_buf_puts(b, "\"/>\n");
}

static int put_node(qp_buf *b, const qp_graph_node *n, const qp_export_opts *o, const export_picture *pic)
{
    int rc = qp_buf_puts(b, "      <node id=\"");
    rc |= export_put_id(b, n->id);
    rc |= qp_buf_puts(b, "\" label=\"");
    rc |= export_put_token(b, n->label ? n->label : n->id);
    rc |= qp_buf_putc(b, '"');
    if (n->first)
        rc |= qp_buf_printf(b, " start=\"%.10s\"", n->first);
    rc |= qp_buf_puts(b, ">\n        <attvalues>\n");
    rc |= put_attvalue(b, "kind", n->kind);
    rc |= put_attvalue(b, "country", n->country);
    rc |= put_attvalue(b, "label_fr", n->label_fr);
    rc |= put_attvalue(b, "parent", n->parent);
    rc |= put_attvalue(b, "first_seen", n->first);
    rc |= put_attvalue(b, "last_seen", n->last);
    rc |= qp_buf_printf(b, "          <attvalue for=\"event_count\" value=\"%zu\"/>\n"
                           "          <attvalue for=\"degree\" value=\"%zu\"/>\n"
                           "          <attvalue for=\"betweenness\" value=\"%.6g\"/>\n",
                        n->events, n->degree, n->betweenness);
    if (n->bloc >= 0) /* numbered as `quipu query sides` numbers them; no side, no value */
        rc |= qp_buf_printf(b, "          <attvalue for=\"bloc\" value=\"%d\"/>\n", n->bloc + 1);
    rc |= qp_buf_puts(b, "        </attvalues>\n");
    rgb c = o->colour_by_kind || o->no_sides ? kind_colour(n->kind) : qp_bloc_rgb(n->bloc, pic->n_shared, NULL);
    rc |= qp_buf_printf(b, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n"
                           "        <viz:position x=\"%.2f\" y=\"%.2f\" z=\"0\"/>\n        <viz:size value=\"%.2f\"/>\n",
                        c.r, c.g, c.b, export_coord(n->x, pic), export_coord(-n->y, pic), export_node_size(n, pic));
    return rc | qp_buf_puts(b, "      </node>\n");
}

static int put_edge(qp_buf *b, const qp_graph *g, const qp_graph_edge *e, const qp_export_opts *o)
{
    const qp_graph_node *s = qp_graph_node_at(g, e->source), *t = qp_graph_node_at(g, e->target);
    const char *rel = qp_relation_name(e->relation);
    int rc = qp_buf_puts(b, "      <edge id=\"");
    rc |= export_put_id(b, s->id);
    rc |= qp_buf_putc(b, ':');
    rc |= export_put_id(b, t->id);
    rc |= qp_buf_printf(b, ":%s\" source=\"", rel);
    rc |= export_put_id(b, s->id);
    rc |= qp_buf_puts(b, "\" target=\"");
    rc |= export_put_id(b, t->id);
    /* one edge type per file unless --mixed: networkx refuses an undirected edge in a directed
     * graph, and Gephi drops one under defaultedgetype="directed" */
    int mutual = !qp_relation_directed(e->relation);
    if (o->mixed)
        rc |= qp_buf_printf(b, "\" type=\"%s", mutual ? "undirected" : "directed");
    rc |= qp_buf_printf(b, "\" kind=\"%s\" label=\"%s\" weight=\"%zu\">\n        <attvalues>\n", rel, rel,
                        e->weight ? e->weight : 1);
    rc |= put_attvalue(b, "relation", rel);
    rc |= put_attvalue(b, "mutual", mutual ? "true" : "false");
    rc |= qp_buf_printf(b, "          <attvalue for=\"sign\" value=\"%d\"/>\n"
                           "          <attvalue for=\"documents\" value=\"%zu\"/>\n",
                        e->sign, e->documents);
    rc |= put_attvalue(b, "first_date", e->first);
    rc |= put_attvalue(b, "last_date", e->last);
    if (e->n_events) {
        rc |= qp_buf_puts(b, "          <attvalue for=\"event_ids\" value=\"");
        for (size_t k = 0; k < e->n_events; k++) {
            if (k)
                rc |= qp_buf_putc(b, ' ');
            rc |= qp_text_token(b, qp_graph_event_at(g, e->events[k])->uid, QP_TEXT_XML);
        }
        rc |= qp_buf_puts(b, "\"/>\n");
    }
    rc |= qp_buf_puts(b, "        </attvalues>\n");
    rc |= export_put_spells(b, g, e, "        ");
    return rc | qp_buf_puts(b, "      </edge>\n");
}

int qp_export_gexf_graph(const qp_graph *g, const qp_export_opts *o, const char *path, char *err, size_t errlen)
{
    export_sel sel = {0};
    qp_buf b;
    qp_buf_init(&b);
    qp_outfile f;
    int opened = 0;
    int rc = export_sel_init(&sel, g, o);
    if (rc)
        goto cleanup;
    if ((rc = qp_outfile_open(&f, path, err, errlen)))
        goto cleanup;
    opened = 1;
    export_picture pic;
    export_picture_init(&pic, g, &sel);
    size_t nn = pic.n_nodes, ne = 0;
    for (size_t i = 0; i < sel.n_edges; i++)
        ne += sel.edge[i];
    /* 1.2draft for readers that know no later one (networkx before 3.0): the same file in the
     * older namespaces, without 1.3's time representation */
    rc = qp_buf_puts(&b, o->gexf12 ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                                     "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
                                   : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    rc |= qp_buf_puts(&b, "  <meta>\n    <creator>quipu " QP_VERSION "</creator>\n"
                          "    <description>Actors and their relations (backs, fights, cooperates, leads");
    rc |= qp_buf_printf(&b, "%s), aggregated from news events", o->by == QP_GRAPH_BY_COUNTRY ? ", by country" : "");
    if (o->since || o->until)
        rc |= qp_buf_printf(&b, " %s%s%s%s", o->since ? "from " : "", o->since ? o->since : "",
                            o->until ? (o->since ? " to " : "until ") : "", o->until ? o->until : "");
    rc |= qp_buf_puts(&b, "</description>\n  </meta>\n"
                          "  <graph mode=\"dynamic\"");
    /* without a default, Gephi takes each edge's type (a mixed graph); the schema's default
     * would be undirected, so networkx cannot read such a file */
    rc |= qp_buf_puts(&b, o->mixed ? "" : " defaultedgetype=\"directed\"");
    rc |= qp_buf_puts(&b, o->gexf12 ? " timeformat=\"date\">\n" : " timeformat=\"date\" timerepresentation=\"interval\">\n");
    rc |= qp_buf_puts(&b, "    <attributes class=\"node\" mode=\"static\">\n");
    for (size_t i = 0; i < QP_ARRAY_LEN(node_attrs); i++)
        rc |= qp_buf_printf(&b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", node_attrs[i][0],
                            node_attrs[i][1], node_attrs[i][2]);
    rc |= qp_buf_puts(&b, "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    for (size_t i = 0; i < QP_ARRAY_LEN(edge_attrs); i++)
        rc |= qp_buf_printf(&b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", edge_attrs[i][0],
                            edge_attrs[i][1], edge_attrs[i][2]);
    rc |= qp_buf_printf(&b, "    </attributes>\n    <nodes count=\"%zu\">\n", nn);
    for (size_t i = 0; i < sel.n_nodes && !rc; i++)
        if (sel.node[i])
            rc = put_node(&b, qp_graph_node_at(g, i), o, &pic) ? QP_ENOMEM : export_maybe_flush(&f, &b);
    if (!rc)
        rc = qp_buf_printf(&b, "    </nodes>\n    <edges count=\"%zu\">\n", ne);
    for (size_t i = 0; i < sel.n_edges && !rc; i++)
        if (sel.edge[i])
            rc = put_edge(&b, g, qp_graph_edge_at(g, i), o) ? QP_ENOMEM : export_maybe_flush(&f, &b);
    if (!rc)
        rc = qp_buf_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
    rc = qp_outfile_finish(&f, &b, rc, path, err, errlen);
    opened = 0;
cleanup:
    if (opened)
        qp_outfile_abort(&f);
    if (rc == QP_ENOMEM && errlen && !err[0])
        snprintf(err, errlen, "out of memory");
    export_sel_destroy(&sel);
    qp_buf_destroy(&b);
    return rc;
}
