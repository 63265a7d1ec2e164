/* timeline.c — reads the events of a period back from the store, merges those several
 * articles tell alike, numbers the sources, finds the blocs, and hands over to a renderer. */
#include "timeline_int.h"

#include "codes.h"
#include "doctitle.h"
#include "palette.h"
#include "graph.h"
#include "graph_load.h"
#include "outfile.h"
#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <utf8proc.h>

int qp_timeline_format_parse(const char *s)
{
    static const struct { const char *name; int fmt; } names[] = {
        {"md", QP_TIMELINE_MD}, {"markdown", QP_TIMELINE_MD}, {"html", QP_TIMELINE_HTML},
        {"json", QP_TIMELINE_JSON}, {"timelinejs", QP_TIMELINE_JSON}, {"csv", QP_TIMELINE_CSV},
        {"jsonl", QP_TIMELINE_JSONL},
    };
    for (size_t i = 0; s && i < QP_ARRAY_LEN(names); i++)
        if (!strcasecmp(s, names[i].name))
            return names[i].fmt;
    return QP_EINVAL;
}

/* ---- reading ---- */

typedef struct doc_map {
    size_t *slots;  /* doc index + 1; 0 is empty */
    size_t cap;
} doc_map;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

typedef struct loader {
    tl *t;
    doc_map map;
    int err;
} loader;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return QP_ENOMEM;
    *p = q;
    *cap = n;
    return 0;
}

/* The index of the document named name, added when new; (size_t)-1 when out of memory. */
static size_t doc_index(loader *l, const char *name)
{
    tl *t = l->t;
    if (t->n_docs * 2 >= l->map.cap) {
        size_t cap = l->map.cap ? l->map.cap * 2 : 64;
        size_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return (size_t)-1;
        for (size_t i = 0; i < t->n_docs; i++) {
            size_t h = hash_str(t->docs[i].name) & (cap - 1);
            while (slots[h])
                h = (h + 1) & (cap - 1);
            slots[h] = i + 1;
        }
        free(l->map.slots);
        l->map.slots = slots;
        l->map.cap = cap;
    }
    size_t h = hash_str(name) & (l->map.cap - 1);
    for (; l->map.slots[h]; h = (h + 1) & (l->map.cap - 1))
        if (!strcmp(t->docs[l->map.slots[h] - 1].name, name))
            return l->map.slots[h] - 1;
    if (grow((void **)&t->docs, &t->cap_docs, t->n_docs + 1, sizeof *t->docs))
        return (size_t)-1;
    tl_doc *d = &t->docs[t->n_docs];
    memset(d, 0, sizeof *d);
    if (!(d->name = qp_arena_strdup(&t->arena, name)))
        return (size_t)-1;
    l->map.slots[h] = ++t->n_docs;
    return t->n_docs - 1;
}

#define DUP(field) (c->field = qp_arena_strdup(a, e->field), !e->field || c->field)

static int copy_actor(qp_arena *a, qp_actor_ref *c, const qp_actor_ref *e)
{
    return DUP(id) && DUP(label) && DUP(label_fr) && DUP(kind) && DUP(country) && DUP(parent) && DUP(text);
}

static int copy_event(qp_arena *a, qp_event *c, const qp_event *e)
{
    *c = *e;
    return DUP(uid) && DUP(doc) && copy_actor(a, &c->actor1, &e->actor1) &&
           copy_actor(a, &c->actor2, &e->actor2) && DUP(action) && DUP(mode) && DUP(context) &&
           DUP(cameo) && DUP(action_text) && DUP(place.id) && DUP(place.label) && DUP(place.country) &&
           DUP(place.feature) && DUP(place.text) && DUP(time.value) && DUP(time.start) && DUP(time.end) &&
           DUP(time.grain) && DUP(time.text) && DUP(time.anchor) && DUP(evidence_text) && DUP(speaker);
}

