/* extract_roles.c — who does what to whom, read on the dependency parse: for each action
 * trigger of a sentence, its frame's roles (extract_frames.c) filled by the words that bear
 * them, through the mechanisms every frame shares — the voice, subjects shared across
 * coordinated verbs, controlled infinitives, relative clauses and participles, light verbs
 * that lend their subject to an event noun, appositions, symmetric nouns, coordination of
 * actors — then one event per actor and recipient, read as extract_acts.c says (negated,
 * hypothetical, reported, or coded as the act around it). */
#include "extract_roles.h"
#include "extract_acts.h"
#include "extract_entities.h"
#include "extract_event.h"
#include "extract_frames.h"
#include "extract_syntax.h"
#include "fold.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { XR_MAX = 8 };

/* Actors found for a role: each with the mention it came from (-1 when resolved from the
 * article: a pronoun, "le groupe") and the word that names it. */
typedef struct xr_args {
    qp_actor_ref a[XR_MAX];
    int m[XR_MAX];
    int word[XR_MAX];
    size_t n;
} xr_args;

static int is_noun_word(const xp_view *p, size_t i)
{
    return p->w[i].upos == QP_UPOS_NOUN || p->w[i].upos == QP_UPOS_PROPN;
}

static int is_verb_word(const xp_view *p, size_t i)
{
    return p->w[i].upos == QP_UPOS_VERB || p->w[i].upos == QP_UPOS_AUX;
}

static void args_push(xr_args *g, const qp_actor_ref *a, int m, int word)
{
    if (!a || !a->id || g->n >= XR_MAX)
        return;
    for (size_t k = 0; k < g->n; k++)
        if (g->a[k].id && !strcmp(g->a[k].id, a->id))
            return;
    g->a[g->n] = *a;
    g->m[g->n] = m;
    g->word[g->n] = word;
    g->n++;
}

/* The civilians the lexicon names, for the populated places and gatherings an assault falls
 * on ("les quartiers", "a market", "une manifestation"). 0 when the lexicon has none. */
static int civilians(const xr_ctx *c, qp_actor_ref *out)
{
    int ai = qp_lexicon_actor(&c->x->lx, "CIVILIANS");
    if (ai < 0)
        return 0;
    xt_actor_from_lexicon(c->x, ai, NULL, out);
    return 1;
}

/* The actor a mention stands for: an actor, or a demonym standing alone ("les Russes", "la
 * contestation syrienne"). */
static int mention_actor(const xr_ctx *c, int mi, qp_actor_ref *out)
{
    const mention *m = &c->s->m[mi];
    if (m->kind == MENTION_ACTOR && m->actor.id) {
        *out = m->actor;
        return 1;
    }
    if (m->kind == MENTION_DEMONYM && m->country >= 0) {
        const xp_view *p = c->p;
        int h = m->head;
        /* "Syrians across the country demanded": a plural nationality without an article is
         * its people; "les Russes", "the Americans" and the adjective ("la contestation
         * syrienne") stand for the state */
        if (h >= 0 && is_noun_word(p, (size_t)h) && xp_feat(p, (size_t)h, "Number=Plur") &&
            xp_child_u(p, (size_t)h, QP_DEP_DET) < 0) {
            const qp_lex_country *ct = &c->x->lx.countries[m->country];
            *out = (qp_actor_ref){.id = qp_arena_printf(c->st->arena, "%s-CIV", ct->iso3),
                                  .label = qp_arena_printf(c->st->arena, "%s civilians", ct->dem_en ? ct->dem_en : ct->iso3),
                                  .label_fr = qp_arena_printf(c->st->arena, "civils (%s)", ct->label_fr ? ct->label_fr : ct->iso3),
                                  .kind = "civilians", .country = ct->iso3};
        } else {
            xt_actor_from_country(c->x, m->country, out);
        }
        out->text = xt_span_text(c->st->arena, c->s, m->t0, m->t1);
        return out->id != NULL;
    }
    return 0;
}

/* The place a word names: its own place mention, or through a place noun ("la ville de Homs",
 * "the town of Rawah"); -1 when none. */
static int place_at(const xr_ctx *c, int w)
{
    const xp_view *p = c->p;
    int mi = p->mention[w];
    if (mi >= 0 && c->s->m[mi].kind == MENTION_PLACE)
        return mi;
    /* a country that acts is a place only where a preposition says so ("en Syrie", "in Iraq") */
    if (mi >= 0 && c->s->m[mi].is_place_too && xp_child_u(p, (size_t)w, QP_DEP_CASE) >= 0)
        return mi;
    if (!is_noun_word(p, (size_t)w) || mi >= 0)
        return -1;
    /* "la ville de Homs", "le barrage de Tabqa", "the Government Center in Ramadi": a place or a
     * site named by the place it is in */
    for (size_t k = 0; k < xp_kids(p, (size_t)w); k++) {
        int ch = xp_kid(p, (size_t)w, k);
        qp_deprel r = xp_rel(p, (size_t)ch);
        if (r != QP_DEP_NMOD && r != QP_DEP_APPOS && r != QP_DEP_FLAT && r != QP_DEP_COMPOUND)
            continue;
        int pm = p->mention[ch];
        if (pm >= 0 && c->s->m[pm].kind == MENTION_PLACE)
            return pm;
    }
    return -1;
}

static void actors_at(const xr_ctx *c, int w, xr_args *g, int depth);

/* Whether word w is a place by name: a place itself, or a site that a place's name completes
 * ("le village de Husseiniyé", "Ramadi's Government Center"), not one a place locates ("un
 * marché à Idleb", "a market in Idlib" is people somewhere). */
static int named_place(const xr_ctx *c, int w)
{
    const xp_view *p = c->p;
    int pm = place_at(c, w);
    if (pm < 0)
        return 0;
    if (p->mention[w] >= 0)
        return 1;
    for (size_t k = 0; k < xp_kids(p, (size_t)w); k++) {
        int ch = xp_kid(p, (size_t)w, k);
        if (p->mention[ch] != pm)
            continue;
        char cs[32];
        xp_case_of(p, (size_t)ch, cs, sizeof cs);
        return !cs[0] || !strcmp(cs, "de") || !strcmp(cs, "d") || !strcmp(cs, "du") || !strcmp(cs, "des") ||
               !strcmp(cs, "of");
    }
    return 1;
}

/* Children through which a noun that names no actor leads to one: "les combattants de l'EI",
 * "one of the rebels", "Assad's forces", "US troops". Not "the attack on X": only membership. */
static int through_modifiers(const xr_ctx *c, int w, xr_args *g, int depth)
{
    const xp_view *p = c->p;
    static const qp_deprel via[] = {QP_DEP_NMOD, QP_DEP_COMPOUND, QP_DEP_AMOD, QP_DEP_FLAT, QP_DEP_APPOS};
    static const char *const member[] = {"de", "du", "des", "d", "of", "among", "parmi", "d entre"};
    size_t before = g->n;
    for (size_t v = 0; v < QP_ARRAY_LEN(via) && g->n == before; v++)
        for (size_t k = 0; k < xp_kids(p, (size_t)w) && g->n == before; k++) {
            int ch = xp_kid(p, (size_t)w, k);
            if (xp_rel(p, (size_t)ch) != via[v])
                continue;
            if (via[v] == QP_DEP_NMOD) {
                char cs[64];
                xp_case_of(p, (size_t)ch, cs, sizeof cs);
                int of = !cs[0];
                for (size_t q = 0; q < QP_ARRAY_LEN(member) && !of; q++)
                    of = !strcmp(cs, member[q]);
                if (!of)
                    continue;
            }
            actors_at(c, ch, g, depth + 1);
        }
    return g->n > before;
}

/* The actors word w names, with those coordinated with it ("la Russie et l'Iran"). */
/* "ISIS-held buildings", "rebel-held areas", "quartiers tenus par les rebelles", "areas controlled
 * by ISIS": what a participle of holding says is held stands for whoever holds it, its agent or
 * the actor written onto it. Whether any was found. */
static int held_by(const xr_ctx *c, int w, xr_args *g, int depth)
{
    const xp_view *p = c->p;
    size_t before = g->n;
    for (size_t k = 0; k < xp_kids(p, (size_t)w) && g->n == before; k++) {
        int h = xp_kid(p, (size_t)w, k);
        qp_deprel r = xp_rel(p, (size_t)h);
        if ((r != QP_DEP_AMOD && r != QP_DEP_ACL) || !(p->cls[h] & QP_WC_HOLDING) || !xp_feat(p, (size_t)h, "VerbForm=Part"))
            continue;
        for (size_t q = 0; q < xp_kids(p, (size_t)h) && g->n == before; q++) {
            int a = xp_kid(p, (size_t)h, q);
            char cs[16];
            xp_case_of(p, (size_t)a, cs, sizeof cs);
            if (p->w[a].deprel == QP_DEP_OBL_AGENT || p->w[a].deprel == QP_DEP_OBL_UNMARKED ||
                (xp_rel(p, (size_t)a) == QP_DEP_OBL && (!strcmp(cs, "by") || !strcmp(cs, "par"))))
                actors_at(c, a, g, depth + 1);
        }
        if (g->n == before && h >= 2 && !strcmp(p->w[h - 1].form, "-") && p->mention[h - 2] >= 0)
            actors_at(c, h - 2, g, depth + 1); /* "ISIS-held", however the parser hung the pieces */
    }
    return g->n > before;
}

