/* The progress line and the interrupt's cleanup (meter.h). */
#include "meter.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "text.h"

static struct {
	struct progress sink;
	double start;
	double drawn_at;
	int width; /* columns of the line on the screen now; 0 = none */
} meter;

static const char *volatile guarded;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 1234567 -> "1,234,567" */
static void grouped(char *out, size_t size, long long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? 0 : n);
	size_t o = 0;
	for (int i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

static void wipe(void)
{
	if (meter.width > 0)
		fprintf(stderr, "\r%*s\r", meter.width, "");
	meter.width = 0;
}

static void draw(void *ctx, const char *what, long long done, long long total, const char *unit)
{
	(void)ctx;
	double t = now();
	/* Ten times a second at most; nothing for work done in a blink. */
	if (t - meter.drawn_at < 0.1)
		return;
	meter.drawn_at = t;
	char d[32], line[200];
	grouped(d, sizeof d, done);
	int n;
	if (total > 0) {
		char all[32];
		grouped(all, sizeof all, total);
		n = snprintf(line, sizeof line, "%s %s / %s %s（%lld%%）", what, d, all, unit,
			     done * 100 / total);
	} else {
		n = snprintf(line, sizeof line, "%s %s %s", what, d, unit);
	}
	double secs = t - meter.start;
	if (secs > 0 && n > 0 && (size_t)n < sizeof line) {
		char rate[32];
		grouped(rate, sizeof rate, (long long)((double)done / secs));
		snprintf(line + n, sizeof line - (size_t)n, "  每秒 %s %s", rate, unit);
	}
	int cols = text_width(line);
	/* Spaces over what is left of a longer line before. */
	fprintf(stderr, "\r%s%*s", line, meter.width > cols ? meter.width - cols : 0, "");
	meter.width = cols > meter.width ? cols : meter.width;
}

static void on_signal(int sig)
{
	const char *path = guarded;
	if (path)
		unlink(path);
	if (meter.width > 0) {
		static const char nl[] = "\n";
		ssize_t ignored = write(STDERR_FILENO, nl, 1);
		(void)ignored;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void meter_start(bool data_on_stdout)
{
	/* A signal the caller ignores (nohup, a background job) stays ignored. */
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction was;
		if (sigaction(sigs[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN)
			signal(sigs[i], on_signal);
	}
	if (!isatty(STDERR_FILENO) || (data_on_stdout && isatty(STDOUT_FILENO)))
		return;
	meter.start = meter.drawn_at = now();
	meter.width = 0;
	meter.sink = (struct progress){ .report = draw };
	progress_set(&meter.sink);
}

void meter_end(void)
{
	progress_set(NULL);
	wipe();
	meter_guard_file(NULL);
}

void meter_guard_file(const char *path)
{
	guarded = path;
}
