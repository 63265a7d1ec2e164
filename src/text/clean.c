/* clean.c — normalisation with utf8proc, then clutter removal line by line. */
#include "clean.h"
#include "buf.h"
#include "qp.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Phrases that mark a line as site furniture wherever they stand in a short line: account and
 * comment prompts, ads, sharing, legal notices — French and English. Matched on whole words,
 * folded to ASCII lower case (see lower_ascii_fold). */
static const char *const furniture[] = {
    "envie d'afficher votre publicite", "contactez-nous", "connectez-vous", "creez un compte",
    "creer un compte", "creez votre compte", "votre compte", "espace des commentaires",
    "commenter cet article", "reagir a cet article",
    "commentaire est obligatoire", "charte de moderation", "abonnez-vous", "partager sur",
    "partager cet article", "envoyer par email", "envoyer par e-mail", "imprimer l'article",
    "ajouter aux favoris", "vos favoris", "agrandir le texte", "reduire le texte", "plan du site",
    "mentions legales", "conditions d'utilisation", "donnees a caractere personnel",
    "politique de confidentialite", "champs obligatoires", "mot de passe", "adresse mail",
    "adresse e-mail", "copyright", "(c)", "tous droits reserves", "telechargez l'application",
    "decouvrez l'application", "suivez-nous", "lire notre dossier", "offre limitee",
    "lecture du monde en cours", "consultez les articles de la rubrique", "temps de lecture",
    "sur un autre appareil", "numero d'abonne", "creation de compte", "nos guides d'achat",
    "laisser un commentaire", "retourner a l'article", "view the discussion thread", "brouillon",
    "pouvoir commenter", "merci d'avoir partage", "sur un seul appareil", "continuer a lire ici",
    "ce message s'affichera", "ne plus voir ce message", "dans votre boite mail", "decouvrez tous nos",
    "accedez a tous les contenus", "fait partie du dossier", "consultez notre dossier",
    "share this", "create an account", "follow us", "click here", "all rights reserved",
    "privacy policy", "terms of use", "terms of service", "download the app", "leave a comment",
    "comments are closed",
};

/* Words that are furniture only on a line that is not a sentence (see is_sentence_like): "Les
 * services de L'Express" is, "Les services de renseignement ont arrêté vingt personnes." is
 * not, and neither is a paragraph about a newsletter or a ban on advertising. */
static const char *const furniture_weak[] = {
    "vos commentaires", "s'abonner", "renseignez", "boutique", "avec un compte", "recevez", "repere par",
    "en exclusivite", "abonne", "abonnes", "abonnement", "newsletter",
    "newsletters", "cookies", "publicite", "formulaire", "conditions generales", "sans engagement",
    "edition du jour", "les services de", "nos journaux", "les sites du groupe", "les sites editoriaux",
    "share on", "subscribe", "sign up", "sign in", "log in", "advertisement",
    "read more",
};

/* Lines that open a block of related headlines: the block is dropped with them. */
static const char *const related_markers[] = {
    "a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "voir aussi",
    "sur le meme sujet", "la redaction vous conseille", "dans la meme rubrique", "les plus lus",
    "les plus partages", "articles lies", "a voir aussi", "nos articles", "read also", "see also",
    "related articles", "related stories", "related:", "more on this", "most read", "you may also like",
    "recommended", "more stories",
};

/* Lower-cases ASCII and drops the accents of Latin-1 letters: enough to compare with the
 * tables above, which are plain ASCII. */
static size_t lower_ascii_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    while (left > 0 && o + 1 < cap) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
        if (k <= 0)
            break;
        p += k;
        left -= k;
        if (c < 0x80) {
            out[o++] = (char)tolower(c);
            continue;
        }
        utf8proc_int32_t d[8];
        int lbc = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                     UTF8PROC_CASEFOLD, &lbc);
        if (n >= 1 && d[0] < 0x80)
            out[o++] = (char)tolower(d[0]);
        else if (c == 0x2019 || c == 0x2018)
            out[o++] = '\'';
        else if (c == 0xAB || c == 0xBB)
            out[o++] = '"';
        else if (c == 0xA9 && o + 4 < cap) {
            memcpy(out + o, "(c)", 3); /* © */
            o += 3;
        }
        else
            out[o++] = '?';
    }
    out[o] = '\0';
    return o;
}

/* Whether a needle occurs in hay on word boundaries ("share on" is not in "share one"). */
static int contains_word(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        int before = p == hay || !isalnum((unsigned char)p[-1]);
        int after = !isalnum((unsigned char)p[n]) || !isalnum((unsigned char)needle[n - 1]);
        if (before && after)
            return 1;
    }
    return 0;
}

