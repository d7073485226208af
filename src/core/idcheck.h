#ifndef BIANMIN_IDCHECK_H
#define BIANMIN_IDCHECK_H
/* 公民身份号码 (GB 11643-1999, ISO 7064 MOD 11-2 check character) and
 * 统一社会信用代码 (GB 32100-2015), plus masking for lists.  Pure functions:
 * no database. */

#include <stdbool.h>
#include <stddef.h>

enum id_kind { ID_NONE, ID_RESIDENT, ID_CREDIT_CODE };

/* Checks `in` (surrounding spaces ignored); on success writes the canonical
 * form (uppercase X, uppercase letters) to out (>= 19 bytes) and the kind.
 * On failure *err says why in Chinese: length, characters, region, birth
 * date, or "校验位应为 X". */
bool idcheck_validate(const char *in, char out[19], enum id_kind *kind, char **err);
bool idcheck_resident(const char *in, char out[19], char **err);
bool idcheck_credit_code(const char *in, char out[19], char **err);
/* The expected check character of the first 17 characters. */
char idcheck_resident_check_char(const char *first17);
char idcheck_credit_check_char(const char *first17);
/* For lists: 130125********123X (first 6, last 4 shown). */
char *idcheck_mask(char *out, size_t outsz, const char *id);
const char *idcheck_kind_name(enum id_kind k); /* 身份证 / 统一社会信用代码 */

#endif
