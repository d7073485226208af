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

/* What a clerk types for a number is folded before it is checked: blanks
 * and hyphens (a card read out in groups, "110105 19491231 002X") are
 * dropped, full-width digits and letters (a Chinese input method left on)
 * become ASCII, and letters upper case (x and X are the same check
 * character).  Anything else stays, for the message to name.  Folding
 * never lengthens the text: it lands in `buf` when it fits, as any ID
 * number does (an import checks one per row, so no allocation then), else
 * on the heap.  Release with folded_free(). */
#define FOLD_BUF 64
static bool dropped(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '-' || cp == 0x00A0 || cp == 0x3000 ||
	       (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

static char *folded_copy(const char *in, char buf[FOLD_BUF])
{
	in = in ? in : "";
	size_t n = strlen(in);
	char *out = n < FOLD_BUF ? buf : xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)in[i];
		if (b < 0x80) {
			i++;
			if (!dropped(b))
				out[o++] = ascii_upper((char)b);
			continue;
		}
		unsigned cp;
		int step = text_decode(in + i, n - i, &cp);
		if (step <= 0) {
			out[o++] = in[i++]; /* kept: the length check names it */
			continue;
		}
		if (dropped(cp))
			;
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			out[o++] = (char)('0' + (cp - 0xFF10));
		else if (cp >= 0xFF21 && cp <= 0xFF3A)
			out[o++] = (char)('A' + (cp - 0xFF21));
		else if (cp >= 0xFF41 && cp <= 0xFF5A)
			out[o++] = (char)('A' + (cp - 0xFF41));
		else {
			memcpy(out + o, in + i, (size_t)step);
			o += (size_t)step;
		}
		i += (size_t)step;
	}
	out[o] = '\0';
	return out;
}

static void folded_free(char *s, char buf[FOLD_BUF])
{
	if (s != buf)
		free(s);
}

size_t idcheck_fold(const char *in, char *out, size_t outsz)
{
	char buf[FOLD_BUF];
	char *s = folded_copy(in, buf);
	size_t n = strlen(s);
	if (outsz) {
		size_t k = n < outsz - 1 ? n : outsz - 1;
		memcpy(out, s, k);
		out[k] = '\0';
	}
	folded_free(s, buf);
	return n;
}

/* Characters in s, or -1 when it is not valid UTF-8. */
static int count_chars(const char *s)
{
	size_t len = strlen(s), ascii = 0;
	while (ascii < len && (unsigned char)s[ascii] < 0x80)
		ascii++;
	if (ascii == len)
		return (int)len; /* every ID number the ledger holds */
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

/* Shared start of both checks: valid text of exactly 18 characters (both
 * kinds have 18: the message needs no kind, and stays short enough for
 * the hint beside the field). */
static bool check_length(const char *s, char **err)
{
	int n = count_chars(s);
	if (n < 0)
		return fail(err, "证件号码含有无效字符（不是 UTF-8 文本）");
	if (n != ID_LEN)
		return fail(err, "证件号码应为18位，实为%d位", n);
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

/* The messages name the field and what is wrong, never the check
 * character that would be right: a clerk told it would "fix" any typo at
 * the last digit. */
#define RESIDENT "证件号码（身份证）"
#define CREDIT "证件号码（统一社会信用代码）"
#define CHECK_MISMATCH "证件号码校验位不符，请对照证件核对"

/* s is folded: letters upper case, no blanks. */
static bool resident_folded(const char *s, char out[19], char **err)
{
	if (!check_length(s, err))
		return false;
	char c[5];
	for (int i = 0; i < 17; i++) {
		if (!is_digit(s[i])) {
			char_at(s, i + 1, c);
			return fail(err, RESIDENT "第%d位应为数字，实为 %s", i + 1, c);
		}
	}
	char last = s[17];
	if (!is_digit(last) && last != 'X') {
		char_at(s, 18, c);
		return fail(err, RESIDENT "第18位应为数字或 X，实为 %s", c);
	}
	if (!valid_province(s))
		return fail(err, RESIDENT "地址码 %.6s 无效：省级代码 %.2s 不存在", s, s);

	char birth[9], date[DATE_LEN], today[DATE_LEN];
	memcpy(birth, s + 6, 8);
	birth[8] = '\0';
	snprintf(date, sizeof date, "%.4s-%.2s-%.2s", birth, birth + 4, birth + 6);
	if (strncmp(birth, "1900", 4) < 0)
		return fail(err, RESIDENT "出生日期 %s 早于1900年", birth);
	if (!period_valid_date(date))
		return fail(err, RESIDENT "出生日期 %s 不存在", birth);
	period_today(today);
	if (strcmp(date, today) > 0)
		return fail(err, RESIDENT "出生日期 %s 晚于今天", birth);

	if (last != idcheck_resident_check_char(s))
		return fail(err, CHECK_MISMATCH);
	memcpy(out, s, 18);
	out[18] = '\0';
	return true;
}

static bool credit_folded(const char *s, char out[19], char **err)
{
	if (!check_length(s, err))
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
			if (strlen(c) == 1 && strchr("IOZSV", c[0]))
				return fail(err, CREDIT "第%d位不能是 %s（代码不使用 I、O、Z、S、V）",
					    i + 1, c);
			return fail(err, CREDIT "第%d位 %s 不是允许的字符（数字或大写字母）", i + 1, c);
		}
	}
	/* Every character is ASCII from here on. */
	if (!strchr(credit_authorities, s[0]))
		return fail(err, CREDIT "第1位（登记管理部门代码）不能是 %c", s[0]);
	if (s[1] < '1' || s[1] > '9')
		return fail(err, CREDIT "第2位（机构类别代码）不能是 %c", s[1]);
	for (int i = 2; i < 8; i++)
		if (!is_digit(s[i]))
			return fail(err, CREDIT "第3-8位（行政区划码）应为数字，第%d位是 %c", i + 1,
				    s[i]);
	/* 10xxxx: organisations registered at the national level. */
	if (!valid_province(s + 2) && !(s[2] == '1' && s[3] == '0'))
		return fail(err, CREDIT "行政区划码 %.6s 无效：省级代码 %.2s 不存在", s + 2, s + 2);
	if (s[17] != idcheck_credit_check_char(s))
		return fail(err, CHECK_MISMATCH);
	memcpy(out, s, 18);
	out[18] = '\0';
	return true;
}

