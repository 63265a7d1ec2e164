/* test_graph.c — the graph built from hand-made events: relations, roll-up, ties, sides, path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "graph.h"
#include "qp.h"

typedef struct actor_def {
    const char *id, *kind, *country, *parent;
} actor_def;

static const actor_def actors[] = {
    {"RUS", "state", "RUS", NULL},
    {"IRN", "state", "IRN", NULL},
    {"USA", "state", "USA", NULL},
    {"SYR", "state", "SYR", NULL},
    {"SYR-GOV", "government", "SYR", "SYR"},
    {"HEZBOLLAH", "armed group", "LBN", NULL},
    {"COALITION", "coalition", NULL, NULL},
    {"SDF", "armed group", "SYR", NULL},
    {"ISIS", "armed group", NULL, NULL},
    {"FSA", "armed group", "SYR", NULL},
    {"IRQ", "state", "IRQ", NULL},
    {"IRQ-GOV", "government", "IRQ", "IRQ"},
    {"IRQ-AIRFORCE", "military", "IRQ", "IRQ-GOV"},
    {"IRQ-ARMY", "military", "IRQ", "IRQ-GOV"},
    {"CIVILIANS", "civilians", NULL, NULL},
    {"A", NULL, NULL, NULL},
    {"B", NULL, NULL, NULL},
    {"C", NULL, NULL, NULL},
    {"D", NULL, NULL, NULL},
    {"E", NULL, NULL, NULL},
};

static qp_actor_ref ref(const char *id)
{
    qp_actor_ref r = {0};
    if (!id)
        return r;
    r.id = id;
    for (size_t i = 0; i < QP_ARRAY_LEN(actors); i++)
        if (!strcmp(actors[i].id, id)) {
            r.kind = actors[i].kind;
            r.country = actors[i].country;
            r.parent = actors[i].parent;
        }
    return r;
}

static int seq;

static const char *next_context; /* PLOVER context of the next event added */

/* Adds one event a1 -action-> a2 on date in doc (uid made unique). */
static void add(qp_graph_builder *b, const char *doc, const char *a1, const char *action,
                const char *a2, const char *date, int flags)
{
    char uid[64];
    snprintf(uid, sizeof uid, "%s#%d.0", doc, ++seq);
    qp_event e = {.uid = uid, .doc = doc, .sentence = seq, .actor1 = ref(a1), .actor2 = ref(a2),
                  .action = action, .time = {.start = date}, .flags = flags,
                  .evidence_text = "evidence", .confidence = 0.9, .context = next_context};
    next_context = NULL;
    assert_int_equal(qp_graph_add_event(b, &e), 0);
}

static qp_graph *build(qp_graph_builder *b)
{
    qp_graph *g = NULL;
    assert_int_equal(qp_graph_build(b, &g), 0);
    assert_non_null(g);
    qp_graph_builder_destroy(b);
    return g;
}

static qp_graph_builder *builder(qp_graph_by by)
{
    qp_graph_builder *b = NULL;
    qp_graph_options o = {.by = by, .keep_evidence = 1};
    assert_int_equal(qp_graph_builder_init(&b, &o), 0);
    return b;
}

static size_t node(const qp_graph *g, const char *id)
{
    ptrdiff_t v = qp_graph_find(g, id);
    if (v < 0)
        fail_msg("no node %s", id);
    return (size_t)v;
}

/* The edge (a, b, rel), or NULL. */
static const qp_graph_edge *edge(const qp_graph *g, const char *a, const char *b, qp_relation rel)
{
    size_t va = node(g, a), vb = node(g, b);
    for (size_t i = 0; i < qp_graph_edge_count(g); i++) {
        const qp_graph_edge *e = qp_graph_edge_at(g, i);
        if (e->relation == rel && ((e->source == va && e->target == vb) ||
                                   (!qp_relation_directed(rel) && e->source == vb && e->target == va)))
            return e;
    }
    return NULL;
}

