/* graph_query.c — questions on the built graph: ties of one actor, strongest path, centrality. */
#include "graph_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qp.h"

static void warn_handler(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    fprintf(stderr, "quipu: igraph warning: %s\n", reason);
}

void qp_graph_igraph_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_set_warning_handler(warn_handler);
}

/* The events of e not already counted through another relation in the same set (a LEAD is
 * also a backing, a military COOPERATE also a backing, so each event weighs once), each
 * weighing 1 or, with by_confidence, its extraction confidence (0 taken as unknown: 1). */
static double edge_weight_once(const qp_graph *g, const qp_graph_edge *e, unsigned set,
                               int by_confidence)
{
    int dedup = (set & (1u << QP_REL_BACKS)) != 0;
    if (dedup && e->relation == QP_REL_LEADS)
        return 0;
    if (!e->n_events) /* member_of */
        return (double)e->weight;
    if (!by_confidence && !(dedup && e->relation == QP_REL_COOPERATES))
        return (double)e->weight;
    double sum = 0;
    for (size_t i = 0; i < e->n_events; i++) {
        const qp_graph_event *ev = &g->events[e->events[i]];
        if (dedup && e->relation == QP_REL_COOPERATES && ev->context &&
            !strcmp(ev->context, "military"))
            continue;
        sum += !by_confidence || ev->confidence <= 0 ? 1.0 : ev->confidence;
    }
    return sum;
}

int qp_graph_collapse(const qp_graph *g, unsigned plus, unsigned minus, int by_confidence,
                      igraph_vector_int_t *pairs, igraph_vector_t *w)
{
    qp_u64map idx = {0};
    int rc = QP_ENOMEM;
    igraph_vector_int_clear(pairs);
    igraph_vector_clear(w);
    for (size_t i = 0; i < g->n_edges; i++) {
        const qp_graph_edge *e = &g->edges[i];
        unsigned bit = 1u << e->relation;
        double sign = (plus & bit) ? 1.0 : (minus & bit) ? -1.0 : 0.0;
        if (sign == 0.0)
            continue;
        size_t a = e->source < e->target ? e->source : e->target;
        size_t b = e->source < e->target ? e->target : e->source;
        int added;
        uint32_t k = qp_u64map_upsert(&idx, ((uint64_t)a << 32) | b,
                                      (uint32_t)igraph_vector_size(w), &added);
        if (k == UINT32_MAX)
            goto cleanup;
        if (added) {
            if (igraph_vector_int_push_back(pairs, (igraph_integer_t)a) ||
                igraph_vector_int_push_back(pairs, (igraph_integer_t)b) ||
                igraph_vector_push_back(w, 0.0))
                goto cleanup;
        }
        VECTOR(*w)[k] += sign * edge_weight_once(g, e, plus, by_confidence);
    }
    /* drop the pairs that cancel out */
    igraph_integer_t n = igraph_vector_size(w), j = 0;
    for (igraph_integer_t k = 0; k < n; k++) {
        if (VECTOR(*w)[k] == 0.0)
            continue;
        VECTOR(*w)[j] = VECTOR(*w)[k];
        VECTOR(*pairs)[2 * j] = VECTOR(*pairs)[2 * k];
        VECTOR(*pairs)[2 * j + 1] = VECTOR(*pairs)[2 * k + 1];
        j++;
    }
    if (igraph_vector_resize(w, j) || igraph_vector_int_resize(pairs, 2 * j))
        goto cleanup;
    rc = 0;
cleanup:
    free(idx.keys);
    free(idx.vals);
    return rc;
}

