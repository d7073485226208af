#!/bin/bash
# Roles and privacy without the setgid install (tests/e2e/setgid.sh tries
# them as real accounts): the register's door, a clerk kept to one window,
# the one full view of an ID number, export and backup for supervisors,
# each audited; and the center's clock whatever TZ says.
. "$(dirname "$0")/lib.sh"

me=$(id -un)
sql() { sqlite3 "$BIANMIN_DB" "$@"; }
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }

bm init >/dev/null
sczr=$(bm add -w sczr -m sl -a 张记面馆 -i 92130125MA0XK7G1X9 --date 2021-03-15)
wsjk=$(bm add -w wsjk -m xnh -a 王五 -i 11010519491231002X --date 2021-03-15)

# A clerk of 市场准入 only.
sql "UPDATE clerk SET role = 'clerk', windows = 'sczr' WHERE login = '$me'"
run bm list --date 2021-03-15
is "$rc" 0 "a clerk lists"
like "$out" "^$sczr " "their own window's entry"
unlike "$out" "王五|$wsjk" "but not another window's"
like "$out" "921301\*+G1X9" "ID numbers masked"
unlike "$out" "92130125MA0XK7G1X9" "never in full"
run bm list --search 王五
unlike "$out" "王五" "a search does not reach other windows either"
run bm tally --date 2021-03-15
like "$out" "独生子女和双女户新农合补贴 +1户1人" "counts of every window stay visible"
run bm show "$wsjk"
is "$rc" 1 "another window's entry cannot be opened"
like "$err" "经办人只能查看本窗口办件的详情" "and the clerk is told why"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'view'")" 0 "a refused look is not a view"
run bm show "$sczr"
is "$rc" 0 "their own window's entry opens"
like "$out" "^证件号码: 92130125MA0XK7G1X9$" "with the full number"
is "$(sql "SELECT login || ' ' || detail FROM audit WHERE action = 'view'")" "$me $sczr" \
	"and the look is audited"
run bm export --year 2021 -o x.csv
is "$rc" 1 "a clerk cannot export"
like "$err" "只有主管或管理员可以导出" "and is told who can"
ok test ! -e x.csv "no file was written"
run bm export --year 2021
is "$rc" 1 "not to the standard output either"
is "$out" "" "which got nothing"
run bm backup b.db
is "$rc" 1 "a clerk cannot back up"
ok test ! -e b.db "no backup was written"
# Another account's look at an ID number is theirs to know, not a clerk's.
sql "INSERT INTO audit (at, login, action, detail) VALUES ('2021-03-15 10:00:00', 'lisi', 'view', '$wsjk')"
run bm audit
is "$rc" 0 "a clerk reads the audit trail"
like "$out" "$me +查看个人信息 +$sczr" "their own look is there"
unlike "$out" "lisi" "another account's lines are not"

# A supervisor.
sql "UPDATE clerk SET role = 'supervisor', windows = '' WHERE login = '$me'"
run bm show "$wsjk"
like "$out" "证件号码: 11010519491231002X" "a supervisor opens any window's entry"
run bm export --year 2021 -o x.csv
is "$rc" 0 "a supervisor exports"
is "$(sql "SELECT detail FROM audit WHERE action = 'export'")" "x.csv 2 行" \
	"audited with the file and the rows"
run bm export --year 2021
is "$(sql "SELECT detail FROM audit WHERE action = 'export' ORDER BY id DESC LIMIT 1")" \
	"（标准输出） 2 行" "an export to the standard output too"
run bm backup b.db
is "$rc" 0 "a supervisor backs up"
is "$(sql "SELECT detail FROM audit WHERE action = 'backup'")" "b.db 2 行" \
	"audited with the file and the entries"
run bm audit
like "$out" "导出 +x.csv 2 行" "the audit command names exports"
like "$out" "查看个人信息 +$sczr" "and views"
like "$out" "lisi +查看个人信息 +$wsjk" "a supervisor reads every account's lines"
phone=$(bm add -w wsjk -m yt -a 李四 --phone 13800138000 --date 2021-03-15)
run bm show "$phone"
like "$out" "13800138000" "a phone number is shown whole in the detail"
is "$(sql "SELECT count(*) FROM audit WHERE action = 'view' AND detail = '$phone'")" 1 \
	"and that look is audited, though the entry holds no ID number"

# An account the register does not know.
sql "UPDATE clerk SET login = 'someone-else'"
for cmd in "list" "tally" "audit" "check" "export --year 2021" "show $sczr" "init"; do
	run bm $cmd
	is "$rc" 1 "an unregistered account cannot $cmd"
done
like "$err" "账户 $me 不是登记的经办人" "the refusal names the account"
run bm --version
is "$rc" 0 "--version needs no register"
run bm --help
is "$rc" 0 "nor does --help"
run bm list --help
is "$rc" 0 "nor a command's --help"
BIANMIN_DB="$tmp/fresh.db" run bm init
is "$rc" 0 "the first init of a new database makes its admin"
like "$out" "管理员: $me" "the account that ran it"

# The center's clock.
(
	export BIANMIN_DB="$tmp/fresh.db"
	serial=$(TZ=Etc/GMT+12 bm add -w sczr -m sl -a 甲)
	is "$(sqlite3 "$BIANMIN_DB" "SELECT occurred_on FROM txn WHERE serial = '$serial'")" \
		"$(TZ=Asia/Shanghai date +%F)" "TZ does not move the day: Asia/Shanghai by default"
	printf 'tz = Etc/GMT-14\n' >"$tmp/east.conf"
	serial=$(BIANMIN_CONF="$tmp/east.conf" bm add -w sczr -m sl -a 乙)
	is "$(sqlite3 "$BIANMIN_DB" "SELECT occurred_on FROM txn WHERE serial = '$serial'")" \
		"$(TZ=Etc/GMT-14 date +%F)" "tz = in the configuration does"
	created=$(sqlite3 "$BIANMIN_DB" "SELECT created_at FROM txn WHERE serial = '$serial'")
	age=$(( $(date +%s) - $(TZ=Etc/GMT-14 date -d "${created/T/ }" +%s) ))
	ok test "$age" -ge 0 -a "$age" -lt 120 "so does the time it was created"
	printf 'tz = Mars/Olympus\n' >"$tmp/mars.conf"
	BIANMIN_CONF="$tmp/mars.conf" run bm tally
	is "$rc" 1 "an unknown zone is refused"
	like "$err" "本机没有时区“Mars/Olympus”" "by name"
	echo "tap_n=$tap_n tap_failed=$tap_failed" >"$tmp/counts"
)
. "$tmp/counts"

done_testing
