/* export.c — building the graph to export from the store, and what both writers share. */
#include "export_int.h"

#include "qp.h"
#include "textout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    int rc = qp_graph_load(s, &lo, &g, err, errlen);
    if (rc)
        goto cleanup;
    if (!o->no_sides) {
        int nb = qp_graph_sides(g, 1);
        if (nb < 0) {
            rc = nb;
            goto cleanup;
        }
    }
    if ((rc = qp_graph_centrality(g)))
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
    /* without a relation filter every actor is shown, even one with no tie yet */
    if (!o->relations)
        memset(s->node, 1, s->n_nodes);
    return 0;
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

void export_last_day(const char *start, const char *end, char *out)
{
    if (!end || strlen(end) < 10) {
        snprintf(out, 48, "%.10s", start);
        return;
    }
    int d = (end[8] - '0') * 10 + (end[9] - '0');
    if (d > 1 && d <= 31) { /* the common case, without calendar arithmetic: 1M spells in a benchmark */
        memcpy(out, end, 8);
        out[8] = (char)('0' + (d - 1) / 10);
        out[9] = (char)('0' + (d - 1) % 10);
        out[10] = 0;
        if (strncmp(out, start, 10) < 0)
            snprintf(out, 48, "%.10s", start);
        return;
    }
    struct tm tm = {.tm_year = atoi(end) - 1900, .tm_mon = atoi(end + 5) - 1, .tm_mday = atoi(end + 8) - 1,
                    .tm_hour = 12};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    snprintf(out, 48, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    if (strcmp(out, start) < 0) /* an empty or reversed interval: the start day alone */
        snprintf(out, 48, "%.10s", start);
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
