#ifndef BIANMIN_RATING_H
#define BIANMIN_RATING_H
/* 好差评: the citizen's rating of an entry, five levels (5 非常满意,
 * 4 满意, 3 基本满意, 2 不满意, 1 非常不满意).  1 and 2 are 差评: they need a
 * reason, and a call-back (回访) within 15 working days; an open 差评 older
 * than that is 超期.  One rating per entry: a re-rating replaces it, and
 * every rating and call-back is audited. */

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "workday.h"

struct db;

#define RATING_LEVELS 5
/* Working days within which a 差评 is called back. */
#define RATING_FOLLOWUP_DAYS 15

/* "非常满意" .. "非常不满意"; "" for a level out of 1..5. */
const char *rating_level_name(int level);
/* A level's name or its digit (5..1); false for anything else. */
bool rating_level_parse(const char *s, int *level);
static inline bool rating_is_bad(int level)
{
	return level >= 1 && level <= 2;
}

/* Rates the entry `serial` (not voided); a 差评 needs a reason (for 3..5
 * the reason is kept if given).  A clerk rates within their windows. */
bool rating_set(struct db *db, const char *serial, int level, const char *reason,
		const char *login, char **err);
/* Records the call-back of a 差评 (note required), once. */
bool rating_followup(struct db *db, const char *serial, const char *note, const char *login,
		     char **err);

struct rating {
	const char *serial;
	int level;
	const char *reason, *at, *login;      /* at: YYYY-MM-DDTHH:MM:SS */
	const char *followup_note, *followup_at, *followup_by; /* NULL until called back */
	/* The entry's, for the follow-up list. */
	const struct catalog_window *window;
	const struct catalog_matter *matter;
	const char *applicant, *phone, *date, *clerk;
};
typedef bool (*rating_fn)(const struct rating *r, void *ctx);
/* The rating of one entry: fn is called once if it has one; *found says. */
bool rating_get(struct db *db, const struct catalog *cat, const char *serial, rating_fn fn,
		void *ctx, bool *found, char **err);
/* 差评 still waiting for their call-back, oldest first, of the windows
 * `viewer` may look into (a clerk kept to some windows sees only theirs). */
bool rating_pending(struct db *db, const struct catalog *cat, const char *viewer, rating_fn fn,
		    void *ctx, char **err);
/* Whether a 差评 not yet called back is past its 15 working days. */
bool rating_overdue(struct workday_cal *cal, const struct rating *r, const char *today);

#endif
