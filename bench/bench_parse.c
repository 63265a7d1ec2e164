/* bench_parse.c — the parser's speed on news text, its load time, memory, and dev-set scores.
 *
 * Usage: bench_parse [--rounds N] [--no-scores]  (data from $QP_SHARED, else ../shared)
 *
 * Articles (corpus/dev/docs.jsonl by their "lang", corpus/fr-syria-scraped/ in French) are
 * cleaned and cut into sentences and UD words first; then tagging + lemmas + parsing with
 * labels (qp_parse_words) is timed in CPU time of this process, on one core, over several
 * rounds; segmentation from quipu's tokens (qp_parse_segment) is timed apart. Then the dev
 * treebanks (ud/en_ewt-ud-dev, ud/fr_sequoia-ud-dev) are scored as score-conllu does. */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "clean.h"
#include "conllu.h"
#include "lang.h"
#include "parse.h"
#include "qp.h"
#include "sentence.h"

typedef struct sent {
    qp_word *w;
    size_t n;
    const char *text;
    size_t start, end;
} sent;

typedef struct corpus {
    sent *s;
    size_t n, cap, words;
} corpus;

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A field of /proc/self/status or /proc/self/smaps_rollup, in kB. */
static long proc_kb(const char *file, const char *field)
{
    FILE *f = fopen(file, "r");
    char line[256];
    long kb = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, n))
            kb = atol(line + n);
    if (f)
        fclose(f);
    return kb;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    qp_buf b;
    qp_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        qp_buf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return qp_buf_detach(&b);
}

/* Cleans, splits and segments one article into c. */
static void add_text(const qp_parser *p, qp_lang lang, const char *raw, size_t len, corpus *c, qp_arena *a)
{
    qp_clean_result cr;
    if (qp_clean(raw, len, a, &cr) != 0)
        return;
    qp_span *spans;
    size_t ns;
    if (qp_sentences_split(cr.text, cr.len, qp_lang_code(lang), a, &spans, &ns) != 0)
        return;
    for (size_t i = 0; i < ns; i++) {
        qp_word *w;
        size_t n;
        if (qp_parse_segment(p, lang, cr.text, spans[i].start, spans[i].end, a, &w, &n) != 0 || !n)
            continue;
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 1024;
            c->s = realloc(c->s, c->cap * sizeof *c->s);
        }
        c->s[c->n++] = (sent){w, n, cr.text, spans[i].start, spans[i].end};
        c->words += n;
    }
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void load_corpora(const qp_parser *p, const char *shared, corpus c[QP_LANG_COUNT], qp_arena *a)
{
    char path[2048];
    qp_langid *id = NULL;
    qp_langid_init(&id);
    snprintf(path, sizeof path, "%s/corpus/dev/docs.jsonl", shared);
    size_t len;
    char *text = slurp(path, &len);
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        json_t *o = json_loads(line, 0, NULL);
        const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
        const char *l = o ? json_string_value(json_object_get(o, "lang")) : NULL;
        int lang = l ? qp_lang_parse(l) : -1;
        if (lang < 0 && t && id) {
            char code[8];
            qp_langid_detect(id, t, strlen(t), code);
            lang = qp_lang_parse(code);
        }
        if (t && lang >= 0)
            add_text(p, (qp_lang)lang, t, strlen(t), &c[lang], a);
        json_decref(o);
        line = nl ? nl + 1 : line + strlen(line);
    }
    free(text);
    qp_langid_destroy(id);
    snprintf(path, sizeof path, "%s/corpus/fr-syria-scraped", shared);
    DIR *d = opendir(path);
    char *names[4096];
    size_t nn = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) && nn < 4096)
        if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".txt"))
            names[nn++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, nn, sizeof *names, by_name);
    for (size_t i = 0; i < nn; i++) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", path, names[i]);
        char *raw = slurp(file, &len);
        if (raw)
            add_text(p, QP_LANG_FR, raw, len, &c[QP_LANG_FR], a);
        free(raw);
        free(names[i]);
    }
}

