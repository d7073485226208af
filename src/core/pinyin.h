#ifndef BIANMIN_PINYIN_H
#define BIANMIN_PINYIN_H
/* Pinyin initials, for finding a name by the letters a clerk types on an
 * ASCII keyboard: 张记面馆 is "zjmg".  The table is generated at build time
 * from Unihan's kMandarin readings (the first reading of each character). */

#include <stddef.h>

/* The initial of one code point ('a'..'z'), or 0 when it has no reading. */
char pinyin_initial(unsigned cp);
/* The initials of a UTF-8 text into out (at most outsz bytes, NUL
 * included): a character with a reading gives its letter, an ASCII letter
 * or digit itself (lower case), anything else nothing.  Returns out. */
char *pinyin_initials(char *out, size_t outsz, const char *s);

#endif
