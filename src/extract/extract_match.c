/* extract_match.c — the first half of extraction: longest matches of the lexicons and the
 * gazetteer over a sentence's tokens, and references to actors named before ("ces trois
 * pays", "l'ONG"). Agents get their nationality in extract_compose.c. */
#include "extract_int.h"
#include "extract_syntax.h"
#include "qp.h"

#include <stdio.h>
#include <string.h>

static int tok_is(const qp_token *t, const char *w)
{
    return !strcmp(t->fold, w);
}

/* A place preposition just before token i (skipping an article): "en Syrie", "à Damas", "in Iraq". */
static int after_place_prep(const sentence_view *s, size_t i)
{
    static const char *const preps[] = {"en", "au", "aux", "dans", "a", "vers", "pres", "depuis", "in", "into",
                                        "across", "near", "at", "to", "throughout", "outside", "around"};
    size_t k = i;
    if (k > 0 && (tok_is(&s->tok[k - 1], "la") || tok_is(&s->tok[k - 1], "l") || tok_is(&s->tok[k - 1], "le") ||
                  tok_is(&s->tok[k - 1], "les") || tok_is(&s->tok[k - 1], "the")))
        k--;
    if (k == 0)
        return 0;
    for (size_t p = 0; p < QP_ARRAY_LEN(preps); p++)
        if (tok_is(&s->tok[k - 1], preps[p]))
            return 1;
    /* "de la province de Deir Ezzor", "la région d'al-Qaïm" */
    if (tok_is(&s->tok[k - 1], "de") || tok_is(&s->tok[k - 1], "d") || tok_is(&s->tok[k - 1], "of")) {
        if (k >= 2) {
            static const char *const heads[] = {"province", "region", "ville", "localite", "centre", "nord", "sud",
                                                "est", "ouest", "city", "town", "province", "village", "environs",
                                                "peripherie", "banlieue", "frontiere", "outskirts", "north", "south",
                                                "east", "west", "governorate", "district", "quartier", "gouvernorat"};
            for (size_t h = 0; h < QP_ARRAY_LEN(heads); h++)
                if (tok_is(&s->tok[k - 2], heads[h]))
                    return 1;
        }
    }
    return 0;
}

/* "Raqqa, Syria": a country right after a place and a comma qualifies the place. */
static int after_place_comma(const sentence_view *s, size_t i)
{
    if (i < 2 || strcmp(s->tok[i - 1].fold, ","))
        return 0;
    for (size_t k = s->n_m; k-- > 0;)
        if (s->m[k].t1 == i - 1)
            return s->m[k].kind == MENTION_PLACE;
    return 0;
}

/* Whether the entry may match the tokens [i, j): acronyms only in capitals; actions only in
 * the document's language. */
static int entry_fits(const qp_lex_entry *e, const sentence_view *s, size_t i, size_t j, int lang)
{
    if (e->kind == QP_LEX_ACTION && e->lang != lang && e->lang != 2)
        return 0;
    if (e->acronym) {
        for (size_t k = i; k < j; k++) {
            const qp_token *t = &s->tok[k];
            if (t->flags & QP_TOK_PUNCT)
                continue;
            size_t n = strlen(t->fold);
            int upper = (t->flags & QP_TOK_UPPER) || (n == 1 && (t->flags & QP_TOK_CAP));
            if (!upper)
                return 0;
        }
    }
    return 1;
}

/* Tokens the phrase builder passes over: the periods of "U.S." and "É.-U." */
int xt_skippable(const sentence_view *s, size_t k)
{
    const qp_token *t = &s->tok[k];
    if (!(t->flags & QP_TOK_PUNCT) || strcmp(t->fold, ".") || k == 0)
        return 0;
    const qp_token *p = &s->tok[k - 1];
    return strlen(p->fold) == 1 && p->end == t->start && k + 1 < s->n_tok && !(s->tok[k + 1].flags & QP_TOK_PUNCT) &&
           strlen(s->tok[k + 1].fold) == 1;
}

