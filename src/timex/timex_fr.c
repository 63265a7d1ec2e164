/* timex_fr.c — French time expression rules, following the French TimeBank's span conventions
 * (determiners and "vers"/"environ" inside the span, prepositions en/depuis/pendant outside). */
#include <stdio.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

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
    size_t j = tx_fr_det(d, i);
    if (tx_kw(d, j, K_THIS))
        j++;
    int dow = 0;
    if (tx_is(d, j, C_DOW, -1) && !(d->t[j].flags & TF_PLURAL))
        dow = d->t[j].val, j++;
    int day, y, m;
    size_t k;
    if (!tx_fr_day(d, j, &day, &k))
        return 0;
    /* "les 6 et 13 avril", "du 6 au 8 juin": the first day borrows the month of the second */
    if ((tx_kw(d, k, K_ET) || tx_word(d, k, "au")) && k + 2 < d->n && d->t[k + 1].kind == TK_NUM &&
        tx_is(d, k + 2, C_MONTH, -1) && d->t[k + 1].val <= 31 && d->t[k + 1].val > day) {
        m = d->t[k + 2].val;
        int yy = -1;
        tx_year4(d, k + 3, &yy);
        if (!tx_valid_day(yy, m, day))
            return 0;
        tx_abs(s, G_DAY, yy, m, day);
        return k;
    }
    if (k + 1 < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == '-' && (d->t[k].flags & TF_GLUED) &&
        (d->t[k + 1].flags & TF_GLUED) && tx_is(d, k + 1, C_MONTH, -1))
        k++;   /* "le 11-Novembre", the day's name */
    if (!tx_is(d, k, C_MONTH, -1) || (d->t[k].flags & TF_MI))
        return 0;
    m = d->t[k].val;
    k++;
    if (k < d->n && d->t[k].kind == TK_PUNCT && d->t[k].f[0] == '.' && (d->t[k].flags & TF_GLUED) &&
        is_abbrev(&d->t[k - 1]))
        k++;   /* "nov." */
    if (tx_fr_year_after_month(d, k, &y)) {
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
    if ((s->dir = (int8_t)tx_fr_last_next(d, k)) != 0)
        k++;
    return k;
}

