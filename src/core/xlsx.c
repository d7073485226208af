/* The workbook plumbing shared by the ledger and report workbooks. */
#include "xlsx_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "period.h"
#include "priv.h"
#include "text.h"
#include "util.h"

static const char *tmp_dir(void)
{
	const char *d = getenv("TMPDIR");
	return d && *d ? d : "/tmp";
}

/* libxlsxwriter's own texts are English; the ones a clerk can act on are
 * said in Chinese. */
static const char *lxw_text(lxw_error e)
{
	switch (e) {
	case LXW_ERROR_CREATING_XLSX_FILE:
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return "临时文件无法写入（磁盘已满或临时目录不可写？）";
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
		return "某一格的文字超过了 Excel 单元格的上限（32767 个字符）";
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return "内存不足";
	default:
		return lxw_strerror(e);
	}
}

bool xlsx_book_open(struct xlsx_book *b, char **err)
{
	memset(b, 0, sizeof *b);
	/* mkstemp makes the file 0600, and libxlsxwriter's fopen keeps that
	 * mode: the workbook holds ID numbers. */
	b->path = xasprintf("%s/bianmin-xlsx.XXXXXX", tmp_dir());
	/* The caller's file, made with the caller's rights (priv.h). */
	priv_as_caller_begin();
	int fd = mkstemp(b->path);
	priv_as_caller_end();
	if (fd < 0) {
		fail(err, "无法在 %s 中建立临时文件: %s", tmp_dir(), errno_text(errno));
		free(b->path);
		b->path = NULL;
		return false;
	}
	close(fd);
	lxw_workbook_options opt = {
		.constant_memory = LXW_TRUE,
		.tmpdir = (char *)tmp_dir(),
	};
	b->wb = workbook_new_opt(b->path, &opt);
	if (!b->wb) {
		fail(err, "无法建立 xlsx 工作簿（内存不足？）");
		unlink(b->path);
		free(b->path);
		b->path = NULL;
		return false;
	}
	b->header = workbook_add_format(b->wb);
	format_set_bold(b->header);
	format_set_bg_color(b->header, 0xDDEBF7);
	format_set_bottom(b->header, LXW_BORDER_THIN);
	format_set_text_wrap(b->header);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_CENTER);
	b->text = workbook_add_format(b->wb);
	format_set_num_format(b->text, "@");
	return true;
}

static bool copy_to(const char *path, FILE *out, char **err)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return fail(err, "无法读取临时文件 %s: %s", path, errno_text(errno));
	char buf[65536];
	size_t n;
	bool ok = true;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			ok = fail(err, "写入失败: %s", errno_text(errno));
	if (ok && ferror(in))
		ok = fail(err, "无法读取临时文件 %s: %s", path, errno_text(errno));
	fclose(in);
	if (ok && fflush(out) != 0)
		ok = fail(err, "写入失败: %s", errno_text(errno));
	return ok;
}

bool xlsx_book_finish(struct xlsx_book *b, bool ok, FILE *out, char **err)
{
	if (ok && b->error != LXW_NO_ERROR)
		ok = fail(err, "无法生成 xlsx 文件: %s", lxw_text(b->error));
	lxw_error rc = workbook_close(b->wb); /* frees it, whether or not ok */
	b->wb = NULL;
	if (ok && rc != LXW_NO_ERROR)
		ok = fail(err, "无法生成 xlsx 文件: %s", lxw_text(rc));
	if (ok)
		ok = copy_to(b->path, out, err);
	unlink(b->path);
	free(b->path);
	b->path = NULL;
	return ok;
}

lxw_worksheet *xlsx_sheet(struct xlsx_book *b, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws && b->error == LXW_NO_ERROR)
		b->error = LXW_ERROR_PARAMETER_VALIDATION;
	return ws;
}

static void keep(struct xlsx_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR)
		b->error = e;
}

void xlsx_text(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
	       const char *s, lxw_format *f)
{
	if (!ws)
		return;
	if (!s || !*s)
		return;
	/* Text older than the rules on hidden characters (a bidi override
	 * that turns a name around, a control) is shown as <U+202E>, as in
	 * every other output; line breaks stay. */
	char *owned;
	keep(b, worksheet_write_string(ws, row, col, text_escape_hidden(s, true, &owned), f));
	free(owned);
}

void xlsx_blank(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
		lxw_format *f)
{
	if (ws)
		keep(b, worksheet_write_blank(ws, row, col, f));
}

void xlsx_number(struct xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint16_t col,
		 double v, lxw_format *f)
{
	if (ws)
		keep(b, worksheet_write_number(ws, row, col, v, f));
}

double xlsx_width(const char *s)
{
	/* The widest line of a cell that holds line breaks. */
	int widest = 0, cur = 0;
	for (const char *p = s ? s : ""; *p;) {
		unsigned cp;
		int n = text_decode(p, strlen(p), &cp);
		if (n <= 0) {
			n = 1;
			cp = '?';
		}
		p += n;
		if (cp == '\n') {
			cur = 0;
			continue;
		}
		/* Chinese glyphs are a little wider than two digits of the
		 * default font; 2.2 keeps a column of names from being cut. */
		cur += text_cp_width(cp) == 2 ? 22 : 10;
		if (cur > widest)
			widest = cur;
	}
	return widest / 10.0 + 2.0;
}

void xlsx_set_widths(struct xlsx_book *b, lxw_worksheet *ws, const double *widths,
		     lxw_format *const *formats, uint16_t n, double max)
{
	if (!ws)
		return;
	for (uint16_t i = 0; i < n; i++)
		keep(b, worksheet_set_column(ws, i, i, widths[i] < max ? widths[i] : max,
					     formats ? formats[i] : NULL));
}

double xlsx_serial_date(const char *date)
{
	int64_t day = period_day_number(date);
	if (day == PERIOD_NO_DAY)
		return -1;
	/* 25569 is 1970-01-01; Excel counts a 1900-02-29 that never was, so
	 * the days before March 1900 are one less. */
	double serial = (double)day + 25569;
	return serial < 61 ? serial - 1 : serial;
}

char *xlsx_sheet_name(const char *name, int position, char *const *taken, size_t ntaken)
{
	struct strbuf sb = {0};
	size_t chars = 0;
	/* 26 characters leave room for "(NN)". */
	for (const char *p = name; *p && chars < 26;) {
		unsigned cp;
		int n = text_decode(p, strlen(p), &cp);
		if (n <= 0)
			break;
		if (cp < 0x20 || (cp < 0x80 && strchr("[]:*?/\\", (int)cp)))
			strbuf_add(&sb, "_");
		else
			strbuf_addn(&sb, p, (size_t)n);
		p += n;
		chars++;
	}
	if (!sb.s)
		strbuf_add(&sb, "_");
	/* Excel refuses a name that starts or ends with an apostrophe. */
	if (sb.s[0] == '\'')
		sb.s[0] = '_';
	if (sb.s[sb.len - 1] == '\'')
		sb.s[sb.len - 1] = '_';
	for (size_t i = 0; i < ntaken; i++) {
		if (strcasecmp(taken[i], sb.s) == 0) {
			strbuf_addf(&sb, "(%d)", position % 100);
			break;
		}
	}
	return sb.s;
}
