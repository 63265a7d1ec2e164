/* lexicon.c — loading the JSON files of lexicon/ with jansson into one hashed phrase table. */
#include "lexicon.h"
#include "buf.h"
#include "datadir.h"
#include "fold.h"
#include "inflect.h"
#include "overlay.h"
#include "qp.h"
#include "token.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct qp_lex_slot {
    char *phrase;     /* NULL when empty */
    uint32_t hash;
    int32_t first;    /* first entry, -1 when only a prefix */
    uint8_t prefix;
};

static const char *const lang_dirs[2] = {"fr", "en"};

/* The folders of --lexicon, in order; and the list qp_lexicon_overlay_dirs hands out. */
static char **cli_overlays;
static size_t n_cli_overlays;
static char **dir_list;
static char *env_copy;

int qp_lexicon_add_overlay(const char *dir)
{
    if (!dir || !*dir)
        return QP_EINVAL;
    if (strlen(dir) > 2048)
        return QP_ETOOBIG;
    char **n = realloc(cli_overlays, (n_cli_overlays + 1) * sizeof *n);
    if (!n)
        return QP_ENOMEM;
    cli_overlays = n;
    if (!(cli_overlays[n_cli_overlays] = strdup(dir)))
        return QP_ENOMEM;
    n_cli_overlays++;
    return 0;
}

void qp_lexicon_clear_overlays(void)
{
    for (size_t i = 0; i < n_cli_overlays; i++)
        free(cli_overlays[i]);
    free(cli_overlays), free(dir_list), free(env_copy);
    cli_overlays = dir_list = NULL;
    env_copy = NULL;
    n_cli_overlays = 0;
}

const char *const *qp_lexicon_overlay_dirs(void)
{
    static const char *const none[] = {NULL};
    free(dir_list), free(env_copy);
    dir_list = NULL;
    env_copy = NULL;
    size_t n = 0;
    if (n_cli_overlays) {
        if (!(dir_list = calloc(n_cli_overlays + 1, sizeof *dir_list)))
            return none;
        for (; n < n_cli_overlays; n++)
            dir_list[n] = cli_overlays[n];
        return (const char *const *)dir_list;
    }
    const char *env = getenv("QUIPU_LEXICON");
    if (!env || !*env || !(env_copy = strdup(env)))
        return none;
    size_t parts = 1;
    for (const char *c = env; *c; c++)
        parts += *c == ':';
    if (!(dir_list = calloc(parts + 1, sizeof *dir_list)))
        return none;
    char *save = NULL;
    for (char *tok = strtok_r(env_copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
        dir_list[n++] = tok;
    return (const char *const *)dir_list;
}

/* A copy of s (NULL stays NULL); a failed copy is remembered in lx->oom, so that loading
 * returns QP_ENOMEM rather than a lexicon with holes. */
static char *lx_strdup(qp_lexicon *lx, const char *s)
{
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        lx->oom = 1;
    return c;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The slot of phrase, or the empty slot where it would go. */
static struct qp_lex_slot *slot_for(const qp_lexicon *lx, const char *p, size_t len, uint32_t h)
{
    size_t mask = lx->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct qp_lex_slot *s = &lx->slots[i];
        if (!s->phrase || (s->hash == h && strlen(s->phrase) == len && !memcmp(s->phrase, p, len)))
            return s;
    }
}

static int grow(qp_lexicon *lx)
{
    size_t n = lx->n_slots ? lx->n_slots * 2 : 1 << 14;
    struct qp_lex_slot *old = lx->slots;
    size_t old_n = lx->n_slots;
    lx->slots = calloc(n, sizeof *lx->slots);
    if (!lx->slots) {
        lx->slots = old;
        return QP_ENOMEM;
    }
    lx->n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].phrase)
            *slot_for(lx, old[i].phrase, strlen(old[i].phrase), old[i].hash) = old[i];
    free(old);
    return 0;
}

static struct qp_lex_slot *intern(qp_lexicon *lx, const char *p, size_t len)
{
    if ((lx->n_used + 1) * 2 > lx->n_slots && grow(lx))
        return NULL;
    uint32_t h = qp_token_hash(p, len);
    struct qp_lex_slot *s = slot_for(lx, p, len, h);
    if (!s->phrase) {
        s->phrase = strndup(p, len);
        if (!s->phrase)
            return NULL;
        s->hash = h;
        s->first = -1;
        lx->n_used++;
    }
    return s;
}

static int keep_alias(qp_lexicon *lx, const char *text, const char *actor_id, int lang)
{
    if (lx->n_aliases == lx->cap_aliases) {
        size_t cap = lx->cap_aliases ? lx->cap_aliases * 2 : 1024;
        qp_lex_alias *n = realloc(lx->aliases, cap * sizeof *n);
        if (!n)
            return QP_ENOMEM;
        lx->aliases = n;
        lx->cap_aliases = cap;
    }
    char *t = strdup(text);
    if (!t)
        return QP_ENOMEM;
    lx->aliases[lx->n_aliases++] = (qp_lex_alias){t, actor_id, (uint8_t)lang};
    return 0;
}

static int is_article(const char *w, size_t n)
{
    static const char *const arts[] = {"le", "la", "les", "l", "the", "un", "une", "des"};
    for (size_t i = 0; i < QP_ARRAY_LEN(arts); i++)
        if (strlen(arts[i]) == n && !memcmp(arts[i], w, n))
            return 1;
    return 0;
}

static int add_phrase(qp_lexicon *lx, const char *raw, qp_lex_kind kind, int lang, uint32_t ref, int tag);

/* An action's phrase, and in French the contractions of its last preposition: "s'emparer de"
 * is also "s'emparer du", "des", "d'"; "faire face à", "au", "aux". */
/* A JSON array of words, folded, as a NULL-terminated array of n owned strings (an entry that
 * is no string, or folds to nothing, stays NULL); NULL only when out of memory. */
