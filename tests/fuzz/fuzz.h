#ifndef BIANMIN_FUZZ_H
#define BIANMIN_FUZZ_H
/* What every fuzz target shares: the libFuzzer entry point, and a check
 * that aborts, so that a broken invariant is a crash libFuzzer keeps and
 * the replay driver reports. */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, ...)                                                        \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: invariant broken: %s\n  ", __FILE__, \
				__LINE__, #cond);                                    \
			fprintf(stderr, __VA_ARGS__);                                \
			fputc('\n', stderr);                                         \
			abort();                                                     \
		}                                                                    \
	} while (0)

/* The input as a C string (cut at its first NUL, as a C caller would see
 * it), malloc'd. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	size_t n = strnlen((const char *)data, size);
	char *s = malloc(n + 1);
	if (!s)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
