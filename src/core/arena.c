/* arena.c — bump allocator with a list of blocks. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct qp_arena_block {
    qp_arena_block *next;
    size_t size, off;
    _Alignas(16) unsigned char data[];
};

void qp_arena_init(qp_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->used = 0;
}

void qp_arena_destroy(qp_arena *a)
{
    qp_arena_block *b = a->head;
    while (b) {
        qp_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

void qp_arena_reset(qp_arena *a)
{
    if (!a->head)
        return;
    qp_arena_block *keep = a->head;
    /* keep the last (oldest) block, usually of the default size */
    while (keep->next) {
        qp_arena_block *b = keep;
        keep = keep->next;
        free(b);
    }
    keep->off = 0;
    a->head = keep;
    a->used = 0;
}

void *qp_arena_alloc(qp_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    qp_arena_block *b = a->head;
    if (!b || b->size - b->off < size) {
        size_t bs = a->block_size > size ? a->block_size : size;
        qp_arena_block *nb = malloc(sizeof *nb + bs);
        if (!nb)
            return NULL;
        nb->size = bs;
        nb->off = 0;
        if (b && bs == size && b->size - b->off > a->block_size / 4) {
            /* an oversize request: put it behind the current block so its space stays usable */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->off;
    b->off += size;
    a->used += size;
    return p;
}

void *qp_arena_calloc(qp_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = qp_arena_alloc(a, n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

char *qp_arena_strndup(qp_arena *a, const char *s, size_t len)
{
    char *p = qp_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *qp_arena_strdup(qp_arena *a, const char *s)
{
    return s ? qp_arena_strndup(a, s, strlen(s)) : NULL;
}

char *qp_arena_printf(qp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = qp_arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
