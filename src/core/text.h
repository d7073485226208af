#ifndef BIANMIN_TEXT_H
#define BIANMIN_TEXT_H
/* UTF-8 text for fixed-width terminals and aligned tables: display widths
 * from wcwidth (CJK = 2 columns), padding and truncation that never split a
 * character.  Needs a UTF-8 LC_CTYPE (the program sets it at start). */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* True if s is valid UTF-8 (no overlongs, no surrogates). */
bool text_valid_utf8(const char *s, size_t len);
/* Decodes one code point; returns bytes used (0 at the end, -1 invalid). */
int text_decode(const char *s, size_t len, unsigned *cp);
/* Columns one code point takes (0..2); unprintable counts as 1. */
int text_cp_width(unsigned cp);
/* Columns of a whole string; an invalid byte counts as one column. */
int text_width(const char *s);
/* Writes s into out (size outsz) cut to at most `cols` columns, then pads
 * with spaces to exactly `cols` when `pad` (right-aligned when align_right).
 * A wide character that would straddle the last column is left out (and
 * its column padded when `pad`).  Control characters become spaces and
 * invalid bytes '?', so the result is valid UTF-8 that keeps a table
 * aligned.
 * Returns out. */
char *text_fit(char *out, size_t outsz, const char *s, int cols, bool pad, bool align_right);
/* The mark that ends text cut to fit: ASCII, one column on every terminal
 * ("…" is East Asian ambiguous width, two columns on some). */
#define TEXT_CUT_MARK ".."
/* text_fit, but text that has to be cut ends in TEXT_CUT_MARK, so a cut
 * name is never taken for a whole one (when cols leaves room for it). */
char *text_fit_marked(char *out, size_t outsz, const char *s, int cols, bool pad,
		      bool align_right);
/* Prints s padded (left-aligned) or right-aligned to `cols` columns; a
 * wider s is printed in full, never cut. */
void text_fput_padded(FILE *f, const char *s, int cols, bool align_right);
/* Full-width digits (０-９, typed with a Chinese input method left on) made
 * ASCII; everything else kept.  Writes at most outsz bytes, NUL included
 * (the result is never longer than s); returns out. */
char *text_fold_digits(char *out, size_t outsz, const char *s);
/* Trims ASCII and full-width spaces at both ends, in place. */
char *text_trim(char *s);

/* Converts GB18030 (which includes GBK) to UTF-8: files saved by Excel or
 * Notepad on Chinese Windows.  Returns malloc'd NUL-terminated text and its
 * length, or NULL when the input is not GB18030 either. */
char *text_gb18030_to_utf8(const char *in, size_t len, size_t *outlen);

#endif
