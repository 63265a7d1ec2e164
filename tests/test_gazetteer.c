/* test_gazetteer.c — the compiled gazetteer: import, look-up, name keys, choosing, damaged files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "buf.h"
#include "fold.h"
#include "gazetteer.h"
#include "gazetteer_build.h"
#include "gazetteer_int.h"
#include "qp.h"

/* Real GeoNames rows (cities1000, alternate names shortened), a blank line, a comment and
 * one broken row (line 15: 3 columns). */
static const char sample[] =
    "3039604\tPas de la Casa\tPas de la Casa\tPas de la Kasa,Пас де ла Каса\t42.54277\t1.73361\tP\tPPL\tAD\t\t03\t\t\t\t2363\t2050\t2106\tEurope/Andorra\t2008-06-09\n"
    "2988507\tParis\tParis\tBaariis,Bahliz,Ile-de-France,Lungsod ng Paris,Lutece,Lutetia,Lutetia Parisorum,Lutèce,PAR,Pa-ri,Paarys,Palika,Paname\t48.85341\t2.3488\tP\tPPLC\tFR\t\t11\t75\t\t\t2138551\t\t42\tEurope/Paris\t2020-01-30\n"
    "2989460\tOrange\tOrange\tArausio,Aurenja,Orange,Oranz,Oranzas,Oranzh,Oranžas,ao lang ri,awranzh  wwklwz,awrnj  wwklwz,olangju,oranju\t44.13806\t4.81025\tP\tPPL\tFR\t\t93\t84\t843\t84087\t30530\t\t43\tEurope/Paris\t2019-06-05\n"
    "2990440\tNice\tNice\tNCE,Nica,Nicaea,Nicc,Nicca,Niccae,Nice,Nicea,Nico,Nikaia,Nis,Nisa\t43.70313\t7.26608\tP\tPPLA2\tFR\t\t93\t06\t062\t06088\t338620\t25\t18\tEurope/Paris\t2019-09-05\n"
    "252601\tTrípoli\tTripoli\tTripole,Tripole Arkadias,Tripoli,Tripolis,Tripolitza,Tripolizza,Trípoli,Trípolis,Τρίπολη,Τρίπολη Αρκαδίας,Триполи\t37.50889\t22.37944\tP\tPPLA\tGR\t\tESYE25\t41\t9241\t\t26561\t\t660\tEurope/Athens\t2012-02-28\n"
    "92138\tAl Qā’im\tAl Qa'im\tAl Qa'im,Al Qā’im,Al-Qaim,Dulaym al Husaybah,Dulaym al Ḩusaybah,El Kaim,El Qa'im,El Qa’im,Hsaiba,Husaybah,Kasibah,Kaşībah,القائم\t34.39251\t40.98945\tP\tPPLA2\tIQ\t\t01\t9166576\t\t\t0\t\t180\tAsia/Baghdad\t2016-06-22\n"
    "266826\tTripoli\tTripoli\tKYE,Tarabulus,Trablous,Trablussam,Trablusşam,Tripol,Tripole,Tripoli,Tripoli i Libanon,Tripolis,Tripolo,Tripuli\t34.43352\t35.84415\tP\tPPLA\tLB\t\t09\t\t\t\t229398\t\t51\tAsia/Beirut\t2019-09-05\n"
    "2210247\tTripoli\tTripoli\tAea,Ea,Oea,TIP,Tarables,Tarabulus,Tarabulus al Gharb,Tarabulus el Gharb,Taràbles,Trables,Trablus,Trablûs\t32.88743\t13.18733\tP\tPPLC\tLY\t\t77\t\t\t\t1150989\t\t7\tAfrica/Tripoli\t2019-09-05\n"
    "170063\tAleppo\tAleppo\tALP,Alep,Alepas,Alepo,Aleppe,Aleppo,Aleppu,Aleppó,Alèp,Berea,Beroea,Chalepi\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t1602264\t\t401\tAsia/Damascus\t2019-09-05\n"
    "4717560\tParis\tParis\tPRX,Paris,Parizh,barys,parys  tgzas,Париж,Парис,Փարիզ,باريس,پاریس، تگزاس,پیرس، ٹیکساس\t33.66094\t-95.55551\tP\tPPLA2\tUS\t\tTX\t277\t\t\t24782\t183\t190\tAmerica/Chicago\t2017-03-09\n"
    "5014051\tWarren\tWarren\tUorehn,Uorren,Voren,Warren\t42.49044\t-83.01304\tP\tPPL\tUS\t\tMI\t099\t84000\t\t134056\t191\t196\tAmerica/Detroit\t2019-09-05\n"
    "3667991\tSan Luis de Sincé\tSan Luis de Since\tSan Luis de Since,San Luis de Sincé,Since,Sincé\t9.24391\t-75.14675\tP\tPPLA2\tCO\t\t27\t70742\t\t\t30768\t\t141\tAmerica/Bogota\t2018-09-05\n"
    "\n"
    "# a comment\n"
    "12345\tBroken\tBroken\n";

