#ifndef BIANMIN_CLERK_H
#define BIANMIN_CLERK_H
/* Who may do what.  Identity is the OS account running the program
 * (current_login()); the clerk table gives it a name and a role. */

#include <stdbool.h>

struct db;

/* Longest names, in characters (字); longer ones are refused, not cut. */
#define CLERK_NAME_MAX 32
#define CLERK_CENTER_MAX 64

enum role { ROLE_CLERK, ROLE_SUPERVISOR, ROLE_ADMIN };

struct clerk {
	char *login;
	char *name;
	enum role role;
	char *windows; /* comma-separated window codes, "" = all */
};

const char *role_name(enum role r); /* "clerk" ... */
const char *role_label(enum role r); /* "经办人", "主管", "管理员" */
bool role_parse(const char *s, enum role *out);

/* Looks a login up; false with a message naming who can add it when
 * unknown. */
bool clerk_get(struct db *db, const char *login, struct clerk *out, char **err);
void clerk_clear(struct clerk *c);
/* The register's door: true when `login` is registered, or when
 * `first_allowed` and nobody is registered yet (the first init).  False
 * with the refusal otherwise. */
bool clerk_require(struct db *db, const char *login, bool first_allowed, char **err);
/* Adds or updates a clerk (admin only: `by` must be an admin, except when
 * the table is empty, when the first account becomes admin). */
bool clerk_put(struct db *db, const struct clerk *c, const char *by, char **err);
/* Names the center (the heading of tallies and reports), with an audit
 * line: admins only, like clerk_put (anyone while no clerk is registered).
 * The same name again changes nothing. */
bool clerk_set_center(struct db *db, const char *name, const char *by, char **err);
/* Takes a clerk who has left off the register (admin only; never the last
 * admin), audited.  Their entries keep their login. */
bool clerk_remove(struct db *db, const char *login, const char *by, char **err);
typedef bool (*clerk_fn)(const struct clerk *c, void *ctx);
bool clerk_list(struct db *db, clerk_fn fn, void *ctx, char **err);
/* Export and backup hand out every entry with its full ID number:
 * supervisors and admins only.  False with the refusal; `what` names the
 * act ("导出", "备份"). */
bool clerk_may_export(struct db *db, const char *login, const char *what, char **err);
/* The audit line of an export or a backup (`action` "export", "backup"):
 * the file and how many entries it holds (rows < 0: every entry in the
 * database, as a backup holds). */
bool clerk_audit_export(struct db *db, const char *login, const char *action,
			const char *file, long long rows, char **err);
/* A clerk kept to some windows (not all): they work and look only there. */
bool clerk_kept(const struct clerk *c);
/* True when `login` has at least this role. */
bool clerk_has_role(struct db *db, const char *login, enum role at_least);

#endif
