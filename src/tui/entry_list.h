#ifndef BIANMIN_TUI_ENTRY_LIST_H
#define BIANMIN_TUI_ENTRY_LIST_H
/* The lower part of the window screen: today's entries of the window, and
 * voiding one of them (choose it, then type the reason).  The list offers
 * only what this account may void; ledger_void still decides. */

#include <stdbool.h>

#include "catalog.h"
#include "keys.h"

struct app;

void entry_list_init(void);
void entry_list_finish(void);
/* Draws from row y down to LINES-4. */
void entry_list_draw(struct app *a, const struct catalog_window *w, int y);
/* Starts choosing one of window w's entries to void; false (with a
 * message) when it cannot or there is none. */
bool entry_list_begin_void(struct app *a, const struct catalog_window *w);
/* Keys while voiding; true when voiding is over (done or given up). */
bool entry_list_handle(struct app *a, enum action act, int key);
/* The key contexts while voiding. */
unsigned entry_list_context(void);

#endif
