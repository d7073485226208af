#include "list.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void list_init(struct list *l, const struct list_ops *ops, void *ctx, bool browse)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
	l->browse = browse;
	l->page = 1;
}

static bool selectable(const struct list *l, size_t i)
{
	return i < l->n && (!l->ops->selectable || l->ops->selectable(l->ctx, i));
}

static const char *key_of(const struct list *l, size_t i)
{
	const char *k = l->ops->key && i < l->n ? l->ops->key(l->ctx, i) : NULL;
	return k ? k : "";
}

static void remember(struct list *l)
{
	snprintf(l->selkey, sizeof l->selkey, "%s", l->n ? key_of(l, l->sel) : "");
}

/* The nearest selectable row from i, looking in `dir` first; false when
 * there is none at all. */
static bool nearest(const struct list *l, size_t i, int dir, size_t *out)
{
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		for (size_t j = i; j < l->n; j = dir > 0 ? j + 1 : j - 1) {
			if (selectable(l, j)) {
				*out = j;
				return true;
			}
			if (dir < 0 && j == 0)
				break;
		}
	}
	return false;
}

static void clamp_top(struct list *l)
{
	size_t page = (size_t)(l->page > 0 ? l->page : 1);
	if (l->browse) {
		/* Rows gone from under the scroll: show the last page. */
		if (l->top >= l->n)
			l->top = l->n > page ? l->n - page : 0;
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + page)
		l->top = l->sel - page + 1;
	/* No empty lines below the last row while rows above are hidden. */
	if (l->n >= page && l->top > l->n - page)
		l->top = l->n - page;
	if (l->n < page)
		l->top = 0;
}

void list_sync(struct list *l)
{
	l->n = l->ops->count(l->ctx);
	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (!l->browse) {
		bool found = false;
		if (l->selkey[0] && l->ops->key) {
			for (size_t i = 0; i < l->n && !found; i++)
				if (strcmp(key_of(l, i), l->selkey) == 0) {
					l->sel = i;
					found = true;
				}
		}
		/* Gone: the row that took its place, else the one before. */
		if (!found && l->sel >= l->n)
			l->sel = l->n - 1;
		size_t to;
		if (nearest(l, l->sel, 1, &to))
			l->sel = to;
		remember(l);
	}
	clamp_top(l);
}

static void move_to(struct list *l, size_t i)
{
	l->sel = i;
	remember(l);
	clamp_top(l);
}

/* Steps `count` selectable rows in `dir`, stopping at the last one there
 * is; false when not one step could be made. */
static bool step(struct list *l, int dir, size_t count)
{
	size_t at = l->sel, moved = 0;
	for (size_t j = l->sel; moved < count;) {
		if (dir < 0 ? j == 0 : j + 1 >= l->n)
			break;
		j = dir < 0 ? j - 1 : j + 1;
		if (selectable(l, j)) {
			at = j;
			moved++;
		}
	}
	if (moved == 0)
		return false;
	move_to(l, at);
	return true;
}

static bool scroll(struct list *l, enum action act)
{
	size_t page = (size_t)l->page, before = l->top;
	switch (act) {
	case ACT_MOVE_UP:
		l->top = l->top ? l->top - 1 : 0;
		break;
	case ACT_MOVE_DOWN:
		if (l->top + page < l->n)
			l->top++;
		break;
	case ACT_PAGE_UP:
		l->top = l->top > page ? l->top - page : 0;
		break;
	case ACT_PAGE_DOWN:
		if (l->top + page < l->n)
			l->top += page;
		break;
	case ACT_LIST_HOME:
		l->top = 0;
		break;
	case ACT_LIST_END:
		l->top = l->n > page ? l->n - page : 0;
		break;
	default:
		return false;
	}
	return l->top != before;
}

