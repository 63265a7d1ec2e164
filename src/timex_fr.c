/* timex_fr.c — French time expression rules, following the French TimeBank's span conventions
 * (determiners and "vers"/"environ" inside the span, prepositions en/depuis/pendant outside). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

#define P TF_PLURAL
static const tx_entry fr_words[] = {
    {"janvier", C_MONTH, 0, 1}, {"fevrier", C_MONTH, 0, 2}, {"mars", C_MONTH, 0, 3},
    {"avril", C_MONTH, 0, 4}, {"mai", C_MONTH, 0, 5}, {"juin", C_MONTH, 0, 6},
    {"juillet", C_MONTH, 0, 7}, {"aout", C_MONTH, 0, 8}, {"septembre", C_MONTH, 0, 9},
    {"octobre", C_MONTH, 0, 10}, {"novembre", C_MONTH, 0, 11}, {"decembre", C_MONTH, 0, 12},
    {"janv", C_MONTH, 0, 1}, {"fevr", C_MONTH, 0, 2}, {"avr", C_MONTH, 0, 4}, {"juil", C_MONTH, 0, 7},
    {"oct", C_MONTH, 0, 10}, {"nov", C_MONTH, 0, 11}, {"dec", C_MONTH, 0, 12},
    {"lundi", C_DOW, 0, 1}, {"mardi", C_DOW, 0, 2}, {"mercredi", C_DOW, 0, 3}, {"jeudi", C_DOW, 0, 4},
    {"vendredi", C_DOW, 0, 5}, {"samedi", C_DOW, 0, 6}, {"dimanche", C_DOW, 0, 7},
    {"lundis", C_DOW, P, 1}, {"mardis", C_DOW, P, 2}, {"mercredis", C_DOW, P, 3}, {"jeudis", C_DOW, P, 4},
    {"vendredis", C_DOW, P, 5}, {"samedis", C_DOW, P, 6}, {"dimanches", C_DOW, P, 7},
    {"un", C_NUMW, 0, 1}, {"une", C_NUMW, 0, 1}, {"deux", C_NUMW, 0, 2}, {"trois", C_NUMW, 0, 3},
    {"quatre", C_NUMW, 0, 4}, {"cinq", C_NUMW, 0, 5}, {"six", C_NUMW, 0, 6}, {"sept", C_NUMW, 0, 7},
    {"huit", C_NUMW, 0, 8}, {"neuf", C_NUMW, 0, 9}, {"dix", C_NUMW, 0, 10}, {"onze", C_NUMW, 0, 11},
    {"douze", C_NUMW, 0, 12}, {"treize", C_NUMW, 0, 13}, {"quatorze", C_NUMW, 0, 14},
    {"quinze", C_NUMW, 0, 15}, {"seize", C_NUMW, 0, 16}, {"vingt", C_NUMW, 0, 20}, {"vingts", C_NUMW, 0, 20},
    {"trente", C_NUMW, 0, 30}, {"quarante", C_NUMW, 0, 40}, {"cinquante", C_NUMW, 0, 50},
    {"soixante", C_NUMW, 0, 60}, {"cent", C_NUMW, 0, 100}, {"cents", C_NUMW, 0, 100},
    {"mille", C_NUMW, 0, 1000},
    {"premier", C_ORD, 0, 1}, {"premiere", C_ORD, 0, 1}, {"deuxieme", C_ORD, 0, 2}, {"second", C_ORD, 0, 2},
    {"troisieme", C_ORD, 0, 3}, {"quatrieme", C_ORD, 0, 4}, {"cinquieme", C_ORD, 0, 5},
    {"seconde", C_UNIT, 0, U_SEC}, {"secondes", C_UNIT, P, U_SEC}, {"minute", C_UNIT, 0, U_MIN},
    {"minutes", C_UNIT, P, U_MIN}, {"heure", C_UNIT, 0, U_HOUR}, {"heures", C_UNIT, P, U_HOUR},
    {"jour", C_UNIT, 0, U_DAY}, {"jours", C_UNIT, P, U_DAY}, {"journee", C_UNIT, 0, U_DAY},
    {"journees", C_UNIT, P, U_DAY}, {"semaine", C_UNIT, 0, U_WEEK}, {"semaines", C_UNIT, P, U_WEEK},
    {"mois", C_UNIT, P, U_MONTH}, {"an", C_UNIT, 0, U_YEAR}, {"ans", C_UNIT, P, U_YEAR},
    {"annee", C_UNIT, 0, U_YEAR}, {"annees", C_UNIT, P, U_YEAR}, {"decennie", C_UNIT, 0, U_DECADE},
    {"decennies", C_UNIT, P, U_DECADE}, {"siecle", C_UNIT, 0, U_CENTURY}, {"siecles", C_UNIT, P, U_CENTURY},
    {"millenaire", C_UNIT, 0, U_MILLENNIUM}, {"trimestre", C_UNIT, 0, U_QUARTER},
    {"trimestres", C_UNIT, P, U_QUARTER}, {"semestre", C_UNIT, 0, U_SEMESTER},
    {"semestres", C_UNIT, P, U_SEMESTER}, {"quinquennat", C_UNIT, 0, U_TERM5},
    {"septennat", C_UNIT, 0, U_TERM7}, {"week-end", C_UNIT, 0, U_WEEKEND}, {"weekend", C_UNIT, 0, U_WEEKEND},
    {"week-ends", C_UNIT, P, U_WEEKEND},
    {"printemps", C_SEASON, 0, 1}, {"ete", C_SEASON, 0, 2}, {"automne", C_SEASON, 0, 3}, {"hiver", C_SEASON, 0, 4},
    {"hier", C_KW, 0, K_YESTERDAY}, {"demain", C_KW, 0, K_TOMORROW}, {"aujourdhui", C_KW, 0, K_TODAY},
    {"avant-hier", C_KW, 0, K_BEFORE_YESTERDAY}, {"apres-demain", C_KW, 0, K_AFTER_TOMORROW},
    {"dernier", C_KW, 0, K_LAST}, {"derniere", C_KW, 0, K_LAST}, {"passe", C_KW, 0, K_LAST},
    {"passee", C_KW, 0, K_LAST}, {"derniers", C_KW, P, K_DERNIERS}, {"dernieres", C_KW, P, K_DERNIERS},
    {"prochain", C_KW, 0, K_NEXT}, {"prochaine", C_KW, 0, K_NEXT}, {"prochains", C_KW, P, K_NEXT},
    {"prochaines", C_KW, P, K_NEXT}, {"ce", C_KW, 0, K_THIS}, {"cet", C_KW, 0, K_THIS},
    {"cette", C_KW, 0, K_THIS}, {"ces", C_KW, P, K_CES}, {"le", C_KW, 0, K_THE}, {"la", C_KW, 0, K_THE},
    {"les", C_KW, P, K_THE}, {"l", C_KW, 0, K_THE}, {"matin", C_KW, 0, K_MORNING},
    {"matinee", C_KW, 0, K_MORNING}, {"soir", C_KW, 0, K_EVENING}, {"soiree", C_KW, 0, K_EVENING},
    {"nuit", C_KW, 0, K_NIGHT}, {"apres-midi", C_KW, 0, K_AFTERNOON}, {"midi", C_KW, 0, K_NOON},
    {"minuit", C_KW, 0, K_MIDNIGHT}, {"h", C_KW, 0, K_H}, {"vers", C_KW, 0, K_ABOUT},
    {"environ", C_KW, 0, K_ABOUT}, {"debut", C_KW, 0, K_START}, {"fin", C_KW, 0, K_END},
    {"mi", C_KW, 0, K_MID}, {"milieu", C_KW, 0, K_MIDDLE}, {"courant", C_KW, 0, K_COURANT},
    {"chaque", C_KW, 0, K_EACH}, {"tous", C_KW, P, K_ALL}, {"toutes", C_KW, P, K_ALL},
    {"plusieurs", C_KW, P, K_SEVERAL}, {"quelques", C_KW, P, K_SEVERAL}, {"des", C_KW, P, K_SEVERAL},
    {"nombreuses", C_KW, P, K_SEVERAL}, {"nombreux", C_KW, P, K_SEVERAL},
    {"il", C_KW, 0, K_IL}, {"y", C_KW, 0, K_Y}, {"a", C_KW, 0, K_A}, {"en", C_KW, 0, K_IN},
    {"depuis", C_KW, 0, K_SINCE}, {"pendant", C_KW, 0, K_FOR}, {"de", C_KW, 0, K_OF},
    {"du", C_KW, 0, K_OF}, {"d", C_KW, 0, K_OF}, {"meme", C_KW, 0, K_SAME}, {"et", C_KW, 0, K_ET},
    {"quart", C_KW, 0, K_QUARTER_OF}, {"locale", C_KW, 0, K_LOCAL}, {"locales", C_KW, 0, K_LOCAL},
    {"par", C_KW, 0, K_PER}, {"au", C_KW, 0, K_AT},
    {"actuellement", C_REF, 0, 0}, {"desormais", C_REF, 0, 0}, {"maintenant", C_REF, 0, 0},
    {"present", C_REF, 0, 0}, {"autrefois", C_REF, 0, 1}, {"auparavant", C_REF, 0, 1},
    {"jadis", C_REF, 0, 1}, {"recemment", C_REF, 0, 1}, {"naguere", C_REF, 0, 1},
    {"prochainement", C_REF, 0, 2}, {"dorenavant", C_REF, 0, 2}, {"quotidiennement", C_REF, 0, 3},
    {"moment", C_REF, 0, 4}, {"actuel", C_REF, 0, 0}, {"actuelle", C_REF, 0, 0},
    {"actuels", C_REF, 0, 0}, {"actuelles", C_REF, 0, 0},
    {"annuel", C_REF, 0, 6}, {"annuelle", C_REF, 0, 6}, {"annuels", C_REF, 0, 6}, {"annuelles", C_REF, 0, 6},
    {"mensuel", C_REF, 0, 7}, {"mensuelle", C_REF, 0, 7}, {"mensuels", C_REF, 0, 7}, {"mensuelles", C_REF, 0, 7},
    {"hebdomadaire", C_REF, 0, 8}, {"hebdomadaires", C_REF, 0, 8}, {"quotidien", C_REF, 0, 9},
    {"quotidienne", C_REF, 0, 9}, {"quotidiens", C_REF, 0, 9}, {"quotidiennes", C_REF, 0, 9},
    {"nocturne", C_REF, 0, 10}, {"nocturnes", C_REF, 0, 10},
};
#undef P

static uint16_t fr_table[1024];
static pthread_once_t fr_once = PTHREAD_ONCE_INIT;

static void fr_build(void)
{
    tx_lex_build(fr_words, QP_ARRAY_LEN(fr_words), fr_table, QP_ARRAY_LEN(fr_table));
}

/* Compound number words: dix-huit, vingt-et-un, quatre-vingt-dix. */
static int fr_compound(const char *f, size_t n)
{
    int total = 0, cur = 0, parts = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && f[j] != '-')
            j++;
        int v;
        unsigned fl;
        if (j - i == 2 && !memcmp(f + i, "et", 2)) {
            i = j + 1;
            continue;
        }
        if (tx_lex_find(fr_words, fr_table, QP_ARRAY_LEN(fr_table), f + i, j - i, &v, &fl) != C_NUMW)
            return -1;
        if (v == 20 && cur == 4)
            cur = 80;
        else if (v == 100 || v == 1000)
            cur = (cur ? cur : 1) * v;
        else
            cur += v;
        if (v == 1000)
            total += cur, cur = 0;
        parts++;
        i = j + 1;
    }
    return parts >= 2 ? total + cur : -1;
}

