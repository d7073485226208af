#ifndef BIANMIN_DB_SQL_H
#define BIANMIN_DB_SQL_H
/* SQL for the core modules only (the terminal UI and the command line
 * never include this).  Every write runs inside db_begin_write() (BEGIN
 * IMMEDIATE) .. db_commit()/db_rollback().  Statements are cached per
 * connection, so hot paths (import, save) prepare once. */

#include <sqlite3.h>

#include "db.h"

sqlite3 *db_handle(struct db *db);

/* Creates an empty file for a database (and, with make_dirs, its folders,
 * 0700): 0660 in a setgid folder, else 0600.  An existing file is left as
 * it is. */
bool db_create_file(const char *path, bool make_dirs, char **err);

/* BEGIN IMMEDIATE: take the write lock first, so a busy peer means waiting
 * (busy_timeout), never SQLITE_BUSY_SNAPSHOT half way through. */
bool db_begin_write(struct db *db, char **err);
/* Changes at every db_begin_write() and db_rollback() in this process:
 * what was read under one write lock may be remembered while the number
 * stays the same. */
uint64_t db_write_generation(struct db *db);
/* True when SQLite itself rolled back the open write transaction (disk
 * full, I/O error): every later statement would commit on its own, so the
 * caller must stop, not carry on row by row. */
bool db_write_lost(struct db *db);
bool db_begin_read(struct db *db, char **err);
bool db_commit(struct db *db, char **err);
void db_rollback(struct db *db);

/* A cached, reset, unbound statement for `sql`, or NULL with *err set.
 * `sql` must be a string literal: the cache is keyed by its address.  Do
 * not finalize the statement; the next db_stmt() of the same SQL resets it. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, char **err);
/* A fresh statement for SQL assembled at run time (from fixed fragments,
 * values always bound); the caller finalizes it. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err);
/* Runs SQL without results (several statements allowed). */
bool db_exec(struct db *db, const char *sql, char **err);

/* Named binds (":name"); a NULL text binds SQL NULL. */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *value);
void db_bind_int(sqlite3_stmt *st, const char *name, int64_t value);
void db_bind_null(sqlite3_stmt *st, const char *name);

/* sqlite3_step that turns an error into a Chinese message.  Returns
 * SQLITE_ROW, SQLITE_DONE, or -1 with *err set. */
int db_step(struct db *db, sqlite3_stmt *st, char **err);
/* Column text that is never NULL ("" instead). */
const char *db_col_text(sqlite3_stmt *st, int col);

/* One-call helpers for a single value; no binds. */
int64_t db_int(struct db *db, int64_t fallback, const char *sql);
char *db_text(struct db *db, const char *sql); /* malloc'd or NULL */

/* Appends to the audit trail; call inside a write transaction. */
bool db_audit(struct db *db, const char *login, const char *action, int64_t txn_id,
	      const char *detail, char **err);

#endif
