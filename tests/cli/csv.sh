#!/bin/bash
# The CSV interchange file: export, import, and a lossless round trip.
. "$(dirname "$0")/lib.sh"

a="$tmp/a.db"
b="$tmp/b.db"
bm --db "$a" init >/dev/null
bm --db "$b" init >/dev/null

add() { bm --db "$a" add "$@" >/dev/null; }
add -w sczr -m sl -a '张记面馆, "老店"' -v 杨村 --date 2021-03-15 --time 09:41 \
	-i 92130125MA0XK7G1X9 --note '=SUM(A1)'
add -w sczr -m bg -a 李氏五金店 -i 92130125MA0CD5678W -v dnj --date 2021-03-16
add -w wsjk -m xnh --households 2 --persons 7 -a '䶮𠀀' --date 2021-05-01 --note '+86 电话'
add -w msbz -m tk --category 终止 -a 王五 --date 2021-06-30 --note '多行
备注'
add -w sjfw -m ydz --quantity 3 --category 发放 --date 2021-12-31 --status 受理 -a '@某人'
voided=$(bm --db "$a" add -w sczr -m zx -a 重复录入 --date 2021-07-01)
bm --db "$a" void "$voided" --reason '与 SCZR-2021-000001 重复' >/dev/null
add -w sczr -m sl -a 去年 --date 2020-12-31

run bm --db "$a" export --year 2021 -o "$tmp/a.csv"
is "$rc" 0 "export -o"
is "$(head -c 3 "$tmp/a.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "export starts with a UTF-8 BOM"
# The header and six entries; the line break inside 多行备注 stays inside its quotes.
is "$(grep -c $'\r$' "$tmp/a.csv")" 7 "every record ends in CRLF"
is "$(tail -c 2 "$tmp/a.csv" | od -An -tx1 | tr -d ' ')" "0d0a" "the file ends in CRLF"
like "$(cat "$tmp/a.csv")" '"92130125MA0XK7G1X9"' "export carries the full ID number"
like "$(cat "$tmp/a.csv")" '^.?"编号","日期","时间","窗口","事项"' "the header has the Chinese labels"
like "$(cat "$tmp/a.csv")" '"张记面馆, ""老店"""' "commas and quotes are quoted"
like "$(cat "$tmp/a.csv")" "\"'=SUM\\(A1\\)\"" "a formula is guarded with '"
like "$(cat "$tmp/a.csv")" "\"'@某人\"" "an @ cell is guarded too"
like "$(cat "$tmp/a.csv")" '与 SCZR-2021-000001 重复' "a voided entry is exported with its reason"
lacks cat "$tmp/a.csv" '去年' "other years are left out"
run bm --db "$a" export --year 2021
is "$out" "$(cat "$tmp/a.csv")" "export to stdout writes the same"

run bm --db "$b" import "$tmp/a.csv" --dry-run
is "$rc" 0 "import --dry-run"
is "$(bm --db "$b" list --from 2021-01-01 --to 2021-12-31 --all | tail -1)" "共 0 件" \
	"--dry-run writes nothing"
run bm --db "$b" import "$tmp/a.csv"
is "$rc" 0 "import into a fresh database"
bm --db "$b" export --year 2021 -o "$tmp/b.csv"
ok cmp "$tmp/a.csv" "$tmp/b.csv" "export -> import -> export is byte-identical"
is "$(bm --db "$b" tally --from 2021-01-01 --to 2021-12-31)" \
	"$(bm --db "$a" tally --from 2021-01-01 --to 2021-12-31)" "the tally agrees after import"

run bm --db "$a" export --year 2021 --encoding gb18030 -o "$tmp/gb.csv"
is "$rc" 0 "export --encoding gb18030"
ok test "$(head -c 3 "$tmp/gb.csv" | od -An -tx1 | tr -d ' ')" != efbbbf "GB18030 has no BOM"
ok iconv -f GB18030 -t UTF-8 "$tmp/gb.csv" -o "$tmp/gb.utf8" "GB18030 output reads back with iconv"
is "$(cat "$tmp/gb.utf8")" "$(tail -c +4 "$tmp/a.csv")" "and says the same as the UTF-8 export"
run bm --db "$a" export --year 2021 --encoding gbk -o "$tmp/gbk.csv"
is "$rc" 0 "gbk is accepted as an alias"
ok cmp "$tmp/gb.csv" "$tmp/gbk.csv" "and writes GB18030"

bm --db "$tmp/c.db" init >/dev/null
run bm --db "$tmp/c.db" import "$tmp/gb.csv"
is "$rc" 0 "a GB18030 file imports"
bm --db "$tmp/c.db" export --year 2021 -o "$tmp/c.csv"
ok cmp "$tmp/a.csv" "$tmp/c.csv" "and round-trips to the same UTF-8 export"

# One bad row: nothing written, the line named.
bm --db "$tmp/d.db" init >/dev/null
{
	printf '\xef\xbb\xbf日期,窗口,事项,申请人,证件号码\r\n'
	printf '2021-03-15,sczr,sl,甲,\r\n'
	printf '2021-03-15,sczr,sl,乙,110105194912310021\r\n'
	printf '2021-03-16,wsjk,yt,丙,\r\n'
} >"$tmp/bad.csv"
run bm --db "$tmp/d.db" import "$tmp/bad.csv"
is "$rc" 1 "an import with one bad row fails"
like "$err" '第3行' "the message names the line"
ok has_chinese "$err" "in Chinese"
is "$(bm --db "$tmp/d.db" list --from 2021-01-01 --to 2021-12-31 --all | tail -1)" "共 0 件" \
	"and nothing is written"
run bm --db "$tmp/d.db" import "$tmp/no-such.csv"
is "$rc" 1 "a missing file fails"
ok has_chinese "$err" "with a Chinese message"

# The examples of bianmin(5): the least columns, LF line ends, English keys.
bm --db "$tmp/e.db" init >/dev/null
printf '日期,窗口,事项,申请人,村\n2021-03-15,市场准入,设立业务,张记面馆,杨村\n2021-03-15,wsjk,xnh,李四,dnj\n' \
	>"$tmp/least.csv"
run bm --db "$tmp/e.db" import "$tmp/least.csv"
is "$rc" 0 "the least interchange file of bianmin(5) imports"
printf 'date,Window,MATTER,households,persons\n2021-03-15,wsjk,xnh,2,7\n' >"$tmp/keys.csv"
run bm --db "$tmp/e.db" import "$tmp/keys.csv"
is "$rc" 0 "English keys in any case import"
like "$(bm --db "$tmp/e.db" tally --date 2021-03-15)" '^卫生健康 +独生子女和双女户新农合补贴 +3户8人$' \
	"with their counts"
printf '日期,窗口,事项\n2021-03-15,sczr,sl\n' | bm --db "$tmp/e.db" import - >/dev/null
like "$(bm --db "$tmp/e.db" tally --date 2021-03-15)" '^市场准入 +设立业务 +2项$' "import - reads stdin"

run bm --db "$a" export --year 2021 -o "$tmp/no-such-dir/x.csv"
is "$rc" 1 "export into a missing folder fails"
ok test -z "$(ls "$tmp" | grep '^x.csv')" "and leaves nothing behind"

done_testing
