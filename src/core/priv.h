#ifndef BIANMIN_PRIV_H
#define BIANMIN_PRIV_H
/* The program's one privilege: installed setgid to the ledger's group
 * (DESIGN 11), it may reach the shared ledger that its caller may not.
 * Every decision about that group is taken here; nothing here knows SQL.
 *
 * "Privileged" means the effective gid is not the real one: the group is
 * still held.  The caller is always the real uid. */

#include <stdbool.h>
#include <sys/stat.h>

/* Call first thing in main: notes the real and effective gids and, while
 * privileged, removes the environment the program must not take from its
 * caller (BIANMIN_CONF, TZ, TMPDIR, XDG_*, ...). */
void priv_init(void);
/* True while the group is held. */
bool priv_privileged(void);
/* Gives the group up for the rest of the run (real, effective and saved
 * gid all become the real gid), verified.  Nothing to do when not
 * privileged.  False with a message when the kernel refuses: the caller
 * must then stop. */
bool priv_drop(char **err);

/* Around the creation of a file for the caller (export, report -o, backup):
 * the effective gid becomes the real one, so the file is created, renamed
 * and linked with the caller's rights only; priv_as_caller_end() takes the
 * group back for the ledger.  They nest not; without privilege they do
 * nothing. */
void priv_as_caller_begin(void);
void priv_as_caller_end(void);

/* Whether a file for the caller may be written at `path`: never inside
 * the folder of a ledger opened with the group (compared after resolving
 * links).  False with a message. */
bool priv_may_write_for_caller(const char *path, char **err);

/* Called by db_open before SQLite sees `path`, which is opened with the
 * group when privileged.  Refuses what would hand the caller a file of the
 * ledger: creating the ledger itself as anyone but root, or a -wal / -shm
 * file that the caller would create (and so own) or that someone other
 * than the ledger's owner owns.  Remembers the ledger's folder for
 * priv_may_write_for_caller.  Always true when not privileged. */
bool priv_open_ledger(const char *path, bool creating, char **err);

/* Whether the system configuration file, as fstat saw it, may be believed
 * while privileged: root's, and writable by no one else. */
bool priv_config_trusted(const struct stat *st);

#endif
