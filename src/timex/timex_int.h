/* timex_int.h — what the timex tokeniser, the language rules and the resolver share (internal). */
#ifndef QP_TIMEX_INT_H
#define QP_TIMEX_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "timex.h"

/* ---- tokens ---------------------------------------------------------------------------- */

enum { TK_WORD, TK_NUM, TK_PUNCT };

/* Word classes, looked up once per token so the rules compare small integers. */
enum {
    C_NONE = 0,
    C_MONTH,    /* val 1..12 */
    C_DOW,      /* val 1 (Monday) .. 7; plural forms too (flag TF_PLURAL) */
    C_NUMW,     /* number word, val its value */
    C_ORD,      /* ordinal word, val its rank */
    C_UNIT,     /* val a U_* unit */
    C_SEASON,   /* val 1 spring .. 4 winter */
    C_KW,       /* val a K_* keyword */
    C_REF,      /* val an index into tx_refs: PRESENT_REF, PAST_REF, FUTURE_REF adverbs */
    C_QTR,      /* "third-quarter": val the quarter, 1..4 */
    C_NUNIT,    /* "two-year", "four-day": val = number * 32 + U_* unit */
    C_HOLIDAY,  /* val a HD_* code, or month * 100 + day for a holiday on a fixed day */
};

/* Holidays whose day moves from year to year (timex_holiday.c); fixed ones are month * 100 + day. */
enum { HD_EASTER = 1, HD_PENTECOST, HD_THANKSGIVING, HD_MEMORIAL, HD_LABOR, HD_ELECTION };

enum { U_SEC = 1, U_MIN, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER, U_SEMESTER,
       U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM, U_TERM5, U_TERM7 };

/* Keywords shared by both languages' rules (each language maps its own words to them). */
enum {
    K_YESTERDAY = 1, K_TOMORROW, K_TODAY, K_BEFORE_YESTERDAY, K_AFTER_TOMORROW, K_TONIGHT,
    K_LAST,     /* dernier, passé, last, past, previous */
    K_NEXT,     /* prochain, next, coming */
    K_THIS,     /* ce, cet, cette, this */
    K_THE,      /* le, la, l, les, the */
    K_MORNING, K_EVENING, K_NIGHT, K_AFTERNOON, K_NOON, K_MIDNIGHT, K_DAYTIME,
    K_H,        /* h, heures as a clock mark */
    K_ABOUT,    /* vers, environ, about, around */
    K_START, K_MID, K_END, K_MIDDLE,
    K_EACH,     /* chaque, each, every */
    K_ALL,      /* tous, toutes */
    K_SEVERAL,  /* plusieurs, quelques, several, a few, des */
    K_IL, K_Y, K_A, K_IN, K_SINCE, K_FOR, K_OF, K_AGO, K_SAME, K_EVE, K_NEXTDAY, K_ET,
    K_CENTURY_WORD, K_YEARS_PL, K_AT, K_CI, K_COURANT, K_EARLY, K_LATE, K_EARLIER,
    K_HALF, K_QUARTER_OF, K_DERNIERS, K_CES, K_YEAR_WORD, K_AM, K_PM, K_MOREMORE,
    K_LOCAL, K_TO, K_OCLOCK, K_THOSE, K_PER,
    K_FISCAL,   /* fiscal: a company's year or quarter, written like the calendar's */
    K_LATEST,   /* latest, most recent: the period the text reports on */
    K_YEARAGO,  /* year-earlier, year-ago: the same period one year before */
    K_THAT,     /* that (day, year): the period the narrative is at */
    K_FOLLOWING,/* following, subsequent: after the narrative's period */
};

#define TF_PLURAL 1u   /* the word is a plural (lundis, days) */
#define TF_CAP 2u      /* starts with a capital letter */
#define TF_GLUED 4u    /* no space between this token and the previous one */
#define TF_SENT 8u     /* a sentence or paragraph starts before this token */
#define TF_ACCENT 16u  /* the raw word has non-ASCII letters ("à" versus "a") */
#define TF_MI 32u      /* "mi-octobre": the middle of what the rest of the word names */

typedef struct tx_tok {
    uint32_t start, end;  /* bytes in the text */
    uint8_t kind, cls, flags, flen;
    int32_t val;          /* class value, or the number of a TK_NUM (-1 when too long) */
    char f[24];           /* folded form (lower case, no accents), "" when too long */
} tx_tok;

/* ---- underspecified values the rules emit and the resolver anchors ------------------- */

