/* test_extract_cases.c — runs the extractor's cases, written as data (tests/extract/fr.test, en.test).
 *
 * Usage: test_extract_cases [-v] [--match TEXT] [--selftest] [FILE.test...]
 *   With no FILE, reads $QP_SOURCE_ROOT/tests/extract/fr.test and en.test.
 *   -v            prints every case with the events it gave (to write a new case: run it with
 *                 -v --match and copy the lines you mean to keep)
 *   --match TEXT  only the cases whose name contains TEXT, or the case holding line FILE:LINE
 *                 ("fr.test:41", as a failure names it)
 *   --selftest    the runner's own test: every case carries "fails: TEXT" lines and passes when
 *                 it fails, or is refused as malformed, with messages that contain each TEXT
 *
 * The format is described in tests/extract/README.md. Each case is one article run through
 * qp_pipeline_run (its own document: nothing carries over from another case); every check line
 * is tested; every event of every case must also keep its evidence inside its sentence. A
 * failing case is printed with its file and line, its name, each failing check line and all the
 * events the extractor gave, written the way the check lines are. A malformed line (unknown key,
 * unknown action or actor, bad number) is an error naming its file and line, and its case fails
 * without running. Ends with "N passed, M failed, K skipped"; exit status 0 when nothing
 * failed, 1 on a failure or a malformed case, 2 on a bad command line or an unreadable file,
 * 77 when every case was skipped.
 *
 * TODO(lexicon): a case should be able to name a small fixture lexicon ("lexicon: NAME", read
 * from tests/extract/lexicon/NAME/) so that a rule can be shown on made-up actors, away from
 * the changes of lexicon/. The extractor cannot load one yet: qp_extractor_init reads lexicon/
 * of the source tree or $QUIPU_DATA, once for the process. Until it takes a directory, the
 * runner refuses "lexicon:" with a message saying so. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "buf.h"
#include "codes.h"
#include "document.h"
#include "event.h"
#include "extract.h"
#include "lexicon.h"
#include "pipeline.h"
#include "qp.h"

/* ---- what a case is ---- */

/* An actor pattern: "*" any (or none), "-" none, "ABC*" an id starting with ABC, else that id;
 * "P!Q" what P matches but Q does not ("IRQ-*!IRQ-PMF", "*!COALITION"). */
typedef struct actor_pat {
    char *want, *except;
} actor_pat;

enum cond_kind {
    C_FIELD,    /* key=VALUE on one of FIELDS */
    C_SENTENCE, /* sentence=N, N..M, N.., ..M */
    C_FLAGS,    /* flags=0, flags=negated+reported: exactly these */
    C_BITS,     /* negated, hypothetical, reported, hidden (any of the bits), shown (none) */
    C_REACHES,  /* reaches=ID, reaches2=ID: the actor rolls up to ID */
    C_EVIDENCE, /* evidence=WORDS: the evidence contains WORDS */
};

typedef struct cond {
    enum cond_kind kind;
    int neg;    /* key!=VALUE, !word */
    int which;  /* C_FIELD: index in FIELDS; C_REACHES: actor 1 or 2 */
    char *value;
    int lo, hi; /* C_SENTENCE */
    int bits;   /* C_FLAGS, C_BITS */
    char *text; /* as written */
} cond;

enum check_kind { K_EXPECT, K_NOT, K_COUNT, K_CLUTTER, K_REMOVED };
enum { OP_EQ, OP_GE, OP_LE };

typedef struct check {
    enum check_kind kind;
    int line;
    char *src;           /* the line as written */
    actor_pat a1, a2;    /* expect, not */
    char *action;        /* expect, not, count; NULL: any */
    cond *conds;
    size_t n_conds;
    int either_way;      /* the two actors in either order */
    int needs_gazetteer; /* checked only with the gazetteer */
    int op;              /* count, events, clutter */
    long n;
    char *words;         /* removed */
} check;

typedef struct tcase {
    const char *file, *dir;
    int line, last; /* case: line, and the case's last line */
    char *name, *lang, *date, *article, *source;
    char *known; /* why the case is known to fail (known: WHY), NULL */
    qp_buf text;
    int has_text, needs_gazetteer;
    char **fails; /* --selftest: what the failure must say */
    size_t n_fails;
    check *checks;
    size_t n_checks;
    qp_buf errors; /* "file:line: what is wrong", one a line */
} tcase;

static qp_extractor *X;
static const qp_lexicon *LX;
static int have_gazetteer;
static qp_arena arena;
static qp_document doc;
static int verbose, selftest;
static const char *match;

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, "test_extract_cases: out of memory\n");
        exit(2);
    }
    return d;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "test_extract_cases: out of memory\n");
        exit(2);
    }
    return p;
}

