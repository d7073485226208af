#ifndef BIANMIN_DB_SQL_H
#define BIANMIN_DB_SQL_H
/* SQL for the core modules only (the terminal UI and the command line
 * never include this).  Every write runs inside db_begin_write() (BEGIN
 * IMMEDIATE) .. db_end_write(ok): one path commits or rolls back, so a
 * write is
 *
 *	if (!db_begin_write(db, err))
 *		return false;
 *	bool ok = this(db, err) && that(db, err) && db_audit(db, ...);
 *	return db_end_write(db, ok, err);
 *
 * Statements are cached per connection, so hot paths (import, save)
 * prepare once. */

#include <stddef.h>

#include <sqlite3.h>

#include "db.h"

sqlite3 *db_handle(struct db *db);

/* Creates an empty file for a database (and, with make_dirs, its folders,
 * 0700): 0660 in a setgid folder, else 0600.  An existing file is left as
 * it is. */
bool db_create_file(const char *path, bool make_dirs, char **err);

/* The schema version this program writes (the last "-- migration N" of
 * data/schema.sql), and taking a file there (db_schema.c): refused, the
 * file untouched, when it is newer. */
int db_schema_target(void);
bool db_migrate(struct db *db, char **err);

/* BEGIN IMMEDIATE: take the write lock first, so a busy peer means waiting
 * (busy_timeout), never SQLITE_BUSY_SNAPSHOT half way through. */
bool db_begin_write(struct db *db, char **err);
/* Ends the write: commits when ok (and SQLite has not rolled it back
 * itself), else rolls back; either way the cached statements are reset,
 * so none holds a read or a lock past it.  Returns whether the work is
 * saved: false when ok was false (the caller's reason is in *err already)
 * or when the commit failed (*err says why). */
bool db_end_write(struct db *db, bool ok, char **err);
/* True when SQLite itself rolled back the open write transaction (disk
 * full, I/O error): every later statement would commit on its own, so the
 * caller must stop, not carry on row by row. */
bool db_write_lost(struct db *db);
/* A read snapshot across several statements; ended with db_end_read(). */
bool db_begin_read(struct db *db, char **err);
void db_end_read(struct db *db);

/* Memory that belongs to this connection and its write lock: what was
 * read under the lock holds until it is let go (no other terminal can
 * write meanwhile), so it may be remembered here.  `size` zeroed bytes,
 * zeroed again at every db_begin_write() and db_end_write(), freed with
 * the connection; `forget` (may be NULL) is called on it first each time,
 * for what it points to.  One slot per module, the same size and forget
 * at every call. */
enum db_memo { DB_MEMO_LEDGER, DB_MEMO_COUNT };
void *db_write_memo(struct db *db, enum db_memo which, size_t size, void (*forget)(void *memo));

/* A cached, reset, unbound statement for `sql`, or NULL with *err set.
 * `sql` must be a string literal: the cache is keyed by its address.  Do
 * not finalize the statement; the next db_stmt() of the same SQL resets it. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, char **err);
/* A fresh statement for SQL assembled at run time (from fixed fragments,
 * values always bound); the caller finalizes it. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err);
/* Runs SQL without results (several statements allowed). */
bool db_exec(struct db *db, const char *sql, char **err);

/* Named binds (":name"); a NULL text binds SQL NULL.  A name the
 * statement lacks stops the program with both named: a misspelt name
 * never binds NULL silently. */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *value);
void db_bind_int(sqlite3_stmt *st, const char *name, int64_t value);
void db_bind_null(sqlite3_stmt *st, const char *name);

/* sqlite3_step that turns an error into a Chinese message.  Returns
 * SQLITE_ROW, SQLITE_DONE, or -1 with *err set. */
int db_step(struct db *db, sqlite3_stmt *st, char **err);
/* Runs a statement that returns no rows (an insert, an update) once and
 * resets it: false with *err unless it ran to the end. */
bool db_run(struct db *db, sqlite3_stmt *st, char **err);
/* Column text that is never NULL ("" instead). */
const char *db_col_text(sqlite3_stmt *st, int col);

/* What db_each_row() does with a row: 1 on to the next, 0 stop there, -1
 * failed (with *err). */
typedef int (*db_row_fn)(sqlite3_stmt *st, void *ctx, char **err);
/* Steps st through its rows, handing each to `row`, then resets it (no
 * read is left open).  False when a step failed or `row` did. */
bool db_each_row(struct db *db, sqlite3_stmt *st, db_row_fn row, void *ctx, char **err);

/* One-call helpers for a single value; no binds. */
int64_t db_int(struct db *db, int64_t fallback, const char *sql);
char *db_text(struct db *db, const char *sql); /* malloc'd or NULL */

/* Holds the audit trail against the ledger (db_trail.c: deleted rows,
 * entries no audit line created, voids without one, serials with a hole
 * below them, missing protective triggers), adding one line per finding
 * to `report`.  False only when the check itself could not run. */
struct strbuf;
bool db_trail_check(struct db *db, struct strbuf *report, char **err);

/* Appends to the audit trail; call inside a write transaction. */
bool db_audit(struct db *db, const char *login, const char *action, int64_t txn_id,
	      const char *detail, char **err);

#endif
