/* store.h — the SQLite store: documents, sentences, actors, places, events; versioned schema. */
#ifndef QP_STORE_H
#define QP_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

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

struct qp_idset;

typedef struct qp_store {
    sqlite3 *db;
    char *path;
    char errmsg[512]; /* the last error, in words, naming the file */
    sqlite3_stmt *cache[16]; /* statements of the write path, prepared once per open */
    /* actor and place ids written in the current transaction, so that each is written once
     * per transaction and not once per event; forgotten on begin, rollback and error */
    struct qp_idset *actors_written, *places_written;
} qp_store;

/* Opens (creating if need be) and migrates the database at path. Returns 0, QP_EDB (bad or
 * corrupt file), QP_EDBVERSION (written by a newer quipu) or QP_EBUSY; on error s->errmsg says
 * why and qp_store_close() must still be called. A store is used by one thread at a time: its
 * connection has no mutex of its own. */
int qp_store_open(qp_store *s, const char *path);
/* Closes; safe on a store whose open failed. */
void qp_store_close(qp_store *s);
/* The schema version this quipu writes. */
int qp_store_schema_version(void);

/* Transactions: batches of documents are written in one. 0 or QP_EDB/QP_EBUSY. */
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
 * are added or updated). Call inside qp_store_begin/commit. Returns the new row id (> 0), or
 * a negative error (QP_EDB, QP_EBUSY); a document whose hash is already stored is not
 * written again and its existing row id is returned as a negative-free value through
 * *existing (set to 1 in that case, 0 otherwise). */
int64_t qp_store_add_document(qp_store *s, const qp_document *d, int *existing);

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
    const char *actor;   /* actor id: matches actor1 or actor2, and actors whose parent it is */
    const char *action;  /* PLOVER code */
    const char *place;   /* place id or label (case-insensitive) */
    const char *since;   /* YYYY-MM-DD: events whose time ends after it */
    const char *until;   /* YYYY-MM-DD: events whose time starts on or before it */
    const char *doc;     /* document name */
    int include_hidden;  /* also negated and hypothetical events */
} qp_event_filter;

/* Calls fn for each event matching f, ordered by time then document and sentence. The event's
 * strings live only during the call. fn returns non-zero to stop (that value is returned).
 * Returns 0 or QP_EDB. */
typedef int (*qp_event_fn)(const qp_event *e, void *ud);
int qp_store_events_each(qp_store *s, const qp_event_filter *f, qp_event_fn fn, void *ud);

#endif
