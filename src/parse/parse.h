/* parse.h — Universal Dependencies for French and English: UD words, tags, lemmas, features, a tree. */
#ifndef QP_PARSE_H
#define QP_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "qp.h"

/* The 17 universal parts of speech, in UD's alphabetical order. */
typedef enum qp_upos {
    QP_UPOS_ADJ, QP_UPOS_ADP, QP_UPOS_ADV, QP_UPOS_AUX, QP_UPOS_CCONJ, QP_UPOS_DET,
    QP_UPOS_INTJ, QP_UPOS_NOUN, QP_UPOS_NUM, QP_UPOS_PART, QP_UPOS_PRON, QP_UPOS_PROPN,
    QP_UPOS_PUNCT, QP_UPOS_SCONJ, QP_UPOS_SYM, QP_UPOS_VERB, QP_UPOS_X, QP_UPOS_COUNT
} qp_upos;

/* Dependency relations: the 37 universal ones, then the subtypes the English and French
 * treebanks use. Each subtype's universal relation is qp_deprel_universal(). The numbering
 * is this program's, not a file format's: models store relation names. */
typedef enum qp_deprel {
    QP_DEP_ACL, QP_DEP_ADVCL, QP_DEP_ADVMOD, QP_DEP_AMOD, QP_DEP_APPOS, QP_DEP_AUX, QP_DEP_CASE,
    QP_DEP_CC, QP_DEP_CCOMP, QP_DEP_CLF, QP_DEP_COMPOUND, QP_DEP_CONJ, QP_DEP_COP, QP_DEP_CSUBJ,
    QP_DEP_DEP, QP_DEP_DET, QP_DEP_DISCOURSE, QP_DEP_DISLOCATED, QP_DEP_EXPL, QP_DEP_FIXED,
    QP_DEP_FLAT, QP_DEP_GOESWITH, QP_DEP_IOBJ, QP_DEP_LIST, QP_DEP_MARK, QP_DEP_NMOD, QP_DEP_NSUBJ,
    QP_DEP_NUMMOD, QP_DEP_OBJ, QP_DEP_OBL, QP_DEP_ORPHAN, QP_DEP_PARATAXIS, QP_DEP_PUNCT,
    QP_DEP_REPARANDUM, QP_DEP_ROOT, QP_DEP_VOCATIVE, QP_DEP_XCOMP,
    QP_DEP_UNIVERSAL_COUNT, /* the subtypes follow */
    QP_DEP_ACL_RELCL = QP_DEP_UNIVERSAL_COUNT, QP_DEP_ADVCL_CLEFT, QP_DEP_ADVCL_RELCL,
    QP_DEP_AUX_CAUS, QP_DEP_AUX_PASS, QP_DEP_AUX_TENSE, QP_DEP_CC_PRECONJ, QP_DEP_COMPOUND_PRT,
    QP_DEP_CSUBJ_OUTER, QP_DEP_CSUBJ_PASS, QP_DEP_DEP_COMP, QP_DEP_DET_POSS, QP_DEP_DET_PREDET,
    QP_DEP_EXPL_COMP, QP_DEP_EXPL_PASS, QP_DEP_EXPL_PV, QP_DEP_EXPL_SUBJ, QP_DEP_FLAT_FOREIGN,
    QP_DEP_FLAT_NAME, QP_DEP_IOBJ_AGENT, QP_DEP_NMOD_DESC, QP_DEP_NMOD_NPMOD, QP_DEP_NMOD_POSS,
    QP_DEP_NMOD_TMOD, QP_DEP_NMOD_UNMARKED, QP_DEP_NSUBJ_CAUS, QP_DEP_NSUBJ_OUTER, QP_DEP_NSUBJ_PASS,
    QP_DEP_OBJ_AGENT, QP_DEP_OBJ_LVC, QP_DEP_OBL_AGENT, QP_DEP_OBL_ARG, QP_DEP_OBL_MOD,
    QP_DEP_OBL_NPMOD, QP_DEP_OBL_TMOD, QP_DEP_OBL_UNMARKED, QP_DEP_PARATAXIS_INSERT,
    QP_DEP_COUNT
} qp_deprel;

