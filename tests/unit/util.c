/* core/util: upper_bound, the range search of the name finder and the
 * pinyin table. */
#include "tap.h"
#include "util.h"

static int int_cmp(const void *key, const void *elem)
{
	int a = *(const int *)key, b = *(const int *)elem;
	return (a > b) - (a < b);
}

static size_t count_upto(const int *v, size_t n, int key)
{
	return upper_bound(&key, v, n, sizeof *v, int_cmp);
}

int main(void)
{
	static const int starts[] = { 0, 10, 10, 25, 40 };
	size_t n = sizeof starts / sizeof *starts;
	is_int(count_upto(starts, 0, 5), 0, "nothing in an empty array");
	is_int(count_upto(starts, n, -1), 0, "none before the first");
	is_int(count_upto(starts, n, 0), 1, "the first, met exactly");
	is_int(count_upto(starts, n, 9), 1, "inside the first range");
	is_int(count_upto(starts, n, 10), 3, "equal keys all count");
	is_int(count_upto(starts, n, 39), 4, "just before the last");
	is_int(count_upto(starts, n, 40), 5, "the last, met exactly");
	is_int(count_upto(starts, n, 1000), 5, "past the last");
	return tap_done();
}
