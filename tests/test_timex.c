/* test_timex.c — time expressions: spans, TIMEX3 values and intervals, checked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "arena.h"
#include "qp.h"
#include "timex.h"

static qp_arena arena;
static qp_timex_list list;
static const char *doc;

static int setup(void **state)
{
    qp_arena_init(&arena, 1 << 14);
    return 0;
}

static int teardown(void **state)
{
    qp_arena_destroy(&arena);
    return 0;
}

static size_t run(const char *lang, const char *dct, const char *text)
{
    qp_arena_reset(&arena);
    doc = text;
    assert_int_equal(qp_timex_find(text, strlen(text), lang, dct, &arena, &list), 0);
    return list.count;
}

/* The expression whose text is span: checks value (and interval when begin is given). */
static const qp_timex *find(const char *span)
{
    for (size_t i = 0; i < list.count; i++) {
        const qp_timex *x = &list.items[i];
        if (x->end - x->start == strlen(span) && !memcmp(doc + x->start, span, strlen(span)))
            return x;
    }
    fprintf(stderr, "no expression '%s' in: %s\n", span, doc);
    for (size_t i = 0; i < list.count; i++)
        fprintf(stderr, "  got '%.*s' %s\n", (int)(list.items[i].end - list.items[i].start),
                doc + list.items[i].start, list.items[i].value);
    fail();
    return NULL;
}

static void expect(const char *span, const char *type, const char *value, const char *begin, const char *end)
{
    const qp_timex *x = find(span);
    assert_string_equal(qp_timex_type_name(x->type), type);
    assert_string_equal(x->value, value);
    if (begin) {
        assert_non_null(x->begin);
        assert_string_equal(x->begin, begin);
        assert_string_equal(x->end_date, end);
    } else {
        assert_null(x->begin);
        assert_null(x->end_date);
    }
}

static void fr_dates(void **state)
{
    run("fr", "2017-11-02", "Le sommet s'est tenu le 3 novembre 2017, puis le 3/11 et en 2014, fin 2016.");
    expect("le 3 novembre 2017", "DATE", "2017-11-03", "2017-11-03", "2017-11-04");
    expect("le 3/11", "DATE", "2017-11-03", "2017-11-03", "2017-11-04");
    expect("2014", "DATE", "2014", "2014-01-01", "2015-01-01");
    expect("fin 2016", "DATE", "2016", "2016-01-01", "2017-01-01");
    run("fr", "2017-11-02", "Les combats ont repris mi-octobre et août 2001, puis le mois de juin dernier.");
    expect("mi-octobre", "DATE", "2017-10", "2017-10-01", "2017-11-01");
    expect("août 2001", "DATE", "2001-08", "2001-08-01", "2001-09-01");
    expect("le mois de juin dernier", "DATE", "2017-06", "2017-06-01", "2017-07-01");
    run("fr", "2017-11-02", "Au XIXe siècle, au printemps 2016, les années 90, le premier trimestre 2017.");
    expect("XIXe siècle", "DATE", "18", "1800-01-01", "1900-01-01");
    expect("printemps 2016", "DATE", "2016-SP", "2016-03-01", "2016-06-01");
    expect("les années 90", "DATE", "199", "1990-01-01", "2000-01-01");
    expect("le premier trimestre 2017", "DATE", "2017-Q1", "2017-01-01", "2017-04-01");
    /* a weekday picks the year of a date written without one: 12 November 2009 was a Thursday */
    run("fr", "2012-06-20", "Il est arrivé jeudi 12 novembre.");
    expect("jeudi 12 novembre", "DATE", "2009-11-12", "2009-11-12", "2009-11-13");
}

static void fr_relative(void **state)
{
    run("fr", "2017-11-02", "Hier, aujourd'hui et demain. La semaine dernière, cette année, l'année dernière, "
                            "le mois prochain. Il y a trois jours, il y a deux mois.");
    expect("Hier", "DATE", "2017-11-01", "2017-11-01", "2017-11-02");
    expect("aujourd'hui", "DATE", "2017-11-02", "2017-11-02", "2017-11-03");
    expect("demain", "DATE", "2017-11-03", "2017-11-03", "2017-11-04");
    /* 2017-11-02 is a Thursday of ISO week 44, Monday 30 October */
    expect("La semaine dernière", "DATE", "2017-W43", "2017-10-23", "2017-10-30");
    expect("cette année", "DATE", "2017", "2017-01-01", "2018-01-01");
    expect("l'année dernière", "DATE", "2016", "2016-01-01", "2017-01-01");
    expect("le mois prochain", "DATE", "2017-12", "2017-12-01", "2018-01-01");
    expect("Il y a trois jours", "DATE", "2017-10-30", "2017-10-30", "2017-10-31");
    expect("il y a deux mois", "DATE", "2017-09", "2017-09-01", "2017-10-01");
    run("fr", "2017-11-02", "Actuellement, la ville est calme.");
    expect("Actuellement", "TIME", "PRESENT_REF", NULL, NULL);
}

