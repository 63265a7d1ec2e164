/* cmd_lexicon.c — `quipu lexicon`: check a user's overlay folder, look up what a name resolves to. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "fold.h"
#include "lexcheck.h"
#include "lexicon.h"
#include "morph.h"
#include "qp.h"

static void usage(FILE *out)
{
    fputs("Usage: quipu lexicon check DIR...\n"
          "       quipu lexicon lookup NAME [--date YYYY-MM-DD] [--lang fr|en]\n"
          "\n"
          "check   validates folders of lexicon files meant to be laid over the built-in lexicon\n"
          "        (--lexicon DIR, $QUIPU_LEXICON): actors.json, countries.json and fr/, en/\n"
          "        actors, countries, agents, actions, classes. Each problem is one line,\n"
          "        FILE:LINE: error|warning: WHERE: field \"F\": what is wrong; the folder is\n"
          "        then loaded over the built-in lexicon as quipu would load it.\n"
          "lookup  shows what NAME resolves to: an actor (id, kind, country, parent chain, the\n"
          "        persons in office in it), a person (office, dates, the body he acts for), a\n"
          "        state, a capital, a demonym with an agent (\"Iraqi air force\"), an action\n"
          "        (category, mode, context, CAMEO root). NAME may also be an id (PER-PUTIN, RUS).\n"
          "        The built-in lexicon is read with the overlays of --lexicon or $QUIPU_LEXICON.\n"
          "\n"
          "Options:\n"
          "  --date D        lookup: the date persons are in office on (default: today)\n"
          "  --lang fr|en    lookup: only the names and forms of that language\n"
          "  --lexicon DIR   (any quipu command) a folder overlaid on the built-in lexicon\n"
          "  -h, --help      this help\n"
          "\n"
          "Examples:\n"
          "  quipu lexicon check my-lexicon/\n"
          "  quipu lexicon lookup Kremlin\n"
          "  quipu lexicon lookup \"Mohammed ben Salmane\" --date 2014-01-01\n"
          "  quipu --lexicon my-lexicon/ lexicon lookup \"Brigade X\"\n"
          "\n"
          "Exit status: check: 0 no error (warnings allowed), 1 errors, 2 bad command line or no\n"
          "such folder. lookup: 0 found, 1 nothing found or the lexicon failed to load, 2 bad\n"
          "command line.\n",
          out);
}

/* ---- check ---- */

static int run_check(int argc, char **argv)
{
    if (argc < 1) {
        cli_error("lexicon", "check needs a folder (try --help)");
        return QP_EXIT_USAGE;
    }
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_error("lexicon", "%s: no such folder", argv[i]);
            return QP_EXIT_USAGE;
        }
    }
    /* the built-in lexicon alone is what each folder is checked against */
    qp_lexicon_clear_overlays();
    unsetenv("QUIPU_LEXICON");
    qp_lexicon base;
    char err[1024] = "";
    if (qp_lexicon_load(&base, err, sizeof err)) {
        cli_error("lexicon", "the built-in lexicon does not load: %s", err);
        qp_lexicon_destroy(&base);
        return QP_EXIT_FAILURE;
    }
    size_t errors = 0;
    for (int i = 0; i < argc; i++) {
        qp_lexcheck_result res;
        if (qp_lexicon_check_dir(&base, argv[i], stdout, &res)) {
            cli_error("lexicon", "%s: cannot be checked", argv[i]);
            errors++;
            continue;
        }
        /* loaded as quipu loads it: what the checker does not see, loading does */
        qp_lexicon lx;
        qp_lexicon_clear_overlays();
        if (qp_lexicon_add_overlay(argv[i])) {
            errors++;
            continue;
        }
        err[0] = '\0';
        int r = qp_lexicon_load(&lx, err, sizeof err);
        if (r && !res.errors) {
            printf("%s: error: the folder does not load: %s\n", argv[i], err[0] ? err : qp_strerror(r));
            res.errors++;
        }
        qp_lexicon_destroy(&lx);
        qp_lexicon_clear_overlays();
        printf("%s: %zu files, %zu entries: %zu errors, %zu warnings\n", argv[i], res.files, res.entries,
               res.errors, res.warnings);
        errors += res.errors;
    }
    qp_lexicon_destroy(&base);
    return errors ? QP_EXIT_FAILURE : QP_EXIT_OK;
}

