/* test_lang.c — language identification: French, English, other languages, headlines, empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lang.h"
#include "qp.h"

static qp_langid *langid;

static int setup(void **state)
{
    (void)state;
    /* lexicon/langid.conf is found through the source tree compiled in (datadir.c) */
    return qp_langid_init(&langid);
}

static int teardown(void **state)
{
    (void)state;
    qp_langid_destroy(langid);
    return 0;
}

static const char *detect(const char *text)
{
    static char code[8];
    memset(code, 'x', sizeof code);
    assert_int_equal(qp_langid_detect(langid, text, strlen(text), code), 0);
    assert_true(memchr(code, '\0', sizeof code) != NULL);
    return code;
}

static void french_paragraph(void **state)
{
    (void)state;
    assert_string_equal(detect("L'arm\xC3\xA9\x65 de l'air irakienne et la coalition ont lanc\xC3\xA9 des raids sur le centre "
                               "d'al-Qa\xC3\xAFm, a indiqu\xC3\xA9 le g\xC3\xA9n\xC3\xA9ral Nomane al-Zoba\xC3\xAF, commandant de la 7e "
                               "division de l'arm\xC3\xA9\x65 irakienne. L'artillerie tirait \xC3\xA9galement sur cet important "
                               "bourg du d\xC3\xA9sert, \xC3\xA0 une dizaine de kilom\xC3\xA8tres de la Syrie en guerre."),
                        "fr");
}

static void english_paragraph(void **state)
{
    (void)state;
    assert_string_equal(detect("Iraqi forces backed by the US-led coalition launched an offensive on Thursday to retake "
                               "the town of al-Qaim, the last stronghold of the Islamic State group in the country, "
                               "the prime minister's office said in a statement."),
                        "en");
}

static void arabic_is_arabic(void **state)
{
    (void)state;
    /* "The Syrian army took control of the city of Aleppo after fierce battles with the armed groups" */
    assert_string_equal(detect("\xD8\xB3\xD9\x8A\xD8\xB7\xD8\xB1\xD8\xAA \xD8\xA7\xD9\x84\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA "
                               "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x88\xD8\xB1\xD9\x8A\xD8\xA9 \xD8\xB9\xD9\x84\xD9\x89 "
                               "\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9 \xD8\xAD\xD9\x84\xD8\xA8 \xD8\xA8\xD8\xB9\xD8\xAF "
                               "\xD9\x85\xD8\xB9\xD8\xA7\xD8\xB1\xD9\x83 \xD8\xB9\xD9\x86\xD9\x8A\xD9\x81\xD8\xA9 "
                               "\xD9\x85\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB9\xD8\xA7\xD8\xAA "
                               "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD8\xA9 \xD9\x81\xD9\x8A "
                               "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD8\xB3\xD9\x88\xD8\xB1\xD9\x8A."),
                        "ar");
}

static void german_is_german(void **state)
{
    (void)state;
    assert_string_equal(detect("Die irakische Armee hat nach eigenen Angaben die Stadt Al-Kaim an der Grenze zu Syrien "
                               "von der Terrormiliz Islamischer Staat zur\xC3\xBC\x63kerobert. Die Offensive hatte vor einer "
                               "Woche begonnen und wurde von der internationalen Koalition unterst\xC3\xBCtzt."),
                        "de");
}

static void spanish_is_spanish(void **state)
{
    (void)state;
    assert_string_equal(detect("Las fuerzas iraqu\xC3\xAD\x65s recuperaron el control de la ciudad de Al Qaim, en la frontera "
                               "con Siria, tras una ofensiva de una semana contra el grupo Estado Isl\xC3\xA1mico, "
                               "seg\xC3\xBAn inform\xC3\xB3 el ej\xC3\xA9rcito en un comunicado."),
                        "es");
}

static void short_headlines(void **state)
{
    (void)state;
    assert_string_equal(detect("Syrie: l'arm\xC3\xA9\x65 reprend Alep"), "fr");
    assert_string_equal(detect("Iraqi forces retake Mosul"), "en");
    assert_string_equal(detect("Les forces irakiennes reprennent Mossoul"), "fr");
    assert_string_equal(detect("Russia and Iran back the Syrian regime"), "en");
    /* fingerprints alone ranked these German, Italian and French first */
    assert_string_equal(detect("Le Hezbollah entre en Syrie"), "fr");
    assert_string_equal(detect("Kerry meets Lavrov in Geneva"), "en");
    assert_string_equal(detect("Russia vetoes UN resolution on Syria"), "en");
    assert_string_equal(detect("Raqqa falls to SDF fighters"), "en");
}

static void nothing_to_go_on_is_und(void **state)
{
    (void)state;
    assert_string_equal(detect(""), "und");
    assert_string_equal(detect("2017"), "und");
    assert_string_equal(detect("..."), "und");  /* textcat alone said "ar" */
    assert_string_equal(detect("Alep"), "und"); /* textcat alone said "de" */
    char code[8];
    assert_int_equal(qp_langid_detect(langid, "", 0, code), 0);
    assert_string_equal(code, "und");
}

static void without_langid_short_text_still_votes(void **state)
{
    (void)state;
    /* NULL (fingerprints unavailable): function words decide, or "und" */
    char code[8];
    const char *fr = "Le r\xC3\xA9gime et la Russie ont repris la ville.";
    assert_int_equal(qp_langid_detect(NULL, fr, strlen(fr), code), 0);
    assert_string_equal(code, "fr");
    const char *en = "The regime and Russia have retaken the town of Palmyra.";
    assert_int_equal(qp_langid_detect(NULL, en, strlen(en), code), 0);
    assert_string_equal(code, "en");
    assert_int_equal(qp_langid_detect(NULL, "Alep", 4, code), 0);
    assert_string_equal(code, "und");
}

static void long_text_is_cut_on_a_character_boundary(void **state)
{
    (void)state;
    /* 6000 bytes of French with two-byte letters everywhere: the 4096-byte cut must not split one */
    char *big = malloc(6001);
    assert_non_null(big);
    const char *unit = "\xC3\xA9t\xC3\xA9 \xC3\xA0 l'arm\xC3\xA9\x65 de la r\xC3\xA9publique et des d\xC3\xA9put\xC3\xA9s. ";
    size_t n = 0, u = strlen(unit);
    while (n + u <= 6000) {
        memcpy(big + n, unit, u);
        n += u;
    }
    big[n] = '\0';
    char code[8];
    assert_int_equal(qp_langid_detect(langid, big, n, code), 0);
    assert_string_equal(code, "fr");
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(french_paragraph),
        cmocka_unit_test(english_paragraph),
        cmocka_unit_test(arabic_is_arabic),
        cmocka_unit_test(german_is_german),
        cmocka_unit_test(spanish_is_spanish),
        cmocka_unit_test(short_headlines),
        cmocka_unit_test(nothing_to_go_on_is_und),
        cmocka_unit_test(without_langid_short_text_still_votes),
        cmocka_unit_test(long_text_is_cut_on_a_character_boundary),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
