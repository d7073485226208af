#include "ledger.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "clerk.h"
#include "db_sql.h"
#include "entry_field.h"
#include "holiday.h"
#include "idcheck.h"
#include "ledger_int.h"
#include "phone.h"
#include "promise.h"
#include "text.h"
#include "util.h"

static const char *const status_names[] = {
	[STATUS_ACCEPTED] = "受理", [STATUS_DONE] = "办结",
	[STATUS_RETURNED] = "退回", [STATUS_TRANSFERRED] = "转办",
};

const char *status_name(enum txn_status s)
{
	return (size_t)s < 4 ? status_names[s] : "?";
}

bool status_parse(const char *s, enum txn_status *out)
{
	for (size_t i = 0; i < 4; i++) {
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum txn_status)i;
			return true;
		}
	}
	return false;
}

/* snprintf("%s") without the format machinery: this runs per imported row. */
static void copy_string(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* A draft resolved against the catalog: what ledger_insert writes. */
struct resolved {
	const struct catalog_window *window;
	const struct catalog_matter *matter;
	const struct catalog_village *village;
	char date[DATE_LEN];
	char time[6];
	char id_number[19];
	enum txn_status status;
	int64_t households, persons, quantity;
	char phone[PHONE_LEN];
	char due_on[DATE_LEN], done_on[DATE_LEN]; /* "" = none */
};

/* A matter counted in entries (项, 件) has no households, persons or
 * quantity, and a 人次 matter only persons: the others keep their default,
 * 1 (what export writes), so a stray figure cannot hide in them.  (A 户
 * matter may record the household's persons, a 人 matter their households:
 * facts, not figures.)  The count a unit does use must count something. */
static bool check_counts(const struct resolved *r, enum entry_field *field, char **err)
{
	enum unit u = r->matter->unit;
	const char *name = r->matter->name, *unit = unit_name(u);
	if (unit_counts_entries(u) && (r->households != 1 || r->persons != 1 || r->quantity != 1))
		return entry_field_fail(field,
					r->households != 1 ? FIELD_HOUSEHOLDS
					: r->persons != 1  ? FIELD_PERSONS
							   : FIELD_QUANTITY,
					err,
					"“%s”按%s计件，户数、人数、数量应为空或 1（实为 %lld、%lld、%lld）",
					name, unit, (long long)r->households, (long long)r->persons,
					(long long)r->quantity);
	if (u == UNIT_RENCI && (r->households != 1 || r->quantity != 1))
		return entry_field_fail(field, r->households != 1 ? FIELD_HOUSEHOLDS : FIELD_QUANTITY,
					err,
					"“%s”按人次计，只记人数；户数、数量应为空或 1（实为 %lld、%lld）",
					name, (long long)r->households, (long long)r->quantity);
	if (u == UNIT_HU_REN && r->households == 0 && r->persons == 0)
		return entry_field_fail(field, FIELD_HOUSEHOLDS, err,
					"户数和人数不能都为 0：没有可计的");
	if ((u == UNIT_HU && r->households == 0) ||
	    ((u == UNIT_REN || u == UNIT_RENCI) && r->persons == 0))
		return entry_field_fail(field, u == UNIT_HU ? FIELD_HOUSEHOLDS : FIELD_PERSONS, err,
					"“%s”按%s计，%s不能为 0", name, unit,
					u == UNIT_HU ? "户数" : "人数");
	if (r->households > LEDGER_COUNT_MAX || r->persons > LEDGER_COUNT_MAX ||
	    r->quantity > LEDGER_COUNT_MAX)
		return entry_field_fail(field,
					r->households > LEDGER_COUNT_MAX ? FIELD_HOUSEHOLDS
					: r->persons > LEDGER_COUNT_MAX  ? FIELD_PERSONS
									 : FIELD_QUANTITY,
					err, "户数、人数或数量过大（最多 %d）", LEDGER_COUNT_MAX);
	return true;
}

static bool parse_serial(const char *serial, const struct catalog_window *w, int year,
			 int64_t *seq, char **err)
{
	/* By hand, not sscanf: an import parses one serial per row. */
	size_t clen = strlen(w->code), i = 0;
	bool good = strlen(serial) == clen + 12;
	for (; good && i < clen; i++)
		good = serial[i] == (char)toupper((unsigned char)w->code[i]);
	int y = 0;
	int64_t n = 0;
	for (size_t k = 0; good && k < 12; k++) {
		char c = serial[i + k];
		if (k == 0 || k == 5)
			good = c == '-';
		else if (!isdigit((unsigned char)c))
			good = false;
		else if (k < 5)
			y = y * 10 + (c - '0');
		else
			n = n * 10 + (c - '0');
	}
	if (!good || n <= 0) {
		char prefix[40];
		size_t plen = clen < sizeof prefix - 1 ? clen : sizeof prefix - 1;
		for (size_t k = 0; k < plen; k++)
			prefix[k] = (char)toupper((unsigned char)w->code[k]);
		prefix[plen] = '\0';
		return fail(err, "编号“%s”格式不对，应如 %s-%d-000123", serial, prefix, year);
	}
	if (y != year)
		return fail(err, "编号“%s”的年份与日期 %d 年不符", serial, year);
	*seq = n;
	return true;
}

static bool resolve_matter(const struct catalog *cat, const struct entry_draft *d,
			   struct resolved *r, enum entry_field *field, char **err)
{
	if (!ledger_present(d->window))
		return entry_field_fail(field, FIELD_WINDOW, err, "请指定窗口");
	r->window = catalog_window(cat, d->window);
	if (!r->window)
		return entry_field_fail(field, FIELD_WINDOW, err, "没有名为“%s”的窗口", d->window);
	if (!ledger_present(d->matter))
		return entry_field_fail(field, FIELD_MATTER, err, "请指定事项");
	r->matter = catalog_matter(cat, r->window, d->matter);
	if (!r->matter)
		return entry_field_fail(field, FIELD_MATTER, err, "%s窗口没有“%s”事项",
					r->window->name, d->matter);
	if (!r->matter->active)
		return entry_field_fail(field, FIELD_MATTER, err, "事项“%s”已停用", r->matter->name);
	return true;
}

static bool resolve_when(const struct entry_draft *d, struct resolved *r, enum entry_field *field,
			 char **err)
{
	if (ledger_present(d->date)) {
		if (!period_valid_date(d->date) && period_date_shaped(d->date))
			return entry_field_fail(field, FIELD_DATE, err, "日期 %s 不是真实的日期", d->date);
		if (!period_valid_date(d->date))
			return entry_field_fail(field, FIELD_DATE, err,
						"日期“%s”无效，应为 YYYY-MM-DD 的真实日期", d->date);
		copy_string(r->date, d->date, sizeof r->date);
		/* A mistyped year would open a new serial series: the ledger
		 * records what happened, never what is to come. */
		char today[DATE_LEN];
		period_today(today);
		if (strcmp(r->date, today) > 0)
			return entry_field_fail(field, FIELD_DATE, err,
						"日期 %s 在今天 (%s) 之后，不能登记未来的办件", r->date,
						today);
	} else {
		period_today(r->date);
	}
	if (ledger_present(d->time)) {
		if (!period_valid_time(d->time))
			return entry_field_fail(field, FIELD_TIME, err, "时间“%s”无效，应为 HH:MM",
						d->time);
		copy_string(r->time, d->time, sizeof r->time);
	} else {
		char today[DATE_LEN];
		period_today(today);
		if (strcmp(today, r->date) == 0 && !ledger_present(d->serial))
			period_now_hm(r->time);
	}
	return true;
}

/* Whether s holds nothing besides blanks (ASCII or full-width). */
static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\u3000", 3) == 0) {
			s += 2;
			continue;
		}
		return false;
	}
	return true;
}

