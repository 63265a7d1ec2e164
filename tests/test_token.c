/* test_token.c — tokens: byte offsets, elisions, hyphens, numbers, capitals, folded forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "qp.h"
#include "token.h"

static qp_arena arena;
static qp_token *toks;
static size_t ntok;
static const char *src;

static int setup(void **state)
{
    (void)state;
    qp_arena_init(&arena, 1 << 14);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qp_arena_destroy(&arena);
    return 0;
}

static void tokenize(const char *text)
{
    src = text;
    assert_int_equal(qp_tokenize(text, 0, strlen(text), &arena, &toks, &ntok), 0);
}

/* Token i covers exactly `surface`, folds to `fold`, and has at least flags `on` and none of `off`. */
static void check(size_t i, const char *surface, const char *fold, unsigned on, unsigned off)
{
    if (i >= ntok)
        fail_msg("token %zu missing (%zu tokens)", i, ntok);
    const qp_token *t = &toks[i];
    size_t n = t->end - t->start;
    if (n != strlen(surface) || memcmp(src + t->start, surface, n))
        fail_msg("token %zu is [%.*s], expected [%s]", i, (int)n, src + t->start, surface);
    assert_string_equal(t->fold, fold);
    if ((t->flags & on) != on || (t->flags & off))
        fail_msg("token %zu [%s]: flags 0x%x, wanted 0x%x on and 0x%x off", i, surface, t->flags, on, off);
    assert_int_equal(t->hash, qp_token_hash(t->fold, strlen(t->fold)));
}

static void byte_offsets_on_utf8(void **state)
{
    (void)state;
    /* "L'armée a frappé Deir Ezzor." : é is two bytes */
    tokenize("L'arm\xC3\xA9\x65 a frapp\xC3\xA9 Deir Ezzor.");
    assert_int_equal(ntok, 7);
    assert_int_equal(toks[0].start, 0);
    assert_int_equal(toks[0].end, 2); /* "L'" */
    assert_int_equal(toks[1].start, 2);
    assert_int_equal(toks[1].end, 8); /* "armée": 5 letters, 6 bytes */
    assert_int_equal(toks[2].start, 9);
    assert_int_equal(toks[3].start, 11);
    assert_int_equal(toks[3].end, 18); /* "frappé" */
    assert_int_equal(toks[4].start, 19);
    assert_int_equal(toks[5].start, 24);
    assert_int_equal(toks[5].end, 29);
    check(6, ".", ".", QP_TOK_PUNCT, 0);
    assert_int_equal(toks[6].start, 29);
}

static void sub_range_offsets_are_absolute(void **state)
{
    (void)state;
    const char *text = "Titre\nL'\xC3\xA9tat islamique recule.";
    src = text;
    assert_int_equal(qp_tokenize(text, 6, strlen(text), &arena, &toks, &ntok), 0);
    check(0, "L'", "l", QP_TOK_ELISION, 0);
    assert_int_equal(toks[0].start, 6);
    check(1, "\xC3\xA9tat", "etat", QP_TOK_GLUED, QP_TOK_CAP);
    assert_int_equal(toks[1].start, 8);
}

static void french_elisions(void **state)
{
    (void)state;
    tokenize("l'EI d'Alep qu'il jusqu'\xC3\xA0 lorsqu'on s'est n'a");
    check(0, "l'", "l", QP_TOK_ELISION, QP_TOK_GLUED);
    check(1, "EI", "ei", QP_TOK_GLUED | QP_TOK_UPPER | QP_TOK_CAP, QP_TOK_ELISION);
    check(2, "d'", "d", QP_TOK_ELISION, 0);
    check(3, "Alep", "alep", QP_TOK_GLUED | QP_TOK_CAP, QP_TOK_UPPER);
    check(4, "qu'", "qu", QP_TOK_ELISION, 0);
    check(5, "il", "il", QP_TOK_GLUED, 0);
    check(6, "jusqu'", "jusqu", QP_TOK_ELISION, 0);
    check(7, "\xC3\xA0", "a", QP_TOK_GLUED, 0);
    check(8, "lorsqu'", "lorsqu", QP_TOK_ELISION, 0);
    check(9, "on", "on", QP_TOK_GLUED, 0);
    check(10, "s'", "s", QP_TOK_ELISION, 0);
    check(11, "est", "est", QP_TOK_GLUED, 0);
    check(12, "n'", "n", QP_TOK_ELISION, 0);
    check(13, "a", "a", QP_TOK_GLUED, QP_TOK_ELISION);
    assert_int_equal(ntok, 14);
}

