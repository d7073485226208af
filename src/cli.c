/* The command line: the table of subcommands, the global options, and the
 * functions every subcommand shares.  The handlers live in cli-entry.c (the
 * ledger: add, list, tally ...), cli-admin.c (database, catalog, clerks),
 * cli-csv.c (export, import), cli-report.c (report) and cli-demo.c
 * (--demo). */
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
#include "cli-cmd.h"
#include "config.h"
#include "csvrow.h"
#include "db.h"
#include "period.h"
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
			"  -n, --note 备注        备注\n",
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
		.name = "void",
		.usage = "编号 --reason 原因",
		.summary = "作废一件办件（经办人只能作废本人当天的办件）",
		.help = "  -r, --reason 原因   作废原因（必填）\n",
		.handler = cli_cmd_void,
	},
	{
		.name = "done",
		.usage = "编号",
		.summary = "将受理中的承诺件标记为办结",
		.handler = cli_cmd_done,
	},
	{
		.name = "return",
		.usage = "编号 --reason 原因",
		.summary = "退回受理中的承诺件",
		.help = "  -r, --reason 原因   退回原因（必填）\n",
		.handler = cli_cmd_return,
	},
	{
		.name = "overdue",
		.usage = "[--date D]",
		.summary = "列出超过承诺时限仍未办结的办件",
		.help = "  -d, --date D   按这一天计算（默认今天）\n",
		.handler = cli_cmd_overdue,
	},
	{
		.name = "tally",
		.usage = "[--date D | --from D --to D] [--clerk 登录名]",
		.summary = "按窗口和事项统计（各事项按其单位计数）",
		.help = "  -d, --date D        某一天（默认今天）\n"
			"      --from D        起始日期（含）\n"
			"      --to D          截止日期（含）\n"
			"      --clerk 登录名  只统计此经办人\n",
		.handler = cli_cmd_tally,
	},
	{
		.name = "report",
		.usage = "--year Y [--from D --to D] [--format text|csv|narrative] [-o 文件]",
		.summary = "年度统计报表：各窗口各事项、合计、上年同期与同比、每月办件数",
		.help = "  -y, --year Y        年度\n"
			"      --from D        起始日期（含；与 --year 同用时替换年初）\n"
			"      --to D          截止日期（含；与 --year 同用时替换年末）\n"
			"  -f, --format 格式   text（默认，对齐的表格）、csv（Excel）或\n"
			"                      narrative（年度报告的文字段落）\n"
			"  -o, --output 文件   写入文件（默认标准输出）\n"
			"统计区间不能超过一年（与上年同期比较）；已作废的办件不计。\n",
		.handler = cli_cmd_report,
	},
	{
		.name = "export",
		.usage = "--year Y [-o 文件] [--encoding utf-8|gb18030|gbk]",
		.summary = "导出一年的办件为 CSV（Excel 可直接打开）",
		.help = "  -y, --year Y          年度\n"
			"  -o, --output 文件     写入文件（默认标准输出）\n"
			"  -e, --encoding 编码   utf-8（默认，带 BOM）、gb18030 或 gbk\n",
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
	fputs("用法: bianmin [--db 文件] [--date 日期] [--demo]    终端界面\n"
	      "      bianmin [--db 文件] 命令 [选项] [参数]\n"
	      "乡镇行政服务中心窗口办件登记。不带命令时启动终端界面。\n\n"
	      "命令:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n全局选项（写在命令之前）:\n"
	      "  --db 文件   使用此数据库（优先于 BIANMIN_DB 和 /etc/bianmin.conf）\n"
	      "  --date 日期 终端界面按这一天登记和统计（补录纸质登记）\n"
	      "  --demo      用临时的演示数据库启动终端界面，退出时删除\n"
	      "  --version   显示版本\n"
	      "  --help      显示本帮助\n\n"
	      "bianmin 命令 --help 显示该命令的选项；详见 bianmin(1)。\n", f);
}

static void print_command_help(const struct cli_cmd *cmd)
{
	printf("用法: bianmin %s%s%s\n%s\n", cmd->name, *cmd->usage ? " " : "", cmd->usage,
	       cmd->summary);
	if (cmd->help)
		printf("\n%s", cmd->help);
}

int cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("bianmin: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "bianmin%s%s: ", c->cmd ? " " : "", c->cmd ? c->cmd->name : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c->cmd)
		fprintf(stderr, "用法: bianmin %s%s%s\n", c->cmd->name, *c->cmd->usage ? " " : "",
			c->cmd->usage);
	else
		fputs("用法: bianmin [--db 文件] [命令 [选项]]，bianmin --help 列出命令\n", stderr);
	return CLI_USAGE;
}

int cli_core_error(char *err)
{
	cli_error("%s", err && *err ? err : "操作失败");
	free(err);
	return CLI_FAIL;
}

/* getopt_long returned ':' or '?': says which option, as the user wrote it.
 * A short option is named by optopt (argv[optind - 1] may be a whole
 * cluster, or not yet the offending word); a long one by its word, cut at
 * '='. */
