/* cmd_query.c — `quipu query`: who backs whom, who fights whom, sides, chains and evidence. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actors_lookup.h"
#include "cli.h"
#include "graph.h"
#include "cli_filter.h"
#include "cli_progress.h"
#include "graph_load.h"
#include "qp.h"
#include "store.h"
#include "textcell.h"

typedef struct qctx {
    const char *cmd;        /* "query" */
    const char *db, *since, *until, *sort;
    qp_graph_by by;
    int json;
    long top;
    unsigned long seed;     /* for the community detection of `sides` */
    qp_store *store;
    qp_graph *g;
    const char *ids[2];     /* resolved actor ids of the arguments */
    char *owned[2];
} qctx;

typedef int (*query_fn)(qctx *q);

typedef struct query_def {
    const char *name;
    int nargs;
    const char *usage, *summary, *help;
    query_fn run;
} query_def;

static int q_ties(qctx *q);
static int q_sides(qctx *q);
static int q_path(qctx *q);
static int q_why(qctx *q);
static int q_actors(qctx *q);

static const query_def queries[] = {
    {"backers", 1, "backers ACTOR", "who backs ACTOR",
     "Actors that back ACTOR: aid, support, military cooperation, or leading it.\n"
     "  quipu query backers SDF\n  quipu query backers FDS --since 2017-01-01   (same actor, French name)\n",
     q_ties},
    {"backed-by", 1, "backed-by ACTOR", "whom ACTOR backs",
     "Actors that ACTOR backs (the other side of `backers`).\n"
     "  quipu query backed-by Iran --by country\n",
     q_ties},
    {"enemies", 1, "enemies ACTOR", "whom ACTOR fights",
     "Armed actors ACTOR fights, or that fight it (assaults between armed actors).\n"
     "  quipu query enemies ISIS --until 2015-12-31\n",
     q_ties},
    {"allies", 1, "allies ACTOR", "positive ties, direct and through a common backer",
     "Actors ACTOR backs, is backed by or cooperates with (direct), then actors backed by one\n"
     "of ACTOR's backers (VIA names that backer; the weight is the weaker of the two\n"
     "backings). An actor ACTOR fights is never listed through a backer.\n"
     "  quipu query allies Hezbollah\n",
     q_ties},
    {"sides", 0, "sides", "blocs of the signed graph",
     "Splits the actors into blocs: backing and cooperation pull together, fighting pushes\n"
     "apart (igraph spinglass with negative weights per connected component, Leiden on\n"
     "components over 100 actors; fixed seed, so the same data gives the same blocs).\n"
     "A bloc is always held together by positive ties. Lists the fights between blocs.\n"
     "  quipu query sides --since 2017-01-01 --until 2017-12-31 --by country\n",
     q_sides},
    {"path", 2, "path A B", "the strongest chain of relations from A to B",
     "Shortest path where each pair of actors is one hop of length 1/(events tying them),\n"
     "over every relation, fights included; each hop shows its heaviest relation.\n"
     "  quipu query path Iran SDF\n",
     q_path},
    {"why", 2, "why A B", "the evidence for the relations between A and B",
     "Every event behind the relations of A and B (either direction), in time order, with\n"
     "its sentence, document, date and source.\n"
     "  quipu query why Russia \"Syrian government\"\n",
     q_why},
    {"actors", 0, "actors [--top N] [--sort degree|betweenness]", "the most central actors",
     "Actors ranked by degree (distinct actors they have a relation with), with their\n"
     "betweenness on positive ties (how often they sit on the strongest chain between two\n"
     "others).\n"
     "  quipu query actors --top 20 --sort betweenness\n",
     q_actors},
};

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: quipu query [OPTIONS] QUERY [ACTOR...]\n\n"
            "Asks the graph of actors and relations built from the stored events.\n\nQueries:\n");
    for (size_t i = 0; i < QP_ARRAY_LEN(queries); i++)
        fprintf(out, "  %-46s %s\n", queries[i].usage, queries[i].summary);
    fprintf(out,
            "\nOptions:\n"
            "  --db FILE             the database (default: $QUIPU_DB, else ./quipu.db)\n"
            "  --since D             only events that end after the start of D (YYYY, YYYY-MM or\n"
            "                        YYYY-MM-DD)\n"
            "  --until D             only events that start before the end of D\n"
            "  --by actor|country    actor (default): each actor its own node; country: an\n"
            "                        army, an air force, a minister and the state itself count\n"
            "                        as the country's government (IRQ-AIRFORCE -> IRQ-GOV)\n"
            "  --format table|json   table (default) or one JSON object for scripts\n"
            "  --seed N              random seed of `sides` (default 42: same data, same blocs)\n"
            "  -h, --help            this help; `quipu query QUERY --help` for one query\n\n"
            "Actors are named by id, English or French label or alias, any case or accents:\n"
            "`quipu query backers FDS` is `quipu query backers SDF`.\n"
            "Relations: backs (aid, support, military cooperation, leading), fights (assaults\n"
            "between armed actors), cooperates, leads, member_of. Negated and hypothetical\n"
            "events never count.\n\n"
            "Examples:\n"
            "  quipu query backers SDF\n"
            "  quipu query sides --since 2017-01-01 --until 2017-12-31\n"
            "  quipu query why Iran Hezbollah --format json\n\n"
            "Exit status: 0 answered (even with no result); 1 database error; 2 bad command\n"
            "line, unknown or ambiguous actor.\n");
}

