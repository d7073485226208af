#!/bin/sh
# Benchmark (DESIGN section 8: a save, a durable commit, under 10 ms).
# On a database of ENTRIES entries:
#  1. in process, the counter terminal's path: ledger_record() N times on
#     one connection, median / p99 / worst (save_driver);
#  2. as commands, `bianmin add` against the sqlite3 CLI inserting the same
#     row in its own BEGIN IMMEDIATE transaction, same file, same run
#     (hyperfine), and the ratio.
#
# Usage: save.sh BIANMIN GEN_BENCH SAVE_DRIVER WORKDIR [ENTRIES]
# Prints TAP; the figures go to the diagnostics.
set -u
bianmin=$1 gen=$2 driver=$3 work=$4 entries=${5:-100000}
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
echo "1..3"
for tool in hyperfine sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "Bail out! $tool is needed (apt-get install hyperfine sqlite3)"
		exit 1
	fi
done
db=$work/bench-save-$entries.db
rm -f "$db" "$db-wal" "$db-shm"
if ! "$gen" "$db" "$entries" >/dev/null; then
	echo "Bail out! could not generate the database"
	exit 1
fi

set -- $("$driver" "$db" 500)
echo "# ledger_record x500 on $entries entries: median $1 ms, p99 $2 ms, worst $3 ms"
if awk "BEGIN { exit !($2 < 10) }"; then
	echo "ok 1 - p99 of a durable save under 10 ms ($2 ms)"
else
	echo "not ok 1 - p99 of a durable save under 10 ms ($2 ms)"
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
add="$bianmin --db $db add --window sczr --matter sl --applicant 张记面馆 --village yc --date 2025-06-02"
# The same row, the way the CLI must write it: the next serial of the
# window and year, inside the write lock.
sqlite3 "$db" "SELECT id FROM matter WHERE code = 'sl'" >/dev/null
cat >"$tmp/insert.sql" <<'SQL'
BEGIN IMMEDIATE;
INSERT INTO txn (serial, matter_id, occurred_on, occurred_at, applicant, village_id, clerk, created_at)
SELECT 'SCZR-2025-' || printf('%06d', coalesce(max(substr(serial, 11)), 0) + 1),
       (SELECT m.id FROM matter m JOIN "window" w ON w.id = m.window_id WHERE w.code = 'sczr' AND m.code = 'sl'),
       '2025-06-02', '09:41', '张记面馆', (SELECT id FROM village WHERE code = 'yc'), 'bench',
       strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
FROM txn WHERE serial >= 'SCZR-2025-' AND serial < 'SCZR-2025.';
COMMIT;
SQL
sqlite="sqlite3 -init /dev/null -cmd '.read $tmp/insert.sql' $db .quit"
if ! hyperfine -N --warmup 5 --runs 100 --export-json "$tmp/h.json" "$add" "$sqlite" >"$tmp/h.txt" 2>&1; then
	echo "not ok 2 - hyperfine ran"
	sed 's/^/# /' "$tmp/h.txt"
	exit 1
fi
echo "ok 2 - hyperfine ran both"
ratio=$(python3 -c "
import json, sys
r = json.load(open('$tmp/h.json'))['results']
ours, theirs = r[0]['median'], r[1]['median']
print('%.2f %.1f %.1f' % (ours / theirs, ours * 1e3, theirs * 1e3))")
set -- $ratio
echo "# bianmin add: median $2 ms; sqlite3 CLI insert: median $3 ms; ratio $1"
if awk "BEGIN { exit !($1 <= 1.5) }"; then
	echo "ok 3 - bianmin add within 1.5x of the sqlite3 CLI ($1x)"
else
	echo "not ok 3 - bianmin add within 1.5x of the sqlite3 CLI ($1x)"
fi
rm -f "$db" "$db-wal" "$db-shm"
