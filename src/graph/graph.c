/* graph.c — builds the actor graph from a stream of events: interning, roll-up, aggregation. */
#include "graph_int.h"
#include "codes.h"

#include <stdlib.h>
#include <string.h>

#include "qp.h"

/* ---- relations ---- */

static const char *const rel_names[QP_REL_COUNT] = {"backs", "fights", "cooperates", "leads",
                                                    "member_of"};

const char *qp_relation_name(qp_relation r)
{
    return (unsigned)r < QP_REL_COUNT ? rel_names[r] : "?";
}

int qp_relation_sign(qp_relation r)
{
    return r == QP_REL_FIGHTS ? -1 : 1;
}

int qp_relation_directed(qp_relation r)
{
    return r == QP_REL_BACKS || r == QP_REL_LEADS || r == QP_REL_MEMBER_OF;
}

int qp_relation_parse(const char *s)
{
    for (int i = 0; s && i < QP_REL_COUNT; i++)
        if (!strcmp(s, rel_names[i]))
            return i;
    return QP_EINVAL;
}

/* ---- builder ---- */

typedef struct actor_meta {
    const char *id, *label, *label_fr, *kind, *country, *parent;
} actor_meta;

struct qp_graph_builder {
    qp_graph_options opt;
    qp_arena arena;
    qp_strmap strs;     /* interned strings */
    qp_strmap actor_of; /* actor id -> index in actors */
    actor_meta *actors;
    size_t n_actors, cap_actors;
    qp_strmap doc_of;   /* document name -> number */
    size_t n_docs;
    qp_graph_event *events;
    uint32_t *event_doc;
    uint32_t *event_actor; /* per event: actor1 and actor2 indices (UINT32_MAX for none) */
    size_t n_events, cap_events;
};

int qp_graph_builder_init(qp_graph_builder **out, const qp_graph_options *options)
{
    qp_graph_builder *b = calloc(1, sizeof *b);
    *out = b;
    if (!b)
        return QP_ENOMEM;
    if (options)
        b->opt = *options;
    qp_arena_init(&b->arena, 1 << 20);
    return 0;
}

void qp_graph_builder_destroy(qp_graph_builder *b)
{
    if (!b)
        return;
    qp_arena_destroy(&b->arena);
    qp_strmap_destroy(&b->strs);
    qp_strmap_destroy(&b->actor_of);
    qp_strmap_destroy(&b->doc_of);
    free(b->actors);
    free(b->events);
    free(b->event_doc);
    free(b->event_actor);
    free(b);
}

/* The one copy of s in the builder; NULL for NULL; sets *err on ENOMEM. */
static const char *intern(qp_graph_builder *b, const char *s, int *err)
{
    if (!s)
        return NULL;
    const char *k = qp_strmap_key(&b->strs, s);
    if (k)
        return k;
    char *c = qp_arena_strdup(&b->arena, s);
    if (!c || qp_strmap_put(&b->strs, c, 0)) {
        *err = QP_ENOMEM;
        return NULL;
    }
    return c;
}

/* Index of the actor id (interned), adding an empty record when new; UINT32_MAX on ENOMEM. */
static uint32_t actor_index(qp_graph_builder *b, const char *id)
{
    uint32_t i = qp_strmap_get(&b->actor_of, id);
    if (i != UINT32_MAX)
        return i;
    if (b->n_actors == b->cap_actors) {
        size_t cap = b->cap_actors ? b->cap_actors * 2 : 256;
        actor_meta *a = realloc(b->actors, cap * sizeof *a);
        if (!a)
            return UINT32_MAX;
        b->actors = a;
        b->cap_actors = cap;
    }
    i = (uint32_t)b->n_actors;
    if (qp_strmap_put(&b->actor_of, id, i))
        return UINT32_MAX;
    b->actors[b->n_actors++] = (actor_meta){.id = id};
    return i;
}

