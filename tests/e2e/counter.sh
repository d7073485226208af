#!/bin/bash
# What a new clerk runs into at the counter: terminals that cannot draw
# the screen, days that have not come yet, drafts, pickers, voiding,
# searching and the figures in today's list.
. "$(dirname "$0")/lib.sh"

list() { "$BIN" --db "$DB" list --date "$DAY" "$@"; }

make_db
ok $? "database created"

# A terminal without cursor addressing would get a garbled screen: refuse
# in Chinese, with status 1.
for term in dumb; do
	rm -f "$TMP/t-$term.exit"
	tm new-session -d -s "t-$term" -x 80 -y 24 \
		"env TERM=$term '$BIN' --db '$DB' --date $DAY 2>'$TMP/$term.err'; echo \$? > '$TMP/t-$term.exit'"
	[ "$(wait_exit "t-$term")" = 1 ] && grep -q "TERM=$term.*不能移动光标" "$TMP/$term.err"
	ok $? "TERM=$term is refused with a message and status 1"
done

# A working day after today cannot be chosen.
tomorrow=$(date -d tomorrow +%F)
out=$("$BIN" --db "$DB" --date "$tomorrow" 2>&1 </dev/null)
status=$?
[ $status = 2 ] && echo "$out" | grep -q "还没到"
ok $? "--date after today is refused with status 2"
out=$("$BIN" --db "$DB" --date "$(date +%F)" 2>&1 </dev/null)
[ $? = 1 ] && echo "$out" | grep -q "终端界面需要在终端中运行"
ok $? "--date today is accepted"

add() { "$BIN" --db "$DB" add --date "$DAY" "$@" >/dev/null; }
add --window wsjk --matter xnh --applicant 刘桂兰 --id 110101199003071233 --village dnj \
	--households 2 --persons 7
add --window sczr --matter sl --applicant 张记面馆 --village yc
ok $? "entries added from the command line"

# Search: the last four characters of a masked ID number find it; after a
# search, typing goes back to the query.
start s 80 24
wait_for s "1 市场准入"
keys s S
wait_for s "查询:"
type_text s "1233"
keys s Enter
wait_for s "找到 1 条" && wait_for s "110101********1233"
ok $? "the last four characters of an ID number find the entry"
wait_re s "Esc/输入文字 改查询"
ok $? "the key bar in the results says how to get back to the query"
type_text s "9"
wait_for s "查询: 12339"
ok $? "typing in the results goes on typing in the query"
keys s Enter
wait_for s "找到 0 条"
type_text s "x"
wait_for s "查询: 12339x"
ok $? "after finding nothing the query keeps the cursor"
keys s C-u
type_text s "刘"
keys s Enter
wait_for s "找到 1 条"
keys s C-u
wait_for s "查询:  "
type_text s "张"
keys s Enter
wait_for s "张记面馆"
ok $? "Ctrl-U in the results empties the query for a new one"
keys s Escape Escape
wait_for s "逾期"

# The category picker is numbered: a digit picks, as for matters.
keys s 4
wait_for s "涉军窗口"
keys s 1 Enter
type_text s "赵卫国"
keys s Tab Tab Tab Tab
wait_for s "1 发放"
wait_for s "选择分类: 按序号"
ok $? "the picker says its numbers pick"
keys s F1
wait_for s "按序号选分类" && screen s | grep -q "^  1-3 "
ok $? "and so does the help, for the digits 1-3"
keys s Escape
wait_gone s "按键说明"
keys s 2
wait_for s "分类      审验"
ok $? "2 picks 审验"
keys s 5
wait_for s "没有第 5 个分类"
ok $? "a digit past the list says so"
keys s C-s
wait_for s "已保存 SJFW-2021-000001"
list --window sjfw | grep -q "SJFW-2021-000001.*赵卫国" &&
"$BIN" --db "$DB" export --year 2021 | grep -q "SJFW-2021-000001.*审验"
ok $? "saved with the category picked by its number"
keys s Escape Escape Escape
wait_for s "逾期"

# Today's list gives each entry's figure in its matter's unit, and a name
# cut to fit ends in a mark.
keys s 2
wait_for s "卫生健康窗口"
wait_re s "WSJK-2021-000001 +独生子女和\.\. +2户7人 +刘桂兰 +东南街"
ok $? "today's list shows 2户7人 and marks the cut matter name"
screen s | grep -q "独生子女和双 "
ok $((!$?)) "no name is cut without the mark"
keys s Escape
wait_for s "逾期"

# A half-filled form is not thrown away by Esc without a word.
keys s 1
wait_for s "市场准入窗口"
keys s Enter
type_text s "未保存的申请人"
keys s Escape Escape
wait_for s "表单未保存, 再按 Esc 放弃"
ok $? "leaving the window with a half-filled form asks first"
wait_for s "市场准入窗口"
keys s Enter
wait_for s "申请人    未保存的申请人"
ok $? "the form is still there"
keys s Escape Escape Escape
wait_for s "逾期"
ok $? "Esc again leaves"
keys s 1
wait_for s "市场准入窗口"
keys s Escape
wait_for s "逾期"
ok $? "an empty form leaves at once"

# Esc in the village or category picker closes the list, not the form.
keys s 1 Enter
type_text s "孙某"
keys s Tab Tab
wait_for s "选择村"
keys s Escape
wait_gone s "选择村"
wait_for s "当日已录入"
ok $? "Esc closes the village list"
cursor=$(tm display-message -p -t =s: '#{cursor_y} #{cursor_flag}')
[ "$cursor" = "$(screen s | grep -n '│ 村$' | head -1 | cut -d: -f1 | awk '{print $1 - 1}') 1" ]
ok $? "and the cursor stays in the village field"
type_text s "y"
wait_for s "yc      杨村"
ok $? "typing opens it again"
keys s Escape Escape
wait_for s "申请人    孙某"
wait_for s "Enter 开始登记"
ok $? "a second Esc leaves the form for the matters, the input kept"
keys s Escape Escape
wait_for s "逾期"

