/* cmd_export.c — `quipu export graphml|gexf`: the actor graph as a file for Gephi. */
#include "cli.h"
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
          "                    [--by actor|country] [--colour bloc|kind] [--no-blocs] -o FILE\n\n"
          "Writes the graph of actors and their relations, aggregated from the stored events, for\n"
          "Gephi (File > Open). One node per actor (id: the actor id, the same in every export),\n"
          "one edge per (source, target, relation) (id: source:target:relation).\n\n"
          "  graphml   static graph. Node attributes: label, label_fr, kind, country, parent,\n"
          "            first_seen, last_seen, events, degree, betweenness, bloc. Edge attributes:\n"
          "            label, relation, sign (+1/-1), weight (events, > 0), documents, first_date,\n"
          "            last_date, event_ids.\n"
          "  gexf      dynamic GEXF 1.3: nodes appear when first seen, each edge has one spell per\n"
          "            dated event, so Gephi's timeline plays the war month by month; nodes coloured\n"
          "            by bloc (or kind) and sized by betweenness.\n\n"
          "  --db FILE          database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --since D          events that end after D (YYYY-MM-DD)\n"
          "  --until D          events that start on or before D\n"
          "  --relations LIST   only these relations, comma-separated: backs, fights, cooperates,\n"
          "                     leads, member_of (default: all; member_of exists in the actor view)\n"
          "  --by actor|country one node per actor (default), or actors rolled up to their country\n"
          "  --colour bloc|kind GEXF node colours (default bloc; kind when an actor has no bloc)\n"
          "  --no-blocs         skip finding the blocs (faster on very large graphs)\n"
          "  -o FILE            output file, written whole or not at all; - for standard output\n\n"
          "Examples:\n"
          "  quipu export graphml -o war.graphml\n"
          "  quipu export gexf --by country --since 2017-01-01 --relations backs,fights -o war.gexf\n",
          out);
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},        {"since", required_argument, NULL, 's'},
        {"until", required_argument, NULL, 'u'},     {"relations", required_argument, NULL, 'r'},
        {"by", required_argument, NULL, 'b'},        {"colour", required_argument, NULL, 'c'},
        {"color", required_argument, NULL, 'c'},     {"no-blocs", no_argument, NULL, 'B'},
        {"output", required_argument, NULL, 'o'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *out = NULL;
    qp_export_opts o = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:s:u:r:b:c:Bo:h", longopts, NULL)) != -1) {
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
    int gexf;
    if (format && !strcasecmp(format, "graphml"))
        gexf = 0;
    else if (format && !strcasecmp(format, "gexf"))
        gexf = 1;
    else {
        if (format)
            cli_error("export", "unknown format '%s': graphml or gexf", format);
        else
            cli_error("export", "which format? quipu export graphml|gexf -o FILE");
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
    if ((o.since && !cli_is_date(o.since)) || (o.until && !cli_is_date(o.until))) {
        cli_error("export", "--since and --until take YYYY-MM-DD");
        return QP_EXIT_USAGE;
    }
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
    int rc = gexf ? qp_export_gexf(s, &o, out, err, sizeof err) : qp_export_graphml(s, &o, out, err, sizeof err);
    qp_store_close(s);
    if (rc) {
        cli_error("export", "%s", err);
        return QP_EXIT_FAILURE;
    }
    return QP_EXIT_OK;
}
