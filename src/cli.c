#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "config.h"

int cli_main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("bianmin %s\n", BIANMIN_VERSION);
		return 0;
	}
	fprintf(stderr, "bianmin: 用法: bianmin --version\n");
	return 2;
}
