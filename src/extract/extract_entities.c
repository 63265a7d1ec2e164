/* extract_entities.c — the article's entities as a reader keeps them: the actors named so far
 * (with their number, and whether they were a subject), the latest speaker; and what a
 * pronoun, a group noun or a report without a subject refers to. */
#include "extract_entities.h"
#include "qp.h"

#include <string.h>

/* How far back a pronoun or a group noun looks, in sentences. */
enum { PRONOUN_REACH = 2, GROUP_REACH = 4, REPORT_REACH = 3 };

/* Whether the actor named by mention m is plural: by its head word's number when the sentence
 * was parsed, else by its kind (a state or a government is one, rebels and forces are many). */
static int plural_mention(const sentence_view *s, const mention *m)
{
    const xp_view *p = s->parse;
    if (p && m->head >= 0)
        return xp_feat(p, (size_t)m->head, "Number=Plur");
    const char *k = m->actor.kind;
    if (!k || !strcmp(k, "state") || !strcmp(k, "government") || !strcmp(k, "person") || !strcmp(k, "igo") ||
        !strcmp(k, "ngo") || !strcmp(k, "coalition"))
        return 0;
    const char *t = m->actor.text;
    size_t n = t ? strlen(t) : 0;
    return n > 1 && (t[n - 1] == 's' || t[n - 1] == 'x');
}

static int xn_push(doc_state *st, const qp_actor_ref *a, int sentence, size_t at, int plural, int subject)
{
    if (st->n_ents == st->cap_ents) {
        size_t cap = st->cap_ents ? st->cap_ents * 2 : 64;
        xn_entity *n = qp_arena_alloc(st->arena, cap * sizeof *n);
        if (!n)
            return QP_ENOMEM;
        if (st->n_ents)
            memcpy(n, st->ents, st->n_ents * sizeof *n);
        st->ents = n;
        st->cap_ents = cap;
    }
    st->ents[st->n_ents++] = (xn_entity){.a = *a, .sentence = sentence, .at = at, .plural = plural, .subject = subject};
    return 0;
}

void xn_remember(doc_state *st, const sentence_view *s)
{
    for (size_t k = 0; k < s->n_m; k++) {
        const mention *m = &s->m[k];
        int subject = s->parse && m->head >= 0 && xp_rel(s->parse, (size_t)m->head) == QP_DEP_NSUBJ;
        if (m->kind == MENTION_ACTOR && m->actor.id &&
            xn_push(st, &m->actor, s->index, s->tok[m->t0].start, plural_mention(s, m), subject))
            return; /* out of memory: the article is read with less context, not wrongly */
    }
    /* the speaker: the subject of a verb of saying */
    const xp_view *p = s->parse;
    for (size_t v = 0; p && v < p->n; v++) {
        if (!(p->cls[v] & QP_WC_SPEECH) || (p->w[v].upos != QP_UPOS_VERB))
            continue;
        int sj = xp_child_u(p, v, QP_DEP_NSUBJ);
        if (sj < 0 || p->mention[sj] < 0)
            sj = xp_inverted_speaker(p, v);
        int mi = sj >= 0 ? p->mention[sj] : -1;
        for (size_t k = 0; sj >= 0 && mi < 0 && k < p->n; k++) /* "M. Lavrov": the title's name */
            if (p->w[k].head == sj && p->mention[k] >= 0 &&
                (xp_rel(p, k) == QP_DEP_NMOD || xp_rel(p, k) == QP_DEP_FLAT || xp_rel(p, k) == QP_DEP_APPOS))
                mi = p->mention[k];
        if (mi >= 0 && s->m[mi].kind == MENTION_ACTOR && s->m[mi].actor.id) {
            st->speaker = s->m[mi].actor;
            st->speaker_sentence = s->index;
        }
    }
}

/* The speaker of the sentence: the subject of one of its verbs of saying ("a déclaré M.
 * Lavrov", "a-t-il poursuivi": he, the one named before), else the one just before. */
static int speaker_of(const xr_ctx *c, qp_actor_ref *out)
{
    const xp_view *p = c->p;
    for (size_t v = 0; v < p->n; v++) {
        if (!(p->cls[v] & QP_WC_SPEECH) || p->w[v].upos != QP_UPOS_VERB)
            continue;
        int sj = xp_child_u(p, v, QP_DEP_NSUBJ);
        int mi = sj >= 0 ? p->mention[sj] : -1;
        if (mi >= 0 && c->s->m[mi].kind == MENTION_ACTOR && c->s->m[mi].actor.id) {
            *out = c->s->m[mi].actor;
            return 1;
        }
        if (sj >= 0 && (p->cls[sj] & (QP_WC_PRONOUN_SG | QP_WC_PRONOUN_PL)) && xn_resolve_pronoun(c, sj, out))
            return 1;
    }
    if (c->st->speaker.id && c->st->speaker_sentence + PRONOUN_REACH >= c->s->index) {
        *out = c->st->speaker;
        return 1;
    }
    if (c->st->author.id) { /* a press release's "we" */
        *out = c->st->author;
        return 1;
    }
    return 0;
}

