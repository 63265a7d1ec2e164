/* store_events.c — events by filter, in time order, read in SQLite on the indexes of schema 003
 * and handed over one row at a time.
 *
 * Which index serves which filter (EXPLAIN QUERY PLAN on the 1 M and 10 M event databases of
 * bench/bench_store; `QP_STORE_PLAN=1 quipu events …` prints the plan of a read):
 *   --actor X [window]   events_actor1_day and events_actor2_day, one search per actor under X
 *                        (MULTI-INDEX OR), the rows then sorted by day: a set of one actor's
 *   --place, --country   events_place_day, one search per place id
 *   --doc NAME           events_document
 *   window alone, none   events_day, whose order is the order asked for: no sort, no set held
 * A window is day_end > since AND day <= until, and day > since - max_span_days (store_meta) so
 * that the since bound narrows the index range too. */
#include "store_int.h"
#include "buf.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns of a row, in the order make_event reads them. */
#define EVENT_COLUMNS                                                                              \
    "SELECT e.uid, d.name, e.sentence, "                                                           \
    " e.actor1, a1.label, a1.label_fr, a1.kind, a1.country, a1.parent, e.actor1_text, "            \
    " e.actor2, a2.label, a2.label_fr, a2.kind, a2.country, a2.parent, e.actor2_text, "            \
    " e.action, e.mode, e.context, e.cameo, e.action_text, "                                       \
    " e.place_id, p.label, p.country, p.lat, p.lon, p.feature, e.place_text, "                     \
    " e.time_value, e.time_start, e.time_end, e.time_grain, e.time_text, e.time_anchor, "          \
    " e.evidence_start, e.evidence_end, "                                                          \
    " substr(CAST(d.text AS BLOB), e.evidence_start + 1, e.evidence_end - e.evidence_start), "     \
    " e.confidence, e.flags, e.speaker "                                                           \
    "FROM events e JOIN documents d ON d.id = e.document_id "                                      \
    "LEFT JOIN actors a1 ON a1.id = e.actor1 LEFT JOIN actors a2 ON a2.id = e.actor2 "             \
    "LEFT JOIN places p ON p.id = e.place_id "

static void make_event(sqlite3_stmt *st, qp_event *e)
{
    *e = (qp_event){
        .uid = store_col(st, 0), .doc = store_col(st, 1), .sentence = sqlite3_column_int(st, 2),
        .actor1 = {store_col(st, 3), store_col(st, 4), store_col(st, 5), store_col(st, 6), store_col(st, 7),
                   store_col(st, 8), store_col(st, 9)},
        .actor2 = {store_col(st, 10), store_col(st, 11), store_col(st, 12), store_col(st, 13), store_col(st, 14),
                   store_col(st, 15), store_col(st, 16)},
        .action = store_col(st, 17), .mode = store_col(st, 18), .context = store_col(st, 19),
        .cameo = store_col(st, 20), .action_text = store_col(st, 21),
        .place = {store_col(st, 22), store_col(st, 23), store_col(st, 24), sqlite3_column_double(st, 25),
                  sqlite3_column_double(st, 26), store_col(st, 27), store_col(st, 28)},
        .time = {store_col(st, 29), store_col(st, 30), store_col(st, 31), store_col(st, 32), store_col(st, 33),
                 store_col(st, 34)},
        .evidence_start = (size_t)sqlite3_column_int64(st, 35),
        .evidence_end = (size_t)sqlite3_column_int64(st, 36),
        .evidence_text = store_col(st, 37),
        .confidence = sqlite3_column_double(st, 38), .flags = sqlite3_column_int(st, 39),
        .speaker = store_col(st, 40),
    };
}

/* Steps st to its end, calling fn on each row. 0, QP_EDB (errmsg set) or fn's value. */
static int run_rows(qp_store *s, sqlite3_stmt *st, qp_event_fn fn, void *ud)
{
    int rc, r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_event e;
        make_event(st, &e);
        if ((r = fn(&e, ud)))
            return r;
    }
    return rc == SQLITE_DONE ? 0 : store_error(s, store_sqlite_code(rc), "cannot read events");
}

/* Binds :name to v (text) when the statement has that parameter. */
static void bind_named(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i)
        store_bind_str(st, i, v);
}

static void bind_named_int(sqlite3_stmt *st, const char *name, int64_t v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i)
        sqlite3_bind_int64(st, i, v);
}

/* A database of schema 1 or 2, read as it is: no day columns, no indexes; one scan and one
 * sort, as before schema 003. */