static void relations_aggregate_events(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    add(b, "d2", "RUS", "AID", "SYR-GOV", "2016-03-01", 0);
    add(b, "d1", "RUS", "SUPPORT", "SYR-GOV", "2015-09-30", 0);
    add(b, "d1", "RUS", "AID", "SYR-GOV", "2015-10-01", 0);
    add(b, "d3", "RUS", "AID", "SYR-GOV", "2014-01-01", QP_EVENT_NEGATED);
    add(b, "d3", "RUS", "AID", "SYR-GOV", "2018-01-01", QP_EVENT_HYPOTHETICAL);
    add(b, "d1", "ISIS", "ASSAULT", "SYR-GOV", "2015-01-01", 0);
    add(b, "d2", "SYR-GOV", "ASSAULT", "ISIS", NULL, 0);
    add(b, "d2", "ISIS", "ASSAULT", "CIVILIANS", "2015-01-01", 0);
    add(b, "d4", "USA", "LEAD", "COALITION", "2014-09-10", 0);
    qp_graph *g = build(b);

    const qp_graph_edge *e = edge(g, "RUS", "SYR-GOV", QP_REL_BACKS);
    assert_non_null(e);
    assert_int_equal(e->weight, 3); /* the negated and hypothetical ones do not count */
    assert_int_equal(e->documents, 2);
    assert_string_equal(e->first, "2015-09-30");
    assert_string_equal(e->last, "2016-03-01");
    assert_int_equal(e->sign, 1);
    /* events in time order whatever order they came in */
    assert_string_equal(qp_graph_event_at(g, e->events[0])->date, "2015-09-30");
    assert_string_equal(qp_graph_event_at(g, e->events[2])->date, "2016-03-01");
    assert_null(edge(g, "SYR-GOV", "RUS", QP_REL_BACKS)); /* backing has a direction */

    /* fighting has none: both directions are one edge; the undated event is last */
    e = edge(g, "ISIS", "SYR-GOV", QP_REL_FIGHTS);
    assert_non_null(e);
    assert_int_equal(e->weight, 2);
    assert_int_equal(e->sign, -1);
    assert_string_equal(e->first, "2015-01-01");
    assert_string_equal(e->last, "2015-01-01");
    assert_null(qp_graph_event_at(g, e->events[1])->date);
    /* assaulting civilians is no fight between armed actors */
    assert_null(edge(g, "ISIS", "CIVILIANS", QP_REL_FIGHTS));
    assert_int_equal(qp_graph_node_at(g, node(g, "CIVILIANS"))->events, 1);
    /* a leader leads and backs */
    assert_non_null(edge(g, "USA", "COALITION", QP_REL_LEADS));
    assert_non_null(edge(g, "USA", "COALITION", QP_REL_BACKS));
    /* member_of from the parent link, both ends being nodes (SYR is not one) */
    assert_int_equal(qp_graph_find(g, "SYR"), -1);
    const qp_graph_node *n = qp_graph_node_at(g, node(g, "SYR-GOV"));
    assert_int_equal(n->events, 5);
    assert_int_equal(n->degree, 2); /* RUS and ISIS */
    assert_string_equal(n->first, "2015-01-01");
    assert_string_equal(n->last, "2016-03-01");
    assert_string_equal(n->label, "SYR-GOV"); /* no label known: the id */
    assert_int_equal(n->bloc, -1);
    /* nodes sorted by id */
    for (size_t i = 1; i < qp_graph_node_count(g); i++)
        assert_true(strcmp(qp_graph_node_at(g, i - 1)->id, qp_graph_node_at(g, i)->id) < 0);
    assert_string_equal(qp_graph_event_at(g, 0)->evidence, "evidence");
    assert_null(qp_graph_event_at(g, 0)->place_id);
    qp_graph_destroy(g);

    /* events keep their place, for the views that map them */
    b = builder(QP_GRAPH_BY_ACTOR);
    qp_event pev = {.uid = "p#1.0", .doc = "p", .actor1 = ref("IRQ-ARMY"), .actor2 = ref("ISIS"),
                  .action = "ASSAULT", .place = {.id = "geonames:99", .label = "Al-Qaim",
                                                 .country = "IQ", .lat = 34.4, .lon = 41.1}};
    assert_int_equal(qp_graph_add_event(b, &pev), 0);
    g = build(b);
    const qp_graph_event *pe = qp_graph_event_at(g, 0);
    assert_string_equal(pe->place_id, "geonames:99");
    assert_string_equal(pe->place_label, "Al-Qaim");
    assert_string_equal(pe->place_country, "IQ");
    assert_float_equal(pe->lat, 34.4, 1e-9);
    qp_graph_destroy(g);
}

