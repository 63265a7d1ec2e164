/* classes.c — word classes loaded from lexicon/<lang>/classes.json into one hashed table. */
#include "classes.h"
#include "buf.h"
#include "fold.h"
#include "qp.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct qp_class_slot {
    char *key;        /* folded; NULL: empty */
    uint32_t hash;
    uint32_t bits;
    const char *kind; /* group nouns: the kind of actor (a static string of the table below) */
    char *author;     /* document nouns: the actor id of their default author, owned */
};

static uint32_t hash_of(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static qp_class_slot *find_slot(const qp_word_classes *wc, const char *key, size_t n, uint32_t h)
{
    for (size_t i = h & wc->mask;; i = (i + 1) & wc->mask) {
        qp_class_slot *s = &wc->slots[i];
        if (!s->key || (s->hash == h && !strncmp(s->key, key, n) && !s->key[n]))
            return s;
    }
}

static int grow(qp_word_classes *wc)
{
    size_t cap = wc->mask ? (wc->mask + 1) * 2 : 256;
    qp_class_slot *old = wc->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return QP_ENOMEM;
    size_t oldcap = wc->mask ? wc->mask + 1 : 0;
    wc->slots = slots;
    wc->mask = cap - 1;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *find_slot(wc, old[i].key, strlen(old[i].key), old[i].hash) = old[i];
    free(old);
    return 0;
}

/* Adds bits (and kind) to the folded form of word. 0, QP_ELEXICON (not UTF-8, nothing left
 * after folding) or QP_ENOMEM. */
static int add(qp_word_classes *wc, const char *word, uint32_t bits, const char *kind)
{
    qp_buf f;
    qp_buf_init(&f);
    int r = qp_fold(word, strlen(word), &f);
    if (!r && !f.len)
        r = QP_ELEXICON;
    if (!r && (wc->n + 1) * 2 > (wc->mask ? wc->mask + 1 : 0))
        r = grow(wc);
    if (r) {
        qp_buf_destroy(&f);
        return r;
    }
    uint32_t h = hash_of(f.data, f.len);
    qp_class_slot *s = find_slot(wc, f.data, f.len, h);
    if (!s->key) {
        s->key = qp_buf_detach(&f);
        s->hash = h;
        wc->n++;
    } else {
        qp_buf_destroy(&f);
    }
    s->bits |= bits;
    if (kind)
        s->kind = kind;
    return 0;
}

static const struct {
    const char *name;
    uint32_t bits;
} lists[] = {
    {"speech", QP_WC_SPEECH},         {"intent", QP_WC_INTENT},           {"implicative", QP_WC_IMPLICATIVE},
    {"aspect_go", QP_WC_ASPECT_GO},   {"aspect_stop", QP_WC_ASPECT_STOP}, {"deny", QP_WC_DENY},
    {"negation", QP_WC_NEGATION},     {"modal", QP_WC_MODAL},             {"source", QP_WC_SOURCE},
    {"purpose", QP_WC_PURPOSE},       {"destination", QP_WC_DESTINATION}, {"symmetric", QP_WC_SYMMETRIC},
    {"death", QP_WC_DEATH},           {"place_nouns", QP_WC_PLACE_NOUN},  {"relative_pronouns", QP_WC_RELATIVE},
    {"populated", QP_WC_POPULATED},   {"support_verbs", QP_WC_SUPPORT_VERB}, {"fronting", QP_WC_FRONTING},
    {"expressing", QP_WC_EXPRESSING}, {"distance_units", QP_WC_DISTANCE},
    {"target_nouns", QP_WC_TARGET_NOUN}, {"accompaniment", QP_WC_WITH},
    {"in_support", QP_WC_IN_SUPPORT}, {"obligation", QP_WC_OBLIGATION},
    {"holding", QP_WC_HOLDING},
};

/* The kinds group nouns may name, as the store and the exports spell them. */
static const char *const kinds[] = {"state", "government", "military", "armed group", "coalition", "igo", "ngo"};

static const struct {
    const char *name;
    uint32_t bits;
} numbers[] = {{"sg", QP_WC_PRONOUN_SG}, {"pl", QP_WC_PRONOUN_PL}, {"speaker", QP_WC_SPEAKER}};

int qp_classes_load(qp_word_classes *wc, const char *path, char *err, size_t errlen)
{
    qp_classes_destroy(wc);
    return qp_classes_merge(wc, path, err, errlen);
}

int qp_classes_merge(qp_word_classes *wc, const char *path, char *err, size_t errlen)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
        return je.line > 0 ? QP_ELEXICON : QP_EIO;
    }
    int r = 0;
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        if (key[0] == '_')
            continue; /* comments */
        uint32_t bits = 0;
        for (size_t i = 0; i < QP_ARRAY_LEN(lists); i++)
            if (!strcmp(key, lists[i].name))
                bits = lists[i].bits;
        if (bits && json_is_array(val)) {
            size_t k;
            json_t *w;
            json_array_foreach(val, k, w) {
                if (!json_is_string(w)) {
                    snprintf(err, errlen, "%s: class \"%s\", item %zu: not a string", path, key, k + 1);
                    r = QP_ELEXICON;
                } else if ((r = add(wc, json_string_value(w), bits, NULL)) == QP_ELEXICON) {
                    snprintf(err, errlen, "%s: class \"%s\": \"%s\" is no word", path, key, json_string_value(w));
                }
                if (r)
                    goto done;
            }
            continue;
        }
        int groups = !strcmp(key, "group_nouns"), pronouns = !strcmp(key, "pronouns");
        if (!strcmp(key, "documents") && json_is_object(val)) {
            /* "résolution": "UN": the noun and its author when none is named (null: none) */
            const char *word;
            json_t *who;
            json_object_foreach(val, word, who) {
                if (!json_is_string(who) && !json_is_null(who)) {
                    snprintf(err, errlen, "%s: class \"documents\", \"%s\": the author is an actor id or null", path,
                             word);
                    r = QP_ELEXICON;
                    goto done;
                }
                if ((r = add(wc, word, QP_WC_DOCUMENT, NULL))) {
                    if (r == QP_ELEXICON)
                        snprintf(err, errlen, "%s: class \"documents\": \"%s\" is no word", path, word);
                    goto done;
                }
                if (json_is_string(who)) {
                    qp_buf f;
                    qp_buf_init(&f);
                    qp_fold(word, strlen(word), &f);
                    qp_class_slot *s = find_slot(wc, f.data ? f.data : "", f.len, hash_of(f.data ? f.data : "", f.len));
                    qp_buf_destroy(&f);
                    free(s->author);
                    if (!(s->author = strdup(json_string_value(who)))) {
                        r = QP_ENOMEM;
                        goto done;
                    }
                }
            }
            continue;
        }
        if (!(groups || pronouns) || !json_is_object(val)) {
            snprintf(err, errlen, "%s: unknown class \"%s\" (or of the wrong shape)", path, key);
            r = QP_ELEXICON;
            goto done;
        }
        const char *word;
        json_t *what;
        json_object_foreach(val, word, what) {
            const char *v = json_string_value(what), *kind = NULL;
            uint32_t b = 0;
            for (size_t i = 0; v && groups && i < QP_ARRAY_LEN(kinds); i++)
                if (!strcmp(v, kinds[i]))
                    kind = kinds[i], b = QP_WC_GROUP_NOUN;
            for (size_t i = 0; v && pronouns && i < QP_ARRAY_LEN(numbers); i++)
                if (!strcmp(v, numbers[i].name))
                    b = numbers[i].bits;
            if (!b) {
                snprintf(err, errlen, "%s: class \"%s\", \"%s\": \"%s\" is not one of its values", path, key, word,
                         v ? v : "(not a string)");
                r = QP_ELEXICON;
                goto done;
            }
            if ((r = add(wc, word, b, kind))) {
                if (r == QP_ELEXICON)
                    snprintf(err, errlen, "%s: class \"%s\": \"%s\" is no word", path, key, word);
                goto done;
            }
        }
    }
