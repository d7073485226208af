/* The tally of a day, a week (Monday to Sunday) or a calendar month:
 * every window's matters in each matter's unit, window totals, or entries
 * per clerk; overdue 承诺件 and 差评 to call back at the foot.  A typed
 * date jumps there.  Drawn from tally_compute each time, so it follows
 * other terminals' saves (the main loop redraws when the database's
 * data_version moves). */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "holiday.h"
#include "ledger.h"
#include "list.h"
#include "phone.h"
#include "promise.h"
#include "rating.h"
#include "tally.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/* One line of the table: a matter, a window's total, the day's total; or
 * a clerk's entries per window, and their total. */
enum line_kind { LINE_MATTER, LINE_WINDOW, LINE_TOTAL, LINE_CLERK, LINE_CLERKS_TOTAL };

struct line {
	enum line_kind kind;
	size_t window, matter; /* catalog indices */
	bool first;            /* the window's first line */
	char *clerk;
	int64_t *entries, total; /* per window (LINE_CLERK) */
};

struct tally_view {
	struct app *a;
	char date[DATE_LEN];     /* a day of the period shown */
	enum period_kind kind;
	char from[DATE_LEN], to[DATE_LEN]; /* the period, as last drawn */
	bool by_clerk;
	bool asking;             /* the date prompt is open */
	struct lineedit typed;
	struct list table;   /* browse: the keys scroll it */
	struct line *lines;  /* as last drawn */
	size_t nlines, cap;
	struct tally t;      /* the day's, while drawing */
};

static size_t line_count(void *ctx)
{
	return ((struct tally_view *)ctx)->nlines;
}

static void line_draw(void *ctx, size_t i, int y, bool selected);

static const struct list_ops line_list = {.count = line_count, .draw = line_draw};

static void tally_open(struct app *a, struct view *v, int arg)
{
	struct tally_view *st = v->state;
	(void)arg;
	st->a = a;
	memcpy(st->date, a->today, DATE_LEN);
	lineedit_init(&st->typed, 20);
	list_init(&st->table, &line_list, st, true);
}

static void clear_lines(struct tally_view *st)
{
	for (size_t i = 0; i < st->nlines; i++) {
		free(st->lines[i].clerk);
		free(st->lines[i].entries);
	}
	st->nlines = 0;
}

static void tally_done(struct app *a, struct view *v)
{
	struct tally_view *st = v->state;
	(void)a;
	clear_lines(st);
	free(st->lines);
	lineedit_finish(&st->typed);
	tally_clear(&st->t);
}

static struct line *add_line(struct tally_view *st, enum line_kind kind)
{
	st->lines = xgrow(st->lines, &st->cap, st->nlines + 1, sizeof *st->lines);
	struct line *l = &st->lines[st->nlines++];
	*l = (struct line){.kind = kind};
	return l;
}

static void matter_lines(struct tally_view *st)
{
	const struct catalog *cat = st->a->cat;
	for (size_t w = 0; w < cat->nwindows; w++) {
		const struct catalog_window *win = &cat->windows[w];
		bool first = true;
		for (size_t k = 0; k < win->nmatters; k++) {
			size_t mi = win->first_matter + k;
			if (!cat->matters[mi].active && st->t.matters[mi].entries == 0)
				continue;
			struct line *l = add_line(st, LINE_MATTER);
			l->window = w;
			l->matter = mi;
			l->first = first;
			first = false;
		}
		struct line *l = add_line(st, LINE_WINDOW);
		l->window = w;
		l->first = first;
	}
	add_line(st, LINE_TOTAL);
}

/* A clerk's line, or with clerk NULL the line of everyone's totals. */
static void add_clerk_line(struct tally_view *st, const char *clerk, const struct tally_cell *cells,
			   int64_t total)
{
	size_t n = st->a->cat->nwindows;
	struct line *l = add_line(st, clerk ? LINE_CLERK : LINE_CLERKS_TOTAL);
	l->clerk = clerk ? xstrdup(clerk) : NULL;
	l->entries = xcalloc(n ? n : 1, sizeof *l->entries);
	for (size_t w = 0; w < n; w++)
		l->entries[w] = cells[w].entries;
	l->total = total;
}

