/* test_query.c — `quipu query` end to end on a small store filled with SQL (no extractor). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "qp.h"
#include "store.h"
#include "test_sql.h"

static char db_path[256];

static void exec_sql(qp_store *s, const char *sql)
{
    if (test_sql_exec(qp_store_path(s), sql))
        fail_msg("%s", sql);
}

static void doc(qp_store *s, int id, const char *date, const char *text)
{
    char *sql = sqlite3_mprintf(
        "INSERT INTO documents (id, name, hash, url, title, source, lang, published, ingested_at, "
        "text) VALUES (%d, 'doc%d', 'h%d', 'https://news.example/%d', 'Title %d', 'Agence %d', "
        "'en', %Q, '2026-01-01', %Q)",
        id, id, id, id, id, id, date, text);
    exec_sql(s, sql);
    sqlite3_free(sql);
}

static int seq;

static void event(qp_store *s, int docid, const char *a1, const char *action, const char *a2,
                  const char *date, int flags, size_t text_len)
{
    char *sql = sqlite3_mprintf(
        "INSERT INTO events (uid, document_id, sentence, actor1, action, actor2, time_start, "
        "evidence_start, evidence_end, confidence, flags) VALUES ('doc%d#0.%d', %d, 0, %Q, %Q, %Q, "
        "%Q, 0, %d, 0.9, %d)",
        docid, ++seq, docid, a1, action, a2, date, (int)text_len, flags);
    exec_sql(s, sql);
    sqlite3_free(sql);
}

static int setup(void **state)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(db_path, sizeof db_path, "%s/test_query_%d.db", tmp, (int)getpid());
    unlink(db_path);
    qp_store *s = NULL;
    if (qp_store_open(&s, db_path)) {
        qp_store_close(s);
        return -1;
    }
    exec_sql(s,
             "INSERT INTO actors (id, label, label_fr, kind, country, parent) VALUES "
             "('RUS','Russia','Russie','state','RUS',NULL),"
             "('IRN','Iran','Iran','state','IRN',NULL),"
             "('USA','United States','États-Unis','state','USA',NULL),"
             "('SYR','Syria','Syrie','state','SYR',NULL),"
             "('SYR-GOV','Syrian government','gouvernement syrien','government','SYR','SYR'),"
             "('IRQ','Iraq','Irak','state','IRQ',NULL),"
             "('IRQ-GOV','Iraqi government','gouvernement irakien','government','IRQ','IRQ'),"
             "('IRQ-AIRFORCE','Iraqi Air Force','armée de l''air irakienne','military','IRQ','IRQ-GOV'),"
             "('HEZBOLLAH','Hezbollah','Hezbollah','armed group','LBN',NULL),"
             "('COALITION','Global Coalition against Daesh','coalition internationale','coalition',NULL,NULL),"
             "('SDF','Syrian Democratic Forces','Forces démocratiques syriennes','armed group','SYR',NULL),"
             "('ISIS','Islamic State','État islamique','armed group',NULL,NULL),"
             "('FSA','Free Syrian Army','Armée syrienne libre','armed group','SYR',NULL);"
             "INSERT INTO actor_aliases (actor_id, alias, folded, lang) VALUES "
             "('SDF','FDS','fds','fr'),('ISIS','Daech','daech','fr'),"
             "('SYR-GOV','le régime','le regime','fr'),('IRQ-GOV','le régime','le regime','fr');");
    static const char *texts[] = {
        "Russia and Iran back the Syrian government.",
        "Hezbollah fighters support the Syrian army.",
        "The US leads the coalition and arms the SDF.",
        "The coalition supports the SDF near Raqqa.",
        "Everyone strikes the Islamic State.",
        "Government forces shell the Free Syrian Army.",
        "The Iraqi air force, backed by the US, bombs IS.",
    };
    static const char *dates[] = {"2015-10-01", "2016-01-01", "2016-05-01", "2017-06-06",
                                  "2017-01-01", "2013-01-01", "2017-11-02"};
    for (int i = 0; i < 7; i++)
        doc(s, i + 1, dates[i], texts[i]);
    size_t L[7];
    for (int i = 0; i < 7; i++)
        L[i] = strlen(texts[i]);
    for (int k = 0; k < 2; k++) {
        event(s, 1, "RUS", "AID", "SYR-GOV", "2015-10-01", 0, L[0]);
        event(s, 1, "IRN", "AID", "SYR-GOV", "2015-10-01", 0, L[0]);
        event(s, 2, "HEZBOLLAH", "SUPPORT", "SYR-GOV", "2016-01-01", 0, L[1]);
        event(s, 3, "USA", "LEAD", "COALITION", "2016-05-01", 0, L[2]);
        event(s, 3, "USA", "AID", "SDF", "2016-05-01", 0, L[2]);
        event(s, 4, "COALITION", "SUPPORT", "SDF", "2017-06-06", 0, L[3]);
        event(s, 6, "SYR-GOV", "ASSAULT", "FSA", "2013-01-01", 0, L[5]);
    }
    event(s, 1, "RUS", "AID", "SYR-GOV", "2014-01-01", QP_EVENT_NEGATED, L[0]);
    const char *all[] = {"RUS", "IRN", "HEZBOLLAH", "SYR-GOV", "USA", "COALITION", "SDF"};
    for (size_t i = 0; i < QP_ARRAY_LEN(all); i++)
        event(s, 5, all[i], "ASSAULT", "ISIS", "2017-01-01", 0, L[4]);
    event(s, 7, "USA", "SUPPORT", "IRQ-AIRFORCE", "2017-11-02", 0, L[6]);
    event(s, 7, "IRQ-AIRFORCE", "ASSAULT", "ISIS", "2017-11-02", 0, L[6]);
    event(s, 7, "IRQ", "ASSAULT", "ISIS", "2017-11-02", 0, L[6]);
    qp_store_close(s);
    return 0;
}

static int teardown(void **state)
{
    if (getenv("QP_KEEP_DB")) /* to try queries by hand on the same store */
        printf("kept %s\n", db_path);
    else
        unlink(db_path);
    return 0;
}

