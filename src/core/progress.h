#ifndef BIANMIN_PROGRESS_H
#define BIANMIN_PROGRESS_H
/* How far long work has got (import, export, backup, check), for whoever
 * shows it: core calls progress_step() as it goes and prints nothing.
 *
 * One sink for the whole process, as stderr is one: the command line sets
 * it for the one command it runs, the terminal UI never does, and without
 * a sink progress_step() costs a test and a return. */

struct progress {
	/* `what` names the work ("导入"); `done` units of `unit` ("行", "页")
	 * so far, of `total` (0 when not known in advance). */
	void (*report)(void *ctx, const char *what, long long done, long long total,
		       const char *unit);
	void *ctx;
};

/* NULL: no sink.  The struct must outlive the work. */
void progress_set(const struct progress *p);

/* Passes a step on when 64 units have gone by since the last one passed,
 * and the last one when `total` is known: the sink decides how often to
 * draw.  Callers may skip steps (a count sampled now and then). */
void progress_step(const char *what, long long done, long long total, const char *unit);

#endif
