#!/bin/bash
# Line drawing (`lines = auto|unicode|ascii`, --lines): auto keeps ncurses'
# line drawing where it shows as lines, and draws - where the terminal is
# known to show DEC graphics as letters in UTF-8 mode (an xterm TERM inside
# tmux: "qqqq").  A rule never comes out as q or x.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"

# rule NAME: the home screen's rule under the title, first 10 columns.
rule() { screen "$1" | sed -n 2p | cut -c1-30 | python3 -c 'import sys; print(sys.stdin.read()[:10])'; }

check() { # NAME WANT DESCRIPTION TERM [--lines MODE] [VAR=VALUE]
	local name=$1 want=$2 desc=$3 term=$4
	shift 4
	local opts="" vars=""
	for x in "$@"; do
		case $x in
		*=*) vars="$vars $x" ;;
		*) opts="$opts $x" ;;
		esac
	done
	rm -f "$TMP/$name.exit"
	tm new-session -d -s "$name" -x 80 -y 24 \
		"env TERM=$term $vars '$BIN' --db '$DB' --date $DAY $opts; echo \$? > '$TMP/$name.exit'"
	wait_for "$name" "1 市场准入"
	local got
	got=$(rule "$name")
	[ "$got" = "$want" ]
	ok $? "$desc (got '$got')"
	keys "$name" q
	wait_exit "$name" >/dev/null
}

H='──────────'
A='----------'
check x1 "$A" "xterm-256color inside tmux: auto draws ASCII, not qqqq" xterm-256color
check x2 "$H" "screen-256color: auto keeps ncurses' line drawing" screen-256color
check x3 "$H" "linux: ncurses draws the console's lines as Unicode itself" linux
if infocmp putty >/dev/null 2>&1; then
	check x4 "$H" "putty: its terminfo says U8, ncurses draws Unicode" putty
else
	ok 0 "# SKIP putty: no terminfo entry (ncurses-term)"
fi
check x5 "$H" "--lines unicode on xterm-256color" xterm-256color --lines unicode
check x6 "$A" "--lines ascii on linux" linux --lines ascii
check x7 "$H" "NCURSES_NO_UTF8_ACS=1: ncurses draws Unicode, auto keeps it" xterm-256color \
	NCURSES_NO_UTF8_ACS=1
printf 'lines = ascii\n' >"$BIANMIN_CONF"
check x8 "$A" "lines = ascii in the configuration" screen-256color
check x9 "$H" "and --lines wins over it" screen-256color --lines auto
rm -f "$BIANMIN_CONF"

"$BIN" --db "$DB" --lines boxes >/dev/null 2>"$TMP/err"
[ $? = 2 ] && grep -q 'auto、unicode 或 ascii' "$TMP/err"
ok $? "a bad --lines is a usage error naming the choices"
"$BIN" --db "$DB" --lines ascii list >/dev/null 2>"$TMP/err"
[ $? = 2 ]
ok $? "--lines is for the terminal UI only"
done_testing
