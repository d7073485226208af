#ifndef BIANMIN_CSVIO_H
#define BIANMIN_CSVIO_H
/* The CSV interchange file of the ledger (bianmin(5), DESIGN section 6):
 * export writes it, import reads it, and export -> import into an empty
 * database -> export gives the same bytes.
 *
 * Columns, in this order on export:
 *   编号 serial, 日期 date, 时间 time, 窗口 window, 事项 matter,
 *   分类 category, 申请人 applicant, 证件号码 id_number, 村 village,
 *   户数 households, 人数 persons, 数量 quantity, 状态 status,
 *   经办人 clerk, 备注 note, 作废原因 void_reason
 * Export writes the Chinese labels; import takes the labels or the English
 * keys (keys case-insensitively), in any order.  日期, 窗口 and 事项 are
 * required; any other column may be left out and takes its default.
 * Import also takes back what Excel saves of an export: dates as 2021/1/4,
 * times as 8:05, rows of empty cells and columns with no name (skipped
 * while empty), the formula guard's ' gone or kept.  A column 是否作废
 * (key voided; 是 or 否, as the .xlsx export has it) is checked against
 * 作废原因 and otherwise ignored.  Import also takes, when a file has them,
 * 联系电话 (phone), 承诺办结日期 (due_on) and 办结日期 (done_on), checked as
 * a save checks them; export writes them only when asked
 * (csvio_export_year_full).
 *
 * Both directions stream: memory stays flat for any number of rows. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct db;
struct catalog;

enum csvio_encoding {
	CSVIO_UTF8,    /* with a BOM: Excel on Chinese Windows opens it right */
	CSVIO_GB18030, /* no BOM; a superset of GBK that also holds 䶮 and 𠀀 */
};

/* The interchange columns in export order, and the Chinese label of each
 * (column 0..CSVIO_NCOLUMNS-1); past them the columns only some files have,
 * which import takes back. */
#define CSVIO_NCOLUMNS 16
enum {
	CSVIO_COL_VOIDED = CSVIO_NCOLUMNS, /* 是否作废: the .xlsx export's */
	CSVIO_COL_PHONE,                   /* 联系电话 .. 办结日期: the full export's */
	CSVIO_COL_DUE_ON,
	CSVIO_COL_DONE_ON,
	CSVIO_NALL_COLUMNS,
};
const char *csvio_column_label(int col);

/* "utf-8" / "utf8" or "gb18030" / "gbk" (any case).  False for anything
 * else (the caller reports it as a usage error). */
bool csvio_encoding_parse(const char *name, enum csvio_encoding *out);
const char *csvio_encoding_name(enum csvio_encoding enc); /* "UTF-8", "GB18030" */

/* Writes the header row and every entry dated from..to (inclusive
 * YYYY-MM-DD; NULL = open), voided ones included with their 作废原因, in
 * date order.  Window, matter and village are written by name.  Every cell
 * is quoted, rows end in CRLF, formula-looking cells get a leading '.
 * `out` is flushed, not closed.  False with a message when the database
 * or the output fails (a partial file may then have been written). */
bool csvio_export(struct db *db, const struct catalog *cat, const char *from, const char *to,
		  FILE *out, enum csvio_encoding enc, char **err);
/* The same for one calendar year. */
bool csvio_export_year(struct db *db, const struct catalog *cat, int year, FILE *out,
		       enum csvio_encoding enc, char **err);
/* The same, counting the entries written into *rows (for the audit line of
 * an export: clerk_audit_export). */
bool csvio_export_year_rows(struct db *db, const struct catalog *cat, int year, FILE *out,
			    enum csvio_encoding enc, long long *rows, char **err);
/* The same with every column import takes back: the sixteen, then
 * 联系电话, 承诺办结日期 and 办结日期 (a 承诺件's follow-up, empty for the
 * rest), so that a ledger moved through the file keeps them. */
bool csvio_export_year_full(struct db *db, const struct catalog *cat, int year, FILE *out,
			    enum csvio_encoding enc, long long *rows, char **err);

struct csvio_import_result {
	size_t rows;                  /* data rows read (header not counted) */
	size_t bad;                   /* rows refused */
	size_t voided;                /* rows recorded as voided (作废原因 given) */
	bool written;                 /* true only when the rows were committed */
	enum csvio_encoding encoding; /* as detected */
};

/* Imports an interchange file ("-" = standard input) in ONE write
 * transaction, all or nothing.  The encoding is detected: UTF-8 (with or
 * without BOM), otherwise GB18030.  Each row is checked (ledger_check) and
 * recorded (ledger_insert) as `login`; a given 编号 is kept, an empty one is
 * assigned; a non-empty 作废原因 records the row as voided.
 *
 * If any row is bad nothing is written, and *err lists every bad row as
 * "第N行: reason" (N the physical line in the file; the first 100 rows,
 * then how many more).  With dry_run everything is checked the same way
 * and nothing is written.  A committed import adds one audit line
 * ("导入 FILE N 行").  `res` (may be NULL) is filled in either case. */
bool csvio_import(struct db *db, const struct catalog *cat, const char *path, bool dry_run,
		  const char *login, struct csvio_import_result *res, char **err);

#endif
