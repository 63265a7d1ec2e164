/* briefing_html.c — the briefing as one self-contained HTML page: inline CSS and SVG, no script
 * and no network; the period, a timeline strip, the key developments with the articles' words,
 * the chronology, a map, the alliance graph and the sources. */
#include "timeline_int.h"

#include "qp.h"
#include "textout.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const css =
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2329;background:#fafafa;"
    "margin:0}main{max-width:980px;margin:0 auto;padding:24px 32px;background:#fff;min-height:100vh}"
    "@media (max-width:600px){main{padding:12px 14px}body{font-size:15px}}"
    "h1{font-size:1.7em;margin:.2em 0 .1em;line-height:1.25}h2{font-size:1.2em;border-bottom:1px solid #dde;"
    "padding-bottom:.2em;margin-top:1.6em}.summary{color:#555}ol.events,ul.events{list-style:none;padding-left:0;margin:0}"
    ".event{position:relative;padding:.35em 0 .35em 1.4em;border-left:3px solid #e1e4e8;margin-left:.4em}"
    ".event::before{content:'';position:absolute;left:-7px;top:.85em;width:11px;height:11px;border-radius:50%;"
    "background:var(--c,#888)}.pos{--c:#2e7d32}.neg{--c:#c62828}.neu{--c:#6b7280}"
    "ol.key{padding-left:1.6em}ol.key li{margin:.5em 0}ol.key li::marker{font-weight:700}"
    ".when{font-weight:600;margin-right:.4em}.notes{font-size:.8em;vertical-align:super;margin-left:.2em}"
    ".notes a{color:#1565c0;text-decoration:none}.count{color:#555;font-size:.9em}"
    "blockquote.quote{margin:.25em 0 .1em 0;border-left:3px solid #ccd;padding-left:.6em;color:#333;font-style:italic}"
    ".fig{color:#7a2e0e;font-size:.92em}"
    "details{font-size:.95em;color:#333;margin:.3em 0 .3em .4em}details summary{cursor:pointer;color:#555}"
    "details blockquote{margin:.3em 0 .3em 1em;border-left:3px solid #ddd;padding-left:.6em;font-style:italic}"
    "svg{display:block;width:100%;height:auto}.figure{overflow-x:auto}.figure svg{min-width:640px}"
    "text.label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}"
    ".strip text,.graph text,.map text{font-size:12px;fill:#333;font-family:'DejaVu Sans',Verdana,sans-serif}"
    ".map text.grid{font-size:11px;fill:#7b8794}"
    ".legend{font-size:.9em;color:#444}.legend>span{display:inline-block;margin-right:1.2em}"
    ".sw{display:inline-block;width:.9em;height:.9em;border-radius:50%;vertical-align:-.1em;margin-right:.3em}"
    ".ln{display:inline-block;width:1.4em;height:3px;vertical-align:.25em;margin-right:.3em}"
    ".num{display:inline-block;width:1.2em;height:1.2em;border:1px solid #333;border-radius:50%;text-align:center;"
    "font-size:.75em;line-height:1.2em;margin-right:.3em}"
    "ol.sources li{margin:.2em 0}.blocs li{margin:.2em 0}.undated-note{color:#555;font-style:italic}"
    ".period{background:#f1f5f9;border-left:4px solid #64748b;padding:.4em .8em;margin:.8em 0}";

