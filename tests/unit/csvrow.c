/* csvrow: strict reading with physical line numbers, Excel-safe writing,
 * and a lossless round trip through the formula guard. */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvrow.h"
#include "tap.h"
#include "util.h"

/* Every record flattened as "line:field|field|...\n". */
struct collect {
	char *text;
	size_t len, cap;
	size_t records;
	size_t stop_after; /* 0 = never stop */
};

static void append(struct collect *c, const char *s)
{
	size_t n = strlen(s);
	c->text = xgrow(c->text, &c->cap, c->len + n + 1, 1);
	memcpy(c->text + c->len, s, n + 1);
	c->len += n;
}

static bool collect_row(char **fields, size_t n, size_t line, void *ctx, char **err)
{
	struct collect *c = ctx;
	(void)err;
	char num[32];
	snprintf(num, sizeof num, "%zu:", line);
	append(c, num);
	for (size_t i = 0; i < n; i++) {
		if (i)
			append(c, "|");
		append(c, fields[i]);
	}
	append(c, "\n");
	c->records++;
	return !(c->stop_after && c->records >= c->stop_after);
}

/* Parses `in` and returns the flattened records (or "ERR:message"). */
static char *parse(const char *in)
{
	struct collect c = {0};
	char *err = NULL;
	append(&c, "");
	if (!csvrow_read(in, strlen(in), collect_row, &c, &err)) {
		free(c.text);
		char *r = xasprintf("ERR:%s", err ? err : "(no message)");
		free(err);
		return r;
	}
	return c.text;
}

static void check_parse(const char *in, const char *want, const char *what)
{
	char *got = parse(in);
	is_str(got, want, "%s", what);
	free(got);
}

static void test_reading(void)
{
	check_parse("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n", "CRLF rows");
	check_parse("\xEF\xBB\xBFx,y\n", "1:x|y\n", "BOM stripped");
	check_parse("a,b", "1:a|b\n", "last row without line end");
	check_parse(" a , b \n", "1: a | b \n", "spaces kept");
	check_parse("a,,c\n\"\",x\n", "1:a||c\n2:|x\n", "empty fields are empty strings");
	check_parse("a\n\n\r\n\nb\n", "1:a\n5:b\n", "blank lines skipped but counted");
	check_parse("\"x\r\ny\",1\r\nz,2\r\n", "1:x\r\ny|1\n3:z|2\n",
		    "CRLF in a quoted field counts as a line");
	check_parse("h\n\"one\ntwo\nthree\",x\nlast\n", "1:h\n2:one\ntwo\nthree|x\n5:last\n",
		    "record starts on the line of its first byte");
	check_parse("a\rb\rc", "1:a\n2:b\n3:c\n", "lone CR line ends");
	check_parse("\"say \"\"hi\"\"\",\"a,b\"\n", "1:say \"hi\"|a,b\n", "quotes and commas");
	check_parse("䶮,𠀀\n", "1:䶮|𠀀\n", "rare and non-BMP characters");

	char *got = parse("ok\nok\na,\"b\"c\nnext\n");
	ok(strncmp(got, "ERR:第3行: CSV 格式错误", strlen("ERR:第3行: CSV 格式错误")) == 0,
	   "text after a closing quote is an error on its line: %s", got);
	free(got);

	got = parse("ok\na,b\"c\n");
	ok(strncmp(got, "ERR:第2行:", strlen("ERR:第2行:")) == 0,
	   "quote inside an unquoted field is an error: %s", got);
	free(got);

	got = parse("ok\nx,\"open\nmore\nstill\n");
	ok(strstr(got, "第2行") && strstr(got, "引号没有闭合"),
	   "unclosed quote names the line where the record starts: %s", got);
	free(got);

	got = parse("a,\"x\r\ny\"z\n");
	ok(strstr(got, "第1行") != NULL, "error inside a multi-line record names its first line: %s",
	   got);
	free(got);

	struct collect c = {0};
	char *err = NULL;
	append(&c, "");
	c.stop_after = 2;
	ok(!csvrow_read("1\n2\n3\n", 6, collect_row, &c, &err), "callback can stop reading");
	ok(err == NULL, "stopping adds no message of its own");
	is_int(c.records, 2, "no record after the stop");
	free(c.text);

	c = (struct collect){0};
	append(&c, "");
	err = NULL;
	ok(!csvrow_read("a,b\nc\0d,e\n", 10, collect_row, &c, &err), "NUL refused");
	ok(err && strstr(err, "第2行"), "NUL reported with its line: %s", err ? err : "");
	is_int(c.records, 1, "the row holding NUL is not handed on");
	free(err);
	free(c.text);
}

static FILE *temp_with(const char *data, size_t n)
{
	FILE *f = tmpfile();
	fwrite(data, 1, n, f);
	rewind(f);
	return f;
}

