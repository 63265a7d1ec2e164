/* phrase.c — sentences from events: a verb phrase per PLOVER code, actors with the article
 * their language wants, French contractions (à + le = au), dates in words. */
#include "phrase.h"

#include "qp.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <utf8proc.h>

typedef struct verb {
    const char *code, *mode;
    const char *en_obj, *en_alone;          /* "backed" X / "provided aid" */
    const char *fr_obj, *fr_prep, *fr_alone; /* participle, preposition before X, participle alone */
    const char *en_name, *fr_name;
} verb;

/* Mode-specific rows come before the row of their code: the first match wins. */
static const verb verbs[] = {
    {"ASSAULT", "aerial", "carried out air strikes on", "carried out air strikes",
     "mené des frappes aériennes", "contre", "mené des frappes aériennes", "Assault", "Attaque"},
    {"ASSAULT", NULL, "attacked", "carried out an attack", "attaqué", "", "mené une attaque", "Assault", "Attaque"},
    {"AID", NULL, "backed", "provided aid", "soutenu", "", "apporté une aide", "Aid", "Aide"},
    {"AGREE", NULL, "reached an agreement with", "reached an agreement", "conclu un accord", "avec",
     "conclu un accord", "Agreement", "Accord"},
    {"CONSULT", NULL, "held talks with", "held talks", "eu des entretiens", "avec", "tenu des consultations",
     "Consultation", "Consultation"},
    {"SUPPORT", NULL, "expressed support for", "expressed support", "apporté un soutien politique", "à",
     "exprimé un soutien", "Support", "Soutien"},
    {"CONCEDE", NULL, "made concessions to", "made concessions", "fait des concessions", "à",
     "fait des concessions", "Concession", "Concession"},
    {"COOPERATE", NULL, "cooperated with", "cooperated", "coopéré", "avec", "coopéré", "Cooperation",
     "Coopération"},
    {"RETREAT", NULL, "retreated before", "retreated", "reculé", "face à", "battu en retraite", "Retreat",
     "Retrait"},
    {"REQUEST", NULL, "appealed to", "made an appeal", "lancé un appel", "à", "lancé un appel", "Request",
     "Demande"},
    {"ACCUSE", NULL, "accused", "made accusations", "accusé", "", "porté des accusations", "Accusation",
     "Accusation"},
    {"REJECT", NULL, "rejected demands from", "refused", "rejeté les demandes", "de", "opposé un refus",
     "Rejection", "Rejet"},
    {"THREATEN", NULL, "threatened", "issued threats", "menacé", "", "proféré des menaces", "Threat", "Menace"},
    {"PROTEST", NULL, "protested against", "protested", "protesté", "contre", "protesté", "Protest",
     "Protestation"},
    {"SANCTION", NULL, "imposed sanctions on", "imposed sanctions", "imposé des sanctions", "à",
     "imposé des sanctions", "Sanction", "Sanction"},
    {"MOBILIZE", NULL, "mobilized forces against", "mobilized forces", "mobilisé des forces", "contre",
     "mobilisé des forces", "Mobilization", "Mobilisation"},
    {"COERCE", NULL, "used coercion against", "used coercion", "exercé des pressions", "sur",
     "exercé des pressions", "Coercion", "Coercition"},
    {"LEAD", NULL, "led", "took the lead", "dirigé", "", "pris la tête d'une coalition", "Leadership",
     "Direction"},
};

static const verb *find_verb(const char *code, const char *mode)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < QP_ARRAY_LEN(verbs); i++)
        if (!strcasecmp(verbs[i].code, code) && (!verbs[i].mode || (mode && !strcasecmp(verbs[i].mode, mode))))
            return &verbs[i];
    return NULL;
}

const char *qp_phrase_action_name(const char *code, qp_lang lang)
{
    const verb *v = find_verb(code, NULL);
    if (!v)
        return code ? code : (lang == QP_LANG_FR ? "Autre" : "Other");
    return lang == QP_LANG_FR ? v->fr_name : v->en_name;
}

