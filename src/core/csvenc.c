/* fopencookie() lets the GB18030 writer convert behind an ordinary FILE. */
#define _GNU_SOURCE
#include "csvenc.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#define CHUNK (64 * 1024)

struct conv {
	iconv_t cd;
	FILE *out;
	char in[CHUNK + 8]; /* carries an incomplete character to the next push */
	size_t nin;
	size_t line;        /* physical line of the next input byte */
	bool failed;
	char *err;
};

static bool conv_open(struct conv *c, const char *to, const char *from, FILE *out, char **err)
{
	memset(c, 0, sizeof *c);
	c->cd = iconv_open(to, from);
	if (c->cd == (iconv_t)-1)
		return fail(err, "系统不支持 %s 到 %s 的编码转换", from, to);
	c->out = out;
	c->line = 1;
	return true;
}

static void count_lines(struct conv *c, const char *s, size_t n)
{
	const char *end = s + n;
	while ((s = memchr(s, '\n', (size_t)(end - s)))) {
		c->line++;
		s++;
	}
}

static bool conv_push(struct conv *c, const char *data, size_t n, const char *what)
{
	char out[16 * 1024];
	while (n > 0 && !c->failed) {
		size_t take = sizeof c->in - c->nin;
		if (take > n)
			take = n;
		memcpy(c->in + c->nin, data, take);
		c->nin += take;
		data += take;
		n -= take;

		char *ip = c->in;
		size_t il = c->nin;
		for (;;) {
			char *op = out;
			size_t ol = sizeof out;
			size_t r = iconv(c->cd, &ip, &il, &op, &ol);
			int e = errno;
			if (op > out && fwrite(out, 1, (size_t)(op - out), c->out) != (size_t)(op - out)) {
				c->failed = true;
				fail(&c->err, "写入失败: %s", errno_text(errno));
				return false;
			}
			if (r != (size_t)-1 || e == EINVAL)
				break; /* all done, or a character cut by the chunk end */
			if (e == E2BIG)
				continue;
			count_lines(c, c->in, (size_t)(ip - c->in));
			c->failed = true;
			fail(&c->err, "第%zu行: %s", c->line, what);
			return false;
		}
		count_lines(c, c->in, (size_t)(ip - c->in));
		memmove(c->in, ip, il);
		c->nin = il;
	}
	return !c->failed;
}

static bool conv_close(struct conv *c, const char *what, char **err)
{
	bool ok = !c->failed;
	if (ok && c->nin > 0) {
		count_lines(c, c->in, c->nin);
		ok = fail(&c->err, "第%zu行: %s（文件末尾的字符不完整）", c->line, what);
	}
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	if (!ok) {
		fail(err, "%s", c->err ? c->err : "编码转换失败");
	}
	free(c->err);
	c->err = NULL;
	return ok;
}

struct csvenc_writer {
	struct conv conv;
	FILE *file;
};

static ssize_t writer_write(void *cookie, const char *buf, size_t n)
{
	struct conv *c = cookie;
	if (!conv_push(c, buf, n, "有不是 UTF-8 的文字，无法转成 GB18030"))
		return 0;
	return (ssize_t)n;
}

struct csvenc_writer *csvenc_gb18030_writer(FILE *out, char **err)
{
	struct csvenc_writer *w = xmalloc(sizeof *w);
	if (!conv_open(&w->conv, "GB18030", "UTF-8", out, err)) {
		free(w);
		return NULL;
	}
	w->file = fopencookie(&w->conv, "w", (cookie_io_functions_t){.write = writer_write});
	if (!w->file) {
		fail(err, "无法建立编码转换: %s", errno_text(errno));
		conv_close(&w->conv, "", NULL);
		free(w);
		return NULL;
	}
	return w;
}

FILE *csvenc_writer_file(struct csvenc_writer *w)
{
	return w->file;
}

bool csvenc_writer_close(struct csvenc_writer *w, char **err)
{
	bool ok = fclose(w->file) == 0;
	ok = conv_close(&w->conv, "", err) && ok;
	FILE *out = w->conv.out;
	free(w);
	if (fflush(out) != 0 || ferror(out))
		return fail(err, "写入 CSV 失败: %s", errno_text(errno));
	return ok || fail(err, "写入 CSV 失败");
}

/* Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF), fed in
 * chunks. */
struct utf8_scan {
	int need;            /* continuation bytes still expected */
	unsigned char lo, hi; /* allowed range of the next continuation byte */
	bool bad;
	bool cjk;            /* a Chinese character (U+4000-9FFF) came before */
	size_t line;         /* physical line of the first bad byte */
};

/* Lines of s[0..n) so far: the line of a bad byte is found by counting
 * the line breaks before it. */
static size_t count_breaks(const unsigned char *s, size_t n)
{
	size_t k = 0;
	for (const unsigned char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p)));
	     p++)
		k++;
	return k;
}

