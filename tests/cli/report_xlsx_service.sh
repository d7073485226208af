#!/bin/bash
# bianmin report --format xlsx: the 承诺件 and 好差评 figures, read back
# with openpyxl and checked cell by cell against the CSV report of the same
# ledger: per window and in all the 承诺件 on time, late and open, the
# on-time rate, the ratings by level, 好评率 and the share rated; counts as
# number cells, rates as numbers formatted as per cents; the 差评 list; the
# narrative's sentence on its sheet.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/xlsx_lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
bm init >/dev/null
# 最低生活保障申请初审 a 承诺件 of 5 working days, 设立业务 of 3.
sed -e 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	-e 's/^sczr,市场准入,sl,设立业务,项,,0,0,/sczr,市场准入,sl,设立业务,项,,0,3,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null
is "$(grep -c ',0,[35],' "$tmp/catalog.csv")" 2 "two matters became 承诺件"

# 民生保障: one on time (due 10-13, done 10-12), one late (due 10-14,
# returned 10-20), one open.  市场准入: one on time, one late, 即办件 rated.
a=$(bm add -w msbz -m db -a 赵秀英 --date 2021-09-30)
bm done "$a" --date 2021-10-12 >/dev/null
b=$(bm add -w msbz -m db -a 钱建国 --date 2021-10-08)
bm return "$b" --reason 材料不全 --date 2021-10-20 >/dev/null
bm add -w msbz -m db -a 孙桂兰 --date 2021-11-10 >/dev/null
bm add -w msbz -m lr -a 李玉兰 --date 2021-05-06 >/dev/null
c=$(bm add -w sczr -m sl -a 上碑镇某商店 --date 2021-03-02)
bm done "$c" --date 2021-03-04 >/dev/null
d=$(bm add -w sczr -m sl -a 上碑镇某饭店 --date 2021-03-02)
bm done "$d" --date 2021-03-30 >/dev/null
z=$(bm add -w sczr -m zx -a 上碑镇某公司 --date 2021-04-01)
bm rate "$a" 不满意 --reason 等待时间太长 >/dev/null
bm rate --followup "$a" --note 已致电说明 >/dev/null
bm rate "$b" 非常不满意 --reason 来回跑了三次 >/dev/null
bm rate "$c" 满意 >/dev/null
bm rate "$d" 基本满意 >/dev/null
bm rate "$z" 5 >/dev/null

run bm report --year 2021 --format csv -o "$tmp/report.csv"
is "$rc" 0 "the CSV report"
like "$(cat "$tmp/report.csv")" '^"民生保障","3","1","1","1","50\.0","0","0","0","1","1","2","0\.0","50\.0"' \
	"the CSV's 民生保障 row, the figures the workbook must give"
run bm report --year 2021 -o "$tmp/report.xlsx"
is "$rc" 0 "the workbook"

