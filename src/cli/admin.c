/* Administration from the command line: init, catalog, village, user,
 * lock, unlock, audit, backup, check. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "cmd.h"
#include "conf.h"
#include "db.h"
#include "holiday.h"
#include "ledger.h"
#include "meter.h"
#include "period.h"
#include "priv.h"
#include "text.h"


static void cell(const char *s, int cols)
{
	cli_cell(s, cols, false);
}

/* Commands whose only option is --help. */
static bool no_options(struct cli *c, int argc, char **argv, int *status)
{
	static const struct option longs[] = {
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	while ((opt = cli_getopt(c, argc, argv, "", longs, status)) != -1)
		if (opt == CLI_STOP)
			return false;
	return true;
}

static bool count_clerk(const struct clerk *k, void *ctx)
{
	(void)k;
	(*(int *)ctx)++;
	return true;
}

/* The account running init becomes admin when nobody is yet; an account
 * already registered keeps its role, so init can be run again safely. */
static int init_admin(struct cli *c, const char *login)
{
	struct clerk me;
	char *err = NULL;
	if (clerk_get(c->db, login, &me, &err)) {
		clerk_clear(&me);
		return CLI_OK;
	}
	free(err);
	err = NULL;
	int clerks = 0;
	if (!clerk_list(c->db, count_clerk, &clerks, &err))
		return cli_core_error(err);
	if (clerks > 0) {
		fprintf(stderr, "bianmin: 提示: 账户 %s 尚未登记为经办人，请管理员运行 "
				"bianmin user add %s --name 姓名 --role clerk\n", login, login);
		return CLI_OK;
	}
	struct clerk admin = {
		.login = (char *)login,
		.name = (char *)login,
		.role = ROLE_ADMIN,
		.windows = "",
	};
	if (!clerk_put(c->db, &admin, login, &err))
		return cli_core_error(err);
	printf("管理员: %s\n", login);
	return CLI_OK;
}

int cli_cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "center", required_argument, NULL, 'c' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *center = NULL;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "c:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'c':
			if (!cli_nonblank(c, "--center", optarg))
				return CLI_USAGE;
			center = optarg;
			break;
		}
	}
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!cli_open(c, true, true))
		return CLI_FAIL;

	const char *login = current_login();
	char *err = NULL;
	status = init_admin(c, login);
	if (status != CLI_OK)
		return status;
	/* An administrator's own catalog is never overwritten by the defaults. */
	if (c->cat->nwindows == 0) {
		if (!catalog_load_defaults(c->db, login, &err))
			return cli_core_error(err);
		printf("已载入默认事项目录\n");
	}
	/* Likewise the holiday calendar: loaded once, then the administrator's. */
	bool loaded = false;
	if (!holiday_load_defaults(c->db, login, &loaded, &err))
		return cli_core_error(err);
	if (loaded)
		printf("已载入 2019-2026 年节假日安排\n");
	/* Bringing a ledger up to date includes the due days its 承诺件 were
	 * saved without (a v1 ledger's). */
	if (clerk_has_role(c->db, login, ROLE_ADMIN) && !cli_fill_due(c, login))
		return CLI_FAIL;
	char *from_config = NULL;
	char *stored = db_setting(c->db, "center");
	/* The configuration file's name fills an unnamed database when an
	 * administrator runs init; anyone else's init leaves it for them. */
	if (!center && !stored && clerk_has_role(c->db, login, ROLE_ADMIN))
		center = from_config = conf_center();
	if (center && (!stored || strcmp(stored, center) != 0) &&
	    !clerk_set_center(c->db, center, login, &err)) {
		free(stored);
		free(from_config);
		return cli_core_error(err);
	}
	if (center || stored) {
		fputs("中心: ", stdout);
		cli_put_plain(center ? center : stored);
		fputc('\n', stdout);
	}
	free(stored);
	free(from_config);
	printf("数据库已就绪: %s\n", db_path(c->db));
	return CLI_OK;
}

