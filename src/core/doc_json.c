/* doc_json.c — a document with its sentences, clutter lines and events as one JSON object, and
 * back: the line format of `quipu extract --documents` and `quipu ingest --events`. */
#include "doc_json.h"
#include "event_json.h"
#include "qp.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

void qp_sha256_hex(const char *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *qp_document_to_json(const qp_document *d)
{
    json_t *doc = json_object(), *o = json_object(), *sent = json_array(), *clut = json_array(), *evs = json_array();
    if (!doc || !o || !sent || !clut || !evs)
        goto fail;
    int rc = 0;
    rc |= json_object_set_new(doc, "name", str_or_null(d->name));
    rc |= json_object_set_new(doc, "hash", json_string(d->hash));
    rc |= json_object_set_new(doc, "url", str_or_null(d->url));
    rc |= json_object_set_new(doc, "title", str_or_null(d->title));
    rc |= json_object_set_new(doc, "source", str_or_null(d->source));
    rc |= json_object_set_new(doc, "lang", str_or_null(d->lang));
    rc |= json_object_set_new(doc, "published", str_or_null(d->published));
    rc |= json_object_set_new(doc, "status", str_or_null(d->status));
    rc |= json_object_set_new(doc, "extractor", str_or_null(d->extractor));
    rc |= json_object_set_new(doc, "text", json_stringn(d->text, d->text_len));
    for (size_t i = 0; i < d->n_sentences; i++)
        rc |= json_array_append_new(sent, json_pack("[II]", (json_int_t)d->sentences[i].start,
                                                    (json_int_t)d->sentences[i].end));
    for (size_t i = 0; i < d->n_clutter; i++)
        rc |= json_array_append_new(clut, json_pack("[is]", d->clutter[i].line_no, d->clutter[i].text));
    for (size_t i = 0; i < d->n_events; i++)
        rc |= json_array_append_new(evs, qp_event_to_json(&d->events[i]));
    rc |= json_object_set_new(doc, "sentences", sent);
    sent = NULL;
    rc |= json_object_set_new(doc, "clutter", clut);
    clut = NULL;
    rc |= json_object_set_new(o, "document", doc);
    doc = NULL;
    rc |= json_object_set_new(o, "events", evs);
    if (!rc)
        return o;
    evs = NULL;
fail:
    json_decref(doc);
    json_decref(o);
    json_decref(sent);
    json_decref(clut);
    json_decref(evs);
    return NULL;
}

/* ---- reading back ---- */

typedef struct reader {
    qp_arena *arena;
    char *err;
    size_t errlen;
    int oom;
} reader;

/* The string member key of o copied into the arena; NULL when absent or null. A member of
 * another type is an error (r->err names it). */
static const char *get_str(reader *r, json_t *o, const char *key, const char *where)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        if (!r->err[0])
            snprintf(r->err, r->errlen, "%s%s is not a string", where, key);
        return NULL;
    }
    char *c = qp_arena_strndup(r->arena, json_string_value(v), json_string_length(v));
    r->oom |= !c;
    return c;
}

static void get_actor(reader *r, json_t *o, qp_actor_ref *a, const char *where)
{
    memset(a, 0, sizeof *a);
    if (!json_is_object(o))
        return;
    a->id = get_str(r, o, "id", where);
    a->label = get_str(r, o, "label", where);
    a->label_fr = get_str(r, o, "label_fr", where);
    a->kind = get_str(r, o, "kind", where);
    a->country = get_str(r, o, "country", where);
    a->parent = get_str(r, o, "parent", where);
    a->text = get_str(r, o, "text", where);
}

