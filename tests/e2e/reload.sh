#!/bin/bash
# A terminal left open follows a catalog loaded elsewhere: it goes back to
# the home screen, says so, and from then on offers the new matters and
# no longer the removed ones.
. "$(dirname "$0")/lib.sh"

make_db
ok $? "database created"
start a 80 24
wait_for a "1 市场准入"
keys a 1
wait_for a "增补执照业务"
ok $? "the window shows its matters"
type_text a "b"
wait_for a "代码: b"
ok $? "a code is being typed when the catalog changes"

# 增补执照业务 leaves the catalog, 歇业登记 joins it.
grep -v '^sczr,市场准入,bz,' "$SRC/data/catalog.csv" >"$TMP/catalog.csv"
echo "sczr,市场准入,xy,歇业登记,项,,0,0" >>"$TMP/catalog.csv"
"$BIN" --db "$DB" catalog load "$TMP/catalog.csv" >/dev/null
ok $? "a new catalog loaded from the shell"
wait_for a "事项目录已更新" 3
ok $? "the terminal says the catalog changed"
wait_for a "上碑镇行政综合服务中心"
ok $? "and is back on the home screen"
keys a 1
wait_for a "歇业登记"
ok $? "the window offers the new matter"
screen a | grep -q "增补执照业务"
[ $? -ne 0 ]
ok $? "and no longer the removed one"
type_text a "xy"
keys a Enter
type_text a "刘记饭店"
keys a C-s
wait_for a "已保存 SCZR-2021-000001  歇业登记"
ok $? "an entry of the new matter saves"
keys a Escape Escape
wait_for a "1 市场准入"
keys a q
[ "$(wait_exit a)" = 0 ]
ok $? "quits"

done_testing
