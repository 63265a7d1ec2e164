/* fold.c — folding with utf8proc: NFKD, case fold, strip marks, then squeeze non-alphanumerics. */
#include "fold.h"
#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int is_word_cp(utf8proc_int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* Folds one code point into out (after a space when pending); 0 or QP_ENOMEM. */
static int fold_cp(utf8proc_int32_t c, int *pending_space, qp_buf *out)
{
    /* French writes these ligatures as letters of their own; readers (and searchers) type "oe" */
    if (c == 0x153 || c == 0x152 || c == 0xE6 || c == 0xC6) {
        if (*pending_space && qp_buf_putc(out, ' '))
            return QP_ENOMEM;
        *pending_space = 0;
        return qp_buf_puts(out, (c == 0x153 || c == 0x152) ? "oe" : "ae") ? QP_ENOMEM : 0;
    }
    utf8proc_int32_t dec[32];
    int lbc = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(c, dec, 32,
        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, &lbc);
    if (n < 0 || n > 32) {
        dec[0] = c;
        n = 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_int32_t d = dec[i];
        if (!is_word_cp(d)) {
            if (out->len > 0)
                *pending_space = 1;
            continue;
        }
        if (*pending_space) {
            if (qp_buf_putc(out, ' '))
                return QP_ENOMEM;
            *pending_space = 0;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(d, enc);
        if (qp_buf_append(out, (const char *)enc, (size_t)k))
            return QP_ENOMEM;
    }
    return 0;
}

int qp_fold(const char *s, size_t len, qp_buf *out)
{
    size_t start_len = out->len;
    int pending = out->len > 0; /* a chunk appended to words is separated by one space */
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    int r = qp_buf_reserve(out, len);
    while (r == 0 && left > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
        if (k < 0) {
            r = QP_EUTF8;
            break;
        }
        r = fold_cp(c, &pending, out);
        p += k;
        left -= k;
    }
    if (r)
        out->len = start_len;
    if (out->data)
        out->data[out->len] = '\0';
    return r;
}

int qp_fold_token(const char *s, size_t len, char *dst, size_t cap)
{
    qp_buf b;
    qp_buf_init(&b);
    int r = qp_fold(s, len, &b);
    if (r == 0) {
        if (b.len + 1 > cap)
            r = QP_ETOOBIG;
        else {
            memcpy(dst, b.data ? b.data : "", b.len + 1);
            r = (int)b.len;
        }
    }
    qp_buf_destroy(&b);
    return r;
}
