/* lexforms_fr.c — French inflection: hunspell-fr's suffix rules applied to each lemma's flags.
 *
 * libhunspell has no "give me every form of this word" call (Hunspell_generate needs an
 * inflected example of the wanted form), so the .aff SFX rules are read here and applied to
 * the .dic entry of each lemma; their `po:` fields say which tense a form is. libhunspell is
 * still used where it is good: to find the dictionary stem of a noun that is itself an
 * inflected form ("reprise" is the feminine of the entry "repris"), and to check that every
 * generated form is a word it accepts. */
#include <hunspell.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexforms.h"
#include "qp.h"

#define COND_MAX 24
#define CLASS_MAX 48
#define FORMS_MAX 1024

typedef struct cond_elem {
    int any, neg, n;
    uint32_t cp[CLASS_MAX];
} cond_elem;

typedef struct sfx_rule {
    char flag[16];
    char *strip, *add, *morph;
    int ncond;
    cond_elem cond[COND_MAX];
} sfx_rule;

typedef struct dic_entry {
    char *word, *flags, *morph;
} dic_entry;

typedef struct fr_dict {
    sfx_rule *rules;
    size_t nrules;
    dic_entry *entries;
    size_t nentries;
    char *dic_text; /* the .dic file; entries point into it */
    Hunhandle *h;
} fr_dict;

typedef struct fr_form {
    char text[160];
    const char *morph; /* the rule's (or the entry's) morphological fields */
} fr_form;

typedef struct forms {
    fr_form v[FORMS_MAX];
    int n;
} forms;

/* Decodes UTF-8 into code points; returns how many (at most cap). */
static int decode(const char *s, uint32_t *out, int cap)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = 0;
    while (*p && n < cap) {
        uint32_t c = *p;
        int k = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
        c = k == 0 ? c : k == 1 ? c & 0x1F : k == 2 ? c & 0x0F : c & 0x07;
        p++;
        for (int i = 0; i < k && (*p & 0xC0) == 0x80; i++)
            c = (c << 6) | (*p++ & 0x3F);
        out[n++] = c;
    }
    return n;
}

/* Length in bytes of the UTF-8 character starting at s. */
static int u8len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Parses a hunspell condition ("[^cg]er", ".", "[aou]yer") into elements; -1 if too long. */
static int parse_cond(const char *s, sfx_rule *r)
{
    r->ncond = 0;
    if (!strcmp(s, "."))
        return 0;
    uint32_t cps[128];
    int n = decode(s, cps, 128);
    for (int i = 0; i < n; i++) {
        if (r->ncond == COND_MAX)
            return -1;
        cond_elem *e = &r->cond[r->ncond++];
        memset(e, 0, sizeof *e);
        if (cps[i] == '.') {
            e->any = 1;
        } else if (cps[i] == '[') {
            i++;
            if (i < n && cps[i] == '^') {
                e->neg = 1;
                i++;
            }
            for (; i < n && cps[i] != ']'; i++)
                if (e->n < CLASS_MAX)
                    e->cp[e->n++] = cps[i];
        } else {
            e->cp[e->n++] = cps[i];
        }
    }
    return 0;
}

static int elem_matches(const cond_elem *e, uint32_t c)
{
    if (e->any)
        return 1;
    int in = 0;
    for (int i = 0; i < e->n && !in; i++)
        in = e->cp[i] == c;
    return e->neg ? !in : in;
}

static int rule_applies(const sfx_rule *r, const char *word)
{
    size_t wl = strlen(word), sl = strlen(r->strip);
    if (sl > wl || strcmp(word + wl - sl, r->strip) != 0)
        return 0;
    uint32_t cps[128];
    int n = decode(word, cps, 128);
    if (n < r->ncond)
        return 0;
    for (int i = 0; i < r->ncond; i++)
        if (!elem_matches(&r->cond[i], cps[n - r->ncond + i]))
            return 0;
    return 1;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long len = ftell(f);
        if (len >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)len + 1))) {
            if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
                free(buf);
                buf = NULL;
            } else {
                buf[len] = '\0';
            }
        }
    }
    fclose(f);
    return buf;
}