static const char *tone_class(const char *action)
{
    int t = tl_tone(action);
    return t > 0 ? "pos" : t < 0 ? "neg" : "neu";
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

static int put_uids(const tl *t, const tl_item *it, qp_buf *out)
{
    int rc = qp_buf_puts(out, " data-uids=\"");
    for (size_t k = 0; k < it->n_events; k++) {
        if (k)
            rc |= qp_buf_putc(out, ' ');
        rc |= qp_text_xml(out, t->events[it->events[k]].e.uid);
    }
    return rc | qp_buf_putc(out, '"');
}

/* The date shown before a line: none under a day's heading, the day under a week's or a
 * month's, the whole period in the key developments and the background. */
static int put_when(const tl *t, const tl_item *it, int full, qp_buf *out, qp_buf *tmp)
{
    const tl_section *sec = &t->sections[it->section];
    const qp_time_ref *tm = &it->told.time;
    if (!tm->start)
        return 0;
    int day_line = (!tm->grain || !strcmp(tm->grain, "day")) && !tm->end;
    if (!full && sec->kind == TL_SECTION_PERIOD && !strcmp(sec->grain, "day") && day_line)
        return 0;
    qp_buf_clear(tmp);
    int rc = tl_item_when(t, it, tmp);
    if (!full && sec->kind == TL_SECTION_PERIOD && day_line && tmp->len > 5 && tmp->data[tmp->len - 5] == ' ')
        tmp->data[tmp->len -= 5] = 0; /* the heading has the year */
    rc |= qp_buf_puts(out, "<span class=\"when\">");
    rc |= qp_text_xml(out, tmp->data);
    return rc | qp_buf_puts(out, "</span>");
}

static int put_counts(const tl *t, const tl_item *it, qp_buf *out)
{
    (void)t;
    if (it->n_docs < 2)
        return 0;
    int rc = qp_buf_printf(out, " <span class=\"count\">(%zu sources", it->n_docs);
    if (it->n_events > it->n_docs)
        rc |= qp_buf_printf(out, ", %zu mentions", it->n_events);
    return rc | qp_buf_puts(out, ")</span>");
}

static int put_item(const tl *t, const tl_item *it, qp_buf *out, qp_buf *tmp)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_printf(out, "<li class=\"event %s\"", tone_class(it->told.action));
    rc |= put_uids(t, it, out);
    rc |= qp_buf_putc(out, '>');
    rc |= put_when(t, it, 0, out, tmp);
    qp_buf_clear(tmp);
    rc |= tl_item_sentence(t, it, tmp);
    rc |= qp_buf_puts(out, "<span class=\"what\">");
    rc |= qp_text_xml(out, tmp->data);
    rc |= qp_buf_puts(out, "</span>");
    rc |= put_counts(t, it, out);
    rc |= put_notes(t, it, out);
    if (t->events[it->first].e.evidence_text) {
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

static int put_key(const tl *t, const tl_item *it, qp_buf *out, qp_buf *tmp)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, "<li");
    rc |= put_uids(t, it, out);
    rc |= qp_buf_putc(out, '>');
    rc |= put_when(t, it, 1, out, tmp);
    qp_buf_clear(tmp);
    rc |= tl_item_sentence(t, it, tmp);
    rc |= qp_buf_puts(out, "<span class=\"what\">");
    rc |= qp_text_xml(out, tmp->data);
    rc |= qp_buf_puts(out, "</span>");
    rc |= qp_buf_printf(out, " <span class=\"count\">(%zu source%s", it->n_docs, it->n_docs == 1 ? "" : "s");
    if (it->n_events > it->n_docs)
        rc |= qp_buf_printf(out, ", %zu mentions", it->n_events);
    rc |= qp_buf_puts(out, ")</span>");
    rc |= put_notes(t, it, out);
    if (it->quote) {
        rc |= qp_buf_printf(out, "<blockquote class=\"quote\" lang=\"%s\">",
                            t->docs[t->events[it->first].doc].lang ? t->docs[t->events[it->first].doc].lang : "und");
        rc |= qp_buf_puts(out, fr ? "« " : "“");
        rc |= qp_text_xml(out, it->quote);
        rc |= qp_buf_puts(out, fr ? " »</blockquote>" : "”</blockquote>");
    }
    if (it->counts) {
        rc |= qp_buf_printf(out, "<div class=\"fig\">%s", fr ? "Chiffres cités : " : "Figures given: ");
        rc |= qp_text_xml(out, it->counts);
        rc |= qp_buf_puts(out, "</div>");
    }
    return rc | qp_buf_puts(out, "</li>\n");
}

/* One heading of the chronology. A long section shows the lines several sources tell and
 * folds the single-source ones; the background is folded whole. */
