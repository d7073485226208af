#include "period.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void test_valid_date(void)
{
	static const char *good[] = {
		"2021-01-01", "2020-02-29", "2000-02-29", "1900-01-01", "9999-12-31",
		"2021-04-30", "2021-12-31",
	};
	static const char *bad[] = {
		"2021-02-29", "1900-02-29", "2100-02-29", "1899-12-31", "10000-01-01",
		"2021-1-01", "2021-01-1", "2021/01/01", "2021-01-01 ", " 2021-01-01", "",
		"2021-13-01", "2021-00-10", "2021-04-31", "2021-01-00", "+021-01-01",
		"2021-01-0a", "20210101", "2021-01-01T08:00", "0000-01-01",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ok(period_valid_date(good[i]), "valid date %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(!period_valid_date(bad[i]), "invalid date '%s'", bad[i]);
	ok(!period_valid_date(NULL), "NULL is not a date");

	/* The form alone, for messages that tell a missing day from a bad form. */
	static const char *shaped[] = {
		"2021-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-01-00",
		"2021-01-01", "9999-12-31", "1900-01-01",
	};
	static const char *unshaped[] = {
		"2021/01/01", "2021-1-01", "2021-01-1", "1899-12-31", "+021-01-01", "2021-01-0a",
		"20210101", "2021-01-01 ", "",
	};
	for (size_t i = 0; i < sizeof shaped / sizeof *shaped; i++)
		ok(period_date_shaped(shaped[i]), "%s has the form of a date", shaped[i]);
	for (size_t i = 0; i < sizeof unshaped / sizeof *unshaped; i++)
		ok(!period_date_shaped(unshaped[i]), "'%s' has not", unshaped[i]);
	ok(!period_date_shaped(NULL), "NULL has not");
}

static void test_valid_time(void)
{
	static const char *good[] = { "00:00", "23:59", "08:30", "17:30", "12:05" };
	static const char *bad[] = {
		"24:00", "12:60", "8:30", "08:3", "08:30:00", "", "0830", "-1:00", "08-30",
		" 8:30", "08:30 ", "ab:cd",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ok(period_valid_time(good[i]), "valid time %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(!period_valid_time(bad[i]), "invalid time '%s'", bad[i]);
	ok(!period_valid_time(NULL), "NULL is not a time");
}

/* What Excel, WPS and Calc save of a date or a time cell. */
static void test_loose(void)
{
	static const char *const dates[][2] = {
		{"2021/6/1", "2021-06-01"},   {"2021-6-1", "2021-06-01"},
		{"2021/06/01", "2021-06-01"}, {"2021.6.1", "2021-06-01"},
		{"2021年6月1日", "2021-06-01"}, {"2021年12月31日", "2021-12-31"},
		{"2021-06-01", "2021-06-01"}, {"2021/2/30", "2021-02-30"},
	};
	char out[DATE_LEN];
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		out[0] = '\0';
		ok(period_loose_date(dates[i][0], out) && strcmp(out, dates[i][1]) == 0,
		   "date %s is %s (%s)", dates[i][0], dates[i][1], out);
	}
	static const char *const not_dates[] = {
		"21/6/1", "6/1/2021", "2021/6-1", "2021/6/1/", "2021/001/4", "2021年6月1",
		"2021年6/1日", "2021/6/1 0:00", "1899/1/1", "", "2021//1", "2021/6/",
	};
	for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++)
		ok(!period_loose_date(not_dates[i], out), "'%s' is not taken for a date",
		   not_dates[i]);
	ok(!period_loose_date(NULL, out), "nor NULL");

	static const char *const times[][2] = {
		{"9:05", "09:05"},        {"09:05", "09:05"},       {"09:05:00", "09:05"},
		{"9:05:00 AM", "09:05"},  {"12:50:00 PM", "12:50"}, {"12:05:00 AM", "00:05"},
		{"2:29:00 PM", "14:29"},  {"02:29:00 PM", "14:29"}, {"11:59 PM", "23:59"},
		{"9:05AM", "09:05"},      {"9:05 pm", "21:05"},     {"下午1:05:00", "13:05"},
		{"上午12:30", "00:30"},   {"1:05 下午", "13:05"},   {"23:59:00", "23:59"},
	};
	char hm[6];
	for (size_t i = 0; i < sizeof times / sizeof *times; i++) {
		hm[0] = '\0';
		ok(period_loose_time(times[i][0], hm) && strcmp(hm, times[i][1]) == 0,
		   "time %s is %s (%s)", times[i][0], times[i][1], hm);
	}
	/* Seconds other than 00 would be dropped: not exact, not taken. */
	static const char *const not_times[] = {
		"9:05:30", "13:05 PM", "0:05 AM", "24:00", "9:60", "9:5", "123:00", ":05",
		"9:05 XM", "9:05:0", "9:05:00 AM extra", "", "下午13:05",
	};
	for (size_t i = 0; i < sizeof not_times / sizeof *not_times; i++)
		ok(!period_loose_time(not_times[i], hm), "'%s' is not taken for a time",
		   not_times[i]);
	ok(!period_loose_time(NULL, hm), "nor NULL");
}

static void test_day_numbers(void)
{
	is_int(period_day_number("1970-01-01"), 0, "epoch is day 0");
	is_int(period_day_number("1970-01-02"), 1, "day after epoch");
	is_int(period_day_number("1969-12-31"), -1, "day before epoch");
	is_int(period_day_number("2000-03-01"), 11017, "2000-03-01");
	is_int(period_day_number("1900-01-01"), -25567, "first supported day");
	is_int(period_day_number("9999-12-31"), 2932896, "last supported day");
	is_int(period_day_number("2021-02-29"), PERIOD_NO_DAY, "invalid date has no day number");
	is_int(period_day_number(NULL), PERIOD_NO_DAY, "NULL has no day number");

	/* Every day of the supported range: back and forth, strictly rising,
	 * and in agreement with timegm() where time_t covers it. */
	int64_t lo = period_day_number("1900-01-01"), hi = period_day_number("9999-12-31");
	char prev[DATE_LEN] = "", cur[DATE_LEN];
	long bad_round = 0, bad_order = 0, bad_timegm = 0;
	for (int64_t n = lo; n <= hi; n++) {
		period_from_day_number(n, cur);
		if (period_day_number(cur) != n)
			bad_round++;
		if (prev[0] && strcmp(prev, cur) >= 0)
			bad_order++;
		if (n < 200000) {
			struct tm tm = { 0 };
			tm.tm_year = atoi(cur) - 1900;
			tm.tm_mon = atoi(cur + 5) - 1;
			tm.tm_mday = atoi(cur + 8);
			tm.tm_hour = 12;
			if ((timegm(&tm) - 12 * 3600) / 86400 != n)
				bad_timegm++;
		}
		memcpy(prev, cur, sizeof cur);
	}
	is_int(bad_round, 0, "every day 1900..9999 round-trips");
	is_int(bad_order, 0, "consecutive day numbers give rising dates");
	is_int(bad_timegm, 0, "day numbers agree with timegm");

	period_from_day_number(lo - 10, cur);
	is_str(cur, "1900-01-01", "day numbers below the range clamp to 1900-01-01");
	period_from_day_number(hi + 10, cur);
	is_str(cur, "9999-12-31", "day numbers above the range clamp to 9999-12-31");
}

static void test_add_days(void)
{
	char out[DATE_LEN];
	period_add_days("2021-02-28", 1, out);
	is_str(out, "2021-03-01", "Feb 28 + 1 in a common year");
	period_add_days("2020-02-28", 1, out);
	is_str(out, "2020-02-29", "Feb 28 + 1 in a leap year");
	period_add_days("2021-12-31", 1, out);
	is_str(out, "2022-01-01", "year end + 1");
	period_add_days("2021-03-01", -1, out);
	is_str(out, "2021-02-28", "Mar 1 - 1");
	period_add_days("2021-01-01", 365, out);
	is_str(out, "2022-01-01", "+365 across a common year");
	period_add_days("2020-01-01", 366, out);
	is_str(out, "2021-01-01", "+366 across a leap year");
	period_add_days("2021-06-15", 0, out);
	is_str(out, "2021-06-15", "+0");
	period_add_days("1900-01-01", -1, out);
	is_str(out, "1900-01-01", "stays within the range");
	period_add_days("2021-02-30", 1, out);
	is_str(out, "", "invalid date gives empty result");
}

static void test_weekday(void)
{
	is_int(period_weekday("2021-01-01"), 5, "2021-01-01 is a Friday");
	is_str(period_weekday_name("2021-01-01"), "星期五", "named 星期五");
	is_int(period_weekday("1970-01-01"), 4, "1970-01-01 is a Thursday");
	is_int(period_weekday("1900-01-01"), 1, "1900-01-01 is a Monday");
	is_str(period_weekday_name("1900-01-01"), "星期一", "named 星期一");
	is_int(period_weekday("2000-01-01"), 6, "2000-01-01 is a Saturday");
	is_str(period_weekday_name("2000-01-01"), "星期六", "named 星期六");
	is_int(period_weekday("2021-01-03"), 0, "2021-01-03 is a Sunday");
	is_str(period_weekday_name("2021-01-03"), "星期日", "named 星期日");
	is_str(period_weekday_name("2021-01-05"), "星期二", "named 星期二");
	is_str(period_weekday_name("2021-01-06"), "星期三", "named 星期三");
	is_str(period_weekday_name("2021-01-07"), "星期四", "named 星期四");
	is_int(period_weekday("9999-12-31"), 5, "9999-12-31 is a Friday");
	is_int(period_weekday("2021-13-01"), -1, "invalid date has no weekday");
	is_str(period_weekday_name("bad"), "", "and no weekday name");

	/* Against the C library for a stretch of local days. */
	long mismatches = 0;
	char d[DATE_LEN];
	for (int i = 0; i < 3000; i++) {
		period_add_days("2015-01-01", i, d);
		struct tm tm = { 0 };
		tm.tm_year = atoi(d) - 1900;
		tm.tm_mon = atoi(d + 5) - 1;
		tm.tm_mday = atoi(d + 8);
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		mktime(&tm);
		if (tm.tm_wday != period_weekday(d))
			mismatches++;
	}
	is_int(mismatches, 0, "weekdays agree with mktime for 3000 days");
}

static void test_bounds(void)
{
	char from[DATE_LEN], to[DATE_LEN];
	period_year_bounds(2021, from, to);
	is_str(from, "2021-01-01", "year start");
	is_str(to, "2021-12-31", "year end");
	period_month_bounds("2020-02-10", from, to);
	is_str(from, "2020-02-01", "leap February start");
	is_str(to, "2020-02-29", "leap February end");
	period_month_bounds("2021-02-10", from, to);
	is_str(to, "2021-02-28", "common February end");
	period_month_bounds("2021-04-30", from, to);
	is_str(from, "2021-04-01", "April start");
	is_str(to, "2021-04-30", "April end");
	period_month_bounds("2021-12-01", from, to);
	is_str(to, "2021-12-31", "December end");
	period_month_bounds("nonsense", from, to);
	ok(from[0] == '\0' && to[0] == '\0', "invalid date gives empty bounds");

	is_int(period_year_of("2021-06-01"), 2021, "year of a date");
	is_int(period_year_of("2021-06-31"), 0, "year of an invalid date");

	int y = 0;
	ok(period_parse_year("2021", &y) && y == 2021, "parse 2021");
	ok(period_parse_year("1900", &y) && y == 1900, "parse 1900");
	ok(period_parse_year("9999", &y) && y == 9999, "parse 9999");
	static const char *bad[] = { "1899", "21", "2021a", "", "-200", "10000", " 2021", "20 1" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		y = -7;
		ok(!period_parse_year(bad[i], &y) && y == -7, "year '%s' refused, output untouched",
		   bad[i]);
	}
	ok(!period_parse_year(NULL, &y), "NULL year refused");
}

static void test_clock(void)
{
	char today[DATE_LEN], hm[6], ts[20];
	period_today(today);
	ok(period_valid_date(today), "today is a valid date (%s)", today);
	period_now_hm(hm);
	ok(period_valid_time(hm), "now is a valid time (%s)", hm);
	period_timestamp(ts);
	char date_part[DATE_LEN], time_part[6];
	memcpy(date_part, ts, 10);
	date_part[10] = '\0';
	memcpy(time_part, ts + 11, 5);
	time_part[5] = '\0';
	ok(strlen(ts) == 19 && ts[10] == 'T' && ts[13] == ':' && ts[16] == ':' &&
		   period_valid_date(date_part) && period_valid_time(time_part),
	   "timestamp has the form YYYY-MM-DDTHH:MM:SS (%s)", ts);

	/* The local day follows TZ: 26 hours apart, the dates differ by 1 or 2. */
	char east[DATE_LEN], west[DATE_LEN];
	setenv("TZ", "UTC-14", 1);
	period_today(east);
	setenv("TZ", "UTC+12", 1);
	period_today(west);
	setenv("TZ", "Asia/Shanghai", 1);
	int64_t diff = period_day_number(east) - period_day_number(west);
	ok(diff == 1 || diff == 2, "today honours TZ (%s vs %s)", east, west);
}

int main(void)
{
	test_valid_date();
	test_valid_time();
	test_loose();
	test_day_numbers();
	test_add_days();
	test_weekday();
	test_bounds();
	test_clock();
	return tap_done();
}
