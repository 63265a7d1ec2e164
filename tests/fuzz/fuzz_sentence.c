/* fuzz_sentence.c — libFuzzer harness: the sentence splitter and the tokeniser (src/text/) on
 * cleaned text, as the pipeline gives it to them: sentences in order and inside the text,
 * tokens inside their sentence. (Time is watched by libFuzzer's -timeout.) */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "clean.h"
#include "qp.h"
#include "sentence.h"
#include "token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qp_arena a;
    qp_arena_init(&a, size * 4 + 4096);
    qp_clean_result cr;
    if (qp_clean((const char *)data, size, &a, &cr) == 0) {
        qp_span *s;
        size_t n;
        const char *lang = size && data[0] & 1 ? "en" : "fr";
        if (qp_sentences_split(cr.text, cr.len, lang, &a, &s, &n) == 0) {
            size_t last = 0;
            for (size_t i = 0; i < n; i++) {
                if (s[i].start < last || s[i].end <= s[i].start || s[i].end > cr.len)
                    __builtin_trap();
                last = s[i].end;
                qp_token *t;
                size_t nt;
                if (qp_tokenize(cr.text, s[i].start, s[i].end, &a, &t, &nt) == 0)
                    for (size_t k = 0; k < nt; k++)
                        if (t[k].start < s[i].start || t[k].end > s[i].end || t[k].end < t[k].start || !t[k].fold)
                            __builtin_trap();
            }
        }
    }
    qp_arena_destroy(&a);
    return 0;
}
