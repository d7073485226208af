/* The day's tally: every window's matters in each matter's unit, window
 * totals, or entries per clerk; overdue 承诺件 at the foot.  Drawn from
 * tally_compute each time, so it follows other terminals' saves (the main
 * loop redraws when the database's data_version moves). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger.h"
#include "tally.h"
#include "tui.h"
#include "util.h"

static struct {
	char date[DATE_LEN];
	bool by_clerk;
	struct ui_pager pg; /* the table, or the text */
} st;

static void tally_enter(struct app *a, int arg)
{
	(void)arg;
	memcpy(st.date, a->today, DATE_LEN);
	st.by_clerk = false;
	st.pg.scroll = 0;
}

/* Rows are produced in order; only those in the visible slice are drawn. */
struct rows {
	int next, first, y, last_y;
};

static int row_y(struct rows *r)
{
	int i = r->next++;
	if (i < r->first || r->y > r->last_y)
		return -1;
	return r->y++;
}

enum { X_WIN = 2, W_WIN = 10, X_MATTER = 13, W_MATTER = 30, X_FIG = 43, W_FIG = 14 };

static void draw_by_matter(struct app *a, const struct tally *t, struct rows *r)
{
	int y = 2;
	ui_put(y, X_WIN, W_WIN, "窗口", true, false, UI_TITLE);
	ui_put(y, X_MATTER, W_MATTER, "事项", true, false, UI_TITLE);
	ui_put(y, X_FIG, W_FIG, "数量", true, true, UI_TITLE);
	for (size_t w = 0; w < a->cat->nwindows; w++) {
		const struct catalog_window *win = &a->cat->windows[w];
		bool first = true;
		for (size_t k = 0; k < win->nmatters; k++) {
			size_t mi = win->first_matter + k;
			const struct catalog_matter *m = &a->cat->matters[mi];
			if (!m->active && t->matters[mi].entries == 0)
				continue;
			int yy = row_y(r);
			if (yy >= 0) {
				char fig[48];
				tally_format(fig, sizeof fig, m->unit, &t->matters[mi]);
				/* A page that starts inside a window names it again. */
				if (first || r->next - 1 == r->first)
					ui_put(yy, X_WIN, W_WIN, win->name, true, false, UI_NORMAL);
				ui_put(yy, X_MATTER, W_MATTER, m->name, true, false, UI_NORMAL);
				ui_put(yy, X_FIG, W_FIG, fig, true, true, UI_NORMAL);
			}
			first = false;
		}
		int yy = row_y(r);
		if (yy >= 0) {
			char fig[48];
			tally_format(fig, sizeof fig, tally_window_unit(a->cat, win), &t->windows[w]);
			if (first || r->next - 1 == r->first)
				ui_put(yy, X_WIN, W_WIN, win->name, true, false, UI_NORMAL);
			ui_put(yy, X_MATTER, W_MATTER, "合计", true, false, UI_TITLE);
			ui_put(yy, X_FIG, W_FIG, fig, true, true, UI_TITLE);
		}
	}
	int yy = row_y(r);
	if (yy >= 0) {
		char fig[48];
		snprintf(fig, sizeof fig, "%lld件", (long long)t->total.entries);
		ui_put(yy, X_WIN, W_WIN, "总计", true, false, UI_TITLE);
		ui_put(yy, X_FIG, W_FIG, fig, true, true, UI_TITLE);
	}
}

struct clerk_rows {
	struct app *a;
	struct rows *r;
};

enum { X_CLERK = 2, W_CLERK = 12, W_COL = 9 };

static bool clerk_row(const struct tally_clerk_row *row, void *arg)
{
	struct clerk_rows *c = arg;
	int y = row_y(c->r);
	if (y < 0)
		return true;
	ui_put(y, X_CLERK, W_CLERK, app_clerk_name(c->a, row->clerk), true, false, UI_NORMAL);
	size_t n = c->a->cat->nwindows;
	for (size_t w = 0; w < n; w++) {
		char num[24];
		snprintf(num, sizeof num, "%lld", (long long)row->windows[w].entries);
		ui_put(y, X_CLERK + W_CLERK + (int)w * W_COL, W_COL, num, true, true, UI_NORMAL);
	}
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)row->total);
	ui_put(y, X_CLERK + W_CLERK + (int)n * W_COL, W_COL, num, true, true, UI_NORMAL);
	return true;
}

static void draw_by_clerk(struct app *a, const struct tally *t, struct rows *r)
{
	size_t n = a->cat->nwindows;
	int y = 2;
	ui_put(y, X_CLERK, W_CLERK, "经办人", true, false, UI_TITLE);
	for (size_t w = 0; w < n; w++)
		ui_put(y, X_CLERK + W_CLERK + (int)w * W_COL, W_COL, a->cat->windows[w].name, true,
		       true, UI_TITLE);
	ui_put(y, X_CLERK + W_CLERK + (int)n * W_COL, W_COL, "合计", true, true, UI_TITLE);
	struct clerk_rows c = {a, r};
	char *err = NULL;
	if (!tally_by_clerk(a->db, a->cat, st.date, st.date, clerk_row, &c, &err)) {
		app_error_take(a, err);
		return;
	}
	int yy = row_y(r);
	if (yy < 0)
		return;
	ui_put(yy, X_CLERK, W_CLERK, "合计", true, false, UI_TITLE);
	for (size_t w = 0; w < n; w++) {
		char num[24];
		snprintf(num, sizeof num, "%lld", (long long)t->windows[w].entries);
		ui_put(yy, X_CLERK + W_CLERK + (int)w * W_COL, W_COL, num, true, true, UI_TITLE);
	}
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)t->total.entries);
	ui_put(yy, X_CLERK + W_CLERK + (int)n * W_COL, W_COL, num, true, true, UI_TITLE);
}

