/* segment.c — UD words from quipu's tokens: contractions split, clitics and hyphens as UD has them. */
#include <string.h>

#include "parse_int.h"
#include "token.h"

/* A surface word before contractions are split: a span of the text and the first token. */
typedef struct surface {
    uint32_t start, end, token;
} surface;

/* ASCII-lower-case comparison of text[s,e) with word. */
static int is_word(const char *text, uint32_t s, uint32_t e, const char *word)
{
    size_t n = strlen(word);
    if (e - s != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[s + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return 1;
}

static int is_word_ci(const char *text, uint32_t s, uint32_t e, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (is_word(text, s, e, list[i]))
            return 1;
    return 0;
}

/* French subject and object clitics written after a verb with a hyphen ("dit-il", "est-ce"). */
static const char *const fr_clitics[] = {"je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles",
                                         "ce", "le", "la", "les", "lui", "leur", "en", "y", "moi", "toi"};
/* English first parts that EWT keeps whole before a hyphen ("e-mail", "non-profit"). */
static const char *const en_prefixes[] = {"e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro",
                                          "multi", "ex", "sub", "semi", "cross", "neo", "psycho", "socio",
                                          "counter", "intra", "vice", "micro", "un", "inter"};
/* Abbreviations whose period is part of the word. */
static const char *const abbreviations[] = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "st", "ste", "gen", "gén", "lt", "col", "sgt", "capt", "cpt",
    "gov", "sen", "rep", "mr", "mrs", "ms", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc",
    "av", "bd", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "prof", "adm", "maj", "brig", "cie"};
static const char *const en_clitics[] = {"s", "m", "re", "ve", "ll", "d"};

static int is_apostrophe(const char *text, uint32_t at, uint32_t *len)
{
    if (text[at] == '\'') {
        *len = 1;
        return 1;
    }
    if ((unsigned char)text[at] == 0xE2 && (unsigned char)text[at + 1] == 0x80 && (unsigned char)text[at + 2] == 0x99) {
        *len = 3;
        return 1;
    }
    return 0;
}

static int is_space_at(const char *text, size_t at, size_t end)
{
    if (at >= end)
        return 1;
    unsigned char c = (unsigned char)text[at];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c == 0xC2 && at + 1 < end && (unsigned char)text[at + 1] == 0xA0);
}

typedef struct seg {
    qp_word *w;
    size_t n, cap;
    qp_arena *a;
    const char *text;
    size_t end;
} seg;

static qp_word *push(seg *s, uint32_t start, uint32_t end, uint32_t token, const char *form)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        qp_word *w = qp_arena_alloc(s->a, cap * sizeof *w);
        if (!w)
            return NULL;
        if (s->n)
            memcpy(w, s->w, s->n * sizeof *w);
        s->w = w;
        s->cap = cap;
    }
    qp_word *x = &s->w[s->n++];
    memset(x, 0, sizeof *x);
    x->start = start;
    x->end = end;
    x->token = token;
    x->form = form ? form : qp_arena_strndup(s->a, s->text + start, end - start);
    x->lemma = "_";
    x->feats = "_";
    x->head = -1;
    x->mwt = 1;
    x->space_after = (uint8_t)is_space_at(s->text, end, s->end);
    return x->form ? x : NULL;
}

/* Words of one contraction: each shares the surface span; the first carries the count. */
static int push_mwt(seg *s, const surface *u, const char *const *forms, int count)
{
    for (int i = 0; i < count; i++) {
        qp_word *x = push(s, u->start, u->end, u->token, forms[i]);
        if (!x)
            return QP_ENOMEM;
        x->mwt = (uint8_t)(i == 0 ? count : 0);
        if (i < count - 1)
            x->space_after = 0;
    }
    return 0;
}

/* The first letter of the surface in upper case: "Au" gives "À", "le". */
static int starts_upper(const char *text, const surface *u)
{
    return text[u->start] >= 'A' && text[u->start] <= 'Z';
}

/* French contractions that are always two words, and their parts. */
typedef struct contraction {
    const char *surface, *first, *second;
} contraction;

