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

typedef struct qp_lex_actor {
    char *id, *label, *label_fr, *kind, *country, *parent;
    char *agent;     /* the agent code that, with this actor's country, names it ("MILITIAS") */
    char *from, *to; /* persons: in office */
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
    qp_word_classes classes[2]; /* lexicon/{fr,en}/classes.json, by qp_lang */
} qp_lexicon;

/* Loads every file of lexicon/ (and the compiled forms); on error errmsg names the file and
 * the problem. Returns 0, QP_ENOTFOUND, QP_ELEXICON, QP_ENOMEM; qp_lexicon_destroy frees in
 * every case. */
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

#endif
