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

#include "entry_form.h"
#include "entry_list.h"
#include "field.h"
#include "idcheck.h"
#include "ledger.h"
#include "tally.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/* FOCUS_VOID: entry_list has the keys (choosing an entry, its reason). */
enum focus { FOCUS_MATTERS, FOCUS_FORM, FOCUS_VOID };

static struct {
	size_t window;
	size_t *matters; /* active matters of the window, catalog indices */
	size_t nmatters;
	size_t sel;      /* index into matters */
	enum focus focus, before_void;
	bool discard_asked; /* the last key was an Esc that would lose the form */
	char code[16];   /* a matter code being typed */
	struct entry_form form;
	/* Why this account cannot record at this window (core's words);
	 * NULL when it can. */
	char *refusal;
} st;

/* Layout: rows 2 .. 2+upper-1 hold matters and form; below a rule, the
 * list of today's entries (or the picker's choices) down to LINES-4. */
enum { LEFT_W = 39, RX = 41, LABEL_W = 10 };

/* Ten rows hold the longest form; more when a window has many matters,
 * but today's entries keep at least four rows (the list scrolls). */
static int upper_rows(void)
{
	int rows = (int)st.nmatters + 2;
	int most = LINES - 2 - 3 - 1 - 1 - 4;
	if (rows > most)
		rows = most;
	return rows < 10 ? 10 : rows;
}

static const struct catalog_matter *current(struct app *a)
{
	return st.nmatters ? &a->cat->matters[st.matters[st.sel]] : NULL;
}

static void entry_enter(struct app *a, int arg)
{
	const struct catalog_window *w = &a->cat->windows[arg];
	st.window = (size_t)arg;
	free(st.matters);
	st.matters = xcalloc(w->nmatters, sizeof *st.matters);
	st.nmatters = 0;
	for (size_t i = 0; i < w->nmatters; i++)
		if (a->cat->matters[w->first_matter + i].active)
			st.matters[st.nmatters++] = w->first_matter + i;
	st.sel = 0;
	st.focus = FOCUS_MATTERS;
	st.discard_asked = false;
	st.code[0] = '\0';
	entry_form_init(&st.form);
	entry_form_set_matter(&st.form, current(a));
	entry_list_init();
	/* Said at the door, not after a form is typed and refused. */
	free(st.refusal);
	st.refusal = NULL;
	if (!ledger_may_record(a->db, a->cat, w->code, current_login(), &st.refusal)) {
		if (!st.refusal)
			st.refusal = xstrdup("当前账号不能在此窗口登记");
		ui_unambiguous(st.refusal);
		app_error(a, "%s", st.refusal);
	}
}

/* True when this account may record here; else says why. */
static bool may_record_here(struct app *a)
{
	if (!st.refusal)
		return true;
	app_error(a, "%s", st.refusal);
	return false;
}

static void entry_leave(struct app *a)
{
	(void)a;
	entry_form_finish(&st.form);
	entry_list_finish();
	free(st.refusal);
	st.refusal = NULL;
	free(st.matters);
	st.matters = NULL;
	st.nmatters = 0;
}

static void select_matter(struct app *a, size_t i)
{
	if (i >= st.nmatters || i == st.sel)
		return;
	st.sel = i;
	entry_form_set_matter(&st.form, current(a));
}

/* ---- drawing ---- */

