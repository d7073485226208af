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

#endif
