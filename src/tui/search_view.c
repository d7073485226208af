/* Search by serial, applicant, ID number or date; one entry in full (the
 * only place an ID number is shown unmasked); voiding with a reason, or
 * correcting it in its window's form (entry_correct), where core decides
 * who may (a supervisor any entry, a clerk their own of today) and its
 * message is shown as is. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry_correct.h"
#include "entry_detail.h"
#include "entry_rows.h"
#include "field.h"
#include "idcheck.h"
#include "ledger.h"
#include "list.h"
#include "text.h"
#include "tui.h"
#include "util.h"

enum focus { FOCUS_INPUT, FOCUS_RESULTS, FOCUS_DETAIL, FOCUS_PROMPT };

#define MAX_RESULTS 500

struct search {
	struct app *a;
	enum focus focus;
	struct lineedit query;
	char *searched; /* the query the results are for; NULL before a search */
	struct entry_rows found; /* as last drawn */
	struct list results;
	char detail[SERIAL_LEN];
	struct lineedit reason;
	enum action prompt_for; /* ACT_VOID or ACT_MARK_RETURNED */
	/* The entry in detail as last drawn, for the key bar. */
	bool shown, shown_voided;
	enum txn_status shown_status;
};

static const struct list_ops result_list;

static void search_open(struct app *a, struct view *v, int arg)
{
	struct search *st = v->state;
	(void)arg;
	st->a = a;
	lineedit_init(&st->query, 60);
	lineedit_init(&st->reason, LEDGER_REASON_MAX);
	list_init(&st->results, &result_list, st, false);
}

static void search_done(struct app *a, struct view *v)
{
	struct search *st = v->state;
	(void)a;
	lineedit_finish(&st->query);
	lineedit_finish(&st->reason);
	entry_rows_finish(&st->found);
	free(st->searched);
}

enum { X_SERIAL = 2, X_DATE = 19, X_MATTER = 30, X_APPLICANT = 43, X_ID = 56, X_STATUS = 75 };

/* Five columns: a corrected entry reads 更正 (its details name the new one). */
static const char *status_mark(const struct entry *e)
{
	return e->corrected_by ? "更正" : e->voided_at ? "作废" : status_name(e->status);
}

static size_t result_count(void *ctx)
{
	return ((struct search *)ctx)->found.n;
}

static const char *result_key(void *ctx, size_t i)
{
	return entry_rows_serial(&((struct search *)ctx)->found, i);
}

static void result_row(void *ctx, size_t i, int y, bool selected)
{
	struct search *st = ctx;
	const struct entry *e = &st->found.rows[i];
	int cols = ui_get_area()->cols;
	enum ui_style s = selected && st->focus == FOCUS_RESULTS ? UI_SELECTED
			  : e->voided_at			     ? UI_DIM
								     : UI_NORMAL;
	char masked[32] = "";
	if (e->id_number && e->id_number[0])
		idcheck_mask(masked, sizeof masked, e->id_number);
	ui_put(y, 1, cols - 2, "", true, false, s);
	ui_put(y, X_SERIAL, 16, e->serial, true, false, s);
	ui_put(y, X_DATE, 10, e->date, true, false, s);
	ui_put(y, X_MATTER, 12, e->matter ? e->matter->name : "", true, false, s);
	ui_put(y, X_APPLICANT, 12, e->applicant, true, false, s);
	ui_put(y, X_ID, 18, masked, true, false, s);
	ui_put(y, X_STATUS, cols - X_STATUS - 1, status_mark(e), true, false, s);
}

static const struct list_ops result_list = {
	.count = result_count,
	.draw = result_row,
	.key = result_key,
};

