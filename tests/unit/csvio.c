/* csvio: the interchange file.  A round trip is byte-identical, an import
 * is all or nothing with every bad row named by its line, GB18030 converts
 * both ways. */
/* memmem */
#define _GNU_SOURCE
#include <iconv.h>

#include "csvio_env.h"

static void fill_source(struct env *e)
{
	char id[19];
	make_id(id, "11010519491231002");
	record(e, (struct entry_draft){.window = "sczr", .matter = "sl", .date = "2021-01-04",
				       .time = "08:30", .applicant = "上碑镇\"老字号\",有限公司",
				       .note = "第一行\r\n第二行, 带逗号"});
	record(e, (struct entry_draft){.window = "市场准入", .matter = "变更业务",
				       .date = "2021-01-04", .applicant = "=SUM(A1)",
				       .note = "-5"});
	record(e, (struct entry_draft){.window = "wsjk", .matter = "xnh", .date = "2021-02-01",
				       .time = "09:05", .applicant = "王䶮", .id_number = id,
				       .village = "杨村", .households = 2, .persons = 5});
	record(e, (struct entry_draft){.window = "msbz", .matter = "tk", .date = "2021-03-15",
				       .applicant = "𠀀先生", .category = "终止",
				       .village = "北埌坝村", .note = "@提醒 +1"});
	record(e, (struct entry_draft){.window = "sjfw", .matter = "ydz", .date = "2021-03-15",
				       .applicant = " 前后有空格 ", .category = "更换",
				       .quantity = 3, .status = "受理", .note = "\r\n换行开头"});
	record(e, (struct entry_draft){.window = "cxjs", .matter = "jf", .date = "2021-12-31",
				       .time = "17:59", .applicant = "刘家庄村委会",
				       .village = "ljz", .note = "''已有引号 '=x"});
	record(e, (struct entry_draft){.window = "wsjk", .matter = "sd", .date = "2021-06-01",
				       .households = 1, .persons = 0, .applicant = "零人户"});
	char *err = NULL;
	if (!ledger_void(e->db, "SCZR-2021-000002", "重复录入, 见 \"SCZR-2021-000001\"", LOGIN,
			 &err))
		printf("# void failed: %s\n", err ? err : "");
	free(err);
}

static void test_round_trip(void)
{
	struct env a = fresh();
	fill_source(&a);
	size_t len_a = 0;
	char *text_a = export_text(&a, CSVIO_UTF8, &len_a);
	ok(len_a > 3 && memcmp(text_a, "\xEF\xBB\xBF", 3) == 0, "export starts with the BOM");
	const char *header = "\xEF\xBB\xBF\"编号\",\"日期\",\"时间\",\"窗口\",\"事项\",\"分类\",\"申请人\","
			     "\"证件号码\",\"村\",\"户数\",\"人数\",\"数量\",\"状态\",\"经办人\",\"备注\","
			     "\"作废原因\"\r\n";
	ok(strncmp(text_a, header, strlen(header)) == 0, "header row in the agreed order");
	ok(strstr(text_a, "\"SCZR-2021-000002\",\"2021-01-04\",\"\",\"市场准入\",\"变更业务\",\"\","
			  "\"'=SUM(A1)\",\"\",\"\",\"1\",\"1\",\"1\",\"办结\",\"tester\",\"'-5\","
			  "\"重复录入, 见 \"\"SCZR-2021-000001\"\"\"\r\n") != NULL,
	   "voided row with its reason, formula cells guarded, names not codes");
	ok(strstr(text_a, "\"王䶮\",\"11010519491231002X\",\"杨村\",\"2\",\"5\"") != NULL,
	   "village by name, numbers as written");
	ok(strstr(text_a, "\"第一行\r\n第二行, 带逗号\"") != NULL, "CRLF inside a quoted field");

	char *path = write_file("a.csv", text_a, len_a);
	struct env b = fresh();
	struct csvio_import_result res;
	char *err = NULL;
	ok(import_file(&b, path, false, &res, &err), "export of A imports into B");
	diag(err);
	free(err);
	is_int(res.rows, 7, "seven rows");
	is_int(res.voided, 1, "one of them voided");
	ok(res.written, "written");
	is_int(res.encoding, CSVIO_UTF8, "detected as UTF-8");
	size_t len_b = 0;
	char *text_b = export_text(&b, CSVIO_UTF8, &len_b);
	ok(len_a == len_b && memcmp(text_a, text_b, len_a) == 0, "round trip is byte-identical");
	if (len_a != len_b || memcmp(text_a, text_b, len_a) != 0)
		printf("# A:\n%s\n# B:\n%s\n", text_a, text_b);
	is_int(db_int(b.db, -1, "SELECT count(*) FROM audit WHERE action = 'import' AND "
				"detail LIKE '导入 %a.csv 7 行'"), 1, "one audit line for the import");

	/* Later serials continue above the imported ones. */
	char serial[SERIAL_LEN] = "";
	struct entry_draft d = {.window = "sczr", .matter = "sl", .date = "2021-05-05", .applicant = "张记面馆",
				.households = -1, .persons = -1, .quantity = -1};
	ok(ledger_record(b.db, b.cat, &d, LOGIN, serial, NULL), "record after import");
	is_str(serial, "SCZR-2021-000003", "serial counter continues after imported serials");

	/* GB18030: the same text, converted back by iconv(3). */
	size_t len_g = 0;
	char *text_g = export_text(&a, CSVIO_GB18030, &len_g);
	ok(len_g > 3 && memcmp(text_g, "\xEF\xBB\xBF", 3) != 0, "no BOM in GB18030");
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *back = xmalloc(len_g * 4 + 1);
	char *ip = text_g, *op = back;
	size_t il = len_g, ol = len_g * 4;
	ok(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0, "GB18030 output converts back");
	iconv_close(cd);
	size_t len_back = (size_t)(op - back);
	ok(len_back == len_a - 3 && memcmp(back, text_a + 3, len_back) == 0,
	   "and gives the UTF-8 export's text");
	ok(memmem(text_g, len_g, "\xCD\xF5", 2) != NULL, "王 is GB18030 bytes, not UTF-8");
	free(back);

	char *gpath = write_file("g.csv", text_g, len_g);
	struct env c = fresh();
	err = NULL;
	ok(import_file(&c, gpath, false, &res, &err), "GB18030 file imports");
	diag(err);
	free(err);
	is_int(res.encoding, CSVIO_GB18030, "detected as GB18030");
	char *text_c = export_text(&c, CSVIO_UTF8, NULL);
	is_str(text_c, text_a, "GB18030 import gives the same ledger");

	free(text_a);
	free(text_b);
	free(text_c);
	free(text_g);
	free(path);
	free(gpath);
	done(&a);
	done(&b);
	done(&c);
}

