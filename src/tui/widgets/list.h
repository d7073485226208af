#ifndef BIANMIN_LIST_H
#define BIANMIN_LIST_H
/* A list of rows on screen, in the manner of calcurse's listbox: the
 * screen says through callbacks how many rows there are, how to draw one
 * and what each row is (its key: a serial, a code); the list keeps the
 * cursor, the scroll position and the page.  Pure logic, no curses: the
 * draw callback does the painting, so every rule here is unit-tested.
 *
 * The cursor follows a row's key, not its position: when rows come or go
 * (another terminal saves, an entry is voided) the cursor stays on the
 * same row, or, when that row is gone, on the one that took its place.
 * Moves clamp at both ends (they never wrap).  A row may be shown but not
 * selectable (a voided entry, drawn dim): the cursor steps over it.
 *
 * A list in browse mode has no cursor: the keys scroll it a line or a
 * page at a time (the tally, the report, the help). */

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

#define LIST_KEY_LEN 48

struct list_ops {
	size_t (*count)(void *ctx);
	/* Draws row i on line y; `selected` when the cursor is on it. */
	void (*draw)(void *ctx, size_t i, int y, bool selected);
	/* The row's identity, also what typing matches; optional (NULL: the
	 * cursor keeps its position and typing finds nothing). */
	const char *(*key)(void *ctx, size_t i);
	/* Optional: false for a row the cursor steps over. */
	bool (*selectable)(void *ctx, size_t i);
};

struct list {
	const struct list_ops *ops;
	void *ctx;
	bool browse;  /* no cursor: the keys scroll */
	size_t n;     /* rows, as of the last list_sync */
	size_t sel;   /* the cursor's row (meaningless when n == 0) */
	size_t top;   /* the first row shown */
	int page;     /* rows that fit, as last drawn (at least 1) */
	char selkey[LIST_KEY_LEN]; /* the key of the cursor's row */
	char typed[LIST_KEY_LEN];  /* what was typed to jump, since the last move */
};

void list_init(struct list *l, const struct list_ops *ops, void *ctx, bool browse);
/* Reads the count again and puts the cursor back on its row by key,
 * clamped, on a selectable row.  Drawing and acting do it first. */
void list_sync(struct list *l);
/* Up/Down, PgUp/PgDn, Home/End (ACT_MOVE_UP ... ACT_LIST_END); false for
 * any other action, and for a move that cannot go further (the cursor
 * already on the first selectable row for Up, ...). */
bool list_act(struct list *l, enum action act);
/* Types one more character and moves to the first row whose key is it
 * (letters without case), else starts with it, else, for digits, ends in
 * that number ("143" finds SCZR-2021-000143).  False (and the character
 * not kept) when no row matches. */
bool list_type(struct list *l, int ch);
/* Backspace over what was typed; false when nothing was. */
bool list_erase(struct list *l);
void list_forget_typed(struct list *l);
/* Puts the cursor on row i (clamped); false if i is not selectable. */
bool list_select(struct list *l, size_t i);
/* The cursor's row; false when the list has none to offer. */
bool list_selected(const struct list *l, size_t *i);
/* Draws the rows that fit in `rows` lines from line y, scrolled so the
 * cursor is in view. */
void list_draw(struct list *l, int y, int rows);
/* "3-12/40" when the rows do not fit on one page, else "". */
void list_position(const struct list *l, char *out, size_t size);
/* Hides the paging keys (PgUp/PgDn, Home/End) when all rows fit. */
void list_unoffered(const struct list *l, bool *hidden);

#endif
