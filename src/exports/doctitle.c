/* doctitle.c — sources named as a reader names them: a title found past a scraped page's
 * banners, an outlet that is never a file path. */
#include "doctitle.h"

#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct qp_doc_names {
    qp_store *s;
    char **shared;   /* titles two documents or more share */
    size_t n_shared, cap;
};

static int on_shared(const char *title, size_t documents, void *ud)
{
    (void)documents;
    qp_doc_names *n = ud;
    if (n->n_shared == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 16;
        char **p = realloc(n->shared, cap * sizeof *p);
        if (!p)
            return QP_ENOMEM;
        n->shared = p;
        n->cap = cap;
    }
    if (!(n->shared[n->n_shared] = strdup(title)))
        return QP_ENOMEM;
    n->n_shared++;
    return 0;
}

int qp_doc_names_open(qp_doc_names **out, qp_store *s)
{
    *out = NULL;
    qp_doc_names *n = calloc(1, sizeof *n);
    if (!n)
        return QP_ENOMEM;
    n->s = s;
    int rc = qp_store_shared_titles_each(s, on_shared, n);
    if (rc) {
        qp_doc_names_close(n);
        return rc;
    }
    *out = n;
    return 0;
}

void qp_doc_names_close(qp_doc_names *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_shared; i++)
        free(n->shared[i]);
    free(n->shared);
    free(n);
}

static int is_shared(const qp_doc_names *n, const char *s, size_t len)
{
    for (size_t i = 0; i < n->n_shared; i++)
        if (strlen(n->shared[i]) == len && !memcmp(n->shared[i], s, len))
            return 1;
    return 0;
}

int qp_title_like(const char *s, size_t len)
{
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
        len--;
    if (len < 8 || len > 180)
        return 0;
    if (s[0] == '[' || s[0] == '(' || s[len - 1] == '.' || s[len - 1] == ')' || s[len - 1] == ']')
        return 0;
    size_t words = 1, upper = 0, lower = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' && i + 1 < len && s[i + 1] != ' ')
            words++;
        /* two sentences: a caption or a lead, not a title ("Syrie. Trente ans de terreur" is
         * a rubric and its title: one word before the stop) */
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i + 2 < len && s[i + 1] == ' ' &&
            ((unsigned char)s[i + 2] >= 'A' && (unsigned char)s[i + 2] <= 'Z') && words > 2)
            return 0;
        upper += s[i] >= 'A' && s[i] <= 'Z';
        lower += s[i] >= 'a' && s[i] <= 'z';
    }
    if (words < 3 || words > 30)
        return 0;
    return lower > upper; /* "RESTRICTED TO EDITORIAL USE" is a notice */
}

/* The first words of the lead, up to about 12, with an ellipsis; a bracketed note that opens
 * it ("[Liens en anglais]") left out. */
static char *lead_words(const char *line, size_t len)
{
    if (len && line[0] == '[') {
        const char *close = memchr(line, ']', len);
        if (close) {
            size_t skip = (size_t)(close - line) + 1;
            while (skip < len && line[skip] == ' ')
                skip++;
            line += skip;
            len -= skip;
        }
    }
    size_t words = 0, i = 0, cut = len;
    for (; i < len; i++)
        if (line[i] == ' ' && ++words == 12) {
            cut = i;
            break;
        }
    /* keep the cut on a character boundary (spaces are) and drop a trailing comma */
    while (cut && (line[cut - 1] == ',' || line[cut - 1] == ' ' || line[cut - 1] == ';'))
        cut--;
    if (cut < 12)
        return NULL;
    int whole = cut == len && len && line[len - 1] == '.';
    char *t = malloc(cut + 4);
    if (!t)
        return NULL;
    memcpy(t, line, cut);
    if (whole)
        t[cut] = 0;
    else
        memcpy(t + cut, "\xe2\x80\xa6", 4); /* … */
    return t;
}

static int is_local_path(const char *s);

int qp_doc_names_title(qp_doc_names *n, const char *name, const char *stored, const char *source, char **title)
{
    *title = NULL;
    /* a title the article's metadata gives (JSON Lines from a feed) is the title; one quipu
     * guessed from a text file's first line must read as one */
    int given = source && *source && !is_local_path(source);
    if (stored && *stored && (given || qp_title_like(stored, strlen(stored))) && !is_shared(n, stored, strlen(stored)))
        return (*title = strdup(stored)) ? 0 : QP_ENOMEM;
    char *head = NULL;
    int rc = qp_store_doc_head(n->s, name, 2048, &head);
    if (rc || !head)
        return rc;
    /* banners, section names and other headlines come first; the article's own title is the
     * last title-like line before its first paragraph */
    const char *best = NULL, *lead = NULL;
    size_t best_len = 0, lead_len = 0;
    for (const char *p = head; *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len && !is_shared(n, p, len)) {
            if (qp_title_like(p, len)) {
                best = p;
                best_len = len;
            } else if (len > 120 || (memchr(p, '.', len) && !qp_title_like(p, len))) {
                lead = p; /* the first paragraph: the title is before it */
                lead_len = len;
                break;
            }
        }
        p = eol ? eol + 1 : p + len;
    }
    if (best && !(*title = strndup(best, best_len)))
        rc = QP_ENOMEM;
    else if (!best && lead)
        *title = lead_words(lead, lead_len); /* NULL for a lead too short to quote (or no memory) */
    free(head);
    return rc;
}

static int is_local_path(const char *s)
{
    if (!strcasecmp(s, "stdin") || !strcmp(s, "-"))
        return 1;
    if (strstr(s, "://"))
        return 0;
    if (strchr(s, '/') || strchr(s, '\\'))
        return 1;
    const char *dot = strrchr(s, '.');
    return dot && (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".jsonl") || !strcasecmp(dot, ".json"));
}

const char *qp_doc_outlet(const char *source, const char *url, char *buf, size_t cap)
{
    if (source && *source && !is_local_path(source))
        return source;
    if (!url || !cap)
        return NULL;
    const char *h = strstr(url, "://");
    if (!h)
        return NULL;
    h += 3;
    if (!strncasecmp(h, "www.", 4))
        h += 4;
    size_t len = strcspn(h, "/?#:");
    if (!len || len >= cap)
        return NULL;
    memcpy(buf, h, len);
    buf[len] = 0;
    return buf;
}