static void actors_at(const xr_ctx *c, int w, xr_args *g, int depth)
{
    const xp_view *p = c->p;
    if (w < 0 || (size_t)w >= p->n || depth > 4)
        return;
    qp_actor_ref a;
    uint32_t cls = p->cls[w];
    int mi = p->mention[w];
    if (mi >= 0 && c->s->m[mi].n_group > 0) {
        /* "ces trois pays", "the two countries": the states named just before */
        for (int k = 0; k < c->s->m[mi].n_group; k++)
            args_push(g, &c->s->m[mi].group[k], mi, w);
    } else if (mi >= 0 && mention_actor(c, mi, &a)) {
        args_push(g, &a, mi, w);
    } else if ((cls & QP_WC_RELATIVE) && p->w[w].upos == QP_UPOS_PRON) {
        /* "les avions qui ont bombardé": the antecedent, head of the relative clause's verb */
        int verb = p->w[w].head;
        if (verb >= 0 && p->w[verb].deprel == QP_DEP_ACL_RELCL && p->w[verb].head >= 0)
            actors_at(c, p->w[verb].head, g, depth + 1);
    } else if (p->w[w].upos == QP_UPOS_PRON || p->w[w].upos == QP_UPOS_DET ||
               (cls & (QP_WC_PRONOUN_SG | QP_WC_PRONOUN_PL | QP_WC_SPEAKER))) {
        if (xn_resolve_pronoun(c, w, &a))
            args_push(g, &a, -1, w);
    } else if (mi < 0 && held_by(c, w, g, depth)) {
        /* held: whoever holds it, populated or not */
    } else if ((cls & QP_WC_POPULATED) && !named_place(c, w)) {
        /* "les quartiers", "a market", "la manifestation": the people there */
        if (civilians(c, &a)) {
            a.text = qp_arena_strndup(c->st->arena, c->s->text + p->w[w].start, p->w[w].end - p->w[w].start);
            args_push(g, &a, -1, w);
        }
    } else if (!through_modifiers(c, w, g, depth) && (cls & QP_WC_GROUP_NOUN) && xn_resolve_group(c, w, &a)) {
        args_push(g, &a, -1, w); /* "le groupe", "the regime": the one the article spoke of */
    }
    /* "la Russie est l'un des rares pays appuyant…": a noun said of a subject stands for it */
    if (g->n == 0 && depth < 3) {
        int at = w;
        if (xp_rel(p, (size_t)at) == QP_DEP_NMOD && p->w[at].head >= 0)
            at = p->w[at].head; /* "l'un des pays" */
        if (xp_child(p, (size_t)at, QP_DEP_COP) >= 0) {
            int sj = xp_child_u(p, (size_t)at, QP_DEP_NSUBJ);
            if (sj >= 0 && sj != w)
                actors_at(c, sj, g, depth + 1);
        }
    }
    /* coordinated actors act alike; so do coordinated adjectives that each name one ("les forces
     * gouvernementales et paramilitaires irakiennes": the army and the PMF) */
    for (size_t k = 0; k < xp_kids(p, (size_t)w); k++) {
        int ch = xp_kid(p, (size_t)w, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_CONJ) {
            actors_at(c, ch, g, depth + 1);
        } else if (xp_rel(p, (size_t)ch) == QP_DEP_AMOD && mi >= 0) {
            for (size_t q = 0; q < xp_kids(p, (size_t)ch); q++) {
                int cj = xp_kid(p, (size_t)ch, q);
                int cm = p->mention[cj];
                if (xp_rel(p, (size_t)cj) == QP_DEP_CONJ && cm >= 0 && cm != mi && mention_actor(c, cm, &a))
                    args_push(g, &a, cm, cj);
            }
        }
    }
}

/* "Thousands of students demonstrated in Baghdad": a past form the parser took for a participle
 * qualifying the sentence's only noun phrase, when the sentence has no verb of its own: the
 * main verb it missed. */
static int main_verb_missed(const xp_view *p, size_t v, int lang)
{
    int h = p->w[v].head;
    /* English only: a French participle is spelt apart from its past; and never after a comma,
     * which sets a participle off ("The SDF, backed by…") */
    if (lang != QP_LANG_EN || xp_rel(p, v) != QP_DEP_ACL || h < 0 || p->w[h].head >= 0 ||
        !is_noun_word(p, (size_t)h) || (v > 0 && !strcmp(p->w[v - 1].form, ",")))
        return 0;
    for (size_t i = 0; i < p->n; i++)
        if (i != v && p->w[i].upos == QP_UPOS_VERB && xp_feat(p, i, "VerbForm=Fin"))
            return 0;
    return 1;
}

/* Whether verb v is in the passive: a passive auxiliary or subject (not of a pronominal verb:
 * "se sont emparés" is active), or a past participle without an auxiliary that qualifies a
 * noun or names its agent ("les rebelles soutenus par Ankara", "US-backed forces"). A
 * participle with an object of its own is active ("forces, having attacked the town"). */
static int passive(const xp_view *p, size_t v, int lang)
{
    if (xp_child(p, v, QP_DEP_EXPL_PV) >= 0 || xp_child(p, v, QP_DEP_OBJ) >= 0)
        return 0;
    for (size_t k = 0; k < xp_kids(p, v); k++) { /* a reflexive "se", however labelled */
        int ch = xp_kid(p, v, k);
        if (p->w[ch].upos == QP_UPOS_PRON && xp_feat(p, (size_t)ch, "Reflex=Yes"))
            return 0;
    }
    if (xp_child(p, v, QP_DEP_AUX_PASS) >= 0 || xp_child(p, v, QP_DEP_NSUBJ_PASS) >= 0 ||
        xp_child(p, v, QP_DEP_EXPL_PASS) >= 0)
        return 1;
    if (!xp_feat(p, v, "VerbForm=Part") || xp_feat(p, v, "Tense=Pres") || xp_child_u(p, v, QP_DEP_AUX) >= 0)
        return 0;
    if (xp_child(p, v, QP_DEP_OBL_AGENT) >= 0)
        return 1;
    qp_deprel r = xp_rel(p, v);
    return (r == QP_DEP_ACL || r == QP_DEP_AMOD || r == QP_DEP_ADVCL) && xp_child_u(p, v, QP_DEP_NSUBJ) < 0 &&
           p->w[v].deprel != QP_DEP_ACL_RELCL && !main_verb_missed(p, v, lang);
}

/* The word whose subject verb v shares when it has none of its own: the first of coordinated
 * verbs ("a bombardé puis repris"), the verb that controls an infinitive ("a décidé
 * d'attaquer": its subject; "ordered the army to attack": its object), the noun a participial
 * clause qualifies, the main clause of an adverbial participle ("attacking the town, the
 * rebels…"). Returns the word the subject is looked for at and sets *as_actor when that word
 * is itself the subject (a noun qualified by the clause); -1 when none. */
static int shared_subject(const xp_view *p, size_t v, int *as_actor)
{
    *as_actor = 0;
    for (int steps = 0; steps < 6; steps++) {
        int h = p->w[v].head;
        if (h < 0)
            return -1;
        switch (xp_rel(p, v)) {
        case QP_DEP_CONJ:
            if (!is_verb_word(p, (size_t)h))
                return -1;
            if (xp_child_u(p, (size_t)h, QP_DEP_NSUBJ) >= 0)
                return h;
            v = (size_t)h;
            continue;
        case QP_DEP_XCOMP: {
            /* object control: "ordered / urged / asked the army to attack" */
            int o = xp_child(p, (size_t)h, QP_DEP_OBJ);
            if (o < 0)
                o = xp_child(p, (size_t)h, QP_DEP_IOBJ);
            if (o >= 0 && (p->cls[h] & QP_WC_INTENT) && xp_feat(p, v, "VerbForm=Inf")) {
                *as_actor = 1;
                return o;
            }
            if (xp_child_u(p, (size_t)h, QP_DEP_NSUBJ) >= 0)
                return h;
            v = (size_t)h;
            continue;
        }
        case QP_DEP_ACL:
            if (p->w[v].deprel == QP_DEP_ACL_RELCL)
                return -1;
            if (xp_feat(p, v, "VerbForm=Inf") && xp_child(p, v, QP_DEP_MARK) >= 0) {
                /* "sa décision d'imposer", "its plan to strike": whose the decision is, else
                 * who announced or took it */
                for (size_t k = 0; k < xp_kids(p, (size_t)h); k++) {
                    int o = xp_kid(p, (size_t)h, k);
                    if (p->w[o].deprel == QP_DEP_NMOD_POSS || (xp_rel(p, (size_t)o) == QP_DEP_DET && xp_feat(p, (size_t)o, "Poss=Yes"))) {
                        *as_actor = 1;
                        return o;
                    }
                }
                int g = p->w[h].head;
                if (g >= 0 && xp_rel(p, (size_t)h) == QP_DEP_OBJ && xp_child_u(p, (size_t)g, QP_DEP_NSUBJ) >= 0)
                    return g;
            }
            *as_actor = 1; /* "forces attacking the town": the noun acts */
            return h;
        case QP_DEP_ADVCL:
            if (xp_child(p, v, QP_DEP_MARK) >= 0 && !xp_feat(p, v, "VerbForm=Inf") && !xp_feat(p, v, "VerbForm=Ger") &&
                !xp_feat(p, v, "VerbForm=Part"))
                return -1; /* a finite clause of its own ("after the army withdrew") */
            if (xp_feat(p, v, "VerbForm=Inf") && (p->cls[h] & QP_WC_INTENT)) {
                /* "called on Russia to stop", "urged the rebels to": whom the demand is on */
                for (size_t k = 0; k < xp_kids(p, (size_t)h); k++) {
                    int o = xp_kid(p, (size_t)h, k);
                    qp_deprel ro = xp_rel(p, (size_t)o);
                    if ((ro == QP_DEP_OBJ || ro == QP_DEP_IOBJ || ro == QP_DEP_OBL) && o < (int)v && is_noun_word(p, (size_t)o)) {
                        *as_actor = 1;
                        return o;
                    }
                }
            }
            if (xp_child_u(p, (size_t)h, QP_DEP_NSUBJ) >= 0)
                return h;
            v = (size_t)h;
            continue;
        default:
            return -1;
        }
    }
    return -1;
}

/* The subject of verb v, in the active: its own (every nsubj the parser gave it: a
 * coordination it did not see is still one), else the one it shares. */
static void subject_of(const xr_ctx *c, size_t v, xr_args *g)
{
    const xp_view *p = c->p;
    int inv = xp_inverted_speaker(p, v);
    if (inv >= 0) {
        actors_at(c, inv, g, 0);
        return;
    }
    int own = 0, pronominal = !passive(p, v, c->s->lang) && xp_child(p, v, QP_DEP_NSUBJ_PASS) >= 0;
    for (size_t k = 0; k < xp_kids(p, v); k++) {
        int ch = xp_kid(p, v, k);
        /* "les forces se sont emparées": the subject a pronominal verb's "être" misled the parser on */
        if (xp_rel(p, (size_t)ch) == QP_DEP_NSUBJ && (p->w[ch].deprel != QP_DEP_NSUBJ_PASS || pronominal)) {
            actors_at(c, ch, g, 0);
            own = 1;
        }
    }
    if (own || p->w[v].deprel == QP_DEP_ACL_RELCL)
        return; /* a relative clause's subject is its relative pronoun, or it has none */
    int as_actor, h = shared_subject(p, v, &as_actor);
    if (h < 0)
        return;
    if (as_actor)
        actors_at(c, h, g, 0);
    else if (!passive(p, (size_t)h, c->s->lang))
        subject_of(c, (size_t)h, g);
}

/* "… a estimé qu'une ligne rouge avait été franchie et accusé le président": a verb coordinated
 * with, or set after, a clause the parser hung it from wrongly, with no subject of its own,
 * takes that of the nearest verb before it that has one — but not across a relative clause or
 * a clause of saying, which have subjects of their own. */
