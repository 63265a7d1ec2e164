/* store.c — SQLite store: opening, migrations, writes of documents and events, reads. */
#include "store.h"
#include "arena.h"
#include "fold.h"
#include "lexicon.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int set_error(qp_store *s, int code, const char *what)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s: %s%s", s->path ? s->path : "(database)", what,
             s->db ? sqlite3_errmsg(s->db) : "cannot open",
             code == QP_EBUSY ? " (another program is writing to it; try again when it has finished)" : "");
    return code;
}

static int sqlite_code(int rc)
{
    rc &= 0xff;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return QP_EBUSY;
    if (rc == SQLITE_NOMEM)
        return QP_ENOMEM;
    return QP_EDB;
}

static int exec(qp_store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : set_error(s, sqlite_code(rc), what);
}

/* The statement of slot, prepared on first use and kept until qp_store_close: ingest writes
 * thousands of rows per second through the same few statements. NULL on error (errmsg set). */
static sqlite3_stmt *cached(qp_store *s, size_t slot, const char *sql)
{
    if (!s->cache[slot]) {
        int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->cache[slot], NULL);
        if (rc != SQLITE_OK) {
            set_error(s, sqlite_code(rc), "cannot prepare");
            s->cache[slot] = NULL;
            return NULL;
        }
    }
    sqlite3_reset(s->cache[slot]);
    sqlite3_clear_bindings(s->cache[slot]);
    return s->cache[slot];
}

/* The ids (actors, places) written in the current transaction, each with what is known of its
 * row: it exists (ID_ROW), and for an actor, it holds a label and kind of its own (ID_SETTLED),
 * which the upsert of put_actor never changes again. Open addressing; keys copied into an
 * arena. An optimisation only: an id that cannot be recorded is written again next time. */
enum { ID_ROW = 1, ID_SETTLED = 2 };

typedef struct qp_idset_slot {
    const char *id; /* NULL: empty */
    uint32_t hash;
    unsigned flags;
} qp_idset_slot;

struct qp_idset {
    qp_idset_slot *slots;
    size_t cap, n; /* cap: 0 or a power of two */
    qp_arena keys;
};

static uint32_t id_hash(const char *id)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* The slot of id, or the empty slot where it would go; set->cap > 0. */
static qp_idset_slot *idset_slot(const struct qp_idset *set, const char *id, uint32_t h)
{
    size_t mask = set->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        qp_idset_slot *e = &set->slots[i];
        if (!e->id || (e->hash == h && !strcmp(e->id, id)))
            return e;
    }
}

static unsigned idset_flags(const struct qp_idset *set, const char *id)
{
    if (!set || !set->n)
        return 0;
    return idset_slot(set, id, id_hash(id))->flags;
}

static int idset_grow(struct qp_idset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 256;
    qp_idset_slot *old = set->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return QP_ENOMEM;
    size_t oldcap = set->cap;
    set->slots = slots;
    set->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].id)
            *idset_slot(set, old[i].id, old[i].hash) = old[i];
    free(old);
    return 0;
}

/* Adds flags to id's; on allocation failure records nothing. */
static void idset_mark(struct qp_idset **pset, const char *id, unsigned flags)
{
    struct qp_idset *set = *pset;
    if (!set) {
        if (!(set = calloc(1, sizeof *set)))
            return;
        qp_arena_init(&set->keys, 4096);
        *pset = set;
    }
    if ((set->n + 1) * 2 > set->cap && idset_grow(set))
        return;
    uint32_t h = id_hash(id);
    qp_idset_slot *e = idset_slot(set, id, h);
    if (!e->id) {
        char *copy = qp_arena_strdup(&set->keys, id);
        if (!copy)
            return;
        *e = (qp_idset_slot){copy, h, 0};
        set->n++;
    }
    e->flags |= flags;
}

static void idset_clear(struct qp_idset *set)
{
    if (!set || !set->n)
        return;
    memset(set->slots, 0, set->cap * sizeof *set->slots);
    set->n = 0;
    qp_arena_reset(&set->keys);
}

