/* names_lookup.c — actions, modes, places and countries named by a user: folded and compared
 * with what the store and the lexicon know, near names offered when nothing matches. */
#include "names_lookup.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "codes.h"
#include "datadir.h"
#include "fold.h"
#include "qp.h"

/* The folded form of s into out (cap bytes); "" when it cannot be folded. */
static void fold_into(const char *s, char *out, size_t cap)
{
    qp_buf b;
    qp_buf_init(&b);
    out[0] = 0;
    if (s && !qp_fold(s, strlen(s), &b) && b.data)
        snprintf(out, cap, "%s", b.data);
    qp_buf_destroy(&b);
}

int qp_name_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63)
        return 9;
    int prev[64], cur[64];
    for (size_t j = 0; j <= m; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (m + 1) * sizeof *prev);
    }
    return prev[m] > 9 ? 9 : prev[m];
}

/* Does a word of f start with q? */
static int word_prefix(const char *f, const char *q)
{
    size_t n = strlen(q);
    if (!n)
        return 0;
    for (const char *p = f; p; p = strchr(p, ' '), p = p ? p + 1 : NULL)
        if (!strncmp(p, q, n))
            return 1;
    return 0;
}

/* Adds a near name once (by name), keeping the closest (lower score) when full. */
typedef struct near_list {
    qp_lookup *out;
    int score[QP_LOOKUP_MAX];
} near_list;

static void near_add(near_list *l, const char *name, const char *note, int score)
{
    qp_lookup *o = l->out;
    for (size_t i = 0; i < o->n; i++)
        if (!strcmp(o->names[i], name)) {
            if (score < l->score[i]) {
                l->score[i] = score;
                snprintf(o->notes[i], sizeof o->notes[i], "%s", note ? note : "");
            }
            return;
        }
    size_t at = o->n;
    if (o->n == QP_LOOKUP_MAX) { /* replace the farthest when this one is closer */
        at = 0;
        for (size_t i = 1; i < o->n; i++)
            if (l->score[i] > l->score[at])
                at = i;
        if (l->score[at] <= score)
            return;
    } else {
        o->n++;
    }
    snprintf(o->names[at], sizeof o->names[at], "%s", name);
    snprintf(o->notes[at], sizeof o->notes[at], "%s", note ? note : "");
    l->score[at] = score;
}

/* Closest first; stable otherwise. */
static void near_sort(near_list *l)
{
    qp_lookup *o = l->out;
    for (size_t i = 1; i < o->n; i++)
        for (size_t j = i; j > 0 && l->score[j - 1] > l->score[j]; j--) {
            char tn[128], tt[128];
            memcpy(tn, o->names[j], sizeof tn);
            memcpy(tt, o->notes[j], sizeof tt);
            memcpy(o->names[j], o->names[j - 1], sizeof tn);
            memcpy(o->notes[j], o->notes[j - 1], sizeof tt);
            memcpy(o->names[j - 1], tn, sizeof tn);
            memcpy(o->notes[j - 1], tt, sizeof tt);
            int s = l->score[j];
            l->score[j] = l->score[j - 1];
            l->score[j - 1] = s;
        }
}

/* How alike a typed name q and a known name f are (both folded): 0 best, >= 100 not alike. */
static int likeness(const char *q, const char *f)
{
    if (!strcmp(q, f))
        return 0;
    if (word_prefix(f, q))
        return 1;
    int d = qp_name_distance(q, f);
    size_t n = strlen(q);
    /* one slip in a short name, two in a longer one */
    return d <= (n <= 4 ? 1 : n <= 8 ? 2 : 3) ? 10 + d : 100;
}

/* ---- actions ---- */

