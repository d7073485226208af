#include "csvio.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "clerk.h"
#include "csvenc.h"
#include "csvrow.h"
#include "db_sql.h"
#include "idcheck.h"
#include "ledger.h"
#include "priv.h"
#include "progress.h"
#include "util.h"

#define REPORT_MAX 100

enum column {
	COL_SERIAL, COL_DATE, COL_TIME, COL_WINDOW, COL_MATTER, COL_CATEGORY, COL_APPLICANT,
	COL_ID_NUMBER, COL_VILLAGE, COL_HOUSEHOLDS, COL_PERSONS, COL_QUANTITY, COL_STATUS,
	COL_CLERK, COL_NOTE, COL_VOID_REASON,
	COL_VOIDED, /* import only: what the .xlsx export adds */
	/* When a file has them: a 承诺件's follow-up (the full export
	 * writes them). */
	COL_PHONE, COL_DUE_ON, COL_DONE_ON,
	NCOLUMNS
};
_Static_assert((int)COL_VOIDED == CSVIO_COL_VOIDED && (int)COL_PHONE == CSVIO_COL_PHONE &&
		       (int)COL_DONE_ON == CSVIO_COL_DONE_ON && (int)NCOLUMNS == CSVIO_NALL_COLUMNS,
	       "csvio.h numbers the columns alike");

static const struct {
	const char *label, *key;
	bool required;
} columns[NCOLUMNS] = {
	[COL_SERIAL] = {"编号", "serial", false},
	[COL_DATE] = {"日期", "date", true},
	[COL_TIME] = {"时间", "time", false},
	[COL_WINDOW] = {"窗口", "window", true},
	[COL_MATTER] = {"事项", "matter", true},
	[COL_CATEGORY] = {"分类", "category", false},
	[COL_APPLICANT] = {"申请人", "applicant", false},
	[COL_ID_NUMBER] = {"证件号码", "id_number", false},
	[COL_VILLAGE] = {"村", "village", false},
	[COL_HOUSEHOLDS] = {"户数", "households", false},
	[COL_PERSONS] = {"人数", "persons", false},
	[COL_QUANTITY] = {"数量", "quantity", false},
	[COL_STATUS] = {"状态", "status", false},
	[COL_CLERK] = {"经办人", "clerk", false},
	[COL_NOTE] = {"备注", "note", false},
	[COL_VOID_REASON] = {"作废原因", "void_reason", false},
	[COL_VOIDED] = {"是否作废", "voided", false},
	[COL_PHONE] = {"联系电话", "phone", false},
	[COL_DUE_ON] = {"承诺办结日期", "due_on", false},
	[COL_DONE_ON] = {"办结日期", "done_on", false},
};

const char *csvio_column_label(int col)
{
	return col >= 0 && col < NCOLUMNS ? columns[col].label : NULL;
}

bool csvio_encoding_parse(const char *name, enum csvio_encoding *out)
{
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0) {
		*out = CSVIO_UTF8;
		return true;
	}
	/* GB18030 agrees with GBK on every GBK character, so a GBK request is
	 * served by the superset that can also hold rare name characters. */
	if (strcasecmp(name, "gb18030") == 0 || strcasecmp(name, "gbk") == 0) {
		*out = CSVIO_GB18030;
		return true;
	}
	return false;
}

const char *csvio_encoding_name(enum csvio_encoding enc)
{
	return enc == CSVIO_GB18030 ? "GB18030" : "UTF-8";
}

/* ---- import ---------------------------------------------------------- */

struct import_ctx {
	struct db *db;
	const struct catalog *cat;
	const char *login;
	struct csvio_import_result *res;
	bool have_header;
	int where[NCOLUMNS]; /* field index of each column, -1 if absent */
	size_t nfields;
	bool *unnamed;       /* per field: a column with no name in the header */
	struct strbuf report; /* "第N行: reason" lines of the first bad rows */
	bool id_as_number;    /* an ID a spreadsheet made a number */
	bool gbk_lost;        /* a name's ? from a GBK save */
};

