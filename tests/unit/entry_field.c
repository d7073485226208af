/* core/entry_field: each refusal of an entry names its field beside the
 * message, so a form can move its cursor without reading the words. */
#include "tap.h"
#include "testdb.h"
#include "entry_field.h"
#include "ledger.h"

static struct entry_draft draft(const char *window, const char *matter)
{
	return (struct entry_draft){ .window = window, .matter = matter, .date = "2021-03-15",
				     .applicant = "张三", .households = -1, .persons = -1,
				     .quantity = -1 };
}

int main(void)
{
	struct db *db = testdb_open("field.db");
	char *err = NULL;
	struct catalog *cat = catalog_read(db, &err);
	if (!cat) {
		printf("Bail out! %s\n", err);
		return 1;
	}

	struct {
		struct entry_draft d;
		enum entry_field want;
		const char *what;
	} cases[] = {
		{ draft("nowhere", "sl"), FIELD_WINDOW, "unknown window" },
		{ draft("sczr", "nothing"), FIELD_MATTER, "unknown matter" },
		{ draft("sczr", "sl"), FIELD_DATE, "not a real date" },
		{ draft("sczr", "sl"), FIELD_TIME, "bad time" },
		{ draft("sczr", "sl"), FIELD_APPLICANT, "control character in the applicant" },
		{ draft("sczr", "sl"), FIELD_NOTE, "bad UTF-8 in the note" },
		{ draft("sczr", "sl"), FIELD_ID_NUMBER, "check digit" },
		{ draft("cxjs", "jf"), FIELD_VILLAGE, "unknown village" },
		{ draft("sczr", "sl"), FIELD_CATEGORY, "category of a matter without" },
		{ draft("sczr", "sl"), FIELD_STATUS, "bad status" },
		{ draft("sczr", "sl"), FIELD_SERIAL, "serial of another window" },
		{ draft("sczr", "sl"), FIELD_PERSONS, "persons on an entry-counted matter" },
		{ draft("wsjk", "xnh"), FIELD_HOUSEHOLDS, "no households nor persons" },
		{ draft("msbz", "lr"), FIELD_HOUSEHOLDS, "no households on a 户 matter" },
		{ draft("wsjk", "xnh"), FIELD_PERSONS, "too many persons" },
		{ draft("sczr", "sl"), FIELD_QUANTITY, "quantity below 1" },
		{ draft("sczr", "sl"), FIELD_CLERK, "clerk login too long" },
	};
	cases[2].d.date = "2021-02-30";
	cases[3].d.time = "25:00";
	cases[4].d.applicant = "张\x01三";
	cases[5].d.note = "\xff";
	cases[6].d.id_number = "110105194912310021";
	cases[7].d.village = "不存在村";
	cases[8].d.category = "申请";
	cases[9].d.status = "完成";
	cases[10].d.serial = "WSJK-2021-000001";
	cases[11].d.persons = 3;
	cases[12].d.households = cases[12].d.persons = 0;
	cases[13].d.households = 0;
	cases[14].d.persons = LEDGER_COUNT_MAX + 1;
	cases[15].d.quantity = 0;
	cases[16].d.clerk = "a23456789012345678901234567890123";
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum entry_field f = FIELD_COUNT;
		ok(!ledger_check_field(cat, &cases[i].d, &f, &err) && err, "%s refused: %s",
		   cases[i].what, err ? err : "");
		is_str(entry_field_name(f), entry_field_name(cases[i].want), "%s names %s",
		       cases[i].what, entry_field_name(cases[i].want));
		free(err);
		err = NULL;
	}

	/* The words of a message decide nothing: a matter's name holding 村
	 * does not make a missing ID number the village's fault. */
	struct entry_draft jf = draft("cxjs", "jf");
	jf.households = 2;
	enum entry_field f = FIELD_NONE;
	ok(!ledger_check_field(cat, &jf, &f, &err) && strstr(err, "农村"),
	   "the message names the matter 农村建房: %s", err ? err : "");
	ok(f == FIELD_HOUSEHOLDS, "and the field is the households given, not 村");
	free(err);
	err = NULL;

	/* The first refusal wins, for the code as for the message. */
	f = FIELD_NONE;
	entry_field_fail(&f, FIELD_VILLAGE, &err, "first");
	entry_field_fail(&f, FIELD_NOTE, &err, "second");
	ok(f == FIELD_VILLAGE && strcmp(err, "first") == 0, "first refusal kept");
	free(err);
	err = NULL;
	f = FIELD_NONE;
	fail(&err, "about no field");
	entry_field_fail(&f, FIELD_NOTE, &err, "later");
	ok(f == FIELD_NONE, "a field-less refusal first leaves no field");
	free(err);
	err = NULL;
	ok(!entry_field_fail(NULL, FIELD_NOTE, NULL, "nowhere"), "NULL field and err are safe");

	/* Recording: success clears the code; a locked year is no field's. */
	struct entry_draft good = draft("sczr", "sl");
	f = FIELD_COUNT;
	ok(ledger_record_field(db, cat, &good, current_login(), NULL, &f, &err) && f == FIELD_NONE,
	   "a saved entry names no field %s", err ? err : "");
	ok(ledger_lock_year(db, 2021, current_login(), &err), "lock 2021");
	f = FIELD_COUNT;
	ok(!ledger_record_field(db, cat, &good, current_login(), NULL, &f, &err) &&
	   strstr(err, "锁定") && f == FIELD_NONE, "a locked year names no field: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	struct entry_draft badid = draft("sczr", "sl");
	badid.id_number = "12345";
	f = FIELD_COUNT;
	ok(!ledger_record_field(db, cat, &badid, current_login(), NULL, &f, &err) &&
	   f == FIELD_ID_NUMBER, "a bad ID is the ID's, before the year is looked at: %s",
	   err ? err : "");
	free(err);

	catalog_free(cat);
	db_close(db);
	testdb_cleanup();
	return tap_done();
}