/* ---- output helpers ---- */

static const char *s_or(const char *s, const char *dflt)
{
    return s ? s : dflt;
}

/* s as a table cell `width` columns wide (by display width, never cut inside a character);
 * the text lives in one of four rotating buffers, so that a printf can take several. */
static const char *cell(const char *s, int width)
{
    static qp_buf bufs[4];
    static int next;
    qp_buf *b = &bufs[next++ % 4];
    qp_buf_clear(b);
    if (qp_text_cell(b, s, width, 1) || !b->data)
        return "";
    return b->data;
}

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

static void json_emit(json_t *o)
{
    /* ten significant digits: numbers as written (0.125), not their binary expansion */
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
    if (s)
        puts(s);
    free(s);
    json_decref(o);
}

static json_t *json_head(const qctx *q, const char *query)
{
    return json_pack("{s:s, s:s, s:o, s:o}", "query", query, "by",
                     q->by == QP_GRAPH_BY_COUNTRY ? "country" : "actor", "since", jstr(q->since),
                     "until", jstr(q->until));
}

static json_t *json_node(const qp_graph_node *n)
{
    return json_pack("{s:s, s:s, s:o, s:o}", "id", n->id, "label", n->label, "kind",
                     jstr(n->kind), "country", jstr(n->country));
}

static void window_words(const qctx *q, char *buf, size_t cap)
{
    if (q->since && q->until)
        snprintf(buf, cap, "from %s to %s", q->since, q->until);
    else if (q->since)
        snprintf(buf, cap, "since %s", q->since);
    else if (q->until)
        snprintf(buf, cap, "until %s", q->until);
    else
        snprintf(buf, cap, "all dates");
}

/* The node of the i-th argument, or -1 after saying it has no event in the window. */
static ptrdiff_t arg_node(qctx *q, int i)
{
    ptrdiff_t v = qp_graph_find(q->g, q->ids[i]);
    if (v < 0 && !q->json) {
        char w[64];
        window_words(q, w, sizeof w);
        printf("%s takes part in no event (%s).\n", q->ids[i], w);
    }
    return v;
}

static void relations_words(unsigned rels, char *buf, size_t cap, json_t *arr)
{
    buf[0] = 0;
    for (int r = 0; r < QP_REL_COUNT; r++)
        if (rels & (1u << r)) {
            size_t len = strlen(buf);
            snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", qp_relation_name((qp_relation)r));
            if (arr)
                json_array_append_new(arr, json_string(qp_relation_name((qp_relation)r)));
        }
}

/* ---- backers, backed-by, enemies, allies ---- */