static char **folded_list(const json_t *arr, size_t *n)
{
    *n = json_array_size(arr);
    char **out = calloc(*n + 1, sizeof *out);
    for (size_t k = 0; out && k < *n; k++) {
        qp_buf f;
        qp_buf_init(&f);
        json_t *pv = json_array_get(arr, k);
        if (json_is_string(pv) && qp_fold(json_string_value(pv), json_string_length(pv), &f) == 0)
            out[k] = qp_buf_detach(&f);
        qp_buf_destroy(&f);
    }
    return out;
}

static int add_action_phrase(qp_lexicon *lx, const char *raw, int lang, uint32_t ref, int tag)
{
    static const char *const de[] = {"du", "des", "d"}, *const a[] = {"au", "aux"};
    int r = add_phrase(lx, raw, QP_LEX_ACTION, lang, ref, tag);
    size_t n = strlen(raw);
    const char *const *alt = NULL;
    size_t n_alt = 0, cut = 0;
    if (lang == 0 && n > 3 && !strcmp(raw + n - 3, " de"))
        alt = de, n_alt = QP_ARRAY_LEN(de), cut = 2;
    else if (lang == 0 && n > 3 && !strcmp(raw + n - 3, " \xc3\xa0"))
        alt = a, n_alt = QP_ARRAY_LEN(a), cut = 2;
    else if (lang == 0 && n > 2 && !strcmp(raw + n - 2, " a"))
        alt = a, n_alt = QP_ARRAY_LEN(a), cut = 1;
    for (size_t i = 0; i < n_alt && !r; i++) {
        char buf[256];
        size_t m = strlen(alt[i]);
        if (n - cut + m + 1 > sizeof buf)
            break;
        memcpy(buf, raw, n - cut);
        memcpy(buf + n - cut, alt[i], m + 1);
        r = add_phrase(lx, buf, QP_LEX_ACTION, lang, ref, tag);
    }
    return r;
}

/* Adds a phrase (raw text) with one entry; leading articles are dropped, since the matcher
 * starts after them; every shorter prefix is flagged. */
/* qp_fold of s (len bytes) into the empty buffer f, with a path of its own for plain ASCII,
 * which most aliases and every English lemma are: letters and digits kept (lower case), every
 * run of anything else one space, none at either end — what qp_fold gives them, without
 * utf8proc's per-character decomposition, which was the lexicon's load time. */
static int fold_text(const char *s, size_t len, qp_buf *f)
{
    if (f->len)
        return qp_fold(s, len, f);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return qp_fold(s, len, f);
    if (qp_buf_reserve(f, len + 1))
        return QP_ENOMEM;
    char *o = f->data;
    size_t n = 0;
    int pending = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pending && n)
                o[n++] = ' ';
            pending = 0;
            o[n++] = c;
        } else {
            pending = 1;
        }
    }
    o[n] = '\0';
    f->len = n;
    return 0;
}

/* The phrase raw is keyed by: folded into f, leading articles skipped (*p, *len point into
 * f). 0 when there is one; 1 when nothing is left; QP_ENOMEM. */
static int phrase_key(const char *raw, qp_buf *f, const char **p, size_t *len)
{
    int r = fold_text(raw, strlen(raw), f);
    if (r || !f->len)
        return r == QP_ENOMEM ? r : 1;
    *p = f->data;
    *len = f->len;
    for (;;) {
        const char *sp = memchr(*p, ' ', *len);
        if (!sp || !is_article(*p, (size_t)(sp - *p)))
            break;
        *len -= (size_t)(sp - *p) + 1;
        *p = sp + 1;
    }
    return 0;
}

/* An entry for the folded phrase p (len bytes); its prefixes flagged. */
static int add_entry(qp_lexicon *lx, const char *p, size_t len, qp_lex_kind kind, int lang, uint32_t ref, int tag,
                     int acronym)
{
    int words = 1;
    for (size_t i = 0; i < len; i++)
        if (p[i] == ' ') {
            struct qp_lex_slot *ps = intern(lx, p, i);
            if (!ps)
                return QP_ENOMEM;
            ps->prefix = 1;
            words++;
        }
    if (words > lx->max_words)
        lx->max_words = words;
    struct qp_lex_slot *s = intern(lx, p, len);
    if (!s)
        return QP_ENOMEM;
    /* the same entry twice (an alias listed in two spellings that fold alike) is kept once */
    for (int32_t e = s->first; e >= 0; e = lx->entries[e].next)
        if (lx->entries[e].kind == kind && lx->entries[e].ref == ref && lx->entries[e].tag == tag) {
            if (lx->entries[e].lang != lang)
                lx->entries[e].lang = 2;
            lx->entries[e].acronym &= (uint8_t)acronym;
            return 0;
        }
    if (lx->n_entries == lx->cap_entries) {
        size_t cap = lx->cap_entries ? lx->cap_entries * 2 : 4096;
        qp_lex_entry *n = realloc(lx->entries, cap * sizeof *n);
        if (!n)
            return QP_ENOMEM;
        lx->entries = n;
        lx->cap_entries = cap;
    }
    qp_lex_entry *e = &lx->entries[lx->n_entries];
    *e = (qp_lex_entry){.kind = (uint8_t)kind, .lang = (uint8_t)lang, .acronym = (uint8_t)acronym,
                        .tag = (int8_t)tag, .ref = ref, .next = s->first};
    s->first = (int32_t)lx->n_entries++;
    return 0;
}

static int add_phrase(qp_lexicon *lx, const char *raw, qp_lex_kind kind, int lang, uint32_t ref, int tag)
{
    qp_buf f;
    qp_buf_init(&f);
    const char *p = NULL;
    size_t len = 0;
    int r = phrase_key(raw, &f, &p, &len);
    if (r) {
        qp_buf_destroy(&f);
        return r == QP_ENOMEM ? r : 0;
    }
    /* an acronym: written in capitals, a few letters, no lower case */
    int letters = 0, lower = 0;
    for (const char *c = raw; *c; c++) {
        if (*c >= 'A' && *c <= 'Z')
            letters++;
        else if (*c >= 'a' && *c <= 'z')
            lower++;
    }
    int acronym = letters >= 1 && letters <= 5 && lower == 0 && strlen(raw) <= 8;
    r = add_entry(lx, p, len, kind, lang, ref, tag, acronym);
    qp_buf_destroy(&f);
    return r;
}

