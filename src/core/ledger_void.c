/* Changing an entry once it is saved: voiding it, and the status of a
 * 承诺件 (办结, 退回). */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "db_sql.h"
#include "ledger_int.h"
#include "period.h"
#include "text.h"
#include "util.h"

/* What the void and status paths need to know about an entry. */
struct target {
	int64_t id;
	char date[DATE_LEN];
	char *clerk; /* malloc'd: a login of any length another program wrote */
	char status[16];
	char window_code[17];
	bool voided;
};

static bool find_target(struct db *db, const char *serial, struct target *t, char **err)
{
	memset(t, 0, sizeof *t);
	if (!ledger_present(serial))
		return fail(err, "请给出办件编号");
	sqlite3_stmt *st = db_stmt(db, "SELECT t.id, t.occurred_on, t.clerk, t.status, "
				       "t.voided_at IS NOT NULL, w.code FROM txn t "
				       "JOIN matter m ON m.id = t.matter_id "
				       "JOIN \"window\" w ON w.id = m.window_id "
				       "WHERE t.serial = upper(:serial)", err);
	if (!st)
		return false;
	db_bind_text(st, ":serial", serial);
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(st, 0);
		snprintf(t->date, sizeof t->date, "%s", db_col_text(st, 1));
		t->clerk = xstrdup(db_col_text(st, 2));
		snprintf(t->status, sizeof t->status, "%s", db_col_text(st, 3));
		t->voided = sqlite3_column_int(st, 4) != 0;
		snprintf(t->window_code, sizeof t->window_code, "%s", db_col_text(st, 5));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return fail(err, "编号 %s 不存在", serial);
	return rc == SQLITE_ROW;
}

static bool void_allowed(struct db *db, const struct target *t, const char *login, char **err)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	bool ok = true;
	if (c.role == ROLE_CLERK) {
		char today[DATE_LEN];
		period_today(today);
		if (strcmp(t->clerk, login) != 0)
			ok = fail(err, "经办人只能作废自己录入的办件（此件由 %s 录入），请找主管", t->clerk);
		else if (strcmp(t->date, today) != 0)
			ok = fail(err, "经办人只能作废当天的办件（此件日期 %s），请找主管", t->date);
	}
	clerk_clear(&c);
	return ok;
}

bool ledger_may_void(struct db *db, const char *serial, const char *login, char **err)
{
	struct target t;
	if (!find_target(db, serial, &t, err))
		return false;
	bool ok = !t.voided || fail(err, "编号 %s 已作废", serial);
	ok = ok && void_allowed(db, &t, login, err) &&
	     !ledger_year_refuses(db, period_year_of(t.date), "作废", err);
	free(t.clerk);
	return ok;
}

bool ledger_void(struct db *db, const char *serial, const char *reason, const char *login,
		 char **err)
{
	/* Checked whole, then trimmed: a copy of any length, never cut. */
	if (!text_check(reason, "作废原因", LEDGER_REASON_MAX, true, err))
		return false;
	char *trimmed = text_trim(xstrdup(reason ? reason : ""));
	if (!*trimmed) {
		free(trimmed);
		return fail(err, "作废必须说明原因");
	}
	if (!db_begin_write(db, err)) {
		free(trimmed);
		return false;
	}
	struct target t;
	bool ok = find_target(db, serial, &t, err);
	if (ok && t.voided)
		ok = fail(err, "编号 %s 已作废", serial);
	ok = ok && void_allowed(db, &t, login, err) &&
	     !ledger_year_refuses(db, period_year_of(t.date), "作废", err);
	if (ok) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE txn SET voided_at = :now, voided_by = :login, "
					       "void_reason = :reason WHERE id = :id", err);
		char now[20];
		period_timestamp(now);
		ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":now", now);
			db_bind_text(st, ":login", login);
			db_bind_text(st, ":reason", trimmed);
			db_bind_int(st, ":id", t.id);
			ok = db_step(db, st, err) == SQLITE_DONE;
			sqlite3_reset(st);
		}
		ok = ok && db_audit(db, login, "void", t.id, trimmed, err);
	}
	free(trimmed);
	free(t.clerk);
	return db_end_write(db, ok, err);
}

bool ledger_set_status(struct db *db, const char *serial, enum txn_status to, const char *reason,
		       const char *login, char **err)
{
	return ledger_close(db, serial, to, reason, NULL, login, err);
}

bool ledger_close(struct db *db, const char *serial, enum txn_status to, const char *reason,
		  const char *on, const char *login, char **err)
{
	char today[DATE_LEN], day[DATE_LEN];
	period_today(today);
	if (on && !period_valid_date(on))
		return fail(err, "%s日期“%s”无效，应为 YYYY-MM-DD 的真实日期", status_name(to), on);
	if (on && strcmp(on, today) > 0)
		return fail(err, "%s日期 %s 在今天 (%s) 之后", status_name(to), on, today);
	snprintf(day, sizeof day, "%s", on ? on : today);
	if (to == STATUS_ACCEPTED)
		return fail(err, "办件不能退回到受理状态");
	if (!text_check(reason, "原因", LEDGER_REASON_MAX, true, err))
		return false;
	char *trimmed = text_trim(xstrdup(reason ? reason : ""));
	reason = trimmed;
	if ((to == STATUS_RETURNED || to == STATUS_TRANSFERRED) && !*reason) {
		free(trimmed);
		return fail(err, "%s必须说明原因", status_name(to));
	}
	if (!db_begin_write(db, err)) {
		free(trimmed);
		return false;
	}
	/* The year lock does not hold here: a 承诺件 received in December may
	 * be finished after the year's report is published, and its status
	 * changes no figure of the report. */
	struct target t;
	struct clerk c = { 0 };
	bool ok = find_target(db, serial, &t, err) && clerk_get(db, login, &c, err);
	if (ok && c.role == ROLE_CLERK && *c.windows && !ledger_list_has_code(c.windows, t.window_code))
		ok = fail(err, "编号 %s 不属于您负责的窗口，请找该窗口的经办人或主管", serial);
	if (ok && t.voided)
		ok = fail(err, "编号 %s 已作废", serial);
	if (ok && strcmp(t.status, status_name(STATUS_ACCEPTED)) != 0)
		ok = fail(err, "编号 %s 的状态是%s，只有受理中的办件可以%s", serial, t.status,
			  status_name(to));
	if (ok && strcmp(day, t.date) < 0)
		ok = fail(err, "%s日期 %s 早于受理日期 %s", status_name(to), day, t.date);
	if (ok) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE txn SET status = :status, done_on = :on "
					       "WHERE id = :id", err);
		ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":status", status_name(to));
			db_bind_text(st, ":on", day);
			db_bind_int(st, ":id", t.id);
			ok = db_step(db, st, err) == SQLITE_DONE;
			sqlite3_reset(st);
		}
		char *detail = xasprintf("%s%s%s%s%s", status_name(to), on ? " " : "", on ? on : "",
					 ledger_present(reason) ? ": " : "",
					 ledger_present(reason) ? reason : "");
		ok = ok && db_audit(db, login, to == STATUS_DONE ? "done" :
				    to == STATUS_RETURNED ? "return" : "transfer", t.id, detail, err);
		free(detail);
	}
	clerk_clear(&c);
	free(trimmed);
	free(t.clerk);
	return db_end_write(db, ok, err);
}
