/* test_fold.c — the folded form every lexicon and gazetteer look-up relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fold.h"
#include "qp.h"

static char *fold(const char *s)
{
    static char out[256];
    int n = qp_fold_token(s, strlen(s), out, sizeof out);
    assert_true(n >= 0);
    return out;
}

static void case_accents_and_punctuation(void **state)
{
    assert_string_equal(fold("L'armée de l'air"), "l armee de l air");
    assert_string_equal(fold("al-Qaïm"), "al qaim");
    assert_string_equal(fold("  Deir   Ezzor... "), "deir ezzor");
    assert_string_equal(fold("ÉTATS-UNIS"), "etats unis");
    assert_string_equal(fold("cœur"), "coeur");
    assert_string_equal(fold("Straße"), "strasse");
    assert_string_equal(fold("l’EI"), "l ei");
    assert_string_equal(fold("«Daech»"), "daech");
    assert_string_equal(fold(""), "");
}

static void appending_separates_words(void **state)
{
    qp_buf b;
    qp_buf_init(&b);
    assert_int_equal(qp_fold("Forces", 6, &b), 0);
    assert_int_equal(qp_fold("démocratiques", strlen("démocratiques"), &b), 0);
    assert_string_equal(b.data, "forces democratiques");
    qp_buf_destroy(&b);
}

static void invalid_utf8_is_refused_and_leaves_output(void **state)
{
    qp_buf b;
    qp_buf_init(&b);
    assert_int_equal(qp_fold("ok", 2, &b), 0);
    assert_int_equal(qp_fold("a\xff" "b", 3, &b), QP_EUTF8);
    assert_string_equal(b.data, "ok");
    qp_buf_destroy(&b);
    char small[4];
    assert_int_equal(qp_fold_token("abcdef", 6, small, sizeof small), QP_ETOOBIG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(case_accents_and_punctuation),
        cmocka_unit_test(appending_separates_words),
        cmocka_unit_test(invalid_utf8_is_refused_and_leaves_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
