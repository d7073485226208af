/* Working days over the shipped holiday calendar (data/holidays.csv, as
 * init loads it) and over years it does not know. */
#include "holiday.h"
#include "tap.h"
#include "testdb.h"
#include "workday.h"

static struct workday_cal *cal;

static const char *due(const char *date, int n)
{
	static char out[DATE_LEN];
	workday_add(cal, date, n, out);
	return out;
}

static void test_national_day_2021(void)
{
	/* 10-01..10-07 off, Sunday 09-26 and Saturday 10-09 worked. */
	is_str(due("2021-09-30", 5), "2021-10-13", "accepted 09-30, 5 working days: due 10-13");
	is_str(due("2021-09-30", 1), "2021-10-08", "the first working day after 国庆 is 10-08");
	is_str(due("2021-09-30", 2), "2021-10-09", "Saturday 10-09 is worked (班)");
	is_str(due("2021-09-30", 3), "2021-10-11", "Sunday 10-10 is not");
	is_str(due("2021-10-03", 1), "2021-10-08", "accepted on a day off: counting starts after it");
	is_str(due("2021-09-24", 1), "2021-09-26", "Sunday 09-26 is worked (班)");
	ok(!workday_is_working(cal, "2021-10-04"), "Monday 10-04 is a day off");
	ok(workday_is_working(cal, "2021-10-09"), "Saturday 10-09 is a working day");
	is_int(workday_between(cal, "2021-09-30", "2021-10-13"), 5, "09-30 to 10-13: 5 working days");
	is_int(workday_between(cal, "2021-09-30", "2021-10-07"), 0, "none in the holiday");
	is_int(workday_between(cal, "2021-10-13", "2021-09-30"), -5, "backwards: negative");
	is_int(workday_between(cal, "2021-10-13", "2021-10-13"), 0, "same day: 0");
	is_int(workday_between(cal, "2021-10-01", "2021-10-31"), 17,
	       "October 2021 after the 1st: 17 working days (10-08, 10-09, three weeks)");
}

static void test_spring_festival_2021(void)
{
	/* 02-11..02-17 off; Sunday 02-07 and Saturday 02-20 worked. */
	ok(workday_is_working(cal, "2021-02-07"), "Sunday 02-07 is worked (班)");
	ok(workday_is_working(cal, "2021-02-20"), "Saturday 02-20 is worked (班)");
	ok(!workday_is_working(cal, "2021-02-06"), "Saturday 02-06 is not");
	ok(!workday_is_working(cal, "2021-02-21"), "Sunday 02-21 is not");
	ok(!workday_is_working(cal, "2021-02-15"), "Monday 02-15 is in the holiday");
	is_str(due("2021-02-05", 1), "2021-02-07", "after Friday 02-05 comes Sunday 02-07");
	is_str(due("2021-02-10", 1), "2021-02-18", "after 02-10 the holiday, then 02-18");
	is_str(due("2021-02-10", 3), "2021-02-20", "02-18, 02-19, then Saturday 02-20");
	is_str(due("2021-02-10", 4), "2021-02-22", "then Monday 02-22");
	is_int(workday_between(cal, "2021-02-04", "2021-02-22"), 9,
	       "02-05, 02-07..02-10, 02-18..02-20, 02-22: 9 working days");
}

static void test_year_ends(void)
{
	/* 2020-12-31 is a Thursday; 2021-01-01..03 off. */
	is_str(due("2020-12-31", 1), "2021-01-04", "over the new year 2021");
	is_str(due("2020-12-30", 2), "2021-01-04", "two across the year end");
	/* 2019's 元旦 began on 2018-12-30, and Saturday 2018-12-29 was worked. */
	is_str(due("2018-12-28", 1), "2018-12-29", "Saturday 2018-12-29 worked (in 2019's notice)");
	is_str(due("2018-12-29", 1), "2019-01-02", "then 12-30..01-01 off");
	/* 2023's 元旦 was 2022-12-31..2023-01-02. */
	is_str(due("2022-12-30", 1), "2023-01-03", "over the new year 2023");
	/* 2025 ends on a Wednesday, 2026-01-01..03 off, Sunday 01-04 worked. */
	is_str(due("2025-12-31", 1), "2026-01-04", "Sunday 2026-01-04 worked");
	is_int(workday_between(cal, "2025-12-30", "2026-01-05"), 3, "12-31, 01-04, 01-05");
	ok(workday_note(cal) == NULL, "every year so far was known");
}

static void test_year_without_data(void)
{
	ok(workday_year_known(cal, 2026), "2026 is known");
	ok(!workday_year_known(cal, 2027), "2027 is not");
	ok(!workday_year_known(cal, 2018), "2018 is not (only its last days are listed)");
	/* 2027-01-01 is a Friday: without a notice, a working day. */
	ok(workday_is_working(cal, "2027-01-01"), "2027-01-01 counts as a working day");
	char *note = workday_note(cal);
	ok(note && strstr(note, "2027 年尚无节假日安排"), "the note names 2027: %s", note ? note : "");
	free(note);
	is_str(due("2026-12-31", 1), "2027-01-01", "across into a year without data");
	is_str(due("2027-01-01", 1), "2027-01-04", "weekends only: Friday to Monday");
	is_str(due("2027-01-01", 10), "2027-01-15", "ten working days: two weeks");
	is_str(due("2030-06-07", 1), "2030-06-10", "2030: weekends only");
	note = workday_note(cal);
	ok(note && strstr(note, "2027、2030 年"), "the note names each year once, in order: %s",
	   note ? note : "");
	free(note);
}

static void test_cal_alone(void)
{
	struct workday_cal *c = workday_cal_new();
	ok(!workday_cal_add(c, "2021-02-30", true), "a day that does not exist is refused");
	ok(workday_cal_add(c, "2021-01-01", true), "2021-01-01 off");
	ok(workday_cal_add(c, "2021-06-01", true), "2021-06-01 off");
	ok(workday_cal_add(c, "2021-06-01", false), "the same day again, worked");
	ok(workday_is_working(c, "2021-06-01"), "the last kind given wins");
	ok(workday_year_known(c, 2021), "a year with its 1 January is known");
	char out[DATE_LEN];
	workday_add(c, "nonsense", 3, out);
	is_str(out, "", "an invalid date gives \"\"");
	workday_add(c, "2021-06-04", 0, out);
	is_str(out, "2021-06-04", "0 working days: the day itself");
	ok(workday_note(c) == NULL, "nothing asked of an unknown year");
	workday_cal_free(c);
	workday_cal_free(NULL);
}

int main(void)
{
	struct db *db = testdb_open("workday.db");
	char *err = NULL;
	ok(holiday_load_defaults(db, current_login(), NULL, &err), "the shipped calendar loads %s",
	   err ? err : "");
	cal = holiday_calendar(db, &err);
	ok(cal != NULL, "read back as a calendar");
	test_national_day_2021();
	test_spring_festival_2021();
	test_year_ends();
	test_year_without_data();
	test_cal_alone();
	workday_cal_free(cal);
	db_close(db);
	testdb_cleanup();
	return tap_done();
}
