/* bench_mkdb.c — a synthetic quipu database of N events for the store's benchmarks (bench_store),
 * written through the store's own write path (qp_store_add_document), so that it has every
 * table, index and column a real ingest gives.
 *
 * Usage: bench_mkdb [--events N] [--actors N] OUT.db   (default 1000000 events, 20000 actors)
 *
 * Deterministic (xorshift PRNG). Actors: 200 states (three letters), each with its government
 * (XXX-GOV) and army (XXX-MIL, under the government), 9,400 agents under the armies, and
 * armed groups without a parent for the rest; every actor is in one of ten blocs. An actor is
 * drawn with a heavy head (u^3 over the actors: a few take part in many events, most in few).
 * Events: two in three back or cooperate within a bloc, one in four fights across blocs, the
 * rest a one-actor action; dated over 2011–2020 (one in ten by month, one in a hundred by
 * year); one place of 5,000 in 50 countries; 3 % negated. Ten events a document, ten sentences
 * a document. Prints the time taken and the file's size. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "arena.h"
#include "document.h"
#include "qp.h"
#include "store.h"

#define N_STATES 200
#define N_BLOCS 10
#define N_PLACES 5000
#define EVENTS_PER_DOC 10
#define DOCS_PER_TX 1000

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double unit(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

typedef struct actor {
    char id[24], label[48];
    const char *kind, *parent, *country;
    int bloc;
} actor;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The day d days after 2011-01-01, written YYYY-MM-DD. */
static void day_str(int d, char out[11])
{
    time_t t = 1293840000 + (time_t)d * 86400 + 43200;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* An actor index with a heavy head. */
static size_t pick(size_t n)
{
    double u = unit();
    size_t i = (size_t)(u * u * u * (double)n);
    return i < n ? i : n - 1;
}

int main(int argc, char **argv)
{
    long n_events = 1000000, n_actors = 20000;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc)
            n_events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--actors") && i + 1 < argc)
            n_actors = atol(argv[++i]);
        else if (argv[i][0] != '-')
            out = argv[i];
        else
            out = NULL, i = argc;
    }
    if (!out || n_events <= 0 || n_actors < N_STATES * 3 + 10) {
        fprintf(stderr, "usage: bench_mkdb [--events N] [--actors N (>= 610)] OUT.db\n");
        return 2;
    }
    struct stat sb;
    if (stat(out, &sb) == 0) {
        fprintf(stderr, "bench_mkdb: %s exists; remove it first\n", out);
        return 1;
    }
    actor *actors = calloc((size_t)n_actors, sizeof *actors);
    /* bloc members, for drawing an ally */
    size_t *by_bloc[N_BLOCS], n_bloc[N_BLOCS] = {0};
    for (int b = 0; b < N_BLOCS; b++)
        by_bloc[b] = malloc((size_t)n_actors * sizeof **by_bloc);
    if (!actors)
        return 1;
    static const char *const agent_kinds[] = {"military", "paramilitary", "government"};
    for (long i = 0; i < n_actors; i++) {
        actor *a = &actors[i];
        if (i < N_STATES * 3) {
            long st = i / 3;
            char code[4] = {(char)('A' + st / 26 % 26), (char)('A' + st % 26), 'X', 0};
            static const char *const suffix[] = {"", "-GOV", "-MIL"};
            snprintf(a->id, sizeof a->id, "%s%s", code, suffix[i % 3]);
            snprintf(a->label, sizeof a->label, "State %ld%s", st, i % 3 == 1 ? " government" : i % 3 == 2 ? " army" : "");
            a->kind = i % 3 == 0 ? "state" : i % 3 == 1 ? "government" : "military";
            a->parent = i % 3 == 0 ? NULL : actors[i - 1].id;
            a->country = actors[st * 3].id;
            a->bloc = (int)(st % N_BLOCS);
        } else if (i < 10000) {
            long st = (i * 7919) % N_STATES;
            snprintf(a->id, sizeof a->id, "%.3s-U%05ld", actors[st * 3].id, i % 100000);
            snprintf(a->label, sizeof a->label, "Unit %ld of state %ld", i, st);
            a->kind = agent_kinds[i % 3];
            a->parent = actors[st * 3 + 2].id;
            a->country = actors[st * 3].id;
            a->bloc = actors[st * 3].bloc;
        } else {
            snprintf(a->id, sizeof a->id, "G%05ld", i);
            snprintf(a->label, sizeof a->label, "Armed group %ld", i);
            a->kind = "armed group";
            a->bloc = (int)(next() % N_BLOCS);
        }
        by_bloc[a->bloc][n_bloc[a->bloc]++] = (size_t)i;
    }
    qp_store *s = NULL;
    /* rows first, the day, actor and place indexes built once at the end */
    if (qp_store_open(&s, out) || qp_store_set_extractor(s, "bench_mkdb 1") || qp_store_bulk_load(s, 1)) {
        fprintf(stderr, "bench_mkdb: %s\n", qp_store_errmsg(s));
        return 1;
    }
    static const char *const backing[] = {"AID", "SUPPORT", "COOPERATE"};
    static const char *const alone[] = {"MOBILIZE", "PROTEST", "CONSULT"};
    long n_docs = (n_events + EVENTS_PER_DOC - 1) / EVENTS_PER_DOC, written = 0;
    double t0 = now();
    qp_arena arena;
    qp_arena_init(&arena, 1 << 16);
    for (long dn = 0; dn < n_docs; dn++) {
        if (dn % DOCS_PER_TX == 0 && qp_store_begin(s)) {
            fprintf(stderr, "bench_mkdb: %s\n", qp_store_errmsg(s));
            return 1;
        }
        qp_arena_reset(&arena);
        qp_document d = {0};
        int pub = (int)(next() % 3650);
        char published[11];
        day_str(pub, published);
        /* ten sentences of 40 bytes: the evidence spans point into them */
        char *text = qp_arena_alloc(&arena, 512);
        int len = 0;
        d.sentences = qp_arena_alloc(&arena, EVENTS_PER_DOC * sizeof *d.sentences);
        for (int k = 0; k < EVENTS_PER_DOC; k++) {
            size_t st = (size_t)len;
            len += snprintf(text + len, 512 - (size_t)len, "Document %09ld, sentence %d: evt. ", dn, k);
            d.sentences[k] = (qp_span){st, (size_t)len - 1};
        }
        d.n_sentences = EVENTS_PER_DOC;
        d.text = text;
        d.text_len = (size_t)len;
        snprintf(d.hash, sizeof d.hash, "%064lx", (unsigned long)dn);
        d.name = qp_arena_printf(&arena, "synthetic-%09ld", dn);
        d.published = qp_arena_strdup(&arena, published);
        d.lang = "en";
        d.source = "bench_mkdb";
        d.status = "extracted";
        long n = n_events - written < EVENTS_PER_DOC ? n_events - written : EVENTS_PER_DOC;
        d.events = qp_arena_calloc(&arena, (size_t)n, sizeof *d.events);
        d.n_events = (size_t)n;
        for (long k = 0; k < n; k++) {
            qp_event *e = &d.events[k];
            const actor *a1 = &actors[pick((size_t)n_actors)], *a2 = NULL;
            uint64_t r = next() % 12;
            if (r < 8) {
                e->action = backing[next() % 3];
                const size_t *m = by_bloc[a1->bloc];
                a2 = &actors[m[pick(n_bloc[a1->bloc])]];
                e->context = next() % 2 ? "military" : "political";
            } else if (r < 11) {
                e->action = "ASSAULT";
                int other = (a1->bloc + 1 + (int)(next() % (N_BLOCS - 1))) % N_BLOCS;
                a2 = &actors[by_bloc[other][pick(n_bloc[other])]];
                e->context = "military";
            } else {
                e->action = alone[next() % 3];
            }
            if (a2 == a1)
                a2 = NULL;
            e->actor1 = (qp_actor_ref){a1->id, a1->label, NULL, a1->kind, a1->country, a1->parent, "they"};
            if (a2)
                e->actor2 = (qp_actor_ref){a2->id, a2->label, NULL, a2->kind, a2->country, a2->parent, "them"};
            e->sentence = (int)k;
            e->cameo = "01";
            e->action_text = "did";
            int day = pub - (int)(next() % 5);
            if (day < 0)
                day = 0;
            char *start = qp_arena_alloc(&arena, 11), *end = qp_arena_alloc(&arena, 11);
            uint64_t g = next() % 100;
            int span = g == 0 ? 365 : g < 10 ? 30 : 1;
            day_str(day, start);
            day_str(day + span, end);
            e->time = (qp_time_ref){start, start, end, span == 1 ? "day" : span == 30 ? "month" : "year", NULL, "text"};
            uint64_t pl = next() % N_PLACES;
            char *pid = qp_arena_printf(&arena, "geonames:%lu", (unsigned long)(100000 + pl));
            char *plabel = qp_arena_printf(&arena, "Place %lu", (unsigned long)pl);
            char *pcountry = qp_arena_printf(&arena, "%c%c", 'A' + (int)(pl % 50) / 26, 'A' + (int)(pl % 50) % 26);
            e->place = (qp_place_ref){pid, plabel, pcountry, (double)(pl % 180) - 90, (double)(pl % 360) - 180,
                                      "P.PPL", "there"};
            e->evidence_start = d.sentences[k].start;
            e->evidence_end = d.sentences[k].end;
            e->confidence = 0.5 + (double)(next() % 46) / 100.0;
            e->flags = next() % 100 < 3 ? QP_EVENT_NEGATED : 0;
        }
        written += n;
        int existing;
        if (qp_store_add_document(s, &d, &existing) < 0) {
            fprintf(stderr, "bench_mkdb: %s\n", qp_store_errmsg(s));
            return 1;
        }
        if ((dn % DOCS_PER_TX == DOCS_PER_TX - 1 || dn == n_docs - 1) && qp_store_commit(s)) {
            fprintf(stderr, "bench_mkdb: %s\n", qp_store_errmsg(s));
            return 1;
        }
        if (dn % 100000 == 99999) {
            fprintf(stderr, "\r%ld events, %.0f s", written, now() - t0);
            fflush(stderr);
        }
    }
    double rows = now() - t0;
    if (qp_store_bulk_load(s, 0)) {
        fprintf(stderr, "bench_mkdb: %s\n", qp_store_errmsg(s));
        return 1;
    }
    double secs = now() - t0;
    qp_arena_destroy(&arena);
    qp_store_close(s);
    stat(out, &sb);
    fprintf(stderr, "\n");
    printf("bench_mkdb: %s: %ld events, %ld documents, %ld actors; %.1f s (%.0f events/s; indexes %.1f s); %.0f MB\n",
           out, written, n_docs, n_actors, secs, (double)written / secs, secs - rows, (double)sb.st_size / 1e6);
    free(actors);
    for (int b = 0; b < N_BLOCS; b++)
        free(by_bloc[b]);
    return 0;
}
