/* Preloaded under the terminal UI to make the current directory behave
 * like a USB stick formatted FAT: no hard links (link() fails with EPERM,
 * as vfat says).  With BIANMIN_TEST_READONLY set the directory takes no
 * new file at all (mkstemp() fails with EROFS). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

int link(const char *from, const char *to)
{
	(void)from;
	(void)to;
	errno = EPERM;
	return -1;
}

int mkstemp(char *template)
{
	(void)template;
	errno = EROFS;
	if (getenv("BIANMIN_TEST_READONLY"))
		return -1;
	return mkostemp(template, 0);
}
