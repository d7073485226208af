#ifndef BIANMIN_CLI_CMD_H
#define BIANMIN_CLI_CMD_H
/* The pieces the src/cli files share: the command table's entry type, the
 * state of one run, option parsing with Chinese messages, and the functions
 * that open the database and print core's errors.  Only the command line
 * prints; the handlers return the exit status. */

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "util.h"

struct db;

enum {
	CLI_OK = 0,
	CLI_FAIL = 1,  /* bad input, refused, I/O failure */
	CLI_USAGE = 2, /* unknown option, missing argument, bad number */
};

struct cli;

/* The texts are data/commands.txt's (cli.c reads them once). */
struct cli_cmd {
	const char *name;
	const char *usage;   /* after "bianmin NAME " */
	const char *summary; /* one line, for `bianmin --help` */
	const char *help;    /* the options, for `bianmin NAME --help`; may be NULL */
	int (*handler)(struct cli *c, int argc, char **argv);
};

#define CLI_MAX_OPERANDS 4

struct cli {
	const struct cli_cmd *cmd;
	const char *db_option; /* --db FILE, or NULL */
	struct db *db;
	struct catalog *cat;
	/* The command's arguments that are not options, in order; counted
	 * past CLI_MAX_OPERANDS, kept up to it. */
	const char *operand[CLI_MAX_OPERANDS];
	int noperands;
};

/* Every command understands --help. */
#define CLI_HELP_OPTION { "help", no_argument, NULL, 'h' }
/* Long options without a letter; a file's own start at CLI_OPT_OWN. */
enum { OPT_FROM = 256, OPT_TO, CLI_OPT_OWN };
#define CLI_DATE_OPTION { "date", required_argument, NULL, 'd' }
#define CLI_YEAR_OPTION { "year", required_argument, NULL, 'y' }
#define CLI_FROM_OPTION { "from", required_argument, NULL, OPT_FROM }
#define CLI_TO_OPTION { "to", required_argument, NULL, OPT_TO }

/* add's field options, which correct takes too. */
enum { CLI_OPT_HOUSEHOLDS = CLI_OPT_OWN, CLI_OPT_PERSONS, CLI_OPT_QUANTITY, CLI_OPT_PHONE,
       CLI_OPT_DRAFT_END };
#define CLI_DRAFT_SHORTS "w:m:a:i:v:c:d:t:s:n:"
#define CLI_DRAFT_LONGS                                                    \
	{ "window", required_argument, NULL, 'w' },                        \
	{ "matter", required_argument, NULL, 'm' },                        \
	{ "applicant", required_argument, NULL, 'a' },                     \
	{ "id", required_argument, NULL, 'i' },                            \
	{ "village", required_argument, NULL, 'v' },                       \
	{ "households", required_argument, NULL, CLI_OPT_HOUSEHOLDS },     \
	{ "persons", required_argument, NULL, CLI_OPT_PERSONS },           \
	{ "quantity", required_argument, NULL, CLI_OPT_QUANTITY },         \
	{ "category", required_argument, NULL, 'c' },                      \
	{ "date", required_argument, NULL, 'd' },                          \
	{ "time", required_argument, NULL, 't' },                          \
	{ "status", required_argument, NULL, 's' },                        \
	{ "note", required_argument, NULL, 'n' },                          \
	{ "phone", required_argument, NULL, CLI_OPT_PHONE }
#define CLI_OUTPUT_OPTION { "output", required_argument, NULL, 'o' }

/* The options several commands share, each checked one way: -y/--year,
 * -d/--date, --from and --to (real dates), -o/--output (a name).  Zero /
 * NULL when absent. */
struct cli_common {
	int year;
	const char *date, *from, *to, *output;
};
/* Takes opt (with optarg) when it is one of them: 1 taken, 0 not one of
 * them, -1 a bad value with the usage error printed (return CLI_USAGE). */
int cli_common_opt(struct cli *c, int opt, struct cli_common *o);
/* Every option of a command that has only shared ones (and --help): -1 to
 * go on, else the status to end with (0 after the help, 2 on a usage
 * error, said). */
int cli_common_opts(struct cli *c, int argc, char **argv, const char *shorts,
		    const struct option *longs, struct cli_common *o);
/* The options of a command about one year and nothing else ("y:"). */
extern const struct option cli_year_options[];
/* After the options of a command about one year (lock, export): no
 * operands, --year given, the database open.  CLI_OK to go on, else the
 * exit status with the reason printed. */
