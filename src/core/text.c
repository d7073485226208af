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

bool text_cp_hidden(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return true;
	/* Most text is ASCII or CJK: neither holds one. */
	if (cp < 0xAD || (cp >= 0x3165 && cp < 0xFE00))
		return false;
	/* Default_Ignorable_Code_Point of Unicode 15 (DerivedCoreProperties.txt;
	 * the unit test compares with the system's copy when it has one), and
	 * the line and paragraph separators, breaks no terminal draws. */
	static const struct {
		unsigned lo, hi;
	} hidden[] = {
		{ 0x00AD, 0x00AD },   { 0x034F, 0x034F },   { 0x061C, 0x061C },
		{ 0x115F, 0x1160 },   { 0x17B4, 0x17B5 },   { 0x180B, 0x180F },
		{ 0x200B, 0x200F },   { 0x2028, 0x202E },   { 0x2060, 0x206F },
		{ 0x3164, 0x3164 },   { 0xFE00, 0xFE0F },   { 0xFEFF, 0xFEFF },
		{ 0xFFA0, 0xFFA0 },   { 0xFFF0, 0xFFF8 },   { 0x1BCA0, 0x1BCA3 },
		{ 0x1D173, 0x1D17A }, { 0xE0000, 0xE0FFF },
	};
	for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++)
		if (cp >= hidden[i].lo && cp <= hidden[i].hi)
			return true;
	return false;
}

int text_escape_cp(unsigned cp, char out[16])
{
	if (cp > 0x10FFFF)
		return snprintf(out, 16, "<0x%02X>", (cp - 0x110000) & 0xFF);
	return snprintf(out, 16, "<U+%04X>", cp);
}

/* What a printer shows for the text at s: the character itself, a line
 * break, or an escape.  `bytes` is what it takes of s (0 at the end). */
struct unit {
	size_t bytes;
	const char *show; /* s itself, the escape, or a break */
	size_t len;       /* of show */
	int cols;
	bool line_break;
	char esc[16];
};

static void next_unit(const char *s, size_t len, struct unit *u)
{
	unsigned cp;
	int n = text_decode(s, len, &cp);
	u->line_break = false;
	if (n == 0) {
		u->bytes = 0;
		return;
	}
	if (n < 0) {
		u->bytes = 1;
		u->len = (size_t)text_escape_cp(0x110000 + (unsigned char)*s, u->esc);
		u->show = u->esc;
		u->cols = (int)u->len;
		return;
	}
	u->bytes = (size_t)n;
	if (cp == '\n' || (cp == '\r' && len > 1 && s[1] == '\n')) {
		u->bytes = cp == '\n' ? 1 : 2;
		u->line_break = true;
		u->show = s;
		u->len = u->bytes;
		u->cols = 1; /* as the space a line shows it as */
		return;
	}
	if (text_cp_hidden(cp)) {
		u->len = (size_t)text_escape_cp(cp, u->esc);
		u->show = u->esc;
		u->cols = (int)u->len;
		return;
	}
	u->show = s;
	u->len = u->bytes;
	u->cols = text_cp_width(cp);
}

/* The unit at s[*at] of a text len bytes long, and *at past it; false at
 * the end.  Every walk over what a printer shows goes through here, so
 * widths, fitting and escaping cannot disagree about a unit. */
static bool take_unit(const char *s, size_t len, size_t *at, struct unit *u)
{
	if (*at >= len)
		return false;
	next_unit(s + *at, len - *at, u);
	*at += u->bytes;
	return u->bytes > 0;
}

/* True when every byte is printable ASCII: nothing to decode or escape. */
static bool plain_ascii(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (; p[i]; i++)
		if (p[i] < 0x20 || p[i] >= 0x7F)
			break;
	*len = i;
	return p[i] == '\0';
}

int text_width(const char *s)
{
	if (!s)
		return 0;
	size_t len;
	if (plain_ascii(s, &len))
		return (int)len;
	len += strlen(s + len);
	int width = 0;
	struct unit u;
	for (size_t i = 0; take_unit(s, len, &i, &u);)
		width += u.cols;
	return width;
}

