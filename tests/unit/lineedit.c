/* The terminal UI's line editor, as pure functions: cursor steps,
 * deletion, UTF-8 round trips and the scrolling view over double-width
 * and astral characters. */
#include <locale.h>
#include <stdlib.h>

#include "lineedit.h"
#include "tap.h"

static void type(struct lineedit *le, const char *s)
{
	struct lineedit tmp;
	lineedit_init(&tmp, 0);
	lineedit_set(&tmp, s);
	for (size_t i = 0; i < tmp.len; i++)
		lineedit_insert(le, tmp.buf[i]);
	lineedit_finish(&tmp);
}

static void is_text(struct lineedit *le, const char *want, const char *what)
{
	char *s = lineedit_text(le);
	is_str(s, want, "%s", what);
	free(s);
}

static void test_editing(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	ok(lineedit_empty(&le), "starts empty");
	type(&le, "张记面馆");
	is_int(le.len, 4, "four characters");
	is_int(le.cursor, 4, "cursor after the last");
	is_int(lineedit_columns(&le, 0, le.len), 8, "eight columns");
	is_text(&le, "张记面馆", "UTF-8 round trip");

	lineedit_apply(&le, LINEEDIT_LEFT);
	lineedit_apply(&le, LINEEDIT_LEFT);
	is_int(le.cursor, 2, "a wide character is one cursor step");
	lineedit_insert(&le, L'x');
	is_text(&le, "张记x面馆", "insert in the middle");
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	is_text(&le, "张记面馆", "backspace removes the character before");
	lineedit_apply(&le, LINEEDIT_DELETE);
	is_text(&le, "张记馆", "delete removes the character under the cursor");
	is_int(le.cursor, 2, "delete keeps the cursor");
	ok(lineedit_apply(&le, LINEEDIT_HOME) && le.cursor == 0, "home");
	ok(!lineedit_apply(&le, LINEEDIT_LEFT), "left at the start changes nothing");
	ok(!lineedit_apply(&le, LINEEDIT_BACKSPACE), "backspace at the start changes nothing");
	ok(lineedit_apply(&le, LINEEDIT_END) && le.cursor == 3, "end");
	ok(!lineedit_apply(&le, LINEEDIT_RIGHT), "right at the end changes nothing");
	ok(!lineedit_apply(&le, LINEEDIT_DELETE), "delete at the end changes nothing");

	lineedit_apply(&le, LINEEDIT_LEFT);
	lineedit_apply(&le, LINEEDIT_KILL_START);
	is_text(&le, "馆", "Ctrl-U removes what stands before the cursor");
	is_int(le.cursor, 0, "cursor at the start after Ctrl-U");
	lineedit_set(&le, "刘家庄养殖场");
	le.cursor = 3;
	lineedit_apply(&le, LINEEDIT_KILL_END);
	is_text(&le, "刘家庄", "Ctrl-K removes the rest");

	ok(!lineedit_insert(&le, L'\t'), "tab is not text");
	ok(!lineedit_insert(&le, 0x1b), "escape is not text");
	ok(!lineedit_insert(&le, 0x7f), "DEL is not text");
	ok(!lineedit_insert(&le, 0x9b), "C1 CSI is not text");
	is_text(&le, "刘家庄", "refused characters leave no trace");
	lineedit_clear(&le);
	ok(lineedit_empty(&le) && le.cursor == 0, "clear");
	lineedit_finish(&le);
}

static void test_rare_characters(void)
{
	struct lineedit le;
	lineedit_init(&le, 0);
	type(&le, "王𠀀䶮");
	is_int(le.len, 3, "an astral character is one character");
	is_int(lineedit_columns(&le, 0, le.len), 6, "U+20000 and U+4DAE are two columns each");
	is_text(&le, "王𠀀䶮", "astral round trip");
	lineedit_apply(&le, LINEEDIT_LEFT);
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	is_text(&le, "王䶮", "backspace removes the whole astral character");
	char buf[5];
	is_int(lineedit_encode(0x20000, buf), 4, "U+20000 encodes in four bytes");
	is_str(buf, "𠀀", "U+20000 bytes");
	lineedit_set(&le, "a\xff" "b\xe5\x90");
	is_text(&le, "ab", "invalid UTF-8 bytes are dropped");
	lineedit_set(&le, "x\ty");
	is_text(&le, "xy", "control characters are dropped on set");
	lineedit_finish(&le);
}

