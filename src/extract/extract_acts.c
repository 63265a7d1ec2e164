/* extract_acts.c — how an event reads, from what governs its trigger on the parse: negated
 * ("n'a pas frappé", "denied striking"), hypothetical (future, conditional, modal, wanted,
 * planned, demanded, threatened), reported (what a speaker says happened), or recoded as the act
 * around it (halting aid is a sanction, halting strikes a concession); then the events made,
 * one per actor and recipient, partners of a joint deed cooperating. */
#include "extract_acts.h"
#include "codes.h"
#include "extract_entities.h"
#include "extract_event.h"
#include "timex.h"
#include "qp.h"

#include <stdlib.h>
#include <string.h>

/* Partners in one deed: "X et Y ont lancé", "X fought alongside Y". */
static const qp_lex_action cooperation = {.code = "COOPERATE", .cameo = "06", .context = "military",
                                          .object = "none", .weight = 0.6};

/* Acts whose content is not asserted: a demand, a threat, a refusal, a promise, an accusation
 * ("accused the regime of bombing": the bombing is alleged). */
static int takes_content(const char *code)
{
    static const char *const codes[] = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"};
    for (size_t i = 0; code && i < QP_ARRAY_LEN(codes); i++)
        if (!strcmp(code, codes[i]))
            return 1;
    return 0;
}

/* The code of the action read at word w, when w is a trigger; NULL otherwise. */
static const char *code_at(const xr_ctx *c, size_t w)
{
    int tm = c->p->trigger[w];
    if (tm < 0)
        return NULL;
    const mention *m = &c->s->m[tm];
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &c->x->lx.actions[m->actions[k]];
        if (a->code && !a->light)
            return a->code;
    }
    return NULL;
}

/* Whether word w carries a negation ("ne … pas", "not", "never", "aucune attaque", "no
 * attack", "sans attaquer"). */
static int negated(const xp_view *p, size_t w)
{
    for (size_t k = 0; k < xp_kids(p, w); k++) {
        int ch = xp_kid(p, w, k);
        qp_deprel r = xp_rel(p, (size_t)ch);
        if (!(p->cls[ch] & QP_WC_NEGATION))
            continue;
        /* "ne" alone is no negation ("avant qu'il ne parte"); "pas", "jamais", "aucun" are */
        if (!strcmp(p->fold[ch], "ne") || !strcmp(p->fold[ch], "n"))
            continue;
        if (r == QP_DEP_ADVMOD || r == QP_DEP_DET || r == QP_DEP_MARK || r == QP_DEP_CASE || r == QP_DEP_CC)
            return 1;
    }
    return 0;
}

/* The modal or future auxiliaries of verb w ("will", "could", "would"): 1 when one is there. */
static int modal_aux(const xp_view *p, size_t w)
{
    for (size_t k = 0; k < xp_kids(p, w); k++) {
        int ch = xp_kid(p, w, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_AUX && (p->cls[ch] & QP_WC_MODAL))
            return 1;
    }
    return 0;
}

/* A conditional or future auxiliary or verb: French "attaquerait", "attaquera", "va attaquer".
 * A conditional auxiliary of a participle ("aurait bombardé") is the press's way to report what
 * others say happened: *reported is set instead. */
static int unreal_tense(const xp_view *p, size_t w, int *reported)
{
    if (xp_feat(p, w, "Mood=Cnd") || xp_feat(p, w, "Tense=Fut"))
        return 1;
    for (size_t k = 0; k < xp_kids(p, w); k++) {
        int ch = xp_kid(p, w, k);
        if (xp_rel(p, (size_t)ch) != QP_DEP_AUX)
            continue;
        if (xp_feat(p, (size_t)ch, "Tense=Fut"))
            return 1;
        if (xp_feat(p, (size_t)ch, "Mood=Cnd")) {
            if (xp_feat(p, w, "VerbForm=Part")) {
                *reported = 1;
                return 0;
            }
            return 1;
        }
        /* "va attaquer": aller as the auxiliary of an infinitive */
        if (!strcmp(p->fold[ch], "aller") && xp_feat(p, w, "VerbForm=Inf"))
            return 1;
    }
    return 0;
}

