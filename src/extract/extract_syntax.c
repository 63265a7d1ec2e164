/* extract_syntax.c — shallow syntax for the frames: words, subjects, objects, the arguments of
 * nouns. Which reading a trigger takes, and its tense and modality, are in extract_reading.c. */
#include "extract_syntax.h"
#include "fold.h"
#include "qp.h"

#include <string.h>

/* Token t's folded form is w. */
int xs_is(const sentence_view *s, size_t t, const char *w)
{
    /* the first byte settles most comparisons: these run for every word of every sentence */
    return t < s->n_tok && s->tok[t].fold[0] == w[0] && !strcmp(s->tok[t].fold, w);
}

/* Token t is one of the n words ws. */
int xs_word_in(const char *w, const char *const *ws, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[0] == ws[i][0] && !strcmp(w, ws[i]))
            return 1;
    return 0;
}

int xs_is_any(const sentence_view *s, size_t t, const char *const *ws, size_t n)
{
    return t < s->n_tok && xs_word_in(s->tok[t].fold, ws, n);
}

const char *const XS_ARTICLES[] = {"le", "la", "les", "l", "un", "une", "des", "du", "the", "a", "an", "ce",
                                       "cette", "ces", "its", "their", "son", "sa", "ses", "leur", "leurs"};
const size_t XS_ARTICLES_N = QP_ARRAY_LEN(XS_ARTICLES);

const char *const XS_PREPS[] = {"de", "d", "du", "des", "par", "a", "au", "aux", "contre", "sur", "avec", "pour",
                                    "dans", "en", "vers", "chez", "entre", "by", "of", "with", "against", "on",
                                    "for", "in", "from", "to", "at", "into", "among", "between", "sans", "without",
                                    "selon", "according", "apres", "after", "since", "depuis", "than", "que"};
const size_t XS_PREPS_N = QP_ARRAY_LEN(XS_PREPS);

const char *const XS_AVOIR[] = {"a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "ayant", "eu",
                                    "has", "have", "had", "having", "as", "avons", "avez", "aura", "auront"};
const size_t XS_AVOIR_N = QP_ARRAY_LEN(XS_AVOIR);

const char *const XS_ETRE[] = {"ete", "est", "sont", "etait", "etaient", "fut", "furent", "etre", "sera",
                                   "seront", "serait", "seraient", "sommes", "etes", "suis", "etions", "etiez",
                                   "was", "were", "been", "is", "are", "be", "being"};
const size_t XS_ETRE_N = QP_ARRAY_LEN(XS_ETRE);

const char *const XS_BY[] = {"par", "by"};
const size_t XS_BY_N = QP_ARRAY_LEN(XS_BY);

/* An auxiliary have/avoir; in English "a" and "as" are not ("a strike engaged"). */
int xs_is_avoir(const sentence_view *s, size_t t)
{
    if (s->lang == 1 && (xs_is(s, t, "a") || xs_is(s, t, "as")))
        return 0;
    return xs_is_any(s, t, XS_AVOIR, XS_AVOIR_N);
}

/* A determiner; French "a" is "has" or "à", never an article. */
int xs_is_article(const sentence_view *s, size_t t)
{
    if (s->lang == 0 && xs_is(s, t, "a"))
        return 0;
    return xs_is_any(s, t, XS_ARTICLES, XS_ARTICLES_N);
}

/* Index of the mention covering token t, or -1. */
int xs_mention_at(const sentence_view *s, size_t t)
{
    for (size_t i = 0; i < s->n_m; i++)
        if (s->m[i].kind >= 0 && s->m[i].t0 <= t && t < s->m[i].t1)
            return (int)i;
    return -1;
}

/* The token before mention m, articles passed over; SIZE_MAX at the start. */
size_t xs_before_np(const sentence_view *s, size_t t0)
{
    size_t k = t0;
    while (k > 0 && xs_is_article(s, k - 1))
        k--;
    return k == 0 ? (size_t)-1 : k - 1;
}

/* Token b is the "de"/"of" of a quantity: "des dizaines de", "hundreds of", "3.000 de". */
int xs_quantity_of(const sentence_view *s, size_t b)
{
    static const char *const quantities[] = {"milliers", "centaines", "dizaines", "millions", "plusieurs",
                                             "thousands", "hundreds", "dozens", "millions", "scores", "groupe",
                                             "group", "groupes", "groups", "nombre", "number", "foule", "crowd"};
    return (xs_is(s, b, "de") || xs_is(s, b, "d") || xs_is(s, b, "of") || xs_is(s, b, "des")) && b > 0 &&
           (xs_is_any(s, b - 1, quantities, QP_ARRAY_LEN(quantities)) || (s->tok[b - 1].flags & QP_TOK_NUM));
}

