/* timex.c — the timex pipeline: tokenise once, let the language rules match, resolve values. */
#include "timex.h"

#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

const char *qp_timex_type_name(qp_timex_type t)
{
    switch (t) {
    case QP_TIMEX_DATE: return "DATE";
    case QP_TIMEX_TIME: return "TIME";
    case QP_TIMEX_DURATION: return "DURATION";
    case QP_TIMEX_SET: return "SET";
    }
    return "DATE";
}

static int names_a_day(const qp_timex *x)
{
    return x->begin && x->grain && (!strcmp(x->grain, "day") || !strcmp(x->grain, "time"));
}

const qp_timex *qp_timex_reference_at(const qp_timex_list *list, size_t at)
{
    if (!list || !list->count)
        return NULL;
    /* the expressions ending at or before `at` are a prefix: find its length, then walk back */
    size_t lo = 0, hi = list->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list->items[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo-- > 0)
        if (names_a_day(&list->items[lo]))
            return &list->items[lo];
    return NULL;
}

/* ---- tokeniser ----------------------------------------------------------------------- */

/* Length of the UTF-8 sequence at p, clamped to what is left so broken input never
 * reads past the end (the CLI validates; the library must just stay safe). */
static inline size_t seq_len(const unsigned char *p, size_t left)
{
    size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
    return n > left ? left : n;
}

/* Spaces, including the no-break and thin spaces French typography puts before « : ; ». */
static inline int is_space(const unsigned char *p, size_t n)
{
    if (n == 1)
        return *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v';
    if (n == 2)
        return p[0] == 0xC2 && p[1] == 0xA0;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80)
        return (p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xAF || p[2] == 0xA8 || p[2] == 0xA9;
    return 0;
}

static inline int is_letter(const unsigned char *p, size_t n)
{
    if (n == 1)
        return (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
    if (n == 2 && p[0] == 0xC2)
        return 0;   /* Latin-1 punctuation: « » ° § … */
    if (n == 2 && p[0] == 0xC3 && (p[1] == 0x97 || p[1] == 0xB7))
        return 0;   /* × ÷ */
    if (n == 3 && p[0] == 0xE2)
        return 0;   /* general punctuation, dashes, quotes, currency, arrows */
    return n >= 2;
}

/* Appends the folded form of one letter; returns bytes written (0 when it does not fit). */
static size_t fold_letter(const unsigned char *p, size_t n, char *dst, size_t room, int *accent)
{
    static const char latin1[64] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    if (n == 1) {
        if (room < 1)
            return 0;
        dst[0] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        return 1;
    }
    *accent = 1;
    if (n == 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
        unsigned c = p[1] - 0x80;
        if (c == 0x06 || c == 0x26) {   /* æ */
            if (room < 2)
                return 0;
            dst[0] = 'a', dst[1] = 'e';
            return 2;
        }
        if (c == 0x1F) {                /* ß */
            if (room < 2)
                return 0;
            dst[0] = 's', dst[1] = 's';
            return 2;
        }
        if (room < 1)
            return 0;
        dst[0] = latin1[c];
        return 1;
    }
    if (n == 2 && p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93)) {  /* œ */
        if (room < 2)
            return 0;
        dst[0] = 'o', dst[1] = 'e';
        return 2;
    }
    if (room < n)
        return 0;
    memcpy(dst, p, n);
    return n;
}

static int classify(const tx_doc *d, tx_tok *t)
{
    if (t->flen > 15 && !memchr(t->f, '-', t->flen))
        return 0;   /* no time word is longer than "quotidiennement" */
    int val = 0;
    unsigned flags = 0;
    int cls = d->en ? tx_en_class(t->f, t->flen, &val, &flags) : tx_fr_class(t->f, t->flen, &val, &flags);
    t->cls = (uint8_t)cls;
    t->val = val;
    t->flags |= (uint8_t)flags;
    return cls;
}

