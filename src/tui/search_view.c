/* Search by serial, applicant, ID number or date; one entry in full (the
 * only place an ID number is shown unmasked); voiding with a reason, where
 * ledger_void decides who may (a supervisor any entry, a clerk their own
 * of today) and its message is shown as is. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "idcheck.h"
#include "ledger.h"
#include "text.h"
#include "tui.h"
#include "util.h"

enum focus { FOCUS_INPUT, FOCUS_RESULTS, FOCUS_DETAIL, FOCUS_PROMPT };

#define MAX_RESULTS 500

static struct {
	enum focus focus;
	struct lineedit query;
	char *searched; /* the query the results are for; NULL before a search */
	char (*serials)[SERIAL_LEN];
	size_t nresults, sel, scroll;
	int page;
	char detail[SERIAL_LEN];
	struct lineedit reason;
	enum action prompt_for; /* ACT_VOID or ACT_MARK_RETURNED */
	/* The entry in detail as last drawn, for the key bar. */
	bool shown, shown_voided;
	enum txn_status shown_status;
} st;

static void search_enter(struct app *a, int arg)
{
	(void)a;
	(void)arg;
	memset(&st, 0, sizeof st);
	lineedit_init(&st.query, 60);
	lineedit_init(&st.reason, LEDGER_REASON_MAX);
	st.serials = xcalloc(MAX_RESULTS, sizeof *st.serials);
}

static void search_leave(struct app *a)
{
	(void)a;
	lineedit_finish(&st.query);
	lineedit_finish(&st.reason);
	free(st.searched);
	free(st.serials);
	st.searched = NULL;
	st.serials = NULL;
}

enum { X_SERIAL = 2, X_DATE = 19, X_MATTER = 30, X_APPLICANT = 43, X_ID = 56, X_STATUS = 75 };

static const char *status_mark(const struct entry *e)
{
	return e->voided_at ? "作废" : status_name(e->status);
}

struct result_ctx {
	int y, last_y;
};

static bool result_row(const struct entry *e, void *arg)
{
	struct result_ctx *c = arg;
	size_t i = st.nresults;
	if (i >= MAX_RESULTS)
		return false;
	snprintf(st.serials[i], SERIAL_LEN, "%s", e->serial);
	st.nresults++;
	if (i < st.scroll || c->y > c->last_y)
		return true;
	enum ui_style s = st.focus == FOCUS_RESULTS && i == st.sel ? UI_SELECTED
			  : e->voided_at				? UI_DIM
									: UI_NORMAL;
	char masked[32] = "";
	if (e->id_number && e->id_number[0])
		idcheck_mask(masked, sizeof masked, e->id_number);
	int y = c->y++;
	ui_put(y, 1, COLS - 2, "", true, false, s);
	ui_put(y, X_SERIAL, 16, e->serial, true, false, s);
	ui_put(y, X_DATE, 10, e->date, true, false, s);
	ui_put(y, X_MATTER, 12, e->matter ? e->matter->name : "", true, false, s);
	ui_put(y, X_APPLICANT, 12, e->applicant, true, false, s);
	ui_put(y, X_ID, 18, masked, true, false, s);
	ui_put(y, X_STATUS, COLS - X_STATUS - 1, status_mark(e), true, false, s);
	return true;
}

static void draw_results(struct app *a)
{
	int y = 4;
	ui_put(y, X_SERIAL, 16, "编号", true, false, UI_TITLE);
	ui_put(y, X_DATE, 10, "日期", true, false, UI_TITLE);
	ui_put(y, X_MATTER, 12, "事项", true, false, UI_TITLE);
	ui_put(y, X_APPLICANT, 12, "申请人", true, false, UI_TITLE);
	ui_put(y, X_ID, 18, "证件号码", true, false, UI_TITLE);
	ui_put(y, X_STATUS, COLS - X_STATUS - 1, "状态", true, false, UI_TITLE);
	struct result_ctx c = {.y = y + 1, .last_y = LINES - 4};
	st.page = c.last_y - c.y + 1;
	st.nresults = 0;
	struct ledger_filter f = {
		.text = st.searched,
		.viewer = current_login(),
		.include_voided = true,
		.newest_first = true,
		.limit = MAX_RESULTS,
	};
	char *err = NULL;
	if (!ledger_query(a->db, a->cat, &f, result_row, &c, &err)) {
		app_error_take(a, err);
		return;
	}
	if (st.nresults == 0)
		ui_put(y + 1, X_SERIAL, COLS - 3, "没有找到", false, false, UI_DIM);
	if (st.sel >= st.nresults)
		st.sel = st.nresults ? st.nresults - 1 : 0;
	ui_printf(3, 1, COLS - 2, UI_NORMAL, "找到 %zu 条%s", st.nresults,
		  st.nresults >= MAX_RESULTS ? " (只列出最近的 500 条)" : "");
}