static mention *push_mention(qp_arena *a, sentence_view *s, size_t *cap)
{
    if (s->n_m == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        mention *n = qp_arena_alloc(a, nc * sizeof *n);
        if (!n)
            return NULL;
        if (s->n_m)
            memcpy(n, s->m, s->n_m * sizeof *n);
        s->m = n;
        *cap = nc;
    }
    mention *m = &s->m[s->n_m++];
    memset(m, 0, sizeof *m);
    m->country = m->agent = -1;
    return m;
}

const char *xt_span_text(qp_arena *a, const sentence_view *s, size_t t0, size_t t1)
{
    size_t b = s->tok[t0].start, e = s->tok[t1 - 1].end;
    return qp_arena_strndup(a, s->text + b, e - b);
}

/* The actor of a lexicon actor entry, persons in office read as the body they act for. */
void xt_actor_from_lexicon(const qp_extractor *x, int ai, const char *date, qp_actor_ref *out)
{
    const qp_lex_actor *a = &x->lx.actors[ai];
    if (!strcmp(a->kind, "person") && a->parent && date && (!a->from || strcmp(date, a->from) >= 0) &&
        (!a->to || strcmp(date, a->to) < 0)) {
        /* in office: the person acts for a body, or for the state itself */
        int pi = qp_lexicon_actor(&x->lx, a->parent);
        if (pi >= 0) {
            xt_actor_from_lexicon(x, pi, NULL, out);
            return;
        }
        int ci = qp_lexicon_country(&x->lx, a->parent);
        if (ci >= 0) {
            xt_actor_from_country(x, ci, out);
            return;
        }
    }
    out->id = a->id;
    out->label = a->label;
    out->label_fr = a->label_fr;
    out->kind = a->kind;
    out->country = a->country;
    out->parent = a->parent;
}

void xt_actor_from_country(const qp_extractor *x, int ci, qp_actor_ref *out)
{
    const qp_lex_country *c = &x->lx.countries[ci];
    int ai = qp_lexicon_actor(&x->lx, c->iso3);
    if (ai >= 0) {
        xt_actor_from_lexicon(x, ai, NULL, out);
        return;
    }
    out->id = c->iso3;
    out->label = c->label ? c->label : c->iso3;
    out->label_fr = c->label_fr;
    out->kind = "state";
    out->country = c->iso3;
    out->parent = NULL;
}

void xt_place_from_country(const qp_extractor *x, qp_arena *a, int ci, qp_place_ref *out)
{
    const qp_lex_country *c = &x->lx.countries[ci];
    out->id = c->geonames > 0 ? qp_arena_printf(a, "geonames:%lld", (long long)c->geonames)
                              : qp_arena_printf(a, "iso:%s", c->iso3);
    out->label = c->label ? c->label : c->iso3;
    out->country = c->iso2;
    out->lat = c->lat;
    out->lon = c->lon;
    out->feature = "A.PCLI";
}

/* Whether token t is a demonym (of any country). */
static int demonym_at(const qp_extractor *x, const sentence_view *s, size_t t)
{
    if (t >= s->n_tok)
        return 0;
    int prefix;
    const char *f = s->tok[t].fold;
    for (int32_t e = qp_lexicon_find(&x->lx, f, strlen(f), &prefix); e >= 0; e = x->lx.entries[e].next)
        if (x->lx.entries[e].kind == QP_LEX_DEMONYM)
            return 1;
    return 0;
}

/* Whether a phrase is also an agent ("forces gouvernementales"): then it takes the nationality
 * of its context rather than the one actor a lexicon may list it under. */
static int has_agent_reading(const qp_extractor *x, int32_t first, const sentence_view *s, size_t i, size_t j, int lang)
{
    for (int32_t k = first; k >= 0; k = x->lx.entries[k].next) {
        const qp_lex_entry *e = &x->lx.entries[k];
        /* a state's agents always; the others ("rebelles") only with their nationality
         * ("rebelles syriens"): bare, they stay the generic actor */
        if (e->kind == QP_LEX_AGENT && entry_fits(e, s, i, j, lang) &&
            (x->lx.agents[e->ref].parent || demonym_at(x, s, j)))
            return 1;
    }
    return 0;
}

/* Folding drops accents, so "armé" reads as "arme": a French word written with a final é,
 * ée, és, ées is a participle (or a noun), never a present, subjunctive or past form. */