enum { G_NONE, G_DAY, G_WEEK, G_WEEKEND, G_MONTH, G_QUARTER, G_HALF, G_SEASON, G_YEAR,
       G_DECADE, G_CENTURY };

enum {
    X_ABS,      /* y m d given by grain; y < 0: the year is the document's (dir/tense pick;
                 * dir 2: off years from it, "February this year") */
    X_REL,      /* off units of grain from the document date */
    X_DOW,      /* weekday d (1..7), dir -1 last, +1 next, 0 by tense; off 1: the first one
                 * after the day the text last named ("vendredi et samedi") */
    X_LIT,      /* lit is the value (durations, sets, PRESENT_REF…) */
    X_ANCHOR,   /* a time of day on the day the text last spoke of (or the document date);
                 * y 1: at the time of day it last gave ("à ce moment-là") */
    X_SHIFT,    /* off units of grain from the narrative's reference time ("a year earlier",
                 * "the next day", "that year"); dir 1 keeps the reference's own grain when it is
                 * finer (a quarter a year earlier is that quarter of the year before); y 1 for
                 * "ago", which counts from the document date unless the reference is a quarter */
    X_HOLIDAY,  /* holiday m (a HD_* code or month * 100 + day) of year y (y < 0: picked as a
                 * date without its year is; dir -1 last, +1 next) */
    X_QREF,     /* the quarter the text speaks of, moved by off quarters ("the quarter", "the
                 * year-earlier quarter"); y 1: the document date's quarter ("the current quarter"),
                 * y 2: the last one finished by then ("the latest quarter"); d > 0: in year d */
};

typedef struct tx_spec {
    uint8_t kind, grain, type;
    int8_t dir;
    int y, m, d, off;
    char tod[8];    /* time of day: "NI", "MO", "15:30" ("" none) */
    char lit[24];
} tx_spec;

typedef struct tx_match {
    size_t a, b;    /* token range [a, b) */
    tx_spec s;
} tx_match;

typedef struct tx_doc {
    const char *text;
    size_t len;
    tx_tok *t;
    size_t n;
    int en;         /* 1 English, 0 French */
} tx_doc;

/* Tokenises and classifies; tokens in arena. Returns 0 or QP_ENOMEM. */
int tx_tokenize(tx_doc *d, qp_arena *arena);

/* Language rules: fill m and return 1 when an expression starts at token i, else 0. */
int tx_fr_match(const tx_doc *d, size_t i, tx_match *m);
int tx_en_match(const tx_doc *d, size_t i, tx_match *m);

/* A word list, hashed on first use (timex.c). */
typedef struct tx_entry {
    const char *w;
    uint8_t cls, flags;
    int16_t val;
} tx_entry;

/* Fills table (slots entries, a power of two, zeroed) with the n entries; once per list. */
void tx_lex_build(const tx_entry *e, size_t n, uint16_t *table, size_t slots);
/* Finds a folded word; returns its class and sets val and flags, 0 when absent. */
int tx_lex_find(const tx_entry *e, const uint16_t *table, size_t slots, const char *f, size_t len,
                int *val, unsigned *flags);

/* Word classes of each language: cls and val for a folded word, 0 when unknown. */
int tx_fr_class(const char *f, size_t n, int *val, unsigned *flags);
int tx_en_class(const char *f, size_t n, int *val, unsigned *flags);

/* French pattern pieces (timex_fr_lex.c): each returns 0 when absent. */
int tx_fr_at(const tx_doc *d, size_t i);                      /* "à", not the verb "a" */
size_t tx_fr_det(const tx_doc *d, size_t i);                  /* after le, la, les, l' (else i) */
size_t tx_fr_of(const tx_doc *d, size_t i);                   /* after de, du, d', des (else i) */
int tx_fr_year_after_month(const tx_doc *d, size_t i, int *y); /* 2017, or 98 after a month */
int tx_fr_day(const tx_doc *d, size_t i, int *day, size_t *next); /* 3, 03, 1er, premier */
int tx_fr_last_next(const tx_doc *d, size_t i);               /* -1 dernier, +1 prochain */
const char *tx_fr_part_of_day(const tx_doc *d, size_t i);     /* "MO", "EV", "AF", "NI" */
int tx_fr_clock(const tx_doc *d, size_t i, size_t *next, char tod[8], int need_cue); /* "21 h 45" */
int tx_fr_clock_cue(const tx_doc *d, size_t i);               /* à, vers, dès… before a clock */

/* English pieces (timex_en_lex.c): -1 last/previous, +1 next/coming, else 0. */
int tx_en_last_next(const tx_doc *d, size_t i);
/* English expressions of reports (timex_en_narrative.c): fiscal quarters, "a year earlier",
 * "the following year"; the end of the match, 0 when none. */