/* ---- ties ---- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Weight, documents and dates of the union of the events of es[0..ne). */
static int fill_tie(const qp_graph *g, qp_graph_tie *t, const qp_graph_edge *const *es, size_t ne,
                    uint32_t *mark)
{
    size_t total = 0;
    for (size_t i = 0; i < ne; i++)
        total += es[i]->n_events;
    uint32_t *ev = malloc((total + 1) * sizeof *ev);
    if (!ev)
        return QP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < ne; i++) {
        memcpy(ev + n, es[i]->events, es[i]->n_events * sizeof *ev);
        n += es[i]->n_events;
    }
    qp_sort(ev, n, sizeof *ev, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || ev[u - 1] != ev[i])
            ev[u++] = ev[i];
    /* member_of edges carry no events but still tie the two */
    t->weight = u ? u : 1;
    t->documents = qp_graph_count_docs(g, ev, u, mark);
    t->first = t->last = NULL;
    for (size_t i = 0; i < u; i++) {
        const char *d = g->events[ev[i]].date;
        if (d && (!t->first || strcmp(d, t->first) < 0))
            t->first = d;
        if (d && (!t->last || strcmp(d, t->last) > 0))
            t->last = d;
    }
    free(ev);
    return 0;
}

static const qp_graph *sort_graph;

static int cmp_tie(const void *pa, const void *pb)
{
    const qp_graph_tie *a = pa, *b = pb;
    if ((a->via < 0) != (b->via < 0))
        return a->via < 0 ? -1 : 1;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->documents != b->documents)
        return a->documents > b->documents ? -1 : 1;
    return strcmp(sort_graph->nodes[a->node].id, sort_graph->nodes[b->node].id);
}

/* The edge of relation rel from a to b (any direction for undirected ones), or NULL. */
static const qp_graph_edge *find_edge(const qp_graph *g, size_t a, size_t b, qp_relation rel)
{
    for (uint32_t k = g->adj_off[a]; k < g->adj_off[a + 1]; k++) {
        const qp_graph_edge *e = &g->edges[g->adj[k]];
        if (e->relation != rel)
            continue;
        if ((e->source == a && e->target == b) ||
            (!qp_relation_directed(rel) && e->source == b && e->target == a))
            return e;
    }
    return NULL;
}

/* Does edge e make other a tie of node of this kind? (direct ties only) */
static int edge_counts(const qp_graph_edge *e, size_t node, qp_ties_kind kind, size_t *other)
{
    *other = e->source == node ? e->target : e->source;
    switch (kind) {
    case QP_TIES_BACKERS:
        return e->relation == QP_REL_BACKS && e->target == node;
    case QP_TIES_BACKED_BY:
        return e->relation == QP_REL_BACKS && e->source == node;
    case QP_TIES_ENEMIES:
        return e->relation == QP_REL_FIGHTS;
    case QP_TIES_ALLIES:
        return e->relation == QP_REL_BACKS || e->relation == QP_REL_COOPERATES;
    }
    return 0;
}

