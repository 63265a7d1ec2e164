/* timeline.h — chronological briefings (Markdown, HTML) and timelines (TimelineJS JSON, CSV, JSONL) of stored events. */
#ifndef QP_TIMELINE_H
#define QP_TIMELINE_H

#include <stddef.h>

#include "buf.h"
#include "phrase.h"
#include "store.h"

typedef enum qp_timeline_format {
    QP_TIMELINE_MD = 0,   /* briefing in Markdown */
    QP_TIMELINE_HTML,     /* the same briefing as one self-contained HTML page */
    QP_TIMELINE_JSON,     /* Knight Lab TimelineJS */
    QP_TIMELINE_CSV,      /* one row per event */
    QP_TIMELINE_JSONL,    /* one JSON object per event */
} qp_timeline_format;

typedef struct qp_timeline_opts {
    qp_timeline_format format;
    qp_lang lang;
    const char *since, *until; /* YYYY-MM-DD or NULL, as qp_event_filter */
    const char *actor;         /* actor id or NULL */
    const char *place;         /* place id or label, or NULL */
    const char *title;         /* NULL: made from the scope and period */
    size_t key_developments;   /* how many to put first; 0 means 5 */
    int no_sides;              /* leave the blocs section out (and do not build the graph) */
    const qp_event_filter *filter; /* when set, the events read (its since, until, actor and place
                                    * should be the ones above, which the title names) */
    void (*progress)(const char *stage, void *ud); /* told each stage ("merging the reports"), or NULL */
    void *progress_ud;
} qp_timeline_opts;

/* The format named s ("md", "markdown", "html", "json", "csv", "jsonl"), or QP_EINVAL. */
int qp_timeline_format_parse(const char *s);

/* Reads the events matching o from s and renders them in o->format, appending to out.
 * Returns 0, QP_EDB/QP_EBUSY (err names the database error), QP_ENOMEM or QP_EGRAPH. An empty
 * selection is not an error: the briefing says there is nothing in the period. */
int qp_timeline_render(qp_store *s, const qp_timeline_opts *o, qp_buf *out, char *err, size_t errlen);

/* The same, written atomically to path ("-" for stdout): the file is there whole or not at
 * all. Returns as qp_timeline_render, or QP_EIO when the file cannot be written. */
int qp_timeline_write(qp_store *s, const qp_timeline_opts *o, const char *path, char *err, size_t errlen);

#endif