static int bad_option(struct cli *c, int argc, char **argv, int opt,
		      const struct option *longs)
{
	const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	bool is_long = strncmp(word, "--", 2) == 0;
	int name_len = (int)strcspn(word, "=");
	if (opt == ':' && is_long)
		return cli_usage(c, "选项 %.*s 缺少参数", name_len, word);
	if (opt == ':')
		return cli_usage(c, "选项 -%c 缺少参数", optopt);
	if (is_long && optopt && word[name_len] == '=')
		return cli_usage(c, "选项 %.*s 不接受参数", name_len, word);
	if (is_long && !optopt && name_len > 2) {
		/* glibc takes an abbreviation, but only an unambiguous one. */
		int matches = 0;
		for (const struct option *o = longs; o->name; o++)
			matches += strncmp(o->name, word + 2, (size_t)name_len - 2) == 0;
		if (matches > 1)
			return cli_usage(c, "选项 %.*s 有歧义，请写全", name_len, word);
	}
	if (is_long || !optopt)
		return cli_usage(c, "无法识别的选项 %.*s", name_len, word);
	return cli_usage(c, "无法识别的选项 -%c", optopt);
}

static void add_operand(struct cli *c, const char *arg)
{
	if (c->noperands < CLI_MAX_OPERANDS)
		c->operand[c->noperands] = arg;
	c->noperands++;
}

int cli_getopt(struct cli *c, int argc, char **argv, const char *shorts,
	       const struct option *longs, int *status)
{
	/* '-': operands come back in order as option 1, so `void SERIAL
	 * --reason X` works even under POSIXLY_CORRECT; ':' tells a missing
	 * argument apart from an unknown option. */
	char spec[64];
	snprintf(spec, sizeof spec, "-:%sh", shorts);
	opterr = 0;
	int opt;
	while ((opt = getopt_long(argc, argv, spec, longs, NULL)) == 1)
		add_operand(c, optarg);
	switch (opt) {
	case -1:
		/* Whatever follows "--" is operands. */
		for (int i = optind; i < argc; i++)
			add_operand(c, argv[i]);
		return -1;
	case 'h':
		print_command_help(c->cmd);
		*status = CLI_OK;
		return CLI_STOP;
	case ':':
	case '?':
		*status = bad_option(c, argc, argv, opt, longs);
		return CLI_STOP;
	default:
		return opt;
	}
}

bool cli_operands(struct cli *c, int argc, char **argv, int min, int max)
{
	(void)argc;
	(void)argv;
	if (c->noperands < min) {
		cli_usage(c, "缺少参数");
		return false;
	}
	if (c->noperands > max) {
		cli_usage(c, "多余的参数 %s", c->operand[max < CLI_MAX_OPERANDS ? max : 0]);
		return false;
	}
	return true;
}

bool cli_parse_int(struct cli *c, const char *what, const char *s, long long min,
		   long long max, long long *out)
{
	/* strtoll alone would take " 12", "+12" and "12abc". */
	const char *digits = s[0] == '-' ? s + 1 : s;
	if (*digits < '0' || *digits > '9') {
		cli_usage(c, "%s 应为整数，而不是“%s”", what, s);
		return false;
	}
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end != '\0') {
		cli_usage(c, "%s 应为整数，而不是“%s”", what, s);
		return false;
	}
	if (errno == ERANGE || v < min || v > max) {
		cli_usage(c, "%s 应在 %lld 到 %lld 之间，而不是 %s", what, min, max, s);
		return false;
	}
	*out = v;
	return true;
}

bool cli_parse_year(struct cli *c, const char *what, const char *s, int *year)
{
	if (!period_parse_year(s, year)) {
		cli_usage(c, "%s 应为 1900 到 9999 之间的年份，而不是“%s”", what, s);
		return false;
	}
	return true;
}

bool cli_parse_date(struct cli *c, const char *what, const char *s)
{
	if (!period_valid_date(s) && period_date_shaped(s)) {
		cli_usage(c, "%s %s 不是真实的日期", what, s);
		return false;
	}
	if (!period_valid_date(s)) {
		cli_usage(c, "%s 应为 YYYY-MM-DD 格式的日期，而不是“%s”", what, s);
		return false;
	}
	return true;
}

bool cli_parse_range(struct cli *c, const char *date, const char *from, const char *to,
		     bool open_ended, const char **out_from, const char **out_to)
{
	static char today[DATE_LEN];
	if (date && (from || to)) {
		cli_usage(c, "--date 不能与 --from/--to 同时使用");
		return false;
	}
	if (date) {
		if (!cli_parse_date(c, "--date", date))
			return false;
		*out_from = *out_to = date;
		return true;
	}
	if (!from && !to) {
		period_today(today);
		*out_from = *out_to = today;
		return true;
	}
	if (!open_ended && (!from || !to)) {
		cli_usage(c, "--from 和 --to 需同时给出");
		return false;
	}
	if ((from && !cli_parse_date(c, "--from", from)) || (to && !cli_parse_date(c, "--to", to)))
		return false;
	if (from && to && strcmp(from, to) > 0) {
		cli_usage(c, "起始日期 %s 晚于截止日期 %s", from, to);
		return false;
	}
	*out_from = from;
	*out_to = to;
	return true;
}

