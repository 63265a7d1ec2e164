/* cli_filter.c — event filters named as a user names them: resolved against the store and the
 * lexicon, or refused (exit 2) with what the user may have meant. */
#include "cli_filter.h"

#include "actors_lookup.h"
#include "cli.h"
#include "names_lookup.h"
#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int cli_date_option(const char *cmd, const char *opt, const char *value, int is_until, char out[11])
{
    size_t n = value ? strlen(value) : 0;
    int y = 0, m = 0, d = 0, ok = 0;
    if (n >= 4 && digits(value, 4)) {
        y = atoi(value);
        if (n == 4) {
            m = is_until ? 12 : 1;
            ok = 1;
        } else if ((n == 7 || n == 10) && value[4] == '-' && digits(value + 5, 2)) {
            m = atoi(value + 5);
            ok = m >= 1 && m <= 12;
            if (ok && n == 10)
                ok = value[7] == '-' && digits(value + 8, 2) && (d = atoi(value + 8)) >= 1 &&
                     d <= days_in_month(y, m);
        }
    }
    if (!ok) {
        cli_error(cmd, "%s takes YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", opt, value ? value : "");
        return -1;
    }
    if (!d)
        d = is_until ? days_in_month(y, m) : 1;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* Prints the near names of a look-up under the refusal. */
static void suggest(const qp_lookup *l, const char *lead)
{
    if (!l->n)
        return;
    if (*lead)
        fprintf(stderr, "%s\n", lead);
    for (size_t i = 0; i < l->n; i++)
        fprintf(stderr, "  %-24s %s\n", l->names[i], l->notes[i]);
}

static int resolve_actor(const char *cmd, qp_store *s, cli_filter *cf)
{
    qp_actor_matches m;
    int rc = qp_actors_resolve(s, cf->actor, &m);
    int ex = QP_EXIT_OK;
    if (!rc) {
        snprintf(cf->actor_id, sizeof cf->actor_id, "%s", m.c[0].id);
        cf->f.actor = cf->actor_id;
    } else if (rc == QP_EAMBIGUOUS || rc == QP_ENOTFOUND) {
        if (rc == QP_EAMBIGUOUS)
            cli_error(cmd, "'%s' names %zu actors; say which by id:", cf->actor, m.n);
        else
            cli_error(cmd, "no actor is called '%s'%s", cf->actor, m.n ? "; did you mean:" : "");
        for (size_t k = 0; k < m.n; k++)
            fprintf(stderr, "  %-24s %-36s (as \"%s\")\n", m.c[k].id, m.c[k].label ? m.c[k].label : "",
                    m.c[k].matched);
        if (!m.n)
            fprintf(stderr, "(`quipu query actors` lists the actors of the events)\n");
        ex = QP_EXIT_USAGE;
    } else {
        cli_error(cmd, "%s", qp_store_errmsg(s)[0] ? qp_store_errmsg(s) : qp_strerror(rc));
        ex = QP_EXIT_FAILURE;
    }
    qp_actor_matches_destroy(&m);
    return ex;
}

int cli_filter_resolve(const char *cmd, qp_store *s, cli_filter *cf)
{
    qp_event_filter *f = &cf->f;
    memset(f, 0, sizeof *f);
    f->doc = cf->doc;
    f->include_hidden = cf->include_hidden;
    if (cf->since) {
        if (cli_date_option(cmd, "--since", cf->since, 0, cf->since_day))
            return QP_EXIT_USAGE;
        f->since = cf->since_day;
    }
    if (cf->until) {
        if (cli_date_option(cmd, "--until", cf->until, 1, cf->until_day))
            return QP_EXIT_USAGE;
        f->until = cf->until_day;
    }
    if (f->since && f->until && strcmp(f->since, f->until) > 0) {
        cli_error(cmd, "--since %s is after --until %s", cf->since, cf->until);
        return QP_EXIT_USAGE;
    }
    if (cf->min_confidence) {
        char *end;
        double x = strtod(cf->min_confidence, &end);
        if (*end || end == cf->min_confidence || x < 0 || x > 1) {
            cli_error(cmd, "--min-confidence takes a number from 0 to 1, not '%s'", cf->min_confidence);
            return QP_EXIT_USAGE;
        }
        f->min_confidence = x;
    }
    qp_lookup l;
    if (cf->action) {
        if (qp_lookup_action(cf->action, &l)) {
            cli_error(cmd, "no PLOVER category is called '%s'%s", cf->action,
                      l.n ? "" : " (ASSAULT, AID, SUPPORT, COOPERATE, CONSULT, ACCUSE, PROTEST, …)");
            suggest(&l, "did you mean:");
            return QP_EXIT_USAGE;
        }
        snprintf(cf->action_code, sizeof cf->action_code, "%s", l.value);
        f->action = cf->action_code;
    }
    if (cf->country) {
        int rc = qp_lookup_country(cf->country, &l, NULL);
        if (rc) {
            cli_error(cmd, "no country is called '%s'%s", cf->country,
                      l.n ? "" : " (give an ISO code, SY or SYR, or a name, Syria or Syrie)");
            suggest(&l, "did you mean:");
            return QP_EXIT_USAGE;
        }
        snprintf(cf->country2, sizeof cf->country2, "%s", l.value);
        f->country = cf->country2;
    }
    if (cf->actor) {
        int ex = resolve_actor(cmd, s, cf);
        if (ex)
            return ex;
    }
    if (cf->mode) {
        int rc = qp_lookup_mode(s, cf->mode, f->action, &l);
        if (rc == QP_ENOTFOUND) {
            cli_error(cmd, "no%s%s event has the mode '%s'%s", f->action ? " " : "", f->action ? f->action : "",
                      cf->mode, l.n ? "; the modes the events have:" : "");
            suggest(&l, "");
            return QP_EXIT_USAGE;
        }
        if (rc) {
            cli_error(cmd, "%s", qp_store_errmsg(s));
            return QP_EXIT_FAILURE;
        }
        snprintf(cf->mode_value, sizeof cf->mode_value, "%s", l.value);
        f->mode = cf->mode_value;
    }
    if (cf->place) {
        int rc = qp_lookup_place(s, cf->place, f->country, &l);
        if (rc == QP_ENOTFOUND) {
            cli_error(cmd, "no event takes place at '%s'%s%s", cf->place, f->country ? " in " : "",
                      f->country ? f->country : "");
            suggest(&l, "did you mean:");
            return QP_EXIT_USAGE;
        }
        if (rc == QP_EAMBIGUOUS) {
            cli_error(cmd, "'%s' names places in several countries; give --country, or the id:", cf->place);
            suggest(&l, "");
            return QP_EXIT_USAGE;
        }
        if (rc) {
            cli_error(cmd, "%s", rc == QP_ENOMEM ? qp_strerror(rc) : qp_store_errmsg(s));
            return QP_EXIT_FAILURE;
        }
        snprintf(cf->place_value, sizeof cf->place_value, "%s", l.value);
        f->place = cf->place_value;
    }
    return QP_EXIT_OK;
}
