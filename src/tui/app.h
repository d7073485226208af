#ifndef BIANMIN_TUI_APP_H
#define BIANMIN_TUI_APP_H
/* The terminal UI.  `db_path` is the resolved database; with `demo` the
 * caller has already filled a temporary database.  Returns the exit
 * status. */
#include <stdbool.h>
int tui_main(const char *db_path, bool demo);
/* Works as of `date` (YYYY-MM-DD) instead of the clock's today: entries
 * are recorded on that day, and the home screen and tally show it
 * (`bianmin --date D`: catching up on paper forms; also how the screen
 * tests get a fixed day).  Call before tui_main(). */
void tui_set_date(const char *date);
/* How rules are drawn: "auto", "unicode" or "ascii" (`lines =`, --lines);
 * false for anything else.  Call before tui_main(). */
bool tui_set_lines(const char *mode);
#endif