static void idset_free(struct qp_idset *set)
{
    if (!set)
        return;
    free(set->slots);
    qp_arena_destroy(&set->keys);
    free(set);
}

/* What this transaction wrote may be undone: forget it. */
static void forget_written(qp_store *s)
{
    idset_clear(s->actors_written);
    idset_clear(s->places_written);
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
        return set_error(s, sqlite_code(rc), "not a quipu database (or corrupt)");
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
    if ((r = exec(s, "BEGIN IMMEDIATE", "cannot start the migration")))
        return r;
    if ((r = read_user_version(s, &version)))
        goto fail;
    for (size_t i = 0; i < qp_migrations_count; i++) {
        if (qp_migrations[i].version <= version)
            continue;
        if ((r = exec(s, qp_migrations[i].sql, qp_migrations[i].name)))
            goto fail;
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", qp_migrations[i].version);
        if ((r = exec(s, sql, "cannot record the schema version")))
            goto fail;
    }
    if ((r = exec(s, "COMMIT", "cannot commit the migration")))
        goto fail;
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

int qp_store_open(qp_store *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->path = strdup(path);
    if (!s->path)
        return QP_ENOMEM;
    /* NOMUTEX: a store is used by one thread at a time, so SQLite need not lock the connection
     * on every call (6 % of the instructions of an ingest's writes) */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return set_error(s, sqlite_code(rc), "cannot open");
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_extended_result_codes(s->db, 0);
    int r;
    if ((r = read_user_version(s, &(int){0})))
        return r;
    /* WAL lets readers (queries, exports) run while an ingest writes */
    if ((r = exec(s, "PRAGMA journal_mode = WAL", "cannot switch to WAL")))
        return r;
    /* synchronous = NORMAL under WAL: a commit is atomic and survives a crash of quipu; only a
     * power cut can lose the last commits, never corrupt. temp_store = MEMORY keeps the
     * per-document savepoint journal in memory: on disk it was most of ingest's writes. */
    if ((r = exec(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;",
                  "cannot set pragmas")))
        return r;
    return migrate(s);
}

void qp_store_close(qp_store *s)
{
    for (size_t i = 0; i < QP_ARRAY_LEN(s->cache); i++)
        sqlite3_finalize(s->cache[i]);
    memset(s->cache, 0, sizeof s->cache);
    idset_free(s->actors_written);
    idset_free(s->places_written);
    s->actors_written = s->places_written = NULL;
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->path);
    s->db = NULL;
    s->path = NULL;
}

int qp_store_begin(qp_store *s)
{
    forget_written(s);
    return exec(s, "BEGIN IMMEDIATE", "cannot start a transaction");
}

int qp_store_commit(qp_store *s)
{
    int r = exec(s, "COMMIT", "cannot commit");
    if (r)
        forget_written(s);
    return r;
}

