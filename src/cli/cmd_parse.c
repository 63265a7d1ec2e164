/* cmd_parse.c — `quipu parse`: text or CoNLL-U words in, Universal Dependencies (CoNLL-U) out. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "clean.h"
#include "cli.h"
#include "conllu.h"
#include "lang.h"
#include "parse.h"
#include "qp.h"
#include "sentence.h"

static void usage(FILE *out)
{
    fputs("Usage: quipu parse [--lang auto|fr|en] [--conllu GOLD.conllu | FILE|-]\n"
          "\n"
          "Parses French or English text into Universal Dependencies and writes CoNLL-U: for each\n"
          "word its lemma, universal part of speech (UPOS), features, head and relation.\n"
          "The text (FILE, or standard input when FILE is - or absent) is cleaned as `quipu\n"
          "ingest` cleans it, cut into sentences and tokens as the extractor cuts it, and made\n"
          "into UD words: French contractions split (du = de le, aux = à les), English clitics\n"
          "split (don't = do n't); such a contraction gets a multiword token line (3-4 du).\n"
          "Each sentence has a `# sent_id` and a `# text` comment.\n"
          "\n"
          "With --conllu, the words of each sentence of a CoNLL-U file are parsed as they are,\n"
          "ignoring the file's annotation (multiword token lines and comments are kept, empty\n"
          "nodes dropped): how a parse is scored against a treebank, e.g.\n"
          "  ../shared/eval/score-conllu --gold fr_sequoia-ud-dev.conllu --quipu build/quipu --lang fr\n"
          "\n"
          "Options:\n"
          "  --lang L        fr, en, or auto (default): detected from the text\n"
          "  --conllu FILE   parse the words of a CoNLL-U file\n"
          "  -h, --help      this help\n"
          "\n"
          "Example:\n"
          "  echo \"L'armée a repris la ville aux jihadistes.\" | quipu parse --lang fr\n"
          "    # sent_id = 1\n"
          "    # text = L'armée a repris la ville aux jihadistes.\n"
          "    1  L'     le       DET   ...  2  det\n"
          "    2  armée  armée    NOUN  ...  4  nsubj\n"
          "    3  a      avoir    AUX   ...  4  aux:tense\n"
          "    4  repris reprendre VERB ...  0  root   (columns abridged)\n"
          "    ...\n"
          "\n"
          "The models are models/fr.qpm and models/en.qpm in quipu's data directories ($QUIPU_DATA,\n"
          "the build tree, ...), trained from UD treebanks by tools/train-parser when quipu is built.\n"
          "Exit status: 0 done; 1 failed (unreadable input, invalid UTF-8, malformed CoNLL-U, no\n"
          "model), with the file and line named; 2 bad command line; 3 done, but some sentences\n"
          "could not be parsed (each named on stderr).\n",
          out);
}

static int read_all(const char *path, qp_buf *b)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return QP_EIO;
    char chunk[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (qp_buf_append(b, chunk, n) < 0) {
            rc = QP_ENOMEM;
            break;
        }
    if (!rc && ferror(f))
        rc = QP_EIO;
    if (f != stdin)
        fclose(f);
    return rc;
}

/* French or English from a sample of the text; fr when it cannot tell. */
static qp_lang detect(const char *text, size_t len)
{
    qp_langid *id = NULL;
    qp_lang lang = QP_LANG_FR;
    if (qp_langid_init(&id) == 0) {
        char code[8];
        qp_langid_detect(id, text, len > 20000 ? 20000 : len, code);
        if (!strcmp(code, "en"))
            lang = QP_LANG_EN;
        qp_langid_destroy(id);
    }
    return lang;
}

static int parse_conllu(const qp_parser *p, int lang, const char *path, const qp_buf *in)
{
    qp_arena a;
    qp_arena_init(&a, 1 << 20);
    qp_conllu_sentence *s = NULL;
    size_t n = 0;
    qp_conllu_error e;
    int rc = qp_conllu_read(in->data ? in->data : "", in->len, &a, &s, &n, &e);
    if (rc) {
        cli_error("parse", "%s:%zu: %s", path, e.line, e.message);
        qp_arena_destroy(&a);
        return QP_EXIT_FAILURE;
    }
    if (lang < 0) {
        qp_buf sample;
        qp_buf_init(&sample);
        for (size_t i = 0; i < n && sample.len < 20000; i++)
            for (size_t k = 0; k < s[i].nwords; k++)
                if (qp_buf_puts(&sample, s[i].words[k].form) < 0 || qp_buf_putc(&sample, ' ') < 0)
                    break;
        lang = detect(sample.data ? sample.data : "", sample.len);
        qp_buf_destroy(&sample);
    }
    int status = QP_EXIT_OK;
    qp_arena scratch;
    qp_arena_init(&scratch, 1 << 16);
    for (size_t i = 0; i < n; i++) {
        qp_arena_reset(&scratch);
        rc = qp_parse_words(p, (qp_lang)lang, s[i].words, s[i].nwords, &scratch);
        if (rc) {
            cli_error("parse", "%s:%zu: sentence not parsed: %s", path, s[i].line, qp_strerror(rc));
            status = QP_EXIT_PARTIAL;
            for (size_t k = 0; k < s[i].nwords; k++) {
                s[i].words[k].head = k ? 0 : -1;
                s[i].words[k].deprel = k ? QP_DEP_DEP : QP_DEP_ROOT;
            }
        }
        if (qp_conllu_write_sentence(stdout, &s[i]) < 0) {
            cli_error("parse", "cannot write the output");
            status = QP_EXIT_FAILURE;
            break;
        }
    }
    qp_arena_destroy(&scratch);
    qp_arena_destroy(&a);
    return status;
}

