/* extract_int.h — what the extractor's files share: matching (extract_match.c) and composing
 * (extract_compose.c) for the frames and the article loop. */
#ifndef QP_EXTRACT_INT_H
#define QP_EXTRACT_INT_H

#include "arena.h"
#include "extract.h"
#include "extract_frames.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "mention.h"
#include "parse.h"

struct qp_extractor {
    qp_lexicon lx;
    qp_gazetteer *gaz;             /* NULL when no gazetteer was built */
    qp_parser *parser;             /* the dependency parser's models of both languages */
    xfr_frames frames[QP_LANG_COUNT]; /* lexicon/<lang>/frames.json */
};

/* Finds the lexicon and gazetteer phrases of s (lang 0 fr, 1 en; date: the document's, for
 * persons in office). 0 or QP_ENOMEM. */
int xt_match_sentence(const qp_extractor *x, qp_arena *a, sentence_view *s, int lang, const char *date);
/* Joins agents with their nationality. A bare agent takes the country of the last actor named
 * (recent, -1 when none yet), else the actor of the article's latest events (carried, NULL
 * when none lately), else of a place in the sentence, else the article's main country (focus,
 * -1 when none). 0 or QP_ENOMEM. */
int xt_compose_actors(const qp_extractor *x, qp_arena *a, sentence_view *s, int lang, int recent,
                      const qp_actor_ref *carried, int focus);
/* Agent (an index in x->lx.agents) of country ci (a lexicon index) as an actor: ISO3-CODE,
 * from actors.json when it knows it, else made from the agent's templates. 0 or QP_ENOMEM. */
int xt_compose_agent(const qp_extractor *x, qp_arena *a, int agent, int ci, qp_actor_ref *out);
/* References to actors named before: "ces trois pays", "the two countries" stand for the
 * states named in the two sentences before sentence i of sv; "l'ONG", "the NGO" for the NGO
 * named last. 0 or QP_ENOMEM. */
int xt_resolve_groups(const qp_extractor *x, qp_arena *a, sentence_view *sv, size_t i);
/* The periods of "U.S.": passed over when phrases are built. */
int xt_skippable(const sentence_view *s, size_t k);
/* The country a mention names or belongs to, as a lexicon index, or -1. */
int xt_mention_country(const qp_extractor *x, const mention *m);
/* An NGO, a news agency or an international body: its home country is nobody's nationality
 * and not what an article is about. */
int xt_foreign_body(const qp_actor_ref *a);
/* A country named as a place ("en Syrie"), as opposed to a town or a province. */
int is_country_place(const mention *m);
const char *xt_span_text(qp_arena *a, const sentence_view *s, size_t t0, size_t t1);
void xt_actor_from_lexicon(const qp_extractor *x, int ai, const char *date, qp_actor_ref *out);
void xt_actor_from_country(const qp_extractor *x, int ci, qp_actor_ref *out);
void xt_place_from_country(const qp_extractor *x, qp_arena *a, int ci, qp_place_ref *out);

#endif
