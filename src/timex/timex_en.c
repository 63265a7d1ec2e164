/* timex_en.c — English time expression rules, TempEval-3 span conventions (determiners and
 * "ago" inside the span, on/in/for/since outside). */
#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

/* ---- pattern pieces ------------------------------------------------------------------ */

static int cap(const tx_doc *d, size_t i)
{
    return i < d->n && (d->t[i].flags & TF_CAP);
}

/* A month name: English capitalises them, which keeps "may" and "march" verbs out. */
static int month(const tx_doc *d, size_t i)
{
    return tx_is(d, i, C_MONTH, -1) && cap(d, i) && !(d->t[i].flags & TF_MI) ? d->t[i].val : 0;
}

/* The index after "Nov." when i is an abbreviated month followed by its dot. */
static size_t after_month(const tx_doc *d, size_t i)
{
    if (i + 1 < d->n && d->t[i].flen <= 4 && d->t[i + 1].kind == TK_PUNCT && d->t[i + 1].f[0] == '.' &&
        (d->t[i + 1].flags & TF_GLUED) && strcmp(d->t[i].f, "june") && strcmp(d->t[i].f, "july") &&
        strcmp(d->t[i].f, "may"))
        return i + 2;
    return i + 1;
}

/* 3, 3rd, third → day; sets next */
static int day_num(const tx_doc *d, size_t i, int *day, size_t *next)
{
    if (tx_is(d, i, C_ORD, -1) && d->t[i].val <= 31) {
        *day = d->t[i].val, *next = i + 1;
        return 1;
    }
    if (i >= d->n || d->t[i].kind != TK_NUM || d->t[i].flen > 2 || d->t[i].val < 1 || d->t[i].val > 31)
        return 0;
    *day = d->t[i].val, *next = i + 1;
    if (i + 1 < d->n && (d->t[i + 1].flags & TF_GLUED) &&
        (tx_word(d, i + 1, "st") || tx_word(d, i + 1, "nd") || tx_word(d, i + 1, "rd") || tx_word(d, i + 1, "th")))
        *next = i + 2;
    return 1;
}


static const char *part_of_day(const tx_doc *d, size_t i)
{
    if (tx_kw(d, i, K_MORNING)) return "MO";
    if (tx_kw(d, i, K_EVENING)) return "EV";
    if (tx_kw(d, i, K_AFTERNOON)) return "AF";
    if (tx_kw(d, i, K_NIGHT)) return "NI";
    return NULL;
}

static int comma(const tx_doc *d, size_t i)
{
    return i < d->n && d->t[i].kind == TK_PUNCT && d->t[i].f[0] == ',';
}

/* ---- rules --------------------------------------------------------------------------- */

/* [Tuesday,] November 3[rd][, 2017]; [the] 3[rd] [of] November [2017] */
static size_t r_date(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    int dow = 0, day, m, y;
    if (tx_is(d, j, C_DOW, -1) && !(d->t[j].flags & TF_PLURAL)) {
        dow = d->t[j].val;
        j++;
        if (comma(d, j))
            j++;
    }
    if ((m = month(d, j)) != 0) {
        k = after_month(d, j);
        if (!day_num(d, k, &day, &k))
            return 0;
        if (comma(d, k) && tx_year4(d, k + 1, &y))
            k += 2;
        else if (tx_year4(d, k, &y))
            k += 1;
        else
            y = -1;
    } else {
        if (tx_kw(d, j, K_THE))
            j++;
        if (!day_num(d, j, &day, &k))
            return 0;
        if (tx_kw(d, k, K_OF))
            k++;
        if ((m = month(d, k)) == 0)
            return 0;
        k = after_month(d, k);
        if (tx_year4(d, k, &y))
            k++;
        else
            y = -1;
    }
    if (!tx_valid_day(y, m, day))
        return 0;
    tx_abs(s, G_DAY, y, m, day);
    if (y < 0)
        s->off = dow;
    return k;
}

/* A year at i: 1996, or said as broadcasts transcribe it, "nineteen ninety-six"; returns the
 * index after it, 0 when there is none. */
