#!/bin/bash
# The counter at work, driven through a real terminal (tmux): log entries
# of each kind, a check that fails and keeps the form, rare name
# characters, a void, and the tally screen agreeing with `bianmin tally`.
. "$(dirname "$0")/lib.sh"

list() { "$BIN" --db "$DB" list --date "$DAY" "$@"; }
form_line() { screen a | grep -F -- "$1" | head -1; }

make_db
ok $? "database created"
start a 80 24
wait_for a "1 市场准入"
ok $? "home screen shows the windows"

# 设立业务 with a Chinese applicant, a credit code and a picked village.
keys a 1
wait_for a "市场准入窗口"
ok $? "1 opens 市场准入"
keys a Enter
type_text a "张记面馆"
keys a Tab
type_text a "92130125MA0XXXXX1M"
wait_for a "统一社会信用代码, 校验通过"
ok $? "the ID number is checked as typed"
keys a Tab
type_text a "y"
wait_for a "yc      杨村"
ok $? "the village picker filters as typed"
keys a Enter
wait_for a "备注"
keys a Enter
wait_for a "已保存 SCZR-2021-000001"
ok $? "Enter on the last field saves and shows the serial"
list | grep -q "SCZR-2021-000001.*设立业务.*张记面馆.*921301\*\*\*\*\*\*\*\*XX1M.*杨村"
ok $? "the entry is in the ledger with applicant, ID and village"
form_line "村        杨村" | grep -q 杨村
ok $? "the village is kept for the next citizen"
form_line "申请人" | grep -q 张记面馆
ok $((!$?)) "the applicant is cleared for the next citizen"

# A bad check digit: the reason on the status line, the cursor stays in
# the field, nothing else is lost.
type_text a "李四"
keys a Tab
type_text a "92130125MA0CD5678X"
keys a C-s
wait_for a "证件号码校验位不符，请对照证件核对"
ok $? "a failed ID check says why, not what the right character is"
form_line "申请人" | grep -q 李四
ok $? "the other fields are kept"
cursor=$(tm display-message -p -t =a: '#{cursor_y}')
[ "$cursor" = "$(screen a | grep -n '证件号码  9213' | cut -d: -f1 | awk '{print $1 - 1}')" ]
ok $? "the cursor stays in the ID field"
list | grep -q 李四
ok $((!$?)) "nothing is saved when the check fails"
keys a BSpace
type_text a "W"
keys a F2
wait_for a "已保存 SCZR-2021-000002"
ok $? "fixed and saved with F2"
list | grep -q "SCZR-2021-000002.*李四.*921301\*\*\*\*\*\*\*\*678W"
ok $? "the corrected ID is recorded"

# A consultation (人次): the digit and Enter, two keys a visit.
keys a Escape
keys a Escape
wait_for a "逾期"
keys a 4
wait_for a "涉军窗口"
keys a 2 Enter
wait_for a "已保存 SJFW-2021-000001"
ok $? "a 人次 matter saves with two keys"
keys a 2 Enter
wait_for a "已保存 SJFW-2021-000002"
ok $? "and again"
wait_for a "2 政策咨询            zx       2人次"
ok $? "the matter list counts the visits"

# 新农合补贴 (户+人): picked by typing its code; households and persons.
keys a Escape
keys a 2
wait_for a "卫生健康窗口"
type_text a "xnh"
wait_for a "│ 独生子女和双女户新农合补贴" && wait_for a "单位: 户+人"
ok $? "typing the code picks the matter"
keys a Enter
type_text a "刘桂兰"
keys a Tab Tab
type_text a "dnj"
keys a Tab
wait_for a "村        东南街"
ok $? "Tab takes the village the picker shows"
type_text a "2"
keys a Tab
type_text a "7"
keys a Tab Enter
wait_for a "已保存 WSJK-2021-000001"
ok $? "households and persons saved"
list | grep -q "WSJK-2021-000001.*刘桂兰.*东南街.*2户7人"
ok $? "the ledger has 2户7人"

# Rare characters: CJK extension A and B (U+4DAE, U+20000).
type_text a "王䶮𠀀"
keys a C-s
wait_for a "已保存 WSJK-2021-000002"
ok $? "a name with 䶮 and 𠀀 saves"
list | grep -q "WSJK-2021-000002.*王䶮𠀀"
ok $? "and reads back intact"
screen a | grep -qE "WSJK-2021-000002 +独生子女和\.\. +1户1人 +王䶮𠀀 +东南街"
ok $? "and lines up in today's list"

