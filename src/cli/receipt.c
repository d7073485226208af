/* bianmin receipt SERIAL [-o FILE]: the 受理回执 of a 承诺件. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "conf.h"
#include "receipt.h"

static bool put_text(FILE *out, void *ctx, char **err)
{
	if (fputs(ctx, out) == EOF)
		return fail(err, "写入回执失败");
	return true;
}

int cli_cmd_receipt(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "output", required_argument, NULL, 'o' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "o:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'o':
			if (!*optarg)
				return cli_usage(c, "-o 的文件名不能为空");
			output = optarg;
			break;
		}
	}
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *err = NULL, *note = NULL;
	char *phone = conf_value("phone");
	char *text = receipt_text(c->db, c->cat, c->operand[0], phone, &note, &err);
	free(phone);
	if (!text)
		return cli_core_error(err);
	if (note)
		fprintf(stderr, "bianmin: 提示: %s\n", note);
	free(note);
	char stored[32];
	const char *serial = cli_stored_serial(c, c->operand[0], stored);
	char *command = output ? NULL : conf_value("print");
	char *file = output ? xstrdup(output) : receipt_file_name(serial);
	bool ok;
	if (output && strcmp(output, "-") == 0) {
		ok = fputs(text, stdout) != EOF;
	} else if (command) {
		ok = receipt_print(text, command, &err);
		if (ok)
			printf("已打印回执 %s（%s）\n", serial, command);
	} else {
		ok = cli_write_file(file, put_text, text, &err);
		if (ok && !output)
			printf("已写入回执 %s\n", file);
	}
	free(command);
	free(file);
	free(text);
	return ok ? CLI_OK : cli_core_error(err);
}
