/* parser.c — greedy arc-hybrid transition parsing; each arc gets its label as it is made. */
#include <string.h>

#include "parse_int.h"

int px_state_init(px_state *s, int n, qp_arena *a)
{
    size_t m = (size_t)n + 1;
    memset(s, 0, sizeof *s);
    s->n = n;
    s->stack = qp_arena_alloc(a, m * sizeof *s->stack);
    s->head = qp_arena_alloc(a, m * sizeof *s->head);
    s->label = qp_arena_alloc(a, m);
    s->lc1 = qp_arena_alloc(a, 4 * m * sizeof *s->lc1);
    s->nl = qp_arena_calloc(a, 2 * m, 1);
    s->lset = qp_arena_calloc(a, 2 * m, sizeof *s->lset);
    if (!s->stack || !s->head || !s->label || !s->lc1 || !s->nl || !s->lset)
        return QP_ENOMEM;
    s->lc2 = s->lc1 + m;
    s->rc1 = s->lc2 + m;
    s->rc2 = s->rc1 + m;
    s->nr = s->nl + m;
    s->rset = s->lset + m;
    for (size_t i = 0; i < m; i++) {
        s->head[i] = -1;
        s->label[i] = PX_LABEL_NONE;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
    }
    s->sp = 0;
    s->b = 0;
    return 0;
}

int px_state_final(const px_state *s)
{
    return s->b == s->n && s->sp == 0;
}

int px_valid(const px_state *s, int t)
{
    switch (t) {
    case PX_SHIFT: return s->b < s->n;
    /* the root (word n) takes exactly one dependent: the last word left on the stack */
    case PX_LEFT: return s->sp > 0 && (s->b < s->n || s->sp == 1);
    case PX_RIGHT: return s->sp > 1;
    default: return 0;
    }
}

void px_arc_of(const px_state *s, int t, int *dep, int *head)
{
    *dep = *head = -1;
    if (t == PX_LEFT) {
        *dep = s->stack[s->sp - 1];
        *head = s->b;
    } else if (t == PX_RIGHT) {
        *dep = s->stack[s->sp - 1];
        *head = s->stack[s->sp - 2];
    }
}

static void add_arc(px_state *s, int h, int d, int label)
{
    s->head[d] = h;
    s->label[d] = (uint8_t)label;
    uint64_t bit = label < 64 ? 1ull << label : 0;
    if (d < h) {
        if (s->lc1[h] < 0 || d < s->lc1[h]) {
            s->lc2[h] = s->lc1[h];
            s->lc1[h] = d;
        } else if (s->lc2[h] < 0 || d < s->lc2[h]) {
            s->lc2[h] = d;
        }
        if (s->nl[h] < 255)
            s->nl[h]++;
        s->lset[h] |= bit;
    } else {
        if (s->rc1[h] < 0 || d > s->rc1[h]) {
            s->rc2[h] = s->rc1[h];
            s->rc1[h] = d;
        } else if (s->rc2[h] < 0 || d > s->rc2[h]) {
            s->rc2[h] = d;
        }
        if (s->nr[h] < 255)
            s->nr[h]++;
        s->rset[h] |= bit;
    }
}

void px_apply(px_state *s, int t, int label)
{
    int d, h;
    px_arc_of(s, t, &d, &h);
    if (t == PX_SHIFT) {
        s->stack[s->sp++] = s->b++;
        return;
    }
    add_arc(s, h, d, label);
    s->sp--;
}

/* What each transition costs: gold arcs it makes unreachable (Goldberg and Nivre's dynamic
 * oracle for arc-hybrid; exact for projective trees). */
void px_costs(const px_state *s, const int *gh, int cost[PX_NTRANS])
{
    int n = s->n, b = s->b;
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1, s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    for (int t = 0; t < PX_NTRANS; t++)
        cost[t] = px_valid(s, t) ? 0 : -1;
    if (s0 >= 0) {
        int deps_in_buffer = 0;
        for (int d = b; d < n; d++)
            deps_in_buffer += gh[d] == s0;
        if (cost[PX_LEFT] >= 0)
            cost[PX_LEFT] = deps_in_buffer + (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b));
        if (cost[PX_RIGHT] >= 0)
            cost[PX_RIGHT] = deps_in_buffer + (gh[s0] >= b);
    }
    if (cost[PX_SHIFT] >= 0) {
        int c = 0;
        for (int k = 0; k < s->sp; k++) {
            int x = s->stack[k];
            c += gh[x] == b;
            if (k < s->sp - 1)
                c += gh[b] == x;
        }
        cost[PX_SHIFT] = c;
    }
}

