/* timex_fr_narrative.c — French expressions counted from the narrative's own dates, not the
 * document's: la veille, le lendemain, ce jour-là, l'année suivante, deux jours plus tard. */
#include <string.h>

#include "qp.h"
#include "timex_int.h"

/* la veille, le lendemain, ce jour-là: days counted from the day the text last spoke of */
static size_t r_anchorday(const tx_doc *d, size_t i, tx_spec *s)
{
    int off;
    size_t j;
    if (tx_word(d, i, "la") && tx_word(d, i + 1, "veille"))
        off = -1, j = i + 2;
    else if (tx_word(d, i, "le") && tx_word(d, i + 1, "lendemain"))
        off = 1, j = i + 2;
    else if (tx_kw(d, i, K_THIS) && tx_word(d, i + 1, "jour-la"))
        off = 0, j = i + 2;
    else if (tx_kw(d, i, K_THIS) && (tx_word(d, i + 1, "moment-la") ||
                                     (tx_word(d, i + 1, "moment") && tx_word(d, i + 2, "la")))) {
        /* "à ce moment-là": the time the text last gave, on its day */
        memset(s, 0, sizeof *s);
        s->kind = X_ANCHOR, s->type = QP_TIMEX_TIME, s->grain = G_DAY, s->y = 1;
        return i + (tx_word(d, i + 1, "moment-la") ? 2 : 3);
    } else
        return 0;
    if (tx_word(d, j, "de") || tx_word(d, j, "du") || (tx_word(d, j, "d") && tx_apos(d, j + 1)))
        return 0;   /* "la veille du scrutin": anchored on an event we do not date */
    memset(s, 0, sizeof *s);
    s->kind = X_ANCHOR;
    s->type = QP_TIMEX_DATE;
    s->grain = G_DAY;
    s->off = off;
    if (tx_word(d, j, "au") && tx_kw(d, j + 1, K_EVENING)) {
        tx_set_tod(s, "EV");
        j += 2;
    }
    return j;
}

/* l'année suivante, le mois précédent, deux jours plus tard, un an plus tôt, trois semaines
 * auparavant, cette année-là: X_SHIFT, from the last date the text resolved */
static size_t r_shift(const tx_doc *d, size_t i, tx_spec *s)
{
    memset(s, 0, sizeof *s);
    s->kind = X_SHIFT, s->type = QP_TIMEX_DATE;
    size_t j = tx_fr_det(d, i);
    if (j > i || tx_kw(d, i, K_THIS)) {
        if (j == i)
            j++;
        /* la même année, le même mois */
        int same = tx_word(d, j, "meme") && ++j;
        if (!tx_is(d, j, C_UNIT, -1) || ((d->t[j].flags & TF_PLURAL) && !tx_word(d, j, "mois")))
            return 0;
        int g = tx_unit_grain(d->t[j].val);
        if (g == G_NONE || g == G_WEEKEND || g == G_DAY)
            return 0;   /* le jour suivant: see le lendemain */
        s->grain = (uint8_t)g;
        size_t f = d->t[j].flen;
        if (tx_kw(d, i, K_THIS) && f > 3 && !memcmp(d->t[j].f + f - 3, "-la", 3))
            return j + 1;   /* cette année-là */
        if (same)
            return j + 1;
        if (j + 1 < d->n && !strncmp(d->t[j + 1].f, "suivant", 7))
            s->off = 1;
        else if (j + 1 < d->n && !strncmp(d->t[j + 1].f, "precedent", 9))
            s->off = -1;
        else
            return 0;
        return j + 2;
    }
    size_t k;
    double n;
    int approx;
    if (!tx_number(d, i, &k, &n, &approx) || approx || n != (int)n || n > 1000 || !tx_is(d, k, C_UNIT, -1))
        return 0;
    int g = tx_unit_grain(d->t[k].val), sign;
    if (g == G_NONE || g == G_WEEKEND || g == G_DECADE || g == G_CENTURY)
        return 0;
    if (tx_word(d, k + 1, "plus") && (tx_word(d, k + 2, "tard") || tx_word(d, k + 2, "tot")))
        sign = tx_word(d, k + 2, "tard") ? 1 : -1, k += 3;
    else if (tx_word(d, k + 1, "auparavant"))
        sign = -1, k += 2;
    else
        return 0;
    s->grain = (uint8_t)g;
    s->off = sign * (int)n;
    s->dir = g == G_YEAR;   /* "un an plus tôt" after a quarter is that quarter a year before */
    return k;
}

/* la nouvelle année: the one the document is in (news say it in January) */
static size_t r_new_year(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_word(d, i, "la") || !tx_word(d, i + 1, "nouvelle") || !tx_is(d, i + 2, C_UNIT, U_YEAR) ||
        (d->t[i + 2].flags & TF_PLURAL))
        return 0;
    tx_rel(s, G_YEAR, 0);
    return i + 3;
}

size_t tx_fr_narrative(const tx_doc *d, size_t i, tx_spec *s)
{
    /* every rule here starts on a determiner, "ce"/"cette" or a number: the rest is quick to skip */
    const tx_tok *first = &d->t[i];
    if (first->kind == TK_WORD && first->cls != C_KW && first->cls != C_NUMW)
        return 0;
    tx_spec y;
    size_t e = r_new_year(d, i, &y);
    if (e) {
        *s = y;
        return e;
    }
    tx_spec t;
    size_t a = r_anchorday(d, i, s), b = r_shift(d, i, &t);
    if (b > a) {
        *s = t;
        return b;
    }
    return a;
}
