#!/bin/bash
# Esc goes exactly one level back, on every screen, and never records
# anything: a walk through home, a window's matters, a typed code, the
# entry form, the village and category lists, the leave-without-saving
# question, the persons prompt, the void list and its reason, 更正 (the
# list, the form, its reason; from the details too), the rating
# and a 差评's reason, help, the search (query, results with and without
# hits, details, the void and return reasons there), the tally, its date prompt and
# its week view, the report and its export question.  At the end the ledger holds exactly the entries meant.  (The receipt asks nothing: Ctrl-P writes it at once.)
. "$(dirname "$0")/lib.sh"

cli() { "$BIN" --db "$DB" "$@"; }

make_db
ok $? "database created"
cli add --date "$DAY" -w sczr -m sl -a 张记面馆 -v yc >/dev/null &&
	cli add --date "$DAY" -w sczr -m bg -a 李氏五金店 >/dev/null &&
	cli add --date "$DAY" -w sjfw -m zx >/dev/null
ok $? "three entries from the command line"
# 最低生活保障申请初审 as a 承诺件 of 5 working days, and one open case (due
# 03-22: neither 超期 nor 预警), for the details' 退回 reason.
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$SRC/data/catalog.csv" >"$TMP/catalog.csv"
cli catalog load "$TMP/catalog.csv" >/dev/null &&
	cli add --date "$DAY" -w msbz -m db -a 孙桂兰 >/dev/null
ok $? "and a 承诺件 still 受理"

HOME_MARK="无逾期未办结件"
# back WANT GONE DESCRIPTION: one Esc; then GONE (on the screen before,
# unless empty) goes and WANT is on the screen.
back() {
	keys s Escape
	{ [ -z "$2" ] || wait_gone s "$2"; } && wait_for s "$1"
	ok $? "$3"
}

# The pane's folder is the test's own: an export by mistake would land here.
cd "$TMP" || exit 1
start s 80 24
wait_for s "1 市场准入"
ok $? "home screen"

# Home is the top: Esc does nothing there, the program goes on.
keys s Escape '?'
wait_for s "按键说明"
ok $? "Esc on home leaves the program running (the next key opens help)"
[ ! -s "$TMP/s.exit" ]
ok $? "and it has not quit"
back "$HOME_MARK" "按键说明" "Esc closes the help of home, back to home"

# A window's matters.
keys s 1
wait_for s "市场准入窗口"
back "$HOME_MARK" "市场准入窗口" "Esc in a window's matters goes home"
keys s 1
wait_for s "市场准入窗口"
type_text s b
wait_for s "代码: b"
back "Enter 开始登记" "代码: b" "Esc forgets a half-typed matter code first"
screen s | grep -qF "市场准入窗口"
ok $? "and stays in the window"

# The form, a list in it, and a form with input.
keys s Enter
wait_for s "Ctrl-S 保存"
back "Enter 开始登记" "Ctrl-S 保存" "Esc in an empty form goes back to the matters"
back "$HOME_MARK" "市场准入窗口" "and the next Esc goes home"
keys s 1 Enter
type_text s "王五"
keys s Tab Tab
type_text s "杨"
wait_for s "选择村:"
back "列表已关闭" "选择村:" "Esc in the village list closes the list only"
screen s | grep -qF "申请人    王五"
ok $? "and the form keeps what was typed"
back "Enter 开始登记" "列表已关闭" "Esc in the form goes back to the matters, keeping the form"
back "表单未保存, 再按 Esc 放弃" "" "Esc with a half-filled form asks first"
screen s | grep -qF "市场准入窗口"
ok $? "and stays in the window"
back "$HOME_MARK" "市场准入窗口" "a second Esc leaves the window, dropping the form"

