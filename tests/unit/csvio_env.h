#ifndef BIANMIN_TEST_CSVIO_ENV_H
#define BIANMIN_TEST_CSVIO_ENV_H
/* What the csvio tests share: fresh databases with the default catalog in
 * a private folder, files written there, imports and exports. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "csvio.h"
#include "db_sql.h"
#include "ledger.h"
#include "tap.h"
#include "util.h"

#define LOGIN "tester"

static char tmpdir[] = "/tmp/bianmin-csvio-XXXXXX";
static int ndb;

struct env {
	struct db *db;
	struct catalog *cat;
};

static inline struct env fresh(void)
{
	struct env e = {0};
	char *err = NULL;
	char *path = xasprintf("%s/db%d.sqlite", tmpdir, ++ndb);
	e.db = db_open(path, DB_OPEN_CREATE, &err);
	free(path);
	if (!e.db || !catalog_load_defaults(e.db, LOGIN, &err)) {
		printf("Bail out! cannot create a database: %s\n", err ? err : "");
		exit(1);
	}
	struct clerk c = {.login = LOGIN, .name = "测试", .role = ROLE_ADMIN, .windows = ""};
	if (!clerk_put(e.db, &c, LOGIN, &err) || !(e.cat = catalog_read(e.db, &err))) {
		printf("Bail out! cannot set up the catalog: %s\n", err ? err : "");
		exit(1);
	}
	return e;
}

static inline void done(struct env *e)
{
	catalog_free(e->cat);
	db_close(e->db);
}

/* A message as TAP diagnostics (its first lines): it may span lines. */
static inline void diag(const char *msg)
{
	if (!msg)
		return;
	int lines = 0;
	for (const char *p = msg; *p && lines++ < 5;) {
		const char *nl = strchr(p, '\n');
		int n = nl ? (int)(nl - p) : (int)strlen(p);
		printf("# %.*s\n", n, p);
		p += n + (nl ? 1 : 0);
	}
}

static inline int64_t count_txn(struct env *e)
{
	return db_int(e->db, -1, "SELECT count(*) FROM txn");
}

static inline int64_t count_audit(struct env *e)
{
	return db_int(e->db, -1, "SELECT count(*) FROM audit");
}

/* A 身份证 with the right ISO 7064 MOD 11-2 check character. */
static inline void make_id(char out[19], const char *first17)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (first17[i] - '0') * weight[i];
	memcpy(out, first17, 17);
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

static inline char *export_text(struct env *e, enum csvio_encoding enc, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	char *err = NULL;
	if (!csvio_export_year(e->db, e->cat, 2021, f, enc, &err))
		printf("# export failed: %s\n", err ? err : "");
	free(err);
	fclose(f);
	if (len)
		*len = n;
	return buf;
}

static inline char *write_file(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
	return path;
}

static inline bool import_file(struct env *e, const char *path, bool dry_run,
			struct csvio_import_result *res, char **err)
{
	return csvio_import(e->db, e->cat, path, dry_run, LOGIN, res, err);
}

static inline void record(struct env *e, struct entry_draft d)
{
	char *err = NULL;
	if (d.households == 0)
		d.households = -1;
	if (d.persons == 0)
		d.persons = -1;
	if (d.quantity == 0)
		d.quantity = -1;
	if (!ledger_record(e->db, e->cat, &d, LOGIN, NULL, &err))
		printf("# record failed: %s\n", err ? err : "");
	free(err);
}

static inline bool env_setup(void)
{
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! no temporary directory\n");
		return false;
	}
	return true;
}

static inline void env_cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
}

#endif
