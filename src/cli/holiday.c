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
	bool listing;
	if (!cli_list_or_load(c, argc, argv, &listing))
		return CLI_USAGE;
	if (listing)
		return list(c, year);
	if (year)
		return cli_usage(c, "holiday load 不接受 --year：文件里的日期自带年份");
	int loaded = cli_load_file(c, holiday_load_csv, "已载入节假日安排");
	if (loaded != CLI_OK)
		return loaded;
	/* Entries saved before due days were kept get theirs from the calendar
	 * as it now is; a due day already given is a promise made, and stays. */
	return cli_fill_due(c, current_login()) ? CLI_OK : CLI_FAIL;
}
