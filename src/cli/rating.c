/* bianmin rate: 好差评 from the command line, and the call-back of a 差评. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ledger.h"
#include "phone.h"
#include "rating.h"
#include "rater.h"

int cli_cmd_rate(struct cli *c, int argc, char **argv)
{
	enum { OPT_FOLLOWUP = 256, OPT_NOTE };
	static const struct option longs[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "followup", no_argument, NULL, OPT_FOLLOWUP },
		{ "note", required_argument, NULL, OPT_NOTE },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *reason = NULL, *note = NULL;
	bool followup = false;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "r:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'r': reason = optarg; break;
		case OPT_FOLLOWUP: followup = true; break;
		case OPT_NOTE: note = optarg; break;
		}
	}
	char *err = NULL;
	char stored[SERIAL_LEN];
	if (followup) {
		if (!cli_operands(c, argc, argv, 1, 1))
			return CLI_USAGE;
		if (reason)
			return cli_usage(c, "--followup 记的是回访情况：用 --note，不用 --reason");
		if (!note)
			return cli_usage(c, "缺少 --note（回访情况）");
		if (!cli_nonblank(c, "--note", note))
			return CLI_USAGE;
		if (!cli_open(c, false, true))
			return CLI_FAIL;
		if (!rating_followup(c->db, c->operand[0], note, current_login(), &err))
			return cli_core_error(err);
		printf("已记录回访 %s\n", cli_stored_serial(c, c->operand[0], stored));
		return CLI_OK;
	}
	if (note)
		return cli_usage(c, "--note 只用于 --followup（回访）");
	if (!cli_operands(c, argc, argv, 2, 2))
		return CLI_USAGE;
	int level;
	if (!rating_level_parse(c->operand[1], &level))
		return cli_error("评价等级“%s”无效，应为 非常满意、满意、基本满意、不满意、非常不满意，"
				 "或 5 到 1", c->operand[1]);
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	if (!rating_set(c->db, c->operand[0], level, reason, current_login(), &err))
		return cli_core_error(err);
	printf("已评价 %s：%s\n", cli_stored_serial(c, c->operand[0], stored),
	       rating_level_name(level));
	return CLI_OK;
}

struct pending {
	struct workday_cal *cal;
	const char *today;
	long long n, overdue;
};

static bool pending_row(const struct rating *r, void *ctx)
{
	struct pending *p = ctx;
	char phone[PHONE_LEN];
	bool late = rating_overdue(p->cal, r, p->today);
	cli_cell(r->serial, 16, false);
	cli_cell(r->window->name, 8, false);
	cli_cell(r->applicant, 16, false);
	cli_cell(phone_mask(phone, sizeof phone, r->phone), 13, false);
	cli_cell(rating_level_name(r->level), 10, false);
	char day[11];
	snprintf(day, sizeof day, "%.10s", r->at);
	cli_cell(day, 10, false);
	cli_cell(late ? "超期" : "", 4, false);
	cli_tail(r->reason);
	cli_end_row();
	p->n++;
	p->overdue += late;
	return true;
}

static bool count_row(const struct rating *r, void *ctx)
{
	(void)r;
	(*(long long *)ctx)++;
	return true;
}

bool cli_print_pending_ratings(struct cli *c, const char *today, bool always)
{
	struct pending p = { .today = today };
	char *err = NULL;
	long long n = 0;
	if (!always) {
		if (!rating_pending(c->db, c->cat, current_login(), count_row, &n, &err))
			return cli_core_error(err), false;
		if (n == 0)
			return true;
	}
	if (!(p.cal = cli_calendar(c)))
		return false;
	printf("差评待回访（%d 个工作日内回访）\n", RATING_FOLLOWUP_DAYS);
	cli_cell("编号", 16, false);
	cli_cell("窗口", 8, false);
	cli_cell("申请人", 16, false);
	cli_cell("联系电话", 13, false);
	cli_cell("评价", 10, false);
	cli_cell("评价日期", 10, false);
	cli_cell("", 4, false);
	cli_tail("原因");
	cli_end_row();
	bool ok = rating_pending(c->db, c->cat, current_login(), pending_row, &p, &err);
	if (ok) {
		printf("待回访 %lld 件", p.n);
		if (p.overdue)
			printf("，其中超期 %lld 件", p.overdue);
		fputc('\n', stdout);
		cli_workday_note(p.cal);
	} else {
		cli_core_error(err);
	}
	workday_cal_free(p.cal);
	return ok;
}

int cli_cmd_rater(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "window", required_argument, NULL, 'w' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *window = NULL;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "w:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'w': window = optarg; break;
		}
	}
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!window)
		return cli_usage(c, "缺少 --window（评价器面向哪个窗口）");
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	const struct catalog_window *w = NULL;
	const struct catalog_matter *m = NULL;
	if (!cli_find_matter(c, window, NULL, &w, &m))
		return CLI_FAIL;
	return tui_rater(c->db, c->cat, w);
}