/* The verb whose clause event noun n belongs to: the verb it is an argument of, through
 * nominal heads ("a annoncé le début de l'offensive"); n itself when it heads its clause. */
static size_t clause_head(const xp_view *p, size_t n)
{
    size_t at = n;
    for (int steps = 0; steps < 4; steps++) {
        if (p->w[at].upos == QP_UPOS_VERB || p->w[at].upos == QP_UPOS_AUX)
            return at;
        int h = p->w[at].head;
        qp_deprel r = xp_rel(p, at);
        if (h < 0 || (r != QP_DEP_OBJ && r != QP_DEP_NSUBJ && r != QP_DEP_OBL && r != QP_DEP_NMOD))
            return at;
        at = (size_t)h;
    }
    return at;
}

/* Whether the clause of verb g is told in a past tense: "a attaqué", "attacked", "was shelled"
 * are; "est présentée", "is presented" are not (a passive auxiliary in the present), nor is a
 * participle that qualifies a noun in a present clause ("l'EI est la cible de deux offensives,
 * l'une menée par le régime"). */
static int told_in_past(const xp_view *p, size_t g)
{
    for (int steps = 0; steps < 3; steps++) {
        int tense_aux = -1, pass_aux = -1;
        for (size_t k = 0; k < xp_kids(p, g); k++) {
            int a = xp_kid(p, g, k);
            if (xp_rel(p, (size_t)a) != QP_DEP_AUX)
                continue;
            if (p->w[a].deprel == QP_DEP_AUX_PASS)
                pass_aux = a;
            else
                tense_aux = a;
        }
        /* "est soutenue par": a lone auxiliary the parser called one of tense is the passive's
         * when the verb has a passive subject */
        if (tense_aux >= 0 && pass_aux < 0 && xp_child(p, g, QP_DEP_NSUBJ_PASS) >= 0)
            pass_aux = tense_aux, tense_aux = -1;
        if (tense_aux >= 0)
            return 1; /* "a attaqué", "has attacked", "a été présentée" */
        if (pass_aux >= 0)
            return xp_feat(p, (size_t)pass_aux, "Tense=Past") || xp_feat(p, (size_t)pass_aux, "Tense=Imp");
        qp_deprel r = xp_rel(p, g);
        if (xp_feat(p, g, "VerbForm=Part") && (r == QP_DEP_ACL || r == QP_DEP_AMOD) && p->w[g].head >= 0) {
            size_t up = clause_head(p, (size_t)p->w[g].head); /* the clause of the noun it qualifies */
            while ((xp_rel(p, up) == QP_DEP_APPOS || xp_rel(p, up) == QP_DEP_CONJ) && p->w[up].head >= 0)
                up = clause_head(p, (size_t)p->w[up].head); /* "la cible de deux offensives, l'une menée…" */
            int cop = xp_child(p, up, QP_DEP_COP);
            if (cop >= 0) /* "l'EI est la cible de…": the copula's tense */
                return xp_feat(p, (size_t)cop, "Tense=Past") || xp_feat(p, (size_t)cop, "Tense=Imp");
            if (p->w[up].upos == QP_UPOS_VERB || p->w[up].upos == QP_UPOS_AUX) {
                g = up;
                continue;
            }
            /* a noun with no verb over it: "22 strikes engaged…" misread so is a finite past, the
             * participle's own; "le régime soutenu par la Russie", with its agent, qualifies
             * the noun for as long as it holds, told at no time of its own */
            if (xp_child(p, g, QP_DEP_OBL_AGENT) >= 0)
                return 0;
        }
        return xp_feat(p, g, "Tense=Past") || xp_feat(p, g, "Tense=Imp");
    }
    return 0;
}

