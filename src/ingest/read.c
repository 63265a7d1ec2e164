/* read.c — articles from paths: text files, JSON Lines, directories, standard input. */
#include "read.h"
#include "qp.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void qp_reader_init(qp_reader *r, const char *who, size_t max_bytes, qp_article_fn fn, void *ud)
{
    memset(r, 0, sizeof *r);
    r->fn = fn;
    r->ud = ud;
    r->max_bytes = max_bytes ? max_bytes : 16u << 20;
    r->log = stderr;
    r->who = who ? who : "quipu";
}

/* "2017-11-03_x.txt" → "2017-11-03" */
static int date_from_name(const char *base, char out[11])
{
    if (strlen(base) < 10)
        return 0;
    for (int i = 0; i < 10; i++) {
        char c = base[i];
        if ((i == 4 || i == 7) ? c != '-' : (c < '0' || c > '9'))
            return 0;
    }
    memcpy(out, base, 10);
    out[10] = '\0';
    int y = atoi(out), m = atoi(out + 5), d = atoi(out + 8);
    if (m < 1 || m > 12 || d < 1)
        return 0;
    /* the calendar's days, February's by the Gregorian leap rule: 2017-02-30 is no date */
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

int qp_read_valid_date(const char *s)
{
    char tmp[11];
    return s && strlen(s) == 10 && date_from_name(s, tmp);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One JSON line: {"id","url","title","source","date","lang","text"}. */
static int read_json_line(qp_reader *rd, const char *line, size_t len, const char *origin, int lineno)
{
    char where[1200];
    snprintf(where, sizeof where, "%s:%d", origin, lineno);
    if (len > rd->max_bytes) {
        rd->counts.read++;
        rd->counts.skipped++;
        rd->counts.too_big++;
        fprintf(rd->log, "%s: %s: skipped: a line of %zu bytes is over the limit of %zu (--max-size)\n", rd->who,
                where, len, rd->max_bytes);
        return 0;
    }
    json_error_t jerr;
    json_t *o = json_loadb(line, len, 0, &jerr);
    if (!o || !json_is_object(o)) {
        rd->counts.read++;
        rd->counts.skipped++;
        rd->counts.bad_json++;
        fprintf(rd->log, "%s: %s: skipped: broken JSON line (%s, column %d)\n", rd->who, where,
                o ? "not an object" : jerr.text, o ? 1 : jerr.column);
        json_decref(o);
        return 0;
    }
    const char *text = json_str(o, "text");
    if (!text) {
        rd->counts.read++;
        rd->counts.skipped++;
        rd->counts.bad_json++;
        fprintf(rd->log, "%s: %s: skipped: no \"text\" string in this JSON line\n", rd->who, where);
        json_decref(o);
        return 0;
    }
    json_t *id = json_object_get(o, "id");
    char idbuf[32];
    const char *name = json_str(o, "id");
    if (!name && json_is_integer(id)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        name = idbuf;
    }
    const char *date = json_str(o, "date");
    char d10[11];
    if (date && strlen(date) > 10 && date_from_name(date, d10))
        date = d10; /* "2017-11-02T10:00:00Z" */
    qp_article_meta m = {
        .name = name, .url = json_str(o, "url"), .title = json_str(o, "title"),
        .source = json_str(o, "source"), .date = date, .lang = json_str(o, "lang"), .origin = where,
        .line = lineno,
    };
    if (m.date && !qp_read_valid_date(m.date)) {
        fprintf(rd->log, "%s: %s: warning: date '%s' is not YYYY-MM-DD; ignored\n", rd->who, where, m.date);
        m.date = NULL;
    }
    int r = rd->fn(rd->ud, text, json_string_length(json_object_get(o, "text")), &m);
    json_decref(o);
    return r;
}

/* How far past the limit an over-size line is read to find its end when the input is not a
 * regular file (a pipe, a device): /dev/zero has no end, and a regular file always has one. */
#define SKIP_MAX ((uint64_t)1 << 30)

enum { LINE_EOF = 0, LINE_OK = 1, LINE_OVER = 2, LINE_ENDLESS = 3 };

/* Reads one line of f into *buf (cap *cap, grown as needed; without its newline), keeping at
 * most max bytes: a longer line is read on to its end without being kept (LINE_OVER, *len
 * its length), unless its end is more than skip_max bytes further (LINE_ENDLESS). Returns a
 * LINE_* value, or QP_ENOMEM (memory ran out while the line was kept: never taken for the end
 * of the input) or QP_EIO. Memory stays within max + 1 bytes whatever the input. */
static int read_line(FILE *f, char **buf, size_t *cap, size_t max, uint64_t skip_max, uint64_t *len)
{
    uint64_t n = 0;
    int c;
    flockfile(f);
    int r = LINE_OK;
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        if (n < max) {
            if (n + 1 >= *cap) {
                size_t nc = *cap ? *cap * 2 : 4096;
                if (nc > max + 1)
                    nc = max + 1;
                char *nb = realloc(*buf, nc);
                if (!nb) {
                    r = QP_ENOMEM;
                    break;
                }
                *buf = nb;
                *cap = nc;
            }
            (*buf)[n] = (char)c;
        } else if (n - max > skip_max) {
            r = LINE_ENDLESS;
            break;
        }
        n++;
    }
    funlockfile(f);
    *len = n;
    if (r < 0 || r == LINE_ENDLESS)
        return r;
    if (ferror(f))
        return QP_EIO;
    if (c == EOF && n == 0)
        return LINE_EOF;
    return n > max ? LINE_OVER : LINE_OK;
}

int qp_read_lines(qp_reader *rd, FILE *f, const char *origin, qp_line_fn fn, void *ud)
{
    char *line = NULL;
    size_t cap = 0;
    uint64_t n;
    int lineno = 0, r = 0, got;
    struct stat st;
    uint64_t skip_max = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? UINT64_MAX : SKIP_MAX;
    /* the limit is on the JSON line, which is a little longer than its text */
    while (!r && (got = read_line(f, &line, &cap, rd->max_bytes, skip_max, &n)) > LINE_EOF) {
        lineno++;
        if (got == LINE_OVER || got == LINE_ENDLESS) {
            rd->counts.read++;
            rd->counts.skipped++;
            rd->counts.too_big++;
            if (got == LINE_OVER) {
                rd->counts.bytes += (size_t)n;
                fprintf(rd->log, "%s: %s:%d: skipped: a line of %llu bytes is over the limit of %zu (--max-size)\n",
                        rd->who, origin, lineno, (unsigned long long)n, rd->max_bytes);
                continue;
            }
            fprintf(rd->log, "%s: %s:%d: skipped: a line over the limit of %zu (--max-size) with no end in the "
                    "next %llu bytes; the rest of %s is not read\n", rd->who, origin, lineno, rd->max_bytes,
                    (unsigned long long)SKIP_MAX, origin);
            break;
        }
        size_t len = (size_t)n;
        while (len && line[len - 1] == '\r')
            len--;
        size_t s = 0;
        if (lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
            s = 3; /* a BOM before the first line */
        while (s < len && (line[s] == ' ' || line[s] == '\t'))
            s++;
        if (s == len)
            continue;
        r = fn(ud, line + s, len - s, lineno);
    }
    if (!r && got == QP_ENOMEM) {
        /* not the end of the input: said, and the reading stops with the error */
        fprintf(rd->log, "%s: %s:%d: out of memory while reading this line\n", rd->who, origin, lineno + 1);
        r = QP_ENOMEM;
    } else if (!r && got == QP_EIO) {
        fprintf(rd->log, "%s: %s: read error after line %d: %s\n", rd->who, origin, lineno, strerror(errno));
        rd->counts.unreadable++;
        rd->counts.skipped++;
    }
    free(line);
    return r;
}

typedef struct jsonl_ctx {
    qp_reader *rd;
    const char *origin;
} jsonl_ctx;

static int on_json_line(void *ud, const char *line, size_t len, int lineno)
{
    jsonl_ctx *c = ud;
    return read_json_line(c->rd, line, len, c->origin, lineno);
}

int qp_read_jsonl(qp_reader *rd, FILE *f, const char *origin)
{
    jsonl_ctx c = {rd, origin};
    return qp_read_lines(rd, f, origin, on_json_line, &c);
}

/* Reads a whole stream, up to limit + 1 bytes (so an over-size input is seen as such). */
static char *slurp(FILE *f, size_t limit, size_t *len, int *err)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    *err = 0;
    if (!buf) {
        *err = QP_ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                *err = QP_ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        *err = QP_EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

/* Opens path for reading. In a directory (in_dir) only a regular file is opened: a FIFO would
 * block the ingest until a writer came, a device would never end. It is opened without
 * blocking and checked on the descriptor, so that one swapped in after a stat is caught.
 * Returns the stream, or NULL with errno set (ENODEV: not a regular file). */
static FILE *open_input(const char *path, int in_dir)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | (in_dir ? O_NONBLOCK : 0));
    if (fd < 0)
        return NULL;
    struct stat st;
    if (in_dir && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || fcntl(fd, F_SETFL, 0) != 0)) {
        close(fd);
        errno = ENODEV;
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f)
        close(fd);
    return f;
}

