#include "entry_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry_correct.h"
#include "field.h"
#include "ledger.h"
#include "tally.h"
#include "text.h"
#include "tui.h"
#include "util.h"

static size_t row_count(void *ctx)
{
	return ((struct entry_list *)ctx)->rows.n;
}

static const char *row_key(void *ctx, size_t i)
{
	return entry_rows_serial(&((struct entry_list *)ctx)->rows, i);
}

/* A voided entry is shown (dim) but cannot be chosen. */
static bool row_selectable(void *ctx, size_t i)
{
	struct entry_list *l = ctx;
	return !l->rows.rows[i].voided_at;
}

static void draw_row(void *ctx, size_t i, int y, bool selected)
{
	struct entry_list *l = ctx;
	const struct entry *e = &l->rows.rows[i];
	int cols = ui_get_area()->cols;
	enum ui_style s = selected ? UI_SELECTED : e->voided_at ? UI_DIM : UI_NORMAL;
	/* The figure in the matter's unit tells 2户7人 from 1户1人 at a
	 * glance, as the tally will count it. */
	char fig[48] = "";
	if (e->matter) {
		struct tally_cell one = {1, e->households, e->persons, e->quantity};
		tally_format(fig, sizeof fig, e->matter->unit, &one);
	}
	ui_put(y, 1, cols - 2, "", true, false, s);
	ui_put(y, 2, 16, e->serial, true, false, s);
	ui_put(y, 19, 5, e->time, true, false, s);
	ui_put(y, 25, 12, e->matter ? e->matter->name : "", true, false, s);
	ui_put(y, 38, 7, fig, true, true, s);
	ui_put(y, 46, 10, e->applicant, true, false, s);
	ui_put(y, 57, 8, e->village ? e->village->name : "", true, false, s);
	ui_put(y, 66, 6, app_clerk_name(l->a, e->clerk), true, false, s);
	const char *mark = e->corrected_by ? "已更正" : e->voided_at ? "已作废"
			   : e->status == STATUS_DONE ? "" : status_name(e->status);
	ui_put(y, 73, cols - 74, mark, true, false, s);
}

static const struct list_ops entry_rows_list = {
	.count = row_count,
	.draw = draw_row,
	.key = row_key,
	.selectable = row_selectable,
};

void entry_list_init(struct entry_list *l, struct app *a, const struct catalog_window *w)
{
	memset(l, 0, sizeof *l);
	l->a = a;
	l->w = w;
	l->mode = ENTRY_LIST_TODAY;
	list_init(&l->list, &entry_rows_list, l, true);
	lineedit_init(&l->reason, LEDGER_REASON_MAX);
}

void entry_list_finish(struct entry_list *l)
{
	lineedit_finish(&l->reason);
	entry_rows_finish(&l->rows);
	free(l->only_clerk);
	l->only_clerk = NULL;
}

static const char *doing(const struct entry_list *l)
{
	return l->correcting ? "更正" : "作废";
}

static void draw_heading(struct entry_list *l, int y)
{
	int cols = ui_get_area()->cols;
	if (l->mode == ENTRY_LIST_REASON) {
		char label[96];
		snprintf(label, sizeof label, "作废 %s  原因: ", l->serial);
		int lw = text_width(label);
		ui_put(y, 1, lw, label, false, false, UI_ERROR);
		field_draw(l->a, &l->reason, y, 1 + lw, cols - lw - 3, true);
	} else if (l->mode == ENTRY_LIST_CHOOSE) {
		char *head = xasprintf("选择要%s的登记 (%s%s 确定, %s 取消)", doing(l),
				       l->only_clerk ? "本人今日的; " : "",
				       keys_first_name(ACT_CONFIRM, CTX_ENTRIES),
				       keys_first_name(ACT_BACK, CTX_ENTRIES));
		ui_put(y, 1, cols - 2, head, false, false, UI_TITLE);
		free(head);
	} else {
		ui_put(y, 1, cols - 2, app_backdating(l->a) ? "当日已录入" : "今日已录入", false,
		       false, UI_TITLE);
	}
}

/* Why a clerk is offered nothing on a day gone by; malloc'd. */
static char *clerk_day_only(const struct entry_list *l)
{
	char today[DATE_LEN];
	period_today(today);
	return xasprintf("经办人只能%s本人当天 (%s) 的登记; 其他日期的请找主管", doing(l), today);
}

void entry_list_draw(struct entry_list *l, int y, int rows)
{
	struct app *a = l->a;
	int cols = ui_get_area()->cols;
	draw_heading(l, y);
	bool voiding = l->mode != ENTRY_LIST_TODAY;
	if (voiding && l->none) {
		char *msg = clerk_day_only(l);
		ui_put(y + 1, 2, cols - 3, msg, false, false, UI_ERROR);
		free(msg);
		return;
	}
	/* Today's list shows what fits; choosing scrolls through them all. */
	struct ledger_filter f = {
		.from = a->today,
		.to = a->today,
		.window = l->w,
		.clerk = voiding ? l->only_clerk : NULL,
		.viewer = current_login(),
		.include_voided = !voiding,
		.newest_first = true,
		.limit = voiding ? 0 : rows - 1,
	};
	char *err = NULL;
	if (!entry_rows_query(&l->rows, a->db, a->cat, &f, &err)) {
		ui_put(y + 1, 2, cols - 3, err ? err : "查询失败", false, false, UI_ERROR);
		free(err);
		return;
	}
	if (l->rows.n == 0) {
		const char *empty = voiding ? l->correcting ? "(没有可以更正的登记)" : "(没有可以作废的登记)"
				    : app_backdating(a) ? "(当日本窗口尚无登记)"
							: "(今日本窗口尚无登记)";
		ui_put(y + 1, 2, cols - 3, empty, false, false, UI_DIM);
	}
	list_draw(&l->list, y + 1, rows - 1);
}

