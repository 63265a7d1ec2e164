/* briefing_svg.c — the HTML briefing's pictures: the timeline strip (lines per day, week or
 * month by tone, ticks on calendar boundaries that never collide, the key developments
 * marked) and the alliance graph (igraph's layout, one colour per bloc, labels that do not
 * cover each other). */
#include "timeline_int.h"

#include "palette.h"
#include "qp.h"
#include "svglabel.h"
#include "textout.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT 12.0
#define LINE 15.0
#define GREEN "#2e7d32"
#define RED "#c62828"
#define GREY "#8a8f98"

static const char *const months[2][12] = {
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
};

/* ---- ticks ---- */

typedef enum { U_DAY, U_MONTH, U_YEAR } unit_kind;

typedef struct unit {
    unit_kind kind;
    int step;       /* days, months or years */
} unit;

/* The finest first: a tick every day … every ten years. */
static const unit units[] = {
    {U_DAY, 1}, {U_DAY, 2}, {U_DAY, 7}, {U_DAY, 14}, {U_MONTH, 1}, {U_MONTH, 2}, {U_MONTH, 3}, {U_MONTH, 6},
    {U_YEAR, 1}, {U_YEAR, 2}, {U_YEAR, 5}, {U_YEAR, 10},
};

/* The first tick of unit u on or after day d0: a Monday for weeks, the first of a month (of a
 * quarter, a half) for months, the first of January of a round year for years. */
static long first_tick(unit u, long d0)
{
    char ymd[16];
    tl_ymd(d0, ymd);
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    if (u.kind == U_DAY) {
        if (u.step == 7 || u.step == 14) {
            long dow = ((d0 % 7) + 7 + 3) % 7; /* Monday 0 */
            return dow ? d0 + 7 - dow : d0;
        }
        return d0;
    }
    if (u.kind == U_MONTH) {
        int mm = m + (d > 1);
        while ((mm - 1) % u.step)
            mm++;
        y += (mm - 1) / 12;
        mm = (mm - 1) % 12 + 1;
        snprintf(ymd, sizeof ymd, "%04d-%02d-01", y, mm);
        return tl_day(ymd);
    }
    int yy = y + (m > 1 || d > 1);
    while (yy % u.step)
        yy++;
    snprintf(ymd, sizeof ymd, "%04d-01-01", yy);
    return tl_day(ymd);
}

static long next_tick(unit u, long day)
{
    if (u.kind == U_DAY)
        return day + u.step;
    char ymd[16];
    tl_ymd(day, ymd);
    int y = atoi(ymd), m = atoi(ymd + 5);
    if (u.kind == U_MONTH) {
        m += u.step;
        y += (m - 1) / 12;
        m = (m - 1) % 12 + 1;
    } else {
        y += u.step;
    }
    snprintf(ymd, sizeof ymd, "%04d-%02d-01", y, m);
    return tl_day(ymd);
}

/* "21 Aug", "Aug 2013", "2013"; the year with days when the span crosses one, or at the first
 * tick. */
static void tick_label(unit u, long day, int first, int years_differ, qp_lang lang, char *out, size_t cap)
{
    char ymd[16];
    tl_ymd(day, ymd);
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    const char *mon = months[lang == QP_LANG_FR][(m - 1) % 12];
    if (u.kind == U_YEAR)
        snprintf(out, cap, "%d", y);
    else if (u.kind == U_MONTH)
        snprintf(out, cap, (m == 1 || first || u.step >= 3) ? "%s %d" : "%s", mon, y);
    else if (first || (years_differ && m == 1 && d <= u.step))
        snprintf(out, cap, lang == QP_LANG_FR ? "%d %s %d" : "%d %s %d", d, mon, y);
    else
        snprintf(out, cap, "%d %s", d, mon);
}

typedef struct tick {
    double x;
    char label[48];
    double w;
    const char *anchor;
} tick;

/* The finest unit whose labels fit side by side with a gap; fills ticks (cap) and returns
 * their number. */