/* `counter`: an entry made now, at the counter (record, correct), which
 * meets the matter's 需申请人 and 证件类型.  An import carries what was
 * recorded before those rules, and checks an ID number as either kind. */
static bool resolve_who(const struct catalog *cat, const struct entry_draft *d,
			struct resolved *r, bool counter, enum entry_field *field, char **err)
{
	static const struct {
		size_t offset;
		const char *label;
		size_t max;
		bool multiline;
		enum entry_field field;
	} texts[] = {
		{offsetof(struct entry_draft, applicant), "申请人", LEDGER_APPLICANT_MAX, false,
		 FIELD_APPLICANT},
		{offsetof(struct entry_draft, note), "备注", LEDGER_NOTE_MAX, true, FIELD_NOTE},
		{offsetof(struct entry_draft, void_reason), "作废原因", LEDGER_REASON_MAX, true,
		 FIELD_REASON},
		{offsetof(struct entry_draft, clerk), "经办人", LOGIN_MAX, false, FIELD_CLERK},
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		const char *s = *(const char *const *)((const char *)d + texts[i].offset);
		if (!text_check(s, texts[i].label, texts[i].max, texts[i].multiline, err))
			return entry_field_mark(field, texts[i].field);
	}
	if (counter && r->matter->requires_applicant && blank(d->applicant))
		return entry_field_fail(field, FIELD_APPLICANT, err,
					"事项“%s”需要申请人，请填写申请人", r->matter->name);
	if (ledger_present(d->id_number)) {
		/* idcheck's message names the field and what is wrong. */
		if (!idcheck_check(d->id_number, counter ? r->matter->id_kind : ID_ANY, r->id_number,
				   NULL, err))
			return entry_field_mark(field, FIELD_ID_NUMBER);
	} else if (r->matter->requires_id) {
		return entry_field_fail(field, FIELD_ID_NUMBER, err, "事项“%s”需要证件号码",
					r->matter->name);
	}
	if (ledger_present(d->phone) && !phone_normalize(d->phone, r->phone, err))
		return entry_field_mark(field, FIELD_PHONE);
	if (ledger_present(d->village)) {
		r->village = catalog_village(cat, d->village);
		if (!r->village)
			return entry_field_fail(field, FIELD_VILLAGE, err, "没有名为“%s”的村",
						d->village);
	}
	return true;
}

