/* store_read.c — what the rest of quipu asks of the store: documents, events by filter, actors,
 * names and aliases, places and modes named, a document's description. */
#include "store_int.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        return store_error(s, store_sqlite_code(rc), "cannot list documents");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_doc_info d = {
            .id = sqlite3_column_int64(st, 0), .name = store_col(st, 1), .hash = store_col(st, 2), .url = store_col(st, 3),
            .title = store_col(st, 4), .source = store_col(st, 5), .lang = store_col(st, 6), .published = store_col(st, 7),
            .ingested_at = store_col(st, 8), .status = store_col(st, 9), .clutter_lines = sqlite3_column_int(st, 10),
            .sentences = sqlite3_column_int(st, 11), .events = sqlite3_column_int(st, 12),
            .text_len = (size_t)sqlite3_column_int64(st, 13),
        };
        if ((r = fn(&d, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot list documents");
    sqlite3_finalize(st);
    return r;
}

int qp_store_events_each(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud)
{
    qp_event_filter none = {0};
    if (!f)
        f = &none;
    char sql[4096];
    /* the actor and every actor whose parent chain leads to it (a WITH over a NULL actor is
     * empty: no cost when the filter is off) */
    snprintf(sql, sizeof sql,
        "WITH RECURSIVE under(id) AS (SELECT ?1 WHERE ?1 IS NOT NULL "
        " UNION SELECT a.id FROM actors a JOIN under u ON a.parent = u.id) "
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
        "WHERE (?1 IS NULL OR e.actor1 IN (SELECT id FROM under) OR e.actor2 IN (SELECT id FROM under)) "
        "AND (?2 IS NULL OR e.action = upper(?2)) "
        "AND (?3 IS NULL OR e.place_id = ?3 OR p.label = ?3 COLLATE NOCASE OR e.place_text = ?3 COLLATE NOCASE "
        " OR (substr(?3, 1, 1) = '[' AND json_valid(?3) AND e.place_id IN (SELECT value FROM json_each(?3)))) "
        "AND (?4 IS NULL OR coalesce(e.time_end, e.time_start, d.published) > ?4) "
        "AND (?5 IS NULL OR coalesce(e.time_start, d.published) <= ?5) "
        "AND (?6 IS NULL OR d.name = ?6) "
        "AND (?7 OR (e.flags & %d) = 0) "
        "AND (?8 IS NULL OR p.country = upper(?8)) "
        "AND (?9 IS NULL OR e.mode = lower(?9)) "
        "AND (?10 IS NULL OR e.confidence >= ?10) "
        "ORDER BY e.time_start IS NULL, e.time_start, d.name, e.sentence, e.id",
        QP_EVENT_HIDDEN);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read events");
    store_bind_str(st, 1, f->actor);
    store_bind_str(st, 2, f->action);
    store_bind_str(st, 3, f->place);
    store_bind_str(st, 4, f->since);
    store_bind_str(st, 5, f->until);
    store_bind_str(st, 6, f->doc);
    sqlite3_bind_int(st, 7, f->include_hidden);
    store_bind_str(st, 8, f->country);
    store_bind_str(st, 9, f->mode);
    if (f->min_confidence > 0)
        sqlite3_bind_double(st, 10, f->min_confidence);
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_event e = {
            .uid = store_col(st, 0), .doc = store_col(st, 1), .sentence = sqlite3_column_int(st, 2),
            .actor1 = {store_col(st, 3), store_col(st, 4), store_col(st, 5), store_col(st, 6), store_col(st, 7), store_col(st, 8), store_col(st, 9)},
            .actor2 = {store_col(st, 10), store_col(st, 11), store_col(st, 12), store_col(st, 13), store_col(st, 14), store_col(st, 15), store_col(st, 16)},
            .action = store_col(st, 17), .mode = store_col(st, 18), .context = store_col(st, 19), .cameo = store_col(st, 20),
            .action_text = store_col(st, 21),
            .place = {store_col(st, 22), store_col(st, 23), store_col(st, 24), sqlite3_column_double(st, 25),
                      sqlite3_column_double(st, 26), store_col(st, 27), store_col(st, 28)},
            .time = {store_col(st, 29), store_col(st, 30), store_col(st, 31), store_col(st, 32), store_col(st, 33), store_col(st, 34)},
            .evidence_start = (size_t)sqlite3_column_int64(st, 35),
            .evidence_end = (size_t)sqlite3_column_int64(st, 36),
            .evidence_text = store_col(st, 37),
            .confidence = sqlite3_column_double(st, 38), .flags = sqlite3_column_int(st, 39),
            .speaker = store_col(st, 40),
        };
        if ((r = fn(&e, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read events");
    sqlite3_finalize(st);
    return r;
}


int qp_store_actors_each(qp_store *s, qp_actor_fn fn, void *ud)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, label, label_fr, kind, country, parent FROM actors", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read actors");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        qp_actor_ref a = {.id = store_col(st, 0), .label = store_col(st, 1), .label_fr = store_col(st, 2),
                          .kind = store_col(st, 3), .country = store_col(st, 4), .parent = store_col(st, 5)};
        /* the store writes 'unknown' for actors it met without a description */
        if (a.kind && !strcmp(a.kind, "unknown"))
            a.kind = NULL;
        if ((r = fn(&a, ud)))
            break;
    }
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read actors");
    sqlite3_finalize(st);
    return r;
}

/* fn over each non-empty column 1..ncols-1 of sql's rows, with column 0 as the id. */
static int names_from(qp_store *s, const char *sql, int ncols, qp_name_fn fn, void *ud)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read actor names");
    int r = 0;
    while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int k = 1; !r && k < ncols; k++) {
            const char *id = store_col(st, 0), *name = store_col(st, k);
            if (id && name && *name)
                r = fn(id, name, ud);
        }
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read actor names");
    sqlite3_finalize(st);
    return r;
}