# Voiding offers only what this account may void: a supervisor or admin
# every live entry, a clerk their own live entries of today.  (Core allows
# a clerk only the clock's today, so this part works on the real day.)
if command -v sqlite3 >/dev/null 2>&1; then
	today=$(date +%F)
	mine=$("$BIN" --db "$DB" add -w sjfw -m zx)
	gone=$("$BIN" --db "$DB" add -w sjfw -m zx)
	"$BIN" --db "$DB" void "$gone" --reason 重复 >/dev/null
	theirs=$("$BIN" --db "$DB" add -w sjfw -m zx)
	sqlite3 "$DB" "UPDATE txn SET clerk = 'e2e-other' WHERE serial = '$theirs'"
	offered() { # NAME: the serials listed under the void prompt
		screen "$1" | sed -n '/选择要作废的登记/,$p' | grep -oE 'SJFW-[0-9]{4}-[0-9]{6}' | sort | tr '\n' ' '
	}
	void_list() { # NAME
		rm -f "$TMP/$1.exit"
		tm new-session -d -s "$1" -x 80 -y 24 \
			"'$BIN' --db '$DB' --date $today; echo \$? > '$TMP/$1.exit'"
		wait_for "$1" "1 市场准入" && keys "$1" 4 && wait_for "$1" "$theirs" &&
			keys "$1" C-x && wait_for "$1" "选择要作废的登记"
	}
	void_list admin
	[ "$(offered admin)" = "$(printf '%s\n' "$mine" "$theirs" | sort | tr '\n' ' ')" ]
	ok $? "an administrator is offered every live entry, not the voided one"
	keys admin Escape Escape q
	wait_exit admin >/dev/null
	sqlite3 "$DB" "UPDATE clerk SET role = 'clerk'"
	void_list clerk
	[ "$(offered clerk)" = "$mine " ]
	ok $? "a clerk is offered only their own live entries"
	keys clerk Escape Escape q
	wait_exit clerk >/dev/null
	start pastday 80 24
	wait_for pastday "1 市场准入" && keys pastday 4 && wait_for pastday "涉军窗口"
	keys pastday C-x
	wait_for pastday "经办人只能作废本人当天"
	ok $? "a clerk on a day gone by is told why nothing is offered"
	keys pastday Escape Escape q
	wait_exit pastday >/dev/null

	# A clerk kept to 市场准入 is told at 涉军's door, before typing.
	sqlite3 "$DB" "UPDATE clerk SET windows = 'sczr'"
	start kept 80 24
	wait_for kept "1 市场准入" && keys kept 4 && wait_for kept "涉军窗口"
	wait_for kept "只负责市场准入窗口"
	ok $? "a window the clerk may not use says so on entering"
	keys kept 1 Enter
	wait_for kept "不能在涉军窗口录入"
	[ "$(tm display-message -p -t =kept: '#{cursor_flag}')" = 0 ]
	ok $? "and opens no form"
	keys kept Escape 1 Enter
	wait_for kept "市场准入窗口" && wait_for kept "申请人"
	[ "$(tm display-message -p -t =kept: '#{cursor_flag}')" = 1 ]
	ok $? "while the clerk's own window opens its form"
	# Searching, the clerk is told the results are their windows' only.
	keys kept Escape Escape
	wait_for kept "逾期" && keys kept s && wait_for kept "查询:"
	type_text kept "$mine"
	keys kept Enter
	wait_for kept "找到 0 条 (只查本人负责的窗口)"
	ok $? "a kept clerk's search says it reaches their windows only"
	keys kept Escape Escape q
	wait_exit kept >/dev/null
	sqlite3 "$DB" "UPDATE clerk SET role = 'admin', windows = ''"
else
	for i in 1 2 3 4 5 6 7; do echo "ok # SKIP sqlite3 is not installed"; tap_n=$((tap_n + 1)); done
fi

# From a search's details, voiding an entry that is voided already says
# so at once, before a reason is typed.
dup=$("$BIN" --db "$DB" add --date "$DAY" -w cxjs -m zx --applicant 重复的)
"$BIN" --db "$DB" void "$dup" --reason 重复 >/dev/null
start d 80 24
wait_for d "1 市场准入"
keys d S
type_text d "$dup"
keys d Enter
wait_for d "找到 1 条"
keys d Enter
wait_for d "登记详情"
keys d C-x
wait_for d "编号 $dup 已作废"
! screen d | grep -q "作废原因:"
ok $? "voiding a voided entry is refused before a reason is asked"
screen d | tail -1 | grep -q "作废"
ok $((!$?)) "the key bar of a voided entry offers no 作废"
wait_re d "登记时间    [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"
ok $? "the time it was logged reads as a date and a time"
keys d Escape Escape Escape q
wait_exit d >/dev/null
# A clerk registered with the login as the name is named once.
"$BIN" --db "$DB" user add "$(id -un)" --name "$(id -un)" --role admin >/dev/null
start d 80 24
wait_for d "1 市场准入"
keys d S
type_text d "$dup"
keys d Enter Enter
wait_for d "登记详情"
screen d | grep "经办人" | grep -q "^  经办人      $(id -un) *$"
ok $? "a clerk whose name is the login is named once"
keys d Escape Escape Escape q
wait_exit d >/dev/null

done_testing
