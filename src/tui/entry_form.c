#include "entry_form.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "citizen.h"
#include "field.h"
#include "idcheck.h"
#include "phone.h"
#include "text.h"
#include "tui.h"
#include "util.h"

static const char *const labels[FF_COUNT] = {
	[FF_APPLICANT] = "申请人",
	[FF_ID] = "证件号码",
	[FF_VILLAGE] = "村",
	[FF_HOUSEHOLDS] = "户数",
	[FF_PERSONS] = "人数",
	[FF_QUANTITY] = "数量",
	[FF_CATEGORY] = "分类",
	[FF_NOTE] = "备注",
	[FF_PHONE] = "联系电话",
};

/* Longest input per field, in characters: the texts core stores take as
 * much as core accepts, no less (nothing typed is cut on saving). */
static const size_t max_chars[FF_COUNT] = {
	[FF_APPLICANT] = LEDGER_APPLICANT_MAX, [FF_ID] = IDCHECK_TYPED_MAX, [FF_VILLAGE] = 30,
	[FF_HOUSEHOLDS] = LEDGER_COUNT_DIGITS, [FF_PERSONS] = LEDGER_COUNT_DIGITS,
	[FF_QUANTITY] = LEDGER_COUNT_DIGITS, [FF_CATEGORY] = 30,
	[FF_NOTE] = LEDGER_NOTE_MAX, [FF_PHONE] = PHONE_LEN - 1,
};

const char *entry_form_label(enum form_field f)
{
	return labels[f];
}

static size_t choice_count(void *ctx)
{
	return ((struct entry_form *)ctx)->nshown;
}

static const char *choice_key(void *ctx, size_t i)
{
	const struct entry_choice *c = &((struct entry_form *)ctx)->shown[i];
	return c->code ? c->code : c->name;
}

static void choice_row(void *ctx, size_t i, int y, bool selected)
{
	const struct entry_form *f = ctx;
	const struct entry_choice *c = &f->shown[i];
	/* Names are offered, not chosen (entry_form_pick_act): none is lit
	 * until Down takes one, or Enter would seem to fill in a name it does
	 * not. */
	enum ui_style s = selected && (!c->citizen || f->moved) ? UI_SELECTED : UI_NORMAL;
	ui_put(y, 1, 40, "", true, false, s);
	if (c->citizen) {
		char masked[64];
		ui_put(y, 1, 60, "", true, false, s);
		ui_put(y, 2, 30, c->name, true, false, s);
		ui_put(y, 33, 18, c->citizen->id_number[0]
			? idcheck_mask(masked, sizeof masked, c->citizen->id_number) : "",
		       true, false, s);
		ui_put(y, 52, 8, c->citizen->village ? c->citizen->village->name : "", true, false, s);
	} else if (c->code) {
		ui_put(y, 2, 8, c->code, true, false, s);
		ui_put(y, 10, 30, c->name, true, false, s);
	} else {
		char label[96];
		snprintf(label, sizeof label, "%zu %s", c->number, c->name);
		ui_put(y, 2, 38, label, true, false, s);
	}
}

static const struct list_ops choice_list = {
	.count = choice_count,
	.draw = choice_row,
	.key = choice_key,
};

/* The highlight back on the first choice: the text changed, or the
 * field. */
static void reset_pick(struct entry_form *f)
{
	list_init(&f->pick, &choice_list, f, false);
	f->moved = false;
}

void entry_form_init(struct entry_form *f)
{
	memset(f, 0, sizeof *f);
	reset_pick(f);
	for (int i = 0; i < FF_COUNT; i++)
		lineedit_init(&f->edit[i], max_chars[i]);
}

void entry_form_set_names(struct entry_form *f, struct citizen_names *names)
{
	citizen_names_free(f->names);
	f->names = names;
	/* The choices drawn last point into the names. */
	free(f->shown);
	f->shown = NULL;
	f->nshown = 0;
	reset_pick(f);
}

void entry_form_finish(struct entry_form *f)
{
	for (int i = 0; i < FF_COUNT; i++)
		lineedit_finish(&f->edit[i]);
	free(f->shown);
	f->shown = NULL;
	f->nshown = 0;
}

bool entry_form_needed(const struct catalog_matter *m)
{
	return !(m->unit == UNIT_RENCI && m->ncategories == 0 && !m->requires_id);
}

