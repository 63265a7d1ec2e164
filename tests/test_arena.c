/* test_arena.c — the per-document arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "buf.h"

static void alloc_is_aligned_and_distinct(void **state)
{
    qp_arena a;
    qp_arena_init(&a, 256);
    char *p = qp_arena_alloc(&a, 3);
    char *q = qp_arena_alloc(&a, 5);
    assert_non_null(p);
    assert_non_null(q);
    assert_true(p != q);
    assert_int_equal((uintptr_t)p % 16, 0);
    assert_int_equal((uintptr_t)q % 16, 0);
    memset(p, 'x', 3);
    memset(q, 'y', 5);
    assert_int_equal(p[2], 'x');
    qp_arena_destroy(&a);
}

static void oversize_requests_get_their_own_block(void **state)
{
    qp_arena a;
    qp_arena_init(&a, 128);
    char *small = qp_arena_alloc(&a, 16);
    char *big = qp_arena_alloc(&a, 100000);
    assert_non_null(big);
    memset(big, 1, 100000);
    char *small2 = qp_arena_alloc(&a, 16);
    assert_non_null(small2);
    /* the small one still comes from the first block, right after the first */
    assert_ptr_equal(small2, small + 16);
    qp_arena_destroy(&a);
}

static void strdup_and_printf(void **state)
{
    qp_arena a;
    qp_arena_init(&a, 0);
    assert_string_equal(qp_arena_strndup(&a, "abcdef", 3), "abc");
    assert_null(qp_arena_strdup(&a, NULL));
    assert_string_equal(qp_arena_printf(&a, "%s-%d", "IRQ", 7), "IRQ-7");
    qp_arena_reset(&a);
    assert_string_equal(qp_arena_strdup(&a, "again"), "again");
    qp_arena_destroy(&a);
}

static void buf_grows_and_detaches(void **state)
{
    qp_buf b;
    qp_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(qp_buf_printf(&b, "%d,", i), 0);
    assert_true(b.len > 3000);
    assert_memory_equal(b.data, "0,1,2,", 6);
    char *s = qp_buf_detach(&b);
    assert_null(b.data);
    assert_int_equal(s[strlen(s) - 1], ',');
    free(s);
    qp_buf_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alloc_is_aligned_and_distinct),
        cmocka_unit_test(oversize_requests_get_their_own_block),
        cmocka_unit_test(strdup_and_printf),
        cmocka_unit_test(buf_grows_and_detaches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