static void case_error(tcase *c, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void case_error(tcase *c, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qp_buf_printf(&c->errors, "    %s:%d: ", c->file, line);
    qp_buf_vprintf(&c->errors, fmt, ap);
    qp_buf_putc(&c->errors, '\n');
    va_end(ap);
}

/* ---- the event's fields a key names ---- */

static const char *f_cameo(const qp_event *e) { return e->cameo; }
static const char *f_mode(const qp_event *e) { return e->mode; }
static const char *f_context(const qp_event *e) { return e->context; }
static const char *f_actiontext(const qp_event *e) { return e->action_text; }
static const char *f_time(const qp_event *e) { return e->time.value; }
static const char *f_anchor(const qp_event *e) { return e->time.anchor; }
static const char *f_timetext(const qp_event *e) { return e->time.text; }
static const char *f_timestart(const qp_event *e) { return e->time.start; }
static const char *f_timeend(const qp_event *e) { return e->time.end; }
static const char *f_grain(const qp_event *e) { return e->time.grain; }
static const char *f_place(const qp_event *e) { return e->place.label; }
static const char *f_placeid(const qp_event *e) { return e->place.id; }
static const char *f_placecc(const qp_event *e) { return e->place.country; }
static const char *f_placefeature(const qp_event *e) { return e->place.feature; }
static const char *f_placetext(const qp_event *e) { return e->place.text; }
static const char *f_speaker(const qp_event *e) { return e->speaker; }
static const char *f_kind1(const qp_event *e) { return e->actor1.kind; }
static const char *f_kind2(const qp_event *e) { return e->actor2.kind; }
static const char *f_country1(const qp_event *e) { return e->actor1.country; }
static const char *f_country2(const qp_event *e) { return e->actor2.country; }

static const struct field {
    const char *key;
    const char *(*get)(const qp_event *);
} FIELDS[] = {
    {"cameo", f_cameo},         {"mode", f_mode},           {"context", f_context},
    {"actiontext", f_actiontext}, {"time", f_time},         {"anchor", f_anchor},
    {"timetext", f_timetext},   {"timestart", f_timestart}, {"timeend", f_timeend},
    {"grain", f_grain},         {"place", f_place},         {"placeid", f_placeid},
    {"placecc", f_placecc},     {"placefeature", f_placefeature}, {"placetext", f_placetext},
    {"speaker", f_speaker},     {"kind1", f_kind1},         {"kind2", f_kind2},
    {"country1", f_country1},   {"country2", f_country2},
};

static const struct flag_word {
    const char *word;
    int bits, neg;
} FLAG_WORDS[] = {
    {"negated", QP_EVENT_NEGATED, 0},
    {"hypothetical", QP_EVENT_HYPOTHETICAL, 0},
    {"reported", QP_EVENT_REPORTED, 0},
    {"hidden", QP_EVENT_HIDDEN, 0},
    {"shown", QP_EVENT_HIDDEN, 1},
};

/* ---- matching ---- */

/* "-" absent, "*" present, "ABC*" starts with ABC, else equal. */
static int value_matches(const char *want, const char *got)
{
    if (!strcmp(want, "-"))
        return got == NULL;
    if (!got)
        return 0;
    if (!strcmp(want, "*"))
        return 1;
    size_t n = strlen(want);
    if (n > 1 && want[n - 1] == '*')
        return !strncmp(want, got, n - 1);
    return !strcmp(want, got);
}

static int actor_matches(const actor_pat *p, const char *got)
{
    int ok = !strcmp(p->want, "*") || value_matches(p->want, got);
    if (ok && p->except)
        ok = !value_matches(p->except, got);
    return ok;
}

/* The parent of an actor id: the lexicon's actor, or for ISO3-CODE the agent's parent code on
 * the same state ("STATE" is the state itself). NULL at the top. */
static const char *parent_of(const char *id, char *buf, size_t cap)
{
    int a = qp_lexicon_actor(LX, id);
    if (a >= 0)
        return LX->actors[a].parent;
    const char *dash = strchr(id, '-');
    if (!dash || dash - id != 3)
        return NULL;
    for (size_t i = 0; i < LX->n_agents; i++) {
        if (strcmp(LX->agents[i].code, dash + 1))
            continue;
        const char *p = LX->agents[i].parent;
        if (!p)
            return NULL;
        if (!strcmp(p, "STATE"))
            snprintf(buf, cap, "%.3s", id);
        else
            snprintf(buf, cap, "%.3s-%s", id, p);
        return buf;
    }
    return NULL;
}

/* Whether id rolls up to ancestor through the lexicon's parents and agents (itself included). */
static int reaches(const char *id, const char *ancestor)
{
    char bufs[8][64];
    for (int depth = 0; id && depth < 8; depth++) {
        if (!strcmp(id, ancestor))
            return 1;
        id = parent_of(id, bufs[depth], sizeof bufs[depth]);
    }
    return 0;
}

static int cond_holds(const cond *k, const qp_event *e, int swapped)
{
    int r = 0;
    switch (k->kind) {
    case C_FIELD:
        r = value_matches(k->value, FIELDS[k->which].get(e));
        break;
    case C_SENTENCE:
        r = e->sentence >= k->lo && e->sentence <= k->hi;
        break;
    case C_FLAGS:
        r = e->flags == k->bits;
        break;
    case C_BITS:
        r = (e->flags & k->bits) != 0;
        break;
    case C_REACHES: {
        const qp_actor_ref *a = (k->which == 1) != swapped ? &e->actor1 : &e->actor2;
        r = a->id && reaches(a->id, k->value);
        break;
    }
    case C_EVIDENCE:
        r = e->evidence_text && strstr(e->evidence_text, k->value);
        break;
    }
    return k->neg ? !r : r;
}

/* Whether e is what an expect, not or count line describes; the first condition that fails
 * goes to *failed (NULL when the actors or the action already differ). */
static int event_matches(const check *c, const qp_event *e, int swapped, const cond **failed)
{
    if (failed)
        *failed = NULL;
    if (c->action && strcmp(c->action, e->action))
        return 0;
    if (c->kind != K_COUNT) {
        const char *x1 = swapped ? e->actor2.id : e->actor1.id, *x2 = swapped ? e->actor1.id : e->actor2.id;
        if (!actor_matches(&c->a1, x1) || !actor_matches(&c->a2, x2))
            return 0;
    }
    for (size_t i = 0; i < c->n_conds; i++)
        if (!cond_holds(&c->conds[i], e, swapped)) {
            if (failed)
                *failed = &c->conds[i];
            return 0;
        }
    return 1;
}

static int matches_either(const check *c, const qp_event *e, const cond **failed)
{
    if (event_matches(c, e, 0, failed))
        return 1;
    return c->either_way && event_matches(c, e, 1, NULL);
}

static int compare(int op, long got, long want)
{
    return op == OP_EQ ? got == want : op == OP_GE ? got >= want : got <= want;
}

static const char *op_text(int op)
{
    return op == OP_EQ ? "" : op == OP_GE ? ">=" : "<=";
}

/* ---- writing events as check lines are written ---- */

static void put_value(qp_buf *b, const char *key, const char *v)
{
    if (!v)
        return;
    if (strchr(v, ' '))
        qp_buf_printf(b, " %s=\"%s\"", key, v);
    else
        qp_buf_printf(b, " %s=%s", key, v);
}

static void put_flags(qp_buf *b, int flags)
{
    if (!flags) {
        qp_buf_puts(b, "0");
        return;
    }
    const char *sep = "";
    for (size_t i = 0; i < 3; i++)
        if (flags & FLAG_WORDS[i].bits) {
            qp_buf_printf(b, "%s%s", sep, FLAG_WORDS[i].word);
            sep = "+";
        }
}

static void put_event(qp_buf *b, const qp_event *e)
{
    qp_buf_printf(b, "s%d %s %s %s flags=", e->sentence, e->actor1.id ? e->actor1.id : "-", e->action,
                  e->actor2.id ? e->actor2.id : "-");
    put_flags(b, e->flags);
    put_value(b, "time", e->time.value ? e->time.value : "-");
    put_value(b, "anchor", e->time.anchor);
    put_value(b, "timetext", e->time.text);
    if (e->place.id) {
        put_value(b, "place", e->place.label);
        put_value(b, "placecc", e->place.country);
    } else {
        qp_buf_puts(b, " noplace");
    }
    put_value(b, "speaker", e->speaker);
}

/* What e has where the condition k asked for something else. */
static void put_actual(qp_buf *b, const cond *k, const qp_event *e)
{
    switch (k->kind) {
    case C_FIELD: {
        const char *v = FIELDS[k->which].get(e);
        put_value(b, FIELDS[k->which].key, v ? v : "-");
        break;
    }
    case C_SENTENCE:
        qp_buf_printf(b, " sentence=%d", e->sentence);
        break;
    case C_FLAGS:
    case C_BITS:
        qp_buf_puts(b, " flags=");
        put_flags(b, e->flags);
        break;
    case C_REACHES: {
        const char *id = k->which == 1 ? e->actor1.id : e->actor2.id;
        qp_buf_printf(b, " (%s %s %s)", id ? id : "-", k->neg ? "reaches" : "does not reach", k->value);
        break;
    }
    case C_EVIDENCE:
        qp_buf_printf(b, " evidence=\"%s\"", e->evidence_text ? e->evidence_text : "");
        break;
    }
}

static void put_events(qp_buf *b)
{
    qp_buf_printf(b, "  the events (%zu):\n", doc.n_events);
    for (size_t i = 0; i < doc.n_events; i++) {
        qp_buf_puts(b, "    ");
        put_event(b, &doc.events[i]);
        qp_buf_putc(b, '\n');
    }
}

/* ---- parsing ---- */

static int is_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (strlen(s) != sizeof shape - 1)
        return 0;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
            return 0;
    int month = atoi(s + 5), day = atoi(s + 8);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int parse_long(const char *s, long *out)
{
    if (!*s || !isdigit((unsigned char)*s))
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end || errno || v > 1000000)
        return -1;
    *out = v;
    return 0;
}

