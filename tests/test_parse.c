/* test_parse.c — the parser: transitions by hand, a tiny treebank learnt by heart, CoNLL-U in
 * and out, UD words with offsets, long and hostile input, the real models on news sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "arena.h"
#include "conllu.h"
#include "parse.h"
#include "parse_int.h"
#include "qp.h"
#include "train.h"

/* ---- a hand-made treebank, learnt by heart by a small model ---- */

#define W(id, form, lemma, upos, feats, head, rel) id "\t" form "\t" lemma "\t" upos "\t_\t" feats "\t" head "\t" rel "\t_\t_\n"

static const char fr_treebank[] =
    "# text = Les rebelles ont pris la ville.\n"
    W("1", "Les", "le", "DET", "Definite=Def|Number=Plur", "2", "det")
    W("2", "rebelles", "rebelle", "NOUN", "Number=Plur", "4", "nsubj")
    W("3", "ont", "avoir", "AUX", "_", "4", "aux:tense")
    W("4", "pris", "prendre", "VERB", "VerbForm=Part", "0", "root")
    W("5", "la", "le", "DET", "_", "6", "det")
    W("6", "ville", "ville", "NOUN", "Number=Sing", "4", "obj")
    W("7", ".", ".", "PUNCT", "_", "4", "punct")
    "\n"
    "# text = La ville a été prise par l'armée du régime.\n"
    W("1", "La", "le", "DET", "_", "2", "det")
    W("2", "ville", "ville", "NOUN", "Number=Sing", "5", "nsubj:pass")
    W("3", "a", "avoir", "AUX", "_", "5", "aux:tense")
    W("4", "été", "être", "AUX", "_", "5", "aux:pass")
    W("5", "prise", "prendre", "VERB", "VerbForm=Part", "0", "root")
    W("6", "par", "par", "ADP", "_", "8", "case")
    W("7", "l'", "le", "DET", "_", "8", "det")
    W("8", "armée", "armée", "NOUN", "Number=Sing", "5", "obl:agent")
    "9-10\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
    W("9", "de", "de", "ADP", "_", "11", "case")
    W("10", "le", "le", "DET", "_", "11", "det")
    W("11", "régime", "régime", "NOUN", "Number=Sing", "8", "nmod")
    W("12", ".", ".", "PUNCT", "_", "5", "punct")
    "\n"
    "# text = L'armée et les rebelles ont signé une trêve.\n"
    W("1", "L'", "le", "DET", "_", "2", "det")
    W("2", "armée", "armée", "NOUN", "Number=Sing", "7", "nsubj")
    W("3", "et", "et", "CCONJ", "_", "5", "cc")
    W("4", "les", "le", "DET", "_", "5", "det")
    W("5", "rebelles", "rebelle", "NOUN", "Number=Plur", "2", "conj")
    W("6", "ont", "avoir", "AUX", "_", "7", "aux:tense")
    W("7", "signé", "signer", "VERB", "VerbForm=Part", "0", "root")
    W("8", "une", "un", "DET", "_", "9", "det")
    W("9", "trêve", "trêve", "NOUN", "Number=Sing", "7", "obj")
    W("10", ".", ".", "PUNCT", "_", "7", "punct")
    "\n";

static char model_path[256];
static qp_parser *tiny; /* trained on fr_treebank */
static qp_arena arena;

