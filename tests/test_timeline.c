/* test_timeline.c — briefings and timelines from a hand-built store: order, merging, sentences
 * in both languages, undated events, formats, atomic writing, and the HTML page in Chromium. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include <sys/stat.h>

#include "qp.h"
#include "test_export_fixture.h"
#include "timeline.h"

typedef struct fx {
    qp_store *s;
    char *dir;
    qp_buf out;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || fixture_open(&f->s, &f->dir))
        return -1;
    qp_buf_init(&f->out);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    qp_buf_destroy(&f->out);
    fixture_close(f->s, f->dir);
    free(f);
    return 0;
}

static const char *render(fx *f, qp_timeline_format fmt, qp_lang lang)
{
    qp_timeline_opts o = {.format = fmt, .lang = lang};
    char err[256] = "";
    qp_buf_clear(&f->out);
    int rc = qp_timeline_render(f->s, &o, &f->out, err, sizeof err);
    if (rc)
        fail_msg("render: %s", err);
    return f->out.data;
}

/* position of needle in hay, failing the test when absent */
static size_t at(const char *hay, const char *needle)
{
    const char *p = hay ? strstr(hay, needle) : NULL;
    if (!p)
        fail_msg("missing: %s\n--- in ---\n%s", needle, hay ? hay : "(no output)");
    return (size_t)(p - hay);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void md_days_in_order_and_merged(void **state)
{
    const char *md = render(*state, QP_TIMELINE_MD, QP_LANG_EN);
    /* the month-grained event opens the period, then the days, undated last */
    size_t nov = at(md, "\n## November 2017\n"), d2 = at(md, "\n## 2 November 2017\n"),
           d5 = at(md, "\n## 5 November 2017\n"), und = at(md, "\n## Undated\n");
    assert_true(nov < d2 && d2 < d5 && d5 < und);
    /* key developments first, and the most-reported line leads them */
    size_t key = at(md, "## Key developments\n\n- **2 November 2017** — Russia backed the Syrian government in Deir ez-Zor. (2 reports) [2, 3]");
    assert_true(key < nov);
    /* the two articles telling the same backing are one line with both notes, in the day section */
    assert_int_equal(count(md + d2, "Russia backed the Syrian government in Deir ez-Zor. (2 reports) [2, 3]\n"), 1);
    at(md + d5, "- The Syrian government attacked the Islamic State. [1]\n");
    /* notes are numbered as first cited: the November section cites Le Monde first */
    at(md + nov, "- The United States backed the Syrian Democratic Forces in Syria. [1]\n");
    /* undated stays undated: no date is given to it */
    at(md + und, "- The Syrian Democratic Forces attacked the Islamic State. [4]\n");
    /* the negated strike is not news */
    assert_null(strstr(md, "Raqqa"));
    /* sources: outlet, title, URL, date; the undated blog has no outlet */
    at(md, "\n2. AFP — “Russia steps up support for Damascus”, <https://example.org/afp/1?a=1&b=2> (2017-11-02)\n");
    at(md, "## Sources\n\n1. Le Monde — “L'armée syrienne attaque l'EI”");
    /* the undated line is not a key development: it cannot say when it mattered */
    assert_true(strstr(md, "The Syrian Democratic Forces attacked") > md + nov);
    at(md, "4. Unknown outlet — “Notes from the front” (undated)\n");
    at(md, "# Briefing, 1 November 2017 to 5 November 2017\n");
}

static void md_in_french(void **state)
{
    const char *md = render(*state, QP_TIMELINE_MD, QP_LANG_FR);
    at(md, "La Russie a soutenu le gouvernement syrien à Deir ez-Zor. (2 sources) [2, 3]");
    at(md, "Le gouvernement syrien a attaqué l'État islamique. [1]");
    /* the gazetteer says "Syria"; the actor table gives the French name and its preposition */
    at(md, "Les États-Unis ont soutenu les Forces démocratiques syriennes en Syrie. [1]");
    at(md, "\n## Sans date\n");
    at(md, "\n## 2 novembre 2017\n");
    at(md, "\n## Faits marquants\n");
    at(md, "# Note de synthèse, du 1er novembre 2017 au 5 novembre 2017\n");
}

static void md_blocs_put_backers_together(void **state)
{
    const char *md = render(*state, QP_TIMELINE_MD, QP_LANG_EN);
    size_t b = at(md, "\n## Blocs\n");
    const char *line = strstr(md + b, "Russia");
    assert_non_null(line);
    const char *eol = strchr(line, '\n');
    /* Russia backs the Syrian government: same bloc line; the Islamic State is fought: not in it */
    const char *gov = strstr(md + b, "Syrian government");
    assert_non_null(gov);
    const char *bol = line;
    while (bol > md && bol[-1] != '\n')
        bol--;
    assert_true(gov > bol && gov < eol);
    const char *isis = strstr(bol, "Islamic State");
    assert_true(!isis || isis > eol);
}

static void filter_by_actor_and_period(void **state)
{
    fx *f = *state;
    qp_timeline_opts o = {.format = QP_TIMELINE_MD, .lang = QP_LANG_EN, .actor = "ISIS", .since = "2017-11-04",
                         .no_sides = 1};
    char err[256];
    qp_buf_clear(&f->out);
    assert_int_equal(qp_timeline_render(f->s, &o, &f->out, err, sizeof err), 0);
    const char *md = f->out.data;
    at(md, "# Briefing — The Islamic State, 4 November 2017 to 5 November 2017\n\n1 development (1 extracted event) from 1 article; 0 undated.");
    /* --since keeps events that end after it: the undated one has no end and falls back on
     * nothing (its article is undated), so it is out */
    at(md, "attacked the Islamic State. [1]");
    assert_null(strstr(md, "Russia"));
    assert_null(strstr(md, "## Blocs"));
}

static void timelinejs_is_knight_lab_shaped(void **state)
{
    const char *js = render(*state, QP_TIMELINE_JSON, QP_LANG_EN);
    json_error_t e;
    json_t *root = json_loads(js, 0, &e);
    assert_non_null(root);
    assert_true(json_is_string(json_object_get(json_object_get(json_object_get(root, "title"), "text"), "headline")));
    json_t *events = json_object_get(root, "events");
    /* three dated lines (the merged backing counts once); the undated one cannot be placed */
    assert_int_equal(json_array_size(events), 3);
    size_t i;
    json_t *ev;
    json_array_foreach(events, i, ev) {
        json_t *sd = json_object_get(ev, "start_date");
        assert_string_equal(json_string_value(json_object_get(sd, "year")), "2017");
        assert_true(json_is_string(json_object_get(json_object_get(ev, "text"), "headline")));
        const char *uid = json_string_value(json_object_get(ev, "unique_id"));
        assert_non_null(uid);
        assert_null(strpbrk(uid, "#. "));
        assert_non_null(json_object_get(ev, "group"));
    }
    /* the month-grained event has no invented day */
    json_t *first = json_array_get(events, 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(first, "start_date"), "month")), "11");
    assert_null(json_object_get(json_object_get(first, "start_date"), "day"));
    json_t *second = json_array_get(events, 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(second, "start_date"), "day")), "2");
    assert_string_equal(json_string_value(json_object_get(json_object_get(second, "text"), "headline")),
                        "Russia backed the Syrian government in Deir ez-Zor.");
    json_decref(root);
}

