/* The privilege module and the center's clock.  As root the test makes
 * itself "setgid" (real and effective gid apart, as an installed program
 * starts) and checks each decision; without root only the unprivileged
 * answers, and the privileged part is a TAP skip. */
#define _GNU_SOURCE /* setresgid, getresgid */
#include "period.h"
#include "priv.h"
#include "tap.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[PATH_MAX];

static char *in_dir(const char *name)
{
	static char path[2][PATH_MAX + 64];
	static int which;
	which ^= 1;
	snprintf(path[which], sizeof path[which], "%s/%s", dir, name);
	return path[which];
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
}

static void test_unprivileged(void)
{
	char *err = NULL;
	ok(!priv_privileged(), "a plain run is not privileged");
	ok(priv_drop(&err), "dropping nothing succeeds");
	ok(priv_open_ledger(in_dir("new.db"), true, &err), "any ledger may be created");
	ok(priv_may_write_for_caller(in_dir("x.csv"), &err),
	   "and a file written beside it: the caller's rights are all there are");
	priv_as_caller_begin();
	priv_as_caller_end();
	ok(getegid() == getgid(), "as-caller changes nothing");
	free(err);
}

static void test_config_trust(void)
{
	struct stat st = { .st_uid = 0, .st_mode = S_IFREG | 0644 };
	ok(priv_config_trusted(&st), "root's 0644 configuration is believed");
	st.st_mode = S_IFREG | 0664;
	ok(!priv_config_trusted(&st), "a group-writable one is not");
	st.st_mode = S_IFREG | 0646;
	ok(!priv_config_trusted(&st), "nor a world-writable one");
	st.st_mode = S_IFREG | 0644;
	st.st_uid = 1000;
	ok(!priv_config_trusted(&st), "nor one another account owns");
}

/* The real gid 4242 and the effective 4343 of a program installed setgid. */
#define CALLER_GID 4242
#define GROUP_GID 4343

static void test_privileged(void)
{
	if (geteuid() != 0) {
		for (int i = 0; i < 14; i++)
			ok(1, "# SKIP needs root to stand real and effective gid apart");
		return;
	}
	if (setresgid(CALLER_GID, GROUP_GID, GROUP_GID) != 0) {
		ok(0, "setresgid to stand the gids apart");
		return;
	}
	setenv("BIANMIN_CONF", "/tmp/evil.conf", 1);
	setenv("TZ", "Etc/GMT+12", 1);
	setenv("TMPDIR", "/home/someone", 1);
	setenv("BIANMIN_DB", "/tmp/named.db", 1);
	priv_init();
	ok(priv_privileged(), "effective gid apart from the real one: privileged");
	ok(!getenv("BIANMIN_CONF") && !getenv("TZ") && !getenv("TMPDIR"),
	   "BIANMIN_CONF, TZ and TMPDIR are taken away");
	ok(getenv("BIANMIN_DB") != NULL, "BIANMIN_DB stays: naming a database drops the group");

	priv_as_caller_begin();
	is_int(getegid(), CALLER_GID, "as-caller: the effective gid is the caller's");
	priv_as_caller_end();
	is_int(getegid(), GROUP_GID, "and the group comes back for the ledger");

	char *err = NULL;
	char ledger[PATH_MAX + 64];
	snprintf(ledger, sizeof ledger, "%s", in_dir("bianmin.db"));
	ok(priv_open_ledger(ledger, true, &err), "root may create the ledger");
	touch(ledger);
	ok(priv_open_ledger(ledger, false, &err), "and open it while -wal and -shm are to be made");
	ok(!priv_may_write_for_caller(in_dir("x.csv"), &err) && err &&
		   strstr(err, "不能把文件写入数据库所在的目录"),
	   "a file for the caller beside the ledger is refused");
	free(err);
	err = NULL;
	char link[PATH_MAX + 16];
	snprintf(link, sizeof link, "%s-link", dir);
	if (symlink(dir, link) != 0)
		ok(0, "symlink %s", link);
	char through[PATH_MAX + 32];
	snprintf(through, sizeof through, "%s/x.csv", link);
	ok(!priv_may_write_for_caller(through, &err), "also through a link to its folder");
	free(err);
	err = NULL;
	unlink(link);
	ok(priv_may_write_for_caller("/tmp/x.csv", &err), "elsewhere it is allowed");

	touch(in_dir("bianmin.db-wal"));
	touch(in_dir("bianmin.db-shm"));
	if (chown(in_dir("bianmin.db-wal"), 4444, 4444) != 0)
		ok(0, "chown the -wal");
	ok(!priv_open_ledger(ledger, false, &err) && err && strstr(err, "-wal"),
	   "a -wal another account owns is refused");
	free(err);
	err = NULL;
	if (chown(in_dir("bianmin.db-wal"), 0, 0) != 0)
		ok(0, "chown the -wal back");
	ok(priv_open_ledger(ledger, false, &err), "the ledger owner's is fine");

	ok(priv_drop(&err), "the group is given up");
	gid_t r, e, s;
	getresgid(&r, &e, &s);
	ok(r == CALLER_GID && e == CALLER_GID && s == CALLER_GID,
	   "real, effective and saved gid are all the caller's");
	ok(!priv_privileged() && priv_may_write_for_caller(in_dir("y.csv"), &err),
	   "and nothing is privileged any more");
	free(err);
}

static void test_zone(void)
{
	char *err = NULL;
	setenv("TZ", "Etc/GMT+12", 1);
	ok(period_set_zone("Asia/Shanghai", &err), "Asia/Shanghai is a zone");
	char stamp[20], want[20];
	period_timestamp(stamp);
	time_t now = time(NULL) + 8 * 3600;
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(want, sizeof want, "%Y-%m-%dT%H:%M", &tm);
	ok(strncmp(stamp, want, 16) == 0, "timestamps are UTC+8 whatever TZ said (%s)", stamp);
	char today[DATE_LEN];
	period_today(today);
	ok(strncmp(today, want, 10) == 0, "and so is today");
	ok(!period_set_zone("Mars/Olympus", &err) && err && strstr(err, "Mars/Olympus"),
	   "an unknown zone is refused by name");
	free(err);
	err = NULL;
	ok(!period_set_zone("../../etc/passwd", &err), "a path is not a zone");
	free(err);
	err = NULL;
	ok(!period_set_zone("/etc/localtime", &err), "nor an absolute one");
	free(err);
	err = NULL;
	ok(!period_set_zone("", &err), "nor nothing");
	free(err);
}

int main(void)
{
	snprintf(dir, sizeof dir, "%s/bianmin-priv-XXXXXX", "/tmp");
	if (!mkdtemp(dir))
		return 1;
	test_unprivileged();
	test_config_trust();
	test_zone();
	test_privileged();
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		ok(0, "cleaning up %s", dir);
	return tap_done();
}
