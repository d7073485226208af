#ifndef BIANMIN_CONF_H
#define BIANMIN_CONF_H
/* The system configuration file (BIANMIN_SYSCONF, sysconfdir/bianmin.conf
 * compiled in; `key = value` lines, `#` comments), the database path it
 * helps resolve, and the center's time zone. */

#include <stdbool.h>

/* Resolves the database path as the manual says: `explicit_path` (--db),
 * else $BIANMIN_DB, else `db =` in the system config file, else, in a
 * privileged run of an installed program, the shared ledger
 * (BIANMIN_STATEDIR/bianmin.db), else $XDG_DATA_HOME/bianmin/bianmin.db
 * (~/.local/share/...).  Returns a malloc'd path.  *caller_named (may be
 * NULL) is set when the caller chose the path (--db, BIANMIN_DB, their own
 * home): such a database is opened only after the group is given up. */
char *conf_db_path(const char *explicit_path, bool *caller_named);
/* The `center =` line of the system config file, or NULL (malloc'd). */
char *conf_center(void);
/* The center's time zone: `tz =`, else Asia/Shanghai (malloc'd). */
char *conf_tz(void);
/* Overrides the system config file's path (tests); ignored while
 * privileged, whose configuration is the compiled-in file only. */
void conf_set_path(const char *path);
/* The value of `key` in the system config file, or NULL (malloc'd).  A
 * privileged run reads the file only when priv_config_trusted says so. */
char *conf_value(const char *key);

#endif
