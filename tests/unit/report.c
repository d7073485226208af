/* The annual report against the 上碑镇 2021 figures: a temporary database
 * imports tests/fixtures/shangbei-2021.csv (2020, 2021 and 2022 entries,
 * some voided) and every window figure of the reference report must come
 * out, in the table, the CSV and the paragraph. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "csvio.h"
#include "db_sql.h"
#include "ledger.h"
#include "report.h"
#include "tap.h"
#include "text.h"
#include "util.h"

static const char narrative_2021[] =
	"市场准入窗口共办理设立业务234项，变更业务43项，注销业务122项，增补执照业务11项，"
	"合计410项业务；"
	"卫生健康窗口办理第一个子女生育登记卡45人、第二个子女生育登记卡51个，"
	"受理大学生高考加分6人，办理独生子女证9个，办理失独老人补贴领取1户1人，"
	"办理独生子女和双女户新农合补贴143户433人，卫生法律法规宣传、咨询服务50人次，"
	"生育政策咨询服务30人次；"
	"民生保障窗口办理困难老人补贴13户，最低生活保障申请初审37户，"
	"特困人员申请、终止审核13人次，困难残疾人申请初核受理19人，"
	"公益性岗位补贴申请受理296人，公益性岗位管理和服务296人次，办理残疾证50人次；"
	"涉军窗口办理退役军人优待证发放、审验、更换400个，服务政策咨询150人次。";

static const struct {
	const char *window, *matter, *figure;
} figures_2021[] = {
	{"sczr", "sl", "234项"}, {"sczr", "bg", "43项"}, {"sczr", "zx", "122项"},
	{"sczr", "bz", "11项"}, {"wsjk", "yt", "45人"}, {"wsjk", "et", "51个"},
	{"wsjk", "gk", "6人"}, {"wsjk", "ds", "9个"}, {"wsjk", "sd", "1户1人"},
	{"wsjk", "xnh", "143户433人"}, {"wsjk", "wszx", "50人次"}, {"wsjk", "syzx", "30人次"},
	{"msbz", "lr", "13户"}, {"msbz", "db", "37户"}, {"msbz", "tk", "13人次"},
	{"msbz", "cjr", "19人"}, {"msbz", "gybt", "296人"}, {"msbz", "gyfw", "296人次"},
	{"msbz", "cjz", "50人次"}, {"sjfw", "ydz", "400个"}, {"sjfw", "zx", "150人次"},
	{"cxjs", "jf", "0项"}, {"cxjs", "zx", "0人次"},
};

static struct db *db;
static void diag_line(const char *line)
{
	printf("#   misaligned: %s\n", line);
}

static struct catalog *cat;

static const struct report_matter *rmatter(const struct report *r, const char *w, const char *m)
{
	const struct catalog_matter *cm = catalog_matter(cat, catalog_window(cat, w), m);
	return cm ? &r->matters[cm - cat->matters] : NULL;
}

static const struct report_window *rwindow(const struct report *r, const char *w)
{
	const struct catalog_window *cw = catalog_window(cat, w);
	return cw ? &r->windows[cw - cat->windows] : NULL;
}

static char *figure(const struct report *r, const char *w, const char *m, bool prev)
{
	static char buf[64];
	const struct report_matter *rm = rmatter(r, w, m);
	if (!rm)
		return "(no such matter)";
	return tally_format(buf, sizeof buf, rm->matter->unit, prev ? &rm->prev : &rm->cur);
}

static char *window_total(const struct report *r, const char *w, bool prev)
{
	static char buf[64];
	const struct report_window *rw = rwindow(r, w);
	if (!rw || !rw->has_total)
		return "(no total)";
	return tally_format(buf, sizeof buf, rw->unit, prev ? &rw->prev : &rw->cur);
}

static char *category_figure(const struct report *r, const char *w, const char *m, size_t k)
{
	static char buf[64];
	const struct report_matter *rm = rmatter(r, w, m);
	return tally_format(buf, sizeof buf, rm->matter->unit, &rm->cur_by_category[k]);
}

static char *render(const struct report *r, bool (*write)(const struct report *, FILE *, char **))
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	char *err = NULL;
	ok(write(r, f, &err), "report written%s%s", err ? ": " : "", err ? err : "");
	free(err);
	fclose(f);
	return text;
}

static void test_figures(const struct report *r)
{
	for (size_t i = 0; i < sizeof figures_2021 / sizeof figures_2021[0]; i++)
		is_str(figure(r, figures_2021[i].window, figures_2021[i].matter, false),
		       figures_2021[i].figure, "2021 %s/%s", figures_2021[i].window,
		       figures_2021[i].matter);
	is_str(window_total(r, "sczr", false), "410项", "市场准入 合计410项");
	is_str(window_total(r, "sczr", true), "388项", "市场准入 2020: 388项");
	char change[64];
	const struct report_window *sczr = rwindow(r, "sczr");
	is_str(report_format_change(change, sizeof change, sczr->unit, &sczr->cur, &sczr->prev),
	       "+22", "市场准入 同比 +22");
	ok(!rwindow(r, "wsjk")->has_total, "卫生健康 mixes units: no total");
	is_str(figure(r, "wsjk", "xnh", true), "130户401人", "新农合补贴 2020");
	const struct report_matter *xnh = rmatter(r, "wsjk", "xnh");
	is_str(report_format_change(change, sizeof change, UNIT_HU_REN, &xnh->cur, &xnh->prev),
	       "+13户+32人", "户+人 change carries both numbers");
	is_str(category_figure(r, "msbz", "tk", 0), "9人次", "特困 申请");
	is_str(category_figure(r, "msbz", "tk", 1), "4人次", "特困 终止");
	is_str(category_figure(r, "sjfw", "ydz", 0), "280个", "优待证 发放");
	is_str(category_figure(r, "sjfw", "ydz", 1), "80个", "优待证 审验");
	is_str(category_figure(r, "sjfw", "ydz", 2), "40个", "优待证 更换");
	is_int(rmatter(r, "sjfw", "ydz")->cur_by_category[3].entries, 0, "优待证 未分类 empty");
	is_str(figure(r, "cxjs", "jf", true), "3项", "城乡建设 2020");

	is_int(r->nmonths, 12, "a year has 12 months");
	is_int(sczr->months[0], 31, "市场准入 January entries");
	is_int(sczr->months[11], 45, "市场准入 December entries");
	int64_t sum = 0;
	for (size_t m = 0; m < r->nmonths; m++)
		sum += sczr->months[m];
	is_int(sum, 410, "市场准入 months add up to the year");
	char label[32];
	is_str(report_month_label(r, 2, label, sizeof label), "3月", "month label");
}

/* Every table line has the same display width: the CJK columns line up. */
static void test_text(const struct report *r)
{
	char *text = render(r, report_write_text);
	ok(strstr(text, "合计") && strstr(text, "410项"), "text has 合计 410项");
	ok(strstr(text, "143户433人"), "text has 143户433人");
	ok(strstr(text, "388项") && strstr(text, "+22"), "text has 2020 figure and +22");
	ok(strstr(text, "其中 申请"), "text has the category split");
	for (size_t i = 0; i < sizeof figures_2021 / sizeof figures_2021[0]; i++)
		ok(strstr(text, figures_2021[i].figure), "text has %s", figures_2021[i].figure);

	char *table = strstr(text, "窗口");
	char *end = strstr(table, "\n\n");
	int width = -1;
	bool aligned = true;
	size_t lines = 0;
	for (char *line = table; line < end; lines++) {
		char *nl = strchr(line, '\n');
		char *one = xstrndup(line, (size_t)(nl - line));
		if (width < 0)
			width = text_width(one);
		else if (text_width(one) != width) {
			aligned = false;
			diag_line(one);
		}
		free(one);
		line = nl + 1;
	}
	ok(aligned && lines > 25, "%zu table lines, all %d columns wide", lines, width);
	free(text);
}

