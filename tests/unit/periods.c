/* The tally's periods: weeks from Monday to Sunday across year ends, their
 * GB/T 7408 numbers, calendar months with their ends and leap Februaries,
 * steps by period, headings, and dates as people type them. */
#include "period.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void bounds_are(enum period_kind k, const char *date, const char *from, const char *to)
{
	char f[DATE_LEN], t[DATE_LEN];
	period_bounds(k, date, f, t);
	ok(strcmp(f, from) == 0 && strcmp(t, to) == 0, "%s of %s: %s .. %s (got %s .. %s)",
	   k == PERIOD_DAY ? "day" : k == PERIOD_WEEK ? "week" : "month", date, from, to, f, t);
}

static void test_bounds(void)
{
	/* 2021-06-07 is a Monday, 2021-06-13 a Sunday. */
	bounds_are(PERIOD_WEEK, "2021-06-07", "2021-06-07", "2021-06-13");
	bounds_are(PERIOD_WEEK, "2021-06-09", "2021-06-07", "2021-06-13");
	bounds_are(PERIOD_WEEK, "2021-06-13", "2021-06-07", "2021-06-13");
	bounds_are(PERIOD_WEEK, "2021-06-14", "2021-06-14", "2021-06-20");
	/* Across a year end: the week holds days of both years. */
	bounds_are(PERIOD_WEEK, "2021-01-01", "2020-12-28", "2021-01-03");
	bounds_are(PERIOD_WEEK, "2020-12-31", "2020-12-28", "2021-01-03");
	bounds_are(PERIOD_WEEK, "2025-01-01", "2024-12-30", "2025-01-05");
	/* Across a leap day and a month end. */
	bounds_are(PERIOD_WEEK, "2024-02-29", "2024-02-26", "2024-03-03");
	bounds_are(PERIOD_WEEK, "2021-03-01", "2021-03-01", "2021-03-07");
	/* Before 1970 the day numbers are negative: the same weekdays. */
	bounds_are(PERIOD_WEEK, "1969-12-31", "1969-12-29", "1970-01-04");
	bounds_are(PERIOD_WEEK, "1900-01-03", "1900-01-01", "1900-01-07");
	/* The last week the ledger's dates reach is cut at 9999-12-31. */
	bounds_are(PERIOD_WEEK, "9999-12-31", "9999-12-27", "9999-12-31");
	bounds_are(PERIOD_DAY, "2021-03-15", "2021-03-15", "2021-03-15");
	/* Months: their ends, leap Februaries (2000 is one, 1900 and 2100
	 * are not). */
	bounds_are(PERIOD_MONTH, "2021-06-15", "2021-06-01", "2021-06-30");
	bounds_are(PERIOD_MONTH, "2021-01-31", "2021-01-01", "2021-01-31");
	bounds_are(PERIOD_MONTH, "2021-04-01", "2021-04-01", "2021-04-30");
	bounds_are(PERIOD_MONTH, "2021-12-31", "2021-12-01", "2021-12-31");
	bounds_are(PERIOD_MONTH, "2021-02-10", "2021-02-01", "2021-02-28");
	bounds_are(PERIOD_MONTH, "2024-02-10", "2024-02-01", "2024-02-29");
	bounds_are(PERIOD_MONTH, "2000-02-29", "2000-02-01", "2000-02-29");
	bounds_are(PERIOD_MONTH, "1900-02-01", "1900-02-01", "1900-02-28");
	bounds_are(PERIOD_MONTH, "2100-02-01", "2100-02-01", "2100-02-28");
	char f[DATE_LEN] = "x", t[DATE_LEN] = "x";
	period_bounds(PERIOD_WEEK, "2021-02-30", f, t);
	ok(!f[0] && !t[0], "no week for a day that does not exist");
	period_bounds(PERIOD_MONTH, "2021/6/1", f, t);
	ok(!f[0] && !t[0], "no month for a date not in YYYY-MM-DD");
}

static void step_is(enum period_kind k, const char *date, int n, const char *want)
{
	char out[DATE_LEN];
	period_step(k, date, n, out);
	is_str(out, want, "%s %+d %s", date, n,
	       k == PERIOD_DAY ? "days" : k == PERIOD_WEEK ? "weeks" : "months");
}

