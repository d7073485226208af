/* The annual report (R on the home screen): a year's figures window by
 * window beside the year before, a monthly bar chart of the window's
 * entries, the paragraph of the annual report (n), and the year's entries
 * exported into the current directory (e), as a workbook or as CSV.  Every draw asks core
 * for the report afresh: one aggregate query. */
#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clerk.h"
#include "csvio.h"
#include "list.h"
#include "priv.h"
#include "report.h"
#include "text.h"
#include "tui.h"
#include "util.h"
#include "xlsx.h"

struct report_view {
	struct app *a;
	int year;
	size_t window;  /* index into the catalog's windows */
	bool narrative;
	bool asking; /* e was pressed: which file, .xlsx or CSV? */
	/* Browse lists: the window's rows of the report, or the lines of the
	 * paragraph.  They scroll with PgUp/PgDn. */
	struct list table, text;
	struct report r;      /* as last drawn */
	bool have;
	char **lines;         /* the paragraph, wrapped */
	size_t nlines, cap;
};

static size_t table_count(void *ctx)
{
	struct report_view *st = ctx;
	return st->have && st->window < st->r.nwindows ? st->r.windows[st->window].nrows : 0;
}

static size_t text_count(void *ctx)
{
	return ((struct report_view *)ctx)->nlines;
}

static void table_row(void *ctx, size_t i, int y, bool selected);
static void text_row(void *ctx, size_t i, int y, bool selected);

static const struct list_ops table_list = {.count = table_count, .draw = table_row};
static const struct list_ops text_list = {.count = text_count, .draw = text_row};

static void report_open(struct app *a, struct view *v, int arg)
{
	struct report_view *st = v->state;
	(void)arg;
	st->a = a;
	st->year = period_year_of(a->today);
	list_init(&st->table, &table_list, st, true);
	list_init(&st->text, &text_list, st, true);
}

static void clear_lines(struct report_view *st)
{
	for (size_t i = 0; i < st->nlines; i++)
		free(st->lines[i]);
	st->nlines = 0;
}

static void report_done(struct app *a, struct view *v)
{
	struct report_view *st = v->state;
	(void)a;
	clear_lines(st);
	free(st->lines);
	report_clear(&st->r);
}

/* What the clerk looks at changed: both start from their first line. */
static void rewind_lists(struct report_view *st)
{
	st->table.top = st->text.top = 0;
}

enum { X_NAME = 2, W_NAME = 30, X_CUR = 32, X_PREV = 45, X_CHANGE = 58, W_FIG = 12 };

/* Halves of a cell, bottom up, in ASCII: the block elements (▁ .. █)
 * are East Asian ambiguous width, two columns on some Chinese terminals. */
static const char bar_levels[] = {' ', '=', '#'};
#define BAR_STEPS 2

static void draw_tabs(struct report_view *st, int y)
{
	const struct catalog *cat = st->a->cat;
	int x = 1, cols = ui_get_area()->cols;
	for (size_t w = 0; w < cat->nwindows && x < cols - 2; w++) {
		char tab[96];
		snprintf(tab, sizeof tab, " %zu %s ", w + 1, cat->windows[w].name);
		int width = text_width(tab);
		ui_put(y, x, cols - 1 - x, tab, false, false,
		       w == st->window && !st->narrative ? UI_SELECTED : UI_NORMAL);
		x += width + 1;
	}
}

static void table_row(void *ctx, size_t i, int y, bool selected)
{
	struct report_view *st = ctx;
	const struct report_row *row = &st->r.windows[st->window].rows[i];
	(void)selected;
	enum ui_style style = row->kind == REPORT_ROW_TOTAL      ? UI_TITLE
			      : row->kind == REPORT_ROW_CATEGORY ? UI_DIM
								 : UI_NORMAL;
	char name[128], fig[64];
	ui_put(y, X_NAME, W_NAME, report_row_label(row, name, sizeof name), true, false, style);
	ui_put(y, X_CUR, W_FIG, tally_format(fig, sizeof fig, row->unit, row->cur), true, true,
	       style);
	ui_put(y, X_PREV, W_FIG, tally_format(fig, sizeof fig, row->unit, row->prev), true, true,
	       style);
	ui_put(y, X_CHANGE, W_FIG, report_format_change(fig, sizeof fig, row->unit, row->cur, row->prev),
	       true, true, style);
}

