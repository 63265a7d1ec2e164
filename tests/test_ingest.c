/* test_ingest.c — ingestion into a temporary store: every bad input counted and named, the rest
 * stored; directories, dates, duplicates, names, other languages; a kill -9 midway. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ingest.h"
#include "lang.h"
#include "qp.h"
#include "store.h"
#include <sqlite3.h> /* the test reads the database back with SQL of its own */

static char dir[256], dbpath[300];
static qp_langid *langid;

#define FR_TEXT                                                                                               \
    "L'arm\xC3\xA9\x65 irakienne a lanc\xC3\xA9 jeudi une offensive pour reprendre al-Qa\xC3\xAFm, le dernier "  \
    "bastion du groupe Etat islamique dans le pays, a annonc\xC3\xA9 le Premier ministre dans un communiqu\xC3\xA9.\n" \
    "Les forces gouvernementales sont appuy\xC3\xA9\x65s par la coalition internationale.\n"
#define EN_TEXT                                                                                               \
    "Iraqi forces launched an offensive on Thursday to retake the town of al-Qaim, the last stronghold of the " \
    "Islamic State group in the country, the prime minister said in a statement.\n"
#define EN_TEXT_JSON                                                                                          \
    "Iraqi forces launched an offensive on Thursday to retake the town of al-Qaim, the last stronghold of the " \
    "Islamic State group in the country, the prime minister said in a statement.\\n"
#define DE_TEXT                                                                                               \
    "Die irakische Armee hat eine Offensive zur R\xC3\xBC\x63keroberung der Stadt Al-Kaim begonnen, der letzten " \
    "Hochburg der Terrormiliz Islamischer Staat im Land, teilte der Ministerpr\xC3\xA4sident mit.\n"

static void rm_rf(const char *path)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", path);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/qp-test-ingest-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(dbpath, sizeof dbpath, "%s.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(dir);
    char p[320];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", dbpath, sfx[i]);
        unlink(p);
    }
    return 0;
}

static void write_file(const char *name, const char *data, size_t len)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static void write_str(const char *name, const char *s)
{
    write_file(name, s, strlen(s));
}

static void make_dir(const char *name)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    assert_int_equal(mkdir(p, 0755), 0);
}

/* Runs one ingest of path into dbpath, with the log captured into *log (malloc'd). */
static qp_ingest_stats run_ingest(const char *path, const qp_ingest_opts *o, char **log)
{
    qp_store *s = NULL;
    assert_int_equal(qp_store_open(&s, dbpath), 0);
    qp_ingest ig;
    qp_pipeline p = {.langid = langid};
    assert_int_equal(qp_ingest_init(&ig, s, &p, o), 0);
    FILE *lf = tmpfile();
    assert_non_null(lf);
    ig.log = lf;
    assert_int_equal(qp_ingest_path(&ig, path), 0);
    assert_int_equal(qp_ingest_finish(&ig), 0);
    qp_ingest_stats st = ig.stats;
    qp_store_close(s);
    long n = ftell(lf);
    rewind(lf);
    char *buf = calloc(1, (size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, lf), (size_t)n);
    fclose(lf);
    if (log)
        *log = buf;
    else
        free(buf);
    return st;
}

static void assert_logged(const char *log, const char *what)
{
    if (!strstr(log, what))
        fail_msg("log lacks [%s]; log:\n%s", what, log);
}

