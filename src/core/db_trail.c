/* The audit trail held against the ledger, for check: what someone who
 * edits the file directly (root, or anyone who can write it) leaves
 * behind.  The program itself never deletes a row and writes every entry
 * together with its audit line in one transaction, so:
 *
 *  - txn and audit ids run 1..max without a gap (SQLite gives max + 1 and
 *    a rolled-back insert leaves nothing); a gap is a deleted row;
 *  - the audit lines that create entries, read in id order, cover the
 *    entries in id order, each exactly once: "add" one entry (txn_id, and
 *    its detail is the serial), "correct" the one entry whose corrects
 *    names the corrected entry, "import" and "demo" the next N entries (N
 *    from their detail: imports are audited per file, not per row);
 *  - an entry recorded at the counter (add, correct) or by the demo drew
 *    one past the highest serial of its window and year, so the serial
 *    just below it exists; an imported entry may carry any serial (a file
 *    exported for part of a year starts mid-sequence), so none is asked
 *    of it;
 *  - an entry voided after it was recorded has a void, undo or correct
 *    line, and an entry with such a line is voided; an import or the demo
 *    may record an entry already voided;
 *  - the triggers that refuse deleting entries and audit lines exist.
 *
 * What cannot be seen from inside the file: the newest entry deleted
 * together with the newest audit line (no gap, no orphan remains), or rows
 * rewritten consistently with all of the above.  A backup shows those. */
#include "db_sql.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { REPORT_MAX_LINES = 200 };

/* How an entry came into the ledger, by its audit line. */
enum origin { ORIGIN_NONE, ORIGIN_COUNTER, ORIGIN_DEMO, ORIGIN_IMPORT };

struct trail {
	struct db *db;
	struct strbuf *report;
	size_t lines, unlisted;
	int64_t max_id;
	bool *exists;         /* per txn id */
	unsigned char *origin; /* per txn id: enum origin */
	bool *void_audited;   /* per txn id */
	int64_t next;         /* the first entry no creating line has covered */
	int64_t unaudited_from, unaudited_n; /* a run of entries without one */
};

static void say(struct trail *t, const char *fmt, ...) BM_PRINTF(2, 3);