static void test_maxlen(void)
{
	struct lineedit le;
	lineedit_init(&le, 3);
	type(&le, "一二三四");
	is_text(&le, "一二三", "maxlen stops input");
	ok(!lineedit_insert(&le, L'a'), "full field refuses");
	ok(lineedit_full(&le), "and says it is full");
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	ok(!lineedit_full(&le), "not full after a deletion");
	lineedit_finish(&le);
	lineedit_init(&le, 0);
	type(&le, "一二三四");
	ok(!lineedit_full(&le), "a field without a limit is never full");
	lineedit_finish(&le);
}

static void test_view(void)
{
	struct lineedit le;
	struct lineedit_view v;
	lineedit_init(&le, 0);

	type(&le, "市场准入审批登记");
	lineedit_view(&le, 10, &v);
	is_int(v.first, 4, "scrolled to keep the cursor in view");
	is_int(v.count, 4, "four wide characters shown");
	is_int(v.used, 8, "eight columns used, a blank for the cursor");
	is_int(v.cursor_col, 8, "cursor after the text");
	ok(v.more_left && !v.more_right, "hidden text on the left only");

	lineedit_apply(&le, LINEEDIT_HOME);
	lineedit_view(&le, 10, &v);
	is_int(v.first, 0, "home scrolls back");
	is_int(v.count, 5, "five characters fill ten columns");
	is_int(v.cursor_col, 0, "cursor at the left edge");
	ok(!v.more_left && v.more_right, "hidden text on the right only");

	lineedit_view(&le, 9, &v);
	is_int(v.count, 4, "an odd width never splits a character");
	is_int(v.used, 8, "the last column stays blank");

	lineedit_set(&le, "a市场");
	lineedit_apply(&le, LINEEDIT_HOME);
	lineedit_view(&le, 4, &v);
	is_int(v.count, 2, "the character that would straddle the edge is not drawn");
	is_int(v.used, 3, "three columns used");

	lineedit_set(&le, "abc市");
	le.cursor = 3;
	le.first = 0;
	lineedit_view(&le, 4, &v);
	is_int(v.first, 1, "a wide character under the cursor needs both its columns");
	is_int(v.cursor_col, 2, "cursor on the wide character");
	is_int(v.count, 3, "b, c and the wide character");

	/* Moving left past the window scrolls by whole characters. */
	lineedit_set(&le, "一二三四五六");
	lineedit_view(&le, 6, &v);
	is_int(v.first, 4, "end: the last two shown");
	le.cursor = 2;
	lineedit_view(&le, 6, &v);
	is_int(v.first, 2, "left into hidden text scrolls just to the cursor");
	is_int(v.cursor_col, 0, "cursor at the left edge");

	/* Deleting on the right brings hidden text back from the left. */
	lineedit_set(&le, "一二三四五六");
	lineedit_view(&le, 6, &v);
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	lineedit_view(&le, 6, &v);
	is_int(v.first, 1, "text returns from the left once it fits");
	lineedit_apply(&le, LINEEDIT_BACKSPACE);
	lineedit_view(&le, 6, &v);
	is_int(v.first, 0, "all of it fits again");
	is_int(v.cursor_col, 4, "cursor after two wide characters");

	lineedit_set(&le, "𠀀𠀀𠀀𠀀");
	lineedit_view(&le, 5, &v);
	is_int(v.used, 4, "astral characters are two columns in the view");
	is_int(v.first, 2, "and scroll whole");

	lineedit_clear(&le);
	lineedit_view(&le, 1, &v);
	ok(v.count == 0 && v.cursor_col == 0, "an empty narrow field");
	lineedit_finish(&le);
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_editing();
	test_rare_characters();
	test_maxlen();
	test_view();
	return tap_done();
}
