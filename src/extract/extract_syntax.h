/* extract_syntax.h — the shallow syntax of a clause: which reading a trigger takes and whether
 * it happened (extract_reading.c), who is its subject and object (extract_syntax.c). Internal
 * to src/extract*.c. */
#ifndef QP_EXTRACT_SYNTAX_H
#define QP_EXTRACT_SYNTAX_H

#include <stddef.h>

#include "extract_int.h"

/* morph tags, as lexicon.c numbers them (the order of forms.tsv's tag names) */
enum { TAG_INF, TAG_PRES, TAG_IMPF, TAG_PAST, TAG_FUT, TAG_COND, TAG_SUBJ, TAG_PPAS, TAG_PPRE, TAG_NOUN_SG,
       TAG_NOUN_PL };

/* Up to six actors acting together ("X, Y et Z ont lancé"), as mention indices. */
typedef struct xs_group {
    int m[6];
    int n;
} xs_group;

/* Word lists, folded, and their lengths. */
extern const char *const XS_ARTICLES[];
extern const size_t XS_ARTICLES_N;
extern const char *const XS_PREPS[];
extern const size_t XS_PREPS_N;
extern const char *const XS_AVOIR[];
extern const size_t XS_AVOIR_N;
/* Plans, proposals, resolutions: backing them is words, not arms. */
extern const char *const XS_PROPOSALS[];
extern const size_t XS_PROPOSALS_N;
/* Places and gatherings of the population: an assault on them is on civilians. */
extern const char *const XS_POPULATED[];
extern const size_t XS_POPULATED_N;
extern const char *const XS_ETRE[];
extern const size_t XS_ETRE_N;
extern const char *const XS_BY[];
extern const size_t XS_BY_N;
extern const char *const XS_MODALS[];
extern const size_t XS_MODALS_N;
extern const char *const XS_NEG_AFTER[];
extern const size_t XS_NEG_AFTER_N;
extern const char *const XS_NEG_BEFORE[];
extern const size_t XS_NEG_BEFORE_N;
extern const char *const XS_PRONOUNS[];
extern const size_t XS_PRONOUNS_N;
extern const char *const XS_VERB_CUES[];
extern const size_t XS_VERB_CUES_N;

/* Token t's folded form is w. */
int xs_is(const sentence_view *s, size_t t, const char *w);

/* Whether w is one of ws[0..n). */
int xs_word_in(const char *w, const char *const *ws, size_t n);
/* Token t is one of the n words ws. */
int xs_is_any(const sentence_view *s, size_t t, const char *const *ws, size_t n);

/* An auxiliary have/avoir; in English "a" and "as" are not ("a strike engaged"). */
int xs_is_avoir(const sentence_view *s, size_t t);

/* A determiner; French "a" is "has" or "à", never an article. */
int xs_is_article(const sentence_view *s, size_t t);

/* Index of the mention covering token t, or -1. */
int xs_mention_at(const sentence_view *s, size_t t);

/* The token before mention m, articles passed over; SIZE_MAX at the start. */
size_t xs_before_np(const sentence_view *s, size_t t0);

/* Token b is the "de"/"of" of a quantity: "des dizaines de", "hundreds of", "3.000 de". */
int xs_quantity_of(const sentence_view *s, size_t b);

/* An actor inside a prepositional phrase ("par Moscou", "contre l'EI") is not a subject. */
int xs_in_pp(const sentence_view *s, const mention *m);

/* Token t ends a clause: ; ? ! ( ) and quotation marks. */
int xs_boundary(const sentence_view *s, size_t t);

/* A verb of saying ("a déclaré", "said", "added"): the clause after it is the words said.
 * wide: also the verbs that say only sometimes ("a-t-il poursuivi", "announced"). */
int xs_is_speech(const sentence_view *s, size_t t, int wide);
/* English verb forms that only qualify the noun after them: "ISIS fighting positions", "an ISIS
 * supply route", "three ISIS command nodes" (a determiner before the actor opens one noun
 * phrase). tag: the reading's tag. */
int xs_inside_noun_phrase(const sentence_view *s, size_t mi, int tag);
/* A conjugated verb (or a participle after avoir), as opposed to a participle modifying a noun. */
int xs_is_finite_verb(const qp_extractor *x, const sentence_view *s, const mention *m);

/* "le Hezbollah, allié du régime", "assurée par le Hezbollah chiite, allié de Damas": the actor a
 * noun in apposition describes, even inside a prepositional phrase; -1 when none. */
int xs_apposition_head(const sentence_view *s, size_t mi);

/* A place within the clause right of token t, named or not ("a pris Alep", "a repris le
 * quartier", "seized the town of Ramadi"). */
int xs_place_after(const sentence_view *s, size_t t);
/* The same, left of token t, within eight tokens ("la ville a été prise par", "the oil fields of
 * Bai Hassan were captured by"). */
int xs_place_before(const sentence_view *s, size_t t);

