/* timex_holiday.c — holidays in both languages (Christmas, Thanksgiving, Noël, Pâques, la
 * Toussaint…) and the dates of those that move from year to year. */
#include <string.h>

#include "qp.h"
#include "timex_int.h"

/* Easter Sunday of year y (the anonymous Gregorian computus). */
static void easter(int y, int *m, int *d)
{
    int a = y % 19, b = y / 100, c = y % 100, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - b / 4 - g + 15) % 30, l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    int k = (a + 11 * h + 22 * l) / 451, n = h + l - 7 * k + 114;
    *m = n / 31, *d = n % 31 + 1;
}

/* 1 Monday .. 7 Sunday */
static int weekday_of(int y, int m, int d)
{
    int32_t days = tx_days_from_civil(y, m, d);
    return (int)((days % 7 + 7 + 3) % 7) + 1;
}

int tx_holiday_date(int code, int y, int *m, int *d)
{
    if (code > 100) {   /* a fixed day, month * 100 + day */
        *m = code / 100, *d = code % 100;
        return 1;
    }
    int w;
    switch (code) {
    case HD_EASTER:
    case HD_PENTECOST:
        easter(y, m, d);
        if (code == HD_PENTECOST) {
            int32_t day = tx_days_from_civil(y, *m, *d) + 49;
            int yy;
            tx_civil_from_days(day, &yy, m, d);
        }
        return 1;
    case HD_THANKSGIVING:   /* the fourth Thursday of November */
        w = weekday_of(y, 11, 1);
        *m = 11, *d = 1 + (4 - w + 7) % 7 + 21;
        return 1;
    case HD_MEMORIAL:       /* the last Monday of May */
        w = weekday_of(y, 5, 31);
        *m = 5, *d = 31 - (w - 1);
        return 1;
    case HD_LABOR:          /* the first Monday of September */
        w = weekday_of(y, 9, 1);
        *m = 9, *d = 1 + (1 - w + 7) % 7;
        return 1;
    case HD_ELECTION:       /* the Tuesday after the first Monday of November */
        w = weekday_of(y, 11, 1);
        *m = 11, *d = 2 + (1 - w + 7) % 7;
        return 1;
    }
    return 0;
}

/* The spec of holiday `code` in year y (y < 0: the year is picked as for "3 November"). */
static void holiday(tx_spec *s, int code, int y, int dir)
{
    memset(s, 0, sizeof *s);
    s->kind = X_HOLIDAY, s->type = QP_TIMEX_DATE, s->grain = G_DAY;
    s->m = code, s->y = y, s->dir = (int8_t)dir;
}

static int comma_at(const tx_doc *d, size_t i)
{
    return i < d->n && d->t[i].kind == TK_PUNCT && d->t[i].f[0] == ',';
}

size_t tx_en_holiday(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    int dir = tx_en_last_next(d, j), y = -1, code = 0;
    if (dir || tx_kw(d, j, K_THIS))
        j++;
    size_t k;
    if (tx_word(d, j, "new") && tx_is(d, j + 1, C_UNIT, U_YEAR) && tx_apos(d, j + 2) && tx_word(d, j + 3, "s") &&
        (tx_word(d, j + 4, "day") || tx_word(d, j + 4, "eve")) && (d->t[j].flags & TF_CAP)) {
        code = tx_word(d, j + 4, "day") ? 101 : 1231;   /* New Year's Day, New Year's Eve */
        k = j + 5;
    } else if (tx_is(d, j, C_HOLIDAY, -1) && (d->t[j].flags & TF_CAP)) {
        code = d->t[j].val;
        k = j + 1;
        int day = tx_word(d, k, "day") && (d->t[k].flags & TF_CAP);
        if (code == 1225 && tx_word(d, k, "eve") && (d->t[k].flags & TF_CAP))
            code = 1224, k++;   /* Christmas Eve */
        else if (day || (code == HD_EASTER && tx_word(d, k, "sunday")))
            k++;
        else if (code != 1225 && code != HD_THANKSGIVING && code != HD_EASTER && code != 1031)
            return 0;   /* "Memorial", "Labor", "Election", "Independence" alone name no day */
        if (code == HD_EASTER && (tx_is(d, k, C_UNIT, -1) || tx_word(d, k, "egg") || tx_word(d, k, "eggs")))
            return 0;   /* "Easter week" is not Easter Sunday */
    } else {
        return 0;
    }
    if (tx_year4(d, k, &y) || (comma_at(d, k) && tx_year4(d, k + 1, &y) && ++k))
        k++;
    else
        y = -1;
    holiday(s, code, y, dir);
    return k;
}

size_t tx_fr_holiday(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    int code = 0, y;
    /* le jour de l'An, le Nouvel An */
    if (tx_kw(d, j, K_THE) && tx_is(d, j + 1, C_UNIT, U_DAY) && tx_word(d, j + 2, "de") && tx_word(d, j + 3, "l") &&
        tx_apos(d, j + 4) && tx_word(d, j + 5, "an") && (d->t[j + 5].flags & TF_CAP)) {
        code = 101, k = j + 6;
    } else if ((tx_kw(d, j, K_THE) ? j + 1 : j) < d->n && tx_word(d, tx_kw(d, j, K_THE) ? j + 1 : j, "nouvel") &&
               tx_word(d, (tx_kw(d, j, K_THE) ? j + 1 : j) + 1, "an")) {
        k = (tx_kw(d, j, K_THE) ? j + 1 : j) + 2;
        if (!(d->t[k - 2].flags & TF_CAP))
            return 0;
        code = 101;
    } else {
        /* le jour de Noël; la Toussaint, la Pentecôte, la Saint-Sylvestre; Noël, Pâques */
        int det = tx_kw(d, j, K_THE);
        if (det && tx_is(d, j + 1, C_UNIT, U_DAY) && tx_word(d, j + 2, "de"))
            j += 3;
        else if (det)
            j++;
        if (!tx_is(d, j, C_HOLIDAY, -1) || !(d->t[j].flags & TF_CAP))
            return 0;
        code = d->t[j].val;
        if (j > 0 && tx_word(d, j - 1, "pere"))
            return 0;   /* le Père Noël */
                /* "Toussaint Louverture", "Noël Mamère": a first name before a surname */
        if (j + 1 < d->n && d->t[j + 1].kind == TK_WORD && (d->t[j + 1].flags & TF_CAP) &&
            !(d->t[j + 1].flags & TF_SENT))
            return 0;
        /* la Toussaint, la Pentecôte, la Saint-Sylvestre take their article */
        if ((code == 1101 || code == HD_PENTECOST || code == 1231) && j == i)
            return 0;
        k = j + 1;
    }
    if (tx_year4(d, k, &y))
        k++;
    else
        y = -1;
    holiday(s, code, y, tx_fr_last_next(d, k));
    if (s->dir)
        k++;
    return k;
}
