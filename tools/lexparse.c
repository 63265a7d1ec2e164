/* lexparse.c — word classes for the tagger from the system's dictionaries, as a compact table.
 *
 *   lexparse --lang en --dict /usr/share/wordnet --out FILE
 *   lexparse --lang fr --dict /usr/share/hunspell --out FILE
 *
 * English: the lemmas of WordNet's index.noun/verb/adj/adv, their regular inflections and the
 * irregular forms of its *.exc files. French: the entries of hunspell-fr's fr.dic with their
 * part of speech (po:), nouns and adjectives in the feminine and plural, verbs of the first and
 * second groups in every tense. Rules over-generate (a form no text has does no harm); the
 * class of a form is the union of its readings. Output: the lexicon section of a parser model
 * (see px_lexicon in src/parse/parse_int.h), which train-parser --lexicon puts in the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parse_int.h"
#include "qp.h"

typedef struct entry {
    uint64_t key;
    uint32_t cls;
} entry;

typedef struct lex {
    entry *e;
    size_t n, cap;
    qp_arena a;
} lex;

static int add(lex *l, const char *form, uint32_t cls)
{
    if (!*form || strchr(form, '_') || strchr(form, ' '))
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1 << 16;
        entry *e = realloc(l->e, cap * sizeof *e);
        if (!e)
            return QP_ENOMEM;
        l->e = e;
        l->cap = cap;
    }
    char *lower = px_lower(form, &l->a);
    if (!lower)
        return QP_ENOMEM;
    l->e[l->n++] = (entry){px_hash_bytes(lower, strlen(lower)), cls};
    qp_arena_reset(&l->a);
    return 0;
}

/* form = stem + ending, added with cls. */
static int add2(lex *l, const char *stem, size_t stemlen, const char *ending, uint32_t cls)
{
    char buf[256];
    if (stemlen + strlen(ending) + 1 > sizeof buf)
        return 0;
    memcpy(buf, stem, stemlen);
    strcpy(buf + stemlen, ending);
    return add(l, buf, cls);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static int is_vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

/* ---- English ---- */

static int en_noun(lex *l, const char *w)
{
    size_t n = strlen(w);
    int rc = add(l, w, PX_LEX_EN_NOUN);
    if (rc)
        return rc;
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
        return add2(l, w, n, "es", PX_LEX_EN_NOUN_PL);
    if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        return add2(l, w, n - 1, "ies", PX_LEX_EN_NOUN_PL);
    return add2(l, w, n, "s", PX_LEX_EN_NOUN_PL);
}

static int en_verb(lex *l, const char *w)
{
    size_t n = strlen(w);
    int rc = add(l, w, PX_LEX_EN_VERB);
    if (!rc && (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh")))
        rc = add2(l, w, n, "es", PX_LEX_EN_VERB_S);
    else if (!rc && n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        rc = add2(l, w, n - 1, "ies", PX_LEX_EN_VERB_S);
    else if (!rc)
        rc = add2(l, w, n, "s", PX_LEX_EN_VERB_S);
    if (rc)
        return rc;
    if (w[n - 1] == 'e') {
        rc = add2(l, w, n, "d", PX_LEX_EN_VERB_ED);
        if (!rc && !ends_with(w, "ee"))
            rc = add2(l, w, n - 1, "ing", PX_LEX_EN_VERB_ING);
        if (!rc)
            rc = add2(l, w, n, "ing", PX_LEX_EN_VERB_ING);
        return rc;
    }
    if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        rc = add2(l, w, n - 1, "ied", PX_LEX_EN_VERB_ED);
    else
        rc = add2(l, w, n, "ed", PX_LEX_EN_VERB_ED);
    if (!rc)
        rc = add2(l, w, n, "ing", PX_LEX_EN_VERB_ING);
    /* a doubled final consonant: "stopped", "stopping" */
    if (!rc && n > 2 && !is_vowel(w[n - 1]) && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]) && !strchr("wxy", w[n - 1])) {
        char buf[256];
        if (n + 1 < sizeof buf) {
            memcpy(buf, w, n);
            buf[n] = w[n - 1];
            buf[n + 1] = '\0';
            rc = add2(l, buf, n + 1, "ed", PX_LEX_EN_VERB_ED);
            if (!rc)
                rc = add2(l, buf, n + 1, "ing", PX_LEX_EN_VERB_ING);
        }
    }
    return rc;
}

static int en_adj(lex *l, const char *w)
{
    size_t n = strlen(w);
    int rc = add(l, w, PX_LEX_EN_ADJ);
    if (rc || n > 8)
        return rc; /* long adjectives compare with more and most */
    if (w[n - 1] == 'e')
        return add2(l, w, n, "r", PX_LEX_EN_ADJ_CMP) || add2(l, w, n, "st", PX_LEX_EN_ADJ_CMP);
    if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        return add2(l, w, n - 1, "ier", PX_LEX_EN_ADJ_CMP) || add2(l, w, n - 1, "iest", PX_LEX_EN_ADJ_CMP);
    return add2(l, w, n, "er", PX_LEX_EN_ADJ_CMP) || add2(l, w, n, "est", PX_LEX_EN_ADJ_CMP);
}

static int read_lines(const char *path, int (*each)(lex *, char *, void *), lex *l, void *arg)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "lexparse: %s: cannot open\n", path);
        return QP_EIO;
    }
    char line[8192];
    int rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        rc = each(l, line, arg);
    }
    fclose(f);
    return rc;
}

