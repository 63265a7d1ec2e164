/* export_int.h — what the GraphML and GEXF writers share: the selection and the ids. */
#ifndef QP_EXPORT_INT_H
#define QP_EXPORT_INT_H

#include "buf.h"
#include "export.h"
#include "outfile.h"

typedef struct export_sel {
    unsigned char *node;  /* 1 when node i is written */
    unsigned char *edge;  /* 1 when edge i is written */
    size_t n_nodes, n_edges;
} export_sel;

/* Chooses the nodes and edges o asks for: the edges of o->relations (all when 0), the nodes they
 * touch, and every node when o->isolated. 0 or QP_ENOMEM; free with export_sel_destroy. */
int export_sel_init(export_sel *s, const qp_graph *g, const qp_export_opts *o);
void export_sel_destroy(export_sel *s);

/* Appends an id safe as an XML name token (letters, digits and . - _ : kept; others '_'). */
int export_put_id(qp_buf *b, const char *id);
/* Appends text escaped for XML with runs of white space made one space and no space at
 * either end (GEXF labels are xsd:token). */
int export_put_token(qp_buf *b, const char *s);

/* What the picture of the written nodes needs: their number, the blocs with a colour of their
 * own (qp_bloc_rgb's n_shared), the largest betweenness and strength written. */
typedef struct export_picture {
    size_t n_nodes, n_shared;
    double maxb, maxs;
} export_picture;

void export_picture_init(export_picture *p, const qp_graph *g, const export_sel *sel);
/* A node's size in Gephi's units: brokers (betweenness) stand out; strength keeps the others
 * from all looking alike. */
double export_node_size(const qp_graph_node *n, const export_picture *p);
/* Gephi's coordinate for a layout value in [-1, 1]: room grows with the number of nodes. */
double export_coord(double v, const export_picture *p);

/* Appends the merged spells of edge e, as GEXF 1.3 <spells>: one per run of dated events whose
 * days overlap or touch (Gephi drops intervals that overlap on one element), the last day
 * inclusive. Nothing when no event is dated. 0 or QP_ENOMEM. */
int export_put_spells(qp_buf *b, const qp_graph *g, const qp_graph_edge *e, const char *indent);

/* Buffered writing to an outfile: flushes when the buffer is past 1 MiB. */
int export_maybe_flush(qp_outfile *f, qp_buf *b);

#endif