static void earlier_subject(const xr_ctx *c, size_t t, xr_args *g)
{
    const xp_view *p = c->p;
    qp_deprel r = xp_rel(p, t);
    if (r != QP_DEP_CONJ && r != QP_DEP_ADVCL && r != QP_DEP_PARATAXIS && r != QP_DEP_ROOT)
        return;
    if (xp_feat(p, t, "VerbForm=Inf") || p->w[t].deprel == QP_DEP_ACL_RELCL)
        return;
    for (size_t v = t; v-- > 0;) {
        if (p->w[v].upos != QP_UPOS_VERB || p->w[v].deprel == QP_DEP_ACL_RELCL)
            continue;
        int sj = xp_child(p, v, QP_DEP_NSUBJ);
        if (sj < 0 || (size_t)sj > t)
            continue;
        actors_at(c, sj, g, 0);
        return;
    }
}

/* Whether word h lends its subject to the event noun it takes: a light verb of the lexicon
 * ("lancer", "carry out"), a verb of expressing or giving ("manifester son soutien", "provide
 * support"), an aspect ("poursuivre la répression", "halt aid"), an intent ("plan an
 * offensive"). *light is the light verb's entry when it is one, else NULL. */
static int lends_subject(const xr_ctx *c, size_t h, const qp_lex_action **light)
{
    const xp_view *p = c->p;
    *light = NULL;
    int tm = p->trigger[h];
    if (tm >= 0) {
        const mention *m = &c->s->m[tm];
        for (int k = 0; k < m->n_readings; k++) {
            const qp_lex_action *a = &c->x->lx.actions[m->actions[k]];
            if (a->light) {
                *light = a;
                return 1;
            }
        }
    }
    return is_verb_word(p, h) &&
           (p->cls[h] & (QP_WC_SUPPORT_VERB | QP_WC_ASPECT_GO | QP_WC_ASPECT_STOP | QP_WC_INTENT | QP_WC_IMPLICATIVE));
}

/* "un train de sanctions", "a wave of strikes", "une série de raids": the noun that counts the
 * deeds event noun n names (a noun that is no actor, no place and no event, with n for its
 * "de"/"of" complement), -1 when none. Its complements are the deeds' ("a wave of strikes on
 * rebel positions"). */
static int counting_noun(const xr_ctx *c, size_t n)
{
    const xp_view *p = c->p;
    int h = p->w[n].head;
    char cs[16];
    if (h < 0 || xp_rel(p, n) != QP_DEP_NMOD || !is_noun_word(p, (size_t)h) || p->mention[h] >= 0 ||
        p->trigger[h] >= 0 || place_at(c, h) >= 0)
        return -1;
    xp_case_of(p, n, cs, sizeof cs);
    return !strcmp(cs, "de") || !strcmp(cs, "d") || !strcmp(cs, "of") ? h : -1;
}

/* Whether verb v reads as the same kind of deed (the same code) as event noun n. */
static int same_deed(const xr_ctx *c, size_t v, size_t n)
{
    const xp_view *p = c->p;
    if (p->trigger[v] < 0 || p->trigger[n] < 0 || !is_verb_word(p, v))
        return 0;
    const mention *mv = &c->s->m[p->trigger[v]], *mn = &c->s->m[p->trigger[n]];
    for (int i = 0; i < mv->n_readings; i++)
        for (int j = 0; j < mn->n_readings; j++) {
            const char *a = c->x->lx.actions[mv->actions[i]].code, *b = c->x->lx.actions[mn->actions[j]].code;
            if (a && b && !strcmp(a, b))
                return 1;
        }
    return 0;
}

/* The verb that lends its subject to event noun n ("X a lancé une offensive", "X provided
 * support", "procéder à des frappes", "announced the start of a campaign"), -1 when none. */
static int light_verb(const xr_ctx *c, size_t n, const qp_lex_action **light)
{
    const xp_view *p = c->p;
    size_t at = n;
    *light = NULL;
    for (int steps = 0; steps < 3; steps++) {
        int h = p->w[at].head;
        if (h < 0)
            return -1;
        qp_deprel r = xp_rel(p, at);
        if (r != QP_DEP_OBJ && r != QP_DEP_OBL && r != QP_DEP_NMOD && r != QP_DEP_NSUBJ)
            return -1;
        if (r != QP_DEP_NMOD && lends_subject(c, (size_t)h, light)) {
            /* "participated in these strikes", "participer aux combats": a verb of taking part
             * lends its subject through its oblique too; others through their object */
            if (r == QP_DEP_OBL && !*light && !(p->cls[h] & QP_WC_SUPPORT_VERB))
                return -1;
            return h;
        }
        /* "tirer des roquettes sur X", "launch strikes on X": a verb of the same deed as the
         * noun it takes is one event with it */
        if (r == QP_DEP_OBJ && same_deed(c, (size_t)h, n))
            return h;
        /* "the start of a campaign", "la poursuite des bombardements": through the aspect;
         * "un train de sanctions", "a wave of strikes": through a noun that counts the deeds */
        if (r == QP_DEP_NMOD && ((p->cls[h] & (QP_WC_ASPECT_GO | QP_WC_ASPECT_STOP)) || counting_noun(c, at) == h)) {
            at = (size_t)h;
            continue;
        }
        return -1;
    }
    return -1;
}

/* The reading of trigger mention tm that fits its word's part of speech: a verb reading on a
 * verb (or on an adjective that is a past participle), a noun reading on a noun; light verbs
 * only when nothing else fits. -1 when none fits ("un conflit armé" arms no one). With
 * as_noun, noun readings only (a participle the parser read for a noun: "allié"). */
/* "les marchés" are not "les marches": a one-word entry whose lemma folds as the word's lemma
 * but ends with other accents is another word. Only where the parser's lemma is known. */
static int accent_homograph(const xr_ctx *c, size_t w, const qp_lex_action *a)
{
    const char *lw = c->p->w[w].lemma;
    if (!lw || !strcmp(lw, "_") || !a->lemma || strchr(a->lemma, ' ') || strchr(a->lemma, '\''))
        return 0;
    char fl[128], fa[128];
    int nl = qp_fold_token(lw, strlen(lw), fl, sizeof fl), na = qp_fold_token(a->lemma, strlen(a->lemma), fa, sizeof fa);
    if (nl <= 0 || na <= 0 || strcmp(fl, fa))
        return 0;
    if (!strcasecmp(lw, a->lemma) || strlen(lw) == strlen(fl))
        return 0; /* the same word, or one without accents to tell */
    /* a final accent tells the word ("marché", "armé"); one inside the stem is the lemmatiser's
     * guess for a form it did not know ("assiègent" → "assièger") */
    size_t k = 0;
    while (lw[k] && lw[k] == a->lemma[k])
        k++;
    return strlen(lw + k) <= 3 && strlen(a->lemma + k) <= 3;
}

static int fitting_reading(const xr_ctx *c, const mention *tm, size_t w, int as_noun)
{
    const xp_view *p = c->p;
    int verb = !as_noun && is_verb_word(p, w), noun = as_noun || is_noun_word(p, w);
    int adj_part = !as_noun && p->w[w].upos == QP_UPOS_ADJ;
    int best = -1;
    for (int k = 0; k < tm->n_readings; k++) {
        const qp_lex_action *a = &c->x->lx.actions[tm->actions[k]];
        int is_noun = a->pos && !strcmp(a->pos, "noun");
        int fits = is_noun ? noun : (verb || (adj_part && tm->tags[k] == TAG_PPAS));
        if (!fits || accent_homograph(c, w, a))
            continue;
        if (best < 0 || (c->x->lx.actions[tm->actions[best]].light && !a->light))
            best = k;
    }
    return best;
}

/* The children of trigger t that fill a role: those of the trigger word, and for a multiword
 * trigger those of its other words too ("took control of it": "of it" hangs from "control"). */
static size_t fill(const xr_ctx *c, const xfr_frame *f, int role, size_t t, const mention *tm,
                   const qp_lex_action *act, int *out, size_t cap)
{
    const xp_view *p = c->p;
    size_t n = xfr_fill(f, role, p, t, act, out, cap);
    for (size_t i = 0; i < p->n && n < cap; i++) {
        if (i == t || p->w[i].token < tm->t0 || p->w[i].token >= tm->t1 || p->w[i].head != (int)t)
            continue;
        int more[XR_MAX];
        size_t nm = xfr_fill(f, role, p, i, act, more, XR_MAX);
        for (size_t k = 0; k < nm && n < cap; k++)
            if (p->w[more[k]].token < tm->t0 || p->w[more[k]].token >= tm->t1)
                out[n++] = more[k];
    }
    return n;
}

/* Whether trigger t's object is a document ("signé un accord", "signed a treaty"). */
static int document_object(const xp_view *p, size_t t)
{
    int o = xp_child(p, t, QP_DEP_OBJ);
    return o >= 0 && (p->cls[o] & QP_WC_DOCUMENT);
}

/* Whether verb v has a reflexive clitic ("se livrent"). */
static int reflexive(const xp_view *p, size_t v)
{
    for (size_t k = 0; k < xp_kids(p, v); k++) {
        int ch = xp_kid(p, v, k);
        if (p->w[ch].upos == QP_UPOS_PRON && xp_feat(p, (size_t)ch, "Reflex=Yes"))
            return 1;
    }
    return 0;
}

/* Whether verb v has a noun or a pronoun for its object (not an adverb the parser took for one:
 * "se sont affrontés près de la frontière"). */
static int nominal_object(const xp_view *p, size_t v)
{
    int o = xp_child(p, v, QP_DEP_OBJ);
    return o >= 0 && (p->w[o].upos == QP_UPOS_NOUN || p->w[o].upos == QP_UPOS_PROPN || p->w[o].upos == QP_UPOS_PRON);
}

/* Symmetric events ("affrontements entre l'armée et les rebelles", "X and Y clashed", "X
 * clashed with Y"): both sides act on each other. Fills the two sides; 1 when found. */
