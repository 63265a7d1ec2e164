/* codes.c — the tables of PLOVER's categories (their tone, modes, contexts, CAMEO roots) and of
 * actor kinds. */
#include "codes.h"
#include "qp.h"

#include <string.h>

/* PLOVER 0.8 (the codebook's tables 3.1–3.11, chapter 4; CAMEO2PLOVER-2021): each category's
 * tone and modes (space-separated, a space at each end) */
static const struct {
    const char *name;
    int tone;
    const char *modes;
} actions[QP_ACTION_COUNT] = {
    [QP_ACTION_AGREE] = {"AGREE", 1, " "},
    [QP_ACTION_CONSULT] = {"CONSULT", 1, " visit third-party multilateral phone "},
    [QP_ACTION_SUPPORT] = {"SUPPORT", 1, " "},
    [QP_ACTION_CONCEDE] = {"CONCEDE", 1, " "},
    [QP_ACTION_COOPERATE] = {"COOPERATE", 1, " "},
    [QP_ACTION_AID] = {"AID", 1, " "},
    [QP_ACTION_RETREAT] = {"RETREAT", 0, " withdraw release disarm ceasefire access resign return "},
    [QP_ACTION_REQUEST] = {"REQUEST", 0, " assist change yield meet "},
    [QP_ACTION_ACCUSE] = {"ACCUSE", -1, " disapprove investigate allege "},
    [QP_ACTION_REJECT] = {"REJECT", -1, " assist change yield meet "},
    [QP_ACTION_THREATEN] = {"THREATEN", -1, " restrict arrest relations expel territory violence ban "},
    [QP_ACTION_PROTEST] = {"PROTEST", -1, " demo riot strike hunger boycott obstruct vandalize "},
    [QP_ACTION_SANCTION] = {"SANCTION", -1, " convict expel withdraw discontinue "},
    [QP_ACTION_MOBILIZE] = {"MOBILIZE", -1, " troops weapons police militia "},
    [QP_ACTION_COERCE] = {"COERCE", -1,
                          " seize restrict censor curfew martial-law arrest deport withhold misinformation cyber ban "},
    [QP_ACTION_ASSAULT] = {"ASSAULT", -1,
                           " abduct beat torture sexual targeted destroy primitive firearms explosives suicide-attack "
                           "aerial drone heavy-weapons crowd-control unconventional assassinate massacre cleansing "},
    [QP_ACTION_LEAD] = {"LEAD", 1, " "},
};

/* PLOVER's contexts */
static const char *const contexts =
    " military intelligence executive legislative election political_institutions pro_democracy pro_autocracy "
    "economic legal reparations human_rights rights_freedoms repression human_security gender lgbt "
    "religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration disasters "
    "natural_resource environment technology terrorism cbrn cyber misinformation crime corruption "
    "illegal_drugs trafficking humanitarian democracy ";

/* CAMEO root → the categories CAMEO2PLOVER sends its codes to (191 blockade and 192 occupation
 * are COERCE under root 19) */
static const char *const cameo_roots[21] = {
    NULL, " AGREE SUPPORT ", " REQUEST ", " AGREE ", " CONSULT ", " SUPPORT ", " COOPERATE ", " AID ",
    " CONCEDE RETREAT ", " ACCUSE ", " REQUEST ", " ACCUSE ", " REJECT ", " THREATEN ", " PROTEST ",
    " MOBILIZE ", " SANCTION COERCE ", " COERCE ASSAULT ", " ASSAULT ", " ASSAULT COERCE ", " ASSAULT ",
};

/* Whether word is one of list's space-separated words. */
static int in_list(const char *list, const char *word)
{
    if (!list || !word || !*word || strchr(word, ' '))
        return 0;
    size_t n = strlen(word);
    for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
        if (p[-1] == ' ' && p[n] == ' ')
            return 1;
    return 0;
}

int qp_action_mode_valid(qp_action a, const char *mode)
{
    return (unsigned)a < QP_ACTION_COUNT && in_list(actions[a].modes, mode);
}

int qp_context_valid(const char *context)
{
    return in_list(contexts, context);
}

int qp_cameo_fits(qp_action a, const char *cameo)
{
    if ((unsigned)a >= QP_ACTION_COUNT || !cameo || strlen(cameo) != 2 || cameo[0] < '0' || cameo[0] > '2' ||
        cameo[1] < '0' || cameo[1] > '9')
        return 0;
    int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
    return root >= 1 && root <= 20 && in_list(cameo_roots[root], actions[a].name);
}

static const struct {
    const char *name;
    int armed;
} kinds[QP_KIND_COUNT] = {
    [QP_KIND_STATE] = {"state", 1},         [QP_KIND_GOVERNMENT] = {"government", 1},
    [QP_KIND_MILITARY] = {"military", 1},   [QP_KIND_PARAMILITARY] = {"paramilitary", 1},
    [QP_KIND_POLICE] = {"police", 1},       [QP_KIND_ARMED_GROUP] = {"armed group", 1},
    [QP_KIND_COALITION] = {"coalition", 1}, [QP_KIND_IGO] = {"igo", 0},
    [QP_KIND_NGO] = {"ngo", 0},             [QP_KIND_PARTY] = {"party", 0},
    [QP_KIND_OPPOSITION] = {"opposition", 1}, [QP_KIND_PERSON] = {"person", 0},
    [QP_KIND_CIVILIANS] = {"civilians", 0}, [QP_KIND_MEDIA] = {"media", 0},
};

const char *qp_action_name(qp_action a)
{
    return (unsigned)a < QP_ACTION_COUNT ? actions[a].name : "?";
}

int qp_action_parse(const char *code)
{
    for (int i = 0; code && i < QP_ACTION_COUNT; i++)
        if (!strcmp(code, actions[i].name))
            return i;
    return QP_EINVAL;
}

int qp_action_tone(qp_action a)
{
    return (unsigned)a < QP_ACTION_COUNT ? actions[a].tone : 0;
}

const char *qp_kind_name(qp_kind k)
{
    return (unsigned)k < QP_KIND_COUNT ? kinds[k].name : "?";
}

int qp_kind_parse(const char *name)
{
    for (int i = 0; name && i < QP_KIND_COUNT; i++)
        if (!strcmp(name, kinds[i].name))
            return i;
    return QP_EINVAL;
}

int qp_kind_armed(qp_kind k)
{
    return (unsigned)k < QP_KIND_COUNT ? kinds[k].armed : 1;
}
