/* cmd_documents.c — placeholder until `quipu documents` lands. */
#include "cli.h"

int cmd_documents(int argc, char **argv)
{
    (void)argc;
    cli_error(argv[0], "not available yet in this build");
    return QP_EXIT_FAILURE;
}