static void country_view_rolls_up_to_government(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_COUNTRY);
    add(b, "d1", "IRQ-AIRFORCE", "ASSAULT", "ISIS", "2017-11-01", 0);
    add(b, "d2", "IRQ-ARMY", "ASSAULT", "ISIS", "2017-11-02", 0);
    add(b, "d2", "IRQ", "ASSAULT", "ISIS", "2017-11-03", 0);
    add(b, "d3", "IRQ-ARMY", "COOPERATE", "IRQ-AIRFORCE", "2017-11-03", 0);
    add(b, "d3", "USA", "AID", "IRQ-ARMY", "2017-11-04", 0);
    add(b, "d3", "SYR", "AID", "HEZBOLLAH", "2017-11-04", 0);
    qp_graph *g = build(b);
    /* the air force, the army and the state itself are the Iraqi government */
    assert_int_equal(node(g, "IRQ-AIRFORCE"), node(g, "IRQ-GOV"));
    assert_int_equal(node(g, "IRQ"), node(g, "IRQ-GOV"));
    assert_string_equal(qp_graph_node_at(g, node(g, "IRQ"))->id, "IRQ-GOV");
    const qp_graph_edge *e = edge(g, "IRQ-GOV", "ISIS", QP_REL_FIGHTS);
    assert_non_null(e);
    assert_int_equal(e->weight, 3);
    assert_int_equal(e->documents, 2);
    assert_non_null(edge(g, "USA", "IRQ-GOV", QP_REL_BACKS));
    /* cooperation within one government is no edge */
    for (size_t i = 0; i < qp_graph_edge_count(g); i++)
        assert_true(qp_graph_edge_at(g, i)->source != qp_graph_edge_at(g, i)->target);
    assert_int_equal(qp_graph_node_at(g, node(g, "IRQ-GOV"))->events, 5);
    /* no SYR-GOV known in this graph: the state stays itself; non-state actors too */
    assert_string_equal(qp_graph_node_at(g, node(g, "SYR"))->id, "SYR");
    assert_string_equal(qp_graph_node_at(g, node(g, "HEZBOLLAH"))->id, "HEZBOLLAH");
    qp_graph_destroy(g);

    /* the actor view keeps them apart */
    b = builder(QP_GRAPH_BY_ACTOR);
    add(b, "d1", "IRQ-AIRFORCE", "ASSAULT", "ISIS", "2017-11-01", 0);
    add(b, "d2", "IRQ-ARMY", "ASSAULT", "ISIS", "2017-11-02", 0);
    g = build(b);
    assert_int_equal(qp_graph_node_count(g), 3);
    assert_true(node(g, "IRQ-ARMY") != node(g, "IRQ-AIRFORCE"));
    qp_graph_destroy(g);
}

