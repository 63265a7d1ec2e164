/* ingest.c — the ingest driver: articles read, prepared and stored in batches; every problem
 * named on the log and counted. */
#include "ingest.h"
#include "ingest_int.h"
#include "doc_json.h"
#include "qp.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int on_article(void *ud, const char *raw, size_t len, const qp_article_meta *meta)
{
    return qp_ingest_article(ud, raw, len, meta);
}

int qp_ingest_init(qp_ingest *ig, qp_store *store, const qp_pipeline *p, const qp_ingest_opts *o)
{
    memset(ig, 0, sizeof *ig);
    ig->store = store;
    if (p)
        ig->pipeline = *p;
    if (o)
        ig->opts = *o;
    if (!ig->opts.lang)
        ig->opts.lang = "auto";
    if (!ig->opts.max_bytes)
        ig->opts.max_bytes = 16u << 20;
    if (!ig->opts.batch)
        ig->opts.batch = 64;
    ig->pipeline.force_lang = ig->opts.lang;
    ig->log = stderr;
    qp_reader_init(&ig->reader, "quipu ingest", ig->opts.max_bytes, on_article, ig);
    ig->reader.verbose = ig->opts.verbose;
    ig->started = ig->last_progress = now_seconds();
    qp_buf_init(&ig->pending);
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

/* The batch of the open transaction is gone (rolled back, or its commit failed): each of its
 * documents is named and taken out of the counts. */
static void lose_batch(qp_ingest *ig, const char *why)
{
    const char *name = ig->pending.data;
    for (size_t i = 0; i < ig->pending_n; i++) {
        fprintf(ig->log, "quipu ingest: %s: not stored: its batch was rolled back (%s)\n", name, why);
        name += strlen(name) + 1;
    }
    qp_ingest_stats *s = &ig->stats;
    s->stored -= ig->pending_n;
    s->events -= ig->pending_events;
    s->clutter -= ig->pending_clutter;
    s->skipped += ig->pending_n;
    s->db_errors += ig->pending_n;
    s->lost += ig->pending_n;
}

static void batch_done(qp_ingest *ig)
{
    ig->in_tx = 0;
    ig->in_batch = 0;
    qp_buf_clear(&ig->pending);
    ig->pending_n = ig->pending_events = ig->pending_clutter = 0;
}

static int commit_batch(qp_ingest *ig)
{
    if (!ig->in_tx)
        return 0;
    double c0 = cpu_seconds();
    int r = qp_store_commit(ig->store);
    if (r) {
        fprintf(ig->log, "quipu ingest: %s\n", qp_store_errmsg(ig->store));
        qp_store_rollback(ig->store);
        lose_batch(ig, qp_strerror(r));
    }
    batch_done(ig);
    ig->stats.store_cpu += cpu_seconds() - c0;
    return r;
}

int qp_ingest_finish(qp_ingest *ig)
{
    int r = commit_batch(ig);
    ig->stats.seconds = now_seconds() - ig->started;
    if (ig->opts.progress)
        progress(ig, 1);
    qp_buf_destroy(&ig->pending);
    return r;
}

/* Errors after which nothing more can be written: the disk is full, the file damaged or
 * read-only, another writer holds it, memory ran out. The ingest stops rather than fail on
 * every document that follows. */
static int is_fatal(int r)
{
    return r == QP_EFULL || r == QP_ECORRUPT || r == QP_EREADONLY || r == QP_EBUSY || r == QP_ENOMEM;
}

/* Writes one prepared document in the batch's transaction, under a savepoint: one that cannot
 * be stored does not take its batch down. Returns its row id (> 0; *existing says it was
 * there already), 0 when it was not stored (said on the log), or a negative error that stops
 * the ingest: the transaction could not start, or is_fatal(). On a fatal error the documents
 * written before it in the batch are committed if they can be, else named as lost. */
static int64_t store_document(qp_ingest *ig, const qp_document *doc, const char *where, int *existing)
{
    double c0 = cpu_seconds();
    int64_t id = 0;
    if (!ig->in_tx) {
        int r = qp_store_begin(ig->store);
        if (r) {
            fprintf(ig->log, "quipu ingest: %s\n", qp_store_errmsg(ig->store));
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
        fprintf(ig->log, "quipu ingest: %s: not stored: %s\n", where, qp_store_errmsg(ig->store));
        ig->stats.skipped++;
        ig->stats.db_errors++;
        id = 0;
        if (!qp_store_in_transaction(ig->store)) {
            /* SQLite rolled the whole transaction back (a full disk does): the batch is lost,
             * and what came next would be written outside any transaction */
            lose_batch(ig, qp_strerror(r));
            batch_done(ig);
            id = is_fatal(r) ? r : QP_EDB;
        } else if (qp_store_rollback_to(ig->store) || is_fatal(r)) {
            /* keep what the batch holds if it can still be committed, then stop */
            int c = commit_batch(ig);
            id = is_fatal(r) ? r : c ? c : QP_EDB;
        }
    }
cleanup:
    ig->stats.store_cpu += cpu_seconds() - c0;
    return id;
}

/* Notes where the ingest stopped, for the summary. */
static void stop_at(qp_ingest *ig, const char *where)
{
    if (!ig->stopped_at[0])
        snprintf(ig->stopped_at, sizeof ig->stopped_at, "%s", where);
}

/* Stores one prepared (extracted) document in the open batch, counts it, and commits the batch
 * when it is full. Returns 0 or a store error that stops the ingest (stop_at set). */
static int store_prepared(qp_ingest *ig, const qp_document *d, const char *where)
{
    const qp_document doc = *d;
    int r = 0;
    if (strcmp(doc.status, "extracted")) {
        fprintf(ig->log, "quipu ingest: %s: stored but not extracted: language '%s' is not French or English\n",
                where, doc.lang);
        ig->stats.not_extracted++;
    }
    int existing = 0;
    int64_t id = store_document(ig, &doc, where, &existing);
    if (id <= 0) {
        if (id < 0)
            stop_at(ig, where);
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
        /* remembered until the batch commits, to be named if it does not */
        if (qp_buf_append(&ig->pending, where, strlen(where) + 1) == 0) {
            ig->pending_n++;
            ig->pending_events += doc.n_events;
            ig->pending_clutter += doc.n_clutter;
        }
        if (ig->opts.verbose) {
            fprintf(ig->log, "quipu ingest: %s: stored as '%s' (%s, %s, %zu sentences, %zu events, %zu clutter lines)\n",
                    where, doc.name, doc.lang, doc.published ? doc.published : "undated", doc.n_sentences,
                    doc.n_events, doc.n_clutter);
            for (size_t i = 0; i < doc.n_clutter; i++)
                fprintf(ig->log, "  removed line %d: %s\n", doc.clutter[i].line_no, doc.clutter[i].text);
        }
    }
    if (++ig->in_batch >= ig->opts.batch && (r = commit_batch(ig)))
        stop_at(ig, where);
    progress(ig, 0);
    return r;
}

void ingest_article_extract(const qp_pipeline *pl, qp_store *lookup, const qp_ingest_opts *o, const char *raw,
                            size_t len, const qp_article_meta *meta, ingest_result *res)
{
    memset(res, 0, sizeof *res);
    res->len = len;
    snprintf(res->where, sizeof res->where, "%s", meta->origin ? meta->origin : (meta->name ? meta->name : "(input)"));
    if (len > o->max_bytes) {
        res->too_big = 1;
        return;
    }
    qp_arena_init(&res->arena, len * 4 + 65536);
    res->has_arena = 1;
    qp_article_meta m = *meta;
    if (!qp_read_valid_date(m.date) && o->date)
        m.date = o->date;
    res->r = qp_pipeline_prepare(pl, raw, len, &m, &res->arena, &res->doc, res->err, sizeof res->err);
    /* a document stored before (a resumed or repeated ingest) is known by the hash of its text:
     * it is not extracted again only to be found there */
    if (!res->r && lookup && (res->known = qp_store_find_hash(lookup, res->doc.hash)) < 0) {
        snprintf(res->err, sizeof res->err, "%s", qp_store_errmsg(lookup));
        res->r = (int)res->known;
        res->lookup_failed = 1;
        return;
    }
    if (res->known > 0 || res->r)
        return;
    res->extracted = 1;
    res->r = qp_pipeline_extract(pl, &m, &res->arena, &res->doc);
}

void ingest_result_destroy(ingest_result *res)
{
    if (res->has_arena)
        qp_arena_destroy(&res->arena);
    res->has_arena = 0;
}

int ingest_article_finish(qp_ingest *ig, ingest_result *res)
{
    const char *where = res->where;
    ig->stats.read++;
    ig->stats.bytes += res->len;
    if (res->too_big) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %zu bytes is over the limit of %zu (raise it with --max-size)\n",
                where, res->len, ig->opts.max_bytes);
        ig->stats.skipped++;
        ig->stats.too_big++;
        return 0;
    }
    if (res->lookup_failed) {
        fprintf(ig->log, "quipu ingest: %s\n", res->err);
        stop_at(ig, where);
        return res->r;
    }
    if (res->known > 0) {
        ig->stats.duplicates++;
        if (ig->opts.verbose)
            fprintf(ig->log, "quipu ingest: %s: already stored (same text); not extracted again\n", where);
        progress(ig, 0);
        return 0;
    }
    ig->stats.extracted += res->extracted;
    int r = res->r;
    if (r) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", where, r == QP_EUTF8 || r == QP_EEMPTY ? res->err : qp_strerror(r));
        ig->stats.skipped++;
        if (r == QP_EUTF8)
            ig->stats.bad_utf8++;
        else if (r == QP_EEMPTY)
            ig->stats.empty++;
        if (r == QP_ENOMEM)
            stop_at(ig, where);
        return r == QP_ENOMEM ? r : 0;
    }
    return store_prepared(ig, &res->doc, where);
}