static size_t year_at(const tx_doc *d, size_t i, int *y)
{
    if (tx_year4(d, i, y))
        return i + 1;
    if (tx_is(d, i, C_NUMW, -1) && (d->t[i].val == 19 || d->t[i].val == 20) && tx_is(d, i + 1, C_NUMW, -1) &&
        d->t[i + 1].val >= 10 && d->t[i + 1].val < 100) {
        *y = d->t[i].val * 100 + d->t[i + 1].val;
        return i + 2;
    }
    return 0;
}

/* mid-November, one word: the month (TimeBank gives the middle of a month the month's value) */
static size_t r_mid_month(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_is(d, i, C_MONTH, -1) || !(d->t[i].flags & TF_MI))
        return 0;
    int y;
    size_t e = year_at(d, i + 1, &y);
    tx_abs(s, G_MONTH, e ? y : -1, d->t[i].val, 0);
    return e ? e : i + 1;
}

/* "this year", "last year", "next year" after a month: *off years from the document's */
static size_t year_rel(const tx_doc *d, size_t i, int *off)
{
    int dir = tx_en_last_next(d, i);
    if (!(dir || tx_kw(d, i, K_THIS)) || !tx_is(d, i + 1, C_UNIT, U_YEAR) || (d->t[i + 1].flags & TF_PLURAL))
        return 0;
    *off = dir;
    return i + 2;
}

/* [last|next|this] November [2017]; November of 2017; February this year */
static size_t r_month(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = i, e;
    int dir = tx_en_last_next(d, j), y, m, yoff;
    if (dir || tx_kw(d, j, K_THIS))
        j++;
    if ((m = month(d, j)) == 0)
        return 0;
    /* "May" alone at a sentence start is more often the verb */
    if (j == i && !after_mod && m == 5 && (d->t[j].flags & TF_SENT))
        return 0;
    size_t k = after_month(d, j);
    if ((e = year_at(d, k, &y)) || (comma(d, k) && (e = year_at(d, k + 1, &y))) ||
        (tx_kw(d, k, K_OF) && (e = year_at(d, k + 1, &y)))) {
        tx_abs(s, G_MONTH, y, m, 0);
        return e;
    }
    if (j == i && (e = year_rel(d, k, &yoff))) {
        tx_abs(s, G_MONTH, -1, m, 0);
        s->dir = 2, s->off = yoff;
        return e;
    }
    /* "Jan Kavan", "the March of the Mothers", "the March for Life": a name, not a month */
    if (k == j + 1 && j == i && (cap(d, k) || tx_kw(d, k, K_OF) || tx_word(d, k, "for")))
        return 0;
    /* "the Mar'a line": a short form without its dot names a month only with a day or a year */
    if (k == j + 1 && d->t[j].flen <= 4 && strcmp(d->t[j].f, "may") && strcmp(d->t[j].f, "june") &&
        strcmp(d->t[j].f, "july"))
        return 0;
    tx_abs(s, G_MONTH, -1, m, 0);
    s->dir = (int8_t)dir;
    return k;
}

static int counts_things(const tx_doc *d, size_t i)
{
    if (i >= d->n || d->t[i].kind != TK_WORD || (d->t[i].flags & TF_CAP) || d->t[i].cls != C_NONE)
        return 0;
    const tx_tok *t = &d->t[i];
    static const char *const fn[] = {"was", "has", "is", "as", "its", "this", "his", "us", "thus", "plus"};
    if (!strcmp(t->f, "people") || !strcmp(t->f, "men") || !strcmp(t->f, "women") || !strcmp(t->f, "children"))
        return 1;
    if (t->flen < 3 || t->f[t->flen - 1] != 's')
        return 0;
    for (size_t k = 0; k < QP_ARRAY_LEN(fn); k++)
        if (!strcmp(t->f, fn[k]))
            return 0;
    return 1;
}

