/* Saving at a window's counter: the form's keys, the draft from its
 * fields checked and recorded (a refusal puts the cursor in the field
 * core names), what the status line says after a save, undoing it, and
 * the persons of a 人次 visit of several. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "citizen.h"
#include "entry_view.h"
#include "field.h"
#include "ledger.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/* After a save: what the status line says, and the undo key's serial. */
static void saved(struct entry_view *st, const char *serial, const struct catalog_matter *m)
{
	struct app *a = st->a;
	snprintf(st->last_saved, sizeof st->last_saved, "%s", serial);
	st->saved_at = time(NULL);
	/* The citizen is still here: the keys that serve them next. */
	char *said = m->time_limit_days > 0
		? xasprintf("已保存 %s  %s  %s 回执  %s 评价", serial, m->name,
			    keys_plain_name(ACT_RECEIPT, CTX_SAVED), keys_plain_name(ACT_RATE, CTX_SAVED))
		: xasprintf("已保存 %s  %s  %s 评价", serial, m->name,
			    keys_plain_name(ACT_RATE, CTX_SAVED));
	struct citizen_repeat r;
	char *err = NULL;
	/* Some matters repeat by nature: a word, never a refusal. */
	if (citizen_repeat(a->db, serial, &r, &err))
		app_error(a, "%s  注意: 此证件号码本年已办理过本事项 (%s, %s)", said, r.serial, r.date);
	else
		app_say(a, "%s", said);
	free(said);
	free(err);
}

void entry_save(struct entry_view *st, int64_t persons)
{
	struct app *a = st->a;
	const struct catalog_matter *m = entry_current(st);
	if (!m || !app_can_record(a) || !entry_may_record_here(st))
		return;
	if (entry_correcting(st)) {
		entry_correct_save(st);
		return;
	}
	const struct catalog_window *w = &a->cat->windows[st->window];
	struct entry_draft d = {
		.window = w->code,
		.matter = m->code,
		.date = a->today,
		.households = -1,
		.persons = persons,
		.quantity = -1,
	};
	char *err = NULL;
	struct entry_form_values vals;
	bool form = entry_form_needed(m);
	if (form) {
		int bad = entry_form_collect(&st->form, a->cat, &d, &vals, &err);
		if (bad >= 0) {
			entry_form_goto(&st->form, bad);
			st->focus = FOCUS_FORM;
			app_error_take(a, err);
			return;
		}
	}
	char serial[SERIAL_LEN];
	enum entry_field field;
	bool ok = ledger_record_field(a->db, a->cat, &d, a->clerk.login, serial, &field, &err);
	if (ok && form)
		citizen_names_note(st->form.names, d.applicant, d.id_number,
				   d.village ? catalog_village(a->cat, d.village) : NULL, 0);
	if (ok)
		entry_after_saved(&st->after, serial, m, d.applicant);
	if (form)
		entry_form_values_free(&vals);
	if (!ok) {
		if (form) {
			int bad = entry_form_index_of_field(&st->form, field);
			if (bad >= 0)
				entry_form_goto(&st->form, bad);
			st->focus = FOCUS_FORM;
		}
		app_error_take(a, err);
		return;
	}
	saved(st, serial, m);
	entry_form_clear_for_next(&st->form);
	if (form) {
		entry_form_goto(&st->form, 0);
		st->focus = FOCUS_FORM;
	}
}

/* The last save, voided at once: no question asked, the key is offered
 * only for a while after the save it undoes. */
void entry_save_undo(struct entry_view *st)
{
	struct app *a = st->a;
	if (!st->last_saved[0] || time(NULL) - st->saved_at > UNDO_SECONDS) {
		app_error(a, "只能在保存后两分钟内撤销; 更早的登记请用 %s 作废",
			  keys_first_name(ACT_VOID, CTX_MATTERS));
		return;
	}
	char voided[SERIAL_LEN], *err = NULL;
	if (!ledger_undo_last(a->db, st->last_saved, a->clerk.login, voided, &err)) {
		app_error_take(a, err);
		return;
	}
	st->last_saved[0] = '\0';
	entry_names_stale(st);
	app_say(a, "已撤销 %s (%s)", voided, LEDGER_UNDO_REASON);
}

void entry_save_persons(struct entry_view *st, enum action act, int key)
{
	struct app *a = st->a;
	if (act == ACT_BACK) {
		st->focus = FOCUS_MATTERS;
		return;
	}
	if (act != ACT_CONFIRM && act != ACT_DO_MATTER) {
		field_type(a, &st->persons, "人数", act, key);
		return;
	}
	char *typed = lineedit_text(&st->persons), digits[32];
	text_fold_digits(digits, sizeof digits, text_trim(typed));
	free(typed);
	char *end;
	long n = strtol(digits, &end, 10);
	if (!digits[0] || *end || n < 1 || n > LEDGER_COUNT_MAX) {
		app_error(a, "人数应为 1 到 %d 的整数", LEDGER_COUNT_MAX);
		return;
	}
	st->focus = FOCUS_MATTERS;
	entry_save(st, n);
}

void entry_save_form_key(struct entry_view *st, enum action act, int key)
{
	struct app *a = st->a;
	struct entry_form *f = &st->form;
	char *err = NULL;
	if (entry_form_picking(f) && entry_form_pick_act(f, act))
		return;
	switch (act) {
	case ACT_NEXT_FIELD:
	case ACT_ENTER_FIELD:
		if (!entry_form_accept(f, a->cat, &err)) {
			app_error_take(a, err);
			break;
		}
		if (f->at + 1 < f->nfields)
			entry_form_goto(f, f->at + 1);
		else if (act == ACT_ENTER_FIELD)
			entry_save(st, -1);
		break;
	case ACT_PREV_FIELD:
		if (f->at > 0)
			entry_form_goto(f, f->at - 1);
		break;
	case ACT_SAVE:
		if (entry_form_accept(f, a->cat, &err))
			entry_save(st, -1);
		else
			app_error_take(a, err);
		break;
	case ACT_PICK_CHOICE:
		if (!entry_form_pick_number(f, (size_t)(key - '0'), &err))
			app_error_take(a, err);
		break;
	case ACT_SWITCH_MATTER:
		/* What the bar says after a save: the digit changes matter, and
		 * is never typed as a name. */
		if ((size_t)(key - '0') > st->nmatters) {
			app_error(a, "没有第 %c 个事项", key);
			break;
		}
		list_forget_typed(&st->mlist);
		list_select(&st->mlist, (size_t)(key - '1'));
		entry_follow_matter(st);
		st->focus = FOCUS_MATTERS;
		break;
	case ACT_BACK:
		/* Esc in a list closes the list only: the form stays. */
		if (entry_form_picking(f))
			entry_form_close_picker(f);
		else if (entry_correcting(st))
			entry_correct_cancel(st); /* st is gone */
		else
			st->focus = FOCUS_MATTERS;
		break;
	default:
		if (!entry_saved_key(st, act))
			entry_form_edit(a, f, act, key);
		break;
	}
}
