/* bianmin --demo: the terminal UI on a throwaway database filled with
 * made-up entries, so the program can be tried without touching real data.
 * The database lives in a fresh private folder that goes away however the
 * program ends: normally, through exit() (curses failing to start calls
 * it), or by a hangup or termination signal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "catalog.h"
#include "clerk.h"
#include "cmd.h"
#include "db.h"
#include "holiday.h"
#include "demo.h"
#include "period.h"
#include "priv.h"

/* The reference report's center, so the demo reads like the real thing. */
#define DEMO_CENTER "上碑镇行政综合服务中心"
#define DEMO_SEED 2021u

/* Filled before any handler can run; the handler only unlinks. */
static char demo_dir[4096];
static char demo_files[4][4096];

static void demo_remove(void)
{
	for (size_t i = 0; i < sizeof demo_files / sizeof demo_files[0]; i++)
		if (demo_files[i][0])
			unlink(demo_files[i]);
	if (demo_dir[0])
		rmdir(demo_dir);
}

static void demo_on_signal(int sig)
{
	demo_remove();
	signal(sig, SIG_DFL);
	raise(sig);
}

static bool demo_paths(const char *dir)
{
	static const char *const names[] = { "demo.db", "demo.db-wal", "demo.db-shm",
					     "demo.db-journal" };
	if ((size_t)snprintf(demo_dir, sizeof demo_dir, "%s", dir) >= sizeof demo_dir)
		return false;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((size_t)snprintf(demo_files[i], sizeof demo_files[i], "%s/%s", dir, names[i]) >=
		    sizeof demo_files[i])
			return false;
	return true;
}

/* What `init` gives a new database, then two years of entries: the year of
 * `day` up to that day and the whole year before, for the report's
 * comparison. */
static bool demo_prepare(const char *path, const char *day, char **err)
{
	const char *login = current_login();
	struct db *db = db_open(path, DB_OPEN_CREATE, err);
	if (!db)
		return false;
	struct clerk admin = {
		.login = (char *)login,
		.name = (char *)login,
		.role = ROLE_ADMIN,
		.windows = "",
	};
	struct catalog *cat = NULL;
	bool ok = clerk_put(db, &admin, login, err) && catalog_load_defaults(db, login, err) &&
		  holiday_load_defaults(db, login, NULL, err) &&
		  db_set_setting(db, "center", DEMO_CENTER, err) &&
		  (cat = catalog_read(db, err)) != NULL;
	int year = period_year_of(day);
	if (ok)
		ok = demo_fill(db, cat, year - 1, year, 0, DEMO_SEED, login, err);
	catalog_free(cat);
	db_close(db);
	return ok;
}

int cli_demo(const char *tui_date)
{
	char today[DATE_LEN];
	period_today(today);
	const char *day = tui_date ? tui_date : today;
	if (strcmp(day, today) > 0)
		return cli_error("演示数据只到今天为止，--date %s 还没到", day);

	/* A ledger of made-up entries needs no group: the demo runs with the
	 * caller's rights alone, its folder and files the caller's. */
	char *err = NULL;
	if (!priv_drop(&err))
		return cli_core_error(err);
	const char *tmpdir = getenv("TMPDIR");
	char *dir = xasprintf("%s/bianmin-demo-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir)) {
		int e = errno;
		free(dir);
		return cli_error("无法创建临时目录: %s", errno_text(e));
	}
	if (!demo_paths(dir)) {
		rmdir(dir);
		free(dir);
		return cli_error("临时目录的路径太长: %s", tmpdir);
	}
	free(dir);
	atexit(demo_remove);
	signal(SIGHUP, demo_on_signal);
	signal(SIGINT, demo_on_signal);
	signal(SIGTERM, demo_on_signal);

	if (!demo_prepare(demo_files[0], day, &err))
		return cli_core_error(err);
	if (tui_date)
		tui_set_date(tui_date);
	return tui_main(demo_files[0], true);
}
