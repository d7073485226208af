/* The last saved entry of a window: its receipt and its rating. */
#include "entry_after.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "field.h"
#include "priv.h"
#include "rating.h"
#include "receipt.h"
#include "text.h"
#include "tui.h"
#include "util.h"

void entry_after_init(struct entry_after *x, struct app *a)
{
	memset(x, 0, sizeof *x);
	x->a = a;
	lineedit_init(&x->reason, LEDGER_REASON_MAX);
}

void entry_after_finish(struct entry_after *x)
{
	lineedit_finish(&x->reason);
}

void entry_after_saved(struct entry_after *x, const char *serial, const struct catalog_matter *m,
		       const char *applicant)
{
	snprintf(x->serial, sizeof x->serial, "%s", serial);
	snprintf(x->label, sizeof x->label, "%s%s%s", m->name, applicant && *applicant ? "  " : "",
		 applicant ? applicant : "");
	x->promise = m->time_limit_days > 0;
	x->rating = false;
	x->level = 0;
}

bool entry_after_any(const struct entry_after *x)
{
	return x->serial[0] != '\0';
}

void entry_after_receipt(struct entry_after *x)
{
	struct app *a = x->a;
	if (!entry_after_any(x)) {
		app_error(a, "还没有保存登记: 回执出具给刚保存的承诺件");
		return;
	}
	char *err = NULL, *note = NULL;
	char *phone = conf_value("phone");
	char *text = receipt_text(a->db, a->cat, x->serial, phone, &note, &err);
	free(phone);
	if (!text) {
		app_error_take(a, err);
		return;
	}
	char *command = conf_value("print");
	if (command) {
		if (receipt_print(text, command, &err))
			app_say(a, "已打印回执 %s%s%s", x->serial, note ? "  " : "", note ? note : "");
		else
			app_error_take(a, err);
	} else {
		char *file = receipt_file_name(x->serial);
		/* Written for the clerk, with the clerk's rights (as the R
		 * screen's export is). */
		bool ok = priv_may_write_for_caller(file, NULL);
		if (ok) {
			priv_as_caller_begin();
			FILE *f = fopen(file, "w");
			ok = f && fputs(text, f) != EOF;
			if (f && fclose(f) != 0)
				ok = false;
			priv_as_caller_end();
		}
		if (ok)
			app_say(a, "已写入回执 %s%s%s", file, note ? "  " : "", note ? note : "");
		else
			app_error(a, "无法写入回执 %s", file);
		free(file);
	}
	free(command);
	free(note);
	free(text);
}

bool entry_after_begin_rate(struct entry_after *x)
{
	if (!entry_after_any(x)) {
		app_error(x->a, "还没有保存登记: 评价的是刚保存的一件");
		return false;
	}
	x->rating = true;
	x->level = 0;
	lineedit_clear(&x->reason);
	return true;
}

static void rate(struct entry_after *x, int level, const char *reason)
{
	char *err = NULL;
	if (rating_set(x->a->db, x->serial, level, reason, x->a->clerk.login, &err))
		app_say(x->a, "已评价 %s: %s", x->serial, rating_level_name(level));
	else
		app_error_take(x->a, err);
}

bool entry_after_handle(struct entry_after *x, enum action act, int key)
{
	if (act == ACT_BACK) {
		if (x->level) {
			x->level = 0;
			return false;
		}
		x->rating = false;
		return true;
	}
	if (!x->level) {
		if (act != ACT_RATE_LEVEL)
			return false;
		int level = key - '0';
		if (level < 1 || level > RATING_LEVELS) {
			app_error(x->a, "评价分 5 级: 5 非常满意 ... 1 非常不满意");
			return false;
		}
		if (!rating_is_bad(level)) {
			rate(x, level, NULL);
			x->rating = false;
			return true;
		}
		/* A 差评 is not taken without its reason. */
		x->level = level;
		lineedit_clear(&x->reason);
		return false;
	}
	if (act != ACT_CONFIRM) {
		field_type(x->a, &x->reason, "差评原因", act, key);
		return false;
	}
	char *reason = lineedit_text(&x->reason);
	if (!text_trim(reason)[0]) {
		app_error(x->a, "“%s”是差评, 请记下群众说的原因", rating_level_name(x->level));
		free(reason);
		return false;
	}
	rate(x, x->level, reason);
	free(reason);
	x->rating = false;
	x->level = 0;
	return true;
}

unsigned entry_after_context(const struct entry_after *x)
{
	return x->level ? CTX_PROMPT | CTX_TEXT : CTX_RATE;
}

void entry_after_draw(struct entry_after *x, int y, int rows)
{
	int cols = ui_get_area()->cols;
	char *head = xasprintf("评价 %s  %s", x->serial, x->label);
	ui_put(y, 1, cols - 2, head, false, false, UI_TITLE);
	free(head);
	if (x->level) {
		char label[64];
		snprintf(label, sizeof label, "%s  原因: ", rating_level_name(x->level));
		int lw = text_width(label);
		ui_put(y + 1, 1, lw, label, false, false, UI_ERROR);
		field_draw(x->a, &x->reason, y + 1, 1 + lw, cols - lw - 3, true);
		return;
	}
	for (int level = 5, i = 1; level >= 1 && i < rows; level--, i++)
		ui_printf(y + i, 3, cols - 4, rating_is_bad(level) ? UI_ERROR : UI_NORMAL, "%d  %s",
			  level, rating_level_name(level));
}
