#include "text.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

int text_decode(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0 || p[0] == '\0')
		return 0;
	unsigned c = p[0];
	int n;
	unsigned min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1; /* a continuation byte, an overlong lead (C0, C1) or F5..FF */
	}
	if ((size_t)n > len)
		return -1;
	for (int i = 1; i < n; i++) {
		/* A NUL ends the string and is no continuation byte either. */
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

bool text_valid_utf8(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		int n = text_decode(s + i, len - i, &cp);
		/* 0 here is a NUL inside the span: not text a C string can hold. */
		if (n <= 0)
			return false;
		i += (size_t)n;
	}
	return true;
}

/* East Asian wide ranges that count 2 columns whatever the C library's
 * table says: a libc with an old or narrow table would otherwise misalign
 * every Chinese table, and rare name characters (CJK Ext A/B) are the
 * first to be missing from such tables. */
static bool is_wide(unsigned cp)
{
	static const struct {
		unsigned lo, hi;
	} wide[] = {
		{ 0x1100, 0x115F },   /* Hangul Jamo initials */
		{ 0x2E80, 0xA4CF },   /* CJK radicals .. Yi, incl. CJK Ext A and U+3000 */
		{ 0xAC00, 0xD7A3 },   /* Hangul syllables */
		{ 0xF900, 0xFAFF },   /* CJK compatibility ideographs */
		{ 0xFE30, 0xFE4F },   /* CJK compatibility forms */
		{ 0xFF00, 0xFF60 },   /* full-width forms */
		{ 0xFFE0, 0xFFE6 },   /* full-width signs */
		{ 0x20000, 0x3FFFD }, /* CJK Ext B and beyond */
	};
	/* Inside those ranges a few marks combine (0 columns) or are half-width. */
	if ((cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 || cp == 0x309A || cp == 0x303F)
		return false;
	for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
		if (cp >= wide[i].lo && cp <= wide[i].hi)
			return true;
	return false;
}

int text_cp_width(unsigned cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (is_wide(cp))
		return 2;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

/* One step through possibly broken text: an invalid byte is taken alone
 * and shown as one column (a terminal draws a replacement glyph). */
static int next_char(const char *s, size_t len, unsigned *cp, int *cols)
{
	int n = text_decode(s, len, cp);
	*cols = 0;
	if (n < 0) {
		*cp = '?';
		*cols = 1;
		return -1;
	}
	if (n > 0)
		*cols = text_cp_width(*cp);
	return n;
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	size_t len = strlen(s);
	int width = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int cols;
		int n = next_char(s + i, len - i, &cp, &cols);
		if (n == 0)
			break;
		width += cols;
		i += n < 0 ? 1 : (size_t)n;
	}
	return width;
}

char *text_fit(char *out, size_t outsz, const char *s, int cols, bool pad, bool align_right)
{
	if (outsz == 0)
		return out;
	if (!s)
		s = "";
	if (cols < 0)
		cols = 0;
	size_t len = strlen(s);
	size_t used = 0;
	int width = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int cw;
		int n = next_char(s + i, len - i, &cp, &cw);
		if (n == 0)
			break;
		size_t step = n < 0 ? 1 : (size_t)n;
		if (width + cw > cols)
			break;
		/* Keep room for the padding still owed after this character. */
		size_t owed = pad ? (size_t)(cols - width - cw) : 0;
		size_t bytes = step;
		if (n < 0 || cp < 0x20 || cp == 0x7F)
			bytes = 1;
		if (used + bytes + owed > outsz - 1)
			break;
		if (n < 0)
			out[used] = '?'; /* never pass broken UTF-8 on to the terminal */
		else if (cp < 0x20 || cp == 0x7F)
			out[used] = ' '; /* a tab or newline would break the table */
		else
			memcpy(out + used, s + i, step);
		used += bytes;
		width += cw;
		i += step;
	}
	size_t spaces = pad && width < cols ? (size_t)(cols - width) : 0;
	if (used + spaces > outsz - 1)
		spaces = outsz - 1 - used;
	if (align_right && spaces) {
		memmove(out + spaces, out, used);
		memset(out, ' ', spaces);
	} else {
		memset(out + used, ' ', spaces);
	}
	out[used + spaces] = '\0';
	return out;
}

char *text_fit_marked(char *out, size_t outsz, const char *s, int cols, bool pad,
		      bool align_right)
{
	int mark = (int)strlen(TEXT_CUT_MARK);
	if (!s)
		s = "";
	if (cols <= mark || text_width(s) <= cols)
		return text_fit(out, outsz, s, cols, pad, align_right);
	char *cut = xmalloc(outsz);
	text_fit(cut, outsz, s, cols - mark, false, false);
	char *marked = xasprintf("%s%s", cut, TEXT_CUT_MARK);
	/* A wide character left out at the edge leaves a column to pad. */
	text_fit(out, outsz, marked, cols, pad, align_right);
	free(marked);
	free(cut);
	return out;
}

void text_fput_padded(FILE *f, const char *s, int cols, bool align_right)
{
	if (!s)
		s = "";
	/* Never cut here: a report figure or name printed in full beats a
	 * neat column that hides data. */
	int spaces = cols - text_width(s);
	if (align_right)
		for (int i = 0; i < spaces; i++)
			fputc(' ', f);
	fputs(s, f);
	if (!align_right)
		for (int i = 0; i < spaces; i++)
			fputc(' ', f);
}

/* Length of a blank at p (ASCII white space or U+3000), 0 if none. */
static size_t blank_at(const char *p, size_t left)
{
	if (left >= 1 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' ||
			  *p == '\f'))
		return 1;
	if (left >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

char *text_trim(char *s)
{
	if (!s)
		return s;
	size_t len = strlen(s);
	size_t start = 0, n;
	while ((n = blank_at(s + start, len - start)) > 0)
		start += n;
	size_t end = len;
	for (;;) {
		if (end > start && blank_at(s + end - 1, 1) == 1)
			end--;
		else if (end >= start + 3 && blank_at(s + end - 3, 3) == 3)
			end -= 3;
		else
			break;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

char *text_gb18030_to_utf8(const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	/* A GB18030 character is at most 4 bytes and becomes at most 4. */
	size_t cap = len * 2 + 4, left_out = cap, left_in = len;
	char *out = xmalloc(cap + 1), *op = out;
	char *ip = (char *)in;
	bool ok = iconv(cd, &ip, &left_in, &op, &left_out) != (size_t)-1 && left_in == 0;
	iconv_close(cd);
	if (!ok) {
		free(out);
		return NULL;
	}
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

char *text_fold_digits(char *out, size_t outsz, const char *s)
{
	if (!outsz)
		return out;
	size_t o = 0;
	/* ０ is EF BC 90 .. ９ EF BC 99. */
	for (const char *p = s ? s : ""; *p && o + 1 < outsz;) {
		const unsigned char *u = (const unsigned char *)p;
		if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
			out[o++] = (char)('0' + (u[2] - 0x90));
			p += 3;
		} else {
			out[o++] = *p++;
		}
	}
	out[o] = '\0';
	return out;
}
