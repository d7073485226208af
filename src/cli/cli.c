/* The command line: the table of subcommands, the global options and the
 * dispatch.  The handlers live in entry.c (the ledger: add, list, tally ...),
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

static const struct cli_cmd commands[] = {
	{
		.name = "init",
		.usage = "[--center 中心名称]",
		.summary = "创建或升级数据库，载入默认事项目录",
		.help = "  --center 名称   中心名称（报表抬头），如 上碑镇行政综合服务中心\n"
			"数据库已存在时只做升级，已有的目录、村和经办人保持不变；\n"
			"运行 init 的系统账户登记为管理员。\n",
		.handler = cli_cmd_init,
	},
	{
		.name = "add",
		.usage = "--window 窗口 --matter 事项 [选项]",
		.summary = "录入一件办件，输出编号",
		.help = "  -w, --window 窗口      窗口名称或代码（市场准入 / sczr）\n"
			"  -m, --matter 事项      事项名称或代码（设立业务 / sl）\n"
			"  -a, --applicant 名称   申请人（个人或市场主体）\n"
			"  -i, --id 号码          身份证号码或统一社会信用代码（校验）\n"
			"  -v, --village 村       村名或代码\n"
			"      --households N     户数（默认 1）\n"
			"      --persons N        人数（默认 1）\n"
			"      --quantity N       数量（默认 1）\n"
			"  -c, --category 分类    事项的分类之一\n"
			"  -d, --date YYYY-MM-DD  办理日期（默认今天）\n"
			"  -t, --time HH:MM       办理时间\n"
			"  -s, --status 状态      受理 / 办结 / 退回 / 转办\n"
			"  -n, --note 备注        备注\n"
			"      --phone 号码       联系电话：11 位手机号或带区号的固定电话\n",
		.handler = cli_cmd_add,
	},
	{
		.name = "list",
		.usage = "[--date D | --from D --to D] [--window W] [--matter M] [--clerk 登录名] "
			 "[--search 文本] [--all]",
		.summary = "列出办件（证件号码部分隐藏）",
		.help = "  -d, --date D        某一天（默认今天）\n"
			"      --from D        起始日期（含）\n"
			"      --to D          截止日期（含）\n"
			"  -w, --window 窗口   只列此窗口\n"
			"  -m, --matter 事项   只列此事项\n"
			"      --clerk 登录名  只列此经办人\n"
			"      --search 文本   按编号、申请人、证件号码查找（不给日期时查全部日期）\n"
			"      --all           包括已作废的办件\n",
		.handler = cli_cmd_list,
	},
	{
		.name = "show",
		.usage = "编号",
		.summary = "显示一件办件的详情（含完整证件号码，记入审计）",
		.help = "经办人只能查看本窗口的办件，主管和管理员可以查看全部；\n"
			"显示完整证件号码的每一次查看都记入审计记录。\n",
		.handler = cli_cmd_show,
	},
	{
		.name = "void",
		.usage = "编号 --reason 原因",
		.summary = "作废一件办件（经办人只能作废本人当天的办件）",
		.help = "  -r, --reason 原因   作废原因（必填）\n",
		.handler = cli_cmd_void,
	},
	{
		.name = "correct",
		.usage = "编号 --reason 原因 [add 的选项]",
		.summary = "更正一件办件：作废原件并按改正后的内容重新录入（一步完成）",
		.help = "  -r, --reason 原因   更正原因（必填）\n"
			"  其余选项同 add，只写要改的栏目；未写的沿用原件\n",
		.handler = cli_cmd_correct,
	},
	{
		.name = "done",
		.usage = "编号 [--date D]",
		.summary = "将受理中的承诺件标记为办结，记下办结日期",
		.help = "  -d, --date D   办结日期（默认今天；不早于受理日期）\n",
		.handler = cli_cmd_done,
	},
	{
		.name = "return",
		.usage = "编号 --reason 原因 [--date D]",
		.summary = "退回受理中的承诺件",
		.help = "  -r, --reason 原因   退回原因（必填）\n"
			"  -d, --date D        退回日期（默认今天）\n",
		.handler = cli_cmd_return,
	},
	{
		.name = "overdue",
		.usage = "[--date D] [--warn]",
		.summary = "列出超过承诺办结日期仍未办结的办件（按工作日）",
		.help = "  -d, --date D   按这一天计算（默认今天）\n"
			"      --warn     同时列出预警件（1 个工作日内到期）\n"
			"承诺时限按工作日计，受理当天不计；节假日见 bianmin holiday list。\n",
		.handler = cli_cmd_overdue,
	},
	{
		.name = "tally",
		.usage = "[--date D] [--period day|week|month | --from D --to D] [--clerk 登录名]",
		.summary = "按窗口和事项统计（各事项按其单位计数）",
		.help = "  -d, --date D        某一天（默认今天）\n"
			"      --period 时段   day（默认，当天）、week（D 所在的一周，周一至周日）\n"
			"                      或 month（D 所在的自然月）\n"
			"      --from D        起始日期（含）\n"
			"      --to D          截止日期（含）\n"
			"      --clerk 登录名  只统计此经办人\n"
			"周的编号按 GB/T 7408（ISO 8601）：第 1 周是含当年第一个星期四的一周。\n",
		.handler = cli_cmd_tally,
	},
	{
		.name = "report",
		.usage = "--year Y [--from D --to D] [--format text|csv|narrative|xlsx] [-o 文件]",
		.summary = "年度统计报表：各窗口各事项、合计、上年同期与同比、每月办件数",
		.help = "  -y, --year Y        年度\n"
			"      --from D        起始日期（含；与 --year 同用时替换年初）\n"
			"      --to D          截止日期（含；与 --year 同用时替换年末）\n"
			"  -f, --format 格式   text（默认，对齐的表格）、csv（Excel）、\n"
			"                      narrative（年度报告的文字段落）或 xlsx（工作簿：\n"
			"                      汇总、各窗口一张表、文字说明，数字均为数值）\n"
			"  -o, --output 文件   写入文件（默认标准输出）；以 .xlsx 结尾即为 xlsx\n"
			"统计区间不能超过一年（与上年同期比较）；已作废的办件不计。\n",
		.handler = cli_cmd_report,
	},
	{
		.name = "export",
		.usage = "--year Y [--format csv|xlsx] [-o 文件] [--encoding utf-8|gb18030|gbk]",
		.summary = "导出一年的办件为 CSV 或 Excel 工作簿（.xlsx）",
		.help = "  -y, --year Y          年度\n"
			"  -f, --format 格式     csv（默认）或 xlsx（Excel/WPS 工作簿，证件号码不会变成数字）\n"
			"  -o, --output 文件     写入文件（默认标准输出）；以 .xlsx 结尾即为 xlsx\n"
			"  -e, --encoding 编码   CSV 的编码：utf-8（默认，带 BOM）、gb18030 或 gbk\n",
		.handler = cli_cmd_export,
	},
	{
		.name = "import",
		.usage = "文件 [--dry-run]",
		.summary = "从 CSV 导入办件（有一行错误则全部不写入）",
		.help = "  -n, --dry-run   只检查，不写入\n"
			"文件为 - 时读标准输入。编码自动识别 UTF-8 与 GB18030。\n",
		.handler = cli_cmd_import,
	},
	{
		.name = "catalog",
		.usage = "list | load 文件",
		.summary = "查看或载入窗口和事项目录",
		.help = "  list        列出窗口和事项\n"
			"  load 文件   载入 catalog.csv（格式见 bianmin(5)）\n",
		.handler = cli_cmd_catalog,
	},
	{
		.name = "village",
		.usage = "list | load 文件",
		.summary = "查看或载入村名单",
		.help = "  list        列出村\n"
			"  load 文件   载入 villages.csv（格式见 bianmin(5)）\n",
		.handler = cli_cmd_village,
	},
	{
		.name = "user",
		.usage = "add 登录名 --name 姓名 --role clerk|supervisor|admin [--windows sczr,..] | "
			 "remove 登录名 | list",
		.summary = "登记、注销或列出经办人",
		.help = "  add 登录名          登记或修改经办人（管理员）\n"
			"  remove 登录名       注销离岗的经办人（管理员），其办件保留原经办人\n"
			"  list                列出经办人\n"
			"  --name 姓名         姓名\n"
			"  --role 角色         clerk（经办人）、supervisor（主管）或 admin（管理员）\n"
			"  --windows 代码,..   负责的窗口（默认全部）\n",
		.handler = cli_cmd_user,
	},
	{
		.name = "lock",
		.usage = "--year Y",
		.summary = "锁定一个年度：此后不能录入、导入或作废",
		.help = "  -y, --year Y   年度\n",
		.handler = cli_cmd_lock,
	},
	{
		.name = "unlock",
		.usage = "--year Y",
		.summary = "解除年度锁定",
		.help = "  -y, --year Y   年度\n",
		.handler = cli_cmd_unlock,
	},
	{
		.name = "audit",
		.usage = "[--from D] [--to D]",
		.summary = "查看审计记录（谁在何时做了什么）",
		.help = "      --from D   起始日期（含）\n"
			"      --to D     截止日期（含）\n",
		.handler = cli_cmd_audit,
	},
	{
		.name = "backup",
		.usage = "文件",
		.summary = "在线备份数据库到新文件",
		.handler = cli_cmd_backup,
	},
	{
		.name = "check",
		.usage = "",
		.summary = "检查数据库的完整性",
		.handler = cli_cmd_check,
	},
	{
		.name = "holiday",
		.usage = "list [--year Y] | load 文件",
		.summary = "查看或载入节假日安排（承诺时限按工作日计）",
		.help = "  list [--year Y]   列出放假（休）和调休上班（班）的日子\n"
			"  load 文件         载入 holidays.csv（管理员；格式见 bianmin(5)）\n",
		.handler = cli_cmd_holiday,
	},
	{
		.name = "rate",
		.usage = "编号 等级 [--reason 原因] | --followup 编号 --note 回访情况",
		.summary = "好差评：记录办事群众的评价，或差评的回访",
		.help = "  等级                非常满意、满意、基本满意、不满意、非常不满意，或 5 到 1\n"
			"  -r, --reason 原因   评价原因（不满意、非常不满意必填）\n"
			"      --followup      记录差评的回访（15 个工作日内）\n"
			"      --note 情况     回访情况（与 --followup 同用，必填）\n"
			"每件只保留一个评价：再次评价即替换，并记入审计记录。\n",
		.handler = cli_cmd_rate,
	},
	{
		.name = "receipt",
		.usage = "编号 [-o 文件]",
		.summary = "出具承诺件的受理回执（40 列纯文本）",
		.help = "  -o, --output 文件   写入文件（- 为标准输出）\n"
			"不给 -o 时：配置文件有 print = 命令则交给它打印，否则写入\n"
			"当前目录的 回执-编号.txt。中心电话取自配置文件的 phone =。\n",
		.handler = cli_cmd_receipt,
	},
	{
		.name = "rater",
		.usage = "--window 窗口",
		.summary = "评价器：在面向群众的终端上显示刚保存的办件，请群众按键评价",
		.help = "  -w, --window 窗口   跟随此窗口的保存（名称或代码）\n"
			"5 到 1 评价；不满意、非常不满意再按一键选原因。60 秒无人评价即回到欢迎画面。\n"
			"Ctrl-C 关闭评价器。\n",
		.handler = cli_cmd_rater,
	},
};

static const struct cli_cmd *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_global_help(FILE *f)
{
	fputs("用法: bianmin [--db 文件] [--date 日期] [--demo] [--lines 方式]  终端界面\n"
	      "      bianmin [--db 文件] 命令 [选项] [参数]\n"
	      "乡镇行政服务中心窗口办件登记。不带命令时启动终端界面。\n\n"
	      "命令:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
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
