/* train_passes.c — the learning passes: tagger (jackknifed), contractions, parser and labels. */
#include <stdlib.h>
#include <string.h>

#include "parse_int.h"
#include "train.h"
#include "train_int.h"

/* ---- tagger ---- */

/* One pass of the tagger over the sentences order[0,n); returns the words tagged right. */
static size_t tagger_pass(tw_table *tw, trainer *t, const size_t *order, size_t n, int learn, uint8_t **out)
{
    uint64_t feats[PX_TAG_FEATS];
    size_t right = 0;
    for (size_t oi = 0; oi < n; oi++) {
        tsent *s = &t->s[order[oi]];
        uint8_t *pred = out ? out[order[oi]] : s->cls;
        for (size_t i = 0; i < s->n; i++) {
            int32_t scores[PX_NCLASS] = {0};
            size_t nf = px_tag_features(s->f, s->n, i, i > 0 ? pred[i - 1] : 0, i > 1 ? pred[i - 2] : 0, feats);
            tw_score(tw, feats, nf, scores);
            int best = 0;
            for (int c = 1; c < PX_NCLASS; c++)
                if (scores[c] > scores[best])
                    best = c;
            int gold = s->gold_cls[i];
            if (learn) {
                if (best != gold && tw_update(tw, feats, nf, gold, best, tw->clock) < 0)
                    return (size_t)-1;
                tw->clock++;
            }
            pred[i] = (uint8_t)best;
            right += best == gold;
        }
    }
    return right;
}

static int train_tagger(trainer *t, tw_table *tw, const size_t *sents, size_t n, int epochs)
{
    size_t *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return QP_ENOMEM;
    memcpy(order, sents, n * sizeof *order);
    for (int e = 0; e < epochs; e++) {
        tr_shuffle(order, n, &t->rng);
        if (tagger_pass(tw, t, order, n, 1, NULL) == (size_t)-1) {
            free(order);
            return QP_ENOMEM;
        }
    }
    free(order);
    return 0;
}

/* Tags with the averaged weights of tw: exports it to a temporary px_table. */
static int tag_with(trainer *t, const tw_table *tw, const size_t *sents, size_t n, size_t *right, size_t *words)
{
    qp_buf b;
    qp_buf_init(&b);
    int rc = tw_export(tw, 0, 0, &b, NULL);
    if (rc) {
        qp_buf_destroy(&b);
        return rc;
    }
    /* the export is in a malloc'd buffer, aligned: read it as a table in place */
    px_model m = t->m;
    if (px_table_read(&m.tagger, (const uint8_t *)b.data, b.len) < 0) {
        qp_buf_destroy(&b);
        return QP_EINVAL;
    }
    for (size_t k = 0; k < n; k++) {
        tsent *s = &t->s[sents[k]];
        uint64_t feats[PX_TAG_FEATS];
        for (size_t i = 0; i < s->n; i++) {
            int32_t scores[PX_NCLASS] = {0};
            size_t nf = px_tag_features(s->f, s->n, i, i > 0 ? s->cls[i - 1] : 0, i > 1 ? s->cls[i - 2] : 0, feats);
            px_score(&m.tagger, feats, nf, scores);
            int best = 0;
            for (int c = 1; c < PX_NCLASS; c++)
                if (scores[c] > scores[best])
                    best = c;
            s->cls[i] = (uint8_t)best;
            *right += px_class_upos(best) == s->w[i].upos;
            (*words)++;
        }
    }
    qp_buf_destroy(&b);
    return 0;
}

