#!/bin/bash
# Texts from the command line and from files: a hidden character (a bidi
# override, a zero-width space, a C1 control) is refused naming it and the
# field; what older data holds is shown escaped by every printer (list,
# tally, report, export, audit), keeping columns aligned; a long text is
# refused whole, never cut, and a reason of 180 汉字 round-trips.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null

run bm add -w sczr -m sl -a $'王\u202e五' --date 2021-03-01
is "$rc" 1 "an applicant with U+202E is refused"
like "$err" '申请人含有不可见的字符 U\+202E（第 2 个字）' "naming the field and the character"
run bm add -w sczr -m sl -a 王五 --note $'备\u200b注' --date 2021-03-01
is "$rc" 1 "a note with a zero-width space is refused"
like "$err" '备注含有不可见的字符 U\+200B' "naming it"
run bm add -w sczr -m sl -a $'坏\u0085' --date 2021-03-01
like "$err" '申请人含有控制字符 U\+0085' "a C1 control is named as a control"
run bm add -w $'市场\u200b准入' -m sl --date 2021-03-01
is "$rc" 1 "a window name with a zero-width space is refused"
like "$err" '窗口含有不可见的字符 U\+200B' "as a hidden character, not as an unknown window"
run bm add -w sczr -m sl -a 王五 --note $'第一行\n第二行' --date 2021-03-01
is "$rc" 0 "a note keeps its line break"
like "$(bm list --date 2021-03-01)" '^共 1 件$' "only the good entry was written"

run bm user add xiaowang --name $'小\u2066王' --role clerk
is "$rc" 1 "a clerk's name with a bidi isolate is refused"
like "$err" '经办人姓名含有不可见的字符 U\+2066' "naming it"
run bm init --center $'上碑镇\u200d中心'
is "$rc" 1 "a center name with a zero-width joiner is refused"
like "$err" '中心名称含有不可见的字符 U\+200D' "naming it"

# Limits in characters, with 𠀀 (four bytes): at the limit kept whole, one past refused.
ext() { local n=$1 s=; for ((i = 0; i < n; i++)); do s+=𠀀; done; printf '%s' "$s"; }
for spec in "-a:申请人:60" "--note:备注:500"; do
	IFS=: read -r opt label max <<<"$spec"
	run bm add -w sczr -m sl -a 限 "$opt" "$(ext "$max")" --date 2021-03-02
	is "$rc" 0 "$label of $max 𠀀 is taken"
	run bm add -w sczr -m sl -a 限 "$opt" "$(ext $((max + 1)))" --date 2021-03-02
	is "$rc" 1 "$label of $((max + 1)) 𠀀 is refused"
	like "$err" "${label}过长：$((max + 1)) 个字，最多 $max 个" "saying how long and how long it may be"
done
serial=$(bm add -w sczr -m sl -a 作废测试 --date 2021-03-02)
run bm void "$serial" --reason "$(ext 201)"
is "$rc" 1 "a void reason of 201 𠀀 is refused"
like "$err" '作废原因过长：201 个字，最多 200 个' "with its length"
reason=$(for i in $(seq 180); do printf 录; done)
run bm void "$serial" --reason "$reason"
is "$rc" 0 "a void reason of 180 汉字 (540 bytes) is taken"
bm export --year 2021 -o "$tmp/all.csv"
like "$(cat "$tmp/all.csv")" "\"$reason\"" "exported whole, not cut at byte 511"
run bm --db "$tmp/copy.db" init
run bm --db "$tmp/copy.db" import "$tmp/all.csv"
is "$rc" 0 "and the export imports again"

