/* test_store.c — the SQLite store: creation, migrations, version guard, writes and reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "qp.h"
#include "store.h"
#include "store_int.h" /* the store's own test reads its connection */

static char dbpath[256];

static int setup(void **state)
{
    snprintf(dbpath, sizeof dbpath, "/tmp/qp-test-store-%d.db", (int)getpid());
    unlink(dbpath);
    return 0;
}

static int teardown(void **state)
{
    char p[300];
    unlink(dbpath);
    snprintf(p, sizeof p, "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", dbpath);
    unlink(p);
    return 0;
}

static int count_rows(qp_store *s, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void fresh_database_gets_latest_schema(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), qp_store_schema_version());
    sqlite3_finalize(st);
    assert_int_equal(count_rows(s, "documents"), 0);
    qp_store_close(s);
    /* opening again is a no-op migration */
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    qp_store_close(s);
}

static void newer_database_is_refused(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    assert_int_equal(sqlite3_exec(s->db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
    qp_store_close(s);
    assert_int_equal(qp_store_open(&s, dbpath), QP_EDBVERSION);
    assert_non_null(strstr(qp_store_errmsg(s), "newer quipu"));
    assert_non_null(strstr(qp_store_errmsg(s), dbpath));
    qp_store_close(s);
}

static void corrupt_file_is_refused(void **state)
{
    FILE *f = fopen(dbpath, "wb");
    assert_non_null(f);
    for (int i = 0; i < 200; i++)
        fputs("this is not a database at all. ", f);
    fclose(f);
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), QP_EDB);
    assert_non_null(strstr(qp_store_errmsg(s), dbpath));
    qp_store_close(s);
}

static qp_document sample_doc(const char *name, const char *text, const char *hash)
{
    static qp_span sents[2];
    static qp_clutter_line clut[1] = {{3, "A LIRE AUSSI"}};
    static qp_event ev[1];
    sents[0] = (qp_span){0, 11};
    sents[1] = (qp_span){12, strlen(text)};
    memset(ev, 0, sizeof ev);
    ev[0] = (qp_event){
        .sentence = 1,
        .actor1 = {.id = "IRQ-AIRFORCE", .label = "Iraqi Air Force", .kind = "military", .country = "IRQ",
                   .parent = "IRQ-GOV", .text = "l'armée de l'air irakienne"},
        .action = "ASSAULT", .mode = "aerial", .cameo = "19", .action_text = "raids",
        .place = {.id = "geonames:92138", .label = "Al Qa'im", .country = "IQ", .lat = 34.39, .lon = 40.99,
                  .feature = "P.PPLA2", .text = "al-Qaïm"},
        .time = {.value = "2017-11-02", .start = "2017-11-02", .end = "2017-11-03", .grain = "day", .anchor = "document"},
        .evidence_start = 12, .evidence_end = 22, .confidence = 0.8,
    };
    qp_document d = {.name = name, .lang = "fr", .published = "2017-11-02", .text = text,
                     .text_len = strlen(text), .sentences = sents, .n_sentences = 2, .clutter = clut,
                     .n_clutter = 1, .events = ev, .n_events = 1};
    snprintf(d.hash, sizeof d.hash, "%s", hash);
    return d;
}

static int collect(const qp_event *e, void *ud)
{
    int *n = ud;
    assert_string_equal(e->actor1.id, "IRQ-AIRFORCE");
    assert_string_equal(e->actor1.parent, "IRQ-GOV");
    assert_string_equal(e->place.label, "Al Qa'im");
    assert_string_equal(e->evidence_text, "Raids sur ");
    assert_string_equal(e->doc, "seed");
    (*n)++;
    return 0;
}

