/* One entry in full, line by line: the search's details, the one place an
 * ID number or a phone shows unmasked (opened through ledger_detail, audited). */
#include "entry_detail.h"

#include <stdio.h>
#include <string.h>

#include "holiday.h"
#include "promise.h"
#include "rating.h"
#include "tui.h"

static void detail_line(int *y, const char *label, const char *value)
{
	ui_put(*y, 2, 12, label, true, false, UI_TITLE);
	ui_put(*y, 14, ui_get_area()->cols - 15, value ? value : "", false, false, UI_NORMAL);
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

static void detail_figures(int *y, const struct entry *e)
{
	char buf[32];
	enum unit u = e->matter->unit;
	if (unit_wants_households(u)) {
		snprintf(buf, sizeof buf, "%lld", (long long)e->households);
		detail_line(y, "户数", buf);
	}
	if (unit_wants_persons(u)) {
		snprintf(buf, sizeof buf, "%lld", (long long)e->persons);
		detail_line(y, "人数", buf);
	}
	if (unit_wants_quantity(u)) {
		snprintf(buf, sizeof buf, "%lld", (long long)e->quantity);
		detail_line(y, "数量", buf);
	}
}

struct rated_line {
	int *y;
};

/* The citizen's rating, and for a 差评 whether it was called back. */
static bool rated(const struct rating *r, void *arg)
{
	struct rated_line *rl = arg;
	char buf[320];
	if (rating_is_bad(r->level))
		snprintf(buf, sizeof buf, "%s: %s (%s%.10s)", rating_level_name(r->level), r->reason,
			 r->followup_at ? "已回访 " : "待回访", r->followup_at ? r->followup_at : "");
	else
		snprintf(buf, sizeof buf, "%s", rating_level_name(r->level));
	detail_line(rl->y, "评价", buf);
	return true;
}

void entry_detail_draw(struct app *a, const struct entry *e, int y)
{
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
	/* The one place the whole number shows, as the ID number does. */
	if (e->phone && *e->phone)
		detail_line(&y, "联系电话", e->phone);
	detail_line(&y, "村", e->village ? e->village->name : "");
	if (e->matter)
		detail_figures(&y, e);
	struct workday_cal *cal = holiday_calendar(a->db, NULL);
	enum promise_state ps = cal ? promise_state(cal, e, a->today) : PROMISE_NONE;
	char due[DATE_LEN] = "";
	if (cal)
		promise_due(cal, e, due);
	if (ps == PROMISE_OPEN || ps == PROMISE_WARN || ps == PROMISE_OVERDUE) {
		/* Working days: the acceptance day does not count. */
		snprintf(buf, sizeof buf, "%s (承诺 %d 个工作日, %s 到期%s%s)", status_name(e->status),
			 e->matter ? e->matter->time_limit_days : 0, due,
			 ps == PROMISE_OPEN ? "" : ", ", ps == PROMISE_OPEN ? "" : promise_state_name(ps));
		detail_line(&y, "状态", buf);
	} else if (ps == PROMISE_ON_TIME || ps == PROMISE_LATE) {
		snprintf(buf, sizeof buf, "%s (%s, 承诺 %s, %s)", status_name(e->status),
			 e->done_on ? e->done_on : e->date, due, promise_state_name(ps));
		detail_line(&y, "状态", buf);
	} else {
		/* A voided entry's status is what it was; it counts no more. */
		snprintf(buf, sizeof buf, e->voided_at ? "%s (已%s)" : "%s", status_name(e->status),
			 e->corrected_by ? "更正" : "作废");
		detail_line(&y, "状态", buf);
	}
	workday_cal_free(cal);
	struct rated_line rl = {.y = &y};
	rating_get(a->db, a->cat, e->serial, rated, &rl, NULL, NULL);
	const char *name = app_clerk_name(a, e->clerk);
	if (strcmp(name, e->clerk) == 0)
		snprintf(buf, sizeof buf, "%s", name);
	else
		snprintf(buf, sizeof buf, "%s (%s)", name, e->clerk);
	detail_line(&y, "经办人", buf);
	readable_time(buf, sizeof buf, e->created_at);
	detail_line(&y, "登记时间", buf);
	detail_line(&y, "备注", e->note);
	if (e->corrects)
		detail_line(&y, "更正自", e->corrects);
	if (e->corrected_by)
		detail_line(&y, "更正为", e->corrected_by);
	if (e->voided_at) {
		char when[32];
		readable_time(when, sizeof when, e->voided_at);
		snprintf(buf, sizeof buf, "%s  %s  原因: %s", when,
			 e->voided_by ? e->voided_by : "", e->void_reason ? e->void_reason : "");
		ui_put(y, 2, 12, "已作废", true, false, UI_ERROR);
		ui_put(y, 14, ui_get_area()->cols - 15, buf, false, false, UI_ERROR);
	}
}
