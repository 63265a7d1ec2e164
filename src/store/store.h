/* store.h — the SQLite store: documents, sentences, actors, places, events; versioned schema. */
#ifndef QP_STORE_H
#define QP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "document.h"
#include "event.h"

typedef struct qp_migration {
    int version;
    const char *name;
    const char *sql;
} qp_migration;

/* Built from the schema/NNN_name.sql files by schema/embed.py, sorted by version. */
extern const qp_migration qp_migrations[];
extern const size_t qp_migrations_count;

/* An open database. Opaque: everything the rest of quipu asks of it goes through the functions
 * below, and no SQL is written outside src/store/. */
typedef struct qp_store qp_store;

/* Opens for writing (creating if need be) and migrates the database at path into *s. An
 * existing database is checked page by page first (PRAGMA quick_check: a damaged page is
 * refused before anything is written). Returns 0, QP_EDB (not a database, or an SQLite file of
 * another program: refused untouched), QP_ECORRUPT (damaged), QP_EREADONLY (the file, its
 * directory or the medium is read-only), QP_EDBVERSION (written by a newer quipu), QP_EFULL
 * (no room to create it), QP_EBUSY or QP_ENOMEM. A file this call created is removed again
 * when it fails. On error qp_store_errmsg(*s) says why and qp_store_close(*s) must still be
 * called (*s may be NULL when memory ran out). A store is used by one thread at a time: its
 * connection has no mutex of its own. */
int qp_store_open(qp_store **s, const char *path);
/* Opens an existing quipu database for reading only: nothing is created or written, the
 * journal mode is left as it is, and a database on a read-only medium is read. Returns 0,
 * QP_ENOTFOUND (no such file), QP_EDB (not a quipu database: refused untouched),
 * QP_EDBVERSION, QP_EBUSY or QP_ENOMEM, with qp_store_errmsg as above; qp_store_close(*s)
 * in every case. The write functions fail on such a store. */
int qp_store_open_read(qp_store **s, const char *path);
/* Closes and frees; safe on NULL and on a store whose open failed. */
void qp_store_close(qp_store *s);
/* The last error in words, naming the file ("" when none); never NULL. */
const char *qp_store_errmsg(const qp_store *s);
/* The path the store was opened with. */
const char *qp_store_path(const qp_store *s);
/* The schema version this quipu writes. */
int qp_store_schema_version(void);

/* Whether a transaction is open: SQLite ends one by itself on some errors (a full disk, out of
 * memory), after which nothing written belongs to the batch any more. */
int qp_store_in_transaction(const qp_store *s);
/* Transactions: batches of documents are written in one. 0 or QP_EDB/QP_EBUSY/QP_EFULL. */
int qp_store_begin(qp_store *s);
int qp_store_commit(qp_store *s);
void qp_store_rollback(qp_store *s);
/* A savepoint inside a transaction, so that a document that cannot be stored is undone alone:
 * qp_store_savepoint, then qp_store_release (keeps what was written since) or
 * qp_store_rollback_to (undoes it, and ends the savepoint). 0 or QP_EDB/QP_EBUSY/QP_ENOMEM. */
int qp_store_savepoint(qp_store *s);
int qp_store_release(qp_store *s);
int qp_store_rollback_to(qp_store *s);

/* A document as stored. */
typedef struct qp_doc_info {
    int64_t id;
    const char *name, *hash, *url, *title, *source, *lang, *published, *ingested_at, *status;
    const char *text;
    size_t text_len;
    int clutter_lines;
    int sentences, events;
} qp_doc_info;

/* Looks a document up by hash; returns its row id, 0 when absent, or a negative error. */
int64_t qp_store_find_hash(qp_store *s, const char *hash);

/* Stores a document with its sentences, clutter lines and events (actors and places they name
 * are added or updated). Call inside qp_store_begin/commit (outside a transaction it writes
 * nothing and returns QP_EDB). Returns the new row id (> 0), or a negative error (QP_EDB,
 * QP_EBUSY, QP_EFULL, QP_ECORRUPT); a document whose hash is already stored is not
 * written again and its existing row id is returned as a negative-free value through
 * *existing (set to 1 in that case, 0 otherwise). */
int64_t qp_store_add_document(qp_store *s, const qp_document *d, int *existing);

/* The extractor version (qp_pipeline_version) recorded with the documents and events written
 * from now on whose qp_document.extractor is NULL; NULL records none. Copied. 0 or QP_ENOMEM. */
int qp_store_set_extractor(qp_store *s, const char *version);

/* Bulk loading: with on, the events' secondary indexes (schema 003's day, actor and place
 * indexes) are dropped, so that millions of rows go in without a random b-tree insert each;
 * with off they are built again, each by one sort. Reads are slow in between. Call outside a
 * transaction. 0 or QP_EDB/QP_EFULL/QP_EBUSY (errmsg set). */
