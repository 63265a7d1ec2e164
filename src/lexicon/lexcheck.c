/* lexcheck.c — `quipu lexicon check DIR`: a user's overlay folder checked file by file, entry by
 * entry, field by field, with the line each problem is on. jansson keeps no positions, so a
 * small scanner of the raw text maps each JSON path ("actors[3].from") to its line. */
#include "lexcheck.h"
#include "buf.h"
#include "codes.h"
#include "datadir.h"
#include "fold.h"
#include "morph.h"
#include "overlay.h"
#include "qp.h"

#include <dirent.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether word is one of list's space-separated words. */
static int in_list(const char *list, const char *word)
{
    if (!word || !*word || strchr(word, ' '))
        return 0;
    size_t n = strlen(word);
    for (const char *p = strstr(list, word); p; p = strstr(p + 1, word))
        if (p[-1] == ' ' && p[n] == ' ')
            return 1;
    return 0;
}

/* ---- where things are: JSON path → line ---- */

typedef struct {
    const char *s, *end;
    int line;
    json_t *lines; /* path → line */
    qp_buf path;
} scanner;

static void skip_ws(scanner *sc)
{
    while (sc->s < sc->end && strchr(" \t\r\n", *sc->s)) {
        if (*sc->s == '\n')
            sc->line++;
        sc->s++;
    }
}

/* Skips a string at sc->s (on its opening quote); its raw text (escapes kept) into out. */
static void skip_string(scanner *sc, qp_buf *out)
{
    sc->s++;
    while (sc->s < sc->end && *sc->s != '"') {
        if (*sc->s == '\\' && sc->s + 1 < sc->end) {
            if (out)
                qp_buf_append(out, sc->s, 2);
            sc->s += 2;
            continue;
        }
        if (*sc->s == '\n')
            sc->line++;
        if (out)
            qp_buf_putc(out, *sc->s);
        sc->s++;
    }
    if (sc->s < sc->end)
        sc->s++;
}

static void mark(scanner *sc, int line)
{
    if (sc->path.len && !json_object_get(sc->lines, sc->path.data))
        json_object_set_new(sc->lines, sc->path.data, json_integer(line));
}

static void scan_value(scanner *sc, int depth)
{
    skip_ws(sc);
    if (sc->s >= sc->end)
        return;
    size_t keep = sc->path.len;
    if (*sc->s == '{') {
        sc->s++;
        for (;;) {
            skip_ws(sc);
            if (sc->s >= sc->end || *sc->s == '}')
                break;
            if (*sc->s == ',') {
                sc->s++;
                continue;
            }
            if (*sc->s != '"')
                return;
            int line = sc->line;
            qp_buf key;
            qp_buf_init(&key);
            skip_string(sc, &key);
            sc->path.len = keep;
            if (keep)
                qp_buf_putc(&sc->path, '.');
            qp_buf_append(&sc->path, key.data ? key.data : "", key.len);
            qp_buf_destroy(&key);
            mark(sc, line);
            skip_ws(sc);
            if (sc->s < sc->end && *sc->s == ':')
                sc->s++;
            scan_value(sc, depth + 1);
            sc->path.len = keep;
            if (sc->path.data)
                sc->path.data[keep] = '\0';
        }
        if (sc->s < sc->end)
            sc->s++;
    } else if (*sc->s == '[') {
        sc->s++;
        for (size_t i = 0;; i++) {
            skip_ws(sc);
            if (sc->s >= sc->end || *sc->s == ']')
                break;
            if (*sc->s == ',') {
                sc->s++;
                i--;
                continue;
            }
            sc->path.len = keep;
            qp_buf_printf(&sc->path, "[%zu]", i);
            mark(sc, sc->line);
            scan_value(sc, depth + 1);
            sc->path.len = keep;
            if (sc->path.data)
                sc->path.data[keep] = '\0';
        }
        if (sc->s < sc->end)
            sc->s++;
    } else if (*sc->s == '"') {
        skip_string(sc, NULL);
    } else {
        while (sc->s < sc->end && !strchr(",]} \t\r\n", *sc->s))
            sc->s++;
    }
}

/* ---- the checker ---- */

typedef struct {
    const qp_lexicon *base;
    FILE *out;
    qp_lexcheck_result *res;
    const char *dir;
    const char *file;   /* the file being checked, relative to dir */
    json_t *lines;      /* its path → line map */
    json_t *actors;     /* the overlay's actors by id (merged over the built-in when known) */
    json_t *countries;  /* the overlay's countries by iso3 */
    json_t *aliases[2]; /* the overlay's fr/, en/ actors.json */
    json_t *frames[2];  /* frame names of lexicon/<lang>/frames.json */
    json_t *agents;     /* agent codes of the overlay's agents.json files */
} checker;

static int line_of(const checker *c, const char *path)
{
    json_t *v = json_object_get(c->lines, path);
    return v ? (int)json_integer_value(v) : 1;
}

static void vsay(checker *c, int warning, int line, const char *path, const char *fmt, va_list ap)
{
    fprintf(c->out, "%s/%s:%d: %s: ", c->dir, c->file, line, warning ? "warning" : "error");
    if (path)
        fprintf(c->out, "%s: ", path);
    vfprintf(c->out, fmt, ap);
    fputc('\n', c->out);
    if (warning)
        c->res->warnings++;
    else
        c->res->errors++;
}

