# Shared by the command-line tests: TAP output, a private temporary
# directory and database, and `run` to capture a command's stdout, stderr
# and exit status.  Sourced, never run.

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

# ok DESC CMD...: passes when CMD succeeds.
ok() {
	local desc=$1
	shift
	if "$@"; then _report 1 "$desc"; else _report 0 "$desc"; fi
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

# unlike TEXT REGEX DESC
unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		_report 0 "$3"
		printf '%s\n' "$1" | sed 's/^/#   got: /' | head -20
	else
		_report 1 "$3"
	fi
}

# A message meant for a person at the counter: Chinese, on stderr.
has_chinese() { printf '%s' "$1" | grep -Pq '[\x{4e00}-\x{9fff}]'; }

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
