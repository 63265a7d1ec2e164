/* lexforms.h — build-time generator of the inflected forms of the action lexicons. */
#ifndef QP_LEXFORMS_H
#define QP_LEXFORMS_H

#include <stddef.h>

/* One lemma of actions.json to inflect: the text as written and its part of speech. */
typedef struct lf_lemma {
    char *text;  /* "tirer sur", "s'emparer de", "frappe aérienne" (owned) */
    int is_verb; /* 1 verb, 0 noun */
} lf_lemma;

/* Collects (form, lemma, tag) triples unfolded; lf_out_write folds, sorts and dedups them. */
typedef struct lf_out {
    char **lines; /* "form\tlemma\ttag", unfolded until written */
    size_t n, cap;
    size_t missing; /* lemmas the dictionary did not know (inflected by fallback rules) */
} lf_out;

/* Adds one triple; returns 0 or QP_ENOMEM. form and lemma are copied. */
int lf_out_add(lf_out *o, const char *form, const char *lemma, const char *tag);
/* Adds form + " " + rest (rest may be NULL or empty). 0 or QP_ENOMEM. */
int lf_out_add_rest(lf_out *o, const char *form, const char *rest, const char *lemma,
                    const char *tag);

/* French: expands the lemmas through hunspell-fr's .aff/.dic in dir (fr.aff, fr.dic).
 * Returns 0, QP_EIO when the dictionary cannot be read, QP_ENOMEM. */
int lf_french(const lf_lemma *lemmas, size_t n, const char *dir, lf_out *o);

/* English: regular rules plus WordNet's verb.exc and noun.exc in dir.
 * Returns 0, QP_EIO when the exception lists cannot be read, QP_ENOMEM. */
int lf_english(const lf_lemma *lemmas, size_t n, const char *dir, lf_out *o);

#endif
