/* morph.h — inflected forms of the action lexicons: folded form → (lemma, tag), loaded from forms.tsv. */
#ifndef QP_MORPH_H
#define QP_MORPH_H

#include <stddef.h>
#include <stdint.h>

/* What a form is. French impf is the imparfait, past the passé simple (English: simple
 * past); subj covers both subjunctives; ppre is also the English -ing form. */
typedef enum qp_morph_tag {
    QP_TAG_INF,
    QP_TAG_PRES,
    QP_TAG_IMPF,
    QP_TAG_PAST,
    QP_TAG_FUT,
    QP_TAG_COND,
    QP_TAG_SUBJ,
    QP_TAG_PPAS,
    QP_TAG_PPRE,
    QP_TAG_NOUN_SG,
    QP_TAG_NOUN_PL,
    QP_TAG_COUNT
} qp_morph_tag;

/* One reading of a form. lemma is the folded lemma of actions.json ("tirer sur"). */
typedef struct qp_morph_analysis {
    const char *lemma; /* owned by the qp_morph */
    qp_morph_tag tag;
} qp_morph_analysis;

typedef struct qp_morph_slot qp_morph_slot;

typedef struct qp_morph {
    char *text;                  /* the file, cut into NUL-terminated strings */
    qp_morph_analysis *analyses; /* grouped by form */
    size_t nanalyses;
    qp_morph_slot *slots;        /* open addressing, a power of two in size */
    size_t nslots, nforms;
    int max_words;               /* most words in one form ("carried out" is 2) */
} qp_morph;

/* An empty table; allocates nothing. */
void qp_morph_init(qp_morph *m);
/* Frees everything; the analyses handed out become invalid. */
void qp_morph_destroy(qp_morph *m);

/* Adds the lines `form<TAB>lemma<TAB>tag` of a forms.tsv written by tools/lexforms (forms and
 * lemmas already folded) to m, replacing what m held. Returns 0, QP_EIO when the file cannot
 * be read, QP_ELEXICON when a line is malformed or has an unknown tag (m left empty),
 * QP_ENOMEM. */
int qp_morph_load(qp_morph *m, const char *forms_tsv_path);

/* The readings of the folded form (len bytes, no NUL needed): sets *out to an array owned
 * by m and returns its length; 0 (and *out NULL) when the form is unknown. */
size_t qp_morph_lookup(const qp_morph *m, const char *folded_form, size_t len,
                       const qp_morph_analysis **out);

/* Whether the form can be lemma with tag; a convenience over qp_morph_lookup. */
int qp_morph_is(const qp_morph *m, const char *folded_form, const char *lemma, qp_morph_tag tag);

/* "ppas" for QP_TAG_PPAS; "?" when out of range. */
const char *qp_morph_tag_name(qp_morph_tag tag);
/* The tag named name (len bytes), or -1. */
int qp_morph_tag_parse(const char *name, size_t len);

#endif