/* An actor inside a prepositional phrase ("par Moscou", "contre l'EI") is not a subject. */
int xs_in_pp(const sentence_view *s, const mention *m)
{
    size_t b = xs_before_np(s, m->t0);
    if (b == (size_t)-1)
        return 0;
    if (!xs_is_any(s, b, XS_PREPS, XS_PREPS_N))
        return 0;
    /* "des milliers de Syriens", "hundreds of protesters": the quantity heads the phrase, the
     * actor after "de" is its subject all the same */
    return !xs_quantity_of(s, b);
}

/* Token t ends a clause: ; ? ! ( ) and quotation marks. */
int xs_boundary(const sentence_view *s, size_t t)
{
    const char *f = s->tok[t].fold;
    /* quotation marks too: a quote and the words that report it are two clauses */
    return (s->tok[t].flags & QP_TOK_PUNCT) && (!strcmp(f, ";") || !strcmp(f, "?") || !strcmp(f, "!") ||
                                                !strcmp(f, "(") || !strcmp(f, ")") || !strcmp(f, "\"") ||
                                                !strcmp(f, "\xc2\xab") || !strcmp(f, "\xc2\xbb"));
}

int xs_is_speech(const sentence_view *s, size_t t, int wide)
{
    /* verbs that only say: a clause after them is what was said */
    static const char *const said[] = {"declare", "affirme", "ajoute", "souligne", "estime", "indique", "explique",
                                       "assure", "precise", "said", "says", "told", "added", "stated", "declared",
                                       "insisted", "stressed"};
    /* and those that also do, but introduce a speaker ("a-t-il poursuivi", "he continued") */
    static const char *const also[] = {"declaree", "dit", "poursuivi", "poursuit", "martele", "lance", "insiste",
                                       "announced", "continued", "warned"};
    return xs_is_any(s, t, said, QP_ARRAY_LEN(said)) || (wide && xs_is_any(s, t, also, QP_ARRAY_LEN(also)));
}

/* The subject of the trigger at token t: the nearest actor to the left that is not in a
 * prepositional phrase, and those coordinated with it ("X et Y ont lancé"). */
/* "the army said they had regained", "a affirmé qu'il avait": the speaker goes on as the
 * subject of what it says, when that pronoun is the subject of the trigger at t; "X, a-t-il
 * ajouté, tirait": the saying is an aside. */
static int speaker_goes_on(const sentence_view *s, size_t said, size_t t)
{
    static const char *const pronouns[] = {"they", "he", "she", "it", "we", "il", "ils", "elle", "elles", "nous"};
    size_t k = said + 1;
    if (k < s->n_tok && (s->tok[k].flags & QP_TOK_PUNCT))
        return 1; /* "L'artillerie, a-t-il ajouté, tirait": an aside, the clause goes on */
    /* "said on Sunday that they had", "a affirmé lundi qu'ils avaient" */
    for (; k < s->n_tok && k <= said + 4; k++) {
        if (xs_is_any(s, k, pronouns, QP_ARRAY_LEN(pronouns)))
            return t > k && t - k <= 4; /* the pronoun is the trigger's own subject */
        if (xs_mention_at(s, k) >= 0 || (s->tok[k].flags & QP_TOK_PUNCT))
            return 0;
    }
    return 0;
}