static bool found_one(const struct entry *e, void *arg)
{
	(void)e;
	*(bool *)arg = true;
	return false;
}

/* Whether the list of entries to void would offer any: an empty list to
 * choose from is no answer, the status line says why instead. */
static bool any_voidable(struct entry_list *l)
{
	struct app *a = l->a;
	if (l->none) {
		char *msg = clerk_day_only(l);
		app_error(a, "%s", msg);
		free(msg);
		return false;
	}
	struct ledger_filter f = {
		.from = a->today,
		.to = a->today,
		.window = l->w,
		.clerk = l->only_clerk,
		.limit = 1,
	};
	bool found = false;
	char *err = NULL;
	if (!ledger_query(a->db, a->cat, &f, found_one, &found, &err)) {
		app_error_take(a, err);
		return false;
	}
	if (!found)
		app_error(a, l->only_clerk ? "本窗口今日没有您录入的、可以%s的登记"
					   : "本窗口今日没有可以%s的登记", doing(l));
	return found;
}

bool entry_list_begin(struct entry_list *l, bool correcting)
{
	struct app *a = l->a;
	/* The role as it is now: an administrator may have changed it. */
	struct clerk c;
	char *err = NULL;
	if (!clerk_get(a->db, current_login(), &c, &err)) {
		app_error_take(a, err);
		return false;
	}
	free(l->only_clerk);
	l->only_clerk = NULL;
	l->none = false;
	l->correcting = correcting;
	if (c.role == ROLE_CLERK) {
		char today[DATE_LEN];
		period_today(today);
		l->only_clerk = xstrdup(c.login);
		l->none = strcmp(a->today, today) != 0;
	}
	clerk_clear(&c);
	if (!any_voidable(l))
		return false;
	l->mode = ENTRY_LIST_CHOOSE;
	/* The cursor starts on the newest; the rows come with the next draw. */
	entry_rows_clear(&l->rows);
	list_init(&l->list, &entry_rows_list, l, false);
	return true;
}

void entry_list_end(struct entry_list *l)
{
	l->mode = ENTRY_LIST_TODAY;
	list_init(&l->list, &entry_rows_list, l, true);
}

static bool handle_choose(struct entry_list *l, enum action act, int key)
{
	struct app *a = l->a;
	size_t i;
	switch (act) {
	case ACT_JUMP:
		if (!list_type(&l->list, key))
			app_error(a, "没有编号末尾为 %s%c 的登记", l->list.typed, key);
		break;
	case ACT_CODE_ERASE:
		list_erase(&l->list);
		break;
	case ACT_CONFIRM:
		if (l->none || !list_selected(&l->list, &i)) {
			app_error(a, "没有可%s的登记", doing(l));
			break;
		}
		if (l->correcting) {
			entry_correct_open(a, l->rows.rows[i].serial);
			break;
		}
		snprintf(l->serial, sizeof l->serial, "%s", l->rows.rows[i].serial);
		lineedit_clear(&l->reason);
		l->mode = ENTRY_LIST_REASON;
		break;
	case ACT_BACK:
		entry_list_end(l);
		return true;
	default:
		break;
	}
	return false;
}

static bool handle_reason(struct entry_list *l, enum action act, int key)
{
	struct app *a = l->a;
	if (act == ACT_BACK) {
		l->mode = ENTRY_LIST_CHOOSE;
		return false;
	}
	if (act != ACT_CONFIRM) {
		field_type(a, &l->reason, "作废原因", act, key);
		return false;
	}
	char *reason = lineedit_text(&l->reason);
	char *err = NULL;
	bool over = false;
	if (!text_trim(reason)[0]) {
		app_error(a, "请填写作废原因");
	} else if (ledger_void(a->db, l->serial, text_trim(reason), current_login(), &err)) {
		app_say(a, "已作废 %s", l->serial);
		entry_list_end(l);
		l->voided = over = true;
	} else {
		app_error_take(a, err);
		l->mode = ENTRY_LIST_CHOOSE;
	}
	free(reason);
	return over;
}

bool entry_list_handle(struct entry_list *l, enum action act, int key)
{
	l->voided = false;
	switch (l->mode) {
	case ENTRY_LIST_CHOOSE:
		return handle_choose(l, act, key);
	case ENTRY_LIST_REASON:
		return handle_reason(l, act, key);
	case ENTRY_LIST_TODAY:
		break;
	}
	return true;
}

unsigned entry_list_context(const struct entry_list *l)
{
	return l->mode == ENTRY_LIST_REASON ? CTX_PROMPT | CTX_TEXT : CTX_ENTRIES;
}

bool entry_list_voided(const struct entry_list *l)
{
	return l->voided;
}

struct list *entry_list_choosing(struct entry_list *l)
{
	return l->mode == ENTRY_LIST_CHOOSE ? &l->list : NULL;
}