/* The Syrian war in miniature: the sanity target for `sides`. */
static qp_graph *syria(void)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    for (int i = 0; i < 2; i++) {
        add(b, "s1", "RUS", "AID", "SYR-GOV", "2015-09-30", 0);
        add(b, "s1", "IRN", "AID", "SYR-GOV", "2015-10-01", 0);
        add(b, "s2", "HEZBOLLAH", "SUPPORT", "SYR-GOV", "2016-01-01", 0);
        add(b, "s3", "USA", "LEAD", "COALITION", "2014-09-10", 0);
        add(b, "s3", "USA", "AID", "SDF", "2016-05-01", 0);
        add(b, "s4", "COALITION", "SUPPORT", "SDF", "2017-06-06", 0);
        add(b, "s5", "SYR-GOV", "ASSAULT", "FSA", "2013-01-01", 0);
    }
    add(b, "s2", "IRN", "AID", "HEZBOLLAH", "2015-01-01", 0);
    const char *all[] = {"RUS", "IRN", "HEZBOLLAH", "SYR-GOV", "USA", "COALITION", "SDF"};
    for (size_t i = 0; i < QP_ARRAY_LEN(all); i++)
        add(b, "s6", all[i], "ASSAULT", "ISIS", "2017-01-01", 0);
    return build(b);
}

static void sides_of_the_syrian_war(void **state)
{
    qp_graph *g = syria();
    int nb = qp_graph_sides(g, 42);
    assert_int_equal(nb, 4);
    int gov = qp_graph_node_at(g, node(g, "SYR-GOV"))->bloc;
    int usa = qp_graph_node_at(g, node(g, "USA"))->bloc;
    int isis = qp_graph_node_at(g, node(g, "ISIS"))->bloc;
    int fsa = qp_graph_node_at(g, node(g, "FSA"))->bloc;
    assert_true(gov != usa && gov != isis && usa != isis && fsa != gov && fsa != isis);
    assert_int_equal(qp_graph_node_at(g, node(g, "RUS"))->bloc, gov);
    assert_int_equal(qp_graph_node_at(g, node(g, "IRN"))->bloc, gov);
    assert_int_equal(qp_graph_node_at(g, node(g, "HEZBOLLAH"))->bloc, gov);
    assert_int_equal(qp_graph_node_at(g, node(g, "COALITION"))->bloc, usa);
    assert_int_equal(qp_graph_node_at(g, node(g, "SDF"))->bloc, usa);
    /* numbered by size: the four of Damascus, the three of Washington, then the lone ones */
    assert_int_equal(gov, 0);
    assert_int_equal(usa, 1);
    assert_int_equal(qp_graph_bloc_count(g), 4);
    /* the same seed gives the same answer */
    int first[32];
    for (size_t i = 0; i < qp_graph_node_count(g); i++)
        first[i] = qp_graph_node_at(g, i)->bloc;
    assert_int_equal(qp_graph_sides(g, 42), 4);
    for (size_t i = 0; i < qp_graph_node_count(g); i++)
        assert_int_equal(qp_graph_node_at(g, i)->bloc, first[i]);
    qp_graph_destroy(g);
}

