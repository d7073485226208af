#ifndef BIANMIN_LEDGER_INT_H
#define BIANMIN_LEDGER_INT_H
/* What ledger.c (recording), ledger_void.c (voids and status changes),
 * ledger_query.c (reading back) and rating.c (ratings of entries) share;
 * no other module includes this. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "ledger.h"

#include "text.h"
#include "util.h"

struct db;

static inline bool ledger_present(const char *s)
{
	return s && *s;
}

/* Free text a clerk typed: the rules of text_check (valid UTF-8, nothing
 * hidden but the line breaks a note may hold, at most max_chars
 * characters).  `label` names the field in the message. */
static inline bool ledger_check_text(const char *s, const char *label, size_t max_chars,
				     bool multiline, char **err)
{
	return text_check(s, label, max_chars, multiline, err);
}

/* True (with *err) when `year` is locked, or when the lock cannot be read:
 * not knowing is no permission.  `doing` names the refused act (作废). */
bool ledger_year_refuses(struct db *db, int year, const char *doing, char **err);
/* Remembered under the write lock (ledger_memo.c): a year found open, the
 * holiday calendar, the last serial of a window and year. */
bool ledger_year_open(struct db *db, int year, char **err);
struct workday_cal *ledger_lock_calendar(struct db *db, char **err);
/* One past the highest serial of window w in year (SCZR-2021-000124). */
bool ledger_next_serial(struct db *db, const struct catalog_window *w, int year,
			char serial[SERIAL_LEN], char **err);
/* After a row is inserted with `serial`: `drawn` by ledger_next_serial (so
 * the highest), or given by an import. */
void ledger_serial_taken(struct db *db, int64_t window_id, int year, const char *serial,
			 bool drawn);
/* What ledger_record does inside the write transaction the caller holds:
 * the login may record at the draft's window, the matter is as the
 * caller's catalog says, and the entry is inserted under the counter's
 * rules (需申请人, 证件类型).  Returns the new row's id, or -1 with *err.
 * (A correction records its new entry this way.) */
int64_t ledger_record_locked(struct db *db, const struct catalog *cat,
			     const struct entry_draft *d, const char *login,
			     char serial_out[SERIAL_LEN], enum entry_field *field, char **err);
/* The one row `sql` (a literal with one :serial) gives for the entry
 * `serial`: stepped, for the caller to read and reset; NULL with *err when
 * no serial is given, none is recorded, or the database fails. */
sqlite3_stmt *ledger_find_serial(struct db *db, const char *sql, const char *serial, char **err);
/* A day's entries held back to be handed on in id order (ledger_day.c):
 * for a query in date order only, which SQLite answers from an index
 * without sorting.  A zeroed one is empty. */
struct ledger_day {
	struct ledger_day_row *rows;
	size_t n, cap;
	struct strbuf bytes; /* the texts of the rows held */
};
/* Holds a copy of e; first hands on the day held (by id) when e is of
 * another date.  False when fn said stop. */
bool ledger_day_put(struct ledger_day *d, const struct entry *e, ledger_fn fn, void *ctx);
/* Hands on the day held, by id, and empties it.  False when fn said stop. */
bool ledger_day_flush(struct ledger_day *d, ledger_fn fn, void *ctx);
void ledger_day_free(struct ledger_day *d);
/* Whether a comma-separated list of window codes holds `code`. */
bool ledger_list_has_code(const char *list, const char *code);

#endif
