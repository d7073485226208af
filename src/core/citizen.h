#ifndef BIANMIN_CITIZEN_H
#define BIANMIN_CITIZEN_H
/* The citizens a window has served before: the same 证件号码 coming back
 * for the same matter within a year (a repeat, worth a word to the clerk),
 * and the names the clerk may pick instead of typing them again. */

#include <stdbool.h>
#include <stdint.h>

#include "ledger.h"

struct db;

/* An earlier entry the new one repeats. */
struct citizen_repeat {
	char serial[SERIAL_LEN];
	char date[DATE_LEN];
};
/* Whether another entry, not voided, of the same matter and year as the
 * entry `serial` carries its 证件号码 (the latest such one in *out).  False
 * with *err NULL when there is none or the entry has no ID number; false
 * with *err when the question could not be asked.  Some matters repeat by
 * nature: this warns, it never refuses. */
bool citizen_repeat(struct db *db, const char *serial, struct citizen_repeat *out, char **err);

/* A window's names, latest first, held in memory while the window is open:
 * a lookup per key press must not scan the ledger. */
struct citizen_name {
	const char *applicant;
	const char *id_number;                 /* "" if none */
	const struct catalog_village *village; /* NULL if none */
	const char *initials;                  /* pinyin initials: 张记面馆 zjmg */
	int64_t last_txn;
};
struct citizen_names;
/* Reads the window's names (the citizen table, one query). */
struct citizen_names *citizen_names_load(struct db *db, const struct catalog *cat,
					 const struct catalog_window *w, char **err);
void citizen_names_free(struct citizen_names *n); /* NULL is fine */
size_t citizen_names_count(const struct citizen_names *n);
/* After a save at this window: the name comes first, with its number and
 * village, without reading the table again. */
void citizen_names_note(struct citizen_names *n, const char *applicant, const char *id_number,
			const struct catalog_village *village, int64_t txn);
/* Up to `max` names matching `typed`, best first: those that begin with
 * it, then those that hold it, then those whose initials begin with it
 * (ASCII letters typed: zjmg), each group latest first.  Returns how many
 * were put in out[]; pointers live until the next note or free. */
size_t citizen_names_find(const struct citizen_names *n, const char *typed,
			  const struct citizen_name **out, size_t max);

#endif
