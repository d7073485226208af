/* What `bianmin init` and `bianmin import FILE` do, for timing the import
 * path on its own:
 *
 *   import_driver init DB
 *   import_driver import DB FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "clerk.h"
#include "csvio.h"
#include "db.h"
#include "util.h"

static int failed(const char *what, char *err)
{
	fprintf(stderr, "import_driver: %s: %s\n", what, err ? err : "");
	free(err);
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "import") == 0 && argc < 4)) {
		fprintf(stderr, "usage: import_driver init DB | import DB FILE\n");
		return 2;
	}
	char *err = NULL;
	bool init = strcmp(argv[1], "init") == 0;
	struct db *db = db_open(argv[2], init ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &err);
	if (!db)
		return failed("open", err);
	const char *login = current_login();
	if (init) {
		struct clerk c = {.login = (char *)login, .name = "管理员", .role = ROLE_ADMIN,
				  .windows = ""};
		if (!catalog_load_defaults(db, login, &err) || !clerk_put(db, &c, login, &err))
			return failed("init", err);
		db_close(db);
		return 0;
	}
	struct catalog *cat = catalog_read(db, &err);
	if (!cat)
		return failed("catalog", err);
	struct csvio_import_result res;
	if (!csvio_import(db, cat, argv[3], false, login, &res, &err))
		return failed("import", err);
	printf("%zu\n", res.rows);
	catalog_free(cat);
	db_close(db);
	return 0;
}
