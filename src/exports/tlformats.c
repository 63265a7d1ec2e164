/* tlformats.c — timelines for other tools: Knight Lab TimelineJS JSON, CSV (RFC 4180) and JSONL. */
#include "timeline_int.h"

#include "eventrow.h"
#include "qp.h"
#include "textout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int put_json_field(qp_buf *out, const char *key, const char *val, int comma)
{
    int rc = comma ? qp_buf_putc(out, ',') : 0;
    rc |= qp_buf_printf(out, "\"%s\":", key);
    rc |= qp_text_json(out, val);
    return rc;
}

/* A field TimelineJS renders as HTML (a headline) from plain text: escaped for HTML first, so
 * that an actor's name or a title read from the web cannot become markup, then for JSON. */
static int put_json_html_field(qp_buf *out, const char *key, const char *text, int comma)
{
    qp_buf h;
    qp_buf_init(&h);
    int rc = qp_text_put(&h, text ? text : "", QP_TEXT_XML, 0);
    rc |= put_json_field(out, key, h.len ? h.data : "", comma);
    qp_buf_destroy(&h);
    return rc;
}

/* {"year": "2017", "month": "11", "day": "2"}: as precise as the grain, no more. */
static int put_tljs_date(qp_buf *out, const char *ymd, const char *grain)
{
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    int rc = qp_buf_printf(out, "{\"year\":\"%d\"", y);
    if (!grain || strcmp(grain, "year"))
        rc |= qp_buf_printf(out, ",\"month\":\"%d\"", m);
    if (!grain || (strcmp(grain, "year") && strcmp(grain, "month")))
        rc |= qp_buf_printf(out, ",\"day\":\"%d\"", d);
    return rc | qp_buf_putc(out, '}');
}