/* 2014; the year 2014 */
static size_t r_year(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = i, e;
    int y, intro = 0;
    double n;
    int approx;
    if (tx_kw(d, j, K_THE) && tx_word(d, j + 1, "year")) {
        if (tx_is(d, j + 2, C_NUMW, -1) && tx_number(d, j + 2, &e, &n, &approx) && n >= 1000 && n < 2200 &&
            n == (int)n) {   /* the year two thousand */
            tx_abs(s, G_YEAR, (int)n, 0, 0);
            return e;
        }
        if (tx_year4(d, j + 2, &y) || year_at(d, j + 2, &y))
            j += 2, intro = 1;
    }
    if (tx_kw(d, j, K_FISCAL) && (tx_year4(d, j + 1, &y) || year_at(d, j + 1, &y)))
        j++, intro = 1;   /* fiscal 1989 */
    size_t spelled = tx_year4(d, j, &y) ? 0 : year_at(d, j, &y);
    if (spelled) {   /* "in nineteen ninety-six", "a nineteen ninety-seven attack" */
        if (!intro && counts_things(d, spelled))
            return 0;
        tx_abs(s, G_YEAR, y, 0, 0);
        return spelled;
    }
    if (!tx_year4(d, j, &y))
        return 0;
    if (!intro && !after_mod) {
        int cue = j > 0 && (tx_kw(d, j - 1, K_IN) || tx_kw(d, j - 1, K_SINCE) || tx_word(d, j - 1, "until") ||
                            tx_word(d, j - 1, "of") || tx_word(d, j - 1, "by"));
        if (y < 1900 && !cue)
            return 0;
        if (counts_things(d, j + 1) || tx_is(d, j + 1, C_UNIT, -1))
            return 0;
        if (j + 1 < d->n && (d->t[j + 1].flags & TF_GLUED) && tx_word(d, j + 1, "s"))
            return 0;   /* 1990s */
        if (j > 0 && d->t[j - 1].kind == TK_PUNCT && (d->t[j].flags & TF_GLUED) &&
            (d->t[j - 1].f[0] == '$' || d->t[j - 1].f[0] == '.' || d->t[j - 1].f[0] == ','))
            return 0;
    }
    tx_abs(s, G_YEAR, y, 0, 0);
    return j + 1;
}

/* [the] 1990s, the '90s */
static size_t r_decade(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    if (tx_kw(d, j, K_THE))
        j++;
    static const char *const decades[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                          "eighties", "nineties"};
    for (size_t k = 0; j > i && k < QP_ARRAY_LEN(decades); k++)
        if (tx_word(d, j, decades[k])) {   /* the nineties: of the century the document is in */
            tx_abs(s, G_DECADE, 1920 + 10 * (int)k, 0, 0);
            return j + 1;
        }
    if (j < d->n && tx_apos(d, j))
        j++;
    if (j + 1 >= d->n || d->t[j].kind != TK_NUM || (d->t[j].flen != 4 && d->t[j].flen != 2) ||
        d->t[j].val % 10 || !(d->t[j + 1].flags & TF_GLUED) || !tx_word(d, j + 1, "s"))
        return 0;
    int v = d->t[j].val;
    tx_abs(s, G_DECADE, v < 100 ? 1900 + v : v, 0, 0);
    return j + 2;
}

/* [the] 19th|nineteenth century → 18 */
static size_t r_century(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    int c;
    if (tx_kw(d, j, K_THE))
        j++;
    if (!day_num(d, j, &c, &k))
        return 0;
    if (!tx_is(d, k, C_UNIT, U_CENTURY) || (d->t[k].flags & TF_PLURAL) || c < 1 || c > 30)
        return 0;
    tx_abs(s, G_CENTURY, (c - 1) * 100, 0, 0);
    return k + 1;
}

/* yesterday [morning], today, tomorrow, tonight, last night */
static size_t r_relday(const tx_doc *d, size_t i, tx_spec *s)
{
    if (tx_kw(d, i, K_TONIGHT)) {
        tx_rel(s, G_DAY, 0);
        tx_set_tod(s, "NI");
        return i + 1;
    }
    if (tx_word(d, i, "last") && tx_kw(d, i + 1, K_NIGHT)) {
        tx_rel(s, G_DAY, -1);
        tx_set_tod(s, "NI");
        return i + 2;
    }
    if (tx_kw(d, i, K_THIS) && part_of_day(d, i + 1)) {
        tx_rel(s, G_DAY, 0);
        tx_set_tod(s, part_of_day(d, i + 1));
        return i + 2;
    }
    int off;
    if (tx_kw(d, i, K_YESTERDAY))
        off = -1;
    else if (tx_kw(d, i, K_TOMORROW))
        off = 1;
    else if (tx_kw(d, i, K_TODAY))
        off = 0;
    else
        return 0;
    tx_rel(s, G_DAY, off);
    const char *pod = part_of_day(d, i + 1);
    if (pod) {
        tx_set_tod(s, pod);
        return i + 2;
    }
    return i + 1;
}

