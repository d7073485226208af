#!/bin/bash
# End to end: a year's lock (add, import and void refused with a clear
# message, the audit trail shows lock and unlock, the report unchanged) and
# the life of a 承诺件 (overdue past its limit, then done or returned).
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
bm init >/dev/null

# 最低生活保障申请初审 becomes a 承诺件 of 10 days.
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,10,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
run bm catalog load "$tmp/catalog.csv"
is "$rc" 0 "catalog load with a time limit"

a=$(bm add -w msbz -m db -a 赵秀英 --households 2 --date 2021-11-01)
b=$(bm add -w msbz -m db -a 钱建国 --date 2021-11-05)
c=$(bm add -w msbz -m db -a 孙桂兰 --date 2021-11-20)
d=$(bm add -w msbz -m lr -a 李玉兰 --date 2021-11-01)
like "$(bm list --date 2021-11-01)" "^$a .* 受理 " "a 承诺件 starts as 受理"
like "$(bm list --date 2021-11-01)" "^$d .* 办结 " "a 即办件 is 办结 at once"

# Ten working days: 11-01 is due 11-15, 11-05 is due 11-19, 11-20 (a
# Saturday) is due 12-03.
run bm overdue --date 2021-11-22
is "$rc" 0 "overdue"
like "$out" "^$a .*赵秀英" "past its limit: overdue"
like "$out" "^$b .*钱建国" "the second one too"
unlike "$out" "^$c " "within its limit: not overdue"
unlike "$out" "^$d " "a 即办件 is never overdue"
like "$out" '^逾期未办结 2 件$' "overdue counts them"
like "$(bm overdue --date 2021-11-15)" "^逾期未办结 0 件$" "on the due day nothing is late"

run bm done "$a"
is "$rc" 0 "done"
like "$(bm list --date 2021-11-01)" "^$a .* 办结 " "done: 办结"
run bm return "$b" --reason 材料不全
is "$rc" 0 "return with a reason"
like "$(bm list --date 2021-11-05)" "^$b .* 退回 " "return: 退回"
like "$(bm overdue --date 2021-11-22)" '^逾期未办结 0 件$' "neither is overdue any more"
run bm done "$a"
is "$rc" 1 "an entry already 办结 cannot be done again"
ok has_chinese "$err" "with a Chinese message"
like "$(bm overdue --date 2021-12-31)" "^$c " "the third one falls overdue later"

# The lock.
before=$(bm report --year 2021)
run bm lock --year 2021
is "$rc" 0 "lock 2021"
like "$out" '2021' "lock names the year"
run bm lock --year 2021
is "$rc" 1 "locking a locked year is refused"
like "$err" '2021 年度已经锁定' "and says so"

run bm add -w sczr -m sl -a 测试商店 --date 2021-12-01
is "$rc" 1 "a locked year refuses add"
like "$err" '2021 年度.*锁定，不能录入' "the message names the year and the lock"
like "$err" '请找主管解锁' "and who can unlock it"

printf '日期,窗口,事项,申请人\r\n2022-01-05,sczr,sl,甲商店\r\n2021-06-01,sczr,sl,乙商店\r\n' >"$tmp/rows.csv"
run bm import "$tmp/rows.csv"
is "$rc" 1 "a locked year refuses an import row"
like "$err" '第3行: 2021 年度.*锁定' "the message names the row"
like "$(bm list --date 2022-01-05)" '^共 0 件$' "and the good row is not written either"

run bm void "$c" --reason 录入错误
is "$rc" 1 "a locked year refuses a void"
like "$err" '2021 年度.*锁定，不能作废' "with a clear message"
like "$(bm list --date 2021-11-20)" "^$c .* 受理 " "the entry stays as it was"

is "$(bm report --year 2021)" "$before" "the locked year's report is unchanged"
run bm add -w sczr -m sl -a 丙商店 --date 2022-01-05
is "$rc" 0 "other years stay open"

run bm unlock --year 2021
is "$rc" 0 "unlock"
run bm unlock --year 2021
is "$rc" 1 "unlocking an open year is refused"
run bm void "$c" --reason 录入错误
is "$rc" 0 "after unlock the void goes through"

run bm audit
is "$rc" 0 "audit"
like "$out" ' 锁定 +2021$' "the audit trail shows the lock"
like "$out" ' 解锁 +2021$' "and the unlock"
lock_line=$(printf '%s\n' "$out" | grep -n ' 锁定  *2021$' | cut -d: -f1)
unlock_line=$(printf '%s\n' "$out" | grep -n ' 解锁  *2021$' | cut -d: -f1)
ok test "${lock_line:-0}" -lt "${unlock_line:-0}" "lock comes before unlock"
like "$out" "$c" "and the void"

# A clerk cannot lock.  (The only admin may not step down: add another first.)
run bm user add "$(id -un)" --name 经办 --role clerk
is "$rc" 1 "the only admin cannot become a clerk"
run bm user add chief --name 主任 --role admin
run bm user add "$(id -un)" --name 经办 --role clerk
is "$rc" 0 "this account becomes a clerk"
run bm lock --year 2022
is "$rc" 1 "a clerk cannot lock a year"
like "$err" '只有主管或管理员' "and is told who can"

done_testing
