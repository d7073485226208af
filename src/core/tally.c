#include "tally.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "util.h"

static void add_cell(struct tally_cell *to, const struct tally_cell *c)
{
	to->entries += c->entries;
	to->households += c->households;
	to->persons += c->persons;
	to->quantity += c->quantity;
}

static void read_cell(sqlite3_stmt *st, int col, struct tally_cell *c)
{
	c->entries = sqlite3_column_int64(st, col);
	c->households = sqlite3_column_int64(st, col + 1);
	c->persons = sqlite3_column_int64(st, col + 2);
	c->quantity = sqlite3_column_int64(st, col + 3);
}

static ptrdiff_t matter_index(const struct catalog *cat, int64_t id)
{
	const struct catalog_matter *m = catalog_matter_by_id(cat, id);
	return m ? m - cat->matters : -1;
}

bool tally_compute(struct db *db, const struct catalog *cat, const char *from, const char *to,
		   const char *clerk, struct tally *t, char **err)
{
	memset(t, 0, sizeof *t);
	snprintf(t->from, sizeof t->from, "%s", from);
	snprintf(t->to, sizeof t->to, "%s", to);
	t->nmatters = cat->nmatters;
	t->nwindows = cat->nwindows;
	t->matters = xcalloc(cat->nmatters, sizeof *t->matters);
	t->windows = xcalloc(cat->nwindows, sizeof *t->windows);

	/* The partial covering index txn_report answers the unfiltered form
	 * without touching the table. */
	sqlite3_stmt *st = clerk
		? db_stmt(db, "SELECT matter_id, count(*), sum(households), sum(persons), "
			      "sum(quantity) FROM txn WHERE occurred_on BETWEEN :from AND :to "
			      "AND voided_at IS NULL AND clerk = :clerk GROUP BY matter_id", err)
		: db_stmt(db, "SELECT matter_id, count(*), sum(households), sum(persons), "
			      "sum(quantity) FROM txn WHERE occurred_on BETWEEN :from AND :to "
			      "AND voided_at IS NULL GROUP BY matter_id", err);
	if (!st) {
		tally_clear(t);
		return false;
	}
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	if (clerk)
		db_bind_text(st, ":clerk", clerk);
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		ptrdiff_t i = matter_index(cat, sqlite3_column_int64(st, 0));
		if (i < 0)
			continue;
		read_cell(st, 1, &t->matters[i]);
		add_cell(&t->windows[cat->matters[i].window], &t->matters[i]);
		add_cell(&t->total, &t->matters[i]);
	}
	sqlite3_reset(st);
	if (rc < 0) {
		tally_clear(t);
		return false;
	}
	return true;
}

void tally_clear(struct tally *t)
{
	if (!t)
		return;
	free(t->matters);
	free(t->windows);
	memset(t, 0, sizeof *t);
}

int64_t tally_value(enum unit u, const struct tally_cell *c)
{
	switch (u) {
	case UNIT_REN:
	case UNIT_RENCI:
		return c->persons;
	case UNIT_HU:
	case UNIT_HU_REN:
		return c->households;
	case UNIT_GE:
		return c->quantity;
	case UNIT_XIANG:
	case UNIT_JIAN:
		break;
	}
	return c->entries;
}

char *tally_format(char *out, size_t outsz, enum unit u, const struct tally_cell *c)
{
	if (u == UNIT_HU_REN)
		snprintf(out, outsz, "%lld户%lld人", (long long)c->households, (long long)c->persons);
	else
		snprintf(out, outsz, "%lld%s", (long long)tally_value(u, c), unit_name(u));
	return out;
}

bool tally_by_clerk(struct db *db, const struct catalog *cat, const char *from, const char *to,
		    tally_clerk_fn fn, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT clerk, matter_id, count(*), sum(households), "
		"sum(persons), sum(quantity) FROM txn WHERE occurred_on BETWEEN :from AND :to "
		"AND voided_at IS NULL GROUP BY clerk, matter_id ORDER BY clerk", err);
	if (!st)
		return false;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	struct tally_cell *windows = xcalloc(cat->nwindows, sizeof *windows);
	char *clerk = NULL;
	int64_t total = 0;
	bool go_on = true;
	int rc = SQLITE_DONE;
	while (go_on && (rc = db_step(db, st, err)) == SQLITE_ROW) {
		const char *who = db_col_text(st, 0);
		if (clerk && strcmp(clerk, who) != 0) {
			struct tally_clerk_row row = { clerk, windows, total };
			go_on = fn(&row, ctx);
			memset(windows, 0, cat->nwindows * sizeof *windows);
			total = 0;
			free(clerk);
			clerk = NULL;
		}
		if (!clerk)
			clerk = xstrdup(who);
		ptrdiff_t i = matter_index(cat, sqlite3_column_int64(st, 1));
		if (i < 0)
			continue;
		struct tally_cell c;
		read_cell(st, 2, &c);
		add_cell(&windows[cat->matters[i].window], &c);
		total += c.entries;
	}
	if (go_on && rc == SQLITE_DONE && clerk) {
		struct tally_clerk_row row = { clerk, windows, total };
		fn(&row, ctx);
	}
	sqlite3_reset(st);
	free(clerk);
	free(windows);
	return rc >= 0 || !go_on;
}

enum unit tally_window_unit(const struct catalog *cat, const struct catalog_window *w)
{
	enum unit u = UNIT_JIAN;
	for (size_t j = 0; j < w->nmatters; j++) {
		const struct catalog_matter *m = &cat->matters[w->first_matter + j];
		if (!(unit_counts_entries(m->unit) || m->unit == UNIT_RENCI) ||
		    (j > 0 && m->unit != u))
			return UNIT_JIAN;
		u = m->unit;
	}
	return u;
}
