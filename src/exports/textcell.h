/* textcell.h — text in a terminal table's column: cut by display width, never inside a character. */
#ifndef QP_TEXTCELL_H
#define QP_TEXTCELL_H

#include <stddef.h>

#include "buf.h"

/* Appends s (NULL: "-") to out as a cell `width` columns wide, as a terminal shows it: line
 * breaks and tabs become spaces, control characters and invalid bytes are dropped, wide
 * characters (CJK) count two columns and combining marks none (utf8proc's charwidth); a text
 * too wide is cut at a character boundary and ends with "…"; a narrower one is padded with
 * spaces when pad is set. Returns 0 or QP_ENOMEM. */
int qp_text_cell(qp_buf *out, const char *s, int width, int pad);

/* The display width of s, as qp_text_cell counts it. */
int qp_text_width(const char *s);

/* A number as a person writes it: the shortest of up to 10 significant digits that reads back
 * as the same double at that precision (0.85, not 0.84999999999999998; 36.20278; 12). */
void qp_text_number(double v, char *buf, size_t cap);

#endif
