#!/bin/bash
# The everyday path: init, add, tally, list, void, and the refusals a clerk
# meets at the counter.
. "$(dirname "$0")/lib.sh"

day=2021-03-15

run bm init --center 上碑镇行政综合服务中心
is "$rc" 0 "init creates the database"
ok test -s "$BIANMIN_DB" "the database file exists"
like "$out" "管理员: " "the running account becomes admin"

run bm add --window 市场准入 --matter 设立业务 --applicant 某某商店 --date $day
is "$rc" 0 "add by names"
like "$out" '^SCZR-2021-[0-9]{6}$' "add prints the serial"
serial=$out

run bm tally --date $day
is "$rc" 0 "tally"
like "$out" '^市场准入 +设立业务 +1项$' "tally shows 市场准入 / 设立业务 with 1项"
like "$out" '^市场准入 +变更业务 +0项$' "tally shows matters with nothing"
like "$out" '^卫生健康 +独生子女和双女户新农合补贴 +0户0人$' "tally lists every window's matters"
like "$out" '^市场准入 +合计 +1项$' "window total in the window's unit"
like "$out" '^上碑镇行政综合服务中心  办件统计  2021-03-15 星期一$' "the heading names the center and the day"

run bm add -a 申请人甲 -w wsjk -m xnh --households 2 --persons 7 --date $day
is "$rc" 0 "add by codes with households and persons"
run bm tally --date $day
like "$out" '^卫生健康 +独生子女和双女户新农合补贴 +2户7人$' "户+人 counts households and persons"
like "$out" '^总计 +2件$' "grand total counts entries"

run bm tally --date 2021-03-16
like "$out" '^市场准入 +设立业务 +0项$' "another day counts nothing"
run bm tally --from 2021-03-01 --to 2021-03-31
like "$out" '^市场准入 +设立业务 +1项$' "a range holds the day"
like "$out" '2021-03-01 至 2021-03-31' "a range is named"

run bm list --date $day
is "$rc" 0 "list"
like "$out" "^$serial +$day .*市场准入 +设立业务 +某某商店 .* 1项 +办结 " "list shows the entry"
like "$out" '^共 2 件$' "list counts"
run bm list --date $day --window sczr
like "$out" '^共 1 件$' "list filters by window"
run bm list --date $day --matter xnh
like "$out" '^共 1 件$' "list finds an unambiguous matter code without a window"
run bm list --search 某某
like "$out" "^$serial " "--search without dates looks through every day"
like "$out" '^共 1 件$' "and finds only what matches"
run bm list --search 某某 --date 2021-03-16
like "$out" '^共 0 件$' "--search with a date looks on that day only"
run bm list --date $day --matter zx
is "$rc" 1 "an ambiguous matter code is refused"
like "$err" "--window" "and the message says what to add"

run bm add -w wsjk -m yt --applicant 张三 --id 11010519491231002X --date $day
is "$rc" 0 "a valid 身份证 is accepted"
run bm list --date $day --window wsjk --matter yt
like "$out" '110105\*+002X' "list masks the ID number"
unlike "$out" '11010519491231002X' "the full ID number is not shown"

# Refusals change nothing.
count() { bm list --from 2000-01-01 --to 2099-12-31 --all | tail -1; }
before=$(count)
run bm add -a 申请人甲 -w wsjk -m yt --id 110105194912310021 --date $day
is "$rc" 1 "a bad 身份证 check digit exits 1"
like "$err" '校验' "with the reason in Chinese"
ok has_chinese "$err" "the reason is on stderr in Chinese"
is "$out" "" "nothing on stdout"
is "$(count)" "$before" "a bad 身份证 writes nothing"

run bm add -a 申请人甲 -w 不存在 -m sl --date $day
is "$rc" 1 "an unknown window exits 1"
ok has_chinese "$err" "with a Chinese message"
run bm add -a 申请人甲 -w sczr -m 不存在 --date $day
is "$rc" 1 "an unknown matter exits 1"
run bm add -a 申请人甲 -w msbz -m tk --category 其他 --date $day
is "$rc" 1 "a category the matter does not have exits 1"
is "$(count)" "$before" "refused entries write nothing"

