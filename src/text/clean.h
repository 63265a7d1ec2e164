/* clean.h — raw article bytes to clean text: valid UTF-8, NFC, plain quotes, no scraped clutter. */
#ifndef QP_CLEAN_H
#define QP_CLEAN_H

#include <stddef.h>

#include "arena.h"
#include "document.h"

typedef struct qp_clean_result {
    char *text;                /* cleaned text, NUL-terminated, in the arena */
    size_t len;
    qp_clutter_line *clutter;  /* lines removed as clutter, in the arena */
    size_t n_clutter;
    size_t bad_offset;         /* on QP_EUTF8: byte offset of the first invalid sequence */
    int bad_line;              /* on QP_EUTF8: its 1-based line */
} qp_clean_result;

/* Cleans len bytes of raw text: checks UTF-8 (QP_EUTF8 with bad_offset/bad_line set: nothing
 * else is done), drops a BOM, turns CRLF and CR into LF, composes to NFC, turns typographic
 * apostrophes and double quotes into ASCII ones and non-breaking spaces into spaces, removes
 * control characters, and takes out scraped clutter line by line (related-article blocks,
 * ads, comment and account prompts, share buttons, "Publié le … Mis à jour le …", lists of
 * headlines). Returns 0, QP_EUTF8, QP_ENOMEM. Everything is allocated in arena. */
int qp_clean(const char *raw, size_t len, qp_arena *arena, qp_clean_result *out);

/* Whether one line (already normalised) is clutter on its own; exposed for tests. */
int qp_clean_is_clutter_line(const char *line, size_t len);

#endif
