/* datadir.h — where quipu finds its data: lexicons, models, the gazetteer, the bundled examples. */
#ifndef QP_DATADIR_H
#define QP_DATADIR_H

#include <stddef.h>

/* Writes into out the path of relative (e.g. "lexicon/fr/actions.json") under the first data
 * directory that has it (qp_data_dirs() gives the order). Returns 0, QP_ENOTFOUND (out then
 * holds the path under the first directory searched, for error messages) or QP_ETOOBIG. */
int qp_data_path(const char *relative, char *out, size_t cap);

/* The data directories in the order they are searched, NULL-terminated, at most 8:
 * $QUIPU_DATA when set; then, for a binary that runs from the build tree it was built in, the
 * build tree (generated files) and the source tree; for any other binary (installed, or copied
 * out of a checkout), the share/quipu beside its bin/ (so that a prefix can be moved), the
 * prefix it was configured with, and last the build and source trees when they still exist.
 * A binary that is neither (CHECKOUT/build/quipu after the checkout moved) reads its own
 * folder and the one above it first. The strings live until the process ends. */
const char *const *qp_data_dirs(void);

#endif
