#ifndef BIANMIN_IDCHECK_H
#define BIANMIN_IDCHECK_H
/* 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2 check character) and
 * 统一社会信用代码 (GB 32100-2015), plus masking for lists.  Pure functions:
 * no database. */

#include <stdbool.h>
#include <stddef.h>

/* ID_ANY is what a matter accepts, never what a number is. */
enum id_kind { ID_NONE, ID_RESIDENT, ID_CREDIT_CODE, ID_ANY };

/* What a clerk types is folded first (idcheck_fold).  `accept` says which
 * check applies (a matter's 证件类型): ID_RESIDENT or ID_CREDIT_CODE only
 * that one; ID_ANY reads a number shaped like a 身份证 (at most one
 * non-digit among the first 17) as one first, else as a credit code.  On
 * success writes the canonical form to out (>= 19 bytes) and the kind.  On
 * failure *err names the field (证件号码) and what is wrong: length, a
 * character, region, birth date, or "校验位不符" without the character
 * that would be right. */
bool idcheck_check(const char *in, enum id_kind accept, char out[19], enum id_kind *kind,
		   char **err);
/* idcheck_check with ID_ANY, ID_RESIDENT and ID_CREDIT_CODE. */
bool idcheck_validate(const char *in, char out[19], enum id_kind *kind, char **err);
bool idcheck_resident(const char *in, char out[19], char **err);
bool idcheck_credit_code(const char *in, char out[19], char **err);
/* Blanks and hyphens dropped, full-width digits and letters made ASCII,
 * letters upper case; other characters kept.  Writes at most outsz bytes
 * (NUL included) and returns the folded length. */
size_t idcheck_fold(const char *in, char *out, size_t outsz);
/* How many characters a form lets a clerk type for a number: the 18 of
 * the number and the blanks and hyphens of a card's grouping
 * (110105 19491231 002X, 1101-0519-4912-3100-2X), which the fold drops. */
#define IDCHECK_TYPED_MAX 32

/* What a valid 身份证 says of its holder, for the form to show beside the
 * field: false when `id` is not a valid 身份证.  `today` is YYYY-MM-DD. */
struct id_facts {
	const char *sex;   /* 男 / 女 */
	char birth[11];    /* YYYY-MM-DD */
	int age;           /* full years on `today` */
};
bool idcheck_resident_facts(const char *id, const char *today, struct id_facts *f);
/* The expected check character of the first 17 characters. */
char idcheck_resident_check_char(const char *first17);
char idcheck_credit_check_char(const char *first17);
/* For lists: 130125********123X (first 6, last 4 shown). */
char *idcheck_mask(char *out, size_t outsz, const char *id);
const char *idcheck_kind_name(enum id_kind k); /* 身份证 / 统一社会信用代码 / 任一 */
bool idcheck_kind_parse(const char *name, enum id_kind *out);

#endif
