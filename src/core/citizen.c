/* Returning citizens: repeats of a matter within a year, and the names a
 * window has served, for completion. */
/* memmem() */
#define _GNU_SOURCE
#include "citizen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "pinyin.h"
#include "util.h"

bool citizen_repeat(struct db *db, const char *serial, struct citizen_repeat *out, char **err)
{
	/* The year's range of the covering index txn_report, narrowed to the
	 * matter inside it: a few thousand index entries at most, no scan of
	 * the ledger for a number that has no index of its own. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT e.serial, e.occurred_on FROM txn n JOIN txn e "
		"ON e.occurred_on BETWEEN substr(n.occurred_on, 1, 4) || '-01-01' "
		"AND substr(n.occurred_on, 1, 4) || '-12-31' "
		"AND e.matter_id = n.matter_id AND e.voided_at IS NULL "
		"AND e.id_number = n.id_number AND e.id <> n.id "
		"WHERE n.serial = upper(:serial) AND n.id_number <> '' "
		"ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1", err);
	if (!st)
		return false;
	db_bind_text(st, ":serial", serial ? serial : "");
	int rc = db_step(db, st, err);
	if (rc == SQLITE_ROW) {
		snprintf(out->serial, sizeof out->serial, "%s", db_col_text(st, 0));
		snprintf(out->date, sizeof out->date, "%s", db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}

/* The names of a window in two texts, latest first, each name between line
 * breaks ("\n张记面馆\n王芳\n"), and their initials likewise: one memmem()
 * over a few megabytes finds a prefix ("\n张"), a substring or initials
 * ("\nzj") faster than a loop over 150,000 strings.  The strings the
 * names point to live in those texts (the breaks made NULs in a copy). */
struct citizen_names {
	struct citizen_name *names; /* latest first */
	size_t n, cap;
	struct strbuf text, initials;   /* "\n" name "\n" ... */
	size_t *text_at, *initials_at;  /* where each name starts in them */
	struct strbuf store;            /* NUL-terminated copies the names point to */
	size_t *store_at;               /* applicant, id_number, initials of each name */
	size_t at_cap, store_cap;
	struct citizen_name *noted;     /* names saved since the load, newest first */
	size_t nnoted, noted_cap;
	char **noted_texts;
	size_t nnoted_texts, noted_texts_cap;
};

static void add_name(struct citizen_names *n, const char *applicant, const char *id_number,
		     const struct catalog_village *v, int64_t txn)
{
	char initials[128];
	pinyin_initials(initials, sizeof initials, applicant);
	n->names = xgrow(n->names, &n->cap, n->n + 1, sizeof *n->names);
	n->text_at = xgrow(n->text_at, &n->at_cap, n->n + 1, sizeof *n->text_at);
	n->initials_at = xrealloc(n->initials_at, n->at_cap * sizeof *n->initials_at);
	n->store_at = xgrow(n->store_at, &n->store_cap, 3 * (n->n + 1), sizeof *n->store_at);
	n->text_at[n->n] = n->text.len;
	strbuf_add(&n->text, "\n");
	strbuf_add(&n->text, applicant);
	n->initials_at[n->n] = n->initials.len;
	strbuf_add(&n->initials, "\n");
	strbuf_add(&n->initials, initials);
	const char *parts[3] = { applicant, id_number ? id_number : "", initials };
	for (int k = 0; k < 3; k++) {
		n->store_at[3 * n->n + (size_t)k] = n->store.len;
		strbuf_addn(&n->store, parts[k], strlen(parts[k]) + 1);
	}
	n->names[n->n++] = (struct citizen_name){ .village = v, .last_txn = txn };
}

/* Pointers into `store` are set once it stops growing. */
static void point_names(struct citizen_names *n)
{
	for (size_t i = 0; i < n->n; i++) {
		n->names[i].applicant = n->store.s + n->store_at[3 * i];
		n->names[i].id_number = n->store.s + n->store_at[3 * i + 1];
		n->names[i].initials = n->store.s + n->store_at[3 * i + 2];
	}
}

/* Takes in the entries past citizen_upto (an import's, or any written by
 * an older program), in one write transaction, counting each name's
 * entries that are not voided (later voids are the trigger's: schema.sql,
 * migration 5).  Skipped (false, no harm) when another writer holds the
 * lock: the names then lack those rows until the next reader. */
static bool catch_up(struct db *db, char **err)
{
	int64_t upto = db_int(db, 0, "SELECT CAST(value AS INTEGER) FROM setting "
				     "WHERE key = 'citizen_upto'");
	if (db_int(db, 0, "SELECT coalesce(max(id), 0) FROM txn") <= upto)
		return true;
	if (!db_begin_write(db, err))
		return false;
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO citizen (window_id, applicant, id_number, village_id, last_txn, uses) "
		"SELECT m.window_id, t.applicant, t.id_number, t.village_id, max(t.id), count(*) "
		"FROM txn t JOIN matter m ON m.id = t.matter_id "
		"WHERE t.id > :upto AND t.applicant <> '' AND t.voided_at IS NULL "
		"GROUP BY m.window_id, t.applicant "
		"ON CONFLICT (window_id, applicant) DO UPDATE SET uses = citizen.uses + excluded.uses, "
		"id_number = excluded.id_number, village_id = excluded.village_id, "
		"last_txn = excluded.last_txn", err);
	bool ok = st != NULL;
	if (ok) {
		db_bind_int(st, ":upto", upto);
		ok = db_run(db, st, err);
	}
	ok = ok && db_exec(db, "INSERT INTO setting (key, value) "
			       "SELECT 'citizen_upto', CAST(max(id) AS TEXT) FROM txn WHERE true "
			       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	return db_end_write(db, ok, err);
}

struct citizen_names *citizen_names_load(struct db *db, const struct catalog *cat,
					 const struct catalog_window *w, char **err)
{
	char *why = NULL;
	catch_up(db, &why);
	free(why);
	sqlite3_stmt *st = db_stmt(db, "SELECT applicant, id_number, village_id, last_txn "
				       "FROM citizen WHERE window_id = :window "
				       "ORDER BY last_txn DESC", err);
	if (!st)
		return NULL;
	db_bind_int(st, ":window", w->id);
	struct citizen_names *n = xcalloc(1, sizeof *n);
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		const struct catalog_village *v =
			sqlite3_column_type(st, 2) == SQLITE_NULL
				? NULL
				: catalog_village_by_id(cat, sqlite3_column_int64(st, 2));
		add_name(n, db_col_text(st, 0), db_col_text(st, 1), v, sqlite3_column_int64(st, 3));
	}
	sqlite3_reset(st);
	strbuf_add(&n->text, "\n");
	strbuf_add(&n->initials, "\n");
	point_names(n);
	if (rc < 0) {
		citizen_names_free(n);
		return NULL;
	}
	return n;
}