/* [last|next|this] Tuesday [morning]; Tuesdays → every Tuesday */
static size_t r_dow(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    int dir = tx_en_last_next(d, j);
    if (dir || tx_kw(d, j, K_THIS))
        j++;
    if (!tx_is(d, j, C_DOW, -1))
        return 0;
    if (d->t[j].flags & TF_PLURAL) {
        char v[16];
        snprintf(v, sizeof v, "XXXX-WXX-%d", d->t[j].val);
        tx_lit(s, QP_TIMEX_SET, v);
        return j + 1;
    }
    memset(s, 0, sizeof *s);
    s->kind = X_DOW;
    s->type = QP_TIMEX_DATE;
    s->grain = G_DAY;
    s->d = d->t[j].val;
    s->dir = (int8_t)dir;
    j++;
    const char *pod = part_of_day(d, j);
    if (pod) {
        tx_set_tod(s, pod);
        j++;
    }
    return j;
}

/* this week, last month, next year, earlier this month, later this year */
static size_t r_unitrel(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = i;
    if (tx_kw(d, j, K_EARLIER))
        j++;
    int off;
    if (tx_kw(d, j, K_THE) && tx_is(d, j + 1, C_UNIT, U_WEEKEND) && !(d->t[j + 1].flags & TF_PLURAL)) {
        tx_rel(s, G_WEEKEND, 0);   /* "the weekend": the nearest, the tense says which side */
        return j + 2;
    }
    if (tx_kw(d, j, K_THIS))
        off = 0;
    else if (tx_kw(d, j, K_THE) && tx_word(d, j + 1, "current") &&
             (tx_is(d, j + 2, C_UNIT, -1) || (tx_kw(d, j + 2, K_FISCAL) && tx_is(d, j + 3, C_UNIT, -1))))
        j += 1 + tx_kw(d, j + 2, K_FISCAL), off = 0;   /* the current (fiscal) year */
    else if ((off = tx_en_last_next(d, j)) == 0) {
        if (!(after_mod && tx_kw(d, j, K_THE)))
            return 0;
    }
    j++;
    if (!tx_is(d, j, C_UNIT, -1) || (d->t[j].flags & TF_PLURAL))
        return 0;
    int g = tx_unit_grain(d->t[j].val);
    if (g == G_NONE || g == G_DAY)
        return 0;
    if (j > i + 1 && !tx_kw(d, i, K_EARLIER) && tx_kw(d, j - 1, K_THE))
        off = 0;
    tx_rel(s, g, off);
    return j + 1;
}

/* two days ago, a week ago */
static size_t r_ago(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t k;
    double n;
    int approx = 0;
    if ((tx_kw(d, i, K_A) && tx_is(d, i + 1, C_KW, K_SEVERAL)) || tx_kw(d, i, K_SEVERAL)) {
        k = i + 1 + tx_kw(d, i, K_A);   /* a few days ago: some time before */
        if (!tx_is(d, k, C_UNIT, -1) || !tx_kw(d, k + 1, K_AGO))
            return 0;
        tx_lit(s, QP_TIMEX_DATE, "PAST_REF");
        return k + 2;
    }
    size_t j = i + tx_kw(d, i, K_ABOUT);   /* nearly four years ago */
    if (tx_kw(d, j, K_A))
        n = 1, k = j + 1;
    else if (!tx_number(d, j, &k, &n, &approx))
        return 0;
    if (!tx_is(d, k, C_UNIT, -1) || !tx_kw(d, k + 1, K_AGO))
        return 0;
    int off = (int)n;
    switch (d->t[k].val) {
    case U_DAY: tx_rel(s, G_DAY, -off); break;
    case U_WEEK: tx_rel(s, G_WEEK, -off); break;
    case U_QUARTER: tx_rel(s, G_QUARTER, -off); break;
    case U_MONTH: tx_rel(s, G_MONTH, -off); break;
    case U_YEAR:   /* from the document date; after a quarter's figures, that quarter's */
        memset(s, 0, sizeof *s);
        s->kind = X_SHIFT, s->type = QP_TIMEX_DATE, s->grain = G_YEAR, s->off = -off, s->dir = 1, s->y = 1;
        break;
    case U_DECADE: tx_rel(s, G_YEAR, -10 * off); break;
    default: tx_rel(s, G_DAY, 0); break;
    }
    return k + 2;
}

