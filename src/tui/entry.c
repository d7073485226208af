/* A window's counter screen: its matters with today's figures on the left,
 * the entry form of the chosen matter on the right, today's entries below.
 * A 人次 matter without categories has no form: picking it and pressing
 * Enter records one visit.  The form holds only what the matter needs. */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "citizen.h"
#include "entry_after.h"
#include "entry_form.h"
#include "entry_list.h"
#include "entry_view.h"
#include "field.h"
#include "idcheck.h"
#include "ledger.h"
#include "rating.h"
#include "list.h"
#include "tally.h"
#include "text.h"
#include "tui.h"
#include "util.h"


/* The window's names for completion in 申请人, read once, when the form
 * is first used: the largest window of a 25-year ledger holds some
 * 150,000 (tests/bench/RESULTS.md). */
static void load_names(struct entry_view *st)
{
	if (st->names_tried)
		return;
	st->names_tried = true;
	char *err = NULL;
	entry_form_set_names(&st->form, citizen_names_load(st->a->db, st->a->cat,
							   &st->a->cat->windows[st->window], &err));
	free(err); /* completion is a help: the form works without it */
}

void entry_names_stale(struct entry_view *st)
{
	entry_form_set_names(&st->form, NULL);
	st->names_tried = false;
}

/* Layout: rows 2 .. 2+upper-1 hold matters and form; below a rule, the
 * list of today's entries (or the picker's choices) to the area's end. */
enum { LEFT_W = 39, RX = 41, LABEL_W = 10 };
/* Under the matters: the rule, the list's heading, at least four entries. */
enum { BELOW_UPPER = 1 + 1 + 4, FORM_ROWS = 10 };

/* Ten rows hold the longest form; more when a window has many matters,
 * but today's entries keep at least four rows (the list scrolls). */
static int upper_rows(const struct entry_view *st, const struct view *v)
{
	int rows = (int)st->nmatters + 2;
	int most = v->area.rows - 2 - BELOW_UPPER;
	if (rows > most)
		rows = most;
	return rows < FORM_ROWS ? FORM_ROWS : rows;
}

const struct catalog_matter *entry_current(const struct entry_view *st)
{
	return st->nmatters ? &st->a->cat->matters[st->matters[st->mlist.sel]] : NULL;
}

static size_t matter_count(void *ctx)
{
	return ((struct entry_view *)ctx)->nmatters;
}

static const char *matter_key(void *ctx, size_t i)
{
	struct entry_view *st = ctx;
	return st->a->cat->matters[st->matters[i]].code;
}

static void matter_row(void *ctx, size_t i, int y, bool selected)
{
	struct entry_view *st = ctx;
	const struct catalog_matter *m = &st->a->cat->matters[st->matters[i]];
	enum ui_style s = selected ? UI_SELECTED : UI_NORMAL;
	if (selected && st->focus != FOCUS_MATTERS)
		s = UI_TITLE;
	char label[96], fig[32] = "";
	snprintf(label, sizeof label, "%zu %s", i + 1, m->name);
	if (st->figures)
		tally_format(fig, sizeof fig, m->unit, &st->figures->matters[st->matters[i]]);
	ui_put(y, 1, 1, "", true, false, s);
	ui_put(y, 2, 22, "", true, false, s);
	ui_put(y, 2, 21, label, true, false, s);
	ui_put(y, 24, 5, m->code, true, false, s);
	ui_put(y, 29, 9, fig, true, true, s);
	ui_put(y, 38, 1, "", true, false, s);
}

static const struct list_ops matter_list = {
	.count = matter_count,
	.draw = matter_row,
	.key = matter_key,
};

