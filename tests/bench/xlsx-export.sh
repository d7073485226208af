#!/bin/sh
# Benchmark (DESIGN section 8): on the database of 1,000,000 entries over 25
# years that report-export.sh uses, `bianmin export --year Y --format xlsx`
# against the CSV export of the same year in the same run.  Targets: the
# workbook within 3x the CSV's time, and under 32 MiB peak memory (max RSS,
# /usr/bin/time -v): libxlsxwriter's constant_memory mode streams the rows.
#
# Usage: xlsx-export.sh BIANMIN GEN_BENCH WORKDIR [ENTRIES]
# The database is generated once into WORKDIR and kept for later runs.
# Prints TAP; the measurements go to the diagnostics and to
# WORKDIR/bench-xlsx-export.md.
set -u
bianmin=$1 gen=$2 work=$3 entries=${4:-1000000}
year=2013
target=3
db=$work/bench-$entries.db
md=$work/bench-xlsx-export.md
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

echo "1..3"
for tool in hyperfine python3 /usr/bin/time; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "Bail out! $tool is needed (apt-get install hyperfine python3 time)"
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

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Both files must hold the same rows before their times mean anything.
"$bianmin" --db "$db" export --year "$year" -o "$tmp/y.csv"
"$bianmin" --db "$db" export --year "$year" -o "$tmp/y.xlsx"
rows_csv=$(($(grep -c "$(printf '\r')\$" "$tmp/y.csv") - 1))
rows_xlsx=$(python3 -c 'import sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
print(xml.count("<row ") - 1)' "$tmp/y.xlsx")
if [ "$rows_csv" -gt 0 ] && [ "$rows_csv" -eq "$rows_xlsx" ]; then
	echo "ok 1 - the workbook and the CSV hold the same $rows_csv entries"
else
	echo "not ok 1 - the workbook has $rows_xlsx rows, the CSV $rows_csv"
fi
size_csv=$(wc -c <"$tmp/y.csv")
size_xlsx=$(wc -c <"$tmp/y.xlsx")

rss() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ { print $2 }'
}
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

xlsx_cmd="$bianmin --db $db export --year $year --format xlsx -o /dev/null"
csv_cmd="$bianmin --db $db export --year $year -o /dev/null"
. "$(dirname "$0")/paired.sh"
paired "$tmp" t 6 2 "$xlsx_cmd" "$csv_cmd"
t_xlsx=$p_wall_a t_csv=$p_wall_b ratio=$p_ratio
verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r <= t) ? "ok" : "not ok" }')
echo "$verdict 2 - xlsx export: ${ratio}x the CSV export (target <= ${target}x)"
echo "#   xlsx $(ms "$t_xlsx") ms, csv $(ms "$t_csv") ms"
rss_xlsx=$(rss "$bianmin" --db "$db" export --year "$year" --format xlsx -o /dev/null)
rss_csv=$(rss "$bianmin" --db "$db" export --year "$year" -o /dev/null)
# CPU seconds (user + system), the least of five runs: on a machine shared
# with other work the wall time also counts the waits for a core.
cpu() {
	for _ in 1 2 3 4 5; do
		/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1
	done | awk '{ t = $1 + $2; if (NR == 1 || t < m) m = t } END { printf "%.2f", m }'
}
cpu_xlsx=$(cpu "$bianmin" --db "$db" export --year "$year" --format xlsx -o /dev/null)
cpu_csv=$(cpu "$bianmin" --db "$db" export --year "$year" -o /dev/null)
cpu_ratio=$(awk -v a="$cpu_xlsx" -v b="$cpu_csv" 'BEGIN { printf "%.2f", a / b }')
echo "#   CPU: xlsx ${cpu_xlsx} s, csv ${cpu_csv} s: ${cpu_ratio}x"
if [ "${rss_xlsx:-99999999}" -le 32768 ]; then
	echo "ok 3 - xlsx export peak memory ${rss_xlsx} KiB <= 32 MiB"
else
	echo "not ok 3 - xlsx export peak memory ${rss_xlsx} KiB > 32 MiB"
fi
{
	echo "Database: $entries entries over 2001-2025 (tests/bench/gen-bench), year $year,"
	echo "$rows_csv entries; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end;"
	echo "6 alternating rounds of hyperfine -N --warmup 1 --runs 2 (tests/bench/paired.sh), medians of all 12 runs."
	echo
	echo "| | median (wall) | CPU, least of 5 | max RSS | file |"
	echo "|---|---|---|---|---|"
	echo "| \`export --format xlsx\` | $(ms "$t_xlsx") ms | ${cpu_xlsx} s | ${rss_xlsx} KiB | ${size_xlsx} bytes |"
	echo "| \`export\` (CSV) | $(ms "$t_csv") ms | ${cpu_csv} s | ${rss_csv} KiB | ${size_csv} bytes |"
	echo "| ratio | **${ratio}x** (target <= ${target}x) | ${cpu_ratio}x | | |"
	echo
} >"$md"
echo "# results in $md"
