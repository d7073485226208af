#include "db_sql.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "period.h"
#include "priv.h"
#include "util.h"

/* A handful of statements run hot (save, import): cache them, keyed by the
 * address of their SQL literal. */
#define STMT_CACHE 128

struct cached_stmt {
	const char *sql; /* a string literal: compared by address */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *handle;
	char *path;
	bool in_write; /* between db_begin_write() and db_end_write() */
	struct cached_stmt cache[STMT_CACHE];
	size_t ncache;
	struct {
		void *p;
		size_t size;
		void (*forget)(void *memo);
	} memo[DB_MEMO_COUNT]; /* see db_write_memo() */
};

/* mkdir -p for the database's folder; new folders are private (0700). */
static bool make_parent_dirs(const char *path, char **err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return true;
	}
	*slash = '\0';
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			bool ok = fail(err, "无法创建目录 %s: %s", dir, errno_text(errno));
			free(dir);
			return ok;
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	free(dir);
	return true;
}

/* A shared database lives in a setgid group folder and is made 0660 there;
 * anywhere else it is the owner's alone (0600). */
static mode_t file_mode_for(const char *path)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	struct stat st;
	mode_t mode = 0600;
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (stat(slash ? dir : ".", &st) == 0 && (st.st_mode & S_ISGID))
		mode = 0660;
	free(dir);
	return mode;
}

