/* cmd_export.c — `quipu export graphml|gexf`: the actor graph as a file for Gephi. */
#include "cli.h"
#include "cli_filter.h"
#include "cli_progress.h"
#include "export.h"
#include "qp.h"
#include "store.h"

#include <getopt.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu export graphml|gexf [--db FILE] [--since D] [--until D] [--relations LIST]\n"
          "                    [--by actor|country] [--colour bloc|kind] [--no-blocs] [--isolated]\n"
          "                    [--mixed] [--gexf-version 1.2|1.3] -o FILE\n"
          "       quipu export geojson [--db FILE] [event filters as `quipu events`] -o FILE\n\n"
          "Writes the graph of actors and their relations, aggregated from the stored events, for\n"
          "Gephi (File > Open), networkx or igraph. One node per actor (id: the actor id, the same in\n"
          "every export), one edge per (source, target, relation) (id: source:target:relation).\n"
          "Every edge is directed: a backing goes from backer to backed; a symmetric relation\n"
          "(fights, cooperates) is written once per pair, from the smaller id to the larger, with\n"
          "mutual = true. Nodes are placed by igraph's layout (Gephi opens on a picture) and\n"
          "coloured by bloc, the blocs of `quipu query sides` (same seed, numbered from 1).\n\n"
          "  graphml   static graph. Node attributes: label, label_fr, kind, country, parent,\n"
          "            first_seen, last_seen, events, degree, betweenness, bloc (none: no side),\n"
          "            x, y, size, r, g, b (Gephi's position, size and colour). Edge attributes:\n"
          "            label, relation, mutual, sign (+1/-1), weight (events, > 0), documents,\n"
          "            first_date, last_date, event_ids.\n"
          "  gexf      dynamic GEXF 1.3: nodes appear when first seen, each edge lives over the\n"
          "            spells of its dated events (merged where they overlap), so Gephi's timeline\n"
          "            plays the war month by month; viz:position, viz:color, viz:size.\n"
          "  geojson   the events as points (RFC 7946 FeatureCollection) for QGIS and web maps: one\n"
          "            Feature per located event, properties as `quipu events --format csv`.\n\n"
          "  --db FILE          database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --since D          events that end after D (YYYY-MM-DD)\n"
          "  --until D          events that start on or before D\n"
          "  --relations LIST   only these relations, comma-separated: backs, fights, cooperates,\n"
          "                     leads, member_of (default: all; member_of exists in the actor view)\n"
          "  --by actor|country one node per actor (default), or actors rolled up to their country\n"
          "  --colour bloc|kind GEXF node colours (default bloc; kind when an actor has no bloc)\n"
          "  --no-blocs         skip finding the blocs (faster on very large graphs)\n"
          "  --isolated         also write the actors that no written edge touches\n"
          "  --mixed            GEXF: fights and cooperation as undirected edges of a mixed graph\n"
          "                     (Gephi draws them without arrows; networkx cannot read it)\n"
          "  --gexf-version V   1.3 (default) or 1.2 (GEXF 1.2draft, for networkx before 3.0)\n"
          "  -o FILE            output file, written whole or not at all; - for standard output\n\n"
          "Examples:\n"
          "  quipu export graphml -o war.graphml\n"
          "  quipu export gexf --by country --since 2017-01-01 --relations backs,fights -o war.gexf\n"
          "  quipu export geojson --since 2013-08 --action ASSAULT -o attacks.geojson\n",
          out);
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},        {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},     {"relations", required_argument, NULL, 'r'},
        {"by", required_argument, NULL, 'b'},        {"colour", required_argument, NULL, 'c'},
        {"color", required_argument, NULL, 'c'},     {"no-blocs", no_argument, NULL, 'B'},
        {"isolated", no_argument, NULL, 'I'},        {"mixed", no_argument, NULL, 'M'},
        {"gexf-version", required_argument, NULL, 'V'},
        {"actor", required_argument, NULL, 'a'},     {"action", required_argument, NULL, 'A'},
        {"mode", required_argument, NULL, 'm'},      {"place", required_argument, NULL, 'p'},
        {"country", required_argument, NULL, 'C'},  {"min-confidence", required_argument, NULL, 'k'},
        {"output", required_argument, NULL, 'o'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *out = NULL;
    qp_export_opts o = {0};
    cli_filter cf = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:s:u:r:b:c:BIMV:a:A:m:p:C:k:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 's': o.since = optarg; break;
        case 'u': o.until = optarg; break;
        case 'r': {
            const char *bad = NULL;
            if (qp_export_relations_parse(optarg, &o.relations, &bad)) {
                cli_error("export", "unknown relation '%.*s' in --relations (known: backs, fights, cooperates, "
                                    "leads, member_of)", (int)strcspn(bad, ","), bad);
                return QP_EXIT_USAGE;
            }
            break;
        }
        case 'b':
            if (!strcmp(optarg, "actor"))
                o.by = QP_GRAPH_BY_ACTOR;
            else if (!strcmp(optarg, "country"))
                o.by = QP_GRAPH_BY_COUNTRY;
            else {
                cli_error("export", "--by takes actor or country, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            break;
        case 'c':
            if (!strcmp(optarg, "kind"))
                o.colour_by_kind = 1;
            else if (strcmp(optarg, "bloc")) {
                cli_error("export", "--colour takes bloc or kind, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            break;
        case 'B': o.no_sides = 1; break;
        case 'I': o.isolated = 1; break;
        case 'M': o.mixed = 1; break;
        case 'V':
            if (!strcmp(optarg, "1.2") || !strcmp(optarg, "1.2draft"))
                o.gexf12 = 1;
            else if (strcmp(optarg, "1.3")) {
                cli_error("export", "--gexf-version takes 1.2 or 1.3, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            break;
        case 'a': cf.actor = optarg; break;
        case 'A': cf.action = optarg; break;
        case 'm': cf.mode = optarg; break;
        case 'p': cf.place = optarg; break;
        case 'C': cf.country = optarg; break;
        case 'k': cf.min_confidence = optarg; break;
        case 'o': out = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    const char *format = optind < argc ? argv[optind++] : NULL;
    if (!format && out) { /* guessed from the file name */
        const char *dot = strrchr(out, '.');
        format = dot ? dot + 1 : NULL;
    }
    int gexf = 0, geojson = 0;
    if (format && !strcasecmp(format, "graphml"))
        gexf = 0;
    else if (format && !strcasecmp(format, "gexf"))
        gexf = 1;
    else if (format && !strcasecmp(format, "geojson"))
        geojson = 1;
    else {
        if (format)
            cli_error("export", "unknown format '%s': graphml, gexf or geojson", format);
        else
            cli_error("export", "which format? quipu export graphml|gexf|geojson -o FILE");
        return QP_EXIT_USAGE;
    }
    if (!geojson && (cf.actor || cf.action || cf.mode || cf.place || cf.country || cf.min_confidence)) {
        cli_error("export", "--actor, --action, --mode, --place, --country and --min-confidence choose events "
                            "for geojson; the graph takes --since, --until and --relations");
        return QP_EXIT_USAGE;
    }
    if (optind < argc) {
        cli_error("export", "unexpected argument '%s' (the output file is given with -o)", argv[optind]);
        return QP_EXIT_USAGE;
    }
    if (!out) {
        cli_error("export", "no output file: give -o FILE (or -o - for standard output)");
        return QP_EXIT_USAGE;
    }
    char since[11], until[11];
    if ((o.since && cli_date_option("export", "--since", o.since, 0, since)) ||
        (o.until && cli_date_option("export", "--until", o.until, 1, until)))
        return QP_EXIT_USAGE;
    o.since = o.since ? since : NULL;
    o.until = o.until ? until : NULL;
    if (o.since && o.until && strcmp(o.since, o.until) > 0) {
        cli_error("export", "--since %s is after --until %s", o.since, o.until);
        return QP_EXIT_USAGE;
    }
    if (access(db, F_OK) != 0) {
        cli_error("export", "no database at %s (run `quipu ingest` first, or give --db)", db);
        return QP_EXIT_FAILURE;
    }
    qp_store *s = NULL;
    if (qp_store_open_read(&s, db)) {
        cli_error("export", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    char err[600] = "";
    int rc;
    o.progress = cli_progress_cb;
    cli_progress_begin("export", strcmp(out, "-") != 0);
    if (geojson) {
        cf.since = o.since;
        cf.until = o.until;
        int ex = cli_filter_resolve("export", s, &cf);
        if (ex) {
            cli_progress_end();
            qp_store_close(s);
            return ex;
        }
        qp_export_geojson_counts n;
        cli_progress_stage("writing the events");
        rc = qp_export_geojson(s, &cf.f, out, &n, err, sizeof err);
        cli_progress_end();
        if (!rc)
            fprintf(stderr, "quipu export: %zu located event%s written, %zu without coordinates left out\n",
                    n.located, n.located == 1 ? "" : "s", n.unlocated);
    } else {
        rc = gexf ? qp_export_gexf(s, &o, out, err, sizeof err) : qp_export_graphml(s, &o, out, err, sizeof err);
    }
    cli_progress_end();
    qp_store_close(s);
    if (rc) {
        cli_error("export", "%s", err);
        return QP_EXIT_FAILURE;
    }
    return QP_EXIT_OK;
}
