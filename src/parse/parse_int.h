/* parse_int.h — what the parser's files share: feature hashing, weight tables, the model. */
#ifndef QP_PARSE_INT_H
#define QP_PARSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "parse.h"

/* Tags the parser sees: the 17 UPOS, then "no word here" and the root. */
#define PX_TAG_NONE QP_UPOS_COUNT
#define PX_TAG_ROOT (QP_UPOS_COUNT + 1)
#define PX_NTAGS (QP_UPOS_COUNT + 2)
/* Tagger classes: the 17 UPOS, VERB and AUX standing for finite (or unmarked) forms, then
 * verbs and auxiliaries by form, told apart in context ("airstrikes destroyed" is finite,
 * "positions destroyed by" a participle): the parser's fine tag and the features read it. */
enum { PX_VF_OTHER, PX_VF_INF, PX_VF_PPAST, PX_VF_PPRES, PX_NVF };
#define PX_NCLASS (QP_UPOS_COUNT + 2 * (PX_NVF - 1))
/* The class of a word of a treebank. */
int px_class_of(int upos, const char *feats);
/* The UPOS of a class. */
int px_class_upos(int cls);
/* The verb form of a class (PX_VF_OTHER for any other part of speech). */
int px_class_vform(int cls);
/* The verb form a FEATS string says. */
int px_feats_vform(const char *feats);
/* Relations a model knows (model labels index them); a label byte of PX_LABEL_NONE is none. */
#define PX_MAX_LABELS 64
#define PX_LABEL_NONE 255
/* Transitions of the arc-hybrid system (Kuhlmann et al. 2011). */
enum { PX_SHIFT, PX_LEFT, PX_RIGHT, PX_NTRANS };
/* Classes of the contraction classifier: keep the surface word, or split it. */
enum { PX_KEEP, PX_SPLIT, PX_NSPLIT };

/* ---- hashing: every feature is a 64-bit hash of its template number and values ---- */

static inline uint64_t px_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
    return h;
}
static inline uint64_t px_f1(uint64_t t, uint64_t a) { return px_mix(px_mix(t * 0x94D049BB133111EBull, a), 1); }
static inline uint64_t px_f2(uint64_t t, uint64_t a, uint64_t b) { return px_mix(px_f1(t, a), b); }
static inline uint64_t px_f3(uint64_t t, uint64_t a, uint64_t b, uint64_t c) { return px_mix(px_f2(t, a, b), c); }
static inline uint64_t px_f4(uint64_t t, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return px_mix(px_f3(t, a, b, c), d);
}

/* FNV-1a over the bytes, mixed: the value of a string in a feature. */
uint64_t px_hash_bytes(const char *s, size_t n);

/* ---- weight tables: feature hash -> one int16 weight per class ---- */

/* Open addressing on the hash's low bits. Dense tables (few classes: transitions, tags) keep
 * in each slot 16 bits of the hash (low bit forced to 1, so 0 is an empty slot) and the row of
 * weights: a transition's slot is 8 bytes. Sparse tables (many classes, few of them weighted
 * for any one feature: labels) keep 32 bits of the hash and the offset of a row that lists
 * (class, weight) pairs. */
typedef struct px_table {
    uint32_t nslots;       /* a power of two, or 0 for an empty table */
    uint16_t nclass;       /* classes scored */
    uint16_t stride;       /* dense: weights per slot after the fingerprint (odd) */
    uint32_t sparse;
    uint32_t nrowdata;     /* sparse: uint16 in rows */
    const uint16_t *slots; /* dense: [fp16, stride x int16]; sparse: [fp32, offset32] as uint16 pairs */
    const uint16_t *rows;  /* sparse: [count, count x (class, weight)] */
} px_table;

/* Reads a table section written by tw_export; 0, or -1 when it is malformed. */
int px_table_read(px_table *t, const uint8_t *p, uint64_t size);

/* The dense row, or sparse row, of feature h; NULL when the table does not have it. */
static inline const uint16_t *px_find(const px_table *t, uint64_t h)
{
    uint32_t mask = t->nslots - 1, i = (uint32_t)h & mask;
    if (t->sparse) {
        const uint32_t *slots = (const uint32_t *)(const void *)t->slots;
        uint32_t fp = (uint32_t)(h >> 32) | 1u;
        for (;;) {
            uint32_t k = slots[2 * (size_t)i];
            if (k == fp)
                return t->rows + slots[2 * (size_t)i + 1];
            if (!k)
                return NULL;
            i = (i + 1) & mask;
        }
    }
    uint16_t fp = (uint16_t)((h >> 48) | 1u);
    size_t width = 1 + (size_t)t->stride;
    for (;;) {
        const uint16_t *s = t->slots + (size_t)i * width;
        if (*s == fp)
            return s + 1;
        if (!*s)
            return NULL;
        i = (i + 1) & mask;
    }
}

