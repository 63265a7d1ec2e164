/* sentence.c — a boundary scanner with abbreviation lists for French and English. */
#include "sentence.h"
#include "qp.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Abbreviations that end with a period inside a sentence, lower case, without the period. */
static const char *const abbrev_common[] = {
    "dr", "pr", "mme", "mmes", "mlle", "gen", "gén", "gal", "col", "cdt", "lt", "lieut", "cpt",
    "capt", "sgt", "adm", "st", "ste", "av", "apr", "env", "etc", "cf", "p", "pp", "n°",
    "mr", "mrs", "ms", "prof", "rev", "jr", "sr", "maj", "brig", "cmdr", "cpl", "pres", "amb",
    "pvt", "fig", "jan", "feb", "fév", "févr", "apr", "avr", "jun", "jul", "juil", "aug",
    "oct", "nov", "déc", "janv", "vs", "inc", "ltd", "corp", "dept", "approx",
    "tél", "tel", "al", "ibid", "chap", "éd", "mgr",
    "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "j.-c", "ap. j.-c", "av. j.-c", "st-",
};

/* Abbreviations that are also ordinary words when written in lower case ("me", "no", "sept",
 * "est", "min", "m" for metres): abbreviations only with a capital ("Me Dupont", "No. 10"). */
static const char *const abbrev_capitalised[] = {
    "m", "mm", "me", "no", "art", "sept", "sep", "est", "min", "max", "vol", "co", "rep", "sen",
    "gov", "ex", "op", "mar", "dec", "ed",
};

static int is_abbrev(const char *word, size_t n)
{
    char low[16];
    if (n == 0 || n >= sizeof low)
        return 0;
    /* a single capital letter is an initial: "George W. Bush", "A. Merkel" */
    if (n == 1 && isupper((unsigned char)word[0]))
        return 1;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)word[i]);
    low[n] = '\0';
    for (size_t i = 0; i < QP_ARRAY_LEN(abbrev_common); i++)
        if (!strcmp(low, abbrev_common[i]))
            return 1;
    if (isupper((unsigned char)word[0]))
        for (size_t i = 0; i < QP_ARRAY_LEN(abbrev_capitalised); i++)
            if (!strcmp(low, abbrev_capitalised[i]))
                return 1;
    /* dotted acronyms: "U.S", "É.-U" */
    int dots = 0;
    for (size_t i = 0; i < n; i++)
        dots += word[i] == '.';
    return dots >= 1 && n <= 6;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Starts like a new sentence: a capital (ASCII or any non-ASCII letter, which in these
 * languages is an accented capital far more often than not at this position), a digit, or
 * an opening quote or dash. */
static int starts_sentence(const char *p, const char *end)
{
    if (p >= end)
        return 0;
    unsigned char c = (unsigned char)*p;
    if (isupper(c) || isdigit(c) || c == '"' || c == '(' || c == '-' || c == '\'')
        return 1;
    if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0xAB)
        return 1; /* « */
    if (c == 0xE2 && p + 2 < end && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x94 || (unsigned char)p[2] == 0x93))
        return 1; /* — – */
    if (c == 0xC3 && p + 1 < end && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9E)
        return 1; /* À-Þ */
    return 0;
}

static int is_closer(const char *p, const char *end, size_t *n)
{
    if (p >= end)
        return 0;
    if (*p == '"' || *p == ')' || *p == '\'' || *p == ']') {
        *n = 1;
        return 1;
    }
    if ((unsigned char)p[0] == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0xBB) {
        *n = 2; /* » */
        return 1;
    }
    return 0;
}

/* A line [a, b) as long as the lines of a text wrapped at a fixed width. */
static int wrap_width(size_t a, size_t b)
{
    return b > a && b - a >= 50 && b - a <= 90;
}

/* Whether the line break at nl continues the sentence of a hard-wrapped paragraph: the line
 * does not end on final punctuation and the next line starts with a lower-case letter
 * ("The operation\nto free Manbij is part of…"), or is one of a run of lines of the wrapping
 * width. Headlines and datelines are followed by a capital, so they still stand alone. */
