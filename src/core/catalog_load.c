/* Loading catalog.csv and villages.csv: parse and check every line first,
 * then apply in one write transaction, so a bad file changes nothing. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "catalog.h"
#include "clerk.h"
#include "csvrow.h"
#include "db_sql.h"
#include "text.h"
#include "util.h"

extern const char embedded_catalog_csv[];
extern const size_t embedded_catalog_csv_len;
extern const char embedded_villages_csv[];
extern const size_t embedded_villages_csv_len;

/* A column of a loadable file: its Chinese label and its English key, and
 * the most characters a cell may hold (0: no limit). */
struct column {
	const char *label, *key;
	bool required;
	size_t max;
};

enum { MAX_COLUMNS = 10 };

/* Positions are moved past this while a file loads, so the old rows stand
 * out of the way until they are renumbered or dropped; no catalog comes
 * near this many windows, matters or villages.  A sentinel, not a limit. */
#define PARKED "100000"

struct load {
	const struct column *columns;
	size_t ncolumns;
	int index[MAX_COLUMNS]; /* file column of each known column, -1 absent */
	bool have_header;
	char **cells;            /* rows x ncolumns, "" where absent */
	size_t *lines;
	size_t nrows, cap, lines_cap;
	struct line_errors errors;
};

#define add_error(ld, line, ...) line_errors_add(&(ld)->errors, line, __VA_ARGS__)

static bool read_row(char **fields, size_t n, size_t line, void *ctx, char **err)
{
	(void)err;
	struct load *ld = ctx;
	if (!ld->have_header) {
		for (size_t c = 0; c < ld->ncolumns; c++)
			ld->index[c] = -1;
		for (size_t f = 0; f < n; f++) {
			const char *name = csvrow_unguard(fields[f]);
			bool known = false;
			for (size_t c = 0; c < ld->ncolumns; c++) {
				if (strcmp(name, ld->columns[c].label) == 0 ||
				    strcmp(name, ld->columns[c].key) == 0) {
					ld->index[c] = (int)f;
					known = true;
				}
			}
			if (!known)
				add_error(ld, line, "未知的列“%s”", name);
		}
		for (size_t c = 0; c < ld->ncolumns; c++)
			if (ld->columns[c].required && ld->index[c] < 0)
				add_error(ld, line, "缺少必需的列“%s”", ld->columns[c].label);
		ld->have_header = true;
		return true;
	}
	ld->cells = xgrow(ld->cells, &ld->cap, (ld->nrows + 1) * ld->ncolumns, sizeof *ld->cells);
	ld->lines = xgrow(ld->lines, &ld->lines_cap, ld->nrows + 1, sizeof *ld->lines);
	for (size_t c = 0; c < ld->ncolumns; c++) {
		int f = ld->index[c];
		const char *v = f >= 0 && (size_t)f < n ? csvrow_unguard(fields[f]) : "";
		/* A line break or tab in a name would tear every screen and table
		 * that shows it; an invisible character would make two names
		 * look alike. */
		char *field = xasprintf("“%s”", ld->columns[c].label), *why = NULL;
		if (!text_check(v, field, ld->columns[c].max, false, &why))
			add_error(ld, line, "%s", why);
		free(why);
		free(field);
		ld->cells[ld->nrows * ld->ncolumns + c] = xstrdup(v);
	}
	ld->lines[ld->nrows++] = line;
	return true;
}

static const char *cell(const struct load *ld, size_t row, size_t col)
{
	return ld->cells[row * ld->ncolumns + col];
}

static void load_finish(struct load *ld)
{
	for (size_t i = 0; i < ld->nrows * ld->ncolumns; i++)
		free(ld->cells[i]);
	free(ld->cells);
	free(ld->lines);
	free(ld->errors.text.s);
}

static bool parse_file(struct load *ld, const char *text, size_t len, const char *what, char **err)
{
	char *perr = NULL;
	/* Saved from Excel on Chinese Windows, the file is GB18030 (GBK). */
	char *converted = NULL;
	if (!text_valid_utf8(text, len)) {
		converted = text_gb18030_to_utf8(text, len, &len);
		if (!converted)
			return fail(err, "%s既不是 UTF-8 也不是 GB18030 编码，请用 UTF-8 另存后再载入", what);
		text = converted;
	}
	bool parsed = csvrow_read(text, len, read_row, ld, &perr);
	free(converted);
	if (!parsed) {
		fail(err, "%s格式错误: %s", what, perr ? perr : "无法解析");
		free(perr);
		return false;
	}
	if (!ld->have_header)
		add_error(ld, 0, "%s为空，缺少标题行", what);
	else if (ld->nrows == 0)
		add_error(ld, 0, "%s没有数据行", what);
	return true;
}

