/* The rater: one loop, three states (idle, asking, thanking), drawn in
 * large plain text — bold, spaced, centred — for a citizen across the
 * counter.  It rates as the account running it, which the clerk's
 * windows must allow. */
#include "rater.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "ledger.h"
#include "rating.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* How long a saved entry waits for its rating, and the thanks stays. */
enum { RATER_WAIT_S = 60, RATER_THANKS_S = 5 };

/* What a 差评 is about, picked by one more key: a citizen at a counter is
 * not asked to type. */
static const char *const bad_reasons[] = {
	"等候时间太长", "服务态度不好", "材料要求没说清楚", "事情没有办成", "其他原因",
};
#define NREASONS (sizeof bad_reasons / sizeof bad_reasons[0])

enum rater_state { RATER_IDLE, RATER_ASK, RATER_REASON, RATER_THANKS };

struct rater {
	struct db *db;
	const struct catalog *cat;
	const struct catalog_window *w;
	char *center;
	enum rater_state state;
	int64_t last_id; /* the newest entry seen: only later saves are asked */
	char serial[SERIAL_LEN];
	char matter[128], applicant[128];
	int level;
	time_t since; /* when the state began */
	char message[256];
};

static bool take_latest(const struct entry *e, void *ctx)
{
	struct rater *r = ctx;
	r->last_id = e->id;
	snprintf(r->serial, sizeof r->serial, "%s", e->serial);
	snprintf(r->matter, sizeof r->matter, "%s", e->matter->name);
	snprintf(r->applicant, sizeof r->applicant, "%s", e->applicant);
	return false;
}

/* A new save at the window: ask about it. */
static void follow(struct rater *r)
{
	char *err = NULL;
	int64_t before = r->last_id;
	if (!ledger_latest(r->db, r->cat, r->w, r->last_id, take_latest, r, &err)) {
		snprintf(r->message, sizeof r->message, "%s", err ? err : "读取失败");
		free(err);
		return;
	}
	if (r->last_id != before) {
		r->state = RATER_ASK;
		r->since = time(NULL);
		r->message[0] = '\0';
	}
}

static void centre(int y, const char *s, enum ui_style st)
{
	int w = text_width(s);
	int x = (COLS - w) / 2;
	ui_put(y, x < 0 ? 0 : x, COLS, s, false, false, st);
}

/* "非常满意" as "非 常 满 意": wider, and easier to read across a counter. */
static void spaced(char *out, size_t outsz, const char *s)
{
	size_t o = 0, len = strlen(s);
	for (size_t i = 0; i < len && o + 8 < outsz;) {
		unsigned cp;
		int n = text_decode(s + i, len - i, &cp);
		if (n <= 0)
			break;
		if (o)
			out[o++] = ' ';
		memcpy(out + o, s + i, (size_t)n);
		o += (size_t)n;
		i += (size_t)n;
	}
	out[o] = '\0';
}

