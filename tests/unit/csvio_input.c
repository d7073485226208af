/* csvio: files that did not come from export: other column orders and
 * names, hand-typed guards, standard input, what Excel saves, serials given
 * by hand. */
#include "csvio_env.h"

static void test_flexible_input(void)
{
	struct env e = fresh();
	/* English keys, another order, optional columns left out, no BOM, LF,
	 * a guarded cell typed by hand, codes instead of names. */
	const char *text = "Matter,WINDOW,date,applicant,village,note\n"
			   "sl,sczr,2021-04-01,'=1+1,dnj,\"'-x\"\n"
			   "yt,卫生健康,2021-04-02,张三,,\n";
	char *path = write_file("keys.csv", text, strlen(text));
	struct csvio_import_result res;
	char *err = NULL;
	ok(import_file(&e, path, false, &res, &err), "English keys in any order");
	diag(err);
	free(err);
	is_int(res.rows, 2, "two rows");
	char *applicant = db_text(e.db, "SELECT applicant FROM txn ORDER BY id LIMIT 1");
	is_str(applicant, "=1+1", "the guard's ' removed on the way in");
	free(applicant);
	char *note = db_text(e.db, "SELECT note FROM txn ORDER BY id LIMIT 1");
	is_str(note, "-x", "in quoted cells too");
	free(note);
	char *village = db_text(e.db, "SELECT v.name FROM txn JOIN village v ON v.id = village_id");
	is_str(village, "东南街", "village by code");
	free(village);
	is_int(db_int(e.db, -1, "SELECT count(*) FROM txn WHERE clerk = 'tester' AND "
				"households = 1 AND persons = 1 AND quantity = 1 AND status = '办结'"),
	       2, "defaults for the columns left out");
	free(path);

	/* Standard input is spooled; a BOM is fine there too. */
	char *bom = xasprintf("\xEF\xBB\xBF%s", "日期,窗口,事项\r\n2021-07-01,sczr,zx\r\n");
	path = write_file("stdin.csv", bom, strlen(bom));
	FILE *saved = stdin;
	stdin = fopen(path, "rb");
	err = NULL;
	ok(import_file(&e, "-", false, &res, &err), "standard input");
	diag(err);
	fclose(stdin);
	stdin = saved;
	is_int(res.rows, 1, "one row from standard input");
	free(err);
	free(bom);
	free(path);

	enum csvio_encoding enc;
	ok(csvio_encoding_parse("GBK", &enc) && enc == CSVIO_GB18030, "gbk is GB18030");
	ok(csvio_encoding_parse("utf-8", &enc) && enc == CSVIO_UTF8, "utf-8");
	ok(!csvio_encoding_parse("latin1", &enc), "latin1 refused");
	done(&e);
}

/* A given 编号 must be this window's and this year's. */
static void test_serials(void)
{
	struct env e = fresh();
	static const struct {
		const char *serial, *want;
	} cases[] = {
		{"SCZR-2021-000001", NULL},
		{"SCZR-2021-999999", NULL},
		{"SCZR-2020-000001", "年份与日期 2021 年不符"},
		{"SCZR-2021-000000", "格式不对"},
		{"SCZR-2021-00001", "格式不对"},
		{"SCZR-2021-0000001", "格式不对"},
		{"SCZR-2021-00000a", "格式不对"},
		{"SCZR+2021-000001", "格式不对"},
		{"SCZR-2021+000001", "格式不对"},
		{"SCZR-+021-000001", "格式不对"},
		{"sczr-2021-000001", "格式不对"},
		{"WSJK-2021-000001", "格式不对"},
		{"SCZ-2021-000001", "格式不对"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *text = xasprintf("serial,date,window,matter\n%s,2021-03-01,sczr,sl\n",
				       cases[i].serial);
		char *path = write_file("serial.csv", text, strlen(text));
		char *err = NULL;
		bool good = import_file(&e, path, true, NULL, &err);
		if (!cases[i].want)
			ok(good, "serial %s accepted", cases[i].serial);
		else
			ok(!good && err && strstr(err, cases[i].want), "serial %s refused: %s",
			   cases[i].serial, cases[i].want);
		diag(err);
		free(err);
		free(path);
		free(text);
	}
	done(&e);
}

/* What Excel makes of an export it opened and saved again. */
static void test_excel_saved(void)
{
	struct env e = fresh();
	const char *text = "编号,日期,时间,窗口,事项,申请人,\r\n"
			   "SCZR-2021-000001,2021/1/4,8:05,市场准入,设立业务,张三,\r\n"
			   ",,,,,,\r\n"
			   "SCZR-2021-000002,2021/12/31,17:30,市场准入,变更业务,=SUM(A1),\r\n";
	char *path = write_file("excel.csv", text, strlen(text));
	struct csvio_import_result res;
	char *err = NULL;
	ok(import_file(&e, path, false, &res, &err), "Excel's dates, times and blank cells import");
	diag(err);
	free(err);
	is_int(res.rows, 2, "the blank row is skipped");
	char *got = db_text(e.db, "SELECT group_concat(occurred_on || ' ' || occurred_at, ',') "
				  "FROM txn");
	is_str(got, "2021-01-04 08:05,2021-12-31 17:30", "dates and times in their own form");
	free(got);
	free(path);

	text = "日期,窗口,事项,\n2021-01-04,sczr,sl,x\n";
	path = write_file("unnamed.csv", text, strlen(text));
	err = NULL;
	ok(!import_file(&e, path, false, NULL, &err), "content under a column with no name");
	ok(err && strstr(err, "第2行: 第4列表头没有列名"), "is named");
	diag(err);
	free(err);
	free(path);

	static const char *const bad[] = {"2021/13/4", "2021/1/4/", "21/1/4", "2021/1-4",
					  "2021/001/4", "2021-1-32"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *t = xasprintf("日期,窗口,事项\n%s,sczr,sl\n", bad[i]);
		path = write_file("baddate.csv", t, strlen(t));
		err = NULL;
		ok(!import_file(&e, path, true, NULL, &err) && err && strstr(err, "日期"),
		   "date %s refused", bad[i]);
		free(err);
		free(path);
		free(t);
	}
	static const char *const bad_times[] = {"8:5", "24:00", "8:05:30", "123:00", ":05",
					        "13:05 PM"};
	for (size_t i = 0; i < sizeof bad_times / sizeof *bad_times; i++) {
		char *t = xasprintf("日期,时间,窗口,事项\n2021-01-04,%s,sczr,sl\n", bad_times[i]);
		path = write_file("badtime.csv", t, strlen(t));
		err = NULL;
		ok(!import_file(&e, path, true, NULL, &err) && err && strstr(err, "时间"),
		   "time %s refused", bad_times[i]);
		free(err);
		free(path);
		free(t);
	}
	done(&e);
}

int main(void)
{
	if (!env_setup())
		return 1;
	test_flexible_input();
	test_serials();
	test_excel_saved();
	env_cleanup();
	return tap_done();
}
