/* train.c — averaged perceptrons for the tagger, the parser's transitions and its labels. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conllu.h"
#include "parse_int.h"
#include "train.h"
#include "train_int.h"

void qp_train_defaults(qp_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->tagger_epochs = 8;
    o->parser_epochs = 15;
    o->folds = 4;
    o->explore = 0.9;
    o->seed = 42;
}

/* ---- weights while training: exact 64-bit keys, averaged (Daume's trick) ---- */

int tw_init(tw_table *t, int nclass)
{
    memset(t, 0, sizeof *t);
    t->nclass = nclass;
    t->nslots = 1u << 16;
    t->keys = calloc(t->nslots, sizeof *t->keys);
    t->idx = calloc(t->nslots, sizeof *t->idx);
    return t->keys && t->idx ? 0 : QP_ENOMEM;
}

void tw_destroy(tw_table *t)
{
    free(t->keys);
    free(t->idx);
    free(t->w);
    free(t->u);
    memset(t, 0, sizeof *t);
}

static inline uint64_t nonzero(uint64_t h)
{
    return h ? h : 1;
}

static long tw_lookup(const tw_table *t, uint64_t h)
{
    h = nonzero(h);
    size_t mask = t->nslots - 1, i = (size_t)h & mask;
    for (;;) {
        if (t->keys[i] == h)
            return (long)t->idx[i];
        if (!t->keys[i])
            return -1;
        i = (i + 1) & mask;
    }
}

static int tw_grow(tw_table *t)
{
    size_t ns = t->nslots * 2;
    uint64_t *keys = calloc(ns, sizeof *keys);
    uint32_t *idx = calloc(ns, sizeof *idx);
    if (!keys || !idx) {
        free(keys);
        free(idx);
        return QP_ENOMEM;
    }
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->keys[i])
            continue;
        size_t j = (size_t)t->keys[i] & (ns - 1);
        while (keys[j])
            j = (j + 1) & (ns - 1);
        keys[j] = t->keys[i];
        idx[j] = t->idx[i];
    }
    free(t->keys);
    free(t->idx);
    t->keys = keys;
    t->idx = idx;
    t->nslots = ns;
    return 0;
}

/* The row of h, created when missing; -1 when out of memory. */
static long tw_row(tw_table *t, uint64_t h)
{
    long r = tw_lookup(t, h);
    if (r >= 0)
        return r;
    if ((t->nrows + 1) * 2 > t->nslots && tw_grow(t) < 0)
        return -1;
    if (t->nrows == t->caprows) {
        size_t cap = t->caprows ? t->caprows * 2 : 4096;
        int32_t *w = realloc(t->w, cap * t->nclass * sizeof *w);
        if (!w)
            return -1;
        t->w = w;
        int64_t *u = realloc(t->u, cap * t->nclass * sizeof *u);
        if (!u)
            return -1;
        t->u = u;
        t->caprows = cap;
    }
    h = nonzero(h);
    size_t mask = t->nslots - 1, i = (size_t)h & mask;
    while (t->keys[i])
        i = (i + 1) & mask;
    t->keys[i] = h;
    t->idx[i] = (uint32_t)t->nrows;
    memset(t->w + t->nrows * t->nclass, 0, t->nclass * sizeof *t->w);
    memset(t->u + t->nrows * t->nclass, 0, t->nclass * sizeof *t->u);
    return (long)t->nrows++;
}

void tw_score(const tw_table *t, const uint64_t *feats, size_t n, int32_t *scores)
{
    for (size_t f = 0; f < n; f++) {
        long r = tw_lookup(t, feats[f]);
        if (r < 0)
            continue;
        const int32_t *w = t->w + (size_t)r * t->nclass;
        for (int c = 0; c < t->nclass; c++)
            scores[c] += w[c];
    }
}

/* Rewards class good and punishes class bad on the features, at time c. */
int tw_update(tw_table *t, const uint64_t *feats, size_t n, int good, int bad, int64_t c)
{
    for (size_t f = 0; f < n; f++) {
        long r = tw_row(t, feats[f]);
        if (r < 0)
            return QP_ENOMEM;
        int32_t *w = t->w + (size_t)r * t->nclass;
        int64_t *u = t->u + (size_t)r * t->nclass;
        w[good]++;
        u[good] += c;
        w[bad]--;
        u[bad] -= c;
    }
    return 0;
}

/* ---- the model file: sections written into buffers, then one file ---- */

static int put(qp_buf *b, const void *p, size_t n)
{
    return qp_buf_append(b, p, n);
}