/* The places.json a test writes itself: a province with no id, an exonym for a known id. */
static const char places_json[] =
    "{\"places\": ["
    "{\"id\": null, \"label\": \"Deir ez-Zor Governorate\", \"country\": \"SY\","
    " \"feature\": \"A.ADM1\", \"lat\": 35.0, \"lon\": 40.5,"
    " \"names\": {\"fr\": [\"province de Deir Ezzor\"], \"en\": [\"Deir ez-Zor province\"]}},"
    "{\"id\": 92138, \"label\": \"Al-Qa'im\", \"names\": {\"fr\": [\"Qaïm\"]}}],"
    " \"common_words\": {\"fr\": [\"orange\"], \"en\": [\"nice\"]}}";

typedef struct fixture {
    char dir[64];
    char path[128];
    unsigned long bad, bad_line;
    qp_gazetteer *g;
} fixture;

static void on_bad(void *user, const char *file, unsigned long line, const char *why)
{
    fixture *fx = user;
    fx->bad++;
    fx->bad_line = line;
}

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc(*len + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, *len, f), *len);
    fclose(f);
    return p;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/qp-gaz-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    char dump[128], pj[128];
    snprintf(dump, sizeof dump, "%s/sample.txt", fx->dir);
    snprintf(pj, sizeof pj, "%s/places.json", fx->dir);
    snprintf(fx->path, sizeof fx->path, "%s/g.qpg", fx->dir);
    write_file(dump, sample, sizeof sample - 1);
    write_file(pj, places_json, sizeof places_json - 1);

    qp_gazetteer_builder *b;
    if (qp_gazetteer_builder_init(&b))
        return -1;
    qp_gazetteer_report rep = {fx, on_bad, NULL};
    FILE *f = fopen(dump, "r");
    int r = qp_gazetteer_builder_add_geonames(b, f, "sample.txt", &rep);
    fclose(f);
    char err[256];
    if (r == 0)
        r = qp_gazetteer_builder_add_places_json(b, pj, err, sizeof err);
    if (r == 0)  /* as hunspell-fr says: a first name, and "Florence" a place too */
        r = qp_gazetteer_builder_add_word(b, "Warren", 6, QP_WORD_PERSON);
    qp_gazetteer_build_stats st;
    if (r == 0)
        r = qp_gazetteer_builder_write(b, fx->path, &st);
    qp_gazetteer_builder_destroy(b);
    if (r || qp_gazetteer_open(&fx->g, fx->path))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    qp_gazetteer_close(fx->g);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fx->dir);
    if (system(cmd) != 0)
        return -1;
    free(fx);
    return 0;
}

/* Looks a name up the way the extractor would: folded tokens. */
static size_t look(const qp_gazetteer *g, const char *text, qp_place_cand *c, size_t max)
{
    qp_buf b;
    qp_buf_init(&b);
    assert_int_equal(qp_fold(text, strlen(text), &b), 0);
    size_t n = qp_gazetteer_lookup(g, b.data, b.len, c, max);
    qp_buf_destroy(&b);
    return n;
}

