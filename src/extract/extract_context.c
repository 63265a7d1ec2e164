/* extract_context.c — times, places, implied targets and duplicates of the extracted events. */
#include "extract_context.h"
#include "extract_syntax.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xc_next_day(const char *d, char out[11])
{
    int y, m, dd;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (sscanf(d, "%d-%d-%d", &y, &m, &dd) != 3 || m < 1 || m > 12) {
        out[0] = '\0';
        return;
    }
    int ml = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
    if (++dd > ml) {
        dd = 1;
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, dd);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

int xc_same_actor(const qp_actor_ref *a, const qp_actor_ref *b)
{
    return a->id && b->id && !strcmp(a->id, b->id);
}

/* A state's own forces and offices: an id that is its country's code ("IRQ", "IRQ-MIL"), not a
 * group of that country with its own name ("KRG-MIL"). */
static int state_own(const qp_actor_ref *a)
{
    return a->id && a->country && strlen(a->country) == 3 && !strncmp(a->id, a->country, 3) &&
           (a->id[3] == '\0' || a->id[3] == '-');
}

/* The same actor, or two arms of one state: the Iraqi army, police and government. */
static int same_side(const qp_actor_ref *a, const qp_actor_ref *b)
{
    return xc_same_actor(a, b) || (state_own(a) && state_own(b) && !strcmp(a->country, b->country));
}

/* A dateline: a date at the head of a line, followed by a dash ("PARIS, 3 mai 2017 —"). */
static int xc_is_dateline(const char *text, const qp_timex *x)
{
    size_t line = x->start;
    while (line > 0 && text[line - 1] != '\n')
        line--;
    if (x->start - line > 60)
        return 0;
    const char *p = text + x->end;
    while (*p == ' ' || *p == ')')
        p++;
    return !strncmp(p, "\xe2\x80\x94", 3) || !strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "--", 2) ||
           (p[0] == '-' && p[1] == ' ');
}

/* The time of an event in sentence s: the time expression that governs the trigger, the time a
 * past-tense report carries on, else the date of the article. */
void xc_event_time(doc_state *st, const sentence_view *s, size_t trigger_byte, int past, const char *code,
                   qp_time_ref *t)
{
    const qp_timex *best = NULL;
    size_t best_d = (size_t)-1;
    /* the parse said which expression the trigger's clause governs */
    if (st->clause_timex >= 0 && (size_t)st->clause_timex < st->timex.count)
        best = &st->timex.items[st->clause_timex], best_d = 0;
    for (size_t i = 0; !best && i < st->timex.count; i++) {
        const qp_timex *x = &st->timex.items[i];
        if (x->start < s->start || x->end > s->end || x->type == QP_TIMEX_DURATION || x->type == QP_TIMEX_SET ||
            !x->begin)
            continue;
        if (xc_is_dateline(s->text, x))
            continue; /* "SOUTHWEST ASIA, Aug. 9, 2017 —": when it was written, not when it happened */
        /* a time after the trigger governs it within the same clause ("a lancé mardi", "attacked
         * the Islamic State yesterday"); one at the head of the sentence ("Il y a une semaine,
         * …") governs the whole of it */
        /* "l'exécution, jeudi, par les rebelles": a time set off right after the trigger is its */
        int aside = x->start > trigger_byte && x->start - trigger_byte < 24 && x->start >= 2 &&
                    s->text[x->start - 2] == ',' &&
                    memchr(s->text + trigger_byte, ',', x->start - trigger_byte) == s->text + x->start - 2;
        if (x->start > trigger_byte && !aside &&
            (x->start - trigger_byte > 100 || memchr(s->text + trigger_byte, ',', x->start - trigger_byte) ||
             (x->start - trigger_byte > 40 && (!x->grain || strcmp(x->grain, "day")))))
            continue; /* "… le califat auto-proclamé en 2014": a year far on qualifies something else */
        size_t d = x->start > trigger_byte ? x->start - trigger_byte : trigger_byte - x->start;
        if (d < best_d) {
            best = x;
            best_d = d;
        }
    }
    if (!best && past) {
        /* a report goes on at the time it set, in the past tense: "yesterday … Near Raqqa, 22
         * strikes engaged …"; the present ("l'opération est présentée") is the article's day */
        const qp_event *ctx = NULL;
        for (size_t i = st->n_events; i-- > 0;) {
            const qp_event *e = &st->events[i];
            if (&e->time == t)
                continue; /* the event being made */
            /* the latest sentence before, within three (a report's section headers may come
             * between), or six for the same deed (a strike report's lines go on from its
             * summary); the events are in the order they were made, not always by sentence */
            int same = code && e->action && !strcmp(code, e->action);
            if (e->sentence >= s->index || e->sentence + (same ? 6 : 3) < s->index ||
                (ctx && e->sentence <= ctx->sentence))
                continue;
            if (e->time.anchor && strcmp(e->time.anchor, "document") && e->time.grain && !strcmp(e->time.grain, "day"))
                ctx = e;
        }
        if (ctx) {
            *t = ctx->time;
            t->anchor = "context";
            return;
        }
    }
    if (best) {
        t->value = best->value;
        t->start = best->begin;
        t->end = best->end_date;
        t->grain = best->grain;
        t->text = qp_arena_strndup(st->arena, s->text + best->start, best->end - best->start);
        t->anchor = "text";
        return;
    }
    if (st->doc->published) {
        t->value = st->doc->published;
        t->start = st->doc->published;
        t->end = st->doc_end;
        t->grain = "day";
        t->anchor = "document";
    }
}

