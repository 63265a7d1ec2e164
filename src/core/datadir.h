/* datadir.h — where quipu finds its data: lexicons, the gazetteer, the bundled examples. */
#ifndef QP_DATADIR_H
#define QP_DATADIR_H

#include <stddef.h>

/* Writes into out the path of relative (e.g. "lexicon/fr/actions.json") under the first data
 * directory that has it: $QUIPU_DATA, the build tree (generated files), the source tree, the
 * installed share/quipu. Returns 0, QP_ENOTFOUND (out then holds the source-tree path, for
 * error messages) or QP_ETOOBIG. */
int qp_data_path(const char *relative, char *out, size_t cap);

#endif
