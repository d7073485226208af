#!/bin/sh
# TAP: one test per manual page, passing when `mandoc -Tlint -Wwarning`
# has nothing to say.  Usage: lint.sh MANDOC PAGE...  (MANDOC empty: skip)
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
		echo "ok $n - $(basename "$page") lints clean"
	else
		echo "not ok $n - $(basename "$page") lints clean"
		printf '%s\n' "$out" | sed 's/^/# /'
		failed=$((failed + 1))
	fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
