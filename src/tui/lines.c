#include "lines.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

/* LINES_AUTO after lines_start() means ncurses' own line drawing (ACS). */
static enum lines_mode wanted = LINES_AUTO, drawn = LINES_AUTO;

bool lines_parse(const char *s, enum lines_mode *out)
{
	static const char *const names[] = { "auto", "unicode", "ascii" };
	for (int i = 0; i < 3; i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*out = (enum lines_mode)i;
			return true;
		}
	}
	return false;
}

void lines_set(enum lines_mode m)
{
	wanted = m;
}

static bool starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether ncurses draws its line characters as Unicode itself in a UTF-8
 * locale (ncurses(3X), NCURSES_NO_UTF8_ACS): when told so by the
 * variable, when the terminal description has the U8 capability, and for
 * the linux console and screen, which ncurses treats so on its own.  Then
 * its line drawing is right on any UTF-8 terminal. */
static bool ncurses_draws_unicode(const char *term)
{
	const char *no_acs = getenv("NCURSES_NO_UTF8_ACS");
	if (no_acs && *no_acs)
		return atoi(no_acs) != 0;
	int u8 = tigetnum((char *)"U8");
	if (u8 > 0)
		return true;
	return starts(term, "linux") || starts(term, "screen");
}

/* Otherwise ncurses switches to the DEC graphics set (smacs), which some
 * terminals ignore in UTF-8 mode and show as the letters behind it:
 * PuTTY by default, and tmux when the TERM inside it names an xterm
 * (measured: qqqq under tmux 3.3 with TERM=xterm-256color). */
static bool mangles_dec_graphics(const char *term)
{
	if (starts(term, "putty"))
		return true;
	return getenv("TMUX") && !starts(term, "screen") && !starts(term, "tmux");
}

void lines_start(void)
{
	const char *term = getenv("TERM");
	drawn = wanted;
	if (wanted == LINES_AUTO && !ncurses_draws_unicode(term) && mangles_dec_graphics(term))
		drawn = LINES_ASCII;
}

enum lines_mode lines_mode_now(void)
{
	return drawn;
}

void lines_hline(int y, int x, int n)
{
	if (drawn == LINES_ASCII)
		mvhline(y, x, '-', n);
	else if (drawn == LINES_UNICODE)
		mvhline_set(y, x, WACS_HLINE, n);
	else
		mvhline(y, x, ACS_HLINE, n);
}

void lines_vline(int y, int x, int n)
{
	if (drawn == LINES_ASCII)
		mvvline(y, x, '|', n);
	else if (drawn == LINES_UNICODE)
		mvvline_set(y, x, WACS_VLINE, n);
	else
		mvvline(y, x, ACS_VLINE, n);
}