int cli_year_ready(struct cli *c, int argc, char **argv, int year, bool with_catalog);

/* getopt_long with the messages in Chinese.  Returns the next option, -1
 * when the options are over, or CLI_STOP when the command must end now with
 * *status: after printing its help (0) or a usage error (2).  Options and
 * operands may come in any order, whatever POSIXLY_CORRECT says; the
 * operands are collected in c->operand. */
#define CLI_STOP (-2)
int cli_getopt(struct cli *c, int argc, char **argv, const char *shorts,
	       const struct option *longs, int *status);
/* The operands (c->operand) must number between min and max; otherwise
 * prints a usage error and returns false.  Call after the options. */
bool cli_operands(struct cli *c, int argc, char **argv, int min, int max);

/* `bianmin NAME --help` (cli.c). */
void cli_print_command_help(const struct cli_cmd *cmd);
/* The usage error for an unknown option or a missing argument, as
 * getopt_long left them; returns 2. */
int cli_bad_option(struct cli *c, int argc, char **argv, int opt, const struct option *longs);

/* The operands of a `list | load FILE` command (catalog, village,
 * holiday): *listing says which; false after a usage error. */
bool cli_list_or_load(struct cli *c, int argc, char **argv, bool *listing);
/* Loads the file c->operand[1] names through `load` and prints `loaded`:
 * all of the file or nothing.  Returns the exit status. */
typedef bool (*cli_loader_fn)(struct db *db, const char *text, size_t len, const char *login,
			      char **err);
int cli_load_file(struct cli *c, cli_loader_fn load, const char *loaded);

/* Messages.  Each returns the exit status it stands for, so a handler can
 * `return cli_usage(c, ...)`. */
int cli_error(const char *fmt, ...) BM_PRINTF(1, 2);          /* 1 */
int cli_usage(struct cli *c, const char *fmt, ...) BM_PRINTF(2, 3); /* 2 */
int cli_core_error(char *err); /* prints and frees core's message; 1 */

/* Strict option values; on a bad one a usage error is printed and false
 * returned.  `what` names the option ("--persons"). */
bool cli_parse_int(struct cli *c, const char *what, const char *s, long long min,
		   long long max, long long *out);
bool cli_parse_year(struct cli *c, const char *what, const char *s, int *year);
bool cli_parse_date(struct cli *c, const char *what, const char *s);
/* --date D | --from D --to D: fills from/to (today when all are absent).
 * `open_ended` allows one bound alone (the other then stays NULL). */
bool cli_parse_range(struct cli *c, const char *date, const char *from, const char *to,
		     bool open_ended, const char **out_from, const char **out_to);
/* A text option that must hold something besides spaces. */
bool cli_nonblank(struct cli *c, const char *what, const char *s);

/* Opens the resolved database (created only by init) and, if wanted, reads
 * the catalog.  On failure prints why and returns false. */
bool cli_open(struct cli *c, bool create, bool with_catalog);

/* Writes an -o file through `write`: a regular file whole or not at all
 * (a temporary beside it, renamed when complete), a device or pipe in
 * place.  False with a message. */
typedef bool (*cli_write_fn)(FILE *out, void *ctx, char **err);
bool cli_write_file(const char *path, cli_write_fn write, void *ctx, char **err);
/* Whether an -o name asks for a workbook (ends in .xlsx, any case). */
bool cli_xlsx_name(const char *path);
/* A workbook goes to a file or a pipe, never onto the terminal: with no -o
 * (or -o -) and a terminal on standard output, prints a usage error and
 * returns false. */
bool cli_binary_output_ok(struct cli *c, const char *path);
/* Finds a window / a matter by name or code for filters; a matter without
 * a window must be unambiguous.  Prints why and returns false otherwise. */
bool cli_find_matter(struct cli *c, const char *window, const char *matter,
		     const struct catalog_window **out_window,
		     const struct catalog_matter **out_matter);
/* Prints text stored by users (names, notes, reasons) where it ends a
 * line: control characters, which could drive the terminal, and broken
 * UTF-8 are shown as a space or '?', like text_fit does in table cells. */
void cli_put_plain(const char *s);
/* Tables.  cli_fit cuts s to at most `cols` columns and, when it had to
 * cut, ends it with ".." (two ASCII columns on every terminal, unlike "…"),
 * so that two long names cut alike never look the same as a short one.
 * cli_cell prints such a cell padded to `cols` and a gap of two; cli_tail
 * prints text that ends the row, uncut; cli_end_row ends the row.  Padding
 * is written only before text that follows it: no row ends in spaces. */