/* A form of forms.tsv, folded already (the build folded it), and in French the contractions
 * of its last preposition, as add_action_phrase makes them: no folding again, the form file
 * being most of the phrases. */
static int add_folded_action(qp_lexicon *lx, const char *form, int lang, uint32_t ref, int tag)
{
    static const char *const de[] = {"du", "des", "d"}, *const a[] = {"au", "aux"};
    size_t n = strlen(form);
    int r = add_entry(lx, form, n, QP_LEX_ACTION, lang, ref, tag, 0);
    const char *const *alt = NULL;
    size_t n_alt = 0, cut = 0;
    if (lang == 0 && n > 3 && !strcmp(form + n - 3, " de"))
        alt = de, n_alt = QP_ARRAY_LEN(de), cut = 2;
    else if (lang == 0 && n > 2 && !strcmp(form + n - 2, " a"))
        alt = a, n_alt = QP_ARRAY_LEN(a), cut = 1;
    for (size_t i = 0; i < n_alt && !r; i++) {
        char buf[256];
        size_t m = strlen(alt[i]);
        if (n - cut + m + 1 > sizeof buf)
            break;
        memcpy(buf, form, n - cut);
        memcpy(buf + n - cut, alt[i], m + 1);
        r = add_entry(lx, buf, n - cut + m, QP_LEX_ACTION, lang, ref, tag, 0);
    }
    return r;
}

int32_t qp_lexicon_find(const qp_lexicon *lx, const char *phrase, size_t len, int *is_prefix)
{
    *is_prefix = 0;
    if (!lx->n_slots)
        return -1;
    struct qp_lex_slot *s = slot_for(lx, phrase, len, qp_token_hash(phrase, len));
    if (!s->phrase)
        return -1;
    *is_prefix = s->prefix;
    return s->first;
}

/* The keys of an index: the i-th string of one of the lexicon's arrays (NULL: not indexed). */
typedef const char *(*index_key)(const qp_lexicon *lx, size_t i);

static const char *actor_id(const qp_lexicon *lx, size_t i)
{
    return lx->actors[i].id;
}

static const char *country_iso3(const qp_lexicon *lx, size_t i)
{
    return lx->countries[i].iso3;
}

static const char *country_iso2(const qp_lexicon *lx, size_t i)
{
    return lx->countries[i].iso2;
}

/* Indexes n strings; the first of equal keys wins, as a linear search would. 0 or QP_ENOMEM. */
static int index_build(qp_lex_index *ix, const qp_lexicon *lx, size_t n, index_key key)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    free(ix->slots);
    ix->slots = malloc(cap * sizeof *ix->slots);
    if (!ix->slots)
        return QP_ENOMEM;
    ix->mask = cap - 1;
    for (size_t i = 0; i < cap; i++)
        ix->slots[i] = -1;
    for (size_t i = 0; i < n; i++) {
        const char *k = key(lx, i);
        if (!k)
            continue;
        size_t h = qp_token_hash(k, strlen(k)) & ix->mask;
        while (ix->slots[h] >= 0 && strcmp(key(lx, (size_t)ix->slots[h]), k))
            h = (h + 1) & ix->mask;
        if (ix->slots[h] < 0)
            ix->slots[h] = (int32_t)i;
    }
    return 0;
}

static int index_find(const qp_lex_index *ix, const qp_lexicon *lx, index_key key, const char *k)
{
    if (!ix->slots || !k)
        return -1;
    for (size_t h = qp_token_hash(k, strlen(k)) & ix->mask; ix->slots[h] >= 0; h = (h + 1) & ix->mask)
        if (!strcmp(key(lx, (size_t)ix->slots[h]), k))
            return ix->slots[h];
    return -1;
}

int qp_lexicon_actor(const qp_lexicon *lx, const char *id)
{
    return index_find(&lx->by_actor_id, lx, actor_id, id);
}

int qp_lexicon_country(const qp_lexicon *lx, const char *iso3)
{
    return index_find(&lx->by_iso3, lx, country_iso3, iso3);
}

int qp_lexicon_country_iso2(const qp_lexicon *lx, const char *iso2)
{
    return index_find(&lx->by_iso2, lx, country_iso2, iso2);
}