static void draw_table(struct report_view *st, int top, int last_y)
{
	const struct report *r = &st->r;
	int cols = ui_get_area()->cols;
	char cur[32], prev[32];
	report_period_labels(r, cur, prev, sizeof cur);
	ui_put(top, X_NAME, W_NAME, "事项", true, false, UI_TITLE);
	ui_put(top, X_CUR, W_FIG, cur, true, true, UI_TITLE);
	ui_put(top, X_PREV, W_FIG, prev, true, true, UI_TITLE);
	ui_put(top, X_CHANGE, W_FIG, "同比", true, true, UI_TITLE);
	list_draw(&st->table, top + 1, last_y - top);
	if (r->windows[st->window].nshown == 0)
		ui_put(top + 1, X_NAME, cols - X_NAME - 1, "此窗口没有事项", false, false, UI_DIM);
	char pos[48];
	list_position(&st->table, pos, sizeof pos);
	ui_put(top, cols - 12, 11, pos, false, false, UI_DIM);
}

/* Monthly entries of the window as bars `height` lines tall, month names
 * and counts below; 5 columns a month. */
static void draw_chart(const struct report *r, size_t window, int top, int height)
{
	const struct report_window *rw = &r->windows[window];
	int cols = ui_get_area()->cols;
	int64_t max = 0, sum = 0;
	for (size_t m = 0; m < r->nmonths; m++) {
		sum += rw->months[m];
		if (rw->months[m] > max)
			max = rw->months[m];
	}
	ui_printf(top, X_NAME, cols - X_NAME - 1, UI_TITLE, "每月办件数  (共 %lld 件)",
		  (long long)sum);
	if (max == 0) {
		ui_put(top + 1, X_NAME, cols - X_NAME - 1, "本期没有办件", false, false, UI_DIM);
		return;
	}
	for (size_t m = 0; m < r->nmonths; m++) {
		int x = X_NAME + (int)m * 5;
		if (x + 4 >= cols)
			break;
		int64_t steps = (rw->months[m] * height * BAR_STEPS + max / 2) / max;
		if (rw->months[m] > 0 && steps == 0)
			steps = 1; /* a month with entries never looks empty */
		for (int line = 0; line < height; line++) {
			int64_t fill = steps - (int64_t)(height - 1 - line) * BAR_STEPS;
			char b = bar_levels[fill <= 0 ? 0 : fill >= BAR_STEPS ? BAR_STEPS : fill];
			char bar[4] = {b, b, b, '\0'};
			ui_put(top + 1 + line, x, 3, bar, false, false, UI_TITLE);
		}
		char label[32];
		ui_put(top + 1 + height, x, 4, report_month_label(r, m, label, sizeof label), false,
		       false, UI_NORMAL);
		snprintf(label, sizeof label, "%lld", (long long)rw->months[m]);
		ui_put(top + 2 + height, x, 4, label, false, false, UI_DIM);
	}
}

static void text_row(void *ctx, size_t i, int y, bool selected)
{
	struct report_view *st = ctx;
	(void)selected;
	ui_put(y, X_NAME, ui_get_area()->cols - 4, st->lines[i], false, false, UI_NORMAL);
}

/* The paragraph wrapped to `cols` columns; a line never starts with
 * closing punctuation (it stays on the line before, one char over). */
static void wrap_narrative(struct report_view *st, const char *text, int cols)
{
	static const char *const no_start[] = {"，", "。", "；", "、", "："};
	clear_lines(st);
	const char *p = text, *end = text + strlen(text);
	while (p < end) {
		const char *q = p;
		int width = 0;
		unsigned cp;
		int n;
		while (q < end && (n = text_decode(q, (size_t)(end - q), &cp)) > 0) {
			int w = text_cp_width(cp);
			if (width + w > cols)
				break;
			width += w;
			q += n;
		}
		for (size_t i = 0; q < end && i < sizeof no_start / sizeof *no_start; i++) {
			size_t len = strlen(no_start[i]);
			if (strncmp(q, no_start[i], len) == 0) {
				q += len;
				break;
			}
		}
		/* Keep a number whole ("150人次", not "15" / "0人次"). */
		const char *digits = q;
		while (q < end && digits > p && isdigit((unsigned char)*q) &&
		       isdigit((unsigned char)digits[-1]))
			digits--;
		if (digits > p && digits < q)
			q = digits;
		if (q == p)
			q = end; /* undecodable text: show the rest, never loop */
		st->lines = xgrow(st->lines, &st->cap, st->nlines + 1, sizeof *st->lines);
		st->lines[st->nlines++] = xstrndup(p, (size_t)(q - p));
		p = q;
	}
}

