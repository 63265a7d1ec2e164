/* extract_event.c — making an event: the checks every event passes (an actor, no self-target,
 * no protest by a state), one event per (actor, action, recipient) per sentence, its place,
 * time and evidence. */
#include "extract_event.h"
#include "extract_syntax.h"
#include "fold.h"
#include "qp.h"

#include <string.h>

qp_event *xe_new_event(doc_state *st)
{
    if (st->n_events == st->cap_events) {
        size_t cap = st->cap_events ? st->cap_events * 2 : 32;
        qp_event *n = qp_arena_alloc(st->arena, cap * sizeof *n);
        if (!n)
            return NULL;
        if (st->n_events)
            memcpy(n, st->events, st->n_events * sizeof *n);
        st->events = n;
        st->cap_events = cap;
    }
    qp_event *e = &st->events[st->n_events++];
    memset(e, 0, sizeof *e);
    return e;
}

/* A state or one of its arms, named by its own code ("USA", "USA-MIL"), not its people or a
 * group of that country with a name of its own. */
static int state_arm(const qp_actor_ref *a)
{
    static const char *const kinds[] = {"state", "government", "military", "police"};
    if (!a->id || !a->country || !a->kind || strncmp(a->id, a->country, 3) || (a->id[3] && a->id[3] != '-'))
        return 0;
    for (size_t i = 0; i < QP_ARRAY_LEN(kinds); i++)
        if (!strcmp(a->kind, kinds[i]))
            return 1;
    return 0;
}

/* Whether text ("Syriens", "syrienne") is a demonym of country ci. */
static int is_demonym_text(const qp_extractor *x, const char *text, int ci)
{
    char f[64];
    int prefix, n = qp_fold_token(text, strlen(text), f, sizeof f);
    if (n <= 0)
        return 0;
    for (int32_t e = qp_lexicon_find(&x->lx, f, (size_t)n, &prefix); e >= 0; e = x->lx.entries[e].next)
        if (x->lx.entries[e].kind == QP_LEX_DEMONYM && (int)x->lx.entries[e].ref == ci)
            return 1;
    return 0;
}

int xe_add_event(doc_state *st, const sentence_view *s, const mention *trig, const qp_lex_action *act,
                 const qp_actor_ref *a1, const qp_actor_ref *a2, int obj_place, int flags, double conf,
                 const char *code)
{
    st->last_added = NULL;
    if (!a1 || !a1->id)
        return 0;
    /* a news agency or channel reports events; it is not their actor ("selon l'AFP") */
    if (a1->kind && !strcmp(a1->kind, "media"))
        return 0;
    if (a2 && a2->kind && !strcmp(a2->kind, "media"))
        a2 = NULL;
    if (a2 && xc_same_actor(a1, a2))
        a2 = NULL;
    if (!a2 && (!strcmp(code, "LEAD") || !strcmp(code, "COOPERATE")))
        return 0; /* leading is leading something, cooperating is with someone: the text names them */
    /* states, governments and their forces do not take to the streets: "la contestation
     * syrienne", "Syrians protested" are the people's; "Damas a beau protester" is words */
    qp_actor_ref people = {0};
    if (!strcmp(code, "PROTEST") && a1->kind &&
        (!strcmp(a1->kind, "state") || !strcmp(a1->kind, "government") || !strcmp(a1->kind, "military") ||
         !strcmp(a1->kind, "police"))) {
        int ci = a1->country ? qp_lexicon_country(&st->x->lx, a1->country) : -1;
        if (ci < 0 || !a1->text || !is_demonym_text(st->x, a1->text, ci))
            return 0;
        const qp_lex_country *c = &st->x->lx.countries[ci];
        people = (qp_actor_ref){
            .id = qp_arena_printf(st->arena, "%s-CIV", c->iso3),
            .label = qp_arena_printf(st->arena, "%s civilians", c->dem_en ? c->dem_en : c->iso3),
            .label_fr = qp_arena_printf(st->arena, "civils (%s)", c->label_fr ? c->label_fr : c->iso3),
            .kind = "civilians", .country = c->iso3, .text = a1->text};
        if (!people.id || !people.label || !people.label_fr)
            return QP_ENOMEM;
        a1 = &people;
    }
    /* a state's forces do not assault their own government ("Iraqi forces seize Ramadi
     * Government Center" names a building) */
    if (a2 && !strcmp(code, "ASSAULT") && a1->country && a2->country && !strcmp(a1->country, a2->country) &&
        a2->kind && (!strcmp(a2->kind, "government") || !strcmp(a2->kind, "state")) && a1->kind &&
        strcmp(a1->kind, "armed group") && strcmp(a1->kind, "opposition"))
        a2 = NULL;
    /* nor their own forces: "les États-Unis ont déployé de nouveaux moyens militaires" */
    if (a2 && (!strcmp(code, "ASSAULT") || !strcmp(code, "COERCE") || !strcmp(code, "MOBILIZE")) &&
        state_arm(a1) && state_arm(a2) && !strcmp(a1->country, a2->country))
        a2 = NULL;
    /* one event per (actor, action, recipient) per sentence */
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (e->sentence == s->index && !strcmp(e->action, code) && xc_same_actor(&e->actor1, a1) &&
            ((!a2 && !e->actor2.id) || (a2 && xc_same_actor(&e->actor2, a2)))) {
            e->flags &= flags; /* a plain reading wins over a hedged one */
            return 0;
        }
    }
    qp_event *e = xe_new_event(st);
    if (!e)
        return QP_ENOMEM;
    st->last_added = e;
    e->doc = st->doc->name;
    e->sentence = s->index;
    e->actor1 = *a1;
    if (a2)
        e->actor2 = *a2;
    e->action = code;
    e->mode = act->mode;
    e->context = act->context;
    e->cameo = act->cameo;
    e->action_text = xt_span_text(st->arena, s, trig->t0, trig->t1);
    xc_event_place(st, s, trig->t0, obj_place, e);
    xc_event_time(st, s, s->tok[trig->t0].start, st->trigger_past, code, &e->time);
    size_t b = s->tok[trig->t0].start, en = s->tok[trig->t1 - 1].end;
    e->evidence_start = b;
    e->evidence_end = en;
    e->confidence = conf;
    e->flags = flags;
    return 0;
}

void xe_widen_evidence(qp_event *e, const sentence_view *s, const mention *m)
{
    if (!e)
        return; /* add_event made no new event: a duplicate, or no actor */
    size_t b = s->tok[m->t0].start, en = s->tok[m->t1 - 1].end;
    if (b < e->evidence_start)
        e->evidence_start = b;
    if (en > e->evidence_end)
        e->evidence_end = en;
}
