#ifndef BIANMIN_TUI_APP_H
#define BIANMIN_TUI_APP_H
/* The terminal UI.  `db_path` is the resolved database; with `demo` the
 * caller has already filled a temporary database.  Returns the exit
 * status. */
#include <stdbool.h>
int tui_main(const char *db_path, bool demo);
#endif
