/* 承诺件 from the command line: done, return, overdue, and what list and
 * the other commands say about a case's due and done days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "holiday.h"
#include "ledger.h"
#include "period.h"
#include "phone.h"
#include "promise.h"
#include "util.h"

#define LIST_MATTER_COLS 20

struct workday_cal *cli_calendar(struct cli *c)
{
	char *err = NULL;
	struct workday_cal *cal = holiday_calendar(c->db, &err);
	if (!cal)
		cli_core_error(err);
	return cal;
}

void cli_workday_note(struct workday_cal *cal)
{
	char *note = cal ? workday_note(cal) : NULL;
	if (note)
		fprintf(stderr, "bianmin: 提示: %s\n", note);
	free(note);
}

static bool recount_due(const struct entry *e, void *ctx)
{
	char due[DATE_LEN];
	promise_due_for(ctx, e->matter, e->date, due);
	return false;
}

void cli_promise_note(struct cli *c, const char *serial)
{
	char *err = NULL;
	struct workday_cal *cal = holiday_calendar(c->db, &err);
	if (cal && ledger_get(c->db, c->cat, serial, recount_due, cal, &err))
		cli_workday_note(cal);
	free(err);
	workday_cal_free(cal);
}

void cli_promise_tail(const struct entry *e)
{
	if (e->due_on) {
		cli_tail("  承诺办结 ");
		cli_tail(e->due_on);
	}
	if (e->done_on) {
		cli_tail(e->status == STATUS_RETURNED ? "  退回于 " : "  办结于 ");
		cli_tail(e->done_on);
	}
}

/* The word always (a log or a monochrome terminal must say it too), in
 * colour on a terminal that has not asked for none (no-color.org). */
static void state_word(enum promise_state s)
{
	static int colour = -1;
	if (colour < 0) {
		const char *no = getenv("NO_COLOR");
		colour = isatty(STDOUT_FILENO) && !(no && *no);
	}
	const char *sgr = !colour ? NULL : s == PROMISE_OVERDUE || s == PROMISE_LATE ? "31"
		: s == PROMISE_WARN ? "33" : NULL;
	cli_tail_sgr(promise_state_name(s), sgr);
}

bool cli_print_promise_counts(struct cli *c, const char *today)
{
	struct workday_cal *cal = cli_calendar(c);
	if (!cal)
		return false;
	struct promise_counts *counts = xcalloc(c->cat->nwindows + 1, sizeof *counts), total;
	char *err = NULL;
	bool ok = promise_count(c->db, c->cat, cal, today, counts, &total, &err);
	if (!ok)
		cli_core_error(err);
	else if (total.warn || total.overdue) {
		char n[32];
		printf("承诺件  %s（按工作日）\n", today);
		for (size_t i = 0; i < c->cat->nwindows; i++) {
			if (!counts[i].warn && !counts[i].overdue)
				continue;
			cli_cell(c->cat->windows[i].name, 10, false);
			state_word(PROMISE_OVERDUE);
			snprintf(n, sizeof n, " %lld 件  ", counts[i].overdue);
			cli_tail(n);
			state_word(PROMISE_WARN);
			snprintf(n, sizeof n, " %lld 件", counts[i].warn);
			cli_tail(n);
			cli_end_row();
		}
		cli_workday_note(cal);
	}
	free(counts);
	workday_cal_free(cal);
	return ok;
}

