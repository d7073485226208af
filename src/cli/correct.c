/* bianmin correct SERIAL --reason R [add's options]: 更正 in one step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ledger.h"

/* The old entry's values, copied out of the query's row. */
struct old_entry {
	bool found;
	char *window, *matter, *date, *time, *applicant, *id_number, *village, *category;
	char *status, *note, *clerk;
	int64_t households, persons, quantity;
};

static bool keep_old(const struct entry *e, void *ctx)
{
	struct old_entry *o = ctx;
	o->found = true;
	o->window = xstrdup(e->window->code);
	o->matter = xstrdup(e->matter->code);
	o->date = xstrdup(e->date);
	o->time = xstrdup(e->time);
	o->applicant = xstrdup(e->applicant);
	o->id_number = xstrdup(e->id_number);
	o->village = xstrdup(e->village ? e->village->code : "");
	o->category = xstrdup(e->category);
	o->status = xstrdup(status_name(e->status));
	o->note = xstrdup(e->note);
	o->clerk = xstrdup(e->clerk);
	o->households = e->households;
	o->persons = e->persons;
	o->quantity = e->quantity;
	return false;
}

static void old_clear(struct old_entry *o)
{
	char **s[] = { &o->window, &o->matter, &o->date, &o->time, &o->applicant, &o->id_number,
		       &o->village, &o->category, &o->status, &o->note, &o->clerk };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		free(*s[i]);
}

static const char *either(const char *given, const char *old)
{
	return given ? given : old;
}

int cli_cmd_correct(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		CLI_DRAFT_LONGS,
		{ "reason", required_argument, NULL, 'r' },
		CLI_HELP_OPTION,
		{ NULL, 0, NULL, 0 },
	};
	struct entry_draft given = { .households = -1, .persons = -1, .quantity = -1 };
	const char *reason = NULL;
	int opt, status;
	while ((opt = cli_getopt(c, argc, argv, CLI_DRAFT_SHORTS "r:", longs, &status)) != -1) {
		if (opt == CLI_STOP)
			return status;
		if (opt == 'r')
			reason = optarg;
		else if (cli_draft_option(c, opt, &given) < 0)
			return CLI_USAGE;
	}
	if (!cli_operands(c, argc, argv, 1, 1))
		return CLI_USAGE;
	if (!reason)
		return cli_usage(c, "缺少 --reason（更正原因必填）");
	if (!cli_nonblank(c, "--reason", reason))
		return CLI_USAGE;
	const char *serial = c->operand[0];
	if (!cli_open(c, false, true))
		return CLI_FAIL;

	struct old_entry o = { 0 };
	char *err = NULL;
	if (!ledger_get(c->db, c->cat, serial, keep_old, &o, &err))
		return cli_core_error(err);
	if (!o.found)
		return cli_error("编号 %s 不存在", serial);

	/* The old entry's values, each option given taking its field's place
	 * ("" clears a text).  What the entry was done by and when stays:
	 * a correction fixes what was written down, not what happened. */
	struct entry_draft d = {
		.window = either(given.window, o.window),
		.matter = either(given.matter, o.matter),
		.date = either(given.date, o.date),
		.time = either(given.time, o.time),
		.applicant = either(given.applicant, o.applicant),
		.id_number = either(given.id_number, o.id_number),
		.village = either(given.village, o.village),
		.category = either(given.category, o.category),
		.note = either(given.note, o.note),
		.clerk = o.clerk,
		.households = given.households >= 0 ? given.households : o.households,
		.persons = given.persons >= 0 ? given.persons : o.persons,
		.quantity = given.quantity >= 0 ? given.quantity : o.quantity,
	};
	/* A new matter starts from its own status (a 承诺件 is 受理). */
	bool same_matter = !given.window && !given.matter;
	d.status = given.status ? given.status : same_matter ? o.status : NULL;
	/* Counts are checked as given: the old entry's 1s of a unit that does
	 * not use them are its defaults, not the clerk's figures; a changed
	 * matter drops the counts its unit does not take. */
	struct entry_draft counts = given;
	counts.window = d.window;
	counts.matter = d.matter;
	int rc = CLI_OK;
	if (!same_matter) {
		const struct catalog_window *w = catalog_window(c->cat, d.window);
		const struct catalog_matter *m = w ? catalog_matter(c->cat, w, d.matter) : NULL;
		if (m) {
			if (!unit_wants_households(m->unit) && given.households < 0)
				d.households = -1;
			if (!unit_sums_persons(m->unit) && given.persons < 0)
				d.persons = -1;
			if (!unit_wants_quantity(m->unit) && given.quantity < 0)
				d.quantity = -1;
			if (!catalog_has_category(m, d.category) && !given.category)
				d.category = NULL;
		}
	}
	char fresh[SERIAL_LEN];
	if (!cli_counts_fit_unit(c, &counts))
		rc = CLI_FAIL;
	else if (!ledger_correct(c->db, c->cat, serial, reason, &d, current_login(), fresh, &err))
		rc = cli_core_error(err);
	else {
		printf("%s\n", fresh);
		cli_warn_repeat(c, fresh);
	}
	old_clear(&o);
	return rc;
}
