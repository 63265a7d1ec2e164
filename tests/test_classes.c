/* test_classes.c — word classes as data: both languages' files load, words fold, classes and
 * kinds come back, malformed files are refused with the file and the class named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "classes.h"
#include "qp.h"

static uint32_t of(const qp_word_classes *wc, const char *folded)
{
    return qp_classes_of(wc, folded, strlen(folded));
}

static void load_lang(qp_word_classes *wc, const char *lang)
{
    const char *root = getenv("QP_SOURCE_ROOT");
    char path[1024], err[512] = "";
    snprintf(path, sizeof path, "%s/lexicon/%s/classes.json", root ? root : ".", lang);
    int r = qp_classes_load(wc, path, err, sizeof err);
    if (r)
        fail_msg("%s", err);
}

static void french_classes(void **state)
{
    (void)state;
    qp_word_classes wc = {0};
    load_lang(&wc, "fr");
    assert_true(of(&wc, "declarer") & QP_WC_SPEECH); /* "déclarer", accents folded */
    assert_true(of(&wc, "parvenir") & QP_WC_IMPLICATIVE);
    assert_true(of(&wc, "pas") & QP_WC_NEGATION);
    assert_true(of(&wc, "ils") & QP_WC_PRONOUN_PL);
    assert_true(of(&wc, "nous") & QP_WC_SPEAKER);
    assert_true(of(&wc, "faire savoir") & QP_WC_SPEECH); /* a phrase: folded words, one space */
    assert_string_equal(qp_classes_group_kind(&wc, "groupe", 6), "armed group");
    assert_string_equal(qp_classes_group_kind(&wc, "regime", 6), "government");
    assert_null(qp_classes_group_kind(&wc, "armee", 5));
    /* French "militants" are activists: nothing here makes them fighters */
    assert_int_equal(of(&wc, "militants"), 0);
    assert_int_equal(of(&wc, "attaquer"), 0);
    qp_classes_destroy(&wc);
}

static void english_classes(void **state)
{
    (void)state;
    qp_word_classes wc = {0};
    load_lang(&wc, "en");
    assert_true(of(&wc, "say") & QP_WC_SPEECH);
    assert_true(of(&wc, "manage") & QP_WC_IMPLICATIVE);
    assert_true(of(&wc, "n t") & QP_WC_NEGATION); /* "n't" folds to two words */
    assert_true(of(&wc, "they") & QP_WC_PRONOUN_PL);
    assert_true(of(&wc, "according to") & QP_WC_SOURCE);
    assert_true(of(&wc, "clash") & QP_WC_SYMMETRIC);
    assert_string_equal(qp_classes_group_kind(&wc, "group", 5), "armed group");
    assert_int_equal(of(&wc, "dire"), 0); /* each language's words in its own file */
    qp_classes_destroy(&wc);
}

static void malformed_files_are_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/qp-classes-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    static const char *const bad[] = {
        "{\"speech\": [\"dire\", 3]}",         /* not a string */
        "{\"spech\": [\"dire\"]}",             /* unknown class */
        "{\"group_nouns\": {\"groupe\": \"army\"}}", /* unknown kind */
        "{\"speech\": [\"dire\",]}",           /* not JSON */
    };
    for (size_t i = 0; i < QP_ARRAY_LEN(bad); i++) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(bad[i], f);
        fclose(f);
        qp_word_classes wc = {0};
        char err[512] = "";
        assert_int_equal(qp_classes_load(&wc, path, err, sizeof err), QP_ELEXICON);
        assert_non_null(strstr(err, path));
        qp_classes_destroy(&wc);
    }
    unlink(path);
    qp_word_classes wc = {0};
    char err[512] = "";
    assert_int_equal(qp_classes_load(&wc, "/nonexistent/classes.json", err, sizeof err), QP_EIO);
    assert_int_equal(qp_classes_of(&wc, "dire", 4), 0); /* an empty table answers nothing */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(french_classes),
        cmocka_unit_test(english_classes),
        cmocka_unit_test(malformed_files_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
