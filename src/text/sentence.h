/* sentence.h — sentence boundaries in French and English news text. */
#ifndef QP_SENTENCE_H
#define QP_SENTENCE_H

#include <stddef.h>

#include "arena.h"
#include "document.h"

/* The most words a sentence holds. News sentences stay far below; in the scraped corpus only
 * a reader comment of 310 words with no period goes over (cut in two, the same events). */
#define QP_SENTENCE_MAX_WORDS 200

/* Splits text (cleaned, UTF-8) into sentences: a line break ends one (headlines and
 * datelines stand alone) unless the line runs on into a lower-case line without final
 * punctuation (a hard-wrapped paragraph), and so does . ! ? or … followed by a space and a capital, a digit
 * or an opening quote — unless the word before the period is an abbreviation of lang
 * ("M.", "Mme", "gén.", "av.", "Dr.", "Gen.", "U.S.", an initial) or the period ends a
 * number. Closing quotes and brackets after the punctuation stay in the sentence. Spans
 * exclude surrounding spaces; empty lines give no sentence. A sentence of more than
 * QP_SENTENCE_MAX_WORDS words (text without punctuation: lists, tables, markup) is cut into
 * pieces of at most that many, after a ';', ':' or ',' when one is in the second half: the
 * extraction of a sentence costs the square of its words, and so stays linear in the text.
 * Returns 0 or QP_ENOMEM; *out is allocated in arena. */
int qp_sentences_split(const char *text, size_t len, const char *lang, qp_arena *arena, qp_span **out,
                       size_t *count);

#endif