/* [le] [mois de] [mi-]novembre [2017] [dernier] */
static size_t r_month(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = tx_fr_det(d, i);
    if (j == i && tx_kw(d, i, K_THIS) && tx_is(d, i + 1, C_UNIT, U_MONTH))
        j = i + 1;   /* ce mois de novembre */
    if (tx_is(d, j, C_UNIT, U_MONTH) && !tx_word(d, j, "mois-ci")) {
        size_t k = tx_fr_of(d, j + 1);
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
    if (tx_fr_year_after_month(d, k, &y) && (d->t[k].flen == 4 || !(k + 1 < d->n && tx_is(d, k + 1, C_UNIT, -1)))) {
        tx_abs(s, G_MONTH, y, m, 0);
        return k + 1;
    }
    tx_abs(s, G_MONTH, -1, m, 0);
    if ((s->dir = (int8_t)tx_fr_last_next(d, k)) != 0)
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
    size_t j = tx_fr_det(d, i);
    int y, intro = 0;
    if (j != i && (tx_is(d, j, C_UNIT, U_YEAR)) && !(d->t[j].flags & TF_PLURAL))
        j++, intro = 1;
    else if (j != i && !after_mod)
        return 0;
    if (!tx_year4(d, j, &y))
        return 0;
    if (!intro && !after_mod) {
        int cue = j > 0 && (tx_kw(d, j - 1, K_IN) || tx_kw(d, j - 1, K_SINCE) || tx_word(d, j - 1, "de") ||
                            tx_word(d, j - 1, "des") || tx_kw(d, j - 1, K_ABOUT) || tx_word(d, j - 1, "avant") ||
                            tx_word(d, j - 1, "apres") || tx_kw(d, j - 1, K_AT));
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
    size_t j = tx_fr_det(d, i);
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
    size_t j = tx_fr_det(d, i), k;
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
    if (off == 0 && (d->t[i].flags & TF_SENT) && i + 1 < d->n && d->t[i + 1].kind == TK_PUNCT &&
        d->t[i + 1].f[0] == ',') {
        /* "Aujourd'hui, la ville a changé": nowadays, not the day of the article */
        tx_lit(s, QP_TIMEX_TIME, "PRESENT_REF");
        return i + 1;
    }
    tx_rel(s, G_DAY, off);
    size_t j = i + 1;
    if (off == 0 && tx_is(d, j, C_DOW, -1))
        j++;
    const char *pod = tx_fr_part_of_day(d, j);
    if (pod) {
        tx_set_tod(s, pod);
        j++;
    }
    char tod[8];
    size_t k;
    if (tx_fr_at(d, j) && tx_fr_clock(d, j + 1, &k, tod, 0)) {
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
    if (tx_kw(d, j, K_THE) && tx_kw(d, j + 1, K_NIGHT) && (tx_word(d, j + 2, "de") || tx_word(d, j + 2, "du")) &&
        tx_is(d, j + 3, C_DOW, -1)) {
        pod = "NI";
        j += 3;
    } else if (tx_kw(d, j, K_THIS)) {
        j++;
        if (tx_kw(d, j, K_SAME))
            j++;
    } else if (tx_word(d, j, "le") && tx_is(d, j + 1, C_DOW, -1) && !(d->t[j + 1].flags & TF_CAP) &&
               !tx_fr_day(d, j + 2, &(int){0}, &(size_t){0}) &&
               !tx_fr_last_next(d, j + 2) && !tx_fr_part_of_day(d, j + 2)) {
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
        if ((tx_fr_at(d, j) || tx_word(d, j, "au")) && tx_is(d, j + 1, C_DOW, -1))
            j += 2;
        tx_set_tod(s, pod);
        return j;
    }
    if ((s->dir = (int8_t)tx_fr_last_next(d, j)) != 0)
        j++;
    if ((pod = tx_fr_part_of_day(d, j)) != NULL) {
        tx_set_tod(s, pod);
        j++;
    } else if (tx_word(d, j, "dans") && tx_kw(d, j + 1, K_THE) && tx_word(d, j + 2, "journee")) {
        tx_set_tod(s, "DT");
        j += 3;
    }
    return j;
}

/* cette semaine, la semaine dernière, l'an prochain, le mois en cours, (fin du) mois */
static size_t r_unitrel(const tx_doc *d, size_t i, tx_spec *s, int after_mod)
{
    size_t j = tx_fr_det(d, i);
    int this_ = 0;
    if (j == i && tx_kw(d, i, K_THIS))
        j++, this_ = 1;
    if (!tx_is(d, j, C_UNIT, -1) || (d->t[j].flags & TF_PLURAL && !tx_word(d, j, "mois")))
        return 0;
    int g = tx_unit_grain(d->t[j].val);
    if (g == G_NONE || g == G_DAY)
        return 0;
    size_t k = j + 1;
    int off;
    int ln = tx_fr_last_next(d, k);
    if (ln) {
        off = ln;
        k++;
    } else if (tx_kw(d, k, K_IN) && tx_word(d, k + 1, "cours")) {
        off = 0;
        k += 2;
    } else if (this_ || after_mod || (g == G_WEEKEND && j > i)) {
        off = 0;   /* "le week-end" alone: the nearest, the tense says which side */
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
    if (!tx_kw(d, i, K_IL) || !tx_kw(d, i + 1, K_Y) || !tx_kw(d, i + 2, K_A))
        return 0;
    size_t j = i + 3, k;
    double n;
    int approx;
    if (tx_kw(d, j, K_SEVERAL)) {
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
    if (i > 0 && tx_fr_at(d, i - 1) && d->t[i].kind == TK_NUM)
        return 1;   /* "mort à 84 ans" */
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
    else if (tx_word(d, j, "pres") && tx_fr_of(d, j + 1) > j + 1)
        j = tx_fr_of(d, j + 1);
    if ((tx_kw(d, j, K_CES) || tx_word(d, j, "les"))) {
        /* ces derniers jours, les trois dernières années, les dix prochaines années */
        size_t q = j + 1;
        int have = tx_number(d, q, &k, &n, &approx);
        if (have)
            q = k;
        else
            approx = 1;
        if (!(tx_kw(d, q, K_DERNIERS) || (tx_kw(d, q, K_NEXT) && (d->t[q].flags & TF_PLURAL))))
            return 0;
        q++;
        if (!tx_is(d, q, C_UNIT, -1) || !tx_duration_lit(s, n, d->t[q].val, approx))
            return 0;
        return q + 1;
    }
    if (tx_kw(d, j, K_SEVERAL)) {
        approx = 1;
        k = j + 1;
        if (tx_word(d, j, "des") && (!tx_is(d, k, C_UNIT, -1) || d->t[k].val <= U_HOUR))
            return 0;   /* "des heures scolaires" */
        if (tx_is(d, k, C_UNIT, -1) && !(d->t[k].flags & TF_PLURAL))
            return 0;
    } else if (tx_number(d, j, &k, &n, &approx)) {
        if (tx_is(d, j, C_NUMW, 1) && k == j + 1 && tx_word(d, k, "jour"))
            return 0;   /* "un jour": some day */
        if (tx_is(d, j, C_NUMW, 1) && k == j + 1 && tx_word(d, k, "seconde") && k + 1 < d->n &&
            d->t[k + 1].kind == TK_WORD && d->t[k + 1].cls == C_NONE && !tx_word(d, k + 1, "plus") &&
            !tx_word(d, k + 1, "apres") && !tx_word(d, k + 1, "avant") && !tx_word(d, k + 1, "pres"))
            return 0;   /* "une seconde fois", "une seconde guerre": the ordinal */
        if (tx_kw(d, k, K_QUARTER_OF) && tx_word(d, k + 1, "de"))
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
    if (tx_kw(d, j, K_NOON) || tx_kw(d, j, K_MIDNIGHT)) {
        if (j == i && !(tx_fr_clock_cue(d, j) || (j > 0 && tx_kw(d, j - 1, K_THIS))))
            return 0;
        if (vers && !(d->t[i].flags & TF_SENT))
            return 0;
        memset(s, 0, sizeof *s);
        s->kind = X_ANCHOR;
        tx_set_tod(s, tx_kw(d, j, K_NOON) ? "12:00" : "24:00");
        return j + 1;
    }
    if (!tx_fr_clock(d, j, &k, tod, !(j > i || tx_fr_clock_cue(d, j))))
        return 0;
    memset(s, 0, sizeof *s);
    s->kind = X_ANCHOR;
    tx_set_tod(s, tod);
    int longer = 1;
    if (tx_word(d, k, "du") && (tx_kw(d, k + 1, K_MORNING) || tx_kw(d, k + 1, K_EVENING))) {
        int h = (tod[0] - '0') * 10 + tod[1] - '0';
        if (tx_kw(d, k + 1, K_EVENING) && h < 12) {   /* 8 heures du soir: 20:00 */
            h += 12;
            tod[0] = (char)('0' + h / 10), tod[1] = (char)('0' + h % 10);
            tx_set_tod(s, tod);
        }
        k += 2;
    } else if (tx_kw(d, k, K_LOCAL))
        k++;
    else if (tx_word(d, k, "heure") && tx_kw(d, k + 1, K_LOCAL))
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
    if (i > 0 && tx_kw(d, i - 1, K_IN) && (tx_word(d, i, "soiree") || tx_word(d, i, "matinee"))) {
        memset(s, 0, sizeof *s);   /* "en soirée" */
        s->kind = X_ANCHOR;
        s->grain = G_DAY;
        tx_set_tod(s, tx_fr_part_of_day(d, i));
        return i + 1;
    }
    int this_ = tx_kw(d, i, K_THIS);
    if (!this_ && !tx_word(d, i, "la") && !tx_word(d, i, "le") && !(tx_word(d, i, "l") && tx_apos(d, i + 1)))
        return 0;
    size_t j = i + (tx_word(d, i, "l") ? 2 : 1);
    const char *pod = tx_fr_part_of_day(d, j);
    if (!pod)
        return 0;
    memset(s, 0, sizeof *s);
    s->kind = this_ ? X_REL : X_ANCHOR;
    s->grain = G_DAY;
    tx_set_tod(s, pod);
    j++;
    if (tx_kw(d, j, K_SAME))
        j++;
    /* "la nuit du 3 au 4 mai": the night starts on the first date */
    size_t k;
    if (!this_ && (tx_word(d, j, "du") || tx_word(d, j, "de")) && (k = r_date(d, j + 1, s)) != 0) {
        tx_set_tod(s, pod);
        int day;
        size_t q;
        if (tx_word(d, k, "au") && tx_fr_day(d, k + 1, &day, &q) && tx_is(d, q, C_MONTH, -1)) {
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
    if (tx_kw(d, j, K_EACH)) {
        j++;
    } else if (tx_kw(d, j, K_ALL) && tx_word(d, j + 1, "les")) {
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
    if (tx_kw(d, j, K_MORNING) || tx_kw(d, j, K_EVENING) || tx_kw(d, j, K_NIGHT)) {
        tx_lit(s, QP_TIMEX_SET, tx_kw(d, j, K_MORNING) ? "TMO" : tx_kw(d, j, K_EVENING) ? "TEV" : "TNI");
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
    size_t j = tx_fr_det(d, i);
    int this_ = 0;
    if (j == i && tx_kw(d, i, K_THIS))
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
    int paired = i > 1 && tx_word(d, i - 1, "comme") && tx_is(d, i - 2, C_SEASON, -1);   /* été comme hiver */
    if (j == i && !(i > 0 && (tx_kw(d, i - 1, K_IN) || tx_kw(d, i - 1, K_AT))) &&
        !((d->t[i].flags & TF_SENT) && (d->t[i].flags & TF_CAP)) && !paired)
        return 0;
    size_t k = j + 1;
    int y0;
    /* at a sentence start, "Eté comme hiver", "Printemps 2016"; "Printemps annonce la
     * fermeture de sept magasins" is the store */
    if (j == i && !(i > 0 && (tx_kw(d, i - 1, K_IN) || tx_kw(d, i - 1, K_AT))) && k < d->n &&
        d->t[k].kind == TK_WORD && !tx_word(d, k, "comme") && !tx_kw(d, k, K_ET) && !tx_word(d, k, "ou") &&
        !tx_fr_last_next(d, k) && !tx_year4(d, k, &y0))
        return 0;
    if (tx_year4(d, k, &y)) {
        tx_abs(s, G_SEASON, y, se, 0);
        return k + 1;
    }
    int ln = tx_fr_last_next(d, k);
    if (ln) {
        tx_abs(s, G_SEASON, -1, se, 0);
        s->dir = (int8_t)ln;
        return k + 1;
    }
    if (!months_of && (this_ || j != i || (i > 0 && tx_kw(d, i - 1, K_AT)))) {
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
            if (i == 0 || d->t[i - 1].kind != TK_WORD || tx_kw(d, i - 1, K_THE) || tx_word(d, i - 1, "un") ||
                tx_word(d, i - 1, "du") || tx_word(d, i - 1, "au") || tx_kw(d, i - 1, K_THIS) || tx_kw(d, i - 1, K_CES) ||
                tx_word(d, i - 1, "des") || (i + 1 < d->n && (d->t[i + 1].flags & TF_CAP)))
                return 0;
            /* "de quotidiens", "les principaux quotidiens", "la presse quotidienne": newspapers */
            const tx_tok *p = &d->t[i - 1];
            if (tx_word(d, i - 1, "de") || tx_word(d, i - 1, "presse") ||
                (p->flen > 3 && !memcmp(p->f + p->flen - 3, "aux", 3)))
                return 0;
            tx_lit(s, QP_TIMEX_SET, every[v - 6]);
            return i + 1;
        }
        if (v == 10) {
            tx_lit(s, QP_TIMEX_TIME, "TNI");
            return i + 1;
        }
        if (tx_word(d, i, "present") && !(i > 0 && tx_fr_at(d, i - 1)))
            return 0;
        /* "l'actuel ministre" names who holds the post, not a time (the French TimeBank leaves
         * it untagged); "la Syrie actuelle" is the country as it is now */
        if (!strncmp(d->t[i].f, "actuel", 6) && i > 0 && (tx_kw(d, i - 1, K_THE) || tx_apos(d, i - 1)))
            return 0;
        tx_lit(s, QP_TIMEX_TIME, refs[v]);
        return i + 1;
    }
    if (tx_kw(d, i, K_IN) && tx_kw(d, i + 1, K_THIS) && tx_word(d, i + 2, "moment")) {
        tx_lit(s, QP_TIMEX_TIME, "PRESENT_REF");
        return i + 3;
    }
    return 0;
}

/* [le] 3/11[/2017], 2017-11-03 */
static size_t r_numdate(const tx_doc *d, size_t i, tx_spec *s)
{
    size_t j = tx_fr_det(d, i);
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
    size_t j = tx_fr_det(d, i);
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
    size_t j = tx_fr_det(d, i);
    if (tx_kw(d, j, K_START) || tx_kw(d, j, K_END) || tx_kw(d, j, K_MIDDLE) || tx_kw(d, j, K_COURANT))
        j++;
    else if (tx_kw(d, j, K_MID) && j + 1 < d->n && d->t[j + 1].f[0] == '-')
        return j + 2;
    else
        return i;
    size_t k = tx_fr_of(d, j);
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
        if (!best && tx_fr_part_of_day(d, j) && !tx_kw(d, j, K_NIGHT)) {
            /* "en fin d'après-midi", "en début de soirée" */
            memset(&m->s, 0, sizeof m->s);
            m->s.kind = X_ANCHOR;
            m->s.grain = G_DAY;
            tx_set_tod(&m->s, tx_fr_part_of_day(d, j));
            best = j + 1;
        }
        if (best) {
            m->a = i, m->b = best;
            return 1;
        }
    }
    TRY(tx_fr_narrative(d, i, &s));   /* first: "cette année-là" is no "cette année" */
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
    TRY(tx_fr_holiday(d, i, &s));

#undef TRY
    /* "par semestre": a set whose span is the unit alone */
    if (!best && tx_kw(d, i, K_PER) && tx_is(d, i + 1, C_UNIT, -1) && !(d->t[i + 1].flags & TF_PLURAL) &&
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
