#!/bin/sh
# TAP: one test per manual page, passing when `mandoc -Tlint -Wwarning`
# has nothing to say, and one more where man-db is installed, passing when
# groff formats the page for an 80-column terminal without a warning (as
# lintian checks a package's pages: a run of Chinese text too long to
# break is one).  Usage: lint.sh MANDOC PAGE...  (MANDOC empty: skip)
mandoc=$1
shift
if [ -z "$mandoc" ]; then
	echo "1..0 # SKIP mandoc is not installed"
	exit 0
fi
n=0
failed=0
for page in "$@"; do
	n=$((n + 1))
	if out=$("$mandoc" -Tlint -Wwarning "$page" 2>&1) && [ -z "$out" ]; then
		echo "ok $n - $(basename "$(dirname "$page")")/$(basename "$page") lints clean"
	else
		echo "not ok $n - $(basename "$(dirname "$page")")/$(basename "$page") lints clean"
		printf '%s\n' "$out" | sed 's/^/# /'
		failed=$((failed + 1))
	fi
	command -v man >/dev/null || continue
	n=$((n + 1))
	if out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) &&
		[ -z "$out" ]; then
		echo "ok $n - groff formats $(basename "$(dirname "$page")")/$(basename "$page") without a warning"
	else
		echo "not ok $n - groff formats $(basename "$(dirname "$page")")/$(basename "$page") without a warning"
		printf '%s\n' "$out" | sed 's/^/# /'
		failed=$((failed + 1))
	fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