/* Loads a JSON file found in the data dirs; *out NULL (and 0) when optional and absent. */
static int load_json(const char *rel, int required, json_t **out, char *err, size_t errlen)
{
    char path[4096];
    *out = NULL;
    if (qp_data_path(rel, path, sizeof path)) {
        if (required) {
            snprintf(err, errlen, "%s: not found", path);
            return QP_ENOTFOUND;
        }
        return 0;
    }
    /* read whole, then parsed from memory: json_load_file reads a character at a time */
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot be read", path);
        return QP_ELEXICON;
    }
    qp_buf b;
    qp_buf_init(&b);
    char chunk[65536];
    size_t n;
    int r = 0;
    while (!r && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        r = qp_buf_append(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (r || bad) {
        qp_buf_destroy(&b);
        snprintf(err, errlen, "%s: %s", path, r ? qp_strerror(r) : "cannot be read");
        return r ? r : QP_ELEXICON;
    }
    json_error_t je;
    *out = json_loadb(b.data ? b.data : "", b.len, 0, &je);
    qp_buf_destroy(&b);
    if (!*out) {
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
        return QP_ELEXICON;
    }
    return 0;
}

/* A lexicon file with the overlays merged over it (overlay.h). */
static int load_file(qp_lexicon *lx, const char *rel, qp_overlay_kind kind, json_t **out, char *err, size_t errlen)
{
    int r = load_json(rel, 0, out, err, errlen);
    if (!r && lx->n_overlays)
        r = qp_overlay_merge(out, rel, kind, lx->overlays, lx->n_overlays, err, errlen);
    if (r) {
        json_decref(*out);
        *out = NULL;
    }
    return r;
}

/* The overlay folder an entry came from (its "_origin"), or NULL for the built-in lexicon. */
static const char *origin_of(const qp_lexicon *lx, json_t *e)
{
    json_int_t o = json_integer_value(json_object_get(e, "_origin"));
    return o >= 1 && (size_t)o <= lx->n_overlays ? lx->overlays[o - 1] : NULL;
}

/* Whether an overlay gave the phrase raw to an id other than owner: the overlay's claim wins,
 * and the built-in alias is left out. */
static int claimed_by_other(const qp_lexicon *lx, const char *raw, const char *owner)
{
    if (!lx->claims)
        return 0;
    qp_buf f;
    qp_buf_init(&f);
    const char *p = NULL;
    size_t len = 0;
    int other = 0;
    if (!phrase_key(raw, &f, &p, &len)) {
        char *k = strndup(p, len);
        const char *by = k ? json_string_value(json_object_get(lx->claims, k)) : NULL;
        other = by && strcmp(by, owner) != 0;
        free(k);
    }
    qp_buf_destroy(&f);
    return other;
}

static int claim(json_t *claims, const char *raw, const char *owner)
{
    qp_buf f;
    qp_buf_init(&f);
    const char *p = NULL;
    size_t len = 0;
    int r = phrase_key(raw, &f, &p, &len);
    if (!r) {
        char *k = strndup(p, len);
        r = !k || json_object_set_new(claims, k, json_string(owner)) ? QP_ENOMEM : 0;
        free(k);
    }
    qp_buf_destroy(&f);
    return r == 1 ? 0 : r;
}

/* The phrases the overlays give actors (fr/, en/ actors.json) and states (names and capitals of
 * fr/, en/ countries.json), before any table is built. A file that is no JSON is left for
 * load_file to report. */
static int collect_claims(qp_lexicon *lx)
{
    static const char *const files[] = {"actors.json", "countries.json"};
    int r = 0;
    for (size_t d = 0; d < lx->n_overlays && !r; d++)
        for (int l = 0; l < 2 && !r; l++)
            for (size_t fi = 0; fi < QP_ARRAY_LEN(files) && !r; fi++) {
                char rel[64], path[4096];
                snprintf(rel, sizeof rel, "lexicon/%s/%s", lang_dirs[l], files[fi]);
                if (qp_overlay_path(lx->overlays[d], rel, path, sizeof path))
                    continue;
                json_t *root = json_load_file(path, 0, NULL);
                if (!root)
                    continue;
                if (!lx->claims && !(lx->claims = json_object())) {
                    json_decref(root);
                    return QP_ENOMEM;
                }
                const char *id;
                json_t *v;
                json_object_foreach(root, id, v) {
                    size_t k;
                    json_t *s;
                    if (fi == 0) {
                        json_array_foreach(v, k, s)
                            if (!r && json_is_string(s))
                                r = claim(lx->claims, json_string_value(s), id);
                        continue;
                    }
                    static const char *const parts[] = {"names", "capitals"};
                    for (size_t p = 0; p < QP_ARRAY_LEN(parts); p++)
                        json_array_foreach(json_object_get(v, parts[p]), k, s)
                            if (!r && json_is_string(s))
                                r = claim(lx->claims, json_string_value(s), id);
                }
                json_decref(root);
            }
    return r;
}

/* Each string of the JSON array aliases as a phrase of kind for ref, kept for the store. */
static int add_aliases(qp_lexicon *lx, json_t *aliases, qp_lex_kind kind, int lang, uint32_t ref, const char *id)
{
    size_t k;
    json_t *v;
    int r = 0;
    json_array_foreach(aliases, k, v) {
        if (!json_is_string(v) || claimed_by_other(lx, json_string_value(v), id))
            continue;
        if ((r = add_phrase(lx, json_string_value(v), kind, lang, ref, -1)) ||
            (r = keep_alias(lx, json_string_value(v), id, lang)))
            break;
    }
    return r;
}

static const char *actor_agent_key(const qp_lexicon *lx, size_t i)
{
    return lx->actors[i].agent_key;
}

/* "terms": [["2009-03-31", "2021-06-13"], ["2022-12-29", null]] */
static void read_terms(qp_lexicon *lx, qp_lex_actor *x, json_t *terms)
{
    size_t n = json_array_size(terms);
    if (!n)
        return;
    if (!(x->terms = calloc(n, sizeof *x->terms))) {
        lx->oom = 1;
        return;
    }
    size_t k;
    json_t *t;
    json_array_foreach(terms, k, t) {
        const char *from = json_string_value(json_array_get(t, 0));
        if (!from)
            continue;
        x->terms[x->n_terms].from = lx_strdup(lx, from);
        x->terms[x->n_terms++].to = lx_strdup(lx, json_string_value(json_array_get(t, 1)));
    }
}

/* "posts": [{"office": "President of Syria", "parent": "SYR", "from": "2025-01-29", "to": null}] */
static void read_posts(qp_lexicon *lx, qp_lex_actor *x, json_t *posts)
{
    size_t n = json_array_size(posts);
    if (!n)
        return;
    if (!(x->posts = calloc(n, sizeof *x->posts))) {
        lx->oom = 1;
        return;
    }
    size_t k;
    json_t *p;
    json_array_foreach(posts, k, p) {
        if (!jstr(p, "from") || !jstr(p, "parent"))
            continue;
        qp_lex_post *o = &x->posts[x->n_posts++];
        o->office = lx_strdup(lx, jstr(p, "office"));
        o->parent = lx_strdup(lx, jstr(p, "parent"));
        o->from = lx_strdup(lx, jstr(p, "from"));
        o->to = lx_strdup(lx, jstr(p, "to"));
    }
}

/* The array `key` of the lexicon file rel, overlays merged, into *root and *arr (n items),
 * and a zeroed table of n items of `size` bytes into *items. 0 with *root NULL when the file
 * is absent; an error code (the file named in err) otherwise. The caller decrefs *root. */
static int load_table(qp_lexicon *lx, const char *rel, qp_overlay_kind kind, const char *key, size_t size,
                      void **items, json_t **root, json_t **arr, size_t *n, char *err, size_t errlen)
{
    int r = load_file(lx, rel, kind, root, err, errlen);
    if (r || !*root)
        return r;
    *arr = json_object_get(*root, key);
    *n = json_array_size(*arr);
    if (!(*items = calloc(*n ? *n : 1, size))) {
        json_decref(*root);
        *root = NULL;
        return QP_ENOMEM;
    }
    return 0;
}

static int load_actors(qp_lexicon *lx, char *err, size_t errlen)
{
    json_t *root, *arr = NULL;
    size_t n = 0;
    int r = load_table(lx, "lexicon/actors.json", QP_OV_ACTORS, "actors", sizeof *lx->actors, (void **)&lx->actors,
                       &root, &arr, &n, err, errlen);
    if (r || !root)
        return r;
    for (size_t i = 0; i < n; i++) {
        json_t *a = json_array_get(arr, i);
        if (!jstr(a, "id"))
            continue;
        qp_lex_actor *x = &lx->actors[lx->n_actors++];
        x->id = lx_strdup(lx, jstr(a, "id"));
        x->label = lx_strdup(lx, jstr(a, "label") ? jstr(a, "label") : jstr(a, "id"));
        x->label_fr = lx_strdup(lx, jstr(a, "label_fr"));
        x->kind = lx_strdup(lx, jstr(a, "kind") ? jstr(a, "kind") : "unknown");
        x->country = lx_strdup(lx, jstr(a, "country"));
        x->parent = lx_strdup(lx, jstr(a, "parent"));
        x->agent = lx_strdup(lx, jstr(a, "agent"));
        x->from = lx_strdup(lx, jstr(a, "from"));
        x->to = lx_strdup(lx, jstr(a, "to"));
        x->office = lx_strdup(lx, jstr(a, "office"));
        x->approx = json_is_true(json_object_get(a, "approx"));
        x->origin = origin_of(lx, a);
        read_terms(lx, x, json_object_get(a, "terms"));
        read_posts(lx, x, json_object_get(a, "posts"));
        if (x->agent && x->country) {
            size_t m = strlen(x->country) + strlen(x->agent) + 2;
            if ((x->agent_key = malloc(m)))
                snprintf(x->agent_key, m, "%s-%s", x->country, x->agent);
            else
                lx->oom = 1;
        }
    }
    json_decref(root);
    if ((r = index_build(&lx->by_actor_id, lx, lx->n_actors, actor_id)) ||
        (r = index_build(&lx->by_agent_key, lx, lx->n_actors, actor_agent_key)))
        return r;
    for (int l = 0; l < 2; l++) {
        char rel[64];
        snprintf(rel, sizeof rel, "lexicon/%s/actors.json", lang_dirs[l]);
        if ((r = load_file(lx, rel, QP_OV_ALIASES, &root, err, errlen)) || !root)
            return r;
        const char *id;
        json_t *aliases;
        json_object_foreach(root, id, aliases) {
            int ai = qp_lexicon_actor(lx, id);
            int ci = ai < 0 ? qp_lexicon_country(lx, id) : -1;
            /* a country code names the state itself ("Amérique", "the Kremlin" under RUS) */
            if (ci >= 0)
                r = add_aliases(lx, aliases, QP_LEX_COUNTRY, l, (uint32_t)ci, lx->countries[ci].iso3);
            else if (ai >= 0)
                r = add_aliases(lx, aliases, QP_LEX_ACTOR, l, (uint32_t)ai, lx->actors[ai].id);
            if (r)
                break;
        }
        json_decref(root);
        if (r)
            return r;
    }
    return 0;
}

static int load_countries(qp_lexicon *lx, char *err, size_t errlen)
{
    json_t *root, *arr = NULL;
    size_t n = 0;
    int r = load_table(lx, "lexicon/countries.json", QP_OV_COUNTRIES, "countries", sizeof *lx->countries,
                       (void **)&lx->countries, &root, &arr, &n, err, errlen);
    if (r || !root)
        return r;
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_array_get(arr, i);
        if (!jstr(c, "iso3"))
            continue;
        qp_lex_country *x = &lx->countries[lx->n_countries++];
        x->iso3 = lx_strdup(lx, jstr(c, "iso3"));
        x->iso2 = lx_strdup(lx, jstr(c, "iso2"));
        x->label = lx_strdup(lx, jstr(c, "label"));
        x->label_fr = lx_strdup(lx, jstr(c, "label_fr"));
        x->geonames = json_integer_value(json_object_get(c, "geonames"));
        x->lat = json_number_value(json_object_get(c, "lat"));
        x->lon = json_number_value(json_object_get(c, "lon"));
    }
    json_decref(root);
    if ((r = index_build(&lx->by_iso3, lx, lx->n_countries, country_iso3)) ||
        (r = index_build(&lx->by_iso2, lx, lx->n_countries, country_iso2)))
        return r;
    static const struct {
        const char *key;
        qp_lex_kind kind;
    } parts[] = {{"names", QP_LEX_COUNTRY}, {"demonyms", QP_LEX_DEMONYM}, {"capitals", QP_LEX_CAPITAL}};
    for (int l = 0; l < 2; l++) {
        char rel[64];
        snprintf(rel, sizeof rel, "lexicon/%s/countries.json", lang_dirs[l]);
        if ((r = load_file(lx, rel, QP_OV_CWORDS, &root, err, errlen)) || !root)
            return r;
        const char *iso;
        json_t *o;
        json_object_foreach(root, iso, o) {
            int ci = qp_lexicon_country(lx, iso);
            if (ci < 0)
                continue;
            for (size_t p = 0; p < QP_ARRAY_LEN(parts) && !r; p++) {
                size_t k;
                json_t *v;
                json_array_foreach(json_object_get(o, parts[p].key), k, v) {
                    if (!json_is_string(v) || (parts[p].kind != QP_LEX_DEMONYM &&
                                               claimed_by_other(lx, json_string_value(v), lx->countries[ci].iso3)))
                        continue;
                    if (parts[p].kind == QP_LEX_DEMONYM && k == 0) {
                        char **dem = l ? &lx->countries[ci].dem_en : &lx->countries[ci].dem_fr;
                        if (!*dem)
                            *dem = lx_strdup(lx, json_string_value(v));
                    }
                    if ((r = add_phrase(lx, json_string_value(v), parts[p].kind, l, (uint32_t)ci, -1)))
                        break;
                    if (parts[p].kind != QP_LEX_DEMONYM &&
                        (r = keep_alias(lx, json_string_value(v), lx->countries[ci].iso3, l)))
                        break;
                }
            }
            if (r)
                break;
        }
        json_decref(root);
        if (r)
            return r;
    }
    return 0;
}