int tx_tokenize(tx_doc *d, qp_arena *arena)
{
    const unsigned char *s = (const unsigned char *)d->text;
    size_t len = d->len, cap = len / 6 + 16, n = 0;   /* news averages a token per 6 bytes */
    tx_tok *t = qp_arena_alloc(arena, cap * sizeof *t);
    if (!t)
        return QP_ENOMEM;
    unsigned pending = TF_SENT;
    size_t i = 0;
    int glued = 0;
    while (i < len) {
        size_t k = seq_len(s + i, len - i);
        if (is_space(s + i, k)) {
            if (s[i] == '\n')
                pending |= TF_SENT;
            glued = 0;
            i += k;
            continue;
        }
        if (n == cap) {     /* only on text made almost entirely of one-byte tokens */
            size_t ncap = cap * 2;
            tx_tok *nt = qp_arena_alloc(arena, ncap * sizeof *nt);
            if (!nt)
                return QP_ENOMEM;
            memcpy(nt, t, n * sizeof *t);
            t = nt, cap = ncap;
        }
        tx_tok *o = &t[n];
        memset(o, 0, sizeof *o);
        o->start = (uint32_t)i;
        o->flags = (uint8_t)(pending | (glued ? TF_GLUED : 0));
        pending = 0;
        if (s[i] >= '0' && s[i] <= '9') {
            size_t j = i;
            long v = 0;
            while (j < len && s[j] >= '0' && s[j] <= '9') {
                if (j - i < 9)
                    v = v * 10 + (s[j] - '0');
                j++;
            }
            o->kind = TK_NUM;
            o->flen = (uint8_t)(j - i > 23 ? 23 : j - i);
            memcpy(o->f, s + i, o->flen);
            o->val = j - i <= 9 ? (int32_t)v : -1;
            i = j;
        } else if (is_letter(s + i, k)) {
            size_t j = i, fl = 0;
            int accent = 0, toolong = 0;
            if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] == 0xC3 && k == 2 && s[i + 1] < 0x9F))
                o->flags |= TF_CAP;
            for (;;) {
                if (j < len && s[j] < 0x80) {   /* fast path: ASCII letters */
                    unsigned char lc = s[j] | 32;
                    if (lc >= 'a' && lc <= 'z') {
                        if (fl + 1 < sizeof o->f)
                            o->f[fl++] = (char)lc;
                        else
                            toolong = 1;
                        j++;
                        continue;
                    }
                }
                if (j >= len)
                    break;
                size_t kk = seq_len(s + j, len - j);
                if (is_letter(s + j, kk)) {
                    size_t w = fold_letter(s + j, kk, o->f + fl, sizeof o->f - 1 - fl, &accent);
                    if (!w)
                        toolong = 1;
                    fl += w;
                    j += kk;
                    continue;
                }
                /* a hyphen inside a word keeps it whole: week-end, dix-huit, mi-octobre */
                if (j + 1 < len && s[j] == '-' && is_letter(s + j + 1, seq_len(s + j + 1, len - j - 1))) {
                    if (fl + 1 < sizeof o->f)
                        o->f[fl++] = '-';
                    else
                        toolong = 1;
                    j++;
                    continue;
                }
                break;
            }
            /* aujourd'hui is one word that the apostrophe would split */
            if (fl == 7 && !memcmp(o->f, "aujourd", 7)) {
                size_t q = j;
                if (q < len && s[q] == '\'')
                    q++;
                else if (q + 2 < len && s[q] == 0xE2 && s[q + 1] == 0x80 && s[q + 2] == 0x99)
                    q += 3;
                if (q > j && q + 3 <= len && (s[q] | 32) == 'h' && (s[q + 1] | 32) == 'u' && (s[q + 2] | 32) == 'i') {
                    memcpy(o->f + 7, "hui", 3);
                    fl = 10;
                    j = q + 3;
                }
            }
            o->kind = TK_WORD;
            if (toolong)
                fl = 0;
            o->f[fl] = 0;
            o->flen = (uint8_t)fl;
            if (accent)
                o->flags |= TF_ACCENT;
            i = j;
            if (fl)
                classify(d, o);
        } else {
            o->kind = TK_PUNCT;
            unsigned char c = s[i];
            if (k == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x98 || s[i + 2] == 0x99))
                c = '\'';
            else if (k == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
                c = '-';
            else if (k == 2 && s[i] == 0xC2 && (s[i + 1] == 0xAB || s[i + 1] == 0xBB))
                c = '"';
            else if (k == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xA6)
                c = '.';
            else if (k > 1)
                c = '~';
            o->f[0] = (char)c;
            o->flen = 1;
            if (c == '.' || c == '!' || c == '?')
                pending |= TF_SENT;
            i += k;
        }
        o->end = (uint32_t)i;
        n++;
        glued = 1;
    }
    d->t = t;
    d->n = n;
    return 0;
}