static const char *HEADER = "编号,日期,时间,窗口,事项,分类,申请人,证件号码,村,户数,人数,数量,状态,经办人,备注,作废原因\r\n";

/* n rows of 1,000 good ones; the row at index `bad_at` (if >= 0) has an ID
 * number with a wrong check character. */
static char *thousand(int bad_at, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	fputs(HEADER, f);
	for (int i = 0; i < 1000; i++) {
		char first17[18], id[19];
		snprintf(first17, sizeof first17, "3301061985%02d%02d%03d", i % 12 + 1, i % 28 + 1,
			 i % 1000);
		make_id(id, first17);
		if (i == bad_at)
			id[17] = id[17] == '0' ? '1' : '0';
		fprintf(f, ",2021-%02d-%02d,10:%02d,wsjk,gk,,考生%d,%s,,,1,,,,,\r\n", i % 12 + 1,
			i % 28 + 1, i % 60, i, id);
	}
	fclose(f);
	*len = n;
	return buf;
}

static void test_all_or_nothing(void)
{
	struct env e = fresh();
	size_t len;
	char *text = thousand(500, &len);
	char *path = write_file("bad1000.csv", text, len);
	struct csvio_import_result res;
	char *err = NULL;
	int64_t before = count_txn(&e), audits = count_audit(&e);
	ok(!import_file(&e, path, false, &res, &err), "one bad 身份证 in 1,000 rows refuses the file");
	is_int(count_txn(&e), before, "nothing written");
	is_int(count_audit(&e), audits, "no audit line");
	ok(err && strstr(err, "第502行: 证件号码") != NULL, "the bad row named by its line");
	diag(err);
	ok(err && strstr(err, "校验") != NULL, "with the reason");
	is_int(res.bad, 1, "one bad row");
	is_int(res.rows, 1000, "all rows looked at");
	ok(!res.written, "result says nothing written");
	free(err);
	free(text);
	free(path);

	text = thousand(-1, &len);
	path = write_file("good1000.csv", text, len);
	err = NULL;
	ok(import_file(&e, path, true, &res, &err), "dry run of the good file passes");
	diag(err);
	is_int(count_txn(&e), before, "dry run writes nothing");
	is_int(count_audit(&e), audits, "dry run audits nothing");
	ok(!res.written, "dry run: not written");
	is_int(res.rows, 1000, "dry run checked 1,000 rows");
	free(err);
	err = NULL;
	ok(import_file(&e, path, false, &res, &err), "without the bad row all 1,000 land");
	diag(err);
	is_int(count_txn(&e), before + 1000, "1,000 rows written");
	is_int(count_audit(&e), audits + 1, "one audit line");
	ok(res.written, "written");
	free(err);

	free(text);
	free(path);
	done(&e);
}

