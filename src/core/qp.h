/* qp.h — quipu's common ground: error codes, version, and small shared helpers. */
#ifndef QP_H
#define QP_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define QP_VERSION "0.1.0"

/* Errors are negative; 0 is success. qp_strerror() turns one into a sentence. */
enum {
    QP_OK = 0,
    QP_ENOMEM = -1,     /* out of memory */
    QP_EINVAL = -2,     /* invalid argument */
    QP_EIO = -3,        /* read or write failed */
    QP_EUTF8 = -4,      /* invalid UTF-8 */
    QP_EEMPTY = -5,     /* empty input */
    QP_ETOOBIG = -6,    /* input over the size limit */
    QP_EJSON = -7,      /* malformed JSON */
    QP_EDB = -8,        /* database error */
    QP_EDBVERSION = -9, /* database written by a newer quipu */
    QP_ENOTFOUND = -10, /* no such thing */
    QP_EAMBIGUOUS = -11,/* more than one thing matches */
    QP_ELANG = -12,     /* language not supported */
    QP_EBUSY = -13,     /* database locked */
    QP_ELEXICON = -14,  /* lexicon file malformed */
    QP_EGRAPH = -15,    /* graph library error */
    QP_EGAZETTEER = -16,/* gazetteer file corrupt, truncated or from another quipu version */
    QP_EFULL = -17,     /* no space left on the device */
    QP_EREADONLY = -18, /* database or medium is read-only */
    QP_ECORRUPT = -19,  /* database damaged */
};

/* Returns a static string for an error code; never NULL. */
const char *qp_strerror(int err);

/* The languages quipu reads, numbered once for the whole program. */
typedef enum qp_lang {
    QP_LANG_FR = 0,
    QP_LANG_EN = 1,
} qp_lang;
#define QP_LANG_COUNT 2

/* The language whose ISO 639-1 code is code ("fr", "en"), or QP_ELANG for any other (NULL
 * included). */
int qp_lang_parse(const char *code);
/* "fr" or "en"; "und" for a value out of range. */
const char *qp_lang_code(qp_lang lang);

#define QP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* qsort that accepts an empty (possibly NULL) array, which qsort itself must not be given. */
static inline void qp_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

#endif
