/* graph_load.c — the one way the graph is built from the store: the actors it describes, then
 * the events of the window. */
#include "graph_load.h"
#include "qp.h"

#include <stdio.h>

static int on_actor(const qp_actor_ref *a, void *ud)
{
    return qp_graph_add_actor(ud, a);
}

typedef struct event_feed {
    qp_graph_builder *b;
    int err; /* the builder's error, told apart from the store's */
} event_feed;

static int on_event(const qp_event *e, void *ud)
{
    event_feed *f = ud;
    return f->err = qp_graph_add_event(f->b, e);
}

int qp_graph_load(qp_store *s, const qp_graph_load_opts *o, qp_graph **out, char *err, size_t errlen)
{
    *out = NULL;
    if (errlen)
        err[0] = '\0';
    qp_graph_builder *b = NULL;
    qp_graph_options go = {.by = o->by, .keep_evidence = o->keep_evidence};
    int rc = qp_graph_builder_init(&b, &go);
    if (rc)
        goto cleanup;
    /* phase 1: what the store knows of every actor, so that parent chains can be walked */
    if ((rc = qp_store_actors_each(s, on_actor, b)))
        goto store_error;
    /* phase 2: the events of the window (or of the focus), read in SQLite on its indexes with
     * only the columns the graph keeps, and streamed into the builder */
    event_feed f = {b, 0};
    qp_graph_events_query q = {.since = o->since, .until = o->until, .focus = o->focus, .n_focus = o->n_focus,
                               .with_evidence = o->keep_evidence};
    rc = qp_store_graph_events_each(s, &q, on_event, &f);
    if (f.err) {
        rc = f.err;
        goto cleanup;
    }
    if (rc)
        goto store_error;
    /* phase 3: relations aggregated, actors rolled up as the view says */
    rc = qp_graph_build(b, out);
    goto cleanup;
store_error:
    if (rc != QP_ENOMEM)
        snprintf(err, errlen, "%s", qp_store_errmsg(s));
cleanup:
    qp_graph_builder_destroy(b);
    return rc;
}
