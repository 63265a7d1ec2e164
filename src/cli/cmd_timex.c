/* cmd_timex.c — `quipu timex`: print the time expressions of a text as JSON lines or TimeML. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cli.h"
#include "lang.h"
#include "qp.h"
#include "timex.h"

static void usage(FILE *out)
{
    fputs("Usage: quipu timex [--dct YYYY-MM-DD] [--lang auto|fr|en] [--format jsonl|tml] [--max-size MB]\n"
          "                   [FILE|-]\n"
          "\n"
          "Finds the time expressions of a French or English text (FILE, or standard input when\n"
          "FILE is - or absent) and normalises them to TIMEX3 values. Relative expressions\n"
          "(hier, mardi dernier, la semaine dernière, two days ago) are anchored on the document\n"
          "date given with --dct; without it they keep an underspecified value (XXXX-WXX-2).\n"
          "A bare weekday or month takes the tense of its sentence: \"mardi\" is the last\n"
          "Tuesday in a past-tense sentence and the next one in a future-tense sentence.\n"
          "\n"
          "Options:\n"
          "  --dct DATE       the document creation date, YYYY-MM-DD\n"
          "  --lang auto      detect French or English as quipu ingest does (the default); a text\n"
          "                   too short to tell is read as French, one in another language is\n"
          "                   refused (exit 1)\n"
          "  --lang fr|en     read the text as French or English, whatever it looks like\n"
          "  --format jsonl   one JSON object per expression (default):\n"
          "                   {\"start\", \"end\" (byte offsets into the input), \"text\", \"type\"\n"
          "                   (DATE|TIME|DURATION|SET), \"value\", and when the value is a known\n"
          "                   date: \"begin\", \"end_date\" (the interval [begin, end_date)), \"grain\"}\n"
          "  --format tml     the text itself with <TIMEX3 tid type value> tags (XML-escaped)\n"
          "  --max-size MB    largest input read, in megabytes (default 16); a larger one is refused\n"
          "  -h, --help       this help\n"
          "\n"
          "Examples:\n"
          "  echo \"Il y a une semaine, l'armée a lancé l'offensive.\" | quipu timex --dct 2017-11-02\n"
          "    {\"start\":0,\"end\":18,\"text\":\"Il y a une semaine\",\"type\":\"DATE\",\n"
          "     \"value\":\"2017-10-26\",\"begin\":\"2017-10-26\",\"end_date\":\"2017-10-27\",\"grain\":\"day\"}\n"
          "    (shown on two lines here; one line per expression in the output)\n"
          "  quipu timex --dct 2017-11-02 --format tml article.txt\n"
          "    ... <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-W43\">la semaine dernière</TIMEX3> ...\n"
          "  quipu timex --lang en --dct 2017-11-02 <<< \"Two days ago, on Tuesday, for three months\"\n"
          "\n"
          "Values: 2017-11-03 (day), 2017-W44 (ISO week), 2017-11, 2017, 2016-SP (season),\n"
          "201 (decade), 18 (19th century), 2017-10-31TNI (night), P3D, PT30.4S (durations),\n"
          "PRESENT_REF, PAST_REF, FUTURE_REF. \"A year earlier\", \"la veille\", \"the following year\"\n"
          "count from the last date the text gave, as TempEval annotates them.\n"
          "Exit status: 0 done, 1 unreadable input, invalid UTF-8 or a language other than French\n"
          "and English, 2 bad command line.\n",
          out);
}

/* Reads all of f, up to max bytes; returns 0, QP_ETOOBIG (more than max: reading stops
 * there, so /dev/zero ends), QP_EIO or QP_ENOMEM. */
static int read_all(FILE *f, qp_buf *b, size_t max)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len + n > max)
            return QP_ETOOBIG;
        if (qp_buf_append(b, chunk, n) < 0)
            return QP_ENOMEM;
    }
    return ferror(f) ? QP_EIO : 0;
}

/* Offset of the first invalid UTF-8 byte, or len when all is valid. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4, cp = c & 0x07;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += n;
    }
    return len;
}

static void xml_escape(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static int print_jsonl(FILE *out, const char *text, const qp_timex_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        const qp_timex *x = &list->items[i];
        json_t *o = json_object();
        if (!o)
            return QP_ENOMEM;
        json_object_set_new(o, "start", json_integer((json_int_t)x->start));
        json_object_set_new(o, "end", json_integer((json_int_t)x->end));
        json_object_set_new(o, "text", json_stringn(text + x->start, x->end - x->start));
        json_object_set_new(o, "type", json_string(qp_timex_type_name(x->type)));
        json_object_set_new(o, "value", json_string(x->value));
        if (x->begin) {
            json_object_set_new(o, "begin", json_string(x->begin));
            json_object_set_new(o, "end_date", json_string(x->end_date));
        }
        if (x->grain)
            json_object_set_new(o, "grain", json_string(x->grain));
        char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (!line)
            return QP_ENOMEM;
        fputs(line, out);
        fputc('\n', out);
        free(line);
    }
    return 0;
}

static void print_tml(FILE *out, const char *text, size_t len, const qp_timex_list *list)
{
    size_t at = 0;
    for (size_t i = 0; i < list->count; i++) {
        const qp_timex *x = &list->items[i];
        xml_escape(out, text + at, x->start - at);
        fprintf(out, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", i + 1, qp_timex_type_name(x->type));
        xml_escape(out, x->value, strlen(x->value));
        fputs("\">", out);
        xml_escape(out, text + x->start, x->end - x->start);
        fputs("</TIMEX3>", out);
        at = x->end;
    }
    xml_escape(out, text + at, len - at);
}

/* French or English as quipu ingest detects it, into code; a text too short to tell is French.
 * Returns 0, or QP_ELANG for another language (code names it). */
