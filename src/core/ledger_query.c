/* Reading the ledger back, the year lock and the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "db_sql.h"
#include "holiday.h"
#include "idcheck.h"
#include "ledger.h"
#include "ledger_int.h"
#include "promise.h"
#include "util.h"

#define ENTRY_COLUMNS                                                                          \
	"t.id, t.serial, t.matter_id, t.occurred_on, t.occurred_at, t.applicant, t.id_number, " \
	"t.village_id, t.households, t.persons, t.quantity, t.category, t.status, t.note, "     \
	"t.clerk, t.created_at, t.voided_at, t.voided_by, t.void_reason, t.phone, t.due_on, " \
	"t.done_on, t.corrects, "                                                          \
	/* Only a voided entry can have been corrected: one probe of the  */            \
	/* txn_corrects index for those few, none for the rest.           */            \
	"CASE WHEN t.voided_at IS NOT NULL THEN "                                          \
	"(SELECT c.serial FROM txn c WHERE c.corrects = t.serial) END"

/* The same positions, with only what the interchange file (CSV and xlsx
 * export, its follow-up columns included) holds: an export reads a year,
 * and every column costs it on every row. */
#define INTERCHANGE_COLUMNS                                                            \
	"t.id, t.serial, t.matter_id, t.occurred_on, t.occurred_at, t.applicant, "    \
	"t.id_number, t.village_id, t.households, t.persons, t.quantity, t.category, " \
	"t.status, t.note, t.clerk, NULL, t.voided_at, NULL, t.void_reason, t.phone, " \
	"t.due_on, t.done_on, NULL, NULL"

static const char *nullable(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL : db_col_text(st, col);
}

static void read_entry(sqlite3_stmt *st, const struct catalog *cat, struct entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->serial = db_col_text(st, 1);
	e->matter = catalog_matter_by_id(cat, sqlite3_column_int64(st, 2));
	e->window = e->matter ? &cat->windows[e->matter->window] : NULL;
	e->date = db_col_text(st, 3);
	e->time = db_col_text(st, 4);
	e->applicant = db_col_text(st, 5);
	e->id_number = db_col_text(st, 6);
	if (sqlite3_column_type(st, 7) != SQLITE_NULL)
		e->village = catalog_village_by_id(cat, sqlite3_column_int64(st, 7));
	e->households = sqlite3_column_int64(st, 8);
	e->persons = sqlite3_column_int64(st, 9);
	e->quantity = sqlite3_column_int64(st, 10);
	e->category = db_col_text(st, 11);
	if (!status_parse(db_col_text(st, 12), &e->status))
		e->status = STATUS_DONE;
	e->note = db_col_text(st, 13);
	e->clerk = db_col_text(st, 14);
	e->created_at = db_col_text(st, 15);
	e->voided_at = nullable(st, 16);
	e->voided_by = nullable(st, 17);
	e->void_reason = nullable(st, 18);
	e->phone = db_col_text(st, 19);
	e->due_on = nullable(st, 20);
	e->done_on = nullable(st, 21);
	e->corrects = nullable(st, 22);
	e->corrected_by = nullable(st, 23);
}

/* What a viewer may see (DESIGN 11): a clerk kept to some windows sees
 * the entries of those windows only; everyone else (supervisors, admins,
 * a clerk of every window) sees all.  ID numbers reach a list masked
 * whoever looks: the full number is for ledger_detail alone. */
struct scope {
	bool active;      /* a viewer was named: mask ID numbers */
	char *windows;    /* codes the viewer is kept to, NULL = every window */
};

static bool scope_of(struct db *db, const char *viewer, struct scope *sc, char **err)
{
	memset(sc, 0, sizeof *sc);
	if (!viewer)
		return true;
	struct clerk c;
	if (!clerk_get(db, viewer, &c, err))
		return false;
	sc->active = true;
	if (clerk_kept(&c)) {
		sc->windows = c.windows;
		c.windows = NULL;
	}
	clerk_clear(&c);
	return true;
}

/* The same comparison as ledger_list_has_code, in SQL so that LIMIT counts
 * only what the viewer sees. */
#define SCOPE_SQL                                                                      \
	" AND t.matter_id IN (SELECT sm.id FROM matter sm JOIN \"window\" sw"          \
	" ON sw.id = sm.window_id WHERE instr(',' || :scope || ',', ',' || sw.code || ',') > 0)"

/* Runs a prepared entry query to the end (or until fn says stop).  With a
 * day (a query in date order only), each day's rows reach fn by id. */
