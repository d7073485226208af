#!/bin/bash
# Two counters logging at once both land, with distinct serials; a third
# terminal showing the tally follows with no key pressed.  (How soon it
# follows is measured by tests/bench/follow.sh, not timed here.)
. "$(dirname "$0")/lib.sh"

sjfw_count() { "$BIN" --db "$DB" list --date "$DAY" --window sjfw | grep -c "^SJFW-"; }

make_db
ok $? "database created"
start a 80 24
start b 80 24
start c 100 40
wait_for a "1 市场准入" && wait_for b "1 市场准入" && wait_for c "1 市场准入"
ok $? "three terminals open"
keys a 4
keys b 4
keys c T
wait_for a "涉军窗口" && wait_for b "涉军窗口" && wait_for c "当日统计"
ok $? "two at 涉军, one on the tally"

# Interleaved: neither terminal waits for the other.
for i in 1 2 3 4 5 6 7 8 9 10; do
	keys a 2 Enter
	keys b 2 Enter
done
i=0
while [ "$(sjfw_count)" -lt 20 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(sjfw_count)" = 20 ]
ok $? "all twenty visits land"
"$BIN" --db "$DB" list --date "$DAY" --window sjfw | grep -o "^SJFW-2021-[0-9]*" | sort >"$TMP/serials"
seq -f "SJFW-2021-%06g" 1 20 | diff - "$TMP/serials" >/dev/null
ok $? "serials 1..20, none drawn twice"
wait_re c "政策咨询 +20人次"
ok $? "the tally follows with no key pressed"
wait_re a "政策咨询 +zx +20人次" && wait_re b "政策咨询 +zx +20人次"
ok $? "both counters show the other's visits"

# A save from elsewhere (the command line) while the tally just sits.
"$BIN" --db "$DB" add --window sczr --matter sl --applicant 张记面馆 --date "$DAY" >/dev/null
wait_re c "设立业务 +1项"
ok $? "an entry saved elsewhere shows"
wait_re c "总计 +21件"
ok $? "with the day's total"

cat "$TMP"/*.exit 2>/dev/null | sed "s/^/# exit /"
done_testing