/* ---- lookup ---- */

static const char *lang_name(int lang)
{
    return lang == 0 ? "fr" : lang == 1 ? "en" : "fr, en";
}

static int lang_fits(int entry_lang, int want)
{
    return want < 0 || entry_lang == 2 || entry_lang == want;
}

static void print_country_line(const qp_lexicon *lx, int ci)
{
    const qp_lex_country *c = &lx->countries[ci];
    printf("%s (%s / %s)", c->iso3, c->label ? c->label : "", c->label_fr ? c->label_fr : "");
}

/* "RUS-MIL (Russian Armed Forces) → RUS-GOV (…) → RUS (Russia)" */
static void print_chain(const qp_lexicon *lx, const char *parent)
{
    printf("  rolls up to: ");
    if (!parent) {
        printf("nothing (no parent)\n");
        return;
    }
    for (int depth = 0; parent && depth < 32; depth++) {
        if (depth)
            printf(" → ");
        int ai = qp_lexicon_actor(lx, parent);
        if (ai >= 0) {
            printf("%s (%s)", parent, lx->actors[ai].label);
            parent = lx->actors[ai].parent;
            continue;
        }
        int ci = qp_lexicon_country(lx, parent);
        if (ci >= 0)
            printf("%s (%s, state)", parent, lx->countries[ci].label ? lx->countries[ci].label : parent);
        else
            printf("%s (unknown)", parent);
        break;
    }
    printf("\n");
}

/* Whether the parents of actor or state `from` reach id. */
static int reaches(const qp_lexicon *lx, const char *from, const char *id)
{
    int ai = qp_lexicon_actor(lx, from);
    const char *p = ai >= 0 ? lx->actors[ai].parent : NULL;
    for (int depth = 0; p && depth < 32; depth++) {
        if (!strcmp(p, id))
            return 1;
        int up = qp_lexicon_actor(lx, p);
        p = up >= 0 ? lx->actors[up].parent : NULL;
    }
    return 0;
}

/* "from 2019-03-01 to now, dates approximate; terms 2019-03-01 to 2020-06-01, 2021-01-01 to now" */
static void print_dates(const qp_lex_actor *a)
{
    printf("from %s to %s%s", a->from ? a->from : "?", a->to ? a->to : "now", a->approx ? ", dates approximate" : "");
    for (size_t k = 0; k < a->n_terms; k++)
        printf("%s%s to %s", k ? ", " : "; terms ", a->terms[k].from, a->terms[k].to ? a->terms[k].to : "now");
}

/* The persons in office on date whose parents reach id. */
static void print_office_holders(const qp_lexicon *lx, const char *id, const char *date)
{
    size_t n = 0;
    for (size_t i = 0; i < lx->n_actors; i++) {
        const qp_lex_actor *p = &lx->actors[i];
        const char *office, *body = qp_lexicon_acts_for(p, date, &office);
        if (!body || (strcmp(body, id) && !reaches(lx, body, id)))
            continue;
        if (!n++)
            printf("  in office on %s:\n", date);
        printf("    %s  %s — %s", p->id, p->label, office ? office : "");
        if (office == p->office) {
            printf(" (");
            print_dates(p);
            printf(")");
        }
        printf("\n");
    }
    if (!n)
        printf("  in office on %s: nobody the lexicon knows\n", date);
}

