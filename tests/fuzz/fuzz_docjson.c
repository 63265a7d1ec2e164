/* fuzz_docjson.c — libFuzzer harness: the document lines `quipu ingest --events` reads
 * (src/core/doc_json.c) on any bytes: broken JSON, spans outside the text, wrong hashes, members
 * of the wrong type. What it accepts is written back and read again. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "doc_json.h"
#include "qp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *o = json_loadb((const char *)data, size, 0, NULL);
    if (!o)
        return 0;
    qp_arena a;
    qp_arena_init(&a, 4096);
    qp_document d;
    char err[256];
    if (qp_document_from_json(o, &a, &d, err, sizeof err) == 0) {
        /* every span it accepted lies in the text: read each byte of it */
        size_t sum = 0;
        for (size_t i = 0; i < d.n_events; i++)
            for (size_t k = d.events[i].evidence_start; k < d.events[i].evidence_end; k++)
                sum += (unsigned char)d.text[k];
        for (size_t i = 0; i < d.n_sentences; i++)
            for (size_t k = d.sentences[i].start; k < d.sentences[i].end; k++)
                sum += (unsigned char)d.text[k];
        json_t *back = qp_document_to_json(&d);
        qp_arena b;
        qp_arena_init(&b, 4096);
        qp_document d2;
        if (back && qp_document_from_json(back, &b, &d2, err, sizeof err) != 0)
            abort(); /* what was read must read again */
        if (back && (d2.n_events != d.n_events || strcmp(d2.hash, d.hash)))
            abort();
        json_decref(back);
        qp_arena_destroy(&b);
        (void)sum;
    }
    qp_arena_destroy(&a);
    json_decref(o);
    return 0;
}
