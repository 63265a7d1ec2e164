/* tl_quote.c — what a key development quotes: the clause of the article that tells it (with
 * what was done, to what), and the figures the texts give ("plus de 1 400 morts"). */
#include "timeline_int.h"

#include "qp.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* How many lines get their sentences read back: the key developments are among the lines
 * most sources tell, so a few times as many as are wanted suffice. */
#define QUOTE_CANDIDATES(want) ((want) * 6 > 40 ? (want) * 6 : 40)
/* A quote is the sentence when it is short, else this many words around the action. */
#define QUOTE_BEFORE 10
#define QUOTE_AFTER 20

/* ---- figures ---- */

/* What a figure counts: people, the dead, the wounded… (lower case, as the press writes them
 * after a number). */
static const char *const counted[] = {
    "morts", "mort", "tués", "tuées", "victimes", "blessés", "blessées", "personnes", "civils", "enfants",
    "réfugiés", "déplacés", "soldats", "combattants", "manifestants", "rebelles", "prisonniers", "détenus",
    "dead", "killed", "deaths", "victims", "wounded", "injured", "people", "civilians", "children", "refugees",
    "displaced", "soldiers", "fighters", "protesters", "rebels", "prisoners", "detainees", "casualties",
};
/* Words that say how sure the figure is, kept with it. */
static const char *const qualifiers[] = {
    "plus de ", "au moins ", "près de ", "quelque ", "environ ", "jusqu'à ", "quelques ",
    "more than ", "at least ", "nearly ", "about ", "some ", "over ", "up to ", "almost ",
};
/* Figures written in words. */
static const char *const word_figures[] = {
    "des centaines de ", "des milliers de ", "des dizaines de ", "plusieurs centaines de ", "plusieurs milliers de ",
    "hundreds of ", "thousands of ", "dozens of ", "scores of ",
};

static int starts_with(const char *s, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - s) >= n && !strncmp(s, w, n);
}

/* The counted noun at p (after at most one other word: "1 300 personnes tuées", "200 civils"),
 * its end, or NULL. */
static const char *counted_noun(const char *p, const char *end)
{
    for (int hop = 0; hop < 2 && p < end; hop++) {
        for (size_t i = 0; i < QP_ARRAY_LEN(counted); i++) {
            size_t n = strlen(counted[i]);
            if (starts_with(p, end, counted[i]) && (p + n == end || !isalpha((unsigned char)p[n])))
                return p + n;
        }
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        if (!sp)
            return NULL;
        p = sp + 1;
    }
    return NULL;
}

/* A digit group as the press writes it: 1400, 1 400, 1.400, 1,400 (with a thin or no-break
 * space too). Returns its end, or NULL. */
static const char *number_at(const char *p, const char *end)
{
    if (p >= end || !isdigit((unsigned char)*p))
        return NULL;
    while (p < end && isdigit((unsigned char)*p))
        p++;
    for (;;) {
        const char *q = p;
        if (q < end && (*q == ' ' || *q == '.' || *q == ','))
            q++;
        else if (starts_with(q, end, "\xc2\xa0"))
            q += 2;
        else if (starts_with(q, end, "\xe2\x80\xaf"))
            q += 3;
        else
            break;
        if (end - q >= 3 && isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]) &&
            (end - q == 3 || !isdigit((unsigned char)q[3])))
            p = q + 3;
        else
            break;
    }
    return p;
}

typedef struct figure {
    char text[96];
    size_t docs;
    size_t last_doc;
    int own_lang;      /* said in the briefing's language */
} figure;

static void add_figure(figure *f, size_t *n, size_t cap, const char *s, size_t len, size_t doc, int own_lang)
{
    char text[96];
    if (len >= sizeof text)
        return;
    memcpy(text, s, len);
    text[len] = 0;
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(f[i].text, text)) {
            if (f[i].last_doc != doc) {
                f[i].docs++;
                f[i].last_doc = doc;
            }
            return;
        }
    if (*n < cap) {
        memcpy(f[*n].text, text, len + 1);
        f[*n].docs = 1;
        f[*n].last_doc = doc;
        f[*n].own_lang = own_lang;
        (*n)++;
    }
}

