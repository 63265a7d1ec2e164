/* lang.c — libexttextcat n-gram fingerprints, with a function-word vote for short texts. */
#include "lang.h"
#include "datadir.h"
#include "qp.h"

#include <libexttextcat/textcat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct qp_langid {
    void *textcat;
};

int qp_langid_init(qp_langid **out)
{
    *out = NULL;
    char conf[4096];
    if (qp_data_path("lexicon/langid.conf", conf, sizeof conf))
        return QP_ENOTFOUND;
    qp_langid *l = calloc(1, sizeof *l);
    if (!l)
        return QP_ENOMEM;
    const char *prefix = getenv("QUIPU_TEXTCAT_DIR");
    l->textcat = special_textcat_Init(conf, prefix && *prefix ? prefix : "/usr/share/libexttextcat/");
    if (!l->textcat) {
        free(l);
        return QP_ENOTFOUND;
    }
    *out = l;
    return 0;
}

void qp_langid_destroy(qp_langid *l)
{
    if (!l)
        return;
    if (l->textcat)
        textcat_Done(l->textcat);
    free(l);
}

/* Counts very frequent function words of each language: reliable on a headline, where
 * n-gram fingerprints are not. */
static void vote_function_words(const char *text, size_t len, int *fr, int *en)
{
    static const char *const fr_words[] = {"le", "la", "les", "des", "du", "de", "et", "est", "une", "un",
                                           "dans", "pour", "qui", "que", "sur", "par", "avec", "au", "aux", "ont", "a"};
    static const char *const en_words[] = {"the", "of", "and", "to", "in", "is", "was", "for", "on", "that",
                                           "with", "by", "from", "has", "have", "were", "are", "at", "a", "an"};
    *fr = *en = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'))
            i++;
        size_t s = i;
        while (i < len && (((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z') || (unsigned char)text[i] >= 0x80))
            i++;
        size_t n = i - s;
        if (n == 0 || n > 5)
            continue;
        if (n >= 2 && text[s] >= 'A' && text[s] <= 'Z' && text[s + 1] >= 'A' && text[s + 1] <= 'Z')
            continue; /* an acronym: "UN" is not French "un" */
        for (size_t k = 0; k < QP_ARRAY_LEN(fr_words); k++)
            if (strlen(fr_words[k]) == n && !strncasecmp(text + s, fr_words[k], n))
                (*fr)++;
        for (size_t k = 0; k < QP_ARRAY_LEN(en_words); k++)
            if (strlen(en_words[k]) == n && !strncasecmp(text + s, en_words[k], n))
                (*en)++;
    }
}

/* Counts words that are frequent in one of the two languages and absent from the other and
 * from their neighbours (Spanish, Italian, Portuguese share "de", "la", "que", "un"). */
static void distinctive_words(const char *text, size_t len, int *fr, int *en)
{
    static const char *const fr_words[] = {"les", "des", "est", "une", "dans", "pour", "avec", "aux", "ont", "du",
                                           "et", "qui", "sur", "ces", "sont", "selon", "mais"};
    static const char *const en_words[] = {"the", "and", "of", "is", "was", "were", "with", "that", "from", "have",
                                           "has", "are", "which", "said", "their", "this"};
    *fr = *en = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !(((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z')))
            i++;
        size_t s = i;
        while (i < len && (((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z') || (unsigned char)text[i] >= 0x80))
            i++;
        size_t n = i - s;
        if (n < 2 || n > 6 || (s > 0 && text[s - 1] == '\''))
            continue;
        for (size_t k = 0; k < QP_ARRAY_LEN(fr_words); k++)
            if (strlen(fr_words[k]) == n && !strncasecmp(text + s, fr_words[k], n))
                (*fr)++;
        for (size_t k = 0; k < QP_ARRAY_LEN(en_words); k++)
            if (strlen(en_words[k]) == n && !strncasecmp(text + s, en_words[k], n))
                (*en)++;
    }
}

int qp_langid_detect(qp_langid *l, const char *text, size_t len, char code[8])
{
    /* a kilobyte is plenty for n-gram fingerprints and keeps long documents cheap */
    size_t n = len > 1024 ? 1024 : len;
    while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--; /* do not cut a character in two */
    /* words that only French, or only English, uses this often: when one language has many and
     * the other almost none, the fingerprints (a tenth of ingest time) would only agree */
    int fr_only, en_only;
    distinctive_words(text, n, &fr_only, &en_only);
    if (fr_only >= 12 && en_only <= 1) {
        strcpy(code, "fr");
        return 0;
    }
    if (en_only >= 12 && fr_only <= 1) {
        strcpy(code, "en");
        return 0;
    }
    /* n-grams of a word or two (or of punctuation alone: textcat calls "..." Arabic and
     * "Alep" German) say nothing; below a dozen letters only function words may decide */
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        letters += ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0;
    }
    const char *res = l && l->textcat && letters >= 12 ? textcat_Classify(l->textcat, text, n) : "SHORT";
    if (res && res[0] == '[') {
        size_t k = 0;
        const char *p = res + 1;
        while (*p && *p != '-' && *p != ']' && k < 7)
            code[k++] = *p++;
        code[k] = '\0';
        /* textcat is unsure between several: let function words decide between fr and en */
        if (strchr(res + 1, '[')) {
            int fr, en;
            vote_function_words(text, n, &fr, &en);
            if (letters < 200 && fr != en && (strstr(res, fr > en ? "[fr-" : "[en-"))) {
                /* a headline: "Le Hezbollah entre en Syrie" comes out German first, "Russia
                 * vetoes UN resolution on Syria" French; one function word is more telling
                 * than the order of near-equal fingerprints */
                strcpy(code, fr > en ? "fr" : "en");
            } else if ((!strcmp(code, "fr") || !strcmp(code, "en")) && fr + en >= 3) {
                strcpy(code, fr >= en ? "fr" : "en");
            }
        }
        return 0;
    }
    int fr, en;
    vote_function_words(text, n, &fr, &en);
    if (fr + en >= 2 && fr != en)
        strcpy(code, fr > en ? "fr" : "en");
    else
        strcpy(code, "und");
    return 0;
}