/* ---- word lists ---------------------------------------------------------------------- */

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

void tx_lex_build(const tx_entry *e, size_t n, uint16_t *table, size_t slots)
{
    for (size_t i = 0; i < n; i++) {
        size_t h = hash(e[i].w, strlen(e[i].w)) & (slots - 1);
        while (table[h])
            h = (h + 1) & (slots - 1);
        table[h] = (uint16_t)(i + 1);
    }
}

int tx_lex_find(const tx_entry *e, const uint16_t *table, size_t slots, const char *f, size_t len,
                int *val, unsigned *flags)
{
    size_t h = hash(f, len) & (slots - 1);
    while (table[h]) {
        const tx_entry *x = &e[table[h] - 1];
        if (!strncmp(x->w, f, len) && x->w[len] == 0) {
            *val = x->val;
            *flags = x->flags;
            return x->cls;
        }
        h = (h + 1) & (slots - 1);
    }
    return 0;
}

/* ---- helpers the rules share --------------------------------------------------------- */

/* A number: digits ("30,4" and "3.000" glued, the other way round in English), or number
 * words ("vingt et un", "deux cents"). approx is set for vague quantities ("plusieurs"). */
int tx_number(const tx_doc *d, size_t i, size_t *next, double *v, int *approx)
{
    *approx = 0;
    if (i >= d->n)
        return 0;
    const tx_tok *t = d->t;
    if (t[i].kind == TK_NUM) {
        if (t[i].val < 0)
            return 0;
        double x = t[i].val;
        size_t j = i + 1;
        while (j + 1 < d->n && t[j].kind == TK_PUNCT && (t[j].flags & TF_GLUED) && (t[j + 1].flags & TF_GLUED) &&
               t[j + 1].kind == TK_NUM && (t[j].f[0] == ',' || t[j].f[0] == '.')) {
            if (t[j].f[0] == (d->en ? ',' : '.') && t[j + 1].flen == 3) {
                x = x * 1000 + t[j + 1].val;   /* 3.000 in French, 3,000 in English: thousands */
            } else if (t[j + 1].flen <= 6) {
                double frac = t[j + 1].val;
                for (int k = 0; k < t[j + 1].flen; k++)
                    frac /= 10;
                x += frac;
                j += 2;
                break;
            } else {
                break;
            }
            j += 2;
        }
        *v = x;
        *next = j;
        return 1;
    }
    if (t[i].kind != TK_WORD || t[i].cls != C_NUMW)
        return 0;
    double total = 0, cur = 0;
    size_t j = i;
    while (j < d->n) {
        if (tx_is(d, j, C_NUMW, -1)) {
            int w = t[j].val;
            if (w == 100 || w == 1000) {
                cur = (cur ? cur : 1) * w;
                if (w == 1000) {
                    total += cur;
                    cur = 0;
                }
            } else {
                cur += w;
            }
            j++;
            /* "vingt et un" */
            if (tx_is(d, j, C_KW, K_ET) && tx_is(d, j + 1, C_NUMW, -1) && t[j + 1].val < 10 && w >= 20)
                j++;
            if (w < 20 && w != 0 && !tx_is(d, j, C_NUMW, 100) && !tx_is(d, j, C_NUMW, 1000))
                break;
            continue;
        }
        break;
    }
    *v = total + cur;
    *next = j;
    return 1;
}

void tx_lit(tx_spec *s, int type, const char *lit)
{
    memset(s, 0, sizeof *s);
    s->kind = X_LIT;
    s->type = (uint8_t)type;
    snprintf(s->lit, sizeof s->lit, "%s", lit);
}

