/* train_int.h — the training machinery shared by train.c and train_model.c. */
#ifndef QP_TRAIN_INT_H
#define QP_TRAIN_INT_H

#include <stdint.h>

#include "buf.h"
#include "parse_int.h"

/* Perceptron weights while training: exact 64-bit keys, integer weights, and per weight the
 * sum of (time x change) that gives the average at the end (w - u / clock). */
typedef struct tw_table {
    int nclass;
    uint64_t *keys;   /* open addressing; 0 is empty (a key of 0 is stored as 1) */
    uint32_t *idx;    /* row of each slot */
    size_t nslots;
    int32_t *w;       /* nrows x nclass */
    int64_t *u;
    size_t nrows, caprows;
    int64_t clock;    /* updates are stamped with it; the caller advances it */
} tw_table;

int tw_init(tw_table *t, int nclass);
void tw_destroy(tw_table *t);
void tw_score(const tw_table *t, const uint64_t *feats, size_t n, int32_t *scores);
int tw_update(tw_table *t, const uint64_t *feats, size_t n, int good, int bad, int64_t c);
/* Appends the averaged table as a model section (px_table layout: sparse or dense), weights
 * scaled to int16 (the largest is 32000), without those within prune of 0; *kept_rows: rows
 * written. */
int tw_export(const tw_table *t, int sparse, int prune, qp_buf *out, size_t *kept_rows);

/* Strings of the model, each stored once. */
typedef struct string_pool {
    qp_buf text;      /* NUL-terminated strings end to end; "_" at offset 0 */
    uint32_t *slots;  /* offset + 1, 0 empty */
    size_t nslots, count;
} string_pool;

int sp_init(string_pool *sp);
void sp_destroy(string_pool *sp);
uint32_t sp_add(string_pool *sp, const char *s);

typedef struct map_entry {
    uint64_t key;
    uint32_t v[3];
} map_entry;

typedef struct map_builder {
    map_entry *e;
    size_t n, cap;
} map_builder;

int mb_add(map_builder *mb, uint64_t key, uint32_t v0, uint32_t v1, uint32_t v2);
int mb_build(const map_builder *mb, qp_buf *out, uint32_t **slots_out, uint32_t *nslots_out);

/* Writes the sections (index PX_SEC_*, 0 unused) as a model file. */
int mf_write(const char *path, qp_lang lang, qp_buf sections[PX_SEC_COUNT], char *err, size_t errlen);

#endif
