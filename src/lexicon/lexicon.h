/* lexicon.h — quipu's knowledge loaded from lexicon/: actors, countries, agents, actions, as
 * one phrase table of folded token sequences for longest-match look-ups. */
#ifndef QP_LEXICON_H
#define QP_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "classes.h"

typedef enum {
    QP_LEX_ACTOR,    /* ref: index in actors */
    QP_LEX_COUNTRY,  /* a country's name: ref index in countries */
    QP_LEX_DEMONYM,  /* ref: country */
    QP_LEX_CAPITAL,  /* ref: country */
    QP_LEX_AGENT,    /* ref: index in agents */
    QP_LEX_ACTION,   /* ref: index in actions; tag: morph tag of this form */
} qp_lex_kind;

/* A span of office [from, to), dates as YYYY-MM-DD, to NULL while it lasts. */
typedef struct qp_lex_term {
    char *from, *to;
} qp_lex_term;

/* Another office a person held, acting for another body ("posts" in actors.json). */
typedef struct qp_lex_post {
    char *office, *parent, *from, *to;
} qp_lex_post;

typedef struct qp_lex_actor {
    char *id, *label, *label_fr, *kind, *country, *parent;
    char *agent;     /* the agent code that, with this actor's country, names it ("MILITIAS") */
    char *from, *to; /* persons: in office */
    char *office;    /* persons: the office held ("President of Syria") */
    qp_lex_term *terms; /* persons: the spans inside from–to when the office had gaps */
    size_t n_terms;
    qp_lex_post *posts; /* persons: other offices, each with the body it acts for */
    size_t n_posts;
    int approx;      /* a date is only known to the month or year */
    char *agent_key; /* "IRQ-MILITIAS" for an actor with an agent and a country, else NULL */
    const char *origin; /* NULL: the built-in lexicon; else the overlay folder that gave it */
} qp_lex_actor;

typedef struct qp_lex_country {
    char *iso3, *iso2, *label, *label_fr, *dem_en; /* dem_en: "Iraqi", for agent labels */
    char *dem_fr;                                  /* "irakien" */
    int64_t geonames;
    double lat, lon;
} qp_lex_country;

typedef struct qp_lex_agent {
    char *code, *kind, *parent, *label, *label_fr;
} qp_lex_agent;

typedef struct qp_lex_action {
    char *lemma, *code, *mode, *context, *cameo, *pos, *object;
    char *frame;     /* the argument frame (lexicon/<lang>/frames.json), or NULL for the default */
    int need;        /* the event needs what it acts on, a place or a recipient ("siège de", "prise de") */
    char **preps;    /* folded: what introduces the recipient ("contre", "against") */
    size_t n_preps;
    char **place_preps; /* folded: what introduces the place of a verb whose object is not one
                           ("avancer vers", "withdraw from") */
    size_t n_place_preps;
    int light;
    double weight;
    int lang; /* 0 fr, 1 en */
    const char *origin; /* NULL: the built-in lexicon; else the overlay folder that gave it */
} qp_lex_action;

typedef struct qp_lex_entry {
    uint8_t kind;       /* qp_lex_kind */
    uint8_t lang;       /* 0 fr, 1 en, 2 both */
    uint8_t acronym;    /* match only in capitals */
    int8_t tag;         /* morph tag for actions, -1 otherwise */
    uint32_t ref;
    int32_t next;       /* next entry of the same phrase, -1 */
} qp_lex_entry;

/* An alias as the lexicon lists it, kept for the store (command-line look-ups by name). */
typedef struct qp_lex_alias {
    char *text;
    const char *actor_id; /* points into actors or countries */
    uint8_t lang;         /* 0 fr, 1 en */
} qp_lex_alias;

/* A string → position table over one of the arrays below (open addressing, -1 empty). */
typedef struct qp_lex_index {
    int32_t *slots;
    size_t mask;
} qp_lex_index;

