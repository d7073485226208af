/* The ledger from the command line: add, list, void, tally (done, return
 * and overdue are in promise.c). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "citizen.h"
#include "clerk.h"
#include "cmd.h"
#include "db.h"
#include "idcheck.h"
#include "ledger.h"
#include "period.h"
#include "phone.h"
#include "tally.h"
#include "text.h"

enum { OPT_CLERK = CLI_OPT_DRAFT_END, OPT_SEARCH, OPT_ALL, OPT_PERIOD };

static void cell(const char *s, int cols, bool right)
{
	cli_cell(s, cols, right);
}

/* The row's last cell, then the line ends. */
static void last_cell(const char *s, int cols, bool right)
{
	cli_cell(s, cols, right);
	cli_end_row();
}

static bool parse_count(struct cli *c, const char *what, const char *s, long long min,
			int64_t *out)
{
	long long v;
	if (!cli_parse_int(c, what, s, min, LEDGER_COUNT_MAX, &v))
		return false;
	*out = v;
	return true;
}

/* A count the matter's unit does not use would be stored and never
 * counted: the clerk meant another matter, or another figure.  (Imported
 * rows carry every column whatever the unit, so this is the command's
 * check, not core's.)  An unknown window or matter is left to core. */
bool cli_counts_fit_unit(struct cli *c, const struct entry_draft *d)
{
	const struct catalog_window *w = catalog_window(c->cat, d->window);
	const struct catalog_matter *m = w ? catalog_matter(c->cat, w, d->matter) : NULL;
	if (!m)
		return true;
	static const struct {
		const char *option, *what;
		size_t offset;
		bool (*wanted)(enum unit);
	} counts[] = {
		{ "--households", "户数", offsetof(struct entry_draft, households), unit_wants_households },
		/* A 人次 matter takes --persons too: a group at one 宣传. */
		{ "--persons", "人数", offsetof(struct entry_draft, persons), unit_sums_persons },
		{ "--quantity", "数量", offsetof(struct entry_draft, quantity), unit_wants_quantity },
	};
	bool all_zero = true;
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int64_t v = *(const int64_t *)((const char *)d + counts[i].offset);
		if (v >= 0 && !counts[i].wanted(m->unit)) {
			cli_error("%s“%s”按%s计数，不接受 %s（%s）", w->name, m->name,
				  unit_name(m->unit), counts[i].option, counts[i].what);
			return false;
		}
		if (counts[i].wanted(m->unit) && v != 0)
			all_zero = false;
	}
	if (!unit_counts_entries(m->unit) && all_zero) {
		cli_error("%s“%s”按%s计数，%s为 0：没有可计的", w->name, m->name,
			  unit_name(m->unit), m->unit == UNIT_HU_REN ? "户数和人数不能都" :
			  m->unit == UNIT_HU ? "户数不能" :
			  unit_sums_persons(m->unit) ? "人数不能" : "数量不能");
		return false;
	}
	return true;
}

int cli_draft_option(struct cli *c, int opt, struct entry_draft *d)
{
	switch (opt) {
	case 'w': d->window = optarg; break;
	case 'm': d->matter = optarg; break;
	case 'a': d->applicant = optarg; break;
	case 'i': d->id_number = optarg; break;
	case 'v': d->village = optarg; break;
	case 'c': d->category = optarg; break;
	case 'n': d->note = optarg; break;
	case CLI_OPT_PHONE: d->phone = optarg; break;
	case 'd':
		if (!cli_parse_date(c, "--date", optarg))
			return -1;
		d->date = optarg;
		break;
	case 't':
		if (!period_valid_time(optarg)) {
			cli_usage(c, "--time 应为 HH:MM，而不是“%s”", optarg);
			return -1;
		}
		d->time = optarg;
		break;
	case 's': {
		enum txn_status s;
		if (!status_parse(optarg, &s)) {
			cli_usage(c, "--status 应为 受理、办结、退回 或 转办，而不是“%s”", optarg);
			return -1;
		}
		d->status = optarg;
		break;
	}
	case CLI_OPT_HOUSEHOLDS:
		return parse_count(c, "--households", optarg, 0, &d->households) ? 1 : -1;
	case CLI_OPT_PERSONS:
		return parse_count(c, "--persons", optarg, 0, &d->persons) ? 1 : -1;
	case CLI_OPT_QUANTITY:
		return parse_count(c, "--quantity", optarg, 1, &d->quantity) ? 1 : -1;
	default:
		return 0;
	}
	return 1;
}

