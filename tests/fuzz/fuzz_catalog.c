/* catalog_load_csv and village_load_csv on arbitrary bytes, against a
 * database holding entries: a refused file changes nothing and says why; a
 * loaded one leaves exactly its rows active, keeps every entry readable,
 * and the database sound. */
#include <stdbool.h>

#include "catalog.h"
#include "csvrow.h"
#include "fuzzdb.h"
#include "text.h"

/* What a screen and a report print: text, one line of it. */
static bool printable(const char *s)
{
	if (!text_valid_utf8(s, strlen(s)))
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return false;
	return true;
}

/* Everything a load may touch, as one text to compare. */
static char *snapshot(struct db *db)
{
	char *s = db_text(db,
		"SELECT (SELECT group_concat(r, char(10)) FROM (SELECT id || '|' || code || '|' || "
		"name || '|' || position AS r FROM \"window\" ORDER BY id)) || char(10) || "
		"(SELECT group_concat(r, char(10)) FROM (SELECT id || '|' || window_id || '|' || "
		"code || '|' || name || '|' || unit || '|' || category_options || '|' || "
		"requires_id || '|' || time_limit_days || '|' || active || '|' || position AS r "
		"FROM matter ORDER BY id)) || char(10) || "
		"(SELECT group_concat(r, char(10)) FROM (SELECT id || '|' || code || '|' || name || "
		"'|' || active || '|' || position AS r FROM village ORDER BY id))");
	FUZZ_CHECK(s, "cannot read the catalog tables");
	return s;
}

static bool count_record(char **fields, size_t n, size_t line, void *arg, char **err)
{
	(void)fields, (void)n, (void)line, (void)err;
	++*(size_t *)arg;
	return true;
}

static void check_load(struct db *db, const uint8_t *data, size_t size, bool villages)
{
	const char *what = villages ? "village load" : "catalog load";
	char *before = snapshot(db), *err = NULL;
	int64_t entries = db_int(db, -1, "SELECT count(*) FROM txn");
	bool ok = villages ? village_load_csv(db, (const char *)data, size, FUZZ_LOGIN, &err)
			   : catalog_load_csv(db, (const char *)data, size, FUZZ_LOGIN, &err);
	fuzzdb_check(db, what);
	if (!ok) {
		FUZZ_CHECK(err && *err && text_valid_utf8(err, strlen(err)),
			   "a refused %s says nothing, or not in UTF-8", what);
		char *after = snapshot(db);
		FUZZ_CHECK(strcmp(before, after) == 0, "a refused %s changed the catalog: %s", what,
			   err);
		free(after);
		free(err);
		free(before);
		return;
	}
	FUZZ_CHECK(err == NULL, "%s succeeded yet said: %s", what, err);
	size_t records = 0;
	FUZZ_CHECK(csvrow_read((const char *)data, size, count_record, &records, NULL) &&
			   records >= 2,
		   "%s accepted a file of %zu records", what, records);
	int64_t active = db_int(db, -1, villages ? "SELECT count(*) FROM village WHERE active"
						 : "SELECT count(*) FROM matter WHERE active");
	FUZZ_CHECK(active == (int64_t)records - 1, "%s of %zu rows left %lld active", what,
		   records - 1, (long long)active);
	FUZZ_CHECK(db_int(db, -1, "SELECT count(*) FROM txn") == entries, "%s lost entries", what);
	FUZZ_CHECK(db_int(db, -1, "SELECT count(*) FROM matter a JOIN matter b "
				  "ON a.window_id = b.window_id AND a.id < b.id "
				  "AND a.position = b.position WHERE a.active AND b.active") == 0,
		   "%s gave two matters of a window the same position", what);

	struct catalog *cat = catalog_read(db, &err);
	FUZZ_CHECK(cat, "catalog unreadable after %s: %s", what, err);
	/* Every entry still finds its matter, window and village. */
	sqlite3_stmt *st = db_prepare(db, "SELECT matter_id, village_id FROM txn", &err);
	FUZZ_CHECK(st, "%s", err);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct catalog_matter *m = catalog_matter_by_id(cat, sqlite3_column_int64(st, 0));
		FUZZ_CHECK(m && m->window < cat->nwindows, "an entry lost its matter after %s", what);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			FUZZ_CHECK(catalog_village_by_id(cat, sqlite3_column_int64(st, 1)),
				   "an entry lost its village after %s", what);
	}
	sqlite3_finalize(st);
	/* Each window's matters are the ones that say so, in order. */
	for (size_t w = 0; w < cat->nwindows; w++) {
		const struct catalog_window *win = &cat->windows[w];
		FUZZ_CHECK(win->first_matter + win->nmatters <= cat->nmatters, "window %s", win->code);
		for (size_t i = 0; i < win->nmatters; i++)
			FUZZ_CHECK(cat->matters[win->first_matter + i].window == w,
				   "matter %s filed under window %s",
				   cat->matters[win->first_matter + i].code, win->code);
		FUZZ_CHECK(catalog_window(cat, win->code) == win, "window %s not found by code",
			   win->code);
		FUZZ_CHECK(printable(win->name) && printable(win->code), "window '%s'", win->name);
		FUZZ_CHECK(catalog_window(cat, win->name) == win, "window %s not found by name '%s'",
			   win->code, win->name);
		/* Active matters keep file order: positions 1, 2, 3 ... */
		int position = 0;
		for (size_t i = 0; i < win->nmatters; i++) {
			const struct catalog_matter *m = &cat->matters[win->first_matter + i];
			FUZZ_CHECK(catalog_matter(cat, win, m->code) == m &&
					   catalog_matter(cat, win, m->name) == m,
				   "matter %s '%s' of window %s not found by its code and name",
				   m->code, m->name, win->code);
			if (m->active)
				FUZZ_CHECK(m->position == ++position,
					   "matter %s of window %s at position %d, not %d", m->code,
					   win->code, m->position, position);
		}
	}
	for (size_t i = 0; i < cat->nmatters; i++) {
		const struct catalog_matter *m = &cat->matters[i];
		FUZZ_CHECK(printable(m->name) && printable(m->code), "matter '%s'", m->name);
		for (size_t k = 0; k < m->ncategories; k++)
			FUZZ_CHECK(printable(m->categories[k]) && *m->categories[k],
				   "matter '%s' category '%s'", m->name, m->categories[k]);
	}
	for (size_t i = 0; i < cat->nvillages; i++)
	{
		FUZZ_CHECK(printable(cat->villages[i].name) && printable(cat->villages[i].code),
			   "village '%s'", cat->villages[i].name);
		FUZZ_CHECK(catalog_village(cat, cat->villages[i].code) == &cat->villages[i] &&
				   catalog_village(cat, cat->villages[i].name) == &cat->villages[i],
			   "village %s '%s' not found by its code and name", cat->villages[i].code,
			   cat->villages[i].name);
	}
	catalog_free(cat);
	free(before);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The same bytes as either file: the headers differ, so at most one
	 * load goes far, but both parse and check. */
	struct db *db = fuzzdb_fresh("work.sqlite", true);
	check_load(db, data, size, false);
	check_load(db, data, size, true);
	db_close(db);
	return 0;
}
