/* actors_lookup.h — an actor named by a user ("FDS", "Russia", "IRQ-GOV") resolved to its id. */
#ifndef QP_ACTORS_LOOKUP_H
#define QP_ACTORS_LOOKUP_H

#include <stddef.h>

#include "store.h"

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
 * QP_ENOTFOUND (m holds up to 8 near names: whose words start with the name's, else one to
 * three edits away, maybe none),
 * QP_EDB or QP_ENOMEM. m must be freed with qp_actor_matches_destroy in every case. */
int qp_actors_resolve(qp_store *s, const char *name, qp_actor_matches *m);
void qp_actor_matches_destroy(qp_actor_matches *m);

#endif
