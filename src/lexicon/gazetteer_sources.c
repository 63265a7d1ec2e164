/* gazetteer_sources.c — the importer's readers: GeoNames dumps, places.json, countries, dictionaries. */
#include "gazetteer_build.h"
#include "gazetteer_build_int.h"
#include "qp.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define GN_COLUMNS 19

/* ---- GeoNames ---- */

/* Latin script only (accents, transliteration marks and punctuation allowed), with a capital
 * somewhere and no digit: this keeps "Alep" and "Qaïm" and drops Arabic, CJK, postal codes,
 * and the lower-case romanisations ("a lei po") nobody writes. IATA codes ("PAR", "DAM")
 * are all capitals: dropped too. */
static int keep_alternate(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    int upper = 0, lower = 0;
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
        if (k < 0)
            return 0;
        if (c >= '0' && c <= '9')
            return 0;
        int latin = c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2B0 && c <= 0x36F) ||
                    (c >= 0x2000 && c <= 0x206F);
        if (!latin)
            return 0;
        utf8proc_category_t cat = utf8proc_category(c);
        upper += cat == UTF8PROC_CATEGORY_LU;
        lower += cat == UTF8PROC_CATEGORY_LL;
        p += k;
        left -= k;
    }
    return upper > 0 && lower > 0;
}

static int parse_u32(const char *s, uint32_t *out, int empty_ok)
{
    if (!*s) {
        *out = 0;
        return empty_ok;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || errno || v > UINT32_MAX || *s == '-')
        return 0;
    *out = (uint32_t)v;
    return 1;
}

static int parse_coord(const char *s, double lim, double *out)
{
    char *end;
    if (!*s)
        return 0;
    *out = strtod(s, &end);
    return !*end && *out >= -lim && *out <= lim;
}

/* One row split at tabs in place; returns why it is bad, or NULL. *place_out gets the new
 * place, -1 when the row is skipped (a known id, a class not kept), or an error. */
static const char *parse_row(qp_gazetteer_builder *b, char *line, long *place_out)
{
    char *col[GN_COLUMNS];
    int n = 0;
    for (char *p = line;; p++) {
        if (n < GN_COLUMNS)
            col[n] = p;
        n++;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p = '\0';
    }
    if (n != GN_COLUMNS)
        return "not 19 tab-separated columns";
    uint32_t id, pop;
    double lat, lon;
    if (!parse_u32(col[0], &id, 0) || id == 0)
        return "bad geonameid";
    if (!*col[1])
        return "empty name";
    if (!parse_coord(col[4], 90, &lat) || !parse_coord(col[5], 180, &lon))
        return "bad latitude or longitude";
    if (strlen(col[6]) > 1 || strlen(col[7]) > 7)
        return "bad feature class or code";
    if (*col[8] && strlen(col[8]) != 2)
        return "bad country code";
    if (!parse_u32(col[14], &pop, 1))
        return "bad population";
    *place_out = -1;
    if (gb_find_id(b, id) >= 0 || !gb_keeps_class(b, *col[6]))
        return NULL;  /* the same place from another dump, or a hotel */
    gb_place_desc d = {
        .id = id, .label = *col[2] ? col[2] : col[1], .admin1 = col[10], .country = col[8],
        .fclass = *col[6], .fcode = col[7], .population = pop, .lat = lat, .lon = lon};
    *place_out = gb_add_place(b, &d);
    if (*place_out < 0)
        return NULL;
    if (gb_add_name(b, *place_out, col[1], strlen(col[1])) ||
        gb_add_name(b, *place_out, col[2], strlen(col[2]))) {
        *place_out = QP_ENOMEM;
        return NULL;
    }
    for (char *a = col[3]; *a;) {
        char *comma = strchr(a, ',');
        size_t len = comma ? (size_t)(comma - a) : strlen(a);
        if (keep_alternate(a, len) && gb_add_name(b, *place_out, a, len)) {
            *place_out = QP_ENOMEM;
            return NULL;
        }
        a += len + (comma != NULL);
    }
    return NULL;
}

int qp_gazetteer_builder_add_geonames(qp_gazetteer_builder *b, FILE *f, const char *name,
                                      const qp_gazetteer_report *rep)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0, bad = 0, kept = 0;
    int r = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        long place = -1;
        const char *why = parse_row(b, line, &place);
        if (place < -1) {
            r = (int)place;
            break;
        }
        kept += place >= 0;
        if (why) {
            bad++;
            if (rep && rep->bad_line)
                rep->bad_line(rep->user, name, lineno, why);
        }
        if (lineno % 10000 == 0 && rep && rep->progress)
            rep->progress(rep->user, name, lineno);
    }
    if (r == 0 && ferror(f))
        r = QP_EIO;
    free(line);
    /* lines that were neither places nor bad: comments, blanks, repeats, other classes */
    gb_count_lines(b, lineno, bad, lineno - bad - kept);
    return r;
}

