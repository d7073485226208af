/* core: correction (更正), undo of the last save, and repeats. */
#include "tap.h"
#include "testdb.h"
#include "citizen.h"
#include "ledger.h"

static struct entry_draft draft(const char *window, const char *matter, const char *applicant)
{
	return (struct entry_draft){ .window = window, .matter = matter, .applicant = applicant,
				     .households = -1, .persons = -1, .quantity = -1 };
}

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("correct.db");
	struct catalog *cat = catalog_read(db, &err);
	const char *me = current_login();
	char a[SERIAL_LEN], b[SERIAL_LEN], c[SERIAL_LEN], undone[SERIAL_LEN];

	/* Undo voids the login's last save, only that one. */
	ok(!ledger_undo_last(db, NULL, me, undone, &err) && err && strstr(err, "没有可撤销"),
	   "nothing to undo before a save: %s", err ? err : "");
	free(err), err = NULL;
	struct entry_draft zx = draft("sjfw", "zx", NULL);
	ok(ledger_record(db, cat, &zx, me, a, &err), "a consultation");
	ok(ledger_record(db, cat, &zx, me, b, &err), "a stray second one");
	ok(!ledger_undo_last(db, a, me, undone, &err) && err && strstr(err, b),
	   "undo refuses when the last save is not the one expected: %s", err ? err : "");
	free(err), err = NULL;
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE voided_at IS NOT NULL"), 0,
	       "and voids nothing");
	ok(ledger_undo_last(db, b, me, undone, &err), "undo of the stray one: %s", err ? err : "");
	is_str(undone, b, "names what it voided");
	char *reason = db_text(db, "SELECT void_reason FROM txn WHERE voided_at IS NOT NULL");
	is_str(reason, "误操作撤销", "with the reason 误操作撤销");
	free(reason);
	is_int(db_int(db, -1, "SELECT count(*) FROM audit WHERE action = 'undo'"), 1, "audited");
	ok(!ledger_undo_last(db, NULL, me, undone, &err) && err && strstr(err, "已作废"),
	   "a second undo does not reach back further: %s", err ? err : "");
	free(err), err = NULL;
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE voided_at IS NULL"), 1,
	       "the first consultation stands");

	/* A clerk catching up on paper forms (an entry of a day gone by)
	 * undoes a stray save too: the rule is the save's time, not the
	 * entry's date. */
	struct clerk li = { .login = (char *)"xiaoli", .name = (char *)"李娜", .role = ROLE_CLERK };
	ok(clerk_put(db, &li, me, &err), "a clerk: %s", err ? err : "");
	struct entry_draft old_day = draft("sjfw", "zx", NULL);
	old_day.date = "2021-03-15";
	ok(ledger_record(db, cat, &old_day, "xiaoli", a, &err), "the clerk saves an entry of 2021-03-15");
	ok(ledger_undo_last(db, a, "xiaoli", undone, &err), "and undoes it at once: %s",
	   err ? err : "");
	free(err), err = NULL;
	ok(!ledger_void(db, a, "x", "xiaoli", &err) && err && strstr(err, "已作废"),
	   "it is voided: %s", err ? err : "");
	free(err), err = NULL;
	ok(ledger_record(db, cat, &old_day, "xiaoli", b, &err), "another");
	char *aged = xasprintf("UPDATE txn SET created_at = '2021-03-15T09:00:00' WHERE serial = '%s'",
			       b);
	ok(db_exec(db, aged, &err), "saved, say, long ago");
	free(aged);
	ok(!ledger_undo_last(db, b, "xiaoli", undone, &err) && err && strstr(err, "两分钟"),
	   "is not undone: %s", err ? err : "");
	free(err), err = NULL;
	ok(!ledger_void(db, b, "录错", "xiaoli", &err) && err && strstr(err, "当天"),
	   "nor voided by the clerk, whose voids stay those of today: %s", err ? err : "");
	free(err), err = NULL;
	/* The stamps are the center's time (TZ is Asia/Shanghai here too). */
	const char *ago = "UPDATE txn SET created_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%S', 'now', "
			  "'localtime', '%s') WHERE serial = '%s'";
	ok(ledger_record(db, cat, &zx, me, c, &err), "a supervisor's save of today");
	aged = xasprintf(ago, "-90 seconds", c);
	ok(db_exec(db, aged, &err), "90 seconds ago");
	free(aged);
	ok(ledger_undo_last(db, c, me, undone, &err), "is undone: %s", err ? err : "");
	free(err), err = NULL;
	ok(ledger_record(db, cat, &zx, me, c, &err), "another");
	aged = xasprintf(ago, "-150 seconds", c);
	ok(db_exec(db, aged, &err), "150 seconds ago");
	free(aged);
	ok(!ledger_undo_last(db, c, me, undone, &err) && err && strstr(err, "两分钟"),
	   "is past undoing, for a supervisor too: %s", err ? err : "");
	free(err), err = NULL;

	/* Correction: one transaction, linked both ways. */
	struct entry_draft sl = draft("sczr", "sl", "张记面馆");
	sl.id_number = "92130125MA0CD5678W";
	sl.village = "yc";
	ok(ledger_record(db, cat, &sl, me, a, &err), "a 设立业务");
	struct entry_draft fixed = sl;
	fixed.applicant = "张纪面馆";
	ok(ledger_correct(db, cat, a, "名字写错", &fixed, me, c, &err), "corrected: %s",
	   err ? err : "");
	char *sql = xasprintf("SELECT corrects FROM txn WHERE serial = '%s'", c);
	char *link = db_text(db, sql);
	is_str(link, a, "the new entry names the old");
	free(link);
	/* db_text and db_int keep their statements by the SQL's address:
	 * each query text stays alive, at an address of its own. */
	char *sql2 = xasprintf("SELECT void_reason FROM txn WHERE serial = '%s'", a);
	reason = db_text(db, sql2);
	is_str(reason, "名字写错", "the old one is voided with the reason");
	free(reason);
	ok(!ledger_correct(db, cat, a, "再改", &fixed, me, NULL, &err) && err,
	   "the old one cannot be corrected twice: %s", err ? err : "");
	free(err), err = NULL;
	int64_t rows = db_int(db, -1, "SELECT count(*) FROM txn");
	struct entry_draft blank = fixed;
	blank.applicant = "";
	ok(!ledger_correct(db, cat, c, "清空", &blank, me, NULL, &err) && err &&
	   strstr(err, "申请人"), "a correction that fails the new entry's checks: %s",
	   err ? err : "");
	free(err), err = NULL;
	is_int(db_int(db, -1, "SELECT count(*) FROM txn"), rows, "leaves no new row");
	char *sql3 = xasprintf("SELECT voided_at IS NULL FROM txn WHERE serial = '%s'", c);
	is_int(db_int(db, -1, sql3), 1, "and the entry it would replace stands");
	free(sql3);
	free(sql2);
	free(sql);
	ok(!ledger_correct(db, cat, c, "  ", &fixed, me, NULL, &err) && err &&
	   strstr(err, "原因"), "a correction needs a reason");
	free(err), err = NULL;

	/* A correction of an older entry is the last save: an undo does not
	 * reach back behind it to the consultation saved before. */
	char d[SERIAL_LEN], e[SERIAL_LEN];
	ok(ledger_record(db, cat, &zx, me, d, &err), "a consultation");
	struct entry_draft renamed = fixed;
	renamed.applicant = "张继面馆";
	ok(ledger_correct(db, cat, c, "又写错", &renamed, me, e, &err),
	   "then the older 设立业务 corrected: %s", err ? err : "");
	ok(!ledger_undo_last(db, d, me, undone, &err) && err && strstr(err, "更正"),
	   "undo of the consultation is refused, naming the correction: %s", err ? err : "");
	free(err), err = NULL;
	ok(!ledger_undo_last(db, NULL, me, undone, &err) && err && strstr(err, "更正不能撤销"),
	   "and a correction is not undone: %s", err ? err : "");
	free(err), err = NULL;
	char *sql4 = xasprintf("SELECT count(*) FROM txn WHERE voided_at IS NULL AND serial IN "
			       "('%s', '%s')", d, e);
	is_int(db_int(db, -1, sql4), 2, "both stand");
	free(sql4);
	snprintf(c, sizeof c, "%s", e);

	/* Repeats: the same 证件号码, matter and year. */
	struct citizen_repeat r;
	ok(citizen_repeat(db, c, &r, &err) == false && !err, "the corrected entry repeats nothing");
	ok(ledger_record(db, cat, &sl, me, b, &err), "the same entity again");
	ok(citizen_repeat(db, b, &r, &err), "is a repeat");
	is_str(r.serial, c, "of the corrected entry, not the voided one");
	ok(!citizen_repeat(db, a, &r, &err) || strcmp(r.serial, a) != 0, "never itself");
	ok(!citizen_repeat(db, "SCZR-2099-000001", &r, &err) && !err, "an unknown serial: none");

	catalog_free(cat);
	db_close(db);
	return tap_done();
}