static int q_ties(qctx *q)
{
    cli_progress_end();
    static const struct {
        const char *name, *title;
        qp_ties_kind kind;
    } kinds[] = {{"backers", "Backers of", QP_TIES_BACKERS},
                 {"backed-by", "Backed by", QP_TIES_BACKED_BY},
                 {"enemies", "Enemies of", QP_TIES_ENEMIES},
                 {"allies", "Allies of", QP_TIES_ALLIES}};
    size_t k = 0;
    while (strcmp(kinds[k].name, q->cmd))
        k++;
    json_t *out = q->json ? json_head(q, kinds[k].name) : NULL;
    json_t *results = q->json ? json_array() : NULL;
    ptrdiff_t v = arg_node(q, 0);
    qp_graph_tie *t = NULL;
    size_t n = 0;
    if (v >= 0) {
        int rc = qp_graph_ties(q->g, (size_t)v, kinds[k].kind, &t, &n);
        if (rc) {
            cli_error("query", "%s", qp_strerror(rc));
            json_decref(out);
            json_decref(results);
            return QP_EXIT_FAILURE;
        }
    }
    if (q->json) {
        json_object_set_new(out, "actor", v >= 0 ? json_node(qp_graph_node_at(q->g, (size_t)v))
                                                 : json_pack("{s:s}", "id", q->ids[0]));
        for (size_t i = 0; i < n; i++) {
            const qp_graph_node *o = qp_graph_node_at(q->g, t[i].node);
            json_t *rels = json_array();
            char words[128];
            relations_words(t[i].relations, words, sizeof words, rels);
            json_t *r = json_pack("{s:s, s:s, s:o, s:I, s:I, s:o, s:o, s:o}", "id", o->id, "label",
                                  o->label, "relations", rels, "events", (json_int_t)t[i].weight,
                                  "documents", (json_int_t)t[i].documents, "first",
                                  jstr(t[i].first), "last", jstr(t[i].last), "via",
                                  t[i].via >= 0 ? json_string(qp_graph_node_at(q->g, (size_t)t[i].via)->id)
                                                : json_null());
            json_array_append_new(results, r);
        }
        json_object_set_new(out, "results", results);
        json_emit(out);
    } else if (v >= 0) {
        const qp_graph_node *me = qp_graph_node_at(q->g, (size_t)v);
        char w[64];
        window_words(q, w, sizeof w);
        printf("%s %s (%s), %s: %zu\n", kinds[k].title, me->id, me->label, w, n);
        if (n) {
            int allies = kinds[k].kind == QP_TIES_ALLIES;
            printf("%-14s %-34s %6s %5s  %-10s  %-10s  %s%s\n", "ACTOR", "LABEL", "EVENTS",
                   "DOCS", "FIRST", "LAST", allies ? "VIA          " : "", "RELATIONS");
            for (size_t i = 0; i < n; i++) {
                const qp_graph_node *o = qp_graph_node_at(q->g, t[i].node);
                char words[128];
                relations_words(t[i].relations, words, sizeof words, NULL);
                printf("%s %s %6zu %5zu  %-10s  %-10s  ", cell(o->id, 14), cell(o->label, 34), t[i].weight,
                       t[i].documents, s_or(t[i].first, "-"), s_or(t[i].last, "-"));
                if (allies)
                    printf("%-13s", t[i].via >= 0 ? qp_graph_node_at(q->g, (size_t)t[i].via)->id
                                                  : "direct");
                printf("%s\n", words);
            }
        }
    }
    free(t);
    return QP_EXIT_OK;
}

/* ---- sides ---- */

static const qp_graph *cmp_g;

