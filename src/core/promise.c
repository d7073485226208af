/* 承诺件 against the working-day calendar: due days, states, the open
 * cases that need attention. */
#include "promise.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

const char *promise_state_name(enum promise_state s)
{
	static const char *const names[] = {
		[PROMISE_NONE] = "", [PROMISE_OPEN] = "办理中", [PROMISE_WARN] = "预警",
		[PROMISE_OVERDUE] = "超期", [PROMISE_ON_TIME] = "按时办结", [PROMISE_LATE] = "逾期办结",
	};
	return (size_t)s < sizeof names / sizeof names[0] ? names[s] : "";
}

void promise_due_for(struct workday_cal *cal, const struct catalog_matter *m,
		     const char *accepted, char out[DATE_LEN])
{
	if (!m || m->time_limit_days <= 0) {
		out[0] = '\0';
		return;
	}
	workday_add(cal, accepted, m->time_limit_days, out);
}

void promise_due(struct workday_cal *cal, const struct entry *e, char out[DATE_LEN])
{
	if (e->due_on) {
		snprintf(out, DATE_LEN, "%s", e->due_on);
		return;
	}
	/* A closed case with no due day of its own was closed before due days
	 * were kept: its promise is not known, and is not made up now. */
	if (e->status != STATUS_ACCEPTED) {
		out[0] = '\0';
		return;
	}
	promise_due_for(cal, e->matter, e->date, out);
}

enum promise_state promise_state(struct workday_cal *cal, const struct entry *e,
				 const char *today)
{
	char due[DATE_LEN];
	if (e->voided_at)
		return PROMISE_NONE;
	promise_due(cal, e, due);
	if (!*due)
		return PROMISE_NONE;
	if (e->status != STATUS_ACCEPTED) {
		/* Closed with no done day (imported so): its own day stands in. */
		const char *done = e->done_on ? e->done_on : e->date;
		return strcmp(done, due) <= 0 ? PROMISE_ON_TIME : PROMISE_LATE;
	}
	if (strcmp(today, due) > 0)
		return PROMISE_OVERDUE;
	return workday_between(cal, today, due) <= 1 ? PROMISE_WARN : PROMISE_OPEN;
}

int promise_days_left(struct workday_cal *cal, const struct entry *e, const char *today)
{
	char due[DATE_LEN];
	promise_due(cal, e, due);
	return *due ? workday_between(cal, today, due) : 0;
}

struct open_walk {
	struct workday_cal *cal;
	const char *today;
	bool warn;
	ledger_fn fn;
	void *ctx;
	const struct catalog *cat;
	struct promise_counts *counts, *total;
};

static bool pass_open(const struct entry *e, void *ctx)
{
	struct open_walk *w = ctx;
	enum promise_state s = promise_state(w->cal, e, w->today);
	if (s == PROMISE_OVERDUE || (w->warn && s == PROMISE_WARN))
		return w->fn(e, w->ctx);
	return true;
}

bool promise_open(struct db *db, const struct catalog *cat, struct workday_cal *cal,
		  const char *today, bool warn, const struct catalog_window *window,
		  ledger_fn fn, void *ctx, char **err)
{
	struct open_walk w = { .cal = cal, .today = today, .warn = warn, .fn = fn, .ctx = ctx };
	return ledger_open_cases(db, cat, window, pass_open, &w, err);
}

static bool count_open(const struct entry *e, void *ctx)
{
	struct open_walk *w = ctx;
	enum promise_state s = promise_state(w->cal, e, w->today);
	if (s != PROMISE_WARN && s != PROMISE_OVERDUE)
		return true;
	struct promise_counts *c = &w->counts[e->window - w->cat->windows];
	if (s == PROMISE_WARN) {
		c->warn++;
		if (w->total)
			w->total->warn++;
	} else {
		c->overdue++;
		if (w->total)
			w->total->overdue++;
	}
	return true;
}

bool promise_count(struct db *db, const struct catalog *cat, struct workday_cal *cal,
		   const char *today, struct promise_counts *counts, struct promise_counts *total,
		   char **err)
{
	memset(counts, 0, cat->nwindows * sizeof *counts);
	if (total)
		memset(total, 0, sizeof *total);
	struct open_walk w = { .cal = cal, .today = today, .cat = cat, .counts = counts,
			       .total = total };
	return ledger_open_cases(db, cat, NULL, count_open, &w, err);
}
