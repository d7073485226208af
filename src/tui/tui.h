#ifndef BIANMIN_TUI_H
#define BIANMIN_TUI_H
/* The terminal UI's screens, in the shape of tig's views.
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
 *   4. app_push(a, &foo_screen, arg) from the screen that opens it;
 *      app_pop(a) to go back;
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

struct db;
struct app;
struct list;

/* Where a screen draws: rows and columns of the terminal from an origin. */
struct ui_area {
	int top, left, rows, cols;
};

struct view {
	const struct screen_ops *ops;
	void *state;         /* ops->state_size bytes; the stack frees it */
	struct ui_area area; /* set by view_layout */
};

struct screen_ops {
	const char *name;
	size_t state_size;
	/* `arg` is screen specific (the window's index for the window
	 * screen). */
	void (*open)(struct app *a, struct view *v, int arg);
	/* Draws the area.  Reads from core each time: nothing counted is
	 * cached. */
	void (*draw)(struct app *a, struct view *v);
	/* The list the cursor and paging keys move now, or NULL; optional.
	 * The stack gives it the list's actions (Up/Down, PgUp/PgDn,
	 * Home/End) before request, and keeps its paging keys off the bar
	 * and help while all its rows fit. */
	struct list *(*list)(struct app *a, struct view *v);
	/* An action the list did not take.  Returns false when the screen
	 * has no use for it: then Esc goes back to the screen before. */
	bool (*request)(struct app *a, struct view *v, enum action act, int key);
	/* Frees what the state holds (not the state itself); optional. */
	void (*done)(struct app *a, struct view *v);
	/* The key contexts that hold now (CTX_*). */
	unsigned (*context)(struct app *a, struct view *v);
	/* How many things digit keys pick here, for the key bar ("1-5"). */
	int (*digits)(struct app *a, struct view *v);
	/* Marks (true) the actions the key bar and help should not offer
	 * now, such as 办结 on an entry that is not 受理; optional.  The key
	 * itself still answers, with the reason it does not apply. */
	void (*unoffered)(struct app *a, struct view *v, bool *hidden);
};

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

/* The stack (view.c). */
void app_push(struct app *a, const struct screen_ops *s, int arg);
void app_pop(struct app *a);
/* Pops every screen but the first, and opens that one afresh. */
void view_reset(struct app *a);
void view_close_all(struct app *a);
/* The one geometry place: the areas of every screen and of the bottom
 * lines from the terminal's size; false when it is too small to use. */
bool view_layout(struct app *a);
/* An action for the top screen: its list's, else its own, else Esc goes
 * back. */
void view_request(struct app *a, enum action act, int key);
/* Draws the top screen, the status line and the key bar. */
void view_draw(struct app *a);
/* F1: the help of the top screen's bindings, until a key closes it. */
void view_help(struct app *a);
struct view *view_top(struct app *a);
/* For .digits where the digits pick a window ("1-5"). */
int view_window_digits(struct app *a, struct view *v);
/* The key bar and help offer this (the global set and the screen's). */
void view_offered(struct app *a, bool hidden[ACT_COUNT]);
/* What cannot go on: core's die() (util.h), which app.c hooks to restore
 * the terminal first; out of memory takes the same path. */
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

/* Drawing (ui.c).  Text is UTF-8; columns are display columns;
 * coordinates are in the area set by ui_set_area (the screen's, while it
 * draws), and nothing is drawn outside it. */
enum ui_style { UI_NORMAL, UI_TITLE, UI_SELECTED, UI_ERROR, UI_DIM, UI_KEY, UI_FIELD };
void ui_init_colors(struct app *a);
int ui_attr(enum ui_style s);
void ui_set_area(const struct ui_area *area);
const struct ui_area *ui_get_area(void);
/* Writes s at (y, x) cut to `cols` columns (padded with spaces when pad;
 * right-aligned when right).  Never splits a double-width character; text
 * that had to be cut ends in ".." (the one place text is cut on screen). */
void ui_put(int y, int x, int cols, const char *s, bool pad, bool right, enum ui_style st);
/* printf-style ui_put, left-aligned, not padded. */
void ui_printf(int y, int x, int cols, enum ui_style st, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Writes s over up to `rows` lines of `cols` columns, breaking between
 * characters; returns the lines used. */
int ui_wrap(int y, int x, int cols, int rows, const char *s, enum ui_style st);
/* Replaces the East Asian "ambiguous width" quotes that core messages use
 * (“” ‘’), which some Chinese terminals draw two columns wide, with corner
 * brackets that every terminal draws two wide; in place. */
void ui_unambiguous(char *s);
void ui_rule(int y, int x, int cols);
void ui_vrule(int y, int x, int rows);
/* The title row: left text, right text flush with the right edge. */
void ui_title(const char *left, const char *right);
/* Formats "2021-03-15 星期一" for the date. */
void ui_date_label(char out[32], const char *date);

#endif
