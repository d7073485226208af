#!/bin/bash
# Benchmark: how soon a terminal that sits on the tally shows a save made
# elsewhere, with no key pressed (the terminal polls the database's
# data_version between keys, INPUT_POLL_MS).  On a database of ENTRIES
# entries, RUNS times: `bianmin add` from the command line, then the time
# from its return until the tally in a tmux pane shows the new count
# (capture-pane polled every 5 ms).  Against it, in the same run, the
# sqlite3 CLI answering the tally's query for the day on the same file;
# the ratio says how much of the wait is the poll, not the work.
#
# Usage: follow.sh BIANMIN GEN_BENCH WORKDIR [ENTRIES [RUNS]]
# Prints TAP; the figures go to the diagnostics.
set -u
bianmin=$1 gen=$2 work=$3 entries=${4:-100000} runs=${5:-20}
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
unset NO_COLOR BIANMIN_DB
echo "1..3"
for tool in tmux sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "Bail out! $tool is needed (apt-get install tmux sqlite3)"
		exit 1
	fi
done
# A working day of the generated years, the one save.sh adds on.
day=2025-06-02
db=$work/bench-follow-$entries.db
rm -f "$db" "$db-wal" "$db-shm"
if ! "$gen" "$db" "$entries" >/dev/null; then
	echo "Bail out! could not generate the database"
	exit 1
fi
tmp=$(mktemp -d) || exit 1
sock=bianmin-bench-follow-$$
tm() { tmux -u -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp" "$db" "$db-wal" "$db-shm"' EXIT
export BIANMIN_CONF=$tmp/none.conf

ns() { date +%s%N; }
# wait_re REGEX SECONDS: polls the pane every 5 ms.
wait_re() {
	local limit=$(($(ns) + $2 * 1000000000))
	while [ "$(ns)" -lt "$limit" ]; do
		tm capture-pane -p -t "=follow:" 2>/dev/null | grep -qE -- "$1" && return 0
		sleep 0.005
	done
	return 1
}

tm start-server \; set-option -g exit-empty off
tm new-session -d -s follow -x 100 -y 40 "'$bianmin' --db '$db' --date $day"
if ! wait_re "1 市场准入" 10; then
	echo "Bail out! the terminal UI did not start"
	exit 1
fi
tm send-keys -t "=follow:" T
count=$(sqlite3 "$db" "SELECT count(*) FROM txn t JOIN matter m ON m.id = t.matter_id
	JOIN \"window\" w ON w.id = m.window_id
	WHERE w.code = 'sczr' AND m.code = 'sl' AND t.occurred_on = '$day' AND t.voided_at IS NULL")
if ! wait_re "设立业务 +${count}项" 10; then
	echo "Bail out! the tally did not show 设立业务 ${count}项"
	exit 1
fi

: >"$tmp/follow"
missed=0
for i in $(seq "$runs"); do
	"$bianmin" --db "$db" add --window sczr --matter sl --applicant 张记面馆 --date "$day" \
		>/dev/null || { echo "Bail out! bianmin add failed"; exit 1; }
	saved=$(ns)
	count=$((count + 1))
	if wait_re "设立业务 +${count}项" 5; then
		echo $((($(ns) - saved) / 1000)) >>"$tmp/follow"
	else
		missed=$((missed + 1))
	fi
	# Land the next save at another point of the poll.
	sleep "0.0$((i % 10))"
done
if [ "$missed" -eq 0 ]; then
	echo "ok 1 - the tally showed each of $runs saves made elsewhere"
else
	echo "not ok 1 - the tally missed $missed of $runs saves within 5 s"
fi

tally_sql="SELECT matter_id, count(*), sum(households), sum(persons), sum(quantity) FROM txn
	WHERE occurred_on BETWEEN '$day' AND '$day' AND voided_at IS NULL GROUP BY matter_id;"
: >"$tmp/sqlite"
for i in $(seq "$runs"); do
	t0=$(ns)
	sqlite3 "$db" "$tally_sql" >/dev/null
	echo $((($(ns) - t0) / 1000)) >>"$tmp/sqlite"
done

# Medians and the worst, in ms, from microseconds one a line.
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END {
	m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	printf "%.1f %.1f\n", m / 1000, v[NR] / 1000 }'; }
read -r follow_median follow_worst < <(stats "$tmp/follow")
read -r sqlite_median sqlite_worst < <(stats "$tmp/sqlite")
ratio=$(awk "BEGIN { printf \"%.1f\", $follow_median / $sqlite_median }")
echo "# tally followed a save: median $follow_median ms, worst $follow_worst ms ($runs runs)"
echo "# sqlite3 CLI, the tally's query: median $sqlite_median ms, worst $sqlite_worst ms"
echo "# ratio $ratio"
if awk "BEGIN { exit !($follow_worst < 1000) }"; then
	echo "ok 2 - every save shown within a second (worst $follow_worst ms)"
else
	echo "not ok 2 - every save shown within a second (worst $follow_worst ms)"
fi
# The terminal looks between keys every INPUT_POLL_MS (src/tui/input.h,
# 300 ms): half of that on average, and the redraw's query on top.
if awk "BEGIN { exit !($follow_median < 300) }"; then
	echo "ok 3 - median within one poll of 300 ms ($follow_median ms)"
else
	echo "not ok 3 - median within one poll of 300 ms ($follow_median ms)"
fi