static uint32_t pow2_at_least(size_t n)
{
    uint32_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

/* Writes a training table as a model table: averaged, scaled to int16, weights within prune of
 * 0 dropped (whole rows in a dense table, single weights in a sparse one). */
int tw_export(const tw_table *t, int sparse, int prune, qp_buf *out, size_t *kept_rows)
{
    int nc = t->nclass;
    uint16_t stride = (uint16_t)(nc | 1);
    double cfinal = (double)t->clock + 1;
    double maxabs = 0;
    for (size_t i = 0; i < t->nrows * (size_t)nc; i++) {
        double a = fabs((double)t->w[i] - (double)t->u[i] / cfinal);
        if (a > maxabs)
            maxabs = a;
    }
    double scale = maxabs > 0 ? 32000.0 / maxabs : 1.0;
    int16_t *q = calloc(t->nrows * (size_t)nc + 1, sizeof *q);
    uint16_t *rowlen = calloc(t->nrows + 1, sizeof *rowlen);
    if (!q || !rowlen) {
        free(q);
        free(rowlen);
        return QP_ENOMEM;
    }
    size_t nkeep = 0, nrowdata = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        int big = 0;
        for (int c = 0; c < nc; c++) {
            double a = ((double)t->w[r * nc + c] - (double)t->u[r * nc + c] / cfinal) * scale;
            long v = lround(a);
            int16_t x = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
            if (sparse && abs(x) <= prune)
                x = 0;
            q[r * nc + c] = x;
            big += abs(x) > prune;
        }
        rowlen[r] = (uint16_t)big;
        nkeep += big > 0;
        if (big)
            nrowdata += 1 + 2 * (size_t)big;
    }
    uint32_t nslots = nkeep ? pow2_at_least(nkeep * 3 / 2 + 1) : 0;
    size_t width = sparse ? 4 : 1 + (size_t)stride; /* in uint16 */
    uint16_t *slots = calloc((size_t)nslots * width + 1, sizeof *slots);
    uint16_t *rows = sparse ? calloc(nrowdata + 1, sizeof *rows) : NULL;
    if (!slots || (sparse && !rows)) {
        free(q);
        free(rowlen);
        free(slots);
        free(rows);
        return QP_ENOMEM;
    }
    /* insert in slot order of the training table: deterministic */
    size_t off = 0;
    for (size_t i = 0; i < t->nslots; i++) {
        if (!t->keys[i] || !rowlen[t->idx[i]])
            continue;
        uint64_t h = t->keys[i];
        uint32_t r = t->idx[i], j = (uint32_t)h & (nslots - 1);
        if (sparse) {
            uint32_t *s32 = (uint32_t *)(void *)slots;
            while (s32[2 * (size_t)j])
                j = (j + 1) & (nslots - 1);
            s32[2 * (size_t)j] = (uint32_t)(h >> 32) | 1u;
            s32[2 * (size_t)j + 1] = (uint32_t)off;
            rows[off++] = rowlen[r];
            for (int c = 0; c < nc; c++)
                if (q[(size_t)r * nc + c]) {
                    rows[off++] = (uint16_t)c;
                    rows[off++] = (uint16_t)q[(size_t)r * nc + c];
                }
        } else {
            while (slots[(size_t)j * width])
                j = (j + 1) & (nslots - 1);
            slots[(size_t)j * width] = (uint16_t)((h >> 48) | 1u);
            for (int c = 0; c < nc; c++)
                slots[(size_t)j * width + 1 + c] = (uint16_t)q[(size_t)r * nc + c];
        }
    }
    uint32_t hdr[6] = {nslots, (uint32_t)nc, stride, (uint32_t)sparse, (uint32_t)nrowdata, 0};
    int rc = put(out, hdr, sizeof hdr);
    if (!rc && nslots)
        rc = put(out, slots, (size_t)nslots * width * sizeof *slots);
    if (!rc && sparse && nrowdata)
        rc = put(out, rows, nrowdata * sizeof *rows);
    free(q);
    free(rowlen);
    free(slots);
    free(rows);
    if (kept_rows)
        *kept_rows = nkeep;
    return rc;
}

/* ---- maps and strings ---- */

int sp_init(string_pool *sp)
{
    memset(sp, 0, sizeof *sp);
    qp_buf_init(&sp->text);
    sp->nslots = 1u << 12;
    sp->slots = calloc(sp->nslots, sizeof *sp->slots);
    if (!sp->slots)
        return QP_ENOMEM;
    return sp_add(sp, "_") == 0 ? 0 : QP_ENOMEM;
}

void sp_destroy(string_pool *sp)
{
    qp_buf_destroy(&sp->text);
    free(sp->slots);
}

/* The offset of s in the pool, added when missing; UINT32_MAX when out of memory. */
uint32_t sp_add(string_pool *sp, const char *s)
{
    size_t n = strlen(s);
    uint64_t h = px_hash_bytes(s, n);
    if ((sp->count + 1) * 2 > sp->nslots) {
        size_t ns = sp->nslots * 2;
        uint32_t *slots = calloc(ns, sizeof *slots);
        if (!slots)
            return UINT32_MAX;
        for (size_t i = 0; i < sp->nslots; i++) {
            if (!sp->slots[i])
                continue;
            const char *t = sp->text.data + sp->slots[i] - 1;
            size_t j = (size_t)px_hash_bytes(t, strlen(t)) & (ns - 1);
            while (slots[j])
                j = (j + 1) & (ns - 1);
            slots[j] = sp->slots[i];
        }
        free(sp->slots);
        sp->slots = slots;
        sp->nslots = ns;
    }
    size_t mask = sp->nslots - 1, i = (size_t)h & mask;
    while (sp->slots[i]) {
        const char *t = sp->text.data + sp->slots[i] - 1;
        if (!strcmp(t, s))
            return sp->slots[i] - 1;
        i = (i + 1) & mask;
    }
    uint32_t off = (uint32_t)sp->text.len;
    if (qp_buf_append(&sp->text, s, n + 1) < 0)
        return UINT32_MAX;
    sp->slots[i] = off + 1;
    sp->count++;
    return off;
}

