/* The rules for texts a user gives (core/text: text_check, text_cp_hidden)
 * and the one escape every printer uses (text_escape_hidden); then every
 * text limit of the program, each tried with 𠀀 (four bytes in UTF-8) at the
 * limit, which must be kept whole, and one past it, which must be refused
 * with a message, never cut. */
#include <locale.h>

#include "tap.h"
#include "testdb.h"
#include "bounds.h"
#include "csvio.h"
#include "holiday.h"
#include "ledger.h"
#include "text.h"

#define EXT_B "\xF0\xA0\x80\x80" /* 𠀀 U+20000 */

/* n times 𠀀, malloc'd. */
static char *ext_b(size_t n)
{
	char *s = xmalloc(4 * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 4 * i, EXT_B, 4);
	s[4 * n] = '\0';
	return s;
}

/* Unicode's own list, where the system has it (package unicode-data). */
static void test_hidden_against_ucd(void)
{
	FILE *f = fopen("/usr/share/unicode/DerivedCoreProperties.txt", "r");
	if (!f) {
		printf("ok %d # SKIP no /usr/share/unicode/DerivedCoreProperties.txt\n", ++tap_n);
		return;
	}
	static bool listed[0x110000];
	char line[512];
	size_t ranges = 0;
	while (fgets(line, sizeof line, f)) {
		unsigned lo, hi;
		char prop[64];
		int n = sscanf(line, "%x..%x ; %63s", &lo, &hi, prop);
		if (n < 3) {
			n = sscanf(line, "%x ; %63s", &lo, prop);
			hi = lo;
			if (n < 2)
				continue;
		}
		if (strcmp(prop, "Default_Ignorable_Code_Point") != 0 || hi > 0x10FFFF)
			continue;
		ranges++;
		for (unsigned cp = lo; cp <= hi; cp++)
			listed[cp] = true;
	}
	fclose(f);
	ok(ranges > 10, "read the Default_Ignorable_Code_Point ranges (%zu)", ranges);
	unsigned missed = 0, extra = 0, first_missed = 0, first_extra = 0;
	for (unsigned cp = 0; cp <= 0x10FFFF; cp++) {
		bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
		bool want = listed[cp] || control;
		if (want && !text_cp_hidden(cp) && !missed++)
			first_missed = cp;
		if (!want && text_cp_hidden(cp) && !extra++)
			first_extra = cp;
	}
	is_int(missed, 0, "every default-ignorable code point is hidden (first missed U+%04X)",
	       first_missed);
	is_int(extra, 0, "and nothing else but controls and U+2028/2029 (first extra U+%04X)",
	       first_extra);
}

static void test_hidden(void)
{
	static const unsigned hidden[] = {
		0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xAD, 0x34F, 0x61C,
		0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F, 0x200B, 0x200C, 0x200D,
		0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0x206F,
		0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A,
		0xE0000, 0xE0001, 0xE007F, 0xE0100, 0xE0FFF,
	};
	for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++)
		ok(text_cp_hidden(hidden[i]), "U+%04X is hidden", hidden[i]);
	static const unsigned shown[] = {
		' ', 'A', '~', 0xA0, 0xE9, 0x4E2D, 0x4DAE, 0x3000, 0x3165, 0x20000, 0x2EBE0,
		0x2027, 0x2030, 0x2070, 0xFE10, 0xFF01, 0xFFFD, 0xE1000, 0x10FFFF,
	};
	for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
		ok(!text_cp_hidden(shown[i]), "U+%04X is shown", shown[i]);
	test_hidden_against_ucd();
}

static void refused(const char *s, bool multiline, const char *want, const char *desc)
{
	char *err = NULL;
	ok(!text_check(s, "申请人", 0, multiline, &err) && err && strstr(err, want),
	   "%s: %s", desc, err ? err : "(accepted)");
	free(err);
}

