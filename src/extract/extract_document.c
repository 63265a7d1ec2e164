/* extract_document.c — one article: its sentences matched, its countries counted, agents
 * composed, the frames run sentence by sentence (extract.c), then what the whole article
 * tells: targets, recipients, datelines, repeats, lists of places. */
#include "extract.h"
#include "extract_context.h"
#include "extract_event.h"
#include "extract_entities.h"
#include "extract_roles.h"
#include "extract_int.h"
#include "extract_syntax.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The actor a bare agent ("aircraft", "the troops") continues: the initiator of the article's
 * latest events, within three sentences; of "U.S. and coalition forces", the coalition, the
 * whole that the rest of the report speaks for. NULL when none. */
static const qp_actor_ref *carried_actor(const doc_state *st, int sentence)
{
    if (!st->n_events || st->events[st->n_events - 1].sentence + 3 < sentence)
        return NULL;
    int last = st->events[st->n_events - 1].sentence;
    const qp_actor_ref *best = &st->events[st->n_events - 1].actor1;
    for (size_t i = st->n_events; i-- > 0 && st->events[i].sentence == last;)
        if (st->events[i].actor1.kind && !strcmp(st->events[i].actor1.kind, "coalition"))
            best = &st->events[i].actor1;
    return best;
}

/* Whether the words between two places join them as items of a list: "dans le sud de la Syrie,
 * à Homs et dans la banlieue de Damas", "Dibis, Al-Multaqa, and the Khabbaz" — a comma or a
 * conjunction, with prepositions and articles; not "Qayyarah in the Tigris valley". A country
 * after a town and a comma is the town's address: "Near Raqqa, Syria". */
static int list_link(const sentence_view *s, const mention *a, const mention *b)
{
    static const char *const words[] = {",", "et", "and", "a", "au", "aux", "in", "at", "dans", "la", "le", "l",
                                        "les", "the", "de", "du", "des", "near", "pres", "ou", "or"};
    static const char *const joins[] = {",", "et", "and", "ou", "or"};
    if (b->t0 < a->t1 || b->t0 - a->t1 > 4)
        return 0;
    int joined = 0;
    for (size_t t = a->t1; t < b->t0; t++) {
        if (!xs_is_any(s, t, words, QP_ARRAY_LEN(words)))
            return 0;
        joined |= xs_is_any(s, t, joins, QP_ARRAY_LEN(joins));
    }
    if (b->place.feature && !strcmp(b->place.feature, "A.PCLI") && b->t0 == a->t1 + 1 && xs_is(s, a->t1, ",") &&
        a->place.country && b->place.country && !strcmp(a->place.country, b->place.country))
        return 0;
    return joined;
}

/* The places of the list that place mention p belongs to, as mention indices in list[]; the
 * count, 1 when p stands alone. */
static size_t place_list(const sentence_view *s, size_t p, size_t *list, size_t cap)
{
    size_t first = p;
    for (;;) { /* back to the head of the list */
        size_t k = first;
        while (k-- > 0 && s->m[k].kind < 0)
            ;
        if (k == (size_t)-1 || s->m[k].kind != MENTION_PLACE || !s->m[k].place.id ||
            !list_link(s, &s->m[k], &s->m[first]))
            break;
        first = k;
    }
    size_t n = 0;
    for (size_t k = first; k < s->n_m && n < cap; k++) {
        if (s->m[k].kind < 0)
            continue;
        if (s->m[k].kind != MENTION_PLACE || !s->m[k].place.id)
            break;
        if (n && !list_link(s, &s->m[list[n - 1]], &s->m[k]))
            break;
        list[n++] = k;
    }
    return n;
}

/* "Quinze personnes ont été tuées à Homs et dans la banlieue de Damas": one event per place of
 * a list, as the guideline counts them. 0 or QP_ENOMEM. */
static int split_place_lists(doc_state *st, const sentence_view *sv)
{
    size_t n = st->n_events;
    for (size_t i = 0; i < n; i++) {
        const qp_event *e = &st->events[i];
        if (!e->place.id || (e->flags & QP_EVENT_HIDDEN) || !e->action ||
            (strcmp(e->action, "ASSAULT") && strcmp(e->action, "COERCE") && strcmp(e->action, "PROTEST")))
            continue;
        const sentence_view *s = &sv[e->sentence];
        size_t p = (size_t)-1;
        for (size_t k = 0; k < s->n_m && p == (size_t)-1; k++)
            if (s->m[k].kind == MENTION_PLACE && s->m[k].place.id && !strcmp(s->m[k].place.id, e->place.id))
                p = k;
        size_t list[8];
        size_t nl = p == (size_t)-1 ? 0 : place_list(s, p, list, 8);
        for (size_t k = 0; k < nl; k++) {
            if (list[k] == p || !strcmp(s->m[list[k]].place.id, e->place.id))
                continue;
            qp_event copy = st->events[i];
            copy.place = s->m[list[k]].place;
            qp_event *c = xe_new_event(st);
            if (!c)
                return QP_ENOMEM;
            *c = copy;
        }
    }
    return 0;
}