static void report_bad(struct import_ctx *ic, size_t line, const char *why)
{
	ic->res->bad++;
	if (ic->res->bad > REPORT_MAX)
		return;
	/* Line 0: the message names its line itself. */
	if (line)
		strbuf_addf(&ic->report, "第%zu行: %s\n", line, why);
	else
		strbuf_addf(&ic->report, "%s，其后的行未再检查\n", why);
}

static int column_of(const char *name)
{
	for (int i = 0; i < NCOLUMNS; i++)
		if (strcmp(name, columns[i].label) == 0 || strcasecmp(name, columns[i].key) == 0)
			return i;
	return -1;
}

static bool read_header(struct import_ctx *ic, char **fields, size_t n, size_t line, char **err)
{
	for (int i = 0; i < NCOLUMNS; i++)
		ic->where[i] = -1;
	for (size_t f = 0; f < n; f++) {
		char *name = fields[f];
		while (*name == ' ')
			name++;
		size_t len = strlen(name);
		while (len > 0 && name[len - 1] == ' ')
			name[--len] = '\0';
		if (!*name) {
			/* Excel saves a column that once held something as an
			 * empty one; it is ignored while its cells stay empty. */
			if (!ic->unnamed)
				ic->unnamed = xcalloc(n, sizeof *ic->unnamed);
			ic->unnamed[f] = true;
			continue;
		}
		int c = column_of(name);
		if (c < 0)
			return fail(err, "第%zu行: 表头第%zu列“%s”不是已知的列名（列名见 bianmin(5)，"
				    "如 编号、日期、窗口、事项，或英文 serial、date、window、matter）",
				    line, f + 1, name);
		if (ic->where[c] >= 0)
			return fail(err, "第%zu行: 表头中“%s”出现了两次", line, columns[c].label);
		ic->where[c] = (int)f;
	}
	struct strbuf missing = {0};
	for (int i = 0; i < NCOLUMNS; i++)
		if (columns[i].required && ic->where[i] < 0)
			strbuf_addf(&missing, "%s%s", missing.len ? "、" : "", columns[i].label);
	if (missing.s) {
		fail(err, "第%zu行: 表头缺少必需的列: %s", line, missing.s);
		free(missing.s);
		return false;
	}
	ic->nfields = n;
	ic->have_header = true;
	return true;
}

static const char *cell(const struct import_ctx *ic, char **fields, enum column c)
{
	int f = ic->where[c];
	if (f < 0)
		return NULL;
	const char *s = csvrow_unguard(fields[f]);
	return *s ? s : NULL;
}

/* Empty means "the default" (< 0 for ledger); otherwise plain digits, or
 * digits and a fraction of zeros (3.0, as a spreadsheet may save a count):
 * only what is exactly a whole number. */
static bool parse_count(const char *s, int64_t *out)
{
	if (!s) {
		*out = -1;
		return true;
	}
	int64_t v = 0;
	size_t i = 0;
	for (; s[i] && s[i] != '.'; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 18)
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (i == 0)
		return false;
	if (s[i] == '.') {
		const char *f = s + i + 1;
		if (!*f)
			return false;
		for (; *f; f++)
			if (*f != '0')
				return false;
	}
	*out = v;
	return true;
}

/* A spreadsheet saves a date cell as 2021/6/1 and a time as 9:05:00 AM:
 * they are brought back to the ledger's form.  Anything else is passed on
 * unchanged for the ledger to judge. */
static const char *loose_date(const char *s, char out[DATE_LEN])
{
	return period_loose_date(s, out) ? out : s;
}

static const char *loose_time(const char *s, char out[6])
{
	return period_loose_time(s, out) ? out : s;
}

/* 1.30125197811038E+17: what Excel and Calc make of an 18-digit ID they
 * took for a number.  The digits after the 15th are gone for good.  A
 * 统一社会信用代码 may itself read as such a number (9244030541611E4742):
 * one that passes its check is a code, not a spreadsheet's damage. */
