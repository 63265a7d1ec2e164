/* ingest.c — from paths to stored documents: reading, batching, error accounting. */
#include "ingest.h"
#include "clean.h"
#include "qp.h"
#include "sentence.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int qp_ingest_init(qp_ingest *ig, qp_store *store, qp_langid *langid, qp_extractor *x, const qp_ingest_opts *o)
{
    memset(ig, 0, sizeof *ig);
    ig->store = store;
    ig->langid = langid;
    ig->extractor = x;
    if (o)
        ig->opts = *o;
    if (!ig->opts.lang)
        ig->opts.lang = "auto";
    if (!ig->opts.max_bytes)
        ig->opts.max_bytes = 16u << 20;
    if (!ig->opts.batch)
        ig->opts.batch = 64;
    ig->log = stderr;
    ig->started = ig->last_progress = now_seconds();
    return 0;
}

/* CPU time of this thread: what the store costs, whatever else runs on the machine */
static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(qp_ingest *ig, int final)
{
    if (!ig->opts.progress)
        return;
    double t = now_seconds();
    if (!final && t - ig->last_progress < 0.2)
        return;
    ig->last_progress = t;
    fprintf(ig->log, "\r\033[K%zu documents read, %zu stored, %zu events, %.1f MB, %.1f s%s", ig->stats.read,
            ig->stats.stored, ig->stats.events, (double)ig->stats.bytes / 1e6, t - ig->started, final ? "\n" : "");
    fflush(ig->log);
}

static int commit_batch(qp_ingest *ig)
{
    if (!ig->in_tx)
        return 0;
    double c0 = cpu_seconds();
    int r = qp_store_commit(ig->store);
    if (r) {
        fprintf(ig->log, "quipu ingest: %s\n", ig->store->errmsg);
        qp_store_rollback(ig->store);
    }
    ig->in_tx = 0;
    ig->in_batch = 0;
    ig->stats.store_cpu += cpu_seconds() - c0;
    return r;
}

int qp_ingest_finish(qp_ingest *ig)
{
    int r = commit_batch(ig);
    ig->stats.seconds = now_seconds() - ig->started;
    if (ig->opts.progress)
        progress(ig, 1);
    return r;
}

