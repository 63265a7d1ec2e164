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
    /* a week of news: a heading a day; the month-grained line under "Over longer periods";
     * undated last */
    size_t d2 = at(md, "\n## 2 November 2017\n"), d5 = at(md, "\n## 5 November 2017\n"),
           longer = at(md, "\n## Over longer periods\n"), und = at(md, "\n## Undated\n");
    assert_true(d2 < d5 && d5 < longer && longer < und);
    /* key developments first, and the line most sources tell leads them */
    size_t key = at(md, "## Key developments\n\n_What most sources report._\n\n- **2 November 2017** — Russia backed "
                        "the Syrian government in Deir ez-Zor. (2 sources) [1, 2]\n");
    assert_true(key < d2);
    /* the two articles telling the same backing are one line with both notes, in the day section */
    assert_int_equal(count(md + d2, "Russia backed the Syrian government in Deir ez-Zor. (2 sources) [1, 2]\n"), 1);
    at(md + d5, "- The Syrian government attacked the Islamic State. [3]\n");
    at(md + longer, "- **November 2017** — The United States backed the Syrian Democratic Forces in Syria. [3]\n");
    /* undated stays undated: no date is given to it */
    at(md + und, "- The Syrian Democratic Forces attacked the Islamic State. [4]\n");
    /* the negated strike is not news */
    assert_null(strstr(md, "Raqqa"));
    /* sources: title, outlet, URL, date; the undated blog has no outlet, so its document is named */
    at(md, "\n1. “Russia steps up support for Damascus” — AFP, <https://example.org/afp/1?a=1&b=2> (2017-11-02)\n");
    at(md, "\n3. “L'armée syrienne attaque l'EI” — Le Monde, <https://example.org/lm/3> (2017-11-05)\n");
    at(md, "\n4. “Notes from the front” (undated; document `blog-9`)\n");
    /* the undated line is not a key development: it cannot say when it mattered */
    assert_true(strstr(md, "The Syrian Democratic Forces attacked") > md + d5);
    at(md, "# Briefing, 2 November 2017 to 5 November 2017\n");
}

static void md_in_french(void **state)
{
    const char *md = render(*state, QP_TIMELINE_MD, QP_LANG_FR);
    at(md, "La Russie a soutenu le gouvernement syrien à Deir ez-Zor. (2 sources) [1, 2]");
    at(md, "Le gouvernement syrien a attaqué l'État islamique. [3]");
    /* the gazetteer says "Syria"; the actor table gives the French name and its preposition */
    at(md, "Les États-Unis ont soutenu les Forces démocratiques syriennes en Syrie. [3]");
    at(md, "\n## Sans date\n");
    at(md, "\n## Sur des périodes plus longues\n");
    at(md, "\n## 2 novembre 2017\n");
    at(md, "\n## Faits marquants\n");
    at(md, "4 faits (5 événements extraits) tirés de 4 articles ; 1 sans date ; 0 hors période.");
    at(md, "4. « Notes from the front » (sans date ; document `blog-9`)\n");
    at(md, "# Note de synthèse, du 2 novembre 2017 au 5 novembre 2017\n");
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
    at(md, "# Briefing — The Islamic State, 4 November 2017 to 5 November 2017\n\n1 development (1 extracted event) "
           "from 1 article; 0 undated; 0 outside the period.");
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
    /* the month-grained event has no invented day; the merged backing is one event of the 2nd */
    json_t *month = NULL, *backing = NULL;
    json_array_foreach(events, i, ev) {
        const char *h = json_string_value(json_object_get(json_object_get(ev, "text"), "headline"));
        if (h && strstr(h, "United States backed"))
            month = ev;
        if (h && !strcmp(h, "Russia backed the Syrian government in Deir ez-Zor."))
            backing = ev;
    }
    assert_non_null(month);
    assert_non_null(backing);
    assert_string_equal(json_string_value(json_object_get(json_object_get(month, "start_date"), "month")), "11");
    assert_null(json_object_get(json_object_get(month, "start_date"), "day"));
    assert_string_equal(json_string_value(json_object_get(json_object_get(backing, "start_date"), "day")), "2");
    json_decref(root);
}