static int legacy_events(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud)
{
    char sql[4096];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE under(id) AS (SELECT :actor WHERE :actor IS NOT NULL "
             " UNION SELECT a.id FROM actors a JOIN under u ON a.parent = u.id) " EVENT_COLUMNS
             "WHERE (:actor IS NULL OR e.actor1 IN (SELECT id FROM under) OR e.actor2 IN (SELECT id FROM under)) "
             "AND (:action IS NULL OR e.action = upper(:action)) "
             "AND (:place IS NULL OR e.place_id = :place OR p.label = :place COLLATE NOCASE "
             " OR e.place_text = :place COLLATE NOCASE "
             " OR (substr(:place, 1, 1) = '[' AND json_valid(:place) AND e.place_id IN (SELECT value FROM json_each(:place)))) "
             "AND (:since IS NULL OR coalesce(e.time_end, e.time_start, d.published) > :since) "
             "AND (:until IS NULL OR coalesce(e.time_start, d.published) <= :until) "
             "AND (:doc IS NULL OR d.name = :doc) AND (:hidden OR (e.flags & %d) = 0) "
             "AND (:country IS NULL OR p.country = upper(:country)) AND (:mode IS NULL OR e.mode = lower(:mode)) "
             "AND (:minconf IS NULL OR e.confidence >= :minconf) "
             "ORDER BY e.time_start IS NULL, e.time_start, d.name, e.sentence, e.id",
             QP_EVENT_HIDDEN);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read events");
    bind_named(st, ":actor", f->actor);
    bind_named(st, ":action", f->action);
    bind_named(st, ":place", f->place);
    bind_named(st, ":since", f->since);
    bind_named(st, ":until", f->until);
    bind_named(st, ":doc", f->doc);
    bind_named(st, ":country", f->country);
    bind_named(st, ":mode", f->mode);
    bind_named_int(st, ":hidden", f->include_hidden);
    if (f->min_confidence > 0)
        sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":minconf"), f->min_confidence);
    int r = run_rows(s, st, fn, ud);
    sqlite3_finalize(st);
    return r;
}

/* store_meta's max_span_days: the longest event, in days. 0 when unknown. */
static int64_t max_span(qp_store *s)
{
    if (s->max_span >= 0)
        return s->max_span;
    sqlite3_stmt *st;
    int64_t v = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM store_meta WHERE key = 'max_span_days'", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return s->max_span = v;
}

/* 1 when some stored place is called place (its id, or its label in any case). */
static int known_place(qp_store *s, const char *place)
{
    sqlite3_stmt *st;
    int yes = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM places WHERE id = ?1 OR label = ?1 COLLATE NOCASE LIMIT 1", -1, &st,
                           NULL) == SQLITE_OK) {
        store_bind_str(st, 1, place);
        yes = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return yes;
}

/* The WHERE clause of f, with only the conditions f sets, so that the planner sees which
 * indexes can serve (a "?1 IS NULL OR …" condition serves none). */
static int where_of(qp_store *s, const qp_event_filter *f, qp_buf *w)
{
    int rc = qp_buf_puts(w, "WHERE 1");
    if (f->actor)
        rc |= qp_buf_puts(w, " AND (e.actor1 IN (SELECT id FROM under) OR e.actor2 IN (SELECT id FROM under))");
    if (f->action)
        rc |= qp_buf_puts(w, " AND e.action = upper(:action)");
    if (f->place && f->place[0] == '[')
        rc |= qp_buf_puts(w, " AND e.place_id IN (SELECT value FROM json_each(:place))");
    else if (f->place && known_place(s, f->place))
        /* a stored place: its id, through the index; the words of the text are its label's */
        rc |= qp_buf_puts(w, " AND e.place_id IN (SELECT id FROM places WHERE id = :place OR label = :place COLLATE NOCASE)");
    else if (f->place)
        /* not a stored place: the article's own words, on every row */
        rc |= qp_buf_puts(w, " AND e.place_text = :place COLLATE NOCASE");
    if (f->country)
        rc |= qp_buf_puts(w, " AND e.place_id IN (SELECT id FROM places WHERE country = upper(:country))");
    if (f->since)
        rc |= qp_buf_puts(w, " AND e.day_end > :since AND e.day > :since_lo");
    if (f->until)
        rc |= qp_buf_puts(w, " AND e.day <= :until");
    if (f->doc)
        rc |= qp_buf_puts(w, " AND e.document_id IN (SELECT id FROM documents WHERE name = :doc)");
    if (f->mode)
        rc |= qp_buf_puts(w, " AND e.mode = lower(:mode)");
    if (f->min_confidence > 0)
        rc |= qp_buf_puts(w, " AND e.confidence >= :minconf");
    if (!f->include_hidden)
        rc |= qp_buf_printf(w, " AND (e.flags & %d) = 0", QP_EVENT_HIDDEN);
    return rc ? QP_ENOMEM : 0;
}

