#!/bin/bash
# Which database a run reaches: --db, then BIANMIN_DB, then `db =` in the
# system config (BIANMIN_CONF in tests), then XDG_DATA_HOME.  Files that are
# not bianmin's are refused and left alone.
. "$(dirname "$0")/lib.sh"

etc_before=$(stat -c '%s %Y' /etc/bianmin.conf 2>/dev/null || echo absent)

run bm --db "$tmp/flag.db" init
is "$rc" 0 "init with --db"
ok test -s "$tmp/flag.db" "--db wins over BIANMIN_DB"
ok test ! -e "$BIANMIN_DB" "BIANMIN_DB was not created"
run bm --db="$tmp/flag.db" add -a 申请人甲 -w sczr -m sl --date 2021-03-15
is "$rc" 0 "--db=FILE form"
run bm --db "$tmp/flag.db" list --date 2021-03-15
like "$out" '^共 1 件$' "the entry went to the --db file"

run bm add -a 申请人甲 -w sczr -m sl --date 2021-03-15
is "$rc" 1 "without init, BIANMIN_DB is refused"
like "$err" 'bianmin init' "and the message says to run init"
ok test ! -e "$BIANMIN_DB" "and no database was created"

run bm init
is "$rc" 0 "init with BIANMIN_DB"
ok test -s "$BIANMIN_DB" "BIANMIN_DB is used without --db"

run bm init
is "$rc" 0 "init again is safe"
run bm --db "$tmp/flag.db" list --date 2021-03-15
like "$out" '^共 1 件$' "init again keeps the entries"
run bm catalog list
is "$(printf '%s\n' "$out" | grep -c '^  ')" 23 "init again keeps one catalog"

cat >"$tmp/bianmin.conf" <<CONF
# the center's shared database
db = $tmp/shared.db
center = 上碑镇行政综合服务中心
CONF
(
	unset BIANMIN_DB
	export BIANMIN_CONF="$tmp/bianmin.conf"
	run bm init
	is "$rc" 0 "init through the config file"
	ok test -s "$tmp/shared.db" "the config's db = is used"
	like "$out" '中心: 上碑镇行政综合服务中心' "the config's center = is stored"
	sed -i 's/^center = .*/center = 另一个中心/' "$tmp/bianmin.conf"
	run bm init
	like "$out" '中心: 上碑镇行政综合服务中心' "init again keeps the stored center"
	run bm init --center 新名称
	like "$out" '中心: 新名称' "--center renames it"
	run bm tally --date 2021-03-15
	like "$out" '^新名称  办件统计' "and the tally uses the new name"
	run bm --db "$tmp/other.db" init
	ok test -s "$tmp/other.db" "--db wins over the config file"
	BIANMIN_DB="$tmp/env.db" run bm init
	ok test -s "$tmp/env.db" "BIANMIN_DB wins over the config file"
	echo "tap_n=$tap_n tap_failed=$tap_failed" >"$tmp/counts"
)
. "$tmp/counts"

(
	unset BIANMIN_DB
	export BIANMIN_CONF="$tmp/absent.conf" XDG_DATA_HOME="$tmp/xdg"
	run bm init
	is "$rc" 0 "init with neither BIANMIN_DB nor a config"
	ok test -s "$tmp/xdg/bianmin/bianmin.db" "the database goes under XDG_DATA_HOME"
	echo "tap_n=$tap_n tap_failed=$tap_failed" >"$tmp/counts"
)
. "$tmp/counts"

# Built with the default options, whatever the prefix (/usr/local here).
ok grep -qa '/etc/bianmin.conf' "$BIANMIN_BIN" "the system config file is /etc/bianmin.conf"

is "$(stat -c '%s %Y' /etc/bianmin.conf 2>/dev/null || echo absent)" "$etc_before" \
	"/etc/bianmin.conf is not touched"

# Not a bianmin database: refused, left byte-identical.
printf 'Name,Phone\r\n张三,123\r\n' >"$tmp/notes.csv"
sum=$(sha256sum <"$tmp/notes.csv")
run bm --db "$tmp/notes.csv" list
is "$rc" 1 "a file that is not SQLite is refused"
ok has_chinese "$err" "with a Chinese message"
is "$(sha256sum <"$tmp/notes.csv")" "$sum" "and left byte-identical"
run bm --db "$tmp/notes.csv" init
is "$rc" 1 "init refuses it too"
is "$(sha256sum <"$tmp/notes.csv")" "$sum" "and leaves it byte-identical"
ok test ! -e "$tmp/notes.csv-wal" "no journal is left beside it"

head -c 4096 /dev/zero >"$tmp/zeros.db"
sum=$(sha256sum <"$tmp/zeros.db")
run bm --db "$tmp/zeros.db" check
is "$rc" 1 "a file of zeros is refused"
is "$(sha256sum <"$tmp/zeros.db")" "$sum" "and left byte-identical"

done_testing