static void utf8_scan(struct utf8_scan *u, const unsigned char *s, size_t n)
{
	if (u->bad)
		return;
	size_t i = 0, bad_at = n;
	for (; i < n; i++) {
		if (!u->need) {
			/* Fast paths for what an interchange file is made of: ASCII
			 * eight bytes at a time, and whole three-byte CJK characters. */
			uint64_t word;
			while (i + 8 <= n && (memcpy(&word, s + i, 8), !(word & 0x8080808080808080u)))
				i += 8;
			while (i + 2 < n && s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED &&
			       (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
				u->cjk |= s[i] >= 0xE4 && s[i] <= 0xE9;
				i += 3;
			}
			if (i >= n)
				break;
		}
		unsigned char b = s[i];
		if (u->need) {
			if (b < u->lo || b > u->hi) {
				u->bad = true;
				bad_at = i;
				break;
			}
			u->need--;
			u->lo = 0x80;
			u->hi = 0xBF;
			continue;
		}
		if (b < 0x80)
			continue;
		u->lo = 0x80;
		u->hi = 0xBF;
		if (b >= 0xC2 && b <= 0xDF)
			u->need = 1;
		else if (b == 0xE0)
			u->need = 2, u->lo = 0xA0;
		else if (b == 0xED)
			u->need = 2, u->hi = 0x9F;
		else if (b >= 0xE1 && b <= 0xEF)
			u->need = 2;
		else if (b == 0xF0)
			u->need = 3, u->lo = 0x90;
		else if (b == 0xF4)
			u->need = 3, u->hi = 0x8F;
		else if (b >= 0xF1 && b <= 0xF3)
			u->need = 3;
		else {
			u->bad = true;
			bad_at = i;
			break;
		}
	}
	/* The line breaks before the bad byte give its line. */
	u->line += count_breaks(s, bad_at);
}

/* Opens the input as a rewound, seekable UTF-8 stream: a pipe is spooled to
 * a temporary file first (to look at it twice without holding it in
 * memory), and a file that is not UTF-8 is converted from GB18030. */
FILE *csvenc_open_utf8(const char *path, bool *converted, char **err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "rb");
	if (!in) {
		fail(err, "无法打开 %s: %s", path, errno_text(errno));
		return NULL;
	}
	struct stat st;
	bool seekable = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && !is_stdin;
	FILE *spool = seekable ? NULL : tmpfile();
	if (!seekable && !spool) {
		fail(err, "无法建立临时文件: %s", errno_text(errno));
		if (!is_stdin)
			fclose(in);
		return NULL;
	}

	struct utf8_scan u = {.line = 1};
	char *buf = xmalloc(CHUNK);
	size_t n;
	bool ok = true;
	while ((n = fread(buf, 1, CHUNK, in)) > 0) {
		if (!u.bad)
			utf8_scan(&u, (const unsigned char *)buf, n);
		if (spool && fwrite(buf, 1, n, spool) != n) {
			ok = fail(err, "写临时文件失败: %s", errno_text(errno));
			break;
		}
		if (u.bad && !spool)
			break; /* the answer is known and the file can be reread */
	}
	if (ok && ferror(in))
		ok = fail(err, "读取 %s 失败: %s", is_stdin ? "标准输入" : path, errno_text(errno));
	if (spool) {
		if (!is_stdin)
			fclose(in);
		in = spool;
	}
	if (ok && fseek(in, 0, SEEK_SET) != 0)
		ok = fail(err, "无法重读 %s: %s", path, errno_text(errno));
	*converted = u.bad || u.need;
	/* Chinese in UTF-8 before the bad byte: a UTF-8 file with one broken
	 * spot (a cell pasted from elsewhere), not a GB18030 file.  Converting
	 * it from GB18030 would garble every line before, or fail at the first
	 * of them; the line to fix is the one with the bad byte. */
	if (ok && u.bad && u.cjk)
		ok = fail(err, "第%zu行: 有不是 UTF-8 的字节（此前的内容是 UTF-8 编码）；"
			  "请改正这一行，或把整个文件另存为 UTF-8 或 GB18030", u.line);

	if (ok && *converted) {
		FILE *utf8 = tmpfile();
		struct conv c;
		if (!utf8) {
			ok = fail(err, "无法建立临时文件: %s", errno_text(errno));
		} else if (!conv_open(&c, "UTF-8", "GB18030", utf8, err)) {
			ok = false;
		} else {
			while (ok && (n = fread(buf, 1, CHUNK, in)) > 0)
				ok = conv_push(&c, buf, n, "文件既不是 UTF-8 也不是 GB18030 编码");
			ok = conv_close(&c, "文件既不是 UTF-8 也不是 GB18030 编码", err) && ok;
			if (ok && (fflush(utf8) != 0 || fseek(utf8, 0, SEEK_SET) != 0))
				ok = fail(err, "写临时文件失败: %s", errno_text(errno));
		}
		if (in != stdin)
			fclose(in);
		in = utf8;
	}
	free(buf);
	if (!ok) {
		if (in && in != stdin)
			fclose(in);
		return NULL;
	}
	return in;
}

