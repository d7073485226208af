/* The workbook plumbing: Excel's day numbers, column widths for Chinese,
 * sheet names Excel takes, and a failed write reported, not hidden. */
#include "xlsx_int.h"
#include "tap.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void test_serial_dates(void)
{
	/* Excel's own numbers for these days. */
	is_int((long long)xlsx_serial_date("1900-01-01"), 1, "1900-01-01 is day 1");
	is_int((long long)xlsx_serial_date("1900-02-28"), 59, "1900-02-28 is day 59");
	is_int((long long)xlsx_serial_date("1900-03-01"), 61, "1900-03-01 is 61 (after Excel's 1900-02-29)");
	is_int((long long)xlsx_serial_date("1970-01-01"), 25569, "1970-01-01 is 25569");
	is_int((long long)xlsx_serial_date("2021-03-15"), 44270, "2021-03-15 is 44270");
	is_int((long long)xlsx_serial_date("2021-02-30"), -1, "no such day: -1");
	is_int((long long)xlsx_serial_date("2021/3/15"), -1, "not the ledger's form: -1");
}

static void test_widths(void)
{
	double digits = xlsx_width("0123456789"), han = xlsx_width("市场准入审批");
	ok(digits >= 10 && digits < 14, "ten digits fit in %.1f", digits);
	ok(han >= 12 && han < 17, "six Chinese characters take about twelve digits' room (%.1f)", han);
	ok(xlsx_width("𠀀") > xlsx_width("0"), "a character outside the BMP is wide too");
	ok(xlsx_width("多行\n备注") < xlsx_width("多行备注"), "a cell of two lines is as wide as its widest");
	ok(xlsx_width("") > 0 && xlsx_width(NULL) > 0, "an empty cell keeps a margin");
}

static void test_sheet_names(void)
{
	char *taken[4] = {"汇总", "文字说明", NULL, NULL};
	char *s = xlsx_sheet_name("市场准入", 1, taken, 2);
	is_str(s, "市场准入", "a window's name as it is");
	taken[2] = s;
	char *d = xlsx_sheet_name("市场准入", 6, taken, 3);
	is_str(d, "市场准入(6)", "a name taken gets its position");
	free(d);
	d = xlsx_sheet_name("汇总", 7, taken, 3);
	is_str(d, "汇总(7)", "the summary's name too");
	free(d);
	d = xlsx_sheet_name("A/B:C*D?[E]\\", 2, taken, 3);
	is_str(d, "A_B_C_D__E__", "characters Excel refuses become _");
	free(d);
	d = xlsx_sheet_name("'引号'", 2, taken, 3);
	is_str(d, "_引号_", "no name starts or ends with '");
	free(d);
	d = xlsx_sheet_name("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", 3, taken, 3);
	is_str(d, "一二三四五六七八九十一二三四五六七八九十一二三四五六", "a long name kept to 26 characters");
	free(d);
	d = xlsx_sheet_name("", 4, taken, 3);
	ok(d && *d, "an empty name gets one (%s)", d ? d : "NULL");
	free(d);
	free(s);
}

static void test_failed_write(void)
{
	FILE *full = fopen("/dev/full", "wb");
	if (!full) {
		ok(1, "# SKIP no /dev/full");
		return;
	}
	struct xlsx_book b;
	char *err = NULL;
	ok(xlsx_book_open(&b, &err), "a workbook opens");
	lxw_worksheet *ws = xlsx_sheet(&b, "表");
	for (uint32_t r = 0; r < 2000; r++)
		xlsx_text(&b, ws, r, 0, "张记面馆", b.text);
	ok(!xlsx_book_finish(&b, true, full, &err), "a full disk fails the workbook");
	ok(err && strstr(err, "写入失败"), "and says so: %s", err ? err : "(nothing)");
	free(err);
	fclose(full);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_serial_dates();
	test_widths();
	test_sheet_names();
	test_failed_write();
	return tap_done();
}