static void csv_and_jsonl_have_every_event(void **state)
{
    fx *f = *state;
    const char *csv = render(f, QP_TIMELINE_CSV, QP_LANG_EN);
    assert_int_equal(count(csv, "\r\n"), 6); /* header + five visible events */
    assert_int_equal(strncmp(csv, "uid,start,end,grain,", 20), 0);
    /* RFC 4180: a field with a quote is quoted and the quote doubled */
    at(csv, "\"Les États-Unis soutiennent les FDS, <dit> \"\"un\"\" officiel & co.\"");
    at(csv, "reuters-7#0.0,2017-11-02,2017-11-03,day,Thursday,RUS,Russia,AID,,SYR-GOV,Syrian government,");
    const char *jl = render(f, QP_TIMELINE_JSONL, QP_LANG_FR);
    assert_int_equal(count(jl, "\n"), 5);
    char *copy = strdup(jl);
    int n = 0;
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"), n++) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        assert_non_null(o);
        assert_true(json_is_number(json_object_get(o, "confidence")));
        assert_non_null(json_object_get(o, "sentence"));
        json_decref(o);
    }
    free(copy);
    assert_int_equal(n, 5);
    at(jl, "\"sentence\":\"La Russie a soutenu le gouvernement syrien à Deir ez-Zor.\"");
}