static int load_agents(qp_lexicon *lx, char *err, size_t errlen)
{
    for (int l = 0; l < 2; l++) {
        char rel[64];
        json_t *root;
        snprintf(rel, sizeof rel, "lexicon/%s/agents.json", lang_dirs[l]);
        int r = load_file(lx, rel, QP_OV_AGENTS, &root, err, errlen);
        if (r)
            return r;
        if (!root)
            continue;
        json_t *arr = json_object_get(root, "agents");
        size_t n = json_array_size(arr);
        qp_lex_agent *na = realloc(lx->agents, (lx->n_agents + n + 1) * sizeof *na);
        if (!na) {
            json_decref(root);
            return QP_ENOMEM;
        }
        lx->agents = na;
        for (size_t i = 0; i < n && !r; i++) {
            json_t *a = json_array_get(arr, i);
            if (!jstr(a, "code"))
                continue;
            /* the two languages share agent codes: one record per code */
            size_t idx = lx->n_agents;
            for (size_t k = 0; k < lx->n_agents; k++)
                if (!strcmp(lx->agents[k].code, jstr(a, "code")))
                    idx = k;
            if (idx == lx->n_agents) {
                qp_lex_agent *x = &lx->agents[lx->n_agents++];
                x->code = lx_strdup(lx, jstr(a, "code"));
                x->kind = lx_strdup(lx, jstr(a, "kind") ? jstr(a, "kind") : "military");
                x->parent = lx_strdup(lx, jstr(a, "parent"));
                x->label = lx_strdup(lx, jstr(a, "label"));
                x->label_fr = lx_strdup(lx, jstr(a, "label_fr"));
            }
            size_t k;
            json_t *v;
            json_array_foreach(json_object_get(a, "phrases"), k, v) {
                if (json_is_string(v) && (r = add_phrase(lx, json_string_value(v), QP_LEX_AGENT, l, (uint32_t)idx, -1)))
                    break;
            }
        }
        json_decref(root);
        if (r)
            return r;
    }
    return 0;
}