static bool clerk_line(const struct tally_clerk_row *row, void *arg)
{
	add_clerk_line(arg, row->clerk, row->windows, row->total);
	return true;
}

enum { X_WIN = 2, W_WIN = 10, X_MATTER = 13, W_MATTER = 30, X_FIG = 43, W_FIG = 14 };
enum { X_CLERK = 2, W_CLERK = 12, W_COL = 9 };

static void clerk_columns(struct tally_view *st, int y, const char *name, const int64_t *cells,
			  int64_t total, enum ui_style style)
{
	size_t n = st->a->cat->nwindows;
	char num[24];
	ui_put(y, X_CLERK, W_CLERK, name, true, false, style);
	for (size_t w = 0; w < n; w++) {
		snprintf(num, sizeof num, "%lld", (long long)cells[w]);
		ui_put(y, X_CLERK + W_CLERK + (int)w * W_COL, W_COL, num, true, true, style);
	}
	snprintf(num, sizeof num, "%lld", (long long)total);
	ui_put(y, X_CLERK + W_CLERK + (int)n * W_COL, W_COL, num, true, true, style);
}

static void line_draw(void *ctx, size_t i, int y, bool selected)
{
	struct tally_view *st = ctx;
	const struct line *l = &st->lines[i];
	const struct catalog *cat = st->a->cat;
	char fig[48];
	(void)selected;
	/* A page that starts inside a window names it again. */
	if ((l->kind == LINE_MATTER || l->kind == LINE_WINDOW) && (l->first || i == st->table.top))
		ui_put(y, X_WIN, W_WIN, cat->windows[l->window].name, true, false, UI_NORMAL);
	switch (l->kind) {
	case LINE_MATTER: {
		const struct catalog_matter *m = &cat->matters[l->matter];
		tally_format(fig, sizeof fig, m->unit, &st->t.matters[l->matter]);
		ui_put(y, X_MATTER, W_MATTER, m->name, true, false, UI_NORMAL);
		ui_put(y, X_FIG, W_FIG, fig, true, true, UI_NORMAL);
		break;
	}
	case LINE_WINDOW:
		tally_format(fig, sizeof fig, tally_window_unit(cat, &cat->windows[l->window]),
			     &st->t.windows[l->window]);
		ui_put(y, X_MATTER, W_MATTER, "合计", true, false, UI_TITLE);
		ui_put(y, X_FIG, W_FIG, fig, true, true, UI_TITLE);
		break;
	case LINE_TOTAL:
		snprintf(fig, sizeof fig, "%lld件", (long long)st->t.total.entries);
		ui_put(y, X_WIN, W_WIN, "总计", true, false, UI_TITLE);
		ui_put(y, X_FIG, W_FIG, fig, true, true, UI_TITLE);
		break;
	case LINE_CLERK:
	case LINE_CLERKS_TOTAL:
		clerk_columns(st, y, l->clerk ? app_clerk_name(st->a, l->clerk) : "合计", l->entries,
			      l->total, l->clerk ? UI_NORMAL : UI_TITLE);
		break;
	}
}

static void draw_heading(struct tally_view *st, int y)
{
	const struct catalog *cat = st->a->cat;
	if (!st->by_clerk) {
		ui_put(y, X_WIN, W_WIN, "窗口", true, false, UI_TITLE);
		ui_put(y, X_MATTER, W_MATTER, "事项", true, false, UI_TITLE);
		ui_put(y, X_FIG, W_FIG, "数量", true, true, UI_TITLE);
		return;
	}
	size_t n = cat->nwindows;
	ui_put(y, X_CLERK, W_CLERK, "经办人", true, false, UI_TITLE);
	for (size_t w = 0; w < n; w++)
		ui_put(y, X_CLERK + W_CLERK + (int)w * W_COL, W_COL, cat->windows[w].name, true,
		       true, UI_TITLE);
	ui_put(y, X_CLERK + W_CLERK + (int)n * W_COL, W_COL, "合计", true, true, UI_TITLE);
}