static int symmetric_sides(const xr_ctx *c, size_t t, const mention *tm, const xfr_frame *sym,
                           const qp_lex_action *act, xr_args *a, xr_args *b)
{
    const xp_view *p = c->p;
    int kids[XR_MAX];
    size_t n = sym ? fill(c, sym, XFR_SIDES, t, tm, act, kids, XR_MAX) : 0;
    xr_args all = {.n = 0};
    for (size_t k = 0; k < n; k++)
        actors_at(c, kids[k], &all, 0);
    if (all.n < 2 && sym) {
        /* "des combats avaient lieu entre rebelles et soldats": the sides hang from the verb */
        int h = p->w[t].head;
        if (h >= 0 && is_verb_word(p, (size_t)h) && (xp_rel(p, t) == QP_DEP_NSUBJ || xp_rel(p, t) == QP_DEP_OBJ)) {
            n = xfr_fill(sym, XFR_SIDES, p, (size_t)h, act, kids, XR_MAX);
            for (size_t k = 0; k < n; k++)
                actors_at(c, kids[k], &all, 0);
        }
    }
    if (all.n < 2 && is_verb_word(p, t) && !passive(p, t, c->s->lang) && !nominal_object(p, t))
        subject_of(c, t, &all); /* "X et Y s'affrontent"; "X and Y fought ISIS" fight together */
    if (all.n < 2 && !is_verb_word(p, t)) {
        /* "soldats et rebelles se livrent combat", "X and Y engaged in fighting" */
        const qp_lex_action *light;
        int lv = light_verb(c, t, &light);
        /* "se livrent combat", "engaged in fighting": sides; but "X et Y ont lancé la bataille",
         * "waged war on": a deed they launch together */
        if (lv >= 0 && !passive(p, (size_t)lv, c->s->lang) && (!light || reflexive(p, (size_t)lv))) {
            all.n = 0;
            subject_of(c, (size_t)lv, &all);
        }
    }
    if (all.n >= 2) {
        args_push(a, &all.a[0], all.m[0], all.word[0]);
        for (size_t k = 1; k < all.n; k++)
            args_push(b, &all.a[k], all.m[k], all.word[k]);
        return 1;
    }
    if (all.n == 1 && sym) { /* "X clashed with Y", "clashes with Y" */
        n = fill(c, sym, XFR_RECIPIENT, t, tm, act, kids, XR_MAX);
        xr_args other = {.n = 0};
        for (size_t k = 0; k < n; k++)
            actors_at(c, kids[k], &other, 0);
        if (other.n) {
            *a = all;
            *b = other;
            return 1;
        }
    }
    return 0;
}

/* The place among words (a frame's place or object role), -1 when none. */
static int place_among(const xr_ctx *c, const int *words, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        int pm = place_at(c, words[k]);
        if (pm >= 0)
            return pm;
    }
    return -1;
}

/* Drops from g the actors that are places only ("reprendre Raqqa": Raqqa is where, not whom). */
static void drop_places(const xr_ctx *c, xr_args *g)
{
    size_t j = 0;
    for (size_t k = 0; k < g->n; k++) {
        int mi = g->m[k];
        if (mi >= 0 && c->s->m[mi].kind == MENTION_PLACE)
            continue;
        g->a[j] = g->a[k], g->m[j] = g->m[k], g->word[j] = g->word[k];
        j++;
    }
    g->n = j;
}

/* The subject of the clause a demand, a threat or a refusal is about ("appelé à ce que les
 * rebelles respectent", "demanded that Russia withdraw"): whom the act is aimed at when the
 * frame names no one. */
static void content_subject(const xr_ctx *c, size_t t, xr_args *g)
{
    const xp_view *p = c->p;
    for (size_t k = 0; k < xp_kids(p, t) && !g->n; k++) {
        int ch = xp_kid(p, t, k);
        qp_deprel r = xp_rel(p, (size_t)ch);
        if ((r == QP_DEP_CCOMP || r == QP_DEP_XCOMP) && is_verb_word(p, (size_t)ch)) {
            if (!passive(p, (size_t)ch, c->s->lang))
                subject_of(c, (size_t)ch, g);
        } else if (r == QP_DEP_OBL || r == QP_DEP_OBJ) {
            /* "à ce que X …": the clause hangs from the pronoun */
            for (size_t q = 0; q < xp_kids(p, (size_t)ch) && !g->n; q++) {
                int cl = xp_kid(p, (size_t)ch, q);
                if (xp_rel(p, (size_t)cl) == QP_DEP_ACL && p->w[cl].deprel != QP_DEP_ACL_RELCL &&
                    is_verb_word(p, (size_t)cl))
                    subject_of(c, (size_t)cl, g);
            }
        }
    }
}

/* Acts on a document are acts toward its author: backing a plan or a resolution is words
 * (SUPPORT), and whose it is is the author named ("le plan de l'ONU") or the one the class
 * gives ("a resolution" is the UN's). Sets *to_words for an AID on a document; fills g with
 * the author. 1 when word w is a document. */
static int document_author(const xr_ctx *c, int w, xr_args *g)
{
    const xp_view *p = c->p;
    if (!(p->cls[w] & QP_WC_DOCUMENT))
        return 0;
    for (size_t k = 0; k < xp_kids(p, (size_t)w) && !g->n; k++) {
        int ch = xp_kid(p, (size_t)w, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_NMOD || p->w[ch].deprel == QP_DEP_NMOD_POSS)
            actors_at(c, ch, g, 1);
    }
    const char *author = g->n ? NULL : qp_classes_author(&c->x->lx.classes[c->s->lang], p->fold[w], strlen(p->fold[w]));
    int ai = author ? qp_lexicon_actor(&c->x->lx, author) : -1;
    if (ai >= 0) {
        qp_actor_ref a;
        xt_actor_from_lexicon(c->x, ai, NULL, &a);
        a.text = qp_arena_strndup(c->st->arena, c->s->text + p->w[w].start, p->w[w].end - p->w[w].start);
        args_push(g, &a, -1, w);
    }
    return 1;
}

/* The events of one trigger, read as a noun when as_noun. */
/* Whether an act judges or looks into a deed, whose doer it is then aimed at: condemning,
 * praising, investigating. */
static int judges_deeds(const qp_lex_action *act)
{
    return act->code && (!strcmp(act->code, "ACCUSE") || !strcmp(act->code, "SUPPORT") ||
                         !strcmp(act->code, "INVESTIGATE"));
}

/* "L'armée a bombardé Idleb. Paris a condamné ces frappes", "France condemned the attack": an
 * event noun with a definite or demonstrative determiner and no doer of its own is the deed of
 * that kind the article told last (this sentence or the three before); its doer is pushed on g. */
static void deed_told_before(const xr_ctx *c, int w, xr_args *g, const xr_args *not_by)
{
    const xp_view *p = c->p;
    if (p->trigger[w] < 0 || !is_noun_word(p, (size_t)w))
        return;
    int det = 0;
    for (size_t k = 0; k < xp_kids(p, (size_t)w) && !det; k++) {
        int ch = xp_kid(p, (size_t)w, k);
        det = xp_rel(p, (size_t)ch) == QP_DEP_DET &&
              (xp_feat(p, (size_t)ch, "PronType=Dem") || xp_feat(p, (size_t)ch, "Definite=Def"));
    }
    const mention *m = &c->s->m[p->trigger[w]];
    if (!det || m->n_readings < 1)
        return;
    /* "les attaques contre les civils": a deed with a complement is that deed only where the
     * one told before was done to whom the complement names */
    xr_args whom = {.n = 0};
    for (size_t k = 0; k < xp_kids(p, (size_t)w); k++) {
        int ch = xp_kid(p, (size_t)w, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_NMOD)
            actors_at(c, ch, &whom, 0);
    }
    const char *code = c->x->lx.actions[m->actions[0]].code;
    const doc_state *st = c->st;
    for (size_t i = st->n_events; code && i-- > 0;) {
        const qp_event *e = &st->events[i];
        if (e->sentence + 3 < c->s->index)
            break;
        int fits = !whom.n;
        for (size_t k = 0; k < whom.n && !fits; k++)
            fits = e->actor2.id && whom.a[k].id && !strcmp(e->actor2.id, whom.a[k].id);
        for (size_t k = 0; fits && not_by && k < not_by->n; k++)
            fits = !not_by->a[k].id || !e->actor1.id || strcmp(not_by->a[k].id, e->actor1.id);
        if (fits && !strcmp(e->action, code) && e->actor1.id && !(e->flags & QP_EVENT_HIDDEN)) {
            args_push(g, &e->actor1, -1, w);
            return;
        }
    }
}

/* "fired rockets at Israel", "a tiré sur la Turquie": a country the tagger read as a place,
 * introduced by one of the entry's own prepositions (which never include "in"), is the state
 * aimed at; pushed on g. */
static void country_aimed_at(const xr_ctx *c, const qp_lex_action *act, int w, xr_args *g)
{
    const xp_view *p = c->p;
    int mi = p->mention[w];
    if (mi < 0 || !is_country_place(&c->s->m[mi]) || !act->n_preps)
        return;
    char cs[32];
    xp_case_of(p, (size_t)w, cs, sizeof cs);
    for (size_t k = 0; k < act->n_preps; k++)
        if (cs[0] && !strcmp(cs, act->preps[k])) {
            int ci = xt_mention_country(c->x, &c->s->m[mi]);
            qp_actor_ref a;
            if (ci < 0)
                return;
            xt_actor_from_country(c->x, ci, &a);
            a.text = xt_span_text(c->st->arena, c->s, c->s->m[mi].t0, c->s->m[mi].t1);
            if (a.id)
                args_push(g, &a, -1, w); /* not the place mention: places are dropped from roles */
            return;
        }
}

/* Whether actor ids a and b are one side: the same, or one a branch of the other ("FRA" and
 * "FRA-GOV"; a state's bodies are one side too, below): "le ministre doit se rendre à Moscou, a
 * indiqué Paris" is a plan, not a demand. */
static int one_side(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb) {
        const char *x = a;
        a = b, b = x, la = lb;
    }
    return !strncmp(a, b, la) && (b[la] == '\0' || b[la] == '-');
}

/* Whether actor a speaks for a state: the state, its government, ministries or forces. */
static int of_state(const qp_actor_ref *a)
{
    return a->country && a->kind &&
           (!strcmp(a->kind, "state") || !strcmp(a->kind, "government") || !strcmp(a->kind, "military"));
}

/* The verb of saying whose words clause v is: one it is the content of ("a estimé que le
 * régime doit"), or one set in or after it ("« Assad doit partir », a-t-il dit"); -1 when none. */
static int saying_of(const xp_view *p, size_t v)
{
    size_t at = v;
    for (int steps = 0; steps < 6; steps++) {
        for (size_t k = 0; k < xp_kids(p, at); k++) {
            int ch = xp_kid(p, at, k);
            qp_deprel r = xp_rel(p, (size_t)ch);
            if ((p->cls[ch] & QP_WC_SPEECH) && p->w[ch].upos == QP_UPOS_VERB &&
                (r == QP_DEP_PARATAXIS || r == QP_DEP_CONJ || r == QP_DEP_ADVCL) && (size_t)ch > v)
                return ch;
        }
        int h = p->w[at].head;
        if (h < 0)
            return -1;
        qp_deprel r = xp_rel(p, at);
        if ((p->cls[h] & QP_WC_SPEECH) && p->w[h].upos == QP_UPOS_VERB && (r == QP_DEP_CCOMP || r == QP_DEP_XCOMP))
            return h;
        if (r != QP_DEP_CONJ && r != QP_DEP_CCOMP && r != QP_DEP_XCOMP && r != QP_DEP_PARATAXIS)
            return -1;
        at = (size_t)h;
    }
    return -1;
}

