#include "lines.h"
#include "app.h"

#include <curses.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "db.h"
#include "holiday.h"
#include "input.h"
#include "text.h"
#include "tui.h"
#include "util.h"

/* keys.h spells curses' key codes as numbers; hold it to its word. */
_Static_assert(TK_DOWN == FK(KEY_DOWN) && TK_UP == FK(KEY_UP) && TK_LEFT == FK(KEY_LEFT) &&
	       TK_RIGHT == FK(KEY_RIGHT) && TK_HOME == FK(KEY_HOME) &&
	       TK_BACKSPACE == FK(KEY_BACKSPACE) && TK_DC == FK(KEY_DC) &&
	       TK_NPAGE == FK(KEY_NPAGE) && TK_PPAGE == FK(KEY_PPAGE) &&
	       TK_ENTER == FK(KEY_ENTER) && TK_BTAB == FK(KEY_BTAB) && TK_END == FK(KEY_END) &&
	       KF(1) == FK(KEY_F(1)),
	       "keys.h key codes differ from curses");

static char fixed_date[DATE_LEN];
static bool curses_on;

static void end_curses(void)
{
	input_stop();
	endwin();
	curses_on = false;
}

void tui_set_date(const char *date)
{
	snprintf(fixed_date, sizeof fixed_date, "%s", date ? date : "");
}

/* core's die() runs this first: a message printed into curses' screen
 * would vanish with it, and the terminal would be left raw. */
static void restore_terminal(void)
{
	if (curses_on)
		end_curses();
}

