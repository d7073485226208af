/* check against tampering (core/db_trail): a ledger written only by the
 * program (entries, an import with given and drawn serials and a voided
 * row, voids, a correction, an undo, the demo) is found sound; each way of
 * editing the file behind the program's back (a deleted entry or audit
 * line, an entry inserted without one, a void taken back, a serial
 * changed, a trigger dropped) is found and said. */
#include "tap.h"
#include "testdb.h"
#include "csvio.h"
#include "demo.h"
#include "ledger.h"

static const char *base_path;

static struct entry_draft draft(const char *date, const char *applicant)
{
	return (struct entry_draft){ .window = "sczr", .matter = "sl", .date = date,
				     .applicant = applicant, .households = -1, .persons = -1,
				     .quantity = -1 };
}

static void build(struct db *db, struct catalog *cat)
{
	char *err = NULL;
	char serial[SERIAL_LEN];
	const char *names[] = { "张一", "张二", "张三", "张四", "张五" };
	for (int i = 0; i < 5; i++) {
		struct entry_draft d = draft("2021-03-01", names[i]);
		if (!ledger_record(db, cat, &d, current_login(), serial, &err))
			printf("# record: %s\n", err);
	}
	char *csv = testdb_path("in.csv");
	FILE *f = fopen(csv, "w");
	fputs("编号,日期,窗口,事项,作废原因\nSCZR-2020-000100,2020-05-01,sczr,sl,\n"
	      ",2020-05-02,sczr,sl,\nSCZR-2020-000300,2020-05-03,sczr,sl,录重了\n", f);
	fclose(f);
	if (!csvio_import(db, cat, csv, false, current_login(), NULL, &err))
		printf("# import: %s\n", err);
	free(csv);
	if (!ledger_void(db, "SCZR-2021-000002", "重复", current_login(), &err))
		printf("# void: %s\n", err);
	struct entry_draft fix = draft("2021-03-01", "张三丰");
	if (!ledger_correct(db, cat, "SCZR-2021-000003", "名字错了", &fix, current_login(), serial,
			    &err))
		printf("# correct: %s\n", err);
	struct entry_draft last = draft("2021-03-02", "李四");
	ledger_record(db, cat, &last, current_login(), serial, &err);
	if (!ledger_undo_last(db, serial, current_login(), NULL, &err))
		printf("# undo: %s\n", err);
	if (!demo_fill(db, cat, 2019, 2019, 0, 7, current_login(), &err))
		printf("# demo: %s\n", err);
	free(err);
}

/* A copy of the sound ledger, edited by `sql` as sqlite3 would (foreign
 * keys off, triggers dropped first where the edit needs it); check must
 * fail and say `want`. */