/* A duration value: P3D, PT30.4S, PXY; returns 0 when the unit has none. */
int tx_duration_lit(tx_spec *s, double n, int unit, int approx)
{
    char num[16];
    const char *u = NULL;
    int t = 0;
    double mult = 1;
    switch (unit) {
    case U_SEC: u = "S", t = 1; break;
    case U_MIN: u = "M", t = 1; break;
    case U_HOUR: u = "H", t = 1; break;
    case U_DAY: u = "D"; break;
    case U_WEEK: u = "W"; break;
    case U_WEEKEND: u = "WE"; break;
    case U_MONTH: u = "M"; break;
    case U_QUARTER: u = "M", mult = 3; break;
    case U_SEMESTER: u = "M", mult = 6; break;
    case U_YEAR: u = "Y"; break;
    case U_DECADE: u = "Y", mult = 10; break;
    case U_CENTURY: u = "Y", mult = 100; break;
    case U_MILLENNIUM: u = "Y", mult = 1000; break;
    case U_TERM5: u = "Y", mult = 5; break;
    case U_TERM7: u = "Y", mult = 7; break;
    default: return 0;
    }
    if (approx) {
        snprintf(num, sizeof num, "X");
    } else {
        double x = n * mult;
        if (x == (long)x)
            snprintf(num, sizeof num, "%ld", (long)x);
        else
            snprintf(num, sizeof num, "%g", x);
    }
    char lit[24];
    snprintf(lit, sizeof lit, "P%s%s%s", t ? "T" : "", num, u);
    tx_lit(s, QP_TIMEX_DURATION, lit);
    return 1;
}

int tx_year4(const tx_doc *d, size_t i, int *y)
{
    if (i >= d->n || d->t[i].kind != TK_NUM || d->t[i].flen != 4 || d->t[i].val < 1000 || d->t[i].val > 2199)
        return 0;
    /* 2.000, 1999,5: not a year */
    if (i + 2 < d->n && d->t[i + 1].kind == TK_PUNCT && (d->t[i + 1].flags & TF_GLUED) &&
        (d->t[i + 2].flags & TF_GLUED) && d->t[i + 2].kind == TK_NUM &&
        (d->t[i + 1].f[0] == '.' || d->t[i + 1].f[0] == ','))
        return 0;
    *y = d->t[i].val;
    return 1;
}

void tx_abs(tx_spec *s, int g, int y, int m, int day)
{
    memset(s, 0, sizeof *s);
    s->kind = X_ABS;
    s->type = QP_TIMEX_DATE;
    s->grain = (uint8_t)g;
    s->y = y, s->m = m, s->d = day;
}

void tx_rel(tx_spec *s, int g, int off)
{
    memset(s, 0, sizeof *s);
    s->kind = X_REL;
    s->type = QP_TIMEX_DATE;
    s->grain = (uint8_t)g;
    s->off = off;
}

void tx_set_tod(tx_spec *s, const char *tod)
{
    snprintf(s->tod, sizeof s->tod, "%s", tod);
    s->type = QP_TIMEX_TIME;
}

int tx_unit_grain(int u)
{
    switch (u) {
    case U_DAY: return G_DAY;
    case U_WEEK: return G_WEEK;
    case U_WEEKEND: return G_WEEKEND;
    case U_MONTH: return G_MONTH;
    case U_QUARTER: return G_QUARTER;
    case U_SEMESTER: return G_HALF;
    case U_YEAR: return G_YEAR;
    case U_DECADE: return G_DECADE;
    case U_CENTURY: return G_CENTURY;
    }
    return G_NONE;
}

int tx_roman(const char *f, size_t n)
{
    int total = 0, prev = 0;
    for (size_t k = n; k-- > 0;) {
        int v = f[k] == 'i' ? 1 : f[k] == 'v' ? 5 : f[k] == 'x' ? 10 : f[k] == 'l' ? 50 : f[k] == 'c' ? 100 : -1;
        if (v < 0)
            return -1;
        total += v < prev ? -v : v;
        if (v > prev)
            prev = v;
    }
    return total;
}

/* ---- tense of the governing verb ------------------------------------------------------ */

static int ends(const tx_tok *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->flen > n && !memcmp(t->f + t->flen - n, suf, n);
}

