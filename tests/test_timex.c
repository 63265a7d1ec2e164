/* test_timex.c — what the data cases of tests/timex/ cannot say: the seed article, errors, bounds, the CLI. */
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

/* The relative flag tells the extractor which values hang on the document date (the values
 * themselves are checked in tests/timex/fr.test). */
static void relative_flag(void **state)
{
    run("fr", NULL, "Hier, mardi, le 3 novembre, la semaine dernière et le 3 novembre 2017.");
    assert_int_equal(find("Hier")->relative, 1);
    assert_int_equal(find("le 3 novembre 2017")->relative, 0);
}

/* Every time expression of the seed article, dated 2017-11-02. */
/* The reference time at an offset is the last day named before it, whatever named it. */
static void reference_time(void **state)
{
    const char *text = "Le 3 novembre, l'armée est entrée dans la ville. Elle a progressé. Le lendemain, "
                       "pendant trois jours, elle a tenu. En 2014 déjà.";
    run("fr", "2017-11-10", text);
    assert_null(qp_timex_reference_at(&list, 0));
    assert_null(qp_timex_reference_at(&list, 3));   /* inside the first expression: not yet */
    const qp_timex *x = qp_timex_reference_at(&list, (size_t)(strstr(text, "Elle") - text));
    assert_non_null(x);
    assert_string_equal(x->value, "2017-11-03");
    /* "trois jours" (a duration) and "2014" (a year) name no day: the reference stays */
    x = qp_timex_reference_at(&list, strlen(text));
    assert_non_null(x);
    assert_string_equal(x->value, "2017-11-04");
    qp_timex_list none = {0};
    assert_null(qp_timex_reference_at(&none, 10));
    assert_null(qp_timex_reference_at(NULL, 10));
}

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
    /* the language is detected as quipu ingest does; --lang forces it; another one is refused */
    snprintf(cmd, sizeof cmd, "printf 'Two days ago, officials met in Washington and said the talks would resume.' "
             "| '%s' timex --dct 2017-11-02", quipu);
    p = popen(cmd, "r");
    assert_non_null(fgets(line, sizeof line, p));
    pclose(p);
    assert_non_null(strstr(line, "\"text\":\"Two days ago\",\"type\":\"DATE\",\"value\":\"2017-10-31\""));
    snprintf(cmd, sizeof cmd, "printf 'Vorgestern haben die Minister in Berlin beschlossen, die Gespräche fortzusetzen.' "
             "| '%s' timex 2>/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 1);
    snprintf(cmd, sizeof cmd, "printf 'Vorgestern haben die Minister in Berlin beschlossen, die Gespräche fortzusetzen.' "
             "| '%s' timex --lang fr >/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 0);
    snprintf(cmd, sizeof cmd, "printf 'ab\\377' | '%s' timex 2>/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 1);
    snprintf(cmd, sizeof cmd, "printf '' | '%s' timex --dct 2017-13-01 2>/dev/null", quipu);
    assert_int_equal(WEXITSTATUS(pclose(popen(cmd, "r"))), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(relative_flag, setup, teardown),
        cmocka_unit_test_setup_teardown(reference_time, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_article, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(random_fragments_stay_in_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(command_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
