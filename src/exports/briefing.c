/* briefing.c — the Markdown briefing: the period, key developments with the articles' words
 * and figures, the chronology by day, week or month, the background apart, the blocs of
 * `quipu query sides`, the sources by title, outlet and URL. */
#include "timeline_int.h"

#include "qp.h"
#include "textout.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
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

/* "(3 sources, 5 mentions)" when more than one article tells it. */
static int put_counts(const tl_item *it, qp_buf *out)
{
    if (it->n_docs < 2)
        return 0;
    int rc = qp_buf_printf(out, " (%zu sources", it->n_docs);
    if (it->n_events > it->n_docs)
        rc |= qp_buf_printf(out, ", %zu mentions", it->n_events);
    return rc | qp_buf_putc(out, ')');
}

/* The date a line shows under its heading: none under a day's heading, the day without its
 * year under a week's or a month's, the whole period for background and coarse lines. */
static int put_when(const tl *t, const tl_item *it, const tl_section *sec, int full, qp_buf *out, qp_buf *tmp)
{
    const qp_time_ref *tm = &it->told.time;
    if (!tm->start || (!full && sec->kind == TL_SECTION_PERIOD && !strcmp(sec->grain, "day") && !tm->end))
        return 0;
    qp_buf_clear(tmp);
    int rc;
    if (!full && sec->kind == TL_SECTION_PERIOD && (!tm->grain || !strcmp(tm->grain, "day")) && !tm->end) {
        char ymd[16];
        snprintf(ymd, sizeof ymd, "%.10s", tm->start);
        rc = qp_phrase_period(tmp, ymd, NULL, "day", t->o->lang);
        /* the heading has the year */
        if (!rc && tmp->len > 5 && tmp->data[tmp->len - 5] == ' ')
            tmp->data[tmp->len -= 5] = 0;
    } else {
        rc = tl_item_when(t, it, tmp);
    }
    rc |= qp_buf_puts(out, "**");
    rc |= qp_text_put(out, tmp->data, QP_TEXT_MD, 0);
    return rc | qp_buf_puts(out, "** — ");
}

static int put_line(const tl *t, const tl_item *it, qp_buf *out, qp_buf *tmp, int key)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, "- ");
    rc |= put_when(t, it, &t->sections[it->section], key, out, tmp);
    qp_buf_clear(tmp);
    rc |= tl_item_sentence(t, it, tmp);
    rc |= qp_text_put(out, tmp->data, QP_TEXT_MD, 0);
    rc |= put_counts(it, out);
    rc |= put_notes(t, it, out);
    rc |= qp_buf_putc(out, '\n');
    if (key && (it->quote || it->counts)) {
        rc |= qp_buf_puts(out, "  > ");
        if (it->quote) {
            rc |= qp_buf_puts(out, fr ? "« " : "“");
            rc |= qp_text_put(out, it->quote, QP_TEXT_MD, 0);
            rc |= qp_buf_puts(out, fr ? " »" : "”");
        }
        if (it->counts) {
            rc |= qp_buf_puts(out, it->quote ? (fr ? " — chiffres cités : " : " — figures given: ")
                                             : (fr ? "Chiffres cités : " : "Figures given: "));
            rc |= qp_text_put(out, it->counts, QP_TEXT_MD, 0);
        }
        rc |= qp_buf_putc(out, '\n');
    }
    return rc;
}

static const tl *member_ctx;

static int cmp_member(const void *pa, const void *pb)
{
    const tl_node *a = &member_ctx->nodes[*(const size_t *)pa], *b = &member_ctx->nodes[*(const size_t *)pb];
    if (a->strength != b->strength)
        return a->strength < b->strength ? 1 : -1;
    return strcmp(a->id, b->id);
}