static void test_csv(const struct report *r)
{
	char *csv = render(r, report_write_csv);
	ok(strncmp(csv, "\xEF\xBB\xBF\"窗口\",\"事项\"", 19) == 0, "CSV starts with BOM and header");
	ok(strstr(csv, "\"市场准入\",\"合计\",\"\",\"项\",\"410项\",\"388项\",\"22\""),
	   "CSV has 合计410项 with 2020 and the change");
	ok(strstr(csv, "\"独生子女和双女户新农合补贴\",\"\",\"户+人\",\"143户433人\""),
	   "CSV has 143户433人");
	ok(strstr(csv, "\"特困人员申请终止审核\",\"终止\",\"人次\",\"4人次\""), "CSV has the split");
	bool crlf = true;
	for (char *p = strchr(csv, '\n'); p; p = strchr(p + 1, '\n'))
		if (p[-1] != '\r')
			crlf = false;
	ok(crlf, "every CSV row ends in CRLF");
	for (size_t i = 0; i < sizeof figures_2021 / sizeof figures_2021[0]; i++) {
		char *quoted = xasprintf("\"%s\"", figures_2021[i].figure);
		ok(strstr(csv, quoted), "CSV has %s", figures_2021[i].figure);
		free(quoted);
	}
	free(csv);
}

