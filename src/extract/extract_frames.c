/* extract_frames.c — frames.json compiled: each role of a frame an ordered list of dependency
 * patterns ("obl[contre|@preps]"), matched on a trigger's children. */
#include "extract_frames.h"
#include "extract_parse.h"
#include "buf.h"
#include "fold.h"
#include "qp.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const role_names[XFR_ROLES] = {"actor", "recipient", "place", "agent", "sides", "unless"};

static char *fold_dup(const char *s)
{
    qp_buf b;
    qp_buf_init(&b);
    if (qp_fold(s, strlen(s), &b)) {
        qp_buf_destroy(&b);
        return NULL;
    }
    return qp_buf_detach(&b);
}

/* "obl[contre|@preps]" into pt. 0, QP_ELEXICON (what is wrong in why) or QP_ENOMEM. */
static int compile(const char *text, xfr_pattern *pt, const char **why)
{
    memset(pt, 0, sizeof *pt);
    const char *open = strchr(text, '[');
    size_t rl = open ? (size_t)(open - text) : strlen(text);
    int rel = qp_deprel_parse(text, rl);
    if (rel < 0) {
        *why = "unknown relation";
        return QP_ELEXICON;
    }
    pt->rel = (uint8_t)rel;
    pt->exact = memchr(text, ':', rl) != NULL;
    if (!open)
        return 0;
    const char *close = strchr(open, ']');
    if (!close || close[1]) {
        *why = "a '[' without its ']' at the end";
        return QP_ELEXICON;
    }
    for (const char *p = open + 1; p < close;) {
        size_t n = strcspn(p, "|]");
        if (n == 0) {
            *why = "an empty case word";
            return QP_ELEXICON;
        }
        if (n == 6 && !strncmp(p, "@preps", 6)) {
            pt->entry_preps = 1;
        } else if (n == 12 && !strncmp(p, "@place_preps", 12)) {
            pt->place_preps = 1;
        } else if (n == 1 && *p == '-') {
            pt->no_case = 1;
        } else {
            char word[128];
            snprintf(word, sizeof word, "%.*s", (int)n, p);
            char *f = fold_dup(word);
            char **c = realloc(pt->cases, (pt->n_cases + 1) * sizeof *c);
            if (!f || !c) {
                free(f);
                if (c)
                    pt->cases = c;
                return QP_ENOMEM;
            }
            pt->cases = c;
            pt->cases[pt->n_cases++] = f;
        }
        p += n;
        if (*p == '|')
            p++;
    }
    return 0;
}

static void pattern_free(xfr_pattern *pt)
{
    for (size_t k = 0; k < pt->n_cases; k++)
        free(pt->cases[k]);
    free(pt->cases);
}

int xfr_load(xfr_frames *fs, const char *path, char *err, size_t errlen)
{
    memset(fs, 0, sizeof *fs);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
        return je.line > 0 ? QP_ELEXICON : QP_EIO;
    }
    json_t *frames = json_object_get(root, "frames");
    int r = 0;
    if (!json_is_object(frames)) {
        snprintf(err, errlen, "%s: no \"frames\" object", path);
        r = QP_ELEXICON;
        goto done;
    }
    fs->f = calloc(json_object_size(frames) + 1, sizeof *fs->f);
    if (!fs->f) {
        r = QP_ENOMEM;
        goto done;
    }
    const char *name;
    json_t *frame;
    json_object_foreach(frames, name, frame) {
        xfr_frame *f = &fs->f[fs->n++];
        if (!(f->name = strdup(name))) {
            r = QP_ENOMEM;
            goto done;
        }
        const char *role;
        json_t *pats;
        json_object_foreach(frame, role, pats) {
            if (!strcmp(role, "need")) {
                size_t k;
                json_t *rn;
                json_array_foreach(pats, k, rn) {
                    int found = -1;
                    for (int q = 0; q < XFR_ROLES; q++)
                        if (json_is_string(rn) && !strcmp(json_string_value(rn), role_names[q]))
                            found = q;
                    if (found < 0) {
                        snprintf(err, errlen, "%s: frame \"%s\": \"need\" lists no role at item %zu", path, name, k + 1);
                        r = QP_ELEXICON;
                        goto done;
                    }
                    f->need |= 1u << found;
                }
                continue;
            }
            int ri = -1;
            for (int k = 0; k < XFR_ROLES; k++)
                if (!strcmp(role, role_names[k]))
                    ri = k;
            if (ri < 0 || !json_is_array(pats)) {
                snprintf(err, errlen, "%s: frame \"%s\": \"%s\" is not a role (actor, recipient, place, agent, sides) "
                                      "with a list of patterns", path, name, role);
                r = QP_ELEXICON;
                goto done;
            }
            f->role[ri] = calloc(json_array_size(pats) + 1, sizeof *f->role[ri]);
            if (!f->role[ri]) {
                r = QP_ENOMEM;
                goto done;
            }
            size_t k;
            json_t *pat;
            json_array_foreach(pats, k, pat) {
                const char *why = "not a string";
                if (!json_is_string(pat) || (r = compile(json_string_value(pat), &f->role[ri][k], &why))) {
                    f->n[ri] = k + 1; /* the pattern being compiled is freed with the others */
                    if (r != QP_ENOMEM) {
                        snprintf(err, errlen, "%s: frame \"%s\", role \"%s\", pattern %zu (%s): %s", path, name, role,
                                 k + 1, json_is_string(pat) ? json_string_value(pat) : "?", why);
                        r = QP_ELEXICON;
                    }
                    goto done;
                }
            }
            f->n[ri] = json_array_size(pats);
        }
    }
