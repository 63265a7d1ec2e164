/* lexparse.c — word classes for the tagger from the system's dictionaries, as a compact table.
 *
 *   lexparse --lang en --dict /usr/share/wordnet --out FILE
 *   lexparse --lang fr --dict /usr/share/hunspell --out FILE
 *
 * English: the lemmas of WordNet's index.noun/verb/adj/adv, their regular inflections and the
 * irregular forms of its *.exc files. French: the entries of hunspell-fr's fr.dic with their
 * part of speech (po:), expanded by the suffix rules of its fr.aff (each rule says the form it
 * makes: po:ipre, po:ppas, is:pl…), so that every verb of every group has its forms ("rappelle",
 * "prennent"). English rules over-generate (a form no text has does no harm); the class of a
 * form is the union of its readings. Output: the lexicon section of a parser model
 * (see px_lexicon in src/parse/parse_int.h), which train-parser --lexicon puts in the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

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

/* ---- French: hunspell-fr's entries, expanded by its suffix rules ---- */

/* One element of a rule's condition: a character, a class [...] or [^...], or any (.). */
typedef struct cond_elem {
    int any, neg, n;
    int32_t cp[40];
} cond_elem;

/* A suffix rule of fr.aff: "SFX flag strip add[/flags] condition morphology". */
typedef struct sfx_rule {
    uint16_t flag;
    char strip[32], add[48];
    cond_elem cond[12];
    int ncond;
    uint32_t vcls;   /* a verb form (po:infi, po:ppas, po:ppre, a finite tense), or 0 */
    int plural;      /* is:pl */
} sfx_rule;

typedef struct affixes {
    sfx_rule *r;
    size_t n, cap;
    uint32_t first[65536], count[65536]; /* rules of a flag: r[first, first + count) */
} affixes;

static uint16_t flag_of(const char *p)
{
    return (uint16_t)((unsigned char)p[0] << 8 | (unsigned char)p[1]);
}

/* Decodes s into code points; returns how many (at most max). */
static int code_points(const char *s, int32_t *out, int max)
{
    int n = 0;
    for (size_t i = 0; s[i] && n < max;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &cp);
        if (k <= 0)
            return -1;
        out[n++] = cp;
        i += (size_t)k;
    }
    return n;
}

static int parse_condition(sfx_rule *r, const char *c)
{
    int32_t cp[64];
    int n = code_points(c, cp, 64);
    r->ncond = 0;
    for (int i = 0; i < n;) {
        if (r->ncond == (int)QP_ARRAY_LEN(r->cond))
            return -1;
        cond_elem *e = &r->cond[r->ncond++];
        memset(e, 0, sizeof *e);
        if (cp[i] == '.') {
            e->any = 1;
            i++;
        } else if (cp[i] == '[') {
            i++;
            if (i < n && cp[i] == '^') {
                e->neg = 1;
                i++;
            }
            while (i < n && cp[i] != ']' && e->n < (int)QP_ARRAY_LEN(e->cp))
                e->cp[e->n++] = cp[i++];
            if (i >= n || cp[i] != ']')
                return -1;
            i++;
        } else {
            e->cp[e->n++] = cp[i++];
        }
    }
    return 0;
}

/* Whether the word (code points w[0,n)) ends as the rule's condition says. */
static int condition_holds(const sfx_rule *r, const int32_t *w, int n)
{
    if (r->ncond > n)
        return 0;
    for (int k = 0; k < r->ncond; k++) {
        const cond_elem *e = &r->cond[k];
        int32_t c = w[n - r->ncond + k];
        if (e->any)
            continue;
        int in = 0;
        for (int j = 0; j < e->n && !in; j++)
            in = e->cp[j] == c;
        if (in == e->neg)
            return 0;
    }
    return 1;
}

static uint32_t verb_form_class(const char *morph)
{
    static const char *const finite[] = {"po:ipre", "po:iimp", "po:ipsi", "po:ifut", "po:cond", "po:spre",
                                         "po:simp", "po:impe"};
    if (strstr(morph, "po:infi"))
        return PX_LEX_FR_VINF;
    if (strstr(morph, "po:ppas"))
        return PX_LEX_FR_VPPAS;
    if (strstr(morph, "po:ppre"))
        return PX_LEX_FR_VPPRE;
    for (size_t i = 0; i < QP_ARRAY_LEN(finite); i++)
        if (strstr(morph, finite[i]))
            return PX_LEX_FR_VFIN;
    return 0;
}

