#ifndef BIANMIN_ENTRY_DETAIL_H
#define BIANMIN_ENTRY_DETAIL_H
/* One entry in full, drawn from row y down: every field, its 承诺件
 * state, rating, clerk, corrections and void. */

struct app;
struct entry;

void entry_detail_draw(struct app *a, const struct entry *e, int y);

#endif