struct detail_ctx {
	struct app *a;
	bool found;
};

static void detail_line(int *y, const char *label, const char *value)
{
	ui_put(*y, 2, 12, label, true, false, UI_TITLE);
	ui_put(*y, 14, COLS - 15, value ? value : "", false, false, UI_NORMAL);
	(*y)++;
}

/* A stored timestamp "2021-03-15T09:30:00" as people write it. */
static void readable_time(char *out, size_t size, const char *iso)
{
	snprintf(out, size, "%s", iso ? iso : "");
	char *t = strchr(out, 'T');
	if (t)
		*t = ' ';
}

static bool detail_entry(const struct entry *e, void *arg)
{
	struct detail_ctx *c = arg;
	c->found = true;
	st.shown = true;
	st.shown_voided = e->voided_at != NULL;
	st.shown_status = e->status;
	int y = 3;
	char buf[160];
	detail_line(&y, "编号", e->serial);
	snprintf(buf, sizeof buf, "%s %s", e->date, e->time);
	detail_line(&y, "日期", buf);
	detail_line(&y, "窗口", e->window ? e->window->name : "");
	detail_line(&y, "事项", e->matter ? e->matter->name : "");
	if (e->category && e->category[0])
		detail_line(&y, "分类", e->category);
	detail_line(&y, "申请人", e->applicant);
	detail_line(&y, "证件号码", e->id_number);
	detail_line(&y, "村", e->village ? e->village->name : "");
	if (e->matter) {
		enum unit u = e->matter->unit;
		if (unit_wants_households(u)) {
			snprintf(buf, sizeof buf, "%lld", (long long)e->households);
			detail_line(&y, "户数", buf);
		}
		if (unit_wants_persons(u)) {
			snprintf(buf, sizeof buf, "%lld", (long long)e->persons);
			detail_line(&y, "人数", buf);
		}
		if (unit_wants_quantity(u)) {
			snprintf(buf, sizeof buf, "%lld", (long long)e->quantity);
			detail_line(&y, "数量", buf);
		}
	}
	if (e->status == STATUS_ACCEPTED && e->matter && e->matter->time_limit_days > 0) {
		int days = ledger_days_open(e, c->a->today);
		snprintf(buf, sizeof buf, "%s (承诺 %d 天, 已 %d 天%s)", status_name(e->status),
			 e->matter->time_limit_days, days,
			 days > e->matter->time_limit_days ? ", 逾期" : "");
		detail_line(&y, "状态", buf);
	} else {
		detail_line(&y, "状态", status_name(e->status));
	}
	const char *name = app_clerk_name(c->a, e->clerk);
	if (strcmp(name, e->clerk) == 0)
		snprintf(buf, sizeof buf, "%s", name);
	else
		snprintf(buf, sizeof buf, "%s (%s)", name, e->clerk);
	detail_line(&y, "经办人", buf);
	readable_time(buf, sizeof buf, e->created_at);
	detail_line(&y, "登记时间", buf);
	detail_line(&y, "备注", e->note);
	if (e->voided_at) {
		char when[32];
		readable_time(when, sizeof when, e->voided_at);
		snprintf(buf, sizeof buf, "%s  %s  原因: %s", when,
			 e->voided_by ? e->voided_by : "", e->void_reason ? e->void_reason : "");
		ui_put(y, 2, 12, "已作废", true, false, UI_ERROR);
		ui_put(y, 14, COLS - 15, buf, false, false, UI_ERROR);
	}
	return false;
}

static void draw_detail(struct app *a)
{
	struct detail_ctx c = {a, false};
	st.shown = false;
	char *err = NULL;
	if (!ledger_get(a->db, a->cat, st.detail, detail_entry, &c, &err)) {
		app_error_take(a, err);
		return;
	}
	if (!c.found)
		ui_printf(3, 2, COLS - 3, UI_ERROR, "找不到 %s", st.detail);
	if (st.focus == FOCUS_PROMPT) {
		int y = LINES - 5;
		const char *label = st.prompt_for == ACT_VOID ? "作废原因: " : "退回原因: ";
		int lw = text_width(label);
		ui_put(y, 2, lw, label, false, false, UI_ERROR);
		field_draw(a, &st.reason, y, 2 + lw, COLS - lw - 4, true);
	}
}

