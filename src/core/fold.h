/* fold.h — the folded form text is matched on: lower case, no accents, words split on punctuation. */
#ifndef QP_FOLD_H
#define QP_FOLD_H

#include <stddef.h>

#include "buf.h"

/* Appends to out the folded form of s (len bytes of UTF-8): case folded, accents and other
 * marks removed, compatibility forms unified (œ → oe, ligatures, full-width), every run of
 * characters that are neither letters nor digits turned into one space, no leading or
 * trailing space. "L'armée de l'air" → "l armee de l air"; "al-Qaïm" → "al qaim".
 * Returns 0, QP_EUTF8 for invalid UTF-8 (out unchanged) or QP_ENOMEM. */
int qp_fold(const char *s, size_t len, qp_buf *out);

/* Folds one token (no spaces expected) into dst of size cap, NUL-terminated; returns the
 * length written, or a negative error (QP_EUTF8, QP_ETOOBIG when it does not fit). */
int qp_fold_token(const char *s, size_t len, char *dst, size_t cap);

#endif
