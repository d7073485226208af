#!/bin/bash
# The install model of bianmin(1) SECURITY, for real: a group and three
# accounts of our own, the program built and installed setgid into a
# temporary prefix with -Dgroup (a build directory of its own, configured
# here: only a real install by root makes the binary setgid and the folder
# 2770), then each promise tried as the accounts themselves.  Everything
# created is removed again.  Needs root; otherwise a TAP skip says why.
set -u

skip() {
	echo "1..0 # SKIP $*"
	exit 0
}
[ "$(id -u)" = 0 ] || skip "needs root (creates a group and accounts, installs setgid)"
for tool in groupadd useradd userdel groupdel runuser sqlite3 meson ninja getent; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
: "${BIANMIN_SOURCE_ROOT:?}"
unset BIANMIN_DB BIANMIN_CONF

tap_n=0
tap_failed=0
report() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 1 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}
ok() { # DESC CMD...
	local desc=$1
	shift
	if "$@"; then report 1 "$desc"; else report 0 "$desc"; fi
}
is() { # GOT WANT DESC
	if [ "$1" = "$2" ]; then
		report 1 "$3"
	else
		report 0 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}
like() { # TEXT REGEX DESC
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		report 1 "$3"
	else
		report 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /' | head -10
	fi
}

# Unique names: several runs (and other users' tests) may share the machine.
group=bmg$$
clerk=bmc$$
super=bms$$
stranger=bmx$$
tmp=$(mktemp -d /tmp/bianmin-setgid.XXXXXX)
cleanup() {
	for u in "$clerk" "$super" "$stranger"; do
		getent passwd "$u" >/dev/null && userdel -r "$u" >/dev/null 2>&1
		getent group "$u" >/dev/null && groupdel "$u" >/dev/null 2>&1
	done
	getent group "$group" >/dev/null && groupdel "$group"
	rm -rf "$tmp"
}
trap cleanup EXIT
# The accounts must reach the program and their homes under it.
chmod 755 "$tmp"
mkdir "$tmp/home"

groupadd --system "$group" || skip "groupadd failed"
for u in "$clerk" "$super" "$stranger"; do
	useradd -m -d "$tmp/home/$u" -U -s /bin/sh "$u" || skip "useradd $u failed"
done

prefix=$tmp/prefix
if ! meson setup "$tmp/build" "$BIANMIN_SOURCE_ROOT" --prefix "$prefix" \
	-Dsysconfdir="$prefix/etc" -Dlocalstatedir="$prefix/var" -Dgroup="$group" \
	>"$tmp/setup.log" 2>&1; then
	sed 's/^/# /' "$tmp/setup.log" | tail -20
	report 0 "meson setup of the install build"
	echo "1..$tap_n"
	exit 1
fi
like "$(cat "$tmp/setup.log")" "setgid $group" "the summary names the group it installs to"
# The program alone: the suite's own targets are not installed.
ninja -C "$tmp/build" bianmin >"$tmp/build.log" 2>&1 &&
	meson install -C "$tmp/build" --no-rebuild >"$tmp/install.log" 2>&1
status=$?
is "$status" 0 "built and installed into a temporary prefix"
[ "$status" = 0 ] || { sed 's/^/# /' "$tmp/build.log" "$tmp/install.log" | tail -20; }

bin=$prefix/bin/bianmin
ledger_dir=$prefix/var/lib/bianmin
db=$ledger_dir/bianmin.db
is "$(stat -c '%a %U %G' "$bin")" "2755 root $group" "the program is setgid to the group"
is "$(stat -c '%a %U %G' "$ledger_dir")" "2770 root $group" "the ledger's folder is 2770 root:group"
mkdir -p "$prefix/etc"
printf 'center = 测试中心\n' >"$prefix/etc/bianmin.conf"

# as USER CMD...: a login of that account with nothing of ours in the
# environment (no BIANMIN_DB, no BIANMIN_CONF), in its home.
as() {
	local user=$1
	shift
	(cd "$tmp/home/$user" && runuser -u "$user" -- env -i PATH=/usr/bin:/bin \
		HOME="$tmp/home/$user" LC_ALL=C.UTF-8 "$@")
}
# run CMD...: $out, $err, $rc.
run() {
	"$@" >"$tmp/.out" 2>"$tmp/.err" </dev/null
	rc=$?
	out=$(cat "$tmp/.out")
	err=$(cat "$tmp/.err")
}
# Root looks into the ledger read-only: a writing sqlite3 would delete the
# -wal and -shm files when it closes (see the end).
peek() { sqlite3 -readonly "$db" "$@"; }
today=$(TZ=Asia/Shanghai date +%F)
year=${today%%-*}

