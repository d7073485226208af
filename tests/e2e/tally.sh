#!/bin/bash
# The tally screen at 80x24: the day, the week (Monday to Sunday) and the
# month views, Left/Right moving by the period shown, a typed date (the
# forms the import takes; a bad one refused in words, the prompt kept),
# the figures agreeing with `bianmin tally --period`, and the parts that
# were there before (per clerk, the 差评 to call back, a clerk kept to
# their windows).
. "$(dirname "$0")/lib.sh"

cli() { "$BIN" --db "$DB" "$@"; }
add() { cli add "$@" >/dev/null; }
# The figure of a matter on the screen's first page: 生育政策咨询 -> 21人次.
figure_of() { screen "$1" | grep -E "(^| )$2 +[0-9]" | awk '{ print $NF }' | head -1; }
figure() { figure_of s "$1"; }
cli_figure() { cli tally "${@:2}" | grep -E " $1 +[0-9]" | awk '{ print $NF }'; }

make_db
ok $? "database created"
# 2021-03-15 is a Monday: its week is 03-15..03-21; the week before holds
# the Sunday 03-14 and the Monday 03-08; February 2021 has 28 days.
add --date 2021-03-15 -w sczr -m sl -a 今天设立
add --date 2021-03-15 -w wsjk -m syzx --persons 20
add --date 2021-03-14 -w wsjk -m syzx
add --date 2021-03-14 -w sczr -m sl -a 周日设立
add --date 2021-03-08 -w sczr -m sl -a 周一设立
add --date 2021-03-08 -w wsjk -m xnh -a 户甲 --households 2 --persons 7
add --date 2021-03-01 -w wsjk -m xnh -a 户乙 --households 1 --persons 3
add --date 2021-02-28 -w sczr -m bg -a 二月末
add --date 2021-02-01 -w sczr -m bg -a 二月初
add --date 2021-01-31 -w sczr -m bg -a 一月末
bad=$(cli add --date 2021-03-15 -w sczr -m zx -a 差评者)
cli rate "$bad" 1 --reason 态度差 >/dev/null
ok $? "entries over five weeks, and a 差评"

start s 80 24
wait_for s "1 市场准入"
keys s T
wait_for s "当日统计  2021-03-15 星期一"
ok $? "T opens the day's tally"
wait_for s "Left/Right 换日  G 日期  W 周  M 月  C 按经办人  Esc 返回  F1/? 帮助"
ok $? "the key bar names the date key and the two other periods, within 80 columns"
wait_for s "待回访 $bad"
ok $? "the 差评 to call back is still at the foot"
[ "$(figure 生育政策咨询)" = "20人次" ] && [ "$(figure 设立业务)" = 1项 ]
ok $? "the day's figures"

# The week.
keys s w
wait_for s "周统计  2021-03-15 至 2021-03-21（第11周）"
ok $? "w shows the week, Monday to Sunday, with its number"
wait_for s "Left/Right 换周  G 日期  D 日  M 月"
ok $? "the bar says Left/Right change the week, and offers 日 and 月"
expect_screen s tally-week.txt "the week view, its heading in full-width brackets, aligned"
keys s Left
wait_for s "周统计  2021-03-08 至 2021-03-14（第10周）"
ok $? "Left goes back a whole week"
[ "$(figure 设立业务)" = 2项 ] && [ "$(figure 生育政策咨询)" = 1人次 ] &&
	[ "$(figure 独生子女和双女户新农合补贴)" = 2户7人 ]
ok $? "the week holds its Monday and its Sunday, in each matter's unit"
[ "$(figure 设立业务)" = "$(cli_figure 设立业务 --period week --date 2021-03-10)" ] &&
	[ "$(figure 独生子女和双女户新农合补贴)" = \
		"$(cli_figure 独生子女和双女户新农合补贴 --period week --date 2021-03-10)" ]
ok $? "and agrees with bianmin tally --period week"
keys s Right
wait_for s "周统计  2021-03-15 至 2021-03-21（第11周）"
ok $? "Right comes back a week"
keys s Right
wait_for s "已是本周 (2021-03-15), 之后的日子还没有登记"
ok $? "and not past the week of the working day"

# The month.
keys s m
wait_for s "月统计  2021年3月（2021-03-01 至 2021-03-31）"
ok $? "m shows the calendar month"
[ "$(figure 生育政策咨询)" = 21人次 ] && [ "$(figure 独生子女和双女户新农合补贴)" = 3户10人 ]
ok $? "人次 sums the persons of the month; 户+人 adds households and persons"
keys s Left
wait_for s "月统计  2021年2月（2021-02-01 至 2021-02-28）"
ok $? "Left goes back a month, to a February of 28 days"
[ "$(figure 变更业务)" = 2项 ]
ok $? "with its first and last day, not 31 January"
keys s c
wait_for s "按经办人  共 2 件"
ok $? "per clerk over the month"
screen s | grep -qE "^  王芳 +2 +0 +0 +0 +0 +2$"
ok $? "the clerk's entries per window over the month"
keys s c
wait_for s "按事项  共 2 件"
keys s d
wait_for s "当日统计  2021-02-15 星期一"
ok $? "d goes back to a day: the same day of the month stepped to"

