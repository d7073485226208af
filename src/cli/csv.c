/* The CSV interchange file from the command line: export and import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "cmd.h"
#include "csvio.h"
#include "meter.h"
#include "xlsx.h"

struct export_job {
	struct cli *c;
	int year;
	bool xlsx, full;
	enum csvio_encoding enc;
	const char *file; /* for the audit line */
};

/* The audit line is written with the file, before it is renamed into
 * place: an export may be audited and then fail, never the reverse. */
static bool write_export(FILE *out, void *ctx, char **err)
{
	const struct export_job *job = ctx;
	long long rows = 0;
	bool ok = job->xlsx
			  ? xlsx_export_year(job->c->db, job->c->cat, job->year, out, &rows, err)
		  : job->full ? csvio_export_year_full(job->c->db, job->c->cat, job->year, out,
						       job->enc, &rows, err)
			      : csvio_export_year_rows(job->c->db, job->c->cat, job->year, out,
						       job->enc, &rows, err);
	return ok && fflush(out) == 0 &&
	       clerk_audit_export(job->c->db, current_login(), "export", job->file, rows, err);
}

int cli_cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_YEAR_OPTION,
		CLI_OUTPUT_OPTION,
		{ "encoding", required_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "all-columns", no_argument, NULL, 'a' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common o = {0};
	int opt, status;
	const char *format = NULL, *encoding = NULL;
	enum csvio_encoding enc = CSVIO_UTF8;
	bool full = false;
	while ((opt = cli_getopt(c, argc, argv, "y:o:e:f:", longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		int taken = cli_common_opt(c, opt, &o);
		if (taken < 0)
			return CLI_USAGE;
		if (taken)
			continue;
		if (opt == 'e') {
			if (!csvio_encoding_parse(optarg, &enc))
				return cli_usage(c, "--encoding 应为 utf-8、gb18030 或 gbk，而不是“%s”",
						 optarg);
			encoding = optarg;
		} else if (opt == 'a') {
			full = true;
		} else if (opt == 'f') {
			if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "xlsx") != 0)
				return cli_usage(c, "--format 应为 csv 或 xlsx，而不是“%s”", optarg);
			format = optarg;
		}
	}
	int year = o.year;
	const char *output = o.output;
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!year)
		return cli_usage(c, "缺少 --year（年度）");
	bool xlsx = format ? strcmp(format, "xlsx") == 0 : cli_xlsx_name(output);
	if (xlsx && encoding)
		return cli_usage(c, "--encoding 只用于 CSV：xlsx 文件总是 Unicode");
	if (xlsx && full)
		return cli_usage(c, "--all-columns 只用于 CSV 交换文件");
	if (xlsx && !cli_binary_output_ok(c, output))
		return CLI_USAGE;
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *err = NULL;
	if (!clerk_may_export(c->db, current_login(), "导出办件", &err))
		return cli_core_error(err);
	bool to_file = output && strcmp(output, "-") != 0;
	struct export_job job = { c, year, xlsx, full, enc, to_file ? output : "（标准输出）" };
	meter_start(!to_file);
	bool ok = to_file ? cli_write_file(output, write_export, &job, &err)
			  : write_export(stdout, &job, &err);
	meter_end();
	return ok ? CLI_OK : cli_core_error(err);
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
	meter_start(false);
	bool ok = csvio_import(c->db, c->cat, path, dry_run, current_login(), &res, &err);
	meter_end();
	if (!ok)
		return cli_core_error(err);
	if (dry_run)
		printf("检查通过: %zu 行（%s），未写入\n", res.rows,
		       csvio_encoding_name(res.encoding));
	else
		printf("已导入 %zu 行（%s），其中作废 %zu 行\n", res.rows,
		       csvio_encoding_name(res.encoding), res.voided);
	return CLI_OK;
}
