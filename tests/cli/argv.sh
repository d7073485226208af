#!/bin/bash
# Usage errors exit 2 with a Chinese message; help and version exit 0; no
# argument vector makes the program crash.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null 2>&1

run bm --version
is "$rc" 0 "--version"
like "$out" '^bianmin [0-9]+\.[0-9]+' "--version prints the version"
run bm --help
is "$rc" 0 "--help"
like "$out" '^  tally +' "--help lists the commands"
like "$out" '^  --db ' "--help lists the global options"

commands=$(bm --help | sed -n 's/^  \([a-z]\+\) .*/\1/p')
for c in init add list void done return overdue tally report export import catalog village \
	user lock unlock audit backup check; do
	like "$commands" "^$c\$" "--help lists $c"
	run bm "$c" --help
	is "$rc" 0 "$c --help exits 0"
	like "$out" "^用法: bianmin $c" "$c --help shows its usage"
done

usage() {
	local desc=$1
	shift
	run bm "$@"
	is "$rc" 2 "$desc exits 2"
	if ! has_chinese "$err"; then
		_report 0 "$desc: the message is Chinese"
		printf '#   got: %s\n' "$err"
	fi
}
usage "an unknown command" frobnicate
usage "an unknown global option" --frob
usage "--db without a file" --db
usage "an empty --db" --db ""
usage "an unknown option" tally --frob
usage "an unknown short option" tally -Z
usage "a missing argument" add --window
usage "add without --window" add --matter sl
usage "add without --matter" add --window sczr
usage "an extra operand" tally extra
usage "a number with letters" add -w sczr -m sl --persons 3x
usage "a number with spaces" add -w sczr -m sl --persons " 3"
usage "a number with a plus" add -w sczr -m sl --persons +3
usage "a negative count" add -w sczr -m sl --households -1
usage "a zero quantity" add -w sczr -m sl --quantity 0
usage "a number past 64 bits" add -w sczr -m sl --persons 99999999999999999999999
usage "an empty number" add -w sczr -m sl --persons ""
usage "a date that is not one" add -w sczr -m sl --date 2021-02-30
usage "a date in another form" tally --date 2021/03/15
usage "a bad time" add -w sczr -m sl --time 24:00
usage "a bad status" add -w sczr -m sl --status 完成
usage "--date with --from" tally --date 2021-03-15 --from 2021-03-01
usage "--from alone for tally" tally --from 2021-03-01
usage "a reversed range" list --from 2021-03-02 --to 2021-03-01
usage "a year out of range" lock --year 99999
usage "a year with letters" export --year 2021x
usage "export without --year" export
usage "report without a year or range" report
usage "a bad report format" report --year 2021 --format pdf
usage "a bad encoding" export --year 2021 --encoding latin1
usage "import without a file" import
usage "void without a serial" void --reason x
usage "done with two serials" done A B
usage "catalog without an action" catalog
usage "catalog with a bad action" catalog drop
usage "user add without --role" user add wang --name 王芳
usage "user add with a bad role" user add wang --name 王芳 --role boss
usage "backup without a file" backup

# The message names the option as it was written.
run bm -xy
like "$err" '无法识别的选项 -x$' "an unknown short option in a cluster is named"
run bm tally --all=3
like "$err" '无法识别的选项 --all$' "an unknown long option is named without its value"
run bm list --all=3
is "$rc" 2 "a value given to a flag is a usage error"
like "$err" '选项 --all 不接受参数' "and says the option takes none"
run bm --d
is "$rc" 2 "an ambiguous abbreviation is a usage error"
like "$err" '选项 --d 有歧义' "and says so"
run bm list --date
like "$err" '选项 --date 缺少参数' "a missing argument names the option"
run bm list -d
like "$err" '选项 -d 缺少参数' "also a short one"

# Options may follow the operands, also where POSIXLY_CORRECT would stop
# at the first operand.
run env POSIXLY_CORRECT=1 "$BIANMIN_BIN" void SCZR-2021-999999 --reason 录错
is "$rc" 1 "POSIXLY_CORRECT: --reason after the serial is still an option"
like "$err" '999999' "and the serial is looked up"
run bm void --reason 录错 -- -SCZR
is "$rc" 1 "after --, a word starting with - is an operand"
run bm backup a b
is "$rc" 2 "two operands where one is wanted"
like "$err" '多余的参数 b' "name the extra one"

before=$(bm list --from 2000-01-01 --to 2099-12-31 --all | tail -1)
is "$before" "共 0 件" "usage errors wrote nothing"

# Whatever the arguments, the program answers with 0, 1 or 2, never a signal.
weird=("" "-" "--" "---" "-h-" "--=" "--help=x" "$(printf '\377\376')" "%s%n%s%n"
	"$(head -c 5000 /dev/zero | tr '\0' x)" "市场准入" "SCZR-2021-000001" "-1"
	"9223372036854775808" "--date=" "--year=" "--persons=-0" "$(printf 'a\tb')")
crashed=0
for c in "" init add list void done return overdue tally report export import catalog village \
	user lock unlock audit backup check; do
	for a in "${weird[@]}"; do
		for b in "${weird[@]:0:2}"; do
			args=()
			[ -n "$c" ] && args+=("$c")
			args+=("$a" "$b")
			bm "${args[@]}" </dev/null >/dev/null 2>"$tmp/err"
			r=$?
			if [ "$r" -gt 2 ] || grep -q Sanitizer "$tmp/err"; then
				crashed=$((crashed + 1))
				echo "# exit $r: bianmin ${args[*]}"
			fi
		done
	done
done
is "$crashed" 0 "odd argument vectors never crash"

done_testing
