/* The report's service figures: 承诺件 on time, late and open, and the
 * citizens' ratings, per window; their section in the text, their table in
 * the CSV, their sentence in the narrative. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "csvrow.h"
#include "db_sql.h"
#include "rating.h"
#include "text.h"
#include "util.h"

/* Through the partial index txn_due (migration 3): a center's 承诺件 are
 * few among its entries, and the report must not read them all again. */
static const char promised_sql[] =
	"SELECT m.window_id, count(*), "
	"sum(t.status <> '受理' AND coalesce(t.done_on, t.occurred_on) <= t.due_on), "
	"sum(t.status <> '受理' AND coalesce(t.done_on, t.occurred_on) > t.due_on), "
	"sum(t.status = '受理') "
	"FROM txn t INDEXED BY txn_due JOIN matter m ON m.id = t.matter_id "
	"WHERE t.due_on IS NOT NULL AND t.occurred_on BETWEEN :from AND :to "
	"AND t.voided_at IS NULL GROUP BY m.window_id";

/* Ratings are fewer still, but how many fewer depends on the center.  Walked
 * from the period's entries, each costs a look into rating; walked from
 * rating (CROSS JOIN keeps that order), each rating of every year costs a
 * look into txn.  The first is what SQLite picks; the second is taken when
 * the whole table holds far fewer ratings than the period has entries. */
#define RATED_SELECT \
	"SELECT m.window_id, r.level, t.serial, r.reason, r.followup_at IS NOT NULL "
#define RATED_WHERE \
	" JOIN matter m ON m.id = t.matter_id " \
	"WHERE t.occurred_on BETWEEN :from AND :to AND t.voided_at IS NULL " \
	"ORDER BY t.occurred_on, t.id"
static const char rated_by_entry_sql[] =
	RATED_SELECT "FROM rating r JOIN txn t ON t.id = r.txn_id" RATED_WHERE;
static const char rated_by_rating_sql[] =
	RATED_SELECT "FROM rating r CROSS JOIN txn t ON t.id = r.txn_id" RATED_WHERE;
/* Counts the ratings up to a limit, so a large table is not read through. */
static const char ratings_upto_sql[] =
	"SELECT count(*) FROM (SELECT 1 FROM rating LIMIT :limit)";

static struct report_window *window_by_id(struct report *r, int64_t id)
{
	for (size_t i = 0; i < r->nwindows; i++)
		if (r->windows[i].window->id == id)
			return &r->windows[i];
	return NULL;
}

static void svc_add(struct report_service *to, const struct report_service *add)
{
	to->promised += add->promised;
	to->on_time += add->on_time;
	to->late += add->late;
	to->open += add->open;
	to->rated += add->rated;
	for (int l = 1; l <= RATING_LEVELS; l++)
		to->by_level[l] += add->by_level[l];
	to->entries += add->entries;
}

