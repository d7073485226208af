#include "idcheck.h"
#include "tap.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

/* Checks one input with `fn`: on success the canonical form, on failure
 * the message. */
static void expect(bool (*fn)(const char *, char[19], char **), const char *in,
		   const char *want_id, const char *want_err)
{
	char out[19] = "";
	char *err = NULL;
	bool good = fn(in, out, &err);
	if (want_id) {
		ok(good && !err, "accepted: '%s'%s%s", in, err ? " - " : "", err ? err : "");
		is_str(out, want_id, "canonical form of '%s'", in);
	} else {
		ok(!good, "refused: '%s'", in);
		is_str(err, want_err, "reason for '%s'", in);
	}
	free(err);
}

static void test_resident(void)
{
	expect(idcheck_resident, "11010519491231002X", "11010519491231002X", NULL);
	expect(idcheck_resident, "11010519491231002x", "11010519491231002X", NULL);
	expect(idcheck_resident, "  130125198001011237 ", "130125198001011237", NULL);
	expect(idcheck_resident, "\u3000130125198001011237\u3000", "130125198001011237", NULL);
	expect(idcheck_resident, "130125200002290012", "130125200002290012", NULL);
	expect(idcheck_resident, "130125199002152343", "130125199002152343", NULL);

	expect(idcheck_resident, "11010519491231002", NULL, "证件号码应为18位，实为17位");
	expect(idcheck_resident, "1101051949123100200", NULL, "证件号码应为18位，实为19位");
	expect(idcheck_resident, "", NULL, "证件号码为空");
	expect(idcheck_resident, NULL, NULL, "证件号码为空");
	expect(idcheck_resident, "110105194912310023", NULL, "证件号码校验位不符，请对照证件核对");
	expect(idcheck_resident, "130125198001011238", NULL, "证件号码校验位不符，请对照证件核对");
	expect(idcheck_resident, "110105199902290013", NULL, "证件号码（身份证）出生日期 19990229 不存在");
	expect(idcheck_resident, "110105199902310010", NULL, "证件号码（身份证）出生日期 19990231 不存在");
	expect(idcheck_resident, "110105190002290017", NULL, "证件号码（身份证）出生日期 19000229 不存在");
	expect(idcheck_resident, "110105189912310015", NULL, "证件号码（身份证）出生日期 18991231 早于1900年");
	expect(idcheck_resident, "11010599991231001X", NULL, "证件号码（身份证）出生日期 99991231 晚于今天");
	expect(idcheck_resident, "990105194912310023", NULL,
	       "证件号码（身份证）地址码 990105 无效：省级代码 99 不存在");
	expect(idcheck_resident, "000105194912310024", NULL,
	       "证件号码（身份证）地址码 000105 无效：省级代码 00 不存在");
	expect(idcheck_resident, "11010519491231A02X", NULL, "证件号码（身份证）第15位应为数字，实为 A");
	expect(idcheck_resident, "11010519491231002Y", NULL,
	       "证件号码（身份证）第18位应为数字或 X，实为 Y");
	expect(idcheck_resident, "1101051949123100二X", NULL, "证件号码（身份证）第17位应为数字，实为 二");
	expect(idcheck_resident, "11010519491231002\xFF", NULL,
	       "证件号码含有无效字符（不是 UTF-8 文本）");
	expect(idcheck_resident, "91350100M000100Y43", NULL, "证件号码（身份证）第9位应为数字，实为 M");

	is_int(idcheck_resident_check_char("11010519491231002"), 'X', "check char X");
	is_int(idcheck_resident_check_char("13012519800101123"), '7', "check char 7");
	is_int(idcheck_resident_check_char("1301251980010112"), '\0', "too short: no check char");
	is_int(idcheck_resident_check_char("1301251980010112A"), '\0', "letter: no check char");
	is_int(idcheck_resident_check_char(NULL), '\0', "NULL: no check char");
}

