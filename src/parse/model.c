/* model.c — a model file mapped into memory, checked once, then read in place; word features. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "parse_int.h"

uint64_t px_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return px_mix(h, n);
}

typedef struct sec_entry {
    uint32_t id, pad;
    uint64_t offset, size;
} sec_entry;

typedef struct file_header {
    char magic[8];
    uint32_t version, lang, nsections, byte_order;
} file_header;

static int bad(char *err, size_t errlen, const char *path, const char *why)
{
    if (err && errlen)
        snprintf(err, errlen, "%s: %s", path, why);
    return QP_ELEXICON;
}

int px_table_read(px_table *t, const uint8_t *p, uint64_t size)
{
    memset(t, 0, sizeof *t);
    if (size < 24)
        return -1;
    const uint32_t *h = (const uint32_t *)(const void *)p;
    t->nslots = h[0];
    t->nclass = (uint16_t)h[1];
    t->stride = (uint16_t)h[2];
    t->sparse = h[3];
    t->nrowdata = h[4];
    if (h[1] > 0xffff || h[2] > 0xffff || t->sparse > 1 || (!t->sparse && (t->stride < t->nclass || t->stride % 2 == 0)))
        return -1;
    if (t->nslots & (t->nslots - 1))
        return -1;
    uint64_t slot_bytes = t->sparse ? 8 : 2 * (1 + (uint64_t)t->stride);
    uint64_t rows_bytes = t->sparse ? 2 * (uint64_t)t->nrowdata : 0;
    uint64_t need = 24 + (uint64_t)t->nslots * slot_bytes + rows_bytes;
    if (need != size)
        return -1;
    t->slots = (const uint16_t *)(const void *)(p + 24);
    if (t->sparse) {
        t->rows = (const uint16_t *)(const void *)(p + 24 + (uint64_t)t->nslots * 8);
        const uint32_t *slots = (const uint32_t *)(const void *)t->slots;
        for (uint32_t i = 0; i < t->nslots; i++) {
            if (!slots[2 * (size_t)i])
                continue;
            uint32_t off = slots[2 * (size_t)i + 1];
            if (off >= t->nrowdata || off + 1 + 2 * (uint64_t)t->rows[off] > t->nrowdata)
                return -1;
            for (uint16_t k = 0; k < t->rows[off]; k++)
                if (t->rows[off + 1 + 2 * k] >= t->nclass)
                    return -1;
        }
    }
    /* a full table would make a miss loop for ever */
    if (t->nslots) {
        int empty = 0;
        for (uint32_t i = 0; i < t->nslots && !empty; i++)
            empty = t->sparse ? ((const uint32_t *)(const void *)t->slots)[2 * (size_t)i] == 0
                              : t->slots[(size_t)i * (1 + t->stride)] == 0;
        if (!empty)
            return -1;
    }
    return 0;
}

static int read_map(px_map *m, const uint8_t *p, uint64_t size, uint32_t nstrings, int values_are_strings)
{
    memset(m, 0, sizeof *m);
    if (size < 8)
        return -1;
    m->nslots = *(const uint32_t *)p;
    if (m->nslots & (m->nslots - 1))
        return -1;
    if (size != 8 + (uint64_t)m->nslots * 16)
        return -1;
    m->slots = (const uint32_t *)(p + 8);
    uint32_t empty = 0;
    for (uint32_t i = 0; i < m->nslots; i++) {
        const uint32_t *s = m->slots + 4 * (size_t)i;
        if (!s[0])
            empty++;
        else if (values_are_strings && (s[1] >= nstrings || s[2] >= nstrings))
            return -1;
    }
    return m->nslots && !empty ? -1 : 0;
}

int px_lexicon_read(px_lexicon *l, const uint8_t *p, uint64_t size)
{
    memset(l, 0, sizeof *l);
    if (size < 8)
        return -1;
    l->nslots = *(const uint32_t *)(const void *)p;
    if ((l->nslots & (l->nslots - 1)) || size != 8 + (uint64_t)l->nslots * 4)
        return -1;
    l->slots = (const uint32_t *)(const void *)(p + 8);
    for (uint32_t i = 0; i < l->nslots; i++)
        if (!l->slots[i])
            return 0;
    return l->nslots ? -1 : 0; /* full: a miss would never end */
}

