/* extract_syntax.c — words at a token: a form, a form among a list, an article, the mention a
 * token is in. The matcher and the article's context read these where the parse does not
 * reach (headlines, datelines, sentences without a trigger). */
#include "extract_syntax.h"
#include "fold.h"
#include "qp.h"

#include <string.h>

/* Token t's folded form is w. */
int xs_is(const sentence_view *s, size_t t, const char *w)
{
    /* the first byte settles most comparisons: these run for every word of every sentence */
    return t < s->n_tok && s->tok[t].fold[0] == w[0] && !strcmp(s->tok[t].fold, w);
}

/* Token t is one of the n words ws. */
int xs_word_in(const char *w, const char *const *ws, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == ws[i][0] && !strcmp(w, ws[i]))
            return 1;
    return 0;
}

int xs_is_any(const sentence_view *s, size_t t, const char *const *ws, size_t n)
{
    return t < s->n_tok && xs_word_in(s->tok[t].fold, ws, n);
}

static const char *const articles[] = {"le", "la", "les", "l", "un", "une", "des", "du", "the", "a", "an", "ce",
                                       "cette", "ces", "its", "their", "son", "sa", "ses", "leur", "leurs"};

/* A determiner; French "a" is "has" or "à", never an article. */
int xs_is_article(const sentence_view *s, size_t t)
{
    if (s->lang == 0 && xs_is(s, t, "a"))
        return 0;
    return xs_is_any(s, t, articles, QP_ARRAY_LEN(articles));
}

/* Index of the mention covering token t, or -1. */
int xs_mention_at(const sentence_view *s, size_t t)
{
    for (size_t i = 0; i < s->n_m; i++)
        if (s->m[i].kind >= 0 && s->m[i].t0 <= t && t < s->m[i].t1)
            return (int)i;
    return -1;
}