static void written_whole_or_not_at_all(void **state)
{
    fx *f = *state;
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/brief.md", f->dir);
    qp_timeline_opts o = {.format = QP_TIMELINE_MD, .lang = QP_LANG_EN, .no_sides = 1};
    assert_int_equal(qp_timeline_write(f->s, &o, path, err, sizeof err), 0);
    char *md = slurp(path);
    assert_non_null(md);
    at(md, "## Sources");
    free(md);
    /* no temporary file left beside it */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -c '^\\.brief') -eq 0", f->dir);
    assert_int_equal(system(cmd), 0);
    /* a directory that does not exist: an error naming the file, and nothing written */
    snprintf(path, sizeof path, "%s/no/such/dir/brief.md", f->dir);
    assert_int_equal(qp_timeline_write(f->s, &o, path, err, sizeof err), QP_EIO);
    assert_non_null(strstr(err, "brief.md"));
}

static void html_escapes_and_is_self_contained(void **state)
{
    const char *html = render(*state, QP_TIMELINE_HTML, QP_LANG_EN);
    assert_null(strstr(html, "<dit>"));
    at(html, "&lt;dit&gt; &quot;un&quot; officiel &amp; co.");
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<link"));
    assert_null(strstr(html, "src=\"http"));
    at(html, "<svg class=\"strip\"");
    at(html, "<svg class=\"graph\"");
    at(html, "stroke=\"#2e7d32\""); /* backing */
    at(html, "stroke=\"#c62828\""); /* fighting */
}

/* Renders the page in headless Chromium: the DOM it builds has every event, and a
 * screenshot is written (left in $QP_SCREENSHOT_DIR, else removed). */
static void html_renders_in_chromium(void **state)
{
    fx *f = *state;
    const char *chromium = NULL;
    static const char *const candidates[] = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"};
    for (size_t i = 0; i < QP_ARRAY_LEN(candidates); i++)
        if (access(candidates[i], X_OK) == 0)
            chromium = candidates[i];
    if (!chromium)
        skip();
    char html_path[512], dom_path[512], png_path[512], err[256], cmd[4096];
    snprintf(html_path, sizeof html_path, "%s/brief.html", f->dir);
    snprintf(dom_path, sizeof dom_path, "%s/dom.html", f->dir);
    const char *shots = getenv("QP_SCREENSHOT_DIR");
    snprintf(png_path, sizeof png_path, "%s/briefing.png", shots && *shots ? shots : f->dir);
    qp_timeline_opts o = {.format = QP_TIMELINE_HTML, .lang = QP_LANG_EN};
    assert_int_equal(qp_timeline_write(f->s, &o, html_path, err, sizeof err), 0);
    const char *flags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                        "--disable-background-networking --disable-component-update --disable-sync "
                        "--hide-scrollbars";
    snprintf(cmd, sizeof cmd, "%s %s --user-data-dir='%s/profile1' --dump-dom 'file://%s' > '%s' 2>/dev/null",
             chromium, flags, f->dir, html_path, dom_path);
    assert_int_equal(system(cmd), 0);
    char *dom = slurp(dom_path);
    assert_non_null(dom);
    /* every visible event, by uid, and every line's sentence */
    static const char *const uids[] = {"afp-1#0.0", "reuters-7#0.0", "lemonde-3#0.0", "lemonde-3#1.0", "blog-9#0.0"};
    for (size_t i = 0; i < QP_ARRAY_LEN(uids); i++)
        at(dom, uids[i]);
    at(dom, "Russia backed the Syrian government in Deir ez-Zor.");
    at(dom, "The Syrian Democratic Forces attacked the Islamic State.");
    at(dom, "<svg class=\"graph\"");
    free(dom);
    snprintf(cmd, sizeof cmd, "%s %s --user-data-dir='%s/profile2' --screenshot='%s' --window-size=1280,2000 "
                              "'file://%s' >/dev/null 2>&1",
             chromium, flags, f->dir, png_path, html_path);
    assert_int_equal(system(cmd), 0);
    struct stat st;
    assert_int_equal(stat(png_path, &st), 0);
    assert_true(st.st_size > 10000); /* a blank page compresses to far less */
}

