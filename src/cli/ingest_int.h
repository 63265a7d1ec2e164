/* ingest_int.h — the ingest driver's two halves, shared by ingest.c and the threaded driver
 * ingest_jobs.c: an article's extraction (pure: any thread) and its storing (the writer's). */
#ifndef QP_INGEST_INT_H
#define QP_INGEST_INT_H

#include "ingest.h"

/* One article on its way: what extraction made of it, and what the writer needs to count it. */
typedef struct ingest_result {
    qp_arena arena;         /* holds doc */
    int has_arena;
    qp_document doc;
    int r;                  /* 0, or why it is skipped (err says more) */
    char err[512];
    char where[512];        /* the input, for messages: "file.jsonl:12" */
    size_t len;
    int64_t known;          /* > 0: already stored (not extracted) */
    int too_big, extracted, lookup_failed;
} ingest_result;

/* Cleans, looks up (when lookup is not NULL: a store to find the hash in) and extracts one
 * article into res, touching nothing shared but the read-only extractor and lookup (a
 * connection of the calling thread's own). Free with ingest_result_destroy. */
void ingest_article_extract(const qp_pipeline *pl, qp_store *lookup, const qp_ingest_opts *o, const char *raw,
                            size_t len, const qp_article_meta *meta, ingest_result *res);
void ingest_result_destroy(ingest_result *res);
/* The writer's half: counts res, names a problem, stores the document in the batch. Returns 0
 * or an error that stops the ingest, as qp_ingest_article. */
int ingest_article_finish(qp_ingest *ig, ingest_result *res);

/* qp_read_path with ig->opts.jobs threads extracting and the caller's thread writing, in the
 * order the articles were read. Returns like qp_read_path. */
int ingest_jobs_read(qp_ingest *ig, const char *path);

#endif