/* qp_graph_add_actor, telling the actor's index (UINT32_MAX when a has no id). */
static int add_actor_ix(qp_graph_builder *b, const qp_actor_ref *a, uint32_t *ix)
{
    *ix = UINT32_MAX;
    if (!a || !a->id || !*a->id)
        return 0;
    int err = 0;
    const char *id = intern(b, a->id, &err);
    if (err)
        return err;
    uint32_t i = actor_index(b, id);
    if (i == UINT32_MAX)
        return QP_ENOMEM;
    *ix = i;
    actor_meta *m = &b->actors[i];
    /* fill what is still unknown: the first source that knows a field wins */
    if (!m->label)
        m->label = intern(b, a->label, &err);
    if (!m->label_fr)
        m->label_fr = intern(b, a->label_fr, &err);
    if (!m->kind)
        m->kind = intern(b, a->kind, &err);
    if (!m->country)
        m->country = intern(b, a->country, &err);
    if (!m->parent && a->parent && *a->parent && strcmp(a->parent, a->id))
        m->parent = intern(b, a->parent, &err);
    return err;
}

int qp_graph_add_actor(qp_graph_builder *b, const qp_actor_ref *a)
{
    uint32_t ix;
    return add_actor_ix(b, a, &ix);
}

int qp_graph_add_event(qp_graph_builder *b, const qp_event *e)
{
    if (e->flags & QP_EVENT_HIDDEN)
        return 0;
    int has1 = e->actor1.id && *e->actor1.id, has2 = e->actor2.id && *e->actor2.id;
    if (!has1 && !has2)
        return 0;
    uint32_t a1, a2;
    int err = add_actor_ix(b, &e->actor1, &a1);
    if (!err)
        err = add_actor_ix(b, &e->actor2, &a2);
    if (err)
        return err;
    if (b->n_events == b->cap_events) {
        size_t cap = b->cap_events ? b->cap_events * 2 : 1024;
        qp_graph_event *ev = realloc(b->events, cap * sizeof *ev);
        if (!ev)
            return QP_ENOMEM;
        b->events = ev;
        uint32_t *d = realloc(b->event_doc, cap * sizeof *d);
        if (!d)
            return QP_ENOMEM;
        b->event_doc = d;
        uint32_t *ea = realloc(b->event_actor, 2 * cap * sizeof *ea);
        if (!ea)
            return QP_ENOMEM;
        b->event_actor = ea;
        b->cap_events = cap;
    }
    const char *doc = intern(b, e->doc ? e->doc : "", &err);
    if (err)
        return err;
    uint32_t dn = qp_strmap_get(&b->doc_of, doc);
    if (dn == UINT32_MAX) {
        dn = (uint32_t)b->n_docs;
        if (qp_strmap_put(&b->doc_of, doc, dn))
            return QP_ENOMEM;
        b->n_docs++;
    }
    qp_graph_event ge = {
        .uid = qp_arena_strdup(&b->arena, e->uid ? e->uid : ""),
        .doc = doc,
        .date = intern(b, e->time.start, &err),
        .date_end = intern(b, e->time.end, &err),
        .action = intern(b, e->action ? e->action : "", &err),
        .context = intern(b, e->context, &err),
        .actor1 = has1 ? b->actors[a1].id : NULL,
        .actor2 = has2 ? b->actors[a2].id : NULL,
        .sentence = e->sentence,
        .flags = e->flags,
        .confidence = e->confidence,
        .place_id = intern(b, e->place.id, &err),
        .place_label = e->place.id ? intern(b, e->place.label, &err) : NULL,
        .place_country = e->place.id ? intern(b, e->place.country, &err) : NULL,
        .lat = e->place.id ? e->place.lat : 0,
        .lon = e->place.id ? e->place.lon : 0,
    };
    if (b->opt.keep_evidence) {
        ge.evidence = qp_arena_strdup(&b->arena, e->evidence_text);
        ge.action_text = qp_arena_strdup(&b->arena, e->action_text);
        if ((e->evidence_text && !ge.evidence) || (e->action_text && !ge.action_text))
            err = QP_ENOMEM;
    }
    if (err || !ge.uid)
        return QP_ENOMEM;
    b->event_doc[b->n_events] = dn;
    b->event_actor[2 * b->n_events] = a1;
    b->event_actor[2 * b->n_events + 1] = a2;
    b->events[b->n_events++] = ge;
    return 0;
}