/* Runs `quipu query --db DB args` (stderr joined to stdout); returns the exit status and
 * leaves the output in *out (free it). */
static int quipu(char **out, const char *args)
{
    const char *exe = getenv("QUIPU");
    if (!exe)
        fail_msg("QUIPU is not set (run through meson test)");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' query --db '%s' %s 2>&1", exe, db_path, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while ((n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (len + 1 == cap)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = 0;
    int st = pclose(p);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static json_t *quipu_json(const char *args)
{
    char *out;
    char full[512];
    snprintf(full, sizeof full, "%s --format json", args);
    assert_int_equal(quipu(&out, full), 0);
    json_error_t err;
    json_t *j = json_loads(out, 0, &err);
    if (!j)
        fail_msg("not JSON (%s): %s", err.text, out);
    free(out);
    return j;
}

static void backers_by_any_name(void **state)
{
    char *a, *b;
    assert_int_equal(quipu(&a, "backers SDF"), 0);
    assert_int_equal(quipu(&b, "backers fds"), 0); /* the French acronym, any case */
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "Backers of SDF (Syrian Democratic Forces), all dates: 2"));
    assert_non_null(strstr(a, "USA"));
    assert_non_null(strstr(a, "COALITION"));
    free(a);
    free(b);
    assert_int_equal(quipu(&a, "backers 'forces democratiques syriennes'"), 0);
    assert_non_null(strstr(a, "Backers of SDF"));
    free(a);
}