/* ---- actors and their articles ---- */

enum { ART_NONE, ART_MASC, ART_FEM, ART_ELIDED, ART_PLURAL, ART_THE };

static const char *actor_label(const qp_actor_ref *a, qp_lang lang)
{
    if (lang == QP_LANG_FR && a->label_fr && *a->label_fr)
        return a->label_fr;
    if (a->label && *a->label)
        return a->label;
    if (a->text && *a->text)
        return a->text;
    return a->id;
}

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && !strncasecmp(*list, w, n))
            return 1;
    return 0;
}

static int is_acronym(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!(s[n] >= 'A' && s[n] <= 'Z') && s[n] != '.')
            return 0;
    return n >= 2 && n <= 6;
}

/* "é", "É", "î"… count as vowels for elision; 'h' does not (le Hezbollah, h aspiré is common
 * in names and cannot be told apart). */
static int starts_with_vowel(const char *s)
{
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
        return 0;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_uint8_t one[8];
    utf8proc_ssize_t n = utf8proc_encode_char(c, one);
    one[n] = 0;
    if (utf8proc_map(one, n, &folded, UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                     UTF8PROC_CASEFOLD) < 0)
        return 0;
    int v = folded && strchr("aeiou", folded[0]) && folded[0];
    free(folded);
    return v;
}

static int fr_article(const char *label, const char *kind)
{
    static const char *const none[] = {"Israël", "Israel", "Cuba", "Chypre", "Malte", "Singapour", "Bahreïn",
        "Oman", "Monaco", "Madagascar", "Taïwan", "Djibouti", "Haïti", "Daech", "Tsahal", NULL};
    static const char *const plural[] = {"rebelles", "civils", "insurgés", "jihadistes", "djihadistes",
        "peshmergas", "loyalistes", "forces", "milices", "unités", "gardiens", "brigades", "troupes",
        "Philippines", "Comores", "Maldives", "Seychelles", "Bahamas", "Émirats", "États-Unis", "Pays-Bas",
        "habitants", "combattants", "manifestants", "opposants", "Kurdes", "autorités", "Nations", "Occidentaux",
        "Alliés", NULL};
    static const char *const masc_e[] = {"Mexique", "Mozambique", "Cambodge", "Zimbabwe", "Belize", "régime",
        "groupe", "ministère", "peuple", "service", "centre", "Yémen", "collectif", "Royaume", "gouvernorat",
        "Vatican", NULL};
    static const char *const fem[] = {"coalition", "opposition", "organisation", "union", "ligue", "junte",
        "mission", "commission", "administration", "fédération", "délégation", "direction", NULL};
    if (!strncasecmp(label, "le ", 3) || !strncasecmp(label, "la ", 3) || !strncasecmp(label, "les ", 4) ||
        !strncasecmp(label, "l'", 2) || !strncasecmp(label, "l\xe2\x80\x99", 4))
        return ART_NONE;
    if (kind && !strcmp(kind, "person"))
        return ART_NONE;
    if (!strncmp(label, "Al-", 3) || !strncmp(label, "al-", 3) || !strncmp(label, "Al ", 3))
        return ART_NONE; /* Al-Jazira, al-Nosra */
    size_t w = strcspn(label, " ");
    if (in_list(label, w, none))
        return ART_NONE;
    size_t w1 = strcspn(label, " -");
    if (in_list(label, w, plural) || in_list(label, w1, plural) || (w1 > 3 && !strncmp(label + w1 - 3, "aux", 3)))
        return ART_PLURAL; /* also the -aux plurals: Occidentaux, loyaux */
    /* a common noun in -s or -x is a plural ("chrétiens", "alaouites"); a name is not ("Hamas") */
    if (w1 > 3 && label[0] >= 'a' && label[0] <= 'z' && (label[w1 - 1] == 's' || label[w1 - 1] == 'x'))
        return ART_PLURAL;
    if (starts_with_vowel(label))
        return ART_ELIDED;
    if (is_acronym(label))
        return ART_MASC;
    size_t fw = strcspn(label, " -");
    if (in_list(label, fw, masc_e))
        return ART_MASC;
    if (in_list(label, fw, fem) || (fw > 4 && (!strncmp(label + fw - 4, "tion", 4) || !strncmp(label + fw - 4, "sion", 4))))
        return ART_FEM;
    /* -té is feminine: la communauté, la société, l'autorité */
    if (fw > 3 && !strncmp(label + fw - 3, "t\xc3\xa9", 3))
        return ART_FEM;
    return fw && label[fw - 1] == 'e' ? ART_FEM : ART_MASC;
}