bool list_act(struct list *l, enum action act)
{
	/* One paging, whether or not the bar names it. */
	if (act == ACT_LIST_PAGE_UP || act == ACT_LIST_PAGE_DOWN)
		act = act == ACT_LIST_PAGE_UP ? ACT_PAGE_UP : ACT_PAGE_DOWN;
	list_sync(l);
	if (act == ACT_MOVE_UP || act == ACT_MOVE_DOWN || act == ACT_PAGE_UP ||
	    act == ACT_PAGE_DOWN || act == ACT_LIST_HOME || act == ACT_LIST_END)
		list_forget_typed(l);
	if (l->browse)
		return scroll(l, act);
	size_t page = (size_t)l->page, to;
	switch (act) {
	case ACT_MOVE_UP:
		return step(l, -1, 1);
	case ACT_MOVE_DOWN:
		return step(l, 1, 1);
	case ACT_PAGE_UP:
		return step(l, -1, page);
	case ACT_PAGE_DOWN:
		return step(l, 1, page);
	case ACT_LIST_HOME:
		if (!nearest(l, 0, 1, &to) || to == l->sel)
			return false;
		move_to(l, to);
		return true;
	case ACT_LIST_END:
		if (!l->n || !nearest(l, l->n - 1, -1, &to) || to == l->sel)
			return false;
		move_to(l, to);
		return true;
	default:
		return false;
	}
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* The number a key ends in ("SCZR-2021-000143": 143), or -1. */
static long trailing_number(const char *k)
{
	size_t len = strlen(k), i = len;
	while (i > 0 && isdigit((unsigned char)k[i - 1]))
		i--;
	if (i == len || len - i > 9)
		return -1;
	long n = 0;
	for (; i < len; i++)
		n = n * 10 + (k[i] - '0');
	return n;
}

static bool find(const struct list *l, const char *typed, size_t *out)
{
	size_t len = strlen(typed);
	for (int how = 0; how < 3; how++) {
		if (how == 2 && (!all_digits(typed) || len > 9))
			break;
		long want = how == 2 ? trailing_number(typed) : 0;
		for (size_t i = 0; i < l->n; i++) {
			if (!selectable(l, i))
				continue;
			const char *k = key_of(l, i);
			if ((how == 0 && strcasecmp(k, typed) == 0) ||
			    (how == 1 && strncasecmp(k, typed, len) == 0) ||
			    (how == 2 && trailing_number(k) == want)) {
				*out = i;
				return true;
			}
		}
	}
	return false;
}

bool list_type(struct list *l, int ch)
{
	list_sync(l);
	size_t len = strlen(l->typed);
	if (l->browse || ch <= 0x20 || ch >= 0x7f || len + 1 >= sizeof l->typed)
		return false;
	l->typed[len] = (char)ch;
	l->typed[len + 1] = '\0';
	size_t i;
	if (!find(l, l->typed, &i)) {
		l->typed[len] = '\0';
		return false;
	}
	move_to(l, i);
	return true;
}

bool list_erase(struct list *l)
{
	size_t len = strlen(l->typed);
	if (!len)
		return false;
	l->typed[len - 1] = '\0';
	return true;
}

void list_forget_typed(struct list *l)
{
	l->typed[0] = '\0';
}

bool list_select(struct list *l, size_t i)
{
	list_sync(l);
	if (!selectable(l, i))
		return false;
	move_to(l, i);
	return true;
}

bool list_selected(const struct list *l, size_t *i)
{
	if (l->browse || !selectable(l, l->sel))
		return false;
	*i = l->sel;
	return true;
}

void list_draw(struct list *l, int y, int rows)
{
	l->page = rows > 0 ? rows : 1;
	list_sync(l);
	for (int r = 0; r < rows && l->top + (size_t)r < l->n; r++) {
		size_t i = l->top + (size_t)r;
		l->ops->draw(l->ctx, i, y + r, !l->browse && i == l->sel && selectable(l, i));
	}
}

void list_position(const struct list *l, char *out, size_t size)
{
	size_t page = (size_t)l->page;
	if (l->top == 0 && l->n <= page) {
		snprintf(out, size, "%s", "");
		return;
	}
	size_t last = l->top + page < l->n ? l->top + page : l->n;
	snprintf(out, size, "%zu-%zu/%zu", l->top + 1, last, l->n);
}

void list_unoffered(const struct list *l, bool *hidden)
{
	if (l->top == 0 && l->n <= (size_t)l->page)
		hidden[ACT_PAGE_UP] = hidden[ACT_PAGE_DOWN] = hidden[ACT_LIST_PAGE_UP] =
			hidden[ACT_LIST_PAGE_DOWN] = hidden[ACT_LIST_HOME] = hidden[ACT_LIST_END] = true;
}