static void fr_weekdays_follow_tense(void **state)
{
    /* dct Thursday 2017-11-02: the Tuesday before is 31 October, the one after 7 November */
    run("fr", "2017-11-02", "L'armée a attaqué mardi.");
    expect("mardi", "DATE", "2017-10-31", "2017-10-31", "2017-11-01");
    run("fr", "2017-11-02", "L'armée attaquera mardi.");
    expect("mardi", "DATE", "2017-11-07", "2017-11-07", "2017-11-08");
    run("fr", "2017-11-02", "Il viendra mardi dernier, mardi prochain.");
    expect("mardi dernier", "DATE", "2017-10-31", "2017-10-31", "2017-11-01");
    expect("mardi prochain", "DATE", "2017-11-07", "2017-11-07", "2017-11-08");
    /* a bare month in a past sentence written in January is last year's */
    run("fr", "2018-01-10", "Les combats ont commencé en décembre.");
    expect("décembre", "DATE", "2017-12", "2017-12-01", "2018-01-01");
    /* no tense at all: the occurrence nearest the document date */
    run("fr", "2002-01-10", "Le sommet du 20 décembre.");
    expect("20 décembre", "DATE", "2001-12-20", "2001-12-20", "2001-12-21");
}

static void fr_times_durations_sets(void **state)
{
    run("fr", "2017-11-02", "Les combats ont repris dans la nuit de mardi à mercredi. Hier, vers 22 h 30, "
                            "un tir. Hier soir, à 8 h, le matin.");
    expect("la nuit de mardi à mercredi", "TIME", "2017-10-31TNI", "2017-10-31", "2017-11-01");
    expect("22 h 30", "TIME", "2017-11-01T22:30", "2017-11-01", "2017-11-02");
    expect("Hier soir", "TIME", "2017-11-01TEV", "2017-11-01", "2017-11-02");
    run("fr", "1999-05-20", "Dans la nuit du 3 au 4 mai, à 8 heures du soir. La veille, rien.");
    expect("la nuit du 3 au 4 mai", "TIME", "1999-05-03TNI", "1999-05-03", "1999-05-04");
    expect("8 heures du soir", "TIME", "1999-05-03T20:00", "1999-05-03", "1999-05-04");
    expect("La veille", "DATE", "1999-05-02", "1999-05-02", "1999-05-03");
    /* a clock time takes the day said right after it: Thursday before Saturday 2003-02-22 */
    run("fr", "2003-02-22", "Vers 0 h 40, jeudi, deux voitures se sont percutées.");
    expect("Vers 0 h 40", "TIME", "2003-02-20T00:40", "2003-02-20", "2003-02-21");
    expect("jeudi", "DATE", "2003-02-20", "2003-02-20", "2003-02-21");
    run("fr", "2017-11-02", "Pendant trois mois, depuis trois jours, en 30,4 secondes, environ une heure, "
                            "plusieurs années, un quart de siècle.");
    expect("trois mois", "DURATION", "P3M", NULL, NULL);
    expect("trois jours", "DURATION", "P3D", NULL, NULL);
    expect("30,4 secondes", "DURATION", "PT30.4S", NULL, NULL);
    expect("environ une heure", "DURATION", "PT1H", NULL, NULL);
    expect("plusieurs années", "DURATION", "PXY", NULL, NULL);
    expect("un quart de siècle", "DURATION", "P25Y", NULL, NULL);
    run("fr", "2017-11-02", "Ils se réunissent chaque semaine et tous les jeudis.");
    expect("chaque semaine", "SET", "P1W", NULL, NULL);
    expect("tous les jeudis", "SET", "XXXX-WXX-4", NULL, NULL);
    /* an age is not a duration */
    assert_int_equal(run("fr", "2017-11-02", "Un chauffeur de 38 ans a été blessé."), 0);
}

