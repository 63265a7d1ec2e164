/* overlay.c — merging a user's folder of lexicon files over the built-in ones, as JSON. */
#include "overlay.h"
#include "buf.h"
#include "fold.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int qp_overlay_path(const char *dir, const char *rel, char *out, size_t cap)
{
    const char *sub = !strncmp(rel, "lexicon/", 8) ? rel + 8 : rel;
    int n = snprintf(out, cap, "%s/%s", dir, sub);
    return n < 0 || (size_t)n >= cap ? QP_ETOOBIG : 0;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

char *qp_overlay_action_key(json_t *entry)
{
    const char *lemma = jstr(entry, "lemma"), *pos = jstr(entry, "pos");
    if (!lemma)
        return NULL;
    qp_buf b;
    qp_buf_init(&b);
    if (qp_fold(lemma, strlen(lemma), &b) || qp_buf_putc(&b, '\t') || qp_buf_puts(&b, pos ? pos : "verb")) {
        qp_buf_destroy(&b);
        return NULL;
    }
    return qp_buf_detach(&b);
}

/* Appends the items of src to the array dst. 0 or QP_ENOMEM. */
static int extend(json_t *dst, json_t *src)
{
    return json_array_extend(dst, src) ? QP_ENOMEM : 0;
}

/* Fields of o from p: arrays named in lists are extended, the other fields replaced. */
static int merge_fields(json_t *o, json_t *p, const char *const *lists)
{
    const char *k;
    json_t *v;
    json_object_foreach(p, k, v) {
        int is_list = 0;
        for (size_t i = 0; lists && lists[i]; i++)
            is_list |= !strcmp(k, lists[i]);
        json_t *old = json_object_get(o, k);
        if (is_list && json_is_array(old) && json_is_array(v)) {
            if (extend(old, v))
                return QP_ENOMEM;
        } else if (json_object_set(o, k, v)) {
            return QP_ENOMEM;
        }
    }
    return 0;
}

/* {"KEY": [entries with idkey]}: an entry of ov is merged field by field into the one of root
 * with the same id (the arrays named in lists extended, other fields replaced); the others are
 * appended. */
static int merge_by_id(json_t *root, json_t *ov, const char *arrkey, const char *idkey, const char *const *lists,
                       int origin)
{
    json_t *arr = json_object_get(root, arrkey), *oarr = json_object_get(ov, arrkey);
    if (!json_is_array(arr)) {
        arr = json_array();
        if (!arr || json_object_set_new(root, arrkey, arr))
            return QP_ENOMEM;
    }
    json_t *at = json_object(); /* id → index in arr */
    if (!at)
        return QP_ENOMEM;
    int r = 0;
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *id = jstr(e, idkey);
        if (id && json_object_set_new(at, id, json_integer((json_int_t)i)))
            r = QP_ENOMEM;
    }
    json_array_foreach(oarr, i, e) {
        const char *id = jstr(e, idkey);
        if (r || !id || !json_is_object(e))
            continue;
        if (json_object_set_new(e, "_origin", json_integer(origin))) {
            r = QP_ENOMEM;
            break;
        }
        json_t *k = json_object_get(at, id);
        if (k) {
            r = merge_fields(json_array_get(arr, (size_t)json_integer_value(k)), e, lists);
        } else if (json_array_append(arr, e) ||
                   json_object_set_new(at, id, json_integer((json_int_t)json_array_size(arr) - 1))) {
            r = QP_ENOMEM;
        }
    }
    json_decref(at);
    return r;
}

/* {"ID": [...]} or {"ISO3": {"names": [...]}}: lists extended, the rest set. */
static int merge_object(json_t *root, json_t *ov)
{
    static const char *const lists[] = {"names", "demonyms", "capitals", NULL};
    const char *k;
    json_t *v;
    json_object_foreach(ov, k, v) {
        json_t *old = json_object_get(root, k);
        int r = 0;
        if (json_is_array(old) && json_is_array(v))
            r = extend(old, v);
        else if (json_is_object(old) && json_is_object(v))
            r = merge_fields(old, v, lists);
        else
            r = json_object_set(root, k, v) ? QP_ENOMEM : 0;
        if (r)
            return r;
    }
    return 0;
}

