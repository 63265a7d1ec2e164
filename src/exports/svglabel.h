/* svglabel.h — labels placed in an SVG picture so that none covers another or a mark: candidate positions around each point, the first free one taken. */
#ifndef QP_SVGLABEL_H
#define QP_SVGLABEL_H

#include <stddef.h>

typedef struct svg_box {
    double x0, y0, x1, y1;
} svg_box;

typedef struct svg_labeler {
    svg_box area;          /* labels stay inside */
    svg_box *taken;        /* labels placed and marks to keep clear */
    size_t n, cap;
} svg_labeler;

/* The width in pixels of s set in a sans-serif font of font_px (DejaVu Sans, Chromium's
 * default on Debian, or narrower): an upper bound, so that boxes that do not overlap here do
 * not overlap on screen. */
double svg_text_width(const char *s, double font_px);

void svg_labeler_init(svg_labeler *l, svg_box area);
void svg_labeler_destroy(svg_labeler *l);
/* Keeps a mark (a node's disc, a dot) clear of labels. 0 or QP_ENOMEM. */
int svg_labeler_block(svg_labeler *l, svg_box b);

/* A label w by h beside a mark of radius r at (cx, cy): tries right, left, above, below and
 * the diagonals, then the same one and two lines farther. On success sets the text's anchor
 * point (*x, *y, the baseline) and *anchor ("start", "middle" or "end"), reserves its box and
 * returns the ring it found room in (1 beside the mark; 2 or 3 farther: draw a leader line to
 * (*lx, *ly), the box's nearest point to the mark); returns 0 when every candidate collides, -1
 * (QP_ENOMEM) when out of memory. */
int svg_labeler_place(svg_labeler *l, double cx, double cy, double r, double w, double h, double *x, double *y,
                      const char **anchor, double *lx, double *ly);

#endif
