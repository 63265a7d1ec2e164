/* tl_merge.c — the same event told by many articles merged into one line (within a few days,
 * at places that agree), the period where the events are (what lies far outside it is
 * background), its sections by day, week or month, the source notes and the key developments. */
#include "timeline_int.h"

#include "phrase.h"
#include "qp.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- what the merge compares ---- */

/* An actor as merged: a state's government, army, police and officials are the state (one
 * article says "Damascus", another "the Syrian army"); anything else is itself. */
static const char *root_of(const qp_actor_ref *a)
{
    static const char *const state_kinds[] = {"state", "government", "military", "police", "paramilitary",
                                              "person"};
    if (!a->id && !a->label && !a->text)
        return NULL;
    for (size_t i = 0; a->kind && a->country && *a->country && i < QP_ARRAY_LEN(state_kinds); i++)
        if (!strcmp(a->kind, state_kinds[i]))
            return a->country;
    return a->id ? a->id : a->label ? a->label : a->text;
}

static int same(const char *a, const char *b)
{
    return a && b ? !strcmp(a, b) : a == b;
}

static int is_country_place(const qp_place_ref *p)
{
    return p->feature && !strncmp(p->feature, "A.PCL", 5);
}

static int specific_place(const qp_place_ref *p)
{
    return p->id && !is_country_place(p);
}

/* How a place names an event best: a capital, then a provincial seat, a town, a province, a
 * region. */
static int place_rank(const qp_place_ref *p)
{
    const char *f = p->feature ? p->feature : "";
    return !strcmp(f, "P.PPLC") ? 5 : !strncmp(f, "P.PPLA", 6) ? 4 : f[0] == 'P' ? 3 : f[0] == 'A' ? 2 : 1;
}

/* A province, a region: a place wider than a town (GeoNames' A and L classes). */
static int is_area(const qp_place_ref *p)
{
    return p->feature && (p->feature[0] == 'A' || p->feature[0] == 'L');
}

/* Great-circle distance in km. */
static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0, rad = M_PI / 180;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

/* Two places tell of one event up to this far apart: a city and its suburbs. */
#define NEAR_KM 40.0
/* An article reports an event of its own day or of the days just before. */
#define REPORT_LAG_DAYS 3

static void prepare(tl *t)
{
    for (size_t i = 0; i < t->n_events; i++) {
        tl_event *te = &t->events[i];
        const qp_time_ref *tm = &te->e.time;
        te->day = tm->start ? tl_day(tm->start) : LONG_MIN;
        long end = te->end ? tl_day(te->end) : LONG_MIN;
        /* a day, or a few (a week at most): it can be merged with reports of nearby days */
        te->precise = te->day != LONG_MIN && (!tm->grain || !strcmp(tm->grain, "day") ||
                                             (end != LONG_MIN && end - te->day <= 8));
        te->from_text = tm->anchor && strcmp(tm->anchor, "document");
        te->root1 = root_of(&te->e.actor1);
        te->root2 = root_of(&te->e.actor2);
    }
}

/* ---- clustering ---- */

typedef struct cluster {
    size_t *members, n, cap;
    const char *root2;          /* the recipient its members agree on, or NULL */
    long lo, hi;                /* when it happened: the days its members allow */
    int specific;               /* has a place below the country */
    int area;                   /* that place is a province or a region */
    double lat, lon;            /* of its first such place */
    const char *country;        /* alpha-2 of its places */
    size_t docs;                /* rough: members (to prefer the biggest) */
} cluster;

static const tl *sort_ctx;

/* Groups by actor and action, then time order: the candidates of a merge are neighbours. */
static int cmp_group(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const tl_event *a = &sort_ctx->events[ia], *b = &sort_ctx->events[ib];
    int c = (a->day == LONG_MIN) - (b->day == LONG_MIN);
    if (!c)
        c = a->root1 && b->root1 ? strcmp(a->root1, b->root1) : (a->root1 != NULL) - (b->root1 != NULL);
    if (!c)
        c = strcmp(a->e.action ? a->e.action : "", b->e.action ? b->e.action : "");
    if (!c)
        c = (a->day > b->day) - (a->day < b->day);
    if (!c)
        c = (b->from_text > a->from_text) - (b->from_text < a->from_text); /* dated by the text first */
    return c ? c : (ia > ib) - (ia < ib);
}

static int same_group(const tl_event *a, const tl_event *b)
{
    return (a->day == LONG_MIN) == (b->day == LONG_MIN) && same(a->root1, b->root1) && same(a->e.action, b->e.action);
}

/* The days an event allows: its own when the text dates it, the few before its article's
 * date when only that dates it. */