/* The last day of [start, end): end minus one day. */
static void last_day(const char *end, char out[48])
{
    struct tm tm = {.tm_year = atoi(end) - 1900, .tm_mon = atoi(end + 5) - 1, .tm_mday = atoi(end + 8) - 1,
                    .tm_hour = 12};
    time_t tt = timegm(&tm);
    gmtime_r(&tt, &tm);
    snprintf(out, 48, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int put_sources_html(const tl *t, const tl_item *it, qp_buf *out)
{
    int rc = qp_buf_puts(out, t->o->lang == QP_LANG_FR ? "<p>Sources : " : "<p>Sources: ");
    for (size_t k = 0; k < it->n_docs; k++) {
        const tl_doc *d = &t->docs[it->docs[k]];
        if (k)
            rc |= qp_buf_puts(out, "; ");
        const char *name = d->source ? d->source : d->name;
        /* only an http(s) URL is a link: TimelineJS renders this HTML as it is */
        int link = qp_url_is_web(d->url);
        if (link) {
            rc |= qp_buf_puts(out, "<a href=\"");
            rc |= qp_text_url(out, d->url, QP_TEXT_XML);
            rc |= qp_buf_puts(out, "\">");
        }
        rc |= qp_text_put(out, name, QP_TEXT_XML, 0);
        if (d->title) {
            rc |= qp_buf_puts(out, ", “");
            rc |= qp_text_put(out, d->title, QP_TEXT_XML, 0);
            rc |= qp_buf_puts(out, "”");
        }
        if (link)
            rc |= qp_buf_puts(out, "</a>");
    }
    return rc | qp_buf_puts(out, "</p>");
}

int tl_render_timelinejs(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = tl_title(t, &tmp);
    rc |= qp_buf_puts(out, "{\"title\":{\"text\":{");
    rc |= put_json_html_field(out, "headline", tmp.data, 0);
    qp_buf_clear(&tmp);
    rc |= qp_buf_printf(&tmp, fr ? "%zu faits datés ; %zu sans date ne figurent pas sur la frise."
                                 : "%zu dated developments; %zu undated ones are not on the timeline.",
                        t->n_items - t->n_undated, t->n_undated);
    rc |= put_json_field(out, "text", tmp.data, 1);
    rc |= qp_buf_puts(out, "}},\"events\":[");
    int first = 1;
    for (size_t i = 0; i < t->n_items; i++) {
        const tl_item *it = &t->items[i];
        const qp_event *e = &it->told;
        if (!e->time.start)
            continue; /* TimelineJS needs a start date; undated events are counted in the title */
        rc |= qp_buf_puts(out, first ? "\n{" : ",\n{");
        first = 0;
        rc |= qp_buf_puts(out, "\"start_date\":");
        rc |= put_tljs_date(out, e->time.start, e->time.grain);
        if (e->time.end && e->time.grain && strcmp(e->time.grain, "day") && strcmp(e->time.grain, "month") &&
            strcmp(e->time.grain, "year")) {
            char last[48];
            last_day(e->time.end, last);
            rc |= qp_buf_puts(out, ",\"end_date\":");
            rc |= put_tljs_date(out, last, "day");
        }
        qp_buf_clear(&tmp);
        rc |= tl_item_sentence(t, it, &tmp);
        rc |= qp_buf_puts(out, ",\"text\":{");
        rc |= put_json_html_field(out, "headline", tmp.data, 0);
        qp_buf_clear(&tmp);
        if (e->evidence_text) {
            rc |= qp_buf_puts(&tmp, "<blockquote>");
            rc |= qp_text_put(&tmp, e->evidence_text, QP_TEXT_XML, 0);
            rc |= qp_buf_puts(&tmp, "</blockquote>");
        }
        rc |= put_sources_html(t, it, &tmp);
        rc |= put_json_field(out, "text", tmp.data, 1);
        rc |= qp_buf_putc(out, '}');
        /* the background (an article's recall, a date after its article) in a row of its own */
        rc |= put_json_field(out, "group", it->when ? (fr ? "Contexte" : "Background")
                                                    : qp_phrase_action_name(e->action, t->o->lang), 1);
        /* unique_id becomes an HTML id and a URL fragment: letters, digits, - and _ only */
        qp_buf_clear(&tmp);
        rc |= qp_buf_printf(&tmp, "e%zu-", i + 1);
        for (const char *p = e->uid ? e->uid : ""; *p; p++)
            rc |= qp_buf_putc(&tmp, ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
                                        ? *p : '-');
        rc |= put_json_field(out, "unique_id", tmp.data, 1);
        rc |= qp_buf_putc(out, '}');
    }
    rc |= qp_buf_puts(out, "\n]}\n");
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}

/* ---- one row per event: the layout `quipu events` writes too (eventrow.h) ---- */

static qp_row_doc row_doc(const tl_doc *d)
{
    return (qp_row_doc){.title = d->title, .outlet = d->source, .url = d->url, .published = d->published,
                        .lang = d->lang};
}

static int render_rows(const tl *t, qp_buf *out, int json)
{
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = json ? 0 : qp_row_csv_header(out);
    for (size_t i = 0; i < t->n_items && !rc; i++)
        for (size_t k = 0; k < t->items[i].n_events && !rc; k++) {
            const tl_event *te = &t->events[t->items[i].events[k]];
            qp_event e = te->e;
            /* the period as stored, not as the headings normalise it */
            e.time.end = te->end;
            e.time.grain = te->grain;
            qp_buf_clear(&tmp);
            rc = qp_phrase_event(&tmp, &te->e, t->o->lang);
            qp_row_doc d = row_doc(&t->docs[te->doc]);
            const char *dev = t->events[t->items[i].first].e.uid;
            if (!rc)
                rc = json ? qp_row_json(out, &e, &d, t->o->lang, tmp.data, dev)
                          : qp_row_csv(out, &e, &d, t->o->lang, tmp.data, dev);
        }
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}

int tl_render_csv(const tl *t, qp_buf *out)
{
    return render_rows(t, out, 0);
}

int tl_render_jsonl(const tl *t, qp_buf *out)
{
    return render_rows(t, out, 1);
}
