/* textcell.c — table cells by display width (utf8proc), and numbers as written. */
#include "textcell.h"

#include "qp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The next code point of s (len > 0 bytes left) into *c, as shown in a cell (line breaks and
 * tabs as spaces); its byte length; an invalid byte comes back alone with *c = -1. */
static size_t next_cp(const char *s, size_t len, utf8proc_int32_t *c)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, c);
    if (n <= 0) {
        *c = -1;
        return 1;
    }
    if (*c == '\n' || *c == '\r' || *c == '\t')
        *c = ' ';
    return (size_t)n;
}

static int cp_width(utf8proc_int32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return -1; /* control: dropped */
    int w = utf8proc_charwidth(c);
    return w < 0 ? 0 : w;
}

int qp_text_width(const char *s)
{
    int w = 0;
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        i += next_cp(s + i, len - i, &c);
        int cw = c < 0 ? -1 : cp_width(c);
        w += cw > 0 ? cw : 0;
    }
    return w;
}

int qp_text_cell(qp_buf *out, const char *s, int width, int pad)
{
    if (!s)
        s = "-";
    size_t len = strlen(s);
    int total = qp_text_width(s);
    int room = total > width ? width - 1 : width; /* keep a column for the ellipsis */
    int used = 0, rc = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        size_t n = next_cp(s + i, len - i, &c);
        int cw = c < 0 ? -1 : cp_width(c);
        if (cw >= 0) {
            if (used + cw > room)
                break;
            if (c == ' ' && s[i] != ' ')
                rc |= qp_buf_putc(out, ' '); /* a line break or a tab, shown as a space */
            else
                rc |= qp_buf_append(out, s + i, n);
            used += cw;
        }
        i += n;
    }
    if (total > width && width > 0) {
        rc |= qp_buf_puts(out, "\xe2\x80\xa6");
        used++;
    }
    while (pad && used < width) {
        rc |= qp_buf_putc(out, ' ');
        used++;
    }
    return rc ? QP_ENOMEM : 0;
}

void qp_text_number(double v, char *buf, size_t cap)
{
    /* the fewest digits that give back the value rounded to 10 significant digits: what was
     * written (0.85) rather than the nearest double's expansion */
    double target;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.10g", v);
    target = strtod(tmp, NULL);
    for (int p = 1; p <= 10; p++) {
        snprintf(buf, cap, "%.*g", p, v);
        if (strtod(buf, NULL) == target)
            return;
    }
    snprintf(buf, cap, "%s", tmp);
}
