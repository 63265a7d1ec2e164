/* briefing_html.c — the briefing as one self-contained HTML page: inline CSS and SVG, no
 * script and no network, with a strip timeline and a picture of the alliance graph. */
#include "timeline_int.h"

#include "codes.h"
#include "qp.h"
#include "textout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const css =
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2329;background:#fafafa;"
    "margin:0}main{max-width:980px;margin:0 auto;padding:24px 32px;background:#fff;min-height:100vh}"
    "h1{font-size:1.7em;margin:.2em 0 .1em}h2{font-size:1.2em;border-bottom:1px solid #dde;padding-bottom:.2em;"
    "margin-top:1.6em}.summary{color:#555}ol.events,ul.events{list-style:none;padding-left:0;margin:0}"
    ".event{position:relative;padding:.35em 0 .35em 1.4em;border-left:3px solid #e1e4e8;margin-left:.4em}"
    ".event::before{content:'';position:absolute;left:-7px;top:.85em;width:11px;height:11px;border-radius:50%;"
    "background:var(--c,#888)}.pos{--c:#2e7d32}.neg{--c:#c62828}.neu{--c:#6b7280}"
    ".when{font-weight:600;margin-right:.4em}.notes{font-size:.8em;vertical-align:super;margin-left:.2em}"
    ".notes a{color:#1565c0;text-decoration:none}.count{color:#555;font-size:.9em}"
    "details{font-size:.9em;color:#444}details blockquote{margin:.3em 0 .3em 1em;border-left:3px solid #ddd;"
    "padding-left:.6em;font-style:italic}svg{display:block;max-width:100%;height:auto}"
    ".strip text,.graph text{font-size:12px;fill:#333}.legend span{display:inline-block;margin-right:1.2em}"
    ".sw{display:inline-block;width:.9em;height:.9em;border-radius:50%;vertical-align:-.1em;margin-right:.3em}"
    "ol.sources li{margin:.2em 0}.blocs li{margin:.2em 0}.undated-note{color:#555;font-style:italic}";

static const char *const bloc_colours[] = {"#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2",
                                           "#bcbd22", "#7f7f7f"};

/* pos, neg or neu: how the action reads on the alliance map */
static const char *tone(const char *action)
{
    int a = qp_action_parse(action);
    int t = a < 0 ? 0 : qp_action_tone((qp_action)a);
    return t > 0 ? "pos" : t < 0 ? "neg" : "neu";
}

static long day_number(const char *ymd)
{
    struct tm tm = {.tm_year = atoi(ymd) - 1900, .tm_mon = atoi(ymd + 5) - 1, .tm_mday = atoi(ymd + 8),
                    .tm_hour = 12};
    return (long)(timegm(&tm) / 86400);
}

static int put_notes(const tl *t, const tl_item *it, qp_buf *out)
{
    if (!it->n_docs)
        return 0;
    int rc = qp_buf_puts(out, "<span class=\"notes\">[");
    for (size_t k = 0; k < it->n_docs; k++) {
        int n = t->docs[it->docs[k]].note;
        rc |= qp_buf_printf(out, "%s<a href=\"#source-%d\">%d</a>", k ? ", " : "", n, n);
    }
    return rc | qp_buf_puts(out, "]</span>");
}