/* Dev-set scores on gold words: UPOS, UAS, LAS (universal relations), nsubj and obj F1. */
static void score_dev(const qp_parser *p, qp_lang lang, const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text) {
        printf("  %s: absent, not scored\n", path);
        return;
    }
    qp_arena a, scratch;
    qp_arena_init(&a, 1 << 20);
    qp_arena_init(&scratch, 1 << 16);
    qp_conllu_sentence *s;
    size_t n;
    qp_conllu_error e;
    if (qp_conllu_read(text, len, &a, &s, &n, &e) != 0) {
        printf("  %s:%zu: %s\n", path, e.line, e.message);
        free(text);
        qp_arena_destroy(&a);
        qp_arena_destroy(&scratch);
        return;
    }
    size_t words = 0, upos = 0, uas = 0, las = 0;
    size_t gold[2] = {0}, sys[2] = {0}, ok[2] = {0};
    const qp_deprel key[2] = {QP_DEP_NSUBJ, QP_DEP_OBJ};
    for (size_t i = 0; i < n; i++) {
        size_t nw = s[i].nwords;
        qp_word *w = qp_arena_alloc(&scratch, (nw + 1) * sizeof *w);
        memcpy(w, s[i].words, nw * sizeof *w);
        qp_parse_words(p, lang, w, nw, &scratch);
        for (size_t k = 0; k < nw; k++) {
            const qp_word *g = &s[i].words[k];
            qp_deprel gr = qp_deprel_universal(g->deprel), sr = qp_deprel_universal(w[k].deprel);
            words++;
            upos += g->upos == w[k].upos;
            uas += g->head == w[k].head;
            las += g->head == w[k].head && gr == sr;
            for (int r = 0; r < 2; r++) {
                gold[r] += gr == key[r];
                sys[r] += sr == key[r];
                ok[r] += gr == key[r] && sr == key[r] && g->head == w[k].head;
            }
        }
        qp_arena_reset(&scratch);
    }
    printf("  %s: %zu sentences, %zu words: UPOS %.4f UAS %.4f LAS %.4f", path, n, words, (double)upos / words,
           (double)uas / words, (double)las / words);
    for (int r = 0; r < 2; r++) {
        double pr = sys[r] ? (double)ok[r] / sys[r] : 0, rc = gold[r] ? (double)ok[r] / gold[r] : 0;
        printf(" %s F1 %.3f", qp_deprel_name(key[r]), pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0);
    }
    printf("\n");
    free(text);
    qp_arena_destroy(&a);
    qp_arena_destroy(&scratch);
}