static void entry_open(struct app *a, struct view *v, int arg)
{
	struct entry_view *st = v->state;
	const struct catalog_window *w = &a->cat->windows[arg];
	st->a = a;
	st->window = (size_t)arg;
	st->matters = xcalloc(w->nmatters, sizeof *st->matters);
	st->nmatters = 0;
	for (size_t i = 0; i < w->nmatters; i++)
		if (a->cat->matters[w->first_matter + i].active)
			st->matters[st->nmatters++] = w->first_matter + i;
	list_init(&st->mlist, &matter_list, st, false);
	list_sync(&st->mlist);
	st->focus = FOCUS_MATTERS;
	entry_form_init(&st->form);
	entry_form_set_matter(&st->form, entry_current(st));
	entry_list_init(&st->entries, a, w);
	lineedit_init(&st->persons, 6);
	lineedit_init(&st->fix.reason, LEDGER_REASON_MAX);
	entry_after_init(&st->after, a);
	/* Said at the door, not after a form is typed and refused. */
	if (!ledger_may_record(a->db, a->cat, w->code, current_login(), &st->refusal)) {
		if (!st->refusal)
			st->refusal = xstrdup("当前账号不能在此窗口登记");
		ui_unambiguous(st->refusal);
		app_error(a, "%s", st->refusal);
	}
}

/* True when this account may record here; else says why. */
bool entry_may_record_here(struct entry_view *st)
{
	if (!st->refusal)
		return true;
	app_error(st->a, "%s", st->refusal);
	return false;
}

static void entry_done(struct app *a, struct view *v)
{
	struct entry_view *st = v->state;
	(void)a;
	entry_form_set_names(&st->form, NULL);
	entry_form_finish(&st->form);
	entry_correct_finish(&st->fix);
	entry_list_finish(&st->entries);
	lineedit_finish(&st->persons);
	entry_after_finish(&st->after);
	free(st->refusal);
	free(st->matters);
}

/* The form follows the matter with the list's cursor (the stack moves
 * the cursor; the form catches up before the next draw or key). */
void entry_follow_matter(struct entry_view *st)
{
	if (st->form.matter != entry_current(st))
		entry_form_set_matter(&st->form, entry_current(st));
}

/* ---- drawing ---- */

static void draw_matters(struct entry_view *st, const struct view *v, const struct tally *t)
{
	ui_put(2, 2, 21, "事项", true, false, UI_TITLE);
	ui_put(2, 24, 5, "代码", true, false, UI_TITLE);
	ui_put(2, 29, 9, app_backdating(st->a) ? "当日" : "今日", true, true, UI_TITLE);
	st->figures = t;
	list_draw(&st->mlist, 3, upper_rows(st, v) - 1);
	st->figures = NULL;
	ui_vrule(2, LEFT_W, upper_rows(st, v));
}

static void draw_hint(struct entry_view *st, const struct view *v, int y)
{
	int w = v->area.cols - RX - 1;
	const struct catalog_matter *m = entry_current(st);
	if (st->focus == FOCUS_PERSONS) {
		ui_put(y, RX, 8, "人数:", false, false, UI_TITLE);
		field_draw(st->a, &st->persons, y, RX + 8, 8, true);
		ui_put(y, RX + 17, w - 17, "Enter 记一次", false, false, UI_DIM);
		return;
	}
	if (st->focus == FOCUS_MATTERS) {
		char *hint = NULL;
		if (st->mlist.typed[0])
			hint = xasprintf("代码: %s", st->mlist.typed);
		else if (m)
			hint = xasprintf("%s %s", keys_first_name(ACT_DO_MATTER, CTX_MATTERS),
					 entry_form_needed(m) ? "开始登记" : "记一次");
		if (hint)
			ui_put(y, RX, w, hint, false, false, UI_NORMAL);
		free(hint);
		return;
	}
	if (st->focus != FOCUS_FORM)
		return;
	char *msg = NULL;
	bool bad = false;
	entry_form_hint(&st->form, st->a->cat, &msg, &bad);
	if (!msg)
		msg = xasprintf("%s 下一栏   %s 保存", keys_first_name(ACT_ENTER_FIELD, CTX_FORM),
				keys_plain_name(ACT_SAVE, CTX_FORM));
	ui_put(y, RX, w, msg, false, false, bad ? UI_ERROR : UI_NORMAL);
	free(msg);
}