void entry_form_set_matter(struct entry_form *f, const struct catalog_matter *m)
{
	f->matter = m;
	f->nfields = 0;
	f->at = 0;
	f->closed = false;
	reset_pick(f);
	lineedit_clear(&f->edit[FF_HOUSEHOLDS]);
	lineedit_clear(&f->edit[FF_PERSONS]);
	lineedit_clear(&f->edit[FF_QUANTITY]);
	lineedit_clear(&f->edit[FF_CATEGORY]);
	if (!m)
		return;
	f->fields[f->nfields++] = FF_APPLICANT;
	f->fields[f->nfields++] = FF_ID;
	/* A 承诺件 is called back when done, or when it goes wrong. */
	if (m->time_limit_days > 0)
		f->fields[f->nfields++] = FF_PHONE;
	f->fields[f->nfields++] = FF_VILLAGE;
	if (unit_wants_households(m->unit))
		f->fields[f->nfields++] = FF_HOUSEHOLDS;
	if (unit_wants_persons(m->unit))
		f->fields[f->nfields++] = FF_PERSONS;
	if (unit_wants_quantity(m->unit))
		f->fields[f->nfields++] = FF_QUANTITY;
	if (m->ncategories > 0)
		f->fields[f->nfields++] = FF_CATEGORY;
	f->fields[f->nfields++] = FF_NOTE;
}

void entry_form_clear_for_next(struct entry_form *f)
{
	for (int i = 0; i < FF_COUNT; i++)
		if (i != FF_VILLAGE)
			lineedit_clear(&f->edit[i]);
	f->at = 0;
	f->closed = false;
	reset_pick(f);
}

static enum form_field focused(const struct entry_form *f)
{
	return f->nfields ? f->fields[f->at] : FF_COUNT;
}

void entry_form_goto(struct entry_form *f, int i)
{
	f->at = i;
	f->closed = false;
}

/* Names seen before that match what is typed in 申请人 (at most
 * ENTRY_FORM_NAMES, into found). */
static size_t names_found(const struct entry_form *f, const struct citizen_name **found)
{
	if (!f->names || focused(f) != FF_APPLICANT)
		return 0;
	char *typed = lineedit_text(&f->edit[FF_APPLICANT]);
	size_t n = text_trim(typed)[0] ? citizen_names_find(f->names, typed, found,
							      ENTRY_FORM_NAMES) : 0;
	free(typed);
	return n;
}

bool entry_form_picking(const struct entry_form *f)
{
	enum form_field ff = focused(f);
	if (ff == FF_APPLICANT) {
		const struct citizen_name *found[ENTRY_FORM_NAMES];
		return !f->closed && names_found(f, found) > 0;
	}
	return (ff == FF_VILLAGE || ff == FF_CATEGORY) && !f->closed;
}

void entry_form_close_picker(struct entry_form *f)
{
	f->closed = true;
	reset_pick(f);
}

bool entry_form_has_input(const struct entry_form *f)
{
	for (int i = 0; i < f->nfields; i++)
		if (f->fields[i] != FF_VILLAGE && !lineedit_empty(&f->edit[f->fields[i]]))
			return true;
	return false;
}

/* ---- choices ---- */

static bool village_matches(const struct catalog_village *v, const char *typed)
{
	if (!typed[0])
		return true;
	return strncasecmp(v->code, typed, strlen(typed)) == 0 || strstr(v->name, typed) != NULL;
}

