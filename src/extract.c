/* extract.c — the event extractor: mentions per sentence (extract_match.c), then frames that
 * attach actor, recipient, place and time to each action trigger. */
#include "extract.h"
#include "extract_int.h"
#include "qp.h"
#include "fold.h"
#include "timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* morph tags, as lexicon.c numbers them (the order of forms.tsv's tag names) */
enum { TAG_INF, TAG_PRES, TAG_IMPF, TAG_PAST, TAG_FUT, TAG_COND, TAG_SUBJ, TAG_PPAS, TAG_PPRE, TAG_NOUN_SG,
       TAG_NOUN_PL };

int qp_extractor_init(qp_extractor **out, char *errmsg, size_t errlen)
{
    *out = NULL;
    qp_extractor *x = calloc(1, sizeof *x);
    if (!x)
        return QP_ENOMEM;
    errmsg[0] = '\0';
    int r = qp_lexicon_load(&x->lx, errmsg, errlen);
    if (r) {
        qp_lexicon_destroy(&x->lx);
        free(x);
        return r;
    }
    int g = qp_gazetteer_open(&x->gaz, qp_gazetteer_default_path());
    if (g) {
        x->gaz = NULL;
        snprintf(errmsg, errlen, "no gazetteer at %s (%s): places limited to countries; run tools/fetch-geonames.sh",
                 qp_gazetteer_default_path(), qp_strerror(g));
    }
    /* without inflections only dictionary forms match and most events go unseen: say so */
    if (!x->lx.n_forms[0] || !x->lx.n_forms[1])
        snprintf(errmsg, errlen, "no inflected forms for %s (lexicon/%s/forms.tsv is built by `ninja -C build`): "
                 "only dictionary forms of verbs will match", x->lx.n_forms[0] ? "English" : "French",
                 x->lx.n_forms[0] ? "en" : "fr");
    *out = x;
    return 0;
}

const struct qp_lexicon *qp_extractor_lexicon(const qp_extractor *x)
{
    return &x->lx;
}

void qp_extractor_destroy(qp_extractor *x)
{
    if (!x)
        return;
    qp_lexicon_destroy(&x->lx);
    qp_gazetteer_close(x->gaz);
    free(x);
}

static int is(const sentence_view *s, size_t t, const char *w)
{
    /* the first byte settles most comparisons: these run for every word of every sentence */
    return t < s->n_tok && s->tok[t].fold[0] == w[0] && !strcmp(s->tok[t].fold, w);
}

static int is_any(const sentence_view *s, size_t t, const char *const *ws, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is(s, t, ws[i]))
            return 1;
    return 0;
}

static const char *const ARTICLES[] = {"le", "la", "les", "l", "un", "une", "des", "du", "the", "a", "an", "ce",
                                       "cette", "ces", "its", "their", "son", "sa", "ses", "leur", "leurs"};
static const char *const PREPS[] = {"de", "d", "du", "des", "par", "a", "au", "aux", "contre", "sur", "avec", "pour",
                                    "dans", "en", "vers", "chez", "entre", "by", "of", "with", "against", "on",
                                    "for", "in", "from", "to", "at", "into", "among", "between", "sans", "without",
                                    "selon", "according", "apres", "after", "since", "depuis", "than", "que"};
static const char *const AVOIR[] = {"a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "ayant", "eu",
                                    "has", "have", "had", "having", "as", "avons", "avez", "aura", "auront"};
/* An auxiliary have/avoir; in English "a" and "as" are not ("a strike engaged"). */
static int is_avoir(const sentence_view *s, size_t t);

static const char *const ETRE[] = {"ete", "est", "sont", "etait", "etaient", "fut", "furent", "etre", "sera",
                                   "seront", "serait", "seraient", "was", "were", "been", "is", "are", "be", "being"};
static const char *const BY[] = {"par", "by"};
static const char *const MODALS[] = {"va", "vont", "allait", "allaient", "pourrait", "pourraient", "devrait",
                                     "devraient", "will", "would", "could", "might", "may", "should", "shall",
                                     /* folded: "menacé" is "menace" */
                                     "menace", "menacent", "menacait", "menaces", "threatened", "threatens",
                                     "threaten", "plans", "planned", "plan", "prepare", "prepares", "preparent",
                                     "apprete", "appretent", "envisagent",
                                     "intends", "veut", "veulent", "envisage", "prevoit", "wants", "vowed", "promised",
                                     "promet", "pret", "prete", "ready", "sans"};
static const char *const NEG_AFTER[] = {"pas", "jamais", "plus", "aucun", "aucune", "point", "nullement"};
static const char *const NEG_BEFORE[] = {"not", "never", "t", "no", "non", "nie", "nient", "dement", "dementi",
                                         "denied", "denies", "deny", "rejected"};

static int is_avoir(const sentence_view *s, size_t t)
{
    if (s->lang == 1 && (is(s, t, "a") || is(s, t, "as")))
        return 0;
    return is_any(s, t, AVOIR, QP_ARRAY_LEN(AVOIR));
}

/* A determiner; French "a" is "has" or "à", never an article. */
static int is_article(const sentence_view *s, size_t t)
{
    if (s->lang == 0 && is(s, t, "a"))
        return 0;
    return is_any(s, t, ARTICLES, QP_ARRAY_LEN(ARTICLES));
}

/* Index of the mention covering token t, or -1. */
static int mention_at(const sentence_view *s, size_t t)
{
    for (size_t i = 0; i < s->n_m; i++)
        if (s->m[i].kind >= 0 && s->m[i].t0 <= t && t < s->m[i].t1)
            return (int)i;
    return -1;
}

/* The token before mention m, articles passed over; SIZE_MAX at the start. */
static size_t before_np(const sentence_view *s, size_t t0)
{
    size_t k = t0;
    while (k > 0 && is_article(s, k - 1))
        k--;
    return k == 0 ? (size_t)-1 : k - 1;
}

/* An actor inside a prepositional phrase ("par Moscou", "contre l'EI") is not a subject. */
/* Token b is the "de"/"of" of a quantity: "des dizaines de", "hundreds of", "3.000 de". */
static int quantity_of(const sentence_view *s, size_t b)
{
    static const char *const quantities[] = {"milliers", "centaines", "dizaines", "millions", "plusieurs",
                                             "thousands", "hundreds", "dozens", "millions", "scores", "groupe",
                                             "group", "groupes", "groups", "nombre", "number", "foule", "crowd"};
    return (is(s, b, "de") || is(s, b, "d") || is(s, b, "of") || is(s, b, "des")) && b > 0 &&
           (is_any(s, b - 1, quantities, QP_ARRAY_LEN(quantities)) || (s->tok[b - 1].flags & QP_TOK_NUM));
}

static int in_pp(const sentence_view *s, const mention *m)
{
    size_t b = before_np(s, m->t0);
    if (b == (size_t)-1)
        return 0;
    if (!is_any(s, b, PREPS, QP_ARRAY_LEN(PREPS)))
        return 0;
    /* "des milliers de Syriens", "hundreds of protesters": the quantity heads the phrase, the
     * actor after "de" is its subject all the same */
    return !quantity_of(s, b);
}

static int boundary(const sentence_view *s, size_t t)
{
    const char *f = s->tok[t].fold;
    /* quotation marks too: a quote and the words that report it are two clauses */
    return (s->tok[t].flags & QP_TOK_PUNCT) && (!strcmp(f, ";") || !strcmp(f, "?") || !strcmp(f, "!") ||
                                                !strcmp(f, "(") || !strcmp(f, ")") || !strcmp(f, "\"") ||
                                                !strcmp(f, "\xc2\xab") || !strcmp(f, "\xc2\xbb"));
}

typedef struct group {
    int m[6];
    int n;
} group;

/* A conjugated verb (or a participle after avoir), as opposed to a participle modifying a noun. */
static int choose_reading(const qp_extractor *x, const sentence_view *s, size_t mi);

