/* conllu.c — a line-by-line CoNLL-U reader into the arena, and the writers. */
#include "conllu.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Growable arrays of one sentence, kept in malloc while the sentence is read. */
typedef struct sent_builder {
    qp_word *words;
    size_t nwords, capwords;
    const char **comments;
    size_t ncomments, capcomments;
    qp_conllu_mwt *mwts;
    size_t nmwts, capmwts;
    size_t line;
} sent_builder;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return QP_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}

static int fail(qp_conllu_error *err, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(qp_conllu_error *err, size_t line, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->line = line;
    }
    return QP_EINVAL;
}

/* Parses a non-negative decimal integer filling all of s[0,n); -1 otherwise. */
static long parse_index(const char *s, size_t n)
{
    if (n == 0 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Copies the finished sentence into the arena and appends it to the output array. */
static int finish(sent_builder *b, qp_arena *a, qp_conllu_sentence **all, size_t *n, size_t *cap,
                  qp_conllu_error *err)
{
    if (b->nwords == 0 && b->ncomments == 0)
        return 0;
    /* heads must point inside the sentence */
    for (size_t i = 0; i < b->nwords; i++)
        if (b->words[i].head >= (int32_t)b->nwords)
            return fail(err, b->line, "sentence at line %zu: word %zu has head %d past its %zu words",
                        b->line, i + 1, (int)b->words[i].head + 1, b->nwords);
    for (size_t i = 0; i < b->nmwts; i++)
        if (b->mwts[i].last >= b->nwords)
            return fail(err, b->line, "sentence at line %zu: a multiword token runs past its words",
                        b->line);
    if (grow((void **)all, cap, *n + 1, sizeof **all) < 0)
        return QP_ENOMEM;
    qp_conllu_sentence *s = &(*all)[(*n)++];
    memset(s, 0, sizeof *s);
    s->line = b->line;
    s->nwords = b->nwords;
    s->ncomments = b->ncomments;
    s->nmwts = b->nmwts;
    if (b->nwords && !(s->words = qp_arena_alloc(a, b->nwords * sizeof *s->words)))
        return QP_ENOMEM;
    if (b->ncomments && !(s->comments = qp_arena_alloc(a, b->ncomments * sizeof *s->comments)))
        return QP_ENOMEM;
    if (b->nmwts && !(s->mwts = qp_arena_alloc(a, b->nmwts * sizeof *s->mwts)))
        return QP_ENOMEM;
    if (b->nwords)
        memcpy(s->words, b->words, b->nwords * sizeof *s->words);
    if (b->ncomments)
        memcpy(s->comments, b->comments, b->ncomments * sizeof *s->comments);
    if (b->nmwts)
        memcpy(s->mwts, b->mwts, b->nmwts * sizeof *s->mwts);
    b->nwords = b->ncomments = b->nmwts = 0;
    return 0;
}

/* One word line cut into its ten columns. */
static int read_word(sent_builder *b, const char *col[10], const size_t len[10], size_t lineno,
                     qp_arena *a, qp_conllu_error *err)
{
    long id = parse_index(col[0], len[0]);
    if (id != (long)b->nwords + 1)
        return fail(err, lineno, "line %zu: word ID %.*s, expected %zu", lineno, (int)len[0], col[0],
                    b->nwords + 1);
    if (grow((void **)&b->words, &b->capwords, b->nwords + 1, sizeof *b->words) < 0)
        return QP_ENOMEM;
    qp_word *w = &b->words[b->nwords];
    memset(w, 0, sizeof *w);
    w->token = (uint32_t)b->nwords;
    w->mwt = 1;
    w->space_after = 1;
    w->form = qp_arena_strndup(a, col[1], len[1]);
    w->lemma = qp_arena_strndup(a, col[2], len[2]);
    w->feats = qp_arena_strndup(a, col[5], len[5]);
    if (!w->form || !w->lemma || !w->feats)
        return QP_ENOMEM;
    int upos = qp_upos_parse(col[3], len[3]);
    w->upos = (uint8_t)(upos >= 0 ? upos : QP_UPOS_X);
    if (len[6] == 1 && col[6][0] == '_') {
        w->head = -1;
    } else {
        long h = parse_index(col[6], len[6]);
        if (h < 0)
            return fail(err, lineno, "line %zu: head %.*s is not a number", lineno, (int)len[6], col[6]);
        w->head = (int32_t)h - 1;
    }
    w->deprel = (uint8_t)(len[7] == 1 && col[7][0] == '_' ? QP_DEP_DEP : qp_deprel_parse_lenient(col[7], len[7]));
    /* MISC: SpaceAfter=No among |-separated attributes */
    for (size_t i = 0; i < len[9];) {
        const char *bar = memchr(col[9] + i, '|', len[9] - i);
        size_t e = bar ? (size_t)(bar - col[9]) : len[9];
        if (e - i == 13 && !memcmp(col[9] + i, "SpaceAfter=No", 13))
            w->space_after = 0;
        i = e + 1;
    }
    b->nwords++;
    return 0;
}

int qp_conllu_read(const char *text, size_t len, qp_arena *a, qp_conllu_sentence **out, size_t *n,
                   qp_conllu_error *err)
{
    sent_builder b = {0};
    qp_conllu_sentence *all = NULL;
    size_t nall = 0, capall = 0;
    int r = 0;
    size_t lineno = 0, pos = 0;
    *out = NULL;
    *n = 0;
    if (err) {
        err->line = 0;
        err->message[0] = '\0';
    }
    while (pos < len && r == 0) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl != NULL);
        lineno++;
        if (ll && line[ll - 1] == '\r')
            ll--;
        if (ll == 0) {
            r = finish(&b, a, &all, &nall, &capall, err);
            continue;
        }
        if (b.nwords == 0 && b.ncomments == 0 && b.nmwts == 0)
            b.line = lineno;
        if (line[0] == '#') {
            if (b.nwords) /* a comment inside a sentence: keep it readable, ignore it */
                continue;
            const char *c = qp_arena_strndup(a, line, ll);
            if (!c || grow((void **)&b.comments, &b.capcomments, b.ncomments + 1, sizeof *b.comments) < 0) {
                r = QP_ENOMEM;
                break;
            }
            b.comments[b.ncomments++] = c;
            continue;
        }
        const char *col[10];
        size_t clen[10];
        size_t ncol = 0, i = 0;
        while (ncol < 10) {
            const char *tab = memchr(line + i, '\t', ll - i);
            size_t e = tab ? (size_t)(tab - line) : ll;
            col[ncol] = line + i;
            clen[ncol++] = e - i;
            if (!tab)
                break;
            i = e + 1;
        }
        if (ncol != 10 || memchr(col[9], '\t', clen[9])) {
            r = fail(err, lineno, "line %zu: %zu tab-separated columns, CoNLL-U has 10", lineno,
                     ncol == 10 ? (size_t)11 : ncol);
            break;
        }
        const char *dash = memchr(col[0], '-', clen[0]);
        if (dash) {
            long first = parse_index(col[0], (size_t)(dash - col[0]));
            long last = parse_index(dash + 1, clen[0] - (size_t)(dash - col[0]) - 1);
            if (first != (long)b.nwords + 1 || last < first) {
                r = fail(err, lineno, "line %zu: multiword token %.*s does not start at word %zu", lineno,
                         (int)clen[0], col[0], b.nwords + 1);
                break;
            }
            const char *copy = qp_arena_strndup(a, line, ll);
            if (!copy || grow((void **)&b.mwts, &b.capmwts, b.nmwts + 1, sizeof *b.mwts) < 0) {
                r = QP_ENOMEM;
                break;
            }
            b.mwts[b.nmwts++] = (qp_conllu_mwt){(size_t)first - 1, (size_t)last - 1, copy};
            continue;
        }
        if (memchr(col[0], '.', clen[0]))
            continue; /* an empty node: not a word of the tree */
        r = read_word(&b, col, clen, lineno, a, err);
    }
    if (r == 0)
        r = finish(&b, a, &all, &nall, &capall, err);
    /* multiword tokens mark their words, and the space after the token is its last word's */
    for (size_t s = 0; r == 0 && s < nall; s++)
        for (size_t k = 0; k < all[s].nmwts; k++) {
            qp_conllu_mwt *m = &all[s].mwts[k];
            qp_word *w = all[s].words;
            w[m->first].mwt = (uint8_t)(m->last - m->first + 1 > 255 ? 255 : m->last - m->first + 1);
            for (size_t j = m->first + 1; j <= m->last; j++)
                w[j].mwt = 0;
            if (strstr(m->line, "SpaceAfter=No"))
                w[m->last].space_after = 0;
        }
    free(b.words);
    free(b.comments);
    free(b.mwts);
    if (r == 0 && nall) {
        *out = qp_arena_alloc(a, nall * sizeof **out);
        if (!*out)
            r = QP_ENOMEM;
        else {
            memcpy(*out, all, nall * sizeof **out);
            *n = nall;
        }
    }
    free(all);
    if (r == QP_ENOMEM && err) {
        err->line = lineno;
        snprintf(err->message, sizeof err->message, "out of memory at line %zu", lineno);
    }
    return r;
}

