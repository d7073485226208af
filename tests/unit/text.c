#include "tap.h"
#include "text.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

static void test_decode(void)
{
	static const struct {
		const char *s;
		int bytes;
		unsigned cp;
	} good[] = {
		{ "A", 1, 'A' },
		{ "é", 2, 0xE9 },
		{ "中", 3, 0x4E2D },
		{ "䶮", 3, 0x4DAE },
		{ "\u3000", 3, 0x3000 },
		{ "𠀀", 4, 0x20000 },
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		unsigned cp = 0;
		int n = text_decode(good[i].s, strlen(good[i].s), &cp);
		ok(n == good[i].bytes && cp == good[i].cp, "decode '%s' -> U+%04X in %d bytes (got %d, U+%04X)",
		   good[i].s, good[i].cp, good[i].bytes, n, cp);
	}
	unsigned cp;
	is_int(text_decode("", 0, &cp), 0, "end of input (len 0)");
	is_int(text_decode("", 5, &cp), 0, "end of input (NUL)");
	is_int(text_decode("中", 0, &cp), 0, "len 0 reads nothing");

	static const struct {
		const char *s;
		size_t len;
		const char *why;
	} bad[] = {
		{ "\x80", 1, "lone continuation byte" },
		{ "\xC0\xAF", 2, "overlong two-byte" },
		{ "\xC1\xBF", 2, "overlong two-byte (C1)" },
		{ "\xE0\x80\xAF", 3, "overlong three-byte" },
		{ "\xF0\x80\x80\xAF", 4, "overlong four-byte" },
		{ "\xED\xA0\x80", 3, "surrogate" },
		{ "\xF4\x90\x80\x80", 4, "above U+10FFFF" },
		{ "\xF5\x80\x80\x80", 4, "F5 lead byte" },
		{ "\xFF", 1, "FF byte" },
		{ "\xE4\xB8\xAD", 2, "truncated by len" },
		{ "\xE4\xB8", 3, "truncated by NUL" },
		{ "\xC3\x28", 2, "bad continuation" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(text_decode(bad[i].s, bad[i].len, &cp), -1, "invalid: %s", bad[i].why);
}

static void test_valid(void)
{
	static const char *good[] = {
		"", "ascii", "上碑镇行政综合服务中心", "王䶮", "𠀀先生", "A中b\u3000c", "Ａ１￥",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ok(text_valid_utf8(good[i], strlen(good[i])), "valid UTF-8 '%s'", good[i]);
	static const char *bad[] = {
		"\xFF", "王\x80", "\xC0\xAF", "\xED\xA0\x80", "中\xE6\x96", "\xF0\xA0\x80",
		"abc\xF8\x88\x80\x80\x80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(!text_valid_utf8(bad[i], strlen(bad[i])), "invalid UTF-8 #%zu", i);
	ok(!text_valid_utf8("ab\0cd", 5), "an embedded NUL is not text");
	ok(text_valid_utf8("中文\xFF", 6), "only the first len bytes are checked");
}

static void test_cp_width(void)
{
	static const struct {
		unsigned cp;
		int width;
		const char *what;
	} cases[] = {
		{ 'A', 1, "ASCII letter" },
		{ ' ', 1, "space" },
		{ 0xE9, 1, "é" },
		{ 0x4E2D, 2, "中" },
		{ 0x4DAE, 2, "䶮 (CJK Ext A)" },
		{ 0x3400, 2, "first CJK Ext A" },
		{ 0x20000, 2, "𠀀 (CJK Ext B)" },
		{ 0x2A6D6, 2, "late CJK Ext B" },
		{ 0x3000, 2, "ideographic space" },
		{ 0x3002, 2, "ideographic full stop" },
		{ 0xFF21, 2, "full-width A" },
		{ 0xFFE5, 2, "full-width yen" },
		{ 0xAC00, 2, "Hangul syllable" },
		{ 0x1100, 2, "Hangul Jamo initial" },
		{ 0xF900, 2, "CJK compatibility ideograph" },
		{ 0xFE30, 2, "CJK compatibility form" },
		{ 0x0301, 0, "combining acute accent" },
		{ 0x3099, 0, "combining kana voiced mark" },
		{ 0x303F, 1, "half-fill space" },
		{ '\t', 1, "tab counts as one" },
		{ 0x7F, 1, "DEL counts as one" },
		{ 0x85, 1, "C1 control counts as one" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(text_cp_width(cases[i].cp), cases[i].width, "width of U+%04X %s",
		       cases[i].cp, cases[i].what);

	/* Without a UTF-8 table the C library knows no CJK at all; the wide
	 * ranges must still count 2. */
	setlocale(LC_CTYPE, "C");
	is_int(text_cp_width(0x4E2D), 2, "中 is 2 columns even under the C locale");
	is_int(text_cp_width(0x4DAE), 2, "䶮 is 2 columns even under the C locale");
	is_int(text_cp_width(0x20000), 2, "𠀀 is 2 columns even under the C locale");
	setlocale(LC_ALL, "");
}

static void test_width(void)
{
	is_int(text_width("abc"), 3, "ASCII");
	is_int(text_width("中文"), 4, "Chinese");
	is_int(text_width("王䶮"), 4, "rare character");
	is_int(text_width("𠀀先生"), 6, "character outside the BMP");
	is_int(text_width("A中b"), 4, "mixed");
	is_int(text_width("市场准入 SCZR-2021-000123"), 25, "mixed with serial");
	is_int(text_width(""), 0, "empty");
	is_int(text_width(NULL), 0, "NULL");
	is_int(text_width("\xFF\xFE"), 12, "invalid bytes count as their escapes <0xFF>");
	is_int(text_width("a\xE4\xB8"), 13, "truncated sequence counts per byte");
	is_int(text_width("a\u202Eb"), 10, "a hidden character counts as its escape <U+202E>");
	is_int(text_width("a\U000E0001"), 10, "a tag counts as <U+E0001>");
	is_int(text_width("a\nb\r\nc"), 5, "line breaks count one column (shown as spaces)");
	is_int(text_width("e\xCC\x81"), 1, "combining mark adds nothing");
}

static void test_fit(void)
{
	char out[64];
	is_str(text_fit(out, sizeof out, "上碑镇", 6, true, false), "上碑镇", "exact fit");
	is_str(text_fit(out, sizeof out, "上碑镇", 5, true, false), "上碑 ",
	       "wide char not split, padded");
	is_str(text_fit(out, sizeof out, "上碑镇", 5, false, false), "上碑", "cut without padding");
	is_str(text_fit(out, sizeof out, "ab中", 3, true, false), "ab ", "wide char at last column");
	is_str(text_fit(out, sizeof out, "ab", 5, true, true), "   ab", "right-aligned ASCII");
	is_str(text_fit_marked(out, sizeof out, "独生子女和双女户", 12, true, false), "独生子女和..",
	       "cut text ends in the mark");
	is_str(text_fit_marked(out, sizeof out, "独生子女和双女户", 11, true, false), "独生子女.. ",
	       "a wide character that would straddle the mark is left out, the column padded");
	is_str(text_fit_marked(out, sizeof out, "abcdef", 5, false, true), "abc..",
	       "right-aligned cut text");
	is_str(text_fit_marked(out, sizeof out, "上碑镇", 6, true, false), "上碑镇",
	       "text that fits has no mark");
	is_str(text_fit_marked(out, sizeof out, "abc", 2, false, false), "ab",
	       "no room for the mark: plain cut");
	is_str(text_fit(out, sizeof out, "中", 4, true, true), "  中", "right-aligned Chinese");
	is_str(text_fit(out, sizeof out, "中", 4, true, false), "中  ", "left-aligned Chinese");
	is_str(text_fit(out, sizeof out, "中", 4, false, true), "中", "no padding, no alignment");
	is_str(text_fit(out, sizeof out, "王䶮", 3, true, false), "王 ", "rare char cut whole");
	is_str(text_fit(out, sizeof out, "王䶮", 4, true, false), "王䶮", "rare char kept");
	is_str(text_fit(out, sizeof out, "𠀀先生", 2, true, false), "𠀀", "4-byte char kept");
	is_str(text_fit(out, sizeof out, "𠀀先生", 1, true, false), " ", "4-byte char cut whole");
	is_str(text_fit(out, sizeof out, "𠀀先生", 5, true, true), " 𠀀先", "4-byte right-aligned");
	is_str(text_fit(out, sizeof out, "abc", 0, true, false), "", "zero columns");
	is_str(text_fit(out, sizeof out, "abc", -3, true, false), "", "negative columns");
	is_str(text_fit(out, sizeof out, NULL, 3, true, false), "   ", "NULL pads");
	is_str(text_fit(out, sizeof out, "a\xFF" "b", 10, true, false), "a<0xFF>b  ",
	       "invalid byte shown as its escape");
	is_str(text_fit(out, sizeof out, "a\nb\r\n", 4, true, false), "a b ",
	       "line breaks become spaces");
	is_str(text_fit(out, sizeof out, "a\tb", 12, true, false), "a<U+0009>b  ",
	       "a tab is escaped");
	is_str(text_fit(out, sizeof out, "a\u200Bb", 8, true, false), "a       ",
	       "an escape that does not fit is left out whole, not cut");
	is_str(text_fit(out, sizeof out, "\u202E\u4E2D", 10, false, false), "<U+202E>中",
	       "a bidi override shown, not obeyed");
	is_str(text_fit(out, sizeof out, "e\xCC\x81x", 1, true, false), "e\xCC\x81",
	       "combining mark stays with its letter");

	/* Small buffers: never overflow, never split. */
	char small[7];
	is_str(text_fit(small, sizeof small, "中文", 4, false, false), "中文", "6 bytes fit in 7");
	is_str(text_fit(small, 6, "中文", 4, false, false), "中", "7 bytes do not fit in 6");
	char tiny[4];
	text_fit(tiny, sizeof tiny, "中文", 4, true, false);
	ok(strlen(tiny) < sizeof tiny && text_valid_utf8(tiny, strlen(tiny)),
	   "tiny buffer stays terminated and valid");
	char untouched[2] = { 'x', 'y' };
	text_fit(untouched, 0, "abc", 3, true, false);
	ok(untouched[0] == 'x', "outsz 0 writes nothing");

	/* Whatever the text and width: valid UTF-8, exactly cols when padded,
	 * at most cols when not. */
	static const char *samples[] = {
		"", "a", "中", "王䶮", "𠀀先生", "A中b c", "上碑镇行政综合服务中心", "\xFF中\x80",
		"Ａ１\u3000ｘ",
	};
	long bad = 0;
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		for (int cols = 0; cols <= 24; cols++) {
			for (int mode = 0; mode < 3; mode++) {
				bool pad = mode != 0, right = mode == 2;
				text_fit(out, sizeof out, samples[i], cols, pad, right);
				int w = text_width(out);
				if (!text_valid_utf8(out, strlen(out)) || (pad && w != cols) ||
				    (!pad && w > cols)) {
					bad++;
					printf("# bad fit of sample %zu to %d (mode %d): '%s'\n", i,
					       cols, mode, out);
				}
			}
		}
	}
	is_int(bad, 0, "every fit is valid and of the right width");
}

static char *capture_padded(const char *s, int cols, bool right)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	text_fput_padded(f, s, cols, right);
	fclose(f);
	return buf;
}

static void test_fput(void)
{
	char *s = capture_padded("中", 4, false);
	is_str(s, "中  ", "left-aligned to 4 columns");
	free(s);
	s = capture_padded("中", 4, true);
	is_str(s, "  中", "right-aligned to 4 columns");
	free(s);
	s = capture_padded("123", 6, true);
	is_str(s, "   123", "right-aligned figure");
	free(s);
	s = capture_padded("上碑镇行政", 4, false);
	is_str(s, "上碑镇行政", "wider text printed in full");
	free(s);
	s = capture_padded(NULL, 2, false);
	is_str(s, "  ", "NULL prints blanks");
	free(s);
}

static void test_trim(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "  abc  ", "abc" },
		{ "\u3000王五\u3000", "王五" },
		{ "\u3000 \t王 五\u3000\r\n", "王 五" },
		{ "王\u3000五", "王\u3000五" },
		{ "", "" },
		{ "   ", "" },
		{ "\u3000\u3000", "" },
		{ "中\u3000", "中" },
		{ "𠀀 ", "𠀀" },
		{ "abc", "abc" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, "%s", cases[i].in);
		char *r = text_trim(buf);
		ok(r == buf, "trim returns its argument");
		is_str(r, cases[i].want, "trim case %zu", i);
	}
	ok(text_trim(NULL) == NULL, "trim NULL");
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_decode();
	test_valid();
	test_cp_width();
	test_width();
	test_fit();
	test_fput();
	test_trim();
	return tap_done();
}