/* Whether actor a belongs to the country of ISO2 code cc. */
static int actor_of(const doc_state *st, const qp_actor_ref *a, const char *cc)
{
    int ci = a->country ? qp_lexicon_country(&st->x->lx, a->country) : -1;
    return ci >= 0 && st->x->lx.countries[ci].iso2 && !strcmp(st->x->lx.countries[ci].iso2, cc);
}

/* "les autoroutes menant à Alep", "the road leading to Raqqa": where a road goes, not where
 * the sentence happens. */
static int destination(const sentence_view *s, size_t t0)
{
    static const char *const leading[] = {"menant", "mene", "menent", "conduisant", "leading"};
    return t0 >= 2 && (xs_is(s, t0 - 1, "a") || xs_is(s, t0 - 1, "to")) &&
           xs_is_any(s, t0 - 2, leading, QP_ARRAY_LEN(leading));
}

/* "Near Kisik, …", "Près de Kisik, …": a line that names a place the gazetteer does not know. */
static int unnamed_near(const sentence_view *s)
{
    size_t k = 0;
    while (k < s->n_tok && (s->tok[k].flags & QP_TOK_PUNCT))
        k++; /* "-- Near …" */
    if (k + 1 >= s->n_tok || !(xs_is(s, k, "near") || xs_is(s, k, "pres")))
        return 0;
    if (xs_is(s, k + 1, "de") || xs_is(s, k + 1, "d"))
        k++;
    int mk = xs_mention_at(s, k + 1);
    return k + 1 < s->n_tok && (s->tok[k + 1].flags & QP_TOK_CAP) && (mk < 0 || s->m[mk].kind != MENTION_PLACE);
}

/* The country a report's section is about: the latest country named as a place in this
 * sentence or the eight before ("Strikes in Iraq", "In Iraq, coalition forces…"), into p.
 * s is an element of the article's sentence array. 0 when none. */
static int section_country(const sentence_view *s, qp_place_ref *p)
{
    for (int back = 0; back <= 8 && back <= s->index; back++) {
        const sentence_view *v = s - back;
        for (size_t i = v->n_m; i-- > 0;)
            if (v->m[i].kind == MENTION_PLACE && v->m[i].place.id && is_country_place(&v->m[i])) {
                *p = v->m[i].place;
                return 1;
            }
    }
    return 0;
}