/* The choices for the picker field as filtered by its text; malloc'd. */
static struct entry_choice *choices(const struct entry_form *f, const struct catalog *cat, size_t *n)
{
	enum form_field ff = focused(f);
	char *typed = lineedit_text(&f->edit[ff]);
	text_trim(typed);
	struct entry_choice *c = NULL;
	size_t cap = 0;
	*n = 0;
	if (ff == FF_APPLICANT) {
		const struct citizen_name *found[ENTRY_FORM_NAMES];
		size_t k = names_found(f, found);
		c = xcalloc(k ? k : 1, sizeof *c);
		for (size_t i = 0; i < k; i++)
			c[i] = (struct entry_choice){NULL, found[i]->applicant, 0, found[i]};
		*n = k;
	} else if (ff == FF_VILLAGE) {
		for (size_t i = 0; i < cat->nvillages; i++) {
			const struct catalog_village *v = &cat->villages[i];
			if (!v->active || !village_matches(v, typed))
				continue;
			c = xgrow(c, &cap, *n + 1, sizeof *c);
			c[(*n)++] = (struct entry_choice){v->code, v->name, 0, NULL};
		}
	} else if (ff == FF_CATEGORY && f->matter) {
		for (size_t i = 0; i < f->matter->ncategories; i++) {
			const char *opt = f->matter->categories[i];
			if (typed[0] && !strstr(opt, typed))
				continue;
			c = xgrow(c, &cap, *n + 1, sizeof *c);
			c[(*n)++] = (struct entry_choice){NULL, opt, i + 1, NULL};
		}
	}
	free(typed);
	return c;
}

bool entry_form_pick_act(struct entry_form *f, enum action act)
{
	/* Typing filters the list: that, not paging, is how a long one
	 * (a township's villages) is searched. */
	if (act != ACT_MOVE_UP && act != ACT_MOVE_DOWN)
		return false;
	/* The names are offered, not chosen: the first Down takes the first
	 * one, the latest seen. */
	if (!(focused(f) == FF_APPLICANT && !f->moved && act == ACT_MOVE_DOWN))
		list_act(&f->pick, act);
	f->moved = true;
	return true;
}

bool entry_form_numbered(const struct entry_form *f)
{
	return focused(f) == FF_CATEGORY;
}

size_t entry_form_choice_count(const struct entry_form *f)
{
	return entry_form_numbered(f) && f->matter ? f->matter->ncategories : 0;
}

bool entry_form_pick_number(struct entry_form *f, size_t n, char **err)
{
	if (n == 0 || n > entry_form_choice_count(f))
		return fail(err, "没有第 %zu 个分类", n);
	lineedit_set(&f->edit[FF_CATEGORY], f->matter->categories[n - 1]);
	reset_pick(f);
	return true;
}

void entry_form_draw_picker(struct entry_form *f, const struct catalog *cat, int y0, int y1)
{
	free(f->shown);
	f->shown = choices(f, cat, &f->nshown);
	bool village = focused(f) == FF_VILLAGE, names = focused(f) == FF_APPLICANT;
	int cols = ui_get_area()->cols;
	unsigned ctx = CTX_FORM | CTX_TEXT | CTX_PICKER;
	char *head = xasprintf(names ? "来过的申请人 (拼音首字母也可): %s/%s 选中, 再按 %s 填入证件号码和村"
			       : village ? "选择村: 输入代码或村名筛选, %s/%s 选择, %s 确定"
				       : "选择分类: 按序号或输入文字筛选, %s/%s 选择, %s 确定",
			       keys_first_name(ACT_MOVE_UP, ctx), keys_first_name(ACT_MOVE_DOWN, ctx),
			       keys_first_name(ACT_ENTER_FIELD, ctx));
	ui_put(y0, 1, cols - 2, head, false, false, UI_TITLE);
	free(head);
	if (f->nshown == 0)
		ui_put(y0 + 1, 2, cols - 3, village ? "(没有匹配的村)" : "(没有匹配的分类)", false,
		       false, UI_ERROR);
	else
		list_draw(&f->pick, y0 + 1, y1 - y0);
}

/* A returning citizen picked (the highlight moved onto the name): the
 * name, its ID number and village filled in.  What was typed stands
 * otherwise: a new citizen is never renamed after an old one. */
static void accept_name(struct entry_form *f, const struct catalog *cat)
{
	size_t n;
	struct entry_choice *c = f->moved ? choices(f, cat, &n) : NULL;
	if (c && n > 0) {
		const struct citizen_name *p = c[f->pick.sel < n ? f->pick.sel : n - 1].citizen;
		lineedit_set(&f->edit[FF_APPLICANT], p->applicant);
		lineedit_set(&f->edit[FF_ID], p->id_number);
		if (p->village)
			lineedit_set(&f->edit[FF_VILLAGE], p->village->name);
	}
	free(c);
	reset_pick(f);
}

