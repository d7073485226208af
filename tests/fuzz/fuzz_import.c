/* csvio_import on arbitrary bytes, into a fresh database with the default
 * catalog: a dry run writes nothing and agrees with the real import; the
 * real import writes all its rows or none; the database stays sound; and
 * what was imported exports, reimports and exports again to the same
 * bytes. */
#include <stdbool.h>

#include "catalog.h"
#include "csvio.h"
#include "fuzzdb.h"
#include "text.h"

static int64_t count(struct db *db, const char *sql)
{
	int64_t n = db_int(db, -1, sql);
	FUZZ_CHECK(n >= 0, "cannot count: %s", sql);
	return n;
}

static void write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0, "writing %s", path);
}

static char *export_all(struct db *db, enum csvio_encoding enc, size_t *len)
{
	char *err = NULL, *buf = NULL;
	struct catalog *cat = catalog_read(db, &err);
	FUZZ_CHECK(cat, "catalog_read: %s", err);
	FILE *f = open_memstream(&buf, len);
	FUZZ_CHECK(csvio_export(db, cat, NULL, NULL, f, enc, &err), "export: %s", err);
	fclose(f);
	catalog_free(cat);
	return buf;
}

/* Through either encoding: GB18030 holds every character UTF-8 does. */
static void check_round_trip(struct db *db, size_t rows, enum csvio_encoding enc)
{
	size_t len = 0, len2 = 0, elen = 0;
	char *first = export_all(db, CSVIO_UTF8, &len);
	char *exported = export_all(db, enc, &elen);
	char *path = fuzzdb_path("input.csv");
	write_file(path, exported, elen);
	free(exported);

	struct db *other = fuzzdb_fresh("other.sqlite", false);
	char *err = NULL;
	struct catalog *cat = catalog_read(other, &err);
	FUZZ_CHECK(cat, "catalog_read: %s", err);
	struct csvio_import_result res;
	FUZZ_CHECK(csvio_import(other, cat, path, false, FUZZ_LOGIN, &res, &err),
		   "the export of an import does not import: %s\n%s", err, first);
	FUZZ_CHECK(res.rows == rows && res.encoding == enc, "exported %zu rows (%s), reimported %zu (%s)",
		   rows, csvio_encoding_name(enc), res.rows, csvio_encoding_name(res.encoding));
	char *second = export_all(other, CSVIO_UTF8, &len2);
	FUZZ_CHECK(len == len2 && memcmp(first, second, len) == 0,
		   "export, import, export differs:\n%s\n---\n%s", first, second);
	catalog_free(cat);
	db_close(other);
	free(second);
	free(first);
	free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = fuzzdb_fresh("work.sqlite", false);
	char *path = fuzzdb_path("input.csv");
	write_file(path, data, size);
	char *err = NULL;
	struct catalog *cat = catalog_read(db, &err);
	FUZZ_CHECK(cat, "catalog_read: %s", err);
	int64_t audits = count(db, "SELECT count(*) FROM audit");

	struct csvio_import_result dry;
	char *dry_err = NULL;
	bool dry_ok = csvio_import(db, cat, path, true, FUZZ_LOGIN, &dry, &dry_err);
	FUZZ_CHECK(!dry.written, "a dry run wrote");
	FUZZ_CHECK(count(db, "SELECT count(*) FROM txn") == 0, "a dry run left entries");
	FUZZ_CHECK(count(db, "SELECT count(*) FROM audit") == audits, "a dry run was audited");
	FUZZ_CHECK(dry_ok || (dry_err && text_valid_utf8(dry_err, strlen(dry_err))),
		   "a refused dry run says nothing, or not in UTF-8");
	FUZZ_CHECK(!dry_ok || dry.bad == 0, "a dry run passed with %zu bad rows", dry.bad);

	struct csvio_import_result res;
	bool ok = csvio_import(db, cat, path, false, FUZZ_LOGIN, &res, &err);
	FUZZ_CHECK(ok == dry_ok, "dry run %d, import %d: %s", (int)dry_ok, (int)ok,
		   err ? err : dry_err);
	FUZZ_CHECK(res.rows == dry.rows && res.bad == dry.bad && res.encoding == dry.encoding,
		   "dry run saw %zu rows (%zu bad), import %zu (%zu bad)", dry.rows, dry.bad,
		   res.rows, res.bad);
	FUZZ_CHECK(!ok || strcmp(err ? err : "", dry_err ? dry_err : "") == 0,
		   "different messages: %s / %s", err, dry_err);
	int64_t entries = count(db, "SELECT count(*) FROM txn");
	if (ok) {
		FUZZ_CHECK(res.written && (int64_t)res.rows == entries,
			   "import of %zu rows wrote %lld", res.rows, (long long)entries);
		FUZZ_CHECK(count(db, "SELECT count(*) FROM txn WHERE voided_at IS NOT NULL") ==
				   (int64_t)res.voided,
			   "%zu voided rows", res.voided);
		FUZZ_CHECK(count(db, "SELECT count(*) FROM audit") > audits, "import not audited");
		/* Given or assigned, a serial has the one form SCZR-2021-000123:
		 * its window, its entry's year, six digits, not all zero. */
		FUZZ_CHECK(count(db, "SELECT count(*) FROM txn JOIN matter ON matter.id = matter_id "
				     "JOIN \"window\" w ON w.id = matter.window_id "
				     "WHERE serial NOT GLOB upper(w.code) || '-' || "
				     "substr(occurred_on, 1, 4) || "
				     "'-[0-9][0-9][0-9][0-9][0-9][0-9]' "
				     "OR serial GLOB '*-000000'") == 0,
			   "a serial out of form: %s",
			   db_text(db, "SELECT group_concat(serial, ' ') FROM txn"));
	} else {
		FUZZ_CHECK(!res.written && entries == 0, "a refused import wrote %lld entries",
			   (long long)entries);
		FUZZ_CHECK(err && *err && text_valid_utf8(err, strlen(err)),
			   "a refused import says nothing, or not in UTF-8");
		FUZZ_CHECK(count(db, "SELECT count(*) FROM audit") == audits,
			   "a refused import was audited");
	}
	fuzzdb_check(db, "import");
	catalog_free(cat);
	if (ok && entries > 0)
		check_round_trip(db, (size_t)entries, size % 2 ? CSVIO_GB18030 : CSVIO_UTF8);
	db_close(db);
	free(err);
	free(dry_err);
	free(path);
	return 0;
}
