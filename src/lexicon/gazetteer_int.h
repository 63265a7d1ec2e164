/* gazetteer_int.h — the compiled gazetteer's on-disk layout, shared by the reader and the importer. */
#ifndef QP_GAZETTEER_INT_H
#define QP_GAZETTEER_INT_H

#include <stddef.h>
#include <stdint.h>

/* File: header | places | keys | slots | postings | string pool, each section 8-aligned,
 * native byte order (the endian mark rejects a file from another architecture). Everything
 * is read in place from a read-only mmap, so opening costs a header check and no parsing. */
#define QPG_MAGIC "QPGAZ\r\n\032"  /* 8 bytes; \r\n and ^Z catch text-mode mangling */
#define QPG_VERSION 2u  /* 2: coordinates as doubles */
#define QPG_ENDIAN 0x01020304u

typedef struct qpg_header {
    char magic[8];
    uint32_t version, endian;
    uint64_t file_size;
    uint64_t checksum;        /* qpg_checksum() of every byte after the header */
    uint32_t n_places, n_keys, n_slots, n_postings;
    uint32_t max_words, n_curated;
    uint64_t places_off, keys_off, slots_off, postings_off, pool_off, pool_size;
    int64_t created;
    uint64_t header_check;    /* qpg_checksum() of the header bytes before this field */
} qpg_header;
_Static_assert(sizeof(qpg_header) == 120, "qpg_header is on disk: no padding");

/* A place; strings are offsets of NUL-terminated UTF-8 in the pool. */
typedef struct qpg_place {
    double lat, lon;      /* as GeoNames writes them; floats printed 34.392509460449219 */
    uint32_t id;          /* GeoNames id, 0 for none */
    uint32_t label;       /* pool offset */
    uint32_t admin1;      /* pool offset ("" when none) */
    uint32_t synthetic;   /* pool offset of "quipu:<slug>", 0 when none (offset 0 is "") */
    uint32_t population;
    char country[2];
    char fclass;
    uint8_t flags;        /* QPG_PLACE_* */
    char fcode[8];        /* NUL-padded */
} qpg_place;

enum { QPG_PLACE_CURATED = 1 };
_Static_assert(sizeof(qpg_place) == 48, "qpg_place is on disk: no padding");

/* An indexed folded token sequence. */
typedef struct qpg_key {
    uint32_t str;         /* pool offset */
    uint32_t len;
    uint32_t hash;        /* qpg_hash() of the string, checked before comparing */
    uint32_t post;        /* first posting */
    uint32_t n_post;      /* 0 for a key that is only a prefix */
    uint32_t flags;       /* QPG_KEY_* */
} qpg_key;

/* LOWER: some source writes the name starting in lower case ("province de Deir Ezzor");
 * PERSON: the name is a first name or surname ("Warren") */
enum { QPG_KEY_PREFIX = 1, QPG_KEY_COMMON = 2, QPG_KEY_LOWER = 4, QPG_KEY_PERSON = 8 };
_Static_assert(sizeof(qpg_key) == 24, "qpg_key is on disk: no padding");

/* A posting: place index, high bit set when the name is only a derived variant. */
#define QPG_POST_DERIVED 0x80000000u
#define QPG_POST_PLACE 0x7fffffffu

/* Slots: open addressing, linear probing, n_slots a power of two; 0 = empty, else key+1. */

/* FNV-1a, 32 bits: keys are short, so it is quick and spreads well enough at load <= 1/2. */
static inline uint32_t qpg_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Word-wise multiply-rotate sum: ~10 GB/s, enough to notice a truncated or damaged body. */
static inline uint64_t qpg_checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h = (h << 29) | (h >> 35);
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h ^ (h >> 31);
}

#endif