# Voiding.
run bm void "$serial"
is "$rc" 2 "void without --reason is a usage error"
like "$err" '--reason' "naming the missing option"
run bm void "$serial" --reason "   "
is "$rc" 2 "a blank reason is refused"
run bm void SCZR-2021-999999 --reason 录错
is "$rc" 1 "voiding an unknown serial exits 1"
ok has_chinese "$err" "with a Chinese message"
run bm void "$serial" --reason 录入重复
is "$rc" 0 "void own entry with a reason"
run bm tally --date $day
like "$out" '^市场准入 +设立业务 +0项$' "a voided entry no longer counts"
run bm list --date $day
unlike "$out" "^$serial " "list hides voided entries"
run bm list --date $day --all
like "$out" "^$serial .*作废.*录入重复" "list --all shows them with the reason"
run bm void "$serial" --reason 再次
is "$rc" 1 "an entry is voided only once"

# Without any date: today's entry in today's tally.  Skipped in the rare run
# that straddles midnight.
before_day=$(date +%F)
bm --db "$tmp/today.db" init >/dev/null
bm --db "$tmp/today.db" add --window 市场准入 --matter 设立业务 --applicant 某某商店 >/dev/null
run bm --db "$tmp/today.db" tally
if [ "$(date +%F)" = "$before_day" ]; then
	like "$out" '^市场准入 +设立业务 +1项$' "init; add; tally with no dates shows 1项"
else
	echo "ok $((tap_n += 1)) # SKIP the day changed during the test"
fi

# The CLI's columns are measured in a UTF-8 LC_CTYPE whatever the locale.
is "$(env -u LANG -u LC_CTYPE LC_ALL=C "$BIANMIN_BIN" tally --date $day)" \
	"$(bm tally --date $day)" "a C locale gives the same aligned tally"

# Text never drives the terminal of whoever lists it: refused at entry, and
# blanked on output when another program wrote it into the file.
run bm add -w sczr -m sl -a $'坏\e]0;标题\a人' --date 2021-03-17
is "$rc" 1 "an applicant with control characters is refused"
ok has_chinese "$err" "with a Chinese message"
if command -v sqlite3 >/dev/null; then
	esc=$(bm add -w sczr -m sl -a 某人 --date 2021-03-17)
	bm void "$esc" --reason 录错 >/dev/null
	sqlite3 "$BIANMIN_DB" "UPDATE txn SET applicant = '坏' || char(27) || ']0;标题' || char(7) || '人',
		void_reason = '录错' || char(27) || '[31m红' WHERE serial = '$esc';
		INSERT INTO audit (at, login, action, detail)
		VALUES ('2021-03-17T10:00:00', 'x', 'x', 'a' || char(27) || '[2Jb');"
	run bm list --date 2021-03-17 --all
	is "$(printf '%s' "$out" | tr -cd '\033\007' | wc -c)" 0 "no escape or bell reaches the terminal"
	like "$out" '作废原因: 录错<U\+001B>\[31m红$' "the reason is shown with the control character escaped"
	like "$out" ' 坏<U\+001B>' "the applicant too"
	run bm audit
	is "$(printf '%s' "$out" | tr -cd '\033\007' | wc -c)" 0 "nor through the audit trail"
else
	for _ in 1 2 3 4; do echo "ok $((tap_n += 1)) # SKIP sqlite3 is not installed"; done
fi

run bm add -a 申请人甲 -w sczr -m sl --date $day --status 受理 --time 09:41 --note 备注
is "$rc" 0 "add with --status, --time and --note"
like "$(bm list --date $day --window sczr --matter sl)" '09:41 .* 受理 ' "they are kept"

done_testing
