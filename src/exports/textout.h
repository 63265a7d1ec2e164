/* textout.h — text made safe for the writers: valid UTF-8, no control characters, escaped for XML, JSON or CSV. */
#ifndef QP_TEXTOUT_H
#define QP_TEXTOUT_H

#include <stddef.h>

#include "buf.h"

enum {
    QP_TEXT_PLAIN,   /* cleaned only */
    QP_TEXT_XML,     /* & < > " ' escaped: safe in element content and attribute values */
    QP_TEXT_JSON,    /* escaped for the inside of a JSON string (no quotes added) */
    QP_TEXT_CSV,     /* one RFC 4180 field: quoted when it holds a comma, quote or line break; a
                        field starting with = + - @ (a formula to a spreadsheet) gets a ' before it */
    QP_TEXT_MD,      /* Markdown inline text: characters that would start markup escaped */
};

/* Appends s (NUL-terminated; NULL appends nothing) to out in the given QP_TEXT_* form. Bytes
 * that are not valid UTF-8 are dropped, so are control characters (C0 but tab and line breaks,
 * DEL, C1) and noncharacters; tabs and line breaks become spaces unless keep_lines is set.
 * Returns 0 or QP_ENOMEM (out then holds a prefix of the text). */
int qp_text_put(qp_buf *out, const char *s, int form, int keep_lines);
/* Same for the first len bytes of s. */
int qp_text_putn(qp_buf *out, const char *s, size_t len, int form, int keep_lines);

/* Shorthands with keep_lines = 0. */
int qp_text_xml(qp_buf *out, const char *s);
int qp_text_json(qp_buf *out, const char *s);   /* adds the surrounding quotes; NULL gives null */
int qp_text_csv(qp_buf *out, const char *s);

/* 1 when url is an http:// or https:// URL with a host: the only URLs written as links (a
 * javascript: or data: URL in a scraped article's metadata would run in the reader's
 * browser). */
int qp_url_is_web(const char *url);
/* Appends url percent-encoded where a URL cannot hold the byte as it is (controls, space,
 * non-ASCII, " < > \\ ^ ` { | }), then in the given QP_TEXT_* form: QP_TEXT_XML for an href,
 * QP_TEXT_PLAIN inside a Markdown autolink <…>. Returns 0 or QP_ENOMEM. */
int qp_text_url(qp_buf *out, const char *url, int form);
/* Appends s as one item of a space-separated list: space, '%' and control bytes
 * percent-encoded (%20, %25, %0A), so that splitting on spaces and percent-decoding each item
 * gives s back whatever it holds (a document name with spaces or line breaks); then in the
 * given QP_TEXT_* form. Returns 0 or QP_ENOMEM. */
int qp_text_token(qp_buf *out, const char *s, int form);

#endif
