/* test_export.c — GraphML and GEXF from a hand-built store: schema-valid (xmllint against
 * ../shared/schemas), read back by igraph with the same nodes, edges and attributes, stable
 * ids, merged spells, one edge type per file, relation filter, hostile strings; and the text
 * cleaning every writer relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <igraph.h>

#include "export.h"
#include "qp.h"
#include "test_export_fixture.h"
#include "textcell.h"
#include "textout.h"

typedef struct fx {
    qp_store *s;
    char *dir;
    char path[512];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f || fixture_open(&f->s, &f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    fixture_close(f->s, f->dir);
    free(f);
    return 0;
}

static const char *export(fx *f, int gexf, const qp_export_opts *o, const char *name)
{
    char err[256] = "";
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    int rc = gexf ? qp_export_gexf(f->s, o, f->path, err, sizeof err) : qp_export_graphml(f->s, o, f->path, err, sizeof err);
    if (rc)
        fail_msg("export: %s", err);
    return f->path;
}

/* xmllint against a schema of ../shared; skips when either is missing. */
static void validate(const char *path, const char *how, const char *schema)
{
    const char *shared = getenv("QP_SHARED");
    char schema_path[1024], cmd[2600];
    if (!shared)
        skip();
    snprintf(schema_path, sizeof schema_path, "%s/schemas/%s", shared, schema);
    if (access(schema_path, R_OK) != 0 || system("command -v xmllint >/dev/null 2>&1") != 0)
        skip();
    snprintf(cmd, sizeof cmd, "xmllint --noout --nonet %s '%s' '%s'", how, schema_path, path);
    if (system(cmd) != 0)
        fail_msg("%s does not validate against %s", path, schema);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static igraph_integer_t find_by_id(const igraph_t *g, int edges, const char *id)
{
    igraph_integer_t n = edges ? igraph_ecount(g) : igraph_vcount(g);
    for (igraph_integer_t i = 0; i < n; i++)
        if (!strcmp(edges ? EAS(g, "id", i) : VAS(g, "id", i), id))
            return i;
    fail_msg("no %s with id %s", edges ? "edge" : "node", id);
    return -1;
}

static void graphml_reads_back_in_igraph(void **state)
{
    fx *f = *state;
    qp_export_opts o = {0};
    const char *path = export(f, 0, &o, "g.graphml");
    char *xml = slurp(path);
    assert_non_null(xml);
    /* Gephi: descriptive key ids, no graph-level keys */
    for (char d = '0'; d <= '9'; d++) {
        char bad[16];
        snprintf(bad, sizeof bad, "key id=\"d%c", d);
        assert_null(strstr(xml, bad));
    }
    assert_null(strstr(xml, "for=\"graph\""));
    assert_null(strstr(xml, "for=\"all\""));
    /* networkx refuses directed="false" in a directed graph */
    assert_null(strstr(xml, "directed=\"false\""));
    free(xml);

    igraph_set_attribute_table(&igraph_cattribute_table);
    FILE *in = fopen(path, "r");
    assert_non_null(in);
    igraph_t g;
    assert_int_equal(igraph_read_graph_graphml(&g, in, 0), IGRAPH_SUCCESS);
    fclose(in);
    /* five actors take part in visible events; four (source, target, relation) edges */
    assert_int_equal(igraph_vcount(&g), 5);
    assert_int_equal(igraph_ecount(&g), 4);
    igraph_integer_t rus = find_by_id(&g, 0, "RUS");
    assert_string_equal(VAS(&g, "label", rus), "Russia");
    assert_string_equal(VAS(&g, "label_fr", rus), "Russie");
    assert_string_equal(VAS(&g, "kind", rus), "state");
    assert_string_equal(VAS(&g, "country", rus), "RUS");
    assert_string_equal(VAS(&g, "first_seen", rus), "2017-11-02");
    assert_int_equal((int)VAN(&g, "events", rus), 2);
    igraph_integer_t e = find_by_id(&g, 1, "RUS:SYR-GOV:backs");
    assert_string_equal(EAS(&g, "label", e), "backs");
    assert_string_equal(EAS(&g, "relation", e), "backs");
    assert_true(EAN(&g, "weight", e) == 2.0);
    assert_int_equal((int)EAN(&g, "sign", e), 1);
    assert_int_equal((int)EAN(&g, "documents", e), 2);
    assert_string_equal(EAS(&g, "first_date", e), "2017-11-02");
    assert_string_equal(EAS(&g, "event_ids", e), "afp-1#0.0 reuters-7#0.0");
    assert_false(EAB(&g, "mutual", e));
    igraph_integer_t from, to;
    igraph_edge(&g, e, &from, &to);
    assert_string_equal(VAS(&g, "id", from), "RUS");
    assert_string_equal(VAS(&g, "id", to), "SYR-GOV");
    /* a fight is one edge, from the smaller id to the larger, flagged mutual */
    assert_true(igraph_is_directed(&g));
    e = find_by_id(&g, 1, "ISIS:SYR-GOV:fights");
    assert_int_equal((int)EAN(&g, "sign", e), -1);
    assert_true(EAB(&g, "mutual", e));
    igraph_edge(&g, e, &from, &to);
    assert_string_equal(VAS(&g, "id", from), "ISIS");
    /* blocs numbered from 1 as `query sides` numbers them; positions for Gephi */
    assert_true(VAN(&g, "bloc", rus) >= 1);
    assert_true(igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_VERTEX, "x"));
    /* every weight above 0: Gephi deletes weight-0 edges */
    for (igraph_integer_t i = 0; i < igraph_ecount(&g); i++)
        assert_true(EAN(&g, "weight", i) > 0);
    igraph_destroy(&g);
    validate(path, "--schema", "graphml/graphml.xsd");
}

