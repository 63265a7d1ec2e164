/* store_read.c — what the rest of quipu asks of the store: documents, actors, names and
 * aliases, places and modes named, a document's description. Events by filter are read in
 * store_events.c. */
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
