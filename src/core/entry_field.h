#ifndef BIANMIN_ENTRY_FIELD_H
#define BIANMIN_ENTRY_FIELD_H
/* The fields of an entry, as a refusal names them.  A check that refuses
 * an entry says which field is wrong beside its message, so a form can put
 * the cursor there without reading the message: messages may be reworded
 * freely, the code is what a screen decides by. */

#include <stdbool.h>

#include "util.h"

enum entry_field {
	FIELD_NONE,       /* about no one field: a locked year, the clerk, the database */
	FIELD_WINDOW,
	FIELD_MATTER,
	FIELD_DATE,
	FIELD_TIME,
	FIELD_SERIAL,
	FIELD_APPLICANT,
	FIELD_ID_NUMBER,
	FIELD_VILLAGE,
	FIELD_HOUSEHOLDS,
	FIELD_PERSONS,
	FIELD_QUANTITY,
	FIELD_CATEGORY,
	FIELD_STATUS,
	FIELD_CLERK,
	FIELD_NOTE,
	FIELD_PHONE,
	FIELD_REASON,     /* a void's or status change's 原因 */
	FIELD_COUNT
};

/* The field's name as messages and column headers say it (申请人, 证件号码). */
const char *entry_field_name(enum entry_field f);

/* fail() that also names the field.  The first refusal wins, for the
 * code as for the message: *field (field may be NULL) is set only when
 * this call sets *err (or err is NULL) and no field is named yet.
 * Returns false. */
bool entry_field_fail(enum entry_field *field, enum entry_field f, char **err,
		      const char *fmt, ...) BM_PRINTF(4, 5);
/* Names the field of a refusal a plain `char **err` check already worded
 * (idcheck, a text check): sets *field if none is named yet; returns false. */
bool entry_field_mark(enum entry_field *field, enum entry_field f);

#endif
