/* Times name completion the way the entry form asks for it: the window's
 * names read once (citizen_names_load), then one lookup per key press
 * (citizen_names_find).  `names_driver DB WINDOW N TYPED...` prints
 * "load_ms names" and, per typed text, "typed median_ms worst_ms hits". */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "catalog.h"
#include "citizen.h"
#include "db.h"
#include "util.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 5) {
		fprintf(stderr, "usage: names_driver DB WINDOW N TYPED...\n");
		return 2;
	}
	char *err = NULL;
	struct db *db = db_open(argv[1], DB_OPEN_EXISTING, &err);
	struct catalog *cat = db ? catalog_read(db, &err) : NULL;
	const struct catalog_window *w = cat ? catalog_window(cat, argv[2]) : NULL;
	if (!w) {
		fprintf(stderr, "names_driver: %s\n", err ? err : "no such window");
		return 1;
	}
	double t0 = now_ms();
	struct citizen_names *names = citizen_names_load(db, cat, w, &err);
	double load = now_ms() - t0;
	if (!names) {
		fprintf(stderr, "names_driver: %s\n", err ? err : "?");
		return 1;
	}
	printf("%.2f %zu\n", load, citizen_names_count(names));
	int n = atoi(argv[3]);
	double *t = xcalloc((size_t)n, sizeof *t);
	for (int a = 4; a < argc; a++) {
		const struct citizen_name *hits[8];
		size_t found = 0;
		for (int i = 0; i < n; i++) {
			double s = now_ms();
			found = citizen_names_find(names, argv[a], hits, 8);
			t[i] = now_ms() - s;
		}
		qsort(t, (size_t)n, sizeof *t, by_value);
		printf("%s %.3f %.3f %zu\n", argv[a], t[n / 2], t[n - 1], found);
	}
	free(t);
	citizen_names_free(names);
	catalog_free(cat);
	db_close(db);
	return 0;
}