static void documents_are_stored_once_and_read_back(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    const char *text = "Une phrase. Raids sur al-Qaïm.";
    qp_document d = sample_doc("seed", text, "abc123");
    int existing;
    assert_int_equal(qp_store_begin(s), 0);
    int64_t id = qp_store_add_document(s, &d, &existing);
    assert_true(id > 0);
    assert_int_equal(existing, 0);
    int64_t id2 = qp_store_add_document(s, &d, &existing);
    assert_int_equal(id2, id);
    assert_int_equal(existing, 1);
    /* the same name with another text is kept under a suffixed name, not overwritten */
    qp_document other = sample_doc("seed", "Autre texte. Raids sur Mossoul.", "def456");
    other.n_events = 0;
    assert_true(qp_store_add_document(s, &other, &existing) > id);
    assert_int_equal(qp_store_commit(s), 0);
    assert_int_equal(count_rows(s, "documents"), 2);
    assert_int_equal(count_rows(s, "sentences"), 4);
    assert_int_equal(count_rows(s, "events"), 1);
    assert_int_equal(count_rows(s, "actors"), 2); /* the actor and its parent */
    int n = 0;
    assert_int_equal(qp_store_events_each(s, NULL, collect, &n), 0);
    assert_int_equal(n, 1);
    /* filters: by parent actor, by action, by date window */
    n = 0;
    qp_event_filter f = {.actor = "IRQ-GOV"};
    assert_int_equal(qp_store_events_each(s, &f, collect, &n), 0);
    assert_int_equal(n, 1);
    n = 0;
    f = (qp_event_filter){.action = "aid"};
    assert_int_equal(qp_store_events_each(s, &f, collect, &n), 0);
    assert_int_equal(n, 0);
    n = 0;
    f = (qp_event_filter){.since = "2017-11-03"};
    assert_int_equal(qp_store_events_each(s, &f, collect, &n), 0);
    assert_int_equal(n, 0);
    f = (qp_event_filter){.since = "2017-11-02", .until = "2017-11-02"};
    assert_int_equal(qp_store_events_each(s, &f, collect, &n), 0);
    assert_int_equal(n, 1);
    qp_store_close(s);
}

static void rollback_leaves_nothing(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    qp_document d = sample_doc("seed", "Une phrase. Raids sur al-Qaïm.", "abc123");
    int existing;
    assert_int_equal(qp_store_begin(s), 0);
    assert_true(qp_store_add_document(s, &d, &existing) > 0);
    qp_store_rollback(s);
    assert_int_equal(count_rows(s, "documents"), 0);
    assert_int_equal(count_rows(s, "events"), 0);
    qp_store_close(s);
}

static int query_int(qp_store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int count_fk_violations(qp_store *s)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL), SQLITE_OK);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n++;
    sqlite3_finalize(st);
    return n;
}

static int collect_v1(const qp_event *e, void *ud)
{
    int *n = ud;
    assert_string_equal(e->uid, "old#1.0");
    assert_string_equal(e->doc, "old");
    assert_string_equal(e->actor1.id, "IRQ-AIRFORCE");
    assert_string_equal(e->actor1.label, "Iraqi Air Force");
    assert_string_equal(e->actor1.parent, "IRQ-GOV");
    assert_string_equal(e->action, "ASSAULT");
    assert_string_equal(e->place.label, "Al Qa'im");
    assert_string_equal(e->time.start, "2017-11-02");
    assert_string_equal(e->evidence_text, "Raids");
    (*n)++;
    return 0;
}

/* A database written by the first schema (the five event indexes that 002 drops) opens, is
 * migrated in place, keeps its documents, events, actors and places, and takes new documents. */
