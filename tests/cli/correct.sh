#!/bin/bash
# 更正 in one step, the repeat warning, ID numbers as clerks type them,
# 需申请人, full-width digits, and 人次 counting persons.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null
today=$(date +%F)
credit=92130125MA0CD5678W

# Correction: the old entry voided with the reason, the new one in its
# place, linked both ways, one audit line.
old=$(bm add -w sczr -m sl -a 张记面馆 -i $credit -v yc --date 2021-03-15 --time 09:41 --note 首次)
run bm correct "$old" --reason 名字写错 -a 张纪面馆
is "$rc" 0 "correct exits 0"
new=$out
like "$new" '^SCZR-2021-[0-9]{6}$' "and prints the new serial"
run bm list --date 2021-03-15 --all
like "$out" "^$old .* 张记面馆 .* 作废 .* 更正为 $new  作废原因: 名字写错$" \
	"list --all shows the voided entry with 更正为 NEW"
like "$out" "^$new .* 张纪面馆 +921301\*+678W +杨村 +1项 +办结 .* 更正自 $old$" \
	"the new entry keeps the other values and names the old one"
like "$out" "^$new  2021-03-15  09:41 " "with the old date and time"
run bm list --date 2021-03-15
unlike "$out" "张记面馆" "a plain list leaves the voided entry out"
is "$(sqlite3 "$BIANMIN_DB" "SELECT corrects FROM txn WHERE serial = '$new'")" "$old" \
	"txn.corrects holds the replaced serial"
is "$(sqlite3 "$BIANMIN_DB" "SELECT note FROM txn WHERE serial = '$new'")" "首次" "the note is carried over"
is "$(sqlite3 "$BIANMIN_DB" "SELECT count(*) FROM audit WHERE action = 'correct'")" 1 \
	"audited as one act"
run bm audit --from 2000-01-01
like "$out" "更正 +$old +更正为 $new: 名字写错" "the audit line reads 更正 with both serials"
run bm correct "$old" --reason 再改 -a 某
is "$rc" 1 "a voided entry cannot be corrected again"
like "$err" '已作废' "saying why"
run bm correct "$new" --reason 改事项 -m bg
is "$rc" 0 "a correction may change the matter"
run bm list --date 2021-03-15
like "$out" " 变更业务 +张纪面馆 " "to 变更业务, the applicant kept"
before=$(sqlite3 "$BIANMIN_DB" "SELECT count(*) FROM txn")
run bm correct "$(bm list --date 2021-03-15 | sed -n 2p | cut -c1-16)" --reason 清空 -a ''
is "$rc" 1 "a correction that blanks a required applicant is refused"
like "$err" '申请人' "naming the field"
is "$(sqlite3 "$BIANMIN_DB" "SELECT count(*) FROM txn")" "$before" "and writes nothing"
is "$(sqlite3 "$BIANMIN_DB" "SELECT count(*) FROM txn WHERE voided_at IS NULL AND occurred_on = '2021-03-15'")" 1 \
	"nor voids anything"
run bm correct "$new"
is "$rc" 2 "correct without --reason is a usage error"
run bm correct SCZR-2021-999999 --reason x
is "$rc" 1 "an unknown serial"
like "$err" '不存在' "is named as such"

# 需申请人: blank saves refused, naming the field; a consultation needs none.
run bm add -w sczr -m sl --date 2021-03-16
is "$rc" 1 "a 设立业务 without an applicant is refused"
like "$err" '请填写申请人' "naming the field"
run bm add -w sczr -m sl -a '　 ' --date 2021-03-16
is "$rc" 1 "blanks, full-width ones too, are no applicant"
run bm add -w sjfw -m zx --date 2021-03-16
is "$rc" 0 "a 政策咨询 needs no applicant"

# ID numbers as clerks type them.
run bm add -w wsjk -m yt -a 王芳 -i '110105 19491231 002x' --date 2021-03-16
is "$rc" 0 "a 身份证 in groups with a lowercase x is taken"
is "$(sqlite3 "$BIANMIN_DB" "SELECT id_number FROM txn WHERE serial = '$out'")" 11010519491231002X \
	"and stored folded"
