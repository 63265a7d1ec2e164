/* export.c — building the graph to export from the store, and what both writers share. */
#include "export_int.h"

#include "qp.h"
#include "textout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <time.h>

int qp_export_relations_parse(const char *list, unsigned *mask, const char **bad)
{
    *mask = 0;
    const char *p = list;
    while (p && *p) {
        size_t n = strcspn(p, ",");
        char name[32];
        if (n && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = 0;
            int r = qp_relation_parse(name);
            if (r < 0) {
                if (bad)
                    *bad = p;
                return QP_EINVAL;
            }
            *mask |= 1u << r;
        } else if (n) {
            if (bad)
                *bad = p;
            return QP_EINVAL;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

int qp_export_load(qp_store *s, const qp_export_opts *o, qp_graph **out, char *err, size_t errlen)
{
    *out = NULL;
    qp_graph *g = NULL;
    qp_graph_load_opts lo = {.since = o->since, .until = o->until, .by = o->by};
#define STAGE(name) (o->progress ? o->progress(name, o->progress_ud) : (void)0)
    STAGE("building the graph");
    int rc = qp_graph_load(s, &lo, &g, err, errlen);
    if (rc)
        goto cleanup;
    STAGE("finding the blocs");
    if (!o->no_sides) {
        int nb = qp_graph_sides(g, QP_SIDES_SEED);
        if (nb < 0) {
            rc = nb;
            goto cleanup;
        }
    }
    STAGE("measuring betweenness");
    if ((rc = qp_graph_centrality(g)))
        goto cleanup;
    STAGE("laying out");
    /* the picture Gephi opens on: the nodes that will be written, laid out by igraph */
    export_sel sel = {0};
    if ((rc = export_sel_init(&sel, g, o)))
        goto cleanup;
    rc = qp_graph_layout(g, sel.node, QP_SIDES_SEED);
    export_sel_destroy(&sel);
    if (rc)
        goto cleanup;
    *out = g;
    g = NULL;
cleanup:
    qp_graph_destroy(g);
    if (rc && errlen && !err[0])
        snprintf(err, errlen, "cannot build the graph: %s", qp_strerror(rc));
    return rc;
}

int export_sel_init(export_sel *s, const qp_graph *g, const qp_export_opts *o)
{
    s->n_nodes = qp_graph_node_count(g);
    s->n_edges = qp_graph_edge_count(g);
    s->node = calloc(s->n_nodes + 1, 1);
    s->edge = calloc(s->n_edges + 1, 1);
    if (!s->node || !s->edge) {
        export_sel_destroy(s);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < s->n_edges; i++) {
        const qp_graph_edge *e = qp_graph_edge_at(g, i);
        if (o->relations && !(o->relations & (1u << e->relation)))
            continue;
        s->edge[i] = 1;
        s->node[e->source] = s->node[e->target] = 1;
    }
    /* an actor with no tie is a dot apart from the picture: only when asked for */
    if (o->isolated)
        memset(s->node, 1, s->n_nodes);
    return 0;
}

void export_picture_init(export_picture *p, const qp_graph *g, const export_sel *sel)
{
    memset(p, 0, sizeof *p);
    size_t nb = qp_graph_bloc_count(g);
    size_t *size = calloc(nb + 1, sizeof *size);
    for (size_t i = 0; i < sel->n_nodes; i++) {
        const qp_graph_node *n = qp_graph_node_at(g, i);
        if (size && n->bloc >= 0 && (size_t)n->bloc < nb)
            size[n->bloc]++; /* over every node: the blocs are those of `query sides` */
        if (!sel->node[i])
            continue;
        p->n_nodes++;
        p->maxb = n->betweenness > p->maxb ? n->betweenness : p->maxb;
        p->maxs = n->strength > p->maxs ? n->strength : p->maxs;
    }
    /* blocs are numbered largest first: those of two or more come first. Out of memory, no
     * bloc has a colour: a picture in grey rather than none */
    while (size && p->n_shared < nb && size[p->n_shared] >= 2)
        p->n_shared++;
    free(size);
}

double export_node_size(const qp_graph_node *n, const export_picture *p)
{
    return 4 + 36 * (p->maxb > 0 ? sqrt(n->betweenness / p->maxb) : 0) +
           10 * (p->maxs > 0 ? log1p(n->strength) / log1p(p->maxs) : 0);
}

double export_coord(double v, const export_picture *p)
{
    /* Gephi's nodes are sized 4 to 50: room for them grows with the square root of their number */
    return v * 60.0 * sqrt((double)(p->n_nodes > 4 ? p->n_nodes : 4));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, char out[32])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, 32, "%04ld-%02u-%02u", y, m, d);
}

static int two(const char *p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

/* The day number of a YYYY-MM-DD prefix, or LONG_MIN when it is not one. */
static long day_of(const char *s)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return LONG_MIN;
    int m = two(s + 5), d = two(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return LONG_MIN;
    return days_from_civil(atoi(s), (unsigned)m, (unsigned)d);
}

int export_put_spells(qp_buf *b, const qp_graph *g, const qp_graph_edge *e, const char *indent)
{
    int rc = 0, header = 0, pending = 0;
    long cs = 0, ce = 0; /* the pending run: first and last day, inclusive */
    for (size_t k = 0; k <= e->n_events; k++) {
        long s = LONG_MIN, last = 0;
        if (k < e->n_events) {
            const qp_graph_event *ev = qp_graph_event_at(g, e->events[k]);
            if ((s = day_of(ev->date)) == LONG_MIN)
                continue; /* undated: it cannot be placed on the timeline */
            long end = day_of(ev->date_end); /* exclusive */
            last = end != LONG_MIN && end > s ? end - 1 : s;
            if (pending && s <= ce + 1) { /* events come in start order: the run goes on */
                ce = last > ce ? last : ce;
                continue;
            }
        }
        if (pending) { /* the run ends before this event (or with the edge): write it */
            char from[32], to[32];
            civil_from_days(cs, from);
            civil_from_days(ce, to);
            if (!header++)
                rc |= qp_buf_printf(b, "%s<spells>\n", indent);
            rc |= qp_buf_printf(b, "%s  <spell start=\"%s\" end=\"%s\"/>\n", indent, from, to);
        }
        cs = s;
        ce = last;
        pending = k < e->n_events;
    }
    if (header)
        rc |= qp_buf_printf(b, "%s</spells>\n", indent);
    return rc ? QP_ENOMEM : 0;
}

void export_sel_destroy(export_sel *s)
{
    free(s->node);
    free(s->edge);
    s->node = s->edge = NULL;
}

int export_put_id(qp_buf *b, const char *id)
{
    if (qp_buf_reserve(b, strlen(id) + 1))
        return QP_ENOMEM;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        unsigned char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                 c == '-' || c == '_' || c == ':';
        b->data[b->len++] = ok ? (char)c : '_';
    }
    b->data[b->len] = 0;
    return 0;
}

int export_put_token(qp_buf *b, const char *s)
{
    size_t at = b->len;
    if (qp_text_xml(b, s))
        return QP_ENOMEM;
    size_t w = at;
    int space = 1; /* drops leading spaces */
    for (size_t r = at; r < b->len; r++) {
        if (b->data[r] == ' ') {
            if (!space)
                b->data[w++] = ' ';
            space = 1;
        } else {
            b->data[w++] = b->data[r];
            space = 0;
        }
    }
    if (w > at && b->data[w - 1] == ' ')
        w--;
    b->len = w;
    b->data[w] = 0;
    return 0;
}

int export_maybe_flush(qp_outfile *f, qp_buf *b)
{
    return b->len >= (1u << 20) ? qp_outfile_flush(f, b) : 0;
}

static int load_and_write(qp_store *s, const qp_export_opts *o, const char *path, char *err, size_t errlen,
                          int (*writer)(const qp_graph *, const qp_export_opts *, const char *, char *, size_t))
{
    qp_graph *g = NULL;
    if (errlen)
        err[0] = 0;
    int rc = qp_export_load(s, o, &g, err, errlen);
    if (!rc && o->progress)
        o->progress("writing", o->progress_ud);
    if (!rc)
        rc = writer(g, o, path, err, errlen);
    qp_graph_destroy(g);
    return rc;
}

int qp_export_graphml(qp_store *s, const qp_export_opts *o, const char *path, char *err, size_t errlen)
{
    return load_and_write(s, o, path, err, errlen, qp_export_graphml_graph);
}

int qp_export_gexf(qp_store *s, const qp_export_opts *o, const char *path, char *err, size_t errlen)
{
    return load_and_write(s, o, path, err, errlen, qp_export_gexf_graph);
}
