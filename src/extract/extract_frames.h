/* extract_frames.h — the argument frames of actions (lexicon/<lang>/frames.json) compiled into
 * dependency patterns, and a word matched against them. Internal to src/extract/. */
#ifndef QP_EXTRACT_FRAMES_H
#define QP_EXTRACT_FRAMES_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "parse.h"

typedef struct xp_view xp_view;

/* roles; "unless" lists what, when the trigger has it, makes it another sense and no event
 * ("manifester leur présence", "demonstrated their ability") */
enum { XFR_ACTOR, XFR_RECIPIENT, XFR_PLACE, XFR_AGENT, XFR_SIDES, XFR_UNLESS, XFR_ROLES };

typedef struct xfr_pattern {
    uint8_t rel;            /* qp_deprel */
    uint8_t exact;          /* the subtype must be rel's; else any subtype of rel's universal relation */
    uint8_t entry_preps;    /* "@preps": the case words of the action entry match too */
    uint8_t place_preps;    /* "@place_preps": the entry's prepositions of place match too */
    uint8_t no_case;        /* "-": no case word */
    char **cases;           /* folded case words ("a l encontre de"); none: any */
    size_t n_cases;
} xfr_pattern;

typedef struct xfr_frame {
    char *name;
    xfr_pattern *role[XFR_ROLES];
    size_t n[XFR_ROLES];
    unsigned need;          /* bits (1 << role): one of these roles must be filled, else no event */
} xfr_frame;

typedef struct xfr_frames {
    xfr_frame *f;
    size_t n;
} xfr_frames;

/* Loads and compiles lexicon/<lang>/frames.json (path) into fs. 0, QP_EIO, QP_ELEXICON (err
 * names the file, the frame and the pattern), QP_ENOMEM. Free with xfr_destroy. */
int xfr_load(xfr_frames *fs, const char *path, char *err, size_t errlen);
void xfr_destroy(xfr_frames *fs);

/* The frame an action takes: its "frame", else by its part of speech and object ("verb",
 * "verb_place", "verb_none", "noun"); NULL when the language has no such frame. */
const xfr_frame *xfr_of(const xfr_frames *fs, const qp_lex_action *act);

/* Whether word c (a dependent) matches pattern pt for action act: its relation, and the case
 * words that mark it. */
int xfr_match(const xfr_pattern *pt, const xp_view *p, size_t c, const qp_lex_action *act);

/* The children of word i that fill role of frame f, in the order of the frame's patterns, into
 * out (up to cap); their count. */
size_t xfr_fill(const xfr_frame *f, int role, const xp_view *p, size_t i, const qp_lex_action *act, int *out,
                size_t cap);

#endif