void citizen_names_free(struct citizen_names *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nnoted_texts; i++)
		free(n->noted_texts[i]);
	free(n->noted_texts);
	free(n->noted);
	free(n->names);
	free(n->text.s);
	free(n->initials.s);
	free(n->text_at);
	free(n->initials_at);
	free(n->store.s);
	free(n->store_at);
	free(n);
}

size_t citizen_names_count(const struct citizen_names *n)
{
	return n ? n->n + n->nnoted : 0;
}

static const char *keep(struct citizen_names *n, const char *s)
{
	n->noted_texts = xgrow(n->noted_texts, &n->noted_texts_cap, n->nnoted_texts + 1,
			       sizeof *n->noted_texts);
	return n->noted_texts[n->nnoted_texts++] = xstrdup(s ? s : "");
}

void citizen_names_note(struct citizen_names *n, const char *applicant, const char *id_number,
			const struct catalog_village *village, int64_t txn)
{
	if (!n || !applicant || !*applicant)
		return;
	/* The few saves of a session go in a short list searched first; the
	 * loaded name they repeat is skipped by the lookup (its txn is older). */
	char initials[128];
	pinyin_initials(initials, sizeof initials, applicant);
	size_t at = n->nnoted;
	for (size_t i = 0; i < n->nnoted; i++)
		if (strcmp(n->noted[i].applicant, applicant) == 0)
			at = i;
	if (at == n->nnoted)
		n->noted = xgrow(n->noted, &n->noted_cap, ++n->nnoted, sizeof *n->noted);
	memmove(n->noted + 1, n->noted, at * sizeof *n->noted);
	n->noted[0] = (struct citizen_name){ .applicant = keep(n, applicant),
					     .id_number = keep(n, id_number),
					     .village = village,
					     .initials = keep(n, initials),
					     .last_txn = txn };
}

