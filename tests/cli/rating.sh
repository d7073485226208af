#!/bin/bash
# 好差评: rate by name or digit, a 差评 needs a reason, one rating per entry
# (a re-rating replaces it, audited), the call-back of a 差评, and the
# tally's list of 差评 waiting for one.
. "$(dirname "$0")/lib.sh"

bm init >/dev/null
a=$(bm add -w sczr -m sl -a 张记面馆 --phone 13800138000 --date 2021-03-15)
b=$(bm add -w sczr -m bg -a 李记商店 --date 2021-03-15)
c=$(bm add -w wsjk -m wszx --date 2021-03-15)

run bm rate "$a" 非常满意
is "$rc" 0 "rate by name"
like "$out" "^已评价 $a：非常满意$" "says so"
run bm rate "$b" 4
is "$rc" 0 "rate by digit"
like "$out" "：满意$" "4 is 满意"
run bm rate "${c,,}" 基本满意
is "$rc" 0 "a serial in lower case"
like "$out" "^已评价 $c：基本满意$" "named as stored"

# Bad input: each refused, nothing written.
audit_before=$(bm audit | tail -1)
run bm rate "$a" 很好
is "$rc" 1 "an unknown level is refused"
like "$err" '评价等级“很好”无效，应为 非常满意、满意、基本满意、不满意、非常不满意' "naming the levels"
run bm rate "$a" 6
is "$rc" 1 "6 is no level"
run bm rate "$a" 0
is "$rc" 1 "nor 0"
run bm rate "$a" 不满意
is "$rc" 1 "a 差评 without a reason is refused"
like "$err" '“不满意”是差评，必须说明原因' "and says a reason is needed"
run bm rate "$a" 1 --reason '   '
is "$rc" 1 "blanks are no reason"
run bm rate SCZR-2021-999999 5
is "$rc" 1 "an unknown serial"
like "$err" '编号 SCZR-2021-999999 不存在' "is named"
run bm rate "$a"
is "$rc" 2 "a level is required"
is "$(bm audit | tail -1)" "$audit_before" "nothing was written"
like "$(bm audit)" "评价 .*$a  非常满意" "the first rating is audited"

# A re-rating replaces the rating; the audit says what it was.
run bm rate "$a" 不满意 --reason 等待时间太长
is "$rc" 0 "re-rating with a reason"
like "$(bm audit)" "评价 .*$a  不满意（原为非常满意）: 等待时间太长" "audited with the old level"

# The tally lists the 差评 waiting for a call-back, the phone masked.
run bm tally --date 2021-03-15
like "$out" '^差评待回访（15 个工作日内回访）$' "the tally has the follow-up list"
like "$out" "^$a  市场准入  张记面馆 .*138\*\*\*\*8000 .*不满意 .*等待时间太长$" "with the 差评"
unlike "$out" '13800138000' "the phone masked"
like "$out" '^待回访 1 件$' "counted"
today=$(date +%F)
# Fifteen working days after today is late; say, 40 calendar days on.
later=$(date -d "$today + 40 days" +%F)
like "$(bm tally --date "$later")" '^待回访 1 件，其中超期 1 件$' "past 15 working days: 超期"
like "$(bm tally --date "$later")" "^$a .* 超期  等待时间太长$" "marked on its row"

# The call-back.
run bm rate --followup "$b" --note 回访
is "$rc" 1 "a 满意 needs no call-back"
like "$err" '只有差评' "and says so"
run bm rate --followup "$a"
is "$rc" 2 "--note is required"
run bm rate --followup "$a" --note 已电话联系，群众表示理解
is "$rc" 0 "the call-back is recorded"
like "$out" "^已记录回访 $a$" "says so"
like "$(bm audit)" "差评回访 .*$a  已电话联系，群众表示理解" "audited"
lacks bm tally --date 2021-03-15 '差评待回访' "no longer waiting"
run bm rate --followup "$a" --note 再次
is "$rc" 1 "a second call-back is refused"
like "$err" '已于 .* 回访' "saying when it was"
# A new 差评 starts a new wait.
bm rate "$a" 非常不满意 --reason 态度不好 >/dev/null
like "$(bm tally --date 2021-03-15)" "^$a .*非常不满意" "a new 差评 waits again"

# A voided entry cannot be rated.
bm void "$c" --reason 录错 >/dev/null
run bm rate "$c" 5
is "$rc" 1 "a voided entry cannot be rated"
like "$err" '已作废' "and says so"

# A clerk rates only within their windows.
bm user add chief --name 主任 --role admin >/dev/null
bm user add "$(id -un)" --name 经办 --role clerk --windows wsjk >/dev/null
run bm rate "$b" 5
is "$rc" 1 "a clerk of another window cannot rate"
like "$err" '不属于您负责的窗口' "and is told why"
lacks bm tally --date 2021-03-15 '差评待回访|张记面馆' \
	"nor sees another window's 差评 and its citizen on the follow-up list"

done_testing
