/* fuzz_jsonl.c — libFuzzer harness: the JSON Lines reader (src/ingest/read.c) on any bytes:
 * bounded lines, broken JSON, BOMs, NUL bytes, over-size lines, dates. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads every byte handed over, so that ASan sees a read past the end of what the reader says. */
static int on_article(void *ud, const char *raw, size_t len, const qp_article_meta *m)
{
    size_t *sum = ud;
    for (size_t i = 0; i < len; i++)
        *sum += (unsigned char)raw[i];
    const char *s[] = {m->name, m->url, m->title, m->source, m->date, m->lang, m->origin};
    for (size_t i = 0; i < QP_ARRAY_LEN(s); i++)
        *sum += s[i] ? strlen(s[i]) : 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    size_t sum = 0;
    qp_reader rd;
    /* a small limit, so that over-size lines are met often */
    qp_reader_init(&rd, "fuzz", 256, on_article, &sum);
    rd.log = devnull;
    qp_read_jsonl(&rd, f, "fuzz");
    fclose(f);
    return 0;
}
