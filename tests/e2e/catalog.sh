#!/bin/bash
# What the catalog says about a matter reaches the screens: 承诺件 past
# their time limit are counted on the home screen and listed at the foot
# of the tally (the cases `bianmin overdue` lists); a matter that requires
# an ID number sends the cursor to that field.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
# 变更业务 becomes a 承诺件 of 5 days; 注销业务 requires an ID number.
sed -e 's/^sczr,市场准入,bg,变更业务,项,,0,0,/sczr,市场准入,bg,变更业务,项,,0,5,/' \
	-e 's/^sczr,市场准入,zx,注销业务,项,,0,0,/sczr,市场准入,zx,注销业务,项,,1,0,/' \
	"$SRC/data/catalog.csv" >"$TMP/catalog.csv"
# 城乡建设 gets twelve more matters than fit beside the form.
for c in a b c d e f g h i j k l; do
	echo "cxjs,城乡建设,q$c,测试事项$c,项,,0,0"
done >>"$TMP/catalog.csv"
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
wait_for a "超期 1 件  (T 查看)"
ok $? "the home screen counts it"
keys a T
wait_for a "承诺件 超期 1 件 预警 0 件"
ok $? "the tally's foot lists it"
wait_re a "超期 SCZR-2021-000001 变更业务 李氏五金店 \(承诺 2021-03-08 办结\)"
ok $? "with its matter, applicant and due day (5 working days after 03-01)"
# On a day gone by the foot still lists today's overdue cases and says so.
keys a Left Left Left Left Left
wait_for a "当日统计  2021-03-10"
wait_re a "截至 2021-03-15 承诺件 超期 1 件"
ok $? "a past day's tally says the overdue cases are counted to today"
keys a Right Right Right Right Right Right
wait_for a "已是今天"
wait_for a "当日统计  2021-03-15"
ok $? "Right stops at today"
wait_for a "承诺件 超期 1 件"
keys a Escape 1 2
wait_for a "单位: 项  承诺件"
ok $? "the window screen marks the matter a 承诺件"

keys a Escape 5
wait_for a "城乡建设窗口"
type_text a "ql"
wait_for a "14 测试事项l"
ok $? "a long matter list scrolls to the one picked by its code"
wait_for a "当日已录入"
ok $? "and today's entries keep their rows"
keys a Escape Escape 1 3 Enter
type_text a "刘家庄养殖场"
keys a C-s
wait_for a "事项「注销业务」需要证件号码"
ok $? "a core message is shown with unambiguous-width brackets"
cursor=$(tm display-message -p -t =a: '#{cursor_y}')
[ "$cursor" = "$(screen a | grep -n '证件号码' | head -1 | cut -d: -f1 | awk '{print $1 - 1}')" ]
ok $? "and the cursor goes to the ID field"
keys a Escape Escape
wait_for a "表单未保存, 再按 Esc 放弃"
keys a Escape
wait_for a "超期 1 件"

# From the search: the details say how long it waits; D marks it done,
# B returns one with a reason.
keys a S
type_text a "SCZR-2021-000001"
keys a Enter Enter
wait_for a "受理 (承诺 5 个工作日, 2021-03-08 到期, 超期)"
ok $? "the details show the due day and 超期"
screen a | tail -1 | grep -q "D 办结  B 退回"
ok $? "an entry 受理 offers 办结 and 退回"
keys a d
wait_for a "已办结 SCZR-2021-000001"
ok $? "D marks it done"
wait_for a "状态        办结"
keys a d
wait_for a "只有受理中的办件可以"
ok $? "a done entry cannot be done again"
screen a | tail -1 | grep -qE "办结|退回"
ok $((!$?)) "and the key bar no longer offers 办结 or 退回"
keys a b
wait_for a "只有受理中的办件可以退回"
ok $? "B on a done entry says why at once"
screen a | grep -q "退回原因:"
ok $((!$?)) "without asking for a reason first"
keys a Escape Escape C-u
type_text a "SCZR-2021-000002"
keys a Enter Enter
wait_for a "受理 (承诺 5 天, 已 3 天)"
keys a b
wait_for a "退回原因:"
type_text a "材料不全"
keys a Enter
wait_for a "已退回 SCZR-2021-000002"
ok $? "B returns it with a reason"
"$BIN" --db "$DB" list --date 2021-03-12 | grep -q "SCZR-2021-000002.*退回"
ok $? "the ledger has it returned"
keys a Escape Escape Escape
wait_for a "无逾期未办结件"
ok $? "nothing is overdue any more"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "quits"

done_testing
