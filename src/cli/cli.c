/* The command line: the table of subcommands (their words in
 * data/commands.txt), the global options and the dispatch.  The handlers live in entry.c (the ledger: add, list, tally ...),
 * admin.c (database, catalog, clerks), csv.c (export, import), report.c
 * (report) and demo.c (--demo); what they share is in common.c (cmd.h). */
#include "cli.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "catalog.h"
#include "cmd.h"
#include "config.h"
#include "csvrow.h"
#include "conf.h"
#include "db.h"
#include "period.h"
#include "priv.h"
#include "text.h"
#include "util.h"

/* data/commands.txt, compiled in: each command's usage, summary and help. */
extern const char embedded_commands_txt[];

/* What runs each command; its words are in data/commands.txt. */
static const struct {
	const char *name;
	int (*handler)(struct cli *c, int argc, char **argv);
} handlers[] = {
	{ "init", cli_cmd_init },
	{ "add", cli_cmd_add },
	{ "list", cli_cmd_list },
	{ "show", cli_cmd_show },
	{ "void", cli_cmd_void },
	{ "correct", cli_cmd_correct },
	{ "done", cli_cmd_done },
	{ "return", cli_cmd_return },
	{ "overdue", cli_cmd_overdue },
	{ "tally", cli_cmd_tally },
	{ "report", cli_cmd_report },
	{ "export", cli_cmd_export },
	{ "import", cli_cmd_import },
	{ "catalog", cli_cmd_catalog },
	{ "village", cli_cmd_village },
	{ "user", cli_cmd_user },
	{ "lock", cli_cmd_lock },
	{ "unlock", cli_cmd_unlock },
	{ "audit", cli_cmd_audit },
	{ "backup", cli_cmd_backup },
	{ "check", cli_cmd_check },
	{ "holiday", cli_cmd_holiday },
	{ "rate", cli_cmd_rate },
	{ "receipt", cli_cmd_receipt },
	{ "rater", cli_cmd_rater },
};

#define NCOMMANDS (sizeof handlers / sizeof handlers[0])

/* Takes the line at *p (ending it with a NUL) and steps *p to the next. */
static char *take_line(char **p)
{
	char *line = *p, *eol = strchr(line, '\n');
	*p = eol ? eol + 1 : line + strlen(line);
	if (eol)
		*eol = '\0';
	return line;
}

/* The commands in the order of data/commands.txt, their texts cut out of
 * one copy of it.  A command without a handler, or a handler without a
 * command, is a broken build: every run stops at once, so no test passes. */
static const struct cli_cmd *commands(void)
{
	static struct cli_cmd cmds[NCOMMANDS];
	static bool read;
	if (read)
		return cmds;
	char *p = xstrdup(embedded_commands_txt);
	bool taken[NCOMMANDS] = { false };
	size_t n = 0;
	while (*p) {
		if (*p == '\n' || *p == '#') {
			take_line(&p);
			continue;
		}
		if (n == NCOMMANDS)
			die("data/commands.txt 的命令多于程序的命令");
		struct cli_cmd *c = &cmds[n++];
		c->name = take_line(&p);
		char *space = strchr(c->name, ' ');
		c->usage = space ? space + 1 : c->name + strlen(c->name);
		if (space)
			*space = '\0';
		c->summary = take_line(&p);
		/* The help runs to the blank line, its last line break kept. */
		if (*p && *p != '\n') {
			c->help = p;
			char *end = strstr(p, "\n\n");
			p = end ? end + 2 : p + strlen(p);
			if (end)
				end[1] = '\0';
		}
		size_t i = 0;
		while (i < NCOMMANDS && strcmp(handlers[i].name, c->name) != 0)
			i++;
		if (i == NCOMMANDS || taken[i])
			die("data/commands.txt 的命令 %s 没有处理函数或写了两次", c->name);
		taken[i] = true;
		c->handler = handlers[i].handler;
	}
	if (n != NCOMMANDS)
		die("data/commands.txt 缺少命令（%zu 个，程序有 %zu 个）", n, NCOMMANDS);
	read = true;
	return cmds;
}