/* The foot's lines: 承诺件 超期 and 预警, then 差评 waiting for their
 * call-back, each with its word (in colour where colour is on). */
struct foot {
	struct app *a;
	struct workday_cal *cal;
	struct { char text[256]; enum ui_style style; } lines[8];
	int nlines;
	long long overdue, warn, bad, bad_late;
};

static void foot_add(struct foot *f, enum ui_style style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void foot_add(struct foot *f, enum ui_style style, const char *fmt, ...)
{
	if (f->nlines >= (int)(sizeof f->lines / sizeof f->lines[0]))
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->lines[f->nlines].text, sizeof f->lines[0].text, fmt, ap);
	va_end(ap);
	f->lines[f->nlines++].style = style;
}

static bool case_line(const struct entry *e, void *arg)
{
	struct foot *f = arg;
	enum promise_state s = promise_state(f->cal, e, f->a->today);
	char due[DATE_LEN];
	promise_due(f->cal, e, due);
	if (s == PROMISE_OVERDUE)
		f->overdue++;
	else
		f->warn++;
	foot_add(f, s == PROMISE_OVERDUE ? UI_ERROR : UI_TITLE, "%s %s %s %s (承诺 %s 办结)",
		 promise_state_name(s), e->serial, e->matter ? e->matter->name : "", e->applicant,
		 due);
	return true;
}

/* rating_pending hands on only what this account may see: a clerk kept to
 * some windows gets those windows' 差评 (they name citizens and phones). */
static bool bad_line(const struct rating *r, void *arg)
{
	struct foot *f = arg;
	bool late = rating_overdue(f->cal, r, f->a->today);
	char phone[PHONE_LEN];
	f->bad++;
	f->bad_late += late;
	foot_add(f, late ? UI_ERROR : UI_NORMAL, "%s %s %s %s %s: %s", late ? "回访超期" : "待回访",
		 r->serial, r->applicant, phone_mask(phone, sizeof phone, r->phone),
		 rating_level_name(r->level), r->reason);
	return true;
}

/* The cases and 差评 this account may see (core's rules). */
static bool foot_fill(struct app *a, struct foot *f, char **err)
{
	struct ledger_sight sight;
	bool ok = ledger_sight_begin(a->db, current_login(), case_line, f, &sight, err) &&
		  promise_open(a->db, a->cat, f->cal, a->today, true, NULL, ledger_sight_fn, &sight,
			       err);
	ledger_sight_end(&sight);
	return ok && rating_pending(a->db, a->cat, current_login(), bad_line, f, err);
}

/* The foot of the area; returns the rows it takes. */
static int draw_overdue(struct tally_view *st, const struct view *v)
{
	struct app *a = st->a;
	enum { MAX_LINES = 4 };
	int last = v->area.rows - 1, cols = v->area.cols;
	char *err = NULL;
	struct foot f = {.a = a};
	f.cal = holiday_calendar(a->db, &err);
	if (!f.cal || !foot_fill(a, &f, &err)) {
		workday_cal_free(f.cal);
		app_error_take(a, err);
		return 0;
	}
	char *note = workday_note(f.cal);
	workday_cal_free(f.cal);
	if (f.nlines == 0) {
		free(note);
		return 0;
	}
	int shown = f.nlines < MAX_LINES ? f.nlines : MAX_LINES;
	int top = last - shown;
	ui_rule(top - 1, 0, cols);
	/* The cases open now, as of today, whatever day the table shows: a
	 * case done since cannot be told apart from one never late, so a past
	 * day's own list cannot be drawn. */
	char head[256];
	char upto[32] = "";
	if (st->kind != PERIOD_DAY || strcmp(st->date, a->today) != 0)
		snprintf(upto, sizeof upto, "截至 %s ", a->today);
	int n = snprintf(head, sizeof head, "%s承诺件 超期 %lld 件 预警 %lld 件", upto, f.overdue,
			 f.warn);
	if (f.bad && n > 0 && (size_t)n < sizeof head)
		snprintf(head + n, sizeof head - (size_t)n, "   差评待回访 %lld 件%s", f.bad,
			 f.bad_late ? " (有超期)" : "");
	ui_put(top, 1, cols - 2, head, false, false, f.overdue || f.bad_late ? UI_ERROR : UI_TITLE);
	if (note && text_width(head) + 3 < cols)
		ui_put(top, text_width(head) + 3, cols - text_width(head) - 4, note, false, false,
		       UI_DIM);
	free(note);
	for (int i = 0; i < shown; i++)
		ui_put(top + 1 + i, 2, cols - 3, f.lines[i].text, false, false, f.lines[i].style);
	return shown + 2;
}

