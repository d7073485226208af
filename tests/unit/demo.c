/* core/demo: the generated year has the reference report's figures, real
 * working days and office hours, valid ID numbers, rising serials, and is
 * the same for the same seed. */
#include <sqlite3.h>

#include "tap.h"
#include "testdb.h"
#include "demo.h"
#include "idcheck.h"
#include "ledger.h"
#include "period.h"

/* FNV-1a over every stored column but the clocks of the run itself. */
static uint64_t digest(struct db *db, const char *year)
{
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db),
			   "SELECT serial, matter_id, occurred_on, occurred_at, applicant, id_number, "
			   "ifnull(village_id, ''), households, persons, quantity, category, status, "
			   "note, ifnull(void_reason, '') FROM txn WHERE substr(occurred_on, 1, 4) = ?1 "
			   "ORDER BY serial", -1, &st, NULL);
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	uint64_t h = 1469598103934665603u;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const unsigned char *t = sqlite3_column_text(st, c);
			for (; t && *t; t++)
				h = (h ^ *t) * 1099511628211u;
			h = (h ^ '|') * 1099511628211u;
		}
	}
	sqlite3_finalize(st);
	return h;
}

static int64_t figure(struct db *db, const char *what, const char *matter_code,
		      const char *window_code)
{
	/* Codes are bound; only the aggregate, a literal of this file, is
	 * pasted into the SQL. */
	char *sql = xasprintf("SELECT ifnull(%s, 0) FROM txn JOIN matter m ON m.id = matter_id "
			      "JOIN \"window\" w ON w.id = m.window_id WHERE voided_at IS NULL "
			      "AND m.code = ?1 AND w.code = ?2", what);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL);
	sqlite3_bind_text(st, 1, matter_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, window_code, -1, SQLITE_STATIC);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	free(sql);
	return v;
}

static void reference_figures(struct db *db)
{
	static const struct {
		const char *window, *matter, *what;
		int64_t want;
	} figures[] = {
		{ "sczr", "sl", "count(*)", 234 },
		{ "sczr", "bg", "count(*)", 43 },
		{ "sczr", "zx", "count(*)", 122 },
		{ "sczr", "bz", "count(*)", 11 },
		{ "wsjk", "yt", "sum(persons)", 45 },
		{ "wsjk", "et", "sum(quantity)", 51 },
		{ "wsjk", "gk", "sum(persons)", 6 },
		{ "wsjk", "ds", "sum(quantity)", 9 },
		{ "wsjk", "sd", "sum(households)", 1 },
		{ "wsjk", "sd", "sum(persons)", 1 },
		{ "wsjk", "xnh", "sum(households)", 143 },
		{ "wsjk", "xnh", "sum(persons)", 433 },
		{ "wsjk", "xnh", "min(persons)", 2 },
		{ "wsjk", "xnh", "max(persons)", 4 },
		{ "msbz", "lr", "sum(households)", 13 },
		{ "msbz", "db", "sum(households)", 37 },
		{ "msbz", "tk", "count(*)", 13 },
		{ "msbz", "cjr", "sum(persons)", 19 },
		{ "msbz", "gybt", "sum(persons)", 296 },
		{ "msbz", "gyfw", "count(*)", 296 },
		{ "sjfw", "ydz", "sum(quantity)", 412 },
		{ "sjfw", "ydz", "max(quantity)", 3 },
		{ "sjfw", "zx", "count(*)", 150 },
	};
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
		is_int(figure(db, figures[i].what, figures[i].matter, figures[i].window),
		       figures[i].want, "%s/%s %s as in the reference report", figures[i].window,
		       figures[i].matter, figures[i].what);
	int64_t consult = figure(db, "count(*)", "wszx", "wsjk");
	ok(consult >= 50 && consult < 60, "卫生法律法规宣传咨询 50余人次 (%lld)", (long long)consult);
	consult = figure(db, "count(*)", "syzx", "wsjk");
	ok(consult >= 30 && consult < 40, "生育政策咨询 30余人次 (%lld)", (long long)consult);
	int64_t cjz = figure(db, "count(*)", "cjz", "msbz");
	ok(cjz >= 50 && cjz < 60, "残疾证办理 50多人次 (%lld)", (long long)cjz);
	int64_t jf = figure(db, "count(*)", "jf", "cxjs");
	ok(jf > 0 && jf < 20, "城乡建设: a few (%lld)", (long long)jf);
}