/* True when the interval [start, end) is the start day alone. */
static int is_one_day(const qp_time_ref *t)
{
    if (!t->end || (t->grain && !strcmp(t->grain, "day")))
        return 1;
    if (strlen(t->start) < 10 || strlen(t->end) < 10)
        return 0;
    struct tm tm = {.tm_year = atoi(t->start) - 1900, .tm_mon = atoi(t->start + 5) - 1,
                    .tm_mday = atoi(t->start + 8) + 1, .tm_hour = 12};
    time_t tt = timegm(&tm);
    gmtime_r(&tt, &tm);
    char next[48];
    snprintf(next, sizeof next, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return strncmp(next, t->end, 10) >= 0;
}

static int on_event(const qp_event *e, void *ud)
{
    loader *l = ud;
    tl *t = l->t;
    if (grow((void **)&t->events, &t->cap_events, t->n_events + 1, sizeof *t->events))
        return l->err = QP_ENOMEM;
    tl_event *te = &t->events[t->n_events];
    memset(te, 0, sizeof *te);
    if (!copy_event(&t->arena, &te->e, e))
        return l->err = QP_ENOMEM;
    /* an event without a start date is undated whatever else it carries: no date is invented */
    te->end = te->e.time.end;
    te->grain = te->e.time.grain;
    if (!te->e.time.start) {
        te->e.time.end = NULL;
        te->e.time.grain = NULL;
    } else if (is_one_day(&te->e.time)) {
        /* one day however it was found ("Thursday", the article date, a one-day week):
         * one section heading for it */
        te->e.time.end = NULL;
        te->e.time.grain = "day";
    }
    if ((te->doc = doc_index(l, e->doc ? e->doc : "?")) == (size_t)-1)
        return l->err = QP_ENOMEM;
    t->n_events++;
    return 0;
}

/* "DEIR EZ-ZOR" as "Deir Ez-Zor" (every word), "liban" as "Liban" (the first only). */
static const char *title_case(qp_arena *a, const char *s, int every_word)
{
    utf8proc_uint8_t *low = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &low,
                     UTF8PROC_NULLTERM | UTF8PROC_COMPOSE | (every_word ? UTF8PROC_CASEFOLD : 0)) < 0)
        return s;
    qp_buf b;
    qp_buf_init(&b);
    int start = 1, rc = 0;
    const utf8proc_uint8_t *p = low;
    while (*p && !rc) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
        if (n <= 0)
            break;
        utf8proc_uint8_t enc[8];
        utf8proc_ssize_t m = utf8proc_encode_char(start ? utf8proc_toupper(c) : c, enc);
        rc = qp_buf_append(&b, (const char *)enc, (size_t)m);
        start = every_word && (c == ' ' || c == '-' || c == '\'');
        p += n;
    }
    free(low);
    const char *out = rc ? NULL : qp_arena_strdup(a, b.data ? b.data : "");
    qp_buf_destroy(&b);
    return out;
}

/* A place and the name French articles give it. */
typedef struct fr_name {
    const char *id, *name;
} fr_name;

static int cmp_fr_name(const void *pa, const void *pb)
{
    const fr_name *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : strcmp(a->name, b->name);
}

/* The words a French article used for a place, cleaned: a dateline's capitals ("NICOSIE -")
 * as a name ("Nicosie"). A common noun ("banlieue de Damas") stays one: the sentence gives it
 * its article. */
static const char *french_words(tl *t, const char *text)
{
    int lower = 0;
    for (const char *c = text; *c && !lower; c++)
        lower = *c >= 'a' && *c <= 'z';
    return lower ? text : title_case(&t->arena, text, 1);
}

/* Gazetteer labels are English: a French briefing names a place as the French articles of the
 * briefing name it (every event at Damascus is "à Damas" once one article says so), a country
 * as the actor table does ("en Syrie", not "au Syria"). */
