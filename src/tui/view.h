#ifndef BIANMIN_TUI_VIEW_H
#define BIANMIN_TUI_VIEW_H
/* A screen and the stack of screens (view.c): see tui.h for the shape and
 * how to add one. */

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"
#include "ui.h"

struct app;
struct list;

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

/* The stack: push allocates the state and opens the screen; pop (Esc on
 * the first screen quits) and close_all call done and free the state. */
void view_push(struct app *a, const struct screen_ops *s, int arg);
void view_pop(struct app *a);
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

#endif
