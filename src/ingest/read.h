/* read.h — articles from paths: text files, JSON Lines, directories, standard input. */
#ifndef QP_READ_H
#define QP_READ_H

#include <stddef.h>
#include <stdio.h>

/* What is known of an article as read; NULL fields are unknown. */
typedef struct qp_article_meta {
    const char *name, *url, *title, *source, *date, *lang;
    const char *origin;     /* "file.jsonl:12" for messages */
    int line;               /* the line of a JSON Lines input (from 1), 0 otherwise */
} qp_article_meta;

/* Called for each article read: raw bytes (not NUL-terminated, not yet cleaned) and what is
 * known of it; both live during the call only. A non-zero return stops the reading and is
 * returned by the qp_read_* function (keep it for fatal errors: a failing store). */
typedef int (*qp_article_fn)(void *ud, const char *raw, size_t len, const qp_article_meta *meta);

/* Inputs that gave no article, counted by kind. `read` and `bytes` count these inputs too. */
typedef struct qp_read_counts {
    size_t read, bytes, skipped, empty, too_big, bad_json, unreadable;
} qp_read_counts;

typedef struct qp_reader {
    qp_article_fn fn;
    void *ud;
    size_t max_bytes;       /* largest article accepted (a longer JSON line is refused) */
    int verbose;            /* also say which files are passed over */
    FILE *log;              /* where problems are named: "<who>: <path>: skipped: <why>" */
    const char *who;        /* "quipu ingest" */
    qp_read_counts counts;  /* what gave no article */
} qp_reader;

/* Prepares a reader that hands each article to fn(ud, …); problems go to stderr. */
void qp_reader_init(qp_reader *r, const char *who, size_t max_bytes, qp_article_fn fn, void *ud);

/* Reads a file, a directory (recursively, in name order: *.txt, *.text, *.jsonl, *.ndjson,
 * *.json and names without an extension) or "-" (standard input: JSON Lines when it starts
 * with '{', else one article). A plain-text file is one article named after the file, dated
 * by a name like 2017-11-03_x.txt. Inputs that cannot be read are named on r->log, counted in
 * r->counts and passed over. Returns 0, QP_ENOMEM, or the first non-zero value of fn. */
int qp_read_path(qp_reader *r, const char *path);

/* Reads JSON Lines from f (origin names it in messages): one article a line, {"id", "url",
 * "title", "source", "date", "lang", "text"}, all but "text" optional; blank lines are
 * passed over. A line over r->max_bytes is named and skipped without being kept in memory
 * (read on to its end; on an input that is not a regular file, such as a pipe or /dev/zero,
 * at most 1 GiB further, after which the rest of the input is given up, said so). Returns
 * like qp_read_path; QP_ENOMEM when memory ran out reading a line (named on the log). */
int qp_read_jsonl(qp_reader *r, FILE *f, const char *origin);

/* Called with each line that is not blank (without its newline, a leading BOM, CR or indent),
 * from 1; a non-zero return stops the reading and is returned. */
typedef int (*qp_line_fn)(void *ud, const char *line, size_t len, int lineno);
/* The line loop of qp_read_jsonl, for other line formats (`quipu ingest --events`): the same
 * limit (r->max_bytes, a longer line named, counted and skipped without being kept), the same
 * messages. Returns 0, QP_ENOMEM, or fn's first non-zero value. */
int qp_read_lines(qp_reader *r, FILE *f, const char *origin, qp_line_fn fn, void *ud);

/* 1 when s is a YYYY-MM-DD date of the calendar (2016-02-29 is, 2017-02-30 is not), else 0. */
int qp_read_valid_date(const char *s);

#endif
