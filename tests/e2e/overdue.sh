#!/bin/bash
# 承诺件 past their time limit: counted on the home screen, listed at the
# foot of the tally, the same cases `bianmin overdue` lists.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
# 变更业务 becomes a 承诺件 of 5 days.
sed 's/^sczr,市场准入,bg,变更业务,项,,0,0$/sczr,市场准入,bg,变更业务,项,,0,5/' \
	"$SRC/data/catalog.csv" >"$TMP/catalog.csv"
"$BIN" --db "$DB" catalog load "$TMP/catalog.csv" >/dev/null
ok $? "a time limit set in the catalog"
"$BIN" --db "$DB" add -w sczr -m bg --applicant 李氏五金店 --date 2021-03-01 >/dev/null &&
	"$BIN" --db "$DB" add -w sczr -m bg --applicant 刘家庄养殖场 --date 2021-03-12 >/dev/null &&
	"$BIN" --db "$DB" add -w sczr -m bg --applicant 东南街商店 --date 2021-03-02 >/dev/null &&
	"$BIN" --db "$DB" done SCZR-2021-000003 >/dev/null
ok $? "three 承诺件, one done"
"$BIN" --db "$DB" overdue --date "$DAY" | grep -c "^SCZR-" >"$TMP/n"
[ "$(cat "$TMP/n")" = 1 ]
ok $? "bianmin overdue lists one"

start a 80 24
wait_for a "逾期未办结 1 件 (T 查看)"
ok $? "the home screen counts it"
keys a T
wait_for a "逾期未办结 1 件:"
ok $? "the tally's foot lists it"
wait_re a "SCZR-2021-000001 变更业务 李氏五金店 \(承诺 5 天, 已 14 天\)"
ok $? "with its matter, applicant, limit and days waiting"
keys a Escape 1 2
wait_for a "单位: 项  承诺件"
ok $? "the window screen marks the matter a 承诺件"
keys a Escape
wait_for a "逾期未办结 1 件"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "quits"

done_testing