/* Codes are what a clerk types to pick: short, lowercase ASCII. */
static bool valid_code(const char *s)
{
	if (!*s || strlen(s) > 16)
		return false;
	for (const char *p = s; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
			return false;
	return true;
}

static bool parse_flag(const char *s, int *out)
{
	if (!*s || strcmp(s, "0") == 0 || strcmp(s, "否") == 0) {
		*out = 0;
		return true;
	}
	if (strcmp(s, "1") == 0 || strcmp(s, "是") == 0) {
		*out = 1;
		return true;
	}
	return false;
}

static bool parse_days(const char *s, int *out)
{
	if (!*s) {
		*out = 0;
		return true;
	}
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 0 || v > 3650 || !isdigit((unsigned char)*s))
		return false;
	*out = (int)v;
	return true;
}

enum { C_WCODE, C_WNAME, C_MCODE, C_MNAME, C_UNIT, C_CATS, C_REQID, C_LIMIT, C_REQAPP,
       C_IDKIND };
static const struct column catalog_columns[] = {
	[C_WCODE] = { "窗口代码", "window_code", true, 0 },
	[C_WNAME] = { "窗口", "window", true, CATALOG_WINDOW_NAME_MAX },
	[C_MCODE] = { "事项代码", "matter_code", true, 0 },
	[C_MNAME] = { "事项", "matter", true, CATALOG_MATTER_NAME_MAX },
	[C_UNIT] = { "单位", "unit", true, 0 },
	[C_CATS] = { "分类", "categories", false, 0 },
	[C_REQID] = { "需证件", "requires_id", false, 0 },
	[C_LIMIT] = { "承诺时限", "time_limit_days", false, 0 },
	[C_REQAPP] = { "需申请人", "requires_applicant", false, 0 },
	[C_IDKIND] = { "证件类型", "id_kind", false, 0 },
};

/* An empty 需申请人 means the unit's default: a consultation (人次) is
 * saved without a name, everything else names its applicant. */
static bool parse_requires_applicant(const char *s, const char *unit, int *out)
{
	if (!*s) {
		*out = strcmp(unit, "人次") != 0;
		return true;
	}
	return parse_flag(s, out);
}

/* An empty 证件类型 means the window's default: market entities at 市场准入
 * (sczr) hold 统一社会信用代码, the citizens of every other window 身份证. */
static bool parse_id_kind(const char *s, const char *wcode, enum id_kind *out)
{
	if (!*s) {
		*out = strcmp(wcode, "sczr") == 0 ? ID_CREDIT_CODE : ID_RESIDENT;
		return true;
	}
	return idcheck_kind_parse(s, out);
}