void xc_event_place(doc_state *st, const sentence_view *s, size_t t, int obj_place, qp_event *e)
{
    qp_place_ref *p = &e->place;
    int best = obj_place;
    size_t best_d = (size_t)-1;
    if (best < 0) {
        for (size_t i = 0; i < s->n_m; i++) {
            const mention *m = &s->m[i];
            if (m->kind != MENTION_PLACE || !m->place.id || destination(s, m->t0))
                continue;
            /* a place after the trigger binds tighter than one before, and a town or a province
             * tighter than the country around it */
            size_t d = m->t0 >= t ? (m->t0 - t) : (t - m->t0) * 2;
            if (m->place.feature && !strcmp(m->place.feature, "A.PCLI"))
                d += 40;
            if (d < best_d) {
                best = (int)i;
                best_d = d;
            }
        }
    }
    if (best >= 0 && s->m[best].place.id) {
        *p = s->m[best].place;
    } else if (best >= 0 && s->m[best].is_place_too && s->m[best].country >= 0) {
        xt_place_from_country(st->x, st->arena, s->m[best].country, p);
        p->text = s->m[best].actor.text;
    } else if (unnamed_near(s) && section_country(s, p)) {
        /* "Near Kisik, two strikes…": a town the gazetteer lacks is in the country of the
         * report's section, not the town of the line before */
    } else if (st->last_place.id && st->last_place_sentence + 2 >= s->index &&
               (!st->focus_place.country || !st->last_place.country ||
                !strcmp(st->focus_place.country, st->last_place.country) ||
                actor_of(st, &e->actor2, st->last_place.country))) {
        /* the place the article was just talking about, if in the country it is about or the
         * recipient's: a caption's "à Chypre" does not carry over to Syria's streets */
        *p = st->last_place;
    } else if (st->focus_place.id) {
        *p = st->focus_place;
    }
}

/* Whether actor kinds can fight: states and their forces, armed groups, coalitions. */
static int xc_armed_kind(const char *kind)
{
    return kind && (!strcmp(kind, "armed group") || !strcmp(kind, "military") || !strcmp(kind, "paramilitary") ||
                    !strcmp(kind, "coalition") || !strcmp(kind, "state") || !strcmp(kind, "government") ||
                    !strcmp(kind, "police"));
}

/* An assault whose sentence names no target is aimed at the enemy the article names: another
 * armed actor of the same sentence that is not on the attacker's side, else the target the
 * same attacker had just before in the article. */
/* The actor the article's assaults are most often against, at least `times` times: an armed
 * group only when armed, never the generic "jihadists" when named; NULL when none. Points into
 * st->events. */
static const qp_actor_ref *most_attacked(const doc_state *st, size_t times, int armed, int named)
{
    const qp_actor_ref *enemy = NULL;
    size_t best = times ? times - 1 : 0;
    for (size_t i = 0; i < st->n_events; i++) {
        const qp_actor_ref *t = &st->events[i].actor2;
        if (strcmp(st->events[i].action, "ASSAULT") || !t->id ||
            (armed && (!t->kind || strcmp(t->kind, "armed group"))) || (named && !strcmp(t->id, "JIHADISTS")))
            continue;
        size_t n = 0;
        for (size_t j = 0; j < st->n_events; j++)
            n += !strcmp(st->events[j].action, "ASSAULT") && xc_same_actor(&st->events[j].actor2, t);
        if (n > best) {
            best = n;
            enemy = t;
        }
    }
    return enemy;
}

/* Whether the article has a and b backing or working with each other. */
static int allied(const doc_state *st, const qp_actor_ref *a, const qp_actor_ref *b)
{
    for (size_t j = 0; j < st->n_events; j++) {
        const qp_event *o = &st->events[j];
        if ((strcmp(o->action, "AID") && strcmp(o->action, "COOPERATE") && strcmp(o->action, "LEAD")) ||
            (o->flags & QP_EVENT_HIDDEN))
            continue;
        if ((xc_same_actor(&o->actor1, a) && xc_same_actor(&o->actor2, b)) ||
            (xc_same_actor(&o->actor1, b) && xc_same_actor(&o->actor2, a)))
            return 1;
    }
    return 0;
}