static const contraction fr_contractions[] = {
    {"au", "à", "le"}, {"aux", "à", "les"}, {"auquel", "à", "lequel"}, {"auxquels", "à", "lesquels"},
    {"auxquelles", "à", "lesquelles"}, {"duquel", "de", "lequel"}, {"desquels", "de", "lesquels"},
    {"desquelles", "de", "lesquelles"}, {"du", "de", "le"}, {"des", "de", "les"},
};

static const char *upper_first(qp_arena *a, const char *s)
{
    if (!strcmp(s, "à"))
        return "À";
    char *c = qp_arena_strdup(a, s);
    if (c && c[0] >= 'a' && c[0] <= 'z')
        c[0] = (char)(c[0] - 32);
    return c;
}

size_t px_split_features(const px_model *m, const char *const *lower, size_t n, size_t i, uint64_t *out)
{
    const char *none = "<none>";
    const char *self = lower[i], *p1 = i > 0 ? lower[i - 1] : none, *p2 = i > 1 ? lower[i - 2] : none;
    const char *n1 = i + 1 < n ? lower[i + 1] : none;
    uint64_t hs = px_hash_bytes(self, strlen(self));
    size_t lp = strlen(p1), ln = strlen(n1);
    uint64_t hp1 = px_hash_bytes(p1, lp), hn1 = px_hash_bytes(n1, ln);
    /* what the word before can be: a verb takes the article ("tué des civils"), a noun the
     * preposition ("la libération des otages") */
    uint64_t c1 = m ? px_lexicon_find(&m->lexicon, hp1) : 0, c2 = m ? px_lexicon_find(&m->lexicon, px_hash_bytes(p2, strlen(p2))) : 0;
    size_t k = 0;
    out[k++] = px_f1(1, hs);
    out[k++] = px_f2(2, hs, hp1);
    out[k++] = px_f2(3, hs, hn1);
    out[k++] = px_f2(4, hs, c1);
    out[k++] = px_f3(5, hs, c1, c2);
    out[k++] = px_f2(6, hs, px_hash_bytes(p1 + (lp > 3 ? lp - 3 : 0), lp > 3 ? 3 : lp));
    out[k++] = px_f2(7, hs, px_hash_bytes(p1 + (lp > 1 ? lp - 1 : 0), lp > 1 ? 1 : lp));
    out[k++] = px_f2(8, hs, i == 0);
    return k;
}

/* Whether the French surface word i ("des", "du") is a contraction here. */
static int split_here(const px_model *m, const char *const *lower, size_t n, size_t i)
{
    if (!m || !m->split.nslots)
        return !strcmp(lower[i], "du");
    uint64_t feats[PX_SPLIT_FEATS];
    size_t nf = px_split_features(m, lower, n, i, feats);
    /* as wide as px_score's widest branch: only PX_NSPLIT are used, but GCC under the
     * sanitizers cannot see that the table is never of another width, and -Werror stops it */
    int32_t sc[PX_NCLASS > PX_NSPLIT ? PX_NCLASS : PX_NSPLIT] = {0};
    px_score(&m->split, feats, nf, sc);
    return sc[PX_SPLIT] > sc[PX_KEEP];
}

/* Surface words from tokens: joins what the tokeniser cut and UD keeps whole (hyphenated
 * French names, "aujourd'hui", "M.", "U.S.", "..."), cuts what UD splits off a word
 * (English hyphens, clitics). Words of English clitics are pushed here directly. */