static int is_aux_fr(const tx_tok *t)
{
    static const char *const aux[] = {"ai", "as", "avons", "avez", "ont", "est", "sont", "suis",
                                      "sommes", "etes", "es", "a"};
    if (t->kind != TK_WORD || (t->flags & TF_ACCENT))   /* "à" is not "a" */
        return 0;
    for (size_t i = 0; i < QP_ARRAY_LEN(aux); i++)
        if (!strcmp(t->f, aux[i]))
            return 1;
    return 0;
}

static int participle_fr(const tx_tok *t)
{
    return t->kind == TK_WORD && t->flen >= 3 && t->cls == C_NONE &&
           (ends(t, "e") || ends(t, "ee") || ends(t, "es") || ends(t, "ees") || ends(t, "i") ||
            ends(t, "is") || ends(t, "it") || ends(t, "u") || ends(t, "us") || ends(t, "ert") ||
            ends(t, "int") || ends(t, "ort"));
}

/* -1 past, +1 future, 0 nothing; the cue of one token (and its right neighbours). */
static int cue_fr(const tx_doc *d, size_t i)
{
    const tx_tok *t = &d->t[i];
    if (t->kind != TK_WORD || t->flen < 2)
        return 0;
    if (is_aux_fr(t)) {
        for (size_t j = i + 1; j < d->n && j <= i + 3; j++) {
            if (d->t[j].kind != TK_WORD)
                break;
            /* "est attendu", "est prévue": what is expected lies ahead */
            if ((d->t[j].f[0] == 'a' && !strncmp(d->t[j].f, "attendu", 7)) ||
                (d->t[j].f[0] == 'p' && !strncmp(d->t[j].f, "prevu", 5)))
                return 1;
            if (participle_fr(&d->t[j]) && (t->f[0] != 'e' || t->flen > 2 || (d->t[j].flags & TF_ACCENT)))
                return -1;
        }
        return 0;
    }
    if (t->cls != C_NONE)
        return 0;
    if (!strcmp(t->f, "va") || !strcmp(t->f, "vont") || !strcmp(t->f, "prevu") || !strcmp(t->f, "prevue") ||
        !strcmp(t->f, "prevus") || !strcmp(t->f, "prevues") || !strcmp(t->f, "devrait") ||
        !strcmp(t->f, "devraient") || !strcmp(t->f, "doit") || !strcmp(t->f, "doivent"))
        return 1;
    if (t->flen >= 5 && (ends(t, "ait") || ends(t, "aient")))
        return -1;
    if (t->flen >= 4 && (ends(t, "era") || ends(t, "ira") || ends(t, "ront") || ends(t, "rons") ||
                         ends(t, "rez") || ends(t, "rai") || ends(t, "dra") || ends(t, "ura") ||
                         ends(t, "ora") || ends(t, "rra")))
        return 1;
    if (!strcmp(t->f, "sera") || !strcmp(t->f, "aura") || !strcmp(t->f, "fera") || !strcmp(t->f, "ira"))
        return 1;
    return 0;
}

static int cue_en(const tx_doc *d, size_t i)
{
    const tx_tok *t = &d->t[i];
    if (t->kind != TK_WORD || t->flen < 2)
        return 0;
    static const char *const past[] = {"was", "were", "had", "did", "said", "told", "took", "met",
                                       "went", "came", "made", "gave", "left", "held", "began",
                                       "fought", "killed", "seized", "won", "lost", "struck",
                                       "sent", "ago", "announced", "brought", "bought", "sold", "rose",
                                       "fell", "paid", "became", "found", "saw", "led"};
    static const char *const fut[] = {"will", "ll", "shall", "going", "plans", "planned", "scheduled",
                                      "expected", "due", "would", "planning", "soon"};
    for (size_t k = 0; k < QP_ARRAY_LEN(fut); k++)
        if (!strcmp(t->f, fut[k]))
            return 1;
    for (size_t k = 0; k < QP_ARRAY_LEN(past); k++)
        if (!strcmp(t->f, past[k]))
            return -1;
    if (t->cls == C_NONE && t->flen >= 5 && ends(t, "ed") && !(t->flags & TF_CAP)) {
        /* "will be named", "is expected": a passive's tense is its auxiliary's, further on */
        static const char *const be[] = {"be", "been", "being", "is", "are"};
        for (size_t k = 0; i > 0 && k < QP_ARRAY_LEN(be); k++)
            if (!strcmp(d->t[i - 1].f, be[k]))
                return 0;
        return -1;   /* not "United", "Ahmed" */
    }
    return 0;
}

