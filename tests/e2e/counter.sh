#!/bin/bash
# What a new clerk runs into at the counter: terminals that cannot draw
# the screen, days that have not come yet, drafts, pickers, voiding,
# searching and the figures in today's list.
. "$(dirname "$0")/lib.sh"

list() { "$BIN" --db "$DB" list --date "$DAY" "$@"; }

make_db
ok $? "database created"

# A terminal without cursor addressing would get a garbled screen: refuse
# in Chinese, with status 1.
for term in dumb; do
	rm -f "$TMP/t-$term.exit"
	tm new-session -d -s "t-$term" -x 80 -y 24 \
		"env TERM=$term '$BIN' --db '$DB' --date $DAY 2>'$TMP/$term.err'; echo \$? > '$TMP/t-$term.exit'"
	[ "$(wait_exit "t-$term")" = 1 ] && grep -q "TERM=$term.*不能移动光标" "$TMP/$term.err"
	ok $? "TERM=$term is refused with a message and status 1"
done

# A working day after today cannot be chosen.
tomorrow=$(date -d tomorrow +%F)
out=$("$BIN" --db "$DB" --date "$tomorrow" 2>&1 </dev/null)
status=$?
[ $status = 2 ] && echo "$out" | grep -q "还没到"
ok $? "--date after today is refused with status 2"
out=$("$BIN" --db "$DB" --date "$(date +%F)" 2>&1 </dev/null)
[ $? = 1 ] && echo "$out" | grep -q "终端界面需要在终端中运行"
ok $? "--date today is accepted"

done_testing