static void bad_rows_are_counted_with_their_line(void **state)
{
    fixture *fx = *state;
    assert_int_equal(fx->bad, 1);
    assert_int_equal(fx->bad_line, 15);
    qp_gazetteer_info in;
    qp_gazetteer_get_info(fx->g, &in);
    assert_int_equal(in.n_places, 13);  /* 12 rows + the province */
    assert_int_equal(in.n_curated, 2);
    assert_int_equal(qp_gazetteer_verify(fx->g), 0);
}

static void keys_delete_apostrophes_but_not_elisions(void **state)
{
    qp_buf b;
    qp_buf_init(&b);
    assert_int_equal(qp_gazetteer_key("Al Qa'im", 8, &b), 0);
    assert_string_equal(b.data, "al qaim");
    qp_buf_clear(&b);
    assert_int_equal(qp_gazetteer_key("al-Qaïm", strlen("al-Qaïm"), &b), 0);
    assert_string_equal(b.data, "al qaim");
    qp_buf_clear(&b);
    assert_int_equal(qp_gazetteer_key("Al Qā’im", strlen("Al Qā’im"), &b), 0);
    assert_string_equal(b.data, "al qaim");
    qp_buf_clear(&b);
    const char *ayn = "\xCA\xBF" "Ayn al-" "\xCA\xBF" "Arab";
    assert_int_equal(qp_gazetteer_key(ayn, strlen(ayn), &b), 0);
    assert_string_equal(b.data, "ayn al arab");
    qp_buf_clear(&b);
    assert_int_equal(qp_gazetteer_key("vallée de l'Euphrate", strlen("vallée de l'Euphrate"), &b), 0);
    assert_string_equal(b.data, "vallee de l euphrate");
    qp_buf_clear(&b);
    assert_int_equal(qp_gazetteer_key("jusqu'à Alep", strlen("jusqu'à Alep"), &b), 0);
    assert_string_equal(b.data, "jusqu a alep");
    qp_buf_destroy(&b);
}

static void alqaim_under_every_spelling(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[8];
    /* the press's al-Qaïm, GeoNames' Al Qa'im folded as is, and the article dropped */
    static const char *const spellings[] = {"al-Qaïm", "Al Qa'im", "El Qa’im", "Al-Qaim"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(look(fx->g, spellings[i], c, 8), 1);
        assert_int_equal(c[0].geonames_id, 92138);
        assert_string_equal(c[0].country, "IQ");
        assert_string_equal(c[0].name, "Al-Qa'im");  /* the lexicon's label */
        assert_false(c[0].match & QP_PLACE_DERIVED);
    }
    assert_int_equal(look(fx->g, "Qaïm", c, 8), 1);  /* from places.json: a plain name */
    assert_false(c[0].match & QP_PLACE_DERIVED);
    assert_int_equal(look(fx->g, "alqaim", c, 8), 1);
    assert_true(c[0].match & QP_PLACE_DERIVED);
    assert_true(c[0].match & QP_PLACE_CURATED);
    /* Arabic script is not indexed; IATA codes in capitals are not names */
    assert_int_equal(look(fx->g, "القائم", c, 8), 0);
    assert_int_equal(look(fx->g, "PAR", c, 8), 0);
    assert_int_equal(look(fx->g, "ALP", c, 8), 0);
    assert_int_equal(look(fx->g, "Alep", c, 8), 1);
    assert_int_equal(c[0].geonames_id, 170063);
    assert_int_equal(c[0].population, 1602264);
    assert_string_equal(c[0].feature_code, "PPLA");
    assert_int_equal(c[0].feature_class, 'P');
    assert_true(c[0].lat > 36.2 && c[0].lat < 36.21);
}

