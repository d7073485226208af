/* The report as a table: aligned text for the terminal and CSV for Excel.
 * Both walk the report's rows, so they cannot disagree. */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvrow.h"
#include "text.h"
#include "util.h"

#define TEXT_COLS 5

static void text_line(FILE *out, char cells[TEXT_COLS][128], const int *width,
		      const bool *right)
{
	for (int c = 0; c < TEXT_COLS; c++) {
		if (c)
			fputs("  ", out);
		/* No trailing blanks: the last column is never padded. */
		if (c == TEXT_COLS - 1 && !right[c])
			fputs(cells[c], out);
		else
			text_fput_padded(out, cells[c], width[c], right[c]);
	}
	fputs("\n", out);
}

static void text_cells(const struct report_row *row, bool first_of_window,
		       char cells[TEXT_COLS][128])
{
	snprintf(cells[0], 128, "%s", first_of_window ? row->w->name : "");
	report_row_label(row, cells[1], 128);
	tally_format(cells[2], 128, row->unit, row->cur);
	tally_format(cells[3], 128, row->unit, row->prev);
	report_format_change(cells[4], 128, row->unit, row->cur, row->prev);
}

static void write_table(const struct report *r, FILE *out)
{
	static const bool right[TEXT_COLS] = {false, false, true, true, true};
	char cells[TEXT_COLS][128];
	int width[TEXT_COLS] = {0};
	char cur_label[32], prev_label[32];
	report_period_labels(r, cur_label, prev_label, sizeof cur_label);
	const char *head[TEXT_COLS] = {"窗口", "事项", cur_label, prev_label, "同比"};
	for (int c = 0; c < TEXT_COLS; c++)
		width[c] = text_width(head[c]);
	for (size_t i = 0; i < r->nrows; i++) {
		text_cells(&r->rows[i], true, cells);
		for (int c = 0; c < TEXT_COLS; c++)
			if (text_width(cells[c]) > width[c])
				width[c] = text_width(cells[c]);
	}

	for (int c = 0; c < TEXT_COLS; c++)
		snprintf(cells[c], 128, "%s", head[c]);
	text_line(out, cells, width, right);
	for (int c = 0; c < TEXT_COLS; c++) {
		if (c)
			fputs("  ", out);
		for (int k = 0; k < width[c]; k++)
			fputc('-', out);
	}
	fputs("\n", out);
	for (size_t i = 0; i < r->nrows; i++) {
		text_cells(&r->rows[i], r->rows[i].first, cells);
		text_line(out, cells, width, right);
	}
}

static void write_months(const struct report *r, FILE *out)
{
	size_t ncols = r->nmonths + 2;
	char label[32];
	int *width = xcalloc(ncols, sizeof *width);
	int64_t *column_total = xcalloc(ncols, sizeof *column_total);
	width[0] = text_width("窗口");
	for (size_t w = 0; w < r->nwindows; w++)
		if (text_width(r->windows[w].window->name) > width[0])
			width[0] = text_width(r->windows[w].window->name);
	for (size_t m = 0; m < r->nmonths; m++) {
		width[m + 1] = text_width(report_month_label(r, m, label, sizeof label));
		column_total[m + 1] = r->months[m];
		column_total[ncols - 1] += r->months[m];
	}
	width[ncols - 1] = text_width("合计");
	for (size_t m = 1; m < ncols; m++) {
		int digits = snprintf(label, sizeof label, "%lld", (long long)column_total[m]);
		if (digits > width[m])
			width[m] = digits;
	}

	fputs("\n每月办件数\n", out);
	text_fput_padded(out, "窗口", width[0], false);
	for (size_t m = 0; m < r->nmonths; m++) {
		fputs("  ", out);
		text_fput_padded(out, report_month_label(r, m, label, sizeof label), width[m + 1],
				 true);
	}
	fputs("  ", out);
	text_fput_padded(out, "合计", width[ncols - 1], true);
	fputs("\n", out);
	for (size_t w = 0; w <= r->nwindows; w++) {
		bool total = w == r->nwindows;
		text_fput_padded(out, total ? "合计" : r->windows[w].window->name, width[0], false);
		int64_t sum = 0;
		for (size_t m = 0; m < r->nmonths; m++) {
			int64_t v = total ? column_total[m + 1] : r->windows[w].months[m];
			sum += v;
			fprintf(out, "  %*lld", width[m + 1], (long long)v);
		}
		fprintf(out, "  %*lld\n", width[ncols - 1], (long long)sum);
	}
	free(width);
	free(column_total);
}

static bool stream_ok(FILE *out, char **err)
{
	if (fflush(out) != 0 || ferror(out))
		return fail(err, "写入报表失败: %s", errno_text(errno));
	return true;
}

bool report_write_text(const struct report *r, FILE *out, char **err)
{
	if (r->to_date)
		fprintf(out, "%d年度统计 (截至 %s；上年同期: %s 至 %s)\n\n", r->year, r->to,
			r->prev_from, r->prev_to);
	else if (r->year)
		fprintf(out, "%d年度统计 (上年同期: %d年)\n\n", r->year, r->year - 1);
	else
		fprintf(out, "统计 %s 至 %s (上年同期: %s 至 %s)\n\n", r->from, r->to, r->prev_from,
			r->prev_to);
	write_table(r, out);
	write_months(r, out);
	report_service_write_text(r, out);
	return stream_ok(out, err);
}

bool report_write_csv(const struct report *r, FILE *out, char **err)
{
	static const char *const head[] = {
		"窗口", "事项", "分类", "单位", "本期", "上年同期", "同比",
		"件数", "户数", "人数", "数量",
		"上年件数", "上年户数", "上年人数", "上年数量",
	};
	struct csvrow_writer *w = csvrow_writer_create(out, true);
	for (size_t c = 0; c < sizeof head / sizeof head[0]; c++)
		csvrow_put(w, head[c]);
	csvrow_end(w);
	for (size_t i = 0; i < r->nrows; i++) {
		const struct report_row *row = &r->rows[i];
		char figure[64];
		csvrow_put(w, row->w->name);
		csvrow_put(w, row->name);
		csvrow_put(w, row->kind == REPORT_ROW_CATEGORY ? row->category : "");
		csvrow_put(w, unit_name(row->unit));
		csvrow_put(w, tally_format(figure, sizeof figure, row->unit, row->cur));
		csvrow_put(w, tally_format(figure, sizeof figure, row->unit, row->prev));
		/* A number, not "+22": Excel would take a leading + for a formula. */
		csvrow_put_int(w, row->change);
		csvrow_put_int(w, row->cur->entries);
		csvrow_put_int(w, row->cur->households);
		csvrow_put_int(w, row->cur->persons);
		csvrow_put_int(w, row->cur->quantity);
		csvrow_put_int(w, row->prev->entries);
		csvrow_put_int(w, row->prev->households);
		csvrow_put_int(w, row->prev->persons);
		csvrow_put_int(w, row->prev->quantity);
		csvrow_end(w);
	}
	report_service_write_csv(r, w);
	return csvrow_writer_finish(w, err);
}
