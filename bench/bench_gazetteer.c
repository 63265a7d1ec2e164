/* bench_gazetteer.c — how fast the compiled gazetteer opens, how much memory it takes, lookups/s.
 *
 * Usage: bench_gazetteer [GAZETTEER.qpg [NAMES.txt]]
 * GAZETTEER defaults to qp_gazetteer_default_path(); NAMES to cities1000.txt beside it (a
 * GeoNames dump: column 3, the ASCII name, is what is looked up). Targets: open < 150 ms,
 * resident memory < 150 MB. */
#include "buf.h"
#include "fold.h"
#include "gazetteer.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* VmRSS of this process, in MB, or -1. */
static double rss_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6))
            kb = strtod(line + 6, NULL);
    fclose(f);
    return kb < 0 ? -1 : kb / 1024.0;
}

/* Folded ASCII names of a GeoNames dump, NUL-separated in keys; returns how many. */
static size_t read_names(const char *path, qp_buf *keys, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0, n = 0;
    qp_buf one;
    qp_buf_init(&one);
    while (n < max && getline(&line, &cap, f) > 0) {
        char *a = strchr(line, '\t');
        char *b = a ? strchr(a + 1, '\t') : NULL;
        char *c = b ? strchr(b + 1, '\t') : NULL;
        if (!c)
            continue;
        qp_buf_clear(&one);  /* qp_fold() appending to text would add a space */
        if (qp_fold(b + 1, (size_t)(c - b - 1), &one) == 0 && one.len &&
            qp_buf_append(keys, one.data, one.len + 1) == 0)
            n++;
    }
    qp_buf_destroy(&one);
    free(line);
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : qp_gazetteer_default_path();
    char names_path[4096];
    if (argc > 2) {
        snprintf(names_path, sizeof names_path, "%s", argv[2]);
    } else {
        snprintf(names_path, sizeof names_path, "%s", path);
        char *slash = strrchr(names_path, '/');
        snprintf(slash ? slash + 1 : names_path,
                 sizeof names_path - (size_t)(slash ? slash + 1 - names_path : 0),
                 "cities1000.txt");
    }
    double rss0 = rss_mb();
    double t0 = now_ms();
    qp_gazetteer *g;
    int r = qp_gazetteer_open(&g, path);
    double t1 = now_ms();
    if (r) {
        fprintf(stderr, "bench_gazetteer: %s: %s\n", path, qp_strerror(r));
        return 1;
    }
    qp_gazetteer_info in;
    qp_gazetteer_get_info(g, &in);
    printf("gazetteer      %s (%.1f MB, %u places, %u keys)\n", path, (double)in.file_size / 1e6,
           in.n_places, in.n_keys);
    printf("open           %.3f ms   (target < 150 ms)\n", t1 - t0);
    printf("RSS            %.1f MB before, %.1f MB after open\n", rss0, rss_mb());

    double t2 = now_ms();
    qp_place_cand first[8];
    size_t nf = qp_gazetteer_lookup(g, "aleppo", 6, first, 8);
    printf("first lookup   %.3f ms (%zu candidates for \"aleppo\")\n", now_ms() - t2, nf);

    qp_buf keys;
    qp_buf_init(&keys);
    size_t n = read_names(names_path, &keys, 200000);
    if (n == 0) {
        printf("(no names to look up: %s not readable)\n", names_path);
        qp_buf_destroy(&keys);
        qp_gazetteer_close(g);
        return 0;
    }
    const char **list = malloc(n * sizeof *list);
    const char *p = keys.data;
    for (size_t i = 0; i < n; i++, p += strlen(p) + 1)
        list[i] = p;
    qp_place_cand c[32];
    size_t hits = 0, cands = 0, rounds = 5;
    double t3 = now_ms();
    for (size_t round = 0; round < rounds; round++)
        for (size_t i = 0; i < n; i++) {
            size_t k = qp_gazetteer_lookup(g, list[i], strlen(list[i]), c, 32);
            hits += k > 0;
            cands += k < 32 ? k : 32;
        }
    double t4 = now_ms();
    /* the matcher's common case: a token that is no name at all */
    size_t misses = 0;
    char miss[256];
    for (size_t i = 0; i < n; i++) {
        snprintf(miss, sizeof miss, "%sq", list[i]);
        misses += qp_gazetteer_probe(g, miss, strlen(miss)) == 0;
    }
    double t5 = now_ms();
    printf("lookups        %.2f M/s (%zu names x %zu rounds, %zu found, %.1f candidates each)\n",
           (double)(n * rounds) / (t4 - t3) / 1e3, n, rounds, hits / rounds,
           (double)cands / (double)(hits ? hits : 1));
    printf("probes (miss)  %.2f M/s (%zu of %zu not found)\n", (double)n / (t5 - t4) / 1e3,
           misses, n);
    printf("RSS            %.1f MB after the lookups (target < 150 MB; the names list "
           "itself is %.1f MB)\n", rss_mb(), (double)(keys.cap + n * sizeof *list) / 1048576.0);
    free(list);
    qp_buf_destroy(&keys);
    qp_gazetteer_close(g);
    return 0;
}
