/* fuzz_timex.c — libFuzzer harness: the time tagger (src/timex/) on valid UTF-8, as
 * `quipu timex` reads it; the first byte picks the language and whether a document date is
 * given. Expressions must lie inside the text, in order, with a value. */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "qp.h"
#include "timex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    unsigned mode = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    if (!valid_utf8((const uint8_t *)text, len))
        return 0;
    static const char *const dcts[] = {NULL, "2017-11-02", "1989-02-28", "2000-12-31"};
    qp_arena a;
    qp_arena_init(&a, len * 4 + 4096);
    qp_timex_list list;
    if (qp_timex_find(len ? text : "", len, mode & 1 ? "en" : "fr", dcts[(mode >> 1) & 3], &a, &list) == 0) {
        size_t last = 0;
        for (size_t i = 0; i < list.count; i++) {
            const qp_timex *x = &list.items[i];
            if (x->start < last || x->end < x->start || x->end > len || !x->value)
                __builtin_trap();
            last = x->end;
        }
    }
    qp_arena_destroy(&a);
    return 0;
}
