#!/bin/bash
# Bash completion (completion/bianmin), sourced in bash with the
# bash-completion package as a shell would, against a real ledger: the
# candidates for a line are what Tab would offer.
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
bash_completion=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
if [ ! -r "$bash_completion" ]; then
	echo "1..0 # SKIP bash-completion is not installed ($bash_completion)"
	exit 0
fi
# bash_completion reads its own settings and more from the system; it
# expects an interactive shell's variables, and unset ones are fine there.
set +u
. "$bash_completion"
. "$BIANMIN_SOURCE_ROOT/completion/bianmin"

# The program as a shell finds it, by the name typed.
mkdir "$tmp/bin"
ln -s "$BIANMIN_BIN" "$tmp/bin/bianmin"
PATH=$tmp/bin:$PATH

# candidates LINE: what Tab offers at the end of LINE, sorted, on one line.
candidates() {
	local line=$1
	COMP_LINE=$line
	COMP_POINT=${#line}
	read -ra COMP_WORDS <<<"$line"
	[[ $line == *' ' ]] && COMP_WORDS+=('')
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_bianmin bianmin "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	words "${COMPREPLY[@]}"
}

# words WORD...: sorted, once each, on one line.
words() { printf '%s\n' "$@" | LC_ALL=C sort -u | paste -sd ' '; }

like "$(complete -p bianmin)" '-F _bianmin bianmin$' "the function is registered for bianmin"

# Before any ledger exists, subcommands still complete (from --help).
is "$(candidates 'bianmin ad')" add "bianmin ad<Tab> offers add"
is "$(candidates 'bianmin ba')" backup "bianmin ba<Tab> offers backup"
like "$(candidates 'bianmin ')" '(^| )import( |$)' "bianmin <Tab> offers every subcommand"
is "$(candidates 'bianmin ')" "$(words $(bm --help | sed -n '/^命令:/,/^$/p' | awk 'NF { print $1 }' |
	grep -v '^命令'))" "bianmin <Tab> offers exactly the subcommands of --help"
is "$(candidates 'bianmin --d')" "$(words --date --db --demo)" "global options before the subcommand"
is "$(candidates 'bianmin add --window ')" "" "no windows without a ledger, and no error"

run bm init --center 上碑镇行政综合服务中心
is "$rc" 0 "init"
today=$(date +%Y-%m-%d)
run bm add --window sczr --matter sl --applicant 张记面馆 --date "$today"
s1=$out
run bm add --applicant 申请人甲 --window wsjk --matter xnh --households 2 --persons 7 --date "$today"
s2=$out
run bm add --applicant 申请人甲 --window sczr --matter bg --date "$today"
s3=$out
run bm void "$s3" --reason 重复录入
is "$rc" 0 "an entry voided today"
run bm add --applicant 申请人甲 --window sczr --matter zx --date 2021-03-15
old=$out

# Windows: every code and name of the default catalog, nothing else.
windows=$(tail -n +2 "$BIANMIN_SOURCE_ROOT/data/catalog.csv" | cut -d, -f1,2 | sort -u | tr , '\n')
is "$(candidates 'bianmin add --window ')" "$(words $windows)" \
	"bianmin add --window <Tab> offers every window's code and name"
is "$(candidates 'bianmin add -w ws')" wsjk "-w ws<Tab> offers wsjk"
is "$(candidates 'bianmin add --window 市场')" 市场准入 "a Chinese prefix completes the window's name"
is "$(candidates 'bianmin add --window=')" "$(words $windows)" "--window=<Tab> as well"
is "$(candidates 'bianmin list --window ')" "$(words $windows)" "list --window <Tab> too"

# Matters: within the window named earlier, else all.
sczr=$(grep '^sczr,' "$BIANMIN_SOURCE_ROOT/data/catalog.csv" | cut -d, -f3,4 | tr , '\n')
is "$(candidates 'bianmin add --window sczr --matter ')" "$(words $sczr)" \
	"--matter <Tab> after --window sczr offers sczr's matters"
