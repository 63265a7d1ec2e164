/* briefing.c — the Markdown briefing: key developments, one section per day, undated events,
 * blocs, sources. */
#include "timeline_int.h"

#include "qp.h"
#include "textout.h"

#include <string.h>

static int put_notes(const tl *t, const tl_item *it, qp_buf *out)
{
    int rc = 0;
    for (size_t k = 0; k < it->n_docs; k++)
        rc |= qp_buf_printf(out, "%s%d", k ? ", " : " [", t->docs[it->docs[k]].note);
    if (it->n_docs)
        rc |= qp_buf_putc(out, ']');
    return rc;
}

static int put_line(const tl *t, const tl_item *it, qp_buf *out, qp_buf *tmp, int with_date)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, "- ");
    if (with_date) {
        const tl_section *sec = &t->sections[it->section];
        qp_buf_clear(tmp);
        rc |= qp_phrase_period(tmp, sec->start, sec->end, sec->grain, t->o->lang);
        rc |= qp_buf_puts(out, "**");
        rc |= qp_text_put(out, tmp->data, QP_TEXT_MD, 0);
        rc |= qp_buf_puts(out, "** — ");
    }
    qp_buf_clear(tmp);
    rc |= tl_item_sentence(t, it, tmp);
    rc |= qp_text_put(out, tmp->data, QP_TEXT_MD, 0);
    if (it->n_docs > 1)
        rc |= qp_buf_printf(out, fr ? " (%zu sources)" : " (%zu reports)", it->n_docs);
    rc |= put_notes(t, it, out);
    rc |= qp_buf_putc(out, '\n');
    return rc;
}

int tl_render_md(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    qp_buf tmp;
    qp_buf_init(&tmp);
    int rc = qp_buf_puts(out, "# ");
    rc |= tl_title(t, &tmp);
    rc |= qp_text_put(out, tmp.data, QP_TEXT_MD, 0);
    size_t ncited = t->n_cited;
    rc |= qp_buf_puts(out, "\n\n");
    rc |= tl_summary(t, ncited, out);
    rc |= qp_buf_putc(out, '\n');
    if (!t->n_items)
        rc |= qp_buf_puts(out, fr ? "\nAucun événement dans cette période.\n" : "\nNo events in this period.\n");
    if (t->n_key) {
        rc |= qp_buf_puts(out, fr ? "\n## Faits marquants\n\n" : "\n## Key developments\n\n");
        for (size_t k = 0; k < t->n_key; k++)
            rc |= put_line(t, &t->items[t->key[k]], out, &tmp, t->sections[t->items[t->key[k]].section].start != NULL);
    }
    for (size_t s = 0; s < t->n_sections; s++) {
        const tl_section *sec = &t->sections[s];
        qp_buf_clear(&tmp);
        if (sec->start)
            rc |= qp_phrase_period(&tmp, sec->start, sec->end, sec->grain, t->o->lang);
        else
            rc |= qp_buf_puts(&tmp, fr ? "Sans date" : "Undated");
        rc |= qp_buf_puts(out, "\n## ");
        rc |= qp_text_put(out, tmp.data, QP_TEXT_MD, 0);
        rc |= qp_buf_puts(out, "\n\n");
        if (!sec->start)
            rc |= qp_buf_puts(out, fr ? "_Ces événements n'ont pas de date connue._\n\n"
                                      : "_These events have no known date._\n\n");
        for (size_t i = 0; i < sec->n_items; i++)
            rc |= put_line(t, &t->items[sec->items[i]], out, &tmp, 0);
    }
    if (t->n_blocs) {
        rc |= qp_buf_puts(out, fr ? "\n## Blocs\n\n" : "\n## Blocs\n\n");
        rc |= qp_buf_puts(out, fr ? "Camps formés par les soutiens et les combats de la période :\n\n"
                                  : "Sides formed by the backing and fighting of the period:\n\n");
        size_t alone = 0;
        for (size_t b = 0; b < t->n_blocs; b++) {
            if (t->blocs[b].n_members < 2) { /* a bloc of one is not a side: listed together below */
                alone += t->blocs[b].n_members;
                continue;
            }
            rc |= qp_buf_printf(out, "- **Bloc %zu**%s", b + 1, fr ? " : " : ": ");
            for (size_t m = 0; m < t->blocs[b].n_members; m++) {
                if (m)
                    rc |= qp_buf_puts(out, ", ");
                rc |= qp_text_put(out, tl_node_label(t, &t->nodes[t->blocs[b].members[m]]), QP_TEXT_MD, 0);
            }
            rc |= qp_buf_putc(out, '\n');
        }
        if (alone) {
            rc |= qp_buf_puts(out, fr ? "- **Seuls** : " : "- **On their own**: ");
            size_t k = 0;
            for (size_t b = 0; b < t->n_blocs; b++)
                if (t->blocs[b].n_members == 1) {
                    rc |= qp_buf_puts(out, k++ ? ", " : "");
                    rc |= qp_text_put(out, tl_node_label(t, &t->nodes[t->blocs[b].members[0]]), QP_TEXT_MD, 0);
                }
            rc |= qp_buf_putc(out, '\n');
        }
    }
    if (ncited) {
        rc |= qp_buf_puts(out, "\n## Sources\n\n");
        for (size_t k = 0; k < ncited; k++) {
            const tl_doc *d = &t->docs[t->cited[k]];
            int n = d->note;
            rc |= qp_buf_printf(out, "%d. ", n);
            rc |= qp_text_put(out, d->source ? d->source : (fr ? "Source inconnue" : "Unknown outlet"), QP_TEXT_MD, 0);
            rc |= qp_buf_puts(out, " — ");
            if (d->title) {
                rc |= qp_buf_puts(out, "“");
                rc |= qp_text_put(out, d->title, QP_TEXT_MD, 0);
                rc |= qp_buf_puts(out, "”");
            } else {
                rc |= qp_text_put(out, d->name, QP_TEXT_MD, 0);
            }
            /* an http(s) URL is an autolink, percent-encoded so that nothing in it ends the
             * link or opens a tag; any other is text, escaped, never a link */
            if (qp_url_is_web(d->url)) {
                rc |= qp_buf_puts(out, ", <");
                rc |= qp_text_url(out, d->url, QP_TEXT_PLAIN);
                rc |= qp_buf_putc(out, '>');
            } else if (d->url) {
                rc |= qp_buf_puts(out, ", ");
                rc |= qp_text_put(out, d->url, QP_TEXT_MD, 0);
            }
            rc |= qp_buf_printf(out, " (%s)\n", d->published ? d->published : (fr ? "sans date" : "undated"));
        }
    }
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}
