/* doc_json.h — a whole extracted document as one JSON line: what `quipu extract --documents`
 * writes and `quipu ingest --events` stores without extracting again. */
#ifndef QP_DOC_JSON_H
#define QP_DOC_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "arena.h"
#include "document.h"

/* {"document": {name, hash, url, title, source, lang, published, status, extractor, text,
 * sentences: [[start, end], …], clutter: [[line, text], …]}, "events": [event, …]} with each
 * event as qp_event_to_json writes it (hidden ones too). A new reference (json_decref it), or
 * NULL when out of memory. */
json_t *qp_document_to_json(const qp_document *d);

/* Reads o (as written above) into d, every string copied into arena. The hash is computed
 * again from the text and must match the one given; spans must lie in the text and sentences
 * in the document. Returns 0, QP_EINVAL (err says what is wrong, naming the field) or
 * QP_ENOMEM. */
int qp_document_from_json(json_t *o, qp_arena *arena, qp_document *d, char *err, size_t errlen);

/* The SHA-256 of data as 64 hex digits and a NUL: a document's identity. */
void qp_sha256_hex(const char *data, size_t len, char out[65]);

#endif