static void search_draw(struct app *a)
{
	char date[32];
	ui_date_label(date, a->today);
	ui_title(st.focus >= FOCUS_DETAIL ? "登记详情" : "查询", date);
	ui_rule(1, 0, COLS);
	if (st.focus >= FOCUS_DETAIL) {
		draw_detail(a);
		return;
	}
	const char *label = "查询: ";
	int lw = text_width(label);
	ui_put(2, 1, lw, label, false, false, UI_TITLE);
	field_draw(a, &st.query, 2, 1 + lw, 36, st.focus == FOCUS_INPUT);
	ui_put(2, 2 + lw + 37, COLS - lw - 40, "编号/申请人/证件号码或末4位/日期", false, false, UI_DIM);
	if (st.searched)
		draw_results(a);
}

static bool stop_at_first(const struct entry *e, void *arg)
{
	(void)e;
	*(bool *)arg = true;
	return false;
}

static bool any_result(struct app *a)
{
	bool found = false;
	struct ledger_filter f = {.text = st.searched, .viewer = current_login(),
				  .include_voided = true, .limit = 1};
	char *err = NULL;
	if (!ledger_query(a->db, a->cat, &f, stop_at_first, &found, &err))
		app_error_take(a, err);
	return found;
}

static void run_search(struct app *a)
{
	char *q = lineedit_text(&st.query);
	if (!text_trim(q)[0]) {
		app_error(a, "请输入编号、申请人、证件号码或日期 (YYYY-MM-DD)");
		free(q);
		return;
	}
	free(st.searched);
	st.searched = xstrdup(text_trim(q));
	free(q);
	st.sel = st.scroll = 0;
	/* Nothing found: the cursor stays in the query, to be corrected. */
	st.focus = any_result(a) ? FOCUS_RESULTS : FOCUS_INPUT;
}

/* A key that edits text, typed while the results have the cursor: the
 * clerk means the query. */
static bool edits_query(int key, enum action *act)
{
	*act = keys_lookup(key, CTX_SEARCH | CTX_TEXT, NULL);
	switch (*act) {
	case ACT_TEXT:
	case ACT_EDIT_LEFT:
	case ACT_EDIT_RIGHT:
	case ACT_EDIT_HOME:
	case ACT_EDIT_END:
	case ACT_EDIT_BACKSPACE:
	case ACT_EDIT_DELETE:
	case ACT_EDIT_KILL_START:
	case ACT_EDIT_KILL_END:
		return true;
	default:
		return false;
	}
}

static void keep_selection_visible(void)
{
	if (st.page <= 0)
		return;
	if (st.sel < st.scroll)
		st.scroll = st.sel;
	if (st.sel >= st.scroll + (size_t)st.page)
		st.scroll = st.sel - (size_t)st.page + 1;
}

static void handle_results(struct app *a, enum action act, int key)
{
	size_t page = st.page > 0 ? (size_t)st.page : 1;
	enum action edit;
	if (act == ACT_NONE && edits_query(key, &edit)) {
		st.focus = FOCUS_INPUT;
		field_edit(&st.query, edit, key);
		return;
	}
	switch (act) {
	case ACT_MOVE_UP:
		if (st.sel > 0)
			st.sel--;
		else
			st.focus = FOCUS_INPUT;
		break;
	case ACT_MOVE_DOWN:
		if (st.sel + 1 < st.nresults)
			st.sel++;
		break;
	case ACT_PAGE_DOWN:
		st.sel = st.sel + page < st.nresults ? st.sel + page : (st.nresults ? st.nresults - 1 : 0);
		break;
	case ACT_PAGE_UP:
		st.sel = st.sel > page ? st.sel - page : 0;
		break;
	case ACT_CONFIRM:
		/* The detail shows the full ID number: core says who may open
		 * it, and records that it was opened. */
		if (st.sel < st.nresults) {
			char *err = NULL;
			if (ledger_detail(a->db, a->cat, st.serials[st.sel], current_login(),
					  stop_at_first, &(bool){false}, &err)) {
				memcpy(st.detail, st.serials[st.sel], SERIAL_LEN);
				st.focus = FOCUS_DETAIL;
			} else {
				app_error_take(a, err);
			}
		}
		break;
	case ACT_TO_QUERY:
		st.focus = FOCUS_INPUT;
		break;
	default:
		break;
	}
	(void)a;
	keep_selection_visible();
}

static void handle_prompt(struct app *a, enum action act, int key)
{
	if (act == ACT_BACK) {
		st.focus = FOCUS_DETAIL;
		return;
	}
	if (act != ACT_CONFIRM) {
		field_type(a, &st.reason, st.prompt_for == ACT_VOID ? "作废原因" : "退回原因", act,
			   key);
		return;
	}
	char *reason = lineedit_text(&st.reason);
	char *err = NULL;
	bool voiding = st.prompt_for == ACT_VOID;
	if (!text_trim(reason)[0]) {
		app_error(a, voiding ? "请填写作废原因" : "请填写退回原因");
	} else if (voiding ? ledger_void(a->db, st.detail, text_trim(reason), current_login(), &err)
			   : ledger_set_status(a->db, st.detail, STATUS_RETURNED, text_trim(reason),
					       current_login(), &err)) {
		app_say(a, voiding ? "已作废 %s" : "已退回 %s", st.detail);
		st.focus = FOCUS_DETAIL;
	} else {
		app_error_take(a, err);
		st.focus = FOCUS_DETAIL;
	}
	free(reason);
}