# The category list (numbered) of 退役军人优待证.
keys s 4
wait_for s "涉军窗口"
keys s 1 Enter
keys s Tab Tab Tab Tab
wait_for s "选择分类"
back "列表已关闭" "选择分类" "Esc in the category list closes the list only"
back "Enter 开始登记" "列表已关闭" "then the form, back to the matters"

# The persons prompt of a 人次 matter.
keys s 2
wait_for s "Enter 记一次"
keys s +
wait_for s "人数:"
type_text s "20"
back "按 Enter 记一次" "人数:" "Esc in the persons prompt goes back to the matters"
back "$HOME_MARK" "涉军窗口" "and then home"

# The void list and its reason prompt.
keys s 1
wait_for s "市场准入窗口"
keys s C-x
wait_for s "选择要作废的登记"
back "当日已录入" "选择要作废的登记" "Esc in the void list goes back to the window"
keys s C-x
wait_for s "选择要作废的登记"
keys s Enter
wait_for s "原因:"
type_text s "录错了"
back "选择要作废的登记" "原因:" "Esc in the void reason goes back to the list"
back "当日已录入" "选择要作废的登记" "and then to the window"
# The list opened from the form goes back to the form.
keys s Enter
wait_for s "Ctrl-S 保存"
keys s C-x
wait_for s "选择要作废的登记"
back "Ctrl-S 保存" "选择要作废的登记" "Esc in a void list opened from the form goes back to the form"

# 更正 from the window: the list to choose from, the entry's form, the
# reason asked at the save.
back "Enter 开始登记" "Ctrl-S 保存" "Esc in the form after the void list goes to the matters"
keys s C-g
wait_for s "选择要更正的登记"
ok $? "Ctrl-G lists the entries to correct"
back "当日已录入" "选择要更正的登记" "Esc in the list to correct goes back to the window"
keys s C-g
wait_for s "选择要更正的登记"
keys s Enter
wait_for s "更正 SCZR-2021-000002  原登记"
keys s C-u
type_text s "李氏五金商店"
keys s C-s
wait_for s "更正原因:"
ok $? "a changed correction asks its reason at the save"
back "Tab 下一栏" "更正原因:" "Esc in the correction's reason goes back to its form"
screen s | grep -qF "申请人    李氏五金商店"
ok $? "the change kept"
back "选择要更正的登记" "原登记" "Esc in the correction's form goes back to the list, saving nothing"
back "当日已录入" "选择要更正的登记" "and then to the window"
keys s Enter
wait_for s "Ctrl-S 保存"

# One save meant; then the rating and a 差评's reason.
type_text s "赵六"
keys s C-s
wait_for s "已保存 SCZR-2021-000003"
ok $? "one entry saved on purpose"
keys s C-r
wait_for s "评价 SCZR-2021-000003"
back "当日已录入" "评价 SCZR-2021-000003" "Esc in the rating goes back to the form, rating nothing"
keys s C-r
wait_for s "评价 SCZR-2021-000003"
keys s 1
wait_for s "非常不满意  原因:"
type_text s "态度"
back "5  非常满意" "原因:" "Esc in a 差评's reason goes back to the levels"
back "当日已录入" "评价 SCZR-2021-000003" "and then out of the rating"
keys s F1
wait_for s "按键说明"
back "当日已录入" "按键说明" "Esc closes the help of the form, back to the form"
screen s | grep -qF "Ctrl-S 保存"
ok $? "with the cursor still in the form"
back "Enter 开始登记" "Ctrl-S 保存" "Esc from the form after a save goes to the matters"
back "$HOME_MARK" "市场准入窗口" "and home"