# The administrator's setup, as README gives it.
run env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 "$bin" init
is "$rc" 0 "root runs init on the shared ledger"
like "$out" "数据库已就绪: $db" "the default database is the ledger folder's bianmin.db"
is "$(stat -c '%a %U %G' "$db")" "660 root $group" "the ledger is 0660 root:group"
is "$(stat -c '%U %G' "$db-wal" "$db-shm" | sort -u)" "root $group" \
	"its -wal and -shm files are root's too"
run "$bin" user add "$clerk" --name 张三 --role clerk --windows sczr
is "$rc" 0 "root registers a clerk of one window"
run "$bin" user add "$super" --name 李四 --role supervisor
is "$rc" 0 "and a supervisor"
ok "the clerk is not in the group" sh -c "! id -nG '$clerk' | grep -qw '$group'"

# The clerk works through the program.
run as "$clerk" "$bin" add -w sczr -m sl --applicant 张记面馆 --id 92130125MA0XK7G1X9
is "$rc" 0 "the clerk adds an entry through the program"
[ "$rc" = 0 ] || printf '#   stderr: %s\n' "$err"
serial=$out
like "$serial" "^SCZR-$year-000001$" "and gets its serial"
ok "the -wal file is still root's after the clerk's run" test "$(stat -c %U "$db-wal")" = root

# ... and only through it.
run as "$clerk" sqlite3 "$db" "SELECT count(*) FROM txn"
ok "the clerk's own sqlite3 cannot read the ledger" test "$rc" != 0 -a -z "$out"
run as "$clerk" sqlite3 "$db" "DELETE FROM txn"
ok "nor write it" test "$rc" != 0
run as "$clerk" cat "$db-wal"
ok "nor read its -wal file" test "$rc" != 0
is "$(peek "SELECT count(*) FROM txn")" 1 "the entry is still there"

# The center's clock, whatever TZ says.
for zone in Etc/GMT+12 Etc/GMT-14; do
	run as "$clerk" env TZ=$zone "$bin" add -w sczr -m bg -a 李氏五金店
	is "$rc" 0 "an entry added under TZ=$zone"
	row=$(peek "SELECT occurred_on, substr(created_at, 1, 10) FROM txn WHERE serial = '$out'")
	is "$row" "$today|$today" "is dated by the center's day, not TZ=$zone"
done
created=$(peek "SELECT created_at FROM txn ORDER BY id DESC LIMIT 1")
now=$(TZ=Asia/Shanghai date +%s)
then=$(TZ=Asia/Shanghai date -d "${created/T/ }" +%s)
ok "and created_at is Shanghai's time" test $((now - then)) -ge 0 -a $((now - then)) -lt 120
audit_at=$(peek "SELECT at FROM audit ORDER BY id DESC LIMIT 1")
then=$(TZ=Asia/Shanghai date -d "${audit_at/T/ }" +%s)
ok "so are the audit's times" test $((now - then)) -ge 0 -a $((now - then)) -lt 120
printf 'tz = Etc/GMT+12\n' >"$tmp/home/$clerk/evil.conf"
run as "$clerk" env BIANMIN_CONF="$tmp/home/$clerk/evil.conf" "$bin" add -w sczr -m bg -a 李氏五金店
row=$(peek "SELECT occurred_on FROM txn WHERE serial = '$out'")
is "$row" "$today" "a privileged run ignores BIANMIN_CONF"
# The configuration's own zone is the center's.
printf 'tz = Etc/GMT-14\n' >>"$prefix/etc/bianmin.conf"
run as "$clerk" "$bin" add -w sczr -m bg -a 李氏五金店
row=$(peek "SELECT occurred_on FROM txn WHERE serial = '$out'")
is "$row" "$(TZ=Etc/GMT-14 date +%F)" "tz = in the configuration sets the center's day"
sed -i '/^tz =/d' "$prefix/etc/bianmin.conf"

# The register.
run as "$stranger" "$bin" list
is "$rc" 1 "an unregistered account cannot list"
like "$err" "不是登记的经办人" "and is told so in Chinese"
run as "$stranger" "$bin" tally
is "$rc" 1 "nor tally"
run as "$stranger" "$bin" export --year "$year" -o x.csv
is "$rc" 1 "nor export"
ok "and no file was written" test ! -e "$tmp/home/$stranger/x.csv"
run as "$stranger" "$bin" --version
is "$rc" 0 "--version works for anyone"
run as "$stranger" "$bin" --help
is "$rc" 0 "so does --help"