static void report_draw(struct app *a, struct view *v)
{
	struct report_view *st = v->state;
	struct report *r = &st->r;
	int cols = v->area.cols;
	char *err = NULL;
	char title[64], right[96];
	snprintf(title, sizeof title, "%d 年度统计%s", st->year, st->narrative ? "  文字" : "");
	report_clear(r);
	st->have = report_year(a->db, a->cat, st->year, r, &err);
	if (!st->have) {
		ui_title(title, "");
		app_error_take(a, err);
		return;
	}
	snprintf(right, sizeof right, "共 %lld 件  %d 年 %lld 件", (long long)r->cur.entries,
		 st->year - 1, (long long)r->prev.entries);
	ui_title(title, right);
	ui_rule(1, 0, cols);
	int last_y = v->area.rows - 1;

	if (st->narrative) {
		char *text = report_narrative(r);
		if (!text[0]) {
			ui_put(3, X_NAME, cols - 4, "本年度没有办件", false, false, UI_DIM);
			clear_lines(st);
		} else {
			wrap_narrative(st, text, cols - 6);
			list_draw(&st->text, 3, last_y - 3 + 1);
		}
		free(text);
	} else if (r->nwindows == 0) {
		ui_put(3, X_NAME, cols - 4, "目录中没有窗口", false, false, UI_DIM);
	} else {
		if (st->window >= r->nwindows)
			st->window = 0;
		draw_tabs(st, 2);
		/* Title, header and table from the top; the chart (its title, bars,
		 * months, counts) from the bottom, taking what the table leaves:
		 * 2 to 6 lines of bars, the table scrolling if it must. */
		int chart_height = last_y - 7 - (int)r->windows[st->window].nrows;
		chart_height = chart_height < 2 ? 2 : chart_height > 6 ? 6 : chart_height;
		int chart_top = last_y - chart_height - 2;
		draw_table(st, 3, chart_top - 2);
		draw_chart(r, st->window, chart_top, chart_height);
	}
}

/* bianmin-2021.xlsx (or .csv) in the current directory, or
 * bianmin-2021-2.xlsx ... when that exists: an export never overwrites a
 * file (it may be someone's edited copy).  Written beside its name and
 * linked into place whole. */
static void export_year(struct app *a, int year, bool xlsx)
{
	const char *ext = xlsx ? "xlsx" : "csv";
	char *err = NULL;
	/* Every entry with its ID number: the roles and the folder are core's
	 * rules, and the file is the caller's, made with the caller's rights. */
	if (!clerk_may_export(a->db, current_login(), "导出办件", &err) ||
	    !priv_may_write_for_caller(xlsx ? "bianmin.xlsx" : "bianmin.csv", &err)) {
		app_error_take(a, err);
		return;
	}
	char *tmp = xasprintf("bianmin-%d.%s.XXXXXX", year, ext);
	priv_as_caller_begin();
	int fd = mkstemp(tmp);
	priv_as_caller_end();
	FILE *out = fd < 0 ? NULL : fdopen(fd, "wb");
	if (!out) {
		int why = errno;
		char *dir = getcwd(NULL, 0);
		app_error(a, "无法在当前目录 %s 写入导出文件: %s", dir ? dir : ".", errno_text(why));
		free(dir);
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return;
	}
	long long rows = 0;
	bool ok = xlsx ? xlsx_export_year(a->db, a->cat, year, out, &rows, &err)
		       : csvio_export_year_rows(a->db, a->cat, year, out, CSVIO_UTF8, &rows, &err);
	if (ok && (fflush(out) != 0 || fsync(fd) != 0))
		ok = fail(&err, "写入导出文件失败: %s", errno_text(errno));
	if (fclose(out) != 0 && ok)
		ok = fail(&err, "写入导出文件失败: %s", errno_text(errno));
	char *name = NULL;
	priv_as_caller_begin();
	for (int n = 1; ok && n < 1000; n++) {
		free(name);
		name = n == 1 ? xasprintf("bianmin-%d.%s", year, ext)
			      : xasprintf("bianmin-%d-%d.%s", year, n, ext);
		if (link(tmp, name) == 0)
			break;
		int why = errno;
		/* A name taken is skipped, whatever link() said: a USB stick
		 * (FAT) has no hard links and says EPERM even then. */
		if (why == EEXIST || access(name, F_OK) == 0) {
			if (n == 999)
				ok = fail(&err, "无法写入 %s: 名称都已被占用", name);
			continue;
		}
		/* No hard links and the name is free: rename into place. */
		if (errno == ENOENT) {
			if (rename(tmp, name) == 0)
				break;
			why = errno;
		}
		ok = fail(&err, "无法写入 %s: %s", name, errno_text(why));
	}
	unlink(tmp);
	priv_as_caller_end();
	free(tmp);
	/* Audited, or not left behind. */
	if (ok && !clerk_audit_export(a->db, current_login(), "export", name, rows, &err)) {
		priv_as_caller_begin();
		unlink(name);
		priv_as_caller_end();
		ok = false;
	}
	if (ok) {
		char *dir = getcwd(NULL, 0);
		app_say(a, "已导出 %d 年度办件: %s/%s", year, dir ? dir : ".", name);
		free(dir);
	} else {
		app_error_take(a, err);
	}
	free(name);
}

