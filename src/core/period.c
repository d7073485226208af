#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "text.h"
#include "util.h"

/* Day numbers come from Gregorian arithmetic (H. Hinnant's days_from_civil),
 * not mktime: a day number is a calendar fact, the same in every time zone
 * and exact far beyond time_t's comfortable range. */

#define FIRST_YEAR 1900
#define LAST_YEAR 9999

static const char *const weekday_names[7] = {
	"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
};

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static bool digits(const char *s, int n, int *value)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return true;
}

/* Strict YYYY-MM-DD: exactly ten characters, a real day, year in range. */
static bool parse_date(const char *s, int *year, int *month, int *day)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int y, m, d;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
		return false;
	if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*year = y;
	*month = m;
	*day = d;
	return true;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *year, int *month, int *day)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = m;
	*day = d;
}

/* Fixed-width digits written by hand: callers keep values in range, and
 * snprintf's truncation warnings cannot see that. */
static void put_digits(char *out, int value, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + value % 10);
		value /= 10;
	}
}

static void format_date(int year, int month, int day, char out[DATE_LEN])
{
	put_digits(out, year, 4);
	out[4] = '-';
	put_digits(out + 5, month, 2);
	out[7] = '-';
	put_digits(out + 8, day, 2);
	out[10] = '\0';
}

bool period_valid_date(const char *s)
{
	int y, m, d;
	return parse_date(s, &y, &m, &d);
}

bool period_date_shaped(const char *s)
{
	int y, m, d;
	return s && strlen(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, &y) &&
	       digits(s + 5, 2, &m) && digits(s + 8, 2, &d) && y >= FIRST_YEAR && y <= LAST_YEAR;
}

bool period_valid_time(const char *s)
{
	int h, m;
	return s && strlen(s) == 5 && s[2] == ':' && digits(s, 2, &h) && digits(s + 3, 2, &m) &&
	       h <= 23 && m <= 59;
}

/* 1 or 2 digits at *p (moved past them), or -1. */
static int short_number(const char **p)
{
	const char *s = *p;
	if (s[0] < '0' || s[0] > '9')
		return -1;
	int v = s[0] - '0', n = 1;
	if (s[1] >= '0' && s[1] <= '9') {
		v = v * 10 + (s[1] - '0');
		n = 2;
	}
	*p = s + n;
	return v;
}

/* Skips `word` at *p if it is there. */
static bool skip(const char **p, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(*p, word, n) != 0)
		return false;
	*p += n;
	return true;
}

bool period_loose_date(const char *s, char out[DATE_LEN])
{
	int y;
	if (!s || strlen(s) < 8 || !digits(s, 4, &y) || y < FIRST_YEAR)
		return false;
	const char *p = s + 4;
	/* The separator after the year is the one after the month too. */
	bool chinese = skip(&p, "年");
	char sep = chinese ? 0 : *p++;
	if (!chinese && sep != '-' && sep != '/' && sep != '.')
		return false;
	int m = short_number(&p);
	if (m < 0 || (chinese ? !skip(&p, "月") : *p++ != sep))
		return false;
	int d = short_number(&p);
	if (d < 0 || (chinese && !skip(&p, "日")) || *p)
		return false;
	put_digits(out, y, 4);
	out[4] = out[7] = '-';
	put_digits(out + 5, m, 2);
	put_digits(out + 8, d, 2);
	out[10] = '\0';
	return true;
}

bool period_loose_time(const char *s, char out[6])
{
	if (!s)
		return false;
	const char *p = s;
	/* A Chinese spreadsheet may put 上午/下午 before the time, an English
	 * one AM/PM after it. */
	int half = skip(&p, "上午") ? 1 : skip(&p, "下午") ? 2 : 0;
	int h = short_number(&p);
	if (h < 0 || *p++ != ':')
		return false;
	int m;
	if (!digits(p, 2, &m))
		return false;
	p += 2;
	if (*p == ':') {
		if (p[1] != '0' || p[2] != '0')
			return false;
		p += 3;
	}
	if (!half) {
		skip(&p, " ");
		if (skip(&p, "AM") || skip(&p, "am") || skip(&p, "上午"))
			half = 1;
		else if (skip(&p, "PM") || skip(&p, "pm") || skip(&p, "下午"))
			half = 2;
	}
	if (*p)
		return false;
	if (half) {
		/* 12:50 PM is ten to one; 12:05 AM five past midnight. */
		if (h < 1 || h > 12)
			return false;
		h = h % 12 + (half == 2 ? 12 : 0);
	}
	if (h > 23 || m > 59)
		return false;
	put_digits(out, h, 2);
	out[2] = ':';
	put_digits(out + 3, m, 2);
	out[5] = '\0';
	return true;
}

