/* The ledger's group, held and given up.  The model is crontab's: the
 * program is setgid to a group no clerk belongs to, the ledger's folder is
 * 2770 root:group, so a clerk changes the ledger only through the program,
 * and the program does for the caller only what the caller could do.
 * Each decision below says why it is taken. */
#define _GNU_SOURCE /* setresgid, getresgid */
#include "priv.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static gid_t real_gid, group_gid;
static bool held;
/* The resolved folder of the ledger opened with the group, "" if none. */
static char ledger_dir[PATH_MAX];

void priv_init(void)
{
	real_gid = getgid();
	group_gid = getegid();
	/* Setgid shows as an effective gid that is not the real one.  A
	 * member of the group running the program is not privileged by it:
	 * such an account reaches the file without the program anyway. */
	held = real_gid != group_gid;
	if (!held)
		return;
	/* The caller sets the environment; a privileged run believes none of
	 * what would steer it.  BIANMIN_CONF would name a configuration (and
	 * so a database and a clock) of the caller's making; TZ, TZDIR would
	 * move the center's days; TMPDIR and SQLITE_TMPDIR would put SQLite's
	 * temporary files (pieces of the ledger) where the caller reads them;
	 * XDG_* would choose paths.  ld.so already drops LD_*, GCONV_PATH,
	 * LOCPATH and the like for a setgid program, and ncurses ignores
	 * TERMINFO there.  BIANMIN_DB stays: naming a database is allowed,
	 * and it makes the program give the group up (conf_db_path). */
	static const char *const untrusted[] = {
		"BIANMIN_CONF", "TZ", "TZDIR", "TMPDIR", "SQLITE_TMPDIR",
		"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
	};
	for (size_t i = 0; i < sizeof untrusted / sizeof untrusted[0]; i++)
		unsetenv(untrusted[i]);
}

bool priv_privileged(void)
{
	return held;
}

bool priv_drop(char **err)
{
	if (!held)
		return true;
	/* All three gids: with the saved one left, a bug later could take the
	 * group back while working on a file the caller chose. */
	if (setresgid(real_gid, real_gid, real_gid) != 0)
		return fail(err, "无法放弃 bianmin 用户组的权限: %s", errno_text(errno));
	gid_t r, e, s;
	if (getresgid(&r, &e, &s) != 0 || r != real_gid || e != real_gid || s != real_gid)
		return fail(err, "无法放弃 bianmin 用户组的权限（系统未照办）");
	held = false;
	ledger_dir[0] = '\0';
	return true;
}

static void set_effective(gid_t gid)
{
	/* Moving the effective gid between the real and the saved one is
	 * always allowed; if the kernel still says no, writing on would make
	 * the caller's file with the group's rights, so stop here. */
	if (setresgid((gid_t)-1, gid, (gid_t)-1) != 0 || getegid() != gid)
		abort();
}

void priv_as_caller_begin(void)
{
	if (held)
		set_effective(real_gid);
}

void priv_as_caller_end(void)
{
	if (held)
		set_effective(group_gid);
}

/* The resolved folder holding `path` (which need not exist), or false. */
static bool resolved_dir(const char *path, char out[PATH_MAX])
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	const char *d = ".";
	if (slash == dir)
		d = "/";
	else if (slash) {
		*slash = '\0';
		d = dir;
	}
	bool ok = realpath(d, out) != NULL;
	free(dir);
	return ok;
}

bool priv_may_write_for_caller(const char *path, char **err)
{
	if (!ledger_dir[0])
		return true;
	char dir[PATH_MAX];
	/* A folder that does not resolve holds no ledger; creating the file
	 * there fails on its own, with the caller's rights. */
	if (!resolved_dir(path, dir))
		return true;
	/* Beside the ledger a file could replace the ledger (a rename over
	 * bianmin.db) or leave personal data where the group reads it.  The
	 * caller's rights alone would stop a clerk, but not root. */
	size_t n = strlen(ledger_dir);
	if (strncmp(dir, ledger_dir, n) == 0 && (dir[n] == '\0' || dir[n] == '/'))
		return fail(err, "不能把文件写入数据库所在的目录 %s，请换一个位置", ledger_dir);
	return true;
}

/* Checks one file SQLite keeps beside the ledger (-wal, -shm). */
static bool side_file_ok(const char *path, const char *suffix, const struct stat *ledger,
			 char **err)
{
	char *side = xasprintf("%s%s", path, suffix);
	struct stat st;
	bool ok = true;
	if (lstat(side, &st) != 0) {
		/* SQLite would create it now, owned by the caller, who could
		 * then read and rewrite the ledger's pages through it.  Only
		 * the ledger's owner (root, by the install model) may. */
		if (errno != ENOENT || (getuid() != 0 && getuid() != ledger->st_uid))
			ok = fail(err, "数据库文件 %s 不存在或无法查看；请管理员以 root 运行一次 "
				  "bianmin check 重建它（见 bianmin(1) 安全）", side);
	} else if (!S_ISREG(st.st_mode) || st.st_uid != ledger->st_uid) {
		/* Someone else's file would let them write the ledger. */
		ok = fail(err, "数据库文件 %s 的所有者与数据库不同，可能被人改动过；请管理员检查"
			  "（见 bianmin(1) 安全）", side);
	}
	free(side);
	return ok;
}

bool priv_open_ledger(const char *path, bool creating, char **err)
{
	if (!held)
		return true;
	/* The account that creates the ledger owns it and may change its mode
	 * and contents at will: with the group held that must be root. */
	if (creating && getuid() != 0)
		return fail(err, "共用数据库 %s 还不存在：须由 root 运行 bianmin init 建立"
			    "（建立文件的账户即为其所有者）", path);
	if (!resolved_dir(path, ledger_dir)) {
		ledger_dir[0] = '\0';
		return fail(err, "无法打开数据库所在的目录 %s: %s", path, errno_text(errno));
	}
	if (creating)
		return true;
	struct stat st;
	if (stat(path, &st) != 0)
		return fail(err, "无法打开数据库 %s: %s", path, errno_text(errno));
	return side_file_ok(path, "-wal", &st, err) && side_file_ok(path, "-shm", &st, err);
}

bool priv_config_trusted(const struct stat *st)
{
	/* Anyone who may write the file chooses the database and the clock of
	 * every privileged run. */
	return st->st_uid == 0 && !(st->st_mode & (S_IWGRP | S_IWOTH));
}
