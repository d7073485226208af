#!/bin/bash
# Files that are not a ledger, and what goes wrong with files that are: an
# empty or foreign file is refused by every command but init and left
# exactly as it was; a read-only file, a full disk, a folder one may not
# enter, a file another terminal holds locked are each named in Chinese,
# with the file, never in SQLite's or the C library's English; an encoding
# error in an import names the line it is on.
. "$(dirname "$0")/lib.sh"

english='[Aa]ttempt to|readonly database|disk is full|database is locked|unable to open|No such file|Permission denied|Read-only file system|No space left|disk I/O error|not a database'

# Every command that opens the database, with what it needs to get that far.
commands=(
	"check" "list --date 2021-03-01" "tally --date 2021-03-01" "audit"
	"add -w sczr -m sl --date 2021-03-01" "void SCZR-2021-000001 --reason 错"
	"export --year 2021 -o $tmp/out.csv" "report --year 2021" "overdue"
	"backup $tmp/copy.db" "import $tmp/one.csv" "catalog list" "village list" "user list"
	"lock --year 2021" "done SCZR-2021-000001" "holiday list"
)
printf '日期,窗口,事项\n2021-03-01,sczr,sl\n' >"$tmp/one.csv"

# refused_untouched FILE WANT DESC: every command fails on FILE with exit 1
# and a message matching WANT, and FILE keeps its bytes (no -wal either).
refused_untouched() {
	local file=$1 want=$2 desc=$3 before bad=0 cmd
	before=$(sha256sum <"$file")
	for cmd in "${commands[@]}"; do
		# shellcheck disable=SC2086
		run bm --db "$file" $cmd
		if [ "$rc" != 1 ] || ! printf '%s' "$err" | grep -Eq -- "$want" ||
			printf '%s' "$err" | grep -Eq -- "$english"; then
			echo "# $cmd: rc=$rc $(printf '%s' "$err" | head -1)"
			bad=$((bad + 1))
		fi
	done
	is "$bad" 0 "$desc: every command but init refuses it, saying so"
	is "$(sha256sum <"$file")" "$before" "$desc: and the file is as it was"
	ok test ! -e "$file-wal" -a ! -e "$file-journal" "$desc: no journal beside it"
	rm -f "$tmp/out.csv" "$tmp/copy.db"
	ok test ! -e "$tmp/out.csv" -a ! -e "$tmp/copy.db" "$desc: and nothing was written for it"
}

: >"$tmp/empty.db"
refused_untouched "$tmp/empty.db" "empty.db 是空文件，不是 bianmin 数据库" "an empty file"
like "$err" 'bianmin --db .*empty.db init' "the message says how to make it a database"
run bm --db "$tmp/empty.db" init
is "$rc" 0 "init makes the empty file it was told to a database"
run bm --db "$tmp/empty.db" check
is "$rc" 0 "which check then finds sound"

printf 'name,phone\n张三,123\n' >"$tmp/text.db"
refused_untouched "$tmp/text.db" "不是 bianmin 数据库（不是 SQLite 文件）" "a text file"
run bm --db "$tmp/text.db" init
is "$rc" 1 "init refuses a text file too"

if command -v sqlite3 >/dev/null; then
	sqlite3 "$tmp/other.db" "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('李四');"
	refused_untouched "$tmp/other.db" "是其他程序的 SQLite 数据库" "another program's database"
	run bm --db "$tmp/other.db" init
	is "$rc" 1 "init refuses another program's database"
	sqlite3 "$tmp/bare.db" "PRAGMA page_size = 4096; VACUUM;"
	sqlite3 "$tmp/bare.db" "PRAGMA user_version = 0; CREATE TABLE t (x); DROP TABLE t;"
	refused_untouched "$tmp/bare.db" "是空的 SQLite 数据库，还不是 bianmin 数据库" \
		"an SQLite file with no tables"
	run bm --db "$tmp/bare.db" init
	is "$rc" 0 "init may make it a ledger"
