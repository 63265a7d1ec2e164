/* extract_parse.h — a sentence's dependency parse as the extractor reads it: words, their
 * children, the lexicon mention each word heads, and each word's classes. Internal to
 * src/extract/. */
#ifndef QP_EXTRACT_PARSE_H
#define QP_EXTRACT_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "extract_int.h"
#include "parse.h"

struct xp_view {
    const qp_word *w;    /* the words of the sentence (qp_parse_sentence) */
    size_t n;
    int32_t *kid_start;  /* the children of word i are kid[kid_start[i] .. kid_start[i + 1]), in order */
    int32_t *kid;
    int32_t *mention;    /* word → the actor, agent, demonym or place mention it heads, -1 */
    int32_t *trigger;    /* word → the action mention it heads, -1 */
    int32_t *word_of_tok;/* token → its first word, -1 */
    const char **fold;   /* each word's lemma, folded (for the lexicon's classes) */
    uint32_t *cls;       /* each word's classes (QP_WC_*) by its lemma, or by its form for function words */
    int32_t *lo, *hi;    /* the first and last word of each word's subtree */
};

/* Parses sentence s (qp_parse_sentence on its span), maps its mentions onto the words (each
 * mention's head: the word of its tokens whose head lies outside them; m->head), and fills
 * the view into s->parse (in the arena). A sentence the parser cannot read keeps s->parse
 * NULL. 0 or QP_ENOMEM. */
int xp_parse_sentence(const qp_extractor *x, qp_arena *a, sentence_view *s);

/* The number of children of word i, and child k of them. */
static inline size_t xp_kids(const xp_view *p, size_t i)
{
    return (size_t)(p->kid_start[i + 1] - p->kid_start[i]);
}
static inline int xp_kid(const xp_view *p, size_t i, size_t k)
{
    return p->kid[p->kid_start[i] + (int32_t)k];
}

/* The universal relation of word i (QP_DEP_OBL for obl:agent). */
static inline qp_deprel xp_rel(const xp_view *p, size_t i)
{
    return qp_deprel_universal((qp_deprel)p->w[i].deprel);
}

/* The first child of i with relation rel (exact: nsubj:pass is not nsubj), or -1. */
int xp_child(const xp_view *p, size_t i, qp_deprel rel);
/* The first child of i whose universal relation is rel (any subtype), or -1. */
int xp_child_u(const xp_view *p, size_t i, qp_deprel rel);
/* The case marker of a nominal (its `case` children joined, folded: "de", "a cause de",
 * "against"), written into out; "" when it has none. */
const char *xp_case_of(const xp_view *p, size_t i, char *out, size_t cap);
/* "« … », a dénoncé le président libanais": the subject a verb of saying v set after the words
 * it reports has after it, which the parser takes for an object; -1 when v is not so. */
int xp_inverted_speaker(const xp_view *p, size_t v);
/* Whether word i's FEATS hold feat ("VerbForm=Part"). */
int xp_feat(const xp_view *p, size_t i, const char *feat);
/* The words of the sentence dominated by i: [lo[i], hi[i]] by index (a subtree is contiguous
 * in a projective parse; the bounds are taken over the whole subtree either way). */

#endif
