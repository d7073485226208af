#include "entry_rows.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* The text fields of struct entry, for copying and freeing alike. */
#define ENTRY_TEXTS(X) \
	X(serial) X(date) X(time) X(applicant) X(id_number) X(category) X(note) X(clerk) \
	X(created_at) X(voided_at) X(voided_by) X(void_reason) X(corrects) X(corrected_by) \
	X(phone) X(due_on) X(done_on)

static bool add_row(const struct entry *e, void *arg)
{
	struct entry_rows *r = arg;
	r->rows = xgrow(r->rows, &r->cap, r->n + 1, sizeof *r->rows);
	struct entry *c = &r->rows[r->n++];
	*c = *e;
#define COPY(f) c->f = dup(e->f);
	ENTRY_TEXTS(COPY)
#undef COPY
	return true;
}

void entry_rows_clear(struct entry_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
#define FREE(f) free((char *)r->rows[i].f);
		ENTRY_TEXTS(FREE)
#undef FREE
	}
	r->n = 0;
	r->more = false;
}

void entry_rows_finish(struct entry_rows *r)
{
	entry_rows_clear(r);
	free(r->rows);
	r->rows = NULL;
	r->cap = 0;
}

bool entry_rows_query(struct entry_rows *r, struct db *db, const struct catalog *cat,
		      const struct ledger_filter *f, char **err)
{
	entry_rows_clear(r);
	bool ok = ledger_query(db, cat, f, add_row, r, err);
	r->more = ok && f->limit > 0 && r->n >= (size_t)f->limit;
	return ok;
}

const char *entry_rows_serial(const struct entry_rows *r, size_t i)
{
	return i < r->n ? r->rows[i].serial : "";
}
