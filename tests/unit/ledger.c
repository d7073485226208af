/* core/ledger and core/tally: record, serials under concurrency, void
 * rules, year lock, status, queries, tallies in each unit. */
#include <sys/wait.h>

#include "tap.h"
#include "testdb.h"
#include "ledger.h"
#include "tally.h"

static struct entry_draft draft(const char *window, const char *matter, const char *date)
{
	/* Every matter here but 人次 requires its applicant. */
	return (struct entry_draft){ .window = window, .matter = matter, .date = date,
				     .applicant = "刘家庄养殖场",
				     .households = -1, .persons = -1, .quantity = -1 };
}

static bool count_entry(const struct entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
	return true;
}

static bool keep_first(const struct entry *e, void *ctx)
{
	char *out = ctx;
	snprintf(out, 128, "%s|%s|%s|%s|%s", e->serial, e->applicant, e->matter->name,
		 e->village ? e->village->name : "", status_name(e->status));
	return false;
}

/* Two processes record at once: no serial is drawn twice, none skipped. */
static void concurrent_serials(const char *path)
{
	enum { PER_PROC = 150 };
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			char *err = NULL;
			struct db *db = db_open(path, DB_OPEN_EXISTING, &err);
			struct catalog *cat = db ? catalog_read(db, &err) : NULL;
			int failures = !cat;
			for (int i = 0; cat && i < PER_PROC; i++) {
				struct entry_draft d = draft("wsjk", "syzx", "2022-05-06");
				failures += !ledger_record(db, cat, &d, current_login(), NULL, &err);
			}
			catalog_free(cat);
			db_close(db);
			_exit(failures ? 1 : 0);
		}
	}
	int bad = 0;
	for (int k = 0; k < 2; k++) {
		int status;
		waitpid(kids[k], &status, 0);
		bad += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	ok(bad == 0, "two writers at once: every save landed");
	char *err = NULL;
	struct db *db = db_open(path, DB_OPEN_EXISTING, &err);
	is_int(db_int(db, -1, "SELECT count(DISTINCT serial) FROM txn WHERE serial LIKE 'WSJK-2022-%'"),
	       2 * PER_PROC, "serials are unique");
	is_int(db_int(db, -1, "SELECT max(serial) = 'WSJK-2022-000300' FROM txn "
			      "WHERE serial LIKE 'WSJK-2022-%'"), 1, "and contiguous");
	db_close(db);
}

static bool join_rows(const struct entry *e, void *ctx)
{
	struct strbuf *sb = ctx;
	strbuf_addf(sb, "%s|%s|%s|%s;", e->serial, e->date, e->applicant,
		    e->void_reason ? e->void_reason : "-");
	return true;
}

static bool first_three(const struct entry *e, void *ctx)
{
	(void)e;
	return ++*(int *)ctx < 3;
}

/* The export's walk (.interchange) puts each day in id order itself; it
 * must give what SQLite's own ORDER BY date, id gives, where the index
 * holds a day's rows by matter. */
