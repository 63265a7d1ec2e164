/* extract.c — the extractor's life: loading the lexicons, the gazetteer, the parser's models
 * and the argument frames, and freeing them. The article loop is extract_document.c. */
#include "extract.h"
#include "extract_int.h"
#include "extract_syntax.h"
#include "extract_context.h"
#include "extract_event.h"
#include "qp.h"
#include "fold.h"
#include "timex.h"
#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int qp_extractor_init(qp_extractor **out, char *errmsg, size_t errlen)
{
    *out = NULL;
    qp_extractor *x = calloc(1, sizeof *x);
    if (!x)
        return QP_ENOMEM;
    errmsg[0] = '\0';
    int r = qp_lexicon_load(&x->lx, errmsg, errlen);
    if (r) {
        qp_lexicon_destroy(&x->lx);
        free(x);
        return r;
    }
    for (int lang = 0; lang < QP_LANG_COUNT; lang++) {
        char rel[64], path[4096];
        snprintf(rel, sizeof rel, "lexicon/%s/frames.json", qp_lang_code((qp_lang)lang));
        if (qp_data_path(rel, path, sizeof path)) {
            snprintf(errmsg, errlen, "%s: not found", path);
            r = QP_ENOTFOUND;
        } else {
            r = xfr_load(&x->frames[lang], path, errmsg, errlen);
        }
        if (r) {
            qp_extractor_destroy(x);
            return r;
        }
    }
    r = qp_parser_load(&x->parser, errmsg, errlen);
    if (r) {
        qp_extractor_destroy(x);
        return r;
    }
    int g = qp_gazetteer_open(&x->gaz, qp_gazetteer_default_path());
    if (g) {
        x->gaz = NULL;
        snprintf(errmsg, errlen, "no gazetteer at %s (%s): places limited to countries; run tools/fetch-geonames.sh",
                 qp_gazetteer_default_path(), qp_strerror(g));
    }
    /* without inflections only dictionary forms match and most events go unseen: say so */
    if (!x->lx.n_forms[0] || !x->lx.n_forms[1])
        snprintf(errmsg, errlen, "no inflected forms for %s (lexicon/%s/forms.tsv is built by `ninja -C build`): "
                 "only dictionary forms of verbs will match", x->lx.n_forms[0] ? "English" : "French",
                 x->lx.n_forms[0] ? "en" : "fr");
    *out = x;
    return 0;
}

const struct qp_lexicon *qp_extractor_lexicon(const qp_extractor *x)
{
    return &x->lx;
}

void qp_extractor_destroy(qp_extractor *x)
{
    if (!x)
        return;
    qp_lexicon_destroy(&x->lx);
    qp_gazetteer_close(x->gaz);
    qp_parser_destroy(x->parser);
    for (int lang = 0; lang < QP_LANG_COUNT; lang++)
        xfr_destroy(&x->frames[lang]);
    free(x);
}