/* [about] three months, 30.4 seconds, several years, the past three days, a week */
static size_t r_duration(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    double n = 1;
    int approx = 0;
    if (tx_kw(d, j, K_THE) && (tx_word(d, j + 1, "past") || tx_word(d, j + 1, "last") || tx_word(d, j + 1, "next") ||
                            tx_word(d, j + 1, "coming"))) {
        j += 2;
        if (!tx_number(d, j, &k, &n, &approx))
            k = j, n = 1, approx = tx_is(d, k, C_UNIT, -1) && (d->t[k].flags & TF_PLURAL);   /* the coming days */
        if (!tx_is(d, k, C_UNIT, -1) || !tx_duration_lit(s, n, d->t[k].val, approx))
            return 0;
        return k + 1;
    }
    if (tx_is(d, j, C_NUNIT, -1))   /* a two-year term */
        return tx_duration_lit(s, d->t[j].val / 32, d->t[j].val % 32, 0) ? j + 1 : 0;
    if (j + 2 < d->n && d->t[j].kind == TK_NUM && d->t[j].val > 0 && d->t[j].flen <= 3 && d->t[j + 1].f[0] == '-' &&
        (d->t[j + 1].flags & TF_GLUED) && (d->t[j + 2].flags & TF_GLUED) && tx_is(d, j + 2, C_UNIT, -1) &&
        !(d->t[j + 2].flags & TF_PLURAL))   /* a 10-year bond */
        return tx_duration_lit(s, d->t[j].val, d->t[j + 2].val, 0) ? j + 3 : 0;
    if ((tx_is(d, j, C_REF, 9) || tx_word(d, j, "coming")) && tx_is(d, j + 1, C_UNIT, -1) &&
        (d->t[j + 1].flags & TF_PLURAL))   /* recent weeks, coming months: some of them */
        return tx_duration_lit(s, 0, d->t[j + 1].val, 1) ? j + 2 : 0;
    if (tx_is(d, j, C_UNIT, -1) && (d->t[j].flags & TF_PLURAL) && j > 0 && d->t[j].val != U_WEEKEND &&
        (tx_kw(d, j - 1, K_FOR) || tx_word(d, j - 1, "within") || tx_word(d, j - 1, "over")) &&
        !tx_kw(d, j + 1, K_AGO) && !tx_kw(d, j + 1, K_EARLIER))   /* for years, within weeks */
        return tx_duration_lit(s, 0, d->t[j].val, 1) ? j + 1 : 0;
    if (tx_kw(d, j, K_A) && tx_word(d, j + 1, "couple") && tx_kw(d, j + 2, K_OF) && tx_is(d, j + 3, C_UNIT, -1))
        return tx_duration_lit(s, 2, d->t[j + 3].val, 0) ? j + 4 : 0;   /* a couple of years */
    if (tx_kw(d, j, K_ABOUT))
        j++;
    if (tx_kw(d, j, K_A) && tx_is(d, j + 1, C_KW, K_SEVERAL))
        approx = 1, k = j + 2;   /* a few */
    else if (tx_kw(d, j, K_SEVERAL))
        approx = 1, k = j + 1;
    else if (tx_kw(d, j, K_A))
        n = 1, k = j + 1;
    else if (!tx_number(d, j, &k, &n, &approx))
        return 0;
    if (tx_word(d, k, "more") || tx_word(d, k, "additional") || tx_word(d, k, "extra"))
        k++;   /* two more weeks, an additional year */
    if (!tx_is(d, k, C_UNIT, -1))
        return 0;
    if (approx && !(d->t[k].flags & TF_PLURAL))
        return 0;
    if (tx_word(d, k + 1, "old"))
        return 0;   /* ages are not durations */
    if (!tx_duration_lit(s, n, d->t[k].val, approx))
        return 0;
    return k + 1;
}