/* "3", ">=3", "<=3". */
static int parse_count(const char *s, int *op, long *n)
{
    *op = OP_EQ;
    if (!strncmp(s, ">=", 2))
        *op = OP_GE, s += 2;
    else if (!strncmp(s, "<=", 2))
        *op = OP_LE, s += 2;
    return parse_long(s, n);
}

/* Splits a line into words; "double quotes" keep spaces inside one word and are dropped. */
static int split_words(const char *s, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    qp_buf w;
    qp_buf_init(&w);
    int rc = 0;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        qp_buf_clear(&w);
        qp_buf_puts(&w, "");
        int quoted = 0;
        for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
            if (*s == '"')
                quoted = !quoted;
            else
                qp_buf_putc(&w, *s);
        }
        if (quoted)
            rc = -1;
        *out = xrealloc(*out, (*n + 1) * sizeof **out);
        (*out)[(*n)++] = xstrdup(w.data);
    }
    qp_buf_destroy(&w);
    return rc;
}

static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

/* An actor id the extractor can produce: an actor, a state, a state's agent ("IRQ-AIRFORCE") or
 * its people ("SYR-CIV", made by extract_compose.c and extract_event.c). */
static int known_id(const char *id)
{
    if (qp_lexicon_actor(LX, id) >= 0 || qp_lexicon_country(LX, id) >= 0)
        return 1;
    if (strlen(id) < 5 || id[3] != '-')
        return 0;
    char iso3[4] = {id[0], id[1], id[2], 0};
    if (qp_lexicon_country(LX, iso3) < 0)
        return 0;
    if (!strcmp(id + 4, "CIV"))
        return 1;
    for (size_t i = 0; i < LX->n_agents; i++)
        if (!strcmp(LX->agents[i].code, id + 4))
            return 1;
    return 0;
}

/* A prefix that some id known_id accepts starts with. */
static int known_prefix(const char *p)
{
    size_t n = strlen(p);
    for (size_t i = 0; i < LX->n_actors; i++)
        if (!strncmp(LX->actors[i].id, p, n))
            return 1;
    for (size_t i = 0; i < LX->n_countries; i++) {
        const char *iso3 = LX->countries[i].iso3;
        if (n <= 3 && !strncmp(iso3, p, n))
            return 1;
        if (n >= 4 && !strncmp(iso3, p, 3) && p[3] == '-') {
            if (!strncmp("CIV", p + 4, n - 4))
                return 1;
            for (size_t a = 0; a < LX->n_agents; a++)
                if (!strncmp(LX->agents[a].code, p + 4, n - 4))
                    return 1;
        }
    }
    return 0;
}

/* Checks one side of an actor pattern; 0 or -1 with the complaint in why. */
static int check_actor_word(const char *w, char *why, size_t cap)
{
    size_t n = strlen(w);
    if (!strcmp(w, "*") || !strcmp(w, "-"))
        return 0;
    if (n > 1 && w[n - 1] == '*') {
        char *p = xstrdup(w);
        p[n - 1] = 0;
        int ok = known_prefix(p);
        free(p);
        if (!ok)
            snprintf(why, cap, "no actor id starts with '%.*s'", (int)(n - 1), w);
        return ok ? 0 : -1;
    }
    if (strchr(w, '*')) {
        snprintf(why, cap, "'*' only ends a pattern: '%s'", w);
        return -1;
    }
    if (!known_id(w)) {
        snprintf(why, cap, "unknown actor '%s' (not in lexicon/actors.json, countries.json or agents)", w);
        return -1;
    }
    return 0;
}

