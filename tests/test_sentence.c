/* test_sentence.c — sentence boundaries: abbreviations, numbers, quotes, line breaks, ellipses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "arena.h"
#include "qp.h"
#include "sentence.h"

/* Splits text and checks the sentences are exactly expected[] (NULL-terminated). */
static void check_split(const char *text, const char *lang, const char *const *expected)
{
    qp_arena a;
    qp_arena_init(&a, 4096);
    qp_span *spans;
    size_t n;
    assert_int_equal(qp_sentences_split(text, strlen(text), lang, &a, &spans, &n), 0);
    size_t want = 0;
    while (expected[want])
        want++;
    for (size_t i = 0; i < n && i < want; i++) {
        assert_true(spans[i].start < spans[i].end && spans[i].end <= strlen(text));
        size_t len = spans[i].end - spans[i].start;
        if (len != strlen(expected[i]) || memcmp(text + spans[i].start, expected[i], len))
            fail_msg("sentence %zu is [%.*s], expected [%s]", i, (int)len, text + spans[i].start, expected[i]);
    }
    if (n != want)
        fail_msg("%zu sentences, expected %zu", n, want);
    qp_arena_destroy(&a);
}

#define SPLIT(text, lang, ...)                                                                                    \
    do {                                                                                                          \
        const char *const want_[] = {__VA_ARGS__, NULL};                                                          \
        check_split(text, lang, want_);                                                                           \
    } while (0)

static void plain_sentences(void **state)
{
    (void)state;
    SPLIT("L'EI recule. Les civils fuient la ville.", "fr", "L'EI recule.", "Les civils fuient la ville.");
    /* a period followed by a lower-case word is not a boundary */
    SPLIT("Il a dit ceci. et puis il est parti.", "fr", "Il a dit ceci. et puis il est parti.");
}

static void french_abbreviations(void **state)
{
    (void)state;
    SPLIT("M. Hollande a re\xC3\xA7u Mme Merkel. Ils ont parl\xC3\xA9 de la Syrie.", "fr",
          "M. Hollande a re\xC3\xA7u Mme Merkel.", "Ils ont parl\xC3\xA9 de la Syrie.");
    SPLIT("Le g\xC3\xA9n. Souadi commande la 8e division. Il avance.", "fr",
          "Le g\xC3\xA9n. Souadi commande la 8e division.", "Il avance.");
    SPLIT("Mme. Clinton et M. Lavrov se sont vus \xC3\xA0 Gen\xC3\xA8ve.", "fr",
          "Mme. Clinton et M. Lavrov se sont vus \xC3\xA0 Gen\xC3\xA8ve.");
    SPLIT("Il est n\xC3\xA9 en 63 av. J.-C. selon Plutarque.", "fr", "Il est n\xC3\xA9 en 63 av. J.-C. selon Plutarque.");
}

static void english_abbreviations(void **state)
{
    (void)state;
    SPLIT("Dr. Smith met Gen. Votel in Baghdad. They spoke for an hour.", "en",
          "Dr. Smith met Gen. Votel in Baghdad.", "They spoke for an hour.");
    SPLIT("The U.S. Army said on Monday it had struck ISIS. Civilians fled.", "en",
          "The U.S. Army said on Monday it had struck ISIS.", "Civilians fled.");
    SPLIT("Mr. Putin called Pres. Assad.", "en", "Mr. Putin called Pres. Assad.");
}

static void ordinary_words_that_look_like_abbreviations(void **state)
{
    (void)state;
    /* "me", "no", "sept", "est" end sentences; only "Me", "No." and "Sept." are abbreviations */
    SPLIT("They fired at me. Then they left.", "en", "They fired at me.", "Then they left.");
    SPLIT("The answer was no. Talks failed.", "en", "The answer was no.", "Talks failed.");
    SPLIT("Les otages Ã©taient sept. Deux sont morts.", "fr", "Les otages Ã©taient sept.",
          "Deux sont morts.");
    SPLIT("La tour mesure 300 m. Elle domine la ville.", "fr", "La tour mesure 300 m.", "Elle domine la ville.");
    SPLIT("Me Dupont dÃ©fend No. 10 depuis le 3 Sept. 2013.", "fr",
          "Me Dupont dÃ©fend No. 10 depuis le 3 Sept. 2013.");
}

static void initials(void **state)
{
    (void)state;
    SPLIT("George W. Bush invaded Iraq in 2003. Saddam fell.", "en", "George W. Bush invaded Iraq in 2003.",
          "Saddam fell.");
    SPLIT("Selon J. Kerry, l'accord tient.", "fr", "Selon J. Kerry, l'accord tient.");
}

static void numbers(void **state)
{
    (void)state;
    SPLIT("Plus de 5.000 soldats et 30,4 % des votes. Ensuite rien.", "fr",
          "Plus de 5.000 soldats et 30,4 % des votes.", "Ensuite rien.");
    SPLIT("The rate rose 3.5 percent. It fell later.", "en", "The rate rose 3.5 percent.", "It fell later.");
    /* a year at the end of a sentence is still the end of it */
    SPLIT("La guerre a commenc\xC3\xA9 en 2011. 400.000 morts depuis.", "fr",
          "La guerre a commenc\xC3\xA9 en 2011.", "400.000 morts depuis.");
}

