#ifndef BIANMIN_FUZZDB_H
#define BIANMIN_FUZZDB_H
/* Fresh databases for the fuzz targets that write.  Creating a database
 * (schema, default catalog) costs far more than one input's work, so it is
 * done once into a template, and each input gets a byte copy of it. */

#include <fcntl.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "db_sql.h"
#include "fuzz.h"
#include "ledger.h"
#include "util.h"

#define FUZZ_LOGIN "fuzzer"

static char fuzzdb_dir[256];

static void fuzzdb_cleanup(void)
{
	static const char *const names[] = {
		"template.sqlite", "empty.sqlite", "work.sqlite", "work.sqlite-wal", "work.sqlite-shm",
		"other.sqlite", "other.sqlite-wal", "other.sqlite-shm", "input.csv",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char path[300];
		snprintf(path, sizeof path, "%s/%s", fuzzdb_dir, names[i]);
		unlink(path);
	}
	rmdir(fuzzdb_dir);
}

static char *fuzzdb_path(const char *name)
{
	return xasprintf("%s/%s", fuzzdb_dir, name);
}

static void fuzzdb_copy(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	FUZZ_CHECK(in >= 0 && out >= 0, "cannot copy %s to %s", from, to);
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		FUZZ_CHECK(write(out, buf, (size_t)n) == n, "short write to %s", to);
	close(in);
	close(out);
}

/* Two templates, both with the default catalog and the fuzzer as admin:
 * empty.sqlite, and template.sqlite with two entries that hold on to a
 * matter and a village (so a catalog load must keep them). */
static void fuzzdb_init(void)
{
	if (fuzzdb_dir[0])
		return;
	/* /dev/shm when there: synchronous=FULL makes every commit an fsync. */
	const char *base = getenv("BIANMIN_FUZZ_TMPDIR");
	if (!base)
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fuzzdb_dir, sizeof fuzzdb_dir, "%s/bianmin-fuzz-XXXXXX", base);
	FUZZ_CHECK(mkdtemp(fuzzdb_dir), "mkdtemp %s", fuzzdb_dir);
	atexit(fuzzdb_cleanup);

	char *err = NULL, *path = fuzzdb_path("template.sqlite");
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);
	FUZZ_CHECK(db, "template: %s", err);
	FUZZ_CHECK(catalog_load_defaults(db, FUZZ_LOGIN, &err), "template: %s", err);
	struct clerk me = { .login = FUZZ_LOGIN, .name = "模糊测试", .role = ROLE_ADMIN, .windows = "" };
	FUZZ_CHECK(clerk_put(db, &me, FUZZ_LOGIN, &err), "template: %s", err);
	char *empty = fuzzdb_path("empty.sqlite");
	FUZZ_CHECK(db_backup(db, empty, &err), "template: %s", err);
	free(empty);
	struct catalog *cat = catalog_read(db, &err);
	FUZZ_CHECK(cat, "template: %s", err);
	struct entry_draft d1 = { .window = "sczr", .matter = "sl", .date = "2021-03-01",
				  .time = "09:30", .applicant = "上碑镇某商店", .village = "yc",
				  .households = -1, .persons = -1, .quantity = -1 };
	struct entry_draft d2 = { .window = "wsjk", .matter = "xnh", .date = "2021-12-31",
				  .time = "16:00", .applicant = "𠀀某", .village = "blbc",
				  .households = 1, .persons = 3, .quantity = -1 };
	FUZZ_CHECK(ledger_record(db, cat, &d1, FUZZ_LOGIN, NULL, &err), "template: %s", err);
	FUZZ_CHECK(ledger_record(db, cat, &d2, FUZZ_LOGIN, NULL, &err), "template: %s", err);
	catalog_free(cat);
	db_close(db);
	free(path);
}

/* A fresh copy named `name` of a template, opened. */
static struct db *fuzzdb_fresh(const char *name, bool with_entries)
{
	fuzzdb_init();
	char *tpl = fuzzdb_path(with_entries ? "template.sqlite" : "empty.sqlite");
	char *path = fuzzdb_path(name);
	for (const char *suffix = "-wal"; suffix; suffix = suffix[1] == 'w' ? "-shm" : NULL) {
		char *side = xasprintf("%s%s", path, suffix);
		unlink(side);
		free(side);
	}
	fuzzdb_copy(tpl, path);
	char *err = NULL;
	struct db *db = db_open(path, DB_OPEN_EXISTING, &err);
	FUZZ_CHECK(db, "open copy: %s", err);
	free(tpl);
	free(path);
	return db;
}

static void fuzzdb_check(struct db *db, const char *when)
{
	char *err = NULL;
	FUZZ_CHECK(db_check(db, &err), "db_check after %s: %s", when, err);
}

#endif
