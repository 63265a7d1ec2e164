/* extract_compose.c — actors made of an agent and a nationality ("l'armée de l'air irakienne",
 * "Iraqi troops", "le régime" in context), and the country a mention stands for. */
#include "extract_int.h"
#include "extract_syntax.h"
#include "qp.h"

#include <stdio.h>
#include <string.h>

/* "{Dem} Air Force" with "Iraqi": any {…} placeholder takes the demonym. */
static const char *fill_template(qp_arena *a, const char *tpl, const char *dem)
{
    const char *open = strchr(tpl, '{'), *close = open ? strchr(open, '}') : NULL;
    if (!open || !close)
        return tpl;
    return qp_arena_printf(a, "%.*s%s%s", (int)(open - tpl), tpl, dem, close + 1);
}

/* An agent with a nationality: ISO3-CODE, from actors.json when it knows it. */
int xt_compose_agent(const qp_extractor *x, qp_arena *a, int agent, int ci, qp_actor_ref *out)
{
    const qp_lex_agent *ag = &x->lx.agents[agent];
    const qp_lex_country *c = &x->lx.countries[ci];
    char *id = qp_arena_printf(a, "%s-%s", c->iso3, ag->code);
    if (!id)
        return QP_ENOMEM;
    int ai = qp_lexicon_actor(&x->lx, id);
    /* "les milices syriennes" are the group the lexicon names for that country's militias */
    for (size_t k = 0; ai < 0 && k < x->lx.n_actors; k++) {
        const qp_lex_actor *la = &x->lx.actors[k];
        if (la->agent && la->country && !strcmp(la->agent, ag->code) && !strcmp(la->country, c->iso3))
            ai = (int)k;
    }
    if (ai >= 0) {
        xt_actor_from_lexicon(x, ai, NULL, out);
        return 0;
    }
    out->id = id;
    const char *dem = c->dem_en ? c->dem_en : (c->label ? c->label : c->iso3);
    out->label = fill_template(a, ag->label ? ag->label : "{Dem} forces", dem);
    if (ag->label_fr)
        out->label_fr = fill_template(a, ag->label_fr, c->dem_fr ? c->dem_fr : (c->label_fr ? c->label_fr : c->iso3));
    out->kind = ag->kind;
    out->country = c->iso3;
    /* the nearest ancestor the lexicon knows (IRQ-AIRFORCE → IRQ-MIL if listed, else IRQ-GOV,
     * else IRQ), so that roll-ups never dead-end on a part nobody described; rebels and
     * opposition belong to no state */
    out->parent = NULL;
    const char *code = ag->parent;
    for (int depth = 0; code && depth < 8 && !out->parent; depth++) {
        if (!strcmp(code, "STATE")) {
            out->parent = c->iso3;
            break;
        }
        char *pid = qp_arena_printf(a, "%s-%s", c->iso3, code);
        if (pid && qp_lexicon_actor(&x->lx, pid) >= 0) {
            out->parent = pid;
            break;
        }
        const char *next = NULL;
        for (size_t k = 0; k < x->lx.n_agents; k++)
            if (!strcmp(x->lx.agents[k].code, code))
                next = x->lx.agents[k].parent;
        code = next;
    }
    return out->label ? 0 : QP_ENOMEM;
}

static int is_joiner(const qp_token *t)
{
    return !strcmp(t->fold, "et") || !strcmp(t->fold, "and") || !strcmp(t->fold, ",");
}

/* Agents take the nationality that qualifies them: "l'armée de l'air irakienne", "les forces
 * gouvernementales et paramilitaires irakiennes", "Iraqi troops", "le régime de Damas"; a
 * demonym left alone after an article is its people's state ("les Russes"); a bare agent
 * is the focus country's. */
/* The country of a mention, when it has one: a demonym, a country, a capital, an actor of a
 * country, a place of the gazetteer. -1 otherwise. */
int xt_mention_country(const qp_extractor *x, const mention *m)
{
    if (m->kind < 0)
        return -1;
    if (m->country >= 0)
        return m->country;
    if (m->kind == MENTION_ACTOR && m->actor.country)
        return qp_lexicon_country(&x->lx, m->actor.country);
    if (m->kind == MENTION_PLACE && m->place.country && m->place.country[0])
        return qp_lexicon_country_iso2(&x->lx, m->place.country);
    return -1;
}