static void sides_handle_components_and_loners(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    add(b, "d", "A", "AID", "B", "2020-01-01", 0);       /* a positive pair */
    add(b, "d", "C", "ASSAULT", "D", "2020-01-01", 0);   /* a negative pair */
    add(b, "d", "E", "CONSULT", NULL, "2020-01-01", 0);  /* no tie at all */
    /* one military cooperation (a backing too, but one event) against one fight: even */
    next_context = "military";
    add(b, "d", "A", "COOPERATE", "C", "2020-01-01", 0);
    add(b, "d", "A", "ASSAULT", "C", "2020-01-02", 0);
    qp_graph *g = build(b);
    assert_non_null(edge(g, "A", "C", QP_REL_BACKS));
    assert_non_null(edge(g, "A", "C", QP_REL_COOPERATES));
    assert_int_equal(qp_graph_sides(g, 42), 3);
    assert_int_equal(qp_graph_node_at(g, node(g, "A"))->bloc, 0);
    assert_int_equal(qp_graph_node_at(g, node(g, "B"))->bloc, 0);
    int c = qp_graph_node_at(g, node(g, "C"))->bloc, d = qp_graph_node_at(g, node(g, "D"))->bloc;
    assert_true(c > 0 && d > 0 && c != d);
    assert_int_equal(qp_graph_node_at(g, node(g, "E"))->bloc, -1);
    qp_graph_destroy(g);

    /* a war of all against all: three components of one, not an igraph error */
    b = builder(QP_GRAPH_BY_ACTOR);
    add(b, "d", "A", "ASSAULT", "B", "2020-01-01", 0);
    add(b, "d", "B", "ASSAULT", "C", "2020-01-01", 0);
    add(b, "d", "C", "ASSAULT", "A", "2020-01-01", 0);
    g = build(b);
    assert_int_equal(qp_graph_sides(g, 42), 3);
    qp_graph_destroy(g);

    /* nothing at all */
    b = builder(QP_GRAPH_BY_ACTOR);
    g = build(b);
    assert_int_equal(qp_graph_node_count(g), 0);
    assert_int_equal(qp_graph_edge_count(g), 0);
    assert_int_equal(qp_graph_sides(g, 42), 0);
    assert_int_equal(qp_graph_centrality(g), 0);
    qp_graph_destroy(g);
}

/* Over 100 actors in one component, sides goes to Leiden: two planted camps of 60 must come
 * back, whatever the order of the events. */
static void sides_of_a_big_component(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    char x[16], y[16];
    unsigned r = 12345;
    for (int i = 0; i < 1200; i++) {
        r = r * 1103515245u + 12345u;
        int a = (int)(r >> 8) % 120;
        r = r * 1103515245u + 12345u;
        int c = (int)(r >> 8) % 120;
        if (a == c)
            continue;
        int same = a / 60 == c / 60;
        snprintf(x, sizeof x, "X%03d", a);
        snprintf(y, sizeof y, "X%03d", c);
        add(b, "big", x, same ? "AID" : "ASSAULT", y, "2020-01-01", 0);
    }
    qp_graph *g = build(b);
    assert_int_equal(qp_graph_node_count(g), 120);
    int nb = qp_graph_sides(g, 42);
    assert_int_equal(nb, 2);
    int b0 = qp_graph_node_at(g, 0)->bloc, b1 = qp_graph_node_at(g, 119)->bloc;
    assert_true(b0 != b1);
    for (size_t i = 0; i < 120; i++)
        assert_int_equal(qp_graph_node_at(g, i)->bloc, i < 60 ? b0 : b1);
    qp_graph_destroy(g);
}