bool entry_form_accept(struct entry_form *f, const struct catalog *cat, char **err)
{
	enum form_field ff = focused(f);
	if (ff == FF_APPLICANT) {
		accept_name(f, cat);
		return true;
	}
	if (ff != FF_VILLAGE && ff != FF_CATEGORY)
		return true;
	char *typed = lineedit_text(&f->edit[ff]);
	text_trim(typed);
	bool ok = true;
	if (typed[0] || f->moved) {
		const struct catalog_village *v = ff == FF_VILLAGE ? catalog_village(cat, typed) : NULL;
		if (v) {
			lineedit_set(&f->edit[ff], v->name);
		} else if (ff == FF_CATEGORY && catalog_has_category(f->matter, typed)) {
			lineedit_set(&f->edit[ff], typed);
		} else {
			size_t n;
			struct entry_choice *c = choices(f, cat, &n);
			if (n == 0)
				ok = fail(err, ff == FF_VILLAGE ? "没有这个村: %s" : "没有这个分类: %s", typed);
			else
				lineedit_set(&f->edit[ff], c[f->pick.sel < n ? f->pick.sel : n - 1].name);
			free(c);
		}
	}
	free(typed);
	reset_pick(f);
	return ok;
}

void entry_form_hint(struct entry_form *f, const struct catalog *cat, char **msg, bool *bad)
{
	(void)cat;
	*msg = NULL;
	*bad = false;
	switch (focused(f)) {
	case FF_ID: {
		char *typed = lineedit_text(&f->edit[FF_ID]);
		if (!text_trim(typed)[0]) {
			enum id_kind k = f->matter ? f->matter->id_kind : ID_ANY;
			const char *what = k == ID_ANY ? "身份证或统一社会信用代码" :
					   k == ID_CREDIT_CODE ? "统一社会信用代码" : "身份证号码";
			*msg = f->matter && f->matter->requires_id ? xasprintf("必填: %s", what)
								   : xasprintf("%s, 可不填", what);
		} else {
			char canon[19];
			enum id_kind kind;
			char *why = NULL;
			enum id_kind accept = f->matter ? f->matter->id_kind : ID_ANY;
			struct id_facts facts;
			char today[DATE_LEN];
			period_today(today);
			if (idcheck_check(typed, accept, canon, &kind, &why)) {
				if (kind == ID_RESIDENT && idcheck_resident_facts(canon, today, &facts))
					*msg = xasprintf("身份证通过: %s, %s 生, %d 岁", facts.sex,
							 facts.birth, facts.age);
				else
					*msg = xasprintf("%s, 校验通过", idcheck_kind_name(kind));
				free(why);
			} else {
				*msg = why ? why : xstrdup("证件号码有误");
				*bad = true;
			}
		}
		free(typed);
		break;
	}
	case FF_HOUSEHOLDS:
	case FF_PERSONS:
	case FF_QUANTITY:
		*msg = xstrdup("填数字, 不填按 1 计");
		break;
	case FF_PHONE: {
		char *typed = lineedit_text(&f->edit[FF_PHONE]);
		char canon[PHONE_LEN];
		if (!text_trim(typed)[0]) {
			*msg = xstrdup("11 位手机号或带区号的固定电话, 可不填");
		} else if (!phone_normalize(typed, canon, msg)) {
			/* The field's own line has no room for the number again. */
			const char *why = *msg ? strstr(*msg, "无效：") : NULL;
			if (why) {
				char *short_msg = xstrdup(why + strlen("无效："));
				free(*msg);
				*msg = short_msg;
			}
			*bad = true;
		} else {
			*msg = xasprintf("%s", canon);
		}
		free(typed);
		break;
	}
	case FF_VILLAGE:
		*msg = xstrdup(f->closed ? "列表已关闭, 输入文字再打开" : "输入代码或村名, 下方选择");
		break;
	case FF_CATEGORY:
		*msg = xstrdup(f->closed ? "列表已关闭, 输入文字再打开" : "输入或在下方选择分类");
		break;
	default:
		break;
	}
}

static bool is_number_field(enum form_field ff)
{
	return ff == FF_HOUSEHOLDS || ff == FF_PERSONS || ff == FF_QUANTITY;
}