void cli_warn_repeat(struct cli *c, const char *serial)
{
	struct citizen_repeat r;
	char *err = NULL;
	/* Saved already: a question that cannot be asked costs only the
	 * warning. */
	if (citizen_repeat(c->db, serial, &r, &err))
		fprintf(stderr, "bianmin: 注意: 此证件号码本年已办理过同一事项（%s，%s）\n", r.serial,
			r.date);
	free(err);
}

int cli_cmd_add(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_DRAFT_LONGS,
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct entry_draft d = { .households = -1, .persons = -1, .quantity = -1 };
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, CLI_DRAFT_SHORTS, longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (cli_draft_option(c, opt, &d) < 0)
			return CLI_USAGE;
	}
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	if (!d.window)
		return cli_usage(c, "缺少 --window（窗口名称或代码）");
	if (!d.matter)
		return cli_usage(c, "缺少 --matter（事项名称或代码）");
	if (!cli_open(c, false, true))
		return CLI_FAIL;

	if (!cli_counts_fit_unit(c, &d))
		return CLI_FAIL;

	char serial[SERIAL_LEN];
	char *err = NULL;
	if (!ledger_record(c->db, c->cat, &d, current_login(), serial, &err))
		return cli_core_error(err);
	printf("%s\n", serial);
	cli_warn_repeat(c, serial);
	cli_promise_note(c, serial);
	return CLI_OK;
}

static bool found_one(const struct entry *e, void *ctx)
{
	(void)e;
	*(bool *)ctx = true;
	return false;
}

/* A --clerk filter names a registered account, or one that imported
 * entries carry; anything else is a typing slip that would show nothing
 * and look like a quiet day. */
static bool known_clerk(struct cli *c, const char *login)
{
	struct clerk k;
	if (clerk_get(c->db, login, &k, NULL)) {
		clerk_clear(&k);
		return true;
	}
	struct ledger_filter f = { .clerk = login, .include_voided = true, .limit = 1 };
	bool found = false;
	char *err = NULL;
	if (!ledger_query(c->db, c->cat, &f, found_one, &found, &err)) {
		cli_core_error(err);
		return false;
	}
	if (!found)
		cli_error("没有登录名为“%s”的经办人", login);
	return found;
}

/* An entry's own figure, in its matter's unit ("1项", "2户7人"). */
static const char *entry_figure(char *out, size_t outsz, const struct entry *e)
{
	struct tally_cell one = {
		.entries = 1,
		.households = e->households,
		.persons = e->persons,
		.quantity = e->quantity,
	};
	return tally_format(out, outsz, e->matter->unit, &one);
}

/* Wide enough for 特困人员申请终止审核 whole; longer names are cut with a
 * mark. */
#define LIST_MATTER_COLS 20

struct list_state {
	long long shown;
};

static void list_header(void)
{
	cell("编号", 16, false);
	cell("日期", 10, false);
	cell("时间", 5, false);
	cell("窗口", 8, false);
	cell("事项", LIST_MATTER_COLS, false);
	cell("分类", 4, false);
	cell("申请人", 16, false);
	cell("证件号码", 18, false);
	cell("联系电话", 13, false);
	cell("村", 8, false);
	cell("数量", 8, true);
	cell("状态", 4, false);
	cli_tail("经办人");
	cli_end_row();
}

static bool list_row(const struct entry *e, void *ctx)
{
	struct list_state *st = ctx;
	char masked[64], figure[64], phone[PHONE_LEN];
	cell(e->serial, 16, false);
	cell(e->date, 10, false);
	cell(e->time, 5, false);
	cell(e->window->name, 8, false);
	cell(e->matter->name, LIST_MATTER_COLS, false);
	cell(e->category, 4, false);
	cell(e->applicant, 16, false);
	cell(*e->id_number ? idcheck_mask(masked, sizeof masked, e->id_number) : "", 18, false);
	cell(phone_mask(phone, sizeof phone, e->phone), 13, false);
	cell(e->village ? e->village->name : "", 8, false);
	cell(entry_figure(figure, sizeof figure, e), 8, true);
	cell(e->voided_at ? "作废" : status_name(e->status), 4, false);
	cli_tail(e->clerk);
	cli_promise_tail(e);
	if (e->voided_at) {
		cell("", 0, false);
		if (e->corrected_by) {
			cli_tail("更正为 ");
			cli_tail(e->corrected_by);
			cli_tail("  ");
		}
		cli_tail("作废原因: ");
		cli_tail(e->void_reason ? e->void_reason : "");
	} else if (e->corrects) {
		cell("", 0, false);
		cli_tail("更正自 ");
		cli_tail(e->corrects);
	}
	cli_end_row();
	st->shown++;
	return true;
}