/* ---- features ---- */

/* Transition templates: Zhang and Nivre's (2011) set for arc-hybrid positions, less the 19 that
 * held-out scores showed to add nothing (third-order words, some valencies and label sets). */
enum {
    F_S0W = 1, F_S0P, F_S0WP, F_S1W, F_S1P, F_S1WP, F_B0W, F_B0P, F_B0WP, F_B1W, F_B1P, F_B1WP, F_B2P, F_S2P,
    F_S0WP_B0WP, F_S0WP_B0W, F_S0W_B0WP, F_S0WP_B0P, F_S0P_B0WP, F_S0W_B0W, F_S0P_B0P, F_B0P_B1P, F_S1WP_S0WP,
    F_S1W_S0W, F_S1P_S0P, F_S1WP_S0P, F_S1P_S0WP, F_B0P_B1P_B2P, F_S0P_B0P_B1P, F_S1P_S0P_B0P, F_S0P_S0LP_B0P,
    F_S0P_S0RP_B0P, F_S0P_B0P_B0LP, F_S1P_S1LP_S0P, F_S1P_S1RP_S0P, F_S2P_S1P_S0P, F_S1P_S0P_S0LP,
    F_S1P_S0P_S0RP, F_S0W_D, F_S0P_D, F_B0W_D, F_B0P_D, F_S0P_B0P_D, F_S1P_S0P_D1, F_S0W_VR, F_S0P_VR, F_S0P_VL,
    F_B0P_VL, F_S0LW, F_S0LP, F_S0LL, F_S0RW, F_S0RP, F_S0RL, F_B0LW, F_B0LP, F_B0LL, F_S1RL, F_S0L2L, F_S0R2L,
    F_B0L2L, F_S0P_S0LL_S0L2L, F_S0P_S0RL_S0R2L, F_B0P_B0LL_B0L2L, F_S0P_SR, F_S0P_SL, F_B0P_SL, F_S1P_SR,
    F_S1P_B0P, F_S1P_S0P_B0P_B1P, F_S0F, F_S1F, F_B0F, F_B1F, F_S0F_B0F, F_S1F_S0F, F_S0F_B0F_B1P,
    F_S1W_S0LW, F_S1P_S0LW_S0P, F_S0W_B0LW_B0P, F_S0P_B0LW_B0P,
};

static inline uint64_t dist_bucket(int d)
{
    if (d < 0)
        d = -d;
    return d <= 4 ? (uint64_t)d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : 8;
}

