/* Times saves the way the counter terminal makes them: one ledger_record()
 * each, a durable commit (WAL, synchronous=FULL) per entry, on an open
 * connection.  `save_driver FILE COUNT` prints the median, the 99th
 * percentile and the worst in milliseconds. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "catalog.h"
#include "db.h"
#include "ledger.h"
#include "util.h"

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc != 3 || atoi(argv[2]) < 1) {
		fprintf(stderr, "用法: save_driver 数据库 次数\n");
		return 2;
	}
	int count = atoi(argv[2]);
	char *err = NULL;
	struct db *db = db_open(argv[1], DB_OPEN_EXISTING, &err);
	struct catalog *cat = db ? catalog_read(db, &err) : NULL;
	if (!cat) {
		fprintf(stderr, "save_driver: %s\n", err ? err : "?");
		return 1;
	}
	double *ms = xcalloc((size_t)count, sizeof *ms);
	for (int i = 0; i < count; i++) {
		struct entry_draft d = { .window = "sczr", .matter = "sl", .applicant = "张记面馆",
					 .village = "yc", .date = "2025-06-02", .time = "09:41",
					 .households = -1, .persons = -1, .quantity = -1 };
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		if (!ledger_record(db, cat, &d, current_login(), NULL, &err)) {
			fprintf(stderr, "save_driver: %s\n", err);
			return 1;
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)count, sizeof *ms, compare_double);
	printf("%.2f %.2f %.2f\n", ms[count / 2], ms[count * 99 / 100], ms[count - 1]);
	free(ms);
	catalog_free(cat);
	db_close(db);
	return 0;
}
