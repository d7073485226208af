#include "app.h"

#include <stdio.h>

int tui_main(const char *db_path, bool demo)
{
	(void)db_path;
	(void)demo;
	fputs("bianmin: 终端界面尚未构建\n", stderr);
	return 1;
}