static void test_steps(void)
{
	step_is(PERIOD_DAY, "2021-03-01", -1, "2021-02-28");
	step_is(PERIOD_DAY, "2024-02-28", 1, "2024-02-29");
	step_is(PERIOD_WEEK, "2021-06-09", 1, "2021-06-16");
	step_is(PERIOD_WEEK, "2020-12-30", 1, "2021-01-06");
	step_is(PERIOD_WEEK, "2021-01-06", -1, "2020-12-30");
	step_is(PERIOD_WEEK, "2021-01-06", -53, "2020-01-01");
	step_is(PERIOD_MONTH, "2021-06-15", 1, "2021-07-15");
	step_is(PERIOD_MONTH, "2021-12-15", 1, "2022-01-15");
	step_is(PERIOD_MONTH, "2021-01-15", -1, "2020-12-15");
	/* Month ends: the day is kept where the month has it, else its last. */
	step_is(PERIOD_MONTH, "2021-01-31", 1, "2021-02-28");
	step_is(PERIOD_MONTH, "2024-01-31", 1, "2024-02-29");
	step_is(PERIOD_MONTH, "2021-03-31", -1, "2021-02-28");
	step_is(PERIOD_MONTH, "2021-05-31", -1, "2021-04-30");
	step_is(PERIOD_MONTH, "2024-02-29", 12, "2025-02-28");
	step_is(PERIOD_MONTH, "2021-06-30", -18, "2019-12-30");
	step_is(PERIOD_MONTH, "1900-01-15", -1, "1900-01-15");
	step_is(PERIOD_MONTH, "9999-12-15", 1, "9999-12-15");
	step_is(PERIOD_WEEK, "9999-12-31", 1, "9999-12-31");
	char out[DATE_LEN] = "x";
	period_step(PERIOD_MONTH, "2021-13-01", 1, out);
	ok(!out[0], "no step from a day that does not exist");
}

static void week_is(const char *date, int want_year, int want_week)
{
	int y = 0, w = period_iso_week(date, &y);
	ok(y == want_year && w == want_week, "%s is in week %d of %d (got %d of %d)", date,
	   want_week, want_year, w, y);
}

static void test_week_numbers(void)
{
	week_is("2021-06-07", 2021, 23);
	week_is("2021-06-13", 2021, 23);
	week_is("2021-01-04", 2021, 1);
	/* A year that starts on a Friday: its first days are in last year's
	 * week 53. */
	week_is("2021-01-01", 2020, 53);
	week_is("2021-01-03", 2020, 53);
	week_is("2020-12-28", 2020, 53);
	/* A year that ends on a Tuesday: its last days are in next year's
	 * week 1. */
	week_is("2024-12-30", 2025, 1);
	week_is("2024-12-31", 2025, 1);
	week_is("2025-01-05", 2025, 1);
	week_is("2026-01-01", 2026, 1);
	week_is("2026-12-31", 2026, 53);
	week_is("2027-01-03", 2026, 53);
	week_is("2022-01-02", 2021, 52);
	week_is("2023-01-01", 2022, 52);
	week_is("2024-01-01", 2024, 1);
	int y = -1;
	ok(period_iso_week("2021-02-29", &y) == 0 && y == -1, "no week number for a missing day");
}

/* Every day of sixty years: its week is a Monday-to-Sunday run of seven
 * days holding it, numbered alike for all seven days, and week numbers go
 * up by one from week to week, back to 1 only at a year's first week. */
