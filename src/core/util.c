#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*die_hook)(void);

void die_set_hook(void (*hook)(void))
{
	die_hook = hook;
}

void die(const char *fmt, ...)
{
	/* Once: a hook that itself dies must not loop. */
	void (*hook)(void) = die_hook;
	die_hook = NULL;
	if (hook)
		hook();
	va_list ap;
	va_start(ap, fmt);
	fputs("bianmin: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void out_of_memory(void)
{
	die("内存不足");
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return ptr;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > (size_t)-1 / size)
		out_of_memory();
	*cap = n;
	return xrealloc(ptr, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory();
	if ((size_t)n < sizeof small)
		return xstrndup(small, (size_t)n);
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void strbuf_addn(struct strbuf *sb, const char *text, size_t n)
{
	sb->s = xgrow(sb->s, &sb->cap, sb->len + n + 1, 1);
	memcpy(sb->s + sb->len, text, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void strbuf_add(struct strbuf *sb, const char *text)
{
	strbuf_addn(sb, text, strlen(text));
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_add(sb, text);
	free(text);
}

bool fail(char **err, const char *fmt, ...)
{
	if (err && !*err) {
		va_list ap;
		va_start(ap, fmt);
		*err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return false;
}

void line_errors_add(struct line_errors *e, size_t line, const char *fmt, ...)
{
	if (++e->n > LINE_ERRORS_SHOWN)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (line)
		strbuf_addf(&e->text, "第%zu行: %s\n", line, msg);
	else
		strbuf_addf(&e->text, "%s\n", msg);
	free(msg);
}

bool line_errors_none(struct line_errors *e, const char *what, char **err)
{
	if (e->n == 0)
		return true;
	if (e->text.len && e->text.s[e->text.len - 1] == '\n')
		e->text.s[--e->text.len] = '\0';
	if (e->n > LINE_ERRORS_SHOWN)
		return fail(err, "%s有 %zu 处错误，未作任何改动（仅列出前 %d 处）:\n%s", what, e->n,
			    LINE_ERRORS_SHOWN, e->text.s);
	return fail(err, "%s有 %zu 处错误，未作任何改动:\n%s", what, e->n, e->text.s);
}

size_t upper_bound(const void *key, const void *base, size_t n, size_t size,
		   int (*cmp)(const void *key, const void *elem))
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp(key, (const char *)base + mid * size) >= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *current_login(void)
{
	/* Whole, however long, so that refusals and the audit name the account
	 * as the system does (clerk_put registers at most LOGIN_MAX). */
	static char login[LOGIN_NAME_MAX + 1];
	if (!login[0]) {
		/* The real uid: it is the account that ran the program, setgid
		 * or not, and the one the kernel lets no caller choose. */
		struct passwd *pw = getpwuid(getuid());
		if (pw)
			snprintf(login, sizeof login, "%s", pw->pw_name);
		else
			snprintf(login, sizeof login, "uid%ld", (long)getuid());
	}
	return login;
}

const char *errno_text(int errnum)
{
	switch (errnum) {
	case ENOENT:
		return "文件或目录不存在";
	case EACCES:
	case EPERM:
		return "没有权限";
	case EEXIST:
		return "文件已存在";
	case ENOSPC:
		return "磁盘已满";
	case EROFS:
		return "只读（文件系统只读）";
	case EISDIR:
		return "这是一个目录";
	case ENOTDIR:
		return "路径中有一部分不是目录";
	case ENAMETOOLONG:
		return "文件名太长";
	case EIO:
		return "I/O 错误（读写磁盘出错）";
	case EDQUOT:
		return "超出磁盘配额";
	case EBUSY:
	case ETXTBSY:
		return "文件正被占用";
	case EAGAIN:
		return "文件被锁定，请稍后重试";
	case ELOOP:
		return "符号链接层数过多";
	case EMFILE:
	case ENFILE:
		return "打开的文件过多";
	case ENOMEM:
		return "内存不足";
	case EFBIG:
		return "文件过大";
	case EXDEV:
		return "不能跨文件系统移动";
	case ENXIO:
	case ENODEV:
		return "设备不存在";
	case EPIPE:
		return "输出已被关闭（管道另一端已退出）";
	case EINVAL:
		return "参数无效";
	case ENOTEMPTY:
		return "目录不为空";
	}
	/* Never the C library's English: the number lets someone look it up. */
	static char other[48];
	snprintf(other, sizeof other, "系统错误（错误码 %d）", errnum);
	return other;
}