size_t px_parse_features(const px_state *s, const px_wfeat *f, const uint8_t *tags, uint64_t *out)
{
    const uint64_t NONE_W = 0x4e4f4e45ull, ROOT_W = 0x524f4f54ull;
    int n = s->n;
    int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    int s2 = s->sp > 2 ? s->stack[s->sp - 3] : -1;
    int b0 = s->b <= n ? s->b : -1;
    int b1 = s->b + 1 < n ? s->b + 1 : s->b + 1 == n ? n : -1;
    int b2 = s->b + 2 < n ? s->b + 2 : s->b + 2 == n ? n : -1;
#define W(x) ((x) < 0 ? NONE_W : (x) == n ? ROOT_W : f[x].pw)
#define P(x) ((uint64_t)((x) < 0 ? PX_TAG_NONE : tags[x]))
#define L(x) ((uint64_t)((x) < 0 ? PX_LABEL_NONE : s->label[x]))
#define LC1(x) ((x) < 0 ? -1 : s->lc1[x])
#define LC2(x) ((x) < 0 ? -1 : s->lc2[x])
#define RC1(x) ((x) < 0 ? -1 : s->rc1[x])
#define RC2(x) ((x) < 0 ? -1 : s->rc2[x])
    uint64_t s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), b0w = W(b0), b0p = P(b0);
    uint64_t b1w = W(b1), b1p = P(b1), b2p = P(b2), s2p = P(s2);
    int s0l = LC1(s0), s0r = RC1(s0), s1l = LC1(s1), s1r = RC1(s1), b0l = LC1(b0);
    int s0l2 = LC2(s0), s0r2 = RC2(s0), b0l2 = LC2(b0);
    uint64_t d = s0 >= 0 && b0 >= 0 ? dist_bucket(b0 - s0) : 99;
    uint64_t d1 = s0 >= 0 && s1 >= 0 ? dist_bucket(s0 - s1) : 99;
    uint64_t s0vl = s0 >= 0 ? s->nl[s0] : 99, s0vr = s0 >= 0 ? s->nr[s0] : 99;
    uint64_t b0vl = b0 >= 0 ? s->nl[b0] : 99;
    uint64_t s0sl = s0 >= 0 ? s->lset[s0] : 1, s0sr = s0 >= 0 ? s->rset[s0] : 1;
    uint64_t b0sl = b0 >= 0 ? s->lset[b0] : 1, s1sr = s1 >= 0 ? s->rset[s1] : 1;
    size_t k = 0;
    out[k++] = px_f1(F_S0W, s0w);
    out[k++] = px_f1(F_S0P, s0p);
    out[k++] = px_f2(F_S0WP, s0w, s0p);
    out[k++] = px_f1(F_S1W, s1w);
    out[k++] = px_f1(F_S1P, s1p);
    out[k++] = px_f2(F_S1WP, s1w, s1p);
    out[k++] = px_f1(F_B0W, b0w);
    out[k++] = px_f1(F_B0P, b0p);
    out[k++] = px_f2(F_B0WP, b0w, b0p);
    out[k++] = px_f1(F_B1W, b1w);
    out[k++] = px_f1(F_B1P, b1p);
    out[k++] = px_f2(F_B1WP, b1w, b1p);
    out[k++] = px_f1(F_B2P, b2p);
    out[k++] = px_f1(F_S2P, s2p);
    out[k++] = px_f4(F_S0WP_B0WP, s0w, s0p, b0w, b0p);
    out[k++] = px_f3(F_S0WP_B0W, s0w, s0p, b0w);
    out[k++] = px_f3(F_S0W_B0WP, s0w, b0w, b0p);
    out[k++] = px_f3(F_S0WP_B0P, s0w, s0p, b0p);
    out[k++] = px_f3(F_S0P_B0WP, s0p, b0w, b0p);
    out[k++] = px_f2(F_S0W_B0W, s0w, b0w);
    out[k++] = px_f2(F_S0P_B0P, s0p, b0p);
    out[k++] = px_f2(F_B0P_B1P, b0p, b1p);
    out[k++] = px_f4(F_S1WP_S0WP, s1w, s1p, s0w, s0p);
    out[k++] = px_f2(F_S1W_S0W, s1w, s0w);
    out[k++] = px_f2(F_S1P_S0P, s1p, s0p);
    out[k++] = px_f3(F_S1WP_S0P, s1w, s1p, s0p);
    out[k++] = px_f3(F_S1P_S0WP, s1p, s0w, s0p);
    out[k++] = px_f3(F_B0P_B1P_B2P, b0p, b1p, b2p);
    out[k++] = px_f3(F_S0P_B0P_B1P, s0p, b0p, b1p);
    out[k++] = px_f3(F_S1P_S0P_B0P, s1p, s0p, b0p);
    out[k++] = px_f3(F_S0P_S0LP_B0P, s0p, P(s0l), b0p);
    out[k++] = px_f3(F_S0P_S0RP_B0P, s0p, P(s0r), b0p);
    out[k++] = px_f3(F_S0P_B0P_B0LP, s0p, b0p, P(b0l));
    out[k++] = px_f3(F_S1P_S1LP_S0P, s1p, P(s1l), s0p);
    out[k++] = px_f3(F_S1P_S1RP_S0P, s1p, P(s1r), s0p);
    out[k++] = px_f3(F_S2P_S1P_S0P, s2p, s1p, s0p);
    out[k++] = px_f3(F_S1P_S0P_S0LP, s1p, s0p, P(s0l));
    out[k++] = px_f3(F_S1P_S0P_S0RP, s1p, s0p, P(s0r));
    out[k++] = px_f2(F_S0W_D, s0w, d);
    out[k++] = px_f2(F_S0P_D, s0p, d);
    out[k++] = px_f2(F_B0W_D, b0w, d);
    out[k++] = px_f2(F_B0P_D, b0p, d);
    out[k++] = px_f3(F_S0P_B0P_D, s0p, b0p, d);
    out[k++] = px_f3(F_S1P_S0P_D1, s1p, s0p, d1);
    out[k++] = px_f2(F_S0W_VR, s0w, s0vr);
    out[k++] = px_f2(F_S0P_VR, s0p, s0vr);
    out[k++] = px_f2(F_S0P_VL, s0p, s0vl);
    out[k++] = px_f2(F_B0P_VL, b0p, b0vl);
    out[k++] = px_f1(F_S0LW, W(s0l));
    out[k++] = px_f1(F_S0LP, P(s0l));
    out[k++] = px_f1(F_S0LL, L(s0l));
    out[k++] = px_f1(F_S0RW, W(s0r));
    out[k++] = px_f1(F_S0RP, P(s0r));
    out[k++] = px_f1(F_S0RL, L(s0r));
    out[k++] = px_f1(F_B0LW, W(b0l));
    out[k++] = px_f1(F_B0LP, P(b0l));
    out[k++] = px_f1(F_B0LL, L(b0l));
    out[k++] = px_f1(F_S1RL, L(s1r));
    out[k++] = px_f1(F_S0L2L, L(s0l2));
    out[k++] = px_f1(F_S0R2L, L(s0r2));
    out[k++] = px_f1(F_B0L2L, L(b0l2));
    out[k++] = px_f3(F_S0P_S0LL_S0L2L, s0p, L(s0l), L(s0l2));
    out[k++] = px_f3(F_S0P_S0RL_S0R2L, s0p, L(s0r), L(s0r2));
    out[k++] = px_f3(F_B0P_B0LL_B0L2L, b0p, L(b0l), L(b0l2));
    out[k++] = px_f2(F_S0P_SR, s0p, s0sr);
    out[k++] = px_f2(F_S0P_SL, s0p, s0sl);
    out[k++] = px_f2(F_B0P_SL, b0p, b0sl);
    out[k++] = px_f2(F_S1P_SR, s1p, s1sr);
    out[k++] = px_f2(F_S1P_B0P, s1p, b0p);
    out[k++] = px_f4(F_S1P_S0P_B0P_B1P, s1p, s0p, b0p, b1p);