int qp_store_bulk_load(qp_store *s, int on);

/* What a merge did. */
typedef struct qp_merge_stats {
    int64_t documents_in;    /* documents the input holds */
    int64_t documents_added; /* of those, not here before (by identity: the hash of the text) */
    int64_t events_added;
} qp_merge_stats;

/* Folds the quipu database at path (of this schema version; opened read-only, never written)
 * into s, in one transaction: each of its documents not already here (by identity) with its
 * sentences, clutter lines and events, and the actors, aliases, places and extractor versions
 * they name, unified with those here (a described actor keeps its description; a placeholder
 * takes the input's). A document whose name another text holds here is stored as name~<hash>,
 * as ingest does, and its events' uids follow. A kill leaves s as it was before this input or
 * with all of it. Returns 0, QP_EDB, QP_EDBVERSION, QP_EINVAL (path is s's own file),
 * QP_ENOTFOUND, QP_EFULL, QP_EBUSY or QP_ENOMEM, with qp_store_errmsg(s) naming the file. */
int qp_store_merge(qp_store *s, const char *path, qp_merge_stats *stats);

/* Which stored documents `quipu reextract` takes. NULL/0 fields do not filter. */
typedef struct qp_doc_filter {
    const char *since, *until; /* YYYY-MM-DD: documents published on or after, on or before */
    const char *doc;           /* a document name */
    int stale;                 /* only those whose events another extractor version made (or none
                                * recorded: stored before schema 003) than qp_store_set_extractor's */
} qp_doc_filter;

/* The row ids of the documents f takes, oldest first, into *ids (malloc'd; free() it) and *n.
 * 0, QP_EDB or QP_ENOMEM. */
int qp_store_document_ids(qp_store *s, const qp_doc_filter *f, int64_t **ids, size_t *n);

/* Reads document id (name, hash, description, language, cleaned text; no sentences or events)
 * into d, every string copied into arena. 0, QP_ENOTFOUND, QP_EDB or QP_ENOMEM. */
int qp_store_load_document(qp_store *s, int64_t id, qp_arena *arena, qp_document *d);

/* Replaces what extraction made of document id (its sentences, language, status, events and
 * the extractor version) by d's, d being the same text extracted again; its name, text and
 * clutter lines stay. Call inside a transaction (a savepoint per document: an error undoes
 * it alone). Returns 0, or QP_EDB, QP_EBUSY, QP_EFULL, QP_ECORRUPT with errmsg set. */
int qp_store_replace_extraction(qp_store *s, int64_t id, const qp_document *d);

struct qp_lexicon;
/* Writes the lexicon's actors (countries as states) and their aliases into the store, so that
 * queries resolve names and roll actors up through their parents. Replaces what an older
 * lexicon wrote; call inside a transaction. Returns 0 or QP_EDB. */
int qp_store_put_lexicon(qp_store *s, const struct qp_lexicon *lx);

/* Calls fn for each stored document, oldest published first; strings live during the call.
 * Returns 0, QP_EDB, or fn's non-zero value. */
typedef int (*qp_doc_fn)(const qp_doc_info *d, void *ud);
int qp_store_documents_each(qp_store *s, qp_doc_fn fn, void *ud);

/* Filter for reading events back. NULL/0 fields do not filter. */
typedef struct qp_event_filter {
    const char *actor;   /* actor id: matches actor1 or actor2, and every actor under it (its
                          * parent chain leads to it: RUS takes in RUS-GOV and RUS-MIL) */
    const char *action;  /* PLOVER code */
    const char *place;   /* place id or label (case-insensitive), or a JSON array of place ids */
    const char *since;   /* YYYY-MM-DD: events whose time ends after it */
    const char *until;   /* YYYY-MM-DD: events whose time starts on or before it */
    const char *doc;     /* document name */
    const char *country; /* ISO 3166 alpha-2 of the event's place ("SY") */
    const char *mode;    /* PLOVER mode, case-insensitive */
    double min_confidence; /* events whose extraction confidence is at least this; 0 keeps all */
    int include_hidden;  /* also negated and hypothetical events */
} qp_event_filter;

/* Calls fn for each event matching f, ordered by time (the first day of the event, its
 * document's date when it has no time of its own) then the order they were stored in
 * (document, sentence), undated events last. Streams: the filters run in SQLite on the
 * indexes of schema 003 (src/store/store_events.c says which serves what), and rows come in
 * index order without being gathered first, except when an actor, place or country filter
 * picks a small set that is then sorted. The event's strings live only during the call. fn
 * returns non-zero to stop (that value is returned). Returns 0, QP_EDB (errmsg set) or
 * QP_EINVAL (a date that is not YYYY-MM-DD; errmsg says which). */
typedef int (*qp_event_fn)(const qp_event *e, void *ud);
int qp_store_events_each(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud);

