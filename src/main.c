/* bianmin: with no subcommand the terminal UI, else the command line. */
#include <locale.h>

#include "cli/cli.h"
#include "priv.h"

int main(int argc, char **argv)
{
	/* Before anything reads the environment. */
	priv_init();
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