#define FT(x) ((uint64_t)((x) < 0 ? 0 : (x) == n ? 1 : f[x].fine))
    uint64_t s0f = FT(s0), s1f = FT(s1), b0f = FT(b0);
    out[k++] = px_f1(F_S0F, s0f);
    out[k++] = px_f1(F_S1F, s1f);
    out[k++] = px_f1(F_B0F, b0f);
    out[k++] = px_f1(F_B1F, FT(b1));
    out[k++] = px_f2(F_S0F_B0F, s0f, b0f);
    out[k++] = px_f2(F_S1F_S0F, s1f, s0f);
    out[k++] = px_f3(F_S0F_B0F_B1P, s0f, b0f, b1p);
    /* UD hangs prepositions and conjunctions under their noun or verb: the first left child
     * of s0 and b0 ("in" of "in the city") says what they attach to */
    uint64_t s0lw = s0l >= 0 ? f[s0l].lower : NONE_W, b0lw = b0l >= 0 ? f[b0l].lower : NONE_W;
    out[k++] = px_f2(F_S1W_S0LW, s1w, s0lw);
    out[k++] = px_f3(F_S1P_S0LW_S0P, s1p, s0lw, s0p);
    out[k++] = px_f3(F_S0W_B0LW_B0P, s0w, b0lw, b0p);
    out[k++] = px_f3(F_S0P_B0LW_B0P, s0p, b0lw, b0p);
    return k;
}

/* ---- labels ---- */

enum {
    G_BIAS = 1, G_HP_DP, G_HW, G_DW, G_HW_DP, G_HP_DW, G_HW_DW, G_D_HP_DP, G_DLW, G_DLL, G_DLW_HP, G_DLW_HW,
    G_DLP_DP, G_DRL, G_HSET_DP, G_HL1L_DP, G_HR1L_DP, G_DSET_DP, G_DL2W, G_DSUF_HP, G_HSUF_DP,
    G_HHLW_DP, G_HP_DP_HL, G_NEXT_DP, G_DLEX_HP, G_HF_DF,
};

