/* extract_context.h — what the article around an event tells: when, where, against whom, and
 * which events are one. Internal to src/extract*.c. */
#ifndef QP_EXTRACT_CONTEXT_H
#define QP_EXTRACT_CONTEXT_H

#include <stddef.h>

#include "extract_int.h"
#include "timex.h"

/* An actor the article has named (extract_entities.c). */
typedef struct xn_entity {
    qp_actor_ref a;
    int sentence;
    size_t at;     /* byte offset in the text */
    int plural;
    int subject;   /* named as the subject of a verb */
} xn_entity;

/* One article being extracted: its events so far and what the frames carry between sentences. */
typedef struct doc_state {
    const qp_extractor *x;
    qp_document *doc;
    qp_arena *arena;
    int lang;
    qp_timex_list timex;
    qp_event *events;
    size_t n_events, cap_events;
    qp_event *last_added;    /* the event add_event just made, NULL when it made none */
    int trigger_past;        /* the trigger being framed is in a past tense */
    int clause_timex;        /* the time expression its clause governs on the parse (index in timex), -1 */
    int victims;             /* mention of the sentence's unnamed victims ("30 civilians were killed"), -1 */
    qp_place_ref last_place; /* the latest place the article named, for sentences that name none */
    int last_place_sentence;
    qp_place_ref focus_place;
    int where;               /* the country the article's events happen in (lexicon index), -1 */
    const char *doc_end;     /* the day after the document date, in the arena */
    qp_place_ref dateline;   /* "MOSCOU -", "BEIRUT, Aug. 3 —": where the article was filed */
    xn_entity *ents;         /* the actors named so far, in order */
    size_t n_ents, cap_ents;
    qp_actor_ref author;     /* the body that issued the article (its "source"), the text's "we" */
    qp_actor_ref speaker;    /* the latest speaker, and in which sentence */
    int speaker_sentence;
    /* a report's lines that name no attacker ("Near Raqqa, 22 strikes engaged…") are read
     * again once the article is done, with its main attacker (extract_entities.c) */
    unsigned char *report_lines;
    int report_pass;
    qp_actor_ref report_actor;
} doc_state;

/* The day after d (YYYY-MM-DD) into out; "" when d is malformed. */
void xc_next_day(const char *d, char out[11]);

/* Both refs name the same actor. */
int xc_same_actor(const qp_actor_ref *a, const qp_actor_ref *b);

/* The time of an event in sentence s: the time expression that governs the trigger, the time a
 * past-tense report carries on, else the date of the article. */
void xc_event_time(doc_state *st, const sentence_view *s, size_t trigger_byte, int past, const char *code,
                   qp_time_ref *t);

/* The place of event e (its actors set): the object place, the nearest place of the sentence
 * (a town before a country), the place just named if in the country the article happens in
 * or the recipient's, else the country the article happens in. */
void xc_event_place(doc_state *st, const sentence_view *s, size_t t, int obj_place, qp_event *e);

/* An assault whose sentence names no target is aimed at the enemy the article names: another
 * armed actor of the same sentence that is not on the attacker's side, else the target the
 * same attacker had just before in the article. */
void xc_infer_assault_targets(doc_state *st, const sentence_view *sv);

/* "the terrorists", "les jihadistes" in an article about one armed group are that group: the
 * armed group its assaults are most against. */
void xc_name_the_jihadists(doc_state *st);

/* People who protest with no one named protest against their own state ("des milliers de
 * Syriens ont manifesté"), or the state of the place they protest in. */
void xc_infer_protest_targets(doc_state *st);

/* Words are said where the article was filed: a statement, a demand, a condemnation takes
 * the dateline's place rather than a place its content names ("une enquête sur … Houla"). */
void xc_place_words_at_dateline(doc_state *st);

/* The dateline of the article's first sentences, into st->dateline. */
void xc_find_dateline(doc_state *st, const sentence_view *sv, size_t n);

/* QUIPU_DEBUG_MENTIONS=1: what the matcher saw, on stderr, for lexicon work. */
void xc_dump_mentions(const qp_extractor *x, const sentence_view *s);

/* "au moins 20 civils ont péri dans des raids", "12 civilians died in the strikes": civilians
 * followed closely by a verb of dying are the victims of the sentence. */
int xc_died_victims(const sentence_view *s);

/* "a fait 34 morts", "fait au moins dix victimes", "12 tués": a count of the dead. */
int xc_counted_dead(const sentence_view *s);

/* After targets are inferred two triggers of a sentence can tell the same event ("had killed 20
 * fighters in air strikes"): keep one, with the better-anchored time and the wider evidence. */
void xc_merge_duplicates(doc_state *st);

/* The same event in the headline and the lead ("L'armée israélienne accuse le régime syrien"
 * twice) is one: the copy in the first two sentences goes when one of the next three tells it
 * again, unless the two name different towns. */
void xc_merge_headline_repeats(doc_state *st);

/* Places the gazetteer found are resolved once the whole article's countries are known. */
void xc_resolve_places(doc_state *st, sentence_view *sv, size_t n, const qp_country_mention *cm, size_t ncm);

#endif
