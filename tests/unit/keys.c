/* The terminal UI's key table: what each key means where, the rules the
 * table must keep (every F-key has a plain twin), and the key bar and help
 * generated from it.  keys.c is pure (no curses), so it is included here
 * to reach the table itself. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/tui/keys.c"
#include "tap.h"
#include "text.h"

static const unsigned screens[] = {
	CTX_HOME,
	CTX_MATTERS,
	CTX_FORM | CTX_TEXT,
	CTX_FORM | CTX_TEXT | CTX_PICKER,
	CTX_FORM | CTX_TEXT | CTX_PICKER | CTX_NUMBERED,
	CTX_ENTRIES,
	CTX_PROMPT | CTX_TEXT,
	CTX_TALLY,
	CTX_TALLY | CTX_WEEK,
	CTX_TALLY | CTX_MONTH | CTX_BY_CLERK,
	CTX_SEARCH | CTX_TEXT,
	CTX_RESULTS,
	CTX_DETAIL,
	CTX_REPORT,
	CTX_EXPORT_ASK,
};

static void test_twins(void)
{
	for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++) {
		const struct binding *b = &bindings[i];
		bool fkey = false, plain = false;
		for (const int *k = b->keys; *k; k++) {
			int code = *k & ~TUI_FN;
			if ((*k & TUI_FN) && code > 0410 && code <= 0410 + 64)
				fkey = true;
			else if (!(*k & TUI_FN))
				plain = true;
		}
		if (fkey)
			ok(plain, "binding %zu (%s) has a plain twin for its F-key", i, b->help);
	}
}

/* A pair on the bar ("Up/Down") is this binding and the next one: the
 * next must apply where this one does and say nothing on the bar itself. */
static void test_pairs(void)
{
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (b->bar != BAR_PAIR)
			continue;
		ok(i + 1 < NBINDINGS && b->bar_label && !bindings[i + 1].bar_label &&
			   (bindings[i + 1].ctx & b->ctx) == b->ctx,
		   "binding %zu (%s) pairs with the next", i, b->help);
	}
}

static void test_lookup(void)
{
	unsigned form = CTX_FORM | CTX_TEXT;
	is_int(keys_lookup(KF(2), form, NULL), ACT_SAVE, "F2 saves in a form");
	is_int(keys_lookup(CTRL('S'), form, NULL), ACT_SAVE, "Ctrl-S saves in a form");
	is_int(keys_lookup(KF(8), CTX_MATTERS, NULL), ACT_VOID, "F8 voids");
	is_int(keys_lookup(CTRL('X'), form, NULL), ACT_VOID, "Ctrl-X voids, even in a field");
	is_int(keys_lookup('?', CTX_HOME, NULL), ACT_HELP, "? is help on the home screen");
	is_int(keys_lookup('?', form, NULL), ACT_TEXT, "? is text in a field");
	is_int(keys_lookup(KF(1), form, NULL), ACT_HELP, "F1 is help in a field");
	is_int(keys_lookup('q', CTX_HOME, NULL), ACT_QUIT, "q quits from home");
	is_int(keys_lookup('q', CTX_MATTERS, NULL), ACT_PICK_MATTER, "q is a code letter in a window");
	is_int(keys_lookup('3', CTX_HOME, NULL), ACT_PICK_WINDOW, "a digit picks a window");
	is_int(keys_lookup('0', CTX_HOME, NULL), ACT_NONE, "0 picks nothing");
	is_int(keys_lookup('x', CTX_MATTERS, NULL), ACT_PICK_MATTER, "a letter types a code");
	is_int(keys_lookup('\r', form, NULL), ACT_ENTER_FIELD, "Enter in a field");
	is_int(keys_lookup('\t', form, NULL), ACT_NEXT_FIELD, "Tab in a field");
	unsigned numbered = form | CTX_PICKER | CTX_NUMBERED;
	is_int(keys_lookup('2', numbered, NULL), ACT_PICK_CHOICE,
	       "a digit picks from a numbered list, even in its field");
	is_int(keys_lookup('a', numbered, NULL), ACT_TEXT, "a letter there filters as text");
	is_int(keys_lookup('2', form | CTX_PICKER, NULL), ACT_TEXT,
	       "a digit is text in a list without numbers (村)");
	is_int(keys_lookup(TK_UP, form, NULL), ACT_PREV_FIELD, "Up goes to the field above");
	is_int(keys_lookup(TK_UP, form | CTX_PICKER, NULL), ACT_MOVE_UP,
	       "Up moves in a picker's list");
	is_int(keys_lookup(TK_LEFT, form, NULL), ACT_EDIT_LEFT, "Left moves the cursor in a field");
	is_int(keys_lookup(TK_LEFT, CTX_TALLY, NULL), ACT_PREV_DAY, "Left is the day before in a tally");
	is_int(keys_lookup(CTRL('A'), form, NULL), ACT_EDIT_HOME, "Ctrl-A");
	is_int(keys_lookup(CTRL('E'), form, NULL), ACT_EDIT_END, "Ctrl-E");
	is_int(keys_lookup(CTRL('U'), form, NULL), ACT_EDIT_KILL_START, "Ctrl-U");
	is_int(keys_lookup(127, form, NULL), ACT_EDIT_BACKSPACE, "DEL is backspace in a field");
	is_int(keys_lookup(127, CTX_MATTERS, NULL), ACT_CODE_ERASE, "and erases a typed code");
	is_int(keys_lookup(ESC, form, NULL), ACT_BACK, "Esc goes back");
	is_int(keys_lookup(ESC, CTX_HOME, NULL), ACT_NONE, "Esc does nothing on the home screen");
	is_int(keys_lookup(0x4e2d, form, NULL), ACT_TEXT, "a Chinese character is text");
	is_int(keys_lookup(0x20000, form, NULL), ACT_TEXT, "so is U+20000");
	is_int(keys_lookup(CTRL('C'), CTX_REPORT, NULL), ACT_INTERRUPT, "Ctrl-C anywhere");

	bool hidden[ACT_COUNT] = {false};
	hidden[ACT_REPORT] = true;
	is_int(keys_lookup('R', CTX_HOME, hidden), ACT_NONE, "a hidden action takes no key");
}

