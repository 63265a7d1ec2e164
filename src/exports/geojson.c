/* geojson.c — the events as points for QGIS and web maps: an RFC 7946 FeatureCollection, one
 * Feature per located event, its properties the columns of the one CSV layout. */
#include "export.h"

#include "eventrow.h"
#include "outfile.h"
#include "phrase.h"
#include "qp.h"
#include "textcell.h"
#include "textout.h"

#include <stdio.h>
#include <string.h>

typedef struct gj {
    qp_outfile *f;
    qp_buf b, summary;
    qp_row_docs *docs;
    qp_export_geojson_counts *counts;
    int err;
} gj;

static int on_event(const qp_event *e, void *ud)
{
    gj *g = ud;
    /* a place the gazetteer did not find has no coordinates: it cannot be a point */
    if (!e->place.id) {
        g->counts->unlocated++;
        return 0;
    }
    qp_row_doc d;
    int rc = qp_row_docs_get(g->docs, e->doc, &d);
    if (rc)
        return g->err = rc;
    char lon[32], lat[32];
    /* RFC 7946 §11.2: six decimals are about ten centimetres; longitude first (§3.1.1) */
    snprintf(lon, sizeof lon, "%.6f", e->place.lon);
    snprintf(lat, sizeof lat, "%.6f", e->place.lat);
    qp_buf_clear(&g->summary);
    rc = qp_phrase_event(&g->summary, e, QP_LANG_EN);
    rc |= qp_buf_puts(&g->b, g->counts->located ? ",\n" : "\n");
    rc |= qp_buf_puts(&g->b, "{\"type\":\"Feature\",\"id\":");
    rc |= qp_text_json(&g->b, e->uid);
    rc |= qp_buf_printf(&g->b, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},\"properties\":", lon, lat);
    rc |= qp_row_object(&g->b, e, &d, QP_LANG_EN, g->summary.data, NULL);
    rc |= qp_buf_putc(&g->b, '}');
    if (rc)
        return g->err = QP_ENOMEM;
    g->counts->located++;
    if (g->b.len >= (1u << 20) && (rc = qp_outfile_flush(g->f, &g->b)))
        return g->err = rc;
    return 0;
}

int qp_export_geojson(qp_store *s, const qp_event_filter *filter, const char *path, qp_export_geojson_counts *counts,
                      char *err, size_t errlen)
{
    qp_export_geojson_counts none;
    gj g = {.counts = counts ? counts : &none};
    memset(g.counts, 0, sizeof *g.counts);
    if (errlen)
        err[0] = 0;
    qp_outfile f;
    qp_buf_init(&g.b);
    qp_buf_init(&g.summary);
    int rc = qp_row_docs_open(&g.docs, s);
    if (rc) {
        snprintf(err, errlen, "%s", rc == QP_ENOMEM ? "out of memory" : qp_store_errmsg(s));
        goto cleanup;
    }
    if ((rc = qp_outfile_open(&f, path, err, errlen)))
        goto cleanup;
    g.f = &f;
    rc = qp_buf_puts(&g.b, "{\"type\":\"FeatureCollection\",\"features\":[") ? QP_ENOMEM : 0;
    if (!rc) {
        rc = qp_store_events_each(s, filter, on_event, &g);
        if (g.err)
            rc = g.err;
        else if (rc)
            snprintf(err, errlen, "%s", qp_store_errmsg(s));
    }
    if (!rc && qp_buf_puts(&g.b, "\n]}\n"))
        rc = QP_ENOMEM;
    rc = qp_outfile_finish(&f, &g.b, rc, path, err, errlen);
cleanup:
    if (rc == QP_ENOMEM && errlen && !err[0])
        snprintf(err, errlen, "out of memory");
    qp_row_docs_close(g.docs);
    qp_buf_destroy(&g.b);
    qp_buf_destroy(&g.summary);
    return rc;
}
