/* Maintenance of a whole file: the online backup and the checks. */
#include "db_sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

bool db_backup(struct db *db, const char *dest, char **err)
{
	struct stat st;
	if (stat(dest, &st) == 0)
		return fail(err, "%s 已存在，备份不会覆盖已有文件", dest);
	/* A mistyped folder must fail, not quietly hold the only backup. */
	if (!db_create_file(dest, false, err))
		return false;
	sqlite3 *out = NULL;
	bool ok = false;
	if (sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(out, "main", db_handle(db), "main");
		if (b) {
			/* Copy in steps so terminals writing meanwhile are not blocked
			 * for the whole copy; a write restarts the copy. */
			int rc;
			while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK ||
			       rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
				int total = sqlite3_backup_pagecount(b);
				progress_step("备份", total - sqlite3_backup_remaining(b), total, "页");
				sqlite3_sleep(5);
			}
			ok = sqlite3_backup_finish(b) == SQLITE_OK && rc == SQLITE_DONE;
		}
		if (!ok)
			fail(err, "备份到 %s 失败: %s", dest,
			     db_error_text(sqlite3_extended_errcode(out), sqlite3_system_errno(out)));
	} else {
		fail(err, "无法打开备份文件 %s: %s", dest,
		     out ? db_error_text(sqlite3_extended_errcode(out), sqlite3_system_errno(out))
			 : "内存不足");
	}
	sqlite3_close(out);
	if (!ok)
		unlink(dest);
	return ok;
}

/* The checks are single statements: how far they are is the pages they
 * have read from the file so far (SQLite's cache misses).  Indexes are
 * checked against their tables, so the count passes the file's size: no
 * total is given. */
struct check_progress {
	sqlite3 *handle;
	int misses_before;
};

static int check_progress(void *arg)
{
	struct check_progress *cp = arg;
	int misses = 0, high = 0;
	sqlite3_db_status(cp->handle, SQLITE_DBSTATUS_CACHE_MISS, &misses, &high, 0);
	progress_step("检查", misses - cp->misses_before, 0, "页");
	return 0;
}

static void check_progress_begin(struct db *db, struct check_progress *cp)
{
	int high = 0;
	cp->handle = db_handle(db);
	sqlite3_db_status(cp->handle, SQLITE_DBSTATUS_CACHE_MISS, &cp->misses_before, &high, 0);
	sqlite3_progress_handler(cp->handle, 10000, check_progress, cp);
}

bool db_check(struct db *db, char **err)
{
	struct strbuf report = {0};
	struct check_progress cp;
	check_progress_begin(db, &cp);
	sqlite3_stmt *st = db_stmt(db, "PRAGMA integrity_check", err);
	int rc = st ? SQLITE_ROW : -1;
	while (st && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		const char *row = db_col_text(st, 0);
		if (strcmp(row, "ok") != 0)
			strbuf_addf(&report, "完整性: %s\n", row);
	}
	if (st)
		sqlite3_reset(st);
	st = rc == SQLITE_DONE ? db_stmt(db, "PRAGMA foreign_key_check", err) : NULL;
	if (st)
		rc = SQLITE_ROW;
	while (st && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		/* An audit line whose entry is gone is said by the trail's
		 * check below, in its words. */
		if (strcmp(db_col_text(st, 0), "audit") != 0)
			strbuf_addf(&report, "外键: 表 %s 第 %lld 行引用的 %s 不存在\n",
				    db_col_text(st, 0), (long long)sqlite3_column_int64(st, 1),
				    db_col_text(st, 2));
	}
	if (st)
		sqlite3_reset(st);
	/* The trail is read only from a file SQLite found sound. */
	if (rc == SQLITE_DONE && !report.s && !db_trail_check(db, &report, err))
		rc = -1;
	sqlite3_progress_handler(cp.handle, 0, NULL, NULL);
	/* A check that could not run to the end has not found the file sound. */
	if (rc != SQLITE_DONE) {
		free(report.s);
		return fail(err, "检查未能完成");
	}
	if (!report.s)
		return true;
	report.s[report.len - 1] = '\0';
	if (err && !*err)
		*err = report.s;
	else
		free(report.s);
	return false;
}
