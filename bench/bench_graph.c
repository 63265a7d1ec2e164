/* bench_graph.c — builds the graph from synthetic events and answers `sides`: seconds, peak RSS.
 *
 * Usage: bench_graph [EVENTS [ACTORS]]   (default 1000000 events over 2000 actors)
 * The events are deterministic (xorshift PRNG): actors fall in blocs of 200; two events in
 * three are backing or cooperation inside a bloc, one in three a fight across blocs; actors
 * are drawn with a skew (a few very active ones, as in the news). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "graph.h"
#include "qp.h"

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double uniform(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmHWM:", 6))
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

#define BLOC 200

/* An actor of the bloc, skewed: u^3 piles up near the bloc's first actors. */
static int pick(int bloc, int n_actors)
{
    double u = uniform();
    int a = bloc * BLOC + (int)(BLOC * u * u * u);
    return a < n_actors ? a : (int)(next() % (uint64_t)n_actors);
}

int main(int argc, char **argv)
{
    long n_events = argc > 1 ? atol(argv[1]) : 1000000;
    int n_actors = argc > 2 ? atoi(argv[2]) : 2000;
    if (n_events <= 0 || n_actors < 2) {
        fprintf(stderr, "usage: bench_graph [EVENTS [ACTORS]]\n");
        return 2;
    }
    static const char *const kinds[] = {"state", "armed group", "military", "government"};
    char (*ids)[16] = malloc((size_t)n_actors * sizeof *ids);
    char (*dates)[11] = malloc(3650 * sizeof *dates);
    if (!ids || !dates)
        return 1;
    for (int i = 0; i < n_actors; i++)
        snprintf(ids[i], sizeof ids[i], "A%04d", i);
    /* ten years of days, in order, as the store streams them */
    for (int d = 0; d < 3650; d++) {
        int doy = d % 365, day = doy % 31 + 1;
        snprintf(dates[d], sizeof dates[d], "%04d-%02d-%02d", 2011 + d / 365, doy / 31 + 1,
                 day > 28 ? 28 : day);
    }

    double t0 = now();
    qp_graph_builder *b;
    qp_graph_options opt = {.by = QP_GRAPH_BY_ACTOR};
    if (qp_graph_builder_init(&b, &opt))
        return 1;
    for (int i = 0; i < n_actors; i++) {
        qp_actor_ref a = {.id = ids[i], .label = ids[i], .kind = kinds[i % 4]};
        if (qp_graph_add_actor(b, &a))
            return 1;
    }
    char uid[48], doc[24];
    int n_blocs = (n_actors + BLOC - 1) / BLOC;
    for (long i = 0; i < n_events; i++) {
        int bloc1 = (int)(next() % (uint64_t)n_blocs), a1 = pick(bloc1, n_actors), a2;
        int pos = next() % 3 != 0;
        do {
            int bloc2 = pos || n_blocs == 1
                            ? bloc1
                            : (bloc1 + 1 + (int)(next() % (uint64_t)(n_blocs - 1))) % n_blocs;
            a2 = pick(bloc2, n_actors);
        } while (a2 == a1);
        snprintf(doc, sizeof doc, "doc%07ld", i / 8);
        snprintf(uid, sizeof uid, "%s#%ld.0", doc, i % 8);
        static const char *const pos_actions[] = {"AID", "SUPPORT", "COOPERATE"};
        qp_event e = {
            .uid = uid, .doc = doc, .sentence = (int)(i % 8),
            .actor1 = {.id = ids[a1]}, .actor2 = {.id = ids[a2]},
            .action = pos ? pos_actions[next() % 3] : "ASSAULT",
            .context = "military",
            .time = {.start = dates[(i * 3650) / n_events]},
            .confidence = 0.8,
        };
        if (qp_graph_add_event(b, &e)) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
    }
    double t1 = now();
    qp_graph *g;
    if (qp_graph_build(b, &g))
        return 1;
    qp_graph_builder_destroy(b);
    double t2 = now();
    int nb = qp_graph_sides(g, 42);
    double t3 = now();
    if (nb < 0) {
        fprintf(stderr, "sides: %s\n", qp_strerror(nb));
        return 1;
    }
    /* how well the blocs found match the planted ones: pairs of one planted bloc put together */
    size_t together = 0, pairs = 0;
    for (size_t i = 0; i + 1 < qp_graph_node_count(g); i++) {
        const qp_graph_node *x = qp_graph_node_at(g, i), *y = qp_graph_node_at(g, i + 1);
        if (atoi(x->id + 1) / BLOC == atoi(y->id + 1) / BLOC && x->bloc >= 0) {
            pairs++;
            together += x->bloc == y->bloc;
        }
    }
    printf("events %ld, actors %d: %zu nodes, %zu edges, %d blocs\n", n_events, n_actors,
           qp_graph_node_count(g), qp_graph_edge_count(g), nb);
    printf("feed %.2f s, build %.2f s, sides %.2f s, total %.2f s wall, %.2f s CPU\n", t1 - t0,
           t2 - t1, t3 - t2, t3 - t0, (double)clock() / CLOCKS_PER_SEC);
    printf("neighbours by id in one planted bloc put together: %.1f%%\n",
           pairs ? 100.0 * (double)together / (double)pairs : 0.0);
    printf("peak RSS %.1f MB\n", (double)peak_rss_kb() / 1024.0);
    qp_graph_destroy(g);
    free(ids);
    free(dates);
    return 0;
}