int tx_fr_class(const char *f, size_t n, int *val, unsigned *flags)
{
    pthread_once(&fr_once, fr_build);
    int c = tx_lex_find(fr_words, fr_table, QP_ARRAY_LEN(fr_table), f, n, val, flags);
    if (c || !memchr(f, '-', n))
        return c;
    if (n > 3 && !memcmp(f, "mi-", 3)) {
        c = tx_lex_find(fr_words, fr_table, QP_ARRAY_LEN(fr_table), f + 3, n - 3, val, flags);
        if (c == C_MONTH || c == C_SEASON || (c == C_UNIT)) {
            *flags |= TF_MI;
            return c;
        }
        return 0;
    }
    if (n > 3 && (!memcmp(f + n - 3, "-ci", 3) || !memcmp(f + n - 3, "-la", 3)))
        return tx_lex_find(fr_words, fr_table, QP_ARRAY_LEN(fr_table), f, n - 3, val, flags);
    int v = fr_compound(f, n);
    if (v > 0) {
        *val = v;
        *flags = 0;
        return C_NUMW;
    }
    return 0;
}

/* ---- small pattern pieces ------------------------------------------------------------ */

static int kw(const tx_doc *d, size_t i, int k)
{
    return tx_is(d, i, C_KW, k);
}

