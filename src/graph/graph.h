/* graph.h — the actor graph: relations aggregated from events, and the questions asked of it. */
#ifndef QP_GRAPH_H
#define QP_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

/* Relations between two actors, aggregated from events:
 *   backs       AID, SUPPORT, COOPERATE with context "military", LEAD (a leader backs what it
 *               leads); directed: source backs target.
 *   fights      ASSAULT between armed actors (kinds other than civilians, ngo, igo, person,
 *               media); undirected: source < target.
 *   cooperates  COOPERATE (any context); undirected.
 *   leads       LEAD; directed.
 *   member_of   an actor's parent link (from actor metadata, not events); directed: child to
 *               parent; weight 1, no events. Only in the actor view.
 * An event can feed two relations (a LEAD is both leads and backs). */
typedef enum qp_relation {
    QP_REL_BACKS = 0,
    QP_REL_FIGHTS = 1,
    QP_REL_COOPERATES = 2,
    QP_REL_LEADS = 3,
    QP_REL_MEMBER_OF = 4,
} qp_relation;
#define QP_REL_COUNT 5

/* "backs", "fights", …; "?" for an out-of-range value. */
const char *qp_relation_name(qp_relation r);
/* +1 for backs, cooperates, leads and member_of; -1 for fights. */
int qp_relation_sign(qp_relation r);
/* 1 when the relation has a direction (backs, leads, member_of). */
int qp_relation_directed(qp_relation r);
/* The relation named s, or QP_EINVAL. */
int qp_relation_parse(const char *s);

/* Identity of the nodes. In the country view an actor rolls up through its parent chain: it
 * stops at the first `ISO3-GOV` actor met ("Iraqi air force" IRQ-AIRFORCE -> IRQ-GOV), a state
 * `ISO3` rolls down to its `ISO3-GOV` when that actor is known (so "Iraq" and "the Iraqi army"
 * are one node), anything else goes to its top ancestor. Actors without parents (ISIS, SDF)
 * stay themselves. */
typedef enum qp_graph_by {
    QP_GRAPH_BY_ACTOR = 0,
    QP_GRAPH_BY_COUNTRY = 1,
} qp_graph_by;

typedef struct qp_graph_options {
    qp_graph_by by;
    int keep_evidence;   /* keep each event's evidence text and action text (for `why`) */
} qp_graph_options;

typedef struct qp_graph_node {
    const char *id;          /* actor id ('IRQ-GOV') */
    const char *label;       /* English label; the id when unknown */
    const char *label_fr;    /* or NULL */
    const char *kind;        /* actor kind or NULL */
    const char *country;     /* ISO alpha-3 or NULL */
    const char *parent;      /* parent actor id or NULL (as known, not rolled up) */
    const char *first, *last;/* YYYY-MM-DD of its first and last dated event; NULL when none */
    size_t events;           /* events in the window it takes part in, with or without a relation */
    size_t degree;           /* distinct neighbours over all relations */
    double strength;         /* sum of the weights of its edges */
    double betweenness;      /* on positive ties; 0 until qp_graph_centrality() */
    int bloc;                /* from qp_graph_sides(); -1 before, or when it has no signed tie */
    double x, y;             /* from qp_graph_layout(), in [-1, 1]; 0 before */
} qp_graph_node;

typedef struct qp_graph_edge {
    size_t source, target;   /* node indices; for undirected relations source < target */
    qp_relation relation;
    int sign;                /* qp_relation_sign(relation) */
    size_t weight;           /* number of events (1 for member_of) */
    size_t documents;        /* number of distinct documents among them */
    const char *first, *last;/* dates of the first and last dated event, or NULL */
    size_t n_events;
    const uint32_t *events;  /* n_events indices for qp_graph_event_at(), in time order */
} qp_graph_edge;

/* One event behind an edge. */
typedef struct qp_graph_event {
    const char *uid;         /* '<doc>#<sentence>.<n>' */
    const char *doc;         /* document name */
    const char *date;        /* time start YYYY-MM-DD, or NULL when undated */
    const char *date_end;    /* time end (exclusive), or NULL */
    const char *action;      /* PLOVER code or LEAD */
    const char *context;     /* PLOVER context ('military') or NULL */
    const char *actor1, *actor2; /* actor ids as extracted (before any roll-up) */
    const char *evidence;    /* evidence sentence; NULL unless options.keep_evidence */
    const char *action_text; /* NULL unless options.keep_evidence */
    int sentence;
    int flags;
    double confidence;
    const char *place_id;    /* 'geonames:<id>' or NULL when the event has no place */
    const char *place_label; /* or NULL */
    const char *place_country; /* ISO alpha-2 or NULL */
    double lat, lon;         /* meaningful only with place_id */
} qp_graph_event;

typedef struct qp_graph_builder qp_graph_builder;
typedef struct qp_graph qp_graph;

/* A builder collects events (in any order) and actor metadata. Returns 0 or QP_ENOMEM
 * (*out NULL); options NULL means the actor view without evidence. Free with _destroy. */
int qp_graph_builder_init(qp_graph_builder **out, const qp_graph_options *options);
/* Frees the builder and whatever it still holds; NULL is fine. */
void qp_graph_builder_destroy(qp_graph_builder *b);
/* Records what is known of an actor (label, kind, country, parent); later calls fill fields
 * still unknown. a->id NULL is ignored. Strings are copied. 0 or QP_ENOMEM. */
int qp_graph_add_actor(qp_graph_builder *b, const qp_actor_ref *a);
/* Adds one event: hidden ones (negated, hypothetical) are skipped, its actors are recorded,
 * and each relation it expresses gets one more event. Strings are copied. 0 or QP_ENOMEM. */
