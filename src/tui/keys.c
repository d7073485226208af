#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "util.h"

struct binding {
	enum action action;
	unsigned ctx;
	enum keys_bar_style bar;
	const char *bar_label;
	const char *help;
	const int *keys;
};

static const struct binding bindings[] = {
#define TUI_ACTION_ROW(name, ctx, bar, bar_label, help, keys) \
	{ACT_##name, (ctx), (bar), (bar_label), (help), (keys)},
	TUI_ACTIONS(TUI_ACTION_ROW)
#undef TUI_ACTION_ROW
};

static bool printable(int key)
{
	return !(key & TUI_FN) && key >= 0x20 && key != 0x7f && iswprint((wint_t)key);
}

static bool key_matches(int bound, int key)
{
	if (bound == key)
		return true;
	if (bound == KC_DIGIT)
		return key >= '1' && key <= '9';
	if (bound == KC_NUMBER)
		return key >= '0' && key <= '9';
	if (bound == KC_LETTER)
		return (key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z');
	return false;
}

static bool applies(const struct binding *b, unsigned ctx, const bool *hidden)
{
	if (!(b->ctx & ctx))
		return false;
	return !(hidden && hidden[b->action]);
}

#define NBINDINGS (sizeof bindings / sizeof *bindings)

/* A binding in ctx names this very key (not a class of keys). */
static bool bound_itself(int key, unsigned ctx, const bool *hidden)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if (applies(&bindings[i], ctx, hidden))
			for (const int *k = bindings[i].keys; *k; k++)
				if (*k == key)
					return true;
	return false;
}

enum action keys_lookup(int key, unsigned ctx, const bool *hidden)
{
	bool picks = (ctx & (CTX_NUMBERED | CTX_FRESH)) && key_matches(KC_DIGIT, key);
	if ((ctx & CTX_TEXT) && printable(key) && !picks)
		return ACT_TEXT;
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!applies(b, ctx, hidden))
			continue;
		for (const int *k = b->keys; *k; k++) {
			/* Text is a key that has no binding of its own ('?'
			 * stays help where text would go to the query). */
			bool match = *k == KC_TEXT ? printable(key) && !bound_itself(key, ctx, hidden)
				   : *k == KC_ANY ? true
						  : key_matches(*k, key);
			if (match)
				return b->action;
		}
	}
	return ACT_NONE;
}

const char *keys_name(int key, char buf[16])
{
	switch (key) {
	case TK_UP: return "Up";
	case TK_DOWN: return "Down";
	case TK_LEFT: return "Left";
	case TK_RIGHT: return "Right";
	case TK_HOME: return "Home";
	case TK_END: return "End";
	case TK_PPAGE: return "PgUp";
	case TK_NPAGE: return "PgDn";
	case TK_BTAB: return "Shift-Tab";
	case TK_DC: return "Delete";
	case TK_BACKSPACE: case 127: case 8: return "Backspace";
	case TK_ENTER: case '\n': case '\r': return "Enter";
	case '\t': return "Tab";
	case ESC: return "Esc";
	case ' ': return "Space";
	case KC_DIGIT: return "1-9";
	case KC_LETTER: return "a-z";
	case KC_NUMBER: return "0-9";
	case KC_TEXT: return "输入文字";
	}
	if ((key & TUI_FN) && (key & ~TUI_FN) > 0410 && (key & ~TUI_FN) <= 0410 + 64) {
		snprintf(buf, 16, "F%d", (key & ~TUI_FN) - 0410);
		return buf;
	}
	if (!(key & TUI_FN) && key > 0 && key < 0x20) {
		snprintf(buf, 16, "Ctrl-%c", key + '@');
		return buf;
	}
	if (!(key & TUI_FN) && key < 0x7f) {
		snprintf(buf, 16, "%c", key);
		return buf;
	}
	snprintf(buf, 16, "#%d", key & ~TUI_FN);
	return buf;
}

/* True when `name` is already one of the '/'-separated names in list
 * (letters compared without case: T and t are one key on the bar). */
static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncasecmp(p, name, n) == 0)
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/* Another binding with a bar label works in ctx. */
static bool others_on_bar(const struct binding *self, unsigned ctx, const bool *hidden)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if (&bindings[i] != self && bindings[i].bar_label && applies(&bindings[i], ctx, hidden))
			return true;
	return false;
}

