/* store_write.c — documents, sentences, clutter lines, events, actors and places written in the
 * caller's transaction, and the lexicon's actors and aliases. */
#include "store_int.h"
#include "arena.h"
#include "buf.h"
#include "fold.h"
#include "lexicon.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

void store_idset_free(struct qp_idset *set)
{
    if (!set)
        return;
    free(set->slots);
    qp_arena_destroy(&set->keys);
    free(set);
}

/* What this transaction wrote may be undone: forget it. */
void store_forget_written(qp_store *s)
{
    idset_clear(s->actors_written);
    idset_clear(s->places_written);
    s->extractor_ids[0] = s->extractor_ids[1] = 0;
    s->max_span = -1;
}

int store_days(const char *s, int64_t *days)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int64_t y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    /* days from the civil date (proleptic Gregorian), as SQLite's julianday() counts them */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *days = era * 146097 + doe - 719468;
    return 1;
}

int qp_store_set_extractor(qp_store *s, const char *version)
{
    free(s->extractor);
    s->extractor = version && *version ? strdup(version) : NULL;
    s->extractor_ids[0] = s->extractor_ids[1] = 0;
    return version && *version && !s->extractor ? QP_ENOMEM : 0;
}

/* The row id of extractor version v, added when new; 0 for NULL; a negative error. The last
 * two versions are remembered for the transaction: a merge alternates between a few. */
static int64_t extractor_id(qp_store *s, const char *v)
{
    if (!v)
        return 0;
    for (int i = 0; i < 2; i++)
        if (s->extractor_ids[i] > 0 && s->extractor_names[i] && !strcmp(s->extractor_names[i], v))
            return s->extractor_ids[i];
    sqlite3_stmt *ins = store_cached(s, 13, "INSERT OR IGNORE INTO extractors (version) VALUES (?)");
    if (!ins)
        return QP_EDB;
    store_bind_str(ins, 1, v);
    int r = store_step_done(s, ins, "cannot record the extractor version");
    if (r)
        return r;
    sqlite3_stmt *sel = store_cached(s, 14, "SELECT id FROM extractors WHERE version = ?");
    if (!sel)
        return QP_EDB;
    store_bind_str(sel, 1, v);
    int rc = sqlite3_step(sel);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(sel, 0) : store_error(s, store_sqlite_code(rc), "cannot read the extractor version");
    sqlite3_reset(sel);
    if (id > 0) {
        /* the older of the two makes room */
        free(s->extractor_names[1]);
        s->extractor_names[1] = s->extractor_names[0];
        s->extractor_ids[1] = s->extractor_ids[0];
        s->extractor_names[0] = strdup(v);
        s->extractor_ids[0] = s->extractor_names[0] ? id : 0;
    }
    return id;
}

/* Raises store_meta's max_span_days to span when it is lower: reads bound their since on it. */
static int raise_max_span(qp_store *s, int64_t span)
{
    if (s->max_span < 0) {
        sqlite3_stmt *st = store_cached(s, 15, "SELECT value FROM store_meta WHERE key = 'max_span_days'");
        if (!st)
            return QP_EDB;
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_error(s, store_sqlite_code(rc), "cannot read store_meta");
        s->max_span = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
    }
    if (span <= s->max_span)
        return 0;
    sqlite3_stmt *up = store_cached(s, 16, "INSERT INTO store_meta (key, value) VALUES ('max_span_days', ?) "
                                           "ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)");
    if (!up)
        return QP_EDB;
    sqlite3_bind_int64(up, 1, span);
    int r = store_step_done(s, up, "cannot write store_meta");
    if (!r)
        s->max_span = span;
    return r;
}

/* The event's day and day_end (003_scale.sql says what they are), 0 each when unknown. */
static void event_days(const qp_event *e, const char *published, int64_t *day, int has[2], int64_t *day_end)
{
    has[0] = store_days(e->time.start ? e->time.start : published, day);
    has[1] = store_days(e->time.end ? e->time.end : e->time.start ? e->time.start : published, day_end);
}