static bool resolve(const struct catalog *cat, const struct entry_draft *d, struct resolved *r,
		    bool counter, enum entry_field *field, char **err)
{
	memset(r, 0, sizeof *r);
	/* What is looked up or parsed holds nothing hidden either: "没有名为
	 * 市场准入的窗口" for a name with a zero-width space in it would be a
	 * riddle; the message names the character instead. */
	static const struct {
		size_t offset;
		const char *label;
		enum entry_field field;
	} keys[] = {
		{offsetof(struct entry_draft, window), "窗口", FIELD_WINDOW},
		{offsetof(struct entry_draft, matter), "事项", FIELD_MATTER},
		{offsetof(struct entry_draft, date), "日期", FIELD_DATE},
		{offsetof(struct entry_draft, time), "时间", FIELD_TIME},
		{offsetof(struct entry_draft, serial), "编号", FIELD_SERIAL},
		{offsetof(struct entry_draft, id_number), "证件号码", FIELD_ID_NUMBER},
		{offsetof(struct entry_draft, village), "村", FIELD_VILLAGE},
		{offsetof(struct entry_draft, category), "分类", FIELD_CATEGORY},
		{offsetof(struct entry_draft, status), "状态", FIELD_STATUS},
		{offsetof(struct entry_draft, phone), "电话", FIELD_PHONE},
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const char *s = *(const char *const *)((const char *)d + keys[i].offset);
		if (!text_check(s, keys[i].label, 0, false, err))
			return entry_field_mark(field, keys[i].field);
	}
	if (!resolve_matter(cat, d, r, field, err) || !resolve_when(d, r, field, err) ||
	    !resolve_who(cat, d, r, counter, field, err))
		return false;
	if (ledger_present(d->category)) {
		if (r->matter->ncategories == 0)
			return entry_field_fail(field, FIELD_CATEGORY, err,
						"事项“%s”不分类，却给了分类“%s”", r->matter->name,
						d->category);
		if (!catalog_has_category(r->matter, d->category))
			return entry_field_fail(field, FIELD_CATEGORY, err,
						"分类“%s”不是事项“%s”的分类之一", d->category,
						r->matter->name);
	}

	r->households = d->households < 0 ? 1 : d->households;
	r->persons = d->persons < 0 ? 1 : d->persons;
	r->quantity = d->quantity < 0 ? 1 : d->quantity;
	if (r->quantity < 1)
		return entry_field_fail(field, FIELD_QUANTITY, err, "数量应至少为 1");
	if (!check_counts(r, field, err))
		return false;

	if (ledger_present(d->status)) {
		if (!status_parse(d->status, &r->status))
			return entry_field_fail(field, FIELD_STATUS, err,
						"状态“%s”无效，应为 受理、办结、退回 或 转办", d->status);
	} else {
		r->status = r->matter->time_limit_days > 0 ? STATUS_ACCEPTED : STATUS_DONE;
	}
	/* A due and a done day are a 承诺件's: a 即办件 is finished at once. */
	if ((ledger_present(d->due_on) || ledger_present(d->done_on)) &&
	    r->matter->time_limit_days <= 0)
		return entry_field_fail(field, FIELD_STATUS, err,
					"“%s”是即办件，没有承诺办结日期和办结日期", r->matter->name);
	if (ledger_present(d->due_on)) {
		if (!period_valid_date(d->due_on))
			return entry_field_fail(field, FIELD_STATUS, err,
						"承诺办结日期“%s”无效，应为 YYYY-MM-DD 的真实日期",
						d->due_on);
		if (strcmp(d->due_on, r->date) < 0)
			return entry_field_fail(field, FIELD_STATUS, err,
						"承诺办结日期 %s 早于受理日期 %s", d->due_on, r->date);
		copy_string(r->due_on, d->due_on, sizeof r->due_on);
	}
	if (ledger_present(d->done_on)) {
		if (!period_valid_date(d->done_on))
			return entry_field_fail(field, FIELD_STATUS, err,
						"办结日期“%s”无效，应为 YYYY-MM-DD 的真实日期", d->done_on);
		if (r->status == STATUS_ACCEPTED)
			return entry_field_fail(field, FIELD_STATUS, err,
						"状态为受理的办件不能有办结日期");
		if (strcmp(d->done_on, r->date) < 0)
			return entry_field_fail(field, FIELD_STATUS, err, "办结日期 %s 早于受理日期 %s",
						d->done_on, r->date);
		copy_string(r->done_on, d->done_on, sizeof r->done_on);
	}
	if (ledger_present(d->serial)) {
		int64_t seq;
		if (!parse_serial(d->serial, r->window, period_year_of(r->date), &seq, err))
			return entry_field_mark(field, FIELD_SERIAL);
	}
	return true;
}

