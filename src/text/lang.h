/* lang.h — language identification: French, English, or something else. */
#ifndef QP_LANG_H
#define QP_LANG_H

#include <stddef.h>

typedef struct qp_langid qp_langid;

/* Loads the fingerprints listed in lexicon/langid.conf (libexttextcat's). Returns 0,
 * QP_ENOTFOUND when the configuration or a fingerprint is missing, QP_ENOMEM. Free with
 * qp_langid_destroy. */
int qp_langid_init(qp_langid **out);
void qp_langid_destroy(qp_langid *l);

/* Writes into code (3 bytes at least) the ISO 639-1 code of the text's language ("fr", "en",
 * "ar", …) or "und" when the text is too short or unlike any known language. Returns 0. */
int qp_langid_detect(qp_langid *l, const char *text, size_t len, char code[8]);

#endif