/* "à" (accented: the verb "a" does not introduce times) */
static int is_at(const tx_doc *d, size_t i)
{
    return kw(d, i, K_A) && (d->t[i].flags & TF_ACCENT);
}

/* le, la, les, l' → the index after it */
static size_t det(const tx_doc *d, size_t i)
{
    if (tx_word(d, i, "l"))
        return tx_apos(d, i + 1) ? i + 2 : i;
    if (tx_word(d, i, "le") || tx_word(d, i, "la") || tx_word(d, i, "les"))
        return i + 1;
    return i;
}

/* de, du, d', des → the index after it */
static size_t of(const tx_doc *d, size_t i)
{
    if (tx_word(d, i, "d"))
        return tx_apos(d, i + 1) ? i + 2 : i;
    if (tx_word(d, i, "de") || tx_word(d, i, "du") || tx_word(d, i, "des"))
        return i + 1;
    return i;
}

/* A year after a month may have two digits: "octobre 98". */
static int year_after_month(const tx_doc *d, size_t i, int *y)
{
    if (tx_year4(d, i, y))
        return 1;
    if (i < d->n && d->t[i].kind == TK_NUM && d->t[i].flen == 2) {
        int v = d->t[i].val;
        *y = v < 40 ? 2000 + v : 1900 + v;
        return 1;
    }
    return 0;
}

/* A day of the month: 3, 03, 1er, premier. */
static int day_num(const tx_doc *d, size_t i, int *day, size_t *next)
{
    if (i >= d->n)
        return 0;
    if (tx_is(d, i, C_ORD, 1)) {
        *day = 1;
        *next = i + 1;
        return 1;
    }
    if (d->t[i].kind != TK_NUM || d->t[i].flen > 2 || d->t[i].val < 1 || d->t[i].val > 31)
        return 0;
    *day = d->t[i].val;
    *next = i + 1;
    if (i + 1 < d->n && (d->t[i + 1].flags & TF_GLUED) &&
        (tx_word(d, i + 1, "er") || tx_word(d, i + 1, "e") || tx_word(d, i + 1, "eme")))
        *next = i + 2;
    return 1;
}

static int last_next(const tx_doc *d, size_t i)
{
    if (kw(d, i, K_LAST))
        return -1;
    if (kw(d, i, K_NEXT))
        return 1;
    return 0;
}

/* matin, soir, après-midi, nuit after a day: the TIMEX3 part of day, or NULL */
static const char *part_of_day(const tx_doc *d, size_t i)
{
    if (kw(d, i, K_MORNING)) return "MO";
    if (kw(d, i, K_EVENING)) return "EV";
    if (kw(d, i, K_AFTERNOON)) return "AF";
    if (kw(d, i, K_NIGHT)) return "NI";
    return NULL;
}

/* A clock time at i: "21 h 45", "18h30", "10 heures", "14:30"; writes "HH:MM". */
static int clock_at(const tx_doc *d, size_t i, size_t *next, char tod[8], int need_cue)
{
    if (i >= d->n || d->t[i].kind != TK_NUM || d->t[i].flen > 2 || d->t[i].val > 24)
        return 0;
    int h = d->t[i].val, mi = 0;
    size_t j = i + 1;
    if (kw(d, j, K_H) || (tx_is(d, j, C_UNIT, U_HOUR) && !need_cue)) {
        j++;
        if (j < d->n && d->t[j].kind == TK_NUM && d->t[j].flen == 2 && d->t[j].val < 60)
            mi = d->t[j].val, j++;
    } else if (j + 1 < d->n && d->t[j].kind == TK_PUNCT && d->t[j].f[0] == ':' && (d->t[j].flags & TF_GLUED) &&
               d->t[j + 1].kind == TK_NUM && d->t[j + 1].flen == 2 && d->t[j + 1].val < 60 &&
               (d->t[j + 1].flags & TF_GLUED)) {
        mi = d->t[j + 1].val;
        j += 2;
    } else {
        return 0;
    }
    tod[0] = (char)('0' + h / 10), tod[1] = (char)('0' + h % 10), tod[2] = ':';
    tod[3] = (char)('0' + mi / 10), tod[4] = (char)('0' + mi % 10), tod[5] = 0;
    *next = j;
    return 1;
}

/* Words before a number that make "10 heures" a clock time rather than a duration. */
static int clock_cue(const tx_doc *d, size_t i)
{
    if (i == 0)
        return 0;
    const tx_tok *p = &d->t[i - 1];
    return is_at(d, i - 1) || kw(d, i - 1, K_ABOUT) || (tx_word(d, i - 1, "des") && (p->flags & TF_ACCENT)) ||
           tx_word(d, i - 1, "avant") || tx_word(d, i - 1, "apres") || tx_word(d, i - 1, "jusqu");
}

/* ---- rules: each tries to match at i, returns the token after the match or 0 ---------- */

static int is_abbrev(const tx_tok *t)
{
    static const char *const ab[] = {"janv", "fevr", "avr", "juil", "oct", "nov", "dec"};
    for (size_t k = 0; k < QP_ARRAY_LEN(ab); k++)
        if (!strcmp(t->f, ab[k]))
            return 1;
    return 0;
}

/* [le] [lundi] 3|1er novembre [2017] [dernier|prochain] */
static size_t r_date(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i);
    if (kw(d, j, K_THIS))
        j++;
    int dow = 0;
    if (tx_is(d, j, C_DOW, -1) && !(d->t[j].flags & TF_PLURAL))
        dow = d->t[j].val, j++;
    int day, y, m;
    size_t k;
    if (!day_num(d, j, &day, &k))
        return 0;
    /* "les 6 et 13 avril", "du 6 au 8 juin": the first day borrows the month of the second */
    if ((kw(d, k, K_ET) || tx_word(d, k, "au")) && k + 2 < d->n && d->t[k + 1].kind == TK_NUM &&
        tx_is(d, k + 2, C_MONTH, -1) && d->t[k + 1].val <= 31 && d->t[k + 1].val > day) {
        m = d->t[k + 2].val;
        int yy = -1;
        tx_year4(d, k + 3, &yy);
        if (!tx_valid_day(yy, m, day))
            return 0;
        tx_abs(s, G_DAY, yy, m, day);
        return k;
    }
    if (!tx_is(d, k, C_MONTH, -1) || (d->t[k].flags & TF_MI))
        return 0;
    m = d->t[k].val;
    k++;
    if (k < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == '.' && (d->t[k].flags & TF_GLUED) &&
        is_abbrev(&d->t[k - 1]))
        k++;   /* "nov." */
    if (year_after_month(d, k, &y)) {
        k++;
        if (!tx_valid_day(y, m, day))
            return 0;
        tx_abs(s, G_DAY, y, m, day);
        return k;
    }
    if (!tx_valid_day(0, m, day))
        return 0;
    tx_abs(s, G_DAY, -1, m, day);
    s->off = dow;   /* "jeudi 12 novembre": the year whose 12 November is a Thursday */
    if ((s->dir = (int8_t)last_next(d, k)) != 0)
        k++;
    return k;
}

