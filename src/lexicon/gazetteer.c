/* gazetteer.c — reading the compiled gazetteer in place (mmap), name keys, and choosing a place. */
#include "gazetteer.h"
#include "gazetteer_int.h"
#include "datadir.h"
#include "fold.h"
#include "qp.h"
#include "qp_config.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

struct qp_gazetteer {
    const unsigned char *base;
    size_t size;
    const qpg_header *h;
    const qpg_place *places;
    const qpg_key *keys;
    const uint32_t *slots;
    const uint32_t *postings;
    const char *pool;
};

/* True when [off, off + n * elem) lies inside the file and off is 8-aligned (the writer pads). */
static int section_ok(uint64_t off, uint64_t n, uint64_t elem, uint64_t size)
{
    if (off % 8 || off > size)
        return 0;
    if (elem && n > (size - off) / elem)
        return 0;
    return 1;
}

static int check_header(const qpg_header *h, size_t size)
{
    if (memcmp(h->magic, QPG_MAGIC, 8) || h->endian != QPG_ENDIAN || h->version != QPG_VERSION)
        return QP_EGAZETTEER;
    if (h->header_check != qpg_checksum((const unsigned char *)h, offsetof(qpg_header, header_check)))
        return QP_EGAZETTEER;
    if (h->file_size != size)
        return QP_EGAZETTEER;  /* truncated, or appended to */
    if (!section_ok(h->places_off, h->n_places, sizeof(qpg_place), size) ||
        !section_ok(h->keys_off, h->n_keys, sizeof(qpg_key), size) ||
        !section_ok(h->slots_off, h->n_slots, 4, size) ||
        !section_ok(h->postings_off, h->n_postings, 4, size) ||
        !section_ok(h->pool_off, h->pool_size, 1, size))
        return QP_EGAZETTEER;
    /* lookups rely on these: a power-of-two table with a free slot, a NUL-ended pool */
    if (h->n_slots == 0 || (h->n_slots & (h->n_slots - 1)) || h->n_slots <= h->n_keys)
        return QP_EGAZETTEER;
    if (h->pool_size == 0 || ((const char *)h)[h->pool_off + h->pool_size - 1] != '\0')
        return QP_EGAZETTEER;
    return 0;
}

int qp_gazetteer_open(qp_gazetteer **out, const char *path)
{
    if (!out || !path)
        return QP_EINVAL;
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? QP_ENOTFOUND : QP_EIO;
    int r = 0;
    void *map = MAP_FAILED;
    qp_gazetteer *g = NULL;
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        r = QP_EIO;
        goto cleanup;
    }
    if ((size_t)st.st_size < sizeof(qpg_header)) {
        r = QP_EGAZETTEER;
        goto cleanup;
    }
    map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        r = QP_EIO;
        goto cleanup;
    }
    r = check_header(map, (size_t)st.st_size);
    if (r)
        goto cleanup;
    g = calloc(1, sizeof *g);
    if (!g) {
        r = QP_ENOMEM;
        goto cleanup;
    }
    g->base = map;
    g->size = (size_t)st.st_size;
    g->h = map;
    g->places = (const qpg_place *)(g->base + g->h->places_off);
    g->keys = (const qpg_key *)(g->base + g->h->keys_off);
    g->slots = (const uint32_t *)(g->base + g->h->slots_off);
    g->postings = (const uint32_t *)(g->base + g->h->postings_off);
    g->pool = (const char *)(g->base + g->h->pool_off);
    /* probes jump around the table: read-ahead would only fill memory */
    madvise((void *)g->base, g->size, MADV_RANDOM);
    *out = g;
    map = MAP_FAILED;
cleanup:
    if (map != MAP_FAILED)
        munmap(map, (size_t)st.st_size);
    close(fd);
    return r;
}

void qp_gazetteer_close(qp_gazetteer *g)
{
    if (!g)
        return;
    munmap((void *)g->base, g->size);
    free(g);
}

const char *qp_gazetteer_default_path(void)
{
    static char path[4096];
    const char *env = getenv("QUIPU_GAZETTEER");
    if (env && *env)
        return env;
    if (qp_data_path("data/gazetteer.qpg", path, sizeof path) == 0)
        return path;
    snprintf(path, sizeof path, "%s/gazetteer.qpg", QP_INSTALL_DATADIR);
    if (access(path, R_OK) == 0)
        return path;
    /* where tools/fetch-geonames.sh puts it: the place to name in an error */
    snprintf(path, sizeof path, "%s/data/gazetteer.qpg", QP_SOURCE_DATADIR);
    return path;
}

