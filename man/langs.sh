#!/bin/bash
# TAP: the English and the Chinese manual document the same thing, and
# that is what the program offers: the same subcommands and options in both
# bianmin(1), matching `bianmin --help` and each `bianmin CMD --help`; the
# same sections and file columns in both bianmin(5).
# Usage: langs.sh BIANMIN EN.1 ZH.1 EN.5 ZH.5
set -u
bianmin=$1 en1=$2 zh1=$3 en5=$4 zh5=$5
export LC_ALL=C.UTF-8

n=0
failed=0
report() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		failed=$((failed + 1))
		diff <(printf '%s\n' "$1") <(printf '%s\n' "$2") | sed 's/^/# /'
	fi
}

# The subcommands of the Commands subsection (.Ss Commands or 命令): the
# first .Cm of each item, whether on the .It line or inside .It Xo.
commands() {
	awk '/^\.Ss (Commands|命令)$/ { f = 1; next }
		/^\.S[sh] / { f = 0 }
		!f { next }
		/^\.It Cm / { print $3; next }
		/^\.It Xo/ { x = 1; next }
		x && /^\.Cm / { print $2; x = 0 }' "$1" | sort -u
}
# Every option the page names: each word after an Fl macro.
options() {
	grep '^\.' "$1" | grep -oE '(^\.| )Fl [^ ]+' | sed 's/.*Fl /-/' | grep -E '^-[-A-Za-z0-9]+$' |
		sort -u
}
# Sections and subsections, counted: the structure, whatever the language.
structure() { printf 'Sh %s, Ss %s\n' "$(grep -c '^\.Sh ' "$1")" "$(grep -c '^\.Ss ' "$1")"; }
# The English keys of the file columns (the second cell of a table row).
columns() { grep -E '^\.It [^ ]+ Ta [a-z_]+ Ta' "$1" | awk '{ print $4 }' | sort -u; }

help_commands() { "$bianmin" --help | sed -n '/^命令:/,/^$/p' | awk 'NF > 1 { print $1 }' | sort -u; }
# The options of `bianmin --help` and of each `bianmin CMD --help`.
help_options() {
	{
		"$bianmin" --help
		for cmd in $(help_commands); do "$bianmin" "$cmd" --help; done
	} | grep -oE '^ +(-[A-Za-z0-9], )?--[a-z][-a-z]*' | tr -d ' ' | tr ',' '\n' | sed '/^$/d' | sort -u
}

for page in "$en1" "$zh1" "$en5" "$zh5"; do
	n=$((n + 1))
	if [ -s "$page" ]; then echo "ok $n - $(basename "$(dirname "$page")")/$(basename "$page") exists"
	else echo "not ok $n - $page exists"; failed=$((failed + 1)); fi
done

report "$(commands "$zh1")" "$(commands "$en1")" "bianmin(1): the Chinese page has the English page's commands"
report "$(options "$zh1")" "$(options "$en1")" "bianmin(1): the Chinese page has the English page's options"
report "$(structure "$zh1")" "$(structure "$en1")" "bianmin(1): the same sections"
report "$(columns "$zh5")" "$(columns "$en5")" "bianmin(5): the Chinese page has the English page's columns"
report "$(structure "$zh5")" "$(structure "$en5")" "bianmin(5): the same sections"
report "$(options "$zh5")" "$(options "$en5")" "bianmin(5): the same options"

want=$(help_commands)
report "$(commands "$en1")" "$want" "the English page's commands are bianmin --help's"
report "$(commands "$zh1")" "$want" "the Chinese page's commands are bianmin --help's"
missing_en=$(comm -23 <(help_options) <(options "$en1"))
report "$missing_en" "" "every option of the program's --help is in the English page"
missing_zh=$(comm -23 <(help_options) <(options "$zh1"))
report "$missing_zh" "" "every option of the program's --help is in the Chinese page"

echo "1..$n"
[ "$failed" -eq 0 ]