/* Finds the figures of text (one sentence) and adds them. */
static void scan_figures(const char *text, size_t doc, int own_lang, figure *f, size_t *n, size_t cap)
{
    const char *end = text + strlen(text);
    for (const char *p = text; p < end; p++) {
        if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
            continue; /* inside a word or a number */
        const char *from = p, *q = p;
        for (size_t i = 0; i < QP_ARRAY_LEN(qualifiers); i++)
            if (starts_with(q, end, qualifiers[i])) {
                q += strlen(qualifiers[i]);
                break;
            }
        const char *num = number_at(q, end), *after = NULL;
        if (num && num < end && *num == ' ')
            after = counted_noun(num + 1, end);
        if (!after)
            for (size_t i = 0; i < QP_ARRAY_LEN(word_figures) && !after; i++)
                if (starts_with(q, end, word_figures[i]))
                    after = counted_noun(q + strlen(word_figures[i]), end);
        if (!after)
            continue;
        add_figure(f, n, cap, from, (size_t)(after - from), doc, own_lang);
        p = after - 1;
    }
}

/* ---- the clause ---- */

/* The words of sentence around the action's words (or the start when they are not found),
 * line breaks as spaces, with an ellipsis where cut; malloc'd. */
static char *clause(const char *sentence, const char *action_text)
{
    size_t len = strlen(sentence);
    const char *at = action_text && *action_text ? strstr(sentence, action_text) : NULL;
    size_t pos = at ? (size_t)(at - sentence) : 0;
    /* word starts before and after pos */
    size_t from = pos, to = pos;
    for (int w = 0; w < QUOTE_BEFORE && from > 0; w++) {
        from--;
        while (from > 0 && sentence[from - 1] != ' ' && sentence[from - 1] != '\n')
            from--;
    }
    for (int w = 0; w <= QUOTE_AFTER && to < len; w++) {
        while (to < len && sentence[to] != ' ' && sentence[to] != '\n')
            to++;
        if (w < QUOTE_AFTER)
            while (to < len && (sentence[to] == ' ' || sentence[to] == '\n'))
                to++;
    }
    /* cut on the left: start at the clause after a comma rather than mid-phrase ("…dernier,
     * puisque les opposants…" reads as "…puisque les opposants…") */
    if (from > 0)
        for (size_t i = from; i + 2 < pos; i++)
            if ((sentence[i] == ',' || sentence[i] == ';' || sentence[i] == ':') && sentence[i + 1] == ' ') {
                from = i + 2;
                break;
            }
    /* a few words short of the end: the whole sentence */
    int left = 0;
    for (size_t i = to; i < len; i++)
        left += sentence[i] == ' ' && i + 1 < len && sentence[i + 1] != ' ';
    if (left <= 4)
        to = len;
    while (to > from && (sentence[to - 1] == ' ' || sentence[to - 1] == ',' || sentence[to - 1] == '\n'))
        to--;
    int cut_left = from > 0, cut_right = to < len && !(to + 1 == len && strchr(".!?", sentence[to]));
    if (!cut_right && to < len)
        to = len; /* the final stop */
    char *out = malloc(to - from + 8);
    if (!out)
        return NULL;
    size_t o = 0;
    if (cut_left)
        o += (size_t)(memcpy(out, "\xe2\x80\xa6", 3), 3);
    for (size_t i = from; i < to; i++)
        out[o++] = sentence[i] == '\n' || sentence[i] == '\t' ? ' ' : sentence[i];
    while (o > 0 && out[o - 1] == ' ')
        o--;
    if (cut_right) {
        memcpy(out + o, "\xe2\x80\xa6", 3);
        o += 3;
    }
    out[o] = 0;
    return out;
}

/* ---- the lines ---- */

static const tl *rank_ctx;

static int cmp_prelim(const void *pa, const void *pb)
{
    const tl_item *a = &rank_ctx->items[*(const size_t *)pa], *b = &rank_ctx->items[*(const size_t *)pb];
    if (a->n_docs != b->n_docs)
        return a->n_docs < b->n_docs ? 1 : -1;
    if (a->n_events != b->n_events)
        return a->n_events < b->n_events ? 1 : -1;
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    return (ia > ib) - (ia < ib);
}

static int is_specific(const qp_place_ref *p)
{
    return p->id && !(p->feature && !strncmp(p->feature, "A.PCL", 5));
}