void xa_read(const xr_ctx *c, size_t t, xa_reading *rd)
{
    const xp_view *p = c->p;
    memset(rd, 0, sizeof *rd);
    rd->outer = -1;
    size_t g = clause_head(p, t);
    int reported = 0;
    /* the trigger's own clause */
    if (negated(p, t) || (g != t && negated(p, g)))
        rd->flags |= QP_EVENT_NEGATED;
    if (modal_aux(p, g) || unreal_tense(p, g, &reported) || xp_feat(p, g, "Mood=Imp"))
        rd->flags |= QP_EVENT_HYPOTHETICAL; /* "Aidez-nous !": a plea, not a deed */
    if (reported)
        rd->flags |= QP_EVENT_REPORTED;
    rd->past = told_in_past(p, g);
    /* what governs it */
    for (int steps = 0; steps < 6; steps++) {
        int h = p->w[g].head;
        if (h < 0)
            break;
        qp_deprel r = xp_rel(p, g);
        if (r == QP_DEP_CONJ) { /* coordinated clauses share their governors */
            g = (size_t)h;
            continue;
        }
        if (r == QP_DEP_ADVCL && xp_feat(p, g, "VerbForm=Inf")) {
            /* "called on Russia to stop bombing": an infinitive the parser hung as an adverbial
             * clause of a demand, a threat or a plan is its content */
            const char *outer = code_at(c, (size_t)h);
            if ((outer && takes_content(outer)) || (p->cls[h] & QP_WC_INTENT)) {
                rd->flags |= QP_EVENT_HYPOTHETICAL;
                if (outer && takes_content(outer))
                    rd->outer = h;
                break;
            }
        }
        if (r == QP_DEP_ADVCL) {
            /* "si", "if": a condition; "pour", "to": a purpose is no hedge of its own */
            for (size_t k = 0; k < xp_kids(p, g); k++) {
                int ch = xp_kid(p, g, k);
                if (xp_rel(p, (size_t)ch) == QP_DEP_MARK &&
                    (!strcmp(p->fold[ch], "si") || !strcmp(p->fold[ch], "if") || !strcmp(p->fold[ch], "unless")))
                    rd->flags |= QP_EVENT_HYPOTHETICAL;
                if (xp_rel(p, (size_t)ch) == QP_DEP_MARK && (p->cls[ch] & QP_WC_NEGATION))
                    rd->flags |= QP_EVENT_NEGATED; /* "sans", "without" */
            }
            /* the clause it qualifies reads on: "se préparaient à l'assaut pour y écraser" is
             * as unreal as the preparing, "a dit avoir frappé pour…" as reported */
            uint32_t hc = p->cls[h];
            int rh = 0;
            if ((hc & (QP_WC_INTENT | QP_WC_MODAL)) || modal_aux(p, (size_t)h) || unreal_tense(p, (size_t)h, &rh))
                rd->flags |= QP_EVENT_HYPOTHETICAL;
            if (negated(p, (size_t)h) && !(rd->flags & QP_EVENT_NEGATED))
                rd->flags |= QP_EVENT_NEGATED;
            g = (size_t)h;
            continue;
        }
        if (r != QP_DEP_XCOMP && r != QP_DEP_CCOMP && r != QP_DEP_CSUBJ && r != QP_DEP_ACL && r != QP_DEP_NMOD &&
            r != QP_DEP_OBJ)
            break;
        uint32_t cls = p->cls[h];
        const char *outer = code_at(c, (size_t)h);
        if (outer && takes_content(outer) && r != QP_DEP_OBJ) {
            /* the content of a demand, a threat, a promise, an accusation */
            rd->flags |= QP_EVENT_HYPOTHETICAL;
            rd->outer = h;
            break;
        }
        if ((r == QP_DEP_OBJ || r == QP_DEP_NMOD) && !(cls & (QP_WC_ASPECT_STOP | QP_WC_ASPECT_GO | QP_WC_INTENT)))
            break; /* a noun that is what some act is about: not governed as a clause */
        if (cls & QP_WC_DENY)
            rd->flags |= QP_EVENT_NEGATED;
        else if (cls & (QP_WC_INTENT | QP_WC_MODAL))
            rd->flags |= QP_EVENT_HYPOTHETICAL;
        else if (cls & QP_WC_ASPECT_STOP)
            rd->stopped = h;
        else if ((cls & QP_WC_SPEECH) && (r == QP_DEP_CCOMP || r == QP_DEP_XCOMP)) {
            rd->flags |= QP_EVENT_REPORTED;
            if (!rd->speaker_word)
                rd->speaker_word = h + 1; /* the speaker: the subject of the verb of saying */
        }
        if (negated(p, (size_t)h) && (cls & (QP_WC_IMPLICATIVE | QP_WC_ASPECT_GO)))
            rd->flags |= QP_EVENT_NEGATED; /* "n'est pas parvenu à", "did not continue" */
        int reported_h = 0;
        if (!(cls & QP_WC_SPEECH) && (modal_aux(p, (size_t)h) || unreal_tense(p, (size_t)h, &reported_h)))
            rd->flags |= QP_EVENT_HYPOTHETICAL; /* "would try to", "voudrait attaquer" */
        g = (size_t)h;
    }
}