/* [le] [mois de] [mi-]novembre [2017] [dernier] */
static size_t r_month(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = det(d, i);
    if (j == i && kw(d, i, K_THIS) && tx_is(d, i + 1, C_UNIT, U_MONTH))
        j = i + 1;   /* ce mois de novembre */
    if (tx_is(d, j, C_UNIT, U_MONTH) && !tx_word(d, j, "mois-ci")) {
        size_t k = of(d, j + 1);
        if (k == j + 1 && !tx_word(d, j + 1, "de"))
            return 0;
        j = k;
    } else if (j != i && !after_mod) {
        return 0;   /* "le novembre" is not French; keep "le" out of month spans */
    }
    if (!tx_is(d, j, C_MONTH, -1))
        return 0;
    int m = d->t[j].val, y;
    size_t k = j + 1;
    if (year_after_month(d, k, &y) && (d->t[k].flen == 4 || !(k + 1 < d->n && tx_is(d, k + 1, C_UNIT, -1)))) {
        tx_abs(s, G_MONTH, y, m, 0);
        return k + 1;
    }
    tx_abs(s, G_MONTH, -1, m, 0);
    if ((s->dir = (int8_t)last_next(d, k)) != 0)
        k++;
    return k;
}

/* Words after a bare four-digit number that show it counts things, not years. */
static int counts_things(const tx_doc *d, size_t i)
{
    static const char *const fn[] = {"dans", "sous", "sans", "apres", "depuis", "alors", "puis", "mais",
                                     "vers", "pas", "plus", "tous", "nous", "vous", "les", "des", "ses",
                                     "ces", "aux", "ils", "elles", "lors", "hors", "jamais", "moins",
                                     "tres", "leurs", "avons", "etes", "sommes", "est", "mes", "tes",
                                     "selon", "chez", "contre", "entre", "pour", "par"};
    if (i >= d->n || d->t[i].kind != TK_WORD || (d->t[i].flags & TF_CAP) || d->t[i].cls != C_NONE)
        return 0;
    const tx_tok *t = &d->t[i];
    if (t->flen < 3 || (t->f[t->flen - 1] != 's' && t->f[t->flen - 1] != 'x'))
        return tx_word(d, i, "euro") || tx_word(d, i, "km") || tx_word(d, i, "m");
    for (size_t k = 0; k < QP_ARRAY_LEN(fn); k++)
        if (!strcmp(t->f, fn[k]))
            return 0;
    return 1;
}

/* [l'année|l'an] 2014; a bare 1900–2099 unless it counts things */
static size_t r_year(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = det(d, i);
    int y, intro = 0;
    if (j != i && (tx_is(d, j, C_UNIT, U_YEAR)) && !(d->t[j].flags & TF_PLURAL))
        j++, intro = 1;
    else if (j != i && !after_mod)
        return 0;
    if (!tx_year4(d, j, &y))
        return 0;
    if (!intro && !after_mod) {
        int cue = j > 0 && (kw(d, j - 1, K_IN) || kw(d, j - 1, K_SINCE) || tx_word(d, j - 1, "de") ||
                            tx_word(d, j - 1, "des") || kw(d, j - 1, K_ABOUT) || tx_word(d, j - 1, "avant") ||
                            tx_word(d, j - 1, "apres") || kw(d, j - 1, K_AT));
        if (y < 1900 && !cue)
            return 0;
        if (counts_things(d, j + 1))
            return 0;
        if (j > 0 && d->t[j - 1].kind == TK_PUNCT && (d->t[j].flags & TF_GLUED) &&
            (d->t[j - 1].f[0] == '.' || d->t[j - 1].f[0] == ','))
            return 0;
        if (j + 1 < d->n && (tx_is(d, j + 1, C_UNIT, -1) || tx_word(d, j + 1, "millions")))
            return 0;
    }
    tx_abs(s, G_YEAR, y, 0, 0);
    return j + 1;
}

/* [les] années 90|1990|quatre-vingt-dix */
static size_t r_decade(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i);
    if (!tx_word(d, j, "annees"))
        return 0;
    j++;
    int v = -1;
    if (j < d->n && d->t[j].kind == TK_NUM && (d->t[j].flen == 2 || d->t[j].flen == 4) && d->t[j].val % 10 == 0)
        v = d->t[j].val;
    else if (tx_is(d, j, C_NUMW, -1) && d->t[j].val >= 20 && d->t[j].val % 10 == 0 && d->t[j].val < 100)
        v = d->t[j].val;
    if (v < 0)
        return 0;
    if (v < 100)
        v += 1900;
    tx_abs(s, G_DECADE, v, 0, 0);
    return j + 1;
}

/* [le] XIXe|19e siècle → 18 */
static size_t r_century(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i), k;
    int c = -1;
    if (j < d->n && d->t[j].kind == TK_WORD && d->t[j].flen >= 2) {
        const tx_tok *t = &d->t[j];
        size_t n = t->flen;
        if (n > 3 && !memcmp(t->f + n - 3, "eme", 3))
            n -= 3;
        else if (t->f[n - 1] == 'e')
            n -= 1;
        else
            return 0;
        c = tx_roman(t->f, n);
        k = j + 1;
    } else if (j + 1 < d->n && d->t[j].kind == TK_NUM && d->t[j].flen <= 2 && (d->t[j + 1].flags & TF_GLUED) &&
               (tx_word(d, j + 1, "e") || tx_word(d, j + 1, "eme"))) {
        c = d->t[j].val;
        k = j + 2;
    } else {
        return 0;
    }
    if (c < 1 || c > 30 || !tx_is(d, k, C_UNIT, U_CENTURY) || (d->t[k].flags & TF_PLURAL))
        return 0;
    tx_abs(s, G_CENTURY, (c - 1) * 100, 0, 0);
    return k + 1;
}

