#!/bin/bash
# bianmin tally --period week|month: the week from Monday to Sunday and the
# calendar month holding --date, counted by the same range query as a day,
# in each matter's unit; across a year end and a leap February.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null
add() { bm add "$@" >/dev/null; }
# The week of 2020-12-28 (Monday) to 2021-01-03 (Sunday), and its edges.
add -w sczr -m sl -a 周日前一天 --date 2020-12-27
add -w sczr -m sl -a 周一 --date 2020-12-28
add -w sczr -m bg -a 元旦 --date 2021-01-01
add -w sjfw -m zx --persons 20 --date 2021-01-02
add -w sjfw -m zx --date 2021-01-03
add -w wsjk -m xnh -a 户甲 --households 2 --persons 7 --date 2020-12-31
add -w wsjk -m xnh -a 户乙 --households 1 --persons 3 --date 2021-01-03
add -w sczr -m sl -a 下周一 --date 2021-01-04
# A leap February: its 29th counts, 1 March does not.
add -w sczr -m zx -a 闰日 --date 2024-02-29
add -w sczr -m zx -a 二月一日 --date 2024-02-01
add -w sczr -m zx -a 三月一日 --date 2024-03-01
add -w sczr -m zx -a 一月末 --date 2024-01-31
voided=$(bm add -w sczr -m zx -a 作废的 --date 2024-02-15)
bm void "$voided" --reason 录错 >/dev/null

run bm tally --period week --date 2021-01-01
is "$rc" 0 "a week's tally"
like "$out" '办件统计  2020-12-28 至 2021-01-03（第53周）$' "the week is named Monday to Sunday, with its GB/T 7408 number"
like "$out" '^市场准入 +设立业务 +1项$' "the week's Monday counts, the Sunday before and the Monday after do not"
like "$out" '^市场准入 +变更业务 +1项$' "New Year's Day is in the week"
like "$out" '^涉军 +政策咨询 +21人次$' "人次 sums persons over the week, a group of 20 and one visit"
like "$out" '^卫生健康 +独生子女和双女户新农合补贴 +3户10人$' "户+人 adds households and persons across the year end"
like "$out" '^总计 +6件$' "the week's total counts entries"

run bm tally --period week --date 2021-01-03
like "$out" '2020-12-28 至 2021-01-03' "a Sunday is the last day of its week, not the first"
run bm tally --period week --date 2020-12-27
like "$out" '2020-12-21 至 2020-12-27（第52周）' "the Sunday before is the week before"
like "$out" '^市场准入 +设立业务 +1项$' "which holds that Sunday's entry"
run bm tally --period week --date 2024-12-31
like "$out" '2024-12-30 至 2025-01-05（2025年第1周）' "a week numbered in the next year says which year"

run bm tally --period month --date 2024-02-10
is "$rc" 0 "a month's tally"
like "$out" '办件统计  2024年2月（2024-02-01 至 2024-02-29）$' "a leap February ends on the 29th"
like "$out" '^市场准入 +注销业务 +2项$' "the 1st and the 29th count; 31 January, 1 March and the voided entry do not"
run bm tally --period month --date 2021-01-31
like "$out" '^涉军 +政策咨询 +21人次$' "January 2021 holds the new year's days of that week"
like "$out" '^市场准入 +设立业务 +1项$' "and not the December ones"
like "$out" '2021年1月（2021-01-01 至 2021-01-31）' "a 31-day month"

run bm tally --period day --date 2021-01-01
day_out=$out
run bm tally --date 2021-01-01
is "$out" "$day_out" "--period day is the plain day's tally"
like "$out" '办件统计  2021-01-01 星期五$' "the day keeps its heading"
run bm tally --from 2020-12-28 --to 2021-01-03
like "$out" '^总计 +6件$' "--from/--to over the same days gives the week's figures"
like "$out" '2020-12-28 至 2021-01-03$' "and names the range without a week number"

run bm tally --period week --date 2021-01-01 --clerk "$(id -un)"
like "$out" '^总计 +6件$' "--clerk narrows a week too"

# Cases are followed as of the period's last day, or today while the
# period runs: days to come have nothing overdue yet.  A 承诺件 of 5
# working days saved today is not 超期 in a tally reaching 60 days on.
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null
bm add -w msbz -m db -a 今天受理 >/dev/null
today=$(date +%F)
run bm tally --from "$today" --to "$(date -d "$today + 60 days" +%F)"
is "$rc" 0 "a range reaching into days to come"
unlike "$out" '超期' "does not call today's case overdue on its last day"
run bm tally --period month --date 2021-01-31
unlike "$out" '承诺件' "a month gone by knows nothing of a case saved since"

run bm tally --period year
is "$rc" 2 "an unknown period is a usage error"
like "$err" '--period 应为 day、week 或 month' "and says which are known"
run bm tally --period week --from 2021-01-01 --to 2021-01-31
is "$rc" 2 "--period with --from/--to is a usage error"
like "$err" '不能与 --from/--to 同时使用' "and says why"
run bm tally --period month --date 2021-02-30
is "$rc" 2 "a day that does not exist"
like "$err" '不是真实的日期' "is named as such"
run bm tally --period
is "$rc" 2 "--period needs its value"

run bm tally --help
like "$out" '--period 时段 +day' "--help documents --period"
like "$out" 'week（D 所在的一周，周一至周日）' "and what a week is"

done_testing
