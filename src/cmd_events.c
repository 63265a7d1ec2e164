/* cmd_events.c — placeholder until `quipu events` lands. */
#include "cli.h"

int cmd_events(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
