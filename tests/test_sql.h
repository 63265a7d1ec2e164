/* test_sql.h — SQL run on a test's database through a connection of the test's own, for
 * fixtures and for checks that quipu's functions do not offer. quipu itself writes SQL only
 * in src/store/. */
#ifndef QP_TEST_SQL_H
#define QP_TEST_SQL_H

#include <sqlite3.h>
#include <stdio.h>

/* Runs sql on the database at path; 0, or -1 with the error printed on stderr. */
static inline int test_sql_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *err = NULL;
    int rc = sqlite3_open(path, &db);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    }
    if (rc != SQLITE_OK)
        fprintf(stderr, "%s: %s\n", path, err ? err : sqlite3_errmsg(db));
    sqlite3_free(err);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

#endif