static bool scientific(const char *s)
{
	/* The shape first: the full check runs for every row in the ledger's
	 * insert anyway. */
	const char *p = s;
	if (*p < '0' || *p > '9')
		return false;
	while ((*p >= '0' && *p <= '9') || *p == '.')
		p++;
	if (*p != 'E' && *p != 'e')
		return false;
	p++;
	if (*p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	char valid[19];
	return !*p && !idcheck_validate(s, valid, NULL, NULL);
}

/* All digits, 18 of them, the last three 0: an ID shown at full width
 * after a spreadsheet kept only its first 15 digits. */
static bool rounded_id(const char *s)
{
	size_t n = strlen(s);
	if (n != 18 || strcmp(s + 15, "000") != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* What went wrong in a spreadsheet, said once after the rows it spoiled. */
static const char id_as_number_advice[] =
	"证件号码被电子表格当成了数字：Excel、WPS 和 Calc 打开 CSV 时把全是数字的号码"
	"存成数值，只保留前15位（其后变成 0 或写成 1.30125E+17 这样的科学计数法）。"
	"丢失的位须按原始记录补正；以后请用 bianmin export --format xlsx 导出的 .xlsx "
	"文件编辑，或打开 CSV 时把“证件号码”列设为文本\n";
static const char gbk_advice[] =
	"这个文件是 GBK（CP936）编码：另存为 GBK 的 CSV 会把 GBK 里没有的生僻字（如 䶮、𠀀）"
	"变成“?”，原字已无法从文件找回。请按原始记录改正，以后另存为“CSV UTF-8”，"
	"或用 .xlsx 文件\n";

static bool blank_row(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fields[i][0])
			return false;
	return true;
}

static bool import_row(char **fields, size_t n, size_t line, void *arg, char **err)
{
	struct import_ctx *ic = arg;
	if (!ic->have_header)
		return read_header(ic, fields, n, line, err);
	/* A row of empty cells is Excel's blank line. */
	if (blank_row(fields, n))
		return true;
	ic->res->rows++;
	progress_step("导入", (long long)ic->res->rows, 0, "行");
	if (n != ic->nfields) {
		char why[96];
		snprintf(why, sizeof why, "有 %zu 列，表头有 %zu 列", n, ic->nfields);
		report_bad(ic, line, why);
		return true;
	}
	for (size_t f = 0; ic->unnamed && f < n; f++) {
		if (ic->unnamed[f] && fields[f][0]) {
			char *why = xasprintf("第%zu列表头没有列名，却有内容“%s”", f + 1, fields[f]);
			report_bad(ic, line, why);
			free(why);
			return true;
		}
	}
	char date[DATE_LEN], hm[6], due[DATE_LEN], done[DATE_LEN];

	struct entry_draft d = {
		.serial = cell(ic, fields, COL_SERIAL),
		.window = cell(ic, fields, COL_WINDOW),
		.matter = cell(ic, fields, COL_MATTER),
		.date = loose_date(cell(ic, fields, COL_DATE), date),
		.time = loose_time(cell(ic, fields, COL_TIME), hm),
		.applicant = cell(ic, fields, COL_APPLICANT),
		.id_number = cell(ic, fields, COL_ID_NUMBER),
		.village = cell(ic, fields, COL_VILLAGE),
		.category = cell(ic, fields, COL_CATEGORY),
		.status = cell(ic, fields, COL_STATUS),
		.clerk = cell(ic, fields, COL_CLERK),
		.note = cell(ic, fields, COL_NOTE),
		.void_reason = cell(ic, fields, COL_VOID_REASON),
		.phone = cell(ic, fields, COL_PHONE),
		.due_on = loose_date(cell(ic, fields, COL_DUE_ON), due),
		.done_on = loose_date(cell(ic, fields, COL_DONE_ON), done),
	};
	if (d.id_number && scientific(d.id_number)) {
		char *why = xasprintf("证件号码“%s”成了科学计数法，后面的位已丢失", d.id_number);
		ic->id_as_number = true;
		report_bad(ic, line, why);
		free(why);
		return true;
	}
	/* GBK has no 䶮 or 𠀀: a spreadsheet that saves as GBK (CP936) writes
	 * ? for them, and the name would be recorded wrong without a word. */
	if (ic->res->encoding == CSVIO_GB18030 && d.applicant && strchr(d.applicant, '?')) {
		char *why = xasprintf("申请人“%s”中有“?”，像是以 GBK 保存时丢失的生僻字",
				      d.applicant);
		ic->gbk_lost = true;
		report_bad(ic, line, why);
		free(why);
		return true;
	}
	const char *voided = cell(ic, fields, COL_VOIDED);
	if (voided) {
		const char *why = NULL;
		if (strcmp(voided, "是") != 0 && strcmp(voided, "否") != 0)
			why = "是否作废应为“是”或“否”";
		else if (strcmp(voided, "是") == 0 && !d.void_reason)
			why = "是否作废为“是”，却没有作废原因";
		else if (strcmp(voided, "否") == 0 && d.void_reason)
			why = "有作废原因，是否作废却为“否”";
		if (why) {
			report_bad(ic, line, why);
			return true;
		}
	}
	static const struct {
		enum column col;
		size_t offset;
	} counts[] = {
		{COL_HOUSEHOLDS, offsetof(struct entry_draft, households)},
		{COL_PERSONS, offsetof(struct entry_draft, persons)},
		{COL_QUANTITY, offsetof(struct entry_draft, quantity)},
	};
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
		const char *s = cell(ic, fields, counts[i].col);
		int64_t *v = (int64_t *)((char *)&d + counts[i].offset);
		if (!parse_count(s, v)) {
			char *why = xasprintf("%s“%s”应为不小于 0 的整数",
					      columns[counts[i].col].label, s);
			report_bad(ic, line, why);
			free(why);
			return true;
		}
	}
	if (!d.date) {
		report_bad(ic, line, "日期不能为空");
		return true;
	}

	/* ledger_insert() runs every check of ledger_check() (the same
	 * resolution against the catalog) before it writes, so one call both
	 * checks the row and, inside the transaction, finds what only the
	 * database knows: a serial already taken, a locked year. */
	char *why = NULL;
	if (!ledger_insert(ic->db, ic->cat, &d, ic->login, NULL, &why)) {
		if (db_write_lost(ic->db)) {
			fail(err, "第%zu行: %s", line, why ? why : "无法录入");
			free(why);
			return false;
		}
		if (d.id_number && rounded_id(d.id_number) && why && strstr(why, "证件号码")) {
			char *more = xasprintf("%s（末三位是 000：像是被电子表格当成了数字）", why);
			ic->id_as_number = true;
			free(why);
			why = more;
		}
		report_bad(ic, line, why ? why : "无法录入");
		free(why);
		return true;
	}
	if (d.void_reason)
		ic->res->voided++;
	return true;
}

static bool import_rows(struct import_ctx *ic, FILE *in, const char *path, bool dry_run,
			char **err)
{
	char *stop = NULL;
	bool ok = csvrow_read_file(in, import_row, ic, &stop);
	if (!ok && ic->have_header && stop) {
		/* Broken quoting ends the reading; the rows found bad before it
		 * are still worth reporting with it. */
		ic->res->rows++;
		report_bad(ic, 0, stop);
		ok = true;
	} else if (!ok) {
		fail(err, "%s", stop ? stop : "读取失败");
	}
	free(stop);
	if (ok && !ic->have_header)
		ok = fail(err, "%s 是空文件，没有表头", path);
	if (ok && ic->res->bad > 0) {
		size_t more = ic->res->bad > REPORT_MAX ? ic->res->bad - REPORT_MAX : 0;
		char *tail = more ? xasprintf("……另有 %zu 行有错误未列出\n", more) : xstrdup("");
		fail(err, "导入被拒绝，没有写入任何数据：%zu 行中有 %zu 行有错误\n%s%s%s%s",
		     ic->res->rows, ic->res->bad, ic->report.s, tail,
		     ic->id_as_number ? id_as_number_advice : "", ic->gbk_lost ? gbk_advice : "");
		free(tail);
		ok = false;
	}
	if (!ok || dry_run) {
		db_end_write(ic->db, false, err);
		return ok;
	}
	char *detail = xasprintf("导入 %s %zu 行", path, ic->res->rows);
	ok = db_audit(ic->db, ic->login, "import", 0, detail, err);
	free(detail);
	ok = db_end_write(ic->db, ok, err);
	ic->res->written = ok;
	return ok;
}

/* An import writes many entries at once, in others' names and voided ones
 * too: a supervisor's or an administrator's task. */
static bool may_import(struct import_ctx *ic, char **err)
{
	struct clerk c;
	if (!clerk_get(ic->db, ic->login, &c, err))
		return false;
	bool ok = c.role >= ROLE_SUPERVISOR ||
		  fail(err, "只有主管或管理员可以导入办件（%s 是经办人）", ic->login);
	clerk_clear(&c);
	return ok;
}

static bool import_stream(struct import_ctx *ic, FILE *in, const char *path, bool dry_run,
			  char **err)
{
	/* A file not in date order (one kept by hand in Excel) puts its rows
	 * at random places in the date and serial indexes: SQLite's default
	 * 2 MiB page cache then spills and rewrites the same pages again and
	 * again (a fifth more time for 200,000 shuffled rows).  16 MiB keeps
	 * the import under the 32 MiB the program may use. */
	if (!db_exec(ic->db, "PRAGMA cache_size = -16384", err))
		return false;
	bool ok = db_begin_write(ic->db, err) && may_import(ic, err) &&
		  import_rows(ic, in, path, dry_run, err);
	if (!ok)
		db_end_write(ic->db, false, err); /* import_rows may have ended it already */
	db_exec(ic->db, "PRAGMA cache_size = -2000", NULL); /* SQLite's default */
	return ok;
}

/* A workbook (a zip: .xlsx, .ods) given to import, as the file a clerk
 * just edited: say what it is, not which byte of it is not text. */
static bool is_workbook(const char *path)
{
	if (strcmp(path, "-") == 0)
		return false;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char magic[4] = {0};
	bool zip = fread(magic, 1, sizeof magic, f) == sizeof magic &&
		   memcmp(magic, "PK\x03\x04", 4) == 0;
	fclose(f);
	return zip;
}

bool csvio_import(struct db *db, const struct catalog *cat, const char *path, bool dry_run,
		  const char *login, struct csvio_import_result *res, char **err)
{
	struct csvio_import_result scratch;
	if (!res)
		res = &scratch;
	memset(res, 0, sizeof *res);

	/* The file is the caller's to name, so it is opened with the caller's
	 * rights: a setgid run must not read the ledger's folder for them (an
	 * error message quotes what it read). */
	priv_as_caller_begin();
	bool workbook = is_workbook(path);
	bool converted = false;
	FILE *in = workbook ? NULL : csvenc_open_utf8(path, &converted, err);
	priv_as_caller_end();
	if (workbook)
		return fail(err, "%s 是电子表格工作簿（如 .xlsx），不是 CSV 文件：请在 Excel 或 WPS 中"
			    "“另存为”CSV UTF-8（逗号分隔），再导入另存的文件", path);
	res->encoding = converted ? CSVIO_GB18030 : CSVIO_UTF8;
	if (!in)
		return false;
	struct import_ctx ic = {.db = db, .cat = cat, .login = login, .res = res};
	bool ok = import_stream(&ic, in, path, dry_run, err);
	if (in != stdin)
		fclose(in);
	free(ic.report.s);
	free(ic.unnamed);
	return ok;
}
