/* timex.h — find French and English time expressions and normalise them to TIMEX3 values. */
#ifndef QP_TIMEX_H
#define QP_TIMEX_H

#include <stddef.h>

#include "arena.h"

typedef enum { QP_TIMEX_DATE, QP_TIMEX_TIME, QP_TIMEX_DURATION, QP_TIMEX_SET } qp_timex_type;

typedef struct qp_timex {
    size_t start, end;      /* byte span in the text given to qp_timex_find */
    qp_timex_type type;
    const char *value;      /* TIMEX3 value: '2017-11-03', '2017-W44', 'P3M', 'PRESENT_REF', 'XXXX-11-03'… */
    const char *begin;      /* interval [begin, end_date) as YYYY-MM-DD, NULL when unknown/underspecified */
    const char *end_date;
    const char *grain;      /* 'day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century', 'time', NULL */
    int relative;           /* 1 when anchored on the document date (hier, last week, mardi) */
} qp_timex;

/* All the time expressions of a document, in text order, each with its byte span and resolved
 * value: what the event extractor dates events with (the expression a clause governs), and,
 * through qp_timex_reference_at, the narrative's reference time at any offset. */
typedef struct qp_timex_list {
    qp_timex *items;        /* in text order, non-overlapping; owned by the arena */
    size_t count;
} qp_timex_list;

/* Finds the time expressions of text (UTF-8, len bytes) in language lang ("fr" or "en"),
 * anchoring relative ones on dct ("YYYY-MM-DD", or NULL: then relative expressions keep an
 * underspecified value and a NULL interval). Everything is allocated in arena.
 * Returns 0, QP_ELANG for another language, QP_EINVAL for a malformed dct, QP_ENOMEM. */
int qp_timex_find(const char *text, size_t len, const char *lang, const char *dct,
                  qp_arena *arena, qp_timex_list *out);

/* The narrative's reference time at byte offset `at` of the text list was found in: the last
 * expression ending at or before `at` that names a known day (its grain is "day" or "time",
 * so begin/end_date hold that day), whether written out ("on 3 November"), relative ("hier",
 * "two days ago") or anchored on the text itself ("the next day"). This is the date an event
 * without its own time expression takes in a report that goes on from a dated sentence;
 * TempEval anchors "a year earlier" and "the next day" on it too.
 * Returns NULL when no such expression comes before `at`: then the document date is the
 * reference. A binary search over list (in text order), then a walk back over the
 * expressions that name no day: cheap enough to call once per event. */
const qp_timex *qp_timex_reference_at(const qp_timex_list *list, size_t at);

/* Name of a type: "DATE", "TIME", "DURATION", "SET". */
const char *qp_timex_type_name(qp_timex_type t);

#endif