int xn_resolve_pronoun(const xr_ctx *c, int w, qp_actor_ref *out)
{
    const xp_view *p = c->p;
    uint32_t cls = p->cls[w];
    if (cls & QP_WC_SPEAKER)
        return speaker_of(c, out);
    /* "the army said they had regained", "l'armée a affirmé qu'elle avait": the subject of what
     * is said, as a pronoun, is the one saying it, whatever the number ("the army … they") */
    int v = p->w[w].head;
    if (v >= 0 && xp_rel(p, (size_t)w) == QP_DEP_NSUBJ && xp_rel(p, (size_t)v) == QP_DEP_CCOMP && p->w[v].head >= 0 &&
        (p->cls[p->w[v].head] & QP_WC_SPEECH) && (cls & (QP_WC_PRONOUN_SG | QP_WC_PRONOUN_PL))) {
        int sj = xp_child_u(p, (size_t)p->w[v].head, QP_DEP_NSUBJ);
        int mi = sj >= 0 ? p->mention[sj] : -1;
        if (mi >= 0 && c->s->m[mi].kind == MENTION_ACTOR && c->s->m[mi].actor.id) {
            *out = c->s->m[mi].actor;
            return 1;
        }
    }
    /* possessives give their possessor's number: "son", "its" one; "leur", "their" many */
    int plural;
    if (xp_feat(p, (size_t)w, "Number[psor]=Plur"))
        plural = 1;
    else if (xp_feat(p, (size_t)w, "Number[psor]=Sing"))
        plural = 0;
    else if (cls & QP_WC_PRONOUN_PL)
        plural = 1;
    else if (cls & QP_WC_PRONOUN_SG)
        plural = 0;
    else
        return 0; /* "on", "ce", "cela", "it" as a dummy: nobody we can name */
    /* earlier in the same sentence: the latest actor named before the pronoun */
    size_t at = p->w[w].start;
    const qp_actor_ref *best = NULL;
    for (size_t k = 0; k < c->s->n_m; k++) {
        const mention *m = &c->s->m[k];
        if (m->kind != MENTION_ACTOR || !m->actor.id || c->s->tok[m->t0].start >= at)
            continue;
        if (plural_mention(c->s, m) == plural)
            best = &m->actor;
    }
    /* then the sentences before: the latest subject of the right number, else the latest actor */
    const qp_actor_ref *any = NULL;
    for (size_t i = c->st->n_ents; !best && i-- > 0;) {
        const xn_entity *e = &c->st->ents[i];
        if (e->sentence >= c->s->index)
            continue;
        if (e->sentence + PRONOUN_REACH < c->s->index)
            break;
        if (e->plural != plural)
            continue;
        if (e->subject)
            best = &e->a;
        else if (!any)
            any = &e->a;
    }
    if (!best)
        best = any;
    if (!best)
        return 0;
    *out = *best;
    out->text = qp_arena_strndup(c->st->arena, c->s->text + p->w[w].start, p->w[w].end - p->w[w].start);
    return 1;
}

/* Whether word w has a definite or demonstrative determiner ("le groupe", "ce régime", "the
 * group"): a group noun without one ("un groupe") names someone new. */
static int definite(const xp_view *p, size_t w)
{
    for (size_t k = 0; k < xp_kids(p, w); k++) {
        int ch = xp_kid(p, w, k);
        if (xp_rel(p, (size_t)ch) == QP_DEP_DET &&
            (xp_feat(p, (size_t)ch, "Definite=Def") || xp_feat(p, (size_t)ch, "PronType=Dem")))
            return 1;
    }
    return 0;
}

int xn_resolve_group(const xr_ctx *c, int w, qp_actor_ref *out)
{
    const xp_view *p = c->p;
    const char *kind = qp_classes_group_kind(&c->x->lx.classes[c->s->lang], p->fold[w], strlen(p->fold[w]));
    if (!kind || !definite(p, (size_t)w))
        return 0;
    size_t at = p->w[w].start;
    const qp_actor_ref *best = NULL;
    for (size_t k = 0; k < c->s->n_m; k++) {
        const mention *m = &c->s->m[k];
        if (m->kind == MENTION_ACTOR && m->actor.kind && !strcmp(m->actor.kind, kind) && c->s->tok[m->t0].start < at)
            best = &m->actor;
    }
    for (size_t i = c->st->n_ents; !best && i-- > 0;) {
        const xn_entity *e = &c->st->ents[i];
        if (e->sentence >= c->s->index)
            continue;
        if (e->sentence + GROUP_REACH < c->s->index)
            break;
        if (e->a.kind && !strcmp(e->a.kind, kind))
            best = &e->a;
    }
    if (!best)
        return 0;
    *out = *best;
    out->text = qp_arena_strndup(c->st->arena, c->s->text + p->w[w].start, p->w[w].end - p->w[w].start);
    return 1;
}