static void shape_of_entries(struct db *db)
{
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE strftime('%w', occurred_on) IN ('0', '6')"),
	       0, "no entry on a weekend");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE substr(occurred_on, 6) IN "
			      "('01-01', '05-01', '05-02', '05-03', '10-01', '10-02', '10-03', "
			      "'10-04', '10-05', '10-06', '10-07')"),
	       0, "no entry on a fixed holiday");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE occurred_at < '08:30' "
			      "OR occurred_at > '17:30' OR occurred_at = ''"),
	       0, "every entry within office hours");
	ok(db_int(db, -1, "SELECT count(DISTINCT occurred_on) FROM txn") > 200,
	   "entries spread over the working days");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn t JOIN matter m ON m.id = t.matter_id "
			      "WHERE m.code = 'tk' AND t.category NOT IN ('申请', '终止')"),
	       0, "特困 entries carry one of its categories");
	ok(db_int(db, -1, "SELECT (SELECT count(*) FROM txn WHERE category = '发放') > "
			  "(SELECT count(*) FROM txn WHERE category = '更换')") == 1,
	   "发放 is more common than 更换");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn t JOIN matter m ON m.id = t.matter_id "
			      "JOIN \"window\" w ON w.id = m.window_id WHERE w.code = 'sczr' "
			      "AND (t.id_number NOT GLOB '9[123]130125*' OR t.applicant NOT LIKE '行唐县%')"),
	       0, "market entities of 行唐县 with credit codes");
	ok(db_int(db, 0, "SELECT count(*) FROM txn WHERE id_number LIKE '130125%'") * 100 >
		   db_int(db, 1, "SELECT count(*) FROM txn WHERE length(id_number) = 18 "
				 "AND id_number NOT LIKE '9%'") * 90,
	   "most people are of 行唐县 (130125)");
	ok(db_int(db, 0, "SELECT count(*) FROM txn WHERE applicant LIKE '%䶮%'") > 0,
	   "now and then a rare name character (䶮)");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE village_id IS NULL AND matter_id IN "
			      "(SELECT id FROM matter WHERE name NOT LIKE '%咨询%')"),
	       0, "every entry but consultations names a village");

	/* Every ID number passes the check the clerk's form uses. */
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db), "SELECT id_number FROM txn WHERE id_number <> ''", -1, &st,
			   NULL);
	long checked = 0, bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char out[19];
		checked++;
		if (!idcheck_validate((const char *)sqlite3_column_text(st, 0), out, NULL, NULL))
			bad++;
	}
	sqlite3_finalize(st);
	ok(checked > 1000 && bad == 0, "%ld ID numbers, %ld invalid", checked, bad);

	/* Serials rise with the clock within each window. */
	sqlite3_prepare_v2(db_handle(db), "SELECT serial FROM txn ORDER BY substr(serial, 1, 4), "
					  "occurred_on, occurred_at, id", -1, &st, NULL);
	char prev[SERIAL_LEN] = "";
	long disorder = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (strncmp(prev, s, 4) == 0 && strcmp(prev, s) >= 0)
			disorder++;
		snprintf(prev, sizeof prev, "%s", s);
	}
	sqlite3_finalize(st);
	is_int(disorder, 0, "serials follow date and time");
}

static struct db *filled(const char *name, int first, int last, int64_t per_year, uint32_t seed)
{
	struct db *db = testdb_open(name);
	char *err = NULL;
	struct catalog *cat = catalog_read(db, &err);
	bool good = cat && demo_fill(db, cat, first, last, per_year, seed, current_login(), &err);
	ok(good, "fill %s with %d-%d: %s", name, first, last, err ? err : "ok");
	free(err);
	catalog_free(cat);
	return db;
}