/* One problem at path (its line found in the file's map). */
static void say(checker *c, int warning, const char *path, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void say(checker *c, int warning, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(c, warning, path ? line_of(c, path) : 1, path, fmt, ap);
    va_end(ap);
}

/* One problem on a line known already (the map of another file is loaded). */
static void say_line(checker *c, int warning, int line, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void say_line(checker *c, int warning, int line, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(c, warning, line, path, fmt, ap);
    va_end(ap);
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int is_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int m = atoi(s + 5), d = atoi(s + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int is_id(const char *s)
{
    if (!s || !*s || *s == '-' || s[strlen(s) - 1] == '-' || strstr(s, "--"))
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

static int is_upper(const char *s, size_t n)
{
    if (!s || strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static int known_kind(const char *k)
{
    return qp_kind_parse(k) >= 0;
}

static int known_country(const checker *c, const char *iso3)
{
    return iso3 && (qp_lexicon_country(c->base, iso3) >= 0 || json_object_get(c->countries, iso3));
}

static int known_actor(const checker *c, const char *id)
{
    return id && (qp_lexicon_actor(c->base, id) >= 0 || json_object_get(c->actors, id));
}

/* Loads DIR/rel, with its line map; NULL (and an error said) when it is no JSON. */
static json_t *load(checker *c, const char *rel)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", c->dir, rel);
    c->file = rel;
    json_decref(c->lines);
    c->lines = json_object();
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    qp_buf text;
    qp_buf_init(&text);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        qp_buf_append(&text, chunk, n);
    fclose(f);
    c->res->files++;
    json_error_t je;
    json_t *root = json_loadb(text.data ? text.data : "", text.len, 0, &je);
    if (!root) {
        fprintf(c->out, "%s/%s:%d:%d: error: not JSON: %s\n", c->dir, rel, je.line, je.column, je.text);
        c->res->errors++;
    } else {
        scanner sc = {text.data, text.data + text.len, 1, c->lines, {0}};
        qp_buf_init(&sc.path);
        scan_value(&sc, 0);
        qp_buf_destroy(&sc.path);
    }
    qp_buf_destroy(&text);
    return root;
}

/* Keys an entry may have; "_…" keys are comments. */
static void unknown_fields(checker *c, json_t *e, const char *where, const char *const *known)
{
    const char *k;
    json_t *v;
    json_object_foreach(e, k, v) {
        if (k[0] == '_')
            continue;
        int ok = 0;
        for (size_t i = 0; known[i] && !ok; i++)
            ok = !strcmp(known[i], k);
        if (!ok) {
            char p[512];
            snprintf(p, sizeof p, "%s.%s", where, k);
            say(c, 0, p, "unknown field \"%s\"", k);
        }
    }
}

/* path of field k of entry where, into buf */
static const char *fpath(char *buf, size_t cap, const char *where, const char *k)
{
    snprintf(buf, cap, "%s.%s", where, k);
    return buf;
}

/* A string field: required (present and a non-empty string) or optional (absent, null or one). */
static void want_string(checker *c, json_t *e, const char *where, const char *k, int required)
{
    char p[512];
    json_t *v = json_object_get(e, k);
    if (!v || json_is_null(v)) {
        if (required)
            say(c, 0, where, "field \"%s\" is missing", k);
    } else if (!json_is_string(v) || !*json_string_value(v)) {
        say(c, 0, fpath(p, sizeof p, where, k), "field \"%s\" must be a non-empty string", k);
    }
}

/* ---- actors.json ---- */

static void check_person(checker *c, json_t *e, const char *where, int is_new)
{
    char p[512];
    const char *from = jstr(e, "from"), *to = jstr(e, "to");
    if (is_new)
        want_string(c, e, where, "office", 1);
    if (json_object_get(e, "from") || is_new) {
        if (!is_date(from))
            say(c, 0, json_object_get(e, "from") ? fpath(p, sizeof p, where, "from") : where,
                "field \"from\": a person needs the date he took office, YYYY-MM-DD");
    }
    json_t *tv = json_object_get(e, "to");
    if (tv && !json_is_null(tv) && !is_date(to))
        say(c, 0, fpath(p, sizeof p, where, "to"), "field \"to\": YYYY-MM-DD, or null while in office");
    if (is_date(from) && is_date(to) && strcmp(to, from) < 0)
        say(c, 0, fpath(p, sizeof p, where, "to"), "field \"to\": %s is before \"from\" %s", to, from);
    json_t *posts = json_object_get(e, "posts");
    if (posts && !json_is_array(posts))
        say(c, 0, fpath(p, sizeof p, where, "posts"), "field \"posts\": a list of {office, parent, from, to}");
    size_t pk;
    json_t *po;
    json_array_foreach(posts, pk, po) {
        snprintf(p, sizeof p, "%s.posts[%zu]", where, pk);
        const char *pf = jstr(po, "from"), *pt = jstr(po, "to");
        json_t *ptv = json_object_get(po, "to");
        if (!json_is_object(po) || !jstr(po, "office") || !jstr(po, "parent"))
            say(c, 0, p, "field \"posts\": each post has an \"office\" and the \"parent\" it acts for");
        else if (!is_date(pf) || (ptv && !json_is_null(ptv) && !is_date(pt)))
            say(c, 0, p, "field \"posts\": \"from\" YYYY-MM-DD, \"to\" YYYY-MM-DD or null");
        else if (pt && strcmp(pt, pf) < 0)
            say(c, 0, p, "field \"posts\": \"to\" %s is before \"from\" %s", pt, pf);
    }
    json_t *terms = json_object_get(e, "terms");
    if (terms && !json_is_array(terms)) {
        say(c, 0, fpath(p, sizeof p, where, "terms"), "field \"terms\": a list of [from, to] pairs");
        return;
    }
    size_t k;
    json_t *t;
    json_array_foreach(terms, k, t) {
        snprintf(p, sizeof p, "%s.terms[%zu]", where, k);
        const char *a = json_string_value(json_array_get(t, 0));
        json_t *b = json_array_get(t, 1);
        if (!json_is_array(t) || json_array_size(t) != 2 || !is_date(a) ||
            !(json_is_null(b) || is_date(json_string_value(b))))
            say(c, 0, p, "field \"terms\": each term is [\"YYYY-MM-DD\", \"YYYY-MM-DD\" or null]");
        else if ((from && strcmp(a, from) < 0) || (to && (json_is_null(b) || strcmp(json_string_value(b), to) > 0)))
            say(c, 0, p, "field \"terms\": the term lies outside from–to");
    }
}

static void check_actors(checker *c, json_t *root)
{
    static const char *const known[] = {"id", "label", "label_fr", "kind", "country", "parent", "office",
                                        "from", "to", "terms", "posts", "approx", "agent", NULL};
    json_t *arr = json_object_get(root, "actors");
    if (!json_is_object(root) || !json_is_array(arr)) {
        say(c, 0, NULL, "expected {\"actors\": [...]}");
        return;
    }
    size_t i;
    json_t *e;
    char where[256], p[512];
    json_array_foreach(arr, i, e) {
        snprintf(where, sizeof where, "actors[%zu]", i);
        c->res->entries++;
        if (!json_is_object(e)) {
            say(c, 0, where, "not an object");
            continue;
        }
        const char *id = jstr(e, "id");
        if (!id) {
            say(c, 0, where, "field \"id\" is missing");
            continue;
        }
        snprintf(where, sizeof where, "actors[%zu] (%s)", i, id);
        {
            /* the lines of "actors[3].from" are also those of "actors[3] (ID).from" */
            char raw[64];
            snprintf(raw, sizeof raw, "actors[%zu]", i);
            json_object_set_new(c->lines, where, json_integer(line_of(c, raw)));
            const char *k;
            json_t *v;
            char from[512], to[512];
            json_object_foreach(e, k, v) {
                snprintf(from, sizeof from, "%s.%s", raw, k);
                snprintf(to, sizeof to, "%s.%s", where, k);
                if (json_object_get(c->lines, from))
                    json_object_set_new(c->lines, to, json_integer(line_of(c, from)));
            }
            static const char *const lists[] = {"terms", "posts"};
            for (size_t l = 0; l < 2; l++) {
                size_t nt = json_array_size(json_object_get(e, lists[l]));
                for (size_t t = 0; t < nt; t++) {
                    snprintf(from, sizeof from, "%s.%s[%zu]", raw, lists[l], t);
                    snprintf(to, sizeof to, "%s.%s[%zu]", where, lists[l], t);
                    json_object_set_new(c->lines, to, json_integer(line_of(c, from)));
                }
            }
        }
        if (!is_id(id))
            say(c, 0, fpath(p, sizeof p, where, "id"),
                "field \"id\": upper-case letters, digits and single hyphens (\"PER-NAME\", \"ISO3-ROLE\")");
        if (qp_lexicon_country(c->base, id) >= 0 || is_upper(id, 3))
            say(c, 0, fpath(p, sizeof p, where, "id"), "field \"id\": a state is a country (countries.json), "
                                                     "not an actor");
        if (json_object_get(c->actors, id))
            say(c, 0, fpath(p, sizeof p, where, "id"), "field \"id\": %s is listed twice in this file", id);
        int bi = qp_lexicon_actor(c->base, id), is_new = bi < 0;
        unknown_fields(c, e, where, known);
        /* the entry as it will be: the built-in one with these fields over it */
        json_t *eff = json_object();
        if (!is_new) {
            const qp_lex_actor *b = &c->base->actors[bi];
            json_object_set_new(eff, "kind", json_string(b->kind));
            if (b->parent)
                json_object_set_new(eff, "parent", json_string(b->parent));
            if (b->from)
                json_object_set_new(eff, "from", json_string(b->from));
        }
        json_object_update(eff, e);
        json_object_set_new(c->actors, id, eff);
        if (is_new) {
            want_string(c, e, where, "label", 1);
            if (!jstr(e, "label_fr"))
                say(c, 1, where, "field \"label_fr\" is missing: the French label will be the English one");
        } else {
            want_string(c, e, where, "label", 0);
        }
        want_string(c, e, where, "label_fr", 0);
        const char *kind = jstr(eff, "kind");
        if (!json_object_get(eff, "kind"))
            say(c, 0, where, "field \"kind\" is missing (state, government, military, armed group, person…)");
        else if (!known_kind(kind))
            say(c, 0, fpath(p, sizeof p, where, "kind"), "field \"kind\": \"%s\" is not one of state, government, "
                "military, paramilitary, police, armed group, coalition, igo, ngo, party, opposition, person, "
                "civilians, media", kind ? kind : "(not a string)");
        json_t *cv = json_object_get(e, "country");
        if (cv && !json_is_null(cv) && !known_country(c, json_string_value(cv)))
            say(c, 0, fpath(p, sizeof p, where, "country"), "field \"country\": \"%s\" is no ISO alpha-3 code of "
                "countries.json", json_is_string(cv) ? json_string_value(cv) : "(not a string)");
        json_t *av = json_object_get(e, "approx");
        if (av && !json_is_boolean(av))
            say(c, 0, fpath(p, sizeof p, where, "approx"), "field \"approx\": true or false");
        want_string(c, e, where, "agent", 0);
        if (kind && !strcmp(kind, "person"))
            check_person(c, e, where, is_new);
        else
            for (const char *const *k = (const char *const[]){"office", "from", "to", "terms", "posts", NULL}; *k; k++)
                if (json_object_get(e, *k))
                    say(c, 0, fpath(p, sizeof p, where, *k), "field \"%s\" is for persons only", *k);
    }
}

/* Parents exist and do not loop, once every entry is known. */
static void check_parents(checker *c)
{
    const char *id;
    json_t *e;
    char where[256], p[512];
    json_object_foreach(c->actors, id, e) {
        json_t *pv = json_object_get(e, "parent");
        snprintf(where, sizeof where, "actors (%s)", id);
        size_t k;
        json_t *po;
        json_array_foreach(json_object_get(e, "posts"), k, po) {
            const char *pp = jstr(po, "parent");
            snprintf(p, sizeof p, "%s.posts[%zu]", json_string_value(json_object_get(e, "_where")), k);
            if (pp && !known_actor(c, pp) && !known_country(c, pp))
                say(c, 0, p, "field \"posts\": parent \"%s\" is neither an actor nor a country", pp);
        }
        if (!pv || json_is_null(pv) || !json_object_get(e, "_where"))
            continue;
        snprintf(where, sizeof where, "%s", json_string_value(json_object_get(e, "_where")));
        const char *parent = json_string_value(pv);
        if (!parent || (!known_actor(c, parent) && !known_country(c, parent))) {
            say(c, 0, fpath(p, sizeof p, where, "parent"), "field \"parent\": \"%s\" is neither an actor nor a "
                "country", parent ? parent : "(not a string)");
            continue;
        }
        /* walk up: the overlay's parents first, then the built-in ones */
        const char *cur = parent;
        for (int depth = 0; cur && depth < 64; depth++) {
            if (!strcmp(cur, id)) {
                say(c, 0, fpath(p, sizeof p, where, "parent"), "field \"parent\": %s is its own ancestor", id);
                break;
            }
            json_t *o = json_object_get(c->actors, cur);
            int bi = qp_lexicon_actor(c->base, cur);
            cur = o ? json_string_value(json_object_get(o, "parent")) : bi >= 0 ? c->base->actors[bi].parent : NULL;
        }
    }
}

/* ---- countries.json ---- */

static void check_countries(checker *c, json_t *root)
{
    static const char *const known[] = {"iso3", "iso2", "geonames", "label", "label_fr", "lat", "lon", NULL};
    json_t *arr = json_object_get(root, "countries");
    if (!json_is_object(root) || !json_is_array(arr)) {
        say(c, 0, NULL, "expected {\"countries\": [...]}");
        return;
    }
    size_t i;
    json_t *e;
    char where[64], p[512];
    json_array_foreach(arr, i, e) {
        snprintf(where, sizeof where, "countries[%zu]", i);
        c->res->entries++;
        const char *iso3 = jstr(e, "iso3");
        if (!json_is_object(e) || !is_upper(iso3, 3)) {
            say(c, 0, where, "field \"iso3\": three upper-case letters (ISO 3166 alpha-3)");
            continue;
        }
        unknown_fields(c, e, where, known);
        int is_new = qp_lexicon_country(c->base, iso3) < 0;
        json_object_set_new(c->countries, iso3, json_true());
        json_t *v = json_object_get(e, "iso2");
        if ((v || is_new) && !is_upper(json_string_value(v), 2))
            say(c, 0, v ? fpath(p, sizeof p, where, "iso2") : where, "field \"iso2\": two upper-case letters");
        if (is_new) {
            want_string(c, e, where, "label", 1);
            want_string(c, e, where, "label_fr", 1);
        }
        v = json_object_get(e, "geonames");
        if (v && !json_is_null(v) && (!json_is_integer(v) || json_integer_value(v) <= 0))
            say(c, 0, fpath(p, sizeof p, where, "geonames"), "field \"geonames\": a GeoNames id, or null");
        static const struct {
            const char *k;
            double lim;
        } ll[] = {{"lat", 90}, {"lon", 180}};
        for (size_t k = 0; k < 2; k++) {
            v = json_object_get(e, ll[k].k);
            if ((v || is_new) && (!json_is_number(v) || json_number_value(v) < -ll[k].lim ||
                                  json_number_value(v) > ll[k].lim))
                say(c, 0, v ? fpath(p, sizeof p, where, ll[k].k) : where, "field \"%s\": a number in -%g..%g",
                    ll[k].k, ll[k].lim, ll[k].lim);
        }
    }
}

/* ---- fr/, en/ actors.json and countries.json ---- */

static const char *const stopwords =
    " a an as at au aux by de des du en et il in is it la le les of on or ou the to un une us we who ce se sa "
    "son pas par pour sur may can ";

static int is_acronym(const char *s)
{
    int letters = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= 'a' && *p <= 'z')
            return 0;
        letters += *p >= 'A' && *p <= 'Z';
    }
    return letters >= 1 && letters <= 5 && strlen(s) <= 8;
}

/* A list of names: strings, no stray spaces, none a bare common word. */
static void check_names(checker *c, json_t *list, const char *where)
{
    char p[512];
    if (!json_is_array(list)) {
        say(c, 0, where, "not a list of strings");
        return;
    }
    size_t k;
    json_t *s;
    json_array_foreach(list, k, s) {
        snprintf(p, sizeof p, "%s[%zu]", where, k);
        const char *v = json_string_value(s);
        if (!v || !*v) {
            say(c, 0, p, "not a non-empty string");
            continue;
        }
        if (v[0] == ' ' || v[strlen(v) - 1] == ' ' || strstr(v, "  "))
            say(c, 0, p, "\"%s\" has stray spaces", v);
        qp_buf f;
        qp_buf_init(&f);
        if (qp_fold(v, strlen(v), &f))
            say(c, 0, p, "\"%s\" is not valid UTF-8", v);
        else if (!f.len)
            say(c, 0, p, "\"%s\" has no letter or digit", v);
        else if (in_list(stopwords, f.data) && !is_acronym(v))
            say(c, 0, p, "\"%s\" is a common word: write an acronym in capitals, or a longer name", v);
        else if (strspn(f.data, "0123456789 ") == f.len)
            say(c, 0, p, "\"%s\" would match a bare number", v);
        qp_buf_destroy(&f);
    }
}

/* The built-in owner of a phrase (an actor or a state), other than id; NULL when none. */
static const char *taken_from(const checker *c, const char *alias, const char *id)
{
    qp_buf f;
    qp_buf_init(&f);
    const char *owner = NULL;
    if (!qp_fold(alias, strlen(alias), &f) && f.len) {
        int prefix;
        for (int32_t e = qp_lexicon_find(c->base, f.data, f.len, &prefix); e >= 0 && !owner;
             e = c->base->entries[e].next) {
            const qp_lex_entry *en = &c->base->entries[e];
            const char *o = en->kind == QP_LEX_ACTOR ? c->base->actors[en->ref].id
                            : en->kind == QP_LEX_COUNTRY || en->kind == QP_LEX_CAPITAL
                                ? c->base->countries[en->ref].iso3
                                : NULL;
            if (o && strcmp(o, id))
                owner = o;
        }
    }
    qp_buf_destroy(&f);
    return owner;
}

static void check_aliases(checker *c, json_t *root, int lang)
{
    if (!json_is_object(root)) {
        say(c, 0, NULL, "expected {\"ID\": [\"alias\", ...], ...}");
        return;
    }
    const char *id;
    json_t *list;
    char p[512];
    json_object_foreach(root, id, list) {
        if (id[0] == '_')
            continue;
        c->res->entries++;
        if (!known_actor(c, id) && !known_country(c, id))
            say(c, 0, id, "\"%s\" is neither an actor (actors.json, built-in or this folder's) nor a country", id);
        check_names(c, list, id);
        size_t k;
        json_t *s;
        json_array_foreach(list, k, s) {
            const char *owner = json_is_string(s) ? taken_from(c, json_string_value(s), id) : NULL;
            snprintf(p, sizeof p, "%s[%zu]", id, k);
            if (owner)
                say(c, 1, p, "\"%s\" was %s's in the built-in lexicon: this folder gives it to %s",
                    json_string_value(s), owner, id);
        }
    }
    c->aliases[lang] = json_incref(root);
}

static void check_cwords(checker *c, json_t *root, int lang)
{
    static const char *const known[] = {"names", "demonyms", "capitals", "demonym_forms", NULL};
    if (!json_is_object(root)) {
        say(c, 0, NULL, "expected {\"ISO3\": {\"names\": [...], \"demonyms\": [...], \"capitals\": [...]}, ...}");
        return;
    }
    const char *iso;
    json_t *o;
    char p[512];
    json_object_foreach(root, iso, o) {
        if (iso[0] == '_')
            continue;
        c->res->entries++;
        if (!known_country(c, iso)) {
            say(c, 0, iso, "\"%s\" is no country of countries.json", iso);
            continue;
        }
        if (!json_is_object(o)) {
            say(c, 0, iso, "not an object");
            continue;
        }
        unknown_fields(c, o, iso, known);
        for (size_t k = 0; k < 3; k++)
            if (json_object_get(o, known[k]))
                check_names(c, json_object_get(o, known[k]), fpath(p, sizeof p, iso, known[k]));
        json_t *forms = json_object_get(o, "demonym_forms");
        if (forms) {
            static const char *const fk[] = {"m", "f", "mp", "fp"};
            int ok = json_is_object(forms) && json_object_size(forms) == 4;
            for (size_t k = 0; ok && k < 4; k++)
                ok = json_is_string(json_object_get(forms, fk[k]));
            if (!ok || lang != 0)
                say(c, 0, fpath(p, sizeof p, iso, "demonym_forms"),
                    lang != 0 ? "field \"demonym_forms\" is French only"
                              : "field \"demonym_forms\": {\"m\", \"f\", \"mp\", \"fp\"}, each a demonym");
        }
    }
}

/* ---- agents ---- */

static void check_agents(checker *c, json_t *root, int lang)
{
    static const char *const known[] = {"code", "kind", "parent", "label", "label_fr", "phrases", "patterns", NULL};
    json_t *arr = json_object_get(root, "agents");
    if (!json_is_object(root) || !json_is_array(arr)) {
        say(c, 0, NULL, "expected {\"agents\": [...]}");
        return;
    }
    size_t i;
    json_t *e;
    char where[64], p[512];
    json_array_foreach(arr, i, e) {
        snprintf(where, sizeof where, "agents[%zu]", i);
        c->res->entries++;
        const char *code = jstr(e, "code");
        if (!json_is_object(e) || !code || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(code) || !*code) {
            say(c, 0, where, "field \"code\": upper-case letters (GOV, MIL, AIRFORCE…)");
            continue;
        }
        unknown_fields(c, e, where, known);
        json_object_set_new(c->agents, code, json_true());
        int is_new = 1;
        for (size_t k = 0; k < c->base->n_agents && is_new; k++)
            is_new = strcmp(c->base->agents[k].code, code) != 0;
        const char *kind = jstr(e, "kind");
        if ((kind || is_new) && !known_kind(kind))
            say(c, 0, kind ? fpath(p, sizeof p, where, "kind") : where, "field \"kind\": an actor kind");
        const char *label = jstr(e, "label"), *label_fr = jstr(e, "label_fr");
        if ((label || is_new) && (!label || !strstr(label, "{Dem}")))
            say(c, 0, label ? fpath(p, sizeof p, where, "label") : where,
                "field \"label\": an English label with {Dem} for the nationality (\"{Dem} coast guard\")");
        if ((label_fr || is_new) && (!label_fr || !strstr(label_fr, "{dem")))
            say(c, 0, label_fr ? fpath(p, sizeof p, where, "label_fr") : where,
                "field \"label_fr\": a French label with {dem} for the nationality (\"garde côtière {dem}\")");
        json_t *pv = json_object_get(e, "parent");
        if (pv && !json_is_null(pv)) {
            const char *parent = json_string_value(pv);
            int ok = parent && !strcmp(parent, "STATE");
            for (size_t k = 0; parent && k < c->base->n_agents && !ok; k++)
                ok = !strcmp(c->base->agents[k].code, parent);
            ok |= parent && json_object_get(c->agents, parent) != NULL;
            if (!ok)
                say(c, 0, fpath(p, sizeof p, where, "parent"), "field \"parent\": an agent code, \"STATE\" or null");
        }
        if (json_object_get(e, "phrases") || is_new)
            check_names(c, json_object_get(e, "phrases"), fpath(p, sizeof p, where, "phrases"));
        json_t *pats = json_object_get(e, "patterns");
        size_t k;
        json_t *s;
        json_array_foreach(pats, k, s) {
            const char *v = json_string_value(s);
            snprintf(p, sizeof p, "%s.patterns[%zu]", where, k);
            if (!v || (!strstr(v, "{dem}") && !strstr(v, "{Dem}")))
                say(c, 0, p, "a pattern has the nationality inside: {dem} or {Dem}");
        }
    }
    (void)lang;
}

/* ---- actions ---- */

static void check_forms(checker *c, json_t *forms, const char *where, int is_noun)
{
    char p[512];
    if (!json_is_object(forms)) {
        say(c, 0, fpath(p, sizeof p, where, "forms"), "field \"forms\": {\"TAG\": [\"form\", ...]}");
        return;
    }
    const char *tag;
    json_t *list;
    json_object_foreach(forms, tag, list) {
        snprintf(p, sizeof p, "%s.forms.%s", where, tag);
        int t = qp_morph_tag_parse(tag, strlen(tag));
        if (t < 0)
            say(c, 0, p, "\"%s\" is no tag: inf pres impf past fut cond subj ppas ppre noun_sg noun_pl", tag);
        else if ((t >= QP_TAG_NOUN_SG) != is_noun)
            say(c, 0, p, "\"%s\" is a %s tag, and this entry is a %s", tag, is_noun ? "verb" : "noun",
                is_noun ? "noun" : "verb");
        check_names(c, list, p);
    }
}

static void check_actions(checker *c, json_t *root, int lang)
{
    static const char *const known[] = {"lemma", "pos", "code", "mode", "context", "cameo", "object", "preps",
                                        "place_preps", "weight", "light", "frame", "need", "forms", NULL};
    json_t *arr = json_object_get(root, "actions");
    if (!json_is_object(root) || !json_is_array(arr)) {
        say(c, 0, NULL, "expected {\"actions\": [...]}");
        return;
    }
    json_t *seen = json_object();
    size_t i;
    json_t *e;
    char where[320], p[512];
    json_array_foreach(arr, i, e) {
        snprintf(where, sizeof where, "actions[%zu]", i);
        c->res->entries++;
        const char *lemma = jstr(e, "lemma");
        if (!json_is_object(e) || !lemma || !*lemma || lemma[0] == ' ' || lemma[strlen(lemma) - 1] == ' ') {
            say(c, 0, where, "field \"lemma\": the dictionary form, without outer spaces");
            continue;
        }
        unknown_fields(c, e, where, known);
        const char *pos = jstr(e, "pos");
        if (!pos || (strcmp(pos, "verb") && strcmp(pos, "noun")))
            say(c, 0, json_object_get(e, "pos") ? fpath(p, sizeof p, where, "pos") : where,
                "field \"pos\": \"verb\" or \"noun\"");
        int is_noun = pos && !strcmp(pos, "noun");
        const char *obj = jstr(e, "object");
        if (json_object_get(e, "object") && (!obj || (strcmp(obj, "recipient") && strcmp(obj, "place") &&
                                                     strcmp(obj, "none"))))
            say(c, 0, fpath(p, sizeof p, where, "object"), "field \"object\": recipient, place or none");
        static const char *const lists[] = {"preps", "place_preps"};
        for (size_t k = 0; k < 2; k++) {
            json_t *v = json_object_get(e, lists[k]);
            if (!v)
                continue;
            int ok = json_is_array(v);
            size_t j;
            json_t *s;
            json_array_foreach(v, j, s) ok &= json_is_string(s) && *json_string_value(s);
            if (!ok)
                say(c, 0, fpath(p, sizeof p, where, lists[k]), "field \"%s\": a list of prepositions", lists[k]);
        }
        json_t *w = json_object_get(e, "weight");
        if (!json_is_number(w) || json_number_value(w) < 0 || json_number_value(w) > 1)
            say(c, 0, w ? fpath(p, sizeof p, where, "weight") : where,
                "field \"weight\": a number in 0..1, how reliable the entry is alone");
        json_t *need = json_object_get(e, "need");
        if (need && !json_is_boolean(need))
            say(c, 0, fpath(p, sizeof p, where, "need"), "field \"need\": true or false");
        json_t *frame = json_object_get(e, "frame");
        if (frame && !json_is_null(frame) &&
            (!json_is_string(frame) || !json_object_get(c->frames[lang], json_string_value(frame))))
            say(c, 0, fpath(p, sizeof p, where, "frame"), "field \"frame\": \"%s\" is no frame of lexicon/%s/frames.json",
                json_is_string(frame) ? json_string_value(frame) : "(not a string)", lang ? "en" : "fr");
        if (json_object_get(e, "forms"))
            check_forms(c, json_object_get(e, "forms"), where, is_noun);
        json_t *light = json_object_get(e, "light");
        if (light && !json_is_false(light)) {
            if (!json_is_true(light))
                say(c, 0, fpath(p, sizeof p, where, "light"), "field \"light\": true or absent");
            if (is_noun)
                say(c, 0, fpath(p, sizeof p, where, "light"), "field \"light\": only verbs are light");
            static const char *const none[] = {"code", "mode", "context", "cameo"};
            for (size_t k = 0; k < 4; k++) {
                json_t *v = json_object_get(e, none[k]);
                if (v && !json_is_null(v))
                    say(c, 0, fpath(p, sizeof p, where, none[k]), "field \"%s\": a light verb has none (null)",
                        none[k]);
            }
            continue;
        }
        const char *code = jstr(e, "code"), *mode = jstr(e, "mode"), *ctx = jstr(e, "context"),
                   *cameo = jstr(e, "cameo");
        int ac = qp_action_parse(code);
        if (ac < 0) {
            say(c, 0, json_object_get(e, "code") ? fpath(p, sizeof p, where, "code") : where,
                "field \"code\": \"%s\" is no PLOVER category (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, "
                "RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) or LEAD",
                code ? code : "(none)");
            continue;
        }
        if (mode && !qp_action_mode_valid((qp_action)ac, mode))
            say(c, 0, fpath(p, sizeof p, where, "mode"), "field \"mode\": \"%s\" is no mode of %s", mode, code);
        if (ctx && !qp_context_valid(ctx))
            say(c, 0, fpath(p, sizeof p, where, "context"), "field \"context\": \"%s\" is no PLOVER context", ctx);
        if (!(cameo == NULL && !strcmp(code, "LEAD")) && !qp_cameo_fits((qp_action)ac, cameo))
            say(c, 0, json_object_get(e, "cameo") ? fpath(p, sizeof p, where, "cameo") : where,
                "field \"cameo\": \"%s\" is no CAMEO root (\"01\"…\"20\") that maps to %s", cameo ? cameo : "(none)",
                code);
        char *key = qp_overlay_action_key(e);
        if (key) {
            char k2[1024];
            snprintf(k2, sizeof k2, "%s\t%s", key, code);
            json_t *prev = json_object_get(seen, k2);
            if (prev)
                say(c, 0, where, "the same lemma, pos and code as actions[%lld]", (long long)json_integer_value(prev));
            else
                json_object_set_new(seen, k2, json_integer((json_int_t)i));
        }
        free(key);
    }
    json_decref(seen);
}

/* ---- classes ---- */

static void check_classes(checker *c, json_t *root)
{
    static const char *const lists =
        " speech intent implicative aspect_go aspect_stop deny negation modal source purpose destination symmetric "
        "death place_nouns relative_pronouns populated support_verbs ";
    if (!json_is_object(root)) {
        say(c, 0, NULL, "expected {\"CLASS\": [...], ...}");
        return;
    }
    const char *key;
    json_t *v;
    char p[512];
    json_object_foreach(root, key, v) {
        if (key[0] == '_')
            continue;
        c->res->entries++;
        if (in_list(lists, key)) {
            check_names(c, v, key);
        } else if (!strcmp(key, "group_nouns") || !strcmp(key, "pronouns") || !strcmp(key, "documents")) {
            if (!json_is_object(v)) {
                say(c, 0, key, "an object of word → value");
                continue;
            }
            const char *word;
            json_t *what;
            json_object_foreach(v, word, what) {
                snprintf(p, sizeof p, "%s.%s", key, word);
                const char *s = json_string_value(what);
                if (!strcmp(key, "group_nouns") &&
                    !(s && in_list(" state government military armed_group coalition igo ngo ",
                                   !strcmp(s, "armed group") ? "armed_group" : s)))
                    say(c, 0, p, "a group noun names a kind: state, government, military, armed group, coalition, "
                                 "igo, ngo");
                else if (!strcmp(key, "pronouns") && !(s && in_list(" sg pl speaker ", s)))
                    say(c, 0, p, "a pronoun is sg, pl or speaker");
                else if (!strcmp(key, "documents") && !json_is_null(what) && !(s && known_actor(c, s)))
                    say(c, 0, p, "a document's author is an actor id, or null");
            }
        } else {
            say(c, 0, key, "\"%s\" is no class of classes.json", key);
        }
    }
}

/* ---- the folder ---- */

static void read_frames(checker *c)
{
    for (int l = 0; l < 2; l++) {
        char rel[64], path[4096];
        snprintf(rel, sizeof rel, "lexicon/%s/frames.json", l ? "en" : "fr");
        c->frames[l] = json_object();
        if (qp_data_path(rel, path, sizeof path))
            continue;
        json_t *root = json_load_file(path, 0, NULL);
        json_object_update(c->frames[l], json_object_get(root, "frames"));
        json_decref(root);
    }
}

/* Files of the folder that are not lexicon files: said once each. */
static void stray_files(checker *c, const char *sub, int depth)
{
    static const char *const top[] = {"actors.json", "countries.json", NULL};
    static const char *const lang[] = {"actors.json", "countries.json", "agents.json", "actions.json",
                                       "classes.json", NULL};
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", c->dir, *sub ? "/" : "", sub);
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char rel[1024];
        snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "", de->d_name);
        if (depth == 0 && (!strcmp(de->d_name, "fr") || !strcmp(de->d_name, "en"))) {
            stray_files(c, rel, 1);
            continue;
        }
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 5, ".json"))
            continue;
        int ok = 0;
        for (const char *const *k = depth ? lang : top; *k && !ok; k++)
            ok = !strcmp(*k, de->d_name);
        if (ok)
            continue;
        c->file = rel;
        if (!strcmp(de->d_name, "places.json"))
            say(c, 1, NULL, "places are compiled into the gazetteer, not overlaid: "
                            "`quipu gazetteer import %s/%s` adds them", c->dir, rel);
        else if (!strcmp(de->d_name, "frames.json"))
            say(c, 1, NULL, "frames are not overlaid: an action names a built-in frame");
        else
            say(c, 1, NULL, "not a lexicon file: it is not read");
    }
    closedir(d);
}