static void probe_tells_names_and_prefixes(void **state)
{
    fixture *fx = *state;
    assert_int_equal(qp_gazetteer_probe(fx->g, "alep", 4), QP_GAZ_NAME);
    /* "Tripoli i Libanon" makes "tripoli" a prefix too */
    assert_int_equal(qp_gazetteer_probe(fx->g, "tripoli", 7), QP_GAZ_NAME | QP_GAZ_PREFIX);
    assert_int_equal(qp_gazetteer_probe(fx->g, "pas", 3), QP_GAZ_PREFIX);
    assert_int_equal(qp_gazetteer_probe(fx->g, "pas de la", 9), QP_GAZ_PREFIX);
    assert_int_equal(qp_gazetteer_probe(fx->g, "pas de la casa", 14), QP_GAZ_NAME);
    /* "Tarabulus al Gharb": a name that is also the start of a longer one */
    assert_int_equal(qp_gazetteer_probe(fx->g, "tarabulus", 9), QP_GAZ_NAME | QP_GAZ_PREFIX);
    assert_int_equal(qp_gazetteer_probe(fx->g, "xyzzy", 5), 0);
    assert_int_equal(qp_gazetteer_probe(fx->g, "pas de", 5), 0);  /* "pas d": not a token end */
    assert_int_equal(qp_gazetteer_max_words(fx->g), 4);  /* "province de deir ezzor" */
}

static const qp_place_cand *choose(fixture *fx, const char *name, const char *cc, int tcase,
                                   qp_place_cand *c)
{
    qp_country_mention m = {"", 1};
    if (cc)
        memcpy(m.iso2, cc, 3);
    qp_place_context ctx = {&m, cc ? 1 : 0, tcase, 0};
    size_t n = look(fx->g, name, c, 16);
    return qp_gazetteer_choose(fx->g, c, n < 16 ? n : 16, &ctx);
}

static void tripoli_follows_the_article(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    const qp_place_cand *p = choose(fx, "Tripoli", "LB", QP_CASE_CAPITALISED, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 266826);
    p = choose(fx, "Tripoli", "LY", QP_CASE_CAPITALISED, c);
    assert_int_equal(p->geonames_id, 2210247);
    /* Tripoli, Greece (26 561) is dwarfed by the Libyan capital, even in a Greek article */
    p = choose(fx, "Tripoli", "GR", QP_CASE_CAPITALISED, c);
    assert_int_equal(p->geonames_id, 2210247);
    p = choose(fx, "Tripoli", NULL, QP_CASE_CAPITALISED, c);  /* the capital */
    assert_int_equal(p->geonames_id, 2210247);
    /* "Trablous" is only Lebanon's */
    p = choose(fx, "Trablous", "LY", QP_CASE_CAPITALISED, c);
    assert_int_equal(p->geonames_id, 266826);
}

static void paris_alone_is_in_france(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    const qp_place_cand *p = choose(fx, "Paris", NULL, QP_CASE_UNKNOWN, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 2988507);
    /* a world city is not displaced by its namesake in a mentioned country */
    p = choose(fx, "Paris", "US", QP_CASE_CAPITALISED, c);
    assert_int_equal(p->geonames_id, 2988507);
    assert_null(choose(fx, "paris", NULL, QP_CASE_LOWER, c));
    /* rank agrees with choose */
    qp_country_mention m = {"US", 2};
    qp_place_context ctx = {&m, 1, QP_CASE_CAPITALISED, 0};
    size_t n = look(fx->g, "Paris", c, 16);
    assert_int_equal(n, 2);
    assert_int_equal(qp_gazetteer_rank(fx->g, c, n, &ctx), 2);
    assert_string_equal(c[0].country, "FR");
    assert_string_equal(c[1].country, "US");
}

static void small_places_need_their_country(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    assert_null(choose(fx, "Pas de la Casa", NULL, QP_CASE_CAPITALISED, c));
    assert_null(choose(fx, "Pas de la Casa", "FR", QP_CASE_CAPITALISED, c));
    const qp_place_cand *p = choose(fx, "Pas de la Casa", "AD", QP_CASE_CAPITALISED, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 3039604);
    /* al-Qaïm has no population in GeoNames, but the lexicon names it */
    p = choose(fx, "al-Qaïm", NULL, QP_CASE_CAPITALISED, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 92138);
    /* a variant needs a capital */
    assert_null(choose(fx, "alqaim", NULL, QP_CASE_UNKNOWN, c));
}