int qp_graph_add_event(qp_graph_builder *b, const qp_event *e);
/* Turns what the builder holds into a graph (rolled up as the options say); the builder is
 * left empty and must still be destroyed. 0, or QP_ENOMEM (*out NULL). */
int qp_graph_build(qp_graph_builder *b, qp_graph **out);
/* Frees the graph; NULL is fine. */
void qp_graph_destroy(qp_graph *g);

/* Nodes are sorted by id; edges by source, target and relation. Pointers stay valid until
 * qp_graph_destroy(). */
size_t qp_graph_node_count(const qp_graph *g);
const qp_graph_node *qp_graph_node_at(const qp_graph *g, size_t i);
size_t qp_graph_edge_count(const qp_graph *g);
const qp_graph_edge *qp_graph_edge_at(const qp_graph *g, size_t i);
size_t qp_graph_event_count(const qp_graph *g);
const qp_graph_event *qp_graph_event_at(const qp_graph *g, size_t i);
/* The node whose id is id (exact), or -1. In the country view, an actor id that was rolled up
 * into another node finds that node. */
ptrdiff_t qp_graph_find(const qp_graph *g, const char *id);
/* The edges touching node i (as source or target): *n indices into the edges. */
const uint32_t *qp_graph_node_edges(const qp_graph *g, size_t i, size_t *n);
/* The options the graph was built with. */
qp_graph_by qp_graph_identity(const qp_graph *g);

/* ---- Queries (graph_query.c, graph_sides.c) ---- */

/* Installs igraph error and warning handlers that print and return instead of aborting.
 * Idempotent; every query calls it. */
void qp_graph_igraph_init(void);

typedef enum qp_ties_kind {
    QP_TIES_BACKERS = 0,   /* who backs X */
    QP_TIES_BACKED_BY = 1, /* whom X backs */
    QP_TIES_ENEMIES = 2,   /* whom X fights */
    QP_TIES_ALLIES = 3,    /* positive ties, direct and through a common backer */
} qp_ties_kind;

typedef struct qp_graph_tie {
    size_t node;             /* the other actor */
    unsigned relations;      /* bit (1 << qp_relation) for each relation behind the tie */
    ptrdiff_t via;           /* allies through a common backer: the backer's node; -1 when direct */
    size_t weight;           /* events (through a backer: the smaller of its two backings) */
    size_t documents;        /* distinct documents among those events (through a backer: the
                              * smaller of the two backings' counts) */
    const char *first, *last;
} qp_graph_tie;

/* The ties of node of the given kind, strongest first (weight, then documents, then id):
 * *out is malloc'd (free() it), *n may be 0. Returns 0, QP_EINVAL or QP_ENOMEM. */
int qp_graph_ties(const qp_graph *g, size_t node, qp_ties_kind kind, qp_graph_tie **out,
                  size_t *n);

/* Blocs of the signed graph: per pair the signed weight is the events of backing or
 * cooperation minus those of fighting, each event counted once and weighing its extraction
 * confidence (1 when 0/unknown); pairs summing to 0 are dropped. Each connected
 * component gets igraph's spinglass with negative weights (a seeded RNG makes it
 * reproducible); two-node components are together when their tie is positive. Sets each
 * node's bloc (-1 for nodes without a signed tie); blocs are numbered by size, largest first
 * (ties: by smallest member id). Returns the number of blocs (>= 0), or QP_ENOMEM/QP_EGRAPH. */
int qp_graph_sides(qp_graph *g, unsigned long seed);
/* The seed `quipu query sides`, the exports and the briefings all give qp_graph_sides() (and
 * the layout), so that one database shows the same blocs wherever they are looked at. */
#define QP_SIDES_SEED 42UL
/* Number of blocs found by the last qp_graph_sides(), 0 before. */
size_t qp_graph_bloc_count(const qp_graph *g);

/* Positions for a picture of the graph: igraph's Fruchterman–Reingold on the pairs of actors
 * in keep (a byte per node, non-zero to place; NULL places every node), each pair pulling with
 * 1 + log(1 + events) of backing, cooperation, leading or membership and a fifth of that for
 * fighting, so that allies sit together and enemies apart but in sight. Components are laid
 * out together; nodes not kept stay at 0. Sets each node's x and y, scaled to [-1, 1] (both
 * axes by one factor). The RNG is seeded with seed: the same graph gives the same picture.
 * Returns 0, QP_ENOMEM or QP_EGRAPH. */
int qp_graph_layout(qp_graph *g, const unsigned char *keep, unsigned long seed);

/* Weighted betweenness on positive ties (length 1/weight, undirected), stored in each node:
 * exact up to 2,000 tied actors, estimated from 256 evenly spaced sources beyond (a search
 * from every node of a graph of 20,000 took over a minute). Returns 0 or QP_ENOMEM/QP_EGRAPH. */
int qp_graph_centrality(qp_graph *g);

/* The strongest chain from node a to node b: shortest path over all relations taken as
 * undirected, each pair of actors as one hop of length 1/(total weight). */
typedef struct qp_graph_path {
    size_t n_nodes;          /* 0 when unreachable, 1 when a == b */
    size_t *nodes;           /* node indices, a first */
    uint32_t *edges;         /* n_nodes-1 edge indices: per hop, the heaviest edge between the two */
    double length;
} qp_graph_path;

/* Fills p (init it with {0}); 0 (p->n_nodes 0 when there is no path), QP_EINVAL, QP_ENOMEM
 * or QP_EGRAPH. Free with qp_graph_path_destroy. */
int qp_graph_shortest_path(const qp_graph *g, size_t a, size_t b, qp_graph_path *p);
void qp_graph_path_destroy(qp_graph_path *p);

#endif