static void gexf_is_dynamic_and_valid(void **state)
{
    fx *f = *state;
    qp_export_opts o = {0};
    const char *path = export(f, 1, &o, "g.gexf");
    char *xml = slurp(path);
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""));
    assert_non_null(strstr(xml, "mode=\"dynamic\""));
    assert_non_null(strstr(xml, "timeformat=\"date\""));
    /* four dated visible events; the two backings of 2 November are one spell (Gephi drops
     * spells that overlap on one edge), the undated fight has none */
    assert_int_equal(count(xml, "<spell "), 3);
    assert_int_equal(count(xml, "<spell start=\"2017-11-02\" end=\"2017-11-02\"/>"), 1);
    assert_non_null(strstr(xml, "<spell start=\"2017-11-01\" end=\"2017-11-30\"/>")); /* a month, not a day */
    /* one edge type in the file: networkx and Gephi both read it */
    assert_non_null(strstr(xml, "defaultedgetype=\"directed\""));
    assert_null(strstr(xml, "type=\"undirected\""));
    assert_non_null(strstr(xml, "id=\"RUS:SYR-GOV:backs\" source=\"RUS\" target=\"SYR-GOV\" kind=\"backs\""));
    assert_non_null(strstr(xml, "id=\"ISIS:SYR-GOV:fights\" source=\"ISIS\" target=\"SYR-GOV\" kind=\"fights\""));
    const char *fight = strstr(xml, "id=\"ISIS:SYR-GOV:fights\"");
    assert_true(strstr(fight, "<attvalue for=\"mutual\" value=\"true\"/>") < strstr(fight, "</edge>"));
    assert_non_null(strstr(xml, "<node id=\"SDF\" label=\"Syrian Democratic Forces\" start=\"2017-11-01\">"));
    assert_int_equal(count(xml, "<viz:size value=\""), 5);
    assert_int_equal(count(xml, "<viz:color r=\""), 5);
    assert_int_equal(count(xml, "<viz:position x=\""), 5);
    /* blocs as `quipu query sides` numbers them, from 1 */
    assert_null(strstr(xml, "for=\"bloc\" value=\"0\""));
    assert_null(strstr(xml, "for=\"bloc\" value=\"-1\""));
    assert_non_null(strstr(xml, "for=\"bloc\" value=\"1\""));
    free(xml);
    validate(path, "--relaxng", "gexf-1.3/gexf.rng");
}

/* A month-long spell and day spells on one edge: one spell where they overlap or touch,
 * apart where they do not; --mixed writes undirected fights for Gephi; 1.2draft on demand. */