static int cmp_member(const void *pa, const void *pb)
{
    const qp_graph_node *a = qp_graph_node_at(cmp_g, *(const size_t *)pa);
    const qp_graph_node *b = qp_graph_node_at(cmp_g, *(const size_t *)pb);
    if (a->bloc != b->bloc)
        return a->bloc - b->bloc;
    if (a->strength != b->strength)
        return a->strength > b->strength ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int q_sides(qctx *q)
{
    int nb = qp_graph_sides(q->g, q->seed);
    cli_progress_end();
    if (nb < 0) {
        cli_error("query", "sides: %s", qp_strerror(nb));
        return QP_EXIT_FAILURE;
    }
    size_t nn = qp_graph_node_count(q->g), ne = qp_graph_edge_count(q->g), nm = 0;
    size_t *members = malloc((nn + 1) * sizeof *members);
    size_t *fights = calloc((size_t)nb * (size_t)nb + 1, sizeof *fights);
    size_t *pairs = calloc((size_t)nb * (size_t)nb + 1, sizeof *pairs);
    if (!members || !fights || !pairs) {
        free(members);
        free(fights);
        free(pairs);
        cli_error("query", "%s", qp_strerror(QP_ENOMEM));
        return QP_EXIT_FAILURE;
    }
    for (size_t i = 0; i < nn; i++)
        if (qp_graph_node_at(q->g, i)->bloc >= 0)
            members[nm++] = i;
    cmp_g = q->g;
    qp_sort(members, nm, sizeof *members, cmp_member);
    for (size_t i = 0; i < ne; i++) {
        const qp_graph_edge *e = qp_graph_edge_at(q->g, i);
        int a = qp_graph_node_at(q->g, e->source)->bloc, b = qp_graph_node_at(q->g, e->target)->bloc;
        if (e->relation != QP_REL_FIGHTS || a < 0 || b < 0 || a == b)
            continue;
        size_t lo = (size_t)(a < b ? a : b), hi = (size_t)(a < b ? b : a);
        fights[lo * (size_t)nb + hi] += e->weight;
        pairs[lo * (size_t)nb + hi]++;
    }
    if (q->json) {
        json_t *out = json_head(q, "sides"), *blocs = json_array(), *jf = json_array();
        json_t *cur = NULL;
        for (size_t i = 0; i < nm; i++) {
            const qp_graph_node *n = qp_graph_node_at(q->g, members[i]);
            if (!i || n->bloc != qp_graph_node_at(q->g, members[i - 1])->bloc) {
                cur = json_array();
                json_array_append_new(blocs, json_pack("{s:i, s:o}", "bloc", n->bloc + 1,
                                                       "members", cur));
            }
            json_t *m = json_node(n);
            json_object_set_new(m, "events", json_integer((json_int_t)n->events));
            json_array_append_new(cur, m);
        }
        for (int a = 0; a < nb; a++)
            for (int b = a + 1; b < nb; b++)
                if (fights[(size_t)a * (size_t)nb + (size_t)b])
                    json_array_append_new(
                        jf, json_pack("{s:i, s:i, s:I, s:I}", "bloc_a", a + 1, "bloc_b", b + 1,
                                      "events", (json_int_t)fights[(size_t)a * (size_t)nb + (size_t)b],
                                      "actor_pairs", (json_int_t)pairs[(size_t)a * (size_t)nb + (size_t)b]));
        json_object_set_new(out, "blocs", blocs);
        json_object_set_new(out, "fights", jf);
        json_object_set_new(out, "without_side", json_integer((json_int_t)(nn - nm)));
        json_emit(out);
    } else {
        char w[64];
        window_words(q, w, sizeof w);
        printf("Sides, %s: %d bloc%s among %zu actors with backing, cooperation or fighting ties "
               "(%zu others take no side)\n", w, nb, nb == 1 ? "" : "s", nm, nn - nm);
        for (size_t i = 0; i < nm; i++) {
            const qp_graph_node *n = qp_graph_node_at(q->g, members[i]);
            if (!i || n->bloc != qp_graph_node_at(q->g, members[i - 1])->bloc) {
                size_t size = 0;
                for (size_t j = i; j < nm && qp_graph_node_at(q->g, members[j])->bloc == n->bloc; j++)
                    size++;
                printf("\nBloc %d%s\n", n->bloc + 1, size == 1 ? " (alone)" : "");
            }
            printf("  %s %s %6zu event%s\n", cell(n->id, 14), cell(n->label, 40), n->events,
                   n->events == 1 ? "" : "s");
        }
        int any = 0;
        for (int a = 0; a < nb; a++)
            for (int b = a + 1; b < nb; b++) {
                size_t f = fights[(size_t)a * (size_t)nb + (size_t)b];
                if (!f)
                    continue;
                if (!any++)
                    printf("\nFights between blocs\n");
                size_t np = pairs[(size_t)a * (size_t)nb + (size_t)b];
                printf("  bloc %d x bloc %d: %zu event%s between %zu pair%s of actors\n", a + 1,
                       b + 1, f, f == 1 ? "" : "s", np, np == 1 ? "" : "s");
            }
    }
    free(members);
    free(fights);
    free(pairs);
    return QP_EXIT_OK;
}

/* ---- path ---- */

/* How the hop from node `from` reads along edge e. */
static const char *hop_words(const qp_graph_edge *e, size_t from)
{
    int fwd = e->source == from;
    switch (e->relation) {
    case QP_REL_BACKS:
        return fwd ? "backs" : "is backed by";
    case QP_REL_LEADS:
        return fwd ? "leads" : "is led by";
    case QP_REL_MEMBER_OF:
        return fwd ? "is part of" : "includes";
    case QP_REL_FIGHTS:
        return "fights";
    case QP_REL_COOPERATES:
        return "cooperates with";
    }
    return "?";
}

static int q_path(qctx *q)
{
    cli_progress_end();
    ptrdiff_t a = arg_node(q, 0), b = a >= 0 ? arg_node(q, 1) : -1;
    qp_graph_path p = {0};
    if (a >= 0 && b >= 0) {
        int rc = qp_graph_shortest_path(q->g, (size_t)a, (size_t)b, &p);
        if (rc) {
            cli_error("query", "path: %s", qp_strerror(rc));
            return QP_EXIT_FAILURE;
        }
    }
    if (q->json) {
        json_t *out = json_head(q, "path"), *hops = json_array();
        json_object_set_new(out, "from", json_string(q->ids[0]));
        json_object_set_new(out, "to", json_string(q->ids[1]));
        for (size_t i = 0; i + 1 < p.n_nodes; i++) {
            const qp_graph_edge *e = qp_graph_edge_at(q->g, p.edges[i]);
            json_array_append_new(
                hops, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:o, s:o}", "from",
                                qp_graph_node_at(q->g, p.nodes[i])->id, "to",
                                qp_graph_node_at(q->g, p.nodes[i + 1])->id, "relation",
                                qp_relation_name(e->relation), "reads", hop_words(e, p.nodes[i]),
                                "events", (json_int_t)e->weight, "documents",
                                (json_int_t)e->documents, "first", jstr(e->first), "last",
                                jstr(e->last)));
        }
        json_object_set_new(out, "found", json_boolean(p.n_nodes > 0));
        json_object_set_new(out, "length", json_real(p.length));
        json_object_set_new(out, "hops", hops);
        json_emit(out);
    } else if (a >= 0 && b >= 0) {
        const qp_graph_node *na = qp_graph_node_at(q->g, (size_t)a), *nb = qp_graph_node_at(q->g, (size_t)b);
        if (!p.n_nodes)
            printf("No chain of relations ties %s (%s) to %s (%s).\n", na->id, na->label, nb->id,
                   nb->label);
        else
            printf("Strongest chain from %s (%s) to %s (%s): %zu hop%s, length %.3f\n", na->id,
                   na->label, nb->id, nb->label, p.n_nodes - 1, p.n_nodes == 2 ? "" : "s", p.length);
        for (size_t i = 0; i + 1 < p.n_nodes; i++) {
            const qp_graph_edge *e = qp_graph_edge_at(q->g, p.edges[i]);
            char what[64];
            snprintf(what, sizeof what, "%s %s", hop_words(e, p.nodes[i]),
                     qp_graph_node_at(q->g, p.nodes[i + 1])->id);
            printf("  %-14s %-32s %4zu events, %3zu docs, %s .. %s\n",
                   qp_graph_node_at(q->g, p.nodes[i])->id, what, e->weight, e->documents,
                   s_or(e->first, "undated"), s_or(e->last, "undated"));
        }
    }
    qp_graph_path_destroy(&p);
    return QP_EXIT_OK;
}