/* Figures matter where people fight, are hurt or take to the streets. */
static int counts_matter(const char *action)
{
    return tl_tone(action) < 0 || (action && (!strcmp(action, "PROTEST") || !strcmp(action, "MOBILIZE") ||
                                              !strcmp(action, "RETREAT")));
}

/* Reads the sentences of one line's events, keeps the figures they give and the clause that
 * tells the line best (one with a figure, else the representative's). */
static int quote_item(tl *t, tl_item *it, qp_store *s)
{
    int want_figures = counts_matter(it->told.action);
    enum { MAX_FIGURES = 8, MAX_SENTENCES = 12 };
    figure figs[MAX_FIGURES];
    size_t nfig = 0;
    char *best = NULL;
    double best_score = -1;
    const char *lang = t->o->lang == QP_LANG_FR ? "fr" : "en";
    int rc = 0;
    for (size_t k = 0; k < it->n_events && k < MAX_SENTENCES && !rc; k++) {
        const tl_event *te = &t->events[it->events[k]];
        char *sentence = NULL;
        size_t start;
        if ((rc = qp_store_sentence(s, te->e.doc, te->e.sentence, &sentence, &start)))
            break;
        if (!sentence && te->e.evidence_text && !(sentence = strdup(te->e.evidence_text)))
            rc = QP_ENOMEM; /* a store without sentences: the evidence is the article's words */
        if (!sentence)
            continue;
        size_t before = nfig;
        const char *dl = t->docs[te->doc].lang;
        if (want_figures)
            scan_figures(sentence, te->doc, dl && !strcmp(dl, lang), figs, &nfig, MAX_FIGURES);
        int has_figure = nfig > before || (nfig && strstr(sentence, figs[nfig - 1].text));
        /* a sentence with a figure, then one in the briefing's language, then the line's own */
        double score = 2.0 * has_figure + (dl && !strcmp(dl, lang)) + 0.5 * (it->events[k] == it->first);
        if (score > best_score) {
            char *c = clause(sentence, te->e.action_text);
            if (!c)
                rc = QP_ENOMEM;
            else {
                free(best);
                best = c;
                best_score = score;
            }
        }
        free(sentence);
    }
    if (!rc && best && !(it->quote = qp_arena_strdup(&t->arena, best)))
        rc = QP_ENOMEM;
    free(best);
    if (!rc && nfig) {
        /* the figures most sources give first, three at most */
        for (size_t a = 1; a < nfig; a++)
            for (size_t b = a; b > 0 && (figs[b - 1].docs < figs[b].docs ||
                                        (figs[b - 1].docs == figs[b].docs && figs[b - 1].own_lang < figs[b].own_lang));
                 b--) {
                figure tmp = figs[b];
                figs[b] = figs[b - 1];
                figs[b - 1] = tmp;
            }
        qp_buf buf;
        qp_buf_init(&buf);
        for (size_t i = 0; i < nfig && i < 3; i++)
            rc |= qp_buf_printf(&buf, "%s%s", i ? (t->o->lang == QP_LANG_FR ? " ; " : "; ") : "", figs[i].text);
        if (!rc && !(it->counts = qp_arena_strdup(&t->arena, buf.data)))
            rc = QP_ENOMEM;
        qp_buf_destroy(&buf);
        rc = rc ? QP_ENOMEM : 0;
    }
    return rc;
}

int tl_quote_items(tl *t, qp_store *s)
{
    size_t want = t->o->key_developments ? t->o->key_developments : 5;
    size_t *order = malloc((t->n_items + 1) * sizeof *order);
    if (!order)
        return QP_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < t->n_items; i++) {
        tl_item *it = &t->items[i];
        it->informative = (it->told.actor2.id || it->told.actor2.label) + is_specific(&it->told.place);
        if (it->day != LONG_MIN && it->when == 0)
            order[n++] = i;
    }
    rank_ctx = t;
    qp_sort(order, n, sizeof *order, cmp_prelim);
    int rc = 0;
    size_t cand = QUOTE_CANDIDATES(want);
    for (size_t k = 0; k < n && k < cand && !rc; k++) {
        tl_item *it = &t->items[order[k]];
        rc = quote_item(t, it, s);
        it->informative += (it->counts != NULL);
    }
    free(order);
    return rc;
}
