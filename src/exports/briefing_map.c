/* briefing_map.c — the briefing's map: the places of the period's lines as dots on a plain
 * equirectangular projection with a graticule, sized by lines, coloured by tone, labelled
 * where labels fit; no tiles, nothing fetched (the same points `quipu export geojson` writes). */
#include "timeline_int.h"

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
/* The map frames where the lines are: around the busiest place, the circle that holds this
 * share of the lines, widened by a half (a hundred and fifty kilometres at least); places
 * farther are named under it rather than drawn (one embassy abroad must not shrink the war to a
 * dot). */
#define FRAME_SHARE 0.7

typedef struct spot {
    const qp_place_ref *place;
    size_t lines, sources;
    int tone[3];               /* backing, fighting, other */
    double x, y, r;
    int far;                   /* outside the frame: named under the map */
    int country;               /* placed only at a country: no dot, a count under the map */
} spot;

static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = M_PI / 180;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * 6371.0 * asin(sqrt(h < 1 ? h : 1));
}

static int cmp_spot(const void *pa, const void *pb)
{
    const spot *a = pa, *b = pb;
    if (a->lines != b->lines)
        return a->lines < b->lines ? 1 : -1;
    return strcmp(a->place->id, b->place->id);
}

/* A graticule step (degrees) giving lines at least min_px apart. */
static double grid_step(double px_per_deg, double min_px)
{
    static const double steps[] = {0.5, 1, 2, 5, 10, 15, 30, 45, 90};
    for (size_t i = 0; i < QP_ARRAY_LEN(steps); i++)
        if (steps[i] * px_per_deg >= min_px)
            return steps[i];
    return 90;
}

static const double *by_dist;

static int cmp_dist(const void *pa, const void *pb)
{
    double a = by_dist[*(const size_t *)pa], b = by_dist[*(const size_t *)pb];
    return (a > b) - (a < b);
}

int tl_svg_map(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    spot *s = calloc(t->n_items + 1, sizeof *s);
    if (!s)
        return QP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < t->n_items; i++) {
        const tl_item *it = &t->items[i];
        const qp_place_ref *p = &it->told.place;
        if (it->when || it->day == LONG_MIN || !p->id)
            continue;
        size_t k = 0;
        while (k < n && strcmp(s[k].place->id, p->id))
            k++;
        if (k == n)
            s[n++].place = p;
        s[k].lines++;
        s[k].sources += it->n_docs;
        int tone = tl_tone(it->told.action);
        s[k].tone[tone > 0 ? 0 : tone < 0 ? 1 : 2]++;
    }
    int rc = 0;
    if (!n)
        goto done;
    qp_sort(s, n, sizeof *s, cmp_spot);
    /* a country's centre is not where anything happened: counted under the map */
    size_t *idx = malloc((n + 1) * sizeof *idx), m_in = 0, n_far = 0, n_country = 0;
    if (!idx) {
        free(s);
        return QP_ENOMEM;
    }
    for (size_t k = 0; k < n; k++) {
        s[k].country = s[k].place->feature && !strncmp(s[k].place->feature, "A.PCL", 5);
        if (s[k].country)
            n_country++;
        else
            idx[m_in++] = k;
    }
    if (!m_in) {
        free(idx);
        goto captions;
    }
    /* idx holds the places below the country, busiest first */
    const qp_place_ref *hub = s[idx[0]].place;
    double *dist = malloc((n + 1) * sizeof *dist);
    if (!dist) {
        free(idx);
        free(s);
        return QP_ENOMEM;
    }
    size_t total = 0, acc = 0;
    for (size_t k = 0; k < n; k++) {
        dist[k] = km(hub->lat, hub->lon, s[k].place->lat, s[k].place->lon);
        total += s[k].country ? 0 : s[k].lines;
    }
    by_dist = dist;
    qp_sort(idx, m_in, sizeof *idx, cmp_dist);
    double radius = 0;
    for (size_t k = 0; k < m_in && (double)acc < FRAME_SHARE * (double)total; k++) {
        acc += s[idx[k]].lines;
        radius = dist[idx[k]];
    }
    radius = fmax(radius * 1.5, 150);
    free(idx);
    double minlat = 90, maxlat = -90, minlon = 180, maxlon = -180;
    for (size_t k = 0; k < n; k++) {
        const qp_place_ref *p = s[k].place;
        if (s[k].country)
            continue;
        if ((s[k].far = dist[k] > radius)) {
            n_far++;
            continue;
        }
        minlat = fmin(minlat, p->lat);
        maxlat = fmax(maxlat, p->lat);
        minlon = fmin(minlon, p->lon);
        maxlon = fmax(maxlon, p->lon);
    }
    free(dist);
    /* a margin of a tenth, a degree at least */
    double padlat = fmax((maxlat - minlat) * 0.12, 1.0), padlon = fmax((maxlon - minlon) * 0.12, 1.0);
    minlat -= padlat;
    maxlat += padlat;
    minlon -= padlon;
    maxlon += padlon;
    double k_lon = cos((minlat + maxlat) / 2 * M_PI / 180); /* equirectangular, true at mid-latitude */
    const double W = 900, Hmax = 560, m = 36;
    double wdeg = (maxlon - minlon) * k_lon, hdeg = maxlat - minlat;
    double scale = fmin((W - 2 * m) / wdeg, (Hmax - 2 * m) / hdeg);
    double H = hdeg * scale + 2 * m;
    double ox = (W - wdeg * scale) / 2;