static void quotes(void **state)
{
    (void)state;
    SPLIT("\xC2\xAB Nous avons gagn\xC3\xA9. \xC2\xBB Le g\xC3\xA9n\xC3\xA9ral s'est tu.", "fr",
          "\xC2\xAB Nous avons gagn\xC3\xA9. \xC2\xBB", "Le g\xC3\xA9n\xC3\xA9ral s'est tu.");
    SPLIT("\"We will win.\" The general left.", "en", "\"We will win.\"", "The general left.");
    SPLIT("He said: \"It is over.\" Then he left.", "en", "He said: \"It is over.\"", "Then he left.");
    /* a new sentence may open with a quote */
    SPLIT("Il a parl\xC3\xA9. \"Nous restons\", a-t-il dit.", "fr", "Il a parl\xC3\xA9.",
          "\"Nous restons\", a-t-il dit.");
    SPLIT("Il a parl\xC3\xA9. \xC2\xAB Nous restons \xC2\xBB, a-t-il dit.", "fr", "Il a parl\xC3\xA9.",
          "\xC2\xAB Nous restons \xC2\xBB, a-t-il dit.");
}

static void line_breaks(void **state)
{
    (void)state;
    /* a headline without final punctuation stands alone; blank lines give nothing */
    SPLIT("Syrie: l'arm\xC3\xA9\x65 reprend Alep\n\nDamas (AFP) - L'arm\xC3\xA9\x65 a repris Alep. Les rebelles fuient.\n",
          "fr", "Syrie: l'arm\xC3\xA9\x65 reprend Alep", "Damas (AFP) - L'arm\xC3\xA9\x65 a repris Alep.",
          "Les rebelles fuient.");
    SPLIT("  Premier.  \n  \n  Second  ", "fr", "Premier.", "Second");
    SPLIT("", "fr", NULL);
}

static void hard_wrapped_lines_join(void **state)
{
    (void)state;
    /* a press release cut at 70 columns: one sentence runs over three lines */
    SPLIT("SOUTHWEST\nASIA - Since the start of their offensive to liberate Manbij, Syria,\n"
          "the Syrian Arab Coalition has freed a total of 344 square kilometers\nfrom Da'esh control.\n"
          "The operation\nto free Manbij is part of it.\n",
          "en", "SOUTHWEST",
          "ASIA - Since the start of their offensive to liberate Manbij, Syria,\n"
          "the Syrian Arab Coalition has freed a total of 344 square kilometers\nfrom Da'esh control.",
          "The operation\nto free Manbij is part of it.");
    /* final punctuation, or a capital on the next line, still ends the line's sentence */
    SPLIT("Il a dit :\nnous resterons.\nLa ville\nAlep est tomb\xC3\xA9\x65.", "fr", "Il a dit :", "nous resterons.",
          "La ville", "Alep est tomb\xC3\xA9\x65.");
    SPLIT("Les forces du r\xC3\xA9gime\n\xC3\xA0 Alep ont avanc\xC3\xA9.", "fr",
          "Les forces du r\xC3\xA9gime\n\xC3\xA0 Alep ont avanc\xC3\xA9.");
    /* in a run of lines of the wrapping width, a capital on the next line goes on too */
    SPLIT("Defense Secretary Ash Carter today congratulated Prime Minister\n"
          "Haider al-Abadi and the Iraqi people for freeing the city of Fallujah\n"
          "from the grip of the Islamic State of Iraq and the Levant.\n",
          "en",
          "Defense Secretary Ash Carter today congratulated Prime Minister\n"
          "Haider al-Abadi and the Iraqi people for freeing the city of Fallujah\n"
          "from the grip of the Islamic State of Iraq and the Levant.");
    /* but a headline over a subtitle stays apart */
    SPLIT("Israel accuses the Syrian regime of using chemical weapons in the war\n"
          "The Israeli army accuses the Syrian regime of using them\n\nBody text.\n",
          "en", "Israel accuses the Syrian regime of using chemical weapons in the war",
          "The Israeli army accuses the Syrian regime of using them", "Body text.");
}

static void lost_space_after_a_sentence(void **state)
{
    (void)state;
    SPLIT("Les promesses ne convainquent plus.S'il a parl\xC3\xA9, rien n'a chang\xC3\xA9.", "fr",
          "Les promesses ne convainquent plus.", "S'il a parl\xC3\xA9, rien n'a chang\xC3\xA9.");
    SPLIT("Trop tard ?De toute \xC3\xA9vidence, non.", "fr", "Trop tard ?", "De toute \xC3\xA9vidence, non.");
    SPLIT("La r\xC3\xA9pression continue.\xC3\x80 Homs, dix morts.", "fr", "La r\xC3\xA9pression continue.",
          "\xC3\x80 Homs, dix morts.");
    /* but not inside names, acronyms or addresses */
    SPLIT("Voir lemonde.fr et U.S.A. ou Obama.Il reste.", "fr", "Voir lemonde.fr et U.S.A. ou Obama.Il reste.");
    SPLIT("L'ONU.Le reste.", "fr", "L'ONU.Le reste.");
}