/* "今日统计", "本周统计", "月统计" ...: 今/本 only for the period holding
 * the real today (the words of a day caught up from paper are 当日). */
static const char *period_title(struct tally_view *st)
{
	struct app *a = st->a;
	bool now = strcmp(st->from, a->today) <= 0 && strcmp(a->today, st->to) <= 0 &&
		   !app_backdating(a);
	switch (st->kind) {
	case PERIOD_WEEK:
		return now ? "本周统计" : "周统计";
	case PERIOD_MONTH:
		return now ? "本月统计" : "月统计";
	case PERIOD_DAY:
		break;
	}
	return now ? "今日统计" : "当日统计";
}

/* The date prompt, on the line under the title. */
static void draw_prompt(struct tally_view *st, int y, int cols)
{
	const char *label = "跳到日期: ";
	int lw = text_width(label);
	ui_put(y, 2, lw, label, false, false, UI_TITLE);
	field_draw(st->a, &st->typed, y, 2 + lw, 14, true);
	ui_put(y, 2 + lw + 15, cols - lw - 18, "YYYY-MM-DD, 也可 2021/6/1", false, false, UI_DIM);
}

static void tally_draw(struct app *a, struct view *v)
{
	struct tally_view *st = v->state;
	char label[96], title[160], right[64];
	period_bounds(st->kind, st->date, st->from, st->to);
	snprintf(title, sizeof title, "%s  %s", period_title(st),
		 period_label(st->kind, st->date, label, sizeof label));
	char *err = NULL;
	tally_clear(&st->t);
	if (!tally_compute(a->db, a->cat, st->from, st->to, NULL, &st->t, &err)) {
		ui_title(title, "");
		app_error_take(a, err);
		return;
	}
	snprintf(right, sizeof right, "%s  共 %lld 件", st->by_clerk ? "按经办人" : "按事项",
		 (long long)st->t.total.entries);
	ui_title(title, right);
	ui_rule(1, 0, v->area.cols);

	int foot = draw_overdue(st, v);
	int y = 2;
	if (st->asking)
		draw_prompt(st, y++, v->area.cols);
	draw_heading(st, y);
	clear_lines(st);
	if (st->by_clerk) {
		if (!tally_by_clerk(a->db, a->cat, st->from, st->to, clerk_line, st, &err))
			app_error_take(a, err);
		else
			add_clerk_line(st, NULL, st->t.windows, st->t.total.entries);
	} else {
		matter_lines(st);
	}
	list_draw(&st->table, y + 1, v->area.rows - (y + 1) - foot);
	char pos[48];
	list_position(&st->table, pos, sizeof pos);
	ui_put(y, v->area.cols - 14, 13, pos, false, false, UI_DIM);
}

static const char *const period_words[] = {"今天", "本周", "本月"};
static const char *const kind_words[] = {"按日", "按周", "按月"};

/* One period back or on; not past the one holding today, where nothing
 * has been recorded yet. */
static void step(struct tally_view *st, int n)
{
	struct app *a = st->a;
	char d[DATE_LEN], from[DATE_LEN], to[DATE_LEN];
	period_step(st->kind, st->date, n, d);
	period_bounds(st->kind, d, from, to);
	if (n > 0 && strcmp(from, a->today) > 0) {
		app_say(a, "已是%s (%s), 之后的日子还没有登记", period_words[st->kind], a->today);
		return;
	}
	memcpy(st->date, strcmp(d, a->today) > 0 ? a->today : d, DATE_LEN);
	st->table.top = 0;
}

