#ifndef BIANMIN_TUI_LINES_H
#define BIANMIN_TUI_LINES_H
/* How rules are drawn (`lines = auto|unicode|ascii` in the configuration,
 * `--lines`): ncurses' line drawing, Unicode box characters, or - and |.
 * auto uses ncurses' line drawing except where the terminal is known to
 * show its DEC graphics as letters in UTF-8 mode (qqqq for a rule). */

#include <stdbool.h>

enum lines_mode { LINES_AUTO, LINES_UNICODE, LINES_ASCII };

bool lines_parse(const char *s, enum lines_mode *out);
void lines_set(enum lines_mode m);
/* After newterm(): settles what auto means on this terminal. */
void lines_start(void);
/* What rules are drawn with now (never LINES_AUTO after lines_start):
 * LINES_AUTO before it, for tests. */
enum lines_mode lines_mode_now(void);
/* A horizontal / vertical rule at the screen's (y, x), n cells long. */
void lines_hline(int y, int x, int n);
void lines_vline(int y, int x, int n);

#endif