/* Adds the weights of the n features to scores[0, t->nclass). The slots are fetched from
 * memory all at once before any is read: the look-ups miss the cache, and so overlap. */
static inline void px_score(const px_table *t, const uint64_t *feats, size_t n, int32_t *scores)
{
    if (!t->nslots)
        return;
    uint32_t mask = t->nslots - 1;
    size_t width = t->sparse ? 2 : 1 + (size_t)t->stride;
    for (size_t f = 0; f < n; f++)
        __builtin_prefetch(t->slots + ((uint32_t)feats[f] & mask) * width);
    if (t->sparse) {
        const uint16_t *rows[128];
        size_t nr = 0;
        for (size_t f = 0; f < n && nr < 128; f++) {
            const uint16_t *row = px_find(t, feats[f]);
            if (row) {
                __builtin_prefetch(row);
                rows[nr++] = row;
            }
        }
        for (size_t r = 0; r < nr; r++) {
            const uint16_t *row = rows[r];
            for (uint16_t k = 0; k < row[0]; k++)
                scores[row[1 + 2 * k]] += (int16_t)row[2 + 2 * k];
        }
        return;
    }
    /* the two widths of dense tables get loops of a known length, which the compiler unrolls */
    if (t->nclass == PX_NTRANS) {
        for (size_t f = 0; f < n; f++) {
            const uint16_t *row = px_find(t, feats[f]);
            if (row)
                for (int c = 0; c < PX_NTRANS; c++)
                    scores[c] += (int16_t)row[c];
        }
        return;
    }
    if (t->nclass == PX_NCLASS) {
        for (size_t f = 0; f < n; f++) {
            const uint16_t *row = px_find(t, feats[f]);
            if (row)
                for (int c = 0; c < PX_NCLASS; c++)
                    scores[c] += (int16_t)row[c];
        }
        return;
    }
    int nc = t->nclass;
    for (size_t f = 0; f < n; f++) {
        const uint16_t *row = px_find(t, feats[f]);
        if (row)
            for (int c = 0; c < nc; c++)
                scores[c] += (int16_t)row[c];
    }
}

/* ---- maps: hash -> three uint32 values (lemma and feature look-ups, the vocabulary) ---- */

typedef struct px_map {
    uint32_t nslots;       /* a power of two, or 0 */
    const uint32_t *slots; /* [fp, v0, v1, v2] */
} px_map;

static inline const uint32_t *px_map_find(const px_map *m, uint64_t h)
{
    if (!m->nslots)
        return NULL;
    uint32_t fp = (uint32_t)(h >> 32) | 1u, mask = m->nslots - 1, i = (uint32_t)h & mask;
    for (;;) {
        const uint32_t *s = m->slots + 4 * (size_t)i;
        if (*s == fp)
            return s + 1;
        if (!*s)
            return NULL;
        i = (i + 1) & mask;
    }
}

/* ---- the external lexicon: lower-case form -> word classes (tools/lexparse) ---- */

/* Classes, a bit each, from WordNet (English) or hunspell-fr (French). */
enum {
    PX_LEX_EN_NOUN = 1 << 0, PX_LEX_EN_NOUN_PL = 1 << 1, PX_LEX_EN_VERB = 1 << 2, PX_LEX_EN_VERB_S = 1 << 3,
    PX_LEX_EN_VERB_ED = 1 << 4, PX_LEX_EN_VERB_ING = 1 << 5, PX_LEX_EN_ADJ = 1 << 6, PX_LEX_EN_ADJ_CMP = 1 << 7,
    PX_LEX_EN_ADV = 1 << 8,
    PX_LEX_FR_NOUN = 1 << 0, PX_LEX_FR_ADJ = 1 << 1, PX_LEX_FR_VINF = 1 << 2, PX_LEX_FR_VPPAS = 1 << 3,
    PX_LEX_FR_VPPRE = 1 << 4, PX_LEX_FR_VFIN = 1 << 5, PX_LEX_FR_PROPN = 1 << 6, PX_LEX_FR_ADV = 1 << 7,
    PX_LEX_FR_CLOSED = 1 << 8, PX_LEX_FR_PLURAL = 1 << 9,
};

