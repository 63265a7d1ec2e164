/* document.h — an article on its way through quipu: metadata, cleaned text, sentences, events. */
#ifndef QP_DOCUMENT_H
#define QP_DOCUMENT_H

#include <stddef.h>

#include "event.h"

typedef struct qp_span {
    size_t start, end; /* byte offsets, end exclusive */
} qp_span;

typedef struct qp_clutter_line {
    int line_no;       /* 1-based line number in the text as read */
    const char *text;  /* the line removed */
} qp_clutter_line;

/* Everything points into the document's arena. */
typedef struct qp_document {
    const char *name;       /* JSONL id, file name stem, or "doc-" + hash prefix */
    const char *url, *title, *source;
    const char *lang;       /* "fr", "en", or another ISO 639-1 code; NULL when unknown */
    const char *published;  /* YYYY-MM-DD or NULL */
    const char *text;       /* cleaned text (NFC, no clutter); offsets point into it */
    size_t text_len;
    char hash[65];          /* SHA-256 of text, hex */
    qp_span *sentences;
    size_t n_sentences;
    qp_clutter_line *clutter;
    size_t n_clutter;
    qp_event *events;
    size_t n_events;
    const char *status;     /* "extracted" or "skipped: <why>" */
    const char *extractor;  /* the extractor version that made its events (qp_pipeline_version);
                             * NULL: the one the store was given (qp_store_set_extractor) */
} qp_document;

#endif