static void csv_and_jsonl_have_every_event(void **state)
{
    fx *f = *state;
    const char *csv = render(f, QP_TIMELINE_CSV, QP_LANG_EN);
    assert_int_equal(count(csv, "\r\n"), 6); /* header + five visible events */
    /* the one layout `quipu events --format csv` writes too: an ISO date pandas parses, the last
     * day inclusive, lat/lon, numbers as written */
    static const char header[] = "id,date,end_date,grain,time_text,anchor,actor1,actor1_label,actor1_country,action,"
                                 "mode,context,cameo,actor2,actor2_label,actor2_country,place,place_label,"
                                 "place_country,lat,lon,confidence,flags,sentence,summary,development,document,"
                                 "outlet,title,url,published,evidence\r\n";
    assert_int_equal(strncmp(csv, header, strlen(header)), 0);
    /* RFC 4180: a field with a quote is quoted and the quote doubled */
    at(csv, "\"Les États-Unis soutiennent les FDS, <dit> \"\"un\"\" officiel & co.\"");
    at(csv, "reuters-7#0.0,2017-11-02,2017-11-02,day,Thursday,text,RUS,Russia,RUS,AID,,military,07,SYR-GOV,"
            "Syrian government,SYR,geonames:170794,Deir ez-Zor,SYR,35.33,40.14,0.9,0,0,"
            "Russia backed the Syrian government in Deir ez-Zor.,reuters-7#0.0,reuters-7,Reuters,");
    /* a month: first and last day */
    at(csv, "lemonde-3#1.0,2017-11-01,2017-11-30,month,novembre,");
    /* the undated event has no date, and no invented one */
    at(csv, "blog-9#0.0,,,,");
    const char *jl = render(f, QP_TIMELINE_JSONL, QP_LANG_FR);
    assert_int_equal(count(jl, "\n"), 5);
    char *copy = strdup(jl);
    int n = 0;
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"), n++) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        assert_non_null(o);
        assert_true(json_is_number(json_object_get(o, "confidence")));
        assert_non_null(json_object_get(o, "summary"));
        json_decref(o);
    }
    free(copy);
    assert_int_equal(n, 5);
    at(jl, "\"summary\":\"La Russie a soutenu le gouvernement syrien à Deir ez-Zor.\"");
    at(jl, "\"lat\":35.33,\"lon\":40.14,\"confidence\":0.9,");
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


/* ---- a longer period: background, merging across days and places, months, sources ---- */

/* Five articles of 2012 and 2013: one attack told by three of them (two days, three places
 * near Damascus, one only "in Syria"), another the same day in Aleppo, a recall of 1982, a date
 * after its article (2023), two scraped pages whose banner is their stored title and whose
 * source is a local path, a veto by two actors in one sentence. */
