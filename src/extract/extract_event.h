/* extract_event.h — making events, for the frames (extract.c) and the article loop
 * (extract_document.c). Internal to src/extract*.c. */
#ifndef QP_EXTRACT_EVENT_H
#define QP_EXTRACT_EVENT_H

#include "extract_context.h"

/* A new zeroed event at the end of st->events (grown in the arena); NULL when out of memory. */
qp_event *xe_new_event(doc_state *st);

/* Adds the event a1 –code→ a2 (a2 may be NULL) that trigger trig of sentence s tells, with the
 * place (obj_place: the object's place mention, -1) and time the sentence gives; sets
 * st->last_added, NULL when no event was made (no actor, a duplicate, a protest by a state).
 * 0 or QP_ENOMEM. */
int xe_add_event(doc_state *st, const sentence_view *s, const mention *trig, const qp_lex_action *act,
                 const qp_actor_ref *a1, const qp_actor_ref *a2, int obj_place, int flags, double conf,
                 const char *code);

/* Widens e's evidence to cover mention m; nothing when e is NULL. */
void xe_widen_evidence(qp_event *e, const sentence_view *s, const mention *m);

#endif