static void test_every_day(void)
{
	char day[DATE_LEN] = "1990-01-01", from[DATE_LEN], to[DATE_LEN], mfrom[DATE_LEN],
	     mto[DATE_LEN];
	int bad = 0, last_week = 0, last_year = 1989, checked = 0;
	while (strcmp(day, "2050-01-01") < 0) {
		period_bounds(PERIOD_WEEK, day, from, to);
		period_bounds(PERIOD_MONTH, day, mfrom, mto);
		int y, w = period_iso_week(day, &y), fy, fw = period_iso_week(from, &fy);
		int64_t n = period_day_number(day), f = period_day_number(from);
		if (period_weekday(from) != 1 || period_day_number(to) - f != 6 || n < f || n > f + 6 ||
		    w != fw || y != fy || strncmp(mfrom, day, 8) != 0 || strncmp(mto, day, 8) != 0 ||
		    strcmp(mfrom + 8, "01") != 0 || strcmp(day, mto) > 0)
			bad++;
		if (strcmp(day, from) == 0) {
			if (!(w == last_week + 1 && y == last_year) && !(w == 1 && y == last_year + 1))
				bad++;
			last_week = w;
			last_year = y;
		}
		char next[DATE_LEN];
		period_add_days(day, 1, next);
		memcpy(day, next, DATE_LEN);
		checked++;
	}
	ok(bad == 0 && checked == 21915, "weeks and months of every day 1990-2049 (%d days, %d wrong)",
	   checked, bad);
}

static void label_is(enum period_kind k, const char *date, const char *want)
{
	char out[96];
	is_str(period_label(k, date, out, sizeof out), want, "heading of %s", date);
}

static void test_labels(void)
{
	label_is(PERIOD_DAY, "2021-03-15", "2021-03-15 星期一");
	label_is(PERIOD_WEEK, "2021-06-09", "2021-06-07 至 2021-06-13（第23周）");
	label_is(PERIOD_WEEK, "2021-01-01", "2020-12-28 至 2021-01-03（第53周）");
	label_is(PERIOD_WEEK, "2024-12-31", "2024-12-30 至 2025-01-05（2025年第1周）");
	label_is(PERIOD_MONTH, "2024-02-10", "2024年2月（2024-02-01 至 2024-02-29）");
	label_is(PERIOD_MONTH, "2021-12-31", "2021年12月（2021-12-01 至 2021-12-31）");
}

static void test_kinds(void)
{
	enum period_kind k = PERIOD_DAY;
	ok(period_kind_parse("week", &k) && k == PERIOD_WEEK, "week");
	ok(period_kind_parse("month", &k) && k == PERIOD_MONTH, "month");
	ok(period_kind_parse("day", &k) && k == PERIOD_DAY, "day");
	ok(!period_kind_parse("Week", &k) && !period_kind_parse("", &k) &&
		   !period_kind_parse("year", &k) && !period_kind_parse(NULL, &k),
	   "other words are not periods");
}

static void typed_is(const char *s, const char *want)
{
	char out[DATE_LEN] = "", *err = NULL;
	bool got = period_parse_typed(s, out, &err);
	ok(got && strcmp(out, want) == 0, "typed '%s' is %s (got %s%s)", s, want, out,
	   err ? err : "");
	free(err);
}

static void typed_refused(const char *s, const char *says)
{
	char out[DATE_LEN] = "untouched", *err = NULL;
	bool got = period_parse_typed(s, out, &err);
	ok(!got && err && strstr(err, says) && strcmp(out, "untouched") == 0,
	   "typed '%s' refused: %s", s, err ? err : "(no message)");
	free(err);
}

static void test_typed(void)
{
	typed_is("2021-06-01", "2021-06-01");
	typed_is("2021/6/1", "2021-06-01");
	typed_is("2021-6-1", "2021-06-01");
	typed_is("2021.6.1", "2021-06-01");
	typed_is("2021年6月1日", "2021-06-01");
	typed_is("20210601", "2021-06-01");
	typed_is("  2021-06-01 ", "2021-06-01");
	typed_is("２０２１-０６-０１", "2021-06-01");
	typed_is("2024/2/29", "2024-02-29");
	typed_refused("", "请输入日期");
	typed_refused("   ", "请输入日期");
	typed_refused("2021-02-29", "没有这一天: 2021-02-29");
	typed_refused("2021/2/30", "没有这一天: 2021-02-30");
	typed_refused("20211301", "没有这一天");
	typed_refused("6/1", "看不懂");
	typed_refused("明天", "YYYY-MM-DD");
	typed_refused("2021-06-01x", "看不懂");
	typed_refused("1899-12-31", "看不懂");
}

int main(void)
{
	test_bounds();
	test_steps();
	test_week_numbers();
	test_every_day();
	test_labels();
	test_kinds();
	test_typed();
	return tap_done();
}
