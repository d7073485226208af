/* text on arbitrary bytes: validity agrees with an independent reading of
 * RFC 3629; text_fit always gives valid UTF-8 without a hidden character,
 * never wider than asked, exactly as wide when padding and the buffer
 * allows; text_escape_hidden leaves nothing hidden, is as wide as
 * text_width says and changes clean text not at all; text_check accepts
 * exactly what needs no escape; trimming is idempotent and leaves no blank
 * at either end. */
#include <locale.h>
#include <stdbool.h>

#include "fuzz.h"
#include "text.h"

/* RFC 3629 section 4, byte ranges written out, and no NUL (not text a C
 * string can hold). */
static bool reference_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = s[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF;
		if (b == 0)
			return false;
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF)
			need = 1;
		else if (b == 0xE0)
			need = 2, lo = 0xA0;
		else if (b == 0xED)
			need = 2, hi = 0x9F;
		else if (b >= 0xE1 && b <= 0xEF)
			need = 2;
		else if (b == 0xF0)
			need = 3, lo = 0x90;
		else if (b == 0xF4)
			need = 3, hi = 0x8F;
		else if (b >= 0xF1 && b <= 0xF3)
			need = 3;
		else
			return false;
		if (i + 1 + need > len)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k <= need; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return false;
		i += 1 + need;
	}
	return true;
}

/* Any hidden character at all (line breaks included), or an invalid byte. */
static bool has_hidden(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int n = text_decode(s + i, len - i, &cp);
		if (n <= 0 || text_cp_hidden(cp))
			return true;
		i += (size_t)n;
	}
	return false;
}

static bool is_blank_start(const char *s)
{
	return *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f' ||
	       strncmp(s, "\xE3\x80\x80", 3) == 0;
}

static bool is_blank_end(const char *s, size_t len)
{
	return (len >= 1 && is_blank_start(s + len - 1) && (unsigned char)s[len - 1] < 0x80) ||
	       (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0);
}

static void check_fit(const char *s, int cols, bool pad, bool right, size_t outsz)
{
	char *out = malloc(outsz ? outsz : 1);
	out[0] = 'Z';
	text_fit(out, outsz, s, cols, pad, right);
	if (outsz == 0) {
		FUZZ_CHECK(out[0] == 'Z', "text_fit wrote into an empty buffer");
		free(out);
		return;
	}
	size_t len = strnlen(out, outsz);
	FUZZ_CHECK(len < outsz, "text_fit overran %zu bytes", outsz);
	FUZZ_CHECK(text_valid_utf8(out, len), "text_fit('%s', %d) gave broken UTF-8", s, cols);
	FUZZ_CHECK(!has_hidden(out), "text_fit('%s', %d) kept a hidden character", s, cols);
	int want = cols < 0 ? 0 : cols, width = text_width(out);
	FUZZ_CHECK(width <= want, "text_fit('%s', %d) is %d columns wide", s, cols, width);
	/* Room for every byte of s plus the padding: nothing may be cut short. */
	if (pad && outsz > strlen(s) + (size_t)want)
		FUZZ_CHECK(width == want, "text_fit('%s', %d, pad) is %d columns wide", s, cols,
			   width);
	if (pad && right && width == want && text_width(s) < want)
		FUZZ_CHECK(out[0] == ' ', "right-aligned '%s' does not start with a space", out);
	/* Clean text that fits comes back unchanged. */
	if (!pad && outsz > strlen(s) && !has_hidden(s) && text_width(s) <= want)
		FUZZ_CHECK(strcmp(out, s) == 0, "text_fit('%s', %d) changed it to '%s'", s, cols,
			   out);
	free(out);
}

static void check_padded(const char *s, int cols, bool right)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_CHECK(f, "open_memstream");
	text_fput_padded(f, s, cols, right);
	fclose(f);
	int width = text_width(s), got = text_width(buf);
	FUZZ_CHECK(got == (width > cols ? width : cols), "text_fput_padded('%s', %d) is %d wide",
		   s, cols, got);
	char *owned;
	FUZZ_CHECK(strstr(buf, text_escape_hidden(s, false, &owned)) != NULL,
		   "text_fput_padded cut '%s'", s);
	free(owned);
	free(buf);
}