static const char *const long_sql =
    "INSERT INTO actors(id,label,label_fr,kind,country,parent) VALUES"
    " ('SYR-MIL','Syrian Arab Army','armée syrienne','military','SYR','SYR-GOV'),"
    " ('CIVILIANS','civilians','civils','civilians',NULL,NULL),"
    " ('CHN','China','Chine','state','CHN',NULL),"
    " ('UN','United Nations','Nations unies','igo',NULL,NULL);"
    "INSERT INTO places(id,label,country,lat,lon,feature) VALUES"
    " ('geonames:170654','Damascus','SY',33.5102,36.29128,'P.PPLC'),"
    " ('quipu:ghouta','Ghouta','SY',33.53,36.4,'L.RGN'),"
    " ('geonames:170063','Aleppo','SY',36.20124,37.16117,'P.PPLA'),"
    " ('geonames:170017','Hama','SY',35.13179,36.75783,'P.PPLA'),"
    " ('geonames:169577','Homs','SY',34.72682,36.72339,'P.PPLA');"
    "INSERT INTO documents(id,name,hash,url,title,source,lang,published,ingested_at,text) VALUES"
    " (11,'lm-0821','hx11','https://example.org/lm/0821','Attaque chimique près de Damas','Le Monde','fr','2013-08-21','2013-09-01','Attaque chimique près de Damas\nLe régime a bombardé la Ghouta le 21 août, une attaque qui a fait plus de 1 400 morts selon Washington.\nEn 1982, l''armée avait écrasé Hama.'),"
    " (12,'afp-0821','hx12','https://example.org/afp/0821','Gas attack near Damascus','AFP','en','2013-08-21','2013-09-01','Gas attack near Damascus\nThe Syrian army shelled Damascus suburbs on 21 August, killing hundreds of people.\nIn Aleppo, the army shelled the old city.'),"
    " (13,'blog-0822','hx13',NULL,'Good luck !','/home/analyst/scraped/blog-0822.txt','fr','2013-08-22','2013-09-01','Good luck !\nenvoye_special\n\nLe massacre de la Ghouta\nLe régime syrien a attaqué les civils, affirme l''opposition.\nLa Russie annonce un sommet en 2023.'),"
    " (14,'blog-0301','hx14',NULL,'Good luck !','/home/analyst/scraped/blog-0301.txt','fr','2012-03-01','2013-09-01','Good luck !\nactualite\n\nHoms sous les bombes\nL''armée syrienne a bombardé Homs.'),"
    " (15,'rt-0828','hx15','https://example.org/rt/0828','Moscow and Beijing block the text','Reuters','en','2013-08-28','2013-09-01','Moscow and Beijing block the text\nRussia and China vetoed the draft resolution at the UN Security Council.');"
    "INSERT INTO sentences(document_id,idx,start,end) VALUES (11,0,0,31),(11,1,32,138),(11,2,139,177),(12,0,0,24),(12,1,25,107),(12,2,108,149),(13,0,0,11),(13,1,12,26),(13,2,27,27),(13,3,28,52),(13,4,53,115),(13,5,116,152),(14,0,0,11),(14,1,12,21),(14,2,22,22),(14,3,23,43),(14,4,44,79),(15,0,0,33),(15,1,34,106);"
    "INSERT INTO events(uid,document_id,sentence,actor1,action,mode,action_text,actor2,place_id,place_text,time_value,time_start,time_end,time_grain,time_anchor,evidence_start,evidence_end,confidence,flags) VALUES"
    " ('lm-0821#1.0',11,1,'SYR-GOV','ASSAULT',NULL,'bombardé','CIVILIANS','geonames:170654','Damas','2013-08-21','2013-08-21','2013-08-22','day','text',32,64,0.8,0),"
    " ('lm-0821#2.0',11,2,'SYR-MIL','ASSAULT',NULL,'écrasé','CIVILIANS','geonames:170017','Hama','1982-01-01','1982-01-01','1983-01-01','year','text',148,176,0.7,0),"
    " ('afp-0821#1.0',12,1,'SYR-MIL','ASSAULT',NULL,'shelled','CIVILIANS','quipu:ghouta','Damascus suburbs','2013-08-21','2013-08-21','2013-08-22','day','text',25,65,0.9,0),"
    " ('afp-0821#2.0',12,2,'SYR-MIL','ASSAULT',NULL,'shelled','CIVILIANS','geonames:170063','Aleppo','2013-08-21','2013-08-21','2013-08-22','day','document',119,148,0.6,0),"
    " ('blog-0822#4.0',13,4,'SYR-GOV','ASSAULT',NULL,'attaqué','CIVILIANS','geonames:163843','Syrie','2013-08-22','2013-08-22','2013-08-23','day','document',53,92,0.7,0),"
    " ('blog-0822#5.0',13,5,'RUS','CONSULT',NULL,'sommet',NULL,NULL,NULL,'2023-01-01','2023-01-01','2024-01-01','year','text',116,151,0.5,0),"
    " ('blog-0301#4.0',14,4,'SYR-MIL','ASSAULT',NULL,'bombardé',NULL,'geonames:169577','Homs','2012-03-01','2012-03-01','2012-03-02','day','document',44,78,0.8,0),"
    " ('rt-0828#1.0',15,1,'RUS','REJECT',NULL,'vetoed','UN',NULL,NULL,'2013-08-28','2013-08-28','2013-08-29','day','document',34,78,0.9,0),"
    " ('rt-0828#1.1',15,1,'CHN','REJECT',NULL,'vetoed','UN',NULL,NULL,'2013-08-28','2013-08-28','2013-08-29','day','document',45,78,0.9,0);";

