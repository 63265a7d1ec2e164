/* test_extract.c — what `quipu extract` does with the extractor's flags: negated and
 * hypothetical events are left out of its output unless --all is given. The events themselves
 * (actors, actions, flags, places, times) are tested as data: tests/extract/fr.test and en.test, read
 * by test_extract_cases.c. This one stays in C because it drives the binary ($QUIPU), not the
 * pipeline, and checks what the command prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

/* The number of lines `quipu extract OPTS` prints for one JSONL article. */
static size_t extract_lines(const char *quipu, const char *jsonl, const char *opts)
{
    char in[] = "/tmp/qp-test-extract-XXXXXX";
    int fd = mkstemp(in);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(jsonl, f);
    fclose(f);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "'%s' extract %s '%s'", quipu, opts, in);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[8192];
    size_t n = 0;
    while (fgets(line, sizeof line, p))
        n++;
    pclose(p);
    unlink(in);
    return n;
}

static void test_hidden_by_default(void **state)
{
    (void)state;
    const char *quipu = getenv("QUIPU");
    if (!quipu)
        skip();
    const char *neg = "{\"id\": \"n\", \"date\": \"2017-11-02\", \"lang\": \"en\", "
                      "\"text\": \"Russia did not strike Islamic State positions.\"}\n";
    const char *hyp = "{\"id\": \"h\", \"date\": \"2017-11-02\", \"lang\": \"fr\", "
                      "\"text\": \"La Turquie pourrait attaquer les Kurdes.\"}\n";
    const char *fact = "{\"id\": \"f\", \"date\": \"2017-11-02\", \"lang\": \"en\", "
                       "\"text\": \"Turkey attacked the PKK.\"}\n";
    assert_int_equal(extract_lines(quipu, neg, ""), 0);
    assert_true(extract_lines(quipu, neg, "--all") >= 1);
    assert_int_equal(extract_lines(quipu, hyp, ""), 0);
    assert_true(extract_lines(quipu, hyp, "--all") >= 1);
    assert_int_equal(extract_lines(quipu, fact, ""), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hidden_by_default),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
