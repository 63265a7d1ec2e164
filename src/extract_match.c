/* extract_match.c — the first half of extraction: longest matches of the lexicons and the
 * gazetteer over a sentence's tokens, then composite actors (agent + nationality). */
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

/* "{Dem} Air Force" with "Iraqi": any {…} placeholder takes the demonym. */
static const char *fill_template(qp_arena *a, const char *tpl, const char *dem)
{
    const char *open = strchr(tpl, '{'), *close = open ? strchr(open, '}') : NULL;
    if (!open || !close)
        return tpl;
    return qp_arena_printf(a, "%.*s%s%s", (int)(open - tpl), tpl, dem, close + 1);
}

/* An agent with a nationality: ISO3-CODE, from actors.json when it knows it. */
static int composite_actor(const qp_extractor *x, qp_arena *a, int agent, int ci, qp_actor_ref *out)
{
    const qp_lex_agent *ag = &x->lx.agents[agent];
    const qp_lex_country *c = &x->lx.countries[ci];
    char *id = qp_arena_printf(a, "%s-%s", c->iso3, ag->code);
    if (!id)
        return QP_ENOMEM;
    int ai = qp_lexicon_actor(&x->lx, id);
    /* "les milices syriennes" are the group the lexicon names for that country's militias */
    for (size_t k = 0; ai < 0 && k < x->lx.n_actors; k++) {
        const qp_lex_actor *la = &x->lx.actors[k];
        if (la->agent && la->country && !strcmp(la->agent, ag->code) && !strcmp(la->country, c->iso3))
            ai = (int)k;
    }
    if (ai >= 0) {
        xt_actor_from_lexicon(x, ai, NULL, out);
        return 0;
    }
    out->id = id;
    const char *dem = c->dem_en ? c->dem_en : (c->label ? c->label : c->iso3);
    out->label = fill_template(a, ag->label ? ag->label : "{Dem} forces", dem);
    if (ag->label_fr)
        out->label_fr = fill_template(a, ag->label_fr, c->dem_fr ? c->dem_fr : (c->label_fr ? c->label_fr : c->iso3));
    out->kind = ag->kind;
    out->country = c->iso3;
    /* the nearest ancestor the lexicon knows (IRQ-AIRFORCE → IRQ-MIL if listed, else IRQ-GOV,
     * else IRQ), so that roll-ups never dead-end on a part nobody described; rebels and
     * opposition belong to no state */
    out->parent = NULL;
    const char *code = ag->parent;
    for (int depth = 0; code && depth < 8 && !out->parent; depth++) {
        if (!strcmp(code, "STATE")) {
            out->parent = c->iso3;
            break;
        }
        char *pid = qp_arena_printf(a, "%s-%s", c->iso3, code);
        if (pid && qp_lexicon_actor(&x->lx, pid) >= 0) {
            out->parent = pid;
            break;
        }
        const char *next = NULL;
        for (size_t k = 0; k < x->lx.n_agents; k++)
            if (!strcmp(x->lx.agents[k].code, code))
                next = x->lx.agents[k].parent;
        code = next;
    }
    return out->label ? 0 : QP_ENOMEM;
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
    memcpy(nm, s->m, at * sizeof *nm);
    memcpy(nm + at + 1, s->m + at, (s->n_m - at) * sizeof *nm);
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
        char c0 = s->tok[t].fold[0]; /* every determiner starts so: most words are passed at once */
        if ((c0 != 'c' && c0 != 'l' && c0 != 't' && c0 != 'b') || !xs_word_in(s->tok[t].fold, dets, QP_ARRAY_LEN(dets)))
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
    if (!strchr("pgbcrvso", fold[0]))
        return 0;
    static const char *const heads[] = {"province", "gouvernorat", "banlieue", "banlieues", "peripherie", "campagne",
                                        "region", "bande", "vallee", "plaine", "governorate", "suburbs", "outskirts",
                                        "countryside", "valley", "plain", "region"};
    for (size_t i = 0; i < QP_ARRAY_LEN(heads); i++)
        if (!strcmp(fold, heads[i]))
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

static int is_joiner(const qp_token *t)
{
    return !strcmp(t->fold, "et") || !strcmp(t->fold, "and") || !strcmp(t->fold, ",");
}

/* Agents take the nationality that qualifies them: "l'armée de l'air irakienne", "les forces
 * gouvernementales et paramilitaires irakiennes", "Iraqi troops", "le régime de Damas"; a
 * demonym left alone after an article is its people's state ("les Russes"); a bare agent
 * is the focus country's. */
/* The country of a mention, when it has one: a demonym, a country, a capital, an actor of a
 * country, a place of the gazetteer. -1 otherwise. */
int xt_mention_country(const qp_extractor *x, const mention *m)
{
    if (m->kind < 0)
        return -1;
    if (m->country >= 0)
        return m->country;
    if (m->kind == MENTION_ACTOR && m->actor.country)
        return qp_lexicon_country(&x->lx, m->actor.country);
    if (m->kind == MENTION_PLACE && m->place.country && m->place.country[0])
        return qp_lexicon_country_iso2(&x->lx, m->place.country);
    return -1;
}

/* A country named as a place ("en Syrie", "in Iraq"): it says where, not whose forces. A town
 * or a province is different: the forces around al-Qaïm are Iraq's. */
int is_country_place(const mention *m)
{
    return m->kind == MENTION_PLACE && (!m->place.feature || !strcmp(m->place.feature, "A.PCLI"));
}

/* An NGO, agency or international body: its home country is nobody's nationality. */
static int foreign_body(const mention *m)
{
    const char *kind = m->kind == MENTION_ACTOR ? m->actor.kind : NULL;
    return kind && (!strcmp(kind, "ngo") || !strcmp(kind, "media") || !strcmp(kind, "igo"));
}

/* Whether token t is a demonym of country ci. */
static int is_demonym_of(const qp_extractor *x, const sentence_view *s, size_t t, int ci)
{
    int prefix;
    const char *f = s->tok[t].fold;
    for (int32_t e = qp_lexicon_find(&x->lx, f, strlen(f), &prefix); e >= 0; e = x->lx.entries[e].next)
        if (x->lx.entries[e].kind == QP_LEX_DEMONYM && (int)x->lx.entries[e].ref == ci)
            return 1;
    return 0;
}

int xt_compose_actors(const qp_extractor *x, qp_arena *a, sentence_view *s, int lang, int recent,
                      const qp_actor_ref *carried, int focus)
{
    for (size_t i = 0; i < s->n_m; i++) {
        mention *m = &s->m[i];
        if (m->kind != MENTION_AGENT || m->used)
            continue;
        /* "Prime Minister Haider al-Abadi", "le président Bachar al-Assad": a title before a
         * person the lexicon knows is that person's, whatever country was named last */
        if (i + 1 < s->n_m && s->m[i + 1].kind == MENTION_ACTOR && s->m[i + 1].person && s->m[i + 1].t0 == m->t1) {
            m->kind = -1;
            s->m[i + 1].t0 = m->t0;
            s->m[i + 1].actor.text = xt_span_text(a, s, m->t0, s->m[i + 1].t1);
            continue;
        }
        /* a run of agents joined by et / and / , */
        size_t last = i;
        while (last + 1 < s->n_m && s->m[last + 1].kind == MENTION_AGENT &&
               s->m[last + 1].t0 == s->m[last].t1 + 1 && is_joiner(&s->tok[s->m[last].t1]))
            last++;
        int ci = -1;
        size_t t_end = s->m[last].t1;
        mention *dem = NULL;
        if (last + 1 < s->n_m && s->m[last + 1].kind == MENTION_DEMONYM && s->m[last + 1].t0 == t_end)
            dem = &s->m[last + 1];
        else if (last + 1 < s->n_m &&
                 (s->m[last + 1].t0 == t_end + 1 ||
                  (s->m[last + 1].t0 == t_end + 2 && s->m[last + 1].kind == MENTION_ACTOR &&
                   (!strcmp(s->tok[t_end + 1].fold, "la") || !strcmp(s->tok[t_end + 1].fold, "l") ||
                    !strcmp(s->tok[t_end + 1].fold, "the")))) &&
                 (s->m[last + 1].country >= 0 || (s->m[last + 1].kind == MENTION_ACTOR && s->m[last + 1].actor.id)) &&
                 (s->m[last + 1].kind == MENTION_ACTOR || s->m[last + 1].kind == MENTION_PLACE) &&
                 (!strcmp(s->tok[t_end].fold, "de") || !strcmp(s->tok[t_end].fold, "du") ||
                  !strcmp(s->tok[t_end].fold, "d") || !strcmp(s->tok[t_end].fold, "of")))
            dem = &s->m[last + 1];
        /* "les leaders de la rébellion", "the head of the Council": an organisation's own
         * people are the organisation */
        if (dem && dem->kind == MENTION_ACTOR && dem->actor.id && dem->actor.kind && strcmp(dem->actor.kind, "state") &&
            !is_demonym_of(x, s, dem->t0, dem->country) && qp_lexicon_country(&x->lx, dem->actor.id) < 0) {
            for (size_t k = i; k <= last; k++)
                s->m[k].kind = -1;
            dem->t0 = m->t0;
            dem->actor.text = xt_span_text(a, s, dem->t0, dem->t1);
            i = last;
            continue;
        }
        if (dem) {
            ci = dem->country >= 0 ? dem->country : xt_mention_country(x, dem);
            if (ci < 0)
                dem = NULL;
        }
        if (dem) {
            /* "l'armée de la Syrie": the nationality is the country's */
        } else if (i > 0 && s->m[i - 1].kind == MENTION_DEMONYM && s->m[i - 1].t1 == m->t0)
            ci = s->m[i - 1].country; /* English order: "Iraqi forces" */
        else if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].country >= 0 &&
                 s->m[i - 1].t1 + 1 == m->t0 && !strcmp(s->tok[s->m[i - 1].t1].fold, "s"))
            ci = s->m[i - 1].country; /* "Syria's army" */
        else if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].t1 == m->t0 && lang == 1) {
            /* "U.S. forces", "coalition military forces": a state's agents, or the actor itself */
            mention *owner = &s->m[i - 1];
            if (owner->country >= 0 && owner->actor.kind && !strcmp(owner->actor.kind, "state")) {
                ci = owner->country;
            } else {
                for (size_t k = i; k <= last; k++)
                    s->m[k].kind = -1;
                owner->t1 = s->m[last].t1;
                owner->actor.text = xt_span_text(a, s, owner->t0, owner->t1);
                i = last;
                continue;
            }
            owner->kind = -1;
            m->t0 = owner->t0;
        }
        /* "les forces gouvernementales et paramilitaires irakiennes": the demonym closing the
         * coordinated actor qualifies this agent too */
        if (ci < 0 && last + 1 < s->n_m && s->m[last + 1].kind == MENTION_ACTOR && s->m[last + 1].t0 == t_end + 1 &&
            is_joiner(&s->tok[t_end])) {
            int cj = xt_mention_country(x, &s->m[last + 1]);
            if (cj >= 0 && is_demonym_of(x, s, s->m[last + 1].t1 - 1, cj))
                ci = cj;
        }
        int from_context = 0;
        /* "l'opposition", "the rebels" on their own: the article's country, not the last one named */
        if (ci < 0 && !x->lx.agents[m->agent].parent) {
            ci = focus;
            from_context = 1;
        }
        if (ci < 0) {
            /* a bare agent ("le régime", "l'artillerie") belongs to the country last named */
            for (size_t k = i; k-- > 0 && ci < 0;) {
                /* "U.S.-backed forces" are not the U.S.'s own */
                int backer = k + 1 < s->n_m && s->m[k + 1].kind == MENTION_ACTION &&
                             (s->tok[s->m[k + 1].t0].flags & QP_TOK_GLUED);
                /* "in Syria" says where, not whose; an NGO's or an agency's home ("the Syrian
                 * Observatory", based in Britain) is nobody's nationality */
                if (!is_country_place(&s->m[k]) && !backer && !foreign_body(&s->m[k]))
                    ci = xt_mention_country(x, &s->m[k]);
            }
            /* "Paris a condamné les frappes du régime contre la Ghouta": the régime of the
             * country where its deeds are told, not of the state that speaks of them */
            int named = ci;
            if (ci >= 0 && x->lx.agents[m->agent].kind && !strcmp(x->lx.agents[m->agent].kind, "government"))
                for (size_t k = 0; k < s->n_m; k++) {
                    const mention *p = &s->m[k];
                    int pc = p->kind == MENTION_PLACE && !is_country_place(p) ? xt_mention_country(x, p) : -1;
                    if (pc >= 0 && pc != named) {
                        ci = pc;
                        break;
                    }
                }
            if (ci < 0)
                ci = recent;
            /* "U.S. and coalition forces continued to attack … Aircraft conducted 23 strikes": the
             * forces the article has been telling of, before the country a place names */
            if (ci < 0 && carried && carried->id) {
                ci = carried->country ? qp_lexicon_country(&x->lx, carried->country) : -1;
                if (ci < 0) {
                    for (size_t k = i; k <= last; k++) {
                        s->m[k].kind = MENTION_ACTOR;
                        const char *text = xt_span_text(a, s, s->m[k].t0, s->m[k].t1);
                        s->m[k].actor = *carried;
                        s->m[k].actor.text = text;
                    }
                    i = last;
                    continue;
                }
            }
            /* nothing named yet: "En Syrie, le régime …" — the country of the place will do */
            for (size_t k = i; k-- > 0 && ci < 0;)
                if (!foreign_body(&s->m[k]))
                    ci = xt_mention_country(x, &s->m[k]);
            if (ci < 0)
                ci = focus;
            from_context = 1;
        }
        for (size_t k = i; k <= last; k++) {
            mention *ag = &s->m[k];
            ag->kind = MENTION_ACTOR;
            if (ci < 0) {
                ag->kind = -1; /* nobody we can name */
                continue;
            }
            int r = composite_actor(x, a, ag->agent, ci, &ag->actor);
            if (r)
                return r;
            ag->guessed = from_context;
            size_t t1 = dem && !from_context ? dem->t1 : ag->t1;
            ag->actor.text = xt_span_text(a, s, ag->t0, k == last ? t1 : ag->t1);
            if (k == last && dem && !from_context)
                ag->t1 = dem->t1;
        }
        if (dem && !from_context) {
            dem->used = 1;
            dem->kind = -1;
        }
        if (i > 0 && s->m[i - 1].kind == MENTION_DEMONYM && s->m[i - 1].t1 == m->t0 && !dem && !from_context) {
            s->m[i - 1].kind = -1;
            s->m[i].t0 = s->m[i - 1].t0;
            s->m[i].actor.text = xt_span_text(a, s, s->m[i].t0, s->m[i].t1);
        }
        if (i > 0 && s->m[i - 1].kind == MENTION_ACTOR && s->m[i - 1].t1 + 1 == m->t0 && !dem && !from_context &&
            !strcmp(s->tok[s->m[i - 1].t1].fold, "s")) {
            s->m[i - 1].kind = -1;
            s->m[i].t0 = s->m[i - 1].t0; /* "in support of Iraq's government": one object */
            s->m[i].actor.text = xt_span_text(a, s, s->m[i].t0, s->m[i].t1);
        }
        i = last;
    }
    /* demonyms as nouns: "les Russes", "the Americans" */
    for (size_t i = 0; i < s->n_m; i++) {
        mention *m = &s->m[i];
        if (m->kind != MENTION_DEMONYM)
            continue;
        size_t t = m->t0;
        const char *prev = t > 0 ? s->tok[t - 1].fold : "";
        int plural = lang == 0 || s->tok[m->t1 - 1].fold[strlen(s->tok[m->t1 - 1].fold) - 1] == 's';
        int definite = !strcmp(prev, "les") || !strcmp(prev, "the");
        /* "des milliers de Syriens", "3.000 Syriens", "thousands of Syrians": people, not the state */
        int people = !strcmp(prev, "des") || !strcmp(prev, "de") || !strcmp(prev, "d") || !strcmp(prev, "of") ||
                     (t > 0 && (s->tok[t - 1].flags & QP_TOK_NUM));
        if (!(s->tok[t].flags & QP_TOK_CAP) || !plural || !(definite || people))
            continue;
        m->kind = MENTION_ACTOR;
        if (people) {
            const qp_lex_country *c = &x->lx.countries[m->country];
            m->actor = (qp_actor_ref){
                .id = qp_arena_printf(a, "%s-CIV", c->iso3),
                .label = qp_arena_printf(a, "%s civilians", c->dem_en ? c->dem_en : (c->label ? c->label : c->iso3)),
                .label_fr = qp_arena_printf(a, "civils (%s)", c->label_fr ? c->label_fr : c->iso3),
                .kind = "civilians", .country = c->iso3};
            if (!m->actor.id || !m->actor.label || !m->actor.label_fr)
                return QP_ENOMEM;
        } else {
            xt_actor_from_country(x, m->country, &m->actor);
        }
        m->actor.text = xt_span_text(a, s, m->t0, m->t1);
    }
    return 0;
}
