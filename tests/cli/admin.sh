#!/bin/bash
# Administration: catalog and villages, clerks, year locks, 承诺件 that
# wait (done, return, overdue), the audit trail, backup and check.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
bm init >/dev/null

# Catalog: a time limit turns 变更业务 into a 承诺件.
sed 's/^sczr,市场准入,bg,变更业务,项,,0,0/sczr,市场准入,bg,变更业务,项,,0,5/' \
	"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
run bm catalog load "$tmp/catalog.csv"
is "$rc" 0 "catalog load"
run bm catalog list
like "$out" '^  2 +bg +变更业务 +项 +承诺 5 工作日' "catalog list shows the time limit, in working days"
like "$out" '^  3 +tk +特困人员申请终止审核 +人次 +即办 +身份证 +申请、终止$' "catalog list shows categories"
like "$out" '^  1 +sl +设立业务 +项 +即办 +需申请人 +统一社会信用代码$' "and 需申请人 and 证件类型"
printf '窗口代码,窗口,事项代码,事项,单位,分类,需证件,承诺时限\nsczr,市场准入,sl,设立业务,斤,,0,0\n' \
	>"$tmp/bad-catalog.csv"
run bm catalog load "$tmp/bad-catalog.csv"
is "$rc" 1 "a catalog with a bad unit is refused"
ok has_chinese "$err" "with a Chinese message"
run bm catalog list
like "$out" '^  1 +sl +设立业务 +项 ' "and the catalog is unchanged"

printf '代码,村\nyc,杨村\nblbc,北埌坝村\ndnj,东南街\nljz,刘家庄\nxz,小庄村\n' >"$tmp/villages.csv"
run bm village load "$tmp/villages.csv"
is "$rc" 0 "village load"
run bm village list
like "$out" '^xz +小庄村$' "village list shows the new village"
run bm add -a 申请人甲 -w sczr -m sl -v 小庄村 --date 2021-03-15
is "$rc" 0 "a loaded village can be used"

# Clerks.
run bm user add wang --name 王芳 --role clerk --windows sczr,wsjk
is "$rc" 0 "user add"
run bm user list
like "$out" '^wang +王芳 +经办人 +sczr,wsjk$' "user list shows the clerk"
run bm user add zhao --name 赵六 --role supervisor --windows 'WSJK, sczr,,sczr'
is "$rc" 0 "user add with codes in any case, spacing and order"
like "$(bm user list)" '^zhao +赵六 +主管 +sczr,wsjk$' "are stored in the catalog's spelling and order"
run bm user add li --name 李四 --role clerk --windows sczr,nope
is "$rc" 1 "an unknown window code is refused"
lacks bm user list '^li ' "and the clerk is not added"
run bm user add li --name 李四 --role clerk --windows ' , '
is "$rc" 1 "a --windows list of no codes is refused, not taken as every window"
run bm user remove zhao
is "$rc" 0 "user remove"
lacks bm user list '^zhao ' "takes the clerk off the register"
like "$(bm audit)" '注销经办人' "audited"
run bm user remove zhao
is "$rc" 1 "an unknown login cannot be removed"
run bm user remove "$(id -un)"
is "$rc" 1 "nor the last admin"
like "$err" '唯一的管理员' "which says why"
run bm user remove wang --name 王芳
is "$rc" 2 "remove takes no --name"

# 承诺件: accepted, then done, returned or overdue.
s1=$(bm add -w sczr -m bg -a 甲 --date 2021-03-01)
s2=$(bm add -w sczr -m bg -a 乙 --date 2021-03-01)
s3=$(bm add -w sczr -m bg -a 丙 --date 2021-03-10)
like "$(bm list --date 2021-03-01)" "^$s1 .* 受理 " "a 承诺件 is saved as 受理"
# Five working days after Monday 03-01: due Monday 03-08, late from 03-09.
run bm overdue --date 2021-03-09
is "$rc" 0 "overdue"
like "$out" "^$s1 " "an entry past its limit is overdue"
unlike "$out" "^$s3 " "an entry within its limit is not"
like "$out" '^逾期未办结 2 件$' "overdue counts"
run bm done "$s1"
is "$rc" 0 "done"
like "$(bm list --date 2021-03-01)" "^$s1 .* 办结 " "done marks it 办结"
run bm return "$s2"
is "$rc" 2 "return without --reason is a usage error"
run bm return "$s2" --reason 材料不全
is "$rc" 0 "return with a reason"
like "$(bm list --date 2021-03-01)" "^$s2 .* 退回 " "return marks it 退回"
like "$(bm overdue --date 2021-03-09)" '^逾期未办结 0 件$' "nothing is overdue any more"
run bm done SCZR-2021-999999
is "$rc" 1 "done on an unknown serial exits 1"

# Year lock.
run bm lock --year 2021
is "$rc" 0 "lock a year"
run bm add -a 申请人甲 -w sczr -m sl --date 2021-05-01
is "$rc" 1 "a locked year refuses add"
ok has_chinese "$err" "with a Chinese message"
run bm void "$s3" --reason 测试
is "$rc" 1 "a locked year refuses void"
bm export --year 2021 -o "$tmp/2021.csv"
printf '日期,窗口,事项\r\n2021-06-01,sczr,sl\r\n' >"$tmp/one.csv"
run bm import "$tmp/one.csv"
is "$rc" 1 "a locked year refuses import"
run bm add -a 申请人甲 -w sczr -m sl --date 2022-01-04
is "$rc" 0 "other years stay open"
run bm unlock --year 2021
is "$rc" 0 "unlock"
run bm add -a 申请人甲 -w sczr -m sl --date 2021-05-01
is "$rc" 0 "an unlocked year takes entries again"

# Audit trail.
run bm audit
is "$rc" 0 "audit"
like "$out" "$s2" "the audit trail names the returned entry"
like "$out" 'root|'"$(id -un)" "and who did it"
run bm audit --from 2000-01-01 --to 2000-12-31
like "$out" '^共 0 条$' "audit filters by date"

# Backup and check.
run bm backup "$tmp/backup.db"
is "$rc" 0 "backup"
run bm --db "$tmp/backup.db" check
is "$rc" 0 "the backup passes check"
is "$(bm --db "$tmp/backup.db" list --from 2021-01-01 --to 2022-12-31 | tail -1)" \
	"$(bm list --from 2021-01-01 --to 2022-12-31 | tail -1)" "the backup holds every entry"
run bm backup "$tmp/backup.db"
is "$rc" 1 "backup never overwrites a file"
run bm check
is "$rc" 0 "check"
like "$out" '数据库完好' "check says so"

done_testing