static int contains_any(const char *hay, const char *const *needles, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (contains_word(hay, needles[i]))
            return 1;
    return 0;
}

/* A line that reads as a sentence of an article: at least seven words and a final period
 * (before any closing quote or bracket). */
static int is_sentence_like(const char *f, size_t n)
{
    while (n && (f[n - 1] == ' ' || f[n - 1] == '"' || f[n - 1] == ')'))
        n--;
    if (n == 0 || f[n - 1] != '.')
        return 0;
    int words = 0;
    for (size_t i = 0; i < n; i++)
        words += f[i] != ' ' && (i == 0 || f[i - 1] == ' ');
    return words >= 7;
}

/* A clock time or a numeric date: "00h00", "12:56", "15/01/12", "10.05.2012". */
static int has_time_or_numeric_date(const char *f)
{
    for (const char *p = f; *p; p++) {
        if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
            continue;
        char sep = p[2];
        if ((sep == 'h' || sep == ':' || sep == '/' || sep == '.') && isdigit((unsigned char)p[3]))
            return 1;
    }
    return 0;
}

/* "Publié le 15/01/12 à 00h00", "— Mis à jour le …", "Updated: 3 March 2013 10:02", "Published
 * 12/05/2013". A stamp carries a time or a numeric date; "Le rapport publié le 3 mars par
 * l'ONU accuse Damas." carries neither and is kept. */
static int is_dateline_stamp(const char *f)
{
    if (!has_time_or_numeric_date(f))
        return 0;
    while (*f == ' ' || *f == '-' || *f == '?' || *f == '|')
        f++; /* "— Mis à jour": the dash folds to '?' */
    return strstr(f, "publie le ") || strstr(f, "mis a jour le ") || strstr(f, "mis a jour :") ||
           !strncmp(f, "updated ", 8) || !strncmp(f, "updated:", 8) || !strncmp(f, "published ", 10) ||
           !strncmp(f, "published:", 10) || !strncmp(f, "last updated", 12);
}

/* 2: furniture wherever it stands (a stamp, a strong phrase); 1: furniture unless the line
 * belongs to a paragraph (a weak word on a line that is not a sentence); 0: not furniture. */
static int clutter_kind(const char *line, size_t len)
{
    char f[512];
    if (len > 160)
        return 0; /* a paragraph that mentions "newsletter" is still a paragraph */
    size_t n = lower_ascii_fold(line, len, f, sizeof f);
    if (is_dateline_stamp(f) || contains_any(f, furniture, QP_ARRAY_LEN(furniture)))
        return 2;
    return !is_sentence_like(f, n) && contains_any(f, furniture_weak, QP_ARRAY_LEN(furniture_weak));
}

int qp_clean_is_clutter_line(const char *line, size_t len)
{
    return clutter_kind(line, len) != 0;
}

static int is_related_marker(const char *line, size_t len)
{
    char f[128];
    if (len > 60)
        return 0;
    size_t n = lower_ascii_fold(line, len, f, sizeof f);
    while (n && (f[n - 1] == '.' || f[n - 1] == ':' || f[n - 1] == ' ' || f[n - 1] == '!'))
        f[--n] = '\0';
    const char *p = f;
    while (*p == ' ' || *p == '>' || *p == '-' || *p == '*')
        p++;
    for (size_t i = 0; i < QP_ARRAY_LEN(related_markers); i++)
        if (!strcmp(p, related_markers[i]))
            return 1;
    return 0;
}

/* A short line that does not end a sentence: a headline, a link, a caption. Closing quotes
 * and brackets do not count: a paragraph may end with `."` or `.»`. */
static int is_headline_like(const char *line, size_t len)
{
    for (;;) {
        if (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '"' || line[len - 1] == ')'))
            len--;
        else if (len >= 2 && (unsigned char)line[len - 2] == 0xC2 && (unsigned char)line[len - 1] == 0xBB)
            len -= 2; /* » */
        else
            break;
    }
    if (len == 0 || len > 200)
        return 0;
    char last = line[len - 1];
    return last != '.' && last != ':' && last != ';';
}

/* Whether the line starts with a lower-case letter, as the continuation of a hard-wrapped
 * paragraph does and a headline never does. */
