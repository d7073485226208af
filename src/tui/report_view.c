/* The annual report (R on the home screen): a year's figures window by
 * window beside the year before, a monthly bar chart of the window's
 * entries, the paragraph of the annual report (n), and the year's entries
 * exported as CSV into the current directory (e).  Every draw asks core
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
#include "priv.h"
#include "report.h"
#include "text.h"
#include "tui.h"
#include "util.h"

static struct {
	int year;
	size_t window;  /* index into the catalog's windows */
	bool narrative;
	struct ui_pager pg; /* the table, or the text */
} st;

static void report_enter(struct app *a, int arg)
{
	(void)arg;
	st.year = period_year_of(a->today);
	st.window = 0;
	st.narrative = false;
	st.pg.scroll = 0;
}

enum { X_NAME = 2, W_NAME = 30, X_CUR = 32, X_PREV = 45, X_CHANGE = 58, W_FIG = 12 };

/* Halves of a cell, bottom up, in ASCII: the block elements (▁ .. █)
 * are East Asian ambiguous width, two columns on some Chinese terminals. */
static const char bar_levels[] = {' ', '=', '#'};
#define BAR_STEPS 2

static void draw_tabs(struct app *a, int y)
{
	int x = 1;
	for (size_t w = 0; w < a->cat->nwindows && x < COLS - 2; w++) {
		char tab[96];
		snprintf(tab, sizeof tab, " %zu %s ", w + 1, a->cat->windows[w].name);
		int width = text_width(tab);
		ui_put(y, x, COLS - 1 - x, tab, false, false,
		       w == st.window && !st.narrative ? UI_SELECTED : UI_NORMAL);
		x += width + 1;
	}
}

static void figure_row(int y, const char *name, enum unit u, const struct tally_cell *cur,
		       const struct tally_cell *prev, enum ui_style style)
{
	char fig[64];
	ui_put(y, X_NAME, W_NAME, name, true, false, style);
	ui_put(y, X_CUR, W_FIG, tally_format(fig, sizeof fig, u, cur), true, true, style);
	ui_put(y, X_PREV, W_FIG, tally_format(fig, sizeof fig, u, prev), true, true, style);
	ui_put(y, X_CHANGE, W_FIG, report_format_change(fig, sizeof fig, u, cur, prev), true,
	       true, style);
}

/* Rows come in order; those before the scroll position or past the last
 * line are skipped.  Returns the line to draw on, or -1. */
static int next_line(int *row, int first, int *y, int last_y)
{
	int i = (*row)++;
	if (i < first || *y > last_y)
		return -1;
	return (*y)++;
}

static void draw_table(const struct report *r, int top, int last_y)
{
	const struct report_window *rw = &r->windows[st.window];
	char head[32];
	ui_put(top, X_NAME, W_NAME, "事项", true, false, UI_TITLE);
	snprintf(head, sizeof head, "%d年", r->year);
	ui_put(top, X_CUR, W_FIG, head, true, true, UI_TITLE);
	snprintf(head, sizeof head, r->to_date ? "%d年同期" : "%d年", r->year - 1);
	ui_put(top, X_PREV, W_FIG, head, true, true, UI_TITLE);
	ui_put(top, X_CHANGE, W_FIG, "同比", true, true, UI_TITLE);

	int row = 0, y = top + 1, shown = 0;
	for (size_t k = 0; k < rw->nmatters; k++) {
		const struct report_matter *rm = &rw->matters[k];
		const struct catalog_matter *m = rm->matter;
		if (!m->active && !rm->cur.entries && !rm->prev.entries)
			continue;
		shown++;
		int line = next_line(&row, st.pg.scroll, &y, last_y);
		if (line >= 0)
			figure_row(line, m->name, m->unit, &rm->cur, &rm->prev, UI_NORMAL);
		for (size_t c = 0; m->ncategories && c <= m->ncategories; c++) {
			bool other = c == m->ncategories;
			const struct tally_cell *cur = &rm->cur_by_category[c];
			const struct tally_cell *prev = &rm->prev_by_category[c];
			if (other && !cur->entries && !prev->entries)
				continue;
			line = next_line(&row, st.pg.scroll, &y, last_y);
			if (line < 0)
				continue;
			char name[96];
			snprintf(name, sizeof name, "  其中 %s", other ? "未分类" : m->categories[c]);
			figure_row(line, name, m->unit, cur, prev, UI_DIM);
		}
	}
	if (rw->has_total && shown > 1) {
		int line = next_line(&row, st.pg.scroll, &y, last_y);
		if (line >= 0)
			figure_row(line, "合计", rw->unit, &rw->cur, &rw->prev, UI_TITLE);
	}
	if (shown == 0)
		ui_put(top + 1, X_NAME, COLS - X_NAME - 1, "此窗口没有事项", false, false, UI_DIM);
	st.pg.nrows = row;
	st.pg.page = last_y - top;
	if (st.pg.scroll > 0 || row > st.pg.scroll + st.pg.page)
		ui_printf(top, COLS - 12, 11, UI_DIM, "%d-%d/%d", st.pg.scroll + 1,
			  row < st.pg.scroll + st.pg.page ? row : st.pg.scroll + st.pg.page, row);
}

