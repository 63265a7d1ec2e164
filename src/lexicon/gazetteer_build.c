/* gazetteer_build.c — the importer's core: places, the key index with name variants, writing the file. */
#include "gazetteer_build.h"
#include "gazetteer_build_int.h"
#include "gazetteer.h"
#include "fold.h"
#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

#define GB_MAX_WORDS 8      /* longer alternate names are descriptions, not names */
#define GB_MAX_NAME 160

typedef struct gb_key {
    uint32_t str, len, hash;
    uint32_t head;          /* last posting added + 1, 0 for none */
    uint32_t flags;         /* QPG_KEY_* */
} gb_key;

typedef struct gb_post {
    uint32_t val;           /* place | QPG_POST_DERIVED */
    uint32_t next;          /* previous posting of the same key + 1, 0 at the end */
} gb_post;

typedef struct gb_word {
    uint32_t str, len;
    uint32_t kind;          /* QP_WORD_* */
} gb_word;

struct qp_gazetteer_builder {
    qpg_place *places;
    size_t n_places, cap_places;
    uint32_t *ids;          /* open addressing: GeoNames id -> place + 1 */
    size_t n_ids_slots;
    gb_key *keys;
    size_t n_keys, cap_keys;
    uint32_t *slots;        /* open addressing: hash -> key + 1 */
    size_t n_slots;
    gb_post *posts;
    size_t n_posts, cap_posts;
    gb_word *common;
    size_t n_common, cap_common;
    qp_buf pool;            /* offset 0 is "" */
    qp_buf words;           /* the common words, which the file does not keep */
    qp_buf f1, f2;          /* scratch for folding */
    uint32_t n_curated, n_names;
    unsigned long lines, bad_lines, filtered;
    char classes[16];       /* feature classes kept */
    int max_words;
};

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 1024;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (!p)
        return QP_ENOMEM;
    *arr = p;
    *cap = n;
    return 0;
}

int qp_gazetteer_builder_init(qp_gazetteer_builder **out)
{
    qp_gazetteer_builder *b = calloc(1, sizeof *b);
    if (!b)
        return QP_ENOMEM;
    qp_buf_init(&b->pool);
    qp_buf_init(&b->words);
    qp_buf_init(&b->f1);
    qp_buf_init(&b->f2);
    strcpy(b->classes, "PALTH");
    b->n_slots = 1 << 16;
    b->n_ids_slots = 1 << 16;
    b->slots = calloc(b->n_slots, sizeof *b->slots);
    b->ids = calloc(b->n_ids_slots, sizeof *b->ids);
    if (!b->slots || !b->ids || qp_buf_putc(&b->pool, '\0')) {
        qp_gazetteer_builder_destroy(b);
        return QP_ENOMEM;
    }
    *out = b;
    return 0;
}

void qp_gazetteer_builder_destroy(qp_gazetteer_builder *b)
{
    if (!b)
        return;
    free(b->places);
    free(b->ids);
    free(b->keys);
    free(b->slots);
    free(b->posts);
    free(b->common);
    qp_buf_destroy(&b->pool);
    qp_buf_destroy(&b->words);
    qp_buf_destroy(&b->f1);
    qp_buf_destroy(&b->f2);
    free(b);
}

void qp_gazetteer_builder_stats(const qp_gazetteer_builder *b, qp_gazetteer_build_stats *st)
{
    memset(st, 0, sizeof *st);
    st->lines = b->lines;
    st->bad_lines = b->bad_lines;
    st->filtered = b->filtered;
    st->places = (uint32_t)b->n_places;
    st->curated = b->n_curated;
    st->names = b->n_names;
    st->keys = (uint32_t)b->n_keys;
    st->max_words = b->max_words;
}

void gb_count_lines(qp_gazetteer_builder *b, unsigned long lines, unsigned long bad,
                    unsigned long filtered)
{
    b->lines += lines;
    b->bad_lines += bad;
    b->filtered += filtered;
}

int gb_keeps_class(const qp_gazetteer_builder *b, char fclass)
{
    return fclass && strchr(b->classes, fclass) != NULL;
}

int qp_gazetteer_builder_set_classes(qp_gazetteer_builder *b, const char *classes)
{
    if (!classes || !*classes || strlen(classes) >= sizeof b->classes ||
        strspn(classes, "ADHLPRSTUV") != strlen(classes))
        return QP_EINVAL;
    strcpy(b->classes, classes);
    return 0;
}

