/* extract_syntax.h — words at a token (extract_syntax.c) and the morphological tags of the
 * lexicon's forms. Internal to src/extract*.c. */
#ifndef QP_EXTRACT_SYNTAX_H
#define QP_EXTRACT_SYNTAX_H

#include <stddef.h>

#include "extract_int.h"

/* morph tags, as lexicon.c numbers them (the order of forms.tsv's tag names) */
enum { TAG_INF, TAG_PRES, TAG_IMPF, TAG_PAST, TAG_FUT, TAG_COND, TAG_SUBJ, TAG_PPAS, TAG_PPRE, TAG_NOUN_SG,
       TAG_NOUN_PL };

/* Token t's folded form is w. */
int xs_is(const sentence_view *s, size_t t, const char *w);
/* Whether w is one of ws[0..n). */
int xs_word_in(const char *w, const char *const *ws, size_t n);
/* Token t is one of the n words ws. */
int xs_is_any(const sentence_view *s, size_t t, const char *const *ws, size_t n);
/* A determiner; French "a" is "has" or "à", never an article. */
int xs_is_article(const sentence_view *s, size_t t);
/* Index of the mention covering token t, or -1. */
int xs_mention_at(const sentence_view *s, size_t t);

#endif
