/* timex_resolve.c — second phase: anchor underspecified values on the document date. */
#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
int tx_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void tx_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

int tx_parse_date(const char *s, int32_t *days)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' || s[7] != '-')
        return QP_EINVAL;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return QP_EINVAL;
    if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
        return QP_EINVAL;
    *days = tx_days_from_civil(y, m, d);
    return 0;
}

/* 1 Monday .. 7 Sunday; 1970-01-01 was a Thursday. */
static int weekday(int32_t days)
{
    int w = (int)((days % 7 + 7 + 3) % 7);
    return w + 1;
}

/* ISO 8601 week of a day: the week's year and number (2021-01-01 is in 2020-W53). */
static void iso_week(int32_t days, int *wy, int *wn)
{
    int32_t thursday = days - (weekday(days) - 1) + 3;
    int y, m, d;
    tx_civil_from_days(thursday, &y, &m, &d);
    *wy = y;
    *wn = (thursday - tx_days_from_civil(y, 1, 1)) / 7 + 1;
}

static int32_t iso_week_monday(int wy, int wn)
{
    int32_t jan4 = tx_days_from_civil(wy, 1, 4);
    return jan4 - (weekday(jan4) - 1) + (wn - 1) * 7;
}

static void add_months(int *y, int *m, int k)
{
    int t = *y * 12 + (*m - 1) + k;
    *y = t >= 0 ? t / 12 : -((11 - t) / 12);
    *m = t - *y * 12 + 1;
}

