/* eventrow.h — one event as a row: the CSV (and JSONL) layout `quipu events` and `quipu timeline` share, and PLOVER's own JSON. */
#ifndef QP_EVENTROW_H
#define QP_EVENTROW_H

#include <stddef.h>

#include "buf.h"
#include "event.h"
#include "qp.h"
#include "store.h"

/* What a row says of the event's document, as the briefing names it (doctitle.h). */
typedef struct qp_row_doc {
    const char *title;      /* the title shown, or NULL */
    const char *outlet;     /* never a local path, or NULL */
    const char *url, *published, *lang;
} qp_row_doc;

/* What rows say of their documents, read once per document from a store. */
typedef struct qp_row_docs qp_row_docs;

/* 0, QP_EDB or QP_ENOMEM; close with qp_row_docs_close (NULL is fine). */
int qp_row_docs_open(qp_row_docs **out, qp_store *s);
void qp_row_docs_close(qp_row_docs *d);
/* Fills *out for the document named name (all NULL when it is unknown); the strings live until
 * the close. 0, QP_EDB or QP_ENOMEM. */
int qp_row_docs_get(qp_row_docs *d, const char *name, qp_row_doc *out);

/* The columns, in order (README, "One CSV layout for events"):
 *   id, date (YYYY-MM-DD: the first day, ISO 8601 for pandas' parse_dates; empty when undated),
 *   end_date (the last day, inclusive), grain, time_text, anchor,
 *   actor1, actor1_label, actor1_country, action, mode, context (as PLOVER spells it), cameo,
 *   actor2, actor2_label, actor2_country, place, place_label, place_country (alpha-3),
 *   lat, lon, confidence, flags (1 negated, 2 hypothetical, 4 reported), sentence (its number in
 *   the document), summary (the event told as a sentence), development (the briefing line it is
 *   merged into; `quipu timeline` only), document, outlet, title, url, published, evidence. */
#define QP_ROW_COLUMNS 32
extern const char *const qp_row_columns[QP_ROW_COLUMNS];

/* The context as PLOVER's codebook and the Alliance's CAMEO table spell it ("political" is
 * "political_institutions"); NULL stays NULL. */
const char *qp_plover_context(const char *context);

/* Appends the header line (CRLF). 0 or QP_ENOMEM. */
int qp_row_csv_header(qp_buf *out);

/* Appends e as one CSV line (RFC 4180, CRLF) or one JSON object and a newline (numbers as
 * numbers, absent values null), labels in lang, summary and development as given (NULL:
 * empty). 0 or QP_ENOMEM. */
int qp_row_csv(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
               const char *development);
int qp_row_json(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
                const char *development);
/* The same object without the newline (GeoJSON's properties). */
int qp_row_object(qp_buf *out, const qp_event *e, const qp_row_doc *d, qp_lang lang, const char *summary,
                  const char *development);

/* Appends e as one line of PLOVER JSON (codebook 0.8, chapter 6): id, date, enddate, actor and
 * recipient (entity objects: code, sector, entity_text, identifier_id, identifier_text), event,
 * mode, context, event_loc (extracted_place, resolved_place, geonameid, lat, lon, country,
 * country_code as alpha-3, feature_class, feature_code), event_text, text_info (sequence),
 * cite_info (url, title, language, publication, coder, codebook) and quipu's own fields under
 * "quipu" (its action code, confidence, flags, evidence byte span, document, CAMEO code, time
 * expression). An undated event has a null date. 0 or QP_ENOMEM. */
int qp_row_plover(qp_buf *out, const qp_event *e, const qp_row_doc *d);

#endif