static void expect_refused(struct env *e, const char *name, const char *text,
			   const char *want1, const char *want2, const char *what)
{
	char *path = write_file(name, text, strlen(text));
	char *err = NULL;
	int64_t before = count_txn(e);
	ok(!import_file(e, path, false, NULL, &err), "%s: refused", what);
	ok(err && strstr(err, want1) != NULL, "%s: says %s", what, want1);
	diag(err);
	if (want2)
		ok(err && strstr(err, want2) != NULL, "%s: also %s", what, want2);
	is_int(count_txn(e), before, "%s: nothing written", what);
	free(err);
	free(path);
}

static void test_bad_files(void)
{
	struct env e = fresh();
	expect_refused(&e, "unknown.csv", "日期,窗口,事项,颜色\n2021-01-01,sczr,sl,红\n",
		       "第1行: 表头第4列“颜色”", NULL, "unknown column");
	expect_refused(&e, "missing.csv", "日期,申请人\n2021-01-01,张三\n", "缺少必需的列: 窗口、事项",
		       NULL, "missing required columns");
	expect_refused(&e, "twice.csv", "日期,窗口,事项,date\n", "“日期”出现了两次", NULL,
		       "duplicate column");
	expect_refused(&e, "empty.csv", "", "空文件", NULL, "empty file");
	expect_refused(&e, "many.csv",
		       "date,window,matter,persons,note\n"
		       "2021-01-01,sczr,sl,1,\"跨\n两行\"\n"
		       "2021-02-30,sczr,sl,1,\n"
		       "2021-01-01,sczr,无此事项,1,\n"
		       "2021-01-01,sczr,sl,-2,\n"
		       "2021-01-01,sczr,sl,1\n"
		       "2021-01-01,sczr,sl,1,ok\n",
		       "第4行: 日期", "第5行: ", "every bad row reported");
	char *err = NULL;
	char *path = write_file("many3.csv", "date,window,matter,persons,note\n"
				       "2021-01-01,sczr,sl,1,\"跨\n两行\"\n"
				       "2021-01-01,sczr,sl,-2,\n"
				       "2021-01-01,sczr,sl,1\n",
			  strlen("date,window,matter,persons,note\n"
				 "2021-01-01,sczr,sl,1,\"跨\n两行\"\n"
				 "2021-01-01,sczr,sl,-2,\n"
				 "2021-01-01,sczr,sl,1\n"));
	ok(!import_file(&e, path, false, NULL, &err), "count and field errors refused");
	ok(err && strstr(err, "第4行: 人数“-2”") != NULL, "negative count on its line");
	diag(err);
	ok(err && strstr(err, "第5行: 有 4 列，表头有 5 列") != NULL, "short row on its line");
	free(err);
	free(path);

	expect_refused(&e, "quote.csv", "date,window,matter\n2021-01-01,sczr,sl\n2021-01-01,\"sczr\"x,sl\n",
		       "第3行: CSV 格式错误", "其后的行未再检查", "broken quoting");
	expect_refused(&e, "quote2.csv",
		       "date,window,matter\n2021-02-30,sczr,sl\n2021-01-01,\"sczr\"x,sl\n",
		       "第2行: 日期", "第3行: CSV 格式错误", "bad rows before broken quoting still named");
	expect_refused(&e, "dup.csv",
		       "serial,date,window,matter\n"
		       "SCZR-2021-000007,2021-01-01,sczr,sl\n"
		       "SCZR-2021-000007,2021-01-02,sczr,sl\n",
		       "第3行: 编号 SCZR-2021-000007 已存在", NULL, "duplicate serial in the file");
	expect_refused(&e, "binary.csv", "date,window,matter\n2021-01-01,sczr,\x80\xFF\n",
		       "不是 GB18030", NULL, "neither UTF-8 nor GB18030");

	/* 150 bad rows: the first 100 listed, the rest counted. */
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	fputs("date,window,matter\n", f);
	for (int i = 0; i < 150; i++)
		fputs("2021-13-01,sczr,sl\n", f);
	fclose(f);
	expect_refused(&e, "150.csv", buf, "第101行:", "另有 50 行", "long reports are capped");
	path = write_file("150b.csv", buf, n);
	err = NULL;
	import_file(&e, path, false, NULL, &err);
	ok(err && strstr(err, "第102行") == NULL && strstr(err, "150 行有错误"),
	   "the 101st bad row is not listed, the total is given");
	free(err);
	free(path);
	free(buf);
	done(&e);
}

