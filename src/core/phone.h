#ifndef BIANMIN_PHONE_H
#define BIANMIN_PHONE_H
/* 联系电话: the number a clerk calls a citizen back on.  Either a mobile
 * number (11 digits, 1[3-9]...) or a landline with its area code (0 and
 * two or three digits, then seven or eight digits, the first not 0 or 1).
 * Pure functions. */

#include <stdbool.h>
#include <stddef.h>

#define PHONE_LEN 24

/* Checks and writes the number in one form: a mobile as 11 digits, a
 * landline as AREA-NUMBER.  Spaces and hyphens between digits, full-width
 * digits and a leading +86 (mobile) are accepted as typed.  False with a
 * message naming the field (联系电话) and what is wrong. */
bool phone_normalize(const char *typed, char out[PHONE_LEN], char **err);
/* For lists, exports for clerks and the tally: 138****8000, or the area
 * code and the last four digits of a landline (0371-****5678).  A stored
 * number of another shape is masked but for its last four characters. */
char *phone_mask(char *out, size_t outsz, const char *phone);

#endif
