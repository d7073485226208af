/* core/promise: due days given to 承诺件 saved without one (promise_fill):
 * which entries are taken, the due day from the matter's limit and the
 * calendar, the done day from the audit trail, each fill audited, and
 * nothing done twice. */
#include "tap.h"
#include "testdb.h"
#include "holiday.h"
#include "ledger.h"
#include "promise.h"

static void record(struct db *db, const struct catalog *cat, const char *matter, const char *date,
		   const char *status, char serial[SERIAL_LEN])
{
	struct entry_draft d = { .window = "msbz", .matter = matter, .date = date,
				 .applicant = "刘家庄村民", .status = status,
				 .households = -1, .persons = -1, .quantity = -1 };
	char *err = NULL;
	if (!ledger_record(db, cat, &d, current_login(), serial, &err)) {
		fprintf(stderr, "record: %s\n", err);
		exit(99);
	}
}

static char *column(struct db *db, const char *col, const char *serial)
{
	char *sql = xasprintf("SELECT coalesce(%s, '-') FROM txn WHERE serial = '%s'", col, serial);
	char *v = db_text(db, sql);
	free(sql);
	return v;
}

static void is_days(struct db *db, const char *serial, const char *due, const char *done,
		    const char *what)
{
	char *got_due = column(db, "due_on", serial), *got_done = column(db, "done_on", serial);
	is_str(got_due, due, "%s: due", what);
	is_str(got_done, done, "%s: done", what);
	free(got_due);
	free(got_done);
}

int main(void)
{
	struct db *db = testdb_open("promise.db");
	char *err = NULL;
	ok(holiday_load_defaults(db, current_login(), NULL, &err), "the shipped calendar");
	long long n = -1;
	ok(promise_fill(db, current_login(), &n, &err) && n == 0,
	   "no matter with a limit: nothing to fill (%lld)", n);
	ok(db_exec(db, "UPDATE matter SET time_limit_days = 5 WHERE code = 'db'", &err),
	   "最低生活保障申请初审: 5 working days");
	struct catalog *cat = catalog_read(db, &err);

	char open[SERIAL_LEN], done[SERIAL_LEN], early[SERIAL_LEN], saved[SERIAL_LEN],
		quick[SERIAL_LEN], known[SERIAL_LEN];
	record(db, cat, "db", "2021-09-30", NULL, open);
	record(db, cat, "db", "2021-02-10", NULL, done);
	record(db, cat, "db", "2021-10-08", NULL, early);
	record(db, cat, "db", "2021-10-08", "办结", saved);
	record(db, cat, "lr", "2021-10-08", NULL, quick);
	record(db, cat, "db", "2021-11-01", NULL, known);
	/* As a ledger kept before due days were: none stored; v1's done and
	 * return left only their audit line.  One line is dated before its
	 * entry's acceptance (a clock set wrong): never a done day before it. */
	char *sql = xasprintf(
		"UPDATE txn SET due_on = NULL, done_on = NULL;"
		"UPDATE txn SET status = '办结' WHERE serial IN ('%s', '%s');"
		"UPDATE txn SET status = '转办', done_on = '2021-11-03' WHERE serial = '%s';"
		"INSERT INTO audit (at, login, action, txn_id, detail) SELECT '2021-02-26T10:00:00', "
		"'zhang', 'done', id, '办结' FROM txn WHERE serial = '%s';"
		"INSERT INTO audit (at, login, action, txn_id, detail) SELECT '2021-10-07T23:59:00', "
		"'zhang', 'done', id, '办结' FROM txn WHERE serial = '%s';",
		done, early, known, done, early);
	ok(db_exec(db, sql, &err), "the entries as an older ledger holds them");
	free(sql);

	ok(promise_fill(db, current_login(), &n, &err), "fill");
	is_int(n, 4, "four 承诺件 given a due day");
	is_days(db, open, "2021-10-13", "-", "open, accepted 09-30");
	is_days(db, done, "2021-02-23", "2021-02-26", "done by its audit line, across 春节");
	is_days(db, early, "2021-10-14", "2021-10-08", "an audit line before acceptance");
	is_days(db, known, "2021-11-08", "2021-11-03", "a done day of its own is kept");
	is_days(db, saved, "-", "-", "closed at its save: nothing made up");
	is_days(db, quick, "-", "-", "a 即办件");
	is_int(db_int(db, -1, "SELECT count(*) FROM audit WHERE action = 'due'"), 4,
	       "each fill is audited");

	ok(promise_fill(db, current_login(), &n, &err) && n == 0, "a second fill finds nothing");
	is_int(db_int(db, -1, "SELECT count(*) FROM audit WHERE action = 'due'"), 4,
	       "and audits nothing");

	catalog_free(cat);
	db_close(db);
	testdb_cleanup();
	return tap_done();
}
