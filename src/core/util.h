#ifndef BIANMIN_UTIL_H
#define BIANMIN_UTIL_H
/* Memory that never returns NULL, and the error convention of core:
 * a function that can fail returns bool (or NULL) and, on failure, hands the
 * caller a malloc'd Chinese message through `char **err` (err may be NULL).
 * Only cli.c prints such a message; the TUI shows it on its status line. */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__)
#define BM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define BM_PRINTF(f, a)
#endif

/* Says "bianmin: <message>" on stderr and exits 1: for what cannot go on
 * (out of memory, a broken invariant).  The hook, when set, runs first:
 * the terminal UI restores the terminal there, or the message would
 * vanish with curses' screen.  Core knows no curses. */
_Noreturn void die(const char *fmt, ...) BM_PRINTF(1, 2);
void die_set_hook(void (*hook)(void));

/* On failure these die("内存不足"). */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array of `*cap` elements of `size` bytes to hold at least `need`. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) BM_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) BM_PRINTF(1, 0);

/* A growing NUL-terminated string; a zeroed one is empty and valid once
 * something is added.  `s` belongs to the caller afterwards (free). */
struct strbuf {
	char *s;
	size_t len, cap;
};
void strbuf_addn(struct strbuf *sb, const char *text, size_t n);
void strbuf_add(struct strbuf *sb, const char *text);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) BM_PRINTF(2, 3);

/* What is wrong in a file a loader reads, line by line, for one refusal:
 * every error counted, the first LINE_ERRORS_SHOWN kept ("第3行: ..."; a
 * line of 0 is the file's as a whole).  A zeroed one is empty; free
 * text.s after. */
#define LINE_ERRORS_SHOWN 50
struct line_errors {
	struct strbuf text;
	size_t n;
};
void line_errors_add(struct line_errors *e, size_t line, const char *fmt, ...) BM_PRINTF(3, 4);
/* True when there are none; else false with *err: "{what}有 N 处错误，
 * 未作任何改动" and the lines kept. */
bool line_errors_none(struct line_errors *e, const char *what, char **err);

/* bsearch's sibling for ranges: of n elements sorted ascending, how many
 * are at or before key (cmp as bsearch's, key first).  The one before that
 * count is the range key falls in: a stretch of code points, a line of a
 * text by its start offset. */
size_t upper_bound(const void *key, const void *base, size_t n, size_t size,
		   int (*cmp)(const void *key, const void *elem));

/* Sets *err (if err is non-NULL and still empty) and returns false. */
bool fail(char **err, const char *fmt, ...) BM_PRINTF(2, 3);

/* errno in Chinese: the one mapping of errno for every message (不存在,
 * 没有权限, 磁盘已满, 只读 ...); an errno not listed is given by number,
 * never in the C library's English.  SQLite's codes: db_error_text(). */
const char *errno_text(int errnum);

/* The OS account running the program: getpwuid(getuid()), never $USER. */
const char *current_login(void);

#endif