/* Bytes at the start of s that are units shown as they are and need no
 * decoding: printable ASCII, and U+4000..U+9FFF (a lead E4..E9 and two
 * continuation bytes: valid, never hidden).  The bulk of any text; an
 * export runs every cell through text_escape_hidden.  The rest goes
 * through take_unit.  chars (may be NULL) is advanced by the characters
 * passed; inlined, the count costs nothing where it is not asked for. */
static inline size_t plain_run_counted(const char *s, size_t len, size_t *chars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n = 0;
	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7F)
			i++;
		else if (p[i] >= 0xE4 && p[i] <= 0xE9 && len - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
			 (p[i + 2] & 0xC0) == 0x80)
			i += 3;
		else
			break;
		n++;
	}
	if (chars)
		*chars += n;
	return i;
}

static size_t plain_run(const char *s, size_t len)
{
	return plain_run_counted(s, len, NULL);
}

const char *text_escape_hidden(const char *s, bool keep_breaks, char **owned)
{
	*owned = NULL;
	if (!s)
		return "";
	size_t len = strlen(s);
	/* Most text needs no copy: find the first unit that changes before
	 * building one. */
	size_t clean = plain_run(s, len), at = clean;
	struct unit u;
	while (take_unit(s, len, &at, &u)) {
		if (u.show != s + clean || (u.line_break && !keep_breaks))
			break;
		clean = at + plain_run(s + at, len - at);
		at = clean;
	}
	if (clean >= len)
		return s;
	struct strbuf sb = { 0 };
	strbuf_addn(&sb, s, clean);
	for (size_t i = clean; take_unit(s, len, &i, &u);) {
		if (u.line_break && !keep_breaks)
			strbuf_add(&sb, " ");
		else
			strbuf_addn(&sb, u.show, u.len);
	}
	*owned = sb.s;
	return sb.s;
}

bool text_check(const char *s, const char *field, size_t max_chars, bool multiline, char **err)
{
	if (!s)
		return true;
	size_t len = strlen(s), chars = 0;
	/* What plain_run passes needs no decoding (an import checks every
	 * text of every row). */
	for (size_t i = plain_run_counted(s, len, &chars); i < len;
	     i += plain_run_counted(s + i, len - i, &chars)) {
		unsigned cp;
		int n = text_decode(s + i, len - i, &cp);
		chars++;
		if (n <= 0)
			return fail(err, "%s含有无效的字符编码（第 %zu 个字处，应为 UTF-8）", field,
				    chars);
		if (multiline && cp == '\r' && s[i + 1] == '\n')
			n = 2; /* one line break, as a clerk sees it */
		else if (text_cp_hidden(cp) && !(multiline && cp == '\n'))
			return fail(err, "%s含有%s字符 U+%04X（第 %zu 个字），请删去后重试", field,
				    cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? "控制" : "不可见的",
				    cp, chars);
		i += (size_t)n;
	}
	/* Counted in characters, as a clerk counts; refused, never cut. */
	if (max_chars && chars > max_chars)
		return fail(err, "%s过长：%zu 个字，最多 %zu 个", field, chars, max_chars);
	return true;
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
	struct unit u;
	for (size_t i = 0; take_unit(s, len, &i, &u);) {
		if (width + u.cols > cols)
			break;
		/* A table row holds one line: a break shows as a space. */
		const char *show = u.line_break ? " " : u.show;
		size_t bytes = u.line_break ? 1 : u.len;
		/* Keep room for the padding still owed after this unit; an
		 * escape goes in whole or not at all. */
		size_t owed = pad ? (size_t)(cols - width - u.cols) : 0;
		if (used + bytes + owed > outsz - 1)
			break;
		memcpy(out + used, show, bytes);
		used += bytes;
		width += u.cols;
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
	char *owned;
	const char *shown = text_escape_hidden(s, false, &owned);
	int spaces = cols - text_width(shown);
	if (align_right)
		for (int i = 0; i < spaces; i++)
			fputc(' ', f);
	fputs(shown, f);
	if (!align_right)
		for (int i = 0; i < spaces; i++)
			fputc(' ', f);
	free(owned);
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