/* A code recoded by the act around it: to halt aid, talks or cooperation is to sanction; to
 * halt strikes or a siege is to concede. NULL: unchanged. */
static const char *stopped_code(const char *code)
{
    int a = qp_action_parse(code);
    if (a < 0)
        return NULL;
    if (a == QP_ACTION_AID || a == QP_ACTION_SUPPORT || a == QP_ACTION_COOPERATE || a == QP_ACTION_CONSULT)
        return "SANCTION";
    if (a == QP_ACTION_ASSAULT || a == QP_ACTION_COERCE || a == QP_ACTION_SANCTION)
        return "CONCEDE";
    return NULL;
}

/* The word the byte at offset `at` lies in, -1 when none. */
static int word_at(const xp_view *p, size_t at)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->w[i].start <= at && at < p->w[i].end)
            return (int)i;
    return -1;
}

/* The clause word w belongs to: the nearest verb, or event noun, above it. */
static int governing(const xr_ctx *c, int w)
{
    const xp_view *p = c->p;
    for (int steps = 0; w >= 0 && steps < 12; steps++) {
        int h = p->w[w].head;
        if (h < 0)
            return -1;
        if (p->w[h].upos == QP_UPOS_VERB || p->trigger[h] >= 0)
            return h;
        w = h;
    }
    return -1;
}

/* The time expression the clause of trigger t governs: one whose words hang from t, from the
 * verb t is the noun of ("a lancé jeudi une offensive"), or from what t qualifies; -1 when
 * none (the narrative's time or the article's date then). A dateline's is never one. */
static int clause_timex(const xr_ctx *c, size_t t)
{
    const xp_view *p = c->p;
    size_t clause = clause_head(p, t);
    const qp_timex_list *tl = &c->st->timex;
    int best = -1;
    for (size_t i = 0; i < tl->count; i++) {
        const qp_timex *x = &tl->items[i];
        if (x->start < c->s->start || x->end > c->s->end || x->type == QP_TIMEX_DURATION || x->type == QP_TIMEX_SET ||
            !x->begin)
            continue;
        int w = word_at(p, x->start);
        if (w < 0)
            continue;
        /* the head of the expression's words, then what it hangs from */
        while (p->w[w].head >= 0 && p->w[p->w[w].head].start >= x->start && p->w[p->w[w].head].end <= x->end)
            w = p->w[w].head;
        int g = governing(c, w);
        if (g == (int)t || g == (int)clause) {
            best = (int)i;
            break;
        }
    }
    return best;
}

size_t xa_clause_verb(const xr_ctx *c, size_t n)
{
    return clause_head(c->p, n);
}

int xa_in_timex(const xr_ctx *c, size_t w)
{
    const qp_timex_list *tl = &c->st->timex;
    size_t at = c->p->w[w].start;
    for (size_t i = 0; i < tl->count; i++)
        if (tl->items[i].start <= at && at < tl->items[i].end)
            return 1;
    return 0;
}

/* How specific a place is: a town over a district over a province over a country. */
static int specificity(const mention *m)
{
    const char *f = m->place.feature;
    if (!f)
        return m->is_place_too ? 0 : 1;
    if (f[0] == 'P')
        return 4;
    if (!strncmp(f, "A.ADM2", 6) || !strncmp(f, "A.ADM3", 6))
        return 3;
    if (!strncmp(f, "A.ADM1", 6))
        return 2;
    return strncmp(f, "A.PCL", 5) ? 2 : 1;
}

