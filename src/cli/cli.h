/* cli.h — the quipu subcommands (one src/cmd_*.c each) and what they share. */
#ifndef QP_CLI_H
#define QP_CLI_H

#include <stddef.h>
#include <stdio.h>

/* Exit codes, documented in `quipu --help` and the README. */
enum {
    QP_EXIT_OK = 0,        /* everything done */
    QP_EXIT_FAILURE = 1,   /* nothing done: a fatal error (database, output file) */
    QP_EXIT_USAGE = 2,     /* bad command line */
    QP_EXIT_PARTIAL = 3,   /* done, but some inputs were skipped (each named on stderr) */
};

/* Each returns a QP_EXIT_* code. argv[0] is the subcommand's name. */
int cmd_ingest(int argc, char **argv);
int cmd_documents(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_timex(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_reextract(int argc, char **argv);
int cmd_lexicon(int argc, char **argv);

/* Prints "quipu <cmd>: <message>" on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True when s is a YYYY-MM-DD date of the calendar (2017-02-30 is not). */
int cli_is_date(const char *s);
/* Parses --max-size MB (0 < MB <= 4096; "nan", "inf", "1e999" refused) into *bytes. Returns 0,
 * or QP_EXIT_USAGE after saying what is wrong. */
int cli_max_size(const char *cmd, const char *arg, size_t *bytes);
/* The database path: --db, else $QUIPU_DB, else "quipu.db". */
const char *cli_default_db(void);

#endif