# Void the newest entry with a reason.
keys a C-x
wait_for a "选择要作废的登记"
ok $? "Ctrl-X starts a void"
keys a Enter
wait_for a "作废 WSJK-2021-000002  原因:"
type_text a "重复录入"
keys a Enter
wait_for a "已作废 WSJK-2021-000002"
ok $? "voided with a reason"
list | grep -q "WSJK-2021-000002"
ok $((!$?)) "a voided entry leaves the day's list"
list --all | grep -q "WSJK-2021-000002.*作废"
ok $? "but is kept, marked voided"

# Categories: 退役军人优待证 (个, 发放|审验|更换) picked from the list;
# 特困人员申请终止审核 is 人次 but has categories, so it has a form.
keys a Escape Escape
wait_for a "逾期"
keys a 4
wait_for a "涉军窗口"
keys a 1 Enter
type_text a "赵卫国"
keys a Tab Tab Tab Tab
wait_for a "选择分类"
ok $? "the category field lists the matter's options"
keys a Down
wait_for a "2 审验"
keys a Tab
wait_for a "分类      审验"
ok $? "Down and Tab pick 审验"
keys a C-s
wait_for a "已保存 SJFW-2021-000003"
"$BIN" --db "$DB" list --date "$DAY" --window sjfw --matter ydz --all >"$TMP/ydz"
grep -q "SJFW-2021-000003.*赵卫国" "$TMP/ydz"
ok $? "saved with its category"
keys a Escape Escape
wait_for a "逾期"
keys a 3
wait_for a "民生保障窗口"
type_text a "tk"
keys a Enter
wait_for a "分类"
keys a Tab Tab Tab
type_text a "终止"
keys a Tab
wait_for a "分类      终止"
ok $? "typing filters the options"
keys a Enter
wait_for a "已保存 MSBZ-2021-000001"
ok $? "a 人次 matter with categories saves through its form"
type_text a "x"
keys a Tab Tab Tab
type_text a "不存在"
keys a C-s
wait_for a "没有这个分类: 不存在"
ok $? "an unknown category is refused"

# The tally screen and `bianmin tally` agree, row by row.
# Esc closes the list, leaves the form, and asks before dropping it.
keys a Escape Escape Escape
wait_for a "表单未保存, 再按 Esc 放弃"
keys a Escape
wait_for a "逾期"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits with status 0"
start b 100 40
wait_for b "1 市场准入"
keys b T
wait_for b "当日统计  2021-03-15 星期一"
ok $? "T opens the day's tally"
figures='[0-9]+(项|件|人次|人|户|个|户[0-9]+人)$'
screen b | grep -E "$figures" | awk '{print $(NF-1), $NF}' >"$TMP/tui-tally"
"$BIN" --db "$DB" tally --date "$DAY" | grep -E "$figures" | awk '{print $(NF-1), $NF}' \
	>"$TMP/cli-tally"
[ -s "$TMP/cli-tally" ] && diff -u "$TMP/cli-tally" "$TMP/tui-tally" | sed 's/^/# /'
[ "${PIPESTATUS[0]}" = 0 ] && [ -s "$TMP/cli-tally" ]
ok $? "the tally screen shows every figure of bianmin tally"
grep -q "独生子女和双女户新农合补贴 2户7人" "$TMP/tui-tally"
ok $? "the void is left out of the tally"
grep -q "合计 2项" "$TMP/tui-tally" && grep -q "总计 7件" "$TMP/tui-tally"
ok $? "window and day totals"
keys b Left
wait_for b "当日统计  2021-03-14 星期日"
ok $? "Left shows the day before"
wait_re b "总计 +0件"
ok $? "which has no entries"
keys b Right c
wait_re b "王芳 +2 +1 +1 +3 +0 +7$"
ok $? "C shows entries per clerk"

# Search by serial, then void from the details (an administrator may void
# any entry).
keys b Escape
wait_for b "逾期"
keys b S
wait_for b "查询:"
type_text b "SCZR-2021-000001"
keys b Enter
wait_for b "找到 1 条"
ok $? "search by serial"
keys b Enter
wait_for b "登记详情"
wait_for b "92130125MA0XXXXX1M"
ok $? "the details show the ID number unmasked"
keys b C-x
wait_for b "作废原因:"
keys b Enter
wait_for b "请填写作废原因"
ok $? "a void needs a reason"
type_text b "申请人撤回"
keys b Enter
wait_for b "已作废 SCZR-2021-000001"
wait_for b "申请人撤回"
ok $? "voided from the details, the reason shown"
"$BIN" --db "$DB" list --date "$DAY" --all | grep -q "SCZR-2021-000001.*作废"
ok $? "the ledger has it voided"
keys b Escape Escape
wait_for b "查询:"
keys b C-u
type_text b "$DAY"
keys b Enter
wait_for b "找到 8 条"
ok $? "search by date lists the day's entries, voided ones too"

done_testing
