/* gazetteer.h — places: look up a folded name in the compiled GeoNames gazetteer and choose. */
#ifndef QP_GAZETTEER_H
#define QP_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef struct qp_gazetteer qp_gazetteer;

/* One place a name may stand for. Strings point into the mapped file: valid until close. */
typedef struct qp_place_cand {
    uint32_t geonames_id;    /* 0 when the place has none (see synthetic_id) */
    const char *synthetic_id;/* "quipu:<slug>" for places.json entries without id, else NULL */
    const char *name;        /* label: GeoNames ASCII name, or the lexicon's English label */
    const char *admin1;      /* GeoNames admin1 code ("" when unknown) */
    char country[3];         /* ISO 3166 alpha-2, "" when none */
    char feature_class;      /* GeoNames class: 'P' populated place, 'A' division, 'L' region */
    char feature_code[11];   /* "PPLC", "PPLA", "ADM1", "PCLI", "RGN", ... */
    uint32_t population;     /* 0 when unknown */
    double lat, lon;
    unsigned match;          /* QP_PLACE_* bits saying how the name matched */
} qp_place_cand;

/* How a name matched a place (qp_place_cand.match). */
enum {
    QP_PLACE_DERIVED = 1u, /* only through a variant: Arabic article dropped ("qaim") or joined */
    QP_PLACE_COMMON = 2u,  /* the name is also a common French or English word ("orange") */
    QP_PLACE_CURATED = 4u, /* the place comes from lexicon/places.json or countries.json */
    QP_PLACE_LOWER_OK = 8u,/* the name starts in lower case ("province de Deir Ezzor") */
    QP_PLACE_PERSON = 16u, /* the name is also a first name or surname ("Warren", "Hassan") */
    QP_PLACE_ONE_WORD = 32u,/* the name is a single token */
};

/* What qp_gazetteer_probe() says of a folded token sequence. */
enum {
    QP_GAZ_NAME = 1,   /* it is a name: qp_gazetteer_lookup() gives candidates */
    QP_GAZ_PREFIX = 2, /* some longer name starts with it and one more token */
    QP_GAZ_LOWER = 4,  /* a name written with a lower-case start ("bande de Gaza", "al-Qaïm"):
                        * a matcher may take it without a capital */
};

/* How the name was written in the text (qp_place_context.text_case). */
enum {
    QP_CASE_UNKNOWN = 0,     /* all capitals, or sentence-initial: cannot tell */
    QP_CASE_CAPITALISED = 1, /* first letter of the name in capitals */
    QP_CASE_LOWER = 2,       /* starts in lower case: a common word, unless QP_PLACE_LOWER_OK */
};

typedef struct qp_country_mention {
    char iso2[3];    /* "SY" */
    unsigned count;  /* how often the article mentions the country (as place, actor, demonym) */
} qp_country_mention;

/* What the article tells about a name's place. */
typedef struct qp_place_context {
    const qp_country_mention *mentions; /* may be NULL when n_mentions is 0 */
    size_t n_mentions;
    int text_case;           /* QP_CASE_* */
    uint32_t min_population; /* places outside mentioned countries need this; 0 = 15000 */
} qp_place_context;

/* Maps the compiled gazetteer at path (see qp_gazetteer_default_path()) and checks its
 * header. Returns 0 and sets *g; QP_ENOTFOUND when the file does not exist, QP_EIO when it
 * cannot be read, QP_EGAZETTEER when it is truncated, corrupt or from another format version,
 * QP_ENOMEM. Free with qp_gazetteer_close(). Cheap: nothing is read until looked up. */
int qp_gazetteer_open(qp_gazetteer **g, const char *path);
/* Unmaps; every string a lookup returned dies with it. NULL is fine. */
void qp_gazetteer_close(qp_gazetteer *g);

/* The compiled gazetteer's path: $QUIPU_GAZETTEER, else data/gazetteer.qpg under the first data
 * directory that has it (qp_data_path(): $QUIPU_DATA, build tree, source tree, install
 * datadir), else <install datadir>/gazetteer.qpg; when none exists, the source tree's path
 * (where tools/fetch-geonames.sh writes). A static string; never NULL. */
const char *qp_gazetteer_default_path(void);

/* Appends to out the key of a name as written (UTF-8): apostrophes inside a word deleted
 * ("Al Qa'im" → "al qaim", "ʿAyn al-ʿArab" → "ayn al arab"), French elisions kept as token
 * boundaries ("l'Euphrate" → "l euphrate"), then qp_fold(). Both this key and the plain
 * qp_fold() of every name are indexed, so either finds it. Returns 0, QP_EUTF8 or QP_ENOMEM. */
int qp_gazetteer_key(const char *s, size_t len, qp_buf *out);

/* Says whether the folded token sequence (len bytes, single spaces) is a name and/or the
 * start of a longer one: a bitmask of QP_GAZ_*, 0 for neither. A left-to-right longest
 * match tries token 1, 1-2, 1-3… while QP_GAZ_PREFIX is set and keeps the last QP_GAZ_NAME. */
int qp_gazetteer_probe(const qp_gazetteer *g, const char *folded, size_t len);

/* Fills out (up to max) with the places the folded name (len bytes) stands for, most
 * populous first, and returns how many there are in all (can exceed max; 0 when none or
 * when the file's index is damaged there). */
size_t qp_gazetteer_lookup(const qp_gazetteer *g, const char *folded, size_t len,
                           qp_place_cand *out, size_t max);

/* The longest indexed name, in tokens. */
int qp_gazetteer_max_words(const qp_gazetteer *g);

/* Chooses the place a name stands for among its candidates, CLIFF-like: a country first;
 * then a city of 100000 or more eight times bigger than the other ("Paris" stays in France
 * when the article mentions the United States); then a place in a country the article
 * mentions (the most mentioned); then first-order divisions and regions; then the most
 * populous. Refuses (NULL):
 * - lower-case text, unless the name is written so (QP_PLACE_LOWER_OK);
 * - places outside the mentioned countries smaller than ctx->min_population, unless the
 *   lexicon names them (QP_PLACE_CURATED) or they are capitals;
 * - at a sentence start (QP_CASE_UNKNOWN), one-word names of places outside the mentioned
 *   countries, unless curated, capitals or of a million;
 * - common words, unless capitalised and a division, a city of 100000 or more in a
 *   mentioned country, or of a million anywhere;
 * - person names, unless curated, a division or a city of a million.
 * Returns a pointer into cands, or NULL. ctx may be NULL. */
const qp_place_cand *qp_gazetteer_choose(const qp_gazetteer *g, const qp_place_cand *cands,
                                         size_t n, const qp_place_context *ctx);

/* Sorts cands in place: the acceptable ones first, each group best first by the same rules;
 * returns how many are acceptable (the first is what qp_gazetteer_choose() returns). */
size_t qp_gazetteer_rank(const qp_gazetteer *g, qp_place_cand *cands, size_t n,
                         const qp_place_context *ctx);

typedef struct qp_gazetteer_info {
    uint32_t version;
    uint32_t n_places, n_keys, n_postings, n_curated;
    int max_words;
    uint64_t file_size;
    int64_t created;  /* unix time of the import */
} qp_gazetteer_info;

/* Fills info from the header. */
void qp_gazetteer_get_info(const qp_gazetteer *g, qp_gazetteer_info *info);
/* Reads the whole file and checks its checksum: 0 or QP_EGAZETTEER. Slow (tens of ms). */
int qp_gazetteer_verify(const qp_gazetteer *g);

#endif