static int parse_actor(tcase *c, int line, const char *w, actor_pat *p)
{
    char why[256];
    const char *bang = strchr(w, '!');
    p->want = bang ? strndup(w, (size_t)(bang - w)) : xstrdup(w);
    p->except = bang ? xstrdup(bang + 1) : NULL;
    if (!p->want)
        exit(2);
    if (!*p->want || (p->except && !*p->except)) {
        case_error(c, line, "bad actor pattern '%s'", w);
        return -1;
    }
    if (check_actor_word(p->want, why, sizeof why) || (p->except && check_actor_word(p->except, why, sizeof why))) {
        case_error(c, line, "%s", why);
        return -1;
    }
    return 0;
}

static int parse_action(tcase *c, int line, const char *w, char **out)
{
    *out = NULL;
    if (!strcmp(w, "*"))
        return 0;
    if (qp_action_parse(w) < 0) {
        case_error(c, line, "unknown action '%s' (a PLOVER category in capitals, LEAD, or *)", w);
        return -1;
    }
    *out = xstrdup(w);
    return 0;
}

static const char KEYS_HELP[] =
    "sentence flags cameo mode context actiontext time anchor timetext timestart timeend grain place placeid "
    "placecc placefeature placetext noplace speaker kind1 kind2 country1 country2 reaches reaches2 evidence "
    "negated hypothetical reported hidden shown either-way needs";

/* One key of an expect, not or count line: key=VALUE, key!=VALUE or a word. */
static int parse_cond(tcase *c, check *ck, int line, const char *w)
{
    cond k = {.text = NULL};
    const char *word = w;
    int neg = 0;
    if (*word == '!')
        neg = 1, word++;
    for (size_t i = 0; i < QP_ARRAY_LEN(FLAG_WORDS); i++)
        if (!strcmp(word, FLAG_WORDS[i].word)) {
            k.kind = C_BITS;
            k.bits = FLAG_WORDS[i].bits;
            k.neg = neg ^ FLAG_WORDS[i].neg;
            goto add;
        }
    if (!neg && !strcmp(word, "noplace")) {
        k.kind = C_FIELD;
        for (size_t i = 0; i < QP_ARRAY_LEN(FIELDS); i++)
            if (!strcmp(FIELDS[i].key, "placeid"))
                k.which = (int)i;
        k.value = xstrdup("-");
        goto add;
    }
    if (!neg && !strcmp(word, "either-way")) {
        if (ck->kind == K_COUNT) {
            case_error(c, line, "either-way is for expect and not lines");
            return -1;
        }
        ck->either_way = 1;
        return 0;
    }
    const char *eq = strchr(w, '=');
    if (neg || !eq || eq == w) {
        case_error(c, line, "unknown key '%s' (keys: %s)", w, KEYS_HELP);
        return -1;
    }
    size_t klen = (size_t)(eq - w);
    if (w[klen - 1] == '!')
        k.neg = 1, klen--;
    char key[32];
    if (klen >= sizeof key) {
        case_error(c, line, "unknown key '%.*s' (keys: %s)", (int)klen, w, KEYS_HELP);
        return -1;
    }
    memcpy(key, w, klen);
    key[klen] = 0;
    const char *v = eq + 1;
    if (!*v) {
        case_error(c, line, "%s= has no value", key);
        return -1;
    }
    if (!strcmp(key, "needs")) {
        if (k.neg || strcmp(v, "gazetteer")) {
            case_error(c, line, "needs=%s: the only need is needs=gazetteer", v);
            return -1;
        }
        ck->needs_gazetteer = 1;
        return 0;
    }
    if (!strcmp(key, "sentence")) {
        k.kind = C_SENTENCE;
        const char *dots = strstr(v, "..");
        long lo = 0, hi = 1000000;
        int bad;
        if (!dots) {
            bad = parse_long(v, &lo);
            hi = lo;
        } else {
            char *first = strndup(v, (size_t)(dots - v));
            if (!first)
                exit(2);
            bad = (*first && parse_long(first, &lo)) || (dots[2] && parse_long(dots + 2, &hi)) ||
                  (!*first && !dots[2]) || lo > hi;
            free(first);
        }
        if (bad) {
            case_error(c, line, "sentence=%s: a sentence is N, N..M, N.. or ..M (counted from 0)", v);
            return -1;
        }
        k.lo = (int)lo, k.hi = (int)hi;
        goto add;
    }
    if (!strcmp(key, "flags")) {
        k.kind = C_FLAGS;
        if (strcmp(v, "0")) {
            char *s = xstrdup(v), *save = NULL;
            for (char *f = strtok_r(s, "+", &save); f; f = strtok_r(NULL, "+", &save)) {
                size_t i = 0;
                while (i < 3 && strcmp(f, FLAG_WORDS[i].word))
                    i++;
                if (i == 3) {
                    case_error(c, line, "flags=%s: flags are 0 or negated, hypothetical, reported joined by +", v);
                    free(s);
                    return -1;
                }
                k.bits |= FLAG_WORDS[i].bits;
            }
            free(s);
        }
        goto add;
    }
    if (!strcmp(key, "reaches") || !strcmp(key, "reaches2")) {
        k.kind = C_REACHES;
        k.which = key[7] == '2' ? 2 : 1;
        if (!known_id(v)) {
            case_error(c, line, "%s=%s: unknown actor", key, v);
            return -1;
        }
        k.value = xstrdup(v);
        goto add;
    }
    if (!strcmp(key, "evidence")) {
        k.kind = C_EVIDENCE;
        k.value = xstrdup(v);
        goto add;
    }
    for (size_t i = 0; i < QP_ARRAY_LEN(FIELDS); i++)
        if (!strcmp(key, FIELDS[i].key)) {
            k.kind = C_FIELD;
            k.which = (int)i;
            k.value = xstrdup(v);
            if (!strcmp(key, "anchor") && strcmp(v, "document") && strcmp(v, "text") && strcmp(v, "context") &&
                strcmp(v, "-")) {
                case_error(c, line, "anchor=%s: an anchor is document, text or context", v);
                free(k.value);
                return -1;
            }
            if ((!strcmp(key, "kind1") || !strcmp(key, "kind2")) && strcmp(v, "-") && strcmp(v, "*") &&
                qp_kind_parse(v) < 0) {
                case_error(c, line, "%s=%s: not a kind of actor (lexicon/README.md)", key, v);
                free(k.value);
                return -1;
            }
            goto add;
        }
    case_error(c, line, "unknown key '%s' (keys: %s)", key, KEYS_HELP);
    return -1;
add:
    k.text = xstrdup(w);
    ck->conds = xrealloc(ck->conds, (ck->n_conds + 1) * sizeof *ck->conds);
    ck->conds[ck->n_conds++] = k;
    return 0;
}

