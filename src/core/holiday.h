#ifndef BIANMIN_HOLIDAY_H
#define BIANMIN_HOLIDAY_H
/* The holiday table (节假日安排): loading the State Council's calendar from
 * a CSV file (日期,类型,名称 with 类型 休 or 班), listing it, and reading it
 * into a working-day calendar (workday.h). */

#include <stdbool.h>
#include <stddef.h>

#include "workday.h"

struct db;

/* Loads a holiday file, all or nothing: every line is checked first (a bad
 * date or kind names its line), then applied in one write transaction,
 * audited.  A year whose 1 January the file lists is replaced whole; other
 * days the file lists are added or changed one by one.  Administrators
 * only (or anyone before the first clerk is registered). */
bool holiday_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err);
/* The calendar built into the program (2019 through 2026), loaded when the
 * table is still empty (*loaded then true; may be NULL); an administrator's
 * own table is left as it is. */
bool holiday_load_defaults(struct db *db, const char *login, bool *loaded, char **err);

struct holiday_day {
	const char *day;  /* YYYY-MM-DD */
	bool off;         /* 休; false for 班 */
	const char *name; /* 国庆 */
};
typedef bool (*holiday_fn)(const struct holiday_day *h, void *ctx);
/* The listed days of a year in date order (year 0: every year). */
bool holiday_list(struct db *db, int year, holiday_fn fn, void *ctx, char **err);

/* The whole table as a working-day calendar; NULL with *err on a failed
 * read.  Free with workday_cal_free(). */
struct workday_cal *holiday_calendar(struct db *db, char **err);

#endif
