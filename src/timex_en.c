/* timex_en.c — English time expression rules. */
#include "timex_int.h"

int tx_en_class(const char *f, size_t n, int *val, unsigned *flags)
{
    (void)f, (void)n, (void)val, (void)flags;
    return 0;
}

int tx_en_match(const tx_doc *d, size_t i, tx_match *m)
{
    (void)d, (void)i, (void)m;
    return 0;
}