static void other_apostrophes_split_without_elision(void **state)
{
    (void)state;
    /* "Qa'im" is one name cut by an apostrophe: the parts are glued, neither is an elision;
     * an English possessive likewise */
    tokenize("Al Qa'im Iraq's");
    check(0, "Al", "al", QP_TOK_CAP, 0);
    check(1, "Qa", "qa", QP_TOK_CAP, QP_TOK_ELISION);
    check(2, "im", "im", QP_TOK_GLUED, QP_TOK_ELISION);
    check(3, "Iraq", "iraq", QP_TOK_CAP, QP_TOK_ELISION);
    check(4, "s", "s", QP_TOK_GLUED, QP_TOK_ELISION);
    assert_int_equal(ntok, 5);
}

static void hyphens_split_and_flagged(void **state)
{
    (void)state;
    tokenize("al-Qa\xC3\xAFm US-led a-t-il arabo-kurde -");
    check(0, "al", "al", QP_TOK_HYPHEN, QP_TOK_GLUED | QP_TOK_PUNCT);
    check(1, "Qa\xC3\xAFm", "qaim", QP_TOK_GLUED | QP_TOK_CAP, QP_TOK_HYPHEN);
    check(2, "US", "us", QP_TOK_HYPHEN | QP_TOK_UPPER, QP_TOK_GLUED);
    check(3, "led", "led", QP_TOK_GLUED, QP_TOK_HYPHEN);
    check(4, "a", "a", QP_TOK_HYPHEN, 0);
    check(5, "t", "t", QP_TOK_HYPHEN | QP_TOK_GLUED, 0);
    check(6, "il", "il", QP_TOK_GLUED, QP_TOK_HYPHEN);
    check(7, "arabo", "arabo", QP_TOK_HYPHEN, 0);
    check(8, "kurde", "kurde", QP_TOK_GLUED, 0);
    check(9, "-", "-", QP_TOK_PUNCT, QP_TOK_GLUED);
    assert_int_equal(ntok, 10);
    /* a spaced dash is punctuation, and no word before it is hyphenated */
    tokenize("Damas - Alep");
    check(0, "Damas", "damas", 0, QP_TOK_HYPHEN);
    check(1, "-", "-", QP_TOK_PUNCT, 0);
    check(2, "Alep", "alep", 0, QP_TOK_GLUED);
}

static void numbers_kept_whole(void **state)
{
    (void)state;
    tokenize("5.000 soldats, 30,4 %, 3.5, 2017, 14:30 et 7e division. 12.");
    check(0, "5.000", "5.000", QP_TOK_NUM, QP_TOK_CAP);
    check(1, "soldats", "soldats", 0, QP_TOK_NUM);
    check(2, ",", ",", QP_TOK_PUNCT, 0);
    check(3, "30,4", "30,4", QP_TOK_NUM, 0);
    check(4, "%", "%", QP_TOK_PUNCT, 0);
    check(5, ",", ",", QP_TOK_PUNCT, QP_TOK_GLUED); /* GLUED is for what follows a hyphen or an apostrophe */
    check(6, "3.5", "3.5", QP_TOK_NUM, 0);
    check(7, ",", ",", QP_TOK_PUNCT, 0);
    check(8, "2017", "2017", QP_TOK_NUM, 0);
    check(9, ",", ",", QP_TOK_PUNCT, 0);
    check(10, "14:30", "14:30", QP_TOK_NUM, 0);
    check(11, "et", "et", 0, 0);
    check(12, "7e", "7e", QP_TOK_NUM, 0);
    check(13, "division", "division", 0, 0);
    check(14, ".", ".", QP_TOK_PUNCT, 0);
    /* a period after a number ends the sentence, it is not part of the number */
    check(15, "12", "12", QP_TOK_NUM, 0);
    check(16, ".", ".", QP_TOK_PUNCT, 0);
    assert_int_equal(ntok, 17);
}