static check *new_check(tcase *c, enum check_kind kind, int line, const char *key, const char *value)
{
    c->checks = xrealloc(c->checks, (c->n_checks + 1) * sizeof *c->checks);
    check *ck = &c->checks[c->n_checks++];
    memset(ck, 0, sizeof *ck);
    ck->kind = kind;
    ck->line = line;
    size_t n = strlen(key) + strlen(value) + 3;
    ck->src = xrealloc(NULL, n);
    snprintf(ck->src, n, "%s: %s", key, value);
    return ck;
}

/* expect:, not:, count:, events:, clutter:, removed:. */
static void parse_check(tcase *c, int line, const char *key, const char *value)
{
    char **w;
    size_t n;
    if (split_words(value, &w, &n)) {
        case_error(c, line, "a double quote is not closed");
        free_words(w, n);
        return;
    }
    size_t first_key = n;
    if (!strcmp(key, "expect") || !strcmp(key, "not")) {
        check *ck = new_check(c, key[0] == 'e' ? K_EXPECT : K_NOT, line, key, value);
        if (n < 3) {
            case_error(c, line, "%s: ACTOR1 ACTION ACTOR2 [key=value...]", key);
            goto out;
        }
        if (parse_actor(c, line, w[0], &ck->a1) || parse_action(c, line, w[1], &ck->action) ||
            parse_actor(c, line, w[2], &ck->a2))
            goto out;
        first_key = 3;
    } else if (!strcmp(key, "count") || !strcmp(key, "events")) {
        check *ck = new_check(c, K_COUNT, line, key, value);
        size_t at = key[0] == 'c';
        if (n < at + 1) {
            case_error(c, line, key[0] == 'c' ? "count: ACTION N [key=value...]" : "events: N [key=value...]");
            goto out;
        }
        if (at && parse_action(c, line, w[0], &ck->action))
            goto out;
        if (parse_count(w[at], &ck->op, &ck->n)) {
            case_error(c, line, "%s: '%s' is no count (N, >=N or <=N)", key, w[at]);
            goto out;
        }
        first_key = at + 1;
    } else if (!strcmp(key, "clutter")) {
        check *ck = new_check(c, K_CLUTTER, line, key, value);
        if (n != 1 || parse_count(w[0], &ck->op, &ck->n))
            case_error(c, line, "clutter: N, >=N or <=N (lines removed as clutter)");
        goto out;
    } else { /* removed */
        check *ck = new_check(c, K_REMOVED, line, key, value);
        if (!*value)
            case_error(c, line, "removed: WORDS (that the cleaned text no longer holds)");
        ck->words = xstrdup(value);
        goto out;
    }
    for (size_t i = first_key; i < n; i++)
        parse_cond(c, &c->checks[c->n_checks - 1], line, w[i]);
out:
    free_words(w, n);
}

static void free_case(tcase *c)
{
    free(c->name), free(c->lang), free(c->date), free(c->article), free(c->source), free(c->known);
    for (size_t i = 0; i < c->n_fails; i++)
        free(c->fails[i]);
    free(c->fails);
    qp_buf_destroy(&c->text);
    qp_buf_destroy(&c->errors);
    for (size_t i = 0; i < c->n_checks; i++) {
        check *ck = &c->checks[i];
        free(ck->src), free(ck->a1.want), free(ck->a1.except), free(ck->a2.want), free(ck->a2.except);
        free(ck->action), free(ck->words);
        for (size_t j = 0; j < ck->n_conds; j++)
            free(ck->conds[j].value), free(ck->conds[j].text);
        free(ck->conds);
    }
    free(c->checks);
    memset(c, 0, sizeof *c);
}

/* ---- running ---- */

typedef struct tally {
    int passed, failed, skipped, known;
} tally;

static int selected(const tcase *c)
{
    if (!match)
        return 1;
    if (strstr(c->name, match))
        return 1;
    /* FILE:LINE of any line of the case, as a report names it */
    const char *colon = strrchr(match, ':');
    if (!colon || !colon[1])
        return 0;
    char *end;
    long line = strtol(colon + 1, &end, 10);
    size_t n = (size_t)(colon - match), m = strlen(c->file);
    return !*end && line >= c->line && line <= c->last && m >= n && !strncmp(c->file + m - n, match, n) &&
           (m == n || c->file[m - n - 1] == '/');
}

/* The article of "article: PATH" ($VAR at the start is taken from the environment, a relative
 * path is the .test file's directory): a JSON Lines file's first article, or a text file. Returns
 * 0 with the text (free it), 1 to skip (why says what is missing), -1 on a broken file. */
