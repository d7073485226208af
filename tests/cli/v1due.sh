#!/bin/bash
# 承诺件 saved without a due day (a v1 ledger: due_on and done_on came with
# migration 2) are given theirs by `init` and by `holiday load`, from the
# acceptance day, the matter's 承诺时限 and the holiday calendar: one still
# 受理, and one closed by done/return, whose done day is that change's day
# in the audit trail.  One closed when it was saved, and voided ones, are
# left alone.  The report and overdue then count them.  An import (the
# interchange file has no due column) gives its 承诺件 a due day as a save
# does; a file with the columns 联系电话, 承诺办结日期 and 办结日期 is taken
# as it says, and export --all-columns writes them for a lossless move.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP no sqlite3"; exit 0; }
bm init >/dev/null
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null
db=$BIANMIN_DB
sql() { sqlite3 "$db" "$@"; }

# The entries as a v1 ledger holds them after migration 2: no due day, no
# done day; v1's done and return wrote only their audit line, dated then.
open=$(bm add -w msbz -m db -a 赵秀英 --date 2021-09-30)
ontime=$(bm add -w msbz -m db -a 钱建国 --date 2021-09-30)
late=$(bm add -w msbz -m db -a 孙桂兰 --date 2021-10-08)
atsave=$(bm add -w msbz -m db -a 李玉兰 --date 2021-10-08 --status 办结)
voided=$(bm add -w msbz -m db -a 周 --date 2021-10-08)
bm void "$voided" --reason 重复录入 >/dev/null
quick=$(bm add -w msbz -m lr -a 吴 --date 2021-10-08)
txn_id() { sql "SELECT id FROM txn WHERE serial = '$1'"; }
sql "UPDATE txn SET due_on = NULL, done_on = NULL;
     UPDATE txn SET status = '办结' WHERE serial = '$ontime';
     UPDATE txn SET status = '退回' WHERE serial = '$late';
     INSERT INTO audit (at, login, action, txn_id, detail) VALUES
       ('2021-10-12T16:20:00', 'zhang', 'done', $(txn_id "$ontime"), '办结'),
       ('2021-10-20T09:05:00', 'zhang', 'return', $(txn_id "$late"), '退回: 材料不全');"
is "$(sql "SELECT count(*) FROM txn WHERE due_on IS NOT NULL OR done_on IS NOT NULL")" 0 \
	"the ledger holds no due or done day"

# Before: overdue works out the open one's due day; the report has none.
like "$(bm overdue --date 2021-10-14)" "^$open  2021-09-30  2021-10-13 " \
	"overdue already counts an open one from its matter's limit"
lacks bm report --year 2021 '承诺件与好差评' "the report has no 承诺件 yet"

# A locked year's figures are final: nothing of it is filled.
bm lock --year 2021 >/dev/null
run bm init
unlike "$out" '补记' "init fills nothing in a locked year"
is "$(sql "SELECT count(*) FROM txn WHERE due_on IS NOT NULL")" 0 "its entries keep no due day"
bm unlock --year 2021 >/dev/null

run bm init
is "$rc" 0 "init"
like "$out" '^已补记 3 件承诺件的承诺办结日期' "init gives three 承诺件 their due day"
like "$(bm list --date 2021-09-30)" "^$open .* 受理 .*承诺办结 2021-10-13$" \
	"the open one: due 2021-10-13 (5 working days over National Day)"
like "$(bm list --date 2021-09-30)" "^$ontime .* 办结 .*承诺办结 2021-10-13  办结于 2021-10-12$" \
	"one done on 10-12 (its audit line): due 10-13, done 10-12"
like "$(bm list --date 2021-10-08)" "^$late .* 退回 .*承诺办结 2021-10-14  退回于 2021-10-20$" \
	"one returned on 10-20: due 10-14, returned 10-20"
is "$(sql "SELECT count(*) FROM txn WHERE serial IN ('$atsave', '$voided', '$quick') AND due_on IS NOT NULL")" 0 \
	"closed at its save, voided, or a 即办件: no due day made up"
like "$(bm audit)" "补记承诺办结 +$open +补记承诺办结 2021-10-13" "each fill is audited"
like "$(bm audit)" "$ontime +补记承诺办结 2021-10-13 办结于 2021-10-12" "with the done day taken"

run bm report --year 2021
like "$out" '^民生保障 +3 +1 +1 +1 +50\.0% ' "the report counts them: 3, one on time, one late, one open"
like "$(bm report --year 2021 --format narrative)" '全年受理承诺件3件，按时办结1件、逾期办结1件、尚在办理1件' \
	"and the narrative says so"