static int setup(void **state)
{
    (void)state;
    qp_arena_init(&arena, 1 << 16);
    char tb[256];
    snprintf(tb, sizeof tb, "/tmp/qp-test-parse-%d.conllu", (int)getpid());
    snprintf(model_path, sizeof model_path, "/tmp/qp-test-parse-%d.qpm", (int)getpid());
    /* the treebank three times over: enough passes for the perceptrons to learn it by heart */
    char *text = malloc(3 * sizeof fr_treebank);
    if (!text)
        return -1;
    text[0] = '\0';
    for (int i = 0; i < 3; i++)
        strcat(text, fr_treebank);
    FILE *f = fopen(tb, "wb");
    if (!f)
        return -1;
    fputs(text, f);
    fclose(f);
    free(text);
    qp_train_options o;
    qp_train_defaults(&o);
    o.lang = QP_LANG_FR;
    const char *files[1] = {tb};
    o.files = files;
    o.nfiles = 1;
    o.folds = 1;
    o.tagger_epochs = 10;
    o.parser_epochs = 10;
    char err[256];
    int rc = qp_train_model(&o, model_path, err, sizeof err);
    remove(tb);
    if (rc) {
        fprintf(stderr, "training failed: %s\n", err);
        return -1;
    }
    return qp_parser_load_files(&tiny, model_path, NULL, err, sizeof err) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    qp_parser_destroy(tiny);
    remove(model_path);
    qp_arena_destroy(&arena);
    return 0;
}

/* Every word has a head inside the sentence, exactly one is the root, and there is no cycle. */
static void assert_tree(const qp_word *w, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(w[i].head >= -1 && w[i].head < (int32_t)n);
        assert_true(w[i].upos < QP_UPOS_COUNT);
        assert_true(w[i].deprel < QP_DEP_COUNT);
        assert_non_null(w[i].lemma);
        assert_non_null(w[i].feats);
        if (w[i].head < 0) {
            roots++;
            assert_int_equal(w[i].deprel, QP_DEP_ROOT);
        }
        size_t steps = 0;
        for (int32_t h = w[i].head; h >= 0; h = w[h].head)
            assert_true(++steps <= n);
    }
    if (n)
        assert_int_equal(roots, 1);
}

/* ---- relation and tag names ---- */

static void test_names(void **state)
{
    (void)state;
    for (int r = 0; r < QP_DEP_COUNT; r++) {
        const char *name = qp_deprel_name(r);
        assert_int_equal(qp_deprel_parse(name, strlen(name)), r);
    }
    assert_int_equal(qp_deprel_universal(QP_DEP_OBL_AGENT), QP_DEP_OBL);
    assert_int_equal(qp_deprel_universal(QP_DEP_NSUBJ_PASS), QP_DEP_NSUBJ);
    assert_int_equal(qp_deprel_universal(QP_DEP_NSUBJ), QP_DEP_NSUBJ);
    assert_int_equal(qp_deprel_parse("nmod:gmod", 9), -1);
    assert_int_equal(qp_deprel_parse_lenient("nmod:gmod", 9), QP_DEP_NMOD);
    assert_int_equal(qp_deprel_parse_lenient("whatever", 8), QP_DEP_DEP);
    for (int u = 0; u < QP_UPOS_COUNT; u++)
        assert_int_equal(qp_upos_parse(qp_upos_name(u), strlen(qp_upos_name(u))), u);
}

/* ---- transitions worked out by hand ---- */

/* "Rebels seized the town": Rebels <-nsubj- seized, the <-det- town, seized -obj-> town, and
 * seized is the root (word 4). By hand, arc-hybrid: SHIFT Rebels; LEFT (Rebels <- seized);
 * SHIFT seized; SHIFT the; LEFT (the <- town); SHIFT town; RIGHT (seized -> town); LEFT (seized
 * <- root). */