/* ---- places ---- */

static uint32_t mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    return x ^ (x >> 16);
}

long gb_find_id(const qp_gazetteer_builder *b, uint32_t id)
{
    if (id == 0)
        return -1;
    size_t mask = b->n_ids_slots - 1;
    for (size_t i = mix32(id) & mask;; i = (i + 1) & mask) {
        uint32_t v = b->ids[i];
        if (v == 0)
            return -1;
        if (b->places[v - 1].id == id)
            return (long)v - 1;
    }
}

static int ids_insert(qp_gazetteer_builder *b, uint32_t id, uint32_t place)
{
    if ((b->n_places + 1) * 2 > b->n_ids_slots) {
        size_t n = b->n_ids_slots * 2;
        uint32_t *t = calloc(n, sizeof *t);
        if (!t)
            return QP_ENOMEM;
        for (size_t p = 0; p < b->n_places; p++) {
            if (b->places[p].id == 0)
                continue;
            size_t i = mix32(b->places[p].id) & (n - 1);
            while (t[i])
                i = (i + 1) & (n - 1);
            t[i] = (uint32_t)p + 1;
        }
        free(b->ids);
        b->ids = t;
        b->n_ids_slots = n;
    }
    size_t mask = b->n_ids_slots - 1, i = mix32(id) & mask;
    while (b->ids[i])
        i = (i + 1) & mask;
    b->ids[i] = place + 1;
    return 0;
}

static uint32_t pool_add(qp_gazetteer_builder *b, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    if (b->pool.len + len + 1 > UINT32_MAX)
        return UINT32_MAX;
    uint32_t off = (uint32_t)b->pool.len;
    if (qp_buf_append(&b->pool, s, len) || qp_buf_putc(&b->pool, '\0'))
        return UINT32_MAX;
    return off;
}

/* "quipu:deir-ez-zor-governorate": the folded label with hyphens, stable across imports. */
static uint32_t synthetic_id(qp_gazetteer_builder *b, const char *label)
{
    qp_buf_clear(&b->f1);
    qp_buf_clear(&b->f2);
    if (qp_fold(label, strlen(label), &b->f2) || b->f2.len == 0 ||
        qp_buf_puts(&b->f1, "quipu:") || qp_buf_append(&b->f1, b->f2.data, b->f2.len))
        return UINT32_MAX;
    for (size_t i = 0; i < b->f1.len; i++)
        if (b->f1.data[i] == ' ')
            b->f1.data[i] = '-';
    return pool_add(b, b->f1.data, b->f1.len);
}

long gb_add_place(qp_gazetteer_builder *b, const gb_place_desc *d)
{
    if (b->n_places >= QPG_POST_PLACE)
        return QP_ETOOBIG;
    if (grow((void **)&b->places, &b->cap_places, b->n_places + 1, sizeof *b->places))
        return QP_ENOMEM;
    qpg_place p;
    memset(&p, 0, sizeof p);
    p.id = d->id;
    p.label = pool_add(b, d->label, strlen(d->label));
    p.admin1 = d->admin1 ? pool_add(b, d->admin1, strlen(d->admin1)) : 0;
    p.synthetic = d->id ? 0 : synthetic_id(b, d->label);
    if (p.label == UINT32_MAX || p.admin1 == UINT32_MAX || p.synthetic == UINT32_MAX)
        return QP_ENOMEM;
    p.population = d->population;
    p.lat = d->lat;
    p.lon = d->lon;
    if (d->country && strlen(d->country) == 2)
        memcpy(p.country, d->country, 2);
    p.fclass = d->fclass;
    if (d->fcode)
        memcpy(p.fcode, d->fcode, strnlen(d->fcode, sizeof p.fcode - 1));
    p.flags = d->curated ? QPG_PLACE_CURATED : 0;
    uint32_t idx = (uint32_t)b->n_places;
    b->places[b->n_places++] = p;
    if (d->id && ids_insert(b, d->id, idx)) {
        b->n_places--;
        return QP_ENOMEM;
    }
    if (d->curated)
        b->n_curated++;
    return idx;
}

void gb_mark_curated(qp_gazetteer_builder *b, long place)
{
    if (!(b->places[place].flags & QPG_PLACE_CURATED)) {
        b->places[place].flags |= QPG_PLACE_CURATED;
        b->n_curated++;
    }
}