int qp_graph_ties(const qp_graph *g, size_t node, qp_ties_kind kind, qp_graph_tie **out,
                  size_t *n)
{
    *out = NULL;
    *n = 0;
    if (node >= g->n_nodes || (unsigned)kind > QP_TIES_ALLIES)
        return QP_EINVAL;
    int rc = QP_ENOMEM;
    size_t cap = 16, len = 0, nn = g->n_nodes;
    qp_graph_tie *ties = malloc(cap * sizeof *ties);
    uint32_t *mark = calloc(g->n_docs + 1, sizeof *mark);
    ptrdiff_t *slot = malloc((nn + 1) * sizeof *slot); /* node -> its tie, or -1 */
    const qp_graph_edge **es = malloc((g->adj_off[node + 1] - g->adj_off[node] + 2) * sizeof *es);
    if (!ties || !mark || !slot || !es)
        goto cleanup;
    for (size_t i = 0; i < nn; i++)
        slot[i] = -1;
    /* direct ties: gather the other ends, then each one's edges */
    for (uint32_t k = g->adj_off[node]; k < g->adj_off[node + 1]; k++) {
        size_t other;
        const qp_graph_edge *e = &g->edges[g->adj[k]];
        if (!edge_counts(e, node, kind, &other) || other == node)
            continue;
        if (slot[other] < 0) {
            if (len == cap) {
                qp_graph_tie *t = realloc(ties, (cap *= 2) * sizeof *t);
                if (!t)
                    goto cleanup;
                ties = t;
            }
            slot[other] = (ptrdiff_t)len;
            ties[len++] = (qp_graph_tie){.node = other, .via = -1};
        }
        ties[slot[other]].relations |= 1u << e->relation;
        /* a leader backs what it leads: say so when it does */
        if (e->relation == QP_REL_BACKS && find_edge(g, e->source, e->target, QP_REL_LEADS))
            ties[slot[other]].relations |= 1u << QP_REL_LEADS;
    }
    for (size_t t = 0; t < len; t++) {
        size_t ne = 0;
        for (uint32_t k = g->adj_off[node]; k < g->adj_off[node + 1]; k++) {
            size_t other;
            const qp_graph_edge *e = &g->edges[g->adj[k]];
            if (edge_counts(e, node, kind, &other) && other == ties[t].node)
                es[ne++] = e;
        }
        if (fill_tie(g, &ties[t], es, ne, mark))
            goto cleanup;
    }
    /* allies through a common backer Z: Z backs node and Z backs Y; the strongest Z is kept */
    if (kind == QP_TIES_ALLIES) {
        size_t direct = len;
        for (uint32_t k = g->adj_off[node]; k < g->adj_off[node + 1]; k++) {
            const qp_graph_edge *zx = &g->edges[g->adj[k]];
            if (zx->relation != QP_REL_BACKS || zx->target != node)
                continue;
            size_t z = zx->source;
            for (uint32_t j = g->adj_off[z]; j < g->adj_off[z + 1]; j++) {
                const qp_graph_edge *zy = &g->edges[g->adj[j]];
                size_t y = zy->target;
                if (zy->relation != QP_REL_BACKS || zy->source != z || y == node)
                    continue;
                /* an actor node fights is no ally, whoever backs them both */
                if (find_edge(g, node, y, QP_REL_FIGHTS))
                    continue;
                size_t w = zx->weight < zy->weight ? zx->weight : zy->weight;
                if (slot[y] >= 0 && ((size_t)slot[y] < direct || ties[slot[y]].weight >= w))
                    continue;
                qp_graph_tie tie = {.node = y, .via = (ptrdiff_t)z, .relations = 1u << QP_REL_BACKS};
                const qp_graph_edge *pair[2] = {zx, zy};
                if (fill_tie(g, &tie, pair, 2, mark))
                    goto cleanup;
                /* the chain is as good as its weaker link */
                tie.weight = w;
                tie.documents = zx->documents < zy->documents ? zx->documents : zy->documents;
                if (slot[y] < 0) {
                    if (len == cap) {
                        qp_graph_tie *t = realloc(ties, (cap *= 2) * sizeof *t);
                        if (!t)
                            goto cleanup;
                        ties = t;
                    }
                    slot[y] = (ptrdiff_t)len++;
                }
                ties[slot[y]] = tie;
            }
        }
    }
    sort_graph = g;
    qp_sort(ties, len, sizeof *ties, cmp_tie);
    *out = ties;
    *n = len;
    ties = NULL;
    rc = 0;
cleanup:
    free(ties);
    free(mark);
    free(slot);
    free(es);
    return rc;
}

/* ---- centrality ---- */

#define POSITIVE_RELS ((1u << QP_REL_BACKS) | (1u << QP_REL_COOPERATES) | (1u << QP_REL_LEADS))

/* Exact betweenness costs a shortest-path search from every node: 20,000 actors took 70 s of
 * an export. Past QP_BETWEENNESS_EXACT_MAX tied nodes it is estimated from
 * QP_BETWEENNESS_SOURCES of them, evenly spaced in node order (the same graph, the same
 * figures), scaled by tied / sources (Brandes and Pich, "Centrality estimation in large
 * networks", 2007): node sizes and rankings keep their order where it is clear. */