static const char *say(qp_buf *b, const char *a1, const char *a1fr, const char *kind1, const char *action,
                       const char *mode, const char *a2, const char *a2fr, const char *kind2, qp_lang lang)
{
    qp_event e = {.action = action, .mode = mode};
    e.actor1 = (qp_actor_ref){.id = "X", .label = a1, .label_fr = a1fr, .kind = kind1};
    if (a2)
        e.actor2 = (qp_actor_ref){.id = "Y", .label = a2, .label_fr = a2fr, .kind = kind2};
    qp_buf_clear(b);
    assert_int_equal(qp_phrase_event(b, &e, lang), 0);
    return b->data;
}

static void sentences_follow_each_language(void **state)
{
    (void)state;
    qp_buf b;
    qp_buf_init(&b);
    /* French: à + le = au, à + les = aux, plural subjects take "ont", Israël has no article */
    assert_string_equal(say(&b, "Iran", "Iran", "state", "SUPPORT", NULL, "Hezbollah", "Hezbollah", "armed group", QP_LANG_FR),
                        "L'Iran a apporté un soutien politique au Hezbollah.");
    assert_string_equal(say(&b, "Rebels", "rebelles", "armed group", "REQUEST", NULL, "United States", "États-Unis", "state", QP_LANG_FR),
                        "Les rebelles ont lancé un appel aux États-Unis.");
    assert_string_equal(say(&b, "Israel", "Israël", "state", "ASSAULT", "aerial", "Syria", "Syrie", "state", QP_LANG_FR),
                        "Israël a mené des frappes aériennes contre la Syrie.");
    assert_string_equal(say(&b, "Turkey", "Turquie", "state", "REJECT", NULL, "Kurdish militia", "milice kurde", "armed group", QP_LANG_FR),
                        "La Turquie a rejeté les demandes de la milice kurde.");
    assert_string_equal(say(&b, "UN", "ONU", "igo", "AGREE", NULL, NULL, NULL, NULL, QP_LANG_FR),
                        "L'ONU a conclu un accord.");
    /* English: "the" for bodies and spelled acronyms, none for states, persons and NATO-like words */
    assert_string_equal(say(&b, "NATO", NULL, "igo", "THREATEN", NULL, "Syrian government", NULL, "government", QP_LANG_EN),
                        "NATO threatened the Syrian government.");
    assert_string_equal(say(&b, "SDF", NULL, "armed group", "ASSAULT", NULL, "al-Qaeda", NULL, "armed group", QP_LANG_EN),
                        "The SDF attacked al-Qaeda.");
    assert_string_equal(say(&b, "Jabhat al-Nusra", NULL, "armed group", "COOPERATE", NULL, "rebels", NULL, "armed group", QP_LANG_EN),
                        "Jabhat al-Nusra cooperated with the rebels.");
    assert_string_equal(say(&b, "Bashar al-Assad", NULL, "person", "ACCUSE", NULL, "United Kingdom", NULL, "state", QP_LANG_EN),
                        "Bashar al-Assad accused the United Kingdom.");
    qp_buf_clear(&b);
    assert_int_equal(qp_phrase_period(&b, "2017-11-01", NULL, "day", QP_LANG_FR), 0);
    assert_string_equal(b.data, "1er novembre 2017");
    qp_buf_clear(&b);
    assert_int_equal(qp_phrase_period(&b, "2017-12-25", "2018-01-01", "week", QP_LANG_EN), 0);
    assert_string_equal(b.data, "25 December – 31 December 2017");
    qp_buf_clear(&b);
    /* a week across the new year names both years; end is exclusive */
    assert_int_equal(qp_phrase_period(&b, "2017-12-28", "2018-01-04", "week", QP_LANG_FR), 0);
    assert_string_equal(b.data, "du 28 décembre 2017 au 3 janvier 2018");
    qp_buf_destroy(&b);
}