/* EST, GMT…: a clock time's zone, part of its span */
static int time_zone(const tx_doc *d, size_t i)
{
    static const char *const zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc"};
    if (i >= d->n || d->t[i].kind != TK_WORD || d->t[i].flen != 3 || !(d->t[i].flags & TF_CAP))
        return 0;
    for (size_t k = 0; k < QP_ARRAY_LEN(zones); k++)
        if (!strcmp(d->t[i].f, zones[k]))
            return 1;
    return 0;
}

/* 10 p.m., 10:30 am, 22:00, noon, midnight */
static size_t r_time(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    if (tx_kw(d, j, K_NOON) || tx_kw(d, j, K_MIDNIGHT)) {
        if (!(j > 0 && (tx_kw(d, j - 1, K_AT) || tx_kw(d, j - 1, K_TO) || tx_kw(d, j - 1, K_ABOUT))))
            return 0;
        memset(s, 0, sizeof *s);
        s->kind = X_ANCHOR;
        tx_set_tod(s, tx_kw(d, j, K_NOON) ? "12:00" : "24:00");
        return j + 1;
    }
    if (j >= d->n || d->t[j].kind != TK_NUM || d->t[j].flen > 2 || d->t[j].val > 24)
        return 0;
    int h = d->t[j].val, mi = 0, colon = 0;
    size_t k = j + 1;
    if (k + 1 < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == ':' && (d->t[k].flags & TF_GLUED) &&
        d->t[k + 1].kind == TK_NUM && d->t[k + 1].flen == 2 && d->t[k + 1].val < 60) {
        mi = d->t[k + 1].val, k += 2, colon = 1;
    }
    int pm = -1;
    if (tx_word(d, k, "am") || tx_word(d, k, "pm")) {
        pm = tx_word(d, k, "pm"), k++;
    } else if ((tx_word(d, k, "a") || tx_word(d, k, "p")) && k + 2 < d->n && d->t[k + 1].f[0] == '.' &&
               tx_word(d, k + 2, "m")) {
        pm = tx_word(d, k, "p");
        k += 3;
        if (k < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == '.' && (d->t[k].flags & TF_GLUED) &&
            (!(k + 1 < d->n && (d->t[k + 1].flags & TF_SENT) && (d->t[k + 1].flags & TF_CAP)) || time_zone(d, k + 1) ||
             tx_is(d, k + 1, C_DOW, -1) || tx_is(d, k + 1, C_MONTH, -1)))
            k++;   /* "p.m." ends with its dot unless that dot ends the sentence; "p.m. EST", "a.m. Tuesday" */
    } else if (tx_word(d, k, "o") && tx_apos(d, k + 1) && tx_word(d, k + 2, "clock")) {
        k += 3;
    } else if (!colon) {
        return 0;
    }
    if (pm >= 0 && (h < 1 || h > 12))
        return 0;
    if (pm == 1 && h < 12)
        h += 12;
    if (pm == 0 && h == 12)
        h = 0;
    char tod[8];
    tod[0] = (char)('0' + h / 10), tod[1] = (char)('0' + h % 10), tod[2] = ':';
    tod[3] = (char)('0' + mi / 10), tod[4] = (char)('0' + mi % 10), tod[5] = 0;
    memset(s, 0, sizeof *s);
    s->kind = X_ANCHOR;
    tx_set_tod(s, tod);
    if (tx_kw(d, k, K_LOCAL) && tx_word(d, k + 1, "time"))
        k += 2;
    else if (time_zone(d, k))
        k++;
    return k;
}

/* every week, each year, every Monday, daily */
static size_t r_set(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_kw(d, i, K_EACH))
        return 0;
    size_t j = i + 1, k;
    double n = 1;
    int approx;
    if (tx_number(d, j, &k, &n, &approx))
        j = k;
    if (tx_is(d, j, C_DOW, -1)) {
        char v[16];
        snprintf(v, sizeof v, "XXXX-WXX-%d", d->t[j].val);
        tx_lit(s, QP_TIMEX_SET, v);
        return j + 1;
    }
    if (part_of_day(d, j)) {
        char v[8];
        snprintf(v, sizeof v, "T%s", part_of_day(d, j));
        tx_lit(s, QP_TIMEX_SET, v);
        return j + 1;
    }
    if (!tx_is(d, j, C_UNIT, -1) || !tx_duration_lit(s, n, d->t[j].val, 0))
        return 0;
    s->type = QP_TIMEX_SET;
    return j + 1;
}