static int accent_excludes(const sentence_view *s, size_t i, size_t j, int lang, int tag)
{
    if (lang != 0 || j != i + 1 || (tag != TAG_PRES && tag != TAG_SUBJ && tag != TAG_PAST && tag != TAG_IMPF))
        return 0;
    const char *w = s->text + s->tok[i].start;
    size_t n = s->tok[i].end - s->tok[i].start;
    while (n > 0 && (w[n - 1] == 's' || w[n - 1] == 'e'))
        n--;
    return n >= 2 && (unsigned char)w[n - 2] == 0xC3 && (unsigned char)w[n - 1] == 0xA9 &&
           s->tok[i].end - s->tok[i].start - n <= 2;
}

/* A trigger's readings: when they overflow, another tag of an action already read gives way
 * to an action not read yet ("allié": the noun ally after the forms of s'allier). */
static void add_reading(mention *m, int action, int tag)
{
    if (m->n_readings < MENTION_MAX_READINGS) {
        m->actions[m->n_readings] = action;
        m->tags[m->n_readings++] = tag;
        return;
    }
    for (int k = 0; k < m->n_readings; k++)
        if (m->actions[k] == action)
            return;
    for (int k = m->n_readings; k-- > 1;)
        for (int j = 0; j < k; j++)
            if (m->actions[j] == m->actions[k]) {
                m->actions[k] = action;
                m->tags[k] = tag;
                return;
            }
}

/* A blank mention starting at token t, inserted in token order; NULL when out of memory. */
static mention *insert_mention(qp_arena *a, sentence_view *s, size_t t)
{
    mention *nm = qp_arena_alloc(a, (s->n_m + 1) * sizeof *nm);
    if (!nm)
        return NULL;
    size_t at = 0;
    while (at < s->n_m && s->m[at].t0 < t)
        at++;
    /* a sentence with no mention yet has s->m NULL: memcpy must not be given it, even for 0
     * bytes (issue 16, item 1: "SYRIE/ISRAEL. Q les four pays") */
    if (s->n_m) {
        memcpy(nm, s->m, at * sizeof *nm);
        memcpy(nm + at + 1, s->m + at, (s->n_m - at) * sizeof *nm);
    }
    mention *g = &nm[at];
    memset(g, 0, sizeof *g);
    g->country = g->agent = -1;
    g->t0 = g->t1 = t;
    s->m = nm;
    s->n_m++;
    return g;
}