/* Read as a 身份证 first when 任一 is allowed: at most one of the first 17
 * characters is not a digit (a typo in a 身份证), and the last is a digit
 * or X.  A credit code nearly always carries two letters or more
 * (91350100M000100Y43); one that is all digits and fails the 身份证 check
 * is still taken as the credit code it is. */
static bool looks_resident(const char *s)
{
	size_t n = strlen(s);
	int other = 0;
	for (size_t i = 0; i + 1 < n; i++)
		other += !is_digit(s[i]);
	return n > 0 && other <= 1 && (is_digit(s[n - 1]) || s[n - 1] == 'X');
}

bool idcheck_check(const char *in, enum id_kind accept, char out[19], enum id_kind *kind,
		   char **err)
{
	char buf[FOLD_BUF];
	char *s = folded_copy(in, buf);
	bool good = false;
	enum id_kind k = ID_NONE;
	if (!s[0]) {
		fail(err, "证件号码为空");
	} else if (accept == ID_RESIDENT) {
		if ((good = resident_folded(s, out, err)))
			k = ID_RESIDENT;
	} else if (accept == ID_CREDIT_CODE) {
		if ((good = credit_folded(s, out, err)))
			k = ID_CREDIT_CODE;
	} else if (looks_resident(s)) {
		char *resident_err = NULL;
		if (resident_folded(s, out, &resident_err)) {
			k = ID_RESIDENT;
			good = true;
		} else if (strlen(s) == ID_LEN && credit_folded(s, out, NULL)) {
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
		else if (credit_folded(s, out, err)) {
			k = ID_CREDIT_CODE;
			good = true;
		}
	}
	folded_free(s, buf);
	if (kind)
		*kind = k;
	return good;
}

bool idcheck_validate(const char *in, char out[19], enum id_kind *kind, char **err)
{
	return idcheck_check(in, ID_ANY, out, kind, err);
}

bool idcheck_resident(const char *in, char out[19], char **err)
{
	return idcheck_check(in, ID_RESIDENT, out, NULL, err);
}

bool idcheck_credit_code(const char *in, char out[19], char **err)
{
	return idcheck_check(in, ID_CREDIT_CODE, out, NULL, err);
}

bool idcheck_resident_facts(const char *id, const char *today, struct id_facts *f)
{
	memset(f, 0, sizeof *f);
	char canon[19];
	if (!id || !today || !idcheck_resident(id, canon, NULL))
		return false;
	snprintf(f->birth, sizeof f->birth, "%.4s-%.2s-%.2s", canon + 6, canon + 10, canon + 12);
	/* GB 11643: the 17th digit, 顺序码's last, is odd for men. */
	f->sex = (canon[16] - '0') % 2 ? "男" : "女";
	int age = atoi(today) - atoi(f->birth);
	if (strcmp(today + 4, f->birth + 4) < 0)
		age--; /* this year's birthday is still to come */
	f->age = age < 0 ? 0 : age;
	return true;
}

/* The input without surrounding blanks: in `buf` when it fits, else on
 * the heap.  Masking shows what is stored, so it trims but never folds. */
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
	case ID_ANY:
		return "任一";
	case ID_NONE:
		break;
	}
	return "无";
}

bool idcheck_kind_parse(const char *name, enum id_kind *out)
{
	static const enum id_kind kinds[] = { ID_RESIDENT, ID_CREDIT_CODE, ID_ANY };
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (name && strcmp(name, idcheck_kind_name(kinds[i])) == 0) {
			*out = kinds[i];
			return true;
		}
	}
	return false;
}
