#!/bin/bash
# Working days and 承诺件: the holiday calendar init loads, holiday list and
# load (all or nothing), due days in working days, done and return with a
# day, overdue and 预警, a year without holiday data, and the phone number.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
run bm init
like "$out" '已载入 2019-2026 年节假日安排' "init loads the holiday calendar"
run bm init
unlike "$out" '节假日' "and only once"

run bm holiday list --year 2021
is "$rc" 0 "holiday list --year"
like "$out" '^2021-10-01  星期五  休    国庆$' "a day off with its name"
like "$out" '^2021-02-07  星期日  班    春节$' "a Sunday worked"
like "$out" '^2021-02-20  星期六  班    春节$' "a Saturday worked"
like "$out" '^共 38 天：休 31 天，班 7 天$' "2021: 31 days off, 7 weekend days worked"
unlike "$out" '尚无节假日安排' "2021 is known"
like "$(bm holiday list --year 2019)" '^2019-01-01  星期二  休    元旦$' "2019 is there"
like "$(bm holiday list --year 2026)" '^2026-02-28  星期六  班    春节$' "and 2026"
like "$(bm holiday list)" '^2018-12-29  星期六  班    元旦$' "2019's notice reaches into 2018"
run bm holiday list --year 2027
is "$rc" 0 "a year without data lists"
like "$out" '^共 0 天' "nothing"
like "$out" '2027 年尚无节假日安排.*只按周六、周日' "and says how it counts"
run bm holiday list --year 20x1
is "$rc" 2 "a bad year is a usage error"

# 最低生活保障申请初审 becomes a 承诺件 of 5 working days.
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null

# Done means: accepted 2021-09-30 with 5 working days, due 2021-10-13.
a=$(bm add -w msbz -m db -a 赵秀英 --phone 13800138000 --date 2021-09-30)
like "$(bm list --date 2021-09-30)" "^$a .*138\*\*\*\*8000 .* 受理  $(id -un)  承诺办结 2021-10-13$" \
	"saved 受理, due 2021-10-13, the phone masked"
lacks bm list --date 2021-09-30 '13800138000' "the whole number is not listed"
run bm overdue --date 2021-10-13
like "$out" '^逾期未办结 0 件$' "not overdue on its due day"
unlike "$out" "^$a " "not listed as overdue"
run bm overdue --date 2021-10-13 --warn
like "$out" "^$a  2021-09-30  2021-10-13 .* 预警  " "but 预警 with --warn"
like "$out" '^预警 1 件' "counted as 预警"
like "$(bm overdue --date 2021-10-12 --warn)" "^$a .* 预警  " "预警 the working day before too"
lacks bm overdue --date 2021-10-11 --warn "^$a " "not two working days before"
run bm overdue --date 2021-10-14
like "$out" "^$a .* 5     1  超期  " "overdue on 10-14, one working day late"
like "$out" '^逾期未办结 1 件$' "counted"
run bm done "$a" --date 2021-10-12
is "$rc" 0 "done --date"
like "$out" "^已办结 $a$" "says so"
like "$(bm list --date 2021-09-30)" "^$a .* 办结 .*承诺办结 2021-10-13  办结于 2021-10-12$" \
	"list shows the due and the done day"
like "$(bm overdue --date 2021-10-14)" '^逾期未办结 0 件$' "done: no longer overdue"
like "$(bm audit)" "办结 2021-10-12" "the done day is audited"

