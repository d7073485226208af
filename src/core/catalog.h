#ifndef BIANMIN_CATALOG_H
#define BIANMIN_CATALOG_H
/* Windows (窗口), matter types (事项) and villages (村): the catalog that
 * drives the screens, validates entries and orders the report.  Read once
 * into memory with catalog_read(); lookups by name or ASCII code are then
 * free of SQL. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idcheck.h"

struct db;

/* What a matter's figure counts (DESIGN section 4). */
enum unit {
	UNIT_XIANG,  /* 项: entries */
	UNIT_JIAN,   /* 件: entries */
	UNIT_RENCI,  /* 人次: sum of persons (default 1) */
	UNIT_REN,    /* 人: sum of persons */
	UNIT_HU,     /* 户: sum of households */
	UNIT_GE,     /* 个: sum of quantity */
	UNIT_HU_REN, /* 户+人: households and persons */
};

const char *unit_name(enum unit u);           /* "项", "户+人" ... */
bool unit_parse(const char *name, enum unit *out);
bool unit_counts_entries(enum unit u);        /* 项, 件 */
/* 人, 户+人, and 人次: persons of the entries, 1 each unless told (a group
 * of 20 at one 宣传 is one entry of 20人次). */
bool unit_sums_persons(enum unit u);
/* Which of 户数/人数/数量 an entry form asks for (a 人次 matter takes a
 * persons count too, but is not asked for one: a consultation saves in two
 * keys). */
bool unit_wants_households(enum unit u);
bool unit_wants_persons(enum unit u);
bool unit_wants_quantity(enum unit u);

struct catalog_window {
	int64_t id;
	char *code;   /* "sczr" */
	char *name;   /* "市场准入" */
	int position; /* 1-based, catalog order */
	size_t first_matter, nmatters; /* its matters: catalog.matters[first..first+n) */
};

struct catalog_matter {
	int64_t id;
	size_t window;         /* index into catalog.windows */
	char *code;            /* "sl" */
	char *name;            /* "设立业务" */
	enum unit unit;
	char **categories;     /* NULL when none */
	size_t ncategories;
	bool requires_id;
	bool requires_applicant; /* 需申请人: a blank 申请人 is refused */
	enum id_kind id_kind;    /* 证件类型: which check an ID number gets (ID_ANY: either) */
	int time_limit_days;   /* 0: 即办件 (saved 办结); >0: 承诺件 */
	bool active;
	int position;          /* 1-based within its window */
};

struct catalog_village {
	int64_t id;
	char *code;
	char *name;
	bool active;
};

struct catalog {
	struct catalog_window *windows; /* catalog order */
	size_t nwindows;
	struct catalog_matter *matters; /* grouped by window, catalog order */
	size_t nmatters;
	struct catalog_village *villages;
	size_t nvillages;
};

struct catalog *catalog_read(struct db *db, char **err);
/* Changes whenever a catalog or village list is loaded: a terminal that
 * stays open compares it to know its catalog_read() copy is stale. */
int64_t catalog_version(struct db *db);
void catalog_free(struct catalog *cat); /* NULL is fine */

/* Lookups accept the name or the code (codes case-insensitively).
 * Inactive matters are still found (old entries refer to them); callers
 * that record new entries check `active`. */
const struct catalog_window *catalog_window(const struct catalog *cat, const char *name_or_code);
const struct catalog_matter *catalog_matter(const struct catalog *cat,
					    const struct catalog_window *w,
					    const char *name_or_code);
const struct catalog_matter *catalog_matter_by_id(const struct catalog *cat, int64_t id);
const struct catalog_village *catalog_village(const struct catalog *cat, const char *name_or_code);
const struct catalog_village *catalog_village_by_id(const struct catalog *cat, int64_t id);
bool catalog_has_category(const struct catalog_matter *m, const char *category);

/* Loads catalog.csv / villages.csv text (format in bianmin(5)) in one write
 * transaction: new rows are added, known ones updated; rows missing from the
 * file are taken out of use when entries name them, and removed when none
 * does.  Admins only (anyone while no clerk is registered yet).  All or
 * nothing; every bad line reported by number. */
bool catalog_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err);
bool village_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err);
/* The defaults built into the program (data/catalog.csv, data/villages.csv), loaded only into a
 * database that has no windows yet. */
bool catalog_load_defaults(struct db *db, const char *login, char **err);

#endif