void xc_infer_assault_targets(doc_state *st, const sentence_view *sv)
{
    /* "Coalition strikes support Iraqi forces": those the article has the attacker back are
     * not its target */
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (!strcmp(e->action, "ASSAULT") && e->actor2.id && allied(st, &e->actor1, &e->actor2))
            memset(&e->actor2, 0, sizeof e->actor2);
    }
    const qp_actor_ref *found = most_attacked(st, 2, 1, 0);
    qp_actor_ref enemy_copy = found ? *found : (qp_actor_ref){0};
    const qp_actor_ref *enemy = found ? &enemy_copy : NULL;
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (strcmp(e->action, "ASSAULT") || e->actor2.id || (e->flags & QP_EVENT_HIDDEN))
            continue;
        const sentence_view *s = &sv[e->sentence];
        const qp_actor_ref *best = NULL;
        for (size_t k = 0; k < s->n_m && !best; k++) {
            const mention *m = &s->m[k];
            if (m->kind != MENTION_ACTOR || !m->actor.id || !xc_armed_kind(m->actor.kind) ||
                xc_same_actor(&m->actor, &e->actor1))
                continue;
            /* states and their forces are named when they are targets; an implied target is
             * the armed group the article is about */
            if (strcmp(m->actor.kind, "armed group") && strcmp(m->actor.kind, "paramilitary"))
                continue;
            if (m->actor.country && e->actor1.country && !strcmp(m->actor.country, e->actor1.country))
                continue; /* the Syrian police is no target of the Syrian army */
            /* a partner of the attacker in this sentence is not its target */
            int partner = 0;
            for (size_t j = 0; j < st->n_events; j++) {
                const qp_event *o = &st->events[j];
                if (o->sentence == e->sentence && xc_same_actor(&o->actor1, &m->actor) && !strcmp(o->action, "ASSAULT"))
                    partner = 1;
                if (o->sentence == e->sentence && !strcmp(o->action, "AID") &&
                    (xc_same_actor(&o->actor1, &m->actor) || xc_same_actor(&o->actor2, &m->actor)))
                    partner = 1;
            }
            if (!partner)
                best = &m->actor;
        }
        for (size_t j = i; j-- > 0 && !best;) {
            const qp_event *o = &st->events[j];
            if (!strcmp(o->action, "ASSAULT") && o->actor2.id && same_side(&o->actor1, &e->actor1) &&
                xc_armed_kind(o->actor2.kind) && !same_side(&o->actor2, &e->actor1))
                best = &o->actor2;
        }
        /* else the enemy the article's fighting is most against */
        if (!best && enemy && !xc_same_actor(enemy, &e->actor1) && !same_side(enemy, &e->actor1))
            best = enemy;
        if (best) {
            e->actor2 = *best;
            e->actor2.text = NULL;
            e->confidence *= 0.8;
        }
    }
}

/* Whether the article has a fighting the generic jihadists. */
static int fights_jihadists(const doc_state *st, const qp_actor_ref *a)
{
    for (size_t i = 0; i < st->n_events; i++) {
        const qp_event *e = &st->events[i];
        if (!strcmp(e->action, "ASSAULT") && !(e->flags & QP_EVENT_HIDDEN) && e->actor2.id &&
            !strcmp(e->actor2.id, "JIHADISTS") && xc_same_actor(&e->actor1, a))
            return 1;
    }
    return 0;
}

/* The armed group the article names most, at least twice, that it does not have fighting the
 * jihadists ("l'EI", named five times in an article on al-Qaïm where the regime and the SDF
 * squeeze "les jihadistes"); NULL when none. Points into st->ents. */
static const qp_actor_ref *most_named_group(const doc_state *st)
{
    const qp_actor_ref *best = NULL;
    size_t best_n = 1;
    for (size_t i = 0; i < st->n_ents; i++) {
        const qp_actor_ref *a = &st->ents[i].a;
        if (!a->id || !a->kind || strcmp(a->kind, "armed group") || !strcmp(a->id, "JIHADISTS"))
            continue;
        size_t n = 0;
        for (size_t j = 0; j < st->n_ents; j++)
            n += st->ents[j].a.id && !strcmp(st->ents[j].a.id, a->id);
        if (n > best_n && !fights_jihadists(st, a)) {
            best = a;
            best_n = n;
        }
    }
    return best;
}