/* ---- lexicons ---- */

static json_t *load_json(const char *path, int *r, char *err, size_t err_size)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
        FILE *f = fopen(path, "r");
        *r = f ? QP_EJSON : QP_ENOTFOUND;
        if (f)
            fclose(f);
        if (err && f)
            snprintf(err, err_size, "%s:%d: %s", path, je.line, je.text);
        else if (err)
            snprintf(err, err_size, "%s: no such file", path);
    }
    return root;
}

/* "CAR", "EAU": the lexicon's acronyms match only in capitals (lexicon/README.md); the
 * gazetteer cannot tell case, so it leaves them to the lexicon matcher. */
static int is_acronym(const char *s, size_t len)
{
    size_t letters = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            letters++;
        else if (s[i] != '.')
            return 0;
    }
    return letters > 0 && letters <= 5;
}

static int add_json_names(qp_gazetteer_builder *b, long place, json_t *names)
{
    size_t i;
    json_t *v;
    if (json_is_string(names))
        return is_acronym(json_string_value(names), json_string_length(names))
                   ? 0
                   : gb_add_name(b, place, json_string_value(names), json_string_length(names));
    if (json_is_array(names)) {
        json_array_foreach(names, i, v) {
            int r = add_json_names(b, place, v);
            if (r)
                return r;
        }
    }
    if (json_is_object(names)) {
        const char *lang;
        json_object_foreach(names, lang, v) {
            int r = add_json_names(b, place, v);
            if (r)
                return r;
        }
    }
    return 0;
}

static int add_json_common(qp_gazetteer_builder *b, json_t *words)
{
    size_t i;
    json_t *v;
    const char *lang;
    if (json_is_string(words))
        return qp_gazetteer_builder_add_common_word(b, json_string_value(words),
                                                    json_string_length(words));
    if (json_is_array(words))
        json_array_foreach(words, i, v) {
            int r = add_json_common(b, v);
            if (r)
                return r;
        }
    if (json_is_object(words))
        json_object_foreach(words, lang, v) {
            int r = add_json_common(b, v);
            if (r)
                return r;
        }
    return 0;
}

int qp_gazetteer_builder_add_places_json(qp_gazetteer_builder *b, const char *path, char *err,
                                         size_t err_size)
{
    int r = 0;
    json_t *root = load_json(path, &r, err, err_size);
    if (!root)
        return r;
    json_t *places = json_object_get(root, "places");
    if (!json_is_array(places)) {
        if (err)
            snprintf(err, err_size, "%s: no \"places\" array", path);
        r = QP_ELEXICON;
        goto cleanup;
    }
    size_t i;
    json_t *e;
    json_array_foreach(places, i, e) {
        json_t *jid = json_object_get(e, "id");
        const char *label = json_string_value(json_object_get(e, "label"));
        const char *feature = json_string_value(json_object_get(e, "feature"));
        if (!label || !*label || (jid && !json_is_null(jid) && !json_is_integer(jid))) {
            if (err)
                snprintf(err, err_size, "%s: place %zu: needs a \"label\", and an integer or "
                         "null \"id\"", path, i + 1);
            r = QP_ELEXICON;
            goto cleanup;
        }
        uint32_t id = json_is_integer(jid) ? (uint32_t)json_integer_value(jid) : 0;
        long place = gb_find_id(b, id);
        if (place < 0) {
            if (!feature || strlen(feature) < 3 || feature[1] != '.') {
                if (err)
                    snprintf(err, err_size, "%s: %s: \"feature\" must be like \"A.ADM1\"",
                             path, label);
                r = QP_ELEXICON;
                goto cleanup;
            }
            json_t *pop = json_object_get(e, "population");
            gb_place_desc d = {
                .id = id, .label = label,
                .admin1 = json_string_value(json_object_get(e, "admin1")),
                .country = json_string_value(json_object_get(e, "country")),
                .fclass = feature[0], .fcode = feature + 2,
                .population = json_is_integer(pop) ? (uint32_t)json_integer_value(pop) : 0,
                .lat = json_number_value(json_object_get(e, "lat")),
                .lon = json_number_value(json_object_get(e, "lon")), .curated = 1};
            place = gb_add_place(b, &d);
            if (place < 0) {
                r = (int)place;
                goto cleanup;
            }
        } else {
            gb_mark_curated(b, place);
            if ((r = gb_set_label(b, place, label)))
                goto cleanup;
        }
        if ((r = gb_add_name(b, place, label, strlen(label))) ||
            (r = add_json_names(b, place, json_object_get(e, "names"))))
            goto cleanup;
    }
    r = add_json_common(b, json_object_get(root, "common_words"));
cleanup:
    json_decref(root);
    return r;
}

