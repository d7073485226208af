/* 好差评: ratings, call-backs, and the list of 差评 waiting for one. */
#include "rating.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "db_sql.h"
#include "ledger.h"
#include "ledger_int.h"
#include "period.h"
#include "text.h"
#include "util.h"

static const char *const level_names[RATING_LEVELS + 1] = {
	"", "非常不满意", "不满意", "基本满意", "满意", "非常满意",
};

const char *rating_level_name(int level)
{
	return level >= 1 && level <= RATING_LEVELS ? level_names[level] : "";
}

bool rating_level_parse(const char *s, int *level)
{
	if (!s)
		return false;
	if (s[0] >= '1' && s[0] <= '5' && s[1] == '\0') {
		*level = s[0] - '0';
		return true;
	}
	for (int i = 1; i <= RATING_LEVELS; i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*level = i;
			return true;
		}
	}
	return false;
}

/* What a rating or call-back needs to know of its entry. */
struct target {
	int64_t id;
	char window_code[17];
	bool voided;
	int level; /* 0: not rated */
	bool followed_up;
	char followup_at[20];
};

static bool find(struct db *db, const char *serial, struct target *t, char **err)
{
	sqlite3_stmt *st = ledger_find_serial(db, "SELECT t.id, w.code, t.voided_at IS NOT NULL, "
		"coalesce(r.level, 0), r.followup_at IS NOT NULL, coalesce(r.followup_at, '') "
		"FROM txn t JOIN matter m ON m.id = t.matter_id "
		"JOIN \"window\" w ON w.id = m.window_id "
		"LEFT JOIN rating r ON r.txn_id = t.id WHERE t.serial = upper(:serial)", serial, err);
	if (!st)
		return false;
	t->id = sqlite3_column_int64(st, 0);
	snprintf(t->window_code, sizeof t->window_code, "%s", db_col_text(st, 1));
	t->voided = sqlite3_column_int(st, 2) != 0;
	t->level = sqlite3_column_int(st, 3);
	t->followed_up = sqlite3_column_int(st, 4) != 0;
	snprintf(t->followup_at, sizeof t->followup_at, "%s", db_col_text(st, 5));
	sqlite3_reset(st);
	return true;
}

/* A clerk works within their windows; supervisors and admins anywhere. */
static bool may_touch(struct db *db, const struct target *t, const char *serial,
		      const char *login, char **err)
{
	struct clerk c;
	if (!clerk_get(db, login, &c, err))
		return false;
	bool ok = true;
	if (clerk_kept(&c) && !ledger_list_has_code(c.windows, t->window_code))
		ok = fail(err, "编号 %s 不属于您负责的窗口", serial);
	clerk_clear(&c);
	return ok;
}

bool rating_set(struct db *db, const char *serial, int level, const char *reason,
		const char *login, char **err)
{
	if (level < 1 || level > RATING_LEVELS)
		return fail(err, "评价等级 %d 无效，应为 1 到 5", level);
	char trimmed[1024];
	snprintf(trimmed, sizeof trimmed, "%s", reason ? reason : "");
	text_trim(trimmed);
	if (rating_is_bad(level) && !*trimmed)
		return fail(err, "“%s”是差评，必须说明原因（--reason）", rating_level_name(level));
	if (!ledger_check_text(trimmed, "评价原因", LEDGER_REASON_MAX, false, err))
		return false;
	if (!db_begin_write(db, err))
		return false;
	struct target t;
	bool ok = find(db, serial, &t, err) && may_touch(db, &t, serial, login, err);
	if (ok && t.voided)
		ok = fail(err, "编号 %s 已作废，不能评价", serial);
	if (ok) {
		char now[20];
		period_timestamp(now);
		/* A new rating is a new verdict: an earlier call-back answered
		 * the earlier one. */
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO rating (txn_id, level, reason, at, login) "
			"VALUES (:id, :level, :reason, :at, :login) ON CONFLICT (txn_id) DO UPDATE SET "
			"level = excluded.level, reason = excluded.reason, at = excluded.at, "
			"login = excluded.login, followup_note = NULL, followup_at = NULL, "
			"followup_by = NULL", err);
		ok = st != NULL;
		if (ok) {
			db_bind_int(st, ":id", t.id);
			db_bind_int(st, ":level", level);
			db_bind_text(st, ":reason", trimmed);
			db_bind_text(st, ":at", now);
			db_bind_text(st, ":login", login);
			ok = db_run(db, st, err);
		}
		char *detail = t.level
			? xasprintf("%s（原为%s）%s%s", rating_level_name(level),
				    rating_level_name(t.level), *trimmed ? ": " : "", trimmed)
			: xasprintf("%s%s%s", rating_level_name(level), *trimmed ? ": " : "", trimmed);
		ok = ok && db_audit(db, login, "rate", t.id, detail, err);
		free(detail);
	}
	return db_end_write(db, ok, err);
}

