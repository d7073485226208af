#ifndef BIANMIN_TUI_KEYS_H
#define BIANMIN_TUI_KEYS_H
/* Keys become actions through one table, TUI_ACTIONS below; the key bar
 * and the F1 help are generated from the same table, so what they say
 * cannot drift from what the keys do.  Screens see actions, never raw
 * keys (except the character itself for text and typed codes).
 *
 * Every F-key has a plain twin: PuTTY's default F-keys do not match
 * TERM=xterm.  The twins are Ctrl keys that neither a matter's code
 * (letters, digits) nor line editing (Ctrl-A/E/U/K/D, Backspace) uses.
 * Where the bar has no room for both, it names the twin, which works on
 * every terminal (撤销, 作废 and 更正 on a window's 80 columns); the help
 * names both.  For the same room, a window's Enter (办理) is not on its
 * bar: the line beside the matters says it ("Enter 开始登记"). */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Where a binding applies.  A screen reports the contexts that hold at
 * the moment (a field with the cursor adds CTX_TEXT). */
enum tui_ctx {
	CTX_HOME    = 1 << 0,
	CTX_MATTERS = 1 << 1,  /* window screen: picking a matter */
	CTX_FORM    = 1 << 2,  /* window screen: an entry form field */
	CTX_PICKER  = 1 << 3,  /* a field with a list to choose from (村, 分类) */
	CTX_ENTRIES = 1 << 4,  /* choosing one of today's entries to void */
	CTX_PROMPT  = 1 << 5,  /* a one-line question (void reason) */
	CTX_TALLY   = 1 << 6,
	CTX_SEARCH  = 1 << 7,  /* the search field */
	CTX_RESULTS = 1 << 8,  /* search results */
	CTX_DETAIL  = 1 << 9,  /* one entry in full */
	CTX_REPORT  = 1 << 10, /* the annual report */
	CTX_NUMBERED = 1 << 11, /* the picker numbers its choices (分类): digits pick */
	CTX_BY_CLERK = 1 << 12, /* the tally shows entries per clerk */
	CTX_NARRATIVE = 1 << 13, /* the report shows its paragraph, not the table */
	CTX_EXPORT_ASK = 1 << 14, /* the report asks which file to export */
	CTX_TEXT    = 1 << 15, /* a text field has the cursor */
	CTX_HELP    = 1 << 16, /* the F1 help itself: none of the screens' keys */
	/* A window screen that has saved an entry, with no list open: its
	 * receipt and rating keys apply. */
	CTX_SAVED   = 1 << 17,
	CTX_RATE    = 1 << 18, /* choosing the level of a rating (好差评) */
	CTX_FRESH   = 1 << 19, /* an empty form, cursor in 申请人: digits change matter */
	CTX_WEEK    = 1 << 20, /* the tally shows a week */
	CTX_MONTH   = 1 << 21, /* the tally shows a month */
};
/* Every screen context; new CTX_ bits join it by themselves. */
#define CTX_ALL (~(unsigned)(CTX_TEXT | CTX_HELP))
#define CTX_LISTS (CTX_HOME | CTX_MATTERS | CTX_PICKER | CTX_ENTRIES | CTX_RESULTS)
/* The lists drawn by the list widget (the picker's Home/End edit text). */
#define CTX_CURSOR_LISTS (CTX_HOME | CTX_MATTERS | CTX_ENTRIES | CTX_RESULTS)
/* Lists whose paging the bar names; in the others it is in the help only
 * (the bar of home, of a window and of the tally has no room for it; the
 * tally shows where its page is, "1-18/29"). */
#define CTX_PAGED (CTX_RESULTS | CTX_REPORT)
#define CTX_QUIET_PAGED (CTX_HOME | CTX_MATTERS | CTX_ENTRIES | CTX_TALLY)

