#ifndef BIANMIN_TUI_ENTRY_CORRECT_H
#define BIANMIN_TUI_ENTRY_CORRECT_H
/* 更正 at the counter.  The entry chosen (in a window's list of today's
 * entries, or in a search's details) opens in a window screen of its own,
 * pushed on the screen that chose it: the entry form of its window and
 * matter, holding the entry's values.  Saving asks for the reason, filled
 * in with what changed ("更正申请人") for the clerk to keep or rewrite, and
 * ledger_correct voids the old entry and records the new one in one step;
 * the screen then closes with the new serial on the status line.  Esc
 * closes it too, saving nothing: one level back, to the list or the
 * details.  What the clerk may correct is core's to say (ledger_correct). */

#include <stdbool.h>

#include "entry_form.h"
#include "keys.h"
#include "ledger.h"
#include "lineedit.h"

struct app;
struct entry_view;

struct entry_correct {
	char serial[SERIAL_LEN]; /* the entry being corrected; "" on a window's own screen */
	char *was[FF_COUNT];     /* its fields as the form first showed them */
	char date[DATE_LEN], time[6], status[16];
	char *clerk;             /* who recorded it: the correction keeps that */
	struct lineedit reason;
};

/* Opens the correction of `serial` on top of the screen that chose it;
 * false, with core's reason on the status line, when this account may not
 * correct it. */
bool entry_correct_open(struct app *a, const char *serial);
bool entry_correcting(const struct entry_view *st);
void entry_correct_finish(struct entry_correct *c);
/* The form's save: its fields checked as a new entry's, then the reason
 * asked. */
void entry_correct_save(struct entry_view *st);
/* Keys while the reason is typed. */
void entry_correct_key(struct entry_view *st, enum action act, int key);
/* Esc in the form: back to the screen that chose the entry, nothing saved. */
void entry_correct_cancel(struct entry_view *st);
/* What is corrected, and the reason while it is asked, from line y;
 * returns the lines used. */
int entry_correct_draw(struct entry_view *st, int y);

#endif
