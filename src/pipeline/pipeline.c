/* pipeline.c — one article through cleaning, language identification, sentences, extraction. */
#include "pipeline.h"
#include "clean.h"
#include "qp.h"
#include "sentence.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

int qp_pipeline_load(qp_pipeline *p, const char *force_lang, char *err, size_t errlen, char *warn, size_t warnlen)
{
    memset(p, 0, sizeof *p);
    if (warnlen)
        warn[0] = '\0';
    p->force_lang = force_lang;
    int auto_lang = !force_lang || !strcmp(force_lang, "auto");
    if (qp_langid_init(&p->langid) && auto_lang)
        snprintf(warn, warnlen, "language identification unavailable (lexicon/langid.conf or libexttextcat "
                                "fingerprints missing); use --lang");
    qp_extractor *x = NULL;
    char xerr[512] = "";
    int r = qp_extractor_init(&x, xerr, sizeof xerr);
    if (r) {
        snprintf(err, errlen, "cannot load the lexicons: %s", xerr[0] ? xerr : qp_strerror(r));
        qp_pipeline_destroy(p);
        return r;
    }
    if (xerr[0] && warnlen) {
        size_t n = strlen(warn);
        snprintf(warn + n, warnlen - n, "%s%s", n ? "; " : "", xerr);
    }
    p->extractor = x;
    return 0;
}

void qp_pipeline_destroy(qp_pipeline *p)
{
    qp_extractor_destroy((qp_extractor *)p->extractor);
    qp_langid_destroy(p->langid);
    p->extractor = NULL;
    p->langid = NULL;
}

static void sha256_hex(const char *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

int qp_pipeline_prepare(const qp_pipeline *p, const char *raw, size_t len, const qp_article_meta *meta,
                        qp_arena *arena, qp_document *doc, char *err, size_t errlen)
{
    (void)p;
    memset(doc, 0, sizeof *doc);
    qp_clean_result cr;
    int r = qp_clean(raw, len, arena, &cr);
    if (r == QP_EUTF8) {
        snprintf(err, errlen, "invalid UTF-8 at byte %zu (line %d)", cr.bad_offset, cr.bad_line);
        return r;
    }
    if (r)
        return r;
    if (cr.len == 0) {
        snprintf(err, errlen, "%s", len ? "no text left after cleaning" : "empty");
        return QP_EEMPTY;
    }
    doc->text = cr.text;
    doc->text_len = cr.len;
    doc->clutter = cr.clutter;
    doc->n_clutter = cr.n_clutter;
    sha256_hex(cr.text, cr.len, doc->hash);
    doc->name = meta->name && *meta->name ? qp_arena_strdup(arena, meta->name)
                                          : qp_arena_printf(arena, "doc-%.12s", doc->hash);
    doc->url = qp_arena_strdup(arena, meta->url);
    doc->title = qp_arena_strdup(arena, meta->title);
    doc->source = qp_arena_strdup(arena, meta->source);
    doc->published = qp_read_valid_date(meta->date) ? qp_arena_strndup(arena, meta->date, 10) : NULL;
    if (!doc->title) {
        /* the first line, when it reads like a title */
        const char *nl = memchr(cr.text, '\n', cr.len);
        size_t n = nl ? (size_t)(nl - cr.text) : cr.len;
        if (n > 0 && n < 200 && cr.text[n - 1] != '.' && cr.text[0] != '"')
            doc->title = qp_arena_strndup(arena, cr.text, n);
    }
    return 0;
}

/* Extracts a document of more than QP_EXTRACT_WINDOW sentences window by window: each window is
 * handed to the extractor as a document of its own (its text a slice of the whole, so that
 * the time tagger too reads each part once), and its events are moved back to the offsets,
 * sentence numbers and uids of the whole. The extractor's passes over a document's events
 * compare every event with every other: on one 8 MB article they took 91 s and 855 MB, on
 * windows the time grows with the text. */
static int extract_windows(const qp_extractor *x, qp_document *doc, qp_arena *arena)
{
    qp_event *all = NULL;
    size_t n = 0, cap = 0;
    for (size_t first = 0; first < doc->n_sentences; first += QP_EXTRACT_WINDOW) {
        size_t count = doc->n_sentences - first < QP_EXTRACT_WINDOW ? doc->n_sentences - first : QP_EXTRACT_WINDOW;
        size_t off = doc->sentences[first].start;
        qp_document part = *doc;
        part.text = doc->text + off;
        part.text_len = doc->sentences[first + count - 1].end - off;
        part.sentences = qp_arena_alloc(arena, count * sizeof *part.sentences);
        if (!part.sentences)
            return QP_ENOMEM;
        for (size_t i = 0; i < count; i++)
            part.sentences[i] = (qp_span){doc->sentences[first + i].start - off, doc->sentences[first + i].end - off};
        part.n_sentences = count;
        part.events = NULL;
        part.n_events = 0;
        int r = qp_extract_document(x, &part, arena);
        if (r)
            return r;
        if (n + part.n_events > cap) {
            size_t nc = (n + part.n_events) * 2;
            qp_event *ne = qp_arena_alloc(arena, nc * sizeof *ne);
            if (!ne)
                return QP_ENOMEM;
            if (n)
                memcpy(ne, all, n * sizeof *ne);
            all = ne;
            cap = nc;
        }
        for (size_t i = 0; i < part.n_events; i++, n++) {
            qp_event *e = &all[n];
            *e = part.events[i];
            e->sentence += (int)first;
            e->evidence_start += off;
            e->evidence_end += off;
            e->uid = qp_arena_printf(arena, "%s#%d.%zu", doc->name, e->sentence, n);
            if (!e->uid)
                return QP_ENOMEM;
        }
    }
    doc->events = all;
    doc->n_events = n;
    return 0;
}

int qp_pipeline_extract(const qp_pipeline *p, const qp_article_meta *meta, qp_arena *arena, qp_document *doc)
{
    int r;
    const char *lang = meta->lang && *meta->lang ? meta->lang : NULL;
    if (p->force_lang && strcmp(p->force_lang, "auto"))
        lang = p->force_lang;
    char code[8] = "und";
    if (!lang) {
        qp_langid_detect(p->langid, doc->text, doc->text_len, code);
        lang = code;
    }
    doc->lang = qp_arena_strdup(arena, lang);
    r = qp_sentences_split(doc->text, doc->text_len, doc->lang, arena, &doc->sentences, &doc->n_sentences);
    if (r)
        return r;
    if (strcmp(doc->lang, "fr") && strcmp(doc->lang, "en")) {
        doc->status = qp_arena_printf(arena, "skipped: language '%s' is not supported", doc->lang);
        return 0;
    }
    doc->status = "extracted";
    if (p->extractor) {
        r = doc->n_sentences > QP_EXTRACT_WINDOW ? extract_windows(p->extractor, doc, arena)
                                                 : qp_extract_document(p->extractor, doc, arena);
        if (r == QP_ELANG)
            r = 0;
    }
    return r;
}

int qp_pipeline_run(const qp_pipeline *p, const char *raw, size_t len, const qp_article_meta *meta,
                    qp_arena *arena, qp_document *doc, char *err, size_t errlen)
{
    int r = qp_pipeline_prepare(p, raw, len, meta, arena, doc, err, errlen);
    return r ? r : qp_pipeline_extract(p, meta, arena, doc);
}
