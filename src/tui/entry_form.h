#ifndef BIANMIN_TUI_ENTRY_FORM_H
#define BIANMIN_TUI_ENTRY_FORM_H
/* The entry form of the window screen: which fields a matter needs, the
 * village and category pickers, and turning the fields into an entry
 * draft with each check pointing back at its field. */

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "keys.h"
#include "ledger.h"
#include "lineedit.h"
#include "list.h"

struct app;
struct citizen_name;
struct citizen_names;

enum form_field {
	FF_APPLICANT,
	FF_ID,
	FF_VILLAGE,
	FF_HOUSEHOLDS,
	FF_PERSONS,
	FF_QUANTITY,
	FF_CATEGORY,
	FF_NOTE,
	FF_PHONE, /* 联系电话: on a 承诺件's form, after the ID number */
	FF_COUNT
};

/* A choice of a picker field: a village (code and name), a category
 * (its number from 1 and its name; code NULL), or a returning citizen
 * (`citizen`: the name, with its ID number and village). */
struct entry_choice {
	const char *code, *name;
	size_t number;
	const struct citizen_name *citizen;
};
#define ENTRY_FORM_NAMES 8

struct entry_form {
	const struct catalog_matter *matter;
	struct lineedit edit[FF_COUNT];
	enum form_field fields[FF_COUNT]; /* the ones this matter shows, in order */
	int nfields;
	int at;      /* index into fields: the one with the cursor */
	struct list pick;            /* the picker's choices, with the highlight */
	struct entry_choice *shown;  /* the choices as last drawn */
	size_t nshown;
	bool moved;  /* the clerk moved the highlight: take it even with no text */
	bool closed; /* Esc closed the picker of this field; typing opens it */
	/* The window's names for 申请人 (the screen owns them; NULL: none). */
	struct citizen_names *names;
};

void entry_form_init(struct entry_form *f);
void entry_form_finish(struct entry_form *f);
/* Gives the form the window's names (NULL: none), freeing those it held. */
void entry_form_set_names(struct entry_form *f, struct citizen_names *names);
/* Shows the fields matter m needs; applicant, ID, village and note carry
 * over from the previous matter, the rest start empty. */
void entry_form_set_matter(struct entry_form *f, const struct catalog_matter *m);
/* A 人次 matter with no categories and no ID requirement has no form. */
bool entry_form_needed(const struct catalog_matter *m);
const char *entry_form_label(enum form_field f);

/* Puts the cursor in field i (an index into fields). */
void entry_form_goto(struct entry_form *f, int i);
/* The field with the cursor offers a list (村, 分类), not closed by Esc. */
bool entry_form_picking(const struct entry_form *f);
void entry_form_close_picker(struct entry_form *f);
/* Something typed that a save would keep (the village, kept between
 * citizens, does not count). */
bool entry_form_has_input(const struct entry_form *f);
/* Up/Down in the picker's list; false for another action. */
bool entry_form_pick_act(struct entry_form *f, enum action act);
/* The category field's choices are numbered from 1 in the catalog's order
 * (filtering leaves the numbers alone); takes choice n, or false with a
 * message. */
bool entry_form_numbered(const struct entry_form *f);
size_t entry_form_choice_count(const struct entry_form *f);
bool entry_form_pick_number(struct entry_form *f, size_t n, char **err);
void entry_form_draw_picker(struct entry_form *f, const struct catalog *cat, int y0, int y1);
/* Leaving the field with the cursor: a picker field takes the highlighted
 * choice; false (with a message) when nothing matches what was typed. */
bool entry_form_accept(struct entry_form *f, const struct catalog *cat, char **err);
/* A line about the field with the cursor (the ID check as typed ...);
 * *msg malloc'd or NULL. */
void entry_form_hint(struct entry_form *f, const struct catalog *cat, char **msg, bool *bad);
/* A full field says so on the status line. */
void entry_form_edit(struct app *a, struct entry_form *f, enum action act, int key);

/* The strings a filled draft borrows. */
struct entry_form_values {
	char *text[FF_COUNT];
	char id[19];
};
/* Fills d from the fields.  Returns -1 when all is well, else the index
 * (into fields) of the first bad field, with *err saying why; v is then
 * already freed. */
int entry_form_collect(struct entry_form *f, const struct catalog *cat, struct entry_draft *d,
		       struct entry_form_values *v, char **err);
void entry_form_values_free(struct entry_form_values *v);
/* The index (into fields) of the field core's refusal names; -1 when the
 * form does not show it or the refusal is about no one field. */
int entry_form_index_of_field(const struct entry_form *f, enum entry_field field);
/* After a save: empty for the next citizen, the village kept. */
void entry_form_clear_for_next(struct entry_form *f);

#endif