/* "2017-11-03_x.txt" → "2017-11-03" */
static int date_from_name(const char *base, char out[11])
{
    if (strlen(base) < 10)
        return 0;
    for (int i = 0; i < 10; i++) {
        char c = base[i];
        if ((i == 4 || i == 7) ? c != '-' : (c < '0' || c > '9'))
            return 0;
    }
    memcpy(out, base, 10);
    out[10] = '\0';
    int m = atoi(out + 5), d = atoi(out + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int valid_date(const char *s)
{
    char tmp[11];
    return s && strlen(s) == 10 && date_from_name(s, tmp);
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

int qp_ingest_prepare(qp_langid *langid, const qp_extractor *x, const char *raw, size_t len,
                      const qp_article_meta *meta, const char *force_lang, qp_arena *arena, qp_document *doc,
                      char *err, size_t errlen)
{
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
    doc->published = valid_date(meta->date) ? qp_arena_strndup(arena, meta->date, 10) : NULL;
    if (!doc->title) {
        /* the first line, when it reads like a title */
        const char *nl = memchr(cr.text, '\n', cr.len);
        size_t n = nl ? (size_t)(nl - cr.text) : cr.len;
        if (n > 0 && n < 200 && cr.text[n - 1] != '.' && cr.text[0] != '"')
            doc->title = qp_arena_strndup(arena, cr.text, n);
    }
    const char *lang = meta->lang && *meta->lang ? meta->lang : NULL;
    if (force_lang && strcmp(force_lang, "auto"))
        lang = force_lang;
    char code[8] = "und";
    if (!lang) {
        qp_langid_detect(langid, cr.text, cr.len, code);
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
    if (x) {
        r = qp_extract_document(x, doc, arena);
        if (r == QP_ELANG)
            r = 0;
    }
    return r;
}

/* Writes one prepared document in the batch's transaction, under a savepoint: one that cannot
 * be stored does not take its batch down. Returns its row id (> 0; *existing says it was
 * there already), 0 when it was not stored (said on the log), or a negative error that stops
 * the ingest (the transaction could not start, or the database is busy or out of memory). */
static int64_t store_document(qp_ingest *ig, const qp_document *doc, const char *where, int *existing)
{
    double c0 = cpu_seconds();
    int64_t id = 0;
    if (!ig->in_tx) {
        int r = qp_store_begin(ig->store);
        if (r) {
            fprintf(ig->log, "quipu ingest: %s\n", ig->store->errmsg);
            id = r;
            goto cleanup;
        }
        ig->in_tx = 1;
    }
    int r = qp_store_savepoint(ig->store);
    if (!r) {
        id = qp_store_add_document(ig->store, doc, existing);
        r = id < 0 ? (int)id : qp_store_release(ig->store);
    }
    if (r) {
        fprintf(ig->log, "quipu ingest: %s: not stored: %s\n", where, ig->store->errmsg);
        qp_store_rollback_to(ig->store);
        ig->stats.skipped++;
        ig->stats.db_errors++;
        id = r == QP_EBUSY || r == QP_ENOMEM ? r : 0;
    }
cleanup:
    ig->stats.store_cpu += cpu_seconds() - c0;
    return id;
}

int qp_ingest_article(qp_ingest *ig, const char *raw, size_t len, const qp_article_meta *meta)
{
    ig->stats.read++;
    ig->stats.bytes += len;
    const char *where = meta->origin ? meta->origin : (meta->name ? meta->name : "(input)");
    if (len > ig->opts.max_bytes) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %zu bytes is over the limit of %zu (raise it with --max-size)\n",
                where, len, ig->opts.max_bytes);
        ig->stats.skipped++;
        ig->stats.too_big++;
        return 0;
    }
    qp_arena arena;
    qp_arena_init(&arena, len * 4 + 65536);
    qp_document doc;
    char err[256] = "";
    qp_article_meta m = *meta;
    char date[11];
    if (!valid_date(m.date) && ig->opts.date)
        m.date = ig->opts.date;
    (void)date;
    int r = qp_ingest_prepare(ig->langid, ig->extractor, raw, len, &m, ig->opts.lang, &arena, &doc, err, sizeof err);
    if (r) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", where, r == QP_EUTF8 || r == QP_EEMPTY ? err : qp_strerror(r));
        ig->stats.skipped++;
        if (r == QP_EUTF8)
            ig->stats.bad_utf8++;
        else if (r == QP_EEMPTY)
            ig->stats.empty++;
        qp_arena_destroy(&arena);
        return r == QP_ENOMEM ? r : 0;
    }
    if (strcmp(doc.status, "extracted")) {
        fprintf(ig->log, "quipu ingest: %s: stored but not extracted: language '%s' is not French or English\n",
                where, doc.lang);
        ig->stats.not_extracted++;
    }
    int existing = 0;
    int64_t id = store_document(ig, &doc, where, &existing);
    if (id <= 0) {
        qp_arena_destroy(&arena);
        return (int)id;
    }
    if (existing) {
        ig->stats.duplicates++;
        if (ig->opts.verbose)
            fprintf(ig->log, "quipu ingest: %s: already stored (same text)\n", where);
    } else {
        ig->stats.stored++;
        ig->stats.events += doc.n_events;
        ig->stats.clutter += doc.n_clutter;
        if (ig->opts.verbose) {
            fprintf(ig->log, "quipu ingest: %s: stored as '%s' (%s, %s, %zu sentences, %zu events, %zu clutter lines)\n",
                    where, doc.name, doc.lang, doc.published ? doc.published : "undated", doc.n_sentences,
                    doc.n_events, doc.n_clutter);
            for (size_t i = 0; i < doc.n_clutter; i++)
                fprintf(ig->log, "  removed line %d: %s\n", doc.clutter[i].line_no, doc.clutter[i].text);
        }
    }
    qp_arena_destroy(&arena);
    if (++ig->in_batch >= ig->opts.batch)
        r = commit_batch(ig);
    progress(ig, 0);
    return r;
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One JSON line: {"id","url","title","source","date","lang","text"}. */
static int ingest_json_line(qp_ingest *ig, const char *line, size_t len, const char *origin, int lineno)
{
    char where[1200];
    snprintf(where, sizeof where, "%s:%d", origin, lineno);
    if (len > ig->opts.max_bytes) {
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.too_big++;
        fprintf(ig->log, "quipu ingest: %s: skipped: a line of %zu bytes is over the limit of %zu (--max-size)\n",
                where, len, ig->opts.max_bytes);
        return 0;
    }
    json_error_t jerr;
    json_t *o = json_loadb(line, len, 0, &jerr);
    if (!o || !json_is_object(o)) {
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.bad_json++;
        fprintf(ig->log, "quipu ingest: %s: skipped: broken JSON line (%s, column %d)\n", where,
                o ? "not an object" : jerr.text, o ? 1 : jerr.column);
        json_decref(o);
        return 0;
    }
    const char *text = json_str(o, "text");
    if (!text) {
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.bad_json++;
        fprintf(ig->log, "quipu ingest: %s: skipped: no \"text\" string in this JSON line\n", where);
        json_decref(o);
        return 0;
    }
    json_t *id = json_object_get(o, "id");
    char idbuf[32];
    const char *name = json_str(o, "id");
    if (!name && json_is_integer(id)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        name = idbuf;
    }
    const char *date = json_str(o, "date");
    char d10[11];
    if (date && strlen(date) > 10 && date_from_name(date, d10))
        date = d10; /* "2017-11-02T10:00:00Z" */
    qp_article_meta m = {
        .name = name, .url = json_str(o, "url"), .title = json_str(o, "title"),
        .source = json_str(o, "source"), .date = date, .lang = json_str(o, "lang"), .origin = where,
    };
    if (m.date && !valid_date(m.date)) {
        fprintf(ig->log, "quipu ingest: %s: warning: date '%s' is not YYYY-MM-DD; ignored\n", where, m.date);
        m.date = NULL;
    }
    int r = qp_ingest_article(ig, text, json_string_length(json_object_get(o, "text")), &m);
    json_decref(o);
    return r;
}

static int ingest_jsonl_stream(qp_ingest *ig, FILE *f, const char *origin)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, r = 0;
    while (!r && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t s = 0;
        if (lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
            s = 3; /* a BOM before the first line */
        while (s < len && (line[s] == ' ' || line[s] == '\t'))
            s++;
        if (s == len)
            continue;
        r = ingest_json_line(ig, line + s, len - s, origin, lineno);
    }
    if (ferror(f)) {
        fprintf(ig->log, "quipu ingest: %s: read error after line %d: %s\n", origin, lineno, strerror(errno));
        ig->stats.unreadable++;
        ig->stats.skipped++;
    }
    free(line);
    return r;
}

/* Reads a whole stream, up to limit + 1 bytes (so an over-size input is seen as such). */
static char *slurp(FILE *f, size_t limit, size_t *len, int *err)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    *err = 0;
    if (!buf) {
        *err = QP_ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                *err = QP_ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        *err = QP_EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

static int ingest_text_file(qp_ingest *ig, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(ig->log, "quipu ingest: %s: skipped: cannot read: %s\n", path, strerror(errno));
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return 0;
    }
    /* an over-size file is refused on its size, without reading gigabytes to say so */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > ig->opts.max_bytes) {
        fclose(f);
        fprintf(ig->log, "quipu ingest: %s: skipped: %lld bytes is over the limit of %zu (raise it with --max-size)\n",
                path, (long long)st.st_size, ig->opts.max_bytes);
        ig->stats.read++;
        ig->stats.bytes += (size_t)st.st_size;
        ig->stats.skipped++;
        ig->stats.too_big++;
        return 0;
    }
    size_t len = 0;
    int err;
    char *raw = slurp(f, ig->opts.max_bytes, &len, &err);
    fclose(f);
    if (!raw) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", path, qp_strerror(err));
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return err == QP_ENOMEM ? err : 0;
    }
    const char *base = base_name(path);
    char name[512], date[11];
    snprintf(name, sizeof name, "%s", base);
    char *dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    qp_article_meta m = {.name = name, .source = path, .origin = path};
    if (date_from_name(base, date))
        m.date = date;
    int r = qp_ingest_article(ig, raw, len, &m);
    free(raw);
    return r;
}

