/* extract_roles.h — the events of a parsed sentence: each trigger's frame filled on the
 * dependency tree. Internal to src/extract/. */
#ifndef QP_EXTRACT_ROLES_H
#define QP_EXTRACT_ROLES_H

#include "extract_context.h"
#include "extract_parse.h"

/* What the passes over one parsed sentence share. */
typedef struct xr_ctx {
    doc_state *st;
    sentence_view *s;
    const xp_view *p;
    const qp_extractor *x;
    int debug;          /* QUIPU_DEBUG_MENTIONS: the roles found, on stderr */
} xr_ctx;

/* The events of sentence s (parsed: s->parse; nothing when it is not) into st. 0 or
 * QP_ENOMEM. */
int xr_roles(doc_state *st, sentence_view *s);

/* The first actor of verb v's subject (its own, or one it shares): 1 with *out set, else 0. */
int xr_subject_actor(const xr_ctx *c, size_t v, qp_actor_ref *out);

/* "la Syrie en guerre où le régime…", "Iraq, where the army…": the place a relative clause of
 * place (headed by word cl) is about, the place or country mention named just before its
 * relative word; -1 when cl is no such clause. */
int xr_relative_place(const xr_ctx *c, size_t cl);

#endif
