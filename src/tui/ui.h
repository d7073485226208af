#ifndef BIANMIN_TUI_UI_H
#define BIANMIN_TUI_UI_H
/* Drawing on the terminal (ui.c): text cut and padded by display columns,
 * rules, the title row, colours or none (NO_COLOR). */

#include <stdbool.h>

struct app;

/* Where a screen draws: rows and columns of the terminal from an origin. */
struct ui_area {
	int top, left, rows, cols;
};

/* Drawing (ui.c).  Text is UTF-8; columns are display columns;
 * coordinates are in the area set by ui_set_area (the screen's, while it
 * draws), and nothing is drawn outside it. */
enum ui_style { UI_NORMAL, UI_TITLE, UI_SELECTED, UI_ERROR, UI_DIM, UI_KEY, UI_FIELD };
void ui_init_colors(struct app *a);
int ui_attr(enum ui_style s);
void ui_set_area(const struct ui_area *area);
const struct ui_area *ui_get_area(void);
/* Writes s at (y, x) cut to `cols` columns (padded with spaces when pad;
 * right-aligned when right).  Never splits a double-width character; text
 * that had to be cut ends in ".." (the one place text is cut on screen). */
void ui_put(int y, int x, int cols, const char *s, bool pad, bool right, enum ui_style st);
/* printf-style ui_put, left-aligned, not padded. */
void ui_printf(int y, int x, int cols, enum ui_style st, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Writes s over up to `rows` lines of `cols` columns, breaking between
 * characters; returns the lines used. */
int ui_wrap(int y, int x, int cols, int rows, const char *s, enum ui_style st);
/* Replaces the East Asian "ambiguous width" quotes that core messages use
 * (“” ‘’), which some Chinese terminals draw two columns wide, with corner
 * brackets that every terminal draws two wide; in place. */
void ui_unambiguous(char *s);
void ui_rule(int y, int x, int cols);
void ui_vrule(int y, int x, int rows);
/* The title row: left text, right text flush with the right edge. */
void ui_title(const char *left, const char *right);
/* Formats "2021-03-15 星期一" for the date. */
void ui_date_label(char out[32], const char *date);

#endif
