#ifndef BIANMIN_TUI_H
#define BIANMIN_TUI_H
/* What the screens of the terminal UI share: the application state, the
 * screen operations table, and drawing functions.  Each screen is one file
 * filling a `struct screen_ops` (enter, draw, handle, leave); app.c owns
 * the loop, the stack of screens, resizing, the status line and the key
 * bar. */

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

struct screen_ops {
	const char *name;
	/* `arg` is screen specific (the window's index for the window
	 * screen). */
	void (*enter)(struct app *a, int arg);
	/* Draws rows 0 .. LINES-3 (the status line and key bar are app's).
	 * Reads from core each time: nothing counted is cached. */
	void (*draw)(struct app *a);
	void (*handle)(struct app *a, enum action act, int key);
	void (*leave)(struct app *a);
	/* The key contexts that hold now (CTX_*). */
	unsigned (*context)(struct app *a);
	/* How many things digit keys pick here, for the key bar ("1-5"). */
	int (*digits)(struct app *a);
	/* Marks (true) the actions the key bar and help should not offer
	 * now, such as 办结 on an entry that is not 受理; optional.  The key
	 * itself still answers, with the reason it does not apply. */
	void (*unoffered)(struct app *a, bool *hidden);
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

	const struct screen_ops *stack[SCREEN_DEPTH];
	int depth;
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

void app_push(struct app *a, const struct screen_ops *s, int arg);
void app_pop(struct app *a);
/* Status line messages; an error stays until the next key. */
void app_say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_error(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shows a core error and frees it. */
void app_error_take(struct app *a, char *err);
void app_cursor(struct app *a, int y, int x);
/* The display name of a login (the login itself when unknown). */
const char *app_clerk_name(struct app *a, const char *login);
/* --date with a day that is not the clock's: entries are being caught up
 * from paper, and the headers say 补录 so nobody takes the day for today. */
bool app_backdating(struct app *a);
/* True when this login may log entries; else says why on the status line. */
bool app_can_record(struct app *a);

/* Drawing (ui.c).  Text is UTF-8; columns are display columns. */
enum ui_style { UI_NORMAL, UI_TITLE, UI_SELECTED, UI_ERROR, UI_DIM, UI_KEY, UI_FIELD };
void ui_init_colors(struct app *a);
int ui_attr(enum ui_style s);
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
/* A list taller than its screen: the first row shown, the rows that fit
 * (set when drawn), and the rows there are. */
struct ui_pager {
	int scroll, page, nrows;
};
/* ACT_PAGE_UP / ACT_PAGE_DOWN move the pager a page. */
void ui_pager_act(struct ui_pager *p, enum action act);
/* Hides the paging keys when everything fits on one page. */
void ui_pager_unoffered(const struct ui_pager *p, bool *hidden);
void ui_rule(int y, int x, int cols);
void ui_vrule(int y, int x, int rows);
/* The title row: left text, right text flush with the right edge. */
void ui_title(const char *left, const char *right);
/* Formats "2021-03-15 星期一" for the date. */
void ui_date_label(char out[32], const char *date);

#endif