/* Whether word v is a light verb of the lexicon ("conduct", "mener"). */
static int light_verb_word(const xr_ctx *c, size_t v)
{
    int tm = c->p->trigger[v];
    for (int k = 0; tm >= 0 && k < c->s->m[tm].n_readings; k++)
        if (c->x->lx.actions[c->s->m[tm].actions[k]].light)
            return 1;
    return 0;
}

int xn_unnamed_actor(const xr_ctx *c, size_t t, const qp_lex_action *act, qp_actor_ref *out)
{
    /* only a report that goes on with the same deed: a verb whose subject is an event noun or
     * the means of the deed ("four strikes engaged two units", "aircraft destroyed"), where the
     * last sentences told who strikes; an event noun alone, or a verb without a subject, does
     * not borrow a doer from elsewhere */
    const xp_view *p = c->p;
    int sj = -1;
    if (p->w[t].upos == QP_UPOS_VERB) {
        sj = xp_child(p, t, QP_DEP_NSUBJ);
        if (sj < 0 && xp_rel(p, t) == QP_DEP_ACL && p->w[t].deprel != QP_DEP_ACL_RELCL && xp_child(p, t, QP_DEP_OBJ) >= 0)
            sj = p->w[t].head; /* "22 strikes engaged 15 units" read as strikes that engaged: the same */
    } else if (p->trigger[t] >= 0 && p->w[t].deprel == QP_DEP_NSUBJ_PASS && p->w[t].head >= 0 &&
               xp_child(p, (size_t)p->w[t].head, QP_DEP_OBL_AGENT) < 0 && light_verb_word(c, (size_t)p->w[t].head) &&
               xp_child(p, (size_t)p->w[t].head, QP_DEP_AUX_PASS) >= 0 && act->code && !strcmp(act->code, "ASSAULT")) {
        sj = (int)t; /* "12 strikes were conducted in Syria on March 7": the report's strikes */
    }
    if (sj < 0)
        return 0;
    if (p->w[sj].upos != QP_UPOS_NOUN || p->mention[sj] >= 0)
        return 0;
    int means = p->trigger[sj] >= 0;
    for (size_t k = 0; !means && k < c->s->n_m; k++) /* "aircraft", "jets": an agent without a country */
        means = c->s->m[k].kind == MENTION_AGENT && c->s->m[k].head == sj;
    if (!means)
        return 0;
    const char *mode = act->mode;
    /* "That strike on Sunday killed…": the deed that noun points back to is of its own kind (the
     * airstrikes told before, not the ground forces' clearing they supported) */
    const char *kind = NULL;
    for (size_t k = 0; k < xp_kids(p, (size_t)sj) && p->trigger[sj] >= 0; k++) {
        int d = xp_kid(p, (size_t)sj, k);
        if (xp_rel(p, (size_t)d) == QP_DEP_DET && xp_feat(p, (size_t)d, "PronType=Dem") &&
            c->s->m[p->trigger[sj]].n_readings > 0)
            kind = c->x->lx.actions[c->s->m[p->trigger[sj]].actions[0]].mode;
    }
    doc_state *st = c->st;
    for (size_t i = st->n_events; i-- > 0;) {
        const qp_event *e = &st->events[i];
        if (e->sentence + REPORT_REACH < c->s->index)
            break;
        if (e->sentence > c->s->index || (e->flags & QP_EVENT_HIDDEN) || !e->action || !act->code ||
            strcmp(e->action, act->code))
            continue;
        if ((mode && e->mode && strcmp(mode, e->mode)) || (kind && (!e->mode || strcmp(kind, e->mode))))
            continue;
        *out = e->actor1;
        return 1;
    }
    /* none lately: the article's main attacker, once it is known */
    if (st->report_pass && st->report_actor.id && act->code && !strcmp(act->code, "ASSAULT")) {
        *out = st->report_actor;
        return 1;
    }
    if (!st->report_pass && st->report_lines)
        st->report_lines[c->s->index] = 1;
    return 0;
}

/* A coalition speaks for its members: of "U.S. and coalition forces", the coalition. */
static int kind_rank(const qp_actor_ref *a)
{
    return a->kind && !strcmp(a->kind, "coalition") ? 1 : 0;
}

const qp_actor_ref *xn_main_attacker(const doc_state *st)
{
    const qp_actor_ref *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < st->n_events; i++) {
        const qp_event *e = &st->events[i];
        if ((e->flags & QP_EVENT_HIDDEN) || strcmp(e->action, "ASSAULT") || !e->actor1.id)
            continue;
        size_t n = 0;
        for (size_t j = 0; j < st->n_events; j++)
            n += !(st->events[j].flags & QP_EVENT_HIDDEN) && !strcmp(st->events[j].action, "ASSAULT") &&
                 st->events[j].actor1.id && !strcmp(st->events[j].actor1.id, e->actor1.id);
        if (n > best_n || (n == best_n && best && kind_rank(&e->actor1) > kind_rank(best))) {
            best = &e->actor1;
            best_n = n;
        }
    }
    return best;
}

const char *xn_speaker_id(const xr_ctx *c, size_t v)
{
    qp_actor_ref a;
    if (xr_subject_actor(c, v, &a))
        return a.id;
    return NULL;
}
