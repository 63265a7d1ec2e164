/* cmd_events.c — `quipu events`: the stored events, filtered, as a table, JSONL or CSV. */
#include "cli.h"
#include "event_json.h"
#include "qp.h"
#include "store.h"
#include "textout.h"

#include <getopt.h>
#include <jansson.h>
#include <string.h>
#include <unistd.h>

static void help(FILE *out)
{
    fputs("Usage: quipu events [--db FILE] [--actor X] [--action A] [--place P] [--since D] [--until D]\n"
          "                    [--doc NAME] [--all] [--format table|jsonl|csv]\n\n"
          "Lists the events extracted from the stored articles, in time order.\n\n"
          "  --db FILE       database (default: $QUIPU_DB or ./quipu.db)\n"
          "  --actor X       events where actor id X (or an actor under it: IRQ-GOV takes in the Iraqi\n"
          "                  air force) is initiator or recipient\n"
          "  --action A      a PLOVER category: ASSAULT, AID, SUPPORT, COOPERATE, MOBILIZE, … (or LEAD)\n"
          "  --place P       a place id (geonames:92138) or name (Al Qa'im)\n"
          "  --since D       events that end after D (YYYY-MM-DD)\n"
          "  --until D       events that start on or before D\n"
          "  --doc NAME      events of one document\n"
          "  --all           also negated and hypothetical events (hidden by default)\n"
          "  --format F      table (default), jsonl (one JSON object per event: see README), csv\n\n"
          "Example: quipu events --actor RUS --action AID --since 2017-01-01 --format jsonl\n",
          out);
}

static int print_jsonl(const qp_event *e, void *ud)
{
    (void)ud;
    json_t *o = qp_event_to_json(e);
    if (!o)
        return QP_ENOMEM;
    char *s = json_dumps(o, JSON_COMPACT);
    if (s)
        puts(s);
    free(s);
    json_decref(o);
    return 0;
}

/* One CSV field as the timeline's CSV writes it: quoted as RFC 4180 says, a formula made text. */
static int csv_field(qp_buf *b, const char *s, int last)
{
    qp_buf_clear(b);
    int rc = qp_text_csv(b, s) | qp_buf_putc(b, last ? '\n' : ',');
    if (!rc)
        fwrite(b->data, 1, b->len, stdout);
    return rc ? QP_ENOMEM : 0;
}

static int print_csv(const qp_event *e, void *ud)
{
    (void)ud;
    char conf[16], sent[16];
    snprintf(conf, sizeof conf, "%.2f", e->confidence);
    snprintf(sent, sizeof sent, "%d", e->sentence);
    const char *f[] = {e->uid, e->doc, sent, e->time.value, e->actor1.id, e->actor1.label, e->action, e->mode,
                       e->cameo, e->actor2.id, e->actor2.label, e->place.id, e->place.label, e->place.country,
                       conf, e->evidence_text};
    qp_buf b;
    qp_buf_init(&b);
    int rc = 0;
    for (size_t i = 0; i < QP_ARRAY_LEN(f) && !rc; i++)
        rc = csv_field(&b, f[i], i + 1 == QP_ARRAY_LEN(f));
    qp_buf_destroy(&b);
    return rc;
}

static int print_table(const qp_event *e, void *ud)
{
    int *n = ud;
    (*n)++;
    printf("%-10.10s %-22.22s %-10.10s %-22.22s %-18.18s %.60s\n", e->time.value ? e->time.value : "-",
           e->actor1.label ? e->actor1.label : "-", e->action, e->actor2.label ? e->actor2.label : "-",
           e->place.label ? e->place.label : "-", e->evidence_text ? e->evidence_text : "");
    return 0;
}

int cmd_events(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},     {"actor", required_argument, NULL, 'a'},
        {"action", required_argument, NULL, 'A'}, {"place", required_argument, NULL, 'p'},
        {"since", required_argument, NULL, 's'},  {"until", required_argument, NULL, 'u'},
        {"doc", required_argument, NULL, 'D'},    {"all", no_argument, NULL, 'x'},
        {"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = cli_default_db(), *format = "table";
    qp_event_filter f = {0};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:a:A:p:s:u:D:xf:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'a': f.actor = optarg; break;
        case 'A': f.action = optarg; break;
        case 'p': f.place = optarg; break;
        case 's': f.since = optarg; break;
        case 'u': f.until = optarg; break;
        case 'D': f.doc = optarg; break;
        case 'x': f.include_hidden = 1; break;
        case 'f': format = optarg; break;
        case 'h': help(stdout); return QP_EXIT_OK;
        default: help(stderr); return QP_EXIT_USAGE;
        }
    }
    if ((f.since && !cli_is_date(f.since)) || (f.until && !cli_is_date(f.until))) {
        cli_error("events", "--since and --until take YYYY-MM-DD");
        return QP_EXIT_USAGE;
    }
    qp_event_fn fn;
    if (!strcmp(format, "jsonl"))
        fn = print_jsonl;
    else if (!strcmp(format, "csv"))
        fn = print_csv;
    else if (!strcmp(format, "table"))
        fn = print_table;
    else {
        cli_error("events", "--format takes table, jsonl or csv, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    qp_store *s = NULL;
    /* a reader must not leave an empty database behind a mistyped --db */
    if (access(db, F_OK) != 0) {
        cli_error("events", "%s: no such database (quipu ingest creates it)", db);
        return QP_EXIT_FAILURE;
    }
    if (qp_store_open_read(&s, db)) {
        cli_error("events", "%s", qp_store_errmsg(s));
        qp_store_close(s);
        return QP_EXIT_FAILURE;
    }
    if (fn == print_csv)
        puts("id,doc,sentence,date,actor1,actor1_label,action,mode,cameo,actor2,actor2_label,place,place_label,"
             "country,confidence,evidence");
    if (fn == print_table)
        printf("%-10s %-22s %-10s %-22s %-18s %s\n", "DATE", "ACTOR", "ACTION", "RECIPIENT", "PLACE", "EVIDENCE");
    int n = 0, rc = QP_EXIT_OK;
    if (qp_store_events_each(s, &f, fn, &n)) {
        cli_error("events", "%s", qp_store_errmsg(s));
        rc = QP_EXIT_FAILURE;
    }
    qp_store_close(s);
    return rc;
}
