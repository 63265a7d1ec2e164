/* actors_lookup.h — what the store knows beside events: actor names for the command line, actor
 * metadata for the graph, document titles for evidence. */
#ifndef QP_ACTORS_LOOKUP_H
#define QP_ACTORS_LOOKUP_H

#include <stddef.h>
#include <sqlite3.h>

#include "graph.h"

/* Loads every row of the actors table into the builder (labels, kind, country, parent), so the
 * country view can walk parent chains. Returns 0, QP_EDB or QP_ENOMEM. */
int qp_actors_load(sqlite3 *db, qp_graph_builder *b);

typedef struct qp_actor_candidate {
    char *id;
    char *label;  /* English label, or NULL */
    char *matched;/* the name or alias that matched */
} qp_actor_candidate;

typedef struct qp_actor_matches {
    qp_actor_candidate *c;
    size_t n;
} qp_actor_matches;

/* Resolves a name typed by a user to an actor id. The name is folded (case, accents,
 * punctuation) and compared with actor ids, English and French labels, the actor_aliases table
 * and, when present, lexicon/{en,fr}/actors.json; "FDS" and "SDF" both give SDF.
 * When several actors match, those in the store's actors table win over lexicon-only ones.
 * Returns 0 (m->n == 1: the actor), QP_EAMBIGUOUS (m holds the candidates, sorted by id),
 * QP_ENOTFOUND (m holds up to 8 near names whose words start with the name's, maybe none),
 * QP_EDB or QP_ENOMEM. m must be freed with qp_actor_matches_destroy in every case. */
int qp_actors_resolve(sqlite3 *db, const char *name, qp_actor_matches *m);
void qp_actor_matches_destroy(qp_actor_matches *m);

/* A stored document's description, for evidence listings. Strings are malloc'd (NULL when
 * the column is empty); free with qp_doc_meta_destroy. */
typedef struct qp_doc_meta {
    char *title, *source, *url, *published;
} qp_doc_meta;

/* Fills d for the document named name; 0, QP_ENOTFOUND, QP_EDB or QP_ENOMEM. */
int qp_doc_meta_get(sqlite3 *db, const char *name, qp_doc_meta *d);
void qp_doc_meta_destroy(qp_doc_meta *d);

#endif
