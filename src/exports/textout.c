/* textout.c — cleaning and escaping for XML, JSON, CSV and Markdown output. */
#include "textout.h"

#include "qp.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Code points no output file should carry: they break XML parsers and confuse spreadsheets. */
static int is_banned(int32_t c)
{
    if (c < 0x20)
        return c != '\t' && c != '\n' && c != '\r';
    if (c >= 0x7f && c <= 0x9f)
        return 1;
    if (c >= 0xfdd0 && c <= 0xfdef)
        return 1;
    return (c & 0xfffe) == 0xfffe;
}

static int put_escaped(qp_buf *out, int32_t c, const char *raw, size_t rawlen, int form, int keep_lines)
{
    if ((c == '\t' || c == '\n' || c == '\r') && !keep_lines)
        return qp_buf_putc(out, ' ');
    switch (form) {
    case QP_TEXT_XML:
        switch (c) {
        case '&': return qp_buf_puts(out, "&amp;");
        case '<': return qp_buf_puts(out, "&lt;");
        case '>': return qp_buf_puts(out, "&gt;");
        case '"': return qp_buf_puts(out, "&quot;");
        case '\'': return qp_buf_puts(out, "&apos;");
        default: break;
        }
        break;
    case QP_TEXT_JSON:
        switch (c) {
        case '"': return qp_buf_puts(out, "\\\"");
        case '\\': return qp_buf_puts(out, "\\\\");
        case '\n': return qp_buf_puts(out, "\\n");
        case '\r': return qp_buf_puts(out, "\\r");
        case '\t': return qp_buf_puts(out, "\\t");
        /* U+2028/2029 end lines in JavaScript: escaped so the JSON can be inlined in a script */
        case 0x2028: return qp_buf_puts(out, "\\u2028");
        case 0x2029: return qp_buf_puts(out, "\\u2029");
        case '<': return qp_buf_puts(out, "\\u003c"); /* no "</script>" inside inline JSON */
        default: break;
        }
        break;
    case QP_TEXT_CSV:
        if (c == '"')
            return qp_buf_puts(out, "\"\"");
        break;
    case QP_TEXT_MD:
        if (c < 0x80 && strchr("\\`*_[]<>|#", (int)c))
            if (qp_buf_putc(out, '\\'))
                return QP_ENOMEM;
        break;
    default:
        break;
    }
    return qp_buf_append(out, raw, rawlen);
}

/* A cell a spreadsheet would run as a formula: = + - @ first (OWASP's list, with tab and
 * carriage return, which some spreadsheets skip before looking). A document name, a title or
 * a sentence from the web can start so ("=HYPERLINK(…)"). */
static int csv_is_formula(const char *s, size_t len)
{
    return len && strchr("=+-@\t\r", s[0]) && s[0];
}

static int csv_needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            return 1;
    /* a leading space or formula sign would be changed or run by spreadsheets */
    return len && (s[0] == ' ' || s[len - 1] == ' ' || csv_is_formula(s, len));
}

int qp_text_putn(qp_buf *out, const char *s, size_t len, int form, int keep_lines)
{
    if (!s)
        return 0;
    int quote = form == QP_TEXT_CSV && csv_needs_quotes(s, len);
    if (quote && qp_buf_putc(out, '"'))
        return QP_ENOMEM;
    /* a formula is kept as text: a quote before it, which spreadsheets show as the text it is */
    if (form == QP_TEXT_CSV && csv_is_formula(s, len) && qp_buf_putc(out, '\''))
        return QP_ENOMEM;
    if (qp_buf_reserve(out, len + 2))
        return QP_ENOMEM;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char b = p[i];
        if (b >= 0x20 && b < 0x7f) {
            /* ASCII fast path: copy runs that need no escape in this form */
            size_t j = i;
            while (j < len && p[j] >= 0x20 && p[j] < 0x7f && !strchr(form == QP_TEXT_XML ? "&<>\"'"
                   : form == QP_TEXT_JSON ? "\"\\<" : form == QP_TEXT_CSV ? "\"" : form == QP_TEXT_MD ? "\\`*_[]<>|#" : "", p[j]))
                j++;
            if (j > i) {
                if (qp_buf_append(out, s + i, j - i))
                    return QP_ENOMEM;
                i = j;
                continue;
            }
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0) {
            i++; /* not UTF-8: dropped rather than guessed at */
            continue;
        }
        if (!is_banned(c) && put_escaped(out, c, s + i, (size_t)n, form, keep_lines))
            return QP_ENOMEM;
        i += (size_t)n;
    }
    if (quote && qp_buf_putc(out, '"'))
        return QP_ENOMEM;
    return 0;
}

int qp_text_put(qp_buf *out, const char *s, int form, int keep_lines)
{
    return s ? qp_text_putn(out, s, strlen(s), form, keep_lines) : 0;
}

int qp_text_xml(qp_buf *out, const char *s)
{
    return qp_text_put(out, s, QP_TEXT_XML, 0);
}

int qp_text_json(qp_buf *out, const char *s)
{
    if (!s)
        return qp_buf_puts(out, "null");
    if (qp_buf_putc(out, '"') || qp_text_put(out, s, QP_TEXT_JSON, 1))
        return QP_ENOMEM;
    return qp_buf_putc(out, '"');
}

int qp_text_csv(qp_buf *out, const char *s)
{
    return qp_text_put(out, s, QP_TEXT_CSV, 1);
}

int qp_url_is_web(const char *url)
{
    if (!url)
        return 0;
    size_t n = strncasecmp(url, "https://", 8) == 0 ? 8 : strncasecmp(url, "http://", 7) == 0 ? 7 : 0;
    return n && url[n] && url[n] != '/';
}

int qp_text_url(qp_buf *out, const char *url, int form)
{
    static const char hex[] = "0123456789ABCDEF";
    qp_buf enc;
    qp_buf_init(&enc);
    int rc = 0;
    /* what a URL may not hold as it is: spaces, controls, non-ASCII bytes (percent-encoded as
     * UTF-8, which browsers decode back) and the delimiters that would end an attribute, an
     * autolink or a tag */
    for (const unsigned char *p = (const unsigned char *)url; p && *p && !rc; p++) {
        if (*p <= 0x20 || *p >= 0x7f || strchr("\"<>\\^`{|}", *p)) {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            rc = qp_buf_append(&enc, e, 3);
        } else {
            rc = qp_buf_putc(&enc, (char)*p);
        }
    }
    if (!rc && enc.len)
        rc = qp_text_putn(out, enc.data, enc.len, form, 0);
    qp_buf_destroy(&enc);
    return rc ? QP_ENOMEM : 0;
}

int qp_text_token(qp_buf *out, const char *s, int form)
{
    static const char hex[] = "0123456789ABCDEF";
    qp_buf enc;
    qp_buf_init(&enc);
    int rc = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p && !rc; p++) {
        if (*p <= 0x20 || *p == 0x7f || *p == '%') {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            rc = qp_buf_append(&enc, e, 3);
        } else {
            rc = qp_buf_putc(&enc, (char)*p);
        }
    }
    if (!rc && enc.len)
        rc = qp_text_putn(out, enc.data, enc.len, form, 0);
    qp_buf_destroy(&enc);
    return rc ? QP_ENOMEM : 0;
}
