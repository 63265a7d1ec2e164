/* extract.h — from a cleaned article to PLOVER events: actors, action, recipient, place, time. */
#ifndef QP_EXTRACT_H
#define QP_EXTRACT_H

#include "arena.h"
#include "document.h"

typedef struct qp_extractor qp_extractor;

/* Loads the lexicons (lexicon/, compiled forms, gazetteer) once; shared read-only by every
 * extraction afterwards. Returns 0, QP_ENOTFOUND or QP_ELEXICON (errmsg names the file and
 * the place), QP_ENOMEM. A missing gazetteer is not an error: places then come from the
 * lexicon's countries and places only (a warning says so through errmsg with return 0). */
int qp_extractor_init(qp_extractor **out, char *errmsg, size_t errlen);
void qp_extractor_destroy(qp_extractor *x);

/* The lexicon the extractor loaded (read-only; owned by x). */
const struct qp_lexicon *qp_extractor_lexicon(const qp_extractor *x);

/* Fills doc->events (in arena) from doc->text, doc->sentences, doc->lang and doc->published.
 * Pure: touches neither store nor graph. Returns 0, QP_ELANG when doc->lang is not fr or en,
 * QP_ENOMEM. */
int qp_extract_document(const qp_extractor *x, qp_document *doc, qp_arena *arena);

#endif