static void interchange_order(void)
{
	char *err = NULL;
	struct db *db = testdb_open("days.db");
	struct catalog *cat = catalog_read(db, &err);
	const struct { const char *matter, *date, *who; } rows[] = {
		{ "bg", "2021-05-10", "甲" }, { "sl", "2021-05-10", "乙" }, { "bg", "2021-05-10", "丙" },
		{ "sl", "2021-05-11", "丁" }, { "sl", "2021-05-10", "戊" }, { "bg", "2021-05-11", "己" },
		{ "bg", "2021-05-09", "庚" }, { "sl", "2021-05-12", "辛" },
	};
	char serial[SERIAL_LEN], voided[SERIAL_LEN] = "";
	int recorded = 0;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct entry_draft d = draft("sczr", rows[i].matter, rows[i].date);
		d.applicant = rows[i].who;
		recorded += ledger_record(db, cat, &d, current_login(), serial, &err);
		if (i == 2)
			memcpy(voided, serial, SERIAL_LEN);
	}
	is_int(recorded, 8, "eight entries over four days, matters mixed: %s", err ? err : "");
	ok(ledger_void(db, voided, "录入错误", current_login(), &err), "one voided");
	struct strbuf want = { 0 }, got = { 0 };
	struct ledger_filter f = { .from = "2021-05-01", .to = "2021-05-31", .include_voided = true };
	ok(ledger_query(db, cat, &f, join_rows, &want, &err), "the period in SQL's order");
	f.interchange = true;
	ok(ledger_query(db, cat, &f, join_rows, &got, &err), "the period as the export reads it");
	is_str(got.s, want.s, "the same rows in the same order, texts intact");
	ok(want.s && strstr(want.s, "庚") < strstr(want.s, "甲") &&
	   strstr(want.s, "乙") < strstr(want.s, "戊") && strstr(want.s, "戊") < strstr(want.s, "丁"),
	   "by date, then by id within a day: %s", want.s ? want.s : "");
	int n = 0;
	ok(ledger_query(db, cat, &f, first_three, &n, &err) && n == 3, "a stop is obeyed (%d rows)",
	   n);
	free(want.s);
	free(got.s);
	catalog_free(cat);
	db_close(db);
}

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("ledger.db");
	struct catalog *cat = catalog_read(db, &err);
	char serial[SERIAL_LEN];

	struct entry_draft d = draft("市场准入", "设立业务", "2021-03-15");
	d.applicant = "张记面馆";
	d.village = "yc";
	ok(ledger_record(db, cat, &d, current_login(), serial, &err), "records a 设立业务: %s",
	   err ? err : "");
	is_str(serial, "SCZR-2021-000001", "first serial of the window and year");
	ok(ledger_record(db, cat, &d, current_login(), serial, &err), "records another");
	is_str(serial, "SCZR-2021-000002", "serials count up");
	d.date = "2022-01-04";
	ok(ledger_record(db, cat, &d, current_login(), serial, &err), "records in 2022");
	is_str(serial, "SCZR-2022-000001", "a new year starts at 1");

	struct entry_draft imp = draft("sczr", "bg", "2021-04-01");
	imp.serial = "SCZR-2021-000050";
	ok(db_begin_write(db, &err) && ledger_insert(db, cat, &imp, current_login(), serial, &err) &&
	   db_end_write(db, true, &err), "an import keeps its serial: %s", err ? err : "");
	d.date = "2021-04-02";
	ok(ledger_record(db, cat, &d, current_login(), serial, &err), "records after an import");
	is_str(serial, "SCZR-2021-000051", "draws above the imported serial");
	ok(!db_begin_write(db, &err) || !ledger_insert(db, cat, &imp, current_login(), serial, &err),
	   "a serial is never used twice: %s", err ? err : "");
	db_end_write(db, false, &err);
	free(err);
	err = NULL;

	/* Refusals, each with its reason. */
	struct {
		struct entry_draft d;
		const char *why;
	} bad[] = {
		{ draft("不存在", "设立业务", "2021-03-15"), "没有名为" },
		{ draft("sczr", "生育政策咨询", "2021-03-15"), "没有" },
		{ draft("sczr", "sl", "2021-02-30"), "日期" },
		{ draft("sjfw", "ydz", "2021-03-15"), NULL },
		{ draft("sczr", "sl", "2021-03-15"), "证件号码" },
		{ draft("sczr", "sl", "2021-03-15"), "分类" },
		{ draft("sczr", "sl", "2021-03-15"), "状态" },
		{ draft("sczr", "sl", "2021-03-15"), "编号" },
		{ draft("sczr", "sl", "2021-03-15"), "格式不对" },
		{ draft("sczr", "sl", "2021-03-15"), "格式不对" },
		{ draft("sczr", "sl", "2021-03-15"), "格式不对" },
		{ draft("sczr", "sl", "2021-03-15"), "格式不对" },
		{ draft("sczr", "sl", "2021-03-15"), "计件" },
		{ draft("wsjk", "xnh", "2021-03-15"), "都为 0" },
		{ draft("msbz", "lr", "2021-03-15"), "户数不能为 0" },
	};
	bad[3].d.category = "补发"; bad[3].why = "分类";
	bad[4].d.id_number = "110105194912310021";
	bad[5].d.category = "申请";
	bad[6].d.status = "完成";
	bad[7].d.serial = "WSJK-2021-000001";
	/* Found by tests/fuzz: sscanf took a sign or blanks in the sequence. */
	bad[8].d.serial = "SCZR-2021-+00001";
	bad[9].d.serial = "SCZR-2021- 00001";
	bad[10].d.serial = "SCZR-2021-000000";
	bad[11].d.serial = "SCZR-2021-0000012";
	bad[12].d.households = 2; /* 设立业务 counts entries */
	bad[13].d.households = bad[13].d.persons = 0;
	bad[14].d.households = 0;
	int before = (int)db_int(db, -1, "SELECT count(*) FROM txn");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ok(!ledger_record(db, cat, &bad[i].d, current_login(), NULL, &err) && err &&
		   strstr(err, bad[i].why), "refused (%s): %s", bad[i].why, err ? err : "");
		free(err);
		err = NULL;
	}
	is_int(db_int(db, -1, "SELECT count(*) FROM txn"), before, "refusals wrote nothing");

	struct entry_draft idd = draft("wsjk", "yt", "2021-05-01");
	idd.id_number = "11010519491231002x";
	idd.applicant = "王䶮𠀀";
	ok(ledger_record(db, cat, &idd, current_login(), serial, &err), "a valid 身份证, lowercase x");
	char *stored = db_text(db, "SELECT id_number FROM txn WHERE applicant = '王䶮𠀀'");
	is_str(stored, "11010519491231002X", "stored with X");
	free(stored);

	/* Households and persons, quantity, categories: the tally in units. */
	struct entry_draft xnh = draft("wsjk", "xnh", "2021-05-01");
	xnh.households = 2;
	xnh.persons = 7;
	ok(ledger_record(db, cat, &xnh, current_login(), NULL, &err), "新农合补贴 2户7人");
	struct entry_draft ydz = draft("sjfw", "ydz", "2021-05-01");
	ydz.quantity = 3;
	ydz.category = "审验";
	ok(ledger_record(db, cat, &ydz, current_login(), NULL, &err), "优待证 3个 审验");
	struct tally t;
	ok(tally_compute(db, cat, "2021-05-01", "2021-05-01", NULL, &t, &err), "tally a day");
	char buf[64];
	const struct catalog_window *wsjk = catalog_window(cat, "wsjk");
	size_t ixnh = (size_t)(catalog_matter(cat, wsjk, "xnh") - cat->matters);
	size_t iydz = (size_t)(catalog_matter(cat, catalog_window(cat, "sjfw"), "ydz") - cat->matters);
	size_t iyt = (size_t)(catalog_matter(cat, wsjk, "yt") - cat->matters);
	is_str(tally_format(buf, sizeof buf, UNIT_HU_REN, &t.matters[ixnh]), "2户7人", "户+人");
	is_str(tally_format(buf, sizeof buf, UNIT_GE, &t.matters[iydz]), "3个", "个 sums quantity");
	is_str(tally_format(buf, sizeof buf, UNIT_REN, &t.matters[iyt]), "1人", "人 sums persons");
	is_int(t.windows[wsjk - cat->windows].entries, 2, "window total counts entries");
	tally_clear(&t);

	/* Void: reason required; a clerk only their own of today. */
	ok(!ledger_void(db, "SCZR-2021-000001", "  ", current_login(), &err) && err,
	   "void needs a reason: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(ledger_void(db, "sczr-2021-000001", "重复录入", current_login(), &err),
	   "an admin voids any entry: %s", err ? err : "");
	ok(!ledger_void(db, "SCZR-2021-000001", "再次", current_login(), &err) && strstr(err, "已作废"),
	   "not twice");
	free(err);
	err = NULL;
	ok(!ledger_void(db, "SCZR-2099-000001", "无", current_login(), &err) && strstr(err, "不存在"),
	   "unknown serial");
	free(err);
	err = NULL;
	ok(tally_compute(db, cat, "2021-01-01", "2021-12-31", NULL, &t, &err), "tally the year");
	size_t isl = (size_t)(catalog_matter(cat, catalog_window(cat, "sczr"), "sl") - cat->matters);
	is_int(t.matters[isl].entries, 2, "voided and out-of-range entries never count");
	tally_clear(&t);
	ok(!db_exec(db, "DELETE FROM txn", &err) && strstr(err, "不可删除"), "entries are never deleted");
	free(err);
	err = NULL;

	struct clerk wang = { .login = (char *)"wangfang", .name = (char *)"王芳", .role = ROLE_CLERK };
	ok(clerk_put(db, &wang, current_login(), &err), "adds a clerk");
	struct clerk demoted = { .login = (char *)current_login(), .name = (char *)"测试管理员",
				 .role = ROLE_SUPERVISOR };
	ok(!clerk_put(db, &demoted, current_login(), &err) && err && strstr(err, "唯一的管理员"),
	   "the last admin cannot demote themselves: %s", err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft elsewhere = draft("wsjk", "syzx", NULL);
	struct clerk li = { .login = (char *)"lisi", .name = (char *)"李四", .role = ROLE_CLERK,
			    .windows = (char *)"sczr,msbz" };
	ok(clerk_put(db, &li, current_login(), &err), "a clerk for 市场准入 and 民生保障");
	ok(!ledger_record(db, cat, &elsewhere, "lisi", NULL, &err) && err && strstr(err, "只负责"),
	   "records nowhere else: %s", err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft at_msbz = draft("msbz", "gyfw", NULL);
	ok(ledger_record(db, cat, &at_msbz, "lisi", NULL, &err), "but at 民生保障: %s",
	   err ? err : "");
	/* The same answer before anything is typed, for the window screen. */
	ok(ledger_may_record(db, cat, "msbz", "lisi", &err), "may record at 民生保障");
	ok(!ledger_may_record(db, cat, "wsjk", "lisi", &err) && err && strstr(err, "只负责"),
	   "may not at 卫生健康: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(!ledger_may_record(db, cat, "wsjk", "stranger", &err) && err &&
	   strstr(err, "user add stranger"), "an unregistered account may not: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(ledger_may_record(db, cat, "wsjk", current_login(), &err), "an admin may anywhere");
	ok(!ledger_record(db, cat, &elsewhere, "stranger", NULL, &err) && err &&
	   strstr(err, "user add stranger"), "an unregistered account records nothing: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft future = draft("sczr", "sl", "2999-01-01");
	ok(!ledger_record(db, cat, &future, current_login(), NULL, &err) && err &&
	   strstr(err, "今天"), "a date after today is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(!ledger_void(db, "SCZR-2021-000002", "错", "wangfang", &err) && strstr(err, "自己"),
	   "a clerk cannot void another's entry: %s", err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft mine = draft("sczr", "bz", "2020-01-02");
	mine.clerk = "wangfang";
	ok(ledger_record(db, cat, &mine, current_login(), serial, &err), "an old entry by wangfang");
	ok(!ledger_void(db, serial, "错", "wangfang", &err) && strstr(err, "当天"),
	   "a clerk cannot void an old entry: %s", err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft today = draft("sczr", "bz", NULL);
	ok(ledger_record(db, cat, &today, "wangfang", serial, &err), "wangfang records today");
	ok(ledger_void(db, serial, "录错事项", "wangfang", &err), "and voids it: %s", err ? err : "");
	ok(!ledger_void(db, "SCZR-2021-000002", "x", "nobody", &err) && strstr(err, "user add"),
	   "an unknown login is told who can add it: %s", err ? err : "");
	free(err);
	err = NULL;

	/* Year lock. */
	ok(!ledger_lock_year(db, 2021, "wangfang", &err), "a clerk cannot lock");
	free(err);
	err = NULL;
	ok(ledger_lock_year(db, 2021, current_login(), &err), "a supervisor locks 2021");
	ok(ledger_year_locked(db, 2021) && !ledger_year_locked(db, 2022), "only 2021 is locked");
	d.date = "2021-06-01";
	ok(!ledger_record(db, cat, &d, current_login(), NULL, &err) && strstr(err, "锁定"),
	   "a locked year refuses an add: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(!ledger_void(db, "SCZR-2021-000002", "错", current_login(), &err) && strstr(err, "锁定"),
	   "and a void");
	free(err);
	err = NULL;
	ok(!db_exec(db, "UPDATE txn SET voided_at = 'now' WHERE serial = 'SCZR-2021-000002'", &err),
	   "even a raw void is refused");
	free(err);
	err = NULL;
	ok(ledger_unlock_year(db, 2021, current_login(), &err), "unlock");
	ok(ledger_record(db, cat, &d, current_login(), NULL, &err), "adds again after unlock");
	is_int(db_int(db, 0, "SELECT count(*) FROM audit WHERE action IN ('lock','unlock')"), 2,
	       "lock and unlock audited");

	/* 承诺件: open until done, overdue past the limit. */
	ok(db_exec(db, "UPDATE matter SET time_limit_days = 5 WHERE code = 'jf'", &err), "jf: 5 days");
	struct entry_draft stale = draft("cxjs", "jf", "2022-03-01");
	ok(!ledger_record(db, cat, &stale, current_login(), NULL, &err) && err &&
	   strstr(err, "目录已更新"), "a catalog read before the change is caught: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	catalog_free(cat);
	cat = catalog_read(db, &err);
	struct entry_draft jf = draft("cxjs", "jf", "2022-03-01");
	jf.applicant = "刘家庄村民";
	ok(ledger_record(db, cat, &jf, current_login(), serial, &err), "a 承诺件 recorded");
	char first[128] = "";
	ledger_get(db, cat, serial, keep_first, first, &err);
	ok(strstr(first, "受理") != NULL, "saved as 受理: %s", first);
	int n = 0;
	/* Five working days after Tuesday 2022-03-01 (the day itself not
	 * counted, the weekend skipped): due Tuesday 03-08. */
	is_int(db_int(db, 0, "SELECT due_on = '2022-03-08' FROM txn WHERE matter_id = "
		      "(SELECT id FROM matter WHERE code = 'jf')"), 1, "due on 2022-03-08");
	ok(ledger_overdue(db, cat, "2022-03-07", count_entry, &n, &err) && n == 0,
	   "not overdue after five calendar days");
	ok(ledger_overdue(db, cat, "2022-03-08", count_entry, &n, &err) && n == 0,
	   "nor on the due day");
	ok(ledger_overdue(db, cat, "2022-03-09", count_entry, &n, &err) && n == 1,
	   "overdue the day after");
	ok(!ledger_set_status(db, serial, STATUS_RETURNED, NULL, current_login(), &err),
	   "return needs a reason");
	free(err);
	err = NULL;
	ok(!ledger_set_status(db, serial, STATUS_RETURNED, "  ", current_login(), &err),
	   "and blanks are no reason");
	free(err);
	err = NULL;
	ok(!ledger_set_status(db, serial, STATUS_DONE, NULL, "lisi", &err) && err &&
	   strstr(err, "负责的窗口"), "a clerk of other windows cannot close it: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	ok(ledger_set_status(db, serial, STATUS_DONE, NULL, current_login(), &err), "办结");
	n = 0;
	ok(ledger_overdue(db, cat, "2022-03-09", count_entry, &n, &err) && n == 0, "no longer overdue");
	ok(!ledger_set_status(db, serial, STATUS_DONE, NULL, current_login(), &err), "not twice");
	free(err);
	err = NULL;

	/* Queries. */
	n = 0;
	struct ledger_filter f = { .from = "2021-01-01", .to = "2021-12-31" };
	ok(ledger_query(db, cat, &f, count_entry, &n, &err), "query a year");
	int live = n;
	n = 0;
	f.include_voided = true;
	ledger_query(db, cat, &f, count_entry, &n, &err);
	is_int(n, live + 1, "voided entries only on request");
	n = 0;
	struct ledger_filter byname = { .text = "䶮" };
	ledger_query(db, cat, &byname, count_entry, &n, &err);
	is_int(n, 1, "search by a rare character in the name");
	n = 0;
	struct ledger_filter byid = { .text = "11010519491231002x" };
	ledger_query(db, cat, &byid, count_entry, &n, &err);
	is_int(n, 1, "search by ID number");
	/* A masked ID (110105********002X) shows its last four: enough. */
	n = 0;
	struct ledger_filter bytail = { .text = "002x" };
	ledger_query(db, cat, &bytail, count_entry, &n, &err);
	is_int(n, 1, "search by the last four characters of an ID number");
	n = 0;
	struct ledger_filter short_tail = { .text = "02X" };
	ledger_query(db, cat, &short_tail, count_entry, &n, &err);
	is_int(n, 0, "three characters are too few to match an ID number's end");
	n = 0;
	struct ledger_filter middle = { .text = "1949" };
	ledger_query(db, cat, &middle, count_entry, &n, &err);
	is_int(n, 0, "the middle of an ID number does not match");
	n = 0;
	struct ledger_filter wild = { .text = "%02X" };
	ledger_query(db, cat, &wild, count_entry, &n, &err);
	is_int(n, 0, "a %% in the query is a character, not a wildcard");
	n = 0;
	struct ledger_filter bywin = { .window = catalog_window(cat, "sczr"), .from = "2021-01-01",
				       .to = "2021-12-31" };
	ledger_query(db, cat, &bywin, count_entry, &n, &err);
	is_int(n, 4, "query by window");

	catalog_free(cat);
	db_close(db);
	interchange_order();
	char *path = testdb_path("ledger.db");
	concurrent_serials(path);
	free(path);
	testdb_cleanup();
	return tap_done();
}
