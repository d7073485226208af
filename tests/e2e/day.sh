#!/bin/bash
# A counter day played only by the key bar: a 设立业务, a 新农合补贴 for a
# household of 4, an 优待证 审验, five consultations (one a group), a stray
# one undone; after a save a digit changes matter and is never saved as a
# name; the blank save refused; a returning citizen found by the pinyin
# initials of the name; the repeat warning on the status line.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
# Last year's customers: the names the form offers.
"$BIN" --db "$DB" add -w sczr -m sl -a 张记面馆 -i 92130125MA0CD5678W -v yc --date 2021-03-01 \
	>/dev/null
"$BIN" --db "$DB" add -w wsjk -m xnh -a 刘桂兰 -i 130125198001011237 -v dnj --households 1 \
	--persons 4 --date 2021-01-05 >/dev/null
list() { "$BIN" --db "$DB" list --date "$DAY" "$@"; }
bar() { screen a | tail -1; }

start a 80 24
wait_for a "1 市场准入"
keys a 1
wait_for a "市场准入窗口"
keys a Enter
wait_for a "申请人"
# The blank save is refused, naming the field.
keys a C-s
wait_for a "需要申请人"
ok $? "a blank 设立业务 is refused, naming 申请人"
[ -z "$(list | grep SCZR-2021)" ]
ok $? "and nothing is saved"
bar | grep -q "1-4 换事项"
ok $? "an empty form's bar says the digits change matter"

# A returning citizen by the initials of the name: its ID and village come too.
type_text a "zjmg"
wait_for a "来过的申请人"
wait_for a "张记面馆"
ok $? "zjmg offers 张记面馆"
keys a Down Tab
wait_for a "证件号码  92130125MA0CD5678W"
ok $? "picking it fills the ID number"
wait_for a "村        杨村"
ok $? "and the village"
keys a C-s
wait_for a "已保存 SCZR-2021-000002"
ok $? "the 设立业务 saves"
# The message may take the two lines above the key bar.
said() {
	local i=0
	until screen a | tail -4 | tr -d ' \n' | grep -qF "$(printf '%s' "$1" | tr -d ' ')"; do
		[ $i -ge 50 ] && return 1
		sleep 0.1
		i=$((i + 1))
	done
}
said "注意: 此证件号码本年已办理过本事项 (SCZR-2021-000001, 2021-03-01)"
ok $? "the repeat is said on the status line"
bar | grep -q "Ctrl-Z 撤销"
ok $? "the bar offers the undo after the save"

# After the save the digit does what the bar says: 2 changes matter.
keys a 2
wait_for a "│ 变更业务"
ok $? "2 after a save picks 变更业务"
keys a Escape Escape
wait_for a "逾期"
list | grep -q ' 2 '
ok $((!$?)) "no entry named 2"

# 新农合补贴 for a household of 4.
keys a 2
wait_for a "卫生健康窗口"
type_text a "xnh"
wait_for a "单位: 户+人"
keys a Enter
type_text a "刘"
wait_for a "刘桂兰"
keys a Down Tab
wait_for a "证件号码  130125198001011237"
keys a Tab Tab
type_text a "1"
keys a Tab
type_text a "４"
wait_for a "人数      4"
ok $? "a full-width 4 in 人数 is the digit 4"
keys a Tab Enter
wait_for a "已保存 WSJK-2021-000002"
ok $? "the household of 4 saves"
list | grep -q "WSJK-2021-000002.*刘桂兰.*1户4人"
ok $? "as 1户4人"

# Five consultations, two keys each; the first after a save by its digit.
keys a 8
wait_for a "│ 生育政策咨询"
keys a Enter
wait_for a "已保存 WSJK-2021-000003"
ok $? "8 Enter after a save records a consultation"
keys a Enter
wait_for a "已保存 WSJK-2021-000004"
keys a Enter
wait_for a "已保存 WSJK-2021-000005"
keys a Enter
wait_for a "已保存 WSJK-2021-000006"
# A group: + asks the persons.
keys a +
wait_for a "人数:"
type_text a "20"
keys a Enter
wait_for a "已保存 WSJK-2021-000007"
ok $? "+ 20 Enter records a group"
# A stray key, undone at once.
keys a Enter
wait_for a "已保存 WSJK-2021-000008"
keys a C-z
wait_for a "已撤销 WSJK-2021-000008 (误操作撤销)"
ok $? "Ctrl-Z undoes the stray consultation, no question asked"
keys a C-z
wait_for a "只能在保存后两分钟内撤销"
ok $? "a second Ctrl-Z reaches no further"

# An 优待证 审验.
keys a Escape
wait_for a "逾期"
keys a 4
wait_for a "涉军窗口"
keys a 1 Enter
type_text a "赵卫国"
keys a Tab
type_text a "130125199002152343"
keys a Tab Tab Tab
wait_for a "选择分类"
keys a 2
wait_for a "分类      审验"
keys a C-s
wait_for a "已保存 SJFW-2021-000001"
ok $? "the 优待证 审验 saves"
keys a Escape Escape
wait_for a "逾期"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits"

# The day as the ledger has it: no wrong entry left.
"$BIN" --db "$DB" tally --date "$DAY" >"$TMP/tally"
grep -q "设立业务 .*1项" "$TMP/tally" && grep -q "新农合补贴 .*1户4人" "$TMP/tally"
ok $? "tally: 1 设立业务, 1户4人"
grep -q "生育政策咨询 .*24人次" "$TMP/tally"
ok $? "24人次: three visits, a group of 20, the stray one out"
grep -q "退役军人优待证 .*1个" "$TMP/tally"
ok $? "one 优待证"
list --all | grep -q "WSJK-2021-000008.*作废.*误操作撤销"
ok $? "the stray entry is kept, voided as 误操作撤销"
done_testing
