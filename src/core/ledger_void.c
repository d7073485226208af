/* Changing an entry once it is saved: voiding it, correcting it (更正: void
 * and re-record in one step), undoing a save, and the status of a 承诺件
 * (办结, 退回). */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	char created_at[20]; /* when it was saved: YYYY-MM-DDTHH:MM:SS */
	bool voided;
};

static bool find_target(struct db *db, const char *serial, struct target *t, char **err)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = ledger_find_serial(db, "SELECT t.id, t.occurred_on, t.clerk, t.status, "
					      "t.voided_at IS NOT NULL, w.code, t.created_at FROM txn t "
					      "JOIN matter m ON m.id = t.matter_id "
					      "JOIN \"window\" w ON w.id = m.window_id "
					      "WHERE t.serial = upper(:serial)", serial, err);
	if (!st)
		return false;
	t->id = sqlite3_column_int64(st, 0);
	snprintf(t->date, sizeof t->date, "%s", db_col_text(st, 1));
	t->clerk = xstrdup(db_col_text(st, 2));
	snprintf(t->status, sizeof t->status, "%s", db_col_text(st, 3));
	t->voided = sqlite3_column_int(st, 4) != 0;
	snprintf(t->window_code, sizeof t->window_code, "%s", db_col_text(st, 5));
	snprintf(t->created_at, sizeof t->created_at, "%s", db_col_text(st, 6));
	sqlite3_reset(st);
	return true;
}

/* A supervisor or admin may change any entry; a clerk only their own of
 * today.  `doing` names the act (作废, 更正). */
static bool void_allowed(struct db *db, const struct target *t, const char *login,
			 const char *doing, char **err)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	bool ok = true;
	if (c.role == ROLE_CLERK) {
		char today[DATE_LEN];
		period_today(today);
		if (strcmp(t->clerk, login) != 0)
			ok = fail(err, "经办人只能%s自己录入的办件（此件由 %s 录入），请找主管", doing,
				  t->clerk);
		else if (strcmp(t->date, today) != 0)
			ok = fail(err, "经办人只能%s当天的办件（此件日期 %s），请找主管", doing, t->date);
	}
	clerk_clear(&c);
	return ok;
}

/* The checks every change of a saved entry passes, under the write lock. */
static bool may_change(struct db *db, const struct target *t, const char *serial,
		       const char *login, const char *doing, char **err)
{
	if (t->voided)
		return fail(err, "编号 %s 已作废", serial);
	return void_allowed(db, t, login, doing, err) &&
	       !ledger_year_refuses(db, period_year_of(t->date), doing, err);
}

static bool void_row(struct db *db, int64_t id, const char *reason, const char *login,
		     char **err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE txn SET voided_at = :now, voided_by = :login, "
				       "void_reason = :reason WHERE id = :id", err);
	if (!st)
		return false;
	char now[20];
	period_timestamp(now);
	db_bind_text(st, ":now", now);
	db_bind_text(st, ":login", login);
	db_bind_text(st, ":reason", reason);
	db_bind_int(st, ":id", id);
	return db_run(db, st, err);
}

/* The reason checked whole, then trimmed: a malloc'd copy of any length,
 * never cut; NULL (with *err) when it is bad text or blank. */
static char *take_reason(const char *reason, const char *label, const char *doing, char **err)
{
	if (!text_check(reason, label, LEDGER_REASON_MAX, true, err))
		return NULL;
	char *trimmed = text_trim(xstrdup(reason ? reason : ""));
	if (!*trimmed) {
		free(trimmed);
		fail(err, "%s必须说明原因", doing);
		return NULL;
	}
	return trimmed;
}

/* The reason taken and the write lock held, or NULL: how a void and a
 * correction start. */
static char *begin_with_reason(struct db *db, const char *reason, const char *label,
			       const char *doing, char **err)
{
	char *trimmed = take_reason(reason, label, doing, err);
	if (trimmed && !db_begin_write(db, err)) {
		free(trimmed);
		return NULL;
	}
	return trimmed;
}

static bool may(struct db *db, const char *serial, const char *login, const char *doing,
		char **err)
{
	struct target t;
	bool ok = find_target(db, serial, &t, err) && may_change(db, &t, serial, login, doing, err);
	free(t.clerk);
	return ok;
}

bool ledger_may_void(struct db *db, const char *serial, const char *login, char **err)
{
	return may(db, serial, login, "作废", err);
}

bool ledger_void(struct db *db, const char *serial, const char *reason, const char *login,
		 char **err)
{
	char *trimmed = begin_with_reason(db, reason, "作废原因", "作废", err);
	if (!trimmed)
		return false;
	struct target t;
	bool ok = find_target(db, serial, &t, err) &&
		  may_change(db, &t, serial, login, "作废", err) &&
		  void_row(db, t.id, trimmed, login, err) &&
		  db_audit(db, login, "void", t.id, trimmed, err);
	free(trimmed);
	free(t.clerk);
	return db_end_write(db, ok, err);
}

bool ledger_may_correct(struct db *db, const char *serial, const char *login, char **err)
{
	return may(db, serial, login, "更正", err);
}

