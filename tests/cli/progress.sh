#!/bin/bash
# The progress line of long commands: drawn on a terminal (script(1) gives
# the program one), at most ten times a second, never into a pipe or a
# file; and an interrupt leaves the ledger and the -o file as they were.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
	echo "1..0 # SKIP script(1) is not installed"
	exit 0
fi
export TERM=xterm

run bm init
is "$rc" 0 "init"
# Enough rows that the work takes well over a tenth of a second.
rows=50000
awk -v n=$rows 'BEGIN { print "日期,窗口,事项,申请人,村"
	for (i = 0; i < n; i++) printf "2021-%02d-%02d,sczr,sl,申请人%d,杨村\n", i % 12 + 1, i % 28 + 1, i }' \
	>big.csv

# tty LOG CMD...: runs CMD with a terminal for stdin, stdout and stderr;
# LOG gets all it wrote there, \r and all.
tty() {
	local log=$1
	shift
	local cmd
	printf -v cmd '%q ' "$@"
	script -qec "$cmd" "$log" </dev/null >/dev/null
}
# The states of the line: what was drawn between carriage returns.
states() { tr '\r' '\n' <"$1" | grep -a -E "$2" || true; }

start=$(date +%s.%N)
tty import.log "$BIANMIN_BIN" import big.csv
end=$(date +%s.%N)
drawn=$(states import.log '^导入 [0-9,]+ 行  每秒 [0-9,]+ 行')
like "$drawn" '^导入 [0-9,]+ 行  每秒 [0-9,]+ 行' "import on a terminal shows rows done and the rate"
last=$(printf '%s\n' "$drawn" | tail -1 | sed 's/^导入 \([0-9,]*\) 行.*/\1/' | tr -d ,)
ok test "${last:-0}" -le $rows -a "${last:-0}" -gt 0 "the rows done grow up to at most the file's ($last of $rows)"
n=$(printf '%s\n' "$drawn" | grep -c .)
limit=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%d", (b - a) * 10 + 1 }')
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
ok test "$n" -le "$limit" "drawn at most ten times a second ($n times in $seconds s)"
like "$(tr -d '\r' <import.log)" "已导入 $rows 行" "the import's result follows"
# The line is wiped: the result starts a line of its own, after spaces.
like "$(tr '\r' '\n' <import.log | grep -a '已导入')" "^ *已导入 $rows 行" "the line is wiped before the result"

# Without a terminal: the result and nothing else.
run bm import big.csv --dry-run
is "$rc" 0 "a dry run without a terminal"
is "$err" "" "nothing on stderr without a terminal"
is "$out" "检查通过: $rows 行（UTF-8），未写入" "stdout has the result only"

# Export: to a file, the line; to the terminal itself, none (it would cut
# into the rows).
tty export.log "$BIANMIN_BIN" export --year 2021 -o 2021.csv
like "$(states export.log '^导出 ')" '^导出 [0-9,]+ 行  每秒 [0-9,]+ 行' "export -o on a terminal shows the line"
is "$(wc -l <2021.csv)" $((rows + 1)) "and writes every row"
tty export-xlsx.log "$BIANMIN_BIN" export --year 2021 -o 2021.xlsx
like "$(states export-xlsx.log '^导出 ')" '^导出 [0-9,]+ 行' "export to .xlsx as well"
tty stdout.log "$BIANMIN_BIN" export --year 2021
is "$(states stdout.log '^导出 [0-9,]+ 行')" "" "an export shown on the terminal draws no line into it"
run bm export --year 2021 -o quiet.csv
is "$err" "" "export without a terminal: nothing on stderr"
ok cmp -s 2021.csv quiet.csv "and the same file"

# Backup and check: nothing without a terminal; on one, the result is
# whole after whatever was drawn.
run bm backup copy.db
is "$err" "" "backup without a terminal: nothing on stderr"
is "$out" "已备份到 copy.db" "backup's result"
tty backup.log "$BIANMIN_BIN" backup copy2.db
is "$(states backup.log '^备份 ' | grep -v -E '^备份 [0-9,]+ / [0-9,]+ 页（[0-9]+%）  每秒 [0-9,]+ 页 *$')" "" \
	"backup's line, when drawn, says pages of pages"
like "$(tr -d '\r' <backup.log)" '已备份到 copy2.db' "backup on a terminal ends with its result"
run bm check
is "$err" "" "check without a terminal: nothing on stderr"
tty check.log "$BIANMIN_BIN" check
like "$(tr -d '\r' <check.log)" '数据库完好' "check on a terminal ends with its result"
printf '%s\n' "$(states backup.log '^(备份|检查) ')" "$(states check.log '^(备份|检查) ')" | sed '/^$/d; s/^/# /'

# Ctrl-C, while the line shows the work under way (the import's rows are
# all inside one transaction; the export is writing its temporary file).
count() { bm list --from 2021-01-01 --to 2021-12-31 | tail -1; }
before=$(count)
audits=$(bm audit | grep -c 导入 || true)
ok test "$audits" -gt 0 "the imports so far are in the audit ($audits)"
# wait_for TEST...: polls every 0.05 s for up to 20 s.
wait_for() {
	local i
	for ((i = 0; i < 400; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}
drawing() { [ -n "$(states "$1" "$2")" ]; }
# interrupt LOG PATTERN CMD...: runs CMD on a terminal, and once its line
# matches PATTERN sends it SIGINT; $status is how it ended.
interrupt() {
	local log=$1 pattern=$2
	shift 2
	local cmd
	printf -v cmd '%q ' "$@"
	: >"$log"
	# Job control: a background job of a script otherwise starts with
	# SIGINT ignored, and the program keeps a signal ignored.
	set -m
	# -f: the typescript is written as the program writes, not at its end.
	script -qefc "echo \$\$ >$log.pid; exec $cmd" "$log" </dev/null >/dev/null &
	local bg=$!
	ok wait_for drawing "$log" "$pattern" "${1##*/} $2 is under way"
	kill -INT "$(cat "$log.pid")"
	wait "$bg"
	status=$?
	set +m
}
# Work long enough that the interrupt lands while it runs, however fast
# the machine: the 50,000 rows above import in a fifth of a second.
big=400000
awk -v n=$big 'BEGIN { print "日期,窗口,事项,申请人,村"
	for (i = 0; i < n; i++) printf "2021-%02d-%02d,sczr,bg,申请人%d,杨村\n", i % 12 + 1, i % 28 + 1, i }' \
	>huge.csv
interrupt int-import.log '^导入 [0-9]' "$BIANMIN_BIN" import huge.csv
is "$status" 130 "an interrupted import ends as SIGINT does"
is "$(count)" "$before" "the ledger holds what it held before"
is "$(bm audit | grep -c 导入 || true)" "$audits" "no audit line for it"
run bm check
is "$rc" 0 "and is sound"

run bm import huge.csv
is "$rc" 0 "the rows imported for real, for an export that takes its time"
interrupt int-export.log '^导出 [0-9]' "$BIANMIN_BIN" export --year 2021 -o part.csv
is "$status" 130 "an interrupted export ends as SIGINT does"
ok test ! -e part.csv "no part.csv"
is "$(compgen -G 'part.csv*' || true)" "" "and no temporary file left"

done_testing
