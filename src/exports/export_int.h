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

/* Chooses the nodes and edges o asks for. 0 or QP_ENOMEM; free with export_sel_destroy. */
int export_sel_init(export_sel *s, const qp_graph *g, const qp_export_opts *o);
void export_sel_destroy(export_sel *s);

/* Appends an id safe as an XML name token (letters, digits and . - _ : kept; others '_'). */
int export_put_id(qp_buf *b, const char *id);
/* Appends text escaped for XML with runs of white space made one space and no space at
 * either end (GEXF labels are xsd:token). */
int export_put_token(qp_buf *b, const char *s);
/* The last day of [start, end) as YYYY-MM-DD into out (size 48); start when end is NULL. */
void export_last_day(const char *start, const char *end, char *out);

/* Buffered writing to an outfile: flushes when the buffer is past 1 MiB. */
int export_maybe_flush(qp_outfile *f, qp_buf *b);

#endif