static void test_narrative(const struct report *r)
{
	char *text = report_narrative(r);
	is_str(text, narrative_2021, "the 2021 paragraph, every figure from the data");
	ok(!strstr(text, "城乡建设"), "a window with only voided entries is left out");
	free(text);
}

/* The rows every output walks: window by window, each window's a slice
 * of the report's, a matter before its categories, a total last and only
 * over more than one matter shown; what the narrative says is shown. */
static void test_rows(const struct report *r)
{
	size_t at = 0, totals = 0, categories = 0;
	bool ordered = true, slices = true, said_shown = true;
	int64_t entries = 0;
	for (size_t w = 0; w < r->nwindows; w++) {
		const struct report_window *rw = &r->windows[w];
		slices &= rw->rows == r->rows + at || rw->nrows == 0;
		size_t matters = 0, said = 0;
		for (size_t i = 0; i < rw->nrows; i++) {
			const struct report_row *row = &rw->rows[i];
			ordered &= row->window == w && row->w == rw->window && row->first == (i == 0);
			if (row->kind == REPORT_ROW_MATTER) {
				matters++;
				said += row->said;
				entries += row->cur->entries;
				said_shown &= !row->said || row->cur->entries > 0;
			} else if (row->kind == REPORT_ROW_CATEGORY) {
				categories++;
				ordered &= i > 0 && rw->rows[i - 1].matter == row->matter && row->category;
			} else {
				totals++;
				ordered &= i + 1 == rw->nrows && rw->nshown > 1 && row->matter == NULL &&
					   row->said == (rw->nsaid > 1);
			}
		}
		ordered &= matters == rw->nshown && said == rw->nsaid;
		at += rw->nrows;
	}
	ok(slices && at == r->nrows, "each window's rows are its slice of the report's (%zu rows)",
	   r->nrows);
	ok(ordered, "matters, their categories, then the total, in order");
	ok(said_shown, "the narrative says only matters with entries");
	ok(totals > 0 && categories > 0, "2021 has totals (%zu) and category rows (%zu)", totals,
	   categories);
	is_int(entries, r->cur.entries, "the rows shown hold every entry of the year");
	const struct report_row *cat_row = NULL;
	for (size_t i = 0; i < r->nrows && !cat_row; i++)
		if (r->rows[i].kind == REPORT_ROW_CATEGORY)
			cat_row = &r->rows[i];
	char label[128];
	ok(cat_row && strncmp(report_row_label(cat_row, label, sizeof label), "  其中 ", 9) == 0,
	   "a category row is labelled under its matter: %s", cat_row ? label : "");
}

static void test_void_and_years(void)
{
	struct report r;
	char *err = NULL;
	ok(report_year(db, cat, 2022, &r, &err), "2022 report");
	is_str(figure(&r, "sczr", "sl", false), "7项", "2022 counts only 2022 entries");
	is_str(figure(&r, "sczr", "sl", true), "234项", "2021 seen from 2022, voided left out");
	is_str(figure(&r, "wsjk", "xnh", false), "3户9人", "2022 新农合补贴");
	report_clear(&r);

	/* Voiding one more 2021 entry takes it out of the figure at once. */
	char serial[SERIAL_LEN];
	struct entry_draft d = {
		.window = "sczr", .matter = "sl", .date = "2021-06-01", .applicant = "测试商店",
		.households = -1, .persons = -1, .quantity = -1,
	};
	ok(ledger_record(db, cat, &d, current_login(), serial, &err), "2021 entry recorded%s%s",
	   err ? ": " : "", err ? err : "");
	ok(report_year(db, cat, 2021, &r, &err), "2021 report again");
	is_str(figure(&r, "sczr", "sl", false), "235项", "a new entry counts");
	report_clear(&r);
	ok(ledger_void(db, serial, "录入错误", current_login(), &err), "entry voided%s%s",
	   err ? ": " : "", err ? err : "");
	ok(report_year(db, cat, 2021, &r, &err), "2021 report after the void");
	is_str(figure(&r, "sczr", "sl", false), "234项", "a voided entry never counts");
	report_clear(&r);
	free(err);
}