static char *ymd(qp_arena *a, int32_t days)
{
    int y, m, d;
    tx_civil_from_days(days, &y, &m, &d);
    return qp_arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

static const char *grain_name(int g)
{
    static const char *const names[] = {NULL, "day", "week", "week", "month", "quarter", "month",
                                        "season", "year", "decade", "century"};
    return g >= 0 && g < (int)QP_ARRAY_LEN(names) ? names[g] : NULL;
}

/* Fills value, interval and grain of a fully known date of grain g. */
static int emit_abs(qp_arena *a, int g, int y, int m, int d, const char *tod, qp_timex *out)
{
    int32_t b = 0, e = 0;
    const char *sea = "SPSUFAWI";
    char v[48];
    switch (g) {
    case G_DAY:
        b = tx_days_from_civil(y, m, d), e = b + 1;
        snprintf(v, sizeof v, "%04d-%02d-%02d", y, m, d);
        break;
    case G_WEEK:
    case G_WEEKEND: {
        int wy, wn;
        iso_week(tx_days_from_civil(y, m, d), &wy, &wn);
        b = iso_week_monday(wy, wn), e = b + 7;
        if (g == G_WEEKEND)
            b += 5;
        snprintf(v, sizeof v, "%04d-W%02d%s", wy, wn, g == G_WEEKEND ? "-WE" : "");
        break;
    }
    case G_MONTH: {
        int y2 = y, m2 = m;
        add_months(&y2, &m2, 1);
        b = tx_days_from_civil(y, m, 1), e = tx_days_from_civil(y2, m2, 1);
        snprintf(v, sizeof v, "%04d-%02d", y, m);
        break;
    }
    case G_QUARTER:
    case G_HALF: {
        int len = g == G_QUARTER ? 3 : 6, m0 = (m - 1) * len + 1, y2 = y, m2 = m0;
        add_months(&y2, &m2, len);
        b = tx_days_from_civil(y, m0, 1), e = tx_days_from_civil(y2, m2, 1);
        snprintf(v, sizeof v, "%04d-%c%d", y, g == G_QUARTER ? 'Q' : 'H', m);
        break;
    }
    case G_SEASON: {
        /* meteorological seasons: close enough for ordering; winter runs into the next year */
        int m0 = 3 * m, y2 = y, m2 = m0;
        add_months(&y2, &m2, 3);
        b = tx_days_from_civil(y, m0, 1), e = tx_days_from_civil(y2, m2, 1);
        snprintf(v, sizeof v, "%04d-%.2s", y, sea + 2 * (m - 1));
        break;
    }
    case G_YEAR:
        b = tx_days_from_civil(y, 1, 1), e = tx_days_from_civil(y + 1, 1, 1);
        snprintf(v, sizeof v, "%04d", y);
        break;
    case G_DECADE:
        b = tx_days_from_civil(y / 10 * 10, 1, 1), e = tx_days_from_civil(y / 10 * 10 + 10, 1, 1);
        snprintf(v, sizeof v, "%03d", y / 10);
        break;
    case G_CENTURY:
        b = tx_days_from_civil(y / 100 * 100, 1, 1), e = tx_days_from_civil(y / 100 * 100 + 100, 1, 1);
        snprintf(v, sizeof v, "%02d", y / 100);
        break;
    default:
        return QP_EINVAL;
    }
    if (tod && *tod && g == G_DAY) {
        size_t l = strlen(v);
        snprintf(v + l, sizeof v - l, "T%s", tod);
        out->type = QP_TIMEX_TIME;
    }
    out->value = qp_arena_strdup(a, v);
    out->begin = ymd(a, b);
    out->end_date = ymd(a, e);
    out->grain = tod && *tod && g == G_DAY ? "time" : grain_name(g);
    return out->value && out->begin && out->end_date ? 0 : QP_ENOMEM;
}

/* The value without a document date: what the text says, the rest X'ed out. */
static int emit_under(qp_arena *a, const tx_spec *s, qp_timex *out)
{
    char v[48];
    const char *sea = "SPSUFAWI";
    switch (s->kind == X_DOW ? -1 : s->grain) {
    case -1: snprintf(v, sizeof v, "XXXX-WXX-%d", s->d); break;
    case G_DAY:
        if (s->kind == X_HOLIDAY && s->m > 100)
            snprintf(v, sizeof v, "XXXX-%02d-%02d", s->m / 100, s->m % 100);
        else if (s->kind == X_ABS && s->m)
            snprintf(v, sizeof v, "XXXX-%02d-%02d", s->m, s->d);
        else
            snprintf(v, sizeof v, "XXXX-XX-XX");
        break;
    case G_WEEK: snprintf(v, sizeof v, "XXXX-WXX"); break;
    case G_WEEKEND: snprintf(v, sizeof v, "XXXX-WXX-WE"); break;
    case G_MONTH:
        if (s->kind == X_ABS && s->m)
            snprintf(v, sizeof v, "XXXX-%02d", s->m);
        else
            snprintf(v, sizeof v, "XXXX-XX");
        break;
    case G_QUARTER: snprintf(v, sizeof v, "XXXX-Q%c", s->kind == X_ABS ? '0' + s->m : 'X'); break;
    case G_HALF: snprintf(v, sizeof v, "XXXX-H%c", s->kind == X_ABS ? '0' + s->m : 'X'); break;
    case G_SEASON: snprintf(v, sizeof v, "XXXX-%.2s", sea + 2 * ((s->m ? s->m : 1) - 1)); break;
    default: snprintf(v, sizeof v, "XXXX"); break;
    }
    if (s->tod[0]) {
        size_t l = strlen(v);
        snprintf(v + l, sizeof v - l, "T%s", s->tod);
        out->type = QP_TIMEX_TIME;
    }
    out->value = qp_arena_strdup(a, v);
    out->grain = s->tod[0] ? "time" : grain_name(s->kind == X_DOW ? G_DAY : s->grain);
    return out->value ? 0 : QP_ENOMEM;
}

/* The day the text now speaks of, for times of day and "la veille" after it. */
static void set_last(tx_resolver *r, int32_t day)
{
    r->last_day = day, r->has_last = 1, r->last_at = r->at;
}

/* Emits a known date like emit_abs and makes it the narrative's reference time (and its last
 * quarter when it is one), which "a year earlier" and "the quarter" then count from. */
static int emit_ref(tx_resolver *r, qp_arena *a, int g, int y, int m, int d, const char *tod, qp_timex *out)
{
    int rc = emit_abs(a, g, y, m, d, tod, out);
    if (rc < 0)
        return rc;
    if (tod && *tod)
        snprintf(r->last_tod, sizeof r->last_tod, "%s", tod);
    if (g == G_WEEK || g == G_WEEKEND) {   /* kept as its Monday, so a shift moves the week */
        int32_t monday = tx_days_from_civil(y, m, d);
        monday -= weekday(monday) - 1;
        tx_civil_from_days(monday, &y, &m, &d);
        g = G_WEEK;
    }
    r->ref = (tx_point){g, y, m, d};
    r->has_ref = 1;
    if (g == G_QUARTER)
        r->quarter = r->ref, r->has_quarter = 1;
    return 0;
}

/* The grains from finest to coarsest, to compare a reference's grain with a unit's. */
static int grain_rank(int g)
{
    switch (g) {
    case G_DAY: return 1;
    case G_WEEK: case G_WEEKEND: return 2;
    case G_MONTH: return 3;
    case G_QUARTER: case G_SEASON: return 4;
    case G_HALF: return 5;
    case G_YEAR: return 6;
    case G_DECADE: return 7;
    case G_CENTURY: return 8;
    }
    return 0;
}

/* A point moved by off of unit grain g (day, week, month, quarter, year), kept in its own
 * grain: 30 September moved by a year is 30 September of the year before. */
static tx_point shift_point(tx_point p, int g, int off)
{
    int months = g == G_MONTH ? off : g == G_QUARTER ? 3 * off : g == G_YEAR ? 12 * off : 0;
    if (g == G_DAY || g == G_WEEK) {
        int32_t day = tx_days_from_civil(p.y, p.m ? p.m : 1, p.d ? p.d : 1) + (g == G_WEEK ? 7 * off : off);
        tx_civil_from_days(day, &p.y, &p.m, &p.d);
        return p;
    }
    switch (p.grain) {
    case G_DAY: case G_WEEK: case G_MONTH:
        add_months(&p.y, &p.m, months);
        if (p.grain == G_DAY && p.d > month_days(p.y, p.m))
            p.d = month_days(p.y, p.m);
        break;
    case G_QUARTER: {
        int t = p.y * 4 + p.m - 1 + months / 3;
        p.y = t / 4, p.m = t % 4 + 1;
        break;
    }
    case G_HALF: {
        int t = p.y * 2 + p.m - 1 + months / 6;
        p.y = t / 2, p.m = t % 2 + 1;
        break;
    }
    default:
        p.y += months / 12;
    }
    return p;
}

/* The point of grain g that holds point p: the year of a day, the quarter of a month… */
static tx_point coarsen(tx_point p, int g)
{
    if (grain_rank(g) <= grain_rank(p.grain))
        return p;
    int month = p.grain == G_QUARTER ? 3 * p.m - 2 : p.grain == G_HALF ? 6 * p.m - 5 :
                p.grain == G_SEASON ? 3 * p.m : p.m ? p.m : 1;
    tx_point c = {g, p.y, month, p.d ? p.d : 1};
    if (g == G_QUARTER)
        c.m = (month - 1) / 3 + 1;
    else if (g == G_HALF)
        c.m = (month - 1) / 6 + 1;
    else if (g == G_WEEK) {
        int32_t day = tx_days_from_civil(p.y, month, c.d);
        tx_civil_from_days(day - (weekday(day) - 1), &c.y, &c.m, &c.d);
    }
    return c;
}

static int emit_point(tx_resolver *r, qp_arena *a, tx_point p, const char *tod, qp_timex *out)
{
    return emit_ref(r, a, p.grain, p.y, p.m ? p.m : 1, p.d ? p.d : 1, tod, out);
}

/* "a year earlier", "the next day", "that year": counted from the narrative's reference time
 * (the last date the text resolved), as TempEval annotates them; the document date when the
 * text has given none. */
static int resolve_shift(tx_resolver *r, const tx_spec *s, qp_arena *a, qp_timex *out)
{
    int y, m, d;
    tx_civil_from_days(r->dct, &y, &m, &d);
    tx_point dct = {G_DAY, y, m, d};
    tx_point from = r->has_ref ? r->ref : dct;
    /* the grain is kept for a report's periods only: "a year earlier" after a quarter is that
     * quarter; after a day or a month TimeBank gives the year */
    int keep = s->dir && r->has_ref && (r->ref.grain == G_QUARTER || r->ref.grain == G_HALF);
    /* "ago" counts from the document date; a quarter's results "a year ago" are that quarter's */
    if (s->y == 1 && !(r->has_ref && (r->ref.grain == G_QUARTER || r->ref.grain == G_HALF)))
        from = dct, keep = 0;
    tx_point p;
    if (keep && grain_rank(from.grain) < grain_rank(s->grain))
        p = shift_point(from, s->grain, s->off);
    else if (grain_rank(from.grain) > grain_rank(s->grain))
        p = from;   /* "the next day" after "in 1988": the text gives no day to count from */
    else
        p = shift_point(coarsen(from, s->grain), s->grain, s->off);
    if (p.grain == G_WEEK) {
        int32_t day = tx_days_from_civil(p.y, p.m, p.d);
        tx_civil_from_days(day - (weekday(day) - 1), &p.y, &p.m, &p.d);
    }
    out->type = p.grain == G_DAY && s->tod[0] ? QP_TIMEX_TIME : QP_TIMEX_DATE;
    /* a comparison ("a year earlier", "a year ago") leaves the narrative where it was; "the
     * following year" and "that day" move it */
    tx_resolver before = *r;
    int rc = emit_point(r, a, p, s->tod, out);
    if (s->dir || s->y == 1) {
        r->ref = before.ref, r->has_ref = before.has_ref;
        r->quarter = before.quarter, r->has_quarter = before.has_quarter;
    } else if (rc == 0 && p.grain == G_DAY) {
        set_last(r, tx_days_from_civil(p.y, p.m, p.d));
    }
    return rc;
}

/* "the quarter", "the latest quarter", "the year-earlier quarter": the quarter the text last
 * named, else the last one finished by the document date (the one a company reports on). */
static int resolve_quarter_ref(tx_resolver *r, const tx_spec *s, qp_arena *a, qp_timex *out)
{
    int y, m, d;
    tx_civil_from_days(r->dct, &y, &m, &d);
    tx_point q = {G_QUARTER, y, (m - 1) / 3 + 1, 1};
    if (s->y == 2 || (s->y == 0 && !r->has_quarter))
        q = shift_point(q, G_QUARTER, -1);   /* the latest quarter: the last one finished */
    else if (s->y == 0)
        q = r->quarter;
    if (s->d > 0)
        q.y = s->d;   /* "the 1988 quarter" */
    q = shift_point(q, G_QUARTER, s->off);
    tx_resolver before = *r;
    int rc = emit_point(r, a, q, NULL, out);
    if (s->off || s->d > 0) {   /* "the year-earlier quarter" compares; the narrative stays */
        r->ref = before.ref, r->has_ref = before.has_ref;
        r->quarter = before.quarter, r->has_quarter = before.has_quarter;
    }
    return rc;
}

/* Year for a month (and day) written without one: the document's year, moved by one when
 * "dernier"/"prochain" or the tense says the date lies on the other side of the dct. */
static int pick_year(const tx_resolver *r, const tx_spec *s, int tense)
{
    int y, m, d;
    tx_civil_from_days(r->dct, &y, &m, &d);
    int dir = s->dir ? s->dir : tense;
    if (s->grain == G_QUARTER || s->grain == G_HALF || s->grain == G_YEAR || s->dir == 2)
        return y + s->off;   /* "next year's first quarter", "February this year" */
    int cm = s->m, cd = s->grain == G_DAY ? s->d : 0;
    int cmp = cm != m ? (cm > m ? 1 : -1) : (cd == 0 || cd == d ? 0 : (cd > d ? 1 : -1));
    if (s->grain == G_SEASON) {
        int sm = 3 * s->m;   /* first month of the season */
        cmp = sm > m ? 1 : (sm + 2 < m ? -1 : 0);
    }
    if (s->grain == G_DAY && s->off >= 1 && s->off <= 7) {
        static const int tries[] = {0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6};
        for (size_t k = 0; k < QP_ARRAY_LEN(tries); k++) {
            int yy = y + tries[k];
            if (s->d <= month_days(yy, s->m) && weekday(tx_days_from_civil(yy, s->m, s->d)) == s->off)
                return yy;
        }
    }
    /* The tense moves a date to the other year only when it lies months away: a few weeks
     * after the dct in a past-tense sentence is a plan or a misread tense ("les inscriptions
     * sont ouvertes jusqu'au 30 juin"), not last year. "dernier"/"prochain" always move it. */
    int32_t dist = tx_days_from_civil(y, cm, cd ? cd : 1) - r->dct;
    int far = s->dir || (s->grain == G_SEASON) || dist > 120 || dist < -120;
    if (dir < 0 && cmp > 0 && far)
        return y - 1;
    if (dir > 0 && cmp < 0 && (far || dist < -31))
        return y + 1;   /* in October, "will be paid in January" is next January */
    if (!dir && (s->grain == G_DAY || s->grain == G_MONTH)) {
        /* no tense, no dernier/prochain: the occurrence nearest the dct ("décembre" in January
         * is last December), keeping the dct's year unless another is over six months nearer */
        int32_t here = tx_days_from_civil(y, cm, cd ? cd : 1);
        if (here - r->dct > 183)
            return y - 1;
        if (r->dct - here > 183 + 31)
            return y + 1;
    }
    return y;
}

int tx_resolve(tx_resolver *r, const tx_spec *s, int tense, qp_arena *a, qp_timex *out)
{
    out->type = (qp_timex_type)s->type;
    out->relative = s->kind == X_REL || s->kind == X_DOW || s->kind == X_ANCHOR || s->kind == X_SHIFT ||
                    s->kind == X_QREF || ((s->kind == X_ABS || s->kind == X_HOLIDAY) && s->y < 0);
    if (s->kind == X_LIT) {
        out->value = qp_arena_strdup(a, s->lit);
        out->relative = 0;
        return out->value ? 0 : QP_ENOMEM;
    }
    if (s->kind == X_HOLIDAY && s->y >= 0 && r->has_dct == 0) {   /* "Noël 2012": known without a dct */
        int hm, hd;
        if (tx_holiday_date(s->m, s->y, &hm, &hd))
            return emit_ref(r, a, G_DAY, s->y, hm, hd, NULL, out);
    }
    if (s->kind == X_ABS && s->y >= 0) {
        int rc = emit_ref(r, a, s->grain, s->y, s->m ? s->m : 1, s->d ? s->d : 1, s->tod, out);
        if (rc == 0 && s->grain == G_DAY)
            set_last(r, tx_days_from_civil(s->y, s->m, s->d));
        return rc;
    }
    if (!r->has_dct) {
        if (s->kind == X_ANCHOR && r->has_last) {
            int y, m, d;
            tx_civil_from_days(r->last_day + s->off, &y, &m, &d);
            return emit_abs(a, G_DAY, y, m, d, s->tod, out);
        }
        if (s->kind == X_ANCHOR) {
            char v[32];
            snprintf(v, sizeof v, "XXXX-XX-XX%s%s", s->tod[0] ? "T" : "", s->tod);
            out->type = QP_TIMEX_TIME;
            out->value = qp_arena_strdup(a, v);
            out->grain = "time";
            return out->value ? 0 : QP_ENOMEM;
        }
        return emit_under(a, s, out);
    }
    int y, m, d, rc;
    tx_civil_from_days(r->dct, &y, &m, &d);
    int32_t day = r->dct;
    switch (s->kind) {
    case X_ABS:
        y = pick_year(r, s, tense);
        if (s->grain == G_DAY && s->d > month_days(y, s->m))
            return emit_under(a, s, out);   /* 29 février of a common year */
        rc = emit_ref(r, a, s->grain, y, s->m ? s->m : 1, s->d ? s->d : 1, s->tod, out);
        if (rc == 0 && s->grain == G_DAY)
            set_last(r, tx_days_from_civil(y, s->m, s->d));
        return rc;
    case X_DOW: {
        int w = weekday(r->dct);
        int dir = s->dir ? s->dir : (tense ? tense : -1);
        int diff = s->d - w;   /* -6..6 */
        if (s->off == 1 && r->has_last) {   /* "vendredi et samedi": after the day before it */
            day = r->last_day + ((s->d - weekday(r->last_day) + 6) % 7 + 1);
            tx_civil_from_days(day, &y, &m, &d);
            set_last(r, day);
            return emit_ref(r, a, G_DAY, y, m, d, s->tod, out);
        }
        if (s->dir < 0) {          /* "mardi dernier": strictly before */
            if (diff >= 0)
                diff -= 7;
        } else if (s->dir > 0) {   /* "mardi prochain": strictly after */
            if (diff <= 0)
                diff += 7;
        } else if (dir < 0) {
            if (diff > 0)
                diff -= 7;
        } else {
            if (diff < 0)
                diff += 7;
        }
        day = r->dct + diff;
        tx_civil_from_days(day, &y, &m, &d);
        set_last(r, day);
        return emit_ref(r, a, G_DAY, y, m, d, s->tod, out);
    }
    case X_HOLIDAY: {
        int hm, hd, hy = s->y;
        if (hy < 0) {   /* the year is picked as for the date the holiday falls on this year */
            tx_spec this_year;
            tx_abs(&this_year, G_DAY, -1, 0, 0);
            if (!tx_holiday_date(s->m, y, &this_year.m, &this_year.d))
                return emit_under(a, s, out);
            this_year.dir = s->dir;
            hy = pick_year(r, &this_year, tense);
        }
        if (!tx_holiday_date(s->m, hy, &hm, &hd) || hd > month_days(hy, hm))
            return emit_under(a, s, out);
        set_last(r, tx_days_from_civil(hy, hm, hd));
        return emit_ref(r, a, G_DAY, hy, hm, hd, NULL, out);
    }
    case X_SHIFT:
        return resolve_shift(r, s, a, out);
    case X_QREF:
        return resolve_quarter_ref(r, s, a, out);
    case X_ANCHOR: {
        /* "la veille" paragraphs after the last date is the day before the report's, not
         * before that date (a background "le 25 mai" in a daily report) */
        int32_t base = s->off && r->at - r->last_at > TX_ANCHOR_REACH ? r->dct : r->last_day;
        tx_civil_from_days(base + s->off, &y, &m, &d);
        const char *tod = s->y == 1 ? r->last_tod : s->tod;   /* "à ce moment-là" */
        if (s->tod[0])
            snprintf(r->last_tod, sizeof r->last_tod, "%s", s->tod);
        return emit_abs(a, G_DAY, y, m, d, tod, out);
    }
    case X_REL:
        switch (s->grain) {
        case G_DAY:
            day = r->dct + s->off;
            tx_civil_from_days(day, &y, &m, &d);
            set_last(r, day);
            return emit_ref(r, a, G_DAY, y, m, d, s->tod, out);
        case G_WEEK:
        case G_WEEKEND: {
            int off = s->off;
            /* "ce week-end" in a past-tense sentence written on a weekday: the one just gone */
            if (s->grain == G_WEEKEND && off == 0 && tense < 0 && weekday(r->dct) < 6)
                off = -1;
            tx_civil_from_days(r->dct + 7 * off, &y, &m, &d);
            return emit_ref(r, a, s->grain, y, m, d, NULL, out);
        }
        case G_MONTH:
            add_months(&y, &m, s->off);
            return emit_ref(r, a, G_MONTH, y, m, 1, NULL, out);
        case G_QUARTER: {
            int q = (m - 1) / 3 + s->off, yy = y + (q >= 0 ? q / 4 : -((3 - q) / 4));
            q -= (yy - y) * 4;
            return emit_ref(r, a, G_QUARTER, yy, q + 1, 1, NULL, out);
        }
        case G_HALF: {
            int h = (m - 1) / 6 + s->off, yy = y + (h >= 0 ? h / 2 : -((1 - h) / 2));
            h -= (yy - y) * 2;
            return emit_ref(r, a, G_HALF, yy, h + 1, 1, NULL, out);
        }
        case G_YEAR:
            return emit_ref(r, a, G_YEAR, y + s->off, 1, 1, NULL, out);
        case G_DECADE:
            return emit_abs(a, G_DECADE, y + 10 * s->off, 1, 1, NULL, out);
        case G_CENTURY:
            return emit_abs(a, G_CENTURY, y + 100 * s->off, 1, 1, NULL, out);
        case G_SEASON: {
            /* this/last/next season, seasons being three-month blocks from March */
            int t = (y * 12 + m - 1 - 2) / 3 + s->off;   /* index of season containing dct */
            int sy = t / 4, sq = t % 4;                  /* sq 0 spring .. 3 winter */
            return emit_abs(a, G_SEASON, sy, sq + 1, 1, NULL, out);
        }
        }
        return emit_under(a, s, out);
    }
    return emit_under(a, s, out);
}

int tx_valid_day(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1)
        return 0;
    return d <= (y > 0 ? month_days(y, m) : (m == 2 ? 29 : month_days(2001, m)));
}