/* One string from a query on dbpath ("" for NULL, "(none)" for no row). */
static char *query1(const char *sql, char *out, size_t cap)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(out, cap, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
    else
        snprintf(out, cap, "(none)");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

static int query_int(const char *sql)
{
    char b[64];
    return atoi(query1(sql, b, sizeof b));
}

static void bad_inputs_counted_and_named(void **state)
{
    (void)state;
    write_str("2017-11-03_alqaim.txt", FR_TEXT);
    write_str("bad.txt", "Premi\xC3\xA8re ligne.\nDeuxi\xE8me ligne.\n"); /* Latin-1 é: 17 + 5 = byte 22, line 2 */
    write_str("empty.txt", "");
    write_str("clutter-only.txt", "Envie d'afficher votre publicit\xC3\xA9 ?\nContactez-nous\n");
    char big[3000];
    memset(big, 'a', sizeof big);
    for (size_t i = 50; i < sizeof big; i += 50)
        big[i] = ' ';
    write_file("big.txt", big, sizeof big);
    write_str("articles.jsonl",
              "{\"id\": \"afp-1\", \"date\": \"2017-11-02T10:00:00Z\", \"title\": \"Al-Qaim\", \"text\": \"" EN_TEXT_JSON "\"}\n"
              "{\"id\": \"afp-2\", \"text\": \"unterminated\n"
              "{\"id\": \"afp-3\", \"title\": \"no text here\"}\n"
              "\n"
              "[1, 2]\n");
    char link[600];
    snprintf(link, sizeof link, "%s/gone.txt", dir);
    assert_int_equal(symlink("/nonexistent/quipu-test-target", link), 0);
    write_str("notes.md", "# not an article\n");

    qp_ingest_opts o = {.max_bytes = 2000};
    char *log;
    qp_ingest_stats st = run_ingest(dir, &o, &log);

    assert_int_equal(st.stored, 2);       /* the dated French file and afp-1 */
    assert_int_equal(st.bad_utf8, 1);
    assert_int_equal(st.empty, 2);        /* empty.txt, and clutter-only.txt once cleaned */
    assert_int_equal(st.too_big, 1);
    assert_int_equal(st.bad_json, 3);     /* broken line, no "text", not an object */
    assert_int_equal(st.unreadable, 1);
    assert_int_equal(st.skipped, 8);
    assert_int_equal(st.read, 10);
    assert_int_equal(st.duplicates, 0);

    assert_logged(log, "bad.txt: skipped: invalid UTF-8 at byte 22 (line 2)");
    assert_logged(log, "empty.txt: skipped: empty");
    assert_logged(log, "clutter-only.txt: skipped: no text left after cleaning");
    assert_logged(log, "big.txt: skipped: 3000 bytes is over the limit of 2000");
    assert_logged(log, "articles.jsonl:2: skipped: broken JSON line");
    assert_logged(log, "articles.jsonl:3: skipped: no \"text\"");
    assert_logged(log, "articles.jsonl:5: skipped: broken JSON line (not an object");
    assert_logged(log, "gone.txt: skipped: cannot read");
    assert_null(strstr(log, "notes.md"));
    assert_null(strstr(log, "articles.jsonl:4"));
    free(log);

    char b[256];
    assert_string_equal(query1("SELECT published FROM documents WHERE name = '2017-11-03_alqaim'", b, sizeof b),
                        "2017-11-03");
    assert_string_equal(query1("SELECT lang FROM documents WHERE name = '2017-11-03_alqaim'", b, sizeof b), "fr");
    assert_string_equal(query1("SELECT published FROM documents WHERE name = 'afp-1'", b, sizeof b), "2017-11-02");
    assert_string_equal(query1("SELECT title FROM documents WHERE name = 'afp-1'", b, sizeof b), "Al-Qaim");
    assert_string_equal(query1("SELECT lang FROM documents WHERE name = 'afp-1'", b, sizeof b), "en");
    assert_int_equal(query_int("SELECT count(*) FROM documents"), 2);
    assert_int_equal(query_int("SELECT count(*) FROM sentences WHERE document_id = "
                               "(SELECT id FROM documents WHERE name = '2017-11-03_alqaim')"),
                     2);
}

static void oversize_jsonl_line_skipped(void **state)
{
    (void)state;
    char line[4096];
    int n = snprintf(line, sizeof line, "{\"id\": \"long\", \"text\": \"");
    while (n < 3000)
        n += snprintf(line + n, sizeof line - (size_t)n, "Les combats continuent. ");
    snprintf(line + n, sizeof line - (size_t)n, "\"}\n{\"id\": \"short\", \"text\": \"Les combats continuent \u00e0 Alep.\"}\n");
    write_str("in.jsonl", line);
    qp_ingest_opts o = {.max_bytes = 2000};
    char *log;
    qp_ingest_stats st = run_ingest(dir, &o, &log);
    assert_int_equal(st.too_big, 1);
    assert_int_equal(st.stored, 1);
    assert_logged(log, "in.jsonl:1: skipped: a line of ");
    assert_logged(log, "over the limit of 2000");
    free(log);
    char b[64];
    assert_string_equal(query1("SELECT name FROM documents", b, sizeof b), "short");
}

static void byte_order_marks_before_jsonl(void **state)
{
    (void)state;
    const char *jl = "\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"Les rebelles ont pris un poste fronti\xC3\xA8re.\"}\n";
    write_str("in.jsonl", jl);
    qp_ingest_stats st = run_ingest(dir, NULL, NULL);
    assert_int_equal(st.stored, 1);
    assert_int_equal(st.bad_json, 0);
    /* on standard input too: JSONL, not one article made of JSON */
    char p[600];
    snprintf(p, sizeof p, "%s/stdin.jsonl", dir);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs("\xEF\xBB\xBF{\"id\": \"bom2\", \"text\": \"Le r\xC3\xA9gime a bombard\xC3\xA9 Homs mardi.\"}\n", f);
    fclose(f);
    assert_non_null(freopen(p, "rb", stdin));
    st = run_ingest("-", NULL, NULL);
    assert_int_equal(st.stored, 1);
    char b[64];
    assert_string_equal(query1("SELECT group_concat(name, ' ') FROM documents", b, sizeof b), "bom bom2");
    /* a text starting with another U+Fxxx character keeps it */
    f = fopen(p, "wb");
    assert_non_null(f);
    fputs("\xEF\xBC\x81 Les rebelles ont pris Alep.\n", f);
    fclose(f);
    assert_non_null(freopen(p, "rb", stdin));
    st = run_ingest("-", NULL, NULL);
    assert_int_equal(st.stored, 1);
    assert_string_equal(query1("SELECT substr(text, 1, 4) FROM documents WHERE source = 'stdin' AND name LIKE 'doc-%'", b,
                               sizeof b),
                        "\xEF\xBC\x81 Le"); /* four characters */
}

static void missing_path_is_unreadable(void **state)
{
    (void)state;
    char p[600], *log;
    snprintf(p, sizeof p, "%s/no-such-file.txt", dir);
    qp_ingest_stats st = run_ingest(p, NULL, &log);
    assert_int_equal(st.unreadable, 1);
    assert_int_equal(st.skipped, 1);
    assert_int_equal(st.stored, 0);
    assert_logged(log, "no-such-file.txt: skipped: No such file or directory");
    free(log);
    snprintf(p, sizeof p, "%s/no-such-file.jsonl", dir);
    st = run_ingest(p, NULL, &log);
    assert_int_equal(st.unreadable, 1);
    assert_int_equal(st.skipped, 1);
    free(log);
}

static void directories_recursed_in_sorted_order(void **state)
{
    (void)state;
    make_dir("b");
    make_dir("a");
    make_dir("a/deep");
    write_str("b/2013-01-02_z.txt", "Le r\xC3\xA9gime syrien a bombard\xC3\xA9 Homs pendant toute la nuit de mardi.\n");
    write_str("a/deep/2012-05-06_y.txt", "Les rebelles syriens ont pris le contr\xC3\xB4le d'un poste fronti\xC3\xA8re.\n");
    write_str("a/2011-03-15_x.txt", "Des manifestations ont eu lieu \xC3\xA0 Deraa et \xC3\xA0 Damas vendredi.\n");
    write_str("c.text", "Les observateurs de la Ligue arabe sont arriv\xC3\xA9s \xC3\xA0 Damas lundi soir.\n");
    write_str(".hidden.txt", "Ce fichier cach\xC3\xA9 ne doit pas \xC3\xAAtre lu par quipu du tout.\n");
    char *log;
    qp_ingest_stats st = run_ingest(dir, NULL, &log);
    free(log);
    assert_int_equal(st.stored, 4);
    assert_int_equal(st.skipped, 0);
    char b[256];
    assert_string_equal(query1("SELECT group_concat(name, ' ') FROM (SELECT name FROM documents ORDER BY id)", b,
                               sizeof b),
                        "2011-03-15_x 2012-05-06_y 2013-01-02_z c");
    assert_string_equal(query1("SELECT published FROM documents WHERE name = '2012-05-06_y'", b, sizeof b),
                        "2012-05-06");
    /* no date in the name: none, unless --date gives one */
    assert_string_equal(query1("SELECT published FROM documents WHERE name = 'c'", b, sizeof b), "");
}

static void default_date_and_bad_dates(void **state)
{
    (void)state;
    write_str("2017-13-45_x.txt", "Ce nom de fichier porte une date impossible et ne date rien du tout.\n");
    write_str("in.jsonl", "{\"id\": 7, \"date\": \"hier\", \"text\": \"Le texte de l'article num\xC3\xA9ro sept est ici.\"}\n");
    qp_ingest_opts o = {.date = "2020-01-31"};
    char *log;
    qp_ingest_stats st = run_ingest(dir, &o, &log);
    assert_int_equal(st.stored, 2);
    assert_logged(log, "in.jsonl:1: warning: date 'hier' is not YYYY-MM-DD; ignored");
    free(log);
    char b[256];
    /* an integer id is kept as the name too */
    assert_string_equal(query1("SELECT published FROM documents WHERE name = '7'", b, sizeof b), "2020-01-31");
    assert_string_equal(query1("SELECT published FROM documents WHERE name = '2017-13-45_x'", b, sizeof b),
                        "2020-01-31");
}

static void duplicate_text_stored_once(void **state)
{
    (void)state;
    /* the same article with CRLF line ends and a BOM: the same normalised text */
    write_str("one.txt", FR_TEXT);
    char crlf[1024] = "\xEF\xBB\xBF";
    size_t n = 3;
    for (const char *p = FR_TEXT; *p; p++) {
        if (*p == '\n')
            crlf[n++] = '\r';
        crlf[n++] = *p;
    }
    crlf[n] = '\0';
    write_str("two.txt", crlf);
    char *log;
    qp_ingest_opts o = {.verbose = 1};
    qp_ingest_stats st = run_ingest(dir, &o, &log);
    assert_int_equal(st.stored, 1);
    assert_int_equal(st.duplicates, 1);
    assert_int_equal(st.skipped, 0);
    assert_logged(log, "two.txt: already stored (same text)");
    free(log);
    assert_int_equal(query_int("SELECT count(*) FROM documents"), 1);
    /* a second run stores nothing */
    st = run_ingest(dir, NULL, NULL);
    assert_int_equal(st.stored, 0);
    assert_int_equal(st.duplicates, 2);
    assert_int_equal(query_int("SELECT count(*) FROM documents"), 1);
}

static void same_name_different_text_both_kept(void **state)
{
    (void)state;
    make_dir("x");
    make_dir("y");
    write_str("x/article.txt", FR_TEXT);
    write_str("y/article.txt", EN_TEXT);
    qp_ingest_stats st = run_ingest(dir, NULL, NULL);
    assert_int_equal(st.stored, 2);
    assert_int_equal(query_int("SELECT count(*) FROM documents WHERE name = 'article'"), 1);
    assert_int_equal(query_int("SELECT count(*) FROM documents WHERE name LIKE 'article~%'"), 1);
}

static void other_language_stored_but_not_extracted(void **state)
{
    (void)state;
    write_str("de.txt", DE_TEXT);
    char *log;
    qp_ingest_stats st = run_ingest(dir, NULL, &log);
    assert_int_equal(st.stored, 1);
    assert_int_equal(st.not_extracted, 1);
    assert_int_equal(st.skipped, 0);
    assert_logged(log, "de.txt: stored but not extracted: language 'de'");
    free(log);
    char b[256];
    assert_string_equal(query1("SELECT lang FROM documents", b, sizeof b), "de");
    assert_string_equal(query1("SELECT status FROM documents", b, sizeof b), "skipped: language 'de' is not supported");
    assert_int_equal(query_int("SELECT count(*) FROM events"), 0);
    /* --lang fr forces extraction of it all the same */
    qp_arena a;
    qp_arena_init(&a, 1 << 16);
    qp_document doc;
    char err[256];
    qp_article_meta m = {.name = "de"};
    assert_int_equal(qp_pipeline_run(&(qp_pipeline){.langid = langid, .force_lang = "fr"}, DE_TEXT, strlen(DE_TEXT), &m, &a, &doc, err, sizeof err), 0);
    assert_string_equal(doc.lang, "fr");
    assert_string_equal(doc.status, "extracted");
    /* and a "lang" given in JSONL wins over detection */
    m.lang = "en";
    assert_int_equal(qp_pipeline_run(&(qp_pipeline){.langid = langid, .force_lang = "auto"}, DE_TEXT, strlen(DE_TEXT), &m, &a, &doc, err, sizeof err), 0);
    assert_string_equal(doc.lang, "en");
    qp_arena_destroy(&a);
}

static void prepare_reports_errors_in_words(void **state)
{
    (void)state;
    qp_arena a;
    qp_arena_init(&a, 1 << 14);
    qp_document doc;
    char err[256];
    qp_article_meta m = {0};
    assert_int_equal(qp_pipeline_run(&(qp_pipeline){.langid = langid}, "ab\ncd\xFF", 6, &m, &a, &doc, err, sizeof err), QP_EUTF8);
    assert_string_equal(err, "invalid UTF-8 at byte 5 (line 2)");
    assert_int_equal(qp_pipeline_run(&(qp_pipeline){.langid = langid}, "", 0, &m, &a, &doc, err, sizeof err), QP_EEMPTY);
    assert_string_equal(err, "empty");
    /* no name: the hash prefix names it; the first line is the title when it reads like one */
    const char *t = "Syrie: l'arm\xC3\xA9\x65 reprend Alep\nL'arm\xC3\xA9\x65 syrienne a repris Alep jeudi.";
    assert_int_equal(qp_pipeline_run(&(qp_pipeline){.langid = langid}, t, strlen(t), &m, &a, &doc, err, sizeof err), 0);
    assert_int_equal(strncmp(doc.name, "doc-", 4), 0);
    assert_int_equal(strlen(doc.name), 16);
    assert_int_equal(strncmp(doc.name + 4, doc.hash, 12), 0);
    assert_string_equal(doc.title, "Syrie: l'arm\xC3\xA9\x65 reprend Alep");
    assert_int_equal(doc.n_sentences, 2);
    qp_arena_destroy(&a);
}

/* Crash test: a child ingests a directory one document per transaction and is killed with
 * SIGKILL from its own log stream, while writing the 8th document. */
static int kill_after;

static ssize_t killing_write(void *cookie, const char *buf, size_t size)
{
    (void)cookie;
    if (memmem(buf, size, "stored as", 9) && --kill_after == 0)
        kill(getpid(), SIGKILL);
    return (ssize_t)size;
}

static void crash_midway_leaves_consistent_database(void **state)
{
    (void)state;
    enum { N = 20 };
    for (int i = 0; i < N; i++) {
        char name[64], text[256];
        snprintf(name, sizeof name, "2017-11-%02d_a%02d.txt", i + 1, i);
        snprintf(text, sizeof text,
                 "Article num\xC3\xA9ro %d : les forces irakiennes ont repris %d villages au groupe Etat islamique.\n",
                 i, i * 3);
        write_str(name, text);
    }
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        qp_store *s = NULL;
        if (qp_store_open(&s, dbpath))
            _exit(10);
        qp_ingest ig;
        qp_ingest_opts o = {.batch = 1, .verbose = 1};
        qp_ingest_init(&ig, s, NULL, &o);
        cookie_io_functions_t io = {.write = killing_write};
        kill_after = 8;
        ig.log = fopencookie(NULL, "w", io);
        if (!ig.log)
            _exit(11);
        setvbuf(ig.log, NULL, _IONBF, 0);
        qp_ingest_path(&ig, dir);
        _exit(12); /* not reached: killed before */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGKILL);

    char b[64];
    assert_string_equal(query1("PRAGMA integrity_check", b, sizeof b), "ok");
    assert_string_equal(query1("PRAGMA foreign_key_check", b, sizeof b), "(none)");
    /* the 8th document's message came before its commit: 7 made it, whole, with their sentences */
    assert_int_equal(query_int("SELECT count(*) FROM documents"), 7);
    assert_int_equal(query_int("SELECT count(*) FROM sentences"), 7);

    qp_ingest_stats st = run_ingest(dir, NULL, NULL);
    assert_int_equal(st.stored, N - 7);
    assert_int_equal(st.duplicates, 7);
    assert_int_equal(query_int("SELECT count(*) FROM documents"), N);
    assert_int_equal(query_int("SELECT count(DISTINCT hash) FROM documents"), N);
    assert_int_equal(query_int("SELECT count(*) FROM sentences"), N);
    assert_string_equal(query1("PRAGMA integrity_check", b, sizeof b), "ok");
}