/* qsort has no context argument: the folded lemmas being sorted, for cmp_folded. Loading
 * happens once, before any thread could share the lexicon. */
static char **sort_folded;

static int cmp_folded(const void *a, const void *b)
{
    return strcmp(sort_folded[*(const size_t *)a], sort_folded[*(const size_t *)b]);
}

/* What an inflection callback adds forms to. */
typedef struct {
    qp_lexicon *lx;
    int lang;
    uint32_t ref;
} form_sink;

static int add_inflected(const char *form, int tag, void *ud)
{
    form_sink *k = ud;
    return add_action_phrase(k->lx, form, k->lang, k->ref, tag);
}

/* An entry's own forms: {"ppas": ["struck", "stricken"], "past": ["struck"]}. */
static int add_listed_forms(qp_lexicon *lx, json_t *forms, int lang, uint32_t ref, int is_noun)
{
    const char *tag;
    json_t *list;
    json_object_foreach(forms, tag, list) {
        int t = qp_morph_tag_parse(tag, strlen(tag));
        if (t < 0 || (t >= QP_TAG_NOUN_SG) != is_noun)
            continue;
        size_t k;
        json_t *v;
        json_array_foreach(list, k, v) {
            int r = json_is_string(v) ? add_action_phrase(lx, json_string_value(v), lang, ref, t) : 0;
            if (r)
                return r;
        }
    }
    return 0;
}

/* The forms of forms.tsv for the actions [first, n_actions) of one language; got[i - first]
 * is set for each action that had one. */
