/* test_clean.c — normalisation (NFC, quotes, line ends, BOM, controls), UTF-8 errors, clutter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "clean.h"
#include "qp.h"

static qp_arena arena;

static int setup(void **state)
{
    (void)state;
    qp_arena_init(&arena, 1 << 16);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qp_arena_destroy(&arena);
    return 0;
}

static qp_clean_result clean_ok(const char *raw)
{
    qp_clean_result r;
    assert_int_equal(qp_clean(raw, strlen(raw), &arena, &r), 0);
    assert_int_equal(strlen(r.text), r.len);
    return r;
}

static int removed(const qp_clean_result *r, const char *line)
{
    for (size_t i = 0; i < r->n_clutter; i++)
        if (!strcmp(r->clutter[i].text, line))
            return 1;
    return 0;
}

static void nfc_composes_decomposed_accents(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Arm\x65\xCC\x81\x65 de l'air"); /* e + U+0301 */
    assert_string_equal(r.text, "Arm\xC3\xA9\x65 de l'air");
}

static void typographic_quotes_become_ascii(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("L\xE2\x80\x99" "arm\xC3\xA9\x65 \xE2\x80\x9C" "dernier combat\xE2\x80\x9D, \xE2\x80\x98oui\xE2\x80\x99");
    assert_string_equal(r.text, "L'arm\xC3\xA9\x65 \"dernier combat\", 'oui'");
    /* French guillemets are kept: they are not ASCII quotes, and sentence.c knows them */
    r = clean_ok("\xC2\xAB Non \xC2\xBB");
    assert_string_equal(r.text, "\xC2\xAB Non \xC2\xBB");
}

static void non_breaking_spaces_become_spaces(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Syrie\xC2\xA0: 5\xE2\x80\xAF" "000 morts");
    assert_string_equal(r.text, "Syrie : 5 000 morts");
}

static void line_ends_become_lf(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Premier paragraphe.\r\nDeuxi\xC3\xA8me paragraphe.\rTroisi\xC3\xA8me paragraphe.\r\n");
    assert_string_equal(r.text, "Premier paragraphe.\nDeuxi\xC3\xA8me paragraphe.\nTroisi\xC3\xA8me paragraphe.");
}

static void bom_dropped(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("\xEF\xBB\xBFLe texte.");
    assert_string_equal(r.text, "Le texte.");
}

static void control_characters_removed(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Da\x01mas\x7F a\x0B\x0C" "ttaqu\xC3\xA9\xC2\x85 \xE2\x80\x8B" "hier.\tFin.");
    assert_string_equal(r.text, "Damas attaqu\xC3\xA9 hier.\tFin.");
}

static void empty_input_gives_empty_text(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("");
    assert_int_equal(r.len, 0);
    assert_string_equal(r.text, "");
    r = clean_ok("\n\n  \n");
    assert_int_equal(r.len, 0);
}

static void invalid_utf8_names_byte_and_line(void **state)
{
    (void)state;
    const char raw[] = "Ligne un.\nLigne deux.\nLigne \xC3\x28 trois.";
    qp_clean_result r;
    assert_int_equal(qp_clean(raw, sizeof raw - 1, &arena, &r), QP_EUTF8);
    assert_int_equal(r.bad_offset, 28); /* "Ligne un.\n" 10 + "Ligne deux.\n" 12 + "Ligne " 6 */
    assert_int_equal(r.bad_offset, (size_t)(strchr(raw, '\xC3') - raw));
    assert_int_equal(r.bad_line, 3);
    /* a Latin-1 byte in the first line, after a BOM: the offset counts the BOM */
    const char latin1[] = "\xEF\xBB\xBF" "Arm\xE9" "e";
    assert_int_equal(qp_clean(latin1, sizeof latin1 - 1, &arena, &r), QP_EUTF8);
    assert_int_equal(r.bad_offset, 6);
    assert_int_equal(r.bad_line, 1);
    /* an overlong encoding and a surrogate are invalid too */
    assert_int_equal(qp_clean("a\xC0\xAF", 3, &arena, &r), QP_EUTF8);
    assert_int_equal(r.bad_offset, 1);
    assert_int_equal(qp_clean("ab\xED\xA0\x80", 5, &arena, &r), QP_EUTF8);
    assert_int_equal(r.bad_offset, 2);
    /* truncated at the end */
    assert_int_equal(qp_clean("abc\xE2\x80", 5, &arena, &r), QP_EUTF8);
    assert_int_equal(r.bad_offset, 3);
}