/* ---- why ---- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int q_why(qctx *q)
{
    cli_progress_end();
    ptrdiff_t a = arg_node(q, 0), b = a >= 0 ? arg_node(q, 1) : -1;
    uint32_t *ev = NULL;
    size_t n = 0, cap = 0;
    if (a >= 0 && b >= 0) {
        size_t ne;
        const uint32_t *es = qp_graph_node_edges(q->g, (size_t)a, &ne);
        for (size_t k = 0; k < ne; k++) {
            const qp_graph_edge *e = qp_graph_edge_at(q->g, es[k]);
            if (!((e->source == (size_t)a && e->target == (size_t)b) ||
                  (e->source == (size_t)b && e->target == (size_t)a)))
                continue;
            if (n + e->n_events > cap) {
                cap = (n + e->n_events) * 2;
                uint32_t *x = realloc(ev, cap * sizeof *x);
                if (!x) {
                    free(ev);
                    cli_error("query", "%s", qp_strerror(QP_ENOMEM));
                    return QP_EXIT_FAILURE;
                }
                ev = x;
            }
            memcpy(ev + n, e->events, e->n_events * sizeof *ev);
            n += e->n_events;
        }
        qp_sort(ev, n, sizeof *ev, cmp_u32); /* no tie: ev is NULL, n 0 */
        size_t u = 0;
        for (size_t i = 0; i < n; i++)
            if (!u || ev[u - 1] != ev[i])
                ev[u++] = ev[i];
        n = u;
    }
    json_t *out = q->json ? json_head(q, "why") : NULL, *items = q->json ? json_array() : NULL;
    if (!q->json && a >= 0 && b >= 0)
        printf("Evidence for %s - %s: %zu event%s\n", qp_graph_node_at(q->g, (size_t)a)->id,
               qp_graph_node_at(q->g, (size_t)b)->id, n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const qp_graph_event *e = qp_graph_event_at(q->g, ev[i]);
        qp_doc_meta d;
        int rc = qp_store_doc_meta(q->store, e->doc, &d);
        if (rc && rc != QP_ENOTFOUND) {
            cli_error("query", "%s: %s", q->db, qp_strerror(rc));
            free(ev);
            json_decref(out);
            json_decref(items);
            return QP_EXIT_FAILURE;
        }
        if (q->json) {
            json_array_append_new(
                items, json_pack("{s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}",
                                 "uid", e->uid, "date", jstr(e->date), "actor1", jstr(e->actor1),
                                 "action", e->action, "actor2", jstr(e->actor2), "action_text",
                                 jstr(e->action_text), "evidence", jstr(e->evidence), "doc", e->doc,
                                 "title", jstr(d.title), "source", jstr(d.source), "url",
                                 jstr(d.url), "published", jstr(d.published)));
        } else {
            printf("\n%s  %s %s %s   [%s]\n", s_or(e->date, "undated   "), s_or(e->actor1, "?"),
                   e->action, s_or(e->actor2, "?"), e->uid);
            printf("  \"%s\"\n", s_or(e->evidence, ""));
            printf("  %s%s%s%s%s%s%s\n", s_or(d.title, e->doc), d.source ? " - " : "",
                   s_or(d.source, ""), d.published ? ", " : "", s_or(d.published, ""),
                   d.url ? "  " : "", s_or(d.url, ""));
        }
        qp_doc_meta_destroy(&d);
    }
    if (q->json) {
        json_object_set_new(out, "a", json_string(q->ids[0]));
        json_object_set_new(out, "b", json_string(q->ids[1]));
        json_object_set_new(out, "events", items);
        json_emit(out);
    } else if (a >= 0 && b >= 0 && !n) {
        printf("No backing, fighting, cooperation or leading ties them in this window.\n");
    }
    free(ev);
    return QP_EXIT_OK;
}