int qp_lexicon_check_dir(const qp_lexicon *base, const char *dir, FILE *out, qp_lexcheck_result *res)
{
    struct stat st;
    memset(res, 0, sizeof *res);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return QP_ENOTFOUND;
    checker c = {.base = base, .out = out, .res = res, .dir = dir};
    c.actors = json_object();
    c.countries = json_object();
    c.agents = json_object();
    if (!c.actors || !c.countries || !c.agents) {
        json_decref(c.actors), json_decref(c.countries), json_decref(c.agents);
        return QP_ENOMEM;
    }
    read_frames(&c);
    json_t *root;
    /* countries first: actors and words refer to them */
    if ((root = load(&c, "countries.json"))) {
        check_countries(&c, root);
        json_decref(root);
    }
    if ((root = load(&c, "actors.json"))) {
        check_actors(&c, root);
        /* where each entry is, for the parent checks that follow */
        json_t *e;
        size_t i;
        json_array_foreach(json_object_get(root, "actors"), i, e) {
            const char *aid = jstr(e, "id");
            json_t *eff = aid ? json_object_get(c.actors, aid) : NULL;
            char where[256];
            snprintf(where, sizeof where, "actors[%zu] (%s)", i, aid ? aid : "?");
            if (eff && !json_object_get(eff, "_where")) {
                json_object_set_new(eff, "_where", json_string(where));
                json_object_set_new(eff, "_line", json_integer(line_of(&c, where)));
            }
        }
        check_parents(&c);
        json_decref(root);
    }
    for (int l = 0; l < 2; l++) {
        char rel[64];
        const char *lc = l ? "en" : "fr";
        snprintf(rel, sizeof rel, "%s/countries.json", lc);
        if ((root = load(&c, rel))) {
            check_cwords(&c, root, l);
            json_decref(root);
        }
        snprintf(rel, sizeof rel, "%s/actors.json", lc);
        if ((root = load(&c, rel))) {
            check_aliases(&c, root, l);
            json_decref(root);
        }
        snprintf(rel, sizeof rel, "%s/agents.json", lc);
        if ((root = load(&c, rel))) {
            check_agents(&c, root, l);
            json_decref(root);
        }
        snprintf(rel, sizeof rel, "%s/actions.json", lc);
        if ((root = load(&c, rel))) {
            check_actions(&c, root, l);
            json_decref(root);
        }
        snprintf(rel, sizeof rel, "%s/classes.json", lc);
        if ((root = load(&c, rel))) {
            check_classes(&c, root);
            json_decref(root);
        }
    }
    /* a new actor nobody can name is never matched */
    const char *id;
    json_t *e;
    c.file = "actors.json";
    json_object_foreach(c.actors, id, e) {
        if (qp_lexicon_actor(base, id) >= 0)
            continue;
        int named = 0;
        for (int l = 0; l < 2 && !named; l++)
            named = json_array_size(json_object_get(c.aliases[l], id)) > 0;
        if (!named && json_object_get(e, "_where"))
            say_line(&c, 1, (int)json_integer_value(json_object_get(e, "_line")),
                     json_string_value(json_object_get(e, "_where")),
                     "no alias in fr/actors.json or en/actors.json: the text can never name it");
    }
    stray_files(&c, "", 0);
    json_decref(c.lines);
    json_decref(c.actors), json_decref(c.countries), json_decref(c.agents);
    for (int l = 0; l < 2; l++)
        json_decref(c.aliases[l]), json_decref(c.frames[l]);
    return 0;
}