done:
    json_decref(root);
    if (r == QP_ENOMEM)
        snprintf(err, errlen, "%s: %s", path, qp_strerror(r));
    return r;
}

void qp_classes_destroy(qp_word_classes *wc)
{
    for (size_t i = 0; wc->slots && i <= wc->mask; i++) {
        free(wc->slots[i].key);
        free(wc->slots[i].author);
    }
    free(wc->slots);
    memset(wc, 0, sizeof *wc);
}

uint32_t qp_classes_of(const qp_word_classes *wc, const char *folded, size_t len)
{
    if (!wc->n)
        return 0;
    const qp_class_slot *s = find_slot(wc, folded, len, hash_of(folded, len));
    return s->key ? s->bits : 0;
}

const char *qp_classes_group_kind(const qp_word_classes *wc, const char *folded, size_t len)
{
    if (!wc->n)
        return NULL;
    const qp_class_slot *s = find_slot(wc, folded, len, hash_of(folded, len));
    return s->key ? s->kind : NULL;
}

const char *qp_classes_author(const qp_word_classes *wc, const char *folded, size_t len)
{
    if (!wc->n)
        return NULL;
    const qp_class_slot *s = find_slot(wc, folded, len, hash_of(folded, len));
    return s->key ? s->author : NULL;
}
