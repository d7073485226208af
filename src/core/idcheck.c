#include "idcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"
#include "text.h"
#include "util.h"

#define ID_LEN 18

/* GB 11643: weights 2^(18-i) mod 11 and the check characters by remainder. */
static const int resident_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char resident_check[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

/* GB 32100: 31 characters, without I O Z S V (easily mistaken). */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};
/* 登记管理部门代码: 机构编制 1, 外交 2, 司法行政 3, 文化 4, 民政 5, 旅游 6,
 * 宗教 7, 工会 8, 市场监管 9, 中央军委改革和编制办公室 A, 农业 N, 其他 Y. */
static const char credit_authorities[] = "123456789ANY";

/* GB/T 2260 province-level codes, the first two digits of an address code. */
static bool valid_province(const char *two)
{
	static const char *const provinces[] = {
		"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
		"37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
		"63", "64", "65", "71", "81", "82", "83", "91",
	};
	for (size_t i = 0; i < sizeof provinces / sizeof *provinces; i++)
		if (two[0] == provinces[i][0] && two[1] == provinces[i][1])
			return true;
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char ascii_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static int credit_value(char c)
{
	const char *p = c ? strchr(credit_alphabet, ascii_upper(c)) : NULL;
	return p ? (int)(p - credit_alphabet) : -1;
}

/* The input without surrounding blanks (ASCII or full-width), malloc'd. */
/* The input trimmed: in `buf` when it fits, as any ID number does (an
 * import checks one per row, so no allocation then), else on the heap.
 * Release with trimmed_free(). */
#define TRIM_BUF 64
static char *trimmed_copy(const char *in, char buf[TRIM_BUF])
{
	in = in ? in : "";
	size_t n = strlen(in);
	return text_trim(n < TRIM_BUF ? memcpy(buf, in, n + 1) : xstrdup(in));
}

static void trimmed_free(char *s, char buf[TRIM_BUF])
{
	if (s != buf)
		free(s);
}

/* Characters in s, or -1 when it is not valid UTF-8. */
static int count_chars(const char *s)
{
	size_t len = strlen(s);
	if (!text_valid_utf8(s, len))
		return -1;
	int n = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		i += (size_t)text_decode(s + i, len - i, &cp);
	}
	return n;
}

/* The `pos`-th character (1-based) of valid UTF-8 s, as a string. */
static void char_at(const char *s, int pos, char out[5])
{
	size_t len = strlen(s), i = 0;
	unsigned cp;
	for (int k = 1; k < pos; k++)
		i += (size_t)text_decode(s + i, len - i, &cp);
	int n = text_decode(s + i, len - i, &cp);
	if (n <= 0)
		n = 0;
	memcpy(out, s + i, (size_t)n);
	out[n] = '\0';
}

/* Shared start of both checks: valid text of exactly 18 characters. */
static bool check_length(const char *s, const char *what, char **err)
{
	int n = count_chars(s);
	if (n < 0)
		return fail(err, "%s含有无效字符（不是 UTF-8 文本）", what);
	if (n != ID_LEN)
		return fail(err, "%s应为18位，实为%d位", what, n);
	return true;
}

char idcheck_resident_check_char(const char *first17)
{
	if (!first17)
		return '\0';
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		if (!is_digit(first17[i]))
			return '\0';
		sum += (first17[i] - '0') * resident_weights[i];
	}
	return resident_check[sum % 11];
}

char idcheck_credit_check_char(const char *first17)
{
	if (!first17)
		return '\0';
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		int v = credit_value(first17[i]);
		if (v < 0)
			return '\0';
		sum += v * credit_weights[i];
	}
	return credit_alphabet[(31 - sum % 31) % 31];
}

static bool resident_trimmed(const char *s, char out[19], char **err)
{
	if (!check_length(s, "身份证号码", err))
		return false;
	char c[5];
	for (int i = 0; i < 17; i++) {
		if (!is_digit(s[i])) {
			char_at(s, i + 1, c);
			return fail(err, "身份证号码第%d位应为数字，实为 %s", i + 1, c);
		}
	}
	char last = ascii_upper(s[17]);
	if (!is_digit(last) && last != 'X') {
		char_at(s, 18, c);
		return fail(err, "身份证号码第18位应为数字或 X，实为 %s", c);
	}
	if (!valid_province(s))
		return fail(err, "身份证号码地址码 %.6s 无效：省级代码 %.2s 不存在", s, s);

	char birth[9], date[DATE_LEN], today[DATE_LEN];
	memcpy(birth, s + 6, 8);
	birth[8] = '\0';
	snprintf(date, sizeof date, "%.4s-%.2s-%.2s", birth, birth + 4, birth + 6);
	if (strncmp(birth, "1900", 4) < 0)
		return fail(err, "出生日期 %s 早于1900年", birth);
	if (!period_valid_date(date))
		return fail(err, "出生日期 %s 不存在", birth);
	period_today(today);
	if (strcmp(date, today) > 0)
		return fail(err, "出生日期 %s 晚于今天", birth);

	char want = idcheck_resident_check_char(s);
	if (last != want)
		return fail(err, "校验位应为 %c，实为 %c", want, s[17]);
	memcpy(out, s, 17);
	out[17] = last;
	out[18] = '\0';
	return true;
}

