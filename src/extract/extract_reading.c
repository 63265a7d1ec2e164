/* extract_reading.c — which reading of a trigger a sentence wants (verb or noun, participle or
 * past), its tense, and its modality (negation, hypothesis, expectation). Declared in
 * extract_syntax.h. */
#include "extract_syntax.h"
#include "fold.h"
#include "qp.h"

#include <string.h>

const char *const XS_MODALS[] = {"va", "vont", "allait", "allaient", "pourrait", "pourraient", "devrait",
                                     "devraient", "will", "would", "could", "might", "may", "should", "shall",
                                     /* folded: "menacé" is "menace" */
                                     "menace", "menacent", "menacait", "menaces", "threatened", "threatens",
                                     "threaten", "plans", "planned", "plan", "prepare", "prepares", "preparent",
                                     "apprete", "appretent", "envisagent",
                                     "intends", "veut", "veulent", "envisage", "prevoit", "wants", "vowed", "promised",
                                     "promet", "pret", "prete", "ready", "sans",
                                     /* "pour éviter que l'appareil ne soit pris": what is averted */
                                     "eviter", "empecher", "avoid", "prevent"};
const size_t XS_MODALS_N = QP_ARRAY_LEN(XS_MODALS);

const char *const XS_NEG_AFTER[] = {"pas", "jamais", "plus", "aucun", "aucune", "point", "nullement"};
const size_t XS_NEG_AFTER_N = QP_ARRAY_LEN(XS_NEG_AFTER);

const char *const XS_NEG_BEFORE[] = {"not", "never", "t", "no", "non", "nie", "nient", "dement", "dementi",
                                         "denied", "denies", "deny", "rejected"};
const size_t XS_NEG_BEFORE_N = QP_ARRAY_LEN(XS_NEG_BEFORE);

int xs_inside_noun_phrase(const sentence_view *s, size_t mi, int tag)
{
    static const char *const numbers[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                          "ten", "several", "many", "multiple", "numerous"};
    const mention *m = &s->m[mi];
    if (s->lang != 1 || !xs_noun_modifier(s, m))
        return 0;
    if (tag == TAG_PPRE)
        return !(m->t0 > 0 && xs_is_any(s, m->t0 - 1, XS_ETRE, XS_ETRE_N));
    if (tag != TAG_PRES && tag != TAG_INF)
        return 0;
    if (mi == 0 || s->m[mi - 1].kind != MENTION_ACTOR || s->m[mi - 1].t1 != m->t0 || s->m[mi - 1].t0 == 0)
        return 0;
    size_t d = s->m[mi - 1].t0 - 1;
    return xs_is_article(s, d) || (s->tok[d].flags & QP_TOK_NUM) || xs_is_any(s, d, numbers, QP_ARRAY_LEN(numbers));
}

/* A conjugated verb (or a participle after avoir), as opposed to a participle modifying a noun. */
int xs_is_finite_verb(const qp_extractor *x, const sentence_view *s, const mention *m)
{
    if (s->tok[m->t0].flags & QP_TOK_GLUED)
        return 0; /* "U.S.-backed": part of a noun phrase */
    int ri = xs_choose_reading(x, s, (size_t)(m - s->m));
    const qp_lex_action *a = &x->lx.actions[m->actions[ri]];
    if (!strcmp(a->pos, "noun"))
        return 0;
    int tag = m->tags[ri];
    if (tag == TAG_INF || tag == TAG_PPRE || xs_inside_noun_phrase(s, (size_t)(m - s->m), tag))
        return 0;
    if (tag == TAG_PPAS)
        return m->t0 > 0 && xs_is_avoir(s, m->t0 - 1);
    return 1;
}