static void test_check(void)
{
	char *err = NULL;
	ok(text_check(NULL, "申请人", 5, false, &err), "absent text passes");
	ok(text_check("", "申请人", 5, false, &err), "empty text passes");
	ok(text_check("王䶮𠀀 A-1（二）", "申请人", 0, false, &err), "names of every plane pass");
	ok(text_check("第一行\n第二行\r\n第三行", "备注", 0, true, &err),
	   "a multi-line text keeps \\n and \\r\\n: %s", err ? err : "");
	refused("王\u202E五", false, "申请人含有不可见的字符 U+202E（第 2 个字）",
		"a bidi override is named, with the field and where");
	refused("李\u200B四", false, "U+200B", "a zero-width space");
	refused("\u2066张\u2069", false, "U+2066", "a bidi isolate");
	refused("张\u200E", false, "U+200E", "a left-to-right mark");
	refused("张\u061C", false, "U+061C", "an Arabic letter mark");
	refused("张\u00AD三", false, "U+00AD", "a soft hyphen");
	refused("张\uFEFF三", false, "U+FEFF", "a byte order mark inside");
	refused("张\uFE0F三", false, "U+FE0F", "a variation selector");
	refused("张\U000E0041", false, "U+E0041", "a tag character");
	refused("张\u3164", false, "U+3164", "a Hangul filler");
	refused("坏\x1B]0;x\a", false, "申请人含有控制字符 U+001B", "an escape, as a control");
	refused("坏\xC2\x85", false, "控制字符 U+0085", "a C1 control");
	refused("坏\x7F", false, "控制字符 U+007F", "DEL");
	refused("a\tb", true, "U+0009", "a tab even where line breaks are allowed");
	refused("a\rb", true, "U+000D", "a lone carriage return");
	refused("a\nb", false, "U+000A", "a line break in a one-line text");
	refused("a\xFF", false, "无效的字符编码", "invalid UTF-8");
	refused("\xE4\xB8", false, "无效的字符编码", "a cut character");
	refused("王五a\u200B", false, "U+200B（第 4 个字）", "the place counts Chinese characters as one");
	refused("王五\xE4\xB8", false, "第 3 个字处", "a cut character after Chinese ones");
	ok(text_check("张三李四", "申请人", 4, false, &err), "4 Chinese characters pass a limit of 4");
	ok(!text_check("张三李四王", "申请人", 4, false, &err) && strstr(err, "5 个字，最多 4 个"),
	   "5 do not: %s", err ? err : "");
	free(err);
	err = NULL;

	char *at = ext_b(5), *past = ext_b(6);
	ok(text_check(at, "申请人", 5, false, &err), "5 characters of 4 bytes pass a limit of 5");
	ok(!text_check(past, "申请人", 5, false, &err) && strstr(err, "6 个字，最多 5 个"),
	   "counted in characters, not bytes: %s", err ? err : "");
	free(err);
	err = NULL;
	free(at);
	free(past);
}

static void escaped(const char *s, bool keep, const char *want, const char *desc)
{
	char *owned;
	const char *got = text_escape_hidden(s, keep, &owned);
	is_str(got, want, "%s", desc);
	free(owned);
}

static void test_escape(void)
{
	char *owned = (char *)"x";
	const char *clean = "上碑镇 王䶮𠀀 SCZR-2021-000001";
	ok(text_escape_hidden(clean, false, &owned) == clean && owned == NULL,
	   "clean text comes back as it is, no copy");
	ok(text_escape_hidden("abc", true, &owned) != NULL && owned == NULL, "ASCII too");
	is_str(text_escape_hidden(NULL, false, &owned), "", "NULL is empty");
	escaped("王\u202E五", false, "王<U+202E>五", "a bidi override is shown, not obeyed");
	escaped("李\u200B四", false, "李<U+200B>四", "a zero-width space is shown");
	escaped("\x1B[2J", false, "<U+001B>[2J", "an escape sequence cannot drive the terminal");
	escaped("a\xC2\x9B" "31m", false, "a<U+009B>31m", "nor a C1 CSI");
	escaped("a\xFF" "b\xE4\xB8", false, "a<0xFF>b<0xE4><0xB8>", "invalid bytes by value");
	escaped("张\U000E0041", false, "张<U+E0041>", "a tag");
	escaped("\xE4\xB8" "a\xE9\xBF", false, "<0xE4><0xB8>a<0xE9><0xBF>",
		"a Chinese lead byte without its continuation bytes is invalid");
	escaped("\xE4\x80\x80\xE9\xBF\xBF", false, "\xE4\x80\x80\xE9\xBF\xBF",
		"U+4000 and U+9FFF are shown as they are");
	escaped("中\u2060文\u3164", false, "中<U+2060>文<U+3164>",
		"hidden characters between and after Chinese ones are escaped");
	escaped("一\n二\r\n三", true, "一\n二\r\n三", "line breaks kept where asked");
	escaped("一\n二\r\n三", false, "一 二 三", "else shown as spaces");
	escaped("一\r二\t", true, "一<U+000D>二<U+0009>", "a lone CR and a tab are escaped");
	is_int(text_width("王\u202E五"), text_width("王<U+202E>五"),
	       "the width of a text is the width of what is printed");
	char out[64];
	is_str(text_fit(out, sizeof out, "李\u200B四", 10, true, false), "李<U+200B>",
	       "text_fit never cuts an escape: 李 and the escape fill 10 columns");
	is_str(text_fit(out, sizeof out, "李\u200B四", 9, true, false), "李       ",
	       "one column fewer leaves the escape out whole");
}

