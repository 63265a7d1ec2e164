/* datadir.c — search order for data files: an installed quipu reads its own prefix, a quipu in
 * its build tree reads that tree. */
#include "datadir.h"
#include "qp.h"
#include "qp_config.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char beside_exe[PATH_MAX + 32], moved_build[PATH_MAX], moved_source[PATH_MAX];
static const char *dirs[10];
static pthread_once_t dirs_once = PTHREAD_ONCE_INIT;

/* 1 when path lies under dir (a directory prefix, not a string prefix: /a/build2 is not under
 * /a/build). */
static int under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return n && !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

/* Fills dirs once: the executable's place decides whether the build tree or the installed
 * data comes first, so that a quipu installed from a checkout that later moved, or was
 * removed, reads what it was installed with and never a stale tree. */
static void find_dirs(void)
{
    size_t n = 0;
    const char *env = getenv("QUIPU_DATA");
    if (env && *env)
        dirs[n++] = env;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    int in_build = 0;
    if (len > 0) {
        exe[len] = '\0';
        in_build = under(exe, QP_BUILD_DATADIR);
        /* <prefix>/bin/quipu reads <prefix>/share/quipu: the prefix may have moved */
        char *slash = strrchr(exe, '/');
        if (slash && !in_build) {
            *slash = '\0';
            slash = strrchr(exe, '/');
            if (slash && !strcmp(slash, "/bin")) {
                *slash = '\0';
                snprintf(beside_exe, sizeof beside_exe, "%s/share/quipu", exe);
            } else if (slash) {
                /* a build tree moved with its checkout (CHECKOUT/build/quipu): the folder of
                 * the binary holds the generated files, the one above it the sources */
                snprintf(moved_build, sizeof moved_build, "%s", exe);
                *slash = '\0';
                snprintf(moved_source, sizeof moved_source, "%s", exe);
            }
        }
    }
    if (in_build) {
        dirs[n++] = QP_BUILD_DATADIR;
        dirs[n++] = QP_SOURCE_DATADIR;
        dirs[n++] = QP_INSTALL_DATADIR;
    } else {
        if (beside_exe[0] && strcmp(beside_exe, QP_INSTALL_DATADIR))
            dirs[n++] = beside_exe;
        if (moved_build[0]) {
            dirs[n++] = moved_build;
            dirs[n++] = moved_source;
        }
        dirs[n++] = QP_INSTALL_DATADIR;
        dirs[n++] = QP_BUILD_DATADIR;
        dirs[n++] = QP_SOURCE_DATADIR;
    }
    dirs[n] = NULL;
}

const char *const *qp_data_dirs(void)
{
    pthread_once(&dirs_once, find_dirs);
    return dirs;
}

int qp_data_path(const char *relative, char *out, size_t cap)
{
    const char *const *d = qp_data_dirs();
    for (size_t i = 0; d[i]; i++) {
        int n = snprintf(out, cap, "%s/%s", d[i], relative);
        if (n < 0 || (size_t)n >= cap)
            return QP_ETOOBIG;
        if (access(out, R_OK) == 0)
            return 0;
    }
    snprintf(out, cap, "%s/%s", d[0], relative);
    return QP_ENOTFOUND;
}
