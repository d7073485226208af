/* The CSV interchange file from the command line: export and import. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-cmd.h"
#include "csvio.h"

/* A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written in
 * place: renaming a temporary file over it would replace the device. */
static int export_in_place(struct cli *c, int year, const char *path, enum csvio_encoding enc)
{
	FILE *out = fopen(path, "wb");
	if (!out)
		return cli_error("无法写入 %s: %s", path, errno_text(errno));
	char *err = NULL;
	bool ok = csvio_export_year(c->db, c->cat, year, out, enc, &err);
	if (fclose(out) != 0 && ok) {
		ok = false;
		err = xasprintf("无法写入 %s: %s", path, errno_text(errno));
	}
	return ok ? CLI_OK : cli_core_error(err);
}

/* Writes the export to a temporary file beside `path` and renames it into
 * place only when complete, so a failed export never leaves half a file
 * where a good one was expected.  The file is 0600: it holds ID numbers. */
static int export_to_file(struct cli *c, int year, const char *path, enum csvio_encoding enc)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return export_in_place(c, year, path, enc);
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return cli_error("无法写入 %s: %s", path, errno_text(e));
	}
	FILE *out = fdopen(fd, "wb");
	if (!out) {
		int e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return cli_error("无法写入 %s: %s", path, errno_text(e));
	}
	char *err = NULL;
	bool ok = csvio_export_year(c->db, c->cat, year, out, enc, &err);
	if (ok && (fflush(out) != 0 || fsync(fileno(out)) != 0)) {
		ok = false;
		err = xasprintf("无法写入 %s: %s", path, errno_text(errno));
	}
	if (fclose(out) != 0 && ok) {
		ok = false;
		err = xasprintf("无法写入 %s: %s", path, errno_text(errno));
	}
	if (ok && rename(tmp, path) != 0) {
		ok = false;
		err = xasprintf("无法写入 %s: %s", path, errno_text(errno));
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? CLI_OK : cli_core_error(err);
}

int cli_cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, 'e' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	int year = 0, opt, status;
	const char *output = NULL;
	enum csvio_encoding enc = CSVIO_UTF8;
	while ((opt = cli_getopt(c, argc, argv, "y:o:e:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'y':
			if (!cli_parse_year(c, "--year", optarg, &year))
				return CLI_USAGE;
			break;
		case 'o':
			if (!*optarg)
				return cli_usage(c, "-o 的文件名不能为空");
			output = optarg;
			break;
		case 'e':
			if (!csvio_encoding_parse(optarg, &enc))
				return cli_usage(c, "--encoding 应为 utf-8、gb18030 或 gbk，而不是“%s”",
						 optarg);
			break;
		}
	}
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!year)
		return cli_usage(c, "缺少 --year（年度）");
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	if (output && strcmp(output, "-") != 0)
		return export_to_file(c, year, output, enc);

	char *err = NULL;
	if (!csvio_export_year(c->db, c->cat, year, stdout, enc, &err))
		return cli_core_error(err);
	return CLI_OK;
}

int cli_cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	bool dry_run = false;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "n", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'n': dry_run = true; break;
		}
	}
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	const char *path = c->operand[0];
	if (!cli_open(c, false, true))
		return CLI_FAIL;

	struct csvio_import_result res = { 0 };
	char *err = NULL;
	if (!csvio_import(c->db, c->cat, path, dry_run, current_login(), &res, &err))
		return cli_core_error(err);
	if (dry_run)
		printf("检查通过: %zu 行（%s），未写入\n", res.rows,
		       csvio_encoding_name(res.encoding));
	else
		printf("已导入 %zu 行（%s），其中作废 %zu 行\n", res.rows,
		       csvio_encoding_name(res.encoding), res.voided);
	return CLI_OK;
}
