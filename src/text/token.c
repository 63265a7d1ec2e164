/* token.c — a single pass over UTF-8 classifying code points with utf8proc. */
#include "token.h"
#include "fold.h"
#include "qp.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

uint32_t qp_token_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int is_letter_or_digit(utf8proc_int32_t c)
{
    if (c < 0x80)
        return isalnum(c);
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

static int is_upper_cp(utf8proc_int32_t c)
{
    return c < 0x80 ? isupper(c) : utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static int is_letter_cp(utf8proc_int32_t c)
{
    if (c < 0x80)
        return isalpha(c);
    utf8proc_category_t cat = utf8proc_category(c);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static utf8proc_int32_t cp_at(const char *text, size_t i, size_t end, size_t *len)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(end - i), &c);
    if (k <= 0) {
        *len = 1;
        return -1;
    }
    *len = (size_t)k;
    return c;
}

static const char *const elisions[] = {"l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "s", "n",
                                       "m", "t", "c", "j", "presqu", "quelqu"};

static int is_elision(const char *fold)
{
    for (size_t i = 0; i < QP_ARRAY_LEN(elisions); i++)
        if (!strcmp(fold, elisions[i]))
            return 1;
    return 0;
}

typedef struct {
    qp_token *items;
    size_t n, cap;
    qp_arena *arena;
} tok_list;

static qp_token *push(tok_list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        qp_token *n = qp_arena_alloc(l->arena, cap * sizeof *n);
        if (!n)
            return NULL;
        if (l->n)
            memcpy(n, l->items, l->n * sizeof *n);
        l->items = n;
        l->cap = cap;
    }
    qp_token *t = &l->items[l->n++];
    memset(t, 0, sizeof *t);
    return t;
}

/* Folds text[s, e) into the arena; ASCII words take a fast path. */
static const char *fold_word(qp_arena *a, const char *text, size_t s, size_t e)
{
    size_t n = e - s;
    int ascii = 1;
    for (size_t i = s; i < e; i++)
        if ((unsigned char)text[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) {
        char *f = qp_arena_alloc(a, n + 1);
        if (!f)
            return NULL;
        for (size_t i = 0; i < n; i++)
            f[i] = (char)tolower((unsigned char)text[s + i]);
        f[n] = '\0';
        return f;
    }
    qp_buf b;
    qp_buf_init(&b);
    const char *res = NULL;
    if (qp_fold(text + s, n, &b) == 0)
        res = qp_arena_strndup(a, b.data ? b.data : "", b.len);
    else
        res = qp_arena_strndup(a, text + s, n);
    qp_buf_destroy(&b);
    return res;
}

int qp_tokenize(const char *text, size_t start, size_t end, qp_arena *arena, qp_token **out, size_t *count)
{
    tok_list l = {.arena = arena};
    size_t i = start;
    int glued = 0;
    while (i < end) {
        size_t k;
        utf8proc_int32_t c = cp_at(text, i, end, &k);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
            i += k;
            glued = 0;
            continue;
        }
        if (c >= 0 && is_letter_or_digit(c)) {
            size_t s = i;
            int digit_start = c < 0x80 && isdigit(c);
            int letters = 0, uppers = 0, first_upper = is_upper_cp(c);
            while (i < end) {
                size_t kk;
                utf8proc_int32_t d = cp_at(text, i, end, &kk);
                if (d >= 0 && is_letter_or_digit(d)) {
                    if (is_letter_cp(d)) {
                        letters++;
                        uppers += is_upper_cp(d) != 0; /* isupper() may return 256 */
                    }
                    i += kk;
                    continue;
                }
                /* "5.000", "30,4", "3:30": a separator between digits stays inside a number */
                if (digit_start && (d == '.' || d == ',' || d == ':') && i + 1 < end &&
                    isdigit((unsigned char)text[i + 1]) && isdigit((unsigned char)text[i - 1])) {
                    i += kk;
                    continue;
                }
                break;
            }
            qp_token *t = push(&l);
            if (!t)
                return QP_ENOMEM;
            t->start = (uint32_t)s;
            t->end = (uint32_t)i;
            t->fold = fold_word(arena, text, s, i);
            if (!t->fold)
                return QP_ENOMEM;
            if (first_upper)
                t->flags |= QP_TOK_CAP;
            if (letters >= 2 && uppers == letters)
                t->flags |= QP_TOK_UPPER;
            if (digit_start)
                t->flags |= QP_TOK_NUM;
            if (glued)
                t->flags |= QP_TOK_GLUED;
            glued = 0;
            /* what follows glued to the word: an apostrophe or a hyphen joins the next word */
            size_t kk;
            utf8proc_int32_t d = i < end ? cp_at(text, i, end, &kk) : -2;
            if (d == '\'' || d == 0x2019) {
                size_t n2;
                utf8proc_int32_t e2 = i + kk < end ? cp_at(text, i + kk, end, &n2) : -2;
                if (e2 >= 0 && is_letter_or_digit(e2)) {
                    if (is_elision(t->fold)) {
                        t->flags |= QP_TOK_ELISION;
                        t->end = (uint32_t)(i + kk);
                    }
                    i += kk;
                    glued = 1;
                }
            } else if (d == '-' || d == 0x2011) {
                size_t n2;
                utf8proc_int32_t e2 = i + kk < end ? cp_at(text, i + kk, end, &n2) : -2;
                if (e2 >= 0 && is_letter_or_digit(e2)) {
                    t->flags |= QP_TOK_HYPHEN;
                    i += kk;
                    glued = 1;
                }
            }
            t->hash = qp_token_hash(t->fold, strlen(t->fold));
            continue;
        }
        /* punctuation or symbol: one token per character */
        qp_token *t = push(&l);
        if (!t)
            return QP_ENOMEM;
        t->start = (uint32_t)i;
        t->end = (uint32_t)(i + k);
        t->fold = qp_arena_strndup(arena, text + i, k);
        if (!t->fold)
            return QP_ENOMEM;
        t->flags = QP_TOK_PUNCT | (glued ? QP_TOK_GLUED : 0);
        t->hash = qp_token_hash(t->fold, k);
        i += k;
        /* "U.S.-backed": a hyphen after an abbreviation's period joins the next word too */
        glued = c == '-' && i - k > start && text[i - k - 1] == '.' && i < end &&
                isalpha((unsigned char)text[i]);
    }
    *out = l.items;
    *count = l.n;
    return 0;
}
