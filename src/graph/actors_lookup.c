/* actors_lookup.c — an actor named by a user: ids, labels and aliases of the store and the
 * lexicon, folded and compared. */
#include "actors_lookup.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "datadir.h"
#include "fold.h"
#include "names_lookup.h"
#include "qp.h"

/* ---- name resolution ---- */

typedef struct name_entry {
    char *id, *name, *folded;
} name_entry;

typedef struct name_list {
    name_entry *e;
    size_t n, cap;
} name_list;

static void name_list_destroy(name_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->e[i].id);
        free(l->e[i].name);
        free(l->e[i].folded);
    }
    free(l->e);
}

/* The folded form of s, malloc'd; NULL on ENOMEM or bad UTF-8 (*err says which). */
static char *fold_dup(const char *s, int *err)
{
    qp_buf b;
    qp_buf_init(&b);
    int r = qp_fold(s, strlen(s), &b);
    if (r) {
        qp_buf_destroy(&b);
        *err = r;
        return NULL;
    }
    return qp_buf_detach(&b);
}

static int name_add(name_list *l, const char *id, const char *name)
{
    if (!id || !name || !*name)
        return 0;
    int err = 0;
    char *f = fold_dup(name, &err);
    if (!f)
        return err == QP_EUTF8 ? 0 : err; /* a malformed alias just never matches */
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        name_entry *e = realloc(l->e, cap * sizeof *e);
        if (!e) {
            free(f);
            return QP_ENOMEM;
        }
        l->e = e;
        l->cap = cap;
    }
    name_entry ne = {strdup(id), strdup(name), f};
    if (!ne.id || !ne.name) {
        free(ne.id);
        free(ne.name);
        free(f);
        return QP_ENOMEM;
    }
    l->e[l->n++] = ne;
    return 0;
}

static int on_name(const char *id, const char *name, void *ud)
{
    return name_add(ud, id, name);
}

/* lexicon/<lang>/actors.json: {"ISIS": ["EI", "Daech", …], …}; absent files are fine. */
static int names_from_lexicon(const char *lang, name_list *l)
{
    char rel[64], path[4096];
    snprintf(rel, sizeof rel, "lexicon/%s/actors.json", lang);
    if (qp_data_path(rel, path, sizeof path))
        return 0;
    json_t *root = json_load_file(path, 0, NULL);
    if (!root)
        return 0;
    const char *id;
    json_t *aliases;
    int r = 0;
    json_object_foreach(root, id, aliases) {
        size_t i;
        json_t *a;
        json_array_foreach(aliases, i, a)
            if (!r && json_is_string(a))
                r = name_add(l, id, json_string_value(a));
    }
    json_decref(root);
    return r;
}

static int has_id(const qp_actor_matches *m, const char *id)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->c[i].id, id))
            return 1;
    return 0;
}

static int match_add(qp_actor_matches *m, const char *id, const char *matched)
{
    if (has_id(m, id))
        return 0;
    qp_actor_candidate *c = realloc(m->c, (m->n + 1) * sizeof *c);
    if (!c)
        return QP_ENOMEM;
    m->c = c;
    c[m->n] = (qp_actor_candidate){strdup(id), NULL, strdup(matched)};
    if (!c[m->n].id || !c[m->n].matched) {
        free(c[m->n].id);
        free(c[m->n].matched);
        return QP_ENOMEM;
    }
    m->n++;
    return 0;
}

/* Does any word of f start with q (q may span several words)? */
static int word_prefix(const char *f, const char *q)
{
    size_t n = strlen(q);
    for (const char *p = f; p; p = strchr(p, ' '), p = p ? p + 1 : NULL)
        if (!strncmp(p, q, n))
            return 1;
    return 0;
}

static int cmp_candidate(const void *a, const void *b)
{
    return strcmp(((const qp_actor_candidate *)a)->id, ((const qp_actor_candidate *)b)->id);
}

/* Fills each candidate's English label from the store's actors. */
static int fill_labels(qp_store *s, qp_actor_matches *m)
{
    int r = 0;
    for (size_t i = 0; !r && i < m->n; i++)
        r = qp_store_actor_label(s, m->c[i].id, &m->c[i].label);
    return r;
}

/* Among several candidates, those the store knows (they have a label) are the only ones that
 * can have events: lexicon-only namesakes are dropped. Returns 0 when one is left. */
static int keep_stored(qp_actor_matches *m)
{
    size_t kept = 0;
    for (size_t i = 0; i < m->n; i++)
        kept += m->c[i].label != NULL;
    if (!kept)
        return QP_EAMBIGUOUS;
    size_t j = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (m->c[i].label) {
            m->c[j++] = m->c[i];
        } else {
            free(m->c[i].id);
            free(m->c[i].matched);
        }
    }
    m->n = j;
    return j == 1 ? 0 : QP_EAMBIGUOUS;
}

int qp_actors_resolve(qp_store *s, const char *name, qp_actor_matches *m)
{
    memset(m, 0, sizeof *m);
    name_list l = {0};
    int err = 0, r;
    char *q = fold_dup(name ? name : "", &err);
    if (!q)
        return err == QP_EUTF8 ? QP_ENOTFOUND : err;
    if (!*q) {
        free(q);
        return QP_ENOTFOUND;
    }
    if ((r = qp_store_names_each(s, on_name, &l)) || (r = names_from_lexicon("en", &l)) ||
        (r = names_from_lexicon("fr", &l)))
        goto cleanup;
    /* typing an id exactly wins over any alias that happens to read the same */
    for (size_t i = 0; i < l.n; i++)
        if (!strcmp(l.e[i].id, name) && (r = match_add(m, l.e[i].id, l.e[i].id)))
            goto cleanup;
    int by_id = m->n > 0;
    for (size_t i = 0; !by_id && i < l.n; i++)
        if (!strcmp(l.e[i].folded, q) && (r = match_add(m, l.e[i].id, l.e[i].name)))
            goto cleanup;
    if (m->n == 1) {
        r = fill_labels(s, m);
        goto cleanup;
    }
    if (m->n > 1) {
        r = fill_labels(s, m);
        if (!r)
            r = QP_EAMBIGUOUS;
        goto cleanup;
    }
    for (size_t i = 0; i < l.n && m->n < 8; i++)
        if (word_prefix(l.e[i].folded, q) && (r = match_add(m, l.e[i].id, l.e[i].name)))
            goto cleanup;
    /* a slip of the keyboard ("Rusia"): names one or two edits away, the nearest first */
    size_t len = strlen(q);
    int most = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    for (int d = 1; d <= most && !m->n; d++)
        for (size_t i = 0; i < l.n && m->n < 8; i++)
            if (qp_name_distance(l.e[i].folded, q) == d && (r = match_add(m, l.e[i].id, l.e[i].name)))
                goto cleanup;
    r = fill_labels(s, m);
    if (!r)
        r = QP_ENOTFOUND;
cleanup:
    if (r == QP_EAMBIGUOUS)
        r = keep_stored(m);
    if (m->n > 1)
        qp_sort(m->c, m->n, sizeof *m->c, cmp_candidate);
    name_list_destroy(&l);
    free(q);
    return r;
}

void qp_actor_matches_destroy(qp_actor_matches *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->c[i].id);
        free(m->c[i].label);
        free(m->c[i].matched);
    }
    free(m->c);
    memset(m, 0, sizeof *m);
}