# A typed date.
keys s g
wait_for s "跳到日期:"
ok $? "g asks for a date"
wait_for s "Enter 确定  Esc 返回  F1 帮助"
ok $? "the bar of the prompt"
type_text s "2021/2/30"
keys s Enter
wait_for s "没有这一天: 2021-02-30"
expect_screen s tally-date.txt "the date prompt under the heading, a refusal on the status line"
keys s C-u
type_text s "2021/2/30"
keys s Enter
wait_for s "没有这一天: 2021-02-30"
ok $? "a day that does not exist is refused in words"
screen s | grep -qF "跳到日期: 2021/2/30"
ok $? "and the prompt stays with what was typed"
keys s C-u
type_text s "三月八日"
keys s Enter
wait_for s "看不懂: 请写成 YYYY-MM-DD"
ok $? "a date in no known form says which forms are"
keys s C-u
type_text s "2021-03-16"
keys s Enter
wait_for s "2021-03-16 还没有到 (今天是 2021-03-15)"
ok $? "a day to come is refused"
keys s C-u
type_text s "2021/3/8"
keys s Enter
wait_for s "当日统计  2021-03-08 星期一"
ok $? "2021/3/8, as a spreadsheet writes it, jumps to 2021-03-08"
wait_gone s "跳到日期:"
ok $? "and closes the prompt"
[ "$(figure 设立业务)" = 1项 ] && [ "$(figure 独生子女和双女户新农合补贴)" = 2户7人 ]
ok $? "that day's figures"
keys s w
wait_for s "周统计  2021-03-08 至 2021-03-14（第10周）"
keys s g
wait_for s "跳到日期:"
type_text s "2021年1月1日"
keys s Enter
wait_for s "周统计  2020-12-28 至 2021-01-03（第53周）"
ok $? "in the week view a typed date shows its week, across the year end"
keys s g
wait_for s "跳到日期:"
type_text s "20210131"
keys s Escape
wait_gone s "跳到日期:"
ok $? "Esc closes the prompt"
screen s | grep -qF "周统计  2020-12-28 至 2021-01-03（第53周）"
ok $? "leaving the period as it was"
keys s m
wait_for s "月统计  2021年1月（2021-01-01 至 2021-01-31）"
[ "$(figure 变更业务)" = 1项 ]
ok $? "the month of that week's day, with its last day"

keys s '?'
wait_for s "按键说明"
screen s | grep -qE "^  G +跳到某一天" && screen s | grep -qE "^  D +按日统计" &&
	screen s | grep -qE "^  W +按周统计" && screen s | grep -qE "^  Left +前一个月" &&
	screen s | grep -qE "^  PgDn +下一页"
ok $? "the help, from the same bindings, names the keys of the month view"
keys s Space
wait_gone s "按键说明"
keys s Escape
wait_for s "无逾期未办结件"
ok $? "Esc goes home"
keys s q
wait_exit s >/dev/null
ok $? "q quits"
[ "$(cli list --all --from 2021-01-01 --to 2021-03-31 | grep -c -- '-2021-')" = 11 ]
ok $? "nothing was recorded on the way"

# A clerk kept to 民生保障 follows up only that window's 差评, whatever
# period the tally shows; the counts stay the whole center's.
mine=$(cli add --date 2021-03-15 -w msbz -m lr -a 民生户)
cli rate "$mine" 2 --reason 手续多 >/dev/null
cli user add zhuren --name 李主任 --role admin >/dev/null &&
	cli user add "$(id -un)" --name 王芳 --role clerk --windows msbz >/dev/null
ok $? "the account becomes a clerk of 民生保障"
start k 80 24
wait_for k "1 市场准入"
keys k T
wait_for k "待回访 $mine"
ok $? "the clerk's tally lists the 差评 of their window"
screen k | grep -qF "$bad"
ok $((!$?)) "and not the other window's"
wait_for k "差评待回访 1 件"
ok $? "counting only theirs"
keys k w
wait_for k "周统计  2021-03-15 至 2021-03-21（第11周）"
screen k | grep -qF "待回访 $mine" && ! screen k | grep -qF "$bad"
ok $? "the same in the week view"
[ "$(figure_of k 设立业务)" = 1项 ]
ok $? "whose counts are the center's, other windows too"
keys k Escape q
wait_exit k >/dev/null

done_testing
