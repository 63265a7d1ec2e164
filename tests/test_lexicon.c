/* test_lexicon.c — the lexicon as users extend it: overlays merged over the built-in files (an
 * actor added, a field replaced, an alias taken over, an action replaced or added with its
 * inflections), $QUIPU_LEXICON and --lexicon, broken overlays refused with the file named,
 * the regular inflection rules, persons in office by their terms, the load time. */
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

#include "buf.h"
#include "fold.h"
#include "inflect.h"
#include "lexicon.h"
#include "qp.h"

static char overlay[1024], broken[1024];

static int setup(void **state)
{
    (void)state;
    const char *root = getenv("QP_SOURCE_ROOT");
    snprintf(overlay, sizeof overlay, "%s/tests/lexicon/overlay", root ? root : ".");
    snprintf(broken, sizeof broken, "%s/tests/lexicon/broken", root ? root : ".");
    unsetenv("QUIPU_LEXICON");
    qp_lexicon_clear_overlays();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("QUIPU_LEXICON");
    qp_lexicon_clear_overlays();
    return 0;
}

static void load(qp_lexicon *lx)
{
    char err[1024] = "";
    int r = qp_lexicon_load(lx, err, sizeof err);
    if (r)
        fail_msg("lexicon load: %s (%s)", qp_strerror(r), err);
}

/* The entries of a phrase as text folds it, of one kind; their refs into refs. */
static size_t readings(const qp_lexicon *lx, const char *text, qp_lex_kind kind, uint32_t *refs, size_t cap)
{
    qp_buf f;
    qp_buf_init(&f);
    assert_int_equal(qp_fold(text, strlen(text), &f), 0);
    int prefix;
    size_t n = 0;
    for (int32_t e = qp_lexicon_find(lx, f.data, f.len, &prefix); e >= 0; e = lx->entries[e].next)
        if (lx->entries[e].kind == kind && n < cap)
            refs[n++] = lx->entries[e].ref;
    qp_buf_destroy(&f);
    return n;
}

static const char *actor_of(const qp_lexicon *lx, const char *text)
{
    uint32_t refs[8];
    size_t n = readings(lx, text, QP_LEX_ACTOR, refs, 8);
    return n == 1 ? lx->actors[refs[0]].id : n ? "(several)" : "(none)";
}

static const qp_lex_action *action_of(const qp_lexicon *lx, const char *form, const char *lemma)
{
    uint32_t refs[16];
    size_t n = readings(lx, form, QP_LEX_ACTION, refs, 16);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(lx->actions[refs[i]].lemma, lemma))
            return &lx->actions[refs[i]];
    return NULL;
}

static void builtin_loads_fast(void **state)
{
    (void)state;
    qp_lexicon lx;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    load(&lx);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    printf("# lexicon load: %.1f ms, %zu actors, %zu countries, %zu actions, %zu phrases\n", ms, lx.n_actors,
           lx.n_countries, lx.n_actions, lx.n_used);
    assert_int_equal(lx.n_overlays, 0);
    assert_true(ms < 1000); /* the target is 100 ms; a loaded machine gets slack */
    assert_int_equal(qp_lexicon_actor(&lx, "ZZ-BRIGADE"), -1);
    assert_string_equal(actor_of(&lx, "coalition"), "COALITION");
    /* an agent's actor by its code: the id ISO3-CODE, else the actor that names the agent */
    int pmf = qp_lexicon_agent_actor(&lx, "IRQ", "MILITIAS");
    assert_true(pmf >= 0);
    assert_string_equal(lx.actors[pmf].id, "IRQ-PMF");
    assert_string_equal(lx.actors[qp_lexicon_agent_actor(&lx, "SYR", "MIL")].id, "SYR-MIL");
    assert_int_equal(qp_lexicon_agent_actor(&lx, "ISL", "MILITIAS"), -1);
    qp_lexicon_destroy(&lx);
}

