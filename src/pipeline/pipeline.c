/* pipeline.c — one article through cleaning, language identification, sentences, extraction. */
#include "pipeline.h"
#include "clean.h"
#include "datadir.h"
#include "doc_json.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "qp.h"
#include "sentence.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* 0 when path is a file that can be read (one byte of it is), else errno (EISDIR for a
 * directory, EIO for an empty file). */
static int readable(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    char c;
    ssize_t n = read(fd, &c, 1);
    int err = n == 1 ? 0 : n == 0 ? EIO : errno;
    close(fd);
    return err;
}

/* The data files the extractor would otherwise do without in silence (it warns and runs on,
 * finding few or no events): the inflected forms, the gazetteer, the parser's models, the
 * language fingerprints. Each missing or unreadable one is an error naming its path: an ingest
 * that stored documents without their events would keep them "already stored" for good. */
static int check_data(const char *force_lang, char *err, size_t errlen)
{
    static const struct {
        const char *rel, *what;
    } needed[] = {
        {"lexicon/fr/forms.tsv", "French inflected forms, built by `ninja -C build`"},
        {"lexicon/en/forms.tsv", "English inflected forms, built by `ninja -C build`"},
#ifdef QP_WITH_MODELS
        {"models/fr.qpm", "the French parser model, built by `ninja -C build`"},
        {"models/en.qpm", "the English parser model, built by `ninja -C build`"},
#endif
        {"lexicon/langid.conf", "language identification"},
    };
    char path[4096];
    for (size_t i = 0; i < QP_ARRAY_LEN(needed); i++) {
        /* a forced language needs no identification */
        if (!strcmp(needed[i].rel, "lexicon/langid.conf") && force_lang && strcmp(force_lang, "auto"))
            continue;
        int r = qp_data_path(needed[i].rel, path, sizeof path), e = r ? ENOENT : readable(path);
        if (e) {
            snprintf(err, errlen, "%s: %s (%s); quipu looks in %s and the other data directories "
                     "(QUIPU_DATA overrides them)", path, e == EIO ? "empty" : strerror(e), needed[i].what,
                     qp_data_dirs()[0]);
            return QP_ENOTFOUND;
        }
    }
    /* the gazetteer is opened and checked, then closed: the extractor maps it again */
    const char *gaz = qp_gazetteer_default_path();
    qp_gazetteer *g = NULL;
    int r = qp_gazetteer_open(&g, gaz);
    qp_gazetteer_close(g);
    if (r) {
        snprintf(err, errlen, "%s: %s (the GeoNames gazetteer: tools/fetch-geonames.sh builds it; "
                 "QUIPU_GAZETTEER names another)", gaz, r == QP_ENOTFOUND ? "not found" : qp_strerror(r));
        return r == QP_ENOMEM ? r : QP_ENOTFOUND;
    }
    return 0;
}

/* Feeds the file at path into ctx: whole when small, else its size and its first and last
 * 64 KiB (a model or the gazetteer changes there when it changes at all, and hashing 60 MB at
 * every start would cost more than loading them). A missing file feeds its absence. */
static void hash_file(struct sha256_ctx *ctx, const char *rel)
{
    char path[4096];
    sha256_update(ctx, strlen(rel) + 1, (const uint8_t *)rel);
    if (qp_data_path(rel, path, sizeof path))
        return;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    off_t size = lseek(fd, 0, SEEK_END);
    uint8_t buf[65536];
    sha256_update(ctx, sizeof size, (const uint8_t *)&size);
    off_t parts[2] = {0, size > (off_t)(4 << 20) ? size - (off_t)sizeof buf : (off_t)sizeof buf};
    if (size <= (off_t)(4 << 20)) {
        /* small: all of it */
        lseek(fd, 0, SEEK_SET);
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0)
            sha256_update(ctx, (size_t)n, buf);
    } else {
        for (int i = 0; i < 2; i++) {
            ssize_t n = pread(fd, buf, sizeof buf, parts[i]);
            if (n > 0)
                sha256_update(ctx, (size_t)n, buf);
        }
    }
    close(fd);
}