static int get_event(reader *r, json_t *o, qp_event *e, size_t i)
{
    char where[64];
    snprintf(where, sizeof where, "events[%zu].", i);
    memset(e, 0, sizeof *e);
    if (!json_is_object(o)) {
        snprintf(r->err, r->errlen, "events[%zu] is not an object", i);
        return QP_EINVAL;
    }
    e->uid = get_str(r, o, "id", where);
    e->doc = get_str(r, o, "doc", where);
    json_t *v = json_object_get(o, "sentence");
    e->sentence = json_is_integer(v) ? (int)json_integer_value(v) : -1;
    get_actor(r, json_object_get(o, "actor1"), &e->actor1, where);
    get_actor(r, json_object_get(o, "actor2"), &e->actor2, where);
    json_t *act = json_object_get(o, "action");
    if (json_is_object(act)) {
        e->action = get_str(r, act, "code", where);
        e->mode = get_str(r, act, "mode", where);
        e->context = get_str(r, act, "context", where);
        e->cameo = get_str(r, act, "cameo", where);
        e->action_text = get_str(r, act, "text", where);
    }
    json_t *p = json_object_get(o, "place");
    if (json_is_object(p)) {
        e->place.id = get_str(r, p, "id", where);
        e->place.label = get_str(r, p, "label", where);
        e->place.country = get_str(r, p, "country", where);
        e->place.lat = json_number_value(json_object_get(p, "lat"));
        e->place.lon = json_number_value(json_object_get(p, "lon"));
        e->place.feature = get_str(r, p, "feature", where);
        e->place.text = get_str(r, p, "text", where);
    }
    json_t *t = json_object_get(o, "time");
    if (json_is_object(t)) {
        e->time.value = get_str(r, t, "value", where);
        e->time.start = get_str(r, t, "start", where);
        e->time.end = get_str(r, t, "end", where);
        e->time.grain = get_str(r, t, "grain", where);
        e->time.text = get_str(r, t, "text", where);
        e->time.anchor = get_str(r, t, "anchor", where);
    }
    json_t *ev = json_object_get(o, "evidence");
    json_t *s = json_object_get(ev, "start"), *en = json_object_get(ev, "end");
    if (!json_is_integer(s) || !json_is_integer(en) || json_integer_value(s) < 0 ||
        json_integer_value(en) < json_integer_value(s)) {
        snprintf(r->err, r->errlen, "%sevidence: start and end must be offsets, start <= end", where);
        return QP_EINVAL;
    }
    e->evidence_start = (size_t)json_integer_value(s);
    e->evidence_end = (size_t)json_integer_value(en);
    e->evidence_text = get_str(r, ev, "text", where);
    e->confidence = json_number_value(json_object_get(o, "confidence"));
    json_t *fl = json_object_get(o, "flags");
    for (size_t k = 0; json_is_array(fl) && k < json_array_size(fl); k++) {
        const char *f = json_string_value(json_array_get(fl, k));
        if (f && !strcmp(f, "negated"))
            e->flags |= QP_EVENT_NEGATED;
        else if (f && !strcmp(f, "hypothetical"))
            e->flags |= QP_EVENT_HYPOTHETICAL;
        else if (f && !strcmp(f, "reported"))
            e->flags |= QP_EVENT_REPORTED;
    }
    e->speaker = get_str(r, o, "speaker", where);
    if (!e->action) {
        snprintf(r->err, r->errlen, "%saction.code is missing", where);
        return QP_EINVAL;
    }
    return r->err[0] ? QP_EINVAL : 0;
}

/* Reads pairs [a, b] of integers from arr into out (n of them). 0 or QP_EINVAL. */
static int get_spans(reader *r, json_t *arr, qp_span *out, size_t n, size_t text_len)
{
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(arr, i);
        json_t *a = json_array_get(p, 0), *b = json_array_get(p, 1);
        if (!json_is_integer(a) || !json_is_integer(b) || json_integer_value(a) < 0 ||
            json_integer_value(b) < json_integer_value(a) || (size_t)json_integer_value(b) > text_len) {
            snprintf(r->err, r->errlen, "document.sentences[%zu] is not a [start, end] span of the text", i);
            return QP_EINVAL;
        }
        out[i] = (qp_span){(size_t)json_integer_value(a), (size_t)json_integer_value(b)};
    }
    return 0;
}

