/* fuzz_clean.c — libFuzzer harness: the cleaner (src/text/clean.c) on any bytes: UTF-8
 * validation, NFC, quotes, control characters, clutter lines. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "clean.h"
#include "qp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qp_arena a;
    qp_arena_init(&a, size * 4 + 4096);
    qp_clean_result cr;
    int r = qp_clean((const char *)data, size, &a, &cr);
    if (r == 0) {
        /* what the cleaner promises: its text is NUL-free, and each clutter line is a string */
        if (memchr(cr.text, 0, cr.len))
            __builtin_trap();
        for (size_t i = 0; i < cr.n_clutter; i++)
            if (!cr.clutter[i].text || strlen(cr.clutter[i].text) > size)
                __builtin_trap();
    }
    qp_arena_destroy(&a);
    return 0;
}
