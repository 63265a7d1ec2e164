/* export.h — the actor graph as files for Gephi: GraphML and dynamic GEXF 1.3, written atomically. */
#ifndef QP_EXPORT_H
#define QP_EXPORT_H

#include <stddef.h>

#include "graph.h"
#include "graph_load.h"
#include "store.h"

typedef struct qp_export_opts {
    const char *since, *until; /* YYYY-MM-DD or NULL: the events read, as qp_event_filter */
    unsigned relations;        /* bit (1 << qp_relation) per relation kept; 0 keeps them all */
    qp_graph_by by;            /* one node per actor, or actors rolled up to their country */
    int colour_by_kind;        /* GEXF colours by actor kind; default: by bloc (kind when no bloc) */
    int no_sides;              /* do not compute blocs (no node then has a bloc attribute) */
    int isolated;              /* also write actors none of the written edges touch */
    int mixed;                 /* GEXF for Gephi: symmetric relations as undirected edges of a
                                * graph with no default edge type (networkx refuses it) */
    int gexf12;                /* GEXF 1.2draft rather than 1.3, for networkx before 3.0 */
    void (*progress)(const char *stage, void *ud); /* told each stage ("laying out"), or NULL */
    void *progress_ud;
} qp_export_opts;

/* Parses "backs,fights" (names of qp_relation, comma-separated) into a mask. Returns 0, or
 * QP_EINVAL with *bad pointing at the first unknown name's start in list. */
int qp_export_relations_parse(const char *list, unsigned *mask, const char **bad);

/* Reads the events of the period from s and builds their graph, with blocs (unless
 * o->no_sides, else with the seed `quipu query sides` uses), betweenness for node sizes, and
 * igraph's layout of the nodes that will be written (viz:position, x and y). *out is the caller's (qp_graph_destroy).
 * Returns 0, QP_EDB/QP_EBUSY/QP_ENOMEM/QP_EGRAPH with err saying why (*out NULL then). */
int qp_export_load(qp_store *s, const qp_export_opts *o, qp_graph **out, char *err, size_t errlen);

/* Write g to path ("-" is stdout) through a temporary file renamed at the end, so path holds
 * the old file or the whole new one. Node ids are actor ids, edge ids "source:target:relation"
 * (':' since GraphML ids must be XML name tokens), the same in every export. Only the edges of
 * o->relations are written, and only the nodes they touch unless o->isolated. Every edge is
 * directed (networkx and igraph read one kind of edge per file): a backing goes from backer to
 * backed, a symmetric relation (fights, cooperates) is written once per pair, from the smaller
 * id to the larger, with mutual = true. Blocs are numbered from 1 as `quipu query sides` numbers
 * them; a node with no side has no bloc value.
 * Returns 0, QP_EIO or QP_ENOMEM with err naming the file. */
int qp_export_graphml_graph(const qp_graph *g, const qp_export_opts *o, const char *path, char *err,
                            size_t errlen);
int qp_export_gexf_graph(const qp_graph *g, const qp_export_opts *o, const char *path, char *err,
                         size_t errlen);

/* qp_export_load then the writer: what `quipu export` and `quipu demo` call. */
int qp_export_graphml(qp_store *s, const qp_export_opts *o, const char *path, char *err, size_t errlen);
int qp_export_gexf(qp_store *s, const qp_export_opts *o, const char *path, char *err, size_t errlen);

/* What qp_export_geojson wrote: the located events, and those left out for want of a place
 * with coordinates. */
typedef struct qp_export_geojson_counts {
    size_t located, unlocated;
} qp_export_geojson_counts;

/* Writes the events of filter (NULL: all visible ones) as an RFC 7946 FeatureCollection to path
 * ("-" is stdout), atomically: one Feature per event whose place has coordinates, a Point
 * [longitude, latitude] (WGS 84, six decimals), id the event id, properties the columns of the
 * one CSV layout (eventrow.h). counts may be NULL. Returns 0, QP_EDB/QP_EBUSY, QP_EIO or
 * QP_ENOMEM with err saying why. */
int qp_export_geojson(qp_store *s, const qp_event_filter *filter, const char *path, qp_export_geojson_counts *counts,
                      char *err, size_t errlen);

#endif