like "$(bm overdue --date 2021-10-14)" "^$open  2021-09-30  2021-10-13 " "overdue lists the open one still"
like "$(bm overdue --date 2021-10-14)" '^逾期未办结 1 件$' "and only it"

run bm init
unlike "$out" '补记' "a second init finds nothing to fill"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'due'")" 3 "and audits nothing more"

# holiday load fills too (an administrator loading the calendar).
sql "UPDATE txn SET due_on = NULL WHERE serial = '$open'"
printf '日期,类型,名称\n2021-10-13,休,测试\n' >"$tmp/day.csv"
run bm holiday load "$tmp/day.csv"
is "$rc" 0 "holiday load"
like "$out" '已补记 1 件承诺件' "fills the one without a due day"
like "$(bm list --date 2021-09-30)" "^$open .*承诺办结 2021-10-14$" \
	"from the calendar as it now is (10-13 made a day off)"
like "$(bm list --date 2021-09-30)" "^$ontime .*承诺办结 2021-10-13  办结于 2021-10-12$" \
	"a due day already given stays"

# A clerk's init leaves the ledger as it is.
sql "UPDATE txn SET due_on = NULL WHERE serial = '$open'"
bm user add chief --name 主任 --role admin >/dev/null
bm user add "$(id -un)" --name 经办 --role clerk >/dev/null
run bm init
is "$rc" 0 "a clerk's init"
unlike "$out" '补记' "fills nothing"
is "$(sql "SELECT due_on IS NULL FROM txn WHERE serial = '$open'")" 1 "the entry is untouched"

# Import: the interchange file has no due column; a 承诺件 gets its due
# day as a save gives it, in a ledger of its own.  (One imported closed
# without a done day was closed on its own day, as a save with --status
# 办结 is: the import is a save now, with the catalog as it is.)
export BIANMIN_DB="$tmp/import.db"
bm init >/dev/null
bm catalog load "$tmp/catalog.csv" >/dev/null
printf '%s\r\n' '日期,窗口,事项,申请人,状态' '2021-09-30,民生保障,最低生活保障申请初审,郑,受理' \
	'2021-02-10,民生保障,最低生活保障申请初审,王,办结' '2021-02-10,民生保障,困难老人补贴,冯,办结' \
	>"$tmp/in.csv"
run bm import "$tmp/in.csv"
is "$rc" 0 "the import"
like "$(bm list --date 2021-09-30)" ' 受理 .*承诺办结 2021-10-13$' "an imported open 承诺件 is due 10-13"
like "$(bm list --date 2021-02-10)" '最低生活保障.* 办结 .*承诺办结 2021-02-23  办结于 2021-02-10$' \
	"an imported closed one: due across 春节, closed on its own day (the file gives no other)"
lacks bm list --date 2021-02-10 '困难老人补贴.*承诺办结' "a 即办件 has none"
like "$(bm overdue --date 2021-10-14)" '^逾期未办结 1 件$' "overdue counts the imported one"
like "$(bm report --year 2021)" '^民生保障 +2 +1 +0 +1 ' "the report counts both"

# A file may carry a 承诺件's follow-up in three more columns, taken as
# given: 联系电话, 承诺办结日期 (the day promised), 办结日期.
export BIANMIN_DB="$tmp/extra.db"
bm init >/dev/null
bm catalog load "$tmp/catalog.csv" >/dev/null
printf '%s\r\n' '日期,窗口,事项,申请人,状态,联系电话,承诺办结日期,办结日期' \
	'2021-09-30,民生保障,最低生活保障申请初审,郑,受理,13800138000,2021/10/15,' \
	'2021-09-30,民生保障,最低生活保障申请初审,王,办结,,,2021-10-20' \
	'2021-09-30,民生保障,困难老人补贴,冯,办结,0371-65432178,,' >"$tmp/extra.csv"
run bm import "$tmp/extra.csv"
is "$rc" 0 "an import with 联系电话, 承诺办结日期 and 办结日期"
like "$(bm list --date 2021-09-30)" '郑 .*138\*\*\*\*8000 .* 受理 .*承诺办结 2021-10-15$' \
	"the phone and the due day as the file gives them (a spreadsheet's 2021/10/15 too)"
like "$(bm list --date 2021-09-30)" ' 王 .* 办结 .*承诺办结 2021-10-13  办结于 2021-10-20$' \
	"a done day from the file; the due day, not given, worked out"
