/* train.h — training the models of quipu's parser from CoNLL-U treebanks. */
#ifndef QP_TRAIN_H
#define QP_TRAIN_H

#include <stdint.h>
#include <stdio.h>

#include "qp.h"

typedef struct qp_train_options {
    qp_lang lang;
    const char *const *files;  /* CoNLL-U treebanks to train on */
    size_t nfiles;
    const char *lexicon;       /* a lexicon table (tools/lexparse), or NULL */
    int tagger_epochs;         /* passes over the data (0: the default) */
    int parser_epochs;
    int folds;                 /* the parser learns on tags predicted by taggers trained on the
                                  other folds (jackknifing); 0: the default, 1: gold tags */
    double explore;            /* how often training follows a wrong predicted transition once the
                                  first pass is over (dynamic oracle); < 0: the default */
    int prune;                 /* features whose weights all round to within prune of 0 (on the
                                  int16 scale of their table, +-32000 the largest) are dropped */
    int holdout;               /* > 1: every holdout-th sentence is kept out of training and scored
                                  with the model written (held_* below) */
    double held_upos, held_uas, held_las; /* set when holdout > 1 */
    uint64_t seed;             /* the same seed and data give the same model, byte for byte */
    FILE *log;                 /* progress, or NULL */
} qp_train_options;

/* Sets the defaults. */
void qp_train_defaults(qp_train_options *o);

/* Trains a tagger, lemma tables, a parser and its labeller on the treebanks and writes the
 * model to out_path. Returns 0, QP_EIO (a file unreadable or not writable), QP_EINVAL (a
 * malformed treebank: err names the file and line; or more than 64 relations), QP_ENOMEM.
 * err (errlen bytes) receives a sentence on error. */
int qp_train_model(qp_train_options *o, const char *out_path, char *err, size_t errlen);

#endif