static void unknown_and_ambiguous_names(void **state)
{
    char *out;
    assert_int_equal(quipu(&out, "backers Atlantis"), 2);
    assert_non_null(strstr(out, "no actor is called 'Atlantis'"));
    free(out);
    /* a near name is suggested */
    assert_int_equal(quipu(&out, "backers Syrian"), 2);
    assert_non_null(strstr(out, "did you mean"));
    assert_non_null(strstr(out, "SYR-GOV"));
    free(out);
    assert_int_equal(quipu(&out, "enemies 'le regime'"), 2);
    assert_non_null(strstr(out, "names 2 actors"));
    assert_non_null(strstr(out, "IRQ-GOV"));
    assert_non_null(strstr(out, "SYR-GOV"));
    free(out);
}

static void empty_results_and_time_windows(void **state)
{
    char *out;
    assert_int_equal(quipu(&out, "backers ISIS"), 0);
    assert_non_null(strstr(out, "Backers of ISIS (Islamic State), all dates: 0"));
    free(out);
    /* the coalition's support came in 2017 */
    json_t *j = quipu_json("backers SDF --until 2016-12-31");
    json_t *r = json_object_get(j, "results");
    assert_int_equal(json_array_size(r), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(r, 0), "id")), "USA");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(r, 0), "events")), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(r, 0), "documents")), 1);
    json_decref(j);
    assert_int_equal(quipu(&out, "enemies Daech --since 2018-01-01"), 0);
    assert_non_null(strstr(out, "ISIS takes part in no event (since 2018-01-01)"));
    free(out);
    /* the negated event of 2014 never counts */
    j = quipu_json("backers Russia --until 2014-12-31");
    assert_int_equal(json_array_size(json_object_get(j, "results")), 0);
    json_decref(j);
}

/* Index of the bloc whose members include id, or -1. */
static int bloc_of(json_t *blocs, const char *id)
{
    for (size_t b = 0; b < json_array_size(blocs); b++) {
        json_t *m = json_object_get(json_array_get(blocs, b), "members");
        for (size_t i = 0; i < json_array_size(m); i++)
            if (!strcmp(json_string_value(json_object_get(json_array_get(m, i), "id")), id))
                return (int)b;
    }
    return -1;
}

static void sides_of_the_war(void **state)
{
    json_t *j = quipu_json("sides");
    json_t *blocs = json_object_get(j, "blocs");
    /* Damascus' four, Washington's three plus the Iraqi air force it backs, then IRQ, FSA, ISIS */
    assert_int_equal(json_array_size(blocs), 5);
    const char *want[2][4] = {{"SYR-GOV", "HEZBOLLAH", "IRN", "RUS"},
                              {"USA", "COALITION", "IRQ-AIRFORCE", "SDF"}};
    for (int w = 0; w < 2; w++) {
        int b = bloc_of(blocs, want[w][0]);
        assert_true(b >= 0);
        assert_int_equal(json_array_size(json_object_get(json_array_get(blocs, (size_t)b), "members")), 4);
        for (int k = 1; k < 4; k++)
            if (bloc_of(blocs, want[w][k]) != b)
                fail_msg("%s is not with %s", want[w][k], want[w][0]);
    }
    assert_true(bloc_of(blocs, "SYR-GOV") != bloc_of(blocs, "USA"));
    for (size_t b = 2; b < 5; b++)
        assert_int_equal(json_array_size(json_object_get(json_array_get(blocs, b), "members")), 1);
    assert_true(json_array_size(json_object_get(j, "fights")) >= 3);
    json_decref(j);
    /* in the country view the Iraqi air force and Iraq are the Iraqi government */
    j = quipu_json("sides --by country");
    blocs = json_object_get(j, "blocs");
    assert_int_equal(json_array_size(blocs), 4);
    json_decref(j);
}