static void check_catalog_rows(struct load *ld)
{
	for (size_t r = 0; r < ld->nrows; r++) {
		size_t line = ld->lines[r];
		const char *wcode = cell(ld, r, C_WCODE), *mcode = cell(ld, r, C_MCODE);
		enum unit u;
		int flag, days;
		if (!valid_code(wcode))
			add_error(ld, line, "窗口代码“%s”应为小写字母、数字或下划线（最多16个）", wcode);
		if (!*cell(ld, r, C_WNAME))
			add_error(ld, line, "窗口名称为空");
		if (!valid_code(mcode))
			add_error(ld, line, "事项代码“%s”应为小写字母、数字或下划线（最多16个）", mcode);
		if (!*cell(ld, r, C_MNAME))
			add_error(ld, line, "事项名称为空");
		if (!unit_parse(cell(ld, r, C_UNIT), &u))
			add_error(ld, line, "单位“%s”无效，应为 项、件、人次、人、户、个 或 户+人",
				  cell(ld, r, C_UNIT));
		if (!parse_flag(cell(ld, r, C_REQID), &flag))
			add_error(ld, line, "需证件“%s”应为 0 或 1", cell(ld, r, C_REQID));
		enum id_kind kind;
		if (!parse_requires_applicant(cell(ld, r, C_REQAPP), cell(ld, r, C_UNIT), &flag))
			add_error(ld, line, "需申请人“%s”应为 0 或 1", cell(ld, r, C_REQAPP));
		if (!parse_id_kind(cell(ld, r, C_IDKIND), wcode, &kind))
			add_error(ld, line, "证件类型“%s”应为 身份证、统一社会信用代码 或 任一",
				  cell(ld, r, C_IDKIND));
		if (!parse_days(cell(ld, r, C_LIMIT), &days))
			add_error(ld, line, "承诺时限“%s”应为 0 到 3650 的天数", cell(ld, r, C_LIMIT));
		for (const char *p = cell(ld, r, C_CATS); *p;) {
			size_t len = strcspn(p, "|");
			char *one = xstrndup(p, len), *why = NULL;
			if (!text_check(one, "分类", CATALOG_CATEGORY_MAX, false, &why))
				add_error(ld, line, "“%s”: %s", one, why);
			free(why);
			free(one);
			p += len + (p[len] == '|');
		}
		for (size_t p = 0; p < r; p++) {
			if (strcmp(cell(ld, p, C_WCODE), wcode) != 0)
				continue;
			if (strcmp(cell(ld, p, C_WNAME), cell(ld, r, C_WNAME)) != 0)
				add_error(ld, line, "窗口代码 %s 在第%zu行名为“%s”，此处却是“%s”", wcode,
					  ld->lines[p], cell(ld, p, C_WNAME), cell(ld, r, C_WNAME));
			if (strcmp(cell(ld, p, C_MCODE), mcode) == 0)
				add_error(ld, line, "事项代码 %s 与第%zu行重复", mcode, ld->lines[p]);
			else if (strcmp(cell(ld, p, C_MNAME), cell(ld, r, C_MNAME)) == 0)
				add_error(ld, line, "事项“%s”与第%zu行重复", cell(ld, r, C_MNAME),
					  ld->lines[p]);
		}
	}
}

/* The catalog shapes every screen and report: only an administrator
 * changes it, except while setting up, before anyone is registered. */
static bool may_load(struct db *db, const char *login, const char *what, char **err)
{
	if (db_int(db, 0, "SELECT count(*) FROM clerk") == 0 || clerk_has_role(db, login, ROLE_ADMIN))
		return true;
	return fail(err, "只有管理员可以载入%s（当前账户 %s）", what, login);
}

/* Lookups take a name or a code (codes in any case): a name that is also
 * another's code would make what a clerk types mean two things.  Checked
 * on the tables, after the load, since entries that are out of use but
 * still referenced keep their codes. */
static bool unambiguous(struct db *db, const char *sql, const char *fmt, char **err)
{
	char *name = db_text(db, sql);
	if (!name)
		return true;
	fail(err, fmt, name);
	free(name);
	return false;
}

static bool bump_version(struct db *db, char **err)
{
	return db_exec(db, "INSERT INTO setting (key, value) VALUES ('catalog_version', '1') "
			   "ON CONFLICT (key) DO UPDATE SET "
			   "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)", err);
}

