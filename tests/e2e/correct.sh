#!/bin/bash
# 更正 from the screens: from a window's list of today's entries and from a
# search's details, by the key the bar shows; the entry's values in its
# form, the reason asked with what changed, one step in the ledger; Esc one
# level back without saving; the name corrected away no longer offered.
# A clerk catching up with --date may undo a stray save, not correct.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
# The same business came on 2021-03-01: a correction repeats it.
"$BIN" --db "$DB" add -w sczr -m sl -a 张记面馆 -i 92130125MA0CD5678W -v yc --date 2021-03-01 \
	>/dev/null
ok $? "an earlier 设立业务"
list() { "$BIN" --db "$DB" list --date "$DAY" "$@"; }
bar() { screen a | tail -1; }
count() { sqlite3 "$DB" "SELECT count(*) FROM txn"; }

start a 80 24
wait_for a "1 市场准入"
# Into the window and its first matter's form by the arrows this time.
keys a Enter
wait_for a "Enter 开始登记"
keys a Enter
wait_for a "Enter 下一栏"
type_text a "张纪面馆"
keys a Tab
type_text a "92130125MA0CD5678W"
keys a Tab
type_text a "yc"
keys a C-s
wait_for a "已保存 SCZR-2021-000002"
ok $? "a 设立业务 with a wrong name saved"

# From the window's list: the bar names the key.
keys a Escape
wait_for a "Enter 开始登记"
bar | grep -q "Ctrl-G 更正"
ok $? "the window's bar offers Ctrl-G 更正"
keys a C-g
wait_for a "选择要更正的登记"
ok $? "Ctrl-G lists today's entries to choose from"
keys a Enter
wait_for a "更正 SCZR-2021-000002  原登记: 2021-03-15"
ok $? "Enter opens the entry's correction"
screen a | grep -q "申请人    张纪面馆" && screen a | grep -q "证件号码  92130125MA0CD5678W" &&
	screen a | grep -q "村        杨村"
ok $? "its values in the form"
bar | grep -q "F2/Ctrl-S 保存" && ! bar | grep -q "作废"
ok $? "the bar offers saving, not voiding: $(bar)"
keys a C-s
wait_for a "内容没有改动"
ok $? "saving it unchanged is no correction"

# Esc: one level back at each step, nothing saved.
keys a C-u
type_text a "张某"
keys a Escape
wait_for a "未更正 SCZR-2021-000002, 什么也没有保存"
ok $? "Esc in the form gives the correction up"
screen a | grep -q "选择要更正的登记"
ok $? "back in the list it was chosen from"
[ "$(count)" = 2 ] && list | grep -q "SCZR-2021-000002.*张纪面馆"
ok $? "nothing saved"
keys a Enter
wait_for a "更正 SCZR-2021-000002  原登记"
screen a | grep -q "申请人    张纪面馆"
ok $? "chosen again, the entry's own values, not what was typed before"
keys a C-u
type_text a "张记面馆"
keys a C-s
wait_for a "更正原因: 更正申请人"
ok $? "saving asks the reason, filled in with what changed"
bar | grep -q "Enter 确定"
ok $? "Enter confirms it: $(bar)"
keys a Escape
wait_for a "Tab 下一栏"
screen a | grep -q "申请人    张记面馆"
ok $? "Esc on the reason goes back to the form, the change kept"
[ "$(count)" = 2 ]
ok $? "still nothing saved"
keys a C-s
wait_for a "更正原因: 更正申请人"
keys a Enter
wait_for a "已更正 SCZR-2021-000002, 新编号 SCZR-2021-000003"
ok $? "Enter corrects: the new serial on the status line"
screen a | tail -3 | tr -d ' \n' | grep -qF "注意:此证件号码本年已办理过本事项(SCZR-2021-000001,2021-03-01)"
ok $? "and the repeat of the earlier entry, as after any save"
screen a | grep -qE "SCZR-2021-000002 .*张纪面馆 .*已更正"
ok $? "today's list marks the old one 已更正"
screen a | grep -qE "SCZR-2021-000003 .*张记面馆"
ok $? "and lists the new one"
screen a | grep -q "选择要更正的登记"
ok $((!$?)) "the list is done choosing"
bar | grep -q "撤销"
ok $((!$?)) "the save it corrected is no longer offered for undoing: $(bar)"
keys a C-z
wait_for a "只能在保存后两分钟内撤销"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM txn WHERE voided_at IS NOT NULL")" = 1 ]
ok $? "Ctrl-Z undoes neither the corrected entry nor the correction"
list --all | grep -q "SCZR-2021-000002.*张纪面馆.*作废.*更正为 SCZR-2021-000003.*更正申请人"
ok $? "list --all: the old one voided, 更正为 the new, with the reason"
list | grep -q "SCZR-2021-000003.*张记面馆 *921301\*\{8\}678W *杨村"
ok $? "the new one has the right name, number and village"

# The name corrected away is not offered any more.
keys a Enter
wait_for a "申请人"
type_text a "张"
wait_for a "来过的申请人"
screen a | grep -q "张记面馆" && ! screen a | grep -q "张纪面馆"
ok $? "completion offers the corrected name only"
keys a C-u Escape