static void draw(struct rater *r)
{
	erase();
	struct ui_area all = { 0, 0, LINES, COLS };
	ui_set_area(&all);
	char line[512], big[256];
	snprintf(line, sizeof line, "%s  %s窗口", r->center ? r->center : "", r->w->name);
	centre(0, line, UI_TITLE);
	int y = LINES / 2 - 4;
	if (y < 2)
		y = 2;
	switch (r->state) {
	case RATER_IDLE:
		spaced(big, sizeof big, "欢迎办理业务");
		centre(LINES / 2 - 1, big, UI_TITLE);
		centre(LINES / 2 + 1, "办理完毕后, 请为我们的服务评价", UI_NORMAL);
		break;
	case RATER_ASK:
		snprintf(line, sizeof line, "%s  %s", r->matter, r->applicant);
		centre(y - 1, line, UI_NORMAL);
		centre(y, "请按数字键评价本次服务", UI_NORMAL);
		for (int level = 5, i = 0; level >= 1; level--, i++) {
			spaced(big, sizeof big, rating_level_name(level));
			snprintf(line, sizeof line, "%d    %s", level, big);
			ui_put(y + 2 + i, COLS / 2 - 8 < 0 ? 0 : COLS / 2 - 8, COLS, line, false, false,
			       UI_TITLE);
		}
		break;
	case RATER_REASON:
		snprintf(line, sizeof line, "您选择了“%s”, 请告诉我们原因:", rating_level_name(r->level));
		centre(y, line, UI_NORMAL);
		for (size_t i = 0; i < NREASONS; i++) {
			snprintf(line, sizeof line, "%zu    %s", i + 1, bad_reasons[i]);
			ui_put(y + 2 + (int)i, COLS / 2 - 10 < 0 ? 0 : COLS / 2 - 10, COLS, line, false,
			       false, UI_TITLE);
		}
		break;
	case RATER_THANKS:
		spaced(big, sizeof big, "谢谢您的评价");
		centre(LINES / 2 - 1, big, UI_TITLE);
		break;
	}
	if (r->message[0])
		centre(LINES - 1, r->message, UI_ERROR);
	refresh();
}

static void rate(struct rater *r, int level, const char *reason)
{
	char *err = NULL;
	if (rating_set(r->db, r->serial, level, reason, current_login(), &err)) {
		r->state = RATER_THANKS;
		r->message[0] = '\0';
	} else {
		/* The clerk must see why (an account kept to other windows):
		 * the citizen is thanked all the same. */
		snprintf(r->message, sizeof r->message, "%s", err ? err : "评价未能保存");
		r->state = RATER_THANKS;
	}
	free(err);
	r->since = time(NULL);
}

static void key(struct rater *r, int k)
{
	if (r->state == RATER_ASK && k >= '1' && k <= '5') {
		int level = k - '0';
		if (rating_is_bad(level)) {
			r->level = level;
			r->state = RATER_REASON;
			r->since = time(NULL);
		} else {
			rate(r, level, NULL);
		}
	} else if (r->state == RATER_REASON && k >= '1' && k < '1' + (int)NREASONS) {
		rate(r, r->level, bad_reasons[k - '1']);
	}
}

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int tui_rater(struct db *db, const struct catalog *cat, const struct catalog_window *window)
{
	if (!utf8_locale() || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "bianmin: 评价器需要在 UTF-8 终端中运行\n");
		return 1;
	}
	struct rater r = { .db = db, .cat = cat, .w = window, .state = RATER_IDLE };
	r.center = db_setting(db, "center");
	/* What was saved before the rater started is not asked about. */
	char *err = NULL;
	if (!ledger_latest(db, cat, window, 0, take_latest, &r, &err)) {
		fprintf(stderr, "bianmin: %s\n", err ? err : "读取失败");
		free(err);
		free(r.center);
		return 1;
	}
	r.serial[0] = '\0';
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "bianmin: 无法使用此终端类型\n");
		free(r.center);
		return 1;
	}
	set_term(scr);
	raw();
	noecho();
	curs_set(0);
	keypad(stdscr, TRUE);
	int64_t version = db_data_version(db);
	draw(&r);
	for (;;) {
		/* A quarter of a second: a save shows while the citizen is still
		 * looking. */
		timeout(250);
		int k = getch();
		if (k == 3) /* Ctrl-C: the clerk closes the rater */
			break;
		if (k != ERR && k != KEY_RESIZE)
			key(&r, k);
		int64_t now_version = db_data_version(db);
		if (now_version != version) {
			version = now_version;
			follow(&r);
		}
		time_t now = time(NULL);
		if ((r.state == RATER_ASK || r.state == RATER_REASON) &&
		    now - r.since >= RATER_WAIT_S)
			r.state = RATER_IDLE;
		else if (r.state == RATER_THANKS && now - r.since >= RATER_THANKS_S)
			r.state = RATER_IDLE, r.message[0] = '\0';
		draw(&r);
	}
	endwin();
	delscreen(scr);
	free(r.center);
	return 0;
}