static void capitals_and_acronyms(void **state)
{
    (void)state;
    tokenize("EI FDS A Alep ONU-Habitat U \xC3\x89TAT PKK2");
    check(0, "EI", "ei", QP_TOK_UPPER | QP_TOK_CAP, 0);
    check(1, "FDS", "fds", QP_TOK_UPPER | QP_TOK_CAP, 0);
    check(2, "A", "a", QP_TOK_CAP, QP_TOK_UPPER); /* one letter is not an acronym */
    check(3, "Alep", "alep", QP_TOK_CAP, QP_TOK_UPPER);
    check(4, "ONU", "onu", QP_TOK_UPPER | QP_TOK_HYPHEN, 0);
    check(5, "Habitat", "habitat", QP_TOK_CAP | QP_TOK_GLUED, QP_TOK_UPPER);
    check(6, "U", "u", QP_TOK_CAP, QP_TOK_UPPER);
    check(7, "\xC3\x89TAT", "etat", QP_TOK_UPPER | QP_TOK_CAP, 0);
    check(8, "PKK2", "pkk2", QP_TOK_UPPER, 0);
}

static void folded_forms(void **state)
{
    (void)state;
    tokenize("Ezzor arm\xC3\xA9\x65 \xC5\x92uvre Mossoul \xC3\x87\x41 na\xC3\xAFve");
    check(0, "Ezzor", "ezzor", QP_TOK_CAP, 0);
    check(1, "arm\xC3\xA9\x65", "armee", 0, QP_TOK_CAP);
    check(2, "\xC5\x92uvre", "oeuvre", QP_TOK_CAP, 0);
    check(3, "Mossoul", "mossoul", QP_TOK_CAP, 0);
    check(4, "\xC3\x87\x41", "ca", QP_TOK_UPPER, 0);
    check(5, "na\xC3\xAFve", "naive", 0, 0);
    assert_int_equal(ntok, 6);
}

static void punctuation_and_guillemets(void **state)
{
    (void)state;
    tokenize("\xC2\xAB Non \xC2\xBB, a-t-il dit.");
    check(0, "\xC2\xAB", "\xC2\xAB", QP_TOK_PUNCT, 0);
    check(1, "Non", "non", QP_TOK_CAP, 0);
    check(2, "\xC2\xBB", "\xC2\xBB", QP_TOK_PUNCT, 0);
    check(3, ",", ",", QP_TOK_PUNCT, QP_TOK_GLUED);
    assert_int_equal(ntok, 9);
}

static void arabic_script_words(void **state)
{
    (void)state;
    /* letters of any script make words; offsets stay on character boundaries */
    tokenize("\xD8\xAD\xD9\x84\xD8\xA8 Alep");
    assert_int_equal(ntok, 2);
    assert_int_equal(toks[0].start, 0);
    assert_int_equal(toks[0].end, 6);
    check(1, "Alep", "alep", QP_TOK_CAP, 0);
}

static void empty_range(void **state)
{
    (void)state;
    tokenize("");
    assert_int_equal(ntok, 0);
    tokenize("   \n\t ");
    assert_int_equal(ntok, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(byte_offsets_on_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(sub_range_offsets_are_absolute, setup, teardown),
        cmocka_unit_test_setup_teardown(french_elisions, setup, teardown),
        cmocka_unit_test_setup_teardown(other_apostrophes_split_without_elision, setup, teardown),
        cmocka_unit_test_setup_teardown(hyphens_split_and_flagged, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_kept_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(capitals_and_acronyms, setup, teardown),
        cmocka_unit_test_setup_teardown(folded_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(punctuation_and_guillemets, setup, teardown),
        cmocka_unit_test_setup_teardown(arabic_script_words, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_range, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