/* One uint32 a slot: 20 bits of the form's hash (low bit 1; 0 is empty) over 12 bits of class. */
typedef struct px_lexicon {
    uint32_t nslots;       /* a power of two, or 0 */
    const uint32_t *slots;
} px_lexicon;

static inline uint32_t px_lexicon_slot(uint64_t h, uint32_t cls)
{
    return (((uint32_t)(h >> 44) | 1u) << 12) | (cls & 0xfff);
}

/* The classes of the form whose px_hash_bytes is h; 0 when unknown. */
static inline uint32_t px_lexicon_find(const px_lexicon *l, uint64_t h)
{
    if (!l->nslots)
        return 0;
    uint32_t fp = (uint32_t)(h >> 44) | 1u, mask = l->nslots - 1, i = (uint32_t)h & mask;
    for (;;) {
        uint32_t s = l->slots[i];
        if (!s)
            return 0;
        if (s >> 12 == fp)
            return s & 0xfff;
        i = (i + 1) & mask;
    }
}

/* ---- the model of one language ---- */

typedef struct px_model {
    void *map;                         /* the mapped file */
    size_t mapsize;
    qp_lang lang;
    uint32_t nlabels;
    uint8_t label_rel[PX_MAX_LABELS];  /* model label -> qp_deprel */
    int16_t rel_label[QP_DEP_COUNT];   /* qp_deprel -> model label, or -1 */
    uint32_t root_label;
    px_table tagger, trans, labels, split;
    const uint64_t *cands;             /* [PX_NTAGS][PX_NTAGS][2] label sets: head tag, dependent
                                          tag, dependent right of its head */
    px_map vocab;                      /* words frequent enough for the parser's word features */
    px_map forms;                      /* (form, upos) -> lemma, feats (exact, then lower case) */
    px_map suffixes;                   /* (suffix, upos) -> added ending, feats, bytes stripped */
    px_lexicon lexicon;                /* lower-case form -> classes of the external lexicon */
    const uint32_t *upos_feats;        /* per tagger class: the commonest feats (string offsets) */
    const char *strings;               /* NUL-terminated strings, by offset */
    uint32_t nstrings;
} px_model;

/* Reads a lexicon section (as tools/lexparse writes it); 0, or -1 when it is malformed. */
int px_lexicon_read(px_lexicon *l, const uint8_t *p, uint64_t size);
/* Maps path and checks it; 0, QP_EIO, QP_ELEXICON (err says why) or QP_ENOMEM. */
int px_model_load(px_model *m, const char *path, char *err, size_t errlen);
void px_model_unload(px_model *m);

/* Section numbers of the model file. */
enum {
    PX_SEC_LABELS = 1, PX_SEC_TAGGER, PX_SEC_TRANS, PX_SEC_LABELW, PX_SEC_SPLIT, PX_SEC_CANDS,
    PX_SEC_VOCAB, PX_SEC_FORMS, PX_SEC_SUFFIXES, PX_SEC_LEXICON, PX_SEC_UPOSFEATS, PX_SEC_STRINGS,
    PX_SEC_COUNT
};
#define PX_MAGIC "QPPARSE\x01"
#define PX_VERSION 1u

/* ---- what tagging and parsing know of a word ---- */

#define PX_NSUF 4
typedef struct px_wfeat {
    uint64_t lower;          /* the lower-cased form */
    uint64_t exact;          /* the form as written */
    uint64_t suf[PX_NSUF];   /* its last 1..4 characters, lower case */
    uint64_t pre[2];         /* its first 1..2 characters, lower case */
    uint64_t pw;             /* the parser's word: lower, or its shape when the word is rare */
    uint32_t shape;          /* capitals, digits, punctuation: a small number */
    uint32_t lex;            /* classes from the external lexicon (0: unknown to it) */
    uint32_t fine;           /* the tag refined by features (px_fine_tag), set after lemmas */
    uint8_t cls;             /* the tagger's class (PX_NCLASS) */
} px_wfeat;

/* Fills f[0,n) from the forms of w (lower-cases into the arena as needed). vocab NULL: pw
 * is lower for every word (training counts them first). 0 or QP_ENOMEM. */
