#!/bin/bash
# bianmin report --format xlsx: the reference year's workbook, read back
# with openpyxl: every published figure a number in its own cell, 户 and 人
# apart, the category split, the year before, 同比 as a difference and a
# per cent, totals in entries, the narrative on its own sheet.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/xlsx_lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
bm init >/dev/null
run bm import "$BIANMIN_SOURCE_ROOT/tests/fixtures/shangbei-2021.csv"
is "$rc" 0 "the fixture imports"

run bm report --year 2021 -o "$tmp/2021.xlsx"
is "$rc" 0 "report -o FILE.xlsx"
is "$(head -c 2 "$tmp/2021.xlsx")" PK "writes a workbook"
run bm report --year 2021 --format xlsx -o "$tmp/2021.bin"
is "$(head -c 2 "$tmp/2021.bin")" PK "--format xlsx, whatever the name"
run bm report --year 2021 --format text -o "$tmp/text.xlsx"
like "$(cat "$tmp/text.xlsx")" '^市场准入 +设立业务 +234项' "--format text wins over the name"
run bm report --year 2021 --format pdf
is "$rc" 2 "an unknown --format is a usage error"
like "$err" 'xlsx' "that names xlsx among the formats"
bm report --year 2021 --format xlsx >"$tmp/piped.xlsx" 2>/dev/null
is "$(head -c 2 "$tmp/piped.xlsx")" PK "a workbook goes to a pipe or a redirect"
run bm report --year 2021 --from 2021-03-01 --to 2021-05-31 -o "$tmp/spring.xlsx"
is "$rc" 0 "a period other than the year"

skip_without_openpyxl
xlsx_dump "$tmp/2021.xlsx" >"$tmp/dump.txt"
is "$(grep '^sheet' "$tmp/dump.txt" | tr '\n' ' ')" \
	"sheet 汇总 sheet 市场准入 sheet 卫生健康 sheet 民生保障 sheet 涉军 sheet 城乡建设 sheet 文字说明 " \
	"a summary sheet, a sheet per window, the narrative"

# sheet_rows SHEET: that sheet's rows.
sheet_rows() { awk -v s="sheet $1" '/^sheet / { on = ($0 == s) } on && /^row /' "$tmp/dump.txt"; }
# figure SHEET 事项 分类 单位 2021 2020: a row with these cells, numbers as numbers.
figure() {
	local cat=-
	[ -n "$3" ] && cat="s:$3"
	like "$(sheet_rows "$1")" "^row [0-9]+	s:$2	$cat	s:$4	n:$5	n:$6	n:$(($5 - $6))(	|$)" \
		"$1: $2${3:+ 其中$3} $5$4 (2020: $6$4), 同比 $(($5 - $6))"
}
like "$(sheet_rows 市场准入)" '^row [0-9]+	s:事项	s:分类	s:单位	s:2021年	s:2020年	s:同比	s:同比\(%\)$' \
	"a window's columns: 事项 分类 单位 2021年 2020年 同比 同比(%)"
figure 市场准入 设立业务 '' 项 234 220
figure 市场准入 变更业务 '' 项 43 41
figure 市场准入 注销业务 '' 项 122 115
figure 市场准入 增补执照业务 '' 项 11 12
figure 市场准入 合计 '' 项 410 388
figure 卫生健康 第一个子女生育登记 '' 人 45 52
figure 卫生健康 第二个子女生育登记 '' 个 51 44
figure 卫生健康 大学生高考加分 '' 人 6 0
figure 卫生健康 独生子女证 '' 个 9 12
figure 卫生健康 失独老人补贴领取 '' 户 1 0
figure 卫生健康 失独老人补贴领取 '' 人 1 0
figure 卫生健康 独生子女和双女户新农合补贴 '' 户 143 130
figure 卫生健康 独生子女和双女户新农合补贴 '' 人 433 401
figure 卫生健康 卫生法律法规宣传咨询 '' 人次 50 41
figure 卫生健康 生育政策咨询 '' 人次 30 0
figure 民生保障 困难老人补贴 '' 户 13 0
figure 民生保障 最低生活保障申请初审 '' 户 37 40
figure 民生保障 特困人员申请终止审核 '' 人次 13 7
figure 民生保障 特困人员申请终止审核 申请 人次 9 7
figure 民生保障 特困人员申请终止审核 终止 人次 4 0
figure 民生保障 困难残疾人申请初核 '' 人 19 0
figure 民生保障 公益性岗位补贴申请 '' 人 296 0
figure 民生保障 公益性岗位管理和服务 '' 人次 296 0
figure 民生保障 残疾证办理 '' 人次 50 44
figure 涉军 退役军人优待证 '' 个 400 350
figure 涉军 退役军人优待证 发放 个 280 350
figure 涉军 退役军人优待证 审验 个 80 0
figure 涉军 退役军人优待证 更换 个 40 0
figure 涉军 政策咨询 '' 人次 150 120

# 同比 in per cent: a fraction, shown as 0.0% (Excel's per cent is a fraction).
pct=$(sheet_rows 市场准入 | grep '	s:合计	' | cut -f8)
ok \
	awk -v p="${pct#n:}" 'BEGIN { exit !(p > 0.0566 && p < 0.0568) }' "同比(%) of 市场准入's 合计 is 22/388 as a number ($pct)"
gaokao_row() { sheet_rows 卫生健康 | grep '	s:大学生高考加分	'; }
lacks gaokao_row '	n:[0-9.]+	n:[0-9.]+	n:[0-9.]+	n:' "no per cent against a year before of nothing"
ok \
	"$py" -c 'import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["市场准入"]
sys.exit(ws["G4"].number_format != "0.0%")' "$tmp/2021.xlsx" "per cents are formatted as per cents"

# Windows whose matters count in different units: a total in entries.
like "$(sheet_rows 卫生健康)" '	s:办件数合计	-	s:件	n:332	n:277	n:55	' "卫生健康: 办件数合计 332 (277)"
lacks sheet_rows 市场准入 '办件数合计' "市场准入's 合计 already counts entries"
entries=$(bm report --year 2021 | awk '/^合计 / { print $NF }')
like "$(sheet_rows 汇总)" "^row [0-9]+	s:中心合计	n:$entries	n:[0-9]+	n:-?[0-9]+	" \
	"汇总: the center's total in entries ($entries), as the text report's"
like "$(sheet_rows 汇总)" '^row [0-9]+	s:市场准入	n:410	n:388	n:22	n:[0-9.]+	s:项	n:410	n:388	n:22	' \
	"汇总: a window's entries, and its own total where its matters share a unit"
sum=$(sheet_rows 汇总 | awk -F'\t' '$2 ~ /^s:(市场准入|卫生健康|民生保障|涉军|城乡建设)$/ && $3 ~ /^n:/ && !seen[$2]++ { s += substr($3, 3) } END { print s }')
is "$sum" "$entries" "汇总: the windows' entries add up to the center's"
like "$(sheet_rows 汇总)" '^row [0-9]+	s:市场准入	n:31	n:36	n:30	' "汇总: entries per month per window"

narrative=$(bm report --year 2021 --format narrative)
like "$(sheet_rows 文字说明)" "^row 1	s:$narrative\$" "文字说明: the narrative, word for word"
like "$narrative" '143户433人' "the narrative with the published figures"

xlsx_dump "$tmp/spring.xlsx" >"$tmp/dump.txt"
like "$(sheet_rows 汇总)" '	s:3月	s:4月	s:5月	s:合计$' "another period: its own months"
like "$(sheet_rows 汇总)" '	s:本期办件数	s:上年同期办件数	' "and its own column heads"

done_testing