# Older data, written behind the program's back, is shown escaped.
if command -v sqlite3 >/dev/null; then
	a=$(bm add -w sczr -m sl -a 甲 --date 2021-03-03)
	b=$(bm add -w sczr -m sl -a 乙乙 --date 2021-03-03)
	sqlite3 "$BIANMIN_DB" "UPDATE txn SET applicant = '甲' || char(8203) WHERE serial = '$a';
		UPDATE txn SET applicant = char(8238) || '乙乙' WHERE serial = '$b';
		UPDATE \"window\" SET name = '市场' || char(8238) || '准入' WHERE code = 'sczr';
		INSERT OR REPLACE INTO setting (key, value) VALUES ('center', '上碑镇' || char(133));"
	run bm list --date 2021-03-03
	is "$(printf '%s' "$out" | grep -c $'\u200b\|\u202e')" 0 "list prints no hidden character"
	like "$out" '甲<U\+200B>' "a zero-width space is shown as <U+200B>"
	like "$out" '<U\+202E>乙乙' "a bidi override as <U+202E>"
	line_a=$(printf '%s\n' "$out" | grep '甲<U+200B>')
	line_b=$(printf '%s\n' "$out" | grep '乙乙')
	col() { printf '%s' "${1%%$2*}" | wc -L; }
	is "$(col "$line_a" 2021-03-03)" "$(col "$line_b" 2021-03-03)" "and the columns stay aligned"
	run bm tally --date 2021-03-03
	like "$out" '^上碑镇<U\+0085>  办件统计' "tally's heading escapes the center's name"
	run bm report --year 2021
	unlike "$out" $'\u202e' "the report prints no bidi override"
	like "$out" '市场<U\+202E>准入' "but its escape"
	run bm report --year 2021 --format narrative
	unlike "$out" $'\u202e' "nor does its narrative"
	bm export --year 2021 -o "$tmp/esc.csv"
	unlike "$(cat "$tmp/esc.csv")" $'\u200b|\u202e' "the CSV export holds no hidden character"
	like "$(cat "$tmp/esc.csv")" '"甲<U\+200B>"' "but their escapes"
	run bm --db "$tmp/copy2.db" init
	run bm --db "$tmp/copy2.db" import "$tmp/esc.csv"
	like "$err" '窗口' "an import of it fails only on the renamed window, not on a hidden character"
	unlike "$err" 'U\+200B（' "the escaped applicant is plain text to it"
	run bm catalog list
	like "$out" '^1 市场<U\+202E>准入 \(sczr\)$' "catalog list escapes the name"
	run bm audit
	unlike "$out" $'\u202e' "audit prints none either"
	# A 承诺件 for the receipt: the default catalog with a time limit on 低保.
	sed 's/^msbz,民生保障,db,最低生活保障申请初审,户,,0,0,/msbz,民生保障,db,最低生活保障申请初审,户,,0,20,/' \
		"$BIANMIN_SOURCE_ROOT/data/catalog.csv" >"$tmp/catalog.csv"
	sqlite3 "$BIANMIN_DB" "UPDATE \"window\" SET name = '市场准入' WHERE code = 'sczr';"
	bm catalog load "$tmp/catalog.csv" >/dev/null
	p=$(bm add -w msbz -m db -a 丙 --id 11010519491231002X --households 1 --date 2021-03-03)
	sqlite3 "$BIANMIN_DB" "UPDATE txn SET applicant = '丙' || char(8238) || '丁' WHERE serial = '$p';"
	run bm receipt "$p" -o -
	like "$out" '丙<U\+202E>丁' "a 受理回执 shows the escape, not the override"
else
	for _ in $(seq 15); do echo "ok $((tap_n += 1)) # SKIP sqlite3 is not installed"; done
fi

# An import names the line and the character of a hidden one.
printf '日期,窗口,事项,申请人,备注\n2021-03-04,sczr,sl,王五,\n2021-03-04,sczr,sl,\xe6\x9d\x8e\xe2\x80\xae\xe5\x9b\x9b,\n2021-03-04,sczr,sl,赵六,"一\xc2\x9b二"\n' >"$tmp/hidden.csv"
run bm import "$tmp/hidden.csv"
is "$rc" 1 "an import with hidden characters is refused"
like "$err" '第3行: 申请人含有不可见的字符 U\+202E' "naming line 3, the field and the character"
like "$err" '第4行: 备注含有控制字符 U\+009B' "and line 4's"

done_testing