int px_word_features(const px_model *m, const qp_word *w, size_t n, px_wfeat *f, qp_arena *a);
/* The lower-case of s (UTF-8) in the arena. */
char *px_lower(const char *s, qp_arena *a);

/* ---- tagger (tagger.c) ---- */

/* At most this many features per tagged word. */
#define PX_TAG_FEATS 32
/* The features of word i given the tags chosen for words i-1 and i-2; returns how many. */
size_t px_tag_features(const px_wfeat *f, size_t n, size_t i, int tm1, int tm2, uint64_t *out);
/* Tags w[0,n) greedily left to right with m's tagger: sets upos, and f's cls. 0 or QP_ENOMEM. */
int px_tag(const px_model *m, px_wfeat *f, qp_word *w, size_t n, qp_arena *a);
/* Sets lemma and feats of w[0,n) (tagged, f's cls set) from m's tables: a verb's features
 * agree with the form its class says. 0 or QP_ENOMEM. */
int px_lemmatize(const px_model *m, const px_wfeat *f, qp_word *w, size_t n, qp_arena *a);
/* A finer tag than UPOS for the parser: the part of speech with the verb form, tense, mood,
 * pronoun type and possessive of feats (a participle is not a finite verb, nor a relative
 * pronoun a personal one). */
uint32_t px_fine_tag(int upos, const char *feats, int cls);
/* The lemma-rule key of a lower-case suffix of k bytes and a tag. */
uint64_t px_suffix_key(const char *suffix, size_t k, int upos);
/* The form key of a form (exact or lower case) and a tag. */
uint64_t px_form_key(const char *form, int upos, int lower);

/* ---- parser (parser.c) ---- */

/* The state of the arc-hybrid system over n words, the root being word n. */
typedef struct px_state {
    int n;
    int *stack;
    int sp;
    int b;
    int *head;                 /* [n+1], -1: none yet; n: the root */
    uint8_t *label;            /* model label of the arc to the head */
    int *lc1, *lc2, *rc1, *rc2; /* leftmost, second leftmost, rightmost, second rightmost child */
    uint8_t *nl, *nr;          /* children on each side (saturating) */
    uint64_t *lset, *rset;     /* labels of the children on each side */
} px_state;

/* Allocates a state for n words in the arena; 0 or QP_ENOMEM. */
int px_state_init(px_state *s, int n, qp_arena *a);
int px_state_final(const px_state *s);
int px_valid(const px_state *s, int t);
/* Applies transition t with label (PX_LABEL_NONE for a shift). */
void px_apply(px_state *s, int t, int label);
/* What each transition would cost given the gold heads gh (the root is n): the gold arcs it
 * makes unreachable; -1 for an invalid one. Exact for projective trees (Goldberg and Nivre's
 * dynamic oracle for arc-hybrid). */
void px_costs(const px_state *s, const int *gh, int cost[PX_NTRANS]);
/* The dependent and head transition t would join (-1 for a shift). */
void px_arc_of(const px_state *s, int t, int *dep, int *head);

#define PX_PARSE_FEATS 96
#define PX_LABEL_FEATS 32
/* The transition features of the state; tags[n] must be PX_TAG_ROOT. Returns how many. */
size_t px_parse_features(const px_state *s, const px_wfeat *f, const uint8_t *tags, uint64_t *out);
/* The label features of an arc from head to dep in state s. */
size_t px_label_features(const px_state *s, const px_wfeat *f, const uint8_t *tags, int head, int dep,
                         uint64_t *out);
/* The candidate labels of an arc (a set of model labels). */
uint64_t px_label_cands(const px_model *m, const uint8_t *tags, int head, int dep, int n);
/* The best label of the arc among cands, given its scores. */
int px_best_label(const int32_t *scores, uint64_t cands, int nlabels);
/* Parses the tagged words w[0,n) with m: sets head and deprel. 0 or QP_ENOMEM. */
int px_parse(const px_model *m, const px_wfeat *f, qp_word *w, size_t n, qp_arena *a);

/* ---- contractions (segment.c) ---- */

/* The model of lang in p, or NULL (parse.c). */
const px_model *px_parser_model(const qp_parser *p, qp_lang lang);

/* The features of the surface word i (lower case) for the keep-or-split classifier; m gives
 * the lexicon's classes of the words before it. */
size_t px_split_features(const px_model *m, const char *const *lower_forms, size_t n, size_t i, uint64_t *out);
#define PX_SPLIT_FEATS 12

#endif