struct overdue_lines {
	struct app *a;
	int y, last_y, count;
};

static bool overdue_line(const struct entry *e, void *arg)
{
	struct overdue_lines *o = arg;
	o->count++;
	if (o->y > o->last_y)
		return true;
	ui_printf(o->y++, 2, COLS - 3, UI_ERROR, "%s %s %s (承诺 %d 天, 已 %d 天)", e->serial,
		  e->matter ? e->matter->name : "", e->applicant,
		  e->matter ? e->matter->time_limit_days : 0, ledger_days_open(e, o->a->today));
	return true;
}

/* The overdue cases this account may see (core's rules). */
static bool overdue_seen(struct app *a, struct overdue_lines *o, char **err)
{
	struct ledger_sight sight;
	bool ok = ledger_sight_begin(a->db, current_login(), overdue_line, o, &sight, err) &&
		  ledger_overdue(a->db, a->cat, a->today, ledger_sight_fn, &sight, err);
	ledger_sight_end(&sight);
	return ok;
}

/* Overdue cases at the foot; returns the rows they take. */
static int draw_overdue(struct app *a)
{
	int max_lines = 3;
	int top = LINES - 4 - max_lines;
	struct overdue_lines o = {a, top + 1, LINES - 4, 0};
	char *err = NULL;
	/* Counted first so the table knows how much room it has. */
	struct overdue_lines count = {a, 1, 0, 0};
	if (!overdue_seen(a, &count, &err)) {
		app_error_take(a, err);
		return 0;
	}
	if (count.count == 0)
		return 0;
	int shown = count.count < max_lines ? count.count : max_lines;
	top = LINES - 4 - shown;
	o.y = top + 1;
	ui_rule(top - 1, 0, COLS);
	/* The cases open now, waiting as of today, whatever day the table
	 * shows: a case done since cannot be told apart from one never
	 * overdue, so a past day's own overdue list cannot be drawn. */
	if (strcmp(st.date, a->today) == 0)
		ui_printf(top, 1, COLS - 2, UI_ERROR, "逾期未办结 %d 件:", count.count);
	else
		ui_printf(top, 1, COLS - 2, UI_ERROR, "截至 %s 仍逾期未办结 %d 件:", a->today,
			  count.count);
	overdue_seen(a, &o, NULL);
	return shown + 2;
}

static void tally_draw(struct app *a)
{
	char date[32], title[64], right[64];
	ui_date_label(date, st.date);
	bool today = strcmp(st.date, a->today) == 0 && !app_backdating(a);
	snprintf(title, sizeof title, "%s  %s", today ? "今日统计" : "当日统计", date);
	struct tally t = {0};
	char *err = NULL;
	if (!tally_compute(a->db, a->cat, st.date, st.date, NULL, &t, &err)) {
		ui_title(title, "");
		app_error_take(a, err);
		return;
	}
	snprintf(right, sizeof right, "%s  共 %lld 件", st.by_clerk ? "按经办人" : "按事项",
		 (long long)t.total.entries);
	ui_title(title, right);
	ui_rule(1, 0, COLS);

	int foot = draw_overdue(a);
	struct rows r = {.first = st.pg.scroll, .y = 3, .last_y = LINES - 4 - foot};
	st.pg.page = r.last_y - r.y + 1;
	if (st.by_clerk)
		draw_by_clerk(a, &t, &r);
	else
		draw_by_matter(a, &t, &r);
	st.pg.nrows = r.next;
	if (st.pg.scroll > 0 || r.next > st.pg.scroll + st.pg.page)
		ui_printf(2, COLS - 14, 13, UI_DIM, "%d-%d/%d", st.pg.scroll + 1,
			  r.next < st.pg.scroll + st.pg.page ? r.next : st.pg.scroll + st.pg.page, r.next);
	tally_clear(&t);
}

static void tally_handle(struct app *a, enum action act, int key)
{
	(void)key;
	char d[DATE_LEN];
	switch (act) {
	case ACT_PREV_DAY:
	case ACT_NEXT_DAY:
		if (act == ACT_NEXT_DAY && strcmp(st.date, a->today) >= 0) {
			app_say(a, "已是今天 (%s), 之后的日子还没有登记", a->today);
			break;
		}
		period_add_days(st.date, act == ACT_PREV_DAY ? -1 : 1, d);
		memcpy(st.date, d, DATE_LEN);
		break;
	case ACT_BY_CLERK:
	case ACT_BY_MATTER:
		st.by_clerk = act == ACT_BY_CLERK;
		st.pg.scroll = 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_pager_act(&st.pg, act);
		break;
	case ACT_BACK:
		app_pop(a);
		break;
	default:
		break;
	}
}

static unsigned tally_context(struct app *a)
{
	(void)a;
	return CTX_TALLY | (st.by_clerk ? CTX_BY_CLERK : 0);
}

/* Paging keys only when there is more than one page. */
static void tally_unoffered(struct app *a, bool *hidden)
{
	(void)a;
	ui_pager_unoffered(&st.pg, hidden);
}

const struct screen_ops tally_screen = {
	.name = "今日统计",
	.enter = tally_enter,
	.draw = tally_draw,
	.handle = tally_handle,
	.context = tally_context,
	.unoffered = tally_unoffered,
};