# done on an entry that is not 受理, or with a day it cannot have.
run bm done "$a"
is "$rc" 1 "done twice is refused"
like "$err" '状态是办结，只有受理中的办件可以办结' "and says why"
d=$(bm add -w msbz -m lr -a 李玉兰 --date 2021-09-30)
run bm done "$d"
is "$rc" 1 "done on a 即办件 (already 办结) is refused"
b=$(bm add -w msbz -m db -a 钱建国 --date 2021-10-08)
run bm done "$b" --date 2021-10-07
is "$rc" 1 "a done day before acceptance is refused"
like "$err" '办结日期 2021-10-07 早于受理日期 2021-10-08' "naming both days"
run bm done "$b" --date 2099-01-01
is "$rc" 1 "a done day to come is refused"
run bm done "$b" --date 2021-10-32
is "$rc" 2 "a date that does not exist is a usage error"
like "$(bm list --date 2021-10-08)" "^$b .* 受理 " "and nothing was written"
run bm return "$b" --reason 材料不全 --date 2021-10-20
is "$rc" 0 "return --date"
like "$(bm list --date 2021-10-08)" "^$b .* 退回 .*承诺办结 2021-10-14  退回于 2021-10-20$" \
	"a return is dated too"

# Spring Festival 2021: accepted Wednesday 02-10, 5 working days are
# 02-18, 02-19, Saturday 02-20, 02-22, 02-23.
e=$(bm add -w msbz -m db -a 孙桂兰 --date 2021-02-10)
like "$(bm list --date 2021-02-10)" "^$e .*承诺办结 2021-02-23$" "due 02-23 across 春节"

# A year without holiday data (2018: only its last three days are in
# 2019's notice): weekends only, and said once.
run bm add -w msbz -m db -a 冯 --date 2018-06-01
is "$rc" 0 "a 承诺件 in 2018"
f=$out
like "$err" '^bianmin: 提示: 2018 年尚无节假日安排' "add says the year has no holiday data"
is "$(printf '%s\n' "$err" | grep -c 尚无)" 1 "once"
like "$(bm list --date 2018-06-01)" "^$f .*承诺办结 2018-06-08$" "Friday + 5 working days, weekends only"
run bm overdue --date 2018-06-11
like "$out" "^$f .* 超期 " "overdue by weekends only"
like "$err" '2018 年尚无节假日安排' "overdue says so too"
is "$(printf '%s\n' "$err" | grep -c 尚无)" 1 "once"
bm done "$f" --date 2018-06-08 >/dev/null
run bm overdue --date 2021-10-14
unlike "$err" '尚无' "nothing said when every year is known"

printf '日期,类型,名称\n2026-12-31,休,测试\n' >"$tmp/end.csv"
run bm holiday load "$tmp/end.csv"
is "$rc" 0 "a single day loads"
like "$(bm holiday list --year 2026)" '^2026-12-31  星期四  休    测试$' "and is listed"
like "$(bm holiday list --year 2026)" '^2026-01-01 ' "the rest of 2026 is kept"

# Loading is all or nothing; a bad line is named.
printf '日期,类型,名称\n2027-01-01,休,元旦\n2027-02-30,休,春节\n2027-02-06,补,春节\n2027-03-03,班,x\n' \
	>"$tmp/bad.csv"
run bm holiday load "$tmp/bad.csv"
is "$rc" 1 "a bad holiday file is refused"
like "$err" '第3行: 日期 2027-02-30 不是真实的日期' "naming the line with the bad date"
like "$err" '第4行: 类型“补”无效，应为 休（放假）或 班（调休上班）' "and the line with the bad kind"
like "$err" '第5行: 2027-03-03 是星期三，本来就上班' "and a 班 on a weekday"
like "$err" '未作任何改动' "saying nothing was changed"
like "$(bm holiday list --year 2027)" '^共 0 天' "nothing was written"
printf '日期,种类\n2027-01-01,休\n' >"$tmp/cols.csv"
run bm holiday load "$tmp/cols.csv"
is "$rc" 1 "an unknown column is refused"
like "$err" '缺少必需的列“类型”' "naming the missing column"
run bm holiday load "$tmp/no-such.csv"
is "$rc" 1 "a missing file"

# A whole year replaces that year: 2027 with only its 元旦.
printf 'day,kind,name\n2027-01-01,休,元旦\n' >"$tmp/2027.csv"
run bm holiday load "$tmp/2027.csv"
is "$rc" 0 "the English keys are accepted"
lacks bm holiday list --year 2027 '尚无节假日安排' "2027 is now known"

