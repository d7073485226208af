#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "db_sql.h"
#include "util.h"

/* Day by day, not month by month: the index txn_report is ordered by
 * (occurred_on, matter_id, voided_at, category), so grouping by those four
 * streams the index with no sort, and the rows (a few per day and matter)
 * fold into months and the two periods below.  A `voided_at IS NULL` in the
 * WHERE would make SQLite sort the whole range instead (it does not see that
 * the constrained column keeps the order), so voided entries come as their
 * own groups and are skipped here.  The gap between the periods is skipped
 * by the OR. */
static const char report_sql[] =
	"SELECT occurred_on, matter_id, category, count(*), sum(households), "
	"sum(persons), sum(quantity), voided_at IS NULL "
	"FROM txn INDEXED BY txn_report "
	"WHERE occurred_on BETWEEN :prev_from AND :to "
	"AND (occurred_on <= :prev_to OR occurred_on >= :from) "
	"GROUP BY occurred_on, matter_id, voided_at, category";

static bool parse_ymd(const char *date, int *y, int *m, int *d)
{
	if (!period_valid_date(date))
		return false;
	*y = atoi(date);
	*m = atoi(date + 5);
	*d = atoi(date + 8);
	return true;
}

/* The same day a year before.  A month's last day maps to that month's last
 * day, so 2021-02-28 closes a period with 2020-02-29 in it. */
static void year_before(const char *date, char out[DATE_LEN])
{
	int y, m, d;
	parse_ymd(date, &y, &m, &d);
	bool last = d == period_month_days(y, m);
	y--;
	if (last || d > period_month_days(y, m))
		d = period_month_days(y, m);
	char buf[40]; /* room for any int: the compiler cannot see the ranges */
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, DATE_LEN);
}

static void cell_add(struct tally_cell *c, int64_t entries, int64_t households, int64_t persons,
		     int64_t quantity)
{
	c->entries += entries;
	c->households += households;
	c->persons += persons;
	c->quantity += quantity;
}

static void cell_sum(struct tally_cell *c, const struct tally_cell *add)
{
	cell_add(c, add->entries, add->households, add->persons, add->quantity);
}

void report_clear(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nmatters; i++) {
		free(r->matters[i].cur_by_category);
		free(r->matters[i].prev_by_category);
	}
	report_service_clear(r);
	free(r->matters);
	free(r->windows);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

static bool report_setup(struct report *r, const struct catalog *cat, const char *from,
			 const char *to, char **err)
{
	int fy, fm, fd, ty, tm, td;
	memset(r, 0, sizeof *r);
	if (!parse_ymd(from, &fy, &fm, &fd))
		return fail(err, "起始日期无效: %s (应为 YYYY-MM-DD)", from);
	if (!parse_ymd(to, &ty, &tm, &td))
		return fail(err, "截止日期无效: %s (应为 YYYY-MM-DD)", to);
	if (strcmp(from, to) > 0)
		return fail(err, "起始日期 %s 晚于截止日期 %s", from, to);
	if (fy <= 1900)
		return fail(err, "起始日期 %s 太早，无法与上年同期比较", from);
	snprintf(r->from, DATE_LEN, "%s", from);
	snprintf(r->to, DATE_LEN, "%s", to);
	year_before(from, r->prev_from);
	year_before(to, r->prev_to);
	if (strcmp(r->prev_to, r->from) >= 0)
		return fail(err, "统计区间 %s 至 %s 超过一年 (与上年同期比较时区间不能超过一年)",
			    from, to);
	r->first_year = fy;
	r->first_month = fm;
	r->nmonths = (size_t)((ty * 12 + tm) - (fy * 12 + fm) + 1);
	if (fm == 1 && fd == 1 && tm == 12 && td == 31 && fy == ty)
		r->year = fy;

	r->nmatters = cat->nmatters;
	r->matters = xcalloc(cat->nmatters, sizeof *r->matters);
	for (size_t i = 0; i < cat->nmatters; i++) {
		struct report_matter *rm = &r->matters[i];
		rm->matter = &cat->matters[i];
		if (rm->matter->ncategories) {
			rm->cur_by_category = xcalloc(rm->matter->ncategories + 1,
						      sizeof *rm->cur_by_category);
			rm->prev_by_category = xcalloc(rm->matter->ncategories + 1,
						       sizeof *rm->prev_by_category);
		}
	}
	r->nwindows = cat->nwindows;
	r->windows = xcalloc(cat->nwindows, sizeof *r->windows);
	for (size_t i = 0; i < cat->nwindows; i++) {
		struct report_window *rw = &r->windows[i];
		const struct catalog_window *w = &cat->windows[i];
		rw->window = w;
		rw->matters = r->matters + w->first_matter;
		rw->nmatters = w->nmatters;
	}
	return true;
}

