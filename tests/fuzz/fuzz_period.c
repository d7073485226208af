/* period on arbitrary text: a date it accepts survives the trip through a
 * day number unchanged, day numbers keep date order, a day number within
 * range comes back as itself, the time and year parsers accept exactly
 * their strict forms, and the loose ones give only the strict forms; the
 * tally's weeks and month steps, and a date as typed. */
#include <stdbool.h>

#include "fuzz.h"
#include "period.h"

static bool is_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void check_date(const char *s)
{
	bool valid = period_valid_date(s);
	int64_t day = period_day_number(s);
	if (!valid) {
		FUZZ_CHECK(day == PERIOD_NO_DAY, "invalid '%s' has day %lld", s, (long long)day);
		FUZZ_CHECK(period_weekday(s) == -1 && period_year_of(s) == 0, "invalid '%s'", s);
		char out[DATE_LEN] = "x";
		period_add_days(s, 1, out);
		FUZZ_CHECK(out[0] == '\0', "invalid '%s' plus a day is '%s'", s, out);
		return;
	}
	FUZZ_CHECK(strlen(s) == 10 && s[4] == '-' && s[7] == '-' && is_digits(s, 4) &&
			   is_digits(s + 5, 2) && is_digits(s + 8, 2),
		   "'%s' accepted as a date", s);
	char back[DATE_LEN];
	period_from_day_number(day, back);
	FUZZ_CHECK(strcmp(back, s) == 0, "'%s' -> %lld -> '%s'", s, (long long)day, back);
	int year = period_year_of(s);
	FUZZ_CHECK(year >= 1900 && year <= 9999 && year == atoi(s), "'%s' in year %d", s, year);
	int w = period_weekday(s);
	FUZZ_CHECK(w >= 0 && w <= 6 && *period_weekday_name(s), "'%s' weekday %d", s, w);
	char from[DATE_LEN], to[DATE_LEN];
	period_month_bounds(s, from, to);
	FUZZ_CHECK(strcmp(from, s) <= 0 && strcmp(s, to) <= 0 && period_valid_date(from) &&
			   period_valid_date(to) && strncmp(from, s, 8) == 0 &&
			   strncmp(to, s, 8) == 0,
		   "'%s' in month %s..%s", s, from, to);
	char next[DATE_LEN], prev[DATE_LEN];
	period_add_days(s, 1, next);
	period_add_days(s, -1, prev);
	FUZZ_CHECK(period_valid_date(next) && period_valid_date(prev), "'%s' +-1: %s %s", s, next,
		   prev);
	if (strcmp(s, "9999-12-31") != 0)
		FUZZ_CHECK(period_day_number(next) == day + 1 && strcmp(next, s) > 0,
			   "'%s' + 1 = '%s'", s, next);
	if (strcmp(s, "1900-01-01") != 0)
		FUZZ_CHECK(period_day_number(prev) == day - 1 && strcmp(prev, s) < 0,
			   "'%s' - 1 = '%s'", s, prev);
	FUZZ_CHECK(period_weekday(next) == (w + 1) % 7 || strcmp(s, "9999-12-31") == 0,
		   "'%s' is %d, '%s' is %d", s, w, next, period_weekday(next));
	/* Its week runs Monday to Sunday around it (cut only at 9999-12-31),
	 * numbered 1..53; a step by weeks or months lands on a real day. */
	period_bounds(PERIOD_WEEK, s, from, to);
	int64_t f = period_day_number(from), t = period_day_number(to);
	FUZZ_CHECK(period_weekday(from) == 1 && f <= day && day <= t &&
			   (t - f == 6 || strcmp(to, "9999-12-31") == 0),
		   "'%s' in week %s..%s", s, from, to);
	int wy, wn = period_iso_week(s, &wy);
	FUZZ_CHECK(wn >= 1 && wn <= 53 && (wy == year || wy == year - 1 || wy == year + 1),
		   "'%s' in week %d of %d", s, wn, wy);
	char moved[DATE_LEN];
	int n = (int)(day % 1000);
	period_step(PERIOD_MONTH, s, n, moved);
	FUZZ_CHECK(period_valid_date(moved) && (strncmp(moved + 8, s + 8, 2) <= 0),
		   "'%s' %+d months is '%s'", s, n, moved);
	period_step(PERIOD_WEEK, s, n, moved);
	FUZZ_CHECK(period_valid_date(moved) &&
			   (period_weekday(moved) == w || !strcmp(moved, "9999-12-31") ||
			    !strcmp(moved, "1900-01-01")),
		   "'%s' %+d weeks is '%s'", s, n, moved);
}