int tr_make_tagger(trainer *t)
{
    int folds = t->o->folds > 0 ? t->o->folds : 4;
    size_t *idx = malloc((t->ns + 1) * sizeof *idx), *rest = malloc((t->ns + 1) * sizeof *rest);
    if (!idx || !rest) {
        free(idx);
        free(rest);
        return QP_ENOMEM;
    }
    int rc = 0;
    double t0 = tr_cpu_seconds();
    if (folds == 1) {
        for (size_t i = 0; i < t->ns; i++)
            for (size_t k = 0; k < t->s[i].n; k++)
                t->s[i].cls[k] = t->s[i].gold_cls[k];
    } else {
        size_t right = 0, words = 0;
        for (int fo = 0; fo < folds && !rc; fo++) {
            size_t nin = 0, nout = 0;
            for (size_t i = 0; i < t->ns; i++) {
                if ((int)(i % (size_t)folds) == fo)
                    idx[nout++] = i;
                else
                    rest[nin++] = i;
            }
            tw_table tw;
            rc = tw_init(&tw, PX_NCLASS);
            if (!rc)
                rc = train_tagger(t, &tw, rest, nin, t->o->tagger_epochs);
            if (!rc)
                rc = tag_with(t, &tw, idx, nout, &right, &words);
            tw_destroy(&tw);
        }
        tr_say(t, "tagger: %d-fold jackknife accuracy %.4f (%.1f s)\n", folds, words ? (double)right / words : 0,
            tr_cpu_seconds() - t0);
    }
    for (size_t i = 0; i < t->ns; i++)
        idx[i] = i;
    tw_table tw;
    if (!rc)
        rc = tw_init(&tw, PX_NCLASS);
    if (!rc) {
        /* the final tagger writes its tags into a scratch copy: the jackknifed ones stay */
        uint8_t **scratch = calloc(t->ns, sizeof *scratch);
        rc = scratch ? 0 : QP_ENOMEM;
        for (size_t i = 0; i < t->ns && !rc; i++)
            if (!(scratch[i] = qp_arena_alloc(&t->arena, t->s[i].n + 1)))
                rc = QP_ENOMEM;
        for (int e = 0; e < t->o->tagger_epochs && !rc; e++) {
            tr_shuffle(idx, t->ns, &t->rng);
            if (tagger_pass(&tw, t, idx, t->ns, 1, scratch) == (size_t)-1)
                rc = QP_ENOMEM;
        }
        free(scratch);
        size_t kept = 0;
        if (!rc)
            rc = tw_export(&tw, 0, t->o->prune, &t->sec[PX_SEC_TAGGER], &kept);
        tr_say(t, "tagger: %zu features (%.1f s)\n", kept, tr_cpu_seconds() - t0);
        tw_destroy(&tw);
    }
    free(idx);
    free(rest);
    for (size_t i = 0; i < t->ns; i++)
        for (size_t k = 0; k < t->s[i].n; k++)
            t->s[i].tags[k] = (uint8_t)px_class_upos(t->s[i].cls[k]);
    return rc;
}

/* ---- contractions: keep or split ---- */

static int is_ambiguous_contraction(qp_lang lang, const char *lower)
{
    return lang == QP_LANG_FR && (!strcmp(lower, "des") || !strcmp(lower, "du"));
}

int tr_make_split(trainer *t)
{
    tw_table tw;
    int rc = tw_init(&tw, PX_NSPLIT);
    uint64_t feats[PX_SPLIT_FEATS];
    size_t total = 0, right = 0;
    for (int e = 0; e < 5 && !rc; e++) {
        for (size_t i = 0; i < t->ns && !rc; i++) {
            tsent *s = &t->s[i];
            for (size_t k = 0; k < s->nsurface && !rc; k++) {
                if (!is_ambiguous_contraction(t->o->lang, s->surface[k]))
                    continue;
                size_t nf = px_split_features(&t->m, s->surface, s->nsurface, k, feats);
                int32_t sc[PX_NSPLIT] = {0};
                tw_score(&tw, feats, nf, sc);
                int pred = sc[PX_SPLIT] > sc[PX_KEEP], gold = s->split[k];
                if (e == 4) {
                    total++;
                    right += pred == gold;
                }
                if (pred != gold)
                    rc = tw_update(&tw, feats, nf, gold, pred, tw.clock);
                tw.clock++;
            }
        }
    }
    if (!rc)
        rc = tw_export(&tw, 0, 0, &t->sec[PX_SEC_SPLIT], NULL);
    if (total)
        tr_say(t, "contractions: %zu ambiguous, %.4f right on the last pass\n", total, (double)right / total);
    tw_destroy(&tw);
    return rc;
}

/* ---- parser ---- */

/* The fine tags the parser learns on: from the features the lemmatiser gives each word under
 * its predicted tag, as at run time. */
int tr_make_fine_tags(trainer *t)
{
    t->m.strings = t->strings.text.data;
    t->m.nstrings = (uint32_t)t->strings.text.len;
    t->m.upos_feats = t->upos_feats;
    qp_arena scratch;
    qp_arena_init(&scratch, 1 << 16);
    int rc = 0;
    for (size_t i = 0; i < t->ns && !rc; i++) {
        tsent *s = &t->s[i];
        qp_word *w = qp_arena_alloc(&scratch, s->n * sizeof *w);
        if (!w) {
            rc = QP_ENOMEM;
            break;
        }
        memcpy(w, s->w, s->n * sizeof *w);
        for (size_t k = 0; k < s->n; k++) {
            w[k].upos = s->tags[k];
            s->f[k].cls = s->cls[k];
        }
        rc = px_lemmatize(&t->m, s->f, w, s->n, &scratch);
        for (size_t k = 0; k < s->n && !rc; k++)
            s->f[k].fine = px_fine_tag(w[k].upos, w[k].feats, s->cls[k]);
        qp_arena_reset(&scratch);
    }
    qp_arena_destroy(&scratch);
    return rc;
}

int tr_make_cands(trainer *t)
{
    memset(t->cands, 0, sizeof t->cands);
    for (size_t i = 0; i < t->ns; i++) {
        tsent *s = &t->s[i];
        for (size_t k = 0; k < s->n; k++) {
            int h = s->gold_head[k];
            if (h == (int)s->n)
                continue;
            int right = (int)k > h;
            uint64_t bit = 1ull << s->gold_label[k];
            t->cands[((size_t)s->w[h].upos * PX_NTAGS + s->w[k].upos) * 2 + right] |= bit;
            t->cands[((size_t)s->tags[h] * PX_NTAGS + s->tags[k]) * 2 + right] |= bit;
        }
    }
    return qp_buf_append(&t->sec[PX_SEC_CANDS], (const char *)t->cands, sizeof t->cands);
}

