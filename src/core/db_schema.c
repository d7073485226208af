/* The schema: data/schema.sql, embedded at build time, in "-- migration N"
 * sections that take user_version N - 1 to N; a section once released is
 * never edited, the next change is the next section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "util.h"

extern const char embedded_schema_sql[];

int db_schema_version(struct db *db)
{
	return (int)db_int(db, 0, "PRAGMA user_version");
}

/* Counts "-- migration N" sections in the embedded schema. */
int db_schema_target(void)
{
	int max = 0;
	for (const char *p = embedded_schema_sql; (p = strstr(p, "-- migration ")); p++) {
		int n = atoi(p + strlen("-- migration "));
		if (n > max)
			max = n;
	}
	return max;
}

/* The SQL that takes user_version `from` to `from + 1`: the text between
 * the two section markers.  Returned malloc'd. */
static char *migration_sql(int to)
{
	char marker[32];
	snprintf(marker, sizeof marker, "-- migration %d\n", to);
	const char *start = strstr(embedded_schema_sql, marker);
	if (!start)
		return NULL;
	start += strlen(marker);
	const char *end = strstr(start, "-- migration ");
	return end ? xstrndup(start, (size_t)(end - start)) : xstrdup(start);
}

bool db_migrate(struct db *db, char **err)
{
	int target = db_schema_target();
	int version = db_schema_version(db);
	if (version > target)
		return fail(err, "%s 由更新版本的 bianmin 写入（结构版本 %d，本程序支持到 %d），"
			    "请升级 bianmin；文件未作改动", db_path(db), version, target);
	if (version == target)
		return true;
	if (!db_begin_write(db, err))
		return false;
	/* Re-read under the write lock: another terminal may have migrated. */
	version = db_schema_version(db);
	bool ok = true;
	for (int v = version + 1; ok && v <= target; v++) {
		char *sql = migration_sql(v);
		ok = (sql && db_exec(db, sql, err)) || fail(err, "数据库结构升级到版本 %d 失败", v);
		free(sql);
	}
	char pragma[48];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", target);
	ok = ok && (version == target || db_exec(db, pragma, err));
	return db_end_write(db, ok, err);
}