static size_t choose_ticks(long d0, long d1, double x0, double px_per_day, double width, qp_lang lang, tick *ticks,
                           size_t cap)
{
    char a[16], b[16];
    tl_ymd(d0, a);
    tl_ymd(d1 - 1, b);
    int years_differ = strncmp(a, b, 4) != 0;
    for (size_t k = 0; k < QP_ARRAY_LEN(units); k++) {
        unit u = units[k];
        size_t n = 0;
        int ok = 1;
        double prev_end = -1e9;
        for (long d = first_tick(u, d0); d <= d1 && ok; d = next_tick(u, d)) {
            if (n == cap) {
                ok = 0;
                break;
            }
            tick *t = &ticks[n];
            t->x = x0 + (double)(d - d0) * px_per_day;
            tick_label(u, d, n == 0, years_differ, lang, t->label, sizeof t->label);
            t->w = svg_text_width(t->label, FONT);
            t->anchor = "middle";
            double lo = t->x - t->w / 2;
            if (lo < 0) {
                t->anchor = "start";
                lo = t->x;
            } else if (t->x + t->w / 2 > width) {
                t->anchor = "end";
                lo = t->x - t->w;
            }
            if (lo < prev_end + 10)
                ok = 0;
            prev_end = lo + t->w;
            n++;
        }
        if (ok && n >= 2)
            return n;
        if (ok && n == 1 && k == QP_ARRAY_LEN(units) - 1)
            return n;
    }
    return 0;
}

/* ---- the strip ---- */

