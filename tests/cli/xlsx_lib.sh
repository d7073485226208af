# Shared by the workbook tests: finds a python3 that has openpyxl (the
# Debian package python3-openpyxl installs it for /usr/bin/python3, which
# another python3 earlier on PATH may not see), and skips the rest of the
# test the TAP way when there is none.  Sourced after lib.sh, with $here
# the directory of the tests (lib.sh moves into a temporary one).

py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then
		py=$p
		break
	fi
done
xlsx_dump() { "$py" "$here/xlsx_dump.py" "$@"; }

# skip_without_openpyxl: ends the test here, passing, when openpyxl is missing.
skip_without_openpyxl() {
	[ -n "$py" ] && return 0
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP python3-openpyxl is not installed"
	done_testing
	exit $?
}

# A real spreadsheet, when there is one: LibreOffice Calc without a display.
soffice=$(command -v soffice || true)