/* The end of ../shared/fixtures/seed-alqaim.txt, as scraped. */
static const char seed_tail[] =
    "Dans la province de Deir Ezzor, son dernier bastion en Syrie, l'EI est la cible de deux offensives, l'une "
    "men\xC3\xA9\x65 par le r\xC3\xA9gime soutenu par la Russie et l'autre par une coalition arabo-kurde appuy\xC3\xA9\x65 "
    "par les Etats-Unis.\n"
    "A LIRE AUSSI.\n"
    "Alep reprise par le r\xC3\xA9gime, l'EI avance ses pions\n"
    "Syrie: Raqa en passe d'\xC3\xAAtre remise \xC3\xA0 une autorit\xC3\xA9 civile\n"
    "Syrie: l'arm\xC3\xA9\x65 brise le si\xC3\xA8ge de l'EI \xC3\xA0 l'a\xC3\xA9roport de Deir Ezzor\n"
    "Irak: le chef de l'EI a fui Mossoul o\xC3\xB9 les forces arm\xC3\xA9\x65s avancent\n"
    "Syrie: renforts de l'arm\xC3\xA9\x65 \xC3\xA0 Deir Ezzor pour un nouvel assaut contre l'EI\n"
    "Envie d'afficher votre publicit\xC3\xA9 ?\n"
    "Contactez-nousEnvie d'afficher votre publicit\xC3\xA9 ?\n"
    "Contactez-nous\n"
    "L'espace des commentaires est ouvert aux inscrits.\n"
    "Connectez-vous ou cr\xC3\xA9\x65z un compte pour pouvoir commenter cet article.\n";

static void seed_clutter_removed_and_counted(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok(seed_tail);
    assert_int_equal(r.n_clutter, 11);
    assert_string_equal(r.clutter[0].text, "A LIRE AUSSI.");
    assert_int_equal(r.clutter[0].line_no, 2);
    assert_int_equal(r.clutter[10].line_no, 12);
    assert_true(removed(&r, "Contactez-nous"));
    assert_true(removed(&r, "L'espace des commentaires est ouvert aux inscrits."));
    /* only the article's paragraph is left */
    assert_null(strchr(r.text, '\n'));
    assert_true(!strncmp(r.text, "Dans la province de Deir Ezzor", 30));
    assert_true(r.len > 100 && r.text[r.len - 1] == '.');
}

static void seed_file_from_shared(void **state)
{
    (void)state;
    const char *shared = getenv("QP_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/fixtures/seed-alqaim.txt", shared ? shared : "../shared");
    FILE *f = fopen(path, "rb");
    if (!f)
        skip();
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    qp_clean_result r;
    assert_int_equal(qp_clean(buf, n, &arena, &r), 0);
    assert_int_equal(r.n_clutter, 11);
    assert_int_equal(r.clutter[0].line_no, 9);
    assert_string_equal(r.clutter[0].text, "A LIRE AUSSI.");
    assert_null(strstr(r.text, "publicit"));
    assert_null(strstr(r.text, "Contactez"));
    assert_non_null(strstr(r.text, "appuy\xC3\xA9\x65 par les Etats-Unis."));
    /* the eight paragraphs of the article are all there */
    int lines = 1;
    for (size_t i = 0; i < r.len; i++)
        lines += r.text[i] == '\n';
    assert_int_equal(lines, 8);
}

static void publication_stamps_removed(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Syrie : Assad promet des r\xC3\xA9\x66ormes\n"
                                 "Publi\xC3\xA9 le 15/01/12 \xC3\xA0 00h00\n"
                                 "\xE2\x80\x94 Mis \xC3\xA0 jour le 15/01/12 \xC3\xA0 12h56\n"
                                 "Le Monde avec AFP Publi\xC3\xA9 le 13 novembre 2012 \xC3\xA0 19h21 - Mis \xC3\xA0 jour le 13 novembre 2012 \xC3\xA0 20h40\n"
                                 "Updated: 3 March 2013 10:02 GMT\n"
                                 "Le pr\xC3\xA9sident syrien a parl\xC3\xA9 dimanche devant le Parlement \xC3\xA0 Damas.\n");
    assert_int_equal(r.n_clutter, 4);
    assert_string_equal(r.text, "Syrie : Assad promet des r\xC3\xA9\x66ormes\n"
                                "Le pr\xC3\xA9sident syrien a parl\xC3\xA9 dimanche devant le Parlement \xC3\xA0 Damas.");
}

static void sentence_with_published_date_kept(void **state)
{
    (void)state;
    const char *s = "Le rapport publi\xC3\xA9 le 3 mars par l'ONU accuse Damas.";
    assert_false(qp_clean_is_clutter_line(s, strlen(s)));
    s = "Published in 2010, the report was ignored by the government.";
    assert_false(qp_clean_is_clutter_line(s, strlen(s)));
}

