/* fuzz_extract.c — libFuzzer harness: one article through the whole pipeline (cleaning,
 * language, sentences, time tagger, extractor) with the real lexicons and gazetteer, as
 * `quipu ingest` and `quipu extract` run it. The first byte picks the language (detected,
 * French, English) and the date. Events must point inside the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "qp.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static qp_pipeline pl;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[512] = "", warn[512] = "";
    if (qp_pipeline_load(&pl, "auto", err, sizeof err, warn, sizeof warn)) {
        fprintf(stderr, "fuzz_extract: %s\n", err);
        exit(1);
    }
    if (warn[0])
        fprintf(stderr, "fuzz_extract: warning: %s\n", warn);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    static const char *const langs[] = {NULL, "fr", "en", NULL};
    static const char *const dates[] = {"2017-11-02", NULL};
    qp_article_meta m = {.name = "fuzz", .lang = langs[data[0] & 3], .date = dates[(data[0] >> 2) & 1],
                         .origin = "fuzz"};
    qp_arena a;
    qp_arena_init(&a, size * 4 + 65536);
    qp_document doc;
    char err[256];
    if (qp_pipeline_run(&pl, (const char *)data + 1, size - 1, &m, &a, &doc, err, sizeof err) == 0) {
        for (size_t i = 0; i < doc.n_events; i++) {
            const qp_event *e = &doc.events[i];
            if (e->evidence_end < e->evidence_start || e->evidence_end > doc.text_len || !e->action || !e->uid ||
                e->sentence < 0 || (size_t)e->sentence >= doc.n_sentences)
                __builtin_trap();
        }
    }
    qp_arena_destroy(&a);
    return 0;
}
