/* tlformats.c — timelines for other tools: Knight Lab TimelineJS JSON, CSV (RFC 4180) and JSONL. */
#include "timeline_int.h"

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
        const qp_event *e = &t->events[it->first].e;
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
        rc |= put_json_field(out, "group", qp_phrase_action_name(e->action, t->o->lang), 1);
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

/* ---- one row per event ---- */

enum { N_FIELDS = 23 };

static const char *const field_names[N_FIELDS] = {"uid", "start", "end", "grain", "time_text", "actor1",
    "actor1_label", "action", "mode", "actor2", "actor2_label", "place", "place_label", "sentence", "document",
    "outlet", "title", "url", "published", "confidence", "flags", "merged_with", "evidence"};

/* The fields of event i; strings in tmp (which must not move: offsets are fixed afterwards). */
static int fields_of(const tl *t, size_t i, qp_buf *tmp, const char *v[N_FIELDS])
{
    const tl_event *te = &t->events[i];
    const qp_event *e = &te->e;
    const tl_doc *d = &t->docs[te->doc];
    const tl_item *it = &t->items[te->item];
    qp_buf_clear(tmp);
    size_t off_sentence = tmp->len;
    int rc = qp_phrase_event(tmp, e, t->o->lang);
    rc |= qp_buf_putc(tmp, 0);
    size_t off_conf = tmp->len;
    rc |= qp_buf_printf(tmp, "%.3f", e->confidence);
    rc |= qp_buf_putc(tmp, 0);
    size_t off_flags = tmp->len;
    rc |= qp_buf_printf(tmp, "%d", e->flags);
    rc |= qp_buf_putc(tmp, 0);
    size_t off_merged = tmp->len;
    rc |= qp_buf_printf(tmp, "%s", t->events[it->first].e.uid ? t->events[it->first].e.uid : "");
    rc |= qp_buf_putc(tmp, 0);
    if (rc)
        return QP_ENOMEM;
    const char *a1 = e->actor1.label ? e->actor1.label : e->actor1.text;
    const char *a2 = e->actor2.label ? e->actor2.label : e->actor2.text;
    if (t->o->lang == QP_LANG_FR) {
        a1 = e->actor1.label_fr ? e->actor1.label_fr : a1;
        a2 = e->actor2.label_fr ? e->actor2.label_fr : a2;
    }
    const char *vals[N_FIELDS] = {e->uid, e->time.start, te->end, te->grain, e->time.text, e->actor1.id,
        a1, e->action, e->mode, e->actor2.id, a2, e->place.id, e->place.label ? e->place.label : e->place.text,
        tmp->data + off_sentence, e->doc, d->source, d->title, d->url, d->published, tmp->data + off_conf,
        tmp->data + off_flags, tmp->data + off_merged, e->evidence_text};
    memcpy(v, vals, sizeof vals);
    return 0;
}

int tl_render_csv(const tl *t, qp_buf *out)
{
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = 0;
    for (int f = 0; f < N_FIELDS; f++)
        rc |= qp_buf_printf(out, "%s%s", f ? "," : "", field_names[f]);
    rc |= qp_buf_puts(out, "\r\n");
    for (size_t i = 0; i < t->n_items && !rc; i++)
        for (size_t k = 0; k < t->items[i].n_events && !rc; k++) {
            const char *v[N_FIELDS];
            if ((rc = fields_of(t, t->items[i].events[k], &tmp, v)))
                break;
            for (int f = 0; f < N_FIELDS; f++) {
                if (f)
                    rc |= qp_buf_putc(out, ',');
                rc |= qp_text_csv(out, v[f]);
            }
            rc |= qp_buf_puts(out, "\r\n");
        }
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}

int tl_render_jsonl(const tl *t, qp_buf *out)
{
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = 0;
    for (size_t i = 0; i < t->n_items && !rc; i++)
        for (size_t k = 0; k < t->items[i].n_events && !rc; k++) {
            const char *v[N_FIELDS];
            if ((rc = fields_of(t, t->items[i].events[k], &tmp, v)))
                break;
            rc |= qp_buf_putc(out, '{');
            for (int f = 0; f < N_FIELDS; f++) {
                if (f == 19 || f == 20) /* confidence and flags are numbers */
                    rc |= qp_buf_printf(out, "%s\"%s\":%s", f ? "," : "", field_names[f], v[f]);
                else
                    rc |= put_json_field(out, field_names[f], v[f], f > 0);
            }
            rc |= qp_buf_puts(out, "}\n");
        }
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}