/* hier, demain, aujourd'hui [vendredi] [soir] [à 10 h] */
static size_t r_relday(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_is(d, i, C_KW, -1))
        return 0;
    int off;
    switch (d->t[i].val) {
    case K_YESTERDAY: off = -1; break;
    case K_TOMORROW: off = 1; break;
    case K_TODAY: off = 0; break;
    case K_BEFORE_YESTERDAY: off = -2; break;
    case K_AFTER_TOMORROW: off = 2; break;
    default: return 0;
    }
    if (off == 0 && (d->t[i].flags & TF_SENT) && i + 1 < d->n && d->t[i + 1].kind == TK_PUNCT && d->t[i + 1].f[0] == ',') {
        /* "Aujourd'hui, la ville a changé": nowadays, not the day of the article */
        tx_lit(s, QP_TIMEX_TIME, "PRESENT_REF");
        return i + 1;
    }
    tx_rel(s, G_DAY, off);
    size_t j = i + 1;
    if (off == 0 && tx_is(d, j, C_DOW, -1))
        j++;
    const char *pod = part_of_day(d, j);
    if (pod) {
        tx_set_tod(s, pod);
        j++;
    }
    char tod[8];
    size_t k;
    if (is_at(d, j) && clock_at(d, j + 1, &k, tod, 0)) {
        tx_set_tod(s, tod);
        j = k;
    }
    return j;
}

/* [ce] [même] mardi [dernier|prochain] [soir]; la nuit de mardi à mercredi */
static size_t r_dow(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i;
    const char *pod = NULL;
    if (kw(d, j, K_THE) && kw(d, j + 1, K_NIGHT) && (tx_word(d, j + 2, "de") || tx_word(d, j + 2, "du")) &&
        tx_is(d, j + 3, C_DOW, -1)) {
        pod = "NI";
        j += 3;
    } else if (kw(d, j, K_THIS)) {
        j++;
        if (kw(d, j, K_SAME))
            j++;
    } else if (tx_word(d, j, "le") && tx_is(d, j + 1, C_DOW, -1) && !(d->t[j + 1].flags & TF_CAP) && !day_num(d, j + 2, &(int){0}, &(size_t){0}) &&
               !last_next(d, j + 2) && !part_of_day(d, j + 2)) {
        /* "le mercredi" alone: every Wednesday */
        char v[16];
        snprintf(v, sizeof v, "XXXX-WXX-%d", d->t[j + 1].val);
        tx_lit(s, QP_TIMEX_SET, v);
        return j + 2;
    }
    if (!tx_is(d, j, C_DOW, -1) || (d->t[j].flags & TF_PLURAL))
        return 0;
    memset(s, 0, sizeof *s);
    s->kind = X_DOW;
    s->type = QP_TIMEX_DATE;
    s->grain = G_DAY;
    s->d = d->t[j].val;
    j++;
    if (pod) {
        if ((is_at(d, j) || tx_word(d, j, "au")) && tx_is(d, j + 1, C_DOW, -1))
            j += 2;
        tx_set_tod(s, pod);
        return j;
    }
    if ((s->dir = (int8_t)last_next(d, j)) != 0)
        j++;
    if ((pod = part_of_day(d, j)) != NULL) {
        tx_set_tod(s, pod);
        j++;
    } else if (tx_word(d, j, "dans") && kw(d, j + 1, K_THE) && tx_word(d, j + 2, "journee")) {
        tx_set_tod(s, "DT");
        j += 3;
    }
    return j;
}

/* cette semaine, la semaine dernière, l'an prochain, le mois en cours, (fin du) mois */
static size_t r_unitrel(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = det(d, i);
    int this_ = 0;
    if (j == i && kw(d, i, K_THIS))
        j++, this_ = 1;
    if (!tx_is(d, j, C_UNIT, -1) || (d->t[j].flags & TF_PLURAL && !tx_word(d, j, "mois")))
        return 0;
    int g = tx_unit_grain(d->t[j].val);
    if (g == G_NONE || g == G_DAY)
        return 0;
    size_t k = j + 1;
    int off;
    int ln = last_next(d, k);
    if (ln) {
        off = ln;
        k++;
    } else if (kw(d, k, K_IN) && tx_word(d, k + 1, "cours")) {
        off = 0;
        k += 2;
    } else if (this_ || after_mod) {
        off = 0;
    } else {
        return 0;
    }
    if (this_ && ln)
        return 0;   /* "cette dernière semaine" is about something else */
    tx_rel(s, g, off);
    return k;
}

/* il y a trois jours → dct − 3 days */
static size_t r_ago(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!kw(d, i, K_IL) || !kw(d, i + 1, K_Y) || !kw(d, i + 2, K_A))
        return 0;
    size_t j = i + 3, k;
    double n;
    int approx;
    if (kw(d, j, K_SEVERAL)) {
        approx = 1, n = 0, k = j + 1;
    } else if (!tx_number(d, j, &k, &n, &approx)) {
        return 0;
    }
    if (!tx_is(d, k, C_UNIT, -1))
        return 0;
    int u = d->t[k].val;
    if (approx)
        return 0;   /* "il y a quelques mois": TimeBank marks the duration alone */
    int off = (int)n;
    if (off != n || off > 5000)
        return 0;
    switch (u) {
    case U_DAY: tx_rel(s, G_DAY, -off); break;
    case U_WEEK: tx_rel(s, G_DAY, -7 * off); break;
    case U_MONTH: tx_rel(s, G_MONTH, -off); break;
    case U_YEAR: tx_rel(s, G_YEAR, -off); break;
    case U_DECADE: tx_rel(s, G_YEAR, -10 * off); break;
    case U_CENTURY: tx_rel(s, G_YEAR, -100 * off); break;
    case U_SEC: case U_MIN: case U_HOUR: tx_rel(s, G_DAY, 0); break;
    default: return 0;
    }
    return k + 1;
}

/* Ages are not durations in TimeBank: "une fillette de 6 ans", "(45 ans)", "âgé de 30 ans". */
static int is_age(const tx_doc *d, size_t i, size_t unit)
{
    if (!tx_word(d, unit, "ans"))
        return 0;
    if (i > 0 && d->t[i - 1].kind == TK_PUNCT && (d->t[i - 1].f[0] == '(' || d->t[i - 1].f[0] == ','))
        return 1;
    if (i > 0 && d->t[i - 1].kind == TK_PUNCT && d->t[i - 1].f[0] == '-' && (d->t[i].flags & TF_GLUED))
        return 1;   /* "0-6 ans" */
    if (i >= 2 && tx_word(d, i - 1, "de") && d->t[i].kind == TK_NUM && !tx_word(d, unit + 1, "de"))
        return 1;   /* "un chauffeur de 38 ans", but "de 10 ans de prison" is a duration */
    if (i >= 2 && tx_word(d, i - 1, "de")) {
        const tx_tok *p = &d->t[i - 2];
        static const char *const who[] = {"age", "agee", "ages", "agees", "fillette", "garcon", "enfant",
                                          "homme", "femme", "fille", "fils", "adolescent", "adolescente",
                                          "jeune", "bebe", "victime", "retraite", "mere", "pere",
                                          "ouvrier", "soldat", "militaire", "etudiant", "etudiante"};
        for (size_t k = 0; k < QP_ARRAY_LEN(who); k++)
            if (!strcmp(p->f, who[k]))
                return 1;
        if (p->flags & TF_CAP && p->kind == TK_WORD && !(p->flags & TF_SENT))
            return 1;
    }
    return 0;
}

