/* Runs a fuzz target over its corpus, one TAP line per file: each file in
 * a child process, so that a crash or a broken invariant (an abort) fails
 * that file alone and the rest still run.  Linked with one fuzz_*.c, it is
 * how the corpus, crash reproducers included, runs under meson test with
 * any compiler. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool run_file(const char *path, char *why, size_t whysz)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, whysz, "cannot open: %s", strerror(errno));
		return false;
	}
	size_t cap = 4096, len = 0, n;
	uint8_t *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0)
		if ((len += n) == cap)
			buf = realloc(buf, cap *= 2);
	fclose(f);
	if (!buf)
		abort();
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(why, whysz, "fork: %s", strerror(errno));
		free(buf);
		return false;
	}
	if (pid == 0) {
		/* An exact-size copy, so that a read past the input's end is
		 * caught under the address sanitizer as it is by libFuzzer. */
		uint8_t *exact = malloc(len ? len : 1);
		memcpy(exact, buf, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		exit(0);
	}
	free(buf);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			abort();
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return true;
	if (WIFSIGNALED(status))
		snprintf(why, whysz, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(why, whysz, "exit status %d", WEXITSTATUS(status));
	return false;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s CORPUS-DIR\n", argv[0]);
		return 2;
	}
	DIR *dir = opendir(argv[1]);
	if (!dir) {
		printf("Bail out! cannot open %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t count = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (count + 1) * sizeof *names);
		names[count++] = strdup(e->d_name);
	}
	closedir(dir);
	if (count == 0) {
		printf("Bail out! %s holds no seed files\n", argv[1]);
		return 1;
	}
	qsort(names, count, sizeof *names, by_name);
	int failed = 0;
	for (size_t i = 0; i < count; i++) {
		char path[4096], why[128] = "";
		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
		bool good = run_file(path, why, sizeof why);
		printf("%s %zu - %s%s%s\n", good ? "ok" : "not ok", i + 1, names[i],
		       good ? "" : ": ", why);
		failed += !good;
		free(names[i]);
	}
	free(names);
	printf("1..%zu\n", count);
	return failed ? 1 : 0;
}