static void print_actor(const qp_lexicon *lx, int ai, const char *date)
{
    const qp_lex_actor *a = &lx->actors[ai];
    printf("actor %s — %s / %s\n", a->id, a->label, a->label_fr ? a->label_fr : a->label);
    printf("  kind %s, country ", a->kind);
    int ci = a->country ? qp_lexicon_country(lx, a->country) : -1;
    if (ci >= 0)
        print_country_line(lx, ci);
    else
        printf("%s", a->country ? a->country : "none");
    printf("%s%s\n", a->origin ? ", from overlay " : "", a->origin ? a->origin : "");
    if (!strcmp(a->kind, "person")) {
        printf("  office: %s (", a->office ? a->office : "?");
        print_dates(a);
        printf(")\n");
        for (size_t k = 0; k < a->n_posts; k++)
            printf("  also: %s, for %s, from %s to %s\n", a->posts[k].office ? a->posts[k].office : "?",
                   a->posts[k].parent, a->posts[k].from, a->posts[k].to ? a->posts[k].to : "now");
        const char *office, *body = qp_lexicon_acts_for(a, date, &office);
        if (body) {
            printf("  on %s: in office (%s), acts for %s\n", date, office ? office : "?", body);
            print_chain(lx, body);
        } else {
            printf("  on %s: out of office, a person acting for himself\n", date);
        }
        return;
    }
    print_chain(lx, a->parent);
    if (a->agent)
        printf("  stands for the agent %s of %s (\"%s\" with that nationality)\n", a->agent,
               a->country ? a->country : "?", a->agent);
    print_office_holders(lx, a->id, date);
}

static void print_state(const qp_lexicon *lx, int ci, const char *how, const char *date)
{
    printf("state ");
    print_country_line(lx, ci);
    printf(" (%s)\n", how);
    print_office_holders(lx, lx->countries[ci].iso3, date);
}

/* "{Dem} Air Force" with "Iraqi" */
static void fill(char *out, size_t cap, const char *tpl, const char *dem)
{
    const char *open = tpl ? strchr(tpl, '{') : NULL, *close = open ? strchr(open, '}') : NULL;
    if (!open || !close)
        snprintf(out, cap, "%s", tpl ? tpl : "");
    else
        snprintf(out, cap, "%.*s%s%s", (int)(open - tpl), tpl, dem, close + 1);
}

static void print_agent_of(const qp_lexicon *lx, int agent, int ci, const char *date)
{
    const qp_lex_agent *ag = &lx->agents[agent];
    const qp_lex_country *c = &lx->countries[ci];
    int ai = qp_lexicon_agent_actor(lx, c->iso3, ag->code);
    printf("agent %s of ", ag->code);
    print_country_line(lx, ci);
    printf(" → ");
    if (ai >= 0) {
        print_actor(lx, ai, date);
        return;
    }
    char label[256], label_fr[256];
    fill(label, sizeof label, ag->label, c->dem_en ? c->dem_en : c->label);
    fill(label_fr, sizeof label_fr, ag->label_fr, c->dem_fr ? c->dem_fr : c->label_fr);
    printf("actor %s-%s — %s / %s\n  kind %s, country %s (made from the agent; no entry of its own)\n", c->iso3,
           ag->code, label, label_fr, ag->kind, c->iso3);
    /* the nearest ancestor the lexicon knows, as the extractor picks it */
    const char *code = ag->parent, *parent = NULL;
    char pid[64];
    for (int depth = 0; code && depth < 8 && !parent; depth++) {
        if (!strcmp(code, "STATE")) {
            parent = c->iso3;
            break;
        }
        snprintf(pid, sizeof pid, "%s-%s", c->iso3, code);
        if (qp_lexicon_actor(lx, pid) >= 0) {
            parent = pid;
            break;
        }
        const char *next = NULL;
        for (size_t k = 0; k < lx->n_agents; k++)
            if (!strcmp(lx->agents[k].code, code))
                next = lx->agents[k].parent;
        code = next;
    }
    print_chain(lx, parent);
}

/* An action with the forms the looked-up phrase is of it ("pres, subj"). */
static void print_action(const qp_lexicon *lx, uint32_t ref, const char *tags)
{
    const qp_lex_action *a = &lx->actions[ref];
    printf("action (%s) \"%s\" %s, as %s: ", a->lang ? "en" : "fr", a->lemma, a->pos, tags);
    if (a->light)
        printf("light verb (hands its subject to the event noun that follows)");
    else
        printf("%s mode %s context %s CAMEO %s", a->code, a->mode ? a->mode : "-", a->context ? a->context : "-",
               a->cameo ? a->cameo : "-");
    printf(", object %s", a->object);
    for (size_t k = 0; k < a->n_preps; k++)
        printf("%s%s", k ? "|" : ", preps ", a->preps[k] ? a->preps[k] : "?");
    if (a->frame)
        printf(", frame %s", a->frame);
    if (a->need)
        printf(", needs what it acts on");
    printf(", weight %.2f%s%s\n", a->weight, a->origin ? ", from overlay " : "", a->origin ? a->origin : "");
}