static void draw_matters(struct app *a, const struct tally *t)
{
	ui_put(2, 2, 21, "事项", true, false, UI_TITLE);
	ui_put(2, 24, 5, "代码", true, false, UI_TITLE);
	ui_put(2, 29, 9, app_backdating(a) ? "当日" : "今日", true, true, UI_TITLE);
	size_t shown = (size_t)upper_rows() - 1;
	size_t first = st.sel >= shown ? st.sel - shown + 1 : 0;
	for (size_t i = first; i < st.nmatters && i < first + shown; i++) {
		const struct catalog_matter *m = &a->cat->matters[st.matters[i]];
		enum ui_style s = i == st.sel ? UI_SELECTED : UI_NORMAL;
		if (i == st.sel && st.focus != FOCUS_MATTERS)
			s = UI_TITLE;
		char label[96], fig[32] = "";
		snprintf(label, sizeof label, "%zu %s", i + 1, m->name);
		if (t)
			tally_format(fig, sizeof fig, m->unit, &t->matters[st.matters[i]]);
		int y = 3 + (int)(i - first);
		ui_put(y, 1, 1, "", true, false, s);
		ui_put(y, 2, 22, "", true, false, s);
		ui_put(y, 2, 21, label, true, false, s);
		ui_put(y, 24, 5, m->code, true, false, s);
		ui_put(y, 29, 9, fig, true, true, s);
		ui_put(y, 38, 1, "", true, false, s);
	}
	ui_vrule(2, LEFT_W, upper_rows());
}

static void draw_hint(struct app *a, int y)
{
	int w = COLS - RX - 1;
	const struct catalog_matter *m = current(a);
	if (st.focus == FOCUS_MATTERS) {
		if (st.code[0])
			ui_printf(y, RX, w, UI_NORMAL, "代码: %s", st.code);
		else if (m && !entry_form_needed(m))
			ui_put(y, RX, w, "Enter 记一次", false, false, UI_NORMAL);
		else if (m)
			ui_put(y, RX, w, "Enter 开始登记", false, false, UI_NORMAL);
		return;
	}
	if (st.focus != FOCUS_FORM)
		return;
	char *msg = NULL;
	bool bad = false;
	entry_form_hint(&st.form, a->cat, &msg, &bad);
	ui_put(y, RX, w, msg ? msg : "Enter 下一栏   Ctrl-S 保存", false, false,
	       bad ? UI_ERROR : UI_NORMAL);
	free(msg);
}

static void draw_form(struct app *a)
{
	const struct catalog_matter *m = current(a);
	int w = COLS - RX - 1;
	if (!m) {
		ui_put(2, RX, w, "本窗口没有可办理的事项", false, false, UI_ERROR);
		return;
	}
	ui_put(2, RX, w, m->name, false, false, UI_TITLE);
	ui_printf(3, RX, w, UI_DIM, "单位: %s%s", unit_name(m->unit),
		  m->time_limit_days > 0 ? "  承诺件" : "");
	if (st.refusal) {
		ui_put(4, RX, w, "本账号不能在此窗口登记:", false, false, UI_ERROR);
		ui_wrap(5, RX, w, upper_rows() - 4, st.refusal, UI_ERROR);
		return;
	}
	if (!entry_form_needed(m)) {
		ui_put(4, RX, w, "人次事项, 不需填表:", false, false, UI_NORMAL);
		ui_put(5, RX, w, "按 Enter 记一次.", false, false, UI_NORMAL);
	} else {
		for (int i = 0; i < st.form.nfields; i++) {
			int y = 4 + i;
			enum form_field f = st.form.fields[i];
			bool focus = st.focus == FOCUS_FORM && i == st.form.at;
			ui_put(y, RX, LABEL_W, entry_form_label(f), true, false,
			       focus ? UI_TITLE : UI_NORMAL);
			field_draw(a, &st.form.edit[f], y, RX + LABEL_W, w - LABEL_W, focus);
		}
	}
	draw_hint(a, 2 + upper_rows() - 1);
}

static void entry_draw(struct app *a)
{
	const struct catalog_window *w = &a->cat->windows[st.window];
	struct tally t = {0};
	char *err = NULL;
	bool have = tally_compute(a->db, a->cat, a->today, a->today, NULL, &t, &err);

	char left[96], right[160];
	snprintf(left, sizeof left, "%s窗口", w->name);
	bool backdating = app_backdating(a);
	snprintf(right, sizeof right, "%s%s   %s   %s %lld 件", backdating ? "补录 " : "",
		 a->today, a->clerk_known ? a->clerk.name : "(账号未登记)",
		 backdating ? "当日" : "今日",
		 have ? (long long)t.windows[st.window].entries : 0LL);
	ui_title(left, right);
	ui_rule(1, 0, COLS);
	draw_matters(a, have ? &t : NULL);
	tally_clear(&t);
	if (!have) {
		app_error_take(a, err);
		err = NULL;
	}
	draw_form(a);

	int rule_y = 2 + upper_rows();
	ui_rule(rule_y, 0, COLS);
	if (st.focus == FOCUS_FORM && entry_form_picking(&st.form))
		entry_form_draw_picker(&st.form, a->cat, rule_y + 1, LINES - 4);
	else
		entry_list_draw(a, &a->cat->windows[st.window], rule_y + 1);
}