/* Prints the plan of st on stderr: what QP_STORE_PLAN=1 asks for. */
static void print_plan(qp_store *s, const char *sql)
{
    char *eqp = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st;
    if (eqp && sqlite3_prepare_v2(s->db, eqp, -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW)
            fprintf(stderr, "plan: %d %d %s\n", sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
                    (const char *)sqlite3_column_text(st, 3));
        sqlite3_finalize(st);
    }
    sqlite3_free(eqp);
}

/* One pass: the rows of where plus tail (the day condition and the order). */
static int events_pass(qp_store *s, const qp_event_filter *f, const qp_buf *where, const char *tail,
                       int64_t since, int64_t until, qp_event_fn fn, void *ud)
{
    qp_buf sql;
    qp_buf_init(&sql);
    int r = 0;
    if (f->actor)
        r |= qp_buf_puts(&sql, "WITH RECURSIVE under(id) AS (SELECT :actor "
                               "UNION SELECT a.id FROM actors a JOIN under u ON a.parent = u.id) ");
    r |= qp_buf_puts(&sql, EVENT_COLUMNS);
    r |= qp_buf_append(&sql, where->data, where->len);
    r |= qp_buf_puts(&sql, tail);
    if (r) {
        qp_buf_destroy(&sql);
        return QP_ENOMEM;
    }
    const char *plan = getenv("QP_STORE_PLAN");
    if (plan && *plan == '1')
        print_plan(s, sql.data);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
    qp_buf_destroy(&sql);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read events");
    bind_named(st, ":actor", f->actor);
    bind_named(st, ":action", f->action);
    bind_named(st, ":place", f->place);
    bind_named(st, ":country", f->country);
    bind_named(st, ":doc", f->doc);
    bind_named(st, ":mode", f->mode);
    bind_named_int(st, ":since", since);
    bind_named_int(st, ":since_lo", since - max_span(s));
    bind_named_int(st, ":until", until);
    if (f->min_confidence > 0)
        sqlite3_bind_double(st, sqlite3_bind_parameter_index(st, ":minconf"), f->min_confidence);
    r = run_rows(s, st, fn, ud);
    sqlite3_finalize(st);
    return r;
}

int qp_store_events_each(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud)
{
    qp_event_filter none = {0};
    if (!f)
        f = &none;
    if (s->schema < 3)
        return legacy_events(s, f, fn, ud);
    int64_t since = 0, until = 0;
    if ((f->since && !store_days(f->since, &since)) || (f->until && !store_days(f->until, &until))) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: not a date (YYYY-MM-DD): %s", s->path,
                 f->since && !store_days(f->since, &since) ? f->since : f->until);
        return QP_EINVAL;
    }
    qp_buf where;
    qp_buf_init(&where);
    int r = where_of(s, f, &where);
    /* dated events in day order (the order of events_day: no sort when it serves), then the
     * undated ones, which no window takes */
    if (!r)
        r = events_pass(s, f, &where, " AND e.day IS NOT NULL ORDER BY e.day, e.id", since, until, fn, ud);
    if (!r && !f->since && !f->until)
        r = events_pass(s, f, &where, " AND e.day IS NULL ORDER BY e.id", since, until, fn, ud);
    qp_buf_destroy(&where);
    return r;
}

/* ---- what the graph reads ---- */

/* The focus as a JSON array of ids, for json_each. NULL when memory ran out. */
static char *focus_json(const char *const *ids, size_t n)
{
    qp_buf b;
    qp_buf_init(&b);
    int rc = qp_buf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        rc |= qp_buf_puts(&b, i ? ",\"" : "\"");
        for (const char *p = ids[i]; *p; p++)
            rc |= *p == '"' || *p == '\\' ? qp_buf_printf(&b, "\\%c", *p)
                  : (unsigned char)*p < 0x20 ? qp_buf_printf(&b, "\\u%04x", *p) : qp_buf_putc(&b, *p);
        rc |= qp_buf_putc(&b, '"');
    }
    rc |= qp_buf_puts(&b, "]");
    if (rc) {
        qp_buf_destroy(&b);
        return NULL;
    }
    return b.data;
}

