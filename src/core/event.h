/* event.h — one extracted event: actor – action – recipient – place – time, with evidence. */
#ifndef QP_EVENT_H
#define QP_EVENT_H

#include <stddef.h>

enum {
    QP_EVENT_NEGATED = 1 << 0,      /* "n'a pas frappé", "denied striking" */
    QP_EVENT_HYPOTHETICAL = 1 << 1, /* future, conditional, intent */
    QP_EVENT_REPORTED = 1 << 2,     /* reported speech: see speaker */
};
/* Events with any of these bits are hidden by `quipu events` unless --all is given. */
#define QP_EVENT_HIDDEN (QP_EVENT_NEGATED | QP_EVENT_HYPOTHETICAL)

typedef struct qp_actor_ref {
    const char *id;      /* stable actor id ('IRQ-AIRFORCE'); NULL when there is no actor */
    const char *label;   /* English label */
    const char *label_fr;
    const char *kind;    /* state, government, military, paramilitary, armed group, coalition, igo, ngo, person, civilians */
    const char *country; /* ISO 3166 alpha-3 or NULL */
    const char *parent;  /* actor it rolls up to, or NULL */
    const char *text;    /* the words in the document */
} qp_actor_ref;

typedef struct qp_place_ref {
    const char *id;      /* 'geonames:<id>' or NULL when the event has no place */
    const char *label;
    const char *country; /* ISO 3166 alpha-2 */
    double lat, lon;
    const char *feature; /* 'P.PPLA2', 'A.ADM1', 'A.PCLI', … */
    const char *text;
} qp_place_ref;

typedef struct qp_time_ref {
    const char *value;   /* TIMEX3 value; NULL when undated */
    const char *start;   /* interval [start, end) as YYYY-MM-DD; NULL when unknown */
    const char *end;
    const char *grain;   /* 'day', 'week', 'month', 'quarter', 'year', … */
    const char *text;    /* the expression, or NULL when anchored on the document date */
    const char *anchor;  /* 'text' or 'document' */
} qp_time_ref;

/* Strings point into an arena or a statement row: the owner of the event owns them. */
typedef struct qp_event {
    const char *uid;      /* '<doc>#<sentence>.<n>' */
    const char *doc;      /* document name */
    int sentence;
    qp_actor_ref actor1, actor2;
    const char *action;   /* PLOVER category, or LEAD */
    const char *mode;     /* PLOVER mode or NULL */
    const char *context;  /* PLOVER context or NULL */
    const char *cameo;    /* CAMEO root code, "19" */
    const char *action_text;
    qp_place_ref place;
    qp_time_ref time;
    size_t evidence_start, evidence_end; /* byte span in the document's cleaned text */
    const char *evidence_text;
    double confidence;
    int flags;            /* QP_EVENT_* */
    const char *speaker;  /* for reported speech, or NULL */
} qp_event;

#endif