done:
    json_decref(root);
    if (r)
        xfr_destroy(fs);
    if (r == QP_ENOMEM)
        snprintf(err, errlen, "%s: %s", path, qp_strerror(r));
    return r;
}

void xfr_destroy(xfr_frames *fs)
{
    for (size_t i = 0; fs->f && i < fs->n; i++) {
        for (int r = 0; r < XFR_ROLES; r++) {
            for (size_t k = 0; k < fs->f[i].n[r]; k++)
                pattern_free(&fs->f[i].role[r][k]);
            free(fs->f[i].role[r]);
        }
        free(fs->f[i].name);
    }
    free(fs->f);
    memset(fs, 0, sizeof *fs);
}

static const xfr_frame *by_name(const xfr_frames *fs, const char *name)
{
    for (size_t i = 0; i < fs->n; i++)
        if (!strcmp(fs->f[i].name, name))
            return &fs->f[i];
    return NULL;
}

const xfr_frame *xfr_of(const xfr_frames *fs, const qp_lex_action *act)
{
    if (act->frame)
        return by_name(fs, act->frame);
    if (act->pos && !strcmp(act->pos, "noun")) {
        /* a noun whose "de"/"of" introduces its recipient ("la mort de", "the siege of")
         * tells its doer otherwise */
        for (size_t k = 0; k < act->n_preps; k++)
            if (act->preps[k] && (!strcmp(act->preps[k], "de") || !strcmp(act->preps[k], "of"))) {
                const xfr_frame *f = by_name(fs, "noun_patient");
                if (f)
                    return f;
            }
        return by_name(fs, "noun");
    }
    if (act->object && !strcmp(act->object, "place"))
        return by_name(fs, "verb_place");
    if (act->object && !strcmp(act->object, "none"))
        return by_name(fs, "verb_none");
    return by_name(fs, "verb");
}

/* Whether case word c is w, or w elided ("d'une base" is "de": folding leaves "d"). */
static int same_case(const char *c, const char *w)
{
    size_t n = strlen(c);
    return !strcmp(c, w) || (n && n + 1 == strlen(w) && !strncmp(c, w, n) && w[n] == 'e');
}

/* Whether the folded case word c is one of the entry's prepositions (folded too). */
static int entry_prep(const qp_lex_action *act, const char *c)
{
    for (size_t k = 0; k < act->n_preps; k++)
        if (act->preps[k] && same_case(c, act->preps[k]))
            return 1;
    return 0;
}

/* The preposition a multiword lemma ends with ("s'emparer de", "tirer sur", "call on", "take
 * control of"), folded into out; "" when it ends otherwise. Its complement is the lemma's object. */
