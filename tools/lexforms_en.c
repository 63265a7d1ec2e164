/* lexforms_en.c — English inflection: WordNet's exception lists first, regular rules after.
 *
 * verb.exc lists the irregular forms and, usefully, every doubled consonant WordNet knows
 * ("stopped stop", "committed commit"), so the regular rules only double the final
 * consonant of a one-syllable verb that is missing there. verb.exc does not say whether a
 * form is a past or a participle: a form in -en/-n beside another past ("taken"/"took") is the
 * participle, every other irregular form is taken as both ("struck", "fought", "led"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexforms.h"
#include "qp.h"

typedef struct exc {
    char *form, *lemma;
} exc;

typedef struct exc_list {
    exc *v;
    size_t n;
} exc_list;

/* Verbs whose past and participle are the base itself (not in WordNet: morphy needs none). */
static const char *const unchanged[] = {
    "hit", "cut", "put", "set", "spread", "shut", "cast", "let", "hurt", "burst", "bet", "cost",
    "quit", "shed", "split", "thrust", "upset", "bid", "broadcast", "forecast", "rid", "beat",
    "read", "reset", "offset", "outbid", "undercut", "recast",
};

static int load_exc(const char *path, exc_list *l)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return QP_EIO;
    char line[512];
    size_t cap = 0;
    int r = 0;
    while (fgets(line, sizeof line, f)) {
        char form[256], lemma[256];
        if (sscanf(line, "%255s %255s", form, lemma) != 2)
            continue;
        if (l->n == cap) {
            cap = cap ? cap * 2 : 2048;
            exc *v = realloc(l->v, cap * sizeof *v);
            if (!v) {
                r = QP_ENOMEM;
                break;
            }
            l->v = v;
        }
        l->v[l->n].form = strdup(form);
        l->v[l->n].lemma = strdup(lemma);
        if (!l->v[l->n].form || !l->v[l->n].lemma) {
            free(l->v[l->n].form);
            free(l->v[l->n].lemma);
            r = QP_ENOMEM;
            break;
        }
        l->n++;
    }
    fclose(f);
    return r;
}

static void exc_destroy(exc_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].form);
        free(l->v[i].lemma);
    }
    free(l->v);
}

static int ends(const char *w, const char *suf)
{
    size_t a = strlen(w), b = strlen(suf);
    return a >= b && strcmp(w + a - b, suf) == 0;
}

static int vowel(char c)
{
    return strchr("aeiou", c) != NULL;
}

/* One vowel group and consonant-vowel-consonant at the end (not w, x, y): "stop", "ban". */
static int doubles(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || !vowel(w[n - 2]) || vowel(w[n - 1]) || vowel(w[n - 3]) ||
        strchr("wxy", w[n - 1]))
        return 0;
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        groups += vowel(w[i]) && (i == 0 || !vowel(w[i - 1]));
    return groups == 1;
}

/* "attack" → "attacks", "push" → "pushes", "carry" → "carries". */
static void add_s(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "s") || ends(w, "x") || ends(w, "z") || ends(w, "ch") || ends(w, "sh") ||
        (n >= 2 && w[n - 1] == 'o' && !vowel(w[n - 2])))
        snprintf(out, cap, "%ses", w);
    else if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else
        snprintf(out, cap, "%ss", w);
}

static void add_ed(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "e"))
        snprintf(out, cap, "%sd", w);
    else if (n >= 2 && w[n - 1] == 'y' && !vowel(w[n - 2]))
        snprintf(out, cap, "%.*sied", (int)(n - 1), w);
    else if (doubles(w))
        snprintf(out, cap, "%s%ced", w, w[n - 1]);
    else
        snprintf(out, cap, "%sed", w);
}

static void add_ing(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (ends(w, "ie"))
        snprintf(out, cap, "%.*sying", (int)(n - 2), w);
    else if (ends(w, "e") && !ends(w, "ee") && !ends(w, "ye") && !ends(w, "oe") && n > 2)
        snprintf(out, cap, "%.*sing", (int)(n - 1), w);
    else if (doubles(w))
        snprintf(out, cap, "%s%cing", w, w[n - 1]);
    else
        snprintf(out, cap, "%sing", w);
}