static void field_clear(enum entry_field *field)
{
	if (field)
		*field = FIELD_NONE;
}

bool ledger_check_field(const struct catalog *cat, const struct entry_draft *d,
			enum entry_field *field, char **err)
{
	struct resolved r;
	field_clear(field);
	return resolve(cat, d, &r, true, field, err);
}

bool ledger_check(const struct catalog *cat, const struct entry_draft *d, char **err)
{
	return ledger_check_field(cat, d, NULL, err);
}

/* A 承诺件's due day, from the holiday table as it is under this write
 * lock, unless an imported row brings the one it was promised; one that is
 * saved closed (import, --status 办结) without a done day was closed on its
 * own day. */
static bool set_due(struct db *db, struct resolved *r, char **err)
{
	if (r->matter->time_limit_days <= 0) {
		r->due_on[0] = r->done_on[0] = '\0';
		return true;
	}
	if (!r->due_on[0]) {
		struct workday_cal *cal = ledger_lock_calendar(db, err);
		if (!cal)
			return false;
		promise_due_for(cal, r->matter, r->date, r->due_on);
	}
	if (r->status != STATUS_ACCEPTED && !r->done_on[0])
		copy_string(r->done_on, r->date, sizeof r->done_on);
	return true;
}

static sqlite3_stmt *insert_stmt(struct db *db, char **err)
{
	/* Positional parameters: this statement runs once per imported row. */
	return db_stmt(db,
		"INSERT INTO txn (serial, matter_id, occurred_on, occurred_at, applicant, id_number, "
		"village_id, households, persons, quantity, category, status, note, clerk, created_at, "
		"voided_at, voided_by, void_reason, phone, due_on, done_on) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
		"?19, ?20, ?21)",
		err);
}