static int wraps_on(const char *text, size_t line_start, size_t nl, size_t len)
{
    size_t e = nl;
    while (e > line_start && (is_space(text[e - 1]) || text[e - 1] == '"' || text[e - 1] == ')'))
        e--;
    while (e >= line_start + 2 && (unsigned char)text[e - 2] == 0xC2 && (unsigned char)text[e - 1] == 0xBB) {
        e -= 2; /* » */
        while (e > line_start && is_space(text[e - 1]))
            e--;
    }
    if (e == line_start)
        return 0;
    char last = text[e - 1];
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || (unsigned char)last == 0xA6)
        return 0; /* 0xA6 ends "…" */
    size_t n = nl + 1;
    while (n < len && is_space(text[n]))
        n++;
    if (n >= len)
        return 0;
    unsigned char c = (unsigned char)text[n];
    if (islower(c))
        return 1;
    /* à-ÿ: the lower-case Latin-1 letters, two bytes in UTF-8 */
    if (c == 0xC3 && n + 1 < len && (unsigned char)text[n + 1] >= 0xA0)
        return 1;
    /* a release hard-wrapped at a fixed width: a run of three lines of that width
     * ("congratulated Prime Minister\nHaider al-Abadi and …\nfrom the grip of …"); a
     * headline over a subtitle or a paragraph is not */
    if (!isalnum((unsigned char)last) && last != ',' && (unsigned char)last < 0x80)
        return 0;
    size_t ls = nl, ne = nl + 1, ne2;
    while (ls > 0 && text[ls - 1] != '\n')
        ls--;
    while (ne < len && text[ne] != '\n')
        ne++;
    ne2 = ne + 1;
    while (ne2 < len && text[ne2] != '\n')
        ne2++;
    size_t lp = ls > 0 ? ls - 1 : 0;
    while (lp > 0 && text[lp - 1] != '\n')
        lp--;
    int here = wrap_width(ls, nl), next = ne < len && wrap_width(nl + 1, ne);
    int before = ls > 0 && wrap_width(lp, ls - 1), after = ne < len && wrap_width(ne + 1, ne2);
    return here && next && (before || after);
}

/* Scraped text sometimes loses the space after a sentence: "ne convainquent plus.S'il a
 * été…", "évidence ?De". A boundary all the same when a lower-case word of three letters or
 * more ends at the punctuation (p) and a capital follows it right away (at k). */
static int glued_boundary(const char *text, size_t start, size_t p, size_t k, size_t len)
{
    unsigned char c = (unsigned char)text[k];
    if (!isupper(c) && !(c == 0xC3 && k + 1 < len && (unsigned char)text[k + 1] >= 0x80 &&
                         (unsigned char)text[k + 1] <= 0x9E))
        return 0;
    size_t lower = 0, w = p;
    if (text[p] != '.' && w > start && text[w - 1] == ' ')
        w--; /* French spacing: "tard ?De" */
    while (w > start && p - w < 64 && !is_space(text[w - 1])) { /* bounded, as above */
        unsigned char b = (unsigned char)text[w - 1];
        if (b >= 'a' && b <= 'z')
            lower++;
        else if (b < 0x80)
            return 0; /* a capital, a digit, a dot or an apostrophe: "U.S", "lemonde", "l'EI" */
        w--;
    }
    return lower >= 3;
}

typedef struct {
    qp_span *items;
    size_t n, cap;
    qp_arena *arena;
} span_list;

