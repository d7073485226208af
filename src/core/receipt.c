/* The 受理回执 slip: laid out in 40 columns, and sent to a print command. */
#include "receipt.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clerk.h"
#include "db.h"
#include "holiday.h"
#include "idcheck.h"
#include "ledger.h"
#include "priv.h"
#include "promise.h"
#include "text.h"
#include "util.h"

/* "label：value", the value wrapped under itself when it does not fit. */
static void field(struct strbuf *sb, const char *label, const char *value)
{
	int indent = text_width(label) + 2; /* "：" is two columns */
	strbuf_addf(sb, "%s：", label);
	int col = indent;
	/* Shown as every printer shows text: hidden characters escaped. */
	char *owned;
	value = text_escape_hidden(value, false, &owned);
	const char *p = value;
	size_t len = strlen(value);
	while (*p) {
		unsigned cp;
		int n = text_decode(p, len - (size_t)(p - value), &cp);
		if (n <= 0) {
			p++;
			continue;
		}
		int w = cp < 0x20 || cp == 0x7F ? 1 : text_cp_width(cp);
		if (col + w > RECEIPT_COLS) {
			strbuf_addf(sb, "\n%*s", indent, "");
			col = indent;
		}
		if (cp < 0x20 || cp == 0x7F)
			strbuf_add(sb, " ");
		else
			strbuf_addn(sb, p, (size_t)n);
		col += w;
		p += n;
	}
	strbuf_add(sb, "\n");
	free(owned);
}

/* A line centred in the slip's width (wrapped by characters if longer). */
static void centred(struct strbuf *sb, const char *s)
{
	int w = text_width(s);
	if (w >= RECEIPT_COLS) {
		field(sb, "", s);
		return;
	}
	char *owned;
	strbuf_addf(sb, "%*s%s\n", (RECEIPT_COLS - w) / 2, "", text_escape_hidden(s, false, &owned));
	free(owned);
}

static void rule(struct strbuf *sb, char c)
{
	char line[RECEIPT_COLS + 2];
	memset(line, c, RECEIPT_COLS);
	line[RECEIPT_COLS] = '\n';
	line[RECEIPT_COLS + 1] = '\0';
	strbuf_add(sb, line);
}

struct slip {
	struct db *db;
	struct workday_cal *cal;
	const char *phone;
	struct strbuf text;
	char *err;
};

static bool lay_out(const struct entry *e, void *ctx)
{
	struct slip *s = ctx;
	char due[DATE_LEN], masked[64], limit[32];
	if (e->voided_at) {
		fail(&s->err, "编号 %s 已作废，不出具回执", e->serial);
		return false;
	}
	promise_due(s->cal, e, due);
	if (!*due) {
		fail(&s->err, "编号 %s 是即办件，当场办结，不出具受理回执", e->serial);
		return false;
	}
	struct clerk k;
	char *clerk = NULL;
	if (clerk_get(s->db, e->clerk, &k, NULL)) {
		clerk = xstrdup(k.name);
		clerk_clear(&k);
	}
	char *center = db_setting(s->db, "center");
	struct strbuf *sb = &s->text;
	strbuf_add(sb, "");
	rule(sb, '=');
	if (center && *center)
		centred(sb, center);
	centred(sb, "受 理 回 执");
	rule(sb, '=');
	field(sb, "编号", e->serial);
	field(sb, "窗口", e->window->name);
	field(sb, "事项", e->matter->name);
	if (*e->applicant)
		field(sb, "申请人", e->applicant);
	if (*e->id_number)
		field(sb, "证件号码", idcheck_mask(masked, sizeof masked, e->id_number));
	field(sb, "受理日期", e->date);
	if (e->matter->time_limit_days > 0) {
		snprintf(limit, sizeof limit, "%d 个工作日", e->matter->time_limit_days);
		field(sb, "承诺时限", limit);
	}
	field(sb, "承诺办结日期", due);
	field(sb, "经办人", clerk ? clerk : e->clerk);
	rule(sb, '-');
	if (s->phone && *s->phone)
		field(sb, "咨询电话", s->phone);
	strbuf_add(sb, "请妥善保管本回执，凭编号查询办理进度。\n");
	strbuf_add(sb, "承诺时限按工作日计，受理当日不计。\n");
	rule(sb, '=');
	free(center);
	free(clerk);
	return false;
}

char *receipt_text(struct db *db, const struct catalog *cat, const char *serial,
		   const char *phone, char **note, char **err)
{
	if (note)
		*note = NULL;
	struct slip s = { .db = db, .phone = phone };
	if (!(s.cal = holiday_calendar(db, err)))
		return NULL;
	bool ok = ledger_get(db, cat, serial, lay_out, &s, err);
	if (s.err) {
		if (err && !*err)
			*err = s.err;
		else
			free(s.err);
		ok = false;
	}
	if (ok && note)
		*note = workday_note(s.cal);
	workday_cal_free(s.cal);
	if (!ok) {
		free(s.text.s);
		return NULL;
	}
	return s.text.s;
}

char *receipt_file_name(const char *serial)
{
	return xasprintf("回执-%s.txt", serial);
}

bool receipt_print(const char *text, const char *command, char **err)
{
	int fds[2];
	if (pipe(fds) != 0)
		return fail(err, "无法打印回执: %s", errno_text(errno));
	/* A printer that went away must not kill the program on its write. */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		sigaction(SIGPIPE, &old, NULL);
		return fail(err, "无法打印回执: %s", errno_text(errno));
	}
	if (pid == 0) {
		/* The print command is the administrator's, but it runs for the
		 * caller: never with the ledger's group. */
		char *why = NULL;
		if (!priv_drop(&why))
			_exit(126);
		int null = open("/dev/null", O_RDWR);
		dup2(fds[0], STDIN_FILENO);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		close(fds[0]);
		close(fds[1]);
		signal(SIGPIPE, SIG_DFL);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	size_t len = strlen(text), off = 0;
	bool wrote = true;
	while (off < len) {
		ssize_t n = write(fds[1], text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			wrote = false;
			break;
		}
		off += (size_t)n;
	}
	close(fds[1]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGPIPE, &old, NULL);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return fail(err, "打印命令“%s”无法运行（找不到命令？）", command);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail(err, "打印命令“%s”失败（退出状态 %d），回执未打印", command,
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (!wrote)
		return fail(err, "打印命令“%s”没有收完回执", command);
	return true;
}
