/* Home: the center, the day, who is at the counter, and each window's
 * entries today, this month and this year.  The counts are entries
 * whatever the unit; units belong to the tally and the report. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "holiday.h"
#include "ledger.h"
#include "list.h"
#include "promise.h"
#include "text.h"
#include "tally.h"
#include "tui.h"
#include "util.h"

struct home {
	struct app *a;
	struct list windows;
	/* The figures being drawn, for the list's rows. */
	struct tally day, month, year;
};

static size_t window_count(void *ctx)
{
	struct home *st = ctx;
	return st->a->cat->nwindows;
}

static const char *window_key(void *ctx, size_t i)
{
	struct home *st = ctx;
	return st->a->cat->windows[i].code;
}

static void put_counts(int y, const char *label, int64_t d, int64_t m, int64_t yr,
		       enum ui_style st);

static void window_row(void *ctx, size_t i, int y, bool selected)
{
	struct home *st = ctx;
	char label[64];
	snprintf(label, sizeof label, "%zu %s", i + 1, st->a->cat->windows[i].name);
	put_counts(y, label, st->day.windows[i].entries, st->month.windows[i].entries,
		   st->year.windows[i].entries, selected ? UI_SELECTED : UI_NORMAL);
}

static const struct list_ops window_list = {
	.count = window_count,
	.draw = window_row,
	.key = window_key,
};

static void home_open(struct app *a, struct view *v, int arg)
{
	struct home *st = v->state;
	(void)arg;
	st->a = a;
	list_init(&st->windows, &window_list, st, false);
}

enum { COL_NAME = 3, W_NAME = 16, W_NUM = 9 };

/* 承诺件 past their due day (超期) and due within a working day (预警),
 * apart: in colour where colour is on, and always by the word. */
static void draw_promises(struct app *a, int y, int cols)
{
	char *err = NULL;
	struct workday_cal *cal = holiday_calendar(a->db, &err);
	struct promise_counts *counts = xcalloc(a->cat->nwindows + 1, sizeof *counts), total;
	if (!cal || !promise_count(a->db, a->cat, cal, a->today, counts, &total, &err)) {
		ui_put(y, COL_NAME, cols, err ? err : "承诺件查询失败", false, false, UI_ERROR);
		free(err);
	} else if (total.overdue || total.warn) {
		char over[64], warn[64];
		snprintf(over, sizeof over, "超期 %lld 件", total.overdue);
		snprintf(warn, sizeof warn, "预警 %lld 件", total.warn);
		int x = COL_NAME;
		if (total.overdue) {
			ui_put(y, x, cols, over, false, false, UI_ERROR);
			x += text_width(over) + 2;
		}
		if (total.warn) {
			ui_put(y, x, cols - (x - COL_NAME), warn, false, false, UI_TITLE);
			x += text_width(warn) + 2;
		}
		ui_printf(y, x, cols - (x - COL_NAME), UI_NORMAL, "(%s 查看)",
			  keys_first_name(ACT_TALLY, CTX_HOME));
		char *note = workday_note(cal);
		if (note)
			ui_put(y + 1, COL_NAME, cols, note, false, false, UI_DIM);
		free(note);
	} else {
		ui_put(y, COL_NAME, cols, "无逾期未办结件", false, false, UI_NORMAL);
	}
	free(counts);
	workday_cal_free(cal);
}


static void put_counts(int y, const char *label, int64_t d, int64_t m, int64_t yr,
		       enum ui_style st)
{
	char buf[32];
	ui_put(y, COL_NAME, W_NAME, label, true, false, st);
	snprintf(buf, sizeof buf, "%lld", (long long)d);
	ui_put(y, COL_NAME + W_NAME, W_NUM - 1, buf, true, true, st);
	snprintf(buf, sizeof buf, "%lld", (long long)m);
	ui_put(y, COL_NAME + W_NAME + W_NUM - 1, W_NUM, buf, true, true, st);
	snprintf(buf, sizeof buf, "%lld", (long long)yr);
	ui_put(y, COL_NAME + W_NAME + 2 * W_NUM - 1, W_NUM, buf, true, true, st);
}

