#ifndef BIANMIN_PROMISE_H
#define BIANMIN_PROMISE_H
/* 承诺件: the promise a counter makes when it accepts a case that is not
 * finished at once, kept in working days (workday.h).  The acceptance day
 * does not count: accepted 2021-09-30 with 5 working days, a case is due
 * 2021-10-13, still on time that day and 超期 on 10-14; finished on or
 * before its due day it was finished on time.  预警 is an open case due
 * within one working day (today, or the next working day). */

#include <stdbool.h>

#include "ledger.h"
#include "workday.h"

enum promise_state {
	PROMISE_NONE,    /* a 即办件, or voided */
	PROMISE_OPEN,    /* 受理, more than a working day to go */
	PROMISE_WARN,    /* 受理, due today or on the next working day: 预警 */
	PROMISE_OVERDUE, /* 受理 past its due day: 超期 */
	PROMISE_ON_TIME, /* 办结 or 退回 on or before the due day */
	PROMISE_LATE,    /* 办结 or 退回 after it */
};
/* "", "办理中", "预警", "超期", "按时办结", "逾期办结". */
const char *promise_state_name(enum promise_state s);

/* The due day of a matter's case accepted on `accepted`; "" for a 即办件. */
void promise_due_for(struct workday_cal *cal, const struct catalog_matter *m,
		     const char *accepted, char out[DATE_LEN]);
/* An entry's due day: as stored, or, for a case saved before due days were
 * kept and still open, from its matter's limit.  "" when it has none. */
void promise_due(struct workday_cal *cal, const struct entry *e, char out[DATE_LEN]);
enum promise_state promise_state(struct workday_cal *cal, const struct entry *e,
				 const char *today);
/* Working days left until the due day (0 on it, negative once past). */
int promise_days_left(struct workday_cal *cal, const struct entry *e, const char *today);

/* Open cases that are 超期 on `today` (and, with `warn`, 预警 too), by due
 * day.  `window` NULL for every window. */
bool promise_open(struct db *db, const struct catalog *cat, struct workday_cal *cal,
		  const char *today, bool warn, const struct catalog_window *window,
		  ledger_fn fn, void *ctx, char **err);

struct promise_counts {
	long long warn, overdue;
};
/* 预警 and 超期 per window (counts[i] for cat->windows[i]) and in all
 * (*total; may be NULL). */
bool promise_count(struct db *db, const struct catalog *cat, struct workday_cal *cal,
		   const char *today, struct promise_counts *counts, struct promise_counts *total,
		   char **err);

/* Gives its due day to every 承诺件 that lacks one: entries saved before
 * due days were kept (a v1 ledger, migration 2 added the column).  The
 * rule is the one a save follows now, from the matter's 承诺时限 and the
 * calendar `cal`, for the entries known to have been followed as 承诺件:
 *  - one still 受理;
 *  - one closed after it was saved (办结, 退回 or 转办 by `done` or
 *    `return`): its done day, when it has none, is the day of that
 *    change in the audit trail.
 * One closed with no such trace was closed when it was saved: it may have
 * been a 即办件 then (a limit can be set later), and no promise or done day
 * is known, so none is made up.  Voided entries are left as they are.
 * Each entry given a day is audited ("due").  Runs in the caller's write
 * transaction; *filled (may be NULL) gets the number of entries. */
bool promise_fill_locked(struct db *db, struct workday_cal *cal, const char *login,
			 long long *filled, char **err);
/* The same in a write transaction of its own, with the holiday table. */
bool promise_fill(struct db *db, const char *login, long long *filled, char **err);

#endif