static void version_1_database_is_migrated_and_keeps_its_data(void **state)
{
    assert_true(qp_migrations_count >= 2);
    assert_int_equal(qp_migrations[0].version, 1);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, qp_migrations[0].sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
        "PRAGMA user_version = 1;"
        "INSERT INTO documents (id, name, hash, lang, published, ingested_at, text) "
        "  VALUES (1, 'old', 'h1', 'fr', '2017-11-02', '2017-11-03T00:00:00Z', 'Titre. Raids sur al-Qaïm.');"
        "INSERT INTO sentences VALUES (1, 0, 0, 6), (1, 1, 7, 26);"
        "INSERT INTO clutter VALUES (1, 3, 'A LIRE AUSSI');"
        "INSERT INTO actors (id, label, kind) VALUES ('IRQ-GOV', 'IRQ-GOV', 'unknown');"
        "INSERT INTO actors VALUES ('IRQ-AIRFORCE', 'Iraqi Air Force', NULL, 'military', 'IRQ', 'IRQ-GOV');"
        "INSERT INTO places VALUES ('geonames:92138', 'Al Qa''im', 'IQ', 34.39, 40.99, 'P.PPLA2');"
        "INSERT INTO events (uid, document_id, sentence, actor1, action, place_id, time_start, time_end, "
        "  evidence_start, evidence_end, confidence) VALUES ('old#1.0', 1, 1, 'IRQ-AIRFORCE', 'ASSAULT', "
        "  'geonames:92138', '2017-11-02', '2017-11-03', 7, 12, 0.8);",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    assert_int_equal(query_int(s, "PRAGMA user_version"), qp_store_schema_version());
    assert_int_equal(qp_store_schema_version(), 3);
    /* 002 dropped five events indexes and kept events_document; 003 added day, (actor1, day),
     * (actor2, day) and (place_id, day) */
    assert_int_equal(query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                                   "AND name NOT LIKE 'sqlite_autoindex%'"), 5);
    assert_int_equal(query_int(s, "SELECT count(*) FROM sqlite_master WHERE name = 'events_document'"), 1);
    /* 003: the old event's days, from its time: 2017-11-02 is day 17472 since 1970 */
    assert_int_equal(query_int(s, "SELECT day FROM events"), 17472);
    assert_int_equal(query_int(s, "SELECT day_end FROM events"), 17473);
    assert_int_equal(query_int(s, "SELECT value FROM store_meta WHERE key = 'max_span_days'"), 1);
    assert_int_equal(count_rows(s, "documents"), 1);
    assert_int_equal(count_rows(s, "sentences"), 2);
    assert_int_equal(count_rows(s, "clutter"), 1);
    assert_int_equal(count_rows(s, "actors"), 2);
    assert_int_equal(count_rows(s, "places"), 1);
    int n = 0;
    assert_int_equal(qp_store_events_each(s, NULL, collect_v1, &n), 0);
    assert_int_equal(n, 1);
    qp_event_filter f = {.actor = "IRQ-GOV", .since = "2017-11-01", .until = "2017-11-30"};
    n = 0;
    assert_int_equal(qp_store_events_each(s, &f, collect_v1, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(qp_store_find_hash(s, "h1"), 1);
    /* and the migrated database takes new documents, naming actors it already has */
    qp_document d = sample_doc("seed", "Une phrase. Raids sur al-Qaïm.", "abc123");
    int existing;
    assert_int_equal(qp_store_begin(s), 0);
    assert_true(qp_store_add_document(s, &d, &existing) > 1);
    assert_int_equal(qp_store_commit(s), 0);
    assert_int_equal(count_rows(s, "documents"), 2);
    assert_int_equal(count_rows(s, "events"), 2);
    assert_int_equal(count_rows(s, "actors"), 2);
    assert_int_equal(count_fk_violations(s), 0);
    qp_store_close(s);
    /* opening it again changes nothing */
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    assert_int_equal(count_rows(s, "events"), 2);
    qp_store_close(s);
}

/* Actors and places are written once per transaction; what a rollback undoes is written again. */
static void actors_and_places_survive_rollbacks(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    const char *text = "Une phrase. Raids sur al-Qaïm.";
    qp_document d1 = sample_doc("one", text, "h-one");
    int existing;
    /* a whole transaction rolled back, then the same actors and place again */
    assert_int_equal(qp_store_begin(s), 0);
    assert_true(qp_store_add_document(s, &d1, &existing) > 0);
    qp_store_rollback(s);
    assert_int_equal(count_rows(s, "actors"), 0);
    assert_int_equal(qp_store_begin(s), 0);
    assert_true(qp_store_add_document(s, &d1, &existing) > 0);
    /* a document undone by its savepoint, then another naming the same ones */
    assert_int_equal(qp_store_savepoint(s), 0);
    qp_document d2 = sample_doc("two", "Autre phrase. Raids sur al-Qaïm.", "h-two");
    assert_true(qp_store_add_document(s, &d2, &existing) > 0);
    assert_int_equal(qp_store_rollback_to(s), 0);
    assert_int_equal(qp_store_savepoint(s), 0);
    qp_document d3 = sample_doc("three", "Encore une phrase. Raids sur al-Qaïm.", "h-three");
    assert_true(qp_store_add_document(s, &d3, &existing) > 0);
    assert_int_equal(qp_store_release(s), 0);
    assert_int_equal(qp_store_commit(s), 0);
    assert_int_equal(count_rows(s, "documents"), 2);
    assert_int_equal(count_rows(s, "events"), 2);
    assert_int_equal(count_rows(s, "actors"), 2);
    assert_int_equal(count_rows(s, "places"), 1);
    assert_int_equal(count_fk_violations(s), 0);

    /* the parent, stored as a placeholder, gets its label when an event names it, even when it
     * was already written in this transaction */
    assert_int_equal(qp_store_begin(s), 0);
    qp_document d4 = sample_doc("four", "Une quatrième phrase. Raids sur al-Qaïm.", "h-four");
    assert_true(qp_store_add_document(s, &d4, &existing) > 0);
    qp_document d5 = sample_doc("five", "Une cinquième phrase. Raids sur al-Qaïm.", "h-five");
    d5.events[0].actor1 = (qp_actor_ref){.id = "IRQ-GOV", .label = "Iraqi government", .kind = "government",
                                         .country = "IRQ", .text = "Bagdad"};
    assert_true(qp_store_add_document(s, &d5, &existing) > 0);
    assert_int_equal(qp_store_commit(s), 0);
    assert_int_equal(query_int(s, "SELECT count(*) FROM actors WHERE id = 'IRQ-GOV' AND label = 'Iraqi government' "
                                   "AND kind = 'government'"), 1);
    assert_int_equal(count_rows(s, "actors"), 2);
    assert_int_equal(count_fk_violations(s), 0);
    qp_store_close(s);
}

/* Sentences and clutter lines go in several rows at a time: all of them, each with its own
 * numbers, whatever their count. */
static void many_sentences_and_clutter_lines_are_all_stored(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    static qp_span sents[37];
    static qp_clutter_line clut[17];
    static char lines[17][16];
    char text[37 * 4 + 1];
    for (size_t i = 0; i < 37; i++) {
        memcpy(text + 4 * i, "Ab. ", 4);
        sents[i] = (qp_span){4 * i, 4 * i + 3};
    }
    text[sizeof text - 1] = '\0';
    for (int i = 0; i < 17; i++) {
        snprintf(lines[i], sizeof lines[i], "pub %d", i);
        clut[i] = (qp_clutter_line){2 * i + 1, lines[i]};
    }
    /* 21 = 16 + 5 sentences, 16 clutter lines; 37 = 2 x 16 + 5 sentences, 17 = 16 + 1 lines */
    const struct { const char *name; size_t sentences, clutter; } docs[] = {{"few", 21, 16}, {"many", 37, 17}};
    for (size_t k = 0; k < QP_ARRAY_LEN(docs); k++) {
        qp_document d = {.name = docs[k].name, .lang = "fr", .text = text, .text_len = strlen(text),
                         .sentences = sents, .n_sentences = docs[k].sentences, .clutter = clut,
                         .n_clutter = docs[k].clutter};
        snprintf(d.hash, sizeof d.hash, "hash-%zu", k);
        int existing;
        assert_int_equal(qp_store_begin(s), 0);
        assert_true(qp_store_add_document(s, &d, &existing) > 0);
        assert_int_equal(qp_store_commit(s), 0);
    }
    assert_int_equal(count_rows(s, "sentences"), 21 + 37);
    assert_int_equal(count_rows(s, "clutter"), 16 + 17);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db,
        "SELECT s.idx, s.start, s.end FROM sentences s JOIN documents d ON d.id = s.document_id "
        "WHERE d.name = 'many' ORDER BY s.idx", -1, &st, NULL), SQLITE_OK);
    for (int i = 0; i < 37; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), i);
        assert_int_equal(sqlite3_column_int(st, 1), 4 * i);
        assert_int_equal(sqlite3_column_int(st, 2), 4 * i + 3);
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(s->db,
        "SELECT c.line_no, c.text FROM clutter c JOIN documents d ON d.id = c.document_id "
        "WHERE d.name = 'many' ORDER BY c.line_no", -1, &st, NULL), SQLITE_OK);
    for (int i = 0; i < 17; i++) {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 2 * i + 1);
        assert_string_equal((const char *)sqlite3_column_text(st, 1), lines[i]);
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    qp_store_close(s);
}

