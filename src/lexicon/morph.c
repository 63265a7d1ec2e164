/* morph.c — forms.tsv in one buffer, an open-addressing table from form to its readings.
 *
 * The matcher asks for every token (and token pair) of every sentence, so a look-up is one
 * FNV-1a hash and, nearly always, one probe: the table is kept at most half full. */
#include "morph.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct qp_morph_slot {
    uint64_t hash;
    const char *form; /* NULL: empty slot */
    uint32_t len;
    uint32_t first, count; /* readings in m->analyses */
};

static const char *const tag_names[QP_TAG_COUNT] = {
    "inf", "pres", "impf", "past", "fut", "cond", "subj", "ppas", "ppre", "noun_sg", "noun_pl",
};

const char *qp_morph_tag_name(qp_morph_tag tag)
{
    return (unsigned)tag < QP_TAG_COUNT ? tag_names[tag] : "?";
}

int qp_morph_tag_parse(const char *name, size_t len)
{
    for (int i = 0; i < QP_TAG_COUNT; i++)
        if (strlen(tag_names[i]) == len && memcmp(tag_names[i], name, len) == 0)
            return i;
    return -1;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

void qp_morph_init(qp_morph *m)
{
    memset(m, 0, sizeof *m);
}

void qp_morph_destroy(qp_morph *m)
{
    free(m->text);
    free(m->analyses);
    free(m->slots);
    qp_morph_init(m);
}

/* The slot holding form, or the empty slot where it would go. */
static qp_morph_slot *probe(qp_morph_slot *slots, size_t nslots, uint64_t h, const char *form,
                            size_t len)
{
    size_t mask = nslots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        qp_morph_slot *s = &slots[i];
        if (!s->form || (s->hash == h && s->len == len && memcmp(s->form, form, len) == 0))
            return s;
    }
}

typedef struct pending {
    qp_morph_slot *slot;
    const char *lemma;
    qp_morph_tag tag;
} pending;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        } else {
            buf[n] = '\0';
            *len = (size_t)n;
        }
    }
    fclose(f);
    return buf;
}

int qp_morph_load(qp_morph *m, const char *forms_tsv_path)
{
    qp_morph_destroy(m);
    size_t len = 0;
    char *text = read_all(forms_tsv_path, &len);
    if (!text)
        return QP_EIO;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    size_t nslots = 16;
    while (nslots < lines * 2)
        nslots *= 2;
    int r = 0;
    pending *pend = malloc(lines * sizeof *pend);
    qp_morph_slot *slots = calloc(nslots, sizeof *slots);
    qp_morph_analysis *an = malloc(lines * sizeof *an);
    size_t np = 0, nforms = 0;
    int max_words = 0;
    if (!pend || !slots || !an) {
        r = QP_ENOMEM;
        goto cleanup;
    }
    for (char *p = text; p < text + len;) {
        char *eol = memchr(p, '\n', (size_t)(text + len - p));
        if (!eol)
            eol = text + len;
        *eol = '\0';
        if (eol == p) { /* blank line */
            p = eol + 1;
            continue;
        }
        char *t1 = strchr(p, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        int tag = t2 ? qp_morph_tag_parse(t2 + 1, strlen(t2 + 1)) : -1;
        if (tag < 0 || t1 == p || t2 == t1 + 1) {
            r = QP_ELEXICON;
            goto cleanup;
        }
        *t1 = *t2 = '\0';
        size_t flen = (size_t)(t1 - p);
        uint64_t h = hash_bytes(p, flen);
        qp_morph_slot *s = probe(slots, nslots, h, p, flen);
        if (!s->form) {
            s->form = p;
            s->hash = h;
            s->len = (uint32_t)flen;
            nforms++;
            int words = 1;
            for (size_t i = 0; i < flen; i++)
                words += p[i] == ' ';
            if (words > max_words)
                max_words = words;
        }
        s->count++;
        pend[np++] = (pending){s, t1 + 1, (qp_morph_tag)tag};
        p = eol + 1;
    }
    /* Lay the readings of each form side by side, in file order. */
    uint32_t next = 0;
    for (size_t i = 0; i < nslots; i++)
        if (slots[i].form) {
            slots[i].first = next;
            next += slots[i].count;
            slots[i].count = 0;
        }
    for (size_t i = 0; i < np; i++) {
        qp_morph_slot *s = pend[i].slot;
        an[s->first + s->count++] = (qp_morph_analysis){pend[i].lemma, pend[i].tag};
    }
    m->text = text;
    m->analyses = an;
    m->nanalyses = np;
    m->slots = slots;
    m->nslots = nslots;
    m->nforms = nforms;
    m->max_words = max_words;
    text = NULL;
    an = NULL;
    slots = NULL;
cleanup:
    free(pend);
    free(slots);
    free(an);
    free(text);
    return r;
}

size_t qp_morph_lookup(const qp_morph *m, const char *folded_form, size_t len,
                       const qp_morph_analysis **out)
{
    *out = NULL;
    if (!m->slots)
        return 0;
    const qp_morph_slot *s =
        probe(m->slots, m->nslots, hash_bytes(folded_form, len), folded_form, len);
    if (!s->form)
        return 0;
    *out = m->analyses + s->first;
    return s->count;
}

int qp_morph_is(const qp_morph *m, const char *folded_form, const char *lemma, qp_morph_tag tag)
{
    const qp_morph_analysis *a;
    size_t n = qp_morph_lookup(m, folded_form, strlen(folded_form), &a);
    for (size_t i = 0; i < n; i++)
        if (a[i].tag == tag && strcmp(a[i].lemma, lemma) == 0)
            return 1;
    return 0;
}