static void print_catalog(const struct catalog *cat)
{
	cell("序号", 4);
	cell("代码", 6);
	cell("事项", 28);
	cell("单位", 5);
	cell("时限", 14);
	cell("证件", 6);
	cell("申请人", 8);
	cell("证件类型", 16);
	cli_tail("分类");
	cli_end_row();
	for (size_t i = 0; i < cat->nwindows; i++) {
		const struct catalog_window *w = &cat->windows[i];
		printf("%d ", w->position);
		cli_put_plain(w->name);
		printf(" (%s)\n", w->code);
		for (size_t j = 0; j < w->nmatters; j++) {
			const struct catalog_matter *m = &cat->matters[w->first_matter + j];
			char pos[16], limit[32];
			snprintf(pos, sizeof pos, "  %d", m->position);
			if (m->time_limit_days > 0)
				snprintf(limit, sizeof limit, "承诺 %d 工作日", m->time_limit_days);
			else
				snprintf(limit, sizeof limit, "即办");
			cell(pos, 4);
			cell(m->code, 6);
			cell(m->name, 28);
			cell(unit_name(m->unit), 5);
			cell(limit, 14);
			cell(m->requires_id ? "需证件" : "", 6);
			cell(m->requires_applicant ? "需申请人" : "", 8);
			cell(idcheck_kind_name(m->id_kind), 16);
			for (size_t k = 0; k < m->ncategories; k++) {
				if (k)
					cli_tail("、");
				cli_tail(m->categories[k]);
			}
			if (!m->active) {
				cell("", 0);
				cli_tail("（停用）");
			}
			cli_end_row();
		}
	}
}

static void print_villages(const struct catalog *cat)
{
	cell("代码", 8);
	cli_tail("村");
	cli_end_row();
	for (size_t i = 0; i < cat->nvillages; i++) {
		const struct catalog_village *v = &cat->villages[i];
		cell(v->code, 8);
		cli_tail(v->name);
		if (!v->active) {
			cell("", 0);
			cli_tail("（停用）");
		}
		cli_end_row();
	}
}

/* catalog and village share their shape: list | load FILE. */
static int list_or_load(struct cli *c, int argc, char **argv, void (*print)(const struct catalog *),
			cli_loader_fn load, const char *loaded)
{
	int status;
	if (!no_options(c, argc, argv, &status))
		return status;
	bool listing;
	if (!cli_list_or_load(c, argc, argv, &listing))
		return CLI_USAGE;
	if (!listing)
		return cli_load_file(c, load, loaded);
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	print(c->cat);
	return CLI_OK;
}

int cli_cmd_catalog(struct cli *c, int argc, char **argv)
{
	return list_or_load(c, argc, argv, print_catalog, catalog_load_csv, "已载入事项目录");
}

int cli_cmd_village(struct cli *c, int argc, char **argv)
{
	return list_or_load(c, argc, argv, print_villages, village_load_csv, "已载入村名单");
}

static bool print_clerk(const struct clerk *k, void *ctx)
{
	(void)ctx;
	cell(k->login, 12);
	cell(k->name, 12);
	cell(role_label(k->role), 8);
	cli_tail(*k->windows ? k->windows : "全部窗口");
	cli_end_row();
	return true;
}

/* The --windows list in the catalog's own spelling and order ("SCZR, wsjk"
 * becomes "sczr,wsjk"), so the clerk table holds one form; NULL, after
 * saying which code is unknown, when a code names no window. */
static char *windows_canonical(const struct catalog *cat, const char *list)
{
	bool *wanted = xcalloc(cat->nwindows + 1, sizeof *wanted);
	char *copy = xstrdup(list);
	bool ok = true;
	for (char *save = NULL, *code = strtok_r(copy, ", ", &save); code;
	     code = strtok_r(NULL, ", ", &save)) {
		const struct catalog_window *w = catalog_window(cat, code);
		if (w) {
			wanted[w - cat->windows] = true;
		} else {
			cli_error("没有代码为“%s”的窗口", code);
			ok = false;
		}
	}
	free(copy);
	char *out = NULL;
	/* "," or " " names no window; it must not quietly mean all of them. */
	bool any = false;
	for (size_t i = 0; i < cat->nwindows; i++)
		any |= wanted[i];
	if (ok && !any && strspn(list, ", ") > 0) {
		cli_error("--windows 没有列出任何窗口代码（不给 --windows 即为全部窗口）");
		ok = false;
	}
	if (ok) {
		struct strbuf codes = {0};
		for (size_t i = 0; i < cat->nwindows; i++)
			if (wanted[i])
				strbuf_addf(&codes, "%s%s", codes.len ? "," : "", cat->windows[i].code);
		out = codes.s ? codes.s : xstrdup("");
	}
	free(wanted);
	return out;
}

