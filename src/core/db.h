#ifndef BIANMIN_DB_H
#define BIANMIN_DB_H
/* The database as the rest of the program sees it: where it is, opening
 * (WAL, synchronous=FULL, foreign_keys=ON, busy_timeout 5000, migrations),
 * settings, backup and checks.  SQL itself stays inside core: see
 * db_sql.h. */

#include <stdbool.h>
#include <stdint.h>

struct db;

enum db_open_mode {
	DB_OPEN_EXISTING, /* refuse a missing file */
	DB_OPEN_CREATE,   /* create folder and file (0600, or 0660 in a setgid folder) */
};

/* Opens and migrates to the current schema.  A file that is not SQLite, or
 * carries a schema newer than this program, is refused and left untouched. */
struct db *db_open(const char *path, enum db_open_mode mode, char **err);
void db_close(struct db *db); /* NULL is fine */

/* The cause of an SQLite failure in Chinese (只读, 磁盘已满, 没有权限,
 * 不存在, 文件被锁定, I/O 错误 ...), from its extended result code and, for
 * file errors, the errno of the system call that failed
 * (sqlite3_system_errno; 0 if none).  SQLite's own English never reaches
 * a user: every message about the database is built on this. */
const char *db_error_text(int code, int sys_errno);

const char *db_path(const struct db *db);
int db_schema_version(struct db *db);

/* PRAGMA data_version: changes when another connection commits. */
int64_t db_data_version(struct db *db);

/* Settings table (center name and the like). */
char *db_setting(struct db *db, const char *key); /* malloc'd or NULL */
bool db_set_setting(struct db *db, const char *key, const char *value, char **err);

/* Online backup to `dest` (SQLite backup API) and consistency checks. */
bool db_backup(struct db *db, const char *dest, char **err);
/* integrity_check + foreign_key_check; on problems returns false and a
 * message listing them. */
bool db_check(struct db *db, char **err);

#endif