static void english_furniture_removed(void **state)
{
    (void)state;
    const char *lines[] = {"Read more", "Share this article", "Subscribe to our newsletter", "Share on Facebook",
                           "Sign in", "Advertisement", "Follow us on Twitter", "All rights reserved.",
                           "Leave a comment", "Click here to subscribe"};
    for (size_t i = 0; i < QP_ARRAY_LEN(lines); i++)
        assert_true(qp_clean_is_clutter_line(lines[i], strlen(lines[i])));
    qp_clean_result r = clean_ok("Iraqi forces retook the town of al-Qaim on Friday, the army said.\n"
                                 "Read also:\n"
                                 "Iraq declares victory over Islamic State\n"
                                 "Mosul: the long road back\n"
                                 "\n"
                                 "The offensive began a week ago with air support from the coalition.\n"
                                 "Share this\nSubscribe\n");
    assert_int_equal(r.n_clutter, 5);
    /* the blank line under the related block goes with it */
    assert_string_equal(r.text, "Iraqi forces retook the town of al-Qaim on Friday, the army said.\n"
                                "The offensive began a week ago with air support from the coalition.");
}

static void headline_list_removed(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Les rebelles ont pris le contr\xC3\xB4le du poste fronti\xC3\xA8re, selon l'OSDH.\n"
                                 "Irak: l'arm\xC3\xA9\x65 reprend Ramadi\n"
                                 "Syrie: nouvelles frappes russes \xC3\xA0 Idleb\n"
                                 "Liban: le Hezbollah d\xC3\xA9ment\n"
                                 "\n"
                                 "Fin de l'article.\n");
    assert_int_equal(r.n_clutter, 3);
    assert_true(removed(&r, "Liban: le Hezbollah d\xC3\xA9ment"));
    assert_string_equal(r.text, "Les rebelles ont pris le contr\xC3\xB4le du poste fronti\xC3\xA8re, selon l'OSDH.\n\n"
                                "Fin de l'article.");
}

static void two_headline_lines_kept(void **state)
{
    (void)state;
    /* a title and a subtitle are not a list */
    qp_clean_result r = clean_ok("Syrie: l'arm\xC3\xA9\x65 reprend Alep\n"
                                 "Les rebelles se retirent\n"
                                 "Damas, 22 d\xC3\xA9\x63\x65mbre (AFP) - L'arm\xC3\xA9\x65 syrienne a repris Alep.\n");
    assert_int_equal(r.n_clutter, 0);
}

static void title_above_body_kept(void **state)
{
    (void)state;
    /* a run of link headlines ends on the article's own title, right above its body */
    qp_clean_result r = clean_ok("Printemps annonce la fermeture de sept magasins\n"
                                 "Economie fran\xC3\xA7\x61ise : tenir jusqu'au vaccin\n"
                                 "Services Le Monde\n"
                                 "La France reconna\xC3\xAEt l'opposition syrienne unifi\xC3\xA9\x65\n"
                                 "Fran\xC3\xA7ois Hollande a annonc\xC3\xA9 mardi que Paris reconnaissait la nouvelle coalition.\n");
    assert_int_equal(r.n_clutter, 3);
    assert_string_equal(r.text, "La France reconna\xC3\xAEt l'opposition syrienne unifi\xC3\xA9\x65\n"
                                "Fran\xC3\xA7ois Hollande a annonc\xC3\xA9 mardi que Paris reconnaissait la nouvelle coalition.");
}

static void hard_wrapped_paragraph_kept(void **state)
{
    (void)state;
    /* scraped text cut into short lines: none ends a sentence, but it is prose */
    const char *raw = "Bonjour \xC3\xA0 tous. Voici dix\n"
                      "jours, le monde a assist\xC3\xA9 avec horreur au massacre d'hommes, de femmes et\n"
                      "d'enfants en Syrie au cours de la pire attaque aux armes chimiques du XXIe\n"
                      "si\xC3\xA8\x63le. Hier, les \xC3\x89tats-Unis ont \xC3\xA9tabli, sur la base de preuves solides, que\n"
                      "l'\xC3\x89tat syrien \xC3\xA9tait responsable de cette attaque lanc\xC3\xA9\x65 contre son propre\n"
                      "peuple.\n";
    qp_clean_result r = clean_ok(raw);
    assert_int_equal(r.n_clutter, 0);
    /* lines ending on "de", "la", a comma: prose even when the next line starts with a capital */
    r = clean_ok("Le secr\xC3\xA9taire d'Etat a rencontr\xC3\xA9 le ministre de\n"
                 "Russie et le repr\xC3\xA9sentant de la\n"
                 "Ligue arabe, puis les envoy\xC3\xA9s de\n"
                 "Turquie\n");
    assert_int_equal(r.n_clutter, 0);
}

