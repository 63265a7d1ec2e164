/* cli_filter.h — the event filters `events`, `timeline` and `export` share: names as a user types them, partial dates, refusals with suggestions. */
#ifndef QP_CLI_FILTER_H
#define QP_CLI_FILTER_H

#include "store.h"

/* What the user typed (NULL: not given), then what the store is asked. */
typedef struct cli_filter {
    const char *actor, *action, *place, *country, *mode, *since, *until, *doc, *min_confidence;
    int include_hidden;
    qp_event_filter f;   /* filled by cli_filter_resolve */
    char actor_id[128], action_code[128], place_value[128], country2[128], mode_value[128];
    char since_day[11], until_day[11];
} cli_filter;

/* A date option as typed: YYYY, YYYY-MM or YYYY-MM-DD. For --since (is_until 0) the first day
 * of that period, for --until the last, into out as YYYY-MM-DD. Returns 0, or -1 after saying
 * on stderr what is wrong ("quipu CMD: --since takes YYYY, YYYY-MM or YYYY-MM-DD, not …"). */
int cli_date_option(const char *cmd, const char *opt, const char *value, int is_until, char out[11]);

/* Normalises both dates (a --since after the --until is refused) and resolves the names in cf
 * against the store: the actor as `quipu query` does (any alias, either language, and every
 * actor under it), the action among PLOVER's categories, the mode among those the events carry,
 * the country by code or name, the place by id, label or the articles' words. A name that
 * resolves to nothing, or to several things, is refused with suggestions on stderr. Fills
 * cf->f. Returns QP_EXIT_OK, QP_EXIT_USAGE or QP_EXIT_FAILURE (the store failed). */
int cli_filter_resolve(const char *cmd, qp_store *s, cli_filter *cf);

/* The options' help lines, for the commands' --help. */
#define CLI_FILTER_HELP \
    "  --actor X         events of actor X (id, English or French name or alias: Russia,\n" \
    "                    Russie, RUS), as initiator or recipient, and of every actor under it\n" \
    "                    (Russia takes in the Russian government and armed forces)\n" \
    "  --action A        a PLOVER category: ASSAULT, AID, SUPPORT, COOPERATE, CONSULT, ACCUSE,\n" \
    "                    PROTEST, COERCE, SANCTION, MOBILIZE, … (or LEAD); any case\n" \
    "  --mode M          a PLOVER mode the events carry (aerial, massacre, demo, …)\n" \
    "  --place P         a place id (geonames:170654), name (Damascus) or the articles' word\n" \
    "                    for it (Damas)\n" \
    "  --country C       events located in country C: ISO code (SY, SYR) or name (Syria, Syrie)\n" \
    "  --since D         events that end after the start of D: YYYY, YYYY-MM or YYYY-MM-DD\n" \
    "  --until D         events that start before the end of D (2013-08: up to 31 August)\n" \
    "  --min-confidence X  events extracted with a confidence of at least X (0 to 1)\n"

#endif