static int group_setup(void **state)
{
    (void)state;
    return qp_langid_init(&langid);
}

static int group_teardown(void **state)
{
    (void)state;
    qp_langid_destroy(langid);
    return 0;
}

/* Issue 16, item 16: a resumed ingest skips what is stored by the hash of its cleaned text,
 * before extraction, rather than extracting every stored document to find it there. */
static void resumed_ingest_extracts_nothing_again(void **state)
{
    (void)state;
    write_str("2017-11-02_a.txt", FR_TEXT);
    write_str("2017-11-03_b.txt", "Les rebelles ont bombardé Homs dans la nuit de mardi, selon des militants.\n");
    qp_ingest_stats st = run_ingest(dir, NULL, NULL);
    assert_int_equal(st.stored, 2);
    assert_int_equal(st.extracted, 2);
    char *log;
    qp_ingest_opts o = {.verbose = 1};
    st = run_ingest(dir, &o, &log);
    assert_int_equal(st.stored, 0);
    assert_int_equal(st.duplicates, 2);
    assert_int_equal(st.extracted, 0);
    assert_logged(log, "2017-11-02_a.txt: already stored (same text); not extracted again");
    free(log);
}

/* Issue 16, item 12: dates of the calendar only; 2017-02-30 was taken for one. */
static void dates_are_dates_of_the_calendar(void **state)
{
    (void)state;
    assert_true(qp_read_valid_date("2017-11-02"));
    assert_true(qp_read_valid_date("2016-02-29"));
    assert_true(qp_read_valid_date("2000-02-29"));
    assert_false(qp_read_valid_date("1900-02-29"));
    assert_false(qp_read_valid_date("2017-02-29"));
    assert_false(qp_read_valid_date("2017-02-30"));
    assert_false(qp_read_valid_date("2017-04-31"));
    assert_false(qp_read_valid_date("2017-13-01"));
    assert_false(qp_read_valid_date("2017-12-00"));
    assert_true(qp_read_valid_date("2017-12-31"));
}