static int push(span_list *l, const char *text, size_t s, size_t e)
{
    while (s < e && (is_space(text[s]) || text[s] == '\n'))
        s++;
    while (e > s && (is_space(text[e - 1]) || text[e - 1] == '\n'))
        e--;
    if (e <= s)
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        qp_span *n = qp_arena_alloc(l->arena, cap * sizeof *n);
        if (!n)
            return QP_ENOMEM;
        if (l->n)
            memcpy(n, l->items, l->n * sizeof *n);
        l->items = n;
        l->cap = cap;
    }
    l->items[l->n++] = (qp_span){s, e};
    return 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Pushes [s, e) cut into pieces of at most QP_SENTENCE_MAX_WORDS words. The extractor's work on
 * a sentence grows with the square of its words: text without sentence punctuation (a list, a
 * table, scraped markup, 2.8 MB on one line) made one sentence of a whole article and took
 * minutes. A piece ends after the last ';', ':' or ',' of its second half when there is one
 * (a clause boundary), else at a word boundary. */
static int push_bounded(span_list *l, const char *text, size_t s, size_t e)
{
    while (s < e) {
        size_t words = 0, i = s, cut = e, soft = 0, half = 0;
        while (i < e) {
            while (i < e && is_blank(text[i]))
                i++;
            if (i >= e)
                break;
            if (words == QP_SENTENCE_MAX_WORDS) {
                cut = soft ? soft : i;
                break;
            }
            words++;
            if (words == QP_SENTENCE_MAX_WORDS / 2)
                half = 1;
            while (i < e && !is_blank(text[i]))
                i++;
            char last = text[i - 1];
            if (half && (last == ';' || last == ':' || last == ','))
                soft = i;
        }
        int r = push(l, text, s, cut);
        if (r)
            return r;
        s = cut;
    }
    return 0;
}

int qp_sentences_split(const char *text, size_t len, const char *lang, qp_arena *arena, qp_span **out,
                       size_t *count)
{
    span_list l = {.arena = arena};
    size_t start = 0;
    const char *end = text + len;
    int r = 0;
    (void)lang; /* the abbreviation list serves both languages */
    for (size_t i = 0; i < len && !r; i++) {
        char c = text[i];
        if (c == '\n') {
            if (wraps_on(text, start, i, len))
                continue;
            r = push_bounded(&l, text, start, i);
            start = i + 1;
            continue;
        }
        int ellipsis = (unsigned char)c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
                       (unsigned char)text[i + 2] == 0xA6;
        if (c != '.' && c != '!' && c != '?' && !ellipsis)
            continue;
        size_t j = i + (ellipsis ? 3 : 1);
        while (j < len && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
            j++;
        if (c == '.' && j == i + 1) {
            /* the word before: an abbreviation, or a number ("5.000", "3.")? */
            /* no abbreviation is longer than a few letters: a look back of 32 bytes keeps a
             * megabyte without spaces ("a.a.a.…") from being scanned once per period */
            size_t w = i;
            while (w > start && i - w < 32 && !is_space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"')
                w--;
            if (is_abbrev(text + w, i - w))
                continue;
            if (i + 1 < len && isdigit((unsigned char)text[i + 1]))
                continue;
        }
        size_t k = j, cn;
        /* `. »`, `."`: the closing quote belongs to the sentence that ends */
        size_t probe = k;
        while (probe < len && is_space(text[probe]))
            probe++;
        if (is_closer(text + probe, end, &cn) && (probe == k || text[probe] != '\'')) {
            /* a French closing guillemet may follow a space; an ASCII quote must be glued */
            if (probe == k || (unsigned char)text[probe] == 0xC2) {
                k = probe + cn;
                while (is_closer(text + k, end, &cn))
                    k += cn;
            }
        }
        if (k < len && !is_space(text[k]) && text[k] != '\n' && !glued_boundary(text, start, i, k, len))
            continue; /* "3.5", "U.S.A", "site.fr" */
        size_t n = k;
        while (n < len && is_space(text[n]))
            n++;
        if (n >= len || text[n] == '\n' || starts_sentence(text + n, end)) {
            r = push_bounded(&l, text, start, k);
            start = k;
            i = k - 1;
        }
    }
    if (!r)
        r = push_bounded(&l, text, start, len);
    *out = l.items;
    *count = l.n;
    return r;
}