/* "« Le régime doit prendre le chemin des réformes », a estimé William Hague", "Assad must go,
 * the minister said": one who says another must or should act demands it of them (PLOVER
 * REQUEST), the speaker of the one who is to act. Not a plan told by its own side ("le ministre
 * doit se rendre à Moscou, a indiqué Paris"), a schedule ("doit se réunir lundi"), or what was
 * to be ("devait", "a dû"). 0 or QP_ENOMEM. */
static const qp_lex_action demand = {.lemma = "devoir", .code = "REQUEST", .cameo = "10", .pos = "verb",
                                     .object = "recipient", .weight = 0.5};

static int modal_demand(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act)
{
    const xp_view *p = c->p;
    if (xp_feat(p, t, "Tense=Imp") || xp_feat(p, t, "Tense=Past") || xp_feat(p, t, "VerbForm=Part"))
        return 0;
    int v = -1;
    if (xp_rel(p, t) == QP_DEP_AUX && p->w[t].head >= 0)
        v = p->w[t].head; /* "must go", "doit partir" read as an auxiliary */
    else
        v = xp_child_u(p, t, QP_DEP_XCOMP); /* "doit partir": devoir and its infinitive */
    if (v < 0 || !is_verb_word(p, (size_t)v))
        return 0;
    for (size_t k = 0; k < p->n; k++) /* "doit se réunir lundi": a schedule */
        if (p->w[k].head == v && xa_in_timex(c, k))
            return 0;
    int say = saying_of(p, (size_t)v);
    if (say < 0)
        return 0;
    xr_args speakers = {.n = 0}, whom = {.n = 0};
    subject_of(c, (size_t)say, &speakers);
    subject_of(c, (size_t)v, &whom);
    if (!whom.n)
        subject_of(c, t, &whom);
    drop_places(c, &speakers);
    drop_places(c, &whom);
    if (!speakers.n || !whom.n)
        return 0;
    size_t j = 0;
    for (size_t k = 0; k < whom.n; k++) {
        int own = 0;
        for (size_t q = 0; q < speakers.n; q++)
            own |= one_side(speakers.a[q].id, whom.a[k].id) ||
                    (of_state(&speakers.a[q]) && of_state(&whom.a[k]) && !strcmp(speakers.a[q].country, whom.a[k].country));
        if (!own)
            whom.a[j] = whom.a[k], whom.m[j] = whom.m[k], whom.word[j] = whom.word[k], j++;
    }
    whom.n = j;
    if (c->debug)
        fprintf(stderr, "  roles of %s (%s, demanded): speakers %zu; whom %zu\n", p->w[t].form, act->code,
                speakers.n, whom.n);
    if (!whom.n)
        return 0;
    /* read at the saying; the demand is made, however the deed it asks for is put: the modal
     * over a saying set after it ("Assad must go, the minister said") makes no hypothesis */
    size_t before = c->st->n_events;
    int r = xa_make_events(c, (size_t)say, tm, act, speakers.a, speakers.m, speakers.n, whom.a, whom.n, -1, NULL);
    for (size_t k = before; !r && k < c->st->n_events; k++)
        c->st->events[k].flags &= ~QP_EVENT_HYPOTHETICAL;
    return r;
}

/* Whether words a and b (a before b) are written as one with a hyphen between ("US-backed"):
 * the tokens they came from are parted by "-" and nothing else. */
static int hyphened(const xr_ctx *c, size_t a, size_t b)
{
    const xp_view *p = c->p;
    uint32_t ta = p->w[a].token, tb = p->w[b].token;
    if (ta >= tb || tb >= c->s->n_tok)
        return 0;
    uint32_t e = c->s->tok[ta].end, st = c->s->tok[tb].start;
    return st == e + 1 && c->s->text[e] == '-';
}

/* "the Iranian-backed Houthis", "US-backed forces", "Turkish-funded rebels": a participle
 * written onto the actor who does it qualifies those it is done to, the words right after it
 * (the parser splits the word and rarely hangs the pieces together). 1 when events were made,
 * 0 when the participle is not so, or QP_ENOMEM. */
static int hyphened_participle(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act)
{
    const xp_view *p = c->p;
    if (t < 2 || strcmp(p->w[t - 1].form, "-") || !hyphened(c, t - 2, t) || p->mention[t - 2] < 0 ||
        !xp_feat(p, t, "VerbForm=Part"))
        return 0;
    qp_actor_ref by, whom;
    if (!mention_actor(c, p->mention[t - 2], &by))
        return 0;
    int found = 0;
    for (size_t k = t + 1; k < p->n && k <= t + 4 && !found; k++) {
        if (p->w[k].upos == QP_UPOS_VERB || p->w[k].upos == QP_UPOS_PUNCT || p->w[k].upos == QP_UPOS_ADP)
            break;
        found = p->mention[k] >= 0 && mention_actor(c, p->mention[k], &whom);
    }
    if (!found || one_side(by.id, whom.id))
        return 0;
    if (c->debug)
        fprintf(stderr, "  roles of %s (%s, written onto its doer): actors %s; recipients %s\n", p->w[t].form,
                act->code, by.id, whom.id);
    int r = xa_make_events(c, t, tm, act, &by, NULL, 1, &whom, 1, -1, NULL);
    return r ? r : 1;
}

static const qp_lex_action backing = {.lemma = "back", .code = "AID", .context = "military", .cameo = "07",
                                      .pos = "verb", .object = "recipient", .weight = 0.6};

/* "Iran-backed Houthis", "Russia-Backed Separatists", "Rwanda-backed M23": an actor's name that
 * starts with a state (its name or demonym) written onto "backed", "funded", "armed"… names its
 * backer too: the state aids it. 0 or QP_ENOMEM. */
static int backers_in_names(xr_ctx *c)
{
    static const char *const participles[] = {"backed", "supported", "funded", "armed", "sponsored", "financed"};
    const sentence_view *s = c->s;
    const xp_view *p = c->p;
    for (size_t mi = 0; mi < s->n_m; mi++) {
        const mention *m = &s->m[mi];
        if (m->kind != MENTION_ACTOR || !m->actor.id || m->used || m->t1 < m->t0 + 3 || m->t0 + 1 >= s->n_tok)
            continue;
        const qp_token *a = &s->tok[m->t0], *b = &s->tok[m->t0 + 1];
        if (b->start != a->end + 1 || s->text[a->end] != '-')
            continue;
        int part = 0;
        for (size_t k = 0; k < sizeof participles / sizeof *participles && !part; k++)
            part = !strcmp(b->fold, participles[k]);
        if (!part)
            continue;
        int prefix, country = -1;
        for (int32_t e = qp_lexicon_find(&c->x->lx, a->fold, strlen(a->fold), &prefix); e >= 0 && country < 0;
             e = c->x->lx.entries[e].next)
            if (c->x->lx.entries[e].kind == QP_LEX_COUNTRY || c->x->lx.entries[e].kind == QP_LEX_DEMONYM)
                country = (int)c->x->lx.entries[e].ref;
        qp_actor_ref by = {0};
        if (country < 0)
            continue;
        xt_actor_from_country(c->x, country, &by);
        if (!by.id || one_side(by.id, m->actor.id))
            continue;
        by.text = xt_span_text(c->st->arena, s, m->t0, m->t0 + 1);
        size_t w = p->n; /* the word of the participle, to read the event at */
        for (size_t i = 0; i < p->n && w == p->n; i++)
            if (p->w[i].token == m->t0 + 1 && p->w[i].upos != QP_UPOS_PUNCT)
                w = i;
        if (w == p->n)
            continue;
        mention tm = {.kind = MENTION_ACTION, .t0 = m->t0 + 1, .t1 = m->t0 + 2, .head = (int)w};
        if (c->debug)
            fprintf(stderr, "  backer in the name %s: %s\n", m->actor.id, by.id);
        int r = xa_make_events(c, w, &tm, &backing, &by, NULL, 1, &m->actor, 1, -1, NULL);
        if (r)
            return r;
    }
    return 0;
}