/* The place of trigger t's own clause: a place named under the trigger (or under the verb its
 * noun belongs to) with a preposition of place ("à Homs", "in northeast Syria", "près d'Alep",
 * "dans la localité de X"), not inside a clause of its own, not where a move goes ("fled
 * towards X"), the most specific one; -1 when the clause names none (the article's context
 * then, extract_context.c). */
static int clause_place(const xr_ctx *c, size_t t, const qp_actor_ref *a1, size_t n1, const qp_actor_ref *a2,
                        size_t n2)
{
    const xp_view *p = c->p;
    size_t head = clause_head(p, t);
    int best = -1, best_spec = -1;
    for (size_t mi = 0; mi < c->s->n_m; mi++) {
        const mention *m = &c->s->m[mi];
        if (m->head < 0 || (m->kind != MENTION_PLACE && !(m->is_place_too && m->kind == MENTION_ACTOR)))
            continue;
        if (m->kind == MENTION_PLACE && !m->place.id)
            continue;
        /* a country that is the event's actor or recipient ("demande à la Russie") is whom,
         * not where */
        int party = 0;
        for (size_t k = 0; m->kind == MENTION_ACTOR && k < n1 + n2 && !party; k++) {
            const qp_actor_ref *a = k < n1 ? &a1[k] : &a2[k - n1];
            party = a->id && m->actor.id && (!strcmp(a->id, m->actor.id) ||
                                             (a->country && m->actor.country && !strcmp(a->country, m->actor.country)));
        }
        if (party)
            continue;
        /* walk up from the place to the clause: through nominal links only */
        int w = m->head, ok = 0, steps = 0, located = 0;
        for (; w >= 0 && steps < 6; steps++) {
            if (xp_child_u(p, (size_t)w, QP_DEP_CASE) >= 0) {
                char cs[48];
                xp_case_of(p, (size_t)w, cs, sizeof cs);
                located = 1;
                if (qp_classes_of(&c->x->lx.classes[c->s->lang], cs, strlen(cs)) & QP_WC_DESTINATION)
                    break; /* "vers Alep", "towards Raqqa": where a move goes */
            }
            int h = p->w[w].head;
            if (h < 0)
                break;
            if ((size_t)h == head || (size_t)h == t) {
                ok = 1;
                break;
            }
            qp_deprel r = xp_rel(p, (size_t)w);
            if (r == QP_DEP_ACL || r == QP_DEP_ADVCL || r == QP_DEP_CCOMP || r == QP_DEP_XCOMP ||
                r == QP_DEP_PARATAXIS || r == QP_DEP_CONJ)
                break; /* a clause of its own */
            if (p->cls[h] & QP_WC_DISTANCE)
                break; /* "à une dizaine de kilomètres de la Syrie", "20 miles from Mosul": not there */
            w = h;
        }
        if (!ok || (!located && m->kind != MENTION_PLACE))
            continue;
        int sp = specificity(m);
        if (sp > best_spec) {
            best = (int)mi;
            best_spec = sp;
        }
    }
    if (best < 0) /* "la Syrie en guerre où le régime et une alliance prennent les jihadistes en étau" */
        best = xr_relative_place(c, head);
    /* "Dans le nord-ouest de la Syrie, 60 écoliers qui manifestaient à X, dans le gouvernorat
     * d'Idleb, ont été arrêtés": a country or a province set over the clause frames a place
     * the sentence names within it */
    if (best >= 0 && best_spec <= 2 && c->s->m[best].kind == MENTION_PLACE && c->s->m[best].place.country) {
        const char *cc = c->s->m[best].place.country;
        int within = -1, within_spec = best_spec;
        for (size_t mi = 0; mi < c->s->n_m; mi++) {
            const mention *m = &c->s->m[mi];
            if (m->kind != MENTION_PLACE || !m->place.id || !m->place.country || strcmp(m->place.country, cc) ||
                m->head < 0 || (c->p->w[m->head].head >= 0 && xp_rel(c->p, (size_t)m->head) == QP_DEP_NMOD &&
                                 c->p->trigger[c->p->w[m->head].head] >= 0))
                continue; /* not "the road to Aleppo", not another event's place ("the siege of Homs") */
            char cs[48];
            xp_case_of(c->p, (size_t)m->head, cs, sizeof cs);
            if (qp_classes_of(&c->x->lx.classes[c->s->lang], cs, strlen(cs)) & QP_WC_DESTINATION)
                continue;
            if (specificity(m) > within_spec) {
                within = (int)mi;
                within_spec = specificity(m);
            }
        }
        if (within >= 0)
            best = within;
    }
    return best;
}

