#!/bin/bash
# The rater's 60 seconds: an entry not rated within them (or a 差评 whose
# reason is not picked) gives way to the idle screen, with nothing rated.
# The rater runs on a clock ten times as fast (libfaketime), so the real
# 60 s of the program are tested in about six: no setting for tests.
. "$(dirname "$0")/lib.sh"

if ! command -v faketime >/dev/null 2>&1; then
	echo "1..0 # SKIP faketime is not installed"
	exit 0
fi
SPEED=10

make_db
ok $? "database created"
# A sanitizer build wants its runtime first among the libraries; the
# preloaded clock comes before it, which it bears once told so.
asan="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
tm new-session -d -s r -x 60 -y 20 \
	"ASAN_OPTIONS='$asan' faketime -f '+0 x$SPEED' '$BIN' --db '$DB' rater --window msbz; echo \$? > '$TMP/r.exit'"
wait_for r "欢 迎 办 理 业 务"
ok $? "the rater starts idle"

# shown NAME: a save at the window from the command line, shown for rating.
shown() {
	"$BIN" --db "$DB" add -w msbz -m lr -a "$1" --date "$DAY" >/dev/null &&
		wait_for r "困难老人补贴  $1"
}
# idle_after LIMIT: waits (up to LIMIT real seconds) for the idle screen;
# $s is then the seconds it took on the rater's clock.
idle_after() {
	local t0 status
	t0=$(date +%s.%N)
	wait_for r "欢 迎 办 理 业 务" "$1"
	status=$?
	s=$(awk -v a="$t0" -v b="$(date +%s.%N)" -v k=$SPEED 'BEGIN { printf "%.0f", (b - a) * k }')
	return $status
}
rated() { "$BIN" --db "$DB" audit | grep -c "评价"; }

shown 赵秀英
ok $? "a save is shown for rating"
wait_for r "5    非 常 满 意"
ok $? "with the five levels"
idle_after 30
ok $? "unrated, the rater goes back to idle"
echo "# idle after about $s s on the rater's clock"
ok "$([ "$s" -ge 55 ] && [ "$s" -le 150 ]; echo $?)" "after its 60 seconds, not before ($s)"
is_rated=$(rated)
ok "$([ "$is_rated" = 0 ]; echo $?)" "nothing was rated"
tm send-keys -t "=r:" 5

# A 差评 whose reason is not picked: the same 60 seconds, from the level.
shown 钱建国
ok $? "the next save is shown"
tm send-keys -t "=r:" 1
wait_for r "请告诉我们原因"
ok $? "非常不满意 asks why"
idle_after 30
ok $? "no reason picked: idle again"
ok "$([ "$s" -ge 55 ]; echo $?)" "after its 60 seconds too ($s)"
is_rated=$(rated)
ok "$([ "$is_rated" = 0 ]; echo $?)" "and no 差评 without a reason was saved"

# A rating thanks for 5 seconds, then idle.
shown 孙桂兰
tm send-keys -t "=r:" 5
wait_for r "谢 谢 您 的 评 价"
ok $? "a rating is thanked"
idle_after 10
ok $? "and the thanks give way to idle"
ok "$([ "$s" -ge 3 ] && [ "$s" -le 30 ]; echo $?)" "after about 5 seconds ($s)"
"$BIN" --db "$DB" audit | grep -q "评价 .*MSBZ-2021-000003  非常满意$"
ok $? "that one rating is saved"
is_rated=$(rated)
ok "$([ "$is_rated" = 1 ]; echo $?)" "and only it: the key pressed on the idle screen rated nothing"

tm send-keys -t "=r:" C-c
ok "$([ "$(wait_exit r)" = 0 ]; echo $?)" "Ctrl-C closes the rater"
done_testing