static int load_aff(fr_dict *d, const char *path)
{
    char *text = read_file(path);
    if (!text)
        return QP_EIO;
    int r = 0;
    size_t cap = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "SFX ", 4) != 0)
            continue;
        char *tok[64];
        int nt = 0;
        for (char *sv, *t = strtok_r(line, " \t\r", &sv); t && nt < 64;
             t = strtok_r(NULL, " \t\r", &sv))
            tok[nt++] = t;
        if (nt < 5) /* "SFX a0 Y 102": a group header */
            continue;
        if (d->nrules == cap) {
            cap = cap ? cap * 2 : 4096;
            sfx_rule *v = realloc(d->rules, cap * sizeof *v);
            if (!v) {
                r = QP_ENOMEM;
                break;
            }
            d->rules = v;
        }
        sfx_rule *ru = &d->rules[d->nrules];
        memset(ru, 0, sizeof *ru);
        snprintf(ru->flag, sizeof ru->flag, "%s", tok[1]);
        char *slash = strchr(tok[3], '/'); /* continuation flags: only elision prefixes here */
        if (slash)
            *slash = '\0';
        qp_buf m;
        qp_buf_init(&m);
        for (int i = 5; i < nt; i++)
            if (qp_buf_puts(&m, tok[i]) || qp_buf_putc(&m, ' '))
                r = QP_ENOMEM;
        ru->strip = strdup(strcmp(tok[2], "0") ? tok[2] : "");
        ru->add = strdup(strcmp(tok[3], "0") ? tok[3] : "");
        ru->morph = m.data ? qp_buf_detach(&m) : strdup("");
        qp_buf_destroy(&m);
        d->nrules++;
        if (!ru->strip || !ru->add || !ru->morph || r) {
            r = QP_ENOMEM;
            break;
        }
        if (parse_cond(tok[4], ru) != 0) {
            fprintf(stderr, "lexforms: %s: condition too long for %s\n", path, ru->flag);
            d->nrules--;
            free(ru->strip);
            free(ru->add);
            free(ru->morph);
        }
    }
    free(text);
    return r;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const dic_entry *)a)->word, ((const dic_entry *)b)->word);
}

static int load_dic(fr_dict *d, const char *path)
{
    if (!(d->dic_text = read_file(path)))
        return QP_EIO;
    size_t lines = 0;
    for (const char *p = d->dic_text; *p; p++)
        lines += *p == '\n';
    if (!(d->entries = calloc(lines + 1, sizeof *d->entries)))
        return QP_ENOMEM;
    char *sv;
    char *line = strtok_r(d->dic_text, "\n", &sv); /* the first line is the entry count */
    for (line = strtok_r(NULL, "\n", &sv); line; line = strtok_r(NULL, "\n", &sv)) {
        dic_entry *e = &d->entries[d->nentries];
        size_t w = strcspn(line, "/ \t");
        e->word = line;
        e->flags = "";
        e->morph = "";
        char *p = line + w;
        if (*p == '/') {
            *p++ = '\0';
            e->flags = p;
            p += strcspn(p, " \t");
        }
        if (*p) {
            *p++ = '\0';
            e->morph = p + strspn(p, " \t");
        }
        if (*e->word)
            d->nentries++;
    }
    qsort(d->entries, d->nentries, sizeof *d->entries, cmp_entry);
    return 0;
}

/* The range [*first, *first + return) of entries spelled word. */
static size_t find_entries(const fr_dict *d, const char *word, size_t *first)
{
    size_t lo = 0, hi = d->nentries;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(d->entries[mid].word, word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < d->nentries && strcmp(d->entries[lo + n].word, word) == 0)
        n++;
    *first = lo;
    return n;
}

static void add_form(forms *f, const char *text, size_t len, const char *morph)
{
    if (f->n == FORMS_MAX || len >= sizeof f->v[0].text)
        return;
    memcpy(f->v[f->n].text, text, len);
    f->v[f->n].text[len] = '\0';
    f->v[f->n++].morph = morph;
}

/* Every form the entry's suffix flags make of word (which may differ from e->word when a
 * model verb's flags are borrowed), plus word itself unless the entry needs an affix. */
static void expand(const fr_dict *d, const dic_entry *e, const char *word, forms *f)
{
    f->n = 0;
    int needaffix = 0;
    for (const char *p = e->flags; *p;) {
        char flag[16];
        int k1 = u8len(p);
        int k2 = p[k1] ? u8len(p + k1) : 0;
        snprintf(flag, sizeof flag, "%.*s", k1 + k2, p);
        p += k1 + k2;
        if (!strcmp(flag, "()"))
            needaffix = 1;
        for (size_t i = 0; i < d->nrules; i++) {
            const sfx_rule *r = &d->rules[i];
            if (strcmp(r->flag, flag) != 0 || !rule_applies(r, word))
                continue;
            char buf[256];
            int n = snprintf(buf, sizeof buf, "%.*s%s", (int)(strlen(word) - strlen(r->strip)),
                             word, r->add);
            if (n > 0 && n < (int)sizeof buf)
                add_form(f, buf, (size_t)n, r->morph);
        }
    }
    if (!needaffix)
        add_form(f, word, strlen(word), e->morph);
}

