#!/bin/bash
# A counter day played only by the key bar: a 设立业务, a 新农合补贴 for a
# household of 4, an 优待证 审验 whose name is mistyped and corrected, five
# consultations (one a group), a stray one undone; after a save a digit
# changes matter and is never saved as a name; the blank save refused; a
# returning citizen found by the pinyin initials of the name; the repeat
# warning on the status line.
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
# The key the bar names for LABEL, as tmux spells it: "Ctrl-G 更正" gives
# C-g; of "F2/Ctrl-S 保存" the plain one, C-s.
bar_key() {
	local name
	name=$(bar | grep -oE "[^ ]+ $1( |\$)" | head -1 | cut -d' ' -f1 | awk -F/ '{print $NF}')
	case $name in
	Ctrl-?) printf 'C-%s' "$(printf '%s' "${name#Ctrl-}" | tr 'A-Z' 'a-z')" ;;
	Esc) printf Escape ;;
	*) printf '%s' "$name" ;;
	esac
}

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
type_text a "赵伟国"
keys a Tab
type_text a "130125199002152343"
keys a Tab Tab Tab
wait_for a "选择分类"
keys a 2
wait_for a "分类      审验"
keys a C-s
wait_for a "已保存 SJFW-2021-000001"
ok $? "the 优待证 审验 saves"

# The name was mistyped (赵伟国 for 赵卫国): corrected by the keys the bar
# names, back on the matters.
keys a "$(bar_key 返回)"
wait_for a "Enter 开始登记"
key=$(bar_key 更正)
[ "$key" = C-g ]
ok $? "the bar names the correction key: $(bar)"
keys a "$key"
wait_for a "选择要更正的登记"
keys a "$(bar_key 确定)"
wait_for a "更正 SJFW-2021-000001  原登记"
wait_for a "申请人    赵伟国"
ok $? "the entry opens in its form"
keys a C-u
type_text a "赵卫国"
keys a "$(bar_key 保存)"
wait_for a "更正原因: 更正申请人"
ok $? "saving asks the reason, 更正申请人 filled in"
keys a "$(bar_key 确定)"
wait_for a "已更正 SJFW-2021-000001, 新编号 SJFW-2021-000002"
ok $? "corrected: the new serial on the status line"
keys a "$(bar_key 返回)"
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
list --all | grep -q "SJFW-2021-000001.*赵伟国.*作废.*更正为 SJFW-2021-000002"
ok $? "the mistyped one is kept, voided, 更正为 the new one"
list | grep -q "SJFW-2021-000002.*审验 *赵卫国 *130125\*\{8\}2343"
ok $? "the new one has the right name, the number and the category"
! list | grep -q "赵伟国"
ok $? "no live entry carries the wrong name"
list --all | grep -q "WSJK-2021-000008.*作废.*误操作撤销"
ok $? "the stray entry is kept, voided as 误操作撤销"
done_testing
