/* Output files (-o) of export and report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "meter.h"
#include "priv.h"

/* Creating, renaming and removing the caller's file with the caller's
 * rights: the group is for the ledger only. */
static FILE *open_as_caller(const char *path)
{
	priv_as_caller_begin();
	FILE *f = fopen(path, "wb");
	priv_as_caller_end();
	return f;
}

static int mkstemp_as_caller(char *tmpl)
{
	priv_as_caller_begin();
	int fd = mkstemp(tmpl);
	priv_as_caller_end();
	return fd;
}

static int rename_as_caller(const char *from, const char *to)
{
	priv_as_caller_begin();
	int rc = rename(from, to);
	priv_as_caller_end();
	return rc;
}

static void unlink_as_caller(const char *path)
{
	priv_as_caller_begin();
	unlink(path);
	priv_as_caller_end();
}

bool cli_write_file(const char *path, cli_write_fn write, void *ctx, char **err)
{
	if (!priv_may_write_for_caller(path, err))
		return false;
	/* A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written in
	 * place: renaming a temporary file over it would replace the device. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		FILE *out = open_as_caller(path);
		if (!out)
			return fail(err, "无法写入 %s: %s", path, errno_text(errno));
		bool ok = write(out, ctx, err);
		if (fclose(out) != 0 && ok)
			ok = fail(err, "无法写入 %s: %s", path, errno_text(errno));
		return ok;
	}
	/* A file is written beside `path` and renamed into place only when
	 * complete: a failed run never leaves half a file where a whole one
	 * was.  mkstemp makes it 0600: an export holds ID numbers. */
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp_as_caller(tmp);
	FILE *out = fd < 0 ? NULL : fdopen(fd, "wb");
	if (!out) {
		fail(err, "无法写入 %s: %s", path, errno_text(errno));
		if (fd >= 0) {
			close(fd);
			unlink_as_caller(tmp);
		}
		free(tmp);
		return false;
	}
	meter_guard_file(tmp);
	bool ok = write(out, ctx, err);
	if (ok && (fflush(out) != 0 || fsync(fileno(out)) != 0))
		ok = fail(err, "无法写入 %s: %s", path, errno_text(errno));
	if (fclose(out) != 0 && ok)
		ok = fail(err, "无法写入 %s: %s", path, errno_text(errno));
	if (ok && rename_as_caller(tmp, path) != 0)
		ok = fail(err, "无法写入 %s: %s", path, errno_text(errno));
	if (!ok)
		unlink_as_caller(tmp);
	meter_guard_file(NULL);
	free(tmp);
	return ok;
}

bool cli_xlsx_name(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

bool cli_binary_output_ok(struct cli *c, const char *path)
{
	if ((path && strcmp(path, "-") != 0) || !isatty(STDOUT_FILENO))
		return true;
	cli_usage(c, "xlsx 文件不能显示在终端上：请用 -o 指定文件名（如 -o 2021.xlsx）");
	return false;
}