int qp_store_names_each(qp_store *s, qp_name_fn fn, void *ud)
{
    int r = names_from(s, "SELECT id, id, label, label_fr FROM actors", 4, fn, ud);
    return r ? r : names_from(s, "SELECT actor_id, alias FROM actor_aliases", 2, fn, ud);
}

int qp_store_places_each(qp_store *s, qp_place_fn fn, void *ud)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT e.place_id, p.label, p.country, e.place_text, count(*) FROM events e "
             "LEFT JOIN places p ON p.id = e.place_id WHERE (e.flags & %d) = 0 "
             "AND (e.place_id IS NOT NULL OR e.place_text IS NOT NULL) GROUP BY e.place_id, e.place_text",
             QP_EVENT_HIDDEN);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read places");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((r = fn(store_col(st, 0), store_col(st, 1), store_col(st, 2), store_col(st, 3),
                    (size_t)sqlite3_column_int64(st, 4), ud)))
            break;
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read places");
    sqlite3_finalize(st);
    return r;
}

int qp_store_modes_each(qp_store *s, qp_mode_fn fn, void *ud)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT action, mode, count(*) FROM events WHERE mode IS NOT NULL AND (flags & %d) = 0 "
             "GROUP BY action, mode ORDER BY action, mode", QP_EVENT_HIDDEN);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read modes");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((r = fn(store_col(st, 0), store_col(st, 1), (size_t)sqlite3_column_int64(st, 2), ud)))
            break;
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read modes");
    sqlite3_finalize(st);
    return r;
}

int qp_store_actor_label(qp_store *s, const char *id, char **label)
{
    *label = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT label FROM actors WHERE id = ?", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read actors");
    store_bind_str(st, 1, id);
    int r = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && store_col(st, 0) && !(*label = strdup(store_col(st, 0))))
        r = QP_ENOMEM;
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read actors");
    sqlite3_finalize(st);
    return r;
}

