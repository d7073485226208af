#!/bin/bash
# Imports of what a spreadsheet saves when it opens an export and saves it
# again as CSV: no BOM, LF or CRLF, UTF-8 or GBK, its dates and times, an
# ID it turned into a number, a rare character a GBK save turned into ?.
. "$(dirname "$0")/lib.sh"

a="$tmp/a.db"
bm --db "$a" init >/dev/null
bm --db "$a" add -w sczr -m sl -a 张记面馆 -i 92130125MA0XK7G1X9 --date 2021-03-15 --time 09:05 \
	--note 0012 >/dev/null
bm --db "$a" add -w wsjk -m xnh --households 2 --persons 7 -a '刘䶮𠀀' -i 11010519491231002X \
	--date 2021-06-01 --time 12:50 >/dev/null
run bm --db "$a" export --year 2021 -o "$tmp/a.csv"
is "$rc" 0 "export"

# import FILE: into a fresh ledger; then its export is in $tmp/back.csv.
fresh_import() {
	rm -f "$tmp/fresh.db"
	bm --db "$tmp/fresh.db" init >/dev/null
	run bm --db "$tmp/fresh.db" import "$1"
	bm --db "$tmp/fresh.db" export --year 2021 -o "$tmp/back.csv" 2>/dev/null
}

tail -c +4 "$tmp/a.csv" >"$tmp/nobom.csv"
fresh_import "$tmp/nobom.csv"
is "$rc" 0 "no BOM imports"
ok cmp "$tmp/a.csv" "$tmp/back.csv" "and round-trips"
sed 's/\r$//' "$tmp/nobom.csv" >"$tmp/lf.csv"
fresh_import "$tmp/lf.csv"
is "$rc" 0 "LF line ends import"
ok cmp "$tmp/a.csv" "$tmp/back.csv" "and round-trips"
iconv -f UTF-8 -t GB18030 "$tmp/lf.csv" >"$tmp/gb.csv"
fresh_import "$tmp/gb.csv"
is "$rc" 0 "GB18030 without BOM imports"
like "$out" 'GB18030' "and is said to be GB18030"
ok cmp "$tmp/a.csv" "$tmp/back.csv" "and round-trips, 䶮 and 𠀀 kept"

# What LibreOffice Calc 7.4 writes of that export (opened with its defaults,
# saved as CSV): only texts quoted, times with seconds and AM/PM, and an
# all-digit ID as a number.  Here with the ID kept as text.
calc() {
	printf '"编号","日期","时间","窗口","事项","分类","申请人","证件号码","村","户数","人数","数量","状态","经办人","备注","作废原因"\n'
	printf '"SCZR-2021-000001",%s,%s,"市场准入","设立业务",,"张记面馆","92130125MA0XK7G1X9",,1,1,1,"办结","%s","0012",\n' \
		"$1" "$2" "$(id -un)"
	printf '"WSJK-2021-000001",%s,%s,"卫生健康","独生子女和双女户新农合补贴",,"刘䶮𠀀","%s",,%s,%s,1,"办结","%s",,\n' \
		"$3" "$4" "${5:-11010519491231002X}" "${6:-2}" "${7:-7}" "$(id -un)"
}
resaved() {
	calc "$1" "$2" "$3" "$4" >"$tmp/calc.csv"
	fresh_import "$tmp/calc.csv"
	is "$rc" 0 "dates $1 and $3, times $2 and $4 import"
	ok cmp "$tmp/a.csv" "$tmp/back.csv" "and give back the same file"
}
resaved 2021-03-15 '09:05:00 AM' 2021-06-01 '12:50:00 PM'
resaved 2021/3/15 9:05 2021/6/1 12:50
resaved 2021-3-15 09:05:00 2021-6-1 12:50:00
resaved 2021年3月15日 '9:05:00 AM' 2021年6月1日 下午12:50:00
resaved 2021/03/15 '9:05 am' 2021.6.1 '12:50 pm'

calc 2021/3/15 9:05 2021/6/1 12:50 '' 2.0 7.00 >"$tmp/counts.csv"
fresh_import "$tmp/counts.csv"
is "$rc" 0 "counts saved as 2.0 and 7.00 import"
ok cmp "$tmp/a.csv" "$tmp/back.csv" "as 2 and 7"
calc 2021/3/15 9:05 2021/6/1 12:50 '' 2.5 7 >"$tmp/counts.csv"
fresh_import "$tmp/counts.csv"
is "$rc" 1 "a count of 2.5 is refused"
like "$err" '第3行: 户数“2.5”应为不小于 0 的整数' "and named"
calc 2021/3/15 9:05:30 2021/6/1 12:50 >"$tmp/secs.csv"
fresh_import "$tmp/secs.csv"
is "$rc" 1 "a time with seconds other than 00 is refused, not rounded"
like "$err" '第2行: 时间“9:05:30”' "and named"

# The ID as Calc and Excel save it once they took it for a number.
for id in 1.10105194912E+17 1.10105194912E+017 1.1010519491231E+17 1.10105e17; do
	calc 2021/3/15 9:05 2021/6/1 12:50 "$id" >"$tmp/sci.csv"
	fresh_import "$tmp/sci.csv"
	is "$rc" 1 "ID $id is refused"
	like "$err" "第3行: 证件号码“${id//+/\\+}”成了科学计数法" "with the row and what happened"
done
like "$err" '电子表格当成了数字' "the message says a spreadsheet made it a number"
like "$err" '设为文本' "and how to avoid it: the column as text"
like "$err" 'export --format xlsx' "or the .xlsx export"
is "$(printf '%s\n' "$err" | grep -c '设为文本')" 1 "the advice is given once"
# A 统一社会信用代码 may read as a number in scientific notation itself.
calc 2021/3/15 9:05 2021/6/1 12:50 9244030541611E4742 >"$tmp/code-e.csv"
fresh_import "$tmp/code-e.csv"
is "$rc" 0 "a valid credit code shaped like 1E4742 imports"
calc 2021/3/15 9:05 2021/6/1 12:50 110105194912310000 >"$tmp/zeros.csv"
fresh_import "$tmp/zeros.csv"
is "$rc" 1 "an ID whose last digits a spreadsheet made 000 is refused"
like "$err" '第3行: .*末三位是 000' "with a word on why"
like "$err" '设为文本' "and the same advice"

# A GBK (CP936) save: 䶮 and 𠀀 are not in GBK, and become ?.
calc 2021/3/15 9:05 2021/6/1 12:50 | sed 's/刘䶮𠀀/刘??/' | iconv -f UTF-8 -t GBK >"$tmp/gbk.csv"
fresh_import "$tmp/gbk.csv"
is "$rc" 1 "a name with ? in a GBK file is refused"
like "$err" '第3行: 申请人“刘\?\?”' "the row and the name are named"
like "$err" 'GBK.*生僻字' "and it says a GBK save loses rare characters"
ok has_chinese "$err" "in Chinese"
calc 2021/3/15 9:05 2021/6/1 12:50 | sed 's/刘䶮𠀀/刘??/' >"$tmp/utf8q.csv"
fresh_import "$tmp/utf8q.csv"
is "$rc" 0 "the same ? in a UTF-8 file is the file's own text"

done_testing