static void write_word(FILE *f, const qp_word *w, size_t i)
{
    fprintf(f, "%zu\t%s\t%s\t%s\t_\t%s\t%d\t%s\t_\t%s\n", i + 1, w->form, w->lemma ? w->lemma : "_",
            qp_upos_name(w->upos), w->feats && *w->feats ? w->feats : "_", (int)w->head + 1,
            w->head < 0 ? "root" : qp_deprel_name(w->deprel), w->space_after ? "_" : "SpaceAfter=No");
}

int qp_conllu_write_sentence(FILE *f, const qp_conllu_sentence *s)
{
    for (size_t i = 0; i < s->ncomments; i++)
        fprintf(f, "%s\n", s->comments[i]);
    size_t k = 0;
    for (size_t i = 0; i < s->nwords; i++) {
        while (k < s->nmwts && s->mwts[k].first == i)
            fprintf(f, "%s\n", s->mwts[k++].line);
        write_word(f, &s->words[i], i);
    }
    fputc('\n', f);
    return ferror(f) ? QP_EIO : 0;
}

int qp_conllu_write_words(FILE *f, const qp_word *w, size_t n, const char *text,
                          const char *const *comments, size_t ncomments)
{
    for (size_t i = 0; i < ncomments; i++)
        fprintf(f, "# %s\n", comments[i]);
    for (size_t i = 0; i < n; i++) {
        if (w[i].mwt > 1 && i + w[i].mwt <= n) {
            const qp_word *last = &w[i + w[i].mwt - 1];
            fprintf(f, "%zu-%zu\t", i + 1, i + w[i].mwt);
            if (text)
                fwrite(text + w[i].start, 1, w[i].end - w[i].start, f);
            else
                fputs(w[i].form, f);
            fprintf(f, "\t_\t_\t_\t_\t_\t_\t_\t%s\n", last->space_after ? "_" : "SpaceAfter=No");
        }
        qp_word copy = w[i];
        if (w[i].mwt == 0 || w[i].mwt > 1)
            copy.space_after = 1; /* a multiword token's line carries its spacing */
        write_word(f, &copy, i);
    }
    fputc('\n', f);
    return ferror(f) ? QP_EIO : 0;
}
