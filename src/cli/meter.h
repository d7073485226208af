#ifndef BIANMIN_CLI_METER_H
#define BIANMIN_CLI_METER_H
/* The progress line of long commands (import, export, backup, check) and
 * what an interrupt leaves behind.
 *
 * While standard error is a terminal, core's progress (progress.h) is drawn
 * there on one line, "导入 120,000 行  每秒 95,000 行", redrawn at most ten
 * times a second and wiped when the work ends: scripts and logs see
 * nothing of it.  Ctrl-C (and SIGTERM, SIGHUP) removes the one file being
 * written, if any, then ends the program as the signal would. */

#include <stdbool.h>

/* `data_on_stdout`: the command writes its data to standard output (an
 * export without -o); on a terminal the line would then cut into it. */
void meter_start(bool data_on_stdout);
void meter_end(void);

/* The file an interrupt must remove (a temporary file, a new backup);
 * NULL when there is none any more.  The string must stay valid. */
void meter_guard_file(const char *path);

#endif