/* Function keys (KEY_* from curses) are kept apart from characters. */
#define TUI_FN 0x40000000
#define FK(k) (TUI_FN | (k))
#define KF(n) FK(0410 + (n)) /* KEY_F(n) */
#define CTRL(c) ((c) & 0x1f)
#define KC_DIGIT 0x20000001  /* any of 1-9 */
#define KC_LETTER 0x20000002 /* any ASCII letter */
#define KC_NUMBER 0x20000003 /* any of 0-9 */
#define KC_TEXT 0x20000004   /* any printable character */
#define KC_ANY 0x20000005    /* any key at all */
#define ESC 27

/* Curses key codes used below (kept numeric so this header needs no
 * curses.h; app.c checks them against curses at compile time). */
#define TK_DOWN FK(0402)
#define TK_UP FK(0403)
#define TK_LEFT FK(0404)
#define TK_RIGHT FK(0405)
#define TK_HOME FK(0406)
#define TK_BACKSPACE FK(0407)
#define TK_DC FK(0512)
#define TK_NPAGE FK(0522)
#define TK_PPAGE FK(0523)
#define TK_ENTER FK(0527)
#define TK_BTAB FK(0541)
#define TK_END FK(0550)

#define KEYS(...) ((const int[]){__VA_ARGS__, 0})
#define ENTER_KEYS '\n', '\r', TK_ENTER

/* How a binding's keys are named on the bar, always from its keys:
 * BAR_KEYS every key that works ("F2/Ctrl-S"), BAR_FIRST the first one
 * ("Tab" of Tab and Down), BAR_PAIR the first of this binding and of the
 * next one together ("Up/Down", "Left/Right"), BAR_WORDS the key classes
 * in words (digits 数字, letters 代码).  The help names every key. */
enum keys_bar_style { BAR_KEYS, BAR_FIRST, BAR_PAIR, BAR_WORDS };

/* name, contexts, how the bar names the keys, bar label (NULL: help
 * only), help text, keys.  Order matters: the first binding that applies
 * wins, so narrower contexts come first. */
