/* gazetteer_build_int.h — what the importer's readers (GeoNames, lexicons) share with its core. */
#ifndef QP_GAZETTEER_BUILD_INT_H
#define QP_GAZETTEER_BUILD_INT_H

#include "buf.h"
#include "gazetteer_build.h"
#include "gazetteer_int.h"

/* A new place's facts; strings are copied. */
typedef struct gb_place_desc {
    uint32_t id;            /* 0: give it synthetic "quipu:<slug of label>" */
    const char *label;
    const char *admin1;     /* may be NULL */
    const char *country;    /* ISO2 or NULL */
    char fclass;
    const char *fcode;
    uint32_t population;
    double lat, lon;
    int curated;
} gb_place_desc;

/* The place with GeoNames id, as an index, or -1. */
long gb_find_id(const qp_gazetteer_builder *b, uint32_t id);
/* Adds a place; returns its index, or a negative error (QP_ENOMEM, QP_ETOOBIG). */
long gb_add_place(qp_gazetteer_builder *b, const gb_place_desc *d);
/* Marks a place as curated (named by a lexicon). */
void gb_mark_curated(qp_gazetteer_builder *b, long place);
/* Replaces a place's label (the lexicon's English name beats GeoNames' "Tadmur"); 0 or
 * QP_ENOMEM. */
int gb_set_label(qp_gazetteer_builder *b, long place, const char *label);
/* Indexes a name (UTF-8) of a place under its folded keys and their variants; 0 or
 * QP_ENOMEM (a name that folds to nothing or is too long is silently skipped). */
int gb_add_name(qp_gazetteer_builder *b, long place, const char *name, size_t len);
/* Line counters of the dumps, kept by the GeoNames reader. */
void gb_count_lines(qp_gazetteer_builder *b, unsigned long lines, unsigned long bad,
                    unsigned long filtered);
/* True when rows of this feature class are kept. */
int gb_keeps_class(const qp_gazetteer_builder *b, char fclass);

#endif