/* [environ] trois jours, 30,4 secondes, plusieurs années, ces derniers jours, un quart de siècle */
static size_t r_duration(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    double n = 1;
    int approx = 0;
    if (tx_word(d, j, "environ"))
        j++;
    else if (tx_word(d, j, "pres") && of(d, j + 1) > j + 1)
        j = of(d, j + 1);
    if ((kw(d, j, K_CES) || tx_word(d, j, "les"))) {
        /* ces derniers jours, les trois dernières années, les dix prochaines années */
        size_t q = j + 1;
        int have = tx_number(d, q, &k, &n, &approx);
        if (have)
            q = k;
        else
            approx = 1;
        if (!(kw(d, q, K_DERNIERS) || (kw(d, q, K_NEXT) && (d->t[q].flags & TF_PLURAL))))
            return 0;
        q++;
        if (!tx_is(d, q, C_UNIT, -1) || !tx_duration_lit(s, n, d->t[q].val, approx))
            return 0;
        return q + 1;
    }
    if (kw(d, j, K_SEVERAL)) {
        approx = 1;
        k = j + 1;
        if (tx_word(d, j, "des") && (!tx_is(d, k, C_UNIT, -1) || d->t[k].val <= U_HOUR))
            return 0;   /* "des heures scolaires" */
        if (tx_is(d, k, C_UNIT, -1) && !(d->t[k].flags & TF_PLURAL))
            return 0;
    } else if (tx_number(d, j, &k, &n, &approx)) {
        if (tx_is(d, j, C_NUMW, 1) && k == j + 1 && tx_word(d, k, "jour"))
            return 0;   /* "un jour": some day */
        if (kw(d, k, K_QUARTER_OF) && tx_word(d, k + 1, "de"))
            n *= 0.25, k += 2;
    } else if (tx_is(d, j, C_UNIT, U_TERM5) || tx_is(d, j, C_UNIT, U_TERM7)) {
        k = j;   /* "un quinquennat": the term is itself a length */
    } else {
        return 0;
    }
    if (!tx_is(d, k, C_UNIT, -1) || (d->t[k].flags & TF_MI))
        return 0;
    if (!approx && n > 1 && !(d->t[k].flags & TF_PLURAL) && !tx_word(d, k, "mois") && n == (long)n)
        return 0;   /* "25 heure": not a duration */
    if (is_age(d, i, k))
        return 0;
    if (!tx_duration_lit(s, n, d->t[k].val, approx))
        return 0;
    return k + 1;
}

/* la veille, le lendemain, ce jour-là: days counted from the day the text last spoke of */
static size_t r_anchorday(const tx_doc *d, size_t i, tx_spec *s)
{
    int off;
    size_t j;
    if (tx_word(d, i, "la") && tx_word(d, i + 1, "veille"))
        off = -1, j = i + 2;
    else if (tx_word(d, i, "le") && tx_word(d, i + 1, "lendemain"))
        off = 1, j = i + 2;
    else if (kw(d, i, K_THIS) && tx_word(d, i + 1, "jour-la"))
        off = 0, j = i + 2;
    else
        return 0;
    if (tx_word(d, j, "de") || tx_word(d, j, "du") || (tx_word(d, j, "d") && tx_apos(d, j + 1)))
        return 0;   /* "la veille du scrutin": anchored on an event we do not date */
    memset(s, 0, sizeof *s);
    s->kind = X_ANCHOR;
    s->type = QP_TIMEX_DATE;
    s->grain = G_DAY;
    s->off = off;
    if (tx_word(d, j, "au") && kw(d, j + 1, K_EVENING)) {
        tx_set_tod(s, "EV");
        j += 2;
    }
    return j;
}

/* hier, demain, aujourd'hui alone: the day offset, for a clock time said before it */
static int r_relday_day(const tx_doc *d, size_t i, tx_spec *s)
{
    if (!tx_is(d, i, C_KW, -1))
        return 0;
    int v = d->t[i].val;
    if (v != K_YESTERDAY && v != K_TOMORROW && v != K_TODAY)
        return 0;
    tx_rel(s, G_DAY, v == K_YESTERDAY ? -1 : v == K_TOMORROW ? 1 : 0);
    return 1;
}

/* [vers] 21 h 45 [locales]; [vers] midi */
static size_t r_time(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    char tod[8];
    int vers = tx_word(d, j, "vers");
    if (vers)
        j++;
    if (kw(d, j, K_NOON) || kw(d, j, K_MIDNIGHT)) {
        if (j == i && !(clock_cue(d, j) || (j > 0 && kw(d, j - 1, K_THIS))))
            return 0;
        if (vers && !(d->t[i].flags & TF_SENT))
            return 0;
        memset(s, 0, sizeof *s);
        s->kind = X_ANCHOR;
        tx_set_tod(s, kw(d, j, K_NOON) ? "12:00" : "24:00");
        return j + 1;
    }
    if (!clock_at(d, j, &k, tod, !(j > i || clock_cue(d, j))))
        return 0;
    memset(s, 0, sizeof *s);
    s->kind = X_ANCHOR;
    tx_set_tod(s, tod);
    int longer = 1;
    if (tx_word(d, k, "du") && (kw(d, k + 1, K_MORNING) || kw(d, k + 1, K_EVENING))) {
        int h = (tod[0] - '0') * 10 + tod[1] - '0';
        if (kw(d, k + 1, K_EVENING) && h < 12) {   /* 8 heures du soir: 20:00 */
            h += 12;
            tod[0] = (char)('0' + h / 10), tod[1] = (char)('0' + h % 10);
            tx_set_tod(s, tod);
        }
        k += 2;
    } else if (kw(d, k, K_LOCAL))
        k++;
    else if (tx_word(d, k, "heure") && kw(d, k + 1, K_LOCAL))
        k += 2;
    else
        longer = 0;
    /* "vers 15 h 30, hier": the day said after the clock */
    size_t q = k + (k < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == ',');
    tx_spec day;
    if (r_relday_day(d, q, &day)) {
        s->kind = X_REL;
        s->grain = G_DAY;
        s->off = day.off;
        k = q + 1, longer = 1;
    }
    /* TimeBank keeps "vers" out of a bare clock time, except at the start of a sentence */
    if (vers && !longer && !(d->t[i].flags & TF_SENT))
        return 0;
    return k;
}

