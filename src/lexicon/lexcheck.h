/* lexcheck.h — validation of a lexicon overlay folder (`quipu lexicon check DIR`): every file,
 * entry and field against the formats of lexicon/README.md and the built-in lexicon. */
#ifndef QP_LEXCHECK_H
#define QP_LEXCHECK_H

#include <stddef.h>
#include <stdio.h>

#include "lexicon.h"

typedef struct qp_lexcheck_result {
    size_t errors;   /* problems: the folder would be refused or would not do what it says */
    size_t warnings; /* things that work but may not be meant (an alias taken from another actor) */
    size_t files;    /* lexicon files read */
    size_t entries;  /* actors, countries, alias lists, agents, actions, class words checked */
} qp_lexcheck_result;

/* Checks folder dir as an overlay of base (the built-in lexicon, loaded with no overlay),
 * writing one line per problem to out: "FILE:LINE: error: WHERE: field \"F\": WHAT" (or
 * "warning:"). Returns 0 (the counts in *res, errors included), QP_ENOTFOUND when dir is no
 * folder, QP_ENOMEM. */
int qp_lexicon_check_dir(const qp_lexicon *base, const char *dir, FILE *out, qp_lexcheck_result *res);

#endif
