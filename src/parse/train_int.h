/* train_int.h — the training machinery shared by train.c and train_model.c. */
#ifndef QP_TRAIN_INT_H
#define QP_TRAIN_INT_H

#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "conllu.h"
#include "parse_int.h"
#include "train.h"

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

/* ---- the trainer, shared by train_model.c (data, tables, file) and train_passes.c ---- */

/* One training sentence and what is computed once for it. */
typedef struct tsent {
    qp_word *w;
    size_t n;
    px_wfeat *f;
    uint8_t *tags;       /* tags the parser learns on: predicted by a tagger that has not seen it */
    uint8_t *cls;        /* their tagger classes */
    uint8_t *gold_cls;   /* the classes of the treebank */
    int *gold_head;      /* projective; the root is n */
    uint8_t *gold_label; /* model labels */
    const char **surface;/* lower-case surface tokens (contractions whole), for the contraction classifier */
    uint8_t *split;      /* per surface token: a contraction made of several words */
    size_t nsurface;
} tsent;

typedef struct trainer {
    const qp_train_options *o;
    qp_conllu_sentence *held;         /* sentences kept out for scoring (holdout) */
    size_t nheld, capheld;
    qp_arena arena;
    tsent *s;
    size_t ns, caps;
    px_model m;                       /* what the features read: the vocabulary, the lexicon */
    uint32_t *vocab_slots, *forms_slots, *suffix_slots;
    uint32_t upos_feats[PX_NCLASS];
    int nlabels;
    int root_label;
    uint8_t label_rel[PX_MAX_LABELS];
    int16_t rel_label[QP_DEP_COUNT];
    uint64_t cands[PX_NTAGS * PX_NTAGS * 2];
    uint64_t rng;
    qp_buf sec[PX_SEC_COUNT];
    string_pool strings;
    char *err;
    size_t errlen;
} trainer;

void tr_say(const trainer *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
uint64_t tr_rng_next(uint64_t *s);
void tr_shuffle(size_t *v, size_t n, uint64_t *rng);
double tr_cpu_seconds(void);

/* The passes, in the order qp_train_model runs them; each 0, QP_ENOMEM or QP_EINVAL. */
int tr_make_split(trainer *t);      /* contractions: keep or split */
int tr_make_tagger(trainer *t);     /* the tagger, and jackknifed tags for the parser */
int tr_make_fine_tags(trainer *t);  /* fine tags from the lemmatiser under those tags */
int tr_make_cands(trainer *t);      /* labels allowed per (head tag, dependent tag, side) */
int tr_make_parser(trainer *t);     /* transitions and labels */

#endif