static void check_escape(const char *s)
{
	char *owned;
	const char *shown = text_escape_hidden(s, false, &owned);
	FUZZ_CHECK(!has_hidden(shown), "escape of '%s' still hides something", s);
	FUZZ_CHECK(text_width(shown) == text_width(s), "escape of '%s' is %d wide, not %d", s,
		   text_width(shown), text_width(s));
	FUZZ_CHECK((owned == NULL) == !has_hidden(s) && (owned || shown == s),
		   "escape of '%s' copied clean text or kept a hidden one", s);
	free(owned);
	const char *kept = text_escape_hidden(s, true, &owned);
	FUZZ_CHECK(text_valid_utf8(kept, strlen(kept)), "escape of '%s' is not UTF-8", s);
	/* A multi-line text that passes the check needs no escape but for its
	 * breaks; a single-line one none at all. */
	if (text_check(s, "x", 0, true, NULL))
		FUZZ_CHECK(kept == s, "'%s' passed text_check yet was escaped", s);
	FUZZ_CHECK(text_check(s, "x", 0, false, NULL) == !has_hidden(s),
		   "text_check and the escape disagree on '%s'", s);
	free(owned);
}

static void check_trim(const char *s)
{
	char *t = text_trim(strdup(s));
	size_t n = strlen(t);
	FUZZ_CHECK(strstr(s, t) != NULL, "trim of '%s' is not part of it: '%s'", s, t);
	FUZZ_CHECK(!is_blank_start(t), "trim of '%s' starts blank", s);
	FUZZ_CHECK(!is_blank_end(t, n), "trim of '%s' ends blank: '%s'", s, t);
	char *again = text_trim(strdup(t));
	FUZZ_CHECK(strcmp(again, t) == 0, "trim not idempotent: '%s' then '%s'", t, again);
	free(again);
	free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		ready = setlocale(LC_ALL, "C.UTF-8") != NULL;
		FUZZ_CHECK(ready, "no C.UTF-8 locale");
	}
	bool valid = text_valid_utf8((const char *)data, size);
	FUZZ_CHECK(valid == reference_utf8(data, size), "text_valid_utf8 says %d", (int)valid);

	/* Decoding step by step agrees with the verdict for the whole. */
	bool decoded = true;
	for (size_t i = 0; i < size && decoded;) {
		unsigned cp;
		int n = text_decode((const char *)data + i, size - i, &cp);
		if (n <= 0) {
			decoded = false;
		} else {
			FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF), "decoded %X", cp);
			int w = text_cp_width(cp);
			FUZZ_CHECK(w >= 0 && w <= 2, "U+%04X is %d columns", cp, w);
			i += (size_t)n;
		}
	}
	FUZZ_CHECK(decoded == valid, "decoding and validity disagree");

	/* The first bytes steer: a width (some negative), the flags, a buffer
	 * size; the rest is the text. */
	int cols = size > 0 ? (int)(data[0] % 48) - 4 : 10;
	bool pad = size > 1 && (data[1] & 1), right = size > 1 && (data[1] & 2);
	size_t outsz = size > 2 ? data[2] % 64 : 7;
	size_t skip = size > 3 ? 3 : size;
	char *s = fuzz_cstring(data + skip, size - skip);

	int width = text_width(s);
	/* The widest unit is a one-byte control shown as <U+0001>: 8 columns. */
	FUZZ_CHECK(width >= 0 && (size_t)width <= 8 * strlen(s), "'%s' is %d columns", s, width);
	check_fit(s, cols, pad, right, outsz);
	check_fit(s, cols, pad, right, 4096);
	check_fit(s, cols, !pad, right, 4096);
	check_padded(s, cols, right);
	check_escape(s);
	check_trim(s);
	free(s);
	return 0;
}