is "$(candidates 'bianmin add -w 市场准入 -m 设')" 设立业务 "by the window's name as well"
all=$(tail -n +2 "$BIANMIN_SOURCE_ROOT/data/catalog.csv" | cut -d, -f3,4 | tr , '\n')
is "$(candidates 'bianmin add --matter ')" "$(words $all)" "--matter <Tab> alone offers every matter"

villages=$(tail -n +2 "$BIANMIN_SOURCE_ROOT/data/villages.csv" | cut -d, -f1,2 | tr , '\n')
is "$(candidates 'bianmin add -w sczr -m sl --village ')" "$(words $villages)" "--village <Tab> offers villages"

# Serials: today's, not voided, not another day's.
is "$(candidates 'bianmin void ')" "$(words "$s1" "$s2")" "bianmin void <Tab> offers today's serials"
is "$(candidates 'bianmin void SCZR')" "$s1" "void SCZR<Tab> narrows to the window"
is "$(candidates 'bianmin done ')" "$(words "$s1" "$s2")" "done <Tab> as well"
is "$(candidates "bianmin void $s1 ")" "" "nothing more after the serial"
lacks candidates 'bianmin void ' "$old|$s3" "no voided entry, no other day's"
is "$(candidates "bianmin void $s1 --reason ")" "" "the reason is free text"
is "$(candidates "bianmin void $s1 --r")" --reason "void's option"

# --db on the line is the ledger asked.
BIANMIN_DB=$tmp/other.db run bm init
BIANMIN_DB=$tmp/other.db run bm add --applicant 申请人甲 --window msbz --matter lr --date "$today"
other=$out
is "$(candidates "bianmin --db $tmp/other.db void ")" "$other" "--db before the subcommand is used"

# Options of a subcommand come from its --help; each is one the program
# knows, and the ones that take a value are the ones the program wants one for.
like "$(candidates 'bianmin add --')" '(^| )--households( |$)' "add's options"
is "$(candidates 'bianmin add --ho')" --households "add --ho<Tab>"
is "$(candidates 'bianmin import --')" "$(words --dry-run --help)" "import's options"
commands=$(candidates 'bianmin ')
for cmd in $commands; do
	help=$(bm "$cmd" --help)
	for opt in $(candidates "bianmin $cmd -"); do
		[ "$opt" = --help ] && continue
		run bm "$cmd" "$opt"
		unlike "$err" '无法识别的选项' "$cmd $opt is an option of the program"
		if _bianmin_takes_value "$help" "$opt"; then want=1; else want=0; fi
		if printf '%s' "$err" | grep -qF -- "$opt 缺少参数"; then got=1; else got=0; fi
		is "$got" "$want" "$cmd $opt: a value is asked for by both or neither"
	done
done

# Choices the usage spells out, actions, clerks.
is "$(candidates 'bianmin report --year 2021 --format ')" "$(words $(bm report --help | head -1 |
	sed 's/.*--format \([^] ]*\).*/\1/' | tr '|' '\n'))" "report --format <Tab>"
is "$(candidates 'bianmin tally --period ')" "$(words day week month)" "tally --period <Tab>"
is "$(candidates 'bianmin tally --period w')" week "tally --period w<Tab>"
is "$(candidates 'bianmin export --encoding ')" "$(words utf-8 gb18030 gbk)" "export --encoding <Tab>"
is "$(candidates 'bianmin catalog ')" "$(words list load)" "catalog <Tab>"
like "$(candidates 'bianmin user ')" '(^| )remove( |$)' "user <Tab>"
is "$(candidates 'bianmin user add x --role ')" "$(words admin clerk supervisor)" "user add --role <Tab>"
is "$(candidates 'bianmin user remove ')" "$(id -un)" "user remove <Tab> offers the clerks"

# Files.
: >"$tmp/2021.csv"
: >"$tmp/2021-gb.csv"
mkdir "$tmp/导出"
is "$(candidates 'bianmin import 20')" "$(words 2021-gb.csv 2021.csv)" "import <Tab> offers files"
like "$(candidates 'bianmin export --year 2021 -o ')" '(^| )导出/?( |$)' "-o <Tab> offers files and folders"
is "$(candidates 'bianmin catalog load 2021.')" 2021.csv "catalog load <Tab> offers files"

done_testing