#define QP_BETWEENNESS_EXACT_MAX 2000
#define QP_BETWEENNESS_SOURCES 256

static int betweenness(const igraph_t *ig, const igraph_vector_t *w, igraph_vector_t *res)
{
    igraph_vector_int_t deg, src;
    if (igraph_vector_int_init(&deg, 0))
        return QP_ENOMEM;
    int rc = QP_EGRAPH;
    if (igraph_degree(ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS))
        goto out_deg;
    igraph_integer_t tied = 0, n = igraph_vector_int_size(&deg);
    for (igraph_integer_t i = 0; i < n; i++)
        tied += VECTOR(deg)[i] > 0;
    if (tied <= QP_BETWEENNESS_EXACT_MAX) {
        rc = igraph_betweenness(ig, res, igraph_vss_all(), IGRAPH_UNDIRECTED, w) ? QP_EGRAPH : 0;
        goto out_deg;
    }
    rc = QP_ENOMEM;
    if (igraph_vector_int_init(&src, 0))
        goto out_deg;
    /* the k-th source is the tied node at rank k * tied / sources */
    igraph_integer_t rank = 0, next = 0, k = 0;
    for (igraph_integer_t i = 0; i < n && k < QP_BETWEENNESS_SOURCES; i++) {
        if (VECTOR(deg)[i] == 0)
            continue;
        if (rank++ == next) {
            if (igraph_vector_int_push_back(&src, i))
                goto out_src;
            k++;
            next = k * tied / QP_BETWEENNESS_SOURCES;
        }
    }
    rc = QP_EGRAPH;
    if (igraph_betweenness_subset(ig, res, igraph_vss_all(), IGRAPH_UNDIRECTED, igraph_vss_vector(&src),
                                  igraph_vss_all(), w))
        goto out_src;
    igraph_vector_scale(res, (igraph_real_t)tied / (igraph_real_t)k);
    rc = 0;
out_src:
    igraph_vector_int_destroy(&src);
out_deg:
    igraph_vector_int_destroy(&deg);
    return rc;
}

int qp_graph_centrality(qp_graph *g)
{
    qp_graph_igraph_init();
    igraph_t ig;
    igraph_vector_int_t pairs;
    igraph_vector_t w, res;
    int rc = QP_ENOMEM, have_graph = 0;
    if (igraph_vector_int_init(&pairs, 0))
        return QP_ENOMEM;
    if (igraph_vector_init(&w, 0)) {
        igraph_vector_int_destroy(&pairs);
        return QP_ENOMEM;
    }
    if (igraph_vector_init(&res, 0))
        goto cleanup_w;
    if ((rc = qp_graph_collapse(g, POSITIVE_RELS, 0, 0, &pairs, &w)))
        goto cleanup;
    rc = QP_EGRAPH;
    if (igraph_create(&ig, &pairs, (igraph_integer_t)g->n_nodes, IGRAPH_UNDIRECTED))
        goto cleanup;
    have_graph = 1;
    /* the more events tie two actors, the closer they are */
    for (igraph_integer_t i = 0; i < igraph_vector_size(&w); i++)
        VECTOR(w)[i] = 1.0 / VECTOR(w)[i];
    if ((rc = betweenness(&ig, &w, &res)))
        goto cleanup;
    for (size_t i = 0; i < g->n_nodes; i++)
        g->nodes[i].betweenness = VECTOR(res)[i];
    rc = 0;
cleanup:
    if (have_graph)
        igraph_destroy(&ig);
    igraph_vector_destroy(&res);
cleanup_w:
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&pairs);
    return rc;
}

/* ---- path ---- */

void qp_graph_path_destroy(qp_graph_path *p)
{
    free(p->nodes);
    free(p->edges);
    memset(p, 0, sizeof *p);
}