int tl_svg_strip(const tl *t, qp_buf *out)
{
    if (!t->first_day || !t->last_day)
        return 0;
    int fr = t->o->lang == QP_LANG_FR;
    long d0 = tl_day(t->first_day), d1 = tl_day(t->last_day) + 1;
    if (d1 - d0 < 3) { /* a day or two: a little room either side */
        d0 -= 1;
        d1 += 1;
    }
    long span = d1 - d0;
    /* bars a day wide for two months, a week wide for a year and a half, a month beyond */
    const char *bucket = span <= 62 ? "day" : span <= 548 ? "week" : "month";
    const double W = 940, left = 12, right = 12, bars_h = 70, markers_h = 40;
    double pw = W - left - right, ppd = pw / (double)span;
    /* bucket counts by tone */
    size_t nb = (size_t)span + 2;
    size_t (*count)[3] = calloc(nb, sizeof *count);
    tick *ticks = calloc(400, sizeof *ticks);
    if (!count || !ticks) {
        free(count);
        free(ticks);
        return QP_ENOMEM;
    }
    size_t maxc = 1;
    for (size_t i = 0; i < t->n_items; i++) {
        const tl_item *it = &t->items[i];
        if (it->when || it->day == LONG_MIN || it->day < d0 || it->day >= d1)
            continue;
        int tone = tl_tone(it->told.action);
        size_t slot = (size_t)(it->day - d0); /* folded into its bucket below */
        count[slot][tone > 0 ? 0 : tone < 0 ? 1 : 2]++;
    }
    /* fold days into buckets: the bucket's first day carries them */
    size_t *start_of = calloc(nb, sizeof *start_of);
    if (!start_of) {
        free(count);
        free(ticks);
        return QP_ENOMEM;
    }
    long prev_start = LONG_MIN;
    size_t cur = 0;
    for (long d = d0; d < d1; d++) {
        long s = d;
        if (!strcmp(bucket, "week"))
            s = d - (((d % 7) + 7 + 3) % 7);
        else if (!strcmp(bucket, "month")) {
            char ymd[16];
            tl_ymd(d, ymd);
            ymd[8] = '0';
            ymd[9] = '1';
            s = tl_day(ymd);
        }
        if (s != prev_start) {
            cur = (size_t)(d - d0);
            prev_start = s;
        }
        start_of[d - d0] = cur;
        if (cur != (size_t)(d - d0))
            for (int k = 0; k < 3; k++) {
                count[cur][k] += count[d - d0][k];
                count[d - d0][k] = 0;
            }
    }
    for (size_t i = 0; i < (size_t)span; i++)
        if (count[i][0] + count[i][1] + count[i][2] > maxc)
            maxc = count[i][0] + count[i][1] + count[i][2];
    double axis = markers_h + bars_h;
    double H = axis + 28;
    int rc = qp_buf_printf(out, "<div class=\"figure\"><svg class=\"strip\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n", W, H,
                           fr ? "Frise chronologique : faits par période" : "Timeline: developments by period");
    /* bars */
    for (size_t i = 0; i < (size_t)span; i++) {
        size_t tot = count[i][0] + count[i][1] + count[i][2];
        if (!tot)
            continue;
        size_t len = 1;
        while (i + len < (size_t)span && start_of[i + len] == i)
            len++;
        double x = left + (double)i * ppd, w = fmax((double)len * ppd - 1, 1.5);
        double y = axis;
        static const char *const colours[] = {GREEN, RED, GREY};
        char when[16];
        tl_ymd(d0 + (long)i, when);
        for (int k = 0; k < 3; k++) {
            if (!count[i][k])
                continue;
            double h = bars_h * (double)count[i][k] / (double)maxc;
            y -= h;
            rc |= qp_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                     "<title>%s: %zu</title></rect>\n",
                                x, y, w, h, colours[k], when, count[i][k]);
        }
    }
    rc |= qp_buf_printf(out, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\"/>\n", left, axis,
                        W - right, axis);
    /* ticks on calendar boundaries, the finest whose labels fit */
    size_t nt = choose_ticks(d0, d1, left, ppd, W, t->o->lang, ticks, 400);
    for (size_t k = 0; k < nt; k++) {
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>"
                                 "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
                            ticks[k].x, axis, ticks[k].x, axis + 5, ticks[k].x, axis + 19, ticks[k].anchor);
        rc |= qp_text_xml(out, ticks[k].label);
        rc |= qp_buf_puts(out, "</text>\n");
    }
    /* the key developments, numbered as in the list; a marker that would cover another goes up */
    svg_labeler lab;
    svg_labeler_init(&lab, (svg_box){0, 0, W, markers_h});
    qp_buf tmp;
    qp_buf_init(&tmp);
    for (size_t k = 0; k < t->n_key; k++) {
        const tl_item *it = &t->items[t->key[k]];
        if (it->day < d0 || it->day >= d1)
            continue;
        double x = left + ((double)(it->day - d0) + 0.5) * ppd, r = 8;
        double y = markers_h - r - 2;
        svg_box b = {x - r, y - r, x + r, y + r};
        for (int row = 0; row < 3; row++) {
            b.y0 = y - r;
            b.y1 = y + r;
            size_t i = 0;
            while (i < lab.n && !(lab.taken[i].x0 < b.x1 && b.x0 < lab.taken[i].x1 && lab.taken[i].y0 < b.y1 &&
                                  b.y0 < lab.taken[i].y1))
                i++;
            if (i == lab.n)
                break;
            y -= 2 * r + 1;
        }
        if (svg_labeler_block(&lab, b))
            rc = QP_ENOMEM;
        qp_buf_clear(&tmp);
        rc |= tl_item_sentence(t, it, &tmp);
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                                 "stroke-dasharray=\"2 2\"/><g class=\"marker\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" "
                                 "fill=\"#fff\" stroke=\"#333\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                                 "font-size=\"11\">%zu</text><title>",
                            x, y + r, x, axis, x, y, r, x, y + 4, k + 1);
        rc |= qp_text_xml(out, tmp.data);
        rc |= qp_buf_puts(out, "</title></g>\n");
    }
    qp_buf_destroy(&tmp);
    svg_labeler_destroy(&lab);
    free(count);
    free(start_of);
    free(ticks);
    rc |= qp_buf_puts(out, "</svg></div>\n");
    rc |= qp_buf_printf(out, "<p class=\"legend\"><span><span class=\"sw\" style=\"background:" GREEN "\"></span>%s</span>"
                             "<span><span class=\"sw\" style=\"background:" RED "\"></span>%s</span>"
                             "<span><span class=\"sw\" style=\"background:" GREY "\"></span>%s</span>"
                             "<span><span class=\"num\">1</span>%s</span>"
                             "<span class=\"scale\">%s</span></p>\n",
                        fr ? "soutien, coopération, accord" : "backing, cooperation, agreement",
                        fr ? "combats, pressions, accusations" : "fighting, pressure, accusations",
                        fr ? "autres" : "other", fr ? "fait marquant" : "key development",
                        !strcmp(bucket, "day") ? (fr ? "une barre par jour" : "one bar a day")
                        : !strcmp(bucket, "week") ? (fr ? "une barre par semaine" : "one bar a week")
                                                  : (fr ? "une barre par mois" : "one bar a month"));
    return rc ? QP_ENOMEM : 0;
}