static void common_words_need_capitals_and_size(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    assert_int_equal(look(fx->g, "Orange", c, 16), 1);
    assert_true(c[0].match & QP_PLACE_COMMON);
    /* Orange (30,530 people) is not a town even in a French article: too small */
    assert_null(choose(fx, "Orange", "FR", QP_CASE_CAPITALISED, c));
    /* Nice is, when France is in the article and the text says "Nice" */
    const qp_place_cand *p = choose(fx, "Nice", "FR", QP_CASE_CAPITALISED, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 2990440);
    assert_null(choose(fx, "Nice", "FR", QP_CASE_UNKNOWN, c));
    assert_null(choose(fx, "Nice", NULL, QP_CASE_CAPITALISED, c));
    /* "Paris" is no common word here: fine at a sentence start */
    assert_non_null(choose(fx, "Paris", NULL, QP_CASE_UNKNOWN, c));
}

static void persons_and_sentence_starts(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    /* "Col. Steve Warren said": Warren, Michigan (134 056) is no city of a million */
    assert_int_equal(look(fx->g, "Warren", c, 16), 1);
    assert_true(c[0].match & QP_PLACE_PERSON);
    assert_null(choose(fx, "Warren", "US", QP_CASE_CAPITALISED, c));
    /* "Since 2014, ...": a sentence start tells nothing; mid-sentence "Since" may be a town */
    assert_null(choose(fx, "Since", NULL, QP_CASE_UNKNOWN, c));
    const qp_place_cand *p = choose(fx, "Since", NULL, QP_CASE_CAPITALISED, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 3667991);
    assert_non_null(choose(fx, "Since", "CO", QP_CASE_UNKNOWN, c));
    /* several words, or a capital, are names even at a sentence start */
    assert_non_null(choose(fx, "San Luis de Since", NULL, QP_CASE_UNKNOWN, c));
    assert_non_null(choose(fx, "Tripoli", NULL, QP_CASE_UNKNOWN, c));
}

static void province_from_places_json(void **state)
{
    fixture *fx = *state;
    qp_place_cand c[16];
    const qp_place_cand *p = choose(fx, "province de Deir Ezzor", NULL, QP_CASE_UNKNOWN, c);
    assert_non_null(p);
    assert_int_equal(p->geonames_id, 0);
    assert_string_equal(p->synthetic_id, "quipu:deir-ez-zor-governorate");
    assert_string_equal(p->feature_code, "ADM1");
    assert_int_equal(p->feature_class, 'A');
    assert_string_equal(p->country, "SY");
    assert_true(p->match & QP_PLACE_CURATED);
    /* written in lower case in running text, as in the lexicon: still the province */
    assert_int_equal(qp_gazetteer_probe(fx->g, "province de deir ezzor", 22),
                     QP_GAZ_NAME | QP_GAZ_LOWER);
    p = choose(fx, "province de Deir Ezzor", NULL, QP_CASE_LOWER, c);
    assert_non_null(p);
    assert_true(p->match & QP_PLACE_LOWER_OK);
    /* names written with a capital have no such licence */
    assert_int_equal(qp_gazetteer_probe(fx->g, "al qaim", 7), QP_GAZ_NAME);
    assert_null(choose(fx, "al-Qaïm", NULL, QP_CASE_LOWER, c));
}

