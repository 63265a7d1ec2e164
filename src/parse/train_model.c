/* train_model.c — from treebanks to a model file: reading, labels, vocabulary, lemma tables, the
 * lexicon, held-out scores; the learning passes are in train_passes.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "parse_int.h"
#include "train.h"
#include "train_int.h"

void tr_say(const trainer *t, const char *fmt, ...)
{
    if (!t->o->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(t->o->log, fmt, ap);
    va_end(ap);
    fflush(t->o->log);
}

uint64_t tr_rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

void tr_shuffle(size_t *v, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(tr_rng_next(rng) % i);
        size_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

double tr_cpu_seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* ---- reading ---- */

static int read_file(const char *path, char **text, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return QP_EIO;
    }
    qp_buf b;
    qp_buf_init(&b);
    char chunk[1 << 16];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (qp_buf_append(&b, chunk, n) < 0) {
            rc = QP_ENOMEM;
            break;
        }
    if (ferror(f) && !rc) {
        snprintf(err, errlen, "%s: read error", path);
        rc = QP_EIO;
    }
    fclose(f);
    if (rc) {
        qp_buf_destroy(&b);
        return rc;
    }
    *len = b.len;
    *text = qp_buf_detach(&b);
    return 0;
}

/* The surface form of a multiword token line: its second column. */
static const char *mwt_form(const char *line, qp_arena *a)
{
    const char *t1 = strchr(line, '\t');
    if (!t1)
        return "";
    const char *t2 = strchr(t1 + 1, '\t');
    return qp_arena_strndup(a, t1 + 1, t2 ? (size_t)(t2 - t1 - 1) : strlen(t1 + 1));
}

/* Moves the heads of non-projective arcs up (to the head's head) until the tree is projective:
 * the arc-hybrid system builds projective trees only. */
static void projectivize(int *head, int n)
{
    for (int round = 0; round < n; round++) {
        int worst = -1, worst_len = 0;
        for (int d = 0; d < n; d++) {
            int h = head[d], lo = d < h ? d : h, hi = d < h ? h : d;
            for (int k = lo + 1; k < hi; k++) {
                int x = k, steps = 0;
                while (x != h && x != n && steps++ <= n)
                    x = head[x];
                if (x != h) {
                    if (worst < 0 || hi - lo < worst_len) {
                        worst = d;
                        worst_len = hi - lo;
                    }
                    break;
                }
            }
        }
        if (worst < 0)
            return;
        head[worst] = head[head[worst]] < 0 ? n : head[head[worst]];
        if (head[worst] == worst)
            head[worst] = n;
    }
}

static int add_sentence(trainer *t, const qp_conllu_sentence *cs)
{
    if (cs->nwords == 0)
        return 0;
    if (t->ns == t->caps) {
        size_t cap = t->caps ? t->caps * 2 : 1024;
        tsent *s = realloc(t->s, cap * sizeof *s);
        if (!s)
            return QP_ENOMEM;
        t->s = s;
        t->caps = cap;
    }
    tsent *s = &t->s[t->ns++];
    memset(s, 0, sizeof *s);
    s->w = cs->words;
    s->n = cs->nwords;
    qp_arena *a = &t->arena;
    s->f = qp_arena_calloc(a, s->n, sizeof *s->f);
    s->tags = qp_arena_alloc(a, s->n + 1);
    s->cls = qp_arena_alloc(a, s->n + 1);
    s->gold_cls = qp_arena_alloc(a, s->n + 1);
    s->gold_head = qp_arena_alloc(a, (s->n + 1) * sizeof *s->gold_head);
    s->gold_label = qp_arena_alloc(a, s->n + 1);
    s->surface = qp_arena_alloc(a, s->n * sizeof *s->surface);
    s->split = qp_arena_calloc(a, s->n, 1);
    if (!s->f || !s->tags || !s->cls || !s->gold_cls || !s->gold_head || !s->gold_label || !s->surface || !s->split)
        return QP_ENOMEM;
    for (size_t i = 0; i < s->n; i++) {
        s->gold_head[i] = s->w[i].head < 0 ? (int)s->n : s->w[i].head;
        s->gold_cls[i] = (uint8_t)px_class_of(s->w[i].upos, s->w[i].feats);
    }
    s->gold_head[s->n] = -1;
    projectivize(s->gold_head, (int)s->n);
    size_t k = 0;
    for (size_t i = 0; i < s->n;) {
        const qp_conllu_mwt *m = NULL;
        for (size_t j = 0; j < cs->nmwts; j++)
            if (cs->mwts[j].first == i)
                m = &cs->mwts[j];
        const char *form = m ? mwt_form(m->line, a) : s->w[i].form;
        if (!form || !(s->surface[k] = px_lower(form, a)))
            return QP_ENOMEM;
        s->split[k++] = m != NULL;
        i = m ? m->last + 1 : i + 1;
    }
    s->nsurface = k;
    return 0;
}

