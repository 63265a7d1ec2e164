/* bench_export.c — GraphML and GEXF export of a graph built from synthetic events: seconds per step.
 *
 * Usage: bench_export [EVENTS [ACTORS [DIR]]]   (default 1000000 events, 500 actors, /tmp)
 * Deterministic events (xorshift PRNG): actors in blocs of 50, two events in three backing or
 * cooperation inside a bloc, one in three a fight across blocs, dated over ten years (some
 * by month), so the GEXF has one spell per event. Feeding and building the graph, blocs and
 * betweenness are timed apart from the writers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "export.h"
#include "graph.h"
#include "qp.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

static double file_mb(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -1 : (double)st.st_size / 1e6;
}

#define BLOC 50

int main(int argc, char **argv)
{
    long n_events = argc > 1 ? atol(argv[1]) : 1000000;
    int n_actors = argc > 2 ? atoi(argv[2]) : 500;
    const char *dir = argc > 3 ? argv[3] : "/tmp";
    if (n_events <= 0 || n_actors < 2) {
        fprintf(stderr, "usage: bench_export [EVENTS [ACTORS [DIR]]]\n");
        return 2;
    }
    static const char *const kinds[] = {"state", "armed group", "military", "government", "paramilitary"};
    char (*ids)[16] = malloc((size_t)n_actors * sizeof *ids);
    char (*labels)[32] = malloc((size_t)n_actors * sizeof *labels);
    char (*days)[11] = malloc(3650 * sizeof *days), (*ends)[11] = malloc(3650 * sizeof *ends);
    if (!ids || !labels || !days || !ends)
        return 1;
    for (int i = 0; i < n_actors; i++) {
        snprintf(ids[i], sizeof ids[i], "A%04d", i);
        snprintf(labels[i], sizeof labels[i], "Actor <%d> & co", i); /* escaping is part of the work */
    }
    for (int d = 0; d < 3650; d++) {
        struct tm tm = {.tm_year = 111, .tm_mon = 0, .tm_mday = 1 + d, .tm_hour = 12};
        time_t t = timegm(&tm);
        gmtime_r(&t, &tm);
        strftime(days[d], sizeof days[d], "%Y-%m-%d", &tm);
        t += 86400;
        gmtime_r(&t, &tm);
        strftime(ends[d], sizeof ends[d], "%Y-%m-%d", &tm);
    }
    double t0 = now();
    qp_graph_builder *b;
    qp_graph_options gopt = {.by = QP_GRAPH_BY_ACTOR};
    if (qp_graph_builder_init(&b, &gopt))
        return 1;
    for (int i = 0; i < n_actors; i++) {
        qp_actor_ref a = {.id = ids[i], .label = labels[i], .kind = kinds[i % 5], .country = "SYR"};
        if (qp_graph_add_actor(b, &a))
            return 1;
    }
    int n_blocs = (n_actors + BLOC - 1) / BLOC;
    char uid[48], doc[24];
    for (long i = 0; i < n_events; i++) {
        int bloc1 = (int)(next() % (uint64_t)n_blocs);
        int pos = next() % 3 != 0;
        int a1 = (bloc1 * BLOC + (int)(next() % BLOC)) % n_actors, a2;
        do {
            int bloc2 = pos || n_blocs == 1 ? bloc1 : (bloc1 + 1 + (int)(next() % (uint64_t)(n_blocs - 1))) % n_blocs;
            a2 = (bloc2 * BLOC + (int)(next() % BLOC)) % n_actors;
        } while (a2 == a1);
        snprintf(doc, sizeof doc, "doc%07ld", i / 6);
        snprintf(uid, sizeof uid, "%s#%ld.0", doc, i % 6);
        static const char *const pos_actions[] = {"AID", "SUPPORT", "COOPERATE", "LEAD"};
        int d = (int)((i * 3650) / n_events);
        qp_event e = {
            .uid = uid, .doc = doc, .sentence = (int)(i % 6),
            .actor1 = {.id = ids[a1]}, .actor2 = {.id = ids[a2]},
            .action = pos ? pos_actions[next() % 4] : "ASSAULT", .context = "military",
            .time = {.start = days[d], .end = ends[d], .grain = "day"},
            .confidence = 0.8,
        };
        if (i % 10 == 9) /* now and then an undated event: no spell */
            e.time = (qp_time_ref){0};
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
    int nb = qp_graph_sides(g, 1);
    double t3 = now();
    if (nb < 0 || qp_graph_centrality(g))
        return 1;
    /* the picture Gephi opens on, as qp_export_load lays it out */
    double tl0 = now(), cl0 = cpu();
    if (qp_graph_layout(g, NULL, QP_SIDES_SEED))
        return 1;
    double tl1 = now(), cl1 = cpu();
    double t4 = now(), c4 = cpu();
    char graphml[1024], gexf[1024], err[512];
    snprintf(graphml, sizeof graphml, "%s/bench_export.graphml", dir);
    snprintf(gexf, sizeof gexf, "%s/bench_export.gexf", dir);
    qp_export_opts o = {0};
    if (qp_export_graphml_graph(g, &o, graphml, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    double t5 = now(), c5 = cpu();
    if (qp_export_gexf_graph(g, &o, gexf, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    double t6 = now(), c6 = cpu();
    printf("events %ld, actors %d: %zu nodes, %zu edges, %d blocs\n", n_events, n_actors, qp_graph_node_count(g),
           qp_graph_edge_count(g), nb);
    printf("feed %.2f s, build %.2f s, sides %.2f s, betweenness %.2f s\n", t1 - t0, t2 - t1, t3 - t2, t4 - t3);
    printf("layout %.2f s wall, %.2f s CPU\n", tl1 - tl0, cl1 - cl0);
    printf("graphml %.2f s wall, %.2f s CPU (%.1f MB); gexf %.2f s wall, %.2f s CPU (%.1f MB)\n", t5 - t4, c5 - c4,
           file_mb(graphml), t6 - t5, c6 - c5, file_mb(gexf));
    printf("total %.2f s wall, %.2f s CPU (export from a built graph: %.2f s wall, %.2f s CPU)\n", t6 - t0, c6,
           t6 - t4, c6 - c4);
    qp_graph_destroy(g);
    free(ids);
    free(labels);
    free(days);
    free(ends);
    return 0;
}