static void draw_form(struct entry_view *st, const struct view *v)
{
	const struct catalog_matter *m = entry_current(st);
	int w = v->area.cols - RX - 1;
	if (!m) {
		ui_put(2, RX, w, "本窗口没有可办理的事项", false, false, UI_ERROR);
		return;
	}
	ui_put(2, RX, w, m->name, false, false, UI_TITLE);
	ui_printf(3, RX, w, UI_DIM, "单位: %s%s", unit_name(m->unit),
		  m->time_limit_days > 0 ? "  承诺件" : "");
	if (st->refusal) {
		ui_put(4, RX, w, "本账号不能在此窗口登记:", false, false, UI_ERROR);
		ui_wrap(5, RX, w, upper_rows(st, v) - 4, st->refusal, UI_ERROR);
		return;
	}
	if (!entry_form_needed(m)) {
		ui_put(4, RX, w, "人次事项, 不需填表:", false, false, UI_NORMAL);
		char *say = xasprintf("按 %s 记一次.", keys_first_name(ACT_DO_MATTER, CTX_MATTERS));
		ui_put(5, RX, w, say, false, false, UI_NORMAL);
		free(say);
		say = xasprintf("多人 (如一场宣传): 按 %s 输入人数.",
				keys_first_name(ACT_PERSONS, CTX_MATTERS));
		ui_put(6, RX, w, say, false, false, UI_DIM);
		free(say);
	} else {
		for (int i = 0; i < st->form.nfields; i++) {
			int y = 4 + i;
			enum form_field f = st->form.fields[i];
			bool focus = st->focus == FOCUS_FORM && i == st->form.at;
			ui_put(y, RX, LABEL_W, entry_form_label(f), true, false,
			       focus ? UI_TITLE : UI_NORMAL);
			field_draw(st->a, &st->form.edit[f], y, RX + LABEL_W, w - LABEL_W, focus);
		}
	}
	draw_hint(st, v, 2 + upper_rows(st, v) - 1);
}

static void entry_draw(struct app *a, struct view *v)
{
	struct entry_view *st = v->state;
	entry_follow_matter(st);
	const struct catalog_window *w = &a->cat->windows[st->window];
	struct tally t = {0};
	char *err = NULL;
	bool have = tally_compute(a->db, a->cat, a->today, a->today, NULL, &t, &err);

	char left[96], right[160];
	snprintf(left, sizeof left, "%s窗口%s", w->name, entry_correcting(st) ? "  更正" : "");
	bool backdating = app_backdating(a);
	snprintf(right, sizeof right, "%s%s   %s   %s %lld 件", backdating ? "补录 " : "",
		 a->today, a->clerk_known ? a->clerk.name : "(账号未登记)",
		 backdating ? "当日" : "今日",
		 have ? (long long)t.windows[st->window].entries : 0LL);
	ui_title(left, right);
	ui_rule(1, 0, v->area.cols);
	draw_matters(st, v, have ? &t : NULL);
	tally_clear(&t);
	if (!have) {
		app_error_take(a, err);
		err = NULL;
	}
	draw_form(st, v);

	int rule_y = 2 + upper_rows(st, v);
	ui_rule(rule_y, 0, v->area.cols);
	int y = rule_y + 1;
	if (entry_correcting(st))
		y += entry_correct_draw(st, y);
	if (st->focus == FOCUS_FORM && entry_form_picking(&st->form))
		entry_form_draw_picker(&st->form, a->cat, y, v->area.rows - 1);
	else if (st->focus == FOCUS_RATE)
		entry_after_draw(&st->after, y, v->area.rows - y);
	else
		entry_list_draw(&st->entries, y, v->area.rows - y);
}

/* ---- actions ---- */