static int en_article(const char *label, const char *kind)
{
    static const char *const the_states[] = {"Netherlands", "Philippines", "Gambia", "Bahamas", "Maldives",
        "Comoros", "Seychelles", "Vatican", NULL};
    if (!strncasecmp(label, "the ", 4))
        return ART_NONE;
    if (kind && (!strcmp(kind, "person") || !strcmp(kind, "civilians")))
        return ART_NONE; /* "attacked civilians", as English says it */
    if (kind && !strcmp(kind, "state")) {
        if (in_list(label, strlen(label), the_states) || strstr(label, "United ") || strstr(label, "Republic") ||
            strstr(label, "Kingdom") || strstr(label, "Islands") || strstr(label, "Emirates"))
            return ART_THE;
        return ART_NONE;
    }
    if (!strncasecmp(label, "al-", 3) || !strncmp(label, "Al ", 3) || strstr(label, " al-"))
        return ART_NONE; /* al-Qaeda, Jabhat al-Nusra */
    if (label[0] >= 'a' && label[0] <= 'z')
        return ART_THE;
    if (is_acronym(label)) {
        /* NATO and ISIS are said as words, without "the"; the UN and the SDF are spelled */
        int vowels = 0;
        for (const char *p = label; *p; p++)
            vowels += strchr("AEIOU", *p) != NULL;
        return strlen(label) >= 4 && vowels >= 2 ? ART_NONE : ART_THE;
    }
    if (!strchr(label, ' '))
        return ART_NONE; /* Hezbollah, Hamas */
    return ART_THE;
}

/* Upper-cases the first code point of out from byte offset at. */
static int capitalise_at(qp_buf *out, size_t at)
{
    if (at >= out->len)
        return 0;
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)out->data + at,
                                          (utf8proc_ssize_t)(out->len - at), &c);
    if (n <= 0)
        return 0;
    utf8proc_uint8_t up[8];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(c), up);
    if (m == n) {
        memcpy(out->data + at, up, (size_t)m);
        return 0;
    }
    /* rare: a different length in upper case; rebuild the tail */
    char *tail = strdup(out->data + at + n);
    if (!tail)
        return QP_ENOMEM;
    out->len = at;
    out->data[at] = 0;
    int rc = qp_buf_append(out, (const char *)up, (size_t)m);
    if (!rc)
        rc = qp_buf_puts(out, tail);
    free(tail);
    return rc;
}

