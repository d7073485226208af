/* bianmin show SERIAL: the one detail view of the command line, the only
 * place it prints a full ID number or phone number (DESIGN 11).  Who may look, and the
 * audit line of the look, are core's (ledger_detail). */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ledger.h"

static void field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("%s: ", label);
	cli_tail(value);
	cli_end_row();
}

/* A stored timestamp "2021-03-15T09:30:00" as people write it. */
static void field_time(const char *label, const char *iso)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%s", iso ? iso : "");
	char *t = strchr(buf, 'T');
	if (t)
		*t = ' ';
	field(label, buf);
}

static void field_int(const char *label, long long n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", n);
	field(label, buf);
}

static bool print_detail(const struct entry *e, void *ctx)
{
	(void)ctx;
	char when[32];
	snprintf(when, sizeof when, "%s %s", e->date, e->time);
	field("编号", e->serial);
	field("日期", when);
	field("窗口", e->window->name);
	field("事项", e->matter->name);
	field("分类", e->category);
	field("申请人", e->applicant);
	field("证件号码", e->id_number);
	field("联系电话", e->phone);
	field("村", e->village ? e->village->name : NULL);
	enum unit u = e->matter->unit;
	if (unit_wants_households(u))
		field_int("户数", e->households);
	if (unit_wants_persons(u))
		field_int("人数", e->persons);
	if (unit_wants_quantity(u))
		field_int("数量", e->quantity);
	field("状态", e->voided_at ? "作废" : status_name(e->status));
	field("承诺办结", e->due_on);
	field("办结日期", e->done_on);
	field("更正自", e->corrects);
	field("更正为", e->corrected_by);
	field("经办人", e->clerk);
	field_time("登记时间", e->created_at);
	field("备注", e->note);
	field_time("作废时间", e->voided_at);
	field("作废人", e->voided_by);
	field("作废原因", e->void_reason);
	return false;
}

int cli_cmd_show(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "", longs, &status)) != -1)
		if (opt == CLI_STOP)
			return status;
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *err = NULL;
	if (!ledger_detail(c->db, c->cat, c->operand[0], current_login(), print_detail, NULL, &err))
		return cli_core_error(err);
	return CLI_OK;
}
