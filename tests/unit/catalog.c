/* core/catalog: the default catalog, lookups, loading and deactivation. */
#include "tap.h"
#include "testdb.h"
#include "ledger.h"

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("catalog.db");
	struct catalog *cat = catalog_read(db, &err);
	ok(cat != NULL, "reads the catalog");
	is_int(cat->nwindows, 5, "five windows");
	is_str(cat->windows[0].name, "市场准入", "window 1 is 市场准入");
	is_str(cat->windows[4].name, "城乡建设", "window 5 is 城乡建设");
	is_int(cat->nmatters, 23, "23 matters in the default catalog");
	const struct catalog_window *w = catalog_window(cat, "sczr");
	ok(w && strcmp(w->name, "市场准入") == 0, "window by code");
	ok(catalog_window(cat, "市场准入窗口") == w, "window by its full name");
	ok(catalog_window(cat, "SCZR") == w, "codes are case-insensitive");
	const struct catalog_matter *m = catalog_matter(cat, w, "设立业务");
	ok(m && strcmp(m->code, "sl") == 0 && m->unit == UNIT_XIANG, "设立业务 is sl, unit 项");
	ok(catalog_matter(cat, w, "sl") == m, "matter by code");
	ok(catalog_matter(cat, catalog_window(cat, "sjfw"), "zx") !=
	   catalog_matter(cat, w, "zx"), "codes are per window");
	const struct catalog_matter *xnh = catalog_matter(cat, catalog_window(cat, "卫生健康"), "xnh");
	ok(xnh && xnh->unit == UNIT_HU_REN, "新农合补贴 counts 户+人");
	const struct catalog_matter *ydz = catalog_matter(cat, catalog_window(cat, "涉军"), "ydz");
	ok(ydz && ydz->ncategories == 3 && strcmp(ydz->categories[1], "审验") == 0,
	   "优待证 has categories 发放, 审验, 更换");
	ok(catalog_village(cat, "yc") && catalog_village(cat, "北埌坝村"), "villages by code and name");
	is_int(m->position, 1, "matters numbered within their window");

	/* An entry makes 注销业务 undeletable: dropped from the file, it is deactivated. */
	struct entry_draft d = { .window = "sczr", .matter = "zx", .applicant = "李氏五金店",
				 .date = "2021-03-15", .households = -1, .persons = -1,
				 .quantity = -1 };
	ok(ledger_record(db, cat, &d, current_login(), NULL, &err), "recorded an entry");
	const char smaller[] =
		"窗口代码,窗口,事项代码,事项,单位,分类,需证件,承诺时限\r\n"
		"sczr,市场准入,sl,设立业务,项,,0,5\r\n"
		"sczr,市场准入,bz,增补执照业务,件,,0,0\r\n";
	int64_t version = catalog_version(db);
	ok(catalog_load_csv(db, smaller, sizeof smaller - 1, current_login(), &err),
	   "loads a smaller catalog: %s", err ? err : "");
	ok(catalog_version(db) > version, "a load changes the catalog version");
	catalog_free(cat);
	cat = catalog_read(db, &err);
	w = catalog_window(cat, "sczr");
	const struct catalog_matter *zx = catalog_matter(cat, w, "zx");
	ok(zx && !zx->active, "a matter with entries is kept, inactive");
	ok(catalog_matter(cat, w, "bg") == NULL, "a matter without entries is removed");
	ok(catalog_matter(cat, w, "sl")->time_limit_days == 5, "time limit loaded");
	ok(catalog_matter(cat, w, "bz")->unit == UNIT_JIAN, "unit updated");
	is_int(cat->nwindows, 1, "windows without matters are removed");
	ok(!ledger_check(cat, &d, &err) && err && strstr(err, "停用"),
	   "an inactive matter takes no new entries: %s", err ? err : "");
	free(err);
	err = NULL;

	const char bad[] =
		"窗口代码,窗口,事项代码,事项,单位\n"
		"sczr,市场准入,sl,设立业务,斤\n"
		"Bad Code,市场准入,x,某事项,项\n"
		"sczr,市场准入,sl,设立业务,项\n";
	ok(!catalog_load_csv(db, bad, sizeof bad - 1, current_login(), &err) && err,
	   "a bad catalog is refused");
	ok(err && strstr(err, "第2行") && strstr(err, "第3行") && strstr(err, "第4行"),
	   "every bad line is named: %s", err ? err : "");
	free(err);
	err = NULL;
	catalog_free(cat);
	cat = catalog_read(db, &err);
	is_int(cat->nmatters, 3, "and nothing changed");

	struct clerk wang = { .login = (char *)"wangfang", .name = (char *)"王芳",
			      .role = ROLE_SUPERVISOR };
	ok(clerk_put(db, &wang, current_login(), &err), "a supervisor");
	ok(!catalog_load_csv(db, smaller, sizeof smaller - 1, "wangfang", &err) && err &&
	   strstr(err, "管理员"), "only an admin loads a catalog: %s", err ? err : "");
	free(err);
	err = NULL;
	const char villages[] = "\xEF\xBB\xBF代码,村\r\nyc,杨村\r\nxz,西庄村\r\n";
	ok(village_load_csv(db, villages, sizeof villages - 1, current_login(), &err),
	   "loads villages with a BOM: %s", err ? err : "");
	catalog_free(cat);
	cat = catalog_read(db, &err);
	ok(catalog_village(cat, "xz") && catalog_village(cat, "xz")->active, "new village active");
	ok(catalog_village(cat, "dnj") == NULL, "unused village removed");

	/* 代码,村 / yc,杨村 / gc,果园村 saved as GBK by Excel. */
	const char gbk[] = "\xb4\xfa\xc2\xeb,\xb4\xe5\r\nyc,\xd1\xee\xb4\xe5\r\n"
			   "gc,\xb9\xfb\xd4\xb0\xb4\xe5\r\n";
	ok(village_load_csv(db, gbk, sizeof gbk - 1, current_login(), &err),
	   "a GBK village list loads: %s", err ? err : "");
	catalog_free(cat);
	cat = catalog_read(db, &err);
	ok(catalog_village(cat, "gc") && strcmp(catalog_village(cat, "gc")->name, "果园村") == 0,
	   "its names arrive as UTF-8");
	const char junk[] = "\xff\xfe\xff,\x80\r\n";
	ok(!village_load_csv(db, junk, sizeof junk - 1, current_login(), &err) && err &&
	   strstr(err, "UTF-8"), "bytes in no known encoding are refused: %s", err ? err : "");
	free(err);
	err = NULL;
	/* Found by tests/fuzz: a quoted line break or tab used to go into a name. */
	const char broken_name[] = "代码,村\nyc,\"杨\n村\"\nxz,\"新\t村\"\n";
	ok(!village_load_csv(db, broken_name, sizeof broken_name - 1, current_login(), &err) &&
	   err && strstr(err, "第2行") && strstr(err, "第4行") && strstr(err, "控制字符"),
	   "a line break or tab in a name is refused: %s", err ? err : "");
	free(err);
	err = NULL;
	const char broken_matter[] = "window_code,window,matter_code,matter,unit\n"
				     "sczr,市场准入,sl,\"设立\r业务\",项\n";
	ok(!catalog_load_csv(db, broken_matter, sizeof broken_matter - 1, current_login(), &err) &&
	   err && strstr(err, "控制字符"), "in a matter's name too: %s", err ? err : "");
	free(err);
	err = NULL;
	ok(catalog_load_defaults(db, current_login(), &err), "defaults on a filled database");
	catalog_free(cat);
	cat = catalog_read(db, &err);
	is_int(cat->nmatters, 3, "never overwrite an administrator's catalog");

	/* Found by tests/fuzz: with a window's rows apart, two of its matters
	 * shared a position, and file order was lost. */
	const char apart[] = "window_code,window,matter_code,matter,unit\n"
			     "sczr,市场准入,bz,增补执照业务,项\n"
			     "wsjk,卫生健康,xnh,独生子女和双女户新农合补贴,户+人\n"
			     "sczr,市场准入,sl,设立业务,项\n";
	ok(catalog_load_csv(db, apart, sizeof apart - 1, current_login(), &err),
	   "a window's rows apart load: %s", err ? err : "");
	catalog_free(cat);
	cat = catalog_read(db, &err);
	w = catalog_window(cat, "sczr");
	ok(w && catalog_matter(cat, w, "bz")->position == 1 &&
	   catalog_matter(cat, w, "sl")->position == 2, "and keep file order within the window");
	/* A name that is another's code would make what a clerk types ambiguous. */
	const char name_is_code[] = "code,name\nyc,杨村\ngc,yc\n";
	ok(!village_load_csv(db, name_is_code, sizeof name_is_code - 1, current_login(), &err) &&
	   err && strstr(err, "代码相同"), "a village named like another's code is refused: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	const char window_is_code[] = "window_code,window,matter_code,matter,unit\n"
				      "sczr,WSJK,sl,设立业务,项\n"
				      "wsjk,卫生健康,xnh,独生子女和双女户新农合补贴,户+人\n";
	ok(!catalog_load_csv(db, window_is_code, sizeof window_is_code - 1, current_login(), &err) &&
	   err && strstr(err, "代码相同"), "so is a window named like another's code: %s",
	   err ? err : "");
	free(err);
	err = NULL;

	catalog_free(cat);
	db_close(db);
	testdb_cleanup();
	return tap_done();
}