bool db_create_file(const char *path, bool make_dirs, char **err)
{
	if (make_dirs && !make_parent_dirs(path, err))
		return false;
	mode_t mode = file_mode_for(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
	if (fd < 0) {
		if (errno == EEXIST)
			return true;
		return fail(err, "无法创建数据库文件 %s: %s", path, errno_text(errno));
	}
	fchmod(fd, mode); /* umask must not widen or narrow the shared mode */
	close(fd);
	return true;
}

/* The first 16 bytes of every SQLite 3 file.  An empty file is a new
 * database only for init, which was told to make one there; for any other
 * command it is a mistake (a wrong --db, a file truncated by accident),
 * refused before SQLite could turn it into a database. */
static bool looks_like_sqlite(const char *path, enum db_open_mode mode, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return fail(err, "无法打开数据库 %s: %s", path, errno_text(errno));
	char head[16];
	size_t n = fread(head, 1, sizeof head, f);
	bool unread = ferror(f);
	int e = errno;
	fclose(f);
	if (unread)
		return fail(err, "无法读取数据库 %s: %s", path, errno_text(e));
	if (n == 0 && mode == DB_OPEN_CREATE)
		return true;
	if (n == 0)
		return fail(err, "%s 是空文件，不是 bianmin 数据库，未作任何改动；如要在此新建数据库，"
			    "请运行 bianmin --db %s init", path, path);
	if (n < sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
		return fail(err, "%s 不是 bianmin 数据库（不是 SQLite 文件），未作任何改动", path);
	return true;
}

const char *db_error_text(int code, int sys_errno)
{
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "文件被锁定（其他终端正在写入），请稍后重试";
	case SQLITE_READONLY:
		if (code == SQLITE_READONLY_DBMOVED)
			return "文件在打开后被移动或删除";
		if (sys_errno == EROFS)
			return "只读（文件系统只读）";
		if (code == SQLITE_READONLY_DIRECTORY)
			return "只读（所在目录不可写，无法建立日志文件）";
		return "只读（没有写入的权限）";
	case SQLITE_FULL:
		return "磁盘已满";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "没有权限";
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
		/* The system call's own errno says more than SQLite's code. */
		if (sys_errno == ENOENT)
			return "不存在";
		if (sys_errno == EACCES || sys_errno == EPERM)
			return "没有权限";
		if (sys_errno == ENOSPC || sys_errno == EDQUOT)
			return "磁盘已满";
		if (sys_errno == EROFS)
			return "只读（文件系统只读）";
		if (sys_errno == EISDIR)
			return "这是一个目录";
		if ((code & 0xff) == SQLITE_CANTOPEN)
			return "无法打开（文件或其日志文件打不开）";
		if (code == SQLITE_IOERR_NOMEM)
			return "内存不足";
		return "I/O 错误（读写磁盘出错）";
	case SQLITE_NOTADB:
		return "不是 SQLite 数据库文件";
	case SQLITE_CORRUPT:
		return "文件已损坏";
	case SQLITE_NOMEM:
		return "内存不足";
	case SQLITE_TOOBIG:
		return "内容过大";
	case SQLITE_NOLFS:
		return "文件过大，本系统不支持";
	case SQLITE_PROTOCOL:
		return "文件锁出错（是否放在网络共享目录上？）";
	case SQLITE_SCHEMA:
		return "数据库结构刚被其他终端更改，请重试";
	case SQLITE_INTERRUPT:
		return "操作被中断";
	case SQLITE_CONSTRAINT:
		switch (code) {
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY:
			return "与已有记录重复";
		case SQLITE_CONSTRAINT_NOTNULL:
			return "缺少必填的值";
		case SQLITE_CONSTRAINT_CHECK:
			return "值不符合规则";
		case SQLITE_CONSTRAINT_FOREIGNKEY:
			return "引用的记录不存在";
		}
		return "不符合数据约束";
	case SQLITE_ERROR:
		/* Our statements are fixed: they fail only on a file whose
		 * tables are not what this program made. */
		return "数据库结构与本程序不符（表或列缺失，文件可能被改动过）";
	}
	return "数据库内部错误";
}

static bool sql_fail(struct db *db, char **err, const char *what)
{
	int code = sqlite3_extended_errcode(db->handle);
	int sys = sqlite3_system_errno(db->handle);
	/* Our triggers speak Chinese already (schema.sql); pass their words on. */
	if (code == SQLITE_CONSTRAINT_TRIGGER)
		return fail(err, "%s", sqlite3_errmsg(db->handle));
	/* SQLite opens a file it may not write read-only without saying why,
	 * and fails to open one whose -wal or -shm it cannot make with the
	 * errno of that other file (ENOENT: "不存在" for a file that is
	 * there).  Asking the system about the ledger itself names the cause:
	 * a read-only file system, no permission. */
	int primary = code & 0xff;
	if ((primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) &&
	    access(db->path, W_OK) != 0)
		sys = errno;
	else if (primary == SQLITE_CANTOPEN && sys == ENOENT)
		sys = 0;
	return fail(err, "%s数据库 %s 失败: %s", what, db->path, db_error_text(code, sys));
}

bool db_exec(struct db *db, const char *sql, char **err)
{
	if (sqlite3_exec(db->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(db, err, "读写");
	return true;
}

/* A bianmin file carries a user_version; an unversioned file with tables
 * belongs to some other program, and one without tables (sqlite3 run on a
 * new name) is nobody's yet: only init makes it a ledger.  Read without
 * the statement cache and without writing, so a refusal leaves the file
 * as it was. */
static bool is_ours(struct db *db, enum db_open_mode mode, char **err)
{
	sqlite3_stmt *st = NULL;
	int version = -1;
	int64_t tables = 0;
	if (sqlite3_prepare_v2(db->handle, "SELECT (SELECT user_version FROM pragma_user_version), "
			       "(SELECT count(*) FROM sqlite_master)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0);
		tables = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (version < 0 && (sqlite3_extended_errcode(db->handle) & 0xff) == SQLITE_NOTADB)
		return fail(err, "%s 不是 bianmin 数据库（不是 SQLite 文件），未作任何改动", db->path);
	if (version < 0)
		return sql_fail(db, err, "读取");
	if (version > db_schema_target())
		return fail(err, "%s 由更新版本的 bianmin 写入（结构版本 %d，本程序支持到 %d），"
			    "请升级 bianmin；文件未作改动", db->path, version, db_schema_target());
	if (version == 0 && tables > 0)
		return fail(err, "%s 是其他程序的 SQLite 数据库，不是 bianmin 数据库；未作任何改动",
			    db->path);
	if (version == 0 && mode != DB_OPEN_CREATE)
		return fail(err, "%s 是空的 SQLite 数据库，还不是 bianmin 数据库，未作任何改动；"
			    "如要在此新建数据库，请运行 bianmin --db %s init", db->path, db->path);
	return true;
}

/* Terminals read while another writes only in WAL mode; a file where
 * SQLite cannot keep a WAL (a network share without shared memory, a
 * memory database) would block them or lose that.  Refused, saying so. */
static bool journal_wal(struct db *db, char **err)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA journal_mode = WAL", err);
	if (!st)
		return false;
	int rc = db_step(db, st, err);
	char *mode = rc == SQLITE_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	sqlite3_finalize(st);
	if (!mode)
		return rc == SQLITE_ROW || fail(err, "无法设置数据库的日志模式");
	bool wal = strcmp(mode, "wal") == 0;
	if (!wal)
		fail(err, "%s 无法使用 WAL 日志模式（实为 %s），多个终端不能同时使用；"
		     "请把数据库放在本机磁盘上", db->path, mode);
	free(mode);
	return wal;
}

/* A shared ledger (held through the group, or in a setgid folder) keeps
 * its -wal and -shm files for good: SQLite would otherwise delete them
 * at the last close and the next caller would create them, own them, and
 * could rewrite the ledger's pages through them.  Its temporary tables and
 * sorts stay in memory, never in a file owned by the caller. */
static bool keep_shared(struct db *db, char **err)
{
	if (!priv_privileged() && file_mode_for(db->path) != 0660)
		return true;
	int persist = 1;
	sqlite3_file_control(db->handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	return db_exec(db, "PRAGMA temp_store = MEMORY", err);
}

struct db *db_open(const char *path, enum db_open_mode mode, char **err)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	/* 不存在 only when it is so: a folder one may not enter hides a file. */
	if (!exists && errno != ENOENT) {
		fail(err, "无法打开数据库 %s: %s", path, errno_text(errno));
		return NULL;
	}
	if (!exists && mode == DB_OPEN_EXISTING) {
		fail(err, "数据库 %s 不存在，请先运行 bianmin init", path);
		return NULL;
	}
	if (exists && S_ISDIR(st.st_mode)) {
		fail(err, "%s 是目录，不是数据库文件", path);
		return NULL;
	}
	if (!priv_open_ledger(path, !exists, err))
		return NULL;
	if (!exists && !db_create_file(path, true, err))
		return NULL;
	if (!looks_like_sqlite(path, mode, err))
		return NULL;

	/* SQLite keeps memory statistics under a global mutex on every
	 * allocation, a dozen a row in an import (5% of its instructions);
	 * nothing here reads them.  Settable only before SQLite starts. */
	static bool configured;
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	struct db *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	/* A connection never crosses threads: skip SQLite's per-call mutexes. */
	if (sqlite3_open_v2(path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		sql_fail(db, err, "打开");
		db_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db->handle, 1);
	sqlite3_busy_timeout(db->handle, 5000);
	/* Decide whether the file is ours before anything writes to it: even
	 * switching to WAL rewrites the header. */
	if (!is_ours(db, mode, err) || !keep_shared(db, err) ||
	    !db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", err) ||
	    !journal_wal(db, err) || !db_migrate(db, err)) {
		db_close(db);
		return NULL;
	}
	return db;
}

static void memo_forget(struct db *db);

void db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	memo_forget(db);
	for (size_t i = 0; i < DB_MEMO_COUNT; i++)
		free(db->memo[i].p);
	sqlite3_close(db->handle);
	free(db->path);
	free(db);
}

sqlite3 *db_handle(struct db *db)
{
	return db->handle;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

/* What was remembered under a write lock is void once it is let go. */
static void memo_forget(struct db *db)
{
	for (size_t i = 0; i < DB_MEMO_COUNT; i++) {
		if (!db->memo[i].p)
			continue;
		if (db->memo[i].forget)
			db->memo[i].forget(db->memo[i].p);
		memset(db->memo[i].p, 0, db->memo[i].size);
	}
}

void *db_write_memo(struct db *db, enum db_memo which, size_t size, void (*forget)(void *memo))
{
	if (!db->memo[which].p) {
		db->memo[which].p = xcalloc(1, size);
		db->memo[which].size = size;
		db->memo[which].forget = forget;
	}
	return db->memo[which].p;
}

bool db_begin_write(struct db *db, char **err)
{
	memo_forget(db);
	db->in_write = db_exec(db, "BEGIN IMMEDIATE", err);
	return db->in_write;
}

bool db_write_lost(struct db *db)
{
	return db->in_write && sqlite3_get_autocommit(db->handle);
}

/* A statement left stepping would hold its read (or, unfinished, its
 * write) past the end of the transaction. */
static void reset_statements(struct db *db)
{
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_reset(db->cache[i].stmt);
}

bool db_end_write(struct db *db, bool ok, char **err)
{
	if (ok && db_write_lost(db))
		ok = fail(err, "数据库已自行撤销了这次写入（磁盘已满或读写出错），没有保存任何内容");
	reset_statements(db);
	if (ok && !sqlite3_get_autocommit(db->handle))
		ok = db_exec(db, "COMMIT", err);
	if (!ok && !sqlite3_get_autocommit(db->handle))
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
	db->in_write = false;
	memo_forget(db);
	return ok;
}

bool db_begin_read(struct db *db, char **err)
{
	return db_exec(db, "BEGIN", err);
}

void db_end_read(struct db *db)
{
	reset_statements(db);
	if (!sqlite3_get_autocommit(db->handle))
		sqlite3_exec(db->handle, "COMMIT", NULL, NULL, NULL);
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql, char **err)
{
	for (size_t i = 0; i < db->ncache; i++) {
		struct cached_stmt *c = &db->cache[i];
		if (c->sql == sql) {
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return c->stmt;
		}
	}
	if (db->ncache == STMT_CACHE) {
		fail(err, "内部错误：缓存的查询过多");
		return NULL;
	}
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (st)
		db->cache[db->ncache++] = (struct cached_stmt){ .sql = sql, .stmt = st };
	return st;
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql, char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sql_fail(db, err, "查询");
		return NULL;
	}
	return st;
}

/* A name the statement does not have is a slip in the program, not in
 * what anyone typed: binding nothing would run the statement with NULL
 * there (SQLITE_RANGE, easily ignored).  It stops the program, naming the
 * parameter and the statement, so the first test through it finds it. */
static int param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i == 0) {
		fprintf(stderr, "bianmin: 内部错误：语句中没有参数 %s：%s\n", name, sqlite3_sql(st));
		exit(70); /* EX_SOFTWARE */
	}
	return i;
}

void db_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
	if (value)
		sqlite3_bind_text(st, param(st, name), value, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, param(st, name));
}

void db_bind_int(sqlite3_stmt *st, const char *name, int64_t value)
{
	sqlite3_bind_int64(st, param(st, name), value);
}

void db_bind_null(sqlite3_stmt *st, const char *name)
{
	sqlite3_bind_null(st, param(st, name));
}

int db_step(struct db *db, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	if ((rc & 0xff) == SQLITE_CONSTRAINT && rc != SQLITE_CONSTRAINT_TRIGGER)
		fail(err, "保存到数据库 %s 失败: %s", db->path, db_error_text(rc, 0));
	else
		sql_fail(db, err, "读写");
	sqlite3_reset(st);
	return -1;
}

const char *db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? (const char *)s : "";
}