bool period_set_zone(const char *zone, char **err)
{
	/* A name, never a path: "../" or "/" would read any file as a zone. */
	if (!zone || !*zone || zone[0] == '/' || strstr(zone, "..") || strchr(zone, ':'))
		return fail(err, "时区“%s”无效，应为 Asia/Shanghai 这样的名称", zone ? zone : "");
	char *file = xasprintf("/usr/share/zoneinfo/%s", zone);
	struct stat st;
	bool known = stat(file, &st) == 0 && S_ISREG(st.st_mode);
	free(file);
	const char *tz = zone;
	/* A machine without tzdata would take the name for UTC, silently. */
	if (!known && strcmp(zone, "Asia/Shanghai") == 0)
		tz = "CST-8";
	else if (!known)
		return fail(err, "本机没有时区“%s”（/usr/share/zoneinfo 中没有），请检查配置文件的 tz =",
			    zone);
	if (setenv("TZ", tz, 1) != 0)
		return fail(err, "无法设置时区 %s", zone);
	tzset();
	return true;
}

static struct tm local_now(void)
{
	/* A changed TZ takes effect at once (localtime_r alone may keep the
	 * zone it saw first); tzset() only then, as it stats the zone file. */
	static char seen_tz[256];
	static bool seen_unset, initialized;
	/* An import asks the time several times a row: within one second the
	 * answer is the same, so localtime_r runs once a second. */
	static time_t cached_at = (time_t)-1;
	static struct tm cached;
	const char *tz = getenv("TZ");
	if (!initialized || (tz == NULL) != seen_unset || (tz && strcmp(tz, seen_tz) != 0)) {
		tzset();
		initialized = true;
		seen_unset = tz == NULL;
		snprintf(seen_tz, sizeof seen_tz, "%s", tz ? tz : "");
		cached_at = (time_t)-1;
	}
	time_t now = time(NULL);
	if (now != cached_at) {
		if (!localtime_r(&now, &cached))
			memset(&cached, 0, sizeof cached);
		cached_at = now;
	}
	return cached;
}

void period_today(char out[DATE_LEN])
{
	struct tm tm = local_now();
	format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}

void period_now_hm(char out[6])
{
	struct tm tm = local_now();
	put_digits(out, tm.tm_hour, 2);
	out[2] = ':';
	put_digits(out + 3, tm.tm_min, 2);
	out[5] = '\0';
}

void period_timestamp(char out[20])
{
	struct tm tm = local_now();
	format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
	out[10] = 'T';
	put_digits(out + 11, tm.tm_hour, 2);
	out[13] = ':';
	put_digits(out + 14, tm.tm_min, 2);
	out[16] = ':';
	/* A leap second (60) is shown as 59 so the stamp stays a valid time. */
	put_digits(out + 17, tm.tm_sec > 59 ? 59 : tm.tm_sec, 2);
	out[19] = '\0';
}

int64_t period_day_number(const char *date)
{
	int y, m, d;
	if (!parse_date(date, &y, &m, &d))
		return PERIOD_NO_DAY;
	return days_from_civil(y, m, d);
}

void period_from_day_number(int64_t day, char out[DATE_LEN])
{
	int64_t lo = days_from_civil(FIRST_YEAR, 1, 1), hi = days_from_civil(LAST_YEAR, 12, 31);
	if (day < lo)
		day = lo;
	if (day > hi)
		day = hi;
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	format_date(y, m, d, out);
}

void period_add_days(const char *date, int days, char out[DATE_LEN])
{
	int64_t n = period_day_number(date);
	if (n == PERIOD_NO_DAY) {
		out[0] = '\0';
		return;
	}
	period_from_day_number(n + days, out);
}

