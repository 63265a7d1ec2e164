/* store.c — the SQLite store: opening, migrations, transactions, and the helpers its files share. */
#include "store_int.h"
#include "qp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int store_error(qp_store *s, int code, const char *what)
{
    const char *hint = "";
    if (code == QP_EBUSY)
        hint = " (another program is writing to it; try again when it has finished)";
    else if (code == QP_EFULL)
        hint = " (no space left on device)";
    else if (code == QP_ECORRUPT)
        hint = " (the database is damaged: nothing more is written to it; `sqlite3 FILE .recover` may save what it holds)";
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s: %s%s", s->path ? s->path : "(database)", what,
             s->db ? sqlite3_errmsg(s->db) : "cannot open", hint);
    return code;
}

int store_sqlite_code(int rc)
{
    rc &= 0xff;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return QP_EBUSY;
    if (rc == SQLITE_NOMEM)
        return QP_ENOMEM;
    /* the causes a user can act on, told apart: free some space, write elsewhere, recover */
    if (rc == SQLITE_FULL)
        return QP_EFULL;
    if (rc == SQLITE_READONLY)
        return QP_EREADONLY;
    if (rc == SQLITE_CORRUPT)
        return QP_ECORRUPT;
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

/* The tables every quipu database has, whatever its schema version: what tells a quipu database
 * from another SQLite file. */
static int has_quipu_tables(qp_store *s, int *yes)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                                "('documents', 'sentences', 'clutter', 'actors', 'places', 'events')",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return store_error(s, store_sqlite_code(rc), "not a quipu database (or corrupt)");
    }
    *yes = sqlite3_column_int(st, 0) == 6;
    sqlite3_finalize(st);
    return 0;
}

/* The number of tables of any kind: a file with none is a new database quipu may create its
 * tables in; one with tables that are not quipu's belongs to another program. */
static int count_tables(qp_store *s, int *n)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return store_error(s, store_sqlite_code(rc), "not a quipu database (or corrupt)");
    }
    *n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
}

/* PRAGMA quick_check: every page of every b-tree read and checked (not the indexes against
 * their tables, which integrity_check adds at many times the cost). A damaged page that a
 * writer never reads would otherwise go unnoticed while rows are added around it. */
static int check_pages(qp_store *s)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return store_error(s, store_sqlite_code(rc), "cannot check the database");
    }
    const char *res = (const char *)sqlite3_column_text(st, 0);
    int r = 0;
    if (!res || strcmp(res, "ok")) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 "%s: the database is damaged (quick_check: %.200s); nothing was written to it. "
                 "`sqlite3 %s .recover` may save what it holds",
                 s->path, res ? res : "no answer", s->path);
        r = QP_ECORRUPT;
    }
    sqlite3_finalize(st);
    return r;
}

/* Removes a database file this open created, with its journals: a database that could not be
 * set up (the disk was full) must not be left behind as an empty file. */
static void remove_created(const char *path)
{
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
    size_t n = strlen(path);
    char *p = malloc(n + 16);
    if (!p)
        return;
    for (size_t i = 0; i < QP_ARRAY_LEN(suffix); i++) {
        snprintf(p, n + 16, "%s%s", path, suffix[i]);
        unlink(p);
    }
    free(p);
}

/* Sets the message for a database quipu cannot write (err: EROFS for the medium) and returns
 * QP_EREADONLY. */
static int read_only_error(qp_store *s, int err)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s: read-only (%s): quipu cannot write to it; the commands "
             "that only read (events, documents, query, export, timeline) can",
             s->path, err == EROFS ? "a read-only file system" : "the file or its directory is write-protected");
    return QP_EREADONLY;
}

/* The directory of path, for the journals SQLite writes beside the database. */
static int dir_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return access(".", W_OK) == 0 ? 0 : errno;
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path) + (slash == path), path);
    return access(dir, W_OK) == 0 ? 0 : errno;
}