static void window(const tl_event *e, long *lo, long *hi)
{
    *hi = e->day;
    *lo = e->from_text ? e->day : e->day - REPORT_LAG_DAYS;
}

static int fits(const tl *t, const cluster *c, const tl_event *e)
{
    const tl_event *f = &t->events[c->members[0]];
    /* another recipient is another event, unless both name one place on the same days: one
     * article's "rebels" are another's "civilians" under the same shells */
    int other_recipient = c->root2 && e->root2 && strcmp(c->root2, e->root2);
    if (e->day == LONG_MIN) /* undated: only with its like */
        return !other_recipient && same(f->root2, e->root2);
    if (other_recipient && !(e->precise && f->precise &&
                             ((c->specific && specific_place(&e->e.place)) ||
                              (e->from_text && c->lo == c->hi && e->day == c->lo))))
        return 0;
    if (!e->precise || !f->precise) /* a month, a year: only the same period */
        return !e->precise && !f->precise && f->day == e->day && same(f->end, e->end) && same(c->root2, e->root2);
    long lo, hi;
    window(e, &lo, &hi);
    if (hi < c->lo - 1 || lo > c->hi + 1) /* a day either way: "la nuit de mardi à mercredi" */
        return 0;
    const qp_place_ref *p = &e->e.place;
    if (specific_place(p) && c->specific) /* a province or a region is wider than a town */
        return km(c->lat, c->lon, p->lat, p->lon) <= (c->area || is_area(p) ? 3 * NEAR_KM : NEAR_KM);
    /* a country, or no place: it agrees with any place of that country */
    return !p->country || !c->country || !strcmp(p->country, c->country);
}

static int join(cluster *c, size_t i, const tl_event *e)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        size_t *m = realloc(c->members, cap * sizeof *m);
        if (!m)
            return QP_ENOMEM;
        c->members = m;
        c->cap = cap;
    }
    c->members[c->n++] = i;
    if (!c->root2)
        c->root2 = e->root2;
    if (e->day != LONG_MIN && e->precise) {
        long lo, hi;
        window(e, &lo, &hi);
        if (c->n == 1) {
            c->lo = lo;
            c->hi = hi;
        } else { /* narrow to what both allow; when only the tolerance joined them, keep both */
            long nlo = lo > c->lo ? lo : c->lo, nhi = hi < c->hi ? hi : c->hi;
            if (nlo <= nhi) {
                c->lo = nlo;
                c->hi = nhi;
            } else {
                c->lo = lo < c->lo ? lo : c->lo;
                c->hi = hi > c->hi ? hi : c->hi;
            }
        }
    }
    const qp_place_ref *p = &e->e.place;
    if (specific_place(p) && !c->specific) {
        c->specific = 1;
        c->area = is_area(p);
        c->lat = p->lat;
        c->lon = p->lon;
    }
    if (p->country && !c->country)
        c->country = p->country;
    c->docs++;
    return 0;
}

/* ---- items ---- */

static int cmp_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return (a > b) - (a < b);
}

/* The member that tells the line best: dated by its text, with a recipient and a precise
 * place, extracted with confidence. */
static size_t representative(const tl *t, const size_t *m, size_t n)
{
    size_t best = m[0];
    double best_score = -1;
    for (size_t k = 0; k < n; k++) {
        const tl_event *e = &t->events[m[k]];
        double s = 2.0 * e->from_text + 1.0 * (e->root2 != NULL) + 1.0 * specific_place(&e->e.place) +
                   0.5 * (e->e.place.id != NULL) + e->e.confidence;
        if (s > best_score) {
            best_score = s;
            best = m[k];
        }
    }
    return best;
}

/* The line's day: the one most of its text-dated members give (the earliest of a tie), else
 * the earliest report. */
static long item_day(const tl *t, const size_t *m, size_t n)
{
    long best = LONG_MIN, first_report = LONG_MAX;
    size_t best_votes = 0;
    for (size_t k = 0; k < n; k++) {
        const tl_event *e = &t->events[m[k]];
        if (e->day == LONG_MIN)
            continue;
        first_report = e->day < first_report ? e->day : first_report;
        if (!e->from_text)
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < n; j++)
            votes += t->events[m[j]].from_text && t->events[m[j]].day == e->day;
        if (votes > best_votes || (votes == best_votes && e->day < best)) {
            best_votes = votes;
            best = e->day;
        }
    }
    return best != LONG_MIN ? best : first_report == LONG_MAX ? LONG_MIN : first_report;
}

