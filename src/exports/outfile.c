/* outfile.c — atomic output files: readers of path see the old file or the whole new one. */
#include "outfile.h"

#include "qp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int qp_outfile_open(qp_outfile *o, const char *path, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    if (!path || !*path) {
        snprintf(err, errlen, "no output file given (use -o FILE, or -o - for stdout)");
        return QP_EINVAL;
    }
    if (!strcmp(path, "-")) {
        o->fp = stdout;
        return 0;
    }
    /* a device, a pipe or a socket ("-o /dev/null", "-o >(gzip …)") is written as it is: a
     * rename over it would put a regular file in its place (as root, over /dev/null) */
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "cannot write %s: it is a directory", path);
        return QP_EIO;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->path = strdup(path);
        o->fp = o->path ? fopen(path, "w") : NULL;
        if (!o->fp) {
            int rc = o->path ? QP_EIO : QP_ENOMEM;
            snprintf(err, errlen, "cannot write %s: %s", path, o->path ? strerror(errno) : "out of memory");
            free(o->path);
            memset(o, 0, sizeof *o);
            return rc;
        }
        return 0;
    }
    size_t n = strlen(path);
    o->path = strdup(path);
    o->tmp = malloc(n + 16);
    if (!o->path || !o->tmp) {
        free(o->path);
        free(o->tmp);
        snprintf(err, errlen, "out of memory");
        return QP_ENOMEM;
    }
    /* same directory, so rename() is atomic; a dot name so file browsers do not show it */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    snprintf(o->tmp, n + 16, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(o->path);
        free(o->tmp);
        memset(o, 0, sizeof *o);
        return QP_EIO;
    }
    /* mkstemp makes 0600; an export is meant to be shared like any file the user writes */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        close(fd);
        unlink(o->tmp);
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        free(o->path);
        free(o->tmp);
        memset(o, 0, sizeof *o);
        return QP_EIO;
    }
    setvbuf(o->fp, NULL, _IOFBF, 1 << 16);
    return 0;
}

int qp_outfile_flush(qp_outfile *o, qp_buf *b)
{
    errno = 0;
    if (b->len && !o->failed && fwrite(b->data, 1, b->len, o->fp) != b->len)
        o->failed = errno ? errno : EIO;
    qp_buf_clear(b);
    return o->failed ? QP_EIO : 0;
}

int qp_outfile_commit(qp_outfile *o, char *err, size_t errlen)
{
    if (!o->fp)
        return 0;
    const char *name = o->path ? o->path : "standard output";
    if (fflush(o->fp) != 0 && !o->failed)
        o->failed = errno ? errno : EIO;
    if (!o->path) {
        o->fp = NULL;
        if (o->failed) {
            snprintf(err, errlen, "cannot write %s: %s", name, strerror(o->failed));
            return QP_EIO;
        }
        return 0;
    }
    if (!o->failed && o->tmp && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
        o->failed = errno;
    if (fclose(o->fp) != 0 && !o->failed)
        o->failed = errno ? errno : EIO;
    o->fp = NULL;
    if (!o->failed && o->tmp && rename(o->tmp, o->path) != 0)
        o->failed = errno;
    int rc = 0;
    if (o->failed) {
        snprintf(err, errlen, "cannot write %s: %s", name, strerror(o->failed));
        if (o->tmp)
            unlink(o->tmp);
        rc = QP_EIO;
    }
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    return rc;
}

void qp_outfile_abort(qp_outfile *o)
{
    if (o->fp && o->path) {
        fclose(o->fp);
        if (o->tmp)
            unlink(o->tmp); /* a device or pipe written directly keeps what it was sent */
    }
    o->fp = NULL;
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
}

int qp_outfile_finish(qp_outfile *o, qp_buf *b, int rc, const char *path, char *err, size_t errlen)
{
    if (!rc)
        rc = qp_outfile_flush(o, b);
    if (rc) {
        /* the system's reason ("No space left on device") tells the user what to do;
         * QP_EIO's "input/output error" did not */
        int failed = o->failed;
        qp_outfile_abort(o);
        snprintf(err, errlen, "cannot write %s: %s", path,
                 rc == QP_EIO && failed ? strerror(failed) : qp_strerror(rc));
        return rc;
    }
    return qp_outfile_commit(o, err, errlen);
}
