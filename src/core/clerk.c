#include "clerk.h"

#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "db_sql.h"
#include "text.h"
#include "util.h"

static const char *const role_names[] = {
	[ROLE_CLERK] = "clerk", [ROLE_SUPERVISOR] = "supervisor", [ROLE_ADMIN] = "admin",
};
static const char *const role_labels[] = {
	[ROLE_CLERK] = "经办人", [ROLE_SUPERVISOR] = "主管", [ROLE_ADMIN] = "管理员",
};

const char *role_name(enum role r)
{
	return (size_t)r < 3 ? role_names[r] : "?";
}

const char *role_label(enum role r)
{
	return (size_t)r < 3 ? role_labels[r] : "?";
}

bool role_parse(const char *s, enum role *out)
{
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(s, role_names[i]) == 0 || strcmp(s, role_labels[i]) == 0) {
			*out = (enum role)i;
			return true;
		}
	}
	return false;
}

static void fill(sqlite3_stmt *st, struct clerk *c)
{
	c->login = xstrdup(db_col_text(st, 0));
	c->name = xstrdup(db_col_text(st, 1));
	if (!role_parse(db_col_text(st, 2), &c->role))
		c->role = ROLE_CLERK;
	c->windows = xstrdup(db_col_text(st, 3));
}

/* Names the administrators, so an unknown login knows whom to ask. */
static char *admin_names(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT login, name FROM clerk WHERE role = 'admin' "
				       "ORDER BY login LIMIT 5", NULL);
	char *list = NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		char *next = xasprintf("%s%s%s（%s）", list ? list : "", list ? "、" : "",
				       db_col_text(st, 1), db_col_text(st, 0));
		free(list);
		list = next;
	}
	if (st)
		sqlite3_reset(st);
	return list;
}

bool clerk_get(struct db *db, const char *login, struct clerk *out, char **err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, "SELECT login, name, role, windows FROM clerk "
				       "WHERE login = :login", err);
	if (!st)
		return false;
	db_bind_text(st, ":login", login);
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW) {
		fill(st, out);
		sqlite3_reset(st);
		return true;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return false;
	char *admins = admin_names(db);
	fail(err, "账户 %s 不是登记的经办人；请管理员%s运行: bianmin user add %s --name 姓名 "
	     "--role clerk", login, admins ? admins : "", login);
	free(admins);
	return false;
}

bool clerk_require(struct db *db, const char *login, bool first_allowed, char **err)
{
	if (first_allowed && db_int(db, 0, "SELECT count(*) FROM clerk") == 0)
		return true;
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	clerk_clear(&c);
	return true;
}

void clerk_clear(struct clerk *c)
{
	if (!c)
		return;
	free(c->login);
	free(c->name);
	free(c->windows);
	memset(c, 0, sizeof *c);
}

bool clerk_has_role(struct db *db, const char *login, enum role at_least)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, NULL))
		return false;
	bool ok = c.role >= at_least;
	clerk_clear(&c);
	return ok;
}

bool clerk_may_export(struct db *db, const char *login, const char *what, char **err)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	bool ok = c.role >= ROLE_SUPERVISOR;
	clerk_clear(&c);
	return ok || fail(err, "只有主管或管理员可以%s（其中有完整的证件号码）；当前账户 %s 是%s",
			  what, login, role_label(ROLE_CLERK));
}

bool clerk_audit_export(struct db *db, const char *login, const char *action,
			const char *file, long long rows, char **err)
{
	if (!db_begin_write(db, err))
		return false;
	if (rows < 0)
		rows = db_int(db, 0, "SELECT count(*) FROM txn");
	char *detail = xasprintf("%s %lld 行", file, rows);
	bool ok = db_audit(db, login, action, 0, detail, err);
	free(detail);
	return db_end_write(db, ok, err);
}

static bool valid_login(const char *s)
{
	if (!*s || strlen(s) > LOGIN_MAX || *s == '-')
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.'))
			return false;
	return true;
}