static int has_field(const char *morph, const char *field)
{
    size_t n = strlen(field);
    for (const char *p = strstr(morph, field); p; p = strstr(p + 1, field))
        if ((p == morph || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0' || p[n] == '!'))
            return 1;
    return 0;
}

static const struct {
    const char *po, *tag;
} verb_tags[] = {
    {"po:infi", "inf"}, {"po:ipre", "pres"}, {"po:iimp", "impf"}, {"po:ipsi", "past"},
    {"po:ifut", "fut"}, {"po:cond", "cond"}, {"po:spre", "subj"}, {"po:simp", "subj"},
    {"po:ppas", "ppas"}, {"po:ppre", "ppre"},
};

static int add_verb_form(lf_out *o, const char *clitic, const char *form, const char *rest,
                         const char *lemma, const char *tag)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s", clitic, form);
    return lf_out_add_rest(o, buf, rest, lemma, tag);
}

static int verb_forms(const fr_dict *d, const lf_lemma *lm, lf_out *o)
{
    const char *base = lm->text;
    if (!strncmp(base, "se ", 3))
        base += 3;
    else if (!strncmp(base, "s'", 2))
        base += 2;
    else if (!strncmp(base, "s\xE2\x80\x99", 4))
        base += 4;
    /* "s'en prendre à": the clitic stays in front of the inflected verb ("en prend à") */
    const char *clitic = "";
    if (!strncmp(base, "en ", 3) || !strncmp(base, "y ", 2)) {
        clitic = base[0] == 'e' ? "en " : "y ";
        base += strlen(clitic);
    }
    char word[128];
    size_t wl = strcspn(base, " ");
    if (wl >= sizeof word)
        return QP_EINVAL;
    memcpy(word, base, wl);
    word[wl] = '\0';
    const char *rest = base[wl] ? base + wl + 1 : NULL;

    static forms f;
    size_t first, n = find_entries(d, word, &first);
    int found = 0;
    for (size_t i = first; i < first + n; i++) {
        if (!strstr(d->entries[i].morph, "po:v"))
            continue;
        found = 1;
        expand(d, &d->entries[i], word, &f);
        for (int k = 0; k < f.n; k++)
            for (size_t t = 0; t < QP_ARRAY_LEN(verb_tags); t++)
                if (has_field(f.v[k].morph, verb_tags[t].po)) {
                    int r = add_verb_form(o, clitic, f.v[k].text, rest, lm->text,
                                          verb_tags[t].tag);
                    if (r)
                        return r;
                }
    }
    if (found)
        return 0;
    /* Unknown verb: a new -er verb conjugates like "frapper"; anything else gets its
     * infinitive only. */
    o->missing++;
    fprintf(stderr, "lexforms: fr: verb \"%s\" not in the dictionary\n", word);
    size_t mf, mn = find_entries(d, "frapper", &mf);
    if (wl > 2 && !strcmp(word + wl - 2, "er") && mn > 0) {
        expand(d, &d->entries[mf], word, &f);
        for (int k = 0; k < f.n; k++)
            for (size_t t = 0; t < QP_ARRAY_LEN(verb_tags); t++)
                if (has_field(f.v[k].morph, verb_tags[t].po)) {
                    int r = add_verb_form(o, clitic, f.v[k].text, rest, lm->text,
                                          verb_tags[t].tag);
                    if (r)
                        return r;
                }
        return 0;
    }
    return add_verb_form(o, clitic, word, rest, lm->text, "inf");
}

static const char *gender_of(const char *morph)
{
    return has_field(morph, "is:mas") ? "is:mas" : has_field(morph, "is:fem") ? "is:fem" : NULL;
}

/* Looks for the entry word comes from (itself or a stem hunspell finds) and copies into pl
 * the plural of the same gender; returns 1 when found, 0 otherwise. */
static int plural_of(const fr_dict *d, const char *word, char *pl, size_t cap)
{
    char **stems = NULL;
    int ns = Hunspell_stem(d->h, &stems, word);
    int done = 0;
    static forms f;
    for (int s = -1; s < ns && !done; s++) {
        const char *stem = s < 0 ? word : stems[s];
        if (s >= 0 && !strcmp(stem, word))
            continue;
        size_t first, n = find_entries(d, stem, &first);
        for (size_t i = first; i < first + n && !done; i++) {
            const dic_entry *e = &d->entries[i];
            if (strstr(e->morph, "po:v")) /* nouns only: "reprise" is not "reprendre" here */
                continue;
            expand(d, e, stem, &f);
            const char *gender = NULL;
            int sg = 0;
            for (int k = 0; k < f.n && !sg; k++)
                if (!strcmp(f.v[k].text, word) && has_field(f.v[k].morph, "is:pl")) {
                    snprintf(pl, cap, "%s", word); /* "pourparlers": listed in the plural */
                    sg = done = 1;
                }
            for (int k = 0; k < f.n && !sg; k++)
                if (!strcmp(f.v[k].text, word) &&
                    (has_field(f.v[k].morph, "is:sg") || has_field(f.v[k].morph, "is:inv") ||
                     has_field(e->morph, "is:inv"))) {
                    sg = 1;
                    gender = gender_of(f.v[k].morph);
                    if (has_field(f.v[k].morph, "is:inv") || has_field(e->morph, "is:inv")) {
                        snprintf(pl, cap, "%s", word);
                        done = 1;
                    }
                }
            for (int k = 0; k < f.n && sg && !done; k++) {
                const char *m = f.v[k].morph;
                const char *g = gender_of(m);
                if (has_field(m, "is:pl") && (!gender || !g || !strcmp(g, gender))) {
                    snprintf(pl, cap, "%s", f.v[k].text);
                    done = 1;
                }
            }
        }
    }
    if (stems)
        Hunspell_free_list(d->h, &stems, ns);
    return done;
}

static int is_function_word(const char *w)
{
    static const char *const fw[] = {"de", "du", "des", "à", "au", "aux", "contre", "sur",
                                     "en", "pour", "par", "avec", "le", "la", "les", "entre"};
    for (size_t i = 0; i < QP_ARRAY_LEN(fw); i++)
        if (!strcmp(w, fw[i]))
            return 1;
    return !strncmp(w, "d'", 2) || !strncmp(w, "l'", 2) || !strncmp(w, "d\xE2\x80\x99", 4);
}

/* Nouns: the singular as written; the plural inflects every word before the first
 * preposition ("frappes aériennes", "livraisons d'armes"). */
static int noun_forms(const fr_dict *d, const lf_lemma *lm, lf_out *o)
{
    int r = lf_out_add(o, lm->text, lm->text, "noun_sg");
    if (r)
        return r;
    char copy[256];
    snprintf(copy, sizeof copy, "%s", lm->text);
    qp_buf pl;
    qp_buf_init(&pl);
    int inflect = 1, known = 0;
    char *sv;
    int i = 0;
    for (char *w = strtok_r(copy, " ", &sv); w; w = strtok_r(NULL, " ", &sv), i++) {
        if (i > 0 && is_function_word(w))
            inflect = 0;
        char p[160];
        if (inflect && plural_of(d, w, p, sizeof p)) {
            known |= i == 0;
        } else if (inflect) {
            size_t n = strlen(w);
            int inv = n > 0 && strchr("sxz", w[n - 1]);
            snprintf(p, sizeof p, "%s%s", w, inv ? "" : "s");
        } else {
            snprintf(p, sizeof p, "%s", w);
        }
        if ((i > 0 && qp_buf_putc(&pl, ' ')) || qp_buf_puts(&pl, p)) {
            r = QP_ENOMEM;
            break;
        }
    }
    if (!known) {
        o->missing++;
        fprintf(stderr, "lexforms: fr: noun \"%s\" not in the dictionary\n", lm->text);
    }
    if (r == 0)
        r = lf_out_add(o, pl.data, lm->text, "noun_pl");
    qp_buf_destroy(&pl);
    return r;
}

static void dict_destroy(fr_dict *d)
{
    for (size_t i = 0; i < d->nrules; i++) {
        free(d->rules[i].strip);
        free(d->rules[i].add);
        free(d->rules[i].morph);
    }
    free(d->rules);
    free(d->entries);
    free(d->dic_text);
    if (d->h)
        Hunspell_destroy(d->h);
}

int lf_french(const lf_lemma *lemmas, size_t n, const char *dir, lf_out *o)
{
    fr_dict d = {0};
    char aff[4096], dic[4096];
    snprintf(aff, sizeof aff, "%s/fr.aff", dir);
    snprintf(dic, sizeof dic, "%s/fr.dic", dir);
    int r = load_aff(&d, aff);
    if (r == 0)
        r = load_dic(&d, dic);
    if (r == 0 && !(d.h = Hunspell_create(aff, dic)))
        r = QP_EIO;
    size_t start = o->n;
    for (size_t i = 0; i < n && r == 0; i++)
        r = lemmas[i].is_verb ? verb_forms(&d, &lemmas[i], o) : noun_forms(&d, &lemmas[i], o);
    /* Every one-word form should be a word hunspell accepts; the others show a rule misread. */
    size_t rejected = 0;
    for (size_t i = start; i < o->n && r == 0; i++) {
        char form[256];
        size_t len = strcspn(o->lines[i], "\t");
        if (len >= sizeof form || memchr(o->lines[i], ' ', len))
            continue;
        memcpy(form, o->lines[i], len);
        form[len] = '\0';
        if (!Hunspell_spell(d.h, form)) {
            if (rejected++ < 20)
                fprintf(stderr, "lexforms: fr: hunspell rejects generated \"%s\"\n", form);
        }
    }
    if (r == 0)
        fprintf(stderr, "lexforms: fr: %zu rules read, %zu one-word forms rejected by hunspell\n",
                d.nrules, rejected);
    dict_destroy(&d);
    return r;
}
