#ifndef BIANMIN_TUI_ENTRY_AFTER_H
#define BIANMIN_TUI_ENTRY_AFTER_H
/* What the window screen does with the entry it saved last, while the
 * citizen is still at the counter: the 受理回执 of a 承诺件 (Ctrl-P), and
 * the citizen's rating (Ctrl-R: a level, and for a 差评 its reason).  Part
 * of the window screen's state, like entry_list. */

#include <stdbool.h>

#include "catalog.h"
#include "keys.h"
#include "ledger.h"
#include "lineedit.h"

struct app;

struct entry_after {
	struct app *a;
	char serial[SERIAL_LEN]; /* "" until a save */
	char label[192];         /* matter and applicant, for the rating panel */
	bool promise;            /* a 承诺件: it has a receipt */
	bool rating;             /* the rating panel is open */
	int level;               /* a 差评's level while its reason is typed */
	struct lineedit reason;
};

void entry_after_init(struct entry_after *x, struct app *a);
void entry_after_finish(struct entry_after *x);
/* After a save: this entry is the one the keys act on. */
void entry_after_saved(struct entry_after *x, const char *serial, const struct catalog_matter *m,
		       const char *applicant);
bool entry_after_any(const struct entry_after *x);
/* Writes or prints the receipt, saying so on the status line. */
void entry_after_receipt(struct entry_after *x);
/* Opens the rating panel; false (with a message) when nothing is saved. */
bool entry_after_begin_rate(struct entry_after *x);
/* Keys while the panel is open; true when it is over (rated or given up). */
bool entry_after_handle(struct entry_after *x, enum action act, int key);
unsigned entry_after_context(const struct entry_after *x);
/* The panel, in `rows` lines from line y. */
void entry_after_draw(struct entry_after *x, int y, int rows);

#endif
