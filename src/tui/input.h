#ifndef BIANMIN_TUI_INPUT_H
#define BIANMIN_TUI_INPUT_H
/* Keys from the terminal: get_wch with the idle poll, a terminal that is
 * gone, and pastes, whose line breaks are text and never Enter (a pasted
 * break would save half a form and leak the rest into the next). */

#include <stdbool.h>

/* How often an idle screen looks for other terminals' saves. */
#define INPUT_POLL_MS 300

/* Asks the terminal to mark pastes (bracketed paste); after keypad(). */
void input_start(void);
void input_stop(void);
/* One key into *key (function keys as FK()); false when none came within
 * the poll. */
bool input_read(int *key);
/* Reads failed at once, again and again: the terminal hung up. */
bool input_gone(void);
/* The key as a screen should see it, given the contexts that hold and
 * whether the last key was text for a field: a pasted line break is a
 * space in a text field.  -1 for a key taken here (the paste marks, a
 * pasted break outside a text field). */
int input_cook(int key, unsigned ctx, bool after_text);

#endif