run bm add -w wsjk -m yt -a 王芳 -i '１３０１２５－１９８００１０１－１２３７' --date 2021-03-16
is "$rc" 0 "full-width digits and hyphens are folded"
run bm add -w wsjk -m yt -a 王芳 -i 130125198001011238 --date 2021-03-16
is "$rc" 1 "a wrong check digit is refused"
is "$err" "bianmin: 证件号码校验位不符，请对照证件核对" "naming the field, not the right digit"
run bm add -w sczr -m bg -a 李氏五金店 -i 11010519491231002X --date 2021-03-16
is "$rc" 1 "a 身份证 at a matter of credit codes is refused"
like "$err" '^bianmin: 证件号码（统一社会信用代码）' "saying which kind is wanted"
run bm add -w sczr -m bg -a 李氏五金店 -i '9213 0125 ma0c d567 8w' --date 2021-03-16
is "$rc" 0 "a credit code in groups, lowercase, is taken"
run bm add -w wsjk -m yt -a 王芳 -i 11010519491231A02X --date 2021-03-16
like "$err" '证件号码（身份证）第15位应为数字，实为 A' "a letter among the digits is named by position"

# Repeats: warned on stderr, saved all the same.
first=$(bm add -w wsjk -m xnh -a 赵家 -i 130125198001011237 --households 1 --persons 4 --date 2021-04-01)
run bm add -w wsjk -m xnh -a 赵家 -i 130125198001011237 --households 1 --persons 4 --date 2021-06-01
is "$rc" 0 "a repeat exits 0"
like "$out" '^WSJK-2021-' "and is saved"
is "$err" "bianmin: 注意: 此证件号码本年已办理过同一事项（$first，2021-04-01）" \
	"warning with the earlier serial and date"
run bm add -w wsjk -m xnh -a 赵家 -i 130125198001011237 --households 1 --persons 4 --date 2022-01-05
is "$err" "" "another year is no repeat"
run bm add -w wsjk -m yt -a 赵家 -i 130125198001011237 --date 2022-01-05
is "$err" "" "nor another matter"
lone=$(bm add -w wsjk -m ds -a 钱家 -i 130125199002152343 --date 2021-05-01)
bm void "$lone" --reason 录错 >/dev/null
run bm add -w wsjk -m ds -a 钱家 -i 130125199002152343 --date 2021-05-02
is "$err" "" "a voided entry is no repeat"

# Full-width digits in number options.
run bm add -w wsjk -m xnh -a 孙家 --households １ --persons ４ --date 2021-03-17
is "$rc" 0 "full-width digits in --persons"
like "$(bm list --date 2021-03-17)" ' 1户4人 ' "read as 1户4人"
run bm add -w wsjk -m xnh -a 孙家 --households 1 --persons '４x' --date 2021-03-17
is "$rc" 2 "but not with letters"
like "$err" '４x' "quoting what was typed"

# 人次 sums persons: a group of 20 at one 宣传 is one entry of 20人次.
run bm add -w wsjk -m wszx --persons 20 --date 2021-03-18
is "$rc" 0 "a 人次 matter takes --persons"
bm add -w wsjk -m wszx --date 2021-03-18 >/dev/null
run bm tally --date 2021-03-18
like "$out" '卫生法律法规宣传咨询 +21人次$' "20 + 1 persons: 21人次"
run bm add -w wsjk -m wszx --persons 0 --date 2021-03-18
is "$rc" 1 "0 persons counts nothing"
run bm add -w wsjk -m wszx --households 2 --date 2021-03-18
is "$rc" 1 "a 人次 matter takes no --households"

# A clerk corrects their own entries of today only; a supervisor any entry
# of an unlocked year.
me=$(id -un)
mine=$(bm add -w sczr -m sl -a 今日商店 -i $credit --date "$today")
bm user add chief --name 主任 --role admin >/dev/null
bm user add "$me" --name 经办 --role clerk >/dev/null
run bm correct "$mine" --reason 改名 -a 今日商号
is "$rc" 0 "a clerk corrects their own entry of today"
fixed=$out
is "$(sqlite3 "$BIANMIN_DB" "SELECT clerk FROM txn WHERE serial = '$fixed'")" "$me" "kept as theirs"
run bm correct "$first" --reason 改名 -a 赵氏
is "$rc" 1 "but not an entry of another day"
like "$err" '经办人只能更正当天的办件' "saying why"

export BIANMIN_DB="$tmp/s.db"
bm init >/dev/null
past=$(bm add -w sczr -m sl -a 旧商店 -i $credit --date 2021-03-15)
bm user add chief --name 主任 --role admin >/dev/null
bm user add "$me" --name 主管 --role supervisor >/dev/null
run bm correct "$past" --reason 改名 -a 旧商号
is "$rc" 0 "a supervisor corrects an old entry"
is "$(sqlite3 "$BIANMIN_DB" "SELECT clerk FROM txn WHERE serial = '$out'")" "$me" \
	"the new entry keeps the clerk who served"
bm lock --year 2021 >/dev/null
run bm correct "$out" --reason 再改 -a 旧商行
is "$rc" 1 "but not in a locked year"
like "$err" '锁定' "saying so"
done_testing
