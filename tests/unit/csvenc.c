/* csvenc: strict UTF-8 detection with GB18030 as the other choice, across
 * read boundaries and from standard input; the GB18030 writer. */
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvenc.h"
#include "tap.h"
#include "util.h"

static char path[] = "/tmp/bianmin-csvenc-XXXXXX";

static void put_file(const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
}

static char *read_all(FILE *f, size_t *n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		fwrite(chunk, 1, got, mem);
	fclose(mem);
	*n = len;
	return buf;
}

/* Opens `data` through csvenc; returns what it reads back as UTF-8, or
 * NULL with *err. */
static char *through(const char *data, size_t n, bool *converted, char **err)
{
	put_file(data, n);
	FILE *f = csvenc_open_utf8(path, converted, err);
	if (!f)
		return NULL;
	size_t len;
	char *text = read_all(f, &len);
	fclose(f);
	return text;
}

static void expect(const char *data, bool want_converted, const char *want_text,
		   const char *what)
{
	bool converted = !want_converted;
	char *err = NULL;
	char *text = through(data, strlen(data), &converted, &err);
	is_int(converted, want_converted, "%s: %s", what, want_converted ? "GB18030" : "UTF-8");
	if (want_text && strcmp(want_text, "*") == 0)
		ok(text != NULL, "%s: converted", what);
	else if (want_text)
		is_str(text, want_text, "%s: text", what);
	else
		ok(!text && err && strstr(err, "第"), "%s: refused with its line", what);
	free(text);
	free(err);
}

static void test_detection(void)
{
	expect("a,b\n", false, "a,b\n", "ASCII");
	expect("\xEF\xBB\xBF日期\n", false, "\xEF\xBB\xBF日期\n", "BOM kept for the reader");
	expect("é ü", false, "é ü", "two-byte characters");
	expect("\xE0\xA0\x80 \xED\x9F\xBF \xEF\xBF\xBD", false, "\xE0\xA0\x80 \xED\x9F\xBF \xEF\xBF\xBD",
	       "three-byte edges U+0800, U+D7FF, U+FFFD");
	expect("䶮 𠀀 \xF4\x8F\xBF\xBF", false, "䶮 𠀀 \xF4\x8F\xBF\xBF", "four-byte characters");
	/* 王五 in GB18030. */
	expect("\xCD\xF5\xCE\xE5,1\n", true, "王五,1\n", "GB18030 converted");
	expect("\xFE\x9F,\x95\x32\x82\x36\n", true, "䶮,𠀀\n", "䶮 and 𠀀 from GB18030");
	/* Not UTF-8, yet pairs that GB18030 reads as characters. */
	expect("\xC0\x80", true, "*", "an overlong NUL is not UTF-8");
	expect("\xED\xA0\x80", true, NULL, "a surrogate is not UTF-8");
	expect("\xF5\x80\x80\x80", true, NULL, "past U+10FFFF is not UTF-8");
	expect("中文\xE4\xB8", true, "*", "a character cut by the end of the file");
	expect("ab\xE4", true, NULL, "a lead byte alone at the end");
	expect("ok\nok\n\x80\n", true, NULL, "a byte neither encoding knows");

	char *err = NULL;
	bool converted;
	put_file("x\n\n\xFF\n", 5);
	ok(!csvenc_open_utf8(path, &converted, &err), "a bad byte refuses the file");
	is_str(err, "第3行: 文件既不是 UTF-8 也不是 GB18030 编码", "and names its line");
	free(err);
	err = NULL;

	/* UTF-8 Chinese, then one bad byte far down (past the first 64 KiB
	 * read): the line of that byte, not the first line GB18030 cannot read. */
	struct strbuf sb = {0};
	for (int i = 0; i < 12000; i++)
		strbuf_add(&sb, "王一,2021-03-01\n");
	strbuf_add(&sb, "李\xFF四\n");
	put_file(sb.s, sb.len);
	ok(!csvenc_open_utf8(path, &converted, &err), "UTF-8 with a bad byte on line 12001 is refused");
	ok(err && strstr(err, "第12001行: 有不是 UTF-8 的字节"), "naming line 12001: %s",
	   err ? err : "");
	free(err);
	err = NULL;
	free(sb.s);
	put_file("a\nb\n王\n\xFF\n", 9);
	ok(!csvenc_open_utf8(path, &converted, &err) && err && strstr(err, "第4行"),
	   "and on a short file: %s", err ? err : "");
	free(err);
}

