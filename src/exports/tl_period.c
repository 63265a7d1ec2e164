/* tl_period.c — the period where the news is (what articles recall from long before, or date
 * after themselves, is background), its sections by day, week or month, the source notes in
 * the order they are cited, and the key developments. */
#include "timeline_int.h"

#include "qp.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const tl *sort_ctx;

/* ---- days ---- */

long tl_day(const char *ymd)
{
    if (!ymd || strlen(ymd) < 10 || ymd[4] != '-' || ymd[7] != '-')
        return LONG_MIN;
    int y = atoi(ymd), m = atoi(ymd + 5), d = atoi(ymd + 8);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return LONG_MIN;
    /* Howard Hinnant's days_from_civil */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void tl_ymd(long z, char out[16])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf(out, 16, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100), (int)(d % 100));
}

/* Dated before undated; earlier first; at one start, the wider period first. */
static int cmp_item(const void *pa, const void *pb)
{
    const tl_item *a = pa, *b = pb;
    if (a->when != b->when) /* background before the period and after it: sorted apart anyway */
        return a->when - b->when;
    if ((a->day == LONG_MIN) != (b->day == LONG_MIN))
        return (a->day == LONG_MIN) - (b->day == LONG_MIN);
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    const char *ea = a->told.time.end, *eb = b->told.time.end;
    if ((ea != NULL) != (eb != NULL))
        return ea ? -1 : 1;
    if (ea && eb && strcmp(ea, eb))
        return -strcmp(ea, eb);
    return (a->first > b->first) - (a->first < b->first);
}

/* ---- the period ---- */

static int cmp_long(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    return (a > b) - (a < b);
}

/* An article recalls what ended this long before it was written: background, not news. */
#define RECALL_DAYS 60

/* -1 when the article recalls the event from well before its own date, +1 when the event is
 * dated after the article (an announcement or a typo), 0 for news; 0 when the article's date
 * is unknown. */
static int news_or_not(const tl *t, const tl_event *e)
{
    long pub = tl_day(t->docs[e->doc].published);
    if (pub == LONG_MIN || e->day == LONG_MIN)
        return 0;
    long end = e->end ? tl_day(e->end) : e->day + 1;
    if (end == LONG_MIN)
        end = e->day + 1;
    if (end <= pub - RECALL_DAYS)
        return -1;
    return e->day > pub + 1 ? 1 : 0;
}

/* The period is where the news is: the days of the events their articles report as news (an
 * article's recall of 1982, or a date after the article, is background); where articles have
 * no date, the precisely dated events within Tukey's fences (a quartile and a half of the
 * spread beyond the quartiles, three weeks at least). A window the user gave is the period.
 * Lines outside are marked before (-1) or after (+1). */
static int find_period(tl *t)
{
    size_t n = 0;
    long *days = malloc((t->n_events + 1) * sizeof *days);
    if (!days)
        return QP_ENOMEM;
    for (size_t i = 0; i < t->n_events; i++)
        if (t->events[i].precise)
            days[n++] = t->events[i].day;
    long lo = LONG_MIN, hi = LONG_MAX;
    if (n) {
        qp_sort(days, n, sizeof *days, cmp_long);
        long q1 = days[(n - 1) / 4], q3 = days[(3 * (n - 1)) / 4];
        long spread = q3 - q1 > 14 ? q3 - q1 : 14;
        lo = q1 - spread * 3 / 2;
        hi = q3 + spread * 3 / 2;
    }
    free(days);
    if (t->o->since)
        lo = tl_day(t->o->since);
    if (t->o->until)
        hi = tl_day(t->o->until);
    long first = LONG_MAX, last = LONG_MIN;
    for (size_t i = 0; i < t->n_items; i++) {
        tl_item *it = &t->items[i];
        if (it->day == LONG_MIN)
            continue;
        /* background when every article telling it recalls it (or dates it after itself) */
        int before = 1, after = 1, known = 0;
        for (size_t k = 0; k < it->n_events; k++) {
            const tl_event *e = &t->events[it->events[k]];
            int w = news_or_not(t, e);
            known |= tl_day(t->docs[e->doc].published) != LONG_MIN;
            before &= w < 0;
            after &= w > 0;
        }
        if (known)
            it->when = before ? -1 : after ? 1 : 0;
        else /* no article date: outside the fences is background */
            it->when = it->day < lo ? -1 : it->day > hi ? 1 : 0;
        if (t->o->since && it->when == 0 && it->day < lo && !(t->o->until && it->day > hi))
            it->when = 0; /* asked for: the window is the period */
        if (!it->when && t->events[it->first].precise) {
            first = it->day < first ? it->day : first;
            last = it->day > last ? it->day : last;
        }
    }
    /* what an article recalls from within the period is part of it, at its date */
    for (size_t i = 0; first != LONG_MAX && i < t->n_items; i++) {
        tl_item *it = &t->items[i];
        if (it->when < 0 && it->day != LONG_MIN && it->day >= first && it->day <= last)
            it->when = 0;
    }
    if (first == LONG_MAX) /* nothing precise: the starts of the coarse lines of the period */
        for (size_t i = 0; i < t->n_items; i++)
            if (t->items[i].day != LONG_MIN && !t->items[i].when) {
                first = t->items[i].day < first ? t->items[i].day : first;
                last = t->items[i].day > last ? t->items[i].day : last;
            }
    if (first != LONG_MAX) {
        char a[16], b[16];
        tl_ymd(first, a);
        tl_ymd(last, b);
        if (!(t->first_day = qp_arena_strdup(&t->arena, a)) || !(t->last_day = qp_arena_strdup(&t->arena, b)))
            return QP_ENOMEM;
    }
    return 0;
}

