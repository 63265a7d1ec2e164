/* bench_ingest.c — the cost of ingesting: lexicon and gazetteer load time, extraction
 * throughput (clean, language, split, extract) and full ingest into a temporary SQLite store,
 * on the 228 scraped articles and the dev documents repeated to at least 20 MB; peak RSS.
 * Usage: bench_ingest [MB] (default 20). Corpus from $QP_SHARED, else ../shared. One core.
 * Each copy of an article ends with a sentence naming its copy, so the store keeps every copy
 * instead of counting duplicates. Wall and CPU time are both printed: the machine is shared. */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "document.h"
#include "extract.h"
#include "ingest.h"
#include "lang.h"
#include "qp.h"
#include "store.h"

typedef struct article {
    char *text;
    size_t len;
    char name[96];
    char date[11];
} article;

typedef struct corpus {
    article *a;
    size_t n, cap, bytes;
} corpus;

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long vm_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, key, n) && line[n] == ':')
            kb = atol(line + n + 1);
    fclose(f);
    return kb;
}

static int add(corpus *c, const char *name, const char *date, const char *text, size_t len)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 512;
        article *a = realloc(c->a, cap * sizeof *a);
        if (!a)
            return -1;
        c->a = a;
        c->cap = cap;
    }
    article *a = &c->a[c->n];
    a->text = malloc(len + 1);
    if (!a->text)
        return -1;
    memcpy(a->text, text, len);
    a->text[len] = '\0';
    a->len = len;
    snprintf(a->name, sizeof a->name, "%s", name);
    snprintf(a->date, sizeof a->date, "%.10s", date ? date : "");
    c->n++;
    c->bytes += len;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(corpus *c, const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return -1;
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        size_t l = strlen(e->d_name);
        if (l < 15 || strcmp(e->d_name + l - 4, ".txt"))
            continue;
        if (nn == cap) {
            cap = cap ? cap * 2 : 256;
            names = realloc(names, cap * sizeof *names);
        }
        names[nn++] = strdup(e->d_name);
    }
    closedir(dh);
    qsort(names, nn, sizeof *names, by_name);
    for (size_t i = 0; i < nn; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        if (f) {
            fseek(f, 0, SEEK_END);
            long sz = ftell(f);
            rewind(f);
            char *buf = malloc((size_t)sz + 1);
            if (buf && fread(buf, 1, (size_t)sz, f) == (size_t)sz) {
                names[i][strlen(names[i]) - 4] = '\0';
                add(c, names[i], names[i], buf, (size_t)sz); /* DATE_ID.txt */
            }
            free(buf);
            fclose(f);
        }
        free(names[i]);
    }
    free(names);
    return 0;
}

