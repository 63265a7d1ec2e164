/* timeline_int.h — what the timeline renderers share: events read back, merged and numbered. */
#ifndef QP_TIMELINE_INT_H
#define QP_TIMELINE_INT_H

#include "arena.h"
#include "timeline.h"

typedef struct tl_doc {
    const char *name, *title, *url, *source, *published, *lang;
    int note;          /* 1-based number in the source notes, in order of first citation */
} tl_doc;

typedef struct tl_event {
    qp_event e;        /* strings copied into the timeline's arena */
    size_t doc;        /* index into docs */
    size_t item;       /* the merged line it belongs to */
    const char *end, *grain; /* as stored: e.time's are normalised for the headings */
} tl_event;

/* One line of the briefing: the events of several articles that tell the same thing
 * (same actor, action, recipient and day) merged. */
typedef struct tl_item {
    size_t first;          /* its first event (the one told) */
    size_t *events, n_events;
    size_t *docs, n_docs;  /* distinct documents, by note number */
    size_t section;
    double confidence;     /* the highest of its events */
} tl_item;

/* A period the briefing has a heading for; undated events have start NULL and come last. */
typedef struct tl_section {
    const char *start, *end, *grain;
    size_t *items, n_items;
} tl_section;

typedef struct tl_bloc {
    size_t *members, n_members;   /* indices into nodes */
} tl_bloc;

typedef struct tl_node {
    const char *id, *label, *label_fr, *kind;
    int bloc;
    double size;
} tl_node;

typedef struct tl_edge {
    size_t a, b;
    int sign;
    int directed;
    size_t weight;
} tl_edge;

typedef struct tl {
    qp_arena arena;
    const qp_timeline_opts *o;
    tl_event *events;
    size_t n_events, cap_events;
    tl_doc *docs;
    size_t n_docs, cap_docs;
    tl_item *items;
    size_t n_items;
    tl_section *sections;
    size_t n_sections;
    size_t *key, n_key;            /* key developments: item indices */
    size_t *cited, n_cited;        /* documents cited, by note number (cited[0] is note 1) */
    const char *first_day, *last_day; /* the dated events' span */
    size_t n_undated;
    /* the alliance graph of the period, for the blocs section and the HTML picture */
    tl_node *nodes;
    size_t n_nodes;
    tl_edge *edges;
    size_t n_edges;
    tl_bloc *blocs;
    size_t n_blocs;
} tl;

/* Renderers (briefing.c, briefing_html.c, tlformats.c): append to out; 0 or QP_ENOMEM. */
int tl_render_md(const tl *t, qp_buf *out);
int tl_render_html(const tl *t, qp_buf *out);
int tl_render_timelinejs(const tl *t, qp_buf *out);
int tl_render_csv(const tl *t, qp_buf *out);
int tl_render_jsonl(const tl *t, qp_buf *out);

/* Shared words. */
int tl_title(const tl *t, qp_buf *out);             /* plain text */
int tl_summary(const tl *t, size_t ncited, qp_buf *out); /* "4 developments (5 extracted events) from …", plain */
int tl_item_sentence(const tl *t, const tl_item *it, qp_buf *out); /* plain text */
const char *tl_node_label(const tl *t, const tl_node *n);

#endif
