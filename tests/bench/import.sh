#!/bin/sh
# Import speed: `bianmin import FILE` (every check on, one transaction, a
# fresh database) against `sqlite3 .import` of the same file into a bare
# table, in one run.  Target: at least 100,000 rows/s.
#
#   import.sh BIANMIN GEN_INTERCHANGE IMPORT_DRIVER [ROWS] [RUNS]
#
# When this bianmin has no `import` subcommand yet, IMPORT_DRIVER (the same
# core calls, csvio_import) stands in for it.
set -eu
bianmin=$1 gen=$2 driver=$3 rows=${4:-200000} runs=${5:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$gen" "$rows" > "$tmp/data.csv"
bytes=$(wc -c < "$tmp/data.csv")

if "$bianmin" --db "$tmp/probe.db" init >/dev/null 2>&1 &&
   "$bianmin" --db "$tmp/probe.db" import --dry-run "$tmp/data.csv" >/dev/null 2>&1; then
	tool="bianmin import"
	init() { "$bianmin" --db "$1" init >/dev/null; }
	import() { "$bianmin" --db "$1" import "$2" >/dev/null; }
else
	tool="csvio_import (import_driver: bianmin has no import subcommand)"
	init() { "$driver" init "$1"; }
	import() { "$driver" import "$1" "$2" >/dev/null; }
fi

now() { date +%s%N; }
columns='serial,date,time,window,matter,category,applicant,id_number,village,households,persons,quantity,status,clerk,note,void_reason'

best_ours=0 best_sqlite=0
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$tmp"/ours.db* "$tmp"/bare.db*
	init "$tmp/ours.db"
	t0=$(now)
	import "$tmp/ours.db" "$tmp/data.csv"
	t1=$(now)
	got=$(sqlite3 "$tmp/ours.db" 'SELECT count(*) FROM txn')
	if [ "$got" != "$rows" ]; then
		echo "bianmin imported $got rows, expected $rows" >&2
		exit 1
	fi
	sqlite3 "$tmp/bare.db" "CREATE TABLE t ($columns)"
	t2=$(now)
	sqlite3 "$tmp/bare.db" ".import --csv --skip 1 $tmp/data.csv t"
	t3=$(now)
	ours=$((t1 - t0)) bare=$((t3 - t2))
	if [ "$best_ours" -eq 0 ] || [ "$ours" -lt "$best_ours" ]; then best_ours=$ours; fi
	if [ "$best_sqlite" -eq 0 ] || [ "$bare" -lt "$best_sqlite" ]; then best_sqlite=$bare; fi
done

awk -v rows="$rows" -v bytes="$bytes" -v ours="$best_ours" -v bare="$best_sqlite" \
    -v tool="$tool" -v runs="$runs" 'BEGIN {
	printf "file: %d rows, %.1f MB (gen_interchange), best of %d runs\n", rows, bytes / 1e6, runs
	printf "%-40s %7.3f s  %9.0f rows/s\n", tool, ours / 1e9, rows / (ours / 1e9)
	printf "%-40s %7.3f s  %9.0f rows/s\n", "sqlite3 .import (bare table)", bare / 1e9, rows / (bare / 1e9)
	printf "ratio bianmin / sqlite3: %.2f\n", ours / bare
	rate = rows / (ours / 1e9)
	printf "target >= 100000 rows/s: %s\n", (rate >= 100000 ? "met" : "NOT met")
	exit (rate >= 100000 ? 0 : 1)
}'
