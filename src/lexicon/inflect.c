/* inflect.c — regular French and English inflection for the action lemmas of an overlay. The
 * build inflects the built-in lemmas from hunspell-fr and WordNet (tools/lexforms); a user's
 * lemma, added without a rebuild, gets these rules, and its entry may list irregular forms. */
#include "inflect.h"
#include "qp.h"

#include <stdio.h>
#include <string.h>

#define MAXW 256

typedef struct {
    qp_inflect_fn fn;
    void *ud;
    const char *rest; /* what follows the inflected word(s), with its leading space, or "" */
} emit_ctx;

static int emit(emit_ctx *c, const char *head, int tag)
{
    char buf[2 * MAXW];
    int n = snprintf(buf, sizeof buf, "%s%s", head, c->rest);
    if (n < 0 || (size_t)n >= sizeof buf)
        return 0;
    return c->fn(buf, tag, c->ud);
}

static int ends(const char *w, const char *suf)
{
    size_t n = strlen(w), m = strlen(suf);
    return n >= m && !strcmp(w + n - m, suf);
}

static int vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

/* ---- English ---- */

/* A one-syllable word ending consonant–vowel–consonant doubles its last letter ("ban" →
 * "banned"); "w", "x", "y" never double. */
static int en_doubles(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || !vowel(w[n - 2]) || vowel(w[n - 1]) || vowel(w[n - 3]) || strchr("wxy", w[n - 1]))
        return 0;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        if (vowel(w[i]) && (i == 0 || !vowel(w[i - 1])))
            groups++;
    return groups == 1;
}

static void en_s(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh"))
        snprintf(out, cap, "%ses", w);
    else if (n > 1 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out, cap, "%ss", w);
}

static void en_ed(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "e"))
        snprintf(out, cap, "%sd", w);
    else if (n > 1 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sied", (int)(n - 1), w);
    else if (en_doubles(w))
        snprintf(out, cap, "%s%ced", w, w[n - 1]);
    else
        snprintf(out, cap, "%sed", w);
}

static void en_ing(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "ie"))
        snprintf(out, cap, "%.*sying", (int)(n - 2), w);
    else if (ends(w, "e") && !ends(w, "ee") && !ends(w, "ye") && !ends(w, "oe") && n > 2)
        snprintf(out, cap, "%.*sing", (int)(n - 1), w);
    else if (en_doubles(w))
        snprintf(out, cap, "%s%cing", w, w[n - 1]);
    else
        snprintf(out, cap, "%sing", w);
}

static int en_preposition(const char *w, size_t n)
{
    static const char *const p[] = {"of", "for", "against", "on", "in", "to", "with", "from", "into", "at",
                                    "by", "over", "between", "toward", "towards", "upon"};
    for (size_t i = 0; i < QP_ARRAY_LEN(p); i++)
        if (strlen(p[i]) == n && !strncmp(p[i], w, n))
            return 1;
    return 0;
}

static int english(const char *lemma, int is_verb, qp_inflect_fn fn, void *ud)
{
    char word[MAXW], form[MAXW + 8], prefix[2 * MAXW];
    if (is_verb) {
        size_t n = strcspn(lemma, " ");
        if (n >= MAXW)
            return 0;
        memcpy(word, lemma, n);
        word[n] = '\0';
        emit_ctx c = {fn, ud, lemma + n};
        int r;
        en_s(word, form, sizeof form);
        if ((r = emit(&c, form, QP_TAG_PRES)))
            return r;
        en_ed(word, form, sizeof form);
        if ((r = emit(&c, form, QP_TAG_PAST)) || (r = emit(&c, form, QP_TAG_PPAS)))
            return r;
        en_ing(word, form, sizeof form);
        return emit(&c, form, QP_TAG_PPRE);
    }
    /* the head: the word before the first preposition, else the last word */
    const char *head = lemma, *end = lemma + strlen(lemma);
    for (const char *p = lemma; *p;) {
        size_t n = strcspn(p, " ");
        if (p != lemma && en_preposition(p, n)) {
            end = p - 1;
            break;
        }
        head = p;
        p += n;
        while (*p == ' ')
            p++;
    }
    size_t hn = (size_t)(end - head);
    if (hn == 0 || hn >= MAXW || (size_t)(head - lemma) >= sizeof prefix)
        return 0;
    memcpy(word, head, hn);
    word[hn] = '\0';
    snprintf(prefix, sizeof prefix, "%.*s", (int)(head - lemma), lemma);
    en_s(word, form, sizeof form);
    char whole[4 * MAXW];
    if (snprintf(whole, sizeof whole, "%s%s", prefix, form) >= (int)sizeof whole)
        return 0;
    emit_ctx c = {fn, ud, end};
    return emit(&c, whole, QP_TAG_NOUN_PL);
}