/* A date as typed: when taken, a real day; a strict date is itself. */
static void check_typed(const char *s)
{
	char out[DATE_LEN] = "", *err = NULL;
	bool took = period_parse_typed(s, out, &err);
	FUZZ_CHECK(took ? period_valid_date(out) && !err : err && *err, "'%s' typed: %d", s,
		   (int)took);
	if (period_valid_date(s))
		FUZZ_CHECK(took && strcmp(out, s) == 0, "'%s' typed is '%s'", s, out);
	free(err);
}

static void check_day_number(int64_t day)
{
	char date[DATE_LEN];
	period_from_day_number(day, date);
	FUZZ_CHECK(period_valid_date(date), "day %lld is '%s'", (long long)day, date);
	int64_t lo = period_day_number("1900-01-01"), hi = period_day_number("9999-12-31");
	int64_t want = day < lo ? lo : day > hi ? hi : day;
	FUZZ_CHECK(period_day_number(date) == want, "day %lld -> '%s' -> %lld", (long long)day,
		   date, (long long)period_day_number(date));
	char later[DATE_LEN];
	int step = (int)(day % 100000);
	period_add_days(date, step, later);
	FUZZ_CHECK(period_valid_date(later), "'%s' + %d = '%s'", date, step, later);
	int64_t sum = want + step, clamped = sum < lo ? lo : sum > hi ? hi : sum;
	FUZZ_CHECK(period_day_number(later) == clamped, "'%s' + %d = '%s'", date, step, later);
}

static void check_time(const char *s)
{
	bool want = strlen(s) == 5 && s[2] == ':' && is_digits(s, 2) && is_digits(s + 3, 2) &&
		    atoi(s) <= 23 && atoi(s + 3) <= 59;
	FUZZ_CHECK(period_valid_time(s) == want, "'%s' as a time: %d", s, (int)!want);
}

/* A spreadsheet's date or time, once taken, is in the ledger's shape: a
 * date is shaped YYYY-MM-DD (a real day or not), a time a valid HH:MM. */
static void check_loose(const char *s)
{
	char date[DATE_LEN] = "", hm[6] = "";
	if (period_loose_date(s, date))
		FUZZ_CHECK(period_date_shaped(date), "'%s' taken as date '%s'", s, date);
	if (period_loose_time(s, hm))
		FUZZ_CHECK(period_valid_time(hm), "'%s' taken as time '%s'", s, hm);
	if (period_valid_time(s))
		FUZZ_CHECK(period_loose_time(s, hm) && strcmp(hm, s) == 0, "'%s' kept", s);
	if (period_valid_date(s))
		FUZZ_CHECK(period_loose_date(s, date) && strcmp(date, s) == 0, "'%s' kept", s);
}

static void check_year(const char *s)
{
	int year = -1;
	bool good = period_parse_year(s, &year);
	bool want = strlen(s) == 4 && is_digits(s, 4) && atoi(s) >= 1900;
	FUZZ_CHECK(good == want, "'%s' as a year: %d", s, (int)good);
	if (!good)
		return;
	FUZZ_CHECK(year == atoi(s), "'%s' parsed as %d", s, year);
	char from[DATE_LEN], to[DATE_LEN];
	period_year_bounds(year, from, to);
	FUZZ_CHECK(period_valid_date(from) && period_valid_date(to) && period_year_of(from) == year &&
			   period_year_of(to) == year,
		   "year %d is %s..%s", year, from, to);
	FUZZ_CHECK(period_day_number(to) - period_day_number(from) >= 364, "year %d", year);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	check_date(s);
	check_time(s);
	check_loose(s);
	check_typed(s);
	check_year(s);

	/* Two dates side by side: day numbers keep their order. */
	size_t len = strlen(s);
	if (len == 21 && s[10] == ' ') {
		s[10] = '\0';
		const char *a = s, *b = s + 11;
		check_date(a);
		check_date(b);
		if (period_valid_date(a) && period_valid_date(b)) {
			int64_t da = period_day_number(a), db = period_day_number(b);
			int order = strcmp(a, b);
			FUZZ_CHECK((order < 0) == (da < db) && (order == 0) == (da == db),
				   "'%s' %lld, '%s' %lld", a, (long long)da, b, (long long)db);
		}
	}

	int64_t day = 0;
	memcpy(&day, data, size < sizeof day ? size : sizeof day);
	check_day_number(day);
	check_day_number(day % 4000000);
	free(s);
	return 0;
}
