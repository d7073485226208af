#!/bin/bash
# The center's name heads every tally and report: only an administrator
# may change it (anyone while no clerk is registered), and each change is
# in the audit trail.
. "$(dirname "$0")/lib.sh"

me=$(id -un)
center() { bm tally --date 2021-03-01 | head -1; }

run bm init --center 甲镇服务中心
is "$rc" 0 "the first init names the center"
like "$(center)" '^甲镇服务中心  办件统计' "and the tally is headed by it"
run bm audit
like "$out" " 修改中心名称 +设为 甲镇服务中心\$" "the naming is audited"

run bm init --center 乙镇服务中心
is "$rc" 0 "the administrator renames the center"
like "$(center)" '^乙镇服务中心  ' "the new name heads the tally"
like "$(bm audit)" " 修改中心名称 +由 甲镇服务中心 改为 乙镇服务中心\$" \
	"the renaming is audited with both names"
run bm init --center 乙镇服务中心
is "$(bm audit | grep -c ' 修改中心名称 ')" 2 "the same name again is not audited again"

bm user add chief --name 主任 --role admin >/dev/null
for role in clerk supervisor; do
	run bm user add "$me" --name 本人 --role $role
	is "$rc" 0 "this account becomes a $role"
	run bm init --center 丙镇服务中心
	is "$rc" 1 "a $role cannot rename the center"
	like "$err" '只有管理员可以修改中心名称' "and is told who can"
	like "$(center)" '^乙镇服务中心  ' "the name is unchanged after the $role's attempt"
	lacks bm audit '丙镇服务中心' "and nothing is audited"
	run bm init
	is "$rc" 0 "a $role may still run init without --center"
	like "$out" '^中心: 乙镇服务中心$' "which shows the stored name"
	# Only chief could make this account admin again, and the tests run
	# as this account alone: restore the role in the table.
	sqlite3 "$BIANMIN_DB" "UPDATE clerk SET role = 'admin' WHERE login = '$me'"
done

done_testing
