/* The annual report as a workbook: a summary sheet, a sheet per window
 * (walking the report's rows, as the text table and the CSV do), and the
 * narrative.  Every figure is a number cell, so that a report writer can
 * sum, chart and paste it. */
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>

#include "rating.h"
#include "report.h"
#include "util.h"
#include "xlsx_int.h"

struct looks {
	lxw_format *title, *number, *pct, *total_text, *total_number, *total_pct, *wrap;
};

struct sheet {
	struct xlsx_book *b;
	const struct looks *l;
	lxw_worksheet *ws;
	uint32_t row;
};

static void make_looks(struct xlsx_book *b, struct looks *l)
{
	l->title = workbook_add_format(b->wb);
	format_set_bold(l->title);
	format_set_font_size(l->title, 13);
	l->number = workbook_add_format(b->wb);
	format_set_num_format(l->number, "0");
	l->pct = workbook_add_format(b->wb);
	format_set_num_format(l->pct, "0.0%");
	/* A total is bold with a rule above it, as in a printed table. */
	lxw_format **totals[] = {&l->total_text, &l->total_number, &l->total_pct};
	for (size_t i = 0; i < sizeof totals / sizeof *totals; i++) {
		*totals[i] = workbook_add_format(b->wb);
		format_set_bold(*totals[i]);
		format_set_top(*totals[i], LXW_BORDER_THIN);
	}
	format_set_num_format(l->total_text, "@");
	format_set_num_format(l->total_number, "0");
	format_set_num_format(l->total_pct, "0.0%");
	l->wrap = workbook_add_format(b->wb);
	format_set_text_wrap(l->wrap);
	format_set_align(l->wrap, LXW_ALIGN_VERTICAL_TOP);
}

static void text(struct sheet *s, uint16_t col, const char *t, bool total)
{
	if (total && !*t)
		xlsx_blank(s->b, s->ws, s->row, col, s->l->total_text);
	else
		xlsx_text(s->b, s->ws, s->row, col, t, total ? s->l->total_text : s->b->text);
}

/* The figure this year, the year before, the change and the change in
 * per cent (left empty against nothing: no per cent of 0 exists). */
static void figures(struct sheet *s, uint16_t col, int64_t cur, int64_t prev, bool total)
{
	lxw_format *n = total ? s->l->total_number : s->l->number;
	xlsx_number(s->b, s->ws, s->row, col, (double)cur, n);
	xlsx_number(s->b, s->ws, s->row, col + 1, (double)prev, n);
	xlsx_number(s->b, s->ws, s->row, col + 2, (double)(cur - prev), n);
	if (prev != 0)
		xlsx_number(s->b, s->ws, s->row, col + 3, (double)(cur - prev) / (double)prev,
			    total ? s->l->total_pct : s->l->pct);
	else if (total)
		xlsx_blank(s->b, s->ws, s->row, col + 3, s->l->total_pct);
}

static void head(struct sheet *s, const char *const *labels, uint16_t n, double *widths)
{
	for (uint16_t c = 0; c < n; c++) {
		xlsx_text(s->b, s->ws, s->row, c, labels[c], s->b->header);
		double w = xlsx_width(labels[c]);
		if (w > widths[c])
			widths[c] = w;
	}
	s->row++;
}

static void title(struct sheet *s, const struct report *r, const char *what)
{
	char *t = xasprintf("%s  %s 至 %s（上年同期 %s 至 %s）", what, r->from, r->to, r->prev_from,
			    r->prev_to);
	xlsx_text(s->b, s->ws, s->row, 0, t, s->l->title);
	free(t);
	s->row += 2;
}

/* ---- a window's sheet ------------------------------------------------ */

#define WINDOW_COLS 7

static void widen(double *widths, uint16_t col, const char *s)
{
	double w = xlsx_width(s);
	if (w > widths[col])
		widths[col] = w;
}

/* One line of the table: 户+人 takes two, 户 and 人, each a number. */
static void window_row(struct sheet *s, const struct report_row *row, double *widths)
{
	bool total = row->kind == REPORT_ROW_TOTAL;
	static const enum unit halves[] = {UNIT_HU, UNIT_REN};
	size_t lines = row->unit == UNIT_HU_REN ? 2 : 1;
	for (size_t i = 0; i < lines; i++) {
		enum unit u = lines == 2 ? halves[i] : row->unit;
		text(s, 0, row->name, total);
		text(s, 1, row->kind == REPORT_ROW_CATEGORY ? row->category : "", total);
		text(s, 2, unit_name(u), total);
		figures(s, 3, tally_value(u, row->cur), tally_value(u, row->prev), total);
		s->row++;
	}
	widen(widths, 0, row->name);
	if (row->category)
		widen(widths, 1, row->category);
}

/* A window's total in entries, where its matters count in different
 * units (or the one total there is does not count entries). */