static void set_status(struct app *a, bool bad, const char *fmt, va_list ap)
{
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	/* One line: a message with a newline would break the layout. */
	for (char *p = a->status; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	ui_unambiguous(a->status);
	a->status_bad = bad;
}

void app_say(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(a, false, fmt, ap);
	va_end(ap);
}

void app_error(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(a, true, fmt, ap);
	va_end(ap);
}

void app_error_take(struct app *a, char *err)
{
	app_error(a, "%s", err ? err : "操作失败");
	free(err);
}

void app_cursor(struct app *a, int y, int x)
{
	const struct ui_area *ar = ui_get_area();
	a->cursor_on = true;
	a->cursor_y = ar->top + y;
	a->cursor_x = ar->left + x;
}

const char *app_clerk_name(struct app *a, const char *login)
{
	for (size_t i = 0; i < a->nnames; i++)
		if (strcmp(a->names[i].login, login) == 0)
			return a->names[i].name;
	struct clerk c;
	char *name;
	if (clerk_get(a->db, login, &c, NULL)) {
		name = xstrdup(c.name && c.name[0] ? c.name : login);
		clerk_clear(&c);
	} else {
		name = xstrdup(login);
	}
	a->names = xgrow(a->names, &a->cap_names, a->nnames + 1, sizeof *a->names);
	a->names[a->nnames].login = xstrdup(login);
	a->names[a->nnames].name = name;
	return a->names[a->nnames++].name;
}

bool app_backdating(struct app *a)
{
	if (!a->fixed_date)
		return false;
	char today[DATE_LEN];
	period_today(today);
	return strcmp(a->today, today) != 0;
}

bool app_can_record(struct app *a)
{
	if (a->clerk_known)
		return true;
	app_error(a, "%s", a->clerk_problem ? a->clerk_problem : "当前账号不能登记");
	return false;
}

static void refresh_today(struct app *a)
{
	if (a->fixed_date)
		return;
	period_today(a->today);
}

/* Another terminal or the command line loaded a catalog: screens hold
 * pointers into the old copy (a window's matters, a form's matter), so
 * they are closed before it is freed, and the clerk starts again from the
 * home screen.  Called between keys, never inside a screen's handler. */
static void follow_catalog(struct app *a)
{
	int64_t v = catalog_version(a->db);
	if (v == a->cat_version)
		return;
	char *err = NULL;
	struct catalog *fresh = catalog_read(a->db, &err);
	if (!fresh) {
		app_error_take(a, err);
		return;
	}
	view_close_all(a);
	catalog_free(a->cat);
	a->cat = fresh;
	a->cat_version = v;
	view_push(a, &home_screen, 0);
	app_say(a, "事项目录已更新");
}

static void loop(struct app *a)
{
	bool after_text = false; /* the last key was text for a field */
	int64_t seen_version = db_data_version(a->db);
	bool dirty = true;
	while (!a->quit && !input_gone()) {
		if (dirty)
			view_draw(a);
		dirty = false;
		int key;
		if (!input_read(&key)) {
			/* Idle: another terminal may have saved, or the day may
			 * have turned; redraw only if so. */
			int64_t v = db_data_version(a->db);
			char before[DATE_LEN];
			memcpy(before, a->today, sizeof before);
			refresh_today(a);
			if (v != seen_version || strcmp(before, a->today) != 0) {
				seen_version = v;
				follow_catalog(a);
				dirty = true;
			}
			continue;
		}
		dirty = true;
		/* A resize needs nothing here: the draw above lays the
		 * screens out again (view_layout) before it draws. */
		bool usable = view_layout(a);
		if (key == FK(KEY_RESIZE))
			continue;
		struct view *v = view_top(a);
		unsigned ctx = v->ops->context(a, v);
		key = input_cook(key, ctx, after_text);
		if (key < 0)
			continue;
		enum action act = keys_lookup(key, ctx, a->hidden);
		after_text = act == ACT_TEXT;
		if (!usable) {
			/* Nothing to act on that cannot be seen; leaving still
			 * works (q on the home screen, Ctrl-C anywhere). */
			if (act == ACT_QUIT || act == ACT_INTERRUPT)
				a->quit = true;
			continue;
		}
		a->status[0] = '\0';
		a->status_bad = false;
		switch (act) {
		case ACT_HELP:
			view_help(a);
			break;
		case ACT_INTERRUPT:
			a->quit = true;
			break;
		default:
			view_request(a, act, key);
			break;
		}
		int64_t ver = db_data_version(a->db);
		if (ver != seen_version) {
			seen_version = ver;
			follow_catalog(a);
		}
	}
}

/* tigetstr gives NULL or (char *)-1 when the terminal lacks the capability. */
static bool can_address_cursor(void)
{
	char *cup = tigetstr("cup");
	return cup != NULL && cup != (char *)-1;
}

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* A fresh database (first run with no `init`) gets the default catalog and
 * this account as its administrator, as `bianmin init` would. */
static bool first_run(struct app *a, char **err)
{
	if (a->cat->nwindows > 0)
		return true;
	if (!catalog_load_defaults(a->db, current_login(), err) ||
	    !holiday_load_defaults(a->db, current_login(), NULL, err))
		return false;
	struct clerk c = {.login = (char *)current_login(), .name = (char *)current_login(),
			  .role = ROLE_ADMIN, .windows = ""};
	if (!clerk_put(a->db, &c, current_login(), err))
		return false;
	catalog_free(a->cat);
	a->cat = catalog_read(a->db, err);
	return a->cat != NULL;
}

static bool open_app(struct app *a, const char *db_path, char **err)
{
	a->db = db_open(db_path, DB_OPEN_CREATE, err);
	if (!a->db)
		return false;
	a->cat = catalog_read(a->db, err);
	if (!a->cat || !first_run(a, err))
		return false;
	a->cat_version = catalog_version(a->db);
	a->center = db_setting(a->db, "center");
	if (!a->center)
		a->center = conf_center();
	if (!a->center)
		a->center = xstrdup("便民服务中心");
	char *why = NULL;
	a->clerk_known = clerk_get(a->db, current_login(), &a->clerk, &why);
	if (why)
		ui_unambiguous(why);
	a->clerk_problem = why;
	/* Only the register's accounts see the ledger (the demo registers its
	 * own account; a fresh database, its first user, in first_run). */
	if (!a->clerk_known)
		return fail(err, "%s", why ? why : "当前账户不是登记的经办人");
	if (fixed_date[0]) {
		if (!period_valid_date(fixed_date))
			return fail(err, "日期无效: %s (应为 YYYY-MM-DD)", fixed_date);
		memcpy(a->today, fixed_date, sizeof a->today);
		a->fixed_date = true;
	} else {
		period_today(a->today);
	}
	return true;
}

static void close_app(struct app *a)
{
	view_close_all(a);
	for (size_t i = 0; i < a->nnames; i++) {
		free(a->names[i].login);
		free(a->names[i].name);
	}
	free(a->names);
	if (a->clerk_known)
		clerk_clear(&a->clerk);
	free(a->clerk_problem);
	free(a->center);
	catalog_free(a->cat);
	db_close(a->db);
}

bool tui_set_lines(const char *mode)
{
	enum lines_mode m;
	if (!lines_parse(mode, &m))
		return false;
	lines_set(m);
	return true;
}

int tui_main(const char *db_path, bool demo)
{
	if (!utf8_locale()) {
		fprintf(stderr,
			"bianmin: 终端界面需要 UTF-8 字符集, 当前为 %s.\n"
			"请先设置, 例如: export LANG=C.UTF-8 (或 zh_CN.UTF-8), 再运行 bianmin.\n",
			nl_langinfo(CODESET));
		return 1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		/* curses on a pipe would wait for keys that never come.  The
		 * demo is also the README's first command, run by scripts with
		 * no terminal: there it has nothing to show, and that is no
		 * failure. */
		fprintf(stderr, "bianmin: 终端界面需要在终端中运行 (标准输入和输出须是终端)%s\n",
			demo ? ", 演示数据已生成, 未启动界面" : "");
		return demo ? 0 : 1;
	}
	struct app a = {.demo = demo};
	char *err = NULL;
	if (!open_app(&a, db_path, &err)) {
		fprintf(stderr, "bianmin: %s\n", err ? err : "无法打开数据库");
		free(err);
		close_app(&a);
		return 1;
	}

	/* newterm, not initscr: initscr exits on an unknown TERM by itself,
	 * before we could say so in Chinese and close the database. */
	const char *term = getenv("TERM");
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "bianmin: 无法使用终端类型 TERM=%s, 请设置为 xterm 等常见类型\n",
			term && term[0] ? term : "(未设置)");
		close_app(&a);
		return 1;
	}
	set_term(scr);
	lines_start();
	if (!can_address_cursor()) {
		/* Without cursor addressing (TERM=dumb, a printing terminal)
		 * every screen would come out as one garbled stream. */
		endwin();
		delscreen(scr);
		fprintf(stderr,
			"bianmin: 终端类型 TERM=%s 不能移动光标, 无法显示界面; "
			"请设置为 xterm 等常见类型\n",
			term && term[0] ? term : "(未设置)");
		close_app(&a);
		return 1;
	}
	curses_on = true;
	die_set_hook(restore_terminal);
	/* Esc at once (ncurses waits a second for an escape sequence); on the
	 * screen just made, which a reentrant ncurses requires. */
	set_escdelay(25);
	/* raw, not cbreak: Ctrl-S (save) must reach us instead of stopping
	 * the terminal's output (XON/XOFF). */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	input_start();
	ui_init_colors(&a);
	a.hidden[ACT_REPORT] = report_screen == NULL;
	view_layout(&a);

	view_push(&a, &home_screen, 0);
	loop(&a);

	die_set_hook(NULL);
	end_curses();
	delscreen(scr);
	close_app(&a);
	return 0;
}