int qp_pipeline_version(const qp_pipeline *p, char *out, size_t cap)
{
    (void)p;
    static const char *const files[] = {
        "lexicon/actors.json", "lexicon/countries.json", "lexicon/places.json",
        "lexicon/fr/actors.json", "lexicon/fr/countries.json", "lexicon/fr/agents.json", "lexicon/fr/actions.json",
        "lexicon/fr/classes.json", "lexicon/fr/frames.json", "lexicon/fr/forms.tsv",
        "lexicon/en/actors.json", "lexicon/en/countries.json", "lexicon/en/agents.json", "lexicon/en/actions.json",
        "lexicon/en/classes.json", "lexicon/en/frames.json", "lexicon/en/forms.tsv",
        "models/fr.qpm", "models/en.qpm",
    };
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    for (size_t i = 0; i < QP_ARRAY_LEN(files); i++)
        hash_file(&ctx, files[i]);
    /* the gazetteer by the path the extractor maps ($QUIPU_GAZETTEER may name another) */
    const char *gaz = qp_gazetteer_default_path();
    int fd = open(gaz, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        uint8_t buf[65536];
        off_t size = lseek(fd, 0, SEEK_END);
        sha256_update(&ctx, sizeof size, (const uint8_t *)&size);
        ssize_t n = pread(fd, buf, sizeof buf, 0);
        if (n > 0)
            sha256_update(&ctx, (size_t)n, buf);
        n = pread(fd, buf, sizeof buf, size > (off_t)sizeof buf ? size - (off_t)sizeof buf : 0);
        if (n > 0)
            sha256_update(&ctx, (size_t)n, buf);
        close(fd);
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    int n = snprintf(out, cap, "quipu %s+%02x%02x%02x%02x%02x%02x", QP_VERSION, digest[0], digest[1], digest[2],
                     digest[3], digest[4], digest[5]);
    return n < 0 || (size_t)n >= cap ? QP_ETOOBIG : 0;
}

int qp_pipeline_load(qp_pipeline *p, const char *force_lang, char *err, size_t errlen, char *warn, size_t warnlen)
{
    memset(p, 0, sizeof *p);
    if (warnlen)
        warn[0] = '\0';
    p->force_lang = force_lang;
    int auto_lang = !force_lang || !strcmp(force_lang, "auto");
    int r = check_data(force_lang, err, errlen);
    if (r)
        return r;
    if (qp_langid_init(&p->langid) && auto_lang)
        snprintf(warn, warnlen, "language identification unavailable (libexttextcat's fingerprints missing: "
                                "apt-get install libexttextcat-data); use --lang");
    qp_extractor *x = NULL;
    char xerr[512] = "";
    r = qp_extractor_init(&x, xerr, sizeof xerr);
    if (r) {
        snprintf(err, errlen, "cannot load the lexicons: %s", xerr[0] ? xerr : qp_strerror(r));
        qp_pipeline_destroy(p);
        return r;
    }
    /* forms.tsv found but holding no form is as bad as none */
    const qp_lexicon *lx = qp_extractor_lexicon(x);
    for (int l = 0; l < 2; l++)
        if (!lx->n_forms[l]) {
            char path[4096];
            qp_data_path(l ? "lexicon/en/forms.tsv" : "lexicon/fr/forms.tsv", path, sizeof path);
            snprintf(err, errlen, "%s: no inflected form could be read from it (rebuild it: ninja -C build)", path);
            qp_extractor_destroy(x);
            qp_pipeline_destroy(p);
            return QP_ELEXICON;
        }
    if (xerr[0] && warnlen) {
        size_t n = strlen(warn);
        snprintf(warn + n, warnlen - n, "%s%s", n ? "; " : "", xerr);
    }
    p->extractor = x;
    if (qp_pipeline_version(p, p->version, sizeof p->version)) {
        snprintf(err, errlen, "out of memory");
        qp_pipeline_destroy(p);
        return QP_ENOMEM;
    }
    return 0;
}

void qp_pipeline_destroy(qp_pipeline *p)
{
    qp_extractor_destroy((qp_extractor *)p->extractor);
    qp_langid_destroy(p->langid);
    p->extractor = NULL;
    p->langid = NULL;
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
    qp_sha256_hex(cr.text, cr.len, doc->hash);
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