static int add_compiled_forms(qp_lexicon *lx, int l, size_t first, unsigned char *got)
{
    char rel[64], path[4096];
    snprintf(rel, sizeof rel, "lexicon/%s/forms.tsv", lang_dirs[l]);
    if (qp_data_path(rel, path, sizeof path))
        return 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    int r = 0;
    char *line = NULL;
    size_t cap = 0;
    /* folded lemma → action indices: a linear scan per line would be slow; lemmas are few,
     * so fold them once */
    size_t na_l = lx->n_actions - first;
    char **folded = calloc(na_l + 1, sizeof *folded);
    if (!folded)
        lx->oom = 1;
    for (size_t i = 0; folded && i < na_l; i++) {
        qp_buf fb;
        qp_buf_init(&fb);
        if (fold_text(lx->actions[first + i].lemma, strlen(lx->actions[first + i].lemma), &fb) ||
            !(folded[i] = qp_buf_detach(&fb)))
            lx->oom = 1;
        qp_buf_destroy(&fb);
    }
    /* lemma → its actions, sorted once, so each line of forms.tsv is a binary search */
    size_t *order = calloc(na_l + 1, sizeof *order);
    if (!order)
        lx->oom = 1;
    for (size_t i = 0; order && i < na_l; i++)
        order[i] = i;
    sort_folded = folded;
    if (order && na_l && !lx->oom)
        qp_sort(order, na_l, sizeof *order, cmp_folded);
    while (folded && order && !r && !lx->oom && getline(&line, &cap, f) > 0) {
        char *form = line, *lemma = strchr(line, '\t'), *tag;
        if (!lemma || !(tag = strchr(lemma + 1, '\t')))
            continue;
        *lemma++ = '\0';
        *tag++ = '\0';
        tag[strcspn(tag, "\r\n")] = '\0';
        int t = qp_morph_tag_parse(tag, strlen(tag));
        if (t < 0)
            continue;
        size_t lo = 0, hi = na_l;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(folded[order[mid]], lemma) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < na_l && !r && !strcmp(folded[order[k]], lemma); k++) {
            const qp_lex_action *a = &lx->actions[first + order[k]];
            if ((strcmp(a->pos, "noun") == 0) != (t >= QP_TAG_NOUN_SG))
                continue;
            r = add_folded_action(lx, form, l, (uint32_t)(first + order[k]), t);
            got[order[k]] = 1;
            lx->n_forms[l]++;
        }
    }
    free(order);
    for (size_t i = 0; folded && i < na_l; i++)
        free(folded[i]);
    free(folded);
    free(line);
    fclose(f);
    return r;
}

static int load_actions(qp_lexicon *lx, char *err, size_t errlen)
{
    for (int l = 0; l < 2; l++) {
        char rel[64];
        json_t *root;
        snprintf(rel, sizeof rel, "lexicon/%s/actions.json", lang_dirs[l]);
        int r = load_file(lx, rel, QP_OV_ACTIONS, &root, err, errlen);
        if (r)
            return r;
        if (!root)
            continue;
        json_t *arr = json_object_get(root, "actions");
        size_t n = json_array_size(arr), first = lx->n_actions;
        qp_lex_action *na = realloc(lx->actions, (lx->n_actions + n + 1) * sizeof *na);
        unsigned char *got = calloc(n + 1, 1);
        if (!na || !got) {
            if (na)
                lx->actions = na;
            free(got);
            json_decref(root);
            return QP_ENOMEM;
        }
        lx->actions = na;
        for (size_t i = 0; i < n; i++) {
            json_t *a = json_array_get(arr, i);
            json_t *light = json_object_get(a, "light");
            if (!jstr(a, "lemma") || (!jstr(a, "code") && !json_is_true(light)))
                continue;
            qp_lex_action *x = &lx->actions[lx->n_actions++];
            memset(x, 0, sizeof *x);
            x->lemma = lx_strdup(lx, jstr(a, "lemma"));
            x->code = lx_strdup(lx, jstr(a, "code"));
            x->mode = lx_strdup(lx, jstr(a, "mode"));
            x->context = lx_strdup(lx, jstr(a, "context"));
            x->cameo = lx_strdup(lx, jstr(a, "cameo"));
            x->pos = lx_strdup(lx, jstr(a, "pos") ? jstr(a, "pos") : "verb");
            x->object = lx_strdup(lx, jstr(a, "object") ? jstr(a, "object") : "recipient");
            x->frame = lx_strdup(lx, jstr(a, "frame"));
            x->need = json_is_true(json_object_get(a, "need"));
            x->light = json_is_true(light);
            json_t *w = json_object_get(a, "weight");
            x->weight = json_is_number(w) ? json_number_value(w) : 0.7;
            x->lang = l;
            x->origin = origin_of(lx, a);
            if (!(x->preps = folded_list(json_object_get(a, "preps"), &x->n_preps)) ||
                !(x->place_preps = folded_list(json_object_get(a, "place_preps"), &x->n_place_preps)) || !x->lemma ||
                !x->pos) {
                lx->oom = 1;
                break;
            }
            /* the lemma itself always matches (infinitive or singular) */
            int is_noun = !strcmp(x->pos, "noun");
            uint32_t ref = (uint32_t)(lx->n_actions - 1);
            if ((r = add_action_phrase(lx, x->lemma, l, ref, is_noun ? QP_TAG_NOUN_SG : QP_TAG_INF)))
                break;
            json_t *forms = json_object_get(a, "forms");
            if (json_is_object(forms)) {
                if ((r = add_listed_forms(lx, forms, l, ref, is_noun)))
                    break;
                got[ref - first] = 1;
            }
        }
        json_decref(root);
        /* inflected forms compiled at build time, then the rules for an overlay's new lemmas */
        if (!r && !lx->oom)
            r = add_compiled_forms(lx, l, first, got);
        for (size_t i = first; !r && !lx->oom && i < lx->n_actions; i++) {
            const qp_lex_action *a = &lx->actions[i];
            form_sink sink = {lx, l, (uint32_t)i};
            if (a->origin && !got[i - first])
                r = qp_inflect(l, a->lemma, strcmp(a->pos, "noun") != 0, add_inflected, &sink);
        }
        free(got);
        if (r)
            return r;
    }
    return 0;
}

/* lexicon/<lang>/classes.json of both languages, and the words the overlays add. */
static int load_classes(qp_lexicon *lx, char *err, size_t errlen)
{
    for (int lang = 0; lang < QP_LANG_COUNT; lang++) {
        char rel[64], path[4096];
        snprintf(rel, sizeof rel, "lexicon/%s/classes.json", qp_lang_code((qp_lang)lang));
        if (qp_data_path(rel, path, sizeof path)) {
            snprintf(err, errlen, "%s: not found", path);
            return QP_ENOTFOUND;
        }
        int r = qp_classes_load(&lx->classes[lang], path, err, errlen);
        for (size_t d = 0; !r && d < lx->n_overlays; d++) {
            if (qp_overlay_path(lx->overlays[d], rel, path, sizeof path) == 0 && access(path, F_OK) == 0)
                r = qp_classes_merge(&lx->classes[lang], path, err, errlen);
        }
        if (r)
            return r;
    }
    return 0;
}