static void test_credit(void)
{
	expect(idcheck_credit_code, "91350100M000100Y43", "91350100M000100Y43", NULL);
	expect(idcheck_credit_code, "91350100m000100y43", "91350100M000100Y43", NULL);
	expect(idcheck_credit_code, " 91130125MA0AB12347 ", "91130125MA0AB12347", NULL);
	expect(idcheck_credit_code, "92130125MA0CD5678W", "92130125MA0CD5678W", NULL);
	expect(idcheck_credit_code, "12130125000000001B", "12130125000000001B", NULL);
	expect(idcheck_credit_code, "11100000000013127D", "11100000000013127D", NULL);
	expect(idcheck_credit_code, "911301250001000042", "911301250001000042", NULL);

	expect(idcheck_credit_code, "91350100M000100Y44", NULL, "证件号码校验位不符，请对照证件核对");
	expect(idcheck_credit_code, "91350100M000100Y4", NULL, "证件号码应为18位，实为17位");
	expect(idcheck_credit_code, "91350100MI00100Y43", NULL,
	       "证件号码（统一社会信用代码）第10位不能是 I（代码不使用 I、O、Z、S、V）");
	expect(idcheck_credit_code, "91350100Mo00100Y43", NULL,
	       "证件号码（统一社会信用代码）第10位不能是 O（代码不使用 I、O、Z、S、V）");
	expect(idcheck_credit_code, "91350100M中00100Y43", NULL,
	       "证件号码（统一社会信用代码）第10位 中 不是允许的字符（数字或大写字母）");
	expect(idcheck_credit_code, "91350100M_00100Y43", NULL,
	       "证件号码（统一社会信用代码）第10位 _ 不是允许的字符（数字或大写字母）");
	expect(idcheck_credit_code, "B1350100M000100Y41", NULL,
	       "证件号码（统一社会信用代码）第1位（登记管理部门代码）不能是 B");
	expect(idcheck_credit_code, "90350100M000100Y46", NULL,
	       "证件号码（统一社会信用代码）第2位（机构类别代码）不能是 0");
	expect(idcheck_credit_code, "9135A100M000100Y4Y", NULL,
	       "证件号码（统一社会信用代码）第3-8位（行政区划码）应为数字，第5位是 A");
	expect(idcheck_credit_code, "91990100M000100Y4U", NULL,
	       "证件号码（统一社会信用代码）行政区划码 990100 无效：省级代码 99 不存在");

	is_int(idcheck_credit_check_char("91350100M000100Y4"), '3', "credit check char 3");
	is_int(idcheck_credit_check_char("91350100m000100y4"), '3', "lowercase gives the same");
	is_int(idcheck_credit_check_char("92130125MA0CD5678"), 'W', "credit check char W");
	is_int(idcheck_credit_check_char("91350100M00010"), '\0', "too short: none");
	is_int(idcheck_credit_check_char("91350100MI00100Y4"), '\0', "I: none");
}

static void expect_any(const char *in, enum id_kind want_kind, const char *want_id,
		       const char *want_err)
{
	char out[19] = "";
	char *err = NULL;
	enum id_kind kind = (enum id_kind)99;
	bool good = idcheck_validate(in, out, &kind, &err);
	if (want_id) {
		ok(good && kind == want_kind, "validate accepts '%s' as %s (%s)", in,
		   idcheck_kind_name(want_kind), err ? err : "");
		is_str(out, want_id, "canonical '%s'", in);
	} else {
		ok(!good && kind == ID_NONE, "validate refuses '%s'", in);
		is_str(err, want_err, "validate reason for '%s'", in);
	}
	free(err);
}

static void test_validate(void)
{
	expect_any("11010519491231002x", ID_RESIDENT, "11010519491231002X", NULL);
	expect_any("130125198001011237", ID_RESIDENT, "130125198001011237", NULL);
	expect_any("91350100m000100y43", ID_CREDIT_CODE, "91350100M000100Y43", NULL);
	expect_any("12130125000000001B", ID_CREDIT_CODE, "12130125000000001B", NULL);
	/* All digits but not a resident ID (born in 2500): a credit code. */
	expect_any("911301250001000042", ID_CREDIT_CODE, "911301250001000042", NULL);

	expect_any("11010519491231002", ID_NONE, NULL, "证件号码应为18位，实为17位");
	expect_any("110105194912310023", ID_NONE, NULL, "证件号码校验位不符，请对照证件核对");
	expect_any("110105199902290013", ID_NONE, NULL, "证件号码（身份证）出生日期 19990229 不存在");
	expect_any("91350100M000100Y44", ID_NONE, NULL, "证件号码校验位不符，请对照证件核对");
	expect_any("91350100M000100Y4", ID_NONE, NULL,
		   "证件号码应为18位（身份证号码或统一社会信用代码），实为17位");
	expect_any("王小明", ID_NONE, NULL,
		   "证件号码应为18位（身份证号码或统一社会信用代码），实为3位");
	expect_any("", ID_NONE, NULL, "证件号码为空");
	expect_any(" \u3000 ", ID_NONE, NULL, "证件号码为空");
	expect_any(NULL, ID_NONE, NULL, "证件号码为空");

	char out[19];
	ok(idcheck_validate("11010519491231002X", out, NULL, NULL), "kind and err may be NULL");
	ok(!idcheck_validate("1", out, NULL, NULL), "and a refusal needs no err either");

	is_str(idcheck_kind_name(ID_RESIDENT), "身份证", "kind name resident");
	is_str(idcheck_kind_name(ID_CREDIT_CODE), "统一社会信用代码", "kind name credit");
	is_str(idcheck_kind_name(ID_NONE), "无", "kind name none");
}

