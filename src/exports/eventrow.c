/* eventrow.c — events as rows (one CSV layout, its JSONL twin) and as PLOVER JSON records. */
#include "eventrow.h"

#include "doctitle.h"
#include "names_lookup.h"
#include "phrase.h"
#include "textcell.h"
#include "textout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const qp_row_columns[QP_ROW_COLUMNS] = {
    "id", "date", "end_date", "grain", "time_text", "anchor", "actor1", "actor1_label", "actor1_country", "action",
    "mode", "context", "cameo", "actor2", "actor2_label", "actor2_country", "place", "place_label",
    "place_country", "lat", "lon", "confidence", "flags", "sentence", "summary", "development", "document",
    "outlet", "title", "url", "published", "evidence"};

/* columns written as JSON numbers */
static int numeric(int col)
{
    return col == 19 || col == 20 || col == 21 || col == 22 || col == 23;
}

const char *qp_plover_context(const char *context)
{
    if (context && !strcmp(context, "political"))
        return "political_institutions";
    return context;
}

/* The day before ymd (YYYY-MM-DD) into out: the last day of an interval that ends at ymd. */
static void day_before(const char *ymd, char out[32])
{
    struct tm tm = {.tm_year = atoi(ymd) - 1900, .tm_mon = atoi(ymd + 5) - 1, .tm_mday = atoi(ymd + 8) - 1,
                    .tm_hour = 12};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const char *label_of(const qp_actor_ref *a, qp_lang lang)
{
    if (lang == QP_LANG_FR && a->label_fr)
        return a->label_fr;
    return a->label ? a->label : a->text;
}

/* The values of e's columns; numbers and dates are written into scratch (which must not move:
 * it is reserved first). */
typedef struct row {
    const char *v[QP_ROW_COLUMNS];
    char date[32], end[32], lat[32], lon[32], conf[32], flags[16], sentence[16];
} row;

static void fill(row *r, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
                 const char *development)
{
    memset(r, 0, sizeof *r);
    const qp_time_ref *t = &e->time;
    if (t->start && strlen(t->start) >= 10) {
        snprintf(r->date, sizeof r->date, "%.10s", t->start);
        if (t->end && strlen(t->end) >= 10 && strncmp(t->end, t->start, 10) > 0)
            day_before(t->end, r->end);
        else
            snprintf(r->end, sizeof r->end, "%s", r->date);
    }
    int located = e->place.id != NULL;
    if (located) { /* a coordinate stays a decimal number (35.0), whatever reads it */
        qp_text_number(e->place.lat, r->lat, sizeof r->lat - 2);
        qp_text_number(e->place.lon, r->lon, sizeof r->lon - 2);
        if (!strpbrk(r->lat, ".e"))
            strcat(r->lat, ".0");
        if (!strpbrk(r->lon, ".e"))
            strcat(r->lon, ".0");
    }
    qp_text_number(e->confidence, r->conf, sizeof r->conf);
    snprintf(r->flags, sizeof r->flags, "%d", e->flags);
    snprintf(r->sentence, sizeof r->sentence, "%d", e->sentence);
    const char *vals[QP_ROW_COLUMNS] = {
        e->uid, r->date[0] ? r->date : NULL, r->end[0] ? r->end : NULL, t->start ? t->grain : NULL, t->text,
        t->anchor, e->actor1.id, label_of(&e->actor1, lang), e->actor1.country, e->action, e->mode,
        qp_plover_context(e->context), e->cameo, e->actor2.id, label_of(&e->actor2, lang), e->actor2.country,
        e->place.id, e->place.label ? e->place.label : e->place.text, qp_country_iso3(e->place.country),
        located ? r->lat : NULL, located ? r->lon : NULL, r->conf, r->flags, r->sentence, summary, development,
        e->doc, d ? d->outlet : NULL, d ? d->title : NULL, d ? d->url : NULL, d ? d->published : NULL,
        e->evidence_text};
    memcpy(r->v, vals, sizeof vals);
}

int qp_row_csv_header(qp_buf *out)
{
    int rc = 0;
    for (int c = 0; c < QP_ROW_COLUMNS; c++)
        rc |= qp_buf_printf(out, "%s%s", c ? "," : "", qp_row_columns[c]);
    rc |= qp_buf_puts(out, "\r\n");
    return rc ? QP_ENOMEM : 0;
}

int qp_row_csv(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
               const char *development)
{
    row r;
    fill(&r, e, d, lang, summary, development);
    int rc = 0;
    for (int c = 0; c < QP_ROW_COLUMNS; c++) {
        if (c)
            rc |= qp_buf_putc(out, ',');
        /* one line per event: line breaks in the evidence become spaces (keep_lines 0) */
        rc |= qp_text_put(out, r.v[c], QP_TEXT_CSV, 0);
    }
    rc |= qp_buf_puts(out, "\r\n");
    return rc ? QP_ENOMEM : 0;
}

int qp_row_json(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
                const char *development)
{
    int rc = qp_row_object(out, e, d, lang, summary, development);
    return rc ? rc : qp_buf_putc(out, '\n');
}

int qp_row_object(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
                  const char *development)
{
    row r;
    fill(&r, e, d, lang, summary, development);
    int rc = qp_buf_putc(out, '{');
    for (int c = 0; c < QP_ROW_COLUMNS; c++) {
        rc |= qp_buf_printf(out, "%s\"%s\":", c ? "," : "", qp_row_columns[c]);
        if (numeric(c) && r.v[c])
            rc |= qp_buf_puts(out, r.v[c]);
        else
            rc |= qp_text_json(out, r.v[c]);
    }
    rc |= qp_buf_putc(out, '}');
    return rc ? QP_ENOMEM : 0;
}

/* ---- PLOVER ---- */

/* PLOVER's sector for a quipu actor kind (codebook table 5.2); NULL for a state as such. */
static const char *sector_of(const char *kind)
{
    static const struct {
        const char *kind, *sector;
    } map[] = {
        {"government", "GOV"}, {"military", "MIL"}, {"police", "COP"}, {"paramilitary", "PRM"},
        {"armed group", "REB"}, {"opposition", "OPP"}, {"party", "PTY"}, {"civilians", "CVL"},
        {"media", "JRN"},
    };
    for (size_t i = 0; kind && i < QP_ARRAY_LEN(map); i++)
        if (!strcmp(kind, map[i].kind))
            return map[i].sector;
    return NULL;
}

/* PLOVER's country field for an actor: its alpha-3, or one of the codebook's non-state
 * entities (table 5.1) when it has none. */
static const char *code_of(const qp_actor_ref *a)
{
    if (a->country && *a->country)
        return a->country;
    if (a->id && !strcmp(a->id, "UN"))
        return "UNO";
    if (a->id && !strcmp(a->id, "EU"))
        return "EUR";
    if (a->kind && (!strcmp(a->kind, "igo") || !strcmp(a->kind, "coalition")))
        return "IGO";
    if (a->kind && !strcmp(a->kind, "ngo"))
        return "NGO";
    if (a->kind && !strcmp(a->kind, "armed group"))
        return "IMG"; /* a transnational militarized group: ISIS, al-Qaeda */
    return NULL;
}

static int put_entity(qp_buf *out, const qp_actor_ref *a)
{
    if (!a->id && !a->label && !a->text)
        return qp_buf_puts(out, "[]");
    const char *sector = sector_of(a->kind);
    int rc = qp_buf_puts(out, "[{\"code\":");
    rc |= qp_text_json(out, code_of(a));
    rc |= qp_buf_puts(out, ",\"sector\":");
    rc |= qp_text_json(out, sector);
    rc |= qp_buf_puts(out, ",\"entity_text\":");
    rc |= qp_text_json(out, a->text);
    rc |= qp_buf_puts(out, ",\"identifier_id\":");
    rc |= qp_text_json(out, a->id);
    rc |= qp_buf_puts(out, ",\"identifier_text\":");
    rc |= qp_text_json(out, a->label);
    return rc | qp_buf_puts(out, "}]");
}

static int put_list(qp_buf *out, const char *one)
{
    if (!one)
        return qp_buf_puts(out, "[]");
    int rc = qp_buf_putc(out, '[');
    rc |= qp_text_json(out, one);
    return rc | qp_buf_putc(out, ']');
}

int qp_row_plover(qp_buf *out, const qp_event *e, const qp_row_doc *d)
{
    row r;
    fill(&r, e, d, QP_LANG_EN, NULL, NULL);
    int lead = e->action && !strcmp(e->action, "LEAD");
    int rc = qp_buf_puts(out, "{\"id\":");
    rc |= qp_text_json(out, e->uid);
    rc |= qp_buf_puts(out, ",\"date\":");
    rc |= qp_text_json(out, r.date[0] ? r.date : NULL);
    if (r.end[0] && strcmp(r.end, r.date))
        rc |= qp_buf_printf(out, ",\"enddate\":\"%s\"", r.end);
    rc |= qp_buf_puts(out, ",\"actor\":");
    rc |= put_entity(out, &e->actor1);
    rc |= qp_buf_puts(out, ",\"recipient\":");
    rc |= put_entity(out, &e->actor2);
    /* LEAD is quipu's: leading a coalition is military cooperation in PLOVER's terms */
    rc |= qp_buf_puts(out, ",\"event\":");
    rc |= put_list(out, lead ? "COOPERATE" : e->action);
    rc |= qp_buf_puts(out, ",\"mode\":");
    rc |= put_list(out, e->mode);
    rc |= qp_buf_puts(out, ",\"context\":");
    rc |= put_list(out, lead && !e->context ? "military" : qp_plover_context(e->context));
    if (e->place.id || e->place.text) {
        rc |= qp_buf_puts(out, ",\"event_loc\":{\"extracted_place\":");
        rc |= qp_text_json(out, e->place.text);
        rc |= qp_buf_puts(out, ",\"resolved_place\":");
        rc |= qp_text_json(out, e->place.label);
        if (e->place.id && !strncmp(e->place.id, "geonames:", 9))
            rc |= qp_buf_printf(out, ",\"geonameid\":%ld", strtol(e->place.id + 9, NULL, 10));
        if (e->place.id)
            rc |= qp_buf_printf(out, ",\"lat\":%s,\"lon\":%s", r.lat, r.lon);
        rc |= qp_buf_puts(out, ",\"country\":");
        rc |= qp_text_json(out, qp_country_name(e->place.country));
        rc |= qp_buf_puts(out, ",\"country_code\":");
        rc |= qp_text_json(out, qp_country_iso3(e->place.country));
        if (e->place.feature && strlen(e->place.feature) > 2 && e->place.feature[1] == '.') {
            rc |= qp_buf_printf(out, ",\"feature_class\":\"%c\",\"feature_code\":", e->place.feature[0]);
            rc |= qp_text_json(out, e->place.feature + 2);
        }
        rc |= qp_buf_putc(out, '}');
    }
    rc |= qp_buf_puts(out, ",\"event_text\":");
    rc |= put_list(out, e->action_text);
    /* PLOVER's start and end count characters; quipu's evidence offsets count bytes: those go
     * under "quipu" */
    rc |= qp_buf_printf(out, ",\"text_info\":{\"sequence\":%d}", e->sentence);
    rc |= qp_buf_puts(out, ",\"cite_info\":{\"url\":");
    rc |= qp_text_json(out, d ? d->url : NULL);
    rc |= qp_buf_puts(out, ",\"title\":");
    rc |= qp_text_json(out, d ? d->title : NULL);
    rc |= qp_buf_puts(out, ",\"language\":");
    rc |= qp_text_json(out, d ? d->lang : NULL);
    rc |= qp_buf_puts(out, ",\"publication\":");
    rc |= qp_text_json(out, d ? d->outlet : NULL);
    rc |= qp_buf_puts(out, ",\"coder\":\"quipu " QP_VERSION "\",\"codebook\":\"plover-0.8\"}");
    /* what PLOVER has no field for, under a name of quipu's own (the codebook allows it) */
    rc |= qp_buf_puts(out, ",\"quipu\":{\"action\":");
    rc |= qp_text_json(out, e->action);
    rc |= qp_buf_printf(out, ",\"confidence\":%s,\"flags\":%d,\"evidence_bytes\":[%zu,%zu],\"document\":", r.conf,
                        e->flags, e->evidence_start, e->evidence_end);
    rc |= qp_text_json(out, e->doc);
    rc |= qp_buf_puts(out, ",\"cameo\":");
    rc |= qp_text_json(out, e->cameo);
    rc |= qp_buf_puts(out, ",\"time_text\":");
    rc |= qp_text_json(out, e->time.text);
    rc |= qp_buf_puts(out, ",\"anchor\":");
    rc |= qp_text_json(out, e->time.anchor);
    rc |= qp_buf_puts(out, "}}\n");
    return rc ? QP_ENOMEM : 0;
}

/* ---- documents, read once each ---- */

typedef struct doc_entry {
    char *name, *title, *outlet, *url, *published, *lang;
} doc_entry;

struct qp_row_docs {
    qp_store *s;
    qp_doc_names *names;
    doc_entry *docs;
    size_t n_docs, cap_docs;
    size_t *slots, cap_slots; /* open addressing: index + 1 */
};

static size_t hash_name(const char *s)
{
    size_t h = (size_t)1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

static int dup_into(char **dst, const char *s)
{
    *dst = s ? strdup(s) : NULL;
    return s && !*dst ? QP_ENOMEM : 0;
}

int qp_row_docs_open(qp_row_docs **out, qp_store *s)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return QP_ENOMEM;
    (*out)->s = s;
    int rc = qp_doc_names_open(&(*out)->names, s);
    if (rc) {
        qp_row_docs_close(*out);
        *out = NULL;
    }
    return rc;
}

void qp_row_docs_close(qp_row_docs *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_docs; i++) {
        doc_entry *e = &d->docs[i];
        free(e->name);
        free(e->title);
        free(e->outlet);
        free(e->url);
        free(e->published);
        free(e->lang);
    }
    free(d->docs);
    free(d->slots);
    qp_doc_names_close(d->names);
    free(d);
}

