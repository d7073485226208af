/* The holiday table: load, list, and the calendar read from it. */
#include "holiday.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clerk.h"
#include "csvrow.h"
#include "db_sql.h"
#include "period.h"
#include "text.h"
#include "util.h"

extern const char embedded_holidays_csv[];
extern const size_t embedded_holidays_csv_len;

/* A holiday's name, in characters: refused when longer, never cut. */
enum { HOLIDAY_NAME_MAX = 30 };

struct row {
	char day[DATE_LEN];
	bool off;
	char *name;
};

struct load {
	int col_day, col_kind, col_name; /* -1 absent */
	bool have_header;
	struct row *rows;
	size_t nrows, cap;
	struct line_errors errors;
};

#define add_error(ld, line, ...) line_errors_add(&(ld)->errors, line, __VA_ARGS__)

static const char *field(char **fields, size_t n, int col)
{
	return col >= 0 && (size_t)col < n ? csvrow_unguard(fields[col]) : "";
}

static bool read_header(struct load *ld, char **fields, size_t n, size_t line)
{
	ld->col_day = ld->col_kind = ld->col_name = -1;
	for (size_t f = 0; f < n; f++) {
		const char *h = csvrow_unguard(fields[f]);
		if (strcmp(h, "日期") == 0 || strcmp(h, "day") == 0)
			ld->col_day = (int)f;
		else if (strcmp(h, "类型") == 0 || strcmp(h, "kind") == 0)
			ld->col_kind = (int)f;
		else if (strcmp(h, "名称") == 0 || strcmp(h, "name") == 0)
			ld->col_name = (int)f;
		else
			add_error(ld, line, "未知的列“%s”（应为 日期、类型、名称）", h);
	}
	if (ld->col_day < 0)
		add_error(ld, line, "缺少必需的列“日期”");
	if (ld->col_kind < 0)
		add_error(ld, line, "缺少必需的列“类型”");
	ld->have_header = true;
	return true;
}

static bool read_row(char **fields, size_t n, size_t line, void *ctx, char **err)
{
	(void)err;
	struct load *ld = ctx;
	if (!ld->have_header)
		return read_header(ld, fields, n, line);
	const char *day = field(fields, n, ld->col_day);
	const char *kind = field(fields, n, ld->col_kind);
	const char *name = field(fields, n, ld->col_name);
	bool good = true;
	if (!period_valid_date(day)) {
		add_error(ld, line, period_date_shaped(day) ? "日期 %s 不是真实的日期"
							    : "日期“%s”无效，应为 YYYY-MM-DD", day);
		good = false;
	}
	bool off = strcmp(kind, "休") == 0;
	if (!off && strcmp(kind, "班") != 0) {
		add_error(ld, line, "类型“%s”无效，应为 休（放假）或 班（调休上班）", kind);
		good = false;
	}
	char *why = NULL;
	if (!text_check(name, "名称", HOLIDAY_NAME_MAX, false, &why)) {
		add_error(ld, line, "%s", why);
		good = false;
	}
	free(why);
	for (size_t i = 0; good && i < ld->nrows; i++) {
		if (strcmp(ld->rows[i].day, day) == 0) {
			add_error(ld, line, "日期 %s 重复出现", day);
			good = false;
		}
	}
	if (good) {
		int64_t wd = period_weekday(day);
		/* A 班 day is a weekend day worked; on a weekday it says nothing
		 * and is most likely a slip for 休. */
		if (!off && wd != 0 && wd != 6) {
			add_error(ld, line, "%s 是%s，本来就上班，不能标为 班", day,
				  period_weekday_name(day));
			good = false;
		}
	}
	if (good) {
		ld->rows = xgrow(ld->rows, &ld->cap, ld->nrows + 1, sizeof *ld->rows);
		struct row *r = &ld->rows[ld->nrows++];
		snprintf(r->day, sizeof r->day, "%s", day);
		r->off = off;
		r->name = xstrdup(name);
	}
	return true;
}

static void load_finish(struct load *ld)
{
	for (size_t i = 0; i < ld->nrows; i++)
		free(ld->rows[i].name);
	free(ld->rows);
	free(ld->errors.text.s);
}