/* Before a reason is typed: an entry this account may not void says so
 * at once, in core's words.  ledger_void still decides when it is saved. */
static bool may_void(struct app *a)
{
	char *err = NULL;
	if (ledger_may_void(a->db, st.detail, current_login(), &err))
		return true;
	app_error_take(a, err);
	return false;
}

static bool read_state(const struct entry *e, void *arg)
{
	(void)arg;
	st.shown = true;
	st.shown_voided = e->voided_at != NULL;
	st.shown_status = e->status;
	return false;
}

/* Only an entry still 受理 can be returned: said before the reason is
 * asked.  Read afresh, as another terminal may have changed it. */
static bool may_return(struct app *a)
{
	char *err = NULL;
	st.shown = false;
	if (!ledger_get(a->db, a->cat, st.detail, read_state, NULL, &err)) {
		app_error_take(a, err);
		return false;
	}
	if (!st.shown)
		app_error(a, "找不到 %s", st.detail);
	else if (st.shown_voided)
		app_error(a, "编号 %s 已作废", st.detail);
	else if (st.shown_status != STATUS_ACCEPTED)
		app_error(a, "编号 %s 的状态是%s, 只有受理中的办件可以退回", st.detail,
			  status_name(st.shown_status));
	else
		return true;
	return false;
}

static void search_handle(struct app *a, enum action act, int key)
{
	switch (st.focus) {
	case FOCUS_INPUT:
		if (act == ACT_CONFIRM)
			run_search(a);
		else if (act == ACT_BACK)
			app_pop(a);
		else
			field_edit(&st.query, act, key);
		break;
	case FOCUS_RESULTS:
		handle_results(a, act, key);
		break;
	case FOCUS_DETAIL:
		if (act == ACT_VOID || act == ACT_MARK_RETURNED) {
			if (app_can_record(a) && (act == ACT_VOID ? may_void(a) : may_return(a))) {
				lineedit_clear(&st.reason);
				st.prompt_for = act;
				st.focus = FOCUS_PROMPT;
			}
		} else if (act == ACT_MARK_DONE) {
			char *err = NULL;
			if (!app_can_record(a))
				break;
			if (ledger_set_status(a->db, st.detail, STATUS_DONE, NULL, current_login(), &err))
				app_say(a, "已办结 %s", st.detail);
			else
				app_error_take(a, err);
		} else if (act == ACT_BACK) {
			st.focus = FOCUS_RESULTS;
		}
		break;
	case FOCUS_PROMPT:
		handle_prompt(a, act, key);
		break;
	}
}

static unsigned search_context(struct app *a)
{
	(void)a;
	switch (st.focus) {
	case FOCUS_INPUT:
		return CTX_SEARCH | CTX_TEXT;
	case FOCUS_RESULTS:
		return CTX_RESULTS;
	case FOCUS_DETAIL:
		return CTX_DETAIL;
	case FOCUS_PROMPT:
		return CTX_PROMPT | CTX_TEXT;
	}
	return CTX_SEARCH;
}

/* Paging only when the results fill more than a page; the details offer
 * only what applies to the entry shown. */
static void search_unoffered(struct app *a, bool *hidden)
{
	if (st.focus == FOCUS_RESULTS && st.nresults <= (size_t)(st.page > 0 ? st.page : 1))
		hidden[ACT_PAGE_UP] = hidden[ACT_PAGE_DOWN] = true;
	if (st.focus != FOCUS_DETAIL || !st.shown)
		return;
	bool open = !st.shown_voided && st.shown_status == STATUS_ACCEPTED;
	hidden[ACT_MARK_DONE] = hidden[ACT_MARK_DONE] || !open;
	hidden[ACT_MARK_RETURNED] = hidden[ACT_MARK_RETURNED] || !open;
	char *err = NULL;
	if (!ledger_may_void(a->db, st.detail, current_login(), &err))
		hidden[ACT_VOID] = true;
	free(err);
}

const struct screen_ops search_screen = {
	.name = "查询",
	.enter = search_enter,
	.draw = search_draw,
	.handle = search_handle,
	.leave = search_leave,
	.context = search_context,
	.unoffered = search_unoffered,
};
