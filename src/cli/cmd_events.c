/* cmd_events.c — `quipu events`: the stored events, filtered, as a table, JSONL, CSV or PLOVER JSON. */
#include "cli.h"
#include "cli_filter.h"
#include "cli_progress.h"
#include "event_json.h"
#include "eventrow.h"
#include "phrase.h"
#include "qp.h"
#include "store.h"
#include "textcell.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu events [--db FILE] [--actor X] [--action A] [--mode M] [--place P] [--country C]\n"
          "                    [--since D] [--until D] [--min-confidence X] [--doc NAME] [--all]\n"
          "                    [--format table|jsonl|csv|plover]\n\n"
          "Lists the events extracted from the stored articles, in time order. A name that matches\n"
          "nothing is refused with the names it may have meant (exit 2).\n\n"
          "  --db FILE         database (default: $QUIPU_DB or ./quipu.db)\n" CLI_FILTER_HELP
          "  --doc NAME        events of one document\n"
          "  --all             also negated and hypothetical events (hidden by default)\n"
          "  --format F        table (default), jsonl (quipu's event objects: see README), csv (one\n"
          "                    row per event, the columns of README's \"One CSV layout\"), plover\n"
          "                    (PLOVER's own JSON records, one a line)\n\n"
          "Examples:\n"
          "  quipu events --actor Russia --action ASSAULT --since 2015-09\n"
          "  quipu events --country Syrie --mode aerial --format csv > strikes.csv\n"
          "  quipu events --place Damas --since 2013-08 --until 2013-08 --format plover\n",
          out);
}

typedef struct out_ctx {
    qp_row_docs *docs;
    qp_buf line, summary;
    int format;               /* 0 table, 1 jsonl, 2 csv, 3 plover */
    int width;                /* the evidence column of the table */
    size_t rows;
    int err;
} out_ctx;

/* ---- rows ---- */

static int flush_line(out_ctx *c)
{
    if (c->line.len && fwrite(c->line.data, 1, c->line.len, stdout) != c->line.len)
        return c->err = QP_EIO;
    qp_buf_clear(&c->line);
    return 0;
}

static int on_event(const qp_event *e, void *ud)
{
    out_ctx *c = ud;
    c->rows++;
    int rc = 0;
    if (c->format == 1) {
        json_t *o = qp_event_to_json(e);
        /* ten significant digits: 0.85 as written, not 0.84999999999999998 */
        char *s = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
        json_decref(o);
        if (!s)
            return c->err = QP_ENOMEM;
        rc = qp_buf_puts(&c->line, s) || qp_buf_putc(&c->line, '\n');
        free(s);
    } else if (c->format == 0) {
        char date[11];
        snprintf(date, sizeof date, "%s", e->time.start ? e->time.start : "-");
        rc |= qp_text_cell(&c->line, date, 10, 1);
        rc |= qp_buf_putc(&c->line, ' ');
        rc |= qp_text_cell(&c->line, e->actor1.label ? e->actor1.label : e->actor1.text, 22, 1);
        rc |= qp_buf_putc(&c->line, ' ');
        rc |= qp_text_cell(&c->line, e->action, 10, 1);
        rc |= qp_buf_putc(&c->line, ' ');
        rc |= qp_text_cell(&c->line, e->actor2.label ? e->actor2.label : e->actor2.text, 22, 1);
        rc |= qp_buf_putc(&c->line, ' ');
        rc |= qp_text_cell(&c->line, e->place.label ? e->place.label : e->place.text, 18, 1);
        rc |= qp_buf_putc(&c->line, ' ');
        rc |= qp_text_cell(&c->line, e->evidence_text ? e->evidence_text : "", c->width, 0);
        rc |= qp_buf_putc(&c->line, '\n');
    } else {
        qp_row_doc d;
        if ((rc = qp_row_docs_get(c->docs, e->doc, &d)))
            return c->err = rc;
        if (c->format == 2) {
            qp_buf_clear(&c->summary);
            rc = qp_phrase_event(&c->summary, e, QP_LANG_EN) ||
                 qp_row_csv(&c->line, e, &d, QP_LANG_EN, c->summary.data, NULL);
        } else {
            rc = qp_row_plover(&c->line, e, &d);
        }
    }
    if (rc)
        return c->err = QP_ENOMEM;
    return c->line.len >= 1 << 16 ? flush_line(c) : 0;
}