void qp_store_rollback(qp_store *s)
{
    forget_written(s);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int64_t qp_store_find_hash(qp_store *s, const char *hash)
{
    int64_t id = 0;
    sqlite3_stmt *st = cached(s, 0, "SELECT id FROM documents WHERE hash = ?");
    if (!st)
        return QP_EDB;
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = set_error(s, sqlite_code(rc), "cannot look up a document");
    sqlite3_reset(st);
    return id;
}

/* Binds a string or NULL. */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int step_done(qp_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : set_error(s, sqlite_code(rc), what);
}

/* A's parent, as a placeholder when it is not stored yet. */
static int put_parent(qp_store *s, const qp_actor_ref *a)
{
    sqlite3_stmt *ins = cached(s, 7, "INSERT OR IGNORE INTO actors (id, label, kind) VALUES (?, ?, 'unknown')");
    if (!ins)
        return QP_EDB;
    bind_str(ins, 1, a->parent);
    bind_str(ins, 2, a->parent);
    return step_done(s, ins, "cannot store an actor");
}

/* Runs one of the cached statements that take no parameters. */
static int run_cached(qp_store *s, size_t slot, const char *sql, const char *what)
{
    sqlite3_stmt *st = cached(s, slot, sql);
    if (!st)
        return QP_EDB;
    return step_done(s, st, what);
}

int qp_store_savepoint(qp_store *s)
{
    return run_cached(s, 8, "SAVEPOINT doc", "cannot start a savepoint");
}

int qp_store_release(qp_store *s)
{
    return run_cached(s, 9, "RELEASE doc", "cannot release a savepoint");
}

int qp_store_rollback_to(qp_store *s)
{
    forget_written(s);
    int r = run_cached(s, 10, "ROLLBACK TO doc", "cannot roll back to a savepoint");
    int r2 = qp_store_release(s);
    return r ? r : r2;
}

/* The actor an event names, after its parent so that the foreign key holds (a parent's label is
 * its id until a document names it directly). Each is written once per transaction: a parent
 * once its row exists, an actor once its row has a label and kind of its own. */
static int put_actor(qp_store *s, sqlite3_stmt *st, const qp_actor_ref *a)
{
    if (!a->id)
        return 0;
    int r;
    if (a->parent && !(idset_flags(s->actors_written, a->parent) & ID_ROW)) {
        if ((r = put_parent(s, a)))
            return r;
        idset_mark(&s->actors_written, a->parent, ID_ROW);
    }
    if (idset_flags(s->actors_written, a->id) & ID_SETTLED)
        return 0;
    const char *label = a->label ? a->label : a->id, *kind = a->kind ? a->kind : "unknown";
    bind_str(st, 1, a->id);
    bind_str(st, 2, label);
    bind_str(st, 3, a->label_fr);
    bind_str(st, 4, kind);
    bind_str(st, 5, a->country);
    bind_str(st, 6, a->parent);
    if ((r = step_done(s, st, "cannot store an actor")))
        return r;
    /* the upsert (sql_actor) leaves a row with a label and kind of its own as it is */
    idset_mark(&s->actors_written, a->id, ID_ROW | (strcmp(label, a->id) && strcmp(kind, "unknown") ? ID_SETTLED : 0));
    return 0;
}

/* An actor row as the lexicon says it, replacing a placeholder. */
static int put_actor_row(qp_store *s, sqlite3_stmt *st, const qp_actor_ref *a)
{
    bind_str(st, 1, a->id);
    bind_str(st, 2, a->label ? a->label : a->id);
    bind_str(st, 3, a->label_fr);
    bind_str(st, 4, a->kind ? a->kind : "unknown");
    bind_str(st, 5, a->country);
    bind_str(st, 6, a->parent);
    return step_done(s, st, "cannot store an actor");
}


/* The statement of slot inserting ROWS_PER_INSERT rows at once, "head (row),(row),…",
 * prepared on first use: a document's sentences and clutter lines go in a few steps rather than
 * one per row, which is most of the cost of a row. NULL on error (errmsg set). */
enum { ROWS_PER_INSERT = 16 };

static sqlite3_stmt *cached_rows(qp_store *s, size_t slot, const char *head, const char *row)
{
    char sql[1024] = "";
    if (!s->cache[slot]) {
        size_t len = (size_t)snprintf(sql, sizeof sql, "%s", head);
        for (int i = 0; i < ROWS_PER_INSERT && len < sizeof sql; i++)
            len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s", i ? "," : "", row);
        if (len >= sizeof sql) {
            snprintf(s->errmsg, sizeof s->errmsg, "%s: a statement is too long", s->path);
            return NULL;
        }
    }
    return cached(s, slot, sql);
}

/* D's sentences, ROWS_PER_INSERT at a time while there are that many, then one by one (one is
 * the statement of the caller). */
static int put_sentences(qp_store *s, sqlite3_stmt *one, int64_t id, const qp_document *d)
{
    for (size_t i = 0; i < d->n_sentences;) {
        size_t n = d->n_sentences - i >= ROWS_PER_INSERT ? ROWS_PER_INSERT : 1;
        sqlite3_stmt *st = n == 1 ? one
                                  : cached_rows(s, 11, "INSERT INTO sentences (document_id, idx, start, end) VALUES ",
                                                "(?,?,?,?)");
        if (!st)
            return QP_EDB;
        for (int c = 1; n--; i++) {
            sqlite3_bind_int64(st, c++, id);
            sqlite3_bind_int64(st, c++, (sqlite3_int64)i);
            sqlite3_bind_int64(st, c++, (sqlite3_int64)d->sentences[i].start);
            sqlite3_bind_int64(st, c++, (sqlite3_int64)d->sentences[i].end);
        }
        int r = step_done(s, st, "cannot store a sentence");
        if (r)
            return r;
    }
    return 0;
}

/* D's clutter lines, the same way. */
static int put_clutter(qp_store *s, sqlite3_stmt *one, int64_t id, const qp_document *d)
{
    for (size_t i = 0; i < d->n_clutter;) {
        size_t n = d->n_clutter - i >= ROWS_PER_INSERT ? ROWS_PER_INSERT : 1;
        sqlite3_stmt *st =
            n == 1 ? one : cached_rows(s, 12, "INSERT INTO clutter (document_id, line_no, text) VALUES ", "(?,?,?)");
        if (!st)
            return QP_EDB;
        for (int c = 1; n--; i++) {
            sqlite3_bind_int64(st, c++, id);
            sqlite3_bind_int(st, c++, d->clutter[i].line_no);
            bind_str(st, c++, d->clutter[i].text);
        }
        int r = step_done(s, st, "cannot store a clutter line");
        if (r)
            return r;
    }
    return 0;
}

int64_t qp_store_add_document(qp_store *s, const qp_document *d, int *existing)
{
    static const char *sql_doc =
        "INSERT INTO documents (name, hash, url, title, source, lang, published, ingested_at, text, "
        "clutter_lines, status) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
    static const char *sql_sent = "INSERT INTO sentences (document_id, idx, start, end) VALUES (?,?,?,?)";
    static const char *sql_clut = "INSERT INTO clutter (document_id, line_no, text) VALUES (?,?,?)";
    static const char *sql_actor =
        "INSERT INTO actors (id, label, label_fr, kind, country, parent) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_fr = coalesce(excluded.label_fr, label_fr), "
        "kind = excluded.kind, country = coalesce(excluded.country, country), "
        "parent = coalesce(excluded.parent, parent) WHERE actors.kind = 'unknown' OR actors.label = actors.id";
    static const char *sql_place =
        "INSERT OR IGNORE INTO places (id, label, country, lat, lon, feature) VALUES (?,?,?,?,?,?)";
    static const char *sql_event =
        "INSERT INTO events (uid, document_id, sentence, actor1, actor1_text, action, mode, context, cameo, "
        "action_text, actor2, actor2_text, place_id, place_text, time_value, time_start, time_end, time_grain, "
        "time_text, time_anchor, evidence_start, evidence_end, confidence, flags, speaker) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt *doc = NULL, *sent = NULL, *clut = NULL, *act = NULL, *plc = NULL, *ev = NULL;
    int64_t id = qp_store_find_hash(s, d->hash);
    *existing = 0;
    if (id != 0) {
        *existing = id > 0;
        return id;
    }
    int rc;
    if (!(doc = cached(s, 1, sql_doc)) || !(sent = cached(s, 2, sql_sent)) || !(clut = cached(s, 3, sql_clut)) ||
        !(act = cached(s, 4, sql_actor)) || !(plc = cached(s, 5, sql_place)) || !(ev = cached(s, 6, sql_event))) {
        id = QP_EDB;
        goto cleanup;
    }
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));

    /* a name already taken by another text gets the hash appended: nothing is overwritten */
    char name[512];
    snprintf(name, sizeof name, "%s", d->name);
    for (int attempt = 0; attempt < 2; attempt++) {
        bind_str(doc, 1, name);
        bind_str(doc, 2, d->hash);
        bind_str(doc, 3, d->url);
        bind_str(doc, 4, d->title);
        bind_str(doc, 5, d->source);
        bind_str(doc, 6, d->lang);
        bind_str(doc, 7, d->published);
        bind_str(doc, 8, now);
        sqlite3_bind_text(doc, 9, d->text, (int)d->text_len, SQLITE_STATIC);
        sqlite3_bind_int(doc, 10, (int)d->n_clutter);
        bind_str(doc, 11, d->status ? d->status : "extracted");
        rc = sqlite3_step(doc);
        sqlite3_reset(doc);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_CONSTRAINT && attempt == 0) {
            snprintf(name, sizeof name, "%s~%.8s", d->name, d->hash);
            continue;
        }
        id = set_error(s, sqlite_code(rc), "cannot store a document");
        goto cleanup;
    }
    id = sqlite3_last_insert_rowid(s->db);

    if ((rc = put_sentences(s, sent, id, d)) || (rc = put_clutter(s, clut, id, d))) {
        id = rc;
        goto cleanup;
    }
    for (size_t i = 0; i < d->n_events; i++) {
        const qp_event *e = &d->events[i];
        const qp_actor_ref *actors[2] = {&e->actor1, &e->actor2};
        for (int k = 0; k < 2; k++) {
            if ((rc = put_actor(s, act, actors[k]))) {
                id = rc;
                goto cleanup;
            }
        }
        if (e->place.id && !(idset_flags(s->places_written, e->place.id) & ID_ROW)) {
            bind_str(plc, 1, e->place.id);
            bind_str(plc, 2, e->place.label ? e->place.label : e->place.id);
            bind_str(plc, 3, e->place.country);
            sqlite3_bind_double(plc, 4, e->place.lat);
            sqlite3_bind_double(plc, 5, e->place.lon);
            bind_str(plc, 6, e->place.feature);
            if ((rc = step_done(s, plc, "cannot store a place"))) {
                id = rc;
                goto cleanup;
            }
            idset_mark(&s->places_written, e->place.id, ID_ROW);
        }
        char uid[600];
        snprintf(uid, sizeof uid, "%s#%d.%zu", name, e->sentence, i);
        int c = 1;
        bind_str(ev, c++, e->uid ? e->uid : uid);
        sqlite3_bind_int64(ev, c++, id);
        sqlite3_bind_int(ev, c++, e->sentence);
        bind_str(ev, c++, e->actor1.id);
        bind_str(ev, c++, e->actor1.text);
        bind_str(ev, c++, e->action);
        bind_str(ev, c++, e->mode);
        bind_str(ev, c++, e->context);
        bind_str(ev, c++, e->cameo);
        bind_str(ev, c++, e->action_text);
        bind_str(ev, c++, e->actor2.id);
        bind_str(ev, c++, e->actor2.text);
        bind_str(ev, c++, e->place.id);
        bind_str(ev, c++, e->place.text);
        bind_str(ev, c++, e->time.value);
        bind_str(ev, c++, e->time.start);
        bind_str(ev, c++, e->time.end);
        bind_str(ev, c++, e->time.grain);
        bind_str(ev, c++, e->time.text);
        bind_str(ev, c++, e->time.anchor);
        sqlite3_bind_int64(ev, c++, (sqlite3_int64)e->evidence_start);
        sqlite3_bind_int64(ev, c++, (sqlite3_int64)e->evidence_end);
        sqlite3_bind_double(ev, c++, e->confidence);
        sqlite3_bind_int(ev, c++, e->flags);
        bind_str(ev, c++, e->speaker);
        if ((rc = step_done(s, ev, "cannot store an event"))) {
            id = rc;
            goto cleanup;
        }
    }
