#include "catalog.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvrow.h"
#include "db_sql.h"
#include "util.h"


static const char *const unit_names[] = {
	[UNIT_XIANG] = "项", [UNIT_JIAN] = "件", [UNIT_RENCI] = "人次", [UNIT_REN] = "人",
	[UNIT_HU] = "户", [UNIT_GE] = "个", [UNIT_HU_REN] = "户+人",
};

const char *unit_name(enum unit u)
{
	return (size_t)u < sizeof unit_names / sizeof *unit_names ? unit_names[u] : "?";
}

bool unit_parse(const char *name, enum unit *out)
{
	for (size_t i = 0; i < sizeof unit_names / sizeof *unit_names; i++) {
		if (strcmp(name, unit_names[i]) == 0) {
			*out = (enum unit)i;
			return true;
		}
	}
	return false;
}

bool unit_counts_entries(enum unit u)
{
	return u == UNIT_XIANG || u == UNIT_JIAN;
}

bool unit_sums_persons(enum unit u)
{
	return u == UNIT_REN || u == UNIT_HU_REN || u == UNIT_RENCI;
}

bool unit_wants_households(enum unit u)
{
	return u == UNIT_HU || u == UNIT_HU_REN;
}

bool unit_wants_persons(enum unit u)
{
	return u == UNIT_REN || u == UNIT_HU_REN;
}

bool unit_wants_quantity(enum unit u)
{
	return u == UNIT_GE;
}

/* Category options are stored and written as "申请|终止". */
static char **split_categories(const char *s, size_t *n)
{
	*n = 0;
	if (!s || !*s)
		return NULL;
	size_t cap = 0;
	char **v = NULL;
	for (const char *p = s;;) {
		size_t len = strcspn(p, "|");
		if (len > 0) {
			v = xgrow(v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = xstrndup(p, len);
		}
		if (!p[len])
			break;
		p += len + 1;
	}
	return v;
}

void catalog_free(struct catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->nwindows; i++) {
		free(cat->windows[i].code);
		free(cat->windows[i].name);
	}
	for (size_t i = 0; i < cat->nmatters; i++) {
		struct catalog_matter *m = &cat->matters[i];
		free(m->code);
		free(m->name);
		for (size_t j = 0; j < m->ncategories; j++)
			free(m->categories[j]);
		free(m->categories);
	}
	for (size_t i = 0; i < cat->nvillages; i++) {
		free(cat->villages[i].code);
		free(cat->villages[i].name);
	}
	free(cat->windows);
	free(cat->matters);
	free(cat->villages);
	free(cat);
}

static struct catalog *read_all(struct db *db, char **err);

/* Windows, matters and villages in one snapshot: a catalog loaded by
 * another terminal between the three reads must not be seen half. */
struct catalog *catalog_read(struct db *db, char **err)
{
	bool own = sqlite3_get_autocommit(db_handle(db)) && db_begin_read(db, err);
	if (sqlite3_get_autocommit(db_handle(db)))
		return NULL; /* could not begin: err says why */
	struct catalog *cat = read_all(db, err);
	if (own)
		db_end_read(db);
	return cat;
}

