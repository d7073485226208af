#ifndef BIANMIN_XLSX_INT_H
#define BIANMIN_XLSX_INT_H
/* Shared by the workbook writers (xlsx_export.c, xlsx_report.c): the
 * temporary file a workbook is built in, the first error of a run of
 * writes, and column widths for Chinese text. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <xlsxwriter.h>

struct xlsx_book {
	lxw_workbook *wb;
	char *path;      /* the temporary workbook */
	lxw_error error; /* the first failed write, LXW_NO_ERROR if none */
	lxw_format *header; /* bold, shaded, bordered below */
	lxw_format *text;   /* shown and kept as text ("@") */
};

/* Starts a workbook in a temporary file.  False with a message. */
bool xlsx_book_open(struct xlsx_book *b, char **err);
/* Closes the workbook and copies it to `out` (flushed).  With ok false
 * (the caller failed) nothing is copied.  Always frees and removes the
 * temporary file; false with a message if anything failed. */
bool xlsx_book_finish(struct xlsx_book *b, bool ok, FILE *out, char **err);

/* A new sheet; false (with the error kept in b) when it cannot be made. */
lxw_worksheet *xlsx_sheet(struct xlsx_book *b, const char *name);

/* Cell writers that keep the first error in b.  xlsx_text writes nothing
 * for NULL or "": a column's format (xlsx_set_widths) is what keeps text
 * typed into an empty cell text.  xlsx_blank writes an empty cell with a
 * format (a total's border). */
void xlsx_text(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
	       const char *s, lxw_format *f);
void xlsx_blank(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
		lxw_format *f);
void xlsx_number(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
		 double v, lxw_format *f);

/* Excel's column width (in widths of "0") that shows s whole: a Chinese
 * character takes about two. */
double xlsx_width(const char *s);
/* Sets column widths[i] for columns 0..n-1, each kept to at most `max`,
 * and formats[i] as the column's format when formats is not NULL. */
void xlsx_set_widths(struct xlsx_book *b, lxw_worksheet *ws, const double *widths,
		     lxw_format *const *formats, uint16_t n, double max);

/* A sheet name Excel takes for `name`: at most 31 characters, none of
 * [ ] : * ? / \ (each becomes _), not starting or ending with '; one
 * already among `taken` (Excel compares without case) gets "(position)"
 * appended.  malloc'd. */
char *xlsx_sheet_name(const char *name, int position, char *const *taken, size_t ntaken);

/* Excel's serial day number of a YYYY-MM-DD date (1 = 1900-01-01, with
 * Excel's 1900-02-29 counted), or -1 for an invalid date. */
double xlsx_serial_date(const char *date);

#endif
