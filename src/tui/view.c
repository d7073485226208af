/* The stack of screens and the one geometry place: who allocates a
 * screen's state and frees it, which part of the terminal each screen and
 * the bottom lines get, the frame drawn around a screen, and F1's help. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "list.h"
#include "text.h"
#include "tui.h"
#include "util.h"

#define MIN_COLS 80
#define MIN_LINES 24
/* Below every screen: a rule, the status line, the key bar. */
#define BOTTOM_LINES 3

static struct ui_area whole, body;

bool view_layout(struct app *a)
{
	whole = (struct ui_area){0, 0, LINES, COLS};
	body = (struct ui_area){0, 0, LINES - BOTTOM_LINES, COLS};
	for (int i = 0; i < a->depth; i++)
		a->stack[i].area = body;
	return COLS >= MIN_COLS && LINES >= MIN_LINES;
}

struct view *view_top(struct app *a)
{
	return &a->stack[a->depth - 1];
}

void view_push(struct app *a, const struct screen_ops *s, int arg)
{
	if (a->depth == SCREEN_DEPTH)
		die("界面层次过深");
	struct view *v = &a->stack[a->depth++];
	*v = (struct view){.ops = s, .area = body};
	v->state = xcalloc(1, s->state_size ? s->state_size : 1);
	if (s->open)
		s->open(a, v, arg);
}

static void destroy(struct app *a, struct view *v)
{
	if (v->ops->done)
		v->ops->done(a, v);
	free(v->state);
	*v = (struct view){0};
}

void view_pop(struct app *a)
{
	if (a->depth <= 1) {
		a->quit = true;
		return;
	}
	destroy(a, &a->stack[--a->depth]);
}

void view_close_all(struct app *a)
{
	while (a->depth > 0)
		destroy(a, &a->stack[--a->depth]);
}

int view_window_digits(struct app *a, struct view *v)
{
	(void)v;
	return (int)a->cat->nwindows;
}

static struct list *list_of(struct app *a, struct view *v)
{
	return v->ops->list ? v->ops->list(a, v) : NULL;
}

void view_offered(struct app *a, bool hidden[ACT_COUNT])
{
	memcpy(hidden, a->hidden, sizeof a->hidden);
	struct view *v = view_top(a);
	struct list *l = list_of(a, v);
	if (l)
		list_unoffered(l, hidden);
	if (v->ops->unoffered)
		v->ops->unoffered(a, v, hidden);
}

void view_request(struct app *a, enum action act, int key)
{
	struct view *v = view_top(a);
	struct list *l = list_of(a, v);
	if (l && list_act(l, act))
		return;
	if (!v->ops->request(a, v, act, key) && act == ACT_BACK)
		view_pop(a);
}

static void draw_too_small(void)
{
	ui_set_area(&whole);
	erase();
	char line[128];
	snprintf(line, sizeof line, "终端窗口太小: 至少需要 %d 列 x %d 行, 现在 %d 列 x %d 行", MIN_COLS,
		 MIN_LINES, COLS, LINES);
	int y = LINES / 2 - 1;
	ui_put(y > 0 ? y : 0, 1, COLS - 1, line, false, false, UI_ERROR);
	snprintf(line, sizeof line, "请放大窗口, 界面会自动恢复 (%s 退出)",
		 keys_first_name(ACT_INTERRUPT, CTX_HOME));
	ui_put(y + 1 > 0 ? y + 1 : 1, 1, COLS - 1, line, false, false, UI_NORMAL);
	curs_set(0);
	refresh();
}

/* The rule, the status line and the key bar, in the lines below `body`. */
static void draw_bottom(struct app *a, const char *bar)
{
	int rule = body.rows, status = rule + 1, keys = rule + 2;
	enum ui_style style = a->status_bad ? UI_ERROR : UI_NORMAL;
	ui_set_area(&whole);
	ui_put(status, 0, whole.cols, "", true, false, UI_NORMAL);
	if (text_width(a->status) > whole.cols - 2) {
		/* A long message takes the rule's row too rather than be cut:
		 * its end is often the part that says what to do. */
		ui_put(rule, 0, whole.cols, "", true, false, UI_NORMAL);
		ui_wrap(rule, 1, whole.cols - 2, 2, a->status, style);
	} else {
		ui_rule(rule, 0, whole.cols);
		if (a->status[0])
			ui_put(status, 1, whole.cols - 2, a->status, false, false, style);
	}
	ui_put(keys, 0, whole.cols, bar, true, false, UI_NORMAL);
}

