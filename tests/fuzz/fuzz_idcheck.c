/* idcheck on arbitrary text: a number it accepts is canonical, checks out
 * and is accepted again as itself; a refusal says why in valid UTF-8; a
 * masked number keeps its length in characters and hides its middle. */
#include <stdbool.h>

#include "fuzz.h"
#include "idcheck.h"
#include "text.h"

/* Characters of s counted as text_fit and idcheck_mask see them: an
 * invalid byte is one character. */
static int char_count(const char *s)
{
	size_t len = strlen(s);
	int n = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		int step = text_decode(s + i, len - i, &cp);
		i += step > 0 ? (size_t)step : 1;
	}
	return n;
}

static void check_message(bool good, char *err, const char *what)
{
	if (good) {
		FUZZ_CHECK(err == NULL, "%s accepted yet said: %s", what, err);
		return;
	}
	FUZZ_CHECK(err && *err, "%s refused without a message", what);
	FUZZ_CHECK(text_valid_utf8(err, strlen(err)), "%s: message is not UTF-8", what);
	free(err);
}

static void check_canonical(const char *out, enum id_kind kind)
{
	FUZZ_CHECK(strlen(out) == 18, "canonical form '%s' is not 18 characters", out);
	for (int i = 0; i < 18; i++)
		FUZZ_CHECK((out[i] >= '0' && out[i] <= '9') || (out[i] >= 'A' && out[i] <= 'Z'),
			   "canonical form '%s' has '%c'", out, out[i]);
	if (kind == ID_RESIDENT)
		FUZZ_CHECK(idcheck_resident_check_char(out) == out[17], "'%s' check char", out);
	else
		FUZZ_CHECK(kind == ID_CREDIT_CODE && idcheck_credit_check_char(out) == out[17],
			   "'%s' (kind %d) check char", out, (int)kind);
	/* Accepting the canonical form again, as the same kind, unchanged. */
	char again[19];
	enum id_kind kind2;
	char *err = NULL;
	FUZZ_CHECK(idcheck_validate(out, again, &kind2, &err), "canonical '%s' refused: %s", out,
		   err);
	FUZZ_CHECK(strcmp(again, out) == 0, "'%s' became '%s'", out, again);
	/* Some 18 digits pass both checks; validate then reads a resident ID. */
	FUZZ_CHECK(kind2 == kind || kind2 == ID_RESIDENT, "'%s' is kind %d, then %d", out,
		   (int)kind, (int)kind2);
}

static void check_mask(const char *in, size_t outsz)
{
	char *trimmed = text_trim(strdup(in));
	char *out = malloc(outsz ? outsz : 1);
	memset(out, 'Z', outsz ? outsz : 1);
	idcheck_mask(out, outsz, in);
	if (outsz == 0) {
		FUZZ_CHECK(out[0] == 'Z', "mask wrote into an empty buffer");
		goto done;
	}
	size_t len = strlen(out);
	FUZZ_CHECK(len < outsz, "mask overran %zu bytes", outsz);
	FUZZ_CHECK(text_valid_utf8(out, len), "mask '%s' is not UTF-8", out);
	int n = char_count(trimmed), shown = 0, k = 0;
	size_t tlen = strlen(trimmed);
	/* Each output character is the input's, '*', or '?' for a broken byte. */
	size_t i = 0, o = 0;
	for (; i < tlen && o < len; k++) {
		unsigned cp;
		int step = text_decode(trimmed + i, tlen - i, &cp);
		size_t bytes = step > 0 ? (size_t)step : 1;
		if (out[o] == '*') {
			o++; /* hidden (or an input '*', which shows nothing either) */
		} else if (step > 0) {
			FUZZ_CHECK(memcmp(out + o, trimmed + i, bytes) == 0,
				   "mask of '%s' changed character %d: '%s'", trimmed, k, out);
			o += bytes;
			shown++;
		} else {
			FUZZ_CHECK(out[o] == '?', "mask of a broken byte is '%c'", out[o]);
			o++;
			shown++;
		}
		i += bytes;
	}
	FUZZ_CHECK(o == len, "mask '%s' longer than '%s'", out, trimmed);
	if (outsz > 4 * tlen + 1)
		FUZZ_CHECK(k == n, "mask of '%s' (%d characters) has %d: '%s'", trimmed, n, k, out);
	/* Shown characters, counting input '*' as shown: most stay hidden. */
	if (n >= 11)
		FUZZ_CHECK(shown <= 10, "mask of '%s' shows %d characters", trimmed, shown);
	else
		FUZZ_CHECK(shown * 2 <= n, "mask of '%s' shows %d of %d characters", trimmed,
			   shown, n);
done:
	free(out);
	free(trimmed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = fuzz_cstring(data, size);
	char out[19];
	enum id_kind kind = ID_NONE;
	char *err = NULL;

	bool good = idcheck_validate(in, out, &kind, &err);
	check_message(good, err, "validate");
	if (good)
		check_canonical(out, kind);
	else
		FUZZ_CHECK(kind == ID_NONE, "refused but kind %d", (int)kind);

	err = NULL;
	char res[19];
	bool resident = idcheck_resident(in, res, &err);
	check_message(resident, err, "resident");
	if (resident) {
		check_canonical(res, ID_RESIDENT);
		FUZZ_CHECK(good && kind == ID_RESIDENT && strcmp(res, out) == 0,
			   "resident accepts '%s' but validate does not", in);
	}
	err = NULL;
	char credit[19];
	bool credit_ok = idcheck_credit_code(in, credit, &err);
	check_message(credit_ok, err, "credit code");
	if (credit_ok) {
		check_canonical(credit, ID_CREDIT_CODE);
		FUZZ_CHECK(good, "credit code accepts '%s' but validate does not", in);
	}
	if (good)
		FUZZ_CHECK(resident || credit_ok, "validate accepts '%s', neither check does", in);

	check_mask(in, 256);
	check_mask(in, size % 24);
	free(in);
	return 0;
}