bool report_service_compute(struct db *db, struct report *r, char **err)
{
	sqlite3_stmt *st = db_stmt(db, promised_sql, err);
	if (!st)
		return false;
	db_bind_text(st, ":from", r->from);
	db_bind_text(st, ":to", r->to);
	int rc;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct report_window *rw = window_by_id(r, sqlite3_column_int64(st, 0));
		if (!rw)
			continue;
		rw->svc.promised = sqlite3_column_int64(st, 1);
		rw->svc.on_time = sqlite3_column_int64(st, 2);
		rw->svc.late = sqlite3_column_int64(st, 3);
		rw->svc.open = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return false;
	int64_t entries = 0;
	for (size_t i = 0; i < r->nwindows; i++)
		entries += r->windows[i].cur.entries;
	if (!(st = db_stmt(db, ratings_upto_sql, err)))
		return false;
	db_bind_int(st, ":limit", entries / 4 + 1);
	rc = db_step(db, st, err);
	int64_t ratings = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return false;
	if (!(st = db_stmt(db, ratings <= entries / 4 ? rated_by_rating_sql : rated_by_entry_sql,
			   err)))
		return false;
	db_bind_text(st, ":from", r->from);
	db_bind_text(st, ":to", r->to);
	size_t cap = 0;
	while ((rc = db_step(db, st, err)) == SQLITE_ROW) {
		struct report_window *rw = window_by_id(r, sqlite3_column_int64(st, 0));
		int level = sqlite3_column_int(st, 1);
		if (!rw || level < 1 || level > RATING_LEVELS)
			continue;
		rw->svc.rated++;
		rw->svc.by_level[level]++;
		if (!rating_is_bad(level))
			continue;
		r->bad = xgrow(r->bad, &cap, r->nbad + 1, sizeof *r->bad);
		r->bad[r->nbad++] = (struct report_bad_rating){
			.serial = xstrdup(db_col_text(st, 2)),
			.reason = xstrdup(db_col_text(st, 3)),
			.window = (size_t)(rw - r->windows),
			.level = level,
			.followed_up = sqlite3_column_int(st, 4) != 0,
		};
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return false;
	memset(&r->svc, 0, sizeof r->svc);
	for (size_t i = 0; i < r->nwindows; i++) {
		struct report_window *rw = &r->windows[i];
		rw->svc.entries = rw->cur.entries;
		svc_add(&r->svc, &rw->svc);
	}
	r->has_service = r->svc.promised > 0 || r->svc.rated > 0;
	return true;
}

void report_service_clear(struct report *r)
{
	for (size_t i = 0; i < r->nbad; i++) {
		free(r->bad[i].serial);
		free(r->bad[i].reason);
	}
	free(r->bad);
	r->bad = NULL;
	r->nbad = 0;
}

static double share(int64_t part, int64_t whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : -1;
}

double report_on_time_rate(const struct report_service *s)
{
	return share(s->on_time, s->on_time + s->late);
}

double report_good_rate(const struct report_service *s)
{
	return share(s->by_level[5] + s->by_level[4] + s->by_level[3], s->rated);
}

double report_rated_share(const struct report_service *s)
{
	return share(s->rated, s->entries);
}

static const char *percent(char *out, size_t outsz, double v)
{
	if (v < 0)
		snprintf(out, outsz, "-");
	else
		snprintf(out, outsz, "%.1f%%", v);
	return out;
}

const char report_service_title[] = "承诺件与好差评";
const char report_service_note[] =
	"承诺时限按工作日计；按时办结率为已办结中按时的比例，"
	"好评率为非常满意、满意、基本满意占评价数的比例，参评率为评价数占办件数的比例";

const char *const report_service_head[REPORT_SERVICE_COLS] = {
	"窗口", "承诺件", "按时办结", "逾期办结", "未办结", "按时办结率",
	"非常满意", "满意", "基本满意", "不满意", "非常不满意", "评价数", "好评率", "参评率",
};

bool report_service_is_rate(int col)
{
	return col == 5 || col == 12 || col == 13;
}

double report_service_figure(const struct report_service *s, int col)
{
	switch (col) {
	case 1: return (double)s->promised;
	case 2: return (double)s->on_time;
	case 3: return (double)s->late;
	case 4: return (double)s->open;
	case 5: return report_on_time_rate(s);
	case 11: return (double)s->rated;
	case 12: return report_good_rate(s);
	case 13: return report_rated_share(s);
	default:
		return col > 5 && col < 11 ? (double)s->by_level[11 - col] : -1;
	}
}

static void svc_cells(const char *name, const struct report_service *s,
		      char cells[REPORT_SERVICE_COLS][48])
{
	snprintf(cells[0], 48, "%s", name);
	for (int c = 1; c < REPORT_SERVICE_COLS; c++) {
		double v = report_service_figure(s, c);
		if (report_service_is_rate(c))
			percent(cells[c], 48, v);
		else
			snprintf(cells[c], 48, "%.0f", v);
	}
}

void report_service_write_text(const struct report *r, FILE *out)
{
	if (!r->has_service)
		return;
	char cells[REPORT_SERVICE_COLS][48];
	int width[REPORT_SERVICE_COLS];
	for (int c = 0; c < REPORT_SERVICE_COLS; c++)
		width[c] = text_width(report_service_head[c]);
	for (size_t w = 0; w <= r->nwindows; w++) {
		svc_cells(w < r->nwindows ? r->windows[w].window->name : "合计",
			  w < r->nwindows ? &r->windows[w].svc : &r->svc, cells);
		for (int c = 0; c < REPORT_SERVICE_COLS; c++)
			if (text_width(cells[c]) > width[c])
				width[c] = text_width(cells[c]);
	}
	fprintf(out, "\n%s（%s）\n", report_service_title, report_service_note);
	for (size_t w = 0; w <= r->nwindows + 1; w++) {
		if (w == 0) {
			for (int c = 0; c < REPORT_SERVICE_COLS; c++)
				snprintf(cells[c], 48, "%s", report_service_head[c]);
		} else {
			size_t i = w - 1;
			svc_cells(i < r->nwindows ? r->windows[i].window->name : "合计",
				  i < r->nwindows ? &r->windows[i].svc : &r->svc, cells);
		}
		for (int c = 0; c < REPORT_SERVICE_COLS; c++) {
			if (c)
				fputs("  ", out);
			text_fput_padded(out, cells[c], width[c], c > 0);
		}
		fputs("\n", out);
	}
	if (r->nbad == 0)
		return;
	fputs("\n差评\n", out);
	for (size_t i = 0; i < r->nbad; i++) {
		const struct report_bad_rating *b = &r->bad[i];
		char reason[256];
		/* Stored text is escaped like every table cell. */
		text_fit(reason, sizeof reason, b->reason, 200, false, false);
		fprintf(out, "%s  %s  %s  %s  %s\n", b->serial, r->windows[b->window].window->name,
			rating_level_name(b->level), b->followed_up ? "已回访" : "待回访", reason);
	}
}

void report_service_write_csv(const struct report *r, struct csvrow_writer *w)
{
	if (!r->has_service)
		return;
	char cells[REPORT_SERVICE_COLS][48];
	csvrow_end(w);
	for (int c = 0; c < REPORT_SERVICE_COLS; c++)
		csvrow_put(w, report_service_head[c]);
	csvrow_end(w);
	for (size_t i = 0; i <= r->nwindows; i++) {
		const struct report_service *s = i < r->nwindows ? &r->windows[i].svc : &r->svc;
		svc_cells(i < r->nwindows ? r->windows[i].window->name : "合计", s, cells);
		csvrow_put(w, cells[0]);
		for (int c = 1; c < REPORT_SERVICE_COLS; c++) {
			/* Numbers as numbers; a rate as its number without %, so a
			 * spreadsheet can sum and chart them. */
			if (report_service_is_rate(c)) {
				double v = report_service_figure(s, c);
				char num[32];
				if (v < 0)
					num[0] = '\0';
				else
					snprintf(num, sizeof num, "%.1f", v);
				csvrow_put(w, num);
			} else {
				csvrow_put(w, cells[c]);
			}
		}
		csvrow_end(w);
	}
}

char *report_service_sentence(const struct report *r)
{
	if (!r->has_service)
		return NULL;
	const struct report_service *s = &r->svc;
	struct strbuf sb = { 0 };
	char pct[32];
	const char *when = r->year && !r->to_date ? "全年" : "期内";
	if (s->promised > 0) {
		strbuf_addf(&sb, "%s受理承诺件%lld件，按时办结%lld件", when, (long long)s->promised,
			    (long long)s->on_time);
		if (s->late)
			strbuf_addf(&sb, "、逾期办结%lld件", (long long)s->late);
		if (s->open)
			strbuf_addf(&sb, "、尚在办理%lld件", (long long)s->open);
		if (s->on_time + s->late > 0)
			strbuf_addf(&sb, "，按时办结率%s", percent(pct, sizeof pct, report_on_time_rate(s)));
	}
	if (s->rated > 0) {
		strbuf_addf(&sb, "%s收到好差评%lld件（参评率%s），", sb.len ? "；" : when,
			    (long long)s->rated, percent(pct, sizeof pct, report_rated_share(s)));
		strbuf_addf(&sb, "好评率%s", percent(pct, sizeof pct, report_good_rate(s)));
		size_t called = 0;
		for (size_t i = 0; i < r->nbad; i++)
			called += r->bad[i].followed_up;
		if (r->nbad && called == r->nbad)
			strbuf_addf(&sb, "，差评%zu件均已回访", r->nbad);
		else if (r->nbad)
			strbuf_addf(&sb, "，差评%zu件、已回访%zu件", r->nbad, called);
	}
	strbuf_add(&sb, "。");
	return sb.s;
}