static int graph_pass(qp_store *s, const qp_graph_events_query *q, const char *focus, const char *tail,
                      int64_t since, int64_t until, qp_event_fn fn, void *ud)
{
    qp_buf sql;
    qp_buf_init(&sql);
    int r = 0;
    if (focus)
        r |= qp_buf_puts(&sql, "WITH RECURSIVE under(id) AS (SELECT value FROM json_each(:focus) "
                               "UNION SELECT a.id FROM actors a JOIN under u ON a.parent = u.id) ");
    r |= qp_buf_puts(&sql, "SELECT e.uid, e.sentence, e.actor1, e.actor2, e.action, e.context, e.time_start, e.time_end, "
                           "e.confidence, e.flags, e.place_id, p.label, p.country, p.lat, p.lon");
    if (q->with_evidence)
        r |= qp_buf_puts(&sql, ", substr(CAST(d.text AS BLOB), e.evidence_start + 1, e.evidence_end - e.evidence_start), "
                               "e.action_text FROM events e JOIN documents d ON d.id = e.document_id ");
    else
        r |= qp_buf_puts(&sql, " FROM events e ");
    r |= qp_buf_printf(&sql, "LEFT JOIN places p ON p.id = e.place_id WHERE (e.flags & %d) = 0 "
                             "AND (e.actor1 IS NOT NULL OR e.actor2 IS NOT NULL)", QP_EVENT_HIDDEN);
    if (focus)
        r |= qp_buf_puts(&sql, " AND (e.actor1 IN (SELECT id FROM under) OR e.actor2 IN (SELECT id FROM under))");
    if (q->since)
        r |= qp_buf_puts(&sql, " AND e.day_end > :since AND e.day > :since_lo");
    if (q->until)
        r |= qp_buf_puts(&sql, " AND e.day <= :until");
    r |= qp_buf_puts(&sql, tail);
    if (r) {
        qp_buf_destroy(&sql);
        return QP_ENOMEM;
    }
    const char *plan = getenv("QP_STORE_PLAN");
    if (plan && *plan == '1')
        print_plan(s, sql.data);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
    qp_buf_destroy(&sql);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read events");
    bind_named(st, ":focus", focus);
    bind_named_int(st, ":since", since);
    bind_named_int(st, ":since_lo", since - max_span(s));
    bind_named_int(st, ":until", until);
    char doc[512];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *uid = store_col(st, 0);
        /* the document's name is the uid's '<name>#<sentence>.<n>' up to its last '#' */
        const char *hash = uid ? strrchr(uid, '#') : NULL;
        snprintf(doc, sizeof doc, "%.*s", hash ? (int)(hash - uid) : 0, hash ? uid : "");
        qp_event e = {
            .uid = uid, .doc = doc, .sentence = sqlite3_column_int(st, 1),
            .actor1 = {.id = store_col(st, 2)}, .actor2 = {.id = store_col(st, 3)},
            .action = store_col(st, 4), .context = store_col(st, 5),
            .time = {.start = store_col(st, 6), .end = store_col(st, 7)},
            .confidence = sqlite3_column_double(st, 8), .flags = sqlite3_column_int(st, 9),
            .place = {store_col(st, 10), store_col(st, 11), store_col(st, 12), sqlite3_column_double(st, 13),
                      sqlite3_column_double(st, 14), NULL, NULL},
        };
        if (q->with_evidence) {
            e.evidence_text = store_col(st, 15);
            e.action_text = store_col(st, 16);
        }
        if ((r = fn(&e, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE && rc != SQLITE_ROW)
        r = store_error(s, store_sqlite_code(rc), "cannot read events");
    sqlite3_finalize(st);
    return r;
}

/* A database before schema 003: every event of the window through qp_store_events_each, the
 * focus applied here (one actor and those under it only when there is one). */
typedef struct legacy_graph {
    qp_event_fn fn;
    void *ud;
} legacy_graph;

static int legacy_graph_row(const qp_event *e, void *ud)
{
    legacy_graph *g = ud;
    if ((e->flags & QP_EVENT_HIDDEN) || (!e->actor1.id && !e->actor2.id))
        return 0;
    return g->fn(e, g->ud);
}

int qp_store_graph_events_each(qp_store *s, const qp_graph_events_query *q, qp_event_fn fn, void *ud)
{
    if (s->schema < 3) {
        qp_event_filter f = {.since = q->since, .until = q->until, .actor = q->n_focus == 1 ? q->focus[0] : NULL};
        legacy_graph g = {fn, ud};
        return qp_store_events_each(s, &f, legacy_graph_row, &g);
    }
    int64_t since = 0, until = 0;
    if ((q->since && !store_days(q->since, &since)) || (q->until && !store_days(q->until, &until))) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: not a date (YYYY-MM-DD): %s", s->path,
                 q->since && !store_days(q->since, &since) ? q->since : q->until);
        return QP_EINVAL;
    }
    char *focus = NULL;
    if (q->n_focus && !(focus = focus_json(q->focus, q->n_focus)))
        return QP_ENOMEM;
    int r = graph_pass(s, q, focus, " AND e.day IS NOT NULL ORDER BY e.day, e.id", since, until, fn, ud);
    if (!r && !q->since && !q->until)
        r = graph_pass(s, q, focus, " AND e.day IS NULL ORDER BY e.id", since, until, fn, ud);
    free(focus);
    return r;
}