static int make_item(tl *t, tl_item *it, cluster *c)
{
    qp_sort(c->members, c->n, sizeof *c->members, cmp_size);
    it->n_events = c->n;
    if (!(it->events = qp_arena_alloc(&t->arena, c->n * sizeof *it->events)))
        return QP_ENOMEM;
    memcpy(it->events, c->members, c->n * sizeof *it->events);
    it->first = representative(t, c->members, c->n);
    for (size_t k = 0; k < c->n; k++)
        if (t->events[c->members[k]].e.confidence > it->confidence)
            it->confidence = t->events[c->members[k]].e.confidence;
    const tl_event *rep = &t->events[it->first];
    it->told = rep->e;
    /* the actor, the recipient and the place most of its events name (a tie: the
     * representative's, then the town over the region) */
    size_t best1 = 0, best2 = 0, bestp = 0;
    int best_rank = -1;
    for (size_t k = 0; k < c->n; k++) {
        const tl_event *e = &t->events[c->members[k]];
        size_t v1 = 0, v2 = 0, vp = 0;
        for (size_t j = 0; j < c->n; j++) {
            const tl_event *o = &t->events[c->members[j]];
            v1 += same(e->e.actor1.id, o->e.actor1.id);
            v2 += e->root2 && o->root2 && !strcmp(e->root2, o->root2);
            vp += e->e.place.id && o->e.place.id && !strcmp(e->e.place.id, o->e.place.id);
        }
        int is_rep = c->members[k] == it->first;
        if (v1 > best1 || (v1 == best1 && is_rep)) {
            best1 = v1;
            it->told.actor1 = e->e.actor1;
        }
        if (v2 > best2 || (v2 == best2 && v2 && is_rep)) {
            best2 = v2;
            it->told.actor2 = e->e.actor2;
        }
        int rank = place_rank(&e->e.place);
        if (specific_place(&e->e.place) && (vp > bestp || (vp == bestp && rank > best_rank))) {
            bestp = vp;
            best_rank = rank;
            it->told.place = e->e.place;
        }
    }
    it->day = rep->precise ? item_day(t, c->members, c->n) : rep->day;
    if (rep->precise && it->day != LONG_MIN) {
        char ymd[16];
        tl_ymd(it->day, ymd);
        if (!(it->told.time.start = qp_arena_strdup(&t->arena, ymd)))
            return QP_ENOMEM;
        it->told.time.end = NULL;
        it->told.time.grain = "day";
    }
    return 0;
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

static int cluster_all(tl *t)
{
    int rc = QP_ENOMEM;
    size_t n = t->n_events;
    size_t *idx = malloc((n + 1) * sizeof *idx);
    cluster *open = NULL; /* the clusters of the current group */
    size_t n_open = 0, cap_open = 0;
    t->items = qp_arena_calloc(&t->arena, n + 1, sizeof *t->items);
    if (!idx || !t->items)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_ctx = t;
    qp_sort(idx, n, sizeof *idx, cmp_group);
    for (size_t g = 0; g < n;) {
        size_t end = g + 1;
        while (end < n && same_group(&t->events[idx[g]], &t->events[idx[end]]))
            end++;
        n_open = 0;
        for (size_t k = g; k < end; k++) {
            const tl_event *e = &t->events[idx[k]];
            /* the fitting cluster with most members; reports of one event pile up */
            size_t best = SIZE_MAX;
            for (size_t c = 0; c < n_open; c++)
                if (fits(t, &open[c], e) && (best == SIZE_MAX || open[c].n > open[best].n))
                    best = c;
            if (best == SIZE_MAX) {
                if (n_open == cap_open) {
                    size_t cap = cap_open ? cap_open * 2 : 16;
                    cluster *o = realloc(open, cap * sizeof *o);
                    if (!o)
                        goto cleanup;
                    memset(o + cap_open, 0, (cap - cap_open) * sizeof *o);
                    open = o;
                    cap_open = cap;
                }
                best = n_open++;
                free(open[best].members);
                memset(&open[best], 0, sizeof open[best]);
            }
            if (join(&open[best], idx[k], e))
                goto cleanup;
        }
        for (size_t c = 0; c < n_open; c++)
            if (make_item(t, &t->items[t->n_items++], &open[c]))
                goto cleanup;
        g = end;
    }
    rc = 0;
cleanup:
    for (size_t c = 0; c < cap_open; c++)
        free(open[c].members);
    free(open);
    free(idx);
    return rc;
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

/* ---- one sentence, several actors ---- */

/* Do the events of b all come from sentences a tells too? */
static int same_sentences(const tl *t, const tl_item *a, const tl_item *b)
{
    for (size_t i = 0; i < b->n_events; i++) {
        const tl_event *e = &t->events[b->events[i]];
        size_t k = 0;
        while (k < a->n_events && !(t->events[a->events[k]].doc == e->doc &&
                                    t->events[a->events[k]].e.sentence == e->e.sentence))
            k++;
        if (k == a->n_events)
            return 0;
    }
    return 1;
}

/* "Russia and China" in both languages, each with the article its language wants. */
static int joint_actor(tl *t, qp_actor_ref *into, const qp_actor_ref *other)
{
    qp_buf en, fr;
    qp_buf_init(&en);
    qp_buf_init(&fr);
    int rc = qp_phrase_actor(&en, into, QP_LANG_EN, 0) || qp_buf_puts(&en, " and ") ||
             qp_phrase_actor(&en, other, QP_LANG_EN, 0) || qp_phrase_actor(&fr, into, QP_LANG_FR, 0) ||
             qp_buf_puts(&fr, " et ") || qp_phrase_actor(&fr, other, QP_LANG_FR, 0);
    if (!rc) {
        into->label = qp_arena_strdup(&t->arena, en.data);
        into->label_fr = qp_arena_strdup(&t->arena, fr.data);
        rc = !into->label || !into->label_fr;
        into->id = NULL;
        into->kind = "person"; /* the words carry their articles: none is added */
    }
    qp_buf_destroy(&en);
    qp_buf_destroy(&fr);
    return rc ? QP_ENOMEM : 0;
}

/* Lines that one sentence tells of several actors ("Russia and China vetoed the draft") are
 * one line with a joint subject: same action, day and recipient, the events of one drawn from
 * the sentences of the other. */
static int cmp_day_action(const void *pa, const void *pb)
{
    const tl_item *a = &sort_ctx->items[*(const size_t *)pa], *b = &sort_ctx->items[*(const size_t *)pb];
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    int c = strcmp(a->told.action ? a->told.action : "", b->told.action ? b->told.action : "");
    if (c)
        return c;
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    return (ia > ib) - (ia < ib);
}

static int join_subjects(tl *t)
{
    size_t *idx = malloc((t->n_items + 1) * sizeof *idx);
    if (!idx)
        return QP_ENOMEM;
    for (size_t i = 0; i < t->n_items; i++)
        idx[i] = i;
    sort_ctx = t;
    qp_sort(idx, t->n_items, sizeof *idx, cmp_day_action); /* candidates are neighbours */
    int rc = 0;
    for (size_t x = 0; x < t->n_items && !rc; x++) {
        tl_item *a = &t->items[idx[x]];
        if (!a->n_events || a->day == LONG_MIN)
            continue;
        for (size_t y = x + 1; y < t->n_items && !rc; y++) {
            tl_item *b = &t->items[idx[y]];
            if (b->day != a->day || !same(a->told.action, b->told.action))
                break;
            if (!b->n_events || !same(t->events[a->first].root2, t->events[b->first].root2) ||
                same(t->events[a->first].root1, t->events[b->first].root1) || !same_sentences(t, a, b))
                continue;
            size_t *ev = qp_arena_alloc(&t->arena, (a->n_events + b->n_events) * sizeof *ev);
            /* the actors in the order the sentence names them */
            int b_first = t->events[b->first].e.evidence_start < t->events[a->first].e.evidence_start;
            qp_actor_ref first_actor = b_first ? b->told.actor1 : a->told.actor1;
            const qp_actor_ref *second = b_first ? &a->told.actor1 : &b->told.actor1;
            if (ev) {
                qp_actor_ref second_copy = *second;
                a->told.actor1 = first_actor;
                second = &second_copy;
                if (joint_actor(t, &a->told.actor1, second))
                    ev = NULL;
            }
            if (!ev) {
                rc = QP_ENOMEM;
                break;
            }
            memcpy(ev, a->events, a->n_events * sizeof *ev);
            memcpy(ev + a->n_events, b->events, b->n_events * sizeof *ev);
            a->events = ev;
            a->n_events += b->n_events;
            a->confidence = b->confidence > a->confidence ? b->confidence : a->confidence;
            b->n_events = 0; /* dropped below */
        }
    }
    free(idx);
    size_t w = 0;
    for (size_t i = 0; i < t->n_items; i++)
        if (t->items[i].n_events)
            t->items[w++] = t->items[i];
    t->n_items = w;
    return rc;
}

int tl_merge(tl *t)
{
    prepare(t);
    int rc = cluster_all(t);
    if (!rc)
        rc = join_subjects(t);
    if (!rc)
        rc = find_period(t);
    if (!rc)
        rc = make_sections(t);
    if (!rc)
        rc = number_notes(t);
    return rc;
}