static struct catalog *read_all(struct db *db, char **err)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);
	size_t cap = 0;
	sqlite3_stmt *st = db_stmt(db, "SELECT id, code, name, position FROM \"window\" "
				       "ORDER BY position, id", err);
	if (!st)
		goto fail;
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		cat->windows = xgrow(cat->windows, &cap, cat->nwindows + 1, sizeof *cat->windows);
		/* Not nwindows++ in the subscript: the initializer reads it too,
		 * and the order of the two is unspecified. */
		size_t n = cat->nwindows;
		cat->windows[n] = (struct catalog_window){
			.id = sqlite3_column_int64(st, 0),
			.code = xstrdup(db_col_text(st, 1)),
			.name = xstrdup(db_col_text(st, 2)),
			.position = (int)n + 1,
		};
		cat->nwindows = n + 1;
	}
	if (rc < 0)
		goto fail;

	cap = 0;
	st = db_stmt(db, "SELECT m.id, m.window_id, m.code, m.name, m.unit, m.category_options, "
			 "m.requires_id, m.time_limit_days, m.active, m.requires_applicant, m.id_kind "
			 "FROM matter m "
			 "JOIN \"window\" w ON w.id = m.window_id "
			 "ORDER BY w.position, w.id, m.position, m.id", err);
	if (!st)
		goto fail;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		int64_t window_id = sqlite3_column_int64(st, 1);
		size_t w = 0;
		while (w < cat->nwindows && cat->windows[w].id != window_id)
			w++;
		if (w == cat->nwindows)
			continue; /* cannot happen within one snapshot; never index past */
		struct catalog_matter m = {
			.id = sqlite3_column_int64(st, 0),
			.window = w,
			.code = xstrdup(db_col_text(st, 2)),
			.name = xstrdup(db_col_text(st, 3)),
			.requires_id = sqlite3_column_int(st, 6) != 0,
			.time_limit_days = sqlite3_column_int(st, 7),
			.active = sqlite3_column_int(st, 8) != 0,
			.requires_applicant = sqlite3_column_int(st, 9) != 0,
		};
		if (!idcheck_kind_parse(db_col_text(st, 10), &m.id_kind))
			m.id_kind = ID_RESIDENT;
		if (!unit_parse(db_col_text(st, 4), &m.unit))
			m.unit = UNIT_XIANG;
		m.categories = split_categories(db_col_text(st, 5), &m.ncategories);
		struct catalog_window *win = &cat->windows[w];
		if (win->nmatters == 0)
			win->first_matter = cat->nmatters;
		win->nmatters++;
		m.position = (int)win->nmatters;
		cat->matters = xgrow(cat->matters, &cap, cat->nmatters + 1, sizeof *cat->matters);
		cat->matters[cat->nmatters++] = m;
	}
	if (rc < 0)
		goto fail;

	cap = 0;
	st = db_stmt(db, "SELECT id, code, name, active FROM village ORDER BY position, id", err);
	if (!st)
		goto fail;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		cat->villages = xgrow(cat->villages, &cap, cat->nvillages + 1, sizeof *cat->villages);
		cat->villages[cat->nvillages++] = (struct catalog_village){
			.id = sqlite3_column_int64(st, 0),
			.code = xstrdup(db_col_text(st, 1)),
			.name = xstrdup(db_col_text(st, 2)),
			.active = sqlite3_column_int(st, 3) != 0,
		};
	}
	if (rc < 0)
		goto fail;
	return cat;
fail:
	catalog_free(cat);
	return NULL;
}

int64_t catalog_version(struct db *db)
{
	return db_int(db, 0, "SELECT CAST(value AS INTEGER) FROM setting "
			     "WHERE key = 'catalog_version'");
}

static bool same_key(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

const struct catalog_window *catalog_window(const struct catalog *cat, const char *key)
{
	if (!key || !*key)
		return NULL;
	for (size_t i = 0; i < cat->nwindows; i++) {
		const struct catalog_window *w = &cat->windows[i];
		if (same_key(w->name, key) || strcasecmp(w->code, key) == 0)
			return w;
	}
	/* "市场准入窗口" names the same window as "市场准入". */
	size_t len = strlen(key), suffix = strlen("窗口");
	if (len > suffix && strcmp(key + len - suffix, "窗口") == 0) {
		for (size_t i = 0; i < cat->nwindows; i++) {
			const struct catalog_window *w = &cat->windows[i];
			if (strlen(w->name) == len - suffix && strncmp(w->name, key, len - suffix) == 0)
				return w;
		}
	}
	return NULL;
}

const struct catalog_matter *catalog_matter(const struct catalog *cat,
					    const struct catalog_window *w, const char *key)
{
	if (!w || !key || !*key)
		return NULL;
	for (size_t i = w->first_matter; i < w->first_matter + w->nmatters; i++) {
		const struct catalog_matter *m = &cat->matters[i];
		if (same_key(m->name, key) || strcasecmp(m->code, key) == 0)
			return m;
	}
	return NULL;
}

const struct catalog_matter *catalog_matter_by_id(const struct catalog *cat, int64_t id)
{
	for (size_t i = 0; i < cat->nmatters; i++)
		if (cat->matters[i].id == id)
			return &cat->matters[i];
	return NULL;
}

const struct catalog_village *catalog_village(const struct catalog *cat, const char *key)
{
	if (!key || !*key)
		return NULL;
	for (size_t i = 0; i < cat->nvillages; i++) {
		const struct catalog_village *v = &cat->villages[i];
		if (same_key(v->name, key) || strcasecmp(v->code, key) == 0)
			return v;
	}
	return NULL;
}

const struct catalog_village *catalog_village_by_id(const struct catalog *cat, int64_t id)
{
	for (size_t i = 0; i < cat->nvillages; i++)
		if (cat->villages[i].id == id)
			return &cat->villages[i];
	return NULL;
}

bool catalog_has_category(const struct catalog_matter *m, const char *category)
{
	for (size_t i = 0; i < m->ncategories; i++)
		if (strcmp(m->categories[i], category) == 0)
			return true;
	return false;
}