/* ---- keys ---- */

static int is_letter(utf8proc_int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Apostrophes of transliteration (ʿayn, hamza) never separate words. */
static int is_translit_mark(utf8proc_int32_t c)
{
    return c == 0x2BF || c == 0x2BE || c == 0x2BB;
}

static int is_apostrophe(utf8proc_int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == '`' || c == 0xB4 || c == 0x2BC ||
           c == 0x2032;
}

/* A French elision ("l'", "d'", "qu'", "jusqu'") is a word of its own; "Qa'im" is not. */
static int is_elision(const char *word, size_t n)
{
    static const char *const el[] = {"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};
    if (n == 1)
        return 1;
    for (size_t i = 0; i < QP_ARRAY_LEN(el); i++)
        if (strlen(el[i]) == n && !strncasecmp(word, el[i], n))
            return 1;
    return 0;
}

int qp_gazetteer_key(const char *s, size_t len, qp_buf *out)
{
    qp_buf tmp;
    qp_buf_init(&tmp);
    int r = qp_buf_reserve(&tmp, len);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    size_t word_start = 0;   /* in tmp: where the current run of letters began */
    int prev_letter = 0;
    while (r == 0 && left > 0) {
        utf8proc_int32_t c, next = -1;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
        if (k < 0) {
            r = QP_EUTF8;
            break;
        }
        if (left > k && utf8proc_iterate(p + k, left - k, &next) < 0)
            next = -1;
        int drop = is_translit_mark(c) ||
                   (is_apostrophe(c) && prev_letter && next >= 0 && is_letter(next) &&
                    !is_elision(tmp.data + word_start, tmp.len - word_start));
        if (!drop) {
            int letter = is_letter(c);
            if (letter && !prev_letter)
                word_start = tmp.len;
            prev_letter = letter;
            r = qp_buf_append(&tmp, (const char *)p, (size_t)k);
        }
        p += k;
        left -= k;
    }
    if (r == 0)
        r = qp_fold(tmp.data ? tmp.data : "", tmp.len, out);
    qp_buf_destroy(&tmp);
    return r;
}

/* ---- look-up ---- */

static const char *pool_str(const qp_gazetteer *g, uint32_t off)
{
    return off < g->h->pool_size ? g->pool + off : "";
}

static const qpg_key *find_key(const qp_gazetteer *g, const char *s, size_t len)
{
    if (!g || !s)
        return NULL;
    uint32_t h = qpg_hash(s, len), mask = g->h->n_slots - 1;
    for (uint32_t i = h & mask, tries = 0; tries < g->h->n_slots; i = (i + 1) & mask, tries++) {
        uint32_t v = g->slots[i];
        if (v == 0)
            return NULL;
        if (v - 1 >= g->h->n_keys)
            return NULL;  /* damaged table */
        const qpg_key *k = &g->keys[v - 1];
        if (k->hash == h && k->len == len && k->str < g->h->pool_size &&
            len < g->h->pool_size - k->str && !memcmp(g->pool + k->str, s, len))
            return k;
    }
    return NULL;
}

int qp_gazetteer_probe(const qp_gazetteer *g, const char *folded, size_t len)
{
    const qpg_key *k = find_key(g, folded, len);
    if (!k)
        return 0;
    return (k->n_post ? QP_GAZ_NAME : 0) | ((k->flags & QPG_KEY_PREFIX) ? QP_GAZ_PREFIX : 0) |
           ((k->flags & QPG_KEY_LOWER) && k->n_post ? QP_GAZ_LOWER : 0);
}

static void fill_cand(const qp_gazetteer *g, const qpg_place *p, qp_place_cand *c)
{
    memset(c, 0, sizeof *c);
    c->geonames_id = p->id;
    c->synthetic_id = p->synthetic ? pool_str(g, p->synthetic) : NULL;
    c->name = pool_str(g, p->label);
    c->admin1 = pool_str(g, p->admin1);
    c->country[0] = p->country[0];
    c->country[1] = p->country[1];
    c->feature_class = p->fclass;
    memcpy(c->feature_code, p->fcode, sizeof p->fcode);
    c->population = p->population;
    c->lat = p->lat;
    c->lon = p->lon;
    if (p->flags & QPG_PLACE_CURATED)
        c->match |= QP_PLACE_CURATED;
}

size_t qp_gazetteer_lookup(const qp_gazetteer *g, const char *folded, size_t len,
                           qp_place_cand *out, size_t max)
{
    const qpg_key *k = find_key(g, folded, len);
    if (!k || k->n_post == 0 || k->post > g->h->n_postings ||
        k->n_post > g->h->n_postings - k->post)
        return 0;
    const uint32_t *post = g->postings + k->post;
    for (uint32_t i = 0; i < k->n_post; i++)
        if ((post[i] & QPG_POST_PLACE) >= g->h->n_places)
            return 0;
    for (uint32_t i = 0; i < k->n_post && i < max; i++) {
        fill_cand(g, &g->places[post[i] & QPG_POST_PLACE], &out[i]);
        if (post[i] & QPG_POST_DERIVED)
            out[i].match |= QP_PLACE_DERIVED;
        if (k->flags & QPG_KEY_COMMON)
            out[i].match |= QP_PLACE_COMMON;
        if (k->flags & QPG_KEY_LOWER)
            out[i].match |= QP_PLACE_LOWER_OK;
        if (k->flags & QPG_KEY_PERSON)
            out[i].match |= QP_PLACE_PERSON;
        if (!memchr(folded, ' ', len))
            out[i].match |= QP_PLACE_ONE_WORD;
    }
    return k->n_post;
}

int qp_gazetteer_max_words(const qp_gazetteer *g)
{
    return g ? (int)g->h->max_words : 0;
}

void qp_gazetteer_get_info(const qp_gazetteer *g, qp_gazetteer_info *info)
{
    memset(info, 0, sizeof *info);
    info->version = g->h->version;
    info->n_places = g->h->n_places;
    info->n_keys = g->h->n_keys;
    info->n_postings = g->h->n_postings;
    info->n_curated = g->h->n_curated;
    info->max_words = (int)g->h->max_words;
    info->file_size = g->h->file_size;
    info->created = g->h->created;
}

int qp_gazetteer_verify(const qp_gazetteer *g)
{
    size_t body = g->size - sizeof(qpg_header);
    if (qpg_checksum(g->base + sizeof(qpg_header), body) != g->h->checksum)
        return QP_EGAZETTEER;
    return 0;
}

/* ---- choosing ---- */

#define QP_COMMON_WORD_MIN_POP 100000u     /* ... in a mentioned country */
#define QP_COMMON_WORD_ANYWHERE 1000000u   /* ... anywhere: "Damas", "Tripoli" */
#define QP_DEFAULT_MIN_POP 15000u

static int is_country(const qp_place_cand *c)
{
    return c->feature_class == 'A' && !strncmp(c->feature_code, "PCL", 3);
}

/* First-order divisions and named regions: curated, so a bare name means them. */
static int is_division(const qp_place_cand *c)
{
    return (c->feature_class == 'A' || c->feature_class == 'L') && !is_country(c);
}

static unsigned mentions_of(const qp_place_context *ctx, const char *cc)
{
    if (!ctx || !cc[0])
        return 0;
    for (size_t i = 0; i < ctx->n_mentions; i++)
        if ((ctx->mentions[i].iso2[0] & ~0x20) == cc[0] &&
            (ctx->mentions[i].iso2[1] & ~0x20) == cc[1])
            return ctx->mentions[i].count;
    return 0;
}

static int acceptable(const qp_place_cand *c, const qp_place_context *ctx)
{
    int tcase = ctx ? ctx->text_case : QP_CASE_UNKNOWN;
    uint32_t min_pop = ctx && ctx->min_population ? ctx->min_population : QP_DEFAULT_MIN_POP;
    if (tcase == QP_CASE_LOWER) {
        if (!(c->match & QP_PLACE_LOWER_OK))
            return 0;
        tcase = QP_CASE_CAPITALISED;  /* written as the name is written */
    }
    if (is_country(c))
        return 1;
    unsigned mentioned = mentions_of(ctx, c->country);
    int known = is_division(c) || (c->match & QP_PLACE_CURATED);
    if ((c->match & QP_PLACE_COMMON) && tcase != QP_CASE_CAPITALISED)
        return 0;
    /* "Col. Steve Warren", "Hassan": a town named like a person must be famous */
    if (c->match & QP_PLACE_PERSON)
        return known || c->population >= QP_COMMON_WORD_ANYWHERE;
    /* "Orange" the company, "Nice" the adjective: a town by that name must be big, and
     * big where the article is, unless it is a metropolis */
    if (c->match & QP_PLACE_COMMON)
        return is_division(c) || c->population >= QP_COMMON_WORD_ANYWHERE ||
               (mentioned && c->population >= QP_COMMON_WORD_MIN_POP) ||
               (mentioned && (c->match & QP_PLACE_CURATED)); /* "Palmyra" in an article on Syria */
    if ((c->match & QP_PLACE_DERIVED) && tcase != QP_CASE_CAPITALISED)
        return 0;
    /* a capital at a sentence start says nothing: "Since" is not San Luis de Since */
    if (tcase == QP_CASE_UNKNOWN && (c->match & QP_PLACE_ONE_WORD))
        return mentioned > 0 || known || c->population >= QP_COMMON_WORD_ANYWHERE ||
               !strcmp(c->feature_code, "PPLC");
    /* a place the lexicon names is one the press writes about, whatever GeoNames counts */
    return mentioned > 0 || known || c->population >= min_pop ||
           !strcmp(c->feature_code, "PPLC");
}

/* A city is meant even when the article mentions the country of a far smaller namesake:
 * "Paris et Washington" is not Paris, Texas; "Genève" not Geneva, New York. Tripoli, Libya
 * (1.1 M) does not dwarf Tripoli, Lebanon (230 000): there the mentioned country decides. */
#define QP_BIG_CITY 100000u
#define QP_DWARF_RATIO 8u

static int dwarfs(const qp_place_cand *a, const qp_place_cand *b)
{
    return a->population >= QP_BIG_CITY && a->population / QP_DWARF_RATIO > b->population;
}

/* >0 when a is the better reading of the name, <0 when b is, 0 when alike. */
static int compare(const qp_place_cand *a, const qp_place_cand *b, const qp_place_context *ctx)
{
    int d = is_country(a) - is_country(b);
    if (d)
        return d;
    d = dwarfs(a, b) - dwarfs(b, a);
    if (d)
        return d;
    unsigned ma = mentions_of(ctx, a->country), mb = mentions_of(ctx, b->country);
    if (ma != mb)
        return ma > mb ? 1 : -1;
    d = is_division(a) - is_division(b);
    if (d)
        return d;
    d = !(a->match & QP_PLACE_DERIVED) - !(b->match & QP_PLACE_DERIVED);
    if (d)
        return d;
    if (a->population != b->population)
        return a->population > b->population ? 1 : -1;
    d = !strcmp(a->feature_code, "PPLC") - !strcmp(b->feature_code, "PPLC");
    if (d)
        return d;
    return (a->match & QP_PLACE_CURATED ? 1 : 0) - (b->match & QP_PLACE_CURATED ? 1 : 0);
}

const qp_place_cand *qp_gazetteer_choose(const qp_gazetteer *g, const qp_place_cand *cands,
                                         size_t n, const qp_place_context *ctx)
{
    const qp_place_cand *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (acceptable(&cands[i], ctx) && (!best || compare(&cands[i], best, ctx) > 0))
            best = &cands[i];
    return best;
}

size_t qp_gazetteer_rank(const qp_gazetteer *g, qp_place_cand *cands, size_t n,
                         const qp_place_context *ctx)
{
    size_t n_ok = 0;
    /* insertion sort: a name has a handful of candidates, and it needs ctx */
    for (size_t i = 1; i < n; i++) {
        qp_place_cand c = cands[i];
        int ok = acceptable(&c, ctx);
        size_t j = i;
        while (j > 0) {
            const qp_place_cand *p = &cands[j - 1];
            int pok = acceptable(p, ctx);
            if (pok > ok || (pok == ok && compare(p, &c, ctx) >= 0))
                break;
            cands[j] = cands[j - 1];
            j--;
        }
        cands[j] = c;
    }
    while (n_ok < n && acceptable(&cands[n_ok], ctx))
        n_ok++;
    return n_ok;
}