static bool contains(const char *s, const char *part)
{
	return strstr(s, part) != NULL;
}

static void test_bar(void)
{
	char *bar = keys_bar(CTX_HOME, NULL, 5);
	ok(contains(bar, "1-5 进入窗口") && contains(bar, "q 退出") && contains(bar, "F1/? 帮助"),
	   "home bar: %s", bar);
	free(bar);
	bool hidden[ACT_COUNT] = {false};
	hidden[ACT_REPORT] = true;
	bar = keys_bar(CTX_HOME, hidden, 5);
	ok(!contains(bar, "R "), "a hidden action is not on the bar");
	free(bar);
	bar = keys_bar(CTX_FORM | CTX_TEXT, NULL, 0);
	ok(contains(bar, "F2/Ctrl-S 保存") && contains(bar, "F1 帮助") && !contains(bar, "?"),
	   "form bar names F1 only, ? being text: %s", bar);
	free(bar);
	/* A key that switches between two views names the other one. */
	bar = keys_bar(CTX_TALLY, NULL, 0);
	ok(contains(bar, "C 按经办人") && !contains(bar, "按事项"), "tally by matter: %s", bar);
	free(bar);
	bar = keys_bar(CTX_TALLY | CTX_BY_CLERK, NULL, 0);
	ok(contains(bar, "C 按事项") && !contains(bar, "按经办人"), "tally by clerk: %s", bar);
	free(bar);
	is_int(keys_lookup('c', CTX_TALLY | CTX_BY_CLERK, NULL), ACT_BY_MATTER,
	       "C by clerk goes to by matter");
	/* Left/Right move by the period the tally shows, and say so. */
	is_int(keys_lookup(TK_LEFT, CTX_TALLY, NULL), ACT_PREV_DAY, "Left in the day view: a day back");
	is_int(keys_lookup(TK_RIGHT, CTX_TALLY | CTX_WEEK, NULL), ACT_NEXT_WEEK,
	       "Right in the week view: a week on");
	is_int(keys_lookup(TK_LEFT, CTX_TALLY | CTX_MONTH | CTX_BY_CLERK, NULL), ACT_PREV_MONTH,
	       "Left in the month view by clerk: a month back");
	bar = keys_bar(CTX_TALLY | CTX_WEEK, NULL, 0);
	ok(contains(bar, "Left/Right 换周") && !contains(bar, "换日") && !contains(bar, "换月") &&
		   contains(bar, "G 日期"),
	   "week view: %s", bar);
	free(bar);
	bar = keys_bar(CTX_TALLY | CTX_MONTH, NULL, 0);
	ok(contains(bar, "Left/Right 换月") && !contains(bar, "换日"), "month view: %s", bar);
	free(bar);
	is_int(keys_lookup('g', CTX_TALLY, NULL), ACT_GOTO_DATE, "g asks for a date");
	is_int(keys_lookup('W', CTX_TALLY | CTX_MONTH, NULL), ACT_VIEW_WEEK, "W shows the week");
	is_int(keys_lookup('g', CTX_PROMPT | CTX_TEXT, NULL), ACT_TEXT, "g in the date prompt is text");
	bar = keys_bar(CTX_REPORT | CTX_NARRATIVE, NULL, 5);
	ok(contains(bar, "n 表格") && !contains(bar, "文字"), "report text: %s", bar);
	free(bar);
	is_int(keys_lookup('n', CTX_REPORT | CTX_NARRATIVE, NULL), ACT_TABLE,
	       "n in the text goes back to the table");
	is_int(keys_lookup('n', CTX_REPORT, NULL), ACT_NARRATIVE, "n in the table shows the text");
	/* e asks which file: the workbook is the first answer and Enter's. */
	bar = keys_bar(CTX_EXPORT_ASK, NULL, 0);
	ok(strstr(bar, "x/Enter 工作簿 .xlsx") && strstr(bar, "c CSV") &&
		   strstr(bar, "x/Enter") < strstr(bar, "c CSV") && strstr(bar, "Esc"),
	   "export question: %s", bar);
	free(bar);
	is_int(keys_lookup('\r', CTX_EXPORT_ASK, NULL), ACT_EXPORT_XLSX, "Enter exports the workbook");
	is_int(keys_lookup('x', CTX_EXPORT_ASK, NULL), ACT_EXPORT_XLSX, "x too");
	is_int(keys_lookup('c', CTX_EXPORT_ASK, NULL), ACT_EXPORT_CSV, "c exports CSV");
	is_int(keys_lookup('1', CTX_EXPORT_ASK, NULL), ACT_NONE, "a window's digit waits for the answer");
	/* The undo key is on the bar only for a while after a save, and then
	 * in the place of 作废 (which still answers, and is in the help). */
	bool no_undo[ACT_COUNT] = {false}, undo_now[ACT_COUNT] = {false};
	no_undo[ACT_UNDO] = true;
	undo_now[ACT_VOID] = true;
	for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
		bar = keys_bar(screens[i], no_undo, 9);
		ok(text_width(bar) <= 80, "bar for context %#x fits 80 columns (%d)", screens[i],
		   text_width(bar));
		free(bar);
		bar = keys_bar(screens[i] | (screens[i] == (CTX_FORM | CTX_TEXT) ? CTX_FRESH : 0),
			       undo_now, 9);
		ok(text_width(bar) <= 80, "with the undo key too (%d): %s", text_width(bar), bar);
		free(bar);
	}
	bar = keys_bar(CTX_FORM | CTX_TEXT | CTX_FRESH, undo_now, 4);
	ok(contains(bar, "1-4 换事项") && contains(bar, "Ctrl-Z 撤销"),
	   "after a save the form's bar says how to change matter and to undo: %s", bar);
	free(bar);
	is_int(keys_lookup('7', CTX_FORM | CTX_TEXT | CTX_FRESH, NULL), ACT_SWITCH_MATTER,
	       "a digit in an empty form changes matter");
	is_int(keys_lookup('7', CTX_FORM | CTX_TEXT, NULL), ACT_TEXT, "once typing, it is text");
}