/* ---- sections ---- */

/* The first day of the section a day falls in: itself, its week's Monday, its month's first. */
static long section_start(const char *grain, long day)
{
    if (!strcmp(grain, "week")) {
        long dow = ((day % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: Monday is 0 */
        return day - dow;
    }
    if (!strcmp(grain, "month")) {
        char ymd[16];
        tl_ymd(day, ymd);
        ymd[8] = '0';
        ymd[9] = '1';
        return tl_day(ymd);
    }
    return day;
}

static long section_end(const char *grain, long start)
{
    if (!strcmp(grain, "week"))
        return start + 7;
    if (!strcmp(grain, "month")) {
        char ymd[16];
        tl_ymd(start + 31, ymd);
        ymd[8] = '0';
        ymd[9] = '1';
        return tl_day(ymd);
    }
    return start + 1;
}

static int add_section(tl *t, int kind, long start, const char *grain, size_t from, size_t to)
{
    tl_section *s = &t->sections[t->n_sections];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    if (kind == TL_SECTION_PERIOD) {
        char a[16], b[16];
        tl_ymd(start, a);
        tl_ymd(section_end(grain, start), b);
        s->grain = grain;
        if (!(s->start = qp_arena_strdup(&t->arena, a)) || !(s->end = qp_arena_strdup(&t->arena, b)))
            return QP_ENOMEM;
    }
    s->n_items = to - from;
    if (!(s->items = qp_arena_alloc(&t->arena, (s->n_items + 1) * sizeof *s->items)))
        return QP_ENOMEM;
    for (size_t k = from; k < to; k++) {
        s->items[k - from] = k;
        t->items[k].section = t->n_sections;
        for (size_t m = 0; m < t->items[k].n_events; m++)
            t->events[t->items[k].events[m]].item = k;
    }
    t->n_sections++;
    return 0;
}

static int grain_rank(const char *g)
{
    static const char *const order[] = {"day", "week", "month", "quarter", "season", "half", "year"};
    for (size_t i = 0; g && i < QP_ARRAY_LEN(order); i++)
        if (!strcmp(g, order[i]))
            return (int)i;
    return g ? 7 : 0; /* a decade, a century; no grain: a day */
}

static const char *display_grain; /* the sections' grain, for qsort */

static int kind_of(const tl_item *it)
{
    if (it->day == LONG_MIN)
        return TL_SECTION_UNDATED;
    if (it->when)
        return it->when < 0 ? TL_SECTION_BEFORE : TL_SECTION_AFTER;
    /* a year in a chronology by month would sit in one month it does not belong to */
    return grain_rank(it->told.time.grain) > grain_rank(display_grain) ? TL_SECTION_LONGER : TL_SECTION_PERIOD;
}

static int order_of(int kind)
{
    /* the period, the lines over longer periods, what lies before and after it, the undated */
    return kind == TL_SECTION_PERIOD ? 0 : kind == TL_SECTION_LONGER ? 1 : kind == TL_SECTION_BEFORE ? 2
         : kind == TL_SECTION_AFTER ? 3 : 4;
}

static int cmp_display(const void *pa, const void *pb)
{
    const tl_item *a = pa, *b = pb;
    int ka = order_of(kind_of(a)), kb = order_of(kind_of(b));
    return ka != kb ? ka - kb : cmp_item(pa, pb);
}

static int make_sections(tl *t)
{
    long span = t->first_day ? tl_day(t->last_day) - tl_day(t->first_day) : 0;
    /* a heading a day for a month, a week for half a year, a month beyond */
    t->section_grain = span <= 31 ? "day" : span <= 183 ? "week" : "month";
    display_grain = t->section_grain;
    qp_sort(t->items, t->n_items, sizeof *t->items, cmp_display);
    t->sections = qp_arena_calloc(&t->arena, t->n_items + 4, sizeof *t->sections);
    if (!t->sections)
        return QP_ENOMEM;
    long first = t->first_day ? tl_day(t->first_day) : LONG_MIN;
    for (size_t i = 0; i < t->n_items;) {
        int kind = kind_of(&t->items[i]);
        /* a month-long line that began before the period sits in its first section */
        long day = t->items[i].day != LONG_MIN && t->items[i].day < first && kind == TL_SECTION_PERIOD
                       ? first : t->items[i].day;
        long start = kind == TL_SECTION_PERIOD ? section_start(t->section_grain, day) : 0;
        size_t j = i + 1;
        while (j < t->n_items && kind_of(&t->items[j]) == kind &&
               (kind != TL_SECTION_PERIOD ||
                section_start(t->section_grain, t->items[j].day < first ? first : t->items[j].day) == start))
            j++;
        if (add_section(t, kind, start, t->section_grain, i, j))
            return QP_ENOMEM;
        if (kind == TL_SECTION_UNDATED)
            t->n_undated += j - i;
        else if (kind == TL_SECTION_BEFORE || kind == TL_SECTION_AFTER)
            t->n_background += j - i;
        i = j;
    }
    return 0;
}

/* ---- source notes ---- */

static int number_notes(tl *t)
{
    int note = 0;
    for (size_t i = 0; i < t->n_items; i++) {
        tl_item *it = &t->items[i];
        if (!(it->docs = qp_arena_alloc(&t->arena, (it->n_events + 1) * sizeof *it->docs)))
            return QP_ENOMEM;
        it->n_docs = 0;
        for (size_t k = 0; k < it->n_events; k++) {
            size_t d = t->events[it->events[k]].doc;
            if (!t->docs[d].note)
                t->docs[d].note = ++note;
            size_t m = 0;
            while (m < it->n_docs && it->docs[m] != d)
                m++;
            if (m == it->n_docs)
                it->docs[it->n_docs++] = d;
        }
        for (size_t a = 1; a < it->n_docs; a++) /* by note number: insertion sort, lists are short */
            for (size_t b = a; b > 0 && t->docs[it->docs[b - 1]].note > t->docs[it->docs[b]].note; b--) {
                size_t tmp = it->docs[b];
                it->docs[b] = it->docs[b - 1];
                it->docs[b - 1] = tmp;
            }
    }
    if (!(t->cited = qp_arena_alloc(&t->arena, ((size_t)note + 1) * sizeof *t->cited)))
        return QP_ENOMEM;
    for (size_t d = 0; d < t->n_docs; d++)
        if (t->docs[d].note)
            t->cited[t->docs[d].note - 1] = d;
    t->n_cited = (size_t)note;
    return 0;
}

/* ---- key developments ---- */

/* Independent sources first, then a line that says whom, where or what before one that does
 * not, then mentions, then confidence. */
static int cmp_key(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const tl_item *a = &sort_ctx->items[ia], *b = &sort_ctx->items[ib];
    if (a->n_docs != b->n_docs)
        return a->n_docs < b->n_docs ? 1 : -1;
    if (a->informative != b->informative)
        return a->informative < b->informative ? 1 : -1;
    if (a->n_events != b->n_events)
        return a->n_events < b->n_events ? 1 : -1;
    if (a->confidence != b->confidence)
        return a->confidence < b->confidence ? 1 : -1;
    return (ia > ib) - (ia < ib);
}

int tl_rank_key(tl *t)
{
    size_t want = t->o->key_developments ? t->o->key_developments : 5;
    if (!(t->key = qp_arena_alloc(&t->arena, (t->n_items + 1) * sizeof *t->key)))
        return QP_ENOMEM;
    size_t nk = 0;
    for (size_t i = 0; i < t->n_items; i++) /* undated lines cannot say when they mattered, nor the background */
        if (t->items[i].day != LONG_MIN && t->items[i].when == 0)
            t->key[nk++] = i;
    sort_ctx = t;
    qp_sort(t->key, nk, sizeof *t->key, cmp_key);
    t->n_key = nk < want ? nk : want;
    return 0;
}

int tl_arrange(tl *t)
{
    int rc = find_period(t);
    if (!rc)
        rc = make_sections(t);
    if (!rc)
        rc = number_notes(t);
    return rc;
}
