/* bianmin holiday list [--year Y] | load FILE: the working-day calendar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "holiday.h"
#include "period.h"
#include "workday.h"

struct shown {
	long long off, worked;
};

static bool print_day(const struct holiday_day *h, void *ctx)
{
	struct shown *s = ctx;
	cli_cell(h->day, 10, false);
	cli_cell(period_weekday_name(h->day), 6, false);
	cli_cell(h->off ? "休" : "班", 4, false);
	cli_tail(h->name);
	cli_end_row();
	if (h->off)
		s->off++;
	else
		s->worked++;
	return true;
}

static int list(struct cli *c, int year)
{
	if (!cli_open(c, false, false))
		return CLI_FAIL;
	char *err = NULL;
	cli_cell("日期", 10, false);
	cli_cell("星期", 6, false);
	cli_cell("类型", 4, false);
	cli_tail("名称");
	cli_end_row();
	struct shown s = { 0 };
	if (!holiday_list(c->db, year, print_day, &s, &err))
		return cli_core_error(err);
	printf("共 %lld 天：休 %lld 天，班 %lld 天\n", s.off + s.worked, s.off, s.worked);
	if (year) {
		struct workday_cal *cal = cli_calendar(c);
		if (!cal)
			return CLI_FAIL;
		if (!workday_year_known(cal, year))
			printf("%d 年尚无节假日安排（未列出 1 月 1 日），工作日只按周六、周日休息计算\n",
			       year);
		workday_cal_free(cal);
	}
	return CLI_OK;
}

int cli_cmd_holiday(struct cli *c, int argc, char **argv)
{
	struct cli_common o = {0};
	int status = cli_common_opts(c, argc, argv, "y:", cli_year_options, &o);
	if (status >= 0)
		return status;
	int year = o.year;
	if (!cli_operands(c, argc, argv, 1, 2))
		return CLI_USAGE;
	const char *action = c->operand[0];
	if (strcmp(action, "list") == 0) {
		if (!cli_operands(c, argc, argv, 1, 1))
			return CLI_USAGE;
		return list(c, year);
	}
	if (strcmp(action, "load") != 0)
		return cli_usage(c, "应为 list 或 load，而不是“%s”", action);
	if (c->noperands != 2)
		return cli_usage(c, "load 需要一个文件名");
	if (year)
		return cli_usage(c, "holiday load 不接受 --year：文件里的日期自带年份");
	size_t len;
	char *text = cli_slurp(c->operand[1], &len);
	if (!text)
		return CLI_FAIL;
	if (!cli_open(c, false, false)) {
		free(text);
		return CLI_FAIL;
	}
	char *err = NULL;
	bool ok = holiday_load_csv(c->db, text, len, current_login(), &err);
	free(text);
	if (!ok)
		return cli_core_error(err);
	printf("已载入节假日安排\n");
	return CLI_OK;
}