/* Writes a damaged copy of the fixture's file and says what opening it gives. */
static int open_damaged(fixture *fx, size_t keep, long poke_at, unsigned char poke, int fix_header)
{
    size_t len;
    char *data = read_file(fx->path, &len);
    if (keep > len)
        keep = len;
    if (poke_at >= 0)
        data[poke_at] = (char)poke;
    if (fix_header) {
        qpg_header *h = (qpg_header *)data;
        h->header_check = qpg_checksum((const unsigned char *)h, offsetof(qpg_header, header_check));
    }
    char bad[160];
    snprintf(bad, sizeof bad, "%s/bad.qpg", fx->dir);
    write_file(bad, data, keep);
    free(data);
    qp_gazetteer *g = (qp_gazetteer *)1;
    int r = qp_gazetteer_open(&g, bad);
    if (r == 0)
        qp_gazetteer_close(g);
    else
        assert_null(g);
    return r;
}

static void damaged_files_are_refused(void **state)
{
    fixture *fx = *state;
    size_t len;
    free(read_file(fx->path, &len));
    qp_gazetteer *g;
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.qpg", fx->dir);
    assert_int_equal(qp_gazetteer_open(&g, missing), QP_ENOTFOUND);
    assert_int_equal(open_damaged(fx, 0, -1, 0, 0), QP_EGAZETTEER);           /* empty */
    assert_int_equal(open_damaged(fx, 50, -1, 0, 0), QP_EGAZETTEER);          /* a header's half */
    assert_int_equal(open_damaged(fx, len - 8, -1, 0, 0), QP_EGAZETTEER);     /* truncated */
    assert_int_equal(open_damaged(fx, len, 0, 'X', 0), QP_EGAZETTEER);        /* magic */
    /* another format version, with a header otherwise sound: stale, not corrupt */
    assert_int_equal(open_damaged(fx, len, offsetof(qpg_header, version), 99, 1), QP_EGAZETTEER);
    /* a header field changed without its check */
    assert_int_equal(open_damaged(fx, len, offsetof(qpg_header, n_keys), 0xff, 0), QP_EGAZETTEER);
    /* sizes that lie, with a header check to match */
    assert_int_equal(open_damaged(fx, len, offsetof(qpg_header, n_slots), 3, 1), QP_EGAZETTEER);
    assert_int_equal(open_damaged(fx, len, offsetof(qpg_header, pool_size) + 3, 1, 1),
                     QP_EGAZETTEER);
    assert_int_equal(open_damaged(fx, len, -1, 0, 0), 0);                     /* intact copy */
}

/* A damaged body opens (opening reads only the header) but verify says so, and look-ups
 * on it return garbage or nothing, never crash (run it under ASan). */
static void damaged_body_never_crashes(void **state)
{
    fixture *fx = *state;
    size_t len;
    char *orig = read_file(fx->path, &len);
    char bad[160];
    snprintf(bad, sizeof bad, "%s/body.qpg", fx->dir);
    static const char *const names[] = {"tripoli", "paris", "al qaim", "pas de la casa", "alep",
                                        "nice", "province de deir ezzor", "qaim", "x"};
    srand(7);
    for (int round = 0; round < 200; round++) {
        char *data = malloc(len);
        memcpy(data, orig, len);
        for (int k = 0; k < 16; k++) {
            size_t at = sizeof(qpg_header) + (size_t)rand() % (len - sizeof(qpg_header));
            data[at] = (char)rand();
        }
        write_file(bad, data, len);
        free(data);
        qp_gazetteer *g;
        int r = qp_gazetteer_open(&g, bad);
        if (r) {  /* the pool's final NUL was hit: that much open checks */
            assert_int_equal(r, QP_EGAZETTEER);
            continue;
        }
        assert_int_equal(qp_gazetteer_verify(g), QP_EGAZETTEER);
        for (size_t i = 0; i < QP_ARRAY_LEN(names); i++) {
            qp_place_cand c[8];
            size_t n = qp_gazetteer_lookup(g, names[i], strlen(names[i]), c, 8);
            for (size_t j = 0; j < n && j < 8; j++)
                assert_true(strlen(c[j].name) < len && strlen(c[j].admin1) < len);
            qp_gazetteer_probe(g, names[i], strlen(names[i]));
            qp_gazetteer_choose(g, c, n < 8 ? n : 8, NULL);
        }
        qp_gazetteer_close(g);
    }
    free(orig);
}

