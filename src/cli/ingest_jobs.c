/* ingest_jobs.c — `quipu ingest -j N`: N threads clean and extract while the calling thread reads
 * the input and writes to the store, in the order the articles were read, so that the database
 * is the one a single thread gives.
 *
 * What the threads share: the extractor (lexicons, gazetteer, models: loaded once, read-only
 * afterwards), the options, and the queue below under its mutex. Each thread has its own
 * language identification (libexttextcat keeps buffers in its handle) and its own read-only
 * connection to look up stored hashes. The store's writing connection is the caller's alone. */
#include "ingest_int.h"
#include "qp.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One article read and waiting to be extracted, then extracted and waiting to be written. */
typedef struct job {
    char *raw;
    size_t len;
    qp_article_meta meta;    /* its strings copied into strs */
    char *strs;
    int state;               /* JOB_* */
    ingest_result res;
} job;

enum { JOB_FREE = 0, JOB_QUEUED, JOB_RUNNING, JOB_DONE };

typedef struct jobs {
    qp_ingest *ig;
    pthread_mutex_t mu;
    pthread_cond_t wake_worker, wake_writer;
    job *ring;               /* cap slots; article k goes to slot k % cap */
    size_t cap;
    size_t next_read;        /* articles handed in so far */
    size_t next_write;       /* articles written so far (in order) */
    size_t next_run;         /* the first article no thread has taken */
    int quit;
    int failed;              /* a store error stopped the ingest: the rest is dropped */
    pthread_t *threads;
    size_t n_threads;
} jobs;

typedef struct worker {
    jobs *q;
    qp_pipeline pl;          /* the ingest's, with a language identification of its own */
    qp_store *lookup;        /* read-only connection for hash look-ups, or NULL */
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    jobs *q = w->q;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->quit && q->next_run == q->next_read)
            pthread_cond_wait(&q->wake_worker, &q->mu);
        if (q->next_run == q->next_read && q->quit)
            break;
        job *j = &q->ring[q->next_run % q->cap];
        q->next_run++;
        j->state = JOB_RUNNING;
        pthread_mutex_unlock(&q->mu);
        ingest_article_extract(&w->pl, w->lookup, &q->ig->opts, j->raw, j->len, &j->meta, &j->res);
        pthread_mutex_lock(&q->mu);
        j->state = JOB_DONE;
        pthread_cond_broadcast(&q->wake_writer);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

static void job_clear(job *j)
{
    free(j->raw);
    free(j->strs);
    ingest_result_destroy(&j->res);
    memset(j, 0, sizeof *j);
}

/* Writes the extracted articles at the head of the ring, in order; with wait_all, until none
 * is left in flight. Called with the mutex held; writes with it released. Returns 0 or the
 * first store error (after which the rest is only taken out of the ring, not written). */
static int write_ready(jobs *q, int wait_all)
{
    int r = 0;
    while (q->next_write < q->next_read) {
        job *j = &q->ring[q->next_write % q->cap];
        if (j->state != JOB_DONE) {
            if (!wait_all)
                break;
            pthread_cond_wait(&q->wake_writer, &q->mu);
            continue;
        }
        pthread_mutex_unlock(&q->mu);
        int w = q->failed ? 0 : ingest_article_finish(q->ig, &j->res);
        job_clear(j);
        pthread_mutex_lock(&q->mu);
        q->next_write++;
        if (w && !q->failed) {
            q->failed = 1;
            r = w;
        }
    }
    return r;
}

/* Copies meta's strings into one block, so that the job outlives the reader's call. */
static int copy_meta(job *j, const qp_article_meta *m)
{
    const char *src[7] = {m->name, m->url, m->title, m->source, m->date, m->lang, m->origin};
    size_t total = 0;
    for (int i = 0; i < 7; i++)
        total += src[i] ? strlen(src[i]) + 1 : 0;
    j->strs = malloc(total + 1);
    if (!j->strs)
        return QP_ENOMEM;
    char *p = j->strs;
    const char **dst[7] = {&j->meta.name, &j->meta.url, &j->meta.title, &j->meta.source, &j->meta.date,
                           &j->meta.lang, &j->meta.origin};
    for (int i = 0; i < 7; i++) {
        *dst[i] = NULL;
        if (src[i]) {
            size_t n = strlen(src[i]) + 1;
            memcpy(p, src[i], n);
            *dst[i] = p;
            p += n;
        }
    }
    j->meta.line = m->line;
    return 0;
}