static const struct cli_cmd *find_command(const char *name)
{
	const struct cli_cmd *cmds = commands();
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

static void print_global_help(FILE *f)
{
	fputs("用法: bianmin [--db 文件] [--date 日期] [--demo] [--lines 方式]  终端界面\n"
	      "      bianmin [--db 文件] 命令 [选项] [参数]\n"
	      "乡镇行政服务中心窗口办件登记。不带命令时启动终端界面。\n\n"
	      "命令:\n", f);
	const struct cli_cmd *cmds = commands();
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-9s %s\n", cmds[i].name, cmds[i].summary);
	fputs("\n全局选项（写在命令之前）:\n"
	      "  --db 文件   使用此数据库（优先于 BIANMIN_DB 和 /etc/bianmin.conf）\n"
	      "  --date 日期 终端界面按这一天登记和统计（补录纸质登记）\n"
	      "  --demo      用临时的演示数据库启动终端界面，退出时删除\n"
	      "  --lines 方式  终端界面的框线: auto（默认）、unicode 或 ascii\n"
	      "  --version   显示版本\n"
	      "  --help      显示本帮助\n\n"
	      "bianmin 命令 --help 显示该命令的选项；详见 bianmin(1)。\n", f);
}

void cli_print_command_help(const struct cli_cmd *cmd)
{
	printf("用法: bianmin %s%s%s\n%s\n", cmd->name, *cmd->usage ? " " : "", cmd->usage,
	       cmd->summary);
	if (cmd->help)
		printf("\n%s", cmd->help);
}

/* The CLI's tables are measured with wcwidth, which needs a UTF-8 LC_CTYPE;
 * under a bare C locale (cron, CI) the output bytes are UTF-8 anyway. */
static void ensure_utf8_ctype(void)
{
	const char *codeset = nl_langinfo(CODESET);
	if (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

static int finish_output(int status)
{
	/* A full disk or a closed pipe must not look like success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("写入标准输出失败: %s", errno_text(errno));
		return CLI_FAIL;
	}
	return status;
}

static const char *today_date(void)
{
	static char today[DATE_LEN];
	period_today(today);
	return today;
}

/* The working day of the terminal UI is today or a day gone by: entries
 * for days to come are refused anyway, and a tally of them shows nothing.
 * (--demo says the same in its own words.) */
static bool date_has_come(const char *date)
{
	return strcmp(date, today_date()) <= 0;
}

int cli_main(int argc, char **argv)
{
	static const struct option global[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 'D' },
		{ "demo", no_argument, NULL, 'M' },
		{ "lines", required_argument, NULL, 'L' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { 0 };
	const char *tui_date = NULL, *lines = NULL;
	bool demo = false;
	int opt;

	/* Tests and chroots point the system config elsewhere (never a
	 * privileged run: priv_init took the variable away). */
	const char *conf = getenv("BIANMIN_CONF");
	if (conf && *conf)
		conf_set_path(conf);

	opterr = 0;
	/* '+': stop at the subcommand; its options are its own. */
	while ((opt = getopt_long(argc, argv, "+:h", global, NULL)) != -1) {
		switch (opt) {
		case 'd':
			if (!*optarg)
				return cli_usage(&c, "--db 的文件名不能为空");
			c.db_option = optarg;
			break;
		case 'D':
			/* The terminal UI's working day; commands take their
			 * own --date after the command name. */
			if (!cli_parse_date(&c, "--date", optarg))
				return CLI_USAGE;
			tui_date = optarg;
			break;
		case 'M':
			demo = true;
			break;
		case 'L':
			if (!tui_set_lines(optarg))
				return cli_usage(&c, "--lines 应为 auto、unicode 或 ascii，而不是“%s”",
						 optarg);
			lines = optarg;
			break;
		case 'V':
			printf("bianmin %s\n", BIANMIN_VERSION);
			return finish_output(CLI_OK);
		case 'h':
			print_global_help(stdout);
			return finish_output(CLI_OK);
		default:
			return cli_bad_option(&c, argc, argv, opt, global);
		}
	}

	/* Every day and time is the center's, whatever TZ the caller has. */
	char *zone = conf_tz(), *err = NULL;
	bool zone_ok = period_set_zone(zone, &err);
	free(zone);
	if (!zone_ok)
		return cli_core_error(err);

	/* The configuration's `lines =`, unless --lines said otherwise. */
	char *conf_lines = lines ? NULL : conf_value("lines");
	if (conf_lines && !tui_set_lines(conf_lines)) {
		cli_error("配置文件中 lines = %s 无效，应为 auto、unicode 或 ascii；按 auto 处理",
			  conf_lines);
		tui_set_lines("auto");
	}
	free(conf_lines);
	if (optind >= argc && demo)
		return cli_demo(tui_date);
	if (optind >= argc) {
		if (tui_date && !date_has_come(tui_date))
			return cli_usage(&c, "日期 %s 还没到（今天是 %s）：只能补录今天或以前的办件",
					 tui_date, today_date());
		if (tui_date)
			tui_set_date(tui_date);
		bool named;
		char *path = conf_db_path(c.db_option, &named);
		if (named && !priv_drop(&err)) {
			free(path);
			return cli_core_error(err);
		}
		int status = tui_main(path, false);
		free(path);
		return status;
	}

	if (tui_date)
		return cli_usage(&c, "--date 写在命令之前只用于终端界面；命令的日期写在命令之后");
	if (demo)
		return cli_usage(&c, "--demo 只用于终端界面，不能与命令 %s 同用", argv[optind]);
	if (lines)
		return cli_usage(&c, "--lines 只用于终端界面，不能与命令 %s 同用", argv[optind]);
	c.cmd = find_command(argv[optind]);
	if (!c.cmd)
		return cli_usage(&c, "没有命令“%s”", argv[optind]);
	ensure_utf8_ctype();
	int sub_argc = argc - optind;
	char **sub_argv = argv + optind;
	optind = 0; /* glibc: start the subcommand's scan afresh */
	int status = c.cmd->handler(&c, sub_argc, sub_argv);
	catalog_free(c.cat);
	db_close(c.db);
	return finish_output(status);
}