static int wordnet_index_line(lex *l, char *line, void *arg)
{
    if (line[0] == ' ' || !line[0])
        return 0; /* the licence at the top */
    char *sp = strchr(line, ' ');
    if (sp)
        *sp = '\0';
    return ((int (*)(lex *, const char *))arg)(l, line);
}

static int en_adv(lex *l, const char *w)
{
    return add(l, w, PX_LEX_EN_ADV);
}

/* "form lemma…": the class of the exception file's part of speech */
static int wordnet_exc_line(lex *l, char *line, void *arg)
{
    char *sp = strchr(line, ' ');
    if (sp)
        *sp = '\0';
    return add(l, line, *(const uint32_t *)arg);
}

static int english(lex *l, const char *dir)
{
    static const struct {
        const char *file;
        int (*fn)(lex *, const char *);
    } index[] = {{"index.noun", en_noun}, {"index.verb", en_verb}, {"index.adj", en_adj}, {"index.adv", en_adv}};
    char path[4096];
    for (size_t i = 0; i < QP_ARRAY_LEN(index); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, index[i].file);
        int rc = read_lines(path, wordnet_index_line, l, (void *)index[i].fn);
        if (rc)
            return rc;
    }
    static const struct {
        const char *file;
        uint32_t cls;
    } exc[] = {{"noun.exc", PX_LEX_EN_NOUN_PL},
               {"verb.exc", PX_LEX_EN_VERB_ED},
               {"adj.exc", PX_LEX_EN_ADJ_CMP},
               {"adv.exc", PX_LEX_EN_ADV}};
    for (size_t i = 0; i < QP_ARRAY_LEN(exc); i++) {
        snprintf(path, sizeof path, "%s/%s", dir, exc[i].file);
        int rc = read_lines(path, wordnet_exc_line, l, (void *)&exc[i].cls);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- French ---- */

static const char *const v1_endings[] = {
    "e", "es", "ons", "ez", "ent", "ais", "ait", "ions", "iez", "aient", "ai", "as", "a", "âmes", "âtes", "èrent",
    "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient", "asse",
    "asses", "ât", "assions", "assiez", "assent"};
static const char *const v2_endings[] = {
    "is", "it", "issons", "issez", "issent", "issais", "issait", "issions", "issiez", "issaient", "îmes", "îtes",
    "irent", "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait", "irions", "iriez", "iraient",
    "isse", "isses", "ît"};

static int fr_verb(lex *l, const char *w, int group)
{
    size_t n = strlen(w);
    int rc = add(l, w, PX_LEX_FR_VINF);
    if (rc || n < 3)
        return rc;
    size_t sn = n - 2; /* the stem: without -er or -ir */
    if (group == 1 && ends_with(w, "er")) {
        for (size_t i = 0; i < QP_ARRAY_LEN(v1_endings) && !rc; i++)
            rc = add2(l, w, sn, v1_endings[i], PX_LEX_FR_VFIN);
        const char *pp[] = {"é", "ée", "és", "ées"};
        for (size_t i = 0; i < 4 && !rc; i++)
            rc = add2(l, w, sn, pp[i], PX_LEX_FR_VPPAS);
        if (!rc)
            rc = add2(l, w, sn, "ant", PX_LEX_FR_VPPRE);
        /* "lançons", "mangeons": the stem's last consonant softened before a and o */
        if (!rc && sn > 0 && (w[sn - 1] == 'c' || w[sn - 1] == 'g')) {
            char stem[256];
            if (sn + 3 < sizeof stem) {
                memcpy(stem, w, sn - 1);
                size_t k = sn - 1;
                if (w[sn - 1] == 'c') {
                    memcpy(stem + k, "ç", 2);
                    k += 2;
                } else {
                    memcpy(stem + k, "ge", 2);
                    k += 2;
                }
                const char *soft[] = {"ons", "ais", "ait", "aient", "a", "as", "ant", "âmes", "âtes", "asse"};
                for (size_t i = 0; i < QP_ARRAY_LEN(soft) && !rc; i++)
                    rc = add2(l, stem, k, soft[i], !strcmp(soft[i], "ant") ? PX_LEX_FR_VPPRE : PX_LEX_FR_VFIN);
            }
        }
    } else if (group == 2 && ends_with(w, "ir")) {
        for (size_t i = 0; i < QP_ARRAY_LEN(v2_endings) && !rc; i++)
            rc = add2(l, w, sn, v2_endings[i], PX_LEX_FR_VFIN);
        const char *pp[] = {"i", "ie", "is", "ies"};
        for (size_t i = 0; i < 4 && !rc; i++)
            rc = add2(l, w, sn, pp[i], PX_LEX_FR_VPPAS);
        if (!rc)
            rc = add2(l, w, sn, "issant", PX_LEX_FR_VPPRE);
    }
    return rc;
}

/* Nouns and adjectives: the masculine singular of the entry, and its feminine and plurals as
 * French spells them most often. */
static int fr_nominal(lex *l, const char *w, uint32_t cls, int inflects)
{
    size_t n = strlen(w);
    int rc = add(l, w, cls);
    if (rc || !inflects)
        return rc;
    uint32_t pl = cls | PX_LEX_FR_PLURAL;
    if (ends_with(w, "al"))
        rc = add2(l, w, n - 2, "aux", pl);
    else if (ends_with(w, "au") || ends_with(w, "eu"))
        rc = add2(l, w, n, "x", pl);
    if (!rc && !ends_with(w, "s") && !ends_with(w, "x") && !ends_with(w, "z"))
        rc = add2(l, w, n, "s", pl);
    if (rc || !(cls & PX_LEX_FR_ADJ || cls & PX_LEX_FR_NOUN))
        return rc;
    /* feminines: -e, -ne (syrienne), -euse, -ive, -ère */
    if (!ends_with(w, "e")) {
        rc = add2(l, w, n, "e", cls);
        if (!rc)
            rc = add2(l, w, n, "es", pl);
    }
    if (!rc && (ends_with(w, "en") || ends_with(w, "on"))) {
        rc = add2(l, w, n, "ne", cls);
        if (!rc)
            rc = add2(l, w, n, "nes", pl);
    }
    if (!rc && ends_with(w, "eux")) {
        rc = add2(l, w, n - 1, "se", cls);
        if (!rc)
            rc = add2(l, w, n - 1, "ses", pl);
    }
    if (!rc && ends_with(w, "if")) {
        rc = add2(l, w, n - 1, "ve", cls);
        if (!rc)
            rc = add2(l, w, n - 1, "ves", pl);
    }
    if (!rc && ends_with(w, "er")) {
        rc = add2(l, w, n - 2, "ère", cls);
        if (!rc)
            rc = add2(l, w, n - 2, "ères", pl);
    }
    return rc;
}

static int hunspell_line(lex *l, char *line, void *arg)
{
    (void)arg;
    if (!line[0] || (line[0] >= '0' && line[0] <= '9' && !strchr(line, '/')))
        return 0; /* the entry count on the first line */
    char *word = line, *rest = line + strcspn(line, " \t");
    if (*rest)
        *rest++ = '\0';
    char *slash = strchr(word, '/');
    const char *flags = "";
    if (slash) {
        *slash = '\0';
        flags = slash + 1;
    }
    uint32_t cls = 0;
    int group = 0;
    for (char *p = strstr(rest, "po:"); p; p = strstr(p + 3, "po:")) {
        const char *v = p + 3;
        if (!strncmp(v, "nom", 3) && v[3] != 'p')
            cls |= PX_LEX_FR_NOUN;
        else if (!strncmp(v, "adj", 3))
            cls |= PX_LEX_FR_ADJ;
        else if (!strncmp(v, "v1", 2))
            group = 1;
        else if (!strncmp(v, "v2", 2))
            group = 2;
        else if (!strncmp(v, "v3", 2) || !strncmp(v, "v0", 2))
            group = 3;
        else if (!strncmp(v, "npr", 3) || !strncmp(v, "patr", 4) || !strncmp(v, "prn", 3) || !strncmp(v, "loc", 3) ||
                 !strncmp(v, "titr", 4))
            cls |= PX_LEX_FR_PROPN;
        else if (!strncmp(v, "adv", 3))
            cls |= PX_LEX_FR_ADV;
        else if (!strncmp(v, "prep", 4) || !strncmp(v, "det", 3) || !strncmp(v, "pro", 3) || !strncmp(v, "cj", 2) ||
                 !strncmp(v, "interj", 6))
            cls |= PX_LEX_FR_CLOSED;
    }
    int rc = 0;
    if (group)
        rc = fr_verb(l, word, group);
    if (!rc && cls)
        rc = fr_nominal(l, word, cls, (cls & (PX_LEX_FR_NOUN | PX_LEX_FR_ADJ)) && *flags && strcmp(flags, "--"));
    return rc;
}

static int french(lex *l, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fr.dic", dir);
    return read_lines(path, hunspell_line, l, NULL);
}

/* ---- output ---- */

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *dir = NULL, *out = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--lang"))
            lang = argv[i + 1];
        else if (!strcmp(argv[i], "--dict"))
            dir = argv[i + 1];
        else if (!strcmp(argv[i], "--out"))
            out = argv[i + 1];
    }
    if (!lang || !dir || !out || (strcmp(lang, "en") && strcmp(lang, "fr"))) {
        fprintf(stderr, "usage: lexparse --lang en|fr --dict DIR --out FILE\n");
        return 2;
    }
    lex l = {0};
    qp_arena_init(&l.a, 4096);
    int rc = !strcmp(lang, "en") ? english(&l, dir) : french(&l, dir);
    if (rc) {
        fprintf(stderr, "lexparse: %s\n", qp_strerror(rc));
        return 1;
    }
    /* one entry per form: the union of its classes */
    qsort(l.e, l.n, sizeof *l.e, cmp_entry);
    size_t m = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (m && l.e[m - 1].key == l.e[i].key)
            l.e[m - 1].cls |= l.e[i].cls;
        else
            l.e[m++] = l.e[i];
    }
    uint32_t nslots = 1;
    while (nslots < m * 10 / 7 + 1)
        nslots <<= 1;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return 1;
    for (size_t i = 0; i < m; i++) {
        uint32_t j = (uint32_t)l.e[i].key & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = px_lexicon_slot(l.e[i].key, l.e[i].cls);
    }
    FILE *f = fopen(out, "wb");
    uint32_t hdr[2] = {nslots, 0};
    int ok = f && fwrite(hdr, sizeof hdr, 1, f) == 1 && fwrite(slots, sizeof *slots, nslots, f) == nslots;
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "lexparse: cannot write %s\n", out);
        return 1;
    }
    fprintf(stderr, "lexparse: %zu forms from %s into %s (%u slots)\n", m, dir, out, nslots);
    free(slots);
    free(l.e);
    qp_arena_destroy(&l.a);
    return 0;
}