static void failed_write_leaves_nothing(void **state)
{
    fixture *fx = *state;
    qp_gazetteer_builder *b;
    assert_int_equal(qp_gazetteer_builder_init(&b), 0);
    char out[160];
    snprintf(out, sizeof out, "%s/empty.qpg", fx->dir);
    assert_int_equal(qp_gazetteer_builder_write(b, out, NULL), QP_EEMPTY);
    assert_int_equal(access(out, F_OK), -1);
    /* only the classes asked for are kept: the sample has no division */
    assert_int_equal(qp_gazetteer_builder_set_classes(b, "PX"), QP_EINVAL);
    assert_int_equal(qp_gazetteer_builder_set_classes(b, "A"), 0);
    FILE *f = fmemopen((void *)sample, sizeof sample - 1, "r");
    assert_int_equal(qp_gazetteer_builder_add_geonames(b, f, "sample", NULL), 0);
    fclose(f);
    qp_gazetteer_build_stats st;
    qp_gazetteer_builder_stats(b, &st);
    assert_int_equal(st.places, 0);
    assert_int_equal(st.bad_lines, 1);
    assert_int_equal(st.filtered, 14);  /* 12 rows, a blank line, a comment */
    assert_int_equal(qp_gazetteer_builder_write(b, out, NULL), QP_EEMPTY);
    assert_int_equal(qp_gazetteer_builder_set_classes(b, "P"), 0);
    f = fmemopen((void *)sample, sizeof sample - 1, "r");
    assert_int_equal(qp_gazetteer_builder_add_geonames(b, f, "sample", NULL), 0);
    fclose(f);
    snprintf(out, sizeof out, "%s/no/such/dir/g.qpg", fx->dir);
    assert_int_equal(qp_gazetteer_builder_write(b, out, NULL), QP_EIO);
    /* a lexicon that is not JSON is an error, a missing one is "not found" */
    char err[256], pj[160];
    snprintf(pj, sizeof pj, "%s/broken.json", fx->dir);
    write_file(pj, "{\"places\": [", 12);
    assert_int_equal(qp_gazetteer_builder_add_places_json(b, pj, err, sizeof err), QP_EJSON);
    assert_non_null(strstr(err, "broken.json"));
    snprintf(pj, sizeof pj, "%s/none.json", fx->dir);
    assert_int_equal(qp_gazetteer_builder_add_places_json(b, pj, err, sizeof err), QP_ENOTFOUND);
    assert_int_equal(qp_gazetteer_builder_add_countries(b, fx->dir, err, sizeof err), QP_ENOTFOUND);
    qp_gazetteer_builder_destroy(b);
}

/* The project's own lexicon compiles, and its provinces are there. */
static void project_places_json_compiles(void **state)
{
    fixture *fx = *state;
    const char *root = getenv("QP_SOURCE_ROOT");
    char pj[1024], out[160];
    if (!root)
        skip();
    snprintf(pj, sizeof pj, "%s/lexicon/places.json", root);
    snprintf(out, sizeof out, "%s/lex.qpg", fx->dir);
    qp_gazetteer_builder *b;
    assert_int_equal(qp_gazetteer_builder_init(&b), 0);
    FILE *f = fmemopen((void *)sample, sizeof sample - 1, "r");
    assert_int_equal(qp_gazetteer_builder_add_geonames(b, f, "sample", NULL), 0);
    fclose(f);
    char err[256] = "";
    int r = qp_gazetteer_builder_add_places_json(b, pj, err, sizeof err);
    if (r)
        fail_msg("%s: %s", qp_strerror(r), err);
    assert_int_equal(qp_gazetteer_builder_write(b, out, NULL), 0);
    qp_gazetteer_builder_destroy(b);
    qp_gazetteer *g;
    assert_int_equal(qp_gazetteer_open(&g, out), 0);
    qp_place_cand c[8];
    static const char *const adm1[] = {"Anbar", "province de Deir Ezzor", "Ninive", "Salaheddine",
                                       "Rif Dimachq", "Deir ez-Zor Governorate", "Diyala"};
    for (size_t i = 0; i < QP_ARRAY_LEN(adm1); i++) {
        size_t n = look(g, adm1[i], c, 8);
        assert_true(n >= 1);
        assert_string_equal(c[0].feature_code, "ADM1");
    }
    assert_int_equal(look(g, "Cisjordanie", c, 8), 1);
    assert_string_equal(c[0].feature_code, "RGN");
    assert_string_equal(c[0].country, "PS");
    /* a governorate named like its capital is no bare name: "Homs" stays the city */
    assert_int_equal(look(g, "Homs", c, 8), 0);
    qp_gazetteer_close(g);
}