else
	for _ in $(seq 12); do echo "ok $((tap_n += 1)) # SKIP sqlite3 is not installed"; done
fi

# Missing is 不存在; a folder one may not enter is 没有权限, not 不存在.
run bm --db "$tmp/nothere.db" list
is "$rc" 1 "a missing file is refused"
like "$err" 'nothere.db 不存在' "as missing"
ok test ! -e "$tmp/nothere.db" "and not created"

bm init >/dev/null
bm add -w sczr -m sl -a 王五 --date 2021-03-01 >/dev/null

# as_other CMD...: runs CMD as an account that owns none of these files:
# nobody, when the tests run as root (whom no permission stops), else
# the test's own account after the permissions are taken away.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	other=nobody
	as_other() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
	bm user add nobody --name 外人 --role supervisor >/dev/null
elif [ "$(id -u)" != 0 ]; then
	other=$(id -un)
	as_other() { "$@"; }
else
	other=
fi

if [ -n "$other" ]; then
	mkdir -m 700 "$tmp/private"
	[ "$(id -u)" = 0 ] && chmod 711 "$tmp"
	cp "$BIANMIN_DB" "$tmp/private/ledger.db"
	[ "$(id -u)" != 0 ] && chmod 000 "$tmp/private"
	run as_other "$BIANMIN_BIN" --db "$tmp/private/ledger.db" list --date 2021-03-01
	is "$rc" 1 "a ledger in a folder one may not enter is refused"
	like "$err" '无法打开数据库 .*/private/ledger.db: 没有权限$' "as 没有权限, not 不存在"
	unlike "$err" "不存在|$english" "with no English and no 不存在"
	chmod 700 "$tmp/private"

	mkdir -m 755 "$tmp/shared"
	cp "$BIANMIN_DB" "$tmp/shared/ledger.db"
	chmod 644 "$tmp/shared/ledger.db"
	[ "$(id -u)" != 0 ] && chmod 555 "$tmp/shared" && chmod 444 "$tmp/shared/ledger.db"
	before=$(sha256sum <"$tmp/shared/ledger.db")
	run as_other "$BIANMIN_BIN" --db "$tmp/shared/ledger.db" add -w sczr -m sl --date 2021-03-01
	is "$rc" 1 "a ledger one may only read takes no entry"
	like "$err" "数据库 .*/shared/ledger.db .*只读" "and says the file is read-only"
	unlike "$err" "$english" "in Chinese"
	is "$(sha256sum <"$tmp/shared/ledger.db")" "$before" "and the file is unchanged"

	chmod 755 "$tmp/shared"
	chmod 600 "$tmp/shared/ledger.db"
	[ "$(id -u)" != 0 ] && chmod 000 "$tmp/shared/ledger.db"
	run as_other "$BIANMIN_BIN" --db "$tmp/shared/ledger.db" list --date 2021-03-01
	is "$rc" 1 "a ledger one may not read is refused"
	like "$err" '无法打开数据库 .*/shared/ledger.db: 没有权限$' "as 没有权限"
	chmod 600 "$tmp/shared/ledger.db"
	[ "$(id -u)" = 0 ] && chmod 700 "$tmp"
else
	for _ in $(seq 9); do echo "ok $((tap_n += 1)) # SKIP root without setpriv"; done
fi

# A full disk and a read-only file system, on a small file system of our
# own where one can be had (a mount namespace); SQLite's words never show.
if unshare -m true 2>/dev/null && unshare -m sh -c 'mount -t tmpfs -o size=1m none "$1"' _ "$tmp" 2>/dev/null; then
	cp "$BIANMIN_DB" "$tmp/small.db"
	python3 -c '