void entry_form_edit(struct app *a, struct entry_form *f, enum action act, int key)
{
	enum form_field ff = focused(f);
	if (ff == FF_COUNT)
		return;
	/* A full-width digit (a Chinese input method left on) is the digit;
	 * anything else is said, never dropped without a word. */
	if (act == ACT_TEXT && is_number_field(ff) && key >= 0xFF10 && key <= 0xFF19)
		key = '0' + (key - 0xFF10);
	if (act == ACT_TEXT && is_number_field(ff) && (key < '0' || key > '9')) {
		app_error(a, "%s只能填数字", labels[ff]);
		return;
	}
	if (field_refuses(a, &f->edit[ff], labels[ff], act, key))
		return;
	if (field_edit(&f->edit[ff], act, key) && act != ACT_EDIT_LEFT && act != ACT_EDIT_RIGHT &&
	    act != ACT_EDIT_HOME && act != ACT_EDIT_END) {
		reset_pick(f);
		f->closed = false; /* what is typed filters the list: show it */
	}
}

void entry_form_values_free(struct entry_form_values *v)
{
	for (int i = 0; i < FF_COUNT; i++) {
		free(v->text[i]);
		v->text[i] = NULL;
	}
}

static bool parse_count(const char *s, int64_t *out)
{
	if (!s[0]) {
		*out = -1;
		return true;
	}
	int64_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || n > 100000000)
			return false;
		n = n * 10 + (*p - '0');
	}
	*out = n;
	return true;
}

int entry_form_collect(struct entry_form *f, const struct catalog *cat, struct entry_draft *d,
		       struct entry_form_values *v, char **err)
{
	memset(v, 0, sizeof *v);
	for (int i = 0; i < f->nfields; i++) {
		enum form_field ff = f->fields[i];
		v->text[ff] = lineedit_text(&f->edit[ff]);
		text_trim(v->text[ff]);
	}
	int bad = -1;
	for (int i = 0; i < f->nfields && bad < 0; i++) {
		enum form_field ff = f->fields[i];
		const char *s = v->text[ff];
		switch (ff) {
		case FF_APPLICANT:
			d->applicant = s;
			break;
		case FF_ID:
			if (s[0]) {
				enum id_kind kind;
				if (!idcheck_check(s, f->matter ? f->matter->id_kind : ID_ANY, v->id,
						   &kind, err))
					bad = i;
				d->id_number = v->id;
			}
			break;
		case FF_VILLAGE:
			if (s[0] && !catalog_village(cat, s)) {
				fail(err, "没有这个村: %s", s);
				bad = i;
			}
			d->village = s;
			break;
		case FF_HOUSEHOLDS:
		case FF_PERSONS:
		case FF_QUANTITY: {
			int64_t n = -1;
			if (!parse_count(s, &n)) {
				fail(err, "%s应为整数", labels[ff]);
				bad = i;
			}
			*(ff == FF_HOUSEHOLDS ? &d->households
			  : ff == FF_PERSONS  ? &d->persons
					      : &d->quantity) = n;
			break;
		}
		case FF_CATEGORY:
			if (s[0] && !catalog_has_category(f->matter, s)) {
				fail(err, "没有这个分类: %s", s);
				bad = i;
			}
			d->category = s;
			break;
		case FF_NOTE:
			d->note = s;
			break;
		case FF_PHONE:
			if (s[0]) {
				char canon[PHONE_LEN];
				if (!phone_normalize(s, canon, err))
					bad = i;
			}
			d->phone = s;
			break;
		case FF_COUNT:
			break;
		}
	}
	if (bad >= 0)
		entry_form_values_free(v);
	return bad;
}

int entry_form_index_of_field(const struct entry_form *f, enum entry_field field)
{
	static const enum entry_field codes[FF_COUNT] = {
		[FF_APPLICANT] = FIELD_APPLICANT, [FF_ID] = FIELD_ID_NUMBER,
		[FF_VILLAGE] = FIELD_VILLAGE,     [FF_HOUSEHOLDS] = FIELD_HOUSEHOLDS,
		[FF_PERSONS] = FIELD_PERSONS,     [FF_QUANTITY] = FIELD_QUANTITY,
		[FF_CATEGORY] = FIELD_CATEGORY,   [FF_NOTE] = FIELD_NOTE,
		[FF_PHONE] = FIELD_PHONE,
	};
	for (int i = 0; field != FIELD_NONE && i < f->nfields; i++)
		if (codes[f->fields[i]] == field)
			return i;
	return -1;
}