static int setup_long(void **state)
{
    int rc = setup(state);
    if (rc)
        return rc;
    fx *f = *state;
    /* the actors and places of the small fixture stay; its articles go */
    rc = test_sql_exec(qp_store_path(f->s), "DELETE FROM events; DELETE FROM documents;");
    return rc ? rc : test_sql_exec(qp_store_path(f->s), long_sql);
}

static void period_is_where_the_news_is(void **state)
{
    fx *f = *state;
    const char *md = render(f, QP_TIMELINE_MD, QP_LANG_EN);
    /* not 1982 (recalled), not 2023 (dated after its article): the news of 2012-2013 */
    at(md, "# Briefing, 1 March 2012 to 28 August 2013\n");
    /* more than half a year: a heading a month, the background apart */
    size_t mar = at(md, "\n## March 2012\n"), aug = at(md, "\n## August 2013\n"),
           before = at(md, "\n## Background: before the period\n"),
           after = at(md, "\n## Dated after their own article\n");
    assert_true(mar < aug && aug < before && before < after);
    at(md + before, "- **1982** — The Syrian Arab Army attacked civilians in Hama.");
    at(md + after, "- **2023** — Russia held talks.");
    assert_null(strstr(md, "## 21 August 2013"));
    at(md, "outside the period.");
    /* TimelineJS puts the background in a row of its own */
    const char *js = render(f, QP_TIMELINE_JSON, QP_LANG_EN);
    at(js, "\"headline\":\"The Syrian Arab Army attacked civilians in Hama.\"");
    assert_int_equal(count(js, "\"group\":\"Background\""), 2);
}

static void same_event_merged_across_days_and_places(void **state)
{
    fx *f = *state;
    const char *md = render(f, QP_TIMELINE_MD, QP_LANG_EN);
    /* Damascus, the Ghouta and "Syria", the 21st and the 22nd: one attack, three sources; the
     * army and the government are one state; it leads the key developments, with the article's
     * words and the figures the texts give */
    const char *key = md + at(md, "## Key developments");
    at(key, "- **21 August 2013** — The Syrian government attacked civilians in Damascus. (3 sources) [");
    at(key, "  > “The Syrian army shelled Damascus suburbs on 21 August, killing hundreds of people.” — figures given: ");
    at(key, "plus de 1 400 morts");
    at(key, "hundreds of people");
    /* one sentence, two actors: one line */
    at(md, "Russia and China rejected demands from the United Nations. [");
    /* Aleppo the same day is another line */
    const char *aug = md + at(md, "\n## August 2013\n");
    at(aug, "- **21 August** — The Syrian Arab Army attacked civilians in Aleppo. [");
    assert_int_equal(count(aug, "attacked civilians in Damascus. (3 sources)"), 1);
    /* the merged line holds every event it tells, in the CSV too */
    const char *csv = render(f, QP_TIMELINE_CSV, QP_LANG_EN);
    /* the development column names the line's representative for each of the three */
    assert_int_equal(count(csv, ",afp-0821#1.0,"), 3);
}

static void sources_are_titles_never_paths(void **state)
{
    fx *f = *state;
    const char *md = render(f, QP_TIMELINE_MD, QP_LANG_EN);
    assert_null(strstr(md, "/home/analyst"));
    assert_null(strstr(md, "Good luck"));
    /* the banner several pages share is not a title: the line before the article is */
    at(md, "“Le massacre de la Ghouta” (2013-08-22; document `blog-0822`)");
    at(md, "“Homs sous les bombes” (2012-03-01; document `blog-0301`)");
    at(md, "“Gas attack near Damascus” — AFP, <https://example.org/afp/0821> (2013-08-21)");
    const char *html = render(f, QP_TIMELINE_HTML, QP_LANG_EN);
    assert_null(strstr(html, "/home/analyst"));
    at(html, "“Le massacre de la Ghouta”");
}