size_t px_label_features(const px_state *s, const px_wfeat *f, const uint8_t *tags, int head, int dep,
                         uint64_t *out)
{
    int n = s->n;
    const uint64_t ROOT_W = 0x524f4f54ull, NONE_W = 0x4e4f4e45ull;
    uint64_t dir = dep < head;
    uint64_t hp = tags[head], dp = tags[dep];
    uint64_t hw = head == n ? ROOT_W : f[head].pw, dw = f[dep].pw;
    int dl = s->lc1[dep], dl2 = s->lc2[dep], dr = s->rc1[dep];
    int hl = s->lc1[head], hr = s->rc1[head];
    uint64_t dlw = dl >= 0 ? f[dl].lower : NONE_W, dl2w = dl2 >= 0 ? f[dl2].lower : NONE_W;
    uint64_t dll = dl >= 0 ? s->label[dl] : PX_LABEL_NONE;
    uint64_t dlp = dl >= 0 ? tags[dl] : PX_TAG_NONE;
    uint64_t hset = s->lset[head] * 31 + s->rset[head];
    uint64_t dset = s->lset[dep] * 31 + s->rset[dep];
    uint64_t d = dist_bucket(head - dep);
    uint64_t hsuf = head == n ? ROOT_W : f[head].suf[2];
    int nx = dep + 1 < n ? dep + 1 : -1;
    size_t k = 0;
    out[k++] = px_f1(G_BIAS, dir);
    out[k++] = px_f3(G_HP_DP, hp, dp, dir);
    out[k++] = px_f2(G_HW, hw, dir);
    out[k++] = px_f2(G_DW, dw, dir);
    out[k++] = px_f3(G_HW_DP, hw, dp, dir);
    out[k++] = px_f3(G_HP_DW, hp, dw, dir);
    out[k++] = px_f3(G_HW_DW, hw, dw, dir);
    out[k++] = px_f4(G_D_HP_DP, d, hp, dp, dir);
    out[k++] = px_f2(G_DLW, dlw, dir);
    out[k++] = px_f3(G_DLL, dll, dp, dir);
    out[k++] = px_f4(G_DLW_HP, dlw, hp, dp, dir);
    out[k++] = px_f3(G_DLW_HW, dlw, hw, dir);
    out[k++] = px_f3(G_DLP_DP, dlp, dp, hp);
    out[k++] = px_f3(G_DRL, dr >= 0 ? s->label[dr] : PX_LABEL_NONE, dp, dir);
    out[k++] = px_f3(G_HSET_DP, hset, dp, dir);
    out[k++] = px_f3(G_HL1L_DP, hl >= 0 ? s->label[hl] : PX_LABEL_NONE, dp, dir);
    out[k++] = px_f3(G_HR1L_DP, hr >= 0 ? s->label[hr] : PX_LABEL_NONE, dp, dir);
    out[k++] = px_f3(G_DSET_DP, dset, dp, hp);
    out[k++] = px_f3(G_DL2W, dl2w, dlw, dp);
    out[k++] = px_f3(G_DSUF_HP, f[dep].suf[2], hp, dir);
    out[k++] = px_f3(G_HSUF_DP, hsuf, dp, dir);
    out[k++] = px_f4(G_HP_DP_HL, hp, dp, dir, hl >= 0 ? f[hl].lower : NONE_W);
    out[k++] = px_f3(G_NEXT_DP, nx >= 0 ? f[nx].lower : NONE_W, dp, dir);
    out[k++] = px_f3(G_HF_DF, head == n ? 1 : f[head].fine, f[dep].fine, dir);
    return k;
}

uint64_t px_label_cands(const px_model *m, const uint8_t *tags, int head, int dep, int n)
{
    (void)n;
    uint64_t c = m->cands[((size_t)tags[head] * PX_NTAGS + tags[dep]) * 2 + (dep > head)];
    return c ? c : ~0ull;
}

int px_best_label(const int32_t *scores, uint64_t cands, int nlabels)
{
    int best = -1;
    for (int l = 0; l < nlabels; l++)
        if ((cands >> l & 1) && (best < 0 || scores[l] > scores[best]))
            best = l;
    return best < 0 ? 0 : best;
}

static int is_closing_quote(const char *s)
{
    return !strcmp(s, "\"") || !strcmp(s, "»") || !strcmp(s, "”") || !strcmp(s, "''");
}

/* News reports a quote, then who said it with the verb first: «…», a déclaré le ministre;
 * "…," said the spokesman. The treebanks have few such inversions and the parser labels the
 * speaker obj. A verb with no subject whose clause opens right after a closing quote (or a
 * quote and a comma) takes its first nominal obj as its subject. */