static void draw_results(struct search *st, const struct view *v)
{
	struct app *a = st->a;
	int y = 4, cols = v->area.cols;
	ui_put(y, X_SERIAL, 16, "编号", true, false, UI_TITLE);
	ui_put(y, X_DATE, 10, "日期", true, false, UI_TITLE);
	ui_put(y, X_MATTER, 12, "事项", true, false, UI_TITLE);
	ui_put(y, X_APPLICANT, 12, "申请人", true, false, UI_TITLE);
	ui_put(y, X_ID, 18, "证件号码", true, false, UI_TITLE);
	ui_put(y, X_STATUS, cols - X_STATUS - 1, "状态", true, false, UI_TITLE);
	struct ledger_filter f = {
		.text = st->searched,
		.viewer = current_login(),
		.include_voided = true,
		.newest_first = true,
		.limit = MAX_RESULTS,
	};
	char *err = NULL;
	if (!entry_rows_query(&st->found, a->db, a->cat, &f, &err)) {
		app_error_take(a, err);
		return;
	}
	list_draw(&st->results, y + 1, v->area.rows - y - 1);
	if (st->found.n == 0)
		ui_put(y + 1, X_SERIAL, cols - 3, "没有找到", false, false, UI_DIM);
	/* A clerk kept to some windows finds only theirs (core's sieve): said,
	 * so that "nothing found" is not taken for "never registered". */
	bool kept = clerk_kept(&a->clerk);
	ui_printf(3, 1, cols - 2, UI_NORMAL, "找到 %zu 条%s%s", st->found.n,
		  st->found.more ? " (只列出最近的 500 条)" : "", kept ? " (只查本人负责的窗口)" : "");
}

struct detail_ctx {
	struct search *st;
	bool found;
};

static void note_state(struct search *st, const struct entry *e)
{
	st->shown = true;
	st->shown_voided = e->voided_at != NULL;
	st->shown_status = e->status;
}

static bool detail_entry(const struct entry *e, void *arg)
{
	struct detail_ctx *c = arg;
	c->found = true;
	note_state(c->st, e);
	entry_detail_draw(c->st->a, e, 3);
	return false;
}

static void draw_detail(struct search *st, const struct view *v)
{
	struct app *a = st->a;
	int cols = v->area.cols;
	struct detail_ctx c = {st, false};
	st->shown = false;
	char *err = NULL;
	if (!ledger_get(a->db, a->cat, st->detail, detail_entry, &c, &err)) {
		app_error_take(a, err);
		return;
	}
	if (!c.found)
		ui_printf(3, 2, cols - 3, UI_ERROR, "找不到 %s", st->detail);
	if (st->focus == FOCUS_PROMPT) {
		/* The reason is asked on the area's last line but one. */
		int y = v->area.rows - 2;
		const char *label = st->prompt_for == ACT_VOID ? "作废原因: " : "退回原因: ";
		int lw = text_width(label);
		ui_put(y, 2, lw, label, false, false, UI_ERROR);
		field_draw(a, &st->reason, y, 2 + lw, cols - lw - 4, true);
	}
}

static void search_draw(struct app *a, struct view *v)
{
	struct search *st = v->state;
	int cols = v->area.cols;
	char date[32];
	ui_date_label(date, a->today);
	ui_title(st->focus >= FOCUS_DETAIL ? "登记详情" : "查询", date);
	ui_rule(1, 0, cols);
	if (st->focus >= FOCUS_DETAIL) {
		draw_detail(st, v);
		return;
	}
	const char *label = "查询: ";
	int lw = text_width(label);
	ui_put(2, 1, lw, label, false, false, UI_TITLE);
	field_draw(a, &st->query, 2, 1 + lw, 36, st->focus == FOCUS_INPUT);
	ui_put(2, 2 + lw + 37, cols - lw - 40, "编号/申请人/证件号码或末4位/日期", false, false, UI_DIM);
	if (st->searched)
		draw_results(st, v);
}

static bool stop_at_first(const struct entry *e, void *arg)
{
	(void)e;
	*(bool *)arg = true;
	return false;
}

static bool any_result(struct search *st)
{
	bool found = false;
	struct ledger_filter f = {.text = st->searched, .viewer = current_login(),
				  .include_voided = true, .limit = 1};
	char *err = NULL;
	if (!ledger_query(st->a->db, st->a->cat, &f, stop_at_first, &found, &err))
		app_error_take(st->a, err);
	return found;
}