static int read_treebanks(trainer *t)
{
    for (size_t i = 0; i < t->o->nfiles; i++) {
        char *text = NULL;
        size_t len = 0;
        int rc = read_file(t->o->files[i], &text, &len, t->err, t->errlen);
        if (rc)
            return rc;
        qp_conllu_sentence *cs = NULL;
        size_t n = 0;
        qp_conllu_error e;
        rc = qp_conllu_read(text, len, &t->arena, &cs, &n, &e);
        free(text);
        if (rc) {
            snprintf(t->err, t->errlen, "%s:%zu: %s", t->o->files[i], e.line, e.message);
            return rc;
        }
        for (size_t k = 0; k < n; k++) {
            if (t->o->holdout > 1 && (t->ns + t->nheld) % (size_t)t->o->holdout == 0) {
                if (t->nheld == t->capheld) {
                    t->capheld = t->capheld ? t->capheld * 2 : 256;
                    qp_conllu_sentence *h = realloc(t->held, t->capheld * sizeof *h);
                    if (!h)
                        return QP_ENOMEM;
                    t->held = h;
                }
                t->held[t->nheld++] = cs[k];
                continue;
            }
            if ((rc = add_sentence(t, &cs[k])) != 0)
                return rc;
        }
        tr_say(t, "%s: %zu sentences\n", t->o->files[i], n);
    }
    if (!t->ns) {
        snprintf(t->err, t->errlen, "no sentence to train on");
        return QP_EINVAL;
    }
    return 0;
}

/* ---- labels, vocabulary ---- */