static void surfaces(qp_lang lang, const char *text, const qp_token *t, size_t nt, surface *out, size_t *nout,
                     uint8_t *clitic_next)
{
    size_t n = 0;
    for (size_t i = 0; i < nt;) {
        uint32_t s = t[i].start, e = t[i].end, first = (uint32_t)i;
        size_t j = i + 1;
        clitic_next[n] = 0;
        if (t[i].flags & QP_TOK_PUNCT) {
            /* "...", "--": a run of the same character, glued */
            while (j < nt && (t[j].flags & QP_TOK_PUNCT) && t[j].start == e && (text[s] == '.' || text[s] == '-') &&
                   t[j].end - t[j].start == 1 && text[t[j].start] == text[s])
                e = t[j++].end;
        } else {
            for (;;) {
                uint32_t alen = 0;
                if (j >= nt || !(t[j].flags & QP_TOK_GLUED) || (t[j].flags & QP_TOK_PUNCT))
                    break;
                const qp_token *prev = &t[j - 1];
                if (prev->flags & QP_TOK_ELISION)
                    break; /* "l'" stands alone */
                if (prev->flags & QP_TOK_HYPHEN) {
                    int clitic = lang == QP_LANG_FR &&
                                 (is_word_ci(text, t[j].start, t[j].end, fr_clitics, QP_ARRAY_LEN(fr_clitics)) ||
                                  (is_word(text, t[j].start, t[j].end, "t") && j + 1 < nt && (t[j].flags & QP_TOK_HYPHEN))) &&
                                 !(j == i + 1 && is_word(text, s, e, "rendez")) &&
                                 !(j == i + 1 && is_word(text, s, e, "t")); /* "-t-il" is one word */
                    int digits = (prev->flags & QP_TOK_NUM) && (t[j].flags & QP_TOK_NUM);
                    int keep = lang == QP_LANG_FR ? !clitic
                                                  : digits || (j == i + 1 && is_word_ci(text, s, e, en_prefixes,
                                                                                         QP_ARRAY_LEN(en_prefixes)));
                    if (!keep) {
                        clitic_next[n] = (uint8_t)(lang == QP_LANG_FR ? 1 : 2);
                        break;
                    }
                    e = t[j++].end;
                    continue;
                }
                if (prev->end < t[j].start && is_apostrophe(text, prev->end, &alen) && prev->end + alen == t[j].start) {
                    if (lang == QP_LANG_EN &&
                        (is_word_ci(text, t[j].start, t[j].end, en_clitics, QP_ARRAY_LEN(en_clitics)) ||
                         (is_word(text, t[j].start, t[j].end, "t") && e - s >= 2 &&
                          (text[e - 1] == 'n' || text[e - 1] == 'N')))) {
                        clitic_next[n] = 3;
                        break;
                    }
                    e = t[j++].end; /* aujourd'hui, O'Brien */
                    continue;
                }
                break;
            }
            /* an abbreviation's period, or the letters and periods of "U.S." */
            if (j < nt && (t[j].flags & QP_TOK_PUNCT) && text[t[j].start] == '.' && t[j].start == e) {
                /* "U.S.", "J.", and "a.m." "p.m." "e.g." whose letters are small */
                int letters_follow = j + 2 < nt && !(t[j + 1].flags & QP_TOK_PUNCT) && t[j + 1].start == t[j].end &&
                                     t[j + 1].end - t[j + 1].start == 1 && text[t[j + 2].start] == '.' &&
                                     t[j + 2].start == t[j + 1].end;
                int single = e - s == 1 && ((t[first].flags & QP_TOK_CAP) || letters_follow);
                int abbr = is_word_ci(text, s, e, abbreviations, QP_ARRAY_LEN(abbreviations)) && j + 1 < nt;
                if (single && (j + 1 < nt || letters_follow)) {
                    e = t[j++].end;
                    while (j + 1 < nt && !(t[j].flags & QP_TOK_PUNCT) && t[j].start == e && t[j].end - t[j].start == 1 &&
                           text[t[j + 1].start] == '.' && t[j + 1].start == t[j].end)
                        e = t[j + 1].end, j += 2;
                } else if (abbr) {
                    e = t[j++].end;
                }
            }
        }
        out[n++] = (surface){s, e, first};
        i = j;
    }
    *nout = n;
}

