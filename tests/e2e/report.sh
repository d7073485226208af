#!/bin/bash
# The annual report screen (R) on the 2021 fixture: the figures of the
# reference report window by window beside 2020, the monthly chart, the
# paragraph (n), the years (Left/Right), and the year's CSV (e), which must
# be what `bianmin export` writes and must never overwrite a file.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
"$BIN" --db "$DB" import "$SRC/tests/fixtures/shangbei-2021.csv" >/dev/null
ok $? "the 2021 fixture imported"

# The export lands in the current directory: the test's own.
mkdir "$TMP/cwd" && cd "$TMP/cwd" || exit 1
start a 80 24
wait_for a "1 市场准入"
screen a | tail -1 | grep -q "R 年报.*q 退出"
ok $? "the home key bar offers R and still fits q in 80 columns"
keys a R
wait_for a "2021 年度统计"
ok $? "R opens the report on the working day's year"
wait_re a '设立业务 +234项 +220项 +\+14$'
ok $? "设立业务 234项 beside 2020 and the change"
wait_re a '合计 +410项 +388项 +\+22$'
ok $? "市场准入 合计 410项, 2020 388项, +22"
expect_screen a report-sczr.txt "the 市场准入 page with its monthly chart"
# Block elements are ambiguous width: drawn two columns wide by some
# Chinese terminals, they would push the chart apart.
! screen a | grep -qP '[\x{2580}-\x{259F}]'
ok $? "the chart is drawn without block elements"

keys a 2
wait_re a '独生子女和双女户新农合补贴 +143户433人 +130户401人 +\+13户\+32人$'
ok $? "2 shows 卫生健康 with 143户433人"
screen a | grep -qE '失独老人补贴领取 +1户1人'
ok $? "and 1户1人"
keys a Tab
wait_re a '其中 终止 +4人次'
ok $? "Tab moves to 民生保障 and its category split"
expect_screen a report-msbz.txt "the 民生保障 page"
keys a Tab
wait_re a '退役军人优待证 +400个'
ok $? "涉军 400个"
screen a | grep -qE '其中 发放 +280个' && screen a | grep -qE '其中 更换 +40个'
ok $? "with 发放 and 更换"

# The chart is ASCII: '#' a full cell, '=' half of one.
screen a | grep -E '^  [#= ]+$' | grep -q '###' && ! screen a | grep -qP '[\x{2580}-\x{259F}]'
ok $? "the monthly chart is drawn in ASCII"

keys a n
wait_for a "市场准入窗口共办理设立业务234项"
ok $? "n shows the paragraph of the annual report"
wait_for a "143户433人"
ok $? "with 143户433人"
screen a | grep -q "城乡建设"
ok $((!$?)) "a window with no live entries is left out"
screen a | grep -qE '^  [，。；、]'
ok $((!$?)) "no line starts with punctuation"
screen a | tail -1 | grep -q "n 表格" && ! screen a | tail -1 | grep -q "n 文字"
ok $? "the key bar offers going back to the table"
keys a n
wait_for a "1 市场准入   2 卫生健康"
ok $? "n again returns to the tables"

keys a Left
wait_for a "2020 年度统计"
ok $? "Left goes to 2020"
keys a 1
wait_re a '合计 +388项 +0项 +\+388$'
ok $? "2020 against 2019"
keys a Right
wait_for a "2021 年度统计"
keys a Right
wait_for a "没有以后的年度"
ok $? "no year after the working day's year"

keys a e
wait_for a "导出 2021 年度办件为: x/Enter Excel 工作簿 (.xlsx)   c CSV   Esc 不导出"
ok $? "e asks which file, the workbook first"
screen a | tail -1 | grep -q "x/Enter 工作簿 .xlsx  c CSV"
ok $? "the key bar offers the two answers"
keys a Escape
wait_for a "没有导出"
ok $? "Esc exports nothing"
screen a | grep -q "2021 年度统计"
ok $? "and stays on the report"
[ -z "$(ls "$TMP/cwd")" ]
ok $? "no file written"
keys a e c
wait_for a "已导出 2021 年度办件: $TMP/cwd/bianmin-2021.csv"
ok $? "e c exports the year as CSV and names the file"
"$BIN" --db "$DB" export --year 2021 -o "$TMP/cli.csv"
cmp -s "$TMP/cli.csv" "$TMP/cwd/bianmin-2021.csv"
ok $? "the file is what bianmin export writes"
keys a e c
wait_for a "bianmin-2021-2.csv"
ok $? "a second export takes a new name"
cmp -s "$TMP/cli.csv" "$TMP/cwd/bianmin-2021.csv"
ok $? "and leaves the first file alone"
[ "$(ls "$TMP/cwd" | wc -l)" -eq 2 ]
ok $? "no temporary file left behind"
keys a e Enter
wait_for a "已导出 2021 年度办件: $TMP/cwd/bianmin-2021.xlsx"
ok $? "e Enter exports the workbook and names it"
[ "$(head -c 2 "$TMP/cwd/bianmin-2021.xlsx")" = PK ]
ok $? "a workbook it is"
"$BIN" --db "$DB" export --year 2021 -o "$TMP/cli.xlsx"
# The sheets, not the zip: a workbook records when it was made.
python3 -c 'import sys, zipfile
sheet = lambda f: zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml")
sys.exit(sheet(sys.argv[1]) != sheet(sys.argv[2]))' "$TMP/cli.xlsx" "$TMP/cwd/bianmin-2021.xlsx"
ok $? "the same sheet bianmin export writes"
rm -f "$TMP/cwd/bianmin-2021.xlsx"

# On a USB stick (FAT: no hard links) an export still never overwrites:
# the names taken are skipped and the next free one is used.
start fat 80 24 LD_PRELOAD="$BIANMIN_FATFS" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
wait_for fat "1 市场准入"
keys fat R
wait_for fat "2021 年度统计"
keys fat e c
wait_for fat "已导出 2021 年度办件: $TMP/cwd/bianmin-2021-3.csv"
ok $? "without hard links the export takes the next free name"
cmp -s "$TMP/cli.csv" "$TMP/cwd/bianmin-2021-3.csv" && cmp -s "$TMP/cli.csv" "$TMP/cwd/bianmin-2021.csv"
ok $? "written whole, the first file left alone"
[ "$(ls "$TMP/cwd" | wc -l)" -eq 3 ]
ok $? "no temporary file left behind there either"
keys fat Escape q
wait_exit fat >/dev/null
start ro 80 24 LD_PRELOAD="$BIANMIN_FATFS" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	BIANMIN_TEST_READONLY=1
wait_for ro "1 市场准入"
keys ro R
wait_for ro "2021 年度统计"
keys ro e c
wait_for ro "无法在当前目录 $TMP/cwd 写入导出文件"
ok $? "a directory that takes no file is named"
keys ro Escape q
wait_exit ro >/dev/null

keys a Escape
wait_for a "逾期"
ok $? "Esc returns home"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits with status 0"

done_testing
