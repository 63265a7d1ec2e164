/* timex_fr_lex.c — the French time words and the small pattern pieces the French rules share. */
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
    {"noel", C_HOLIDAY, 0, 1225}, {"paques", C_HOLIDAY, 0, HD_EASTER}, {"toussaint", C_HOLIDAY, 0, 1101},
    {"pentecote", C_HOLIDAY, 0, HD_PENTECOST}, {"saint-sylvestre", C_HOLIDAY, 0, 1231},
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

/* "à" (accented: the verb "a" does not introduce times) */
int tx_fr_at(const tx_doc *d, size_t i)
{
    return tx_kw(d, i, K_A) && (d->t[i].flags & TF_ACCENT);
}

/* le, la, les, l' → the index after it */
size_t tx_fr_det(const tx_doc *d, size_t i)
{
    if (tx_word(d, i, "l"))
        return tx_apos(d, i + 1) ? i + 2 : i;
    if (tx_word(d, i, "le") || tx_word(d, i, "la") || tx_word(d, i, "les"))
        return i + 1;
    return i;
}

/* de, du, d', des → the index after it */
size_t tx_fr_of(const tx_doc *d, size_t i)
{
    if (tx_word(d, i, "d"))
        return tx_apos(d, i + 1) ? i + 2 : i;
    if (tx_word(d, i, "de") || tx_word(d, i, "du") || tx_word(d, i, "des"))
        return i + 1;
    return i;
}

/* A year after a month may have two digits: "octobre 98". */
int tx_fr_year_after_month(const tx_doc *d, size_t i, int *y)
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
int tx_fr_day(const tx_doc *d, size_t i, int *day, size_t *next)
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

int tx_fr_last_next(const tx_doc *d, size_t i)
{
    if (tx_kw(d, i, K_LAST))
        return -1;
    if (tx_kw(d, i, K_NEXT))
        return 1;
    return 0;
}

/* matin, soir, après-midi, nuit after a day: the TIMEX3 part of day, or NULL */
const char *tx_fr_part_of_day(const tx_doc *d, size_t i)
{
    if (tx_kw(d, i, K_MORNING)) return "MO";
    if (tx_kw(d, i, K_EVENING)) return "EV";
    if (tx_kw(d, i, K_AFTERNOON)) return "AF";
    if (tx_kw(d, i, K_NIGHT)) return "NI";
    return NULL;
}

/* A clock time at i: "21 h 45", "18h30", "10 heures", "14:30"; writes "HH:MM". */
int tx_fr_clock(const tx_doc *d, size_t i, size_t *next, char tod[8], int need_cue)
{
    if (i >= d->n || d->t[i].kind != TK_NUM || d->t[i].flen > 2 || d->t[i].val > 24)
        return 0;
    int h = d->t[i].val, mi = 0;
    size_t j = i + 1;
    if (tx_kw(d, j, K_H) || (tx_is(d, j, C_UNIT, U_HOUR) && !need_cue)) {
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
int tx_fr_clock_cue(const tx_doc *d, size_t i)
{
    if (i == 0)
        return 0;
    const tx_tok *p = &d->t[i - 1];
    return tx_fr_at(d, i - 1) || tx_kw(d, i - 1, K_ABOUT) || (tx_word(d, i - 1, "des") && (p->flags & TF_ACCENT)) ||
           tx_word(d, i - 1, "avant") || tx_word(d, i - 1, "apres") || tx_word(d, i - 1, "jusqu");
}
