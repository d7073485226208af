/* 承诺件 against the working-day calendar: due days, states, the open
 * cases that need attention. */
#include "promise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "holiday.h"
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

/* Entries of a matter with a limit and no due day, and the first day the
 * audit trail saw each closed.  Nothing to read when no matter has a limit,
 * which is every center that keeps no 承诺件. */
static const char fill_sql[] =
	"SELECT t.id, t.occurred_on, m.time_limit_days, t.status = '受理', t.done_on, "
	"(SELECT substr(min(a.at), 1, 10) FROM audit a WHERE a.txn_id = t.id "
	"AND a.action IN ('done', 'return', 'transfer')) "
	"FROM txn t JOIN matter m ON m.id = t.matter_id "
	"WHERE m.time_limit_days > 0 AND t.due_on IS NULL AND t.voided_at IS NULL "
	/* A locked year's figures are final: its report must not change. */
	"AND NOT EXISTS (SELECT 1 FROM year_lock y "
	"WHERE y.year = CAST(substr(t.occurred_on, 1, 4) AS INTEGER)) "
	"ORDER BY t.id";

struct fill {
	int64_t id;
	char due[DATE_LEN], done[DATE_LEN]; /* done "" = keep it as it is */
};

static bool fill_one(struct db *db, const struct fill *f, const char *login, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE txn SET due_on = :due, "
				       "done_on = coalesce(done_on, :done) WHERE id = :id", err);
	if (!st)
		return false;
	db_bind_text(st, ":due", f->due);
	if (f->done[0])
		db_bind_text(st, ":done", f->done);
	else
		db_bind_null(st, ":done");
	db_bind_int(st, ":id", f->id);
	if (!db_run(db, st, err))
		return false;
	char *detail = xasprintf("补记承诺办结 %s%s%s", f->due, f->done[0] ? " 办结于 " : "",
				 f->done);
	bool ok = db_audit(db, login, "due", f->id, detail, err);
	free(detail);
	return ok;
}

bool promise_fill_locked(struct db *db, struct workday_cal *cal, const char *login,
			 long long *filled, char **err)
{
	if (filled)
		*filled = 0;
	if (db_int(db, 0, "SELECT count(*) FROM matter WHERE time_limit_days > 0") == 0)
		return true;
	/* Read whole first: the updates below must not run under the walk. */
	struct fill *todo = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st = db_stmt(db, fill_sql, err);
	if (!st)
		return false;
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		bool open = sqlite3_column_int(st, 3) != 0;
		bool own_done = sqlite3_column_type(st, 4) != SQLITE_NULL;
		const char *seen = sqlite3_column_type(st, 5) != SQLITE_NULL ? db_col_text(st, 5) : NULL;
		if (!open && !own_done && !seen)
			continue;
		const char *accepted = db_col_text(st, 1);
		struct fill f = {.id = sqlite3_column_int64(st, 0)};
		workday_add(cal, accepted, sqlite3_column_int(st, 2), f.due);
		/* A close is never before the acceptance (done refuses it). */
		if (!open && !own_done)
			snprintf(f.done, sizeof f.done, "%s", strcmp(seen, accepted) < 0 ? accepted : seen);
		if (!f.due[0])
			continue;
		todo = xgrow(todo, &cap, n + 1, sizeof *todo);
		todo[n++] = f;
	}
	sqlite3_reset(st);
	bool ok = rc == SQLITE_DONE;
	for (size_t i = 0; ok && i < n; i++)
		ok = fill_one(db, &todo[i], login, err);
	free(todo);
	if (ok && filled)
		*filled = (long long)n;
	return ok;
}

bool promise_fill(struct db *db, const char *login, long long *filled, char **err)
{
	if (!db_begin_write(db, err))
		return false;
	struct workday_cal *cal = holiday_calendar(db, err);
	bool ok = cal && promise_fill_locked(db, cal, login, filled, err);
	workday_cal_free(cal);
	return db_end_write(db, ok, err);
}
