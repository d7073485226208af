/* The interchange file's export (csvio.h): the ledger's rows, streamed. */
#include "csvio.h"

#include <stdio.h>

#include "catalog.h"
#include "csvenc.h"
#include "csvrow.h"
#include "ledger.h"
#include "progress.h"
#include "util.h"

struct export_ctx {
	struct csvrow_writer *w;
	long long rows;
	bool full; /* the follow-up columns too */
};

static bool export_row(const struct entry *e, void *arg)
{
	struct csvrow_writer *w = ((struct export_ctx *)arg)->w;
	csvrow_put(w, e->serial);
	csvrow_put(w, e->date);
	csvrow_put(w, e->time);
	csvrow_put(w, e->window->name);
	csvrow_put(w, e->matter->name);
	csvrow_put(w, e->category);
	csvrow_put(w, e->applicant);
	csvrow_put(w, e->id_number);
	csvrow_put(w, e->village ? e->village->name : "");
	csvrow_put_int(w, e->households);
	csvrow_put_int(w, e->persons);
	csvrow_put_int(w, e->quantity);
	csvrow_put(w, status_name(e->status));
	csvrow_put(w, e->clerk);
	csvrow_put(w, e->note);
	csvrow_put(w, e->void_reason ? e->void_reason : "");
	if (((struct export_ctx *)arg)->full) {
		csvrow_put(w, e->phone);
		csvrow_put(w, e->due_on ? e->due_on : "");
		csvrow_put(w, e->done_on ? e->done_on : "");
	}
	csvrow_end(w);
	((struct export_ctx *)arg)->rows++;
	progress_step("导出", ((struct export_ctx *)arg)->rows, 0, "行");
	return true;
}

static bool export_range(struct db *db, const struct catalog *cat, const char *from,
			 const char *to, FILE *out, enum csvio_encoding enc, bool full,
			 long long *rows, char **err)
{
	struct csvenc_writer *gb = NULL;
	if (enc == CSVIO_GB18030 && !(gb = csvenc_gb18030_writer(out, err)))
		return false;
	struct export_ctx ctx = {
		.w = csvrow_writer_create(gb ? csvenc_writer_file(gb) : out, enc == CSVIO_UTF8),
		.full = full,
	};
	for (int i = 0; i < CSVIO_NCOLUMNS; i++)
		csvrow_put(ctx.w, csvio_column_label(i));
	for (int i = CSVIO_COL_PHONE; full && i <= CSVIO_COL_DONE_ON; i++)
		csvrow_put(ctx.w, csvio_column_label(i));
	csvrow_end(ctx.w);

	struct ledger_filter f = {.from = from, .to = to, .include_voided = true,
				  .interchange = true};
	bool ok = ledger_query(db, cat, &f, export_row, &ctx, err);
	ok = csvrow_writer_finish(ctx.w, ok ? err : NULL) && ok;
	if (gb)
		ok = csvenc_writer_close(gb, ok ? err : NULL) && ok;
	if (!ok)
		fail(err, "导出失败");
	if (rows)
		*rows = ctx.rows;
	return ok;
}

bool csvio_export(struct db *db, const struct catalog *cat, const char *from, const char *to,
		  FILE *out, enum csvio_encoding enc, char **err)
{
	return export_range(db, cat, from, to, out, enc, false, NULL, err);
}

static bool export_year(struct db *db, const struct catalog *cat, int year, FILE *out,
			enum csvio_encoding enc, bool full, long long *rows, char **err)
{
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	return export_range(db, cat, from, to, out, enc, full, rows, err);
}

bool csvio_export_year(struct db *db, const struct catalog *cat, int year, FILE *out,
		       enum csvio_encoding enc, char **err)
{
	return export_year(db, cat, year, out, enc, false, NULL, err);
}

bool csvio_export_year_rows(struct db *db, const struct catalog *cat, int year, FILE *out,
			    enum csvio_encoding enc, long long *rows, char **err)
{
	return export_year(db, cat, year, out, enc, false, rows, err);
}

bool csvio_export_year_full(struct db *db, const struct catalog *cat, int year, FILE *out,
			    enum csvio_encoding enc, long long *rows, char **err)
{
	return export_year(db, cat, year, out, enc, true, rows, err);
}