/* a quotation mark: " « » or the '' and `` of news wires */
static int quote_mark(const tx_doc *d, size_t i)
{
    const tx_tok *t = &d->t[i];
    if (t->kind != TK_PUNCT)
        return 0;
    if (t->f[0] == '"')
        return 1;
    return (t->f[0] == '\'' || t->f[0] == '`') && i + 1 < d->n && d->t[i + 1].kind == TK_PUNCT &&
           d->t[i + 1].f[0] == t->f[0] && (d->t[i + 1].flags & TF_GLUED);
}

/* "as early as", "until", "by", "effective", "payable" right before an expression: ahead */
static int deadline_before(const tx_doc *d, size_t a)
{
    if (!d->en || a == 0)
        return 0;
    size_t p = a - 1;
    if (tx_word(d, p, "on") && p > 0)
        p--;
    if (tx_word(d, p, "effective") || tx_word(d, p, "payable"))
        return 1;   /* the date something takes effect or is paid */
    if ((tx_word(d, p, "until") || tx_word(d, p, "till") || tx_word(d, p, "by") || tx_word(d, p, "through")) &&
        !(d->t[p].flags & TF_SENT))
        return 1;   /* a deadline; "Until Thursday, they had..." opening a sentence looks back */
    return p >= 2 && tx_word(d, p, "as") && (tx_word(d, p - 1, "early") || tx_word(d, p - 1, "soon")) &&
           tx_word(d, p - 2, "as");
}

int tx_tense(const tx_doc *d, size_t a, size_t b)
{
    if (deadline_before(d, a))
        return 1;
    /* The nearest cue wins, on either side, inside the sentence and inside the quotation: the
     * "said" after a quote is not the tense of what was said. */
    size_t l = a, r = b;
    int lstop = 0, rstop = 0;
    for (int step = 0; step < 25; step++) {
        int any = 0;
        if (!lstop && l > 0 && !(d->t[l].flags & TF_SENT)) {
            l--;
            any = 1;
            if (quote_mark(d, l))
                lstop = 1;
            else {
                int c = d->en ? cue_en(d, l) : cue_fr(d, l);
                if (c)
                    return c;
            }
        }
        if (!rstop && r < d->n && !(d->t[r].flags & TF_SENT)) {
            if (quote_mark(d, r))
                rstop = 1;
            else {
                int c = d->en ? cue_en(d, r) : cue_fr(d, r);
                if (c)
                    return c;
            }
            r++;
            any = 1;
        }
        if (!any)
            break;
    }
    return 0;
}

/* ---- the public entry point ---------------------------------------------------------- */

/* "vendredi et samedi", "Monday and Tuesday": the second weekday follows the first. */
static int weekday_pair(const tx_doc *d, const tx_match *a, const tx_match *b)
{
    return a->s.kind == X_DOW && b->s.kind == X_DOW && b->s.dir == 0 && b->a == a->b + 1 &&
           (tx_kw(d, a->b, K_ET) || tx_word(d, a->b, "ou") || tx_word(d, a->b, "or"));
}

/* The next expression names a day and only a comma (or nothing) separates it from a. */
static int day_follows(const tx_doc *d, const tx_match *a, const tx_match *b)
{
    size_t gap = b->a - a->b;
    if (gap > 1 || (gap == 1 && !(d->t[a->b].kind == TK_PUNCT && d->t[a->b].f[0] == ',')))
        return 0;
    return b->s.kind == X_DOW || (b->s.grain == G_DAY && (b->s.kind == X_REL || b->s.kind == X_ABS)) ? 1 : 0;
}