static struct entry_draft draft(const char *window, const char *matter, const char *date)
{
	/* 设立业务 requires its applicant. */
	return (struct entry_draft){ .window = window, .matter = matter, .date = date,
				     .applicant = "张记面馆", .households = -1, .persons = -1,
				     .quantity = -1 };
}

static char *stored(struct db *db, const char *column, const char *serial)
{
	char *sql = xasprintf("SELECT %s FROM txn WHERE serial = '%s'", column, serial);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	char *v = st && sqlite3_step(st) == SQLITE_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	free(sql);
	return v;
}

/* One limit of an entry's text: n 𠀀 kept whole, n + 1 refused. */
static void entry_limit(struct db *db, struct catalog *cat, const char *label, size_t n,
			void (*set)(struct entry_draft *, const char *), const char *column)
{
	char *at = ext_b(n), *past = ext_b(n + 1), *err = NULL;
	char serial[SERIAL_LEN] = "";
	struct entry_draft d = draft("sczr", "sl", "2021-03-15");
	set(&d, at);
	bool ok_at = db_begin_write(db, &err) && ledger_insert(db, cat, &d, current_login(), serial,
							       &err) && db_end_write(db, true, &err);
	ok(ok_at, "%s of %zu 𠀀 (%zu bytes) is taken: %s", label, n, 4 * n, err ? err : "");
	char *back = ok_at ? stored(db, column, serial) : NULL;
	is_str(back ? back : "", at, "%s is stored whole", label);
	free(back);
	free(err);
	err = NULL;
	set(&d, past);
	int before = (int)db_int(db, -1, "SELECT count(*) FROM txn");
	ok(!ledger_check(cat, &d, &err) && err && strstr(err, "过长") && strstr(err, label),
	   "%s of %zu 𠀀 is refused with a message: %s", label, n + 1, err ? err : "");
	free(err);
	err = NULL;
	bool took = db_begin_write(db, &err) && ledger_insert(db, cat, &d, current_login(), NULL, &err);
	db_end_write(db, false, NULL);
	ok(!took && (int)db_int(db, -1, "SELECT count(*) FROM txn") == before,
	   "and not written");
	free(err);
	free(at);
	free(past);
}

static void set_applicant(struct entry_draft *d, const char *s) { d->applicant = s; }
static void set_note(struct entry_draft *d, const char *s) { d->note = s; }
static void set_reason(struct entry_draft *d, const char *s) { d->void_reason = s; }
static void set_clerk(struct entry_draft *d, const char *s) { d->clerk = s; }

/* Fields that are looked up or parsed refuse hidden characters too, by
 * name, rather than "no such window". */
static void test_lookup_fields(struct catalog *cat)
{
	static const struct {
		const char *label;
		size_t offset;
	} fields[] = {
		{"窗口", offsetof(struct entry_draft, window)},
		{"事项", offsetof(struct entry_draft, matter)},
		{"日期", offsetof(struct entry_draft, date)},
		{"时间", offsetof(struct entry_draft, time)},
		{"编号", offsetof(struct entry_draft, serial)},
		{"证件号码", offsetof(struct entry_draft, id_number)},
		{"村", offsetof(struct entry_draft, village)},
		{"分类", offsetof(struct entry_draft, category)},
		{"状态", offsetof(struct entry_draft, status)},
		{"电话", offsetof(struct entry_draft, phone)},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		struct entry_draft d = draft("sczr", "sl", "2021-03-15");
		d.applicant = "某";
		*(const char **)((char *)&d + fields[i].offset) = "x\u200By";
		char *err = NULL, *want = xasprintf("%s含有不可见的字符 U+200B", fields[i].label);
		ok(!ledger_check(cat, &d, &err) && err && strstr(err, want), "%s: %s",
		   fields[i].label, err ? err : "(accepted)");
		free(want);
		free(err);
	}
}