static void test_transitions_by_hand(void **state)
{
    (void)state;
    const int gold[5] = {1, 4, 3, 1, -1};
    const int seq[] = {PX_SHIFT, PX_LEFT, PX_SHIFT, PX_SHIFT, PX_LEFT, PX_SHIFT, PX_RIGHT, PX_LEFT};
    px_state s;
    assert_int_equal(px_state_init(&s, 4, &arena), 0);
    assert_false(px_valid(&s, PX_LEFT));
    assert_false(px_valid(&s, PX_RIGHT));
    for (size_t i = 0; i < QP_ARRAY_LEN(seq); i++) {
        int cost[PX_NTRANS];
        px_costs(&s, gold, cost);
        /* the dynamic oracle finds the same sequence: the hand's move is free, the others not */
        assert_int_equal(cost[seq[i]], 0);
        for (int t = 0; t < PX_NTRANS; t++)
            if (t != seq[i])
                assert_true(cost[t] != 0);
        assert_true(px_valid(&s, seq[i]));
        px_apply(&s, seq[i], seq[i] == PX_SHIFT ? PX_LABEL_NONE : (int)i);
    }
    assert_true(px_state_final(&s));
    for (int i = 0; i < 4; i++)
        assert_int_equal(s.head[i], gold[i]);
    /* children as the features read them */
    assert_int_equal(s.lc1[1], 0);
    assert_int_equal(s.rc1[1], 3);
    assert_int_equal(s.lc1[3], 2);
    assert_int_equal(s.nl[1], 1);
    assert_int_equal(s.nr[1], 1);
    assert_int_equal(s.lc1[4], 1);
    /* with two words left on the stack, the root cannot take one */
    px_state t;
    assert_int_equal(px_state_init(&t, 2, &arena), 0);
    px_apply(&t, PX_SHIFT, PX_LABEL_NONE);
    px_apply(&t, PX_SHIFT, PX_LABEL_NONE);
    assert_false(px_valid(&t, PX_SHIFT));
    assert_false(px_valid(&t, PX_LEFT));
    assert_true(px_valid(&t, PX_RIGHT));
}

/* ---- CoNLL-U ---- */