void xs_find_subject(const qp_extractor *x, const sentence_view *s, size_t t, xs_group *g)
{
    g->n = 0;
    int first = -1;
    /* the nearest finite verb to the left: actors after it are its objects ("X a attaqué Y et
     * a tué Z": Y is not tué's subject) */
    size_t verb_t0 = (size_t)-1;
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 <= t && m->kind == MENTION_ACTION && xs_is_finite_verb(x, s, m)) {
            verb_t0 = m->t0;
            break;
        }
    }
    /* "Le Conseil de sécurité, dont la Russie est membre, a condamné": the subject is before
     * the relative clause set off by commas */
    size_t incise_from = (size_t)-1, incise_to = 0, v = t;
    while (v > 0 && (xs_is_avoir(s, v - 1) || xs_is_any(s, v - 1, XS_ETRE, XS_ETRE_N)))
        v--;
    if (v > 0 && xs_is(s, v - 1, ",")) {
        static const char *const relatives[] = {"dont", "qui", "which", "who", "whose", "ou", "where", "lequel",
                                                "laquelle", "lesquels", "lesquelles"};
        for (size_t c = v - 1; c-- > 0 && c + 20 > v;) {
            if (xs_boundary(s, c))
                break;
            if (xs_is(s, c, ",")) {
                /* "…, dont Amnesty International, ont condamné" names the subject ("including") */
                int verb = 0;
                for (size_t j = c + 2; j < v - 1 && !verb; j++)
                    verb = xs_is_avoir(s, j) || xs_is_any(s, j, XS_ETRE, XS_ETRE_N) ||
                           (xs_mention_at(s, j) >= 0 && s->m[xs_mention_at(s, j)].kind == MENTION_ACTION);
                if (c + 1 < v && xs_is_any(s, c + 1, relatives, QP_ARRAY_LEN(relatives)) && verb) {
                    incise_from = c;
                    incise_to = v - 1;
                }
                break;
            }
        }
    }
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 > t)
            continue;
        if (incise_from != (size_t)-1 && m->t0 > incise_from && m->t1 <= incise_to)
            continue;
        if (m->kind == MENTION_ACTOR && verb_t0 != (size_t)-1 && m->t0 > verb_t0 &&
            !(incise_from != (size_t)-1 && verb_t0 > incise_from && verb_t0 < incise_to))
            continue;
        int blocked = 0;
        for (size_t k = m->t1; k < t; k++)
            if (xs_boundary(s, k) || (m->kind == MENTION_ACTOR && xs_is_speech(s, k, 0) && !speaker_goes_on(s, k, t)))
                blocked = 1; /* "the Observatory said [that] airstrikes killed": another clause */
        if (blocked)
            break;
        if (m->kind != MENTION_ACTOR || xs_in_pp(s, m))
            continue;
        if (first < 0) {
            first = (int)i;
            g->m[g->n++] = (int)i;
            continue;
        }
        /* coordinated: "et"/"and"/"," right after this one's noun phrase or before the last found */
        /* a list reads "A, B et C": going left, the first link must be et/and */
        const mention *later = &s->m[g->m[g->n - 1]];
        size_t b = xs_before_np(s, later->t0);
        int link = b != (size_t)-1 && (xs_is(s, b, "et") || xs_is(s, b, "and") || (g->n >= 2 && xs_is(s, b, ",")));
        if (link && g->n < 6)
            g->m[g->n++] = (int)i;
        else
            break;
    }
    /* in text order */
    for (int i = 0; i < g->n / 2; i++) {
        int tmp = g->m[i];
        g->m[i] = g->m[g->n - 1 - i];
        g->m[g->n - 1 - i] = tmp;
    }
}

/* The actor introduced by "par"/"by" right after token t (within two tokens). */
int xs_agent_after(const sentence_view *s, size_t t, xs_group *g)
{
    g->n = 0;
    size_t k = t;
    while (k < s->n_tok && k < t + 3 && !xs_is_any(s, k, XS_BY, XS_BY_N))
        k++;
    if (k >= s->n_tok || !xs_is_any(s, k, XS_BY, XS_BY_N))
        return 0;
    k++;
    while (k < s->n_tok && xs_is_article(s, k))
        k++;
    /* "supported by a wide range of coalition capabilities", "par des dizaines de soldats" */
    static const char *const amounts[] = {"wide", "range", "number", "variety", "host", "array", "of", "dozens",
                                          "hundreds", "thousands", "dizaines", "centaines", "milliers", "de", "d",
                                          "des", "several", "plusieurs", "large", "broad"};
    size_t q = k;
    while (q < s->n_tok && q < k + 5 && xs_mention_at(s, q) < 0 && xs_is_any(s, q, amounts, QP_ARRAY_LEN(amounts)))
        q++;
    if (q > k && (xs_is(s, q - 1, "of") || xs_is(s, q - 1, "de") || xs_is(s, q - 1, "d") || xs_is(s, q - 1, "des")))
        k = q;
    int mi = k < s->n_tok ? xs_mention_at(s, k) : -1;
    if (mi < 0 || s->m[mi].kind != MENTION_ACTOR)
        return 0;
    g->m[g->n++] = mi;
    /* "l'une menée par le régime et l'autre par une coalition": the second agent of the pair */
    for (size_t j = s->m[mi].t1; j + 3 < s->n_tok && j < s->m[mi].t1 + 12 && g->n < 6; j++) {
        if (xs_boundary(s, j))
            break;
        if ((xs_is(s, j, "l") || xs_is(s, j, "the")) && (xs_is(s, j + 1, "autre") || xs_is(s, j + 1, "other")) &&
            xs_is_any(s, j + 2, XS_BY, XS_BY_N)) {
            size_t n = j + 3;
            while (n < s->n_tok && xs_is_article(s, n))
                n++;
            int mk = n < s->n_tok ? xs_mention_at(s, n) : -1;
            if (mk >= 0 && s->m[mk].kind == MENTION_ACTOR)
                g->m[g->n++] = mk;
            break;
        }
    }
    /* "par la Russie et l'Iran" */
    size_t e = s->m[mi].t1;
    while (g->n < 6 && e < s->n_tok && (xs_is(s, e, "et") || xs_is(s, e, "and"))) {
        size_t n = e + 1;
        while (n < s->n_tok && xs_is_article(s, n))
            n++;
        int mj = n < s->n_tok ? xs_mention_at(s, n) : -1;
        if (mj < 0 || s->m[mj].kind != MENTION_ACTOR)
            break;
        /* "par Moscou et une alliance soutenue par Washington": a new noun phrase, not a backer */
        int own = mj + 1 < (int)s->n_m && s->m[mj + 1].kind == MENTION_ACTION && s->m[mj + 1].t0 <= s->m[mj].t1 + 1;
        if (own)
            break;
        g->m[g->n++] = mj;
        e = s->m[mj].t1;
    }
    return 1;
}

