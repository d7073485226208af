#ifndef BIANMIN_FIELD_H
#define BIANMIN_FIELD_H
/* A line editor on screen: draws the visible part of a struct lineedit
 * and feeds it the editing actions.  The pure logic is lineedit.c. */

#include <stdbool.h>

#include "keys.h"
#include "lineedit.h"

struct app;

/* Draws the field at (y, x), `cols` wide; with focus the terminal cursor
 * is placed in it. */
void field_draw(struct app *a, struct lineedit *le, int y, int x, int cols, bool focus);
/* Applies a text or editing action; false if the action is not one. */
bool field_edit(struct lineedit *le, enum action act, int key);
/* True, said on the status line, when a typed character is refused: the
 * field already holds its most (`label`最多 N 个字), or the character is
 * one text_check refuses (hidden).  Text is never dropped without a word. */
bool field_refuses(struct app *a, const struct lineedit *le, const char *label, enum action act,
		   int key);
/* field_edit unless field_refuses. */
void field_type(struct app *a, struct lineedit *le, const char *label, enum action act, int key);

#endif
