#ifndef BIANMIN_WORKDAY_H
#define BIANMIN_WORKDAY_H
/* Working days (工作日) as the State Council's calendar has them: Monday to
 * Friday, less the days off (休), plus the weekend days worked (班).  A
 * year counts as known when its calendar lists 1 January (元旦 is a day
 * off every year, so every annual notice lists it); in a year not known
 * only Saturdays and Sundays are days off, and the calendar remembers that
 * it was asked about such a year so that the caller can say so once. */

#include <stdbool.h>
#include <stdint.h>

#include "period.h"

struct workday_cal;

struct workday_cal *workday_cal_new(void);
void workday_cal_free(struct workday_cal *cal); /* NULL is fine */
/* Adds one listed day; `off` for 休, false for 班.  A day added twice keeps
 * the last kind.  False for a date that is not a real YYYY-MM-DD. */
bool workday_cal_add(struct workday_cal *cal, const char *date, bool off);

/* Whether the calendar holds the year's notice (its 1 January). */
bool workday_year_known(const struct workday_cal *cal, int year);
/* Whether `date` is a working day.  False for an invalid date. */
bool workday_is_working(struct workday_cal *cal, const char *date);
/* The n-th working day after `date` (the day itself never counts: a
 * 承诺件 accepted on 2021-09-30 with 5 working days is due 2021-10-13).
 * n = 0 gives `date` itself.  "" for an invalid date. */
void workday_add(struct workday_cal *cal, const char *date, int n, char out[DATE_LEN]);
/* Working days after `from` up to and including `to`: 0 when they are the
 * same day, negative (minus the working days after `to` up to `from`) when
 * `to` comes first.  (Whether a due day has passed is a plain comparison
 * of dates: an entry due on Friday is late on Saturday.) */
int workday_between(struct workday_cal *cal, const char *from, const char *to);
/* The years asked about that the calendar does not know, as one sentence
 * ("2027 年尚无节假日安排，工作日只按周六、周日休息计算"), or NULL when
 * every year asked about was known.  malloc'd. */
char *workday_note(const struct workday_cal *cal);

#endif
