/* bench_extract.c — extraction time against article size: CPU seconds of one article through
 * the whole pipeline (cleaning, language, sentences, events) for 1, 2, 4 and 8 MB of news
 * sentences, and for runs of words with no sentence punctuation. Linear time gives the same
 * seconds per MB on every line (issue 16, item 7: 4 MB took 14 s and 8 MB 91 s; 2.8 MB
 * without punctuation over 500 s).
 * Usage: bench_extract [MAX_MB] (default 8: the largest article of each series). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "buf.h"
#include "pipeline.h"
#include "qp.h"

/* CPU seconds of this process: the figure holds on a machine others are loading too */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* News sentences, numbered so that no two are the same, in paragraphs of five. */
static int news(qp_buf *b, size_t bytes)
{
    /* each sentence in two halves around its number */
    static const char *const s[][2] = {
        {"L'armée irakienne a lancé jeudi une offensive pour reprendre al-Qaïm, le dernier bastion du groupe "
         "Etat islamique, selon le communiqué numéro ", "."},
        {"Les forces gouvernementales sont appuyées par la coalition internationale emmenée par les Etats-Unis, "
         "a précisé le porte-parole ", "."},
        {"La Russie a livré des armes au régime syrien à Alep, a affirmé l'observatoire dans son bilan ", "."},
        {"Les rebelles ont bombardé Damas dans la nuit de mardi, faisant ", " morts selon des militants."},
    };
    int rc = 0;
    for (size_t i = 0; b->len < bytes && !rc; i++)
        rc = qp_buf_puts(b, s[i % 4][0]) | qp_buf_printf(b, "%zu", i) | qp_buf_puts(b, s[i % 4][1]) |
             qp_buf_putc(b, i % 5 == 4 ? '\n' : ' ');
    return rc;
}

/* Words with no sentence punctuation at all: one "sentence" to the splitter but for its cap. */
static int no_punctuation(qp_buf *b, size_t bytes)
{
    static const char *const w[] = {"les", "rebelles", "ont", "bombardé", "la", "ville", "de", "Damas", "avec",
                                    "des", "armes", "russes", "livrées", "au", "régime", "syrien"};
    int rc = 0;
    for (size_t i = 0; b->len < bytes && !rc; i++)
        rc = qp_buf_puts(b, w[i % QP_ARRAY_LEN(w)]) | qp_buf_putc(b, ' ');
    return rc;
}

/* Runs one article; prints its line. Returns 0 or an error. */
static int run(const qp_pipeline *p, const char *series, double mb, int (*make)(qp_buf *, size_t))
{
    qp_buf b;
    qp_buf_init(&b);
    int r = make(&b, (size_t)(mb * 1e6));
    if (r) {
        qp_buf_destroy(&b);
        return QP_ENOMEM;
    }
    qp_article_meta m = {.name = "bench", .date = "2017-11-02", .lang = "fr"};
    qp_arena arena;
    qp_arena_init(&arena, b.len * 4 + 65536);
    qp_document doc;
    char err[256] = "";
    double t0 = cpu_now();
    r = qp_pipeline_run(p, b.data, b.len, &m, &arena, &doc, err, sizeof err);
    double t = cpu_now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (r)
        fprintf(stderr, "bench_extract: %s %.1f MB: %s\n", series, mb, err[0] ? err : qp_strerror(r));
    else
        printf("%-16s %6.2f MB %8zu sentences %7zu events %8.2f s CPU %6.2f s/MB   peak RSS %5ld MB\n", series,
               (double)b.len / 1e6, doc.n_sentences, doc.n_events, t, t / ((double)b.len / 1e6),
               ru.ru_maxrss / 1024);
    fflush(stdout);
    qp_arena_destroy(&arena);
    qp_buf_destroy(&b);
    return r;
}

int main(int argc, char **argv)
{
    double max = argc > 1 ? atof(argv[1]) : 8;
    if (!(max > 0)) {
        fprintf(stderr, "usage: bench_extract [MAX_MB]\n");
        return 2;
    }
    qp_pipeline p;
    char err[512] = "", warn[512] = "";
    if (qp_pipeline_load(&p, "fr", err, sizeof err, warn, sizeof warn)) {
        fprintf(stderr, "bench_extract: %s\n", err);
        return 1;
    }
    if (warn[0])
        fprintf(stderr, "bench_extract: warning: %s\n", warn);
    int r = 0;
    for (double mb = 1; mb <= max && !r; mb *= 2)
        r = run(&p, "news", mb, news);
    /* the sizes without punctuation: 0.92 MB took 24 s, 2.8 MB over 500 s */
    static const double np[] = {0.92, 2.8, 5.6};
    for (size_t i = 0; i < QP_ARRAY_LEN(np) && np[i] <= max && !r; i++)
        r = run(&p, "no punctuation", np[i], no_punctuation);
    qp_pipeline_destroy(&p);
    return r ? 1 : 0;
}
