#!/bin/bash
# bianmin report: the 2021 fixture (every window figure of the 上碑镇 2021
# annual report, plus 2020, 2022 and voided entries) in text, CSV and the
# paragraph; periods; files; usage errors.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
fixture=$BIANMIN_SOURCE_ROOT/tests/fixtures/shangbei-2021.csv
bm init >/dev/null
run bm import "$fixture"
is "$rc" 0 "the fixture imports"

figures='234项 43项 122项 11项 410项 45人 51个 6人 9个 1户1人 143户433人 50人次 30人次
13户 37户 13人次 19人 296人 296人次 50人次 400个 150人次'

run bm report --year 2021
is "$rc" 0 "report --year 2021"
for f in $figures; do
	like "$out" "(^| )$f( |$)" "text: $f"
done
like "$out" '^ +合计 +410项 +388项 +\+22$' "text: 市场准入 合计410项, 2020 388项, +22"
like "$out" '^卫生健康 +第一个子女生育登记 +45人 ' "text: window and matter on one row"
like "$out" '^ +其中 终止 +4人次 ' "text: the category split"
like "$out" '^市场准入 +31 +36 ' "text: entries per month"
widths=$(printf '%s\n' "$out" | awk '/^窗口 / { on = 1 } on && /^$/ { exit } on' |
	while IFS= read -r line; do printf '%s' "$line" | wc -L; done | sort -u | wc -l)
is "$widths" 1 "text: every table line has the same display width"

run bm report --year 2021 --format csv
is "$rc" 0 "report --format csv"
is "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" efbbbf "csv: starts with a BOM"
like "$out" $'^\xEF\xBB\xBF"窗口","事项","分类","单位","本期","上年同期","同比"' "csv: Chinese header"
like "$out" $'"市场准入","合计","","项","410项","388项","22",.*\r$' "csv: 合计410项, CRLF"
like "$out" '"独生子女和双女户新农合补贴","","户\+人","143户433人","130户401人"' "csv: 143户433人"
for f in $figures; do
	like "$out" "\"$f\"" "csv: $f"
done

run bm report --year 2021 --format narrative
is "$rc" 0 "report --format narrative"
like "$out" '^市场准入窗口共办理设立业务234项，变更业务43项，注销业务122项，增补执照业务11项，合计410项业务；' \
	"narrative: 市场准入 in the report's words"
like "$out" '办理独生子女和双女户新农合补贴143户433人' "narrative: 143户433人"
like "$out" '涉军窗口办理退役军人优待证发放、审验、更换400个，服务政策咨询150人次。$' "narrative: 涉军"
unlike "$out" '城乡建设' "narrative: a window with only voided entries is left out"
for f in $figures; do
	like "$out" "$f" "narrative: $f"
done

# Voided and out-of-year entries never count.
like "$(bm report --year 2022)" '^市场准入 +设立业务 +7项 +234项 ' \
	"2022 counts 2022 entries only; 2021 without its voided entries"
s=$(bm add -w sczr -m sl -a 测试商店 --date 2021-06-01)
like "$(bm report --year 2021)" '^市场准入 +设立业务 +235项 ' "a new entry counts at once"
run bm void "$s" --reason 录入错误
is "$rc" 0 "void it"
like "$(bm report --year 2021)" '^市场准入 +设立业务 +234项 ' "a voided entry never counts"

# A window's total needs one unit among its matters in use: a matter of
# another unit stops it, and taking that matter out of use (no entries)
# brings it back.
sed '/^sczr,市场准入,bz,/a sczr,市场准入,zxzx,注册咨询,人次,,0,0' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog-zxzx.csv"
run bm catalog load "$tmp/catalog-zxzx.csv"
is "$rc" 0 "a 人次 matter added to 市场准入"
lacks bm report --year 2021 '^ +合计 +410项' "mixed units: no 合计"
run bm catalog load "$BIANMIN_SOURCE_ROOT/data/catalog.csv"
is "$rc" 0 "and taken out of use again"
like "$(bm report --year 2021)" '^ +合计 +410项' "合计410项 is back"