static bool stream_days(struct db *db, sqlite3_stmt *st, const struct catalog *cat,
			const struct scope *sc, struct ledger_day *day, ledger_fn fn, void *ctx,
			char **err)
{
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct entry e;
		read_entry(st, cat, &e);
		char masked[64];
		if (sc && sc->active && e.id_number && *e.id_number)
			e.id_number = idcheck_mask(masked, sizeof masked, e.id_number);
		if (!e.matter) {
			/* Skipping would make a list or an export quietly incomplete. */
			fail(err, "事项目录已更新，请重新打开后再试");
			rc = -1;
			break;
		}
		if (day ? !ledger_day_put(day, &e, fn, ctx) : !fn(&e, ctx))
			break;
	}
	if (day && rc == SQLITE_DONE)
		ledger_day_flush(day, fn, ctx);
	return rc >= 0;
}

static bool stream(struct db *db, sqlite3_stmt *st, const struct catalog *cat,
		   const struct scope *sc, ledger_fn fn, void *ctx, char **err)
{
	return stream_days(db, st, cat, sc, NULL, fn, ctx, err);
}

/* The WHERE clause grows from fixed fragments only; every value is bound. */
bool ledger_query(struct db *db, const struct catalog *cat, const struct ledger_filter *f,
		  ledger_fn fn, void *ctx, char **err)
{
	struct scope sc;
	if (!scope_of(db, f->viewer, &sc, err))
		return false;
	struct strbuf sql = {0};
	strbuf_add(&sql, f->interchange ? "SELECT " INTERCHANGE_COLUMNS " FROM txn t"
					 : "SELECT " ENTRY_COLUMNS " FROM txn t");
	if (f->window && !f->matter)
		strbuf_add(&sql, " JOIN matter m ON m.id = t.matter_id");
	strbuf_add(&sql, " WHERE 1");
	if (f->from)
		strbuf_add(&sql, " AND t.occurred_on >= :from");
	if (f->to)
		strbuf_add(&sql, " AND t.occurred_on <= :to");
	if (f->matter)
		strbuf_add(&sql, " AND t.matter_id = :matter");
	else if (f->window)
		strbuf_add(&sql, " AND m.window_id = :window");
	if (f->clerk)
		strbuf_add(&sql, " AND t.clerk = :clerk");
	if (f->text && *f->text)
		/* Four or more characters also match the end of an ID number:
		 * the part a masked number (110105********002X) shows. */
		strbuf_add(&sql, " AND (t.serial = upper(:text) OR t.id_number = upper(:text)"
			" OR t.occurred_on = :text OR instr(t.applicant, :text) > 0"
			" OR (length(:text) >= 4 AND length(t.id_number) > length(:text)"
			" AND substr(t.id_number, -length(:text)) = upper(:text)))");
	if (!f->include_voided)
		strbuf_add(&sql, " AND t.voided_at IS NULL");
	if (sc.windows)
		strbuf_add(&sql, SCOPE_SQL);
	/* The interchange (a whole period, oldest first, no limit) is put in
	 * id order a day at a time by ledger_day.c instead of SQLite's sort. */
	bool by_day = f->interchange && !f->newest_first && f->limit <= 0;
	strbuf_add(&sql, by_day	       ? " ORDER BY t.occurred_on"
			 : f->newest_first ? " ORDER BY t.occurred_on DESC, t.id DESC"
					   : " ORDER BY t.occurred_on, t.id");
	if (f->limit > 0)
		strbuf_add(&sql, " LIMIT :limit");

	sqlite3_stmt *st = db_prepare(db, sql.s, err);
	free(sql.s);
	if (!st) {
		free(sc.windows);
		return false;
	}
	if (sc.windows)
		db_bind_text(st, ":scope", sc.windows);
	if (f->from)
		db_bind_text(st, ":from", f->from);
	if (f->to)
		db_bind_text(st, ":to", f->to);
	if (f->matter)
		db_bind_int(st, ":matter", f->matter->id);
	else if (f->window)
		db_bind_int(st, ":window", f->window->id);
	if (f->clerk)
		db_bind_text(st, ":clerk", f->clerk);
	if (f->text && *f->text)
		db_bind_text(st, ":text", f->text);
	if (f->limit > 0)
		db_bind_int(st, ":limit", f->limit);
	struct ledger_day day = {0};
	bool ok = stream_days(db, st, cat, &sc, by_day ? &day : NULL, fn, ctx, err);
	ledger_day_free(&day);
	sqlite3_finalize(st);
	free(sc.windows);
	return ok;
}

struct found {
	ledger_fn fn;
	void *ctx;
	bool any;
};

static bool mark_found(const struct entry *e, void *ctx)
{
	struct found *f = ctx;
	f->any = true;
	return f->fn(e, f->ctx);
}