static void overlay_merges(void **state)
{
    (void)state;
    assert_int_equal(qp_lexicon_add_overlay(overlay), 0);
    qp_lexicon lx;
    load(&lx);
    assert_int_equal(lx.n_overlays, 1);
    /* a new militia and its chief, with the aliases of both languages */
    int b = qp_lexicon_actor(&lx, "ZZ-BRIGADE");
    assert_true(b >= 0);
    assert_string_equal(lx.actors[b].parent, "JNIM");
    assert_string_equal(lx.actors[b].origin, overlay);
    assert_string_equal(actor_of(&lx, "brigade Zéro"), "ZZ-BRIGADE");
    assert_string_equal(actor_of(&lx, "Zero Brigade"), "ZZ-BRIGADE");
    assert_string_equal(actor_of(&lx, "BZT"), "ZZ-BRIGADE");
    /* a built-in actor's field replaced, the others kept */
    int w = qp_lexicon_actor(&lx, "WAGNER");
    assert_string_equal(lx.actors[w].label, "Wagner Group (overlay label)");
    assert_string_equal(lx.actors[w].label_fr, "groupe Wagner");
    assert_string_equal(lx.actors[w].kind, "paramilitary");
    assert_string_equal(actor_of(&lx, "Wagner"), "WAGNER");
    /* an alias the overlay gives another actor is that actor's only */
    assert_string_equal(actor_of(&lx, "coalition"), "SAU-COALITION");
    assert_string_equal(actor_of(&lx, "coalition internationale"), "COALITION");
    /* a new verb, inflected by the rules; a replaced one keeps the compiled forms */
    const qp_lex_action *a = action_of(&lx, "canardé", "canarder");
    assert_non_null(a);
    assert_string_equal(a->code, "ASSAULT");
    assert_string_equal(a->mode, "firearms");
    assert_non_null(action_of(&lx, "canardaient", "canarder"));
    assert_non_null(action_of(&lx, "strafed", "strafe"));
    assert_non_null(action_of(&lx, "strafing", "strafe"));
    a = action_of(&lx, "mitraillent", "mitrailler");
    assert_non_null(a);
    assert_string_equal(a->mode, "aerial"); /* replaced: the built-in entry is gone */
    size_t n_mit = 0;
    for (size_t i = 0; i < lx.n_actions; i++)
        n_mit += !strcmp(lx.actions[i].lemma, "mitrailler");
    assert_int_equal(n_mit, 1);
    /* forms an entry lists itself */
    assert_non_null(action_of(&lx, "smote", "smite"));
    assert_non_null(action_of(&lx, "smitten", "smite"));
    /* class words added */
    assert_true(qp_classes_of(&lx.classes[QP_LANG_EN], "opine", 5) & QP_WC_SPEECH);
    assert_true(qp_classes_of(&lx.classes[QP_LANG_EN], "say", 3) & QP_WC_SPEECH);
    /* a person in office by his terms */
    const qp_lex_actor *p = &lx.actors[qp_lexicon_actor(&lx, "PER-ZZ-CHIEF")];
    assert_int_equal(p->n_terms, 2);
    assert_true(p->approx);
    assert_true(qp_lexicon_in_office(p, "2019-06-01"));
    assert_false(qp_lexicon_in_office(p, "2020-08-01"));
    assert_true(qp_lexicon_in_office(p, "2024-01-01"));
    assert_false(qp_lexicon_in_office(p, "2018-01-01"));
    assert_false(qp_lexicon_in_office(p, NULL));
    /* between his terms he held another post, for another body */
    const char *office = NULL;
    assert_string_equal(qp_lexicon_acts_for(p, "2019-06-01", &office), "ZZ-BRIGADE");
    assert_string_equal(office, "Commander of the Zero Brigade");
    assert_string_equal(qp_lexicon_acts_for(p, "2020-08-01", &office), "MLI-GOV");
    assert_string_equal(office, "Interim governor of Timbuktu");
    assert_null(qp_lexicon_acts_for(p, "2018-01-01", NULL));
    assert_null(qp_lexicon_acts_for(&lx.actors[qp_lexicon_actor(&lx, "ZZ-BRIGADE")], "2020-01-01", NULL));
    qp_lexicon_destroy(&lx);
}

static void env_and_command_line(void **state)
{
    (void)state;
    char both[2100];
    snprintf(both, sizeof both, "%s:/nonexistent-b", overlay);
    setenv("QUIPU_LEXICON", both, 1);
    const char *const *d = qp_lexicon_overlay_dirs();
    assert_string_equal(d[0], overlay);
    assert_string_equal(d[1], "/nonexistent-b");
    assert_null(d[2]);
    /* a folder that does not exist is an error naming it */
    qp_lexicon lx;
    char err[1024] = "";
    assert_int_equal(qp_lexicon_load(&lx, err, sizeof err), QP_ENOTFOUND);
    assert_non_null(strstr(err, "/nonexistent-b"));
    qp_lexicon_destroy(&lx);
    /* --lexicon wins over the environment */
    assert_int_equal(qp_lexicon_add_overlay(overlay), 0);
    d = qp_lexicon_overlay_dirs();
    assert_string_equal(d[0], overlay);
    assert_null(d[1]);
    load(&lx);
    assert_true(qp_lexicon_actor(&lx, "ZZ-BRIGADE") >= 0);
    qp_lexicon_destroy(&lx);
    qp_lexicon_clear_overlays();
    unsetenv("QUIPU_LEXICON");
    assert_null(qp_lexicon_overlay_dirs()[0]);
}

