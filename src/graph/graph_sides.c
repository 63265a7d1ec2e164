/* graph_sides.c — blocs of the signed graph: igraph spinglass with negative weights, per component. */
#include "graph_int.h"

#include <stdlib.h>
#include <string.h>

#include "qp.h"

#define SIGNED_PLUS ((1u << QP_REL_BACKS) | (1u << QP_REL_COOPERATES))
#define SIGNED_MINUS (1u << QP_REL_FIGHTS)
/* spinglass's upper bound on the number of communities in one component */
#define MAX_SPINS 25
/* Spinglass anneals: fine for the few dozen actors of a news corpus (under a second for 100),
 * minutes for a thousand. Bigger components go to Leiden on the same signed weights. */
#define SPINGLASS_MAX_NODES 100

static size_t uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Leiden with the CPM quality made modularity-like: node weights are the positive strengths
 * and the resolution 1/(2 m+), so positive ties count as in modularity and negative ties
 * inside a community count against it (without a null model for them). */
static igraph_error_t leiden_signed(const igraph_t *ig, const igraph_vector_t *w, size_t n,
                                    igraph_vector_int_t *membership)
{
    igraph_vector_t nw;
    igraph_error_t err = igraph_vector_init(&nw, (igraph_integer_t)n);
    if (err)
        return err;
    double total = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(ig); e++) {
        double x = VECTOR(*w)[e];
        if (x > 0) {
            VECTOR(nw)[IGRAPH_FROM(ig, e)] += x;
            VECTOR(nw)[IGRAPH_TO(ig, e)] += x;
            total += 2 * x;
        }
    }
    if (total == 0) {
        /* only fights: everyone alone */
        err = igraph_vector_int_resize(membership, (igraph_integer_t)n);
        for (size_t i = 0; !err && i < n; i++)
            VECTOR(*membership)[i] = (igraph_integer_t)i;
    } else {
        igraph_integer_t nb;
        igraph_real_t q;
        err = igraph_community_leiden(ig, w, &nw, 1.0 / total, 0.01, 0, -1, membership, &nb, &q);
    }
    igraph_vector_destroy(&nw);
    return err;
}

/* Runs spinglass (negative-weight implementation) on one component: n nodes, m edges given as
 * local endpoints in ends (2m) and signed weights w; writes a community per node to memb. */
static int spinglass_component(size_t n, const igraph_integer_t *ends, const double *w, size_t m,
                               igraph_integer_t *memb)
{
    igraph_t ig;
    igraph_vector_int_t edges, membership;
    igraph_vector_t weights;
    int rc = QP_ENOMEM;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)))
        return QP_ENOMEM;
    if (igraph_vector_int_init(&membership, 0))
        goto cleanup_edges;
    if (igraph_vector_init(&weights, (igraph_integer_t)m))
        goto cleanup_memb;
    memcpy(VECTOR(edges), ends, 2 * m * sizeof *ends);
    memcpy(VECTOR(weights), w, m * sizeof *w);
    rc = QP_EGRAPH;
    if (igraph_create(&ig, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED))
        goto cleanup;
    igraph_error_t err;
    if (n <= SPINGLASS_MAX_NODES) {
        igraph_integer_t spins = n < MAX_SPINS ? (igraph_integer_t)n : MAX_SPINS;
        err = igraph_community_spinglass(
            &ig, &weights, NULL, NULL, &membership, NULL, spins, /*parupdate*/ 0,
            /*starttemp*/ 1.0, /*stoptemp*/ 0.01, /*coolfact*/ 0.99, IGRAPH_SPINCOMM_UPDATE_CONFIG,
            /*gamma*/ 1.0, IGRAPH_SPINCOMM_IMP_NEG, /*gamma_minus*/ 1.0);
    } else {
        err = leiden_signed(&ig, &weights, n, &membership);
    }
    igraph_destroy(&ig);
    if (err)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        memb[i] = VECTOR(membership)[i];
    rc = 0;
cleanup:
    igraph_vector_destroy(&weights);
cleanup_memb:
    igraph_vector_int_destroy(&membership);
cleanup_edges:
    igraph_vector_int_destroy(&edges);
    return rc;
}

typedef struct bloc_info {
    size_t size, first; /* members, smallest member (node indices follow ids) */
} bloc_info;