static void type_code(struct entry_view *st, int key)
{
	int c = tolower(key);
	if (!list_type(&st->mlist, c))
		app_error(st->a, "没有代码为 %s%c 的事项", st->mlist.typed, c);
	entry_follow_matter(st);
}

void entry_begin_rate(struct entry_view *st)
{
	if (!entry_after_begin_rate(&st->after))
		return;
	st->before_void = st->focus;
	st->focus = FOCUS_RATE;
}

void entry_begin_void(struct entry_view *st, bool correcting)
{
	if (!app_can_record(st->a) || !entry_list_begin(&st->entries, correcting))
		return;
	st->before_void = st->focus;
	st->focus = FOCUS_VOID;
}

/* Leaving the window drops the form: a half-filled one only on a second
 * Esc, so a slip of the finger does not lose a citizen's details. */
static void leave_window(struct entry_view *st, bool asked)
{
	const struct catalog_matter *m = entry_current(st);
	if (!asked && m && entry_form_needed(m) && entry_form_has_input(&st->form)) {
		st->discard_asked = true;
		app_error(st->a, "表单未保存, 再按 %s 放弃", keys_first_name(ACT_BACK, CTX_MATTERS));
		return;
	}
	view_pop(st->a);
}

bool entry_saved_key(struct entry_view *st, enum action act)
{
	if (entry_correcting(st) && (act == ACT_VOID || act == ACT_CORRECT || act == ACT_UNDO ||
				     act == ACT_RECEIPT || act == ACT_RATE)) {
		app_error(st->a, "正在更正 %s: 先保存, 或按 %s 放弃", st->fix.serial,
			  keys_first_name(ACT_BACK, CTX_FORM));
		return true;
	}
	switch (act) {
	case ACT_VOID:
	case ACT_CORRECT:
		entry_begin_void(st, act == ACT_CORRECT);
		return true;
	case ACT_UNDO:
		entry_save_undo(st);
		return true;
	case ACT_RECEIPT:
		entry_after_receipt(&st->after);
		return true;
	case ACT_RATE:
		entry_begin_rate(st);
		return true;
	default:
		return false;
	}
}

static void handle_matters(struct entry_view *st, enum action act, int key, bool asked)
{
	struct app *a = st->a;
	switch (act) {
	case ACT_PICK_MATTER:
		if (key >= '1' && key <= '9') {
			list_forget_typed(&st->mlist);
			if ((size_t)(key - '0') > st->nmatters)
				app_error(a, "没有第 %c 个事项", key);
			else
				list_select(&st->mlist, (size_t)(key - '1'));
			entry_follow_matter(st);
		} else {
			type_code(st, key);
		}
		break;
	case ACT_CODE_ERASE:
		list_erase(&st->mlist);
		break;
	case ACT_DO_MATTER:
		list_forget_typed(&st->mlist);
		if (!entry_current(st))
			break;
		if (!entry_form_needed(entry_current(st)))
			entry_save(st, -1);
		else if (app_can_record(a) && entry_may_record_here(st))
			st->focus = FOCUS_FORM;
		break;
	case ACT_PERSONS:
		list_forget_typed(&st->mlist);
		if (!entry_current(st) || entry_current(st)->unit != UNIT_RENCI || entry_form_needed(entry_current(st))) {
			app_error(a, "只有不需填表的人次事项 (咨询、宣传) 用 %s 输入人数; 其他事项在表中填写",
				  keys_first_name(ACT_PERSONS, CTX_MATTERS));
			break;
		}
		if (app_can_record(a) && entry_may_record_here(st)) {
			lineedit_clear(&st->persons);
			st->focus = FOCUS_PERSONS;
		}
		break;
	case ACT_BACK:
		if (st->mlist.typed[0])
			list_forget_typed(&st->mlist);
		else
			leave_window(st, asked);
		break;
	default:
		entry_saved_key(st, act);
		break;
	}
}

