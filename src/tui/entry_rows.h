#ifndef BIANMIN_TUI_ENTRY_ROWS_H
#define BIANMIN_TUI_ENTRY_ROWS_H
/* Entries a list shows, copied out of ledger_query so the list can draw
 * any of them and know each one's serial between draws.  The catalog
 * pointers are the app's catalog, which outlives every screen. */

#include <stdbool.h>
#include <stddef.h>

#include "ledger.h"

struct entry_rows {
	struct entry *rows;
	size_t n, cap;
	bool more; /* the filter's limit cut the list */
};

/* Replaces the rows with those matching f. */
bool entry_rows_query(struct entry_rows *r, struct db *db, const struct catalog *cat,
		      const struct ledger_filter *f, char **err);
/* Empties the rows (keeping the room); finish frees it all. */
void entry_rows_clear(struct entry_rows *r);
void entry_rows_finish(struct entry_rows *r);
/* The row's serial (its key in a list). */
const char *entry_rows_serial(const struct entry_rows *r, size_t i);

#endif
