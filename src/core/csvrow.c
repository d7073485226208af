#include "csvrow.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define CHUNK (64 * 1024)
/* A record longer than this is almost surely an unclosed quote swallowing
 * the rest of the file; stopping keeps memory flat whatever the input. */
#define RECORD_MAX (1024 * 1024)

struct reader {
	struct csv_parser parser;
	csvrow_fn fn;
	void *ctx;
	char **err;

	char *bytes;       /* the current record's fields, each NUL-terminated */
	size_t len, cap;
	size_t *offsets;   /* where each field starts in bytes */
	size_t nfields, offcap;
	char **fields;     /* handed to fn, rebuilt per record without allocating */
	size_t fieldcap;

	size_t line;        /* physical line (1-based) of the next byte fed */
	size_t record_line; /* physical line where the current record began */
	bool in_record;
	bool prev_cr;       /* the last byte fed was CR: a following LF is the same break */
	bool stopped;       /* fn returned false or a field was refused */
	bool bom_checked;
};

/* libcsv trims spaces around unquoted fields by default; a name or a note
 * must come back exactly as written. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void on_field(void *data, size_t n, void *arg)
{
	struct reader *r = arg;
	if (r->stopped)
		return;
	if (data && memchr(data, '\0', n)) {
		fail(r->err, "第%zu行: 含有空字符（NUL），不是文本文件", r->record_line);
		r->stopped = true;
		return;
	}
	r->offsets = xgrow(r->offsets, &r->offcap, r->nfields + 1, sizeof *r->offsets);
	r->offsets[r->nfields++] = r->len;
	r->bytes = xgrow(r->bytes, &r->cap, r->len + n + 1, 1);
	if (n)
		memcpy(r->bytes + r->len, data, n);
	r->len += n;
	r->bytes[r->len++] = '\0';
}

static void on_record(int term, void *arg)
{
	struct reader *r = arg;
	(void)term;
	r->in_record = false;
	if (r->stopped) {
		r->nfields = r->len = 0;
		return;
	}
	r->fields = xgrow(r->fields, &r->fieldcap, r->nfields + 1, sizeof *r->fields);
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->bytes + r->offsets[i];
	r->fields[r->nfields] = NULL;
	size_t n = r->nfields;
	r->nfields = r->len = 0;
	if (!r->fn(r->fields, n, r->record_line, r->ctx, r->err))
		r->stopped = true;
}

static void reader_init(struct reader *r, csvrow_fn fn, void *ctx, char **err)
{
	memset(r, 0, sizeof *r);
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL);
	csv_set_space_func(&r->parser, no_space);
	csv_set_realloc_func(&r->parser, xrealloc);
	r->fn = fn;
	r->ctx = ctx;
	r->err = err;
	r->line = 1;
}

static void reader_free(struct reader *r)
{
	csv_free(&r->parser);
	free(r->bytes);
	free(r->offsets);
	free(r->fields);
}

static size_t where(const struct reader *r)
{
	return r->in_record ? r->record_line : r->line;
}

static size_t find(const char *s, size_t from, size_t n, char c)
{
	const char *p = memchr(s + from, c, n - from);
	return p ? (size_t)(p - s) : n;
}

/* Feeds the parser one physical line at a time (each piece ends at CR or
 * LF), so that when a record begins we know which line it begins on, even
 * when a quoted field holds line breaks of its own. */
static bool reader_feed(struct reader *r, const char *s, size_t n)
{
	if (!r->bom_checked) {
		r->bom_checked = true;
		if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
	}
	size_t i = 0;
	/* The next LF and CR at or after i (n: none), each searched forward
	 * only, so the text is scanned once whatever its line ends. */
	size_t lf = find(s, 0, n, '\n'), cr = find(s, 0, n, '\r');
	while (i < n) {
		size_t j = lf < cr ? lf : cr;
		size_t end = j < n ? j + 1 : n;
		if (j > i) {
			r->prev_cr = false;
			if (!r->in_record) {
				r->in_record = true;
				r->record_line = r->line;
			}
		}
		size_t used = csv_parse(&r->parser, s + i, end - i, on_field, on_record, r);
		if (r->stopped)
			return false;
		if (used != end - i)
			return fail(r->err, "第%zu行: CSV 格式错误：引号不配对，或引号后面紧跟了别的字符",
				    where(r));
		if (r->in_record && r->len + r->parser.entry_pos > RECORD_MAX)
			return fail(r->err, "第%zu行: 一行记录超过 1 MiB，可能是引号没有闭合",
				    r->record_line);
		if (j < n) {
			if (s[j] == '\r')
				r->line++;
			else if (!r->prev_cr)
				r->line++;
			r->prev_cr = s[j] == '\r';
		}
		i = end;
		if (lf < i)
			lf = find(s, i, n, '\n');
		if (cr < i)
			cr = find(s, i, n, '\r');
	}
	return true;
}

static bool reader_finish(struct reader *r)
{
	if (csv_fini(&r->parser, on_field, on_record, r) != 0)
		return fail(r->err, "第%zu行: CSV 格式错误：引号没有闭合", where(r));
	return !r->stopped;
}

