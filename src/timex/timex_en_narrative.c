/* timex_en_narrative.c — English expressions that a report counts from its own dates rather
 * than the document's: fiscal quarters ("the quarter", "the year-earlier quarter"), "a year
 * earlier", "the following year", "that day", "for the year". */
#include <string.h>

#include "qp.h"
#include "timex_int.h"

/* "this year's", "next year's", "last year's": sets *off (years from the document's); 0 when absent */
static size_t year_possessive(const tx_doc *d, size_t i, int *off)
{
    int dir = tx_kw(d, i, K_THIS) ? 0 : tx_en_last_next(d, i);
    if (!(dir || tx_kw(d, i, K_THIS)) || !tx_is(d, i + 1, C_UNIT, U_YEAR) || !tx_apos(d, i + 2) ||
        !tx_word(d, i + 3, "s"))
        return 0;
    *off = dir;
    return i + 4;
}

/* [the] [fiscal] [1988|this year's] first quarter [of 2017], third-quarter, the 1988 quarter */
static size_t r_quarter(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    int y = -1, yoff = 0, q = 0, the = tx_kw(d, j, K_THE);
    if (the)
        j++;
    if (tx_kw(d, j, K_FISCAL))
        j++;
    if (tx_year4(d, j, &y))
        j++;
    else if ((k = year_possessive(d, j, &yoff)) != 0)
        j = k;
    if (tx_kw(d, j, K_FISCAL))
        j++;
    if (tx_is(d, j, C_QTR, -1)) {
        q = d->t[j].val, k = j + 1;
    } else if (tx_is(d, j, C_ORD, -1) && tx_is(d, j + 1, C_UNIT, U_QUARTER) && d->t[j].val <= 4 &&
               !(d->t[j + 1].flags & TF_PLURAL)) {
        q = d->t[j].val, k = j + 2;
    } else if (the && y >= 0 && tx_is(d, j, C_UNIT, U_QUARTER) && !(d->t[j].flags & TF_PLURAL)) {
        /* "the 1988 quarter": the quarter the text speaks of, in that year */
        memset(s, 0, sizeof *s);
        s->kind = X_QREF, s->type = QP_TIMEX_DATE, s->grain = G_QUARTER, s->d = y;
        return j + 1;
    } else {
        return 0;
    }
    int y2;
    if (y < 0 && (tx_year4(d, k, &y2) || (tx_kw(d, k, K_OF) && tx_year4(d, k + 1, &y2) && ++k))) {
        y = y2;
        k++;
    }
    tx_abs(s, G_QUARTER, y, q, 0);
    if (y < 0)
        s->off = yoff;
    return k;
}

/* the quarter, the latest quarter, the current quarter, the year-earlier quarter (or period),
 * that quarter: the quarter a financial report speaks of, or one year before it */
static size_t r_quarter_ref(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    int current = 0, year_ago = 0, previous = 0, that = tx_kw(d, i, K_THAT);
    if (!tx_kw(d, j, K_THE) && !that)
        return 0;
    j++;
    for (;; j++) {
        if (tx_word(d, j, "comparable") || tx_word(d, j, "same"))
            continue;
        if (tx_kw(d, j, K_LATEST)) {
            current = 2;
            continue;
        }
        if (tx_is(d, j, C_REF, 0) && tx_word(d, j, "current"))
            current = 1;
        else if (tx_kw(d, j, K_YEARAGO))
            year_ago = 1;
        else if (tx_word(d, j, "previous") || tx_word(d, j, "prior") || tx_word(d, j, "preceding"))
            previous = 1;
        else if (tx_word(d, j, "most") && tx_word(d, j + 1, "recent"))
            j++;
        else
            break;
    }
    int q = 0;
    if (tx_is(d, j, C_ORD, -1) && d->t[j].val <= 4 && tx_is(d, j + 1, C_UNIT, U_QUARTER))
        q = d->t[j].val, j++;   /* "the year-ago third quarter" */
    int period = tx_word(d, j, "period");
    if (!(tx_is(d, j, C_UNIT, U_QUARTER) && !(d->t[j].flags & TF_PLURAL)) && !period)
        return 0;
    if (tx_kw(d, j + 1, K_OF))
        return 0;   /* "the quarter of the city" */
    if (period && !year_ago && j == i + 1)
        return 0;   /* "the period" alone names no quarter */
    memset(s, 0, sizeof *s);
    s->type = QP_TIMEX_DATE;
    if (period && year_ago) {   /* the same period, whatever its length, a year before */
        s->kind = X_SHIFT, s->grain = G_YEAR, s->off = -1, s->dir = 1;
        return j + 1;
    }
    if (q && year_ago) {
        tx_abs(s, G_QUARTER, -1, q, 0);
        s->off = -1;
        return j + 1;
    }
    s->kind = X_QREF, s->grain = G_QUARTER, s->y = current;
    s->off = year_ago ? -4 : previous ? -1 : 0;
    return j + 1;
}

/* the year ended June 30 (a company's year: P1Y); for the full year, in the fiscal year, for
 * the year: the year the narrative is in */
