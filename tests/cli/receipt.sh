#!/bin/bash
# 受理回执: the slip of a 承诺件 within 40 columns, written to a file, to
# standard output, or handed to the `print =` command; refused for a 即办件.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
printf 'phone = 0371-65432178\n' >"$tmp/bianmin.conf"
export BIANMIN_CONF="$tmp/bianmin.conf"
bm init --center 上碑镇行政综合服务中心 >/dev/null
sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,5,/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
bm catalog load "$tmp/catalog.csv" >/dev/null
bm user add "$(id -un)" --name 王芳 --role admin >/dev/null
a=$(bm add -w msbz -m db -a 赵秀英 --id 11010519491231002X --phone 13800138000 --date 2021-09-30)

run bm receipt "$a" -o -
is "$rc" 0 "receipt to standard output"
like "$out" '^ +上碑镇行政综合服务中心$' "the center, centred"
like "$out" '^ +受 理 回 执$' "the title"
like "$out" "^编号：$a$" "the serial"
like "$out" '^窗口：民生保障$' "the window"
like "$out" '^事项：最低生活保障申请初审$' "the matter"
like "$out" '^申请人：赵秀英$' "the applicant"
like "$out" '^证件号码：110105\*\*\*\*\*\*\*\*002X$' "the ID number masked"
unlike "$out" '11010519491231002X' "never whole"
like "$out" '^受理日期：2021-09-30$' "the day accepted"
like "$out" '^承诺时限：5 个工作日$' "the limit in working days"
like "$out" '^承诺办结日期：2021-10-13$' "the due day"
like "$out" '^经办人：王芳$' "the clerk by name"
like "$out" '^咨询电话：0371-65432178$' "the center's phone from the configuration"
is "$(printf '%s\n' "$out" | wc -L)" 40 "no line wider than 40 columns"
ok bash -c "! printf '%s\n' \"\$1\" | grep -q ' \$'" _ "$out" "no line ends in a space"

run bm receipt "$a"
is "$rc" 0 "without -o or print =, a file"
like "$out" "^已写入回执 回执-$a.txt$" "named after the serial"
is "$(cat "$tmp/回执-$a.txt")" "$(bm receipt "$a" -o -)" "holding the slip"
run bm receipt "$a" -o "$tmp/slip.txt"
is "$rc" 0 "-o FILE"
is "$(cat "$tmp/slip.txt")" "$(bm receipt "$a" -o -)" "the same slip"

printf 'phone = 0371-65432178\nprint = cat > "%s/printed.txt"\n' "$tmp" >"$tmp/bianmin.conf"
run bm receipt "$a"
is "$rc" 0 "print = takes the slip on its standard input"
like "$out" "^已打印回执 $a" "says so"
is "$(cat "$tmp/printed.txt")" "$(bm receipt "$a" -o -)" "the printer got the slip"
printf 'print = exit 3\n' >"$tmp/bianmin.conf"
run bm receipt "$a"
is "$rc" 1 "a print command that fails is reported"
like "$err" '打印命令“exit 3”失败' "naming it"

# A long applicant wraps under itself; nothing passes 40 columns.
b=$(bm add -w msbz -m db -a 上碑镇北埌坝村第三村民小组困难户联合申请代表人 --date 2021-10-08)
out=$(bm receipt "$b" -o -)
is "$(printf '%s\n' "$out" | wc -L)" 40 "a long name still fits 40 columns"
like "$out" '^申请人：上碑镇北埌坝村第三村民小组困难户$' "wrapped"
like "$out" '^        联合申请代表人$' "under itself"
like "$out" '^承诺办结日期：2021-10-14$' "Friday 10-08 + 5 working days (Saturday 10-09 worked)"

c=$(bm add -w msbz -m lr -a 李玉兰 --date 2021-09-30)
run bm receipt "$c"
is "$rc" 1 "a 即办件 has no receipt"
like "$err" '即办件' "and says why"
run bm receipt MSBZ-2021-999999
is "$rc" 1 "an unknown serial"
run bm receipt
is "$rc" 2 "a serial is required"

done_testing