/* "Selon Washington, 1.429 personnes sont mortes dans une attaque lancée par le régime",
 * "according to Damascus, the rebels shelled…": a state that vouches for a deed accuses its doer.
 * The sentence's events are those from index `from` on. 0 or QP_ENOMEM. */
static int source_accuses(doc_state *st, const sentence_view *s, size_t from)
{
    static const qp_lex_action accuse = {.code = "ACCUSE", .cameo = "11", .context = "political",
                                         .object = "recipient", .pos = "verb", .weight = 0.5};
    const mention *source = NULL;
    for (size_t k = 0; k + 1 < s->n_tok && !source; k++) {
        size_t n = xs_is(s, k, "selon") ? k + 1
                   : xs_is(s, k, "according") && xs_is(s, k + 1, "to") ? k + 2 : (size_t)-1;
        while (n < s->n_tok && xs_is_article(s, n))
            n++;
        int mi = n < s->n_tok ? xs_mention_at(s, n) : -1;
        if (mi >= 0 && s->m[mi].kind == MENTION_ACTOR && s->m[mi].actor.kind && !s->m[mi].guessed &&
            (!strcmp(s->m[mi].actor.kind, "state") || !strcmp(s->m[mi].actor.kind, "government")))
            source = &s->m[mi];
    }
    size_t n = st->n_events;
    for (size_t i = from; source && i < n; i++) {
        qp_event deed = st->events[i];
        if (strcmp(deed.action, "ASSAULT") || (deed.flags & QP_EVENT_HIDDEN) || !deed.actor1.id ||
            xc_same_actor(&deed.actor1, &source->actor) ||
            (deed.actor1.country && source->actor.country && !strcmp(deed.actor1.country, source->actor.country)))
            continue;
        int r =
            xe_add_event(st, s, source, &accuse, &source->actor, &deed.actor1, -1, QP_EVENT_REPORTED, 0.5, "ACCUSE");
        if (r)
            return r;
    }
    return 0;
}

/* The body that issued the article, from its "source" ("U.S. Department of State press
 * statement", "Ministère des Affaires étrangères"): the first actor named there, who is the
 * "we" of the text when no one else speaks. Leaves st->author empty when none; 0 or an error. */
static int source_author(doc_state *st)
{
    const char *src = st->doc->source;
    if (!src || !*src)
        return 0;
    sentence_view s = {.text = src, .start = 0, .end = strlen(src), .index = -1, .lang = st->lang};
    int r = qp_tokenize(src, 0, s.end, st->arena, &s.tok, &s.n_tok);
    if (!r)
        r = xt_match_sentence(st->x, st->arena, &s, st->lang, st->doc->published);
    if (r == QP_EUTF8)
        return 0; /* a source we cannot read names no author */
    for (size_t k = 0; !r && k < s.n_m; k++)
        if (s.m[k].kind == MENTION_ACTOR && s.m[k].actor.id) {
            st->author = s.m[k].actor;
            break;
        }
    return r;
}

/* After a report's lines were read again with their doer, a line dated by the context takes
 * the day of the nearest line before it that set one ("Additionally, 12 strikes were conducted
 * on March 7. / Near Raqqa, two strikes destroyed…"), as the first reading could not: the
 * line before had no event then. */
static void retime_report_lines(doc_state *st)
{
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (!e->time.anchor || strcmp(e->time.anchor, "context"))
            continue;
        const qp_event *best = NULL;
        for (size_t j = 0; j < st->n_events; j++) {
            const qp_event *o = &st->events[j];
            if (o->sentence >= e->sentence || o->sentence + 6 < e->sentence || !o->time.anchor ||
                strcmp(o->time.anchor, "text") || !o->time.grain || strcmp(o->time.grain, "day") ||
                strcmp(o->action, e->action) || (best && o->sentence <= best->sentence))
                continue;
            best = o;
        }
        if (best && best->time.value && (!e->time.value || strcmp(best->time.value, e->time.value))) {
            /* only when nothing dated lies between them */
            int between = 0;
            for (size_t j = 0; j < st->n_events && !between; j++) {
                const qp_event *o = &st->events[j];
                between = o->sentence > best->sentence && o->sentence < e->sentence && o->time.anchor &&
                          !strcmp(o->time.anchor, "text");
            }
            if (!between) {
                e->time = best->time;
                e->time.anchor = "context";
            }
        }
    }
}