bool cli_nonblank(struct cli *c, const char *what, const char *s)
{
	char *copy = xstrdup(s);
	bool blank = *text_trim(copy) == '\0';
	free(copy);
	if (blank)
		cli_usage(c, "%s 不能为空", what);
	return !blank;
}

bool cli_open(struct cli *c, bool create, bool with_catalog)
{
	char *path = db_default_path(c->db_option);
	char *err = NULL;
	struct stat st;
	if (!create && stat(path, &st) != 0) {
		cli_error("数据库 %s 不存在；请先运行 bianmin init，或用 --db 指定", path);
		free(path);
		return false;
	}
	c->db = db_open(path, create ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &err);
	free(path);
	if (!c->db) {
		cli_core_error(err);
		return false;
	}
	if (with_catalog) {
		c->cat = catalog_read(c->db, &err);
		if (!c->cat) {
			cli_core_error(err);
			return false;
		}
	}
	return true;
}

bool cli_find_matter(struct cli *c, const char *window, const char *matter,
		     const struct catalog_window **out_window,
		     const struct catalog_matter **out_matter)
{
	const struct catalog_window *w = NULL;
	const struct catalog_matter *m = NULL;
	if (window) {
		w = catalog_window(c->cat, window);
		if (!w) {
			cli_error("没有名为或代码为“%s”的窗口", window);
			return false;
		}
	}
	if (matter && w) {
		m = catalog_matter(c->cat, w, matter);
		if (!m) {
			cli_error("%s窗口没有名为或代码为“%s”的事项", w->name, matter);
			return false;
		}
	} else if (matter) {
		/* Codes repeat across windows (zx is 注销业务 and 政策咨询). */
		for (size_t i = 0; i < c->cat->nwindows; i++) {
			const struct catalog_matter *found =
				catalog_matter(c->cat, &c->cat->windows[i], matter);
			if (found && m) {
				cli_error("多个窗口都有事项“%s”，请同时给出 --window", matter);
				return false;
			}
			if (found)
				m = found;
		}
		if (!m) {
			cli_error("没有名为或代码为“%s”的事项", matter);
			return false;
		}
	}
	*out_window = w;
	*out_matter = m;
	return true;
}

void cli_put_plain(const char *s)
{
	/* The rules of text_fit, for text that ends a line and is not cut. */
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int n = text_decode(s + i, len - i, &cp);
		if (n <= 0) {
			fputc('?', stdout);
			i++;
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			fputc(' ', stdout);
			i += (size_t)n;
		} else {
			fwrite(s + i, 1, (size_t)n, stdout);
			i += (size_t)n;
		}
	}
}

char *cli_fit(char *out, size_t outsz, const char *s, int cols)
{
	return text_fit_marked(out, outsz, s, cols, false, false);
}

/* Columns of padding owed before the next text of the row. */
static int row_owed;

static void pay_owed(void)
{
	for (; row_owed > 0; row_owed--)
		fputc(' ', stdout);
}

void cli_cell(const char *s, int cols, bool align_right)
{
	char buf[512];
	cli_fit(buf, sizeof buf, s, cols);
	int pad = cols - text_width(buf);
	if (align_right) {
		row_owed += pad;
		pad = 0;
	}
	if (*buf) {
		pay_owed();
		fputs(buf, stdout);
	}
	row_owed += pad + 2;
}

void cli_tail(const char *s)
{
	if (!s || !*s)
		return;
	pay_owed();
	cli_put_plain(s);
}

void cli_end_row(void)
{
	row_owed = 0;
	fputc('\n', stdout);
}

char *cli_slurp(const char *path, size_t *len)
{
	char *err = NULL;
	char *text = csvrow_slurp(path, len, &err);
	if (!text)
		cli_core_error(err);
	return text;
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
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { 0 };
	const char *tui_date = NULL;
	bool demo = false;
	int opt;

	/* Tests and chroots point the system config elsewhere. */
	const char *conf = getenv("BIANMIN_CONF");
	if (conf && *conf)
		db_set_config_path(conf);

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
		case 'V':
			printf("bianmin %s\n", BIANMIN_VERSION);
			return finish_output(CLI_OK);
		case 'h':
			print_global_help(stdout);
			return finish_output(CLI_OK);
		default:
			return bad_option(&c, argc, argv, opt, global);
		}
	}

	if (optind >= argc && demo)
		return cli_demo(tui_date);
	if (optind >= argc) {
		if (tui_date && !date_has_come(tui_date))
			return cli_usage(&c, "日期 %s 还没到（今天是 %s）：只能补录今天或以前的办件",
					 tui_date, today_date());
		if (tui_date)
			tui_set_date(tui_date);
		char *path = db_default_path(c.db_option);
		int status = tui_main(path, false);
		free(path);
		return status;
	}

	if (tui_date)
		return cli_usage(&c, "--date 写在命令之前只用于终端界面；命令的日期写在命令之后");
	if (demo)
		return cli_usage(&c, "--demo 只用于终端界面，不能与命令 %s 同用", argv[optind]);
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