struct seen {
	bool edit_keys, question_mark;
	int lines;
};

static void note(const char *keys, const char *text, void *arg)
{
	struct seen *s = arg;
	s->lines++;
	if (strstr(keys, "Ctrl-U") && strstr(text, "删除"))
		s->edit_keys = true;
	if (strstr(keys, "?"))
		s->question_mark = true;
}

static void test_help(void)
{
	struct seen s = {0};
	keys_help(CTX_FORM | CTX_TEXT, NULL, 0, note, &s);
	ok(s.edit_keys, "help in a field lists the editing keys");
	ok(!s.question_mark, "and does not offer ? there");
	struct seen h = {0};
	keys_help(CTX_HOME, NULL, 5, note, &h);
	ok(h.question_mark && !h.edit_keys, "home help offers ? and no editing keys");
	/* The help screen has LINES-4 rows; at 80x24 everything must show. */
	for (size_t i = 0; i < sizeof screens / sizeof *screens; i++) {
		struct seen n = {0};
		keys_help(screens[i], NULL, 9, note, &n);
		ok(n.lines > 0 && n.lines <= 20, "help for context %#x: %d lines", screens[i], n.lines);
	}
}

/* The bar's key names come from the keys bound, never from text: pairs,
 * the first of several keys, and key classes in words. */