bool ledger_get(struct db *db, const struct catalog *cat, const char *serial, ledger_fn fn,
		void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " ENTRY_COLUMNS " FROM txn t "
				       "WHERE t.serial = upper(:serial)", err);
	if (!st)
		return false;
	db_bind_text(st, ":serial", serial);
	struct found found = { fn, ctx, false };
	bool ok = stream(db, st, cat, NULL, mark_found, &found, err);
	sqlite3_reset(st);
	if (ok && !found.any)
		return fail(err, "编号 %s 不存在", serial);
	return ok;
}

bool ledger_open_cases(struct db *db, const struct catalog *cat,
		       const struct catalog_window *window, ledger_fn fn, void *ctx, char **err)
{
	/* An entry saved before due days were kept sorts by its own day. */
	sqlite3_stmt *st = db_stmt(db, "SELECT " ENTRY_COLUMNS " FROM txn t "
		"JOIN matter m ON m.id = t.matter_id "
		"WHERE t.status = '受理' AND t.voided_at IS NULL "
		"AND (t.due_on IS NOT NULL OR m.time_limit_days > 0) "
		"AND (:window IS NULL OR m.window_id = :window) "
		"ORDER BY coalesce(t.due_on, t.occurred_on), t.id", err);
	if (!st)
		return false;
	if (window)
		db_bind_int(st, ":window", window->id);
	bool ok = stream(db, st, cat, NULL, fn, ctx, err);
	sqlite3_reset(st);
	return ok;
}

bool ledger_latest(struct db *db, const struct catalog *cat, const struct catalog_window *window,
		   int64_t after_id, ledger_fn fn, void *ctx, char **err)
{
	/* Walks the rowids down from the newest: the last save at any window
	 * is among the last few rows. */
	sqlite3_stmt *st = db_stmt(db, "SELECT * FROM (SELECT " ENTRY_COLUMNS " FROM txn t "
		"JOIN matter m ON m.id = t.matter_id WHERE m.window_id = :window AND t.id > :after "
		"ORDER BY t.id DESC LIMIT 1) WHERE voided_at IS NULL", err);
	if (!st)
		return false;
	db_bind_int(st, ":window", window->id);
	db_bind_int(st, ":after", after_id);
	bool ok = stream(db, st, cat, NULL, fn, ctx, err);
	sqlite3_reset(st);
	return ok;
}

bool ledger_overdue(struct db *db, const struct catalog *cat, const char *today, ledger_fn fn,
		    void *ctx, char **err)
{
	struct workday_cal *cal = holiday_calendar(db, err);
	if (!cal)
		return false;
	bool ok = promise_open(db, cat, cal, today, false, NULL, fn, ctx, err);
	workday_cal_free(cal);
	return ok;
}

bool ledger_sight_begin(struct db *db, const char *viewer, ledger_fn fn, void *ctx,
			struct ledger_sight *sight, char **err)
{
	struct scope sc;
	memset(sight, 0, sizeof *sight);
	if (!scope_of(db, viewer, &sc, err))
		return false;
	*sight = (struct ledger_sight){ .fn = fn, .ctx = ctx, .windows = sc.windows };
	return true;
}

bool ledger_sight_fn(const struct entry *e, void *arg)
{
	struct ledger_sight *sight = arg;
	if (sight->windows && e->window && !ledger_list_has_code(sight->windows, e->window->code))
		return true;
	struct entry seen = *e;
	char masked[64];
	if (seen.id_number && *seen.id_number)
		seen.id_number = idcheck_mask(masked, sizeof masked, seen.id_number);
	return sight->fn(&seen, sight->ctx);
}

void ledger_sight_end(struct ledger_sight *sight)
{
	free(sight->windows);
	sight->windows = NULL;
}

sqlite3_stmt *ledger_find_serial(struct db *db, const char *sql, const char *serial, char **err)
{
	if (!ledger_present(serial)) {
		fail(err, "请给出办件编号");
		return NULL;
	}
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return NULL;
	db_bind_text(st, ":serial", serial);
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW)
		return st;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		fail(err, "编号 %s 不存在", serial);
	return NULL;
}