bool rating_followup(struct db *db, const char *serial, const char *note, const char *login,
		     char **err)
{
	char trimmed[1024];
	snprintf(trimmed, sizeof trimmed, "%s", note ? note : "");
	if (!*text_trim(trimmed))
		return fail(err, "回访必须记下情况（--note）");
	if (!ledger_check_text(trimmed, "回访情况", LEDGER_NOTE_MAX, true, err))
		return false;
	if (!db_begin_write(db, err))
		return false;
	struct target t;
	bool ok = find(db, serial, &t, err) && may_touch(db, &t, serial, login, err);
	if (ok && t.level == 0)
		ok = fail(err, "编号 %s 还没有评价，无需回访", serial);
	else if (ok && !rating_is_bad(t.level))
		ok = fail(err, "编号 %s 的评价是%s，只有差评（不满意、非常不满意）需要回访", serial,
			  rating_level_name(t.level));
	else if (ok && t.followed_up)
		ok = fail(err, "编号 %s 已于 %.10s 回访", serial, t.followup_at);
	if (ok) {
		char now[20];
		period_timestamp(now);
		sqlite3_stmt *st = db_stmt(db, "UPDATE rating SET followup_note = :note, "
			"followup_at = :at, followup_by = :login WHERE txn_id = :id", err);
		ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":note", trimmed);
			db_bind_text(st, ":at", now);
			db_bind_text(st, ":login", login);
			db_bind_int(st, ":id", t.id);
			ok = db_run(db, st, err);
		}
		ok = ok && db_audit(db, login, "followup", t.id, trimmed, err);
	}
	return db_end_write(db, ok, err);
}

#define RATING_COLUMNS                                                                   \
	"t.serial, r.level, r.reason, r.at, r.login, r.followup_note, r.followup_at, "  \
	"r.followup_by, t.matter_id, t.applicant, t.phone, t.occurred_on, t.clerk"

static const char *nullable(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL : db_col_text(st, col);
}

struct stream {
	const struct catalog *cat;
	rating_fn fn;
	void *ctx;
	long long n;
};

static int stream_row(sqlite3_stmt *st, void *ctx, char **err)
{
	struct stream *s = ctx;
	struct rating r = {
		.serial = db_col_text(st, 0),
		.level = sqlite3_column_int(st, 1),
		.reason = db_col_text(st, 2),
		.at = db_col_text(st, 3),
		.login = db_col_text(st, 4),
		.followup_note = nullable(st, 5),
		.followup_at = nullable(st, 6),
		.followup_by = nullable(st, 7),
		.matter = catalog_matter_by_id(s->cat, sqlite3_column_int64(st, 8)),
		.applicant = db_col_text(st, 9),
		.phone = db_col_text(st, 10),
		.date = db_col_text(st, 11),
		.clerk = db_col_text(st, 12),
	};
	if (!r.matter) {
		fail(err, "事项目录已更新，请重新打开后再试");
		return -1;
	}
	r.window = &s->cat->windows[r.matter->window];
	s->n++;
	return s->fn(&r, s->ctx);
}

bool rating_get(struct db *db, const struct catalog *cat, const char *serial, rating_fn fn,
		void *ctx, bool *found, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " RATING_COLUMNS " FROM rating r "
		"JOIN txn t ON t.id = r.txn_id WHERE t.serial = upper(:serial)", err);
	if (!st)
		return false;
	db_bind_text(st, ":serial", serial);
	struct stream s = { cat, fn, ctx, 0 };
	bool ok = db_each_row(db, st, stream_row, &s, err);
	if (found)
		*found = s.n > 0;
	return ok;
}

/* Passes on the ratings of the windows a clerk kept to some windows may
 * look into: the follow-up list names citizens and their phones. */
struct in_sight {
	const char *windows; /* "" = all */
	rating_fn fn;
	void *ctx;
};

static bool in_sight_fn(const struct rating *r, void *ctx)
{
	const struct in_sight *s = ctx;
	if (*s->windows && !ledger_list_has_code(s->windows, r->window->code))
		return true;
	return s->fn(r, s->ctx);
}

bool rating_pending(struct db *db, const struct catalog *cat, const char *viewer, rating_fn fn,
		    void *ctx, char **err)
{
	struct clerk c;
	if (!clerk_get(db, viewer, &c, err))
		return false;
	struct in_sight sight = { .windows = clerk_kept(&c) ? c.windows : "", fn, ctx };
	sqlite3_stmt *st = db_stmt(db, "SELECT " RATING_COLUMNS " FROM rating r "
		"JOIN txn t ON t.id = r.txn_id WHERE r.level <= 2 AND r.followup_at IS NULL "
		"AND t.voided_at IS NULL ORDER BY r.at, t.id", err);
	struct stream s = { cat, in_sight_fn, &sight, 0 };
	bool ok = st && db_each_row(db, st, stream_row, &s, err);
	clerk_clear(&c);
	return ok;
}

bool rating_overdue(struct workday_cal *cal, const struct rating *r, const char *today)
{
	if (!rating_is_bad(r->level) || r->followup_at)
		return false;
	char day[DATE_LEN];
	snprintf(day, sizeof day, "%.10s", r->at);
	return workday_between(cal, day, today) > RATING_FOLLOWUP_DAYS;
}
