/* codes.h — the codes events and actors are written with: PLOVER's event categories (and
 * quipu's LEAD) and the kinds of actors, each an enum with one table of names. */
#ifndef QP_CODES_H
#define QP_CODES_H

/* PLOVER 0.8's sixteen categories, in the codebook's order, then LEAD (leading or commanding a
 * coalition), which quipu adds. Events keep the name as written; code that decides by the
 * category parses it once with qp_action_parse. */
typedef enum qp_action {
    QP_ACTION_AGREE,
    QP_ACTION_CONSULT,
    QP_ACTION_SUPPORT,
    QP_ACTION_CONCEDE,
    QP_ACTION_COOPERATE,
    QP_ACTION_AID,
    QP_ACTION_RETREAT,
    QP_ACTION_REQUEST,
    QP_ACTION_ACCUSE,
    QP_ACTION_REJECT,
    QP_ACTION_THREATEN,
    QP_ACTION_PROTEST,
    QP_ACTION_SANCTION,
    QP_ACTION_MOBILIZE,
    QP_ACTION_COERCE,
    QP_ACTION_ASSAULT,
    QP_ACTION_LEAD,
    QP_ACTION_COUNT
} qp_action;

/* "ASSAULT" for QP_ACTION_ASSAULT; "?" out of range. */
const char *qp_action_name(qp_action a);
/* The category named code (upper case, as PLOVER writes it), or QP_EINVAL (NULL included). */
int qp_action_parse(const char *code);
/* +1 for the categories of cooperation (AGREE … AID, LEAD), -1 for those of conflict
 * (ACCUSE … ASSAULT), 0 for RETREAT and REQUEST and out-of-range values. */
int qp_action_tone(qp_action a);
/* Whether mode is one of PLOVER's modes of category a ("aerial" of ASSAULT). */
int qp_action_mode_valid(qp_action a, const char *mode);
/* Whether context is one of PLOVER's contexts ("military", "political_institutions"). */
int qp_context_valid(const char *context);
/* Whether the CAMEO root cameo ("19") is one CAMEO2PLOVER maps to category a. */
int qp_cameo_fits(qp_action a, const char *cameo);

/* What an actor is (lexicon/README.md). */
typedef enum qp_kind {
    QP_KIND_STATE,
    QP_KIND_GOVERNMENT,
    QP_KIND_MILITARY,
    QP_KIND_PARAMILITARY,
    QP_KIND_POLICE,
    QP_KIND_ARMED_GROUP,
    QP_KIND_COALITION,
    QP_KIND_IGO,
    QP_KIND_NGO,
    QP_KIND_PARTY,
    QP_KIND_OPPOSITION,
    QP_KIND_PERSON,
    QP_KIND_CIVILIANS,
    QP_KIND_MEDIA,
    QP_KIND_COUNT
} qp_kind;

/* "armed group" for QP_KIND_ARMED_GROUP; "?" out of range. */
const char *qp_kind_name(qp_kind k);
/* The kind named name, or QP_EINVAL (NULL and "unknown" included). */
int qp_kind_parse(const char *name);
/* Whether actors of this kind bear arms, so that an assault between two of them is a fight:
 * 0 for civilians, NGOs, international bodies, persons, media and parties. */
int qp_kind_armed(qp_kind k);

#endif
