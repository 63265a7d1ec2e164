/* svglabel.c — greedy label placement: each label at the first candidate position that covers
 * no label already placed and no mark, inside the picture. */
#include "svglabel.h"

#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

double svg_text_width(const char *s, double font_px)
{
    /* em widths of DejaVu Sans, rounded up by class; narrower fonts only shrink the boxes */
    double em = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen((const char *)p);
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {
            n = 1;
            c = '?';
        }
        p += n;
        left -= n;
        if (utf8proc_charwidth(c) == 0)
            continue; /* a combining mark */
        if (utf8proc_charwidth(c) == 2)
            em += 1.0;
        else if (c == ' ')
            em += 0.32;
        else if (strchr("iljtfI.,:;'!|()[]-", (int)(c < 128 ? c : 'a')) && c < 128)
            em += 0.38;
        else if (strchr("mwMW", (int)(c < 128 ? c : 'a')) && c < 128)
            em += 0.95;
        else if (c >= 'A' && c <= 'Z')
            em += 0.74;
        else
            em += 0.63;
    }
    return em * font_px;
}

void svg_labeler_init(svg_labeler *l, svg_box area)
{
    memset(l, 0, sizeof *l);
    l->area = area;
}

void svg_labeler_destroy(svg_labeler *l)
{
    free(l->taken);
    memset(l, 0, sizeof *l);
}

int svg_labeler_block(svg_labeler *l, svg_box b)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        svg_box *t = realloc(l->taken, cap * sizeof *t);
        if (!t)
            return QP_ENOMEM;
        l->taken = t;
        l->cap = cap;
    }
    l->taken[l->n++] = b;
    return 0;
}

static int overlaps(const svg_box *a, const svg_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static int free_at(const svg_labeler *l, const svg_box *b)
{
    if (b->x0 < l->area.x0 || b->y0 < l->area.y0 || b->x1 > l->area.x1 || b->y1 > l->area.y1)
        return 0;
    for (size_t i = 0; i < l->n; i++)
        if (overlaps(&l->taken[i], b))
            return 0;
    return 1;
}

int svg_labeler_place(svg_labeler *l, double cx, double cy, double r, double w, double h, double *x, double *y,
                      const char **anchor, double *lx, double *ly)
{
    /* the box of a label set with its baseline at y: ascent ~ 0.8 h above, descent 0.2 h below */
    static const struct {
        double dx, dy; /* direction */
        int anchor;    /* 0 start, 1 middle, 2 end */
    } tries[] = {
        {1, 0, 0}, {-1, 0, 2}, {0, -1, 1}, {0, 1, 1}, {0.8, -0.8, 0}, {-0.8, -0.8, 2}, {0.8, 0.8, 0}, {-0.8, 0.8, 2},
    };
    static const char *const anchors[] = {"start", "middle", "end"};
    for (int ring = 1; ring <= 3; ring++) {
        double gap = r + 3 + (ring - 1) * (h + 2);
        for (size_t k = 0; k < QP_ARRAY_LEN(tries); k++) {
            double ax = cx + tries[k].dx * gap;
            /* vertical centre of the text at the candidate; above and below keep clear of the mark */
            double my = cy + tries[k].dy * (gap + (tries[k].dy != 0 ? h / 2 : 0));
            svg_box b;
            b.x0 = tries[k].anchor == 0 ? ax : tries[k].anchor == 1 ? ax - w / 2 : ax - w;
            b.x1 = b.x0 + w;
            b.y0 = my - h / 2;
            b.y1 = my + h / 2;
            if (!free_at(l, &b))
                continue;
            if (svg_labeler_block(l, b))
                return -1;
            *x = ax;
            *y = my + 0.3 * h; /* baseline: a third below the middle for a 1.2-line box */
            *anchor = anchors[tries[k].anchor];
            *lx = cx < b.x0 ? b.x0 : cx > b.x1 ? b.x1 : cx;
            *ly = cy < b.y0 ? b.y0 : cy > b.y1 ? b.y1 : cy;
            return ring;
        }
    }
    return 0;
}