static void country_view(void **state)
{
    json_t *j = quipu_json("backers 'Iraqi Air Force' --by country");
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "actor"), "id")),
                        "IRQ-GOV");
    json_t *r = json_object_get(j, "results");
    assert_int_equal(json_array_size(r), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(r, 0), "id")), "USA");
    json_decref(j);
    j = quipu_json("enemies ISIS --by country");
    /* IRQ-AIRFORCE and IRQ are one enemy now: 7 + 1 */
    assert_int_equal(json_array_size(json_object_get(j, "results")), 8);
    json_decref(j);
}

static void path_and_why(void **state)
{
    json_t *j = quipu_json("path Iran SDF");
    assert_true(json_is_true(json_object_get(j, "found")));
    json_t *hops = json_object_get(j, "hops");
    assert_true(json_array_size(hops) >= 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(hops, 0), "from")), "IRN");
    json_decref(j);
    char *out;
    assert_int_equal(quipu(&out, "path FSA 'Iraqi Air Force'"), 0);
    assert_non_null(strstr(out, "Strongest chain from FSA"));
    free(out);

    assert_int_equal(quipu(&out, "why Russie 'gouvernement syrien'"), 0);
    assert_non_null(strstr(out, "Evidence for RUS - SYR-GOV: 2 events")); /* not the negated one */
    assert_non_null(strstr(out, "\"Russia and Iran back the Syrian government.\""));
    assert_non_null(strstr(out, "Title 1 - Agence 1, 2015-10-01  https://news.example/1"));
    free(out);
    j = quipu_json("why USA SDF");
    json_t *ev = json_object_get(j, "events");
    assert_int_equal(json_array_size(ev), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 0), "evidence")),
                        "The US leads the coalition and arms the SDF.");
    json_decref(j);
    /* no tie: an answer, not an error */
    int rc = quipu(&out, "why FSA SDF");
    if (rc != 0)
        print_message("quipu query why FSA SDF said:\n%s\n", out);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "0 events"));
    free(out);
}

static void central_actors(void **state)
{
    json_t *j = quipu_json("actors --top 3");
    json_t *a = json_object_get(j, "actors");
    assert_int_equal(json_array_size(a), 3);
    /* IS is fought by everyone: the highest degree */
    assert_string_equal(json_string_value(json_object_get(json_array_get(a, 0), "id")), "ISIS");
    json_decref(j);
    j = quipu_json("actors --top 1 --sort betweenness");
    a = json_object_get(j, "actors");
    /* Russia, Iran and Hezbollah reach each other only through Damascus */
    assert_string_equal(json_string_value(json_object_get(json_array_get(a, 0), "id")), "SYR-GOV");
    assert_float_equal(json_real_value(json_object_get(json_array_get(a, 0), "betweenness")), 3.0,
                       1e-9);
    json_decref(j);
}

/* The bloc of the first of ids (alternatives of one actor) found in blocs, or -1. */
static int bloc_of_any(json_t *blocs, const char *const *ids)
{
    for (; *ids; ids++) {
        int b = bloc_of(blocs, *ids);
        if (b >= 0)
            return b;
    }
    return -1;
}

