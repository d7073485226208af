#!/bin/bash
# ID numbers as clerks type them off a card: grouped with spaces or
# hyphens, in full-width digits from a Chinese input method, with a small
# x.  The form folds them before the check, says sex, birth and age of a
# good 身份证, names the field of a bad one without handing out the right
# check character, and checks each window's kind of number.  Returning
# names are offered by prefix and by substring as well as by initials.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
list() { "$BIN" --db "$DB" list --all --date "$DAY" "$@"; }
# The age the form shows is taken on the real day.
age_of() { # YYYY-MM-DD
	local now b
	now=$(date +%Y%m%d)
	b=$(printf '%s' "$1" | tr -d -)
	echo $(((now - b) / 10000))
}

start a 80 24
wait_for a "1 市场准入"
keys a 2
wait_for a "卫生健康窗口"
type_text a "xnh"
wait_for a "单位: 户+人"
keys a Enter
wait_for a "申请人"

# Spaces and full-width digits, as an input method types them.
type_text a "刘桂兰"
keys a Tab
type_text a "１３０１２５ 1980-0101-123７"
wait_for a "身份证通过: 男, 1980-01-01 生, $(age_of 1980-01-01) 岁"
ok $? "grouped, full-width digits are folded and checked as a 身份证, with sex, birth and age"
keys a C-s
wait_for a "已保存 WSJK-2021-000001"
ok $? "and saved"
"$BIN" --db "$DB" show WSJK-2021-000001 | grep -qx "证件号码: 130125198001011237"
ok $? "the ledger holds the folded number"

# A small x at the end is the check character X.
wait_for a "申请人"
type_text a "王五"
keys a Tab
type_text a "11010519491231002x"
wait_for a "身份证通过: 女, 1949-12-31 生"
ok $? "a small x is read as X"
keys a C-s
wait_for a "已保存 WSJK-2021-000002"
"$BIN" --db "$DB" show WSJK-2021-000002 | grep -qx "证件号码: 11010519491231002X"
ok $? "and stored as X"

# A typo in the last character: the field is named, the right one is not given.
wait_for a "申请人"
type_text a "赵六"
keys a Tab
type_text a "110105194912310021"
wait_for a "证件号码校验位不符，请对照证件核对"
ok $? "a wrong check character names the field and asks to compare with the card"
screen a | grep -q "应为"
ok $((!$?)) "without saying what the check character should be"
keys a C-s
wait_for a "证件号码校验位不符"
list | grep -q "赵六"
ok $((!$?)) "and nothing is saved"
# Esc leaves the unsaved form in two steps, then the window.
keys a Escape
wait_for a "表单未保存, 再按 Esc 放弃"
keys a Escape
wait_for a "Enter 开始登记"

# 市场准入 checks a 统一社会信用代码 first: an all-digit one is not taken
# for a bad 身份证.
keys a Escape
wait_for a "1 市场准入"
keys a 1
wait_for a "市场准入窗口"
keys a Enter
wait_for a "申请人"
type_text a "红星商店"
keys a Tab
type_text a "9113 0125 0000 0000 16"
wait_for a "统一社会信用代码, 校验通过"
ok $? "a spaced, all-digit 统一社会信用代码 is checked as one at 市场准入"
keys a C-s
wait_for a "已保存 SCZR-2021-000001"
"$BIN" --db "$DB" show SCZR-2021-000001 | grep -qx "证件号码: 911301250000000016"
ok $? "and saved without the spaces"
wait_for a "申请人"

# Returning names: by prefix and by substring.
type_text a "红星"
wait_for a "来过的申请人"
wait_for a "红星商店"
ok $? "a prefix offers the name seen before"
# Offered, not chosen: no row is lit until Down takes one.
lit() { tm capture-pane -e -p -t =a: | grep "红星商店  " | grep -v "申请人"; }
before=$(lit)
keys a Down
i=0
while [ "$(lit)" = "$before" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
after=$(lit)
[ "$before" != "$after" ]
ok $? "the offered name is lit only after Down"
keys a Up
keys a C-u
type_text a "商店"
wait_for a "红星商店"
ok $? "so does a part of the name"
keys a C-u
keys a Escape
wait_for a "市场准入窗口"
keys a Escape
wait_for a "1 市场准入"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "q quits"

done_testing
