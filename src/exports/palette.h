/* palette.h — the colours of blocs, shared by the GEXF, GraphML and HTML pictures: no two blocs alike. */
#ifndef QP_PALETTE_H
#define QP_PALETTE_H

#include <stddef.h>

typedef struct qp_rgb {
    unsigned char r, g, b;
} qp_rgb;

/* How many blocs get a colour of their own. */
#define QP_PALETTE_SIZE 10

/* The colour of bloc b (0-based, as qp_graph_sides numbers them: largest first) among blocs,
 * of which n_shared have two members or more (they come first): those of them within the
 * palette get distinct colours, chosen to stand apart from each other and from the green and
 * red of backing and fighting; every other bloc (a bloc of one, or a small bloc past the
 * palette), and b < 0 (no side), gets the one neutral grey. *other is set to 1 for the grey. */
qp_rgb qp_bloc_rgb(int b, size_t n_shared, int *other);
/* The same as "#rrggbb" into out (8 bytes). */
void qp_bloc_hex(int b, size_t n_shared, char out[8], int *other);

#endif