static void long_briefing_in_french(void **state)
{
    fx *f = *state;
    const char *md = render(f, QP_TIMELINE_MD, QP_LANG_FR);
    at(md, "# Note de synthèse, du 1er mars 2012 au 28 août 2013\n");
    at(md, "\n## août 2013\n");
    at(md, "- **21 août 2013** — Le gouvernement syrien a attaqué les civils à Damas. (3 sources) [");
    /* Damascus as the French article names it; Aleppo, which no French article names, stays as
     * the gazetteer has it */
    at(md, "attaqué les civils à Aleppo. [");
    at(md, "La Russie et la Chine ont rejeté les demandes des Nations unies. [");
    at(md, "  > « Le régime a bombardé la Ghouta le 21 août, une attaque qui a fait plus de 1 400 morts selon "
           "Washington. » — chiffres cités : plus de 1 400 morts ; hundreds of people\n");
    at(md, "\n## Contexte : avant la période\n");
    at(md, "« Le massacre de la Ghouta » (2013-08-22 ; document `blog-0822`)");
    /* no English left in a French briefing's words */
    static const char *const english[] = {"Key developments", "Background", "sources)", "Sources\n\n1. “", "Undated",
                                          "figures given", "attacked", "Briefing"};
    for (size_t i = 0; i < QP_ARRAY_LEN(english); i++)
        if (strstr(md, english[i]) && strcmp(english[i], "sources)"))
            fail_msg("English in the French briefing: %s", english[i]);
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
    /* le Royaume-Uni, la communauté internationale; "la police et les forces…" take "ont" */
    assert_string_equal(say(&b, "United Kingdom", "Royaume-Uni", "state", "SUPPORT", NULL, "international community",
                            "communauté internationale", "igo", QP_LANG_FR),
                        "Le Royaume-Uni a apporté un soutien politique à la communauté internationale.");
    assert_string_equal(say(&b, "Syrian security forces", "police et forces de sécurité syriennes", "police", "ASSAULT",
                            NULL, "civilians", "civils", "civilians", QP_LANG_FR),
                        "La police et forces de sécurité syriennes ont attaqué les civils.");
    assert_string_equal(say(&b, "Syrian security forces", NULL, "police", "ASSAULT", NULL, "civilians", NULL,
                            "civilians", QP_LANG_EN),
                        "The Syrian security forces attacked civilians.");
    /* English: "the" for bodies and spelled acronyms, none for states, persons and NATO-like words */
    assert_string_equal(say(&b, "NATO", NULL, "igo", "THREATEN", NULL, "Syrian government", NULL, "government", QP_LANG_EN),
                        "NATO threatened the Syrian government.");
    assert_string_equal(say(&b, "SDF", NULL, "armed group", "ASSAULT", NULL, "al-Qaeda", NULL, "armed group", QP_LANG_EN),
                        "The SDF attacked al-Qaeda.");
    assert_string_equal(say(&b, "Jabhat al-Nusra", NULL, "armed group", "COOPERATE", NULL, "rebels", NULL, "armed group", QP_LANG_EN),
                        "Jabhat al-Nusra cooperated with the rebels.");
    assert_string_equal(say(&b, "Bashar al-Assad", NULL, "person", "ACCUSE", NULL, "United Kingdom", NULL, "state", QP_LANG_EN),
                        "Bashar al-Assad accused the United Kingdom.");
    /* a common noun as the place: "dans la banlieue de Damas"; a city: "à Homs" */
    qp_event e = {.action = "ASSAULT", .actor1 = {.id = "X", .label = "Syria", .label_fr = "Syrie", .kind = "state"},
                  .place = {.id = "geonames:1", .label = "banlieue de Damas", .feature = "P.PPLX"}};
    qp_buf_clear(&b);
    assert_int_equal(qp_phrase_event(&b, &e, QP_LANG_FR), 0);
    assert_string_equal(b.data, "La Syrie a mené une attaque dans la banlieue de Damas.");
    e.place.label = "Homs";
    qp_buf_clear(&b);
    assert_int_equal(qp_phrase_event(&b, &e, QP_LANG_FR), 0);
    assert_string_equal(b.data, "La Syrie a mené une attaque à Homs.");
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
        cmocka_unit_test_setup_teardown(period_is_where_the_news_is, setup_long, teardown),
        cmocka_unit_test_setup_teardown(same_event_merged_across_days_and_places, setup_long, teardown),
        cmocka_unit_test_setup_teardown(sources_are_titles_never_paths, setup_long, teardown),
        cmocka_unit_test_setup_teardown(long_briefing_in_french, setup_long, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