static int frame_trigger(xr_ctx *c, size_t t, int as_noun)
{
    const xp_view *p = c->p;
    const mention *tm = &c->s->m[p->trigger[t]];
    int ri = fitting_reading(c, tm, t, as_noun);
    if (ri < 0)
        return 0;
    const qp_lex_action *act = &c->x->lx.actions[tm->actions[ri]];
    if (act->light || !act->code)
        return 0; /* a light verb lends its subject to the noun it takes: no event of its own */
    /* "a nié avoir frappé", "denied that": a denial is said of a deed, not done to anyone */
    if ((p->cls[t] & QP_WC_DENY) && (xp_child_u(p, t, QP_DEP_CCOMP) >= 0 || xp_child_u(p, t, QP_DEP_XCOMP) >= 0))
        return 0;
    const xfr_frames *fr = &c->x->frames[c->s->lang];
    const xfr_frame *f = xfr_of(fr, act);
    if (!f)
        return 0;
    if (!(act->pos && !strcmp(act->pos, "noun"))) {
        int r = hyphened_participle(c, t, tm, act);
        if (r)
            return r < 0 ? r : 0;
    }
    int noun = act->pos && !strcmp(act->pos, "noun");
    int pass = !noun && passive(p, t, c->s->lang);
    /* "fighting positions", "attack aircraft", "combat units": a trigger that qualifies
     * another noun names a kind of thing, not a deed — but "US-backed forces" do tell one */
    if ((xp_rel(p, t) == QP_DEP_COMPOUND || xp_rel(p, t) == QP_DEP_AMOD) &&
        !(pass && xp_child(p, t, QP_DEP_OBL_AGENT) >= 0) && !(t > 0 && !strcmp(p->w[t - 1].form, "-")))
        return 0;
    /* "manifester son soutien", "provide support": a verb of expressing or giving that takes
     * an event noun only carries the noun's event */
    /* "arrêter les violences", "poursuivre la répression", "halt the strikes": a verb of
     * aspect that is also an action ("arrêter" arrests) is the aspect of the event it takes */
    if (!noun && (p->cls[t] & (QP_WC_ASPECT_STOP | QP_WC_ASPECT_GO))) {
        for (size_t k = 0; k < xp_kids(p, t); k++) {
            int o = xp_kid(p, t, k);
            qp_deprel ro = xp_rel(p, (size_t)o);
            if ((ro == QP_DEP_OBJ || ro == QP_DEP_XCOMP || ro == QP_DEP_OBL) && p->trigger[o] >= 0 && (size_t)o != t)
                return 0;
        }
    }
    if (!noun && (p->cls[t] & QP_WC_SUPPORT_VERB)) {
        int o = xp_child(p, t, QP_DEP_OBJ);
        if (o >= 0 && p->trigger[o] >= 0)
            return 0;
        /* "engaged in heavy fighting", "participer aux combats": the noun tells the event */
        for (size_t k = 0; o < 0 && k < xp_kids(p, t); k++) {
            int ch = xp_kid(p, t, k);
            if (xp_rel(p, (size_t)ch) == QP_DEP_OBL && p->trigger[ch] >= 0 && is_noun_word(p, (size_t)ch))
                return 0;
        }
    }
    xr_args actors = {.n = 0}, recips = {.n = 0};
    int kids[XR_MAX], obj_place = -1;
    size_t nk = xfr_fill(f, XFR_UNLESS, p, t, act, kids, XR_MAX);
    for (size_t k = 0; k < nk; k++)
        if (((is_noun_word(p, (size_t)kids[k]) || p->w[kids[k]].upos == QP_UPOS_PRON) && !xa_in_timex(c, (size_t)kids[k])) ||
            is_verb_word(p, (size_t)kids[k]))
            return 0; /* "manifester leur présence", "demonstrated their ability", "visant à
                       * obtenir": another sense (not "ont manifesté la veille": a time the parser
                       * took for an object) */

    /* symmetric events: both sides at once */
    if (p->cls[t] & QP_WC_SYMMETRIC) {
        const xfr_frame *sym = NULL;
        for (size_t k = 0; k < fr->n; k++)
            if (!strcmp(fr->f[k].name, "symmetric"))
                sym = &fr->f[k];
        if (symmetric_sides(c, t, tm, sym, act, &actors, &recips))
            return xa_make_symmetric(c, t, tm, act, actors.a, actors.n, recips.a, recips.n);
        actors.n = recips.n = 0;
    }

    /* the recipient's words first: a noun's "de"/"of" that its entry names as the recipient's
     * ("la mort de 11 civils", "the siege of Homs") is not its actor */
    int rkids[XR_MAX];
    size_t nrk = fill(c, f, XFR_RECIPIENT, t, tm, act, rkids, XR_MAX);
    /* "Moscou est un soutien du régime", "Russia is Assad's main backer", "la Russie, principal
     * soutien du régime": a noun said of someone names its doer, and its "de"/"of" whom it is
     * for */
    int said_of = -1;
    if (noun) {
        if (xp_child(p, t, QP_DEP_COP) >= 0)
            said_of = xp_child_u(p, t, QP_DEP_NSUBJ);
        else if (xp_rel(p, t) == QP_DEP_APPOS && p->w[t].head >= 0)
            said_of = p->w[t].head;
    }
    if (said_of >= 0) {
        static const char *const of[] = {"de", "du", "des", "d", "of"};
        for (size_t k = 0; k < xp_kids(p, t) && nrk < XR_MAX; k++) {
            int ch = xp_kid(p, t, k);
            char cs[32];
            if (xp_rel(p, (size_t)ch) != QP_DEP_NMOD && p->w[ch].deprel != QP_DEP_NMOD_POSS)
                continue;
            xp_case_of(p, (size_t)ch, cs, sizeof cs);
            int is_of = p->w[ch].deprel == QP_DEP_NMOD_POSS;
            for (size_t q = 0; q < QP_ARRAY_LEN(of) && !is_of; q++)
                is_of = !strcmp(cs, of[q]);
            int seen = 0;
            for (size_t q = 0; q < nrk; q++)
                seen |= rkids[q] == ch;
            if (is_of && !seen)
                rkids[nrk++] = ch;
        }
    }

    /* "with the support of coalition air power", "avec l'appui de l'aviation russe": backing
     * given to whoever the phrase is attached to (the clause's subject, or the noun it follows) */
    if (noun && (!strcmp(act->code, "AID") || !strcmp(act->code, "SUPPORT")) && p->w[t].head >= 0) {
        char cs[48];
        xp_case_of(p, t, cs, sizeof cs);
        if (cs[0] && (qp_classes_of(&c->x->lx.classes[c->s->lang], cs, strlen(cs)) & QP_WC_WITH)) {
            xr_args backer = {.n = 0}, backed = {.n = 0};
            for (size_t k = 0; k < xp_kids(p, t); k++) {
                int ch = xp_kid(p, t, k);
                if (xp_rel(p, (size_t)ch) == QP_DEP_NMOD || p->w[ch].deprel == QP_DEP_NMOD_POSS)
                    actors_at(c, ch, &backer, 0);
            }
            int h = p->w[t].head;
            if (is_verb_word(p, (size_t)h))
                subject_of(c, (size_t)h, &backed);
            else
                actors_at(c, h, &backed, 0);
            if (backer.n && backed.n)
                return xa_make_events(c, t, tm, act, backer.a, backer.m, backer.n, backed.a, backed.n, -1, NULL);
        }
        if (cs[0] && (qp_classes_of(&c->x->lx.classes[c->s->lang], cs, strlen(cs)) & QP_WC_IN_SUPPORT)) {
            /* "conducted 22 strikes in support of the operations", "en soutien aux forces": the
             * clause's doer backs the complement, or the doer of the deed it names */
            xr_args backer = {.n = 0}, backed = {.n = 0};
            size_t v = xa_clause_verb(c, t);
            if (is_verb_word(p, v))
                subject_of(c, v, &backer);
            for (size_t i = c->st->n_events; !backer.n && i-- > 0 && c->st->events[i].sentence == c->s->index;)
                if (c->st->events[i].actor1.id) /* "aircraft conducted 12 strikes in support of": the strikes' doer */
                    args_push(&backer, &c->st->events[i].actor1, -1, -1);
            int h = p->w[t].head;
            for (size_t k = 0; k < xp_kids(p, t) + xp_kids(p, (size_t)h) && !backed.n; k++) {
                /* its own complement, else one the parser hung beside it, right after it ("en
                 * soutien aux forces" read as the strikes' "aux forces") */
                int own = k < xp_kids(p, t);
                int ch = own ? xp_kid(p, t, k) : xp_kid(p, (size_t)h, k - xp_kids(p, t));
                if (xp_rel(p, (size_t)ch) != QP_DEP_NMOD || (!own && (ch < (int)t || ch > (int)t + 4)))
                    continue;
                if (!own) {
                    char cc[32];
                    xp_case_of(p, (size_t)ch, cc, sizeof cc);
                    int fits = 0;
                    for (size_t q = 0; q < act->n_preps && !fits; q++)
                        fits = act->preps[q] && !strcmp(act->preps[q], cc);
                    if (!fits)
                        continue;
                }
                actors_at(c, ch, &backed, 0);
                if (!backed.n)
                    deed_told_before(c, ch, &backed, &backer);
            }
            if (backer.n && backed.n)
                return xa_make_events(c, t, tm, act, backer.a, backer.m, backer.n, backed.a, backed.n, -1, NULL);
        }
    }
    /* "le soutien de Damas par Moscou", "the support of the rebels by Turkey": beside an agent,
     * the "de"/"of" complement is whom it is for */
    if (noun && nrk < XR_MAX) {
        int agent = -1, of = -1;
        for (size_t k = 0; k < xp_kids(p, t); k++) {
            int ch = xp_kid(p, t, k);
            char cs[32];
            if (xp_rel(p, (size_t)ch) != QP_DEP_NMOD && xp_rel(p, (size_t)ch) != QP_DEP_OBL)
                continue;
            xp_case_of(p, (size_t)ch, cs, sizeof cs);
            if (!strcmp(cs, "par") || !strcmp(cs, "by") || p->w[ch].deprel == QP_DEP_OBL_AGENT)
                agent = ch;
            else if (!strcmp(cs, "de") || !strcmp(cs, "du") || !strcmp(cs, "des") || !strcmp(cs, "of"))
                of = ch;
        }
        if (agent >= 0 && of >= 0) {
            int seen = 0;
            for (size_t q = 0; q < nrk; q++)
                seen |= rkids[q] == of;
            if (!seen)
                rkids[nrk++] = of;
        }
    }
    /* the actor */
    int self_moved = 0;
    if (pass) {
        nk = fill(c, f, XFR_AGENT, t, tm, act, kids, XR_MAX);
        /* "tuées depuis le 2 décembre par les forces": an agent the parser hung one level
         * down, from a complement of the participle */
        for (size_t j = 0; !nk && j < xp_kids(p, t); j++) {
            int ch = xp_kid(p, t, j);
            if (xp_rel(p, (size_t)ch) == QP_DEP_OBL || xp_rel(p, (size_t)ch) == QP_DEP_ADVMOD)
                nk = xfr_fill(f, XFR_AGENT, p, (size_t)ch, act, kids, XR_MAX);
        }
        for (size_t k = 0; k < nk; k++)
            actors_at(c, kids[k], &actors, 0);
        /* "Russia-backed separatists", "Iranian-backed Houthis": the name before the hyphen */
        if (!nk && t >= 2 && !strcmp(p->w[t - 1].form, "-") && p->mention[t - 2] >= 0) {
            actors_at(c, (int)t - 2, &actors, 0);
            nk = actors.n;
        }
        /* a participle that only qualifies a noun ("un groupe armé", "les civils blessés")
         * tells a state, not an event, unless someone is named as doing it; read as a noun
         * when it is one too ("le Hezbollah, allié de Damas") */
        if (!nk && (xp_rel(p, t) == QP_DEP_AMOD || xp_rel(p, t) == QP_DEP_ACL || p->w[t].upos == QP_UPOS_ADJ))
            return as_noun ? 0 : frame_trigger(c, t, 1);
        /* "plusieurs divisions sont positionnées", "troops were deployed": forces moved with no
         * one named moving them are their own state's deployment */
        if (!nk && act->code && !strcmp(act->code, "MOBILIZE")) {
            int sj = xp_child(p, t, QP_DEP_NSUBJ_PASS);
            if (sj >= 0) {
                actors_at(c, sj, &actors, 0);
                self_moved = actors.n > 0;
            }
        }
    } else if (said_of >= 0) {
        actors_at(c, said_of, &actors, 0);
    } else {
        nk = fill(c, f, XFR_ACTOR, t, tm, act, kids, XR_MAX);
        int had_poss = 0;
        for (size_t k = 0; k < nk; k++) {
            int taken = 0;
            for (size_t q = 0; q < nrk; q++)
                taken |= rkids[q] == kids[k];
            if (taken || (p->cls[kids[k]] & QP_WC_POPULATED))
                continue;
            /* "ISIL's defeat", "Assad's fall": without an "of", the possessor of a noun whose
             * "of" is its recipient is that recipient */
            if (noun && nrk == 0 && p->w[kids[k]].deprel == QP_DEP_NMOD_POSS && f->name &&
                !strcmp(f->name, "noun_patient")) {
                had_poss = 1;
                continue;
            }
            actors_at(c, kids[k], &actors, 0);
        }
        if (had_poss)
            for (size_t k = 0; k < nk; k++)
                if (p->w[kids[k]].deprel == QP_DEP_NMOD_POSS && nrk < XR_MAX)
                    rkids[nrk++] = kids[k];
        if (!actors.n && !noun)
            subject_of(c, t, &actors);
        if (!actors.n && !noun && xp_child_u(p, t, QP_DEP_NSUBJ) < 0)
            earlier_subject(c, t, &actors);
    }
    const qp_lex_action *light = NULL;
    int lv = noun ? light_verb(c, t, &light) : -1;
    if (noun && !actors.n && lv >= 0) {
        if (passive(p, (size_t)lv, c->s->lang)) { /* "des raids ont été menés par l'aviation" */
            const xfr_frame *vf = light ? xfr_of(fr, light) : xfr_of(fr, act);
            nk = vf ? xfr_fill(vf, XFR_AGENT, p, (size_t)lv, light, kids, XR_MAX) : 0;
            for (size_t k = 0; k < nk; k++)
                actors_at(c, kids[k], &actors, 0);
        } else {
            subject_of(c, (size_t)lv, &actors);
        }
    }
    /* "une attaque lancée par le régime", "strikes carried out by the coalition": the agent of
     * a participle that qualifies the event noun */
    for (size_t k = 0; noun && !actors.n && k < xp_kids(p, t); k++) {
        int ch = xp_kid(p, t, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_NMOD) {
            /* "une attaque aux armes chimiques lancée par le régime": a light verb's participle
             * the parser hung from the noun's complement */
            int lv2 = -1;
            for (size_t q = 0; q < xp_kids(p, (size_t)ch) && lv2 < 0; q++) {
                int g = xp_kid(p, (size_t)ch, q);
                const qp_lex_action *l2;
                if (xp_rel(p, (size_t)g) == QP_DEP_ACL && is_verb_word(p, (size_t)g) && lends_subject(c, (size_t)g, &l2) && l2)
                    lv2 = g;
            }
            if (lv2 < 0)
                continue;
            ch = lv2;
        }
        if (xp_rel(p, (size_t)ch) != QP_DEP_ACL || !is_verb_word(p, (size_t)ch))
            continue;
        for (size_t q = 0; q < xp_kids(p, (size_t)ch); q++) {
            int ag = xp_kid(p, (size_t)ch, q);
            char cs[32];
            if (p->w[ag].deprel == QP_DEP_OBL_AGENT ||
                (xp_rel(p, (size_t)ag) == QP_DEP_OBL && (!strcmp(xp_case_of(p, (size_t)ag, cs, sizeof cs), "par") ||
                                                          !strcmp(cs, "by"))))
                actors_at(c, ag, &actors, 0);
        }
    }
    /* "X, allié de Y", "Y's ally X": a noun in apposition tells of the noun it stands beside,
     * however the parser hung it, when a comma alone parts them */
    if (noun && !actors.n && (xp_rel(p, t) == QP_DEP_APPOS || (as_noun && xp_rel(p, t) == QP_DEP_ACL)) &&
        p->w[t].head >= 0)
        actors_at(c, p->w[t].head, &actors, 0);
    if (noun && !actors.n && t >= 2 && p->w[t - 1].upos == QP_UPOS_PUNCT && !strcmp(p->w[t - 1].form, ",") &&
        nrk > 0 && xp_rel(p, t) != QP_DEP_NSUBJ && xp_rel(p, t) != QP_DEP_OBJ) {
        /* a relational noun with its complement ("allié de Damas"), after a noun phrase that is
         * no complement itself ("strikes against ISIS, training…" is a list) */
        int before = (int)t - 2;
        while (before >= 0 && p->w[before].head >= 0 && (size_t)p->w[before].head < t && p->mention[before] < 0 &&
               p->w[before].head > before)
            before = p->w[before].head; /* the head of the phrase just before the comma */
        if (before >= 0 && p->mention[before] >= 0 &&
            (xp_child_u(p, (size_t)before, QP_DEP_CASE) < 0 || p->w[before].deprel == QP_DEP_OBL_AGENT))
            /* "assurée par le Hezbollah, allié du régime": an agent may have its apposition */
            actors_at(c, before, &actors, 0);
    }
    drop_places(c, &actors);
    int deed = f->name && !strcmp(f->name, "noun_deed");
    size_t reading_at = t; /* the word whose clause says how the event reads */
    if (deed) {
        /* "X a affirmé que le régime a commis des crimes contre l'humanité", "X dénonce les
         * crimes de guerre du régime": the doer is accused, by who tells or condemns it */
        xr_args doers = actors;
        if (lv >= 0 && !doers.n)
            subject_of(c, (size_t)lv, &doers);
        actors.n = 0;
        xa_reading rd;
        xa_read(c, t, &rd);
        if (rd.speaker_word) {
            subject_of(c, (size_t)(rd.speaker_word - 1), &actors);
            /* the accusation is the saying, however hedged what is said ("il pourrait
             * s'agir de crimes contre l'humanité") */
            reading_at = (size_t)(rd.speaker_word - 1);
        }
        int h = p->w[t].head;
        if (!actors.n && h >= 0 && xp_rel(p, t) == QP_DEP_OBJ && p->trigger[h] >= 0)
            return 0; /* "condamné les crimes du régime": the condemnation tells it */
        for (size_t k = 0; k < doers.n; k++)
            args_push(&recips, &doers.a[k], doers.m[k], doers.word[k]);
        nrk = 0;
    }

    /* the recipient, and the place the frame names */
    nk = fill(c, f, XFR_PLACE, t, tm, act, kids, XR_MAX);
    obj_place = place_among(c, kids, nk);
    int object_named = 0; /* an object the frame needs, even one we cannot name ("took control of it") */
    /* "s'est emparé d'une base militaire", "took control of a base": a phrase of taking takes
     * whatever it names; a bare "prendre" ("prendre un risque") wants a place named */
    for (size_t k = 0; k < nk && act->lemma && strchr(act->lemma, ' ') && act->object && !strcmp(act->object, "place");
         k++)
        object_named |= is_noun_word(p, (size_t)kids[k]);
    /* "exprimer son soutien", "voiced support": backing said is words, not means */
    int to_words = noun && lv >= 0 && (p->cls[lv] & QP_WC_EXPRESSING);
    if (pass && !self_moved) {
        int sj = xp_child(p, t, QP_DEP_NSUBJ_PASS);
        if (sj < 0)
            sj = xp_child(p, t, QP_DEP_NSUBJ); /* a predicate participle ("les FDS appuyées par") */
        int qualified = 0;
        if (sj < 0 && (xp_rel(p, t) == QP_DEP_ACL || xp_rel(p, t) == QP_DEP_AMOD)) {
            sj = p->w[t].head; /* "les rebelles soutenus par": the noun the participle qualifies */
            qualified = 1;
        }
        if (sj < 0 && xp_rel(p, t) == QP_DEP_CONJ) {
            int h = p->w[t].head; /* "ont été attaqués et tués": the first verb's subject */
            sj = h >= 0 ? xp_child(p, (size_t)h, QP_DEP_NSUBJ_PASS) : -1;
        }
        if (sj >= 0) {
            /* what the passive is about counts only when it can be named: a place, someone,
             * a pronoun ("le bilan avancé par l'ONU" is put forward, not advanced on) */
            object_named = p->w[sj].upos == QP_UPOS_PRON;
            int pm = place_at(c, sj);
            if (act->object && !strcmp(act->object, "place") && pm >= 0) {
                obj_place = pm; /* "Raqqa a été reprise": where, not whom */
            } else {
                actors_at(c, sj, &recips, 0);
                /* "le régime soutenu par Moscou et une alliance soutenue par Washington": a
                 * participle qualifies its own noun, not the nouns coordinated with it */
                size_t j = 0;
                for (size_t k = 0; qualified && k < recips.n; k++)
                    if (recips.word[k] == sj || recips.word[k] < 0)
                        recips.a[j] = recips.a[k], recips.m[j] = recips.m[k], recips.word[j] = recips.word[k], j++;
                if (qualified)
                    recips.n = j;
            }
        }
        for (size_t k = 0; k < nrk; k++)
            if (p->w[rkids[k]].deprel != QP_DEP_OBJ)
                actors_at(c, rkids[k], &recips, 0);
    } else {
        int inv = noun ? -1 : xp_inverted_speaker(p, t);
        for (size_t k = 0; k < nrk; k++) {
            if (rkids[k] == inv)
                continue;
            object_named |= p->w[rkids[k]].upos == QP_UPOS_PRON;
            size_t before = recips.n;
            if (document_author(c, rkids[k], &recips))
                to_words = 1;
            else
                actors_at(c, rkids[k], &recips, 0);
            if (recips.n == before && judges_deeds(act))
                deed_told_before(c, rkids[k], &recips, NULL);
            if (recips.n == before)
                country_aimed_at(c, act, rkids[k], &recips);
        }
        if (obj_place < 0)
            obj_place = place_among(c, rkids, nrk); /* "the siege of Homs": where */
        if (obj_place < 0 && !recips.n && act->object && !strcmp(act->object, "place")) {
            /* "envahi l'ambassade des États-Unis", "seized the rebels' positions": an object that
             * is no place is whose it is */
            int pk[XR_MAX];
            size_t np = xfr_fill(f, XFR_PLACE, p, t, act, pk, XR_MAX);
            for (size_t k = 0; k < np; k++)
                actors_at(c, pk[k], &recips, 0);
        }
        if (!recips.n && noun && xp_rel(p, t) == QP_DEP_NMOD && p->w[t].head >= 0 &&
            (p->cls[p->w[t].head] & QP_WC_TARGET_NOUN)) {
            /* "l'EI est la cible de deux offensives", "the town was the target of airstrikes" */
            int h = p->w[t].head;
            int sj = xp_child(p, (size_t)h, QP_DEP_COP) >= 0 ? xp_child_u(p, (size_t)h, QP_DEP_NSUBJ) : -1;
            if (sj >= 0) {
                int pm = place_at(c, sj);
                if (pm >= 0 && obj_place < 0)
                    obj_place = pm;
                else
                    actors_at(c, sj, &recips, 0);
            }
        }
        int counter = noun ? counting_noun(c, t) : -1;
        if (!recips.n && counter >= 0) {
            nk = xfr_fill(f, XFR_RECIPIENT, p, (size_t)counter, act, kids, XR_MAX);
            for (size_t k = 0; k < nk; k++)
                if (kids[k] != (int)t)
                    actors_at(c, kids[k], &recips, 0);
        }
        if (!recips.n && noun && lv >= 0) {
            /* "apporter son soutien au régime", "carry out strikes against ISIS": the light
             * verb's own complements, by the noun's prepositions */
            nk = xfr_fill(f, XFR_RECIPIENT, p, (size_t)lv, act, kids, XR_MAX);
            for (size_t k = 0; k < nk; k++)
                if (kids[k] != (int)t && p->w[kids[k]].deprel != QP_DEP_OBJ) {
                    size_t before = recips.n;
                    actors_at(c, kids[k], &recips, 0);
                    if (recips.n == before)
                        country_aimed_at(c, act, kids[k], &recips);
                }
        }
        if (!recips.n && noun && xp_rel(p, t) == QP_DEP_NSUBJ && p->w[t].head >= 0 && act->object &&
            strcmp(act->object, "none")) {
            /* "Russian air strikes hit the rebels": the verb the event noun is subject of */
            int o = xp_child(p, (size_t)p->w[t].head, QP_DEP_OBJ);
            if (o >= 0)
                actors_at(c, o, &recips, 0);
        }
        if (!recips.n && !noun && ((p->cls[t] & QP_WC_INTENT) || !strcmp(act->code, "REQUEST") ||
                                   !strcmp(act->code, "THREATEN"))) {
            content_subject(c, t, &recips); /* "called on … to", "demanded that X" */
            size_t j = 0;
            for (size_t k = 0; k < recips.n; k++) { /* never the demanders themselves */
                int own = 0;
                for (size_t q = 0; q < actors.n; q++)
                    own |= !strcmp(actors.a[q].id, recips.a[k].id);
                if (!own)
                    recips.a[j] = recips.a[k], recips.m[j] = recips.m[k], recips.word[j] = recips.word[k], j++;
            }
            recips.n = j;
        }
    }
    drop_places(c, &recips);
    unsigned need = f->need | (act->need ? (1u << XFR_RECIPIENT) | (1u << XFR_PLACE) : 0);
    if (need && !((need & (1u << XFR_RECIPIENT)) && (recips.n || object_named)) &&
        !((need & (1u << XFR_PLACE)) && obj_place >= 0)) {
        if (c->debug)
            fprintf(stderr, "  roles of %s (%s): needs what it lacks\n", p->w[t].form, act->code);
        return 0; /* "prendre un risque", "une dizaine de sièges": no place, no one taken */
    }
    if ((!actors.n || (!recips.n && (!strcmp(act->code, "COOPERATE") || !strcmp(act->code, "LEAD")))) && !noun &&
        !as_noun) {
        /* "X, allié de Y" the parser took for a participle: the noun it also is */
        for (int k = 0; k < tm->n_readings; k++)
            if (c->x->lx.actions[tm->actions[k]].pos && !strcmp(c->x->lx.actions[tm->actions[k]].pos, "noun"))
                return frame_trigger(c, t, 1);
    }
    if (!actors.n && xn_unnamed_actor(c, t, act, &actors.a[0]))
        actors.m[0] = -1, actors.word[0] = -1, actors.n = 1; /* a report's subject carried on */
    if (c->debug) {
        fprintf(stderr, "  roles of %s (%s%s): actors", p->w[t].form, act->code, pass ? ", passive" : "");
        for (size_t k = 0; k < actors.n; k++)
            fprintf(stderr, " %s", actors.a[k].id);
        fprintf(stderr, "; recipients");
        for (size_t k = 0; k < recips.n; k++)
            fprintf(stderr, " %s", recips.a[k].id);
        fprintf(stderr, "%s\n", obj_place >= 0 ? "; a place" : "");
    }
    if (!actors.n)
        return 0;
    /* agreements, talks and partnerships of coordinated actors bind each to the others */
    const char *code = act->code;
    if (!recips.n && actors.n >= 2 && actors.n <= 3 &&
        (!strcmp(code, "AGREE") || !strcmp(code, "CONSULT") || !strcmp(code, "COOPERATE") ||
         (!strcmp(code, "SUPPORT") && (to_words || document_object(p, t))))) /* "ont signé un accord" */
        return xa_make_symmetric(c, t, tm, act, actors.a, 1, actors.a + 1, actors.n - 1);
    return xa_make_events(c, reading_at, tm, act, actors.a, actors.m, actors.n, recips.a, recips.n, obj_place,
                          to_words && !strcmp(code, "AID") ? "SUPPORT" : NULL);
}