static int starts_lower(const char *line, size_t len)
{
    utf8proc_int32_t c;
    if (!len || utf8proc_iterate((const utf8proc_uint8_t *)line, (utf8proc_ssize_t)len, &c) <= 0)
        return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* Whether the line starts with a list bullet: "» ", "• ", "> ", "* ". */
static int is_bullet(const char *line, size_t len)
{
    return (len >= 2 && (line[0] == '>' || line[0] == '*') && line[1] == ' ') ||
           (len >= 2 && (unsigned char)line[0] == 0xC2 && (unsigned char)line[1] == 0xBB) ||
           (len >= 3 && !memcmp(line, "\xE2\x80\xA2", 3));
}

/* Whether the line ends mid-sentence: on a comma, or on a word that cannot end a headline. */
static int ends_open(const char *line, size_t len)
{
    static const char *const open_words[] = {"de", "du", "des", "le", "la", "les", "un", "une", "et", "en", "a",
                                             "au", "aux", "que", "qui", "dans", "sur", "par", "pour", "avec",
                                             "the", "of", "and", "to", "in", "an", "for", "with", "by", "that"};
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (len && line[len - 1] == ',')
        return 1;
    size_t w = len;
    while (w && isalpha((unsigned char)line[w - 1]))
        w--;
    if (w == len || (w && (unsigned char)line[w - 1] >= 0x80) || (w && line[w - 1] == '\''))
        return 0;
    for (size_t i = 0; i < QP_ARRAY_LEN(open_words); i++)
        if (strlen(open_words[i]) == len - w && !strncmp(line + w, open_words[i], len - w))
            return 1;
    return 0;
}

static int is_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)line[i]))
            return 0;
    return 1;
}

/* Step 1: everything but clutter — BOM, line ends, NFC, quotes, spaces, controls. */
static int normalise(const char *raw, size_t len, qp_buf *out, qp_clean_result *res)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)raw;
    size_t off = 0;
    int line = 1;
    if (len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
        off = 3;
    int needs_nfc = 0;
    /* validate first, so the error names the exact byte */
    for (size_t i = off; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (k < 0) {
            res->bad_offset = i;
            res->bad_line = line;
            return QP_EUTF8;
        }
        if (c == '\n')
            line++;
        /* composition only ever involves a combining mark or Hangul jamo: text without any is
         * already NFC, and most news text is */
        if (c >= 0x300 && !needs_nfc)
            needs_nfc = utf8proc_get_property(c)->combining_class != 0 || (c >= 0x1100 && c <= 0x11FF) ||
                        (c >= 0x3099 && c <= 0x309A) || utf8proc_get_property(c)->comb_index != UINT16_MAX;
        i += (size_t)k;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n;
    if (needs_nfc) {
        n = utf8proc_map(p + off, (utf8proc_ssize_t)(len - off), &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    } else {
        n = (utf8proc_ssize_t)(len - off);
        nfc = malloc((size_t)n + 1);
        if (nfc)
            memcpy(nfc, p + off, (size_t)n);
        else
            n = UTF8PROC_ERROR_NOMEM;
    }
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? QP_ENOMEM : QP_EUTF8;
    int r = qp_buf_reserve(out, (size_t)n);
    for (utf8proc_ssize_t i = 0; r == 0 && i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(nfc + i, n - i, &c);
        if (k < 0) {
            r = QP_EUTF8;
            break;
        }
        i += k;
        switch (c) {
        case '\r':
            if (i < n && nfc[i] == '\n')
                continue;
            r = qp_buf_putc(out, '\n');
            continue;
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
            r = qp_buf_putc(out, '\'');
            continue;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
            r = qp_buf_putc(out, '"');
            continue;
        case 0x00A0: case 0x202F: case 0x2007: case 0x2009: case 0x200A: case 0x3000:
            r = qp_buf_putc(out, ' ');
            continue;
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
            continue; /* invisible: zero-width spaces and joiners, soft hyphens */
        case 0x2028: case 0x2029:
            r = qp_buf_putc(out, '\n');
            continue;
        default:
            break;
        }
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0))
            continue;
        r = qp_buf_append(out, (const char *)nfc + i - k, (size_t)k);
    }
    free(nfc);
    return r;
}