static int frenchify_places(tl *t, qp_store *s)
{
    if (t->o->lang != QP_LANG_FR)
        return 0;
    fr_name *names = malloc((t->n_events + 1) * sizeof *names);
    if (!names)
        return QP_ENOMEM;
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < t->n_events && !rc; i++) {
        qp_place_ref *p = &t->events[i].e.place;
        const tl_doc *d = &t->docs[t->events[i].doc];
        if (!d->lang || strcmp(d->lang, "fr") || !p->text || !*p->text)
            continue;
        const char *w = french_words(t, p->text);
        if (!w)
            rc = QP_ENOMEM;
        else if (p->id)
            names[n++] = (fr_name){p->id, w};
        else
            p->label = w;
    }
    qp_sort(names, n, sizeof *names, cmp_fr_name);
    /* per place, the name most often used (runs of equal names are adjacent) */
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i, best = i, best_run = 0;
        while (j < n && !strcmp(names[j].id, names[i].id)) {
            size_t k = j;
            while (k < n && !strcmp(names[k].id, names[j].id) && !strcmp(names[k].name, names[j].name))
                k++;
            if (k - j > best_run) {
                best_run = k - j;
                best = j;
            }
            j = k;
        }
        names[m++] = names[best];
        i = j;
    }
    for (size_t i = 0; i < t->n_events && !rc; i++) {
        qp_place_ref *p = &t->events[i].e.place;
        if (!p->id)
            continue;
        /* a country: the actor table's French name ("Liban"), whatever an article wrote */
        if (p->label && p->feature && !strncmp(p->feature, "A.PCL", 5)) {
            char fr[256];
            int r = qp_store_state_label_fr(s, p->label, fr, sizeof fr);
            if (!r && !(p->label = qp_arena_strdup(&t->arena, fr)))
                rc = QP_ENOMEM;
            else if (r == QP_ENOMEM)
                rc = r;
            if (!r || rc)
                continue; /* else the French articles' word, or the English name, will do */
        }
        fr_name key = {p->id, ""}, *hit = NULL;
        size_t lo = 0, hi = m;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(names[mid].id, key.id);
            if (!c) {
                hit = &names[mid];
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (hit)
            p->label = hit->name;
    }
    free(names);
    return rc;
}

/* Each cited document's title as a reader should see it (not a scraped page's banner), its
 * outlet (never a local path), URL, date and language. */
static int load_docs(tl *t, qp_store *s, char *err, size_t errlen)
{
    qp_doc_names *names = NULL;
    int rc = qp_doc_names_open(&names, s);
    for (size_t i = 0; i < t->n_docs && !rc; i++) {
        tl_doc *d = &t->docs[i];
        qp_doc_meta m;
        rc = qp_store_doc_meta(s, d->name, &m);
        if (rc == QP_ENOTFOUND) {
            rc = 0;
            continue;
        }
        if (rc)
            break;
        char *title = NULL, host[256];
        rc = qp_doc_names_title(names, d->name, m.title, m.source, &title);
        const char *outlet = qp_doc_outlet(m.source, m.url, host, sizeof host);
        const char *v[] = {title, m.url, outlet, m.published, m.lang};
        const char **f[] = {&d->title, &d->url, &d->source, &d->published, &d->lang};
        for (int k = 0; k < 5 && !rc; k++)
            if (v[k] && !(*f[k] = qp_arena_strdup(&t->arena, v[k])))
                rc = QP_ENOMEM;
        free(title);
        qp_doc_meta_destroy(&m);
    }
    if (rc && rc != QP_ENOMEM)
        snprintf(err, errlen, "%s", qp_store_errmsg(s));
    qp_doc_names_close(names);
    return rc;
}

/* ---- the alliance graph of the period ---- */

/* How many actors the picture draws: the most tied ones; a bigger picture is a hairball. */
#define GRAPH_MAX_NODES 36

static const qp_graph *strength_ctx;
static const double *strength_of;

static int cmp_strength(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    if (strength_of[a] != strength_of[b])
        return strength_of[a] < strength_of[b] ? 1 : -1;
    return strcmp(qp_graph_node_at(strength_ctx, a)->id, qp_graph_node_at(strength_ctx, b)->id);
}

/* The blocs of `quipu query sides` over the same window (one loader, one seed), and the
 * picture: the most tied actors laid out by igraph. */
