/* core/db's one write path: begin, then end(ok) commits or rolls back;
 * statements and the write memo do not outlive the lock; WAL or nothing. */
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "testdb.h"

static int64_t setting_count(struct db *db)
{
	return db_int(db, -1, "SELECT count(*) FROM setting WHERE key = 'probe'");
}

int main(void)
{
	char *err = NULL;
	struct db *db = testdb_open("write.db");

	ok(db_begin_write(db, &err), "begin");
	ok(db_exec(db, "INSERT INTO setting (key, value) VALUES ('probe', '1')", &err), "write");
	ok(!db_end_write(db, false, &err) && !err, "end(false) says not saved, adds no message");
	is_int(setting_count(db), 0, "and rolled back");

	ok(db_begin_write(db, &err), "begin again");
	ok(db_exec(db, "INSERT INTO setting (key, value) VALUES ('probe', '1')", &err), "write");
	/* A read left half way would keep its snapshot past the commit. */
	sqlite3_stmt *st = db_stmt(db, "SELECT key FROM setting", &err);
	ok(st && sqlite3_step(st) == SQLITE_ROW && sqlite3_stmt_busy(st), "a read left stepping");
	ok(db_end_write(db, true, &err), "end(true) commits: %s", err ? err : "");
	ok(!sqlite3_stmt_busy(st), "the read was reset by the end");
	is_int(setting_count(db), 1, "the write is saved");
	ok(sqlite3_get_autocommit(db_handle(db)), "no transaction is left open");

	/* Ending when SQLite already rolled back (disk full) never says saved. */
	ok(db_begin_write(db, &err), "begin a third time");
	ok(db_exec(db, "ROLLBACK", &err), "the transaction goes away under us");
	ok(db_write_lost(db), "and the loss is seen");
	ok(!db_end_write(db, true, &err) && err && strstr(err, "没有保存"),
	   "end(true) then refuses to call it saved: %s", err ? err : "");
	free(err);
	err = NULL;

	/* The memo belongs to the connection and to one write lock. */
	int *memo = db_write_memo(db, DB_MEMO_LEDGER, sizeof(int) * 4, NULL);
	ok(db_begin_write(db, &err), "begin");
	memo[2] = 42;
	ok(db_write_memo(db, DB_MEMO_LEDGER, sizeof(int) * 4, NULL) == memo && memo[2] == 42,
	   "remembered under the lock");
	ok(db_end_write(db, true, &err), "end");
	is_int(memo[2], 0, "forgotten when the lock goes");
	struct db *other = db_open(db_path(db), DB_OPEN_EXISTING, &err);
	ok(other && db_write_memo(other, DB_MEMO_LEDGER, sizeof(int) * 4, NULL) != memo,
	   "another connection has its own");
	db_close(other);

	/* A misspelt name stops the program instead of binding NULL. */
	fflush(stdout);
	pid_t kid = fork();
	if (kid == 0) {
		sqlite3_stmt *q = db_stmt(db, "SELECT value FROM setting WHERE key = :key", NULL);
		if (!freopen("/dev/null", "w", stderr))
			_exit(1);
		db_bind_text(q, ":kye", "probe");
		_exit(0);
	}
	int status = 0;
	waitpid(kid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 70, "binding :kye to a :key statement stops");
	sqlite3_stmt *q = db_stmt(db, "SELECT value FROM setting WHERE key = :key", &err);
	db_bind_text(q, ":key", "probe");
	ok(q && sqlite3_step(q) == SQLITE_ROW && strcmp(db_col_text(q, 0), "1") == 0,
	   "the right name binds");
	sqlite3_reset(q);

	/* Without WAL a terminal's read would wait for another's write. */
	char *dir = testdb_path("");
	if (chdir(dir) != 0) {
		printf("Bail out! chdir %s\n", dir);
		return 1;
	}
	struct db *mem = db_open(":memory:", DB_OPEN_CREATE, &err);
	ok(!mem && err && strstr(err, "WAL") && strstr(err, "memory"),
	   "a database that cannot keep a WAL is refused: %s", err ? err : "");
	db_close(mem);
	free(err);
	free(dir);

	db_close(db);
	testdb_cleanup();
	return tap_done();
}