static int detect_language(const char *prog, const char *text, size_t len, char code[8])
{
    qp_langid *langid = NULL;
    snprintf(code, 8, "fr");
    if (qp_langid_init(&langid) < 0) {
        cli_error(prog, "language identification unavailable (lexicon/langid.conf or libexttextcat "
                  "fingerprints missing): reading the text as French");
        return 0;
    }
    char found[8] = "und";
    qp_langid_detect(langid, text ? text : "", len, found);
    qp_langid_destroy(langid);
    if (!strcmp(found, "fr") || !strcmp(found, "en"))
        snprintf(code, 8, "%s", found);
    else if (strcmp(found, "und")) {
        snprintf(code, 8, "%s", found);
        return QP_ELANG;
    }
    return 0;
}

int cmd_timex(int argc, char **argv)
{
    static const struct option opts[] = {
        {"dct", required_argument, NULL, 'd'}, {"lang", required_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'}, {"max-size", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    size_t max_bytes = 16u << 20;
    const char *dct = NULL, *lang = "auto", *format = "jsonl", *path = NULL;
    int c, rc = QP_EXIT_FAILURE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dct = optarg; break;
        case 'l': lang = optarg; break;
        case 'f': format = optarg; break;
        case 'm':
            if (cli_max_size(argv[0], optarg, &max_bytes))
                return QP_EXIT_USAGE;
            break;
        case 'h': usage(stdout); return QP_EXIT_OK;
        default:
            cli_error(argv[0], "unknown option or missing value: %s (see quipu timex --help)", argv[optind - 1]);
            return QP_EXIT_USAGE;
        }
    }
    if (optind < argc)
        path = argv[optind++];
    if (optind < argc) {
        cli_error(argv[0], "one input at most, got also '%s'", argv[optind]);
        return QP_EXIT_USAGE;
    }
    if (strcmp(lang, "auto") && strcmp(lang, "fr") && strcmp(lang, "en")) {
        cli_error(argv[0], "--lang must be auto, fr or en, not '%s'", lang);
        return QP_EXIT_USAGE;
    }
    if (strcmp(format, "jsonl") && strcmp(format, "tml")) {
        cli_error(argv[0], "--format must be jsonl or tml, not '%s'", format);
        return QP_EXIT_USAGE;
    }
    if (dct && !cli_is_date(dct)) {
        cli_error(argv[0], "--dct must be a date YYYY-MM-DD, not '%s'", dct);
        return QP_EXIT_USAGE;
    }
    qp_buf text;
    qp_arena arena;
    qp_buf_init(&text);
    qp_arena_init(&arena, 1 << 16);
    FILE *in = stdin;
    if (path && strcmp(path, "-")) {
        in = fopen(path, "rb");
        if (!in) {
            cli_error(argv[0], "cannot read %s: %s", path, strerror(errno));
            goto cleanup;
        }
    }
    int err = read_all(in, &text, max_bytes);
    if (in != stdin)
        fclose(in);
    if (err == QP_ETOOBIG) {
        cli_error(argv[0], "%s: over the limit of %zu bytes (--max-size)", path ? path : "standard input", max_bytes);
        goto cleanup;
    }
    if (err < 0) {
        cli_error(argv[0], "cannot read %s: %s", path ? path : "standard input", qp_strerror(err));
        goto cleanup;
    }
    size_t bad = utf8_invalid_at((const unsigned char *)text.data, text.len);
    if (bad < text.len) {
        cli_error(argv[0], "%s: invalid UTF-8 at byte %zu", path ? path : "standard input", bad);
        goto cleanup;
    }
    char code[8];
    if (!strcmp(lang, "auto")) {
        err = detect_language(argv[0], text.data, text.len, code);
        if (err < 0) {
            cli_error(argv[0], "%s: the language is '%s', neither French nor English (give --lang fr|en to "
                      "read it anyway)", path ? path : "standard input", code);
            goto cleanup;
        }
        lang = code;
    }
    qp_timex_list list;
    err = qp_timex_find(text.len ? text.data : "", text.len, lang, dct, &arena, &list);
    if (err == QP_EINVAL) {
        cli_error(argv[0], "--dct %s is not a calendar date", dct);
        rc = QP_EXIT_USAGE;
        goto cleanup;
    }
    if (err < 0) {
        cli_error(argv[0], "%s", qp_strerror(err));
        goto cleanup;
    }
    if (!strcmp(format, "tml"))
        print_tml(stdout, text.len ? text.data : "", text.len, &list);
    else if (print_jsonl(stdout, text.data, &list) < 0) {
        cli_error(argv[0], "%s", qp_strerror(QP_ENOMEM));
        goto cleanup;
    }
    rc = fflush(stdout) == 0 ? QP_EXIT_OK : QP_EXIT_FAILURE;
cleanup:
    qp_arena_destroy(&arena);
    qp_buf_destroy(&text);
    return rc;
}