static int put_blocs(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, fr ? "\n## Blocs\n\n" : "\n## Blocs\n\n");
    rc |= qp_buf_puts(out, fr ? "Camps formés par les soutiens et les combats (ceux de `quipu query sides`) :\n\n"
                              : "Sides formed by backing and fighting (those of `quipu query sides`):\n\n");
    size_t alone = 0;
    for (size_t b = 0; b < t->n_blocs; b++) {
        tl_bloc *bl = &t->blocs[b];
        if (bl->n_members < 2) { /* a bloc of one is not a side: listed together below */
            alone += bl->n_members;
            continue;
        }
        member_ctx = t;
        qp_sort(bl->members, bl->n_members, sizeof *bl->members, cmp_member);
        rc |= qp_buf_printf(out, "- **Bloc %zu**%s", b + 1, fr ? " : " : ": ");
        for (size_t m = 0; m < bl->n_members; m++) {
            if (m)
                rc |= qp_buf_puts(out, ", ");
            rc |= qp_text_put(out, tl_node_label(t, &t->nodes[bl->members[m]]), QP_TEXT_MD, 0);
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
    return rc;
}

static int put_sources(const tl *t, qp_buf *out)
{
    int fr = t->o->lang == QP_LANG_FR;
    int rc = qp_buf_puts(out, "\n## Sources\n\n");
    for (size_t k = 0; k < t->n_cited; k++) {
        const tl_doc *d = &t->docs[t->cited[k]];
        rc |= qp_buf_printf(out, "%d. ", d->note);
        if (d->title) {
            rc |= qp_buf_puts(out, fr ? "« " : "“");
            rc |= qp_text_put(out, d->title, QP_TEXT_MD, 0);
            rc |= qp_buf_puts(out, fr ? " »" : "”");
        } else {
            rc |= qp_buf_puts(out, fr ? "_Sans titre_" : "_Untitled_");
        }
        if (d->source) {
            rc |= qp_buf_puts(out, " — ");
            rc |= qp_text_put(out, d->source, QP_TEXT_MD, 0);
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
        rc |= qp_buf_printf(out, " (%s", d->published ? d->published : (fr ? "sans date" : "undated"));
        if (!d->url) { /* how to find it: `quipu events --doc NAME` */
            rc |= qp_buf_puts(out, fr ? " ; document `" : "; document `");
            rc |= qp_text_put(out, d->name, QP_TEXT_PLAIN, 0);
            rc |= qp_buf_putc(out, '`');
        }
        rc |= qp_buf_puts(out, ")\n");
    }
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
    rc |= qp_buf_puts(out, "\n\n");
    rc |= tl_summary(t, t->n_cited, out);
    rc |= qp_buf_putc(out, '\n');
    if (!t->n_items)
        rc |= qp_buf_puts(out, fr ? "\nAucun événement dans cette période.\n" : "\nNo events in this period.\n");
    if (t->n_key) {
        rc |= qp_buf_puts(out, fr ? "\n## Faits marquants\n\n_Les faits que le plus de sources rapportent._\n\n"
                                  : "\n## Key developments\n\n_What most sources report._\n\n");
        for (size_t k = 0; k < t->n_key; k++)
            rc |= put_line(t, &t->items[t->key[k]], out, &tmp, 1);
    }
    for (size_t s = 0; s < t->n_sections; s++) {
        const tl_section *sec = &t->sections[s];
        qp_buf_clear(&tmp);
        rc |= tl_section_heading(t, sec, &tmp);
        rc |= qp_buf_puts(out, "\n## ");
        rc |= qp_text_put(out, tmp.data, QP_TEXT_MD, 0);
        rc |= qp_buf_puts(out, "\n\n");
        if (sec->kind == TL_SECTION_UNDATED)
            rc |= qp_buf_puts(out, fr ? "_Ces événements n'ont pas de date connue._\n\n"
                                      : "_These events have no known date._\n\n");
        else if (sec->kind == TL_SECTION_BEFORE)
            rc |= qp_buf_puts(out, fr ? "_Ce que les articles rappellent d'avant la période._\n\n"
                                      : "_What the articles recall from before the period._\n\n");
        else if (sec->kind == TL_SECTION_LONGER)
            rc |= qp_buf_puts(out, fr ? "_Faits de la période que les articles ne datent qu'au mois ou à l'année._\n\n"
                                      : "_Developments of the period the articles date only by month or year._\n\n");
        else if (sec->kind == TL_SECTION_AFTER)
            rc |= qp_buf_puts(out, fr ? "_Des articles les datent après leur propre date : annonces ou erreurs de date._\n\n"
                                      : "_Their articles date them after themselves: announcements or misdated events._\n\n");
        for (size_t i = 0; i < sec->n_items; i++)
            rc |= put_line(t, &t->items[sec->items[i]], out, &tmp, 0);
    }
    if (t->n_blocs)
        rc |= put_blocs(t, out);
    if (t->n_cited)
        rc |= put_sources(t, out);
    qp_buf_destroy(&tmp);
    return rc ? QP_ENOMEM : 0;
}
