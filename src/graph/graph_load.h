/* graph_load.h — the one way the graph is built from the store, for query, export and timeline. */
#ifndef QP_GRAPH_LOAD_H
#define QP_GRAPH_LOAD_H

#include <stddef.h>

#include "graph.h"
#include "store.h"

typedef struct qp_graph_load_opts {
    const char *since, *until; /* YYYY-MM-DD window of the events, or NULL */
    qp_graph_by by;            /* actor or country view */
    int keep_evidence;         /* keep each event's evidence and action text (for `why`) */
    const char *const *focus;  /* n_focus actor ids, or NULL: only the events naming one of them
                                * or an actor under one are loaded. The graph then holds every
                                * tie of those actors (what backers, enemies, allies and why
                                * ask), read on the store's actor indexes, not the whole window */
    size_t n_focus;
} qp_graph_load_opts;

/* Builds the graph of the stored events in the window (negated and hypothetical ones never
 * count), knowing every actor the store describes, so that the country view walks the same
 * parent chains wherever it is asked for: the same options give the same nodes, edges and
 * weights to every caller. *out is NULL on error; free it with qp_graph_destroy. Returns 0,
 * QP_EDB or QP_EBUSY (err holds the store's message), QP_ENOMEM. */
int qp_graph_load(qp_store *s, const qp_graph_load_opts *o, qp_graph **out, char *err, size_t errlen);

#endif
