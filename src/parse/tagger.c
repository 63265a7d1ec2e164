/* tagger.c — parts of speech by a greedy averaged perceptron; lemmas and features by look-up. */
#include <string.h>

#include "parse_int.h"

/* Template numbers: part of each feature's hash, so that two templates never share a weight. */
enum {
    T_BIAS = 1, T_W, T_EXACT, T_SUF1, T_SUF2, T_SUF3, T_SUF4, T_PRE1, T_PRE2, T_SHAPE, T_WM1, T_WP1,
    T_WM2, T_WP2, T_TM1, T_TM2, T_TM12, T_TM1W, T_SUF3M1, T_SUF3P1, T_WWP1, T_WM1W, T_SHAPE3,
    T_FIRST, T_LEX, T_LEXP1, T_LEXM1, T_LEXW, T_TM1SUF3, T_SHAPEP1, T_LEXSHAPE,
};

/* Features of word i that do not depend on the tags chosen: scored for all words at once. */
static size_t static_features(const px_wfeat *f, size_t n, size_t i, uint64_t *out)
{
    const px_wfeat *w = &f[i];
    uint64_t none = 0x4e4f4e45ull; /* "NONE" past either end */
    uint64_t wm1 = i > 0 ? f[i - 1].lower : none, wm2 = i > 1 ? f[i - 2].lower : none;
    uint64_t wp1 = i + 1 < n ? f[i + 1].lower : none, wp2 = i + 2 < n ? f[i + 2].lower : none;
    uint64_t sm1 = i > 0 ? f[i - 1].shape : 999, sp1 = i + 1 < n ? f[i + 1].shape : 999;
    size_t k = 0;
    out[k++] = px_f1(T_BIAS, 0);
    out[k++] = px_f1(T_W, w->lower);
    out[k++] = px_f1(T_EXACT, w->exact);
    out[k++] = px_f1(T_SUF1, w->suf[0]);
    out[k++] = px_f1(T_SUF2, w->suf[1]);
    out[k++] = px_f1(T_SUF3, w->suf[2]);
    out[k++] = px_f1(T_SUF4, w->suf[3]);
    out[k++] = px_f1(T_PRE1, w->pre[0]);
    out[k++] = px_f1(T_PRE2, w->pre[1]);
    out[k++] = px_f1(T_SHAPE, w->shape);
    out[k++] = px_f1(T_WM1, wm1);
    out[k++] = px_f1(T_WP1, wp1);
    out[k++] = px_f1(T_WM2, wm2);
    out[k++] = px_f1(T_WP2, wp2);
    out[k++] = px_f1(T_SUF3M1, i > 0 ? f[i - 1].suf[2] : none);
    out[k++] = px_f1(T_SUF3P1, i + 1 < n ? f[i + 1].suf[2] : none);
    out[k++] = px_f2(T_WWP1, w->lower, wp1);
    out[k++] = px_f2(T_WM1W, wm1, w->lower);
    out[k++] = px_f3(T_SHAPE3, sm1, w->shape, sp1);
    out[k++] = px_f2(T_FIRST, i == 0, w->shape);
    out[k++] = px_f2(T_SHAPEP1, w->shape, wp1);
    if (w->lex)
        out[k++] = px_f1(T_LEX, w->lex);
    out[k++] = px_f2(T_LEXSHAPE, w->lex, w->shape & 15); /* a capital word no dictionary has: a name */
    out[k++] = px_f1(T_LEXP1, i + 1 < n ? f[i + 1].lex : 0xffff);
    out[k++] = px_f1(T_LEXM1, i > 0 ? f[i - 1].lex : 0xffff);
    return k;
}

/* Features of word i that read the tags of the two words before it. */
static size_t tag_features(const px_wfeat *f, size_t i, int tm1_tag, int tm2_tag, uint64_t *out)
{
    const px_wfeat *w = &f[i];
    uint64_t tm1 = i > 0 ? (uint64_t)tm1_tag : PX_TAG_NONE, tm2 = i > 1 ? (uint64_t)tm2_tag : PX_TAG_NONE;
    size_t k = 0;
    out[k++] = px_f1(T_TM1, tm1);
    out[k++] = px_f1(T_TM2, tm2);
    out[k++] = px_f2(T_TM12, tm1, tm2);
    out[k++] = px_f2(T_TM1W, tm1, w->lower);
    out[k++] = px_f2(T_TM1SUF3, tm1, w->suf[2]);
    if (w->lex)
        out[k++] = px_f2(T_LEXW, w->lex, tm1);
    return k;
}

size_t px_tag_features(const px_wfeat *f, size_t n, size_t i, int tm1, int tm2, uint64_t *out)
{
    size_t k = static_features(f, n, i, out);
    return k + tag_features(f, i, tm1, tm2, out + k);
}

int px_class_of(int upos, const char *feats)
{
    int vf = upos == QP_UPOS_VERB || upos == QP_UPOS_AUX ? px_feats_vform(feats) : PX_VF_OTHER;
    if (vf == PX_VF_OTHER)
        return upos;
    return QP_UPOS_COUNT + (upos == QP_UPOS_AUX ? PX_NVF - 1 : 0) + vf - 1;
}

int px_class_upos(int cls)
{
    if (cls < QP_UPOS_COUNT)
        return cls;
    return cls - QP_UPOS_COUNT < PX_NVF - 1 ? QP_UPOS_VERB : QP_UPOS_AUX;
}

int px_class_vform(int cls)
{
    return cls < QP_UPOS_COUNT ? PX_VF_OTHER : (cls - QP_UPOS_COUNT) % (PX_NVF - 1) + 1;
}