/* --date, --from and --to as typed: cli_parse_range checks them together,
 * after the operands. */
struct range_opts {
	const char *date, *from, *to;
};

static bool range_opt(int opt, struct range_opts *r)
{
	const char **slot = opt == 'd' ? &r->date : opt == OPT_FROM ? &r->from
			  : opt == OPT_TO ? &r->to : NULL;
	if (slot)
		*slot = optarg;
	return slot != NULL;
}

int cli_cmd_list(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_DATE_OPTION,
		CLI_FROM_OPTION,
		CLI_TO_OPTION,
		{ "window", required_argument, NULL, 'w' },
		{ "matter", required_argument, NULL, 'm' },
		{ "clerk", required_argument, NULL, OPT_CLERK },
		{ "search", required_argument, NULL, OPT_SEARCH },
		{ "all", no_argument, NULL, OPT_ALL },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *window = NULL, *matter = NULL;
	struct range_opts r = { 0 };
	struct ledger_filter f = { 0 };
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "d:w:m:", longs, &status)) != -1) {
		if (range_opt(opt, &r))
			continue;
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'w': window = optarg; break;
		case 'm': matter = optarg; break;
		case OPT_CLERK: f.clerk = optarg; break;
		case OPT_SEARCH: f.text = optarg; break;
		case OPT_ALL: f.include_voided = true; break;
		}
	}
	if (!cli_operands(c, argc, argv, 0, 0))
		return CLI_USAGE;
	/* A search looks through every day unless told which; a plain list
	 * shows today. */
	if (f.text && !r.date && !r.from && !r.to)
		f.from = f.to = NULL;
	else if (!cli_parse_range(c, r.date, r.from, r.to, true, &f.from, &f.to))
		return CLI_USAGE;
	if (!cli_open(c, false, true) || !cli_find_matter(c, window, matter, &f.window, &f.matter) ||
	    (f.clerk && !known_clerk(c, f.clerk)))
		return CLI_FAIL;

	/* What this account may see, ID numbers masked: core's rules. */
	f.viewer = current_login();
	struct list_state st = { 0 };
	char *err = NULL;
	list_header();
	if (!ledger_query(c->db, c->cat, &f, list_row, &st, &err))
		return cli_core_error(err);
	printf("共 %lld 件\n", st.shown);
	return CLI_OK;
}

static bool copy_serial(const struct entry *e, void *ctx)
{
	snprintf(ctx, SERIAL_LEN, "%s", e->serial);
	return false;
}

/* The serial as stored (SCZR-2021-000001), however it was typed: the
 * confirmation must match the paper register and `list`. */
const char *cli_stored_serial(struct cli *c, const char *typed, char out[SERIAL_LEN])
{
	char *err = NULL;
	if (ledger_get(c->db, c->cat, typed, copy_serial, out, &err))
		return out;
	free(err);
	return typed;
}