/* A country named as a place ("en Syrie", "in Iraq"): it says where, not whose forces. A town
 * or a province is different: the forces around al-Qaïm are Iraq's. */
int is_country_place(const mention *m)
{
    return m->kind == MENTION_PLACE && (!m->place.feature || !strcmp(m->place.feature, "A.PCLI"));
}

int xt_foreign_body(const qp_actor_ref *a)
{
    return a->kind && (!strcmp(a->kind, "ngo") || !strcmp(a->kind, "media") || !strcmp(a->kind, "igo"));
}

/* Whether token t is a demonym of country ci. */
static int is_demonym_of(const qp_extractor *x, const sentence_view *s, size_t t, int ci)
{
    int prefix;
    const char *f = s->tok[t].fold;
    for (int32_t e = qp_lexicon_find(&x->lx, f, strlen(f), &prefix); e >= 0; e = x->lx.entries[e].next)
        if (x->lx.entries[e].kind == QP_LEX_DEMONYM && (int)x->lx.entries[e].ref == ci)
            return 1;
    return 0;
}

int xt_compose_actors(const qp_extractor *x, qp_arena *a, sentence_view *s, int lang, int recent,
                      const qp_actor_ref *carried, int focus)
{
    for (size_t i = 0; i < s->n_m; i++) {
        mention *m = &s->m[i];
        if (m->kind != MENTION_AGENT || m->used)
            continue;
        /* "Prime Minister Haider al-Abadi", "le président Bachar al-Assad": a title before a
         * person the lexicon knows is that person's, whatever country was named last */
        if (i + 1 < s->n_m && s->m[i + 1].kind == MENTION_ACTOR && s->m[i + 1].person && s->m[i + 1].t0 == m->t1) {
            m->kind = -1;
            s->m[i + 1].t0 = m->t0;
            s->m[i + 1].actor.text = xt_span_text(a, s, m->t0, s->m[i + 1].t1);
            continue;
        }
        /* a run of agents joined by et / and / , */
        size_t last = i;
        while (last + 1 < s->n_m && s->m[last + 1].kind == MENTION_AGENT &&
               s->m[last + 1].t0 == s->m[last].t1 + 1 && is_joiner(&s->tok[s->m[last].t1]))
            last++;
        int ci = -1;
        size_t t_end = s->m[last].t1;
        mention *dem = NULL;
        if (last + 1 < s->n_m && s->m[last + 1].kind == MENTION_DEMONYM && s->m[last + 1].t0 == t_end)
            dem = &s->m[last + 1];
        else if (last + 1 < s->n_m &&
                 (s->m[last + 1].t0 == t_end + 1 ||
                  (s->m[last + 1].t0 == t_end + 2 && s->m[last + 1].kind == MENTION_ACTOR &&
                   (!strcmp(s->tok[t_end + 1].fold, "la") || !strcmp(s->tok[t_end + 1].fold, "l") ||
                    !strcmp(s->tok[t_end + 1].fold, "the")))) &&
                 (s->m[last + 1].country >= 0 || (s->m[last + 1].kind == MENTION_ACTOR && s->m[last + 1].actor.id)) &&
                 (s->m[last + 1].kind == MENTION_ACTOR || s->m[last + 1].kind == MENTION_PLACE) &&
                 (!strcmp(s->tok[t_end].fold, "de") || !strcmp(s->tok[t_end].fold, "du") ||
                  !strcmp(s->tok[t_end].fold, "d") || !strcmp(s->tok[t_end].fold, "of")))
            dem = &s->m[last + 1];
        /* "les leaders de la rébellion", "the head of the Council": an organisation's own
         * people are the organisation */
        if (dem && dem->kind == MENTION_ACTOR && dem->actor.id && dem->actor.kind && strcmp(dem->actor.kind, "state") &&
            !is_demonym_of(x, s, dem->t0, dem->country) && qp_lexicon_country(&x->lx, dem->actor.id) < 0) {
            for (size_t k = i; k <= last; k++)
                s->m[k].kind = -1;
            dem->t0 = m->t0;
            dem->actor.text = xt_span_text(a, s, dem->t0, dem->t1);
            i = last;
            continue;
        }
        if (dem) {
            ci = dem->country >= 0 ? dem->country : xt_mention_country(x, dem);
            if (ci < 0)
                dem = NULL;
        }
        if (dem) {
            /* "l'armée de la Syrie": the nationality is the country's */
        } else if (i > 0 && s->m[i - 1].kind == MENTION_DEMONYM && s->m[i - 1].t1 == m->t0)
            ci = s->m[i - 1].country; /* English order: "Iraqi forces" */
        else if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].country >= 0 &&
                 s->m[i - 1].t1 + 1 == m->t0 && !strcmp(s->tok[s->m[i - 1].t1].fold, "s"))
            ci = s->m[i - 1].country; /* "Syria's army" */
        else if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].t1 == m->t0 && lang == 1) {
            /* "U.S. forces", "coalition military forces": a state's agents, or the actor itself */
            mention *owner = &s->m[i - 1];
            if (owner->country >= 0 && owner->actor.kind && !strcmp(owner->actor.kind, "state")) {
                ci = owner->country;
            } else {
                for (size_t k = i; k <= last; k++)
                    s->m[k].kind = -1;
                owner->t1 = s->m[last].t1;
                owner->actor.text = xt_span_text(a, s, owner->t0, owner->t1);
                i = last;
                continue;
            }
            owner->kind = -1;
            m->t0 = owner->t0;
        }
        /* "les forces gouvernementales et paramilitaires irakiennes": the demonym closing the
         * coordinated actor qualifies this agent too */
        if (ci < 0 && last + 1 < s->n_m && s->m[last + 1].kind == MENTION_ACTOR && s->m[last + 1].t0 == t_end + 1 &&
            is_joiner(&s->tok[t_end])) {
            int cj = xt_mention_country(x, &s->m[last + 1]);
            if (cj >= 0 && is_demonym_of(x, s, s->m[last + 1].t1 - 1, cj))
                ci = cj;
        }
        int from_context = 0;
        /* "l'opposition", "the rebels" on their own: the article's country, not the last one named */
        if (ci < 0 && !x->lx.agents[m->agent].parent) {
            ci = focus;
            from_context = 1;
        }
        if (ci < 0) {
            /* a bare agent ("le régime", "l'artillerie") belongs to the country last named */
            for (size_t k = i; k-- > 0 && ci < 0;) {
                /* "U.S.-backed forces" are not the U.S.'s own */
                int backer = k + 1 < s->n_m && s->m[k + 1].kind == MENTION_ACTION &&
                             (s->tok[s->m[k + 1].t0].flags & QP_TOK_GLUED);
                /* "in Syria" says where, not whose; an NGO's or an agency's home ("the Syrian
                 * Observatory", based in Britain) is nobody's nationality */
                int body = s->m[k].kind == MENTION_ACTOR && xt_foreign_body(&s->m[k].actor);
                if (!is_country_place(&s->m[k]) && !backer && !body)
                    ci = xt_mention_country(x, &s->m[k]);
            }
            /* "Paris a condamné les frappes du régime contre la Ghouta": the régime of the
             * country where its deeds are told, not of the state that speaks of them */
            int named = ci;
            if (ci >= 0 && x->lx.agents[m->agent].kind && !strcmp(x->lx.agents[m->agent].kind, "government"))
                for (size_t k = 0; k < s->n_m; k++) {
                    const mention *p = &s->m[k];
                    int pc = p->kind == MENTION_PLACE && !is_country_place(p) ? xt_mention_country(x, p) : -1;
                    if (pc >= 0 && pc != named) {
                        ci = pc;
                        break;
                    }
                }
            if (ci < 0)
                ci = recent;
            /* "U.S. and coalition forces continued to attack … Aircraft conducted 23 strikes": the
             * forces the article has been telling of, before the country a place names */
            if (ci < 0 && carried && carried->id) {
                ci = carried->country ? qp_lexicon_country(&x->lx, carried->country) : -1;
                if (ci < 0) {
                    for (size_t k = i; k <= last; k++) {
                        s->m[k].kind = MENTION_ACTOR;
                        const char *text = xt_span_text(a, s, s->m[k].t0, s->m[k].t1);
                        s->m[k].actor = *carried;
                        s->m[k].actor.text = text;
                    }
                    i = last;
                    continue;
                }
            }
            /* nothing named yet: "En Syrie, le régime …" — the country of the place will do */
            for (size_t k = i; k-- > 0 && ci < 0;)
                if (!(s->m[k].kind == MENTION_ACTOR && xt_foreign_body(&s->m[k].actor)))
                    ci = xt_mention_country(x, &s->m[k]);
            if (ci < 0)
                ci = focus;
            from_context = 1;
        }
        for (size_t k = i; k <= last; k++) {
            mention *ag = &s->m[k];
            ag->kind = MENTION_ACTOR;
            if (ci < 0) {
                ag->kind = -1; /* nobody we can name */
                continue;
            }
            int r = xt_compose_agent(x, a, ag->agent, ci, &ag->actor);
            if (r)
                return r;
            ag->guessed = from_context;
            size_t t1 = dem && !from_context ? dem->t1 : ag->t1;
            ag->actor.text = xt_span_text(a, s, ag->t0, k == last ? t1 : ag->t1);
            if (k == last && dem && !from_context)
                ag->t1 = dem->t1;
        }
        if (dem && !from_context) {
            dem->used = 1;
            dem->kind = -1;
        }
        if (i > 0 && s->m[i - 1].kind == MENTION_DEMONYM && s->m[i - 1].t1 == m->t0 && !dem && !from_context) {
            s->m[i - 1].kind = -1;
            s->m[i].t0 = s->m[i - 1].t0;
            s->m[i].actor.text = xt_span_text(a, s, s->m[i].t0, s->m[i].t1);
        }
        if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].t1 + 1 == m->t0 && !dem && !from_context &&
            !strcmp(s->tok[s->m[i - 1].t1].fold, "s")) {
            s->m[i - 1].kind = -1;
            s->m[i].t0 = s->m[i - 1].t0; /* "in support of Iraq's government": one object */
            s->m[i].actor.text = xt_span_text(a, s, s->m[i].t0, s->m[i].t1);
        }
        i = last;
    }
    /* demonyms as nouns: "les Russes", "the Americans" */
    for (size_t i = 0; i < s->n_m; i++) {
        mention *m = &s->m[i];
        if (m->kind != MENTION_DEMONYM)
            continue;
        size_t t = m->t0;
        const char *prev = t > 0 ? s->tok[t - 1].fold : "";
        int plural = lang == 0 || s->tok[m->t1 - 1].fold[strlen(s->tok[m->t1 - 1].fold) - 1] == 's';
        int definite = !strcmp(prev, "les") || !strcmp(prev, "the");
        /* "des milliers de Syriens", "3.000 Syriens", "thousands of Syrians": people, not the state */
        int people = !strcmp(prev, "des") || !strcmp(prev, "de") || !strcmp(prev, "d") || !strcmp(prev, "of") ||
                     (t > 0 && (s->tok[t - 1].flags & QP_TOK_NUM));
        if (!(s->tok[t].flags & QP_TOK_CAP) || !plural || !(definite || people))
            continue;
        m->kind = MENTION_ACTOR;
        if (people) {
            const qp_lex_country *c = &x->lx.countries[m->country];
            m->actor = (qp_actor_ref){
                .id = qp_arena_printf(a, "%s-CIV", c->iso3),
                .label = qp_arena_printf(a, "%s civilians", c->dem_en ? c->dem_en : (c->label ? c->label : c->iso3)),
                .label_fr = qp_arena_printf(a, "civils (%s)", c->label_fr ? c->label_fr : c->iso3),
                .kind = "civilians", .country = c->iso3};
            if (!m->actor.id || !m->actor.label || !m->actor.label_fr)
                return QP_ENOMEM;
        } else {
            xt_actor_from_country(x, m->country, &m->actor);
        }
        m->actor.text = xt_span_text(a, s, m->t0, m->t1);
    }
    return 0;
}