/* Every reading of the folded phrase p (len bytes). Returns how many were printed. */
static int print_phrase(const qp_lexicon *lx, const char *p, size_t len, int want_lang, const char *date)
{
    int prefix, n = 0;
    int32_t first = qp_lexicon_find(lx, p, len, &prefix);
    for (int32_t k = first; k >= 0; k = lx->entries[k].next) {
        const qp_lex_entry *e = &lx->entries[k];
        if (!lang_fits(e->lang, want_lang))
            continue;
        if (e->kind == QP_LEX_ACTION) {
            /* one line per action, with every form the phrase is of it */
            int done = 0;
            for (int32_t j = first; j != k && !done; j = lx->entries[j].next)
                done = lx->entries[j].kind == QP_LEX_ACTION && lx->entries[j].ref == e->ref &&
                       lang_fits(lx->entries[j].lang, want_lang);
            if (done)
                continue;
            char tags[256] = "";
            size_t o = 0;
            for (int32_t j = k; j >= 0; j = lx->entries[j].next) {
                const qp_lex_entry *g = &lx->entries[j];
                if (g->kind != QP_LEX_ACTION || g->ref != e->ref || !lang_fits(g->lang, want_lang) || g->tag < 0)
                    continue;
                int w = snprintf(tags + o, sizeof tags - o, "%s%s", o ? ", " : "",
                                 qp_morph_tag_name((qp_morph_tag)g->tag));
                if (w < 0 || (size_t)w >= sizeof tags - o)
                    break;
                o += (size_t)w;
            }
            n++;
            printf("[%s] ", lang_name(e->lang));
            print_action(lx, e->ref, o ? tags : "?");
            continue;
        }
        n++;
        printf("[%s%s] ", lang_name(e->lang), e->acronym ? ", in capitals only" : "");
        switch (e->kind) {
        case QP_LEX_ACTOR:
            print_actor(lx, (int)e->ref, date);
            break;
        case QP_LEX_COUNTRY:
            print_state(lx, (int)e->ref, "its name", date);
            break;
        case QP_LEX_CAPITAL:
            print_state(lx, (int)e->ref, "its capital: the state when it acts, the city as a place", date);
            break;
        case QP_LEX_DEMONYM:
            printf("demonym of ");
            print_country_line(lx, (int)e->ref);
            printf(": with an agent (\"troops\", \"armée\") the agent of that state; alone after an article, "
                   "the state\n");
            break;
        case QP_LEX_AGENT: {
            const qp_lex_agent *ag = &lx->agents[e->ref];
            printf("agent %s (%s, label \"%s\"): takes the nationality next to it, else the article's country\n",
                   ag->code, ag->kind, ag->label ? ag->label : "");
            break;
        }
        default:
            break;
        }
    }
    return n;
}

/* The phrase p split into a demonym and an agent, in either order ("iraqi air force",
 * "armee de l air irakienne"). */
static int print_composed(const qp_lexicon *lx, const char *p, size_t len, int want_lang, const char *date)
{
    int n = 0;
    for (size_t cut = 0; cut < len; cut++) {
        if (p[cut] != ' ')
            continue;
        for (int order = 0; order < 2; order++) {
            const char *dem = order ? p + cut + 1 : p, *agt = order ? p : p + cut + 1;
            size_t dl = order ? len - cut - 1 : cut, al = order ? cut : len - cut - 1;
            int prefix;
            for (int32_t d = qp_lexicon_find(lx, dem, dl, &prefix); d >= 0; d = lx->entries[d].next) {
                if (lx->entries[d].kind != QP_LEX_DEMONYM || !lang_fits(lx->entries[d].lang, want_lang))
                    continue;
                for (int32_t a = qp_lexicon_find(lx, agt, al, &prefix); a >= 0; a = lx->entries[a].next) {
                    if (lx->entries[a].kind != QP_LEX_AGENT || !lang_fits(lx->entries[a].lang, want_lang))
                        continue;
                    printf("[%s] ", lang_name(lx->entries[a].lang));
                    print_agent_of(lx, (int)lx->entries[a].ref, (int)lx->entries[d].ref, date);
                    n++;
                }
            }
        }
    }
    return n;
}

