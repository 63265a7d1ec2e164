/* gazetteer_build.h — compiling GeoNames dumps and the place lexicons into a gazetteer file. */
#ifndef QP_GAZETTEER_BUILD_H
#define QP_GAZETTEER_BUILD_H

#include <stdint.h>
#include <stdio.h>

typedef struct qp_gazetteer_builder qp_gazetteer_builder;

/* What an import tells as it goes; any callback may be NULL. */
typedef struct qp_gazetteer_report {
    void *user;
    /* a line of a dump that was skipped, with why; the import goes on */
    void (*bad_line)(void *user, const char *file, unsigned long line, const char *why);
    /* every 10000 lines of a dump */
    void (*progress)(void *user, const char *file, unsigned long lines);
} qp_gazetteer_report;

typedef struct qp_gazetteer_build_stats {
    unsigned long lines, bad_lines;     /* of the GeoNames dumps */
    unsigned long filtered;             /* lines skipped: comments, places read before,
                                         * feature classes not kept */
    uint32_t places, curated, names;    /* places, of which from lexicons; names indexed */
    uint32_t keys, prefixes, postings;  /* set by write */
    int max_words;
} qp_gazetteer_build_stats;

/* An empty builder; 0 or QP_ENOMEM. Free with qp_gazetteer_builder_destroy(). */
int qp_gazetteer_builder_init(qp_gazetteer_builder **b);
/* Frees everything; NULL is fine. */
void qp_gazetteer_builder_destroy(qp_gazetteer_builder *b);

/* Which GeoNames feature classes a dump's rows must have to be kept (default "PALTH":
 * places, divisions, regions, mountains, waters; not the hotels and schools of class S,
 * the roads of R...). 0, or QP_EINVAL for a letter that is no class. */
int qp_gazetteer_builder_set_classes(qp_gazetteer_builder *b, const char *classes);

/* Reads a GeoNames dump (the 19 tab-separated columns of cities1000.txt, allCountries.txt):
 * each row a place, indexed under its name, ASCII name and Latin-script alternate names.
 * Bad rows are counted and passed to rep->bad_line. name labels messages. Returns 0,
 * QP_EIO on a read error, QP_ENOMEM. A row whose id is already known is skipped, so the
 * same place in two dumps is harmless. */
int qp_gazetteer_builder_add_geonames(qp_gazetteer_builder *b, FILE *f, const char *name,
                                      const qp_gazetteer_report *rep);

/* Reads lexicon/places.json: new places (id null gets "quipu:<slug>"), names added to the
 * GeoNames places whose id is given, and "common_words". Returns 0, QP_ENOTFOUND when the
 * file is missing, QP_EJSON or QP_ELEXICON (err, if not NULL, gets a 200-byte message). */
int qp_gazetteer_builder_add_places_json(qp_gazetteer_builder *b, const char *path,
                                         char *err, size_t err_size);

/* Reads lexicon_dir/countries.json (+ fr/ and en/countries.json for names): each country a
 * place of feature A.PCLI. Returns 0, QP_ENOTFOUND when countries.json is missing, QP_EJSON,
 * QP_ELEXICON, QP_ENOMEM. */
int qp_gazetteer_builder_add_countries(qp_gazetteer_builder *b, const char *lexicon_dir,
                                       char *err, size_t err_size);

/* Marks names that are also common words: the lower-case entries of a hunspell .dic, or of
 * WordNet's data.{noun,verb,adj,adv} in dir; and, from a .dic with morphology (hunspell-fr's
 * po:prn, po:patr), the names that are first names or surnames, unless it has them as place
 * names too (po:npr). 0, QP_ENOTFOUND, QP_EIO, QP_ENOMEM. */
int qp_gazetteer_builder_add_hunspell(qp_gazetteer_builder *b, const char *dic_path);
int qp_gazetteer_builder_add_wordnet(qp_gazetteer_builder *b, const char *dir);
/* One common word (UTF-8, folded when applied); 0 or QP_ENOMEM. */
int qp_gazetteer_builder_add_common_word(qp_gazetteer_builder *b, const char *word, size_t len);

/* What a dictionary word says of a name. */
enum {
    QP_WORD_COMMON = 0, /* a common word ("orange") */
    QP_WORD_PERSON = 1, /* a first name or surname ("Warren", "Hassan") */
    QP_WORD_PLACE = 2,  /* a place name, which a person name does not override ("Florence") */
};
/* One word of that kind; 0 or QP_ENOMEM. */
int qp_gazetteer_builder_add_word(qp_gazetteer_builder *b, const char *word, size_t len, int kind);

/* Writes the compiled gazetteer to path through a temporary file renamed at the end, so a
 * failure leaves any older file untouched. Fills stats (may be NULL). Returns 0, QP_EIO,
 * QP_ENOMEM, QP_EEMPTY when there is no place, QP_ETOOBIG past 2^31 places or 4 GB. */
int qp_gazetteer_builder_write(qp_gazetteer_builder *b, const char *path,
                               qp_gazetteer_build_stats *stats);

/* Current counts (lines, places...), for progress messages. */
void qp_gazetteer_builder_stats(const qp_gazetteer_builder *b, qp_gazetteer_build_stats *st);

#endif
