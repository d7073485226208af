#ifndef BIANMIN_CONF_H
#define BIANMIN_CONF_H
/* The system configuration file (BIANMIN_SYSCONF, `key = value` lines,
 * `#` comments) and the database path it helps resolve. */

/* Resolves the database path as the manual says: `explicit_path` (--db),
 * else $BIANMIN_DB, else `db =` in the system config file, else
 * $XDG_DATA_HOME/bianmin/bianmin.db (~/.local/share/...).  Returns a
 * malloc'd path. */
char *conf_db_path(const char *explicit_path);
/* The `center =` line of the system config file, or NULL (malloc'd). */
char *conf_center(void);
/* Overrides the system config file's path (tests). */
void conf_set_path(const char *path);
/* The value of `key` in the system config file, or NULL (malloc'd). */
char *conf_value(const char *key);

#endif