skip_without_openpyxl
# compare XLSX CSV: every row of the CSV's service table against the
# summary sheet's, and each window's against its own sheet; prints what
# differs, nothing when all agree.
compare() {
	"$py" - "$@" <<'EOF'
import csv, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
head = next(i for i, r in enumerate(rows) if r[:2] == ["窗口", "承诺件"])
want = {r[0]: r for r in rows[head + 1:] if r}
rates = {5, 12, 13}


def table(ws):
    """The rows under a sheet's 承诺件与好差评 head, by their first cell."""
    got, on = {}, False
    for row in ws.iter_rows():
        first = row[0].value
        if on and first is None:
            break
        if on:
            got[first] = row
        if first == "窗口" and row[1].value == "承诺件":
            on = True
            if [c.value for c in row[:14]] != rows[head]:
                print("%s: head %r" % (ws.title, [c.value for c in row[:14]]))
    return got


def check(sheet, name, row):
    w = want[name]
    for c in range(1, 14):
        cell = row[c] if c < len(row) else None
        v = None if cell is None else cell.value
        if c in rates:
            if w[c] == "":
                if v is not None:
                    print("%s %s col %d: %r, want empty" % (sheet, name, c, v))
                continue
            if not isinstance(v, float) and not isinstance(v, int):
                print("%s %s col %d: %r is no number" % (sheet, name, c, v))
            elif "%.1f" % (v * 100) != w[c]:
                print("%s %s col %d: %r, want %s%%" % (sheet, name, c, v, w[c]))
            elif cell.number_format != "0.0%":
                print("%s %s col %d: format %s" % (sheet, name, c, cell.number_format))
        elif not isinstance(v, (int, float)) or isinstance(v, bool) or "%d" % v != w[c]:
            print("%s %s col %d: %r, want the number %s" % (sheet, name, c, v, w[c]))


summary = table(wb["汇总"])
if sorted(summary) != sorted(want):
    print("汇总 rows %s, want %s" % (sorted(summary), sorted(want)))
for name, row in summary.items():
    if name in want:
        check("汇总", name, row)
        if name != "合计":
            own = table(wb[name])
            if list(own) != [name]:
                print("%s: its sheet has %s" % (name, list(own)))
            else:
                check(name, name, own[name])
EOF
}
run compare "$tmp/report.xlsx" "$tmp/report.csv"
is "$rc" 0 "the comparison ran"
is "$out" "" "every window's figures and the total are the CSV's, typed, on 汇总 and on the window's sheet"

xlsx_dump "$tmp/report.xlsx" >"$tmp/dump.txt"
text_report=$(bm report --year 2021)
sheet_rows() { awk -v s="sheet $1" '/^sheet / { on = ($0 == s) } on && /^row /' "$tmp/dump.txt"; }
like "$(sheet_rows 汇总)" '^row [0-9]+	s:民生保障	n:3	n:1	n:1	n:1	n:0\.5	n:0	n:0	n:0	n:1	n:1	n:2	n:0	n:0\.5$' \
	"汇总: 民生保障 3 承诺件, 1 on time, 1 late, 1 open, 50%, a 不满意 and a 非常不满意"
like "$(sheet_rows 汇总)" '^row [0-9]+	s:合计	n:5	n:2	n:2	n:1	n:0\.5	n:1	n:1	n:1	n:1	n:1	n:5	n:0\.6	' \
	"汇总: the center's total, 好评率 3 of 5"
like "$(sheet_rows 汇总)" '^row [0-9]+	s:卫生健康	n:0	n:0	n:0	n:0	-	n:0	n:0	n:0	n:0	n:0	n:0$' \
	"a window with nothing to divide has empty rate cells, not 0%"
note=$(printf '%s\n' "$text_report" | sed -n 's/^承诺件与好差评（\(.*\)）$/\1/p')
like "$note" '^承诺时限按工作日计；按时办结率' "the text report says what its rates mean"
like "$(sheet_rows 汇总)" "^row [0-9]+	s:$note\$" "and the workbook says it in the same words"
like "$(sheet_rows 汇总)" "^row [0-9]+	s:$a	s:民生保障	s:不满意	s:已回访	s:等待时间太长$" \
	"the 差评 list: a call-back recorded"
like "$(sheet_rows 汇总)" "^row [0-9]+	s:$b	s:民生保障	s:非常不满意	s:待回访	s:来回跑了三次$" \
	"and one still waiting"
like "$text_report" "^$a  民生保障  不满意  已回访  等待时间太长$" "the text report lists the same 差评"

narrative=$(bm report --year 2021 --format narrative)
like "$narrative" '全年受理承诺件5件，按时办结2件、逾期办结2件、尚在办理1件，按时办结率50\.0%；收到好差评5件' \
	"the narrative's sentence on 承诺件 and ratings"
like "$(sheet_rows 文字说明)" "^row 1	s:$narrative\$" "is on the narrative sheet, word for word"

# A period without 承诺件 or ratings: no such table, as in the text report.
run bm report --year 2020 -o "$tmp/2020.xlsx"
is "$rc" 0 "a year with nothing"
lacks xlsx_dump "$tmp/2020.xlsx" '承诺件与好差评' "has no service table"

done_testing
