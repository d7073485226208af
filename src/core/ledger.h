#ifndef BIANMIN_LEDGER_H
#define BIANMIN_LEDGER_H
/* The ledger of transactions (办件): record, void, move on, query.
 * Nothing is ever deleted; every write is audited; a locked year refuses
 * new entries and voids.  Serials (SCZR-2021-000123: window code, year,
 * sequence per window and year) are drawn inside the inserting
 * transaction. */

#include <stdbool.h>
#include <stdint.h>

#include "bounds.h"
#include "catalog.h"
#include "entry_field.h"
#include "period.h"

struct db;

#define SERIAL_LEN 32
/* Longest texts, in characters (字), as a form field and import share them. */
#define LEDGER_APPLICANT_MAX 60
#define LEDGER_NOTE_MAX 500
#define LEDGER_REASON_MAX 200

enum txn_status { STATUS_ACCEPTED, STATUS_DONE, STATUS_RETURNED, STATUS_TRANSFERRED };
const char *status_name(enum txn_status s); /* 受理 办结 退回 转办 */
bool status_parse(const char *s, enum txn_status *out);

/* What a clerk (or an import row) says about a new entry.  Strings are
 * borrowed; NULL or "" means absent.  Numbers < 0 mean "the default" (1). */
struct entry_draft {
	const char *serial;      /* import only: keep this serial */
	const char *window;      /* name or code */
	const char *matter;      /* name or code, within the window */
	const char *date;        /* YYYY-MM-DD; absent = today */
	const char *time;        /* HH:MM; absent = now when date is today */
	const char *applicant;
	const char *id_number;   /* 身份证 or 统一社会信用代码; checked */
	const char *village;     /* name or code */
	const char *category;
	int64_t households, persons, quantity;
	const char *status;      /* absent: 办结 for 即办件, 受理 for 承诺件 */
	const char *clerk;       /* absent = the recording login */
	const char *note;
	const char *void_reason; /* import only: the row was voided */
	const char *phone;       /* 联系电话; checked, stored in one form (phone.h) */
	const char *due_on;      /* import only: a 承诺件's due day as promised */
	const char *done_on;     /* import only: the day a 承诺件 was closed */
};

/* A recorded entry as read back.  In query callbacks the strings point into
 * SQLite's row and live until the callback returns. */
struct entry {
	int64_t id;
	const char *serial;
	const struct catalog_matter *matter;
	const struct catalog_window *window;
	const char *date, *time;
	const char *applicant, *id_number;
	const struct catalog_village *village; /* NULL if none */
	const char *category;
	int64_t households, persons, quantity;
	enum txn_status status;
	const char *note, *clerk, *created_at;
	const char *voided_at, *voided_by, *void_reason; /* NULL unless voided */
	const char *corrects;     /* 更正: the serial this entry replaced, or NULL */
	const char *corrected_by; /* the serial that replaced this voided entry, or NULL */
	const char *phone;            /* "" if none; whole: mask it for lists */
	const char *due_on, *done_on; /* 承诺件 only (promise.h); NULL otherwise */
};

/* Checks a draft against the catalog without writing: the matter exists and
 * is active, the date is real and not after today, the ID number's check
 * digit, the category is one of the matter's, numbers in range.  The
 * message says why. */
bool ledger_check(const struct catalog *cat, const struct entry_draft *d, char **err);
/* The same, and *field (field may be NULL) names the field a refusal is
 * about (FIELD_NONE on success, or when it is about no one field).  A form
 * puts its cursor by this code, never by the message. */
bool ledger_check_field(const struct catalog *cat, const struct entry_draft *d,
			enum entry_field *field, char **err);

/* Records one entry in its own write transaction, audited.  `login` must
 * be a registered clerk, and a clerk limited to some windows records only
 * there.  serial_out (may be NULL) receives the serial. */
bool ledger_record(struct db *db, const struct catalog *cat, const struct entry_draft *d,
		   const char *login, char serial_out[SERIAL_LEN], char **err);
/* ledger_record with the field of a refusal, as ledger_check_field: a
 * locked year, a clerk kept to other windows, a changed catalog and the
 * database's own errors are FIELD_NONE. */
bool ledger_record_field(struct db *db, const struct catalog *cat, const struct entry_draft *d,
			 const char *login, char serial_out[SERIAL_LEN], enum entry_field *field,
			 char **err);
/* Whether `login` may record at `window` (code or name), as ledger_record
 * will decide: false with the reason when the login is not a registered
 * clerk or is a clerk kept to other windows.  Lets a screen say so before
 * a form is typed. */
bool ledger_may_record(struct db *db, const struct catalog *cat, const char *window,
		       const char *login, char **err);
/* The same inside a transaction the caller holds (import: many rows, one
 * commit, one audit line written by the caller). */
bool ledger_insert(struct db *db, const struct catalog *cat, const struct entry_draft *d,
		   const char *login, char serial_out[SERIAL_LEN], char **err);

/* Whether `login` may void the entry `serial` (as ledger_void will decide),
 * so a screen can say so before a reason is typed. */
bool ledger_may_void(struct db *db, const char *serial, const char *login, char **err);
/* Voids with a reason.  A supervisor or admin may void any entry; a clerk
 * only their own entry of today.  Refused in a locked year. */
bool ledger_void(struct db *db, const char *serial, const char *reason, const char *login,
		 char **err);
/* 更正: voids `serial` with `reason` and records `d` in its place (the
 * caller fills d with the old entry's values and the changes), the new
 * entry's txn.corrects naming the old serial; one transaction, one audit
 * line.  The rules of a void (a clerk: own entries of today; anyone: not
 * in a locked year) and of a new entry both hold.  serial_out (may be
 * NULL) receives the new serial. */