/* Issue 16, item 6: a reader opens another program's SQLite file without a write, and refuses it. */
static void reader_refuses_other_sqlite_files_untouched(void **state)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    FILE *f = fopen(dbpath, "rb");
    assert_non_null(f);
    char before[8192], after[8192];
    size_t n = fread(before, 1, sizeof before, f);
    fclose(f);
    qp_store *s = NULL;
    assert_int_equal(qp_store_open_read(&s, dbpath), QP_EDB);
    assert_non_null(strstr(qp_store_errmsg(s), "not a quipu database"));
    qp_store_close(s);
    /* a writer refuses it too: quipu's tables are not added to another program's file */
    assert_int_equal(qp_store_open(&s, dbpath), QP_EDB);
    qp_store_close(s);
    f = fopen(dbpath, "rb");
    assert_int_equal(fread(after, 1, sizeof after, f), n);
    fclose(f);
    assert_memory_equal(before, after, n);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", dbpath);
    assert_int_not_equal(access(wal, F_OK), 0);
}

/* A reader reads a quipu database, and cannot write through the store it got. */
static void reader_reads_and_cannot_write(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    qp_store_close(s);
    assert_int_equal(qp_store_open_read(&s, dbpath), 0);
    qp_document d = sample_doc("ro", "Hello world. The end.", "c0ffee");
    int existing;
    if (qp_store_begin(s) == 0)
        assert_int_equal(qp_store_add_document(s, &d, &existing), QP_EREADONLY);
    qp_store_close(s);
    assert_int_equal(qp_store_open_read(&s, "/nonexistent/q.db"), QP_ENOTFOUND);
    qp_store_close(s);
}