like "$(bm list --date 2021-09-30)" '冯 .*0371-\*\*\*\*2178 ' "a 即办件's phone"
like "$(bm report --year 2021)" '^民生保障 +2 +0 +1 +1 ' "the report: one late by its done day, one open"
printf '%s\r\n' 'date,window,matter,applicant,status,phone,due_on,done_on' \
	'2021-11-01,msbz,db,褚,退回,,,2021-11-02' >"$tmp/keys.csv"
run bm import "$tmp/keys.csv"
is "$rc" 0 "the English keys phone, due_on, done_on"
like "$(bm list --date 2021-11-01)" '褚 .* 退回 .*承诺办结 2021-11-08  退回于 2021-11-02$' "are taken too"

printf '%s\r\n' '日期,窗口,事项,申请人,状态,联系电话,承诺办结日期,办结日期' \
	'2021-12-01,民生保障,最低生活保障申请初审,甲,受理,,2021-11-30,' \
	'2021-12-01,民生保障,最低生活保障申请初审,乙,受理,,,2021-12-02' \
	'2021-12-01,民生保障,困难老人补贴,丙,办结,,2021-12-05,' \
	'2021-12-01,民生保障,最低生活保障申请初审,丁,办结,,2021-12-32,' \
	'2021-12-01,民生保障,最低生活保障申请初审,戊,办结,,,2021-11-30' \
	'2021-12-01,民生保障,最低生活保障申请初审,己,受理,1380013800,,' >"$tmp/badextra.csv"
run bm import "$tmp/badextra.csv"
is "$rc" 1 "bad follow-up cells are refused"
like "$err" '第2行: 承诺办结日期 2021-11-30 早于受理日期 2021-12-01' "a due day before acceptance, by line"
like "$err" '第3行: 状态为受理的办件不能有办结日期' "a done day on an open case"
like "$err" '第4行: “困难老人补贴”是即办件，没有承诺办结日期和办结日期' "a due day on a 即办件"
like "$err" '第5行: 承诺办结日期“2021-12-32”无效' "a date that does not exist"
like "$err" '第6行: 办结日期 2021-11-30 早于受理日期 2021-12-01' "a done day before acceptance"
like "$err" '第7行: .*联系电话' "a phone of the wrong shape"
is "$(bm list --date 2021-12-01 | tail -1)" "共 0 件" "and nothing was written"

# The export keeps its 16 columns: these three are not written.
bm export --year 2021 -o "$tmp/out.csv" >/dev/null
is "$(head -1 "$tmp/out.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" \
	'"编号","日期","时间","窗口","事项","分类","申请人","证件号码","村","户数","人数","数量","状态","经办人","备注","作废原因"' \
	"export's header is the interchange's 16 columns, as before"

# --all-columns: the three after the sixteen, and back again.
run bm export --year 2021 --all-columns -o "$tmp/full.csv"
is "$rc" 0 "export --all-columns"
is "$(head -1 "$tmp/full.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r')" \
	'"编号","日期","时间","窗口","事项","分类","申请人","证件号码","村","户数","人数","数量","状态","经办人","备注","作废原因","联系电话","承诺办结日期","办结日期"' \
	"the sixteen columns, then 联系电话, 承诺办结日期, 办结日期"
like "$(cat "$tmp/full.csv")" '"郑",.*"13800138000","2021-10-15",""' "the whole phone and the due day as promised"
like "$(cat "$tmp/full.csv")" '"冯",.*"0371-65432178","",""' "a 即办件: its phone, no days"
export BIANMIN_DB="$tmp/moved.db"
bm init >/dev/null
bm catalog load "$tmp/catalog.csv" >/dev/null
run bm import "$tmp/full.csv"
is "$rc" 0 "imports into a fresh ledger"
bm export --year 2021 --all-columns -o "$tmp/full2.csv" >/dev/null
ok cmp -s "$tmp/full.csv" "$tmp/full2.csv" "and exports the same bytes: phones, due and done days kept"
is "$(bm report --year 2021 --format csv | grep '^"民生保障","[0-9]')" \
	"$(bm --db "$tmp/extra.db" report --year 2021 --format csv | grep '^"民生保障","[0-9]')" \
	"the moved ledger's 承诺件 figures are the first's"
run bm export --year 2021 --all-columns --format xlsx -o "$tmp/full.xlsx"
is "$rc" 2 "--all-columns is for CSV only"

done_testing
