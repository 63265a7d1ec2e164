/* bench_morph.c — load time of both forms tables and look-ups per second.
 *
 *   build/bench/bench_morph build      (the build directory holding lexicon/{fr,en}/forms.tsv) */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "morph.h"
#include "qp.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *root = argc > 1 ? argv[1] : ".";
    const char *langs[2] = {"fr", "en"};
    qp_morph m[2];
    double t0 = now();
    for (int i = 0; i < 2; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/lexicon/%s/forms.tsv", root, langs[i]);
        qp_morph_init(&m[i]);
        int r = qp_morph_load(&m[i], path);
        if (r) {
            fprintf(stderr, "bench_morph: %s: %s\n", path, qp_strerror(r));
            return 1;
        }
    }
    double t1 = now();
    printf("load fr+en: %.2f ms (%zu + %zu forms, %zu + %zu readings)\n", (t1 - t0) * 1e3,
           m[0].nforms, m[1].nforms, m[0].nanalyses, m[1].nanalyses);
    /* a realistic mix: mostly words that are not in the table, some that are */
    static const char *const words[] = {
        "les", "forces", "soutenues", "par", "la", "coalition", "ont", "lance", "une",
        "offensive", "contre", "frappes aeriennes", "bombardent", "tirait sur", "reprise",
        "de", "raqa", "mardi", "selon", "l", "armee", "syrienne", "empare de", "quartier",
    };
    const size_t n = QP_ARRAY_LEN(words);
    size_t len[QP_ARRAY_LEN(words)];
    for (size_t i = 0; i < n; i++)
        len[i] = strlen(words[i]);
    const long rounds = 400000;
    size_t hits = 0;
    t0 = now();
    for (long r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            const qp_morph_analysis *a;
            hits += qp_morph_lookup(&m[0], words[i], len[i], &a) > 0;
        }
    t1 = now();
    double total = (double)rounds * (double)n;
    printf("lookups: %.1f million/s (%zu hits of %.0f)\n", total / (t1 - t0) / 1e6, hits, total);
    qp_morph_destroy(&m[0]);
    qp_morph_destroy(&m[1]);
    return 0;
}