int64_t qp_store_find_hash(qp_store *s, const char *hash)
{
    int64_t id = 0;
    sqlite3_stmt *st = store_cached(s, 0, "SELECT id FROM documents WHERE hash = ?");
    if (!st)
        return QP_EDB;
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = store_error(s, store_sqlite_code(rc), "cannot look up a document");
    sqlite3_reset(st);
    return id;
}

/* A's parent, as a placeholder when it is not stored yet. */
static int put_parent(qp_store *s, const qp_actor_ref *a)
{
    sqlite3_stmt *ins = store_cached(s, 7, "INSERT OR IGNORE INTO actors (id, label, kind) VALUES (?, ?, 'unknown')");
    if (!ins)
        return QP_EDB;
    store_bind_str(ins, 1, a->parent);
    store_bind_str(ins, 2, a->parent);
    return store_step_done(s, ins, "cannot store an actor");
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
    store_bind_str(st, 1, a->id);
    store_bind_str(st, 2, label);
    store_bind_str(st, 3, a->label_fr);
    store_bind_str(st, 4, kind);
    store_bind_str(st, 5, a->country);
    store_bind_str(st, 6, a->parent);
    if ((r = store_step_done(s, st, "cannot store an actor")))
        return r;
    /* the upsert (sql_actor) leaves a row with a label and kind of its own as it is */
    idset_mark(&s->actors_written, a->id, ID_ROW | (strcmp(label, a->id) && strcmp(kind, "unknown") ? ID_SETTLED : 0));
    return 0;
}

/* An actor row as the lexicon says it, replacing a placeholder. */
static int put_actor_row(qp_store *s, sqlite3_stmt *st, const qp_actor_ref *a)
{
    store_bind_str(st, 1, a->id);
    store_bind_str(st, 2, a->label ? a->label : a->id);
    store_bind_str(st, 3, a->label_fr);
    store_bind_str(st, 4, a->kind ? a->kind : "unknown");
    store_bind_str(st, 5, a->country);
    store_bind_str(st, 6, a->parent);
    return store_step_done(s, st, "cannot store an actor");
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
    return store_cached(s, slot, sql);
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
        int r = store_step_done(s, st, "cannot store a sentence");
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
            store_bind_str(st, c++, d->clutter[i].text);
        }
        int r = store_step_done(s, st, "cannot store a clutter line");
        if (r)
            return r;
    }
    return 0;
}

/* D's events, with the actors and places they name, in the document of row id stored under
 * name (each uid is made from it: '<name>#<sentence>.<n>'); xid the extractor's row or 0. */
