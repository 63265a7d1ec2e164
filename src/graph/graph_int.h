/* graph_int.h — the graph's insides, shared by graph.c, graph_query.c and graph_sides.c only. */
#ifndef QP_GRAPH_INT_H
#define QP_GRAPH_INT_H

#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

#include "arena.h"
#include "graph.h"

/* Open-addressing map from NUL-terminated strings (owned elsewhere) to uint32 values. */
typedef struct qp_strmap {
    const char **keys;
    uint32_t *vals;
    size_t cap, len;   /* cap is a power of two or 0 */
} qp_strmap;

void qp_strmap_init(qp_strmap *m);
void qp_strmap_destroy(qp_strmap *m);
/* The value stored for key, or UINT32_MAX. */
uint32_t qp_strmap_get(const qp_strmap *m, const char *key);
/* Stores key -> val (the key pointer is kept, not copied). 0 or QP_ENOMEM. */
int qp_strmap_put(qp_strmap *m, const char *key, uint32_t val);
/* The stored key equal to key, or NULL: how interning finds the one copy. */
const char *qp_strmap_key(const qp_strmap *m, const char *key);

/* Open-addressing map from 64-bit keys (UINT64_MAX reserved) to uint32 values; zero it to init,
 * free keys and vals to destroy. */
typedef struct qp_u64map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, len;
} qp_u64map;

/* The value for key, inserting next_val when absent (*added set). UINT32_MAX on ENOMEM. */
uint32_t qp_u64map_upsert(qp_u64map *m, uint64_t key, uint32_t next_val, int *added);

struct qp_graph {
    qp_graph_options opt;
    qp_arena arena;            /* every string */
    qp_strmap node_of;         /* actor id (rolled-up ones too) -> node index */
    qp_graph_node *nodes;
    size_t n_nodes;
    qp_graph_edge *edges;
    size_t n_edges;
    uint32_t *edge_events;     /* the pool edges' event arrays point into */
    qp_graph_event *events;
    uint32_t *event_doc;       /* per event: document number */
    size_t n_events, n_docs;
    uint32_t *adj_off;         /* n_nodes + 1 offsets into adj */
    uint32_t *adj;             /* edge indices touching each node */
    size_t n_blocs;
};

/* Collapses the edges per unordered pair of nodes into one undirected igraph edge whose weight
 * is the events of edges whose relation bit (1 << rel) is in plus minus those in minus, each
 * event counted once (a LEAD or a military COOPERATE also makes a backing: with backs in the
 * set they count there only) and weighing 1, or its confidence when by_confidence; pairs
 * summing to 0 are left out. pairs and w must be initialised (they are cleared).
 * Returns 0, QP_ENOMEM or QP_EGRAPH. */
int qp_graph_collapse(const qp_graph *g, unsigned plus, unsigned minus, int by_confidence,
                      igraph_vector_int_t *pairs, igraph_vector_t *w);

/* Counts the distinct documents among n events (mark: n_docs scratch words, all 0 on entry
 * and on return). */
size_t qp_graph_count_docs(const qp_graph *g, const uint32_t *ev, size_t n, uint32_t *mark);

#endif