static void show_kind(struct tally_view *st, enum period_kind kind)
{
	if (st->kind == kind) {
		app_say(st->a, "已是%s统计", kind_words[kind]);
		return;
	}
	st->kind = kind;
	st->table.top = 0;
}

/* Enter in the date prompt: a day that exists and has come, or the
 * prompt stays with the reason. */
static void jump(struct tally_view *st)
{
	struct app *a = st->a;
	char *typed = lineedit_text(&st->typed), *err = NULL, d[DATE_LEN];
	if (!period_parse_typed(typed, d, &err)) {
		app_error_take(a, err);
	} else if (strcmp(d, a->today) > 0) {
		app_error(a, "%s 还没有到 (今天是 %s)", d, a->today);
	} else {
		memcpy(st->date, d, DATE_LEN);
		st->asking = false;
		st->table.top = 0;
	}
	free(typed);
}

static bool ask_request(struct tally_view *st, enum action act, int key)
{
	if (act == ACT_BACK)
		st->asking = false;
	else if (act == ACT_CONFIRM)
		jump(st);
	else
		field_type(st->a, &st->typed, "日期", act, key);
	return true;
}

static bool tally_request(struct app *a, struct view *v, enum action act, int key)
{
	struct tally_view *st = v->state;
	(void)a;
	if (st->asking)
		return ask_request(st, act, key);
	switch (act) {
	case ACT_PREV_DAY:
	case ACT_PREV_WEEK:
	case ACT_PREV_MONTH:
		step(st, -1);
		break;
	case ACT_NEXT_DAY:
	case ACT_NEXT_WEEK:
	case ACT_NEXT_MONTH:
		step(st, 1);
		break;
	case ACT_VIEW_DAY:
	case ACT_VIEW_WEEK:
	case ACT_VIEW_MONTH:
		show_kind(st, act == ACT_VIEW_DAY ? PERIOD_DAY
			      : act == ACT_VIEW_WEEK ? PERIOD_WEEK : PERIOD_MONTH);
		break;
	case ACT_GOTO_DATE:
		lineedit_clear(&st->typed);
		st->asking = true;
		break;
	case ACT_BY_CLERK:
	case ACT_BY_MATTER:
		st->by_clerk = act == ACT_BY_CLERK;
		st->table.top = 0;
		break;
	default:
		return false;
	}
	return true;
}

static unsigned tally_context(struct app *a, struct view *v)
{
	struct tally_view *st = v->state;
	(void)a;
	if (st->asking)
		return CTX_PROMPT | CTX_TEXT;
	return CTX_TALLY | (st->by_clerk ? CTX_BY_CLERK : 0) |
	       (st->kind == PERIOD_WEEK ? CTX_WEEK : st->kind == PERIOD_MONTH ? CTX_MONTH : 0);
}

/* The bar offers the two periods not shown. */
static void tally_unoffered(struct app *a, struct view *v, bool *hidden)
{
	struct tally_view *st = v->state;
	(void)a;
	hidden[ACT_VIEW_DAY] = hidden[ACT_VIEW_DAY] || st->kind == PERIOD_DAY;
	hidden[ACT_VIEW_WEEK] = hidden[ACT_VIEW_WEEK] || st->kind == PERIOD_WEEK;
	hidden[ACT_VIEW_MONTH] = hidden[ACT_VIEW_MONTH] || st->kind == PERIOD_MONTH;
}

static struct list *tally_list(struct app *a, struct view *v)
{
	struct tally_view *st = v->state;
	(void)a;
	/* While a date is typed, PgUp/PgDn and the like are not the table's. */
	return st->asking ? NULL : &st->table;
}

const struct screen_ops tally_screen = {
	.name = "办件统计",
	.state_size = sizeof(struct tally_view),
	.open = tally_open,
	.draw = tally_draw,
	.list = tally_list,
	.request = tally_request,
	.done = tally_done,
	.context = tally_context,
	.unoffered = tally_unoffered,
};