static int put_events(qp_store *s, sqlite3_stmt *act, sqlite3_stmt *plc, sqlite3_stmt *ev, int64_t id,
                      const char *name, const qp_document *d, int64_t xid)
{
    int rc;
    int64_t span = 0;
    for (size_t i = 0; i < d->n_events; i++) {
        const qp_event *e = &d->events[i];
        const qp_actor_ref *actors[2] = {&e->actor1, &e->actor2};
        for (int k = 0; k < 2; k++) {
            if ((rc = put_actor(s, act, actors[k]))) {
                return rc;
            }
        }
        if (e->place.id && !(idset_flags(s->places_written, e->place.id) & ID_ROW)) {
            store_bind_str(plc, 1, e->place.id);
            store_bind_str(plc, 2, e->place.label ? e->place.label : e->place.id);
            store_bind_str(plc, 3, e->place.country);
            sqlite3_bind_double(plc, 4, e->place.lat);
            sqlite3_bind_double(plc, 5, e->place.lon);
            store_bind_str(plc, 6, e->place.feature);
            if ((rc = store_step_done(s, plc, "cannot store a place"))) {
                return rc;
            }
            idset_mark(&s->places_written, e->place.id, ID_ROW);
        }
        /* the uid is made from the name the document is stored under, never taken from the
         * event: a document renamed name~hash because its name was taken (two files of one name
         * in two folders) must not collide with the other's events */
        char uid[600];
        snprintf(uid, sizeof uid, "%s#%d.%zu", name, e->sentence, i);
        int c = 1;
        store_bind_str(ev, c++, uid);
        sqlite3_bind_int64(ev, c++, id);
        sqlite3_bind_int(ev, c++, e->sentence);
        store_bind_str(ev, c++, e->actor1.id);
        store_bind_str(ev, c++, e->actor1.text);
        store_bind_str(ev, c++, e->action);
        store_bind_str(ev, c++, e->mode);
        store_bind_str(ev, c++, e->context);
        store_bind_str(ev, c++, e->cameo);
        store_bind_str(ev, c++, e->action_text);
        store_bind_str(ev, c++, e->actor2.id);
        store_bind_str(ev, c++, e->actor2.text);
        store_bind_str(ev, c++, e->place.id);
        store_bind_str(ev, c++, e->place.text);
        store_bind_str(ev, c++, e->time.value);
        store_bind_str(ev, c++, e->time.start);
        store_bind_str(ev, c++, e->time.end);
        store_bind_str(ev, c++, e->time.grain);
        store_bind_str(ev, c++, e->time.text);
        store_bind_str(ev, c++, e->time.anchor);
        sqlite3_bind_int64(ev, c++, (sqlite3_int64)e->evidence_start);
        sqlite3_bind_int64(ev, c++, (sqlite3_int64)e->evidence_end);
        sqlite3_bind_double(ev, c++, e->confidence);
        sqlite3_bind_int(ev, c++, e->flags);
        store_bind_str(ev, c++, e->speaker);
        if (xid)
            sqlite3_bind_int64(ev, c++, xid);
        else
            sqlite3_bind_null(ev, c++);
        int64_t day = 0, day_end = 0;
        int has[2];
        event_days(e, d->published, &day, has, &day_end);
        if (has[0])
            sqlite3_bind_int64(ev, c, day);
        c++;
        if (has[1])
            sqlite3_bind_int64(ev, c, day_end);
        c++;
        if (has[0] && has[1] && day_end - day > span)
            span = day_end - day;
        if ((rc = store_step_done(s, ev, "cannot store an event"))) {
            return rc;
        }
    }
    return span ? raise_max_span(s, span) : 0;
}

/* The statements of a document's writes, shared by add_document and replace_extraction: a
 * cached slot holds one statement, whichever prepares it first. */
static const char *const sql_doc =
        "INSERT INTO documents (name, hash, url, title, source, lang, published, ingested_at, text, "
        "clutter_lines, status, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
static const char *const sql_sent = "INSERT INTO sentences (document_id, idx, start, end) VALUES (?,?,?,?)";
static const char *const sql_clut = "INSERT INTO clutter (document_id, line_no, text) VALUES (?,?,?)";
static const char *const sql_actor =
        "INSERT INTO actors (id, label, label_fr, kind, country, parent) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_fr = coalesce(excluded.label_fr, label_fr), "
        "kind = excluded.kind, country = coalesce(excluded.country, country), "
        "parent = coalesce(excluded.parent, parent) WHERE actors.kind = 'unknown' OR actors.label = actors.id";
static const char *const sql_place =
        "INSERT OR IGNORE INTO places (id, label, country, lat, lon, feature) VALUES (?,?,?,?,?,?)";
static const char *const sql_event =
        "INSERT INTO events (uid, document_id, sentence, actor1, actor1_text, action, mode, context, cameo, "
        "action_text, actor2, actor2_text, place_id, place_text, time_value, time_start, time_end, time_grain, "
        "time_text, time_anchor, evidence_start, evidence_end, confidence, flags, speaker, extractor, day, day_end) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