static int fix_inverted_subjects(qp_word *w, size_t n, qp_arena *a)
{
    /* one pass over the arcs gathers, per head, what the rule asks: linear in the sentence */
    uint8_t *subject = qp_arena_calloc(a, n, 1);
    size_t *first = qp_arena_alloc(a, n * sizeof *first);
    long *obj = qp_arena_alloc(a, n * sizeof *obj);
    if (!subject || !first || !obj)
        return QP_ENOMEM;
    for (size_t v = 0; v < n; v++) {
        first[v] = v;
        obj[v] = -1;
    }
    for (size_t d = 0; d < n; d++) {
        if (w[d].head < 0)
            continue;
        size_t v = (size_t)w[d].head;
        qp_deprel u = qp_deprel_universal((qp_deprel)w[d].deprel);
        if (u == QP_DEP_NSUBJ || u == QP_DEP_CSUBJ || w[d].deprel == QP_DEP_EXPL_SUBJ)
            subject[v] = 1;
        if (d < first[v] && (u == QP_DEP_AUX || w[d].deprel == QP_DEP_EXPL_PV || w[d].deprel == QP_DEP_EXPL_COMP))
            first[v] = d;
        if (d > v && obj[v] < 0 && w[d].deprel == QP_DEP_OBJ && (w[d].upos == QP_UPOS_NOUN || w[d].upos == QP_UPOS_PROPN))
            obj[v] = (long)d;
    }
    for (size_t v = 0; v < n; v++) {
        if (w[v].upos != QP_UPOS_VERB || subject[v] || obj[v] < 0 || first[v] == 0)
            continue;
        size_t b = first[v] - 1;
        if (!strcmp(w[b].form, ",") && b > 0)
            b--;
        if (is_closing_quote(w[b].form))
            w[obj[v]].deprel = QP_DEP_NSUBJ;
    }
    return 0;
}

int px_parse(const px_model *m, const px_wfeat *f, qp_word *w, size_t n, qp_arena *a)
{
    if (n == 0)
        return 0;
    px_state s;
    if (px_state_init(&s, (int)n, a) < 0)
        return QP_ENOMEM;
    uint8_t *tags = qp_arena_alloc(a, n + 1);
    if (!tags)
        return QP_ENOMEM;
    for (size_t i = 0; i < n; i++)
        tags[i] = w[i].upos;
    tags[n] = PX_TAG_ROOT;
    uint64_t feats[PX_PARSE_FEATS];
    int32_t lscores[PX_MAX_LABELS];
    while (!px_state_final(&s)) {
        int32_t scores[PX_NTRANS] = {0};
        int best = -1, nvalid = 0;
        for (int t = 0; t < PX_NTRANS; t++)
            if (px_valid(&s, t)) {
                best = t;
                nvalid++;
            }
        size_t nf;
        if (nvalid > 1) { /* an empty stack can only shift: no need to score it */
            nf = px_parse_features(&s, f, tags, feats);
            px_score(&m->trans, feats, nf, scores);
            best = -1;
            for (int t = 0; t < PX_NTRANS; t++)
                if (px_valid(&s, t) && (best < 0 || scores[t] > scores[best]))
                    best = t;
        }
        int label = PX_LABEL_NONE;
        if (best != PX_SHIFT) {
            int dep, head;
            px_arc_of(&s, best, &dep, &head);
            if (head == (int)n) {
                label = (int)m->root_label;
            } else {
                uint64_t cands = px_label_cands(m, tags, head, dep, (int)n) & ~(1ull << m->root_label);
                if (!cands)
                    cands = m->nlabels > 1 ? ~(1ull << m->root_label) : 1;
                if (cands & (cands - 1)) {
                    memset(lscores, 0, sizeof lscores);
                    nf = px_label_features(&s, f, tags, head, dep, feats);
                    px_score(&m->labels, feats, nf, lscores);
                    label = px_best_label(lscores, cands, (int)m->nlabels);
                } else {
                    label = __builtin_ctzll(cands);
                }
            }
        }
        px_apply(&s, best, label);
    }
    for (size_t i = 0; i < n; i++) {
        w[i].head = s.head[i] == (int)n ? -1 : s.head[i];
        w[i].deprel = w[i].head < 0 ? QP_DEP_ROOT : m->label_rel[s.label[i] < m->nlabels ? s.label[i] : 0];
    }
    return fix_inverted_subjects(w, n, a);
}