/* The reader's callback: the article joins the ring, once a slot is free (the writer writes
 * what is ready meanwhile). */
static int on_article(void *ud, const char *raw, size_t len, const qp_article_meta *meta)
{
    jobs *q = ud;
    pthread_mutex_lock(&q->mu);
    int r = write_ready(q, 0);
    while (!r && !q->failed && q->next_read - q->next_write >= q->cap) {
        pthread_cond_wait(&q->wake_writer, &q->mu);
        r = write_ready(q, 0);
    }
    if (r || q->failed) {
        pthread_mutex_unlock(&q->mu);
        return r ? r : QP_EDB;
    }
    job *j = &q->ring[q->next_read % q->cap];
    pthread_mutex_unlock(&q->mu);
    memset(j, 0, sizeof *j);
    /* an article over the limit is not copied: its result only says so */
    size_t keep = len > q->ig->opts.max_bytes ? 0 : len;
    j->raw = malloc(keep + 1);
    if (!j->raw || copy_meta(j, meta)) {
        job_clear(j);
        return QP_ENOMEM;
    }
    memcpy(j->raw, raw, keep);
    j->len = len;
    pthread_mutex_lock(&q->mu);
    j->state = JOB_QUEUED;
    q->next_read++;
    pthread_cond_signal(&q->wake_worker);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

int ingest_jobs_read(qp_ingest *ig, const char *path)
{
    size_t n = (size_t)ig->opts.jobs;
    jobs q = {.ig = ig, .cap = 4 * n};
    worker *w = calloc(n, sizeof *w);
    q.ring = calloc(q.cap, sizeof *q.ring);
    q.threads = calloc(n, sizeof *q.threads);
    if (!w || !q.ring || !q.threads) {
        free(w);
        free(q.ring);
        free(q.threads);
        return QP_ENOMEM;
    }
    pthread_mutex_init(&q.mu, NULL);
    pthread_cond_init(&q.wake_worker, NULL);
    pthread_cond_init(&q.wake_writer, NULL);
    int r = 0;
    for (size_t i = 0; i < n && !r; i++) {
        w[i].q = &q;
        w[i].pl = ig->pipeline;
        w[i].pl.langid = NULL;
        /* each thread its own identification; none (a forced language) is fine */
        if (ig->pipeline.langid && qp_langid_init(&w[i].pl.langid))
            w[i].pl.langid = NULL;
        /* its own connection to look up what is stored: none is fine too (everything is then
         * extracted, and the writer still finds what is stored) */
        if (qp_store_open_read(&w[i].lookup, qp_store_path(ig->store))) {
            qp_store_close(w[i].lookup);
            w[i].lookup = NULL;
        }
        if (pthread_create(&q.threads[i], NULL, worker_main, &w[i]))
            r = QP_ENOMEM;
        else
            q.n_threads++;
    }
    /* the reader runs here, with this ingest's reader settings and counts */
    qp_reader *rd = &ig->reader;
    qp_article_fn fn = rd->fn;
    void *ud = rd->ud;
    rd->fn = on_article;
    rd->ud = &q;
    if (!r)
        r = qp_read_path(rd, path);
    rd->fn = fn;
    rd->ud = ud;
    pthread_mutex_lock(&q.mu);
    int wr = write_ready(&q, 1);
    q.quit = 1;
    pthread_cond_broadcast(&q.wake_worker);
    pthread_mutex_unlock(&q.mu);
    for (size_t i = 0; i < q.n_threads; i++)
        pthread_join(q.threads[i], NULL);
    for (size_t i = 0; i < n; i++) {
        qp_langid_destroy(w[i].pl.langid);
        qp_store_close(w[i].lookup);
    }
    /* what a stop left in the ring */
    for (size_t i = 0; i < q.cap; i++)
        job_clear(&q.ring[i]);
    pthread_cond_destroy(&q.wake_worker);
    pthread_cond_destroy(&q.wake_writer);
    pthread_mutex_destroy(&q.mu);
    free(q.ring);
    free(q.threads);
    free(w);
    /* the store's error, not the reader's QP_EDB for "stopped" */
    return wr ? wr : r;
}
