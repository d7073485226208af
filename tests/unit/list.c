/* The terminal UI's list widget, as pure logic: the cursor follows a
 * row's key when rows come and go (a void never moves what the cursor
 * points at), paging and Home/End clamp, typing a serial or a code jumps,
 * rows that cannot be chosen are stepped over, and a browse list scrolls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "tap.h"

/* Rows as a screen would hold them: keys newest first, some dimmed. */
struct rows {
	const char *keys[64];
	bool dim[64];
	size_t n;
	/* What the last draw painted: row index per line, and the cursor. */
	int drawn[64];
	int ndrawn, cursor_line;
};

static size_t count(void *ctx)
{
	return ((struct rows *)ctx)->n;
}

static const char *key(void *ctx, size_t i)
{
	return ((struct rows *)ctx)->keys[i];
}

static bool selectable(void *ctx, size_t i)
{
	return !((struct rows *)ctx)->dim[i];
}

static void draw(void *ctx, size_t i, int y, bool selected)
{
	struct rows *r = ctx;
	r->drawn[r->ndrawn++] = (int)i;
	if (selected)
		r->cursor_line = y;
}

static const struct list_ops ops = {count, draw, key, selectable};

static char serials[64][32];

/* n entries of a window, newest first: SCZR-2021-0000n .. 000001. */
static void fill(struct rows *r, size_t n)
{
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < n; i++) {
		snprintf(serials[i], sizeof serials[i], "SCZR-2021-%06zu", n - i);
		r->keys[i] = serials[i];
	}
	r->n = n;
}

/* The row at index i leaves (voided, filtered out of the list). */
static void remove_row(struct rows *r, size_t i)
{
	memmove(&r->keys[i], &r->keys[i + 1], (r->n - i - 1) * sizeof *r->keys);
	memmove(&r->dim[i], &r->dim[i + 1], (r->n - i - 1) * sizeof *r->dim);
	r->n--;
}

static void paint(struct list *l, struct rows *r, int rows)
{
	r->ndrawn = 0;
	r->cursor_line = -1;
	list_draw(l, 10, rows);
}

static const char *selected_key(struct list *l, struct rows *r)
{
	size_t i;
	return list_selected(l, &i) ? r->keys[i] : "(none)";
}

static void test_identity(void)
{
	struct rows r;
	fill(&r, 12);
	struct list l;
	list_init(&l, &ops, &r, false);
	paint(&l, &r, 5);
	is_str(selected_key(&l, &r), "SCZR-2021-000012", "the cursor starts on the first row");
	list_act(&l, ACT_MOVE_DOWN);
	list_act(&l, ACT_MOVE_DOWN);
	list_act(&l, ACT_MOVE_DOWN);
	is_str(selected_key(&l, &r), "SCZR-2021-000009", "three down");

	/* A row above the cursor is voided elsewhere: the cursor stays on its
	 * entry, whose index is now one less. */
	remove_row(&r, 1);
	paint(&l, &r, 5);
	is_str(selected_key(&l, &r), "SCZR-2021-000009", "a removal above keeps the entry selected");
	is_int(l.sel, 2, "at its new index");

	/* A new entry arrives at the top (another terminal saves). */
	memmove(&r.keys[1], &r.keys[0], r.n * sizeof *r.keys);
	r.keys[0] = "SCZR-2021-000013";
	r.n++;
	paint(&l, &r, 5);
	is_str(selected_key(&l, &r), "SCZR-2021-000009", "an insertion above keeps it too");

	/* The selected entry itself goes: the cursor takes the one that
	 * took its place, not one two rows off. */
	size_t at = l.sel;
	remove_row(&r, at);
	paint(&l, &r, 5);
	is_str(selected_key(&l, &r), "SCZR-2021-000008", "the selected row gone: its successor");

	/* The last row selected and removed: the cursor stays in the list. */
	list_act(&l, ACT_LIST_END);
	is_str(selected_key(&l, &r), "SCZR-2021-000001", "End goes to the oldest");
	remove_row(&r, r.n - 1);
	paint(&l, &r, 5);
	is_str(selected_key(&l, &r), "SCZR-2021-000002", "the last row gone: the one before");
	ok(r.cursor_line >= 10 && r.cursor_line < 15, "and it is drawn, on line %d", r.cursor_line);

	/* Everything gone. */
	r.n = 0;
	paint(&l, &r, 5);
	size_t i;
	ok(!list_selected(&l, &i), "an empty list has no selection");
	ok(!list_act(&l, ACT_MOVE_DOWN), "and Down does nothing");
}

static void test_paging(void)
{
	struct rows r;
	fill(&r, 12);
	struct list l;
	list_init(&l, &ops, &r, false);
	paint(&l, &r, 5);
	is_int(r.ndrawn, 5, "five rows fit");
	ok(!list_act(&l, ACT_MOVE_UP), "Up at the first row does not wrap");
	list_act(&l, ACT_PAGE_DOWN);
	is_int(l.sel, 5, "PgDn moves a page");
	paint(&l, &r, 5);
	is_int(r.drawn[0], 1, "scrolled so the cursor is on the last line");
	is_int(r.cursor_line, 14, "cursor on line 14");
	list_act(&l, ACT_PAGE_DOWN);
	list_act(&l, ACT_PAGE_DOWN);
	is_int(l.sel, 11, "PgDn clamps at the last row");
	ok(!list_act(&l, ACT_PAGE_DOWN), "and then does nothing");
	ok(!list_act(&l, ACT_MOVE_DOWN), "nor does Down");
	paint(&l, &r, 5);
	is_int(r.drawn[0], 7, "the last page shows rows 7-11");
	char pos[32];
	list_position(&l, pos, sizeof pos);
	is_str(pos, "8-12/12", "position");
	list_act(&l, ACT_PAGE_UP);
	is_int(l.sel, 6, "PgUp moves a page back");
	list_act(&l, ACT_LIST_HOME);
	is_int(l.sel, 0, "Home");
	list_act(&l, ACT_LIST_PAGE_DOWN);
	is_int(l.sel, 5, "the quiet PgDn pages alike");
	bool hidden[ACT_COUNT] = {false};
	list_unoffered(&l, hidden);
	ok(!hidden[ACT_PAGE_DOWN], "paging offered when rows do not fit");
	fill(&r, 3);
	paint(&l, &r, 5);
	list_unoffered(&l, hidden);
	ok(hidden[ACT_PAGE_DOWN] && hidden[ACT_LIST_END], "and not when they all fit");
	list_position(&l, pos, sizeof pos);
	is_str(pos, "", "no position then");
}