/* Words an analyst may type for a PLOVER category, in English and French (folded). */
static const struct {
    const char *word, *code;
} action_words[] = {
    {"attack", "ASSAULT"}, {"attacks", "ASSAULT"}, {"strike", "ASSAULT"}, {"strikes", "ASSAULT"},
    {"airstrike", "ASSAULT"}, {"bomb", "ASSAULT"}, {"bombing", "ASSAULT"}, {"shelling", "ASSAULT"},
    {"raid", "ASSAULT"}, {"fight", "ASSAULT"}, {"fighting", "ASSAULT"}, {"kill", "ASSAULT"},
    {"massacre", "ASSAULT"}, {"violence", "ASSAULT"}, {"attaque", "ASSAULT"}, {"frappe", "ASSAULT"},
    {"bombardement", "ASSAULT"}, {"combat", "ASSAULT"}, {"combats", "ASSAULT"}, {"assaut", "ASSAULT"},
    {"help", "AID"}, {"assist", "AID"}, {"assistance", "AID"}, {"arm", "AID"}, {"arms", "AID"},
    {"supply", "AID"}, {"aide", "AID"}, {"livraison", "AID"},
    {"meet", "CONSULT"}, {"meeting", "CONSULT"}, {"talk", "CONSULT"}, {"talks", "CONSULT"},
    {"visit", "CONSULT"}, {"negotiate", "CONSULT"}, {"rencontre", "CONSULT"}, {"visite", "CONSULT"},
    {"entretien", "CONSULT"}, {"negociation", "CONSULT"},
    {"condemn", "ACCUSE"}, {"blame", "ACCUSE"}, {"criticize", "ACCUSE"}, {"criticise", "ACCUSE"},
    {"accusation", "ACCUSE"}, {"condamner", "ACCUSE"}, {"condamnation", "ACCUSE"}, {"accuser", "ACCUSE"},
    {"demonstrate", "PROTEST"}, {"demonstration", "PROTEST"}, {"riot", "PROTEST"},
    {"manifestation", "PROTEST"}, {"manifester", "PROTEST"},
    {"threat", "THREATEN"}, {"menace", "THREATEN"}, {"menacer", "THREATEN"},
    {"arrest", "COERCE"}, {"detain", "COERCE"}, {"torture", "COERCE"}, {"repress", "COERCE"},
    {"repression", "COERCE"}, {"arrestation", "COERCE"},
    {"sanctions", "SANCTION"}, {"embargo", "SANCTION"},
    {"deploy", "MOBILIZE"}, {"mobilise", "MOBILIZE"}, {"deployment", "MOBILIZE"}, {"deploiement", "MOBILIZE"},
    {"mobiliser", "MOBILIZE"},
    {"withdraw", "RETREAT"}, {"withdrawal", "RETREAT"}, {"ceasefire", "RETREAT"}, {"release", "RETREAT"},
    {"retrait", "RETREAT"}, {"treve", "RETREAT"},
    {"ask", "REQUEST"}, {"demand", "REQUEST"}, {"call", "REQUEST"}, {"appeal", "REQUEST"},
    {"appel", "REQUEST"}, {"demande", "REQUEST"},
    {"refuse", "REJECT"}, {"veto", "REJECT"}, {"refus", "REJECT"}, {"rejet", "REJECT"},
    {"agreement", "AGREE"}, {"deal", "AGREE"}, {"accord", "AGREE"},
    {"endorse", "SUPPORT"}, {"praise", "SUPPORT"}, {"back", "SUPPORT"}, {"soutien", "SUPPORT"},
    {"concession", "CONCEDE"}, {"yield", "CONCEDE"},
    {"ally", "COOPERATE"}, {"alliance", "COOPERATE"}, {"cooperation", "COOPERATE"},
    {"command", "LEAD"}, {"diriger", "LEAD"},
};

int qp_lookup_action(const char *name, qp_lookup *out)
{
    memset(out, 0, sizeof *out);
    char q[128];
    fold_into(name, q, sizeof q);
    for (int a = 0; a < QP_ACTION_COUNT; a++)
        if (name && !strcasecmp(name, qp_action_name((qp_action)a))) {
            snprintf(out->value, sizeof out->value, "%s", qp_action_name((qp_action)a));
            return 0;
        }
    near_list l = {.out = out};
    for (size_t i = 0; i < QP_ARRAY_LEN(action_words); i++) {
        int s = likeness(q, action_words[i].word);
        if (s < 100)
            near_add(&l, action_words[i].code, NULL, s);
    }
    for (int a = 0; a < QP_ACTION_COUNT; a++) {
        char f[32];
        fold_into(qp_action_name((qp_action)a), f, sizeof f);
        int s = likeness(q, f);
        if (s < 100)
            near_add(&l, qp_action_name((qp_action)a), NULL, s);
    }
    near_sort(&l);
    return QP_ENOTFOUND;
}

/* ---- modes ---- */

typedef struct mode_scan {
    const char *name, *action;
    char q[128];
    qp_lookup *out;
    near_list l;
    int found;
} mode_scan;

