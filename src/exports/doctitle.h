/* doctitle.h — what a source is called in a briefing or a table: its title (never a scraped page's boilerplate), its outlet (never a local path), its URL. */
#ifndef QP_DOCTITLE_H
#define QP_DOCTITLE_H

#include <stddef.h>

#include "store.h"

typedef struct qp_doc_names qp_doc_names;

/* Reads what tells a title from boilerplate in s: the titles several documents share. *out is
 * the caller's (qp_doc_names_close). 0, QP_EDB or QP_ENOMEM. */
int qp_doc_names_open(qp_doc_names **out, qp_store *s);
void qp_doc_names_close(qp_doc_names *n);

/* The title to show for the document named name, malloc'd into *title: its stored title when
 * the article's metadata gave it (source names an outlet, not a local file) or when it reads as
 * one (a line of a few words, not a slug, not a caption of two sentences), and it is not shared
 * with other documents; else the last title-like line before the article's first paragraph
 * (scraped pages put banners and other headlines first); else the first words of the lead with
 * an ellipsis; NULL when the text has none of these. 0, QP_EDB or QP_ENOMEM. */
int qp_doc_names_title(qp_doc_names *n, const char *name, const char *stored, const char *source, char **title);

/* The outlet to show: source, unless it is a local path or "stdin" (what `quipu ingest` records
 * for files), then the host of url without "www."; NULL when neither says. The result points
 * into source or into buf (cap bytes). */
const char *qp_doc_outlet(const char *source, const char *url, char *buf, size_t cap);

/* Whether s reads as a title by itself (no store needed): 3 to 30 words, no final full stop,
 * not two sentences, not all capitals, not a bracketed note. */
int qp_title_like(const char *s, size_t len);

#endif
