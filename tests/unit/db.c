/* core/db: creation, pragmas, migrations, refusing foreign files. */
#include <fcntl.h>
#include <sys/stat.h>

#include "conf.h"
#include "tap.h"
#include "testdb.h"

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = xmalloc(1 << 16);
	*len = fread(buf, 1, 1 << 16, f);
	fclose(f);
	return buf;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	fwrite(text, 1, len, f);
	fclose(f);
}

/* Counts the rows it is handed, stopping or failing at the row `at`. */
struct rows_seen {
	int n, at, answer;
};

static int see_row(sqlite3_stmt *st, void *ctx, char **err)
{
	struct rows_seen *r = ctx;
	r->n++;
	if (sqlite3_column_int(st, 0) != r->at)
		return 1;
	if (r->answer < 0)
		fail(err, "第 %d 行不对", r->at);
	return r->answer;
}

static void test_each_row(struct db *db)
{
	static const char sql[] = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
				  "FROM n WHERE i < 5) SELECT i FROM n";
	char *err = NULL;
	struct rows_seen all = { .at = 0 };
	bool done = db_each_row(db, db_stmt(db, sql, NULL), see_row, &all, &err);
	ok(done && all.n == 5, "db_each_row hands every row on");
	struct rows_seen stop = { .at = 2, .answer = 0 };
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	done = db_each_row(db, st, see_row, &stop, &err);
	ok(done && stop.n == 2, "a row that says stop ends the stream without failing");
	ok(!sqlite3_stmt_busy(st), "and leaves no read open");
	struct rows_seen bad = { .at = 3, .answer = -1 };
	done = db_each_row(db, db_stmt(db, sql, NULL), see_row, &bad, &err);
	ok(!done && bad.n == 3, "a row that fails ends the stream and fails it");
	is_str(err, "第 3 行不对", "with the row's own message");
	free(err);
}

static void test_run(struct db *db)
{
	static const char sql[] = "INSERT INTO setting (key, value) VALUES ('run', '1')";
	char *err = NULL;
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	ok(db_run(db, st, &err) && !sqlite3_stmt_busy(st), "db_run runs a write once and resets it");
	ok(!db_run(db, db_stmt(db, sql, NULL), &err), "a write that fails is false");
	ok(err && strstr(err, "失败"), "with a message: %s", err ? err : "");
	free(err);
}