static int put_section(const tl *t, const tl_section *sec, qp_buf *out, qp_buf *tmp)
{
    int fr = t->o->lang == QP_LANG_FR;
    qp_buf_clear(tmp);
    int rc = tl_section_heading(t, sec, tmp);
    rc |= qp_buf_printf(out, "<section class=\"day\"%s%s%s>\n<h2>", sec->start ? " data-date=\"" : "",
                        sec->start ? sec->start : "", sec->start ? "\"" : "");
    rc |= qp_text_xml(out, tmp->data);
    rc |= qp_buf_puts(out, "</h2>\n");
    if (sec->kind != TL_SECTION_PERIOD) {
        const char *note = sec->kind == TL_SECTION_UNDATED
                               ? (fr ? "Ces événements n'ont pas de date connue." : "These events have no known date.")
                           : sec->kind == TL_SECTION_LONGER
                               ? (fr ? "Faits de la période que les articles ne datent qu'au mois ou à l'année."
                                     : "Developments of the period the articles date only by month or year.")
                           : sec->kind == TL_SECTION_BEFORE
                               ? (fr ? "Ce que les articles rappellent d'avant la période."
                                     : "What the articles recall from before the period.")
                               : (fr ? "Des articles les datent après leur propre date : annonces ou erreurs de date."
                                     : "Their articles date them after themselves: announcements or misdated events.");
        rc |= qp_buf_printf(out, "<p class=\"undated-note\">%s</p>\n<details><summary>%zu %s</summary>\n"
                                 "<ol class=\"events\">\n",
                            note, sec->n_items, fr ? (sec->n_items == 1 ? "fait" : "faits")
                                                   : (sec->n_items == 1 ? "line" : "lines"));
        for (size_t i = 0; i < sec->n_items; i++)
            rc |= put_item(t, &t->items[sec->items[i]], out, tmp);
        return rc | qp_buf_puts(out, "</ol>\n</details>\n</section>\n");
    }
    size_t multi = 0;
    for (size_t i = 0; i < sec->n_items; i++)
        multi += t->items[sec->items[i]].n_docs > 1;
    int fold = sec->n_items > 12 && multi < sec->n_items;
    rc |= qp_buf_puts(out, "<ol class=\"events\">\n");
    for (size_t i = 0; i < sec->n_items; i++)
        if (!fold || t->items[sec->items[i]].n_docs > 1)
            rc |= put_item(t, &t->items[sec->items[i]], out, tmp);
    rc |= qp_buf_puts(out, "</ol>\n");
    if (fold) {
        size_t single = sec->n_items - multi;
        rc |= qp_buf_printf(out, "<details><summary>%s%zu %s</summary>\n<ol class=\"events\">\n", multi ? "+ " : "",
                            single, fr ? (single == 1 ? "fait rapporté par une seule source" : "faits rapportés par une seule source")
                                       : (single == 1 ? "line from a single source" : "lines from a single source each"));
        for (size_t i = 0; i < sec->n_items; i++)
            if (t->items[sec->items[i]].n_docs <= 1)
                rc |= put_item(t, &t->items[sec->items[i]], out, tmp);
        rc |= qp_buf_puts(out, "</ol>\n</details>\n");
    }
    return rc | qp_buf_puts(out, "</section>\n");
}

