/* What recording learns under one write lock and may remember until the
 * lock is let go: no other terminal can lock a year, draw a serial or load
 * holidays meanwhile, so what an import's first rows learnt holds for the
 * rest of its rows (two queries a row saved).  The memo is the
 * connection's (db_write_memo), forgotten with the lock. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "holiday.h"
#include "ledger_int.h"
#include "util.h"

bool ledger_year_refuses(struct db *db, int year, const char *doing, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT locked_by, locked_at FROM year_lock "
				       "WHERE year = :year", err);
	if (!st)
		return true;
	db_bind_int(st, ":year", year);
	/* Not knowing is no permission: a failed read refuses too. */
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW)
		fail(err, "%d 年度已由 %s 于 %.10s 锁定，不能%s；如确需更改，请找主管解锁", year,
		     db_col_text(st, 0), db_col_text(st, 1), doing);
	sqlite3_reset(st);
	return rc != SQLITE_DONE;
}

enum { MEMO_YEARS = 8, MEMO_SERIALS = 32 };
struct memo {
	int open_years[MEMO_YEARS];
	size_t nopen;
	struct memo_serial {
		int64_t window_id;
		int year;
		long long last;
	} serials[MEMO_SERIALS];
	size_t nserials;
	struct workday_cal *cal; /* the holiday table as it is under this lock */
};

static void memo_forget(void *p)
{
	struct memo *memo = p;
	workday_cal_free(memo->cal);
}

static struct memo *memo_of(struct db *db)
{
	return db_write_memo(db, DB_MEMO_LEDGER, sizeof(struct memo), memo_forget);
}

struct workday_cal *ledger_lock_calendar(struct db *db, char **err)
{
	struct memo *memo = memo_of(db);
	if (!memo->cal)
		memo->cal = holiday_calendar(db, err);
	return memo->cal;
}

bool ledger_year_open(struct db *db, int year, char **err)
{
	struct memo *memo = memo_of(db);
	for (size_t i = 0; i < memo->nopen; i++)
		if (memo->open_years[i] == year)
			return true;
	if (ledger_year_refuses(db, year, "录入", err))
		return false;
	if (memo->nopen < MEMO_YEARS)
		memo->open_years[memo->nopen++] = year;
	return true;
}

/* The highest serial known of a window and year, or -1. */
static long long memo_last_serial(const struct memo *memo, int64_t window_id, int year)
{
	for (size_t i = 0; i < memo->nserials; i++)
		if (memo->serials[i].window_id == window_id && memo->serials[i].year == year)
			return memo->serials[i].last;
	return -1;
}

/* `known` says the value is the true maximum (read from the table, or one
 * past it); a serial given by an import only raises a maximum already held. */
static void memo_note_serial(struct memo *memo, int64_t window_id, int year, long long seq,
			     bool known)
{
	for (size_t i = 0; i < memo->nserials; i++) {
		if (memo->serials[i].window_id == window_id && memo->serials[i].year == year) {
			if (seq > memo->serials[i].last)
				memo->serials[i].last = seq;
			return;
		}
	}
	if (known && memo->nserials < MEMO_SERIALS)
		memo->serials[memo->nserials++] = (struct memo_serial){ window_id, year, seq };
}

void ledger_serial_taken(struct db *db, int64_t window_id, int year, const char *serial,
			 bool drawn)
{
	/* The serial's sequence: its last six digits. */
	memo_note_serial(memo_of(db), window_id, year, atoll(serial + strlen(serial) - 6), drawn);
}

/* "SCZR-2021-": a window code has at most 16 characters (catalog_load.c). */
#define SERIAL_PREFIX_LEN 24

static void serial_prefix(const struct catalog_window *w, int year, char out[SERIAL_PREFIX_LEN])
{
	int n = snprintf(out, SERIAL_PREFIX_LEN, "%.16s-%04u-", w->code, (unsigned)year % 10000u);
	for (int i = 0; i < n && out[i] != '-'; i++)
		out[i] = (char)toupper((unsigned char)out[i]);
}

bool ledger_next_serial(struct db *db, const struct catalog_window *w, int year,
			char serial[SERIAL_LEN], char **err)
{
	char lo[SERIAL_PREFIX_LEN], hi[SERIAL_PREFIX_LEN];
	serial_prefix(w, year, lo);
	long long known = memo_last_serial(memo_of(db), w->id, year);
	if (known >= 0) {
		if (known >= 999999)
			return fail(err, "%s 窗口 %d 年的编号已用完", w->name, year);
		snprintf(serial, SERIAL_LEN, "%s%06lld", lo, known + 1);
		return true;
	}
	snprintf(hi, sizeof hi, "%s", lo);
	hi[strlen(hi) - 1] = '.'; /* the character after '-' */
	sqlite3_stmt *st = db_stmt(db, "SELECT max(serial) FROM txn "
				       "WHERE serial >= :lo AND serial < :hi", err);
	if (!st)
		return false;
	db_bind_text(st, ":lo", lo);
	db_bind_text(st, ":hi", hi);
	int rc = db_step(db, st, err);
	long long last = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		last = atoll(db_col_text(st, 0) + strlen(lo));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return false;
	if (last >= 999999)
		return fail(err, "%s 窗口 %d 年的编号已用完", w->name, year);
	memo_note_serial(memo_of(db), w->id, year, last, true);
	snprintf(serial, SERIAL_LEN, "%s%06lld", lo, last + 1);
	return true;
}
