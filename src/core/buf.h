/* buf.h — growable byte buffer, always NUL-terminated. */
#ifndef QP_BUF_H
#define QP_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct qp_buf {
    char *data;  /* NUL-terminated when cap > 0; owned by the buffer */
    size_t len, cap;
} qp_buf;

/* An empty buffer; allocates nothing. */
void qp_buf_init(qp_buf *b);
/* Frees the data; the buffer is empty and usable after. */
void qp_buf_destroy(qp_buf *b);
/* Empties without freeing. */
void qp_buf_clear(qp_buf *b);
/* Makes room for n more bytes; QP_ENOMEM on failure (buffer unchanged). */
int qp_buf_reserve(qp_buf *b, size_t n);
/* Appends; 0 or QP_ENOMEM. */
int qp_buf_append(qp_buf *b, const char *s, size_t n);
int qp_buf_puts(qp_buf *b, const char *s);
int qp_buf_putc(qp_buf *b, char c);
int qp_buf_printf(qp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int qp_buf_vprintf(qp_buf *b, const char *fmt, va_list ap);
/* Hands the data to the caller (free() it) and leaves the buffer empty; never NULL. */
char *qp_buf_detach(qp_buf *b);

#endif