cleanup:;
    /* an error may have rolled back the statement or the transaction */
    if (id < 0)
        forget_written(s);
    /* the statements stay prepared for the next document; only their state is reset */
    sqlite3_stmt *used[] = {doc, sent, clut, act, plc, ev};
    for (size_t i = 0; i < QP_ARRAY_LEN(used); i++)
        if (used[i])
            sqlite3_reset(used[i]);
    return id;
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

int qp_store_documents_each(qp_store *s, qp_doc_fn fn, void *ud)
{
    static const char *sql =
        "SELECT d.id, d.name, d.hash, d.url, d.title, d.source, d.lang, d.published, d.ingested_at, "
        "d.status, d.clutter_lines, (SELECT count(*) FROM sentences WHERE document_id = d.id), "
        "(SELECT count(*) FROM events WHERE document_id = d.id AND (flags & 3) = 0), length(CAST(d.text AS BLOB)) "
        "FROM documents d ORDER BY d.published IS NULL, d.published, d.id";
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return set_error(s, sqlite_code(rc), "cannot list documents");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_doc_info d = {
            .id = sqlite3_column_int64(st, 0), .name = col(st, 1), .hash = col(st, 2), .url = col(st, 3),
            .title = col(st, 4), .source = col(st, 5), .lang = col(st, 6), .published = col(st, 7),
            .ingested_at = col(st, 8), .status = col(st, 9), .clutter_lines = sqlite3_column_int(st, 10),
            .sentences = sqlite3_column_int(st, 11), .events = sqlite3_column_int(st, 12),
            .text_len = (size_t)sqlite3_column_int64(st, 13),
        };
        if ((r = fn(&d, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE)
        r = set_error(s, sqlite_code(rc), "cannot list documents");
    sqlite3_finalize(st);
    return r;
}

int qp_store_events_each(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud)
{
    qp_event_filter none = {0};
    if (!f)
        f = &none;
    char sql[4096];
    snprintf(sql, sizeof sql,
        "SELECT e.uid, d.name, e.sentence, "
        " e.actor1, a1.label, a1.label_fr, a1.kind, a1.country, a1.parent, e.actor1_text, "
        " e.actor2, a2.label, a2.label_fr, a2.kind, a2.country, a2.parent, e.actor2_text, "
        " e.action, e.mode, e.context, e.cameo, e.action_text, "
        " e.place_id, p.label, p.country, p.lat, p.lon, p.feature, e.place_text, "
        " e.time_value, e.time_start, e.time_end, e.time_grain, e.time_text, e.time_anchor, "
        " e.evidence_start, e.evidence_end, substr(CAST(d.text AS BLOB), e.evidence_start + 1, e.evidence_end - e.evidence_start), "
        " e.confidence, e.flags, e.speaker "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2 "
        "LEFT JOIN places p ON p.id = e.place_id "
        "WHERE (?1 IS NULL OR e.actor1 = ?1 OR e.actor2 = ?1 OR a1.parent = ?1 OR a2.parent = ?1) "
        "AND (?2 IS NULL OR e.action = upper(?2)) "
        "AND (?3 IS NULL OR e.place_id = ?3 OR p.label = ?3 COLLATE NOCASE OR e.place_text = ?3 COLLATE NOCASE) "
        "AND (?4 IS NULL OR coalesce(e.time_end, e.time_start, d.published) > ?4) "
        "AND (?5 IS NULL OR coalesce(e.time_start, d.published) <= ?5) "
        "AND (?6 IS NULL OR d.name = ?6) "
        "AND (?7 OR (e.flags & %d) = 0) "
        "ORDER BY e.time_start IS NULL, e.time_start, d.name, e.sentence, e.id",
        QP_EVENT_HIDDEN);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return set_error(s, sqlite_code(rc), "cannot read events");
    bind_str(st, 1, f->actor);
    bind_str(st, 2, f->action);
    bind_str(st, 3, f->place);
    bind_str(st, 4, f->since);
    bind_str(st, 5, f->until);
    bind_str(st, 6, f->doc);
    sqlite3_bind_int(st, 7, f->include_hidden);
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_event e = {
            .uid = col(st, 0), .doc = col(st, 1), .sentence = sqlite3_column_int(st, 2),
            .actor1 = {col(st, 3), col(st, 4), col(st, 5), col(st, 6), col(st, 7), col(st, 8), col(st, 9)},
            .actor2 = {col(st, 10), col(st, 11), col(st, 12), col(st, 13), col(st, 14), col(st, 15), col(st, 16)},
            .action = col(st, 17), .mode = col(st, 18), .context = col(st, 19), .cameo = col(st, 20),
            .action_text = col(st, 21),
            .place = {col(st, 22), col(st, 23), col(st, 24), sqlite3_column_double(st, 25),
                      sqlite3_column_double(st, 26), col(st, 27), col(st, 28)},
            .time = {col(st, 29), col(st, 30), col(st, 31), col(st, 32), col(st, 33), col(st, 34)},
            .evidence_start = (size_t)sqlite3_column_int64(st, 35),
            .evidence_end = (size_t)sqlite3_column_int64(st, 36),
            .evidence_text = col(st, 37),
            .confidence = sqlite3_column_double(st, 38), .flags = sqlite3_column_int(st, 39),
            .speaker = col(st, 40),
        };
        if ((r = fn(&e, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE)
        r = set_error(s, sqlite_code(rc), "cannot read events");
    sqlite3_finalize(st);
    return r;
}

int qp_store_put_lexicon(qp_store *s, const qp_lexicon *lx)
{
    static const char *sql_actor =
        "INSERT INTO actors (id, label, label_fr, kind, country, parent) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_fr = excluded.label_fr, kind = excluded.kind, "
        "country = excluded.country, parent = excluded.parent";
    static const char *sql_alias = "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded, lang) VALUES (?,?,?,?)";
    sqlite3_stmt *act = NULL, *ali = NULL;
    int r = 0, rc;
    qp_buf f;
    qp_buf_init(&f);
    /* the lexicon's rows replace what this transaction wrote */
    forget_written(s);
    if ((rc = sqlite3_prepare_v2(s->db, sql_actor, -1, &act, NULL)) ||
        (rc = sqlite3_prepare_v2(s->db, sql_alias, -1, &ali, NULL))) {
        r = set_error(s, sqlite_code(rc), "cannot prepare");
        goto cleanup;
    }
    /* states first, then actors whose parents they are: the foreign key holds at every row */
    for (size_t i = 0; i < lx->n_countries && !r; i++) {
        const qp_lex_country *c = &lx->countries[i];
        qp_actor_ref a = {.id = c->iso3, .label = c->label ? c->label : c->iso3, .label_fr = c->label_fr,
                          .kind = "state", .country = c->iso3};
        if (qp_lexicon_actor(lx, c->iso3) < 0)
            r = put_actor_row(s, act, &a);
    }
    for (int pass = 0; pass < 9 && !r; pass++) {
        for (size_t i = 0; i < lx->n_actors && !r; i++) {
            const qp_lex_actor *x = &lx->actors[i];
            /* parents before children: a few passes settle chains of any depth we use */
            int depth = 0;
            for (const char *p = x->parent; p && depth < 8; depth++) {
                int pi = qp_lexicon_actor(lx, p);
                p = pi >= 0 ? lx->actors[pi].parent : NULL;
            }
            if (depth != pass)
                continue;
            qp_actor_ref a = {.id = x->id, .label = x->label, .label_fr = x->label_fr, .kind = x->kind,
                              .country = x->country, .parent = x->parent};
            r = put_actor_row(s, act, &a);
        }
    }
    for (size_t i = 0; i < lx->n_aliases && !r; i++) {
        qp_buf_clear(&f);
        if (qp_fold(lx->aliases[i].text, strlen(lx->aliases[i].text), &f) || !f.len)
            continue;
        bind_str(ali, 1, lx->aliases[i].actor_id);
        bind_str(ali, 2, lx->aliases[i].text);
        sqlite3_bind_text(ali, 3, f.data, (int)f.len, SQLITE_STATIC);
        bind_str(ali, 4, lx->aliases[i].lang ? "en" : "fr");
        r = step_done(s, ali, "cannot store an alias");
    }
cleanup:
    qp_buf_destroy(&f);
    sqlite3_finalize(act);
    sqlite3_finalize(ali);
    return r;
}