static void test_conllu_round_trip(void **state)
{
    (void)state;
    qp_conllu_sentence *s;
    size_t n;
    qp_conllu_error e;
    assert_int_equal(qp_conllu_read(fr_treebank, strlen(fr_treebank), &arena, &s, &n, &e), 0);
    assert_int_equal(n, 3);
    assert_int_equal(s[1].nwords, 12);
    assert_int_equal(s[1].nmwts, 1);
    assert_int_equal(s[1].words[8].mwt, 2);
    assert_int_equal(s[1].words[9].mwt, 0);
    assert_int_equal(s[1].words[7].deprel, QP_DEP_OBL_AGENT);
    assert_int_equal(s[1].words[4].head, -1);
    assert_string_equal(s[1].words[6].form, "l'");
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    assert_non_null(f);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(qp_conllu_write_sentence(f, &s[i]), 0);
    fclose(f);
    assert_string_equal(out, fr_treebank);
    free(out);
    /* empty nodes are skipped, malformed lines named */
    const char *enhanced = "1\ta\ta\tDET\t_\t_\t2\tdet\t_\t_\n1.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
                           "2\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n\n";
    assert_int_equal(qp_conllu_read(enhanced, strlen(enhanced), &arena, &s, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(s[0].nwords, 2);
    const char *bad = "1\ta\ta\tDET\t_\t_\t2\tdet\t_\t_\n2\tb\tb\tNOUN\t_\n";
    assert_int_equal(qp_conllu_read(bad, strlen(bad), &arena, &s, &n, &e), QP_EINVAL);
    assert_int_equal(e.line, 2);
    const char *gap = "1\ta\ta\tDET\t_\t_\t2\tdet\t_\t_\n3\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n";
    assert_int_equal(qp_conllu_read(gap, strlen(gap), &arena, &s, &n, &e), QP_EINVAL);
    assert_int_equal(e.line, 2);
    const char *far = "1\ta\ta\tDET\t_\t_\t9\tdet\t_\t_\n\n";
    assert_int_equal(qp_conllu_read(far, strlen(far), &arena, &s, &n, &e), QP_EINVAL);
}

/* ---- the tiny model: tagger, lemmas, parser and labeller learn the treebank ---- */

static void test_tiny_model_learns_treebank(void **state)
{
    (void)state;
    qp_conllu_sentence *s;
    size_t n;
    qp_conllu_error e;
    assert_int_equal(qp_conllu_read(fr_treebank, strlen(fr_treebank), &arena, &s, &n, &e), 0);
    for (size_t i = 0; i < n; i++) {
        qp_word *w = qp_arena_alloc(&arena, s[i].nwords * sizeof *w);
        memcpy(w, s[i].words, s[i].nwords * sizeof *w);
        for (size_t k = 0; k < s[i].nwords; k++) {
            w[k].head = 99;
            w[k].upos = QP_UPOS_X;
        }
        assert_int_equal(qp_parse_words(tiny, QP_LANG_FR, w, s[i].nwords, &arena), 0);
        assert_tree(w, s[i].nwords);
        for (size_t k = 0; k < s[i].nwords; k++) {
            assert_int_equal(w[k].upos, s[i].words[k].upos);
            assert_int_equal(w[k].head, s[i].words[k].head);
            assert_int_equal(w[k].deprel, s[i].words[k].deprel);
            assert_string_equal(w[k].lemma, s[i].words[k].lemma);
        }
    }
    assert_int_equal(qp_parse_words(tiny, QP_LANG_EN, NULL, 0, &arena), QP_ELANG);
}

/* ---- UD words from quipu's tokens ---- */

typedef struct expect_word {
    const char *form;
    const char *surface; /* the text's bytes at [start, end) */
    int mwt;
} expect_word;

static void check_words(const qp_parser *p, qp_lang lang, const char *text, const expect_word *x, size_t nx)
{
    qp_word *w;
    size_t n;
    assert_int_equal(qp_parse_segment(p, lang, text, 0, strlen(text), &arena, &w, &n), 0);
    for (size_t i = 0; i < n && i < nx; i++) {
        assert_string_equal(w[i].form, x[i].form);
        size_t len = w[i].end - w[i].start;
        if (strlen(x[i].surface) != len || memcmp(text + w[i].start, x[i].surface, len))
            fail_msg("word %zu (%s): span \"%.*s\", expected \"%s\"", i, w[i].form, (int)len, text + w[i].start,
                     x[i].surface);
        assert_int_equal(w[i].mwt, x[i].mwt);
    }
    assert_int_equal(n, nx);
}

static void test_segment_french(void **state)
{
    (void)state;
    const char *text = "Au sud, l'armée de Jean-Pierre a-t-elle repris aujourd'hui des villes aux rebelles ? M. Dupont";
    const expect_word x[] = {
        {"À", "Au", 2}, {"le", "Au", 0}, {"sud", "sud", 1}, {",", ",", 1}, {"l'", "l'", 1},
        {"armée", "armée", 1}, {"de", "de", 1}, {"Jean-Pierre", "Jean-Pierre", 1}, {"a", "a", 1},
        {"-t-elle", "-t-elle", 1}, {"repris", "repris", 1}, {"aujourd'hui", "aujourd'hui", 1},
        {"des", "des", 1}, {"villes", "villes", 1}, {"à", "aux", 2}, {"les", "aux", 0},
        {"rebelles", "rebelles", 1}, {"?", "?", 1}, {"M.", "M.", 1}, {"Dupont", "Dupont", 1},
    };
    check_words(tiny, QP_LANG_FR, text, x, QP_ARRAY_LEN(x));
    /* without a model, "du" is split and "des" is the article */
    const expect_word y[] = {{"la", "la", 1}, {"prise", "prise", 1}, {"de", "du", 2}, {"le", "du", 0},
                             {"port", "port", 1}, {"par", "par", 1}, {"des", "des", 1}, {"rebelles", "rebelles", 1}};
    check_words(NULL, QP_LANG_FR, "la prise du port par des rebelles", y, QP_ARRAY_LEN(y));
}

static void test_segment_english(void **state)
{
    (void)state;
    const char *text = "I don't think it's John's U.S.-backed e-mail, we can't and cannot.";
    const expect_word x[] = {
        {"I", "I", 1}, {"do", "do", 2}, {"n't", "n't", 0}, {"think", "think", 1}, {"it", "it", 2},
        {"'s", "'s", 0}, {"John", "John", 2}, {"'s", "'s", 0}, {"U.S.", "U.S.", 1}, {"-", "-", 1},
        {"backed", "backed", 1}, {"e-mail", "e-mail", 1}, {",", ",", 1}, {"we", "we", 1}, {"ca", "ca", 2},
        {"n't", "n't", 0}, {"and", "and", 1}, {"can", "cannot", 2}, {"not", "cannot", 0}, {".", ".", 1},
    };
    check_words(NULL, QP_LANG_EN, text, x, QP_ARRAY_LEN(x));
    const expect_word y[] = {{"well", "well", 1}, {"-", "-", 1}, {"known", "known", 1}, {"rebels", "rebels", 1}};
    check_words(NULL, QP_LANG_EN, "well-known rebels", y, QP_ARRAY_LEN(y));
    const expect_word z[] = {{"at", "at", 1}, {"8:40", "8:40", 1}, {"p.m.", "p.m.", 1}};
    check_words(NULL, QP_LANG_EN, "at 8:40 p.m.", z, QP_ARRAY_LEN(z));
}

/* ---- long and hostile input ---- */

static double cpu_seconds(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

static void test_long_sentence_linear(void **state)
{
    (void)state;
    const char *unit = "les rebelles ont pris la ville et ";
    size_t reps = 10000 / 7 + 1, ulen = strlen(unit);
    char *text = malloc(reps * ulen + 1);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ulen, unit, ulen);
    text[reps * ulen] = '\0';
    qp_arena a;
    qp_arena_init(&a, 1 << 20);
    qp_word *w;
    size_t n;
    double t0 = cpu_seconds();
    assert_int_equal(qp_parse_sentence(tiny, QP_LANG_FR, text, 0, 1000 / 7 * ulen, &a, &w, &n), 0);
    double small = cpu_seconds() - t0;
    size_t nsmall = n;
    t0 = cpu_seconds();
    assert_int_equal(qp_parse_sentence(tiny, QP_LANG_FR, text, 0, reps * ulen, &a, &w, &n), 0);
    double big = cpu_seconds() - t0;
    assert_true(n >= 10000);
    assert_tree(w, n);
    /* ten times the words in well under a hundred times the time */
    assert_true(big < 0.05 || big / (small > 1e-4 ? small : 1e-4) < 40.0 * n / nsmall / 10);
    qp_arena_destroy(&a);
    free(text);
}

static void test_any_bytes(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    char buf[512];
    qp_arena a;
    qp_arena_init(&a, 1 << 16);
    for (int round = 0; round < 3000; round++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t len = (size_t)(x % sizeof buf);
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            /* mostly text-like bytes, with quotes, hyphens, periods and invalid UTF-8 */
            static const char pick[] = "aeu lsdt'-.,\xc3\xa9\xe2\x80\x99\xff\x80 AUXdunt";
            buf[i] = (x >> 8) % 4 ? pick[(x >> 16) % (sizeof pick - 1)] : (char)(x >> 24);
        }
        qp_word *w;
        size_t n;
        for (int l = 0; l < QP_LANG_COUNT; l++) {
            int rc = qp_parse_sentence(tiny, (qp_lang)l, buf, 0, len, &a, &w, &n);
            if (l == QP_LANG_EN) {
                assert_int_equal(rc, QP_ELANG);
                assert_int_equal(qp_parse_segment(tiny, QP_LANG_EN, buf, 0, len, &a, &w, &n), 0);
            } else {
                assert_int_equal(rc, 0);
                assert_tree(w, n);
                for (size_t i = 0; i < n; i++)
                    assert_true(w[i].start <= w[i].end && w[i].end <= len);
            }
        }
        qp_arena_reset(&a);
    }
    qp_arena_destroy(&a);
}

static void test_bad_model_files(void **state)
{
    (void)state;
    qp_parser *p = NULL;
    char err[256];
    assert_int_equal(qp_parser_load_files(&p, "/nonexistent/fr.qpm", NULL, err, sizeof err), QP_ENOTFOUND);
    assert_null(p);
    assert_non_null(strstr(err, "/nonexistent/fr.qpm"));
    /* a truncated copy of the tiny model */
    FILE *f = fopen(model_path, "rb");
    assert_non_null(f);
    char *data = malloc(1 << 20);
    size_t n = fread(data, 1, 1 << 20, f);
    fclose(f);
    char cut[300];
    snprintf(cut, sizeof cut, "%s.cut", model_path);
    for (size_t keep = 0; keep < n; keep += n / 7 + 1) {
        FILE *g = fopen(cut, "wb");
        fwrite(data, 1, keep, g);
        fclose(g);
        int rc = qp_parser_load_files(&p, cut, NULL, err, sizeof err);
        assert_true(rc == QP_ELEXICON);
        assert_non_null(strstr(err, cut));
    }
    /* a French model is no English one */
    assert_int_equal(qp_parser_load_files(&p, NULL, model_path, err, sizeof err), QP_ELEXICON);
    remove(cut);
    free(data);
}

/* ---- the real models, when built: what extraction leans on ---- */

static const qp_word *find(const qp_word *w, size_t n, const char *form)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w[i].form, form))
            return &w[i];
    fail_msg("no word %s", form);
    return NULL;
}

