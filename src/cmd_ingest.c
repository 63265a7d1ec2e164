/* cmd_ingest.c — placeholder until `quipu ingest` lands. */
#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
