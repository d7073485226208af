/* Working-day arithmetic over the holiday calendar, held in memory: a few
 * hundred days a decade, looked up by binary search. */
#include "workday.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct listed {
	int64_t day;
	bool off;
};

enum { MISSING_MAX = 16 };

struct workday_cal {
	struct listed *days; /* sorted by day */
	size_t ndays, cap;
	bool sorted;
	/* Years asked about and not known, for the caller's one note. */
	int missing[MISSING_MAX];
	size_t nmissing;
};

struct workday_cal *workday_cal_new(void)
{
	struct workday_cal *cal = xcalloc(1, sizeof *cal);
	cal->sorted = true;
	return cal;
}

void workday_cal_free(struct workday_cal *cal)
{
	if (!cal)
		return;
	free(cal->days);
	free(cal);
}

bool workday_cal_add(struct workday_cal *cal, const char *date, bool off)
{
	int64_t day = period_day_number(date);
	if (day == PERIOD_NO_DAY)
		return false;
	cal->days = xgrow(cal->days, &cal->cap, cal->ndays + 1, sizeof *cal->days);
	if (cal->ndays && cal->days[cal->ndays - 1].day >= day)
		cal->sorted = false;
	cal->days[cal->ndays++] = (struct listed){ day, off };
	return true;
}

static int by_day(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	/* The later addition first, so that the dedup below keeps it. */
	return x < y ? 1 : -1;
}

/* Sorted, and one entry a day (the last added wins). */
static void settle(const struct workday_cal *ccal)
{
	struct workday_cal *cal = (struct workday_cal *)ccal;
	if (cal->sorted)
		return;
	qsort(cal->days, cal->ndays, sizeof *cal->days, by_day);
	size_t w = 0;
	for (size_t r = 0; r < cal->ndays; r++)
		if (w == 0 || cal->days[w - 1].day != cal->days[r].day)
			cal->days[w++] = cal->days[r];
	cal->ndays = w;
	cal->sorted = true;
}

static const struct listed *find(const struct workday_cal *cal, int64_t day)
{
	settle(cal);
	size_t lo = 0, hi = cal->ndays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cal->ndays && cal->days[lo].day == day ? &cal->days[lo] : NULL;
}

static int year_of_day(int64_t day)
{
	char d[DATE_LEN];
	period_from_day_number(day, d);
	return period_year_of(d);
}

bool workday_year_known(const struct workday_cal *cal, int year)
{
	char jan1[DATE_LEN];
	snprintf(jan1, sizeof jan1, "%04d-01-01", year);
	int64_t day = period_day_number(jan1);
	return day != PERIOD_NO_DAY && find(cal, day) != NULL;
}

static void note_missing(struct workday_cal *cal, int year)
{
	for (size_t i = 0; i < cal->nmissing; i++)
		if (cal->missing[i] == year)
			return;
	if (cal->nmissing < MISSING_MAX)
		cal->missing[cal->nmissing++] = year;
}

/* 1970-01-01 was a Thursday. */
static bool weekend(int64_t day)
{
	int64_t wd = ((day % 7) + 7 + 4) % 7; /* 0 = Sunday */
	return wd == 0 || wd == 6;
}

static bool working(struct workday_cal *cal, int64_t day)
{
	const struct listed *l = find(cal, day);
	if (l)
		return !l->off;
	int year = year_of_day(day);
	if (!workday_year_known(cal, year))
		note_missing(cal, year);
	return !weekend(day);
}

bool workday_is_working(struct workday_cal *cal, const char *date)
{
	int64_t day = period_day_number(date);
	return day != PERIOD_NO_DAY && working(cal, day);
}

void workday_add(struct workday_cal *cal, const char *date, int n, char out[DATE_LEN])
{
	int64_t day = period_day_number(date);
	if (day == PERIOD_NO_DAY) {
		out[0] = '\0';
		return;
	}
	/* The longest run of days off (春节 with its weekends) is nine days:
	 * the walk is short for any promise a counter makes. */
	for (int counted = 0; counted < n;)
		counted += working(cal, ++day);
	period_from_day_number(day, out);
}

int workday_between(struct workday_cal *cal, const char *from, const char *to)
{
	int64_t a = period_day_number(from), b = period_day_number(to);
	if (a == PERIOD_NO_DAY || b == PERIOD_NO_DAY)
		return 0;
	int sign = 1;
	if (b < a) {
		int64_t t = a;
		a = b;
		b = t;
		sign = -1;
	}
	int n = 0;
	for (int64_t d = a + 1; d <= b; d++)
		n += working(cal, d);
	return sign * n;
}

char *workday_note(const struct workday_cal *cal)
{
	if (cal->nmissing == 0)
		return NULL;
	int years[MISSING_MAX];
	size_t n = cal->nmissing;
	memcpy(years, cal->missing, n * sizeof *years);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && years[j - 1] > years[j]; j--) {
			int t = years[j];
			years[j] = years[j - 1];
			years[j - 1] = t;
		}
	struct strbuf sb = { 0 };
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%d", i ? "、" : "", years[i]);
	strbuf_add(&sb, " 年尚无节假日安排（bianmin holiday load 载入），工作日只按周六、周日休息计算");
	return sb.s;
}