/* la nuit, ce soir, le matin même, la soirée */
static size_t r_tod(const tx_doc *d, size_t i, tx_spec *s)
{
    int this_ = kw(d, i, K_THIS);
    if (!this_ && !tx_word(d, i, "la") && !tx_word(d, i, "le") && !(tx_word(d, i, "l") && tx_apos(d, i + 1)))
        return 0;
    size_t j = i + (tx_word(d, i, "l") ? 2 : 1);
    const char *pod = part_of_day(d, j);
    if (!pod)
        return 0;
    memset(s, 0, sizeof *s);
    s->kind = this_ ? X_REL : X_ANCHOR;
    s->grain = G_DAY;
    tx_set_tod(s, pod);
    j++;
    if (kw(d, j, K_SAME))
        j++;
    /* "la nuit du 3 au 4 mai": the night starts on the first date */
    size_t k;
    if (!this_ && (tx_word(d, j, "du") || tx_word(d, j, "de")) && (k = r_date(d, j + 1, s)) != 0) {
        tx_set_tod(s, pod);
        int day;
        size_t q;
        if (tx_word(d, k, "au") && day_num(d, k + 1, &day, &q) && tx_is(d, q, C_MONTH, -1)) {
            k = q + 1;
            int y;
            if (tx_year4(d, k, &y))
                k++;
        }
        return k;
    }
    return j;
}

/* chaque semaine, tous les jeudis, toutes les deux heures, par semestre */
static size_t r_set(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = i, k;
    double n = 1;
    int approx;
    if (kw(d, j, K_EACH)) {
        j++;
    } else if (kw(d, j, K_ALL) && tx_word(d, j + 1, "les")) {
        j += 2;
        if (tx_number(d, j, &k, &n, &approx))
            j = k;
    } else {
        return 0;
    }
    if (tx_is(d, j, C_DOW, -1)) {
        char v[24];
        snprintf(v, sizeof v, "XXXX-WXX-%d", d->t[j].val);
        tx_lit(s, QP_TIMEX_SET, v);
        return j + 1;
    }
    if (kw(d, j, K_MORNING) || kw(d, j, K_EVENING) || kw(d, j, K_NIGHT)) {
        tx_lit(s, QP_TIMEX_SET, kw(d, j, K_MORNING) ? "TMO" : kw(d, j, K_EVENING) ? "TEV" : "TNI");
        return j + 1;
    }
    if (!tx_is(d, j, C_UNIT, -1) || !tx_duration_lit(s, n, d->t[j].val, 0))
        return 0;
    s->type = QP_TIMEX_SET;
    return j + 1;
}

/* l'été 2016, au printemps, l'hiver dernier, en été (generic) */
static size_t r_season(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i);
    int this_ = 0;
    if (j == i && kw(d, i, K_THIS))
        j++, this_ = 1;
    int months_of = 0;
    if (tx_is(d, j, C_UNIT, U_MONTH) && tx_word(d, j + 1, "d") && tx_apos(d, j + 2) && tx_is(d, j + 3, C_SEASON, -1))
        j += 3, months_of = 1;   /* les mois d'été */
    else if (!tx_is(d, j, C_SEASON, -1))
        return 0;
    if ((d->t[j].flags & TF_CAP) && !(d->t[i].flags & TF_SENT))
        return 0;   /* "le Printemps arabe", "Printemps de Prague" */
    int se = d->t[j].val, y;
    /* "été" is mostly the participle, "d'hiver" an adjective: a bare season needs en, au,
     * or a sentence start */
    if (j == i && !(i > 0 && (kw(d, i - 1, K_IN) || kw(d, i - 1, K_AT))) &&
        !((d->t[i].flags & TF_SENT) && (d->t[i].flags & TF_CAP)))
        return 0;
    size_t k = j + 1;
    if (tx_year4(d, k, &y)) {
        tx_abs(s, G_SEASON, y, se, 0);
        return k + 1;
    }
    int ln = last_next(d, k);
    if (ln) {
        tx_abs(s, G_SEASON, -1, se, 0);
        s->dir = (int8_t)ln;
        return k + 1;
    }
    if (!months_of && (this_ || j != i || (i > 0 && kw(d, i - 1, K_AT)))) {
        tx_abs(s, G_SEASON, -1, se, 0);
        return k;
    }
    /* "en été", "Eté comme hiver": the season in general */
    char v[16];
    snprintf(v, sizeof v, "XXXX-%.2s", "SPSUFAWI" + 2 * (se - 1));
    tx_lit(s, QP_TIMEX_DATE, v);
    if (months_of && k < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == ',')
        k++;   /* TimeBank's span takes the comma after "les mois d'été" */
    return k;
}

/* actuellement, désormais, à présent, en ce moment, à l'avenir */
static size_t r_ref(const tx_doc *d, size_t i, tx_spec *s)
{
    static const char *const refs[] = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"};
    if (tx_is(d, i, C_REF, -1)) {
        int v = d->t[i].val;
        if (v == 3) {
            tx_lit(s, QP_TIMEX_SET, "P1D");
            return i + 1;
        }
        if (v == 4)
            return 0;
        if (v >= 6 && v <= 9) {
            /* adjectives of frequency; "le quotidien", "un hebdomadaire" are newspapers */
            static const char *const every[] = {"P1Y", "P1M", "P1W", "P1D"};
            if (i == 0 || d->t[i - 1].kind != TK_WORD || kw(d, i - 1, K_THE) || tx_word(d, i - 1, "un") ||
                tx_word(d, i - 1, "du") || tx_word(d, i - 1, "au") || kw(d, i - 1, K_THIS) || kw(d, i - 1, K_CES) ||
                tx_word(d, i - 1, "des") || (i + 1 < d->n && (d->t[i + 1].flags & TF_CAP)))
                return 0;
            tx_lit(s, QP_TIMEX_SET, every[v - 6]);
            return i + 1;
        }
        if (v == 10) {
            tx_lit(s, QP_TIMEX_TIME, "TNI");
            return i + 1;
        }
        if (tx_word(d, i, "present") && !(i > 0 && is_at(d, i - 1)))
            return 0;
        tx_lit(s, QP_TIMEX_TIME, refs[v]);
        return i + 1;
    }
    if (kw(d, i, K_IN) && kw(d, i + 1, K_THIS) && tx_word(d, i + 2, "moment")) {
        tx_lit(s, QP_TIMEX_TIME, "PRESENT_REF");
        return i + 3;
    }
    return 0;
}

