/* outfile.h — output files written whole or not at all: a temporary name, then rename. */
#ifndef QP_OUTFILE_H
#define QP_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

typedef struct qp_outfile {
    FILE *fp;
    char *path;      /* the final name; NULL for stdout */
    char *tmp;       /* the temporary name in the same directory, renamed on commit; NULL
                        when path is written directly (a device or a pipe) */
    int failed;      /* a write failed: commit will refuse */
} qp_outfile;

/* Opens a temporary file beside path ("-" means stdout, and a device, pipe or socket such as
 * /dev/null is written directly, never renamed over). Returns 0, or
 * QP_EIO / QP_ENOMEM with err holding a sentence naming the file; nothing to close then. */
int qp_outfile_open(qp_outfile *o, const char *path, char *err, size_t errlen);
/* Writes the buffer's contents and clears it. Returns 0 or QP_EIO (also remembered). */
int qp_outfile_flush(qp_outfile *o, qp_buf *b);
/* Flushes to disk, closes and renames over path. Returns 0, or QP_EIO with err set; either
 * way the outfile is finished (on failure the temporary file is removed). */
int qp_outfile_commit(qp_outfile *o, char *err, size_t errlen);
/* Ends the output: when rc is 0, writes what b still holds and commits; otherwise, or when
 * that fails, abandons it. Returns rc or the write error, with err naming the file; the
 * outfile is finished either way. */
int qp_outfile_finish(qp_outfile *o, qp_buf *b, int rc, const char *path, char *err, size_t errlen);
/* Abandons the output: closes and removes the temporary file. Safe after commit. */
void qp_outfile_abort(qp_outfile *o);

#endif