int xa_make_events(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act, const qp_actor_ref *a1,
                   const int *a1m, size_t n1, const qp_actor_ref *a2, size_t n2, int obj_place, const char *code)
{
    if (obj_place < 0)
        obj_place = clause_place(c, t, a1, n1, a2, n2);
    xa_reading rd;
    xa_read(c, t, &rd);
    c->st->clause_timex = clause_timex(c, t);
    if (!code)
        code = act->code;
    if (rd.stopped) {
        const char *sc = stopped_code(code);
        if (!sc)
            return 0; /* "cessé de protester": nothing happens */
        code = sc;
    }
    doc_state *st = c->st;
    st->trigger_past = rd.past;
    double conf = act->weight;
    if (rd.flags & QP_EVENT_REPORTED)
        conf *= 0.9;
    for (size_t i = 0; i < n1; i++) {
        for (size_t j = 0; j < (n2 ? n2 : 1); j++) {
            int r = xe_add_event(st, c->s, tm, act, &a1[i], n2 ? &a2[j] : NULL, obj_place, rd.flags, conf, code);
            if (r)
                return r;
            qp_event *e = st->last_added;
            if (e && a1m && a1m[i] >= 0)
                xe_widen_evidence(e, c->s, &c->s->m[a1m[i]]);
            if (e && (rd.flags & QP_EVENT_REPORTED) && rd.speaker_word)
                e->speaker = xn_speaker_id(c, (size_t)(rd.speaker_word - 1));
        }
    }
    /* a joint deed: its two or three doers are partners ("le Danemark, la Grèce, la Lettonie,
     * la Roumanie et Chypre soutiennent" is a vote, not ten partnerships) */
    int material = !strcmp(code, "ASSAULT") || !strcmp(code, "MOBILIZE") || !strcmp(code, "COERCE") ||
                   !strcmp(code, "AID");
    if (n1 >= 2 && n1 <= 3 && material && !(rd.flags & QP_EVENT_HIDDEN))
        for (size_t i = 0; i < n1; i++)
            for (size_t j = i + 1; j < n1; j++) {
                int r = xe_add_event(st, c->s, tm, &cooperation, &a1[i], &a1[j], obj_place, rd.flags, 0.6, "COOPERATE");
                if (r)
                    return r;
                if (st->last_added && a1m) {
                    if (a1m[i] >= 0)
                        xe_widen_evidence(st->last_added, c->s, &c->s->m[a1m[i]]);
                    if (a1m[j] >= 0)
                        xe_widen_evidence(st->last_added, c->s, &c->s->m[a1m[j]]);
                }
            }
    st->clause_timex = -1;
    return 0;
}

int xa_make_symmetric(xr_ctx *c, size_t t, const mention *tm, const qp_lex_action *act, const qp_actor_ref *a,
                      size_t na, const qp_actor_ref *b, size_t nb)
{
    xa_reading rd;
    xa_read(c, t, &rd);
    c->st->trigger_past = rd.past;
    c->st->clause_timex = clause_timex(c, t);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            for (int dir = 0; dir < 2; dir++) {
                const qp_actor_ref *x = dir ? &b[j] : &a[i], *y = dir ? &a[i] : &b[j];
                int r = xe_add_event(c->st, c->s, tm, act, x, y, -1, rd.flags, act->weight, act->code);
                if (r)
                    return r;
            }
    c->st->clause_timex = -1;
    return 0;
}