/* "a continué de livrer", "continued to attack", "commence à bombarder": the infinitive happens. */
int xs_aspectual(const char *f)
{
    static const char *const stems[] = {"continu", "commenc", "recommenc", "began", "begin", "start", "keep", "kept"};
    for (size_t i = 0; i < QP_ARRAY_LEN(stems); i++)
        if (!strncmp(f, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* Negated ("n'a pas frappé", "did not strike", "a démenti avoir") or not yet real ("va
 * frapper", "will strike", "menace de frapper"). */
int xs_modality(const sentence_view *s, size_t t0, size_t t1, int tag)
{
    int flags = 0;
    size_t from = t0 > 6 ? t0 - 6 : 0; /* "a menacé de lancer une nouvelle offensive" */
    for (size_t k = from; k < t0; k++) {
        if (xs_is_any(s, k, XS_NEG_BEFORE, XS_NEG_BEFORE_N))
            flags |= QP_EVENT_NEGATED;
        if ((xs_is(s, k, "ne") || xs_is(s, k, "n")) && (s->tok[k].flags & QP_TOK_ELISION || xs_is(s, k, "ne"))) {
            for (size_t j = k + 1; j < t1 + 2 && j < s->n_tok; j++)
                if (xs_is_any(s, j, XS_NEG_AFTER, XS_NEG_AFTER_N))
                    flags |= QP_EVENT_NEGATED;
        }
        if (xs_is_any(s, k, XS_MODALS, XS_MODALS_N))
            flags |= QP_EVENT_HYPOTHETICAL;
    }
    if (tag == TAG_FUT || tag == TAG_COND)
        flags |= QP_EVENT_HYPOTHETICAL;
    /* "l'aviation aurait bombardé": the conditional of the press, an unconfirmed report */
    if (tag == TAG_PPAS && t0 > 0 && (xs_is(s, t0 - 1, "aurait") || xs_is(s, t0 - 1, "auraient")))
        flags |= QP_EVENT_REPORTED;
    /* "des frappes américaines pourraient …", "strikes would …": the modal after a noun */
    static const char *const modals_after[] = {"pourrait", "pourraient", "devrait", "devraient", "would", "could",
                                               "might", "will", "may"};
    for (size_t k = t1; k < t1 + 3 && k < s->n_tok; k++)
        if (xs_is_any(s, k, modals_after, QP_ARRAY_LEN(modals_after)))
            flags |= QP_EVENT_HYPOTHETICAL;
    /* "s'attend à des frappes", "l'imminence des frappes", "possible strikes": expected, not done */
    static const char *const expected[] = {"attend", "attendent", "imminence", "imminente", "imminentes", "eventuelle",
                                           "eventuelles", "eventuel", "possible", "possibles", "expected", "expects",
                                           "potential", "prospect", "imminent", "risque", "threat", "planned"};
    for (size_t k = t0 > 5 ? t0 - 5 : 0; k < t1 + 1 && k < s->n_tok; k++)
        if (xs_is_any(s, k, expected, QP_ARRAY_LEN(expected)))
            flags |= QP_EVENT_HYPOTHETICAL;
    /* "to strike" after a verb of intent is caught by XS_MODALS; a bare infinitive as a purpose
     * ("pour libérer", "to liberate") is not an event of its own */
    if (tag == TAG_INF && t0 > 0 && (xs_is(s, t0 - 1, "pour") || xs_is(s, t0 - 1, "to") || xs_is(s, t0 - 1, "de") ||
                                     xs_is(s, t0 - 1, "d") || xs_is(s, t0 - 1, "a")) &&
        !(t0 > 1 && xs_aspectual(s->tok[t0 - 2].fold)))
        flags |= QP_EVENT_HYPOTHETICAL;
    return flags;
}

/* English: a noun followed by another noun modifies it ("supply routes", "fighting positions",
 * "command-and-control node"). Without parts of speech: the next word is a lower-case word
 * that is none of the words that can follow a head noun. */
int xs_noun_modifier(const sentence_view *s, const mention *m)
{
    static const char *const follow[] = {
        "of", "on", "against", "in", "at", "by", "for", "to", "from", "with", "and", "or", "that", "which", "who",
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may", "might", "near",
        "across", "into", "after", "before", "since", "during", "as", "than", "the", "a", "an", "this", "these",
        "its", "their", "s", "also", "targeting", "continued", "killed", "carried", "launched", "began", "but",
        "so", "while", "when", "where", "led", "aimed", "hit", "struck", "around", "over", "along", "inside",
        "throughout", "until", "there", "here", "last", "earlier", "today", "yesterday", "alone", "too"};
    size_t k = m->t1;
    if (k >= s->n_tok)
        return 0;
    const qp_token *t = &s->tok[k];
    if (t->flags & (QP_TOK_PUNCT | QP_TOK_NUM | QP_TOK_CAP))
        return (t->flags & QP_TOK_PUNCT) && !strcmp(t->fold, "-") && !(s->tok[m->t0].flags & QP_TOK_GLUED);
    if (xs_mention_at(s, k) >= 0)
        return 0;
    return !xs_is_any(s, k, follow, QP_ARRAY_LEN(follow));
}

/* Whether a trigger can be a noun of code (any code when NULL). */
int xs_has_noun_reading(const qp_extractor *x, const mention *m, const char *code)
{
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &x->lx.actions[m->actions[k]];
        if (!strcmp(a->pos, "noun") && !a->light && a->code && (!code || !strcmp(a->code, code)))
            return 1;
    }
    return 0;
}

const char *const XS_PRONOUNS[] = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "who",
                                        "qui", "which", "that", "nous", "i", "je"};
const size_t XS_PRONOUNS_N = QP_ARRAY_LEN(XS_PRONOUNS);

const char *const XS_VERB_CUES[] = {"ne", "n", "not", "to", "will", "would", "could", "may", "might", "did",
                                        "does", "do", "se", "s", "y", "en", "can", "should", "must"};
const size_t XS_VERB_CUES_N = QP_ARRAY_LEN(XS_VERB_CUES);

/* Which reading of a trigger the sentence wants: a verb after its subject, an auxiliary or a
 * pronoun ("Russia strikes", "ils frappent", "a été frappé", "ont repris"); a noun after a
 * determiner, a number or a preposition ("22 strikes", "la reprise"); a real action before
 * a light verb of the same spelling. */
int xs_choose_reading(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    const mention *m = &s->m[mi];
    int noun = -1, verb = -1, ppas = -1, light = -1, n_light = 0;
    for (int k = 0; k < m->n_readings; k++)
        if (x->lx.actions[m->actions[k]].light) {
            n_light++;
            if (light < 0)
                light = k;
        }
    int skip_light = n_light < m->n_readings; /* only light readings: choose among them */
    /* "deux offensives, l'une menée par le régime": mener carries the offensive named before */
    if (light >= 0 && m->n_readings > 1 && xs_is_any(s, m->t1, XS_BY, XS_BY_N)) {
        for (size_t i = mi; i-- > 0;) {
            const mention *p = &s->m[i];
            if (m->t0 - p->t1 > 12)
                break;
            if (p->kind == MENTION_ACTION && xs_has_noun_reading(x, p, NULL))
                return light;
        }
    }
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &x->lx.actions[m->actions[k]];
        if (a->light && skip_light)
            continue;
        if (!strcmp(a->pos, "noun")) {
            if (noun < 0)
                noun = k;
        } else if (m->tags[k] == TAG_PPAS) {
            if (ppas < 0)
                ppas = k;
        } else if (verb < 0) {
            verb = k;
        }
    }
    int prev_actor = mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR && xs_adjacent(s, s->m[mi - 1].t1, m->t0);
    /* "the coalition strikes": a determiner before the actor makes one noun phrase of both */
    if (prev_actor && noun >= 0 && s->m[mi - 1].t0 > 0 &&
        xs_is_article(s, s->m[mi - 1].t0 - 1) && !xs_is(s, s->m[mi - 1].t0 - 1, "a"))
        prev_actor = 0;
    /* English "'s" is a genitive ("yesterday's strikes"), French "s'" a reflexive */
    int genitive_s = s->lang == 1 && m->t0 > 0 && xs_is(s, m->t0 - 1, "s");
    int cue = m->t0 > 0 && (xs_is_any(s, m->t0 - 1, XS_PRONOUNS, XS_PRONOUNS_N) ||
                            (xs_is_any(s, m->t0 - 1, XS_VERB_CUES, XS_VERB_CUES_N) && !genitive_s) ||
                            xs_is_avoir(s, m->t0 - 1) ||
                            xs_is_any(s, m->t0 - 1, XS_ETRE, XS_ETRE_N));
    int by_next = xs_is_any(s, m->t1, XS_BY, XS_BY_N);
    int aux = m->t0 > 0 && (xs_is_avoir(s, m->t0 - 1) ||
                            xs_is_any(s, m->t0 - 1, XS_ETRE, XS_ETRE_N) ||
                            (m->t0 > 1 && xs_is_avoir(s, m->t0 - 2)));
    if (ppas >= 0 && (aux || by_next || (verb < 0 && noun < 0) || (s->tok[m->t0].flags & QP_TOK_GLUED)))
        return ppas;
    if (verb >= 0 && (cue || prev_actor || noun < 0))
        return verb;
    if (noun >= 0)
        return noun;
    if (ppas >= 0 && prev_actor && verb < 0)
        return ppas; /* "US-backed", "les zones reprises" */
    return verb >= 0 ? verb : (ppas >= 0 ? ppas : 0);
}

/* A past tense: passé simple, imparfait, English past, a participle after avoir/have. */
int xs_past_tag(const sentence_view *s, const mention *m, int tag)
{
    return tag == TAG_PAST || tag == TAG_IMPF ||
           (tag == TAG_PPAS && m->t0 > 0 && xs_is_avoir(s, m->t0 - 1));
}

/* For a noun: the tense of the verb before it ("conducted 25 strikes"). */
int xs_clause_past(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    for (size_t i = mi; i-- > 0;) {
        const mention *p = &s->m[i];
        if (p->kind != MENTION_ACTION)
            continue;
        int ri = xs_choose_reading(x, s, i);
        if (!strcmp(x->lx.actions[p->actions[ri]].pos, "noun"))
            continue;
        return xs_past_tag(s, p, p->tags[ri]);
    }
    /* a noun subject: "a strike engaged an ISIS unit" */
    for (size_t i = mi + 1; i < s->n_m; i++) {
        const mention *p = &s->m[i];
        if (p->kind != MENTION_ACTION)
            continue;
        int ri = xs_choose_reading(x, s, i);
        if (!strcmp(x->lx.actions[p->actions[ri]].pos, "noun"))
            continue;
        return xs_past_tag(s, p, p->tags[ri]);
    }
    return 0;
}