/* Whether feats has the attribute=value pair attr (a whole one). */
static int has_feat(const char *feats, const char *attr)
{
    size_t n = strlen(attr);
    for (const char *p = strstr(feats, attr); p; p = strstr(p + 1, attr))
        if ((p == feats || p[-1] == '|') && (p[n] == '|' || p[n] == '\0'))
            return 1;
    return 0;
}

int px_feats_vform(const char *feats)
{
    if (!feats)
        return PX_VF_OTHER;
    if (has_feat(feats, "VerbForm=Inf"))
        return PX_VF_INF;
    if (has_feat(feats, "VerbForm=Ger") || (has_feat(feats, "VerbForm=Part") && has_feat(feats, "Tense=Pres")))
        return PX_VF_PPRES;
    if (has_feat(feats, "VerbForm=Part"))
        return PX_VF_PPAST;
    return PX_VF_OTHER;
}

int px_tag(const px_model *m, px_wfeat *f, qp_word *w, size_t n, qp_arena *a)
{
    uint64_t feats[PX_TAG_FEATS];
    int32_t *fixed = qp_arena_calloc(a, n, PX_NCLASS * sizeof *fixed);
    if (!fixed)
        return QP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        px_score(&m->tagger, feats, static_features(f, n, i, feats), fixed + i * PX_NCLASS);
    for (size_t i = 0; i < n; i++) {
        int32_t *scores = fixed + i * PX_NCLASS;
        size_t nf = tag_features(f, i, i > 0 ? f[i - 1].cls : 0, i > 1 ? f[i - 2].cls : 0, feats);
        px_score(&m->tagger, feats, nf, scores);
        int best = 0;
        for (int c = 1; c < PX_NCLASS; c++)
            if (scores[c] > scores[best])
                best = c;
        f[i].cls = (uint8_t)best;
        w[i].upos = (uint8_t)px_class_upos(best);
    }
    return 0;
}

uint32_t px_fine_tag(int upos, const char *feats, int cls)
{
    static const char *const keys[] = {"VerbForm=", "Tense=", "Mood=", "PronType=", "Poss="};
    uint64_t h = (uint64_t)upos + 1;
    if (upos == QP_UPOS_VERB || upos == QP_UPOS_AUX)
        return (uint32_t)(px_mix(h, (uint64_t)cls + 100) | 1u << 31); /* the form as tagged in context */
    if (upos != QP_UPOS_VERB && upos != QP_UPOS_AUX && upos != QP_UPOS_PRON && upos != QP_UPOS_DET &&
        upos != QP_UPOS_ADJ)
        return (uint32_t)h;
    for (size_t k = 0; k < QP_ARRAY_LEN(keys); k++) {
        const char *p = strstr(feats, keys[k]);
        if (!p || (p != feats && p[-1] != '|'))
            continue;
        size_t n = strcspn(p, "|");
        h = px_mix(h, px_hash_bytes(p, n));
    }
    return (uint32_t)(h | 1u << 31);
}

uint64_t px_suffix_key(const char *suffix, size_t k, int upos)
{
    return px_f2(0x5355, px_hash_bytes(suffix, k), (uint64_t)upos);
}

uint64_t px_form_key(const char *form, int upos, int lower)
{
    return px_f3(0x464f, px_hash_bytes(form, strlen(form)), (uint64_t)upos, (uint64_t)lower);
}

#define PX_MAX_SUFFIX 8 /* bytes of suffix the lemma rules look at */

int px_lemmatize(const px_model *m, const px_wfeat *f, qp_word *w, size_t n, qp_arena *a)
{
    for (size_t i = 0; i < n; i++) {
        qp_word *x = &w[i];
        const uint32_t *v = px_map_find(&m->forms, px_form_key(x->form, x->upos, 0));
        char *lower = NULL;
        if (!v) {
            lower = px_lower(x->form, a);
            if (!lower)
                return QP_ENOMEM;
            v = px_map_find(&m->forms, px_form_key(lower, x->upos, 1));
        }
        if (v) {
            x->lemma = m->strings + v[0];
            x->feats = m->strings + v[1];
            /* "destroyed" is a participle in the treebank; in context the tagger knows better */
            if ((x->upos == QP_UPOS_VERB || x->upos == QP_UPOS_AUX) &&
                px_feats_vform(x->feats) != px_class_vform(f[i].cls))
                x->feats = m->strings + m->upos_feats[f[i].cls];
            continue;
        }
        /* an unseen form: the rule of its longest known suffix */
        size_t ln = strlen(lower);
        const uint32_t *rule = NULL;
        for (size_t k = ln < PX_MAX_SUFFIX ? ln : PX_MAX_SUFFIX; k > 0 && !rule; k--)
            rule = px_map_find(&m->suffixes, px_suffix_key(lower + ln - k, k, x->upos));
        const char *base = x->upos == QP_UPOS_PROPN ? x->form : lower;
        size_t bn = strlen(base);
        if (rule && rule[2] <= bn) {
            const char *add = m->strings + rule[0];
            size_t an = strlen(add);
            char *lemma = qp_arena_alloc(a, bn - rule[2] + an + 1);
            if (!lemma)
                return QP_ENOMEM;
            memcpy(lemma, base, bn - rule[2]);
            memcpy(lemma + bn - rule[2], add, an + 1);
            x->lemma = lemma;
            x->feats = m->strings + rule[1];
            if ((x->upos == QP_UPOS_VERB || x->upos == QP_UPOS_AUX) &&
                px_feats_vform(x->feats) != px_class_vform(f[i].cls))
                x->feats = m->strings + m->upos_feats[f[i].cls];
        } else {
            x->lemma = base;
            x->feats = m->strings + m->upos_feats[f[i].cls];
        }
    }
    return 0;
}
