/* token.h — words with byte offsets and folded forms, for lexicon matching. */
#ifndef QP_TOKEN_H
#define QP_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum {
    QP_TOK_CAP = 1 << 0,     /* starts with a capital letter */
    QP_TOK_UPPER = 1 << 1,   /* all letters capitals, at least two ("EI", "FDS", "US") */
    QP_TOK_PUNCT = 1 << 2,   /* punctuation: one character */
    QP_TOK_NUM = 1 << 3,     /* starts with a digit: "2017", "5.000", "30,4" */
    QP_TOK_GLUED = 1 << 4,   /* no space before: after a hyphen or an apostrophe ("al-Qaïm", "l'EI") */
    QP_TOK_ELISION = 1 << 5, /* a French elided word before an apostrophe: l' d' qu' jusqu' s' n' */
    QP_TOK_HYPHEN = 1 << 6,  /* followed by a hyphen joining it to the next token */
};

typedef struct qp_token {
    uint32_t start, end;  /* byte span in the text; for an elision the apostrophe is included */
    const char *fold;     /* folded form (fold.h), in the arena; punctuation keeps its character */
    uint32_t hash;        /* hash of fold, for lexicon look-ups */
    uint16_t flags;
} qp_token;

/* Tokenises text[start, end): words split at spaces, punctuation, hyphens and apostrophes;
 * numbers keep their inner separators. Returns 0 or QP_ENOMEM; the array is in the arena.
 * Invalid UTF-8 is not expected here (text comes from qp_clean): such bytes become
 * one-byte punctuation tokens. */
int qp_tokenize(const char *text, size_t start, size_t end, qp_arena *arena, qp_token **out, size_t *count);

/* The hash qp_tokenize stores (FNV-1a of the folded bytes). */
uint32_t qp_token_hash(const char *s, size_t n);

#endif