static void bind_static(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static int64_t insert_row(struct db *db, const struct resolved *r, const struct entry_draft *d,
			  const char *serial, const char *login, char **err)
{
	sqlite3_stmt *st = insert_stmt(db, err);
	if (!st)
		return -1;
	char now[20];
	period_timestamp(now);
	const char *clerk = ledger_present(d->clerk) ? d->clerk : login;
	/* Every bound string outlives the step below. */
	bind_static(st, 1, serial);
	sqlite3_bind_int64(st, 2, r->matter->id);
	bind_static(st, 3, r->date);
	bind_static(st, 4, r->time);
	bind_static(st, 5, d->applicant);
	bind_static(st, 6, r->id_number);
	if (r->village)
		sqlite3_bind_int64(st, 7, r->village->id);
	sqlite3_bind_int64(st, 8, r->households);
	sqlite3_bind_int64(st, 9, r->persons);
	sqlite3_bind_int64(st, 10, r->quantity);
	bind_static(st, 11, d->category);
	bind_static(st, 12, status_name(r->status));
	bind_static(st, 13, d->note);
	bind_static(st, 14, clerk);
	bind_static(st, 15, now);
	if (ledger_present(d->void_reason)) {
		bind_static(st, 16, now);
		bind_static(st, 17, clerk);
		bind_static(st, 18, d->void_reason);
	}
	bind_static(st, 19, r->phone);
	if (r->due_on[0])
		bind_static(st, 20, r->due_on);
	if (r->done_on[0])
		bind_static(st, 21, r->done_on);
	int rc = sqlite3_step(st);
	int code = sqlite3_extended_errcode(db_handle(db));
	int sys = sqlite3_system_errno(db_handle(db));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE)
		return sqlite3_last_insert_rowid(db_handle(db));
	if (code == SQLITE_CONSTRAINT_UNIQUE)
		fail(err, "编号 %s 已存在", serial);
	else
		fail(err, "保存到数据库 %s 失败: %s", db_path(db), db_error_text(code, sys));
	return -1;
}

/* The applicant for completion (citizen table), at once for a save at the
 * counter, counted as one more use of the name (schema.sql, migration 5).
 * Only while the table has taken in every row before this one: after an
 * import it has not, and this row is left to citizen_names_load's
 * catch-up with the import's, one GROUP BY for the whole file (an upsert
 * per row cost the import 74% more CPU) -- counted once either way. */
static bool note_citizen(struct db *db, const struct resolved *r, const struct entry_draft *d,
			 bool counter, int64_t id, char **err)
{
	if (!counter || !ledger_present(d->applicant) || ledger_present(d->void_reason))
		return true;
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO citizen (window_id, applicant, id_number, village_id, last_txn, uses) "
		"SELECT :window, :applicant, :id, :village, :txn, 1 "
		"WHERE (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'citizen_upto') >= "
		"(SELECT coalesce(max(id), 0) FROM txn WHERE id < :txn) "
		"ON CONFLICT (window_id, applicant) DO UPDATE SET "
		"id_number = excluded.id_number, village_id = excluded.village_id, "
		"last_txn = excluded.last_txn, uses = citizen.uses + 1", err);
	if (!st)
		return false;
	db_bind_int(st, ":window", r->window->id);
	db_bind_text(st, ":applicant", d->applicant);
	db_bind_text(st, ":id", r->id_number);
	if (r->village)
		db_bind_int(st, ":village", r->village->id);
	else
		sqlite3_bind_null(st, sqlite3_bind_parameter_index(st, ":village"));
	db_bind_int(st, ":txn", id);
	bool ok = db_step(db, st, err) == SQLITE_DONE;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!ok || sqlite3_changes(db_handle(db)) == 0)
		return ok;
	st = db_stmt(db, "UPDATE setting SET value = CAST(:txn AS TEXT) WHERE key = 'citizen_upto'",
		     err);
	if (!st)
		return false;
	db_bind_int(st, ":txn", id);
	ok = db_step(db, st, err) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

