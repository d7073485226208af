/* The progress sink (progress.h). */
#include "progress.h"

#include <stddef.h>

static const struct progress *sink;
static long long passed; /* the last `done` passed on */

void progress_set(const struct progress *p)
{
	sink = p;
	passed = 0;
}

void progress_step(const char *what, long long done, long long total, const char *unit)
{
	if (!sink || !sink->report)
		return;
	/* A count that went back is new work. */
	if (done - passed < 64 && done != total && done >= passed)
		return;
	passed = done;
	sink->report(sink->ctx, what, done, total, unit);
}