static void test_jump(void)
{
	struct rows r;
	fill(&r, 12);
	struct list l;
	list_init(&l, &ops, &r, false);
	paint(&l, &r, 5);
	ok(list_type(&l, '3'), "typing 3");
	is_str(selected_key(&l, &r), "SCZR-2021-000003", "jumps to the serial ending in 3");
	ok(list_type(&l, '1') == false, "31: no such serial");
	is_str(l.typed, "3", "the refused digit is not kept");
	ok(list_erase(&l) && !l.typed[0], "Backspace erases what was typed");
	ok(list_type(&l, '1') && list_type(&l, '2'), "typing 12");
	is_str(selected_key(&l, &r), "SCZR-2021-000012", "jumps to 000012");
	paint(&l, &r, 5);
	is_int(r.drawn[0], 0, "and scrolls to it");
	list_act(&l, ACT_MOVE_DOWN);
	is_str(l.typed, "", "a move forgets what was typed");

	/* Codes: exact first, then a prefix, letters without case. */
	static const char *codes[] = {"sl", "bg", "zx", "bz"};
	struct rows m = {0};
	for (size_t i = 0; i < 4; i++)
		m.keys[i] = codes[i];
	m.n = 4;
	list_init(&l, &ops, &m, false);
	paint(&l, &m, 4);
	ok(list_type(&l, 'b'), "b");
	is_str(selected_key(&l, &m), "bg", "b: the first code starting with b");
	ok(list_type(&l, 'Z'), "then Z");
	is_str(selected_key(&l, &m), "bz", "bz, without case");
	ok(!list_type(&l, 'q'), "bzq matches nothing");
	is_str(selected_key(&l, &m), "bz", "and leaves the cursor");
}

static void test_not_selectable(void)
{
	struct rows r;
	fill(&r, 6);
	r.dim[0] = r.dim[2] = r.dim[3] = true;
	struct list l;
	list_init(&l, &ops, &r, false);
	paint(&l, &r, 6);
	is_str(selected_key(&l, &r), "SCZR-2021-000005", "the cursor starts on the first selectable row");
	ok(r.cursor_line == 11, "drawn selected on its line");
	list_act(&l, ACT_MOVE_DOWN);
	is_str(selected_key(&l, &r), "SCZR-2021-000002", "Down steps over dimmed rows");
	ok(!list_act(&l, ACT_LIST_HOME) || l.sel == 1, "Home: the first selectable");
	list_act(&l, ACT_LIST_HOME);
	is_int(l.sel, 1, "which is row 1");
	ok(!list_act(&l, ACT_MOVE_UP), "Up cannot reach the dimmed row 0");
	ok(!list_type(&l, '6'), "typing a dimmed entry's serial does not choose it");
	/* The selected row turns dim (voided, still shown): the cursor moves
	 * on to the next one it may take. */
	r.dim[1] = true;
	paint(&l, &r, 6);
	is_str(selected_key(&l, &r), "SCZR-2021-000002", "a row turned dim gives the cursor on");
	for (size_t i = 0; i < r.n; i++)
		r.dim[i] = true;
	paint(&l, &r, 6);
	size_t i;
	ok(!list_selected(&l, &i), "nothing selectable: no selection");
	is_int(r.ndrawn, 6, "but every row is drawn");
	ok(r.cursor_line == -1, "none as selected");
}

static void test_browse(void)
{
	struct rows r;
	fill(&r, 30);
	struct list l;
	list_init(&l, &ops, &r, true);
	paint(&l, &r, 10);
	ok(r.cursor_line == -1, "a browse list has no cursor");
	list_act(&l, ACT_PAGE_DOWN);
	is_int(l.top, 10, "PgDn scrolls a page");
	list_act(&l, ACT_PAGE_DOWN);
	list_act(&l, ACT_PAGE_DOWN);
	is_int(l.top, 20, "not past the last page's start");
	list_act(&l, ACT_MOVE_UP);
	is_int(l.top, 19, "Up scrolls a line");
	list_act(&l, ACT_PAGE_UP);
	list_act(&l, ACT_PAGE_UP);
	is_int(l.top, 0, "PgUp clamps at the top");
	ok(!list_act(&l, ACT_MOVE_UP), "and stops there");
	list_act(&l, ACT_LIST_END);
	is_int(l.top, 20, "End shows the last page");
	r.n = 5;
	paint(&l, &r, 10);
	is_int(l.top, 0, "rows gone from under the scroll: the last page (here all)");
	r.n = 25;
	list_act(&l, ACT_PAGE_DOWN);
	list_act(&l, ACT_PAGE_DOWN);
	is_int(l.top, 20, "a last page may be part full, as PgDn left it");
	r.n = 14;
	paint(&l, &r, 10);
	is_int(l.top, 4, "rows gone: the last full page");
}

int main(void)
{
	test_identity();
	test_paging();
	test_jump();
	test_not_selectable();
	test_browse();
	return tap_done();
}
