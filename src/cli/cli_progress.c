/* cli_progress.c — a progress line on a terminal's stderr, drawn by a thread so that the work
 * need not report in: the command names its stages, the thread shows the current one and the
 * time spent. */
#include "cli_progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static pthread_t thread;
static int running;
static atomic_int stop;
static _Atomic(const char *) stage;
static const char *command;
static double after = 1.0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double start;
static atomic_int shown;

static void draw_line(void)
{
    const char *s = atomic_load(&stage);
    fprintf(stderr, "\r\033[Kquipu %s: %s… %.1f s", command, s ? s : "working", now() - start);
    fflush(stderr);
    atomic_store(&shown, 1);
}

static void *draw(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!atomic_load(&stop)) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 200 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&wake, &lock, &until);
        if (atomic_load(&stop))
            break;
        if (now() - start >= after)
            draw_line();
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

void cli_progress_begin(const char *cmd, int stdout_quiet)
{
    if (running || !isatty(STDERR_FILENO) || (!stdout_quiet && isatty(STDOUT_FILENO)))
        return;
    const char *env = getenv("QUIPU_PROGRESS_AFTER");
    if (env && *env)
        after = atof(env);
    command = cmd;
    start = now();
    atomic_store(&stop, 0);
    atomic_store(&shown, 0);
    if (after <= 0) /* every command is long: the line shows at once (what tests ask for) */
        draw_line();
    running = pthread_create(&thread, NULL, draw, NULL) == 0;
}

void cli_progress_stage(const char *s)
{
    atomic_store(&stage, s);
}

void cli_progress_cb(const char *s, void *ud)
{
    (void)ud;
    cli_progress_stage(s);
}

void cli_progress_end(void)
{
    if (running) {
        pthread_mutex_lock(&lock);
        atomic_store(&stop, 1);
        pthread_cond_signal(&wake);
        pthread_mutex_unlock(&lock);
        pthread_join(thread, NULL);
        running = 0;
    }
    if (atomic_load(&shown)) { /* wiped: what follows starts on a clean line */
        fputs("\r\033[K", stderr);
        fflush(stderr);
        atomic_store(&shown, 0);
    }
}
