#ifndef BIANMIN_TUI_ENTRY_VIEW_H
#define BIANMIN_TUI_ENTRY_VIEW_H
/* The window screen's state, shared by its two files: entry.c (the
 * matters, drawing, the keys of each focus) and entry_save.c (the form's
 * keys, saving, undo). */

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "entry_after.h"
#include "entry_correct.h"
#include "entry_form.h"
#include "entry_list.h"
#include "keys.h"
#include "lineedit.h"
#include "list.h"

struct app;
struct tally;

/* FOCUS_VOID: entry_list has the keys (choosing an entry to void or
 * correct, a void's reason);
 * FOCUS_RATE: entry_after has them (the rating of the last save);
 * FOCUS_PERSONS: the persons of a 人次 visit being typed;
 * FOCUS_FIX: entry_correct has them (the reason of a correction). */
enum focus { FOCUS_MATTERS, FOCUS_FORM, FOCUS_VOID, FOCUS_RATE, FOCUS_PERSONS, FOCUS_FIX };

/* How long the key bar offers to undo a save: long enough to notice a
 * stray key, short enough that it is not mistaken for a void (core holds
 * the same limit). */
#define UNDO_SECONDS LEDGER_UNDO_SECONDS

struct entry_view {
	struct app *a;
	size_t window;
	size_t *matters; /* active matters of the window, catalog indices */
	size_t nmatters;
	struct list mlist; /* the matters; its typed text is a code being typed */
	const struct tally *figures; /* today's, while drawing */
	enum focus focus, before_void;
	bool discard_asked; /* the last key was an Esc that would lose the form */
	struct entry_form form;
	struct entry_list entries;
	struct entry_after after; /* the last save: its receipt and rating */
	/* Why this account cannot record at this window (core's words);
	 * NULL when it can. */
	char *refusal;
	char last_saved[SERIAL_LEN]; /* "" until a save; the undo key's */
	time_t saved_at;
	struct lineedit persons;     /* FOCUS_PERSONS */
	bool names_tried;            /* the window's names read (or failed) */
	struct entry_correct fix;    /* a correction's screen: the entry corrected */
};

/* entry.c */
const struct catalog_matter *entry_current(const struct entry_view *st);
/* True when this account may record here; else says why. */
bool entry_may_record_here(struct entry_view *st);
void entry_follow_matter(struct entry_view *st);
void entry_begin_void(struct entry_view *st, bool correcting);
/* After a void, an undo or a correction: the names are read again when
 * the form is next used, so one only a voided entry carried goes. */
void entry_names_stale(struct entry_view *st);
void entry_begin_rate(struct entry_view *st);
/* The keys that work on the matters and in the form alike: 作废, 更正,
 * and on the last save 撤销, 回执, 评价; false for another action. */
bool entry_saved_key(struct entry_view *st, enum action act);

/* entry_save.c */
/* Saves the matter with the cursor (the form's fields, when it has a
 * form); `persons` for a 人次 visit of several, else -1. */
void entry_save(struct entry_view *st, int64_t persons);
void entry_save_undo(struct entry_view *st);
/* Keys while the persons of a visit are typed, and in the form. */
void entry_save_persons(struct entry_view *st, enum action act, int key);
void entry_save_form_key(struct entry_view *st, enum action act, int key);

#endif