int64_t db_data_version(struct db *db)
{
	return db_int(db, 0, "PRAGMA data_version");
}

char *db_setting(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM setting WHERE key = :key", NULL);
	if (!st)
		return NULL;
	db_bind_text(st, ":key", key);
	char *v = sqlite3_step(st) == SQLITE_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
	sqlite3_reset(st);
	return v;
}

bool db_set_setting(struct db *db, const char *key, const char *value, char **err)
{
	if (!db_begin_write(db, err))
		return false;
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO setting (key, value) VALUES (:key, :value) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	if (st) {
		db_bind_text(st, ":key", key);
		db_bind_text(st, ":value", value);
	}
	return db_end_write(db, st && db_step(db, st, err) == SQLITE_DONE, err);
}

bool db_audit(struct db *db, const char *login, const char *action, int64_t txn_id,
	      const char *detail, char **err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO audit (at, login, action, txn_id, detail) "
		"VALUES (:at, :login, :action, :txn, :detail)", err);
	if (!st)
		return false;
	char at[20];
	period_timestamp(at);
	db_bind_text(st, ":at", at);
	db_bind_text(st, ":login", login);
	db_bind_text(st, ":action", action);
	if (txn_id > 0)
		db_bind_int(st, ":txn", txn_id);
	else
		db_bind_null(st, ":txn");
	db_bind_text(st, ":detail", detail ? detail : "");
	return db_run(db, st, err);
}