int main(void)
{
	char *err = NULL;
	char *path = testdb_path("sub/dir/new.db");
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);
	ok(db != NULL, "creates the database and its folders: %s", err ? err : "");
	struct stat st;
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "a private file is mode 0600");
	is_int(db_schema_version(db), 5, "migrated to the current schema");
	char *mode = db_text(db, "PRAGMA journal_mode");
	is_str(mode, "wal", "journal mode is WAL");
	free(mode);
	is_int(db_int(db, -1, "PRAGMA foreign_keys"), 1, "foreign keys on");
	is_int(db_int(db, -1, "PRAGMA synchronous"), 2, "synchronous FULL");
	ok(db_set_setting(db, "center", "上碑镇行政综合服务中心", &err), "setting stored");
	char *center = db_setting(db, "center");
	is_str(center, "上碑镇行政综合服务中心", "setting read back");
	free(center);
	test_each_row(db);
	test_run(db);
	db_close(db);

	db = db_open(path, DB_OPEN_EXISTING, &err);
	ok(db != NULL, "reopens an existing database");
	db_close(db);

	char *missing = testdb_path("missing.db");
	db = db_open(missing, DB_OPEN_EXISTING, &err);
	ok(db == NULL && err && strstr(err, "bianmin init"), "a missing file is refused: %s",
	   err ? err : "");
	ok(access(missing, F_OK) != 0, "and is not created");
	free(err);
	err = NULL;
	free(missing);

	/* Not SQLite: refused, byte for byte untouched. */
	char *text = testdb_path("notes.txt");
	const char body[] = "这不是数据库\nname,value\n";
	write_file(text, body, sizeof body - 1);
	db = db_open(text, DB_OPEN_CREATE, &err);
	ok(db == NULL && err && strstr(err, "不是"), "a text file is refused: %s", err ? err : "");
	size_t len = 0;
	char *after = read_all(text, &len);
	ok(len == sizeof body - 1 && memcmp(after, body, len) == 0, "and left untouched");
	free(after);
	free(err);
	err = NULL;
	free(text);

	/* Written by a newer schema: refused, untouched. */
	char *newer = testdb_path("newer.db");
	db = db_open(newer, DB_OPEN_CREATE, &err);
	ok(db && db_exec(db, "PRAGMA user_version = 99", &err), "made a newer-schema file");
	db_close(db);
	size_t before_len = 0;
	char *before = read_all(newer, &before_len);
	db = db_open(newer, DB_OPEN_EXISTING, &err);
	ok(db == NULL && err && strstr(err, "更新版本"), "a newer schema is refused: %s",
	   err ? err : "");
	after = read_all(newer, &len);
	ok(len == before_len && memcmp(after, before, len) == 0, "and the file is untouched");
	free(before);
	free(after);
	free(err);
	err = NULL;
	free(newer);

	/* Another program's SQLite file. */
	char *other = testdb_path("other.db");
	sqlite3 *raw;
	sqlite3_open(other, &raw);
	sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(raw);
	db = db_open(other, DB_OPEN_EXISTING, &err);
	ok(db == NULL && err && strstr(err, "其他程序"), "a foreign SQLite file is refused: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	free(other);

	/* Nothing is ever deleted. */
	db = db_open(path, DB_OPEN_EXISTING, &err);
	ok(db_audit(db, "tester", "test", 0, "一行", &err), "an audit row written");
	ok(!db_exec(db, "DELETE FROM audit", &err) && err && strstr(err, "不可删除"),
	   "the audit trail refuses DELETE: %s", err ? err : "");
	free(err);
	err = NULL;

	char *backup = testdb_path("backup.db");
	ok(db_backup(db, backup, &err), "online backup: %s", err ? err : "");
	ok(!db_backup(db, backup, &err) && err, "backup never overwrites: %s", err ? err : "");
	free(err);
	err = NULL;
	char *astray = testdb_path("no/such/folder/backup.db");
	ok(!db_backup(db, astray, &err) && err && strstr(err, "不存在"),
	   "backup into a missing folder fails: %s", err ? err : "");
	ok(access(astray, F_OK) != 0, "and creates nothing");
	free(astray);
	free(err);
	err = NULL;
	ok(db_check(db, &err), "check passes on a sound database");
	db_close(db);
	db = db_open(backup, DB_OPEN_EXISTING, &err);
	center = db ? db_setting(db, "center") : NULL;
	is_str(center, "上碑镇行政综合服务中心", "the backup carries the data");
	free(center);
	db_close(db);
	free(backup);

	/* Configuration: --db wins over the environment, which wins over the file. */
	char *conf = testdb_path("bianmin.conf");
	const char conf_text[] = "# comment\ndb = /srv/bianmin/center.db\ncenter = 上碑镇行政综合服务中心\n";
	write_file(conf, conf_text, sizeof conf_text - 1);
	conf_set_path(conf);
	unsetenv("BIANMIN_DB");
	char *p = conf_db_path(NULL, NULL);
	is_str(p, "/srv/bianmin/center.db", "db = in the config file");
	free(p);
	setenv("BIANMIN_DB", "/tmp/env.db", 1);
	p = conf_db_path(NULL, NULL);
	is_str(p, "/tmp/env.db", "BIANMIN_DB wins over the config file");
	free(p);
	p = conf_db_path("/tmp/flag.db", NULL);
	is_str(p, "/tmp/flag.db", "--db wins over BIANMIN_DB");
	free(p);
	p = conf_center();
	is_str(p, "上碑镇行政综合服务中心", "center = in the config file");
	free(p);
	conf_set_path("/nonexistent/bianmin.conf");
	unsetenv("BIANMIN_DB");
	setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
	p = conf_db_path(NULL, NULL);
	is_str(p, "/tmp/xdg/bianmin/bianmin.db", "XDG default");
	free(p);
	free(conf);

	free(path);
	testdb_cleanup();
	return tap_done();
}