int qp_clean(const char *raw, size_t len, qp_arena *arena, qp_clean_result *out)
{
    memset(out, 0, sizeof *out);
    qp_buf norm, kept;
    qp_buf_init(&norm);
    qp_buf_init(&kept);
    int r = normalise(raw, len, &norm, out);
    if (r)
        goto cleanup;

    /* Lines: index them once, then mark clutter, then copy what is kept. */
    size_t nlines = 1;
    for (size_t i = 0; i < norm.len; i++)
        nlines += norm.data[i] == '\n';
    size_t *starts = qp_arena_alloc(arena, nlines * sizeof *starts);
    size_t *lens = qp_arena_alloc(arena, nlines * sizeof *lens);
    unsigned char *drop = qp_arena_calloc(arena, nlines, 1);
    out->clutter = qp_arena_alloc(arena, nlines * sizeof *out->clutter);
    if (!starts || !lens || !drop || !out->clutter) {
        r = QP_ENOMEM;
        goto cleanup;
    }
    const char *text = norm.data ? norm.data : "";
    size_t li = 0, s = 0;
    for (size_t i = 0; i <= norm.len; i++) {
        if (i == norm.len || text[i] == '\n') {
            starts[li] = s;
            lens[li] = i - s;
            li++;
            s = i + 1;
        }
    }
    nlines = li;
    /* Hard-wrapped paragraphs are runs of short lines that look like headlines: a line that
     * ends mid-sentence or runs on into a lower-case line is prose, and so is the next one. */
    unsigned char *prose = qp_arena_calloc(arena, nlines, 1);
    if (!prose) {
        r = QP_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i + 1 < nlines; i++) {
        const char *l = text + starts[i], *next = text + starts[i + 1];
        if (is_blank(l, lens[i]) || is_blank(next, lens[i + 1]) || !is_headline_like(l, lens[i]))
            continue;
        if (is_bullet(l, lens[i]))
            continue; /* "» Les Syriens défient à nouveau Assad": a link, whatever follows */
        if (starts_lower(next, lens[i + 1]))
            prose[i] = prose[i + 1] = 1;
        else if (ends_open(l, lens[i]))
            prose[i] = 1; /* the next line may be a headline under a truncated paragraph */
    }
#define HEADLINE_AT(k) (!prose[k] && is_headline_like(text + starts[k], lens[k]))
    for (size_t i = 0; i < nlines; i++) {
        const char *l = text + starts[i];
        int kind = clutter_kind(l, lens[i]);
        if (kind == 2 || (kind == 1 && !prose[i])) {
            drop[i] = 2; /* furniture, as opposed to 1: a headline under a marker or in a run */
        } else if (is_related_marker(l, lens[i])) {
            /* the marker and the headlines under it, up to the first real paragraph */
            drop[i] = 1;
            size_t j = i + 1;
            while (j < nlines && (is_blank(text + starts[j], lens[j]) || HEADLINE_AT(j)))
                drop[j++] = 1;
            i = j - 1;
        }
    }
    /* The lower-case continuation of a furniture line left open is furniture: "Consultez les
     * articles de la rubrique International," / "suivez les informations en temps réel…" */
    for (size_t i = 1; i < nlines; i++)
        if (drop[i - 1] == 2 && !drop[i] && ends_open(text + starts[i - 1], lens[i - 1]) &&
            starts_lower(text + starts[i], lens[i]))
            drop[i] = 3; /* once: a line that merely starts in lower case may be a cut paragraph */
    /* Runs of three or more headline-like lines are link lists, not an article; but the last
     * of them is the article's title when its body follows right under it. */
    for (size_t i = 0; i < nlines;) {
        size_t j = i;
        while (j < nlines && !drop[j] && HEADLINE_AT(j))
            j++;
        if (j - i >= 3) {
            size_t last = j;
            if (j < nlines && !drop[j] && !is_blank(text + starts[j], lens[j]))
                last = j - 1; /* a paragraph, since it is not headline-like */
            for (size_t k = i; k < last; k++)
                drop[k] = 1;
        }
        i = j > i ? j : i + 1;
    }
#undef HEADLINE_AT
    for (size_t i = 0; i < nlines; i++) {
        const char *l = text + starts[i];
        if (drop[i]) {
            if (!is_blank(l, lens[i])) {
                qp_clutter_line *c = &out->clutter[out->n_clutter++];
                c->line_no = (int)i + 1;
                c->text = qp_arena_strndup(arena, l, lens[i]);
                if (!c->text) {
                    r = QP_ENOMEM;
                    goto cleanup;
                }
            }
            continue;
        }
        /* trailing spaces go; a kept line ends with one newline */
        size_t n = lens[i];
        while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
            n--;
        if ((r = qp_buf_append(&kept, l, n)) || (r = qp_buf_putc(&kept, '\n')))
            goto cleanup;
    }
    /* no trailing blank lines */
    while (kept.len && (kept.data[kept.len - 1] == '\n' || kept.data[kept.len - 1] == ' '))
        kept.len--;
    out->text = qp_arena_strndup(arena, kept.data ? kept.data : "", kept.len);
    out->len = kept.len;
    if (!out->text)
        r = QP_ENOMEM;
cleanup:
    qp_buf_destroy(&norm);
    qp_buf_destroy(&kept);
    return r;
}