static int cmp_bloc(const void *pa, const void *pb)
{
    const bloc_info *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

int qp_graph_sides(qp_graph *g, unsigned long seed)
{
    qp_graph_igraph_init();
    size_t n = g->n_nodes;
    igraph_vector_int_t pairs;
    igraph_vector_t w;
    int rc = QP_ENOMEM;
    size_t *uf = NULL, *comp_start = NULL, *members = NULL, *local = NULL, *estart = NULL,
           *eorder = NULL;
    int *bloc = NULL;
    igraph_integer_t *ends = NULL, *memb = NULL;
    double *ew = NULL;
    bloc_info *blocs = NULL;
    if (igraph_vector_int_init(&pairs, 0))
        return QP_ENOMEM;
    if (igraph_vector_init(&w, 0)) {
        igraph_vector_int_destroy(&pairs);
        return QP_ENOMEM;
    }
    /* each event weighs its extraction confidence: a clash read with little confidence out of
     * a negated sentence must not outweigh backings read with high confidence */
    if ((rc = qp_graph_collapse(g, SIGNED_PLUS, SIGNED_MINUS, 1, &pairs, &w)))
        goto cleanup;
    rc = QP_ENOMEM;
    size_t m = (size_t)igraph_vector_size(&w);
    uf = malloc((n + 1) * sizeof *uf);
    comp_start = calloc(n + 2, sizeof *comp_start);
    members = malloc((n + 1) * sizeof *members);
    local = malloc((n + 1) * sizeof *local);
    bloc = malloc((n + 1) * sizeof *bloc);
    estart = calloc(n + 2, sizeof *estart);
    eorder = malloc((m + 1) * sizeof *eorder);
    ends = malloc((2 * m + 2) * sizeof *ends);
    memb = malloc((n + 1) * sizeof *memb);
    ew = malloc((m + 1) * sizeof *ew);
    blocs = calloc(n + 1, sizeof *blocs);
    if (!uf || !comp_start || !members || !local || !bloc || !estart || !eorder || !ends ||
        !memb || !ew || !blocs)
        goto cleanup;
    /* connected components of the signed graph; nodes without a signed tie take no side */
    for (size_t i = 0; i < n; i++) {
        uf[i] = i;
        bloc[i] = -1;
    }
    for (size_t k = 0; k < m; k++) {
        size_t a = uf_find(uf, (size_t)VECTOR(pairs)[2 * k]);
        size_t b = uf_find(uf, (size_t)VECTOR(pairs)[2 * k + 1]);
        if (a != b)
            uf[a > b ? a : b] = a < b ? a : b; /* root = smallest index: stable numbering */
        bloc[VECTOR(pairs)[2 * k]] = bloc[VECTOR(pairs)[2 * k + 1]] = 0;
    }
    for (size_t i = 0; i < n; i++)
        uf[i] = uf_find(uf, i);
    /* members of each component (by root), in node order; edges grouped the same way */
    for (size_t i = 0; i < n; i++)
        if (bloc[i] == 0)
            comp_start[uf[i] + 1]++;
    for (size_t i = 0; i < n; i++)
        comp_start[i + 1] += comp_start[i];
    size_t *fill = local; /* borrowed as a cursor before it holds local indices */
    memcpy(fill, comp_start, n * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        if (bloc[i] == 0)
            members[fill[uf[i]]++] = i;
    for (size_t k = 0; k < m; k++)
        estart[uf[VECTOR(pairs)[2 * k]] + 1]++;
    for (size_t i = 0; i < n; i++)
        estart[i + 1] += estart[i];
    memcpy(fill, estart, n * sizeof *fill);
    for (size_t k = 0; k < m; k++)
        eorder[fill[uf[VECTOR(pairs)[2 * k]]]++] = k;
    for (size_t s = 0; s < n; s++) {
        size_t lo = comp_start[s], hi = comp_start[s + 1];
        for (size_t j = lo; j < hi; j++)
            local[members[j]] = j - lo;
    }
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    int next = 0;
    for (size_t root = 0; root < n; root++) {
        size_t lo = comp_start[root], hi = comp_start[root + 1], size = hi - lo;
        if (!size)
            continue;
        size_t elo = estart[root], ehi = estart[root + 1], me = ehi - elo;
        if (size == 2) {
            /* one tie: together when it is positive */
            memb[0] = 0;
            memb[1] = VECTOR(w)[eorder[elo]] > 0 ? 0 : 1;
        } else {
            for (size_t j = 0; j < me; j++) {
                size_t k = eorder[elo + j];
                ends[2 * j] = (igraph_integer_t)local[VECTOR(pairs)[2 * k]];
                ends[2 * j + 1] = (igraph_integer_t)local[VECTOR(pairs)[2 * k + 1]];
                ew[j] = VECTOR(w)[k];
            }
            if ((rc = spinglass_component(size, ends, ew, me, memb)))
                goto cleanup;
            rc = QP_ENOMEM;
        }
        int top = 0;
        for (size_t j = 0; j < size; j++) {
            bloc[members[lo + j]] = next + (int)memb[j];
            if ((int)memb[j] + 1 > top)
                top = (int)memb[j] + 1;
        }
        next += top;
    }
    /* a bloc is held together by backing or cooperation: spinglass may group actors that only
     * share enemies (the null model expects fights between them, and there are none), so each
     * bloc is split into the parts its positive ties connect */
    for (size_t i = 0; i < n; i++)
        uf[i] = i;
    for (size_t k = 0; k < m; k++) {
        size_t u = (size_t)VECTOR(pairs)[2 * k], v = (size_t)VECTOR(pairs)[2 * k + 1];
        if (VECTOR(w)[k] <= 0 || bloc[u] != bloc[v])
            continue;
        size_t a = uf_find(uf, u), b = uf_find(uf, v);
        if (a != b)
            uf[a > b ? a : b] = a < b ? a : b;
    }
    /* renumber: largest bloc first, then by first member (the root: the smallest index) */
    size_t nb = 0;
    for (size_t i = 0; i < n; i++)
        if (bloc[i] >= 0) {
            size_t r = uf_find(uf, i);
            if (!blocs[r].size++)
                blocs[r].first = r;
        }
    for (size_t i = 0; i < n; i++)
        if (blocs[i].size)
            blocs[nb++] = (bloc_info){.size = blocs[i].size, .first = blocs[i].first};
    qp_sort(blocs, nb, sizeof *blocs, cmp_bloc);
    size_t *newid = local; /* free again */
    for (size_t b = 0; b < nb; b++)
        newid[blocs[b].first] = b;
    for (size_t i = 0; i < n; i++)
        g->nodes[i].bloc = bloc[i] >= 0 ? (int)newid[uf_find(uf, i)] : -1;
    g->n_blocs = nb;
    rc = (int)nb;
cleanup:
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&pairs);
    free(uf);
    free(comp_start);
    free(members);
    free(local);
    free(bloc);
    free(estart);
    free(eorder);
    free(ends);
    free(memb);
    free(ew);
    free(blocs);
    return rc;
}

size_t qp_graph_bloc_count(const qp_graph *g)
{
    return g->n_blocs;
}