/* Issue 16, item 10: a directory reached again through symbolic links is read once, and a
 * FIFO beside the articles is named, not opened (it would wait for a writer forever). */
static void links_read_once_and_fifos_skipped(void **state)
{
    (void)state;
    make_dir("sub");
    write_str("sub/a.txt", FR_TEXT);
    char p[600], t[600];
    snprintf(p, sizeof p, "%s/sub/up1", dir);
    assert_int_equal(symlink("..", p), 0);
    snprintf(p, sizeof p, "%s/sub/up2", dir);
    assert_int_equal(symlink("..", p), 0);
    snprintf(p, sizeof p, "%s/same", dir);
    snprintf(t, sizeof t, "%s/sub", dir);
    assert_int_equal(symlink(t, p), 0);
    snprintf(p, sizeof p, "%s/pipe.txt", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    char *log;
    qp_ingest_stats st = run_ingest(dir, NULL, &log);
    assert_int_equal(st.stored, 1);
    assert_int_equal(st.duplicates, 0);
    assert_int_equal(st.unreadable, 1);
    assert_logged(log, "pipe.txt: skipped: not a regular file");
    assert_logged(log, "already read");
    free(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(bad_inputs_counted_and_named, setup, teardown),
        cmocka_unit_test_setup_teardown(oversize_jsonl_line_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(byte_order_marks_before_jsonl, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_path_is_unreadable, setup, teardown),
        cmocka_unit_test_setup_teardown(directories_recursed_in_sorted_order, setup, teardown),
        cmocka_unit_test_setup_teardown(default_date_and_bad_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_text_stored_once, setup, teardown),
        cmocka_unit_test_setup_teardown(resumed_ingest_extracts_nothing_again, setup, teardown),
        cmocka_unit_test_setup_teardown(dates_are_dates_of_the_calendar, setup, teardown),
        cmocka_unit_test_setup_teardown(links_read_once_and_fifos_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(same_name_different_text_both_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(other_language_stored_but_not_extracted, setup, teardown),
        cmocka_unit_test_setup_teardown(prepare_reports_errors_in_words, setup, teardown),
        cmocka_unit_test_setup_teardown(crash_midway_leaves_consistent_database, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
