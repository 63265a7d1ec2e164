/* cmd_timeline.c — placeholder until `quipu timeline` lands: says so instead of pretending. */
#include "cli.h"

int cmd_timeline(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
