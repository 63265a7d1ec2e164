/* cmd_demo.c — `quipu demo`: quipu's main job on the bundled examples, start to finish. */
#include "cli.h"
#include "datadir.h"
#include "export.h"
#include "qp.h"
#include "store.h"
#include "timeline.h"

#include <errno.h> /* program_invocation_name (GNU) */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu demo [--out DIR] [--examples DIR]\n\n"
          "Ingests the bundled example articles (French and English wire stories) into DIR/quipu.db,\n"
          "then writes the alliance graph for Gephi (GraphML, dynamic GEXF) and the chronological\n"
          "briefings (Markdown, HTML, TimelineJS JSON) under DIR, and prints where they are.\n\n"
          "  --out DIR        where to write (default: out)\n"
          "  --examples DIR   the articles to ingest (default: the examples/ quipu was built with)\n\n"
          "The database is made anew at each run; the files are replaced whole.\n",
          out);
}

int cmd_demo(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"out", required_argument, NULL, 'o'}, {"examples", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    const char *outdir = "out", *examples = NULL;
    char exdir[4096];
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:e:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': outdir = optarg; break;
        case 'e': examples = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if (!examples) {
        if (qp_data_path("examples", exdir, sizeof exdir)) {
            cli_error("demo", "no examples directory at %s (give one with --examples)", exdir);
            return QP_EXIT_FAILURE;
        }
        examples = exdir;
    }
    if (mkdir(outdir, 0777) && errno != EEXIST) {
        cli_error("demo", "cannot create %s: %s", outdir, strerror(errno));
        return QP_EXIT_FAILURE;
    }
    char db[4096], path[4096];
    snprintf(db, sizeof db, "%s/quipu.db", outdir);
    /* a fresh database each time, so the demo shows exactly the examples */
    const char *suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < QP_ARRAY_LEN(suffixes); i++) {
        snprintf(path, sizeof path, "%s%s", db, suffixes[i]);
        if (unlink(path) && errno != ENOENT) {
            cli_error("demo", "cannot remove the old %s: %s", path, strerror(errno));
            return QP_EXIT_FAILURE;
        }
    }
    char *ingest_argv[] = {"ingest", "--db", db, (char *)examples, NULL};
    int rc = cmd_ingest(4, ingest_argv);
    if (rc != QP_EXIT_OK && rc != QP_EXIT_PARTIAL)
        return rc;

    qp_store *s = NULL;
    if (qp_store_open(&s, db)) {
        cli_error("demo", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    char err[512] = "";
    int failed = 0;
    printf("\nquipu demo: %s ingested into %s\n", examples, db);
    qp_export_opts eo = {0};
    static const struct {
        const char *name, *what;
        int graph; /* 1 GraphML, 2 GEXF, 3 GeoJSON, 0 timeline */
        qp_timeline_format format;
        qp_lang lang;
    } outputs[] = {
        {"graph.graphml", "alliance graph, GraphML (Gephi: File > Open)", 1, 0, QP_LANG_EN},
        {"graph.gexf", "alliance graph, dynamic GEXF (Gephi's timeline plays it)", 2, 0, QP_LANG_EN},
        {"briefing.md", "chronological briefing, Markdown", 0, QP_TIMELINE_MD, QP_LANG_EN},
        {"briefing.html", "chronological briefing, one HTML page with timeline and graph", 0, QP_TIMELINE_HTML,
         QP_LANG_EN},
        {"briefing-fr.md", "the briefing in French", 0, QP_TIMELINE_MD, QP_LANG_FR},
        {"timeline.json", "TimelineJS timeline", 0, QP_TIMELINE_JSON, QP_LANG_EN},
        {"events.csv", "the events, CSV for spreadsheets", 0, QP_TIMELINE_CSV, QP_LANG_EN},
        {"events.geojson", "the events as points, GeoJSON for QGIS and web maps", 3, 0, QP_LANG_EN},
    };
    for (size_t i = 0; i < QP_ARRAY_LEN(outputs); i++) {
        snprintf(path, sizeof path, "%s/%s", outdir, outputs[i].name);
        int r;
        if (outputs[i].graph == 1)
            r = qp_export_graphml(s, &eo, path, err, sizeof err);
        else if (outputs[i].graph == 2)
            r = qp_export_gexf(s, &eo, path, err, sizeof err);
        else if (outputs[i].graph == 3)
            r = qp_export_geojson(s, NULL, path, NULL, err, sizeof err);
        else {
            qp_timeline_opts to = {.format = outputs[i].format, .lang = outputs[i].lang};
            r = qp_timeline_write(s, &to, path, err, sizeof err);
        }
        if (r) {
            cli_error("demo", "%s: %s", path, err[0] ? err : qp_strerror(r));
            failed = 1;
            continue;
        }
        printf("  %-28s %s\n", path, outputs[i].what);
    }
    qp_store_close(s);
    /* commands that work as printed: the binary as it was called (build/quipu from the source
     * tree), one a line, ready to paste */
    const char *self = strchr(program_invocation_name, '/') ? program_invocation_name : "quipu";
    printf("\nNext:\n  %s query sides --db %s\n  %s events --db %s --actor Russia\n"
           "  %s timeline --db %s --lang fr --format html -o %s/briefing-fr.html\n",
           self, db, self, db, self, db, outdir);
    return failed ? QP_EXIT_FAILURE : QP_EXIT_OK;
}
