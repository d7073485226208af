/* The system configuration file (`key = value` lines) and where the
 * database is. */
#include "conf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"

static const char *config_path = BIANMIN_SYSCONF;

void conf_set_path(const char *path)
{
	config_path = path;
}

/* Reads `key = value` from the system config file; NULL if absent. */
char *conf_value(const char *key)
{
	FILE *f = fopen(config_path, "r");
	if (!f)
		return NULL;
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

char *conf_db_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	const char *env = getenv("BIANMIN_DB");
	if (env && *env)
		return xstrdup(env);
	char *conf = conf_value("db");
	if (conf)
		return conf;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return xasprintf("%s/bianmin/bianmin.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/bianmin/bianmin.db", home && *home ? home : ".");
}