static void paragraphs_mentioning_furniture_words_kept(void **state)
{
    (void)state;
    const char *keep[] = {
        "Le minist\xC3\xA8re a interdit toute publicit\xC3\xA9 pour les produits du tabac dans les journaux du pays, "
        "a annonc\xC3\xA9 dimanche le porte-parole du gouvernement \xC3\xA0 Damas devant la presse.",
        "The ministry's weekly newsletter said the convoy had reached Deir Ezzor on Tuesday.",
        "Les services de renseignement syriens ont arr\xC3\xAAt\xC3\xA9 vingt personnes.",
        "Les deux pays partagent un m\xC3\xAAme objectif, a dit le ministre.",
        "They share one goal, the minister said.",
        "La newsletter du minist\xC3\xA8re de la D\xC3\xA9\x66\x65nse a publi\xC3\xA9 les chiffres mardi.",
    };
    for (size_t i = 0; i < QP_ARRAY_LEN(keep); i++)
        assert_false(qp_clean_is_clutter_line(keep[i], strlen(keep[i])));
    /* but the same words alone on a line are furniture */
    const char *drop[] = {"Newsletter", "Publicit\xC3\xA9", "Les services de L'Express", "Abonn\xC3\xA9s"};
    for (size_t i = 0; i < QP_ARRAY_LEN(drop); i++)
        assert_true(qp_clean_is_clutter_line(drop[i], strlen(drop[i])));
}

static void paragraphs_ending_in_quotes_are_not_headlines(void **state)
{
    (void)state;
    /* three paragraphs that each end with a closing quote are an article, not a link list */
    qp_clean_result r = clean_ok("\"Nous avons repris la ville\", a d\xC3\xA9\x63lar\xC3\xA9 le g\xC3\xA9n\xC3\xA9ral. \"Les civils peuvent rentrer.\"\n"
                                 "Le ministre a ajout\xC3\xA9 : \xC2\xAB Le combat continue. \xC2\xBB\n"
                                 "Selon l'ONU, \"la situation reste pr\xC3\xA9\x63\x61ire.\"\n");
    assert_int_equal(r.n_clutter, 0);
}

static void continuation_of_furniture_removed(void **state)
{
    (void)state;
    qp_clean_result r = clean_ok("Les combats ont repris \xC3\xA0 Alep dans la nuit de lundi \xC3\xA0 mardi.\n"
                                 "Consultez les articles de la rubrique International,\n"
                                 "suivez les informations en temps r\xC3\xA9\x65l et acc\xC3\xA9\x64\x65z \xC3\xA0 nos analyses.\n");
    assert_int_equal(r.n_clutter, 2);
    assert_string_equal(r.text, "Les combats ont repris \xC3\xA0 Alep dans la nuit de lundi \xC3\xA0 mardi.");
    /* a furniture line that is closed does not take a cut paragraph under it along */
    r = clean_ok("Temps de lecture: 4 min\n"
                 "toujours consid\xC3\xA9r\xC3\xA9 avec scepticisme l'impact des sanctions internationales.\n");
    assert_int_equal(r.n_clutter, 1);
    assert_string_equal(r.text, "toujours consid\xC3\xA9r\xC3\xA9 avec scepticisme l'impact des sanctions internationales.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nfc_composes_decomposed_accents, setup, teardown),
        cmocka_unit_test_setup_teardown(typographic_quotes_become_ascii, setup, teardown),
        cmocka_unit_test_setup_teardown(non_breaking_spaces_become_spaces, setup, teardown),
        cmocka_unit_test_setup_teardown(line_ends_become_lf, setup, teardown),
        cmocka_unit_test_setup_teardown(bom_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(control_characters_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_input_gives_empty_text, setup, teardown),
        cmocka_unit_test_setup_teardown(invalid_utf8_names_byte_and_line, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_clutter_removed_and_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_file_from_shared, setup, teardown),
        cmocka_unit_test_setup_teardown(publication_stamps_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(sentence_with_published_date_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(english_furniture_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(headline_list_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(two_headline_lines_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(title_above_body_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(hard_wrapped_paragraph_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(paragraphs_mentioning_furniture_words_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(paragraphs_ending_in_quotes_are_not_headlines, setup, teardown),
        cmocka_unit_test_setup_teardown(continuation_of_furniture_removed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
