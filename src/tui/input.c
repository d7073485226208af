#include "input.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <wctype.h>

#include "keys.h"

/* Bracketed paste (xterm, PuTTY, tmux ...): the terminal marks the start
 * and end of pasted text.  A terminal that does not know the mode ignores
 * the request, and then text already waiting after a line break tells a
 * paste from a typed Enter. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

static bool gone, pasting;

static void bracketed_paste(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

void input_start(void)
{
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	bracketed_paste(true);
	timeout(INPUT_POLL_MS);
}

void input_stop(void)
{
	bracketed_paste(false);
}

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

bool input_gone(void)
{
	return gone;
}

/* A read that fails at once, again and again, is a terminal that is gone
 * (hung up with SIGHUP ignored): say so rather than spin. */
bool input_read(int *key)
{
	static int quick_errors;
	int64_t asked = monotonic_ms();
	wint_t wc;
	int r = get_wch(&wc);
	if (r != ERR) {
		quick_errors = 0;
		*key = r == KEY_CODE_YES ? FK((int)wc) : (int)wc;
		return true;
	}
	quick_errors = monotonic_ms() - asked < INPUT_POLL_MS / 10 ? quick_errors + 1 : 0;
	if (quick_errors > 100)
		gone = true;
	return false;
}

static bool line_break(int key)
{
	return key == '\n' || key == '\r' || key == TK_ENTER;
}

/* The next key, if one is already waiting, without waiting for one. */
static int peek(wint_t *wc)
{
	timeout(0);
	int r = get_wch(wc);
	timeout(INPUT_POLL_MS);
	return r;
}

static void put_back(int r, wint_t wc)
{
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else if (r == OK)
		unget_wch((wchar_t)wc);
}

/* True when text is already waiting after a line break: the keys are a
 * paste (a person cannot type the next character within the same read),
 * so the break belongs to the text.  CR LF counts as one break.  The key
 * looked at is put back. */
static bool text_follows(int key)
{
	wint_t wc;
	int r = peek(&wc);
	if (key == '\r' && r == OK && wc == '\n')
		r = peek(&wc);
	put_back(r, wc);
	return r == OK && iswprint(wc);
}

/* The LF of a pasted CR LF: one break, one space. */
static void swallow_lf(void)
{
	wint_t wc;
	int r = peek(&wc);
	if (!(r == OK && wc == '\n'))
		put_back(r, wc);
}

int input_cook(int key, unsigned ctx, bool after_text)
{
	if (key == FK(KEY_PASTE_BEGIN) || key == FK(KEY_PASTE_END)) {
		pasting = key == FK(KEY_PASTE_BEGIN);
		return -1;
	}
	if (!line_break(key))
		return key;
	if (!(ctx & CTX_TEXT))
		return pasting ? -1 : key;
	if (pasting) {
		if (key == '\r')
			swallow_lf();
		return ' ';
	}
	return after_text && text_follows(key) ? ' ' : key;
}
