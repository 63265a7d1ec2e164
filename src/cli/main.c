/* main.c — `quipu` dispatches to its subcommands. */
#include "cli.h"
#include "lexicon.h"
#include "qp.h"
#include "read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"ingest", cmd_ingest, "read articles, extract events, store them"},
    {"reextract", cmd_reextract, "extract the stored documents again (after a lexicon or model update)"},
    {"merge", cmd_merge, "fold shard databases into one"},
    {"documents", cmd_documents, "list the stored documents"},
    {"events", cmd_events, "list the stored events, filtered (table, JSONL, CSV or PLOVER JSON)"},
    {"extract", cmd_extract, "JSONL articles in, JSONL events out, no database"},
    {"timex", cmd_timex, "find and normalise time expressions (TIMEX3)"},
    {"parse", cmd_parse, "tag and parse sentences into Universal Dependencies (CoNLL-U)"},
    {"query", cmd_query, "ask the graph: backers, backed-by, enemies, allies, sides, path, why, actors"},
    {"export", cmd_export, "write the graph (GraphML, GEXF) or the events as points (GeoJSON)"},
    {"timeline", cmd_timeline, "write a briefing (Markdown, HTML) or a timeline (TimelineJS, CSV, JSONL)"},
    {"gazetteer", cmd_gazetteer, "build or extend the place gazetteer from GeoNames"},
    {"demo", cmd_demo, "ingest the bundled examples and write a graph and a briefing"},
    {"lexicon", cmd_lexicon, "check a lexicon overlay folder, look up what a name resolves to"},
};

static void usage(FILE *out)
{
    fprintf(out,
            "quipu %s — news articles into a knowledge graph and a timeline\n\n"
            "Usage: quipu COMMAND [OPTIONS] [ARGS]\n\nCommands:\n",
            QP_VERSION);
    for (size_t i = 0; i < QP_ARRAY_LEN(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n`quipu COMMAND --help` tells more about each.\n\n"
            "Exit status: 0 done; 1 failed (nothing done); 2 bad command line;\n"
            "3 done, but some inputs were skipped (each is named on stderr).\n"
            "The database is --db FILE, else $QUIPU_DB, else ./quipu.db.\n"
            "--lexicon DIR, with any command (repeatable), lays a folder of lexicon files over the\n"
            "built-in lexicons, else $QUIPU_LEXICON (folders separated by ':'); see lexicon/README.md.\n");
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "quipu %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_is_date(const char *s)
{
    return qp_read_valid_date(s);
}

int cli_max_size(const char *cmd, const char *arg, size_t *bytes)
{
    char *end;
    errno = 0;
    double mb = strtod(arg, &end);
    /* written so that NaN fails it: "nan" compares false with everything, and once let any
     * size through */
    if (end == arg || *end || errno || !(mb > 0 && mb <= 4096)) {
        cli_error(cmd, "--max-size takes a number of megabytes (0 < MB <= 4096), not '%s'", arg);
        return QP_EXIT_USAGE;
    }
    *bytes = (size_t)(mb * 1024 * 1024);
    if (!*bytes)
        *bytes = 1;
    return 0;
}

const char *cli_default_db(void)
{
    const char *env = getenv("QUIPU_DB");
    return env && *env ? env : "quipu.db";
}

/* --lexicon DIR or --lexicon=DIR, anywhere before a lone "--": a folder of lexicon files laid
 * over the built-in ones, for every command that loads lexicons. Taken out of argv. Returns
 * 0, or QP_EXIT_USAGE after saying what is wrong. */
static int take_lexicon_options(int *argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *dir = NULL;
        if (!strcmp(argv[i], "--")) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (!strcmp(argv[i], "--lexicon")) {
            if (i + 1 >= *argc) {
                fprintf(stderr, "quipu: --lexicon needs a folder\n");
                return QP_EXIT_USAGE;
            }
            dir = argv[++i];
        } else if (!strncmp(argv[i], "--lexicon=", 10)) {
            dir = argv[i] + 10;
        } else {
            argv[out++] = argv[i];
            continue;
        }
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "quipu: --lexicon %s: no such folder\n", dir);
            return QP_EXIT_USAGE;
        }
        if (qp_lexicon_add_overlay(dir)) {
            fprintf(stderr, "quipu: --lexicon %s: %s\n", dir, qp_strerror(QP_ENOMEM));
            return QP_EXIT_USAGE;
        }
    }
    argv[out] = NULL;
    *argc = out;
    return 0;
}

int main(int argc, char **argv)
{
    if (take_lexicon_options(&argc, argv))
        return QP_EXIT_USAGE;
    if (argc < 2) {
        usage(stderr);
        return QP_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return QP_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("quipu %s\n", QP_VERSION);
        return QP_EXIT_OK;
    }
    for (size_t i = 0; i < QP_ARRAY_LEN(commands); i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "quipu: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return QP_EXIT_USAGE;
}
