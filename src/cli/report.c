/* The annual report from the command line: bianmin report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "period.h"
#include "report.h"
#include "text.h"
#include "xlsx.h"

enum report_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_NARRATIVE, FORMAT_XLSX };

static bool write_report(const struct report *r, enum report_format format, FILE *out,
			 char **err)
{
	switch (format) {
	case FORMAT_CSV:
		return report_write_csv(r, out, err);
	case FORMAT_XLSX:
		return xlsx_write_report(r, out, err);
	case FORMAT_NARRATIVE: {
		char *text = report_narrative(r);
		/* Nothing to say is said on stderr: the paragraph stays empty. */
		if (!*text)
			cli_error("%s 至 %s 没有办件，没有可写的文字", r->from, r->to);
		else {
			/* Names from the catalog, shown as every printer shows them. */
			char *owned;
			fprintf(out, "%s\n", text_escape_hidden(text, true, &owned));
			free(owned);
		}
		free(text);
		if (fflush(out) != 0 || ferror(out))
			return fail(err, "写入报表失败: %s", errno_text(errno));
		return true;
	}
	case FORMAT_TEXT:
		break;
	}
	return report_write_text(r, out, err);
}

struct report_job {
	const struct report *r;
	enum report_format format;
};

static bool write_report_job(FILE *out, void *ctx, char **err)
{
	const struct report_job *job = ctx;
	return write_report(job->r, job->format, out, err);
}

int cli_cmd_report(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_YEAR_OPTION,
		CLI_FROM_OPTION,
		CLI_TO_OPTION,
		{ "format", required_argument, NULL, 'f' },
		CLI_OUTPUT_OPTION,
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct cli_common o = {0};
	int opt, status;
	enum report_format format = FORMAT_TEXT;
	bool format_given = false;
	while ((opt = cli_getopt(c, argc, argv, "y:f:o:", longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		int taken = cli_common_opt(c, opt, &o);
		if (taken < 0)
			return CLI_USAGE;
		if (taken || opt != 'f')
			continue;
		if (strcmp(optarg, "text") == 0)
			format = FORMAT_TEXT;
		else if (strcmp(optarg, "csv") == 0)
			format = FORMAT_CSV;
		else if (strcmp(optarg, "narrative") == 0)
			format = FORMAT_NARRATIVE;
		else if (strcmp(optarg, "xlsx") == 0)
			format = FORMAT_XLSX;
		else
			return cli_usage(c, "--format 应为 text、csv、narrative 或 xlsx，而不是“%s”",
					 optarg);
		format_given = true;
	}
	int year = o.year;
	const char *from = o.from, *to = o.to, *output = o.output;
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!format_given && cli_xlsx_name(output))
		format = FORMAT_XLSX;
	if (format == FORMAT_XLSX && !cli_binary_output_ok(c, output))
		return CLI_USAGE;
	/* --year gives the bounds; --from / --to move either of them. */
	char year_from[DATE_LEN], year_to[DATE_LEN];
	if (year) {
		period_year_bounds(year, year_from, year_to);
		if (!from)
			from = year_from;
		if (!to)
			to = year_to;
	} else if (!from || !to) {
		return cli_usage(c, "请用 --year 指定年度，或同时给出 --from 和 --to");
	}
	if (!cli_open(c, false, true))
		return CLI_FAIL;

	struct report r;
	char *err = NULL;
	bool whole_year = year && from == year_from && to == year_to;
	if (!(whole_year ? report_year(c->db, c->cat, year, &r, &err)
			 : report_range(c->db, c->cat, from, to, &r, &err)))
		return cli_core_error(err);
	struct report_job job = { &r, format };
	bool ok = output && strcmp(output, "-") != 0
			  ? cli_write_file(output, write_report_job, &job, &err)
			 : write_report(&r, format, stdout, &err);
	report_clear(&r);
	return ok ? CLI_OK : cli_core_error(err);
}
