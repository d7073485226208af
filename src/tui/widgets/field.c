#include "field.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui.h"
#include "util.h"

void field_draw(struct app *a, struct lineedit *le, int y, int x, int cols, bool focus)
{
	if (cols <= 0)
		return;
	struct lineedit_view v;
	lineedit_view(le, cols, &v);
	char *text = xmalloc(v.count * 4 + 1);
	size_t at = 0;
	for (size_t i = 0; i < v.count; i++)
		at += (size_t)lineedit_encode(le->buf[v.first + i], text + at);
	text[at] = '\0';
	/* Padded: the columns past the text, including one a wide character
	 * left empty at the edge, are blanked so nothing old shows through. */
	ui_put(y, x, cols, text, true, false, UI_FIELD);
	free(text);
	if (focus)
		app_cursor(a, y, x + v.cursor_col);
}

bool field_refuses(struct app *a, const struct lineedit *le, const char *label, enum action act,
		   int key)
{
	if (act != ACT_TEXT)
		return false;
	if (lineedit_full(le)) {
		app_error(a, "%s最多 %zu 个字, 多出的没有输入", label, le->maxlen);
		return true;
	}
	/* Core refuses such a character at the save (text_check); stopping it
	 * here says so where it was typed or pasted, not one form later. */
	if (text_cp_hidden((unsigned)key)) {
		app_error(a, "%s不能含有看不见的字符 U+%04X, 没有输入", label, (unsigned)key);
		return true;
	}
	return false;
}

void field_type(struct app *a, struct lineedit *le, const char *label, enum action act, int key)
{
	if (!field_refuses(a, le, label, act, key))
		field_edit(le, act, key);
}

bool field_edit(struct lineedit *le, enum action act, int key)
{
	switch (act) {
	case ACT_TEXT:
		lineedit_insert(le, (wchar_t)key);
		return true;
	case ACT_EDIT_LEFT:
		lineedit_apply(le, LINEEDIT_LEFT);
		return true;
	case ACT_EDIT_RIGHT:
		lineedit_apply(le, LINEEDIT_RIGHT);
		return true;
	case ACT_EDIT_HOME:
		lineedit_apply(le, LINEEDIT_HOME);
		return true;
	case ACT_EDIT_END:
		lineedit_apply(le, LINEEDIT_END);
		return true;
	case ACT_EDIT_BACKSPACE:
		lineedit_apply(le, LINEEDIT_BACKSPACE);
		return true;
	case ACT_EDIT_DELETE:
		lineedit_apply(le, LINEEDIT_DELETE);
		return true;
	case ACT_EDIT_KILL_START:
		lineedit_apply(le, LINEEDIT_KILL_START);
		return true;
	case ACT_EDIT_KILL_END:
		lineedit_apply(le, LINEEDIT_KILL_END);
		return true;
	default:
		return false;
	}
}
