/* store_docs.c — stored documents taken up again: which ones `quipu reextract` takes, and each
 * one's text. */
#include "store_int.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qp_store_document_ids(qp_store *s, const qp_doc_filter *f, int64_t **ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    qp_doc_filter none = {0};
    if (!f)
        f = &none;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT d.id FROM documents d "
        "WHERE (:since IS NULL OR d.published >= :since) AND (:until IS NULL OR d.published <= :until) "
        "AND (:doc IS NULL OR d.name = :doc) "
        "AND (NOT :stale OR d.extractor IS NULL OR d.extractor NOT IN (SELECT id FROM extractors WHERE version = :version) "
        " OR EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id AND (e.extractor IS NULL OR e.extractor <> d.extractor))) "
        "ORDER BY d.published IS NULL, d.published, d.id", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_error(s, store_sqlite_code(rc), "cannot list documents");
    store_bind_str(st, sqlite3_bind_parameter_index(st, ":since"), f->since);
    store_bind_str(st, sqlite3_bind_parameter_index(st, ":until"), f->until);
    store_bind_str(st, sqlite3_bind_parameter_index(st, ":doc"), f->doc);
    sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":stale"), f->stale);
    store_bind_str(st, sqlite3_bind_parameter_index(st, ":version"), s->extractor);
    size_t cap = 0;
    int r = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 1024;
            int64_t *g = realloc(*ids, cap * sizeof *g);
            if (!g) {
                r = QP_ENOMEM;
                break;
            }
            *ids = g;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (!r && rc != SQLITE_DONE)
        r = store_error(s, store_sqlite_code(rc), "cannot list documents");
    sqlite3_finalize(st);
    if (r) {
        free(*ids);
        *ids = NULL;
        *n = 0;
    }
    return r;
}

int qp_store_load_document(qp_store *s, int64_t id, qp_arena *arena, qp_document *d)
{
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st = store_cached(s, 21, "SELECT name, hash, url, title, source, lang, published, status, "
                                           "CAST(text AS BLOB) FROM documents WHERE id = ?");
    if (!st)
        return QP_EDB;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st), r = 0;
    if (rc == SQLITE_ROW) {
        const char *col[8];
        for (int i = 0; i < 8; i++)
            col[i] = store_col(st, i);
        d->name = qp_arena_strdup(arena, col[0]);
        snprintf(d->hash, sizeof d->hash, "%s", col[1] ? col[1] : "");
        d->url = qp_arena_strdup(arena, col[2]);
        d->title = qp_arena_strdup(arena, col[3]);
        d->source = qp_arena_strdup(arena, col[4]);
        d->lang = qp_arena_strdup(arena, col[5]);
        d->published = qp_arena_strdup(arena, col[6]);
        d->status = qp_arena_strdup(arena, col[7]);
        d->text_len = (size_t)sqlite3_column_bytes(st, 8);
        d->text = qp_arena_strndup(arena, sqlite3_column_blob(st, 8) ? sqlite3_column_blob(st, 8) : "", d->text_len);
        if (!d->name || !d->text)
            r = QP_ENOMEM;
    } else if (rc == SQLITE_DONE) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: no document of row %lld", s->path, (long long)id);
        r = QP_ENOTFOUND;
    } else {
        r = store_error(s, store_sqlite_code(rc), "cannot read a document");
    }
    sqlite3_reset(st);
    return r;
}
