#!/bin/bash
# check finds what someone who can write the file did with sqlite3: a
# trigger dropped and an entry deleted, an audit line deleted, a void taken
# back, an entry slipped in; each said in Chinese, exit 1.  A ledger only
# the program wrote (imports with their own serials included) is sound.
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 is not installed"
	exit 0
fi

bm init >/dev/null
for a in 甲 乙 丙 丁; do bm add -w sczr -m sl -a $a --date 2026-03-02 >/dev/null; done
printf '编号,日期,窗口,事项\nSCZR-2025-000040,2025-06-01,sczr,sl\n,2025-06-02,sczr,sl\n' >"$tmp/old.csv"
bm import "$tmp/old.csv" >/dev/null
bm void SCZR-2026-000004 --reason 录重了 >/dev/null
run bm check
is "$rc" 0 "a ledger the program wrote is sound"
like "$out" '^数据库完好' "and check says so"
cp "$BIANMIN_DB" "$tmp/sound.db"

# tamper DESC SQL WANT: on a fresh copy of the sound ledger.
tamper() {
	local desc=$1 sql=$2 want=$3
	rm -f "$BIANMIN_DB" "$BIANMIN_DB-wal" "$BIANMIN_DB-shm"
	cp "$tmp/sound.db" "$BIANMIN_DB"
	sqlite3 "$BIANMIN_DB" "$sql"
	run bm check
	is "$rc" 1 "$desc: check fails"
	like "$err" "$want" "$desc: and says what it found"
	unlike "$out" '数据库完好' "$desc: never 数据库完好"
}

tamper "trigger dropped, entry deleted" \
	"DROP TRIGGER txn_never_deleted; DELETE FROM txn WHERE serial = 'SCZR-2026-000002';" \
	'保护触发器 txn_never_deleted 不见了'
like "$err" '编号: SCZR-2026-000002 缺失（SCZR-2026-000003 是程序编的号' "the hole in the serials is named"
like "$err" '审计: 第 [0-9]+ 条审计记录（add SCZR-2026-000002）所指的办件 id [0-9]+ 已不存在' \
	"and the audit line that lost its entry"
tamper "newest audit line deleted" \
	"DROP TRIGGER audit_append_only; DELETE FROM audit WHERE action = 'void';
	 CREATE TRIGGER audit_append_only BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, '审计记录不可删除'); END;" \
	'办件 SCZR-2026-000004 已作废，却没有作废它的审计记录'
tamper "an older audit line deleted" \
	"DROP TRIGGER audit_append_only; DELETE FROM audit WHERE action = 'add' AND detail = 'SCZR-2026-000001';" \
	'审计记录: id [0-9]+ 缺失，审计记录被直接删除过'
like "$err" '办件 SCZR-2026-000001 没有录入它的审计记录' "the entry it recorded is named"
tamper "void taken back" \
	"UPDATE txn SET voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE serial = 'SCZR-2026-000004';" \
	'审计记录记载办件 SCZR-2026-000004 已作废，它现在却未作废'
tamper "entry slipped in" \
	"INSERT INTO txn (serial, matter_id, occurred_on, clerk, created_at)
	 SELECT 'SCZR-2026-000005', matter_id, '2026-03-02', 'x', '2026-03-02T09:00:00' FROM txn LIMIT 1;" \
	'办件 SCZR-2026-000005 没有录入它的审计记录'
tamper "newest imported entry deleted" \
	"DROP TRIGGER txn_never_deleted; DELETE FROM txn WHERE serial = 'SCZR-2025-000041';" \
	'记载导入 2 件，其中 1 件已不存在'

rm -f "$BIANMIN_DB" "$BIANMIN_DB-wal" "$BIANMIN_DB-shm"
cp "$tmp/sound.db" "$BIANMIN_DB"
run bm check
is "$rc" 0 "the untouched copy is still sound"

done_testing