static void say(struct trail *t, const char *fmt, ...)
{
	if (t->lines++ >= REPORT_MAX_LINES) {
		t->unlisted++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	char *line = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_addf(t->report, "%s\n", line);
	free(line);
}

static char *serial_of(struct trail *t, int64_t id)
{
	sqlite3_stmt *st = db_stmt(t->db, "SELECT serial FROM txn WHERE id = :id", NULL);
	if (!st)
		return xstrdup("?");
	db_bind_int(st, ":id", id);
	char *s = xstrdup(sqlite3_step(st) == SQLITE_ROW ? db_col_text(st, 0) : "?");
	sqlite3_reset(st);
	return s;
}

/* Runs of ids from `sql` (ascending) that skip numbers: deleted rows. */
static bool gaps(struct trail *t, const char *sql, const char *what, const char *how, char **err)
{
	sqlite3_stmt *st = db_stmt(t->db, sql, err);
	if (!st)
		return false;
	int64_t expect = 1;
	int rc;
	while ((rc = db_step(t->db, st, err)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id > expect && id == expect + 1)
			say(t, "%s: id %" PRId64 " 缺失，%s", what, expect, how);
		else if (id > expect)
			say(t, "%s: id %" PRId64 " 至 %" PRId64 " 缺失，%s", what, expect, id - 1, how);
		expect = id + 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

static void flush_unaudited(struct trail *t)
{
	if (!t->unaudited_n)
		return;
	char *first = serial_of(t, t->unaudited_from);
	if (t->unaudited_n == 1) {
		say(t, "审计: 办件 %s 没有录入它的审计记录（不是经本程序录入的）", first);
	} else {
		int64_t last_id = t->unaudited_from;
		for (int64_t id = t->unaudited_from, k = 0; id <= t->max_id && k < t->unaudited_n; id++)
			if (t->exists[id])
				last_id = id, k++;
		char *last = serial_of(t, last_id);
		say(t, "审计: 办件 %s 至 %s 等 %" PRId64 " 件没有录入它们的审计记录（不是经本程序录入的）",
		    first, last, t->unaudited_n);
		free(last);
	}
	free(first);
	t->unaudited_n = 0;
}

/* Entries from t->next up to (not including) `upto` no line created. */
static void skip_to(struct trail *t, int64_t upto)
{
	for (int64_t id = t->next; id < upto && id <= t->max_id; id++) {
		if (!t->exists[id]) {
			flush_unaudited(t);
			continue;
		}
		if (!t->unaudited_n)
			t->unaudited_from = id;
		t->unaudited_n++;
	}
	flush_unaudited(t);
	if (upto > t->next)
		t->next = upto;
}

static void created_one(struct trail *t, int64_t audit_id, int64_t id, enum origin how)
{
	if (id < t->next) {
		char *serial = serial_of(t, id);
		say(t, "审计: 第 %" PRId64 " 条审计记录记载录入 %s，而之前的审计记录已记载过这一办件"
		    "（编号被重用，或审计记录被改动）", audit_id, serial);
		free(serial);
		return;
	}
	skip_to(t, id);
	if (id <= t->max_id)
		t->origin[id] = (unsigned char)how;
	t->next = id + 1;
}

static void created_block(struct trail *t, int64_t audit_id, const char *what, int64_t n,
			  enum origin how)
{
	int64_t missing = 0;
	for (int64_t id = t->next; id < t->next + n; id++) {
		if (id <= t->max_id && t->exists[id])
			t->origin[id] = (unsigned char)how;
		else
			missing++;
	}
	if (missing)
		say(t, "审计: 第 %" PRId64 " 条审计记录记载%s %" PRId64 " 件，其中 %" PRId64
		    " 件已不存在", audit_id, what, n, missing);
	t->next += n;
}

/* "导入 FILE N 行" (csvio.c) and "演示数据 Y年 第A-B条" (demo.c): how many
 * entries the line created, or -1. */
static int64_t block_count(const char *action, const char *detail)
{
	if (strcmp(action, "demo") == 0) {
		const char *p = strstr(detail, "第");
		long long a, b;
		if (p && sscanf(p, "第%lld-%lld条", &a, &b) == 2 && b >= a && a >= 1)
			return b - a + 1;
		return -1;
	}
	size_t len = strlen(detail), unit = strlen(" 行");
	if (len <= unit || strcmp(detail + len - unit, " 行") != 0)
		return -1;
	size_t end = len - unit, start = end;
	while (start > 0 && detail[start - 1] >= '0' && detail[start - 1] <= '9')
		start--;
	if (start == end || start == 0 || detail[start - 1] != ' ')
		return -1;
	return strtoll(detail + start, NULL, 10);
}

static bool walk_audit(struct trail *t, char **err)
{
	sqlite3_stmt *st = db_stmt(t->db,
		"SELECT a.id, a.action, a.txn_id, a.detail, x.serial, "
		"(SELECT n.id FROM txn n WHERE a.action = 'correct' AND n.corrects = x.serial) "
		"FROM audit a LEFT JOIN txn x ON x.id = a.txn_id ORDER BY a.id", err);
	if (!st)
		return false;
	int rc;
	while ((rc = db_step(t->db, st, err)) == SQLITE_ROW) {
		int64_t aid = sqlite3_column_int64(st, 0);
		const char *action = db_col_text(st, 1), *detail = db_col_text(st, 3);
		bool has_txn = sqlite3_column_type(st, 2) != SQLITE_NULL;
		int64_t tid = sqlite3_column_int64(st, 2);
		bool found = sqlite3_column_type(st, 4) != SQLITE_NULL;
		const char *serial = db_col_text(st, 4);
		if (has_txn && !found) {
			say(t, "审计: 第 %" PRId64 " 条审计记录（%s %s）所指的办件 id %" PRId64
			    " 已不存在", aid, action, detail, tid);
			if (strcmp(action, "add") == 0)
				created_one(t, aid, tid, ORIGIN_COUNTER);
			continue;
		}
		if (has_txn && tid >= 1 && tid <= t->max_id &&
		    (strcmp(action, "void") == 0 || strcmp(action, "undo") == 0 ||
		     strcmp(action, "correct") == 0))
			t->void_audited[tid] = true;
		if (strcmp(action, "add") == 0 && has_txn) {
			if (strcmp(detail, serial) != 0)
				say(t, "审计: 第 %" PRId64 " 条审计记录记载录入的是 %s，该办件现在的编号却是 %s",
				    aid, detail, serial);
			created_one(t, aid, tid, ORIGIN_COUNTER);
		} else if (strcmp(action, "correct") == 0 && has_txn) {
			if (sqlite3_column_type(st, 5) == SQLITE_NULL)
				say(t, "审计: 第 %" PRId64 " 条审计记录记载更正 %s（%s），更正后的办件已不存在",
				    aid, serial, detail);
			else
				created_one(t, aid, sqlite3_column_int64(st, 5), ORIGIN_COUNTER);
		} else if (strcmp(action, "import") == 0 || strcmp(action, "demo") == 0) {
			int64_t n = block_count(action, detail);
			if (n < 0)
				say(t, "审计: 第 %" PRId64 " 条审计记录（%s）读不出写入了多少件：%s", aid,
				    action, detail);
			else
				created_block(t, aid, strcmp(action, "demo") == 0 ? "演示数据" : "导入", n,
					      strcmp(action, "demo") == 0 ? ORIGIN_DEMO : ORIGIN_IMPORT);
		}
	}
	sqlite3_reset(st);
	skip_to(t, t->max_id + 1);
	return rc == SQLITE_DONE;
}

static bool check_voids(struct trail *t, char **err)
{
	sqlite3_stmt *st = db_stmt(t->db, "SELECT id, serial, voided_at IS NOT NULL FROM txn "
					  "ORDER BY id", err);
	if (!st)
		return false;
	int rc;
	while ((rc = db_step(t->db, st, err)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		bool voided = sqlite3_column_int(st, 2) != 0;
		if (id < 1 || id > t->max_id)
			continue;
		if (voided && !t->void_audited[id] && t->origin[id] == ORIGIN_COUNTER)
			say(t, "审计: 办件 %s 已作废，却没有作废它的审计记录", db_col_text(st, 1));
		else if (!voided && t->void_audited[id])
			say(t, "审计: 审计记录记载办件 %s 已作废，它现在却未作废（作废被直接撤掉了）",
			    db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

/* A serial drawn by the program whose predecessor is gone. */
static bool check_serials(struct trail *t, char **err)
{
	sqlite3_stmt *st = db_stmt(t->db,
		"SELECT t.id, t.serial, substr(t.serial, 1, length(t.serial) - 6), "
		"CAST(substr(t.serial, -6) AS INTEGER), "
		"(SELECT CAST(substr(max(p.serial), -6) AS INTEGER) FROM txn p "
		" WHERE p.serial < t.serial AND p.serial >= substr(t.serial, 1, length(t.serial) - 6)) "
		"FROM txn t WHERE CAST(substr(t.serial, -6) AS INTEGER) > 1 AND NOT EXISTS "
		"(SELECT 1 FROM txn p WHERE p.serial = substr(t.serial, 1, length(t.serial) - 6) || "
		" printf('%06d', CAST(substr(t.serial, -6) AS INTEGER) - 1)) ORDER BY t.serial", err);
	if (!st)
		return false;
	int rc;
	while ((rc = db_step(t->db, st, err)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id < 1 || id > t->max_id ||
		    (t->origin[id] != ORIGIN_COUNTER && t->origin[id] != ORIGIN_DEMO))
			continue;
		const char *prefix = db_col_text(st, 2);
		int64_t seq = sqlite3_column_int64(st, 3);
		int64_t from = sqlite3_column_int64(st, 4) + 1; /* NULL (none below) reads 0 */
		if (from == seq - 1)
			say(t, "编号: %s%06" PRId64 " 缺失（%s 是程序编的号，编它时前一号必在）", prefix,
			    from, db_col_text(st, 1));
		else
			say(t, "编号: %s%06" PRId64 " 至 %06" PRId64 " 缺失（%s 是程序编的号，编它时前一号必在）",
			    prefix, from, seq - 1, db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

static bool check_triggers(struct trail *t, char **err)
{
	static const char *const guards[] = {
		"txn_never_deleted", "audit_append_only", "txn_locked_void",
	};
	sqlite3_stmt *st = db_stmt(t->db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
					  "AND name = :name AND sql LIKE '%RAISE(ABORT%'", err);
	if (!st)
		return false;
	for (size_t i = 0; i < sizeof guards / sizeof *guards; i++) {
		db_bind_text(st, ":name", guards[i]);
		int rc = db_step(t->db, st, err);
		if (rc != SQLITE_ROW)
			return false;
		if (sqlite3_column_int(st, 0) != 1)
			say(t, "结构: 保护触发器 %s 不见了或被改过（有人直接改过数据库文件）", guards[i]);
		sqlite3_reset(st);
	}
	return true;
}

bool db_trail_check(struct db *db, struct strbuf *report, char **err)
{
	struct trail t = { .db = db, .report = report, .next = 1 };
	t.max_id = db_int(db, 0, "SELECT max(id) FROM txn");
	if (t.max_id < 0 || t.max_id > INT32_MAX)
		return fail(err, "办件 id 超出范围（%" PRId64 "）", t.max_id);
	size_t n = (size_t)t.max_id + 1;
	t.exists = xcalloc(n, sizeof *t.exists);
	t.origin = xcalloc(n, sizeof *t.origin);
	t.void_audited = xcalloc(n, sizeof *t.void_audited);
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM txn WHERE id >= 1", err);
	bool ok = st != NULL;
	int rc = SQLITE_DONE;
	while (ok && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id <= t.max_id)
			t.exists[id] = true;
	}
	if (st)
		sqlite3_reset(st);
	ok = ok && rc == SQLITE_DONE && check_triggers(&t, err) &&
	     gaps(&t, "SELECT id FROM txn ORDER BY id", "办件", "办件被直接删除过", err) &&
	     gaps(&t, "SELECT id FROM audit ORDER BY id", "审计记录", "审计记录被直接删除过", err) &&
	     walk_audit(&t, err) && check_voids(&t, err) && check_serials(&t, err);
	if (t.unlisted)
		strbuf_addf(report, "……另有 %zu 处问题未列出\n", t.unlisted);
	free(t.exists);
	free(t.origin);
	free(t.void_audited);
	return ok;
}
