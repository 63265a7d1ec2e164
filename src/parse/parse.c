/* parse.c — the public face: models of both languages, and a sentence from text to tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "parse_int.h"

struct qp_parser {
    px_model models[QP_LANG_COUNT];
    int loaded[QP_LANG_COUNT];
};

const px_model *px_parser_model(const qp_parser *p, qp_lang lang)
{
    if (!p || (int)lang < 0 || (int)lang >= QP_LANG_COUNT || !p->loaded[lang])
        return NULL;
    return &p->models[lang];
}

int qp_parser_load_files(qp_parser **out, const char *fr_path, const char *en_path, char *err, size_t errlen)
{
    *out = NULL;
    if (err && errlen)
        err[0] = '\0';
    qp_parser *p = calloc(1, sizeof *p);
    if (!p)
        return QP_ENOMEM;
    const char *paths[QP_LANG_COUNT] = {[QP_LANG_FR] = fr_path, [QP_LANG_EN] = en_path};
    int any = 0;
    for (int l = 0; l < QP_LANG_COUNT; l++) {
        if (!paths[l])
            continue;
        int rc = px_model_load(&p->models[l], paths[l], err, errlen);
        if (rc == 0 && p->models[l].lang != (qp_lang)l) {
            px_model_unload(&p->models[l]);
            if (err && errlen)
                snprintf(err, errlen, "%s: a model of another language", paths[l]);
            rc = QP_ELEXICON;
        }
        if (rc) {
            qp_parser_destroy(p);
            return rc;
        }
        p->loaded[l] = 1;
        any = 1;
    }
    if (!any) {
        qp_parser_destroy(p);
        if (err && errlen)
            snprintf(err, errlen, "no parser model given");
        return QP_ENOTFOUND;
    }
    *out = p;
    return 0;
}

int qp_parser_load(qp_parser **out, char *err, size_t errlen)
{
    char paths[QP_LANG_COUNT][4096];
    const char *use[QP_LANG_COUNT] = {0};
    int found = 0;
    for (int l = 0; l < QP_LANG_COUNT; l++) {
        char rel[64];
        snprintf(rel, sizeof rel, "models/%s.qpm", qp_lang_code((qp_lang)l));
        if (qp_data_path(rel, paths[l], sizeof paths[l]) == 0) {
            use[l] = paths[l];
            found++;
        }
    }
    if (!found) {
        *out = NULL;
        if (err && errlen)
            snprintf(err, errlen, "no parser model: %s (build quipu, or run tools/setup.sh)", paths[0]);
        return QP_ENOTFOUND;
    }
    return qp_parser_load_files(out, use[QP_LANG_FR], use[QP_LANG_EN], err, errlen);
}

void qp_parser_destroy(qp_parser *p)
{
    if (!p)
        return;
    for (int l = 0; l < QP_LANG_COUNT; l++)
        if (p->loaded[l])
            px_model_unload(&p->models[l]);
    free(p);
}

int qp_parser_has(const qp_parser *p, qp_lang lang)
{
    return px_parser_model(p, lang) != NULL;
}

int qp_parse_words(const qp_parser *p, qp_lang lang, qp_word *w, size_t n, qp_arena *a)
{
    const px_model *m = px_parser_model(p, lang);
    if (!m)
        return QP_ELANG;
    if (n == 0)
        return 0;
    if (n > (size_t)INT32_MAX / 8)
        return QP_ENOMEM;
    px_wfeat *f = qp_arena_alloc(a, n * sizeof *f);
    if (!f)
        return QP_ENOMEM;
    int rc = px_word_features(m, w, n, f, a);
    if (rc)
        return rc;
    rc = px_tag(m, f, w, n, a);
    if (rc)
        return rc;
    rc = px_lemmatize(m, f, w, n, a);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++)
        f[i].fine = px_fine_tag(w[i].upos, w[i].feats, f[i].cls);
    return px_parse(m, f, w, n, a);
}

int qp_parse_sentence(const qp_parser *p, qp_lang lang, const char *text, size_t start, size_t end,
                      qp_arena *a, qp_word **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!px_parser_model(p, lang))
        return QP_ELANG;
    qp_word *w = NULL;
    size_t nw = 0;
    int rc = qp_parse_segment(p, lang, text, start, end, a, &w, &nw);
    if (rc)
        return rc;
    rc = qp_parse_words(p, lang, w, nw, a);
    if (rc)
        return rc;
    *out = w;
    *n = nw;
    return 0;
}
