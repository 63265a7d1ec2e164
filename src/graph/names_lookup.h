/* names_lookup.h — an action, mode, place or country named by a user ("attack", "Damas", "Syrie") resolved, or refused with near names. */
#ifndef QP_NAMES_LOOKUP_H
#define QP_NAMES_LOOKUP_H

#include <stddef.h>

#include "store.h"

/* What a look-up found: the value to filter on, or up to QP_LOOKUP_MAX near names. */
#define QP_LOOKUP_MAX 8

typedef struct qp_lookup {
    char value[128];                        /* the resolved code, id or label */
    size_t n;                               /* near names (not found) or candidates (ambiguous) */
    char names[QP_LOOKUP_MAX][128];         /* what to type */
    char notes[QP_LOOKUP_MAX][128];         /* what each is ("Assault", "Tripoli, LB, 12 events") */
} qp_lookup;

/* The edit distance (Levenshtein, bytes) of two names of under 64 bytes, capped at 9: how
 * near a typed name is to a known one. */
int qp_name_distance(const char *a, const char *b);

/* A PLOVER category (or LEAD) named by its code in any case ("assault"). Returns 0 (value is
 * the code), or QP_ENOTFOUND with the categories a word of English or French points to
 * ("attack", "frappe" -> ASSAULT; "meet" -> CONSULT) and the codes spelt alike. */
int qp_lookup_action(const char *name, qp_lookup *out);

/* A PLOVER mode that stored events carry, in any case ("aerial"), for the action given (NULL:
 * any). Returns 0, QP_ENOTFOUND (names: the modes the events carry, spelt-alike ones first),
 * QP_EDB or QP_ENOMEM. */
int qp_lookup_mode(qp_store *s, const char *name, const char *action, qp_lookup *out);

/* A country by ISO alpha-2 or alpha-3 code, or English or French name, case and accents
 * ignored ("sy", "SYR", "Syrie"), from lexicon/countries.json. Returns 0 (value: alpha-2, as
 * the gazetteer writes places' countries; *iso3 its alpha-3 when iso3 is not NULL),
 * QP_ENOTFOUND with near names, or QP_ENOMEM. */
int qp_lookup_country(const char *name, qp_lookup *out, char iso3[4]);

/* The ISO alpha-3 code and English name of the country whose alpha-2 code is iso2 ("SY" ->
 * "SYR", "Syria"), from lexicon/countries.json read once per process; NULL when unknown (or
 * the file is missing). The strings live until the process ends. */
const char *qp_country_iso3(const char *iso2);
const char *qp_country_name(const char *iso2);

/* A place events name, by id (geonames:170654), gazetteer label or the article's words, case
 * and accents ignored ("damas" finds Damascus through the French texts). country (alpha-2 or
 * NULL) narrows the candidates. Returns 0 (value: the place id, the words when the gazetteer
 * did not place them, or a JSON array of ids when the name is several places of one country, a
 * city and its province, as qp_event_filter.place takes it), QP_EAMBIGUOUS (names: the ids of
 * places of several countries so named: --country tells them apart), QP_ENOTFOUND (near
 * names), QP_EDB or QP_ENOMEM. */
int qp_lookup_place(qp_store *s, const char *name, const char *country, qp_lookup *out);

#endif