/* Characters across the 64 KiB read boundary. */
static void test_boundary(void)
{
	size_t n = 65536 - 2;
	char *data = xmalloc(n + 64);
	memset(data, 'x', n);
	strcpy(data + n, "中文\n");
	bool converted = true;
	char *err = NULL;
	char *text = through(data, strlen(data), &converted, &err);
	ok(!converted, "a character across the boundary is UTF-8");
	ok(text && strcmp(text + n, "中文\n") == 0, "and comes back whole");
	free(text);

	strcpy(data + n, "中文\xE4\n");
	converted = false;
	text = through(data, strlen(data), &converted, NULL);
	ok(converted, "a bad byte after the boundary is found");
	free(text);

	/* GB18030 with a two-byte character cut by the boundary: 王 = CD F5. */
	n = 65536 - 1;
	memset(data, 'y', n);
	strcpy(data + n, "\xCD\xF5\n");
	converted = false;
	text = through(data, strlen(data), &converted, &err);
	ok(converted && text && strcmp(text + n, "王\n") == 0,
	   "a GB18030 character across the boundary converts whole");
	free(text);
	free(err);
	free(data);
}

static void test_stdin(void)
{
	put_file("\xCD\xF5,\xCE\xE5\n", 6);
	FILE *saved = stdin;
	stdin = fopen(path, "rb");
	bool converted = false;
	char *err = NULL;
	FILE *f = csvenc_open_utf8("-", &converted, &err);
	ok(f != NULL, "standard input is read");
	if (f) {
		size_t n;
		char *text = read_all(f, &n);
		is_str(text, "王,五\n", "spooled and converted");
		free(text);
		if (f != stdin)
			fclose(f);
	}
	ok(converted, "as GB18030");
	fclose(stdin);
	stdin = saved;
	free(err);
}

static void test_writer(void)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	char *err = NULL;
	struct csvenc_writer *w = csvenc_gb18030_writer(out, &err);
	ok(w != NULL, "GB18030 writer");
	/* Enough text to cross the stream's buffer many times. */
	for (int i = 0; i < 5000; i++)
		fputs("王䶮𠀀,", csvenc_writer_file(w));
	ok(csvenc_writer_close(w, &err), "closes");
	fclose(out);
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *back = xmalloc(n * 2 + 1), *ip = buf, *op = back;
	size_t il = n, ol = n * 2;
	ok(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0, "converts back with iconv(3)");
	*op = '\0';
	iconv_close(cd);
	ok(strlen(back) == 5000 * strlen("王䶮𠀀,") &&
	   strncmp(back, "王䶮𠀀,王", strlen("王䶮𠀀,王")) == 0, "to the same text");
	ok(n > 8 && memcmp(buf, "\xCD\xF5\xFE\x9F\x95\x32\x82\x36", 8) == 0,
	   "王 䶮 𠀀 as GB18030 bytes");
	free(back);
	free(buf);

	out = open_memstream(&buf, &n);
	w = csvenc_gb18030_writer(out, &err);
	fputs("ok\n\xFF\n", csvenc_writer_file(w));
	ok(!csvenc_writer_close(w, &err), "text that is not UTF-8 is refused");
	ok(err && strstr(err, "无法转成 GB18030"), "with a message");
	free(err);
	fclose(out);
	free(buf);

	out = fopen("/dev/full", "w");
	if (out) {
		err = NULL;
		w = csvenc_gb18030_writer(out, &err);
		fputs("王五\n", csvenc_writer_file(w));
		ok(!csvenc_writer_close(w, &err), "a full disk is reported");
		ok(err && strstr(err, "失败"), "with a message");
		free(err);
		fclose(out);
	}
}

int main(void)
{
	int fd = mkstemp(path);
	if (fd < 0) {
		printf("Bail out! no temporary file\n");
		return 1;
	}
	close(fd);
	test_detection();
	test_boundary();
	test_stdin();
	test_writer();
	remove(path);
	return tap_done();
}