static void expect_rel(const qp_word *w, size_t n, const char *dep, const char *head, qp_deprel rel)
{
    const qp_word *d = find(w, n, dep), *h = find(w, n, head);
    if (d->head != (int32_t)(h - w) || d->deprel != rel)
        fail_msg("%s: head %d (%s) rel %s; expected %s %s", dep, (int)d->head, d->head >= 0 ? w[d->head].form : "root",
                 qp_deprel_name(d->deprel), head, qp_deprel_name(rel));
}

static void test_real_models(void **state)
{
    (void)state;
    qp_parser *p = NULL;
    char err[512];
    if (qp_parser_load(&p, err, sizeof err) != 0 || !qp_parser_has(p, QP_LANG_FR) || !qp_parser_has(p, QP_LANG_EN)) {
        qp_parser_destroy(p);
        skip();
    }
    qp_word *w;
    size_t n;
    const char *fr = "L'armée syrienne a repris jeudi la ville de Palmyre aux jihadistes.";
    assert_int_equal(qp_parse_sentence(p, QP_LANG_FR, fr, 0, strlen(fr), &arena, &w, &n), 0);
    assert_tree(w, n);
    expect_rel(w, n, "armée", "repris", QP_DEP_NSUBJ);
    expect_rel(w, n, "ville", "repris", QP_DEP_OBJ);
    assert_string_equal(find(w, n, "repris")->lemma, "reprendre");
    const char *fr2 = "Le convoi a été attaqué par des rebelles.";
    assert_int_equal(qp_parse_sentence(p, QP_LANG_FR, fr2, 0, strlen(fr2), &arena, &w, &n), 0);
    expect_rel(w, n, "convoi", "attaqué", QP_DEP_NSUBJ_PASS);
    expect_rel(w, n, "rebelles", "attaqué", QP_DEP_OBL_AGENT);
    const char *en = "The convoy was attacked by rebels, the army said.";
    assert_int_equal(qp_parse_sentence(p, QP_LANG_EN, en, 0, strlen(en), &arena, &w, &n), 0);
    assert_tree(w, n);
    expect_rel(w, n, "convoy", "attacked", QP_DEP_NSUBJ_PASS);
    expect_rel(w, n, "rebels", "attacked", QP_DEP_OBL_AGENT);
    expect_rel(w, n, "army", "said", QP_DEP_NSUBJ);
    qp_parser_destroy(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_transitions_by_hand),
        cmocka_unit_test(test_conllu_round_trip),
        cmocka_unit_test(test_tiny_model_learns_treebank),
        cmocka_unit_test(test_segment_french),
        cmocka_unit_test(test_segment_english),
        cmocka_unit_test(test_long_sentence_linear),
        cmocka_unit_test(test_any_bytes),
        cmocka_unit_test(test_bad_model_files),
        cmocka_unit_test(test_real_models),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