static void tampered(const char *name, const char *sql, const char *want, const char *desc)
{
	char *path = testdb_path(name);
	char *cmd = xasprintf("cp '%s' '%s'", base_path, path);
	if (system(cmd) != 0)
		printf("# cp failed\n");
	free(cmd);
	sqlite3 *raw = NULL;
	char *why = NULL;
	if (sqlite3_open(path, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, sql, NULL, NULL, &why) != SQLITE_OK)
		printf("# tampering failed: %s\n", why ? why : "?");
	sqlite3_free(why);
	sqlite3_close(raw);
	char *err = NULL;
	struct db *db = db_open(path, DB_OPEN_EXISTING, &err);
	bool sound = db && db_check(db, &err);
	ok(!sound && err && strstr(err, want), "%s: %s", desc, err ? err : "(found sound)");
	free(err);
	db_close(db);
	free(path);
}

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("base.db");
	struct catalog *cat = catalog_read(db, &err);
	build(db, cat);
	ok(db_check(db, &err), "a ledger the program wrote is sound: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE serial LIKE 'SCZR-2020-%'"), 3,
	       "with an import that keeps serials 100 and 300 (a hole no one made)");
	catalog_free(cat);
	db_close(db);
	base_path = testdb_path("base.db");

	tampered("del-mid.db", "DROP TRIGGER txn_never_deleted; "
		 "DELETE FROM txn WHERE serial = 'SCZR-2021-000004'",
		 "编号: SCZR-2021-000004 缺失", "an entry deleted from the middle leaves a hole");
	tampered("del-mid2.db", "DROP TRIGGER txn_never_deleted; "
		 "DELETE FROM txn WHERE serial = 'SCZR-2021-000004'",
		 "所指的办件 id 4 已不存在", "and its audit line points at nothing");
	tampered("del-trigger.db", "DROP TRIGGER txn_never_deleted",
		 "保护触发器 txn_never_deleted 不见了", "a dropped trigger is seen");
	tampered("del-audit.db", "DROP TRIGGER audit_append_only; DELETE FROM audit WHERE id = "
		 "(SELECT id FROM audit WHERE action = 'void')",
		 "审计记录: id ", "a deleted audit line leaves a gap in the trail");
	tampered("del-audit2.db", "DROP TRIGGER audit_append_only; DELETE FROM audit WHERE id = "
		 "(SELECT id FROM audit WHERE action = 'void'); "
		 "CREATE TRIGGER audit_append_only BEFORE DELETE ON audit "
		 "BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END;",
		 "办件 SCZR-2021-000002 已作废，却没有作废它的审计记录",
		 "and the void it recorded has no line any more");
	tampered("insert.db", "INSERT INTO txn (serial, matter_id, occurred_on, clerk, created_at) "
		 "SELECT 'SCZR-2021-000099', matter_id, '2021-03-05', 'x', '2021-03-05T10:00:00' "
		 "FROM txn LIMIT 1",
		 "办件 SCZR-2021-000099 没有录入它的审计记录", "an entry inserted by hand is seen");
	tampered("unvoid.db", "UPDATE txn SET voided_at = NULL, voided_by = NULL, void_reason = NULL "
		 "WHERE serial = 'SCZR-2021-000002'",
		 "办件 SCZR-2021-000002 已作废，它现在却未作废", "a void taken back is seen");
	tampered("voided.db", "UPDATE txn SET voided_at = '2021-03-01T10:00:00', voided_by = 'x', "
		 "void_reason = 'x' WHERE serial = 'SCZR-2021-000005'",
		 "办件 SCZR-2021-000005 已作废，却没有作废它的审计记录", "a void without a line is seen");
	tampered("reserial.db", "UPDATE txn SET serial = 'SCZR-2021-000050' "
		 "WHERE serial = 'SCZR-2021-000005'",
		 "记载录入的是 SCZR-2021-000005，该办件现在的编号却是 SCZR-2021-000050",
		 "a serial changed is seen");
	tampered("del-import.db", "DROP TRIGGER txn_never_deleted; "
		 "DELETE FROM txn WHERE serial = 'SCZR-2020-000100'",
		 "记载导入 3 件，其中 1 件已不存在", "an imported entry deleted is seen");
	tampered("del-demo.db", "DROP TRIGGER txn_never_deleted; "
		 "DELETE FROM txn WHERE id = (SELECT max(id) FROM txn)",
		 "记载演示数据", "the newest demo entry deleted is seen by its count");
	/* The newest entry deleted together with its audit line, and a new
	 * one recorded: it takes the same id and serial, and the first line
	 * still claims that id. */
	char *path = testdb_path("reuse.db");
	char *cmd = xasprintf("cp '%s' '%s'", base_path, path);
	ok(system(cmd) == 0, "copy for the reuse case");
	free(cmd);
	db = db_open(path, DB_OPEN_EXISTING, &err);
	cat = catalog_read(db, &err);
	struct entry_draft d = draft("2022-01-04", "王");
	char serial[SERIAL_LEN];
	ledger_record(db, cat, &d, current_login(), serial, &err);
	db_close(db);
	sqlite3 *raw;
	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "DROP TRIGGER txn_never_deleted; DELETE FROM txn WHERE id = "
		     "(SELECT max(id) FROM txn)", NULL, NULL, NULL);
	sqlite3_close(raw);
	db = db_open(path, DB_OPEN_EXISTING, &err);
	ledger_record(db, cat, &d, current_login(), serial, &err);
	is_str(serial, "SCZR-2022-000001", "the deleted serial is drawn again");
	ok(!db_check(db, &err) && err && strstr(err, "之前的审计记录已记载过这一办件"),
	   "and check sees the id claimed twice: %s", err ? err : "");
	free(err);
	catalog_free(cat);
	db_close(db);
	free(path);
	testdb_cleanup();
	return tap_done();
}