static void test_entry_limits(struct db *db, struct catalog *cat)
{
	entry_limit(db, cat, "申请人", LEDGER_APPLICANT_MAX, set_applicant, "applicant");
	entry_limit(db, cat, "备注", LEDGER_NOTE_MAX, set_note, "note");
	entry_limit(db, cat, "作废原因", LEDGER_REASON_MAX, set_reason, "void_reason");
	entry_limit(db, cat, "经办人", LOGIN_MAX, set_clerk, "clerk");
}

/* The void and status reasons: once cut at byte 511 by a 512-byte copy. */
static void test_reason_limits(struct db *db, struct catalog *cat)
{
	char serial[SERIAL_LEN], *err = NULL;
	struct entry_draft d = draft("sczr", "sl", "2021-03-16");
	ledger_record(db, cat, &d, current_login(), serial, NULL);
	char *at = ext_b(LEDGER_REASON_MAX), *past = ext_b(LEDGER_REASON_MAX + 1);
	ok(!ledger_void(db, serial, past, current_login(), &err) && err && strstr(err, "过长"),
	   "a void reason of 201 𠀀 is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	char *v = stored(db, "voided_at IS NULL", serial);
	is_str(v ? v : "", "1", "and the entry is not voided");
	free(v);
	ok(ledger_void(db, serial, at, current_login(), &err), "a void reason of 200 𠀀 (800 bytes) "
	   "is taken: %s", err ? err : "");
	v = stored(db, "void_reason", serial);
	is_str(v ? v : "", at, "and stored whole");
	free(v);
	char *sql = xasprintf("SELECT detail FROM audit WHERE action = 'void' AND txn_id = "
			      "(SELECT id FROM txn WHERE serial = '%s')", serial);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	is_str(st && sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : "", at,
	       "the audit holds it whole too");
	sqlite3_finalize(st);
	free(sql);
	free(err);
	err = NULL;
	/* 180 Chinese characters: 540 bytes, the case that used to be cut. */
	struct strbuf cn = { 0 };
	for (int i = 0; i < 180; i++)
		strbuf_add(&cn, "录");
	ledger_record(db, cat, &d, current_login(), serial, NULL);
	ok(ledger_void(db, serial, cn.s, current_login(), &err), "a reason of 180 汉字 is taken");
	v = stored(db, "void_reason", serial);
	is_str(v ? v : "", cn.s, "and kept whole (540 bytes)");
	free(v);
	free(cn.s);

	struct entry_draft open = draft("sczr", "sl", "2021-03-16");
	open.status = "受理";
	ledger_record(db, cat, &open, current_login(), serial, NULL);
	ok(!ledger_set_status(db, serial, STATUS_RETURNED, past, current_login(), &err) && err &&
	   strstr(err, "过长"), "a 退回 reason of 201 𠀀 is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(ledger_set_status(db, serial, STATUS_RETURNED, at, current_login(), &err),
	   "one of 200 𠀀 is taken: %s", err ? err : "");
	sql = xasprintf("SELECT detail FROM audit WHERE action = 'return' AND txn_id = "
			"(SELECT id FROM txn WHERE serial = '%s')", serial);
	st = db_prepare(db, sql, NULL);
	char *want = xasprintf("退回: %s", at);
	is_str(st && sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : "", want,
	       "and audited whole");
	sqlite3_finalize(st);
	free(sql);
	free(want);
	free(err);
	free(at);
	free(past);
}

static void test_name_limits(struct db *db)
{
	char *err = NULL;
	char *at = ext_b(CLERK_NAME_MAX), *past = ext_b(CLERK_NAME_MAX + 1);
	struct clerk k = { .login = (char *)"limit_test", .name = past, .role = ROLE_CLERK,
			   .windows = (char *)"" };
	ok(!clerk_put(db, &k, current_login(), &err) && err && strstr(err, "过长"),
	   "a clerk's name of 33 𠀀 is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	k.name = at;
	ok(clerk_put(db, &k, current_login(), &err), "32 are taken: %s", err ? err : "");
	struct clerk back = { 0 };
	ok(clerk_get(db, "limit_test", &back, &err) && strcmp(back.name, at) == 0,
	   "and kept whole");
	clerk_clear(&back);
	k.name = (char *)"王\u202E五";
	ok(!clerk_put(db, &k, current_login(), &err) && err && strstr(err, "U+202E") &&
	   strstr(err, "经办人姓名"), "a hidden character in the name is named: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	free(at);
	free(past);

	at = ext_b(CLERK_CENTER_MAX);
	past = ext_b(CLERK_CENTER_MAX + 1);
	ok(!clerk_set_center(db, past, current_login(), &err) && err && strstr(err, "过长"),
	   "a center's name of 65 𠀀 is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(clerk_set_center(db, at, current_login(), &err), "64 are taken: %s", err ? err : "");
	char *center = db_setting(db, "center");
	is_str(center ? center : "", at, "and kept whole");
	free(center);
	ok(!clerk_set_center(db, "上碑镇\u200B中心", current_login(), &err) && err &&
	   strstr(err, "中心名称含有不可见的字符 U+200B"), "a zero-width space is named: %s",
	   err ? err : "");
	free(err);
	free(at);
	free(past);
}

/* Catalog and village names: limit and one past, in a file. */
static void catalog_limit(struct db *db, const char *what, size_t n, bool villages,
			  const char *(*row)(const char *name))
{
	char *err = NULL;
	for (size_t k = n; k <= n + 1; k++) {
		char *name = ext_b(k);
		char *text = xasprintf("%s", row(name));
		bool loaded = villages ? village_load_csv(db, text, strlen(text), current_login(), &err)
				       : catalog_load_csv(db, text, strlen(text), current_login(), &err);
		if (k == n)
			ok(loaded, "a %s of %zu 𠀀 loads: %s", what, k, err ? err : "");
		else
			ok(!loaded && err && strstr(err, "过长"), "one of %zu is refused: %s", k,
			   err ? err : "");
		free(err);
		err = NULL;
		free(text);
		free(name);
	}
}

static char row_buf[1024];
static const char *window_row(const char *name)
{
	snprintf(row_buf, sizeof row_buf, "窗口代码,窗口,事项代码,事项,单位\nsczr,%s,sl,设立业务,项\n",
		 name);
	return row_buf;
}
static const char *matter_row(const char *name)
{
	snprintf(row_buf, sizeof row_buf, "窗口代码,窗口,事项代码,事项,单位\nsczr,市场准入,sl,%s,项\n",
		 name);
	return row_buf;
}
static const char *category_row(const char *name)
{
	snprintf(row_buf, sizeof row_buf,
		 "窗口代码,窗口,事项代码,事项,单位,分类\nsczr,市场准入,sl,设立业务,项,新办|%s\n", name);
	return row_buf;
}
static const char *village_row(const char *name)
{
	snprintf(row_buf, sizeof row_buf, "代码,村\nyc,%s\n", name);
	return row_buf;
}

static void test_catalog_limits(void)
{
	struct db *db = testdb_open("catalog-limits.db");
	catalog_limit(db, "窗口名称", CATALOG_WINDOW_NAME_MAX, false, window_row);
	catalog_limit(db, "事项名称", CATALOG_MATTER_NAME_MAX, false, matter_row);
	catalog_limit(db, "分类", CATALOG_CATEGORY_MAX, false, category_row);
	catalog_limit(db, "村名", CATALOG_VILLAGE_NAME_MAX, true, village_row);
	char *err = NULL;
	for (size_t k = 30; k <= 31; k++) {
		char *name = ext_b(k);
		char *csv = xasprintf("日期,类型,名称\n2021-10-01,休,%s\n", name);
		bool loaded = holiday_load_csv(db, csv, strlen(csv), current_login(), &err);
		if (k == 30)
			ok(loaded, "a holiday's name of 30 𠀀 loads: %s", err ? err : "");
		else
			ok(!loaded && err && strstr(err, "名称过长"), "31 are refused: %s",
			   err ? err : "");
		free(err);
		err = NULL;
		free(csv);
		free(name);
	}
	const char *bidi = "窗口代码,窗口,事项代码,事项,单位\nsczr,市场\u202E准入,sl,设立业务,项\n";
	ok(!catalog_load_csv(db, bidi, strlen(bidi), current_login(), &err) && err &&
	   strstr(err, "第2行") && strstr(err, "U+202E") && strstr(err, "“窗口”"),
	   "a bidi override in a catalog cell is named with its line and column: %s",
	   err ? err : "");
	free(err);
	db_close(db);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_hidden();
	test_check();
	test_escape();
	char *err = NULL;
	struct db *db = testdb_open("textrules.db");
	struct catalog *cat = catalog_read(db, &err);
	test_lookup_fields(cat);
	test_entry_limits(db, cat);
	test_reason_limits(db, cat);
	test_name_limits(db);
	catalog_free(cat);
	db_close(db);
	test_catalog_limits();
	testdb_cleanup();
	return tap_done();
}
