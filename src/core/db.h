#ifndef BIANMIN_DB_H
#define BIANMIN_DB_H
/* The one door to SQLite.  Every connection gets WAL, synchronous=FULL,
 * foreign_keys=ON and busy_timeout 5000; every write runs inside
 * db_begin_write() (BEGIN IMMEDIATE) .. db_commit()/db_rollback().
 * Statements are cached per connection, keyed by their SQL text, so hot
 * paths (import, save) prepare once. */

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

struct db;

#define DB_SCHEMA_VERSION_MAX 64

/* Resolves the database path as the manual says: `explicit_path` (--db),
 * else $BIANMIN_DB, else `db =` in the system config file, else
 * $XDG_DATA_HOME/bianmin/bianmin.db (~/.local/share/...).  Returns a
 * malloc'd path. */
char *db_default_path(const char *explicit_path);
/* The `center =` line of the system config file, or NULL (malloc'd). */
char *db_config_center(void);
/* Overrides the system config file's path (tests). */
void db_set_config_path(const char *path);

enum db_open_mode {
	DB_OPEN_EXISTING, /* refuse a missing file */
	DB_OPEN_CREATE,   /* create folder and file (0600, or 0660 in a setgid folder) */
};

/* Opens and migrates to the current schema.  A file that is not SQLite, or
 * carries a schema newer than this program, is refused and left untouched. */
struct db *db_open(const char *path, enum db_open_mode mode, char **err);
void db_close(struct db *db); /* NULL is fine */

sqlite3 *db_handle(struct db *db);
const char *db_path(const struct db *db);
int db_schema_version(struct db *db);

/* BEGIN IMMEDIATE: take the write lock first, so a busy peer means waiting
 * (busy_timeout), never SQLITE_BUSY_SNAPSHOT half way through. */
bool db_begin_write(struct db *db, char **err);
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

/* PRAGMA data_version: changes when another connection commits. */
int64_t db_data_version(struct db *db);

/* Settings table (center name and the like). */
char *db_setting(struct db *db, const char *key); /* malloc'd or NULL */
bool db_set_setting(struct db *db, const char *key, const char *value, char **err);

/* Appends to the audit trail; call inside a write transaction. */
bool db_audit(struct db *db, const char *login, const char *action, int64_t txn_id,
	      const char *detail, char **err);

/* Online backup to `dest` (SQLite backup API) and consistency checks. */
bool db_backup(struct db *db, const char *dest, char **err);
/* integrity_check + foreign_key_check; on problems returns false and a
 * message listing them. */
bool db_check(struct db *db, char **err);

#endif
