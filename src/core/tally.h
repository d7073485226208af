#ifndef BIANMIN_TALLY_H
#define BIANMIN_TALLY_H
/* Counts per window and matter over a day or a range, in each matter's
 * unit.  Voided entries never count. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"

struct db;

struct tally_cell {
	int64_t entries, households, persons, quantity;
};

struct tally {
	char from[11], to[11];
	struct tally_cell *matters; /* indexed like catalog.matters */
	struct tally_cell *windows; /* indexed like catalog.windows (entries summed) */
	struct tally_cell total;
	size_t nmatters, nwindows;
};

/* Fills t for [from, to] (inclusive); `clerk` limits to one login (NULL:
 * everyone).  One aggregate query. */
bool tally_compute(struct db *db, const struct catalog *cat, const char *from, const char *to,
		   const char *clerk, struct tally *t, char **err);
void tally_clear(struct tally *t);

/* The unit a window's total is given in: the unit all its matters share
 * when they count entries alike (合计12项) or all count 人次, else 件
 * (entries). */
enum unit tally_window_unit(const struct catalog *cat, const struct catalog_window *w);

/* The figure in the matter's unit: "7项", "5人次", "2户7人", "51个". */
char *tally_format(char *out, size_t outsz, enum unit u, const struct tally_cell *c);
/* The number that unit counts (户+人: households). */
int64_t tally_value(enum unit u, const struct tally_cell *c);

/* Per clerk: entries per window for [from, to]. */
struct tally_clerk_row {
	const char *clerk;
	const struct tally_cell *windows; /* nwindows cells */
	int64_t total;
};
typedef bool (*tally_clerk_fn)(const struct tally_clerk_row *r, void *ctx);
bool tally_by_clerk(struct db *db, const struct catalog *cat, const char *from, const char *to,
		    tally_clerk_fn fn, void *ctx, char **err);

#endif