static int is_jsonl_name(const char *path)
{
    return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") || has_suffix(path, ".json");
}

static int ingest_file(qp_ingest *ig, const char *path)
{
    if (!is_jsonl_name(path))
        return ingest_text_file(ig, path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(ig->log, "quipu ingest: %s: skipped: cannot read: %s\n", path, strerror(errno));
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return 0;
    }
    int r = ingest_jsonl_stream(ig, f, path);
    fclose(f);
    return r;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ingest_dir(qp_ingest *ig, const char *path, int depth)
{
    if (depth > 32) {
        fprintf(ig->log, "quipu ingest: %s: skipped: directories nested too deep\n", path);
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(ig->log, "quipu ingest: %s: skipped: cannot open directory: %s\n", path, strerror(errno));
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* hidden files, . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                r = QP_ENOMEM;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            r = QP_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    /* sorted, so that runs are reproducible and names like 2011-03-24_… come in date order */
    if (n)
        qp_sort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!r) {
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, names[i]);
            struct stat st;
            if (stat(child, &st) == 0 && S_ISDIR(st.st_mode))
                r = ingest_dir(ig, child, depth + 1);
            else if (has_suffix(names[i], ".txt") || has_suffix(names[i], ".text") || is_jsonl_name(names[i]) ||
                     !strchr(names[i], '.'))
                r = ingest_file(ig, child);
            else if (ig->opts.verbose)
                fprintf(ig->log, "quipu ingest: %s: not an article file (.txt, .jsonl); passed over\n", child);
        }
        free(names[i]);
    }
    free(names);
    return r;
}