int tr_make_parser(trainer *t)
{
    tw_table tt, lt;
    int rc = tw_init(&tt, PX_NTRANS);
    if (!rc)
        rc = tw_init(&lt, t->nlabels);
    if (rc)
        return rc;
    px_model m = t->m;
    m.cands = t->cands;
    m.nlabels = (uint32_t)t->nlabels;
    size_t *order = malloc((t->ns + 1) * sizeof *order);
    if (!order)
        rc = QP_ENOMEM;
    for (size_t i = 0; i < t->ns && !rc; i++)
        order[i] = i;
    uint64_t feats[PX_PARSE_FEATS], lfeats[PX_LABEL_FEATS];
    double t0 = tr_cpu_seconds();
    for (int e = 0; e < t->o->parser_epochs && !rc; e++) {
        tr_shuffle(order, t->ns, &t->rng);
        size_t arcs = 0, right_arcs = 0, right_labels = 0;
        for (size_t oi = 0; oi < t->ns && !rc; oi++) {
            tsent *s = &t->s[order[oi]];
            qp_arena scratch;
            qp_arena_init(&scratch, 1 << 14);
            px_state st;
            if (px_state_init(&st, (int)s->n, &scratch) < 0) {
                rc = QP_ENOMEM;
                qp_arena_destroy(&scratch);
                break;
            }
            s->tags[s->n] = PX_TAG_ROOT;
            while (!px_state_final(&st) && !rc) {
                int32_t sc[PX_NTRANS] = {0};
                size_t nf = px_parse_features(&st, s->f, s->tags, feats);
                tw_score(&tt, feats, nf, sc);
                int cost[PX_NTRANS];
                px_costs(&st, s->gold_head, cost);
                int pred = -1, gold = -1, mincost = -1;
                for (int x = 0; x < PX_NTRANS; x++) {
                    if (cost[x] < 0)
                        continue;
                    if (pred < 0 || sc[x] > sc[pred])
                        pred = x;
                    if (mincost < 0 || cost[x] < mincost)
                        mincost = cost[x];
                }
                for (int x = 0; x < PX_NTRANS; x++)
                    if (cost[x] == mincost && (gold < 0 || sc[x] > sc[gold]))
                        gold = x;
                int next = pred, nvalid = 0;
                for (int x = 0; x < PX_NTRANS; x++)
                    nvalid += cost[x] >= 0;
                if (nvalid > 1 && cost[pred] > mincost) {
                    rc = tw_update(&tt, feats, nf, gold, pred, tt.clock);
                    if (e == 0 || (double)(tr_rng_next(&t->rng) >> 11) / 9007199254740992.0 >= t->o->explore)
                        next = gold;
                }
                tt.clock++;
                int label = PX_LABEL_NONE;
                if (next != PX_SHIFT) {
                    int dep, head;
                    px_arc_of(&st, next, &dep, &head);
                    if (head == (int)s->n) {
                        label = t->root_label;
                    } else {
                        uint64_t cands = px_label_cands(&m, s->tags, head, dep, (int)s->n) & ~(1ull << t->root_label);
                        if (!cands)
                            cands = ~(1ull << t->root_label);
                        int32_t ls[PX_MAX_LABELS] = {0};
                        size_t nl = px_label_features(&st, s->f, s->tags, head, dep, lfeats);
                        tw_score(&lt, lfeats, nl, ls);
                        label = px_best_label(ls, cands, t->nlabels);
                        if (s->gold_head[dep] == head) {
                            int g = s->gold_label[dep];
                            if (label != g && !rc)
                                rc = tw_update(&lt, lfeats, nl, g, label, lt.clock);
                            lt.clock++;
                            right_labels += label == g;
                        }
                    }
                    arcs++;
                    right_arcs += s->gold_head[dep] == head;
                }
                px_apply(&st, next, label);
            }
            qp_arena_destroy(&scratch);
        }
        tr_say(t, "parser: pass %d, arcs right %.4f, labels right on them %.4f (%.1f s)\n", e + 1,
            arcs ? (double)right_arcs / arcs : 0, right_arcs ? (double)right_labels / right_arcs : 0,
            tr_cpu_seconds() - t0);
    }
    free(order);
    size_t kt = 0, kl = 0;
    if (!rc)
        rc = tw_export(&tt, 0, t->o->prune, &t->sec[PX_SEC_TRANS], &kt);
    if (!rc)
        rc = tw_export(&lt, 1, t->o->prune, &t->sec[PX_SEC_LABELW], &kl);
    tr_say(t, "parser: %zu transition features, %zu label features\n", kt, kl);
    tw_destroy(&tt);
    tw_destroy(&lt);
    return rc;
}