#define TUI_ACTIONS(X) \
	X(PICK_WINDOW, CTX_HOME, BAR_KEYS, "进入窗口", "按序号进入窗口", KEYS(KC_DIGIT)) \
	X(PICK_MATTER, CTX_MATTERS, BAR_WORDS, "选事项", \
	  "按序号或输入事项代码选择事项", KEYS(KC_DIGIT, KC_LETTER)) \
	X(PICK_CHOICE, CTX_NUMBERED, BAR_KEYS, NULL, "按序号选分类 (列表上方也有说明)", KEYS(KC_DIGIT)) \
	X(SWITCH_MATTER, CTX_FRESH, BAR_KEYS, "换事项", \
	  "表单为空时: 按序号换事项 (再按 Enter 办理)", KEYS(KC_DIGIT)) \
	X(PERSONS, CTX_MATTERS, BAR_KEYS, NULL, "人次事项: 输入人数后记一次 (如一场宣传 20 人)", \
	  KEYS('+', '*')) \
	X(MOVE_UP, CTX_LISTS, BAR_PAIR, "选择", "上移一行", KEYS(TK_UP)) \
	X(MOVE_DOWN, CTX_LISTS, BAR_KEYS, NULL, "下移一行", KEYS(TK_DOWN)) \
	X(JUMP, CTX_ENTRIES, BAR_KEYS, NULL, "输入编号末尾的数字, 跳到该登记", KEYS(KC_NUMBER)) \
	X(OPEN, CTX_HOME, BAR_KEYS, NULL, "进入选中的窗口", KEYS(ENTER_KEYS)) \
	X(TALLY, CTX_HOME, BAR_KEYS, "今日统计", "各窗口各事项当日统计", KEYS('T', 't')) \
	X(REPORT, CTX_HOME, BAR_KEYS, "年报", "年度统计报表", KEYS('R', 'r')) \
	X(SEARCH, CTX_HOME, BAR_KEYS, "查询", "按编号、申请人、证件号码或日期查询", KEYS('S', 's')) \
	X(DO_MATTER, CTX_MATTERS, BAR_KEYS, NULL, \
	  "人次事项: 记一次; 其他事项: 填写登记表", KEYS(ENTER_KEYS)) \
	X(CODE_ERASE, CTX_MATTERS | CTX_ENTRIES, BAR_KEYS, NULL, "删除已输入的代码或编号", \
	  KEYS(TK_BACKSPACE, 127, 8)) \
	X(PREV_YEAR, CTX_REPORT, BAR_PAIR, "换年", "前一年", KEYS(TK_LEFT)) \
	X(NEXT_YEAR, CTX_REPORT, BAR_KEYS, NULL, "后一年", KEYS(TK_RIGHT)) \
	X(SHOW_WINDOW, CTX_REPORT, BAR_KEYS, "窗口", "按序号看某一窗口", KEYS(KC_DIGIT)) \
	X(NEXT_WINDOW, CTX_REPORT, BAR_FIRST, NULL, "下一个窗口", KEYS('\t', TK_DOWN)) \
	X(PREV_WINDOW, CTX_REPORT, BAR_KEYS, NULL, "上一个窗口", KEYS(TK_BTAB, TK_UP)) \
	X(EXPORT, CTX_REPORT, BAR_KEYS, "导出", \
	  "把本年度办件导出到当前目录: 先选 Excel 工作簿 (.xlsx) 或 CSV", KEYS('e', 'E')) \
	X(EXPORT_XLSX, CTX_EXPORT_ASK, BAR_KEYS, "工作簿 .xlsx", \
	  "导出为 Excel/WPS 工作簿: 证件号码、编号、备注保持原样", KEYS('x', 'X', ENTER_KEYS)) \
	X(EXPORT_CSV, CTX_EXPORT_ASK, BAR_KEYS, "CSV", \
	  "导出为 CSV (导入用的格式; 用 Excel 打开会把证件号码变成数字)", KEYS('c', 'C')) \
	X(TABLE, CTX_NARRATIVE, BAR_KEYS, "表格", "回到统计表格", KEYS('n', 'N')) \
	X(NARRATIVE, CTX_REPORT, BAR_KEYS, "文字", "看年度报告文字", KEYS('n', 'N')) \
	X(PAGE_UP, CTX_PAGED, BAR_PAIR, "翻页", "上一页", KEYS(TK_PPAGE)) \
	X(PAGE_DOWN, CTX_PAGED, BAR_KEYS, NULL, "下一页", KEYS(TK_NPAGE)) \
	X(LIST_PAGE_UP, CTX_QUIET_PAGED, BAR_KEYS, NULL, "上一页", KEYS(TK_PPAGE)) \
	X(LIST_PAGE_DOWN, CTX_QUIET_PAGED, BAR_KEYS, NULL, "下一页", KEYS(TK_NPAGE)) \
	X(LIST_HOME, CTX_CURSOR_LISTS, BAR_KEYS, NULL, "到第一行", KEYS(TK_HOME)) \
	X(LIST_END, CTX_CURSOR_LISTS, BAR_KEYS, NULL, "到最后一行", KEYS(TK_END)) \
	X(NEXT_FIELD, CTX_FORM, BAR_FIRST, "下一栏", "到下一栏", KEYS('\t', TK_DOWN)) \
	X(PREV_FIELD, CTX_FORM, BAR_KEYS, NULL, "到上一栏", KEYS(TK_BTAB, TK_UP)) \
	X(ENTER_FIELD, CTX_FORM, BAR_KEYS, NULL, "到下一栏; 在最后一栏时保存", KEYS(ENTER_KEYS)) \
	X(SAVE, CTX_FORM, BAR_KEYS, "保存", "保存本条登记", KEYS(KF(2), CTRL('S'))) \
	X(UNDO, CTX_MATTERS | CTX_FORM, BAR_FIRST, "撤销", \
	  "撤销刚保存的一条 (保存后两分钟内, 不再询问; 作废原因: 误操作撤销)", \
	  KEYS(CTRL('Z'), KF(9))) \
	X(VOID, CTX_MATTERS | CTX_FORM | CTX_DETAIL, BAR_FIRST, "作废", \
	  "作废一条登记 (经办人: 本人当日的; 主管: 任意)", KEYS(CTRL('X'), KF(8))) \
	X(CORRECT, CTX_MATTERS | CTX_DETAIL, BAR_FIRST, "更正", \
	  "更正一条登记: 原内容填入表单, 改好后保存并写明原因", \
	  KEYS(CTRL('G'), KF(4))) \
	X(RECEIPT, CTX_SAVED, BAR_KEYS, NULL, \
	  "为刚保存的承诺件出具受理回执 (交打印命令, 或写入当前目录的文件)", KEYS(KF(6), CTRL('P'))) \
	X(RATE, CTX_SAVED, BAR_KEYS, NULL, "请群众评价刚保存的一件 (好差评)", \
	  KEYS(KF(7), CTRL('R'))) \
	X(RATE_LEVEL, CTX_RATE, BAR_KEYS, "评价", \
	  "5 非常满意  4 满意  3 基本满意  2 不满意  1 非常不满意", KEYS(KC_DIGIT)) \
	X(MARK_DONE, CTX_DETAIL, BAR_KEYS, "办结", "受理中的承诺件: 标为办结", KEYS('D', 'd')) \
	X(MARK_RETURNED, CTX_DETAIL, BAR_KEYS, "退回", "受理中的承诺件: 退回 (须说明原因)", \
	  KEYS('B', 'b')) \
	X(CONFIRM, CTX_ENTRIES | CTX_PROMPT | CTX_SEARCH | CTX_RESULTS, BAR_KEYS, "确定", \
	  "确定", KEYS(ENTER_KEYS)) \
	X(PREV_WEEK, CTX_WEEK, BAR_PAIR, "换周", "前一周", KEYS(TK_LEFT)) \
	X(NEXT_WEEK, CTX_WEEK, BAR_KEYS, NULL, "后一周", KEYS(TK_RIGHT)) \
	X(PREV_MONTH, CTX_MONTH, BAR_PAIR, "换月", "前一个月", KEYS(TK_LEFT)) \
	X(NEXT_MONTH, CTX_MONTH, BAR_KEYS, NULL, "后一个月", KEYS(TK_RIGHT)) \
	X(PREV_DAY, CTX_TALLY, BAR_PAIR, "换日", "前一天", KEYS(TK_LEFT)) \
	X(NEXT_DAY, CTX_TALLY, BAR_KEYS, NULL, "后一天", KEYS(TK_RIGHT)) \
	X(GOTO_DATE, CTX_TALLY, BAR_KEYS, "日期", \
	  "跳到某一天 (YYYY-MM-DD, 也可 2021/6/1)", KEYS('G', 'g')) \
	X(VIEW_DAY, CTX_TALLY, BAR_KEYS, "日", "按日统计", KEYS('D', 'd')) \
	X(VIEW_WEEK, CTX_TALLY, BAR_KEYS, "周", "按周统计 (星期一至星期日)", KEYS('W', 'w')) \
	X(VIEW_MONTH, CTX_TALLY, BAR_KEYS, "月", "按月统计 (自然月)", KEYS('M', 'm')) \
	X(BY_MATTER, CTX_BY_CLERK, BAR_KEYS, "按事项", "按事项统计", KEYS('C', 'c')) \
	X(BY_CLERK, CTX_TALLY, BAR_KEYS, "按经办人", "按经办人统计", KEYS('C', 'c')) \
	X(EDIT_LEFT, CTX_TEXT, BAR_KEYS, NULL, "光标左移一字", KEYS(TK_LEFT, CTRL('B'))) \
	X(EDIT_RIGHT, CTX_TEXT, BAR_KEYS, NULL, "光标右移一字", KEYS(TK_RIGHT, CTRL('F'))) \
	X(EDIT_HOME, CTX_TEXT, BAR_KEYS, NULL, "光标到行首", KEYS(TK_HOME, CTRL('A'))) \
	X(EDIT_END, CTX_TEXT, BAR_KEYS, NULL, "光标到行尾", KEYS(TK_END, CTRL('E'))) \
	X(EDIT_BACKSPACE, CTX_TEXT, BAR_KEYS, NULL, "删除光标前一字", KEYS(TK_BACKSPACE, 127, 8)) \
	X(EDIT_DELETE, CTX_TEXT, BAR_KEYS, NULL, "删除光标处一字", KEYS(TK_DC, CTRL('D'))) \
	X(EDIT_KILL_START, CTX_TEXT, BAR_KEYS, NULL, "删除光标前全部", KEYS(CTRL('U'))) \
	X(EDIT_KILL_END, CTX_TEXT, BAR_KEYS, NULL, "删除光标后全部", KEYS(CTRL('K'))) \
	X(TO_QUERY, CTX_RESULTS, BAR_KEYS, "改查询", \
	  "回到查询栏修改条件 (直接输入文字或 Ctrl-U 也回到查询栏)", KEYS(ESC, KC_TEXT)) \
	X(BACK, CTX_ALL & ~CTX_HOME, BAR_KEYS, "返回", "返回上一级 (取消)", KEYS(ESC)) \
	X(HELP, CTX_ALL, BAR_KEYS, "帮助", "显示本屏的按键说明", KEYS(KF(1), '?')) \
	X(INTERRUPT, CTX_ALL, BAR_KEYS, NULL, "立即退出程序 (未保存的输入不保留)", KEYS(CTRL('C'))) \
	X(QUIT, CTX_HOME, BAR_KEYS, "退出", "退出程序", KEYS('q', 'Q')) \
	X(HELP_UP, CTX_HELP, BAR_PAIR, "翻看", "上移一行", KEYS(TK_UP, TK_PPAGE)) \
	X(HELP_DOWN, CTX_HELP, BAR_KEYS, NULL, "下移一行", KEYS(TK_DOWN, TK_NPAGE)) \
	X(HELP_CLOSE, CTX_HELP, BAR_KEYS, "返回", "关闭说明", KEYS(KC_ANY))

