/* pipeline.h — the pure path of one article: clean, language, sentences, events. Shared by
 * `quipu ingest` and `quipu extract`; touches no store. */
#ifndef QP_PIPELINE_H
#define QP_PIPELINE_H

#include <stddef.h>

#include "arena.h"
#include "document.h"
#include "extract.h"
#include "lang.h"
#include "read.h"

/* The most sentences extracted as one document: a longer one is extracted in windows of that
 * many (see qp_pipeline_extract), so that extraction time grows linearly with the text. The
 * scraped corpus's longest article has 304 sentences: real articles are extracted whole. */
#define QP_EXTRACT_WINDOW 1000

typedef struct qp_pipeline {
    qp_langid *langid;           /* NULL: no detection, the language is "und" unless given */
    const qp_extractor *extractor; /* NULL: documents are prepared without events */
    const char *force_lang;      /* "fr" or "en" for every article; NULL or "auto" to detect */
    char version[64];            /* the extractor version (qp_pipeline_version), "" before load */
} qp_pipeline;

/* Loads language identification and the extractor into p (force_lang as given), and sets
 * p->version. A data file extraction cannot do well without (the inflected forms, the
 * gazetteer, the parser's models, language identification when force_lang is auto) that is
 * missing, empty or unreadable is an error: QP_ENOTFOUND or QP_ELEXICON with err naming its
 * path. Returns 0, that, or the extractor's error with err naming the file and the place (p
 * then holds nothing). Problems that leave quipu working are written into warn (empty when
 * none). Free with qp_pipeline_destroy. */
int qp_pipeline_load(qp_pipeline *p, const char *force_lang, char *err, size_t errlen, char *warn, size_t warnlen);
/* The extractor version: "quipu VERSION+FINGERPRINT", the fingerprint hashing the lexicon
 * files, the inflected forms, the parser's models and the gazetteer that extraction reads
 * (large files by size, head and tail). Stored with every event, so that `quipu reextract`
 * knows which events an older lexicon or model made. 0 or QP_ETOOBIG. */
int qp_pipeline_version(const qp_pipeline *p, char *out, size_t cap);
/* Frees what qp_pipeline_load loaded; safe on a zeroed or failed pipeline. */
void qp_pipeline_destroy(qp_pipeline *p);

/* The first half of qp_pipeline_run: cleans one article into doc (allocated in arena) and
 * fills what identifies it (hash of the cleaned text, name) and its description; no language,
 * sentences or events yet. An ingest looks the hash up here, so that a document stored before
 * is not extracted again. Returns like qp_pipeline_run. */
int qp_pipeline_prepare(const qp_pipeline *p, const char *raw, size_t len, const qp_article_meta *meta,
                        qp_arena *arena, qp_document *doc, char *err, size_t errlen);
/* The second half: language, sentences, events of a prepared doc. A document of more than
 * QP_EXTRACT_WINDOW sentences is extracted window by window (what links events across a
 * window's edge, a time or a place carried from the sentence before, is not seen there).
 * 0 or QP_ENOMEM. */
int qp_pipeline_extract(const qp_pipeline *p, const qp_article_meta *meta, qp_arena *arena, qp_document *doc);

/* Cleans, identifies the language, splits and extracts one article into doc (allocated in
 * arena): doc->status is "extracted", or "skipped: …" for a language quipu does not read.
 * Returns 0, QP_EUTF8 (err names the byte and line), QP_EEMPTY (err says why), QP_ENOMEM. */
int qp_pipeline_run(const qp_pipeline *p, const char *raw, size_t len, const qp_article_meta *meta,
                    qp_arena *arena, qp_document *doc, char *err, size_t errlen);

#endif