static bool credit_trimmed(const char *s, char out[19], char **err)
{
	if (!check_length(s, "统一社会信用代码", err))
		return false;
	char c[5];
	for (int i = 0; i < ID_LEN; i++) {
		/* Up to the first non-ASCII byte, byte i is character i: only a
		 * bad character needs the (slower) walk to its position. */
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80 && credit_value((char)b) >= 0)
			continue;
		char_at(s, i + 1, c);
		if (strlen(c) != 1 || credit_value(c[0]) < 0) {
			char u = ascii_upper(c[0]);
			if (strlen(c) == 1 && strchr("IOZSV", u))
				return fail(err, "统一社会信用代码第%d位不能是 %s（代码不使用 I、O、Z、S、V）",
					    i + 1, c);
			return fail(err, "统一社会信用代码第%d位 %s 不是允许的字符（数字或大写字母）",
				    i + 1, c);
		}
	}
	/* Every character is ASCII from here on. */
	char canon[19];
	for (int i = 0; i < ID_LEN; i++)
		canon[i] = ascii_upper(s[i]);
	canon[ID_LEN] = '\0';
	if (!strchr(credit_authorities, canon[0]))
		return fail(err, "统一社会信用代码第1位（登记管理部门代码）不能是 %c", canon[0]);
	if (canon[1] < '1' || canon[1] > '9')
		return fail(err, "统一社会信用代码第2位（机构类别代码）不能是 %c", canon[1]);
	for (int i = 2; i < 8; i++)
		if (!is_digit(canon[i]))
			return fail(err, "统一社会信用代码第3-8位（行政区划码）应为数字，第%d位是 %c",
				    i + 1, canon[i]);
	/* 10xxxx: organisations registered at the national level. */
	if (!valid_province(canon + 2) && !(canon[2] == '1' && canon[3] == '0'))
		return fail(err, "统一社会信用代码行政区划码 %.6s 无效：省级代码 %.2s 不存在",
			    canon + 2, canon + 2);
	char want = idcheck_credit_check_char(canon);
	if (canon[17] != want)
		return fail(err, "校验位应为 %c，实为 %c", want, canon[17]);
	memcpy(out, canon, sizeof canon);
	return true;
}

bool idcheck_resident(const char *in, char out[19], char **err)
{
	char buf[TRIM_BUF];
	char *s = trimmed_copy(in, buf);
	bool good = resident_trimmed(s, out, err);
	trimmed_free(s, buf);
	return good;
}

bool idcheck_credit_code(const char *in, char out[19], char **err)
{
	char buf[TRIM_BUF];
	char *s = trimmed_copy(in, buf);
	bool good = credit_trimmed(s, out, err);
	trimmed_free(s, buf);
	return good;
}

/* Digits throughout, perhaps ending in X: what a resident ID looks like. */
static bool looks_resident(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]) && !(i == n - 1 && ascii_upper(s[i]) == 'X'))
			return false;
	return n > 0;
}

bool idcheck_validate(const char *in, char out[19], enum id_kind *kind, char **err)
{
	char buf[TRIM_BUF];
	char *s = trimmed_copy(in, buf);
	bool good = false;
	enum id_kind k = ID_NONE;
	if (!s[0]) {
		fail(err, "证件号码为空");
	} else if (looks_resident(s)) {
		char *resident_err = NULL;
		if (resident_trimmed(s, out, &resident_err)) {
			k = ID_RESIDENT;
			good = true;
		} else if (strlen(s) == ID_LEN && credit_trimmed(s, out, NULL)) {
			/* A credit code may be all digits too. */
			k = ID_CREDIT_CODE;
			good = true;
		} else {
			fail(err, "%s", resident_err);
		}
		free(resident_err);
	} else {
		int n = count_chars(s);
		if (n >= 0 && n != ID_LEN)
			fail(err, "证件号码应为18位（身份证号码或统一社会信用代码），实为%d位", n);
		else if (credit_trimmed(s, out, err)) {
			k = ID_CREDIT_CODE;
			good = true;
		}
	}
	trimmed_free(s, buf);
	if (kind)
		*kind = k;
	return good;
}

char *idcheck_mask(char *out, size_t outsz, const char *id)
{
	if (outsz == 0)
		return out;
	char buf[TRIM_BUF];
	char *s = trimmed_copy(id, buf);
	size_t len = strlen(s);
	int n = 0;
	for (size_t i = 0; i < len; n++) {
		unsigned cp;
		int step = text_decode(s + i, len - i, &cp);
		i += step > 0 ? (size_t)step : 1;
	}
	/* An 18-character number shows 6 + 4 (region and the last digits, what
	 * a clerk compares); a short one a quarter at each end, so most of it
	 * stays hidden whatever its length. */
	int head = 6, tail = 4;
	if (n < 11) {
		head = tail = n / 4;
		if (n >= 3 && head == 0)
			head = 1;
	}
	size_t used = 0;
	int k = 0;
	for (size_t i = 0; i < len; k++) {
		unsigned cp;
		int step = text_decode(s + i, len - i, &cp);
		size_t bytes = step > 0 ? (size_t)step : 1;
		bool shown = k < head || k >= n - tail;
		size_t need = shown ? bytes : 1;
		if (used + need > outsz - 1)
			break;
		if (shown && step > 0)
			memcpy(out + used, s + i, bytes);
		else
			out[used] = shown ? '?' : '*';
		used += need;
		i += bytes;
	}
	out[used] = '\0';
	trimmed_free(s, buf);
	return out;
}

const char *idcheck_kind_name(enum id_kind k)
{
	switch (k) {
	case ID_RESIDENT:
		return "身份证";
	case ID_CREDIT_CODE:
		return "统一社会信用代码";
	case ID_NONE:
		break;
	}
	return "无";
}
