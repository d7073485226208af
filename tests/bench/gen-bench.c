/* Fills a benchmark database: `gen-bench FILE [ENTRIES]` creates FILE with
 * the default catalog and ENTRIES (default 1,000,000) made-up entries over
 * the 25 years 2001-2025, in the proportions of the 2021 reference report,
 * about 1% voided, every one recorded through the ledger's checks
 * (demo_fill).  The same arguments give the same database. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "clerk.h"
#include "db.h"
#include "demo.h"
#include "util.h"

#define FIRST_YEAR 2001
#define LAST_YEAR 2025

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "用法: gen-bench 文件 [办件数]\n");
		return 2;
	}
	long long total = argc > 2 ? atoll(argv[2]) : 1000000;
	int years = LAST_YEAR - FIRST_YEAR + 1;
	if (total < years) {
		fprintf(stderr, "gen-bench: 办件数至少为 %d\n", years);
		return 2;
	}
	char *err = NULL;
	const char *login = current_login();
	struct db *db = db_open(argv[1], DB_OPEN_CREATE, &err);
	struct catalog *cat = NULL;
	struct clerk self = {.login = (char *)login, .name = "基准测试", .role = ROLE_ADMIN,
			     .windows = ""};
	bool ok = db && catalog_load_defaults(db, login, &err) && clerk_put(db, &self, login, &err) &&
		  (cat = catalog_read(db, &err)) &&
		  demo_fill(db, cat, FIRST_YEAR, LAST_YEAR, total / years, 20211231, login, &err);
	if (!ok)
		fprintf(stderr, "gen-bench: %s\n", err ? err : "失败");
	free(err);
	catalog_free(cat);
	db_close(db);
	return ok ? 0 : 1;
}