/* Issue 16, items 13 and 14: what a scraped article or the store holds is escaped for each
 * format; only http(s) URLs are links; a CSV cell never starts a formula. */
static void hostile_text_and_urls_are_escaped(void **state)
{
    fx *f = *state;
    char path[300];
    snprintf(path, sizeof path, "%s/test.db", f->dir);
    assert_int_equal(test_sql_exec(path,
        "UPDATE actors SET label = 'Russia <img src=x onerror=alert(1)>' WHERE id = 'RUS';"
        "UPDATE documents SET url = 'javascript:alert(1)', title = '=HYPERLINK(\"http://x.example\")' WHERE id = 1;"
        "UPDATE documents SET url = 'https://x.example/a>\"<b>bold</b>' WHERE id = 2;"), 0);
    const char *js = render(f, QP_TIMELINE_JSON, QP_LANG_EN);
    json_error_t e;
    json_t *root = json_loads(js, 0, &e);
    assert_non_null(root);
    size_t i;
    json_t *ev;
    json_array_foreach(json_object_get(root, "events"), i, ev) {
        const char *h = json_string_value(json_object_get(json_object_get(ev, "text"), "headline"));
        assert_non_null(h);
        assert_null(strchr(h, '<'));
    }
    json_decref(root);
    assert_null(strstr(js, "javascript:"));
    assert_null(strstr(js, "<b>"));
    const char *html = render(f, QP_TIMELINE_HTML, QP_LANG_EN);
    assert_null(strstr(html, "javascript:"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<b>"));
    at(html, "href=\"https://x.example/a%3E%22%3Cb%3Ebold%3C/b%3E\"");
    const char *md = render(f, QP_TIMELINE_MD, QP_LANG_EN);
    assert_null(strstr(md, "<javascript:"));
    /* Markdown escapes a '<' with a backslash: none is left bare */
    assert_int_equal(count(md, "<img"), count(md, "\\<img"));
    assert_int_equal(count(md, "<b>"), count(md, "\\<b\\>"));
    at(md, "<https://x.example/a%3E%22%3Cb%3Ebold%3C/b%3E>");
    const char *csv = render(f, QP_TIMELINE_CSV, QP_LANG_EN);
    assert_null(strstr(csv, ",=HYPERLINK"));
    assert_null(strstr(csv, ",\"=HYPERLINK"));
    at(csv, "\"'=HYPERLINK(\"\"http://x.example\"\")\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences_follow_each_language),
        cmocka_unit_test_setup_teardown(md_days_in_order_and_merged, setup, teardown),
        cmocka_unit_test_setup_teardown(md_in_french, setup, teardown),
        cmocka_unit_test_setup_teardown(md_blocs_put_backers_together, setup, teardown),
        cmocka_unit_test_setup_teardown(filter_by_actor_and_period, setup, teardown),
        cmocka_unit_test_setup_teardown(timelinejs_is_knight_lab_shaped, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_text_and_urls_are_escaped, setup, teardown),
        cmocka_unit_test_setup_teardown(csv_and_jsonl_have_every_event, setup, teardown),
        cmocka_unit_test_setup_teardown(written_whole_or_not_at_all, setup, teardown),
        cmocka_unit_test_setup_teardown(html_escapes_and_is_self_contained, setup, teardown),
        cmocka_unit_test_setup_teardown(html_renders_in_chromium, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