static int is_finite_verb(const qp_extractor *x, const sentence_view *s, const mention *m)
{
    if (s->tok[m->t0].flags & QP_TOK_GLUED)
        return 0; /* "U.S.-backed": part of a noun phrase */
    int ri = choose_reading(x, s, (size_t)(m - s->m));
    const qp_lex_action *a = &x->lx.actions[m->actions[ri]];
    if (!strcmp(a->pos, "noun"))
        return 0;
    int tag = m->tags[ri];
    if (tag == TAG_INF || tag == TAG_PPRE)
        return 0;
    if (tag == TAG_PPAS)
        return m->t0 > 0 && is_avoir(s, m->t0 - 1);
    return 1;
}

/* The subject of the trigger at token t: the nearest actor to the left that is not in a
 * prepositional phrase, and those coordinated with it ("X et Y ont lancé"). */
static void find_subject(const qp_extractor *x, const sentence_view *s, size_t t, group *g)
{
    g->n = 0;
    int first = -1;
    /* the nearest finite verb to the left: actors after it are its objects ("X a attaqué Y et
     * a tué Z": Y is not tué's subject) */
    size_t verb_t0 = (size_t)-1;
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 <= t && m->kind == MENTION_ACTION && is_finite_verb(x, s, m)) {
            verb_t0 = m->t0;
            break;
        }
    }
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 > t)
            continue;
        if (m->kind == MENTION_ACTOR && verb_t0 != (size_t)-1 && m->t0 > verb_t0)
            continue;
        int blocked = 0;
        for (size_t k = m->t1; k < t; k++)
            if (boundary(s, k))
                blocked = 1;
        if (blocked)
            break;
        if (m->kind != MENTION_ACTOR || in_pp(s, m))
            continue;
        if (first < 0) {
            first = (int)i;
            g->m[g->n++] = (int)i;
            continue;
        }
        /* coordinated: "et"/"and"/"," right after this one's noun phrase or before the last found */
        /* a list reads "A, B et C": going left, the first link must be et/and */
        const mention *later = &s->m[g->m[g->n - 1]];
        size_t b = before_np(s, later->t0);
        int link = b != (size_t)-1 && (is(s, b, "et") || is(s, b, "and") || (g->n >= 2 && is(s, b, ",")));
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
static int agent_after(const sentence_view *s, size_t t, group *g)
{
    g->n = 0;
    size_t k = t;
    while (k < s->n_tok && k < t + 3 && !is_any(s, k, BY, QP_ARRAY_LEN(BY)))
        k++;
    if (k >= s->n_tok || !is_any(s, k, BY, QP_ARRAY_LEN(BY)))
        return 0;
    k++;
    while (k < s->n_tok && is_article(s, k))
        k++;
    int mi = k < s->n_tok ? mention_at(s, k) : -1;
    if (mi < 0 || s->m[mi].kind != MENTION_ACTOR)
        return 0;
    g->m[g->n++] = mi;
    /* "l'une menée par le régime et l'autre par une coalition": the second agent of the pair */
    for (size_t j = s->m[mi].t1; j + 3 < s->n_tok && j < s->m[mi].t1 + 12 && g->n < 6; j++) {
        if (boundary(s, j))
            break;
        if ((is(s, j, "l") || is(s, j, "the")) && (is(s, j + 1, "autre") || is(s, j + 1, "other")) &&
            is_any(s, j + 2, BY, QP_ARRAY_LEN(BY))) {
            size_t n = j + 3;
            while (n < s->n_tok && is_article(s, n))
                n++;
            int mk = n < s->n_tok ? mention_at(s, n) : -1;
            if (mk >= 0 && s->m[mk].kind == MENTION_ACTOR)
                g->m[g->n++] = mk;
            break;
        }
    }
    /* "par la Russie et l'Iran" */
    size_t e = s->m[mi].t1;
    while (g->n < 6 && e < s->n_tok && (is(s, e, "et") || is(s, e, "and"))) {
        size_t n = e + 1;
        while (n < s->n_tok && is_article(s, n))
            n++;
        int mj = n < s->n_tok ? mention_at(s, n) : -1;
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

/* The recipient: an actor right of the trigger before the clause ends, either the direct
 * object or after one of the action's prepositions. */
static int is_protest_noun(const qp_extractor *x, const mention *m)
{
    const qp_lex_action *a = &x->lx.actions[m->actions[0]];
    return !strcmp(a->pos, "noun") && a->code && !strcmp(a->code, "PROTEST");
}

static int find_object(const qp_extractor *x, const sentence_view *s, size_t t, const qp_lex_action *act,
                       int is_noun, int *place_out, int *protest)
{
    *place_out = -1;
    if (protest)
        *protest = 0;
    size_t limit = t + 10 < s->n_tok ? t + 10 : s->n_tok;
    for (size_t k = t; k < limit; k++) {
        if (boundary(s, k) || (is(s, k, ",") && k > t + 1))
            break;
        int mi = mention_at(s, k);
        if (mi < 0) {
            continue;
        }
        const mention *m = &s->m[mi];
        if (m->kind == MENTION_ACTION && m->t0 > t && protest && is_protest_noun(x, m)) {
            *protest = 1; /* "tirer sur une manifestation": at the protesters */
            return -1;
        }
        /* "armed and funded rebel groups": the second verb shares the object */
        if (m->kind == MENTION_ACTION && m->t0 > t && m->t0 <= t + 2 && m->t0 > 0 &&
            (is(s, m->t0 - 1, "and") || is(s, m->t0 - 1, "et") || is(s, m->t0 - 1, ","))) {
            k = m->t1 - 1;
            continue;
        }
        if (m->kind == MENTION_ACTION && m->t0 > t)
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
        size_t b = before_np(s, m->t0);
        int after_by = b != (size_t)-1 && is_any(s, b, BY, QP_ARRAY_LEN(BY));
        if (after_by)
            return -1;
        int prep_ok = 1;
        if (b != (size_t)-1 && b < t) {
            prep_ok = 1; /* the trigger ends with its preposition: "tirer sur", "au côté de" */
        } else if (b != (size_t)-1 && quantity_of(s, b)) {
            prep_ok = 1; /* "exécuté des dizaines de civils", "killed dozens of civilians" */
        } else if (b != (size_t)-1 && is_any(s, b, PREPS, QP_ARRAY_LEN(PREPS))) {
            /* the action's own prepositions, and those that mark a recipient whatever the
             * action: "contre", "à", "envers", "against", "to" */
            static const char *const recipient_preps[] = {"contre", "against", "a", "au", "aux", "envers", "to",
                                                          "toward", "towards"};
            prep_ok = is_any(s, b, recipient_preps, QP_ARRAY_LEN(recipient_preps));
            /* a request names whom it asks with "que", "de", "on": "appelé à ce que les
             * rebelles…", "exige des garanties de l'opposition", "called on Russia to" */
            static const char *const request_preps[] = {"que", "de", "d", "du", "des", "on", "upon", "from"};
            if (act->code && !strcmp(act->code, "REQUEST") && is_any(s, b, request_preps, QP_ARRAY_LEN(request_preps)))
                prep_ok = 1;
            for (size_t p = 0; p < act->n_preps; p++)
                if (act->preps[p] && is(s, b, act->preps[p]))
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
    int victims;             /* mention of the sentence's unnamed victims ("30 civilians were killed"), -1 */
    qp_place_ref last_place; /* the latest place the article named, for sentences that name none */
    int last_place_sentence;
    qp_place_ref focus_place;
    const char *doc_end;     /* the day after the document date, in the arena */
} doc_state;

static void next_day(const char *d, char out[11])
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

static qp_event *new_event(doc_state *st)
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

static int same_actor(const qp_actor_ref *a, const qp_actor_ref *b)
{
    return a->id && b->id && !strcmp(a->id, b->id);
}

/* The time of an event in sentence s: the time expression nearest the trigger, else the date
 * of the article. */
/* A dateline: a date at the head of a line, followed by a dash ("PARIS, 3 mai 2017 —"). */
static int is_dateline(const char *text, const qp_timex *x)
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

static void event_time(doc_state *st, const sentence_view *s, size_t trigger_byte, int past, qp_time_ref *t)
{
    const qp_timex *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < st->timex.count; i++) {
        const qp_timex *x = &st->timex.items[i];
        if (x->start < s->start || x->end > s->end || x->type == QP_TIMEX_DURATION || x->type == QP_TIMEX_SET ||
            !x->begin)
            continue;
        if (is_dateline(s->text, x))
            continue; /* "SOUTHWEST ASIA, Aug. 9, 2017 —": when it was written, not when it happened */
        /* a time after the trigger governs it within the same clause ("a lancé mardi", "attacked
         * the Islamic State yesterday"); one at the head of the sentence ("Il y a une semaine,
         * …") governs the whole of it */
        if (x->start > trigger_byte &&
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
        for (size_t i = st->n_events; i-- > 0;) {
            const qp_event *e = &st->events[i];
            if (&e->time == t)
                continue; /* the event being made */
            if (e->sentence + 2 < s->index)
                break;
            if (e->sentence < s->index && e->time.anchor && strcmp(e->time.anchor, "document") && e->time.grain &&
                !strcmp(e->time.grain, "day")) {
                *t = e->time;
                t->anchor = "context";
                return;
            }
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

static void event_place(doc_state *st, const sentence_view *s, size_t t, int obj_place, qp_place_ref *p)
{
    int best = obj_place;
    size_t best_d = (size_t)-1;
    if (best < 0) {
        for (size_t i = 0; i < s->n_m; i++) {
            const mention *m = &s->m[i];
            if (m->kind != MENTION_PLACE || !m->place.id)
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
    } else if (st->last_place.id && st->last_place_sentence + 2 >= s->index) {
        *p = st->last_place; /* the place the article was just talking about */
    } else if (st->focus_place.id) {
        *p = st->focus_place;
    }
}

/* "a continué de livrer", "continued to attack", "commence à bombarder": the infinitive happens. */
static int aspectual(const char *f)
{
    static const char *const stems[] = {"continu", "commenc", "recommenc", "began", "begin", "start", "keep", "kept"};
    for (size_t i = 0; i < QP_ARRAY_LEN(stems); i++)
        if (!strncmp(f, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* Negated ("n'a pas frappé", "did not strike", "a démenti avoir") or not yet real ("va
 * frapper", "will strike", "menace de frapper"). */
static int modality(const sentence_view *s, size_t t0, size_t t1, int tag)
{
    int flags = 0;
    size_t from = t0 > 6 ? t0 - 6 : 0; /* "a menacé de lancer une nouvelle offensive" */
    for (size_t k = from; k < t0; k++) {
        if (is_any(s, k, NEG_BEFORE, QP_ARRAY_LEN(NEG_BEFORE)))
            flags |= QP_EVENT_NEGATED;
        if ((is(s, k, "ne") || is(s, k, "n")) && (s->tok[k].flags & QP_TOK_ELISION || is(s, k, "ne"))) {
            for (size_t j = k + 1; j < t1 + 2 && j < s->n_tok; j++)
                if (is_any(s, j, NEG_AFTER, QP_ARRAY_LEN(NEG_AFTER)))
                    flags |= QP_EVENT_NEGATED;
        }
        if (is_any(s, k, MODALS, QP_ARRAY_LEN(MODALS)))
            flags |= QP_EVENT_HYPOTHETICAL;
    }
    if (tag == TAG_FUT || tag == TAG_COND)
        flags |= QP_EVENT_HYPOTHETICAL;
    /* "l'aviation aurait bombardé": the conditional of the press, an unconfirmed report */
    if (tag == TAG_PPAS && t0 > 0 && (is(s, t0 - 1, "aurait") || is(s, t0 - 1, "auraient")))
        flags |= QP_EVENT_REPORTED;
    /* "des frappes américaines pourraient …", "strikes would …": the modal after a noun */
    static const char *const modals_after[] = {"pourrait", "pourraient", "devrait", "devraient", "would", "could",
                                               "might", "will", "may"};
    for (size_t k = t1; k < t1 + 3 && k < s->n_tok; k++)
        if (is_any(s, k, modals_after, QP_ARRAY_LEN(modals_after)))
            flags |= QP_EVENT_HYPOTHETICAL;
    /* "s'attend à des frappes", "l'imminence des frappes", "possible strikes": expected, not done */
    static const char *const expected[] = {"attend", "attendent", "imminence", "imminente", "imminentes", "eventuelle",
                                           "eventuelles", "eventuel", "possible", "possibles", "expected", "expects",
                                           "potential", "prospect", "imminent", "risque", "threat", "planned"};
    for (size_t k = t0 > 5 ? t0 - 5 : 0; k < t1 + 1 && k < s->n_tok; k++)
        if (is_any(s, k, expected, QP_ARRAY_LEN(expected)))
            flags |= QP_EVENT_HYPOTHETICAL;
    /* "to strike" after a verb of intent is caught by MODALS; a bare infinitive as a purpose
     * ("pour libérer", "to liberate") is not an event of its own */
    if (tag == TAG_INF && t0 > 0 && (is(s, t0 - 1, "pour") || is(s, t0 - 1, "to") || is(s, t0 - 1, "de") ||
                                     is(s, t0 - 1, "d") || is(s, t0 - 1, "a")) &&
        !(t0 > 1 && aspectual(s->tok[t0 - 2].fold)))
        flags |= QP_EVENT_HYPOTHETICAL;
    return flags;
}

static int add_event(doc_state *st, const sentence_view *s, const mention *trig, const qp_lex_action *act,
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
    if (a2 && same_actor(a1, a2))
        a2 = NULL;
    if (!a2 && !strcmp(code, "LEAD"))
        return 0; /* leading is leading something: "la coalition menée par" names it */
    /* a state's forces do not assault their own government ("Iraqi forces seize Ramadi
     * Government Center" names a building) */
    if (a2 && !strcmp(code, "ASSAULT") && a1->country && a2->country && !strcmp(a1->country, a2->country) &&
        a2->kind && (!strcmp(a2->kind, "government") || !strcmp(a2->kind, "state")) && a1->kind &&
        strcmp(a1->kind, "armed group") && strcmp(a1->kind, "opposition"))
        a2 = NULL;
    /* one event per (actor, action, recipient) per sentence */
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (e->sentence == s->index && !strcmp(e->action, code) && same_actor(&e->actor1, a1) &&
            ((!a2 && !e->actor2.id) || (a2 && same_actor(&e->actor2, a2)))) {
            e->flags &= flags; /* a plain reading wins over a hedged one */
            return 0;
        }
    }
    qp_event *e = new_event(st);
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
    event_place(st, s, trig->t0, obj_place, &e->place);
    event_time(st, s, s->tok[trig->t0].start, st->trigger_past, &e->time);
    size_t b = s->tok[trig->t0].start, en = s->tok[trig->t1 - 1].end;
    e->evidence_start = b;
    e->evidence_end = en;
    e->confidence = conf;
    e->flags = flags;
    return 0;
}

static void widen_evidence(qp_event *e, const sentence_view *s, const mention *m)
{
    if (!e)
        return; /* add_event made no new event: a duplicate, or no actor */
    size_t b = s->tok[m->t0].start, en = s->tok[m->t1 - 1].end;
    if (b < e->evidence_start)
        e->evidence_start = b;
    if (en > e->evidence_end)
        e->evidence_end = en;
}

/* The nearest noun trigger left of t: what "menée par X" or "carried out by X" leads. */
static int noun_trigger_before(const qp_extractor *x, const sentence_view *s, size_t t)
{
    for (size_t i = s->n_m; i-- > 0;) {
        const mention *m = &s->m[i];
        if (m->t1 > t || m->kind != MENTION_ACTION)
            continue;
        const qp_lex_action *a = &x->lx.actions[m->actions[0]];
        if (!a->light && !strcmp(a->pos, "noun"))
            return (int)i;
        if (t - m->t1 > 12)
            break;
    }
    return -1;
}

/* A noun's subject is tied to it by a light verb ("X a lancé des raids", "X provided
 * support") or stands right before it ("coalition strikes", "l'EI, ses attaques"); an actor
 * that merely said something ("X évoque six morts") is not. */
static int verbal_light(const qp_extractor *x, const mention *m);

static int noun_linked(const qp_extractor *x, const sentence_view *s, const mention *subj, const mention *noun,
                       int *light)
{
    *light = -1;
    size_t gap = noun->t0 - subj->t1;
    int plain = 1, commas = 0;
    for (size_t k = subj->t1; k < noun->t0; k++) {
        if (is(s, k, ",")) {
            commas++; /* apposition: "le Hezbollah, allié de Damas" */
            continue;
        }
        if (!is_article(s, k) && !(s->tok[k].flags & QP_TOK_NUM) &&
            !is(s, k, "s") && !is(s, k, "'"))
            plain = 0;
    }
    if (gap <= 3 && plain && commas <= 1 && (commas == 0 || s->tok[subj->t1].fold[0] == ','))
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
        if (verbal_light(x, m)) {
            *light = (int)i;
            return 1;
        }
    }
    return 0;
}

/* "se battent", "s'affrontent", "clashed", "fought each other": a fight between the subjects. */
static int reciprocal_verb(const sentence_view *s, const mention *m)
{
    if (m->t0 > 0 && (is(s, m->t0 - 1, "se") || is(s, m->t0 - 1, "s")))
        return 1;
    if (m->t0 > 1 && (is(s, m->t0 - 2, "se") || is(s, m->t0 - 2, "s")) && is_any(s, m->t0 - 1, ETRE, QP_ARRAY_LEN(ETRE)))
        return 1; /* "se sont affrontés" */
    return (is(s, m->t1, "each") && is(s, m->t1 + 1, "other")) || is(s, m->t1, "with");
}

/* "entre X et Y", "between X and Y" from token k: the two actors. */
static int between_pair(const sentence_view *s, size_t k, group *g)
{
    g->n = 0;
    while (k < s->n_tok && is_article(s, k))
        k++;
    int a = k < s->n_tok ? mention_at(s, k) : -1;
    if (a < 0 || s->m[a].kind != MENTION_ACTOR)
        return 0;
    /* the second after et/and, perhaps past words qualifying the first */
    for (size_t j = s->m[a].t1; j < s->n_tok && j < s->m[a].t1 + 8; j++) {
        if (boundary(s, j))
            return 0;
        if (is(s, j, "et") || is(s, j, "and")) {
            size_t n = j + 1;
            while (n < s->n_tok && is_article(s, n))
                n++;
            int b = n < s->n_tok ? mention_at(s, n) : -1;
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
static int alongside_actor(const sentence_view *s, size_t k)
{
    for (size_t j = k; j < s->n_tok && j < k + 6; j++) {
        if (boundary(s, j))
            return -1;
        size_t n = 0;
        if ((is(s, j, "aux") || is(s, j, "au")) && (is(s, j + 1, "cotes") || is(s, j + 1, "cote")) &&
            (is(s, j + 2, "de") || is(s, j + 2, "d") || is(s, j + 2, "du") || is(s, j + 2, "des")))
            n = j + 3;
        else if (is(s, j, "alongside"))
            n = j + 1;
        if (!n)
            continue;
        while (n < s->n_tok && is_article(s, n))
            n++;
        int mi = n < s->n_tok ? mention_at(s, n) : -1;
        return mi >= 0 && s->m[mi].kind == MENTION_ACTOR ? mi : -1;
    }
    return -1;
}

/* Light verbs of speech: with them "soutien" is verbal support (PLOVER SUPPORT), not aid. */
static int verbal_light(const qp_extractor *x, const mention *m)
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

static const qp_lex_action support_of_words = {.code = "SUPPORT", .cameo = "05", .context = "political",
                                               .object = "recipient", .pos = "noun", .weight = 0.6};

/* An actor right after de/du/des/of: "l'offensive du régime", "the liberation of Manbij". */
static int genitive_after(const sentence_view *s, size_t k)
{
    if (k >= s->n_tok || !(is(s, k, "du") || is(s, k, "de") || is(s, k, "d") || is(s, k, "des") || is(s, k, "of")))
        return -1;
    size_t n = k + 1;
    while (n < s->n_tok && is_article(s, n))
        n++;
    int mj = n < s->n_tok ? mention_at(s, n) : -1;
    return mj >= 0 && s->m[mj].kind == MENTION_ACTOR ? mj : -1;
}

/* "l'offensive du régime contre Alep": a genitive is the noun's actor when the noun phrase
 * goes on to name a target; alone ("la chute de Bachar", "l'allié de Damas") it is more often
 * what the noun is about. */
static int genitive_is_agent(const sentence_view *s, const mention *gen)
{
    size_t k = gen->t1;
    return k < s->n_tok && (is(s, k, "contre") || is(s, k, "against") || is(s, k, "sur") || is(s, k, "on"));
}

/* The actor after par/by within a few words of a noun: "le pilonnage de quartiers par l'armée". */
static int by_agent_after(const sentence_view *s, size_t k)
{
    for (size_t j = k; j < s->n_tok && j < k + 8; j++) {
        if (boundary(s, j) || is(s, j, ",") || is_avoir(s, j) ||
            is_any(s, j, ETRE, QP_ARRAY_LEN(ETRE)))
            return -1; /* a verb starts: "une manifestation a été dispersée par X" */
        if (is_any(s, j, BY, QP_ARRAY_LEN(BY))) {
            size_t n = j + 1;
            while (n < s->n_tok && is_article(s, n))
                n++;
            int mj = n < s->n_tok ? mention_at(s, n) : -1;
            return mj >= 0 && s->m[mj].kind == MENTION_ACTOR ? mj : -1;
        }
        int mi = mention_at(s, j);
        if (mi >= 0 && s->m[mi].kind == MENTION_ACTION && j > k)
            return -1;
    }
    return -1;
}

/* The event of the same code in this or the two sentences before, whose actor an actorless
 * report continues. */
static const qp_event *carried_event(const doc_state *st, int sentence, const char *code)
{
    for (size_t i = st->n_events; i-- > 0;) {
        const qp_event *e = &st->events[i];
        if (e->sentence + 2 < sentence)
            break;
        if (!strcmp(e->action, code) && !(e->flags & QP_EVENT_HIDDEN))
            return e;
    }
    return NULL;
}

/* For a trigger after "of"/"de" that follows an accusation verb, the accused actor between them. */
static int accused_actor(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    const mention *m = &s->m[mi];
    size_t k = m->t0;
    if (k > 0 && (is(s, k - 1, "avoir") || is(s, k - 1, "having")))
        k--;
    if (k == 0 || !(is(s, k - 1, "of") || is(s, k - 1, "de") || is(s, k - 1, "d")))
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

static int choose_reading(const qp_extractor *x, const sentence_view *s, size_t mi);
static int verbal_light(const qp_extractor *x, const mention *m);

/* The noun at mi is the object of the verb trigger just before it. */
static int verb_object(const qp_extractor *x, const sentence_view *s, size_t mi)
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
        int ri = choose_reading(x, s, i);
        const qp_lex_action *a = &x->lx.actions[p->actions[ri]];
        return !a->light && strcmp(a->pos, "noun") && p->tags[ri] != TAG_PPAS && !verbal_light(x, p);
    }
    return 0;
}

/* English: a noun followed by another noun modifies it ("supply routes", "fighting positions",
 * "command-and-control node"). Without parts of speech: the next word is a lower-case word
 * that is none of the words that can follow a head noun. */
static int noun_modifier(const sentence_view *s, const mention *m)
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
    if (mention_at(s, k) >= 0)
        return 0;
    return !is_any(s, k, follow, QP_ARRAY_LEN(follow));
}

/* "la cible de", "the target of", "visé par": what comes before the noun suffers it. */
static int target_construction(const sentence_view *s, size_t t0)
{
    static const char *const words[] = {"cible", "cibles", "target", "targets", "victime", "victimes", "victim",
                                        "victims", "objet", "subi", "subit", "subissent", "face"};
    for (size_t k = t0 > 4 ? t0 - 4 : 0; k < t0; k++)
        if (is_any(s, k, words, QP_ARRAY_LEN(words)))
            return 1;
    return 0;
}

/* Whether a trigger can be a noun of code (any code when NULL). */
static int has_noun_reading(const qp_extractor *x, const mention *m, const char *code)
{
    for (int k = 0; k < m->n_readings; k++) {
        const qp_lex_action *a = &x->lx.actions[m->actions[k]];
        if (!strcmp(a->pos, "noun") && !a->light && a->code && (!code || !strcmp(a->code, code)))
            return 1;
    }
    return 0;
}

/* Tokens a and b are next to each other, or separated only by the punctuation of "U.S.-backed". */
static int adjacent(const sentence_view *s, size_t a, size_t b)
{
    if (b < a || b - a > 2)
        return 0;
    for (size_t k = a; k < b; k++)
        if (!(s->tok[k].flags & QP_TOK_PUNCT) || (strcmp(s->tok[k].fold, ".") && strcmp(s->tok[k].fold, "-")))
            return 0;
    return 1;
}

static const char *const PRONOUNS[] = {"il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "who",
                                        "qui", "which", "that", "nous", "i", "je"};
static const char *const VERB_CUES[] = {"ne", "n", "not", "to", "will", "would", "could", "may", "might", "did",
                                        "does", "do", "se", "s", "y", "en", "can", "should", "must"};

/* Which reading of a trigger the sentence wants: a verb after its subject, an auxiliary or a
 * pronoun ("Russia strikes", "ils frappent", "a été frappé", "ont repris"); a noun after a
 * determiner, a number or a preposition ("22 strikes", "la reprise"); a real action before
 * a light verb of the same spelling. */
static int choose_reading(const qp_extractor *x, const sentence_view *s, size_t mi)
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
    if (light >= 0 && m->n_readings > 1) {
        for (size_t i = mi; i-- > 0;) {
            const mention *p = &s->m[i];
            if (m->t0 - p->t1 > 12)
                break;
            if (p->kind == MENTION_ACTION && has_noun_reading(x, p, NULL))
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
    int prev_actor = mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR && adjacent(s, s->m[mi - 1].t1, m->t0);
    /* "the coalition strikes": a determiner before the actor makes one noun phrase of both */
    if (prev_actor && noun >= 0 && s->m[mi - 1].t0 > 0 &&
        is_article(s, s->m[mi - 1].t0 - 1) && !is(s, s->m[mi - 1].t0 - 1, "a"))
        prev_actor = 0;
    int cue = m->t0 > 0 && (is_any(s, m->t0 - 1, PRONOUNS, QP_ARRAY_LEN(PRONOUNS)) ||
                            is_any(s, m->t0 - 1, VERB_CUES, QP_ARRAY_LEN(VERB_CUES)) ||
                            is_avoir(s, m->t0 - 1) ||
                            is_any(s, m->t0 - 1, ETRE, QP_ARRAY_LEN(ETRE)));
    int by_next = is_any(s, m->t1, BY, QP_ARRAY_LEN(BY));
    int aux = m->t0 > 0 && (is_avoir(s, m->t0 - 1) ||
                            is_any(s, m->t0 - 1, ETRE, QP_ARRAY_LEN(ETRE)) ||
                            (m->t0 > 1 && is_avoir(s, m->t0 - 2)));
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
static int past_tag(const sentence_view *s, const mention *m, int tag)
{
    return tag == TAG_PAST || tag == TAG_IMPF ||
           (tag == TAG_PPAS && m->t0 > 0 && is_avoir(s, m->t0 - 1));
}

/* For a noun: the tense of the verb before it ("conducted 25 strikes"). */
static int clause_past(const qp_extractor *x, const sentence_view *s, size_t mi)
{
    for (size_t i = mi; i-- > 0;) {
        const mention *p = &s->m[i];
        if (p->kind != MENTION_ACTION)
            continue;
        int ri = choose_reading(x, s, i);
        if (!strcmp(x->lx.actions[p->actions[ri]].pos, "noun"))
            continue;
        return past_tag(s, p, p->tags[ri]);
    }
    /* a noun subject: "a strike engaged an ISIS unit" */
    for (size_t i = mi + 1; i < s->n_m; i++) {
        const mention *p = &s->m[i];
        if (p->kind != MENTION_ACTION)
            continue;
        int ri = choose_reading(x, s, i);
        if (!strcmp(x->lx.actions[p->actions[ri]].pos, "noun"))
            continue;
        return past_tag(s, p, p->tags[ri]);
    }
    return 0;
}

static int frames(doc_state *st, sentence_view *s)
{
    const qp_extractor *x = st->x;
    int *targets = qp_arena_alloc(st->arena, (s->n_m + 1) * sizeof *targets);
    if (!targets)
        return QP_ENOMEM;
    for (size_t i = 0; i < s->n_m; i++)
        targets[i] = -1;
    for (size_t mi = 0; mi < s->n_m; mi++) {
        const mention *m = &s->m[mi];
        if (m->kind != MENTION_ACTION)
            continue;
        int ri = choose_reading(x, s, mi);
        const qp_lex_action *act = &x->lx.actions[m->actions[ri]];
        int tag = m->tags[ri];
        int is_noun = !strcmp(act->pos, "noun");
        int stative = !strcmp(act->code ? act->code : "", "MOBILIZE") || !strcmp(act->code ? act->code : "", "RETREAT");
        if (!is_noun && tag != TAG_PPAS && m->t0 > 0 && is_article(s, m->t0 - 1))
            continue; /* "la cible", "the attack": a noun that looks like a verb form */
        if (tag == TAG_PPRE && st->lang == 0 && !(m->t0 > 0 && is(s, m->t0 - 1, "en")) &&
            !(m->t0 > 1 && is(s, m->t0 - 2, "en") && (is(s, m->t0 - 1, "se") || is(s, m->t0 - 1, "s"))))
            continue; /* "commandant de la 7e division" is a title, not an act of command */
        group subj = {.n = 0}, agent = {.n = 0};
        int obj = -1, obj_place = -1;
        int flags = modality(s, m->t0, m->t1, tag);
        double conf = act->weight;

        /* "ont manifesté leur soutien": the verb of speech only carries the noun's event */
        if (!is_noun && mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_ACTION && s->m[mi + 1].t0 <= m->t1 + 4 &&
            verbal_light(x, m) && has_noun_reading(x, &s->m[mi + 1], NULL))
            continue;
        /* "destroyed 20 fighting positions": a noun that is what a verb acted on is no event of
         * its own; nor, in English, a noun that modifies the next one ("supply routes") */
        if (is_noun && (verb_object(x, s, mi) || (st->lang == 1 && noun_modifier(s, m))))
            continue;
        st->trigger_past = is_noun ? clause_past(x, s, mi) : past_tag(s, m, tag);
        int has_aux_avoir = 0, has_aux_etre = 0;
        for (size_t k = m->t0 > 3 ? m->t0 - 3 : 0; k < m->t0; k++) {
            has_aux_avoir |= is_avoir(s, k);
            has_aux_etre |= is_any(s, k, ETRE, QP_ARRAY_LEN(ETRE));
        }
        /* "ont été tuées", "have been killed": avoir is été's auxiliary, the participle is passive */
        if (m->t0 > 0 && (is(s, m->t0 - 1, "ete") || is(s, m->t0 - 1, "been")))
            has_aux_avoir = 0, has_aux_etre = 1;
        int passive = 0;
        if (!is_noun && tag == TAG_PPAS && !has_aux_avoir && agent_after(s, m->t1, &agent))
            passive = 1;

        if (act->light) {
            /* "l'une menée par le régime": the agent leads the nearest offensive named before */
            if (!passive)
                continue;
            int nt = noun_trigger_before(x, s, m->t0);
            if (nt < 0)
                continue;
            const mention *nm = &s->m[nt];
            const qp_lex_action *na = &x->lx.actions[nm->actions[0]];
            int tobj = find_object(x, s, nm->t1, na, 1, &obj_place, NULL);
            if (targets[nt] >= 0)
                tobj = targets[nt];
            for (int i = 0; i < agent.n; i++) {
                int r = add_event(st, s, nm, na, &s->m[agent.m[i]].actor, tobj >= 0 ? &s->m[tobj].actor : NULL,
                                  obj_place, flags, na->weight * 0.9, na->code);
                if (r)
                    return r;
                widen_evidence(st->last_added, s, &s->m[agent.m[i]]);
            }
            continue;
        }

        const qp_actor_ref *a2 = NULL;
        if (passive) {
            /* "le régime soutenu par Moscou": the backer is after par, the backed before */
            int left = -1;
            for (size_t i = mi; i-- > 0;) {
                const mention *lm = &s->m[i];
                if (lm->kind == MENTION_ACTOR && m->t0 - lm->t1 <= 3) {
                    left = (int)i;
                    break;
                }
                if (lm->kind >= 0 && lm->kind != MENTION_DEMONYM)
                    break;
            }
            if (left >= 0)
                a2 = &s->m[left].actor;
            for (int i = 0; i < agent.n; i++) {
                int r = add_event(st, s, m, act, &s->m[agent.m[i]].actor, a2, -1, flags, conf, act->code);
                if (r)
                    return r;
                qp_event *e = st->last_added;
                if (e) {
                    widen_evidence(e, s, &s->m[agent.m[i]]);
                    if (left >= 0)
                        widen_evidence(e, s, &s->m[left]);
                }
            }
            continue;
        }
        if (!is_noun && tag == TAG_PPAS && !has_aux_avoir) {
            /* "US-backed forces": the actor is glued before the participle */
            if (m->t0 > 0 && (s->tok[m->t0].flags & QP_TOK_GLUED)) {
                size_t pt = m->t0 - 1;
                while (pt > 0 && (s->tok[pt].flags & QP_TOK_PUNCT))
                    pt--; /* "U.S.-backed" */
                int mj = mention_at(s, pt);
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR) {
                    int o = (size_t)mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_ACTOR &&
                                    s->m[mi + 1].t0 <= m->t1 + 3
                                ? (int)mi + 1
                                : -1;
                    int r = add_event(st, s, m, act, &s->m[mj].actor, o >= 0 ? &s->m[o].actor : NULL, -1, flags, conf,
                                      act->code);
                    if (r)
                        return r;
                    widen_evidence(st->last_added, s, &s->m[mj]);
                    if (o >= 0)
                        widen_evidence(st->last_added, s, &s->m[o]);
                }
                continue;
            }
            /* "30 civilians were killed when aircraft bombed…": the victims of the sentence */
            if (has_aux_etre && act->code && !strcmp(act->code, "ASSAULT") && mi > 0 &&
                s->m[mi - 1].kind == MENTION_ACTOR && m->t0 - s->m[mi - 1].t1 <= 3 && s->m[mi - 1].actor.kind &&
                !strcmp(s->m[mi - 1].actor.kind, "civilians"))
                st->victims = (int)mi - 1;
            /* "les zones reprises", "was struck": no actor to name; but "sont positionnées",
             * "were deployed" say what the subject did */
            if (!(stative && has_aux_etre))
                continue;
        }
        find_subject(x, s, m->t0, &subj);
        /* "rebel groups fighting Assad": a present participle's subject is the noun it follows */
        if (!is_noun && tag == TAG_PPRE && mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR &&
            s->m[mi - 1].t1 == m->t0 && !has_aux_etre) {
            subj.n = 1;
            subj.m[0] = (int)mi - 1;
        }
        /* "coalition strikes", "ISIS's attack": an actor right before a noun is its actor */
        if (is_noun && mi > 0 && s->m[mi - 1].kind == MENTION_ACTOR &&
            (adjacent(s, s->m[mi - 1].t1, m->t0) ||
             (s->m[mi - 1].t1 + 1 == m->t0 && is(s, s->m[mi - 1].t1, "s")))) {
            subj.n = 1;
            subj.m[0] = (int)mi - 1;
        }
        /* "accused the YPG of attacking", "accuse Damas d'avoir bombardé": the accused is the
         * actor of an act that is only alleged */
        int accused = accused_actor(x, s, mi);
        if (accused >= 0) {
            subj.n = 1;
            subj.m[0] = accused;
            flags |= QP_EVENT_HYPOTHETICAL | QP_EVENT_REPORTED;
        }
        /* a noun's actor and recipient around it: "le pilonnage de quartiers par l'armée",
         * "l'offensive du régime contre Alep", "strikes by the coalition", "the liberation of
         * Manbij", "le soutien de Damas par Moscou" */
        int noun_obj = -1, light = -1;
        if (is_noun) {
            int by = by_agent_after(s, m->t1);
            /* "support from the coalition", "l'aide de la Turquie": who gives the support */
            if (by < 0 && act->code && (!strcmp(act->code, "AID") || !strcmp(act->code, "SUPPORT")) &&
                is(s, m->t1, "from")) {
                size_t n = m->t1 + 1;
                while (n < s->n_tok && is_article(s, n))
                    n++;
                int mj = n < s->n_tok ? mention_at(s, n) : -1;
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR)
                    by = mj;
            }
            int gen = genitive_after(s, m->t1);
            int of = gen >= 0 && is(s, m->t1, "of");
            int left = subj.n > 0 ? noun_linked(x, s, &s->m[subj.m[subj.n - 1]], m, &light) : 0;
            /* "strikes in support of Iraqi forces", "en soutien aux rebelles", "à l'appui de" */
            if (subj.n > 0 && !left && m->t0 > 0 &&
                (is(s, m->t0 - 1, "in") || is(s, m->t0 - 1, "en") || is(s, m->t0 - 1, "direct") ||
                 (m->t0 > 1 && is(s, m->t0 - 2, "a") && is(s, m->t0 - 1, "l"))))
                left = 1;
            if (m->t0 > 0 && (s->tok[m->t0].flags & QP_TOK_GLUED)) {
                int mj = mention_at(s, m->t0 - 1); /* "Russian-led offensive", "ISIS-held" */
                if (mj >= 0 && s->m[mj].kind == MENTION_ACTOR) {
                    subj.n = 1;
                    subj.m[0] = mj;
                    left = 1;
                }
            }
            /* "with the support of coalition air power", "avec l'appui de l'aviation russe": the
             * genitive supports the clause's subject */
            if (by < 0 && gen >= 0 && act->code && (!strcmp(act->code, "AID") || !strcmp(act->code, "SUPPORT")) &&
                m->t0 >= 2 && (is(s, m->t0 - 2, "with") || is(s, m->t0 - 2, "avec") ||
                               (m->t0 >= 3 && is(s, m->t0 - 3, "avec")))) {
                int backed = subj.n > 0 ? subj.m[0] : -1;
                subj.n = 1;
                subj.m[0] = gen;
                left = 1;
                gen = backed; /* becomes the noun's object below */
            }
            if (by >= 0) {
                subj.n = 1;
                subj.m[0] = by;
                noun_obj = gen;
            } else if (left) {
                noun_obj = gen;
            } else if (gen >= 0 && !of && genitive_is_agent(s, &s->m[gen])) {
                /* "l'offensive du régime contre Alep": the genitive acts when a target follows */
                subj.n = 1;
                subj.m[0] = gen;
            } else {
                subj.n = 0;
                noun_obj = of ? gen : -1;
            }
            if (noun_obj >= 0 && subj.n > 0 && noun_obj == subj.m[0])
                noun_obj = -1;
            /* "exprimer son soutien": words of support, not arms */
            if (light >= 0 && act->code && !strcmp(act->code, "AID") && verbal_light(x, &s->m[light]))
                act = &support_of_words;
        }
        if (is_noun && subj.n == 0) {
            /* "les frappes russes", "Russian strikes": a nationality on the noun is its actor */
            int dm = -1;
            if (mi + 1 < s->n_m && s->m[mi + 1].kind == MENTION_DEMONYM && s->m[mi + 1].t0 <= m->t1 + 1)
                dm = (int)mi + 1;
            else if (mi > 0 && s->m[mi - 1].kind == MENTION_DEMONYM && s->m[mi - 1].t1 + 1 >= m->t0)
                dm = (int)mi - 1;
            if (dm >= 0) {
                s->m[dm].kind = MENTION_ACTOR;
                xt_actor_from_country(x, s->m[dm].country, &s->m[dm].actor);
                s->m[dm].actor.text = xt_span_text(st->arena, s, s->m[dm].t0, s->m[dm].t1);
                subj.n = 1;
                subj.m[0] = dm;
            }
        }
        if (subj.n == 0) {
            /* no actor in sight: in a run of reports ("Near Raqqa, 22 strikes engaged ISIS
             * units"), the actor of the same kind of event just before */
            obj = find_object(x, s, m->t1, act, is_noun, &obj_place, NULL);
            const qp_event *prev = carried_event(st, s->index, act->code);
            int after_noun = !is_noun && mi > 0 && s->m[mi - 1].kind == MENTION_ACTION &&
                             m->t0 - s->m[mi - 1].t1 <= 2 && has_noun_reading(x, &s->m[mi - 1], act->code);
            /* "Near Tal Afar, a strike destroyed three facilities": the target too goes on */
            const qp_actor_ref *target = obj >= 0 ? &s->m[obj].actor : (prev ? &prev->actor2 : NULL);
            if (prev && after_noun && target && target->id && !same_actor(&prev->actor1, target)) {
                int r = add_event(st, s, m, act, &prev->actor1, target, obj_place, flags, conf * (obj >= 0 ? 0.6 : 0.5),
                                  act->code);
                if (r)
                    return r;
                if (obj >= 0)
                    widen_evidence(st->last_added, s, &s->m[obj]);
            }
            continue;
        }
        if (is_noun && subj.n == 1 && target_construction(s, m->t0)) {
            /* "l'EI est la cible de deux offensives": the subject is what is attacked; the
             * attackers come later ("menée par le régime") */
            targets[mi] = subj.m[0];
            continue;
        }
        /* "X et Y se battent", "X and Y clashed", "des combats entre X et Y": each fights the other */
        /* agreeing and meeting take two: "la Russie et la Turquie ont signé un accord" */
        int mutual = act->code && (!strcmp(act->code, "AGREE") || !strcmp(act->code, "CONSULT"));
        if (act->code && (!strcmp(act->code, "ASSAULT") || mutual) && noun_obj < 0) {
            group pair = subj;
            int recip = subj.n == 2 && ((!is_noun && reciprocal_verb(s, m)) ||
                                        (mutual && find_object(x, s, m->t1, act, is_noun, &obj_place, NULL) < 0));
            if (is_noun && (is(s, m->t1, "entre") || is(s, m->t1, "between")))
                recip = between_pair(s, m->t1 + 1, &pair);
            if (recip && pair.n == 2) {
                for (int i = 0; i < 2; i++) {
                    int r = add_event(st, s, m, act, &s->m[pair.m[i]].actor, &s->m[pair.m[1 - i]].actor, -1, flags,
                                      conf, act->code);
                    if (r)
                        return r;
                    widen_evidence(st->last_added, s, &s->m[pair.m[0]]);
                    widen_evidence(st->last_added, s, &s->m[pair.m[1]]);
                }
                continue;
            }
        }
        int protest = 0;
        obj = noun_obj >= 0 ? noun_obj : find_object(x, s, m->t1, act, is_noun, &obj_place, &protest);
        /* "le Hezbollah fournit à l'armée syrienne de l'aide", "provided the rebels with
         * weapons": the recipient sits between the light verb and the noun */
        if (obj < 0 && light >= 0) {
            for (size_t i = (size_t)light + 1; i < mi; i++) {
                const mention *o = &s->m[i];
                if (o->kind != MENTION_ACTOR)
                    continue;
                size_t b = before_np(s, o->t0);
                if (b == s->m[light].t1 - 1 || (b != (size_t)-1 && (is(s, b, "a") || is(s, b, "au") ||
                                                                    is(s, b, "aux") || is(s, b, "to")))) {
                    obj = (int)i;
                    break;
                }
            }
        }
        if (obj >= 0)
            a2 = &s->m[obj].actor;
        qp_actor_ref civilians = {0};
        int ci = protest && act->code && (!strcmp(act->code, "ASSAULT") || !strcmp(act->code, "COERCE"))
                     ? qp_lexicon_actor(&x->lx, "CIVILIANS")
                     : -1;
        if (ci >= 0) {
            xt_actor_from_lexicon(x, ci, NULL, &civilians);
            a2 = &civilians;
        }
        for (int i = 0; i < subj.n; i++) {
            int r = add_event(st, s, m, act, &s->m[subj.m[i]].actor, a2, obj_place, flags, conf, act->code);
            if (r)
                return r;
            qp_event *e = st->last_added;
            widen_evidence(e, s, &s->m[subj.m[i]]);
            if (obj >= 0)
                widen_evidence(e, s, &s->m[obj]);
        }
        /* "en se battant aux côtés de l'armée syrienne", "fought alongside Iraqi forces" */
        int ally = act->code && (!strcmp(act->code, "ASSAULT") || !strcmp(act->code, "MOBILIZE"))
                       ? alongside_actor(s, m->t1)
                       : -1;
        for (int i = 0; ally >= 0 && i < subj.n && !(flags & QP_EVENT_HIDDEN); i++) {
            static const qp_lex_action coop = {.code = "COOPERATE", .cameo = "06", .context = "military",
                                               .object = "none", .weight = 0.6};
            int r = add_event(st, s, m, &coop, &s->m[subj.m[i]].actor, &s->m[ally].actor, obj_place, flags, 0.6,
                              "COOPERATE");
            if (r)
                return r;
            widen_evidence(st->last_added, s, &s->m[subj.m[i]]);
            widen_evidence(st->last_added, s, &s->m[ally]);
        }
        /* a joint action: the partners cooperate */
        int material = !strcmp(act->code, "ASSAULT") || !strcmp(act->code, "MOBILIZE") ||
                       !strcmp(act->code, "COERCE") || !strcmp(act->code, "AID");
        if (subj.n >= 2 && material && !(flags & QP_EVENT_HIDDEN)) {
            static const qp_lex_action coop = {.code = "COOPERATE", .cameo = "06", .context = "military",
                                               .object = "none", .weight = 0.6};
            for (int i = 0; i < subj.n; i++)
                for (int j = i + 1; j < subj.n; j++) {
                    int r = add_event(st, s, m, &coop, &s->m[subj.m[i]].actor, &s->m[subj.m[j]].actor, obj_place,
                                      flags, 0.6, "COOPERATE");
                    if (r)
                        return r;
                    qp_event *e = st->last_added;
                    widen_evidence(e, s, &s->m[subj.m[i]]);
                    widen_evidence(e, s, &s->m[subj.m[j]]);
                }
        }
    }
    return 0;
}

/* Whether actor kinds can fight: states and their forces, armed groups, coalitions. */
static int armed_kind(const char *kind)
{
    return kind && (!strcmp(kind, "armed group") || !strcmp(kind, "military") || !strcmp(kind, "paramilitary") ||
                    !strcmp(kind, "coalition") || !strcmp(kind, "state") || !strcmp(kind, "government") ||
                    !strcmp(kind, "police"));
}

/* An assault whose sentence names no target is aimed at the enemy the article names: another
 * armed actor of the same sentence that is not on the attacker's side, else the target the
 * same attacker had just before in the article. */
static void infer_assault_targets(doc_state *st, const sentence_view *sv)
{
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        if (strcmp(e->action, "ASSAULT") || e->actor2.id || (e->flags & QP_EVENT_HIDDEN))
            continue;
        const sentence_view *s = &sv[e->sentence];
        const qp_actor_ref *best = NULL;
        for (size_t k = 0; k < s->n_m && !best; k++) {
            const mention *m = &s->m[k];
            if (m->kind != MENTION_ACTOR || !m->actor.id || !armed_kind(m->actor.kind) || same_actor(&m->actor, &e->actor1))
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
                if (o->sentence == e->sentence && same_actor(&o->actor1, &m->actor) && !strcmp(o->action, "ASSAULT"))
                    partner = 1;
                if (o->sentence == e->sentence && !strcmp(o->action, "AID") &&
                    (same_actor(&o->actor1, &m->actor) || same_actor(&o->actor2, &m->actor)))
                    partner = 1;
            }
            if (!partner)
                best = &m->actor;
        }
        for (size_t j = i; j-- > 0 && !best;) {
            const qp_event *o = &st->events[j];
            if (!strcmp(o->action, "ASSAULT") && o->actor2.id && same_actor(&o->actor1, &e->actor1) &&
                armed_kind(o->actor2.kind))
                best = &o->actor2;
        }
        if (best) {
            e->actor2 = *best;
            e->actor2.text = NULL;
            e->confidence *= 0.8;
        }
    }
}

/* QUIPU_DEBUG_MENTIONS=1: what the matcher saw, on stderr, for lexicon work. */
static void dump_mentions(const qp_extractor *x, const sentence_view *s)
{
    static const char *const kinds[] = {"ACTOR", "ACTION", "PLACE", "AGENT", "DEMONYM"};
    fprintf(stderr, "sentence %d:\n", s->index);
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
static int died_victims(const sentence_view *s)
{
    static const char *const died[] = {"peri", "perissent", "mort", "morts", "mortes", "meurent", "decede",
                                       "decedes", "died", "die", "dead", "perished"};
    for (size_t i = 0; i < s->n_m; i++) {
        const mention *m = &s->m[i];
        if (m->kind != MENTION_ACTOR || !m->actor.kind || strcmp(m->actor.kind, "civilians"))
            continue;
        for (size_t k = m->t1; k < m->t1 + 4 && k < s->n_tok; k++)
            if (is_any(s, k, died, QP_ARRAY_LEN(died)))
                return (int)i;
    }
    return -1;
}

/* "a fait 34 morts", "fait au moins dix victimes", "12 tués": a count of the dead. */
static int counted_dead(const sentence_view *s)
{
    static const char *const dead[] = {"morts", "victimes", "tues", "blesses", "deaths", "dead", "casualties"};
    for (size_t k = 1; k < s->n_tok; k++)
        if ((s->tok[k - 1].flags & QP_TOK_NUM) && is_any(s, k, dead, QP_ARRAY_LEN(dead)))
            return 1;
    return 0;
}

/* After targets are inferred two triggers of a sentence can tell the same event ("had killed 20
 * fighters in air strikes"): keep one, with the better-anchored time and the wider evidence. */
static void merge_duplicates(doc_state *st)
{
    size_t out = 0;
    for (size_t i = 0; i < st->n_events; i++) {
        qp_event *e = &st->events[i];
        qp_event *keep = NULL;
        for (size_t j = 0; j < out && !keep; j++) {
            qp_event *k = &st->events[j];
            if (k->sentence == e->sentence && !strcmp(k->action, e->action) && same_actor(&k->actor1, &e->actor1) &&
                ((!k->actor2.id && !e->actor2.id) || same_actor(&k->actor2, &e->actor2)))
                keep = k;
        }
        if (!keep) {
            st->events[out++] = *e;
            continue;
        }
        if (e->time.anchor && !strcmp(e->time.anchor, "text") && (!keep->time.anchor || strcmp(keep->time.anchor, "text")))
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

/* Places the gazetteer found are resolved once the whole article's countries are known. */
static void resolve_places(doc_state *st, sentence_view *sv, size_t n, const qp_country_mention *cm, size_t ncm)
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
            int division = (m->t0 >= 2 && is_any(s, m->t0 - 2, div_words, QP_ARRAY_LEN(div_words)) &&
                            (is(s, m->t0 - 1, "de") || is(s, m->t0 - 1, "d") || is(s, m->t0 - 1, "of"))) ||
                           (m->t1 < s->n_tok && is_any(s, m->t1, div_words, QP_ARRAY_LEN(div_words)));
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
                m->t1 - m->t0 == 1 && mention_at(s, m->t1) < 0)
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

int qp_extract_document(const qp_extractor *x, qp_document *doc, qp_arena *arena)
{
    if (!doc->lang || (strcmp(doc->lang, "fr") && strcmp(doc->lang, "en")))
        return QP_ELANG;
    doc_state st = {.x = x, .doc = doc, .arena = arena, .lang = strcmp(doc->lang, "fr") ? 1 : 0};
    if (doc->published) {
        char end[11];
        next_day(doc->published, end);
        st.doc_end = qp_arena_strdup(arena, end); /* events outlive this frame */
        if (!st.doc_end)
            return QP_ENOMEM;
    }
    int r = qp_timex_find(doc->text, doc->text_len, doc->lang, doc->published, arena, &st.timex);
    if (r && r != QP_EINVAL)
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
            else if (s->m[k].kind == MENTION_ACTOR && s->m[k].actor.country) {
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
    resolve_places(&st, sv, doc->n_sentences, cm, ncm);
    /* where the article happens: the country its places lie in most (not the one whose
     * actors it names most: an article on Russian strikes happens in Syria) */
    int *place_count = qp_arena_calloc(arena, x->lx.n_countries + 1, sizeof *place_count);
    if (!place_count)
        return QP_ENOMEM;
    int where = -1;
    for (size_t i = 0; i < doc->n_sentences; i++)
        for (size_t k = 0; k < sv[i].n_m; k++) {
            const mention *m = &sv[i].m[k];
            int c = m->kind == MENTION_PLACE || m->is_place_too ? xt_mention_country(x, m) : -1;
            if (c < 0 || (m->kind != MENTION_PLACE && m->kind != MENTION_ACTOR))
                continue;
            place_count[c] += m->kind == MENTION_PLACE ? 2 : 1;
            if (where < 0 || place_count[c] > place_count[where])
                where = c;
        }
    if (where >= 0)
        xt_place_from_country(x, arena, where, &st.focus_place);
    /* a bare agent ("l'armée") belongs to the country named just before, in this sentence or the
     * last; further back, to the country the article's events happen in */
    int recent = -1, recent_sentence = -10;
    int debug = getenv("QUIPU_DEBUG_MENTIONS") != NULL;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        int near = recent_sentence + 1 >= (int)i ? recent : -1;
        if ((r = xt_compose_actors(x, arena, &sv[i], st.lang, near, where >= 0 ? where : focus)))
            return r;
        if (debug)
            dump_mentions(x, &sv[i]);
        for (size_t k = 0; k < sv[i].n_m; k++) {
            int c = is_country_place(&sv[i].m[k]) ? -1 : xt_mention_country(x, &sv[i].m[k]);
            if (c >= 0) {
                recent = c;
                recent_sentence = (int)i;
            }
        }
        st.victims = died_victims(&sv[i]);
        size_t before = st.n_events;
        if ((r = frames(&st, &sv[i])))
            return r;
        /* the sentence's assaults without a target were on its victims; "a fait 34 morts",
         * "killing 45 people" count civilians */
        qp_actor_ref civilians = {0};
        const qp_actor_ref *victims = st.victims >= 0 ? &sv[i].m[st.victims].actor : NULL;
        if (!victims && counted_dead(&sv[i]) && qp_lexicon_actor(&x->lx, "CIVILIANS") >= 0) {
            xt_actor_from_lexicon(x, qp_lexicon_actor(&x->lx, "CIVILIANS"), NULL, &civilians);
            victims = &civilians;
        }
        for (size_t k = before; victims && k < st.n_events; k++)
            if (!strcmp(st.events[k].action, "ASSAULT") && !st.events[k].actor2.id)
                st.events[k].actor2 = *victims;
        for (size_t k = sv[i].n_m; k-- > 0;)
            if (sv[i].m[k].kind == MENTION_PLACE && sv[i].m[k].place.id) {
                st.last_place = sv[i].m[k].place;
                st.last_place_sentence = (int)i;
                break;
            }
    }
    infer_assault_targets(&st, sv);
    merge_duplicates(&st);
    for (size_t i = 0; i < st.n_events; i++) {
        qp_event *e = &st.events[i];
        e->evidence_text = qp_arena_strndup(arena, doc->text + e->evidence_start, e->evidence_end - e->evidence_start);
        e->uid = qp_arena_printf(arena, "%s#%d.%zu", doc->name, e->sentence, i);
    }
    doc->events = st.events;
    doc->n_events = st.n_events;
    return 0;
}
