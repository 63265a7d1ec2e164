/* timex_en_lex.c — English time words and their classes, and the small pieces of pattern the
 * English rule files share. */
#include <pthread.h>
#include <string.h>

#include "qp.h"
#include "timex_int.h"

#define P TF_PLURAL
static const tx_entry en_words[] = {
    {"january", C_MONTH, 0, 1}, {"february", C_MONTH, 0, 2}, {"march", C_MONTH, 0, 3},
    {"april", C_MONTH, 0, 4}, {"may", C_MONTH, 0, 5}, {"june", C_MONTH, 0, 6}, {"july", C_MONTH, 0, 7},
    {"august", C_MONTH, 0, 8}, {"september", C_MONTH, 0, 9}, {"october", C_MONTH, 0, 10},
    {"november", C_MONTH, 0, 11}, {"december", C_MONTH, 0, 12}, {"jan", C_MONTH, 0, 1},
    {"feb", C_MONTH, 0, 2}, {"mar", C_MONTH, 0, 3}, {"apr", C_MONTH, 0, 4}, {"jun", C_MONTH, 0, 6},
    {"jul", C_MONTH, 0, 7}, {"aug", C_MONTH, 0, 8}, {"sep", C_MONTH, 0, 9}, {"sept", C_MONTH, 0, 9},
    {"oct", C_MONTH, 0, 10}, {"nov", C_MONTH, 0, 11}, {"dec", C_MONTH, 0, 12},
    {"monday", C_DOW, 0, 1}, {"tuesday", C_DOW, 0, 2}, {"wednesday", C_DOW, 0, 3},
    {"thursday", C_DOW, 0, 4}, {"friday", C_DOW, 0, 5}, {"saturday", C_DOW, 0, 6}, {"sunday", C_DOW, 0, 7},
    {"mondays", C_DOW, P, 1}, {"tuesdays", C_DOW, P, 2}, {"wednesdays", C_DOW, P, 3},
    {"thursdays", C_DOW, P, 4}, {"fridays", C_DOW, P, 5}, {"saturdays", C_DOW, P, 6}, {"sundays", C_DOW, P, 7},
    {"one", C_NUMW, 0, 1}, {"two", C_NUMW, 0, 2}, {"three", C_NUMW, 0, 3}, {"four", C_NUMW, 0, 4},
    {"five", C_NUMW, 0, 5}, {"six", C_NUMW, 0, 6}, {"seven", C_NUMW, 0, 7}, {"eight", C_NUMW, 0, 8},
    {"nine", C_NUMW, 0, 9}, {"ten", C_NUMW, 0, 10}, {"eleven", C_NUMW, 0, 11}, {"twelve", C_NUMW, 0, 12},
    {"thirteen", C_NUMW, 0, 13}, {"fourteen", C_NUMW, 0, 14}, {"fifteen", C_NUMW, 0, 15},
    {"sixteen", C_NUMW, 0, 16}, {"seventeen", C_NUMW, 0, 17}, {"eighteen", C_NUMW, 0, 18},
    {"nineteen", C_NUMW, 0, 19}, {"twenty", C_NUMW, 0, 20}, {"thirty", C_NUMW, 0, 30},
    {"forty", C_NUMW, 0, 40}, {"fifty", C_NUMW, 0, 50}, {"sixty", C_NUMW, 0, 60}, {"seventy", C_NUMW, 0, 70},
    {"eighty", C_NUMW, 0, 80}, {"ninety", C_NUMW, 0, 90}, {"hundred", C_NUMW, 0, 100},
    {"thousand", C_NUMW, 0, 1000},
    {"first", C_ORD, 0, 1}, {"second", C_ORD, 0, 2}, {"third", C_ORD, 0, 3}, {"fourth", C_ORD, 0, 4},
    {"fifth", C_ORD, 0, 5}, {"nineteenth", C_ORD, 0, 19}, {"twentieth", C_ORD, 0, 20},
    {"eighteenth", C_ORD, 0, 18}, {"seventeenth", C_ORD, 0, 17}, {"sixteenth", C_ORD, 0, 16},
    {"twenty-first", C_ORD, 0, 21},
    {"seconds", C_UNIT, P, U_SEC}, {"minute", C_UNIT, 0, U_MIN}, {"minutes", C_UNIT, P, U_MIN},
    {"hour", C_UNIT, 0, U_HOUR}, {"hours", C_UNIT, P, U_HOUR}, {"day", C_UNIT, 0, U_DAY},
    {"days", C_UNIT, P, U_DAY}, {"week", C_UNIT, 0, U_WEEK}, {"weeks", C_UNIT, P, U_WEEK},
    {"weekend", C_UNIT, 0, U_WEEKEND}, {"weekends", C_UNIT, P, U_WEEKEND}, {"week-end", C_UNIT, 0, U_WEEKEND},
    {"month", C_UNIT, 0, U_MONTH}, {"months", C_UNIT, P, U_MONTH}, {"quarter", C_UNIT, 0, U_QUARTER},
    {"quarters", C_UNIT, P, U_QUARTER}, {"year", C_UNIT, 0, U_YEAR}, {"years", C_UNIT, P, U_YEAR},
    {"decade", C_UNIT, 0, U_DECADE}, {"decades", C_UNIT, P, U_DECADE}, {"century", C_UNIT, 0, U_CENTURY},
    {"centuries", C_UNIT, P, U_CENTURY}, {"millennium", C_UNIT, 0, U_MILLENNIUM},
    {"spring", C_SEASON, 0, 1}, {"summer", C_SEASON, 0, 2}, {"autumn", C_SEASON, 0, 3},
    {"fall", C_SEASON, 0, 3}, {"winter", C_SEASON, 0, 4},
    {"yesterday", C_KW, 0, K_YESTERDAY}, {"tomorrow", C_KW, 0, K_TOMORROW}, {"today", C_KW, 0, K_TODAY},
    {"tonight", C_KW, 0, K_TONIGHT}, {"last", C_KW, 0, K_LAST}, {"past", C_KW, 0, K_LAST},
    {"previous", C_KW, 0, K_LAST}, {"next", C_KW, 0, K_NEXT}, {"coming", C_KW, 0, K_NEXT},
    {"this", C_KW, 0, K_THIS}, {"these", C_KW, P, K_CES}, {"the", C_KW, 0, K_THE},
    {"morning", C_KW, 0, K_MORNING}, {"evening", C_KW, 0, K_EVENING}, {"night", C_KW, 0, K_NIGHT},
    {"afternoon", C_KW, 0, K_AFTERNOON}, {"noon", C_KW, 0, K_NOON}, {"midnight", C_KW, 0, K_MIDNIGHT},
    {"about", C_KW, 0, K_ABOUT}, {"around", C_KW, 0, K_ABOUT}, {"nearly", C_KW, 0, K_ABOUT},
    {"almost", C_KW, 0, K_ABOUT}, {"approximately", C_KW, 0, K_ABOUT},
    {"early", C_KW, 0, K_START}, {"beginning", C_KW, 0, K_START}, {"start", C_KW, 0, K_START},
    {"late", C_KW, 0, K_END}, {"end", C_KW, 0, K_END}, {"mid", C_KW, 0, K_MID}, {"middle", C_KW, 0, K_MIDDLE},
    {"each", C_KW, 0, K_EACH}, {"every", C_KW, 0, K_EACH}, {"several", C_KW, P, K_SEVERAL},
    {"few", C_KW, P, K_SEVERAL}, {"couple", C_KW, P, K_SEVERAL}, {"many", C_KW, P, K_SEVERAL}, {"ago", C_KW, 0, K_AGO},
    {"in", C_KW, 0, K_IN}, {"since", C_KW, 0, K_SINCE}, {"for", C_KW, 0, K_FOR}, {"of", C_KW, 0, K_OF},
    {"same", C_KW, 0, K_SAME}, {"and", C_KW, 0, K_ET}, {"a", C_KW, 0, K_A}, {"an", C_KW, 0, K_A},
    {"at", C_KW, 0, K_AT}, {"earlier", C_KW, 0, K_EARLIER}, {"later", C_KW, 0, K_EARLIER},
    {"am", C_KW, 0, K_AM}, {"pm", C_KW, 0, K_PM}, {"half", C_KW, 0, K_HALF}, {"local", C_KW, 0, K_LOCAL},
    {"until", C_KW, 0, K_TO}, {"by", C_KW, 0, K_TO}, {"before", C_KW, 0, K_TO}, {"after", C_KW, 0, K_TO},
    {"now", C_REF, 0, 0}, {"currently", C_REF, 0, 0}, {"nowadays", C_REF, 0, 0}, {"presently", C_REF, 0, 0},
    {"recently", C_REF, 0, 1}, {"formerly", C_REF, 0, 1},
    {"daily", C_REF, 0, 3}, {"weekly", C_REF, 0, 4}, {"monthly", C_REF, 0, 5}, {"annually", C_REF, 0, 6},
    {"yearly", C_REF, 0, 6}, {"present", C_REF, 0, 7}, {"future", C_REF, 0, 8},
    {"current", C_REF, 0, 0}, {"recent", C_REF, 0, 9},
    {"fiscal", C_KW, 0, K_FISCAL}, {"latest", C_KW, 0, K_LATEST}, {"year-earlier", C_KW, 0, K_YEARAGO},
    {"year-ago", C_KW, 0, K_YEARAGO}, {"that", C_KW, 0, K_THAT}, {"following", C_KW, 0, K_FOLLOWING},
    {"subsequent", C_KW, 0, K_FOLLOWING}, {"sixth", C_ORD, 0, 6}, {"seventh", C_ORD, 0, 7},
    {"eighth", C_ORD, 0, 8}, {"ninth", C_ORD, 0, 9}, {"tenth", C_ORD, 0, 10},
    {"christmas", C_HOLIDAY, 0, 1225}, {"thanksgiving", C_HOLIDAY, 0, HD_THANKSGIVING},
    {"easter", C_HOLIDAY, 0, HD_EASTER}, {"halloween", C_HOLIDAY, 0, 1031},
    {"memorial", C_HOLIDAY, 0, HD_MEMORIAL}, {"labor", C_HOLIDAY, 0, HD_LABOR}, {"labour", C_HOLIDAY, 0, HD_LABOR},
    {"election", C_HOLIDAY, 0, HD_ELECTION}, {"independence", C_HOLIDAY, 0, 704}, {"veterans", C_HOLIDAY, 0, 1111},
};
#undef P

