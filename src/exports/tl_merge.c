/* tl_merge.c — the same event told by many articles merged into one line: within a few days,
 * at places that agree, a state's agencies as the state; one sentence's actors as one subject. */
#include "timeline_int.h"

#include "phrase.h"
#include "qp.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    long last;                  /* the latest day of a member (LONG_MIN: none dated) */
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
    if (c->n == 1)
        c->last = LONG_MIN;
    if (e->day != LONG_MIN && e->day > c->last)
        c->last = e->day;
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

/* Votes among a line's events (its actor, recipient, place, day) are counted over its first
 * events: enough to tell, and a line of thousands of mentions stays cheap. */
#define VOTE_SAMPLE 64

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
        if (!e->from_text || k >= VOTE_SAMPLE)
            continue;
        size_t votes = 0;
        for (size_t j = 0; j < n && j < VOTE_SAMPLE; j++)
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
    size_t sample = c->n < VOTE_SAMPLE ? c->n : VOTE_SAMPLE;
    for (size_t k = 0; k < sample; k++) {
        const tl_event *e = &t->events[c->members[k]];
        size_t v1 = 0, v2 = 0, vp = 0;
        for (size_t j = 0; j < sample; j++) {
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
            /* events come in day order: a cluster whose days are well behind is complete (this
             * keeps the candidates few over a million events) */
            for (size_t c = 0; c < n_open && e->day != LONG_MIN;) {
                if (open[c].last != LONG_MIN && open[c].last < e->day - (REPORT_LAG_DAYS + 2)) {
                    if (make_item(t, &t->items[t->n_items++], &open[c]))
                        goto cleanup;
                    free(open[c].members);
                    open[c] = open[--n_open];
                    memset(&open[n_open], 0, sizeof open[n_open]);
                } else {
                    c++;
                }
            }
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
            }
            if (join(&open[best], idx[k], e))
                goto cleanup;
        }
        for (size_t c = 0; c < n_open; c++) {
            if (make_item(t, &t->items[t->n_items++], &open[c]))
                goto cleanup;
            free(open[c].members);
            memset(&open[c], 0, sizeof open[c]);
        }
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

/* ---- one sentence, several actors ---- */

/* The one sentence all of an item's events come from: its document and number, or 0 when
 * they come from several. */
static int one_sentence(const tl *t, const tl_item *it, size_t *doc, int *sentence)
{
    const tl_event *f = &t->events[it->events[0]];
    for (size_t k = 1; k < it->n_events; k++) {
        const tl_event *e = &t->events[it->events[k]];
        if (e->doc != f->doc || e->e.sentence != f->e.sentence)
            return 0;
    }
    *doc = f->doc;
    *sentence = f->e.sentence;
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

typedef struct sentence_key {
    size_t item, doc;
    int sentence;
} sentence_key;

static int cmp_sentence_key(const void *pa, const void *pb)
{
    const sentence_key *a = pa, *b = pb;
    const tl_item *x = &sort_ctx->items[a->item], *y = &sort_ctx->items[b->item];
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    int c = strcmp(x->told.action ? x->told.action : "", y->told.action ? y->told.action : "");
    return c ? c : (a->item > b->item) - (a->item < b->item);
}

/* Lines that one sentence tells of several actors ("Russia and China vetoed the draft") are
 * one line with a joint subject: the same sentence, day, action and recipient, other actors. */
static int join_subjects(tl *t)
{
    sentence_key *keys = malloc((t->n_items + 1) * sizeof *keys);
    if (!keys)
        return QP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < t->n_items; i++)
        if (t->items[i].day != LONG_MIN && one_sentence(t, &t->items[i], &keys[n].doc, &keys[n].sentence))
            keys[n++].item = i;
    sort_ctx = t;
    qp_sort(keys, n, sizeof *keys, cmp_sentence_key); /* candidates are neighbours */
    int rc = 0;
    for (size_t x = 0; x < n && !rc; x++) {
        tl_item *a = &t->items[keys[x].item];
        if (!a->n_events)
            continue;
        for (size_t y = x + 1; y < n && !rc; y++) {
            tl_item *b = &t->items[keys[y].item];
            if (keys[y].doc != keys[x].doc || keys[y].sentence != keys[x].sentence || b->day != a->day ||
                !same(a->told.action, b->told.action))
                break;
            if (!b->n_events || !same(t->events[a->first].root2, t->events[b->first].root2) ||
                same(t->events[a->first].root1, t->events[b->first].root1))
                continue;
            size_t *ev = qp_arena_alloc(&t->arena, (a->n_events + b->n_events) * sizeof *ev);
            /* the actors in the order the sentence names them */
            int b_first = t->events[b->first].e.evidence_start < t->events[a->first].e.evidence_start;
            qp_actor_ref second = b_first ? a->told.actor1 : b->told.actor1;
            if (b_first)
                a->told.actor1 = b->told.actor1;
            if (!ev || joint_actor(t, &a->told.actor1, &second)) {
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
    free(keys);
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
    return rc ? rc : join_subjects(t);
}
