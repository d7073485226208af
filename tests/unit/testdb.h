#ifndef BIANMIN_TESTDB_H
#define BIANMIN_TESTDB_H
/* A fresh database in a private temporary folder, with the default catalog
 * and the running account as admin. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "db_sql.h"
#include "util.h"

static char testdb_dir[64];

static inline char *testdb_path(const char *name)
{
	if (!testdb_dir[0]) {
		snprintf(testdb_dir, sizeof testdb_dir, "/tmp/bianmin-test-XXXXXX");
		if (!mkdtemp(testdb_dir)) {
			perror("mkdtemp");
			exit(99);
		}
	}
	return xasprintf("%s/%s", testdb_dir, name);
}

static inline struct db *testdb_open(const char *name)
{
	char *path = testdb_path(name);
	char *err = NULL;
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);
	if (!db || !catalog_load_defaults(db, current_login(), &err)) {
		fprintf(stderr, "testdb: %s\n", err ? err : "?");
		exit(99);
	}
	struct clerk me = { .login = (char *)current_login(), .name = (char *)"测试管理员",
			    .role = ROLE_ADMIN };
	if (!clerk_put(db, &me, current_login(), &err)) {
		fprintf(stderr, "testdb: %s\n", err);
		exit(99);
	}
	free(path);
	return db;
}

static inline void testdb_cleanup(void)
{
	if (testdb_dir[0]) {
		char *cmd = xasprintf("rm -rf '%s'", testdb_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "testdb: could not remove %s\n", testdb_dir);
		free(cmd);
	}
}

#endif
