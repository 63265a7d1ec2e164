/* test_morph.c — the forms table: loader errors, look-ups, and hand-checked forms that
 * tools/lexforms generated from hunspell-fr and WordNet at build time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "morph.h"
#include "qp.h"

/* Writes content to a fresh temporary file; path receives its name. */
static void write_tmp(char *path, size_t cap, const char *content)
{
    snprintf(path, cap, "/tmp/qp_test_morph_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void loads_and_groups_readings(void **state)
{
    char path[64];
    /* readings of one form apart in the file still come back together */
    write_tmp(path, sizeof path,
              "lance\tlancer\tppas\n"
              "lancee\tlancer\tppas\n"
              "tirait sur\ttirer sur\timpf\n"
              "lance\tlancer\tpres\n"
              "\n"
              "lance\tlance\tnoun_sg\n");
    qp_morph m;
    qp_morph_init(&m);
    assert_int_equal(qp_morph_load(&m, path), 0);
    assert_int_equal(m.nforms, 3);
    assert_int_equal(m.nanalyses, 5);
    assert_int_equal(m.max_words, 2);
    const qp_morph_analysis *a;
    assert_int_equal(qp_morph_lookup(&m, "lance", 5, &a), 3);
    assert_string_equal(a[0].lemma, "lancer");
    assert_int_equal(a[0].tag, QP_TAG_PPAS);
    assert_int_equal(a[1].tag, QP_TAG_PRES);
    assert_string_equal(a[2].lemma, "lance");
    assert_int_equal(a[2].tag, QP_TAG_NOUN_SG);
    /* the length bounds the key: "tirait sur X" looked up as its first two words */
    assert_int_equal(qp_morph_lookup(&m, "tirait sur les", 10, &a), 1);
    assert_string_equal(a[0].lemma, "tirer sur");
    assert_int_equal(qp_morph_lookup(&m, "lanc", 4, &a), 0);
    assert_null(a);
    assert_true(qp_morph_is(&m, "lancee", "lancer", QP_TAG_PPAS));
    assert_false(qp_morph_is(&m, "lancee", "lancer", QP_TAG_PRES));
    qp_morph_destroy(&m);
    unlink(path);
}

static void malformed_and_missing_files_are_refused(void **state)
{
    char path[64];
    qp_morph m;
    qp_morph_init(&m);
    write_tmp(path, sizeof path, "lance\tlancer\tppas\nlance\tlancer\tpluperfect\n");
    assert_int_equal(qp_morph_load(&m, path), QP_ELEXICON);
    const qp_morph_analysis *a;
    assert_int_equal(qp_morph_lookup(&m, "lance", 5, &a), 0); /* nothing half-loaded */
    unlink(path);
    write_tmp(path, sizeof path, "lance lancer ppas\n");
    assert_int_equal(qp_morph_load(&m, path), QP_ELEXICON);
    unlink(path);
    assert_int_equal(qp_morph_load(&m, "/nonexistent/forms.tsv"), QP_EIO);
    qp_morph_destroy(&m);
    assert_string_equal(qp_morph_tag_name(QP_TAG_NOUN_PL), "noun_pl");
    assert_int_equal(qp_morph_tag_parse("fut", 3), QP_TAG_FUT);
    assert_int_equal(qp_morph_tag_parse("futur", 5), -1);
}

/* Loads build/lexicon/LANG/forms.tsv or skips when the build root is unknown. */
static void load_lang(qp_morph *m, const char *lang)
{
    const char *root = getenv("QP_BUILD_ROOT");
    if (!root)
        skip();
    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon/%s/forms.tsv", root, lang);
    qp_morph_init(m);
    assert_int_equal(qp_morph_load(m, path), 0);
}

static void french_forms_from_hunspell(void **state)
{
    qp_morph m;
    load_lang(&m, "fr");
    assert_true(qp_morph_is(&m, "soutenu", "soutenir", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "soutenue", "soutenir", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "soutenues", "soutenir", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "appuyee", "appuyer", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "lance", "lancer", QP_TAG_PPAS)); /* "ont lancé" */
    assert_true(qp_morph_is(&m, "bombardent", "bombarder", QP_TAG_PRES));
    assert_true(qp_morph_is(&m, "frappera", "frapper", QP_TAG_FUT));
    assert_true(qp_morph_is(&m, "frapperait", "frapper", QP_TAG_COND));
    assert_false(qp_morph_is(&m, "frapperait", "frapper", QP_TAG_FUT));
    assert_true(qp_morph_is(&m, "tirait sur", "tirer sur", QP_TAG_IMPF));
    assert_true(qp_morph_is(&m, "pris", "prendre", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "prit", "prendre", QP_TAG_PAST));
    /* "reprise" is both the participle and the noun */
    assert_true(qp_morph_is(&m, "reprise", "reprendre", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "reprise", "reprise", QP_TAG_NOUN_SG));
    assert_true(qp_morph_is(&m, "reprises", "reprise", QP_TAG_NOUN_PL));
    /* a reflexive verb loses its pronoun, keeps its preposition */
    assert_true(qp_morph_is(&m, "emparent de", "s emparer de", QP_TAG_PRES));
    assert_true(qp_morph_is(&m, "empares de", "s emparer de", QP_TAG_PPAS));
    /* noun phrases: the adjective agrees, the complement does not move */
    assert_true(qp_morph_is(&m, "frappes aeriennes", "frappe aerienne", QP_TAG_NOUN_PL));
    assert_true(qp_morph_is(&m, "offensives", "offensive", QP_TAG_NOUN_PL));
    assert_true(qp_morph_is(&m, "bombardements", "bombardement", QP_TAG_NOUN_PL));
    const qp_morph_analysis *a;
    assert_int_equal(qp_morph_lookup(&m, "soutenirent", 11, &a), 0);
    qp_morph_destroy(&m);
}

static void english_forms_from_wordnet(void **state)
{
    qp_morph m;
    load_lang(&m, "en");
    assert_true(qp_morph_is(&m, "backed", "back", QP_TAG_PAST));
    assert_true(qp_morph_is(&m, "backed", "back", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "struck", "strike", QP_TAG_PAST)); /* verb.exc */
    assert_true(qp_morph_is(&m, "struck", "strike", QP_TAG_PPAS));
    assert_true(qp_morph_is(&m, "shelling", "shell", QP_TAG_PPRE));
    assert_true(qp_morph_is(&m, "banned", "ban", QP_TAG_PAST)); /* doubled, as in verb.exc */
    assert_true(qp_morph_is(&m, "gassing", "gas", QP_TAG_PPRE));
    assert_true(qp_morph_is(&m, "was on the run", "be on the run", QP_TAG_PAST));
    assert_true(qp_morph_is(&m, "carried out", "carry out", QP_TAG_PAST));
    assert_true(qp_morph_is(&m, "airstrikes", "airstrike", QP_TAG_NOUN_PL));
    assert_true(qp_morph_is(&m, "offensives", "offensive", QP_TAG_NOUN_PL));
    assert_true(qp_morph_is(&m, "sieges", "siege", QP_TAG_NOUN_PL));
    assert_true(qp_morph_is(&m, "withdrawn", "withdraw", QP_TAG_PPAS));
    assert_false(qp_morph_is(&m, "withdrawn", "withdraw", QP_TAG_PAST));
    assert_true(qp_morph_is(&m, "withdrew", "withdraw", QP_TAG_PAST));
    assert_false(qp_morph_is(&m, "striked", "strike", QP_TAG_PAST));
    assert_true(qp_morph_is(&m, "overrun", "overrun", QP_TAG_PPAS)); /* "was overrun" */
    assert_true(qp_morph_is(&m, "overran", "overrun", QP_TAG_PAST));
    assert_false(qp_morph_is(&m, "overran", "overrun", QP_TAG_PPAS));
    qp_morph_destroy(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_groups_readings),
        cmocka_unit_test(malformed_and_missing_files_are_refused),
        cmocka_unit_test(french_forms_from_hunspell),
        cmocka_unit_test(english_forms_from_wordnet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
