#!/bin/bash
# A 承诺件 at the counter: the phone field, the receipt key (to a file, then
# to the print = command), the rating key with a 差评 and its reason.
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 1
make_db
ok $? "database created"
# 最低生活保障申请初审 becomes a 承诺件 of 5 working days.
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$SRC/data/catalog.csv" >"$TMP/catalog.csv"
"$BIN" --db "$DB" catalog load "$TMP/catalog.csv" >/dev/null
ok $? "a catalog with a 承诺件"

# Due on the working day itself (03-08 + 5 working days = 03-15): 预警.
"$BIN" --db "$DB" add -w msbz -m db -a 孙桂兰 --date 2021-03-08 >/dev/null

start a 80 24
wait_for a "3 民生保障"
ok $? "home"
wait_for a "预警 1 件  (T 查看)"
ok $? "home shows the case due today as 预警"
keys a T
wait_for a "承诺件 超期 0 件 预警 1 件"
ok $? "the tally's foot counts it"
wait_for a "预警 MSBZ-2021-000001 最低生活保障申请初审 孙桂兰 (承诺 2021-03-15 办结)"
ok $? "and lists it with the word"
keys a Escape
keys a 3
wait_for a "民生保障窗口"
keys a 2 Enter
wait_for a "联系电话"
ok $? "a 承诺件's form asks for the phone"
type_text a "赵秀英"
keys a Tab Tab
type_text a "1380013800"
wait_for a "手机号应为 11 位"
ok $? "a short mobile number is flagged as typed"
type_text a "0"
wait_for a "13800138000"
ok $? "the whole number is accepted"
keys a C-s
wait_for a "已保存 MSBZ-2021-000002  最低生活保障申请初审  Ctrl-P 回执  Ctrl-R 评价"
ok $? "saved; the status names the receipt and rating keys"
"$BIN" --db "$DB" list --date "$DAY" | grep -q "MSBZ-2021-000002 .*138\*\*\*\*8000 .*承诺办结 2021-03-22$"
ok $? "saved with the phone and due 2021-03-22 (Monday + 5 working days)"

# The receipt: without print =, a file in the current folder.
keys a C-p
wait_for a "已写入回执 回执-MSBZ-2021-000002.txt"
ok $? "Ctrl-P writes the receipt"
grep -q '^承诺办结日期：2021-03-22$' "$TMP/回执-MSBZ-2021-000002.txt"
ok $? "the file is the slip, with the due day"
grep -q '^经办人：王芳$' "$TMP/回执-MSBZ-2021-000002.txt"
ok $? "and the clerk"
# With print =, the command takes it.
printf 'print = cat > "%s/printed.txt"\nphone = 0371-65432178\n' "$TMP" >"$BIANMIN_CONF"
keys a F6
wait_for a "已打印回执 MSBZ-2021-000002"
ok $? "F6, with print =, prints it"
grep -q '^咨询电话：0371-65432178$' "$TMP/printed.txt"
ok $? "the printer got the slip with the center's phone"

# The rating: Ctrl-R, a 差评 asks for its reason.
keys a C-r
wait_for a "评价 MSBZ-2021-000002  最低生活保障申请初审  赵秀英"
ok $? "Ctrl-R opens the rating of the last save"
wait_for a "1-5 评价"
ok $? "the bar offers the five levels"
keys a 2
wait_for a "不满意  原因:"
ok $? "a 差评 asks for the reason"
keys a Enter
wait_for a "是差评, 请记下群众说的原因"
ok $? "and is not taken without one"
type_text a "等待时间太长"
keys a Enter
wait_for a "已评价 MSBZ-2021-000002: 不满意"
ok $? "rated"
"$BIN" --db "$DB" tally --date "$DAY" | grep -q "^MSBZ-2021-000002 .*不满意 .*等待时间太长$"
ok $? "the 差评 waits for its call-back in the tally"
# A re-rating replaces it.
keys a C-r
wait_for a "5  非常满意"
keys a 5
wait_for a "已评价 MSBZ-2021-000002: 非常满意"
ok $? "a re-rating"
"$BIN" --db "$DB" audit | grep -q "评价 .*MSBZ-2021-000002  非常满意（原为不满意）"
ok $? "replaces it, audited"

# A 即办件 has no receipt.
keys a Escape
wait_for a "Enter 开始登记"
keys a 1 Enter
wait_for a "困难老人补贴"
type_text a "李玉兰"
keys a C-s
wait_for a "已保存 MSBZ-2021-000003  困难老人补贴  Ctrl-R 评价"
ok $? "a 即办件's status names only the rating key"
keys a C-p
wait_for a "即办件"
ok $? "and Ctrl-P says a 即办件 has no receipt"

keys a Escape Escape
wait_for a "3 民生保障"
keys a q
ok "$([ "$(wait_exit a)" = 0 ]; echo $?)" "quits cleanly"
done_testing