bool clerk_put(struct db *db, const struct clerk *c, const char *by, char **err)
{
	if (!c->login || !valid_login(c->login))
		return fail(err, "登录名“%s”无效：应为系统账户名（字母、数字、_ - .）",
			    c->login ? c->login : "");
	if (!c->name || !*c->name)
		return fail(err, "请给出经办人姓名 (--name)");
	if (!text_check(c->name, "经办人姓名", CLERK_NAME_MAX, false, err))
		return false;
	if (!db_begin_write(db, err))
		return false;
	/* The very first account (the one that ran init) becomes admin. */
	bool first = db_int(db, 0, "SELECT count(*) FROM clerk") == 0;
	bool ok = first || clerk_has_role(db, by, ROLE_ADMIN) ||
		  fail(err, "只有管理员可以添加或修改经办人（当前账户 %s）", by);
	/* Someone must always be able to add clerks. */
	if (ok && !first && c->role != ROLE_ADMIN && clerk_has_role(db, c->login, ROLE_ADMIN) &&
	    db_int(db, 0, "SELECT count(*) FROM clerk WHERE role = 'admin'") == 1)
		ok = fail(err, "%s 是唯一的管理员，不能改为%s；请先添加另一位管理员", c->login,
			  role_label(c->role));
	if (!ok)
		return db_end_write(db, false, err);
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO clerk (login, name, role, windows) VALUES (:login, :name, :role, :windows) "
		"ON CONFLICT (login) DO UPDATE SET name = excluded.name, role = excluded.role, "
		"windows = excluded.windows", err);
	ok = st != NULL;
	if (ok) {
		db_bind_text(st, ":login", c->login);
		db_bind_text(st, ":name", c->name);
		db_bind_text(st, ":role", role_name(first ? ROLE_ADMIN : c->role));
		db_bind_text(st, ":windows", c->windows ? c->windows : "");
		ok = db_run(db, st, err);
	}
	if (ok) {
		char *detail = xasprintf("%s %s %s", c->login, c->name,
					 role_name(first ? ROLE_ADMIN : c->role));
		ok = db_audit(db, by, "user add", 0, detail, err);
		free(detail);
	}
	return db_end_write(db, ok, err);
}

bool clerk_remove(struct db *db, const char *login, const char *by, char **err)
{
	if (!db_begin_write(db, err))
		return false;
	struct clerk c;
	bool ok = clerk_has_role(db, by, ROLE_ADMIN) ||
		  fail(err, "只有管理员可以注销经办人（当前账户 %s）", by);
	ok = ok && clerk_get(db, login, &c, err);
	if (ok) {
		if (c.role == ROLE_ADMIN &&
		    db_int(db, 0, "SELECT count(*) FROM clerk WHERE role = 'admin'") == 1)
			ok = fail(err, "%s 是唯一的管理员，不能注销；请先添加另一位管理员", login);
		clerk_clear(&c);
	}
	if (ok) {
		sqlite3_stmt *st = db_stmt(db, "DELETE FROM clerk WHERE login = :login", err);
		ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":login", login);
			ok = db_run(db, st, err);
		}
		ok = ok && db_audit(db, by, "user remove", 0, login, err);
	}
	return db_end_write(db, ok, err);
}

bool clerk_list(struct db *db, clerk_fn fn, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT login, name, role, windows FROM clerk "
				       "ORDER BY login", err);
	if (!st)
		return false;
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct clerk c;
		fill(st, &c);
		bool go_on = fn(&c, ctx);
		clerk_clear(&c);
		if (!go_on)
			break;
	}
	sqlite3_reset(st);
	return rc >= 0;
}

bool clerk_set_center(struct db *db, const char *name, const char *by, char **err)
{
	if (!name || !*name)
		return fail(err, "中心名称不能为空");
	if (!text_check(name, "中心名称", CLERK_CENTER_MAX, false, err))
		return false;
	if (!db_begin_write(db, err))
		return false;
	bool anyone = db_int(db, 0, "SELECT count(*) FROM clerk") == 0;
	if (!anyone && !clerk_has_role(db, by, ROLE_ADMIN))
		return db_end_write(db, fail(err, "只有管理员可以修改中心名称（当前账户 %s）", by),
				    err);
	char *old = db_setting(db, "center");
	bool same = old && strcmp(old, name) == 0;
	sqlite3_stmt *st = same ? NULL : db_stmt(db,
		"INSERT INTO setting (key, value) VALUES ('center', :value) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	bool ok = same || st != NULL;
	if (st) {
		db_bind_text(st, ":value", name);
		ok = db_run(db, st, err);
	}
	if (ok && !same) {
		char *detail = old ? xasprintf("由 %s 改为 %s", old, name)
				   : xasprintf("设为 %s", name);
		ok = db_audit(db, by, "center", 0, detail, err);
		free(detail);
	}
	free(old);
	return db_end_write(db, ok, err);
}

bool clerk_kept(const struct clerk *c)
{
	return c->role == ROLE_CLERK && c->windows && *c->windows;
}