/* ---- build ---- */

static int date_cmp(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (!a) /* undated last, as the store orders them */
        return 1;
    if (!b)
        return -1;
    return strcmp(a, b);
}

static const qp_graph_event *sort_events; /* qsort has no user data in C17 */

static int cmp_event_idx(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int c = date_cmp(sort_events[a].date, sort_events[b].date);
    return c ? c : (a > b) - (a < b);
}

/* Puts events in time order (undated last), keeping the order they came in otherwise. */
static int order_events(qp_graph_builder *b)
{
    size_t n = b->n_events, i;
    for (i = 1; i < n; i++)
        if (date_cmp(b->events[i - 1].date, b->events[i].date) > 0)
            break;
    if (i >= n)
        return 0;
    uint32_t *perm = malloc(n * sizeof *perm);
    qp_graph_event *ev = malloc(n * sizeof *ev);
    uint32_t *dc = malloc(n * sizeof *dc), *ea = malloc(2 * n * sizeof *ea);
    if (!perm || !ev || !dc || !ea) {
        free(perm);
        free(ev);
        free(dc);
        free(ea);
        return QP_ENOMEM;
    }
    for (i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    sort_events = b->events;
    qp_sort(perm, n, sizeof *perm, cmp_event_idx);
    for (i = 0; i < n; i++) {
        ev[i] = b->events[perm[i]];
        dc[i] = b->event_doc[perm[i]];
        ea[2 * i] = b->event_actor[2 * perm[i]];
        ea[2 * i + 1] = b->event_actor[2 * perm[i] + 1];
    }
    free(perm);
    free(b->events);
    free(b->event_doc);
    free(b->event_actor);
    b->events = ev;
    b->event_doc = dc;
    b->event_actor = ea;
    b->cap_events = n;
    return 0;
}

static int is_gov_id(const char *id)
{
    return strlen(id) == 7 && !strcmp(id + 3, "-GOV");
}

static int is_state(const actor_meta *a)
{
    if (a->kind)
        return qp_kind_parse(a->kind) == QP_KIND_STATE;
    size_t n = strlen(a->id);
    return n == 3 && a->id[0] >= 'A' && a->id[0] <= 'Z' && !a->parent;
}

/* The actor a rolls up to in the country view (see qp_graph_by in graph.h). */
static uint32_t country_rep(qp_graph_builder *b, uint32_t a)
{
    uint32_t cur = a;
    for (int step = 0; step < 32; step++) {
        if (is_gov_id(b->actors[cur].id))
            return cur;
        const char *p = b->actors[cur].parent;
        uint32_t pi = p ? qp_strmap_get(&b->actor_of, p) : UINT32_MAX;
        if (pi == UINT32_MAX || pi == a)
            break;
        cur = pi;
    }
    if (is_state(&b->actors[cur])) {
        char gov[64];
        if (strlen(b->actors[cur].id) < sizeof gov - 5) {
            strcpy(gov, b->actors[cur].id);
            strcat(gov, "-GOV");
            uint32_t gi = qp_strmap_get(&b->actor_of, gov);
            if (gi != UINT32_MAX)
                return gi;
        }
    }
    return cur;
}

static int armed(const actor_meta *a)
{
    int k = qp_kind_parse(a->kind);
    return k < 0 || qp_kind_armed((qp_kind)k); /* unknown: give the benefit of the doubt */
}

static const actor_meta *sort_actors;

static int cmp_actor_id(const void *pa, const void *pb)
{
    return strcmp(sort_actors[*(const uint32_t *)pa].id, sort_actors[*(const uint32_t *)pb].id);
}

static const qp_graph_edge *sort_edges;

static int cmp_edge_idx(const void *pa, const void *pb)
{
    const qp_graph_edge *a = &sort_edges[*(const uint32_t *)pa], *b = &sort_edges[*(const uint32_t *)pb];
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    return (int)a->relation - (int)b->relation;
}

/* The relations event e expresses between actors a1 and a2 (indices into b->actors); returns
 * how many were written to rel (at most 2). */
static int event_relations(const qp_graph_builder *b, const qp_graph_event *e, uint32_t a1,
                           uint32_t a2, qp_relation rel[2])
{
    switch (qp_action_parse(e->action)) {
    case QP_ACTION_AID:
    case QP_ACTION_SUPPORT:
        rel[0] = QP_REL_BACKS;
        return 1;
    case QP_ACTION_COOPERATE:
        rel[0] = QP_REL_COOPERATES;
        if (!e->context || strcmp(e->context, "military"))
            return 1;
        rel[1] = QP_REL_BACKS;
        return 2;
    case QP_ACTION_LEAD:
        rel[0] = QP_REL_LEADS;
        rel[1] = QP_REL_BACKS;
        return 2;
    case QP_ACTION_ASSAULT:
        if (!armed(&b->actors[a1]) || !armed(&b->actors[a2]))
            return 0;
        rel[0] = QP_REL_FIGHTS;
        return 1;
    default:
        return 0;
    }
}

size_t qp_graph_count_docs(const qp_graph *g, const uint32_t *ev, size_t n, uint32_t *mark)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (!mark[g->event_doc[ev[i]]]) {
            mark[g->event_doc[ev[i]]] = 1;
            count++;
        }
    for (size_t i = 0; i < n; i++)
        mark[g->event_doc[ev[i]]] = 0;
    return count;
}