/* Names an input that could not be opened and counts it. */
static void unreadable(qp_reader *rd, const char *path)
{
    if (errno == ENODEV)
        fprintf(rd->log, "%s: %s: skipped: not a regular file\n", rd->who, path);
    else
        fprintf(rd->log, "%s: %s: skipped: cannot read: %s\n", rd->who, path, strerror(errno));
    rd->counts.read++;
    rd->counts.skipped++;
    rd->counts.unreadable++;
}

static int read_text_file(qp_reader *rd, const char *path, int in_dir)
{
    FILE *f = open_input(path, in_dir);
    if (!f) {
        unreadable(rd, path);
        return 0;
    }
    /* an over-size file is refused on its size, without reading gigabytes to say so */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > rd->max_bytes) {
        fclose(f);
        fprintf(rd->log, "%s: %s: skipped: %lld bytes is over the limit of %zu (raise it with --max-size)\n", rd->who,
                path, (long long)st.st_size, rd->max_bytes);
        rd->counts.read++;
        rd->counts.bytes += (size_t)st.st_size;
        rd->counts.skipped++;
        rd->counts.too_big++;
        return 0;
    }
    size_t len = 0;
    int err;
    char *raw = slurp(f, rd->max_bytes, &len, &err);
    fclose(f);
    if (!raw) {
        fprintf(rd->log, "%s: %s: skipped: %s\n", rd->who, path, qp_strerror(err));
        rd->counts.read++;
        rd->counts.skipped++;
        rd->counts.unreadable++;
        return err == QP_ENOMEM ? err : 0;
    }
    const char *base = base_name(path);
    char name[512], date[11];
    snprintf(name, sizeof name, "%s", base);
    char *dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    /* no source: a text file does not say who issued it, and its path is not an issuer (read as
     * one, ".../fr-syria-scraped/x.txt" made Syria the "we" of the article, and the events of a
     * text depended on the folder it was read from); messages name it by its origin */
    qp_article_meta m = {.name = name, .origin = path};
    if (date_from_name(base, date))
        m.date = date;
    int r = rd->fn(rd->ud, raw, len, &m);
    free(raw);
    return r;
}

