/* store.c — the SQLite store: opening, migrations, transactions, and the helpers its files share. */
#include "store_int.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_error(qp_store *s, int code, const char *what)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s: %s%s", s->path ? s->path : "(database)", what,
             s->db ? sqlite3_errmsg(s->db) : "cannot open",
             code == QP_EBUSY ? " (another program is writing to it; try again when it has finished)" : "");
    return code;
}

int store_sqlite_code(int rc)
{
    rc &= 0xff;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return QP_EBUSY;
    if (rc == SQLITE_NOMEM)
        return QP_ENOMEM;
    return QP_EDB;
}

int store_exec(qp_store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : store_error(s, store_sqlite_code(rc), what);
}

/* The statement of slot, prepared on first use and kept until qp_store_close: ingest writes
 * thousands of rows per second through the same few statements. NULL on error (errmsg set). */
sqlite3_stmt *store_cached(qp_store *s, size_t slot, const char *sql)
{
    if (!s->cache[slot]) {
        int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->cache[slot], NULL);
        if (rc != SQLITE_OK) {
            store_error(s, store_sqlite_code(rc), "cannot prepare");
            s->cache[slot] = NULL;
            return NULL;
        }
    }
    sqlite3_reset(s->cache[slot]);
    sqlite3_clear_bindings(s->cache[slot]);
    return s->cache[slot];
}

int qp_store_schema_version(void)
{
    return qp_migrations_count ? qp_migrations[qp_migrations_count - 1].version : 0;
}

static int read_user_version(qp_store *s, int *version)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return store_error(s, store_sqlite_code(rc), "not a quipu database (or corrupt)");
    }
    *version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
}

static int migrate(qp_store *s)
{
    int version, r = read_user_version(s, &version);
    if (r)
        return r;
    int latest = qp_store_schema_version();
    if (version > latest) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 "%s: written by a newer quipu (schema version %d; this quipu knows up to %d); "
                 "upgrade quipu to read it",
                 s->path, version, latest);
        return QP_EDBVERSION;
    }
    if (version == latest)
        return 0;
    /* BEGIN IMMEDIATE: two quipus opening a fresh database must not both migrate it */
    if ((r = store_exec(s, "BEGIN IMMEDIATE", "cannot start the migration")))
        return r;
    if ((r = read_user_version(s, &version)))
        goto fail;
    for (size_t i = 0; i < qp_migrations_count; i++) {
        if (qp_migrations[i].version <= version)
            continue;
        if ((r = store_exec(s, qp_migrations[i].sql, qp_migrations[i].name)))
            goto fail;
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", qp_migrations[i].version);
        if ((r = store_exec(s, sql, "cannot record the schema version")))
            goto fail;
    }
    if ((r = store_exec(s, "COMMIT", "cannot commit the migration")))
        goto fail;
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

int qp_store_open(qp_store **out, const char *path)
{
    qp_store *s = *out = calloc(1, sizeof *s);
    if (!s)
        return QP_ENOMEM;
    s->path = strdup(path);
    if (!s->path) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", path, qp_strerror(QP_ENOMEM));
        return QP_ENOMEM;
    }
    /* NOMUTEX: a store is used by one thread at a time, so SQLite need not lock the connection
     * on every call (6 % of the instructions of an ingest's writes) */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot open");
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 0);
    int r;
    if ((r = read_user_version(s, &(int){0})))
        return r;
    /* WAL lets readers (queries, exports) run while an ingest writes */
    if ((r = store_exec(s, "PRAGMA journal_mode = WAL", "cannot switch to WAL")))
        return r;
    /* synchronous = NORMAL under WAL: a commit is atomic and survives a crash of quipu; only a
     * power cut can lose the last commits, never corrupt. temp_store = MEMORY keeps the
     * per-document savepoint journal in memory: on disk it was most of ingest's writes. */
    if ((r = store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;",
                  "cannot set pragmas")))
        return r;
    return migrate(s);
}

void qp_store_close(qp_store *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < QP_ARRAY_LEN(s->cache); i++)
        sqlite3_finalize(s->cache[i]);
    memset(s->cache, 0, sizeof s->cache);
    store_idset_free(s->actors_written);
    store_idset_free(s->places_written);
    s->actors_written = s->places_written = NULL;
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

int qp_store_begin(qp_store *s)
{
    store_forget_written(s);
    return store_exec(s, "BEGIN IMMEDIATE", "cannot start a transaction");
}

int qp_store_commit(qp_store *s)
{
    int r = store_exec(s, "COMMIT", "cannot commit");
    if (r)
        store_forget_written(s);
    return r;
}

void qp_store_rollback(qp_store *s)
{
    store_forget_written(s);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Binds a string or NULL. */
void store_bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

int store_step_done(qp_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : store_error(s, store_sqlite_code(rc), what);
}

/* Runs one of the cached statements that take no parameters. */
int store_run_cached(qp_store *s, size_t slot, const char *sql, const char *what)
{
    sqlite3_stmt *st = store_cached(s, slot, sql);
    if (!st)
        return QP_EDB;
    return store_step_done(s, st, what);
}

int qp_store_savepoint(qp_store *s)
{
    return store_run_cached(s, 8, "SAVEPOINT doc", "cannot start a savepoint");
}

int qp_store_release(qp_store *s)
{
    return store_run_cached(s, 9, "RELEASE doc", "cannot release a savepoint");
}

int qp_store_rollback_to(qp_store *s)
{
    store_forget_written(s);
    int r = store_run_cached(s, 10, "ROLLBACK TO doc", "cannot roll back to a savepoint");
    int r2 = qp_store_release(s);
    return r ? r : r2;
}

const char *store_col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

const char *qp_store_errmsg(const qp_store *s)
{
    return s ? s->errmsg : "out of memory";
}

const char *qp_store_path(const qp_store *s)
{
    return s ? s->path : NULL;
}
