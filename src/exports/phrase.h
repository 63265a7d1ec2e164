/* phrase.h — an event told as a sentence, in English or French ("Russia backed the Syrian government in Deir ez-Zor"). */
#ifndef QP_PHRASE_H
#define QP_PHRASE_H

#include "buf.h"
#include "event.h"
#include "qp.h"

/* Appends the sentence for e (plain UTF-8, capitalised, ending with a full stop) to out: subject,
 * a verb phrase chosen by the PLOVER code (and mode), the recipient, the place, and for reported
 * speech who said it. The date is not included: briefings group events by day. Returns 0 or
 * QP_ENOMEM. */
int qp_phrase_event(qp_buf *out, const qp_event *e, qp_lang lang);

/* Appends the actor's name as a noun phrase with its article where the language wants one
 * ("the Syrian government", "la Russie"); at_start capitalises it. Returns 0 or QP_ENOMEM. */
int qp_phrase_actor(qp_buf *out, const qp_actor_ref *a, qp_lang lang, int at_start);

/* Appends a date or period as words: "2 November 2017", "novembre 2017", "2017", or
 * "2–8 November 2017" style ranges for other grains. start is YYYY-MM-DD; end (exclusive) may
 * be NULL. Returns 0 or QP_ENOMEM. */
int qp_phrase_period(qp_buf *out, const char *start, const char *end, const char *grain, qp_lang lang);

/* The action's name for legends and groups ("Assault", "Aide"); never NULL. */
const char *qp_phrase_action_name(const char *code, qp_lang lang);

#endif