int px_model_load(px_model *m, const char *path, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return errno == ENOENT ? QP_ENOTFOUND : QP_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(file_header)) {
        close(fd);
        return bad(err, errlen, path, "too short to be a parser model");
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return QP_EIO;
    }
    m->map = map;
    m->mapsize = (size_t)st.st_size;
    const uint8_t *base = map;
    const file_header *h = map;
    if (memcmp(h->magic, PX_MAGIC, 8) || h->byte_order != 0x01020304u) {
        px_model_unload(m);
        return bad(err, errlen, path, "not a quipu parser model");
    }
    if (h->version != PX_VERSION) {
        px_model_unload(m);
        return bad(err, errlen, path, "a parser model of another version: retrain it (tools/train-parser)");
    }
    if (h->lang >= QP_LANG_COUNT || h->nsections > 64 ||
        sizeof *h + (uint64_t)h->nsections * sizeof(sec_entry) > m->mapsize) {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt header");
    }
    m->lang = (qp_lang)h->lang;
    const sec_entry *secs = (const sec_entry *)(base + sizeof *h);
    const uint8_t *sec[PX_SEC_COUNT] = {0};
    uint64_t secsize[PX_SEC_COUNT] = {0};
    for (uint32_t i = 0; i < h->nsections; i++) {
        if (secs[i].id == 0 || secs[i].id >= PX_SEC_COUNT || secs[i].offset % 8 ||
            secs[i].offset > m->mapsize || secs[i].size > m->mapsize - secs[i].offset) {
            px_model_unload(m);
            return bad(err, errlen, path, "corrupt section table (truncated file?)");
        }
        sec[secs[i].id] = base + secs[i].offset;
        secsize[secs[i].id] = secs[i].size;
    }
    for (int id = 1; id < PX_SEC_COUNT; id++)
        if (!sec[id]) {
            px_model_unload(m);
            return bad(err, errlen, path, "a section is missing");
        }
    /* strings first: the maps point into them */
    m->strings = (const char *)sec[PX_SEC_STRINGS];
    m->nstrings = (uint32_t)secsize[PX_SEC_STRINGS];
    if (!m->nstrings || m->strings[m->nstrings - 1] != '\0') {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt string table");
    }
    /* labels: count, root label, then names */
    const uint8_t *lp = sec[PX_SEC_LABELS];
    uint64_t ls = secsize[PX_SEC_LABELS];
    if (ls < 8 || ((const uint32_t *)lp)[0] > PX_MAX_LABELS || ((const uint32_t *)lp)[1] >= ((const uint32_t *)lp)[0]) {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt label table");
    }
    m->nlabels = ((const uint32_t *)lp)[0];
    m->root_label = ((const uint32_t *)lp)[1];
    for (int i = 0; i < QP_DEP_COUNT; i++)
        m->rel_label[i] = -1;
    const char *name = (const char *)lp + 8, *end = (const char *)lp + ls;
    for (uint32_t i = 0; i < m->nlabels; i++) {
        const char *z = memchr(name, '\0', (size_t)(end - name));
        int rel = z ? qp_deprel_parse(name, (size_t)(z - name)) : -1;
        if (rel < 0) {
            px_model_unload(m);
            return bad(err, errlen, path, "unknown relation in the label table");
        }
        m->label_rel[i] = (uint8_t)rel;
        m->rel_label[rel] = (int16_t)i;
        name = z + 1;
    }
    if (px_table_read(&m->tagger, sec[PX_SEC_TAGGER], secsize[PX_SEC_TAGGER]) ||
        m->tagger.nclass != PX_NCLASS ||
        px_table_read(&m->trans, sec[PX_SEC_TRANS], secsize[PX_SEC_TRANS]) || m->trans.nclass != PX_NTRANS ||
        px_table_read(&m->labels, sec[PX_SEC_LABELW], secsize[PX_SEC_LABELW]) || m->labels.nclass != m->nlabels ||
        px_table_read(&m->split, sec[PX_SEC_SPLIT], secsize[PX_SEC_SPLIT]) || m->split.nclass != PX_NSPLIT) {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt weight table");
    }
    if (secsize[PX_SEC_CANDS] != sizeof(uint64_t) * PX_NTAGS * PX_NTAGS * 2 ||
        secsize[PX_SEC_UPOSFEATS] != sizeof(uint32_t) * PX_NCLASS) {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt tables");
    }
    m->cands = (const uint64_t *)sec[PX_SEC_CANDS];
    m->upos_feats = (const uint32_t *)sec[PX_SEC_UPOSFEATS];
    for (int i = 0; i < PX_NCLASS; i++)
        if (m->upos_feats[i] >= m->nstrings) {
            px_model_unload(m);
            return bad(err, errlen, path, "corrupt tables");
        }
    if (read_map(&m->vocab, sec[PX_SEC_VOCAB], secsize[PX_SEC_VOCAB], m->nstrings, 0) ||
        read_map(&m->forms, sec[PX_SEC_FORMS], secsize[PX_SEC_FORMS], m->nstrings, 1) ||
        read_map(&m->suffixes, sec[PX_SEC_SUFFIXES], secsize[PX_SEC_SUFFIXES], m->nstrings, 1) ||
        px_lexicon_read(&m->lexicon, sec[PX_SEC_LEXICON], secsize[PX_SEC_LEXICON])) {
        px_model_unload(m);
        return bad(err, errlen, path, "corrupt look-up table");
    }
    return 0;
}