static int64_t insert(struct db *db, const struct catalog *cat, const struct entry_draft *d,
		      bool counter, const char *login, char serial_out[SERIAL_LEN],
		      enum entry_field *field, char **err)
{
	struct resolved r;
	char serial[SERIAL_LEN];
	if (!resolve(cat, d, &r, counter, field, err) ||
	    !ledger_year_open(db, period_year_of(r.date), err) ||
	    !set_due(db, &r, err))
		return -1;
	if (ledger_present(d->serial))
		copy_string(serial, d->serial, sizeof serial);
	else if (!ledger_next_serial(db, r.window, period_year_of(r.date), serial, err))
		return -1;
	int64_t id = insert_row(db, &r, d, serial, login, err);
	if (id <= 0 || !note_citizen(db, &r, d, counter, id, err))
		return -1;
	ledger_serial_taken(db, r.window->id, period_year_of(r.date), serial,
			    !ledger_present(d->serial));
	if (serial_out)
		copy_string(serial_out, serial, SERIAL_LEN);
	return id;
}

bool ledger_insert(struct db *db, const struct catalog *cat, const struct entry_draft *d,
		   const char *login, char serial_out[SERIAL_LEN], char **err)
{
	return insert(db, cat, d, false, login, serial_out, NULL, err) > 0;
}

/* A terminal open all day holds the catalog it read in the morning; an
 * administrator may have changed a matter since.  What the entry's status
 * and unit depend on is checked against the database under the write lock. */
static bool matter_current(struct db *db, const struct catalog *cat, const struct entry_draft *d,
			   char **err)
{
	const struct catalog_matter *m =
		catalog_matter(cat, catalog_window(cat, d->window ? d->window : ""), d->matter);
	if (!m)
		return true; /* resolve() will say what is wrong */
	sqlite3_stmt *st = db_stmt(db, "SELECT active, time_limit_days, unit, requires_applicant, "
				       "id_kind FROM matter WHERE id = :id", err);
	if (!st)
		return false;
	db_bind_int(st, ":id", m->id);
	int rc = db_step(db, st, err);
	bool same = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == (int)m->active &&
		    sqlite3_column_int(st, 1) == m->time_limit_days &&
		    strcmp(db_col_text(st, 2), unit_name(m->unit)) == 0 &&
		    sqlite3_column_int(st, 3) == (int)m->requires_applicant &&
		    strcmp(db_col_text(st, 4), idcheck_kind_name(m->id_kind)) == 0;
	sqlite3_reset(st);
	if (rc < 0)
		return false;
	if (!same)
		return fail(err, "事项目录已更新（“%s”已更改或停用），请返回主页重新进入窗口后再登记",
			    m->name);
	return true;
}

int64_t ledger_record_locked(struct db *db, const struct catalog *cat,
			     const struct entry_draft *d, const char *login,
			     char serial_out[SERIAL_LEN], enum entry_field *field, char **err)
{
	if (!ledger_may_record(db, cat, d->window, login, err) || !matter_current(db, cat, d, err))
		return -1;
	return insert(db, cat, d, true, login, serial_out, field, err);
}

bool ledger_record(struct db *db, const struct catalog *cat, const struct entry_draft *d,
		   const char *login, char serial_out[SERIAL_LEN], char **err)
{
	return ledger_record_field(db, cat, d, login, serial_out, NULL, err);
}

bool ledger_record_field(struct db *db, const struct catalog *cat, const struct entry_draft *d,
			 const char *login, char serial_out[SERIAL_LEN], enum entry_field *field,
			 char **err)
{
	char serial[SERIAL_LEN];
	field_clear(field);
	if (!db_begin_write(db, err))
		return false;
	int64_t id = 0;
	bool ok = (id = ledger_record_locked(db, cat, d, login, serial, field, err)) > 0 &&
		  db_audit(db, login, "add", id, serial, err);
	if (!db_end_write(db, ok, err))
		return false;
	if (serial_out)
		snprintf(serial_out, SERIAL_LEN, "%s", serial);
	return true;
}