int xt_resolve_groups(const qp_extractor *x, qp_arena *a, sentence_view *sv, size_t i)
{
    static const char *const dets[] = {"ces", "les", "these", "the", "both", "those", "l", "cette", "this"};
    static const char *const ngo_nouns[] = {"ong", "ngo"};
    static const char *const nouns[] = {"pays", "countries", "nations", "etats", "states", "capitales", "capitals"};
    static const char *const numbers[] = {"deux", "trois", "quatre", "two", "three", "four"};
    sentence_view *s = &sv[i];
    for (size_t t = 0; t + 1 < s->n_tok; t++) {
        if (!xs_word_in(s->tok[t].fold, dets, QP_ARRAY_LEN(dets)))
            continue;
        size_t k = t + 1;
        int want = 4;
        for (int n = 0; n < (int)QP_ARRAY_LEN(numbers) && k < s->n_tok; n++)
            if (!strcmp(s->tok[k].fold, numbers[n]))
                want = n % 3 + 2;
        if (want < 4 || (k < s->n_tok && xs_word_in(s->tok[k].fold, numbers, QP_ARRAY_LEN(numbers))))
            k++;
        else if (!strcmp(s->tok[t].fold, "les") || !strcmp(s->tok[t].fold, "the"))
            continue; /* "les pays" alone is any countries; "les deux pays" are two named ones */
        if (k < s->n_tok && xs_word_in(s->tok[k].fold, ngo_nouns, QP_ARRAY_LEN(ngo_nouns)) && xs_mention_at(s, k) < 0) {
            /* "l'ONG a demandé", "the NGO said": the NGO the article named last */
            const qp_actor_ref *ngo = NULL;
            for (size_t back = 0; back <= 10 && back <= i && !ngo; back++) {
                const sentence_view *p = &sv[i - back];
                for (size_t j = p->n_m; j-- > 0 && !ngo;)
                    if (p->m[j].kind == MENTION_ACTOR && p->m[j].actor.kind && !strcmp(p->m[j].actor.kind, "ngo") &&
                        (back > 0 || p->m[j].t1 <= t))
                        ngo = &p->m[j].actor;
            }
            if (ngo) {
                mention *g = insert_mention(a, s, t);
                if (!g)
                    return QP_ENOMEM;
                g->kind = MENTION_ACTOR;
                g->t1 = k + 1;
                g->actor = *ngo;
                g->actor.text = xt_span_text(a, s, t, k + 1);
                t = k;
            }
            continue;
        }
        if (!strcmp(s->tok[t].fold, "l") || !strcmp(s->tok[t].fold, "cette") || !strcmp(s->tok[t].fold, "this"))
            continue; /* "ce pays", "this country": one, not a group */
        if (k >= s->n_tok || !xs_word_in(s->tok[k].fold, nouns, QP_ARRAY_LEN(nouns)) || xs_mention_at(s, k) >= 0)
            continue;
        /* the states named just before, latest first, each once */
        qp_actor_ref *group = qp_arena_calloc(a, (size_t)want, sizeof *group);
        if (!group)
            return QP_ENOMEM;
        int n = 0;
        for (size_t back = 1; back <= 2 && back <= i && n < want; back++) {
            const sentence_view *p = &sv[i - back];
            for (size_t j = p->n_m; j-- > 0 && n < want;) {
                const mention *m = &p->m[j];
                if (m->kind != MENTION_ACTOR || !m->actor.id || !m->actor.kind || strcmp(m->actor.kind, "state"))
                    continue;
                int seen = 0;
                for (int g = 0; g < n; g++)
                    seen |= !strcmp(group[g].id, m->actor.id);
                if (!seen)
                    group[n++] = m->actor;
            }
        }
        if (n < 2 || (want < 4 && n < want))
            continue;
        /* a mention over "ces trois pays", in token order among the others */
        mention *g = insert_mention(a, s, t);
        if (!g)
            return QP_ENOMEM;
        g->kind = MENTION_ACTOR;
        g->t1 = k + 1;
        g->actor = group[0];
        g->actor.text = xt_span_text(a, s, t, k + 1);
        g->group = group;
        g->n_group = n;
        t = k;
    }
    return 0;
}

/* The common nouns that open a place name written in lower case. */
static int is_place_head(const char *fold)
{
    static const char *const heads[] = {"province", "gouvernorat", "banlieue", "banlieues", "peripherie", "campagne",
                                        "region", "bande", "vallee", "plaine", "governorate", "suburbs", "outskirts",
                                        "countryside", "valley", "plain"};
    return xs_word_in(fold, heads, QP_ARRAY_LEN(heads));
}

/* Whether the words after the article at i, up to j, are an actor of the lexicon: a place
 * name the gazetteer lists with its article ("La Maison Blanche", a town in Algeria) is then
 * the article and the actor ("la Maison Blanche", the US government). */
static int article_before_actor(const qp_extractor *x, const sentence_view *s, size_t i, size_t j)
{
    char phrase[256];
    size_t len = 0;
    for (size_t k = i + 1; k < j; k++) {
        size_t n = strlen(s->tok[k].fold);
        if (len + n + 2 > sizeof phrase)
            return 0;
        if (len)
            phrase[len++] = ' ';
        memcpy(phrase + len, s->tok[k].fold, n);
        len += n;
    }
    int prefix;
    for (int32_t e = qp_lexicon_find(&x->lx, phrase, len, &prefix); e >= 0; e = x->lx.entries[e].next)
        if (x->lx.entries[e].kind == QP_LEX_ACTOR || x->lx.entries[e].kind == QP_LEX_COUNTRY)
            return 1;
    return 0;
}