/* The clause word w belongs to: the nearest verb above it (w itself when a verb). */
static size_t clause_of(const xp_view *p, size_t w)
{
    for (int steps = 0; steps < 12 && !is_verb_word(p, w); steps++) {
        if (p->w[w].head < 0)
            break;
        w = (size_t)p->w[w].head;
    }
    return w;
}

/* A bare agent ("les forces de sécurité", "the army", "le régime") whose nationality the
 * matcher took from the context belongs to the country of its clause's own place ("à Homs"),
 * else to the country the article's events happen in — never to a country named elsewhere in
 * the sentence ("une ONG basée en Grande-Bretagne"). 0 or QP_ENOMEM. */
int xr_relative_place(const xr_ctx *c, size_t cl)
{
    const xp_view *p = c->p;
    if (p->w[cl].deprel != QP_DEP_ACL_RELCL)
        return -1;
    for (size_t k = 0; k < xp_kids(p, cl); k++) {
        int rel = xp_kid(p, cl, k);
        qp_deprel r = xp_rel(p, (size_t)rel);
        if (!xp_feat(p, (size_t)rel, "PronType=Rel") || (r != QP_DEP_OBL && r != QP_DEP_ADVMOD))
            continue;
        for (int w = rel - 1; w >= 0 && w >= rel - 4; w--) {
            int mi = p->mention[w];
            if (mi < 0)
                continue;
            const mention *m = &c->s->m[mi];
            if (m->kind == MENTION_PLACE || (m->kind == MENTION_ACTOR && m->is_place_too))
                return mi;
        }
    }
    return -1;
}

