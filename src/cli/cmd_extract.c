/* cmd_extract.c — `quipu extract`: JSONL articles in, JSONL events out; no database, so it can
 * run as a mapper in a pipeline (Spark, Hadoop streaming, xargs -P). */
#include "cli.h"
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
    fputs("Usage: quipu extract [--lang auto|fr|en] [--date YYYY-MM-DD] [--all] [FILE|-]\n\n"
          "Reads articles as JSON Lines ({\"id\", \"url\", \"title\", \"source\", \"date\", \"lang\", \"text\"}; only\n"
          "\"text\" is required) from FILE or standard input and writes their events as JSON Lines on\n"
          "standard output, in the same format as `quipu events --format jsonl`. Nothing is stored.\n\n"
          "  --lang L    auto (default), fr or en\n"
          "  --date D    the date of articles that carry none\n"
          "  --all       also negated and hypothetical events\n\n"
          "A broken line is reported on stderr with its line number and skipped; exit status 3 then.\n"
          "Plain text is not JSON Lines: give text files to `quipu ingest`, or wrap them with\n"
          "`jq -Rs '{text: .}' article.txt | quipu extract`.\n"
          "Example: quipu extract < articles.jsonl > events.jsonl\n",
          out);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, 'l'}, {"date", required_argument, NULL, 't'},
        {"all", no_argument, NULL, 'a'},        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *lang = "auto", *date = NULL;
    int all = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:t:ah", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 't': date = optarg; break;
        case 'a': all = 1; break;
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
    const char *path = optind < argc ? argv[optind] : "-";
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!in) {
        cli_error("extract", "%s: cannot read: %s", path, strerror(errno));
        return QP_EXIT_FAILURE;
    }
    qp_pipeline pl = {0};
    char err[512] = "", warn[512] = "";
    int rc = QP_EXIT_OK;
    int r = qp_pipeline_load(&pl, lang, err, sizeof err, warn, sizeof warn);
    if (r) {
        cli_error("extract", "%s", err);
        rc = QP_EXIT_FAILURE;
        goto cleanup;
    }
    if (pl.langid == NULL && !strcmp(lang, "auto"))
        cli_error("extract", "warning: language identification unavailable; use --lang");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, hinted = 0;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)n, 0, &je);
        json_t *text = o ? json_object_get(o, "text") : NULL;
        if (!json_is_string(text)) {
            cli_error("extract", "%s:%d: skipped: %s", path, lineno, o ? "no \"text\" string" : je.text);
            if (!o && !hinted++ && line[strspn(line, " \t")] != '{')
                cli_error("extract", "%s reads as plain text: quipu extract takes JSON Lines, one article a line "
                                     "as {\"text\": \"…\"} (plain text files go to `quipu ingest`, or through "
                                     "`jq -Rs '{text: .}' FILE | quipu extract`)", path);
            json_decref(o);
            rc = QP_EXIT_PARTIAL;
            continue;
        }
        char where[64], idbuf[32];
        snprintf(where, sizeof where, "line %d", lineno);
        const char *id = json_string_value(json_object_get(o, "id"));
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "line-%d", lineno);
            id = idbuf;
        }
        const char *d = json_string_value(json_object_get(o, "date"));
        qp_article_meta m = {.name = id, .url = json_string_value(json_object_get(o, "url")),
                             .title = json_string_value(json_object_get(o, "title")),
                             .source = json_string_value(json_object_get(o, "source")),
                             .date = d ? d : date, .lang = json_string_value(json_object_get(o, "lang")),
                             .origin = where};
        char d10[11];
        if (m.date && strlen(m.date) > 10) {
            memcpy(d10, m.date, 10);
            d10[10] = '\0';
            m.date = d10;
        }
        qp_arena arena;
        qp_arena_init(&arena, 1 << 20);
        qp_document doc;
        char perr[256] = "";
        r = qp_pipeline_run(&pl, json_string_value(text), json_string_length(text), &m, &arena, &doc, perr,
                            sizeof perr);
        if (r) {
            cli_error("extract", "%s:%d: skipped: %s", path, lineno, perr[0] ? perr : qp_strerror(r));
            rc = QP_EXIT_PARTIAL;
        } else {
            for (size_t i = 0; i < doc.n_events; i++) {
                if (!all && (doc.events[i].flags & QP_EVENT_HIDDEN))
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
        json_decref(o);
    }
    free(line);
cleanup:
    qp_pipeline_destroy(&pl);
    if (in != stdin)
        fclose(in);
    return rc;
}