/* [the|this|last|next] spring [of] [2016] */
static size_t r_season(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    int dir = tx_en_last_next(d, j), this_ = tx_kw(d, j, K_THIS), the = tx_kw(d, j, K_THE);
    if (dir || this_ || the)
        j++;
    if (!tx_is(d, j, C_SEASON, -1))
        return 0;
    int se = d->t[j].val, y;
    size_t k = j + 1;
    size_t e;
    if ((e = year_at(d, k, &y)) || (tx_kw(d, k, K_OF) && (e = year_at(d, k + 1, &y)))) {
        tx_abs(s, G_SEASON, y, se, 0);
        return e;
    }
    if (tx_kw(d, k, K_OF))
        return 0;   /* "the fall of Ramadi" */
    /* "fall" is mostly the verb; bare seasons need "in" */
    if (j == i && !(i > 0 && tx_kw(d, i - 1, K_IN)))
        return 0;
    if (tx_word(d, j, "fall") && j == i)
        return 0;
    tx_abs(s, G_SEASON, -1, se, 0);
    s->dir = (int8_t)dir;
    return k;
}

/* now, currently, recently, daily, in the past, the future */
static size_t r_ref(const tx_doc *d, size_t i, tx_spec *s)
{
    static const char *const lit[] = {"PRESENT_REF", "PAST_REF", "FUTURE_REF", "P1D", "P1W", "P1M", "P1Y"};
    if (tx_is(d, i, C_REF, -1)) {
        int v = d->t[i].val;
        /* "soon", "previously", "future losses", "a recent sale" are left out: TimeBank and
         * AQUAINT tag them far less often than they occur */
        if (v >= 7)
            return 0;
        tx_lit(s, v >= 3 ? QP_TIMEX_SET : QP_TIMEX_DATE, lit[v]);
        return i + 1;
    }
    if (tx_kw(d, i, K_THE) && tx_is(d, i + 1, C_REF, 8)) {
        tx_lit(s, QP_TIMEX_DATE, "FUTURE_REF");
        return i + 2;
    }
    if (tx_kw(d, i, K_THE) && (tx_word(d, i + 1, "near") || tx_word(d, i + 1, "short")) &&
        (tx_is(d, i + 2, C_REF, 8) || tx_word(d, i + 2, "term"))) {   /* the near future, the short term */
        tx_lit(s, QP_TIMEX_DATE, "FUTURE_REF");
        return i + 3;
    }
    if (tx_kw(d, i, K_CES) && tx_is(d, i + 1, C_UNIT, U_DAY) && (d->t[i + 1].flags & TF_PLURAL)) {
        tx_lit(s, QP_TIMEX_DATE, "PRESENT_REF");   /* these days */
        return i + 2;
    }
    if (tx_kw(d, i, K_THE) && tx_word(d, i + 1, "past") && i > 0 && tx_kw(d, i - 1, K_IN)) {
        tx_lit(s, QP_TIMEX_DATE, "PAST_REF");
        return i + 2;
    }
    if (tx_kw(d, i, K_AT) && tx_is(d, i + 1, C_REF, 7)) {
        tx_lit(s, QP_TIMEX_DATE, "PRESENT_REF");
        return i + 2;
    }
    return 0;
}

