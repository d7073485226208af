#ifndef BIANMIN_PERIOD_H
#define BIANMIN_PERIOD_H
/* Calendar dates as the center lives them: the center's days (the zone
 * period_set_zone was given, whatever the caller's TZ said), written
 * YYYY-MM-DD.  A date is also handled as a day number for arithmetic. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_LEN 11 /* "YYYY-MM-DD" + NUL */

/* Makes `zone` (a name under /usr/share/zoneinfo, such as Asia/Shanghai)
 * the zone of today, now and every timestamp, replacing the process's TZ.
 * Asia/Shanghai works without the zone files (UTC+8, no summer time since
 * 1991).  False with a message for a zone this machine does not know. */
bool period_set_zone(const char *zone, char **err);
/* True for a real calendar date in strict YYYY-MM-DD form, year 1900..9999. */
bool period_valid_date(const char *s);
/* True for YYYY-MM-DD in digits, year 1900..9999, whether or not that
 * month and day exist: tells "2021-02-30" (no such day) apart from
 * "2021/2/3" (not the form) in messages. */
bool period_date_shaped(const char *s);
/* True for HH:MM (00:00..23:59). */
bool period_valid_time(const char *s);
/* What a spreadsheet saves of a date or a time, brought back to the
 * ledger's form: dates 2021/6/1, 2021-6-1, 2021.6.1 and 2021年6月1日 (year
 * first, one- or two-digit month and day) to 2021-06-01; times 9:05,
 * 09:05:00, 9:05:00 AM, 12:50:00 PM (and 上午/下午 before or after) to
 * HH:MM.  Seconds other than 00 are not dropped: such a time is not taken.
 * True with `out` filled when s has one of these shapes (the day itself is
 * not checked: 2021/2/30 gives 2021-02-30 for the ledger to refuse); false
 * otherwise. */
bool period_loose_date(const char *s, char out[DATE_LEN]);
bool period_loose_time(const char *s, char out[6]);
/* Today's local date / the current local time "HH:MM". */
void period_today(char out[DATE_LEN]);
void period_now_hm(char out[6]);
/* Local timestamp "YYYY-MM-DDTHH:MM:SS" for created_at / audit. */
void period_timestamp(char out[20]);
/* Day arithmetic: days since 1970-01-01 and back.  An invalid date has
 * day number PERIOD_NO_DAY (and period_add_days then writes "");
 * results are kept within 1900-01-01..9999-12-31. */
#define PERIOD_NO_DAY INT64_MIN
int64_t period_day_number(const char *date);
void period_from_day_number(int64_t day, char out[DATE_LEN]);
void period_add_days(const char *date, int days, char out[DATE_LEN]);
/* 0 = Sunday .. 6 = Saturday, and the Chinese name (星期日 ..); -1 and ""
 * for an invalid date. */
int period_weekday(const char *date);
const char *period_weekday_name(const char *date);
/* Days in a month (1-12) of a year, leap years counted. */
int period_month_days(int year, int month);
/* First and last day of a year / of the month holding `date`. */
void period_year_bounds(int year, char from[DATE_LEN], char to[DATE_LEN]);
void period_month_bounds(const char *date, char from[DATE_LEN], char to[DATE_LEN]);
int period_year_of(const char *date); /* 0 for an invalid date */
/* Parses a year 1900..9999 from a string; false if it is not one. */
bool period_parse_year(const char *s, int *year);

/* The tally's periods: a day, a week from Monday to Sunday (as weeks run
 * in China), a calendar month. */
enum period_kind { PERIOD_DAY, PERIOD_WEEK, PERIOD_MONTH };
/* "day", "week", "month"; false for anything else. */
bool period_kind_parse(const char *s, enum period_kind *kind);
/* First and last day of the period of `kind` holding `date` (kept within
 * 1900-01-01..9999-12-31); both "" for an invalid date. */
void period_bounds(enum period_kind kind, const char *date, char from[DATE_LEN],
		   char to[DATE_LEN]);
/* The day `n` periods away from `date`: n days, n weeks (the same
 * weekday), or n months (the same day of the month, or that month's last
 * day when it is shorter: 01-31 + 1 month is 02-28).  "" for an invalid
 * date. */
void period_step(enum period_kind kind, const char *date, int n, char out[DATE_LEN]);
/* The week number of GB/T 7408 (ISO 8601): weeks start on Monday, and
 * week 1 is the one holding the year's first Thursday, so the days around
 * New Year may belong to the other year's week (2021-01-01 is in week 53
 * of 2020).  1..53, the week's own year in *year; 0 for an invalid date. */
int period_iso_week(const char *date, int *year);
/* The period as a heading: "2021-03-15 星期一",
 * "2021-06-07 至 2021-06-13（第23周）" (with the year, "2025年第1周", when
 * the week belongs to another year than its Monday),
 * "2021年6月（2021-06-01 至 2021-06-30）".  Returns out. */
char *period_label(enum period_kind kind, const char *date, char *out, size_t outsz);
/* A date a person typed: YYYY-MM-DD, or a form the import takes
 * (2021/6/1, 2021.6.1, 2021年6月1日), or eight digits (20210601);
 * full-width digits and spaces around allowed.  False with a Chinese message naming what is wrong. */
bool period_parse_typed(const char *s, char out[DATE_LEN], char **err);

#endif