# Periods.
run bm report --from 2021-12-31 --to 2022-01-01
is "$rc" 0 "report --from --to"
like "$out" '^统计 2021-12-31 至 2022-01-01 \(上年同期: 2020-12-31 至 2021-01-01\)' "the period is named"
like "$out" '^市场准入 +设立业务 +3项 +3项 +0$' "days at both ends count"
like "$(bm report --year 2021 --from 2021-12-01)" '^市场准入 +设立业务 +[0-9]+项' "--from narrows --year"
run bm report --from 2021-01-01 --to 2022-06-30
is "$rc" 1 "a period over a year is refused"
like "$err" '超过一年' "and says why"
run bm report --from 2021-01-01
is "$rc" 2 "--from without --to or --year is a usage error"
run bm report
is "$rc" 2 "report without a period is a usage error"
ok has_chinese "$err" "with a Chinese message"
run bm report --year 2021 --format xml
is "$rc" 2 "an unknown format is a usage error"
run bm report --year 20x1
is "$rc" 2 "a bad year is a usage error"
run bm report --year 2021 extra
is "$rc" 2 "an extra argument is a usage error"

# Files.
run bm report --year 2021 --format csv -o "$tmp/r.csv"
is "$rc" 0 "report -o FILE"
is "$out" "" "nothing on standard output"
like "$(cat "$tmp/r.csv")" '"410项"' "the file holds the report"
is "$(ls "$tmp" | grep -c '^r\.csv\.')" 0 "no temporary file left behind"
run bm report --year 2021 -o "$tmp/no-such-dir/r.txt"
is "$rc" 1 "an unwritable file is an error"
ok has_chinese "$err" "with a Chinese message"
# -o onto a pipe or a device writes into it and leaves it in place: a
# temporary file renamed over /dev/null once replaced the device.
mkfifo "$tmp/pipe"
for cmd in "report --year 2021 --format csv" "export --year 2021"; do
	timeout 20 cat "$tmp/pipe" >"$tmp/from-pipe" &
	reader=$!
	run bm $cmd -o "$tmp/pipe"
	wait "$reader"
	is "$rc" 0 "$cmd -o PIPE"
	ok test -p "$tmp/pipe" "$cmd: the pipe is still a pipe"
	like "$(cat "$tmp/from-pipe")" '"143户433人"|"独生子女和双女户新农合补贴"' "$cmd: the reader got it"
done
run bm --db "$tmp/none.db" report --year 2021
is "$rc" 1 "a missing database is an error"

run bm report --year 1999 --format narrative
is "$rc" 0 "a year without entries"
is "$out" "" "has no paragraph"
like "$err" "没有办件" "and says so"

# The year in progress is compared with the same days of the year before,
# not with that whole year.  (Today is the clock's: the case is about it.)
this_year=$(date +%Y) last_year=$(($(date +%Y) - 1))
bm --db "$tmp/now.db" init >/dev/null
bm --db "$tmp/now.db" add -a 申请人甲 -w sczr -m sl --date "$last_year-01-01" >/dev/null
bm --db "$tmp/now.db" add -a 申请人甲 -w sczr -m sl --date "$last_year-12-31" >/dev/null
bm --db "$tmp/now.db" add -a 申请人甲 -w sczr -m sl >/dev/null
run bm --db "$tmp/now.db" report --year "$this_year"
if [ "$(date +%m-%d)" = 12-31 ]; then
	like "$out" "设立业务 +1项 +2项" "on the last day the whole year before counts"
else
	like "$out" "${last_year}年同期" "the year in progress says it is compared with the same days"
	like "$out" "设立业务 +1项 +1项 +0$" "and counts only them"
fi

done_testing