static bool needs_entries_total(const struct report_window *w)
{
	for (size_t i = 0; i < w->nrows; i++)
		if (w->rows[i].kind == REPORT_ROW_TOTAL && unit_counts_entries(w->rows[i].unit))
			return false;
	return true;
}

/* ---- 承诺件 and 好差评 ---------------------------------------------- */

/* A row of the service table: counts as numbers, rates as fractions shown
 * 0.0% (Excel's per cent), left empty where there is nothing to divide. */
static void service_row(struct sheet *s, const char *name, const struct report_service *svc,
			bool total, double *widths)
{
	text(s, 0, name, total);
	widen(widths, 0, name);
	for (uint16_t c = 1; c < REPORT_SERVICE_COLS; c++) {
		double v = report_service_figure(svc, c);
		if (!report_service_is_rate(c))
			xlsx_number(s->b, s->ws, s->row, c, v,
				    total ? s->l->total_number : s->l->number);
		else if (v >= 0)
			xlsx_number(s->b, s->ws, s->row, c, v / 100,
				    total ? s->l->total_pct : s->l->pct);
		else if (total)
			xlsx_blank(s->b, s->ws, s->row, c, s->l->total_pct);
	}
	s->row++;
}

/* The figures the text report gives under 承诺件与好差评, below a sheet's
 * table: one window's (a window's sheet), or every window's, the center's
 * total and the 差评 of the period (the summary).  Nothing when the period
 * has neither 承诺件 nor ratings. */
static void service_table(struct sheet *s, const struct report *r, const struct report_window *w,
			  double *widths)
{
	if (!r->has_service)
		return;
	s->row += 2;
	xlsx_text(s->b, s->ws, s->row++, 0, report_service_title, s->l->title);
	xlsx_text(s->b, s->ws, s->row++, 0, report_service_note, s->b->text);
	head(s, report_service_head, REPORT_SERVICE_COLS, widths);
	if (w) {
		service_row(s, w->window->name, &w->svc, false, widths);
		return;
	}
	for (size_t i = 0; i < r->nwindows; i++)
		service_row(s, r->windows[i].window->name, &r->windows[i].svc, false, widths);
	service_row(s, "合计", &r->svc, true, widths);
	if (r->nbad == 0)
		return;
	s->row += 2;
	xlsx_text(s->b, s->ws, s->row++, 0, "差评", s->l->title);
	static const char *const bad_head[] = {"编号", "窗口", "评价", "回访", "原因"};
	head(s, bad_head, 5, widths);
	for (size_t i = 0; i < r->nbad; i++) {
		const struct report_bad_rating *b = &r->bad[i];
		const char *cells[] = {b->serial, r->windows[b->window].window->name,
				       rating_level_name(b->level), b->followed_up ? "已回访" : "待回访",
				       b->reason};
		for (uint16_t c = 0; c < 5; c++)
			xlsx_text(s->b, s->ws, s->row, c, cells[c], s->b->text);
		s->row++;
	}
}

/* Every sheet ends alike, so the workbook's sheets look alike: the service
 * figures (when the report has them), the figure columns from `first` at
 * least 10 wide, the rows down to the head row frozen. */
static void end_sheet(struct sheet *s, const struct report *r, const struct report_window *w,
		      double *widths, uint16_t ncols, uint16_t first, double max,
		      uint32_t head_row)
{
	service_table(s, r, w, widths);
	if (r->has_service)
		ncols = REPORT_SERVICE_COLS;
	for (uint16_t c = first; c < ncols; c++)
		if (widths[c] < 10)
			widths[c] = 10;
	xlsx_set_widths(s->b, s->ws, widths, NULL, ncols, max);
	worksheet_freeze_panes(s->ws, head_row + 1, 1);
}

static void window_sheet(struct xlsx_book *b, const struct looks *l, const struct report *r,
			 const struct report_window *w, const char *name)
{
	struct sheet s = {.b = b, .l = l, .ws = xlsx_sheet(b, name)};
	if (!s.ws)
		return;
	char cur[32], prev[32];
	report_period_labels(r, cur, prev, sizeof cur);
	char *what = xasprintf("%s窗口", w->window->name);
	title(&s, r, what);
	free(what);
	const char *labels[WINDOW_COLS] = {"事项", "分类", "单位", cur, prev, "同比", "同比(%)"};
	double widths[REPORT_SERVICE_COLS] = {0};
	uint32_t head_row = s.row;
	head(&s, labels, WINDOW_COLS, widths);
	for (size_t i = 0; i < w->nrows; i++)
		window_row(&s, &w->rows[i], widths);
	if (needs_entries_total(w)) {
		text(&s, 0, "办件数合计", true);
		text(&s, 1, "", true);
		text(&s, 2, "件", true);
		figures(&s, 3, w->cur.entries, w->prev.entries, true);
		s.row++;
		widen(widths, 0, "办件数合计");
	}
	end_sheet(&s, r, w, widths, WINDOW_COLS, 3, 50, head_row);
}

/* ---- the summary ----------------------------------------------------- */