static const char *lemma_prep(const qp_lex_action *act, char *out, size_t cap)
{
    static const char *const preps[] = {"de", "d", "a", "sur", "contre", "avec", "vers", "pour", "chez", "dans",
                                        "on", "of", "against", "with", "to", "into", "from", "at", "for", "in",
                                        "over", "upon"};
    out[0] = '\0';
    const char *sp = act && act->lemma ? strrchr(act->lemma, ' ') : NULL;
    if (!sp)
        return out;
    int n = qp_fold_token(sp + 1, strlen(sp + 1), out, cap);
    if (n <= 0) {
        out[0] = '\0';
        return out;
    }
    for (size_t k = 0; k < QP_ARRAY_LEN(preps); k++)
        if (!strcmp(out, preps[k]))
            return out;
    out[0] = '\0';
    return out;
}

int xfr_match(const xfr_pattern *pt, const xp_view *p, size_t c, const qp_lex_action *act)
{
    /* "s'emparer du barrage", "tirer sur la foule", "called on Russia": the complement of the
     * lemma's own preposition is its object */
    if (pt->rel == QP_DEP_OBJ) {
        qp_deprel u = qp_deprel_universal((qp_deprel)p->w[c].deprel);
        /* "ont appelé Bachar el Assad à quitter": a name the parser hung as a predicate */
        if (u == QP_DEP_XCOMP && (p->w[c].upos == QP_UPOS_PROPN || p->w[c].upos == QP_UPOS_NOUN))
            return 1;
        char lp[32], cs[96];
        if ((u == QP_DEP_OBL || u == QP_DEP_NMOD) && lemma_prep(act, lp, sizeof lp)[0]) {
            if (same_case(xp_case_of(p, c, cs, sizeof cs), lp))
                return 1;
            /* "call on Russia" with "on" read as the verb's particle: the bare oblique after it */
            int h = p->w[c].head;
            if (!cs[0] && h >= 0 && p->w[h].deprel == QP_DEP_COMPOUND_PRT && !strcmp(p->fold[h], lp))
                return 1; /* the oblique hung from the particle itself */
            for (size_t k = 0; !cs[0] && h >= 0 && k < xp_kids(p, (size_t)h); k++) {
                int prt = xp_kid(p, (size_t)h, k);
                if (p->w[prt].deprel == QP_DEP_COMPOUND_PRT && prt < (int)c && !strcmp(p->fold[prt], lp))
                    return 1;
            }
        }
    }
    qp_deprel rel = (qp_deprel)p->w[c].deprel, want = qp_deprel_universal((qp_deprel)pt->rel);
    qp_deprel got = qp_deprel_universal(rel);
    /* nmod and obl differ only by the part of speech of their head: a trigger the parser read
     * as a verb keeps its noun's complements, and the other way round */
    if (!pt->exact && ((want == QP_DEP_NMOD && got == QP_DEP_OBL) || (want == QP_DEP_OBL && got == QP_DEP_NMOD)))
        got = want;
    if (pt->exact ? rel != pt->rel : got != want)
        return 0;
    if (!pt->n_cases && !pt->entry_preps && !pt->place_preps && !pt->no_case)
        return 1;
    char cs[96];
    xp_case_of(p, c, cs, sizeof cs);
    if (!cs[0])
        return pt->no_case;
    for (size_t k = 0; k < pt->n_cases; k++)
        if (same_case(cs, pt->cases[k]))
            return 1;
    if (pt->place_preps && act)
        for (size_t k = 0; k < act->n_place_preps; k++)
            if (act->place_preps[k] && same_case(cs, act->place_preps[k]))
                return 1;
    return pt->entry_preps && act && entry_prep(act, cs);
}

size_t xfr_fill(const xfr_frame *f, int role, const xp_view *p, size_t i, const qp_lex_action *act, int *out,
                size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < f->n[role]; k++)
        for (size_t j = 0; j < xp_kids(p, i) && n < cap; j++) {
            int c = xp_kid(p, i, j);
            int seen = 0;
            for (size_t q = 0; q < n; q++)
                seen |= out[q] == c;
            if (!seen && xfr_match(&f->role[role][k], p, (size_t)c, act))
                out[n++] = c;
        }
    return n;
}