static uint32_t rng_state = 2463534242u;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* MOD 11-2 and MOD 31 both catch every single wrong character: try them
 * all on generated numbers. */
static void test_single_errors(void)
{
	long accepted_good = 0, missed = 0, tried = 0;
	for (int n = 0; n < 200; n++) {
		char id[19];
		snprintf(id, sizeof id, "130125%04u%02u%02u%03u", 1900 + rng() % 120, 1 + rng() % 12,
			 1 + rng() % 28, rng() % 1000);
		id[17] = idcheck_resident_check_char(id);
		id[18] = '\0';
		char out[19];
		if (idcheck_resident(id, out, NULL))
			accepted_good++;
		for (int pos = 0; pos < 18; pos++) {
			for (char c = '0'; c <= '9'; c++) {
				if (c == id[pos])
					continue;
				char bad[19];
				memcpy(bad, id, sizeof bad);
				bad[pos] = c;
				tried++;
				if (idcheck_resident(bad, out, NULL))
					missed++;
			}
		}
	}
	is_int(accepted_good, 200, "generated resident IDs are accepted");
	is_int(missed, 0, "every single-digit error of %ld is caught", tried);

	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	accepted_good = missed = tried = 0;
	for (int n = 0; n < 200; n++) {
		char code[19];
		snprintf(code, sizeof code, "91130125");
		for (int i = 8; i < 17; i++)
			code[i] = alphabet[rng() % 31];
		code[17] = idcheck_credit_check_char(code);
		code[18] = '\0';
		char out[19];
		if (idcheck_credit_code(code, out, NULL))
			accepted_good++;
		for (int pos = 0; pos < 18; pos++) {
			for (int a = 0; a < 31; a++) {
				if (alphabet[a] == code[pos])
					continue;
				char bad[19];
				memcpy(bad, code, sizeof bad);
				bad[pos] = alphabet[a];
				tried++;
				if (idcheck_credit_code(bad, out, NULL))
					missed++;
			}
		}
	}
	is_int(accepted_good, 200, "generated credit codes are accepted");
	is_int(missed, 0, "every single-character error of %ld is caught", tried);
}

static void test_mask(void)
{
	char out[64];
	is_str(idcheck_mask(out, sizeof out, "130125198001011237"), "130125********1237", "resident");
	is_str(idcheck_mask(out, sizeof out, "11010519491231002X"), "110105********002X", "X kept");
	is_str(idcheck_mask(out, sizeof out, "91350100M000100Y43"), "913501********0Y43",
	       "credit code");
	is_str(idcheck_mask(out, sizeof out, " 130125198001011237 "), "130125********1237",
	       "blanks trimmed");
	is_str(idcheck_mask(out, sizeof out, "1234567890123456789012"),
	       "123456************9012", "longer string");
	is_str(idcheck_mask(out, sizeof out, "12345678901"), "123456*8901", "11 characters");
	is_str(idcheck_mask(out, sizeof out, "1234567890"), "12******90", "10 characters");
	is_str(idcheck_mask(out, sizeof out, "12345"), "1***5", "5 characters");
	is_str(idcheck_mask(out, sizeof out, "123"), "1**", "3 characters");
	is_str(idcheck_mask(out, sizeof out, "12"), "**", "2 characters");
	is_str(idcheck_mask(out, sizeof out, "1"), "*", "1 character");
	is_str(idcheck_mask(out, sizeof out, ""), "", "empty");
	is_str(idcheck_mask(out, sizeof out, NULL), "", "NULL");
	is_str(idcheck_mask(out, sizeof out, "王小明"), "王**", "Chinese characters");
	is_str(idcheck_mask(out, 8, "130125198001011237"), "130125*", "small buffer cuts");
	char untouched[1] = { 'x' };
	idcheck_mask(untouched, 0, "130125198001011237");
	ok(untouched[0] == 'x', "outsz 0 writes nothing");
}

static void expect_kind(const char *in, enum id_kind accept, enum id_kind want_kind,
			const char *want_id, const char *want_err)
{
	char out[19] = "";
	char *err = NULL;
	enum id_kind kind = (enum id_kind)99;
	bool good = idcheck_check(in, accept, out, &kind, &err);
	if (want_id) {
		ok(good && kind == want_kind, "%s accepts '%s' as %s (%s)", idcheck_kind_name(accept),
		   in, idcheck_kind_name(want_kind), err ? err : "");
		is_str(out, want_id, "folded '%s'", in);
	} else {
		ok(!good && kind == ID_NONE, "%s refuses '%s'", idcheck_kind_name(accept), in);
		is_str(err, want_err, "reason for '%s'", in);
	}
	free(err);
}

