/* cmd_timeline.c — `quipu timeline`: a chronological briefing or a timeline of the stored events. */
#include "cli.h"
#include "cli_filter.h"
#include "cli_progress.h"
#include "qp.h"
#include "store.h"
#include "timeline.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu timeline [--db FILE] [--format md|html|json|csv|jsonl] [--lang en|fr]\n"
          "                      [--since D] [--until D] [--actor X] [--action A] [--place P]\n"
          "                      [--country C] [--min-confidence X] [--title T] [--key N] -o FILE\n\n"
          "Writes what happened, in time order, from the stored events.\n\n"
          "  md, html  a briefing: title with scope and period, key developments (the most-reported\n"
          "            events), one section per day, oldest first, each event a sentence with numbered\n"
          "            source notes (events several articles report are merged into one line), undated\n"
          "            events apart (no date is invented), the blocs of the period, the sources.\n"
          "            html is one self-contained page (no network) with a timeline strip and a\n"
          "            picture of the alliance graph.\n"
          "  json      Knight Lab TimelineJS (undated events cannot be placed and are left out)\n"
          "  csv,jsonl one row per event, for spreadsheets and scripts\n\n"
          "  --db FILE      database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --format F     md (default), html, json, csv, jsonl; guessed from -o's extension when absent\n"
          "  --lang L       language of the sentences and headings: en (default) or fr\n"
          "  --since D, --until D, --actor X, --action A, --place P, --country C, --min-confidence X\n"
          "                 the events told, as `quipu events` takes them (names in either\n"
          "                 language, partial dates: --since 2013-08)\n"
          "  --title T      the title (default: made from the scope and period)\n"
          "  --key N        how many key developments to put first (default 5; 0 for 5)\n"
          "  --no-blocs     leave out the blocs (faster on large databases)\n"
          "  -o FILE        output file, written whole or not at all; - for standard output\n\n"
          "Examples:\n"
          "  quipu timeline --lang fr -o briefing.md\n"
          "  quipu timeline --format html --actor RUS --since 2017-11-01 --until 2017-11-30 -o russia.html\n"
          "  quipu timeline --format json -o timeline.json   # open with TimelineJS\n",
          out);
}

static int format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return QP_EINVAL;
    return qp_timeline_format_parse(dot + 1);
}

int cmd_timeline(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},     {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},   {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},  {"actor", required_argument, NULL, 'a'},
        {"place", required_argument, NULL, 'p'},  {"title", required_argument, NULL, 't'},
        {"action", required_argument, NULL, 'A'}, {"country", required_argument, NULL, 'c'},
        {"min-confidence", required_argument, NULL, 'C'},
        {"key", required_argument, NULL, 'k'},    {"no-blocs", no_argument, NULL, 'B'},
        {"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *format = NULL, *out = NULL;
    qp_timeline_opts o = {.lang = QP_LANG_EN};
    cli_filter cf = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:f:l:s:u:a:p:t:A:c:C:k:Bo:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'f': format = optarg; break;
        case 'l':
            if (!strcmp(optarg, "en"))
                o.lang = QP_LANG_EN;
            else if (!strcmp(optarg, "fr"))
                o.lang = QP_LANG_FR;
            else {
                cli_error("timeline", "--lang takes en or fr, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            break;
        case 's': cf.since = optarg; break;
        case 'u': cf.until = optarg; break;
        case 'a': cf.actor = optarg; break;
        case 'p': cf.place = optarg; break;
        case 'A': cf.action = optarg; break;
        case 'c': cf.country = optarg; break;
        case 'C': cf.min_confidence = optarg; break;
        case 't': o.title = optarg; break;
        case 'k': {
            char *end;
            long k = strtol(optarg, &end, 10);
            if (*end || k < 0 || k > 1000) {
                cli_error("timeline", "--key takes a number from 0 to 1000, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            o.key_developments = (size_t)k;
            break;
        }
        case 'B': o.no_sides = 1; break;
        case 'o': out = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("timeline", "unexpected argument '%s' (the output file is given with -o)", argv[optind]);
        return QP_EXIT_USAGE;
    }
    if (!out) {
        cli_error("timeline", "no output file: give -o FILE (or -o - for standard output)");
        return QP_EXIT_USAGE;
    }
    int fmt = format ? qp_timeline_format_parse(format) : format_from_path(out);
    if (fmt < 0 && !format)
        fmt = QP_TIMELINE_MD;
    if (fmt < 0) {
        cli_error("timeline", "--format takes md, html, json, csv or jsonl, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    o.format = (qp_timeline_format)fmt;
    if (access(db, F_OK) != 0) {
        cli_error("timeline", "no database at %s (run `quipu ingest` first, or give --db)", db);
        return QP_EXIT_FAILURE;
    }
    qp_store *s = NULL;
    if (qp_store_open_read(&s, db)) {
        cli_error("timeline", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    int ex = cli_filter_resolve("timeline", s, &cf);
    if (ex) {
        qp_store_close(s);
        return ex;
    }
    o.since = cf.f.since;
    o.until = cf.f.until;
    o.actor = cf.f.actor;
    o.place = cf.f.place;
    o.filter = &cf.f;
    o.progress = cli_progress_cb;
    cli_progress_begin("timeline", strcmp(out, "-") != 0);
    char err[600];
    int rc = qp_timeline_write(s, &o, out, err, sizeof err);
    cli_progress_end();
    qp_store_close(s);
    if (rc) {
        cli_error("timeline", "%s", err);
        return QP_EXIT_FAILURE;
    }
    return QP_EXIT_OK;
}