/* What the graph is built from (src/graph/graph_load.c). NULL/0 fields do not filter. */
typedef struct qp_graph_events_query {
    const char *since, *until;   /* YYYY-MM-DD window, as qp_event_filter's */
    const char *const *focus;    /* n_focus actor ids: only the events that name one of them, or
                                  * an actor under one (its parent chain leads there) */
    size_t n_focus;
    int with_evidence;           /* fill evidence_text and action_text too (`query why`) */
} qp_graph_events_query;

/* Calls fn for each event the graph counts (neither negated nor hypothetical, naming at least
 * one actor) that q selects, in the order of qp_store_events_each, with only what the graph
 * reads: uid, doc (the document's name, taken from the uid), sentence, the two actors' ids
 * (their descriptions come from qp_store_actors_each), action, context, time, confidence,
 * flags, place; evidence and action text with q->with_evidence. No document text is read
 * otherwise, and a window or a focus is searched on the indexes of schema 003. Returns 0,
 * QP_EDB, QP_EINVAL (a bad date) or fn's non-zero value. */
int qp_store_graph_events_each(qp_store *s, const qp_graph_events_query *q, qp_event_fn fn, void *ud);

/* Calls fn for each actor the store knows (the lexicon's and those events named), with what is
 * known of it: label, French label, kind (NULL when unknown), country, parent. Strings live
 * during the call. Returns 0, QP_EDB (errmsg set) or fn's non-zero value. */
typedef int (*qp_actor_fn)(const qp_actor_ref *a, void *ud);
int qp_store_actors_each(qp_store *s, qp_actor_fn fn, void *ud);

/* Calls fn(id, name, ud) for every name an actor goes by in the store: its id, English and
 * French labels, and the aliases the lexicon gave (either language). Returns like above. */
typedef int (*qp_name_fn)(const char *id, const char *name, void *ud);
int qp_store_names_each(qp_store *s, qp_name_fn fn, void *ud);

/* Calls fn for each place events name, once per (place id, words of the text): the id (NULL for
 * a place the gazetteer did not find), its label and ISO alpha-2 country (NULL when unknown),
 * the article's words, and how many visible events name it so. For resolving a place a user
 * types. Returns 0, QP_EDB (errmsg set) or fn's non-zero value. */
typedef int (*qp_place_fn)(const char *id, const char *label, const char *country, const char *text,
                           size_t events, void *ud);
int qp_store_places_each(qp_store *s, qp_place_fn fn, void *ud);

/* Calls fn for each (action, mode) pair of the visible events that has a mode, with its number
 * of events. Returns like above. */
typedef int (*qp_mode_fn)(const char *action, const char *mode, size_t events, void *ud);
int qp_store_modes_each(qp_store *s, qp_mode_fn fn, void *ud);

/* The English label of actor id, malloc'd into *label (NULL when the actor is unknown or has
 * none). 0, QP_EDB or QP_ENOMEM. */
int qp_store_actor_label(qp_store *s, const char *id, char **label);

/* The French name of the state whose English name is label ("Syria" → "Syrie"), copied into
 * out (cap bytes). 0, QP_ENOTFOUND, QP_EDB or QP_ETOOBIG. */
int qp_store_state_label_fr(qp_store *s, const char *label, char *out, size_t cap);

/* A stored document's description, for sources and evidence. Strings are malloc'd (NULL when
 * the column is empty); free with qp_doc_meta_destroy. */
typedef struct qp_doc_meta {
    char *title, *source, *url, *published, *lang;
} qp_doc_meta;

/* Calls fn for each title two documents or more share, with how many: a scraped page's
 * boilerplate ("Good luck !", a site's banner headline) rather than its own title. Returns 0,
 * QP_EDB (errmsg set) or fn's non-zero value. */
typedef int (*qp_title_fn)(const char *title, size_t documents, void *ud);
int qp_store_shared_titles_each(qp_store *s, qp_title_fn fn, void *ud);

/* The first cap - 1 bytes (at most) of the cleaned text of the document named name, cut at a
 * line end, into a malloc'd *head (NULL when the document is unknown). 0, QP_EDB or QP_ENOMEM. */
int qp_store_doc_head(qp_store *s, const char *name, size_t cap, char **head);

/* The text of sentence idx of the document named name, malloc'd into *text, and its byte offset
 * in the cleaned text into *start (so an evidence span can be found in it); *text NULL when
 * there is no such sentence. 0, QP_EDB or QP_ENOMEM. */
int qp_store_sentence(qp_store *s, const char *name, int idx, char **text, size_t *start);

/* Fills d for the document named name: 0, QP_ENOTFOUND, QP_EDB or QP_ENOMEM (d is empty on
 * error). */
int qp_store_doc_meta(qp_store *s, const char *name, qp_doc_meta *d);
void qp_doc_meta_destroy(qp_doc_meta *d);

#endif