#define PX(lon) (ox + ((lon) - minlon) * k_lon * scale)
#define PY(lat) (m + (maxlat - (lat)) * scale)
    rc |= qp_buf_printf(out, "<div class=\"figure\"><svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n"
                             "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#f4f7fa\"/>\n",
                        W, H, fr ? "Carte des lieux de la période" : "Map of the period's places", W, H);
    /* graticule: lines and their degrees along the bottom and the left, never closer than 70 px */
    svg_labeler lab;
    svg_labeler_init(&lab, (svg_box){1, 1, W - 1, H - 1});
    double step = grid_step(scale * fmin(k_lon, 1), 70);
    for (double lon = ceil(minlon / step) * step; lon <= maxlon; lon += step) {
        double x = PX(lon);
        char deg[32];
        snprintf(deg, sizeof deg, "%g°%s", fabs(lon), lon < 0 ? (fr ? "O" : "W") : "E");
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#d5dde5\"/>"
                                 "<text class=\"grid\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"start\">%s</text>\n",
                            x, x, H, x + 3, H - 5, deg);
        rc |= svg_labeler_block(&lab, (svg_box){x + 3, H - 5 - 11, x + 3 + svg_text_width(deg, 11), H - 2});
    }
    for (double lat = ceil(minlat / step) * step; lat <= maxlat; lat += step) {
        double y = PY(lat);
        char deg[32];
        snprintf(deg, sizeof deg, "%g°%s", fabs(lat), lat < 0 ? "S" : "N");
        rc |= qp_buf_printf(out, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d5dde5\"/>"
                                 "<text class=\"grid\" x=\"4\" y=\"%.1f\">%s</text>\n",
                            y, W, y, y - 3, deg);
        rc |= svg_labeler_block(&lab, (svg_box){4, y - 3 - 11, 4 + svg_text_width(deg, 11), y});
    }
    double maxl = 1;
    for (size_t k = 0; k < n; k++)
        if (!s[k].far && !s[k].country && (double)s[k].lines > maxl)
            maxl = (double)s[k].lines;
    for (size_t k = 0; k < n; k++) {
        if (s[k].far || s[k].country)
            continue;
        s[k].x = PX(s[k].place->lon);
        s[k].y = PY(s[k].place->lat);
        s[k].r = 3 + 11 * sqrt((double)s[k].lines / maxl);
        rc |= svg_labeler_block(&lab, (svg_box){s[k].x - s[k].r, s[k].y - s[k].r, s[k].x + s[k].r, s[k].y + s[k].r});
    }
    /* dots, the biggest under the smaller ones */
    for (size_t k = 0; k < n; k++) {
        if (s[k].far || s[k].country)
            continue;
        const char *c = s[k].tone[1] > s[k].tone[0] ? "#c62828" : s[k].tone[0] ? "#2e7d32" : "#6b7280";
        rc |= qp_buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.7\" "
                                 "stroke=\"#fff\"><title>",
                            s[k].x, s[k].y, s[k].r, c);
        rc |= qp_text_xml(out, s[k].place->label ? s[k].place->label : s[k].place->text);
        rc |= qp_buf_printf(out, fr ? " : %zu faits, %zu sources" : ": %zu developments, %zu sources", s[k].lines,
                            s[k].sources);
        rc |= qp_buf_puts(out, "</title></circle>\n");
    }
    /* labels, the busiest places first, where they fit */
    for (size_t k = 0; k < n; k++) {
        if (s[k].far || s[k].country)
            continue;
        const char *label = s[k].place->label ? s[k].place->label : s[k].place->text;
        double x, y, lx, ly;
        const char *anchor;
        int placed = svg_labeler_place(&lab, s[k].x, s[k].y, s[k].r, svg_text_width(label, FONT), LINE, &x, &y,
                                       &anchor, &lx, &ly);
        if (placed < 0)
            rc = QP_ENOMEM;
        if (placed > 1)
            rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" "
                                     "stroke-width=\"0.8\"/>\n",
                                s[k].x, s[k].y, lx, ly);
        if (placed > 0) {
            rc |= qp_buf_printf(out, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
            rc |= qp_text_xml(out, label);
            rc |= qp_buf_puts(out, "</text>\n");
        }
    }
#undef PX
#undef PY
    svg_labeler_destroy(&lab);
    rc |= qp_buf_puts(out, "</svg></div>\n");
    rc |= qp_buf_printf(out, "<p class=\"legend\">%s", fr ? "Un point par lieu, d'autant plus grand que les faits y sont nombreux ; "
                                                          "rouge : combats et pressions dominent, vert : soutiens. "
                                                        : "One dot a place, bigger for more developments; red where "
                                                          "fighting and pressure prevail, green for backing. ");
    rc |= qp_buf_puts(out, fr ? "Projection équirectangulaire, sans fond de carte.</p>\n"
                              : "Equirectangular projection, no base map.</p>\n");
captions:
    for (int pass = 0; pass < 2; pass++) {
        size_t want = pass ? n_country : n_far, shown = 0;
        if (!want)
            continue;
        rc |= qp_buf_puts(out, pass ? (fr ? "<p class=\"summary\">Situés seulement au pays : " : "<p class=\"summary\">Placed only in a country: ")
                                    : (fr ? "<p class=\"summary\">Ailleurs : " : "<p class=\"summary\">Elsewhere: "));
        for (size_t k = 0; k < n && shown < 12; k++) {
            if (pass ? !s[k].country : !s[k].far)
                continue;
            rc |= qp_buf_puts(out, shown++ ? ", " : "");
            rc |= qp_text_xml(out, s[k].place->label ? s[k].place->label : s[k].place->text);
            rc |= qp_buf_printf(out, " (%zu)", s[k].lines);
        }
        rc |= qp_buf_puts(out, want > shown ? ", …</p>\n" : ".</p>\n");
    }
done:
    free(s);
    return rc ? QP_ENOMEM : 0;
}