int gb_set_label(qp_gazetteer_builder *b, long place, const char *label)
{
    uint32_t off = pool_add(b, label, strlen(label));
    if (off == UINT32_MAX)
        return QP_ENOMEM;
    b->places[place].label = off;
    return 0;
}

/* ---- keys ---- */

static int slots_rehash(qp_gazetteer_builder *b, size_t n)
{
    uint32_t *t = calloc(n, sizeof *t);
    if (!t)
        return QP_ENOMEM;
    for (size_t k = 0; k < b->n_keys; k++) {
        size_t i = b->keys[k].hash & (n - 1);
        while (t[i])
            i = (i + 1) & (n - 1);
        t[i] = (uint32_t)k + 1;
    }
    free(b->slots);
    b->slots = t;
    b->n_slots = n;
    return 0;
}

/* The key for s[0..len), created when absent; str_off, when not UINT32_MAX, says s is
 * already in the pool there (a prefix shares its name's bytes). Returns key + 1 or 0. */
static uint32_t key_get(qp_gazetteer_builder *b, const char *s, size_t len, uint32_t str_off)
{
    uint32_t h = qpg_hash(s, len);
    size_t mask = b->n_slots - 1, i = h & mask;
    for (; b->slots[i]; i = (i + 1) & mask) {
        gb_key *k = &b->keys[b->slots[i] - 1];
        if (k->hash == h && k->len == len && !memcmp(b->pool.data + k->str, s, len))
            return b->slots[i];
    }
    if ((b->n_keys + 1) * 2 > b->n_slots) {
        if (slots_rehash(b, b->n_slots * 2))
            return 0;
        return key_get(b, s, len, str_off);
    }
    if (grow((void **)&b->keys, &b->cap_keys, b->n_keys + 1, sizeof *b->keys))
        return 0;
    if (str_off == UINT32_MAX && (str_off = pool_add(b, s, len)) == UINT32_MAX)
        return 0;
    b->keys[b->n_keys] = (gb_key){str_off, (uint32_t)len, h, 0, 0};
    b->slots[i] = (uint32_t)++b->n_keys;
    return b->slots[i];
}

static int count_words(const char *s, size_t len)
{
    int n = len > 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == ' ';
    return n;
}

static int add_key(qp_gazetteer_builder *b, const char *s, size_t len, uint32_t place,
                   int derived, uint32_t key_flags)
{
    int words = count_words(s, len);
    if (words == 0 || words > GB_MAX_WORDS)
        return 0;
    uint32_t kid = key_get(b, s, len, UINT32_MAX);
    if (!kid)
        return QP_ENOMEM;
    gb_key *k = &b->keys[kid - 1];
    k->flags |= key_flags;
    uint32_t val = place | (derived ? QPG_POST_DERIVED : 0);
    /* a place's names come together, so a repeat is at the head */
    if (k->head && (b->posts[k->head - 1].val & QPG_POST_PLACE) == place) {
        if (!derived)
            b->posts[k->head - 1].val = place;
        return 0;
    }
    if (grow((void **)&b->posts, &b->cap_posts, b->n_posts + 1, sizeof *b->posts))
        return QP_ENOMEM;
    b->posts[b->n_posts] = (gb_post){val, k->head};
    k->head = (uint32_t)++b->n_posts;
    if (words > b->max_words)
        b->max_words = words;
    return 0;
}

/* Arabic articles as GeoNames and the press write them: "Al Qa'im", "Ar Raqqah", "Ash Shaddadi". */
static size_t article_len(const char *s, size_t len)
{
    static const char *const art[] = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash",
                                      "adh", "ath", "ad", "ed", "es", "er", "ez", "en", "et"};
    for (size_t i = 0; i < QP_ARRAY_LEN(art); i++) {
        size_t n = strlen(art[i]);
        if (len > n + 1 && s[n] == ' ' && !memcmp(s, art[i], n))
            return n;
    }
    return 0;
}

/* The key and its article variants: "al qaim" also as "alqaim" and (derived) "qaim". */
static int add_key_variants(qp_gazetteer_builder *b, const char *s, size_t len, uint32_t place,
                            uint32_t key_flags)
{
    int r = add_key(b, s, len, place, 0, key_flags);
    size_t a = article_len(s, len);
    /* a bare remainder of 3 letters ("bab", "hol") is too often something else */
    if (r || a == 0 || len - a - 1 < 4)
        return r;
    char joined[GB_MAX_NAME * 2];
    if (len >= sizeof joined)
        return 0;
    memcpy(joined, s, a);
    memcpy(joined + a, s + a + 1, len - a - 1);
    r = add_key(b, joined, len - 1, place, 1, 0);
    if (r == 0)
        r = add_key(b, s + a + 1, len - a - 1, place, 1, 0);
    return r;
}