/* A noun of protest ("une manifestation"): a crowd of civilians as a target. */
int xs_is_protest_noun(const qp_extractor *x, const mention *m)
{
    const qp_lex_action *a = &x->lx.actions[m->actions[0]];
    return !strcmp(a->pos, "noun") && a->code && !strcmp(a->code, "PROTEST");
}

const char *const XS_PROPOSALS[] = {
    "plan", "plans", "initiative", "initiatives", "proposition", "propositions", "proposal", "proposals", "resolution",
    "resolutions", "efforts", "effort", "position", "demarche", "idee", "mediation", "accord", "agreement", "deal",
    "projet", "project", "feuille", "roadmap", "appel", "call", "candidature", "decision", "processus", "process"};
const size_t XS_PROPOSALS_N = QP_ARRAY_LEN(XS_PROPOSALS);

const char *const XS_POPULATED[] = {
    "quartier", "quartiers", "habitations", "maisons", "immeubles", "hopital", "hopitaux", "ecole", "ecoles",
    "marche", "marches", "boulangerie", "boulangeries", "mosquee", "mosquees", "eglise", "eglises", "cortege",
    "foule", "manifestants", "manifestation", "manifestations", "rassemblement", "neighborhood", "neighborhoods",
    "neighbourhood", "neighbourhoods", "homes", "houses", "residential", "hospital", "hospitals", "school",
    "schools", "market", "markets", "bakery", "bakeries", "mosque", "mosques", "church", "churches", "crowd",
    "crowds", "protesters", "demonstrators", "protest", "protests", "funeral", "funerailles"};
const size_t XS_POPULATED_N = QP_ARRAY_LEN(XS_POPULATED);

/* The recipient: an actor right of the trigger before the clause ends, either the direct
 * object or after one of the action's prepositions; -1 when none. *place_out gets a place met
 * on the way, *protest (when given) whether the object is the population: a protest, a
 * neighbourhood, a market. */
