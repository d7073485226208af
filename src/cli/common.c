/* What every subcommand shares: messages, option parsing in Chinese, strict
 * values, opening the database, and the cells of the CLI's tables. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "clerk.h"
#include "cmd.h"
#include "csvrow.h"
#include "conf.h"
#include "db.h"
#include "period.h"
#include "priv.h"
#include "text.h"
#include "util.h"

/* A message may quote what the user typed or the file holds: it is shown
 * as every printer shows text, hidden characters escaped. */
static void put_message(const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap), *owned;
	fputs(text_escape_hidden(msg, true, &owned), stderr);
	fputc('\n', stderr);
	free(owned);
	free(msg);
}

int cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("bianmin: ", stderr);
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	return CLI_FAIL;
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "bianmin%s%s: ", c->cmd ? " " : "", c->cmd ? c->cmd->name : "");
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
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
int cli_bad_option(struct cli *c, int argc, char **argv, int opt,
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
		cli_print_command_help(c->cmd);
		*status = CLI_OK;
		return CLI_STOP;
	case ':':
	case '?':
		*status = cli_bad_option(c, argc, argv, opt, longs);
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
	char folded[64];
	const char *typed = s;
	if (strlen(s) < sizeof folded)
		s = text_fold_digits(folded, sizeof folded, s);
	/* strtoll alone would take " 12", "+12" and "12abc". */
	const char *digits = s[0] == '-' ? s + 1 : s;
	if (*digits < '0' || *digits > '9') {
		cli_usage(c, "%s 应为整数，而不是“%s”", what, typed);
		return false;
	}
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end != '\0') {
		cli_usage(c, "%s 应为整数，而不是“%s”", what, typed);
		return false;
	}
	if (errno == ERANGE || v < min || v > max) {
		cli_usage(c, "%s 应在 %lld 到 %lld 之间，而不是 %s", what, min, max, typed);
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
	bool named;
	char *path = conf_db_path(c->db_option, &named);
	char *err = NULL;
	struct stat st;
	/* A database the caller names is theirs to reach, not the group's. */
	if (named && !priv_drop(&err)) {
		free(path);
		cli_core_error(err);
		return false;
	}
	if (!create && stat(path, &st) != 0) {
		/* 不存在 only when it is so: a folder one may not enter hides it. */
		if (errno == ENOENT)
			cli_error("数据库 %s 不存在；请先运行 bianmin init，或用 --db 指定", path);
		else
			cli_error("无法打开数据库 %s: %s", path, errno_text(errno));
		free(path);
		return false;
	}
	c->db = db_open(path, create ? DB_OPEN_CREATE : DB_OPEN_EXISTING, &err);
	free(path);
	if (!c->db) {
		cli_core_error(err);
		return false;
	}
	/* Only init may run for an account the register does not know, and
	 * only while nobody is registered: it makes that account admin. */
	if (!clerk_require(c->db, current_login(), create, &err)) {
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
	/* Text that ends a line and is not cut: escaped as every printer
	 * escapes, a line break shown as a space. */
	char *owned;
	fputs(text_escape_hidden(s, false, &owned), stdout);
	free(owned);
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

void cli_tail_sgr(const char *s, const char *sgr)
{
	if (!s || !*s)
		return;
	pay_owed();
	if (sgr)
		printf("\033[%sm", sgr);
	cli_put_plain(s);
	if (sgr)
		fputs("\033[0m", stdout);
}

void cli_end_row(void)
{
	row_owed = 0;
	fputc('\n', stdout);
}

char *cli_slurp(const char *path, size_t *len)
{
	char *err = NULL;
	/* A file the caller names is read with the caller's rights only. */
	priv_as_caller_begin();
	char *text = csvrow_slurp(path, len, &err);
	priv_as_caller_end();
	if (!text)
		cli_core_error(err);
	return text;
}

int cli_common_opt(struct cli *c, int opt, struct cli_common *o)
{
	switch (opt) {
	case 'y':
		return cli_parse_year(c, "--year", optarg, &o->year) ? 1 : -1;
	case 'd':
		o->date = optarg;
		return cli_parse_date(c, "--date", optarg) ? 1 : -1;
	case OPT_FROM:
		o->from = optarg;
		return cli_parse_date(c, "--from", optarg) ? 1 : -1;
	case OPT_TO:
		o->to = optarg;
		return cli_parse_date(c, "--to", optarg) ? 1 : -1;
	case 'o':
		if (!*optarg) {
			cli_usage(c, "-o 的文件名不能为空");
			return -1;
		}
		o->output = optarg;
		return 1;
	default:
		return 0;
	}
}

const struct option cli_year_options[] = {
	CLI_YEAR_OPTION,
	CLI_HELP_OPTION,
	{ NULL, 0, NULL, 0 },
};

int cli_common_opts(struct cli *c, int argc, char **argv, const char *shorts,
		    const struct option *longs, struct cli_common *o)
{
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, shorts, longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (cli_common_opt(c, opt, o) < 0)
			return CLI_USAGE;
	}
	return -1;
}

int cli_year_ready(struct cli *c, int argc, char **argv, int year, bool with_catalog)
{
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!year)
		return cli_usage(c, "缺少 --year（年度）");
	return cli_open(c, false, with_catalog) ? CLI_OK : CLI_FAIL;
}

bool cli_list_or_load(struct cli *c, int argc, char **argv, bool *listing)
{
	if (!cli_operands(c, argc, argv, 1, 2))
		return false;
	const char *action = c->operand[0];
	*listing = strcmp(action, "list") == 0;
	if (*listing)
		return cli_operands(c, argc, argv, 1, 1);
	if (strcmp(action, "load") != 0)
		return cli_usage(c, "应为 list 或 load，而不是“%s”", action), false;
	if (c->noperands != 2)
		return cli_usage(c, "load 需要一个文件名"), false;
	return true;
}

int cli_load_file(struct cli *c, cli_loader_fn load, const char *loaded)
{
	size_t len;
	char *text = cli_slurp(c->operand[1], &len);
	if (!text)
		return CLI_FAIL;
	if (!cli_open(c, false, false)) {
		free(text);
		return CLI_FAIL;
	}
	char *err = NULL;
	bool ok = load(c->db, text, len, current_login(), &err);
	free(text);
	if (!ok)
		return cli_core_error(err);
	printf("%s\n", loaded);
	return CLI_OK;
}