typedef struct build_state {
    uint32_t *rep;       /* actor -> representative actor */
    uint32_t *node;      /* actor -> node (UINT32_MAX when none) */
    uint32_t *pairs;     /* (event, edge) pairs, two words each */
    size_t n_pairs, cap_pairs;
    qp_u64map edge_of;
    uint32_t *remap, *order, *fill, *mark;
} build_state;

static void build_state_destroy(build_state *s)
{
    free(s->rep);
    free(s->node);
    free(s->pairs);
    free(s->edge_of.keys);
    free(s->edge_of.vals);
    free(s->remap);
    free(s->order);
    free(s->fill);
    free(s->mark);
}

static int push_pair(build_state *s, uint32_t ev, uint32_t edge)
{
    if (s->n_pairs == s->cap_pairs) {
        size_t cap = s->cap_pairs ? s->cap_pairs * 2 : 4096;
        uint32_t *p = realloc(s->pairs, cap * 2 * sizeof *p);
        if (!p)
            return QP_ENOMEM;
        s->pairs = p;
        s->cap_pairs = cap;
    }
    s->pairs[2 * s->n_pairs] = ev;
    s->pairs[2 * s->n_pairs + 1] = edge;
    s->n_pairs++;
    return 0;
}

/* Finds or adds the edge (src, dst, rel) between nodes; UINT32_MAX on ENOMEM. */
static uint32_t edge_for(qp_graph *g, build_state *s, size_t *cap, uint32_t src, uint32_t dst,
                         qp_relation rel)
{
    if (!qp_relation_directed(rel) && src > dst) {
        uint32_t t = src;
        src = dst;
        dst = t;
    }
    uint64_t key = ((uint64_t)src << 35) | ((uint64_t)dst << 3) | (uint64_t)rel;
    int added;
    uint32_t e = qp_u64map_upsert(&s->edge_of, key, (uint32_t)g->n_edges, &added);
    if (e == UINT32_MAX || !added)
        return e;
    if (g->n_edges == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        qp_graph_edge *ne = realloc(g->edges, nc * sizeof *ne);
        if (!ne)
            return UINT32_MAX;
        g->edges = ne;
        *cap = nc;
    }
    g->edges[g->n_edges++] = (qp_graph_edge){.source = src, .target = dst, .relation = rel,
                                              .sign = qp_relation_sign(rel)};
    return e;
}