static int digits_of(struct app *a, struct view *v)
{
	return v->ops->digits ? v->ops->digits(a, v) : 0;
}

void view_draw(struct app *a)
{
	a->cursor_on = false;
	if (!view_layout(a)) {
		draw_too_small();
		return;
	}
	erase();
	struct view *v = view_top(a);
	/* The status line and key bar go last, so a screen cannot paint over
	 * them; the screen's cursor is saved first because drawing moves it. */
	ui_set_area(&v->area);
	v->ops->draw(a, v);
	bool on = a->cursor_on;
	int y = a->cursor_y, x = a->cursor_x;
	bool hidden[ACT_COUNT];
	view_offered(a, hidden);
	char *bar = keys_bar(v->ops->context(a, v), hidden, digits_of(a, v));
	draw_bottom(a, bar);
	free(bar);
	if (on) {
		move(y, x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- F1 ---- */

struct help {
	struct { char *keys, *text; } *lines;
	size_t n, cap;
};

static void help_collect(const char *keys, const char *text, void *arg)
{
	struct help *h = arg;
	h->lines = xgrow(h->lines, &h->cap, h->n + 1, sizeof *h->lines);
	h->lines[h->n].keys = xstrdup(keys);
	h->lines[h->n++].text = xstrdup(text);
}

static size_t help_count(void *ctx)
{
	return ((struct help *)ctx)->n;
}

static void help_row(void *ctx, size_t i, int y, bool selected)
{
	struct help *h = ctx;
	(void)selected;
	ui_put(y, 2, 22, h->lines[i].keys, true, false, UI_TITLE);
	ui_put(y, 25, ui_get_area()->cols - 26, h->lines[i].text, false, false, UI_NORMAL);
}

static const struct list_ops help_list = {.count = help_count, .draw = help_row};

/* The help's own bar: the bindings of CTX_HELP, "任意键 返回" when all
 * fits on one page. */
static char *help_bar(const struct list *l)
{
	bool hidden[ACT_COUNT] = {0};
	if (l->n <= (size_t)l->page)
		hidden[ACT_HELP_UP] = hidden[ACT_HELP_DOWN] = true;
	return keys_bar(CTX_HELP, hidden, 0);
}

void view_help(struct app *a)
{
	struct view *v = view_top(a);
	struct help h = {0};
	bool hidden[ACT_COUNT];
	view_offered(a, hidden);
	keys_help(v->ops->context(a, v), hidden, digits_of(a, v), help_collect, &h);
	struct list l;
	list_init(&l, &help_list, &h, true);
	for (;;) {
		if (!view_layout(a)) {
			draw_too_small();
		} else {
			erase();
			ui_set_area(&body);
			ui_title("按键说明", v->ops->name);
			ui_rule(1, 0, body.cols);
			/* The help's lines stop one above the bottom rule: its
			 * own bar needs no status line. */
			list_draw(&l, 2, body.rows - 1);
			ui_set_area(&whole);
			ui_rule(whole.rows - 2, 0, whole.cols);
			char *bar = help_bar(&l);
			ui_put(whole.rows - 1, 0, whole.cols, bar, true, false, UI_NORMAL);
			free(bar);
			curs_set(0);
			refresh();
		}
		int key;
		bool got = input_read(&key);
		if (input_gone())
			break;
		if (!got || key == FK(KEY_RESIZE))
			continue;
		enum action act = keys_lookup(key, CTX_HELP, NULL);
		if (act == ACT_HELP_UP || act == ACT_HELP_DOWN) {
			list_act(&l, act == ACT_HELP_UP ? ACT_MOVE_UP : ACT_MOVE_DOWN);
			continue;
		}
		break;
	}
	for (size_t i = 0; i < h.n; i++) {
		free(h.lines[i].keys);
		free(h.lines[i].text);
	}
	free(h.lines);
}
