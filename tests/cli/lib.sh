# Shared by the command-line tests: TAP output, a private temporary
# directory and database, and `run` to capture a command's stdout, stderr
# and exit status.  Sourced, never run.
#
# Every check takes what it checks first and its description last, as
# tests/e2e/lib.sh and tests/unit/tap.h do: ok CMD... DESC, is GOT WANT
# DESC, like TEXT RE DESC, lacks CMD... RE DESC.

set -u

: "${BIANMIN_BIN:?BIANMIN_BIN must name the built program}"
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai

tap_n=0
tap_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bianmin-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Whatever a command writes by a relative name lands in the temporary folder.
cd "$tmp" || exit 1

# Never the machine's own files: no /etc/bianmin.conf, no ~/.local/share.
export BIANMIN_DB="$tmp/test.db"
export BIANMIN_CONF="$tmp/no-such.conf"
export XDG_DATA_HOME="$tmp/xdg"
unset NO_COLOR

bm() { "$BIANMIN_BIN" "$@"; }

# run CMD...: sets $out, $err and $rc; stdin is empty, as under CI.
run() {
	"$@" >"$tmp/.out" 2>"$tmp/.err" </dev/null
	rc=$?
	out=$(cat "$tmp/.out")
	err=$(cat "$tmp/.err")
}

_report() {
	local pass=$1 desc=$2
	tap_n=$((tap_n + 1))
	if [ "$pass" = 1 ]; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		tap_failed=$((tap_failed + 1))
	fi
}

# ok CMD... DESC: passes when CMD succeeds.
ok() {
	local desc=${!#}
	if ! type -t "$1" >/dev/null; then
		_report 0 "$desc"
		echo "#   ok takes CMD... DESC: “$1” is no command"
	elif "${@:1:$#-1}"; then
		_report 1 "$desc"
	else
		_report 0 "$desc"
	fi
}

# is GOT WANT DESC
is() {
	if [ "$1" = "$2" ]; then
		_report 1 "$3"
	else
		_report 0 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# like TEXT REGEX DESC (extended regular expression, any line)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		_report 1 "$3"
	else
		_report 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /' | head -20
		printf '#   want match: %s\n' "$2"
	fi
}

# unlike TEXT REGEX DESC, for text whose command was checked apart (the
# $out of a run whose $rc is tested): "$(cmd)" here would pass when cmd
# fails and prints nothing.  For a command's output use lacks.
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		_report 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /' | head -20
	else
		_report 1 "$3"
	fi
}

# lacks CMD... REGEX DESC: CMD succeeds and no line of its stdout matches.
# ($out, $err and $rc are left as they were.)
lacks() {
	local desc=${!#} re=${@: -2:1} got status
	got=$("${@:1:$#-2}" 2>"$tmp/.lacks.err" </dev/null)
	status=$?
	if [ "$status" -ne 0 ]; then
		_report 0 "$desc"
		printf '#   the command failed (%s): %s\n' "$status" "${*:1:$#-2}"
		sed 's/^/#   stderr: /' "$tmp/.lacks.err" | head -5
	else
		unlike "$got" "$re" "$desc"
	fi
}

# A message meant for a person at the counter: Chinese, on stderr.
has_chinese() { printf '%s' "$1" | grep -Pq '[\x{4e00}-\x{9fff}]'; }

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
