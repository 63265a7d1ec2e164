/* cmd_documents.c — `quipu documents`: what is stored. */
#include "cli.h"
#include "qp.h"
#include "store.h"
#include "textcell.h"

#include <getopt.h>
#include <jansson.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu documents [--db FILE] [--format table|jsonl]\n\n"
          "Lists the stored documents, oldest first: name, date, language, sentences, events,\n"
          "clutter lines removed, status and title.\n\n"
          "  --db FILE       database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --format F      table (default) or jsonl\n",
          out);
}

static int print_table(const qp_doc_info *d, void *ud)
{
    (void)ud;
    /* cells cut by display width, never inside a character (textcell.h) */
    qp_buf name, status, title;
    qp_buf_init(&name);
    qp_buf_init(&status);
    qp_buf_init(&title);
    int rc = qp_text_cell(&name, d->name, 28, 1) | qp_text_cell(&status, d->status, 10, 1) |
             qp_text_cell(&title, d->title ? d->title : "", 60, 0);
    if (!rc)
        printf("%s %-10s %-4s %5d %5d %5d  %s %s\n", name.data, d->published ? d->published : "-",
               d->lang ? d->lang : "-", d->sentences, d->events, d->clutter_lines, status.data,
               title.data ? title.data : "");
    qp_buf_destroy(&name);
    qp_buf_destroy(&status);
    qp_buf_destroy(&title);
    return rc ? QP_ENOMEM : 0;
}

static int print_jsonl(const qp_doc_info *d, void *ud)
{
    (void)ud;
    json_t *o = json_pack("{s:s, s:s*, s:s*, s:s*, s:s*, s:s*, s:s*, s:s, s:s, s:i, s:i, s:i, s:I}",
                          "doc", d->name, "url", d->url, "title", d->title, "source", d->source, "lang", d->lang,
                          "date", d->published, "status", d->status, "hash", d->hash, "ingested_at", d->ingested_at,
                          "sentences", d->sentences, "events", d->events, "clutter_lines", d->clutter_lines,
                          "bytes", (json_int_t)d->text_len);
    if (!o)
        return QP_ENOMEM;
    char *s = json_dumps(o, JSON_COMPACT);
    if (s)
        puts(s);
    free(s);
    json_decref(o);
    return 0;
}

int cmd_documents(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *format = "table";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'f': format = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (strcmp(format, "table") && strcmp(format, "jsonl")) {
        cli_error("documents", "--format takes table or jsonl, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    qp_store *s = NULL;
    int rc = QP_EXIT_OK;
    /* a reader must not leave an empty database behind a mistyped --db */
    if (access(db, F_OK) != 0) {
        cli_error("documents", "%s: no such database (quipu ingest creates it)", db);
        return QP_EXIT_FAILURE;
    }
    if (qp_store_open_read(&s, db)) {
        cli_error("documents", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    int table = !strcmp(format, "table");
    if (table)
        printf("%-28s %-10s %-4s %5s %5s %5s  %-10s %s\n", "DOCUMENT", "DATE", "LANG", "SENT", "EVENT", "CLUTR",
               "STATUS", "TITLE");
    if (qp_store_documents_each(s, table ? print_table : print_jsonl, NULL)) {
        cli_error("documents", "%s", qp_store_errmsg(s));
        rc = QP_EXIT_FAILURE;
    }
    qp_store_close(s);
    return rc;
}