# The search: the query, results with hits, the details and their void
# reason, results without hits.
keys s S
wait_for s "查询:"
back "$HOME_MARK" "查询:" "Esc in an empty search goes home"
keys s S
wait_for s "查询:"
type_text s "张记"
keys s Enter
wait_for s "找到 1 条"
keys s Enter
wait_for s "登记详情"
keys s C-x
wait_for s "作废原因:"
type_text s "不要"
back "登记详情" "作废原因:" "Esc in the details' void reason goes back to the details"
keys s C-g
wait_for s "市场准入窗口  更正"
ok $? "Ctrl-G in the details opens the correction in the window's form"
back "登记详情" "市场准入窗口  更正" "Esc there goes back to the details"
back "找到 1 条" "登记详情" "Esc in the details goes back to the results"
back "查询: 张记" "找到 1 条" "Esc in results with hits goes back to the query, results put away"
back "$HOME_MARK" "查询:" "and the next Esc goes home"
keys s S
wait_for s "查询:"
type_text s "孙桂兰"
keys s Enter
wait_for s "找到 1 条"
keys s Enter
wait_for s "登记详情"
keys s b
wait_for s "退回原因:"
ok $? "B on a case still 受理 asks the reason to return it"
type_text s "材料不全"
back "登记详情" "退回原因:" "Esc in the return reason goes back to the details"
back "找到 1 条" "登记详情" "then to the results"
back "查询: 孙桂兰" "找到 1 条" "then to the query"
back "$HOME_MARK" "查询:" "then home"
keys s S
wait_for s "查询:"
type_text s "无此人"
keys s Enter
wait_for s "没有找到"
back "查询: 无此人" "没有找到" "Esc after a search without hits goes back to the query too"
screen s | grep -qF "$HOME_MARK"
ok $((!$?)) "and does not leave the screen"
# What the clerk of the report typed next: the keys are a query, nothing
# is recorded.
keys s C-u
type_text s "2C38"
keys s Enter
wait_for s "查询: 2C38"
ok $? "the keys after that Esc are a new query"
keys s F1
wait_for s "按键说明"
back "查询: 2C38" "按键说明" "Esc closes the help of the query"
back "查询: 2C38" "没有找到" "Esc puts results without hits away"
back "$HOME_MARK" "查询:" "and the second Esc goes home, as with hits"

# The tally, its date prompt, and its week view.
keys s T
wait_for s "当日统计"
back "$HOME_MARK" "当日统计" "Esc in the tally goes home"
keys s T
wait_for s "当日统计"
keys s g
wait_for s "跳到日期:"
ok $? "g opens the tally's date prompt"
type_text s "2021-03-01"
back "当日统计  2021-03-15" "跳到日期:" "Esc in the date prompt goes back to the tally, on the same day"
keys s w
wait_for s "周统计"
ok $? "w shows the week"
back "$HOME_MARK" "周统计" "Esc in the week view goes home (a view is no level)"

# The report and its export question.
keys s R
wait_for s "年度统计"
keys s e
wait_for s "Esc 不导出"
back "没有导出" "Esc 不导出" "Esc in the export question exports nothing"
screen s | grep -qF "年度统计"
ok $? "and stays on the report"
back "$HOME_MARK" "年度统计" "Esc in the report goes home"
ls "$TMP"/bianmin-2021* >/dev/null 2>&1
ok $((!$?)) "no file was exported"

keys s q
wait_exit s >/dev/null
ok $? "q quits"

# The ledger: the four entries and the one saved, none voided, the case
# still open, no rating.
cli list --all --date "$DAY" >"$TMP/ledger"
[ "$(grep -c -- '-2021-' "$TMP/ledger")" = 5 ]
ok $? "the ledger holds five entries, the ones meant"
grep -q "MSBZ-2021-000001 .*孙桂兰.* 受理 " "$TMP/ledger"
ok $? "the 承诺件 is still 受理, not returned"
grep -q "SCZR-2021-000003 .*赵六" "$TMP/ledger"
ok $? "one of them the entry saved on purpose"
grep -q "作废" "$TMP/ledger"
ok $((!$?)) "none is voided"
cli audit >"$TMP/audit"
grep -qE "评价|作废|退回|更正" "$TMP/audit"
ok $((!$?)) "the audit has no rating, void, return or correction"

done_testing