int qp_parse_segment(const qp_parser *p, qp_lang lang, const char *text, size_t start, size_t end,
                     qp_arena *a, qp_word **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    qp_token *t = NULL;
    size_t nt = 0;
    int rc = qp_tokenize(text, start, end, a, &t, &nt);
    if (rc || nt == 0)
        return rc;
    surface *u = qp_arena_alloc(a, nt * sizeof *u);
    uint8_t *clitic_next = qp_arena_alloc(a, nt);
    const char **lower = qp_arena_alloc(a, nt * sizeof *lower);
    if (!u || !clitic_next || !lower)
        return QP_ENOMEM;
    seg sg = {.a = a, .text = text, .end = end};
    size_t nu = 0;
    surfaces(lang, text, t, nt, u, &nu, clitic_next);
    for (size_t i = 0; i < nu; i++) {
        char *raw = qp_arena_strndup(a, text + u[i].start, u[i].end - u[i].start);
        if (!raw || !(lower[i] = px_lower(raw, a)))
            return QP_ENOMEM;
    }
    const px_model *m = p ? px_parser_model(p, lang) : NULL;
    for (size_t i = 0; i < nu; i++) {
        const surface *x = &u[i];
        if (lang == QP_LANG_FR) {
            const contraction *c = NULL;
            for (size_t k = 0; k < QP_ARRAY_LEN(fr_contractions) && !c; k++)
                if (!strcmp(lower[i], fr_contractions[k].surface))
                    c = &fr_contractions[k];
            int ambiguous = c && (!strcmp(c->surface, "des") || !strcmp(c->surface, "du"));
            if (c && (!ambiguous || split_here(m, lower, nu, i))) {
                const char *forms[2] = {starts_upper(text, x) ? upper_first(a, c->first) : c->first, c->second};
                if (!forms[0] || push_mwt(&sg, x, forms, 2) < 0)
                    return QP_ENOMEM;
                continue;
            }
        } else {
            static const contraction en_whole[] = {{"cannot", "can", "not"}, {"gonna", "gon", "na"},
                                                   {"wanna", "wan", "na"}, {"gotta", "got", "ta"}};
            const contraction *c = NULL;
            for (size_t k = 0; k < QP_ARRAY_LEN(en_whole) && !c; k++)
                if (!strcmp(lower[i], en_whole[k].surface))
                    c = &en_whole[k];
            if (c) {
                size_t k1 = strlen(c->first);
                const char *forms[2] = {qp_arena_strndup(a, text + x->start, k1),
                                        qp_arena_strndup(a, text + x->start + k1, x->end - x->start - k1)};
                if (!forms[0] || !forms[1] || push_mwt(&sg, x, forms, 2) < 0)
                    return QP_ENOMEM;
                continue;
            }
        }
        uint32_t ws = x->start, we = x->end;
        /* a French clitic after a hyphen takes the hyphen: "-il", "-t-il" */
        if (i > 0 && clitic_next[i - 1] == 1 && ws > 0 && text[ws - 1] == '-')
            ws--;
        if (i > 0 && clitic_next[i - 1] == 2) {
            /* the English hyphen is a word of its own */
            if (!push(&sg, u[i - 1].end, x->start, x->token, NULL))
                return QP_ENOMEM;
        }
        if (clitic_next[i] == 3 && i + 1 < nu) {
            /* English "don't" = "do" "n't"; "it's" = "it" "'s": one surface token, two words */
            const surface *y = &u[i + 1];
            int nt_clitic = is_word(text, y->start, y->end, "t");
            uint32_t cut = nt_clitic ? we - 1 : we;
            const char *forms[2] = {qp_arena_strndup(a, text + ws, cut - ws), qp_arena_strndup(a, text + cut, y->end - cut)};
            if (!forms[0] || !forms[1])
                return QP_ENOMEM;
            qp_word *w1 = push(&sg, ws, cut, x->token, forms[0]);
            if (!w1)
                return QP_ENOMEM;
            w1->mwt = 2;
            w1->space_after = 0;
            qp_word *w2 = push(&sg, cut, y->end, x->token, forms[1]);
            if (!w2)
                return QP_ENOMEM;
            w2->mwt = 0;
            i++;
            continue;
        }
        if (!push(&sg, ws, we, x->token, NULL))
            return QP_ENOMEM;
    }
    *out = sg.w;
    *n = sg.n;
    return 0;
}