run bm holiday frob
is "$rc" 2 "an unknown action is a usage error"
run bm holiday load
is "$rc" 2 "load needs a file"

# Only an administrator loads the calendar.
bm user add chief --name 主任 --role admin >/dev/null
bm user add "$(id -un)" --name 经办 --role clerk >/dev/null
run bm holiday load "$tmp/2027.csv"
is "$rc" 1 "a clerk cannot load holidays"
like "$err" '只有管理员可以载入节假日安排' "and is told who can"
bm user add "$(id -un)" --name 管理 --role admin >/dev/null 2>&1 ||
	BIANMIN_TEST_NOTE=1

# The phone: wrong shapes are refused, naming the field; nothing written.
n_before=$(bm list --from 2021-01-01 --to 2021-12-31 | tail -1)
for bad in 1380013800 23800138000 12800138000 138001380001 1380013800x 0371-1234 \
	010-01234567 +85213800138000; do
	run bm add -w msbz -m lr -a 周 --phone "$bad" --date 2021-06-01
	is "$rc" 1 "phone $bad is refused"
	like "$err" "联系电话“.*”(无效|含有|过长)" "naming 联系电话 ($bad)"
done
is "$(bm list --from 2021-01-01 --to 2021-12-31 | tail -1)" "$n_before" "nothing was written"
for good in '138 0013 8000' '+86 138-0013-8000' '１３８００１３８０００'; do
	s=$(bm add -w msbz -m lr -a 吴 --phone "$good" --date 2021-06-02)
	like "$(bm list --search "$s")" "^$s .*138\*\*\*\*8000 " "phone '$good' is kept as one form"
done
s=$(bm add -w msbz -m lr -a 郑 --phone 0371-65432178 --date 2021-06-02)
like "$(bm list --search "$s")" "^$s .*0371-\*\*\*\*2178 " "a landline is masked but for its area code and last four"
s=$(bm add -w msbz -m lr -a 王 --phone 01065432178 --date 2021-06-02)
like "$(bm list --search "$s")" "^$s .*010-\*\*\*\*2178 " "a Beijing number typed whole"

# The report: per window 承诺件 on time, late and open, the ratings.
# 2021: $a done on time (10-12, due 10-13), $b returned late (10-20, due
# 10-14), $e still open.
lacks bm report --year 2020 '承诺件与好差评' "a year without 承诺件 or ratings has no such section"
run bm rate "$a" 不满意 --reason 等待时间太长
is "$rc" 0 "a 不满意 with a reason"
run bm report --year 2021
like "$out" '^承诺件与好差评' "the report has the service section"
like "$out" '^民生保障 +3 +1 +1 +1 +50\.0% +0 +0 +0 +1 +0 +1 +0\.0% ' \
	"承诺件 3, on time 1, late 1, open 1, 50.0% on time, one 不满意, 好评率 0.0%"
like "$out" "^$a  民生保障  不满意  待回访  等待时间太长$" "the 差评 is listed, waiting for its call-back"
like "$(bm report --year 2021 --format narrative)" \
	'全年受理承诺件3件，按时办结1件、逾期办结1件、尚在办理1件，按时办结率50\.0%；收到好差评1件（参评率[0-9.]+%），好评率0\.0%，差评1件、已回访0件。$' \
	"one sentence in the narrative"
like "$(bm report --year 2021 --format csv)" '^"民生保障","3","1","1","1","50\.0","0","0","0","1","0","1","0\.0","' \
	"and a table in the CSV"
bm rate --followup "$a" --note 已致电说明 >/dev/null
like "$(bm report --year 2021)" "^$a  民生保障  不满意  已回访  等待时间太长$" "called back"
like "$(bm report --year 2021 --format narrative)" '差评1件均已回访。$' "the narrative says so"

done_testing
