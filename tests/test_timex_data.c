/* test_timex_data.c — runs the time-expression cases written as data in the .test files of tests/timex/. */
/*
 * Usage: test_timex_data FILE.test...
 * Each file holds cases a reader can write without C (the format is at the top of each file):
 *   lang: fr | dct: 2017-11-02 | text: the sentence
 *     SPAN => TYPE VALUE [BEGIN, END)   (or "no interval", or nothing)
 *     count: N
 * Every failing check is printed with the file and line, the sentence, what was expected and
 * every expression quipu found; the last line is "N passed, N failed". Exit 0 when none failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "qp.h"
#include "timex.h"

enum { LINE_MAX_BYTES = 4096 };

typedef struct runner {
    qp_arena arena;
    char lang[8];
    char dct[16];          /* "" when the cases have no document date */
    char text[LINE_MAX_BYTES];
    int have_text, text_line, find_rc;
    qp_timex_list found;
    int passed, failed;
} runner;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

/* "key: value" when line starts with key and a colon; the value trimmed, else NULL. */
static char *field(char *line, const char *key)
{
    size_t n = strlen(key);
    if (strncmp(line, key, n) || line[n] != ':')
        return NULL;
    return trim(line + n + 1);
}

static void print_found(const runner *r)
{
    if (r->find_rc < 0) {
        printf("    qp_timex_find failed: %s\n", qp_strerror(r->find_rc));
        return;
    }
    if (!r->found.count)
        printf("    found nothing\n");
    for (size_t i = 0; i < r->found.count; i++) {
        const qp_timex *x = &r->found.items[i];
        printf("    found  %.*s => %s %s", (int)(x->end - x->start), r->text + x->start,
               qp_timex_type_name(x->type), x->value);
        if (x->begin)
            printf(" [%s, %s)", x->begin, x->end_date);
        printf("\n");
    }
}

static void fail(runner *r, const char *path, int line, const char *want)
{
    r->failed++;
    printf("FAIL %s:%d (lang %s, dct %s)\n    text   %s\n    want   %s\n", path, line, r->lang,
           r->dct[0] ? r->dct : "none", r->text, want);
    print_found(r);
}

static void start_case(runner *r, const char *text, int line)
{
    snprintf(r->text, sizeof r->text, "%s", text);
    r->have_text = 1;
    r->text_line = line;
    qp_arena_reset(&r->arena);
    r->find_rc = qp_timex_find(r->text, strlen(r->text), r->lang, r->dct[0] ? r->dct : NULL, &r->arena, &r->found);
    if (r->find_rc < 0)
        r->found.count = 0;
}

/* "SPAN => TYPE VALUE [BEGIN, END)" | "... no interval" | "... " (interval unchecked) */
static void check_expression(runner *r, const char *path, int line, char *spec)
{
    char want[LINE_MAX_BYTES + 32];
    snprintf(want, sizeof want, "%s", spec);
    char *arrow = strstr(spec, "=>");
    if (!arrow) {
        fail(r, path, line, "a line 'SPAN => TYPE VALUE', not this");
        return;
    }
    *arrow = 0;
    char *span = trim(spec), *rest = trim(arrow + 2);
    char type[16], value[64], begin[16] = "", end[16] = "";
    int consumed = 0;
    if (sscanf(rest, "%15s %63s %n", type, value, &consumed) < 2) {
        fail(r, path, line, "a type and a value after '=>'");
        return;
    }
    const char *tail = rest + consumed;
    int interval = 0;   /* 0 unchecked, 1 [begin, end), -1 none */
    if (!strcmp(tail, "no interval"))
        interval = -1;
    else if (*tail && sscanf(tail, "[%15[^,], %15[^)])", begin, end) == 2)
        interval = 1;
    else if (*tail) {
        fail(r, path, line, "'[BEGIN, END)' or 'no interval' after the value");
        return;
    }
    size_t n = strlen(span);
    for (size_t i = 0; i < r->found.count; i++) {
        const qp_timex *x = &r->found.items[i];
        if (x->end - x->start != n || memcmp(r->text + x->start, span, n))
            continue;
        int ok = !strcmp(qp_timex_type_name(x->type), type) && !strcmp(x->value, value);
        if (interval == 1)
            ok = ok && x->begin && x->end_date && !strcmp(x->begin, begin) && !strcmp(x->end_date, end);
        if (interval == -1)
            ok = ok && !x->begin && !x->end_date;
        if (ok)
            r->passed++;
        else
            fail(r, path, line, want);
        return;
    }
    fail(r, path, line, want);
}

static int run_file(runner *r, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("FAIL cannot read %s\n", path);
        r->failed++;
        return -1;
    }
    char buf[LINE_MAX_BYTES];
    int line = 0;
    snprintf(r->lang, sizeof r->lang, "fr");
    r->dct[0] = 0;
    r->have_text = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        char *s = trim(buf), *v;
        if (!*s || *s == '#')
            continue;
        if ((v = field(s, "lang"))) {
            snprintf(r->lang, sizeof r->lang, "%s", v);
        } else if ((v = field(s, "dct"))) {
            snprintf(r->dct, sizeof r->dct, "%s", strcmp(v, "none") ? v : "");
        } else if ((v = field(s, "text"))) {
            start_case(r, v, line);
        } else if (!r->have_text) {
            r->failed++;
            printf("FAIL %s:%d: an expectation before any 'text:' line\n", path, line);
        } else if ((v = field(s, "count"))) {
            char want[64];
            snprintf(want, sizeof want, "count: %s", v);
            if (r->find_rc == 0 && r->found.count == (size_t)atoi(v))
                r->passed++;
            else
                fail(r, path, line, want);
        } else {
            check_expression(r, path, line, s);
        }
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_timex_data FILE.test...\n");
        return 2;
    }
    runner r;
    memset(&r, 0, sizeof r);
    qp_arena_init(&r.arena, 1 << 14);
    for (int i = 1; i < argc; i++) {
        int before = r.passed + r.failed;
        run_file(&r, argv[i]);
        printf("%s: %d checks\n", argv[i], r.passed + r.failed - before);
    }
    qp_arena_destroy(&r.arena);
    printf("%d passed, %d failed\n", r.passed, r.failed);
    return r.failed ? 1 : 0;
}