/* Fills nodes from the representatives events use, sorted by id. */
static int make_nodes(qp_graph_builder *b, qp_graph *g, build_state *s)
{
    size_t na = b->n_actors;
    uint32_t *used = calloc(na ? na : 1, sizeof *used), *list = malloc((na ? na : 1) * sizeof *list);
    if (!used || !list) {
        free(used);
        free(list);
        return QP_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < 2 * b->n_events; i++) {
        uint32_t a = b->event_actor[i];
        if (a != UINT32_MAX && !used[s->rep[a]]) {
            used[s->rep[a]] = 1;
            list[n++] = s->rep[a];
        }
    }
    sort_actors = b->actors;
    qp_sort(list, n, sizeof *list, cmp_actor_id);
    g->nodes = calloc(n ? n : 1, sizeof *g->nodes);
    if (!g->nodes) {
        free(used);
        free(list);
        return QP_ENOMEM;
    }
    g->n_nodes = n;
    for (size_t i = 0; i < n; i++) {
        const actor_meta *m = &b->actors[list[i]];
        s->node[list[i]] = (uint32_t)i;
        g->nodes[i] = (qp_graph_node){.id = m->id, .label = m->label ? m->label : m->id,
                                      .label_fr = m->label_fr, .kind = m->kind,
                                      .country = m->country, .parent = m->parent, .bloc = -1};
    }
    free(used);
    free(list);
    /* a government known only as a parent ("IRN-GOV", no label) reads as its state */
    for (size_t i = 0; b->opt.by == QP_GRAPH_BY_COUNTRY && i < n; i++) {
        qp_graph_node *nd = &g->nodes[i];
        if (strcmp(nd->label, nd->id) || !is_gov_id(nd->id))
            continue;
        char state[4] = {nd->id[0], nd->id[1], nd->id[2], 0};
        uint32_t si = qp_strmap_get(&b->actor_of, state);
        if (si != UINT32_MAX && b->actors[si].label) {
            nd->label = b->actors[si].label;
            if (!nd->label_fr)
                nd->label_fr = b->actors[si].label_fr;
            if (!nd->country)
                nd->country = b->actors[si].country;
        }
    }
    /* every actor id that rolled up into a node finds that node */
    for (size_t a = 0; a < na; a++) {
        uint32_t nd = s->node[s->rep[a]];
        if (nd != UINT32_MAX && qp_strmap_put(&g->node_of, b->actors[a].id, nd))
            return QP_ENOMEM;
    }
    return 0;
}