/* Appends prep + article + label, contracting French "à le" and "de le". */
static int put_np(qp_buf *out, const char *prep, const char *label, int art, qp_lang lang)
{
    int rc = 0;
    if (lang == QP_LANG_FR) {
        const char *pfx = "";
        const char *p = prep ? prep : "";
        if (!strcmp(p, "face à")) {
            pfx = "face ";
            p = "à";
        }
        rc |= qp_buf_puts(out, pfx);
        if (!strcmp(p, "à") || !strcmp(p, "de")) {
            int a = !strcmp(p, "à");
            switch (art) {
            case ART_MASC: rc |= qp_buf_puts(out, a ? "au " : "du "); break;
            case ART_PLURAL: rc |= qp_buf_puts(out, a ? "aux " : "des "); break;
            case ART_FEM: rc |= qp_buf_puts(out, a ? "à la " : "de la "); break;
            case ART_ELIDED: rc |= qp_buf_puts(out, a ? "à l'" : "de l'"); break;
            default:
                rc |= qp_buf_puts(out, a ? "à " : starts_with_vowel(label) ? "d'" : "de ");
                break;
            }
        } else {
            if (*p)
                rc |= qp_buf_printf(out, "%s ", p);
            switch (art) {
            case ART_MASC: rc |= qp_buf_puts(out, "le "); break;
            case ART_PLURAL: rc |= qp_buf_puts(out, "les "); break;
            case ART_FEM: rc |= qp_buf_puts(out, "la "); break;
            case ART_ELIDED: rc |= qp_buf_puts(out, "l'"); break;
            default: break;
            }
        }
    } else {
        if (prep && *prep)
            rc |= qp_buf_printf(out, "%s ", prep);
        if (art == ART_THE)
            rc |= qp_buf_puts(out, "the ");
    }
    rc |= qp_buf_puts(out, label);
    return rc ? QP_ENOMEM : 0;
}

static int actor_art(const qp_actor_ref *a, const char *label, qp_lang lang)
{
    if (!a->label && !a->label_fr && a->text && label == a->text)
        return ART_NONE; /* the words of the article already carry their article */
    return lang == QP_LANG_FR ? fr_article(label, a->kind) : en_article(label, a->kind);
}

int qp_phrase_actor(qp_buf *out, const qp_actor_ref *a, qp_lang lang, int at_start)
{
    const char *label = actor_label(a, lang);
    size_t at = out->len;
    if (!label)
        label = lang == QP_LANG_FR ? "un acteur non identifié" : "an unidentified party";
    if (put_np(out, NULL, label, actor_art(a, label, lang), lang))
        return QP_ENOMEM;
    return at_start ? capitalise_at(out, at) : 0;
}

static int place_is_country(const qp_place_ref *p)
{
    return p->feature && !strncmp(p->feature, "A.PCL", 5);
}

static int put_place(qp_buf *out, const qp_place_ref *p, qp_lang lang)
{
    const char *label = p->label && *p->label ? p->label : p->text;
    if (!label || !*label)
        return 0;
    if (lang == QP_LANG_EN) {
        int art = place_is_country(p) ? en_article(label, "state") : ART_NONE;
        return qp_buf_puts(out, " in ") || put_np(out, NULL, label, art, lang) ? QP_ENOMEM : 0;
    }
    if (!place_is_country(p)) {
        /* a common noun ("banlieue de Damas", "province d'Alep") is a place one is in */
        if (label[0] >= 'a' && label[0] <= 'z') {
            int art = fr_article(label, NULL);
            const char *a = art == ART_PLURAL ? "les " : art == ART_FEM ? "la " : art == ART_ELIDED ? "l'" : "le ";
            return qp_buf_printf(out, " dans %s%s", a, label);
        }
        return qp_buf_printf(out, " à %s", label);
    }
    /* islands and city-states without an article take "à": à Bahreïn, à Chypre, à Cuba */
    static const char *const at[] = {"Bahreïn", "Bahrain", "Cuba", "Chypre", "Malte", "Singapour", "Madagascar",
                                     "Oman", "Monaco", "Taïwan", "Djibouti", "Maurice", "Sainte-Lucie", NULL};
    int art = fr_article(label, "state");
    const char *prep = art == ART_MASC ? " au " : art == ART_PLURAL ? " aux " : " en ";
    if (in_list(label, strlen(label), at))
        prep = " à ";
    return qp_buf_printf(out, "%s%s", prep, label);
}

static int is_plural_subject(const qp_actor_ref *a)
{
    const char *label = actor_label(a, QP_LANG_FR);
    /* "la police et les forces de sécurité" are several: "ont" */
    return label && (actor_art(a, label, QP_LANG_FR) == ART_PLURAL || strstr(label, " et "));
}

