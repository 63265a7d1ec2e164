/* graph_layout.c — node positions for pictures of the graph: igraph's Fruchterman–Reingold on
 * the signed ties, allies pulling hard and enemies softly. */
#include "graph_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qp.h"

#define POSITIVE_RELS ((1u << QP_REL_BACKS) | (1u << QP_REL_COOPERATES) | (1u << QP_REL_LEADS) | \
                       (1u << QP_REL_MEMBER_OF))
/* how much a fight pulls, against a backing of as many events: enough to keep two enemies in
 * one picture, not enough to put them side by side */
#define FIGHT_PULL 0.2

int qp_graph_layout(qp_graph *g, const unsigned char *keep, unsigned long seed)
{
    qp_graph_igraph_init();
    size_t n = g->n_nodes;
    for (size_t i = 0; i < n; i++)
        g->nodes[i].x = g->nodes[i].y = 0;
    int rc = QP_ENOMEM;
    igraph_vector_int_t pp, pm, edges;
    igraph_vector_t wp, wm, w;
    igraph_matrix_t res;
    igraph_t ig;
    qp_u64map seen = {0};
    uint32_t *local = malloc((n + 1) * sizeof *local);
    size_t *global = malloc((n + 1) * sizeof *global);
    size_t m = 0;
    if (!local || !global)
        goto out;
    for (size_t i = 0; i < n; i++)
        if (!keep || keep[i]) {
            local[i] = (uint32_t)m;
            global[m++] = i;
        } else {
            local[i] = UINT32_MAX;
        }
    if (m == 0) {
        rc = 0;
        goto out;
    }
    if (m == 1) { /* one actor: the centre */
        rc = 0;
        goto out;
    }
    if (igraph_vector_int_init(&pp, 0))
        goto out;
    if (igraph_vector_int_init(&pm, 0))
        goto free1;
    if (igraph_vector_init(&wp, 0))
        goto free2;
    if (igraph_vector_init(&wm, 0))
        goto free3;
    if (igraph_vector_int_init(&edges, 0))
        goto free4;
    if (igraph_vector_init(&w, 0))
        goto free5;
    if (igraph_matrix_init(&res, (igraph_integer_t)m, 2))
        goto free6;
    if ((rc = qp_graph_collapse(g, POSITIVE_RELS, 0, 0, &pp, &wp)) ||
        (rc = qp_graph_collapse(g, 1u << QP_REL_FIGHTS, 0, 0, &pm, &wm)))
        goto free7;
    rc = QP_ENOMEM;
    /* one attraction per kept pair: the positive pull, or the fighting pull when there is none */
    for (int pass = 0; pass < 2; pass++) {
        const igraph_vector_int_t *pr = pass ? &pm : &pp;
        const igraph_vector_t *wr = pass ? &wm : &wp;
        for (igraph_integer_t k = 0; k < igraph_vector_size(wr); k++) {
            size_t a = (size_t)VECTOR(*pr)[2 * k], b = (size_t)VECTOR(*pr)[2 * k + 1];
            if (local[a] == UINT32_MAX || local[b] == UINT32_MAX || a == b)
                continue;
            int added;
            if (qp_u64map_upsert(&seen, ((uint64_t)a << 32) | b, 0, &added) == UINT32_MAX) {
                free(seen.keys);
                free(seen.vals);
                goto free7;
            }
            if (!added)
                continue;
            double pull = 1.0 + log1p(fabs(VECTOR(*wr)[k]));
            if (igraph_vector_int_push_back(&edges, (igraph_integer_t)local[a]) ||
                igraph_vector_int_push_back(&edges, (igraph_integer_t)local[b]) ||
                igraph_vector_push_back(&w, pass ? FIGHT_PULL * pull : pull)) {
                free(seen.keys);
                free(seen.vals);
                goto free7;
            }
        }
    }
    free(seen.keys);
    free(seen.vals);
    rc = QP_EGRAPH;
    if (igraph_create(&ig, &edges, (igraph_integer_t)m, IGRAPH_UNDIRECTED))
        goto free7;
    /* a seeded RNG gives FR's random start: the same graph, the same picture */
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    igraph_error_t err = igraph_layout_fruchterman_reingold(&ig, &res, 0, 500, sqrt((double)m), IGRAPH_LAYOUT_AUTOGRID,
                                                            igraph_vector_size(&w) ? &w : NULL, NULL, NULL, NULL,
                                                            NULL);
    igraph_destroy(&ig);
    if (err)
        goto free7;
    /* centre and scale to [-1, 1], keeping the aspect */
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < m; i++) {
        double x = MATRIX(res, (igraph_integer_t)i, 0), y = MATRIX(res, (igraph_integer_t)i, 1);
        minx = x < minx ? x : minx;
        maxx = x > maxx ? x : maxx;
        miny = y < miny ? y : miny;
        maxy = y > maxy ? y : maxy;
    }
    double span = fmax(maxx - minx, maxy - miny);
    double cx = (minx + maxx) / 2, cy = (miny + maxy) / 2;
    for (size_t i = 0; i < m; i++) {
        qp_graph_node *nd = &g->nodes[global[i]];
        nd->x = span > 0 ? 2 * (MATRIX(res, (igraph_integer_t)i, 0) - cx) / span : 0;
        nd->y = span > 0 ? 2 * (MATRIX(res, (igraph_integer_t)i, 1) - cy) / span : 0;
    }
    rc = 0;
free7:
    igraph_matrix_destroy(&res);
free6:
    igraph_vector_destroy(&w);
free5:
    igraph_vector_int_destroy(&edges);
free4:
    igraph_vector_destroy(&wm);
free3:
    igraph_vector_destroy(&wp);
free2:
    igraph_vector_int_destroy(&pm);
free1:
    igraph_vector_int_destroy(&pp);
out:
    free(local);
    free(global);
    return rc;
}