static int make_labels(trainer *t)
{
    uint8_t used[QP_DEP_COUNT] = {0};
    used[QP_DEP_ROOT] = 1;
    for (size_t i = 0; i < t->ns; i++)
        for (size_t k = 0; k < t->s[i].n; k++)
            if (t->s[i].w[k].head >= 0)
                used[t->s[i].w[k].deprel] = 1;
    t->nlabels = 0;
    for (int r = 0; r < QP_DEP_COUNT; r++) {
        t->rel_label[r] = -1;
        if (!used[r])
            continue;
        if (t->nlabels == PX_MAX_LABELS) {
            snprintf(t->err, t->errlen, "more than %d relations in the treebanks", PX_MAX_LABELS);
            return QP_EINVAL;
        }
        t->label_rel[t->nlabels] = (uint8_t)r;
        t->rel_label[r] = (int16_t)t->nlabels++;
    }
    t->root_label = t->rel_label[QP_DEP_ROOT];
    for (size_t i = 0; i < t->ns; i++) {
        tsent *s = &t->s[i];
        for (size_t k = 0; k < s->n; k++)
            s->gold_label[k] = (uint8_t)(s->gold_head[k] == (int)s->n ? t->root_label : t->rel_label[s->w[k].deprel]);
    }
    qp_buf *b = &t->sec[PX_SEC_LABELS];
    uint32_t hdr[2] = {(uint32_t)t->nlabels, (uint32_t)t->root_label};
    if (qp_buf_append(b, (const char *)hdr, sizeof hdr) < 0)
        return QP_ENOMEM;
    for (int l = 0; l < t->nlabels; l++) {
        const char *name = qp_deprel_name(t->label_rel[l]);
        if (qp_buf_append(b, name, strlen(name) + 1) < 0)
            return QP_ENOMEM;
    }
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Words seen at least twice become the parser's vocabulary. */
static int make_vocab(trainer *t)
{
    size_t total = 0;
    for (size_t i = 0; i < t->ns; i++)
        total += t->s[i].n;
    uint64_t *all = malloc((total + 1) * sizeof *all);
    if (!all)
        return QP_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < t->ns; i++)
        for (size_t j = 0; j < t->s[i].n; j++)
            all[k++] = t->s[i].f[j].lower;
    qsort(all, k, sizeof *all, cmp_u64);
    map_builder mb = {0};
    int rc = 0;
    for (size_t i = 0; i < k && !rc;) {
        size_t j = i;
        while (j < k && all[j] == all[i])
            j++;
        if (j - i >= 2)
            rc = mb_add(&mb, all[i], (uint32_t)(j - i), 0, 0);
        i = j;
    }
    free(all);
    if (!rc)
        rc = mb_build(&mb, &t->sec[PX_SEC_VOCAB], &t->vocab_slots, &t->m.vocab.nslots);
    t->m.vocab.slots = t->vocab_slots;
    tr_say(t, "vocabulary: %zu words seen twice or more\n", mb.n);
    free(mb.e);
    return rc;
}

/* ---- lemmas and features: the commonest analysis of each (form, tag) and (suffix, tag) ---- */

typedef struct tuple {
    uint64_t key;
    const char *a, *b;
    uint32_t n;
} tuple;

static int cmp_tuple(const void *x, const void *y)
{
    const tuple *p = x, *q = y;
    if (p->key != q->key)
        return p->key < q->key ? -1 : 1;
    int c = strcmp(p->a, q->a);
    if (c)
        return c;
    c = strcmp(p->b, q->b);
    if (c)
        return c;
    return p->n < q->n ? -1 : p->n > q->n;
}

typedef struct tuple_list {
    tuple *v;
    size_t n, cap;
} tuple_list;

static int tl_add(tuple_list *l, uint64_t key, const char *a, const char *b, uint32_t n)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1 << 16;
        tuple *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return QP_ENOMEM;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (tuple){key, a, b, n};
    return 0;
}

/* For each key, the commonest (a, b, n) seen at least min_count times goes into the map,
 * strings through the pool. values: 0 (a, b) or 1 (a, b, n) */
static int tl_best(trainer *t, tuple_list *l, uint32_t min_count, map_builder *mb)
{
    qsort(l->v, l->n, sizeof *l->v, cmp_tuple);
    for (size_t i = 0; i < l->n;) {
        size_t j = i, best = i, bestc = 0;
        while (j < l->n && l->v[j].key == l->v[i].key) {
            size_t k = j;
            while (k < l->n && !cmp_tuple(&l->v[k], &l->v[j]))
                k++;
            if (k - j > bestc) {
                bestc = k - j;
                best = j;
            }
            j = k;
        }
        if (bestc >= min_count) {
            uint32_t a = sp_add(&t->strings, l->v[best].a), b = sp_add(&t->strings, l->v[best].b);
            if (a == UINT32_MAX || b == UINT32_MAX || mb_add(mb, l->v[best].key, a, b, l->v[best].n) < 0)
                return QP_ENOMEM;
        }
        i = j;
    }
    return 0;
}

