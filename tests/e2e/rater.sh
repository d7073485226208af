#!/bin/bash
# The citizen-facing rater in a second terminal: idle at first, it follows
# the clerk's saves at its window through the database, takes one key (two
# for a 差评: the level, then the reason), thanks, and goes back to idle.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
"$BIN" --db "$DB" add -w msbz -m lr -a 旧件 --date "$DAY" >/dev/null
ok $? "an entry saved before the rater starts"

tm new-session -d -s r -x 60 -y 20 "'$BIN' --db '$DB' rater --window msbz; echo \$? > '$TMP/r.exit'"
wait_for r "欢 迎 办 理 业 务"
ok $? "the rater starts idle, with the center and window"
screen r | grep -q "上碑镇行政综合服务中心  民生保障窗口"
ok $? "it names the center and its window"
screen r | grep -q "旧件"
ok $((!$?)) "what was saved before it started is not asked about"

start a 80 24
wait_for a "3 民生保障"
keys a 3
wait_for a "民生保障窗口"
keys a 1 Enter
wait_for a "申请人"
type_text a "李玉兰"
keys a C-s
wait_for a "已保存 MSBZ-2021-000002"
ok $? "the clerk saves at 民生保障"
wait_for r "困难老人补贴  李玉兰"
ok $? "the rater shows the entry just saved"
wait_for r "5    非 常 满 意"
ok $? "and the five levels"
screen r | grep -q "1    非 常 不 满 意"
ok $? "down to 非常不满意"
tm send-keys -t "=r:" 4
wait_for r "谢 谢 您 的 评 价"
ok $? "one key rates, and the citizen is thanked"
"$BIN" --db "$DB" audit | grep -q "评价 .*MSBZ-2021-000002  满意$"
ok $? "the rating is saved"
wait_for r "欢 迎 办 理 业 务" 10
ok $? "then idle again"

# A 差评: the level, then the reason, one key each.
"$BIN" --db "$DB" add -w msbz -m lr -a 钱建国 --date "$DAY" >/dev/null
wait_for r "困难老人补贴  钱建国"
ok $? "a save from the command line shows too"
tm send-keys -t "=r:" 2
wait_for r "请告诉我们原因"
ok $? "a 差评 asks why"
tm send-keys -t "=r:" 1
wait_for r "谢 谢 您 的 评 价"
ok $? "one more key"
"$BIN" --db "$DB" tally --date "$DAY" | grep -q "^MSBZ-2021-000003 .*不满意 .*等候时间太长$"
ok $? "the 差评 with its reason waits for a call-back"

# Only its own window's saves: one at 市场准入 is not asked about here.
wait_for r "欢 迎 办 理 业 务" 10
"$BIN" --db "$DB" add -w sczr -m zx -a 别的窗口 --date "$DAY" >/dev/null
ok $? "a save at 市场准入"
wait_for r "别的窗口" 2 >/dev/null
ok $((!$?)) "is not shown at the 民生保障 rater"
keys a 1 Enter
wait_for a "申请人"
type_text a "孙桂兰"
keys a C-s
wait_for a "已保存 MSBZ-2021-000004"
wait_for r "困难老人补贴  孙桂兰"
ok $? "the clerk's next save in the other pane is"

tm send-keys -t "=r:" C-c
ok "$([ "$(wait_exit r)" = 0 ]; echo $?)" "Ctrl-C closes the rater"
keys a Escape Escape
wait_for a "1 市场准入"
keys a q
wait_exit a >/dev/null
done_testing