/* A matter taken out of use with nothing in either period is not part of
 * the window any more: it is not shown, and its unit does not keep the
 * window from a total. */
static bool matter_shown(const struct report_matter *rm)
{
	return rm->matter->active || rm->cur.entries || rm->prev.entries;
}

/* Matter ids are few; the last hit answers almost every row because rows
 * come grouped by matter within a day. */
static struct report_matter *matter_by_id(struct report *r, int64_t id, size_t *hint)
{
	if (*hint < r->nmatters && r->matters[*hint].matter->id == id)
		return &r->matters[*hint];
	for (size_t i = 0; i < r->nmatters; i++) {
		if (r->matters[i].matter->id == id) {
			*hint = i;
			return &r->matters[i];
		}
	}
	return NULL;
}

static size_t category_slot(const struct catalog_matter *m, const char *category)
{
	for (size_t i = 0; i < m->ncategories; i++)
		if (strcmp(m->categories[i], category) == 0)
			return i;
	return m->ncategories;
}

static void fold_row(struct report *r, struct report_matter *rm, const char *date,
		     const char *category, const struct tally_cell *c)
{
	bool cur = strcmp(date, r->from) >= 0;
	cell_sum(cur ? &rm->cur : &rm->prev, c);
	if (rm->matter->ncategories) {
		size_t k = category_slot(rm->matter, category);
		cell_sum(cur ? &rm->cur_by_category[k] : &rm->prev_by_category[k], c);
	}
	if (cur) {
		int y = atoi(date), m = atoi(date + 5);
		int i = (y * 12 + m) - (r->first_year * 12 + r->first_month);
		if (i >= 0 && (size_t)i < r->nmonths)
			rm->months[i] += c->entries;
	}
}

static void sum_windows(struct report *r)
{
	for (size_t i = 0; i < r->nwindows; i++) {
		struct report_window *rw = &r->windows[i];
		size_t counted = 0;
		rw->has_total = true;
		for (size_t k = 0; k < rw->nmatters; k++) {
			if (matter_shown(&rw->matters[k])) {
				enum unit u = rw->matters[k].matter->unit;
				if (counted++ == 0)
					rw->unit = u;
				else if (u != rw->unit)
					rw->has_total = false;
			}
			cell_sum(&rw->cur, &rw->matters[k].cur);
			cell_sum(&rw->prev, &rw->matters[k].prev);
			for (size_t m = 0; m < r->nmonths; m++)
				rw->months[m] += rw->matters[k].months[m];
		}
		if (counted == 0)
			rw->has_total = false;
		cell_sum(&r->cur, &rw->cur);
		cell_sum(&r->prev, &rw->prev);
		for (size_t m = 0; m < r->nmonths; m++)
			r->months[m] += rw->months[m];
	}
}

/* A figure of nothing (entries whose persons or households are all 0) is
 * left unsaid, like a matter without entries. */
static bool matter_said(const struct report_matter *rm)
{
	const struct tally_cell *c = &rm->cur;
	if (rm->matter->unit == UNIT_HU_REN)
		return c->households > 0 || c->persons > 0;
	return c->entries > 0 && tally_value(rm->matter->unit, c) > 0;
}

static const char uncategorized[] = "未分类";

static void row_push(struct report *r, size_t *cap, struct report_row row)
{
	struct report_window *rw = &r->windows[row.window];
	row.w = rw->window;
	row.first = rw->nrows++ == 0;
	row.change = tally_value(row.unit, row.cur) - tally_value(row.unit, row.prev);
	r->rows = xgrow(r->rows, cap, r->nrows + 1, sizeof *r->rows);
	r->rows[r->nrows++] = row;
}

void report_build_rows(struct report *r)
{
	size_t cap = 0;
	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
	for (size_t w = 0; w < r->nwindows; w++) {
		struct report_window *rw = &r->windows[w];
		rw->nrows = rw->nshown = rw->nsaid = 0;
		for (size_t k = 0; k < rw->nmatters; k++) {
			const struct report_matter *rm = &rw->matters[k];
			const struct catalog_matter *m = rm->matter;
			if (!matter_shown(rm))
				continue;
			bool said = matter_said(rm);
			rw->nshown++;
			rw->nsaid += said;
			row_push(r, &cap, (struct report_row){
				.kind = REPORT_ROW_MATTER, .window = w, .matter = m, .name = m->name,
				.unit = m->unit, .cur = &rm->cur, .prev = &rm->prev, .said = said});
			for (size_t c = 0; c <= m->ncategories && m->ncategories; c++) {
				const struct tally_cell *cur = &rm->cur_by_category[c];
				const struct tally_cell *prev = &rm->prev_by_category[c];
				bool other = c == m->ncategories;
				if (other && !cur->entries && !prev->entries)
					continue;
				row_push(r, &cap, (struct report_row){
					.kind = REPORT_ROW_CATEGORY, .window = w, .matter = m,
					.name = m->name,
					.category = other ? uncategorized : m->categories[c],
					.unit = m->unit, .cur = cur, .prev = prev});
			}
		}
		if (rw->has_total && rw->nshown > 1)
			row_push(r, &cap, (struct report_row){
				.kind = REPORT_ROW_TOTAL, .window = w, .name = "合计", .unit = rw->unit,
				.cur = &rw->cur, .prev = &rw->prev, .said = rw->nsaid > 1});
	}
	/* The slices are taken once the array has stopped moving. */
	for (size_t i = 0, w = 0; w < r->nwindows; i += r->windows[w++].nrows)
		r->windows[w].rows = r->rows + i;
}