static int put_blocs(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_printf(out, "<section id=\"blocs\">\n<h2>%s</h2>\n<p class=\"summary\">%s</p>\n",
                           fr ? "Blocs et alliances" : "Blocs and alliances",
                           fr ? "Les blocs de <code>quipu query sides</code> : les soutiens rapprochent, les combats "
                                "séparent. Disposition de Fruchterman–Reingold (igraph) des acteurs les plus liés."
                              : "The blocs of <code>quipu query sides</code>: backing pulls together, fighting pushes "
                                "apart. Fruchterman–Reingold layout (igraph) of the most tied actors.");
    rc |= tl_svg_graph(t, out);
    rc |= qp_buf_puts(out, "<ul class=\"blocs\">\n");
    size_t alone = 0;
    for (size_t b = 0; b < t->n_blocs; b++) {
        if (t->blocs[b].n_members < 2) { /* a bloc of one is not a side: listed together below */
            alone += t->blocs[b].n_members;
            continue;
        }
        char c[8];
        tl_node_colour(t, (int)b, c);
        rc |= qp_buf_printf(out, "<li><span class=\"sw\" style=\"background:%s\"></span><strong>Bloc %zu</strong>%s", c,
                            b + 1, fr ? " : " : ": ");
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
    return rc | qp_buf_puts(out, "</ul>\n</section>\n");
}

static int put_sources(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, "<section id=\"sources\">\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for (size_t k = 0; k < t->n_cited; k++) {
        const tl_doc *d = &t->docs[t->cited[k]];
        rc |= qp_buf_printf(out, "<li id=\"source-%d\">", d->note);
        /* only an http(s) URL is a link: a javascript: one would run on a click */
        int link = qp_url_is_web(d->url);
        if (link) {
            rc |= qp_buf_puts(out, "<a href=\"");
            rc |= qp_text_url(out, d->url, QP_TEXT_XML);
            rc |= qp_buf_puts(out, "\">");
        }
        rc |= qp_buf_puts(out, d->title ? (fr ? "« " : "“") : (fr ? "<em>Sans titre</em>" : "<em>Untitled</em>"));
        rc |= qp_text_xml(out, d->title);
        rc |= qp_buf_puts(out, d->title ? (fr ? " »" : "”") : "");
        rc |= qp_buf_puts(out, link ? "</a>" : "");
        if (d->source) {
            rc |= qp_buf_puts(out, " — ");
            rc |= qp_text_xml(out, d->source);
        }
        rc |= qp_buf_printf(out, " (%s", d->published ? d->published : (fr ? "sans date" : "undated"));
        if (!d->url) { /* how to find it: `quipu events --doc NAME` */
            rc |= qp_buf_puts(out, fr ? " ; document <code>" : "; document <code>");
            rc |= qp_text_xml(out, d->name);
            rc |= qp_buf_puts(out, "</code>");
        }
        rc |= qp_buf_puts(out, ")</li>\n");
    }
    return rc | qp_buf_puts(out, "</ol>\n</section>\n");
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
    rc |= qp_buf_puts(out, "</h1>\n<p class=\"summary\">");
    rc |= tl_summary(t, t->n_cited, out);
    rc |= qp_buf_puts(out, "</p>\n");
    if (!t->n_items)
        rc |= qp_buf_puts(out, fr ? "<p>Aucun événement dans cette période.</p>\n" : "<p>No events in this period.</p>\n");
    if (t->n_background)
        rc |= qp_buf_printf(out, fr ? "<p class=\"period\">La période est celle des faits que les articles rapportent ; "
                                      "%zu faits qu'ils rappellent d'avant elle, ou datent après eux-mêmes, sont mis à "
                                      "part en fin de chronologie.</p>\n"
                                    : "<p class=\"period\">The period is that of the developments the articles report; "
                                      "%zu lines they recall from before it, or date after themselves, are set apart "
                                      "at the end of the chronology.</p>\n",
                            t->n_background);
    rc |= tl_svg_strip(t, out);
    if (t->n_key) {
        rc |= qp_buf_printf(out, "<section id=\"key\">\n<h2>%s</h2>\n<p class=\"summary\">%s</p>\n<ol class=\"key\">\n",
                            fr ? "Faits marquants" : "Key developments",
                            fr ? "Les faits que le plus de sources rapportent, avec les mots d'un article."
                               : "What most sources report, in the words of one article.");
        for (size_t k = 0; k < t->n_key; k++)
            rc |= put_key(t, &t->items[t->key[k]], out, &tmp);
        rc |= qp_buf_puts(out, "</ol>\n</section>\n");
    }
    for (size_t s = 0; s < t->n_sections; s++)
        rc |= put_section(t, &t->sections[s], out, &tmp);
    qp_buf map;
    qp_buf_init(&map);
    rc |= tl_svg_map(t, &map);
    if (map.len) {
        rc |= qp_buf_printf(out, "<section id=\"map\">\n<h2>%s</h2>\n", fr ? "Carte" : "Map");
        rc |= qp_buf_append(out, map.data, map.len);
        rc |= qp_buf_puts(out, "</section>\n");
    }
    qp_buf_destroy(&map);
    if (t->n_blocs || t->n_edges)
        rc |= put_blocs(t, out);
    if (t->n_cited)
        rc |= put_sources(t, out);
    rc |= qp_buf_puts(out, "<footer class=\"summary\"><small>quipu " QP_VERSION "</small></footer>\n</main>\n</body>\n</html>\n");
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}