int qp_ingest_article(qp_ingest *ig, const char *raw, size_t len, const qp_article_meta *meta)
{
    ingest_result res;
    ingest_article_extract(&ig->pipeline, ig->store, &ig->opts, raw, len, meta, &res);
    int r = ingest_article_finish(ig, &res);
    ingest_result_destroy(&res);
    return r;
}

int qp_ingest_path(qp_ingest *ig, const char *path)
{
    qp_reader *rd = &ig->reader;
    rd->log = ig->log;
    int r = ig->opts.jobs > 1 ? ingest_jobs_read(ig, path) : qp_read_path(rd, path);
    /* what gave no article, counted by the reader, joins the ingest's counts */
    qp_ingest_stats *s = &ig->stats;
    s->read += rd->counts.read;
    s->bytes += rd->counts.bytes;
    s->skipped += rd->counts.skipped;
    s->empty += rd->counts.empty;
    s->too_big += rd->counts.too_big;
    s->bad_json += rd->counts.bad_json;
    s->unreadable += rd->counts.unreadable;
    memset(&rd->counts, 0, sizeof rd->counts);
    return r;
}

/* ---- documents already extracted: `quipu ingest --events` ---- */

typedef struct events_input {
    qp_ingest *ig;
    const char *origin;
} events_input;