static int table_rows(const struct report_window *rw)
{
	int rows = 0, shown = 0;
	for (size_t k = 0; k < rw->nmatters; k++) {
		const struct report_matter *rm = &rw->matters[k];
		const struct catalog_matter *m = rm->matter;
		if (!m->active && !rm->cur.entries && !rm->prev.entries)
			continue;
		shown++;
		rows += 1 + (int)m->ncategories;
		if (m->ncategories && (rm->cur_by_category[m->ncategories].entries ||
				       rm->prev_by_category[m->ncategories].entries))
			rows++;
	}
	return rows + (rw->has_total && shown > 1);
}

/* Monthly entries of the window as bars `height` lines tall, month names
 * and counts below; 5 columns a month. */
static void draw_chart(const struct report *r, int top, int height)
{
	const struct report_window *rw = &r->windows[st.window];
	int64_t max = 0, sum = 0;
	for (size_t m = 0; m < r->nmonths; m++) {
		sum += rw->months[m];
		if (rw->months[m] > max)
			max = rw->months[m];
	}
	ui_printf(top, X_NAME, COLS - X_NAME - 1, UI_TITLE, "每月办件数  (共 %lld 件)",
		  (long long)sum);
	if (max == 0) {
		ui_put(top + 1, X_NAME, COLS - X_NAME - 1, "本期没有办件", false, false, UI_DIM);
		return;
	}
	for (size_t m = 0; m < r->nmonths; m++) {
		int x = X_NAME + (int)m * 5;
		if (x + 4 >= COLS)
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

/* The paragraph wrapped to `cols` columns; a line never starts with
 * closing punctuation (it stays on the line before, one char over). */
static int draw_narrative(const char *text, int top, int last_y, int cols)
{
	static const char *const no_start[] = {"，", "。", "；", "、", "："};
	int row = 0, y = top;
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
		int line = next_line(&row, st.pg.scroll, &y, last_y);
		if (line >= 0) {
			char *s = xstrndup(p, (size_t)(q - p));
			ui_put(line, X_NAME, cols + 2, s, false, false, UI_NORMAL);
			free(s);
		}
		p = q;
	}
	st.pg.nrows = row;
	st.pg.page = last_y - top + 1;
	return row;
}

static void report_draw(struct app *a)
{
	struct report r;
	char *err = NULL;
	char title[64], right[96];
	snprintf(title, sizeof title, "%d 年度统计%s", st.year, st.narrative ? "  文字" : "");
	if (!report_year(a->db, a->cat, st.year, &r, &err)) {
		ui_title(title, "");
		app_error_take(a, err);
		return;
	}
	int64_t cur = 0, prev = 0;
	for (size_t w = 0; w < r.nwindows; w++) {
		cur += r.windows[w].cur.entries;
		prev += r.windows[w].prev.entries;
	}
	snprintf(right, sizeof right, "共 %lld 件  %d 年 %lld 件", (long long)cur, st.year - 1,
		 (long long)prev);
	ui_title(title, right);
	ui_rule(1, 0, COLS);
	int last_y = LINES - 4;

	if (st.narrative) {
		char *text = report_narrative(&r);
		if (!text[0])
			ui_put(3, X_NAME, COLS - 4, "本年度没有办件", false, false, UI_DIM);
		else
			draw_narrative(text, 3, last_y, COLS - 6);
		free(text);
	} else if (r.nwindows == 0) {
		ui_put(3, X_NAME, COLS - 4, "目录中没有窗口", false, false, UI_DIM);
	} else {
		if (st.window >= r.nwindows)
			st.window = 0;
		draw_tabs(a, 2);
		/* Title, header and table from the top; the chart (its title, bars,
		 * months, counts) from the bottom, taking what the table leaves:
		 * 2 to 6 lines of bars, the table scrolling if it must. */
		int chart_height = last_y - 7 - table_rows(&r.windows[st.window]);
		chart_height = chart_height < 2 ? 2 : chart_height > 6 ? 6 : chart_height;
		int chart_top = last_y - chart_height - 2;
		draw_table(&r, 3, chart_top - 2);
		draw_chart(&r, chart_top, chart_height);
	}
	report_clear(&r);
}

/* bianmin-2021.csv in the current directory, or bianmin-2021-2.csv ... when
 * that exists: an export never overwrites a file (it may be someone's
 * edited copy).  Written beside its name and linked into place whole. */
static void export_year(struct app *a)
{
	char *err = NULL;
	/* Every entry with its ID number: the roles and the folder are core's
	 * rules, and the file is the caller's, made with the caller's rights. */
	if (!clerk_may_export(a->db, current_login(), "导出办件", &err) ||
	    !priv_may_write_for_caller("bianmin.csv", &err)) {
		app_error_take(a, err);
		return;
	}
	char *tmp = xasprintf("bianmin-%d.csv.XXXXXX", st.year);
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
	bool ok = csvio_export_year_rows(a->db, a->cat, st.year, out, CSVIO_UTF8, &rows, &err);
	if (ok && (fflush(out) != 0 || fsync(fd) != 0))
		ok = fail(&err, "写入导出文件失败: %s", errno_text(errno));
	if (fclose(out) != 0 && ok)
		ok = fail(&err, "写入导出文件失败: %s", errno_text(errno));
	char *name = NULL;
	priv_as_caller_begin();
	for (int n = 1; ok && n < 1000; n++) {
		free(name);
		name = n == 1 ? xasprintf("bianmin-%d.csv", st.year)
			      : xasprintf("bianmin-%d-%d.csv", st.year, n);
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
		app_say(a, "已导出 %d 年度办件: %s/%s", st.year, dir ? dir : ".", name);
		free(dir);
	} else {
		app_error_take(a, err);
	}
	free(name);
}

static void report_handle(struct app *a, enum action act, int key)
{
	size_t nwindows = a->cat->nwindows;
	switch (act) {
	case ACT_PREV_YEAR:
		if (st.year > 1901) {
			st.year--;
			st.pg.scroll = 0;
		}
		break;
	case ACT_NEXT_YEAR:
		if (st.year < period_year_of(a->today)) {
			st.year++;
			st.pg.scroll = 0;
		} else {
			app_say(a, "%d 年是今年，没有以后的年度", st.year);
		}
		break;
	case ACT_SHOW_WINDOW:
		if (key >= '1' && (size_t)(key - '1') < nwindows) {
			st.window = (size_t)(key - '1');
			st.narrative = false;
			st.pg.scroll = 0;
		}
		break;
	case ACT_NEXT_WINDOW:
	case ACT_PREV_WINDOW:
		if (nwindows && !st.narrative) {
			st.window = (st.window + (act == ACT_NEXT_WINDOW ? 1 : nwindows - 1)) %
				    nwindows;
			st.pg.scroll = 0;
		}
		break;
	case ACT_NARRATIVE:
	case ACT_TABLE:
		st.narrative = act == ACT_NARRATIVE;
		st.pg.scroll = 0;
		break;
	case ACT_EXPORT:
		export_year(a);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_pager_act(&st.pg, act);
		break;
	case ACT_BACK:
		app_pop(a);
		break;
	default:
		break;
	}
}

static unsigned report_context(struct app *a)
{
	(void)a;
	return CTX_REPORT | (st.narrative ? CTX_NARRATIVE : 0);
}

/* Paging keys only when there is more than one page. */
static void report_unoffered(struct app *a, bool *hidden)
{
	(void)a;
	ui_pager_unoffered(&st.pg, hidden);
}

static int report_digits(struct app *a)
{
	return (int)a->cat->nwindows;
}

static const struct screen_ops report_view = {
	.name = "年度统计",
	.enter = report_enter,
	.draw = report_draw,
	.handle = report_handle,
	.context = report_context,
	.digits = report_digits,
	.unoffered = report_unoffered,
};

const struct screen_ops *const report_screen = &report_view;