static void gexf_spells_merge_and_variants(void **state)
{
    fx *f = *state;
    const char *sql =
        "INSERT INTO events(uid,document_id,sentence,actor1,action,context,actor2,time_value,time_start,time_end,"
        " time_grain,evidence_start,evidence_end,confidence) VALUES"
        " ('lemonde-3#2.0',3,2,'USA','AID','military','SDF','2017-11-10','2017-11-10','2017-11-11','day',0,3,0.7),"
        " ('lemonde-3#3.0',3,3,'USA','AID','military','SDF','2017-12-01','2017-12-01','2017-12-02','day',0,3,0.7),"
        " ('lemonde-3#4.0',3,4,'USA','AID','military','SDF','2017-12-05','2017-12-05','2017-12-06','day',0,3,0.7);";
    assert_int_equal(test_sql_exec(qp_store_path(f->s), sql), 0);
    qp_export_opts o = {0};
    char *xml = slurp(export(f, 1, &o, "m.gexf"));
    const char *edge = strstr(xml, "id=\"USA:SDF:backs\"");
    assert_non_null(edge);
    const char *end = strstr(edge, "</edge>");
    /* November (the month) swallows the 10th and touches the 1st of December; the 5th is apart */
    const char *s1 = strstr(edge, "<spell start=\"2017-11-01\" end=\"2017-12-01\"/>");
    const char *s2 = strstr(edge, "<spell start=\"2017-12-05\" end=\"2017-12-05\"/>");
    assert_true(s1 && s1 < end && s2 && s2 < end);
    assert_int_equal(count(edge, "<spell ") - count(end, "<spell "), 2);
    free(xml);
    validate(f->path, "--relaxng", "gexf-1.3/gexf.rng");

    qp_export_opts mixed = {.mixed = 1};
    xml = slurp(export(f, 1, &mixed, "mixed.gexf"));
    assert_null(strstr(xml, "defaultedgetype"));
    assert_non_null(strstr(xml, "id=\"ISIS:SYR-GOV:fights\" source=\"ISIS\" target=\"SYR-GOV\" type=\"undirected\""));
    assert_non_null(strstr(xml, "id=\"RUS:SYR-GOV:backs\" source=\"RUS\" target=\"SYR-GOV\" type=\"directed\""));
    free(xml);
    validate(f->path, "--relaxng", "gexf-1.3/gexf.rng");

    qp_export_opts old = {.gexf12 = 1};
    xml = slurp(export(f, 1, &old, "old.gexf"));
    assert_non_null(strstr(xml, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
    assert_null(strstr(xml, "timerepresentation"));
    free(xml);
}

static void ids_stable_and_output_deterministic(void **state)
{
    fx *f = *state;
    qp_export_opts all = {0}, later = {.since = "2017-11-02"};
    char *a = slurp(export(f, 0, &all, "a.graphml"));
    char *b = slurp(export(f, 0, &all, "b.graphml"));
    char *c = slurp(export(f, 0, &later, "c.graphml"));
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_string_equal(a, b);
    /* a smaller period changes the edge, not its id */
    assert_non_null(strstr(c, "<edge id=\"RUS:SYR-GOV:backs\""));
    assert_non_null(strstr(c, "<node id=\"RUS\">"));
    /* the month-long backing ends after the 2nd and stays; the undated fight cannot be placed */
    assert_non_null(strstr(c, "USA:SDF:backs"));
    assert_null(strstr(c, "ISIS:SDF:fights"));
    free(a);
    free(b);
    free(c);
}

static void relation_filter_keeps_touched_nodes(void **state)
{
    fx *f = *state;
    qp_export_opts o = {0};
    const char *bad = NULL;
    assert_int_equal(qp_export_relations_parse("fights", &o.relations, &bad), 0);
    char *xml = slurp(export(f, 0, &o, "fights.graphml"));
    assert_int_equal(count(xml, "<edge "), 2);
    assert_int_equal(count(xml, "<node "), 3);
    assert_null(strstr(xml, "\"RUS\""));
    free(xml);
    assert_int_equal(qp_export_relations_parse("backs,hugs", &o.relations, &bad), QP_EINVAL);
    assert_string_equal(bad, "hugs");
    assert_int_equal(qp_export_relations_parse("backs,fights", &o.relations, &bad), 0);
    assert_int_equal(o.relations, (1u << QP_REL_BACKS) | (1u << QP_REL_FIGHTS));
}

static void hostile_strings_stay_valid(void **state)
{
    fx *f = *state;
    /* a label with a control character, markup, a quote and a byte that is not UTF-8 */
    const char *sql =
        "INSERT INTO actors(id,label,label_fr,kind) VALUES ('X-BAD', CAST(X'4261640120203C783E202622FF' AS TEXT),"
        " 'Mauvais\tacteur', 'armed group');"
        "INSERT INTO events(uid,document_id,sentence,actor1,action,actor2,time_value,time_start,time_end,time_grain,"
        " evidence_start,evidence_end,confidence) VALUES ('blog-9#2.0',4,2,'X-BAD','ASSAULT','ISIS','2017-11-06',"
        " '2017-11-06','2017-11-07','day',0,3,0.5);";
    assert_int_equal(test_sql_exec(qp_store_path(f->s), sql), 0);
    qp_export_opts o = {0};
    char *xml = slurp(export(f, 0, &o, "bad.graphml"));
    assert_non_null(strstr(xml, "<data key=\"label\">Bad  &lt;x&gt; &amp;&quot;</data>"));
    free(xml);
    validate(f->path, "--schema", "graphml/graphml.xsd");
    xml = slurp(export(f, 1, &o, "bad.gexf"));
    /* GEXF labels are tokens: white space collapsed */
    assert_non_null(strstr(xml, "label=\"Bad &lt;x&gt; &amp;&quot;\""));
    free(xml);
    validate(f->path, "--relaxng", "gexf-1.3/gexf.rng");
}

static void failed_write_leaves_nothing(void **state)
{
    fx *f = *state;
    qp_export_opts o = {0};
    char err[256] = "", path[600];
    snprintf(path, sizeof path, "%s/missing/g.gexf", f->dir);
    assert_int_equal(qp_export_gexf(f->s, &o, path, err, sizeof err), QP_EIO);
    assert_non_null(strstr(err, "missing/g.gexf"));
    /* an existing file is replaced whole, and no temporary file stays behind */
    snprintf(path, sizeof path, "%s/g.gexf", f->dir);
    FILE *old = fopen(path, "w");
    fputs("old", old);
    fclose(old);
    assert_int_equal(qp_export_gexf(f->s, &o, path, err, sizeof err), 0);
    char *xml = slurp(path);
    assert_int_equal(strncmp(xml, "<?xml", 5), 0);
    free(xml);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | grep -c '^\\.g\\.gexf') -eq 0", f->dir);
    assert_int_equal(system(cmd), 0);
}

static void text_is_cleaned_and_escaped(void **state)
{
    (void)state;
    qp_buf b;
    qp_buf_init(&b);
    /* control characters (C0, DEL, C1) and bytes that are not UTF-8 go; accents stay */
    assert_int_equal(qp_text_xml(&b, "a<b>&\"'\x01\x7f\xc2\x85 é\xff\xfe\tz"), 0);
    assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;&apos; é z");
    qp_buf_clear(&b);
    /* a UTF-8 sequence cut short is dropped, not half-written */
    assert_int_equal(qp_text_xml(&b, "ok\xc3"), 0);
    assert_string_equal(b.data, "ok");
    qp_buf_clear(&b);
    assert_int_equal(qp_text_json(&b, "l1\nl2 \"q\" \\ </script> \xe2\x80\xa8"), 0);
    assert_string_equal(b.data, "\"l1\\nl2 \\\"q\\\" \\\\ \\u003c/script> \\u2028\"");
    qp_buf_clear(&b);
    assert_int_equal(qp_text_json(&b, NULL), 0);
    assert_string_equal(b.data, "null");
    qp_buf_clear(&b);
    assert_int_equal(qp_text_csv(&b, "plain"), 0);
    assert_int_equal(qp_buf_putc(&b, ','), 0);
    assert_int_equal(qp_text_csv(&b, "a, \"b\"\nc"), 0);
    assert_string_equal(b.data, "plain,\"a, \"\"b\"\"\nc\"");
    qp_buf_destroy(&b);
}

/* Table cells by display width: never cut inside a character, wide characters count two
 * columns, combining marks none, line breaks are spaces; numbers as written. */
static void cells_and_numbers(void **state)
{
    (void)state;
    qp_buf b;
    qp_buf_init(&b);
    assert_int_equal(qp_text_cell(&b, "Forces démocratiques syriennes", 10, 1), 0);
    assert_string_equal(b.data, "Forces dé\xe2\x80\xa6");
    qp_buf_clear(&b);
    /* 中 is two columns: four of them fill 8, the ellipsis one more */
    assert_int_equal(qp_text_cell(&b, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", 9, 1), 0);
    assert_string_equal(b.data, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe2\x80\xa6");
    assert_int_equal(qp_text_width(b.data), 9);
    qp_buf_clear(&b);
    /* e + combining acute is one column; a line break is a space; padded to the width */
    assert_int_equal(qp_text_cell(&b, "ne\xcc\x81" "e\nici", 10, 1), 0);
    assert_string_equal(b.data, "ne\xcc\x81" "e ici   ");
    assert_int_equal(qp_text_width(b.data), 10);
    qp_buf_clear(&b);
    assert_int_equal(qp_text_cell(&b, NULL, 3, 1), 0);
    assert_string_equal(b.data, "-  ");
    qp_buf_destroy(&b);
    char n[32];
    qp_text_number(0.85, n, sizeof n);
    assert_string_equal(n, "0.85");
    qp_text_number(0.9 * 0.24, n, sizeof n);
    assert_string_equal(n, "0.216");
    qp_text_number(36.20278, n, sizeof n);
    assert_string_equal(n, "36.20278");
    qp_text_number(12, n, sizeof n);
    assert_string_equal(n, "12");
}

/* Issue 16, items 13, 14 and 15, on the writers' own functions. */
static void formulas_urls_and_id_lists(void **state)
{
    (void)state;
    qp_buf b;
    qp_buf_init(&b);
    /* a formula to a spreadsheet is kept as text behind a quote; a number in the middle is not */
    const char *cells[][2] = {{"=1+1", "\"'=1+1\""}, {"+33 1", "\"'+33 1\""}, {"-2", "\"'-2\""},
                              {"@SUM(A1)", "\"'@SUM(A1)\""}, {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
                              {"2017-11-02", "2017-11-02"}, {"a=b", "a=b"}};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        qp_buf_clear(&b);
        assert_int_equal(qp_text_csv(&b, cells[i][0]), 0);
        assert_string_equal(b.data, cells[i][1]);
    }
    /* only http(s) URLs with a host are links */
    assert_true(qp_url_is_web("https://example.org/a"));
    assert_true(qp_url_is_web("HTTP://example.org"));
    assert_false(qp_url_is_web("javascript:alert(1)"));
    assert_false(qp_url_is_web(" https://x"));
    assert_false(qp_url_is_web("https:///etc/passwd"));
    assert_false(qp_url_is_web("data:text/html,<b>"));
    assert_false(qp_url_is_web(NULL));
    qp_buf_clear(&b);
    assert_int_equal(qp_text_url(&b, "https://x.example/a b>\"<img é&c=1", QP_TEXT_XML), 0);
    assert_string_equal(b.data, "https://x.example/a%20b%3E%22%3Cimg%20%C3%A9&amp;c=1");
    /* an id list splits back on spaces whatever the ids hold */
    qp_buf_clear(&b);
    assert_int_equal(qp_text_token(&b, "doc one\nline 100%#0.1", QP_TEXT_XML), 0);
    assert_string_equal(b.data, "doc%20one%0Aline%20100%25#0.1");
    qp_buf_destroy(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_is_cleaned_and_escaped),
        cmocka_unit_test(cells_and_numbers),
        cmocka_unit_test(formulas_urls_and_id_lists),
        cmocka_unit_test_setup_teardown(graphml_reads_back_in_igraph, setup, teardown),
        cmocka_unit_test_setup_teardown(gexf_is_dynamic_and_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(gexf_spells_merge_and_variants, setup, teardown),
        cmocka_unit_test_setup_teardown(ids_stable_and_output_deterministic, setup, teardown),
        cmocka_unit_test_setup_teardown(relation_filter_keeps_touched_nodes, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_strings_stay_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_write_leaves_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