/* The subject a relative pronoun stands for: "Iraqi forces who were clearing", "coalition
 * airstrikes that supported" (the noun's actor), "les rebelles qui ont pris"; -1 when the
 * trigger opens no relative clause. */
int xs_relative_antecedent(const sentence_view *s, size_t mi);

/* The subject of the trigger at token t: the nearest actor to the left that is not in a
 * prepositional phrase, and those coordinated with it ("X et Y ont lancé"). */
void xs_find_subject(const qp_extractor *x, const sentence_view *s, size_t t, xs_group *g);

/* The actor introduced by "par"/"by" right after token t (within two tokens). */
int xs_agent_after(const sentence_view *s, size_t t, xs_group *g);

/* A noun of protest ("une manifestation"): a crowd of civilians as a target. */
int xs_is_protest_noun(const qp_extractor *x, const mention *m);

/* The recipient: an actor right of the trigger before the clause ends, either the direct
 * object or after one of the action's prepositions; -1 when none. *place_out gets a place met
 * on the way, *protest (when given) whether the object is the population: a protest, a
 * neighbourhood, a market. */
int xs_find_object(const qp_extractor *x, const sentence_view *s, size_t t, const qp_lex_action *act,
                       int is_noun, int *place_out, int *protest);

/* "a continué de livrer", "continued to attack", "commence à bombarder": the infinitive happens. */
int xs_aspectual(const char *f);

/* Negated ("n'a pas frappé", "did not strike", "a démenti avoir") or not yet real ("va
 * frapper", "will strike", "menace de frapper"). */
int xs_modality(const sentence_view *s, size_t t0, size_t t1, int tag);

/* The nearest noun trigger left of t: what "menée par X" or "carried out by X" leads. */
int xs_noun_trigger_before(const qp_extractor *x, const sentence_view *s, size_t t);

int xs_noun_linked(const qp_extractor *x, const sentence_view *s, const mention *subj, const mention *noun,
                       int *light);

/* "se battent", "s'affrontent", "clashed", "fought each other": a fight between the subjects. */
int xs_reciprocal_verb(const sentence_view *s, const mention *m);

/* "entre X et Y", "between X and Y" from token k: the two actors. */
int xs_between_pair(const sentence_view *s, size_t k, xs_group *g);

/* "aux côtés de X", "au côté de X", "alongside X" within a few words after token k. */
int xs_alongside_actor(const sentence_view *s, size_t k);

/* Light verbs of speech: with them "soutien" is verbal support (PLOVER SUPPORT), not aid. */
int xs_verbal_light(const qp_extractor *x, const mention *m);

/* An actor right after de/du/des/of: "l'offensive du régime", "the liberation of Manbij". */
int xs_genitive_after(const sentence_view *s, size_t k);

/* "l'offensive du régime contre Alep": a genitive is the noun's actor when the noun phrase
 * goes on to name a target; alone ("la chute de Bachar", "l'allié de Damas") it is more often
 * what the noun is about. */
int xs_genitive_is_agent(const sentence_view *s, const mention *gen);

/* The actor after par/by within a few words of a noun: "le pilonnage de quartiers par l'armée". */
int xs_by_agent_after(const sentence_view *s, size_t k);

/* For a trigger after "of"/"de" that follows an accusation verb, the accused actor between them. */
int xs_accused_actor(const qp_extractor *x, const sentence_view *s, size_t mi);

/* The noun at mi is the object of the verb trigger just before it. */
int xs_verb_object(const qp_extractor *x, const sentence_view *s, size_t mi);

/* English: a noun followed by another noun modifies it ("supply routes", "fighting positions",
 * "command-and-control node"). Without parts of speech: the next word is a lower-case word
 * that is none of the words that can follow a head noun. */
int xs_noun_modifier(const sentence_view *s, const mention *m);

/* "la cible de", "the target of", "visé par": what comes before the noun suffers it. */
int xs_target_construction(const sentence_view *s, size_t t0);

/* Whether a trigger can be a noun of code (any code when NULL). */
int xs_has_noun_reading(const qp_extractor *x, const mention *m, const char *code);

/* Tokens a and b are next to each other, or separated only by the punctuation of "U.S.-backed". */
int xs_adjacent(const sentence_view *s, size_t a, size_t b);

/* Which reading of a trigger the sentence wants: a verb after its subject, an auxiliary or a
 * pronoun ("Russia strikes", "ils frappent", "a été frappé", "ont repris"); a noun after a
 * determiner, a number or a preposition ("22 strikes", "la reprise"); a real action before
 * a light verb of the same spelling. */
int xs_choose_reading(const qp_extractor *x, const sentence_view *s, size_t mi);

/* A past tense: passé simple, imparfait, English past, a participle after avoir/have. */
int xs_past_tag(const sentence_view *s, const mention *m, int tag);

/* For a noun: the tense of the verb before it ("conducted 25 strikes"). */
int xs_clause_past(const qp_extractor *x, const sentence_view *s, size_t mi);

#endif