/* void and return: SERIAL and a reason that says something. */
static int serial_with_reason(struct cli *c, int argc, char **argv, const char **serial,
			      const char **reason)
{
	static const struct option longs[] = {
		{ "reason", required_argument, NULL, 'r' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	int opt, status;
	*reason = NULL;
	while ((opt = cli_getopt(c, argc, argv, "r:", longs, &status)) != -1) {
		switch (opt) {
		case CLI_STOP:
			return status;
		case 'r': *reason = optarg; break;
		}
	}
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	*serial = c->operand[0];
	if (!*reason)
		return cli_usage(c, "缺少 --reason（原因必填）");
	if (!cli_nonblank(c, "--reason", *reason))
		return CLI_USAGE;
	return -1;
}

int cli_cmd_void(struct cli *c, int argc, char **argv)
{
	const char *serial = NULL, *reason = NULL;
	int status = serial_with_reason(c, argc, argv, &serial, &reason);
	if (status >= 0)
		return status;
	if (!cli_open(c, false, true))
		return CLI_FAIL;
	char *err = NULL;
	if (!ledger_void(c->db, serial, reason, current_login(), &err))
		return cli_core_error(err);
	char stored[SERIAL_LEN];
	printf("已作废 %s\n", cli_stored_serial(c, serial, stored));
	return CLI_OK;
}

/* --period: the day, week (Monday to Sunday) or calendar month holding
 * --date (default today); not with --from/--to, which name their own. */
static bool tally_span(struct cli *c, const struct range_opts *r, const char *period,
		       enum period_kind *kind, char from[DATE_LEN], char to[DATE_LEN])
{
	const char *f, *t;
	*kind = PERIOD_DAY;
	if (period && !period_kind_parse(period, kind)) {
		cli_usage(c, "--period 应为 day、week 或 month，而不是“%s”", period);
		return false;
	}
	if (period && (r->from || r->to)) {
		cli_usage(c, "--period 不能与 --from/--to 同时使用（--date 选定其中一天）");
		return false;
	}
	if (!cli_parse_range(c, r->date, r->from, r->to, false, &f, &t))
		return false;
	if (strcmp(f, t) == 0) {
		period_bounds(*kind, f, from, to);
	} else {
		snprintf(from, DATE_LEN, "%s", f);
		snprintf(to, DATE_LEN, "%s", t);
	}
	return true;
}

int cli_cmd_tally(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_DATE_OPTION,
		CLI_FROM_OPTION,
		CLI_TO_OPTION,
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ "clerk", required_argument, NULL, OPT_CLERK },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	const char *clerk = NULL, *period = NULL;
	char from[DATE_LEN], to[DATE_LEN];
	enum period_kind kind;
	struct range_opts r = { 0 };
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, "d:", longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (range_opt(opt, &r))
			continue;
		if (opt == OPT_CLERK)
			clerk = optarg;
		else if (opt == OPT_PERIOD)
			period = optarg;
	}
	if (!cli_operands(c, argc, argv, 0, 0) || !tally_span(c, &r, period, &kind, from, to))
		return CLI_USAGE;
	if (!cli_open(c, false, true) || (clerk && !known_clerk(c, clerk)))
		return CLI_FAIL;

	struct tally t;
	char *err = NULL;
	if (!tally_compute(c->db, c->cat, from, to, clerk, &t, &err))
		return cli_core_error(err);
	char *center = db_setting(c->db, "center");
	if (center) {
		cli_put_plain(center);
		fputs("  ", stdout);
	}
	free(center);
	char label[96];
	if (r.from || r.to)
		printf("办件统计  %s 至 %s", from, to);
	else
		printf("办件统计  %s", period_label(kind, from, label, sizeof label));
	if (clerk)
		printf("  经办人 %s", clerk);
	fputc('\n', stdout);
	cell("窗口", 10, false);
	cell("事项", 28, false);
	last_cell("数量", 12, true);
	char figure[64];
	for (size_t i = 0; i < c->cat->nwindows; i++) {
		const struct catalog_window *w = &c->cat->windows[i];
		for (size_t j = 0; j < w->nmatters; j++) {
			size_t k = w->first_matter + j;
			const struct catalog_matter *m = &c->cat->matters[k];
			if (!m->active && t.matters[k].entries == 0)
				continue;
			cell(w->name, 10, false);
			cell(m->name, 28, false);
			last_cell(tally_format(figure, sizeof figure, m->unit, &t.matters[k]), 12, true);
		}
		cell(w->name, 10, false);
		cell("合计", 28, false);
		last_cell(tally_format(figure, sizeof figure, tally_window_unit(c->cat, w),
				       &t.windows[i]), 12, true);
	}
	cell("总计", 10, false);
	cell("", 28, false);
	last_cell(tally_format(figure, sizeof figure, UNIT_JIAN, &t.total), 12, true);
	tally_clear(&t);
	/* What a supervisor follows up: cases near or past their due day, and
	 * 差评 waiting for a call-back, as of the period's last day, or today
	 * while the period runs (its days to come have nothing overdue yet). */
	char today[DATE_LEN];
	period_today(today);
	const char *asof = strcmp(to, today) > 0 && strcmp(from, today) <= 0 ? today : to;
	if (!cli_print_promise_counts(c, asof) || !cli_print_pending_ratings(c, asof, false))
		return CLI_FAIL;
	return CLI_OK;
}
