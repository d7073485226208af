#include "entry_list.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "ledger.h"
#include "lineedit.h"
#include "tally.h"
#include "text.h"
#include "tui.h"
#include "util.h"

enum mode { MODE_TODAY, MODE_CHOOSE, MODE_REASON };

#define MAX_LISTED 64

static struct {
	enum mode mode;
	char listed[MAX_LISTED][SERIAL_LEN]; /* the entries as drawn */
	size_t nlisted, sel;
	struct lineedit reason;
	char serial[SERIAL_LEN]; /* the one being voided */
	/* Whose entries are offered: NULL everyone's (a supervisor or
	 * admin), else this clerk's own; `none` when a clerk may void none
	 * on this working day. */
	char *only_clerk;
	bool none;
} ls;

void entry_list_init(void)
{
	ls.mode = MODE_TODAY;
	ls.nlisted = ls.sel = 0;
	lineedit_init(&ls.reason, LEDGER_REASON_MAX);
}

void entry_list_finish(void)
{
	lineedit_finish(&ls.reason);
	free(ls.only_clerk);
	ls.only_clerk = NULL;
}

struct list_ctx {
	struct app *a;
	int y;
};

static bool draw_row(const struct entry *e, void *arg)
{
	struct list_ctx *c = arg;
	if (ls.nlisted >= MAX_LISTED || c->y > LINES - 4)
		return false;
	size_t i = ls.nlisted++;
	snprintf(ls.listed[i], sizeof ls.listed[i], "%s", e->serial);
	enum ui_style s = UI_NORMAL;
	if (ls.mode != MODE_TODAY && i == ls.sel)
		s = UI_SELECTED;
	else if (e->voided_at)
		s = UI_DIM;
	int y = c->y++;
	/* The figure in the matter's unit tells 2户7人 from 1户1人 at a
	 * glance, as the tally will count it. */
	char fig[48] = "";
	if (e->matter) {
		struct tally_cell one = {1, e->households, e->persons, e->quantity};
		tally_format(fig, sizeof fig, e->matter->unit, &one);
	}
	ui_put(y, 1, COLS - 2, "", true, false, s);
	ui_put(y, 2, 16, e->serial, true, false, s);
	ui_put(y, 19, 5, e->time, true, false, s);
	ui_put(y, 25, 12, e->matter ? e->matter->name : "", true, false, s);
	ui_put(y, 38, 7, fig, true, true, s);
	ui_put(y, 46, 10, e->applicant, true, false, s);
	ui_put(y, 57, 8, e->village ? e->village->name : "", true, false, s);
	ui_put(y, 66, 6, app_clerk_name(c->a, e->clerk), true, false, s);
	const char *mark = e->voided_at ? "已作废" : e->status == STATUS_DONE ? "" : status_name(e->status);
	ui_put(y, 73, COLS - 74, mark, true, false, s);
	return true;
}

static void draw_heading(struct app *a, int y)
{
	if (ls.mode == MODE_REASON) {
		char label[96];
		snprintf(label, sizeof label, "作废 %s  原因: ", ls.serial);
		int lw = text_width(label);
		ui_put(y, 1, lw, label, false, false, UI_ERROR);
		field_draw(a, &ls.reason, y, 1 + lw, COLS - lw - 3, true);
	} else if (ls.mode == MODE_CHOOSE) {
		ui_put(y, 1, COLS - 2,
		       ls.only_clerk ? "选择要作废的登记 (本人今日的; Enter 确定, Esc 取消)"
				     : "选择要作废的登记 (Enter 确定, Esc 取消)",
		       false, false, UI_TITLE);
	} else {
		ui_put(y, 1, COLS - 2, app_backdating(a) ? "当日已录入" : "今日已录入", false, false,
		       UI_TITLE);
	}
}

void entry_list_draw(struct app *a, const struct catalog_window *w, int y)
{
	draw_heading(a, y);
	ls.nlisted = 0;
	bool voiding = ls.mode != MODE_TODAY;
	struct ledger_filter f = {
		.from = a->today,
		.to = a->today,
		.window = w,
		.clerk = voiding ? ls.only_clerk : NULL,
		.viewer = current_login(),
		.include_voided = !voiding,
		.newest_first = true,
		.limit = LINES - 4 - y,
	};
	struct list_ctx c = {.a = a, .y = y + 1};
	char *err = NULL;
	if (voiding && ls.none) {
		char today[DATE_LEN];
		period_today(today);
		ui_printf(y + 1, 2, COLS - 3, UI_ERROR,
			  "经办人只能作废本人当天 (%s) 的登记; 其他日期的请找主管", today);
	} else if (!ledger_query(a->db, a->cat, &f, draw_row, &c, &err)) {
		ui_put(y + 1, 2, COLS - 3, err ? err : "查询失败", false, false, UI_ERROR);
		free(err);
	} else if (ls.nlisted == 0) {
		const char *empty = voiding ? "(没有可以作废的登记)"
				    : app_backdating(a) ? "(当日本窗口尚无登记)"
							: "(今日本窗口尚无登记)";
		ui_put(y + 1, 2, COLS - 3, empty, false, false, UI_DIM);
	}
	if (ls.sel >= ls.nlisted)
		ls.sel = ls.nlisted ? ls.nlisted - 1 : 0;
}