static bool entry_request(struct app *a, struct view *v, enum action act, int key)
{
	struct entry_view *st = v->state;
	(void)a;
	entry_follow_matter(st);
	bool asked = st->discard_asked;
	st->discard_asked = false;
	switch (st->focus) {
	case FOCUS_MATTERS:
		handle_matters(st, act, key, asked);
		break;
	case FOCUS_FORM:
		load_names(st);
		entry_save_form_key(st, act, key);
		break;
	case FOCUS_VOID:
		if (entry_list_handle(&st->entries, act, key))
			st->focus = st->before_void;
		if (entry_list_voided(&st->entries))
			entry_names_stale(st);
		break;
	case FOCUS_FIX:
		entry_correct_key(st, act, key);
		break;
	case FOCUS_PERSONS:
		entry_save_persons(st, act, key);
		break;
	case FOCUS_RATE:
		if (entry_after_handle(&st->after, act, key))
			st->focus = st->before_void;
		break;
	}
	return true;
}

static unsigned entry_context(struct app *a, struct view *v)
{
	struct entry_view *st = v->state;
	(void)a;
	unsigned saved = entry_after_any(&st->after) && !entry_correcting(st) ? CTX_SAVED : 0;
	switch (st->focus) {
	case FOCUS_MATTERS:
		return CTX_MATTERS | saved;
	case FOCUS_FORM: {
		const struct entry_form *f = &st->form;
		bool fresh = f->nfields > 0 && f->at == 0 && f->fields[0] == FF_APPLICANT &&
			     !entry_form_has_input(f) && !entry_correcting(st);
		return CTX_FORM | CTX_TEXT | (entry_form_picking(f) ? CTX_PICKER : saved) |
		       (entry_form_numbered(f) ? CTX_NUMBERED : 0) | (fresh ? CTX_FRESH : 0);
	}
	case FOCUS_VOID:
		return entry_list_context(&st->entries);
	case FOCUS_RATE:
		return entry_after_context(&st->after);
	case FOCUS_PERSONS:
	case FOCUS_FIX:
		return CTX_PROMPT | CTX_TEXT;
	}
	return CTX_MATTERS;
}

static int entry_digits(struct app *a, struct view *v)
{
	struct entry_view *st = v->state;
	(void)a;
	if (st->focus == FOCUS_FORM && entry_form_numbered(&st->form))
		return (int)entry_form_choice_count(&st->form);
	if (st->focus == FOCUS_RATE)
		return RATING_LEVELS;
	return (int)st->nmatters;
}

static struct list *entry_list_now(struct app *a, struct view *v)
{
	struct entry_view *st = v->state;
	(void)a;
	if (st->focus == FOCUS_MATTERS)
		return &st->mlist;
	return st->focus == FOCUS_VOID ? entry_list_choosing(&st->entries) : NULL;
}

/* The undo key only while its save is fresh; the receipt key only for a
 * 承诺件 (the rating and receipt keys apply at all once there is a save:
 * CTX_SAVED). */
static void entry_unoffered(struct app *a, struct view *v, bool *hidden)
{
	struct entry_view *st = v->state;
	(void)a;
	hidden[ACT_RECEIPT] = !st->after.promise;
	if (entry_correcting(st))
		hidden[ACT_VOID] = hidden[ACT_CORRECT] = hidden[ACT_RATE] = true;
	bool fresh = st->last_saved[0] && time(NULL) - st->saved_at <= UNDO_SECONDS;
	/* 撤销 takes 作废's place on the bar (the key still works, the help
	 * names it): both would not fit 80 columns. */
	hidden[ACT_UNDO] = !fresh;
	if (fresh)
		hidden[ACT_VOID] = true;
}

const struct screen_ops entry_screen = {
	.name = "窗口登记",
	.state_size = sizeof(struct entry_view),
	.open = entry_open,
	.draw = entry_draw,
	.list = entry_list_now,
	.request = entry_request,
	.done = entry_done,
	.context = entry_context,
	.digits = entry_digits,
	.unoffered = entry_unoffered,
};