int64_t qp_store_add_document(qp_store *s, const qp_document *d, int *existing)
{
    sqlite3_stmt *doc = NULL, *sent = NULL, *clut = NULL, *act = NULL, *plc = NULL, *ev = NULL;
    *existing = 0;
    /* SQLite ends a transaction by itself on a full disk: what a caller writes after that
     * would go in statement by statement, outside the batch it thinks it is in */
    if (!qp_store_in_transaction(s)) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot store a document: no transaction is open", s->path);
        return QP_EDB;
    }
    int64_t id = qp_store_find_hash(s, d->hash);
    *existing = 0;
    if (id != 0) {
        *existing = id > 0;
        return id;
    }
    int rc;
    int64_t xid = extractor_id(s, d->extractor ? d->extractor : s->extractor);
    if (xid < 0) {
        id = xid;
        goto cleanup;
    }
    if (!(doc = store_cached(s, 1, sql_doc)) || !(sent = store_cached(s, 2, sql_sent)) || !(clut = store_cached(s, 3, sql_clut)) ||
        !(act = store_cached(s, 4, sql_actor)) || !(plc = store_cached(s, 5, sql_place)) || !(ev = store_cached(s, 6, sql_event))) {
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
        store_bind_str(doc, 1, name);
        store_bind_str(doc, 2, d->hash);
        store_bind_str(doc, 3, d->url);
        store_bind_str(doc, 4, d->title);
        store_bind_str(doc, 5, d->source);
        store_bind_str(doc, 6, d->lang);
        store_bind_str(doc, 7, d->published);
        store_bind_str(doc, 8, now);
        sqlite3_bind_text(doc, 9, d->text, (int)d->text_len, SQLITE_STATIC);
        sqlite3_bind_int(doc, 10, (int)d->n_clutter);
        store_bind_str(doc, 11, d->status ? d->status : "extracted");
        if (xid)
            sqlite3_bind_int64(doc, 12, xid);
        else
            sqlite3_bind_null(doc, 12);
        rc = sqlite3_step(doc);
        sqlite3_reset(doc);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_CONSTRAINT && attempt == 0) {
            snprintf(name, sizeof name, "%s~%.8s", d->name, d->hash);
            continue;
        }
        id = store_error(s, store_sqlite_code(rc), "cannot store a document");
        goto cleanup;
    }
    id = sqlite3_last_insert_rowid(s->db);

    if ((rc = put_sentences(s, sent, id, d)) || (rc = put_clutter(s, clut, id, d)) ||
        (rc = put_events(s, act, plc, ev, id, name, d, xid))) {
        id = rc;
        goto cleanup;
    }
cleanup:;
    /* an error may have rolled back the statement or the transaction */
    if (id < 0)
        store_forget_written(s);
    /* the statements stay prepared for the next document; only their state is reset */
    sqlite3_stmt *used[] = {doc, sent, clut, act, plc, ev};
    for (size_t i = 0; i < QP_ARRAY_LEN(used); i++)
        if (used[i])
            sqlite3_reset(used[i]);
    return id;
}

int qp_store_put_lexicon(qp_store *s, const qp_lexicon *lx)
{
    static const char *const sql_lex_actor =
        "INSERT INTO actors (id, label, label_fr, kind, country, parent) VALUES (?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_fr = excluded.label_fr, kind = excluded.kind, "
        "country = excluded.country, parent = excluded.parent";
    static const char *sql_alias = "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded, lang) VALUES (?,?,?,?)";
    sqlite3_stmt *act = NULL, *ali = NULL;
    int r = 0, rc;
    qp_buf f;
    qp_buf_init(&f);
    /* the lexicon's rows replace what this transaction wrote */
    store_forget_written(s);
    if ((rc = sqlite3_prepare_v2(s->db, sql_lex_actor, -1, &act, NULL)) ||
        (rc = sqlite3_prepare_v2(s->db, sql_alias, -1, &ali, NULL))) {
        r = store_error(s, store_sqlite_code(rc), "cannot prepare");
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
        store_bind_str(ali, 1, lx->aliases[i].actor_id);
        store_bind_str(ali, 2, lx->aliases[i].text);
        sqlite3_bind_text(ali, 3, f.data, (int)f.len, SQLITE_STATIC);
        store_bind_str(ali, 4, lx->aliases[i].lang ? "en" : "fr");
        r = store_step_done(s, ali, "cannot store an alias");
    }
cleanup:
    qp_buf_destroy(&f);
    sqlite3_finalize(act);
    sqlite3_finalize(ali);
    return r;
}