static int grow_slots(qp_row_docs *c)
{
    size_t cap = c->cap_slots ? c->cap_slots * 2 : 256;
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return QP_ENOMEM;
    for (size_t i = 0; i < c->n_docs; i++) {
        size_t h = hash_name(c->docs[i].name) & (cap - 1);
        while (slots[h])
            h = (h + 1) & (cap - 1);
        slots[h] = i + 1;
    }
    free(c->slots);
    c->slots = slots;
    c->cap_slots = cap;
    return 0;
}

int qp_row_docs_get(qp_row_docs *c, const char *name, qp_row_doc *out)
{
    memset(out, 0, sizeof *out);
    if (!name)
        return 0;
    if (c->n_docs * 2 >= c->cap_slots && grow_slots(c))
        return QP_ENOMEM;
    size_t h = hash_name(name) & (c->cap_slots - 1);
    for (; c->slots[h]; h = (h + 1) & (c->cap_slots - 1)) {
        const doc_entry *e = &c->docs[c->slots[h] - 1];
        if (!strcmp(e->name, name)) {
            *out = (qp_row_doc){e->title, e->outlet, e->url, e->published, e->lang};
            return 0;
        }
    }
    if (c->n_docs == c->cap_docs) {
        size_t cap = c->cap_docs ? c->cap_docs * 2 : 64;
        doc_entry *d = realloc(c->docs, cap * sizeof *d);
        if (!d)
            return QP_ENOMEM;
        c->docs = d;
        c->cap_docs = cap;
    }
    doc_entry *e = &c->docs[c->n_docs];
    memset(e, 0, sizeof *e);
    qp_doc_meta m;
    int rc = qp_store_doc_meta(c->s, name, &m);
    if (rc && rc != QP_ENOTFOUND)
        return rc;
    if (!rc) {
        char host[256];
        rc = qp_doc_names_title(c->names, name, m.title, m.source, &e->title);
        rc = rc ? rc : dup_into(&e->outlet, qp_doc_outlet(m.source, m.url, host, sizeof host));
        rc = rc ? rc : dup_into(&e->url, m.url);
        rc = rc ? rc : dup_into(&e->published, m.published);
        rc = rc ? rc : dup_into(&e->lang, m.lang);
        qp_doc_meta_destroy(&m);
    }
    if (!rc)
        rc = dup_into(&e->name, name);
    if (rc) { /* not kept: free what was copied */
        free(e->title);
        free(e->outlet);
        free(e->url);
        free(e->published);
        free(e->lang);
        free(e->name);
        return rc;
    }
    c->slots[h] = ++c->n_docs;
    *out = (qp_row_doc){e->title, e->outlet, e->url, e->published, e->lang};
    return 0;
}