/* One line of `quipu extract --documents`: a document and its events, stored as they are. */
static int on_document_line(void *ud, const char *line, size_t len, int lineno)
{
    events_input *in = ud;
    qp_ingest *ig = in->ig;
    char where[480], err[256] = "";
    snprintf(where, sizeof where, "%.460s:%d", in->origin, lineno);
    ig->stats.read++;
    ig->stats.bytes += len;
    json_error_t jerr;
    json_t *o = json_loadb(line, len, 0, &jerr);
    if (!o) {
        fprintf(ig->log, "quipu ingest: %s: skipped: not JSON (%s, column %d)\n", where, jerr.text, jerr.column);
        ig->stats.skipped++;
        ig->stats.bad_json++;
        return 0;
    }
    qp_arena arena;
    qp_arena_init(&arena, len + 65536);
    qp_document doc;
    int r = qp_document_from_json(o, &arena, &doc, err, sizeof err);
    json_decref(o);
    if (r) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", where, r == QP_ENOMEM ? qp_strerror(r) : err);
        ig->stats.skipped++;
        ig->stats.bad_json += r != QP_ENOMEM;
        qp_arena_destroy(&arena);
        if (r == QP_ENOMEM)
            stop_at(ig, where);
        return r == QP_ENOMEM ? r : 0;
    }
    if (!doc.status)
        doc.status = "extracted";
    r = store_prepared(ig, &doc, where);
    qp_arena_destroy(&arena);
    return r;
}

int qp_ingest_events(qp_ingest *ig, const char *path)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(ig->log, "quipu ingest: %s: skipped: %s\n", path, strerror(errno));
        ig->stats.read++;
        ig->stats.skipped++;
        ig->stats.unreadable++;
        return 0;
    }
    qp_reader *rd = &ig->reader;
    rd->log = ig->log;
    events_input in = {ig, is_stdin ? "stdin" : path};
    int r = qp_read_lines(rd, f, in.origin, on_document_line, &in);
    if (!is_stdin)
        fclose(f);
    /* lines over the limit, counted by the reader */
    qp_ingest_stats *s = &ig->stats;
    s->read += rd->counts.read;
    s->bytes += rd->counts.bytes;
    s->skipped += rd->counts.skipped;
    s->too_big += rd->counts.too_big;
    s->unreadable += rd->counts.unreadable;
    memset(&rd->counts, 0, sizeof rd->counts);
    return r;
}