static int load_blocs(tl *t, qp_store *s, char *err, size_t errlen)
{
    qp_graph *g = NULL;
    size_t *order = NULL;
    double *strength = NULL;
    unsigned char *keep = NULL;
    qp_graph_load_opts lo = {.since = t->o->since, .until = t->o->until, .by = QP_GRAPH_BY_ACTOR};
    int rc = qp_graph_load(s, &lo, &g, err, errlen);
    if (rc)
        goto cleanup;
    int nb = qp_graph_sides(g, QP_SIDES_SEED);
    if (nb < 0) {
        rc = nb;
        goto cleanup;
    }
    if ((rc = qp_graph_centrality(g)))
        goto cleanup;
    t->n_nodes = qp_graph_node_count(g);
    rc = QP_ENOMEM;
    t->nodes = qp_arena_calloc(&t->arena, t->n_nodes + 1, sizeof *t->nodes);
    t->edges = qp_arena_calloc(&t->arena, qp_graph_edge_count(g) + 1, sizeof *t->edges);
    t->blocs = qp_arena_calloc(&t->arena, (size_t)nb + 1, sizeof *t->blocs);
    order = malloc((t->n_nodes + 1) * sizeof *order);
    strength = calloc(t->n_nodes + 1, sizeof *strength);
    keep = calloc(t->n_nodes + 1, 1);
    if (!t->nodes || !t->edges || !t->blocs || !order || !strength || !keep)
        goto cleanup;
    /* the drawn actors: the most tied by backing, cooperation and fighting */
    for (size_t i = 0; i < qp_graph_edge_count(g); i++) {
        const qp_graph_edge *e = qp_graph_edge_at(g, i);
        if (e->relation == QP_REL_MEMBER_OF || e->source == e->target)
            continue;
        strength[e->source] += (double)e->weight;
        strength[e->target] += (double)e->weight;
    }
    size_t n_tied = 0;
    for (size_t i = 0; i < t->n_nodes; i++)
        if (strength[i] > 0)
            order[n_tied++] = i;
    strength_ctx = g;
    strength_of = strength;
    qp_sort(order, n_tied, sizeof *order, cmp_strength);
    for (size_t k = 0; k < n_tied && k < GRAPH_MAX_NODES; k++)
        keep[order[k]] = 1;
    if ((rc = qp_graph_layout(g, keep, QP_SIDES_SEED)))
        goto cleanup;
    rc = QP_ENOMEM;
    double maxb = 0;
    for (size_t i = 0; i < t->n_nodes; i++)
        if (keep[i] && qp_graph_node_at(g, i)->betweenness > maxb)
            maxb = qp_graph_node_at(g, i)->betweenness;
    for (size_t i = 0; i < t->n_nodes; i++) {
        const qp_graph_node *n = qp_graph_node_at(g, i);
        tl_node *m = &t->nodes[i];
        m->id = qp_arena_strdup(&t->arena, n->id);
        m->label = qp_arena_strdup(&t->arena, n->label);
        m->label_fr = qp_arena_strdup(&t->arena, n->label_fr);
        m->kind = qp_arena_strdup(&t->arena, n->kind);
        if (!m->id || (n->label && !m->label) || (n->label_fr && !m->label_fr) || (n->kind && !m->kind))
            goto cleanup;
        m->bloc = n->bloc;
        m->size = maxb > 0 ? n->betweenness / maxb : 0;
        m->x = n->x;
        m->y = n->y;
        m->strength = strength[i];
        m->drawn = keep[i];
        if (n->bloc >= 0 && n->bloc < nb)
            t->blocs[n->bloc].n_members++;
    }
    t->n_blocs = (size_t)nb;
    for (size_t k = 0; k < t->n_blocs; k++) {
        if (t->blocs[k].n_members >= 2)
            t->n_shared_blocs = k + 1; /* blocs come largest first */
        if (!(t->blocs[k].members = qp_arena_alloc(&t->arena, (t->blocs[k].n_members + 1) * sizeof(size_t))))
            goto cleanup;
        t->blocs[k].n_members = 0;
    }
    for (size_t i = 0; i < t->n_nodes; i++)
        if (t->nodes[i].bloc >= 0 && (size_t)t->nodes[i].bloc < t->n_blocs) {
            tl_bloc *bl = &t->blocs[t->nodes[i].bloc];
            bl->members[bl->n_members++] = i;
        }
    for (size_t i = 0; i < qp_graph_edge_count(g); i++) {
        const qp_graph_edge *e = qp_graph_edge_at(g, i);
        if (e->relation == QP_REL_MEMBER_OF)
            continue;
        t->edges[t->n_edges++] = (tl_edge){e->source, e->target, e->sign, qp_relation_directed(e->relation),
                                           e->weight};
    }
    rc = 0;
cleanup:
    qp_graph_destroy(g);
    free(order);
    free(strength);
    free(keep);
    if (rc && !*err)
        snprintf(err, errlen, "cannot find the blocs: %s", qp_strerror(rc));
    return rc;
}

