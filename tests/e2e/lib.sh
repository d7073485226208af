# Shared by the screen tests: a private tmux server, a temporary database,
# TAP output, and waiting on the screen by polling (never fixed sleeps).
# Sourced, not run.

set -u
BIN=${BIANMIN_BIN:?BIANMIN_BIN must name the bianmin binary}
SRC=${BIANMIN_SOURCE_ROOT:?}
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
unset NO_COLOR BIANMIN_DB
# The day the screens work on: fixed, so screen dumps never depend on the
# clock (bianmin --date).
DAY=2021-03-15

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bianmin-e2e.XXXXXX")
SOCK=bianmin-e2e-$$
DB=$TMP/test.db
export BIANMIN_CONF=$TMP/none.conf

tm() { tmux -u -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
# The server stays up between programs: otherwise the last one to quit
# takes it down, racing the next start.
tm start-server \; set-option -g exit-empty off

tap_n=0
tap_failed=0
ok() { # STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}
done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# A database as `bianmin init` makes it, with this account named 王芳 so
# the screens show the same clerk whoever runs the tests.
make_db() {
	"$BIN" --db "$DB" init --center 上碑镇行政综合服务中心 >/dev/null &&
		"$BIN" --db "$DB" user add "$(id -un)" --name 王芳 --role admin >/dev/null
}

# start NAME COLS ROWS [env assignments...]: bianmin's TUI in a new
# tmux pane; its exit status lands in $TMP/NAME.exit.
start() {
	local name=$1 cols=$2 rows=$3
	shift 3
	rm -f "$TMP/$name.exit"
	tm new-session -d -s "$name" -x "$cols" -y "$rows" \
		"env $* '$BIN' --db '$DB' --date $DAY; echo \$? > '$TMP/$name.exit'"
}

# "=NAME:" is exactly the tmux target NAME: a bare name may resolve to
# another one's window.
screen() { tm capture-pane -p -t "=$1:"; }

# wait_for NAME TEXT [SECONDS]: polls the screen every 0.1 s.
wait_for() {
	local name=$1 text=$2 limit=${3:-5} i=0
	while [ $i -lt $((limit * 10)) ]; do
		screen "$name" 2>/dev/null | grep -qF -- "$text" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: $text"
	screen "$name" 2>/dev/null | sed 's/^/#   |/'
	return 1
}

# wait_re NAME REGEX [SECONDS]: the same for an extended regex.
wait_re() {
	local name=$1 re=$2 limit=${3:-5} i=0
	while [ $i -lt $((limit * 10)) ]; do
		screen "$name" 2>/dev/null | grep -qE -- "$re" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# timed out waiting for: /$re/"
	screen "$name" 2>/dev/null | sed 's/^/#   |/'
	return 1
}

# wait_gone NAME TEXT [SECONDS]
wait_gone() {
	local name=$1 text=$2 limit=${3:-5} i=0
	while [ $i -lt $((limit * 10)) ]; do
		screen "$name" 2>/dev/null | grep -qF -- "$text" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "# still on screen: $text"
	return 1
}

# wait_exit NAME [SECONDS]: the program ended; prints its status.
wait_exit() {
	local name=$1 limit=${2:-5} i=0
	while [ $i -lt $((limit * 10)) ]; do
		if [ -s "$TMP/$name.exit" ]; then
			cat "$TMP/$name.exit"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "timeout"
	return 1
}

keys() { tm send-keys -t "=$1:" "${@:2}"; }
type_text() { tm send-keys -t "=$1:" -l "$2"; }

# The screen with what varies between runs masked: the login running the
# tests and creation timestamps.
masked_screen() {
	screen "$1" | sed -e "s/($(id -un))/(LOGIN)/" \
		-e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/YYYY-MM-DDTHH:MM:SS/g' \
		-e 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]/YYYY-MM-DD HH:MM:SS/g'
}

# expect_screen NAME FILE DESCRIPTION: compares with tests/e2e/expected/FILE,
# polling for up to 3 s so a frame still being painted is not a failure
# (BIANMIN_E2E_UPDATE=1 rewrites the file from a screen that held still).
expect_screen() {
	local want=$SRC/tests/e2e/expected/$2 i=0
	if [ "${BIANMIN_E2E_UPDATE:-}" = 1 ]; then
		masked_screen "$1" >"$TMP/prev"
		while [ $i -lt 30 ]; do
			sleep 0.1
			masked_screen "$1" >"$TMP/got"
			cmp -s "$TMP/prev" "$TMP/got" && break
			cp "$TMP/got" "$TMP/prev"
			i=$((i + 1))
		done
		cp "$TMP/got" "$want"
	fi
	while [ $i -lt 30 ]; do
		masked_screen "$1" >"$TMP/got"
		cmp -s "$want" "$TMP/got" && break
		sleep 0.1
		i=$((i + 1))
	done
	if diff -u "$want" "$TMP/got" >"$TMP/diff"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		sed 's/^/#   /' "$TMP/diff"
	fi
}