int cli_cmd_user(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "windows", required_argument, NULL, 'w' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct clerk k = { .windows = "" };
	bool has_role = false;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "n:r:w:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'n':
			if (!cli_nonblank(c, "--name", optarg))
				return CLI_USAGE;
			k.name = optarg;
			break;
		case 'r':
			if (!role_parse(optarg, &k.role))
				return cli_usage(c, "--role 应为 clerk、supervisor 或 admin，而不是“%s”",
						 optarg);
			has_role = true;
			break;
		case 'w': k.windows = optarg; break;
		}
	}
	if (!cli_operands(c, argc, argv, 1, 2))
		return CLI_USAGE;
	const char *action = c->operand[0];
	char *err = NULL;
	if (strcmp(action, "list") == 0) {
		if (!cli_operands(c, argc, argv, 1, 1))
			return CLI_USAGE;
		if (k.name || has_role || *k.windows)
			return cli_usage(c, "user list 不接受 --name/--role/--windows");
		if (!cli_open(c, false, false))
			return CLI_FAIL;
		cell("登录名", 12);
		cell("姓名", 12);
		cell("角色", 8);
		cli_tail("窗口");
		cli_end_row();
		if (!clerk_list(c->db, print_clerk, NULL, &err))
			return cli_core_error(err);
		return CLI_OK;
	}
	if (strcmp(action, "remove") == 0) {
		if (c->noperands != 2)
			return cli_usage(c, "user remove 需要登录名");
		if (k.name || has_role || *k.windows)
			return cli_usage(c, "user remove 不接受 --name/--role/--windows");
		if (!cli_open(c, false, false))
			return CLI_FAIL;
		if (!clerk_remove(c->db, c->operand[1], current_login(), &err))
			return cli_core_error(err);
		printf("已注销 %s（其办件保留原经办人）\n", c->operand[1]);
		return CLI_OK;
	}
	if (strcmp(action, "add") != 0)
		return cli_usage(c, "应为 add、remove 或 list，而不是“%s”", action);
	if (c->noperands != 2)
		return cli_usage(c, "user add 需要登录名");
	k.login = (char *)c->operand[1];
	if (!cli_nonblank(c, "登录名", k.login))
		return CLI_USAGE;
	if (!k.name)
		return cli_usage(c, "缺少 --name（姓名）");
	if (!has_role)
		return cli_usage(c, "缺少 --role（clerk、supervisor 或 admin）");
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *windows = windows_canonical(c->cat, k.windows);
	if (!windows)
		return CLI_FAIL;
	k.windows = windows;
	bool ok = clerk_put(c->db, &k, current_login(), &err);
	free(windows);
	if (!ok)
		return cli_core_error(err);
	printf("已登记 %s %s（%s）\n", k.login, k.name, role_label(k.role));
	return CLI_OK;
}

static int lock_or_unlock(struct cli *c, int argc, char **argv, bool lock)
{
	struct cli_common o = {0};
	int status = cli_common_opts(c, argc, argv, "y:", cli_year_options, &o);
	if (status >= 0)
		return status;
	int year = o.year, rc = cli_year_ready(c, argc, argv, year, false);
	if (rc != CLI_OK)
		return rc;
	char *err = NULL;
	bool ok = lock ? ledger_lock_year(c->db, year, current_login(), &err)
		       : ledger_unlock_year(c->db, year, current_login(), &err);
	if (!ok)
		return cli_core_error(err);
	printf(lock ? "已锁定 %d 年度\n" : "已解除 %d 年度的锁定\n", year);
	return CLI_OK;
}

int cli_cmd_lock(struct cli *c, int argc, char **argv)
{
	return lock_or_unlock(c, argc, argv, true);
}

int cli_cmd_unlock(struct cli *c, int argc, char **argv)
{
	return lock_or_unlock(c, argc, argv, false);
}

/* The audit trail stores actions in English, stable for scripts; people
 * read them in Chinese.  An action not named here (a newer program's) is
 * shown as stored. */