int xt_match_sentence(const qp_extractor *x, qp_arena *a, sentence_view *s, int lang, const char *date)
{
    size_t cap = 0;
    qp_buf phrase;
    qp_buf_init(&phrase);
    int max_words = x->lx.max_words;
    if (x->gaz && qp_gazetteer_max_words(x->gaz) > max_words)
        max_words = qp_gazetteer_max_words(x->gaz);
    for (size_t i = 0; i < s->n_tok;) {
        if (s->tok[i].flags & QP_TOK_PUNCT) {
            i++;
            continue;
        }
        qp_buf_clear(&phrase);
        size_t best_j = 0, gaz_j = 0;
        int32_t best_e = -1;
        int words = 0;
        /* place names start with a capital, but for the few written with a lower-case head
         * ("banlieue de Damas", "province de Deir Ezzor"): other words need no gazetteer probe */
        int lower_head = !(s->tok[i].flags & QP_TOK_CAP) && is_place_head(s->tok[i].fold);
        int lex_open = 1, gaz_open = x->gaz != NULL && ((s->tok[i].flags & QP_TOK_CAP) || lower_head);
        for (size_t j = i; j < s->n_tok && words < max_words && (lex_open || gaz_open); j++) {
            if (xt_skippable(s, j))
                continue;
            if (s->tok[j].flags & QP_TOK_PUNCT)
                break;
            if (phrase.len && qp_buf_putc(&phrase, ' '))
                goto nomem;
            if (qp_buf_puts(&phrase, s->tok[j].fold))
                goto nomem;
            words++;
            if (lex_open) {
                int prefix;
                int32_t e = qp_lexicon_find(&x->lx, phrase.data, phrase.len, &prefix);
                for (int32_t k = e; k >= 0; k = x->lx.entries[k].next)
                    if (entry_fits(&x->lx.entries[k], s, i, j + 1, lang)) {
                        best_e = e;
                        best_j = j + 1;
                        break;
                    }
                lex_open = prefix;
            }
            if (gaz_open) {
                int p = qp_gazetteer_probe(x->gaz, phrase.data, phrase.len);
                /* a place name must start with a capital: "mais", "est" are words */
                if ((p & QP_GAZ_NAME) &&
                    ((s->tok[i].flags & (QP_TOK_CAP | QP_TOK_NUM)) == QP_TOK_CAP || (lower_head && (p & QP_GAZ_LOWER))))
                    gaz_j = j + 1;
                gaz_open = (p & QP_GAZ_PREFIX) != 0;
            }
        }
        if (best_e < 0 && gaz_j == 0) {
            i++;
            continue;
        }
        /* "Maarat al-Numan": the tail of an Arabic name the gazetteer does not know whole is
         * not the town of that tail (Numan, Nigeria) */
        if (gaz_j > best_j && i >= 1) {
            static const char *const articles[] = {"al", "el", "ad", "ar", "as", "an", "ash", "az", "at"};
            size_t p = i - 1;
            if (xs_is(s, p, "-") && p >= 1)
                p--;
            else if (!(s->tok[i].flags & QP_TOK_GLUED))
                p = (size_t)-1;
            if (p != (size_t)-1 && xs_is_any(s, p, articles, QP_ARRAY_LEN(articles)) && p > 0 &&
                (s->tok[p - 1].flags & QP_TOK_CAP))
                gaz_j = 0;
            if (best_e < 0 && gaz_j == 0) {
                i++;
                continue;
            }
        }
        if (gaz_j > best_j && gaz_j > i + 1 && xs_is_article(s, i) && article_before_actor(x, s, i, gaz_j)) {
            i++; /* "La Maison Blanche": the article, then the actor the lexicon names */
            continue;
        }
        if (gaz_j > best_j) {
            /* a place the gazetteer knows, longer than any lexicon phrase */
            mention *m = push_mention(a, s, &cap);
            if (!m)
                goto nomem;
            m->kind = MENTION_PLACE;
            m->t0 = i;
            m->t1 = gaz_j;
            m->place.text = xt_span_text(a, s, i, gaz_j);
            i = gaz_j;
            continue;
        }
        /* a lexicon phrase: collect its readings, actors and agents before places and actions */
        mention *m = push_mention(a, s, &cap);
        if (!m)
            goto nomem;
        m->t0 = i;
        m->t1 = best_j;
        int have = 0;
        for (int32_t k = best_e; k >= 0; k = x->lx.entries[k].next) {
            const qp_lex_entry *e = &x->lx.entries[k];
            if (!entry_fits(e, s, i, best_j, lang))
                continue;
            switch (e->kind) {
            case QP_LEX_ACTOR:
                if (have < 3 && !has_agent_reading(x, best_e, s, i, best_j, lang)) {
                    m->kind = MENTION_ACTOR;
                    xt_actor_from_lexicon(x, (int)e->ref, date, &m->actor);
                    m->person = x->lx.actors[e->ref].kind && !strcmp(x->lx.actors[e->ref].kind, "person");
                    have = 3;
                }
                break;
            case QP_LEX_AGENT:
                if (have < 2) {
                    m->kind = MENTION_AGENT;
                    m->agent = (int)e->ref;
                    have = 2;
                }
                break;
            case QP_LEX_COUNTRY:
            case QP_LEX_CAPITAL:
                if (have < 2) {
                    m->country = (int)e->ref;
                    if (after_place_prep(s, i)) {
                        m->kind = MENTION_PLACE;
                        if (e->kind == QP_LEX_COUNTRY)
                            xt_place_from_country(x, a, m->country, &m->place);
                    } else if (e->kind == QP_LEX_COUNTRY && after_place_comma(s, i)) {
                        /* "Near Raqqa, Syria, …": the country of the place before */
                        m->kind = MENTION_PLACE;
                        xt_place_from_country(x, a, m->country, &m->place);
                    } else {
                        m->kind = MENTION_ACTOR;
                        xt_actor_from_country(x, m->country, &m->actor);
                        m->is_place_too = e->kind == QP_LEX_COUNTRY;
                    }
                    have = 2;
                }
                break;
            case QP_LEX_DEMONYM:
                if (have < 1) {
                    m->kind = MENTION_DEMONYM;
                    m->country = (int)e->ref;
                    have = 1;
                }
                break;
            case QP_LEX_ACTION:
                if ((have == 0 || m->kind == MENTION_ACTION) && !accent_excludes(s, i, best_j, lang, e->tag)) {
                    m->kind = MENTION_ACTION;
                    add_reading(m, (int)e->ref, e->tag);
                    have = 0;
                }
                break;
            }
        }
        /* "Syrie: l'armée reprend Alep" — the topic of a headline; "WASHINGTON, Aug. 16 —",
         * "BEYROUTH (AFP) -" — a dateline: places, not actors */
        int dateline = i == 0 && (s->tok[i].flags & QP_TOK_UPPER) && best_j < s->n_tok &&
                       (!strcmp(s->tok[best_j].fold, ",") || !strcmp(s->tok[best_j].fold, "(") ||
                        !strcmp(s->tok[best_j].fold, "-") || !strcmp(s->tok[best_j].fold, "\xe2\x80\x94") ||
                        !strcmp(s->tok[best_j].fold, "\xe2\x80\x93"));
        if (m->kind == MENTION_ACTOR && best_j < s->n_tok && i == 0 && m->country >= 0 &&
            (!strcmp(s->tok[best_j].fold, ":") || dateline)) {
            /* "Syrie: l'armée reprend Alep" — the topic of a headline, a place; a capital in a
             * dateline is the city, which the gazetteer finds */
            m->kind = MENTION_PLACE;
            if (m->is_place_too || !x->gaz)
                xt_place_from_country(x, a, m->country, &m->place);
            else
                memset(&m->place, 0, sizeof m->place);
        }
        if (m->kind == MENTION_ACTOR)
            m->actor.text = xt_span_text(a, s, i, best_j);
        if (m->kind == MENTION_PLACE) {
            m->place.text = xt_span_text(a, s, i, best_j);
            if (!m->place.id && x->gaz) {
                /* a capital read as a place: the city, from the gazetteer */
                m->kind = MENTION_PLACE;
            }
        }
        i = best_j;
    }
    qp_buf_destroy(&phrase);
    return 0;
nomem:
    qp_buf_destroy(&phrase);
    return QP_ENOMEM;
}