static int is_jsonl_name(const char *path)
{
    return has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson") || has_suffix(path, ".json");
}

static int read_file(qp_reader *rd, const char *path, int in_dir)
{
    if (!is_jsonl_name(path))
        return read_text_file(rd, path, in_dir);
    FILE *f = open_input(path, in_dir);
    if (!f) {
        unreadable(rd, path);
        return 0;
    }
    int r = qp_read_jsonl(rd, f, path);
    fclose(f);
    return r;
}

/* The directories read in this call of qp_read_path, by device and inode: each is read once
 * however many symbolic links lead to it (two links to a parent made the walk exponential,
 * one to itself read every file again down to the depth limit). Open addressing. */
typedef struct dir_id {
    dev_t dev;
    ino_t ino;
    int used;
} dir_id;

typedef struct dir_set {
    dir_id *slots;
    size_t cap, n;
} dir_set;

static size_t dir_hash(dev_t dev, ino_t ino)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15u ^ (uint64_t)dev;
    return (size_t)(h ^ (h >> 29));
}

/* Adds (dev, ino): 1 when it was new, 0 when seen before, QP_ENOMEM. */
static int dir_set_add(dir_set *set, dev_t dev, ino_t ino)
{
    if ((set->n + 1) * 2 > set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 64;
        dir_id *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return QP_ENOMEM;
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slots[i].used)
                continue;
            size_t k = dir_hash(set->slots[i].dev, set->slots[i].ino) & (cap - 1);
            while (slots[k].used)
                k = (k + 1) & (cap - 1);
            slots[k] = set->slots[i];
        }
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    size_t k = dir_hash(dev, ino) & (set->cap - 1);
    for (; set->slots[k].used; k = (k + 1) & (set->cap - 1))
        if (set->slots[k].dev == dev && set->slots[k].ino == ino)
            return 0;
    set->slots[k] = (dir_id){dev, ino, 1};
    set->n++;
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_dir(qp_reader *rd, dir_set *seen, const char *path, const struct stat *dst, int depth)
{
    if (depth > 32) {
        fprintf(rd->log, "%s: %s: skipped: directories nested too deep (over 32)\n", rd->who, path);
        rd->counts.skipped++;
        rd->counts.unreadable++;
        return 0;
    }
    int fresh = dir_set_add(seen, dst->st_dev, dst->st_ino);
    if (fresh < 0)
        return fresh;
    if (!fresh) {
        fprintf(rd->log, "%s: %s: passed over: this directory was already read (a symbolic link leads to it again)\n",
                rd->who, path);
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(rd->log, "%s: %s: skipped: cannot open directory: %s\n", rd->who, path, strerror(errno));
        rd->counts.skipped++;
        rd->counts.unreadable++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* hidden files, . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                r = QP_ENOMEM;
                break;
            }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) {
            r = QP_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    /* sorted, so that runs are reproducible and names like 2011-03-24_… come in date order */
    if (n)
        qp_sort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!r) {
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, names[i]);
            struct stat st;
            int known = stat(child, &st) == 0;
            int article = has_suffix(names[i], ".txt") || has_suffix(names[i], ".text") || is_jsonl_name(names[i]) ||
                          !strchr(names[i], '.');
            if (known && S_ISDIR(st.st_mode))
                r = read_dir(rd, seen, child, &st, depth + 1);
            else if (known && !S_ISREG(st.st_mode) && article) {
                errno = ENODEV;
                unreadable(rd, child);
            } else if (article)
                r = read_file(rd, child, 1);
            else if (rd->verbose)
                fprintf(rd->log, "%s: %s: not an article file (.txt, .jsonl); passed over\n", rd->who, child);
        }
        free(names[i]);
    }
    free(names);
    return r;
}

