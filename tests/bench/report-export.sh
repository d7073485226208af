#!/bin/sh
# Benchmark (DESIGN section 8): on one database of 1,000,000 entries over 25
# years, `bianmin report --year Y` against the sqlite3 CLI running the bare
# GROUP BY that computes the same figures (the year and the year before, per
# month, matter and category), and `bianmin export --year Y` against
# `sqlite3 -csv` of the same rows with the same columns.  Targets (v2): the
# report at most 1.0x, the export at most 0.7x (v1: 1.5x each).  Also the
# peak memory of each (max RSS, /usr/bin/time -v).
#
# Usage: report-export.sh BIANMIN GEN_BENCH WORKDIR [ENTRIES]
# The database is generated once into WORKDIR and kept for later runs.
# Prints TAP; the measurements go to the diagnostics and to
# WORKDIR/bench-report-export.md.
set -u
bianmin=$1 gen=$2 work=$3 entries=${4:-1000000}
year=2013
prev=$((year - 1))
db=$work/bench-$entries.db
md=$work/bench-report-export.md
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

echo "1..4"
for tool in hyperfine sqlite3 python3 /usr/bin/time; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "Bail out! $tool is needed (apt-get install hyperfine sqlite3 python3 time)"
		exit 1
	fi
done
if [ ! -s "$db" ]; then
	echo "# generating $db ($entries entries) ..."
	rm -f "$db" "$db-wal" "$db-shm"
	if ! "$gen" "$db.tmp" "$entries"; then
		echo "Bail out! could not generate the database"
		exit 1
	fi
	sqlite3 "$db.tmp" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
	mv "$db.tmp" "$db"
fi

report_sql="SELECT substr(occurred_on, 1, 7), matter_id, category, count(*),
 sum(households), sum(persons), sum(quantity)
 FROM txn WHERE voided_at IS NULL
 AND occurred_on BETWEEN '$prev-01-01' AND '$year-12-31'
 GROUP BY 1, 2, 3;"
export_sql="SELECT t.serial, t.occurred_on, t.occurred_at, w.name, m.name, t.category,
 t.applicant, t.id_number, coalesce(v.name, ''), t.households, t.persons, t.quantity,
 t.status, t.clerk, t.note, coalesce(t.void_reason, '')
 FROM txn t JOIN matter m ON m.id = t.matter_id JOIN \"window\" w ON w.id = m.window_id
 LEFT JOIN village v ON v.id = t.village_id
 WHERE t.occurred_on BETWEEN '$year-01-01' AND '$year-12-31'
 ORDER BY t.occurred_on, t.id;"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' "$report_sql" >"$tmp/report.sql"
printf '%s\n' "$export_sql" >"$tmp/export.sql"

# The two sides must agree before their times mean anything.
"$bianmin" --db "$db" report --year "$year" >"$tmp/report.txt"
rows_ours=$("$bianmin" --db "$db" export --year "$year" | tail -n +2 | wc -l)
rows_sqlite=$(sqlite3 -csv "$db" <"$tmp/export.sql" | wc -l)
if [ -s "$tmp/report.txt" ] && [ "$rows_ours" -eq "$rows_sqlite" ] && [ "$rows_ours" -gt 0 ]; then
	echo "ok 1 - report written; export and sqlite3 -csv give $rows_ours rows"
else
	echo "not ok 1 - report or export disagree ($rows_ours rows against $rows_sqlite)"
fi

. "$(dirname "$0")/paired.sh"

# median seconds of a hyperfine CSV's row $2
median() {
	awk -F, -v row="$2" 'NR == row + 1 { print $4 }' "$1"
}
rss() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ { print $2 }'
}

ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

