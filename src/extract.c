/* extract.c — the event extractor. */
#include "extract.h"
#include "qp.h"

#include <stdlib.h>
#include <string.h>

struct qp_extractor {
    int unused;
};

int qp_extractor_init(qp_extractor **out, char *errmsg, size_t errlen)
{
    (void)errmsg;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? 0 : QP_ENOMEM;
}

void qp_extractor_destroy(qp_extractor *x)
{
    free(x);
}

int qp_extract_document(const qp_extractor *x, qp_document *doc, qp_arena *arena)
{
    (void)x;
    (void)arena;
    if (!doc->lang || (strcmp(doc->lang, "fr") && strcmp(doc->lang, "en")))
        return QP_ELANG;
    doc->events = NULL;
    doc->n_events = 0;
    return 0;
}