int mb_add(map_builder *mb, uint64_t key, uint32_t v0, uint32_t v1, uint32_t v2)
{
    if (mb->n == mb->cap) {
        size_t cap = mb->cap ? mb->cap * 2 : 1024;
        map_entry *e = realloc(mb->e, cap * sizeof *e);
        if (!e)
            return QP_ENOMEM;
        mb->e = e;
        mb->cap = cap;
    }
    mb->e[mb->n++] = (map_entry){key, {v0, v1, v2}};
    return 0;
}

/* Lays the entries out as a px_map (in entry order, so deterministic); later duplicates of a
 * key are dropped. slots_out receives malloc'd memory for an in-memory px_map, or NULL. */
int mb_build(const map_builder *mb, qp_buf *out, uint32_t **slots_out, uint32_t *nslots_out)
{
    uint32_t nslots = mb->n ? pow2_at_least(mb->n * 2 + 1) : 0;
    uint32_t *slots = calloc((size_t)nslots * 4 + 1, sizeof *slots);
    if (!slots)
        return QP_ENOMEM;
    for (size_t k = 0; k < mb->n; k++) {
        uint64_t h = mb->e[k].key;
        uint32_t fp = (uint32_t)(h >> 32) | 1u, j = (uint32_t)h & (nslots - 1);
        int dup = 0;
        while (slots[4 * (size_t)j]) {
            if (slots[4 * (size_t)j] == fp) {
                dup = 1;
                break;
            }
            j = (j + 1) & (nslots - 1);
        }
        if (dup)
            continue;
        slots[4 * (size_t)j] = fp;
        memcpy(slots + 4 * (size_t)j + 1, mb->e[k].v, sizeof mb->e[k].v);
    }
    int rc = 0;
    if (out) {
        uint32_t hdr[2] = {nslots, 0};
        rc = put(out, hdr, sizeof hdr);
        if (!rc && nslots)
            rc = put(out, slots, (size_t)nslots * 16);
    }
    if (slots_out && !rc) {
        *slots_out = slots;
        *nslots_out = nslots;
    } else {
        free(slots);
    }
    return rc;
}

/* ---- the model file ---- */

int mf_write(const char *path, qp_lang lang, qp_buf sections[PX_SEC_COUNT], char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return QP_EIO;
    }
    struct {
        char magic[8];
        uint32_t version, lang, nsections, byte_order;
    } hdr;
    memset(&hdr, 0, sizeof hdr);
    memcpy(hdr.magic, PX_MAGIC, 8);
    hdr.version = PX_VERSION;
    hdr.lang = (uint32_t)lang;
    hdr.nsections = PX_SEC_COUNT - 1;
    hdr.byte_order = 0x01020304u;
    struct {
        uint32_t id, pad;
        uint64_t offset, size;
    } tab[PX_SEC_COUNT];
    memset(tab, 0, sizeof tab);
    uint64_t off = sizeof hdr + sizeof tab[0] * (PX_SEC_COUNT - 1);
    off = (off + 7) & ~7ull;
    for (int id = 1; id < PX_SEC_COUNT; id++) {
        tab[id - 1].id = (uint32_t)id;
        tab[id - 1].offset = off;
        tab[id - 1].size = sections[id].len;
        off += (sections[id].len + 7) & ~7ull;
    }
    static const char zeros[8] = {0};
    int ok = fwrite(&hdr, sizeof hdr, 1, f) == 1 && fwrite(tab, sizeof tab[0], PX_SEC_COUNT - 1, f) == PX_SEC_COUNT - 1;
    long pos = (long)(sizeof hdr + sizeof tab[0] * (PX_SEC_COUNT - 1));
    if (ok && pos % 8)
        ok = fwrite(zeros, 1, (size_t)(8 - pos % 8), f) == (size_t)(8 - pos % 8);
    for (int id = 1; ok && id < PX_SEC_COUNT; id++) {
        size_t n = sections[id].len;
        if (n)
            ok = fwrite(sections[id].data, 1, n, f) == n;
        if (ok && n % 8)
            ok = fwrite(zeros, 1, 8 - n % 8, f) == 8 - n % 8;
    }
    if (fclose(f) != 0 || !ok) {
        snprintf(err, errlen, "%s: cannot write the model", path);
        remove(path);
        return QP_EIO;
    }
    return 0;
}