/* ---- actions ---- */

static void after_save(struct app *a, const char *serial, const struct catalog_matter *m)
{
	app_say(a, "已保存 %s  %s", serial, m->name);
	entry_form_clear_for_next(&st.form);
}

static void save(struct app *a)
{
	const struct catalog_matter *m = current(a);
	if (!m || !app_can_record(a) || !may_record_here(a))
		return;
	const struct catalog_window *w = &a->cat->windows[st.window];
	struct entry_draft d = {
		.window = w->code,
		.matter = m->code,
		.date = a->today,
		.households = -1,
		.persons = -1,
		.quantity = -1,
	};
	char *err = NULL;
	struct entry_form_values vals;
	bool form = entry_form_needed(m);
	if (form) {
		int bad = entry_form_collect(&st.form, a->cat, &d, &vals, &err);
		if (bad >= 0) {
			entry_form_goto(&st.form, bad);
			st.focus = FOCUS_FORM;
			app_error_take(a, err);
			return;
		}
	}
	char serial[SERIAL_LEN];
	enum entry_field field;
	bool ok = ledger_record_field(a->db, a->cat, &d, a->clerk.login, serial, &field, &err);
	if (form)
		entry_form_values_free(&vals);
	if (!ok) {
		if (form) {
			int bad = entry_form_index_of_field(&st.form, field);
			if (bad >= 0)
				entry_form_goto(&st.form, bad);
			st.focus = FOCUS_FORM;
		}
		app_error_take(a, err);
		return;
	}
	after_save(a, serial, m);
	if (form) {
		entry_form_goto(&st.form, 0);
		st.focus = FOCUS_FORM;
	}
}

static void type_code(struct app *a, int key)
{
	size_t n = strlen(st.code);
	if (n + 1 >= sizeof st.code)
		return;
	st.code[n] = (char)tolower(key);
	st.code[n + 1] = '\0';
	size_t best = st.nmatters;
	for (size_t i = 0; i < st.nmatters; i++) {
		const char *code = a->cat->matters[st.matters[i]].code;
		if (strcasecmp(code, st.code) == 0) {
			best = i;
			break;
		}
		if (best == st.nmatters && strncasecmp(code, st.code, n + 1) == 0)
			best = i;
	}
	if (best == st.nmatters) {
		app_error(a, "没有代码为 %s 的事项", st.code);
		st.code[n] = '\0';
		return;
	}
	select_matter(a, best);
}

static void begin_void(struct app *a)
{
	if (!app_can_record(a) || !entry_list_begin_void(a, &a->cat->windows[st.window]))
		return;
	st.before_void = st.focus;
	st.focus = FOCUS_VOID;
}

/* Leaving the window drops the form: a half-filled one only on a second
 * Esc, so a slip of the finger does not lose a citizen's details. */
static void leave_window(struct app *a, bool asked)
{
	const struct catalog_matter *m = current(a);
	if (!asked && m && entry_form_needed(m) && entry_form_has_input(&st.form)) {
		st.discard_asked = true;
		app_error(a, "表单未保存, 再按 Esc 放弃");
		return;
	}
	app_pop(a);
}

