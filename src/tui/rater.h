#ifndef BIANMIN_TUI_RATER_H
#define BIANMIN_TUI_RATER_H
/* The citizen-facing rater (评价器): a second, small terminal at a window
 * that shows the entry just saved there and the five levels, takes one
 * key (and for a 差评 one more, its reason), and goes back to idle after
 * 60 seconds.  It follows the clerk's saves through the database
 * (PRAGMA data_version), as the tally does.  Returns the exit status. */

#include "catalog.h"

struct db;

int tui_rater(struct db *db, const struct catalog *cat, const struct catalog_window *window);

#endif
