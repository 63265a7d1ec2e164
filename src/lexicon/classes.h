/* classes.h — word classes of each language as data (lexicon/<lang>/classes.json): verbs of
 * saying, of intent, of denial, negation words, pronouns, place and group nouns… that the
 * extractor reads a sentence's structure with. */
#ifndef QP_CLASSES_H
#define QP_CLASSES_H

#include <stddef.h>
#include <stdint.h>

/* A lemma may belong to several classes: these are bits. */
enum {
    QP_WC_SPEECH = 1u << 0,      /* "dire", "say": the clause it takes is reported */
    QP_WC_INTENT = 1u << 1,      /* "vouloir", "plan", "demand": the clause it takes has not happened */
    QP_WC_IMPLICATIVE = 1u << 2, /* "parvenir à", "manage to": the clause it takes has happened */
    QP_WC_ASPECT_GO = 1u << 3,   /* "poursuivre", "continue": the clause it takes goes on */
    QP_WC_ASPECT_STOP = 1u << 4, /* "cesser", "stop": the clause it takes no longer happens */
    QP_WC_DENY = 1u << 5,        /* "nier", "deny": the clause it takes is denied */
    QP_WC_NEGATION = 1u << 6,    /* "pas", "not", "never" */
    QP_WC_MODAL = 1u << 7,       /* "pouvoir", "could": what it governs may not happen */
    QP_WC_SOURCE = 1u << 8,      /* "selon", "according to": who vouches for the clause */
    QP_WC_PURPOSE = 1u << 9,     /* "pour", "in order to" */
    QP_WC_DESTINATION = 1u << 10,/* "vers", "towards": where a move goes is not where it happens */
    QP_WC_SYMMETRIC = 1u << 11,  /* "affrontements", "clash": between two sides, both ways */
    QP_WC_DEATH = 1u << 12,      /* "mourir", "killed": victims */
    QP_WC_PLACE_NOUN = 1u << 13, /* "ville", "province": the head of a place's name */
    QP_WC_GROUP_NOUN = 1u << 14, /* "le groupe", "the regime": an actor named before */
    QP_WC_PRONOUN_SG = 1u << 15, /* "il", "he" */
    QP_WC_PRONOUN_PL = 1u << 16, /* "ils", "they" */
    QP_WC_SPEAKER = 1u << 17,    /* "nous", "we": whoever speaks */
    QP_WC_RELATIVE = 1u << 18,   /* "qui", "which": the antecedent */
    QP_WC_POPULATED = 1u << 19,  /* "quartier", "market", "manifestation": an assault on them falls on civilians */
    QP_WC_SUPPORT_VERB = 1u << 20, /* "manifester", "provide": lends its subject to the event noun it takes */
    QP_WC_DOCUMENT = 1u << 21,   /* "résolution", "plan": an act on it is an act toward its author */
    QP_WC_FRONTING = 1u << 22,   /* "près de", "near", "lundi": opens an adverbial set before the clause by a comma */
    QP_WC_EXPRESSING = 1u << 23, /* "exprimer", "voice": the support noun it takes is words, not means */
    QP_WC_DISTANCE = 1u << 24,   /* "kilomètre", "mile": a place it is measured from is not where */
    QP_WC_TARGET_NOUN = 1u << 25,/* "cible", "target": "X est la cible de frappes": X is whom they hit */
    QP_WC_WITH = 1u << 26,       /* "avec", "with", "grâce à": "with the support of X": X backs the clause's subject */
    QP_WC_IN_SUPPORT = 1u << 27, /* "en", "in": "in support of X": the clause's doer backs X */
    QP_WC_OBLIGATION = 1u << 28, /* "devoir", "must": said of another, a demand of them */
    QP_WC_HOLDING = 1u << 29,    /* "tenir", "hold": "rebel-held areas", "quartiers tenus par X" are X's */
};

typedef struct qp_class_slot qp_class_slot;

/* One language's classes: folded lemma (or phrase of folded words joined by single spaces)
 * → bits, and for group nouns the kind of actor they name. */
typedef struct qp_word_classes {
    qp_class_slot *slots;
    size_t mask;          /* slots - 1: a power of two minus one; 0 when empty */
    size_t n;
} qp_word_classes;

/* Loads the classes of file path (a JSON object of arrays, and of objects for group_nouns and
 * pronouns) into wc, replacing what it held. Returns 0, QP_EIO (unreadable), QP_ELEXICON (err
 * names the file, the class and what is wrong), QP_ENOMEM. Free with qp_classes_destroy. */
int qp_classes_load(qp_word_classes *wc, const char *path, char *err, size_t errlen);
/* The same, adding the words of path to those wc holds (an overlay's classes.json). */
int qp_classes_merge(qp_word_classes *wc, const char *path, char *err, size_t errlen);
void qp_classes_destroy(qp_word_classes *wc);

/* The classes of a folded lemma or phrase (len bytes); 0 when it has none. */
uint32_t qp_classes_of(const qp_word_classes *wc, const char *folded, size_t len);
/* For a group noun ("groupe", "regime"), the actor kind it names ("armed group"); else NULL. */
const char *qp_classes_group_kind(const qp_word_classes *wc, const char *folded, size_t len);
/* For a document noun ("resolution"), the id of its author when none is named (the UN's);
 * else NULL. */
const char *qp_classes_author(const qp_word_classes *wc, const char *folded, size_t len);

#endif
