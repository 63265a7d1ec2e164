/* timeline_int.h — what the timeline renderers share: events read back, told alike merged, the period and its sections, sources numbered. */
#ifndef QP_TIMELINE_INT_H
#define QP_TIMELINE_INT_H

#include "arena.h"
#include "timeline.h"

typedef struct tl_doc {
    const char *name, *title, *url, *source, *published, *lang; /* source: the outlet, never a path */
    int note;          /* 1-based number in the source notes, in order of first citation */
} tl_doc;

typedef struct tl_event {
    qp_event e;        /* strings copied into the timeline's arena */
    size_t doc;        /* index into docs */
    size_t item;       /* the line it belongs to */
    const char *end, *grain; /* as stored: e.time's are normalised for the headings */
    long day;          /* its first day (days since 1970), LONG_MIN when undated */
    int precise;       /* a day or a few: it can be merged across days and sets the period */
    int from_text;     /* dated by the text, not by its article's date */
    const char *root1, *root2; /* actors as merged: a state's agencies are the state */
} tl_event;

/* One line of the briefing: the events of several articles that tell the same thing (same
 * actor and action, recipients that agree, within a few days, at places that agree) merged,
 * as GDELT counts one event with its mentions and sources. */
typedef struct tl_item {
    size_t first;          /* its representative event (its words and actors tell the line) */
    size_t *events, n_events; /* every event merged in: mentions */
    size_t *docs, n_docs;  /* distinct documents, by note number: sources */
    size_t section;
    double confidence;     /* the highest of its events */
    qp_event told;         /* the representative with the line's period, recipient and place */
    long day;              /* the line's first day, LONG_MIN when undated */
    int when;              /* 0 in the period, -1 before it (background), +1 after it */
    const char *quote;     /* the article's words, for key developments; NULL when none fits */
    const char *counts;    /* figures the texts give ("1 300 morts; plus de 1 400 morts") or NULL */
    int informative;       /* says whom or where, or quotes what: ranks above a line that does not */
} tl_item;

enum { TL_SECTION_PERIOD, TL_SECTION_LONGER, TL_SECTION_BEFORE, TL_SECTION_AFTER, TL_SECTION_UNDATED };

/* A heading of the chronology: a day, a week or a month of the period (as its length asks),
 * the lines of the period dated only by a coarser period (a year in a chronology by month),
 * the background before or after it, or the undated events. */
typedef struct tl_section {
    int kind;              /* TL_SECTION_* */
    const char *start, *end, *grain; /* the period the heading names (kind PERIOD) */
    size_t *items, n_items;
} tl_section;

typedef struct tl_bloc {
    size_t *members, n_members;   /* indices into nodes */
} tl_bloc;

typedef struct tl_node {
    const char *id, *label, *label_fr, *kind;
    int bloc;
    double size;
    double x, y;          /* igraph's layout of the drawn nodes, in [-1, 1]; 0 when not drawn */
    double strength;
    int drawn;
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
    const char *section_grain;     /* "day", "week" or "month": how the period is cut */
    size_t *key, n_key;            /* key developments: item indices */
    size_t *cited, n_cited;        /* documents cited, by note number (cited[0] is note 1) */
    const char *first_day, *last_day; /* the period: where the dated events are */
    size_t n_undated, n_background;
    /* the alliance graph of the period, for the blocs section and the HTML picture */
    tl_node *nodes;
    size_t n_nodes;
    tl_edge *edges;
    size_t n_edges;
    tl_bloc *blocs;
    size_t n_blocs, n_shared_blocs; /* blocs; those of two members or more (they come first) */
} tl;

/* Merging (tl_merge.c), then the period, its sections and the notes (tl_period.c). 0 or
 * QP_ENOMEM. */
int tl_merge(tl *t);
int tl_arrange(tl *t);
/* The article's words for the lines that may be key developments and the figures they give,
 * read from s (tl_quote.c). 0, QP_EDB or QP_ENOMEM. */
int tl_quote_items(tl *t, qp_store *s);
/* The key developments: the lines of the period most sources tell (tl_period.c). 0 or QP_ENOMEM. */
int tl_rank_key(tl *t);

/* Days since 1970-01-01 of a YYYY-MM-DD prefix (LONG_MIN when it is not one), and back. */
long tl_day(const char *ymd);
void tl_ymd(long day, char out[16]);

/* Renderers (briefing.c, briefing_html.c, tlformats.c): append to out; 0 or QP_ENOMEM. */
int tl_render_md(const tl *t, qp_buf *out);
int tl_render_html(const tl *t, qp_buf *out);
int tl_render_timelinejs(const tl *t, qp_buf *out);
int tl_render_csv(const tl *t, qp_buf *out);
int tl_render_jsonl(const tl *t, qp_buf *out);

/* Pictures of the HTML page (briefing_svg.c, briefing_map.c): an SVG figure appended to out. */
int tl_svg_strip(const tl *t, qp_buf *out);
int tl_svg_graph(const tl *t, qp_buf *out);
int tl_svg_map(const tl *t, qp_buf *out);

/* Shared words. */
int tl_title(const tl *t, qp_buf *out);             /* plain text */
int tl_summary(const tl *t, size_t ncited, qp_buf *out); /* "4 developments (5 extracted events) from …", plain */
int tl_item_sentence(const tl *t, const tl_item *it, qp_buf *out); /* plain text */
int tl_item_when(const tl *t, const tl_item *it, qp_buf *out);     /* "21 August 2013", plain */
int tl_section_heading(const tl *t, const tl_section *s, qp_buf *out); /* plain */
const char *tl_node_label(const tl *t, const tl_node *n);
/* "#rrggbb" of node n's bloc in the picture and the legend (palette.h). */
void tl_node_colour(const tl *t, int bloc, char out[8]);
/* +1, -1 or 0: how the action reads on the alliance map (backing green, fighting red). */
int tl_tone(const char *action);

#endif