/* ---- actors ---- */

static int by_betweenness;

static int cmp_central(const void *pa, const void *pb)
{
    const qp_graph_node *a = qp_graph_node_at(cmp_g, *(const size_t *)pa);
    const qp_graph_node *b = qp_graph_node_at(cmp_g, *(const size_t *)pb);
    if (by_betweenness && a->betweenness != b->betweenness)
        return a->betweenness > b->betweenness ? -1 : 1;
    if (a->degree != b->degree)
        return a->degree > b->degree ? -1 : 1;
    if (a->betweenness != b->betweenness)
        return a->betweenness > b->betweenness ? -1 : 1;
    if (a->events != b->events)
        return a->events > b->events ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int q_actors(qctx *q)
{
    int rc = qp_graph_centrality(q->g);
    cli_progress_end();
    if (rc) {
        cli_error("query", "actors: %s", qp_strerror(rc));
        return QP_EXIT_FAILURE;
    }
    size_t nn = qp_graph_node_count(q->g);
    size_t *order = malloc((nn + 1) * sizeof *order);
    if (!order) {
        cli_error("query", "%s", qp_strerror(QP_ENOMEM));
        return QP_EXIT_FAILURE;
    }
    for (size_t i = 0; i < nn; i++)
        order[i] = i;
    cmp_g = q->g;
    by_betweenness = q->sort && !strcmp(q->sort, "betweenness");
    qp_sort(order, nn, sizeof *order, cmp_central);
    size_t top = q->top > 0 && (size_t)q->top < nn ? (size_t)q->top : nn;
    json_t *out = q->json ? json_head(q, "actors") : NULL, *arr = q->json ? json_array() : NULL;
    if (!q->json && nn)
        printf("%-4s %-14s %-34s %6s %6s %11s  %-10s  %-10s\n", "RANK", "ACTOR", "LABEL", "DEGREE",
               "EVENTS", "BETWEENNESS", "FIRST", "LAST");
    for (size_t i = 0; i < top; i++) {
        const qp_graph_node *n = qp_graph_node_at(q->g, order[i]);
        if (q->json) {
            json_t *o = json_node(n);
            json_object_set_new(o, "degree", json_integer((json_int_t)n->degree));
            json_object_set_new(o, "events", json_integer((json_int_t)n->events));
            json_object_set_new(o, "betweenness", json_real(n->betweenness));
            json_object_set_new(o, "first", jstr(n->first));
            json_object_set_new(o, "last", jstr(n->last));
            json_array_append_new(arr, o);
        } else {
            printf("%-4zu %s %s %6zu %6zu %11.1f  %-10s  %-10s\n", i + 1, cell(n->id, 14), cell(n->label, 34),
                   n->degree, n->events, n->betweenness, s_or(n->first, "-"), s_or(n->last, "-"));
        }
    }
    if (q->json) {
        json_object_set_new(out, "actors", arr);
        json_emit(out);
    } else if (!nn) {
        printf("(no actor in this window)\n");
    }
    free(order);
    return QP_EXIT_OK;
}

/* ---- driver ---- */


/* Resolves the actor named by argument i; prints why not and returns QP_EXIT_USAGE, or 0. */
static int resolve(qctx *q, int i, const char *name)
{
    qp_actor_matches m;
    int rc = qp_actors_resolve(q->store, name, &m);
    if (!rc) {
        q->owned[i] = strdup(m.c[0].id);
        q->ids[i] = q->owned[i];
        qp_actor_matches_destroy(&m);
        if (!q->ids[i]) {
            cli_error("query", "%s", qp_strerror(QP_ENOMEM));
            return QP_EXIT_FAILURE;
        }
        return 0;
    }
    if (rc == QP_EAMBIGUOUS || rc == QP_ENOTFOUND) {
        if (rc == QP_EAMBIGUOUS)
            cli_error("query", "'%s' names %zu actors; say which by id:", name, m.n);
        else
            cli_error("query", "no actor is called '%s'%s", name, m.n ? "; did you mean:" : "");
        for (size_t k = 0; k < m.n; k++)
            fprintf(stderr, "  %-14s %-36s (as \"%s\")\n", m.c[k].id, s_or(m.c[k].label, ""),
                    m.c[k].matched);
        if (rc == QP_ENOTFOUND && !m.n)
            fprintf(stderr, "(`quipu query actors` lists the actors of the graph)\n");
        qp_actor_matches_destroy(&m);
        return QP_EXIT_USAGE;
    }
    qp_actor_matches_destroy(&m);
    cli_error("query", "%s: %s", q->db, qp_strerror(rc));
    return QP_EXIT_FAILURE;
}

static int run(qctx *q, const query_def *qd, char **args)
{
    int ex;
    for (int i = 0; i < qd->nargs; i++)
        if ((ex = resolve(q, i, args[i])))
            return ex;
    char err[512] = "";
    qp_graph_load_opts lo = {.since = q->since, .until = q->until, .by = q->by, .keep_evidence = qd->run == q_why};
    /* the questions on one actor's ties (or two actors') need only the events that name them:
     * in the actor view a node is its actor, and those events are found on the store's actor
     * indexes instead of loading the whole window. Allies through a common backer need the
     * backers' events too: a first load finds them. (In the country view a node gathers a
     * whole parent tree: the window is loaded.) */
    const char *focus[64];
    size_t n_focus = 0;
    int rc = 0;
    if (q->by == QP_GRAPH_BY_ACTOR && (qd->run == q_ties || qd->run == q_why)) {
        for (int i = 0; i < qd->nargs; i++)
            focus[n_focus++] = q->ids[i];
        lo.focus = focus;
        lo.n_focus = n_focus;
        if (!strcmp(qd->name, "allies")) {
            qp_graph *g1 = NULL;
            rc = qp_graph_load(q->store, &lo, &g1, err, sizeof err);
            ptrdiff_t x = rc ? -1 : qp_graph_find(g1, q->ids[0]);
            qp_graph_tie *ties = NULL;
            size_t nt = 0;
            if (x >= 0 && !(rc = qp_graph_ties(g1, (size_t)x, QP_TIES_BACKERS, &ties, &nt))) {
                /* the strongest backers, as many as fit: each brings its own backings */
                for (size_t k = 0; k < nt && n_focus < QP_ARRAY_LEN(focus); k++)
                    focus[n_focus++] = qp_graph_node_at(g1, ties[k].node)->id;
                lo.n_focus = n_focus;
            }
            free(ties);
            /* the ids point into g1: the second load copies what it needs from the store */
            if (!rc)
                rc = qp_graph_load(q->store, &lo, &q->g, err, sizeof err);
            qp_graph_destroy(g1);
        }
    }
    /* the answer is printed at the end: the line is wiped before it */
    cli_progress_begin("query", 1);
    cli_progress_stage("building the graph");
    if (!rc && !q->g)
        rc = qp_graph_load(q->store, &lo, &q->g, err, sizeof err);
    cli_progress_stage(qd->run == q_sides ? "finding the blocs" : qd->run == q_actors ? "measuring centrality"
                                                                                     : "answering");
    if (rc) {
        cli_progress_end();
        cli_error("query", "%s: %s%s%s", q->db, qp_strerror(rc), err[0] ? ": " : "", err);
        return QP_EXIT_FAILURE;
    }
    q->cmd = qd->name;
    ex = qd->run(q);
    cli_progress_end();
    return ex;
}

int cmd_query(int argc, char **argv)
{
    qctx q = {.seed = QP_SIDES_SEED};
    char *pos[4];
    int npos = 0, help = 0;
    const char *format = "table", *by = "actor";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            help = 1;
        else if (!strcmp(a, "--db") && has_val)
            q.db = argv[++i];
        else if (!strcmp(a, "--since") && has_val)
            q.since = argv[++i];
        else if (!strcmp(a, "--until") && has_val)
            q.until = argv[++i];
        else if (!strcmp(a, "--by") && has_val)
            by = argv[++i];
        else if (!strcmp(a, "--format") && has_val)
            format = argv[++i];
        else if (!strcmp(a, "--sort") && has_val)
            q.sort = argv[++i];
        else if (!strcmp(a, "--seed") && has_val) {
            char *end;
            q.seed = strtoul(argv[++i], &end, 10);
            if (*end || !*argv[i]) {
                cli_error("query", "--seed wants a number, not '%s'", argv[i]);
                return QP_EXIT_USAGE;
            }
        }
        else if (!strcmp(a, "--top") && has_val) {
            char *end;
            q.top = strtol(argv[++i], &end, 10);
            if (*end || q.top <= 0) {
                cli_error("query", "--top wants a positive number, not '%s'", argv[i]);
                return QP_EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            cli_error("query", "unknown option '%s'%s (see `quipu query --help`)", a,
                      has_val ? "" : " or missing value");
            return QP_EXIT_USAGE;
        } else if (npos < 4) {
            pos[npos++] = argv[i];
        } else {
            cli_error("query", "too many arguments (see `quipu query --help`)");
            return QP_EXIT_USAGE;
        }
    }
    const query_def *qd = NULL;
    for (size_t k = 0; npos && k < QP_ARRAY_LEN(queries); k++)
        if (!strcmp(pos[0], queries[k].name))
            qd = &queries[k];
    if (help) {
        if (qd)
            printf("Usage: quipu query [OPTIONS] %s\n\n%s\n%s", qd->usage, qd->summary, qd->help);
        else
            usage(stdout);
        return QP_EXIT_OK;
    }
    if (!npos) {
        usage(stderr);
        return QP_EXIT_USAGE;
    }
    if (!qd) {
        cli_error("query", "unknown query '%s' (see `quipu query --help`)", pos[0]);
        return QP_EXIT_USAGE;
    }
    if (npos - 1 != qd->nargs) {
        cli_error("query", "usage: quipu query %s", qd->usage);
        return QP_EXIT_USAGE;
    }
    char since[11], until[11];
    if ((q.since && cli_date_option("query", "--since", q.since, 0, since)) ||
        (q.until && cli_date_option("query", "--until", q.until, 1, until)))
        return QP_EXIT_USAGE;
    q.since = q.since ? since : NULL;
    q.until = q.until ? until : NULL;
    if (q.since && q.until && strcmp(q.since, q.until) > 0) {
        cli_error("query", "--since %s is after --until %s", q.since, q.until);
        return QP_EXIT_USAGE;
    }
    if (strcmp(format, "table") && strcmp(format, "json")) {
        cli_error("query", "--format is table or json, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    if (strcmp(by, "actor") && strcmp(by, "country")) {
        cli_error("query", "--by is actor or country, not '%s'", by);
        return QP_EXIT_USAGE;
    }
    if (q.sort && strcmp(q.sort, "degree") && strcmp(q.sort, "betweenness")) {
        cli_error("query", "--sort is degree or betweenness, not '%s'", q.sort);
        return QP_EXIT_USAGE;
    }
    q.json = !strcmp(format, "json");
    q.by = !strcmp(by, "country") ? QP_GRAPH_BY_COUNTRY : QP_GRAPH_BY_ACTOR;
    if (!q.db)
        q.db = cli_default_db();
    /* opening would create an empty database: a query on a mistyped path should say so */
    if (access(q.db, R_OK)) {
        cli_error("query", "no database at %s (run `quipu ingest` first, or give --db FILE)", q.db);
        return QP_EXIT_FAILURE;
    }
    int ex;
    int rc = qp_store_open_read(&q.store, q.db);
    if (rc) {
        cli_error("query", "%s", qp_store_errmsg(q.store)[0] ? qp_store_errmsg(q.store) : qp_strerror(rc));
        ex = QP_EXIT_FAILURE;
    } else {
        ex = run(&q, qd, pos + 1);
    }
    qp_graph_destroy(q.g);
    qp_store_close(q.store);
    free(q.owned[0]);
    free(q.owned[1]);
    return ex;
}