compare() { # name ours-command sqlite-command number sql-file target
	name=$1 ours=$2 theirs=$3 n=$4 target=$6
	paired "$tmp" "$name" 10 3 "$ours" "$theirs"
	t_ours=$p_wall_a t_theirs=$p_wall_b ratio=$p_ratio
	rss_ours=$(rss sh -c "$ours")
	rss_theirs=$(rss sh -c "$theirs")
	verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r <= t) ? "ok" : "not ok" }')
	echo "$verdict $n - $name: ${ratio}x sqlite3 (target <= ${target}x), CPU ${p_cpu_ratio}x"
	echo "#   bianmin $(ms "$t_ours") ms, CPU $(ms "$p_cpu_a") ms, max RSS ${rss_ours} KiB"
	echo "#   sqlite3 $(ms "$t_theirs") ms, CPU $(ms "$p_cpu_b") ms, max RSS ${rss_theirs} KiB"
	{
		echo "### $name"
		echo
		echo "| | median (wall) | CPU (user + system) | max RSS |"
		echo "|---|---|---|---|"
		echo "| bianmin | $(ms "$t_ours") ms | $(ms "$p_cpu_a") ms | ${rss_ours} KiB |"
		echo "| sqlite3 | $(ms "$t_theirs") ms | $(ms "$p_cpu_b") ms | ${rss_theirs} KiB |"
		echo "| ratio | **${ratio}x** (target <= ${target}x) | ${p_cpu_ratio}x | |"
		echo
		echo "bianmin: \`$ours\`"
		echo
		echo "sqlite3: \`$theirs\`, where $(basename "$5") is:"
		echo
		echo '```sql'
		cat "$5"
		echo '```'
		echo
	} >>"$md"
}

: >"$md"
{
	echo "Database: $entries entries over 2001-2025 (tests/bench/gen-bench), year $year;"
	echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) CLI, load average $(cut -d' ' -f1 /proc/loadavg) at the start;"
	echo "10 alternating rounds of hyperfine -N --warmup 1 --runs 3 (tests/bench/paired.sh), medians of all 30 runs."
	echo
} >>"$md"
compare Report "$bianmin --db $db report --year $year" \
	"sqlite3 $db -init /dev/null -cmd '.read $tmp/report.sql' .quit" 2 "$tmp/report.sql" 1.0
# For the record, not the target: sqlite3 running the very query bianmin
# runs (grouped by day in index order, no sort; voided groups are skipped
# and the days folded into months and years by bianmin).
own_sql="SELECT occurred_on, matter_id, category, count(*), sum(households),
 sum(persons), sum(quantity), voided_at IS NULL FROM txn INDEXED BY txn_report
 WHERE occurred_on BETWEEN '$prev-01-01' AND '$year-12-31'
 AND (occurred_on <= '$prev-12-31' OR occurred_on >= '$year-01-01')
 GROUP BY occurred_on, matter_id, voided_at, category;"
printf '%s\n' "$own_sql" >"$tmp/report-own.sql"
hyperfine -N --warmup 3 --runs 20 --export-csv "$tmp/own.csv" \
	"sqlite3 $db -init /dev/null -cmd '.read $tmp/report-own.sql' .quit" >/dev/null 2>&1
t_own=$(median "$tmp/own.csv" 1)
echo "#   sqlite3 running bianmin's own day-grouped query: $(awk -v s="$t_own" 'BEGIN { printf "%.1f", s * 1000 }') ms"
{
	echo "For the record: sqlite3 running bianmin's own query (grouped by day in the"
	echo "index's order, no sort; bianmin skips the voided groups and folds days into"
	echo "months and years) took"
	echo "$(awk -v s="$t_own" 'BEGIN { printf "%.1f", s * 1000 }') ms:"
	echo
	echo '```sql'
	cat "$tmp/report-own.sql"
	echo '```'
	echo
} >>"$md"
compare Export "$bianmin --db $db export --year $year -o /dev/null" \
	"sqlite3 -csv $db -init /dev/null -cmd '.read $tmp/export.sql' .quit" 3 "$tmp/export.sql" 0.7

# Peak memory under 32 MiB for any command (DESIGN section 8).
peak=$(rss "$bianmin" --db "$db" export --year "$year" -o /dev/null)
if [ "${peak:-99999999}" -le 32768 ]; then
	echo "ok 4 - export peak memory ${peak} KiB <= 32 MiB"
else
	echo "not ok 4 - export peak memory ${peak} KiB > 32 MiB"
fi
echo "# results in $md"