/* [le] 3/11[/2017], 2017-11-03 */
static size_t r_numdate(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i);
    const tx_tok *t = d->t;
    if (j + 2 >= d->n || t[j].kind != TK_NUM)
        return 0;
    char sep = t[j + 1].f[0];
    if (t[j + 1].kind != TK_PUNCT || (sep != '/' && sep != '.' && sep != '-') || !(t[j + 1].flags & TF_GLUED) ||
        t[j + 2].kind != TK_NUM || !(t[j + 2].flags & TF_GLUED))
        return 0;
    int a = t[j].val, b = t[j + 2].val;
    if (t[j].flen == 4 && sep == '-') {   /* ISO */
        if (j + 4 >= d->n || t[j + 3].f[0] != '-' || !(t[j + 3].flags & TF_GLUED) || t[j + 4].kind != TK_NUM ||
            !(t[j + 4].flags & TF_GLUED) || !tx_valid_day(a, b, t[j + 4].val))
            return 0;
        tx_abs(s, G_DAY, a, b, t[j + 4].val);
        return j + 5;
    }
    if (t[j].flen > 2 || t[j + 2].flen > 2 || sep == '-')
        return 0;
    int y = -1;
    size_t k = j + 3;
    if (k + 1 < d->n && t[k].kind == TK_PUNCT && t[k].f[0] == sep && (t[k].flags & TF_GLUED) &&
        t[k + 1].kind == TK_NUM && (t[k + 1].flags & TF_GLUED) && (t[k + 1].flen == 4 || t[k + 1].flen == 2)) {
        y = t[k + 1].val;
        if (t[k + 1].flen == 2)
            y += y < 40 ? 2000 : 1900;
        k += 2;
    } else if (sep == '.') {
        return 0;   /* 3.11 is a number */
    }
    if (!tx_valid_day(y, b, a))
        return 0;
    tx_abs(s, G_DAY, y, b, a);
    return k;
}

/* [le] premier trimestre [2017] */
static size_t r_quarter(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = det(d, i);
    int q;
    if (tx_is(d, j, C_ORD, -1))
        q = d->t[j].val, j++;
    else if (j + 1 < d->n && d->t[j].kind == TK_NUM && d->t[j].flen == 1 && (d->t[j + 1].flags & TF_GLUED) &&
             (tx_word(d, j + 1, "er") || tx_word(d, j + 1, "e") || tx_word(d, j + 1, "eme")))
        q = d->t[j].val, j += 2;
    else
        return 0;
    int g = tx_is(d, j, C_UNIT, U_QUARTER) ? G_QUARTER : tx_is(d, j, C_UNIT, U_SEMESTER) ? G_HALF : 0;
    if (!g || q < 1 || q > (g == G_QUARTER ? 4 : 2))
        return 0;
    int y;
    j++;
    if (tx_year4(d, j, &y)) {
        tx_abs(s, g, y, q, 0);
        return j + 1;
    }
    tx_abs(s, g, -1, q, 0);
    return j;
}

/* [la] fin|début|mi|milieu|courant [de|du|d'] before a month, year, season, unit, century */
static size_t mod_prefix(const tx_doc *d, size_t i)
{
    size_t j = det(d, i);
    if (kw(d, j, K_START) || kw(d, j, K_END) || kw(d, j, K_MIDDLE) || kw(d, j, K_COURANT))
        j++;
    else if (kw(d, j, K_MID) && j + 1 < d->n && d->t[j + 1].f[0] == '-')
        return j + 2;
    else
        return i;
    size_t k = of(d, j);
    return k;
}

int tx_fr_match(const tx_doc *d, size_t i, tx_match *m)
{
    tx_spec s;
    size_t best = 0, e;
    memset(m, 0, sizeof *m);
#define TRY(call)                          \
    do {                                   \
        if ((e = (call)) > best) {         \
            best = e;                      \
            m->s = s;                      \
        }                                  \
    } while (0)
    size_t j = mod_prefix(d, i);
    if (j != i) {
        TRY(r_month(d, j, &s, 1));
        TRY(r_year(d, j, &s, 1));
        TRY(r_unitrel(d, j, &s, 1));
        TRY(r_season(d, j, &s));
        TRY(r_century(d, j, &s));
        TRY(r_decade(d, j, &s));
        TRY(r_date(d, j, &s));
        if (best) {
            m->a = i, m->b = best;
            return 1;
        }
    }
    TRY(r_time(d, i, &s));
    TRY(r_date(d, i, &s));
    TRY(r_month(d, i, &s, 0));
    TRY(r_year(d, i, &s, 0));
    TRY(r_decade(d, i, &s));
    TRY(r_century(d, i, &s));
    TRY(r_relday(d, i, &s));
    TRY(r_dow(d, i, &s));
    TRY(r_unitrel(d, i, &s, 0));
    TRY(r_ago(d, i, &s));
    TRY(r_duration(d, i, &s));
    TRY(r_tod(d, i, &s));
    TRY(r_set(d, i, &s));
    TRY(r_season(d, i, &s));
    TRY(r_ref(d, i, &s));
    TRY(r_numdate(d, i, &s));
    TRY(r_quarter(d, i, &s));
    TRY(r_anchorday(d, i, &s));
#undef TRY
    /* "par semestre": a set whose span is the unit alone */
    if (!best && kw(d, i, K_PER) && tx_is(d, i + 1, C_UNIT, -1) && !(d->t[i + 1].flags & TF_PLURAL) &&
        (d->t[i + 1].val == U_SEMESTER || d->t[i + 1].val == U_QUARTER || d->t[i + 1].val == U_YEAR ||
         d->t[i + 1].val == U_DAY || d->t[i + 1].val == U_WEEK) && !tx_word(d, i + 1, "annee")) {
        tx_duration_lit(&m->s, 1, d->t[i + 1].val, 0);
        m->s.type = QP_TIMEX_SET;
        m->a = i + 1, m->b = i + 2;
        return 1;
    }
    if (!best)
        return 0;
    m->a = i, m->b = best;
    return 1;
}