static bool found_one(const struct entry *e, void *arg)
{
	(void)e;
	*(bool *)arg = true;
	return false;
}

/* Whether the list of entries to void would offer any: an empty list to
 * choose from is no answer, the status line says why instead. */
static bool any_voidable(struct app *a, const struct catalog_window *w)
{
	if (ls.none) {
		char today[DATE_LEN];
		period_today(today);
		app_error(a, "经办人只能作废本人当天 (%s) 的登记; 其他日期的请找主管", today);
		return false;
	}
	struct ledger_filter f = {
		.from = a->today,
		.to = a->today,
		.window = w,
		.clerk = ls.only_clerk,
		.limit = 1,
	};
	bool found = false;
	char *err = NULL;
	if (!ledger_query(a->db, a->cat, &f, found_one, &found, &err)) {
		app_error_take(a, err);
		return false;
	}
	if (!found)
		app_error(a, ls.only_clerk ? "本窗口今日没有您录入的、可以作废的登记"
					   : "本窗口今日没有可以作废的登记");
	return found;
}

bool entry_list_begin_void(struct app *a, const struct catalog_window *w)
{
	/* The role as it is now: an administrator may have changed it. */
	struct clerk c;
	char *err = NULL;
	if (!clerk_get(a->db, current_login(), &c, &err)) {
		app_error_take(a, err);
		return false;
	}
	free(ls.only_clerk);
	ls.only_clerk = NULL;
	ls.none = false;
	if (c.role == ROLE_CLERK) {
		char today[DATE_LEN];
		period_today(today);
		ls.only_clerk = xstrdup(c.login);
		ls.none = strcmp(a->today, today) != 0;
	}
	clerk_clear(&c);
	if (!any_voidable(a, w))
		return false;
	ls.mode = MODE_CHOOSE;
	ls.sel = 0;
	return true;
}

static bool handle_choose(struct app *a, enum action act)
{
	switch (act) {
	case ACT_MOVE_UP:
		if (ls.sel > 0)
			ls.sel--;
		break;
	case ACT_MOVE_DOWN:
		if (ls.sel + 1 < ls.nlisted)
			ls.sel++;
		break;
	case ACT_CONFIRM:
		if (ls.none || ls.sel >= ls.nlisted) {
			app_error(a, "没有可作废的登记");
			break;
		}
		memcpy(ls.serial, ls.listed[ls.sel], SERIAL_LEN);
		lineedit_clear(&ls.reason);
		ls.mode = MODE_REASON;
		break;
	case ACT_BACK:
		ls.mode = MODE_TODAY;
		return true;
	default:
		break;
	}
	return false;
}

static bool handle_reason(struct app *a, enum action act, int key)
{
	if (act == ACT_BACK) {
		ls.mode = MODE_CHOOSE;
		return false;
	}
	if (act != ACT_CONFIRM) {
		field_type(a, &ls.reason, "作废原因", act, key);
		return false;
	}
	char *reason = lineedit_text(&ls.reason);
	char *err = NULL;
	bool over = false;
	if (!text_trim(reason)[0]) {
		app_error(a, "请填写作废原因");
	} else if (ledger_void(a->db, ls.serial, text_trim(reason), current_login(), &err)) {
		app_say(a, "已作废 %s", ls.serial);
		ls.mode = MODE_TODAY;
		over = true;
	} else {
		app_error_take(a, err);
		ls.mode = MODE_CHOOSE;
	}
	free(reason);
	return over;
}

bool entry_list_handle(struct app *a, enum action act, int key)
{
	switch (ls.mode) {
	case MODE_CHOOSE:
		return handle_choose(a, act);
	case MODE_REASON:
		return handle_reason(a, act, key);
	case MODE_TODAY:
		break;
	}
	return true;
}

unsigned entry_list_context(void)
{
	return ls.mode == MODE_REASON ? CTX_PROMPT | CTX_TEXT : CTX_ENTRIES;
}