static int open_for_writing(qp_store *s, const char *path)
{
    /* a database on a read-only medium, or write-protected: said as such, not as an unreadable
     * file (in WAL mode SQLite cannot even read it there without its -shm) */
    int werr = access(path, F_OK) == 0 ? (access(path, W_OK) == 0 ? dir_writable(path) : errno) : 0;
    if (werr == EROFS || werr == EACCES || werr == EPERM)
        return read_only_error(s, werr);
    /* NOMUTEX: a store is used by one thread at a time, so SQLite need not lock the connection
     * on every call (6 % of the instructions of an ingest's writes) */
    /* URI: `quipu merge` attaches its inputs read-only as file:…?mode=ro */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                             NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot open");
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 0);
    int r, tables = 0, quipu = 0;
    if ((r = read_user_version(s, &(int){0})) || (r = count_tables(s, &tables)) ||
        (tables && (r = has_quipu_tables(s, &quipu))))
        return r;
    if (tables && !quipu) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: not a quipu database (an SQLite file of another program: "
                 "left as it is)", s->path);
        return QP_EDB;
    }
    /* SQLite opens a file it may not write read-only without a word; say so before any write */
    if (sqlite3_db_readonly(s->db, "main") == 1)
        return read_only_error(s, EACCES);
    if (tables && (r = check_pages(s)))
        return r;
    s->max_span = -1;
    /* WAL lets readers (queries, exports) run while an ingest writes */
    if ((r = store_exec(s, "PRAGMA journal_mode = WAL", "cannot switch to WAL")))
        return r;
    /* synchronous = NORMAL under WAL: a commit is atomic and survives a crash of quipu; only a
     * power cut can lose the last commits, never corrupt. temp_store = MEMORY keeps the
     * per-document savepoint journal in memory: on disk it was most of ingest's writes. */
    /* cache_size: 64 MB of pages (the default is 2 MB). Every event goes into six b-trees at
     * places far apart; past a few hundred thousand events the default cache made each insert
     * read its pages back from the file (bench_mkdb: 3,000 events/s at 1 M) */
    if ((r = store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; "
                           "PRAGMA cache_size = -65536;",
                  "cannot set pragmas")))
        return r;
    if ((r = migrate(s)))
        return r;
    s->schema = qp_store_schema_version();
    return 0;
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
    struct stat st;
    int existed = stat(path, &st) == 0;
    int r = open_for_writing(s, path);
    /* only a file still empty, and not when another quipu holds it (busy): two ingests may
     * create the same database at once, and the one that waits must not remove the other's */
    if (r && !existed && r != QP_EBUSY) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
        if (stat(path, &st) == 0 && st.st_size == 0)
            remove_created(path);
    }
    return r;
}

char *store_file_uri(const char *path, const char *query)
{
    size_t n = strlen(path);
    char *uri = sqlite3_malloc64(3 * n + strlen(query) + 16), *o = uri;
    if (!uri)
        return NULL;
    o += sprintf(o, "file:");
    for (const char *p = path; *p; p++)
        o += *p == '%' || *p == '?' || *p == '#' ? sprintf(o, "%%%02X", (unsigned char)*p) : sprintf(o, "%c", *p);
    sprintf(o, "?%s", query);
    return uri;
}

int qp_store_open_read(qp_store **out, const char *path)
{
    qp_store *s = *out = calloc(1, sizeof *s);
    if (!s)
        return QP_ENOMEM;
    s->path = strdup(path);
    if (!s->path) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", path, qp_strerror(QP_ENOMEM));
        return QP_ENOMEM;
    }
    if (access(path, F_OK) != 0) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: no such database (quipu ingest creates it)", path);
        return QP_ENOTFOUND;
    }
    /* READONLY: nothing is created, no table, no journal mode changed, whatever the file is */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot open");
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 0);
    int version = 0, quipu = 0;
    rc = read_user_version(s, &version);
    if (rc && (sqlite3_errcode(s->db) & 0xff) == SQLITE_CANTOPEN) {
        /* a WAL database on a read-only medium: its -shm cannot be made there. Nobody can write
         * the file either, so SQLite may read it as immutable, with no locks and no -shm. */
        sqlite3_close_v2(s->db);
        s->db = NULL;
        char *uri = store_file_uri(path, "immutable=1");
        if (!uri)
            return QP_ENOMEM;
        rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
        sqlite3_free(uri);
        if (rc != SQLITE_OK)
            return store_error(s, store_sqlite_code(rc), "cannot open");
        rc = read_user_version(s, &version);
    }
    if (rc)
        return rc;
    if ((rc = has_quipu_tables(s, &quipu)))
        return rc;
    if (!quipu || version < 1) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: not a quipu database (left as it is)", s->path);
        return QP_EDB;
    }
    if (version > qp_store_schema_version()) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 "%s: written by a newer quipu (schema version %d; this quipu knows up to %d); "
                 "upgrade quipu to read it",
                 s->path, version, qp_store_schema_version());
        return QP_EDBVERSION;
    }
    /* an older schema is read as it is (the reads fall back to what it has: no day columns, no
     * indexes before 003); `quipu ingest` migrates it */
    s->schema = version;
    s->max_span = -1;
    return 0;
}

int qp_store_in_transaction(const qp_store *s)
{
    return s && s->db && !sqlite3_get_autocommit(s->db);
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
    free(s->extractor);
    free(s->extractor_names[0]);
    free(s->extractor_names[1]);
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