/* Lower-case ASCII letters only: what initials can match. */
static bool initials_shaped(const char *s, char *lower, size_t size)
{
	size_t i = 0;
	for (; s[i]; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z' || i + 1 >= size)
			return false;
		lower[i] = c;
	}
	lower[i] = '\0';
	return i > 0;
}

static int offset_cmp(const void *key, const void *elem)
{
	size_t a = *(const size_t *)key, b = *(const size_t *)elem;
	return (a > b) - (a < b);
}

/* The name whose line holds offset `off` of a text (starts[] ascending,
 * starts[0] == 0). */
static size_t name_at(const size_t *starts, size_t n, size_t off)
{
	return upper_bound(&off, starts, n, sizeof *starts, offset_cmp) - 1;
}

enum { PREFIX, INSIDE, INITIALS, GROUPS };

struct finding {
	const struct citizen_name **group[GROUPS];
	size_t count[GROUPS], max;
	const struct citizen_names *n;
	bool *taken; /* by loaded name, so a name found twice counts once */
};

static size_t found(const struct finding *f)
{
	return f->count[PREFIX] + f->count[INSIDE] + f->count[INITIALS];
}

static void take(struct finding *f, int g, const struct citizen_name *c, size_t loaded)
{
	if (loaded < f->n->n) {
		if (f->taken[loaded])
			return;
		/* A name saved this session stands once, where the save put it. */
		for (size_t i = 0; i < f->n->nnoted; i++)
			if (strcmp(f->n->noted[i].applicant, c->applicant) == 0)
				return;
		f->taken[loaded] = true;
	}
	if (f->count[g] < f->max)
		f->group[g][f->count[g]++] = c;
}

/* Every line of `text` holding `needle`, latest first: a hit right after
 * the line break goes to group `at_start`, one further in to `inside`
 * (GROUPS: not wanted).  The needle is searched alone, never with the line
 * break before it: a break comes every few bytes and would make memmem
 * stop at each.  Stops once group `at_start` is full. */
static void scan(struct finding *f, const struct strbuf *text, const size_t *starts,
		 const char *needle, int at_start, int inside)
{
	size_t len = strlen(needle);
	const char *p = text->s, *end = text->s + text->len;
	while (f->count[at_start] < f->max && p < end &&
	       (p = memmem(p, (size_t)(end - p), needle, len))) {
		size_t off = (size_t)(p - text->s);
		size_t i = name_at(starts, f->n->n, off);
		bool first = p > text->s && p[-1] == '\n';
		if (first || inside != GROUPS)
			take(f, first ? at_start : inside, &f->n->names[i], i);
		/* On to the next line: one name counts once. */
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		p = eol ? eol : end;
	}
}

size_t citizen_names_find(const struct citizen_names *n, const char *typed,
			  const struct citizen_name **out, size_t max)
{
	if (!n || !typed || !*typed || max == 0 || strchr(typed, '\n'))
		return 0;
	char lower[64];
	bool by_initials = initials_shaped(typed, lower, sizeof lower);
	struct finding f = { .max = max, .n = n };
	f.group[PREFIX] = out;
	f.group[INSIDE] = xcalloc(max, sizeof *out);
	f.group[INITIALS] = xcalloc(max, sizeof *out);
	f.taken = xcalloc(n->n + 1, sizeof *f.taken);
	for (size_t i = 0; i < n->nnoted; i++) {
		const struct citizen_name *c = &n->noted[i];
		size_t len = strlen(typed);
		if (strncmp(c->applicant, typed, len) == 0)
			take(&f, PREFIX, c, n->n);
		else if (strstr(c->applicant, typed))
			take(&f, INSIDE, c, n->n);
		else if (by_initials && strncmp(c->initials, lower, strlen(lower)) == 0)
			take(&f, INITIALS, c, n->n);
	}
	if (n->text.s) {
		scan(&f, &n->text, n->text_at, typed, PREFIX, INSIDE);
		if (by_initials && found(&f) < max)
			scan(&f, &n->initials, n->initials_at, lower, INITIALS, GROUPS);
	}
	size_t k = f.count[PREFIX];
	for (int g = INSIDE; g < GROUPS; g++) {
		for (size_t i = 0; i < f.count[g] && k < max; i++)
			out[k++] = f.group[g][i];
		free(f.group[g]);
	}
	free(f.taken);
	return k;
}
