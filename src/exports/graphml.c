/* graphml.c — GraphML as Gephi, networkx and igraph read it: descriptive key ids (Gephi takes
 * d3/d7-style ids for its own), labels on nodes and edges, no graph-level keys, weights above 0,
 * one edge per (source, target, relation) since Gephi merges parallel GraphML edges, every edge
 * directed (symmetric ones flagged mutual), positions and colours under the names Gephi maps. */
#include "export_int.h"

#include "palette.h"
#include "qp.h"
#include "textout.h"

#include <stdio.h>
#include <string.h>

typedef struct key {
    const char *id, *domain, *name, *type;
} key;

static const key keys[] = {
    {"label", "node", "label", "string"},
    {"label_fr", "node", "label_fr", "string"},
    {"kind", "node", "kind", "string"},
    {"country", "node", "country", "string"},
    {"parent", "node", "parent", "string"},
    {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"},
    {"event_count", "node", "events", "int"},
    {"degree", "node", "degree", "int"},
    {"betweenness", "node", "betweenness", "double"},
    {"bloc", "node", "bloc", "int"},
    /* Gephi reads these ids as the node's position, size and colour */
    {"x", "node", "x", "float"},
    {"y", "node", "y", "float"},
    {"size", "node", "size", "float"},
    {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"edge_label", "edge", "label", "string"},
    {"relation", "edge", "relation", "string"},
    {"mutual", "edge", "mutual", "boolean"},
    {"sign", "edge", "sign", "int"},
    {"weight", "edge", "weight", "double"},
    {"documents", "edge", "documents", "int"},
    {"first_date", "edge", "first_date", "string"},
    {"last_date", "edge", "last_date", "string"},
    {"event_ids", "edge", "event_ids", "string"},
};

static int put_data(qp_buf *b, const char *keyid, const char *text)
{
    if (!text)
        return 0;
    int rc = qp_buf_printf(b, "      <data key=\"%s\">", keyid);
    rc |= qp_text_xml(b, text);
    return rc | qp_buf_puts(b, "</data>\n");
}

static int put_node(qp_buf *b, const qp_graph_node *n, const export_picture *pic)
{
    int rc = qp_buf_puts(b, "    <node id=\"");
    rc |= export_put_id(b, n->id);
    rc |= qp_buf_puts(b, "\">\n");
    rc |= put_data(b, "label", n->label ? n->label : n->id);
    rc |= put_data(b, "label_fr", n->label_fr);
    rc |= put_data(b, "kind", n->kind);
    rc |= put_data(b, "country", n->country);
    rc |= put_data(b, "parent", n->parent);
    rc |= put_data(b, "first_seen", n->first);
    rc |= put_data(b, "last_seen", n->last);
    rc |= qp_buf_printf(b, "      <data key=\"event_count\">%zu</data>\n      <data key=\"degree\">%zu</data>\n"
                           "      <data key=\"betweenness\">%.6g</data>\n",
                        n->events, n->degree, n->betweenness);
    if (n->bloc >= 0) /* numbered as `quipu query sides` numbers them; no side, no value */
        rc |= qp_buf_printf(b, "      <data key=\"bloc\">%d</data>\n", n->bloc + 1);
    qp_rgb c = qp_bloc_rgb(n->bloc, pic->n_shared, NULL);
    rc |= qp_buf_printf(b, "      <data key=\"x\">%.2f</data>\n      <data key=\"y\">%.2f</data>\n"
                           "      <data key=\"size\">%.2f</data>\n      <data key=\"r\">%u</data>\n"
                           "      <data key=\"g\">%u</data>\n      <data key=\"b\">%u</data>\n",
                        export_coord(n->x, pic), export_coord(-n->y, pic), export_node_size(n, pic), c.r, c.g,
                        c.b);
    return rc | qp_buf_puts(b, "    </node>\n");
}

static int put_edge(qp_buf *b, const qp_graph *g, const qp_graph_edge *e)
{
    const qp_graph_node *s = qp_graph_node_at(g, e->source), *t = qp_graph_node_at(g, e->target);
    const char *rel = qp_relation_name(e->relation);
    int rc = qp_buf_puts(b, "    <edge id=\"");
    rc |= export_put_id(b, s->id);
    rc |= qp_buf_putc(b, ':');
    rc |= export_put_id(b, t->id);
    rc |= qp_buf_printf(b, ":%s\" source=\"", rel);
    rc |= export_put_id(b, s->id);
    rc |= qp_buf_puts(b, "\" target=\"");
    rc |= export_put_id(b, t->id);
    /* no directed="false": networkx refuses it in a directed graph, igraph ignores it */
    rc |= qp_buf_puts(b, "\">\n");
    rc |= put_data(b, "edge_label", rel);
    rc |= put_data(b, "relation", rel);
    rc |= put_data(b, "mutual", qp_relation_directed(e->relation) ? "false" : "true");
    rc |= qp_buf_printf(b, "      <data key=\"sign\">%d</data>\n      <data key=\"weight\">%zu</data>\n"
                           "      <data key=\"documents\">%zu</data>\n",
                        e->sign, e->weight ? e->weight : 1, e->documents);
    rc |= put_data(b, "first_date", e->first);
    rc |= put_data(b, "last_date", e->last);
    if (e->n_events) {
        rc |= qp_buf_puts(b, "      <data key=\"event_ids\">");
        for (size_t k = 0; k < e->n_events; k++) {
            const qp_graph_event *ev = qp_graph_event_at(g, e->events[k]);
            if (k)
                rc |= qp_buf_putc(b, ' ');
            rc |= qp_text_token(b, ev->uid, QP_TEXT_XML);
        }
        rc |= qp_buf_puts(b, "</data>\n");
    }
    return rc | qp_buf_puts(b, "    </edge>\n");
}

int qp_export_graphml_graph(const qp_graph *g, const qp_export_opts *o, const char *path, char *err, size_t errlen)
{
    export_sel sel = {0};
    qp_buf b;
    qp_buf_init(&b);
    qp_outfile f;
    int opened = 0;
    int rc = export_sel_init(&sel, g, o);
    if (rc)
        goto cleanup;
    export_picture pic;
    export_picture_init(&pic, g, &sel);
    if ((rc = qp_outfile_open(&f, path, err, errlen)))
        goto cleanup;
    opened = 1;
    rc = qp_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                         "  <!-- written by quipu " QP_VERSION "; node ids are actor ids, edge ids "
                         "source:target:relation -->\n");
    for (size_t i = 0; i < QP_ARRAY_LEN(keys); i++)
        rc |= qp_buf_printf(&b, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", keys[i].id,
                            keys[i].domain, keys[i].name, keys[i].type);
    rc |= qp_buf_puts(&b, "  <graph id=\"quipu\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < sel.n_nodes && !rc; i++)
        if (sel.node[i])
            rc = put_node(&b, qp_graph_node_at(g, i), &pic) ? QP_ENOMEM : export_maybe_flush(&f, &b);
    for (size_t i = 0; i < sel.n_edges && !rc; i++)
        if (sel.edge[i])
            rc = put_edge(&b, g, qp_graph_edge_at(g, i)) ? QP_ENOMEM : export_maybe_flush(&f, &b);
    if (!rc)
        rc = qp_buf_puts(&b, "  </graph>\n</graphml>\n");
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