int xs_find_object(const qp_extractor *x, const sentence_view *s, size_t t, const qp_lex_action *act,
                       int is_noun, int *place_out, int *protest)
{
    *place_out = -1;
    if (protest)
        *protest = 0;
    size_t limit = t + 10 < s->n_tok ? t + 10 : s->n_tok;
    for (size_t k = t; k < limit; k++) {
        if (xs_boundary(s, k) || (xs_is(s, k, ",") && k > t + 1))
            break;
        int mi = xs_mention_at(s, k);
        if (mi < 0) {
            /* "le pilonnage de quartiers sunnites", "shelled residential neighbourhoods": the
             * population's places are the population */
            if (protest && k <= t + 4 && xs_is_any(s, k, XS_POPULATED, XS_POPULATED_N)) {
                *protest = 1;
                return -1;
            }
            continue;
        }
        const mention *m = &s->m[mi];
        if (m->kind == MENTION_ACTION && m->t0 > t && protest && xs_is_protest_noun(x, m)) {
            *protest = 1; /* "tirer sur une manifestation": at the protesters */
            return -1;
        }
        /* "armed and funded rebel groups": the second verb shares the object */
        if (m->kind == MENTION_ACTION && m->t0 > t && m->t0 <= t + 2 && m->t0 > 0 &&
            (xs_is(s, m->t0 - 1, "and") || xs_is(s, m->t0 - 1, "et") || xs_is(s, m->t0 - 1, ","))) {
            k = m->t1 - 1;
            continue;
        }
        /* "ont tiré en l'air pour disperser une manifestation": the purpose names the target */
        if (m->kind == MENTION_ACTION && m->t0 > t && m->t0 > 0 &&
            (xs_is(s, m->t0 - 1, "pour") || xs_is(s, m->t0 - 1, "to")) && act->code &&
            x->lx.actions[m->actions[0]].code && !strcmp(x->lx.actions[m->actions[0]].code, act->code)) {
            k = m->t1 - 1;
            continue;
        }
        /* "Coalition strikes support Iraqi forces": a verb right after a noun has the object */
        if (m->kind == MENTION_ACTION && (m->t0 > t || (is_noun && xs_is_finite_verb(x, s, m))))
            break;
        if (m->kind == MENTION_PLACE && *place_out < 0) {
            *place_out = mi;
            k = m->t1 - 1;
            continue;
        }
        if (m->kind != MENTION_ACTOR) {
            k = m->t1 - 1;
            continue;
        }
        /* "clashed with U.S.-backed forces": the U.S. only qualifies the forces */
        if ((size_t)mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_ACTION &&
            (s->tok[s->m[mi + 1].t0].flags & QP_TOK_GLUED) && s->m[mi + 1].t0 <= m->t1 + 2) {
            k = s->m[mi + 1].t1 - 1;
            continue;
        }
        size_t b = xs_before_np(s, m->t0);
        int after_by = b != (size_t)-1 && xs_is_any(s, b, XS_BY, XS_BY_N);
        if (after_by)
            return -1;
        int prep_ok = 1;
        if (b != (size_t)-1 && b < t) {
            prep_ok = 1; /* the trigger ends with its preposition: "tirer sur", "au côté de" */
        } else if (b != (size_t)-1 && xs_quantity_of(s, b)) {
            prep_ok = 1; /* "exécuté des dizaines de civils", "killed dozens of civilians" */
        } else if (b != (size_t)-1 && xs_is_any(s, b, XS_PREPS, XS_PREPS_N)) {
            /* the action's own prepositions, and those that mark a recipient whatever the
             * action: "contre", "à", "envers", "against", "to" */
            static const char *const recipient_preps[] = {"contre", "against", "a", "au", "aux", "envers", "to",
                                                          "toward", "towards"};
            prep_ok = xs_is_any(s, b, recipient_preps, QP_ARRAY_LEN(recipient_preps));
            /* a request names whom it asks with "que", "de", "on": "appelé à ce que les
             * rebelles…", "exige des garanties de l'opposition", "called on Russia to" */
            static const char *const request_preps[] = {"que", "de", "d", "du", "des", "on", "upon", "from"};
            if (act->code && !strcmp(act->code, "REQUEST") &&
                xs_is_any(s, b, request_preps, QP_ARRAY_LEN(request_preps)))
                prep_ok = 1;
            for (size_t p = 0; p < act->n_preps; p++)
                if (act->preps[p] && xs_is(s, b, act->preps[p]))
                    prep_ok = 1;
        } else if (is_noun) {
            prep_ok = 0; /* a noun's recipient comes with a preposition */
        }
        if (!prep_ok) {
            k = m->t1 - 1;
            continue;
        }
        if (!strcmp(act->object, "place") && m->is_place_too && *place_out < 0)
            *place_out = mi;
        return mi;
    }
    return -1;
}

/* The nearest noun trigger left of t: what "menée par X" or "carried out by X" leads. */
int xs_noun_trigger_before(const qp_extractor *x, const sentence_view *s, size_t t)
{
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 > t || m->kind != MENTION_ACTION)
            continue;
        if (xs_has_noun_reading(x, m, NULL))
            return (int)i;
        if (t - m->t1 > 12)
            break;
    }
    return -1;
}

int xs_noun_linked(const qp_extractor *x, const sentence_view *s, const mention *subj, const mention *noun,
                       int *light)
{
    *light = -1;
    size_t gap = noun->t0 - subj->t1;
    int plain = 1, commas = 0, qualifiers = 0;
    for (size_t k = subj->t1; k < noun->t0; k++) {
        if (xs_is(s, k, ",")) {
            commas++; /* apposition: "le Hezbollah, allié de Damas" */
            continue;
        }
        int mk = xs_mention_at(s, k);
        if (xs_is_article(s, k) || (s->tok[k].flags & QP_TOK_NUM) || xs_is(s, k, "s") || xs_is(s, k, "'"))
            continue;
        /* "le Hezbollah chiite libanais, allié de Damas": words qualifying the actor */
        if (commas == 0 && ((mk >= 0 && s->m[mk].kind == MENTION_DEMONYM) ||
                            (mk < 0 && !(s->tok[k].flags & (QP_TOK_PUNCT | QP_TOK_CAP)) && ++qualifiers <= 2)))
            continue;
        plain = 0;
    }
    int apposition = commas == 1 && noun->t0 > 0 && xs_is(s, noun->t0 - 1, ",") ;
    if (gap <= 3 + (size_t)qualifiers && plain && (commas == 0 ? qualifiers == 0 : apposition))
        return 1;
    for (size_t i = 0; i < s->n_m; i++) {
        const mention *m = &s->m[i];
        if (m->kind != MENTION_ACTION || m->t0 < subj->t1 || m->t1 > noun->t0)
            continue;
        for (int k = 0; k < m->n_readings; k++)
            if (x->lx.actions[m->actions[k]].light) {
                *light = (int)i;
                return 1;
            }
        if (xs_verbal_light(x, m)) {
            *light = (int)i;
            return 1;
        }
    }
    return 0;
}

