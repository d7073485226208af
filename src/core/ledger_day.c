/* A day's entries held back and handed on by id (ledger_int.h).
 *
 * An export reads a whole period in date order and id within a day.  The
 * index that finds a period (txn_report) orders a day's entries by matter,
 * so SQLite would sort: it wrote every selected column of every row of the
 * year into its sorter and read it back, a third of an export's time.
 * Asked for date order only, it walks the index with no sort, and the day's
 * rows (a hundred or so) are put in id order here. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "util.h"

/* Every text of struct entry, to be copied out of SQLite's row. */
static const size_t texts[] = {
	offsetof(struct entry, serial),      offsetof(struct entry, date), /* [1] */
	offsetof(struct entry, time),        offsetof(struct entry, applicant),
	offsetof(struct entry, id_number),   offsetof(struct entry, category),
	offsetof(struct entry, note),        offsetof(struct entry, clerk),
	offsetof(struct entry, created_at),  offsetof(struct entry, voided_at),
	offsetof(struct entry, voided_by),   offsetof(struct entry, void_reason),
	offsetof(struct entry, corrects),    offsetof(struct entry, corrected_by),
	offsetof(struct entry, phone),       offsetof(struct entry, due_on),
	offsetof(struct entry, done_on),
};
#define NTEXTS (sizeof texts / sizeof *texts)

struct ledger_day_row {
	struct entry e;
	size_t at[NTEXTS]; /* 1 + offset of each text in the day's bytes; 0 for NULL */
};

static const char **text_of(struct entry *e, size_t k)
{
	return (const char **)(void *)((char *)e + texts[k]);
}

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct ledger_day_row *)a)->e.id;
	int64_t y = ((const struct ledger_day_row *)b)->e.id;
	return (x > y) - (x < y);
}

bool ledger_day_flush(struct ledger_day *d, ledger_fn fn, void *ctx)
{
	bool go = true;
	qsort(d->rows, d->n, sizeof *d->rows, by_id);
	/* The bytes stop moving once the day is complete: pointers now. */
	for (size_t i = 0; i < d->n && go; i++) {
		struct ledger_day_row *h = &d->rows[i];
		for (size_t k = 0; k < NTEXTS; k++)
			*text_of(&h->e, k) = h->at[k] ? d->bytes.s + h->at[k] - 1 : NULL;
		go = fn(&h->e, ctx);
	}
	d->n = 0;
	d->bytes.len = 0;
	return go;
}

bool ledger_day_put(struct ledger_day *d, const struct entry *e, ledger_fn fn, void *ctx)
{
	/* The day held is the first row's date, in the bytes (texts[1]). */
	if (d->n && strcmp(d->bytes.s + d->rows[0].at[1] - 1, e->date) != 0 &&
	    !ledger_day_flush(d, fn, ctx))
		return false;
	d->rows = xgrow(d->rows, &d->cap, d->n + 1, sizeof *d->rows);
	struct ledger_day_row *h = &d->rows[d->n++];
	h->e = *e;
	for (size_t k = 0; k < NTEXTS; k++) {
		const char *s = *text_of(&h->e, k);
		h->at[k] = s ? d->bytes.len + 1 : 0;
		if (s)
			strbuf_addn(&d->bytes, s, strlen(s) + 1);
	}
	return true;
}

void ledger_day_free(struct ledger_day *d)
{
	free(d->rows);
	free(d->bytes.s);
	memset(d, 0, sizeof *d);
}