static int on_mode(const char *action, const char *mode, size_t events, void *ud)
{
    mode_scan *m = ud;
    if (m->action && strcasecmp(action, m->action))
        return 0;
    if (!strcasecmp(mode, m->name)) {
        snprintf(m->out->value, sizeof m->out->value, "%s", mode);
        m->found = 1;
        return 0;
    }
    char f[128], note[128];
    fold_into(mode, f, sizeof f);
    snprintf(note, sizeof note, "%s, %zu event%s", action, events, events == 1 ? "" : "s");
    int s = likeness(m->q, f);
    near_add(&m->l, mode, note, s < 100 ? s : 100 + (int)(events < 1000 ? 1000 - events : 0));
    return 0;
}

int qp_lookup_mode(qp_store *s, const char *name, const char *action, qp_lookup *out)
{
    memset(out, 0, sizeof *out);
    mode_scan m = {.name = name ? name : "", .action = action, .out = out};
    m.l.out = out;
    fold_into(name, m.q, sizeof m.q);
    int rc = qp_store_modes_each(s, on_mode, &m);
    if (rc)
        return rc;
    if (m.found) {
        out->n = 0;
        return 0;
    }
    near_sort(&m.l);
    return QP_ENOTFOUND;
}

/* ---- countries ---- */

int qp_lookup_country(const char *name, qp_lookup *out, char iso3[4])
{
    memset(out, 0, sizeof *out);
    if (iso3)
        iso3[0] = 0;
    char path[4096];
    if (qp_data_path("lexicon/countries.json", path, sizeof path))
        return QP_ENOTFOUND;
    json_t *root = json_load_file(path, 0, NULL);
    json_t *list = root ? json_object_get(root, "countries") : NULL;
    if (!json_is_array(list)) {
        json_decref(root);
        return QP_ENOTFOUND;
    }
    char q[128];
    fold_into(name, q, sizeof q);
    near_list l = {.out = out};
    size_t i;
    json_t *c;
    int found = 0;
    json_array_foreach(list, i, c) {
        const char *i2 = json_string_value(json_object_get(c, "iso2"));
        const char *i3 = json_string_value(json_object_get(c, "iso3"));
        const char *en = json_string_value(json_object_get(c, "label"));
        const char *fr = json_string_value(json_object_get(c, "label_fr"));
        if (!i2 || !i3)
            continue;
        const char *names[] = {i2, i3, en, fr};
        for (size_t k = 0; k < 4 && !found; k++) {
            if (!names[k])
                continue;
            char f[128];
            fold_into(names[k], f, sizeof f);
            int s = likeness(q, f);
            if (s == 0) {
                snprintf(out->value, sizeof out->value, "%s", i2);
                if (iso3)
                    snprintf(iso3, 4, "%s", i3);
                found = 1;
            } else if (s < 100 && k >= 2) {
                near_add(&l, i3, en, s);
            }
        }
        if (found)
            break;
    }
    json_decref(root);
    if (found) {
        out->n = 0;
        return 0;
    }
    near_sort(&l);
    return QP_ENOTFOUND;
}

/* The countries of lexicon/countries.json by alpha-2, loaded on first use and kept: a CSV of a
 * million events asks a million times. */
typedef struct country_row {
    char iso2[3], iso3[4];
    char *name;
} country_row;

static country_row *countries;
static size_t n_countries;
static int countries_loaded;

static void load_countries(void)
{
    countries_loaded = 1;
    char path[4096];
    if (qp_data_path("lexicon/countries.json", path, sizeof path))
        return;
    json_t *root = json_load_file(path, 0, NULL);
    json_t *list = root ? json_object_get(root, "countries") : NULL;
    size_t n = json_is_array(list) ? json_array_size(list) : 0;
    if (n && (countries = calloc(n, sizeof *countries))) {
        size_t i;
        json_t *c;
        json_array_foreach(list, i, c) {
            const char *i2 = json_string_value(json_object_get(c, "iso2"));
            const char *i3 = json_string_value(json_object_get(c, "iso3"));
            const char *en = json_string_value(json_object_get(c, "label"));
            if (!i2 || !i3 || strlen(i2) != 2 || strlen(i3) != 3)
                continue;
            country_row *r = &countries[n_countries];
            memcpy(r->iso2, i2, 3);
            memcpy(r->iso3, i3, 4);
            r->name = en ? strdup(en) : NULL;
            n_countries++;
        }
    }
    json_decref(root);
}

static const country_row *country_of(const char *iso2)
{
    if (!iso2 || strlen(iso2) != 2)
        return NULL;
    if (!countries_loaded)
        load_countries();
    for (size_t i = 0; i < n_countries; i++)
        if (!strcasecmp(countries[i].iso2, iso2))
            return &countries[i];
    return NULL;
}

