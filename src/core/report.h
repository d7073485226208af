#ifndef BIANMIN_REPORT_H
#define BIANMIN_REPORT_H
/* The annual statistics report (年度统计): per window and matter the figure
 * in the matter's unit, the split by category, window totals where a
 * window's matters share one unit, the same period of the previous year and
 * the change (同比), and entries per month per window.  Voided entries never
 * count.  One aggregate query per report; the outputs (text table, CSV,
 * narrative paragraph, the R screen, the spreadsheet) are pure functions of
 * the computed struct and walk its rows (struct report_row, below). */

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

struct report_row;

/* What a window is judged by beside its figures: its 承诺件 (entries with a
 * due day) finished on time, late, still open, and the citizens' ratings
 * (好差评) of its entries, all of the period's non-voided entries. */
struct report_service {
	int64_t promised, on_time, late, open;
	int64_t rated, by_level[6]; /* by_level[1..5]: 非常不满意 .. 非常满意 */
	int64_t entries;            /* every entry, for the share rated */
};
/* Percentages as the report words them, to one decimal; -1 when there is
 * nothing to divide by.  on time: of those finished; 好评率: 非常满意, 满意
 * and 基本满意 of those rated; share rated: of every entry. */
double report_on_time_rate(const struct report_service *s);
double report_good_rate(const struct report_service *s);
double report_rated_share(const struct report_service *s);
/* The columns every output shows them in: 窗口, then 承诺件 按时办结
 * 逾期办结 未办结 按时办结率, the five levels from 非常满意 down, 评价数
 * 好评率 参评率.  A column's figure (1 .. REPORT_SERVICE_COLS - 1): a
 * count, or for a rate column its per cent as above (-1: none). */
#define REPORT_SERVICE_COLS 14
/* The section's heading and what its rates mean, as every output says. */
extern const char report_service_title[], report_service_note[];
extern const char *const report_service_head[REPORT_SERVICE_COLS];
double report_service_figure(const struct report_service *s, int col);
bool report_service_is_rate(int col);

/* A 差评 of the period, for the report's list (and its call-back). */
struct report_bad_rating {
	char *serial, *reason;
	size_t window; /* index into report.windows */
	int level;
	bool followed_up;
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
	const struct report_row *rows; /* this window's rows, a slice of report.rows */
	size_t nrows;
	size_t nshown; /* matters shown (rows of kind REPORT_MATTER) */
	size_t nsaid;  /* matters the narrative says */
	struct report_service svc;
};

/* The rows of the report, computed once with the figures, in the order
 * every output shows them: window by window in catalog order; in a window
 * each matter shown, its categories after it, then the window's total.
 * What is shown is decided here and nowhere else:
 *  - a matter is shown when it is active or has entries in either period
 *    (one taken out of use with nothing is history, not news);
 *  - a matter with categories has a row per category, then one 未分类 row
 *    when entries have an empty or retired category;
 *  - a window has a total row when its matters shown share one unit and
 *    there are more than one of them.
 * `said` is the narrative's choice among them: a matter whose figure is
 * not nothing (never "0户0人"), the total of a window saying more than one.
 * A window with no matter said is left out of the narrative. */
enum report_row_kind { REPORT_ROW_MATTER, REPORT_ROW_CATEGORY, REPORT_ROW_TOTAL };

struct report_row {
	enum report_row_kind kind;
	size_t window;                       /* index into report.windows */
	const struct catalog_window *w;
	const struct catalog_matter *matter; /* NULL for a total */
	const char *name;     /* the 事项 column: the matter's name, or "合计" */
	const char *category; /* REPORT_ROW_CATEGORY: the option, or "未分类"; else NULL */
	enum unit unit;
	const struct tally_cell *cur, *prev;
	int64_t change;       /* in the number the unit counts (户+人: households) */
	bool first;           /* the first row of its window */
	bool said;
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
	struct report_row *rows;       /* every window's, in order */
	size_t nrows;
	struct tally_cell cur, prev;   /* sums over every window */
	int64_t months[REPORT_MAX_MONTHS]; /* entries per month, every window */
	struct report_service svc;     /* every window's */
	/* Whether the period has any 承诺件 or rating: the outputs add their
	 * part only then, so a report of a center that keeps neither reads as
	 * it always did. */
	bool has_service;
	struct report_bad_rating *bad; /* the period's 差评, in date order */
	size_t nbad;
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
/* (Re)computes the rows from the matters' and windows' figures; the two
 * above call it.  Only a report put together otherwise (a test's) needs it. */
void report_build_rows(struct report *r);

/* The 事项 column of a row as the text table and the screen word it: the
 * matter's name, "  其中 分类" under it, "合计".  Returns out. */
char *report_row_label(const struct report_row *row, char *out, size_t outsz);
/* The figure columns' heads: "2021年" and "2020年" (or "2020年同期" for the
 * year in progress); "本期" and "上年同期" for another period. */
void report_period_labels(const struct report *r, char *cur, char *prev, size_t sz);

/* Label of month i of the period: "3月", or "2021年3月" when the period
 * crosses a new year.  Returns out. */
char *report_month_label(const struct report *r, size_t i, char *out, size_t outsz);

/* The change against the previous period in the unit: "+22", "-3", "0";
 * for 户+人 both numbers: "+2户+5人".  Returns out. */
char *report_format_change(char *out, size_t outsz, enum unit u, const struct tally_cell *cur,
			   const struct tally_cell *prev);

/* The service figures of a report computed by report_range (which calls
 * it); exposed for a report put together otherwise. */
bool report_service_compute(struct db *db, struct report *r, char **err);
void report_service_clear(struct report *r); /* report_clear calls it */
/* The narrative's sentence on them ("全年承诺件 N 件，按时办结 ..."), or NULL
 * when the period has none.  malloc'd. */
char *report_service_sentence(const struct report *r);
/* The text report's section and the CSV's table of them (nothing when the
 * period has none). */
struct csvrow_writer;
void report_service_write_text(const struct report *r, FILE *out);
void report_service_write_csv(const struct report *r, struct csvrow_writer *w);

/* An aligned table (CJK columns line up), then entries per month per
 * window. */
bool report_write_text(const struct report *r, FILE *out, char **err);
/* The table as CSV for Excel: BOM, CRLF, formula guard. */
bool report_write_csv(const struct report *r, FILE *out, char **err);
/* The paragraph of the annual report, in its wording, every number from the
 * data; matters and windows without entries are left out.  malloc'd. */
char *report_narrative(const struct report *r);

#endif
