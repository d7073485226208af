#!/bin/bash
# The administrator's tables: a header row on each, units and names in
# full or visibly cut, window numbers as the screens give them, audit
# actions in Chinese, and no line ending in spaces.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null

run bm catalog list
is "$rc" 0 "catalog list"
like "$out" '^序号 +代码 +事项 +单位 +时限 +证件 +申请人 +证件类型 +分类$' "catalog list has a header row"
like "$out" '^1 市场准入 \(sczr\)$' "the first window is numbered 1"
like "$out" '^5 城乡建设 \(cxjs\)$' "the fifth window is numbered 5"
unlike "$out" '^6 ' "no window is numbered 6"
like "$out" '^  5 +sd +失独老人补贴领取 +户\+人 +即办 +需申请人 +身份证$' "the unit 户+人 is shown whole"
is "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no catalog line ends in spaces"

printf '代码,村\nyc,杨村\nxz,小庄村\n' >"$tmp/villages.csv"
bm village load "$tmp/villages.csv" >/dev/null
run bm village list
like "$(printf '%s\n' "$out" | head -1)" '^代码 +村$' "village list has a header row"
like "$out" '^xz +小庄村$' "and lists the villages"
is "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no village line ends in spaces"

run bm user list
like "$(printf '%s\n' "$out" | head -1)" '^登录名 +姓名 +角色 +窗口$' "user list has a header row"
is "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no user line ends in spaces"

# The audit trail: actions in Chinese, wide enough not to be cut.
s1=$(bm add -w sczr -m sl -a 甲 --date 2021-03-01)
bm void "$s1" --reason 录错 >/dev/null
run bm audit
is "$rc" 0 "audit"
like "$(printf '%s\n' "$out" | head -1)" '^时间 +账户 +操作 +编号 +内容$' "audit has a header row"
like "$out" ' 载入事项目录 +载入事项目录 ' "catalog load reads 载入事项目录"
like "$out" ' 载入村名单 ' "village load reads 载入村名单"
like "$out" ' 登记经办人 ' "user add reads 登记经办人"
like "$out" " 录入 +$s1\$" "add reads 录入, without repeating the serial"
like "$out" " 作废 +$s1 +录错\$" "void reads 作废, with its reason"
unlike "$out" ' (add|void|catalog lo|village lo|user add) ' "no action is left in English"
is "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no audit line ends in spaces"

# list: a 分类 column, the 事项 column wide enough to tell 特困人员申请终止审核
# rows apart, and a longer name visibly cut.
t1=$(bm add -w msbz -m tk -c 申请 -a 张三 --date 2021-03-02)
t2=$(bm add -w msbz -m tk -c 终止 -a 张三 --date 2021-03-02)
x1=$(bm add -w wsjk -m xnh -a 李四 --households 2 --persons 7 --date 2021-03-02)
run bm list --date 2021-03-02
is "$rc" 0 "list"
like "$(printf '%s\n' "$out" | head -1)" '^编号 +日期 +时间 +窗口 +事项 +分类 +申请人 ' "list has a 分类 column"
like "$out" "^$t1 .* 特困人员申请终止审核 +申请 +张三 " "the 申请 row shows its matter whole and its category"
like "$out" "^$t2 .* 特困人员申请终止审核 +终止 +张三 " "the 终止 row too"
row1=$(printf '%s\n' "$out" | grep "^$t1" | cut -c17-)
row2=$(printf '%s\n' "$out" | grep "^$t2" | cut -c17-)
ok test "$row1" != "$row2" "the two rows differ"
like "$out" "^$x1 .* 独生子女和双女户新[^ ]*\.\. " "a name too long for its column ends with .."
unlike "$out" '…' "and never with an ellipsis of ambiguous width"
is "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no list line ends in spaces"
run bm list --bogus
like "$err" '^用法: bianmin list .*--clerk .*--search ' "list's usage line shows --clerk and --search"
like "$(bm list --help | head -1)" '--clerk .*--search ' "and so does its help"

done_testing