bool ledger_correct(struct db *db, const struct catalog *cat, const char *serial,
		    const char *reason, const struct entry_draft *d, const char *login,
		    char serial_out[SERIAL_LEN], char **err);
/* Whether `login` may correct `serial`, as ledger_correct will decide. */
bool ledger_may_correct(struct db *db, const char *serial, const char *login, char **err);

/* Voids the login's own last save with the reason 误操作撤销: the guard for
 * a save made by a stray key (a consultation saves in two).  `expect`
 * (NULL: any) is the serial the caller believes was saved last; when the
 * last save is another (a second terminal of the same login), nothing is
 * undone.  Only within LEDGER_UNDO_SECONDS of the save (its created_at),
 * for every role and whatever the entry's date (a back-dated entry too);
 * not in a locked year.  serial_out (may be NULL) receives the voided
 * serial. */
#define LEDGER_UNDO_REASON "误操作撤销"
#define LEDGER_UNDO_SECONDS 120
bool ledger_undo_last(struct db *db, const char *expect, const char *login,
		      char serial_out[SERIAL_LEN], char **err);

/* 办结 / 退回 / 转办 an entry that is 受理, today; audited. */
bool ledger_set_status(struct db *db, const char *serial, enum txn_status to,
		       const char *reason, const char *login, char **err);
/* The same on a given day (`on`, YYYY-MM-DD; NULL = today), recorded as
 * the case's done day: not before it was accepted, not after today. */
bool ledger_close(struct db *db, const char *serial, enum txn_status to, const char *reason,
		  const char *on, const char *login, char **err);

struct ledger_filter {
	const char *from, *to;    /* inclusive dates; NULL = open */
	const struct catalog_window *window;
	const struct catalog_matter *matter;
	const char *clerk;        /* login */
	const char *text;         /* serial, applicant (substring), ID number (whole, or
	                           * its last 4+ characters), or date */
	/* The login looking (DESIGN 11): NULL for the program's own reads
	 * (export, checks); a login sees only what its role allows, and ID
	 * numbers masked.  An unregistered login is refused. */
	const char *viewer;
	bool include_voided;
	bool newest_first;
	int limit;                /* 0 = no limit */
	/* Only the interchange columns (csvio.h, the follow-up ones included)
	 * are read; created_at, voided_by and the correction links are left
	 * empty.  A whole period, oldest first, is also put in id order a day
	 * at a time in C rather than by SQLite's sort (ledger_day.c). */
	bool interchange;
};
typedef bool (*ledger_fn)(const struct entry *e, void *ctx);
/* Streams matching entries in date order (id within a day); the callback
 * returns false to stop early. */
bool ledger_query(struct db *db, const struct catalog *cat, const struct ledger_filter *f,
		  ledger_fn fn, void *ctx, char **err);
/* Every open (受理, not voided) entry that is a 承诺件 — it has a due day,
 * or its matter has a time limit — of one window (NULL: all), by due day. */
bool ledger_open_cases(struct db *db, const struct catalog *cat,
		       const struct catalog_window *window, ledger_fn fn, void *ctx, char **err);
/* The entry saved last at a window (the highest id, whatever its date:
 * a back-dated entry is saved now too), if it is newer than `after_id`
 * and not voided; fn is not called when there is none. */
bool ledger_latest(struct db *db, const struct catalog *cat, const struct catalog_window *window,
		   int64_t after_id, ledger_fn fn, void *ctx, char **err);
/* One entry by serial, handed to fn. */
bool ledger_get(struct db *db, const struct catalog *cat, const char *serial,
		ledger_fn fn, void *ctx, char **err);

/* 承诺件 still 受理 past their due day on `today` (working days, by the
 * holiday table: see promise.h). */
bool ledger_overdue(struct db *db, const struct catalog *cat, const char *today,
		    ledger_fn fn, void *ctx, char **err);
/* The one view of an entry with its full ID number: for the clerks of its
 * window, supervisors and admins.  Each view of an entry that has an ID
 * number is audited ("view") before fn sees it. */
bool ledger_detail(struct db *db, const struct catalog *cat, const char *serial,
		   const char *viewer, ledger_fn fn, void *ctx, char **err);
/* A viewer's sieve for any stream of entries (overdue lists and the like),
 * by the rules of ledger_filter.viewer: ledger_sight_begin, then pass
 * ledger_sight_fn and the sight as the stream's callback and context; fn
 * sees what the viewer may see, ID numbers masked.  End it whatever
 * happened. */
struct ledger_sight {
	ledger_fn fn;
	void *ctx;
	char *windows; /* NULL = every window */
};
bool ledger_sight_begin(struct db *db, const char *viewer, ledger_fn fn, void *ctx,
			struct ledger_sight *sight, char **err);
bool ledger_sight_fn(const struct entry *e, void *sight);
void ledger_sight_end(struct ledger_sight *sight);
/* Calendar days an open entry has been waiting on `today`. */
int ledger_days_open(const struct entry *e, const char *today);

/* Year lock (supervisor or admin), audited. */
bool ledger_lock_year(struct db *db, int year, const char *login, char **err);
bool ledger_unlock_year(struct db *db, int year, const char *login, char **err);
bool ledger_year_locked(struct db *db, int year);

struct audit_row {
	int64_t id;
	const char *at, *login, *action, *serial, *detail; /* serial "" if none */
};
typedef bool (*audit_fn)(const struct audit_row *a, void *ctx);
/* The trail says who looked at whose ID number: a clerk (`viewer`) reads
 * only their own lines, supervisors and admins every line. */
bool ledger_audit_list(struct db *db, const char *viewer, const char *from, const char *to,
		       audit_fn fn, void *ctx, char **err);

#endif