static int make_lemma_tables(trainer *t)
{
    tuple_list forms = {0}, sufs = {0}, upos = {0};
    int rc = 0;
    qp_arena *a = &t->arena;
    for (size_t i = 0; i < t->ns && !rc; i++) {
        for (size_t k = 0; k < t->s[i].n && !rc; k++) {
            const qp_word *w = &t->s[i].w[k];
            char *lf = px_lower(w->form, a), *ll = px_lower(w->lemma, a);
            if (!lf || !ll) {
                rc = QP_ENOMEM;
                break;
            }
            const char *feats = w->feats && *w->feats ? w->feats : "_";
            rc = tl_add(&forms, px_form_key(w->form, w->upos, 0), w->lemma, feats, 0);
            if (!rc)
                rc = tl_add(&forms, px_form_key(lf, w->upos, 1), w->lemma, feats, 0);
            if (!rc)
                rc = tl_add(&upos, (uint64_t)px_class_of(w->upos, w->feats), "_", feats, 0);
            /* the edit from lower-case form to lower-case lemma: strip bytes, add an ending */
            size_t fn = strlen(lf), p = 0;
            while (lf[p] && lf[p] == ll[p])
                p++;
            while (p > 0 && ((unsigned char)lf[p] & 0xC0) == 0x80)
                p--; /* cut at a character boundary */
            uint32_t strip = (uint32_t)(fn - p);
            const char *add = ll + p;
            for (size_t k2 = 1; k2 <= 8 && k2 <= fn && !rc; k2++) {
                if (((unsigned char)lf[fn - k2] & 0xC0) == 0x80 || strip > k2)
                    continue;
                rc = tl_add(&sufs, px_suffix_key(lf + fn - k2, k2, w->upos), add, feats, strip);
            }
        }
    }
    map_builder fm = {0}, sm = {0}, um = {0};
    if (!rc)
        rc = tl_best(t, &forms, 1, &fm);
    if (!rc)
        rc = tl_best(t, &sufs, 2, &sm);
    if (!rc)
        rc = tl_best(t, &upos, 1, &um);
    if (!rc)
        rc = mb_build(&fm, &t->sec[PX_SEC_FORMS], &t->forms_slots, &t->m.forms.nslots);
    if (!rc)
        rc = mb_build(&sm, &t->sec[PX_SEC_SUFFIXES], &t->suffix_slots, &t->m.suffixes.nslots);
    t->m.forms.slots = t->forms_slots;
    t->m.suffixes.slots = t->suffix_slots;
    uint32_t uf[PX_NCLASS] = {0};
    for (size_t i = 0; i < um.n; i++)
        if (um.e[i].key < PX_NCLASS)
            uf[um.e[i].key] = um.e[i].v[1];
    if (!rc)
        rc = qp_buf_append(&t->sec[PX_SEC_UPOSFEATS], (const char *)uf, sizeof uf);
    memcpy(t->upos_feats, uf, sizeof uf);
    tr_say(t, "lemma tables: %zu forms, %zu suffix rules\n", fm.n, sm.n);
    free(forms.v);
    free(sufs.v);
    free(upos.v);
    free(fm.e);
    free(sm.e);
    free(um.e);
    return rc;
}

/* ---- the lexicon (optional) ---- */

static int make_lexicon(trainer *t)
{
    /* tools/lexparse writes the section as it is stored; without one it is an empty table */
    if (!t->o->lexicon) {
        uint32_t hdr[2] = {0, 0};
        return qp_buf_append(&t->sec[PX_SEC_LEXICON], (const char *)hdr, sizeof hdr);
    }
    char *text = NULL;
    size_t len = 0;
    int rc = read_file(t->o->lexicon, &text, &len, t->err, t->errlen);
    if (rc)
        return rc;
    rc = qp_buf_append(&t->sec[PX_SEC_LEXICON], text, len);
    free(text);
    if (!rc && px_lexicon_read(&t->m.lexicon, (const uint8_t *)t->sec[PX_SEC_LEXICON].data, len) < 0) {
        snprintf(t->err, t->errlen, "%s: not a lexicon table (tools/lexparse)", t->o->lexicon);
        rc = QP_EINVAL;
    }
    return rc;
}