#define SUMMARY_COLS 10

static void summary_sheet(struct xlsx_book *b, const struct looks *l, const struct report *r)
{
	struct sheet s = {.b = b, .l = l, .ws = xlsx_sheet(b, "汇总")};
	if (!s.ws)
		return;
	char cur[32], prev[32];
	report_period_labels(r, cur, prev, sizeof cur);
	title(&s, r, "年度统计汇总");
	char *cur_entries = xasprintf("%s办件数", cur), *prev_entries = xasprintf("%s办件数", prev);
	/* Entries sum across windows whatever their units; a window's own
	 * total, where its matters share a unit, stands beside them. */
	const char *labels[SUMMARY_COLS] = {
		"窗口", cur_entries, prev_entries, "同比", "同比(%)",
		"合计单位", cur, prev, "同比", "同比(%)",
	};
	double widths[REPORT_SERVICE_COLS] = {0};
	uint32_t head_row = s.row;
	head(&s, labels, SUMMARY_COLS, widths);
	for (size_t i = 0; i < r->nwindows; i++) {
		const struct report_window *w = &r->windows[i];
		text(&s, 0, w->window->name, false);
		widen(widths, 0, w->window->name);
		figures(&s, 1, w->cur.entries, w->prev.entries, false);
		if (w->has_total && w->unit != UNIT_HU_REN) {
			text(&s, 5, unit_name(w->unit), false);
			figures(&s, 6, tally_value(w->unit, &w->cur), tally_value(w->unit, &w->prev),
				false);
		}
		s.row++;
	}
	text(&s, 0, "中心合计", true);
	figures(&s, 1, r->cur.entries, r->prev.entries, true);
	s.row += 3;

	/* Entries per month per window, as the text report ends. */
	xlsx_text(b, s.ws, s.row++, 0, "每月办件数", l->title);
	xlsx_text(b, s.ws, s.row, 0, "窗口", b->header);
	char label[32];
	for (size_t m = 0; m < r->nmonths; m++)
		xlsx_text(b, s.ws, s.row, (uint16_t)(m + 1),
			  report_month_label(r, m, label, sizeof label), b->header);
	xlsx_text(b, s.ws, s.row++, (uint16_t)(r->nmonths + 1), "合计", b->header);
	for (size_t i = 0; i <= r->nwindows; i++) {
		bool total = i == r->nwindows;
		const int64_t *months = total ? r->months : r->windows[i].months;
		text(&s, 0, total ? "合计" : r->windows[i].window->name, total);
		int64_t sum = 0;
		for (size_t m = 0; m < r->nmonths; m++) {
			xlsx_number(b, s.ws, s.row, (uint16_t)(m + 1), (double)months[m],
				    total ? l->total_number : l->number);
			sum += months[m];
		}
		xlsx_number(b, s.ws, s.row, (uint16_t)(r->nmonths + 1), (double)sum,
			    total ? l->total_number : l->number);
		s.row++;
	}
	end_sheet(&s, r, NULL, widths, SUMMARY_COLS, 1, 40, head_row);
	free(cur_entries);
	free(prev_entries);
}

static void narrative_sheet(struct xlsx_book *b, const struct looks *l, const struct report *r)
{
	lxw_worksheet *ws = xlsx_sheet(b, "文字说明");
	if (!ws)
		return;
	char *text = report_narrative(r);
	const char *said = *text ? text : "本期没有办件，没有可写的文字。";
	/* Excel keeps a row one line high unless told otherwise, however
	 * much a wrapped cell holds: the height is set for the lines of a
	 * column 100 wide, with room to spare. */
	double width = 100, lines = xlsx_width(said) / (width - 4) + 1;
	worksheet_set_row(ws, 0, 16 * (lines < 400 ? (int)lines + 1 : 400), NULL);
	xlsx_text(b, ws, 0, 0, said, l->wrap);
	free(text);
	xlsx_set_widths(b, ws, &width, NULL, 1, 100);
}

bool xlsx_write_report(const struct report *r, FILE *out, char **err)
{
	struct xlsx_book b;
	if (!xlsx_book_open(&b, err))
		return false;
	struct looks l;
	make_looks(&b, &l);
	summary_sheet(&b, &l, r);
	char **names = xcalloc(r->nwindows + 2, sizeof *names);
	names[0] = xstrdup("汇总");
	names[1] = xstrdup("文字说明");
	for (size_t i = 0; i < r->nwindows; i++) {
		names[i + 2] = xlsx_sheet_name(r->windows[i].window->name, r->windows[i].window->position,
					       names, i + 2);
		window_sheet(&b, &l, r, &r->windows[i], names[i + 2]);
	}
	narrative_sheet(&b, &l, r);
	for (size_t i = 0; i < r->nwindows + 2; i++)
		free(names[i]);
	free(names);
	bool ok = xlsx_book_finish(&b, true, out, err);
	if (!ok)
		fail(err, "报表写入失败");
	return ok;
}
