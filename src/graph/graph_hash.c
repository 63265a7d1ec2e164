/* graph_hash.c — the two hash tables the graph aggregates with: strings and 64-bit keys. */
#include "graph_int.h"

#include <stdlib.h>
#include <string.h>

#include "qp.h"

/* ---- string map ---- */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

void qp_strmap_init(qp_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void qp_strmap_destroy(qp_strmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static size_t strmap_slot(const qp_strmap *m, const char *key)
{
    size_t mask = m->cap - 1, i = (size_t)hash_str(key) & mask;
    while (m->keys[i] && strcmp(m->keys[i], key))
        i = (i + 1) & mask;
    return i;
}

uint32_t qp_strmap_get(const qp_strmap *m, const char *key)
{
    if (!m->cap)
        return UINT32_MAX;
    size_t i = strmap_slot(m, key);
    return m->keys[i] ? m->vals[i] : UINT32_MAX;
}

const char *qp_strmap_key(const qp_strmap *m, const char *key)
{
    return m->cap ? m->keys[strmap_slot(m, key)] : NULL;
}

static int strmap_grow(qp_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    qp_strmap n = {calloc(cap, sizeof *n.keys), malloc(cap * sizeof *n.vals), cap, 0};
    if (!n.keys || !n.vals) {
        free(n.keys);
        free(n.vals);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = strmap_slot(&n, m->keys[i]);
            n.keys[j] = m->keys[i];
            n.vals[j] = m->vals[i];
            n.len++;
        }
    qp_strmap_destroy(m);
    *m = n;
    return 0;
}

int qp_strmap_put(qp_strmap *m, const char *key, uint32_t val)
{
    if ((m->len + 1) * 4 > m->cap * 3 && strmap_grow(m))
        return QP_ENOMEM;
    size_t i = strmap_slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->len++;
    }
    m->vals[i] = val;
    return 0;
}

/* ---- (source, target, relation) -> edge map ---- */


static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

static int qp_u64map_grow(qp_u64map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = malloc(cap * sizeof *keys);
    uint32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return QP_ENOMEM;
    }
    memset(keys, 0xff, cap * sizeof *keys);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] != UINT64_MAX) {
            size_t j = (size_t)mix64(m->keys[i]) & (cap - 1);
            while (keys[j] != UINT64_MAX)
                j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            vals[j] = m->vals[i];
        }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

uint32_t qp_u64map_upsert(qp_u64map *m, uint64_t key, uint32_t next_val, int *added)
{
    *added = 0;
    if ((m->len + 1) * 2 > m->cap && qp_u64map_grow(m))
        return UINT32_MAX;
    size_t i = (size_t)mix64(key) & (m->cap - 1);
    while (m->keys[i] != UINT64_MAX) {
        if (m->keys[i] == key)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = next_val;
    m->len++;
    *added = 1;
    return next_val;
}