static int run_lookup(int argc, char **argv)
{
    const char *date = NULL, *lang = NULL;
    static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
                                         {"lang", required_argument, NULL, 'l'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            date = optarg;
            break;
        case 'l':
            lang = optarg;
            break;
        case 'h':
            usage(stdout);
            return QP_EXIT_OK;
        default:
            return QP_EXIT_USAGE;
        }
    }
    /* options may also follow the name */
    const char *name = optind < argc ? argv[optind++] : NULL;
    while (optind < argc && (c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        if (c == 'd')
            date = optarg;
        else if (c == 'l')
            lang = optarg;
        else
            return QP_EXIT_USAGE;
    }
    if (!name || optind < argc) {
        cli_error("lexicon", "lookup takes one NAME (quote a name of several words; try --help)");
        return QP_EXIT_USAGE;
    }
    if (date && !cli_is_date(date)) {
        cli_error("lexicon", "--date: %s is not YYYY-MM-DD", date);
        return QP_EXIT_USAGE;
    }
    int want = -1;
    if (lang && (want = qp_lang_parse(lang)) < 0) {
        cli_error("lexicon", "--lang: fr or en, not %s", lang);
        return QP_EXIT_USAGE;
    }
    char today[16];
    if (!date) {
        time_t t = time(NULL);
        struct tm tm;
        localtime_r(&t, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
    qp_lexicon lx;
    char err[1024] = "";
    int r = qp_lexicon_load(&lx, err, sizeof err);
    if (r) {
        cli_error("lexicon", "the lexicon does not load: %s", err[0] ? err : qp_strerror(r));
        qp_lexicon_destroy(&lx);
        return QP_EXIT_FAILURE;
    }
    int found = 0;
    /* an id */
    int ai = qp_lexicon_actor(&lx, name), ci = qp_lexicon_country(&lx, name);
    if (ai >= 0) {
        printf("[id] ");
        print_actor(&lx, ai, date);
        found++;
    } else if (ci >= 0) {
        printf("[id] ");
        print_state(&lx, ci, "its ISO code", date);
        found++;
    }
    /* a name */
    qp_buf f;
    qp_buf_init(&f);
    if (qp_fold(name, strlen(name), &f) == 0 && f.len) {
        const char *p = f.data;
        size_t len = f.len;
        static const char *const arts[] = {"le ", "la ", "les ", "l ", "the ", "a ", "an ", "un ", "une ", "des "};
        for (size_t k = 0; k < QP_ARRAY_LEN(arts); k++)
            if (len > strlen(arts[k]) && !strncmp(p, arts[k], strlen(arts[k]))) {
                p += strlen(arts[k]);
                len -= strlen(arts[k]);
                break;
            }
        int n = print_phrase(&lx, p, len, want, date);
        if (!n)
            n = print_composed(&lx, p, len, want, date);
        found += n;
    }
    qp_buf_destroy(&f);
    if (!found)
        printf("\"%s\": nothing in the lexicon%s\n", name,
               want >= 0 ? (want ? " (English names)" : " (French names)") : "");
    qp_lexicon_destroy(&lx);
    return found ? QP_EXIT_OK : QP_EXIT_FAILURE;
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return QP_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return QP_EXIT_OK;
    }
    if (!strcmp(argv[1], "check")) {
        for (int i = 2; i < argc; i++)
            if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
                usage(stdout);
                return QP_EXIT_OK;
            }
        return run_check(argc - 2, argv + 2);
    }
    if (!strcmp(argv[1], "lookup"))
        return run_lookup(argc - 1, argv + 1);
    cli_error("lexicon", "unknown subcommand '%s' (check or lookup; try --help)", argv[1]);
    return QP_EXIT_USAGE;
}