/* The real thing, when tools/fetch-geonames.sh has been run. */
static void real_cities1000(void **state)
{
    const char *root = getenv("QP_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/gazetteer.qpg", root ? root : ".");
    qp_gazetteer *g;
    if (!root || access(path, R_OK) != 0)
        skip();
    assert_int_equal(qp_gazetteer_open(&g, path), 0);
    qp_gazetteer_info in;
    qp_gazetteer_get_info(g, &in);
    assert_true(in.n_places > 130000);
    qp_place_cand c[64];
    struct { const char *name, *cc; uint32_t id; } cases[] = {
        {"Alep", NULL, 170063},      {"Mossoul", NULL, 99072}, {"al-Qaïm", NULL, 92138},
        {"Tripoli", "LB", 266826},   {"Tripoli", "LY", 2210247}, {"Damas", NULL, 170654},
        {"Paris", NULL, 2988507},    {"Raqqa", "SY", 172955}, {"Deir ez-Zor", NULL, 170794},
        {"Palmyre", NULL, 163808},   {"Kobané", NULL, 172256}, {"Le Caire", NULL, 360630},
    };
    for (size_t i = 0; i < QP_ARRAY_LEN(cases); i++) {
        qp_buf b;
        qp_buf_init(&b);
        assert_int_equal(qp_gazetteer_key(cases[i].name, strlen(cases[i].name), &b), 0);
        size_t n = qp_gazetteer_lookup(g, b.data, b.len, c, 64);
        qp_buf_destroy(&b);
        qp_country_mention m = {"", 1};
        if (cases[i].cc)
            memcpy(m.iso2, cases[i].cc, 3);
        qp_place_context ctx = {&m, cases[i].cc ? 1 : 0, QP_CASE_CAPITALISED, 0};
        const qp_place_cand *p = qp_gazetteer_choose(g, c, n < 64 ? n : 64, &ctx);
        if (!p || p->geonames_id != cases[i].id)
            fail_msg("%s: got %u, want %u", cases[i].name, p ? p->geonames_id : 0, cases[i].id);
    }
    /* "l'Union européenne" is no town: "union" is a word, behind its article too */
    assert_true(qp_gazetteer_lookup(g, "l union", 7, c, 64) >= 1);
    assert_true(c[0].match & QP_PLACE_COMMON);
    assert_int_equal(qp_gazetteer_verify(g), 0);
    qp_gazetteer_close(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_rows_are_counted_with_their_line),
        cmocka_unit_test(keys_delete_apostrophes_but_not_elisions),
        cmocka_unit_test(alqaim_under_every_spelling),
        cmocka_unit_test(probe_tells_names_and_prefixes),
        cmocka_unit_test(tripoli_follows_the_article),
        cmocka_unit_test(paris_alone_is_in_france),
        cmocka_unit_test(small_places_need_their_country),
        cmocka_unit_test(common_words_need_capitals_and_size),
        cmocka_unit_test(persons_and_sentence_starts),
        cmocka_unit_test(province_from_places_json),
        cmocka_unit_test(damaged_files_are_refused),
        cmocka_unit_test(damaged_body_never_crashes),
        cmocka_unit_test(failed_write_leaves_nothing),
        cmocka_unit_test(project_places_json_compiles),
        cmocka_unit_test(real_cities1000),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