static int read_article(const tcase *c, char **text, char *date, size_t datecap, char *why, size_t cap)
{
    char path[2048];
    const char *p = c->article;
    if (*p == '$') {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p - 1) : strlen(p + 1);
        char var[128];
        snprintf(var, sizeof var, "%.*s", (int)n, p + 1);
        const char *val = getenv(var);
        if (!val || !*val) {
            snprintf(why, cap, "$%s is not set", var);
            return 1;
        }
        snprintf(path, sizeof path, "%s%s", val, slash ? slash : "");
    } else if (*p == '/') {
        snprintf(path, sizeof path, "%s", p);
    } else {
        snprintf(path, sizeof path, "%s/%s", c->dir, p);
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(why, cap, "%s: %s", path, strerror(errno));
        return 1;
    }
    qp_buf b;
    qp_buf_init(&b);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        qp_buf_append(&b, chunk, got);
    fclose(f);
    qp_buf_puts(&b, "");
    *date = 0;
    size_t plen = strlen(path);
    if (plen < 6 || strcmp(path + plen - 6, ".jsonl")) {
        *text = qp_buf_detach(&b);
        return 0;
    }
    char *nl = strchr(b.data, '\n');
    json_error_t je;
    json_t *o = json_loadb(b.data, nl ? (size_t)(nl - b.data) : b.len, 0, &je);
    qp_buf_destroy(&b);
    const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
    if (!t) {
        snprintf(why, cap, "%s: line 1 is no article with a \"text\"%s%s", path, o ? "" : ": ", o ? "" : je.text);
        json_decref(o);
        return -1;
    }
    const char *d = json_string_value(json_object_get(o, "date"));
    snprintf(date, datecap, "%.10s", d ? d : "");
    *text = xstrdup(t);
    json_decref(o);
    return 0;
}

/* Checks every event against what any document must hold (the seed's test of old, now for every
 * case): a known action, evidence inside the text and inside the event's sentence. */
static void check_invariants(qp_buf *out)
{
    for (size_t i = 0; i < doc.n_events; i++) {
        const qp_event *e = &doc.events[i];
        const char *why = NULL;
        if (!e->action || qp_action_parse(e->action) < 0)
            why = "its action is no PLOVER category";
        else if (e->sentence < 0 || (size_t)e->sentence >= doc.n_sentences)
            why = "its sentence is out of the document";
        else if (e->evidence_start >= e->evidence_end || e->evidence_end > doc.text_len)
            why = "its evidence is empty or out of the text";
        else if (e->evidence_start < doc.sentences[e->sentence].start ||
                 e->evidence_end > doc.sentences[e->sentence].end)
            why = "its evidence runs out of its sentence";
        if (why) {
            qp_buf_printf(out, "  event %zu breaks a rule of every document: %s\n    ", i, why);
            put_event(out, e);
            qp_buf_putc(out, '\n');
        }
    }
}

/* Runs one check; on failure writes why into out. Returns 1 when it holds. */
static int run_check(const check *ck, qp_buf *out)
{
    switch (ck->kind) {
    case K_EXPECT: {
        for (size_t i = 0; i < doc.n_events; i++)
            if (matches_either(ck, &doc.events[i], NULL))
                return 1;
        qp_buf_puts(out, "    no event matches");
        /* the events that have the actors and the action: which key did they miss */
        int near = 0;
        for (size_t i = 0; i < doc.n_events; i++) {
            const cond *failed;
            const qp_event *e = &doc.events[i];
            for (int sw = 0; sw <= ck->either_way; sw++)
                if (!event_matches(ck, e, sw, &failed) && failed) {
                    qp_buf_printf(out, "%s\n      s%d %s %s %s has", near++ ? "" : "; the nearest",
                                  e->sentence, e->actor1.id ? e->actor1.id : "-", e->action,
                                  e->actor2.id ? e->actor2.id : "-");
                    put_actual(out, failed, e);
                    qp_buf_printf(out, ", not %s", failed->text);
                    break;
                }
        }
        qp_buf_putc(out, '\n');
        return 0;
    }
    case K_NOT: {
        int bad = 0;
        for (size_t i = 0; i < doc.n_events; i++)
            if (matches_either(ck, &doc.events[i], NULL)) {
                qp_buf_puts(out, bad++ ? "" : "    but there is\n");
                qp_buf_puts(out, "      ");
                put_event(out, &doc.events[i]);
                qp_buf_putc(out, '\n');
            }
        return !bad;
    }
    case K_COUNT: {
        long n = 0;
        for (size_t i = 0; i < doc.n_events; i++)
            n += event_matches(ck, &doc.events[i], 0, NULL);
        if (compare(ck->op, n, ck->n))
            return 1;
        qp_buf_printf(out, "    counted %ld, not %s%ld\n", n, op_text(ck->op), ck->n);
        return 0;
    }
    case K_CLUTTER:
        if (compare(ck->op, (long)doc.n_clutter, ck->n))
            return 1;
        qp_buf_printf(out, "    %zu lines removed as clutter, not %s%ld\n", doc.n_clutter, op_text(ck->op), ck->n);
        return 0;
    case K_REMOVED:
        if (!strstr(doc.text, ck->words))
            return 1;
        qp_buf_printf(out, "    the cleaned text still holds \"%s\"\n", ck->words);
        return 0;
    }
    return 0;
}

enum outcome { PASS, FAIL, SKIP };

/* Runs a well-formed case; what went wrong goes to out. */
static enum outcome run_case(const tcase *c, qp_buf *out, char *skip_why, size_t cap)
{
    if (c->needs_gazetteer && !have_gazetteer) {
        snprintf(skip_why, cap, "needs the gazetteer (tools/fetch-geonames.sh)");
        return SKIP;
    }
    char *owned = NULL, fdate[16] = "";
    const char *text = c->text.data;
    size_t len = c->text.len;
    if (c->article) {
        int r = read_article(c, &owned, fdate, sizeof fdate, skip_why, cap);
        if (r > 0)
            return SKIP;
        if (r < 0) {
            qp_buf_printf(out, "  article: %s\n", skip_why);
            return FAIL;
        }
        text = owned, len = strlen(owned);
    }
    enum outcome result = PASS;
    if (*fdate && strcmp(fdate, c->date)) {
        qp_buf_printf(out, "  the article is dated %s, the case %s\n", fdate, c->date);
        result = FAIL;
    }
    qp_arena_reset(&arena);
    memset(&doc, 0, sizeof doc);
    qp_article_meta m = {.name = "t", .date = c->date, .lang = c->lang, .source = c->source, .origin = c->file};
    qp_pipeline p = {.extractor = X, .force_lang = c->lang};
    char err[256] = "";
    int r = qp_pipeline_run(&p, text, len, &m, &arena, &doc, err, sizeof err);
    free(owned);
    if (r || !doc.status || strcmp(doc.status, "extracted")) {
        qp_buf_printf(out, "  the article was not extracted: %s%s\n", r ? qp_strerror(r) : doc.status, err);
        return FAIL;
    }
    size_t before = out->len;
    check_invariants(out);
    if (out->len > before)
        result = FAIL;
    for (size_t i = 0; i < c->n_checks; i++) {
        const check *ck = &c->checks[i];
        if (ck->needs_gazetteer && !have_gazetteer)
            continue;
        qp_buf why;
        qp_buf_init(&why);
        if (!run_check(ck, &why)) {
            qp_buf_printf(out, "  %s:%d: %s\n%s", c->file, ck->line, ck->src, why.data);
            result = FAIL;
        }
        qp_buf_destroy(&why);
    }
    if (result == FAIL || verbose)
        put_events(out);
    return result;
}