int cmd_events(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},      {"actor", required_argument, NULL, 'a'},
        {"action", required_argument, NULL, 'A'},  {"place", required_argument, NULL, 'p'},
        {"country", required_argument, NULL, 'c'}, {"mode", required_argument, NULL, 'm'},
        {"since", required_argument, NULL, 's'},   {"until", required_argument, NULL, 'u'},
        {"min-confidence", required_argument, NULL, 'C'},
        {"doc", required_argument, NULL, 'D'},     {"all", no_argument, NULL, 'x'},
        {"format", required_argument, NULL, 'f'},  {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *format = "table";
    cli_filter cf = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:a:A:p:c:m:s:u:C:D:xf:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'a': cf.actor = optarg; break;
        case 'A': cf.action = optarg; break;
        case 'p': cf.place = optarg; break;
        case 'c': cf.country = optarg; break;
        case 'm': cf.mode = optarg; break;
        case 's': cf.since = optarg; break;
        case 'u': cf.until = optarg; break;
        case 'C': cf.min_confidence = optarg; break;
        case 'D': cf.doc = optarg; break;
        case 'x': cf.include_hidden = 1; break;
        case 'f': format = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_error("events", "unexpected argument '%s' (see `quipu events --help`)", argv[optind]);
        return QP_EXIT_USAGE;
    }
    out_ctx ctx = {.width = 60};
    static const char *const formats[] = {"table", "jsonl", "csv", "plover"};
    ctx.format = -1;
    for (int i = 0; i < 4; i++)
        if (!strcmp(format, formats[i]))
            ctx.format = i;
    if (ctx.format < 0) {
        cli_error("events", "--format takes table, jsonl, csv or plover, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    /* a reader must not leave an empty database behind a mistyped --db */
    if (access(db, F_OK) != 0) {
        cli_error("events", "%s: no such database (quipu ingest creates it)", db);
        return QP_EXIT_FAILURE;
    }
    qp_store *s = NULL;
    if (qp_store_open_read(&s, db)) {
        cli_error("events", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    int ex = cli_filter_resolve("events", s, &cf);
    if (ex) {
        qp_store_close(s);
        return ex;
    }
    qp_buf_init(&ctx.line);
    qp_buf_init(&ctx.summary);
    if (ctx.format >= 2 && qp_row_docs_open(&ctx.docs, s)) {
        cli_error("events", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    if (ctx.format == 2)
        ctx.err = qp_row_csv_header(&ctx.line);
    if (ctx.format == 0)
        printf("%-10s %-22s %-10s %-22s %-18s %s\n", "DATE", "ACTOR", "ACTION", "RECIPIENT", "PLACE", "EVIDENCE");
    /* rows go out as they come: on a terminal they are the progress */
    cli_progress_begin("events", 0);
    cli_progress_stage("reading the events");
    int rc = ctx.err ? ctx.err : qp_store_events_each(s, &cf.f, on_event, &ctx);
    if (!rc)
        rc = flush_line(&ctx);
    cli_progress_end();
    if (rc) {
        cli_error("events", "%s", rc == QP_EDB || rc == QP_EBUSY ? qp_store_errmsg(s) : qp_strerror(rc));
        ex = QP_EXIT_FAILURE;
    } else if (!ctx.rows && ctx.format == 0) {
        fprintf(stderr, "(no event matches)\n");
    }
    fflush(stdout);
    qp_row_docs_close(ctx.docs);
    qp_buf_destroy(&ctx.line);
    qp_buf_destroy(&ctx.summary);
    qp_store_close(s);
    return ex;
}