static int verb_forms(const exc_list *vx, const lf_lemma *lm, lf_out *o)
{
    char word[128], buf[160];
    size_t wl = strcspn(lm->text, " ");
    if (wl >= sizeof word)
        return QP_EINVAL;
    memcpy(word, lm->text, wl);
    word[wl] = '\0';
    const char *rest = lm->text[wl] ? lm->text + wl + 1 : NULL;
    const char *L = lm->text;
    int r = 0;
#define ADD(f, tag) do { if ((r = lf_out_add_rest(o, (f), rest, L, (tag))) != 0) return r; } while (0)
    if (!strcmp(word, "be")) { /* the one verb whose forms verb.exc cannot order */
        static const char *const be[][2] = {
            {"be", "inf"}, {"am", "pres"}, {"is", "pres"}, {"are", "pres"}, {"was", "past"},
            {"were", "past"}, {"been", "ppas"}, {"being", "ppre"}, {"be", "subj"},
        };
        for (size_t i = 0; i < QP_ARRAY_LEN(be); i++)
            ADD(be[i][0], be[i][1]);
        return 0;
    }
    ADD(word, "inf");
    ADD(word, "pres");
    add_s(word, buf, sizeof buf);
    ADD(buf, "pres");

    int same = 0;
    for (size_t i = 0; i < QP_ARRAY_LEN(unchanged); i++)
        same |= strcmp(word, unchanged[i]) == 0;
    int has_past = 0, has_ing = 0, has_en = 0, has_other = same;
    for (size_t i = 0; i < vx->n; i++) {
        if (strcmp(vx->v[i].lemma, word) != 0)
            continue;
        const char *f = vx->v[i].form;
        if (ends(f, "ing"))
            has_ing = 1;
        else if (!ends(f, "s") || ends(f, "ss")) {
            has_past = 1;
            if (ends(f, "n") && !ends(f, "ed"))
                has_en = 1;
            else
                has_other = 1;
        }
    }
    for (size_t i = 0; i < vx->n; i++) {
        if (strcmp(vx->v[i].lemma, word) != 0)
            continue;
        const char *f = vx->v[i].form;
        if (ends(f, "ing")) {
            ADD(f, "ppre");
        } else if (ends(f, "s") && !ends(f, "ss")) {
            ADD(f, "pres");
        } else if (ends(f, "n") && !ends(f, "ed") && has_other) {
            ADD(f, "ppas");
        } else if ((has_en || ends(word, "run") || ends(word, "come")) && !ends(f, "ed") &&
                   (!ends(f, "n") || ends(word, "run"))) {
            ADD(f, "past");
        } else {
            ADD(f, "past");
            ADD(f, "ppas");
        }
    }
    /* "run", "come" and their compounds: verb.exc gives "overran" but the participle is
     * the base ("was overrun") */
    if (ends(word, "run") || ends(word, "come")) {
        ADD(word, "ppas");
        has_en = 1;
    }
    if (same) {
        ADD(word, "past");
        if (!has_en)
            ADD(word, "ppas");
    } else if (!has_past) {
        add_ed(word, buf, sizeof buf);
        ADD(buf, "past");
        ADD(buf, "ppas");
    }
    if (!has_ing) {
        add_ing(word, buf, sizeof buf);
        ADD(buf, "ppre");
    }
#undef ADD
    return 0;
}

static int is_preposition(const char *w)
{
    static const char *const p[] = {"of", "for", "against", "on", "in", "to", "with", "from",
                                    "by", "at", "over"};
    for (size_t i = 0; i < QP_ARRAY_LEN(p); i++)
        if (!strcmp(w, p[i]))
            return 1;
    return 0;
}

/* Nouns inflect their head: the last word, or the word before the first preposition
 * ("air strikes", "shows of force"). */
static int noun_forms(const exc_list *nx, const lf_lemma *lm, lf_out *o)
{
    int r = lf_out_add(o, lm->text, lm->text, "noun_sg");
    if (r)
        return r;
    char copy[256];
    snprintf(copy, sizeof copy, "%s", lm->text);
    char *words[32];
    int n = 0;
    char *sv;
    for (char *w = strtok_r(copy, " ", &sv); w && n < 32; w = strtok_r(NULL, " ", &sv))
        words[n++] = w;
    if (n == 0)
        return QP_EINVAL;
    int head = n - 1;
    for (int i = 1; i < n; i++)
        if (is_preposition(words[i])) {
            head = i - 1;
            break;
        }
    char pl[160];
    int irregular = 0;
    for (size_t i = 0; i < nx->n && !irregular; i++)
        if (!strcmp(nx->v[i].lemma, words[head]) && strcmp(nx->v[i].form, words[head])) {
            snprintf(pl, sizeof pl, "%s", nx->v[i].form);
            irregular = 1;
        }
    /* "talks", "congratulations": a lemma already plural stays as it is */
    const char *h = words[head];
    int plural_only = ends(h, "s") && !ends(h, "ss") && !ends(h, "us") && !ends(h, "is");
    if (!irregular && plural_only)
        snprintf(pl, sizeof pl, "%s", h);
    else if (!irregular)
        add_s(h, pl, sizeof pl);
    qp_buf b;
    qp_buf_init(&b);
    for (int i = 0; i < n && r == 0; i++)
        if ((i > 0 && qp_buf_putc(&b, ' ')) || qp_buf_puts(&b, i == head ? pl : words[i]))
            r = QP_ENOMEM;
    if (r == 0)
        r = lf_out_add(o, b.data, lm->text, "noun_pl");
    qp_buf_destroy(&b);
    return r;
}

int lf_english(const lf_lemma *lemmas, size_t n, const char *dir, lf_out *o)
{
    exc_list vx = {0}, nx = {0};
    char path[4096];
    snprintf(path, sizeof path, "%s/verb.exc", dir);
    int r = load_exc(path, &vx);
    if (r == 0) {
        snprintf(path, sizeof path, "%s/noun.exc", dir);
        r = load_exc(path, &nx);
    }
    for (size_t i = 0; i < n && r == 0; i++)
        r = lemmas[i].is_verb ? verb_forms(&vx, &lemmas[i], o) : noun_forms(&nx, &lemmas[i], o);
    exc_destroy(&vx);
    exc_destroy(&nx);
    return r;
}