static int read_stdin(qp_reader *rd)
{
    int c = getc(stdin);
    char lead[3];
    size_t nlead = 0;
    if (c == 0xEF) {
        /* a BOM (Windows tools write one before JSONL too) must not hide the '{' */
        int c2 = getc(stdin), c3 = c2 == EOF ? EOF : getc(stdin);
        if (c2 == 0xBB && c3 == 0xBF) {
            c = getc(stdin);
        } else {
            /* another character starting with 0xEF: text, kept whole */
            lead[nlead++] = (char)c;
            if (c2 != EOF)
                lead[nlead++] = (char)c2;
            if (c3 != EOF)
                lead[nlead++] = (char)c3;
            c = 'x';
        }
    }
    while (!nlead && (c == ' ' || c == '\n' || c == '\r' || c == '\t'))
        c = getc(stdin);
    if (c == EOF) {
        fprintf(rd->log, "%s: standard input: skipped: empty\n", rd->who);
        rd->counts.read++;
        rd->counts.skipped++;
        rd->counts.empty++;
        return 0;
    }
    if (!nlead)
        ungetc(c, stdin);
    if (c == '{')
        return qp_read_jsonl(rd, stdin, "stdin");
    size_t len = 0;
    int err;
    char *raw = slurp(stdin, rd->max_bytes, &len, &err);
    if (!raw)
        return err;
    if (nlead) {
        char *all = malloc(len + nlead);
        if (!all) {
            free(raw);
            return QP_ENOMEM;
        }
        memcpy(all, lead, nlead);
        memcpy(all + nlead, raw, len);
        free(raw);
        raw = all;
        len += nlead;
    }
    qp_article_meta m = {.source = "stdin", .origin = "stdin"};
    int r = rd->fn(rd->ud, raw, len, &m);
    free(raw);
    return r;
}

int qp_read_path(qp_reader *rd, const char *path)
{
    if (!strcmp(path, "-"))
        return read_stdin(rd);
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(rd->log, "%s: %s: skipped: %s\n", rd->who, path, strerror(errno));
        rd->counts.skipped++;
        rd->counts.unreadable++;
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        dir_set seen = {0};
        int r = read_dir(rd, &seen, path, &st, 0);
        free(seen.slots);
        return r;
    }
    /* a path given by name is read whatever it is: a pipe (<(…)) or /dev/stdin is meant */
    return read_file(rd, path, 0);
}
