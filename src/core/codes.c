/* codes.c — the tables of PLOVER's categories and of actor kinds. */
#include "codes.h"
#include "qp.h"

#include <string.h>

static const struct {
    const char *name;
    int tone;
} actions[QP_ACTION_COUNT] = {
    [QP_ACTION_AGREE] = {"AGREE", 1},       [QP_ACTION_CONSULT] = {"CONSULT", 1},
    [QP_ACTION_SUPPORT] = {"SUPPORT", 1},   [QP_ACTION_CONCEDE] = {"CONCEDE", 1},
    [QP_ACTION_COOPERATE] = {"COOPERATE", 1}, [QP_ACTION_AID] = {"AID", 1},
    [QP_ACTION_RETREAT] = {"RETREAT", 0},   [QP_ACTION_REQUEST] = {"REQUEST", 0},
    [QP_ACTION_ACCUSE] = {"ACCUSE", -1},    [QP_ACTION_REJECT] = {"REJECT", -1},
    [QP_ACTION_THREATEN] = {"THREATEN", -1}, [QP_ACTION_PROTEST] = {"PROTEST", -1},
    [QP_ACTION_SANCTION] = {"SANCTION", -1}, [QP_ACTION_MOBILIZE] = {"MOBILIZE", -1},
    [QP_ACTION_COERCE] = {"COERCE", -1},    [QP_ACTION_ASSAULT] = {"ASSAULT", -1},
    [QP_ACTION_LEAD] = {"LEAD", 1},
};

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
