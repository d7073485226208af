/* Running statements: once for a write, through their rows, or for one
 * value. */
#include "db_sql.h"

#include "util.h"

bool db_run(struct db *db, sqlite3_stmt *st, char **err)
{
	bool ok = db_step(db, st, err) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

bool db_each_row(struct db *db, sqlite3_stmt *st, db_row_fn row, void *ctx, char **err)
{
	int rc = SQLITE_DONE, more = 1;
	while (more > 0 && (rc = db_step(db, st, err)) == SQLITE_ROW)
		more = row(st, ctx, err);
	sqlite3_reset(st);
	return rc >= 0 && more >= 0;
}

int64_t db_int(struct db *db, int64_t fallback, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int64_t v = fallback;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return v;
}

char *db_text(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	char *v = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup(db_col_text(st, 0));
	if (st)
		sqlite3_reset(st);
	return v;
}