void xc_name_the_jihadists(doc_state *st)
{
    /* the armed group the article's assaults are most against, other than the generic one:
     * the Kurdish-Arab alliance an article on Raqqa names most is not "the jihadists" */
    const qp_actor_ref *named = most_attacked(st, 1, 1, 1);
    if (!named)
        named = most_named_group(st);
    if (!named)
        return;
    qp_actor_ref group = *named;
    for (size_t i = 0; i < st->n_events; i++)
        for (int r = 0; r < 2; r++) {
            qp_actor_ref *a = r ? &st->events[i].actor2 : &st->events[i].actor1;
            if (a->id && !strcmp(a->id, "JIHADISTS")) {
                const char *text = a->text;
                *a = group;
                a->text = text;
            }
        }
    for (size_t i = 0; i < st->n_events; i++) /* "ISIS attacked the terrorists" is no event */
        if (st->events[i].actor2.id && xc_same_actor(&st->events[i].actor1, &st->events[i].actor2))
            memset(&st->events[i].actor2, 0, sizeof st->events[i].actor2);
}

void xc_infer_protest_targets(doc_state *st)
{
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (strcmp(e->action, "PROTEST") || e->actor2.id || !e->actor1.kind ||
            (strcmp(e->actor1.kind, "civilians") && strcmp(e->actor1.kind, "opposition")))
            continue;
        int ci = e->actor1.country ? qp_lexicon_country(&st->x->lx, e->actor1.country) : -1;
        if (ci < 0 && e->place.country)
            ci = qp_lexicon_country_iso2(&st->x->lx, e->place.country);
        if (ci < 0)
            continue;
        xt_actor_from_country(st->x, ci, &e->actor2);
        e->actor2.text = NULL;
    }
}

void xc_find_dateline(doc_state *st, const sentence_view *sv, size_t n)
{
    static const char *const dashes[] = {"-", "\xe2\x80\x94", "\xe2\x80\x93", ",", "("};
    for (size_t i = 0; i < n && i < 6; i++) {
        const sentence_view *s = &sv[i];
        const mention *m = NULL;
        for (size_t k = 0; k < s->n_m && !m; k++)
            if (s->m[k].kind >= 0)
                m = &s->m[k];
        if (m && m->kind == MENTION_PLACE && m->place.id && m->t0 == 0 && (s->tok[0].flags & QP_TOK_UPPER) &&
            m->t1 < s->n_tok && xs_is_any(s, m->t1, dashes, QP_ARRAY_LEN(dashes))) {
            st->dateline = m->place;
            return;
        }
    }
}

void xc_place_words_at_dateline(doc_state *st)
{
    static const char *const words[] = {"SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"};
    if (!st->dateline.id)
        return;
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        for (size_t k = 0; k < QP_ARRAY_LEN(words); k++)
            if (!strcmp(e->action, words[k]))
                e->place = st->dateline;
        /* talks too, unless held in a capital the text names ("une visite à Damas") */
        if (!strcmp(e->action, "CONSULT") && !(e->place.feature && !strcmp(e->place.feature, "P.PPLC")))
            e->place = st->dateline;
    }
}

/* QUIPU_DEBUG_MENTIONS=1: what the matcher saw, on stderr, for lexicon work. */
void xc_dump_mentions(const qp_extractor *x, const sentence_view *s)
{
    static const char *const kinds[] = {"ACTOR", "ACTION", "PLACE", "AGENT", "DEMONYM"};
    fprintf(stderr, "sentence %d: %.*s\n", s->index, (int)(s->end - s->start), s->text + s->start);
    for (size_t i = 0; i < s->n_m; i++) {
        const mention *m = &s->m[i];
        if (m->kind < 0)
            continue;
        fprintf(stderr, "  [%zu,%zu) %-7s %.*s", m->t0, m->t1, kinds[m->kind],
                (int)(s->tok[m->t1 - 1].end - s->tok[m->t0].start), s->text + s->tok[m->t0].start);
        if (m->kind == MENTION_ACTOR)
            fprintf(stderr, " -> %s", m->actor.id);
        if (m->kind == MENTION_PLACE)
            fprintf(stderr, " -> %s", m->place.label ? m->place.label : "?");
        for (int k = 0; m->kind == MENTION_ACTION && k < m->n_readings; k++)
            fprintf(stderr, " %s/%d%s", x->lx.actions[m->actions[k]].lemma, m->tags[k],
                    x->lx.actions[m->actions[k]].light ? "/light" : "");
        fputc('\n', stderr);
    }
}

