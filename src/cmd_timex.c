/* cmd_timex.c — placeholder until `quipu timex` lands: says so instead of pretending. */
#include "cli.h"

int cmd_timex(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