# Roles: export and backup.
run as "$clerk" "$bin" export --year "$year" -o x.csv
is "$rc" 1 "a clerk cannot export"
like "$err" "只有主管或管理员" "and is told who can"
run as "$clerk" "$bin" backup b.db
is "$rc" 1 "nor back up"
run as "$super" "$bin" export --year "$year" -o "$tmp/home/$super/$year.csv"
is "$rc" 0 "a supervisor exports"
is "$(stat -c '%U %G' "$tmp/home/$super/$year.csv")" "$super $super" \
	"the export lands in their home, theirs, not the group's"
like "$("$bin" audit)" "导出 +$tmp/home/$super/$year.csv 5 行" "and the audit names the file and the rows"
run as "$super" "$bin" export --year "$year" -o "$ledger_dir/x.csv"
is "$rc" 1 "an export aimed into the ledger's folder is refused"
like "$err" "不能把文件写入数据库所在的目录" "with the reason"
run "$bin" export --year "$year" -o "$ledger_dir/x.csv"
is "$rc" 1 "even for root"
run "$bin" report --year "$year" -o "$db"
is "$rc" 1 "a report cannot replace the ledger"
ok "nothing landed in the folder" test -z "$(ls "$ledger_dir" | grep -v '^bianmin.db')"
is "$(peek "SELECT count(*) FROM txn")" 5 "the ledger is whole"
run as "$super" "$bin" backup "$tmp/home/$super/b.db"
is "$rc" 0 "a supervisor backs up"
is "$(stat -c '%U' "$tmp/home/$super/b.db")" "$super" "into a file of their own"
like "$("$bin" audit)" "备份 +$tmp/home/$super/b.db 5 行" "audited with the file and rows"

# Privacy.
run "$bin" add -w wsjk -m xnh --applicant 王五 --id 11010519491231002X
wsjk=$out
run as "$clerk" "$bin" list
unlike_wang=$(printf '%s\n' "$out" | grep -c 王五)
is "$unlike_wang" 0 "a clerk's list leaves other windows' names out"
like "$out" "921301\*+G1X9" "and masks the ID numbers of their own"
run as "$clerk" "$bin" tally
like "$out" "独生子女和双女户新农合补贴 +1户1人" "the tally still counts every window's entries"
run as "$clerk" "$bin" show "$wsjk"
is "$rc" 1 "a clerk cannot open another window's entry"
run as "$clerk" "$bin" show "$serial"
like "$out" "证件号码: 92130125MA0XK7G1X9" "but sees the full number of their own window's"
like "$("$bin" audit)" "$clerk +查看个人信息 +$serial" "and the look is audited"

# A file the caller names is read with the caller's rights.
run as "$super" "$bin" import "$db" --dry-run
is "$rc" 1 "import cannot read the ledger for the caller"
like "$err" "没有权限" "it says the caller has no right to the file"
run as "$super" "$bin" holiday load "$db"
is "$rc" 1 "nor can a loader"

# A database the caller names is opened without the group.
run as "$clerk" "$bin" --db "$db" list
is "$rc" 1 "--db on the ledger: the clerk's own rights cannot open it"
run as "$clerk" env BIANMIN_DB="$db" "$bin" list
is "$rc" 1 "nor through BIANMIN_DB"
run as "$clerk" "$bin" --db own.db init
is "$rc" 0 "a database of the clerk's own"
is "$(stat -c '%U %G' "$tmp/home/$clerk/own.db")" "$clerk $clerk" \
	"is created with the clerk's group, not the program's"
run as "$stranger" "$bin" --demo
like "$err" "演示数据已生成" "--demo runs for an unregistered account"

# A writing sqlite3 (root's) takes the -wal and -shm away when it closes;
# a clerk's run would create them as the clerk's, so it is refused until
# root's run of the program has made them again.
sqlite3 "$db" "SELECT count(*) FROM txn" >/dev/null
ok "root's sqlite3 removed the -wal file" test ! -e "$db-wal"
run as "$clerk" "$bin" list
is "$rc" 1 "the clerk is then refused"
like "$err" "root 运行一次 bianmin check" "and told what the administrator must do"
ok "and no -wal file of the clerk's was made" test ! -e "$db-wal"
run "$bin" check
is "$rc" 0 "root runs check"
run as "$clerk" "$bin" list
is "$rc" 0 "and the clerk works again"
is "$(stat -c %U "$db-wal")" root "with a -wal file of root's"

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