/* "au moins 20 civils ont péri dans des raids", "12 civilians died in the strikes": civilians
 * followed closely by a verb of dying are the victims of the sentence. */
int xc_died_victims(const sentence_view *s)
{
    static const char *const died[] = {"peri", "perissent", "mort", "morts", "mortes", "meurent", "decede",
                                       "decedes", "died", "die", "dead", "perished"};
    for (size_t i = 0; i < s->n_m; i++) {
        const mention *m = &s->m[i];
        if (m->kind != MENTION_ACTOR || !m->actor.kind || strcmp(m->actor.kind, "civilians"))
            continue;
        for (size_t k = m->t1; k < m->t1 + 4 && k < s->n_tok; k++)
            if (xs_is_any(s, k, died, QP_ARRAY_LEN(died)))
                return (int)i;
    }
    return -1;
}

/* "a fait 34 morts", "fait au moins dix victimes", "12 tués": a count of the dead. */
int xc_counted_dead(const sentence_view *s)
{
    static const char *const dead[] = {"morts", "victimes", "tues", "blesses", "deaths", "dead", "casualties"};
    for (size_t k = 1; k < s->n_tok; k++)
        if ((s->tok[k - 1].flags & QP_TOK_NUM) && xs_is_any(s, k, dead, QP_ARRAY_LEN(dead)))
            return 1;
    return 0;
}

/* Whether e, told without a recipient, is the deed another event of its sentence tells with one
 * ("tués … par les forces" beside "tués par les forces" of the civilians): the same actor, act
 * and reading. */
static int subsumed(const doc_state *st, size_t i)
{
    const qp_event *e = &st->events[i];
    if (e->actor2.id)
        return 0;
    for (size_t j = 0; j < st->n_events; j++) {
        const qp_event *k = &st->events[j];
        if (j != i && k->sentence == e->sentence && k->actor2.id && !strcmp(k->action, e->action) &&
            xc_same_actor(&k->actor1, &e->actor1) && (k->flags & QP_EVENT_HIDDEN) == (e->flags & QP_EVENT_HIDDEN))
            return 1;
    }
    return 0;
}

/* After targets are inferred two triggers of a sentence can tell the same event ("had killed 20
 * fighters in air strikes"): keep one, with the better-anchored time and the wider evidence. */
void xc_merge_duplicates(doc_state *st)
{
    size_t kept = 0;
    for (size_t i = 0; i < st->n_events; i++)
        if (!subsumed(st, i))
            st->events[kept++] = st->events[i];
    st->n_events = kept;
    size_t out = 0;
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        qp_event *keep = NULL;
        for (size_t j = 0; j < out && !keep; j++) {
            qp_event *k = &st->events[j];
            if (k->sentence == e->sentence && !strcmp(k->action, e->action) && xc_same_actor(&k->actor1, &e->actor1) &&
                ((!k->actor2.id && !e->actor2.id) || xc_same_actor(&k->actor2, &e->actor2)))
                keep = k;
        }
        if (!keep) {
            st->events[out++] = *e;
            continue;
        }
        if (e->time.anchor && !strcmp(e->time.anchor, "text") &&
            (!keep->time.anchor || strcmp(keep->time.anchor, "text")))
            keep->time = e->time;
        if (e->evidence_start < keep->evidence_start)
            keep->evidence_start = e->evidence_start;
        if (e->evidence_end > keep->evidence_end)
            keep->evidence_end = e->evidence_end;
        keep->flags &= e->flags;
        if (e->confidence > keep->confidence)
            keep->confidence = e->confidence;
    }
    st->n_events = out;
}

void xc_merge_headline_repeats(doc_state *st)
{
    size_t out = 0;
    for (size_t i = 0; i < st->n_events; i++) {
        const qp_event *e = &st->events[i];
        int repeated = 0;
        for (size_t j = i + 1; j < st->n_events && e->sentence <= 1 && !repeated; j++) {
            const qp_event *f = &st->events[j];
            if (f->sentence <= e->sentence || f->sentence > e->sentence + 3 || strcmp(f->action, e->action) ||
                !xc_same_actor(&f->actor1, &e->actor1) ||
                !((!f->actor2.id && !e->actor2.id) || xc_same_actor(&f->actor2, &e->actor2)))
                continue;
            /* two places the text names apart are two events ("Near Raqqa", "Near Mosul") */
            if (e->place.text && f->place.text && e->place.id && f->place.id && strcmp(e->place.id, f->place.id) &&
                e->place.feature && f->place.feature && strcmp(e->place.feature, "A.PCLI") &&
                strcmp(f->place.feature, "A.PCLI"))
                continue;
            repeated = 1;
        }
        if (!repeated)
            st->events[out++] = *e;
    }
    st->n_events = out;
}

