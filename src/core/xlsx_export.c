/* The ledger as a workbook: the interchange columns, typed. */
#include "xlsx.h"

#include <string.h>

#include "catalog.h"
#include "csvio.h"
#include "ledger.h"
#include "progress.h"
#include "util.h"
#include "xlsx_int.h"

/* The interchange columns, then one of the workbook's own. */
#define NCOLS (CSVIO_NCOLUMNS + 1)
#define COL_DATE 1
#define COL_COUNTS 9 /* 户数, 人数, 数量 */
#define VOIDED_LABEL "是否作废"

struct look {
	lxw_format *text, *date, *number, *mark;
};

struct export_ctx {
	struct xlsx_book *b;
	lxw_worksheet *ws;
	struct look plain, voided;
	uint32_t row;
	double widths[NCOLS];
};

static void put_text(struct export_ctx *x, const struct look *l, uint16_t col, const char *s)
{
	xlsx_text(x->b, x->ws, x->row, col, s, l->text);
	double w = xlsx_width(s);
	if (w > x->widths[col])
		x->widths[col] = w;
}

static bool export_row(const struct entry *e, void *arg)
{
	struct export_ctx *x = arg;
	const struct look *l = e->void_reason ? &x->voided : &x->plain;
	x->row++;
	progress_step("导出", x->row, 0, "行");
	put_text(x, l, 0, e->serial);
	double day = xlsx_serial_date(e->date);
	if (day > 0)
		xlsx_number(x->b, x->ws, x->row, COL_DATE, day, l->date);
	else
		put_text(x, l, COL_DATE, e->date); /* never, for a date the ledger took */
	put_text(x, l, 2, e->time);
	put_text(x, l, 3, e->window->name);
	put_text(x, l, 4, e->matter->name);
	put_text(x, l, 5, e->category);
	put_text(x, l, 6, e->applicant);
	put_text(x, l, 7, e->id_number);
	put_text(x, l, 8, e->village ? e->village->name : "");
	xlsx_number(x->b, x->ws, x->row, COL_COUNTS, (double)e->households, l->number);
	xlsx_number(x->b, x->ws, x->row, COL_COUNTS + 1, (double)e->persons, l->number);
	xlsx_number(x->b, x->ws, x->row, COL_COUNTS + 2, (double)e->quantity, l->number);
	put_text(x, l, 12, status_name(e->status));
	put_text(x, l, 13, e->clerk);
	put_text(x, l, 14, e->note);
	put_text(x, l, 15, e->void_reason ? e->void_reason : "");
	xlsx_text(x->b, x->ws, x->row, CSVIO_NCOLUMNS, e->void_reason ? "是" : "否", l->mark);
	/* A failed write (a full disk) ends the query rather than the year. */
	return x->b->error == LXW_NO_ERROR;
}

static void make_looks(struct export_ctx *x)
{
	lxw_workbook *wb = x->b->wb;
	x->plain.text = x->b->text;
	x->plain.date = workbook_add_format(wb);
	format_set_num_format(x->plain.date, "yyyy-mm-dd");
	x->plain.number = NULL;
	x->plain.mark = x->b->text;

	/* A voided entry stays in the year's file, struck through in grey:
	 * seen at a glance, and still there for the audit. */
	lxw_format **all[] = {&x->voided.text, &x->voided.date, &x->voided.number};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		*all[i] = workbook_add_format(wb);
		format_set_font_color(*all[i], 0x808080);
		format_set_font_strikeout(*all[i]);
	}
	format_set_num_format(x->voided.text, "@");
	format_set_num_format(x->voided.date, "yyyy-mm-dd");
	x->voided.mark = workbook_add_format(wb);
	format_set_num_format(x->voided.mark, "@");
	format_set_bold(x->voided.mark);
	format_set_font_color(x->voided.mark, 0xC00000);
}

bool xlsx_export(struct db *db, const struct catalog *cat, const char *from, const char *to,
		 FILE *out, long long *rows, char **err)
{
	struct xlsx_book b;
	if (!xlsx_book_open(&b, err))
		return false;
	struct export_ctx x = {.b = &b, .ws = xlsx_sheet(&b, "办件")};
	make_looks(&x);
	for (uint16_t c = 0; c < NCOLS; c++) {
		const char *label = c < CSVIO_NCOLUMNS ? csvio_column_label(c) : VOIDED_LABEL;
		xlsx_text(&b, x.ws, 0, c, label, b.header);
		/* Room for the filter's drop-down button beside the label. */
		x.widths[c] = xlsx_width(label) + 2;
	}
	if (x.widths[COL_DATE] < 12)
		x.widths[COL_DATE] = 12;

	struct ledger_filter f = {.from = from, .to = to, .include_voided = true,
				  .interchange = true};
	bool ok = b.error == LXW_NO_ERROR && ledger_query(db, cat, &f, export_row, &x, err);
	if (x.ws) {
		/* What is typed into an empty cell of a text column stays text
		 * (an ID number typed later is not made a number). */
		lxw_format *formats[NCOLS];
		for (uint16_t c = 0; c < NCOLS; c++)
			formats[c] = c == COL_DATE ? x.plain.date
				     : c >= COL_COUNTS && c < COL_COUNTS + 3 ? NULL
									     : b.text;
		xlsx_set_widths(&b, x.ws, x.widths, formats, NCOLS, 60);
		worksheet_freeze_panes(x.ws, 1, 0);
		worksheet_autofilter(x.ws, 0, 0, x.row, NCOLS - 1);
	}
	ok = xlsx_book_finish(&b, ok, out, err) && ok;
	if (rows)
		*rows = x.row;
	if (!ok)
		fail(err, "导出失败");
	return ok;
}

bool xlsx_export_year(struct db *db, const struct catalog *cat, int year, FILE *out,
		      long long *rows, char **err)
{
	char from[DATE_LEN], to[DATE_LEN];
	period_year_bounds(year, from, to);
	return xlsx_export(db, cat, from, to, out, rows, err);
}
