/* ingest.h — the ingest driver: articles read (src/ingest), prepared (src/pipeline) and written
 * to the store in batches, with every problem named and counted. */
#ifndef QP_INGEST_H
#define QP_INGEST_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "document.h"
#include "pipeline.h"
#include "read.h"
#include "store.h"

typedef struct qp_ingest_opts {
    const char *lang;       /* "auto" (default), "fr" or "en": forces the language */
    const char *date;       /* YYYY-MM-DD for documents that carry none, or NULL */
    size_t max_bytes;       /* largest document accepted; 0 = 16 MiB */
    int verbose;            /* list removed clutter lines and each document */
    int progress;           /* a progress line on stderr */
    size_t batch;           /* documents per transaction; 0 = 64 */
    int jobs;               /* extraction threads (qp_ingest_path); 0 or 1: extraction in the
                             * caller's thread */
} qp_ingest_opts;

typedef struct qp_ingest_stats {
    size_t read, stored, duplicates, skipped, not_extracted, events, clutter, bytes;
    size_t bad_utf8, empty, too_big, bad_json, unreadable, db_errors;
    size_t extracted;       /* documents that went through extraction (a stored one never does) */
    size_t lost;            /* documents of a batch the store rolled back (also in skipped) */
    double seconds;
    double store_cpu;       /* CPU seconds spent writing to the store (inserts, commits) */
} qp_ingest_stats;

typedef struct qp_ingest {
    qp_store *store;
    qp_pipeline pipeline;   /* the caller's, with the language of opts.lang */
    qp_reader reader;
    qp_ingest_opts opts;
    qp_ingest_stats stats;
    size_t in_batch;
    int in_tx;
    /* the documents of the open transaction, to be named and uncounted if it is rolled back:
     * their names one after another, NUL-terminated, and what they added to the counts */
    qp_buf pending;
    size_t pending_n, pending_events, pending_clutter;
    char stopped_at[512];   /* the input the ingest stopped at on a fatal error, or "" */
    double started, last_progress;
    FILE *log;              /* where warnings go: stderr */
} qp_ingest;

/* Prepares an ingest into an open store through a loaded pipeline (its language
 * identification and extractor may be NULL: no detection means "und", no extractor stores
 * without events); p NULL is the pipeline with neither. Returns 0. */
int qp_ingest_init(qp_ingest *ig, qp_store *store, const qp_pipeline *p, const qp_ingest_opts *o);
/* Commits what is pending and fills ig->stats.seconds. Returns 0 or a store error (the batch
 * is then named on the log as not stored, and uncounted). Frees what init allocated. */
int qp_ingest_finish(qp_ingest *ig);

/* Ingests a file, a directory (recursively, *.txt / *.jsonl / *.json / no extension) or "-"
 * (standard input; JSON Lines when it starts with '{'). Problems with single documents are
 * reported on ig->log, counted, and skipped; returns 0 unless the store failed (QP_EFULL,
 * QP_ECORRUPT, QP_EBUSY, QP_EDB…). Then the ingest stops (ig->stopped_at names the input): what
 * was committed before stays, and each document of the batch that was lost is named on the log
 * and taken out of the counts, so that stats.stored is what the database holds. */
int qp_ingest_path(qp_ingest *ig, const char *path);

/* Ingests one article's raw bytes: cleaned, looked up by the hash of its text (a stored one is
 * counted as a duplicate and not extracted again), else extracted and written. Returns 0
 * (stored, duplicate or skipped — see stats) or a store error, as qp_ingest_path. */
int qp_ingest_article(qp_ingest *ig, const char *raw, size_t len, const qp_article_meta *meta);

/* Stores the documents of a file of `quipu extract --documents` lines (path, or "-" for standard
 * input) as they are: no extraction, each document's identity checked against its text, its
 * extractor version kept. A line that is not such a document is named (file and line) and
 * skipped; returns like qp_ingest_path. */
int qp_ingest_events(qp_ingest *ig, const char *path);

#endif