static uint16_t en_table[1024];
static pthread_once_t en_once = PTHREAD_ONCE_INIT;

static void en_build(void)
{
    tx_lex_build(en_words, QP_ARRAY_LEN(en_words), en_table, QP_ARRAY_LEN(en_table));
}

int tx_en_class(const char *f, size_t n, int *val, unsigned *flags)
{
    pthread_once(&en_once, en_build);
    int c = tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), f, n, val, flags);
    if (c || !memchr(f, '-', n))
        return c;
    if (n > 4 && !memcmp(f, "mid-", 4)) {
        c = tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), f + 4, n - 4, val, flags);
        if (c == C_MONTH || c == C_SEASON || c == C_UNIT) {
            *flags |= TF_MI;
            return c;
        }
        return 0;
    }
    /* twenty-five; third-quarter; two-year */
    const char *dash = memchr(f, '-', n);
    int a, b;
    unsigned fa, fb;
    int left = tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), f, (size_t)(dash - f), &a, &fa);
    int right = tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), dash + 1, n - (size_t)(dash - f) - 1, &b, &fb);
    if (left == C_ORD && right == C_UNIT && b == U_QUARTER && a <= 4 && !(fb & TF_PLURAL)) {
        *val = a, *flags = 0;
        return C_QTR;
    }
    if (left == C_NUMW && right == C_UNIT && !(fb & TF_PLURAL) && a > 0 && a < 1000 && b != U_WEEKEND) {
        *val = a * 32 + b, *flags = 0;
        return C_NUNIT;
    }
    if (tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), f, (size_t)(dash - f), &a, &fa) == C_NUMW &&
        tx_lex_find(en_words, en_table, QP_ARRAY_LEN(en_table), dash + 1, n - (size_t)(dash - f) - 1, &b, &fb) == C_NUMW &&
        a >= 20 && a % 10 == 0 && b < 10) {
        *val = a + b;
        *flags = 0;
        return C_NUMW;
    }
    return 0;
}

/* -1 after "last", "previous"; +1 after "next", "coming"; else 0 */
int tx_en_last_next(const tx_doc *d, size_t i)
{
    if (tx_word(d, i, "last") || tx_word(d, i, "previous"))
        return -1;
    if (tx_word(d, i, "next") || tx_word(d, i, "coming"))
        return 1;
    return 0;
}
