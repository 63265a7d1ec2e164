/* datadir.c — search order for data files. */
#include "datadir.h"
#include "qp.h"
#include "qp_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int qp_data_path(const char *relative, char *out, size_t cap)
{
    const char *env = getenv("QUIPU_DATA");
    const char *dirs[] = {env && *env ? env : NULL, QP_BUILD_DATADIR, QP_SOURCE_DATADIR, QP_INSTALL_DATADIR};
    for (size_t i = 0; i < QP_ARRAY_LEN(dirs); i++) {
        if (!dirs[i])
            continue;
        int n = snprintf(out, cap, "%s/%s", dirs[i], relative);
        if (n < 0 || (size_t)n >= cap)
            return QP_ETOOBIG;
        if (access(out, R_OK) == 0)
            return 0;
    }
    snprintf(out, cap, "%s/%s", QP_SOURCE_DATADIR, relative);
    return QP_ENOTFOUND;
}