/* Aggregates events into edges, then sorts edges and lays their event arrays out in one pool. */
static int make_edges(qp_graph_builder *b, qp_graph *g, build_state *s)
{
    size_t cap = 0;
    for (size_t i = 0; i < b->n_events; i++) {
        qp_graph_event *e = &b->events[i];
        uint32_t a1 = b->event_actor[2 * i], a2 = b->event_actor[2 * i + 1];
        uint32_t n1 = a1 != UINT32_MAX ? s->node[s->rep[a1]] : UINT32_MAX;
        uint32_t n2 = a2 != UINT32_MAX ? s->node[s->rep[a2]] : UINT32_MAX;
        for (int k = 0; k < 2; k++) {
            uint32_t nd = k ? n2 : n1;
            if (nd == UINT32_MAX || (k && nd == n1))
                continue;
            qp_graph_node *node = &g->nodes[nd];
            node->events++;
            if (e->date) {
                if (!node->first)
                    node->first = e->date;
                node->last = e->date;
            }
        }
        if (n1 == UINT32_MAX || n2 == UINT32_MAX || n1 == n2)
            continue;
        qp_relation rel[2];
        int nr = event_relations(b, e, a1, a2, rel);
        for (int k = 0; k < nr; k++) {
            uint32_t ed = edge_for(g, s, &cap, n1, n2, rel[k]);
            if (ed == UINT32_MAX || push_pair(s, (uint32_t)i, ed))
                return QP_ENOMEM;
        }
    }
    /* member_of: parent links between two nodes, in the actor view only */
    if (b->opt.by == QP_GRAPH_BY_ACTOR)
        for (size_t nd = 0; nd < g->n_nodes; nd++) {
            const char *p = g->nodes[nd].parent;
            uint32_t pn = p ? qp_strmap_get(&g->node_of, p) : UINT32_MAX;
            if (pn != UINT32_MAX && pn != nd) {
                uint32_t ed = edge_for(g, s, &cap, (uint32_t)nd, pn, QP_REL_MEMBER_OF);
                if (ed == UINT32_MAX)
                    return QP_ENOMEM;
                g->edges[ed].weight = 1;
            }
        }
    size_t ne = g->n_edges;
    s->order = malloc((ne + 1) * sizeof *s->order);
    s->remap = malloc((ne + 1) * sizeof *s->remap);
    s->fill = calloc(ne + 1, sizeof *s->fill);
    s->mark = calloc(b->n_docs + 1, sizeof *s->mark);
    g->edge_events = malloc((s->n_pairs + 1) * sizeof *g->edge_events);
    qp_graph_edge *sorted = malloc((ne + 1) * sizeof *sorted);
    if (!s->order || !s->remap || !s->fill || !s->mark || !g->edge_events || !sorted) {
        free(sorted);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++)
        s->order[i] = (uint32_t)i;
    sort_edges = g->edges;
    qp_sort(s->order, ne, sizeof *s->order, cmp_edge_idx);
    for (size_t i = 0; i < ne; i++) {
        s->remap[s->order[i]] = (uint32_t)i;
        sorted[i] = g->edges[s->order[i]];
    }
    free(g->edges);
    g->edges = sorted;
    /* counting sort of the pairs by edge keeps each edge's events in time order */
    for (size_t p = 0; p < s->n_pairs; p++)
        s->fill[s->remap[s->pairs[2 * p + 1]]]++;
    size_t off = 0;
    for (size_t i = 0; i < ne; i++) {
        g->edges[i].events = g->edge_events + off;
        g->edges[i].n_events = s->fill[i];
        off += s->fill[i];
        s->fill[i] = 0;
    }
    for (size_t p = 0; p < s->n_pairs; p++) {
        uint32_t ed = s->remap[s->pairs[2 * p + 1]];
        ((uint32_t *)g->edges[ed].events)[s->fill[ed]++] = s->pairs[2 * p];
    }
    for (size_t i = 0; i < ne; i++) {
        qp_graph_edge *e = &g->edges[i];
        if (e->relation == QP_REL_MEMBER_OF)
            continue;
        e->weight = e->n_events;
        e->documents = qp_graph_count_docs(g, e->events, e->n_events, s->mark);
        for (size_t k = 0; k < e->n_events && !e->first; k++)
            e->first = g->events[e->events[k]].date;
        for (size_t k = e->n_events; k > 0 && !e->last; k--)
            e->last = g->events[e->events[k - 1]].date;
    }
    return 0;
}