int qp_phrase_event(qp_buf *out, const qp_event *e, qp_lang lang)
{
    size_t at = out->len;
    const verb *v = find_verb(e->action, e->mode);
    int has_obj = e->actor2.id || e->actor2.label || e->actor2.text;
    int rc = qp_phrase_actor(out, &e->actor1, lang, 1);
    if (lang == QP_LANG_FR) {
        rc |= qp_buf_puts(out, is_plural_subject(&e->actor1) ? " ont " : " a ");
        if (!v)
            rc |= qp_buf_printf(out, "agi (%s)%s", e->action ? e->action : "?", has_obj ? " envers " : "");
        else
            rc |= qp_buf_puts(out, has_obj ? v->fr_obj : v->fr_alone);
        if (has_obj) {
            const char *label = actor_label(&e->actor2, lang);
            if (v)
                rc |= qp_buf_putc(out, ' ');
            rc |= put_np(out, v ? v->fr_prep : "", label, actor_art(&e->actor2, label, lang), lang);
        }
    } else {
        rc |= qp_buf_putc(out, ' ');
        if (!v)
            rc |= qp_buf_printf(out, "acted (%s)%s", e->action ? e->action : "?", has_obj ? " towards" : "");
        else
            rc |= qp_buf_puts(out, has_obj ? v->en_obj : v->en_alone);
        if (has_obj) {
            rc |= qp_buf_putc(out, ' ');
            rc |= qp_phrase_actor(out, &e->actor2, lang, 0);
        }
    }
    rc |= put_place(out, &e->place, lang);
    if (e->speaker && *e->speaker)
        rc |= qp_buf_printf(out, lang == QP_LANG_FR ? ", selon %s" : ", according to %s", e->speaker);
    rc |= qp_buf_putc(out, '.');
    if (rc)
        return QP_ENOMEM;
    return capitalise_at(out, at);
}

/* ---- dates ---- */

static const char *const months_en[] = {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
static const char *const months_fr[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre"};

static int parse_ymd(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static int put_day(qp_buf *out, int y, int m, int d, qp_lang lang, int with_year)
{
    if (lang == QP_LANG_FR)
        return qp_buf_printf(out, d == 1 ? "%der %s" : "%d %s", d, months_fr[m - 1]) ||
               (with_year && qp_buf_printf(out, " %d", y)) ? QP_ENOMEM : 0;
    return qp_buf_printf(out, "%d %s", d, months_en[m - 1]) || (with_year && qp_buf_printf(out, " %d", y))
           ? QP_ENOMEM : 0;
}

int qp_phrase_period(qp_buf *out, const char *start, const char *end, const char *grain, qp_lang lang)
{
    int y, m, d;
    if (!parse_ymd(start, &y, &m, &d))
        return qp_buf_puts(out, start ? start : (lang == QP_LANG_FR ? "sans date" : "undated"));
    const char *const *months = lang == QP_LANG_FR ? months_fr : months_en;
    if (!grain || !strcmp(grain, "day"))
        return put_day(out, y, m, d, lang, 1);
    if (!strcmp(grain, "month"))
        return qp_buf_printf(out, "%s %d", months[m - 1], y);
    if (!strcmp(grain, "year"))
        return qp_buf_printf(out, "%d", y);
    int y2, m2, d2;
    if (!parse_ymd(end, &y2, &m2, &d2))
        return put_day(out, y, m, d, lang, 1);
    /* end is exclusive: the last day is the one before */
    struct tm tm = {.tm_year = y2 - 1900, .tm_mon = m2 - 1, .tm_mday = d2 - 1, .tm_hour = 12};
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    y2 = tm.tm_year + 1900;
    m2 = tm.tm_mon + 1;
    d2 = tm.tm_mday;
    int rc = qp_buf_puts(out, lang == QP_LANG_FR ? "du " : "");
    rc |= put_day(out, y, m, d, lang, y != y2);
    rc |= qp_buf_puts(out, lang == QP_LANG_FR ? " au " : " – ");
    rc |= put_day(out, y2, m2, d2, lang, 1);
    return rc ? QP_ENOMEM : 0;
}