import sys
print("日期,窗口,事项,申请人,备注")
for i in range(4000):
    print("2021-03-01,sczr,sl,张三%d,%s" % (i, "备注" * 60))' >"$tmp/big.csv"
	unshare -m sh -c '
		mkdir -p "$1/fs" && mount -t tmpfs -o size=400k none "$1/fs" || exit 9
		cp "$1/small.db" "$1/fs/ledger.db"
		"$2" --db "$1/fs/ledger.db" import "$1/big.csv" >"$1/import.out" 2>"$1/import.err"
		echo $? >"$1/import.rc"
		"$2" --db "$1/fs/ledger.db" list --date 2021-03-01 >"$1/after.out" 2>&1
		mount -o remount,ro "$1/fs"
		"$2" --db "$1/fs/ledger.db" add -w sczr -m sl --date 2021-03-01 >"$1/ro.out" 2>"$1/ro.err"
		echo $? >"$1/ro.rc"
	' _ "$tmp" "$BIANMIN_BIN"
	is "$(cat "$tmp/import.rc")" 1 "an import that fills the disk fails"
	like "$(cat "$tmp/import.err")" '数据库 .*/fs/ledger.db 失败: 磁盘已满$' "saying 磁盘已满 and the file"
	unlike "$(cat "$tmp/import.err")" "$english" "in Chinese"
	like "$(cat "$tmp/after.out")" '^共 1 件$' "and writes nothing of it"
	is "$(cat "$tmp/ro.rc")" 1 "an add on a read-only file system fails"
	like "$(cat "$tmp/ro.err")" '数据库 .*/fs/ledger.db 失败: 只读（文件系统只读）$' \
		"saying the file system is read-only"
	unlike "$(cat "$tmp/ro.err")" "$english" "in Chinese"
else
	for _ in $(seq 7); do echo "ok $((tap_n += 1)) # SKIP no mount namespace for a small file system"; done
fi

# A write lock held by another program past the five seconds we wait.
if command -v python3 >/dev/null; then
	python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(9)' "$BIANMIN_DB" "$tmp/locked" &
	holder=$!
	for _ in $(seq 100); do [ -e "$tmp/locked" ] && break; sleep 0.1; done
	run bm add -w sczr -m sl --date 2021-03-01
	kill "$holder" 2>/dev/null
	wait "$holder" 2>/dev/null
	is "$rc" 1 "an add while another program holds the write lock fails"
	like "$err" '文件被锁定' "saying the file is locked"
	like "$err" "$BIANMIN_DB" "naming the file"
	unlike "$err" "$english" "in Chinese"
else
	for _ in $(seq 4); do echo "ok $((tap_n += 1)) # SKIP python3 is not installed"; done
fi

# An encoding error names its own line, not the first line with Chinese.
printf '日期,窗口,事项,申请人\n2021-03-01,sczr,sl,王一\n2021-03-01,sczr,sl,王二\n2021-03-01,sczr,sl,王三\n2021-03-01,sczr,sl,\xff\xfe\n' \
	>"$tmp/line5.csv"
run bm import "$tmp/line5.csv"
is "$rc" 1 "an import with a broken byte on line 5 is refused"
like "$err" '^bianmin: 第5行: 有不是 UTF-8 的字节' "naming line 5"
printf 'date,window,matter,applicant\n2021-03-01,sczr,sl,\xcd\xf5\xd2\xbb\n2021-03-01,sczr,sl,b\n2021-03-01,sczr,sl,\xff\xff\n' \
	>"$tmp/gb-line4.csv"
run bm import "$tmp/gb-line4.csv"
is "$rc" 1 "a GB18030 file with a byte that is neither on line 4 is refused"
like "$err" '^bianmin: 第4行: ' "naming line 4"
bm import - <"$tmp/line5.csv" 2>"$tmp/stdin.err"
like "$(cat "$tmp/stdin.err")" '^bianmin: 第5行: ' "read from standard input, the same line"
like "$(bm list --date 2021-03-01)" '^共 1 件$' "none of them wrote anything"

done_testing