# From a search's details.
keys a Escape
wait_for a "逾期"
keys a s
wait_for a "查询:"
type_text a "张记面馆"
keys a Enter
wait_for a "找到 2 条"
keys a Enter
wait_for a "登记详情"
bar | grep -q "Ctrl-G 更正"
ok $? "the details offer Ctrl-G 更正"
keys a C-g
wait_for a "更正 SCZR-2021-000003  原登记"
ok $? "Ctrl-G opens it in the window's form"
screen a | grep -q "市场准入窗口  更正"
ok $? "titled as a correction"
keys a Escape
wait_for a "登记详情"
ok $? "Esc goes back to the details"
keys a C-g
wait_for a "更正 SCZR-2021-000003  原登记"
keys a Tab Tab Tab
type_text a "补交章程"
keys a C-s
wait_for a "更正原因: 更正备注"
keys a C-u
type_text a "补记备注"
keys a Enter
wait_for a "已更正 SCZR-2021-000003, 新编号 SCZR-2021-000004"
ok $? "corrected from the details, the reason rewritten"
wait_for a "更正为      SCZR-2021-000004"
ok $? "the details now show the old one 更正为 the new"
screen a | grep -q "已作废"
ok $? "and voided"
screen a | grep -q "状态        办结 (已更正)"
ok $? "its status says it counts no more"
list --all | grep -q "SCZR-2021-000003.*更正为 SCZR-2021-000004.*补记备注"
ok $? "list --all agrees"
list | grep -q "SCZR-2021-000004.*张记面馆" &&
	[ "$(sqlite3 "$DB" "SELECT note FROM txn WHERE serial = 'SCZR-2021-000004'")" = 补交章程 ]
ok $? "the new one keeps the name and has the note"
[ "$(list | grep -c SCZR-2021)" = 1 ]
ok $? "one live 设立业务 left"
keys a Escape Escape Escape
wait_for a "逾期"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits"

# A clerk catching up on 2021-03-15's paper forms: a stray save is undone
# (its save is two seconds old, whatever the entry's day), but the day's
# entries are not the clerk's to void or correct.
"$BIN" --db "$DB" user add boss --name 赵主任 --role admin >/dev/null &&
	"$BIN" --db "$DB" user add "$(id -un)" --name 王芳 --role clerk >/dev/null
ok $? "this account made a clerk"
start a 80 24
wait_for a "补录"
keys a 2
wait_for a "卫生健康窗口"
type_text a "syzx"
keys a Enter
wait_for a "已保存 WSJK-2021-000001"
ok $? "the clerk records a consultation of 2021-03-15"
keys a C-z
wait_for a "已撤销 WSJK-2021-000001 (误操作撤销)"
ok $? "and undoes it"
list --all | grep -q "WSJK-2021-000001.*作废.*误操作撤销"
ok $? "voided as 误操作撤销"
# The name of an undone save is not offered afterwards.
keys a 1 Enter
wait_for a "Enter 下一栏"
type_text a "孙小美"
keys a C-s
wait_for a "已保存 WSJK-2021-000002"
keys a C-z
wait_for a "已撤销 WSJK-2021-000002"
type_text a "孙"
wait_for a "申请人    孙"
screen a | grep -q "来过的申请人"
ok $((!$?)) "the name of an undone save is not offered"
keys a C-u Escape
wait_for a "Enter 开始登记"
keys a C-g
wait_for a "经办人只能更正本人当天"
ok $? "Ctrl-G says a clerk corrects only entries of today"
keys a Escape
wait_for a "逾期"
keys a s
wait_for a "查询:"
type_text a "SCZR-2021-000004"
keys a Enter Enter
wait_for a "登记详情"
bar | grep -q "更正"
ok $((!$?)) "the details do not offer 更正 to the clerk"
keys a C-g
wait_for a "经办人只能更正"
ok $? "the key says why, in core's words"
keys a Escape Escape Escape
wait_for a "逾期"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits"

# Correcting an older entry after a newer save: the correction is the last
# save, and the undo key no longer reaches the save before it.
# (The clerk cannot make themselves admin again: the register is edited.)
sqlite3 "$DB" "UPDATE clerk SET role = 'admin' WHERE login = '$(id -un)'"
"$BIN" --db "$DB" add -w wsjk -m yt -a 钱七 --date "$DAY" >/dev/null
ok $? "an earlier entry of the day, 钱七 (WSJK-2021-000003)"
start a 80 24
wait_for a "1 市场准入"
keys a 2
wait_for a "卫生健康窗口"
type_text a "syzx"
keys a Enter
wait_for a "已保存 WSJK-2021-000004"
ok $? "a consultation saved"
keys a C-g
wait_for a "选择要更正的登记"
ok $? "Ctrl-G right after the save lists the day's entries"
keys a Down Enter
wait_for a "更正 WSJK-2021-000003"
ok $? "the older entry chosen for correction"
keys a C-u
type_text a "钱琪"
keys a C-s
wait_for a "更正原因"
keys a Enter
wait_for a "已更正 WSJK-2021-000003, 新编号 WSJK-2021-000005"
ok $? "and corrected"
keys a C-z
wait_for a "只能在保存后两分钟内撤销"
ok $? "Ctrl-Z then undoes nothing"
"$BIN" --db "$DB" list --all --date "$DAY" | grep "WSJK-2021-000004" | grep -q "作废"
ok $((!$?)) "the consultation saved before the correction stands"
keys a Escape
wait_for a "逾期"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits"
done_testing