enum action {
	ACT_NONE,
	ACT_TEXT, /* a printable character for the field with the cursor */
#define TUI_ACTION_ENUM(name, ...) ACT_##name,
	TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACT_COUNT
};

/* The action a key means in `ctx`; ACT_TEXT for a printable character
 * when ctx has CTX_TEXT (but a digit picks when ctx has CTX_NUMBERED);
 * ACT_NONE when nothing is bound.  `hidden` is a
 * set of actions (bit per action) not offered right now. */
enum action keys_lookup(int key, unsigned ctx, const bool *hidden);

/* The key bar for ctx, as one UTF-8 line; `ndigits` > 0 names the digit
 * keys that pick something "1-N". */
char *keys_bar(unsigned ctx, const bool *hidden, int ndigits);

/* The help lines for ctx: "key names" and what they do. */
typedef void (*keys_help_fn)(const char *keys, const char *text, void *ctx);
void keys_help(unsigned ctx, const bool *hidden, int ndigits, keys_help_fn fn, void *arg);

/* For text that names a key ("Enter 下一栏"): the first key bound to act
 * that works in ctx, and the first plain one (not an F-key: "Ctrl-S"),
 * from the table; "" when none does.  Good for four at a time. */
const char *keys_first_name(enum action act, unsigned ctx);
const char *keys_plain_name(enum action act, unsigned ctx);

/* "F2", "Ctrl-S", "Enter", "Up", "q" ... (static or into buf). */
const char *keys_name(int key, char buf[16]);

#endif