/* The heaviest edge between a and b, any relation and direction. */
static uint32_t heaviest_edge(const qp_graph *g, size_t a, size_t b)
{
    uint32_t best = UINT32_MAX;
    for (uint32_t k = g->adj_off[a]; k < g->adj_off[a + 1]; k++) {
        const qp_graph_edge *e = &g->edges[g->adj[k]];
        if ((e->source == a && e->target == b) || (e->source == b && e->target == a))
            if (best == UINT32_MAX || e->weight > g->edges[best].weight)
                best = g->adj[k];
    }
    return best;
}

int qp_graph_shortest_path(const qp_graph *g, size_t a, size_t b, qp_graph_path *p)
{
    memset(p, 0, sizeof *p);
    if (a >= g->n_nodes || b >= g->n_nodes)
        return QP_EINVAL;
    if (a == b) {
        p->nodes = malloc(sizeof *p->nodes);
        if (!p->nodes)
            return QP_ENOMEM;
        p->nodes[0] = a;
        p->n_nodes = 1;
        return 0;
    }
    qp_graph_igraph_init();
    igraph_t ig;
    igraph_vector_int_t pairs, verts;
    igraph_vector_t w;
    int rc = QP_ENOMEM, have_graph = 0;
    if (igraph_vector_int_init(&pairs, 0))
        return QP_ENOMEM;
    if (igraph_vector_int_init(&verts, 0)) {
        igraph_vector_int_destroy(&pairs);
        return QP_ENOMEM;
    }
    if (igraph_vector_init(&w, 0))
        goto cleanup_verts;
    unsigned all = (1u << QP_REL_COUNT) - 1;
    /* fights count as ties too: "how is X tied to Y" includes enmity */
    if ((rc = qp_graph_collapse(g, all, 0, 0, &pairs, &w)))
        goto cleanup;
    rc = QP_EGRAPH;
    if (igraph_create(&ig, &pairs, (igraph_integer_t)g->n_nodes, IGRAPH_UNDIRECTED))
        goto cleanup;
    have_graph = 1;
    for (igraph_integer_t i = 0; i < igraph_vector_size(&w); i++)
        VECTOR(w)[i] = 1.0 / VECTOR(w)[i];
    /* igraph warns when b cannot be reached; that is an answer, not a problem */
    igraph_warning_handler_t *old = igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_error_t err = igraph_get_shortest_path_dijkstra(&ig, &verts, NULL, (igraph_integer_t)a,
                                                           (igraph_integer_t)b, &w, IGRAPH_ALL);
    igraph_set_warning_handler(old);
    if (err)
        goto cleanup;
    size_t n = (size_t)igraph_vector_int_size(&verts);
    rc = QP_ENOMEM;
    if (n < 2) {
        rc = 0;
        goto cleanup;
    }
    p->nodes = malloc(n * sizeof *p->nodes);
    p->edges = malloc(n * sizeof *p->edges);
    if (!p->nodes || !p->edges) {
        qp_graph_path_destroy(p);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        p->nodes[i] = (size_t)VECTOR(verts)[i];
    for (size_t i = 0; i + 1 < n; i++)
        p->edges[i] = heaviest_edge(g, p->nodes[i], p->nodes[i + 1]);
    p->n_nodes = n;
    /* the length is over all relations of each hop, as the search saw it */
    for (size_t i = 0; i + 1 < n; i++) {
        double tot = 0;
        for (uint32_t k = g->adj_off[p->nodes[i]]; k < g->adj_off[p->nodes[i] + 1]; k++) {
            const qp_graph_edge *e = &g->edges[g->adj[k]];
            if ((e->source == p->nodes[i] && e->target == p->nodes[i + 1]) ||
                (e->target == p->nodes[i] && e->source == p->nodes[i + 1]))
                tot += (double)e->weight;
        }
        p->length += 1.0 / tot;
    }
    rc = 0;
cleanup:
    if (have_graph)
        igraph_destroy(&ig);
    igraph_vector_destroy(&w);
cleanup_verts:
    igraph_vector_int_destroy(&verts);
    igraph_vector_int_destroy(&pairs);
    return rc;
}