/* ---- French ---- */

/* The forms of a regular verb from its stem and group: rows of (ending, tag). "-cer" and
 * "-ger" keep their sound before a and o ("lançons", "mangeait"). */
static int fr_verb_word(const char *verb, emit_ctx *c)
{
    static const struct {
        const char *end;
        int tag;
    } er[] = {
        {"e", QP_TAG_PRES},       {"es", QP_TAG_PRES},      {"#ons", QP_TAG_PRES},   {"ez", QP_TAG_PRES},
        {"ent", QP_TAG_PRES},     {"#ais", QP_TAG_IMPF},    {"#ait", QP_TAG_IMPF},   {"ions", QP_TAG_IMPF},
        {"iez", QP_TAG_IMPF},     {"#aient", QP_TAG_IMPF},  {"#ai", QP_TAG_PAST},    {"#as", QP_TAG_PAST},
        {"#a", QP_TAG_PAST},      {"#âmes", QP_TAG_PAST},   {"#âtes", QP_TAG_PAST},  {"èrent", QP_TAG_PAST},
        {"erai", QP_TAG_FUT},     {"eras", QP_TAG_FUT},     {"era", QP_TAG_FUT},     {"erons", QP_TAG_FUT},
        {"erez", QP_TAG_FUT},     {"eront", QP_TAG_FUT},    {"erais", QP_TAG_COND},  {"erait", QP_TAG_COND},
        {"erions", QP_TAG_COND},  {"eriez", QP_TAG_COND},   {"eraient", QP_TAG_COND}, {"#asse", QP_TAG_SUBJ},
        {"#assent", QP_TAG_SUBJ}, {"#ât", QP_TAG_SUBJ},     {"é", QP_TAG_PPAS},      {"ée", QP_TAG_PPAS},
        {"és", QP_TAG_PPAS},      {"ées", QP_TAG_PPAS},     {"#ant", QP_TAG_PPRE},
    }, ir[] = {
        {"is", QP_TAG_PRES},       {"it", QP_TAG_PRES},       {"issons", QP_TAG_PRES},   {"issez", QP_TAG_PRES},
        {"issent", QP_TAG_PRES},   {"issais", QP_TAG_IMPF},   {"issait", QP_TAG_IMPF},   {"issions", QP_TAG_IMPF},
        {"issiez", QP_TAG_IMPF},   {"issaient", QP_TAG_IMPF}, {"îmes", QP_TAG_PAST},     {"îtes", QP_TAG_PAST},
        {"irent", QP_TAG_PAST},    {"irai", QP_TAG_FUT},      {"iras", QP_TAG_FUT},      {"ira", QP_TAG_FUT},
        {"irons", QP_TAG_FUT},     {"irez", QP_TAG_FUT},      {"iront", QP_TAG_FUT},     {"irais", QP_TAG_COND},
        {"irait", QP_TAG_COND},    {"irions", QP_TAG_COND},   {"iraient", QP_TAG_COND},  {"isse", QP_TAG_SUBJ},
        {"issent", QP_TAG_SUBJ},   {"ît", QP_TAG_SUBJ},       {"i", QP_TAG_PPAS},        {"ie", QP_TAG_PPAS},
        {"ies", QP_TAG_PPAS},      {"issant", QP_TAG_PPRE},
    };
    size_t n = strlen(verb);
    int is_er = ends(verb, "er"), is_ir = ends(verb, "ir");
    if (!is_er && !is_ir)
        return 0; /* third group: irregular, the entry lists its forms */
    char stem[MAXW], soft[MAXW + 8], form[2 * MAXW];
    snprintf(stem, sizeof stem, "%.*s", (int)(n - 2), verb);
    /* before a and o: "lanc" → "lanç", "mang" → "mange" */
    int k;
    if (is_er && ends(stem, "c"))
        k = snprintf(soft, sizeof soft, "%.*s\xc3\xa7", (int)(strlen(stem) - 1), stem);
    else if (is_er && ends(stem, "g"))
        k = snprintf(soft, sizeof soft, "%se", stem);
    else
        k = snprintf(soft, sizeof soft, "%s", stem);
    if (k < 0 || k >= (int)sizeof soft)
        return 0;
    int r;
    size_t rows = is_er ? QP_ARRAY_LEN(er) : QP_ARRAY_LEN(ir);
    for (size_t i = 0; i < rows; i++) {
        const char *end = is_er ? er[i].end : ir[i].end;
        int tag = is_er ? er[i].tag : ir[i].tag;
        if (end[0] == '#')
            snprintf(form, sizeof form, "%s%s", soft, end + 1);
        else
            snprintf(form, sizeof form, "%s%s", stem, end);
        if ((r = emit(c, form, tag)))
            return r;
    }
    return 0;
}