int period_weekday(const char *date)
{
	int64_t n = period_day_number(date);
	if (n == PERIOD_NO_DAY)
		return -1;
	/* 1970-01-01 was a Thursday. */
	int64_t w = (n + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

const char *period_weekday_name(const char *date)
{
	int w = period_weekday(date);
	return w < 0 ? "" : weekday_names[w];
}

void period_year_bounds(int year, char from[DATE_LEN], char to[DATE_LEN])
{
	if (year < FIRST_YEAR)
		year = FIRST_YEAR;
	if (year > LAST_YEAR)
		year = LAST_YEAR;
	format_date(year, 1, 1, from);
	format_date(year, 12, 31, to);
}

void period_month_bounds(const char *date, char from[DATE_LEN], char to[DATE_LEN])
{
	int y, m, d;
	if (!parse_date(date, &y, &m, &d)) {
		from[0] = to[0] = '\0';
		return;
	}
	format_date(y, m, 1, from);
	format_date(y, m, days_in_month(y, m), to);
}

int period_year_of(const char *date)
{
	int y, m, d;
	return parse_date(date, &y, &m, &d) ? y : 0;
}

bool period_parse_year(const char *s, int *year)
{
	int y;
	if (!s || strlen(s) != 4 || !digits(s, 4, &y) || y < FIRST_YEAR)
		return false;
	*year = y;
	return true;
}

int period_month_days(int year, int month)
{
	return month >= 1 && month <= 12 ? days_in_month(year, month) : 0;
}

bool period_kind_parse(const char *s, enum period_kind *kind)
{
	static const char *const names[] = {"day", "week", "month"};
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*kind = (enum period_kind)i;
			return true;
		}
	return false;
}

/* Monday of the week holding day number n (1970-01-01 was a Thursday). */
static int64_t monday_of(int64_t n)
{
	int64_t since = (n + 3) % 7;
	return n - (since < 0 ? since + 7 : since);
}

void period_bounds(enum period_kind kind, const char *date, char from[DATE_LEN],
		   char to[DATE_LEN])
{
	int64_t n = period_day_number(date);
	if (n == PERIOD_NO_DAY) {
		from[0] = to[0] = '\0';
		return;
	}
	switch (kind) {
	case PERIOD_DAY:
		period_from_day_number(n, from);
		period_from_day_number(n, to);
		break;
	case PERIOD_WEEK:
		period_from_day_number(monday_of(n), from);
		period_from_day_number(monday_of(n) + 6, to);
		break;
	case PERIOD_MONTH:
		period_month_bounds(date, from, to);
		break;
	}
}

void period_step(enum period_kind kind, const char *date, int n, char out[DATE_LEN])
{
	int y, m, d;
	if (!parse_date(date, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	if (kind != PERIOD_MONTH) {
		period_from_day_number(days_from_civil(y, m, d) + (int64_t)n * (kind == PERIOD_WEEK ? 7 : 1),
				       out);
		return;
	}
	int64_t months = (int64_t)y * 12 + (m - 1) + n;
	int64_t lo = (int64_t)FIRST_YEAR * 12, hi = (int64_t)LAST_YEAR * 12 + 11;
	months = months < lo ? lo : months > hi ? hi : months;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	format_date(y, m, d < days_in_month(y, m) ? d : days_in_month(y, m), out);
}

int period_iso_week(const char *date, int *year)
{
	int64_t n = period_day_number(date);
	if (n == PERIOD_NO_DAY)
		return 0;
	/* A week belongs to the year of its Thursday; its number counts the
	 * Thursdays of that year up to it. */
	int64_t thursday = monday_of(n) + 3;
	int y, m, d;
	civil_from_days(thursday, &y, &m, &d);
	*year = y;
	return (int)((thursday - days_from_civil(y, 1, 1)) / 7) + 1;
}

char *period_label(enum period_kind kind, const char *date, char *out, size_t outsz)
{
	char from[DATE_LEN], to[DATE_LEN];
	int y, m, d;
	if (!parse_date(date, &y, &m, &d)) {
		snprintf(out, outsz, "%s", date ? date : "");
		return out;
	}
	period_bounds(kind, date, from, to);
	switch (kind) {
	case PERIOD_DAY:
		snprintf(out, outsz, "%s %s", from, period_weekday_name(from));
		break;
	case PERIOD_WEEK: {
		int wy, w = period_iso_week(date, &wy);
		if (wy == period_year_of(from))
			snprintf(out, outsz, "%s 至 %s（第%d周）", from, to, w);
		else
			snprintf(out, outsz, "%s 至 %s（%d年第%d周）", from, to, wy, w);
		break;
	}
	case PERIOD_MONTH:
		snprintf(out, outsz, "%d年%d月（%s 至 %s）", y, m, from, to);
		break;
	}
	return out;
}

bool period_parse_typed(const char *s, char out[DATE_LEN], char **err)
{
	char buf[64];
	text_fold_digits(buf, sizeof buf, s ? s : "");
	char *t = text_trim(buf);
	if (!*t)
		return fail(err, "请输入日期, 如 2021-06-01");
	char loose[DATE_LEN];
	const char *date = t;
	int v;
	if (strlen(t) == 8 && digits(t, 8, &v)) {
		memcpy(loose, t, 4);
		loose[4] = loose[7] = '-';
		memcpy(loose + 5, t + 4, 2);
		memcpy(loose + 8, t + 6, 2);
		loose[10] = '\0';
		date = loose;
	} else if (!period_date_shaped(t) && period_loose_date(t, loose)) {
		date = loose;
	}
	if (period_valid_date(date)) {
		memcpy(out, date, DATE_LEN);
		return true;
	}
	if (period_date_shaped(date))
		return fail(err, "没有这一天: %s", date);
	return fail(err, "日期“%s”看不懂: 请写成 YYYY-MM-DD (如 2021-06-01), 也可写 2021/6/1 或 "
		    "2021年6月1日", t);
}