int xs_apposition_head(const sentence_view *s, size_t mi)
{
    static const char *const of[] = {"de", "du", "des", "d", "of"};
    const mention *noun = &s->m[mi];
    /* a relation told of the actor ("allié de", "ally of"), not the next item of a list */
    if (noun->t0 < 2 || !xs_is(s, noun->t0 - 1, ",") || noun->t1 >= s->n_tok || !xs_is_any(s, noun->t1, of, 5))
        return -1;
    size_t k = noun->t0 - 1, words = 0; /* the comma */
    while (k-- > 0) {
        int mk = xs_mention_at(s, k);
        if (mk >= 0 && s->m[mk].kind == MENTION_ACTOR)
            return mk;
        if (mk >= 0 && s->m[mk].kind == MENTION_DEMONYM) {
            k = s->m[mk].t0;
            continue;
        }
        if (xs_is(s, k, "\xc2\xbb") || xs_is(s, k, "\""))
            continue; /* "le Hezbollah» chiite libanais, allié de Damas": a quoted name */
        if (mk >= 0 || (s->tok[k].flags & (QP_TOK_PUNCT | QP_TOK_CAP | QP_TOK_NUM)) || ++words > 2)
            return -1;
    }
    return -1;
}

static const char *const place_nouns[] = {
        "ville", "villes", "quartier", "quartiers", "localite", "localites", "village", "villages", "zone", "zones",
        "secteur", "secteurs", "region", "province", "bastion", "bastions", "base", "bases", "aeroport", "position",
        "positions", "colline", "collines", "route", "routes", "pont", "ponts", "poste", "caserne", "controle",
        "centre", "champ", "champs", "barrage", "territoire", "territoires", "town", "towns", "city", "cities",
        "district", "districts", "neighborhood", "neighbourhood", "area", "areas", "airport", "airbase", "hill",
        "hills", "bridge", "road", "checkpoint", "control", "territory", "stronghold", "field", "fields", "dam"};

int xs_place_before(const sentence_view *s, size_t t)
{
    for (size_t k = t; k-- > 0 && k + 9 > t;) {
        if (xs_boundary(s, k))
            return 0;
        int mk = xs_mention_at(s, k);
        if (xs_is_any(s, k, place_nouns, QP_ARRAY_LEN(place_nouns)) ||
            (mk >= 0 && (s->m[mk].kind == MENTION_PLACE || s->m[mk].is_place_too)))
            return 1;
    }
    return 0;
}

int xs_place_after(const sentence_view *s, size_t t)
{
    for (size_t k = t; k < s->n_tok && k < t + 6; k++) {
        if (xs_boundary(s, k) || xs_is(s, k, ","))
            return 0;
        if (xs_is_any(s, k, place_nouns, QP_ARRAY_LEN(place_nouns)))
            return 1;
        int mk = xs_mention_at(s, k);
        if (mk >= 0 && (s->m[mk].kind == MENTION_PLACE || s->m[mk].is_place_too))
            return 1;
        if (mk >= 0 && s->m[mk].kind == MENTION_ACTION)
            return 0;
    }
    return 0;
}

int xs_relative_antecedent(const sentence_view *s, size_t mi)
{
    static const char *const relatives[] = {"who", "which", "that", "qui"};
    size_t k = s->m[mi].t0;
    while (k > 0 && (xs_is_any(s, k - 1, XS_ETRE, XS_ETRE_N) || xs_is_avoir(s, k - 1) ||
                     xs_is(s, k - 1, "ont") || xs_is(s, k - 1, "se") || xs_is(s, k - 1, "s")))
        k--;
    if (k == 0 || !xs_is_any(s, k - 1, relatives, QP_ARRAY_LEN(relatives)))
        return -1;
    int before = -1;
    for (size_t i = mi; i-- > 0;)
        if (s->m[i].kind >= 0) {
            before = (int)i;
            break;
        }
    if (before < 0 || s->m[before].t1 != k - 1)
        return -1;
    const mention *b = &s->m[before];
    if (b->kind == MENTION_ACTOR)
        return before; /* "Iraqi forces who were clearing" */
    /* "coalition airstrikes that supported": the noun's own actor */
    if (b->kind == MENTION_ACTION && before > 0 && s->m[before - 1].kind == MENTION_ACTOR &&
        s->m[before - 1].t1 == b->t0)
        return before - 1;
    return -1;
}