/* Runs a parsed case (or reports its errors) and counts it. */
static void finish_case(tcase *c, tally *t)
{
    if (!c->name)
        return;
    if (!selected(c)) {
        free_case(c);
        return;
    }
    if (!c->has_text && !c->article)
        case_error(c, c->line, "the case has no text: and no article:");
    if (c->has_text && c->article)
        case_error(c, c->line, "the case has both text: and article:");
    if (!c->lang)
        case_error(c, c->line, "the case has no lang: (fr or en)");
    if (!c->date)
        case_error(c, c->line, "the case has no date: (YYYY-MM-DD)");
    if (!c->n_checks)
        case_error(c, c->line, "the case checks nothing (expect:, not:, count:, events: ...)");
    if (selftest && !c->n_fails)
        case_error(c, c->line, "a case of --selftest must say how it fails (fails: TEXT)");
    qp_buf_puts(&c->text, "");
    qp_buf_puts(&c->errors, "");

    qp_buf out;
    qp_buf_init(&out);
    qp_buf_puts(&out, "");
    char skip_why[512] = "";
    enum outcome o;
    if (c->errors.len) {
        qp_buf_printf(&out, "  malformed:\n%s", c->errors.data);
        o = FAIL;
    } else {
        o = run_case(c, &out, skip_why, sizeof skip_why);
    }
    /* a known failure that passes fails: its known: line must go, so that none outlives its
     * cause */
    int fixed = o == PASS && c->known;
    if (fixed) {
        qp_buf_printf(&out, "  passes now: remove its \"known: %s\"\n", c->known);
        o = FAIL;
    }
    if (selftest && o != SKIP) {
        /* the case must fail, and say what each fails: line says */
        const char *missing = NULL;
        for (size_t i = 0; i < c->n_fails && !missing; i++)
            if (!strstr(out.data, c->fails[i]))
                missing = c->fails[i];
        if (o == FAIL && !missing) {
            printf("ok   - %s:%d: %s (fails as it should)\n", c->file, c->line, c->name);
            if (verbose)
                fputs(out.data, stdout);
            t->passed++;
        } else {
            printf("FAIL - %s:%d: %s\n  should fail saying \"%s\" but %s\n%s", c->file, c->line, c->name,
                   missing ? missing : c->fails[0], o == PASS ? "passed" : "failed otherwise:", out.data);
            t->failed++;
        }
    } else if (o == FAIL && c->known && !fixed && !c->errors.len) {
        printf("known - %s:%d: %s (known: %s)\n", c->file, c->line, c->name, c->known);
        if (verbose)
            fputs(out.data, stdout);
        t->known++;
    } else if (o == PASS) {
        printf("ok   - %s:%d: %s\n", c->file, c->line, c->name);
        if (verbose)
            fputs(out.data, stdout);
        t->passed++;
    } else if (o == SKIP) {
        printf("skip - %s:%d: %s: %s\n", c->file, c->line, c->name, skip_why);
        t->skipped++;
    } else {
        printf("FAIL - %s:%d: %s\n%s", c->file, c->line, c->name, out.data);
        t->failed++;
    }
    fflush(stdout);
    qp_buf_destroy(&out);
    free_case(c);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

static void set_once(tcase *c, int line, char **slot, const char *key, const char *value)
{
    if (*slot)
        case_error(c, line, "%s: given twice", key);
    free(*slot);
    *slot = xstrdup(value);
}

/* Reads one .test file and runs its cases as they end. Returns -1 when unreadable, else the
 * number of malformed lines outside any case. */
static int run_file(const char *given, tally *t)
{
    FILE *f = fopen(given, "r");
    if (!f) {
        fprintf(stderr, "test_extract_cases: %s: %s\n", given, strerror(errno));
        return -1;
    }
    /* named from the source tree's top when it is there: "tests/extract/fr.test:41" */
    const char *top = getenv("QP_SOURCE_ROOT");
    char *real = realpath(given, NULL), *root = top ? realpath(top, NULL) : NULL;
    size_t rlen = root ? strlen(root) : 0;
    const char *path = given;
    if (real && root && !strncmp(real, root, rlen) && real[rlen] == '/')
        path = real + rlen + 1;
    char *dir = xstrdup(given);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        strcpy(dir, ".");
    char *def_lang = NULL, *def_date = NULL;
    tcase c;
    memset(&c, 0, sizeof c);
    int errors = 0, lineno = 0;
    char *raw = NULL;
    size_t cap = 0;
    while (getline(&raw, &cap, f) >= 0) {
        lineno++;
        char *s = trim(raw);
        if (!*s || *s == '#')
            continue;
        char *colon = strchr(s, ':');
        size_t klen = colon ? (size_t)(colon - s) : 0;
        int keyish = klen > 0;
        for (size_t i = 0; i < klen; i++)
            keyish &= (islower((unsigned char)s[i]) || s[i] == '-');
        if (!keyish) {
            if (c.name)
                case_error(&c, lineno, "expected 'key: value', not '%s'", s);
            else
                printf("ERROR - %s:%d: expected 'key: value', not '%s'\n", path, lineno, s), errors++;
            continue;
        }
        *colon = 0;
        const char *key = s, *value = trim(colon + 1);
        if (!strcmp(key, "case")) {
            finish_case(&c, t);
            c.file = path, c.dir = dir, c.line = c.last = lineno;
            c.name = xstrdup(*value ? value : "(no name)");
            qp_buf_init(&c.text);
            qp_buf_init(&c.errors);
            if (!*value)
                case_error(&c, lineno, "case: needs a name that says what it tests");
            if (def_lang)
                c.lang = xstrdup(def_lang);
            if (def_date)
                c.date = xstrdup(def_date);
            continue;
        }
        if (!c.name) {
            /* before the first case: defaults for the file */
            char **slot = !strcmp(key, "lang") ? &def_lang : !strcmp(key, "date") ? &def_date : NULL;
            if (!slot) {
                printf("ERROR - %s:%d: '%s:' before the first 'case:' (only lang: and date: may be set for the "
                       "whole file)\n", path, lineno, key);
                errors++;
            } else if (slot == &def_lang ? qp_lang_parse(value) < 0 : !is_date(value)) {
                printf("ERROR - %s:%d: bad %s: '%s'\n", path, lineno, key, value);
                errors++;
            } else {
                free(*slot);
                *slot = xstrdup(value);
            }
            continue;
        }
        c.last = lineno;
        if (!strcmp(key, "lang")) {
            if (qp_lang_parse(value) < 0)
                case_error(&c, lineno, "lang: fr or en, not '%s'", value);
            free(c.lang);
            c.lang = xstrdup(value);
        } else if (!strcmp(key, "date")) {
            if (!is_date(value))
                case_error(&c, lineno, "date: YYYY-MM-DD, not '%s'", value);
            free(c.date);
            c.date = xstrdup(value);
        } else if (!strcmp(key, "text")) {
            qp_buf_puts(&c.text, value);
            qp_buf_putc(&c.text, '\n');
            c.has_text = 1;
        } else if (!strcmp(key, "article")) {
            set_once(&c, lineno, &c.article, key, value);
        } else if (!strcmp(key, "source")) {
            set_once(&c, lineno, &c.source, key, value);
        } else if (!strcmp(key, "known")) {
            if (!*value)
                case_error(&c, lineno, "known: says why the case fails (the parse, a lexicon gap…)");
            set_once(&c, lineno, &c.known, key, value);
        } else if (!strcmp(key, "needs")) {
            if (strcmp(value, "gazetteer"))
                case_error(&c, lineno, "needs: the only need is 'gazetteer', not '%s'", value);
            c.needs_gazetteer = 1;
        } else if (!strcmp(key, "fails")) {
            if (!selftest)
                case_error(&c, lineno, "fails: is for the runner's own test (--selftest), not for extraction cases");
            c.fails = xrealloc(c.fails, (c.n_fails + 1) * sizeof *c.fails);
            c.fails[c.n_fails++] = xstrdup(value);
        } else if (!strcmp(key, "lexicon")) {
            case_error(&c, lineno, "lexicon: the extractor cannot load a fixture lexicon yet (see the TODO in "
                                   "tests/test_extract_cases.c)");
        } else if (!strcmp(key, "expect") || !strcmp(key, "not") || !strcmp(key, "count") ||
                   !strcmp(key, "events") || !strcmp(key, "clutter") || !strcmp(key, "removed")) {
            parse_check(&c, lineno, key, value);
        } else {
            case_error(&c, lineno, "unknown key '%s:' (case lang date text article needs expect not count events "
                                   "clutter removed)", key);
        }
    }
    finish_case(&c, t);
    free(raw);
    free(def_lang);
    free(def_date);
    free(dir);
    free(real);
    free(root);
    fclose(f);
    return errors;
}

static void usage(FILE *to)
{
    fputs("usage: test_extract_cases [-v] [--match TEXT] [--selftest] [FILE.test...]\n"
          "  with no FILE: $QP_SOURCE_ROOT/tests/extract/fr.test and en.test; format: tests/extract/README.md\n",
          to);
}

int main(int argc, char **argv)
{
    const char *files[64];
    int n_files = 0;
    char defaults[2][1024];
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "--selftest"))
            selftest = 1;
        else if (!strcmp(argv[i], "--match") && i + 1 < argc)
            match = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
            return usage(stdout), 0;
        else if (argv[i][0] == '-' || n_files == (int)QP_ARRAY_LEN(files))
            return usage(stderr), 2;
        else
            files[n_files++] = argv[i];
    }
    if (!n_files) {
        const char *root = getenv("QP_SOURCE_ROOT");
        if (!root)
            root = ".";
        snprintf(defaults[0], sizeof defaults[0], "%s/tests/extract/fr.test", root);
        snprintf(defaults[1], sizeof defaults[1], "%s/tests/extract/en.test", root);
        files[n_files++] = defaults[0];
        files[n_files++] = defaults[1];
    }

    char err[512] = "";
    int r = qp_extractor_init(&X, err, sizeof err);
    if (r) {
        fprintf(stderr, "test_extract_cases: cannot load the extractor: %s (%s)\n", err, qp_strerror(r));
        return 2;
    }
    /* a missing gazetteer is reported through err with a 0 return */
    have_gazetteer = !strstr(err, "gazetteer");
    if (!have_gazetteer)
        printf("# no gazetteer: the cases and lines that need it are skipped (%s)\n", err);
    LX = qp_extractor_lexicon(X);
    qp_arena_init(&arena, 1 << 16);

    tally t = {0};
    int status = 0, malformed = 0;
    for (int i = 0; i < n_files; i++) {
        int e = run_file(files[i], &t);
        if (e < 0)
            status = 2;
        else
            malformed += e;
    }
    qp_arena_destroy(&arena);
    qp_extractor_destroy(X);

    printf("%d passed, %d failed, %d skipped", t.passed, t.failed, t.skipped);
    if (t.known)
        printf(", %d known to fail", t.known);
    if (malformed)
        printf(", %d malformed line%s outside the cases", malformed, malformed > 1 ? "s" : "");
    printf("\n");
    if (status)
        return status;
    if (t.failed || malformed)
        return 1;
    return t.passed ? 0 : 77;
}