static void month_year_and_leap_boundaries(void **state)
{
    run("fr", "2017-03-01", "hier");
    expect("hier", "DATE", "2017-02-28", "2017-02-28", "2017-03-01");
    run("fr", "2016-03-01", "hier");
    expect("hier", "DATE", "2016-02-29", "2016-02-29", "2016-03-01");
    run("fr", "2016-02-28", "demain");
    expect("demain", "DATE", "2016-02-29", "2016-02-29", "2016-03-01");
    run("fr", "2018-01-01", "hier, la semaine dernière");
    expect("hier", "DATE", "2017-12-31", "2017-12-31", "2018-01-01");
    expect("la semaine dernière", "DATE", "2017-W52", "2017-12-25", "2018-01-01");
    run("fr", "2018-01-15", "le mois dernier");
    expect("le mois dernier", "DATE", "2017-12", "2017-12-01", "2018-01-01");
    run("fr", "2016-03-06", "Il y a une semaine");
    expect("Il y a une semaine", "DATE", "2016-02-28", "2016-02-28", "2016-02-29");
    run("fr", "2017-02-28", "Il y a un an");
    expect("Il y a un an", "DATE", "2016", "2016-01-01", "2017-01-01");
    /* 29 February exists in 2016, not in 2017: then the date stays unanchored */
    run("fr", "2016-03-10", "le 29 février");
    expect("le 29 février", "DATE", "2016-02-29", "2016-02-29", "2016-03-01");
    run("fr", "2017-03-10", "le 29 février");
    expect("le 29 février", "DATE", "XXXX-02-29", NULL, NULL);
}

static void iso_weeks(void **state)
{
    /* 2021-01-01 is a Friday in ISO week 53 of 2020 (Monday 28 December) */
    run("fr", "2021-01-01", "cette semaine");
    expect("cette semaine", "DATE", "2020-W53", "2020-12-28", "2021-01-04");
    run("en", "2021-01-04", "last week");
    expect("last week", "DATE", "2020-W53", "2020-12-28", "2021-01-04");
    /* 2008-12-29 is a Monday and already in 2009-W01 */
    run("en", "2008-12-31", "this week");
    expect("this week", "DATE", "2009-W01", "2008-12-29", "2009-01-05");
}

static void without_dct_values_stay_underspecified(void **state)
{
    run("fr", NULL, "Hier, mardi, le 3 novembre, la semaine dernière et le 3 novembre 2017.");
    expect("Hier", "DATE", "XXXX-XX-XX", NULL, NULL);
    expect("mardi", "DATE", "XXXX-WXX-2", NULL, NULL);
    expect("le 3 novembre", "DATE", "XXXX-11-03", NULL, NULL);
    expect("la semaine dernière", "DATE", "XXXX-WXX", NULL, NULL);
    expect("le 3 novembre 2017", "DATE", "2017-11-03", "2017-11-03", "2017-11-04");
    assert_int_equal(find("Hier")->relative, 1);
    assert_int_equal(find("le 3 novembre 2017")->relative, 0);
}

static void english(void **state)
{
    run("en", "2017-11-02", "Two days ago, on Tuesday, November 3, 2017, officials met; last Tuesday and "
                            "earlier this month too. They will meet on Tuesday.");
    expect("Two days ago", "DATE", "2017-10-31", "2017-10-31", "2017-11-01");
    expect("Tuesday, November 3, 2017", "DATE", "2017-11-03", "2017-11-03", "2017-11-04");
    expect("last Tuesday", "DATE", "2017-10-31", "2017-10-31", "2017-11-01");
    expect("earlier this month", "DATE", "2017-11", "2017-11-01", "2017-12-01");
    expect("Tuesday", "DATE", "2017-11-07", "2017-11-07", "2017-11-08");
    run("en", "2017-11-02", "The siege lasted for three months in 2014. Talks are held every week. In the 19th "
                            "century and the 1990s, in spring 2016, at 10 p.m. yesterday, now.");
    expect("three months", "DURATION", "P3M", NULL, NULL);
    expect("2014", "DATE", "2014", "2014-01-01", "2015-01-01");
    expect("every week", "SET", "P1W", NULL, NULL);
    expect("the 19th century", "DATE", "18", "1800-01-01", "1900-01-01");
    expect("the 1990s", "DATE", "199", "1990-01-01", "2000-01-01");
    expect("spring 2016", "DATE", "2016-SP", "2016-03-01", "2016-06-01");
    /* "at 10 p.m. yesterday": the clock takes the day named after it */
    expect("10 p.m.", "TIME", "2017-11-01T22:00", "2017-11-01", "2017-11-02");
    expect("yesterday", "DATE", "2017-11-01", "2017-11-01", "2017-11-02");
    expect("now", "DATE", "PRESENT_REF", NULL, NULL);
    /* "may" the verb and a count of people are not dates */
    assert_int_equal(run("en", "2017-11-02", "It may rain; 2000 people fled."), 0);
}

/* Every time expression of the seed article, dated 2017-11-02. */
static void seed_article(void **state)
{
    const char *shared = getenv("QP_SHARED");
    char path[1024];
    if (!shared)
        skip();
    snprintf(path, sizeof path, "%s/fixtures/seed-alqaim.txt", shared);
    FILE *f = fopen(path, "rb");
    if (!f)
        skip();
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    assert_int_equal(run("fr", "2017-11-02", text), 2);
    expect("Il y a une semaine", "DATE", "2017-10-26", "2017-10-26", "2017-10-27");
    expect("2014", "DATE", "2014", "2014-01-01", "2015-01-01");
}

