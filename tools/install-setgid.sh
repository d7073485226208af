#!/bin/sh
# Run by `meson install` after the files are in place:
#   install-setgid.sh GROUP BINDIR/bianmin STATEDIR
# makes the program setgid GROUP (2755) and the shared ledger's folder
# 2770 root:GROUP (DESIGN 11).  Honours DESTDIR.  Without the group on this
# machine, or without root, the program stays an ordinary one and this says
# so: nothing fails, as a staged install for a package is done that way.
set -eu

group=$1
program=${MESON_INSTALL_DESTDIR_PREFIX:?run by meson install}/$2
statedir=${DESTDIR:-}$3

if ! getent group "$group" >/dev/null; then
	echo "bianmin: group $group does not exist: installed without setgid" \
		"(groupadd --system $group, then meson install again)" >&2
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "bianmin: not root: installed without setgid $group;" \
		"run meson install as root for the shared ledger" >&2
	exit 0
fi

# chgrp first: changing the group clears the setgid bit.
chgrp "$group" "$program"
chmod 2755 "$program"
# The folder is the ledger's only protection: the files in it are 0660 and
# only members of the group (none but the program) may enter it.
mkdir -p "$statedir"
chown "root:$group" "$statedir"
chmod 2770 "$statedir"
echo "bianmin: $program setgid $group; ledger folder $statedir (2770 root:$group)"