void px_model_unload(px_model *m)
{
    if (m->map)
        munmap(m->map, m->mapsize);
    memset(m, 0, sizeof *m);
}

char *px_lower(const char *s, qp_arena *a)
{
    size_t n = strlen(s);
    char *out = qp_arena_alloc(a, n * 2 + 1); /* a lower-case letter takes at most twice the bytes? keep room */
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            out[o++] = s[i++];
            continue;
        }
        utf8proc_int32_t lc = utf8proc_tolower(cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(lc, enc);
        if (el <= 0 || (size_t)el > (size_t)k * 2) {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
        } else {
            memcpy(out + o, enc, (size_t)el);
            o += (size_t)el;
        }
        i += (size_t)k;
    }
    out[o] = '\0';
    return out;
}

/* Start of the last k code points of s[0,n) (UTF-8): a byte offset. */
static size_t last_chars(const char *s, size_t n, int k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return i;
}

static size_t first_chars(const char *s, size_t n, int k)
{
    size_t i = 0;
    while (i < n && k > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

/* A small number for how a word looks: capitals, digits, punctuation, length. */
static uint32_t word_shape(const char *s)
{
    int upper = 0, lower = 0, digit = 0, other = 0, hyphen = 0, period = 0, first_upper = 0, nch = 0;
    for (size_t i = 0; s[i];) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &cp);
        if (k <= 0) {
            other++;
            i++;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            upper++;
            if (nch == 0)
                first_upper = 1;
        } else if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM) {
            lower++;
        } else if (cat == UTF8PROC_CATEGORY_ND) {
            digit++;
        } else if (cp == '-') {
            hyphen++;
        } else if (cp == '.') {
            period++;
        } else {
            other++;
        }
        nch++;
        i += (size_t)k;
    }
    uint32_t shape = 0;
    if (!upper && !lower && !digit)
        shape = 1; /* punctuation, symbols */
    else if (digit && !upper && !lower)
        shape = 2;
    else if (digit)
        shape = 3;
    else if (upper && !lower)
        shape = nch == 1 ? 4 : 5;
    else if (first_upper && upper == 1)
        shape = 6;
    else if (upper)
        shape = 7; /* mixed: iPhone, McCain */
    else
        shape = 8;
    shape |= (uint32_t)(hyphen > 0) << 4 | (uint32_t)(period > 0) << 5 | (uint32_t)(other > 0 && shape != 1) << 6;
    shape |= (uint32_t)(nch <= 1 ? 0 : nch <= 3 ? 1 : nch <= 6 ? 2 : 3) << 7;
    return shape;
}

int px_word_features(const px_model *m, const qp_word *w, size_t n, px_wfeat *f, qp_arena *a)
{
    for (size_t i = 0; i < n; i++) {
        const char *form = w[i].form ? w[i].form : "";
        char *lower = px_lower(form, a);
        if (!lower)
            return QP_ENOMEM;
        size_t ln = strlen(lower);
        px_wfeat *x = &f[i];
        x->lower = px_hash_bytes(lower, ln);
        x->exact = px_hash_bytes(form, strlen(form));
        for (int k = 0; k < PX_NSUF; k++) {
            size_t s = last_chars(lower, ln, k + 1);
            x->suf[k] = px_mix(px_hash_bytes(lower + s, ln - s), (uint64_t)k + 11);
        }
        for (int k = 0; k < 2; k++)
            x->pre[k] = px_mix(px_hash_bytes(lower, first_chars(lower, ln, k + 1)), (uint64_t)k + 21);
        x->shape = word_shape(form);
        x->lex = m ? px_lexicon_find(&m->lexicon, x->lower) : 0;
        if (!m || px_map_find(&m->vocab, x->lower))
            x->pw = x->lower;
        else
            x->pw = px_mix(0x554e4b4e4f574eull, x->shape); /* "UNKNOWN" and the shape */
    }
    return 0;
}
