/* mention.h — what the extractor finds in a sentence before it builds events: actors, action
 * triggers and places, each over a span of tokens. Internal to src/extract*.c. */
#ifndef QP_MENTION_H
#define QP_MENTION_H

#include <stddef.h>

#include "event.h"
#include "lexicon.h"
#include "token.h"

enum { MENTION_ACTOR, MENTION_ACTION, MENTION_PLACE, MENTION_AGENT, MENTION_DEMONYM };

#define MENTION_MAX_READINGS 6

typedef struct mention {
    int kind;
    size_t t0, t1;              /* tokens [t0, t1) of the sentence */
    qp_actor_ref actor;         /* MENTION_ACTOR */
    int country;                /* country index in the lexicon, -1 (demonyms, country names, capitals) */
    int agent;                  /* MENTION_AGENT: agent index */
    int actions[MENTION_MAX_READINGS]; /* MENTION_ACTION: action indices */
    int tags[MENTION_MAX_READINGS];
    int n_readings;
    qp_place_ref place;         /* MENTION_PLACE */
    int is_place_too;           /* a country or capital read as actor that may also be the place */
    int used;                   /* consumed as a part of a composite actor */
    int person;                 /* MENTION_ACTOR: a person the lexicon names ("Haider al-Abadi") */
    int guessed;                /* MENTION_ACTOR: an agent whose nationality the context gave */
    const qp_actor_ref *group;  /* MENTION_ACTOR: "ces trois pays", the actors it stands for */
    int n_group;
    int head;                   /* the word of the parse the mention hangs from, -1 (extract_parse.c) */
} mention;

typedef struct sentence_view {
    const char *text;           /* the whole document text */
    qp_token *tok;
    size_t n_tok;
    mention *m;
    size_t n_m;
    size_t start, end;          /* byte span */
    int index;
    int lang;                   /* qp_lang */
    struct xp_view *parse;      /* the dependency parse, NULL when the sentence was not parsed */
} sentence_view;

#endif