size_t tx_en_narrative(const tx_doc *d, size_t i, tx_spec *s);

/* Holidays (timex_holiday.c): the rules of each language, and the month and day of holiday
 * `code` in year y (1, or 0 for an unknown code). */
size_t tx_en_holiday(const tx_doc *d, size_t i, tx_spec *s);
size_t tx_fr_holiday(const tx_doc *d, size_t i, tx_spec *s);
int tx_holiday_date(int code, int y, int *m, int *d);

/* French expressions counted from the narrative (timex_fr_narrative.c): la veille, le
 * lendemain, l'année suivante, deux jours plus tard; the end of the match, 0 when none. */
size_t tx_fr_narrative(const tx_doc *d, size_t i, tx_spec *s);

/* Tense of the sentence around tokens [a, b): -1 past, +1 future, 0 unknown. */
int tx_tense(const tx_doc *d, size_t a, size_t b);

/* ---- helpers the rules share (timex.c) ---- */
/* token i is a word of class cls and value val (val < 0: any) */
static inline int tx_is(const tx_doc *d, size_t i, int cls, int val)
{
    return i < d->n && d->t[i].cls == cls && d->t[i].kind == TK_WORD && (val < 0 || d->t[i].val == val);
}

/* token i is keyword k */
static inline int tx_kw(const tx_doc *d, size_t i, int k)
{
    return tx_is(d, i, C_KW, k);
}

/* token i's folded form is w; the first byte is compared inline, rules ask this a lot */
static inline int tx_word(const tx_doc *d, size_t i, const char *w)
{
    return i < d->n && d->t[i].f[0] == w[0] && d->t[i].kind == TK_WORD && !strcmp(d->t[i].f, w);
}

/* token i is an apostrophe (' or ’) */
static inline int tx_apos(const tx_doc *d, size_t i)
{
    return i < d->n && d->t[i].kind == TK_PUNCT && d->t[i].f[0] == '\'';
}
int tx_number(const tx_doc *d, size_t i, size_t *next, double *v, int *approx);
void tx_lit(tx_spec *s, int type, const char *lit);
void tx_abs(tx_spec *s, int g, int y, int m, int day);   /* a date; y < 0 when unsaid */
void tx_rel(tx_spec *s, int g, int off);                  /* off grains from the dct */
void tx_set_tod(tx_spec *s, const char *tod);             /* makes it a TIME of that part of day */
int tx_year4(const tx_doc *d, size_t i, int *y);         /* a four-digit year at i */
int tx_unit_grain(int unit);                              /* U_WEEK → G_WEEK; G_NONE */
int tx_roman(const char *f, size_t n);                    /* "xix" → 19; -1 when not roman */
int tx_duration_lit(tx_spec *s, double n, int unit, int approx);

/* ---- resolution (timex_resolve.c) ---- */
/* How far (bytes) "la veille", "le lendemain" reach back to the last day the text named: a few
 * sentences; past that, a daily report counts them from its own date. */
#define TX_ANCHOR_REACH 600

/* A resolved date as the resolver remembers it: grain and y, m (the month, or the quarter,
 * half or season for those grains), d; a week is kept as its Monday. */
typedef struct tx_point {
    int grain, y, m, d;
} tx_point;

typedef struct tx_resolver {
    int has_dct;
    int32_t dct;        /* days since 1970-01-01 */
    int32_t last_day;   /* the last day the text spoke of, for times of day; dct at start */
    int has_last;
    size_t at;          /* byte offset of the expression being resolved */
    size_t last_at;     /* where last_day was said */
    char last_tod[8];   /* the last time of day the text gave ("15:30"), for "à ce moment-là" */
    tx_point ref;       /* the narrative's reference time: the last date the text resolved */
    int has_ref;
    tx_point quarter;   /* the last quarter the text spoke of, for "the quarter" */
    int has_quarter;
} tx_resolver;

int tx_days_from_civil(int y, int m, int d);
void tx_civil_from_days(int32_t z, int *y, int *m, int *d);
int tx_parse_date(const char *s, int32_t *days);
/* 1 when day d exists in month m of year y (y <= 0: of some year, so 29 February is fine). */
int tx_valid_day(int y, int m, int d);
/* Resolves one spec into out's value, interval and grain. tense is tx_tense's answer. */
int tx_resolve(tx_resolver *r, const tx_spec *s, int tense, qp_arena *arena, qp_timex *out);

#endif
