#!/bin/bash
# bianmin --demo: the terminal UI on a temporary database, removed however
# the program ends.  script(1) gives the program a terminal; `q` quits.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
	echo "1..0 # SKIP script(1) is not installed"
	exit 0
fi
export TMPDIR="$tmp/demo"
mkdir "$TMPDIR"

run bm --demo tally
is "$rc" 2 "--demo with a command is a usage error"
run bm --demo --date 2999-01-01
is "$rc" 1 "--demo refuses a day after today"
ok has_chinese "$err" "with a Chinese message"
is "$(ls -A "$TMPDIR")" "" "and leaves nothing behind"

printf q | TERM=xterm COLUMNS=80 LINES=24 timeout 60 \
	script -qec "'$BIANMIN_BIN' --demo" /dev/null >"$tmp/screen" 2>&1
rc=$?
is "$rc" 0 "--demo starts the terminal UI and q quits"
like "$(cat "$tmp/screen")" '演示数据' "the UI says it shows demo data"
like "$(cat "$tmp/screen")" '市场准入' "and shows the windows"
is "$(ls -A "$TMPDIR")" "" "the demo database is removed on quit"
ok test ! -e "$BIANMIN_DB" "BIANMIN_DB is not created"

# A terminal curses cannot drive: the program exits at once, and still
# cleans up (curses leaves through exit()).
printf q | TERM=no-such-terminal timeout 60 \
	script -qec "'$BIANMIN_BIN' --demo" /dev/null >"$tmp/screen" 2>&1
is "$(ls -A "$TMPDIR")" "" "the demo database is removed when curses cannot start"

# Killed: a hangup (the ssh link dropped) or a termination still cleans up.
mkfifo "$tmp/keys"
TERM=xterm timeout 60 script -qec "'$BIANMIN_BIN' --demo" /dev/null <"$tmp/keys" >/dev/null 2>&1 &
exec 3>"$tmp/keys"
for _ in $(seq 100); do
	[ -n "$(ls -A "$TMPDIR")" ] && [ -e "$(ls -d "$TMPDIR"/*/demo.db 2>/dev/null | head -1)" ] && break
	sleep 0.1
done
ok test -n "$(ls -A "$TMPDIR")" "the demo database exists while the UI runs"
pid=$(pgrep -nf -- "^$BIANMIN_BIN --demo$")
ok test -n "$pid" "the running program is found"
if [ -n "$pid" ]; then
	kill -TERM "$pid"
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
fi
exec 3>&-
wait
is "$(ls -A "$TMPDIR")" "" "the demo database is removed on SIGTERM"

done_testing
