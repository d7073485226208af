#ifndef BIANMIN_TUI_ENTRY_LIST_H
#define BIANMIN_TUI_ENTRY_LIST_H
/* The lower part of the window screen: today's entries of the window, and
 * voiding one of them (choose it, then type the reason) or correcting one
 * (choose it: entry_correct opens it in a form).  The list offers only
 * what this account may void; ledger_void and ledger_correct still
 * decide.  Part of the window screen's state, not a screen of its own. */

#include <stdbool.h>

#include "catalog.h"
#include "entry_rows.h"
#include "keys.h"
#include "lineedit.h"
#include "list.h"

struct app;

enum entry_list_mode { ENTRY_LIST_TODAY, ENTRY_LIST_CHOOSE, ENTRY_LIST_REASON };

struct entry_list {
	struct app *a;
	const struct catalog_window *w;
	enum entry_list_mode mode;
	struct entry_rows rows; /* as last drawn */
	struct list list;
	struct lineedit reason;
	char serial[SERIAL_LEN]; /* the one being voided */
	bool correcting;         /* choosing the entry to correct, not to void */
	bool voided;             /* a void was saved by the last key */
	/* Whose entries are offered: NULL everyone's (a supervisor or
	 * admin), else this clerk's own; `none` when a clerk may void none
	 * on this working day. */
	char *only_clerk;
	bool none;
};

void entry_list_init(struct entry_list *l, struct app *a, const struct catalog_window *w);
void entry_list_finish(struct entry_list *l);
/* Draws the heading on line y and the entries below it, `rows` lines in
 * all. */
void entry_list_draw(struct entry_list *l, int y, int rows);
/* Starts choosing one of the window's entries to void or to correct;
 * false (with a message) when it cannot or there is none. */
bool entry_list_begin(struct entry_list *l, bool correcting);
/* Back to today's list, nothing chosen. */
void entry_list_end(struct entry_list *l);
/* Whether the last key saved a void. */
bool entry_list_voided(const struct entry_list *l);
/* Keys while choosing and voiding; true when that is over (done or given
 * up).  Enter on an entry to correct opens its correction screen, the
 * list still choosing beneath it. */
bool entry_list_handle(struct entry_list *l, enum action act, int key);
/* The key contexts while voiding. */
unsigned entry_list_context(const struct entry_list *l);
/* The list the cursor keys move while an entry is being chosen, else NULL. */
struct list *entry_list_choosing(struct entry_list *l);

#endif
