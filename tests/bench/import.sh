#!/bin/sh
# Import speed: `bianmin import FILE` (every check on, one transaction, a
# fresh database) against `sqlite3 .import` of the same file into a bare
# table, in one run.  Target: at least 100,000 rows/s.
#
#   import.sh BIANMIN GEN_INTERCHANGE IMPORT_DRIVER [ROWS] [RUNS]
#
# When this bianmin has no `import` subcommand, IMPORT_DRIVER (the same core
# calls: csvio_import) stands in for it.  Reports the best of RUNS runs of
# each by wall-clock time, their CPU time (user + system: the machine is
# shared, so wall time also holds other people's work), and bianmin's peak
# memory.
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
	set -- "$bianmin" --db "$tmp/ours.db" import "$tmp/data.csv"
else
	tool="csvio_import (import_driver)"
	init() { "$driver" init "$1"; }
	set -- "$driver" import "$tmp/ours.db" "$tmp/data.csv"
fi
columns='serial,date,time,window,matter,category,applicant,id_number,village,households,persons,quantity,status,clerk,note,void_reason'

# What SQLite alone spends putting the same rows into the ledger's own
# table (its indexes, CHECKs, foreign keys, one transaction, synchronous=FULL)
# with nothing parsed or checked: one INSERT ... SELECT from the bare table
# .import filled.  No import can be faster than this on SQLite.
floor_sql="ATTACH '$tmp/bare.db' AS b;
PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO txn (serial, matter_id, occurred_on, occurred_at, applicant, id_number,
 village_id, households, persons, quantity, category, status, note, clerk, created_at,
 voided_at, voided_by, void_reason)
SELECT t.serial, m.id, t.date, t.time, t.applicant, t.id_number, v.id,
 CAST(t.households AS INTEGER), CAST(t.persons AS INTEGER), CAST(t.quantity AS INTEGER),
 t.category, t.status, t.note, t.clerk, '2025-01-01 00:00:00',
 CASE WHEN t.void_reason <> '' THEN '2025-01-01 00:00:00' END,
 CASE WHEN t.void_reason <> '' THEN t.clerk END, nullif(t.void_reason, '')
FROM b.t t JOIN main.\"window\" w ON w.name = t.window
 JOIN main.matter m ON m.window_id = w.id AND m.name = t.matter
 LEFT JOIN main.village v ON v.name = t.village;
COMMIT;"

# "wall user sys maxrss_kib" of the best wall time so far, per tool.
best_ours="" best_bare="" best_floor=""
better() { # $1 = current best line, $2 = new line: prints the faster
	if [ -z "$1" ]; then echo "$2"; return; fi
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
		print (y[1] + 0 < x[1] + 0) ? b : a }'
}

i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -f "$tmp"/ours.db* "$tmp"/bare.db*
	init "$tmp/ours.db"
	/usr/bin/time -o "$tmp/t" -f '%e %U %S %M' "$@" >/dev/null
	best_ours=$(better "$best_ours" "$(cat "$tmp/t")")
	got=$(sqlite3 "$tmp/ours.db" 'SELECT count(*) FROM txn')
	if [ "$got" != "$rows" ]; then
		echo "bianmin imported $got rows, expected $rows" >&2
		exit 1
	fi
	sqlite3 "$tmp/bare.db" "CREATE TABLE t ($columns)"
	/usr/bin/time -o "$tmp/t" -f '%e %U %S %M' \
		sqlite3 "$tmp/bare.db" ".import --csv --skip 1 $tmp/data.csv t"
	best_bare=$(better "$best_bare" "$(cat "$tmp/t")")
	rm -f "$tmp"/floor.db*
	init "$tmp/floor.db"
	/usr/bin/time -o "$tmp/t" -f '%e %U %S %M' sqlite3 "$tmp/floor.db" "$floor_sql"
	best_floor=$(better "$best_floor" "$(cat "$tmp/t")")
	got=$(sqlite3 "$tmp/floor.db" 'SELECT count(*) FROM txn')
	if [ "$got" != "$rows" ]; then
		echo "INSERT ... SELECT gave $got rows, expected $rows" >&2
		exit 1
	fi
done

awk -v rows="$rows" -v bytes="$bytes" -v ours="$best_ours" -v bare="$best_bare" \
    -v floor="$best_floor" -v tool="$tool" -v runs="$runs" 'BEGIN {
	split(ours, o, " "); split(bare, b, " "); split(floor, f, " ")
	printf "file: %d rows, %.1f MB (gen_interchange), best of %d runs\n", rows, bytes / 1e6, runs
	printf "%-30s %7s %10s %8s %10s %9s\n", "", "wall s", "rows/s", "cpu s", "rows/cpu-s", "max RSS"
	printf "%-30s %7.2f %10.0f %8.2f %10.0f %6d KiB\n", tool, o[1], rows / o[1],
		o[2] + o[3], rows / (o[2] + o[3]), o[4]
	printf "%-30s %7.2f %10.0f %8.2f %10.0f %6d KiB\n", "sqlite3 .import, bare table",
		b[1], rows / b[1], b[2] + b[3], rows / (b[2] + b[3]), b[4]
	printf "%-30s %7.2f %10.0f %8.2f %10.0f %6d KiB\n", "sqlite3 INSERT..SELECT into txn",
		f[1], rows / f[1], f[2] + f[3], rows / (f[2] + f[3]), f[4]
	printf "ratio bianmin / sqlite3: wall %.2f, cpu %.2f\n", o[1] / b[1],
		(o[2] + o[3]) / (b[2] + b[3])
	printf "ratio INSERT..SELECT into txn / .import (the floor): wall %.2f, cpu %.2f\n",
		f[1] / b[1], (f[2] + f[3]) / (b[2] + b[3])
	rate = rows / o[1]
	printf "target >= 100000 rows/s: %s\n", (rate >= 100000 ? "met" : "NOT met")
	exit (rate >= 100000 ? 0 : 1)
}'
