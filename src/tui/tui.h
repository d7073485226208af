#ifndef BIANMIN_TUI_H
#define BIANMIN_TUI_H
/* The terminal UI's screens, in the shape of tig's views; the
 * application state they share (struct app) and its status line.
 * view.h: a screen and the stack; ui.h: drawing; keys.h: the bindings;
 * widgets/: the line editor, fields and the list.
 *
 * A screen is one file that fills a `const struct screen_ops` and keeps
 * everything it knows in its own state struct; there is no file-static
 * screen state.  The stack of screens (view.c) allocates a screen's state
 * when it is pushed (`state_size` bytes, zeroed), calls open, and on pop
 * calls done (which frees what the state points to) and frees the state.
 * The stack also gives each screen its area, from the one geometry place
 * (view_layout): the screen draws rows 0 .. v->area.rows - 1 and columns
 * 0 .. v->area.cols - 1 of it, and the ui_* drawing functions take
 * coordinates in that area and clip to it.  Below the area, the rule, the
 * status line and the key bar belong to the stack.  Screens never read
 * LINES or COLS; a resize is handled in one place (view_layout), and the
 * next draw simply uses the new area.
 *
 * Screens see actions, not keys (keys.h): a key becomes an action through
 * the bindings table, and the key bar and F1 help are generated from the
 * same table for the contexts the screen reports (context) minus what it
 * hides now (unoffered).
 *
 * To add a screen:
 *   1. new file foo_view.c: `struct foo { ... };` and static functions
 *      taking (struct app *a, struct view *v), each starting with
 *      `struct foo *st = v->state;`;
 *   2. `const struct screen_ops foo_screen = {.name = "...", .state_size =
 *      sizeof(struct foo), .open = ..., .draw = ..., .request = ...,
 *      .done = ..., .context = ...};` and its extern below (.list when
 *      it has a list, .digits, .unoffered as needed);
 *   3. its actions and contexts in keys.h (a CTX_ bit, X() rows);
 *   4. view_push(a, &foo_screen, arg) from the screen that opens it;
 *      Esc goes back by itself when request returns false for it
 *      (view_pop(a) where a screen must decide);
 *   5. add the file to meson.build.
 * A list of rows is a struct list (widgets/list.h) kept in the state: the
 * screen gives it count/draw/key (and selectable) callbacks, draws it with
 * list_draw(l, y, rows) and returns it from .list; the stack then moves
 * it (Up/Down, PgUp/PgDn, Home/End), the cursor following a row's key
 * across changes, and request reads list_selected() on Enter. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "catalog.h"
#include "clerk.h"
#include "keys.h"
#include "period.h"
#include "ui.h"
#include "view.h"

struct db;

/* What cannot go on: core's die() (util.h), which app.c hooks to restore
 * the terminal first; out of memory takes the same path. */

extern const struct screen_ops home_screen, entry_screen, tally_screen, search_screen;
/* The annual report screen, when one is built in; NULL hides R. */
extern const struct screen_ops *const report_screen;

#define SCREEN_DEPTH 8
#define STATUS_LEN 512

struct app {
	struct db *db;
	struct catalog *cat;
	int64_t cat_version;    /* catalog_version() when cat was read */
	char today[DATE_LEN];   /* the working day */
	bool fixed_date;        /* --date: the day does not follow the clock */
	bool demo;
	char *center;
	struct clerk clerk;
	bool clerk_known;
	char *clerk_problem;    /* why this login cannot log entries */
	bool color;

	struct view stack[SCREEN_DEPTH];
	int depth;
	bool hidden[ACT_COUNT]; /* actions no screen offers (R without a report) */
	bool quit;

	char status[STATUS_LEN];
	bool status_bad;

	/* Where the terminal cursor goes after drawing; hidden when !on. */
	bool cursor_on;
	int cursor_y, cursor_x;

	/* Login -> display name, for lists. */
	struct { char *login, *name; } *names;
	size_t nnames, cap_names;
};

/* Status line messages; an error stays until the next key. */
void app_say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_error(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shows a core error and frees it. */
void app_error_take(struct app *a, char *err);
/* Puts the terminal cursor at (y, x) of the area being drawn. */
void app_cursor(struct app *a, int y, int x);
/* The display name of a login (the login itself when unknown). */
const char *app_clerk_name(struct app *a, const char *login);
/* --date with a day that is not the clock's: entries are being caught up
 * from paper, and the headers say 补录 so nobody takes the day for today. */
bool app_backdating(struct app *a);
/* True when this login may log entries; else says why on the status line. */
bool app_can_record(struct app *a);

#endif