bool ledger_detail(struct db *db, const struct catalog *cat, const char *serial,
		   const char *viewer, ledger_fn fn, void *ctx, char **err)
{
	struct clerk c;
	if (!clerk_get(db, viewer, &c, err))
		return false;
	sqlite3_stmt *st = db_stmt(db, "SELECT t.id, w.code, w.name, "
		"t.id_number <> '' OR t.phone <> '' FROM txn t "
		"JOIN matter m ON m.id = t.matter_id JOIN \"window\" w ON w.id = m.window_id "
		"WHERE t.serial = upper(:serial)", err);
	bool ok = st != NULL;
	int64_t id = 0;
	bool personal = false;
	if (ok) {
		db_bind_text(st, ":serial", serial);
		int rc = db_step(db, st, err);
		if (rc == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			personal = sqlite3_column_int(st, 3) != 0;
			if (clerk_kept(&c) &&
			    !ledger_list_has_code(c.windows, db_col_text(st, 1)))
				ok = fail(err, "%s 是%s窗口的办件：经办人只能查看本窗口办件的详情",
					  serial, db_col_text(st, 2));
		} else {
			ok = rc == SQLITE_DONE ? fail(err, "编号 %s 不存在", serial) : false;
		}
		sqlite3_reset(st);
	}
	clerk_clear(&c);
	/* The full ID number and phone are personal information: each look
	 * at them is on record, before they are shown. */
	if (ok && personal) {
		ok = db_begin_write(db, err) &&
		     db_end_write(db, db_audit(db, viewer, "view", id, serial, err), err);
	}
	return ok && ledger_get(db, cat, serial, fn, ctx, err);
}

int ledger_days_open(const struct entry *e, const char *today)
{
	int64_t from = period_day_number(e->date), to = period_day_number(today);
	if (from == PERIOD_NO_DAY || to == PERIOD_NO_DAY)
		return 0; /* a date only another program could have written */
	return (int)(to - from);
}

static bool lock_change(struct db *db, int year, bool lock, const char *login, char **err)
{
	if (year < 1900 || year > 9999)
		return fail(err, "年份 %d 无效", year);
	if (!db_begin_write(db, err))
		return false;
	bool ok = true;
	if (!clerk_has_role(db, login, ROLE_SUPERVISOR))
		ok = fail(err, "只有主管或管理员可以%s年度（当前账户 %s）", lock ? "锁定" : "解锁",
			  login);
	bool locked = ledger_year_locked(db, year);
	if (ok && lock == locked)
		ok = fail(err, "%d 年度%s", year, locked ? "已经锁定" : "并未锁定");
	if (ok) {
		sqlite3_stmt *st = lock
			? db_stmt(db, "INSERT INTO year_lock (year, locked_by, locked_at) "
				      "VALUES (:year, :login, :at)", err)
			: db_stmt(db, "DELETE FROM year_lock WHERE year = :year", err);
		ok = st != NULL;
		if (ok) {
			char at[20];
			period_timestamp(at);
			db_bind_int(st, ":year", year);
			if (lock) {
				db_bind_text(st, ":login", login);
				db_bind_text(st, ":at", at);
			}
			ok = db_run(db, st, err);
		}
		char detail[16];
		snprintf(detail, sizeof detail, "%d", year);
		ok = ok && db_audit(db, login, lock ? "lock" : "unlock", 0, detail, err);
	}
	return db_end_write(db, ok, err);
}

bool ledger_lock_year(struct db *db, int year, const char *login, char **err)
{
	return lock_change(db, year, true, login, err);
}

bool ledger_unlock_year(struct db *db, int year, const char *login, char **err)
{
	return lock_change(db, year, false, login, err);
}

bool ledger_year_locked(struct db *db, int year)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM year_lock WHERE year = :year", NULL);
	if (!st)
		return false;
	db_bind_int(st, ":year", year);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc != SQLITE_DONE; /* a failed read is not "unlocked" */
}

struct audit_stream {
	audit_fn fn;
	void *ctx;
};

static int audit_stream_row(sqlite3_stmt *st, void *ctx, char **err)
{
	(void)err;
	struct audit_row a = { .id = sqlite3_column_int64(st, 0), .at = db_col_text(st, 1),
			       .login = db_col_text(st, 2), .action = db_col_text(st, 3),
			       .serial = db_col_text(st, 4), .detail = db_col_text(st, 5) };
	const struct audit_stream *as = ctx;
	return as->fn(&a, as->ctx);
}

bool ledger_audit_list(struct db *db, const char *viewer, const char *from, const char *to,
		       audit_fn fn, void *ctx, char **err)
{
	struct clerk c;
	if (!clerk_get(db, viewer, &c, err))
		return false;
	bool own_only = c.role == ROLE_CLERK;
	clerk_clear(&c);
	/* `at` is a local timestamp; a day's rows sort between "D" and "D~". */
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, a.at, a.login, a.action, "
		"coalesce(t.serial, ''), a.detail FROM audit a LEFT JOIN txn t ON t.id = a.txn_id "
		"WHERE (:from IS NULL OR a.at >= :from) AND (:to IS NULL OR a.at <= :to || '~') "
		"AND (:login IS NULL OR a.login = :login) ORDER BY a.id", err);
	if (!st)
		return false;
	db_bind_text(st, ":login", own_only ? viewer : NULL);
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	struct audit_stream as = { fn, ctx };
	return db_each_row(db, st, audit_stream_row, &as, err);
}
