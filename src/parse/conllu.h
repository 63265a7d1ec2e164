/* conllu.h — CoNLL-U in and out: the sentences of a treebank, and parsed words written back. */
#ifndef QP_CONLLU_H
#define QP_CONLLU_H

#include <stdio.h>

#include "arena.h"
#include "parse.h"

/* A multiword token line ("3-4<TAB>du<TAB>_…"), kept verbatim to be written back. */
typedef struct qp_conllu_mwt {
    size_t first, last; /* word indices (0-based) it spans */
    const char *line;   /* the whole line, without its newline */
} qp_conllu_mwt;

typedef struct qp_conllu_sentence {
    qp_word *words;            /* form, lemma, feats, upos, head, deprel, space_after as read */
    size_t nwords;
    const char **comments;     /* lines that start with '#', verbatim */
    size_t ncomments;
    qp_conllu_mwt *mwts;
    size_t nmwts;
    size_t line;               /* line number of its first line, from 1 */
} qp_conllu_sentence;

typedef struct qp_conllu_error {
    size_t line;               /* where reading stopped, from 1 (0: no line, e.g. memory) */
    char message[160];
} qp_conllu_error;

/* Reads every sentence of text[0,len) (a CoNLL-U file) into the arena. Empty nodes (ID
 * "5.1") are skipped; a multiword token line sets mwt on its words (its count on the first,
 * 0 on the others) and is kept. An unknown or "_" UPOS reads as X, an unknown relation as
 * its universal part or dep, a "_" head as -1. Returns 0, QP_ENOMEM, or QP_EINVAL for a
 * malformed line (err says which and why). */
int qp_conllu_read(const char *text, size_t len, qp_arena *a, qp_conllu_sentence **out, size_t *n,
                   qp_conllu_error *err);

/* Writes a read sentence back with the annotation its words now carry (comments and
 * multiword token lines as they were read). Returns 0 or QP_EIO. */
int qp_conllu_write_sentence(FILE *f, const qp_conllu_sentence *s);

/* Writes parsed words (from qp_parse_sentence) as one CoNLL-U sentence, after the given
 * comment lines (without '#', may be NULL): a multiword token line, whose form is text's
 * bytes, before each contraction. Returns 0 or QP_EIO. */
int qp_conllu_write_words(FILE *f, const qp_word *w, size_t n, const char *text,
                          const char *const *comments, size_t ncomments);

#endif
