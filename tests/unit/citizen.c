/* core/citizen: the names a window has served, found by prefix, substring
 * and pinyin initials, latest first; an import's names taken in by the
 * next reader. */
#include "tap.h"
#include "testdb.h"
#include "citizen.h"
#include "ledger.h"

static void add(struct db *db, struct catalog *cat, const char *w, const char *m,
		const char *applicant, const char *id, const char *village, bool import)
{
	struct entry_draft d = { .window = w, .matter = m, .applicant = applicant,
				 .id_number = id, .village = village, .date = "2021-03-15",
				 .households = -1, .persons = -1, .quantity = -1 };
	char *err = NULL;
	bool ok = import ? db_begin_write(db, &err) && ledger_insert(db, cat, &d, current_login(),
								     NULL, &err) &&
				   db_end_write(db, true, &err)
			 : ledger_record(db, cat, &d, current_login(), NULL, &err);
	if (!ok)
		printf("# %s: %s\n", applicant, err ? err : "?");
	free(err);
}

static char *found(const struct citizen_names *n, const char *typed)
{
	static char out[512];
	const struct citizen_name *hits[8];
	size_t k = citizen_names_find(n, typed, hits, 8);
	out[0] = '\0';
	for (size_t i = 0; i < k; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? "," : "",
			 hits[i]->applicant);
	return out;
}

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("citizen.db");
	struct catalog *cat = catalog_read(db, &err);
	add(db, cat, "sczr", "sl", "张记面馆", "92130125MA0CD5678W", "yc", false);
	add(db, cat, "sczr", "bg", "李氏五金店", NULL, "dnj", false);
	add(db, cat, "sczr", "zx", "老张记面馆", NULL, NULL, false);
	add(db, cat, "wsjk", "yt", "张三", "11010519491231002X", NULL, false);
	add(db, cat, "sczr", "bz", "张家庄超市", NULL, NULL, true); /* an import's */
	const struct catalog_window *sczr = catalog_window(cat, "sczr");
	struct citizen_names *n = citizen_names_load(db, cat, sczr, &err);
	ok(n != NULL, "names load: %s", err ? err : "");
	is_int((int)citizen_names_count(n), 4, "four names at 市场准入, the import's taken in");
	is_str(found(n, "张"), "张家庄超市,张记面馆,老张记面馆",
	       "prefix first, latest first; then substring");
	is_str(found(n, "面馆"), "老张记面馆,张记面馆", "by substring");
	is_str(found(n, "zjmg"), "张记面馆", "by initials: zjmg");
	is_str(found(n, "ZJ"), "张家庄超市,张记面馆", "initials in capitals too");
	is_str(found(n, "lzj"), "老张记面馆", "lzj");
	is_str(found(n, "张三"), "", "another window's names stay there");
	is_str(found(n, ""), "", "nothing typed, nothing offered");
	const struct citizen_name *hit[8];
	ok(citizen_names_find(n, "zjmg", hit, 8) == 1 && strcmp(hit[0]->id_number,
	   "92130125MA0CD5678W") == 0 && hit[0]->village && strcmp(hit[0]->village->name, "杨村") == 0,
	   "a name comes with its ID number and village");
	citizen_names_note(n, "李氏五金店", "91350100M000100Y43", NULL, 0);
	citizen_names_note(n, "赵记", NULL, NULL, 0);
	is_str(found(n, "李"), "李氏五金店", "a name saved again counts once");
	ok(citizen_names_find(n, "李", hit, 8) == 1 && strcmp(hit[0]->id_number,
	   "91350100M000100Y43") == 0, "with the number saved last");
	is_str(found(n, "记"), "赵记,老张记面馆,张记面馆", "names saved this session come first");
	is_int((int)citizen_names_count(n), 6, "counted with the loaded ones");
	const struct citizen_name *few[2];
	is_int((int)citizen_names_find(n, "张", few, 2), 2, "at most max");
	citizen_names_free(n);
	citizen_names_free(NULL);
	is_int(db_int(db, -1, "SELECT count(*) FROM citizen"), 5, "the table holds every window's");

	/* A name only voided or corrected entries carry is not offered; the
	 * name a correction wrote is. */
	const struct catalog_window *wsjk = catalog_window(cat, "wsjk");
	char wrong[SERIAL_LEN], right[SERIAL_LEN], stray[SERIAL_LEN], twice[SERIAL_LEN];
	struct entry_draft d = { .window = "wsjk", .matter = "yt", .applicant = "王小明",
				 .id_number = "110105194912310011", .date = "2021-03-15",
				 .households = -1, .persons = -1, .quantity = -1 };
	ok(ledger_record(db, cat, &d, current_login(), wrong, &err), "王小明 saved");
	d.applicant = "王晓明";
	ok(ledger_correct(db, cat, wrong, "名字写错", &d, current_login(), right, &err),
	   "and corrected to 王晓明: %s", err ? err : "");
	d.applicant = "王五";
	d.id_number = NULL;
	ok(ledger_record(db, cat, &d, current_login(), stray, &err) &&
	   ledger_void(db, stray, "录错", current_login(), &err), "王五 saved and voided");
	d.applicant = "张三";
	d.id_number = "110105194912310046";
	ok(ledger_record(db, cat, &d, current_login(), twice, &err) &&
	   ledger_undo_last(db, twice, current_login(), NULL, &err),
	   "张三 again with another number, undone: %s", err ? err : "");
	n = citizen_names_load(db, cat, wsjk, &err);
	is_str(found(n, "王"), "王晓明", "the corrected-away name and the voided one are not offered");
	ok(citizen_names_find(n, "张三", hit, 8) == 1 && strcmp(hit[0]->id_number,
	   "11010519491231002X") == 0, "a name keeps the number of its latest entry left");
	citizen_names_free(n);
	/* An import's rows are counted when taken in, its voided ones not;
	 * a void after that counts too. */
	struct entry_draft imp = { .window = "wsjk", .matter = "yt", .applicant = "钱七",
				   .date = "2021-03-15", .households = -1, .persons = -1,
				   .quantity = -1 };
	char imported[SERIAL_LEN];
	ok(db_begin_write(db, &err) && ledger_insert(db, cat, &imp, current_login(), imported, &err) &&
	   (imp.applicant = "孙八", imp.void_reason = "作废", true) &&
	   ledger_insert(db, cat, &imp, current_login(), NULL, &err) && db_end_write(db, true, &err),
	   "an import of 钱七, and of 孙八 voided");
	n = citizen_names_load(db, cat, wsjk, &err);
	is_str(found(n, "钱"), "钱七", "the import's name is taken in");
	is_str(found(n, "孙"), "", "its voided one is not");
	citizen_names_free(n);
	ok(ledger_void(db, imported, "录错", current_login(), &err), "钱七 voided after");
	n = citizen_names_load(db, cat, wsjk, &err);
	is_str(found(n, "钱"), "", "and no longer offered");
	citizen_names_free(n);
	d.applicant = "钱七";
	ok(ledger_record(db, cat, &d, current_login(), NULL, &err), "钱七 saved at the counter");
	n = citizen_names_load(db, cat, wsjk, &err);
	is_str(found(n, "钱"), "钱七", "is offered again");
	citizen_names_free(n);
	catalog_free(cat);
	db_close(db);
	return tap_done();
}