static void test_reading_files(void)
{
	/* A CRLF split across the 64 KiB read boundary, then an error three
	 * lines down: the count must survive the split. */
	size_t big = 65536 + 64;
	char *data = xmalloc(big + 64);
	size_t n = 0;
	data[n++] = '"';
	while (n < 65534)
		data[n++] = 'x';
	data[n++] = '"';
	data[n++] = '\r';
	data[n++] = '\n';
	n += (size_t)sprintf(data + n, "b\r\n\"c\r\n\",d\r\ne,\"f\"g\r\n");
	FILE *f = temp_with(data, n);
	struct collect c = {0};
	char *err = NULL;
	append(&c, "");
	ok(!csvrow_read_file(f, collect_row, &c, &err), "error found across a chunk boundary");
	ok(err && strncmp(err, "第5行:", strlen("第5行:")) == 0, "line counted across the boundary: %s",
	   err ? err : "");
	is_int(c.records, 3, "three good records before it");
	ok(c.text && strstr(c.text, "2:b\n3:c\r\n|d\n"), "records after the boundary keep their lines");
	free(err);
	free(c.text);
	fclose(f);
	free(data);

	/* Many rows: all of them, with the last line right. */
	f = tmpfile();
	fputs("\xEF\xBB\xBF\"h1\",\"h2\"\r\n", f);
	for (int i = 0; i < 100000; i++)
		fprintf(f, "\"%d\",\"名字,\"\"%d\"\"\"\r\n", i, i);
	rewind(f);
	c = (struct collect){0};
	append(&c, "");
	err = NULL;
	ok(csvrow_read_file(f, collect_row, &c, &err), "100,000 rows read");
	is_int(c.records, 100001, "every record seen");
	ok(strstr(c.text, "100001:99999|名字,\"99999\"\n") != NULL, "last record on line 100001");
	free(c.text);
	fclose(f);

	/* Old Mac line ends (CR alone) and Unix ones (LF alone), long files. */
	static const char *const ends[] = {"\r", "\n"};
	for (int e = 0; e < 2; e++) {
		f = tmpfile();
		for (int i = 0; i < 20000; i++)
			fprintf(f, "%d,\"x%sy\"%s", i, ends[e], ends[e]);
		rewind(f);
		c = (struct collect){0};
		append(&c, "");
		err = NULL;
		ok(csvrow_read_file(f, collect_row, &c, &err), "%s line ends read", e ? "LF" : "CR");
		is_int(c.records, 20000, "every record");
		char want[64];
		snprintf(want, sizeof want, "39999:19999|x%sy\n", ends[e]);
		ok(strstr(c.text, want) != NULL, "the last record starts on line 39999");
		free(c.text);
		fclose(f);
	}

	/* An unclosed quote must not swallow the file into memory. */
	f = tmpfile();
	fputs("a\n\"never closed\n", f);
	for (int i = 0; i < 40000; i++)
		fputs("0123456789012345678901234567890123456789\n", f);
	rewind(f);
	c = (struct collect){0};
	append(&c, "");
	err = NULL;
	ok(!csvrow_read_file(f, collect_row, &c, &err), "runaway record refused");
	ok(err && strstr(err, "第2行"), "runaway record named by its first line: %s", err ? err : "");
	free(err);
	free(c.text);
	fclose(f);
}

static char *write_cells(const char **cells, size_t n, bool bom)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csvrow_writer *w = csvrow_writer_create(f, bom);
	for (size_t i = 0; i < n; i++)
		csvrow_put(w, cells[i]);
	csvrow_end(w);
	char *err = NULL;
	ok(csvrow_writer_finish(w, &err), "writer finishes");
	free(err);
	fclose(f);
	return buf;
}

struct one_row {
	char **cells;
	size_t n;
};

static bool keep_row(char **fields, size_t n, size_t line, void *ctx, char **err)
{
	struct one_row *r = ctx;
	(void)line;
	(void)err;
	r->cells = xcalloc(n, sizeof *r->cells);
	r->n = n;
	for (size_t i = 0; i < n; i++)
		r->cells[i] = xstrdup(csvrow_unguard(fields[i]));
	return true;
}