static int put_item(const tl *t, const tl_item *it, qp_buf *out, qp_buf *tmp, int with_date)
{
    int fr = t->o->lang == QP_LANG_FR;
    const qp_event *e = &t->events[it->first].e;
    int rc = qp_buf_printf(out, "<li class=\"event %s\" data-uids=\"", tone(e->action));
    for (size_t k = 0; k < it->n_events; k++) {
        if (k)
            rc |= qp_buf_putc(out, ' ');
        rc |= qp_text_xml(out, t->events[it->events[k]].e.uid);
    }
    rc |= qp_buf_puts(out, "\">");
    if (with_date) {
        const tl_section *sec = &t->sections[it->section];
        qp_buf_clear(tmp);
        rc |= qp_phrase_period(tmp, sec->start, sec->end, sec->grain, t->o->lang);
        rc |= qp_buf_puts(out, "<span class=\"when\">");
        rc |= qp_text_xml(out, tmp->data);
        rc |= qp_buf_puts(out, "</span>");
    }
    qp_buf_clear(tmp);
    rc |= tl_item_sentence(t, it, tmp);
    rc |= qp_buf_puts(out, "<span class=\"what\">");
    rc |= qp_text_xml(out, tmp->data);
    rc |= qp_buf_puts(out, "</span>");
    if (it->n_docs > 1)
        rc |= qp_buf_printf(out, fr ? " <span class=\"count\">(%zu sources)</span>" : " <span class=\"count\">(%zu reports)</span>",
                            it->n_docs);
    rc |= put_notes(t, it, out);
    if (e->evidence_text && !with_date) {
        rc |= qp_buf_puts(out, fr ? "<details><summary>Extrait</summary>" : "<details><summary>Evidence</summary>");
        for (size_t k = 0; k < it->n_events && k < 3; k++) {
            rc |= qp_buf_puts(out, "<blockquote>");
            rc |= qp_text_xml(out, t->events[it->events[k]].e.evidence_text);
            rc |= qp_buf_puts(out, "</blockquote>");
        }
        rc |= qp_buf_puts(out, "</details>");
    }
    return rc | qp_buf_puts(out, "</li>\n");
}

/* The strip: one dot per dated line on a day axis, stacked when a day has several. */
static int put_strip(const tl *t, qp_buf *out, qp_buf *tmp)
{
    if (!t->first_day || !t->last_day)
        return 0;
    const double W = 940, left = 30, right = 30;
    long d0 = day_number(t->first_day), d1 = day_number(t->last_day);
    if (d1 <= d0) { /* one day: centred between its neighbours rather than on the edge */
        d0--;
        d1 = d0 + 2;
    }
    long span = d1 - d0;
    int maxstack = 1;
    int *stack = calloc((size_t)span + 2, sizeof *stack);
    if (!stack)
        return QP_ENOMEM;
    for (size_t i = 0; i < t->n_items; i++) {
        const qp_event *e = &t->events[t->items[i].first].e;
        if (e->time.start) {
            long d = day_number(e->time.start) - d0;
            if (d >= 0 && d <= span && ++stack[d] > maxstack)
                maxstack = stack[d];
        }
    }
    if (maxstack > 12)
        maxstack = 12;
    double H = 60 + 14.0 * maxstack;
    double axis = H - 30;
    int rc = qp_buf_printf(out, "<svg class=\"strip\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n",
                           W, H, t->o->lang == QP_LANG_FR ? "Frise chronologique" : "Timeline");
    rc |= qp_buf_printf(out, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\"/>\n", left, axis,
                        W - right, axis);
    /* ticks: both ends and a few between, at whole days */
    int nticks = span >= 6 ? 6 : (int)span;
    for (int k = 0; k <= nticks; k++) {
        long d = d0 + (nticks ? span * k / nticks : 0);
        double x = left + (W - left - right) * (double)(d - d0) / (double)span;
        time_t tt = (time_t)d * 86400 + 43200;
        struct tm tm;
        gmtime_r(&tt, &tm);
        char ymd[48];
        snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        qp_buf_clear(tmp);
        rc |= qp_phrase_period(tmp, ymd, NULL, "day", t->o->lang);
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>"
                                 "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
                            x, axis, x, axis + 5, x, axis + 20, k == 0 ? "start" : k == nticks ? "end" : "middle");
        rc |= qp_text_xml(out, tmp->data);
        rc |= qp_buf_puts(out, "</text>\n");
    }
    memset(stack, 0, ((size_t)span + 2) * sizeof *stack);
    for (size_t i = 0; i < t->n_items; i++) {
        const tl_item *it = &t->items[i];
        const qp_event *e = &t->events[it->first].e;
        if (!e->time.start)
            continue;
        long d = day_number(e->time.start) - d0;
        if (d < 0 || d > span)
            continue;
        int k = stack[d]++;
        if (k >= maxstack)
            k = maxstack - 1;
        double x = left + (W - left - right) * (double)d / (double)span;
        double y = axis - 12 - 14.0 * k;
        const char *c = !strcmp(tone(e->action), "pos") ? "#2e7d32" : !strcmp(tone(e->action), "neg") ? "#c62828" : "#6b7280";
        rc |= qp_buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.85\"><title>",
                            x, y, 4.5 + (it->n_docs > 1 ? 1.5 : 0), c);
        qp_buf_clear(tmp);
        rc |= tl_item_sentence(t, it, tmp);
        rc |= qp_text_xml(out, tmp->data);
        rc |= qp_buf_puts(out, "</title></circle>\n");
    }
    free(stack);
    return rc | qp_buf_puts(out, "</svg>\n");
}