/* The country of the place a relative clause of place is about (xr_relative_place), -1. */
static int relative_where(const xr_ctx *c, size_t cl)
{
    int mi = xr_relative_place(c, cl);
    return mi >= 0 ? xt_mention_country(c->x, &c->s->m[mi]) : -1;
}

static int settle_bare_agents(const xr_ctx *c)
{
    const xp_view *p = c->p;
    for (size_t k = 0; k < c->s->n_m; k++) {
        mention *m = &c->s->m[k];
        if (m->kind != MENTION_ACTOR || !m->guessed || m->agent < 0 || m->head < 0)
            continue;
        size_t cl = clause_of(p, (size_t)m->head);
        int country = -1;
        /* "U.S. military", "Iraq's army", "l'armée du régime syrien": the country named on the
         * agent's own phrase */
        for (size_t j = 0; j < xp_kids(p, (size_t)m->head) && country < 0; j++) {
            int ch = xp_kid(p, (size_t)m->head, j);
            qp_deprel r = xp_rel(p, (size_t)ch);
            int cm = p->mention[ch];
            if ((r == QP_DEP_COMPOUND || r == QP_DEP_AMOD || r == QP_DEP_NMOD) && cm >= 0 && cm != (int)k &&
                c->s->m[cm].kind >= 0)
                country = xt_mention_country(c->x, &c->s->m[cm]);
        }
        for (size_t q = 0; q < c->s->n_m && country < 0; q++) {
            const mention *pl = &c->s->m[q];
            if (pl->kind != MENTION_PLACE || pl->head < 0 || clause_of(p, (size_t)pl->head) != cl)
                continue;
            country = xt_mention_country(c->x, pl);
        }
        if (country < 0)
            country = relative_where(c, cl);
        if (country < 0)
            country = c->st->where;
        if (country < 0 || (m->actor.country && !strcmp(m->actor.country, c->x->lx.countries[country].iso3)))
            continue;
        const char *text = m->actor.text;
        int r = xt_compose_agent(c->x, c->st->arena, m->agent, country, &m->actor);
        if (r)
            return r;
        m->actor.text = text;
    }
    return 0;
}

/* The victims of the sentence: those killed or wounded with no one named as doing it ("30
 * civilians were killed when…", "douze soldats ont péri"); the assaults of the sentence that
 * name no target fell on them (extract_document.c). A mention index, -1 when none. */
static int victims(const xr_ctx *c)
{
    const xp_view *p = c->p;
    for (size_t v = 0; v < p->n; v++) {
        if (!(p->cls[v] & QP_WC_DEATH) || !is_verb_word(p, v))
            continue;
        int sj = -1;
        if (passive(p, v, c->s->lang) && xp_child(p, v, QP_DEP_OBL_AGENT) < 0)
            sj = xp_child(p, v, QP_DEP_NSUBJ_PASS);
        else if (xp_child(p, v, QP_DEP_OBJ) < 0)
            sj = xp_child_u(p, v, QP_DEP_NSUBJ); /* "ont péri", "died" */
        if (sj < 0)
            continue;
        xr_args g = {.n = 0};
        actors_at(c, sj, &g, 0);
        if (g.n && g.m[0] >= 0)
            return g.m[0];
    }
    return -1;
}

int xr_roles(doc_state *st, sentence_view *s)
{
    if (!s->parse)
        return 0;
    xr_ctx c = {.st = st, .s = s, .p = s->parse, .x = st->x, .debug = getenv("QUIPU_DEBUG_MENTIONS") != NULL};
    int r = settle_bare_agents(&c);
    if (r)
        return r;
    if (c.debug && !strcmp(getenv("QUIPU_DEBUG_MENTIONS"), "parse"))
        for (size_t i = 0; i < c.p->n; i++) /* the parse as roles read it (joined, repaired) */
            fprintf(stderr, "    %zu %s %s %s %d %s\n", i, c.p->w[i].form, c.p->fold[i], qp_upos_name(c.p->w[i].upos),
                    c.p->w[i].head, qp_deprel_name(c.p->w[i].deprel));
    int vm = victims(&c);
    if (vm >= 0)
        st->victims = vm;
    for (size_t t = 0; t < c.p->n; t++) {
        if (c.p->trigger[t] < 0)
            continue;
        if ((r = frame_trigger(&c, t, 0)))
            return r;
    }
    if ((r = backers_in_names(&c)))
        return r;
    /* demands made in what is said: a modal of obligation is a class of words, not a lexicon
     * action (as one, "du" would read as devoir's participle everywhere) */
    for (size_t t = 0; t < c.p->n; t++) {
        if (!(c.p->cls[t] & QP_WC_OBLIGATION) || !is_verb_word(c.p, t) || c.p->w[t].token >= s->n_tok)
            continue;
        mention m = {.kind = MENTION_ACTION, .t0 = c.p->w[t].token, .t1 = c.p->w[t].token + 1, .head = (int)t};
        if ((r = modal_demand(&c, t, &m, &demand)))
            return r;
    }
    return 0;
}

int xr_subject_actor(const xr_ctx *c, size_t v, qp_actor_ref *out)
{
    xr_args g = {.n = 0};
    subject_of(c, v, &g);
    if (!g.n)
        return 0;
    *out = g.a[0];
    return 1;
}
