#!/bin/sh
# Name completion (申请人): on a database of ENTRIES entries, the largest
# window's names read once (citizen_names_load, with the catch-up of the
# generated rows on the first read), then one lookup per key press
# (citizen_names_find) for typed texts that hit and that miss, against the
# sqlite3 CLI answering the same question from the citizen table with
# LIKE (.timer, the query alone), in one run.  Target: a lookup under 5 ms.
#
#   names.sh GEN_BENCH NAMES_DRIVER WORKDIR [ENTRIES]
set -u
gen=$1 driver=$2 work=$3 entries=${4:-1000000}
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
echo "1..2"
command -v sqlite3 >/dev/null || { echo "Bail out! sqlite3 is needed"; exit 1; }
db=$work/bench-names-$entries.db
if [ ! -s "$db" ]; then
	rm -f "$db" "$db-wal" "$db-shm"
	"$gen" "$db" "$entries" >/dev/null || { echo "Bail out! could not generate"; exit 1; }
fi
# The first read takes in the generated rows (one GROUP BY), as after an
# import; the second is what a window's form costs from then on.
first=$("$driver" "$db" msbz 1 张 | head -1)
echo "# first read, with the catch-up: ${first% *} ms for ${first#* } names"
"$driver" "$db" msbz 300 张 王 李桂 wgl lgl 面馆 x 行唐县 zzzzq 䶮 >"$work/names.out"
read -r load count <"$work/names.out"
echo "# read of msbz's $count names: $load ms"
worst=0
tail -n +2 "$work/names.out" | while read -r typed median slowest hits; do
	echo "# lookup '$typed': median $median ms, worst of 300 $slowest ms, $hits hits"
done
median_max=$(tail -n +2 "$work/names.out" | awk 'm < $2 { m = $2 } END { print m }')
sq=$(printf '.timer on\nSELECT applicant FROM citizen WHERE window_id = (SELECT id FROM "window" WHERE code = '"'"'msbz'"'"') AND applicant LIKE '"'"'%%桂%%'"'"' ORDER BY last_txn DESC LIMIT 8;\n' |
	sqlite3 "$db" | awk '/^Run Time/ { print $4 * 1000 }' | tail -1)
echo "# sqlite3 CLI, the same table with LIKE '%桂%': $sq ms"
if awk "BEGIN { exit !($median_max < 5) }"; then
	echo "ok 1 - every median lookup under 5 ms (slowest median $median_max ms)"
else
	echo "not ok 1 - every median lookup under 5 ms (slowest median $median_max ms)"
fi
echo "ok 2 - ratio of the slowest median to sqlite3's LIKE: $(awk "BEGIN { printf \"%.2f\", $median_max / $sq }")x"