/* done and return: SERIAL, [--date D], and for return a reason. */
static int close_case(struct cli *c, int argc, char **argv, enum txn_status to)
{
	static const struct option longs[] = {
		CLI_DATE_OPTION,
		{ "reason", required_argument, NULL, 'r' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common o = {0};
	const char *reason = NULL;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, to == STATUS_DONE ? "d:" : "d:r:", longs,
				 &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (cli_common_opt(c, opt, &o) < 0)
			return CLI_USAGE;
		if (opt == 'r' && to == STATUS_DONE)
			return cli_usage(c, "办结不需要 --reason");
		if (opt == 'r')
			reason = optarg;
	}
	const char *date = o.date;
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	if (to == STATUS_RETURNED && !reason)
		return cli_usage(c, "缺少 --reason（原因必填）");
	if (reason && !cli_nonblank(c, "--reason", reason))
		return CLI_USAGE;
	const char *serial = c->operand[0];
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *err = NULL;
	if (!ledger_close(c->db, serial, to, reason, date, current_login(), &err))
		return cli_core_error(err);
	char stored[SERIAL_LEN];
	printf("已%s %s\n", status_name(to), cli_stored_serial(c, serial, stored));
	return CLI_OK;
}

int cli_cmd_done(struct cli *c, int argc, char **argv)
{
	return close_case(c, argc, argv, STATUS_DONE);
}

int cli_cmd_return(struct cli *c, int argc, char **argv)
{
	return close_case(c, argc, argv, STATUS_RETURNED);
}

struct overdue_state {
	struct workday_cal *cal;
	const char *today;
	long long overdue, warn;
};

static bool overdue_row(const struct entry *e, void *ctx)
{
	struct overdue_state *st = ctx;
	char limit[32], late[32], due[DATE_LEN], phone[PHONE_LEN];
	enum promise_state s = promise_state(st->cal, e, st->today);
	promise_due(st->cal, e, due);
	snprintf(limit, sizeof limit, "%d", e->matter->time_limit_days);
	snprintf(late, sizeof late, "%d", -promise_days_left(st->cal, e, st->today));
	cli_cell(e->serial, 16, false);
	cli_cell(e->date, 10, false);
	cli_cell(due, 10, false);
	cli_cell(e->window->name, 8, false);
	cli_cell(e->matter->name, LIST_MATTER_COLS, false);
	cli_cell(e->applicant, 16, false);
	cli_cell(phone_mask(phone, sizeof phone, e->phone), 13, false);
	cli_cell(limit, 4, true);
	cli_cell(s == PROMISE_OVERDUE ? late : "", 4, true);
	/* The word is as wide as its column (4): only the gap follows. */
	state_word(s);
	cli_cell("", 0, false);
	cli_tail(e->clerk);
	cli_end_row();
	if (s == PROMISE_OVERDUE)
		st->overdue++;
	else
		st->warn++;
	return true;
}

int cli_cmd_overdue(struct cli *c, int argc, char **argv)
{
	enum { OPT_WARN = CLI_OPT_OWN };
	static const struct option longs[] = {
		CLI_DATE_OPTION,
		{ "warn", no_argument, NULL, OPT_WARN },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common o = {0};
	bool warn = false;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "d:", longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (cli_common_opt(c, opt, &o) < 0)
			return CLI_USAGE;
		warn |= opt == OPT_WARN;
	}
	char today[DATE_LEN];
	if (o.date)
		snprintf(today, sizeof today, "%s", o.date);
	else
		period_today(today);
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	struct overdue_state st = { .today = today };
	if (!(st.cal = cli_calendar(c)))
		return CLI_FAIL;
	char *err = NULL;
	cli_cell("编号", 16, false);
	cli_cell("受理日期", 10, false);
	cli_cell("承诺办结", 10, false);
	cli_cell("窗口", 8, false);
	cli_cell("事项", LIST_MATTER_COLS, false);
	cli_cell("申请人", 16, false);
	cli_cell("联系电话", 13, false);
	cli_cell("时限", 4, true);
	cli_cell("超期", 4, true);
	cli_cell("状态", 4, false);
	cli_tail("经办人");
	cli_end_row();
	/* Only the cases this account may see, ID numbers masked. */
	struct ledger_sight sight;
	bool ok = ledger_sight_begin(c->db, current_login(), overdue_row, &st, &sight, &err) &&
		  promise_open(c->db, c->cat, st.cal, today, warn, NULL, ledger_sight_fn, &sight,
			       &err);
	ledger_sight_end(&sight);
	if (ok) {
		/* 时限 and 超期 are working days. */
		printf("逾期未办结 %lld 件\n", st.overdue);
		if (warn)
			printf("预警 %lld 件（1 个工作日内到期）\n", st.warn);
		cli_workday_note(st.cal);
	}
	workday_cal_free(st.cal);
	return ok ? CLI_OK : cli_core_error(err);
}

bool cli_fill_due(struct cli *c, const char *login)
{
	char *err = NULL;
	long long n = 0;
	if (!promise_fill(c->db, login, &n, &err)) {
		cli_core_error(err);
		return false;
	}
	if (n > 0)
		printf("已补记 %lld 件承诺件的承诺办结日期（由受理日期和承诺时限按工作日推算）\n", n);
	return true;
}
