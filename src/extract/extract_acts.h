/* extract_acts.h — an event's reading from what governs its trigger, the act around it, and
 * the events made for a trigger's actors and recipients. Internal to src/extract/. */
#ifndef QP_EXTRACT_ACTS_H
#define QP_EXTRACT_ACTS_H

#include "extract_roles.h"

typedef struct xa_reading {
    int flags;         /* QP_EVENT_NEGATED, _HYPOTHETICAL, _REPORTED */
    int past;          /* told in a past tense */
    int outer;         /* the trigger whose content this is (a demand, a threat…), -1 */
    int stopped;       /* the verb that stops it ("cesser", "halt"), 0 when none */
    int speaker_word;  /* 1 + the verb of saying that reports it, 0 when none */
} xa_reading;

/* The verb whose clause event noun n belongs to ("a lancé … l'offensive": lancé); n itself
 * when no verb is over it. */
size_t xa_clause_verb(const xr_ctx *c, size_t n);

/* Whether word w lies in a time expression ("la veille", "on Sunday"). */
int xa_in_timex(const xr_ctx *c, size_t w);

/* How the event of trigger word t reads. */
void xa_read(const xr_ctx *c, size_t t, xa_reading *rd);

/* One event per actor (n1 of them; a1m: their mentions, -1 for none; may be NULL) and recipient
 * (n2, none when 0) of trigger word t (mention tm, action act, coded as code when not NULL),
 * read as xa_read says, with the frame's place (obj_place, a mention index or -1); partners of
 * a joint deed cooperate. 0 or QP_ENOMEM. */
int xa_make_events(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act, const qp_actor_ref *a1,
                   const int *a1m, size_t n1, const qp_actor_ref *a2, size_t n2, int obj_place, const char *code);

/* Both ways between sides a and b of a symmetric event ("clashes between X and Y"). */
int xa_make_symmetric(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act, const qp_actor_ref *a,
                      size_t na, const qp_actor_ref *b, size_t nb);

#endif
