#ifndef BIANMIN_REPORT_H
#define BIANMIN_REPORT_H
/* The annual statistics report (年度统计): per window and matter the figure
 * in the matter's unit, the split by category, window totals where a
 * window's matters share one unit, the same period of the previous year and
 * the change (同比), and entries per month per window.  Voided entries never
 * count.  One aggregate query per report; the outputs (text table, CSV,
 * narrative paragraph) are pure functions of the computed struct. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "catalog.h"
#include "period.h"
#include "tally.h"

struct db;

/* A range may span at most this many months (a year that does not start
 * on the 1st touches 13). */
#define REPORT_MAX_MONTHS 13

struct report_matter {
	const struct catalog_matter *matter;
	struct tally_cell cur, prev;
	/* Indexed like matter->categories, plus one last slot for entries whose
	 * category is empty or no longer among the options (未分类). */
	struct tally_cell *cur_by_category, *prev_by_category;
	int64_t months[REPORT_MAX_MONTHS]; /* entries per month of the range */
};

struct report_window {
	const struct catalog_window *window;
	const struct report_matter *matters; /* this window's, catalog order */
	size_t nmatters;
	/* Every matter of the window in use (active, or with entries in either
	 * period) has this unit: the window has a total. */
	bool has_total;
	enum unit unit;
	struct tally_cell cur, prev; /* sums over the window's matters */
	int64_t months[REPORT_MAX_MONTHS]; /* entries per month of the range */
};

struct report {
	char from[DATE_LEN], to[DATE_LEN];           /* the period */
	char prev_from[DATE_LEN], prev_to[DATE_LEN]; /* the same period a year before */
	int year;          /* the calendar year, when the period is one; else 0 */
	bool to_date;      /* the year in progress: the period ends today, and so
			    * does the same period of the year before */
	size_t nmonths;    /* months the period touches */
	int first_year, first_month; /* the first of them */
	struct report_matter *matters; /* indexed like catalog.matters */
	size_t nmatters;
	struct report_window *windows; /* indexed like catalog.windows */
	size_t nwindows;
};

/* Computes the report for a calendar year; for the year in progress, up to
 * today, against the same days of the year before (not its whole year). */
bool report_year(struct db *db, const struct catalog *cat, int year, struct report *r,
		 char **err);
/* For any period [from, to] of at most a year (so that it and the same
 * period a year before do not overlap). */
bool report_range(struct db *db, const struct catalog *cat, const char *from, const char *to,
		  struct report *r, char **err);
void report_clear(struct report *r); /* a zeroed or cleared report is fine */

/* Label of month i of the period: "3月", or "2021年3月" when the period
 * crosses a new year.  Returns out. */
char *report_month_label(const struct report *r, size_t i, char *out, size_t outsz);

/* The change against the previous period in the unit: "+22", "-3", "0";
 * for 户+人 both numbers: "+2户+5人".  Returns out. */
char *report_format_change(char *out, size_t outsz, enum unit u, const struct tally_cell *cur,
			   const struct tally_cell *prev);

/* An aligned table (CJK columns line up), then entries per month per
 * window. */
bool report_write_text(const struct report *r, FILE *out, char **err);
/* The table as CSV for Excel: BOM, CRLF, formula guard. */
bool report_write_csv(const struct report *r, FILE *out, char **err);
/* The paragraph of the annual report, in its wording, every number from the
 * data; matters and windows without entries are left out.  malloc'd. */
char *report_narrative(const struct report *r);

#endif
