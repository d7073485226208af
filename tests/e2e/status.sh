#!/bin/bash
# What the bottom of the screen says: a message longer than a line is
# shown whole on two lines above the key bar, never cut.  Catching up on
# a past day (--date) is said in the headers: 补录, 当日, not 今日.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
# A matter whose long name makes core's message longer than a line.
long=登记一项名称很长很长的需要证件号码才能办理的市场主体变更业务
sed -e "s/^sczr,市场准入,zx,注销业务,项,,0,0,/sczr,市场准入,zx,$long,项,,1,0,/" \
	"$SRC/data/catalog.csv" >"$TMP/catalog.csv"
"$BIN" --db "$DB" catalog load "$TMP/catalog.csv" >/dev/null
ok $? "a matter with a long name that requires an ID number"

start a 80 24
wait_for a "1 市场准入"
keys a 1 3 Enter
type_text a "刘家庄养殖场"
keys a C-s
wait_for a "需要证件号码"
ok $? "the save is refused"
i=0
until screen a | tail -3 | tr -d ' \n' | grep -qF "事项「${long}」需要证件号码"; do
	[ $i -ge 50 ] && break
	sleep 0.1
	i=$((i + 1))
done
[ $i -lt 50 ]
ok $? "the message is shown whole on the two lines above the key bar"
screen a | tail -1 | grep -q "F2/Ctrl-S 保存"
ok $? "and the key bar stays"
keys a Escape Escape
wait_for a "表单未保存, 再按 Esc 放弃"
keys a Escape
wait_for a "1 市场准入"

# F8 where nothing may be voided says so, instead of an empty list.
keys a 2
wait_for a "卫生健康窗口"
keys a F8
wait_for a "本窗口今日没有可以作废的登记"
ok $? "F8 with nothing to void says so"
screen a | grep -q "选择要作废的登记"
ok $((!$?)) "and opens no list"
keys a Escape
wait_for a "1 市场准入"

# The tally's key bar names the view C leads to.
keys a T
wait_for a "当日统计"
screen a | tail -1 | grep -q "C 按经办人"
ok $? "the tally by matter offers 按经办人"
keys a C
wait_for a "按经办人  共"
screen a | tail -1 | grep -q "C 按事项"
ok $? "by clerk it offers 按事项"
keys a Escape
wait_for a "1 市场准入"
screen a | head -1 | grep -q "补录 2021-03-15 星期一"
ok $? "a past working day says 补录 in the header"
keys a 1
wait_for a "补录 2021-03-15   王芳   当日 0 件"
ok $? "and the window counts 当日"
keys a Escape
wait_for a "1 市场准入"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "quits"

# With --date of the clock's day nothing is being caught up.
tm new-session -d -s now -x 80 -y 24 "'$BIN' --db '$DB' --date $(date +%F)"
wait_for now "1 市场准入"
screen now | grep -q "补录"
ok $((!$?)) "--date of today is no 补录"
keys now 1
wait_re now "王芳   今日 [0-9]+ 件"
ok $? "the window counts 今日"
keys now Escape q

done_testing