/* A class of keys in words, for BAR_WORDS. */
static const char *key_word(int key, char buf[16])
{
	switch (key) {
	case KC_DIGIT: case KC_NUMBER: return "数字";
	case KC_LETTER: return "代码";
	}
	return keys_name(key, buf);
}

/* The names of the keys that mean this binding in ctx, "F2/Ctrl-S"; at
 * most `most` of them.  A key taken by an earlier binding, or printable
 * text in a text field, is left out: help must not promise what the key
 * does not do. */
static bool live_names(const struct binding *b, unsigned ctx, const bool *hidden, bool words,
		       int most, char *out, size_t outsz)
{
	out[0] = '\0';
	int named = 0;
	for (const int *k = b->keys; *k && named < most; k++) {
		char buf[16];
		const char *name;
		if (*k == KC_ANY) {
			name = others_on_bar(b, ctx, hidden) ? "其他键" : "任意键";
		} else {
			int probe = *k == KC_DIGIT || *k == KC_NUMBER ? '1'
				    : *k == KC_LETTER || *k == KC_TEXT ? 'a'
									: *k;
			if (keys_lookup(probe, ctx, hidden) != b->action)
				continue;
			name = words ? key_word(*k, buf) : keys_name(*k, buf);
		}
		if (listed(out, name))
			continue;
		size_t used = strlen(out);
		snprintf(out + used, outsz - used, "%s%s", used ? "/" : "", name);
		named++;
	}
	return out[0] != '\0';
}

/* The digit keys name what they pick here: "1-5", not "1-9". */
static void digit_range(char *names, int ndigits)
{
	/* Same length: "1-9" becomes "1-N" in place. */
	if (ndigits > 0 && ndigits < 9 && strncmp(names, "1-9", 3) == 0)
		names[2] = (char)('0' + ndigits);
}

/* The bar's name for binding b (the one at index i). */
static bool bar_names(size_t i, unsigned ctx, const bool *hidden, int ndigits, char *out,
		      size_t outsz)
{
	const struct binding *b = &bindings[i];
	int most = b->bar == BAR_FIRST || b->bar == BAR_PAIR ? 1 : 8;
	if (!live_names(b, ctx, hidden, b->bar == BAR_WORDS, most, out, outsz))
		return false;
	digit_range(out, ndigits);
	char next[32];
	if (b->bar == BAR_PAIR && i + 1 < NBINDINGS &&
	    live_names(&bindings[i + 1], ctx, hidden, false, 1, next, sizeof next)) {
		size_t used = strlen(out);
		snprintf(out + used, outsz - used, "/%s", next);
	}
	return true;
}

char *keys_bar(unsigned ctx, const bool *hidden, int ndigits)
{
	size_t cap = 0, len = 0;
	char *bar = NULL;
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!b->bar_label || !applies(b, ctx, hidden))
			continue;
		/* In a text field the printable twins ('?') are text, so the
		 * bar then names only what still works (F1). */
		char names[64];
		if (!bar_names(i, ctx, hidden, ndigits, names, sizeof names))
			continue;
		char *item = xasprintf("%s%s %s", len ? "  " : " ", names, b->bar_label);
		size_t n = strlen(item);
		bar = xgrow(bar, &cap, len + n + 1, 1);
		memcpy(bar + len, item, n + 1);
		len += n;
		free(item);
	}
	return bar ? bar : xstrdup("");
}

void keys_help(unsigned ctx, const bool *hidden, int ndigits, keys_help_fn fn, void *arg)
{
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!applies(b, ctx, hidden))
			continue;
		char names[64];
		if (!live_names(b, ctx, hidden, false, 8, names, sizeof names))
			continue;
		digit_range(names, ndigits);
		fn(names, b->help, arg);
	}
}

static const char *first_name(enum action act, unsigned ctx, bool plain)
{
	/* A few at once: one message may name several keys. */
	static char bufs[4][16];
	static int next;
	char *buf = bufs[next++ % 4];
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (b->action != act || !applies(b, ctx, NULL))
			continue;
		for (const int *k = b->keys; *k; k++) {
			int code = *k & ~TUI_FN;
			bool fkey = (*k & TUI_FN) && code > 0410 && code <= 0410 + 64;
			if (plain && fkey)
				continue;
			if (keys_lookup(*k, ctx, NULL) == act)
				return keys_name(*k, buf);
		}
	}
	return "";
}

const char *keys_first_name(enum action act, unsigned ctx)
{
	return first_name(act, ctx, false);
}

const char *keys_plain_name(enum action act, unsigned ctx)
{
	return first_name(act, ctx, true);
}