typedef struct qp_lexicon {
    qp_lex_actor *actors;
    size_t n_actors;
    qp_lex_country *countries;
    size_t n_countries;
    qp_lex_agent *agents;
    size_t n_agents;
    qp_lex_action *actions;
    size_t n_actions;
    qp_lex_entry *entries;
    size_t n_entries, cap_entries;
    qp_lex_alias *aliases; /* actor aliases, country names and capitals */
    size_t n_aliases, cap_aliases;
    struct qp_lex_slot *slots; /* phrase → first entry; prefixes flagged */
    size_t n_slots, n_used;
    int max_words;
    int oom;         /* a copy failed while loading: qp_lexicon_load returns QP_ENOMEM */
    size_t n_forms[2];     /* inflected forms read from forms.tsv, per language (0 fr, 1 en) */
    qp_lex_index by_actor_id, by_iso3, by_iso2; /* the extractor looks these up for every mention */
    qp_lex_index by_agent_key; /* actors by "ISO3-AGENT" of their agent field */
    char **overlays;           /* the overlay folders loaded, in order (owned) */
    size_t n_overlays;
    void *claims;              /* while loading: folded phrase → the id an overlay gave it (json_t) */
    qp_word_classes classes[2]; /* lexicon/{fr,en}/classes.json, by qp_lang */
} qp_lexicon;

/* Overlays: folders laid out as lexicon/ (actors.json, countries.json, fr/ and en/ actors,
 * countries, agents, actions and classes), whose entries are merged over the built-in ones
 * (lexicon/README.md, "Overlays"): an actor or a country replaced or added by id, aliases,
 * names, phrases and class words added (an overlay's alias takes its phrase from any other
 * actor), an action replaced by lemma and part of speech, or added. The folders are those
 * given to qp_lexicon_add_overlay (`--lexicon DIR`, in order, the last one winning), else
 * those of $QUIPU_LEXICON (separated by ':'). Returns 0, QP_ENOMEM or QP_ETOOBIG. */
int qp_lexicon_add_overlay(const char *dir);
/* Forgets the folders qp_lexicon_add_overlay was given. */
void qp_lexicon_clear_overlays(void);
/* The overlay folders the next qp_lexicon_load will read (NULL-terminated, static). */
const char *const *qp_lexicon_overlay_dirs(void);

/* Loads every file of lexicon/ (and the compiled forms), then the overlays; on error errmsg
 * names the file and the problem. Returns 0, QP_ENOTFOUND, QP_ELEXICON, QP_ENOMEM;
 * qp_lexicon_destroy frees in every case. */
int qp_lexicon_load(qp_lexicon *lx, char *errmsg, size_t errlen);
void qp_lexicon_destroy(qp_lexicon *lx);

/* Looks up a phrase (folded words joined by single spaces, len bytes). Returns the first
 * entry index or -1; *is_prefix tells whether longer phrases start with it. */
int32_t qp_lexicon_find(const qp_lexicon *lx, const char *phrase, size_t len, int *is_prefix);

/* Index of an actor by id, or -1; of a country by ISO alpha-3, or -1. */
int qp_lexicon_actor(const qp_lexicon *lx, const char *id);
int qp_lexicon_country(const qp_lexicon *lx, const char *iso3);
/* Index of a country by ISO alpha-2 (as GeoNames writes it), or -1. */
int qp_lexicon_country_iso2(const qp_lexicon *lx, const char *iso2);
/* The actor an agent of a country is ("IRQ" + "MILITIAS"): the actor with id ISO3-CODE, else
 * the one whose "agent" is CODE for that country (IRQ-PMF); -1 when neither exists. */
int qp_lexicon_agent_actor(const qp_lexicon *lx, const char *iso3, const char *code);
/* Whether a person holds the office on date (YYYY-MM-DD): from <= date < to, and inside one
 * of the terms when the office had gaps. 0 for a non-person or a NULL date. */
int qp_lexicon_in_office(const qp_lex_actor *a, const char *date);
/* The body a person acts for on date: the parent of the post that covers it (the last one
 * listed, when several do), else his parent while in office (qp_lexicon_in_office); NULL out
 * of office, for a non-person, or with no date. *office, when not NULL, gets the office. */
const char *qp_lexicon_acts_for(const qp_lex_actor *a, const char *date, const char **office);

#endif
