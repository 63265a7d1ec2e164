/* bench_timex.c — time expressions per second and MB/s of qp_timex_find over real articles.
 * Usage: bench_timex [DIR] (default $QP_SHARED/corpus/fr-syria-scraped, else
 * ../shared/corpus/fr-syria-scraped). Files are read into memory first; only finding and
 * resolving is timed, in CPU time (so a loaded machine does not change the figure much), on
 * one core, several rounds. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "qp.h"
#include "timex.h"

typedef struct {
    char *text;
    size_t len;
    char dct[11];
} doc;

/* CPU seconds of this process: the figure holds on a machine others are loading too */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char dir[1024];
    const char *shared = getenv("QP_SHARED");
    if (argc > 1)
        snprintf(dir, sizeof dir, "%s", argv[1]);
    else
        snprintf(dir, sizeof dir, "%s/corpus/fr-syria-scraped", shared ? shared : "../shared");
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "bench_timex: cannot open %s\n", dir);
        return 1;
    }
    char *names[4096];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(dh)) && nn < 4096)
        if (strlen(e->d_name) > 14 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".txt"))
            names[nn++] = strdup(e->d_name);
    closedir(dh);
    qsort(names, nn, sizeof *names, by_name);
    doc *docs = calloc(nn ? nn : 1, sizeof *docs);
    size_t nd = 0, bytes = 0;
    for (size_t i = 0; i < nn; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        docs[nd].text = malloc((size_t)sz + 1);
        docs[nd].len = fread(docs[nd].text, 1, (size_t)sz, f);
        fclose(f);
        memcpy(docs[nd].dct, names[i], 10);   /* files are named DATE_ID.txt */
        docs[nd].dct[10] = 0;
        bytes += docs[nd].len;
        nd++;
    }
    if (!nd) {
        fprintf(stderr, "bench_timex: no .txt files in %s\n", dir);
        return 1;
    }
    qp_arena arena;
    qp_arena_init(&arena, 1 << 16);
    size_t found = 0, rounds = 0;
    double t0 = cpu_now(), t = 0;
    while (t < 2.0 || rounds < 3) {
        for (size_t i = 0; i < nd; i++) {
            qp_timex_list list;
            qp_arena_reset(&arena);
            int rc = qp_timex_find(docs[i].text, docs[i].len, "fr", docs[i].dct, &arena, &list);
            if (rc < 0) {
                fprintf(stderr, "bench_timex: %s: %s\n", docs[i].dct, qp_strerror(rc));
                return 1;
            }
            found += list.count;
        }
        rounds++;
        t = cpu_now() - t0;
    }
    printf("bench_timex: %zu documents, %.2f MB, %zu expressions per pass, %zu passes in %.2f s of CPU\n", nd,
           bytes / 1e6, found / rounds, rounds, t);
    printf("bench_timex: %.0f expressions/s, %.1f MB/s of CPU time (one core)\n", found / t, bytes * rounds / 1e6 / t);
    qp_arena_destroy(&arena);
    for (size_t i = 0; i < nd; i++)
        free(docs[i].text);
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(docs);
    return 0;
}