/* "se battent", "s'affrontent", "clashed", "fought each other": a fight between the subjects. */
int xs_reciprocal_verb(const sentence_view *s, const mention *m)
{
    if (m->t0 > 0 && (xs_is(s, m->t0 - 1, "se") || xs_is(s, m->t0 - 1, "s")))
        return 1;
    if (m->t0 > 1 && (xs_is(s, m->t0 - 2, "se") || xs_is(s, m->t0 - 2, "s")) &&
        xs_is_any(s, m->t0 - 1, XS_ETRE, XS_ETRE_N))
        return 1; /* "se sont affrontés" */
    return (xs_is(s, m->t1, "each") && xs_is(s, m->t1 + 1, "other")) || xs_is(s, m->t1, "with");
}

/* "entre X et Y", "between X and Y" from token k: the two actors. */
int xs_between_pair(const sentence_view *s, size_t k, xs_group *g)
{
    g->n = 0;
    while (k < s->n_tok && xs_is_article(s, k))
        k++;
    int a = k < s->n_tok ? xs_mention_at(s, k) : -1;
    if (a < 0 || s->m[a].kind != MENTION_ACTOR)
        return 0;
    /* the second after et/and, perhaps past words qualifying the first */
    for (size_t j = s->m[a].t1; j < s->n_tok && j < s->m[a].t1 + 8; j++) {
        if (xs_boundary(s, j))
            return 0;
        if (xs_is(s, j, "et") || xs_is(s, j, "and")) {
            size_t n = j + 1;
            while (n < s->n_tok && xs_is_article(s, n))
                n++;
            int b = n < s->n_tok ? xs_mention_at(s, n) : -1;
            if (b < 0 || s->m[b].kind != MENTION_ACTOR)
                return 0;
            g->m[0] = a;
            g->m[1] = b;
            g->n = 2;
            return 1;
        }
    }
    return 0;
}

/* "aux côtés de X", "au côté de X", "alongside X" within a few words after token k. */
int xs_alongside_actor(const sentence_view *s, size_t k)
{
    for (size_t j = k; j < s->n_tok && j < k + 6; j++) {
        if (xs_boundary(s, j))
            return -1;
        size_t n = 0;
        if ((xs_is(s, j, "aux") || xs_is(s, j, "au")) && (xs_is(s, j + 1, "cotes") || xs_is(s, j + 1, "cote")) &&
            (xs_is(s, j + 2, "de") || xs_is(s, j + 2, "d") || xs_is(s, j + 2, "du") || xs_is(s, j + 2, "des")))
            n = j + 3;
        else if (xs_is(s, j, "alongside"))
            n = j + 1;
        if (!n)
            continue;
        while (n < s->n_tok && xs_is_article(s, n))
            n++;
        int mi = n < s->n_tok ? xs_mention_at(s, n) : -1;
        return mi >= 0 && s->m[mi].kind == MENTION_ACTOR ? mi : -1;
    }
    return -1;
}

/* Light verbs of speech: with them "soutien" is verbal support (PLOVER SUPPORT), not aid. */
int xs_verbal_light(const qp_extractor *x, const mention *m)
{
    static const char *const verbal[] = {"exprimer", "reaffirmer", "reiterer", "manifester", "renouveler",
                                         "affirmer", "express", "voice", "reiterate", "reaffirm", "pledge"};
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &x->lx.actions[m->actions[k]];
        char f[64];
        /* not only light verbs: "manifester" protests, but "manifester son soutien" supports */
        if (qp_fold_token(a->lemma, strlen(a->lemma), f, sizeof f) < 0)
            continue;
        for (size_t i = 0; i < QP_ARRAY_LEN(verbal); i++)
            if (!strcmp(f, verbal[i]))
                return 1;
    }
    return 0;
}

/* An actor right after de/du/des/of: "l'offensive du régime", "the liberation of Manbij". */
int xs_genitive_after(const sentence_view *s, size_t k)
{
    if (k >= s->n_tok ||
        !(xs_is(s, k, "du") || xs_is(s, k, "de") || xs_is(s, k, "d") || xs_is(s, k, "des") || xs_is(s, k, "of")))
        return -1;
    size_t n = k + 1;
    while (n < s->n_tok && xs_is_article(s, n))
        n++;
    int mj = n < s->n_tok ? xs_mention_at(s, n) : -1;
    return mj >= 0 && s->m[mj].kind == MENTION_ACTOR ? mj : -1;
}

/* "l'offensive du régime contre Alep": a genitive is the noun's actor when the noun phrase
 * goes on to name a target; alone ("la chute de Bachar", "l'allié de Damas") it is more often
 * what the noun is about. */
