/* cmd_ingest.c — `quipu ingest`: articles into the store, with events extracted. */
#include "cli.h"
#include "ingest.h"
#include "lexicon.h"
#include "qp.h"
#include "store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu ingest [--db FILE] [--lang auto|fr|en] [--date YYYY-MM-DD] [--max-size MB]\n"
          "                    [-j N] [--verbose] [--quiet] PATH...\n"
          "       quipu ingest [--db FILE] --events FILE.jsonl...\n\n"
          "Reads news articles, cleans them, extracts events and stores everything in the database.\n\n"
          "PATH is a plain-text file (one article; a name like 2017-11-03_x.txt dates it), a JSON Lines\n"
          "file (.jsonl: one {\"id\", \"url\", \"title\", \"source\", \"date\", \"lang\", \"text\"} per line, all\n"
          "but \"text\" optional), a directory (read recursively: *.txt, *.jsonl), or - for standard input.\n\n"
          "Options:\n"
          "  --db FILE          database (default: $QUIPU_DB or ./quipu.db; created if missing)\n"
          "  --lang L           auto (default: detect), fr or en: the language of every article\n"
          "  --date D           date for articles that carry none (YYYY-MM-DD)\n"
          "  --max-size MB      largest article accepted, in megabytes (default 16)\n"
          "  -j, --jobs N       N threads extract while one writes (default 1; at most 64); the\n"
          "                     database is the same as with one\n"
          "  --events           the PATHs are `quipu extract --documents` output (- for standard\n"
          "                     input): documents and events stored as they are, not extracted again\n"
          "  --verbose          say what happened to each article, and list removed clutter lines\n"
          "  --quiet            no progress line and no summary\n\n"
          "The same text ingested twice is stored once. Bad inputs (invalid UTF-8, empty or over-size\n"
          "files, broken JSON lines) are named on stderr and skipped; the rest is stored.\n"
          "Exit status: 0 all stored; 3 some inputs skipped, or the database failed after some batches were\n"
          "stored (the documents not stored are named); 1 nothing stored (the database failed); 2 bad usage.\n\n"
          "Examples:\n"
          "  quipu ingest examples/\n"
          "  quipu ingest --db war.db --lang fr 2017-11-02_alqaim.txt\n"
          "  cat articles.jsonl | quipu ingest -\n",
          out);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},       {"lang", required_argument, NULL, 'l'},
        {"date", required_argument, NULL, 't'},     {"max-size", required_argument, NULL, 'm'},
        {"verbose", no_argument, NULL, 'v'},        {"quiet", no_argument, NULL, 'q'},
        {"jobs", required_argument, NULL, 'j'},     {"events", no_argument, NULL, 'E'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db();
    qp_ingest_opts o = {.lang = "auto"};
    int quiet = 0, events = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:l:t:m:vqj:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'l':
            if (strcmp(optarg, "auto") && strcmp(optarg, "fr") && strcmp(optarg, "en")) {
                cli_error("ingest", "--lang takes auto, fr or en, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            o.lang = optarg;
            break;
        case 't':
            if (!cli_is_date(optarg)) {
                cli_error("ingest", "--date takes YYYY-MM-DD, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            o.date = optarg;
            break;
        case 'm':
            if (cli_max_size("ingest", optarg, &o.max_bytes))
                return QP_EXIT_USAGE;
            break;
        case 'v': o.verbose = 1; break;
        case 'q': quiet = 1; break;
        case 'E': events = 1; break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (end == optarg || *end || j < 1 || j > 64) {
                cli_error("ingest", "-j takes a number of threads from 1 to 64, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            o.jobs = (int)j;
            break;
        }
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_error("ingest", "no PATH given (a file, a directory, or - for standard input)");
        help(stderr);
        return QP_EXIT_USAGE;
    }
    o.progress = !quiet && isatty(STDERR_FILENO);

    qp_store *store = NULL;
    qp_pipeline pl = {0};
    int rc = QP_EXIT_FAILURE;
    /* the data first: a missing lexicon or gazetteer must not leave a new, empty database */
    char err[512] = "", warn[512] = "";
    qp_lexicon lx_only = {0};
    const qp_lexicon *lx = NULL;
    int r;
    if (events) {
        /* nothing to extract: the lexicon alone, for its actors and aliases */
        if ((r = qp_lexicon_load(&lx_only, err, sizeof err))) {
            cli_error("ingest", "cannot load the lexicons: %s", err[0] ? err : qp_strerror(r));
            goto cleanup;
        }
        lx = &lx_only;
    } else {
        if ((r = qp_pipeline_load(&pl, o.lang, err, sizeof err, warn, sizeof warn))) {
            cli_error("ingest", "%s", err);
            goto cleanup;
        }
        lx = qp_extractor_lexicon(pl.extractor);
    }
    if (warn[0] && !quiet)
        cli_error("ingest", "warning: %s", warn);
    if (qp_store_open(&store, db) || qp_store_set_extractor(store, events ? NULL : pl.version)) {
        cli_error("ingest", "%s", qp_store_errmsg(store));
        goto cleanup;
    }
    /* the lexicon's actors and aliases, so that queries resolve names in either language */
    if ((r = qp_store_begin(store)) || (r = qp_store_put_lexicon(store, lx)) || (r = qp_store_commit(store))) {
        cli_error("ingest", "%s", qp_store_errmsg(store));
        qp_store_rollback(store);
        goto cleanup;
    }
    qp_ingest ig;
    qp_ingest_init(&ig, store, &pl, &o);
    r = 0;
    for (int i = optind; i < argc && !r; i++)
        r = events ? qp_ingest_events(&ig, argv[i]) : qp_ingest_path(&ig, argv[i]);
    int fr = qp_ingest_finish(&ig);
    const qp_ingest_stats *s = &ig.stats;
    if (r || fr)
        cli_error("ingest", "stopped%s%s: %s; %s", ig.stopped_at[0] ? " at " : "", ig.stopped_at,
                  qp_strerror(r ? r : fr),
                  s->stored ? "what the summary counts as stored is in the database, the inputs after it were not read"
                            : "nothing new was stored");
    if (!quiet) {
        fprintf(stderr, "quipu ingest: %zu documents read, %zu stored, %zu already stored, %zu skipped", s->read,
                s->stored, s->duplicates, s->skipped);
        if (s->skipped)
            fprintf(stderr, " (%zu invalid UTF-8, %zu empty, %zu over size, %zu broken JSON, %zu unreadable, %zu database)",
                    s->bad_utf8, s->empty, s->too_big, s->bad_json, s->unreadable, s->db_errors);
        fprintf(stderr, "; %zu events; %zu clutter lines removed; %.2f s (%.2f MB/s)\n", s->events, s->clutter,
                s->seconds, s->seconds > 0 ? (double)s->bytes / 1e6 / s->seconds : 0.0);
        if (s->lost)
            fprintf(stderr, "quipu ingest: %zu documents not stored: their batch was rolled back (each is named above)\n",
                    s->lost);
        if (s->not_extracted)
            fprintf(stderr, "quipu ingest: %zu documents stored without extraction (not French or English)\n",
                    s->not_extracted);
        if (o.verbose) {
            /* the share of the time the writer spent in the store, the rest being reading and
             * extraction (bench/bench_parallel.sh reads this line) */
            struct timespec ts;
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
            double cpu = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
            fprintf(stderr, "quipu ingest: CPU %.2f s in all, %.2f s of it storing (%.0f %%)\n", cpu, s->store_cpu,
                    cpu > 0 ? 100.0 * s->store_cpu / cpu : 0.0);
        }
        fprintf(stderr, "quipu ingest: database %s\n", db);
    }
    /* stopped by the store: documents committed before it are stored all the same, so that is
     * not 'nothing done' */
    if (r || fr)
        rc = s->stored ? QP_EXIT_PARTIAL : QP_EXIT_FAILURE;
    else
        rc = s->skipped ? QP_EXIT_PARTIAL : QP_EXIT_OK;
cleanup:
    qp_lexicon_destroy(&lx_only);
    qp_pipeline_destroy(&pl);
    qp_store_close(store);
    return rc;
}