const char *qp_country_iso3(const char *iso2)
{
    const country_row *r = country_of(iso2);
    return r ? r->iso3 : NULL;
}

const char *qp_country_name(const char *iso2)
{
    const country_row *r = country_of(iso2);
    return r ? r->name : NULL;
}

/* ---- places ---- */

typedef struct place_scan {
    const char *name, *country;
    char q[128];
    qp_lookup *out;
    near_list l;
    /* the distinct places that match exactly, by id (or label when there is no id) */
    char match[QP_LOOKUP_MAX][128], note[QP_LOOKUP_MAX][128];
    size_t n_match, events[QP_LOOKUP_MAX];
    int more;   /* more matches than fit */
} place_scan;

static int on_place(const char *id, const char *label, const char *country, const char *text, size_t events,
                    void *ud)
{
    place_scan *p = ud;
    if (p->country && (!country || strcasecmp(country, p->country)))
        return 0;
    const char *key = id ? id : text;
    if (!key)
        return 0;
    const char *shown = label ? label : text;
    char note[128];
    snprintf(note, sizeof note, "%s%s%s", shown ? shown : key, country ? ", " : "", country ? country : "");
    int exact = id && !strcmp(id, p->name);
    int best = exact ? 0 : 100;
    const char *names[] = {label, text};
    for (size_t k = 0; k < 2 && !exact; k++) {
        if (!names[k])
            continue;
        char f[128];
        fold_into(names[k], f, sizeof f);
        int s = likeness(p->q, f);
        best = s < best ? s : best;
    }
    if (best == 0) {
        for (size_t i = 0; i < p->n_match; i++)
            if (!strcmp(p->match[i], key)) {
                p->events[i] += events;
                return 0;
            }
        if (p->n_match == QP_LOOKUP_MAX) {
            p->more = 1;
            return 0;
        }
        snprintf(p->match[p->n_match], sizeof p->match[0], "%s", key);
        snprintf(p->note[p->n_match], sizeof p->note[0], "%s", note);
        p->events[p->n_match++] = events;
    } else if (best < 100) {
        near_add(&p->l, shown ? shown : key, note, best);
    }
    return 0;
}

int qp_lookup_place(qp_store *s, const char *name, const char *country, qp_lookup *out)
{
    memset(out, 0, sizeof *out);
    place_scan *p = calloc(1, sizeof *p);
    if (!p)
        return QP_ENOMEM;
    p->name = name ? name : "";
    p->country = country;
    p->out = out;
    p->l.out = out;
    fold_into(name, p->q, sizeof p->q);
    int rc = qp_store_places_each(s, on_place, p);
    if (rc)
        goto done;
    int one_country = p->n_match > 1 && !p->more;
    for (size_t i = 1; one_country && i < p->n_match; i++) {
        const char *a = strrchr(p->note[0], ','), *b = strrchr(p->note[i], ',');
        one_country = a && b && !strcmp(a, b) && !strncmp(p->match[i], "geonames:", 9);
    }
    if (p->n_match == 1) {
        out->n = 0;
        snprintf(out->value, sizeof out->value, "%s", p->match[0]);
    } else if (one_country && !strncmp(p->match[0], "geonames:", 9)) {
        /* one name, several gazetteer places of one country (a city and its province): all of
         * them, as a JSON array of ids the store's filter takes */
        qp_buf b;
        qp_buf_init(&b);
        int r = qp_buf_putc(&b, '[');
        for (size_t i = 0; i < p->n_match; i++)
            r |= qp_buf_printf(&b, "%s\"%s\"", i ? "," : "", p->match[i]);
        r |= qp_buf_putc(&b, ']');
        if (r || b.len >= sizeof out->value) {
            qp_buf_destroy(&b);
            rc = r ? QP_ENOMEM : QP_EAMBIGUOUS;
            goto done;
        }
        snprintf(out->value, sizeof out->value, "%s", b.data);
        qp_buf_destroy(&b);
    } else if (p->n_match > 1) {
        out->n = p->n_match;
        for (size_t i = 0; i < p->n_match; i++) {
            snprintf(out->names[i], sizeof out->names[i], "%s", p->match[i]);
            snprintf(out->notes[i], sizeof out->notes[i], "%.100s, %zu event%s", p->note[i], p->events[i],
                     p->events[i] == 1 ? "" : "s");
        }
        rc = QP_EAMBIGUOUS;
    } else {
        near_sort(&p->l);
        rc = QP_ENOTFOUND;
    }
done:
    free(p);
    return rc;
}
