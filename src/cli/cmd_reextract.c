/* cmd_reextract.c — `quipu reextract`: the stored documents extracted again, after the lexicons
 * or the models changed, their events replaced in one transaction per batch. */
#include "cli.h"
#include "pipeline.h"
#include "qp.h"
#include "store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static void help(FILE *out)
{
    fputs("Usage: quipu reextract [--db FILE] [--since D] [--until D] [--doc NAME] [--stale] [--quiet]\n\n"
          "Runs extraction again on stored documents (their cleaned text, as stored) and replaces their\n"
          "sentences and events: after the lexicons, the inflected forms, the gazetteer or the parser's\n"
          "models changed. Every event records the extractor version that made it (quipu's version and\n"
          "a fingerprint of that data; the database's table extractors lists them).\n\n"
          "  --db FILE   database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --since D   documents published on or after D (YYYY-MM-DD)\n"
          "  --until D   documents published on or before D\n"
          "  --doc NAME  one document\n"
          "  --stale     only documents whose events another extractor version made than this quipu's\n"
          "              (a run that was stopped is completed by running it again with --stale)\n"
          "  --quiet     no progress line and no summary\n\n"
          "Without a filter every document is extracted again. Documents are replaced 64 to a\n"
          "transaction: stopped or killed, each document holds its old events or its new ones, never a\n"
          "mix, and nothing else changes.\n"
          "Exit status: 0 done; 3 some documents could not be (each is named); 1 the database or the\n"
          "data files failed; 2 bad usage.\n"
          "Example: quipu reextract --since 2017-01-01 --stale\n",
          out);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Extracts document id again and replaces its extraction, under a savepoint. Returns 0, 1 when
 * the document was skipped (named on stderr), or a store error that stops the run. */
static int reextract_one(qp_store *s, const qp_pipeline *pl, int64_t id, size_t *events)
{
    qp_arena arena;
    qp_arena_init(&arena, 1 << 20);
    qp_document d;
    int r = qp_store_load_document(s, id, &arena, &d);
    if (r == 0) {
        /* the language stays the one found at ingest: a text quipu does not read stays so */
        qp_article_meta m = {.name = d.name, .date = d.published, .lang = d.lang};
        d.sentences = NULL;
        d.n_sentences = 0;
        r = qp_pipeline_extract(pl, &m, &arena, &d);
        if (r) {
            cli_error("reextract", "%s: skipped: %s", d.name, qp_strerror(r));
            qp_arena_destroy(&arena);
            return r == QP_ENOMEM ? r : 1;
        }
        if (!(r = qp_store_savepoint(s))) {
            r = qp_store_replace_extraction(s, id, &d);
            r = r ? (qp_store_rollback_to(s), r) : qp_store_release(s);
        }
        *events += r ? 0 : d.n_events;
    }
    qp_arena_destroy(&arena);
    return r;
}

int cmd_reextract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},    {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'}, {"doc", required_argument, NULL, 'D'},
        {"stale", no_argument, NULL, 'S'},       {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db();
    qp_doc_filter f = {0};
    int quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:s:u:D:Sqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 's': f.since = optarg; break;
        case 'u': f.until = optarg; break;
        case 'D': f.doc = optarg; break;
        case 'S': f.stale = 1; break;
        case 'q': quiet = 1; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("reextract", "unexpected argument '%s' (see `quipu reextract --help`)", argv[optind]);
        return QP_EXIT_USAGE;
    }
    if ((f.since && !cli_is_date(f.since)) || (f.until && !cli_is_date(f.until))) {
        cli_error("reextract", "--since and --until take YYYY-MM-DD");
        return QP_EXIT_USAGE;
    }
    if (access(db, F_OK) != 0) {
        cli_error("reextract", "%s: no such database (quipu ingest creates it)", db);
        return QP_EXIT_FAILURE;
    }
    qp_pipeline pl = {0};
    qp_store *s = NULL;
    int64_t *ids = NULL;
    size_t n = 0, done = 0, skipped = 0, events = 0;
    int rc = QP_EXIT_FAILURE, in_tx = 0;
    char err[512] = "", warn[512] = "";
    if (qp_pipeline_load(&pl, "auto", err, sizeof err, warn, sizeof warn)) {
        cli_error("reextract", "%s", err);
        goto cleanup;
    }
    if (warn[0] && !quiet)
        cli_error("reextract", "warning: %s", warn);
    if (qp_store_open(&s, db) || qp_store_set_extractor(s, pl.version) || qp_store_document_ids(s, &f, &ids, &n)) {
        cli_error("reextract", "%s", qp_store_errmsg(s));
        goto cleanup;
    }
    double t0 = now_seconds(), last = t0;
    int progress = !quiet && isatty(STDERR_FILENO), r = 0;
    for (size_t i = 0; i < n && !r; i++) {
        if (!in_tx) {
            if ((r = qp_store_begin(s)))
                break;
            in_tx = 1;
        }
        r = reextract_one(s, &pl, ids[i], &events);
        if (r == 1) {
            skipped++;
            r = 0;
        } else if (!r) {
            done++;
        }
        if (!r && (done + skipped) % BATCH == 0) {
            r = qp_store_commit(s);
            in_tx = 0;
        }
        if (progress && now_seconds() - last > 0.2) {
            last = now_seconds();
            fprintf(stderr, "\r\033[K%zu of %zu documents extracted again, %zu events", done, n, events);
        }
    }
    if (!r && in_tx) {
        r = qp_store_commit(s);
        in_tx = 0;
    }
    if (progress)
        fprintf(stderr, "\r\033[K");
    if (r) {
        cli_error("reextract", "stopped: %s; the documents of the last batch keep their old events",
                  qp_store_errmsg(s)[0] ? qp_store_errmsg(s) : qp_strerror(r));
        if (in_tx)
            qp_store_rollback(s);
        rc = done ? QP_EXIT_PARTIAL : QP_EXIT_FAILURE;
        goto cleanup;
    }
    if (!quiet)
        fprintf(stderr, "quipu reextract: %zu documents extracted again (%zu skipped), %zu events, by %s; %.2f s\n",
                done, skipped, events, pl.version, now_seconds() - t0);
    rc = skipped ? QP_EXIT_PARTIAL : QP_EXIT_OK;
cleanup:
    free(ids);
    qp_store_close(s);
    qp_pipeline_destroy(&pl);
    return rc;
}
