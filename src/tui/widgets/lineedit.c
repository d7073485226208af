#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

void lineedit_init(struct lineedit *le, size_t maxlen)
{
	memset(le, 0, sizeof *le);
	le->maxlen = maxlen;
}

void lineedit_finish(struct lineedit *le)
{
	free(le->buf);
	le->buf = NULL;
	le->len = le->cap = le->cursor = le->first = 0;
}

void lineedit_clear(struct lineedit *le)
{
	le->len = le->cursor = le->first = 0;
}

bool lineedit_empty(const struct lineedit *le)
{
	return le->len == 0;
}

bool lineedit_full(const struct lineedit *le)
{
	return le->maxlen && le->len >= le->maxlen;
}

static bool acceptable(wchar_t c)
{
	/* Control characters would move the terminal's cursor behind our back. */
	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return false;
	if (c >= 0xd800 && c <= 0xdfff)
		return false;
	return c <= 0x10ffff;
}

bool lineedit_insert(struct lineedit *le, wchar_t c)
{
	if (!acceptable(c))
		return false;
	if (lineedit_full(le))
		return false;
	le->buf = xgrow(le->buf, &le->cap, le->len + 1, sizeof *le->buf);
	memmove(le->buf + le->cursor + 1, le->buf + le->cursor,
		(le->len - le->cursor) * sizeof *le->buf);
	le->buf[le->cursor++] = c;
	le->len++;
	return true;
}

static void delete_range(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, (le->len - to) * sizeof *le->buf);
	le->len -= to - from;
	if (le->cursor > to)
		le->cursor -= to - from;
	else if (le->cursor > from)
		le->cursor = from;
	if (le->first > le->len)
		le->first = le->len;
}

bool lineedit_apply(struct lineedit *le, enum lineedit_op op)
{
	switch (op) {
	case LINEEDIT_LEFT:
		if (le->cursor == 0)
			return false;
		le->cursor--;
		return true;
	case LINEEDIT_RIGHT:
		if (le->cursor == le->len)
			return false;
		le->cursor++;
		return true;
	case LINEEDIT_HOME:
		if (le->cursor == 0)
			return false;
		le->cursor = 0;
		return true;
	case LINEEDIT_END:
		if (le->cursor == le->len)
			return false;
		le->cursor = le->len;
		return true;
	case LINEEDIT_BACKSPACE:
		if (le->cursor == 0)
			return false;
		delete_range(le, le->cursor - 1, le->cursor);
		return true;
	case LINEEDIT_DELETE:
		if (le->cursor == le->len)
			return false;
		delete_range(le, le->cursor, le->cursor + 1);
		return true;
	case LINEEDIT_KILL_START:
		if (le->cursor == 0)
			return false;
		delete_range(le, 0, le->cursor);
		return true;
	case LINEEDIT_KILL_END:
		if (le->cursor == le->len)
			return false;
		delete_range(le, le->cursor, le->len);
		return true;
	}
	return false;
}

void lineedit_set(struct lineedit *le, const char *s)
{
	lineedit_clear(le);
	size_t n = strlen(s);
	while (n > 0) {
		unsigned cp;
		int used = text_decode(s, n, &cp);
		if (used <= 0) {
			used = 1;
		} else {
			lineedit_insert(le, (wchar_t)cp);
		}
		s += used;
		n -= (size_t)used;
	}
	le->first = 0;
}

int lineedit_encode(wchar_t wc, char out[5])
{
	unsigned long c = (unsigned long)wc;
	int n;
	if (c < 0x80) {
		out[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		out[0] = (char)(0xf0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	out[n] = '\0';
	return n;
}

char *lineedit_text(const struct lineedit *le)
{
	char *s = xmalloc(le->len * 4 + 1);
	size_t at = 0;
	for (size_t i = 0; i < le->len; i++)
		at += (size_t)lineedit_encode(le->buf[i], s + at);
	s[at] = '\0';
	return s;
}

static int char_columns(wchar_t c)
{
	return text_cp_width((unsigned)c);
}

int lineedit_columns(const struct lineedit *le, size_t from, size_t to)
{
	int cols = 0;
	for (size_t i = from; i < to && i < le->len; i++)
		cols += char_columns(le->buf[i]);
	return cols;
}

void lineedit_view(struct lineedit *le, int cols, struct lineedit_view *v)
{
	if (cols < 1)
		cols = 1;
	/* The cursor needs the columns of the character it stands on, or one
	 * blank column past the end of the text. */
	int cursor_cols = 1;
	if (le->cursor < le->len && char_columns(le->buf[le->cursor]) > 1)
		cursor_cols = char_columns(le->buf[le->cursor]);
	int tail_blank = le->cursor == le->len ? 1 : 0;

	if (le->first > le->cursor)
		le->first = le->cursor;
	while (le->first < le->cursor &&
	       lineedit_columns(le, le->first, le->cursor) + cursor_cols > cols)
		le->first++;
	/* Text removed on the right leaves room: bring hidden text back in
	 * from the left rather than show blanks. */
	while (le->first > 0 &&
	       lineedit_columns(le, le->first - 1, le->len) + tail_blank <= cols)
		le->first--;

	v->first = le->first;
	v->used = 0;
	size_t i = le->first;
	while (i < le->len && v->used + char_columns(le->buf[i]) <= cols) {
		v->used += char_columns(le->buf[i]);
		i++;
	}
	v->count = i - le->first;
	v->cursor_col = lineedit_columns(le, le->first, le->cursor);
	if (v->cursor_col >= cols)
		v->cursor_col = cols - 1;
	v->more_left = le->first > 0;
	v->more_right = i < le->len;
}