/* ---- entry points ---- */

int qp_timeline_render(qp_store *s, const qp_timeline_opts *o, qp_buf *out, char *err, size_t errlen)
{
    tl t;
    memset(&t, 0, sizeof t);
    qp_arena_init(&t.arena, 1 << 16);
    t.o = o;
    loader l = {.t = &t};
    if (errlen)
        err[0] = 0;
#define STAGE(name) (o->progress ? o->progress(name, o->progress_ud) : (void)0)
    STAGE("reading the events");
    qp_event_filter f = {.actor = o->actor, .place = o->place, .since = o->since, .until = o->until};
    int rc = qp_store_events_each(s, o->filter ? o->filter : &f, on_event, &l);
    if (l.err)
        rc = l.err;
    else if (rc)
        snprintf(err, errlen, "%s", qp_store_errmsg(s));
    if (!rc)
        rc = load_docs(&t, s, err, errlen);
    if (!rc)
        rc = frenchify_places(&t, s);
    STAGE("merging the reports");
    if (!rc)
        rc = tl_merge(&t);
    if (!rc)
        rc = tl_arrange(&t);
    if (!rc && (o->format == QP_TIMELINE_MD || o->format == QP_TIMELINE_HTML)) {
        STAGE("quoting the articles");
        rc = tl_quote_items(&t, s);
        if (rc && rc != QP_ENOMEM)
            snprintf(err, errlen, "%s", qp_store_errmsg(s));
    }
    if (!rc)
        rc = tl_rank_key(&t);
    if (!rc && !o->no_sides && (o->format == QP_TIMELINE_MD || o->format == QP_TIMELINE_HTML)) {
        STAGE("finding the blocs");
        rc = load_blocs(&t, s, err, errlen);
    }
    STAGE("writing");
    if (!rc) {
        switch (o->format) {
        case QP_TIMELINE_MD: rc = tl_render_md(&t, out); break;
        case QP_TIMELINE_HTML: rc = tl_render_html(&t, out); break;
        case QP_TIMELINE_JSON: rc = tl_render_timelinejs(&t, out); break;
        case QP_TIMELINE_CSV: rc = tl_render_csv(&t, out); break;
        case QP_TIMELINE_JSONL: rc = tl_render_jsonl(&t, out); break;
        default: rc = QP_EINVAL; break;
        }
    }
    if (rc && errlen && !err[0])
        snprintf(err, errlen, "cannot write the timeline: %s", qp_strerror(rc));
    free(l.map.slots);
    free(t.events);
    free(t.docs);
    qp_arena_destroy(&t.arena);
    return rc;
}

int qp_timeline_write(qp_store *s, const qp_timeline_opts *o, const char *path, char *err, size_t errlen)
{
    qp_buf b;
    qp_buf_init(&b);
    qp_outfile of;
    int rc = qp_timeline_render(s, o, &b, err, errlen);
    if (rc)
        goto cleanup;
    if ((rc = qp_outfile_open(&of, path, err, errlen)))
        goto cleanup;
    rc = qp_outfile_finish(&of, &b, 0, path, err, errlen);
cleanup:
    qp_buf_destroy(&b);
    return rc;
}

/* ---- shared words ---- */

const char *tl_node_label(const tl *t, const tl_node *n)
{
    if (t->o->lang == QP_LANG_FR && n->label_fr)
        return n->label_fr;
    return n->label ? n->label : n->id;
}

int tl_item_sentence(const tl *t, const tl_item *it, qp_buf *out)
{
    return qp_phrase_event(out, &it->told, t->o->lang);
}

int tl_item_when(const tl *t, const tl_item *it, qp_buf *out)
{
    const qp_time_ref *tm = &it->told.time;
    if (!tm->start)
        return qp_buf_puts(out, t->o->lang == QP_LANG_FR ? "sans date" : "undated");
    return qp_phrase_period(out, tm->start, tm->end, tm->grain, t->o->lang);
}