static int parse_text(const qp_parser *p, int lang, const char *path, const qp_buf *in)
{
    qp_arena a;
    qp_arena_init(&a, 1 << 20);
    qp_clean_result c;
    int rc = qp_clean(in->data ? in->data : "", in->len, &a, &c);
    if (rc == QP_EUTF8) {
        cli_error("parse", "%s:%d: invalid UTF-8 at byte %zu", path, c.bad_line, c.bad_offset);
        qp_arena_destroy(&a);
        return QP_EXIT_FAILURE;
    }
    if (rc) {
        cli_error("parse", "%s: %s", path, qp_strerror(rc));
        qp_arena_destroy(&a);
        return QP_EXIT_FAILURE;
    }
    if (lang < 0)
        lang = detect(c.text, c.len);
    qp_span *spans = NULL;
    size_t ns = 0;
    if (qp_sentences_split(c.text, c.len, qp_lang_code((qp_lang)lang), &a, &spans, &ns) < 0) {
        cli_error("parse", "out of memory");
        qp_arena_destroy(&a);
        return QP_EXIT_FAILURE;
    }
    int status = QP_EXIT_OK;
    qp_arena scratch;
    qp_arena_init(&scratch, 1 << 16);
    qp_buf line;
    qp_buf_init(&line);
    size_t id = 0;
    for (size_t i = 0; i < ns; i++) {
        qp_arena_reset(&scratch);
        qp_word *w = NULL;
        size_t nw = 0;
        rc = qp_parse_sentence(p, (qp_lang)lang, c.text, spans[i].start, spans[i].end, &scratch, &w, &nw);
        if (rc) {
            cli_error("parse", "%s: sentence at byte %zu not parsed: %s", path, spans[i].start, qp_strerror(rc));
            status = QP_EXIT_PARTIAL;
            continue;
        }
        if (!nw)
            continue;
        qp_buf_clear(&line);
        qp_buf_printf(&line, "text = ");
        for (size_t k = spans[i].start; k < spans[i].end; k++)
            qp_buf_putc(&line, c.text[k] == '\n' || c.text[k] == '\t' ? ' ' : c.text[k]);
        char sent_id[48];
        snprintf(sent_id, sizeof sent_id, "sent_id = %zu", ++id);
        const char *comments[2] = {sent_id, line.data ? line.data : "text ="};
        if (qp_conllu_write_words(stdout, w, nw, c.text, comments, 2) < 0) {
            cli_error("parse", "cannot write the output");
            status = QP_EXIT_FAILURE;
            break;
        }
    }
    qp_buf_destroy(&line);
    qp_arena_destroy(&scratch);
    qp_arena_destroy(&a);
    return status;
}

int cmd_parse(int argc, char **argv)
{
    static const struct option opts[] = {{"lang", required_argument, 0, 'l'},
                                         {"conllu", required_argument, 0, 'c'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    int lang = -1;
    const char *conllu = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l':
            if (strcmp(optarg, "auto") && (lang = qp_lang_parse(optarg)) < 0) {
                cli_error("parse", "--lang takes fr, en or auto, not '%s'", optarg);
                return QP_EXIT_USAGE;
            }
            break;
        case 'c': conllu = optarg; break;
        case 'h': usage(stdout); return QP_EXIT_OK;
        default: usage(stderr); return QP_EXIT_USAGE;
        }
    }
    if (argc - optind > 1 || (conllu && argc - optind > 0)) {
        cli_error("parse", "one input at most (try --help)");
        return QP_EXIT_USAGE;
    }
    const char *path = conllu ? conllu : optind < argc ? argv[optind] : "-";
    qp_buf in;
    qp_buf_init(&in);
    int rc = read_all(path, &in);
    if (rc) {
        cli_error("parse", "%s: %s", strcmp(path, "-") ? path : "standard input",
                  rc == QP_EIO ? strerror(errno) : qp_strerror(rc));
        qp_buf_destroy(&in);
        return QP_EXIT_FAILURE;
    }
    qp_parser *p = NULL;
    char err[512];
    rc = qp_parser_load(&p, err, sizeof err);
    if (rc) {
        cli_error("parse", "%s", err);
        qp_buf_destroy(&in);
        return QP_EXIT_FAILURE;
    }
    int status = conllu ? parse_conllu(p, lang, path, &in) : parse_text(p, lang, path, &in);
    if (status != QP_EXIT_FAILURE && fflush(stdout) != 0) {
        cli_error("parse", "cannot write the output");
        status = QP_EXIT_FAILURE;
    }
    qp_parser_destroy(p);
    qp_buf_destroy(&in);
    return status;
}
