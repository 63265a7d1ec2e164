/* extract_entities.h — the article's entities as a reader keeps them: who "il", "they",
 * "nous", "le groupe" are, who speaks. Internal to src/extract/. */
#ifndef QP_EXTRACT_ENTITIES_H
#define QP_EXTRACT_ENTITIES_H

#include "extract_roles.h"

/* The actor pronoun w stands for ("il", "they", "its", "nous"): the speaker for the first
 * person, else the latest actor of the right number named before it, in this sentence or the
 * two before. 1 with *out set, 0 when none fits. */
int xn_resolve_pronoun(const xr_ctx *c, int w, qp_actor_ref *out);

/* The actor a group noun names ("le groupe", "the regime", "l'organisation"): the latest
 * actor of the kind the noun names. 1 with *out set, 0 when none. */
int xn_resolve_group(const xr_ctx *c, int w, qp_actor_ref *out);

/* The actor of a trigger whose sentence names none: the subject a report goes on with ("Near
 * Raqqa, four strikes engaged…"). 1 with *out set, 0 when none. */
int xn_unnamed_actor(const xr_ctx *c, size_t t, const qp_lex_action *act, qp_actor_ref *out);

/* The actor the article's assaults are most by (a coalition over one of its members at a tie),
 * for a report's lines that name none; NULL when the article tells of no assault. */
const qp_actor_ref *xn_main_attacker(const doc_state *st);

/* The id of who speaks through verb of saying v: its subject, resolved. NULL when unknown. */
const char *xn_speaker_id(const xr_ctx *c, size_t v);

/* After a sentence: its actors join what the article has named, and its speaker is kept. */
void xn_remember(doc_state *st, const sentence_view *s);

#endif