static void handle_matters(struct app *a, enum action act, int key, bool asked)
{
	switch (act) {
	case ACT_PICK_MATTER:
		if (key >= '1' && key <= '9') {
			st.code[0] = '\0';
			if ((size_t)(key - '0') > st.nmatters)
				app_error(a, "没有第 %c 个事项", key);
			else
				select_matter(a, (size_t)(key - '1'));
		} else {
			type_code(a, key);
		}
		break;
	case ACT_CODE_ERASE:
		if (st.code[0])
			st.code[strlen(st.code) - 1] = '\0';
		break;
	case ACT_MOVE_UP:
		st.code[0] = '\0';
		select_matter(a, st.sel > 0 ? st.sel - 1 : st.nmatters - 1);
		break;
	case ACT_MOVE_DOWN:
		st.code[0] = '\0';
		select_matter(a, st.sel + 1 < st.nmatters ? st.sel + 1 : 0);
		break;
	case ACT_DO_MATTER:
		st.code[0] = '\0';
		if (!current(a))
			break;
		if (!entry_form_needed(current(a))) {
			save(a);
		} else if (app_can_record(a) && may_record_here(a)) {
			st.focus = FOCUS_FORM;
		}
		break;
	case ACT_VOID:
		begin_void(a);
		break;
	case ACT_BACK:
		if (st.code[0])
			st.code[0] = '\0';
		else
			leave_window(a, asked);
		break;
	default:
		break;
	}
}

static void handle_form(struct app *a, enum action act, int key)
{
	char *err = NULL;
	switch (act) {
	case ACT_NEXT_FIELD:
	case ACT_ENTER_FIELD:
		if (!entry_form_accept(&st.form, a->cat, &err)) {
			app_error_take(a, err);
			break;
		}
		if (st.form.at + 1 < st.form.nfields)
			entry_form_goto(&st.form, st.form.at + 1);
		else if (act == ACT_ENTER_FIELD)
			save(a);
		break;
	case ACT_PREV_FIELD:
		if (st.form.at > 0)
			entry_form_goto(&st.form, st.form.at - 1);
		break;
	case ACT_MOVE_UP:
		entry_form_pick_move(&st.form, -1);
		break;
	case ACT_MOVE_DOWN:
		entry_form_pick_move(&st.form, 1);
		break;
	case ACT_SAVE:
		if (entry_form_accept(&st.form, a->cat, &err))
			save(a);
		else
			app_error_take(a, err);
		break;
	case ACT_PICK_CHOICE:
		if (!entry_form_pick_number(&st.form, (size_t)(key - '0'), &err))
			app_error_take(a, err);
		break;
	case ACT_VOID:
		begin_void(a);
		break;
	case ACT_BACK:
		/* Esc in a list closes the list only: the form stays. */
		if (entry_form_picking(&st.form))
			entry_form_close_picker(&st.form);
		else
			st.focus = FOCUS_MATTERS;
		break;
	default:
		entry_form_edit(a, &st.form, act, key);
		break;
	}
}

static void entry_handle(struct app *a, enum action act, int key)
{
	bool asked = st.discard_asked;
	st.discard_asked = false;
	switch (st.focus) {
	case FOCUS_MATTERS:
		handle_matters(a, act, key, asked);
		break;
	case FOCUS_FORM:
		handle_form(a, act, key);
		break;
	case FOCUS_VOID:
		if (entry_list_handle(a, act, key))
			st.focus = st.before_void;
		break;
	}
}

static unsigned entry_context(struct app *a)
{
	(void)a;
	switch (st.focus) {
	case FOCUS_MATTERS:
		return CTX_MATTERS;
	case FOCUS_FORM:
		return CTX_FORM | CTX_TEXT | (entry_form_picking(&st.form) ? CTX_PICKER : 0) |
		       (entry_form_numbered(&st.form) ? CTX_NUMBERED : 0);
	case FOCUS_VOID:
		return entry_list_context();
	}
	return CTX_MATTERS;
}

static int entry_digits(struct app *a)
{
	(void)a;
	if (st.focus == FOCUS_FORM && entry_form_numbered(&st.form))
		return (int)entry_form_choice_count(&st.form);
	return (int)st.nmatters;
}

const struct screen_ops entry_screen = {
	.name = "窗口登记",
	.enter = entry_enter,
	.draw = entry_draw,
	.handle = entry_handle,
	.leave = entry_leave,
	.context = entry_context,
	.digits = entry_digits,
};
