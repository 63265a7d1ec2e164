/* cmd_extract.c — `quipu extract`: JSONL articles in, JSONL events out; no database, so it can
 * run as a mapper in a pipeline (Spark, Hadoop streaming, xargs -P). */
#include "cli.h"
#include "doc_json.h"
#include "event_json.h"
#include "pipeline.h"
#include "qp.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void help(FILE *out)
{
    fputs("Usage: quipu extract [--lang auto|fr|en] [--date YYYY-MM-DD] [--all] [--documents] [--max-size MB]\n"
          "                     [PATH...|-]\n\n"
          "Reads articles as JSON Lines ({\"id\", \"url\", \"title\", \"source\", \"date\", \"lang\", \"text\"}; only\n"
          "\"text\" is required) from standard input, or from the PATHs as `quipu ingest` reads them (text\n"
          "files, .jsonl, directories), and writes their events as JSON Lines on standard output, in\n"
          "the same format as `quipu events --format jsonl`. Nothing is stored. An article is named as\n"
          "ingest names it (its id, its file name, else doc-<hash of its text>): shards never collide.\n\n"
          "  --lang L       auto (default), fr or en\n"
          "  --date D       the date of articles that carry none\n"
          "  --all          also negated and hypothetical events\n"
          "  --documents    one line per article: the cleaned document, its sentences and all its\n"
          "                 events, with the extractor's version; `quipu ingest --events` stores\n"
          "                 these lines without extracting again (a mapper's output, for merging)\n"
          "  --max-size MB  longest line accepted, in megabytes (default 16); a longer one is skipped\n\n"
          "A broken or over-size line is reported on stderr with its line number and skipped; exit\n"
          "status 3 then. Exit status 1: the input cannot be read, or memory ran out.\n"
          "Plain text on standard input is not JSON Lines: give text files as PATHs (or to `quipu\n"
          "ingest`), or wrap them with `jq -Rs '{text: .}' article.txt | quipu extract`.\n"
          "Examples: quipu extract < articles.jsonl > events.jsonl\n"
          "          quipu extract --documents articles/ | quipu ingest --db shard.db --events -\n",
          out);
}

typedef struct extract_run {
    qp_pipeline pl;
    const char *date; /* --date */
    const char *path; /* for messages */
    int all;
    int documents;    /* --documents: one document line per article */
    int partial;      /* a line was skipped */
} extract_run;

/* One article of the JSONL input: its events on standard output. */
static int on_article(void *ud, const char *raw, size_t len, const qp_article_meta *meta)
{
    extract_run *x = ud;
    /* an article without an id is named after its text (doc-<hash>), as ingest names it: the
     * same article gets the same name in every shard, and two articles never share one */
    qp_article_meta m = *meta;
    if (!m.date)
        m.date = x->date;
    qp_arena arena;
    qp_arena_init(&arena, 1 << 20);
    qp_document doc;
    char perr[256] = "";
    int r = qp_pipeline_run(&x->pl, raw, len, &m, &arena, &doc, perr, sizeof perr);
    if (r) {
        cli_error("extract", "%s: skipped: %s", meta->origin ? meta->origin : x->path, perr[0] ? perr : qp_strerror(r));
        x->partial = 1;
    } else if (x->documents) {
        doc.extractor = x->pl.version;
        json_t *dj = qp_document_to_json(&doc);
        char *s = dj ? json_dumps(dj, JSON_COMPACT | JSON_REAL_PRECISION(17)) : NULL;
        if (s)
            puts(s);
        else
            r = QP_ENOMEM;
        free(s);
        json_decref(dj);
    } else {
        for (size_t i = 0; i < doc.n_events; i++) {
            if (!x->all && (doc.events[i].flags & QP_EVENT_HIDDEN))
                continue;
            json_t *ej = qp_event_to_json(&doc.events[i]);
            char *s = ej ? json_dumps(ej, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
            if (s)
                puts(s);
            free(s);
            json_decref(ej);
        }
    }
    qp_arena_destroy(&arena);
    return r == QP_ENOMEM ? r : 0;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'}, {"date", required_argument, NULL, 't'},
        {"all", no_argument, NULL, 'a'},        {"max-size", required_argument, NULL, 'm'},
        {"documents", no_argument, NULL, 'D'},  {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *lang = "auto", *date = NULL;
    size_t max_bytes = 16u << 20;
    int all = 0, documents = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:t:am:Dh", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 't': date = optarg; break;
        case 'a': all = 1; break;
        case 'D': documents = 1; break;
        case 'm':
            if (cli_max_size("extract", optarg, &max_bytes))
                return QP_EXIT_USAGE;
            break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (strcmp(lang, "auto") && strcmp(lang, "fr") && strcmp(lang, "en")) {
        cli_error("extract", "--lang takes auto, fr or en, not '%s'", lang);
        return QP_EXIT_USAGE;
    }
    if (date && !cli_is_date(date)) {
        cli_error("extract", "--date takes YYYY-MM-DD, not '%s'", date);
        return QP_EXIT_USAGE;
    }
    extract_run x = {.date = date, .path = "stdin", .all = all, .documents = documents};
    char err[512] = "", warn[512] = "";
    int rc = QP_EXIT_OK;
    int r = qp_pipeline_load(&x.pl, lang, err, sizeof err, warn, sizeof warn);
    if (r) {
        cli_error("extract", "%s", err);
        rc = QP_EXIT_FAILURE;
        goto cleanup;
    }
    /* what leaves extraction working but coarser, said once as ingest says it */
    if (warn[0])
        cli_error("extract", "warning: %s", warn);
    /* the reader ingest uses: the same inputs, the same limit on a line, the same messages */
    qp_reader rd;
    qp_reader_init(&rd, "quipu extract", max_bytes, on_article, &x);
    if (optind >= argc) {
        /* plain text is the likeliest mistake: said once, before the reader skips every line */
        int first = getc(stdin);
        while (first == ' ' || first == '\t' || first == '\r' || first == '\n')
            first = getc(stdin);
        if (first != EOF) {
            ungetc(first, stdin);
            if (first != '{')
                cli_error("extract", "%s reads as plain text: quipu extract takes JSON Lines, one article a line as "
                                     "{\"text\": \"…\"} (plain text files go as PATHs or to `quipu ingest`, or "
                                     "through `jq -Rs '{text: .}' FILE | quipu extract`)", x.path);
        }
        r = qp_read_jsonl(&rd, stdin, "stdin");
    } else {
        for (int i = optind; i < argc && !r; i++) {
            x.path = strcmp(argv[i], "-") ? argv[i] : "stdin";
            r = qp_read_path(&rd, argv[i]);
        }
    }
    if (r) {
        cli_error("extract", "stopped: %s", qp_strerror(r));
        rc = QP_EXIT_FAILURE;
    } else if (x.partial || rd.counts.skipped) {
        rc = QP_EXIT_PARTIAL;
    }
    if (fflush(stdout) != 0) {
        cli_error("extract", "cannot write the events: %s", strerror(errno));
        rc = QP_EXIT_FAILURE;
    }
cleanup:
    qp_pipeline_destroy(&x.pl);
    return rc;
}