int qp_gazetteer_builder_add_countries(qp_gazetteer_builder *b, const char *dir, char *err,
                                       size_t err_size)
{
    char path[4096];
    int r = 0, r2 = 0;
    snprintf(path, sizeof path, "%s/countries.json", dir);
    json_t *root = load_json(path, &r, err, err_size);
    if (!root)
        return r;
    json_t *lang[2] = {NULL, NULL};
    static const char *const langs[2] = {"fr", "en"};
    for (int l = 0; l < 2; l++) {
        snprintf(path, sizeof path, "%s/%s/countries.json", dir, langs[l]);
        lang[l] = load_json(path, &r2, NULL, 0);
        if (!lang[l] && r2 != QP_ENOTFOUND) {
            if (err)
                snprintf(err, err_size, "%s: malformed JSON", path);
            r = r2;
            goto cleanup;
        }
    }
    json_t *list = json_object_get(root, "countries");
    if (!json_is_array(list)) {
        if (err)
            snprintf(err, err_size, "%s/countries.json: no \"countries\" array", dir);
        r = QP_ELEXICON;
        goto cleanup;
    }
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *iso3 = json_string_value(json_object_get(c, "iso3"));
        const char *iso2 = json_string_value(json_object_get(c, "iso2"));
        const char *label = json_string_value(json_object_get(c, "label"));
        if (!iso3 || !label || !*label)
            continue;
        json_t *jid = json_object_get(c, "geonames");
        uint32_t id = json_is_integer(jid) ? (uint32_t)json_integer_value(jid) : 0;
        long place = gb_find_id(b, id);
        if (place < 0) {
            gb_place_desc d = {.id = id, .label = label, .country = iso2, .fclass = 'A',
                               .fcode = "PCLI", .lat = json_number_value(json_object_get(c, "lat")),
                               .lon = json_number_value(json_object_get(c, "lon")), .curated = 1};
            place = gb_add_place(b, &d);
            if (place < 0) {
                r = (int)place;
                goto cleanup;
            }
        }
        if ((r = gb_add_name(b, place, label, strlen(label))) ||
            (r = add_json_names(b, place, json_object_get(c, "label_fr"))))
            goto cleanup;
        for (int l = 0; l < 2; l++)
            if (lang[l] && (r = add_json_names(b, place, json_object_get(
                                json_object_get(lang[l], iso3), "names"))))
                goto cleanup;
    }
cleanup:
    json_decref(root);
    json_decref(lang[0]);
    json_decref(lang[1]);
    return r;
}

/* ---- dictionaries: which names are also common words ---- */

static int starts_lower(const char *s, size_t len)
{
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c) < 0)
        return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int qp_gazetteer_builder_add_hunspell(qp_gazetteer_builder *b, const char *dic_path)
{
    FILE *f = fopen(dic_path, "r");
    if (!f)
        return errno == ENOENT ? QP_ENOTFOUND : QP_EIO;
    char *line = NULL;
    size_t cap = 0;
    int r = 0;
    unsigned long n = 0;
    while (r == 0 && getline(&line, &cap, f) > 0) {
        if (n++ == 0)
            continue;  /* the entry count */
        size_t len = strcspn(line, "/ \t\r\n");
        if (!len || memchr(line, '-', len))
            continue;
        if (starts_lower(line, len))
            r = qp_gazetteer_builder_add_common_word(b, line, len);
        else if (strstr(line + len, "po:npr"))
            r = qp_gazetteer_builder_add_word(b, line, len, QP_WORD_PLACE);
        else if (strstr(line + len, "po:prn") || strstr(line + len, "po:patr"))
            r = qp_gazetteer_builder_add_word(b, line, len, QP_WORD_PERSON);
    }
    free(line);
    fclose(f);
    return r;
}

int qp_gazetteer_builder_add_wordnet(qp_gazetteer_builder *b, const char *dir)
{
    static const char *const files[] = {"data.noun", "data.verb", "data.adj", "data.adv"};
    int r = 0, found = 0;
    char *line = NULL;
    size_t cap = 0;
    for (size_t fi = 0; r == 0 && fi < QP_ARRAY_LEN(files); fi++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[fi]);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        found++;
        while (r == 0 && getline(&line, &cap, f) > 0) {
            if (line[0] == ' ')
                continue;  /* licence */
            /* offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id]... */
            char *save = NULL, *tok = strtok_r(line, " ", &save);
            for (int i = 0; tok && i < 3; i++)
                tok = strtok_r(NULL, " ", &save);
            if (!tok)
                continue;
            long w = strtol(tok, NULL, 16);
            for (long i = 0; i < w && r == 0; i++) {
                char *word = strtok_r(NULL, " ", &save);
                if (!word || !strtok_r(NULL, " ", &save))
                    break;
                size_t len = strcspn(word, "(");  /* adjectives' "(a)", "(p)" markers */
                if (!strchr(word, '_') && word[0] >= 'a' && word[0] <= 'z')
                    r = qp_gazetteer_builder_add_common_word(b, word, len);
            }
        }
        fclose(f);
    }
    free(line);
    return r ? r : found ? 0 : QP_ENOTFOUND;
}