int qp_ingest_path(qp_ingest *ig, const char *path)
{
    if (!strcmp(path, "-")) {
        int c = getc(stdin);
        char lead[3];
        size_t nlead = 0;
        if (c == 0xEF) {
            /* a BOM (Windows tools write one before JSONL too) must not hide the '{' */
            int c2 = getc(stdin), c3 = c2 == EOF ? EOF : getc(stdin);
            if (c2 == 0xBB && c3 == 0xBF) {
                c = getc(stdin);
            } else {
                /* another character starting with 0xEF: text, kept whole */
                lead[nlead++] = (char)c;
                if (c2 != EOF)
                    lead[nlead++] = (char)c2;
                if (c3 != EOF)
                    lead[nlead++] = (char)c3;
                c = 'x';
            }
        }
        while (!nlead && (c == ' ' || c == '\n' || c == '\r' || c == '\t'))
            c = getc(stdin);
        if (c == EOF) {
            fprintf(ig->log, "quipu ingest: standard input: skipped: empty\n");
            ig->stats.read++;
            ig->stats.skipped++;
            ig->stats.empty++;
            return 0;
        }
        if (!nlead)
            ungetc(c, stdin);
        if (c == '{')
            return ingest_jsonl_stream(ig, stdin, "stdin");
        size_t len = 0;
        int err;
        char *raw = slurp(stdin, ig->opts.max_bytes, &len, &err);
        if (!raw)
            return err;
        if (nlead) {
            char *all = malloc(len + nlead);
            if (!all) {
                free(raw);
                return QP_ENOMEM;
            }
            memcpy(all, lead, nlead);
            memcpy(all + nlead, raw, len);
            free(raw);
            raw = all;
            len += nlead;
        }
        qp_article_meta m = {.source = "stdin", .origin = "stdin"};
        int r = qp_ingest_article(ig, raw, len, &m);
        free(raw);
        return r;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", path, strerror(errno));
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return 0;
    }
    if (S_ISDIR(st.st_mode))
        return ingest_dir(ig, path, 0);
    return ingest_file(ig, path);
}