bool report_range(struct db *db, const struct catalog *cat, const char *from, const char *to,
		  struct report *r, char **err)
{
	if (!report_setup(r, cat, from, to, err)) {
		report_clear(r);
		return false;
	}
	sqlite3_stmt *st = db_stmt(db, report_sql, err);
	if (!st) {
		report_clear(r);
		return false;
	}
	db_bind_text(st, ":prev_from", r->prev_from);
	db_bind_text(st, ":prev_to", r->prev_to);
	db_bind_text(st, ":from", r->from);
	db_bind_text(st, ":to", r->to);
	size_t hint = 0;
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		if (!sqlite3_column_int(st, 7))
			continue; /* voided */
		struct report_matter *rm = matter_by_id(r, sqlite3_column_int64(st, 1), &hint);
		if (!rm)
			continue; /* foreign keys make this impossible; stay safe */
		struct tally_cell c = {
			.entries = sqlite3_column_int64(st, 3),
			.households = sqlite3_column_int64(st, 4),
			.persons = sqlite3_column_int64(st, 5),
			.quantity = sqlite3_column_int64(st, 6),
		};
		fold_row(r, rm, db_col_text(st, 0), db_col_text(st, 2), &c);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		report_clear(r);
		return false;
	}
	sum_windows(r);
	if (!report_service_compute(db, r, err)) {
		report_clear(r);
		return false;
	}
	report_build_rows(r);
	return true;
}

bool report_year(struct db *db, const struct catalog *cat, int year, struct report *r,
		 char **err)
{
	char from[DATE_LEN], to[DATE_LEN];
	if (year < 1901 || year > 9999) {
		memset(r, 0, sizeof *r);
		return fail(err, "年度无效: %d", year);
	}
	period_year_bounds(year, from, to);
	char today[DATE_LEN];
	period_today(today);
	bool to_date = strcmp(today, from) >= 0 && strcmp(today, to) < 0;
	if (!report_range(db, cat, from, to_date ? today : to, r, err))
		return false;
	r->year = year;
	r->to_date = to_date;
	return true;
}

char *report_month_label(const struct report *r, size_t i, char *out, size_t outsz)
{
	int n = r->first_year * 12 + (r->first_month - 1) + (int)i;
	int y = n / 12, m = n % 12 + 1;
	int last = r->first_year * 12 + (r->first_month - 1) + (int)r->nmonths - 1;
	if (last / 12 != r->first_year)
		snprintf(out, outsz, "%d年%d月", y, m);
	else
		snprintf(out, outsz, "%d月", m);
	return out;
}

static void signed_number(char *out, size_t outsz, int64_t v)
{
	snprintf(out, outsz, v > 0 ? "+%lld" : "%lld", (long long)v);
}

char *report_format_change(char *out, size_t outsz, enum unit u, const struct tally_cell *cur,
			   const struct tally_cell *prev)
{
	if (u == UNIT_HU_REN && (cur->households != prev->households ||
				 cur->persons != prev->persons)) {
		char hu[24], ren[24];
		signed_number(hu, sizeof hu, cur->households - prev->households);
		signed_number(ren, sizeof ren, cur->persons - prev->persons);
		snprintf(out, outsz, "%s户%s人", hu, ren);
	} else {
		/* 户+人 unchanged reads "0", like every other unit. */
		signed_number(out, outsz, tally_value(u, cur) - tally_value(u, prev));
	}
	return out;
}

char *report_row_label(const struct report_row *row, char *out, size_t outsz)
{
	if (row->kind == REPORT_ROW_CATEGORY)
		snprintf(out, outsz, "  其中 %s", row->category);
	else
		snprintf(out, outsz, "%s", row->name);
	return out;
}

void report_period_labels(const struct report *r, char *cur, char *prev, size_t sz)
{
	if (r->year) {
		snprintf(cur, sz, "%d年", r->year);
		snprintf(prev, sz, r->to_date ? "%d年同期" : "%d年", r->year - 1);
	} else {
		snprintf(cur, sz, "本期");
		snprintf(prev, sz, "上年同期");
	}
}