typedef struct placed {
    size_t node;
    double x, y, strength;
} placed;

static int cmp_placed_strength(const void *pa, const void *pb)
{
    const placed *a = pa, *b = pb;
    if (a->strength != b->strength)
        return a->strength < b->strength ? 1 : -1;
    return (a->node > b->node) - (a->node < b->node);
}

static const tl *bloc_ctx;

static int cmp_placed_bloc(const void *pa, const void *pb)
{
    const placed *a = pa, *b = pb;
    int ba = bloc_ctx->nodes[a->node].bloc, bb = bloc_ctx->nodes[b->node].bloc;
    if (ba != bb) /* blocs in order, nodes without a bloc last */
        return ba < 0 ? 1 : bb < 0 ? -1 : ba - bb;
    return strcmp(bloc_ctx->nodes[a->node].id, bloc_ctx->nodes[b->node].id);
}

/* The alliance graph: nodes on a circle, bloc by bloc with a gap between blocs, so that
 * allies sit together; green lines for backing, red for fighting. Deterministic. */
static int put_graph(const tl *t, qp_buf *out)
{
    enum { MAX_NODES = 40 };
    if (!t->n_edges)
        return 0;
    placed *p = calloc(t->n_nodes + 1, sizeof *p);
    ptrdiff_t *where = malloc((t->n_nodes + 1) * sizeof *where);
    if (!p || !where) {
        free(p);
        free(where);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < t->n_nodes; i++) {
        p[i].node = i;
        where[i] = -1;
    }
    for (size_t k = 0; k < t->n_edges; k++) {
        p[t->edges[k].a].strength += (double)t->edges[k].weight;
        p[t->edges[k].b].strength += (double)t->edges[k].weight;
    }
    qp_sort(p, t->n_nodes, sizeof *p, cmp_placed_strength);
    size_t n = 0;
    while (n < t->n_nodes && n < MAX_NODES && p[n].strength > 0)
        n++;
    bloc_ctx = t;
    qp_sort(p, n, sizeof *p, cmp_placed_bloc);
    const double W = 760, H = 600, cx = 380, cy = 300, R = 220;
    size_t gaps = 0;
    for (size_t i = 1; i < n; i++)
        gaps += t->nodes[p[i].node].bloc != t->nodes[p[i - 1].node].bloc;
    double slots = (double)n + 1.5 * (double)gaps;
    double pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && t->nodes[p[i].node].bloc != t->nodes[p[i - 1].node].bloc)
            pos += 1.5;
        double a = -M_PI / 2 + 2 * M_PI * pos / (slots > 0 ? slots : 1);
        p[i].x = cx + R * cos(a);
        p[i].y = cy + R * sin(a);
        where[p[i].node] = (ptrdiff_t)i;
        pos += 1;
    }
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_printf(out, "<svg class=\"graph\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n"
                                "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"22\" refY=\"5\" "
                                "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">"
                                "<path d=\"M0,0L10,5L0,10z\" fill=\"#2e7d32\"/></marker></defs>\n",
                           W, H, fr ? "Graphe des alliances" : "Alliance graph");
    for (size_t k = 0; k < t->n_edges; k++) {
        const tl_edge *e = &t->edges[k];
        if (where[e->a] < 0 || where[e->b] < 0 || e->a == e->b)
            continue;
        const placed *a = &p[where[e->a]], *b = &p[where[e->b]];
        rc |= qp_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                                 "stroke-width=\"%.1f\" stroke-opacity=\"0.7\"%s/>\n",
                            a->x, a->y, b->x, b->y, e->sign > 0 ? "#2e7d32" : "#c62828",
                            1.0 + log2((double)(e->weight ? e->weight : 1)),
                            e->sign > 0 && e->directed ? " marker-end=\"url(#arrow)\"" : "");
    }
    for (size_t i = 0; i < n; i++) {
        const tl_node *nd = &t->nodes[p[i].node];
        const char *fill = nd->bloc >= 0 ? bloc_colours[nd->bloc % (int)QP_ARRAY_LEN(bloc_colours)] : "#bbb";
        double r = 7 + 9 * sqrt(nd->size);
        /* labels radially outside the circle, so neighbours on the circle do not cover them */
        double dx = (p[i].x - cx) / R, dy = (p[i].y - cy) / R;
        double lx = p[i].x + dx * (r + 5), ly = p[i].y + dy * (r + 5) + 4 + (dy > 0.7 ? 8 : dy < -0.7 ? -4 : 0);
        const char *anchor = dx > 0.25 ? "start" : dx < -0.25 ? "end" : "middle";
        rc |= qp_buf_printf(out, "<g><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#fff\" "
                                 "stroke-width=\"1.5\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
                            p[i].x, p[i].y, r, fill, lx, ly, anchor);
        rc |= qp_text_xml(out, tl_node_label(t, nd));
        rc |= qp_buf_puts(out, "</text></g>\n");
    }
    rc |= qp_buf_puts(out, "</svg>\n<p class=\"legend\">");
    rc |= qp_buf_printf(out, "<span><span class=\"sw\" style=\"background:#2e7d32\"></span>%s</span>"
                             "<span><span class=\"sw\" style=\"background:#c62828\"></span>%s</span>",
                        fr ? "soutien, coopération" : "backing, cooperation", fr ? "combats" : "fighting");
    for (size_t b = 0; b < t->n_blocs && b < QP_ARRAY_LEN(bloc_colours); b++)
        rc |= qp_buf_printf(out, "<span><span class=\"sw\" style=\"background:%s\"></span>Bloc %zu</span>",
                            bloc_colours[b], b + 1);
    rc |= qp_buf_puts(out, "</p>\n");
    if (n < t->n_nodes && t->n_nodes > MAX_NODES)
        rc |= qp_buf_printf(out, fr ? "<p class=\"summary\">Les %d acteurs les plus liés sont montrés.</p>\n"
                                    : "<p class=\"summary\">The %d most connected actors are shown.</p>\n",
                            MAX_NODES);
    free(p);
    free(where);
    return rc;
}

