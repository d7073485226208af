/* die(): the hook runs first (the terminal UI restores the terminal
 * there), then the message, then exit status 1; out of memory in
 * xmalloc takes the same path instead of abort(). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "util.h"

static void hook(void)
{
	fputs("terminal restored\n", stderr);
}

/* Runs fn in a child with stderr into a pipe; returns what it wrote. */
static char *run(void (*fn)(void), int *status)
{
	int fds[2];
	if (pipe(fds) != 0)
		return NULL;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		fn();
		_exit(99); /* die() did not end the program */
	}
	close(fds[1]);
	static char buf[512];
	size_t n = 0;
	ssize_t r;
	while (n + 1 < sizeof buf && (r = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
	close(fds[0]);
	waitpid(pid, status, 0);
	/* A sanitizer build says on stderr that it refused the allocation
	 * ("==PID==WARNING: ..."): not the program's words, so not compared. */
	char *line;
	while ((line = strstr(buf, "==")) && (line == buf || line[-1] == '\n')) {
		char *end = strchr(line, '\n');
		memmove(line, end ? end + 1 : line + strlen(line), strlen(end ? end + 1 : "") + 1);
	}
	return buf;
}

static void dies(void)
{
	die_set_hook(hook);
	die("界面层次过深");
}

static void runs_out(void)
{
	die_set_hook(hook);
	/* More than any machine can give: malloc returns NULL. */
	void *p = xmalloc(SIZE_MAX / 2);
	free(p);
}

/* A hook that dies itself must not loop. */
static void hook_dies(void)
{
	die("内存不足");
}

static void dies_twice(void)
{
	die_set_hook(hook_dies);
	die("第一次");
}

int main(void)
{
	int status;
	char *out = run(dies, &status);
	is_str(out, "terminal restored\nbianmin: 界面层次过深\n", "the hook runs before the message");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 1, "exit status 1");
	out = run(runs_out, &status);
	is_str(out, "terminal restored\nbianmin: 内存不足\n", "out of memory goes through die()");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 1, "and exits 1, not abort()");
	out = run(dies_twice, &status);
	is_str(out, "bianmin: 内存不足\n", "a hook that dies ends it, once");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 1, "exit status 1");
	return tap_done();
}