/* Scores the written model on the held-out sentences (gold words). */
static int score_held(trainer *t, const char *path, qp_train_options *o)
{
    qp_parser *p = NULL;
    int rc = qp_parser_load_files(&p, o->lang == QP_LANG_FR ? path : NULL, o->lang == QP_LANG_EN ? path : NULL,
                                  t->err, t->errlen);
    if (rc)
        return rc;
    qp_arena a;
    qp_arena_init(&a, 1 << 16);
    size_t words = 0, upos = 0, uas = 0, las = 0;
    for (size_t i = 0; i < t->nheld && !rc; i++) {
        const qp_conllu_sentence *s = &t->held[i];
        qp_word *w = qp_arena_alloc(&a, (s->nwords + 1) * sizeof *w);
        if (!w) {
            rc = QP_ENOMEM;
            break;
        }
        memcpy(w, s->words, s->nwords * sizeof *w);
        rc = qp_parse_words(p, o->lang, w, s->nwords, &a);
        for (size_t k = 0; k < s->nwords && !rc; k++) {
            words++;
            upos += w[k].upos == s->words[k].upos;
            uas += w[k].head == s->words[k].head;
            las += w[k].head == s->words[k].head &&
                   qp_deprel_universal(w[k].deprel) == qp_deprel_universal(s->words[k].deprel);
        }
        qp_arena_reset(&a);
    }
    qp_arena_destroy(&a);
    qp_parser_destroy(p);
    if (words) {
        o->held_upos = (double)upos / words;
        o->held_uas = (double)uas / words;
        o->held_las = (double)las / words;
        tr_say(t, "held out: %zu sentences, %zu words: UPOS %.4f UAS %.4f LAS %.4f\n", t->nheld, words, o->held_upos,
            o->held_uas, o->held_las);
    }
    return rc;
}

int qp_train_model(qp_train_options *o, const char *out_path, char *err, size_t errlen)
{
    trainer t;
    memset(&t, 0, sizeof t);
    t.o = o;
    t.err = err;
    t.errlen = errlen;
    t.rng = o->seed ? o->seed : 42;
    err[0] = '\0';
    qp_arena_init(&t.arena, 1 << 20);
    for (int i = 0; i < PX_SEC_COUNT; i++)
        qp_buf_init(&t.sec[i]);
    int rc = sp_init(&t.strings);
    t.m.lang = o->lang;
    if (!rc)
        rc = read_treebanks(&t);
    if (!rc)
        rc = make_lexicon(&t);
    if (!rc)
        rc = make_labels(&t);
    /* word features without a vocabulary, to count the words; then again with it */
    for (int pass = 0; pass < 2 && !rc; pass++) {
        for (size_t i = 0; i < t.ns && !rc; i++)
            rc = px_word_features(pass ? &t.m : NULL, t.s[i].w, t.s[i].n, t.s[i].f, &t.arena);
        if (!rc && pass == 0)
            rc = make_vocab(&t);
    }
    if (!rc)
        rc = make_lemma_tables(&t);
    if (!rc)
        rc = tr_make_split(&t);
    if (!rc)
        rc = tr_make_tagger(&t);
    if (!rc)
        rc = tr_make_fine_tags(&t);
    if (!rc)
        rc = tr_make_cands(&t);
    if (!rc)
        rc = tr_make_parser(&t);
    if (!rc)
        rc = qp_buf_append(&t.sec[PX_SEC_STRINGS], t.strings.text.data, t.strings.text.len);
    if (!rc)
        rc = mf_write(out_path, o->lang, t.sec, err, errlen);
    if (!rc && t.nheld)
        rc = score_held(&t, out_path, o);
    if (rc == QP_ENOMEM && !err[0])
        snprintf(err, errlen, "out of memory while training");
    for (int i = 0; i < PX_SEC_COUNT; i++)
        qp_buf_destroy(&t.sec[i]);
    sp_destroy(&t.strings);
    free(t.vocab_slots);
    free(t.forms_slots);
    free(t.suffix_slots);
    free(t.s);
    free(t.held);
    qp_arena_destroy(&t.arena);
    return rc;
}