/* A row in a locked year refuses the whole file. */
static void test_locked_year(void)
{
	struct env e = fresh();
	char *err = NULL;
	ok(ledger_lock_year(e.db, 2020, LOGIN, &err), "lock 2020");
	diag(err);
	free(err);

	const char *text = "date,window,matter\n2021-05-01,sczr,sl\n2020-12-31,sczr,bg\n";
	char *path = write_file("locked.csv", text, strlen(text));
	err = NULL;
	ok(!import_file(&e, path, false, NULL, &err), "a row in a locked year refuses the file");
	ok(err && strstr(err, "第3行: ") && strstr(err, "锁定"), "the locked row is named");
	diag(err);
	free(err);
	is_int(count_txn(&e), 0, "nothing written");
	free(path);

	text = "date,window,matter\n2021-05-01,sczr,sl\n";
	path = write_file("open.csv", text, strlen(text));
	err = NULL;
	ok(import_file(&e, path, false, NULL, &err), "a row in an open year imports");
	diag(err);
	free(err);
	is_int(count_txn(&e), 1, "and is written");
	free(path);
	done(&e);
}

/* A full disk is reported, in either encoding. */
static void test_export_failure(void)
{
	struct env e = fresh();
	record(&e, (struct entry_draft){.window = "sczr", .matter = "sl", .date = "2021-01-04",
					.applicant = "张三"});
	for (int enc = 0; enc < 2; enc++) {
		FILE *f = fopen("/dev/full", "w");
		if (!f)
			continue;
		char *err = NULL;
		ok(!csvio_export_year(e.db, e.cat, 2021, f, enc ? CSVIO_GB18030 : CSVIO_UTF8, &err),
		   "%s export to a full disk fails", enc ? "GB18030" : "UTF-8");
		ok(err && strstr(err, "失败"), "with a message");
		diag(err);
		free(err);
		fclose(f);
	}
	done(&e);
}

/* The database fills up half way: SQLite rolls the transaction back by
 * itself, and the import must stop there, not commit the rest row by row. */
static void test_full_database(void)
{
	struct env e = fresh();
	size_t cap = 0, len = 0;
	char *text = NULL;
	const char head[] = "date,window,matter,applicant,note\n";
	text = xgrow(text, &cap, sizeof head, 1);
	memcpy(text, head, sizeof head);
	len = sizeof head - 1;
	for (int i = 0; i < 3000; i++) {
		char *row = xasprintf("2021-03-%02d,sczr,sl,商户%d,%0200d\n", 1 + i % 28, i, i);
		size_t n = strlen(row);
		text = xgrow(text, &cap, len + n + 1, 1);
		memcpy(text + len, row, n + 1);
		len += n;
		free(row);
	}
	char *path = write_file("big.csv", text, len);
	free(text);
	int64_t pages = db_int(e.db, 0, "PRAGMA page_count");
	char *limit = xasprintf("PRAGMA max_page_count = %lld", (long long)pages + 40);
	char *err = NULL;
	ok(db_exec(e.db, limit, &err), "the database may grow only a little");
	free(limit);
	ok(!import_file(&e, path, false, NULL, &err), "an import that fills it fails");
	ok(err && strstr(err, "行"), "naming where");
	diag(err);
	free(err);
	err = NULL;
	is_int(count_txn(&e), 0, "and nothing at all is written");
	is_int(db_int(e.db, -1, "SELECT count(*) FROM audit WHERE action = 'import'"), 0,
	       "nor audited");
	free(path);
	done(&e);
}

/* A clerk records at the counter; a file of entries is for a supervisor. */
static void test_clerk_may_not_import(void)
{
	struct env e = fresh();
	char *err = NULL;
	struct clerk chief = {.login = "chief", .name = "主任", .role = ROLE_ADMIN, .windows = ""};
	struct clerk me = {.login = LOGIN, .name = "测试", .role = ROLE_CLERK, .windows = ""};
	ok(clerk_put(e.db, &chief, LOGIN, &err) && clerk_put(e.db, &me, LOGIN, &err),
	   "this account is now a plain clerk");
	const char *text = "date,window,matter\n2021-05-01,sczr,sl\n";
	char *path = write_file("clerk.csv", text, strlen(text));
	ok(!import_file(&e, path, false, NULL, &err) && err && strstr(err, "主管"),
	   "a clerk cannot import");
	diag(err);
	free(err);
	is_int(count_txn(&e), 0, "nothing written");
	free(path);
	done(&e);
}

int main(void)
{
	if (!env_setup())
		return 1;
	test_full_database();
	test_clerk_may_not_import();
	test_round_trip();
	test_all_or_nothing();
	test_bad_files();
	test_locked_year();
	test_export_failure();
	env_cleanup();
	return tap_done();
}