static size_t r_the_year(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_kw(d, i, K_THE))
        return 0;
    size_t j = i + 1;
    int full = 0;
    if (tx_word(d, j, "full") || tx_word(d, j, "whole") || tx_word(d, j, "entire"))
        j++, full = 1;
    if (tx_kw(d, j, K_FISCAL))
        j++, full = 1;
    if (!tx_is(d, j, C_UNIT, U_YEAR) || (d->t[j].flags & TF_PLURAL))
        return 0;
    if (tx_word(d, j + 1, "ended") || tx_word(d, j + 1, "ending")) {
        tx_lit(s, QP_TIMEX_DURATION, "P1Y");
        return j + 1;
    }
    /* "the year before", "the year of the dragon", "the year that": not the narrative's year */
    if (tx_kw(d, j + 1, K_OF) || tx_kw(d, j + 1, K_IN) || tx_kw(d, j + 1, K_TO) || tx_kw(d, j + 1, K_THAT) ||
        tx_kw(d, j + 1, K_EARLIER) || tx_kw(d, j + 1, K_AGO) || tx_word(d, j + 1, "when") || tx_is(d, j + 1, C_NUMW, -1))
        return 0;
    int cue = i > 0 && (tx_kw(d, i - 1, K_FOR) || tx_kw(d, i - 1, K_OF) || tx_kw(d, i - 1, K_IN) ||
                        tx_word(d, i - 1, "during") || tx_word(d, i - 1, "through") || tx_word(d, i - 1, "throughout"));
    if (!full && !cue)
        return 0;
    if (full) {   /* "for the full year", "the fiscal year": the company's year, the document's */
        tx_rel(s, G_YEAR, 0);
        return j + 1;
    }
    memset(s, 0, sizeof *s);
    s->kind = X_SHIFT, s->type = QP_TIMEX_DATE, s->grain = G_YEAR;
    return j + 1;
}

/* a year earlier, two days later, year-earlier, the following year, the previous day, that
 * year, later that month: counted from the narrative's reference time */
static size_t r_shift(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    double n = 1;
    int approx = 0;
    memset(s, 0, sizeof *s);
    s->kind = X_SHIFT, s->type = QP_TIMEX_DATE;
    if (tx_kw(d, i, K_YEARAGO)) {
        s->grain = G_YEAR, s->off = -1, s->dir = 1;
        return i + 1;
    }
    if ((tx_word(d, j, "later") || tx_word(d, j, "earlier")) && tx_kw(d, j + 1, K_THAT))
        j++;   /* "later that year": the year of that, as the narrative goes */
    if (tx_kw(d, j, K_THAT) || (tx_kw(d, j, K_THE) && tx_word(d, j + 1, "same") && j++)) {
        if (!tx_is(d, j + 1, C_UNIT, -1) || (d->t[j + 1].flags & TF_PLURAL))
            return 0;
        s->grain = (uint8_t)tx_unit_grain(d->t[j + 1].val);
        if (s->grain == G_NONE || s->grain == G_WEEKEND)
            return 0;
        return j + 2;
    }
    if (tx_kw(d, j, K_THE)) {
        int dir = tx_kw(d, j + 1, K_FOLLOWING) ? 1 : (tx_word(d, j + 1, "previous") || tx_word(d, j + 1, "prior") ||
                                                     tx_word(d, j + 1, "preceding")) ? -1 : 0;
        if (!dir && tx_word(d, j + 1, "next") && tx_is(d, j + 2, C_UNIT, U_DAY))
            dir = 1;   /* "the next day"; "the next year" is a span of time ahead */
        if (!dir || !tx_is(d, j + 2, C_UNIT, -1) || (d->t[j + 2].flags & TF_PLURAL))
            return 0;
        s->grain = (uint8_t)tx_unit_grain(d->t[j + 2].val);
        if (s->grain == G_NONE || s->grain == G_WEEKEND)
            return 0;
        s->off = dir;
        return j + 3;
    }
    if (tx_kw(d, j, K_ABOUT))
        j++;
    if (tx_kw(d, j, K_A))
        k = j + 1;
    else if (!tx_number(d, j, &k, &n, &approx) || approx || n != (int)n || n > 1000)
        return 0;
    if (!tx_is(d, k, C_UNIT, -1) || !(tx_word(d, k + 1, "earlier") || tx_word(d, k + 1, "later")))
        return 0;
    s->grain = (uint8_t)tx_unit_grain(d->t[k].val);
    if (s->grain == G_NONE || s->grain == G_WEEKEND || s->grain == G_DECADE || s->grain == G_CENTURY)
        return 0;
    s->off = (int)n * (tx_word(d, k + 1, "later") ? 1 : -1);
    s->dir = s->grain == G_YEAR;   /* a quarter's figure "a year earlier" is that quarter's */
    return k + 2;
}

size_t tx_en_narrative(const tx_doc *d, size_t i, tx_spec *out)
{
    size_t (*const rules[])(const tx_doc *, size_t, tx_spec *) = {r_quarter, r_quarter_ref, r_the_year, r_shift};
    size_t best = 0;
    for (size_t k = 0; k < QP_ARRAY_LEN(rules); k++) {
        tx_spec s;
        size_t e = rules[k](d, i, &s);
        if (e > best)
            best = e, *out = s;
    }
    return best;
}