static bool parse(struct load *ld, const char *text, size_t len, char **err)
{
	char *perr = NULL;
	char *converted = NULL;
	if (!text_valid_utf8(text, len)) {
		converted = text_gb18030_to_utf8(text, len, &len);
		if (!converted)
			return fail(err, "节假日文件既不是 UTF-8 也不是 GB18030 编码");
		text = converted;
	}
	bool parsed = csvrow_read(text, len, read_row, ld, &perr);
	free(converted);
	if (!parsed) {
		fail(err, "节假日文件格式错误: %s", perr ? perr : "无法解析");
		free(perr);
		return false;
	}
	if (!ld->have_header)
		add_error(ld, 0, "节假日文件为空，缺少标题行（日期,类型,名称）");
	else if (ld->nrows == 0 && ld->errors.n == 0)
		add_error(ld, 0, "节假日文件没有数据行");
	return line_errors_none(&ld->errors, "节假日文件", err);
}

/* The years the file brings whole: those whose 1 January it lists. */
static bool replace_years(struct db *db, const struct load *ld, struct strbuf *years, char **err)
{
	for (size_t i = 0; i < ld->nrows; i++) {
		if (strcmp(ld->rows[i].day + 4, "-01-01") != 0)
			continue;
		sqlite3_stmt *st = db_stmt(db, "DELETE FROM holiday WHERE day >= :from AND day <= :to",
					   err);
		if (!st)
			return false;
		char from[DATE_LEN], to[DATE_LEN];
		int year = period_year_of(ld->rows[i].day);
		period_year_bounds(year, from, to);
		db_bind_text(st, ":from", from);
		db_bind_text(st, ":to", to);
		if (!db_run(db, st, err))
			return false;
		strbuf_addf(years, "%s%d", years->len ? "," : "", year);
	}
	return true;
}

bool holiday_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err)
{
	struct load ld = { 0 };
	if (!parse(&ld, text, len, err)) {
		load_finish(&ld);
		return false;
	}
	if (!db_begin_write(db, err)) {
		load_finish(&ld);
		return false;
	}
	bool ok = true;
	/* The calendar decides every promise's due day: only an administrator
	 * changes it, except while setting up, before anyone is registered. */
	if (db_int(db, 0, "SELECT count(*) FROM clerk") > 0 && !clerk_has_role(db, login, ROLE_ADMIN))
		ok = fail(err, "只有管理员可以载入节假日安排（当前账户 %s）", login);
	struct strbuf years = { 0 };
	strbuf_add(&years, "");
	ok = ok && replace_years(db, &ld, &years, err);
	for (size_t i = 0; ok && i < ld.nrows; i++) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO holiday (day, kind, name) "
					       "VALUES (:day, :kind, :name) ON CONFLICT (day) DO UPDATE "
					       "SET kind = excluded.kind, name = excluded.name", err);
		ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":day", ld.rows[i].day);
			db_bind_text(st, ":kind", ld.rows[i].off ? "休" : "班");
			db_bind_text(st, ":name", ld.rows[i].name);
			ok = db_run(db, st, err);
		}
	}
	if (ok) {
		char *detail = xasprintf("%zu 天%s%s", ld.nrows, years.len ? "，整年: " : "", years.s);
		ok = db_audit(db, login, "holiday load", 0, detail, err);
		free(detail);
	}
	free(years.s);
	load_finish(&ld);
	return db_end_write(db, ok, err);
}

bool holiday_load_defaults(struct db *db, const char *login, bool *loaded, char **err)
{
	if (loaded)
		*loaded = false;
	if (db_int(db, 0, "SELECT count(*) FROM holiday") > 0)
		return true;
	if (!holiday_load_csv(db, embedded_holidays_csv, embedded_holidays_csv_len, login, err))
		return false;
	if (loaded)
		*loaded = true;
	return true;
}

bool holiday_list(struct db *db, int year, holiday_fn fn, void *ctx, char **err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT day, kind, name FROM holiday "
				       "WHERE :from IS NULL OR (day >= :from AND day <= :to) "
				       "ORDER BY day", err);
	if (!st)
		return false;
	if (year) {
		char from[DATE_LEN], to[DATE_LEN];
		period_year_bounds(year, from, to);
		db_bind_text(st, ":from", from);
		db_bind_text(st, ":to", to);
	}
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct holiday_day h = {
			.day = db_col_text(st, 0),
			.off = strcmp(db_col_text(st, 1), "休") == 0,
			.name = db_col_text(st, 2),
		};
		if (!fn(&h, ctx))
			break;
	}
	sqlite3_reset(st);
	return rc >= 0;
}

static bool add_to_cal(const struct holiday_day *h, void *ctx)
{
	workday_cal_add(ctx, h->day, h->off);
	return true;
}

struct workday_cal *holiday_calendar(struct db *db, char **err)
{
	struct workday_cal *cal = workday_cal_new();
	if (!holiday_list(db, 0, add_to_cal, cal, err)) {
		workday_cal_free(cal);
		return NULL;
	}
	return cal;
}