/* Adjacency lists, degree (distinct neighbours) and strength. */
static int make_adjacency(qp_graph *g)
{
    size_t n = g->n_nodes, ne = g->n_edges;
    g->adj_off = calloc(n + 1, sizeof *g->adj_off);
    g->adj = malloc((2 * ne + 1) * sizeof *g->adj);
    uint32_t *seen = malloc((n + 1) * sizeof *seen);
    if (!g->adj_off || !g->adj || !seen) {
        free(seen);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++) {
        g->adj_off[g->edges[i].source + 1]++;
        g->adj_off[g->edges[i].target + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        g->adj_off[i + 1] += g->adj_off[i];
    uint32_t *pos = calloc(n + 1, sizeof *pos);
    if (!pos) {
        free(seen);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < ne; i++) {
        size_t a = g->edges[i].source, b = g->edges[i].target;
        g->adj[g->adj_off[a] + pos[a]++] = (uint32_t)i;
        g->adj[g->adj_off[b] + pos[b]++] = (uint32_t)i;
    }
    free(pos);
    for (size_t i = 0; i < n; i++)
        seen[i] = UINT32_MAX;
    for (size_t v = 0; v < n; v++) {
        qp_graph_node *node = &g->nodes[v];
        for (uint32_t k = g->adj_off[v]; k < g->adj_off[v + 1]; k++) {
            const qp_graph_edge *e = &g->edges[g->adj[k]];
            size_t other = e->source == v ? e->target : e->source;
            node->strength += (double)e->weight;
            if (seen[other] != v) {
                seen[other] = (uint32_t)v;
                node->degree++;
            }
        }
    }
    free(seen);
    return 0;
}

int qp_graph_build(qp_graph_builder *b, qp_graph **out)
{
    *out = NULL;
    build_state s = {0};
    qp_graph *g = calloc(1, sizeof *g);
    if (!g)
        return QP_ENOMEM;
    int rc = QP_ENOMEM;
    g->opt = b->opt;
    qp_arena_init(&g->arena, 4096);
    if (order_events(b))
        goto cleanup;
    /* parents named but never described become actors too, so chains can be walked */
    for (size_t i = 0; i < b->n_actors; i++)
        if (b->actors[i].parent && actor_index(b, b->actors[i].parent) == UINT32_MAX)
            goto cleanup;
    size_t na = b->n_actors;
    s.rep = malloc((na + 1) * sizeof *s.rep);
    s.node = malloc((na + 1) * sizeof *s.node);
    if (!s.rep || !s.node)
        goto cleanup;
    for (size_t i = 0; i < na; i++) {
        s.rep[i] = b->opt.by == QP_GRAPH_BY_COUNTRY ? country_rep(b, (uint32_t)i) : (uint32_t)i;
        s.node[i] = UINT32_MAX;
    }
    /* the graph takes the builder's strings and events */
    g->events = b->events;
    g->event_doc = b->event_doc;
    g->n_events = b->n_events;
    g->n_docs = b->n_docs;
    if (make_nodes(b, g, &s) || make_edges(b, g, &s) || make_adjacency(g))
        goto cleanup;
    g->arena = b->arena;
    qp_arena_init(&b->arena, 1 << 20);
    b->events = NULL;
    b->event_doc = NULL;
    b->n_events = b->cap_events = 0;
    qp_strmap_destroy(&b->strs);
    qp_strmap_destroy(&b->actor_of);
    qp_strmap_destroy(&b->doc_of);
    b->n_actors = b->n_docs = 0;
    *out = g;
    g = NULL;
    rc = 0;
cleanup:
    if (g) {
        /* the events still belong to the builder */
        g->events = NULL;
        g->event_doc = NULL;
        qp_graph_destroy(g);
    }
    build_state_destroy(&s);
    return rc;
}

void qp_graph_destroy(qp_graph *g)
{
    if (!g)
        return;
    qp_arena_destroy(&g->arena);
    qp_strmap_destroy(&g->node_of);
    free(g->nodes);
    free(g->edges);
    free(g->edge_events);
    free(g->events);
    free(g->event_doc);
    free(g->adj_off);
    free(g->adj);
    free(g);
}

size_t qp_graph_node_count(const qp_graph *g)
{
    return g->n_nodes;
}

const qp_graph_node *qp_graph_node_at(const qp_graph *g, size_t i)
{
    return i < g->n_nodes ? &g->nodes[i] : NULL;
}

size_t qp_graph_edge_count(const qp_graph *g)
{
    return g->n_edges;
}

const qp_graph_edge *qp_graph_edge_at(const qp_graph *g, size_t i)
{
    return i < g->n_edges ? &g->edges[i] : NULL;
}

size_t qp_graph_event_count(const qp_graph *g)
{
    return g->n_events;
}

const qp_graph_event *qp_graph_event_at(const qp_graph *g, size_t i)
{
    return i < g->n_events ? &g->events[i] : NULL;
}

ptrdiff_t qp_graph_find(const qp_graph *g, const char *id)
{
    uint32_t v = id ? qp_strmap_get(&g->node_of, id) : UINT32_MAX;
    return v == UINT32_MAX ? -1 : (ptrdiff_t)v;
}

const uint32_t *qp_graph_node_edges(const qp_graph *g, size_t i, size_t *n)
{
    if (i >= g->n_nodes) {
        *n = 0;
        return NULL;
    }
    *n = g->adj_off[i + 1] - g->adj_off[i];
    return g->adj + g->adj_off[i];
}

qp_graph_by qp_graph_identity(const qp_graph *g)
{
    return g->opt.by;
}
