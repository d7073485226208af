#!/bin/bash
# Every screen at 80x24 compared with a dump in tests/e2e/expected/, so a
# column that slips by one fails; resizing below 80x24 and back; the
# terminals we promise (TERM), monochrome, and the UTF-8 check.
. "$(dirname "$0")/lib.sh"

add() { "$BIN" --db "$DB" add --date "$DAY" "$@" >/dev/null; }

make_db
ok $? "database created"
add --window sczr --matter sl --applicant 张记面馆 --id 92130125MA0XXXXX1M --village yc
add --window sczr --matter bg --applicant 李氏五金店 --village dnj
add --window sczr --matter zx --applicant 刘家庄养殖场 --village ljz
add --window wsjk --matter xnh --applicant 王䶮𠀀 --id 11010519491231002X --village blbc \
	--households 2 --persons 7
add --window wsjk --matter syzx
add --window sjfw --matter ydz --applicant 赵卫国 --category 审验
ok $? "entries added from the command line"

start s 80 24
wait_for s "1 市场准入"
expect_screen s home.txt "home"

keys s '?'
wait_for s "按键说明"
expect_screen s help-home.txt "help on the home screen"
keys s Space
wait_gone s "按键说明"

keys s 1
wait_for s "当日已录入"
expect_screen s window-sczr.txt "window screen with today's entries"

keys s Enter
type_text s "王䶮𠀀"
keys s Tab
type_text s "1101051949"
wait_for s "1101051949"
expect_screen s form-id.txt "entry form checking a half-typed ID number"

keys s Tab
type_text s "村"
wait_for s "选择村"
expect_screen s picker.txt "village picker filtered by name"

keys s BTab BTab
type_text s "北京市朝阳区建国门外大街一号国际贸易中心写字楼"
wait_for s "贸易中心写字楼"
expect_screen s form-long.txt "long input scrolls without splitting a character"

keys s F1
wait_for s "按键说明"
expect_screen s help-form.txt "help in a text field lists the editing keys"
keys s Escape
wait_gone s "按键说明"

keys s Escape Escape
wait_for s "表单未保存, 再按 Esc 放弃"
keys s Escape
wait_for s "逾期"
keys s 2
wait_for s "卫生健康窗口"
wait_for s "WSJK-2021-000002"
expect_screen s window-wsjk.txt "卫生健康 with a 户+人 figure"

keys s Escape
wait_for s "逾期"
keys s T
wait_for s "当日统计"
expect_screen s tally.txt "tally, first page"
keys s NPage
wait_for s "总计"
expect_screen s tally-page2.txt "tally, second page names the window again"
keys s c
wait_for s "经办人"
expect_screen s tally-clerk.txt "tally by clerk"

keys s Escape
wait_for s "逾期"
keys s S
wait_for s "查询:"
type_text s "王"
keys s Enter
wait_for s "找到 1 条"
expect_screen s search.txt "search results mask the ID number"
keys s Enter
wait_for s "登记详情"
expect_screen s detail.txt "details show the ID number in full"

# Too small, then larger than before: the message, then the screen.
tm resize-window -t =s: -x 60 -y 20
wait_for s "终端窗口太小"
expect_screen s too-small.txt "smaller than 80x24 says so"
keys s x
wait_for s "终端窗口太小"
ok $? "keys do nothing while too small"
tm resize-window -t =s: -x 100 -y 30
wait_for s "登记详情"
ok $? "growing back restores the screen"
expect_screen s detail-100x30.txt "and lays it out for 100x30"
keys s Escape Escape Escape
wait_for s "逾期"
keys s q
[ "$(wait_exit s)" = 0 ]
ok $? "quits cleanly after resizing"

# Started too small: the message at once, and q still leaves the home
# screen (a script typing q into a small pseudo-terminal must not hang).
start tiny 60 20
wait_for tiny "终端窗口太小"
ok $? "started in 60x20: the message"
keys tiny q
[ "$(wait_exit tiny)" = 0 ]
ok $? "q quits from the home screen even when too small"

# The terminals promised.  Inside tmux any of these must draw the home
# screen and take keys.  (For xterm, ncurses draws rules in the VT100
# character set, which capture-pane reports as the letters behind it.)
for term in xterm screen tmux-256color linux; do
	start "t-$term" 80 24 "TERM=$term"
	wait_for "t-$term" "1 市场准入" && wait_for "t-$term" "  合计"
	ok $? "TERM=$term draws the home screen"
	if [ "$term" = screen ] || [ "$term" = tmux-256color ]; then
		screen "t-$term" | grep -q "^──────"
		ok $? "TERM=$term draws rules with line drawing characters"
	fi
	keys "t-$term" 1
	wait_for "t-$term" "市场准入窗口"
	ok $? "TERM=$term takes keys"
	keys "t-$term" Escape q
	[ "$(wait_exit "t-$term")" = 0 ]
	ok $? "TERM=$term quits cleanly"
done

# Colour only when the terminal has it and NO_COLOR is not set; the
# selection shows in reverse video either way.
start colour 80 24 "TERM=screen"
wait_for colour "1 市场准入"
tm capture-pane -e -p -t =colour: | grep -q $'\e\\[36m'
ok $? "colours on a colour terminal"
start mono 80 24 "TERM=screen NO_COLOR=1"
wait_for mono "1 市场准入"
tm capture-pane -e -p -t =mono: >"$TMP/mono"
! grep -q $'\e\\[3[0-7]m' "$TMP/mono" && grep -q $'\e\\[7m' "$TMP/mono"
ok $? "NO_COLOR: no colours, selection in reverse video"

# Without a UTF-8 locale Chinese cannot be shown or typed: refuse, in
# Chinese, before touching the terminal.
out=$(LC_ALL=C "$BIN" --db "$DB" 2>&1 </dev/null)
status=$?
[ $status = 1 ] && echo "$out" | grep -q "UTF-8"
ok $? "a non-UTF-8 locale is refused with a clear message"

out=$("$BIN" --db "$DB" 2>&1 </dev/null)
status=$?
[ $status = 1 ] && echo "$out" | grep -q "终端界面需要在终端中运行"
ok $? "without a terminal the UI refuses instead of waiting for keys"

# An account the clerk table does not know sees nothing: the UI does not
# start, and the message names who can add it and how.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE clerk SET login = 'e2e-someone-else'"
	rm -f "$TMP/stranger.exit"
	tm new-session -d -s stranger -x 80 -y 24 \
		"'$BIN' --db '$DB' 2>'$TMP/stranger.err'; echo \$? > '$TMP/stranger.exit'"
	status=$(wait_exit stranger)
	out=$(cat "$TMP/stranger.err")
	[ "$status" = 1 ] && echo "$out" | grep -q "账户 $(id -un) 不是登记的经办人"
	ok $? "an unknown account is refused before the UI starts"
	echo "$out" | grep -q "user add $(id -un) --name"
	ok $? "with the command that adds it"
	"$BIN" --db "$DB" list --date "$DAY" >/dev/null 2>&1
	[ $? = 1 ]
	ok $? "and the command line refuses it too"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM txn WHERE serial LIKE 'SJFW-%'")" = 1 ]
	ok $? "nothing was written"
else
	for i in 1 2 3 4; do echo "ok # SKIP sqlite3 is not installed"; tap_n=$((tap_n + 1)); done
fi

start badterm 80 24 "TERM=no-such-terminal"
[ "$(wait_exit badterm)" = 1 ]
ok $? "an unknown TERM exits with status 1"
tm kill-session -t =badterm: 2>/dev/null

done_testing
