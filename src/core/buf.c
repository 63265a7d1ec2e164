/* buf.c — growable byte buffer. */
#include "buf.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qp_buf_init(qp_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void qp_buf_destroy(qp_buf *b)
{
    free(b->data);
    qp_buf_init(b);
}

void qp_buf_clear(qp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int qp_buf_reserve(qp_buf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) {
        if (cap > ((size_t)-1) / 2)
            return QP_ENOMEM;
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d)
        return QP_ENOMEM;
    b->data = d;
    b->cap = cap;
    return 0;
}

int qp_buf_append(qp_buf *b, const char *s, size_t n)
{
    if (qp_buf_reserve(b, n))
        return QP_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int qp_buf_puts(qp_buf *b, const char *s)
{
    return qp_buf_append(b, s, strlen(s));
}

int qp_buf_putc(qp_buf *b, char c)
{
    return qp_buf_append(b, &c, 1);
}

int qp_buf_vprintf(qp_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return QP_EINVAL;
    if (qp_buf_reserve(b, (size_t)n))
        return QP_ENOMEM;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int qp_buf_printf(qp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = qp_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

char *qp_buf_detach(qp_buf *b)
{
    char *d = b->data;
    if (!d)
        d = calloc(1, 1);
    qp_buf_init(b);
    return d;
}