bool ledger_correct(struct db *db, const struct catalog *cat, const char *serial,
		    const char *reason, const struct entry_draft *d, const char *login,
		    char serial_out[SERIAL_LEN], char **err)
{
	char fresh[SERIAL_LEN];
	if (ledger_present(d->serial) || ledger_present(d->void_reason))
		return fail(err, "更正不能指定新编号或作废原因");
	char *trimmed = begin_with_reason(db, reason, "更正原因", "更正", err);
	if (!trimmed)
		return false;
	struct target t;
	bool ok = find_target(db, serial, &t, err) && may_change(db, &t, serial, login, "更正", err);
	int64_t id = ok ? ledger_record_locked(db, cat, d, login, fresh, NULL, err) : -1;
	ok = id > 0 && void_row(db, t.id, trimmed, login, err);
	if (ok) {
		sqlite3_stmt *st = db_stmt(db, "UPDATE txn SET corrects = (SELECT serial FROM txn "
					       "WHERE id = :old) WHERE id = :new", err);
		ok = st != NULL;
		if (ok) {
			db_bind_int(st, ":old", t.id);
			db_bind_int(st, ":new", id);
			ok = db_run(db, st, err);
		}
	}
	if (ok) {
		/* One act, one line: the old entry, what replaced it, and why. */
		char *detail = xasprintf("更正为 %s: %s", fresh, trimmed);
		ok = db_audit(db, login, "correct", t.id, detail, err);
		free(detail);
	}
	free(trimmed);
	free(t.clerk);
	if (!db_end_write(db, ok, err))
		return false;
	if (serial_out)
		snprintf(serial_out, SERIAL_LEN, "%s", fresh);
	return true;
}

/* The login's last save, by the audit trail: what they saved last, which
 * another terminal's later saves do not change. */
static bool last_save(struct db *db, const char *login, char serial[SERIAL_LEN], char **err)
{
	/* A correction is a save too: after one, an undo must not reach back
	 * behind it to the save before (that entry is no longer the last). */
	sqlite3_stmt *st = db_stmt(db, "SELECT a.action, t.serial FROM audit a "
				       "JOIN txn t ON t.id = a.txn_id WHERE a.login = :login "
				       "AND a.action IN ('add', 'correct') ORDER BY a.id DESC LIMIT 1",
				   err);
	if (!st)
		return false;
	db_bind_text(st, ":login", login);
	int rc = db_step(db, st, err);
	bool corrected = false;
	if (rc == SQLITE_ROW) {
		corrected = strcmp(db_col_text(st, 0), "correct") == 0;
		snprintf(serial, SERIAL_LEN, "%s", db_col_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return fail(err, "没有可撤销的保存");
	if (corrected)
		return fail(err, "最近一次保存是对 %s 的更正; 更正不能撤销, 如有错请再更正", serial);
	return rc == SQLITE_ROW;
}

/* Seconds from 1970 of a stamp "YYYY-MM-DDTHH:MM:SS" in the center's
 * zone, as if the zone kept no summer time (the center's does not);
 * PERIOD_NO_DAY for anything else. */
static int64_t stamp_seconds(const char *stamp)
{
	char date[DATE_LEN];
	int h, m, sec;
	if (strlen(stamp) != 19 || stamp[10] != 'T' ||
	    sscanf(stamp + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3)
		return PERIOD_NO_DAY;
	snprintf(date, sizeof date, "%.10s", stamp);
	int64_t day = period_day_number(date);
	return day == PERIOD_NO_DAY ? PERIOD_NO_DAY : day * 86400 + h * 3600 + m * 60 + sec;
}

/* An undo takes back the save just made, whoever made it and whatever day
 * the entry is of: a clerk catching up on paper forms (--date) saves
 * entries of another day, and a stray key there is as stray as today.  So
 * the rule is the save's own time, not the entry's date; the rights to
 * void or correct an older entry do not come into it. */
static bool undo_allowed(struct db *db, const struct target *t, const char *serial, char **err)
{
	char now[20];
	period_timestamp(now);
	int64_t at = stamp_seconds(t->created_at), then = stamp_seconds(now);
	if (t->voided)
		return fail(err, "编号 %s 已作废", serial);
	if (at == PERIOD_NO_DAY || then == PERIOD_NO_DAY || then - at > LEDGER_UNDO_SECONDS)
		return fail(err, "编号 %s 保存已超过两分钟，不能撤销，请用作废", serial);
	return !ledger_year_refuses(db, period_year_of(t->date), "撤销", err);
}

bool ledger_undo_last(struct db *db, const char *expect, const char *login,
		      char serial_out[SERIAL_LEN], char **err)
{
	char serial[SERIAL_LEN];
	if (!db_begin_write(db, err))
		return false;
	struct target t = { 0 };
	bool ok = last_save(db, login, serial, err);
	if (ok && ledger_present(expect) && strcasecmp(serial, expect) != 0)
		ok = fail(err, "最近一次保存的是 %s，不是 %s，未撤销", serial, expect);
	ok = ok && find_target(db, serial, &t, err) && undo_allowed(db, &t, serial, err) &&
	     void_row(db, t.id, LEDGER_UNDO_REASON, login, err) &&
	     db_audit(db, login, "undo", t.id, LEDGER_UNDO_REASON, err);
	free(t.clerk);
	if (!db_end_write(db, ok, err))
		return false;
	if (serial_out)
		snprintf(serial_out, SERIAL_LEN, "%s", serial);
	return true;
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
	 * be finished after the year's report is published.  Its close moves
	 * only the follow-up figures (on time, late, open: as of the day a
	 * report is run), never the statistics tables' counts. */
	struct target t;
	struct clerk c = { 0 };
	bool ok = find_target(db, serial, &t, err) && clerk_get(db, login, &c, err);
	if (ok && clerk_kept(&c) && !ledger_list_has_code(c.windows, t.window_code))
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
			ok = db_run(db, st, err);
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