static int fr_function_word(const char *w, size_t n)
{
    static const char *const fw[] = {"de", "du", "des", "d'", "à", "au", "aux", "contre", "sur", "en", "dans",
                                     "par", "pour", "avec", "entre", "vers", "le", "la", "les", "l'"};
    for (size_t i = 0; i < QP_ARRAY_LEN(fw); i++)
        if (strlen(fw[i]) == n && !strncmp(fw[i], w, n))
            return 1;
    return n >= 2 && (!strncmp(w, "d'", 2) || !strncmp(w, "l'", 2));
}

static void fr_plural(const char *w, size_t n, char *out, size_t cap)
{
    if (n && strchr("sxz", w[n - 1]))
        snprintf(out, cap, "%.*s", (int)n, w);
    else if (n > 2 && !strncmp(w + n - 2, "al", 2))
        snprintf(out, cap, "%.*saux", (int)(n - 2), w);
    else if (n > 2 && (!strncmp(w + n - 2, "au", 2) || !strncmp(w + n - 2, "eu", 2)))
        snprintf(out, cap, "%.*sx", (int)n, w);
    else
        snprintf(out, cap, "%.*ss", (int)n, w);
}

static int french(const char *lemma, int is_verb, qp_inflect_fn fn, void *ud)
{
    if (is_verb) {
        /* "se retirer", "s'emparer de": the forms lose the pronoun */
        const char *v = lemma;
        if (!strncmp(v, "se ", 3))
            v += 3;
        else if (!strncmp(v, "s'", 2) || !strncmp(v, "s\xe2\x80\x99", 4))
            v += v[1] == '\'' ? 2 : 4;
        size_t n = strcspn(v, " ");
        char word[MAXW];
        if (n >= MAXW)
            return 0;
        memcpy(word, v, n);
        word[n] = '\0';
        emit_ctx c = {fn, ud, v + n};
        int r = v != lemma ? emit(&c, word, QP_TAG_INF) : 0;
        return r ? r : fr_verb_word(word, &c);
    }
    /* every word before the first preposition takes the plural: "frappes aériennes" */
    char out[4 * MAXW];
    size_t o = 0;
    const char *p = lemma;
    int stopped = 0;
    while (*p) {
        size_t n = strcspn(p, " ");
        char w[2 * MAXW];
        if (!stopped && p != lemma && fr_function_word(p, n))
            stopped = 1;
        if (stopped || n >= MAXW)
            snprintf(w, sizeof w, "%.*s", (int)n, p);
        else
            fr_plural(p, n, w, sizeof w);
        int k = snprintf(out + o, sizeof out - o, "%s%s", o ? " " : "", w);
        if (k < 0 || (size_t)k >= sizeof out - o)
            return 0;
        o += (size_t)k;
        p += n;
        while (*p == ' ')
            p++;
    }
    return fn(out, QP_TAG_NOUN_PL, ud);
}

int qp_inflect(int lang, const char *lemma, int is_verb, qp_inflect_fn fn, void *ud)
{
    if (!lemma || !*lemma || strlen(lemma) >= MAXW)
        return 0;
    return lang ? english(lemma, is_verb, fn, ud) : french(lemma, is_verb, fn, ud);
}