/* ---- the alliance graph ---- */

static const tl *graph_ctx;

static int cmp_strength(const void *pa, const void *pb)
{
    const tl_node *a = &graph_ctx->nodes[*(const size_t *)pa], *b = &graph_ctx->nodes[*(const size_t *)pb];
    if (a->strength != b->strength)
        return a->strength < b->strength ? 1 : -1;
    return strcmp(a->id, b->id);
}

int tl_svg_graph(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    size_t n = 0;
    size_t *order = malloc((t->n_nodes + 1) * sizeof *order);
    double *px = malloc((t->n_nodes + 1) * sizeof *px), *py = malloc((t->n_nodes + 1) * sizeof *py),
           *pr = malloc((t->n_nodes + 1) * sizeof *pr);
    if (!order || !px || !py || !pr) {
        free(order);
        free(px);
        free(py);
        free(pr);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < t->n_nodes; i++)
        if (t->nodes[i].drawn)
            order[n++] = i;
    int rc = 0;
    if (!n)
        goto done;
    graph_ctx = t;
    qp_sort(order, n, sizeof *order, cmp_strength);
    const double W = 900, H = 620, mx = 120, my = 40;
    /* each axis stretched to the frame: a network has no aspect to keep, and the room is
     * what lets labels sit beside their dots */
    double lox = INFINITY, hix = -INFINITY, loy = INFINITY, hiy = -INFINITY;
    for (size_t k = 0; k < n; k++) {
        const tl_node *nd = &t->nodes[order[k]];
        lox = fmin(lox, nd->x);
        hix = fmax(hix, nd->x);
        loy = fmin(loy, nd->y);
        hiy = fmax(hiy, nd->y);
    }
    for (size_t k = 0; k < n; k++) {
        const tl_node *nd = &t->nodes[order[k]];
        px[order[k]] = hix > lox ? mx + (nd->x - lox) / (hix - lox) * (W - 2 * mx) : W / 2;
        py[order[k]] = hiy > loy ? my + (nd->y - loy) / (hiy - loy) * (H - 2 * my) : H / 2;
        pr[order[k]] = 4 + 8 * sqrt(nd->size);
    }
    rc |= qp_buf_printf(out, "<div class=\"figure\"><svg class=\"graph\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n"
                             "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                             "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"" GREEN
                             "\"/></marker></defs>\n",
                        W, H, fr ? "Graphe des alliances" : "Alliance graph");
    for (size_t k = 0; k < t->n_edges; k++) {
        const tl_edge *e = &t->edges[k];
        if (e->a == e->b || !t->nodes[e->a].drawn || !t->nodes[e->b].drawn)
            continue;
        double x1 = px[e->a], y1 = py[e->a], x2 = px[e->b], y2 = py[e->b];
        double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
        if (len < 1)
            continue;
        /* stop at the discs' rims, so that an arrow's head shows */
        x1 += dx / len * pr[e->a];
        y1 += dy / len * pr[e->a];
        x2 -= dx / len * (pr[e->b] + 1);
        y2 -= dy / len * (pr[e->b] + 1);
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                                 "stroke-width=\"%.1f\" stroke-opacity=\"0.55\"%s/>\n",
                            x1, y1, x2, y2, e->sign > 0 ? GREEN : RED,
                            fmin(1.0 + log2((double)(e->weight ? e->weight : 1)), 6.0),
                            e->sign > 0 && e->directed ? " marker-end=\"url(#arrow)\"" : "");
    }
    /* discs first (labels keep clear of every disc), then labels, the most tied actors first */
    svg_labeler lab;
    svg_labeler_init(&lab, (svg_box){2, 2, W - 2, H - 2});
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        rc |= svg_labeler_block(&lab, (svg_box){px[i] - pr[i], py[i] - pr[i], px[i] + pr[i], py[i] + pr[i]});
    }
    qp_buf hidden;
    qp_buf_init(&hidden);
    size_t n_hidden = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        const tl_node *nd = &t->nodes[i];
        char fill[8];
        tl_node_colour(t, nd->bloc, fill);
        const char *label = tl_node_label(t, nd);
        rc |= qp_buf_printf(out, "<g class=\"node\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#fff\" "
                                 "stroke-width=\"1.5\"><title>",
                            px[i], py[i], pr[i], fill);
        rc |= qp_text_xml(out, label);
        if (nd->bloc >= 0)
            rc |= qp_buf_printf(out, " (bloc %d)", nd->bloc + 1);
        rc |= qp_buf_puts(out, "</title></circle>");
        double x, y, lx, ly;
        const char *anchor;
        int placed = svg_labeler_place(&lab, px[i], py[i], pr[i], svg_text_width(label, FONT), LINE, &x, &y, &anchor,
                                       &lx, &ly);
        if (placed < 0)
            rc = QP_ENOMEM;
        if (placed > 1) /* set apart: a leader line says whose it is */
            rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                                     "stroke-width=\"0.8\"/>",
                                px[i], py[i], lx, ly);
        if (placed > 0) {
            rc |= qp_buf_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
            rc |= qp_text_xml(out, label);
            rc |= qp_buf_puts(out, "</text>");
        } else { /* no room: named under the picture instead */
            rc |= qp_buf_puts(&hidden, n_hidden++ ? ", " : "");
            rc |= qp_text_xml(&hidden, label);
        }
        rc |= qp_buf_puts(out, "</g>\n");
    }
    svg_labeler_destroy(&lab);
    rc |= qp_buf_puts(out, "</svg></div>\n<p class=\"legend\">");
    rc |= qp_buf_printf(out, "<span><span class=\"ln\" style=\"background:" GREEN "\"></span>%s</span>"
                             "<span><span class=\"ln\" style=\"background:" RED "\"></span>%s</span>",
                        fr ? "soutien, coopération (flèche : qui soutient qui)" : "backing, cooperation (arrow: who backs whom)",
                        fr ? "combats" : "fighting");
    /* one swatch per drawn bloc; one grey for the rest */
    int grey = 0;
    for (size_t b = 0; b < t->n_blocs; b++) {
        int drawn = 0;
        for (size_t m = 0; m < t->blocs[b].n_members && !drawn; m++)
            drawn = t->nodes[t->blocs[b].members[m]].drawn;
        if (!drawn)
            continue;
        char c[8];
        int other;
        qp_bloc_hex((int)b, t->n_shared_blocs, c, &other);
        if (other) {
            grey = 1;
            continue;
        }
        rc |= qp_buf_printf(out, "<span><span class=\"sw\" style=\"background:%s\"></span>Bloc %zu</span>", c, b + 1);
    }
    for (size_t k = 0; k < n && !grey; k++)
        grey = t->nodes[order[k]].bloc < 0;
    if (grey) {
        char c[8];
        qp_bloc_hex(-1, 0, c, NULL);
        rc |= qp_buf_printf(out, "<span><span class=\"sw\" style=\"background:%s\"></span>%s</span>", c,
                            fr ? "seul ou petit bloc" : "alone or in a small bloc");
    }
    rc |= qp_buf_puts(out, "</p>\n");
    if (n_hidden) {
        rc |= qp_buf_printf(out, "<p class=\"summary\">%s", fr ? "Points sans étiquette, faute de place (survolez-les) : "
                                                               : "Dots left unlabelled for want of room (hover them): ");
        rc |= qp_buf_append(out, hidden.data, hidden.len);
        rc |= qp_buf_puts(out, ".</p>\n");
    }
    qp_buf_destroy(&hidden);
done:
    free(order);
    free(px);
    free(py);
    free(pr);
    return rc ? QP_ENOMEM : 0;
}