/* {"actions": [...]}: the overlay's (lemma, pos) pairs replace every built-in entry of theirs. */
static int merge_actions(json_t *root, json_t *ov, int origin)
{
    json_t *arr = json_object_get(root, "actions"), *oarr = json_object_get(ov, "actions");
    json_t *keys = json_object(), *out = json_array();
    int r = keys && out ? 0 : QP_ENOMEM;
    size_t i;
    json_t *e;
    json_array_foreach(oarr, i, e) {
        char *k = r ? NULL : qp_overlay_action_key(e);
        if (k && json_object_set_new(keys, k, json_true()))
            r = QP_ENOMEM;
        free(k);
    }
    json_array_foreach(arr, i, e) {
        char *k = r ? NULL : qp_overlay_action_key(e);
        if (!r && !(k && json_object_get(keys, k)) && json_array_append(out, e))
            r = QP_ENOMEM;
        free(k);
    }
    json_array_foreach(oarr, i, e) {
        if (!r && json_is_object(e) &&
            (json_object_set_new(e, "_origin", json_integer(origin)) || json_array_append(out, e)))
            r = QP_ENOMEM;
    }
    if (!r && json_object_set(root, "actions", out))
        r = QP_ENOMEM;
    json_decref(keys);
    json_decref(out);
    return r;
}

/* The shape an overlay file must have to be merged; NULL when right, else what is wrong. */
static const char *bad_shape(json_t *ov, qp_overlay_kind kind)
{
    static const char *const arrays[] = {[QP_OV_ACTORS] = "actors", [QP_OV_COUNTRIES] = "countries",
                                         [QP_OV_AGENTS] = "agents", [QP_OV_ACTIONS] = "actions"};
    if (!json_is_object(ov))
        return "the file is not a JSON object";
    if (kind == QP_OV_ALIASES || kind == QP_OV_CWORDS) {
        const char *k;
        json_t *v;
        json_object_foreach(ov, k, v) {
            if (k[0] == '_')
                continue;
            if (kind == QP_OV_ALIASES && !json_is_array(v))
                return "an actor's aliases are not a list";
            if (kind == QP_OV_CWORDS && !json_is_object(v))
                return "a country's words are not an object";
        }
        return NULL;
    }
    json_t *a = json_object_get(ov, arrays[kind]);
    if (a && !json_is_array(a))
        return kind == QP_OV_ACTORS ? "\"actors\" is not a list"
               : kind == QP_OV_COUNTRIES ? "\"countries\" is not a list"
               : kind == QP_OV_AGENTS ? "\"agents\" is not a list"
                                      : "\"actions\" is not a list";
    return NULL;
}

int qp_overlay_merge(json_t **root, const char *rel, qp_overlay_kind kind, char *const *dirs, size_t n, char *err,
                     size_t errlen)
{
    for (size_t d = 0; d < n; d++) {
        char path[4096];
        if (qp_overlay_path(dirs[d], rel, path, sizeof path)) {
            snprintf(err, errlen, "%s/...: path too long", dirs[d]);
            return QP_ELEXICON;
        }
        if (access(path, F_OK) != 0)
            continue;
        json_error_t je;
        json_t *ov = json_load_file(path, 0, &je);
        if (!ov) {
            snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
            return QP_ELEXICON;
        }
        const char *bad = bad_shape(ov, kind);
        if (bad) {
            snprintf(err, errlen, "%s: %s (`quipu lexicon check %s` says more)", path, bad, dirs[d]);
            json_decref(ov);
            return QP_ELEXICON;
        }
        if (!*root && !(*root = json_object())) {
            json_decref(ov);
            return QP_ENOMEM;
        }
        static const char *const phrases[] = {"phrases", "patterns", NULL};
        int origin = (int)d + 1, r;
        switch (kind) {
        case QP_OV_ACTORS:
            r = merge_by_id(*root, ov, "actors", "id", NULL, origin);
            break;
        case QP_OV_COUNTRIES:
            r = merge_by_id(*root, ov, "countries", "iso3", NULL, origin);
            break;
        case QP_OV_AGENTS:
            r = merge_by_id(*root, ov, "agents", "code", phrases, origin);
            break;
        case QP_OV_ACTIONS:
            r = merge_actions(*root, ov, origin);
            break;
        default:
            r = merge_object(*root, ov);
            break;
        }
        json_decref(ov);
        if (r)
            return r;
    }
    return 0;
}
