#!/bin/bash
# The Debian package's files agree with the program: the version, the
# maintainer scripts, the configuration file's keys.  (.ci/package builds,
# installs and purges the package itself.)
. "$(dirname "$0")/lib.sh"

: "${BIANMIN_SOURCE_ROOT:?}"
deb=$BIANMIN_SOURCE_ROOT/debian

# A native package: its version is the program's.
top=$(sed -n '1s/^bianmin (\([^)]*\)).*/\1/p' "$deb/changelog")
run bm --version
is "bianmin $top" "$out" "debian/changelog's version is the program's"

for script in postinst postrm; do
	ok sh -n "$deb/$script" "debian/$script parses"
	ok test -x "$deb/$script" "debian/$script is executable"
	like "$(head -1 "$deb/$script")" '^#!/bin/sh$' "debian/$script is a POSIX shell script"
	like "$(cat "$deb/$script")" '^#DEBHELPER#$' "debian/$script leaves debhelper its place"
done
like "$(cat "$deb/postinst")" 'dpkg-statoverride --update --add root "\$group" 2755 "\$program"' \
	"postinst makes the program setgid through dpkg-statoverride"
like "$(cat "$deb/postinst")" 'addgroup --system' "postinst makes a system group"
# The ledger goes only with a purge.
ledger_lines=$(grep -n 'rm -rf "\$ledger"' "$deb/postrm" | cut -d: -f1)
purge_line=$(grep -n 'if \[ "\$1" = purge \]; then' "$deb/postrm" | cut -d: -f1)
ok \
	test -n "$ledger_lines" -a -n "$purge_line" -a "${ledger_lines:-0}" -gt "${purge_line:-0}" "postrm removes the ledger only inside its purge branch"
is "$(grep -c 'rm -rf' "$deb/postrm")" 1 "postrm removes nothing else"

# The shipped configuration sets nothing and names every key, so that the
# compiled-in defaults hold until an administrator changes one.
conf=$deb/bianmin.conf
is "$(grep -v '^#' "$conf" | grep -c .)" 0 "bianmin.conf sets nothing"
for key in db center tz phone print lines; do
	is "$(grep -c "^# $key = " "$conf")" 1 "bianmin.conf names '$key' once"
done
# Every key the program reads is in the shipped file.
read_keys=$(grep -rhoE 'conf_value\("[a-z_]+"\)' "$BIANMIN_SOURCE_ROOT/src" | sed 's/.*("\(.*\)")/\1/' | sort -u)
ok test -n "$read_keys" "the program reads some keys"
for key in $read_keys; do
	is "$(grep -c "^# $key = " "$conf")" 1 "bianmin.conf names '$key', which the program reads"
done

done_testing