int main(void)
{
	struct db *db = filled("a.db", 2021, 2021, 0, 42);
	int64_t live = db_int(db, -1, "SELECT count(*) FROM txn WHERE voided_at IS NULL");
	int64_t voided = db_int(db, -1, "SELECT count(*) FROM txn WHERE voided_at IS NOT NULL");
	is_int(live, 1848, "live entries of a reference year");
	is_int(voided, 18, "about 1%% more entries voided");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE voided_at IS NOT NULL "
			      "AND (void_reason IS NULL OR void_reason = '' OR voided_by IS NULL)"),
	       0, "voided entries say why and by whom");
	is_int(db_int(db, -1, "SELECT count(*) FROM txn WHERE occurred_on NOT LIKE '2021-%'"), 0,
	       "all in the asked year");
	is_int(db_int(db, -1, "SELECT count(*) FROM audit WHERE action = 'demo'"), 1,
	       "one audit line for the year's transaction");
	char *first = db_text(db, "SELECT serial FROM txn ORDER BY occurred_on, occurred_at, id LIMIT 1");
	ok(first && strncmp(first + 4, "-2021-000001", 12) == 0, "serials start at 000001 (%s)",
	   first ? first : "");
	free(first);
	first = db_text(db, "SELECT min(occurred_on) FROM txn");
	is_str(first, "2021-01-04", "the first working day of 2021 is Monday 4 January");
	free(first);
	reference_figures(db);
	shape_of_entries(db);

	struct db *same = filled("b.db", 2021, 2021, 0, 42);
	ok(digest(db, "2021") == digest(same, "2021"), "the same seed gives the same entries");
	struct db *other = filled("c.db", 2021, 2021, 0, 43);
	ok(digest(db, "2021") != digest(other, "2021"), "another seed gives other entries");
	is_int(db_int(other, -1, "SELECT count(*) FROM txn WHERE voided_at IS NULL"), 1848,
	       "with the same figures");
	struct db *span = filled("d.db", 2020, 2021, 0, 42);
	ok(digest(db, "2021") == digest(span, "2021"), "a year is the same alone or among others");
	ok(db_int(span, -1, "SELECT count(*) FROM txn WHERE occurred_on LIKE '2020-%'") > 1800,
	   "and the other year is filled too");
	db_close(same);
	db_close(other);
	db_close(span);

	struct db *bench = filled("e.db", 2018, 2019, 5000, 7);
	is_int(db_int(bench, -1, "SELECT count(*) FROM txn WHERE occurred_on LIKE '2019-%'"), 5000,
	       "exactly the asked entries a year");
	is_int(db_int(bench, -1, "SELECT count(*) FROM txn WHERE occurred_on LIKE '2019-%' "
				 "AND voided_at IS NOT NULL"), 50, "1%% of them voided");
	is_int(db_int(bench, -1, "SELECT count(*) FROM audit WHERE action = 'demo'"), 2,
	       "one audit line per year");
	ok(db_int(bench, -1, "SELECT count(*) FROM txn t JOIN matter m ON m.id = t.matter_id "
			     "WHERE m.code = 'gybt' AND occurred_on LIKE '2019-%'") >
		   db_int(bench, -1, "SELECT count(*) FROM txn t JOIN matter m ON m.id = t.matter_id "
				     "WHERE m.code = 'bg' AND occurred_on LIKE '2019-%'"),
	   "in the reference proportions");
	db_close(bench);

	/* Refusals leave the database as it was. */
	char *err = NULL;
	struct catalog *cat = catalog_read(db, &err);
	int64_t before = db_int(db, -1, "SELECT count(*) FROM txn");
	bool done = demo_fill(db, cat, 9999, 9999, 0, 1, current_login(), &err);
	ok(!done && err, "a future year is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	done = demo_fill(db, cat, 2021, 2020, 0, 1, current_login(), &err);
	ok(!done && err, "an empty range is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	done = ledger_lock_year(db, 2019, current_login(), &err);
	ok(done, "lock 2019: %s", err ? err : "ok");
	done = demo_fill(db, cat, 2019, 2019, 0, 1, current_login(), &err);
	ok(!done && err, "a locked year is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	is_int(db_int(db, -1, "SELECT count(*) FROM txn"), before, "and nothing was written");

	/* The current year stops at today, whatever today is. */
	char today[DATE_LEN], sql[160];
	period_today(today);
	done = demo_fill(db, cat, period_year_of(today), period_year_of(today), 0, 5,
			 current_login(), &err);
	ok(done, "fill the current year: %s", err ? err : "ok");
	free(err);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM txn WHERE occurred_on > '%s'", today);
	is_int(db_int(db, -1, sql), 0, "no entry after today");

	catalog_free(cat);
	db_close(db);
	testdb_cleanup();
	return tap_done();
}
