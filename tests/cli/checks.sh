#!/bin/bash
# What the commands refuse or say when asked something that cannot be
# right: a clerk nobody knows, a count the matter does not use, a day that
# does not exist, and the words they answer with.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"

bm init >/dev/null
me=$(id -un)

# --clerk names an account the database knows.
bm add -w sczr -m sl -a 甲 --date 2021-03-01 >/dev/null
run bm tally --date 2021-03-01 --clerk nosuchclerk
is "$rc" 1 "tally --clerk with an unknown login fails"
like "$err" '没有登录名为“nosuchclerk”的经办人' "and says the clerk is unknown"
is "$out" "" "and prints no table of zeros"
run bm list --date 2021-03-01 --clerk nosuchclerk
is "$rc" 1 "list --clerk with an unknown login fails too"
run bm tally --date 2021-03-01 --clerk "$me"
is "$rc" 0 "a registered clerk is tallied"
like "$out" '^市场准入 +设立业务 +1项$' "with their entries"
printf '日期,窗口,事项,经办人\n2021-03-02,sczr,sl,laoli\n' >"$tmp/old.csv"
bm import "$tmp/old.csv" >/dev/null
run bm tally --date 2021-03-02 --clerk laoli
is "$rc" 0 "a login known only from imported entries is tallied"
like "$out" '^市场准入 +设立业务 +1项$' "with those entries"

# add: only the counts the matter's unit uses.
refuse() {
	local desc=$1 want=$2
	shift 2
	run bm add "$@" --date 2021-03-03
	is "$rc" 1 "$desc is refused"
	like "$err" "$want" "with a message that says why"
}
refuse "--households on a 人次 matter" '“卫生法律法规宣传咨询”按人次计数，不接受 --households（户数）' \
	-w wsjk -m wszx --households 3
refuse "--persons on a 项 matter" '“设立业务”按项计数，不接受 --persons（人数）' \
	-w sczr -m sl --persons 2
refuse "--quantity on a 户 matter" '“困难老人补贴”按户计数，不接受 --quantity（数量）' \
	-w msbz -m lr --quantity 2
refuse "--households on a 人 matter" '按人计数，不接受 --households' -w wsjk -m yt --households 1
refuse "--persons on a 个 matter" '按个计数，不接受 --persons' -w wsjk -m ds --persons 1
refuse "--quantity on a 户+人 matter" '按户\+人计数，不接受 --quantity' -w wsjk -m sd --quantity 1
refuse "--households 0 --persons 0 on a 户+人 matter" '户数和人数不能都为 0' \
	-w wsjk -m sd --households 0 --persons 0
refuse "--households 0 on a 户 matter" '户数不能为 0' -w msbz -m lr --households 0
like "$(bm list --date 2021-03-03)" '^共 0 件$' "nothing refused is written"
run bm add -a 申请人甲 -w wsjk -m sd --households 1 --persons 0 --date 2021-03-03
is "$rc" 0 "a 户+人 matter takes one of its counts as 0"
run bm add -a 申请人甲 -w wsjk -m ds --quantity 2 --date 2021-03-03
is "$rc" 0 "a 个 matter takes --quantity"
run bm add -a 申请人甲 -w msbz -m lr --households 2 --date 2021-03-03
is "$rc" 0 "a 户 matter takes --households"

# A day that does not exist is not a badly written date.
run bm add -a 申请人甲 -w sczr -m sl --date 2021-02-30
is "$rc" 2 "add --date 2021-02-30 is refused"
like "$err" '^bianmin add: --date 2021-02-30 不是真实的日期$' "as a day that does not exist"
unlike "$err" '格式' "not as a badly written date"
run bm add -a 申请人甲 -w sczr -m sl --date 2021/02/03
like "$err" '应为 YYYY-MM-DD 格式的日期' "a date in another form is told the form"
run bm tally --from 2021-02-01 --to 2021-02-29
like "$err" '^bianmin tally: --to 2021-02-29 不是真实的日期$' "--to says so too"
run bm --date 2021-04-31
is "$rc" 2 "the terminal's --date 2021-04-31 is refused"
like "$err" '^bianmin: --date 2021-04-31 不是真实的日期$' "in the same words"
printf '日期,窗口,事项\n2021-02-30,sczr,sl\n' >"$tmp/feb30.csv"
run bm import "$tmp/feb30.csv"
is "$rc" 1 "import refuses 2021-02-30"
like "$err" '^第2行: 日期 2021-02-30 不是真实的日期$' "in the same words"
run bm add -a 申请人甲 -w sczr -m sl --date 9999-12-31
is "$rc" 1 "a date after today is refused"
like "$err" '^bianmin: 日期 9999-12-31 在今天 \([0-9-]+\) 之后，不能登记未来的办件$' \
	"with core's message, which names today"

# void, done and return confirm the serial as stored, however it was typed.
s=$(bm add -w sczr -m sl -a 丁 --date 2021-03-04)
lower=$(printf '%s' "$s" | tr 'A-Z' 'a-z')
run bm void "$lower" --reason 测试
is "$rc" 0 "void takes the serial in lower case"
is "$out" "已作废 $s" "and prints it as stored"
sed 's/^sczr,市场准入,bg,变更业务,项,,0,0/sczr,市场准入,bg,变更业务,项,,0,5/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null
p1=$(bm add -w sczr -m bg -a 戊 --date 2021-03-04)
p2=$(bm add -w sczr -m bg -a 己 --date 2021-03-04)
run bm done "$(printf '%s' "$p1" | tr 'A-Z' 'a-z')"
is "$out" "已办结 $p1" "done prints the stored serial"
run bm return "$(printf '%s' "$p2" | tr 'A-Z' 'a-z')" --reason 材料不全
is "$out" "已退回 $p2" "return prints the stored serial"

# System errors are told in Chinese, like everything else.
touch "$tmp/plain"
english='No such file|Not a directory|No space left|Permission denied'
run bm export --year 2021 -o "$tmp/nodir/x.csv"
like "$err" '无法写入 .*/nodir/x.csv: 文件或目录不存在$' "export to a missing folder says so in Chinese"
run bm export --year 2021 -o "$tmp/plain/x.csv"
like "$err" ': 路径中有一部分不是目录$' "export under a plain file too"
run bm report --year 2021 -o "$tmp/nodir/x.txt"
like "$err" ': 文件或目录不存在$' "report -o to a missing folder too"
run bm backup "$tmp/plain/x.db"
like "$err" '无法使用 .*: 路径中有一部分不是目录$' "backup under a plain file too"
if [ -w /dev/full ]; then
	bm report --year 2021 >/dev/full 2>"$tmp/full.err"
	like "$(cat "$tmp/full.err")" '磁盘已满$' "a full disk on standard output too"
	lacks cat "$tmp/full.err" "$english" "with no English left in any line"
	bm export --year 2021 -o /dev/full 2>"$tmp/full.err"
	like "$(cat "$tmp/full.err")" '磁盘已满$' "and on an export to a device"
fi
is "$(grep -rlE '(^|[^_[:alnum:]])strerror\(' "$BIANMIN_SOURCE_ROOT"/src)" "" \
	"the program uses errno_text, never strerror"
# SQLite's English reaches nobody: its messages are read in one place only,
# for the words of our own triggers.
is "$(grep -rn 'sqlite3_errmsg\|sqlite3_errstr' "$BIANMIN_SOURCE_ROOT"/src | wc -l)" 1 \
	"SQLite's own message is read only where a trigger's Chinese is passed on"

done_testing