bool csvrow_read(const char *text, size_t len, csvrow_fn fn, void *ctx, char **err)
{
	struct reader r;
	reader_init(&r, fn, ctx, err);
	bool ok = reader_feed(&r, text, len) && reader_finish(&r);
	reader_free(&r);
	return ok;
}

bool csvrow_read_file(FILE *in, csvrow_fn fn, void *ctx, char **err)
{
	struct reader r;
	reader_init(&r, fn, ctx, err);
	char *chunk = xmalloc(CHUNK);
	bool ok = true;
	size_t n;
	while (ok && (n = fread(chunk, 1, CHUNK, in)) > 0)
		ok = reader_feed(&r, chunk, n);
	if (ok && ferror(in))
		ok = fail(err, "读取 CSV 文件失败: %s", errno_text(errno));
	if (ok)
		ok = reader_finish(&r);
	free(chunk);
	reader_free(&r);
	return ok;
}

static bool is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A cell needs the guard when Excel would run it, and also when it already
 * starts with quotes in front of such a character: guarding those too is
 * what lets csvrow_unguard undo exactly one ' and make the round trip
 * lossless for a cell such as '=A1 typed by hand. */
static bool needs_guard(const char *s)
{
	while (*s == '\'')
		s++;
	return is_formula_start(*s);
}

const char *csvrow_unguard(const char *s)
{
	if (s[0] == '\'' && needs_guard(s + 1))
		return s + 1;
	return s;
}

/* Rows are built in the writer's own buffer and go to the stream in large
 * pieces: an export is bound by this code, and stdio's locking per call
 * (a putc per quote and comma) was a third of it. */
#define OUT_BUF (64 * 1024)

struct csvrow_writer {
	FILE *out;
	bool row_started;
	size_t len;
	char buf[OUT_BUF];
};

static void out_flush(struct csvrow_writer *w)
{
	if (w->len)
		fwrite(w->buf, 1, w->len, w->out);
	w->len = 0;
}

static void out_add(struct csvrow_writer *w, const char *s, size_t n)
{
	if (w->len + n > OUT_BUF) {
		out_flush(w);
		if (n > OUT_BUF) {
			fwrite(s, 1, n, w->out);
			return;
		}
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void out_char(struct csvrow_writer *w, char c)
{
	if (w->len == OUT_BUF)
		out_flush(w);
	w->buf[w->len++] = c;
}

struct csvrow_writer *csvrow_writer_create(FILE *out, bool bom)
{
	struct csvrow_writer *w = xmalloc(sizeof *w);
	w->out = out;
	w->row_started = false;
	w->len = 0;
	if (bom)
		out_add(w, "\xEF\xBB\xBF", 3);
	return w;
}

/* The quoting of csv_fwrite (every cell in quotes, quotes doubled), done
 * span by span instead of byte by byte. */
static void put_quoted(struct csvrow_writer *w, const char *prefix, const char *cell,
		       size_t len)
{
	if (w->row_started)
		out_char(w, ',');
	w->row_started = true;
	out_char(w, '"');
	if (prefix)
		out_add(w, prefix, strlen(prefix));
	const char *q, *end = cell + len;
	while ((q = memchr(cell, '"', (size_t)(end - cell)))) {
		out_add(w, cell, (size_t)(q - cell) + 1);
		out_char(w, '"');
		cell = q + 1;
	}
	out_add(w, cell, (size_t)(end - cell));
	out_char(w, '"');
}

void csvrow_put(struct csvrow_writer *w, const char *cell)
{
	/* What older data may hide is shown, as on every printer; a note's
	 * line breaks stay (the cell is quoted). */
	char *owned;
	cell = text_escape_hidden(cell ? cell : "", true, &owned);
	put_quoted(w, needs_guard(cell) ? "'" : NULL, cell, strlen(cell));
	free(owned);
}

void csvrow_put_int(struct csvrow_writer *w, long long v)
{
	/* By hand: snprintf's format parsing was a tenth of an export. */
	char buf[24];
	char *p = buf + sizeof buf;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	put_quoted(w, NULL, p, (size_t)(buf + sizeof buf - p));
}

void csvrow_end(struct csvrow_writer *w)
{
	out_add(w, "\r\n", 2);
	w->row_started = false;
}

bool csvrow_writer_finish(struct csvrow_writer *w, char **err)
{
	if (!w)
		return true;
	out_flush(w);
	bool ok = fflush(w->out) == 0 && !ferror(w->out);
	int saved = errno;
	free(w);
	if (!ok)
		return fail(err, "写入 CSV 失败: %s", errno_text(saved));
	return true;
}

char *csvrow_slurp(const char *path, size_t *len, char **err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		fail(err, "无法打开 %s: %s", path, errno_text(errno));
		return NULL;
	}
	size_t cap = CHUNK, n = 0, got;
	char *buf = xmalloc(cap + 1);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, (cap *= 2) + 1);
	}
	bool bad = ferror(f);
	int saved = errno;
	if (!is_stdin)
		fclose(f);
	if (bad) {
		free(buf);
		fail(err, "读取 %s 失败: %s", is_stdin ? "标准输入" : path, errno_text(saved));
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
