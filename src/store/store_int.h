/* store_int.h — what the store's files share: the connection, its cached statements, helpers.
 * Internal to src/store/: the sqlite3 handle never leaves this folder. */
#ifndef QP_STORE_INT_H
#define QP_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct qp_idset;

struct qp_store {
    sqlite3 *db;
    char *path;
    char errmsg[512];        /* the last error, in words, naming the file */
    sqlite3_stmt *cache[32]; /* statements of the write path, prepared once per open */
    /* actor and place ids written in the current transaction, so that each is written once
     * per transaction and not once per event; forgotten on begin, rollback and error */
    struct qp_idset *actors_written, *places_written;
    int schema;              /* the schema version of the file (readers read older ones as they are) */
    char *extractor;         /* qp_store_set_extractor's version, or NULL */
    int64_t extractor_ids[2];/* row ids in extractors of the last two versions written, 0 unknown;
                              * forgotten with the ids above (a rollback may undo the row) */
    char *extractor_names[2];
    int64_t max_span;        /* store_meta's max_span_days as last read or written; -1 unknown */
};

/* Days since 1970-01-01 of a date that starts with YYYY-MM-DD, into *days: 1, or 0 when s is
 * NULL or not such a date. */
int store_days(const char *s, int64_t *days);

/* Sets s->errmsg to "<path>: <what>: <SQLite's message>" and returns code. */
int store_error(qp_store *s, int code, const char *what);
/* QP_EBUSY, QP_ENOMEM or QP_EDB for an SQLite result code. */
int store_sqlite_code(int rc);
/* Runs sql; 0 or an error with errmsg set. */
int store_exec(qp_store *s, const char *sql, const char *what);
/* "file:PATH?QUERY" ("immutable=1", "mode=ro"), the characters a URI gives a meaning to (% ? #)
 * escaped in PATH; NULL when out of memory, else sqlite3_free it. */
char *store_file_uri(const char *path, const char *query);
/* The statement of cache slot, prepared on first use and reset; NULL on error (errmsg set). */
sqlite3_stmt *store_cached(qp_store *s, size_t slot, const char *sql);
/* Runs a cached statement that takes no parameters. */
int store_run_cached(qp_store *s, size_t slot, const char *sql, const char *what);
/* Binds a string, or NULL when v is NULL. */
void store_bind_str(sqlite3_stmt *st, int i, const char *v);
/* Steps a statement that returns no row, then resets it; 0 or an error with errmsg set. */
int store_step_done(qp_store *s, sqlite3_stmt *st, const char *what);
/* Column i of the current row as text, or NULL. */
const char *store_col(sqlite3_stmt *st, int i);

/* The ids written in this transaction are forgotten (it may be undone); freed on close. */
void store_forget_written(qp_store *s);
void store_idset_free(struct qp_idset *set);

#endif