static bool apply_catalog(struct db *db, struct load *ld, char **err)
{
	/* Park every position out of the way first, so reordering cannot trip
	 * over itself, then upsert in file order. */
	if (!db_exec(db, "UPDATE \"window\" SET position = position + " PARKED "; "
			 "UPDATE matter SET position = position + " PARKED ", active = 0", err))
		return false;
	int wpos = 0;
	for (size_t r = 0; r < ld->nrows; r++) {
		bool first = true;
		for (size_t p = 0; p < r && first; p++)
			first = strcmp(cell(ld, p, C_WCODE), cell(ld, r, C_WCODE)) != 0;
		if (!first)
			continue;
		sqlite3_stmt *st = db_stmt(db,
			"INSERT INTO \"window\" (code, name, position) VALUES (:code, :name, :pos) "
			"ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
			"position = excluded.position", err);
		if (!st)
			return false;
		db_bind_text(st, ":code", cell(ld, r, C_WCODE));
		db_bind_text(st, ":name", cell(ld, r, C_WNAME));
		db_bind_int(st, ":pos", ++wpos);
		if (!db_run(db, st, err))
			return fail(err, "第%zu行: 窗口“%s”无法保存（名称是否与其他窗口重复？）",
				    ld->lines[r], cell(ld, r, C_WNAME));
	}
	for (size_t r = 0; r < ld->nrows; r++) {
		/* A window's rows need not stand together: its matters are
		 * numbered across the whole file. */
		int mpos = 0;
		for (size_t p = 0; p < r; p++)
			mpos += strcmp(cell(ld, p, C_WCODE), cell(ld, r, C_WCODE)) == 0;
		int requires_id, days, requires_applicant;
		enum id_kind kind;
		parse_flag(cell(ld, r, C_REQID), &requires_id);
		parse_days(cell(ld, r, C_LIMIT), &days);
		parse_requires_applicant(cell(ld, r, C_REQAPP), cell(ld, r, C_UNIT),
					 &requires_applicant);
		parse_id_kind(cell(ld, r, C_IDKIND), cell(ld, r, C_WCODE), &kind);
		sqlite3_stmt *st = db_stmt(db,
			"INSERT INTO matter (window_id, code, name, unit, category_options, "
			"requires_id, time_limit_days, active, position, requires_applicant, id_kind) "
			"SELECT id, :code, :name, :unit, :cats, :reqid, :days, 1, :pos, :reqapp, :idkind "
			"FROM \"window\" WHERE code = :wcode "
			"ON CONFLICT (window_id, code) DO UPDATE SET name = excluded.name, "
			"unit = excluded.unit, category_options = excluded.category_options, "
			"requires_id = excluded.requires_id, time_limit_days = excluded.time_limit_days, "
			"active = 1, position = excluded.position, "
			"requires_applicant = excluded.requires_applicant, id_kind = excluded.id_kind",
			err);
		if (!st)
			return false;
		db_bind_text(st, ":code", cell(ld, r, C_MCODE));
		db_bind_text(st, ":name", cell(ld, r, C_MNAME));
		db_bind_text(st, ":unit", cell(ld, r, C_UNIT));
		db_bind_text(st, ":cats", cell(ld, r, C_CATS));
		db_bind_int(st, ":reqid", requires_id);
		db_bind_int(st, ":days", days);
		db_bind_int(st, ":reqapp", requires_applicant);
		db_bind_text(st, ":idkind", idcheck_kind_name(kind));
		db_bind_int(st, ":pos", ++mpos);
		db_bind_text(st, ":wcode", cell(ld, r, C_WCODE));
		if (!db_run(db, st, err))
			return fail(err, "第%zu行: 事项“%s”无法保存", ld->lines[r], cell(ld, r, C_MNAME));
	}
	/* Matters left out of the file: kept inactive when entries refer to
	 * them (the ledger must still read), removed otherwise; likewise empty
	 * windows. */
	if (!db_exec(db,
		"DELETE FROM matter WHERE active = 0 "
		"AND NOT EXISTS (SELECT 1 FROM txn WHERE txn.matter_id = matter.id); "
		"DELETE FROM \"window\" WHERE position > " PARKED " "
		"AND NOT EXISTS (SELECT 1 FROM matter WHERE matter.window_id = \"window\".id)", err))
		return false;
	return unambiguous(db, "SELECT a.name FROM \"window\" a JOIN \"window\" b "
			       "ON a.id <> b.id AND lower(a.name) = lower(b.code) LIMIT 1",
			   "窗口名称“%s”与另一个窗口的代码相同，输入时无法区分", err) &&
	       unambiguous(db, "SELECT a.name FROM matter a JOIN matter b "
			       "ON a.window_id = b.window_id AND a.id <> b.id "
			       "AND lower(a.name) = lower(b.code) LIMIT 1",
			   "事项名称“%s”与同一窗口另一事项的代码相同，输入时无法区分", err);
}

/* What loading the catalog and loading the villages do differently. */
struct load_kind {
	const struct column *columns;
	size_t ncolumns;
	const char *what, *unit, *action; /* 事项目录, 项, its audit action */
	void (*check)(struct load *ld);
	bool (*apply)(struct db *db, struct load *ld, char **err);
};

/* Every row checked before anything is written, then all of them in one
 * write, audited: a file loads whole or not at all. */
static bool load_csv(struct db *db, const struct load_kind *k, const char *text, size_t len,
		     const char *login, char **err)
{
	struct load ld = { .columns = k->columns, .ncolumns = k->ncolumns };
	bool ok = parse_file(&ld, text, len, k->what, err);
	if (ok) {
		if (ld.errors.n == 0)
			k->check(&ld);
		ok = line_errors_none(&ld.errors, k->what, err);
	}
	if (ok && (ok = db_begin_write(db, err))) {
		char *detail = xasprintf("载入%s %zu %s", k->what, ld.nrows, k->unit);
		ok = may_load(db, login, k->what, err) && k->apply(db, &ld, err) &&
		     bump_version(db, err) && db_audit(db, login, k->action, 0, detail, err);
		free(detail);
		ok = db_end_write(db, ok, err);
	}
	load_finish(&ld);
	return ok;
}

