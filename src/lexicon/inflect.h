/* inflect.h — regular inflection rules for the action lemmas an overlay adds at run time,
 * which the build's forms.tsv (hunspell-fr, WordNet) never saw. */
#ifndef QP_INFLECT_H
#define QP_INFLECT_H

#include "morph.h"

/* Called with each form (unfolded UTF-8, NUL-terminated) and its tag (a qp_morph_tag); a
 * non-zero return stops the inflection and is returned. */
typedef int (*qp_inflect_fn)(const char *form, int tag, void *ud);

/* Every form regular rules give a lemma: lang 0 French (first-group verbs in -er, second-group
 * in -ir; nouns and their adjectives up to the first preposition take the plural), 1 English
 * (-s, -ed, -ing with the usual spelling changes; a noun's head takes the plural). As
 * lexicon/README.md says of multiword lemmas, a verb inflects its first word, and a reflexive
 * French verb loses its pronoun ("s'emparer de" → "empare de"). Irregular words get regular
 * forms, which is why an overlay entry may list its own ("forms"). Returns 0 or what fn
 * returned. */
int qp_inflect(int lang, const char *lemma, int is_verb, qp_inflect_fn fn, void *ud);

#endif