int qp_store_state_label_fr(qp_store *s, const char *label, char *out, size_t cap)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT label_fr FROM actors WHERE kind = 'state' AND label = ? "
                                       "AND label_fr IS NOT NULL ORDER BY id LIMIT 1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read actors");
    store_bind_str(st, 1, label);
    rc = sqlite3_step(st);
    int r = QP_ENOTFOUND;
    if (rc == SQLITE_ROW && store_col(st, 0))
        r = (size_t)snprintf(out, cap, "%s", store_col(st, 0)) < cap ? 0 : QP_ETOOBIG;
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read actors");
    sqlite3_finalize(st);
    return r;
}

int qp_store_shared_titles_each(qp_store *s, qp_title_fn fn, void *ud)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT title, count(*) FROM documents WHERE title IS NOT NULL "
                                       "GROUP BY title HAVING count(*) > 1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read documents");
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((r = fn(store_col(st, 0), (size_t)sqlite3_column_int64(st, 1), ud)))
            break;
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot read documents");
    sqlite3_finalize(st);
    return r;
}

int qp_store_doc_head(qp_store *s, const char *name, size_t cap, char **head)
{
    *head = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT substr(CAST(text AS BLOB), 1, ?2) FROM documents WHERE name = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read documents");
    store_bind_str(st, 1, name);
    sqlite3_bind_int64(st, 2, cap > 1 ? (sqlite3_int64)cap - 1 : 0);
    int r = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_blob(st, 0)) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        const char *t = sqlite3_column_blob(st, 0);
        /* whole lines only: a cut inside a character or a word would read as a line of its own */
        size_t keep = n;
        if (n == cap - 1)
            while (keep > 0 && t[keep - 1] != '\n')
                keep--;
        if (!(*head = malloc(keep + 1)))
            r = QP_ENOMEM;
        else {
            memcpy(*head, t, keep);
            (*head)[keep] = 0;
        }
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        r = store_error(s, store_sqlite_code(rc), "cannot read documents");
    }
    sqlite3_finalize(st);
    return r;
}

int qp_store_sentence(qp_store *s, const char *name, int idx, char **text, size_t *start)
{
    *text = NULL;
    *start = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT s.start, substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) "
                                       "FROM sentences s JOIN documents d ON d.id = s.document_id "
                                       "WHERE d.name = ?1 AND s.idx = ?2", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read sentences");
    store_bind_str(st, 1, name);
    sqlite3_bind_int(st, 2, idx);
    int r = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        const void *b = sqlite3_column_blob(st, 1);
        *start = (size_t)sqlite3_column_int64(st, 0);
        if (!(*text = malloc(n + 1)))
            r = QP_ENOMEM;
        else {
            if (n)
                memcpy(*text, b, n);
            (*text)[n] = 0;
        }
    } else if (rc != SQLITE_DONE) {
        r = store_error(s, store_sqlite_code(rc), "cannot read sentences");
    }
    sqlite3_finalize(st);
    return r;
}

static char *dup_or_null(const char *v, int *oom)
{
    if (!v || !*v)
        return NULL;
    char *c = strdup(v);
    *oom |= !c;
    return c;
}

int qp_store_doc_meta(qp_store *s, const char *name, qp_doc_meta *d)
{
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT title, source, url, published, lang FROM documents WHERE name = ?",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot read documents");
    store_bind_str(st, 1, name);
    int r = 0, oom = 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        d->title = dup_or_null(store_col(st, 0), &oom);
        d->source = dup_or_null(store_col(st, 1), &oom);
        d->url = dup_or_null(store_col(st, 2), &oom);
        d->published = dup_or_null(store_col(st, 3), &oom);
        d->lang = dup_or_null(store_col(st, 4), &oom);
        r = oom ? QP_ENOMEM : 0;
    } else {
        r = rc == SQLITE_DONE ? QP_ENOTFOUND : store_error(s, store_sqlite_code(rc), "cannot read documents");
    }
    sqlite3_finalize(st);
    if (r)
        qp_doc_meta_destroy(d);
    return r;
}

void qp_doc_meta_destroy(qp_doc_meta *d)
{
    free(d->title);
    free(d->source);
    free(d->url);
    free(d->published);
    free(d->lang);
    memset(d, 0, sizeof *d);
}