static void ties_of_one_actor(void **state)
{
    qp_graph *g = syria();
    qp_graph_tie *t;
    size_t n;
    assert_int_equal(qp_graph_ties(g, node(g, "SDF"), QP_TIES_BACKERS, &t, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(qp_graph_node_at(g, t[0].node)->id, "COALITION"); /* ties 2-2: by id */
    assert_string_equal(qp_graph_node_at(g, t[1].node)->id, "USA");
    assert_int_equal(t[1].weight, 2);
    assert_int_equal(t[1].documents, 1);
    assert_string_equal(t[1].first, "2016-05-01");
    free(t);

    assert_int_equal(qp_graph_ties(g, node(g, "USA"), QP_TIES_BACKED_BY, &t, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(qp_graph_node_at(g, t[0].node)->id, "COALITION");
    assert_true(t[0].relations & (1u << QP_REL_LEADS));
    free(t);

    assert_int_equal(qp_graph_ties(g, node(g, "ISIS"), QP_TIES_BACKERS, &t, &n), 0);
    assert_int_equal(n, 0); /* nobody backs IS */
    free(t);

    assert_int_equal(qp_graph_ties(g, node(g, "ISIS"), QP_TIES_ENEMIES, &t, &n), 0);
    assert_int_equal(n, 7);
    free(t);

    /* allies of Hezbollah: SYR-GOV and IRN directly, RUS through the common... no: RUS backs
     * SYR-GOV only; Iran backs both Hezbollah and SYR-GOV, so SYR-GOV is direct anyway */
    assert_int_equal(qp_graph_ties(g, node(g, "HEZBOLLAH"), QP_TIES_ALLIES, &t, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(t[0].via, -1);
    free(t);
    /* allies of the SDF: its two backers directly; nobody else is backed by them but the
     * coalition, already direct */
    assert_int_equal(qp_graph_ties(g, node(g, "SDF"), QP_TIES_ALLIES, &t, &n), 0);
    assert_int_equal(n, 2);
    free(t);
    /* allies of Hezbollah's fellow: Iran backs Hezbollah and SYR-GOV; for RUS, none via */
    assert_int_equal(qp_graph_ties(g, node(g, "RUS"), QP_TIES_ALLIES, &t, &n), 0);
    assert_int_equal(n, 1);
    free(t);
    assert_int_equal(qp_graph_ties(g, 999, QP_TIES_ALLIES, &t, &n), QP_EINVAL);
    qp_graph_destroy(g);
}

static void allies_through_a_common_backer(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    add(b, "d1", "A", "AID", "B", "2020-01-01", 0);
    add(b, "d1", "A", "AID", "B", "2020-01-02", 0);
    add(b, "d2", "A", "AID", "C", "2020-02-01", 0);
    add(b, "d2", "A", "AID", "C", "2020-02-02", 0);
    add(b, "d2", "A", "AID", "C", "2020-02-03", 0);
    add(b, "d3", "A", "AID", "D", "2020-03-01", 0);
    add(b, "d3", "B", "ASSAULT", "D", "2020-03-02", 0);
    qp_graph *g = build(b);
    qp_graph_tie *t;
    size_t n;
    assert_int_equal(qp_graph_ties(g, node(g, "B"), QP_TIES_ALLIES, &t, &n), 0);
    /* A directly; C through A; D is backed by A too, but B fights D */
    assert_int_equal(n, 2);
    assert_string_equal(qp_graph_node_at(g, t[0].node)->id, "A");
    assert_int_equal(t[0].via, -1);
    assert_string_equal(qp_graph_node_at(g, t[1].node)->id, "C");
    assert_int_equal(t[1].via, (ptrdiff_t)node(g, "A"));
    assert_int_equal(t[1].weight, 2); /* the weaker of the two backings */
    assert_int_equal(t[1].documents, 1); /* the weaker link's */
    assert_string_equal(t[1].first, "2020-01-01");
    assert_string_equal(t[1].last, "2020-02-03");
    free(t);
    qp_graph_destroy(g);
}

static void strongest_path(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    /* A-B-C strong (3 each), A-D-C weak (1 each): the path goes through B */
    for (int i = 0; i < 3; i++) {
        add(b, "d", "A", "AID", "B", "2020-01-01", 0);
        add(b, "d", "B", "COOPERATE", "C", "2020-01-01", 0);
    }
    add(b, "d", "A", "AID", "D", "2020-01-01", 0);
    add(b, "d", "D", "AID", "C", "2020-01-01", 0);
    add(b, "d", "E", "CONSULT", NULL, "2020-01-01", 0);
    qp_graph *g = build(b);
    qp_graph_path p;
    assert_int_equal(qp_graph_shortest_path(g, node(g, "A"), node(g, "C"), &p), 0);
    assert_int_equal(p.n_nodes, 3);
    assert_string_equal(qp_graph_node_at(g, p.nodes[1])->id, "B");
    assert_int_equal(qp_graph_edge_at(g, p.edges[1])->relation, QP_REL_COOPERATES);
    assert_true(p.length > 0.66 && p.length < 0.67);
    qp_graph_path_destroy(&p);
    /* E has no tie: no path, no error */
    assert_int_equal(qp_graph_shortest_path(g, node(g, "A"), node(g, "E"), &p), 0);
    assert_int_equal(p.n_nodes, 0);
    qp_graph_path_destroy(&p);
    assert_int_equal(qp_graph_shortest_path(g, node(g, "A"), node(g, "A"), &p), 0);
    assert_int_equal(p.n_nodes, 1);
    qp_graph_path_destroy(&p);
    qp_graph_destroy(g);
}

static void betweenness_on_positive_ties(void **state)
{
    qp_graph *g = syria();
    assert_int_equal(qp_graph_centrality(g), 0);
    /* SYR-GOV sits between RUS, IRN, HEZBOLLAH on positive ties; fights do not count */
    const qp_graph_node *gov = qp_graph_node_at(g, node(g, "SYR-GOV"));
    assert_true(gov->betweenness > 0);
    assert_true(qp_graph_node_at(g, node(g, "ISIS"))->betweenness == 0);
    /* RUS-IRN and RUS-HEZBOLLAH go through it; IRN-HEZBOLLAH has two paths of length 1
     * (direct, one event; through SYR-GOV, two and two): half of it */
    assert_float_equal(gov->betweenness, 2.5, 1e-9);
    assert_float_equal(qp_graph_node_at(g, node(g, "IRN"))->betweenness, 0, 1e-9);
    /* the US, the coalition and the SDF are a triangle: nobody in between */
    assert_float_equal(qp_graph_node_at(g, node(g, "USA"))->betweenness, 0, 1e-9);
    qp_graph_destroy(g);
}

/* Past 2,000 tied actors betweenness is estimated from 256 sources: a hub backing 3,000
 * actors must still come out near its exact figure (every pair of them goes through it:
 * 3000 * 2999 / 2), its leaves at 0, and the same on a second run. */
static void betweenness_estimated_on_a_big_graph(void **state)
{
    qp_graph_builder *b = builder(QP_GRAPH_BY_ACTOR);
    char leaf[16];
    for (int i = 0; i < 3000; i++) {
        snprintf(leaf, sizeof leaf, "L%04d", i);
        add(b, "d", "HUB", "AID", leaf, "2020-01-01", 0);
    }
    qp_graph *g = build(b);
    assert_int_equal(qp_graph_centrality(g), 0);
    double exact = 3000.0 * 2999.0 / 2.0, hub = qp_graph_node_at(g, node(g, "HUB"))->betweenness;
    assert_true(hub > 0.99 * exact && hub < 1.01 * exact);
    assert_float_equal(qp_graph_node_at(g, node(g, "L0042"))->betweenness, 0, 1e-9);
    assert_int_equal(qp_graph_centrality(g), 0);
    assert_float_equal(qp_graph_node_at(g, node(g, "HUB"))->betweenness, hub, 1e-9);
    qp_graph_destroy(g);
}

static void relation_names_round_trip(void **state)
{
    for (int r = 0; r < QP_REL_COUNT; r++)
        assert_int_equal(qp_relation_parse(qp_relation_name((qp_relation)r)), r);
    assert_int_equal(qp_relation_parse("hates"), QP_EINVAL);
    assert_int_equal(qp_relation_sign(QP_REL_FIGHTS), -1);
    assert_false(qp_relation_directed(QP_REL_COOPERATES));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relations_aggregate_events),
        cmocka_unit_test(country_view_rolls_up_to_government),
        cmocka_unit_test(sides_of_the_syrian_war),
        cmocka_unit_test(sides_handle_components_and_loners),
        cmocka_unit_test(sides_of_a_big_component),
        cmocka_unit_test(ties_of_one_actor),
        cmocka_unit_test(allies_through_a_common_backer),
        cmocka_unit_test(strongest_path),
        cmocka_unit_test(betweenness_on_positive_ties),
        cmocka_unit_test(betweenness_estimated_on_a_big_graph),
        cmocka_unit_test(relation_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
