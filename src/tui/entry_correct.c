#include "entry_correct.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citizen.h"
#include "entry_view.h"
#include "field.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/* The entry as read for its correction. */
struct found {
	struct app *a;
	bool found;
	size_t window;
	const struct catalog_matter *matter;
	struct entry_correct c;
};

static bool read_entry(const struct entry *e, void *arg)
{
	struct found *f = arg;
	struct entry_correct *c = &f->c;
	f->found = e->window && e->matter;
	if (!f->found)
		return false;
	f->window = (size_t)(e->window - f->a->cat->windows);
	f->matter = e->matter;
	const char *text[FF_COUNT] = {
		[FF_APPLICANT] = e->applicant, [FF_ID] = e->id_number,
		[FF_VILLAGE] = e->village ? e->village->name : "", [FF_CATEGORY] = e->category,
		[FF_NOTE] = e->note, [FF_PHONE] = e->phone,
	};
	for (int i = 0; i < FF_COUNT; i++)
		c->was[i] = xstrdup(text[i] ? text[i] : "");
	free(c->was[FF_HOUSEHOLDS]);
	free(c->was[FF_PERSONS]);
	free(c->was[FF_QUANTITY]);
	c->was[FF_HOUSEHOLDS] = xasprintf("%lld", (long long)e->households);
	c->was[FF_PERSONS] = xasprintf("%lld", (long long)e->persons);
	c->was[FF_QUANTITY] = xasprintf("%lld", (long long)e->quantity);
	snprintf(c->serial, sizeof c->serial, "%s", e->serial);
	snprintf(c->date, sizeof c->date, "%s", e->date);
	snprintf(c->time, sizeof c->time, "%s", e->time ? e->time : "");
	snprintf(c->status, sizeof c->status, "%s", status_name(e->status));
	c->clerk = xstrdup(e->clerk);
	return false;
}

void entry_correct_finish(struct entry_correct *c)
{
	for (int i = 0; i < FF_COUNT; i++) {
		free(c->was[i]);
		c->was[i] = NULL;
	}
	free(c->clerk);
	c->clerk = NULL;
	lineedit_finish(&c->reason);
}

bool entry_correcting(const struct entry_view *st)
{
	return st->fix.serial[0] != '\0';
}

bool entry_correct_open(struct app *a, const char *serial)
{
	char *err = NULL;
	if (!app_can_record(a))
		return false;
	if (!ledger_may_correct(a->db, serial, current_login(), &err)) {
		app_error_take(a, err);
		return false;
	}
	/* The form shows the whole ID number: read as the details are, the
	 * look on record. */
	struct found f = {.a = a};
	bool ok = ledger_detail(a->db, a->cat, serial, current_login(), read_entry, &f, &err);
	if (!ok)
		app_error_take(a, err);
	else if (!f.found)
		app_error(a, "找不到 %s", serial);
	else if (!f.matter->active)
		app_error(a, "事项“%s”已停用, 界面上不能更正; 请找主管用 bianmin correct", f.matter->name);
	else if (!entry_form_needed(f.matter))
		app_error(a, "%s不用填表, 没有可更正的内容; 记错了请按 %s 作废", f.matter->name,
			  keys_first_name(ACT_VOID, CTX_MATTERS));
	if (!ok || !f.found || !f.matter->active || !entry_form_needed(f.matter)) {
		entry_correct_finish(&f.c);
		return false;
	}
	view_push(a, &entry_screen, (int)f.window);
	struct entry_view *st = view_top(a)->state;
	if (st->refusal) {
		/* entry_open said why on the status line. */
		view_pop(a);
		entry_correct_finish(&f.c);
		return false;
	}
	struct lineedit reason = st->fix.reason;
	st->fix = f.c;
	st->fix.reason = reason;
	for (size_t i = 0; i < st->nmatters; i++)
		if (&a->cat->matters[st->matters[i]] == f.matter)
			list_select(&st->mlist, i);
	entry_follow_matter(st);
	for (int i = 0; i < st->form.nfields; i++) {
		enum form_field ff = st->form.fields[i];
		lineedit_set(&st->form.edit[ff], st->fix.was[ff]);
	}
	entry_form_goto(&st->form, 0);
	/* The names open once the clerk types, not over the entry shown. */
	entry_form_close_picker(&st->form);
	st->focus = FOCUS_FORM;
	app_say(a, "更正 %s: 改好后按 %s 保存, %s 放弃", serial, keys_plain_name(ACT_SAVE, CTX_FORM),
		keys_first_name(ACT_BACK, CTX_FORM));
	return true;
}

/* The form as the corrected entry's draft, checked as a new entry would
 * be, the cursor put in the field a refusal names.  The entry's day,
 * time, clerk and status stay: a correction fixes what was written down,
 * not what happened (as `bianmin correct`). */
static bool collect(struct entry_view *st, struct entry_draft *d, struct entry_form_values *v)
{
	struct app *a = st->a;
	const struct catalog_matter *m = entry_current(st);
	*d = (struct entry_draft){
		.window = a->cat->windows[st->window].code,
		.matter = m->code,
		.date = st->fix.date,
		.time = st->fix.time,
		.clerk = st->fix.clerk,
		.status = st->fix.status,
		.households = -1,
		.persons = -1,
		.quantity = -1,
	};
	char *err = NULL;
	int bad = entry_form_collect(&st->form, a->cat, d, v, &err);
	enum entry_field field = FIELD_NONE;
	if (bad < 0 && !ledger_check_field(a->cat, d, &field, &err)) {
		entry_form_values_free(v);
		bad = entry_form_index_of_field(&st->form, field);
		if (bad < 0)
			bad = st->form.at;
	}
	if (bad < 0)
		return true;
	entry_form_goto(&st->form, bad);
	st->focus = FOCUS_FORM;
	app_error_take(a, err);
	return false;
}

