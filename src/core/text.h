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
/* Columns of a whole string as the printers below show it: a hidden
 * character or an invalid byte counts as the width of its escape. */
int text_width(const char *s);
/* Writes s into out (size outsz) cut to at most `cols` columns, then pads
 * with spaces to exactly `cols` when `pad` (right-aligned when align_right).
 * A wide character that would straddle the last column is left out (and
 * its column padded when `pad`).  A line break becomes a space, any other
 * hidden character or invalid byte its escape (text_escape_hidden), never
 * cut in two, so the result is valid UTF-8 that keeps a table aligned.
 * Returns out. */
char *text_fit(char *out, size_t outsz, const char *s, int cols, bool pad, bool align_right);
/* The mark that ends text cut to fit: ASCII, one column on every terminal
 * ("…" is East Asian ambiguous width, two columns on some). */
#define TEXT_CUT_MARK ".."
/* text_fit, but text that has to be cut ends in TEXT_CUT_MARK, so a cut
 * name is never taken for a whole one (when cols leaves room for it). */
char *text_fit_marked(char *out, size_t outsz, const char *s, int cols, bool pad,
		      bool align_right);
/* Prints s, escaped as text_escape_hidden does, padded (left-aligned) or
 * right-aligned to `cols` columns; a wider s is printed in full, never cut. */
void text_fput_padded(FILE *f, const char *s, int cols, bool align_right);
/* Full-width digits (０-９, typed with a Chinese input method left on) made
 * ASCII; everything else kept.  Writes at most outsz bytes, NUL included
 * (the result is never longer than s); returns out. */
char *text_fold_digits(char *out, size_t outsz, const char *s);
/* ---- What a user may type, and how every printer shows old data ----
 *
 * A text given by a user (a name, a note, a reason, a catalog cell, an
 * import cell) must not hold a character the reader cannot see: it could
 * hide a name from search, shift a table's columns, or turn a line around
 * on screen (U+202E) so the ledger shows what it does not hold. */

/* True for such a hidden character: C0 controls (tab and line breaks
 * included: a caller allows the breaks), DEL, C1 controls, U+2028/2029, and
 * Unicode's Default_Ignorable_Code_Point set, which holds the bidi controls
 * (U+202A-202E, U+2066-2069, U+200E/200F, U+061C), the zero-width spaces
 * and joiners, soft hyphen, variation selectors, fillers and tags. */
bool text_cp_hidden(unsigned cp);

/* Checks a text a user gave for `field` (Chinese, used in the message):
 * valid UTF-8; no hidden character, except line breaks ("\n" or "\r\n")
 * when `multiline`; at most max_chars characters (code points, as a clerk
 * counts 字; 0 = no limit).  The message names the field, the character as
 * U+XXXX and where it is; a text too long is refused, never cut. */
bool text_check(const char *s, const char *field, size_t max_chars, bool multiline, char **err);

/* The one escape for text read back from the database (or any file), used
 * by every printer: the terminal commands, table cells and text_fit (so
 * the terminal UI), the CSV export, the report, the spreadsheet writer.
 * Data older than text_check may hold hidden characters or invalid bytes;
 * they come out as "<U+202E>" and "<0xFF>": visible, one column per
 * byte of the escape, and naming exactly what is there.  The escape is for
 * a reader; it is not meant to be undone.  With
 * keep_breaks, line breaks ("\n", "\r\n") stay as they are.
 *
 * Returns s itself when there is nothing to escape (the usual case: no
 * copy, no allocation) and sets *owned to NULL; otherwise returns a
 * malloc'd escaped copy, also stored in *owned for the caller to free. */
const char *text_escape_hidden(const char *s, bool keep_breaks, char **owned);
/* Writes the escape of one hidden code point (or, with cp > 0x10FFFF, of
 * the invalid byte cp - 0x110000) into out[16]; returns its length, which
 * is also its width in columns. */
int text_escape_cp(unsigned cp, char out[16]);

/* Trims ASCII and full-width spaces at both ends, in place. */
char *text_trim(char *s);

/* Converts GB18030 (which includes GBK) to UTF-8: files saved by Excel or
 * Notepad on Chinese Windows.  Returns malloc'd NUL-terminated text and its
 * length, or NULL when the input is not GB18030 either. */
char *text_gb18030_to_utf8(const char *in, size_t len, size_t *outlen);

#endif
