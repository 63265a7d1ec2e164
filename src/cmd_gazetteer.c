/* cmd_gazetteer.c — placeholder until `quipu gazetteer` lands: says so instead of pretending. */
#include "cli.h"

int cmd_gazetteer(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
