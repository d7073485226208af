#!/bin/bash
# The interchange file's promise on a realistic year (gen_interchange, the
# benchmark's file, smaller): import into a fresh database and export gives
# back the same bytes, in UTF-8 and through GB18030 and standard input.
#
#   roundtrip.sh GEN_INTERCHANGE [ROWS]
gen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") rows=${2:-3000}
. "$(dirname "$0")/../cli/lib.sh" # works in a temporary folder from here

"$gen" "$rows" > year.csv
run bm --db a.db init
is "$rc" 0 "init"
run bm --db a.db import year.csv
is "$rc" 0 "import $rows generated rows"
is "$(sqlite3 a.db 'SELECT count(*) FROM txn')" "$rows" "all rows recorded"
run bm --db a.db export --year 2021 -o again.csv
is "$rc" 0 "export"
ok cmp year.csv again.csv "export gives back the imported file byte for byte"

run bm --db a.db export --year 2021 --encoding gb18030 -o gb.csv
is "$rc" 0 "export in GB18030"
ok \
	cmp <(iconv -f GB18030 -t UTF-8 gb.csv) <(tail -c +4 year.csv) "iconv -f GB18030 gives the same text without the BOM"
bm --db b.db init >/dev/null 2>&1
bm --db b.db import - < gb.csv >/dev/null 2>&1
is "$?" 0 "the GB18030 file imports from standard input"
run bm --db b.db export --year 2021 -o b.csv
ok cmp year.csv b.csv "and exports as the original"

echo "1..$tap_n"
[ "$tap_failed" -eq 0 ]
