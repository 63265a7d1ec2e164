/* cmd_merge.c — `quipu merge OUT.db IN.db...`: shard databases folded into one. */
#include "cli.h"
#include "qp.h"
#include "store.h"

#include <getopt.h>
#include <string.h>

static void help(FILE *out)
{
    fputs("Usage: quipu merge [--quiet] OUT.db IN.db...\n\n"
          "Folds the IN databases (shards ingested apart, on other machines or by tools/quipu-dask)\n"
          "into OUT, created if missing. A document is the same document wherever it was stored (its\n"
          "identity is the hash of its text): one already in OUT is not stored again. Actors, aliases\n"
          "and places are unified; a document whose name another text holds in OUT is stored as\n"
          "NAME~HASH, as ingest does. The result is the database one ingest of all the inputs' articles\n"
          "gives. Each input is merged in one transaction: stopped or killed, OUT holds each input whole\n"
          "or not at all, and the same command run again completes it. The inputs are only read.\n\n"
          "Exit status: 0 all merged; 3 some inputs could not be (each is named); 1 OUT is unusable;\n"
          "2 bad usage.\n"
          "Example: quipu merge war.db shard-0.db shard-1.db shard-2.db\n",
          out);
}

int cmd_merge(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    int quiet = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': quiet = 1; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (argc - optind < 2) {
        cli_error("merge", "give the database to merge into and at least one to merge");
        help(stderr);
        return QP_EXIT_USAGE;
    }
    qp_store *out = NULL;
    if (qp_store_open(&out, argv[optind])) {
        cli_error("merge", "%s", qp_store_errmsg(out));
        qp_store_close(out);
        return QP_EXIT_FAILURE;
    }
    int failed = 0, fatal = 0;
    int64_t docs = 0, added = 0, events = 0;
    for (int i = optind + 1; i < argc && !fatal; i++) {
        qp_merge_stats st;
        int r = qp_store_merge(out, argv[i], &st);
        if (r) {
            cli_error("merge", "%s: not merged: %s", argv[i], qp_store_errmsg(out));
            failed++;
            /* OUT itself failing (full, damaged, read-only): what follows would fail too */
            fatal = r == QP_EFULL || r == QP_ECORRUPT || r == QP_EREADONLY || r == QP_ENOMEM;
            continue;
        }
        docs += st.documents_in;
        added += st.documents_added;
        events += st.events_added;
        if (!quiet)
            fprintf(stderr, "quipu merge: %s: %lld documents, %lld new, %lld events added\n", argv[i],
                    (long long)st.documents_in, (long long)st.documents_added, (long long)st.events_added);
    }
    if (!quiet)
        fprintf(stderr, "quipu merge: %d of %d databases merged into %s: %lld documents read, %lld new, %lld events added\n",
                argc - optind - 1 - failed, argc - optind - 1, argv[optind], (long long)docs, (long long)added,
                (long long)events);
    qp_store_close(out);
    return failed ? (failed == argc - optind - 1 ? QP_EXIT_FAILURE : QP_EXIT_PARTIAL) : QP_EXIT_OK;
}
