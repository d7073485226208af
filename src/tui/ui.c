#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "text.h"
#include "tui.h"
#include "util.h"

enum { PAIR_TITLE = 1, PAIR_SELECTED, PAIR_ERROR, PAIR_KEY };

static bool colored;
/* Where drawing goes; the whole terminal until a screen's area is set. */
static struct ui_area area;
static bool area_set;

void ui_set_area(const struct ui_area *a)
{
	area = *a;
	area_set = true;
}

const struct ui_area *ui_get_area(void)
{
	if (!area_set)
		area = (struct ui_area){0, 0, LINES, COLS};
	return &area;
}

void ui_init_colors(struct app *a)
{
	/* NO_COLOR (no-color.org): any value turns colours off. */
	const char *no_color = getenv("NO_COLOR");
	a->color = has_colors() && !(no_color && no_color[0]);
	colored = a->color;
	if (!a->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_KEY, COLOR_BLACK, COLOR_WHITE);
}

int ui_attr(enum ui_style s)
{
	switch (s) {
	case UI_NORMAL:
		return A_NORMAL;
	case UI_TITLE:
		return A_BOLD | (colored ? COLOR_PAIR(PAIR_TITLE) : 0);
	case UI_SELECTED:
		return A_REVERSE;
	case UI_ERROR:
		return A_BOLD | (colored ? COLOR_PAIR(PAIR_ERROR) : 0);
	case UI_DIM:
		return A_DIM;
	case UI_KEY:
		return A_REVERSE;
	case UI_FIELD:
		return A_UNDERLINE;
	}
	return A_NORMAL;
}

void ui_put(int y, int x, int cols, const char *s, bool pad, bool right, enum ui_style st)
{
	const struct ui_area *ar = ui_get_area();
	if (cols <= 0 || y < 0 || y >= ar->rows || x < 0 || x >= ar->cols)
		return;
	if (x + cols > ar->cols)
		cols = ar->cols - x;
	size_t outsz = strlen(s) + (size_t)cols + 1;
	char *out = xmalloc(outsz);
	text_fit_marked(out, outsz, s, cols, pad, right);
	attrset(ui_attr(st));
	mvaddstr(ar->top + y, ar->left + x, out);
	attrset(A_NORMAL);
	free(out);
}

void ui_printf(int y, int x, int cols, enum ui_style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	ui_put(y, x, cols, s, false, false, st);
	free(s);
}

int ui_wrap(int y, int x, int cols, int rows, const char *s, enum ui_style st)
{
	int used = 0;
	size_t len = strlen(s);
	while (len > 0 && used < rows) {
		/* Take characters while they fit; a line holds at least one. */
		size_t take = 0;
		int width = 0;
		while (take < len) {
			unsigned cp;
			int n = text_decode(s + take, len - take, &cp);
			if (n <= 0)
				n = 1;
			int w = n > 0 ? text_cp_width(cp) : 1;
			if (width + w > cols && take > 0)
				break;
			width += w;
			take += (size_t)n;
		}
		/* Not inside an ASCII word (a command to type): back up to
		 * the last space or wide character of the line. */
		if (take < len && s[take] != ' ' && (unsigned char)s[take] < 0x80 && take > 0 &&
		    s[take - 1] != ' ' && (unsigned char)s[take - 1] < 0x80) {
			size_t cut = take;
			while (cut > 0 && s[cut - 1] != ' ' && (unsigned char)s[cut - 1] < 0x80)
				cut--;
			if (cut > 0)
				take = cut;
		}
		char *line = xstrndup(s, take);
		ui_put(y + used, x, cols, line, false, false, st);
		free(line);
		s += take;
		len -= take;
		used++;
		/* The space a line was broken at does not start the next. */
		if (len > 0 && *s == ' ') {
			s++;
			len--;
		}
	}
	return used;
}

void ui_unambiguous(char *s)
{
	/* U+201C..U+201D and U+2018..U+2019 are E2 80 9C/9D/98/99; the
	 * brackets U+300C/D and U+300E/F are E3 80 8C/8D/8E/8F: same length. */
	for (unsigned char *p = (unsigned char *)s; p[0]; p++) {
		if (p[0] != 0xe2 || p[1] != 0x80)
			continue;
		unsigned char to = p[2] == 0x9c ? 0x8c : p[2] == 0x9d ? 0x8d
				 : p[2] == 0x98 ? 0x8e : p[2] == 0x99 ? 0x8f : 0;
		if (to) {
			p[0] = 0xe3;
			p[2] = to;
			p += 2;
		}
	}
}

void ui_rule(int y, int x, int cols)
{
	const struct ui_area *ar = ui_get_area();
	if (y < 0 || y >= ar->rows || x < 0 || x >= ar->cols)
		return;
	if (x + cols > ar->cols)
		cols = ar->cols - x;
	if (cols > 0)
		lines_hline(ar->top + y, ar->left + x, cols);
}

void ui_vrule(int y, int x, int rows)
{
	const struct ui_area *ar = ui_get_area();
	if (y < 0 || y >= ar->rows || x < 0 || x >= ar->cols)
		return;
	if (y + rows > ar->rows)
		rows = ar->rows - y;
	if (rows > 0)
		lines_vline(ar->top + y, ar->left + x, rows);
}

void ui_title(const char *left, const char *right)
{
	int rw = text_width(right), cols = ui_get_area()->cols;
	ui_put(0, 0, cols, "", true, false, UI_NORMAL);
	ui_put(0, 1, cols - rw - 3, left, false, false, UI_TITLE);
	ui_put(0, cols - rw - 1, rw, right, false, false, UI_NORMAL);
}

void ui_date_label(char out[32], const char *date)
{
	snprintf(out, 32, "%s %s", date, period_weekday_name(date));
}