static void test_writing(void)
{
	const char *plain[] = {"a", "", "say \"hi\"", "1,2"};
	char *out = write_cells(plain, 4, true);
	is_str(out, "\xEF\xBB\xBF\"a\",\"\",\"say \"\"hi\"\"\",\"1,2\"\r\n",
	       "every cell quoted, quotes doubled, BOM, CRLF");
	free(out);

	const char *formulas[] = {"=SUM(A1)", "+1", "-5", "@x", "\r\nr", "\tt", "'=x", "'a", "a=b"};
	out = write_cells(formulas, 9, false);
	is_str(out, "\"'=SUM(A1)\",\"'+1\",\"'-5\",\"'@x\",\"'\r\nr\",\"<U+0009>t\",\"''=x\",\"'a\","
		    "\"a=b\"\r\n",
	       "formula-looking cells guarded (a tab, hidden, is shown as its escape instead)");
	free(out);

	const char *hidden[] = {"\u202E甲", "乙\u200B", "\xC2\x85", "a\nb", "a\rb", "\xFF"};
	out = write_cells(hidden, 6, false);
	is_str(out, "\"<U+202E>甲\",\"乙<U+200B>\",\"<U+0085>\",\"a\nb\",\"a<U+000D>b\",\"<0xFF>\"\r\n",
	       "hidden characters and invalid bytes are written as escapes, line breaks kept");
	free(out);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csvrow_writer *w = csvrow_writer_create(f, false);
	csvrow_put_int(w, 42);
	csvrow_put_int(w, -7);
	csvrow_put(w, NULL);
	csvrow_end(w);
	ok(csvrow_writer_finish(w, NULL), "ints written");
	fclose(f);
	is_str(buf, "\"42\",\"-7\",\"\"\r\n", "ints quoted too, NULL is empty");
	free(buf);

	f = open_memstream(&buf, &len);
	w = csvrow_writer_create(f, false);
	csvrow_put_int(w, LLONG_MIN);
	csvrow_put_int(w, LLONG_MAX);
	csvrow_put_int(w, 0);
	csvrow_end(w);
	ok(csvrow_writer_finish(w, NULL), "extreme ints written");
	fclose(f);
	is_str(buf, "\"-9223372036854775808\",\"9223372036854775807\",\"0\"\r\n",
	       "the extremes and zero");
	free(buf);

	/* Rows that fill the writer's buffer many times over, and one cell
	 * larger than it, come out whole and in order. */
	struct strbuf want = {0};
	f = open_memstream(&buf, &len);
	w = csvrow_writer_create(f, true);
	strbuf_add(&want, "\xEF\xBB\xBF");
	for (int i = 0; i < 5000; i++) {
		char cell[32];
		snprintf(cell, sizeof cell, "王\"%d\"", i);
		csvrow_put(w, cell);
		csvrow_put_int(w, i);
		csvrow_end(w);
		strbuf_addf(&want, "\"王\"\"%d\"\"\",\"%d\"\r\n", i, i);
	}
	char *big = xmalloc(200001);
	memset(big, 'x', 200000);
	big[200000] = '\0';
	big[100000] = '"';
	csvrow_put(w, big);
	csvrow_end(w);
	big[100000] = '\0';
	strbuf_addf(&want, "\"%s\"\"%s\"\r\n", big, big + 100001);
	ok(csvrow_writer_finish(w, NULL), "a long file written");
	fclose(f);
	ok(len == want.len && memcmp(buf, want.s, len) == 0,
	   "5000 rows and a 200,000-byte cell, byte for byte (%zu bytes, want %zu)", len, want.len);
	free(big);
	free(want.s);
	free(buf);

	is_str(csvrow_unguard("'=x"), "=x", "unguard drops the guard");
	is_str(csvrow_unguard("''=x"), "'=x", "unguard drops exactly one");
	is_str(csvrow_unguard("'abc"), "'abc", "an apostrophe before text stays");
	is_str(csvrow_unguard("'"), "'", "a lone apostrophe stays");
	is_str(csvrow_unguard("=x"), "=x", "an unguarded cell stays");

	const char *tricky[] = {"=SUM(A1)", "-5", "+86 123", "@home", "\r\nlead break", "\ncr",
				"'", "''", "'=", "'''-1", "'plain", " 两边有空格 ", "a\r\nb",
				"逗号,引号\"", "䶮", "𠀀", "", "=", "-", "x'"};
	size_t nt = sizeof tricky / sizeof *tricky;
	out = write_cells(tricky, nt, true);
	struct one_row row = {0};
	char *err = NULL;
	ok(csvrow_read(out, strlen(out), keep_row, &row, &err), "written row reads back");
	is_int(row.n, nt, "same number of cells");
	for (size_t i = 0; i < nt && i < row.n; i++)
		is_str(row.cells[i], tricky[i], "cell %zu round-trips", i);
	for (size_t i = 0; i < row.n; i++)
		free(row.cells[i]);
	free(row.cells);
	free(out);

	f = fopen("/dev/full", "w");
	if (f) {
		w = csvrow_writer_create(f, true);
		csvrow_put(w, "x");
		csvrow_end(w);
		err = NULL;
		ok(!csvrow_writer_finish(w, &err), "a full disk is reported");
		ok(err && strstr(err, "写入 CSV 失败"), "in Chinese: %s", err ? err : "");
		free(err);
		fclose(f);
	}
}

static void test_slurp(void)
{
	char path[] = "/tmp/csvrow-slurp-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	fputs("a,b\n䶮\n", f);
	fclose(f);
	size_t len = 0;
	char *err = NULL;
	char *text = csvrow_slurp(path, &len, &err);
	is_str(text, "a,b\n䶮\n", "slurp reads the file");
	is_int(len, strlen("a,b\n䶮\n"), "and its length");
	free(text);
	remove(path);
	ok(csvrow_slurp(path, &len, &err) == NULL, "missing file refused");
	ok(err && strstr(err, "无法打开"), "with a message: %s", err ? err : "");
	free(err);
}

int main(void)
{
	test_reading();
	test_reading_files();
	test_writing();
	test_slurp();
	return tap_done();
}