/* Issue 16, item 5: a damaged page that a writer would never read is found on open. */
static void damaged_page_is_refused_on_open_for_writing(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    assert_int_equal(sqlite3_exec(s->db, "PRAGMA journal_mode = DELETE; CREATE TABLE IF NOT EXISTS pad (x);"
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                                  "INSERT INTO pad SELECT printf('%0200d', i) FROM n", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT pageno FROM dbstat WHERE name = 'pad' AND "
                                        "pagetype = 'leaf' ORDER BY pageno", -1, &st, NULL), SQLITE_OK);
    int pages[400], n = 0;
    while (sqlite3_step(st) == SQLITE_ROW && n < 400)
        pages[n++] = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    assert_true(n > 4);
    qp_store_close(s);
    FILE *f = fopen(dbpath, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, 4096L * (pages[n / 2] - 1) + 8, SEEK_SET), 0);
    for (int i = 0; i < 3000; i++)
        fputc((i * 37 + 11) & 0xff, f);
    fclose(f);
    assert_int_equal(qp_store_open(&s, dbpath), QP_ECORRUPT);
    assert_non_null(strstr(qp_store_errmsg(s), "damaged"));
    qp_store_close(s);
}

/* Issue 16, item 3: nothing is written outside a transaction. */
static void documents_are_not_written_outside_a_transaction(void **state)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    qp_document d = sample_doc("loose", "Hello world. The end.", "c0ffee");
    int existing;
    assert_int_equal(qp_store_add_document(s, &d, &existing), QP_EDB);
    assert_int_equal(count_rows(s, "documents"), 0);
    qp_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fresh_database_gets_latest_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(newer_database_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(corrupt_file_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(documents_are_stored_once_and_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(rollback_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(version_1_database_is_migrated_and_keeps_its_data, setup, teardown),
        cmocka_unit_test_setup_teardown(actors_and_places_survive_rollbacks, setup, teardown),
        cmocka_unit_test_setup_teardown(many_sentences_and_clutter_lines_are_all_stored, setup, teardown),
        cmocka_unit_test_setup_teardown(reader_refuses_other_sqlite_files_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(reader_reads_and_cannot_write, setup, teardown),
        cmocka_unit_test_setup_teardown(damaged_page_is_refused_on_open_for_writing, setup, teardown),
        cmocka_unit_test_setup_teardown(documents_are_not_written_outside_a_transaction, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
