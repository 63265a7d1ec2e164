/* lexforms.c — reads an actions.json and writes every inflected form of its lemmas, folded.
 *
 *   lexforms --lang fr|en --actions lexicon/fr/actions.json [--dict DIR] --out FILE [--out FILE]
 *
 * Output lines are `form<TAB>lemma<TAB>tag`, folded with qp_fold, sorted, without duplicates.
 * Tags: inf pres impf past fut cond subj ppas ppre noun_sg noun_pl. The lemma column is the
 * whole lemma as written in actions.json (folded), so the matcher finds its entry again;
 * only the first word of a multiword verb inflects ("tirer sur" → "tirait sur"), and a
 * reflexive verb loses its "se"/"s'" ("s'emparer de" → "empare de"). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fold.h"
#include "lexforms.h"
#include "qp.h"

int lf_out_add(lf_out *o, const char *form, const char *lemma, const char *tag)
{
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1024;
        char **l = realloc(o->lines, cap * sizeof *l);
        if (!l)
            return QP_ENOMEM;
        o->lines = l;
        o->cap = cap;
    }
    size_t n = strlen(form) + strlen(lemma) + strlen(tag) + 3;
    char *s = malloc(n);
    if (!s)
        return QP_ENOMEM;
    snprintf(s, n, "%s\t%s\t%s", form, lemma, tag);
    o->lines[o->n++] = s;
    return 0;
}

int lf_out_add_rest(lf_out *o, const char *form, const char *rest, const char *lemma,
                    const char *tag)
{
    if (!rest || !*rest)
        return lf_out_add(o, form, lemma, tag);
    size_t n = strlen(form) + strlen(rest) + 2;
    char *s = malloc(n);
    if (!s)
        return QP_ENOMEM;
    snprintf(s, n, "%s %s", form, rest);
    int r = lf_out_add(o, s, lemma, tag);
    free(s);
    return r;
}

static void out_destroy(lf_out *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->lines[i]);
    free(o->lines);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Folds both text columns of every line in place (the tag is already ASCII). */
static int fold_lines(lf_out *o)
{
    qp_buf b, lemma;
    qp_buf_init(&b);
    qp_buf_init(&lemma);
    int r = 0;
    for (size_t i = 0; i < o->n && r == 0; i++) {
        char *line = o->lines[i];
        char *t1 = strchr(line, '\t');
        char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (!t2) {
            r = QP_EINVAL;
            break;
        }
        qp_buf_clear(&b);
        qp_buf_clear(&lemma); /* folded apart: qp_fold puts a space before appended text */
        if ((r = qp_fold(line, (size_t)(t1 - line), &b)) != 0 ||
            (r = qp_fold(t1 + 1, (size_t)(t2 - t1 - 1), &lemma)) != 0)
            break;
        if (qp_buf_putc(&b, '\t') || qp_buf_append(&b, lemma.data, lemma.len) ||
            qp_buf_puts(&b, t2)) {
            r = QP_ENOMEM;
            break;
        }
        free(line);
        o->lines[i] = qp_buf_detach(&b);
    }
    qp_buf_destroy(&b);
    qp_buf_destroy(&lemma);
    return r;
}

/* mkdir -p of the directory part of path. */
static void make_parents(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
}

static int write_lines(const lf_out *o, const char *path)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return QP_EINVAL;
    make_parents(path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return QP_EIO;
    for (size_t i = 0; i < o->n; i++)
        if (i == 0 || strcmp(o->lines[i], o->lines[i - 1]) != 0)
            fprintf(f, "%s\n", o->lines[i]);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        remove(tmp);
        return QP_EIO;
    }
    return 0;
}

/* Reads the distinct (lemma, pos) pairs of the non-light entries and of the light verbs. */
static int read_lemmas(const char *path, lf_lemma **out, size_t *nout)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        fprintf(stderr, "lexforms: %s:%d: %s\n", path, err.line, err.text);
        return QP_EJSON;
    }
    int r = 0;
    lf_lemma *v = NULL;
    size_t n = 0;
    json_t *acts = json_object_get(root, "actions");
    if (!json_is_array(acts)) {
        r = QP_ELEXICON;
        goto cleanup;
    }
    v = calloc(json_array_size(acts) + 1, sizeof *v);
    if (!v) {
        r = QP_ENOMEM;
        goto cleanup;
    }
    size_t i;
    json_t *e;
    json_array_foreach(acts, i, e) {
        const char *lemma = json_string_value(json_object_get(e, "lemma"));
        const char *pos = json_string_value(json_object_get(e, "pos"));
        if (!lemma || !pos || (strcmp(pos, "verb") && strcmp(pos, "noun"))) {
            fprintf(stderr, "lexforms: %s: entry %zu lacks lemma or pos\n", path, i);
            r = QP_ELEXICON;
            goto cleanup;
        }
        int is_verb = strcmp(pos, "verb") == 0;
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++)
            seen = v[k].is_verb == is_verb && strcmp(v[k].text, lemma) == 0;
        if (seen)
            continue;
        if (!(v[n].text = strdup(lemma))) {
            r = QP_ENOMEM;
            goto cleanup;
        }
        v[n++].is_verb = is_verb;
    }
cleanup:
    json_decref(root);
    if (r) {
        for (size_t k = 0; k < n; k++)
            free(v[k].text);
        free(v);
        return r;
    }
    *out = v;
    *nout = n;
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: lexforms --lang fr|en --actions FILE [--dict DIR] --out FILE "
                    "[--out FILE]\n");
}

int main(int argc, char **argv)
{
    const char *lang = NULL, *actions = NULL, *dict = NULL, *outs[4];
    int nouts = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            usage();
            return 2;
        }
        if (!strcmp(a, "--lang"))
            lang = v;
        else if (!strcmp(a, "--actions"))
            actions = v;
        else if (!strcmp(a, "--dict"))
            dict = v;
        else if (!strcmp(a, "--out") && nouts < 4)
            outs[nouts++] = v;
        else {
            usage();
            return 2;
        }
        i++;
    }
    if (!lang || !actions || nouts == 0 || (strcmp(lang, "fr") && strcmp(lang, "en"))) {
        usage();
        return 2;
    }
    int fr = strcmp(lang, "fr") == 0;
    if (!dict)
        dict = fr ? "/usr/share/hunspell" : "/usr/share/wordnet";

    lf_lemma *lemmas = NULL;
    size_t n = 0;
    lf_out o = {0};
    int r = read_lemmas(actions, &lemmas, &n);
    if (r)
        goto cleanup;
    r = fr ? lf_french(lemmas, n, dict, &o) : lf_english(lemmas, n, dict, &o);
    if (r)
        goto cleanup;
    if ((r = fold_lines(&o)) != 0)
        goto cleanup;
    qsort(o.lines, o.n, sizeof *o.lines, cmp_str);
    for (int k = 0; k < nouts && r == 0; k++)
        r = write_lines(&o, outs[k]);
    size_t uniq = 0;
    for (size_t i = 0; i < o.n; i++)
        uniq += i == 0 || strcmp(o.lines[i], o.lines[i - 1]) != 0;
    if (r == 0)
        fprintf(stderr, "lexforms: %s: %zu lemmas, %zu lines, %zu lemmas by fallback rules\n",
                lang, n, uniq, o.missing);
cleanup:
    if (r)
        fprintf(stderr, "lexforms: %s: %s\n", lang, qp_strerror(r));
    for (size_t k = 0; k < n; k++)
        free(lemmas[k].text);
    free(lemmas);
    out_destroy(&o);
    return r ? 1 : 0;
}