int xs_genitive_is_agent(const sentence_view *s, const mention *gen)
{
    size_t k = gen->t1;
    return k < s->n_tok && (xs_is(s, k, "contre") || xs_is(s, k, "against") || xs_is(s, k, "sur") || xs_is(s, k, "on"));
}

/* The actor after par/by within a few words of a noun: "le pilonnage de quartiers par l'armée". */
int xs_by_agent_after(const sentence_view *s, size_t k)
{
    /* "l'exécution, jeudi, par les rebelles": an incise of a word or two between commas */
    if (k + 3 < s->n_tok && xs_is(s, k, ",")) {
        size_t c = k + 1;
        while (c < s->n_tok && c < k + 4 && !xs_is(s, c, ",") && !(s->tok[c].flags & QP_TOK_PUNCT))
            c++;
        if (c < s->n_tok && c > k + 1 && xs_is(s, c, ",") && c + 1 < s->n_tok && xs_is_any(s, c + 1, XS_BY, XS_BY_N))
            k = c + 1;
    }
    for (size_t j = k; j < s->n_tok && j < k + 8; j++) {
        if (xs_boundary(s, j) || xs_is(s, j, ",") || xs_is_avoir(s, j) ||
            xs_is_any(s, j, XS_ETRE, XS_ETRE_N))
            return -1; /* a verb starts: "une manifestation a été dispersée par X" */
        if (xs_is_any(s, j, XS_BY, XS_BY_N)) {
            size_t n = j + 1;
            while (n < s->n_tok && xs_is_article(s, n))
                n++;
            int mj = n < s->n_tok ? xs_mention_at(s, n) : -1;
            return mj >= 0 && s->m[mj].kind == MENTION_ACTOR ? mj : -1;
        }
        int mi = xs_mention_at(s, j);
        if (mi >= 0 && s->m[mi].kind == MENTION_ACTION && j > k)
            return -1;
    }
    return -1;
}

/* For a trigger after "of"/"de" that follows an accusation verb, the accused actor between them. */
int xs_accused_actor(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    const mention *m = &s->m[mi];
    size_t k = m->t0;
    if (k > 0 && (xs_is(s, k - 1, "avoir") || xs_is(s, k - 1, "having")))
        k--;
    if (k == 0 || !(xs_is(s, k - 1, "of") || xs_is(s, k - 1, "de") || xs_is(s, k - 1, "d")))
        return -1;
    int actor = -1;
    for (size_t i = mi; i-- > 0;) {
        const mention *p = &s->m[i];
        if (m->t0 - p->t1 > 8)
            break;
        if (p->kind == MENTION_ACTOR && actor < 0)
            actor = (int)i;
        if (p->kind == MENTION_ACTION) {
            for (int r = 0; r < p->n_readings; r++) {
                const char *code = x->lx.actions[p->actions[r]].code;
                if (code && !strcmp(code, "ACCUSE"))
                    return actor;
            }
            return -1;
        }
    }
    return -1;
}

/* The noun at mi is the object of the verb trigger just before it. */
int xs_verb_object(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    const mention *m = &s->m[mi];
    for (size_t i = mi; i-- > 0;) {
        const mention *p = &s->m[i];
        if (p->kind < 0)
            continue;
        if (m->t0 - p->t1 > 4)
            return 0;
        for (size_t k = p->t1; k < m->t0; k++)
            if (s->tok[k].flags & QP_TOK_PUNCT)
                return 0;
        if (p->kind != MENTION_ACTION)
            continue; /* "destroyed three ISIS supply routes" */
        int ri = xs_choose_reading(x, s, i);
        const qp_lex_action *a = &x->lx.actions[p->actions[ri]];
        return !a->light && strcmp(a->pos, "noun") && p->tags[ri] != TAG_PPAS && !xs_verbal_light(x, p);
    }
    return 0;
}

/* "la cible de", "the target of", "visé par": what comes before the noun suffers it. */
int xs_target_construction(const sentence_view *s, size_t t0)
{
    static const char *const words[] = {"cible", "cibles", "target", "targets", "victime", "victimes", "victim",
                                        "victims", "objet", "subi", "subit", "subissent", "face"};
    for (size_t k = t0 > 4 ? t0 - 4 : 0; k < t0; k++)
        if (xs_is_any(s, k, words, QP_ARRAY_LEN(words)))
            return 1;
    return 0;
}

/* Tokens a and b are next to each other, or separated only by the punctuation of "U.S.-backed". */
int xs_adjacent(const sentence_view *s, size_t a, size_t b)
{
    if (b < a || b - a > 2)
        return 0;
    for (size_t k = a; k < b; k++)
        if (!(s->tok[k].flags & QP_TOK_PUNCT) || (strcmp(s->tok[k].fold, ".") && strcmp(s->tok[k].fold, "-")))
            return 0;
    return 1;
}