int main(int argc, char **argv)
{
    int rounds = 5, scores = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-scores"))
            scores = 0;
        else {
            fprintf(stderr, "usage: bench_parse [--rounds N] [--no-scores]\n");
            return 2;
        }
    }
    const char *shared = getenv("QP_SHARED");
    if (!shared)
        shared = "../shared";
    double c0 = cpu_now(), w0 = wall_now();
    qp_parser *p;
    char err[512];
    if (qp_parser_load(&p, err, sizeof err) != 0) {
        fprintf(stderr, "bench_parse: %s\n", err);
        return 1;
    }
    double load_cpu = cpu_now() - c0, load_wall = wall_now() - w0;
    printf("models loaded in %.1f ms of CPU (%.1f ms wall), both languages\n", load_cpu * 1e3, load_wall * 1e3);
    qp_arena a;
    qp_arena_init(&a, 1 << 22);
    corpus c[QP_LANG_COUNT] = {0};
    double s0 = cpu_now();
    load_corpora(p, shared, c, &a);
    double seg = cpu_now() - s0;
    size_t allw = c[0].words + c[1].words, alls = c[0].n + c[1].n;
    if (!alls) {
        fprintf(stderr, "bench_parse: no text under %s/corpus\n", shared);
        return 1;
    }
    printf("cleaning, sentences and UD words of %zu sentences: %.0f words/s of CPU\n", alls, allw / seg);
    qp_arena scratch;
    qp_arena_init(&scratch, 1 << 20);
    for (int l = 0; l < QP_LANG_COUNT; l++) {
        if (!c[l].n || !qp_parser_has(p, (qp_lang)l))
            continue;
        /* segmentation alone, then tagging + parsing on copies of the words */
        double t0 = cpu_now();
        for (int r = 0; r < rounds; r++)
            for (size_t i = 0; i < c[l].n; i++) {
                qp_word *w;
                size_t n;
                qp_parse_segment(p, (qp_lang)l, c[l].s[i].text, c[l].s[i].start, c[l].s[i].end, &scratch, &w, &n);
                qp_arena_reset(&scratch);
            }
        double tseg = cpu_now() - t0;
        double best = 1e30;
        for (int r = 0; r < rounds; r++) {
            t0 = cpu_now();
            for (size_t i = 0; i < c[l].n; i++) {
                qp_word *w = qp_arena_alloc(&scratch, c[l].s[i].n * sizeof *w);
                memcpy(w, c[l].s[i].w, c[l].s[i].n * sizeof *w);
                qp_parse_words(p, (qp_lang)l, w, c[l].s[i].n, &scratch);
                qp_arena_reset(&scratch);
            }
            double t = cpu_now() - t0;
            if (t < best)
                best = t;
        }
        printf("%s: %zu sentences, %zu words (%.1f a sentence): tagger+parser+labeller %.0f sentences/s, "
               "%.0f words/s of CPU (best of %d rounds); UD words from tokens %.0f sentences/s\n",
               qp_lang_code((qp_lang)l), c[l].n, c[l].words, (double)c[l].words / c[l].n, c[l].n / best,
               c[l].words / best, rounds, c[l].n * rounds / tseg);
    }
    /* linear in length: one long sentence of repeated news sentences */
    for (int l = 0; l < QP_LANG_COUNT && c[l].n; l++) {
        size_t target[2] = {1000, 10000};
        double per[2];
        for (int k = 0; k < 2; k++) {
            qp_word *w = qp_arena_alloc(&scratch, target[k] * sizeof *w);
            size_t n = 0;
            for (size_t i = 0; n < target[k]; i = (i + 1) % c[l].n)
                for (size_t j = 0; j < c[l].s[i].n && n < target[k]; j++)
                    w[n++] = c[l].s[i].w[j];
            double t0 = cpu_now();
            qp_parse_words(p, (qp_lang)l, w, n, &scratch);
            per[k] = (cpu_now() - t0) / n;
            qp_arena_reset(&scratch);
        }
        printf("%s: one sentence of 1,000 words %.2f us a word, of 10,000 words %.2f us a word\n",
               qp_lang_code((qp_lang)l), per[0] * 1e6, per[1] * 1e6);
    }
    printf("peak memory (VmHWM) %.1f MB, with both models loaded and the corpora in memory; %.1f MB in 2 MB pages\n",
           proc_kb("/proc/self/status", "VmHWM:") / 1024.0, proc_kb("/proc/self/smaps_rollup", "AnonHugePages:") / 1024.0);
    if (scores) {
        char path[2048];
        printf("dev-set scores (gold words):\n");
        snprintf(path, sizeof path, "%s/ud/en_ewt-ud-dev.conllu", shared);
        if (qp_parser_has(p, QP_LANG_EN))
            score_dev(p, QP_LANG_EN, path);
        snprintf(path, sizeof path, "%s/ud/fr_sequoia-ud-dev.conllu", shared);
        if (qp_parser_has(p, QP_LANG_FR))
            score_dev(p, QP_LANG_FR, path);
    }
    for (int l = 0; l < QP_LANG_COUNT; l++)
        free(c[l].s);
    qp_arena_destroy(&scratch);
    qp_arena_destroy(&a);
    qp_parser_destroy(p);
    return 0;
}