bool catalog_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err)
{
	static const struct load_kind catalog = {
		catalog_columns, sizeof catalog_columns / sizeof *catalog_columns,
		"事项目录", "项", "catalog load", check_catalog_rows, apply_catalog,
	};
	return load_csv(db, &catalog, text, len, login, err);
}

enum { V_CODE, V_NAME };
static const struct column village_columns[] = {
	[V_CODE] = { "代码", "code", true, 0 },
	[V_NAME] = { "村", "name", true, CATALOG_VILLAGE_NAME_MAX },
};

static void check_village_rows(struct load *ld)
{
	for (size_t r = 0; r < ld->nrows; r++) {
		size_t line = ld->lines[r];
		if (!valid_code(cell(ld, r, V_CODE)))
			add_error(ld, line, "村代码“%s”应为小写字母、数字或下划线（最多16个）",
				  cell(ld, r, V_CODE));
		if (!*cell(ld, r, V_NAME))
			add_error(ld, line, "村名为空");
		for (size_t p = 0; p < r; p++) {
			if (strcmp(cell(ld, p, V_CODE), cell(ld, r, V_CODE)) == 0)
				add_error(ld, line, "代码 %s 与第%zu行重复", cell(ld, r, V_CODE),
					  ld->lines[p]);
			if (strcmp(cell(ld, p, V_NAME), cell(ld, r, V_NAME)) == 0)
				add_error(ld, line, "村名“%s”与第%zu行重复", cell(ld, r, V_NAME),
					  ld->lines[p]);
		}
	}
}

static bool apply_villages(struct db *db, struct load *ld, char **err)
{
	if (!db_exec(db, "UPDATE village SET active = 0, position = position + " PARKED ", "
			 "name = name || char(1)", err))
		return false;
	for (size_t r = 0; r < ld->nrows; r++) {
		sqlite3_stmt *st = db_stmt(db,
			"INSERT INTO village (code, name, active, position) VALUES (:code, :name, 1, :pos) "
			"ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = 1, "
			"position = excluded.position", err);
		if (!st)
			return false;
		db_bind_text(st, ":code", cell(ld, r, V_CODE));
		db_bind_text(st, ":name", cell(ld, r, V_NAME));
		db_bind_int(st, ":pos", (int64_t)r + 1);
		if (!db_run(db, st, err))
			return fail(err, "第%zu行: 村“%s”无法保存（名称是否与未列出的旧村名重复？）",
				    ld->lines[r], cell(ld, r, V_NAME));
	}
	/* The char(1) above keeps renamed villages from colliding mid-load;
	 * villages absent from the file get their names back, inactive. */
	if (!db_exec(db,
		"DELETE FROM village WHERE active = 0 "
		"AND NOT EXISTS (SELECT 1 FROM txn WHERE txn.village_id = village.id); "
		"UPDATE village SET name = substr(name, 1, length(name) - 1) "
		"WHERE active = 0 AND name LIKE '%' || char(1)", err))
		return false;
	return unambiguous(db, "SELECT a.name FROM village a JOIN village b "
			       "ON a.id <> b.id AND lower(a.name) = lower(b.code) LIMIT 1",
			   "村名“%s”与另一个村的代码相同，输入时无法区分", err);
}

bool village_load_csv(struct db *db, const char *text, size_t len, const char *login, char **err)
{
	static const struct load_kind villages = {
		village_columns, sizeof village_columns / sizeof *village_columns,
		"村名单", "个", "village load", check_village_rows, apply_villages,
	};
	return load_csv(db, &villages, text, len, login, err);
}

bool catalog_load_defaults(struct db *db, const char *login, char **err)
{
	/* An administrator's catalog is never overwritten by the defaults. */
	if (db_int(db, 0, "SELECT count(*) FROM \"window\"") > 0)
		return true;
	return catalog_load_csv(db, embedded_catalog_csv, embedded_catalog_csv_len, login, err) &&
	       village_load_csv(db, embedded_villages_csv, embedded_villages_csv_len, login, err);
}