static int affix_line(lex *l, char *line, void *arg)
{
    (void)l;
    affixes *af = arg;
    if (strncmp(line, "SFX ", 4))
        return 0;
    char flag[8], strip[64], add[96], cond[96];
    int used = 0;
    if (sscanf(line + 4, "%7s %63s %95s %95s %n", flag, strip, add, cond, &used) < 4 || strlen(flag) != 2)
        return 0; /* a block's header: "SFX flag Y count" */
    if (af->n == af->cap) {
        size_t cap = af->cap ? af->cap * 2 : 4096;
        sfx_rule *r = realloc(af->r, cap * sizeof *r);
        if (!r)
            return QP_ENOMEM;
        af->r = r;
        af->cap = cap;
    }
    sfx_rule *r = &af->r[af->n];
    memset(r, 0, sizeof *r);
    char *slash = strchr(add, '/');
    if (slash)
        *slash = '\0'; /* continuation flags: elided prefixes (l', d'), not forms of their own */
    if (strlen(strip) >= sizeof r->strip || strlen(add) >= sizeof r->add || parse_condition(r, cond) < 0)
        return 0;
    r->flag = flag_of(flag);
    strcpy(r->strip, strcmp(strip, "0") ? strip : "");
    strcpy(r->add, strcmp(add, "0") ? add : "");
    const char *morph = line + 4 + used;
    r->vcls = verb_form_class(morph);
    r->plural = strstr(morph, "is:pl") != NULL;
    af->n++;
    return 0;
}

/* The forms of one entry of fr.dic: itself (unless it needs an affix) and each suffix rule of
 * its flags whose condition it meets. A rule of a verb form gives that class; any other the
 * entry's classes, plural when the rule says so. */
static int hunspell_line(lex *l, char *line, void *arg)
{
    const affixes *af = arg;
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
    int verb = 0;
    for (char *p = strstr(rest, "po:"); p; p = strstr(p + 3, "po:")) {
        const char *v = p + 3;
        if (!strncmp(v, "nom", 3) && v[3] != 'p')
            cls |= PX_LEX_FR_NOUN;
        else if (!strncmp(v, "adj", 3))
            cls |= PX_LEX_FR_ADJ;
        else if (v[0] == 'v' && v[1] >= '0' && v[1] <= '3')
            verb = 1;
        else if (!strncmp(v, "npr", 3) || !strncmp(v, "patr", 4) || !strncmp(v, "prn", 3) || !strncmp(v, "loc", 3) ||
                 !strncmp(v, "titr", 4))
            cls |= PX_LEX_FR_PROPN;
        else if (!strncmp(v, "adv", 3))
            cls |= PX_LEX_FR_ADV;
        else if (!strncmp(v, "prep", 4) || !strncmp(v, "det", 3) || !strncmp(v, "pro", 3) || !strncmp(v, "cj", 2) ||
                 !strncmp(v, "interj", 6))
            cls |= PX_LEX_FR_CLOSED;
    }
    int needaffix = 0, rc = 0;
    size_t nflags = strlen(flags) / 2;
    for (size_t i = 0; i < nflags; i++)
        needaffix |= flags[2 * i] == '(' && flags[2 * i + 1] == ')';
    if (!needaffix && (cls || verb))
        rc = add(l, word, cls | (verb ? PX_LEX_FR_VINF : 0));
    int32_t cp[128];
    int ncp = code_points(word, cp, 128);
    size_t wn = strlen(word);
    for (size_t i = 0; i < nflags && !rc && ncp > 0; i++) {
        uint16_t fl = flag_of(flags + 2 * i);
        for (uint32_t k = af->first[fl]; k < af->first[fl] + af->count[fl] && !rc; k++) {
            const sfx_rule *r = &af->r[k];
            size_t sn = strlen(r->strip);
            if (!condition_holds(r, cp, ncp) || sn > wn || strcmp(word + wn - sn, r->strip))
                continue;
            uint32_t c = r->vcls ? r->vcls : cls | (r->plural && cls ? PX_LEX_FR_PLURAL : 0);
            if (c)
                rc = add2(l, word, wn - sn, r->add, c);
        }
    }
    return rc;
}

static int french(lex *l, const char *dir)
{
    char path[4096];
    affixes *af = calloc(1, sizeof *af);
    if (!af)
        return QP_ENOMEM;
    snprintf(path, sizeof path, "%s/fr.aff", dir);
    int rc = read_lines(path, affix_line, l, af);
    if (!rc) {
        /* the rules of each flag together, in the file's order (a stable sort by flag) */
        sfx_rule *sorted = malloc((af->n + 1) * sizeof *sorted);
        if (!sorted) {
            rc = QP_ENOMEM;
        } else {
            for (size_t i = 0; i < af->n; i++)
                af->count[af->r[i].flag]++;
            uint32_t at = 0;
            for (size_t f = 0; f < 65536; f++) {
                af->first[f] = at;
                at += af->count[f];
                af->count[f] = 0;
            }
            for (size_t i = 0; i < af->n; i++) {
                uint16_t f = af->r[i].flag;
                sorted[af->first[f] + af->count[f]++] = af->r[i];
            }
            free(af->r);
            af->r = sorted;
        }
    }
    if (!rc) {
        snprintf(path, sizeof path, "%s/fr.dic", dir);
        rc = read_lines(path, hunspell_line, l, af);
    }
    free(af->r);
    free(af);
    return rc;
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