static int load_jsonl(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_t *t = o ? json_object_get(o, "text") : NULL;
        if (json_is_string(t))
            add(c, json_string_value(json_object_get(o, "id")), json_string_value(json_object_get(o, "date")),
                json_string_value(t), json_string_length(t));
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

/* Round r's copy of article i: its text and a last sentence that names the copy. */
static size_t copy_of(const article *a, int r, char **buf, size_t *cap)
{
    size_t need = a->len + 64;
    if (need > *cap) {
        *cap = need * 2;
        *buf = realloc(*buf, *cap);
    }
    memcpy(*buf, a->text, a->len);
    int n = snprintf(*buf + a->len, 64, "\n\nCopie numéro %d de ce texte.\n", r);
    return a->len + (size_t)n;
}

int main(int argc, char **argv)
{
    double target_mb = argc > 1 ? atof(argv[1]) : 20.0;
    const char *shared = getenv("QP_SHARED");
    char dir[1024], devdocs[1024];
    snprintf(dir, sizeof dir, "%s/corpus/fr-syria-scraped", shared ? shared : "../shared");
    snprintf(devdocs, sizeof devdocs, "%s/corpus/dev/docs.jsonl", shared ? shared : "../shared");
    corpus c = {0};
    if (load_dir(&c, dir) || load_jsonl(&c, devdocs) || c.n == 0) {
        fprintf(stderr, "bench_ingest: cannot read %s and %s (set QP_SHARED)\n", dir, devdocs);
        return 1;
    }
    int rounds = (int)(target_mb * 1e6 / (double)c.bytes) + 1;
    printf("corpus: %zu articles, %.2f MB; %d rounds = %.1f MB\n", c.n, c.bytes / 1e6, rounds,
           rounds * (double)c.bytes / 1e6);

    /* (a) load */
    char err[512] = "";
    qp_extractor *x = NULL;
    double w0 = wall(), c0 = cpu();
    int r = qp_extractor_init(&x, err, sizeof err);
    double load_ms = (wall() - w0) * 1e3, load_cpu_ms = (cpu() - c0) * 1e3;
    if (r) {
        fprintf(stderr, "bench_ingest: cannot load the extractor: %s\n", err[0] ? err : qp_strerror(r));
        return 1;
    }
    if (err[0])
        printf("warning: %s\n", err);
    long rss_after_load = vm_kb("VmRSS");
    qp_langid *langid = NULL;
    w0 = wall();
    if (qp_langid_init(&langid))
        printf("warning: no language identification; articles taken as they come\n");
    double langid_ms = (wall() - w0) * 1e3;
    qp_pipeline pl = {.langid = langid, .extractor = x, .force_lang = "auto"};
    printf("load: extractor (lexicons + gazetteer) %.1f ms wall, %.1f ms CPU (target < 300 ms); "
           "language id %.1f ms; RSS after load %.1f MB\n",
           load_ms, load_cpu_ms, langid_ms, rss_after_load / 1024.0);

    /* (b) clean + language + split + extract, no store */
    char *buf = NULL;
    size_t bcap = 0, bytes = 0, sentences = 0, events = 0, failed = 0;
    qp_arena arena;
    qp_arena_init(&arena, 1 << 20);
    w0 = wall();
    c0 = cpu();
    for (int k = 0; k < rounds; k++) {
        for (size_t i = 0; i < c.n; i++) {
            size_t len = copy_of(&c.a[i], k, &buf, &bcap);
            qp_arena_reset(&arena);
            qp_article_meta m = {.name = c.a[i].name, .date = c.a[i].date, .origin = c.a[i].name};
            qp_document doc;
            char perr[256];
            if (qp_pipeline_run(&pl, buf, len, &m, &arena, &doc, perr, sizeof perr)) {
                failed++;
                continue;
            }
            bytes += len;
            sentences += doc.n_sentences;
            events += doc.n_events;
        }
    }
    double ew = wall() - w0, ec = cpu() - c0;
    qp_arena_destroy(&arena);
    printf("extract: %.1f MB, %zu sentences, %zu events, %zu failed in %.2f s wall, %.2f s CPU: "
           "%.2f MB/s, %.0f sentences/s (CPU time)\n",
           bytes / 1e6, sentences, events, failed, ew, ec, bytes / 1e6 / ec, sentences / ec);

    /* (c) full ingest into a temporary database */
    char dbpath[] = "/tmp/qp-bench-ingest-XXXXXX";
    int fd = mkstemp(dbpath);
    if (fd < 0) {
        perror("bench_ingest: mkstemp");
        return 1;
    }
    close(fd);
    unlink(dbpath);
    qp_store *store = NULL;
    if ((r = qp_store_open(&store, dbpath))) {
        fprintf(stderr, "bench_ingest: %s\n", qp_store_errmsg(store));
        qp_store_close(store);
        return 1;
    }
    qp_ingest ig;
    qp_ingest_opts o = {.lang = "auto"};
    w0 = wall();
    c0 = cpu();
    /* as `quipu ingest` does: the lexicon's actors first, so queries resolve names */
    if ((r = qp_store_begin(store)) || (r = qp_store_put_lexicon(store, qp_extractor_lexicon(x))) ||
        (r = qp_store_commit(store)))
        fprintf(stderr, "bench_ingest: %s\n", qp_store_errmsg(store));
    double seed_ms = (wall() - w0) * 1e3;
    qp_ingest_init(&ig, store, &pl, &o);
    for (int k = 0; k < rounds && !r; k++) {
        for (size_t i = 0; i < c.n && !r; i++) {
            size_t len = copy_of(&c.a[i], k, &buf, &bcap);
            char name[128];
            snprintf(name, sizeof name, "%s.%d", c.a[i].name, k);
            qp_article_meta m = {.name = name, .date = c.a[i].date, .origin = name};
            r = qp_ingest_article(&ig, buf, len, &m);
        }
    }
    if (!r)
        r = qp_ingest_finish(&ig);
    double iw = wall() - w0, ic = cpu() - c0;
    printf("ingest: seeding the store with the lexicon %.1f ms\n", seed_ms);
    printf("ingest: storage (inserts, savepoints, commits) %.2f s CPU of %.2f s, %.0f %%\n", ig.stats.store_cpu, ic,
           100 * ig.stats.store_cpu / ic);
    printf("ingest: %.1f MB, %zu stored, %zu duplicates, %zu skipped, %zu events in %.2f s wall, %.2f s CPU: "
           "%.2f MB/s CPU, %.2f MB/s wall (target >= 5 MB/s)%s\n",
           ig.stats.bytes / 1e6, ig.stats.stored, ig.stats.duplicates, ig.stats.skipped, ig.stats.events, iw, ic,
           ig.stats.bytes / 1e6 / ic, ig.stats.bytes / 1e6 / iw, r ? " (store error)" : "");
    qp_store_close(store);
    char side[400];
    const char *sfx[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(side, sizeof side, "%s%s", dbpath, sfx[i]);
        unlink(side);
    }

    /* (d) */
    printf("peak RSS (VmHWM): %.1f MB (target < 300 MB)\n", vm_kb("VmHWM") / 1024.0);

    free(buf);
    for (size_t i = 0; i < c.n; i++)
        free(c.a[i].text);
    free(c.a);
    qp_langid_destroy(langid);
    qp_extractor_destroy(x);
    return r ? 1 : 0;
}