/* "ADJ" for QP_UPOS_ADJ; "X" when out of range. */
const char *qp_upos_name(int upos);
/* The part of speech named name (len bytes), or -1. */
int qp_upos_parse(const char *name, size_t len);
/* "obl:agent" for QP_DEP_OBL_AGENT; "dep" when out of range. */
const char *qp_deprel_name(int deprel);
/* The relation named name (len bytes), or -1. An unknown subtype of a known relation
 * ("nmod:gmod") is not that relation: callers that want it ask qp_deprel_parse_lenient(). */
int qp_deprel_parse(const char *name, size_t len);
/* Like qp_deprel_parse, but an unknown subtype gives its universal relation and anything
 * else QP_DEP_DEP: never -1. */
int qp_deprel_parse_lenient(const char *name, size_t len);
/* The universal part of a relation: QP_DEP_OBL for QP_DEP_OBL_AGENT, itself for a universal
 * one. */
qp_deprel qp_deprel_universal(qp_deprel rel);

/* One UD syntactic word of a sentence. */
typedef struct qp_word {
    uint32_t start, end;   /* byte span in the text; the words of a French contraction ("du" ->
                              "de" "le") share its span, English ones ("do" "n't") split it */
    uint32_t token;        /* index of the first token of src/text/token.h it came from (the
                              word's own index for words read from CoNLL-U) */
    const char *form;      /* as UD writes it ("de", "le" for "du"); in the arena */
    const char *lemma;     /* in the arena, or in the model (read-only, lives as long as it) */
    const char *feats;     /* UD FEATS ("Number=Sing|Gender=Masc") or "_"; same owners as lemma */
    int32_t head;          /* index of the head word in the sentence, -1 for the root */
    uint8_t upos;          /* qp_upos */
    uint8_t deprel;        /* qp_deprel */
    uint8_t mwt;           /* words of one surface token (du = de + le): the count on its first
                              word, 0 on the others; 1 for a word that is its own token */
    uint8_t space_after;   /* 1 when a space (or the end of the text) follows the word */
} qp_word;

/* The models of both languages, read-only once loaded: one may be shared by threads. */
typedef struct qp_parser qp_parser;

/* Loads the models of both languages (models/fr.qpm, models/en.qpm, found with qp_data_path)
 * by mapping them into memory. A language whose model is missing is left out: parsing it
 * gives QP_ELANG. Returns 0; QP_ENOTFOUND when neither model is found; QP_EIO or QP_ELEXICON
 * (a file unreadable, truncated or from another version: err names it) or QP_ENOMEM. *out is
 * NULL on error. err (errlen bytes, may be NULL) receives a sentence on error. */
int qp_parser_load(qp_parser **out, char *err, size_t errlen);
/* The same from explicit model files; a NULL path leaves that language out. */
int qp_parser_load_files(qp_parser **out, const char *fr_path, const char *en_path, char *err,
                         size_t errlen);
/* Unmaps and frees everything; NULL is fine. Words that point into the model (lemmas,
 * features) become invalid. */
void qp_parser_destroy(qp_parser *p);
/* Whether lang has a model. */
int qp_parser_has(const qp_parser *p, qp_lang lang);

/* Parses one sentence text[start,end): quipu's tokens (token.h) made into UD words (French
 * contractions du/au/aux/des/duquel… split, English clitics 's n't 'm split, hyphenated
 * names kept or split as each treebank does), tagged, lemmatised and parsed. *out is an
 * array of *n words in the arena (NULL and 0 for a sentence without words). Time and memory
 * are linear in the length of the sentence, whatever it is. Returns 0, QP_ENOMEM or
 * QP_ELANG (no model for lang). Reentrant. */
int qp_parse_sentence(const qp_parser *p, qp_lang lang, const char *text, size_t start, size_t end,
                      qp_arena *a, qp_word **out, size_t *n);

/* Words already segmented (form set, as read from CoNLL-U; other fields are overwritten):
 * sets upos, lemma, feats, head and deprel. Same errors as qp_parse_sentence. */
int qp_parse_words(const qp_parser *p, qp_lang lang, qp_word *w, size_t n, qp_arena *a);

/* UD words of text[start,end) without tags or a tree (form, span, token, mwt, space_after
 * set; lemma and feats "_", head -1): the segmentation qp_parse_sentence uses. p may be NULL
 * (French "des" is then always the article). Returns 0 or QP_ENOMEM. */
int qp_parse_segment(const qp_parser *p, qp_lang lang, const char *text, size_t start, size_t end,
                     qp_arena *a, qp_word **out, size_t *n);

#endif
