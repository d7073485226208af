#!/bin/bash
# The lists of the screens scroll through all their rows: the void picker
# reaches the oldest of a busy day's entries (it used to show the last
# seven and no more), typing a serial's number jumps to it, and the
# cursor stays on its entry when another terminal voids one above it.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
names=(张记面馆 李氏五金店 刘家庄养殖场 王记粮油 赵家豆腐坊 孙氏裁缝铺 周记小吃 吴家超市 郑氏药房 冯记理发 陈家茶馆 褚氏农资)
for n in "${names[@]}"; do
	"$BIN" --db "$DB" add -w sczr -m sl --applicant "$n" --date "$DAY" >/dev/null || exit 1
done
ok 0 "twelve entries of one day at 市场准入"

# The serial on the line the void prompt names after Enter.
chosen() { # NAME
	keys "$1" Enter
	wait_re "$1" "作废 SCZR-2021-[0-9]{6}  原因:" || return 1
	screen "$1" | grep -oE "作废 SCZR-2021-[0-9]{6}" | head -1 | grep -oE "SCZR-2021-[0-9]{6}"
}

# Every list clamps at its ends: the home screen's windows no longer wrap
# from the first to the last.
start a 80 24
wait_for a "1 市场准入"
keys a Up Enter
wait_for a "市场准入窗口"
ok $? "Up on the first window stays there"
keys a Escape
wait_for a "1 市场准入"
keys a Down Down Down Down Down Down Down Enter
wait_for a "城乡建设窗口"
ok $? "Down past the last window stays on it"
keys a Escape
wait_for a "1 市场准入"
keys a End Enter
wait_for a "城乡建设窗口"
ok $? "End goes to the last window"
keys a Escape
wait_for a "1 市场准入"

# The matters of a window: the same keys, and a typed code.
keys a 1
wait_for a "市场准入窗口"
keys a Up
wait_for a "│ 设立业务"
ok $? "Up on the first matter stays there"
keys a End
wait_for a "│ 增补执照业务"
ok $? "End goes to the last matter"
type_text a "z"
wait_for a "│ 注销业务"
ok $? "typing z jumps to the matter coded zx"
keys a Home
wait_for a "│ 设立业务"
ok $? "Home goes back to the first"
keys a C-x
wait_for a "选择要作废的登记"
ok $? "F8 lists today's entries to void"
screen a | grep -q "SCZR-2021-000012.*褚氏农资"
ok $? "the newest first"
! screen a | grep -q "SCZR-2021-000001"
ok $? "the oldest does not fit on the screen"
for _ in $(seq 11); do keys a Down; done
wait_for a "SCZR-2021-000001"
ok $? "Down scrolls the list to the oldest of the twelve"
! screen a | grep -q "SCZR-2021-000012"
ok $? "the newest scrolled out of view"
[ "$(chosen a)" = "SCZR-2021-000001" ]
ok $? "Enter voids the oldest, the row with the cursor"
keys a Escape
wait_for a "选择要作废的登记"
keys a Down
[ "$(chosen a)" = "SCZR-2021-000001" ]
ok $? "Down at the last entry stays there (no wrap)"
keys a Escape
wait_for a "选择要作废的登记"
keys a Home
wait_for a "SCZR-2021-000012"
[ "$(chosen a)" = "SCZR-2021-000012" ]
ok $? "Home goes back to the newest"
keys a Escape
wait_for a "选择要作废的登记"
type_text a "5"
[ "$(chosen a)" = "SCZR-2021-000005" ]
ok $? "typing 5 jumps to SCZR-2021-000005"
keys a Escape
wait_for a "选择要作废的登记"
keys a Home PageDown
[ "$(chosen a)" = "SCZR-2021-000005" ]
ok $? "PgDn moves a page (seven rows at 80x24)"
keys a Escape
wait_for a "选择要作废的登记"
keys a PageDown
[ "$(chosen a)" = "SCZR-2021-000001" ]
ok $? "and stops at the oldest"
keys a Escape
wait_for a "选择要作废的登记"
type_text a "4"

# Another terminal voids an entry above the cursor: the cursor does not
# move to another citizen's entry.
"$BIN" --db "$DB" void SCZR-2021-000010 --reason 重复录入 >/dev/null
ok $? "SCZR-2021-000010 voided from the command line"
wait_gone a "SCZR-2021-000010"
ok $? "it leaves the list"
[ "$(chosen a)" = "SCZR-2021-000004" ]
ok $? "the cursor stays on SCZR-2021-000004"
type_text a "重复"
keys a Enter
wait_for a "已作废 SCZR-2021-000004"
ok $? "voided with a reason"
keys a Escape q
wait_exit a >/dev/null

done_testing
