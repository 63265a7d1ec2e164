/* overlay.h — a lexicon file merged with the same file of each overlay folder (lexicon/README.md,
 * "Overlays"), as JSON, before lexicon.c builds its tables from it. Internal to src/lexicon/. */
#ifndef QP_OVERLAY_H
#define QP_OVERLAY_H

#include <jansson.h>
#include <stddef.h>

/* How a file's entries merge. */
typedef enum {
    QP_OV_ACTORS,    /* {"actors": [...]}: replaced or added by "id" */
    QP_OV_COUNTRIES, /* {"countries": [...]}: replaced or added by "iso3" */
    QP_OV_ALIASES,   /* {"ID": ["alias", ...]}: lists extended */
    QP_OV_CWORDS,    /* {"ISO3": {"names": [...], ...}}: lists extended, other fields replaced */
    QP_OV_AGENTS,    /* {"agents": [...]}: by "code", phrases and patterns extended, fields replaced */
    QP_OV_ACTIONS,   /* {"actions": [...]}: the entries of a (lemma, pos) replaced, or added */
} qp_overlay_kind;

/* The path of rel ("lexicon/fr/actors.json") inside overlay folder dir ("DIR/fr/actors.json")
 * into out. 0, or QP_ETOOBIG. */
int qp_overlay_path(const char *dir, const char *rel, char *out, size_t cap);

/* Merges the file rel of each of the n folders dirs over *root (the built-in file, or NULL when
 * there is none: an empty one is made). Entries an overlay gives carry "_origin": its index in
 * dirs plus one. Absent files are skipped. Returns 0, QP_ELEXICON (err names the file, with
 * line and column when it is no JSON, or the field that has the wrong shape), QP_ENOMEM. */
int qp_overlay_merge(json_t **root, const char *rel, qp_overlay_kind kind, char *const *dirs, size_t n, char *err,
                     size_t errlen);

/* The key an action is replaced by: its lemma folded, a tab, its part of speech ("verb" when
 * absent). NULL when the entry has no lemma or on failure; the caller frees. */
char *qp_overlay_action_key(json_t *entry);

#endif
