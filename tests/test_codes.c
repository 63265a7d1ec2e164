/* test_codes.c — the tables of PLOVER categories and actor kinds: names round-trip, tones, arms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "codes.h"
#include "qp.h"

static void every_action_name_parses_back(void **state)
{
    (void)state;
    for (int a = 0; a < QP_ACTION_COUNT; a++)
        assert_int_equal(qp_action_parse(qp_action_name((qp_action)a)), a);
    assert_int_equal(QP_ACTION_COUNT, 17); /* PLOVER's sixteen and LEAD */
    assert_int_equal(qp_action_parse("assault"), QP_EINVAL); /* written as PLOVER writes it */
    assert_int_equal(qp_action_parse(NULL), QP_EINVAL);
    assert_string_equal(qp_action_name(QP_ACTION_COUNT), "?");
}

static void tones_split_cooperation_from_conflict(void **state)
{
    (void)state;
    assert_int_equal(qp_action_tone(QP_ACTION_AID), 1);
    assert_int_equal(qp_action_tone(QP_ACTION_LEAD), 1);
    assert_int_equal(qp_action_tone(QP_ACTION_ASSAULT), -1);
    assert_int_equal(qp_action_tone(QP_ACTION_ACCUSE), -1);
    assert_int_equal(qp_action_tone(QP_ACTION_RETREAT), 0);
    assert_int_equal(qp_action_tone(QP_ACTION_REQUEST), 0);
}

static void kinds_parse_and_bear_arms(void **state)
{
    (void)state;
    for (int k = 0; k < QP_KIND_COUNT; k++)
        assert_int_equal(qp_kind_parse(qp_kind_name((qp_kind)k)), k);
    assert_int_equal(qp_kind_parse("armed group"), QP_KIND_ARMED_GROUP);
    assert_int_equal(qp_kind_parse("unknown"), QP_EINVAL);
    assert_true(qp_kind_armed(QP_KIND_MILITARY));
    assert_true(qp_kind_armed(QP_KIND_ARMED_GROUP));
    assert_false(qp_kind_armed(QP_KIND_CIVILIANS));
    assert_false(qp_kind_armed(QP_KIND_NGO));
    assert_false(qp_kind_armed(QP_KIND_PERSON));
}

static void languages_have_one_numbering(void **state)
{
    (void)state;
    assert_int_equal(qp_lang_parse("fr"), QP_LANG_FR);
    assert_int_equal(qp_lang_parse("en"), QP_LANG_EN);
    assert_int_equal(qp_lang_parse("de"), QP_ELANG);
    assert_int_equal(qp_lang_parse(NULL), QP_ELANG);
    assert_string_equal(qp_lang_code(QP_LANG_FR), "fr");
    assert_string_equal(qp_lang_code(QP_LANG_EN), "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_action_name_parses_back),
        cmocka_unit_test(tones_split_cooperation_from_conflict),
        cmocka_unit_test(kinds_parse_and_bear_arms),
        cmocka_unit_test(languages_have_one_numbering),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