/* 11/03/2017 (month first), 2017-11-03 */
static size_t r_numdate(const tx_doc *d, size_t i, tx_spec *s)
{
    const tx_tok *t = d->t;
    if (i + 2 >= d->n || t[i].kind != TK_NUM)
        return 0;
    char sep = t[i + 1].f[0];
    if (t[i + 1].kind != TK_PUNCT || (sep != '/' && sep != '-') || !(t[i + 1].flags & TF_GLUED) ||
        t[i + 2].kind != TK_NUM || !(t[i + 2].flags & TF_GLUED))
        return 0;
    if (t[i].flen == 4 && sep == '-') {
        if (i + 4 >= d->n || t[i + 3].f[0] != '-' || !(t[i + 3].flags & TF_GLUED) || t[i + 4].kind != TK_NUM ||
            !tx_valid_day(t[i].val, t[i + 2].val, t[i + 4].val))
            return 0;
        tx_abs(s, G_DAY, t[i].val, t[i + 2].val, t[i + 4].val);
        return i + 5;
    }
    if (sep != '/' || t[i].flen > 2 || t[i + 2].flen > 2 || i + 4 >= d->n || t[i + 3].f[0] != '/' ||
        t[i + 4].kind != TK_NUM || (t[i + 4].flen != 4 && t[i + 4].flen != 2))
        return 0;
    int y = t[i + 4].val;
    if (t[i + 4].flen == 2)
        y += y < 40 ? 2000 : 1900;
    if (!tx_valid_day(y, t[i].val, t[i + 2].val))
        return 0;
    tx_abs(s, G_DAY, y, t[i].val, t[i + 2].val);
    return i + 5;
}

/* early, late, mid-, the end of, the beginning of, the middle of */
static size_t mod_prefix(const tx_doc *d, size_t i)
{
    if ((tx_kw(d, i, K_START) || tx_kw(d, i, K_END)) && (tx_word(d, i, "early") || tx_word(d, i, "late")))
        return i + 1;
    if (tx_kw(d, i, K_MID) && i + 1 < d->n && d->t[i + 1].f[0] == '-')
        return i + 2;
    if (tx_kw(d, i, K_THE) && (tx_kw(d, i + 1, K_START) || tx_kw(d, i + 1, K_END) || tx_kw(d, i + 1, K_MIDDLE)) &&
        !tx_word(d, i + 1, "early") && !tx_word(d, i + 1, "late") && tx_kw(d, i + 2, K_OF))
        return i + 3;
    return i;
}

int tx_en_match(const tx_doc *d, size_t i, tx_match *m)
{
    tx_spec s;
    size_t best = 0, e;
    memset(m, 0, sizeof *m);
#define TRY(call)                  \
    do {                           \
        if ((e = (call)) > best) { \
            best = e;              \
            m->s = s;              \
        }                          \
    } while (0)
    size_t j = mod_prefix(d, i);
    if (j != i) {
        TRY(r_month(d, j, &s, 1));
        TRY(r_year(d, j, &s, 1));
        TRY(r_unitrel(d, j, &s, 1));
        TRY(r_season(d, j, &s));
        TRY(r_decade(d, j, &s));
        TRY(r_century(d, j, &s));
        if (best) {
            m->a = i, m->b = best;
            return 1;
        }
    }
    TRY(r_time(d, i, &s));
    if (best) {
        /* "5 p.m. EST, Nov. 6", "noon Saturday": one expression, the clock on that day */
        size_t k = best + comma(d, best);
        tx_spec day;
        size_t e2 = r_date(d, k, &day);
        if (!e2)
            e2 = r_dow(d, k, &day);
        if (!e2)
            e2 = r_relday(d, k, &day);
        if (e2 && !day.tod[0] && day.kind != X_LIT) {
            tx_set_tod(&day, m->s.tod);
            m->s = day, best = e2;
        }
    }
    TRY(r_date(d, i, &s));
    TRY(r_month(d, i, &s, 0));
    TRY(r_year(d, i, &s, 0));
    TRY(r_decade(d, i, &s));
    TRY(r_century(d, i, &s));
    TRY(r_relday(d, i, &s));
    TRY(r_dow(d, i, &s));
    TRY(r_unitrel(d, i, &s, 0));
    TRY(r_ago(d, i, &s));
    TRY(r_duration(d, i, &s));
    TRY(r_set(d, i, &s));
    TRY(r_season(d, i, &s));
    TRY(r_ref(d, i, &s));
    TRY(r_numdate(d, i, &s));
    TRY(r_mid_month(d, i, &s));
    TRY(tx_en_narrative(d, i, &s));
    TRY(tx_en_holiday(d, i, &s));
#undef TRY
    if (!best)
        return 0;
    m->a = i, m->b = best;
    return 1;
}
