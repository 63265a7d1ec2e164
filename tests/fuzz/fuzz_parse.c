/* fuzz_parse.c — libFuzzer entry point: any bytes as a French and an English sentence, and as
 * a CoNLL-U file whose words are parsed. Models are found as quipu finds them (QUIPU_DATA or
 * the build tree); without them only segmentation and CoNLL-U reading are exercised.
 *
 *   meson setup build-fuzz -Dfuzz=true -Dparser_models=$PWD/build/models  (CC=clang)
 *   ninja -C build-fuzz tests/fuzz/fuzz_parse && build-fuzz/tests/fuzz/fuzz_parse -max_total_time=60 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conllu.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static qp_parser *parser;
static int tried;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tried) {
        char err[512];
        qp_parser_load(&parser, err, sizeof err); /* kept for the whole run */
        tried = 1;
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    qp_arena a;
    qp_arena_init(&a, 1 << 16);
    for (int l = 0; l < QP_LANG_COUNT; l++) {
        qp_word *w;
        size_t n;
        if (parser && qp_parser_has(parser, (qp_lang)l)) {
            if (qp_parse_sentence(parser, (qp_lang)l, text, 0, size, &a, &w, &n) == 0)
                for (size_t i = 0; i < n; i++)
                    if (w[i].head >= (int32_t)n || w[i].end > size)
                        abort();
        } else {
            qp_parse_segment(NULL, (qp_lang)l, text, 0, size, &a, &w, &n);
        }
        qp_arena_reset(&a);
    }
    qp_conllu_sentence *s;
    size_t ns;
    qp_conllu_error e;
    if (qp_conllu_read(text, size, &a, &s, &ns, &e) == 0 && parser)
        for (size_t i = 0; i < ns; i++)
            qp_parse_words(parser, QP_LANG_EN, s[i].words, s[i].nwords, &a);
    qp_arena_destroy(&a);
    free(text);
    return 0;
}