static const char *audit_action_label(const char *action)
{
	static const struct {
		const char *action, *label;
	} labels[] = {
		{ "add", "录入" },
		{ "void", "作废" },
		{ "correct", "更正" },
		{ "undo", "撤销" },
		{ "done", "办结" },
		{ "return", "退回" },
		{ "transfer", "转办" },
		{ "import", "导入" },
		{ "lock", "锁定" },
		{ "unlock", "解锁" },
		{ "catalog load", "载入事项目录" },
		{ "village load", "载入村名单" },
		{ "user add", "登记经办人" },
		{ "user remove", "注销经办人" },
		{ "center", "修改中心名称" },
		{ "demo", "演示数据" },
		{ "holiday load", "载入节假日安排" },
		{ "due", "补记承诺办结" },
		{ "rate", "评价" },
		{ "followup", "差评回访" },
		{ "export", "导出" },
		{ "backup", "备份" },
		{ "view", "查看个人信息" },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].action, action) == 0)
			return labels[i].label;
	return action;
}

static bool print_audit(const struct audit_row *a, void *ctx)
{
	(*(long long *)ctx)++;
	cell(a->at, 19);
	cell(a->login, 12);
	cell(audit_action_label(a->action), 12);
	cell(a->serial, 16);
	/* An entry's record holds its serial, already in its own column. */
	if (strcmp(a->detail, a->serial) != 0)
		cli_tail(a->detail);
	cli_end_row();
	return true;
}

int cli_cmd_audit(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_FROM_OPTION,
		CLI_TO_OPTION,
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common o = {0};
	int status = cli_common_opts(c, argc, argv, "", longs, &o);
	if (status >= 0)
		return status;
	const char *from = o.from, *to = o.to;
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (from && to && strcmp(from, to) > 0)
		return cli_usage(c, "起始日期 %s 晚于截止日期 %s", from, to);
	if (!cli_open(c, false, false))
		return CLI_FAIL;
	long long n = 0;
	char *err = NULL;
	cell("时间", 19);
	cell("账户", 12);
	cell("操作", 12);
	cell("编号", 16);
	cli_tail("内容");
	cli_end_row();
	if (!ledger_audit_list(c->db, current_login(), from, to, print_audit, &n, &err))
		return cli_core_error(err);
	printf("共 %lld 条\n", n);
	return CLI_OK;
}

int cli_cmd_backup(struct cli *c, int argc, char **argv)
{
	int status;
	if (!no_options(c, argc, argv, &status))
		return status;
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	const char *dest = c->operand[0];
	struct stat st;
	/* A backup never replaces a file: it could be the only good copy. */
	if (stat(dest, &st) == 0)
		return cli_error("%s 已存在，请换一个文件名", dest);
	if (errno != ENOENT)
		return cli_error("无法使用 %s: %s", dest, errno_text(errno));
	if (!cli_open(c, false, false))
		return CLI_FAIL;
	char *err = NULL;
	if (!clerk_may_export(c->db, current_login(), "备份数据库", &err) ||
	    !priv_may_write_for_caller(dest, &err))
		return cli_core_error(err);
	/* The copy is the caller's file, made with the caller's rights; the
	 * ledger is read through the connection already open. */
	/* Interrupted before its audit line, the copy goes. */
	meter_start(false);
	meter_guard_file(dest);
	priv_as_caller_begin();
	bool ok = db_backup(c->db, dest, &err);
	priv_as_caller_end();
	if (ok && !clerk_audit_export(c->db, current_login(), "backup", dest, -1, &err)) {
		priv_as_caller_begin();
		unlink(dest);
		priv_as_caller_end();
		ok = false;
	}
	meter_end();
	if (!ok)
		return cli_core_error(err);
	printf("已备份到 %s\n", dest);
	return CLI_OK;
}

int cli_cmd_check(struct cli *c, int argc, char **argv)
{
	int status;
	if (!no_options(c, argc, argv, &status))
		return status;
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!cli_open(c, false, false))
		return CLI_FAIL;
	char *err = NULL;
	meter_start(false);
	bool ok = db_check(c->db, &err);
	meter_end();
	if (!ok)
		return cli_core_error(err);
	printf("数据库完好: %s\n", db_path(c->db));
	return CLI_OK;
}
