/* cli_progress.h — what a terminal user sees while a command works: "quipu timeline: merging the reports… 2.3 s" once it has run a second. */
#ifndef QP_CLI_PROGRESS_H
#define QP_CLI_PROGRESS_H

/* Starts showing progress for command cmd when standard error is a terminal (and standard
 * output is not the same terminal unless quiet_stdout: a table printed there is progress
 * enough). Nothing shows before a second has passed ($QUIPU_PROGRESS_AFTER seconds, for tests).
 * One line, rewritten in place a few times a second, from a thread of its own. */
void cli_progress_begin(const char *cmd, int stdout_quiet);
/* The stage shown from now on (a string that outlives the command: a literal). */
void cli_progress_stage(const char *stage);
/* For the libraries' callbacks: stage is the stage, ud unused. */
void cli_progress_cb(const char *stage, void *ud);
/* Stops and wipes the line; safe when nothing began. */
void cli_progress_end(void);

#endif
