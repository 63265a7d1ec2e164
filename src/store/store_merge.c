/* store_merge.c — folding another quipu database into this one (`quipu merge`): documents by
 * identity (the hash of their text), their sentences, clutter lines and events, the actors,
 * aliases, places and extractor versions they name. Done in SQL over an attached database, in
 * one transaction per input. */
#include "store_int.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


/* One count from sql (no parameters). */
static int64_t count_of(qp_store *s, const char *sql)
{
    sqlite3_stmt *st;
    int64_t n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The statements of one merge, in order. src is the attached input; temp.merge_docs maps its
 * new documents (src_id) to their rows here (id), temp.merge_x its extractor ids. */
static const char *const merge_sql[] = {
    /* extractor versions, by their text */
    "INSERT OR IGNORE INTO main.extractors (version) SELECT version FROM src.extractors",
    "CREATE TEMP TABLE merge_x (src_id INTEGER PRIMARY KEY, id INTEGER)",
    "INSERT INTO temp.merge_x SELECT s.id, m.id FROM src.extractors s JOIN main.extractors m ON m.version = s.version",
    /* actors, unified as an ingest writes them: a row with a label and kind of its own keeps
     * them, a placeholder (kind unknown, label its id) takes the input's; parents after every
     * row exists, so that the foreign key holds whatever the order */
    "INSERT INTO main.actors (id, label, label_fr, kind, country, parent) "
    " SELECT id, label, label_fr, kind, country, NULL FROM src.actors WHERE true "
    " ON CONFLICT(id) DO UPDATE SET label = excluded.label, label_fr = coalesce(excluded.label_fr, label_fr), "
    " kind = excluded.kind, country = coalesce(excluded.country, country) "
    " WHERE (actors.kind = 'unknown' OR actors.label = actors.id) AND excluded.kind <> 'unknown'",
    "UPDATE main.actors SET parent = (SELECT s.parent FROM src.actors s WHERE s.id = actors.id) "
    " WHERE parent IS NULL AND id IN (SELECT id FROM src.actors WHERE parent IS NOT NULL)",
    "INSERT OR IGNORE INTO main.actor_aliases SELECT actor_id, alias, folded, lang FROM src.actor_aliases",
    "INSERT OR IGNORE INTO main.places SELECT id, label, country, lat, lon, feature FROM src.places",
    /* documents not here yet; a name another text holds gets the hash, as ingest gives it */
    "CREATE TEMP TABLE merge_docs (src_id INTEGER PRIMARY KEY, id INTEGER)",
    "INSERT INTO main.documents (name, hash, url, title, source, lang, published, ingested_at, text, clutter_lines, "
    " status, extractor) "
    " SELECT CASE WHEN EXISTS (SELECT 1 FROM main.documents m WHERE m.name = d.name) "
    "  THEN d.name || '~' || substr(d.hash, 1, 8) ELSE d.name END, d.hash, d.url, d.title, d.source, d.lang, "
    "  d.published, d.ingested_at, d.text, d.clutter_lines, d.status, x.id "
    " FROM src.documents d LEFT JOIN temp.merge_x x ON x.src_id = d.extractor "
    " WHERE d.hash NOT IN (SELECT hash FROM main.documents) ORDER BY d.id",
    "INSERT INTO temp.merge_docs SELECT d.id, m.id FROM src.documents d JOIN main.documents m ON m.hash = d.hash "
    " WHERE m.id > :before",
    "INSERT INTO main.sentences SELECT n.id, s.idx, s.start, s.end FROM src.sentences s "
    " JOIN temp.merge_docs n ON n.src_id = s.document_id",
    "INSERT INTO main.clutter SELECT n.id, c.line_no, c.text FROM src.clutter c "
    " JOIN temp.merge_docs n ON n.src_id = c.document_id",
    /* events: the uid made again from the name the document has here ('<name>#<sentence>.<n>',
     * n the digits after its last dot) */
    "INSERT INTO main.events (uid, document_id, sentence, actor1, actor1_text, action, mode, context, cameo, "
    " action_text, actor2, actor2_text, place_id, place_text, time_value, time_start, time_end, time_grain, "
    " time_text, time_anchor, evidence_start, evidence_end, confidence, flags, speaker, extractor, day, day_end) "
    " SELECT m.name || '#' || e.sentence || '.' || substr(e.uid, length(rtrim(e.uid, '0123456789')) + 1), "
    "  n.id, e.sentence, e.actor1, e.actor1_text, e.action, e.mode, e.context, e.cameo, e.action_text, e.actor2, "
    "  e.actor2_text, e.place_id, e.place_text, e.time_value, e.time_start, e.time_end, e.time_grain, e.time_text, "
    "  e.time_anchor, e.evidence_start, e.evidence_end, e.confidence, e.flags, e.speaker, x.id, e.day, e.day_end "
    " FROM src.events e JOIN temp.merge_docs n ON n.src_id = e.document_id JOIN main.documents m ON m.id = n.id "
    " LEFT JOIN temp.merge_x x ON x.src_id = e.extractor ORDER BY e.id",
    "INSERT INTO main.store_meta (key, value) SELECT key, value FROM src.store_meta WHERE key = 'max_span_days' "
    " ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
};

int qp_store_merge(qp_store *s, const char *path, qp_merge_stats *st)
{
    memset(st, 0, sizeof *st);
    /* the input must be a quipu database of this schema: checked as a reader opens it */
    qp_store *in = NULL;
    int r = qp_store_open_read(&in, path);
    if (!r && in->schema != qp_store_schema_version()) {
        snprintf(in->errmsg, sizeof in->errmsg,
                 "%s: schema version %d; merge reads version %d (`quipu ingest --db %s /dev/null` migrates it)",
                 path, in->schema, qp_store_schema_version(), path);
        r = QP_EDBVERSION;
    }
    if (r) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", qp_store_errmsg(in));
        qp_store_close(in);
        return r;
    }
    qp_store_close(in);
    struct stat a, b;
    if (stat(path, &a) == 0 && stat(s->path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: is the database merged into", path);
        return QP_EINVAL;
    }
    char *uri = store_file_uri(path, "mode=ro");
    if (!uri)
        return QP_ENOMEM;
    sqlite3_stmt *att = NULL;
    int rc = sqlite3_prepare_v2(s->db, "ATTACH DATABASE ? AS src", -1, &att, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(att, 1, uri, -1, SQLITE_STATIC);
        rc = sqlite3_step(att);
    }
    sqlite3_finalize(att);
    sqlite3_free(uri);
    if (rc != SQLITE_DONE)
        return store_error(s, store_sqlite_code(rc), "cannot open the database to merge");
    /* the writes of the store's own cache of ids are not the merge's */
    store_forget_written(s);
    if ((r = store_exec(s, "BEGIN IMMEDIATE", "cannot start the merge")))
        goto detach;
    int64_t before = count_of(s, "SELECT coalesce(max(id), 0) FROM main.documents");
    int64_t events_before = count_of(s, "SELECT count(*) FROM main.events");
    st->documents_in = count_of(s, "SELECT count(*) FROM src.documents");
    for (size_t i = 0; i < QP_ARRAY_LEN(merge_sql) && !r; i++) {
        sqlite3_stmt *q;
        rc = sqlite3_prepare_v2(s->db, merge_sql[i], -1, &q, NULL);
        if (rc == SQLITE_OK) {
            int k = sqlite3_bind_parameter_index(q, ":before");
            if (k)
                sqlite3_bind_int64(q, k, before);
            rc = sqlite3_step(q);
        }
        sqlite3_finalize(q);
        if (rc != SQLITE_DONE)
            r = store_error(s, store_sqlite_code(rc), "cannot merge");
    }
    if (!r) {
        st->documents_added = count_of(s, "SELECT count(*) FROM temp.merge_docs");
        st->events_added = count_of(s, "SELECT count(*) FROM main.events") - events_before;
    }
    sqlite3_exec(s->db, "DROP TABLE IF EXISTS temp.merge_docs; DROP TABLE IF EXISTS temp.merge_x", NULL, NULL, NULL);
    if (!r)
        r = store_exec(s, "COMMIT", "cannot commit the merge");
    if (r)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
detach:
    sqlite3_exec(s->db, "DETACH DATABASE src", NULL, NULL, NULL);
    store_forget_written(s);
    return r;
}
