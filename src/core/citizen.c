/* Returning citizens: repeats of a matter within a year. */
#include "citizen.h"

#include <stdio.h>
#include <string.h>

#include "db_sql.h"
#include "util.h"

bool citizen_repeat(struct db *db, const char *serial, struct citizen_repeat *out, char **err)
{
	/* The year's range of the covering index txn_report, narrowed to the
	 * matter inside it: a few thousand index entries at most, no scan of
	 * the ledger for a number that has no index of its own. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT e.serial, e.occurred_on FROM txn n JOIN txn e "
		"ON e.occurred_on BETWEEN substr(n.occurred_on, 1, 4) || '-01-01' "
		"AND substr(n.occurred_on, 1, 4) || '-12-31' "
		"AND e.matter_id = n.matter_id AND e.voided_at IS NULL "
		"AND e.id_number = n.id_number AND e.id <> n.id "
		"WHERE n.serial = upper(:serial) AND n.id_number <> '' "
		"ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1", err);
	if (!st)
		return false;
	db_bind_text(st, ":serial", serial ? serial : "");
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW) {
		snprintf(out->serial, sizeof out->serial, "%s", db_col_text(st, 0));
		snprintf(out->date, sizeof out->date, "%s", db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}