/* The folders of qp_lexicon_overlay_dirs, copied; each must be a readable folder. */
static int take_overlays(qp_lexicon *lx, char *err, size_t errlen)
{
    const char *const *dirs = qp_lexicon_overlay_dirs();
    size_t n = 0;
    while (dirs[n])
        n++;
    if (!n)
        return 0;
    if (!(lx->overlays = calloc(n, sizeof *lx->overlays)))
        return QP_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(dirs[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "%s: no such lexicon folder (--lexicon, $QUIPU_LEXICON)", dirs[i]);
            return QP_ENOTFOUND;
        }
        if (!(lx->overlays[lx->n_overlays] = strdup(dirs[i])))
            return QP_ENOMEM;
        lx->n_overlays++;
    }
    return collect_claims(lx);
}

int qp_lexicon_load(qp_lexicon *lx, char *err, size_t errlen)
{
    memset(lx, 0, sizeof *lx);
    int r;
    if ((r = take_overlays(lx, err, errlen)) || (r = grow(lx)) || (r = load_countries(lx, err, errlen)) ||
        (r = load_actors(lx, err, errlen)) || (r = load_agents(lx, err, errlen)) ||
        (r = load_actions(lx, err, errlen)) || (r = load_classes(lx, err, errlen)))
        return r;
    json_decref(lx->claims);
    lx->claims = NULL;
    return lx->oom ? QP_ENOMEM : 0;
}

int qp_lexicon_agent_actor(const qp_lexicon *lx, const char *iso3, const char *code)
{
    char id[64];
    if (!iso3 || !code || snprintf(id, sizeof id, "%s-%s", iso3, code) >= (int)sizeof id)
        return -1;
    int ai = qp_lexicon_actor(lx, id);
    return ai >= 0 ? ai : index_find(&lx->by_agent_key, lx, actor_agent_key, id);
}

const char *qp_lexicon_acts_for(const qp_lex_actor *a, const char *date, const char **office)
{
    if (office)
        *office = NULL;
    if (!a || !date || !a->kind || strcmp(a->kind, "person"))
        return NULL;
    for (size_t i = a->n_posts; i-- > 0;) {
        const qp_lex_post *p = &a->posts[i];
        if (strcmp(date, p->from) >= 0 && (!p->to || strcmp(date, p->to) < 0)) {
            if (office)
                *office = p->office;
            return p->parent;
        }
    }
    if (!qp_lexicon_in_office(a, date))
        return NULL;
    if (office)
        *office = a->office;
    return a->parent;
}

int qp_lexicon_in_office(const qp_lex_actor *a, const char *date)
{
    if (!a || !date || !a->kind || strcmp(a->kind, "person"))
        return 0;
    if ((a->from && strcmp(date, a->from) < 0) || (a->to && strcmp(date, a->to) >= 0))
        return 0;
    if (!a->n_terms)
        return 1;
    for (size_t i = 0; i < a->n_terms; i++)
        if (strcmp(date, a->terms[i].from) >= 0 && (!a->terms[i].to || strcmp(date, a->terms[i].to) < 0))
            return 1;
    return 0;
}

void qp_lexicon_destroy(qp_lexicon *lx)
{
    for (int lang = 0; lang < QP_LANG_COUNT; lang++)
        qp_classes_destroy(&lx->classes[lang]);
    for (size_t i = 0; i < lx->n_actors; i++) {
        qp_lex_actor *a = &lx->actors[i];
        free(a->id), free(a->label), free(a->label_fr), free(a->kind), free(a->country), free(a->parent);
        free(a->agent), free(a->agent_key), free(a->office);
        free(a->from), free(a->to);
        for (size_t k = 0; k < a->n_terms; k++)
            free(a->terms[k].from), free(a->terms[k].to);
        free(a->terms);
        for (size_t k = 0; k < a->n_posts; k++)
            free(a->posts[k].office), free(a->posts[k].parent), free(a->posts[k].from), free(a->posts[k].to);
        free(a->posts);
    }
    for (size_t i = 0; i < lx->n_countries; i++) {
        qp_lex_country *c = &lx->countries[i];
        free(c->iso3), free(c->iso2), free(c->label), free(c->label_fr), free(c->dem_en), free(c->dem_fr);
    }
    for (size_t i = 0; i < lx->n_agents; i++) {
        qp_lex_agent *a = &lx->agents[i];
        free(a->code), free(a->kind), free(a->parent), free(a->label), free(a->label_fr);
    }
    for (size_t i = 0; i < lx->n_actions; i++) {
        qp_lex_action *a = &lx->actions[i];
        free(a->lemma), free(a->code), free(a->mode), free(a->context), free(a->cameo), free(a->pos);
        free(a->object), free(a->frame);
        for (size_t k = 0; a->preps && k < a->n_preps; k++)
            free(a->preps[k]);
        free(a->preps);
        for (size_t k = 0; a->place_preps && k < a->n_place_preps; k++)
            free(a->place_preps[k]);
        free(a->place_preps);
    }
    for (size_t i = 0; i < lx->n_slots; i++)
        free(lx->slots[i].phrase);
    for (size_t i = 0; i < lx->n_aliases; i++)
        free(lx->aliases[i].text);
    free(lx->aliases);
    free(lx->by_actor_id.slots), free(lx->by_iso3.slots), free(lx->by_iso2.slots), free(lx->by_agent_key.slots);
    for (size_t i = 0; i < lx->n_overlays; i++)
        free(lx->overlays[i]);
    free(lx->overlays);
    json_decref(lx->claims);
    free(lx->actors), free(lx->countries), free(lx->agents), free(lx->actions), free(lx->entries);
    free(lx->slots);
    memset(lx, 0, sizeof *lx);
}