int qp_store_replace_extraction(qp_store *s, int64_t id, const qp_document *d)
{
    if (!qp_store_in_transaction(s)) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot re-extract a document: no transaction is open", s->path);
        return QP_EDB;
    }
    int64_t xid = extractor_id(s, d->extractor ? d->extractor : s->extractor);
    if (xid < 0)
        return (int)xid;
    sqlite3_stmt *name = store_cached(s, 17, "SELECT name FROM documents WHERE id = ?");
    if (!name)
        return QP_EDB;
    sqlite3_bind_int64(name, 1, id);
    int rc = sqlite3_step(name);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(name);
        if (rc == SQLITE_DONE) {
            snprintf(s->errmsg, sizeof s->errmsg, "%s: no document of row %lld", s->path, (long long)id);
            return QP_ENOTFOUND;
        }
        return store_error(s, store_sqlite_code(rc), "cannot read a document");
    }
    char stored[512];
    snprintf(stored, sizeof stored, "%s", store_col(name, 0));
    sqlite3_reset(name);
    sqlite3_stmt *del_ev = store_cached(s, 18, "DELETE FROM events WHERE document_id = ?"),
                 *del_sent = store_cached(s, 19, "DELETE FROM sentences WHERE document_id = ?"),
                 *upd = store_cached(s, 20, "UPDATE documents SET lang = ?, status = ?, extractor = ? WHERE id = ?");
    if (!del_ev || !del_sent || !upd)
        return QP_EDB;
    sqlite3_bind_int64(del_ev, 1, id);
    sqlite3_bind_int64(del_sent, 1, id);
    store_bind_str(upd, 1, d->lang);
    store_bind_str(upd, 2, d->status ? d->status : "extracted");
    if (xid)
        sqlite3_bind_int64(upd, 3, xid);
    else
        sqlite3_bind_null(upd, 3);
    sqlite3_bind_int64(upd, 4, id);
    int r;
    if ((r = store_step_done(s, del_ev, "cannot remove the old events")) ||
        (r = store_step_done(s, del_sent, "cannot remove the old sentences")) ||
        (r = store_step_done(s, upd, "cannot update a document")))
        return r;
    sqlite3_stmt *sent = store_cached(s, 2, sql_sent), *act = store_cached(s, 4, sql_actor),
                 *plc = store_cached(s, 5, sql_place), *ev = store_cached(s, 6, sql_event);
    if (!sent || !act || !plc || !ev)
        return QP_EDB;
    r = put_sentences(s, sent, id, d);
    if (!r)
        r = put_events(s, act, plc, ev, id, stored, d, xid);
    if (r)
        store_forget_written(s);
    return r;
}

int qp_store_bulk_load(qp_store *s, int on)
{
    /* the same indexes as schema/003_scale.sql */
    static const char *const drop = "DROP INDEX IF EXISTS events_day; DROP INDEX IF EXISTS events_actor1_day; "
                                    "DROP INDEX IF EXISTS events_actor2_day; DROP INDEX IF EXISTS events_place_day;";
    static const char *const create =
        "CREATE INDEX IF NOT EXISTS events_day ON events(day, day_end); "
        "CREATE INDEX IF NOT EXISTS events_actor1_day ON events(actor1, day, day_end); "
        "CREATE INDEX IF NOT EXISTS events_actor2_day ON events(actor2, day, day_end); "
        "CREATE INDEX IF NOT EXISTS events_place_day ON events(place_id, day, day_end);";
    int r = store_exec(s, "BEGIN IMMEDIATE", "cannot start a transaction");
    if (!r)
        r = store_exec(s, on ? drop : create, on ? "cannot drop the indexes" : "cannot build the indexes");
    if (!r)
        r = store_exec(s, "COMMIT", "cannot commit");
    if (r)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}