static void bad_arguments(void **state)
{
    qp_timex_list l;
    assert_int_equal(qp_timex_find("hier", 4, "de", NULL, &arena, &l), QP_ELANG);
    assert_int_equal(qp_timex_find("hier", 4, "fr", "2017-02-30", &arena, &l), QP_EINVAL);
    assert_int_equal(qp_timex_find("hier", 4, "fr", "yesterday", &arena, &l), QP_EINVAL);
    /* byte offsets count the bytes of accented letters */
    run("fr", "2017-11-02", "Déjà été, à l'été 2016.");
    const qp_timex *x = find("l'été 2016");
    assert_int_equal(x->start, strlen("Déjà été, à "));
}

/* Pieces of expressions glued at random, cut mid-character, in exact-size buffers (so a
 * sanitizer build sees any read past the end): spans stay inside the text, values exist. */
static void random_fragments_stay_in_bounds(void **state)
{
    static const char *const frag[] = {"le ", "3 ", "novembre ", "2017", "/", "11", "h", " ", "à ", "mi-", "hier",
                                       "\xc3", "\xa9", "il y a ", "une ", "semaine", "'", "\xe2\x80\x99", "-", ",",
                                       ".", "XIXe ", "siècle", "les années ", "90", "vers ", "chaque ", "tous les ",
                                       "jeudis", "la nuit de ", "mardi", "the ", "1990", "s", "ago ", "two ", "days ",
                                       "p.m.", "May ", "last ", "\xff", "99999999999", "0", "31", "29 février ",
                                       "l", "aujourd", "hui", "été ", "en "};
    srand(7);
    for (int it = 0; it < 20000; it++) {
        char buf[256];
        size_t n = 0;
        for (int k = rand() % 10; k > 0; k--) {
            const char *f = frag[rand() % (int)QP_ARRAY_LEN(frag)];
            size_t l = strlen(f);
            memcpy(buf + n, f, l);
            n += l;
        }
        char *text = malloc(n ? n : 1);
        assert_non_null(text);
        memcpy(text, buf, n);
        qp_arena_reset(&arena);
        qp_timex_list l;
        assert_int_equal(qp_timex_find(text, n, it % 2 ? "fr" : "en", it % 3 ? "2016-02-29" : NULL, &arena, &l), 0);
        for (size_t i = 0; i < l.count; i++) {
            assert_true(l.items[i].start < l.items[i].end && l.items[i].end <= n);
            assert_true(i == 0 || l.items[i - 1].end <= l.items[i].start);
            assert_non_null(l.items[i].value);
        }
        free(text);
    }
}

/* The command prints byte offsets and values as JSON lines; bad input is refused. */
static void command_line(void **state)
{
    const char *quipu = getenv("QUIPU");
    if (!quipu)
        skip();
    char cmd[2048], line[1024];
    snprintf(cmd, sizeof cmd, "printf 'Il y a une semaine, l\\047armée.' | '%s' timex --dct 2017-11-02", quipu);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    assert_non_null(fgets(line, sizeof line, p));
    assert_int_equal(pclose(p), 0);
    assert_non_null(strstr(line, "\"start\":0,\"end\":18,\"text\":\"Il y a une semaine\",\"type\":\"DATE\","
                                 "\"value\":\"2017-10-26\""));
    snprintf(cmd, sizeof cmd, "printf 'hier' | '%s' timex --dct 2017-11-02 --format tml", quipu);
    p = popen(cmd, "r");
    assert_non_null(fgets(line, sizeof line, p));
    pclose(p);
    assert_string_equal(line, "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-11-01\">hier</TIMEX3>");
    snprintf(cmd, sizeof cmd, "printf 'ab\\377' | '%s' timex 2>/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 1);
    snprintf(cmd, sizeof cmd, "printf '' | '%s' timex --dct 2017-13-01 2>/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fr_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(fr_relative, setup, teardown),
        cmocka_unit_test_setup_teardown(fr_weekdays_follow_tense, setup, teardown),
        cmocka_unit_test_setup_teardown(fr_times_durations_sets, setup, teardown),
        cmocka_unit_test_setup_teardown(month_year_and_leap_boundaries, setup, teardown),
        cmocka_unit_test_setup_teardown(iso_weeks, setup, teardown),
        cmocka_unit_test_setup_teardown(without_dct_values_stay_underspecified, setup, teardown),
        cmocka_unit_test_setup_teardown(english, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_article, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(random_fragments_stay_in_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(command_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