static void test_bar_names(void)
{
	char *bar = keys_bar(CTX_MATTERS, NULL, 4);
	ok(contains(bar, " 数字/代码 选事项") && contains(bar, "Up/Down 选择") &&
	   contains(bar, "Ctrl-X 作废") && contains(bar, "Ctrl-G 更正") && !contains(bar, "F8"),
	   "window bar, 作废 and 更正 by their plain keys: %s", bar);
	free(bar);
	is_int(keys_lookup(CTRL('G'), CTX_MATTERS, NULL), ACT_CORRECT, "Ctrl-G corrects");
	is_int(keys_lookup(KF(4), CTX_DETAIL, NULL), ACT_CORRECT, "F4 too, in a search's details");
	is_int(keys_lookup(CTRL('G'), CTX_FORM | CTX_TEXT, NULL), ACT_NONE,
	       "not from a form being filled");
	bar = keys_bar(CTX_DETAIL, NULL, 0);
	ok(contains(bar, "Ctrl-G 更正"), "the details offer it: %s", bar);
	free(bar);
	bar = keys_bar(CTX_FORM | CTX_TEXT, NULL, 0);
	ok(contains(bar, " Tab 下一栏") && !contains(bar, "Tab/Down"), "the first key only: %s", bar);
	free(bar);
	bar = keys_bar(CTX_RESULTS, NULL, 0);
	ok(contains(bar, "Esc/输入文字 改查询") && contains(bar, "PgUp/PgDn 翻页"), "results: %s", bar);
	free(bar);
	is_int(keys_lookup('a', CTX_RESULTS, NULL), ACT_TO_QUERY, "a letter in the results edits the query");
	is_int(keys_lookup('?', CTX_RESULTS, NULL), ACT_HELP, "but ? there is still help");
	bar = keys_bar(CTX_HELP, NULL, 0);
	is_str(bar, " Up/Down 翻看  其他键 返回", "the help's own bar, from the table");
	free(bar);
	bool hidden[ACT_COUNT] = {false};
	hidden[ACT_HELP_UP] = hidden[ACT_HELP_DOWN] = true;
	bar = keys_bar(CTX_HELP, hidden, 0);
	is_str(bar, " 任意键 返回", "and when it all fits");
	free(bar);
	is_int(keys_lookup(KF(5), CTX_HELP, NULL), ACT_HELP_CLOSE, "any key closes the help");
	is_str(keys_first_name(ACT_SAVE, CTX_FORM), "F2", "the first key of 保存");
	is_str(keys_plain_name(ACT_SAVE, CTX_FORM), "Ctrl-S", "its plain twin");
	is_str(keys_first_name(ACT_TALLY, CTX_HOME), "T", "T for the tally");
	is_str(keys_first_name(ACT_SAVE, CTX_HOME), "", "no name where the action is not bound");
	/* Paging in the lists of home and a window: in the help, not the bar
	 * (no room there at 80 columns). */
	bar = keys_bar(CTX_HOME, NULL, 5);
	ok(!contains(bar, "PgUp"), "home bar has no paging: %s", bar);
	free(bar);
	is_int(keys_lookup(TK_NPAGE, CTX_HOME, NULL), ACT_LIST_PAGE_DOWN, "PgDn still pages there");
	is_int(keys_lookup(TK_END, CTX_ENTRIES, NULL), ACT_LIST_END, "End in the void list");
	is_int(keys_lookup(TK_END, CTX_FORM | CTX_TEXT | CTX_PICKER, NULL), ACT_EDIT_END,
	       "End in a picker's field edits the text");
	is_int(keys_lookup('0', CTX_ENTRIES, NULL), ACT_JUMP, "0 types a serial's digit");
}

static void test_names(void)
{
	char buf[16];
	is_str(keys_name(KF(8), buf), "F8", "F8");
	is_str(keys_name(CTRL('X'), buf), "Ctrl-X", "Ctrl-X");
	is_str(keys_name(TK_BTAB, buf), "Shift-Tab", "Shift-Tab");
	is_str(keys_name('\r', buf), "Enter", "Enter");
}

int main(void)
{
	setlocale(LC_ALL, "");
	test_twins();
	test_pairs();
	test_lookup();
	test_bar();
	test_help();
	test_bar_names();
	test_names();
	return tap_done();
}