int tl_render_html(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = tl_title(t, &tmp);
    rc |= qp_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                             "style-src 'unsafe-inline'; img-src data:\">\n<title>",
                        fr ? "fr" : "en");
    rc |= qp_text_xml(out, tmp.data);
    rc |= qp_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", css);
    rc |= qp_text_xml(out, tmp.data);
    rc |= qp_buf_puts(out, "</h1>\n");
    size_t ncited = t->n_cited;
    rc |= qp_buf_puts(out, "<p class=\"summary\">");
    rc |= tl_summary(t, ncited, out);
    rc |= qp_buf_puts(out, "</p>\n");
    if (!t->n_items)
        rc |= qp_buf_puts(out, fr ? "<p>Aucun événement dans cette période.</p>\n" : "<p>No events in this period.</p>\n");
    rc |= put_strip(t, out, &tmp);
    if (t->n_key) {
        rc |= qp_buf_printf(out, "<section id=\"key\">\n<h2>%s</h2>\n<ul class=\"events\">\n",
                            fr ? "Faits marquants" : "Key developments");
        for (size_t k = 0; k < t->n_key; k++)
            rc |= put_item(t, &t->items[t->key[k]], out, &tmp, t->sections[t->items[t->key[k]].section].start != NULL);
        rc |= qp_buf_puts(out, "</ul>\n</section>\n");
    }
    for (size_t s = 0; s < t->n_sections; s++) {
        const tl_section *sec = &t->sections[s];
        qp_buf_clear(&tmp);
        if (sec->start)
            rc |= qp_phrase_period(&tmp, sec->start, sec->end, sec->grain, t->o->lang);
        else
            rc |= qp_buf_puts(&tmp, fr ? "Sans date" : "Undated");
        rc |= qp_buf_printf(out, "<section class=\"day\"%s%s%s>\n<h2>", sec->start ? " data-date=\"" : " id=\"undated\"",
                            sec->start ? sec->start : "", sec->start ? "\"" : "");
        rc |= qp_text_xml(out, tmp.data);
        rc |= qp_buf_puts(out, "</h2>\n");
        if (!sec->start)
            rc |= qp_buf_puts(out, fr ? "<p class=\"undated-note\">Ces événements n'ont pas de date connue.</p>\n"
                                      : "<p class=\"undated-note\">These events have no known date.</p>\n");
        rc |= qp_buf_puts(out, "<ol class=\"events\">\n");
        for (size_t i = 0; i < sec->n_items; i++)
            rc |= put_item(t, &t->items[sec->items[i]], out, &tmp, 0);
        rc |= qp_buf_puts(out, "</ol>\n</section>\n");
    }
    if (t->n_blocs || t->n_edges) {
        rc |= qp_buf_printf(out, "<section id=\"blocs\">\n<h2>%s</h2>\n", fr ? "Blocs et alliances" : "Blocs and alliances");
        rc |= put_graph(t, out);
        rc |= qp_buf_puts(out, "<ul class=\"blocs\">\n");
        size_t alone = 0;
        for (size_t b = 0; b < t->n_blocs; b++) {
            if (t->blocs[b].n_members < 2) { /* a bloc of one is not a side: listed together below */
                alone += t->blocs[b].n_members;
                continue;
            }
            rc |= qp_buf_printf(out, "<li><span class=\"sw\" style=\"background:%s\"></span><strong>Bloc %zu</strong>%s",
                                bloc_colours[b % QP_ARRAY_LEN(bloc_colours)], b + 1, fr ? " : " : ": ");
            for (size_t m = 0; m < t->blocs[b].n_members; m++) {
                if (m)
                    rc |= qp_buf_puts(out, ", ");
                rc |= qp_text_xml(out, tl_node_label(t, &t->nodes[t->blocs[b].members[m]]));
            }
            rc |= qp_buf_puts(out, "</li>\n");
        }
        if (alone) {
            rc |= qp_buf_puts(out, fr ? "<li><strong>Seuls</strong> : " : "<li><strong>On their own</strong>: ");
            size_t k = 0;
            for (size_t b = 0; b < t->n_blocs; b++)
                if (t->blocs[b].n_members == 1) {
                    rc |= qp_buf_puts(out, k++ ? ", " : "");
                    rc |= qp_text_xml(out, tl_node_label(t, &t->nodes[t->blocs[b].members[0]]));
                }
            rc |= qp_buf_puts(out, "</li>\n");
        }
        rc |= qp_buf_puts(out, "</ul>\n</section>\n");
    }
    if (ncited) {
        rc |= qp_buf_puts(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
        for (size_t k = 0; k < ncited; k++) {
            const tl_doc *d = &t->docs[t->cited[k]];
            int n = d->note;
            rc |= qp_buf_printf(out, "<li id=\"source-%d\">", n);
            rc |= qp_text_xml(out, d->source ? d->source : (fr ? "Source inconnue" : "Unknown outlet"));
            rc |= qp_buf_puts(out, " — ");
            /* only an http(s) URL is a link: a javascript: one would run on a click */
            int link = qp_url_is_web(d->url);
            if (link) {
                rc |= qp_buf_puts(out, "<a href=\"");
                rc |= qp_text_url(out, d->url, QP_TEXT_XML);
                rc |= qp_buf_puts(out, "\">");
            }
            rc |= qp_buf_puts(out, d->title ? "“" : "");
            rc |= qp_text_xml(out, d->title ? d->title : d->name);
            rc |= qp_buf_puts(out, d->title ? "”" : "");
            rc |= qp_buf_puts(out, link ? "</a>" : "");
            rc |= qp_buf_printf(out, " (%s)</li>\n", d->published ? d->published : (fr ? "sans date" : "undated"));
        }
        rc |= qp_buf_puts(out, "</ol>\n</section>\n");
    }
    rc |= qp_buf_puts(out, "<footer class=\"summary\"><small>quipu " QP_VERSION "</small></footer>\n</main>\n</body>\n</html>\n");
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}