static void broken_overlay_refused(void **state)
{
    (void)state;
    assert_int_equal(qp_lexicon_add_overlay(broken), 0);
    qp_lexicon lx;
    char err[1024] = "";
    int r = qp_lexicon_load(&lx, err, sizeof err);
    assert_int_equal(r, QP_ELEXICON);
    assert_non_null(strstr(err, "en/actions.json:")); /* the file that is no JSON, with its line */
    qp_lexicon_destroy(&lx);
}

typedef struct {
    char forms[64][96];
    int tags[64];
    int n;
} got;

static int keep(const char *form, int tag, void *ud)
{
    got *g = ud;
    if (g->n < 64) {
        snprintf(g->forms[g->n], sizeof g->forms[0], "%s", form);
        g->tags[g->n++] = tag;
    }
    return 0;
}

static int has(const got *g, const char *form, int tag)
{
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->forms[i], form) && g->tags[i] == tag)
            return 1;
    return 0;
}

static got inflect(int lang, const char *lemma, int verb)
{
    got g;
    memset(&g, 0, sizeof g);
    qp_inflect(lang, lemma, verb, keep, &g);
    return g;
}

static void inflection_rules(void **state)
{
    (void)state;
    got g = inflect(1, "strafe", 1);
    assert_true(has(&g, "strafes", QP_TAG_PRES) && has(&g, "strafed", QP_TAG_PAST) &&
                has(&g, "strafed", QP_TAG_PPAS) && has(&g, "strafing", QP_TAG_PPRE));
    g = inflect(1, "ban", 1);
    assert_true(has(&g, "banned", QP_TAG_PAST) && has(&g, "banning", QP_TAG_PPRE));
    g = inflect(1, "target", 1);
    assert_true(has(&g, "targeted", QP_TAG_PPAS));
    g = inflect(1, "carry out", 1);
    assert_true(has(&g, "carries out", QP_TAG_PRES) && has(&g, "carried out", QP_TAG_PAST));
    g = inflect(1, "air strike", 0);
    assert_true(has(&g, "air strikes", QP_TAG_NOUN_PL));
    g = inflect(1, "show of force", 0);
    assert_true(has(&g, "shows of force", QP_TAG_NOUN_PL));
    g = inflect(0, "canarder", 1);
    assert_true(has(&g, "canardé", QP_TAG_PPAS) && has(&g, "canardées", QP_TAG_PPAS) &&
                has(&g, "canardent", QP_TAG_PRES) && has(&g, "canardera", QP_TAG_FUT) &&
                has(&g, "canardait", QP_TAG_IMPF) && has(&g, "canarda", QP_TAG_PAST));
    g = inflect(0, "lancer", 1);
    assert_true(has(&g, "lançons", QP_TAG_PRES) && has(&g, "lançait", QP_TAG_IMPF) && has(&g, "lancé", QP_TAG_PPAS));
    g = inflect(0, "s'emparer de", 1);
    assert_true(has(&g, "empare de", QP_TAG_PRES) && has(&g, "emparés de", QP_TAG_PPAS));
    g = inflect(0, "investir", 1);
    assert_true(has(&g, "investissent", QP_TAG_PRES) && has(&g, "investi", QP_TAG_PPAS));
    g = inflect(0, "frappe aérienne", 0);
    assert_true(has(&g, "frappes aériennes", QP_TAG_NOUN_PL));
    g = inflect(0, "livraison d'armes", 0);
    assert_true(has(&g, "livraisons d'armes", QP_TAG_NOUN_PL));
    g = inflect(0, "tir", 0);
    assert_true(has(&g, "tirs", QP_TAG_NOUN_PL));
    g = inflect(0, "prendre", 1); /* third group: no rule, the entry lists its forms */
    assert_int_equal(g.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(builtin_loads_fast, setup, teardown),
        cmocka_unit_test_setup_teardown(overlay_merges, setup, teardown),
        cmocka_unit_test_setup_teardown(env_and_command_line, setup, teardown),
        cmocka_unit_test_setup_teardown(broken_overlay_refused, setup, teardown),
        cmocka_unit_test(inflection_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
