#!/bin/bash
# Text pasted into a field arrives as one burst of keys: a line break
# inside it is part of the text (a space), never Enter, so it neither
# saves the form early nor leaks the rest into the next citizen's form.
# Text past a field's limit (core's, in characters) is refused out loud.
. "$(dirname "$0")/lib.sh"

exported() { "$BIN" --db "$DB" export --year 2021; }

make_db
ok $? "database created"
start a 80 24
wait_for a "1 市场准入"
keys a 1
wait_for a "市场准入窗口"
keys a Enter
type_text a $'张记\n面馆'
wait_for a "申请人    张记 面馆"
ok $? "a line break pasted into 申请人 becomes a space"
keys a Tab Tab Tab
wait_for a "Enter 下一栏   Ctrl-S 保存"
type_text a $'第一行\n第二行'
wait_for a "第一行 第二行"
ok $? "a line break pasted into 备注 becomes a space"
screen a | grep -q "已保存"
[ $? -ne 0 ]
ok $? "nothing was saved by the pasted line break"
type_text a $'\r\n第三行'
wait_for a "第一行 第二行 第三行"
ok $? "a pasted CR LF is one space"
keys a C-s
wait_for a "已保存 SCZR-2021-000001"
ok $? "Ctrl-S saves"
exported | grep -q "张记 面馆.*第一行 第二行 第三行"
ok $? "the entry holds the whole text"
[ "$(exported | grep -c SCZR-)" = 1 ]
ok $? "one entry, nothing saved early"
screen a | grep -q "申请人    ."
[ $? -ne 0 ]
ok $? "nothing leaked into the next form"

long=$(printf '长%.0s' $(seq 70))
type_text a "$long"
wait_for a "申请人最多 60 个字, 多出的没有输入"
ok $? "a full field says so instead of dropping keys silently"
keys a C-s
wait_for a "已保存 SCZR-2021-000002"
[ "$(exported | grep SCZR-2021-000002 | grep -o '长长*')" = "$(printf '长%.0s' $(seq 60))" ]
ok $? "the 60 characters the field shows are saved"

# A character that cannot be seen (a bidi override, a zero-width space)
# is refused where it is pasted, named, and the rest of the text comes in.
type_text a $'赵\u202e六\u200b'
wait_for a "申请人不能含有看不见的字符 U+200B, 没有输入"
ok $? "a hidden character is refused as it is pasted, by its code"
wait_for a "申请人    赵六"
ok $? "the visible text around it is kept"
keys a C-u

# A terminal that marks pastes (bracketed paste, as tmux does when asked):
# even a line break at the end of the pasted text does not save.
type_text a "王五"
keys a Tab Tab Tab
wait_for a "Enter 下一栏   Ctrl-S 保存"
tm set-buffer -b clip $'李记\n'
tm paste-buffer -p -b clip -t =a:
type_text a "X"
wait_for a "备注      李记 X"
ok $? "a marked paste ending in a line break stays in the field"
screen a | grep -q "SCZR-2021-000003"
ok $((!$?)) "and saves nothing"
keys a Escape
keys a Escape Escape
wait_for a "1 市场准入"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "quits"

done_testing
