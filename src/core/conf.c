/* The system configuration file (`key = value` lines) and where the
 * database is. */
#include "conf.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "priv.h"
#include "util.h"

static const char *config_path = BIANMIN_SYSCONF;

void conf_set_path(const char *path)
{
	if (!priv_privileged())
		config_path = path;
}

/* Reads `key = value` from the system config file; NULL if absent. */
char *conf_value(const char *key)
{
	FILE *f = fopen(config_path, "r");
	if (!f)
		return NULL;
	struct stat st;
	if (priv_privileged() && (fstat(fileno(f), &st) != 0 || !priv_config_trusted(&st))) {
		fclose(f);
		return NULL;
	}
	char line[1024];
	char *found = NULL;
	size_t klen = strlen(key);
	while (!found && fgets(line, sizeof line, f)) {
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || strncmp(p, key, klen) != 0)
			continue;
		p += klen;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = strcspn(p, "\r\n");
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n > 0)
			found = xstrndup(p, n);
	}
	fclose(f);
	return found;
}

char *conf_center(void)
{
	return conf_value("center");
}

char *conf_tz(void)
{
	char *tz = conf_value("tz");
	return tz ? tz : xstrdup("Asia/Shanghai");
}

/* The caller's home from the password file while privileged ($HOME is the
 * caller's to set, though the path is then the caller's anyway). */
static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (priv_privileged()) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	return home && *home ? home : ".";
}

char *conf_db_path(const char *explicit_path, bool *caller_named)
{
	bool named_dummy;
	if (!caller_named)
		caller_named = &named_dummy;
	*caller_named = true;
	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	const char *env = getenv("BIANMIN_DB");
	if (env && *env)
		return xstrdup(env);
	*caller_named = false;
	char *conf = conf_value("db");
	if (conf)
		return conf;
	/* Installed setgid: the shared ledger.  The same binary run without
	 * the group (a build tree, a member of the group) keeps to the
	 * account's own database. */
	if (priv_privileged() && *BIANMIN_STATEDIR)
		return xstrdup(BIANMIN_STATEDIR "/bianmin.db");
	*caller_named = true;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/bianmin/bianmin.db", xdg);
	return xasprintf("%s/.local/share/bianmin/bianmin.db", home_dir());
}