int tl_section_heading(const tl *t, const tl_section *s, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    switch (s->kind) {
    case TL_SECTION_BEFORE:
        return qp_buf_puts(out, fr ? "Contexte : avant la période" : "Background: before the period");
    case TL_SECTION_AFTER:
        return qp_buf_puts(out, fr ? "Datés après leur propre article" : "Dated after their own article");
    case TL_SECTION_UNDATED:
        return qp_buf_puts(out, fr ? "Sans date" : "Undated");
    case TL_SECTION_LONGER:
        return qp_buf_puts(out, fr ? "Sur des périodes plus longues" : "Over longer periods");
    default:
        break;
    }
    if (!strcmp(s->grain, "week")) {
        int rc = qp_buf_puts(out, fr ? "Semaine du " : "Week of ");
        return rc | qp_phrase_period(out, s->start, NULL, "day", t->o->lang);
    }
    return qp_phrase_period(out, s->start, NULL, s->grain, t->o->lang);
}

int tl_tone(const char *action)
{
    int a = qp_action_parse(action);
    return a < 0 ? 0 : qp_action_tone((qp_action)a);
}

void tl_node_colour(const tl *t, int bloc, char out[8])
{
    qp_bloc_hex(bloc, t->n_shared_blocs, out, NULL);
}

static const qp_actor_ref *find_actor(const tl *t, const char *id)
{
    for (size_t i = 0; i < t->n_events; i++) {
        if (t->events[i].e.actor1.id && !strcmp(t->events[i].e.actor1.id, id))
            return &t->events[i].e.actor1;
        if (t->events[i].e.actor2.id && !strcmp(t->events[i].e.actor2.id, id))
            return &t->events[i].e.actor2;
    }
    return NULL;
}

int tl_title(const tl *t, qp_buf *out)
{
    const qp_timeline_opts *o = t->o;
    int fr = o->lang == QP_LANG_FR;
    if (o->title)
        return qp_buf_puts(out, o->title);
    int rc = qp_buf_puts(out, fr ? "Note de synthèse" : "Briefing");
    if (o->actor) {
        const qp_actor_ref *a = find_actor(t, o->actor);
        rc |= qp_buf_puts(out, " — ");
        if (a)
            rc |= qp_phrase_actor(out, a, o->lang, 1);
        else
            rc |= qp_buf_puts(out, o->actor);
    }
    if (o->place) {
        const char *name = o->place; /* an id like geonames:170794 reads better as its label */
        for (size_t i = 0; i < t->n_events; i++) {
            const qp_place_ref *p = &t->events[i].e.place;
            if (p->label && ((p->id && !strcmp(p->id, o->place)) || !strcasecmp(p->label, o->place))) {
                name = p->label;
                break;
            }
        }
        rc |= qp_buf_printf(out, "%s%s", fr ? " — à " : " — in ", name);
    }
    const char *from = o->since ? o->since : t->first_day, *to = o->until ? o->until : t->last_day;
    if (from && to) {
        rc |= qp_buf_puts(out, fr ? ", du " : ", ");
        rc |= qp_phrase_period(out, from, NULL, "day", o->lang);
        rc |= qp_buf_puts(out, fr ? " au " : " to ");
        rc |= qp_phrase_period(out, to, NULL, "day", o->lang);
    } else if (from) {
        rc |= qp_buf_puts(out, fr ? ", depuis le " : ", since ");
        rc |= qp_phrase_period(out, from, NULL, "day", o->lang);
    } else if (to) {
        rc |= qp_buf_puts(out, fr ? ", jusqu'au " : ", until ");
        rc |= qp_phrase_period(out, to, NULL, "day", o->lang);
    }
    return rc ? QP_ENOMEM : 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

int tl_summary(const tl *t, size_t ncited, qp_buf *out)
{
    if (t->o->lang == QP_LANG_FR)
        return qp_buf_printf(out, "%zu %s (%zu %s) tirés de %zu %s ; %zu sans date ; %zu hors période.", t->n_items,
                             plural(t->n_items, "fait", "faits"), t->n_events,
                             plural(t->n_events, "événement extrait", "événements extraits"), ncited,
                             plural(ncited, "article", "articles"), t->n_undated, t->n_background);
    return qp_buf_printf(out, "%zu %s (%zu %s) from %zu %s; %zu undated; %zu outside the period.", t->n_items,
                         plural(t->n_items, "development", "developments"), t->n_events,
                         plural(t->n_events, "extracted event", "extracted events"), ncited,
                         plural(ncited, "article", "articles"), t->n_undated, t->n_background);
}