static void test_ranges(void)
{
	struct report r;
	char *err = NULL;
	ok(report_range(db, cat, "2021-12-31", "2022-01-01", &r, &err), "range across new year");
	is_str(figure(&r, "sczr", "sl", false), "3项", "2021-12-31 and 2022-01-01");
	is_str(figure(&r, "sczr", "sl", true), "3项", "2020-12-31 and 2021-01-01");
	is_str(r.prev_from, "2020-12-31", "previous period starts a year before");
	is_int(r.year, 0, "not a calendar year");
	is_int(r.nmonths, 2, "two months touched");
	char label[32];
	is_str(report_month_label(&r, 1, label, sizeof label), "2022年1月",
	       "months named with their year across a new year");
	report_clear(&r);

	ok(report_range(db, cat, "2021-03-01", "2022-02-28", &r, &err), "a year from March");
	is_str(r.prev_to, "2021-02-28", "previous period ends the day before");
	is_int(r.nmonths, 12, "twelve months");
	report_clear(&r);
	ok(report_range(db, cat, "2021-03-01", "2021-02-28", &r, &err) == false && err,
	   "from after to refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(report_range(db, cat, "2021-01-01", "2022-01-01", &r, &err) == false && err,
	   "more than a year refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(report_range(db, cat, "2021-02-30", "2021-03-01", &r, &err) == false && err,
	   "impossible date refused: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(report_year(db, cat, 0, &r, &err) == false && err, "year 0 refused");
	free(err);
	report_clear(&r);
}

/* Matters the wording table does not know (an administrator's own) still
 * read as Chinese: "办理{名称}{数}", and a one-unit window gets its total. */
static void test_fallback_wording(void)
{
	char *cats[] = {"甲", "乙"};
	struct catalog_window w[] = {
		{.id = 1, .code = "ga", .name = "公安", .position = 1, .first_matter = 0, .nmatters = 2},
		{.id = 2, .code = "sczr", .name = "市场准入", .position = 2, .first_matter = 2,
		 .nmatters = 2},
	};
	struct catalog_matter m[] = {
		{.id = 1, .window = 0, .code = "hj", .name = "户籍证明", .unit = UNIT_JIAN},
		{.id = 2, .window = 0, .code = "sfz", .name = "身份证受理", .unit = UNIT_JIAN,
		 .categories = cats, .ncategories = 2},
		{.id = 3, .window = 1, .code = "sl", .name = "企业开办", .unit = UNIT_XIANG},
		{.id = 4, .window = 1, .code = "bg", .name = "变更业务", .unit = UNIT_XIANG},
	};
	struct tally_cell none[3] = {{0}};
	struct report_matter rm[] = {
		{.matter = &m[0], .cur = {.entries = 3}},
		{.matter = &m[1], .cur = {.entries = 5}, .cur_by_category = none,
		 .prev_by_category = none},
		{.matter = &m[2], .cur = {.entries = 2}},
		{.matter = &m[3]},
	};
	struct report_window rw[] = {
		{.window = &w[0], .matters = rm, .nmatters = 2, .has_total = true,
		 .unit = UNIT_JIAN, .cur = {.entries = 8}},
		{.window = &w[1], .matters = rm + 2, .nmatters = 2, .has_total = true,
		 .unit = UNIT_XIANG, .cur = {.entries = 2}},
	};
	struct report r = {.matters = rm, .nmatters = 4, .windows = rw, .nwindows = 2};
	report_build_rows(&r);
	char *text = report_narrative(&r);
	is_str(text, "公安窗口办理户籍证明3件，办理身份证受理5件，合计8件；市场准入窗口共办理企业开办2项。",
	       "unknown and renamed matters fall back; a lone matter gets no total");
	free(text);

	rm[0].cur.entries = rm[1].cur.entries = rm[2].cur.entries = 0;
	rw[0].cur.entries = rw[1].cur.entries = 0;
	report_build_rows(&r);
	text = report_narrative(&r);
	is_str(text, "", "nothing recorded: nothing said");
	free(text);

	/* 民生保障 with only 特困人员 entries: the window still gets its verb;
	 * a 户+人 matter whose entries hold 0户0人 says nothing. */
	struct catalog_window w2[] = {{.id = 3, .code = "msbz", .name = "民生保障"},
				      {.id = 2, .code = "wsjk", .name = "卫生健康"}};
	struct catalog_matter m2[] = {
		{.id = 5, .window = 0, .code = "tk", .name = "特困人员申请终止审核", .unit = UNIT_RENCI},
		{.id = 6, .window = 1, .code = "xnh", .name = "独生子女和双女户新农合补贴",
		 .unit = UNIT_HU_REN},
	};
	struct report_matter rm2[] = {
		{.matter = &m2[0], .cur = {.entries = 2, .persons = 2}, .cur_by_category = none,
		 .prev_by_category = none},
		{.matter = &m2[1], .cur = {.entries = 1}},
	};
	struct report_window rw2[] = {
		{.window = &w2[0], .matters = rm2, .nmatters = 1, .unit = UNIT_RENCI,
		 .cur = {.entries = 2, .persons = 2}},
		{.window = &w2[1], .matters = rm2 + 1, .nmatters = 1, .unit = UNIT_HU_REN,
		 .cur = {.entries = 1}},
	};
	struct report r2 = {.matters = rm2, .nmatters = 2, .windows = rw2, .nwindows = 2};
	report_build_rows(&r2);
	text = report_narrative(&r2);
	is_str(text, "民生保障窗口办理特困人员申请、终止审核2人次。",
	       "a window's first phrase has a verb; 0户0人 is left out");
	free(text);
	free(r.rows);
	free(r2.rows);
	char change[64];
	struct tally_cell same = {.entries = 1, .households = 1, .persons = 1};
	is_str(report_format_change(change, sizeof change, UNIT_HU_REN, &same, &same), "0",
	       "an unchanged 户+人 figure reads 0");
}

int main(void)
{
	setlocale(LC_ALL, "");
	const char *root = getenv("BIANMIN_SOURCE_ROOT");
	char dir[] = "/tmp/bianmin-report-XXXXXX";
	char *err = NULL;
	if (!root || !mkdtemp(dir)) {
		printf("Bail out! BIANMIN_SOURCE_ROOT unset or no temporary folder\n");
		return 1;
	}
	char *path = xasprintf("%s/test.db", dir);
	char *fixture = xasprintf("%s/tests/fixtures/shangbei-2021.csv", root);
	db = db_open(path, DB_OPEN_CREATE, &err);
	if (!db || !catalog_load_defaults(db, current_login(), &err) ||
	    !(cat = catalog_read(db, &err))) {
		printf("Bail out! database: %s\n", err ? err : "?");
		return 1;
	}
	struct clerk self = {.login = (char *)current_login(), .name = "测试", .role = ROLE_ADMIN,
			     .windows = ""};
	ok(clerk_put(db, &self, current_login(), &err), "first account is admin%s%s",
	   err ? ": " : "", err ? err : "");
	struct csvio_import_result res;
	if (!ok(csvio_import(db, cat, fixture, false, current_login(), &res, &err),
		"fixture imported%s%s", err ? ": " : "", err ? err : "")) {
		printf("Bail out! the fixture did not import\n");
		return 1;
	}
	is_int(res.voided, 13, "13 voided rows in the fixture");

	struct report r;
	ok(report_year(db, cat, 2021, &r, &err), "2021 report%s%s", err ? ": " : "",
	   err ? err : "");
	test_figures(&r);
	test_text(&r);
	test_csv(&r);
	test_narrative(&r);
	test_rows(&r);
	report_clear(&r);
	report_clear(&r); /* clearing twice is harmless */
	test_void_and_years();
	test_ranges();
	test_fallback_wording();

	catalog_free(cat);
	db_close(db);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	free(cmd);
	free(path);
	free(fixture);
	free(err);
	return tap_done();
}