/* The target on real articles: the dev corpus and the seed, extracted by quipu. */
static void sides_of_the_dev_corpus(void **state)
{
    const char *shared = getenv("QP_SHARED");
    char docs[1024], seed[1024], cmd[4096], dbp[300];
    if (!shared)
        skip();
    snprintf(docs, sizeof docs, "%s/corpus/dev/docs.jsonl", shared);
    snprintf(seed, sizeof seed, "%s/fixtures/seed-alqaim.jsonl", shared);
    if (access(docs, R_OK) || access(seed, R_OK))
        skip();
    snprintf(dbp, sizeof dbp, "%s.dev.db", db_path);
    unlink(dbp);
    snprintf(cmd, sizeof cmd, "'%s' ingest --quiet --db '%s' '%s' '%s' >/dev/null 2>&1",
             getenv("QUIPU"), dbp, docs, seed);
    int st = system(cmd);
    assert_true(WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 3));
    snprintf(cmd, sizeof cmd, "'%s' query --db '%s' sides --by country --format json",
             getenv("QUIPU"), dbp);
    FILE *p = popen(cmd, "r");
    json_error_t err;
    json_t *j = json_loadf(p, 0, &err);
    pclose(p);
    unlink(dbp);
    if (!j)
        fail_msg("sides: not JSON: %s", err.text);
    json_t *blocs = json_object_get(j, "blocs");
    static const char *const gov[] = {"SYR-GOV", NULL}, *const rus[] = {"RUS-GOV", "RUS", NULL},
                             *const irn[] = {"IRN-GOV", "IRN", NULL},
                             *const hez[] = {"HEZBOLLAH", NULL}, *const usa[] = {"USA-GOV", "USA", NULL},
                             *const coa[] = {"COALITION", NULL}, *const sdf[] = {"SDF", NULL},
                             *const isis[] = {"ISIS", NULL};
    int bg = bloc_of_any(blocs, gov), bu = bloc_of_any(blocs, usa), bi = bloc_of_any(blocs, isis);
    assert_true(bg >= 0 && bu >= 0 && bi >= 0);
    assert_true(bg != bu);
    assert_int_equal(bloc_of_any(blocs, rus), bg);
    /* Iran and Hezbollah have few two-actor events in these articles as extracted today (the
     * gold's Hezbollah-backs-Damascus sentences of 2013-05-29_ext_103 are missed, one false
     * clash is read): Iran, when it takes a side, takes Damascus'; Hezbollah never the US's */
    int bn = bloc_of_any(blocs, irn), bh = bloc_of_any(blocs, hez);
    if (bn != bg || bh != bg)
        print_message("note: Iran in bloc %d, Hezbollah in bloc %d, Damascus in bloc %d\n", bn,
                      bh, bg);
    assert_true(bn < 0 || bn == bg);
    assert_true(bh != bu);
    assert_int_equal(bloc_of_any(blocs, coa), bu);
    assert_int_equal(bloc_of_any(blocs, sdf), bu);
    /* IS alone */
    assert_int_equal(json_array_size(json_object_get(json_array_get(blocs, (size_t)bi), "members")), 1);
    json_decref(j);
}

static void command_line_errors(void **state)
{
    char *out;
    assert_int_equal(quipu(&out, "sides --since 2017-13-01"), 2);
    free(out);
    assert_int_equal(quipu(&out, "sides --since 2018-01-01 --until 2017-01-01"), 2);
    free(out);
    assert_int_equal(quipu(&out, "backers"), 2);
    free(out);
    assert_int_equal(quipu(&out, "friends SDF"), 2);
    assert_non_null(strstr(out, "unknown query 'friends'"));
    free(out);
    assert_int_equal(quipu(&out, "sides --by planet"), 2);
    free(out);
    assert_int_equal(quipu(&out, "backers --help"), 0);
    assert_non_null(strstr(out, "Usage: quipu query [OPTIONS] backers ACTOR"));
    free(out);
    assert_int_equal(quipu(&out, "--help"), 0);
    assert_non_null(strstr(out, "Queries:"));
    free(out);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "'%s' query --db /nonexistent/x.db sides 2>&1", getenv("QUIPU"));
    FILE *p = popen(cmd, "r");
    char line[512] = "";
    assert_non_null(fgets(line, sizeof line, p));
    assert_int_equal(WEXITSTATUS(pclose(p)), 1);
    assert_non_null(strstr(line, "no database at /nonexistent/x.db"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(backers_by_any_name),
        cmocka_unit_test(unknown_and_ambiguous_names),
        cmocka_unit_test(empty_results_and_time_windows),
        cmocka_unit_test(sides_of_the_war),
        cmocka_unit_test(country_view),
        cmocka_unit_test(path_and_why),
        cmocka_unit_test(central_actors),
        cmocka_unit_test(command_line_errors),
        cmocka_unit_test(sides_of_the_dev_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