/* What a clerk types: groups, hyphens, a Chinese input method left on. */
static void test_fold(void)
{
	char out[64];
	is_int((int)idcheck_fold("110105 19491231 002x", out, sizeof out), 18, "folded length");
	is_str(out, "11010519491231002X", "spaces dropped, x made X");
	idcheck_fold("１１０１０５－１９４９１２３１－００２Ｘ", out, sizeof out);
	is_str(out, "11010519491231002X", "full-width digits, hyphen and X");
	idcheck_fold("９１３５０１００ｍ０００１００ｙ４３", out, sizeof out);
	is_str(out, "91350100M000100Y43", "full-width lowercase letters");
	idcheck_fold("\u3000130125\u2014198001011237\u3000", out, sizeof out);
	is_str(out, "130125198001011237", "ideographic space and a dash");
	idcheck_fold("1101二X", out, sizeof out);
	is_str(out, "1101二X", "other characters stay for the message");
	is_int((int)idcheck_fold("11010519491231002X", out, 5), 18, "a short buffer still counts");
	is_str(out, "1101", "and is cut");

	expect_kind("110105 19491231 002X", ID_ANY, ID_RESIDENT, "11010519491231002X", NULL);
	expect_kind("110105-19491231-002x", ID_RESIDENT, ID_RESIDENT, "11010519491231002X", NULL);
	expect_kind("１３０１２５１９８００１０１１２３７", ID_ANY, ID_RESIDENT, "130125198001011237",
		    NULL);
	expect_kind("9135 0100 M000 100Y 43", ID_CREDIT_CODE, ID_CREDIT_CODE, "91350100M000100Y43",
		    NULL);
	/* A 身份证 at a matter of credit codes is told so by the credit check. */
	expect_kind("110105 19491231 002X", ID_CREDIT_CODE, ID_NONE, NULL,
		    "证件号码（统一社会信用代码）行政区划码 010519 无效：省级代码 01 不存在");
	expect_kind("91350100M000100Y43", ID_RESIDENT, ID_NONE, NULL,
		    "证件号码（身份证）第9位应为数字，实为 M");
	/* One typo among the digits is still read as a 身份证 under 任一. */
	expect_kind("11010519491231A02X", ID_ANY, ID_NONE, NULL,
		    "证件号码（身份证）第15位应为数字，实为 A");
	expect_kind("91350100M000100Y44", ID_ANY, ID_NONE, NULL, "证件号码校验位不符，请对照证件核对");
	expect_kind("130125198001011238", ID_ANY, ID_NONE, NULL, "证件号码校验位不符，请对照证件核对");

	/* An 18-digit number valid both ways: 任一 reads a 身份证, a matter of
	 * 统一社会信用代码 its credit code. */
	char both[19] = "";
	for (int d = 0; d < 1000 && !both[0]; d++) {
		char id[19];
		snprintf(id, sizeof id, "13130119800101%03d", d);
		char rc = idcheck_resident_check_char(id), cc = idcheck_credit_check_char(id);
		if (rc == cc) {
			id[17] = rc;
			id[18] = '\0';
			memcpy(both, id, sizeof both);
		}
	}
	ok(both[0] != '\0', "found a number valid as both: %s", both);
	expect_kind(both, ID_ANY, ID_RESIDENT, both, NULL);
	expect_kind(both, ID_CREDIT_CODE, ID_CREDIT_CODE, both, NULL);
	expect_kind(both, ID_RESIDENT, ID_RESIDENT, both, NULL);

	enum id_kind k = ID_NONE;
	ok(idcheck_kind_parse("任一", &k) && k == ID_ANY, "任一 parses");
	ok(idcheck_kind_parse("统一社会信用代码", &k) && k == ID_CREDIT_CODE, "credit parses");
	ok(!idcheck_kind_parse("护照", &k), "护照 is no kind");
}

static void test_facts(void)
{
	struct id_facts f;
	ok(idcheck_resident_facts("11010519491231002X", "2021-03-15", &f), "facts of a valid 身份证");
	is_str(f.sex, "女", "17th digit 2: 女");
	is_str(f.birth, "1949-12-31", "birth date");
	is_int(f.age, 71, "71 before the birthday of 2021");
	ok(idcheck_resident_facts("130125198001011237", "2021-01-01", &f), "another");
	is_str(f.sex, "男", "17th digit 3: 男");
	is_int(f.age, 41, "41 on the birthday itself");
	ok(idcheck_resident_facts("130125 19800101 1237", "2020-12-31", &f), "typed in groups");
	is_int(f.age, 40, "40 the day before");
	ok(!idcheck_resident_facts("130125198001011238", "2021-01-01", &f), "none for a bad number");
	ok(!idcheck_resident_facts("91350100M000100Y43", "2021-01-01", &f), "none for a credit code");
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_resident();
	test_credit();
	test_validate();
	test_single_errors();
	test_mask();
	test_fold();
	test_facts();
	return tap_done();
}