static bool report_request(struct app *a, struct view *v, enum action act, int key)
{
	struct report_view *st = v->state;
	size_t nwindows = a->cat->nwindows;
	if (st->asking) {
		/* Only the answer, or Esc, is taken while the question stands. */
		st->asking = false;
		if (act == ACT_EXPORT_XLSX || act == ACT_EXPORT_CSV)
			export_year(a, st->year, act == ACT_EXPORT_XLSX);
		else
			app_say(a, "没有导出");
		return true;
	}
	switch (act) {
	case ACT_PREV_YEAR:
		if (st->year > 1901) {
			st->year--;
			rewind_lists(st);
		}
		break;
	case ACT_NEXT_YEAR:
		if (st->year < period_year_of(a->today)) {
			st->year++;
			rewind_lists(st);
		} else {
			app_say(a, "%d 年是今年，没有以后的年度", st->year);
		}
		break;
	case ACT_SHOW_WINDOW:
		if (key >= '1' && (size_t)(key - '1') < nwindows) {
			st->window = (size_t)(key - '1');
			st->narrative = false;
			rewind_lists(st);
		}
		break;
	case ACT_NEXT_WINDOW:
	case ACT_PREV_WINDOW:
		if (nwindows && !st->narrative) {
			st->window = (st->window + (act == ACT_NEXT_WINDOW ? 1 : nwindows - 1)) %
				     nwindows;
			rewind_lists(st);
		}
		break;
	case ACT_NARRATIVE:
	case ACT_TABLE:
		st->narrative = act == ACT_NARRATIVE;
		rewind_lists(st);
		break;
	case ACT_EXPORT:
		/* The workbook first: opened in Excel or WPS, a CSV loses the
		 * ID numbers' last digits. */
		st->asking = true;
		app_say(a, "导出 %d 年度办件为: x/Enter Excel 工作簿 (.xlsx)   c CSV   Esc 不导出",
			st->year);
		break;
	default:
		return false;
	}
	return true;
}

static unsigned report_context(struct app *a, struct view *v)
{
	struct report_view *st = v->state;
	(void)a;
	if (st->asking)
		return CTX_EXPORT_ASK;
	return CTX_REPORT | (st->narrative ? CTX_NARRATIVE : 0);
}

static struct list *report_list(struct app *a, struct view *v)
{
	struct report_view *st = v->state;
	(void)a;
	return st->narrative ? &st->text : &st->table;
}

static const struct screen_ops report_view = {
	.name = "年度统计",
	.state_size = sizeof(struct report_view),
	.open = report_open,
	.draw = report_draw,
	.list = report_list,
	.request = report_request,
	.done = report_done,
	.context = report_context,
	.digits = view_window_digits,
};

const struct screen_ops *const report_screen = &report_view;