/* "province de Deir Ezzor", "bande de Gaza", "al-Qaïm": a name of several words that starts
 * in lower case and has a capital further on is written so in running text. */
static int starts_lower_case(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    int first = 1, upper_after = 0;
    while (left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
        if (k < 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(c);
        if (first && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
            if (cat != UTF8PROC_CATEGORY_LL)
                return 0;
            first = 0;
        } else if (!first && cat == UTF8PROC_CATEGORY_LU) {
            upper_after = 1;
        }
        p += k;
        left -= k;
    }
    return upper_after;
}

int gb_add_name(qp_gazetteer_builder *b, long place, const char *name, size_t len)
{
    if (len == 0 || len > GB_MAX_NAME)
        return 0;
    qp_buf_clear(&b->f1);
    qp_buf_clear(&b->f2);
    int r1 = qp_fold(name, len, &b->f1);
    int r2 = qp_gazetteer_key(name, len, &b->f2);
    if (r1 == QP_ENOMEM || r2 == QP_ENOMEM)
        return QP_ENOMEM;
    int r = 0;
    uint32_t kf = starts_lower_case(name, len) ? QPG_KEY_LOWER : 0;
    if (r1 == 0 && b->f1.len)
        r = add_key_variants(b, b->f1.data, b->f1.len, (uint32_t)place,
                             count_words(b->f1.data, b->f1.len) > 1 ? kf : 0);
    if (r == 0 && r2 == 0 && b->f2.len &&
        (b->f2.len != b->f1.len || memcmp(b->f1.data, b->f2.data, b->f1.len)))
        r = add_key_variants(b, b->f2.data, b->f2.len, (uint32_t)place,
                             count_words(b->f2.data, b->f2.len) > 1 ? kf : 0);
    b->n_names++;
    return r;
}

int qp_gazetteer_builder_add_word(qp_gazetteer_builder *b, const char *w, size_t len, int kind)
{
    if (grow((void **)&b->common, &b->cap_common, b->n_common + 1, sizeof *b->common))
        return QP_ENOMEM;
    uint32_t off = (uint32_t)b->words.len;
    if (b->words.len + len > UINT32_MAX || qp_buf_append(&b->words, w, len))
        return QP_ENOMEM;
    b->common[b->n_common++] = (gb_word){off, (uint32_t)len, (uint32_t)kind};
    return 0;
}

int qp_gazetteer_builder_add_common_word(qp_gazetteer_builder *b, const char *w, size_t len)
{
    return qp_gazetteer_builder_add_word(b, w, len, QP_WORD_COMMON);
}

/* ---- writing ---- */

static int cmp_post_place(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a & QPG_POST_PLACE, y = *(const uint32_t *)b & QPG_POST_PLACE;
    return (x > y) - (x < y);
}

static int cmp_post_pop(const void *a, const void *b, void *places_)
{
    const qpg_place *places = places_;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint32_t px = places[x & QPG_POST_PLACE].population;
    uint32_t py = places[y & QPG_POST_PLACE].population;
    if (px != py)
        return px > py ? -1 : 1;
    return cmp_post_place(a, b);
}

static gb_key *key_find(qp_gazetteer_builder *b, const char *s, size_t len)
{
    uint32_t h = qpg_hash(s, len);
    size_t mask = b->n_slots - 1;
    for (size_t j = h & mask; b->slots[j]; j = (j + 1) & mask) {
        gb_key *k = &b->keys[b->slots[j] - 1];
        if (k->hash == h && k->len == len && !memcmp(b->pool.data + k->str, s, len))
            return k;
    }
    return NULL;
}

/* Marks the keys that are dictionary words, also behind an elided or short article:
 * "L'Union" (a town, and the EU in "l'Union européenne") is as common as "union". */
static void mark_words(qp_gazetteer_builder *b, int kind, uint32_t set, uint32_t clear)
{
    static const char *const art[] = {"", "l ", "d ", "le ", "la ", "les ", "the "};
    char key[128];
    for (size_t i = 0; i < b->n_common; i++) {
        if ((int)b->common[i].kind != kind)
            continue;
        qp_buf_clear(&b->f1);
        if (qp_fold(b->words.data + b->common[i].str, b->common[i].len, &b->f1) || !b->f1.len ||
            b->f1.len + 8 > sizeof key || memchr(b->f1.data, ' ', b->f1.len))
            continue;
        for (size_t a = 0; a < (kind == QP_WORD_COMMON ? QP_ARRAY_LEN(art) : 1); a++) {
            size_t n = strlen(art[a]);
            memcpy(key, art[a], n);
            memcpy(key + n, b->f1.data, b->f1.len);
            gb_key *k = key_find(b, key, n + b->f1.len);
            if (k)
                k->flags = (k->flags | set) & ~clear;
        }
    }
}

/* Common words, person names, and the prefix keys that let a matcher stop early. */
static int finish_keys(qp_gazetteer_builder *b, uint32_t *n_prefixes)
{
    mark_words(b, QP_WORD_COMMON, QPG_KEY_COMMON, 0);
    mark_words(b, QP_WORD_PERSON, QPG_KEY_PERSON, 0);
    mark_words(b, QP_WORD_PLACE, 0, QPG_KEY_PERSON);  /* "Florence" */
    size_t n_names = b->n_keys;
    *n_prefixes = 0;
    for (size_t k = 0; k < n_names; k++) {
        uint32_t str = b->keys[k].str, len = b->keys[k].len;
        for (uint32_t i = 1; i < len; i++) {
            if (b->pool.data[str + i] != ' ')
                continue;
            size_t before = b->n_keys;
            uint32_t pid = key_get(b, b->pool.data + str, i, str);
            if (!pid)
                return QP_ENOMEM;
            b->keys[pid - 1].flags |= QPG_KEY_PREFIX;
            *n_prefixes += b->n_keys > before;
        }
    }
    return 0;
}

/* Flattens the posting lists: one per key, duplicates and shadowed variants dropped,
 * most populous first. */
static int flatten_postings(qp_gazetteer_builder *b, uint32_t **out, uint32_t *n_out,
                            qpg_key *fkeys)
{
    uint32_t *flat = malloc((b->n_posts + 1) * sizeof *flat);
    if (!flat)
        return QP_ENOMEM;
    uint32_t n = 0;
    for (size_t k = 0; k < b->n_keys; k++) {
        gb_key *key = &b->keys[k];
        uint32_t start = n;
        int has_plain = 0;
        for (uint32_t p = key->head; p; p = b->posts[p - 1].next) {
            flat[n++] = b->posts[p - 1].val;
            has_plain |= !(b->posts[p - 1].val & QPG_POST_DERIVED);
        }
        /* by place, so repeats (a lexicon naming a GeoNames place again) are neighbours */
        qp_sort(flat + start, n - start, sizeof *flat, cmp_post_place);
        uint32_t w = start;
        for (uint32_t j = start; j < n; j++) {
            if (w > start && (flat[w - 1] & QPG_POST_PLACE) == (flat[j] & QPG_POST_PLACE))
                flat[w - 1] &= flat[j] | QPG_POST_PLACE;  /* a plain name beats a variant */
            else
                flat[w++] = flat[j];
        }
        n = w;
        /* "qaim" from "Al Qa'im" must not compete with a place really called Qaim */
        if (has_plain) {
            w = start;
            for (uint32_t j = start; j < n; j++)
                if (!(flat[j] & QPG_POST_DERIVED))
                    flat[w++] = flat[j];
            n = w;
        }
        qsort_r(flat + start, n - start, sizeof *flat, cmp_post_pop, b->places);
        fkeys[k] = (qpg_key){key->str, key->len, key->hash, start, n - start, key->flags};
    }
    *out = flat;
    *n_out = n;
    return 0;
}

static int write_padded(FILE *f, const void *p, size_t n, uint64_t *off)
{
    static const char zeros[8];
    if (n && fwrite(p, 1, n, f) != n)
        return QP_EIO;
    size_t pad = (8 - n % 8) % 8;
    if (pad && fwrite(zeros, 1, pad, f) != pad)
        return QP_EIO;
    *off += n + pad;
    return 0;
}

/* Checksums the body of the written file and puts the final header in place. */
static int seal(FILE *f, qpg_header *h)
{
    if (fflush(f))
        return QP_EIO;
    int fd = fileno(f);
    void *map = mmap(NULL, h->file_size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        return QP_EIO;
    h->checksum = qpg_checksum((const unsigned char *)map + sizeof *h, h->file_size - sizeof *h);
    munmap(map, h->file_size);
    h->header_check = qpg_checksum((const unsigned char *)h, offsetof(qpg_header, header_check));
    if (pwrite(fd, h, sizeof *h, 0) != (ssize_t)sizeof *h || fsync(fd))
        return QP_EIO;
    return 0;
}

int qp_gazetteer_builder_write(qp_gazetteer_builder *b, const char *path,
                               qp_gazetteer_build_stats *stats)
{
    if (b->n_places == 0)
        return QP_EEMPTY;
    uint32_t n_prefixes = 0, n_flat = 0, *flat = NULL, *slots = NULL;
    qpg_key *fkeys = NULL;
    FILE *f = NULL;
    char *tmp = NULL;
    int r = finish_keys(b, &n_prefixes);
    if (r)
        goto cleanup;
    r = QP_ENOMEM;
    fkeys = malloc((b->n_keys + 1) * sizeof *fkeys);
    size_t n_slots = 16;
    while (n_slots < b->n_keys * 2)
        n_slots *= 2;
    slots = calloc(n_slots, sizeof *slots);
    tmp = malloc(strlen(path) + 32);
    if (!fkeys || !slots || !tmp)
        goto cleanup;
    if ((r = flatten_postings(b, &flat, &n_flat, fkeys)))
        goto cleanup;
    for (size_t k = 0; k < b->n_keys; k++) {
        size_t i = fkeys[k].hash & (n_slots - 1);
        while (slots[i])
            i = (i + 1) & (n_slots - 1);
        slots[i] = (uint32_t)k + 1;
    }
    qpg_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, QPG_MAGIC, 8);
    h.version = QPG_VERSION;
    h.endian = QPG_ENDIAN;
    h.n_places = (uint32_t)b->n_places;
    h.n_keys = (uint32_t)b->n_keys;
    h.n_slots = (uint32_t)n_slots;
    h.n_postings = n_flat;
    h.max_words = (uint32_t)b->max_words;
    h.n_curated = b->n_curated;
    h.created = (int64_t)time(NULL);
    uint64_t off = sizeof h;
    h.places_off = off;
    off += (b->n_places * sizeof(qpg_place) + 7) / 8 * 8;
    h.keys_off = off;
    off += (b->n_keys * sizeof(qpg_key) + 7) / 8 * 8;
    h.slots_off = off;
    off += (n_slots * 4 + 7) / 8 * 8;
    h.postings_off = off;
    off += ((uint64_t)n_flat * 4 + 7) / 8 * 8;
    h.pool_off = off;
    h.pool_size = b->pool.len;
    off += (b->pool.len + 7) / 8 * 8;
    h.file_size = off;
    if (off > UINT32_MAX * 4ull) {
        r = QP_ETOOBIG;
        goto cleanup;
    }
    snprintf(tmp, strlen(path) + 32, "%s.tmp.%ld", path, (long)getpid());
    f = fopen(tmp, "w+b");
    if (!f) {
        r = QP_EIO;
        goto cleanup;
    }
    uint64_t pos = 0;
    if ((r = write_padded(f, &h, sizeof h, &pos)) ||
        (r = write_padded(f, b->places, b->n_places * sizeof(qpg_place), &pos)) ||
        (r = write_padded(f, fkeys, b->n_keys * sizeof(qpg_key), &pos)) ||
        (r = write_padded(f, slots, n_slots * 4, &pos)) ||
        (r = write_padded(f, flat, (size_t)n_flat * 4, &pos)) ||
        (r = write_padded(f, b->pool.data, b->pool.len, &pos)))
        goto cleanup;
    if (pos != h.file_size || (r = seal(f, &h))) {
        r = QP_EIO;
        goto cleanup;
    }
    if (fclose(f)) {
        f = NULL;
        r = QP_EIO;
        goto cleanup;
    }
    f = NULL;
    if (rename(tmp, path)) {
        r = QP_EIO;
        goto cleanup;
    }
    if (stats) {
        qp_gazetteer_builder_stats(b, stats);
        stats->keys = (uint32_t)b->n_keys;
        stats->prefixes = n_prefixes;
        stats->postings = n_flat;
    }
    r = 0;
cleanup:
    if (f)
        fclose(f);
    if (r && tmp)
        unlink(tmp);
    free(tmp);
    free(fkeys);
    free(slots);
    free(flat);
    return r;
}
