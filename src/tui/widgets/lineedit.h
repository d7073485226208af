#ifndef BIANMIN_LINEEDIT_H
#define BIANMIN_LINEEDIT_H
/* A one-line text editor for double-width text, as pure functions: no
 * curses here, so every rule is unit-tested.  The text is a wchar_t buffer
 * (one element per code point, astral ones included: wchar_t is 32 bits
 * on the platforms we build for), the cursor is a character index, and
 * columns come from text_cp_width(), the same widths the tables use.
 *
 * A field shows a window of the text `cols` columns wide.  The window
 * starts at a character (never inside one), scrolls only as far as needed
 * to keep the cursor in view, and a character that would straddle the
 * right edge is not drawn at all (its columns stay blank). */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum lineedit_op {
	LINEEDIT_LEFT,
	LINEEDIT_RIGHT,
	LINEEDIT_HOME,       /* also Ctrl-A */
	LINEEDIT_END,        /* also Ctrl-E */
	LINEEDIT_BACKSPACE,
	LINEEDIT_DELETE,     /* the character under the cursor */
	LINEEDIT_KILL_START, /* Ctrl-U: everything before the cursor */
	LINEEDIT_KILL_END,   /* Ctrl-K: everything from the cursor on */
};

struct lineedit {
	wchar_t *buf;   /* not NUL-terminated; len characters */
	size_t len, cap;
	size_t cursor;  /* 0..len */
	size_t first;   /* first character shown in the field */
	size_t maxlen;  /* most characters accepted; 0 = no limit */
};

void lineedit_init(struct lineedit *le, size_t maxlen);
void lineedit_finish(struct lineedit *le);
void lineedit_clear(struct lineedit *le);

/* Replaces the text with UTF-8 `s` (invalid bytes are dropped); the
 * cursor goes to the end. */
void lineedit_set(struct lineedit *le, const char *s);
/* The text as UTF-8, malloc'd. */
char *lineedit_text(const struct lineedit *le);
bool lineedit_empty(const struct lineedit *le);
/* maxlen characters are in: the next one would be refused. */
bool lineedit_full(const struct lineedit *le);

/* Inserts one character at the cursor.  Refuses (false) control
 * characters and input past maxlen. */
bool lineedit_insert(struct lineedit *le, wchar_t c);
/* Applies an editing operation; false when it changed nothing. */
bool lineedit_apply(struct lineedit *le, enum lineedit_op op);

/* Columns of characters [from, to). */
int lineedit_columns(const struct lineedit *le, size_t from, size_t to);

/* What a field `cols` wide shows, after scrolling so the cursor is in
 * view: characters [first, first + count) starting at the field's left
 * edge, then blanks up to `cols`; the cursor sits `cursor_col` columns
 * from the left edge. */
struct lineedit_view {
	size_t first, count;
	int used;       /* columns the shown characters take (<= cols) */
	int cursor_col;
	bool more_left, more_right; /* text hidden beyond either edge */
};
void lineedit_view(struct lineedit *le, int cols, struct lineedit_view *v);

/* Encodes one code point as UTF-8 into out (>= 5 bytes, NUL-terminated);
 * returns the bytes written. */
int lineedit_encode(wchar_t c, char out[5]);

#endif