int qp_document_from_json(json_t *o, qp_arena *arena, qp_document *d, char *err, size_t errlen)
{
    memset(d, 0, sizeof *d);
    err[0] = '\0';
    reader r = {arena, err, errlen, 0};
    json_t *doc = json_object_get(o, "document"), *evs = json_object_get(o, "events");
    if (!json_is_object(doc) || (evs && !json_is_array(evs))) {
        snprintf(err, errlen, "not a document line of `quipu extract --documents` "
                              "({\"document\": {…}, \"events\": […]})");
        return QP_EINVAL;
    }
    json_t *text = json_object_get(doc, "text");
    if (!json_is_string(text) || !json_string_length(text)) {
        snprintf(err, errlen, "document.text is missing or empty");
        return QP_EINVAL;
    }
    d->text_len = json_string_length(text);
    d->text = qp_arena_strndup(arena, json_string_value(text), d->text_len);
    if (!d->text)
        return QP_ENOMEM;
    /* the identity is the text's: a hash that does not match it is refused, not trusted */
    qp_sha256_hex(d->text, d->text_len, d->hash);
    const char *given = json_string_value(json_object_get(doc, "hash"));
    if (given && strcmp(given, d->hash)) {
        snprintf(err, errlen, "document.hash %.16s… is not the SHA-256 of its text (%.16s…)", given, d->hash);
        return QP_EINVAL;
    }
    d->name = get_str(&r, doc, "name", "document.");
    d->url = get_str(&r, doc, "url", "document.");
    d->title = get_str(&r, doc, "title", "document.");
    d->source = get_str(&r, doc, "source", "document.");
    d->lang = get_str(&r, doc, "lang", "document.");
    d->published = get_str(&r, doc, "published", "document.");
    d->status = get_str(&r, doc, "status", "document.");
    d->extractor = get_str(&r, doc, "extractor", "document.");
    if (!d->name)
        d->name = qp_arena_printf(arena, "doc-%.12s", d->hash);
    if (err[0])
        return QP_EINVAL;
    json_t *sent = json_object_get(doc, "sentences"), *clut = json_object_get(doc, "clutter");
    d->n_sentences = json_array_size(sent);
    d->n_clutter = json_array_size(clut);
    d->n_events = json_array_size(evs);
    d->sentences = qp_arena_calloc(arena, d->n_sentences + 1, sizeof *d->sentences);
    d->clutter = qp_arena_calloc(arena, d->n_clutter + 1, sizeof *d->clutter);
    d->events = qp_arena_calloc(arena, d->n_events + 1, sizeof *d->events);
    if (!d->sentences || !d->clutter || !d->events || !d->name)
        return QP_ENOMEM;
    int rc = get_spans(&r, sent, d->sentences, d->n_sentences, d->text_len);
    if (rc)
        return rc;
    for (size_t i = 0; i < d->n_clutter; i++) {
        json_t *c = json_array_get(clut, i);
        json_t *line = json_array_get(c, 0), *t = json_array_get(c, 1);
        if (!json_is_integer(line) || !json_is_string(t)) {
            snprintf(err, errlen, "document.clutter[%zu] is not a [line, text] pair", i);
            return QP_EINVAL;
        }
        d->clutter[i].line_no = (int)json_integer_value(line);
        d->clutter[i].text = qp_arena_strdup(arena, json_string_value(t));
        r.oom |= !d->clutter[i].text;
    }
    for (size_t i = 0; i < d->n_events; i++) {
        if ((rc = get_event(&r, json_array_get(evs, i), &d->events[i], i)))
            return r.oom ? QP_ENOMEM : rc;
        qp_event *e = &d->events[i];
        if (e->evidence_end > d->text_len || e->sentence < 0 || (size_t)e->sentence >= d->n_sentences) {
            snprintf(err, errlen, "events[%zu]: its sentence or evidence lies outside the document", i);
            return QP_EINVAL;
        }
    }
    return r.oom ? QP_ENOMEM : 0;
}