/* "更正申请人、证件号码": the fields the clerk changed; NULL for none. */
static char *changes(const struct entry_view *st, const struct entry_form_values *v)
{
	struct strbuf said = {0};
	for (int i = 0; i < st->form.nfields; i++) {
		enum form_field ff = st->form.fields[i];
		if (strcmp(v->text[ff], st->fix.was[ff]) == 0)
			continue;
		strbuf_add(&said, said.len ? "、" : "更正");
		strbuf_add(&said, entry_form_label(ff));
	}
	return said.s;
}

void entry_correct_save(struct entry_view *st)
{
	struct app *a = st->a;
	struct entry_draft d;
	struct entry_form_values v;
	if (!collect(st, &d, &v))
		return;
	char *said = changes(st, &v);
	entry_form_values_free(&v);
	if (!said) {
		app_error(a, "内容没有改动: 改好后再保存, 或按 %s 放弃更正",
			  keys_first_name(ACT_BACK, CTX_FORM));
		return;
	}
	lineedit_set(&st->fix.reason, said);
	free(said);
	st->focus = FOCUS_FIX;
}

/* Back on the screen that chose the entry, after the correction of `old`
 * by `fresh`: a window's list of today's entries is done choosing, its
 * names are read again (the name corrected away is no longer offered),
 * and when the entry was the one it saved last, the receipt and rating
 * keys serve the corrected one; there is no undoing a correction. */
static void back_from(struct app *a, const char *old, const char *fresh,
		      const struct catalog_matter *m, const char *applicant)
{
	struct view *v = view_top(a);
	if (v->ops != &entry_screen)
		return;
	struct entry_view *st = v->state;
	if (st->focus == FOCUS_VOID) {
		entry_list_end(&st->entries);
		st->focus = st->before_void;
	}
	entry_names_stale(st);
	if (strcmp(st->after.serial, old) == 0)
		entry_after_saved(&st->after, fresh, m, applicant);
	/* The correction is now this account's last save, and it is not undone:
	 * the key must not reach back to the save before it. */
	st->last_saved[0] = '\0';
}

void entry_correct_key(struct entry_view *st, enum action act, int key)
{
	struct app *a = st->a;
	if (act == ACT_BACK) {
		st->focus = FOCUS_FORM;
		return;
	}
	if (act != ACT_CONFIRM) {
		field_type(a, &st->fix.reason, "更正原因", act, key);
		return;
	}
	char *reason = lineedit_text(&st->fix.reason);
	struct entry_draft d;
	struct entry_form_values v;
	if (!text_trim(reason)[0]) {
		app_error(a, "请填写更正原因");
		free(reason);
		return;
	}
	if (!collect(st, &d, &v)) {
		free(reason);
		return;
	}
	char old[SERIAL_LEN], fresh[SERIAL_LEN], *err = NULL;
	snprintf(old, sizeof old, "%s", st->fix.serial);
	bool ok = ledger_correct(a->db, a->cat, old, text_trim(reason), &d, current_login(), fresh,
				 &err);
	char *applicant = xstrdup(d.applicant ? d.applicant : "");
	const struct catalog_matter *m = entry_current(st);
	entry_form_values_free(&v);
	free(reason);
	if (!ok) {
		free(applicant);
		st->focus = FOCUS_FORM;
		app_error_take(a, err);
		return;
	}
	view_pop(a); /* st is gone */
	back_from(a, old, fresh, m, applicant);
	free(applicant);
	/* The corrected entry is a save like any: a repeat is worth a word. */
	struct citizen_repeat r;
	if (citizen_repeat(a->db, fresh, &r, &err))
		app_error(a, "已更正 %s, 新编号 %s  注意: 此证件号码本年已办理过本事项 (%s, %s)", old,
			  fresh, r.serial, r.date);
	else
		app_say(a, "已更正 %s, 新编号 %s", old, fresh);
	free(err);
}

void entry_correct_cancel(struct entry_view *st)
{
	struct app *a = st->a;
	char old[SERIAL_LEN];
	snprintf(old, sizeof old, "%s", st->fix.serial);
	view_pop(a);
	app_say(a, "未更正 %s, 什么也没有保存", old);
}

int entry_correct_draw(struct entry_view *st, int y)
{
	struct app *a = st->a;
	int cols = ui_get_area()->cols;
	char *head = xasprintf("更正 %s  原登记: %s%s%s  %s", st->fix.serial, st->fix.date,
			       st->fix.time[0] ? " " : "", st->fix.time,
			       app_clerk_name(a, st->fix.clerk));
	ui_put(y, 1, cols - 2, head, false, false, UI_TITLE);
	free(head);
	if (st->focus != FOCUS_FIX)
		return 1;
	const char *label = "更正原因: ";
	int lw = text_width(label);
	ui_put(y + 1, 1, lw, label, false, false, UI_ERROR);
	field_draw(a, &st->fix.reason, y + 1, 1 + lw, cols - lw - 3, true);
	return 2;
}