int qp_timex_find(const char *text, size_t len, const char *lang, const char *dct,
                  qp_arena *arena, qp_timex_list *out)
{
    if (!text || !lang || !arena || !out)
        return QP_EINVAL;
    out->items = NULL;
    out->count = 0;
    tx_doc d = {.text = text, .len = len};
    if (!strcmp(lang, "en"))
        d.en = 1;
    else if (strcmp(lang, "fr"))
        return QP_ELANG;
    if (len > UINT32_MAX)
        return QP_ETOOBIG;
    tx_resolver r = {0};
    if (dct) {
        if (tx_parse_date(dct, &r.dct) < 0)
            return QP_EINVAL;
        r.has_dct = 1;
        r.last_day = r.dct;
    }
    int rc = tx_tokenize(&d, arena);
    if (rc < 0)
        return rc;
    /* phase 1: the rules find expressions and emit underspecified values */
    size_t cap = 16, count = 0;
    tx_match *ms = qp_arena_alloc(arena, cap * sizeof *ms);
    if (!ms)
        return QP_ENOMEM;
    for (size_t i = 0; i < d.n;) {
        const tx_tok *t = &d.t[i];
        /* cheap gate: rules only start on classified words and numbers; English "a" only before
         * a unit or "few" (a year earlier, a few days ago) */
        if (t->kind == TK_PUNCT || (t->kind == TK_WORD && t->cls == C_NONE &&
                                    !(i + 1 < d.n && d.t[i + 1].cls == C_UNIT)) ||   /* XIXe siècle */
            (t->cls == C_KW && (t->val == K_OF || t->val == K_ET || t->val == K_Y || t->val == K_SAME ||
                                t->val == K_LOCAL || t->val == K_AGO ||
                                (t->val == K_A && !(d.en && i + 1 < d.n &&
                                                    (d.t[i + 1].cls == C_UNIT || d.t[i + 1].cls == C_NUNIT ||
                                                     (d.t[i + 1].cls == C_KW && d.t[i + 1].val == K_SEVERAL))))))) {
            i++;
            continue;
        }
        tx_match m;
        int hit = d.en ? tx_en_match(&d, i, &m) : tx_fr_match(&d, i, &m);
        if (!hit || m.b <= i) {
            i++;
            continue;
        }
        if (count == cap) {
            tx_match *nm = qp_arena_alloc(arena, 2 * cap * sizeof *nm);
            if (!nm)
                return QP_ENOMEM;
            memcpy(nm, ms, count * sizeof *nm);
            ms = nm, cap *= 2;
        }
        ms[count++] = m;
        i = m.b;
    }
    /* phase 2: the resolver anchors them, in text order so times of day find their day */
    qp_timex *items = qp_arena_calloc(arena, count ? count : 1, sizeof *items);
    if (!items)
        return QP_ENOMEM;
    for (size_t k = 0; k < count; k++) {
        /* "vers 0 h 40, jeudi": a clock time takes the day said right after it */
        int ahead = ms[k].s.kind == X_ANCHOR && k + 1 < count && day_follows(&d, &ms[k], &ms[k + 1]);
        for (size_t q = ahead ? k + 1 : k;; q = k) {
            const tx_match *m = &ms[q];
            qp_timex *x = &items[q];
            x->start = d.t[m->a].start;
            x->end = d.t[m->b - 1].end;
            int tense = 0;
            r.at = x->start;
            if (q > 0 && weekday_pair(&d, &ms[q - 1], m)) {
                tx_spec after = m->s;
                after.off = 1;   /* the first such weekday after the one before it */
                rc = tx_resolve(&r, &after, 0, arena, x);
                if (rc < 0)
                    return rc;
                if (q == k)
                    break;
                continue;
            }
            if ((m->s.kind == X_DOW && m->s.dir == 0) ||
                ((m->s.kind == X_ABS || m->s.kind == X_HOLIDAY) && m->s.y < 0 && m->s.dir == 0) ||
                (m->s.kind == X_REL && m->s.grain == G_WEEKEND && m->s.off == 0))
                tense = tx_tense(&d, m->a, m->b);
            rc = tx_resolve(&r, &m->s, tense, arena, x);
            if (rc < 0)
                return rc;
            if (q == k)
                break;
        }
        k += ahead;
    }
    out->items = items;
    out->count = count;
    return 0;
}