static void home_draw(struct app *a, struct view *v)
{
	struct home *st = v->state;
	int cols = v->area.cols;
	char dayname[32], date[48], right[160], left[200];
	ui_date_label(dayname, a->today);
	snprintf(date, sizeof date, "%s%s", app_backdating(a) ? "补录 " : "", dayname);
	if (a->clerk_known)
		snprintf(right, sizeof right, "%s   %s %s", date, role_label(a->clerk.role),
			 a->clerk.name);
	else
		snprintf(right, sizeof right, "%s   账号 %s 未登记", date, current_login());
	snprintf(left, sizeof left, "%s%s", a->center, a->demo ? "  (演示数据)" : "");
	ui_title(left, right);
	ui_rule(1, 0, cols);

	char *err = NULL;
	char mfrom[DATE_LEN], mto[DATE_LEN], yfrom[DATE_LEN], yto[DATE_LEN];
	period_month_bounds(a->today, mfrom, mto);
	period_year_bounds(period_year_of(a->today), yfrom, yto);
	if (!tally_compute(a->db, a->cat, a->today, a->today, NULL, &st->day, &err) ||
	    !tally_compute(a->db, a->cat, mfrom, mto, NULL, &st->month, &err) ||
	    !tally_compute(a->db, a->cat, yfrom, yto, NULL, &st->year, &err)) {
		ui_put(3, 3, cols - 4, err ? err : "统计失败", false, false, UI_ERROR);
		free(err);
		tally_clear(&st->day);
		tally_clear(&st->month);
		tally_clear(&st->year);
		return;
	}

	int y = 3;
	ui_put(y, COL_NAME, W_NAME, "窗口", true, false, UI_TITLE);
	ui_put(y, COL_NAME + W_NAME, W_NUM - 1, app_backdating(a) ? "当日" : "今日", true, true,
	       UI_TITLE);
	ui_put(y, COL_NAME + W_NAME + W_NUM - 1, W_NUM, "本月", true, true, UI_TITLE);
	ui_put(y, COL_NAME + W_NAME + 2 * W_NUM - 1, W_NUM, "本年", true, true, UI_TITLE);
	y++;
	/* The windows take what the total, the overdue line and the account
	 * line below leave them (they scroll if they must). */
	int rows = v->area.rows - 5 - y;
	if (rows > (int)a->cat->nwindows)
		rows = (int)a->cat->nwindows;
	list_draw(&st->windows, y, rows);
	y += rows;
	int table_cols = W_NAME + 3 * W_NUM - 1;
	ui_rule(y++, COL_NAME, table_cols);
	put_counts(y++, "合计", st->day.total.entries, st->month.total.entries, st->year.total.entries,
		   UI_NORMAL);
	tally_clear(&st->day);
	tally_clear(&st->month);
	tally_clear(&st->year);

	y++;
	draw_promises(a, y, cols - 4);
	y += 2;
	if (!a->clerk_known) {
		y += ui_wrap(y, COL_NAME, cols - 4, 3,
			     a->clerk_problem ? a->clerk_problem : "账号未登记", UI_ERROR);
		ui_put(y, COL_NAME, cols - 4, "本账号可以查看统计和查询, 不能登记或作废.", false,
		       false, UI_NORMAL);
	}
}

static bool home_request(struct app *a, struct view *v, enum action act, int key)
{
	struct home *st = v->state;
	size_t n = a->cat->nwindows, sel;
	switch (act) {
	case ACT_PICK_WINDOW:
		if ((size_t)(key - '0') <= n && list_select(&st->windows, (size_t)(key - '1')))
			view_push(a, &entry_screen, key - '1');
		else
			app_error(a, "没有第 %c 个窗口", key);
		break;
	case ACT_OPEN:
		if (list_selected(&st->windows, &sel))
			view_push(a, &entry_screen, (int)sel);
		break;
	case ACT_TALLY:
		view_push(a, &tally_screen, 0);
		break;
	case ACT_SEARCH:
		view_push(a, &search_screen, 0);
		break;
	case ACT_REPORT:
		if (report_screen)
			view_push(a, report_screen, 0);
		break;
	case ACT_QUIT:
		a->quit = true;
		break;
	default:
		return false;
	}
	return true;
}

static unsigned home_context(struct app *a, struct view *v)
{
	(void)a;
	(void)v;
	return CTX_HOME;
}

static struct list *home_list(struct app *a, struct view *v)
{
	(void)a;
	return &((struct home *)v->state)->windows;
}

const struct screen_ops home_screen = {
	.name = "首页",
	.state_size = sizeof(struct home),
	.open = home_open,
	.draw = home_draw,
	.list = home_list,
	.request = home_request,
	.context = home_context,
	.digits = view_window_digits,
};
