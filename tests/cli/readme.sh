#!/bin/bash
# README.md's quick start and .ci/run must say the same two commands, and
# .ci/summary must count meson's test log right.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
readme="$BIANMIN_SOURCE_ROOT/README.md"
ci="$BIANMIN_SOURCE_ROOT/.ci/run"
summary="$BIANMIN_SOURCE_ROOT/.ci/summary"

# The quick start is README's first two ```sh blocks, one line each.
blocks=$(awk '/^```sh$/ { inside = 1; n++; next } /^```/ { inside = 0; next }
	inside && n <= 2 { print n ": " $0 }' "$readme")
install=$(printf '%s\n' "$blocks" | sed -n 's/^1: //p')
tests=$(printf '%s\n' "$blocks" | sed -n 's/^2: //p')
is "$(printf '%s\n' "$install" | wc -l)" 1 "the first quick-start block is one command"
is "$(printf '%s\n' "$tests" | wc -l)" 1 "the second quick-start block is one command"
like "$install" '^apt-get update && apt-get install -y .* && meson setup build && ninja -C build && ' \
	"the first command installs and builds"
like "$tests" '^meson test -C build' "the second command runs the suite"

is "$(grep -cxF -- "$install" "$ci")" 1 ".ci/run runs the first command verbatim"
is "$(grep -cxF -- "$tests" "$ci")" 1 ".ci/run runs the second command verbatim"
is "$(grep -c '^apt-get update && \|^meson test ' "$ci")" 2 ".ci/run runs no other variant of them"
ok test -x "$ci" ".ci/run is executable"
ok bash -n "$ci" ".ci/run parses"
like "$(grep -n 'pipefail' "$ci")" 'set -[a-z]*o pipefail' ".ci/run fails on a failing pipe"

# The summary line.
printf '%s\n' '{"name": "a", "result": "OK"}' '{"name": "b", "result": "OK"}' \
	'{"name": "c", "result": "SKIP"}' >"$tmp/pass.json"
run python3 "$summary" "$tmp/pass.json"
is "$rc" 0 "summary of a passing run exits 0"
is "$(printf '%s\n' "$out" | tail -1)" "2 passed, 0 failed" "OK counts as passed, SKIP as neither"
printf '%s\n' '{"name": "a", "result": "OK"}' '{"name": "b", "result": "FAIL"}' \
	'{"name": "c", "result": "ERROR"}' '{"name": "d", "result": "TIMEOUT"}' >"$tmp/fail.json"
run python3 "$summary" "$tmp/fail.json"
is "$rc" 1 "summary of a failing run exits 1"
is "$(printf '%s\n' "$out" | tail -1)" "1 passed, 3 failed" "FAIL, ERROR and TIMEOUT count as failed"
run python3 "$summary" "$tmp/none.json"
is "$rc" 1 "a missing log exits 1"
is "$(printf '%s\n' "$out" | tail -1)" "0 passed, 0 failed" "and still ends with the count"

# The package checks are counted with the suite, in one line.
printf '%s\n' '{"name": "package: x", "result": "OK"}' '{"name": "package: y", "result": "FAIL"}' \
	>"$tmp/package.json"
run python3 "$summary" "$tmp/pass.json" "$tmp/package.json"
is "$rc" 1 "a failing package check fails the summary"
is "$(printf '%s\n' "$out" | tail -1)" "3 passed, 1 failed" "logs given together are counted together"
run python3 "$summary" "$tmp/pass.json" "$tmp/none.json"
is "$rc" 1 "a missing second log exits 1"
like "$(grep -n '^\.ci/package ' "$ci")" '^[0-9]+:\.ci/package "\$package_log"' ".ci/run runs the package checks"
like "$(grep '^\.ci/summary ' "$ci")" '"\$package_log"' "and counts them in the summary"

done_testing