char *cli_fit(char *out, size_t outsz, const char *s, int cols);
void cli_cell(const char *s, int cols, bool align_right);
void cli_tail(const char *s);
/* cli_tail in a colour (an SGR parameter such as "31"; NULL for none). */
void cli_tail_sgr(const char *s, const char *sgr);
void cli_end_row(void);
/* Reads a whole file or stdin ("-") for the loaders. */
char *cli_slurp(const char *path, size_t *len);

/* One of add's field options (optarg) into the draft: 1 taken, 0 not one
 * of them, -1 a bad value (usage error printed).  (entry.c) */
struct entry_draft;
int cli_draft_option(struct cli *c, int opt, struct entry_draft *d);
/* A count the matter's unit does not use, or a figure of nothing: false
 * with the message printed. */
bool cli_counts_fit_unit(struct cli *c, const struct entry_draft *d);
/* After a save: a line on stderr when the entry repeats an earlier one of
 * the same matter, year and 证件号码 (citizen_repeat). */
void cli_warn_repeat(struct cli *c, const char *serial);

/* The serial as stored (SCZR-2021-000001), however it was typed (entry.c). */
const char *cli_stored_serial(struct cli *c, const char *typed, char out[32]);

/* 承诺件 and working days (promise.c).  cli_calendar reads the holiday
 * table (NULL after printing why); cli_workday_note says, once, on stderr,
 * which years asked about have no holiday data. */
struct workday_cal;
struct entry;
struct workday_cal *cli_calendar(struct cli *c);
void cli_workday_note(struct workday_cal *cal);
/* After a save: the note about a year without holiday data, when the
 * entry's due day was counted in one. */
void cli_promise_note(struct cli *c, const char *serial);
/* The 差评 waiting for a call-back, 超期 past 15 working days on `today`
 * (rating.c), or, unless `always`, nothing when none waits; false after
 * printing why. */
bool cli_print_pending_ratings(struct cli *c, const char *today, bool always);
/* 预警 and 超期 per window on `today` (promise.c). */
bool cli_print_promise_counts(struct cli *c, const char *today);
/* A list row's due and done days, where the row ends. */
void cli_promise_tail(const struct entry *e);
/* Gives their due days to the 承诺件 saved without one (promise_fill),
 * saying how many; false after printing why. */
bool cli_fill_due(struct cli *c, const char *login);

/* bianmin --demo: the terminal UI on a temporary demo database. */
int cli_demo(const char *tui_date);

int cli_cmd_init(struct cli *c, int argc, char **argv);
int cli_cmd_add(struct cli *c, int argc, char **argv);
int cli_cmd_list(struct cli *c, int argc, char **argv);
int cli_cmd_show(struct cli *c, int argc, char **argv);
int cli_cmd_void(struct cli *c, int argc, char **argv);
int cli_cmd_correct(struct cli *c, int argc, char **argv);
int cli_cmd_done(struct cli *c, int argc, char **argv);
int cli_cmd_return(struct cli *c, int argc, char **argv);
int cli_cmd_overdue(struct cli *c, int argc, char **argv);
int cli_cmd_tally(struct cli *c, int argc, char **argv);
int cli_cmd_report(struct cli *c, int argc, char **argv);
int cli_cmd_export(struct cli *c, int argc, char **argv);
int cli_cmd_import(struct cli *c, int argc, char **argv);
int cli_cmd_catalog(struct cli *c, int argc, char **argv);
int cli_cmd_village(struct cli *c, int argc, char **argv);
int cli_cmd_user(struct cli *c, int argc, char **argv);
int cli_cmd_lock(struct cli *c, int argc, char **argv);
int cli_cmd_unlock(struct cli *c, int argc, char **argv);
int cli_cmd_audit(struct cli *c, int argc, char **argv);
int cli_cmd_backup(struct cli *c, int argc, char **argv);
int cli_cmd_check(struct cli *c, int argc, char **argv);
int cli_cmd_holiday(struct cli *c, int argc, char **argv);
int cli_cmd_rate(struct cli *c, int argc, char **argv);
int cli_cmd_receipt(struct cli *c, int argc, char **argv);
int cli_cmd_rater(struct cli *c, int argc, char **argv);

#endif