int qp_extract_document(const qp_extractor *x, qp_document *doc, qp_arena *arena)
{
    if (!doc->lang || (strcmp(doc->lang, "fr") && strcmp(doc->lang, "en")))
        return QP_ELANG;
    doc_state st = {.x = x, .doc = doc, .arena = arena, .lang = strcmp(doc->lang, "fr") ? 1 : 0};
    if (doc->published) {
        char end[11];
        xc_next_day(doc->published, end);
        st.doc_end = qp_arena_strdup(arena, end); /* events outlive this frame */
        if (!st.doc_end)
            return QP_ENOMEM;
    }
    int r = qp_timex_find(doc->text, doc->text_len, doc->lang, doc->published, arena, &st.timex);
    if (r && r != QP_EINVAL)
        return r;
    if ((r = source_author(&st)))
        return r;
    sentence_view *sv = qp_arena_calloc(arena, doc->n_sentences ? doc->n_sentences : 1, sizeof *sv);
    int *country_count = qp_arena_calloc(arena, x->lx.n_countries + 1, sizeof *country_count);
    if (!sv || !country_count)
        return QP_ENOMEM;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        sentence_view *s = &sv[i];
        s->text = doc->text;
        s->start = doc->sentences[i].start;
        s->end = doc->sentences[i].end;
        s->index = (int)i;
        s->lang = st.lang;
        if ((r = qp_tokenize(doc->text, s->start, s->end, arena, &s->tok, &s->n_tok)))
            return r;
        if ((r = xt_match_sentence(x, arena, s, st.lang, doc->published)))
            return r;
        for (size_t k = 0; k < s->n_m; k++)
            if (s->m[k].country >= 0)
                country_count[s->m[k].country]++;
            else if (s->m[k].kind == MENTION_ACTOR && s->m[k].actor.country && !xt_foreign_body(&s->m[k].actor)) {
                /* an NGO's or an agency's home (the OSDH's Britain) is not what the article is about */
                int ci = qp_lexicon_country(&x->lx, s->m[k].actor.country);
                if (ci >= 0)
                    country_count[ci]++;
            }
    }
    /* the article's focus: the country it names most */
    int focus = -1;
    size_t ncm = 0;
    qp_country_mention *cm = qp_arena_calloc(arena, x->lx.n_countries + 1, sizeof *cm);
    if (!cm)
        return QP_ENOMEM;
    for (size_t c = 0; c < x->lx.n_countries; c++) {
        if (!country_count[c])
            continue;
        if (focus < 0 || country_count[c] > country_count[focus])
            focus = (int)c;
        if (x->lx.countries[c].iso2) {
            snprintf(cm[ncm].iso2, sizeof cm[ncm].iso2, "%s", x->lx.countries[c].iso2);
            cm[ncm++].count = (unsigned)country_count[c];
        }
    }
    xc_resolve_places(&st, sv, doc->n_sentences, cm, ncm);
    /* where the article happens: the country its places lie in most (not the one whose
     * actors it names most: an article on Russian strikes happens in Syria) */
    int *place_count = qp_arena_calloc(arena, x->lx.n_countries + 1, sizeof *place_count);
    if (!place_count)
        return QP_ENOMEM;
    /* places first; a country named as an actor ("U.S. forces", fifteen times in a Pentagon
     * release on strikes in Iraq) counts only when the article names no place at all */
    int where = -1;
    for (int pass = 0; pass < 2 && where < 0; pass++)
        for (size_t i = 0; i < doc->n_sentences; i++)
            for (size_t k = 0; k < sv[i].n_m; k++) {
                const mention *m = &sv[i].m[k];
                if (pass == 0 ? m->kind != MENTION_PLACE : !(m->kind == MENTION_ACTOR && m->is_place_too))
                    continue;
                int c = xt_mention_country(x, m);
                if (c < 0)
                    continue;
                place_count[c]++;
                if (where < 0 || place_count[c] > place_count[where])
                    where = c;
            }
    if (where >= 0)
        xt_place_from_country(x, arena, where, &st.focus_place);
    st.where = where >= 0 ? where : focus;
    /* a bare agent ("l'armée") belongs to the country named just before, in this sentence or the
     * last; further back, to the country the article's events happen in */
    int recent = -1, recent_sentence = -10;
    int debug = getenv("QUIPU_DEBUG_MENTIONS") != NULL;
    st.clause_timex = -1;
    st.report_lines = qp_arena_calloc(arena, doc->n_sentences + 1, 1);
    if (!st.report_lines)
        return QP_ENOMEM;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        int near = recent_sentence + 1 >= (int)i ? recent : -1;
        const qp_actor_ref *carried = carried_actor(&st, (int)i);
        if ((r = xt_compose_actors(x, arena, &sv[i], st.lang, near, carried, where >= 0 ? where : focus)))
            return r;
        if ((r = xt_resolve_groups(x, arena, sv, i)))
            return r;
        if (debug)
            xc_dump_mentions(x, &sv[i]);
        for (size_t k = 0; k < sv[i].n_m; k++) {
            int c = is_country_place(&sv[i].m[k]) ? -1 : xt_mention_country(x, &sv[i].m[k]);
            if (c >= 0) {
                recent = c;
                recent_sentence = (int)i;
            }
        }
        st.victims = xc_died_victims(&sv[i]);
        size_t before = st.n_events;
        if ((r = xp_parse_sentence(x, arena, &sv[i])) || (r = xr_roles(&st, &sv[i])))
            return r;
        xn_remember(&st, &sv[i]);
        if ((r = source_accuses(&st, &sv[i], before)))
            return r;
        /* the sentence's assaults without a target were on its victims; "a fait 34 morts",
         * "killing 45 people" count civilians */
        qp_actor_ref civilians = {0};
        const qp_actor_ref *victims = st.victims >= 0 ? &sv[i].m[st.victims].actor : NULL;
        if (!victims && xc_counted_dead(&sv[i]) && qp_lexicon_actor(&x->lx, "CIVILIANS") >= 0) {
            xt_actor_from_lexicon(x, qp_lexicon_actor(&x->lx, "CIVILIANS"), NULL, &civilians);
            victims = &civilians;
        }
        for (size_t k = before; victims && k < st.n_events; k++)
            if (!strcmp(st.events[k].action, "ASSAULT") && !st.events[k].actor2.id)
                st.events[k].actor2 = *victims;
        /* "poursuit la répression", "the crackdown": repression falls on the population */
        for (size_t k = before; k < st.n_events; k++) {
            qp_event *e = &st.events[k];
            if (e->actor2.id || !e->context || strcmp(e->context, "repression"))
                continue;
            if (!civilians.id && qp_lexicon_actor(&x->lx, "CIVILIANS") >= 0)
                xt_actor_from_lexicon(x, qp_lexicon_actor(&x->lx, "CIVILIANS"), NULL, &civilians);
            if (civilians.id)
                e->actor2 = civilians;
        }
        for (size_t k = sv[i].n_m; k-- > 0;)
            if (sv[i].m[k].kind == MENTION_PLACE && sv[i].m[k].place.id) {
                st.last_place = sv[i].m[k].place;
                st.last_place_sentence = (int)i;
                break;
            }
    }
    /* a report's lines that named no attacker, read again with the article's main one */
    const qp_actor_ref *main_attacker = xn_main_attacker(&st);
    if (main_attacker) {
        st.report_actor = *main_attacker;
        st.report_pass = 1;
        for (size_t i = 0; i < doc->n_sentences; i++)
            if (st.report_lines[i] && sv[i].parse && (r = xr_roles(&st, &sv[i])))
                return r;
    }
    if (main_attacker)
        retime_report_lines(&st);
    xc_infer_assault_targets(&st, sv);
    xc_name_the_jihadists(&st);
    xc_infer_protest_targets(&st);
    xc_find_dateline(&st, sv, doc->n_sentences);
    xc_place_words_at_dateline(&st);
    xc_merge_duplicates(&st);
    xc_merge_headline_repeats(&st);
    if ((r = split_place_lists(&st, sv)))
        return r;
    for (size_t i = 0; i < st.n_events; i++) {
        qp_event *e = &st.events[i];
        e->evidence_text = qp_arena_strndup(arena, doc->text + e->evidence_start, e->evidence_end - e->evidence_start);
        e->uid = qp_arena_printf(arena, "%s#%d.%zu", doc->name, e->sentence, i);
    }
    doc->events = st.events;
    doc->n_events = st.n_events;
    return 0;
}