/* Places the gazetteer found are resolved once the whole article's countries are known. */
void xc_resolve_places(doc_state *st, sentence_view *sv, size_t n, const qp_country_mention *cm, size_t ncm)
{
    if (!st->x->gaz)
        return;
    for (size_t i = 0; i < n; i++) {
        sentence_view *s = &sv[i];
        for (size_t k = 0; k < s->n_m; k++) {
            mention *m = &s->m[k];
            if (m->kind != MENTION_PLACE || m->place.id)
                continue;
            qp_buf key;
            qp_buf_init(&key);
            for (size_t t = m->t0; t < m->t1; t++) {
                if (xt_skippable(s, t))
                    continue;
                if (key.len)
                    qp_buf_putc(&key, ' ');
                qp_buf_puts(&key, s->tok[t].fold);
            }
            qp_place_cand cands[16];
            size_t nc = key.len ? qp_gazetteer_lookup(st->x->gaz, key.data, key.len, cands, 16) : 0;
            if (nc > 16)
                nc = 16;
            qp_place_context ctx = {.mentions = cm, .n_mentions = ncm,
                                    .text_case = (s->tok[m->t0].flags & QP_TOK_CAP) ? QP_CASE_CAPITALISED
                                                                                       : QP_CASE_LOWER};
            if (m->t0 == 0)
                ctx.text_case = QP_CASE_UNKNOWN;
            const qp_place_cand *c = nc ? qp_gazetteer_choose(st->x->gaz, cands, nc, &ctx) : NULL;
            /* "la province de Deir Ezzor", "Anbar province": the division, not its capital city */
            static const char *const div_words[] = {"province", "gouvernorat", "governorate", "region", "wilaya",
                                                    "provinces", "district"};
            int division = (m->t0 >= 2 && xs_is_any(s, m->t0 - 2, div_words, QP_ARRAY_LEN(div_words)) &&
                            (xs_is(s, m->t0 - 1, "de") || xs_is(s, m->t0 - 1, "d") || xs_is(s, m->t0 - 1, "of"))) ||
                           (m->t1 < s->n_tok && xs_is_any(s, m->t1, div_words, QP_ARRAY_LEN(div_words)));
            for (size_t ck = 0; c && division && ck < nc; ck++)
                if (cands[ck].feature_class == 'A' && !strncmp(cands[ck].feature_code, "ADM", 3) &&
                    !strcmp(cands[ck].country, c->country)) {
                    c = &cands[ck];
                    break;
                }
            qp_buf_destroy(&key);
            /* "Minister Nurettin Canikli": a small town named like the first name of a person
             * whose surname follows is that person's first name */
            if (c && m->t1 < s->n_tok && (s->tok[m->t1].flags & QP_TOK_CAP) && !(s->tok[m->t1].flags & QP_TOK_PUNCT) &&
                !(s->tok[m->t1].flags & QP_TOK_UPPER) && c->population < 50000 && !(c->match & QP_PLACE_CURATED) &&
                m->t1 - m->t0 == 1 && xs_mention_at(s, m->t1) < 0)
                c = NULL;
            if (!c) {
                if (m->country < 0)
                    m->kind = -1;
                continue;
            }
            m->place.id = c->geonames_id ? qp_arena_printf(st->arena, "geonames:%u", c->geonames_id)
                                         : qp_arena_strdup(st->arena, c->synthetic_id);
            m->place.label = qp_arena_strdup(st->arena, c->name);
            m->place.country = qp_arena_strdup(st->arena, c->country);
            m->place.lat = c->lat;
            m->place.lon = c->lon;
            m->place.feature = qp_arena_printf(st->arena, "%c.%s", c->feature_class, c->feature_code);
        }
    }
}
