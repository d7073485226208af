#ifndef BIANMIN_XLSX_H
#define BIANMIN_XLSX_H
/* Excel workbooks (.xlsx, through libxlsxwriter) of the ledger and of the
 * annual report: what a spreadsheet opens without turning an ID number, a
 * serial or a note like 0012 into a number (bianmin(1), EXCEL AND WPS).
 *
 * Rows are streamed in libxlsxwriter's constant_memory mode: memory stays
 * flat for any number of entries.  The workbook is built in a temporary
 * file (in $TMPDIR, mode 0600) and then copied to `out`, so `out` may be
 * any stream, a pipe included.  `out` is flushed, not closed. */

#include <stdbool.h>
#include <stdio.h>

struct db;
struct catalog;
struct report;

/* One sheet 办件 of the interchange columns (csvio.h, same Chinese
 * labels), then 是否作废 (是/否): every entry dated from..to (inclusive;
 * NULL = open), voided ones kept, greyed and struck through.  Texts are
 * text cells (编号, 时间, 证件号码, 备注 and the rest), 日期 a date shown
 * yyyy-mm-dd, 户数/人数/数量 numbers.  The header row is frozen and
 * filtered.  *rows (may be NULL) gets the number of entries written, for
 * the audit line of the export. */
bool xlsx_export(struct db *db, const struct catalog *cat, const char *from, const char *to,
		 FILE *out, long long *rows, char **err);
bool xlsx_export_year(struct db *db, const struct catalog *cat, int year, FILE *out,
		      long long *rows, char **err);

/* The annual report as a workbook: a summary sheet 汇总 (a row per window
 * and the center's total, in entries), one sheet per window (each matter
 * with its unit, figures as numbers, 户 and 人 in cells of their own, the
 * category split, the previous period, 同比 as a difference and as a
 * percentage, the window's total) and the narrative on a sheet 文字说明. */
bool xlsx_write_report(const struct report *r, FILE *out, char **err);

#endif