static void run_search(struct search *st)
{
	char *q = lineedit_text(&st->query);
	if (!text_trim(q)[0]) {
		app_error(st->a, "请输入编号、申请人、证件号码或日期 (YYYY-MM-DD)");
		free(q);
		return;
	}
	free(st->searched);
	st->searched = xstrdup(text_trim(q));
	free(q);
	/* A new search starts at its newest result. */
	entry_rows_clear(&st->found);
	list_init(&st->results, &result_list, st, false);
	/* Nothing found: the cursor stays in the query, to be corrected. */
	st->focus = any_result(st) ? FOCUS_RESULTS : FOCUS_INPUT;
}

/* Back to the bare query, its text kept for editing. */
static void forget_results(struct search *st)
{
	free(st->searched);
	st->searched = NULL;
	entry_rows_clear(&st->found);
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

static void handle_results(struct search *st, enum action act, int key)
{
	enum action edit;
	size_t i;
	if ((act == ACT_NONE || (act == ACT_TO_QUERY && key != ESC)) && edits_query(key, &edit)) {
		st->focus = FOCUS_INPUT;
		field_edit(&st->query, edit, key);
		return;
	}
	switch (act) {
	case ACT_MOVE_UP:
		/* Up from the first result (the list could not move) goes
		 * back to the query. */
		st->focus = FOCUS_INPUT;
		break;
	case ACT_CONFIRM:
		/* The detail shows the full ID number: core says who may open
		 * it, and records that it was opened. */
		if (list_selected(&st->results, &i)) {
			char *err = NULL;
			if (ledger_detail(st->a->db, st->a->cat, st->found.rows[i].serial,
					  current_login(), stop_at_first, &(bool){false}, &err)) {
				snprintf(st->detail, sizeof st->detail, "%s", st->found.rows[i].serial);
				st->focus = FOCUS_DETAIL;
			} else {
				app_error_take(st->a, err);
			}
		}
		break;
	case ACT_TO_QUERY:
		/* Esc leaves the results for the query, as it does when there
		 * were none (search_request). */
		st->focus = FOCUS_INPUT;
		forget_results(st);
		break;
	default:
		break;
	}
}

static void handle_prompt(struct search *st, enum action act, int key)
{
	struct app *a = st->a;
	if (act == ACT_BACK) {
		st->focus = FOCUS_DETAIL;
		return;
	}
	bool voiding = st->prompt_for == ACT_VOID;
	if (act != ACT_CONFIRM) {
		field_type(a, &st->reason, voiding ? "作废原因" : "退回原因", act, key);
		return;
	}
	char *reason = lineedit_text(&st->reason);
	char *err = NULL;
	if (!text_trim(reason)[0]) {
		app_error(a, voiding ? "请填写作废原因" : "请填写退回原因");
	} else if (voiding ? ledger_void(a->db, st->detail, text_trim(reason), current_login(), &err)
			   : ledger_set_status(a->db, st->detail, STATUS_RETURNED, text_trim(reason),
					       current_login(), &err)) {
		app_say(a, voiding ? "已作废 %s" : "已退回 %s", st->detail);
		st->focus = FOCUS_DETAIL;
	} else {
		app_error_take(a, err);
		st->focus = FOCUS_DETAIL;
	}
	free(reason);
}

/* Before a reason is typed: an entry this account may not void says so
 * at once, in core's words.  ledger_void still decides when it is saved. */
static bool may_void(struct search *st)
{
	char *err = NULL;
	if (ledger_may_void(st->a->db, st->detail, current_login(), &err))
		return true;
	app_error_take(st->a, err);
	return false;
}

static bool read_state(const struct entry *e, void *arg)
{
	note_state(arg, e);
	return false;
}

/* Only an entry still 受理 can be returned: said before the reason is
 * asked.  Read afresh, as another terminal may have changed it. */
static bool may_return(struct search *st)
{
	struct app *a = st->a;
	char *err = NULL;
	st->shown = false;
	if (!ledger_get(a->db, a->cat, st->detail, read_state, st, &err)) {
		app_error_take(a, err);
		return false;
	}
	if (!st->shown)
		app_error(a, "找不到 %s", st->detail);
	else if (st->shown_voided)
		app_error(a, "编号 %s 已作废", st->detail);
	else if (st->shown_status != STATUS_ACCEPTED)
		app_error(a, "编号 %s 的状态是%s, 只有受理中的办件可以退回", st->detail,
			  status_name(st->shown_status));
	else
		return true;
	return false;
}

static void handle_detail(struct search *st, enum action act)
{
	struct app *a = st->a;
	char *err = NULL;
	switch (act) {
	case ACT_VOID:
	case ACT_MARK_RETURNED:
		if (app_can_record(a) && (act == ACT_VOID ? may_void(st) : may_return(st))) {
			lineedit_clear(&st->reason);
			st->prompt_for = act;
			st->focus = FOCUS_PROMPT;
		}
		break;
	case ACT_CORRECT:
		entry_correct_open(a, st->detail);
		break;
	case ACT_MARK_DONE:
		if (!app_can_record(a))
			break;
		if (ledger_set_status(a->db, st->detail, STATUS_DONE, NULL, current_login(), &err))
			app_say(a, "已办结 %s", st->detail);
		else
			app_error_take(a, err);
		break;
	case ACT_BACK:
		st->focus = FOCUS_RESULTS;
		break;
	default:
		break;
	}
}

static bool search_request(struct app *a, struct view *v, enum action act, int key)
{
	struct search *st = v->state;
	(void)a;
	switch (st->focus) {
	case FOCUS_INPUT:
		/* Esc goes one level back whether the search found anything or
		 * not: from the results (shown under the query) to the bare
		 * query, and only from there out of the screen.  Leaving at
		 * once when nothing was found sent the keys typed next, meant
		 * for a new query, to the home screen. */
		if (act == ACT_BACK && !st->searched)
			return false;
		if (act == ACT_BACK)
			forget_results(st);
		else if (act == ACT_CONFIRM)
			run_search(st);
		else
			field_edit(&st->query, act, key);
		break;
	case FOCUS_RESULTS:
		handle_results(st, act, key);
		break;
	case FOCUS_DETAIL:
		handle_detail(st, act);
		break;
	case FOCUS_PROMPT:
		handle_prompt(st, act, key);
		break;
	}
	return true;
}

static unsigned search_context(struct app *a, struct view *v)
{
	struct search *st = v->state;
	(void)a;
	switch (st->focus) {
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

static struct list *search_list(struct app *a, struct view *v)
{
	struct search *st = v->state;
	(void)a;
	return st->focus == FOCUS_RESULTS ? &st->results : NULL;
}

/* The details offer only what applies to the entry shown. */
static void search_unoffered(struct app *a, struct view *v, bool *hidden)
{
	struct search *st = v->state;
	if (st->focus != FOCUS_DETAIL || !st->shown)
		return;
	bool open = !st->shown_voided && st->shown_status == STATUS_ACCEPTED;
	hidden[ACT_MARK_DONE] = hidden[ACT_MARK_DONE] || !open;
	hidden[ACT_MARK_RETURNED] = hidden[ACT_MARK_RETURNED] || !open;
	char *err = NULL;
	if (!ledger_may_void(a->db, st->detail, current_login(), &err))
		hidden[ACT_VOID] = hidden[ACT_CORRECT] = true;
	free(err);
}

const struct screen_ops search_screen = {
	.name = "查询",
	.state_size = sizeof(struct search),
	.open = search_open,
	.draw = search_draw,
	.list = search_list,
	.request = search_request,
	.done = search_done,
	.context = search_context,
	.unoffered = search_unoffered,
};