static void question_and_exclamation(void **state)
{
    (void)state;
    SPLIT("Qui a tir\xC3\xA9 ? Personne ne sait. Quelle horreur ! Les secours arrivent.", "fr",
          "Qui a tir\xC3\xA9 ?", "Personne ne sait.", "Quelle horreur !", "Les secours arrivent.");
    SPLIT("Who fired?! Nobody knows.", "en", "Who fired?!", "Nobody knows.");
}

static void ellipsis(void **state)
{
    (void)state;
    SPLIT("Il a h\xC3\xA9sit\xC3\xA9\xE2\x80\xA6 Puis il a sign\xC3\xA9.", "fr", "Il a h\xC3\xA9sit\xC3\xA9\xE2\x80\xA6",
          "Puis il a sign\xC3\xA9.");
    SPLIT("They waited... Then the shelling began.", "en", "They waited...", "Then the shelling began.");
    /* an ellipsis before a lower-case word continues the sentence */
    SPLIT("Il a h\xC3\xA9sit\xC3\xA9... puis sign\xC3\xA9.", "fr", "Il a h\xC3\xA9sit\xC3\xA9... puis sign\xC3\xA9.");
}

static void accented_capital_starts_a_sentence(void **state)
{
    (void)state;
    SPLIT("Les combats continuent. \xC3\x80 Alep, la situation empire. \xC3\x89tat d'urgence.", "fr",
          "Les combats continuent.", "\xC3\x80 Alep, la situation empire.", "\xC3\x89tat d'urgence.");
}

static void urls_and_acronyms_are_not_boundaries(void **state)
{
    (void)state;
    SPLIT("Voir lemonde.fr pour la suite. Fin.", "fr", "Voir lemonde.fr pour la suite.", "Fin.");
    SPLIT("Les \xC3\x89.-U. et la Russie. Fin.", "fr", "Les \xC3\x89.-U. et la Russie.", "Fin.");
}

/* Issue 16, item 7: text without sentence punctuation was one sentence, and its extraction
 * took the square of its words. No sentence holds more than QP_SENTENCE_MAX_WORDS words; a
 * cut falls after a comma when one is in the second half; nothing is lost. */
static void long_runs_are_cut(void **state)
{
    (void)state;
    size_t cap = 5000 * 12, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int i = 0; i < 5000; i++)
        len += (size_t)snprintf(text + len, cap - len, "%s%s", i ? " " : "", i == 150 ? "mot," : "mot");
    qp_arena a;
    qp_arena_init(&a, 1 << 16);
    qp_span *spans;
    size_t n;
    assert_int_equal(qp_sentences_split(text, len, "fr", &a, &spans, &n), 0);
    assert_true(n >= 5000 / QP_SENTENCE_MAX_WORDS);
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = 1;
        for (size_t k = spans[i].start; k < spans[i].end; k++)
            w += text[k] == ' ';
        assert_true(w <= QP_SENTENCE_MAX_WORDS);
        words += w;
        if (i)
            assert_true(spans[i].start > spans[i - 1].end);
    }
    assert_int_equal(words, 5000);
    /* the first cut is after "mot," (word 151), not at word 200 */
    assert_int_equal(text[spans[0].end - 1], ',');
    qp_arena_destroy(&a);
    /* a megabyte of "a.a.a." with no space: split in linear time (the look back is bounded) */
    size_t big = 1 << 20;
    char *dots = malloc(big);
    assert_non_null(dots);
    for (size_t i = 0; i < big; i++)
        dots[i] = i % 2 ? '.' : 'a';
    qp_arena_init(&a, 1 << 16);
    clock_t t0 = clock();
    assert_int_equal(qp_sentences_split(dots, big, "fr", &a, &spans, &n), 0);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
    qp_arena_destroy(&a);
    free(dots);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_sentences),
        cmocka_unit_test(long_runs_are_cut),
        cmocka_unit_test(french_abbreviations),
        cmocka_unit_test(english_abbreviations),
        cmocka_unit_test(ordinary_words_that_look_like_abbreviations),
        cmocka_unit_test(initials),
        cmocka_unit_test(numbers),
        cmocka_unit_test(quotes),
        cmocka_unit_test(line_breaks),
        cmocka_unit_test(hard_wrapped_lines_join),
        cmocka_unit_test(lost_space_after_a_sentence),
        cmocka_unit_test(question_and_exclamation),
        cmocka_unit_test(ellipsis),
        cmocka_unit_test(accented_capital_starts_a_sentence),
        cmocka_unit_test(urls_and_acronyms_are_not_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
