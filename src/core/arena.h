/* arena.h — bump allocator: everything one document's work allocates, freed at once. */
#ifndef QP_ARENA_H
#define QP_ARENA_H

#include <stddef.h>

typedef struct qp_arena_block qp_arena_block;

typedef struct qp_arena {
    qp_arena_block *head;  /* newest block first */
    size_t block_size;     /* default size of a new block */
    size_t used;           /* total bytes handed out, for statistics */
} qp_arena;

/* Prepares an empty arena; allocates nothing until first use. */
void qp_arena_init(qp_arena *a, size_t block_size);
/* Frees every block; the arena can be used again after. */
void qp_arena_destroy(qp_arena *a);
/* Keeps the first block and forgets its contents; frees the others. */
void qp_arena_reset(qp_arena *a);
/* Returns 16-byte aligned memory owned by the arena, or NULL when out of memory. */
void *qp_arena_alloc(qp_arena *a, size_t size);
/* Same, zero-filled. */
void *qp_arena_calloc(qp_arena *a, size_t n, size_t size);
/* Copies len bytes of s and a terminating NUL into the arena; NULL when out of memory. */
char *qp_arena_strndup(qp_arena *a, const char *s, size_t len);
/* Copies a NUL-terminated string (NULL gives NULL). */
char *qp_arena_strdup(qp_arena *a, const char *s);
/* printf into the arena; NULL when out of memory. */
char *qp_arena_printf(qp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
